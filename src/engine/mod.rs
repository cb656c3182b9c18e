//! Evaluation: runs a rule set over one parsed ADR and returns its findings.

mod design;
mod grammar;
pub mod log;
mod polarity;
pub mod trace;

pub use grammar::{Construction, Judged, judge};

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

pub use design::Skip;
pub use polarity::{Cue, Polarity, is_asserted, polarity};

use crate::adr::{Adr, OptionRole, SectionKind, Sentence};
use crate::category::Category;
use crate::diag::{CategorySource, Finding, Severity};
use crate::manifest::Level;
use crate::rules::{Check, CompiledRule, EXCLUDE_WINDOW, Rule, RuleKind, RuleSet, compile_pattern};
use crate::source::{ceil_char_boundary, floor_char_boundary};

/// An asserted claim: (sentence index, rule index, span in the sentence's text, how it was
/// said).
type Hit = (usize, usize, Range<usize>, Construction);

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
    // Rationale findings only ever accompany claims, so with no claim rule to apply (a
    // framework-creator team, or every claim rule off) there is nothing to find: skip the
    // prose buffer and the keyword scans.
    if adr.is_inactive() || !any_claim_applies(context, category) {
        return findings;
    }
    let rules = context.rules;
    let mut fired_in_decision: HashSet<usize> = HashSet::new();
    let mut deferred_chosen = Vec::new();
    let mut chosen_line_fired = false;

    // The document's prose as one buffer, a sentence a line: each rule's keywords scan the
    // whole document in one pass (a literal search, as ripgrep's), and its full patterns run
    // only on the sentences that hold a keyword.
    let mut buffer = String::with_capacity(adr.sentences.iter().map(|s| s.text.len() + 1).sum());
    let mut starts = Vec::with_capacity(adr.sentences.len());
    for sentence in &adr.sentences {
        starts.push(buffer.len());
        buffer.push_str(&sentence.text);
        buffer.push('\n');
    }
    let prose = Prose {
        adr,
        bytes: buffer.as_bytes(),
        starts: &starts,
    };
    // One pass over the document tells which rules' keywords it holds.
    let present = rules.keyword_index().present(&rules.rules, prose.bytes);
    // Asserted matches: (sentence index, rule index, span in the sentence's text).
    let mut hits: Vec<Hit> = Vec::new();
    for (rule_index, rule) in rules.rules.iter().enumerate() {
        // Rationale rules are searched later, and only if the ADR builds its own framework.
        if rule.kind != RuleKind::Claim
            || !present[rule_index]
            || !applies(rule, category)
            || context.severity(rule).is_none()
        {
            continue;
        }
        match rule.check {
            // A design is judged over the whole record, once the claims are known; a log over
            // its folder, in the log pass.
            Some(Check::Design | Check::Log) => {}
            Some(check) => prose.search_named(rule, rule_index, check, &mut hits),
            None => prose.search(rule, rule_index, &mut hits),
        }
    }
    anaphora_hits(&prose, context, category, &mut hits);
    hits.sort_by_key(|(index, rule, span, _)| (*index, span.start, *rule));
    let parts = part_hits(&prose, context, category, &present, &hits);
    if !parts.is_empty() {
        hits.extend(parts);
        hits.sort_by_key(|(index, rule, span, _)| (*index, span.start, *rule));
    }

    let mut at = 0;
    while at < hits.len() {
        let index = hits[at].0;
        let sentence = &adr.sentences[index];
        let chosen = sentence.option == OptionRole::ChosenTitle;
        let mut claims_here: Vec<(usize, Finding)> = Vec::new();
        while at < hits.len() && hits[at].0 == index {
            let (_, rule_index, local, construction) = hits[at].clone();
            at += 1;
            let rule = &rules.rules[rule_index];
            // One adoption is one finding, whatever the names of its framework the sentence
            // uses ("Beam on Dataflow" is one rule's); two frameworks are two ("Kinesis with
            // a Flink application").
            if claims_here.iter().any(|(r, _)| *r == rule_index) {
                continue;
            }
            let span = sentence.source_span(local.clone());
            // "… with consistent hashing across nodes": a mechanism of the thing just claimed,
            // not a component of its own ("with its own job scheduler"), is labelled on that
            // claim: one sentence, one claim.
            if construction == Construction::Part
                && !names_a_component(&sentence.text, local.start)
                && let Some((_, claim)) = claims_here
                    .iter_mut()
                    .find(|(_, f)| f.requires == Some(Category::FrameworkCreator))
            {
                claim
                    .related
                    .push((span, format!("and {}", rule.summary.to_lowercase()).into()));
                continue;
            }
            // Only claim rules made hits (rationale rules are searched later).
            if let (Some(requires), Some(severity)) = (rule.requires, context.severity(rule)) {
                let how = (construction != Construction::Pattern).then(|| construction.id());
                let finding = claim_finding(rule, requires, severity, category, context, span, how);
                claims_here.push((rule_index, finding));
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
    // A record that adopts an add-on has said it runs the cluster under it: the subsumed
    // rule's claims go ("OPA Gatekeeper for Kubernetes objects" is one adoption).
    // Only from the add-on's sentence on: a record that first says it runs the cluster keeps
    // that claim.
    let subsumed: Vec<(usize, &str)> = findings
        .iter()
        .filter_map(|f| Some((f.span.start, rules.get(&f.rule)?)))
        .flat_map(|(at, r)| r.subsumes.iter().map(move |s| (at, s.as_str())))
        .collect();
    if !subsumed.is_empty() {
        let sentence_start = |at: usize| {
            adr.sentences
                .iter()
                .map(|s| s.span())
                .find(|span| span.start <= at && at <= span.end)
                .map_or(at, |span| span.start)
        };
        findings.retain(|f| {
            !subsumed
                .iter()
                .any(|(at, id)| *id == &*f.rule && sentence_start(*at) <= f.span.start)
        });
    }

    // A record that says what it builds has said it ("Create a distributed implementation of

    // X" is the decision; the design below it is how); one that only designs the machinery
    // gets one finding for the design, at its decision.
    let mut builds_its_own = findings
        .iter()
        .any(|f| f.requires == Some(Category::FrameworkCreator));
    if !builds_its_own && let Some(finding) = design_finding(adr, context, category, &present) {
        findings.push(finding);
        builds_its_own = true;
    }
    if builds_its_own {
        let mut rationale = Vec::new();
        for (rule_index, rule) in rules.rules.iter().enumerate() {
            if rule.kind == RuleKind::Rationale && present[rule_index] {
                prose.search(rule, rule_index, &mut rationale);
            }
        }
        for (index, rule_index, local, _) in rationale {
            let rule = &rules.rules[rule_index];
            let Some(severity) = context.severity(rule) else {
                continue;
            };
            let span = adr.sentences[index].source_span(local);
            let mut finding = Finding::new(rule.id.clone(), severity, rule.message.clone(), span);
            finding.label = Some("a reason often given for over-reach".into());
            finding.help = rule.help.clone();
            findings.push(finding);
        }
    }
    findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    findings
}

/// The finding of the first design rule whose pieces the record designs.
/// A claim rule's finding at `span`, labelled with the category it needs (and `how`), judged
/// against the team's `category`.
fn claim_finding(
    rule: &Rule,
    requires: Category,
    severity: Severity,
    category: Category,
    context: &Context<'_>,
    span: Range<usize>,
    how: Option<&str>,
) -> Finding {
    let mut finding = Finding::new(rule.id.clone(), severity, rule.message.clone(), span);
    finding.label = Some(match how {
        None => requires.needed_label().into(),
        Some(how) => format!("{} ({how})", requires.needed_label()).into(),
    });
    finding.requires = Some(requires);
    finding.category = Some(category);
    finding.category_source = context.category_source.clone();
    finding.help = rule.help.clone();
    finding
}

fn design_finding(
    adr: &Adr,
    context: &Context<'_>,
    category: Category,
    present: &[bool],
) -> Option<Finding> {
    context
        .rules
        .rules
        .iter()
        .enumerate()
        .find_map(|(index, rule)| {
            let applies = rule.check == Some(Check::Design)
                && present.get(index).copied().unwrap_or(false)
                && applies(rule, category);
            let (requires, severity) = (rule.requires?, context.severity(rule)?);
            let frameworks: Vec<&Rule> = context
                .rules
                .rules
                .iter()
                .filter(|r| r.check == Some(Check::Adopt))
                .collect();
            let builds: Vec<&Rule> = context
                .rules
                .rules
                .iter()
                .filter(|r| r.check == Some(Check::Build))
                .collect();
            let found = applies
                .then(|| design::design(adr, rule, &frameworks, &builds))
                .flatten()?;
            let sentence = adr.sentences.get(found.anchor)?;
            let mut names: Vec<&str> = found
                .pieces
                .iter()
                .filter_map(|p| rule.pieces.get(p.piece).map(|piece| piece.name.as_str()))
                .collect();
            if let Some((_, words)) = &found.subject {
                names.insert(0, words.as_str());
            }
            let how = format!("{}: {}", Construction::DesignLevel.id(), names.join(", "));
            let span = sentence.source_span(found.span.clone());
            let mut finding = claim_finding(
                rule,
                requires,
                severity,
                category,
                context,
                span,
                Some(&how),
            );
            finding.related = found
                .pieces
                .iter()
                .filter_map(|p| {
                    let piece = rule.pieces.get(p.piece)?;
                    let at = adr.sentences.get(p.sentence)?.source_span(p.span.clone());
                    Some((at, piece.name.clone().into()))
                })
                .collect();
            if let Some((span, _)) = &found.subject {
                finding
                    .related
                    .insert(0, (span.clone(), "what the record designs".into()));
            }
            Some(finding)
        })
}

/// One adoption finding per rule and record, once suppressions are applied: the decision's
/// first adoption of a framework speaks for its restatements ("Use EKS … the EKS cluster … EKS
/// node groups"). Build claims stay one per sentence: each is a piece the team commits to
/// write ("a bespoke task runner …", "a work queue we implement on Redis"). `findings` are in
/// document order.
pub fn first_claim_per_rule(findings: &mut Vec<Finding>) {
    let mut seen: HashSet<std::sync::Arc<str>> = HashSet::new();
    findings.retain(|f| {
        f.requires != Some(Category::FrameworkUser) || seen.insert(std::sync::Arc::clone(&f.rule))
    });
}

/// A document's prose, a sentence a line, with where each sentence starts.
struct Prose<'a> {
    adr: &'a Adr,
    bytes: &'a [u8],
    starts: &'a [usize],
}

impl Prose<'_> {
    /// Adds `rule`'s first asserted match in each eligible sentence to `hits`: its keywords
    /// find the sentences (a literal search, as ripgrep's), its full patterns run only there.
    fn search(&self, rule: &Rule, rule_index: usize, hits: &mut Vec<Hit>) {
        let compiled = rule.compiled();
        if compiled.combined.is_none() {
            return;
        }
        // Sentences holding a keyword; without keywords, every sentence.
        let mut sentences: Vec<usize> = match &compiled.keywords {
            Some(keywords) => keywords
                .find_iter(self.bytes)
                .map(|found| {
                    self.starts
                        .partition_point(|&start| start <= found.start())
                        .saturating_sub(1)
                })
                .collect(),
            None => (0..self.adr.sentences.len()).collect(),
        };
        sentences.dedup();
        for index in sentences {
            let Some(sentence) = self.adr.sentences.get(index) else {
                continue;
            };
            if eligible(rule, sentence)
                && let Some(span) = first_asserted(compiled, &sentence.text)
            {
                hits.push((index, rule_index, span, Construction::Pattern));
            }
        }
    }

    /// The sentences that hold one of `rule`'s keywords, in order.
    fn sentences_with(&self, keywords: Option<&Regex>) -> Vec<usize> {
        let mut sentences: Vec<usize> = match keywords {
            Some(keywords) => keywords
                .find_iter(self.bytes)
                .map(|found| {
                    self.starts
                        .partition_point(|&start| start <= found.start())
                        .saturating_sub(1)
                })
                .collect(),
            None => (0..self.adr.sentences.len()).collect(),
        };
        sentences.dedup();
        sentences
    }

    /// Adds the first claim of a rule that names its thing in each eligible sentence: a
    /// mention of one of its names that a construction of `check` holds, that is no look-alike
    /// nor a product's configuration, and whose clause asserts it.
    fn search_named(&self, rule: &Rule, rule_index: usize, check: Check, hits: &mut Vec<Hit>) {
        let compiled = rule.compiled();
        if compiled.names.is_none() && compiled.owned_names.is_none() {
            return;
        }
        let mut sentences = Vec::new();
        for names in [&compiled.names, &compiled.owned_names]
            .into_iter()
            .flatten()
        {
            sentences.extend(self.sentences_with(Some(names)));
        }
        sentences.sort_unstable();
        sentences.dedup();
        for index in sentences {
            let Some(sentence) = self.adr.sentences.get(index) else {
                continue;
            };
            if !eligible(rule, sentence) {
                continue;
            }
            if let Some((span, construction)) = first_claim(compiled, check, sentence) {
                hits.push((index, rule_index, span, construction));
            }
        }
    }
}

