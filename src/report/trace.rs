//! `check --explain-matches`: the engine's reading of each decision sentence, as plain text.
//!
//! ```text
//! docs/adr/0007-scheduler.md (judged as framework-user)
//!   14:1 decision: We will build our own job scheduler.
//!     "job scheduler" own-scheduler: claim, make-verb "build our own job scheduler"
//!     "Kafka" adopt-kafka: no construction of adopting holds it
//! ```

use std::fmt::Write;

use crate::category::Category;
use crate::engine::trace::{Trace, What};
use crate::engine::{Polarity, Skip, Verdict};
use crate::source::SourceFile;

/// The longest sentence text shown, in characters.
const SHOWN: usize = 160;

pub fn render(trace: &Trace<'_>, shown: &str, text: &str, category: Option<Category>) -> String {
    let file = SourceFile::new(shown.to_string(), std::sync::Arc::<str>::from(text));
    let mut out = String::new();
    let judged = match category {
        Some(category) => format!("judged as {category}"),
        None => "no team category: nothing is judged".to_string(),
    };
    let _ = writeln!(out, "{shown} ({judged})");
    for line in &trace.lines {
        let sentence = line.sentence;
        let (row, column) = file.line_col(sentence.span().start);
        let kind = sentence.kind.id();

        let _ = writeln!(out, "  {row}:{column} {kind}: {}", clip(&sentence.text));
        if line.mentions.is_empty() {
            let _ = writeln!(out, "    (no rule names a thing here)");
        }
        for mention in &line.mentions {
            let words = sentence.text.get(mention.span.clone()).unwrap_or_default();
            let words_of = |span: &std::ops::Range<usize>| {
                sentence
                    .text
                    .get(span.clone())
                    .unwrap_or_default()
                    .to_string()
            };
            let said = match &mention.what {
                What::NotRead => "not decision text; not read".to_string(),
                What::Named(Verdict::Claim { span, construction }) => {
                    format!("claim, {} \"{}\"", construction.id(), words_of(span))
                }
                What::Named(Verdict::Lookalike) => "a look-alike holds it; no claim".to_string(),
                What::Named(Verdict::NoConstruction) => {
                    "no construction of the rule's check holds it".to_string()
                }
                What::Named(Verdict::NotOwned { construction }) => format!(
                    "{} holds a plain name, which needs ownership (\"our own\", \"custom\"); no claim",
                    construction.id()
                ),
                What::Named(Verdict::Product { span, construction }) => format!(
                    "{} \"{}\" names a product: configuration, no claim",
                    construction.id(),
                    words_of(span)
                ),
                What::Named(Verdict::NotAsserted {
                    span,
                    construction,
                    polarity,
                }) => format!(
                    "{} \"{}\" but {}",
                    construction.id(),
                    words_of(span),
                    polarity_said(polarity)
                ),
                What::Pattern(Some(Polarity::Asserted)) => "claim, pattern".to_string(),
                What::Pattern(Some(polarity)) => format!("pattern, {}", polarity_said(polarity)),
                What::Pattern(None) => "pattern, excluded by the rule".to_string(),
                What::Piece { piece, counted } => match counted {
                    Ok(()) => format!("piece \"{piece}\", counted"),
                    Err(Skip::Lookalike) => format!("piece \"{piece}\": a look-alike holds it"),
                    Err(Skip::Product(product)) => {
                        format!("piece \"{piece}\": configures a product (\"{product}\")")
                    }
                    Err(Skip::NotAsserted) => format!(
                        "piece \"{piece}\": {}",
                        polarity_said(&crate::engine::polarity(
                            &sentence.text,
                            mention.span.clone()
                        ))
                    ),
                },
            };
            let _ = writeln!(out, "    \"{words}\" {}: {said}", mention.rule);
        }
    }
    for design in &trace.designs {
        let verdict = if design.pieces.len() >= design.min {
            "a design"
        } else {
            "no design"
        };
        let _ = writeln!(
            out,
            "  design {}: {} pieces, {} needed ({}): {verdict}",
            design.rule,
            design.pieces.len(),
            design.min,
            if design.pieces.is_empty() {
                "none".to_string()
            } else {
                design.pieces.join(", ")
            }
        );
    }
    let claims: Vec<String> = trace
        .findings
        .iter()
        .map(|f| {
            let (row, column) = file.line_col(f.span.start);
            format!("{}@{row}:{column}", f.rule)
        })
        .collect();
    let _ = writeln!(
        out,
        "  reported: {}",
        if claims.is_empty() {
            "nothing".to_string()
        } else {
            claims.join(", ")
        }
    );
    out
}

fn polarity_said(polarity: &Polarity) -> String {
    match polarity.cue() {
        Some(cue) => format!("{} (cue \"{}\")", polarity.name(), cue.text),
        None => polarity.name().to_string(),
    }
}

fn clip(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
