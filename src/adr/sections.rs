//! What a heading or a label says a section is, and what a status line says.

use super::{SectionKind, StatusKind};

/// Classifies a heading (or a `Label:` at the start of a paragraph) by its words: the Nygard,
/// MADR and log4brains templates, the Rust RFC and Kubernetes KEP templates, tendermint-style
/// ADRs and common design-doc headings.
pub fn classify_heading(title: &str) -> SectionKind {
    let normalised = normalise(title);
    let t = normalised.as_str();
    let has = |word: &str| t.contains(word);
    let is = |words: &[&str]| words.contains(&t);
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != ';')
        .filter(|w| !w.is_empty())
        .collect();
    let word = |w: &str| words.contains(&w);
    if t.is_empty() {
        SectionKind::Other
    } else if is_notes_heading(t, &words) {
        SectionKind::Notes
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
    } else if is(&[
        "summary",
        "abstract",
        "tl;dr",
        "tldr",
        "overview and summary",
    ]) || (t.ends_with(" summary") && words.len() == 2)
    {
        SectionKind::Summary
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
        || has("reference-level")
        || word("plan")
        || word("rollout")
        || is(&[
            "how",
            "what",
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

/// Headings of what is neither the decision nor its context: prior art, open questions,
/// future work, references, a changelog, an appendix.
fn is_notes_heading(t: &str, words: &[&str]) -> bool {
    let has = |part: &str| t.contains(part);
    let word = |w: &str| words.contains(&w);
    has("prior art")
        || has("unresolved")
        || has("open question")
        || has("open issue")
        || has("open point")
        || word("future")
        || ((word("references") || word("reference")) && !has("reference-level"))
        || word("changelog")
        || has("change log")
        || has("revision history")
        || has("appendix")
        || has("appendices")
        || has("acknowledg")
        || word("glossary")
        || has("further reading")
        || has("see also")
        || word("related")
        || matches!(
            t,
            "links" | "notes" | "note" | "faq" | "authors" | "author" | "questions"
        )
}

/// A design doc's design section, by its own heading: Proposal, Design, Detailed design,
/// Implementation, Solution, Approach, How, a plan.
pub fn is_design_heading(title: &str) -> bool {
    let t = normalise(title);
    [
        "proposal",
        "design",
        "implementation",
        "solution",
        "approach",
        "reference-level",
    ]
    .iter()
    .any(|w| t.contains(w))
        || t.split_whitespace().any(|w| w == "plan")
        || t == "how"
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
            | "summary"
            | "motivation"
            | "proposal"
            | "design"
            | "detailed design"
            | "design details"
            | "drawbacks"
            | "prior art"
            | "unresolved questions"
            | "changelog"
            | "references"
            | "goals"
            | "non-goals"
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
        // "Status", "Status of this decision"; not "Status handling" or "Status quo".
        Some(0) => words.len() == 1 || matches!(words.get(1), Some(&"of" | &"and")),
        Some(at) => at + 1 == words.len() && words.len() <= 3,
        None => false,
    }
}

/// Lower case, without numbering ("2.1", "ADR-3:"), emphasis marks and trailing punctuation.
pub(crate) fn normalise(title: &str) -> String {
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
#[cfg(test)]
fn split_label(text: &str) -> Option<(SectionKind, usize)> {
    let (name, value_start) = split_name(text)?;
    Some((label_kind(name)?, value_start))
}

/// A `Name:` at the start of `text` (at most four words): the name and where its value starts.
pub fn split_name(text: &str) -> Option<(&str, usize)> {
    let colon = text.find(':')?;
    let label = &text[..colon];
    if label.is_empty() || label.len() > 40 || label.split_whitespace().count() > 4 {
        return None;
    }
    let value_start = colon + 1 + (text[colon + 1..].len() - text[colon + 1..].trim_start().len());
    Some((label, value_start))
}

/// What a label's name says its value is: `Status`, `Decision`, `Context`, …
pub fn label_kind(name: &str) -> Option<SectionKind> {
    let kind = match normalise(name).as_str() {
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
    Some(kind)
}

/// A label whose value is the record's date: `Date`, RFC's `Start Date`, `Created`.
pub fn is_date_label(name: &str) -> bool {
    matches!(
        normalise(name).as_str(),
        "date" | "start date" | "created" | "date created" | "creation date" | "decision date"
    )
}

/// What a status value means, from its first words.
pub fn status_kind(value: &str) -> StatusKind {
    // A template's menu left in place ("{Deprecated|Proposed|Accepted}") states no status.
    if value.split('|').filter(|w| !w.trim().is_empty()).count() > 1 {
        return StatusKind::Unknown;
    }
    // Decorations before the word: emphasis, links, quotes, emoji ("⌛️ Superseded by …").
    let lower = value
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let word: String = lower
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    match word.as_str() {
        // "Not implemented", "Not accepted": never in force; "Not implemented yet" is pending.
        "not"
            if ["implemented", "accepted", "adopted", "approved"]
                .iter()
                .any(|w| lower.trim_end_matches(['.', '!']).trim() == format!("not {w}")) =>
        {
            StatusKind::Rejected
        }
        "proposed" | "proposal" | "open" | "review" | "pending" | "rfc" | "discussion"
        | "discussing" | "provisional" => StatusKind::Proposed,
        "accepted" | "approved" | "adopted" | "agreed" | "decided" | "implemented" | "done"
        | "active" | "partially" | "complete" | "completed" | "implementable" => {
            StatusKind::Accepted
        }
        "rejected" | "declined" | "withdrawn" | "abandoned" | "dropped" | "deferred"
        | "postponed" => StatusKind::Rejected,
        "deprecated" | "obsolete" | "retired" | "archived" | "reverted" => StatusKind::Deprecated,
        "superseded" | "superceded" | "replaced" => StatusKind::Superseded,
        "in" if lower.starts_with("in review") => StatusKind::Proposed,
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
        assert_eq!(classify_heading("Status handling"), SectionKind::Other);
        assert_eq!(classify_heading("Status and history"), SectionKind::Status);
        assert_eq!(classify_heading("References"), SectionKind::Notes);
        assert_eq!(classify_heading("Chosen option"), SectionKind::Decision);
    }

    /// The Rust RFC, KEP, tendermint and design-doc templates, heading by heading.
    #[test]
    fn design_doc_headings() {
        use SectionKind::*;
        let cases = [
            ("Summary", Summary),
            ("Executive summary", Summary),
            ("TL;DR", Summary),
            ("Abstract", Summary),
            ("Summary of differences", Other),
            ("Motivation", Context),
            ("Guide-level explanation", Other),
            ("Reference-level explanation", Decision),
            ("Drawbacks", Consequences),
            ("Rationale and alternatives", Options),
            ("Prior art", Notes),
            ("Unresolved questions", Notes),
            ("Future possibilities", Notes),
            ("Goals", Context),
            ("Non-Goals", Context),
            ("Proposal", Decision),
            ("Design Details", Decision),
            ("Alternatives", Options),
            ("Changelog", Notes),
            ("Alternative Approaches", Options),
            ("Detailed Design", Decision),
            ("References", Notes),
            ("Reference", Notes),
            ("Background", Context),
            ("Problem", Context),
            ("Design", Decision),
            ("Implementation", Decision),
            ("Solution", Decision),
            ("Approach", Decision),
            ("How", Decision),
            ("What", Decision),
            ("Why", Context),
            ("Plan", Decision),
            ("Work plan", Decision),
            ("Rollout", Decision),
            ("Rollout plan", Decision),
            ("Risks", Consequences),
            ("Open questions", Notes),
            ("Open issues", Notes),
            ("Future work", Notes),
            ("Appendix A: Walkthrough", Notes),
            ("Related decisions", Notes),
            ("Explanation", Other),
            ("**3. Detailed design:**", Decision),
            ("## 4.1 Future Work", Notes),
        ];
        for (heading, kind) in cases {
            assert_eq!(classify_heading(heading), kind, "{heading}");
        }
        assert!(is_design_heading("Detailed design"));
        assert!(is_design_heading("Work plan"));
        assert!(!is_design_heading("Explanation"));
        assert!(!is_design_heading("Motivation"));
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
        assert_eq!(status_kind("In Review"), StatusKind::Proposed);
        assert_eq!(status_kind("Not implemented"), StatusKind::Rejected);
        assert_eq!(status_kind("Not implemented yet."), StatusKind::Unknown);
        assert_eq!(status_kind("Not in scope for v1"), StatusKind::Unknown);
        assert_eq!(status_kind("Deferred"), StatusKind::Rejected);
        assert_eq!(status_kind("postponed until Q3"), StatusKind::Rejected);
        assert_eq!(status_kind("implementable"), StatusKind::Accepted);
        assert_eq!(status_kind("provisional"), StatusKind::Proposed);
        assert_eq!(status_kind("In progress"), StatusKind::Draft);
        assert_eq!(
            status_kind("{Deprecated|Proposed|Accepted}"),
            StatusKind::Unknown
        );
        assert_eq!(
            status_kind("Proposed | Accepted | Rejected"),
            StatusKind::Unknown
        );
    }
}