/// The first mention of `rule`'s names in `sentence` that a construction of `check` makes an
/// asserted claim, with the claim's span and construction.
fn first_claim(
    rule: &CompiledRule,
    check: Check,
    sentence: &Sentence,
) -> Option<(Range<usize>, Construction)> {
    rule.mentions(&sentence.text)
        .into_iter()
        .find_map(
            |(found, owned)| match judge_mention(rule, check, sentence, found, owned) {
                Verdict::Claim { span, construction } => Some((span, construction)),
                _ => None,
            },
        )
}

/// What the engine made of one mention of a rule's names (shown by `--explain-matches`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A claim: the construction that holds the mention, and the claim's span.
    Claim {
        span: Range<usize>,
        construction: Construction,
    },
    /// A look-alike of the rule overlaps it.
    Lookalike,
    /// No construction of the rule's check holds it.
    NoConstruction,
    /// An owned name ("queue") held by a construction other than ownership.
    NotOwned { construction: Construction },
    /// A product named inside the claim: configuration, not creation.
    Product {
        span: Range<usize>,
        construction: Construction,
    },
    /// The clause does not assert it.
    NotAsserted {
        span: Range<usize>,
        construction: Construction,
        polarity: Polarity,
    },
}

/// Judges one mention of `rule`'s names in `sentence`.
pub fn judge_mention(
    rule: &CompiledRule,
    check: Check,
    sentence: &Sentence,
    mention: Range<usize>,
    owned: bool,
) -> Verdict {
    let text = &sentence.text;
    let chosen = sentence.option == OptionRole::ChosenTitle;
    if is_lookalike(rule, text, &mention) {
        return Verdict::Lookalike;
    }
    // An owned name is a claim under the ownership construction only; another construction
    // holding it is shown, not reported.
    let judged = if owned {
        match grammar::judge_ownership(text, mention.clone()) {
            Some(judged) => judged,
            None => {
                return match grammar::judge(check, text, mention.clone(), chosen) {
                    Some(other) => Verdict::NotOwned {
                        construction: other.construction,
                    },
                    None => Verdict::NoConstruction,
                };
            }
        }
    } else {
        match grammar::judge(check, text, mention.clone(), chosen) {
            Some(judged) => judged,
            None => return Verdict::NoConstruction,
        }
    };
    let start = floor_char_boundary(text, judged.span.start);
    let end = ceil_char_boundary(text, judged.span.end);
    if start >= end {
        return Verdict::NoConstruction;
    }
    let span = start..end;
    let construction = judged.construction;
    // "The message bus is implemented via Redis Pub/Sub": what a passive names right after
    // it is what the thing is made of.
    let product_span = if construction == Construction::Passive {
        span.start..design::words_after(text, span.end, 4)
    } else {
        span.clone()
    };
    if check == Check::Build
        && construction != Construction::BuiltOn
        && configures_a_product(rule, text, &product_span, &mention)
    {
        return Verdict::Product { span, construction };
    }
    // The clause's cues are read up to the name itself: in "Migrate off Apache Storm" the
    // imperative's head starts the claim, and "off" retires what follows it.
    // Cues before the construction's head count too ("over directly using Dask").
    let judged_at = mention.start.max(span.start).min(span.end)..span.end;
    let at_head = polarity(text, span.clone());
    let judged = if at_head == Polarity::Asserted {
        polarity(text, judged_at)
    } else {
        at_head
    };
    match judged {
        Polarity::Asserted => Verdict::Claim { span, construction },

        polarity => Verdict::NotAsserted {
            span,
            construction,
            polarity,
        },
    }
}

