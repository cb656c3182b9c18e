//! Problems about what a TOML file says: a `toml` deserialization error with a span and, for
//! unknown keys and unknown variants, a "did you mean"; a value outside its closed set; a
//! pattern that does not compile. Shared by the manifest, the rule packs and the evidence pack.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use toml::Spanned;

use crate::diag::Problem;
use crate::source::FileId;
use crate::suggest::{did_you_mean, one_of};

static UNKNOWN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"unknown (field|variant) `([^`]*)`, expected (.*)").ok());
static QUOTED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"`([^`]*)`").ok());

pub fn toml_problem(file: FileId, what: &str, error: &toml::de::Error, text_len: usize) -> Problem {
    let message = error.message().trim().to_string();
    let span = error
        .span()
        .map(|s| s.start.min(text_len)..s.end.min(text_len))
        .unwrap_or(0..0);
    let mut problem = Problem::error("invalid-config", format!("{what}: {message}"));
    problem = problem.at(file, span, label_for(&message));
    if let Some((given, expected)) = unknown_and_expected(&message) {
        if let Some(suggestion) = did_you_mean(&given, expected.iter().map(String::as_str)) {
            problem = problem.help(format!("did you mean `{suggestion}`?"));
        }
        if !expected.is_empty() {
            let list: Vec<&str> = expected.iter().map(String::as_str).collect();
            problem = problem.note(format!("expected one of {}", one_of(&list)));
        }
    }
    problem
}

/// `value` if it is one of `allowed`; otherwise `None`, and a `code` error at its span that
/// suggests the closest allowed value and lists them all.
pub fn closed_value<'v>(
    code: &'static str,
    value: &'v Spanned<String>,
    allowed: &[&'v str],
    what: &str,
    file: FileId,
    problems: &mut Vec<Problem>,
) -> Option<&'v str> {
    let given = value.get_ref().as_str();
    if let Some(found) = allowed.iter().find(|a| **a == given) {
        return Some(found);
    }
    let mut problem = Problem::error(code, format!("unknown {what} `{given}`")).at(
        file,
        value.span(),
        format!("not a {what}"),
    );
    if let Some(suggestion) = did_you_mean(given, allowed.iter().copied()) {
        problem = problem.help(format!("did you mean `{suggestion}`?"));
    }
    problems.push(problem.note(format!("expected {}", one_of(allowed))));
    None
}

/// A `code` error for a pattern at `span` that does not compile; the size limit, the one
/// failure a valid-looking pattern hits, gets advice instead of the bare error.
pub fn regex_problem(
    code: &'static str,
    message: &str,
    file: FileId,
    span: Range<usize>,
    error: &regex::Error,
) -> Problem {
    let note = match error {
        regex::Error::CompiledTooBig(limit) => {
            format!("pattern compiles to more than the {limit}-byte limit; simplify it or split it")
        }
        other => other.to_string(),
    };
    Problem::error(code, message.to_string())
        .at(file, span, "this pattern does not compile")
        .note(note)
}

fn label_for(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "unknown key"
    } else if message.starts_with("unknown variant") {
        "unknown value"
    } else if message.starts_with("invalid type") {
        "wrong type"
    } else if message.starts_with("missing field") {
        "missing key in this table"
    } else if message.starts_with("duplicate key") {
        "duplicate key"
    } else {
        "here"
    }
}

fn unknown_and_expected(message: &str) -> Option<(String, Vec<String>)> {
    let unknown = UNKNOWN.as_ref()?;
    let quoted = QUOTED.as_ref()?;
    let captures = unknown.captures(message)?;
    let given = captures.get(2)?.as_str().to_string();
    let expected = quoted
        .captures_iter(captures.get(3)?.as_str())
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .collect();
    Some((given, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_unknown_key_and_expected_list() {
        let (given, expected) =
            unknown_and_expected("unknown field `categry`, expected `name` or `category`")
                .unwrap_or_default();
        assert_eq!(given, "categry");
        assert_eq!(expected, vec!["name", "category"]);
    }

    #[test]
    fn closed_value_suggests_and_lists() {
        #[derive(serde::Deserialize)]
        struct Raw {
            level: Spanned<String>,
            other: Spanned<String>,
        }
        let text = "level = \"eror\"\nother = \"warning\"";
        let Ok(raw) = toml::from_str::<Raw>(text) else {
            panic!("test TOML parses")
        };
        let mut problems = Vec::new();
        let allowed = ["error", "warning"];
        let found = closed_value("code", &raw.level, &allowed, "level", 0, &mut problems);
        assert_eq!(found, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "unknown level `eror`");
        assert_eq!(
            problems[0].notes,
            [
                "help: did you mean `error`?",
                "expected `error` or `warning`"
            ]
        );
        let span = problems[0].primary.as_ref().map(|l| l.span.clone());
        assert_eq!(span, text.find("\"eror\"").map(|at| at..at + 6));
        let mut none = Vec::new();
        assert_eq!(
            closed_value("code", &raw.other, &allowed, "level", 0, &mut none),
            Some("warning")
        );
        assert!(none.is_empty());
    }
}
