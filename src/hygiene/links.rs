//! Links from one ADR to others, and the relations they state: `Supersedes [3. X](0003-x.md)`,
//! `Superseded by ADR-0057`, `Amends …`, `Amended by …`.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::adr::{Adr, Link, SectionKind, number_from_path, number_from_title};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    Supersedes,
    SupersededBy,
    Amends,
    AmendedBy,
}

impl Relation {
    /// What the other ADR must say back.
    pub fn inverse(self) -> Relation {
        match self {
            Relation::Supersedes => Relation::SupersededBy,
            Relation::SupersededBy => Relation::Supersedes,
            Relation::Amends => Relation::AmendedBy,
            Relation::AmendedBy => Relation::Amends,
        }
    }

    pub fn phrase(self) -> &'static str {
        match self {
            Relation::Supersedes => "supersedes",
            Relation::SupersededBy => "is superseded by",
            Relation::Amends => "amends",
            Relation::AmendedBy => "is amended by",
        }
    }

    /// How an ADR writes it (adr-tools' words).
    pub fn label(self) -> &'static str {
        match self {
            Relation::Supersedes => "Supersedes",
            Relation::SupersededBy => "Superseded by",
            Relation::Amends => "Amends",
            Relation::AmendedBy => "Amended by",
        }
    }
}

/// What a link points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A relative link to a Markdown file: absolute and normalised.
    Path(PathBuf),
    /// An ADR named by its number ("ADR-0057", a site link such as `/adr/7`): resolved in the
    /// linking ADR's folder.
    Number(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdrLink {
    pub target: Target,
    /// The link (or the number) in the file.
    pub span: Range<usize>,
    pub relation: Option<Relation>,
}

/// `supersedes`, `superseded by`, `amends`, … (and the common misspelling "supercede").
const RELATION_WORDS: &str = r"(?i)\b(supersedes?|supercedes?|replaces|superseded|superceded|replaced|amends?|amended)\b(\s+by\b)?";

static RELATION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(RELATION_WORDS).ok());

/// A relation word followed by an ADR number, in a status line or section.
static NUMBERED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{RELATION_WORDS}\s*:?\s*\[?(?:adrs?[\s_#-]*|#)?0*(\d{{1,6}})\b"
    ))
    .ok()
});

/// The words that may come before a relation word on its line when the line speaks of this ADR.
const SUBJECT_WORDS: [&str; 24] = [
    "this",
    "adr",
    "decision",
    "record",
    "document",
    "it",
    "has",
    "have",
    "been",
    "is",
    "was",
    "now",
    "partly",
    "partially",
    "in",
    "part",
    "fully",
    "hereby",
    "status",
    "the",
    "present",
    "current",
    "we",
    "our",
];

/// "supersedes", "supersede" and "amends" are active; "superseded (by)", "replaced (by)" and
/// "amended (by)" passive.
fn relation_of(word: &str) -> Relation {
    let word = word.to_ascii_lowercase();
    match (word.starts_with("amend"), word.ends_with("ed")) {
        (false, false) => Relation::Supersedes,
        (false, true) => Relation::SupersededBy,
        (true, false) => Relation::Amends,
        (true, true) => Relation::AmendedBy,
    }
}