/// Whether a look-alike phrase of the rule overlaps the mention ("the scheduler page").
fn is_lookalike(rule: &CompiledRule, text: &str, mention: &Range<usize>) -> bool {
    let Some(lookalikes) = rule.lookalikes.as_ref() else {
        return false;
    };
    let from = floor_char_boundary(text, mention.start.saturating_sub(EXCLUDE_WINDOW));
    let to = ceil_char_boundary(text, mention.end + EXCLUDE_WINDOW);
    lookalikes
        .find_iter(&text.as_bytes()[from..to])
        .any(|m| from + m.start() < mention.end && mention.start < from + m.end())
}

/// Existing products and clouds: named inside a claim of making, they show the team
/// configures or uses a product ("create an EventBridge event bus").
const PRODUCTS: &str = r"(?i)(?:aws|amazon|azure|google|gcp|managed|hosted|eventbridge|sqs|sns|kinesis|pub/?sub|kafka|rabbitmq|activemq|nats|redis|memcached|elasticache|celery|sidekiq|kubernetes|k8s|nomad|yarn|airflow|dagster|prefect|argo|temporal|spark|flink|beam|dataflow|postgres(?:ql)?|mysql|dynamodb|cassandra|mongodb|elasticsearch|opensearch|consul|etcd|zookeeper|istio|linkerd|envoy|grpc|thrift|prometheus|grafana|jaeger|zipkin|datadog|lambda|s3|gcs|hdfs|ceph|github|gitlab|jenkins|pytest|junit|testcontainers|k6|jepsen|vendor|vendors|saas|terraform|helm|cloudflare|heroku|firebase|supabase|snowflake|bigquery|redshift|databricks|confluent|msk|emr)";

