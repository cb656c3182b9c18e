//! `Cargo.toml`: every dependency table (normal, dev, build, per target, and the
//! workspace's), read with `toml` and the span of each dependency's key.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Dependency, ParseError};

type Table = BTreeMap<Spanned<String>, toml::Value>;

/// The dependency tables of a package or of one `[target.<cfg>]` table. Every other key of
/// Cargo.toml is ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Tables {
    dependencies: Table,
    #[serde(rename = "dev-dependencies", alias = "dev_dependencies")]
    dev_dependencies: Table,
    #[serde(rename = "build-dependencies", alias = "build_dependencies")]
    build_dependencies: Table,
}

/// The package's own tables are spelt out rather than `#[serde(flatten)]`ed: flattening
/// buffers the values and loses the key spans.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Manifest {
    dependencies: Table,
    #[serde(rename = "dev-dependencies", alias = "dev_dependencies")]
    dev_dependencies: Table,
    #[serde(rename = "build-dependencies", alias = "build_dependencies")]
    build_dependencies: Table,
    target: BTreeMap<String, Tables>,
    workspace: Workspace,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Workspace {
    dependencies: Table,
}

pub fn parse(text: &str) -> Result<Vec<Dependency>, ParseError> {
    let manifest: Manifest = toml::from_str(text).map_err(|e| ParseError::toml(&e, text))?;
    let mut out = Vec::new();
    let mut add = |table: &Table| {
        for (key, value) in table {
            // `kafka = { package = "rdkafka" }` renames: the crate is what it shows.
            let name = value
                .get("package")
                .and_then(toml::Value::as_str)
                .unwrap_or(key.get_ref());
            out.push(Dependency::new(name, key.span()));
        }
    };
    add(&manifest.dependencies);
    add(&manifest.dev_dependencies);
    add(&manifest.build_dependencies);
    for tables in manifest.target.values() {
        add(&tables.dependencies);
        add(&tables.dev_dependencies);
        add(&tables.build_dependencies);
    }
    add(&manifest.workspace.dependencies);
    out.sort_by_key(|d| d.span.start);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        match parse(text) {
            Ok(deps) => deps
                .into_iter()
                .map(|d| (d.name, text[d.span].to_string()))
                .collect(),
            Err(error) => panic!("should parse: {error:?}"),
        }
    }

    #[test]
    fn reads_every_kind_of_dependency_table() {
        let text = r#"
[package]
name = "x"

[dependencies]
rdkafka = "0.36"
kafka = { package = "openraft", version = "0.9" }

[dev-dependencies]
tempfile = "3"

[build-dependencies.cc]
version = "1"

[target.'cfg(unix)'.dependencies]
raft = "0.7"

[workspace.dependencies]
"async-raft" = "0.6"
"#;
        assert_eq!(
            names(text),
            vec![
                ("rdkafka".to_string(), "rdkafka".to_string()),
                ("openraft".to_string(), "kafka".to_string()),
                ("tempfile".to_string(), "tempfile".to_string()),
                ("cc".to_string(), "cc".to_string()),
                ("raft".to_string(), "raft".to_string()),
                ("async-raft".to_string(), "\"async-raft\"".to_string()),
            ]
        );
    }

    #[test]
    fn no_dependencies_is_fine() {
        assert_eq!(names("[package]\nname = \"x\"\n"), vec![]);
    }

    #[test]
    fn syntax_error_has_a_span() {
        let text = "[dependencies]\nrdkafka = \n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        assert!(error.span.is_some(), "{error:?}");
    }

    #[test]
    fn wrong_shape_is_an_error() {
        let text = "dependencies = \"rdkafka\"\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        assert!(error.message.contains("invalid type"), "{error:?}");
    }
}
