//! `--format github`: workflow commands that GitHub Actions shows as annotations.

use std::io::{self, Write};

use super::Outcome;
use crate::diag::Severity;

/// Escaping of workflow-command data (the message).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of workflow-command property values (file, title).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    for report in &outcome.reports {
        for finding in &report.findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (line, column) = finding.start();
            let (end_line, end_column) = finding.end();
            let mut message = finding.message.to_string();
            if let Some(help) = &finding.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            writeln!(
                out,
                "::{command} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
                escape_property(&report.path),
                escape_property(&format!("adrlint {}", finding.rule)),
                escape_data(&message),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
