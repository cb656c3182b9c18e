//! Turns a `toml` deserialization error into a [`Problem`] with a span and, for unknown keys
//! and unknown variants, a "did you mean".

use std::sync::LazyLock;

use regex::Regex;

use crate::diag::Problem;
use crate::source::FileId;
use crate::suggest::did_you_mean;

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
            problem = problem.note(format!("expected one of {}", crate::suggest::one_of(&list)));
        }
    }
    problem
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
}
