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
    explanation: &'a str,
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
            out.push('\n');
            out.push_str(explanation.explanation);
            out.push('\n');
            out
        }
    };
    print_stdout(&text);
    EXIT_OK
}
