//! `--format gitlab`: a GitLab Code Quality report (Code Climate issue subset).

use std::io::{self, Write};

use serde::Serialize;

use super::fingerprint::fingerprinted;
use super::{Outcome, Streamed};
use crate::diag::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    categories: [&'static str; 1],
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Streamed(|| issues(outcome)))?;
    out.write_all(b"\n")
}

fn issues(outcome: &Outcome) -> impl Iterator<Item = Issue<'_>> {
    fingerprinted(&outcome.reports).map(|(report, finding, fingerprint)| {
        let (begin, _) = finding.start();
        let (end, _) = finding.end();
        Issue {
            kind: "issue",
            description: format!("{}: {}", finding.rule, finding.message),
            check_name: &finding.rule,
            fingerprint,
            severity: match finding.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            },
            categories: ["Style"],
            location: Location {
                path: &report.path,
                lines: Lines { begin, end },
            },
        }
    })
}