/// The links of `adr` (at `path`) that point at ADRs, with the relations they state.
pub fn adr_links(path: &Path, text: &str, adr: &Adr) -> Vec<AdrLink> {
    let dir = super::normalise(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut out = Vec::new();
    for link in &adr.links {
        let relation = relation_before(text, link, adr);
        if let Some(target) = relative_markdown(&dir, &link.dest) {
            if is_adr_target(&dir, &target) {
                out.push(AdrLink {
                    target: Target::Path(target),
                    span: link.span.clone(),
                    relation,
                });
            }
        } else if relation.is_some()
            && let Some(number) = number_of_link(text, link)
        {
            out.push(AdrLink {
                target: Target::Number(number),
                span: link.span.clone(),
                relation,
            });
        }
    }
    if let (Some(numbered), Some(region)) = (NUMBERED.as_ref(), status_region(text, adr)) {
        let slice = text.get(region.clone()).unwrap_or("");
        for captures in numbered.captures_iter(slice) {
            let (Some(word), Some(number)) = (captures.get(1), captures.get(3)) else {
                continue;
            };
            let Ok(value) = number.as_str().parse() else {
                continue;
            };
            let at = region.start + number.start()..region.start + number.end();
            // A number inside a link's text is that link, already recorded.
            if adr
                .links
                .iter()
                .any(|l| l.span.start <= at.start && at.end <= l.span.end)
            {
                continue;
            }
            out.push(AdrLink {
                target: Target::Number(value),
                span: at,
                relation: Some(relation_of(word.as_str())),
            });
        }
    }
    out
}

/// The relation a link states when a relation word comes just before it on its line, in a
/// status section, before the first section, or at the start of the line ("This ADR
/// supersedes [3. X](0003-x.md)"), not in prose about other ADRs.
fn relation_before(text: &str, link: &Link, adr: &Adr) -> Option<Relation> {
    let regex = RELATION.as_ref()?;
    let line_start = text[..link.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..link.span.start)?;
    let found = regex.captures_iter(before).last()?;
    let word = found.get(1)?;
    let whole = found.get(0)?;
    // What lies between the word and the link, earlier links on the line left out.
    let mut gap = String::new();
    let mut at = line_start + whole.end();
    for other in adr
        .links
        .iter()
        .filter(|l| l.span.start >= line_start + whole.end() && l.span.end <= link.span.start)
    {
        gap.push_str(text.get(at..other.span.start).unwrap_or(""));
        at = other.span.end;
    }
    gap.push_str(text.get(at..link.span.start).unwrap_or(""));
    if gap.chars().count() > 40 {
        return None;
    }
    // "This ADR in part supersedes [3]", "supersedes some aspects of [15]": the other ADR
    // stays in force, so it owes no "Superseded by" in return.
    let lead = before[..word.start()].trim_end().to_lowercase();
    let gap_lower = gap.to_lowercase();
    if ["in part", "partly", "partially", "partial"]
        .iter()
        .any(|w| lead.ends_with(w))
        || ["aspects of", "part of", "parts of"]
            .iter()
            .any(|w| gap_lower.contains(w))
    {
        return None;
    }
    let in_status = link
        .section
        .and_then(|i| adr.sections.get(i))
        .is_some_and(|s| s.kind == SectionKind::Status);
    let in_preamble = match link.section {
        None => true,
        Some(0) => adr.sections.first().is_some_and(|s| s.level == 1),
        Some(_) => false,
    };
    // "This decision has been superseded by …" speaks of this ADR; "the cache was superseded
    // by …" does not.
    let prefix = &before[..word.start()];
    let about_this_adr = !prefix.contains(|c: char| c.is_ascii_digit() || c == '[')
        && prefix
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| SUBJECT_WORDS.contains(&w.to_lowercase().as_str()));
    (in_status || in_preamble || about_this_adr).then(|| relation_of(word.as_str()))
}

/// The status line, or the Status section, where numbered relations are read.
fn status_region(text: &str, adr: &Adr) -> Option<Range<usize>> {
    if let Some(index) = adr
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Status)
    {
        let section = &adr.sections[index];
        let end = adr
            .sections
            .get(index + 1)
            .map_or(text.len(), |next| next.heading_span.start);
        return Some(section.heading_span.end..end.max(section.heading_span.end));
    }
    let span = &adr.status.as_ref()?.span;
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    Some(start..end)
}

/// The ADR number a link names: from its destination (`/adr/7`, `ADR021-x/`) or its text
/// (`[ADR 7]`, `[16. Distributed WorkQueue]`).
fn number_of_link(text: &str, link: &Link) -> Option<u32> {
    let dest = link.dest.split(['#', '?']).next().unwrap_or("");
    let last = dest.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if !last.is_empty()
        && let Some(number) = number_from_path(Path::new(last))
    {
        return Some(number);
    }
    let source = text.get(link.span.clone())?;
    let inner = source.strip_prefix('[')?;
    let end = inner.find(']')?;
    number_from_title(&inner[..end])
}

