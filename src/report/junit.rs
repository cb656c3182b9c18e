//! `--format junit`: one test suite, one test case per linted file, one failure per finding at
//! or above `--fail-on`; findings below it are the test case's `system-out`, so a run that
//! exits 0 shows no failures. XML is written (and escaped) by quick-xml.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::Outcome;

pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = Writer::new_with_indent(&mut *out, b' ', 2);
    let failures: usize = outcome
        .reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| f.severity >= outcome.fail_on)
        .count();
    let tests = outcome.reports.len().to_string();
    let failures = failures.to_string();
    write_suites(&mut writer, outcome, &tests, &failures)?;
    out.write_all(b"\n")
}

fn write_suites<W: Write>(
    writer: &mut Writer<W>,
    outcome: &Outcome,
    tests: &str,
    failures: &str,
) -> std::io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let counts = [
        ("name", "adrlint"),
        ("tests", tests),
        ("failures", failures),
        ("errors", "0"),
    ];
    writer.write_event(Event::Start(
        BytesStart::new("testsuites").with_attributes(counts),
    ))?;
    writer.write_event(Event::Start(
        BytesStart::new("testsuite").with_attributes(counts),
    ))?;
    for report in &outcome.reports {
        let case = BytesStart::new("testcase")
            .with_attributes([("name", report.path.as_str()), ("classname", "adrlint")]);
        if report.findings.is_empty() {
            writer.write_event(Event::Empty(case))?;
            continue;
        }
        writer.write_event(Event::Start(case))?;
        let mut below = String::new();
        for finding in &report.findings {
            let (line, column) = finding.start();
            let message = format!("{}:{line}:{column}: {}", report.path, finding.message);
            let kind = format!("{}[{}]", finding.severity, finding.rule);
            if finding.severity < outcome.fail_on {
                below.push_str(&format!("{kind} {message}\n"));
                continue;
            }
            writer.write_event(Event::Start(
                BytesStart::new("failure")
                    .with_attributes([("message", message.as_str()), ("type", kind.as_str())]),
            ))?;
            let mut body = format!(
                "{message}\nrule: {}\nseverity: {}",
                finding.rule, finding.severity
            );
            if let Some(help) = &finding.help {
                body.push_str(&format!("\nhelp: {help}"));
            }
            writer.write_event(Event::Text(BytesText::new(&body)))?;
            writer.write_event(Event::End(BytesEnd::new("failure")))?;
        }
        if !below.is_empty() {
            writer.write_event(Event::Start(BytesStart::new("system-out")))?;
            writer.write_event(Event::Text(BytesText::new(below.trim_end())))?;
            writer.write_event(Event::End(BytesEnd::new("system-out")))?;
        }
        writer.write_event(Event::End(BytesEnd::new("testcase")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuite")))?;
    writer.write_event(Event::End(BytesEnd::new("testsuites")))?;
    Ok(())
}
