//! The JSON Schema of `adrlint.toml` (`adrlint schema`, committed as
//! `docs/adrlint.schema.json`), generated with schemars from the manifest's raw serde types, so
//! that taplo and editors complete and check its keys.
//!
//! The schema knows the keys, the types and the closed sets of values (categories, levels,
//! file-name conventions, section kinds). What it cannot express stays the parser's to report:
//! glob syntax, and statuses listed twice in different case.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::{LEVELS, RawManifest};
use crate::category::Category;
use crate::hygiene::FileNameConvention;
use crate::hygiene::config::REQUIRABLE_SECTIONS;

/// Where the committed schema is published; `adrlint init` writes it in a `#:schema` line.
pub const SCHEMA_URL: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/raw/main/docs/adrlint.schema.json"
);

/// The schema as `adrlint schema` prints it: pretty JSON (draft 7, which taplo and the
/// editors' JSON language servers read) and a final newline.
pub fn json_schema() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawManifest>();
    let mut schema = schema.to_value();
    // TOML has no null: an optional key is one left out, never one set to null.
    drop_null(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Removes the `null` that schemars allows beside every `Option`, wherever it is.
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(any_of)) = map.get_mut("anyOf") {
                any_of.retain(|s| s.get("type").is_none_or(|t| t != "null"));
                if any_of.len() == 1 {
                    let only = any_of.remove(0);
                    map.remove("anyOf");
                    match only {
                        // Draft 7 ignores the siblings of a `$ref` (the description).
                        Value::Object(only) if only.contains_key("$ref") && !map.is_empty() => {
                            map.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
                        }
                        Value::Object(only) => {
                            for (key, value) in only {
                                map.entry(key).or_insert(value);
                            }
                        }
                        other => {
                            map.insert("allOf".into(), Value::Array(vec![other]));
                        }
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// A string from a closed list, described for editors.
fn one_of(ids: &[&str], description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "enum": ids,
        "description": description,
    })
}

/// `[team] category`.
pub(super) struct CategoryId;

impl JsonSchema for CategoryId {
    fn schema_name() -> Cow<'static, str> {
        "Category".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut description =
            String::from("A category, from least to most that a team may decide:");
        for category in Category::ALL {
            description.push_str(&format!("\n- `{}`: {}", category.id(), category.describe()));
        }
        one_of(&Category::IDS, &description)
    }
}

/// `[adr] file-name`.
pub(super) struct FileNameId;

impl JsonSchema for FileNameId {
    fn schema_name() -> Cow<'static, str> {
        "FileNameConvention".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(
            &FileNameConvention::IDS,
            "`nnnn-kebab` (0001-use-kafka.md), `date-kebab` (2021-03-04-use-kafka.md), `any`, \
             or `auto`: whichever scheme most of the log uses",
        )
    }
}

/// An entry of `[adr.required-sections]`.
pub(super) struct SectionId;

impl JsonSchema for SectionId {
    fn schema_name() -> Cow<'static, str> {
        "SectionKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(&REQUIRABLE_SECTIONS, "A kind of section an ADR must have")
    }
}

/// A value of `[rules.severity]`.
pub(super) struct LevelId;

impl JsonSchema for LevelId {
    fn schema_name() -> Cow<'static, str> {
        "Level".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(&LEVELS, "The rule's severity, or `off` to leave it out")
    }
}

/// `[adr] statuses`: at least one, each starting with a letter or digit. The parser compares
/// them trimmed and in lower case; the schema, which cannot, rejects only exact repeats, and
/// takes any non-ASCII first character (JSON Schema regexes in editors know no Unicode classes).
pub(super) struct Statuses;

impl JsonSchema for Statuses {
    fn schema_name() -> Cow<'static, str> {
        "Statuses".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
                "type": "string",
                "pattern": "^\\s*[^\\s\\x00-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F]",
            },
        })
    }
}

/// `[adr] extend-statuses`: like [`Statuses`], but may be empty.
pub(super) struct ExtendStatuses;

impl JsonSchema for ExtendStatuses {
    fn schema_name() -> Cow<'static, str> {
        "ExtendStatuses".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "uniqueItems": true,
            "items": {
                "type": "string",
                "pattern": "^\\s*[^\\s\\x00-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F]",
            },
        })
    }
}
