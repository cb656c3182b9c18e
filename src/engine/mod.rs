//! Evaluation: runs a rule set over one parsed ADR and returns its findings.

mod polarity;

use std::collections::HashSet;

pub use polarity::is_asserted;

use crate::adr::{Adr, OptionRole, SectionKind, Sentence};
use crate::category::Category;
use crate::diag::{CategorySource, Finding, Severity};
use crate::manifest::Level;
use crate::rules::{EXCLUDE_WINDOW, Rule, RuleKind, RuleSet};
use crate::source::{ceil_char_boundary, floor_char_boundary};

/// What a file is judged against: the rules, the team's category and per-rule levels.
pub struct Context<'a> {
    pub rules: &'a RuleSet,
    pub category: Option<Category>,
    pub category_source: Option<CategorySource>,
    pub level: &'a dyn Fn(&Rule) -> Level,
}

impl Context<'_> {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        match (self.level)(rule) {
            Level::Severity(severity) => Some(severity),
            Level::Off => None,
        }
    }
}

/// The claim and rationale findings of one ADR, in document order.
pub fn evaluate(adr: &Adr, context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(category) = context.category else {
        return findings;
    };
    if adr.is_inactive() {
        return findings;
    }
    let rules = context.rules;
    let mut rationale = Vec::new();
    let mut fired_in_decision: HashSet<usize> = HashSet::new();
    let mut deferred_chosen = Vec::new();
    let mut chosen_line_fired = false;

    for sentence in &adr.sentences {
        if sentence.quoted {
            continue;
        }
        let bytes = sentence.text.as_bytes();
        // Most sentences name no infrastructure at all: a cheap yes/no first.
        if !rules.set.is_match(bytes) {
            continue;
        }
        let chosen = sentence.option == OptionRole::ChosenTitle;
        let mut claims_here: Vec<(usize, Finding)> = Vec::new();
        for set_index in rules.set.matches(bytes).iter() {
            let rule_index = &rules.set_rules[set_index];
            let rule = &rules.rules[*rule_index];
            let kind = if chosen {
                SectionKind::Decision
            } else {
                sentence.kind
            };
            if !rule.sections.contains(&kind) {
                continue;
            }
            match rule.kind {
                RuleKind::Claim => {
                    let Some(requires) = rule.requires else {
                        continue;
                    };
                    if category >= requires {
                        continue;
                    }
                    let Some(span) = first_asserted(rules, *rule_index, sentence) else {
                        continue;
                    };
                    let Some(severity) = context.severity(rule) else {
                        continue;
                    };
                    let mut finding =
                        Finding::new(rule.id.clone(), severity, rule.message.clone(), span);
                    finding.label = Some(format!("this needs a {requires} team"));
                    finding.requires = Some(requires);
                    finding.category = Some(category);
                    finding.category_source = context.category_source.clone();
                    finding.help = rule.help.clone();
                    claims_here.push((*rule_index, finding));
                }
                RuleKind::Rationale => {
                    if let Some(span) = first_asserted(rules, *rule_index, sentence) {
                        rationale.push((*rule_index, span));
                    }
                }
                RuleKind::Builtin => {}
            }
        }
        let claims_here = without_overlaps(claims_here);
        if !chosen && !claims_here.is_empty() && names_the_chosen_option(&sentence.text) {
            chosen_line_fired = true;
        }
        for (rule_index, finding) in claims_here {
            if chosen {
                deferred_chosen.push((rule_index, finding));
            } else {
                fired_in_decision.insert(rule_index);
                findings.push(finding);
            }
        }
    }
    // A chosen option's title counts only when the decision did not already say it: not when
    // the `Chosen option: "…"` line itself made a claim, nor for a rule that fired there.
    if !chosen_line_fired {
        for (rule_index, finding) in deferred_chosen {
            if fired_in_decision.insert(rule_index) {
                findings.push(finding);
            }
        }
    }
    let builds_its_own = findings
        .iter()
        .any(|f| f.requires == Some(Category::FrameworkCreator));
    if builds_its_own {
        for (rule_index, span) in rationale {
            let rule = &rules.rules[rule_index];
            let Some(severity) = context.severity(rule) else {
                continue;
            };
            let mut finding = Finding::new(rule.id.clone(), severity, rule.message.clone(), span);
            finding.label = Some("a reason often given for over-reach".to_string());
            finding.help = rule.help.clone();
            findings.push(finding);
        }
    }
    findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    findings
}

fn names_the_chosen_option(text: &str) -> bool {
    text.get(..text.len().min(40))
        .is_some_and(|head| head.to_ascii_lowercase().contains("chosen option"))
}

/// One claim is reported once: where two rules of the same category match overlapping words
/// ("our own container orchestrator" is no cluster manager as well), the leftmost and longest
/// match wins.
fn without_overlaps(mut claims: Vec<(usize, Finding)>) -> Vec<(usize, Finding)> {
    claims.sort_by(|a, b| {
        (a.1.span.start, std::cmp::Reverse(a.1.span.end), a.0).cmp(&(
            b.1.span.start,
            std::cmp::Reverse(b.1.span.end),
            b.0,
        ))
    });
    let mut kept: Vec<(usize, Finding)> = Vec::new();
    for (rule_index, finding) in claims {
        let overlaps = kept.iter().any(|(_, k)| {
            k.requires == finding.requires
                && k.span.start < finding.span.end
                && finding.span.start < k.span.end
        });
        if !overlaps {
            kept.push((rule_index, finding));
        }
    }
    kept
}

fn is_excluded(rule: &Rule, text: &str, matched: std::ops::Range<usize>) -> bool {
    if let Some(within) = &rule.exclude_within
        && within.is_match(&text.as_bytes()[matched.clone()])
    {
        return true;
    }
    if let Some(exclude) = &rule.exclude {
        let from = floor_char_boundary(text, matched.start.saturating_sub(EXCLUDE_WINDOW));
        let to = ceil_char_boundary(text, matched.end + EXCLUDE_WINDOW);
        // Only exclusion matches that touch or overlap the claim's neighbourhood count.
        if exclude.is_match(&text.as_bytes()[from..to]) {
            return true;
        }
    }
    false
}

/// The file span of the rule's asserted match in the sentence: the leftmost, and of those the
/// longest, so a claim's span starts at its verb when a pattern includes it.
fn first_asserted(
    rules: &RuleSet,
    rule_index: usize,
    sentence: &Sentence,
) -> Option<std::ops::Range<usize>> {
    let rule = &rules.rules[rule_index];
    let text = sentence.text.as_str();
    let mut best: Option<std::ops::Range<usize>> = None;
    for regex in rules.patterns_of(rule_index) {
        for found in regex.find_iter(text.as_bytes()) {
            let start = floor_char_boundary(text, found.start());
            let end = ceil_char_boundary(text, found.end());
            if start >= end || is_excluded(rule, text, start..end) || !is_asserted(text, start..end)
            {
                continue;
            }
            let better = best
                .as_ref()
                .is_none_or(|b| start < b.start || (start == b.start && end > b.end));
            if better {
                best = Some(start..end);
            }
            // Later matches of this pattern start further right.
            break;
        }
    }
    best.map(|range| sentence.source_span(range))
}
