//! Rule packs (SPEC 3): TOML files that hold each rule's id, severity, patterns, help and long
//! explanation. Built-in packs are compiled into the binary; users add theirs with
//! `[rules] include`. Loading has two phases: parse each pack (syntax and shape, with spans),
//! then validate every rule of every pack and report all problems at once.

mod builtin;
mod load;
pub mod phrase;
pub mod select;

use std::collections::HashMap;
use std::sync::Arc;

use std::sync::OnceLock;

use regex::bytes::{Regex, RegexSet};

use crate::adr::SectionKind;
use crate::category::Category;
use crate::diag::Severity;
use crate::source::FileId;

pub use builtin::BUILTIN_PACKS;
pub use load::{COMBINED_SIZE_LIMIT, RuleSetLoader, compile_pattern, compile_sized};
pub use select::Selection;

/// Which grammar of the engine a claim rule that names its thing extends (`extends = …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The grammar of making: the team builds the thing (framework-creator claims).
    Build,
    /// The grammar of adopting: the team adopts, runs or builds on the framework.
    Adopt,
    /// A design of several pieces of distributed machinery: the record's decision text asserts
    /// at least `min-pieces` of the rule's `pieces` (framework-creator claims without an "our
    /// own" sentence).
    Design,
    /// A decision in the design log of a distributed system: a folder where at least
    /// `min-designs` records, and `min-share` of them all, design distributed machinery (a
    /// `design` rule finds them) is a framework team's log, whose every decision is
    /// framework-creator work (judged in the log pass, over the folder's records).
    Log,
}

impl Check {
    pub const IDS: [&'static str; 4] = ["build", "adopt", "design", "log"];

    pub fn id(self) -> &'static str {
        match self {
            Check::Build => "build",
            Check::Adopt => "adopt",
            Check::Design => "design",
            Check::Log => "log",
        }
    }
}

/// One kind of distributed machinery a design rule counts ("leader election"), with the
/// phrases that name it.
#[derive(Debug, Clone)]
pub struct Piece {
    pub name: String,
    pub names: Vec<String>,
}

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
    /// Shared with the rule's findings.
    pub message: Arc<str>,
    /// Shared with the rule's findings.
    pub help: Option<Arc<str>>,
    pub explain: String,
    /// The pack file, as shown to users (`rules/build-your-own.toml`).
    pub pack: String,
    pub pack_file: FileId,
    /// Look-alike words (regex source): a match with one of these within [`EXCLUDE_WINDOW`]
    /// bytes around it is not a claim ("a raft of changes", "the scheduler page").
    pub exclude: Option<String>,
    /// Words (regex source) that, inside the matched text, show the team uses an existing
    /// product rather than building one ("create an EventBridge event bus").
    pub exclude_within: Option<String>,
    /// Keywords (regex source), one of which every match contains: a document without them is
    /// never searched with the full patterns.
    pub keywords: Option<String>,
    /// The rule's thing named bare (regex source): claimed when it hangs off something the
    /// team builds ("our own batch framework, with its own job scheduler") or is what "it"
    /// (the thing just built) provides. Every part must contain one of the keywords.
    pub parts: Option<String>,
    /// The grammar the rule extends, when it names its thing (`names`) rather than giving
    /// patterns.
    pub check: Option<Check>,
    /// The thing and its synonyms, as written (phrase syntax, see [`phrase`]).
    pub names: Vec<String>,
    /// Names too plain to be the thing unless the team owns it ("our own queue", "a custom
    /// broker"): a mention is a claim only under the ownership construction.
    pub owned_names: Vec<String>,
    /// Look-alike phrases: a mention that overlaps one is not the thing.
    pub lookalikes: Vec<String>,
    /// Products whose naming inside a claim shows configuration of a product.
    pub products: Vec<String>,
    /// Decision text that must make the rule fire, and text that must not (run by the tests).
    pub fires: Vec<String>,
    pub passes: Vec<String>,
    /// The kinds of machinery a design rule counts, and how many distinct ones make a design.
    pub pieces: Vec<Piece>,
    pub min_pieces: usize,
    /// A log rule's threshold: records of the folder that design distributed machinery, at
    /// least this many and this share of its records.
    pub min_designs: usize,
    pub min_share: f64,
    /// Rules whose claim in the same sentence this rule's claim stands for.
    pub subsumes: Vec<String>,

    /// The compiled regexes, built on first use: a one-file run compiles only the rules whose
    /// keywords it meets.
    compiled: OnceLock<CompiledRule>,
}

