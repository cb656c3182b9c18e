//! What a heading or a label says a section is, and what a status line says.

use super::{SectionKind, StatusKind};

/// Classifies a heading (or a `Label:` at the start of a paragraph) by its words.
pub fn classify_heading(title: &str) -> SectionKind {
    let normalised = normalise(title);
    let t = normalised.as_str();
    let has = |word: &str| t.contains(word);
    let is = |words: &[&str]| words.contains(&t);
    if t.is_empty() {
        SectionKind::Other
    } else if has("driver")
        || has("forces")
        || has("requirement")
        || has("constraint")
        || has("assumption")
        || has("goal")
    {
        SectionKind::Context
    } else if is_status_heading(t) || is(&["state", "lifecycle"]) {
        SectionKind::Status
    } else if has("consequence")
        || has("implication")
        || has("risk")
        || has("trade-off")
        || has("tradeoff")
        || has("drawback")
        || has("impact")
        || is(&[
            "pros",
            "cons",
            "good",
            "bad",
            "positive",
            "negative",
            "neutral",
            "results",
            "outcomes and risks",
        ])
    {
        SectionKind::Consequences
    } else if has("chosen") || has("decision outcome") {
        SectionKind::Decision
    } else if has("option")
        || has("alternative")
        || has("pros and cons")
        || has("considered")
        || has("rejected")
    {
        SectionKind::Options
    } else if has("decision")
        || has("proposal")
        || has("proposed")
        || has("solution")
        || has("resolution")
        || has("design")
        || has("implementation")
        || has("rationale")
        || has("justification")
        || has("approach")
        || is(&[
            "how",
            "what",
            "plan",
            "outcome",
            "we decided",
            "agreed",
            "conclusion",
            "recommendation",
        ])
    {
        SectionKind::Decision
    } else if has("context")
        || has("problem")
        || has("background")
        || has("motivation")
        || has("issue")
        || has("why")
        || has("history")
        || has("current state")
        || has("introduction")
    {
        SectionKind::Context
    } else {
        SectionKind::Other
    }
}

/// A heading that is only a section's name ("Decision", "Context and Problem Statement"), never
/// a document title, even at level 1.
pub fn is_section_name(title: &str) -> bool {
    matches!(
        normalise(title).as_str(),
        "status"
            | "context"
            | "decision"
            | "decisions"
            | "consequences"
            | "context and problem statement"
            | "decision outcome"
            | "considered options"
            | "decision drivers"
            | "pros and cons of the options"
            | "options"
            | "alternatives"
            | "background"
            | "problem statement"
    )
}

/// "Status", "ADR status", "Status of this decision"; not "Do nothing and keep the status quo"
/// or "Record status DTO", which only mention a status.
fn is_status_heading(normalised: &str) -> bool {
    let words: Vec<&str> = normalised
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match words.iter().position(|w| *w == "status") {
        Some(0) => words.get(1) != Some(&"quo"),
        Some(at) => at + 1 == words.len() && words.len() <= 3,
        None => false,
    }
}

/// Lower case, without numbering ("2.1", "ADR-3:"), emphasis marks and trailing punctuation.
fn normalise(title: &str) -> String {
    let lower = title.trim().to_lowercase();
    let without_number = lower.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || c == ')' || c.is_whitespace()
    });
    without_number
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c == '#' || c.is_whitespace())
        .to_string()
}

/// Recognises `Status: Accepted` style labels at the start of a prose block. Returns the label's
/// kind and the byte offset in `text` where the value starts.
pub fn split_label(text: &str) -> Option<(SectionKind, usize)> {
    let colon = text.find(':')?;
    let label = &text[..colon];
    if label.is_empty() || label.len() > 40 || label.split_whitespace().count() > 4 {
        return None;
    }
    let kind = match normalise(label).as_str() {
        "status" | "adr status" | "state" => SectionKind::Status,
        "context"
        | "background"
        | "problem"
        | "problem statement"
        | "context and problem statement"
        | "in the context of" => SectionKind::Context,
        "decision" | "decision outcome" | "chosen option" | "outcome" | "we decided"
        | "resolution" | "proposal" => SectionKind::Decision,
        "consequences" | "positive consequences" | "negative consequences" | "implications" => {
            SectionKind::Consequences
        }
        "options"
        | "considered options"
        | "options considered"
        | "alternatives"
        | "alternatives considered" => SectionKind::Options,
        _ => return None,
    };
    let value_start = colon + 1 + (text[colon + 1..].len() - text[colon + 1..].trim_start().len());
    Some((kind, value_start))
}

