//! The design-level check (`extends = "design"`): a record whose decision text designs several
//! distinct pieces of distributed machinery — it shards, replicates, elects a leader, keeps
//! membership, redelivers — makes one framework-creator claim, even when no sentence says "our
//! own". Teams that build such machinery describe it; they rarely announce it.
//!
//! A piece counts once per record, at its first asserted mention in decision text that is no
//! look-alike and no product's configuration ("3 replicas of the ClickHouse cluster" configures
//! a product's replication; it does not design one).

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

use super::grammar::Construction;
use super::{PRODUCTS_RE, eligible, is_lookalike};
use crate::adr::{Adr, Block, OptionRole, SectionKind, Sentence};
use crate::rules::{Check, CompiledRule, Rule, compile_pattern};
use crate::source::{ceil_char_boundary, floor_char_boundary};

/// One piece of machinery the design asserts: where, and which of the rule's pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceHit {
    pub sentence: usize,
    pub span: Range<usize>,
    pub piece: usize,
}

/// A record's design: the sentence that states the decision (the finding's place) and the
/// distinct pieces found, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Design {
    pub anchor: usize,
    pub span: Range<usize>,
    pub pieces: Vec<PieceHit>,
    /// Where the title names the machinery (a span of the file), and its words.
    pub subject: Option<(Range<usize>, String)>,
}

/// Why a mention of a piece did not count (for `--explain-matches`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Lookalike,
    /// A product named next to it: the team configures that product's machinery.
    Product(String),
    NotAsserted,
}

/// How many words before and after a piece's mention a product name shows configuration:
/// "Kafka partitions", "replicas of the ClickHouse cluster", but not a broadcast "to all the
/// workers listening on a RabbitMQ exchange" that the team writes on top of the product.
const WORDS_BEFORE: usize = 2;
const WORDS_AFTER: usize = 4;

/// A count right before the mention sizes a product's resources: "3 replicas", "two shards".
static COUNT_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile_pattern(r"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|multiple|several|more|fewer)\s+(?:[\w-]+\s+)?\z").ok()
});

/// Words earlier in the clause that give the mechanism to something that exists, or only set
/// it: "Document databases provide built-in support for sharding", "replication is handled by
/// the operator", "Configure Kafka partitions".
static PROVIDED_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile_pattern(r"(?i)\b(?:configur(?:e|es|ed|ing)|tun(?:e|es|ed|ing)|turn(?:s|ed|ing)?\s+on|built[\s-]?in|out[\s-]of[\s-]the[\s-]box|natively|native|provided\s+by|offered\s+by|handled\s+by|managed\s+by|supported\s+by|takes?\s+care\s+of|comes?\s+with|ships?\s+with)\b").ok()
});

/// A sentence that states what the record does: "This document describes a design of …",
/// "This RFC proposes …", "We propose …". It is where a design's finding goes when the record
/// has one; otherwise the first sentence of its decision text.
static SUMMARY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile_pattern(
        r"(?i)^\s*(?:(?:this|the)\s+(?:document|adr|rfc|proposal|record|design|spec|specification|change)\s+(?:describes|proposes|specifies|introduces|outlines|defines|presents|documents|details)|(?:we|i)\s+(?:propose|would\s+like\s+to\s+(?:propose|suggest|introduce))|(?:it\s+is|it's)\s+proposed)\b",
    )
    .ok()
});

/// Whether `text` is a sentence that states what the record does.
pub fn is_summary(text: &str) -> bool {
    SUMMARY
        .as_ref()
        .is_some_and(|re| re.is_match(text.as_bytes()))
}

