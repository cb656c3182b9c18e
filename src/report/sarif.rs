//! `--format sarif`: SARIF 2.1.0 for code scanning, from hand-written serde structs (as ruff
//! and cargo-deny do): every result has a physical location with a region.

use std::io::{self, Write};

use std::collections::HashMap;

use serde::Serialize;

use super::fingerprint::fingerprinted;
use super::{Outcome, Streamed, position};
use crate::diag::{CategorySource, Severity};
use crate::source::{FileId, SourceMap};

#[derive(Serialize)]
struct Log<'a, R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a, R>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a, R> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    /// Written as they are made (see [`Streamed`]).
    results: R,
}

/// Whether the run itself succeeded, and the problems it met (a missing path, an unreadable
/// project manifest) that are no finding of any file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    descriptor: NotificationDescriptor,
}

#[derive(Serialize)]
struct NotificationDescriptor {
    id: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: String,
    short_description: Text,
    full_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    help: Help,
    default_configuration: Configuration,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    requires: Option<&'static str>,
    pack: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: HashMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: `/`-separated, with everything outside the unreserved
/// set percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Region {
    /// The region of `span`, which starts and ends at these 1-based lines and columns.
    fn new(span: &std::ops::Range<usize>, start: (usize, usize), end: (usize, usize)) -> Region {
        Region {
            start_line: start.0,
            start_column: start.1,
            end_line: end.0,
            end_column: end.1,
            byte_offset: span.start,
            byte_length: span.end.saturating_sub(span.start),
        }
    }

    /// A finding's region, from the positions it carries.
    fn of(finding: &crate::diag::Finding) -> Region {
        Region::new(&finding.span, finding.start(), finding.end())
    }
}

/// The region of `span` in a file of the source map (a manifest's `category` line).
fn region(sources: &SourceMap, file: FileId, span: &std::ops::Range<usize>) -> Region {
    Region::new(
        span,
        position(sources, file, span.start),
        position(sources, file, span.end),
    )
}

pub fn write(outcome: &Outcome, sources: &SourceMap, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Descriptor> = outcome
        .rules
        .iter()
        .map(|rule| Descriptor {
            id: &rule.id,
            name: rule.id.split('-').map(capitalise).collect(),
            short_description: Text {
                text: rule.summary.clone(),
            },
            full_description: Text {
                text: rule.explain.trim().to_string(),
            },
            help_uri: rule.help_uri(),
            help: Help {
                text: rule
                    .help
                    .as_deref()
                    .map_or_else(|| rule.summary.clone(), str::to_string),
                markdown: rule.explain.trim().to_string(),
            },
            default_configuration: Configuration {
                level: level(rule.severity),
            },
            properties: Properties {
                kind: rule.kind.id(),
                requires: rule.requires.map(|c| c.id()),
                pack: &rule.pack,
            },
        })
        .collect();
    let index: HashMap<&str, usize> = outcome
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (&*r.id, i))
        .collect();

    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "adrlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: !outcome
                    .notifications
                    .iter()
                    .any(|n| n.severity == Severity::Error),
                tool_execution_notifications: outcome
                    .notifications
                    .iter()
                    .map(|n| Notification {
                        level: level(n.severity),
                        message: Text {
                            text: n.message.clone(),
                        },
                        descriptor: NotificationDescriptor { id: n.code },
                    })
                    .collect(),
            }],
            column_kind: "unicodeCodePoints",
            results: Streamed(|| results(outcome, sources, &index)),
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// One result per finding, in the outcome's order.
fn results<'a>(
    outcome: &'a Outcome,
    sources: &'a SourceMap,
    index: &'a HashMap<&str, usize>,
) -> impl Iterator<Item = SarifResult> + 'a {
    fingerprinted(&outcome.reports).map(move |(report, finding, fingerprint)| {
        let mut related = Vec::new();
        if let (
            Some(CategorySource::Manifest {
                file: manifest,
                span,
            }),
            Some(category),
        ) = (&finding.category_source, finding.category)
            && let Some(source) = sources.get(*manifest)
        {
            related.push(Location {
                id: Some(1),
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri(&source.name),
                    },
                    region: region(sources, *manifest, span),
                },
                message: Some(Text {
                    text: format!("the team is declared {category} here"),
                }),
            });
        }
        let mut text = finding.message.to_string();
        // An embedded link to the related location (SARIF 3.11.6): viewers link the manifest.
        if let Some(category) = finding.category.filter(|_| !related.is_empty()) {
            text.push_str(&format!(" (the team is declared {category} [here](1))"));
        }
        if let Some(help) = &finding.help {
            text.push_str(&format!("\nhelp: {help}"));
        }
        SarifResult {
            rule_id: finding.rule.to_string(),
            rule_index: index.get(&*finding.rule).copied().unwrap_or(0),
            level: level(finding.severity),
            message: Text { text },
            locations: vec![Location {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri(&report.path),
                    },
                    region: Region::of(finding),
                },
                message: None,
            }],
            related_locations: related,
            partial_fingerprints: HashMap::from([("adrlint/v1", fingerprint)]),
        }
    })
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            uri("docs/adr/0001 my adr.md"),
            "docs/adr/0001%20my%20adr.md"
        );
        assert_eq!(uri("docs\\adr\\x.md"), "docs/adr/x.md");
    }
}