/// A rule's regexes, compiled.
#[derive(Debug, Clone, Default)]
pub struct CompiledRule {
    /// All patterns as one alternation, in pack order: leftmost-first matching finds the
    /// earliest claim, and the first-listed (longest, verb-led) pattern at that position.
    pub combined: Option<Regex>,
    pub exclude: Option<Regex>,
    pub exclude_within: Option<Regex>,
    pub keywords: Option<Regex>,
    pub parts: Option<Regex>,
    /// The rule's names (a rule that extends a check).
    pub names: Option<Regex>,
    /// Its names that count only when the team owns the thing.
    pub owned_names: Option<Regex>,
    pub lookalikes: Option<Regex>,
    pub products: Option<Regex>,
    /// Each piece's names, in the order of `Rule::pieces`.
    pub pieces: Vec<Option<Regex>>,
}

impl CompiledRule {
    /// Every mention of the rule's names in `text`, in order, each with whether it is an
    /// owned name (one that overlaps a plain name's mention is left out).
    pub fn mentions(&self, text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
        let bytes = text.as_bytes();
        let mut found: Vec<(std::ops::Range<usize>, bool)> = self
            .names
            .iter()
            .flat_map(|re| re.find_iter(bytes).map(|m| (m.range(), false)))
            .collect();
        if let Some(owned) = &self.owned_names {
            for m in owned.find_iter(bytes) {
                let range = m.range();
                if !found
                    .iter()
                    .any(|(r, _)| r.start < range.end && range.start < r.end)
                {
                    found.push((range, true));
                }
            }
            found.sort_by_key(|(r, _)| (r.start, r.end));
        }
        found
    }

    /// Compiles every regex of `rule`, or returns the first error with the source that failed.
    pub fn compile(rule: &Rule) -> Result<CompiledRule, (String, regex::Error)> {
        let one = |source: &String| compile_pattern(source).map_err(|e| (source.clone(), e));
        let combined = (!rule.patterns.is_empty()).then(|| {
            rule.patterns
                .iter()
                .map(|p| format!("(?:{p})"))
                .collect::<Vec<_>>()
                .join("|")
        });
        let combined_one = |source: &String| {
            compile_sized(source, COMBINED_SIZE_LIMIT).map_err(|e| (source.clone(), e))
        };
        Ok(CompiledRule {
            combined: combined.as_ref().map(combined_one).transpose()?,
            exclude: rule.exclude.as_ref().map(one).transpose()?,
            exclude_within: rule.exclude_within.as_ref().map(one).transpose()?,
            keywords: rule.keywords.as_ref().map(one).transpose()?,
            parts: rule.parts.as_ref().map(one).transpose()?,
            names: phrases(&rule.names).as_ref().map(one).transpose()?,
            owned_names: phrases(&rule.owned_names).as_ref().map(one).transpose()?,
            lookalikes: phrases(&rule.lookalikes).as_ref().map(one).transpose()?,
            products: phrases(&rule.products).as_ref().map(one).transpose()?,
            pieces: rule
                .pieces
                .iter()
                .map(|piece| phrases(&piece.names).as_ref().map(one).transpose())
                .collect::<Result<_, _>>()?,
        })
    }
}

/// The regex source of a list of phrases (checked when the pack was loaded); `None` for none.
pub fn phrases(list: &[String]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let refs: Vec<&str> = list.iter().map(String::as_str).collect();
    phrase::compile_phrases(&refs).ok()
}

