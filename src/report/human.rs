//! The default format: codespan-reporting snippets with a primary label on the claim and a
//! secondary label on the manifest's `category` line.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle};
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use super::{Outcome, summary_line};
use crate::diag::{CategorySource, Finding, Problem, Text};
use crate::source::{FileId, SourceFile, SourceMap};

pub fn write(
    outcome: &Outcome,
    sources: &mut SourceMap,
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

/// The findings alone, without the summary line (`--quiet`). A file whose text was let go
/// after analysis is read again while its findings print.
pub fn write_findings(
    outcome: &Outcome,
    sources: &mut SourceMap,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for report in outcome.reports.iter().filter(|r| !r.findings.is_empty()) {
        let text = match &report.text {
            Text::Kept(text) => Some(Arc::clone(text)),
            released => crate::lint::read_again(released, Path::new(&report.path)),
        };
        match text {
            Some(text) => sources.with_file(
                SourceFile::new(report.path.as_str(), text),
                |sources, file| {
                    let diagnostics = report
                        .findings
                        .iter()
                        .map(|finding| finding_diagnostic(finding, Some(file), &report.path));
                    emit(out, sources, color, diagnostics)
                },
            )?,
            None => {
                let diagnostics = report
                    .findings
                    .iter()
                    .map(|finding| finding_diagnostic(finding, None, &report.path));
                emit(out, sources, color, diagnostics)?;
            }
        }
    }
    Ok(())
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

/// The diagnostic of `finding`, in `file` of the source map; without a snippet when its file
/// changed after analysis (`file` is `None`).
fn finding_diagnostic(finding: &Finding, file: Option<FileId>, path: &str) -> Diagnostic<FileId> {
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    match file {
        Some(file) => {
            labels.push(
                Label::primary(file, finding.span.clone())
                    .with_message(finding.label.as_deref().unwrap_or_default()),
            );
            labels.extend(finding.related.iter().map(|(span, message)| {
                Label::secondary(file, span.clone()).with_message(message.as_ref())
            }));
        }
        None => {
            let (line, column) = finding.start();
            notes.push(format!(
                "at {path}:{line}:{column} (the file changed while adrlint ran, so its text is not shown)"
            ));
        }
    }
    if let (Some(CategorySource::Manifest { file, span }), Some(category)) =
        (&finding.category_source, finding.category)
    {
        labels.push(
            Label::secondary(*file, span.clone())
                .with_message(format!("the team is declared {category} here")),
        );
    }
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
        .with_message(finding.message.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{FileReport, Severity};

    fn render(reports: Vec<FileReport>) -> String {
        let outcome = Outcome {
            reports,
            files_checked: 1,
            rules: Vec::new(),
            fail_on: Severity::Error,
            notifications: Vec::new(),
        };
        let mut out = Vec::new();
        let written = write_findings(&outcome, &mut SourceMap::default(), false, &mut out);
        assert!(written.is_ok());
        String::from_utf8_lossy(&out).into_owned()
    }

    /// A file whose text was let go is read again to show its lines; if it changed since, its
    /// findings print their positions without the (different) text.
    #[test]
    fn released_files_are_read_again_for_their_snippets() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("0001-use-queues.md");
        let text = "# 1. Use queues\n\nWe build our own queue.\n";
        std::fs::write(&path, text)?;
        let shown = crate::paths::display(&path);
        let report = || {
            let finding = Finding::new("own-queue", Severity::Error, "builds a queue", 17..40);
            let mut report = FileReport::new(shown.clone(), Arc::from(text), vec![finding]);
            report.text = Text::release(text);
            report
        };

        let rendered = render(vec![report()]);
        assert!(
            rendered.contains("3 │ We build our own queue."),
            "{rendered}"
        );
        assert!(rendered.contains(&format!("{shown}:3:1")), "{rendered}");

        std::fs::write(&path, "# 1. Use topics\n")?;
        let rendered = render(vec![report()]);
        assert!(!rendered.contains("We build"), "{rendered}");
        assert!(
            rendered.contains(&format!("at {shown}:3:1 (the file changed")),
            "{rendered}"
        );
        Ok(())
    }
}
