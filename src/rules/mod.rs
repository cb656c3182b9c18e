//! Rule packs (SPEC 3): TOML files that hold each rule's id, severity, patterns, help and long
//! explanation. Built-in packs are compiled into the binary; users add theirs with
//! `[rules] include`. Loading has two phases: parse each pack (syntax and shape, with spans),
//! then validate every rule of every pack and report all problems at once.

mod builtin;
mod load;

use std::collections::HashMap;
use std::sync::Arc;

use regex::bytes::{Regex, RegexSet};

use crate::adr::SectionKind;
use crate::category::Category;
use crate::diag::Severity;
use crate::source::FileId;

pub use builtin::BUILTIN_PACKS;
pub use load::{RuleSetLoader, compile_pattern};

/// How a rule is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// A decision that needs a category (`requires`): fires when the team is below it.
    Claim,
    /// A poor reason given for over-reach: fires only in an ADR that also makes a
    /// framework-creator claim.
    Rationale,
    /// Checked by adrlint's own code (input problems, ADR structure); the pack holds its
    /// documentation and default severity.
    Builtin,
}

impl RuleKind {
    pub const IDS: [&'static str; 3] = ["claim", "rationale", "builtin"];

    pub fn id(self) -> &'static str {
        match self {
            RuleKind::Claim => "claim",
            RuleKind::Rationale => "rationale",
            RuleKind::Builtin => "builtin",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: Arc<str>,
    pub summary: String,
    pub kind: RuleKind,
    pub requires: Option<Category>,
    pub severity: Severity,
    pub sections: Vec<SectionKind>,
    pub patterns: Vec<String>,
    pub message: String,
    pub help: Option<String>,
    pub explain: String,
    /// The pack file, as shown to users (`rules/build-your-own.toml`).
    pub pack: String,
    pub pack_file: FileId,
    /// Look-alike words: a match with one of these within [`EXCLUDE_WINDOW`] bytes around it
    /// is not a claim ("a raft of changes", "the scheduler page").
    pub exclude: Option<Regex>,
    /// Words that, inside the matched text, show the team uses an existing product rather
    /// than building one ("create an EventBridge event bus").
    pub exclude_within: Option<Regex>,
}

/// How far around a match `exclude` looks, in bytes.
pub const EXCLUDE_WINDOW: usize = 40;

/// Every rule of a run, compiled. One `RegexSet` of the rules' keywords finds the candidate
/// rules of a sentence in one pass (the keywords are plain words, so the set stays on the
/// regex engine's fast path); only the candidates' full patterns then run, for spans.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub set: RegexSet,
    /// The rule index of each pattern of `set`.
    pub set_rules: Vec<usize>,
    /// Every compiled pattern: (rule index, regex), grouped by rule.
    pub patterns: Vec<(usize, Regex)>,
    /// Each rule's run of `patterns`.
    pub rule_patterns: Vec<std::ops::Range<usize>>,
    by_id: HashMap<Arc<str>, usize>,
}

impl RuleSet {
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    /// The compiled patterns of the rule at `index`.
    pub fn patterns_of(&self, index: usize) -> impl Iterator<Item = &Regex> {
        let range = self.rule_patterns.get(index).cloned().unwrap_or(0..0);
        self.patterns[range].iter().map(|(_, regex)| regex)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| &*r.id)
    }
}
