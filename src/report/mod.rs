//! Output: each format is a small emitter over the same sorted findings.

pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
pub mod trace;

use std::io::{self, Write};

use crate::cli::Format;
use crate::diag::{FileReport, Severity};
use crate::source::{FileId, SourceMap};

/// The result of a `check` run, ready to print.
pub struct Outcome {
    /// Sorted by path; each file's findings sorted by position.
    pub reports: Vec<FileReport>,
    pub files_checked: usize,
    /// Every rule in force in the run (for formats that describe rules), sorted by id.
    pub rules: Vec<crate::rules::Rule>,
    /// The lowest severity that fails the run (`--fail-on`): JUnit counts only these as
    /// failures.
    pub fail_on: Severity,
    /// Problems of the run itself (a missing path, an unreadable project manifest), printed
    /// to standard error; SARIF carries them as tool execution notifications.
    pub notifications: Vec<Notification>,
}

/// A run-level problem, as machine-readable formats carry it.
#[derive(Debug, Clone)]
pub struct Notification {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

impl Notification {
    pub fn of(problem: &crate::diag::Problem) -> Notification {
        Notification {
            severity: problem.severity,
            code: problem.code,
            message: problem.message.clone(),
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Outcome {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for finding in self.reports.iter().flat_map(|r| &r.findings) {
            match finding.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }

    pub fn max_severity(&self) -> Option<Severity> {
        self.reports
            .iter()
            .flat_map(|r| &r.findings)
            .map(|f| f.severity)
            .max()
    }
}

/// A JSON array made of an iterator's items as they are serialised: a report on a hundred
/// thousand files is written without first building all its objects.
pub(crate) struct Streamed<F>(pub F);

impl<F, I> serde::Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// 1-based (line, column) of a byte offset in a file of the source map (a manifest's
/// `category` line; findings carry their own positions).
pub fn position(sources: &SourceMap, file: FileId, byte: usize) -> (usize, usize) {
    sources
        .get(file)
        .map(|f| f.line_col(byte))
        .unwrap_or((1, 1))
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// "2 errors, 1 warning in 14 files".
pub fn summary_line(counts: Counts, files: usize) -> String {
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning"));
    }
    if counts.infos > 0 {
        parts.push(plural(counts.infos, "info"));
    }
    let found = if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    };
    format!("{found} in {}", plural(files, "file"))
}

/// Writes the findings in `format` to `out` (the human format's colour is decided by the
/// caller). Written as they are rendered, not gathered in one string: a run over a hundred
/// thousand files must not hold its whole report in memory.
pub fn write(
    format: Format,
    outcome: &Outcome,
    sources: &mut SourceMap,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(outcome, sources, color, out),
        Format::Short => short::write(outcome, out),
        Format::Json => json::write(outcome, out),
        Format::JsonLines => json::write_lines(outcome, out),
        Format::Sarif => sarif::write(outcome, sources, out),
        Format::Github => github::write(outcome, out),
        Format::Gitlab => gitlab::write(outcome, out),
        Format::Junit => junit::write(outcome, out),
    }
}

/// Findings per rule, most frequent first: `--statistics`.
pub fn statistics(outcome: &Outcome) -> String {
    let mut counts: std::collections::BTreeMap<(&str, Severity), usize> =
        std::collections::BTreeMap::new();
    for finding in outcome.reports.iter().flat_map(|r| &r.findings) {
        *counts.entry((&finding.rule, finding.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows
        .iter()
        .map(|((rule, _), _)| rule.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for ((rule, severity), count) in rows {
        out.push_str(&format!("{count:>5}  {rule:<width$}  {severity}\n"));
    }
    out
}