static PRODUCTS_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(PRODUCTS).ok());

/// Whether a product is named inside the claim's words, outside the mention itself: a rule
/// whose thing names a product ("a fork of Kafka") is not configuring it.
fn configures_a_product(
    rule: &CompiledRule,
    text: &str,
    span: &Range<usize>,
    mention: &Range<usize>,
) -> bool {
    let names_one = |re: &Regex| {
        re.find_iter(&text.as_bytes()[span.clone()]).any(|found| {
            let (start, end) = (span.start + found.start(), span.start + found.end());
            end <= mention.start || start >= mention.end
        })
    };
    PRODUCTS_RE.as_ref().is_some_and(names_one) || rule.products.as_ref().is_some_and(names_one)
}

/// How many sentences back "… so we will roll our own" looks for its thing.
const ANAPHORA_REACH: usize = 5;

/// "… so we will roll our own": a bare claim of making whose thing is in one of the few
/// sentences before (in the same section; the nearest first) or in the title. The first build
/// rule whose names are there takes it.
fn anaphora_hits(
    prose: &Prose<'_>,
    context: &Context<'_>,
    category: Category,
    hits: &mut Vec<Hit>,
) {
    let rules = &context.rules.rules;
    let build_rules: Vec<usize> = rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| {
            rule.check == Some(Check::Build)
                && applies(rule, category)
                && context.severity(rule).is_some()
        })
        .map(|(index, _)| index)
        .collect();
    if build_rules.is_empty() {
        return;
    }
    let title = prose.adr.title.as_ref().map(|t| t.value.as_str());
    for (index, sentence) in prose.adr.sentences.iter().enumerate() {
        let Some(bare) = grammar::bare_own(&sentence.text) else {
            continue;
        };
        if hits
            .iter()
            .any(|(i, r, _, _)| *i == index && rules[*r].check == Some(Check::Build))
            || !is_asserted(&sentence.text, bare.clone())
        {
            continue;
        }
        // The nearest sentences before it in its section, then the title.
        let previous = prose.adr.sentences[index.saturating_sub(ANAPHORA_REACH)..index]
            .iter()
            .rev()
            .take_while(|p| p.section == sentence.section)
            .map(|p| p.text.as_str());
        let thing = previous.chain(title).find_map(|text| {
            build_rules.iter().copied().find(|&r| {
                eligible(&rules[r], sentence)
                    && rules[r].compiled().names.as_ref().is_some_and(|names| {
                        names
                            .find_iter(text.as_bytes())
                            .any(|m| !is_lookalike(rules[r].compiled(), text, &m.range()))
                    })
            })
        });
        if let Some(rule_index) = thing {
            hits.push((index, rule_index, bare, Construction::Anaphora));
        }
    }
}

