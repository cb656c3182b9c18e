//! The hygiene rules that one ADR answers alone: format, title, sections, placeholders, status,
//! number and dates. They run in the parallel lint step.

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::date::{parse_date_value, parse_iso};
use super::links::Relation;
use super::{Facts, FileRole, anchor, finding};
use crate::adr::{
    Adr, Format, SectionKind, Status, StatusKind, number_from_path, number_from_title, status_kind,
};
use crate::diag::Finding;
use crate::lint::Plan;
use crate::suggest::{did_you_mean, one_of};

/// Checks `adr` (parsed from `text`, the file at `path`) and returns what the log pass needs.
pub fn check(
    path: &Path,
    text: &str,
    adr: &Adr,
    plan: &Plan,
    findings: &mut Vec<Finding>,
) -> Facts {
    let role = super::file_role(path);
    let facts = Facts::from_adr(path, text, adr, role);
    if role != FileRole::Adr {
        return facts;
    }
    let mut out = Out { plan, findings };
    let at = anchor(adr);
    if !recognised(adr) {
        out.push(
            "unrecognised-adr",
            at,
            "this file is not recognised as an ADR: it has no status, no date and no known sections"
                .to_string(),
            None,
        );
        return facts;
    }
    if adr.title.as_ref().is_none_or(|t| t.value.trim().is_empty()) {
        out.push(
            "missing-title",
            at.clone(),
            "this ADR has no title".to_string(),
            None,
        );
    }
    let empty = empty_sections(text, adr);
    for &index in &empty {
        let section = &adr.sections[index];
        out.push(
            "empty-section",
            section.heading_span.clone(),
            format!("the section `{}` is empty", section.title),
            Some("nothing under this heading".to_string()),
        );
    }
    let empty_status_section = empty
        .iter()
        .any(|&i| adr.sections[i].kind == SectionKind::Status);
    missing_sections(adr, plan, at.clone(), &mut out);
    placeholders(adr, &mut out);
    status(
        text,
        adr,
        &facts,
        plan,
        at.clone(),
        empty_status_section,
        &mut out,
    );
    number(path, adr, &mut out);
    dates(adr, plan, &mut out);
    facts
}

struct Out<'a> {
    plan: &'a Plan,
    findings: &'a mut Vec<Finding>,
}

impl Out<'_> {
    fn push(&mut self, id: &str, span: Range<usize>, message: String, label: Option<String>) {
        if let Some(finding) = finding(self.plan, id, span, message, label) {
            self.findings.push(finding);
        }
    }
}

/// Recognised as an ADR: a known format, or at least a status, a date, or a section or label
/// of a known kind. Anything else is reported rather than silently read as free prose.
pub fn recognised(adr: &Adr) -> bool {
    adr.format != Format::FreeForm
        || adr.status.is_some()
        || adr.date.is_some()
        || adr.sections.iter().any(|s| s.kind != SectionKind::Other)
        || adr
            .sentences
            .iter()
            .any(|s| !matches!(s.kind, SectionKind::Other | SectionKind::Decision))
}

/// Sections with nothing under their heading (comments and thematic breaks do not count); a
/// heading whose content is all in sub-sections is not empty. The document title (the first
/// heading, when the parser did not read it as a section) is never one.
fn empty_sections(text: &str, adr: &Adr) -> Vec<usize> {
    let mut out = Vec::new();
    let title = usize::from(
        adr.sections
            .first()
            .is_some_and(|s| s.kind == SectionKind::Other),
    );
    let parents = parents(adr);
    for (index, section) in adr.sections.iter().enumerate().skip(title) {
        let next = adr.sections.get(index + 1);
        if next.is_some_and(|n| n.level > section.level)
            || carries_its_content(&section.title)
            || names_an_option(adr, index, parents[index])
            || groups_the_next_headings(adr, index)
        {
            continue;
        }
        let end = next.map_or(text.len(), |n| n.heading_span.start);
        let start = section.heading_span.end.min(end);
        if !has_content(text, start..end, &adr.comments) {
            out.push(index);
        }
    }
    out
}

