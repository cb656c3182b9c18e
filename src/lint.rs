//! Linting one file: read it within limits, decode it, parse it as an ADR and evaluate the
//! rules, turning every input problem into a finding so the rest of the run goes on.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::adr;
use crate::category::Category;
use crate::diag::{CategorySource, FileReport, Finding, Text, locate};
use crate::engine::{self, Context};
use crate::hygiene::log::Entry;
use crate::hygiene::{Facts, HygieneConfig};
use crate::manifest::Level;
use crate::rules::select::{self, PerFileIgnores};
use crate::rules::{Rule, RuleSet};
use crate::source::SourceFile;
use crate::suppress;

/// Files larger than this are skipped with a finding unless the manifest sets `max-file-size`.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;
/// A NUL byte in this many leading bytes marks a binary file.
const BINARY_SNIFF: usize = 8192;

/// How the files governed by one manifest (or by none) are judged.
pub struct Plan {
    pub rules: Arc<RuleSet>,
    pub category: Option<Category>,
    pub category_source: Option<CategorySource>,
    pub levels: HashMap<String, Level>,
    pub max_file_size: u64,
    /// Its manifest failed to load: already reported, so no "no category" warning either.
    pub broken: bool,
    /// The `[adr]` settings of the hygiene rules, and today's date.
    pub hygiene: HygieneConfig,
    /// `[rules] per-file-ignores` of the manifest.
    pub per_file_ignores: PerFileIgnores,
}

impl Plan {
    pub fn level(&self, rule: &Rule) -> Level {
        self.levels
            .get(&*rule.id)
            .copied()
            .unwrap_or(Level::Severity(rule.severity))
    }
}

/// A file read, parsed and evaluated, before its suppression comments are applied: the log
/// pass ([`crate::hygiene::log`]) adds its findings in between.
pub struct Analysed {
    text: Text,
    pub findings: Vec<Finding>,
    /// Boxed, so that a run over many files keeps small records and hands the facts to the
    /// log pass without copying them.
    pub facts: Option<Box<Facts>>,
    comments: Vec<(Range<usize>, String)>,
}

impl Analysed {
    /// Points the facts at `path` when it is the path they hold: a large run keeps each path
    /// once.
    pub fn share_path(&mut self, path: &Arc<Path>) {
        if let Some(facts) = &mut self.facts
            && facts.path == *path
        {
            facts.path = Arc::clone(path);
        }
    }

    /// Locates the findings so far and lets go of the text, unless suppression comments will
    /// need it. Holding every file's text until the log pass is over would make memory grow
    /// with the size of the whole log rather than with its findings.
    pub fn release_text(&mut self) {
        // Skipped files (binary, too large, unreadable) have no text to let go or read again.
        if let Text::Kept(text) = &self.text
            && self.comments.is_empty()
            && !text.is_empty()
        {
            locate(&mut self.findings, text);
            self.text = Text::release(text);
            // A few findings in a vector grown for more: at a hundred thousand files the spare
            // room costs more than the findings.
            self.findings.shrink_to_fit();
        }
    }

    /// Applies the file's suppression comments (reporting the comments' own problems), locates
    /// the findings and sorts them by position. A file whose text was let go is read again only
    /// when the log pass gave it findings; if it changed in between, those findings keep their
    /// messages but lose their positions rather than point at the wrong words.
    /// Drops the findings of rules that `[rules] per-file-ignores` leaves out for `path` (the
    /// file's absolute path, as the run keeps it).
    pub fn ignore_per_file(&mut self, path: &Path, plan: &Plan) {
        if plan.per_file_ignores.is_empty() {
            return;
        }
        let selectors = plan.per_file_ignores.for_path(path);
        if selectors.is_empty() {
            return;
        }
        self.findings.retain(|finding| {
            let ignored = match plan.rules.get(&finding.rule) {
                Some(rule) => selectors.iter().any(|s| select::selects(s, rule)),
                None => selectors.contains(&&*finding.rule),
            };
            !ignored
        });
    }

