//! Baselines for adopting adrlint on an existing ADR log: `--write-baseline FILE` records the
//! current findings; `--baseline FILE` hides exactly those and reports entries that no longer
//! match anything. Entries are keyed by path, rule and a fingerprint of the claim's words, so
//! moving or re-wrapping the paragraph keeps them matched.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diag::{FileReport, Finding, Problem};
use crate::report::fingerprint::{fingerprinted, fingerprints};
use crate::rules::RuleSet;
use crate::source::{FileId, SourceFile, SourceMap};

const VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// The claim's words, for people reading the file; not used for matching.
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    entries: Vec<Entry>,
}

#[derive(Debug)]
pub struct Baseline {
    pub display: String,
    pub file: FileId,
    source: Arc<str>,
    entries: Vec<Entry>,
}

/// Writes the baseline for `reports` to `path` atomically ([`crate::atomic`]). One entry a
/// line keeps diffs of the file reviewable.
pub fn write(path: &Path, reports: &[FileReport]) -> std::io::Result<usize> {
    let entries: Vec<Entry> = fingerprinted(reports)
        .map(|(report, finding, fingerprint)| Entry {
            path: report.path.clone(),
            rule: finding.rule.to_string(),
            fingerprint,
            text: finding.words().to_string(),
        })
        .collect();
    let mut text = format!("{{\n  \"version\": {VERSION},\n  \"entries\": [");
    for (i, entry) in entries.iter().enumerate() {
        let line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
        text.push_str(if i == 0 { "\n    " } else { ",\n    " });
        text.push_str(&line);
    }
    text.push_str(if entries.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });

    crate::atomic::replace(path, |out| out.write_all(text.as_bytes()))?;
    Ok(entries.len())
}

pub fn load(path: &Path, sources: &mut SourceMap) -> Result<Baseline, Problem> {
    let display = crate::paths::display(path);
    let text = std::fs::read_to_string(path).map_err(|error| {
        Problem::error(
            "invalid-baseline",
            format!("cannot read the baseline `{display}`: {error}"),
        )
    })?;
    let file = sources.add(SourceFile::new(display.clone(), text.as_str()));
    let document: Document = serde_json::from_str(&text).map_err(|error| {
        let offset = offset_of(&text, error.line(), error.column());
        Problem::error(
            "invalid-baseline",
            format!("the baseline `{display}` is not valid: {error}"),
        )
        .at(file, offset..offset, "here")
        .help("write it again with --write-baseline")
    })?;
    if document.version != VERSION {
        return Err(Problem::error(
            "invalid-baseline",
            format!(
                "the baseline `{display}` has version {}, this adrlint reads version {VERSION}",
                document.version
            ),
        )
        .help("write it again with --write-baseline"));
    }
    Ok(Baseline {
        display,
        file,
        source: Arc::from(text),
        entries: document.entries,
    })
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    crate::source::floor_char_boundary(text, start + column.saturating_sub(1))
}

impl Baseline {
    /// Removes the findings the baseline records. Returns a report on the baseline file with
    /// one `stale-baseline-entry` finding per entry of a linted path that matched nothing.
    pub fn apply(&self, reports: &mut [FileReport], rules: &RuleSet) -> Option<FileReport> {
        type Key = (String, String, String);
        let key_of = |e: &Entry| -> Key { (e.path.clone(), e.rule.clone(), e.fingerprint.clone()) };
        let mut remaining: HashMap<Key, usize> = HashMap::new();
        for entry in &self.entries {
            *remaining.entry(key_of(entry)).or_default() += 1;
        }
        let linted: HashSet<String> = reports.iter().map(|r| r.path.clone()).collect();
        for report in reports.iter_mut() {
            let prints = fingerprints(report);
            let findings = std::mem::take(&mut report.findings);
            for (finding, print) in findings.into_iter().zip(prints) {
                let key = (report.path.clone(), finding.rule.to_string(), print);
                match remaining.get_mut(&key) {
                    Some(count) if *count > 0 => *count -= 1,
                    _ => report.findings.push(finding),
                }
            }
        }
        let rule = rules.get("stale-baseline-entry")?;
        // Of identical entries, the last ones are the unmatched ones.
        let mut stale = Vec::new();
        let mut nth: HashMap<Key, usize> = HashMap::new();
        let mut stale_marks = vec![false; self.entries.len()];
        for (index, entry) in self.entries.iter().enumerate().rev() {
            let key = key_of(entry);
            if let Some(left) = remaining.get_mut(&key)
                && *left > 0
                && linted.contains(&entry.path)
            {
                *left -= 1;
                stale_marks[index] = true;
            }
        }
        for (entry, is_stale) in self.entries.iter().zip(stale_marks) {
            let seen = nth.entry(key_of(entry)).or_default();
            *seen += 1;
            if is_stale {
                let span = self.span_of(entry, *seen);
                let mut finding =
                    Finding::new(rule.id.clone(), rule.severity, rule.message.clone(), span);
                finding.label = Some(
                    format!(
                        "`{}` in {} no longer matches a finding",
                        entry.rule, entry.path
                    )
                    .into(),
                );
                finding.help = rule.help.clone();
                stale.push(finding);
            }
        }
        (!stale.is_empty())
            .then(|| FileReport::new(self.display.clone(), Arc::clone(&self.source), stale))
    }

    /// The line of the `nth` (1-based) entry with this fingerprint in the baseline file.
    fn span_of(&self, entry: &Entry, nth: usize) -> std::ops::Range<usize> {
        let needle = format!("\"{}\"", entry.fingerprint);
        let mut offset = 0;
        let mut found = 0;
        for line in self.source.split_inclusive('\n') {
            if line.contains(&needle) && line.contains(&format!("\"{}\"", entry.rule)) {
                found += 1;
                if found == nth {
                    let trimmed = line.trim_end();
                    let lead = trimmed.len() - trimmed.trim_start().len();
                    return offset + lead..offset + trimmed.len();
                }
            }
            offset += line.len();
        }
        0..0
    }
}