/// `## Status: Proposed` holds its content; `# Cloud Foundry API | api.example.org` is a table
/// row that lost its table, not a heading anyone left empty.
fn carries_its_content(title: &str) -> bool {
    title.contains(" | ")
        || title
            .split_once(": ")
            .is_some_and(|(_, value)| value.chars().any(char::is_alphanumeric))
}

/// A heading used as a list item: an option named under "Considered Options" (not under "Pros
/// and Cons of the Options", where an empty option lacks its arguments), or a labelled option
/// (`### A) No prefix index`, `### Option 2: …`) anywhere, as when Decision Outcome names the
/// chosen one by its heading.
fn names_an_option(adr: &Adr, index: usize, parent: Option<usize>) -> bool {
    let section = &adr.sections[index];
    let listed = parent.map(|p| &adr.sections[p]).is_some_and(|p| {
        let title = p.title.to_lowercase();
        p.kind == SectionKind::Options
            && !title
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "pros" || w == "cons")
    });
    listed
        || OPTION_LABEL
            .as_ref()
            .is_some_and(|r| r.is_match(section.title.trim()))
}

/// For each section, the index of the nearest earlier section with a lower level (one pass,
/// however many headings a file has).
fn parents(adr: &Adr) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    adr.sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            while stack
                .last()
                .is_some_and(|&top| adr.sections[top].level >= section.level)
            {
                stack.pop();
            }
            let parent = stack.last().copied();
            stack.push(index);
            parent
        })
        .collect()
}

/// `A) …`, `B. …`, `2) …`, `Option 3: …`, `Option B - …`.
static OPTION_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]\)|[A-Z]\.\s|\d{1,2}\)|(?i:option)\s+[A-Z0-9]{1,2}\b)").ok()
});

/// A heading whose parts follow as headings of its own level, a level too high: `## Consequences`
/// then `## Positive`, `## Negative`; `### Options for the switchover` then `### Route 53`.
fn groups_the_next_headings(adr: &Adr, index: usize) -> bool {
    let section = &adr.sections[index];
    let Some(next) = adr.sections.get(index + 1) else {
        return false;
    };
    if next.level != section.level {
        return false;
    }
    let part = next.title.trim().to_lowercase();
    let title = section.title.to_lowercase();
    match section.kind {
        // `## Consequences`, not `### Negative` followed by `### Neutral`.
        SectionKind::Consequences
            if title.contains("consequence") || title.contains("implication") =>
        {
            [
                "positive", "negative", "neutral", "pros", "cons", "good", "bad",
            ]
            .iter()
            .any(|w| part.starts_with(w))
        }
        // `### Options for the switchover` then `### Route 53 failover`; not a plain
        // `## Alternatives` left empty before `## References`.
        SectionKind::Options => {
            matches!(next.kind, SectionKind::Other | SectionKind::Notes)
                && !crate::adr::is_section_name(&section.title)
                && ![
                    "reference",
                    "link",
                    "note",
                    "related",
                    "see also",
                    "appendix",
                    "further",
                ]
                .iter()
                .any(|w| part.starts_with(w))
        }
        _ => false,
    }
}

fn has_content(text: &str, range: Range<usize>, comments: &[(Range<usize>, String)]) -> bool {
    let mut at = range.start;
    let mut pieces = Vec::new();
    for (span, _) in comments
        .iter()
        .filter(|(s, _)| s.start >= range.start && s.end <= range.end)
    {
        pieces.push(at..span.start);
        at = span.end;
    }
    pieces.push(at..range.end);
    pieces.into_iter().any(|piece| {
        text.get(piece).unwrap_or("").lines().any(|line| {
            let line = line.trim();
            !line.is_empty() && !is_thematic_break(line)
        })
    })
}

fn is_thematic_break(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|m| marks.chars().all(|c| c.to_string() == *m))
}

fn has_kind(adr: &Adr, kind: SectionKind) -> bool {
    adr.sections.iter().any(|s| s.kind == kind)
        || adr.sentences.iter().any(|s| s.kind == kind)
        || (kind == SectionKind::Status && adr.status.is_some())
        || (kind == SectionKind::Consequences && weighs_the_decision(adr))
}

