//! ADR hygiene (the rules of `rules/hygiene.toml`): structure, status, numbering, names, links
//! and dates. [`per_file`] checks one parsed ADR during the parallel lint step and returns its
//! [`Facts`]; [`log`] then checks each ADR folder (a "log") as a whole — duplicate numbers,
//! gaps, file names, link targets and reciprocal relations — sequentially, after every file.

pub mod config;
pub mod date;
pub mod links;
pub mod log;
pub mod names;
pub mod numbering;
pub mod per_file;

use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::adr::{Adr, Format, StatusKind, number_from_path, number_from_title};
use crate::diag::Finding;
use crate::lint::Plan;
use crate::manifest::Level;

pub use config::{FileNameConvention, HygieneConfig, RequiredSections};
pub use date::Date;
pub use links::{AdrLink, Relation, Target};

/// What a Markdown file in an ADR folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    Adr,
    /// `README.md`, `index.md`, `_index.md` or `SUMMARY.md` beside other Markdown files: the
    /// log's table of contents. Alone in its folder it is the ADR (one folder per decision).
    Index,
    /// `template.md`, `adr-template.md`, `0000-template.md`, `template-minimal.md`, …
    Template,
}

const INDEX_STEMS: [&str; 4] = ["readme", "index", "_index", "summary"];
/// Words a template's file name may hold besides `template` (and a number).
const TEMPLATE_WORDS: [&str; 12] = [
    "template",
    "adr",
    "madr",
    "nygard",
    "decision",
    "record",
    "short",
    "long",
    "bare",
    "minimal",
    "full",
    "lightweight",
];

/// Whether `name` names an index file (before looking at its folder).
pub fn is_index_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    INDEX_STEMS.contains(&stem.as_str())
}

/// Whether `name` names an ADR template.
pub fn is_template_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    words.contains(&"template") && words.iter().all(|w| TEMPLATE_WORDS.contains(w))
}

/// The role of the file at `path`; an index name counts as an index only when its folder holds
/// other Markdown files.
pub fn file_role(path: &Path) -> FileRole {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if is_template_name(name) {
        FileRole::Template
    } else if is_index_name(name) && has_markdown_siblings(path) {
        FileRole::Index
    } else {
        FileRole::Adr
    }
}

fn has_markdown_siblings(path: &Path) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let own = path.file_name();
    entries.filter_map(Result::ok).any(|entry| {
        let p = entry.path();
        p.file_name() != own && crate::discover::is_markdown(&p) && p.is_file()
    })
}

/// What the log pass needs to know about one file. A run keeps one for every file until the
/// log pass is over, so it holds only what the log rules read.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Absolute, lexically normalised: how links are matched to files. Shared with the log's
    /// index by path.
    pub path: Arc<Path>,
    pub role: FileRole,
    pub format: Option<Format>,
    /// The number in the file name, else in the title.
    pub number: Option<u32>,
    /// Where file-level findings point: the title, else the start of the file.
    pub anchor: Range<usize>,
    pub status: Option<StatusKind>,
    pub links: Vec<AdrLink>,
    /// Whether the ADR carries a date in any form (see [`per_file::is_dated`]).
    pub dated: bool,
    /// Whether its format has a date at all: a recognised ADR in a known format.
    pub date_expected: bool,
    /// Where an active record's decision starts, and that sentence's words (set once it is
    /// judged, by [`crate::engine::log::decision_start`]).
    pub decision_start: Option<(Range<usize>, Box<str>)>,
}

impl Facts {
    /// What the path alone tells: for files that could not be read or parsed.
    pub fn from_path(path: &Path) -> Facts {
        Facts {
            path: normalise(path).into(),
            role: file_role(path),
            format: None,
            number: number_from_path(path),
            anchor: 0..0,
            status: None,
            links: Vec::new(),
            dated: false,
            date_expected: false,
            decision_start: None,
        }
    }

    /// Everything a parse tells.
    pub fn from_adr(path: &Path, text: &str, adr: &Adr, role: FileRole) -> Facts {
        let title = adr.title.as_ref().map(|t| t.value.as_str());
        Facts {
            path: normalise(path).into(),
            role,
            format: Some(adr.format),
            number: number_from_path(path).or_else(|| title.and_then(title_number)),
            anchor: anchor(adr),
            status: adr.status.as_ref().map(|s| s.kind),
            links: links::adr_links(path, text, adr),
            dated: per_file::is_dated(path, text, adr),
            date_expected: role == FileRole::Adr
                && adr.format != Format::FreeForm
                && per_file::recognised(adr),
            decision_start: None,
        }
    }

    pub fn file_name(&self) -> &str {
        self.path.file_name().and_then(|n| n.to_str()).unwrap_or("")
    }

    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new(""))
    }
}

/// The number a title states as a number (`12. X`, `ADR 12: X`), not `2024 plans`.
fn title_number(title: &str) -> Option<u32> {
    let number = number_from_title(title)?;
    let lower = title.trim().to_ascii_lowercase();
    let after = lower
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .trim_start_matches(|c: char| c.is_ascii_digit());
    (lower.starts_with("adr") || after.starts_with(['.', ':', ')'])).then_some(number)
}

/// Where findings about the whole ADR point: its title, else the start of the body.
pub fn anchor(adr: &Adr) -> Range<usize> {
    match &adr.title {
        Some(title) if title.span.end > title.span.start => title.span.clone(),
        _ => adr.body_start..adr.body_start,
    }
}

/// `path` made absolute with `.` and `..` resolved lexically (links are compared this way,
/// without touching the file system).
pub fn normalise(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A finding of the hygiene rule `id` at the plan's level, or `None` when the rule is off.
pub fn finding(
    plan: &Plan,
    id: &str,
    span: Range<usize>,
    message: String,
    label: Option<String>,
) -> Option<Finding> {
    let rule = plan.rules.get(id)?;
    let Level::Severity(severity) = plan.level(rule) else {
        return None;
    };
    let mut finding = Finding::new(rule.id.clone(), severity, message, span);
    finding.label = label.map(Into::into);
    finding.help = rule.help.clone();
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_indexes_by_name() {
        for name in [
            "template.md",
            "adr-template.md",
            "0000-template.md",
            "TEMPLATE.md",
            "adr-template-minimal.md",
            "template_madr.md",
        ] {
            assert!(is_template_name(name), "{name}");
        }
        for name in ["0012-use-template-engine.md", "templates-for-emails.md"] {
            assert!(!is_template_name(name), "{name}");
        }
        assert!(is_index_name("README.md"));
        assert!(is_index_name("index.md"));
        assert!(!is_index_name("0001-index-storage.md"));
    }

    #[test]
    fn numbers_in_titles() {
        assert_eq!(title_number("12. Use Nomad"), Some(12));
        assert_eq!(title_number("ADR 12 Use Nomad"), Some(12));
        assert_eq!(title_number("2024 plans"), None);
    }

    #[test]
    fn normalises_lexically() {
        let path = normalise(Path::new("/a/b/../c/./d.md"));
        assert_eq!(path, PathBuf::from("/a/c/d.md"));
    }
}
