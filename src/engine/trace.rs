//! What the engine made of each sentence of a record, for `check --explain-matches`: every
//! mention of a rule's thing, the construction that held it (or that none did), the polarity
//! of its clause and the cue that decided it, look-alikes and products, and the pieces a
//! design rule counted. It runs the same judgements as [`super::evaluate`], one mention at a
//! time, rather than a copy of them.

use std::ops::Range;
use std::sync::Arc;

use super::design::{self, Skip};
use super::{
    Context, Polarity, Verdict, applies, asserted_at, eligible, evaluate, judge_mention, polarity,
};
use crate::adr::{Adr, Sentence};
use crate::diag::Finding;
use crate::rules::{Check, RuleKind};

/// One mention of a rule's thing in a sentence, and what became of it.
#[derive(Debug, Clone)]
pub struct Mention {
    pub rule: Arc<str>,
    pub span: Range<usize>,
    pub what: What,
}

#[derive(Debug, Clone)]
pub enum What {
    /// The sentence is not text the rule reads (context, options, consequences, a quote).
    NotRead,
    /// A mention of a rule that names its thing.
    Named(Verdict),
    /// A match of a rule's raw patterns, with its clause's polarity (`None`: an `exclude` of
    /// the rule holds it).
    Pattern(Option<Polarity>),
    /// A mention of a design rule's piece: counted, or why not.
    Piece {
        piece: String,
        counted: Result<(), Skip>,
    },
}

/// The sentences that hold a mention or are decision text, with their mentions.
#[derive(Debug)]
pub struct Line<'a> {
    pub sentence: &'a Sentence,
    /// Text the claim rules read (decision text, a chosen option).
    pub read: bool,
    pub mentions: Vec<Mention>,
}

/// A design rule's count over the record.
#[derive(Debug)]
pub struct DesignCount {
    pub rule: Arc<str>,
    pub pieces: Vec<String>,
    pub min: usize,
}

#[derive(Debug)]
pub struct Trace<'a> {
    pub lines: Vec<Line<'a>>,
    pub designs: Vec<DesignCount>,
    /// What `evaluate` reports for the record.
    pub findings: Vec<Finding>,
}

/// The trace of `adr` under `context` (empty when no category is declared or the record is
/// inactive: nothing is judged then).
pub fn trace<'a>(adr: &'a Adr, context: &Context<'_>) -> Trace<'a> {
    let findings = evaluate(adr, context);
    let mut trace = Trace {
        lines: Vec::new(),
        designs: Vec::new(),
        findings,
    };
    let Some(category) = context.category else {
        return trace;
    };
    if adr.is_inactive() {
        return trace;
    }
    let rules: Vec<_> = context
        .rules
        .rules
        .iter()
        .filter(|rule| {
            rule.kind == RuleKind::Claim
                && applies(rule, category)
                && context.severity(rule).is_some()
        })
        .collect();
    for sentence in &adr.sentences {
        let read = rules.iter().any(|rule| eligible(rule, sentence));
        let mut mentions = Vec::new();
        for rule in &rules {
            let compiled = rule.compiled();
            let text = &sentence.text;
            let readable = eligible(rule, sentence);
            let mut add = |span: Range<usize>, what: What| {
                mentions.push(Mention {
                    rule: rule.id.clone(),
                    span,
                    what: if readable { what } else { What::NotRead },
                })
            };
            match rule.check {
                Some(Check::Design) => {
                    for (index, regex) in compiled.pieces.iter().enumerate() {
                        let Some(regex) = regex else { continue };
                        for found in regex.find_iter(text.as_bytes()) {
                            let piece = rule
                                .pieces
                                .get(index)
                                .map(|p| p.name.clone())
                                .unwrap_or_default();
                            let counted = design::judge_piece(compiled, text, &found.range());
                            add(found.range(), What::Piece { piece, counted });
                        }
                    }
                }
                Some(check) => {
                    for (found, owned) in compiled.mentions(text) {
                        let verdict =
                            judge_mention(compiled, check, sentence, found.clone(), owned);
                        add(found, What::Named(verdict));
                    }
                }
                None => {
                    if let Some(combined) = &compiled.combined {
                        for found in combined.find_iter(text.as_bytes()) {
                            let what = match asserted_at(compiled, text, found.range()) {
                                Some(span) => What::Pattern(Some(polarity(text, span))),
                                None => {
                                    let span = found.range();
                                    let polarity = polarity(text, span);
                                    What::Pattern(
                                        (polarity != Polarity::Asserted).then_some(polarity),
                                    )
                                }
                            };
                            add(found.range(), what);
                        }
                    }
                }
            }
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        if read || !mentions.is_empty() {
            trace.lines.push(Line {
                sentence,
                read,
                mentions,
            });
        }
    }
    for rule in &rules {
        if rule.check != Some(Check::Design) {
            continue;
        }
        let pieces = design::counted_pieces(adr, rule)
            .into_iter()
            .filter_map(|p| rule.pieces.get(p.piece).map(|piece| piece.name.clone()))
            .collect();
        trace.designs.push(DesignCount {
            rule: rule.id.clone(),
            pieces,
            min: rule.min_pieces,
        });
    }
    trace
}
