//! Stable fingerprints of findings, for GitLab's Code Quality widget and for baselines: the
//! same claim keeps its fingerprint when lines move or the paragraph is re-wrapped.

use crate::diag::{FileReport, Finding};

/// FNV-1a, 64-bit: stable across platforms, releases and runs (unlike `DefaultHasher`).
pub(crate) fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// FNV-1a's starting value.
pub(crate) const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The claim's words, lower-cased, with white space (and so line breaks) collapsed.
pub fn normalised_text(source: &str, finding: &Finding) -> String {
    let text = source.get(finding.span.clone()).unwrap_or("");
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        // Findings without text (a binary file) are told apart by their label.
        out = finding.label.as_deref().unwrap_or_default().to_string();
    }
    out
}

/// Hex fingerprint of (path, rule, claim text). Identical claims in one file are told apart by
/// their order.
pub fn fingerprint(path: &str, rule: &str, text: &str, occurrence: usize) -> String {
    let mut hash = OFFSET;
    for part in [
        path.as_bytes(),
        b"\0",
        rule.as_bytes(),
        b"\0",
        text.as_bytes(),
    ] {
        hash = fnv1a(part, hash);
    }
    hash = fnv1a(&occurrence.to_le_bytes(), hash);
    format!("{hash:016x}")
}

/// Every finding of `reports`, in order, with the report it is in and its fingerprint.
pub fn fingerprinted(
    reports: &[FileReport],
) -> impl Iterator<Item = (&FileReport, &Finding, String)> {
    reports.iter().flat_map(|report| {
        let prints = fingerprints(report);
        report
            .findings
            .iter()
            .zip(prints)
            .map(move |(finding, print)| (report, finding, print))
    })
}

/// Fingerprints of a file's findings, in their order.
pub fn fingerprints(report: &FileReport) -> Vec<String> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    report
        .findings
        .iter()
        .map(|finding| {
            let key = (&*finding.rule, finding.words());
            let occurrence = seen.iter().filter(|k| **k == key).count();
            seen.push(key);
            fingerprint(&report.path, key.0, key.1, occurrence)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    #[test]
    fn rewrapping_keeps_the_fingerprint() {
        let finding = |span| Finding::new("own-queue", Severity::Error, "m", span);
        let one = "We will build our own\nqueue.";
        let two = "Intro.\n\nWe will build our\n   own queue.";
        let a = normalised_text(one, &finding(8..27));
        let b = normalised_text(two, &finding(16..38));
        assert_eq!(a, "build our own queue");
        assert_eq!(a, b);
        assert_eq!(
            fingerprint("a.md", "r", &a, 0),
            fingerprint("a.md", "r", &b, 0)
        );
        assert_ne!(
            fingerprint("a.md", "r", &a, 0),
            fingerprint("a.md", "r", &a, 1)
        );
    }
}