/// The decision's advantages and disadvantages as sub-sections of the Decision (or Rationale)
/// section (`### Disadvantages of GOV.UK Notify`): its consequences under other names. The same
/// headings under a rejected option are that option's arguments, not consequences.
fn weighs_the_decision(adr: &Adr) -> bool {
    let parents = parents(adr);
    adr.sections.iter().enumerate().any(|(index, section)| {
        let title = section.title.to_lowercase();
        let weighs = ["advantage", "disadvantage", "benefit", "downside", "upside"]
            .iter()
            .any(|w| title.contains(w));
        weighs && parents[index].is_some_and(|p| adr.sections[p].kind == SectionKind::Decision)
    })
}

fn missing_sections(adr: &Adr, plan: &Plan, at: Range<usize>, out: &mut Out<'_>) {
    for kind in plan.hygiene.required_sections.for_adr(adr) {
        // A missing status is `missing-status`'s to report.
        if kind == SectionKind::Status || has_kind(adr, kind) {
            continue;
        }
        out.push(
            "missing-section",
            at.clone(),
            format!(
                "this {} ADR has no {} section",
                adr.format.id(),
                section_name(adr.format, kind)
            ),
            Some(format!("no `{}` section", kind.id())),
        );
    }
}

/// How a format's template calls a section kind.
fn section_name(format: Format, kind: SectionKind) -> &'static str {
    match (format, kind) {
        (Format::Madr | Format::Log4brains, SectionKind::Context) => {
            "\"Context and Problem Statement\""
        }
        (Format::Madr | Format::Log4brains, SectionKind::Decision) => "\"Decision Outcome\"",
        (Format::Madr | Format::Log4brains, SectionKind::Options) => "\"Considered Options\"",
        (Format::Rfc, SectionKind::Decision) => "design section (\"Reference-level explanation\")",
        (Format::Kep, SectionKind::Decision) => "design section (\"Proposal\")",
        (Format::Kep, SectionKind::Context) => "Motivation",
        (_, SectionKind::Context) => "Context",
        (_, SectionKind::Decision) => "Decision",
        (_, SectionKind::Options) => "Options",
        (_, SectionKind::Consequences) => "Consequences",
        (_, SectionKind::Status) => "Status",
        (_, SectionKind::Summary) => "Summary",
        (_, SectionKind::Notes) => "notes",
        (_, SectionKind::Other) => "other",
    }
}

/// Template text left in place: TODO/TBD, `[describe …]`, MADR's `{title}`-style
/// placeholders and adr-tools' template sentences.
static PLACEHOLDERS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // At the start of a sentence or cell, or followed by punctuation: not "the TODO
        // comment in the code".
        r"^\W*(?:TODO|TBD|TBC|FIXME)\b",
        r"\b(?:TODO|TBD|TBC|FIXME)(?:\s*[:.,;!?()\]]|\s*$)",
        r"(?i)\[(?:describe|insert|add|enter|explain|list|summari[sz]e|fill in|short title|option \d|decision driver \d|e\.g\.|name of|title of|your|link to|one sentence|brief)\b[^\]]*\]",
        // `{short title of solved problem and solution}`, `{proposed | accepted}`: words in
        // braces, not code (`{"a": 1}`), attributes (`{width="2in"}`) or URL templates.
        r"(?:^|[\s(])\{[A-Za-z][\w ,.|…'’()-]*[ |][\w ,.|…'’()-]*\}",
        r"(?i)^the issue motivating this decision, and any context that influences or constrains the decision",
        r"(?i)^the change that we(?:'|’)re proposing or have agreed to implement",
        r"(?i)^what becomes easier or more difficult to do and any risks introduced by the change",
    ]
    .iter()
    .filter_map(|p| Regex::new(p).ok())
    .collect()
});

/// MADR's `# {title}` left in place.
static TITLE_PLACEHOLDER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\{(?i:title|short title[^}]*)\}$").ok());

