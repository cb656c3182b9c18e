//! Claims only a whole log can make (`extends = "log"`): in the design log of a distributed
//! system — a folder where enough records design its machinery (a broker's, a consensus
//! engine's, a messaging framework's) piece by piece — every decision is framework-creator
//! work, also those that only say "Add a `Mediator` class" or "Implement as described below",
//! which no rule of a single record can read as building distributed machinery.
//!
//! What tells such a log is designs, not decisions to build: a team that over-reaches writes
//! "we will build our own scheduler" in a record or two, each a claim of its own, while a
//! distributed system's log designs replication, consensus or delivery in record after record.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use super::Context;
use crate::adr::{Adr, Sentence};
use crate::category::Category;
use crate::diag::Finding;
use crate::rules::{Check, RuleSet};

/// One record of a run, as the log judgment sees it.
pub struct Record<'a> {
    pub folder: &'a Path,
    /// It makes a framework-creator claim of its own.
    pub builds: bool,
    /// It designs distributed machinery (a `design` rule found it).
    pub designs: bool,
    /// Where its decision starts, and that sentence; `None` for an inactive record or one
    /// with no decision text.
    pub decision: Option<(Range<usize>, &'a str)>,
    /// Index of its report, and how it is judged.
    pub report: usize,
    pub context: &'a Context<'a>,
}

/// The findings of log rules: (report index, finding), for each record of a design log that
/// makes no framework-creator claim itself, at the start of its decision.
pub fn judge(records: &[Record]) -> Vec<(usize, Finding)> {
    let mut folders: BTreeMap<&Path, Vec<&Record>> = BTreeMap::new();
    for record in records {
        folders.entry(record.folder).or_default().push(record);
    }
    let mut findings = Vec::new();
    for members in folders.values() {
        let designers = members.iter().filter(|r| r.designs).count();
        for record in members.iter().filter(|r| !r.builds) {
            let (Some(decision), Some(category)) =
                (record.decision.clone(), record.context.category)
            else {
                continue;
            };
            let context = record.context;
            let rule = context.rules.rules.iter().find(|rule| {
                rule.check == Some(Check::Log)
                    && rule.requires.is_some_and(|requires| category < requires)
                    && designers >= rule.min_designs
                    && designers as f64 >= rule.min_share * members.len() as f64
            });
            let Some(rule) = rule else { continue };
            // "Write a new CLI client", "Add the Specification Pattern": a decision that
            // builds something that is no distributed machinery, even in such a log.
            let (span, sentence) = decision;
            if !opens_with_an_asserted_object(sentence) {
                continue;
            }
            if rule
                .compiled()
                .lookalikes
                .as_ref()
                .is_some_and(|re| re.is_match(sentence.as_bytes()))
            {
                continue;
            }
            let (Some(requires), Some(severity)) = (rule.requires, context.severity(rule)) else {
                continue;
            };
            let mut finding = super::claim_finding(
                rule,
                requires,
                severity,
                category,
                context,
                span,
                Some("design log"),
            );
            finding.notes.push(format!(
                "{designers} of the {} records in this folder design distributed machinery",
                members.len()
            ));
            findings.push((record.report, finding));
        }
    }
    findings
}

/// Whether the decision's opening sentence asserts what follows its first word: "Deprecate
/// FileMailQueue", "Migrate from X to Y", "We will not implement…" retire, move or negate
/// what they name, and a log's decision of that kind builds nothing.
fn opens_with_an_asserted_object(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    // From the second, third and fourth words on: a verb ("Deprecate X"), one with its
    // particle ("Migrate from X") or a negated one ("We will not build X") comes before one.
    let starts = trimmed
        .char_indices()
        .zip(trimmed.chars().skip(1))
        .filter(|((_, c), next)| c.is_whitespace() && !next.is_whitespace())
        .map(|((at, c), _)| at + c.len_utf8())
        .take(3);
    starts
        .into_iter()
        .all(|start| super::polarity::is_asserted(sentence, start..trimmed.len()))
}

/// Where a record of a design log makes its decision: the start of its decision text or its
/// summary ([`super::design::decision`]), else — a design doc whose sections are named after
/// the feature ("Per-message TTL", "R1 async persistence") — the first sentence of its first
/// section that is neither context, options, consequences, status nor notes.
pub fn decision_start(adr: &Adr) -> Option<&Sentence> {
    use crate::adr::SectionKind;
    let index = super::design::decision(adr).or_else(|| {
        adr.sentences.iter().position(|s| {
            s.section.is_some() && s.kind == SectionKind::Other && super::design::readable(s)
        })
    })?;
    adr.sentences.get(index)
}

/// Whether a finding is a framework-creator claim: a record with one is not reported again.
pub fn builds(finding: &Finding) -> bool {
    finding.requires == Some(Category::FrameworkCreator)
}

/// Whether a finding is a design of distributed machinery: what makes a log a design log.
pub fn designs(finding: &Finding, rules: &RuleSet) -> bool {
    builds(finding)
        && rules
            .rules
            .iter()
            .any(|rule| rule.id == finding.rule && rule.check == Some(Check::Design))
}

#[cfg(test)]
mod tests {
    use super::opens_with_an_asserted_object as asserted;

    #[test]
    fn retiring_moving_and_negated_openings_assert_nothing() {
        assert!(asserted("Implement as described in the design section."));
        assert!(asserted("We will add a retention limit to each stream."));
        assert!(asserted("Decision"));
        assert!(!asserted("Deprecate the file-based queue components."));
        assert!(!asserted("Migrate from the old scheduler to the new one."));
        assert!(!asserted("We will not implement retries in the client."));
    }
}
