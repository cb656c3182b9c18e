//! `adrlint explain RULE`: the rule's long explanation, from its pack.

use serde::Serialize;

use super::rules::load_for_listing;
use super::{EXIT_ERROR, EXIT_OK, print_problems, print_stdout};
use crate::cli::{ColorChoice, ExplainArgs, ListFormat};
use crate::diag::Problem;
use crate::source::SourceMap;
use crate::suggest::did_you_mean;

#[derive(Serialize)]
struct Explanation<'a> {
    id: &'a str,
    summary: &'a str,
    kind: &'static str,
    severity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    requires: Option<&'static str>,
    sections: Vec<&'static str>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    pack: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    extends: Option<&'static str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    names: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    lookalikes: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    products: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pieces: Vec<PieceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_pieces: Option<usize>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    fires: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    passes: &'a [String],
    explanation: &'a str,
}

/// One piece of machinery a design rule counts.
#[derive(Serialize)]
struct PieceOut<'a> {
    name: &'a str,
    names: &'a [String],
}

pub fn run(args: &ExplainArgs) -> u8 {
    let mut sources = SourceMap::default();
    let (set, _) = match load_for_listing(args.config.as_deref(), &mut sources) {
        Ok(loaded) => loaded,
        Err(problems) => {
            print_problems(&problems, &sources, ColorChoice::Auto);
            return EXIT_ERROR;
        }
    };
    let Some(rule) = set.get(&args.rule) else {
        let mut problem = Problem::error(
            "unknown-rule",
            format!("no rule has the id `{}`", args.rule),
        );
        if let Some(suggestion) = did_you_mean(&args.rule, set.ids()) {
            problem = problem.help(format!("did you mean `{suggestion}`?"));
        }
        print_problems(
            &[problem.note("`adrlint rules` lists every rule id")],
            &sources,
            ColorChoice::Auto,
        );
        return EXIT_ERROR;
    };
    let explanation = Explanation {
        id: &rule.id,
        summary: &rule.summary,
        kind: rule.kind.id(),
        severity: rule.severity.to_string(),
        requires: rule.requires.map(|c| c.id()),
        sections: rule.sections.iter().map(|s| s.id()).collect(),
        message: &rule.message,
        help: rule.help.as_deref(),
        pack: &rule.pack,
        extends: rule.check.map(|c| c.id()),
        names: &rule.names,
        lookalikes: &rule.lookalikes,
        products: &rule.products,
        pieces: rule
            .pieces
            .iter()
            .map(|p| PieceOut {
                name: &p.name,
                names: &p.names,
            })
            .collect(),
        min_pieces: (rule.check == Some(crate::rules::Check::Design)).then_some(rule.min_pieces),
        fires: &rule.fires,
        passes: &rule.passes,
        explanation: rule.explain.trim(),
    };
    let text = match args.format {
        ListFormat::Json => {
            let mut json = serde_json::to_string_pretty(&explanation).unwrap_or_default();
            json.push('\n');
            json
        }
        ListFormat::Human => {
            let mut out = format!("# {} — {}\n\n", explanation.id, explanation.summary);
            out.push_str(&format!(
                "kind: {}    default severity: {}",
                explanation.kind, explanation.severity
            ));
            if let Some(requires) = explanation.requires {
                out.push_str(&format!("    requires: {requires}"));
            }
            out.push_str(&format!(
                "\nsections: {}    pack: {}\n\n",
                explanation.sections.join(", "),
                explanation.pack
            ));
            out.push_str(&format!("message: {}\n", explanation.message));
            if let Some(help) = explanation.help {
                out.push_str(&format!("help: {help}\n"));
            }
            if let Some(check) = explanation.extends {
                out.push_str(&format!("extends: {check}\n"));
            }
            for (label, list) in [
                ("names", explanation.names),
                ("look-alikes", explanation.lookalikes),
                ("products", explanation.products),
            ] {
                if !list.is_empty() {
                    out.push_str(&format!("{label}: {}\n", list.join(", ")));
                }
            }
            if let Some(min) = explanation.min_pieces {
                out.push_str(&format!("a design: at least {min} of these pieces\n"));
            }
            for piece in &explanation.pieces {
                out.push_str(&format!("  {}: {}\n", piece.name, piece.names.join(", ")));
            }
            out.push('\n');
            out.push_str(explanation.explanation);
            out.push('\n');
            for (heading, list) in [
                ("Examples that fire", explanation.fires),
                ("Examples that do not fire", explanation.passes),
            ] {
                if !list.is_empty() {
                    out.push_str(&format!("\n## {heading}\n\n"));
                    for example in list {
                        out.push_str(&format!("- {example}\n"));
                    }
                }
            }
            out
        }
    };
    print_stdout(&text);
    EXIT_OK
}