/// What a status value means, from its first words.
pub fn status_kind(value: &str) -> StatusKind {
    // Decorations before the word: emphasis, links, quotes, emoji ("⌛️ Superseded by …").
    let lower = value
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let word: String = lower
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    match word.as_str() {
        "proposed" | "proposal" | "open" | "review" | "pending" | "rfc" | "discussion"
        | "discussing" => StatusKind::Proposed,
        "accepted" | "approved" | "adopted" | "agreed" | "decided" | "implemented" | "done"
        | "active" | "partially" | "complete" | "completed" => StatusKind::Accepted,
        "rejected" | "declined" | "withdrawn" | "abandoned" | "dropped" => StatusKind::Rejected,
        "deprecated" | "obsolete" | "retired" | "archived" | "reverted" => StatusKind::Deprecated,
        "superseded" | "superceded" | "replaced" => StatusKind::Superseded,
        "draft" | "wip" | "in-progress" | "in" => StatusKind::Draft,
        _ => StatusKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_word_after_an_emoji_or_emphasis() {
        assert_eq!(
            status_kind("⌛️ Superseded by [036](036.md)"),
            StatusKind::Superseded
        );
        assert_eq!(status_kind("✅ Accepted"), StatusKind::Accepted);
        assert_eq!(status_kind("**Rejected**"), StatusKind::Rejected);
    }

    #[test]
    fn headings() {
        assert_eq!(
            classify_heading("Context and Problem Statement"),
            SectionKind::Context
        );
        assert_eq!(classify_heading("Decision Drivers"), SectionKind::Context);
        assert_eq!(classify_heading("Decision Outcome"), SectionKind::Decision);
        assert_eq!(classify_heading("Considered Options"), SectionKind::Options);
        assert_eq!(
            classify_heading("Pros and Cons of the Options"),
            SectionKind::Options
        );
        assert_eq!(
            classify_heading("Positive Consequences"),
            SectionKind::Consequences
        );
        assert_eq!(classify_heading("2. Decision"), SectionKind::Decision);
        assert_eq!(classify_heading("Status"), SectionKind::Status);
        assert_eq!(classify_heading("ADR Status"), SectionKind::Status);
        assert_eq!(
            classify_heading("Status of this decision"),
            SectionKind::Status
        );
        assert_eq!(
            classify_heading("Do nothing and keep status quo"),
            SectionKind::Other
        );
        assert_eq!(classify_heading("Record Status DTO"), SectionKind::Other);
        assert_eq!(classify_heading("References"), SectionKind::Other);
        assert_eq!(classify_heading("Chosen option"), SectionKind::Decision);
    }

    #[test]
    fn labels() {
        assert_eq!(
            split_label("Status: Accepted"),
            Some((SectionKind::Status, 8))
        );
        assert_eq!(
            split_label("**Decision:** we adopt Nomad").map(|l| l.0),
            Some(SectionKind::Decision)
        );
        assert_eq!(split_label("We note: this is long"), None);
    }

    #[test]
    fn statuses() {
        assert_eq!(
            status_kind("Superseded by [ADR-0005](0005-x.md)"),
            StatusKind::Superseded
        );
        assert_eq!(status_kind("Superceded"), StatusKind::Superseded);
        assert_eq!(status_kind("**Accepted**"), StatusKind::Accepted);
        assert_eq!(status_kind("rejected"), StatusKind::Rejected);
        assert_eq!(status_kind("Supersedes 3"), StatusKind::Unknown);
    }
}
