//! Parsing one ADR (SPEC 2.2): front matter, sections with their kinds, status, title, number,
//! chosen option, and the prose sentences that rules read.

mod front_matter;
mod markdown;
mod options;
mod prose;
mod sections;

use std::ops::Range;
use std::path::Path;

pub use front_matter::{
    Field, FrontMatter, parse as parse_front_matter, split as split_front_matter,
};
pub use prose::{Block, OptionRole, Piece, Sentence};
pub use sections::{classify_heading, is_section_name, status_kind};

/// What a section is for, from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionKind {
    Context,
    Decision,
    Options,
    Consequences,
    Status,
    /// An RFC's or design doc's Summary (Abstract, TL;DR): read as decision text only where a
    /// sentence states what will be done.
    Summary,
    /// Never decision text nor context: prior art, open questions, future work, references,
    /// changelog, appendix.
    Notes,
    Other,
}

impl SectionKind {
    pub const IDS: [&'static str; 8] = [
        "context",
        "decision",
        "options",
        "consequences",
        "status",
        "summary",
        "notes",
        "other",
    ];

    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Context => "context",
            SectionKind::Decision => "decision",
            SectionKind::Options => "options",
            SectionKind::Consequences => "consequences",
            SectionKind::Status => "status",
            SectionKind::Summary => "summary",
            SectionKind::Notes => "notes",
            SectionKind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        [
            SectionKind::Context,
            SectionKind::Decision,
            SectionKind::Options,
            SectionKind::Consequences,
            SectionKind::Status,
            SectionKind::Summary,
            SectionKind::Notes,
            SectionKind::Other,
        ]
        .into_iter()
        .find(|k| k.id() == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
    Superseded,
    Draft,
    Unknown,
}

impl StatusKind {
    pub fn id(self) -> &'static str {
        match self {
            StatusKind::Proposed => "proposed",
            StatusKind::Accepted => "accepted",
            StatusKind::Rejected => "rejected",
            StatusKind::Deprecated => "deprecated",
            StatusKind::Superseded => "superseded",
            StatusKind::Draft => "draft",
            StatusKind::Unknown => "unknown",
        }
    }

    /// A decision that is no longer (or never was) in force: its claims do not count.
    pub fn is_inactive(self) -> bool {
        matches!(
            self,
            StatusKind::Rejected | StatusKind::Deprecated | StatusKind::Superseded
        )
    }
}

#[derive(Debug, Clone)]
pub struct Status {
    pub value: String,
    pub kind: StatusKind,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Nygard,
    Madr,
    Log4brains,
    /// The Rust RFC template: Summary, Motivation, Guide-level and Reference-level explanation,
    /// Drawbacks, Rationale and alternatives, Prior art, Unresolved questions.
    Rfc,
    /// A Kubernetes enhancement proposal: Summary, Motivation, Goals, Non-Goals, Proposal,
    /// Design Details, Alternatives.
    Kep,
    /// A design doc or proposal: a design section (Proposal, Design, Detailed design, How, …)
    /// with context-like sections around it, and no Nygard or MADR decision section.
    DesignDoc,
    FreeForm,
}

impl Format {
    pub fn id(self) -> &'static str {
        match self {
            Format::Nygard => "nygard",
            Format::Madr => "madr",
            Format::Log4brains => "log4brains",
            Format::Rfc => "rfc",
            Format::Kep => "kep",
            Format::DesignDoc => "design-doc",
            Format::FreeForm => "free-form",
        }
    }

    /// Formats whose template keeps the status outside the file (the RFC's pull request, a
    /// KEP's `kep.yaml`): a missing status is no defect of the record.
    pub fn keeps_status_elsewhere(self) -> bool {
        matches!(self, Format::Rfc | Format::Kep)
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub level: u8,
    pub kind: SectionKind,
    pub heading_span: Range<usize>,
}

/// A Markdown link outside code: `[text](dest)`, `[text][ref]` or `<dest>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (reference links resolved).
    pub dest: String,
    /// The whole link in the file.
    pub span: Range<usize>,
    /// Index into `Adr::sections` of the section holding it.
    pub section: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Adr {
    pub format: Format,
    pub title: Option<Field>,
    pub number: Option<u32>,
    pub status: Option<Status>,
    pub date: Option<Field>,
    pub front_matter: Option<FrontMatter>,
    pub sections: Vec<Section>,
    pub sentences: Vec<Sentence>,
    /// The MADR "Chosen option: …" name, as written.
    pub chosen_option: Option<String>,
    /// Offset where the Markdown body starts (after a BOM and front matter).
    pub body_start: usize,
    /// HTML comments outside code (span, text): suppression directives are read from them.
    pub comments: Vec<(Range<usize>, String)>,
    /// Links outside code, in document order.
    pub links: Vec<Link>,
}

