//! Python: `pyproject.toml` (PEP 621 `project.dependencies` and `optional-dependencies`,
//! PEP 735 `dependency-groups`, Poetry's `tool.poetry` dependencies and groups) and
//! `requirements*.txt` (a line scanner). Both name packages with PEP 508 requirement strings.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{Dependency, ParseError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Pyproject {
    project: Project,
    tool: Tool,
    #[serde(rename = "dependency-groups")]
    dependency_groups: BTreeMap<String, Vec<Spanned<toml::Value>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Project {
    dependencies: Vec<Spanned<String>>,
    #[serde(rename = "optional-dependencies")]
    optional_dependencies: BTreeMap<String, Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Tool {
    poetry: Poetry,
}

type PoetryTable = BTreeMap<Spanned<String>, toml::Value>;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Poetry {
    dependencies: PoetryTable,
    #[serde(rename = "dev-dependencies")]
    dev_dependencies: PoetryTable,
    group: BTreeMap<String, PoetryGroup>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PoetryGroup {
    dependencies: PoetryTable,
}

pub fn parse_pyproject(text: &str) -> Result<Vec<Dependency>, ParseError> {
    let raw: Pyproject = toml::from_str(text).map_err(|e| ParseError::toml(&e, text))?;
    let mut out = Vec::new();
    let optional = raw.project.optional_dependencies.values().flatten();
    for requirement in raw.project.dependencies.iter().chain(optional) {
        if let Some(dep) = from_toml_string(text, requirement.get_ref(), requirement.span()) {
            out.push(dep);
        }
    }
    for entry in raw.dependency_groups.values().flatten() {
        // Entries are requirement strings or `{include-group = "…"}` tables.
        if let Some(requirement) = entry.get_ref().as_str()
            && let Some(dep) = from_toml_string(text, requirement, entry.span())
        {
            out.push(dep);
        }
    }
    let poetry = &raw.tool.poetry;
    let groups = poetry.group.values().map(|g| &g.dependencies);
    for table in [&poetry.dependencies, &poetry.dev_dependencies]
        .into_iter()
        .chain(groups)
    {
        for (key, value) in table {
            let name = key.get_ref();
            if name.eq_ignore_ascii_case("python") {
                continue;
            }
            // `dask = { version = "*", extras = ["distributed"] }` is `dask[distributed]`.
            let extras: Vec<&str> = value
                .get("extras")
                .and_then(toml::Value::as_array)
                .map(|list| list.iter().filter_map(toml::Value::as_str).collect())
                .unwrap_or_default();
            let shown = if extras.is_empty() {
                name.clone()
            } else {
                format!("{name}[{}]", extras.join(","))
            };
            out.push(Dependency::new(shown, key.span()));
        }
    }
    out.sort_by_key(|d| d.span.start);
    Ok(out)
}

/// A requirement string in TOML: the span narrows from the whole string (quotes included) to
/// the name and extras when the raw text shows them right after the opening quote.
fn from_toml_string(text: &str, requirement: &str, span: Range<usize>) -> Option<Dependency> {
    let name = requirement_name(requirement)?;
    let shown = requirement[name.clone()].to_string();
    let raw = text.get(span.clone()).unwrap_or("");
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    let start = span.start + quote + name.start;
    let narrowed = start..start + shown.len();
    let span = if text.get(narrowed.clone()) == Some(shown.as_str()) {
        narrowed
    } else {
        span
    };
    Some(Dependency::new(shown, span))
}

/// The span of a PEP 508 requirement's name and extras (`dask[distributed]` in
/// `dask[distributed]>=2024; python_version>"3.9"`), if it starts with a valid name that a
/// version, marker, URL or the end follows.
pub fn requirement_name(requirement: &str) -> Option<Range<usize>> {
    let bytes = requirement.as_bytes();
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let is_name = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
    let mut end = start;
    while end < bytes.len() && is_name(bytes[end]) {
        end += 1;
    }
    if end == start || !bytes[start].is_ascii_alphanumeric() {
        return None;
    }
    let mut rest = end;
    while rest < bytes.len() && bytes[rest] == b' ' {
        rest += 1;
    }
    if bytes.get(rest) == Some(&b'[') {
        let close = requirement[rest..].find(']')? + rest;
        end = close + 1;
        rest = end;
        while rest < bytes.len() && bytes[rest].is_ascii_whitespace() {
            rest += 1;
        }
    }
    // What may follow a name: a version specifier, a marker, a URL, or nothing.
    match bytes.get(rest) {
        None | Some(b'=' | b'<' | b'>' | b'!' | b'~' | b';' | b'@' | b'(' | b',') => {
            Some(start..end)
        }
        Some(b) if b.is_ascii_whitespace() => Some(start..end),
        _ => None,
    }
}

/// `requirements*.txt`: one requirement a line. Comments, options (`-r`, `-e`,
/// `--index-url`), paths, URLs and continuation lines name no package here and are skipped.
pub fn parse_requirements(text: &str) -> Vec<Dependency> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut continued = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let was_continued = continued;
        continued = content.ends_with('\\');
        if was_continued {
            continue;
        }
        // A `#` starts a comment at the line's start or after white space.
        let end = content
            .char_indices()
            .find(|&(i, c)| {
                c == '#' && (i == 0 || content[..i].ends_with(|p: char| p.is_whitespace()))
            })
            .map_or(content.len(), |(i, _)| i);
        let requirement = content[..end].trim_end_matches('\\');
        let trimmed = requirement.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('-') {
            continue;
        }
        if let Some(name) = requirement_name(requirement) {
            let shown = requirement[name.clone()].to_string();
            out.push(Dependency::new(shown, start + name.start..start + name.end));
        }
    }
    out
}