/// The record's design when at least `min_pieces` distinct pieces of `rule` are there.
pub fn design(adr: &Adr, rule: &Rule, frameworks: &[&Rule], builds: &[&Rule]) -> Option<Design> {
    let pieces = counted_pieces(adr, rule);
    // The title names the machinery the record is about ("Distributed Task cancellation",
    // "JetStream Message Scheduler"): it counts as a piece, when the decision text asserts
    // one of its own.
    let subject = if pieces.is_empty() {
        None
    } else {
        title_subject(adr, rule, builds)
    };
    // "We will implement a state synchronisation protocol …": one piece the team makes is a
    // design of its own.
    let made = pieces.iter().any(|piece| made_by_the_team(adr, piece));
    if pieces.len() + usize::from(subject.is_some()) < rule.min_pieces && !made {
        return None;
    }
    let anchor = anchor(adr, pieces.first().map_or(0, |p| p.sentence));
    let sentence = adr.sentences.get(anchor)?;
    // "Tendermint will adopt libp2p, replacing the bespoke P2P stack": the design below
    // integrates a product that provides the machinery. Under a title that makes the team's
    // own subject distributed ("Distributed Task Await"), a decision that opens with the
    // mechanism ("Broadcast events in RabbitMQ") builds it on the framework.
    let made_distributed = subject
        .as_ref()
        .is_some_and(|(_, words)| distributed_title(words));
    if adopts_a_product(
        rule.compiled(),
        frameworks,
        &sentence.text,
        made_distributed,
    ) {
        return None;
    }
    let span = head(&sentence.text);
    Some(Design {
        anchor,
        span,
        pieces,
        subject,
    })
}

/// Whether a construction of making holds the piece's mention ("implement a state sync
/// protocol", "a rebalancing mechanism of our own"), asserted and naming no product.
fn made_by_the_team(adr: &Adr, piece: &PieceHit) -> bool {
    let Some(sentence) = adr.sentences.get(piece.sentence) else {
        return false;
    };
    let text = sentence.text.as_str();
    super::grammar::judge(Check::Build, text, piece.span.clone(), false).is_some_and(|judged| {
        let start = floor_char_boundary(text, judged.span.start);
        let end = ceil_char_boundary(text, judged.span.end);
        let names_a_product = PRODUCTS_RE.as_ref().is_some_and(|re| {
            re.find_iter(&text.as_bytes()[start..end]).any(|found| {
                let (at, to) = (start + found.start(), start + found.end());
                to <= piece.span.start || at >= piece.span.end
            })
        });
        start < end && !names_a_product && super::is_asserted(text, start..end)
    })
}

/// Where the title names a piece of `rule` or the thing of a build rule, and the words.
fn title_subject(adr: &Adr, rule: &Rule, builds: &[&Rule]) -> Option<(Range<usize>, String)> {
    let title = adr.title.as_ref()?;
    let value = title.value.as_str();
    // The title's span runs from its first word to its last, as its value does.
    let at = |i: usize| (title.span.start + i).min(title.span.end);
    let compiled = rule.compiled();
    // A title that names the piece the decision asserts ("Consensus Refactor" over a decision
    // on consensus) still says what the whole record is about.
    let pieces = compiled.pieces.iter().flatten().map(|re| (re, compiled));

    let things = builds
        .iter()
        .filter_map(|b| b.compiled().names.as_ref().map(|re| (re, b.compiled())));
    things
        .chain(pieces)
        .find_map(|(re, owner)| {
            re.find_iter(value.as_bytes())
                .find(|m| !is_lookalike(owner, value, &m.range()))
                .map(|m| (at(m.start())..at(m.end()), value[m.range()].to_string()))
        })
        .or_else(|| {
            // "Distributed Task cancellation", "Replicated session store": the title says the
            // subject is made distributed, whatever it is called.
            let found = DISTRIBUTED_TITLE.as_ref()?.captures(value.as_bytes())?;
            let whole = found.get(0)?;
            let word = String::from_utf8_lossy(found.name("word")?.as_bytes()).to_ascii_lowercase();
            let not_machinery = [
                "team",
                "teams",
                "tracing",
                "traces",
                "trace",
                "working",
                "work",
                "version",
                "denial",
                "ledger",
                "teams",
                "workforce",
                "office",
                "offices",
                "development",
            ];
            (!not_machinery.contains(&word.as_str())).then(|| {
                (
                    at(whole.start())..at(whole.end()),
                    value[whole.range()].to_string(),
                )
            })
        })
}

