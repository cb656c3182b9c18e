//! The default format: codespan-reporting snippets with a primary label on the claim and a
//! secondary label on the manifest's `category` line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle};
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use super::{Outcome, summary_line};
use crate::diag::{CategorySource, Finding, Problem};
use crate::source::{FileId, SourceMap};

pub fn write(
    outcome: &Outcome,
    sources: &SourceMap,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_findings(outcome, sources, color, out)?;
    writeln!(
        out,
        "{}",
        summary_line(outcome.counts(), outcome.files_checked)
    )
}

/// The findings alone, without the summary line (`--quiet`).
pub fn write_findings(
    outcome: &Outcome,
    sources: &SourceMap,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let diagnostics = outcome
        .reports
        .iter()
        .zip(&outcome.file_ids)
        .flat_map(|(report, &file)| {
            report
                .findings
                .iter()
                .map(move |finding| finding_diagnostic(finding, file))
        });
    emit(out, sources, color, diagnostics)
}

/// Writes `diagnostics` to `out`, in colour or not.
fn emit(
    out: &mut dyn Write,
    sources: &SourceMap,
    color: bool,
    diagnostics: impl Iterator<Item = Diagnostic<FileId>>,
) -> io::Result<()> {
    if color {
        emit_each(&mut Ansi::new(out), sources, diagnostics)
    } else {
        emit_each(&mut NoColor::new(out), sources, diagnostics)
    }
}

pub fn render_problems(problems: &[Problem], sources: &SourceMap, color: bool) -> String {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = emit(
        &mut bytes,
        sources,
        color,
        problems.iter().map(problem_diagnostic),
    );
    String::from_utf8_lossy(&bytes).into_owned()
}

fn finding_diagnostic(finding: &Finding, file: FileId) -> Diagnostic<FileId> {
    let mut labels = vec![
        Label::primary(file, finding.span.clone())
            .with_message(finding.label.clone().unwrap_or_default()),
    ];
    if let (Some(CategorySource::Manifest { file, span }), Some(category)) =
        (&finding.category_source, finding.category)
    {
        labels.push(
            Label::secondary(*file, span.clone())
                .with_message(format!("the team is declared {category} here")),
        );
    }
    let mut notes = Vec::new();
    if finding.category_source == Some(CategorySource::CommandLine)
        && let Some(category) = finding.category
    {
        notes.push(format!(
            "the team category {category} was set by --category"
        ));
    }
    notes.extend(finding.notes.iter().cloned());
    if let Some(help) = &finding.help {
        notes.push(format!("help: {help}"));
    }
    Diagnostic::new(finding.severity.into())
        .with_code(finding.rule.to_string())
        .with_message(finding.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

fn problem_diagnostic(problem: &Problem) -> Diagnostic<FileId> {
    let mut labels = Vec::new();
    if let Some(primary) = &problem.primary {
        labels.push(
            Label::new(LabelStyle::Primary, primary.file, primary.span.clone())
                .with_message(primary.message.clone()),
        );
    }
    for secondary in &problem.secondary {
        labels.push(
            Label::secondary(secondary.file, secondary.span.clone())
                .with_message(secondary.message.clone()),
        );
    }
    Diagnostic::new(problem.severity.into())
        .with_code(problem.code)
        .with_message(problem.message.clone())
        .with_labels(labels)
        .with_notes(problem.notes.clone())
}

fn emit_each<W: WriteColor>(
    writer: &mut W,
    sources: &SourceMap,
    diagnostics: impl Iterator<Item = Diagnostic<FileId>>,
) -> io::Result<()> {
    let config = Config::default();
    for diagnostic in diagnostics {
        match term::emit_to_write_style(writer, &config, sources, &diagnostic) {
            Ok(()) => {}
            Err(codespan_reporting::files::Error::Io(error)) => return Err(error),
            // A label outside its file would be a bug; render the rest rather than abort.
            Err(_) => writeln!(
                writer,
                "{}: {}",
                diagnostic.code.as_deref().unwrap_or(""),
                diagnostic.message
            )?,
        }
    }
    Ok(())
}