/// The file a relative link to a Markdown file points at, resolved from `dir`; `None` for
/// URLs, anchors, site-absolute paths and other files.
pub fn relative_markdown(dir: &Path, dest: &str) -> Option<PathBuf> {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with(['#', '/', '\\']) || has_scheme(dest) {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let decoded = percent_decode(path);
    let lower = decoded.to_ascii_lowercase();
    if !(lower.ends_with(".md") || lower.ends_with(".markdown")) {
        return None;
    }
    Some(super::normalise(&dir.join(decoded)))
}

/// A link to an ADR: a file in the same folder, or a file with an ADR number or a date in its
/// name in an ADR folder (`../iam/0003-x.md`, not `../rfc/0012-x.md`); not an index or a
/// template.
fn is_adr_target(dir: &Path, target: &Path) -> bool {
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if super::is_index_name(name) || super::is_template_name(name) {
        return false;
    }
    let Some(folder) = target.parent() else {
        return false;
    };
    folder == dir
        || ((number_from_path(target).is_some() || is_dated(name)) && is_adr_folder(folder))
}

/// A folder whose path names decisions: `docs/adr`, `doc/architecture/decisions`,
/// `architecture-decision-record/security`.
fn is_adr_folder(folder: &Path) -> bool {
    folder.components().any(|c| {
        let part = c.as_os_str().to_string_lossy().to_lowercase();
        part.split(|ch: char| !ch.is_alphanumeric())
            .any(|word| matches!(word, "adr" | "adrs" | "decision" | "decisions"))
    })
}

/// `20240115-title.md`.
pub fn is_dated(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 9 && bytes[..8].iter().all(u8::is_ascii_digit) && bytes[8] == b'-'
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `%20` → ` `; anything that is not a valid escape stays as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(Option<Relation>, Target)> {
        let path = Path::new("/log/0005-x.md");
        let adr = crate::adr::parse(path, text);
        adr_links(path, text, &adr)
            .into_iter()
            .map(|l| (l.relation, l.target))
            .collect()
    }

    fn file(name: &str) -> Target {
        Target::Path(PathBuf::from("/log").join(name))
    }

    #[test]
    fn adr_tools_relations() {
        let text = "# 5. X\n\n## Status\n\nAccepted\n\nSupersedes [3. Y](0003-y.md)\n\nAmended by [7. Z](0007-z.md)\n\n## Context\n\nSee [the guide](../guide.md) and [4. W](0004-w.md).\n";
        assert_eq!(
            links(text),
            vec![
                (Some(Relation::Supersedes), file("0003-y.md")),
                (Some(Relation::AmendedBy), file("0007-z.md")),
                (None, file("0004-w.md")),
            ]
        );
    }

    #[test]
    fn numbered_and_site_links() {
        let text = "---\nstatus: \"superseded by ADR-0057\"\n---\n# 5. X\n\n## Context\n\nText.\n";
        assert_eq!(
            links(text),
            vec![(Some(Relation::SupersededBy), Target::Number(57))]
        );
        let text = "# 5. X\n\n## Status\n\nSuperseded by [ADR 23](/adr/23) and [ADR 26](/adr/26)\n";
        assert_eq!(
            links(text),
            vec![
                (Some(Relation::SupersededBy), Target::Number(23)),
                (Some(Relation::SupersededBy), Target::Number(26)),
            ]
        );
    }

    #[test]
    fn prose_about_other_adrs_is_no_relation() {
        let text = "# 5. X\n\n## Context\n\nIn ADR 2 the cache was superseded by [4. W](0004-w.md).\n\nThis ADR supersedes [3. Y](0003-y.md).\n";
        assert_eq!(
            links(text),
            vec![
                (None, file("0004-w.md")),
                (Some(Relation::Supersedes), file("0003-y.md")),
            ]
        );
    }

    #[test]
    fn a_partial_supersession_is_no_relation() {
        let text = "# 5. X\n\nThis ADR in part supersedes [3. Y](0003-y.md).\n\n\
                    Note: this ADR supersedes some aspects of [ADR-4](0004-w.md).\n\n\
                    ## Status\n\nAccepted\n\nSupersedes [2. V](0002-v.md)\n";
        assert_eq!(
            links(text),
            vec![
                (None, file("0003-y.md")),
                (None, file("0004-w.md")),
                (Some(Relation::Supersedes), file("0002-v.md")),
            ]
        );
    }

    #[test]
    fn destinations() {
        let dir = Path::new("/log");
        assert_eq!(
            relative_markdown(dir, "./0003-y.md#status"),
            Some(PathBuf::from("/log/0003-y.md"))
        );
        assert_eq!(
            relative_markdown(dir, "../other/0001%20a.md"),
            Some(PathBuf::from("/other/0001 a.md"))
        );
        assert_eq!(relative_markdown(dir, "https://x.org/a.md"), None);
        assert_eq!(relative_markdown(dir, "/adr/7"), None);
        assert_eq!(relative_markdown(dir, "0003-y"), None);
    }
}
