//! `--format short`: `path:line:col: severity[rule] message`, one finding a line.

use std::io::{self, Write};

use super::{Outcome, position};
use crate::source::SourceMap;

pub fn write(outcome: &Outcome, sources: &SourceMap, out: &mut dyn Write) -> io::Result<()> {
    for (report, &file) in outcome.reports.iter().zip(&outcome.file_ids) {
        for finding in &report.findings {
            let (line, column) = position(sources, file, finding.span.start);
            writeln!(
                out,
                "{}:{line}:{column}: {}[{}] {}",
                report.path, finding.severity, finding.rule, finding.message
            )?;
        }
    }
    Ok(())
}