/// Something the team builds that is no claim by itself: "our own flag evaluation service".
const OWN_THING: &str = r"(?i)\b(?:our\s+(?:very\s+)?own|in-house|in\s+house|home-?grown|home-?made|bespoke|self-built|self-developed|self-written|purpose-built|custom-built)[\s-]+(?:[\w-]+[\s-]+){0,3}?(?:service|system|platform|framework|engine|server|runtime|layer|component|daemon|agent)s?\b";

/// What joins a component to the thing built, just before the component: "…, with its own",
/// "… including a small", "… and a".
const ATTACHED: &str = r"(?i)^[^.;:!?()]{0,80}?(?:,\s*|\s+)(?:with|including|plus|and|as\s+well\s+as|along\s+with|together\s+with|that\s+(?:also\s+)?(?:includes|provides|offers|has|comes\s+with))\s+(?:(?:its|their|our)\s+own\s+|an?\s+|the\s+|one\s+|some\s+)?(?:[\w-]+\s+){0,2}$";

/// The component is the team's own: "with its own job scheduler". A service the team writes
/// "with a distributed cache" may well use an existing one; a broker it writes "with leader
/// election" does not.
const OWNED: &str = r"(?i)\b(?:its|their|our)\s+own\b";

/// Components that are mechanisms rather than products: a service of the team's own that has
/// a gossip protocol or leader election implements it.
const MECHANISM: &str = r"(?i)\b(?:protocol|election|consensus|raft|paxos)\b";

/// Words between the thing built and a component that detach the component from it.
const DETACHED: &str = r"(?i)\b(?:but|because|since|so|while|whereas|although|though|instead|rather|not|no|never|without|unlike|than|over|except|use|uses|using|adopt|adopts|adopting|existing)\b";

/// A sentence whose subject is the thing just built, and what it provides, just before the
/// component: "It will also hand out", "This service provides the".
const PROVIDED_BY_IT: &str = r"(?i)^(?:it|this\s+(?:new\s+)?(?:service|system|component|tool|layer|platform|framework)|the\s+new\s+(?:service|system|component|tool|layer|platform|framework))\s+(?:(?:will|shall|is\s+going\s+to|also|then|additionally|further|moreover|in\s+addition)[\s,]+)*(?:provides?|offers?|hands?\s+out|handles?|implements?|includes?|exposes?|serves?|acts?\s+as|doubles?\s+as|takes?\s+care\s+of|takes?\s+over|performs?|manages?|coordinates?|contains?|ships?\s+with|comes?\s+with|does|do)\s+(?:(?:its|their|our)\s+own\s+|an?\s+|the\s+|one\s+|some\s+)?(?:[\w-]+\s+){0,2}$";

/// How many words after a component may show that it is an existing product ("a service
/// registry backed by Consul").
const PART_TAIL_WORDS: usize = 4;

static OWN_THING_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(OWN_THING).ok());
static ATTACHED_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(ATTACHED).ok());
static DETACHED_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(DETACHED).ok());
static OWNED_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(OWNED).ok());
static MECHANISM_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(MECHANISM).ok());
static PROVIDED_BY_IT_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile_pattern(PROVIDED_BY_IT).ok());

/// Claims made by naming a rule's `parts`: the first component hanging off each thing a
/// sentence builds ("our own batch framework, with its own job scheduler"), and a component
/// that "it" provides in the sentence right after one that builds something ("It will also
/// hand out distributed locks"). A rule that already matched the sentence adds nothing.
fn part_hits(
    prose: &Prose<'_>,
    context: &Context<'_>,
    category: Category,
    present: &[bool],
    hits: &[Hit],
) -> Vec<Hit> {
    let rules = &context.rules.rules;
    let part_rules: Vec<usize> = rules
        .iter()
        .enumerate()
        .filter(|(index, rule)| {
            rule.kind == RuleKind::Claim
                && rule.requires == Some(Category::FrameworkCreator)
                && rule.parts.is_some()
                && present.get(*index).copied().unwrap_or(false)
                && applies(rule, category)
                && context.severity(rule).is_some()
        })
        .map(|(index, _)| index)
        .collect();
    let mut found = Vec::new();
    if part_rules.is_empty() {
        return found;
    }
    // Where each sentence builds something: its framework-creator claims, and the team's own
    // services and systems named as such (which hold only components said to be their own).
    let mut anchors: BTreeMap<usize, Vec<(Range<usize>, Anchor)>> = BTreeMap::new();
    for (index, rule_index, span, _) in hits {
        if rules[*rule_index].requires == Some(Category::FrameworkCreator) {
            anchors
                .entry(*index)
                .or_default()
                .push((span.clone(), Anchor::Claim));
        }
    }
    if let Some(own) = OWN_THING_RE.as_ref() {
        for found in own.find_iter(prose.bytes) {
            let index = prose
                .starts
                .partition_point(|&start| start <= found.start())
                .saturating_sub(1);
            let (Some(sentence), Some(&start)) =
                (prose.adr.sentences.get(index), prose.starts.get(index))
            else {
                continue;
            };
            let span = found.start() - start..found.end() - start;
            if span.end <= sentence.text.len()
                && sentence.text.is_char_boundary(span.start)
                && sentence.text.is_char_boundary(span.end)
                && is_asserted(&sentence.text, span.clone())
                && !part_rules
                    .iter()
                    .any(|&r| within_excluded(rules[r].compiled(), &sentence.text, span.clone()))
            {
                anchors
                    .entry(index)
                    .or_default()
                    .push((span, Anchor::OwnThing));
            }
        }
    }
    for spans in anchors.values_mut() {
        spans.sort_by_key(|(span, _)| (span.start, span.end));
    }
    let fired_in = |index: usize, rule_index: usize, found: &[Hit]| {
        hits.iter()
            .chain(found)
            .any(|(i, r, _, _)| *i == index && *r == rule_index)
    };
    // Sentences that claim to build a framework, in order: "it" in the next sentence is that
    // framework. A pronoun sentence that names a component builds something too ("It will
    // also hand out locks. It also provides a registry."). An own service does not count:
    // what "it provides" there is too often what the service offers its users.
    let mut building: HashSet<usize> = anchors
        .iter()
        .filter(|(_, spans)| spans.iter().any(|(_, kind)| *kind == Anchor::Claim))
        .map(|(index, _)| *index)
        .collect();
    for (index, sentence) in prose.adr.sentences.iter().enumerate() {
        if let Some(spans) = anchors.get(&index) {
            for (anchor, kind) in spans {
                let attached = part_rules
                    .iter()
                    .filter(|&&r| !fired_in(index, r, &found) && eligible(&rules[r], sentence))
                    .filter_map(|&r| {
                        attached_part(rules[r].compiled(), &sentence.text, anchor.end, *kind)
                            .map(|span| (span, r))
                    })
                    .min_by_key(|(span, r)| (span.start, *r));
                if let Some((span, rule_index)) = attached {
                    found.push((index, rule_index, span, Construction::Part));
                }
            }
        }
        let follows_a_build = index > 0
            && building.contains(&(index - 1))
            && prose.adr.sentences.get(index - 1).map(|s| s.section) == Some(sentence.section);
        if follows_a_build {
            let provided = part_rules
                .iter()
                .filter(|&&r| !fired_in(index, r, &found) && eligible(&rules[r], sentence))
                .filter_map(|&r| provided_part(rules[r].compiled(), &sentence.text).map(|s| (s, r)))
                .min_by_key(|(span, r)| (span.start, *r));
            if let Some((span, rule_index)) = provided {
                found.push((index, rule_index, span, Construction::Provided));
                building.insert(index);
            }
        }
    }
    found
}