/// The first placeholder of each section (a template left half-filled would otherwise give a
/// finding per table cell), with how many more the section holds.
fn placeholders(adr: &Adr, out: &mut Out<'_>) {
    if let Some(title) = &adr.title
        && TITLE_PLACEHOLDER
            .as_ref()
            .is_some_and(|r| r.is_match(title.value.trim()))
    {
        out.push(
            "placeholder-text",
            title.span.clone(),
            format!(
                "placeholder text `{}` is left in this ADR",
                title.value.trim()
            ),
            Some("the template's title".to_string()),
        );
    }
    let mut found: Vec<(Option<usize>, Range<usize>, String, usize)> = Vec::new();
    for sentence in &adr.sentences {
        let hit = PLACEHOLDERS
            .iter()
            .filter_map(|regex| regex.find(&sentence.text))
            .min_by_key(|m| m.start());
        let Some(hit) = hit else {
            continue;
        };
        let text = hit
            .as_str()
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[' && c != '{');
        let text = text.trim_end_matches(|c: char| c.is_whitespace() || ":.,;!?()".contains(c));
        let start = hit.start()
            + (hit.as_str().len()
                - hit
                    .as_str()
                    .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[' && c != '{')
                    .len());
        let range = start..start + text.len();
        match found.last_mut() {
            Some((section, _, _, more)) if *section == sentence.section => *more += 1,
            _ => found.push((
                sentence.section,
                sentence.source_span(range),
                text.chars().take(60).collect(),
                0,
            )),
        }
    }
    for (_, span, text, more) in found {
        let label = match more {
            0 => "template text".to_string(),
            1 => "template text (and 1 more in this section)".to_string(),
            n => format!("template text (and {n} more in this section)"),
        };
        out.push(
            "placeholder-text",
            span,
            format!("placeholder text `{text}` is left in this ADR"),
            Some(label),
        );
    }
}

fn status(
    text: &str,
    adr: &Adr,
    facts: &Facts,
    plan: &Plan,
    at: Range<usize>,
    empty_status_section: bool,
    out: &mut Out<'_>,
) {
    // A badge that opens the Status section is the status, whatever prose follows it.
    let badge = badge_status(text, adr);
    let Some(status) = badge.as_ref().or(adr.status.as_ref()) else {
        if !empty_status_section
            && !adr.format.keeps_status_elsewhere()
            && !changelog_records_status(text, adr)
        {
            out.push(
                "missing-status",
                at,
                "this ADR has no status".to_string(),
                None,
            );
        }
        return;
    };
    let allowed = &plan.hygiene.statuses;
    if !status_allowed(&status.value, allowed) {
        let word = first_word(&status.value);
        let mut message = format!("the status `{}` is not an allowed status", status.value);
        // A suggestion must not change the meaning: "Reverted" (a decision undone) is no typo
        // of "rejected", while "Superceded" is one of "superseded".
        let suggestion = did_you_mean(&word, allowed.iter().map(String::as_str)).filter(|s| {
            let kind = status_kind(&word);
            kind == StatusKind::Unknown || kind == status_kind(s)
        });
        if let Some(suggestion) = suggestion {
            message = format!("{message}; did you mean `{suggestion}`?");
        } else {
            if let Some(meaning) = meaning(status.kind) {
                message = format!("{message} (adrlint reads it as {meaning})");
            }
            if !word.is_empty() {
                message = format!(
                    "{message}; if your log uses it, add `{word}` to `[adr] statuses` in adrlint.toml"
                );
            }
        }
        let names: Vec<&str> = allowed.iter().map(String::as_str).collect();
        // Underline the status word, not the link or remark after it.
        let span = match text.get(status.span.clone()) {
            Some(source) if !word.is_empty() => {
                let lead = source.len()
                    - source
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .len();
                let first: usize = source[lead..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .map(char::len_utf8)
                    .sum();
                status.span.start + lead..status.span.start + lead + first
            }
            _ => status.span.clone(),
        };
        out.push(
            "unknown-status",
            span,
            message,
            Some(format!("expected {}", one_of(&names))),
        );
    }
    if status.kind == StatusKind::Superseded
        && !facts
            .links
            .iter()
            .any(|l| l.relation == Some(Relation::SupersededBy))
        && !names_a_successor(&status.value)
    {
        out.push(
            "superseded-without-successor",
            status.span.clone(),
            "this ADR is superseded but does not say by which ADR".to_string(),
            Some("superseded by which ADR?".to_string()),
        );
    }
}

fn meaning(kind: StatusKind) -> Option<&'static str> {
    match kind {
        StatusKind::Proposed => Some("proposed"),
        StatusKind::Accepted => Some("accepted"),
        StatusKind::Rejected => Some("rejected"),
        StatusKind::Deprecated => Some("deprecated"),
        StatusKind::Superseded => Some("superseded"),
        StatusKind::Draft => Some("draft"),
        StatusKind::Unknown => None,
    }
}

/// The status `unknown-status` judges: a badge that opens the Status section, else the one the
/// parser read (`adrlint init` collects a log's vocabulary the same way).
pub fn effective_status(text: &str, adr: &Adr) -> Option<Status> {
    badge_status(text, adr).or_else(|| adr.status.clone())
}

/// A status written as a badge image (`![Accepted](https://img.shields.io/…)`), which is not
/// prose: the alt text of an image that opens the Status section.
fn badge_status(text: &str, adr: &Adr) -> Option<Status> {
    let index = adr
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Status)?;
    let start = adr.sections[index].heading_span.end;
    let end = adr
        .sections
        .get(index + 1)
        .map_or(text.len(), |next| next.heading_span.start);
    let region = text.get(start..end)?;
    let lead = region.len() - region.trim_start().len();
    let rest = region.trim_start().strip_prefix("![")?;
    let close = rest.find(']')?;
    let value = rest[..close].trim();
    let at = start + lead + 2 + (rest[..close].len() - rest[..close].trim_start().len());
    (!value.is_empty()).then(|| Status {
        value: value.to_string(),
        kind: status_kind(value),
        span: at..at + value.len(),
    })
}

/// The status value without leading decoration, lower case.
fn normalised_status(value: &str) -> String {
    value
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn first_word(value: &str) -> String {
    normalised_status(value)
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect()
}

/// A value passes when it starts with an allowed status as a whole word ("Superseded by …").
pub fn status_allowed(value: &str, allowed: &[String]) -> bool {
    let value = normalised_status(value);
    allowed.iter().any(|status| {
        value.starts_with(status.as_str())
            && !value[status.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// "Superseded by the event-sourcing ADR" names it in words.
fn names_a_successor(value: &str) -> bool {
    let lower = value.to_lowercase();
    lower
        .find(" by ")
        .is_some_and(|at| lower[at + 4..].chars().any(char::is_alphanumeric))
}

fn number(path: &Path, adr: &Adr, out: &mut Out<'_>) {
    let (Some(file), Some(title)) = (number_from_path(path), &adr.title) else {
        return;
    };
    let Some(in_title) = number_from_title(&title.value) else {
        return;
    };
    if file != in_title {
        out.push(
            "number-mismatch",
            title.span.clone(),
            format!("the title says ADR {in_title} but the file name says {file}"),
            Some(format!("the file name has {file}")),
        );
    }
}

/// Invalid and future dates. A missing date is the log pass's to report: whether a date is
/// expected depends on whether the log's other ADRs carry one (see [`is_dated`]).
fn dates(adr: &Adr, plan: &Plan, out: &mut Out<'_>) {
    let Some(date) = &adr.date else {
        return;
    };
    match parse_date_value(&date.value) {
        Err(value) => out.push(
            "invalid-date",
            date.span.clone(),
            format!("the date `{value}` is not an ISO 8601 date (YYYY-MM-DD)"),
            Some("not YYYY-MM-DD".to_string()),
        ),
        Ok(parsed) => {
            if let Some(today) = plan.hygiene.today
                && parsed > today
            {
                out.push(
                    "future-date",
                    date.span.clone(),
                    format!("the date {parsed} is in the future (today is {today})"),
                    Some("after today".to_string()),
                );
            }
        }
    }
}

/// A date under another label before the first section (`Decided: 2024-01-20`,
/// `created: 2022-07-18` in the front matter, `**Status:** Accepted | **Date:** 2025-03-04`),
/// or a dated entry in a changelog section.
static OTHER_DATE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?im)(?:^|\|)[\s>*_|-]*(?:date|created|decided|decision date|date decided|date accepted|accepted on|last[ -]updated|updated)[*_\s]*[:|][*_\s]*\d|^[\s>*_-]*date[*_]*\s+\d{1,4}[-./]\d",
    )
    .ok()
});

/// A dated changelog entry: `- 2018-09-02: Initial draft`, `23-06-2018: Minor fixes`,
/// `- July 15 2021: Created`, or a list item holding an ISO date anywhere
/// (`- [approved](https://…/pull/12) (2022-07-12)`).
static CHANGELOG_ENTRY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    const MONTH: &str = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    Regex::new(&format!(
        r"(?mi)^[\s>*_#-]*(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,3}}[-./]\d{{1,2}}[-./]\d{{2,4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?[-\s]+{MONTH}[-\s,]+\d{{4}})\b|^\s*(?:[-*+]|\d+\.)\s.*\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"
    ))
    .ok()
});

/// The text of the changelog sections ("Changelog", "Change Log", "History"), HTML comments
/// (a template's instructions and examples) left out.
fn changelogs(text: &str, adr: &Adr) -> Vec<String> {
    let mut out = Vec::new();
    for (index, section) in adr.sections.iter().enumerate() {
        let title = section.title.to_lowercase();
        if !(title.contains("changelog")
            || title.contains("change log")
            || title.contains("changlog")
            || title.contains("history"))
        {
            continue;
        }
        // Up to the next heading of its level or above: entries may be sub-headings
        // (`### November 2nd 2018`).
        let end = adr.sections[index + 1..]
            .iter()
            .find(|next| next.level <= section.level)
            .map_or(text.len(), |next| next.heading_span.start);
        let start = section.heading_span.end.min(end);
        let mut body = String::new();
        let mut at = start;
        for (span, _) in adr
            .comments
            .iter()
            .filter(|(s, _)| s.start >= start && s.end <= end)
        {
            body.push_str(text.get(at..span.start).unwrap_or(""));
            at = span.end;
        }
        body.push_str(text.get(at..end).unwrap_or(""));
        out.push(body);
    }
    out
}

/// A changelog that records the decision's states (`- [approved](https://…) (2022-07-12)`,
/// `- Accepted: 2024-01-10`): the log keeps its status there, not in a Status section.
fn changelog_records_status(text: &str, adr: &Adr) -> bool {
    changelogs(text, adr).iter().any(|body| {
        body.lines().any(|line| {
            let item = line.trim_start();
            let Some(rest) = item
                .strip_prefix(['-', '*', '+'])
                .filter(|r| r.starts_with(' '))
            else {
                return false;
            };
            let word: String = rest
                .trim_start()
                .trim_start_matches(['[', '*', '_', '`'])
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            // "in" (as in "In progress") and "open" are too common as first words.
            !matches!(word.to_lowercase().as_str(), "in" | "open")
                && status_kind(&word) != StatusKind::Unknown
        })
    })
}

/// Whether the ADR carries a date in any form: a date field or line (valid or not), a date in
/// its file name, a date under another label before the first section, or a dated changelog.
pub fn is_dated(path: &Path, text: &str, adr: &Adr) -> bool {
    adr.date.is_some() || dated_name(path) || dated_preamble(text, adr)
}

fn dated_preamble(text: &str, adr: &Adr) -> bool {
    let changelog = changelogs(text, adr)
        .iter()
        .any(|body| CHANGELOG_ENTRY.as_ref().is_some_and(|r| r.is_match(body)));
    if changelog {
        return true;
    }
    let end = adr
        .sections
        .iter()
        .find(|s| s.kind != SectionKind::Other || s.level > 1)
        .map_or(text.len(), |s| s.heading_span.start);
    OTHER_DATE_LABEL
        .as_ref()
        .is_some_and(|r| r.is_match(text.get(..end).unwrap_or("")))
}

/// `20240115-x.md` (log4brains) or `2024-01-15_019-x.md`: the name holds the date.
fn dated_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    super::links::is_dated(name) || name.get(..10).and_then(parse_iso).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_match_whole_words() {
        let allowed: Vec<String> = super::super::config::DEFAULT_STATUSES
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(status_allowed("Accepted", &allowed));
        assert!(status_allowed("**Superseded** by ADR 5", &allowed));
        assert!(status_allowed("⌛️ Superseded", &allowed));
        assert!(!status_allowed("Superceded", &allowed));
        assert!(!status_allowed("Acceptedish", &allowed));
        assert!(!status_allowed("Implemented", &allowed));
    }

    #[test]
    fn thematic_breaks_are_not_content() {
        assert!(is_thematic_break("---"));
        let dated = |text: &str| {
            let adr = crate::adr::parse(Path::new("0001-x.md"), text);
            dated_preamble(text, &adr)
        };
        assert!(dated(
            "# 1. X\n\n* **Decided**: 2026-01-20\n\n## Context\n\nC.\n"
        ));
        assert!(dated(
            "---\ncreated: 2022-07-18\n---\n# 1. X\n\n## Context\n\nC.\n"
        ));
        assert!(dated(
            "# 1. X\n\n**Status:** Accepted | **Date:** 2025-03-04\n\n## Context\n\nC.\n"
        ));
        assert!(!dated("# 1. X\n\n## Context\n\nDecided: 2026-01-20\n"));
        // Without the colon, and under a misspelt Changelog heading.
        assert!(dated("# 1. X\n\nDate 09/04/2018\n\n## Context\n\nC.\n"));
        assert!(dated(
            "# 1. X\n\n## Changlog\n\n- 2021-06-09: First draft\n\n## Context\n\nC.\n"
        ));
        assert!(!dated("# 1. X\n\nUpdated 3 times.\n\n## Context\n\nC.\n"));
        assert!(dated(
            "# ADR 3: X\n\n## Changelog\n\n- 16-07-2018: Initial draft\n\n## Context\n\nC.\n"
        ));
        assert!(is_thematic_break("* * *"));
        assert!(!is_thematic_break("--"));
        assert!(!is_thematic_break("-x-"));
    }

    fn empty(text: &str) -> Vec<String> {
        let adr = crate::adr::parse(Path::new("0001-x.md"), text);
        empty_sections(text, &adr)
            .into_iter()
            .map(|i| adr.sections[i].title.clone())
            .collect()
    }

    #[test]
    fn headings_used_as_list_items_are_not_empty_sections() {
        // Options listed as headings under Considered Options, and the chosen one named by a
        // labelled heading under Decision Outcome.
        let text = "# 1. Pick a gateway\n\n## Context and Problem Statement\n\nWe need one.\n\n\
                    ## Considered Options\n\n### Caddy\n\n### HAProxy\n\n\
                    ## Decision Outcome\n\n### B) HAProxy\n\n## Consequences\n\nOne more service.\n";
        assert_eq!(empty(text), Vec::<String>::new());
        // Under Pros and Cons of the Options an empty option lacks its arguments.
        let text = "# 1. Pick a gateway\n\n## Context\n\nWe need one.\n\n\
                    ## Pros and Cons of the Options\n\n### Caddy\n\n### HAProxy\n\nFast.\n";
        assert_eq!(empty(text), vec!["Caddy".to_string()]);
    }

    #[test]
    fn a_heading_whose_parts_follow_at_its_own_level_is_not_empty() {
        let text = "# 1. X\n\n## Context\n\nC.\n\n## Consequences\n\n## Positive\n\n- Faster.\n\n\
                    ## Negative\n\n## Neutral\n\n## References\n";
        // A part followed by the next part is still empty.
        assert_eq!(empty(text), vec!["Negative", "Neutral", "References"]);
        // An empty Alternatives section before References is empty; a descriptive options
        // heading right before the options is not.
        let text = "# 1. X\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Alternatives\n\n\
                    ## References\n\n- R.\n\n### Options for the switchover\n\n\
                    ### DNS failover\n\nFast.\n";
        assert_eq!(empty(text), vec!["Alternatives"]);
        // A decision followed by another section is still empty.
        let text = "# 1. X\n\n## Context\n\nC.\n\n## Decision\n\n## Consequences\n\nD.\n";
        assert_eq!(empty(text), vec!["Decision".to_string()]);
    }

    #[test]
    fn advantages_under_the_decision_are_its_consequences() {
        let adr = |text: &str| crate::adr::parse(Path::new("0001-x.md"), text);
        let text = "# 1. X\n\n## Context\n\nC.\n\n## Decision\n\nUse a queue.\n\n\
                    ### Disadvantages of the queue\n\nOne more service.\n";
        assert!(has_kind(&adr(text), SectionKind::Consequences));
        // Under a rejected option they are that option's arguments.
        let text = "# 1. X\n\n## Context\n\nC.\n\n## Decision\n\nUse a queue.\n\n\
                    ## Other options\n\n### Polling\n\n#### Disadvantages\n\nSlow.\n";
        assert!(!has_kind(&adr(text), SectionKind::Consequences));
    }

    #[test]
    fn dates_and_states_in_a_changelog() {
        let adr = |text: &str| crate::adr::parse(Path::new("0001-x.md"), text);
        let text = "# 1. X\n\n## Change Log\n\n- [approved](https://example.org/pr/7) (2023-02-14)\n\n## Context\n\nC.\n";
        assert!(is_dated(Path::new("0001-x.md"), text, &adr(text)));
        assert!(changelog_records_status(text, &adr(text)));
        let text = "# 1. X\n\n## Changelog\n\n - March 3 2021: First draft by the platform team\n\n## Context\n\nC.\n";
        assert!(is_dated(Path::new("0001-x.md"), text, &adr(text)));
        assert!(!changelog_records_status(text, &adr(text)));
        for entry in [
            "- 20-Aug-2021: First draft",
            "- 20 April 2021: First draft",
            "2020-2-27: Created",
            "### November 2nd 2018\n\nFirst draft.",
        ] {
            let text = format!("# 1. X\n\n## Changelog\n\n{entry}\n\n## Context\n\nC.\n");
            assert!(
                is_dated(Path::new("0001-x.md"), &text, &adr(&text)),
                "{entry}"
            );
        }
        // The template's own line is no date.
        let text = "# 1. X\n\n## Changelog\n\n- {date}: {changelog}\n\n## Context\n\nC.\n";
        assert!(!is_dated(Path::new("0001-x.md"), text, &adr(text)));
        // A template's instructions in a comment are neither a date nor a state.
        let text = "# 1. X\n\n## Change Log\n<!--\nGive the state and date, e.g.\n- [approved](URL) (2022-04-01)\n-->\n\n## Context\n\nC.\n";
        assert!(!is_dated(Path::new("0001-x.md"), text, &adr(text)));
        assert!(!changelog_records_status(text, &adr(text)));
    }

    #[test]
    fn placeholder_patterns() {
        let hit = |text: &str| PLACEHOLDERS.iter().any(|r| r.is_match(text));
        assert!(hit("TODO"));
        assert!(hit("{short title of solved problem and solution}"));
        assert!(hit("- TBD"));
        assert!(hit("The ADR TODO: TBC will follow"));
        assert!(hit("(Link TBD) for the secrets"));
        assert!(!hit(
            "This ADR supersedes the inline follow-up TODO referencing issue 4145"
        ));
        assert!(!hit("{name}"));
        assert!(hit("Chosen option: {title of option 1}, because"));
        assert!(!hit("{\"greeting\": \"Hello World\"}"));
        assert!(!hit("![x](a.png){width=\"2in\" height=\"1in\"}"));
        assert!(!hit("AUTH_URL={auth url for the intg environment}"));
        assert!(!hit("Table {name} exists"));
        assert!(!hit("[Adding transactions to the mempool]"));
        assert!(hit("[Describe the context and problem statement]"));
        assert!(hit(
            "The change that we're proposing or have agreed to implement."
        ));
        assert!(!hit("GET /orders/{orderId} returns the order"));
        assert!(!hit("We keep a todo list."));
        assert!(!hit("[3. Use Nomad]"));
    }
}
