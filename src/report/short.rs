//! `--format short`: `path:line:col: severity[rule] message`, one finding a line.

use std::io::{self, Write};

use super::Outcome;

pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    for report in &outcome.reports {
        for finding in &report.findings {
            let (line, column) = finding.start();
            writeln!(
                out,
                "{}:{line}:{column}: {}[{}] {}",
                report.path, finding.severity, finding.rule, finding.message
            )?;
        }
    }
    Ok(())
}