/// Whether the words of a title subject say the subject is made distributed.
fn distributed_title(words: &str) -> bool {
    DISTRIBUTED_TITLE
        .as_ref()
        .is_some_and(|re| re.is_match(words.as_bytes()))
}

/// A title whose subject is made distributed: "Distributed Task cancellation", "Clustered
/// mail queue". Distributed teams, tracing and version control are not machinery one makes.
static DISTRIBUTED_TITLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile_pattern(
        r"(?i)\b(?:distributed|distribution[\s-]aware|cluster[\s-]wide|clustered|replicated|multi[\s-]node)\s+(?P<word>[a-z]+)",
    )
    .ok()
});

/// The first counted mention of each of `rule`'s pieces in `adr`, in document order.
pub fn counted_pieces(adr: &Adr, rule: &Rule) -> Vec<PieceHit> {
    let compiled = rule.compiled();
    let mut pieces: Vec<PieceHit> = Vec::new();
    for (index, sentence) in adr.sentences.iter().enumerate() {
        // A block quote inside a design is a callout ("> Re-publish occurs only after …
        // with quorum"): its mechanisms are the design's. Claims in quotes still never fire.
        if !(eligible(rule, sentence) || sentence.quoted && rule.sections.contains(&sentence.kind))
        {
            continue;
        }

        for (piece, regex) in compiled.pieces.iter().enumerate() {
            if pieces.iter().any(|p| p.piece == piece) {
                continue;
            }
            let Some(regex) = regex else { continue };
            if let Some(span) = regex
                .find_iter(sentence.text.as_bytes())
                .map(|m| m.range())
                .find(|m| judge_piece(compiled, &sentence.text, m).is_ok())
            {
                pieces.push(PieceHit {
                    sentence: index,
                    span,
                    piece,
                });
            }
        }
    }
    pieces.sort_by_key(|p| (p.sentence, p.span.start));
    pieces
}

/// Whether `text` asserts adopting a product: one of the engine's or the rule's products, or
/// a framework that an adoption rule names.
fn adopts_a_product(
    rule: &CompiledRule,
    frameworks: &[&Rule],
    text: &str,
    made_distributed: bool,
) -> bool {
    [PRODUCTS_RE.as_ref(), rule.products.as_ref()]
        .into_iter()
        .chain(frameworks.iter().map(|r| r.compiled().names.as_ref()))
        .flatten()
        .flat_map(|re| re.find_iter(text.as_bytes()))
        .any(|found| {
            // "workers listening on a RabbitMQ exchange": the design uses the framework's
            // artifacts as its parts; it adopts no product in place of the machinery.
            super::grammar::judge(Check::Adopt, text, found.range(), false).is_some_and(|j| {
                if matches!(
                    j.construction,
                    Construction::Artifact | Construction::Subject
                ) || (made_distributed && j.construction == Construction::Imperative)
                {
                    return false;
                }
                let start = floor_char_boundary(text, j.span.start);
                let end = ceil_char_boundary(text, j.span.end);
                start < end && super::is_asserted(text, start..end)
            })
        })
}

/// Whether a mention of a piece counts.
pub fn judge_piece(rule: &CompiledRule, text: &str, mention: &Range<usize>) -> Result<(), Skip> {
    if is_lookalike(rule, text, mention) {
        return Err(Skip::Lookalike);
    }
    let start = floor_char_boundary(text, mention.start);
    let end = ceil_char_boundary(text, mention.end);
    let before = words_before(text, start, WORDS_BEFORE);
    let after = words_after(text, end, WORDS_AFTER);
    let around = &text.as_bytes()[before..after];
    let product = PRODUCTS_RE
        .as_ref()
        .and_then(|re| re.find(around))
        .or_else(|| rule.products.as_ref().and_then(|re| re.find(around)));
    if let Some(product) = product {
        return Err(Skip::Product(
            String::from_utf8_lossy(product.as_bytes()).into_owned(),
        ));
    }
    if let Some(count) = COUNT_BEFORE
        .as_ref()
        .and_then(|re| re.find(&text.as_bytes()[..start]))
    {
        return Err(Skip::Product(
            String::from_utf8_lossy(count.as_bytes()).trim().to_string(),
        ));
    }
    if let Some(provider) = PROVIDED_BEFORE
        .as_ref()
        .and_then(|re| re.find(&text.as_bytes()[clause_start(text, start)..start]))
    {
        return Err(Skip::Product(
            String::from_utf8_lossy(provider.as_bytes()).into_owned(),
        ));
    }
    if !super::is_asserted(text, start..end) {
        return Err(Skip::NotAsserted);
    }
    Ok(())
}