/// Whether the words before a part (at `at` in `text`) make it a component of its own: "its
/// own job scheduler", "a small service registry", not "consistent hashing".
fn names_a_component(text: &str, at: usize) -> bool {
    static COMPONENT_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        compile_pattern(
            r"(?i)\b(?:an?|its\s+own|their\s+own|our\s+own|own|one|the)\s+(?:[\w-]+\s+){0,2}\z",
        )
        .ok()
    });
    let head = floor_char_boundary(text, at);
    COMPONENT_BEFORE
        .as_ref()
        .is_some_and(|re| re.is_match(&text.as_bytes()[..head]))
}

/// What a sentence builds that a component may hang off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// A framework-creator claim: "our own message broker".
    Claim,
    /// The team's own service or system, no claim by itself: "our own billing service".
    OwnThing,
}

/// The first of `rule`'s parts after `from` in `text` that is joined to what ends at `from`
/// ("…, with its own job scheduler") and is asserted.
fn attached_part(
    rule: &CompiledRule,
    text: &str,
    from: usize,
    anchor: Anchor,
) -> Option<Range<usize>> {
    let parts = rule.parts.as_ref()?;
    let (attached, detached) = (ATTACHED_RE.as_ref()?, DETACHED_RE.as_ref()?);
    let bytes = text.as_bytes();
    let found = parts.find_at(bytes, from)?;
    let gap = bytes.get(from..found.start())?;
    let owned = anchor == Anchor::Claim
        || OWNED_RE.as_ref()?.is_match(gap)
        || MECHANISM_RE.as_ref()?.is_match(bytes.get(found.range())?);
    (owned && attached.is_match(gap) && !detached.is_match(gap))
        .then(|| asserted_part(rule, text, found.range(), from))
        .flatten()
}

/// `rule`'s part right after a sentence head that makes the thing just built its provider
/// ("It will also hand out distributed locks").
fn provided_part(rule: &CompiledRule, text: &str) -> Option<Range<usize>> {
    let parts = rule.parts.as_ref()?;
    let head = PROVIDED_BY_IT_RE.as_ref()?;
    let bytes = text.as_bytes();
    let found = parts.find(bytes)?;
    head.is_match(bytes.get(..found.start())?)
        .then(|| asserted_part(rule, text, found.range(), 0))
        .flatten()
}

/// The part at `found` when it is asserted, no look-alike, and neither the words from `from`
/// nor the few after it show an existing product ("a service registry backed by Consul").
fn asserted_part(
    rule: &CompiledRule,
    text: &str,
    found: Range<usize>,
    from: usize,
) -> Option<Range<usize>> {
    let span = asserted_at(rule, text, found)?;
    let tail_end = text[span.end..]
        .split_inclusive(char::is_whitespace)
        .filter(|word| !word.trim().is_empty())
        .take(PART_TAIL_WORDS)
        .map(str::len)
        .sum::<usize>()
        + span.end;
    let around = floor_char_boundary(text, from)..ceil_char_boundary(text, tail_end);
    (!within_excluded(rule, text, around)).then_some(span)
}