    pub fn settle(&mut self, path: &Path, plan: &Plan) {
        let findings = &mut self.findings;
        if findings.iter().any(|f| f.location.is_none())
            && let Text::Released { .. } = self.text
        {
            match read_again(&self.text, path) {
                Some(again) => locate(findings, &again),
                None => {
                    for finding in findings.iter_mut().filter(|f| f.location.is_none()) {
                        finding.span = 0..0;
                        finding.notes.push(
                            "the file changed while adrlint ran, so no position is shown".into(),
                        );
                    }
                    locate(findings, &Arc::from(""));
                }
            }
        }
        if let Text::Kept(source) = &self.text {
            if !self.comments.is_empty() {
                let file = SourceFile::new("", Arc::clone(source));
                let ids: Vec<&str> = plan.rules.ids().collect();
                let is_rule = |id: &str| plan.rules.get(id).is_some();
                let comments = std::mem::take(&mut self.comments);
                let problems = suppress::apply(&comments, findings, &file, &is_rule, &ids);
                for problem in problems {
                    let before = findings.len();
                    input_finding(plan, problem.rule, problem.span, problem.label, findings);
                    if let (Some(note), Some(finding)) = (problem.note, findings.get_mut(before)) {
                        finding.notes.push(note);
                    }
                }
            }
            locate(findings, source);
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        engine::first_claim_per_rule(findings);
    }

    /// The report on a settled file, under the path shown to the user.
    pub fn into_report(self, shown: String) -> FileReport {
        FileReport {
            path: shown,
            text: self.text,
            findings: self.findings,
        }
    }
}

/// The text that was let go, read again from `path`. `None` when the file changed in between
/// (or cannot be read any more).
pub fn read_again(released: &Text, path: &Path) -> Option<Arc<str>> {
    let Text::Released { len, .. } = released else {
        return None;
    };
    let bytes = read_limited(path, *len as u64).ok()?;
    let text = decode(bytes).0;
    released.matches(&text).then(|| Arc::from(text))
}

/// The log pass: what only a whole ADR folder tells (numbers, names, links, relations). Hands
/// each file's facts to [`crate::hygiene::log`] and adds its findings to the files they are
/// about. `plan_of[i]` is the index in `plans` of the plan that judges `analysed[i]`.
pub fn log_pass(analysed: &mut [Analysed], plan_of: &[usize], plans: &[Plan]) {
    for (index, finding) in design_logs(analysed, plan_of, plans) {
        if let Some(file) = analysed.get_mut(index) {
            file.findings.push(finding);
        }
    }
    let entries = analysed
        .iter_mut()
        .zip(plan_of)
        .enumerate()
        .filter_map(|(index, (file, &plan))| {
            Some(Entry {
                facts: file.facts.take()?,
                report: Some(index),
                plan,
            })
        })
        .collect();
    for (index, finding) in crate::hygiene::log::check(entries, plans) {
        if let Some(file) = analysed.get_mut(index) {
            file.findings.push(finding);
        }
    }
}

/// The claims of log rules ([`engine::log`]) over the records of the run.
fn design_logs(analysed: &[Analysed], plan_of: &[usize], plans: &[Plan]) -> Vec<(usize, Finding)> {
    let levels: Vec<_> = plans
        .iter()
        .map(|plan| move |rule: &Rule| plan.level(rule))
        .collect();
    let contexts: Vec<Context> = plans
        .iter()
        .zip(&levels)
        .map(|(plan, level)| Context {
            rules: &plan.rules,
            category: plan.category,
            category_source: plan.category_source.clone(),
            level,
        })
        .collect();
    let records: Vec<engine::log::Record> = analysed
        .iter()
        .zip(plan_of)
        .enumerate()
        .filter_map(|(report, (file, &plan))| {
            let facts = file.facts.as_deref()?;
            let context = contexts.get(plan)?;
            (facts.role == crate::hygiene::FileRole::Adr).then(|| engine::log::Record {
                folder: facts.folder(),
                builds: file.findings.iter().any(engine::log::builds),
                designs: file
                    .findings
                    .iter()
                    .any(|finding| engine::log::designs(finding, context.rules)),
                decision: facts
                    .decision_start
                    .as_ref()
                    .map(|(span, text)| (span.clone(), &**text)),
                report,
                context,
            })
        })
        .collect();
    engine::log::judge(&records)
}

/// Reads, decodes, parses and evaluates one file. Input problems become findings of the
/// built-in input rules, so the rest of the run goes on.
pub fn lint_file(path: &Path, plan: &Plan) -> FileReport {
    finish(analyse_file(path, plan), path, plan)
}

/// Lints a file's contents: decoding, parsing and evaluation, with input problems as findings.
/// `path` gives the ADR's number; nothing is read from it but its folder's listing, to tell an
/// index file from an ADR.
pub fn lint_bytes(path: &Path, bytes: Vec<u8>, plan: &Plan) -> (Arc<str>, Vec<Finding>) {
    let report = finish(analyse_bytes(path, bytes, plan), path, plan);
    let text = match report.text {
        Text::Kept(text) => text,
        Text::Released { .. } => Arc::from(""),
    };
    (text, report.findings)
}

/// [`lint_file`] up to the log pass.
pub fn analyse_file(path: &Path, plan: &Plan) -> Analysed {
    let max = plan.max_file_size;
    let (id, label) = match read_limited(path, max) {
        Ok(bytes) => return analyse_bytes(path, bytes, plan),
        Err(ReadFailure::Unreadable(error)) => {
            ("unreadable-file", format!("cannot read this file: {error}"))
        }
        Err(ReadFailure::TooLarge(Some(size))) => (
            "file-too-large",
            format!("{size} bytes, over the {max}-byte limit; skipped"),
        ),
        Err(ReadFailure::TooLarge(None)) => (
            "file-too-large",
            format!("over the {max}-byte limit; skipped"),
        ),
    };
    let mut findings = Vec::new();
    input_finding(plan, id, 0..0, label, &mut findings);
    Analysed {
        text: Text::Kept(Arc::from("")),
        findings,
        facts: Some(Box::new(Facts::from_path(path))),
        comments: Vec::new(),
    }
}

/// [`lint_bytes`] up to the log pass.
pub fn analyse_bytes(path: &Path, bytes: Vec<u8>, plan: &Plan) -> Analysed {
    let mut findings = Vec::new();
    let done = |text: Arc<str>, findings, facts, comments| Analysed {
        text: Text::Kept(text),
        findings,
        facts: Some(Box::new(facts)),
        comments,
    };
    if bytes.iter().take(BINARY_SNIFF).any(|&b| b == 0) {
        input_finding(
            plan,
            "binary-file",
            0..0,
            "this file holds NUL bytes; skipped".to_string(),
            &mut findings,
        );
        return done(Arc::from(""), findings, Facts::from_path(path), Vec::new());
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        input_finding(
            plan,
            "empty-file",
            0..0,
            "this file has no content".to_string(),
            &mut findings,
        );
        return done(Arc::from(""), findings, Facts::from_path(path), Vec::new());
    }
    let (text, invalid) = decode(bytes);
    if let Some((offset, count)) = invalid {
        let end = crate::source::ceil_char_boundary(&text, offset + 1);
        input_finding(
            plan,
            "invalid-utf8",
            offset..end,
            format!("invalid UTF-8 at byte {offset}; {count} byte(s) read as spaces"),
            &mut findings,
        );
    }
    let parsed = adr::parse(path, &text);
    if let Some((message, span)) = parsed.front_matter.as_ref().and_then(|f| f.error.clone()) {
        input_finding(plan, "invalid-front-matter", span, message, &mut findings);
    }
    if parsed.front_matter.is_none()
        && let Some(fence) = unclosed_front_matter(&text)
    {
        input_finding(
            plan,
            "invalid-front-matter",
            fence,
            "front matter opened here is never closed by a `---` line; read as Markdown"
                .to_string(),
            &mut findings,
        );
    }
    let level = |rule: &Rule| plan.level(rule);
    let context = Context {
        rules: &plan.rules,
        category: plan.category,
        category_source: plan.category_source.clone(),
        level: &level,
    };
    findings.extend(engine::evaluate(&parsed, &context));
    let mut facts = crate::hygiene::per_file::check(path, &text, &parsed, plan, &mut findings);
    if facts.role == crate::hygiene::FileRole::Adr && !parsed.is_inactive() {
        facts.decision_start = engine::log::decision_start(&parsed)
            .map(|sentence| (sentence.span(), sentence.text.as_str().into()));
    }
    done(Arc::from(text), findings, facts, parsed.comments)
}

/// What the engine made of each sentence of a file (`check --explain-matches`), rendered by
/// `render` (given the trace and the file's text); a file that cannot be read or is binary
/// says so instead.
pub fn explain_matches(
    path: &Path,
    shown: &str,
    bytes: Option<Vec<u8>>,
    plan: &Plan,
    render: impl Fn(&engine::trace::Trace<'_>, &str) -> String,
) -> String {
    let text = match text_of(bytes.map_or_else(|| read_limited(path, plan.max_file_size), Ok)) {
        Ok(text) => text,
        Err(Unread::Failed(ReadFailure::Unreadable(error))) => {
            return format!("{shown}: cannot read: {error}\n");
        }
        Err(Unread::Failed(ReadFailure::TooLarge(_))) => {
            return format!("{shown}: over the size limit; skipped\n");
        }
        Err(Unread::Binary) => return format!("{shown}: holds NUL bytes; skipped\n"),
    };
    let parsed = adr::parse(path, &text);
    let level = |rule: &Rule| plan.level(rule);
    let context = Context {
        rules: &plan.rules,
        category: plan.category,
        category_source: plan.category_source.clone(),
        level: &level,
    };
    render(&engine::trace::trace(&parsed, &context), &text)
}

/// A file's text for commands that only read it (`adrlint parse`), or why it has none: it
/// cannot be read, is over `max` bytes, or holds NUL bytes. Invalid UTF-8 is read as spaces.
pub fn read_text(path: &Path, max: u64) -> Result<String, String> {
    text_of(read_limited(path, max)).map_err(|unread| match unread {
        Unread::Failed(ReadFailure::Unreadable(error)) => format!("cannot read it: {error}"),
        Unread::Failed(ReadFailure::TooLarge(_)) => format!("over the {max}-byte limit"),
        Unread::Binary => "it holds NUL bytes".to_string(),
    })
}

/// Why a file has no text for the commands that only read it.
enum Unread {
    Failed(ReadFailure),
    Binary,
}

/// The text of bytes read by [`read_limited`], unless reading failed or they are binary.
fn text_of(bytes: Result<Vec<u8>, ReadFailure>) -> Result<String, Unread> {
    let bytes = bytes.map_err(Unread::Failed)?;
    if bytes.iter().take(BINARY_SNIFF).any(|&b| b == 0) {
        return Err(Unread::Binary);
    }
    Ok(decode(bytes).0)
}

/// [`Analysed::settle`] then [`Analysed::into_report`].
pub fn finish(mut analysed: Analysed, path: &Path, plan: &Plan) -> FileReport {
    analysed.settle(path, plan);
    analysed.into_report(crate::paths::display(path))
}

/// Why [`read_limited`] returned no bytes.
enum ReadFailure {
    /// `metadata`, opening or reading failed.
    Unreadable(std::io::Error),
    /// Over the limit: the size `metadata` gave, or `None` when the file grew past the limit
    /// after `metadata`.
    TooLarge(Option<u64>),
}

/// A file's bytes if it has at most `max` of them.
fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    // The size from the open file (fstat), not the path: one lookup of the path, not two.
    let file = std::fs::File::open(path).map_err(ReadFailure::Unreadable)?;
    let size = file.metadata().map_err(ReadFailure::Unreadable)?.len();
    if size > max {
        return Err(ReadFailure::TooLarge(Some(size)));
    }
    // Read at most one byte over the limit: a file that grew since `metadata` stays bounded.
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |s| s.saturating_add(1)));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Unreadable)?;
    if bytes.len() as u64 > max {
        return Err(ReadFailure::TooLarge(None));
    }
    Ok(bytes)
}

