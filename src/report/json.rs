//! `--format json`: the stable schema of SPEC 4.3.

use std::io::{self, Write};

use serde::Serialize;

use super::{Outcome, Streamed};
use crate::category::Category;
use crate::diag::Severity;

#[derive(Serialize)]
struct Document<D> {
    version: u32,
    tool: Tool,
    diagnostics: D,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    path: &'a str,
    range: Range,
    byte_range: [usize; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    requires: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn diagnostics(outcome: &Outcome) -> impl Iterator<Item = JsonDiagnostic<'_>> {
    outcome.reports.iter().flat_map(|report| {
        report.findings.iter().map(move |finding| {
            let (start_line, start_column) = finding.start();
            let (end_line, end_column) = finding.end();
            JsonDiagnostic {
                rule: &finding.rule,
                severity: finding.severity,
                message: &finding.message,
                path: &report.path,
                range: Range {
                    start: Position {
                        line: start_line,
                        column: start_column,
                    },
                    end: Position {
                        line: end_line,
                        column: end_column,
                    },
                },
                byte_range: [finding.span.start, finding.span.end],
                requires: finding.requires.map(Category::id),
                category: finding.requires.and(finding.category).map(Category::id),
                help: finding.help.as_deref(),
            }
        })
    })
}

/// `--format json-lines`: the same objects as `diagnostics`, one a line.
pub fn write_lines(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    for diagnostic in diagnostics(outcome) {
        serde_json::to_writer(&mut *out, &diagnostic)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let counts = outcome.counts();
    let document = Document {
        version: 1,
        tool: Tool {
            name: "adrlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        diagnostics: Streamed(|| diagnostics(outcome)),
        summary: Summary {
            files: outcome.files_checked,
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}