/// Whether `rule`'s `exclude-within` words occur in `text[range]`.
fn within_excluded(rule: &CompiledRule, text: &str, range: Range<usize>) -> bool {
    rule.exclude_within
        .as_ref()
        .zip(text.as_bytes().get(range))
        .is_some_and(|(within, words)| within.is_match(words))
}

/// Whether `rule` reads the ADRs of a `category` team: a claim rule when it requires a higher
/// category, every rationale rule.
fn applies(rule: &Rule, category: Category) -> bool {
    match rule.kind {
        RuleKind::Claim => rule.requires.is_some_and(|requires| category < requires),
        RuleKind::Rationale => true,
        RuleKind::Builtin => false,
    }
}

/// Whether some claim rule that is on applies to a `category` team.
fn any_claim_applies(context: &Context<'_>, category: Category) -> bool {
    context.rules.rules.iter().any(|rule| {
        rule.kind == RuleKind::Claim && applies(rule, category) && context.severity(rule).is_some()
    })
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
        // Two frameworks in one sentence are two adoptions, however their claims overlap.
        let overlaps = kept.iter().any(|(_, k)| {
            k.requires == finding.requires
                && k.requires != Some(Category::FrameworkUser)
                && k.span.start < finding.span.end
                && finding.span.start < k.span.end
        });
        if !overlaps {
            kept.push((rule_index, finding));
        }
    }
    kept
}

/// Whether a rule reads this sentence: not quoted, and in a section kind the rule covers
/// (a chosen option's title counts as decision).
fn eligible(rule: &Rule, sentence: &Sentence) -> bool {
    let kind = if matches!(
        sentence.option,
        OptionRole::ChosenTitle | OptionRole::ChosenBody
    ) {
        SectionKind::Decision
    } else {
        sentence.kind
    };
    // A summary of what the record does ("This document describes a design of …") states
    // the decision wherever it stands, but not among options or consequences.
    let summary = rule.kind == RuleKind::Claim
        && matches!(
            kind,
            SectionKind::Context | SectionKind::Summary | SectionKind::Other
        )
        && design::is_summary(&sentence.text);
    !sentence.quoted && (rule.sections.contains(&kind) || summary)
}

fn is_excluded(rule: &CompiledRule, text: &str, matched: Range<usize>) -> bool {
    if let Some(within) = &rule.exclude_within
        && within.is_match(&text.as_bytes()[matched.clone()])
    {
        return true;
    }
    if let Some(exclude) = &rule.exclude {
        let from = floor_char_boundary(text, matched.start.saturating_sub(EXCLUDE_WINDOW));
        let to = ceil_char_boundary(text, matched.end + EXCLUDE_WINDOW);
        if exclude.is_match(&text.as_bytes()[from..to]) {
            return true;
        }
    }
    false
}

/// The match at `found` (a byte range of `text`), snapped to character boundaries, when it is
/// neither excluded nor negated.
fn asserted_at(rule: &CompiledRule, text: &str, found: Range<usize>) -> Option<Range<usize>> {
    let start = floor_char_boundary(text, found.start);
    let end = ceil_char_boundary(text, found.end);
    (start < end && !is_excluded(rule, text, start..end) && is_asserted(text, start..end))
        .then_some(start..end)
}