/// Matching names for a requirement: PEP 503-normalised, without and with each extra.
pub fn candidates(name: &str) -> Vec<String> {
    let (base, extras) = match name.split_once('[') {
        Some((base, rest)) => (base, rest.trim_end_matches(']')),
        None => (name, ""),
    };
    let base = normalise(base);
    let mut out = vec![base.clone()];
    for extra in extras.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        out.push(format!("{base}[{}]", normalise(extra)));
    }
    out
}

/// PEP 503: lower case, runs of `-`, `_` and `.` become one `-`.
fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_run = false;
    for c in name.trim().chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_run {
                out.push('-');
            }
            in_run = true;
        } else {
            out.push(c.to_ascii_lowercase());
            in_run = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, deps: Vec<Dependency>) -> Vec<(String, String)> {
        deps.into_iter()
            .map(|d| (d.name, text[d.span].to_string()))
            .collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn pep_621_and_dependency_groups() {
        let text = r#"
[project]
name = "x"
dependencies = ["pyspark>=3.5", 'kafka-python==2.0.2 ; python_version > "3.8"']

[project.optional-dependencies]
cluster = ["dask[distributed] >= 2024.1"]

[dependency-groups]
dev = ["pytest", {include-group = "cluster"}]
"#;
        let deps = match parse_pyproject(text) {
            Ok(deps) => deps,
            Err(error) => panic!("{error:?}"),
        };
        assert_eq!(
            shown(text, deps),
            pairs(&[
                ("pyspark", "pyspark"),
                ("kafka-python", "kafka-python"),
                ("dask[distributed]", "dask[distributed]"),
                ("pytest", "pytest"),
            ])
        );
    }

    #[test]
    fn poetry_tables_and_groups() {
        let text = r#"
[tool.poetry.dependencies]
python = "^3.11"
apache-airflow = "^2.8"
dask = { version = "*", extras = ["distributed"] }

[tool.poetry.group.test.dependencies]
pytest = "*"
"#;
        let deps = match parse_pyproject(text) {
            Ok(deps) => deps,
            Err(error) => panic!("{error:?}"),
        };
        assert_eq!(
            shown(text, deps),
            pairs(&[
                ("apache-airflow", "apache-airflow"),
                ("dask[distributed]", "dask"),
                ("pytest", "pytest"),
            ])
        );
    }

    #[test]
    fn requirements_lines() {
        let text = "# pinned\n\
                    pyspark==3.5.1  # the engine\n\
                    -r base.txt\n\
                    --index-url https://example.org/simple\n\
                    confluent-kafka[avro]>=2.3 \\\n    --hash=sha256:abc\n\
                    ./local-package\n\
                    https://example.org/x.whl\n\
                    ray @ https://example.org/ray.whl\n\
                    \n\
                    Apache_Flink\n";
        assert_eq!(
            shown(text, parse_requirements(text)),
            pairs(&[
                ("pyspark", "pyspark"),
                ("confluent-kafka[avro]", "confluent-kafka[avro]"),
                ("ray", "ray"),
                ("Apache_Flink", "Apache_Flink"),
            ])
        );
    }

    #[test]
    fn names_normalise_with_extras() {
        assert_eq!(
            candidates("Dask[Distributed, dataframe]"),
            vec!["dask", "dask[distributed]", "dask[dataframe]"]
        );
        assert_eq!(candidates("Apache_Flink"), vec!["apache-flink"]);
        assert_eq!(requirement_name("x!=1"), Some(0..1));
        assert_eq!(requirement_name("https://x"), None);
        assert_eq!(requirement_name("[x]"), None);
    }
}