impl Adr {
    pub fn is_inactive(&self) -> bool {
        self.status.as_ref().is_some_and(|s| s.kind.is_inactive())
    }
}

/// Parses `text`, the whole file. `path` gives the number when the file name has one.
pub fn parse(path: &Path, text: &str) -> Adr {
    let mut body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let front_matter = front_matter::split(text, body_start).map(|(yaml, end)| {
        body_start = end;
        front_matter::parse(text, yaml, end)
    });
    let walked = markdown::walk(text, body_start);

    let title = front_matter
        .as_ref()
        .and_then(|f| f.title.clone())
        .or(walked.title.clone());
    let status = front_matter
        .as_ref()
        .and_then(|f| f.status.as_ref())
        .map(|field| Status {
            kind: status_kind(&field.value),
            value: field.value.clone(),
            span: field.span.clone(),
        })
        .or(walked.status.clone());
    let date = front_matter
        .as_ref()
        .and_then(|f| f.date.clone())
        .or(walked.date.clone());
    let number =
        number_from_path(path).or_else(|| title.as_ref().and_then(|t| number_from_title(&t.value)));
    let format = detect_format(path, &walked.sections, front_matter.is_some());

    Adr {
        format,
        title,
        number,
        status,
        date,
        front_matter,
        sections: walked.sections,
        sentences: walked.sentences,
        chosen_option: walked.chosen_option,
        body_start,
        comments: walked.comments,
        links: walked.links,
    }
}

fn detect_format(path: &Path, sections: &[Section], has_front_matter: bool) -> Format {
    let titles: Vec<String> = sections.iter().map(|s| s.title.to_lowercase()).collect();
    let has = |needle: &str| titles.iter().any(|t| t.contains(needle));
    let has_kind = |kind: SectionKind| sections.iter().any(|s| s.kind == kind);
    let madr_like = has("considered options")
        || has("decision outcome")
        || has("context and problem statement");
    let date_prefixed = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.len() > 9 && n.as_bytes()[..8].iter().all(u8::is_ascii_digit) && n.as_bytes()[8] == b'-'
    });
    // A heading that is exactly a section's name, so "Decision" is not found in "Decisions
    // log" nor a design doc's "Design decisions".
    let named = |name: &str| {
        sections
            .iter()
            .any(|s| sections::normalise(&s.title) == name)
    };
    let summary_and_motivation = has_kind(SectionKind::Summary) && has("motivation");
    if madr_like && date_prefixed {
        Format::Log4brains
    } else if madr_like {
        Format::Madr
    } else if summary_and_motivation
        && (has("guide-level") || has("reference-level") || has("prior art") || has("unresolved"))
    {
        Format::Rfc
    } else if summary_and_motivation
        && (has("design details") || has("graduation criteria") || has("non-goals"))
        && has("proposal")
    {
        Format::Kep
    } else if has("context")
        && has("decision")
        && (has("status") || has("consequences") || !has_front_matter)
    {
        Format::Nygard
    } else if !named("decision")
        && sections
            .iter()
            .any(|s| s.kind == SectionKind::Decision && sections::is_design_heading(&s.title))
    {
        Format::DesignDoc
    } else {
        Format::FreeForm
    }
}

/// `0007-use-nomad.md`, `adr-012-x.md`, `ADR_3.md` → the number. A date prefix is not a number;
/// a number after a `YYYY-MM-DD` date is (`2022-07-22_019-x.md` → 19).
pub fn number_from_path(path: &Path) -> Option<u32> {
    let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
    let rest = stem
        .strip_prefix("adr")
        .map(|r| r.trim_start_matches(['-', '_', ' ']))
        .unwrap_or(&stem);
    let rest = match rest.get(..10) {
        Some(date) if is_iso_date_shape(date) => rest[10..].trim_start_matches(['-', '_', ' ']),
        _ => rest,
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() >= 8 {
        return None;
    }
    digits.parse().ok()
}

fn is_iso_date_shape(text: &str) -> bool {
    text.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}

/// `12. Use Nomad`, `ADR 12: Use Nomad`, `ADR-012 - Use Nomad` → 12.
pub fn number_from_title(title: &str) -> Option<u32> {
    let lower = title.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("adr")
        .map(|r| r.trim_start_matches(['-', '_', ' ', '#']))
        .unwrap_or(&lower);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() >= 8 {
        return None;
    }
    let after = rest[digits.len()..].chars().next();
    if matches!(after, Some('.' | ':' | ' ' | '-' | ')') | None) {
        digits.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