impl Rule {
    /// The compiled regexes. Patterns of user packs were compiled (and so checked) when they
    /// were loaded; built-in ones are checked by the test suite, so compiling here does not
    /// fail (were it to, the rule would match nothing rather than panic).
    pub fn compiled(&self) -> &CompiledRule {
        self.compiled
            .get_or_init(|| CompiledRule::compile(self).unwrap_or_default())
    }

    pub(crate) fn set_compiled(&self, compiled: CompiledRule) {
        let _ = self.compiled.set(compiled);
    }
}

/// How far around a match `exclude` looks, in bytes.
pub const EXCLUDE_WINDOW: usize = 40;

/// Every rule of a run. Matching is per rule and per document: each rule's small keyword
/// regex scans the document's prose first (fast: it has a literal prefilter), and only then its
/// full patterns. One big `RegexSet` or alternation of every rule was measured to be many
/// times slower: the union of these patterns makes the lazy DFA's state space explode.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    by_id: HashMap<Arc<str>, usize>,
    /// Every rule's keywords in one set, built on first use.
    keyword_index: OnceLock<KeywordIndex>,
}

/// Which rules' keywords a document holds, found in one pass over it: a rule whose keywords
/// are absent is neither compiled nor searched. (The keywords are short words, so their union
/// stays small, unlike the union of the full patterns.)
#[derive(Debug, Default)]
pub struct KeywordIndex {
    set: Option<RegexSet>,
    /// The rule of each pattern in `set`.
    rule_of: Vec<usize>,
}

impl KeywordIndex {
    fn build(rules: &[Rule]) -> KeywordIndex {
        let (rule_of, sources): (Vec<usize>, Vec<&str>) = rules
            .iter()
            .enumerate()
            .filter_map(|(index, rule)| Some((index, rule.keywords.as_deref()?)))
            .unzip();
        // Every source compiled alone when its pack was loaded (or by the test suite, for the
        // built-in packs); should the set still fail, each rule falls back to its own scan.
        let set = load::compile_set(&sources).ok();
        KeywordIndex { set, rule_of }
    }

    /// For each rule of the set: `false` when the rule has keywords and `haystack` holds none
    /// of them.
    pub fn present(&self, rules: &[Rule], haystack: &[u8]) -> Vec<bool> {
        let Some(set) = &self.set else {
            return vec![true; rules.len()];
        };
        let mut present: Vec<bool> = rules.iter().map(|r| r.keywords.is_none()).collect();
        for pattern in set.matches(haystack).iter() {
            if let Some(&rule) = self.rule_of.get(pattern)
                && let Some(slot) = present.get_mut(rule)
            {
                *slot = true;
            }
        }
        present
    }
}

/// The generated rules page (`adrlint rules --format markdown`), with a section per built-in
/// rule.
pub const RULES_PAGE: &str = "docs/rules.md";

impl Rule {
    /// Whether the rule comes from a pack compiled into adrlint.
    pub fn is_builtin(&self) -> bool {
        BUILTIN_PACKS.iter().any(|(name, _)| *name == self.pack)
    }

    /// The rule's section of the rules page in adrlint's repository; `None` for a rule of the
    /// team's own packs, which that page does not hold.
    pub fn help_uri(&self) -> Option<String> {
        self.is_builtin().then(|| {
            format!(
                "{}/blob/main/{RULES_PAGE}#{}",
                env!("CARGO_PKG_REPOSITORY"),
                self.id
            )
        })
    }
}

impl RuleSet {
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    pub(crate) fn new(rules: Vec<Rule>) -> Self {
        let by_id = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (Arc::clone(&r.id), i))
            .collect();
        RuleSet {
            rules,
            by_id,
            keyword_index: OnceLock::new(),
        }
    }

    pub fn keyword_index(&self) -> &KeywordIndex {
        self.keyword_index
            .get_or_init(|| KeywordIndex::build(&self.rules))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| &*r.id)
    }
}