/// The opening `---` fence of a file that starts like front matter but has no closing fence.
/// (Only called when no front matter was split off.)
fn unclosed_front_matter(text: &str) -> Option<Range<usize>> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = text.get(start..)?;
    let line = &rest[..rest.find('\n')?];
    (line.trim_end_matches('\r').trim_end() == "---").then(|| start..start + 3)
}

/// A finding of one of the built-in input rules, at its configured level.
fn input_finding(
    plan: &Plan,
    id: &str,
    span: Range<usize>,
    label: String,
    findings: &mut Vec<Finding>,
) {
    if let Some(rule) = plan.rules.get(id)
        && let Level::Severity(severity) = plan.level(rule)
    {
        let mut finding = Finding::new(rule.id.clone(), severity, rule.message.clone(), span);
        finding.label = Some(label.into());
        finding.help = rule.help.clone();
        findings.push(finding);
    }
}

/// UTF-8 text with every invalid byte replaced by a space, so byte offsets stay those of the
/// file. Returns the first invalid offset and how many bytes were replaced.
fn decode(bytes: Vec<u8>) -> (String, Option<(usize, usize)>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let mut bytes = error.into_bytes();
            let mut first = None;
            let mut count = 0;
            let mut at = 0;
            while at < bytes.len() {
                match std::str::from_utf8(&bytes[at..]) {
                    Ok(_) => break,
                    Err(e) => {
                        let bad = at + e.valid_up_to();
                        let len = e.error_len().unwrap_or(bytes.len() - bad);
                        for b in &mut bytes[bad..bad + len] {
                            *b = b' ';
                        }
                        first.get_or_insert(bad);
                        count += len;
                        at = bad + len;
                    }
                }
            }
            let text = String::from_utf8(bytes).unwrap_or_default();
            (text, first.map(|f| (f, count)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_keeps_offsets() {
        let (text, invalid) = decode(b"ab\xffcd\xfe".to_vec());
        assert_eq!(text, "ab cd ");
        assert_eq!(invalid, Some((2, 2)));
    }

    fn bare_plan() -> Plan {
        Plan {
            rules: Arc::new(RuleSet::new(Vec::new())),
            category: None,
            category_source: None,
            levels: HashMap::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            broken: false,
            hygiene: HygieneConfig::default(),
            per_file_ignores: PerFileIgnores::default(),
        }
    }

    /// A file lets go of its text once its findings are located; a late finding is located
    /// in the text read again, or, if the file changed in between, loses its position rather
    /// than point at the wrong words.
    #[test]
    fn released_text_comes_back_for_late_findings() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("0001-use-queues.md");
        std::fs::write(&path, "# 1. Use queues\n\nWe use queues.\n")?;
        let plan = bare_plan();
        let late = || crate::diag::Finding::new("late", crate::diag::Severity::Info, "m", 17..19);

        let mut file = analyse_file(&path, &plan);
        file.release_text();
        assert!(matches!(file.text, Text::Released { .. }));
        file.findings.push(late());
        let report = finish(file, &path, &plan);
        assert_eq!(report.findings[0].span, 17..19);
        assert_eq!(report.findings[0].start(), (3, 1));
        assert_eq!(report.findings[0].words(), "we");
        assert!(matches!(report.text, Text::Released { .. }));

        let mut file = analyse_file(&path, &plan);
        file.release_text();
        std::fs::write(&path, "# 1. Use topics\n")?;
        file.findings.push(late());
        let report = finish(file, &path, &plan);
        assert_eq!(report.findings[0].span, 0..0);
        assert_eq!(report.findings[0].start(), (1, 1));
        assert_eq!(report.findings[0].notes.len(), 1);
        Ok(())
    }
}
