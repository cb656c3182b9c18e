//! `--format short`: `path:line:col: severity[rule] message`, one finding a line.

use super::{Outcome, position};
use crate::source::SourceMap;

pub fn render(outcome: &Outcome, sources: &SourceMap) -> String {
    let mut out = String::new();
    for (report, &file) in outcome.reports.iter().zip(&outcome.file_ids) {
        for finding in &report.findings {
            let (line, column) = position(sources, file, finding.span.start);
            out.push_str(&format!(
                "{}:{line}:{column}: {}[{}] {}\n",
                report.path, finding.severity, finding.rule, finding.message
            ));
        }
    }
    out
}