/// The first asserted match of the rule in `text` alone.
fn first_asserted(rule: &CompiledRule, text: &str) -> Option<Range<usize>> {
    let regex = rule.combined.as_ref()?;
    regex
        .find_iter(text.as_bytes())
        .find_map(|found| asserted_at(rule, text, found.range()))
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::rules::RuleSetLoader;
    use crate::source::SourceMap;

    fn builtin() -> Arc<RuleSet> {
        let Ok(set) = RuleSetLoader::builtin_set(&mut SourceMap::default()) else {
            panic!("built-in packs must load");
        };
        set
    }

    fn context<'a>(
        rules: &'a RuleSet,
        category: Category,
        level: &'a dyn Fn(&Rule) -> Level,
    ) -> Context<'a> {
        Context {
            rules,
            category: Some(category),
            category_source: None,
            level,
        }
    }

    /// A claim and a reason often given for it, so both claim and rationale rules could fire.
    const ADR: &str = "# 1. Scheduler\n\n## Status\n\nAccepted\n\n## Decision\n\n\
        We will build our own job scheduler, because existing ones are too slow.\n";

    #[test]
    fn keyword_index_names_the_rules_a_document_can_match() {
        let set = builtin();
        let index = set.keyword_index();
        let position = |id: &str| set.rules.iter().position(|r| &*r.id == id);
        let Some(scheduler) = position("own-scheduler") else {
            panic!("own-scheduler is a built-in rule");
        };
        let present = index.present(&set.rules, b"We will write our own job scheduler.\n");
        assert!(present[scheduler]);
        let present = index.present(&set.rules, b"We keep the monthly report as it is.\n");
        assert!(!present[scheduler]);
        // Rules without keywords are always searched.
        for (rule, present) in set.rules.iter().zip(&present) {
            if rule.keywords.is_none() {
                assert!(present, "{}", rule.id);
            }
        }
    }

    #[test]
    fn nothing_applies_to_a_framework_creator_team() {
        let rules = builtin();
        let on = |rule: &Rule| Level::Severity(rule.severity);
        let off = |rule: &Rule| match rule.kind {
            RuleKind::Claim => Level::Off,
            _ => Level::Severity(rule.severity),
        };
        let adr = crate::adr::parse(Path::new("0001-scheduler.md"), ADR);

        let creator = context(&rules, Category::FrameworkCreator, &on);
        assert!(!any_claim_applies(&creator, Category::FrameworkCreator));
        assert!(evaluate(&adr, &creator).is_empty());

        let user = context(&rules, Category::FrameworkUser, &on);
        assert!(any_claim_applies(&user, Category::FrameworkUser));
        assert!(!evaluate(&adr, &user).is_empty());

        let claims_off = context(&rules, Category::FrameworkUser, &off);
        assert!(!any_claim_applies(&claims_off, Category::FrameworkUser));
        assert!(evaluate(&adr, &claims_off).is_empty());
    }

    /// The claim rule ids a framework-user team gets for `decision`, in document order.
    fn claims(decision: &str) -> Vec<String> {
        titled_claims("Example", decision)
    }

    fn titled_claims(title: &str, decision: &str) -> Vec<String> {
        let rules = builtin();
        let on = |rule: &Rule| Level::Severity(rule.severity);
        let user = context(&rules, Category::FrameworkUser, &on);
        let text = format!("# 1. {title}\n\n## Status\n\nAccepted\n\n## Decision\n\n{decision}\n");
        let adr = crate::adr::parse(Path::new("0001-example.md"), &text);
        evaluate(&adr, &user)
            .into_iter()
            .filter(|f| f.requires.is_some())
            .map(|f| f.rule.to_string())
            .collect()
    }

    #[test]
    fn an_owned_name_needs_ownership() {
        assert_eq!(
            claims("We will write a custom queue on top of Postgres."),
            ["own-message-broker"]
        );
        assert_eq!(
            claims("We will write a queue of our own for the exports."),
            ["own-message-broker"]
        );
        // The same plain word under another construction is no claim.
        assert!(claims("We will add a queue in front of the export worker.").is_empty());
        assert!(claims("Our own tool reads the queue of support tickets.").is_empty());
    }

    #[test]
    fn a_distributed_title_is_the_subject_of_a_design() {
        let decision = "We will add a handler that broadcasts the cancel event to all the workers \
                        listening on a RabbitMQ exchange.";
        assert_eq!(
            titled_claims("Distributed task cancellation", decision),
            ["designs-distributed-machinery"]
        );
        // One piece alone is no design; nor is a distributed team.
        assert!(titled_claims("Task cancellation", decision).is_empty());
        assert!(titled_claims("Distributed teams", decision).is_empty());
        // A design that adopts a product in place of the machinery is not one.
        assert!(
            titled_claims(
                "Distributed task cancellation",
                "We will adopt NATS, which broadcasts the cancel event to all the workers."
            )
            .is_empty()
        );
        // One that opens with the mechanism builds it on the framework.
        assert_eq!(
            titled_claims(
                "Distributed task await",
                "Broadcast the termination events in RabbitMQ."
            ),
            ["designs-distributed-machinery"]
        );
        assert!(
            titled_claims(
                "Task await",
                "Broadcast the termination events in RabbitMQ."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_component_hanging_off_a_build_claim_is_claimed_once() {
        assert_eq!(
            claims("We will write our own message broker, with its own leader election."),
            ["own-message-broker", "own-consensus"]
        );
        // Only the first component of a list: one more finding says what a reader needs.
        assert_eq!(
            claims(
                "We build our own billing service, with its own distributed cache and a gossip protocol."
            ),
            ["own-distributed-cache"]
        );
        // A service of the team's own holds only components said to be its own, or mechanisms
        // it must implement: it may well use an existing cache.
        assert!(
            claims("We build our own billing service, with a distributed cache in front of it.")
                .is_empty()
        );
        assert_eq!(
            claims(
                "We build our own billing service, with a distributed cache and a gossip protocol."
            ),
            ["own-cluster-protocol"]
        );
        // Not what the build claim's clause leaves for something else.
        assert!(
            claims("We build our own billing service, but a distributed cache is run by ops.")
                .is_empty()
        );
        assert!(
            claims("We build our own billing service, using an existing distributed cache.")
                .is_empty()
        );
        // A negated build anchors nothing.
        assert!(
            claims("We will not build our own billing service, with a distributed cache.")
                .is_empty()
        );
        // Nor does a component that is an existing product.
        assert!(
            claims("We build our own billing service, with a distributed cache on Redis.")
                .is_empty()
        );
    }

    #[test]
    fn what_it_provides_right_after_a_build_is_claimed() {
        assert_eq!(
            claims("We will build our own job scheduler. It will also offer distributed locks."),
            ["own-scheduler", "own-lock-service"]
        );
        // "It" names the thing just built only in the next sentence of the same section.
        assert!(claims("We keep cron for now. It will also offer distributed locks.").is_empty());
        // What a service of the team's own provides is what it offers its users.
        assert!(
            claims("We will build our own billing service. It provides the service registry.")
                .is_empty()
        );
        assert_eq!(
            claims(
                "We will build our own job scheduler.\n\n## Consequences\n\nIt will also offer distributed locks."
            ),
            ["own-scheduler"]
        );
        assert_eq!(
            claims("We will build our own job scheduler. It will not offer distributed locks."),
            ["own-scheduler"]
        );
    }

    #[test]
    fn part_patterns_compile() {
        for pattern in [OWN_THING, ATTACHED, DETACHED, PROVIDED_BY_IT] {
            assert!(compile_pattern(pattern).is_ok(), "{pattern}");
        }
    }
}