/// Where the clause holding byte `at` starts: after the last `;`, `:` or sentence-internal
/// period before it.
fn clause_start(text: &str, at: usize) -> usize {
    text[..at].rfind([';', ':', '(']).map_or(0, |i| i + 1)
}

/// Where the `n` words before byte `at` of `text` start.
fn words_before(text: &str, at: usize, n: usize) -> usize {
    let mut start = at;
    for _ in 0..n {
        let trimmed = text[..start].trim_end();
        match trimmed.rfind(char::is_whitespace) {
            Some(space) => start = space + 1,
            None => return 0,
        }
    }
    start
}

/// Where the `n` words after byte `at` of `text` end.
pub(super) fn words_after(text: &str, at: usize, n: usize) -> usize {
    let mut end = at;
    for _ in 0..n {
        let rest = &text[end..];
        let skipped = rest.len() - rest.trim_start().len();
        match rest[skipped..].find(char::is_whitespace) {
            Some(space) => end += skipped + space,
            None => return text.len(),
        }
    }
    end
}

/// The sentence a design's finding goes on: where the decision starts, else the first piece's.
fn anchor(adr: &Adr, first_piece: usize) -> usize {
    decision(adr).unwrap_or(first_piece)
}

/// A sentence, not a heading nor a bare title line ("Embedding backfill (note, 2023-09-18)").
pub fn readable(sentence: &Sentence) -> bool {
    let text = sentence.text.trim();
    !sentence.quoted
        && sentence.block != Block::Heading
        && (text.ends_with(['.', ':', ';', '!']) || sentence.block == Block::ListItem)
        && text.split_whitespace().count() >= 3
}

/// The index of the sentence where the record's decision starts: the first sentence of its
/// decision text (a chosen option's included), else a summary of what the record does.
pub fn decision(adr: &Adr) -> Option<usize> {
    adr.sentences
        .iter()
        .position(|s| {
            readable(s)
                && (s.kind == SectionKind::Decision
                    || matches!(s.option, OptionRole::ChosenTitle | OptionRole::ChosenBody))
        })
        .or_else(|| {
            adr.sentences
                .iter()
                .position(|s| readable(s) && is_summary(&s.text))
        })
}

/// The head of a sentence that a label underlines: up to its first clause break, at most about
/// a line, ending at a word.
fn head(text: &str) -> Range<usize> {
    const MAX: usize = 80;
    let start = text.len() - text.trim_start().len();
    let mut end = text.trim_end().len();
    if let Some(stop) = text[start..end].find(['.', ';', ':']).map(|i| start + i)
        && stop > start
    {
        end = stop;
    }
    if end - start > MAX {
        let cut = floor_char_boundary(text, start + MAX);
        end = text[start..cut].rfind(' ').map_or(cut, |i| start + i);
    }
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_states_what_the_record_does() {
        assert!(is_summary(
            "This document describes a design of a JetStream backed object store."
        ));
        assert!(is_summary(
            "We propose to replicate each shard three times."
        ));
        assert!(is_summary("This RFC proposes a new gossip layer."));
        assert!(!is_summary("The document store describes each tenant."));
        assert!(!is_summary("We considered a proposal from the vendor."));
    }

    #[test]
    fn the_head_of_a_sentence_ends_at_its_first_clause() {
        let text = "Implement the design below: shards, replicas and leases.";
        assert_eq!(&text[head(text)], "Implement the design below");
        let long = "word ".repeat(40);
        let range = head(&long);
        assert!(range.len() <= 80 && long[range].ends_with("word"));
    }
}
