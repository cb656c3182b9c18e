//! The JSON Schema of adrlint.toml (`docs/adrlint.schema.json`): in step with the config types,
//! accepting every fixture's manifest that adrlint accepts and rejecting the malformed ones, and
//! agreeing with the manifest parser key by key.

mod common;

use std::path::{Path, PathBuf};

use adrlint::category::Category;
use adrlint::manifest::{Layout, init_template, json_schema, parse_str};
use adrlint::source::SourceMap;
use common::{Repo, fixture};
use serde_json::Value;

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/adrlint.schema.json");

/// The fixtures whose manifest is wrong on purpose: the schema must reject them too.
const MALFORMED: [&str; 3] = ["bad-category", "unknown-key", "wrong-type"];

fn validator() -> jsonschema::Validator {
    let schema: Value = match serde_json::from_str(&json_schema()) {
        Ok(schema) => schema,
        Err(error) => panic!("the schema is not JSON: {error}"),
    };
    match jsonschema::validator_for(&schema) {
        Ok(validator) => validator,
        Err(error) => panic!("the schema does not compile: {error}"),
    }
}

/// The schema's errors for manifest `text`, or the TOML error if it is no TOML at all.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: Value = match toml::from_str(text) {
        Ok(value) => value,
        Err(error) => return vec![format!("not TOML: {error}")],
    };
    validator
        .iter_errors(&value)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

fn parser_accepts(text: &str) -> bool {
    parse_str(
        Path::new("/repo/adrlint.toml"),
        text,
        &mut SourceMap::default(),
    )
    .is_ok()
}

fn manifests_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            manifests_below(&path, out);
        } else if adrlint::manifest::FILE_NAMES
            .contains(&entry.file_name().to_string_lossy().as_ref())
        {
            out.push(path);
        }
    }
}

#[test]
fn the_committed_schema_is_in_step_with_the_config_types() {
    let run = Repo::new().run(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, json_schema());
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == run.stdout,
        "docs/adrlint.schema.json is stale: run `cargo run -q -- schema > docs/adrlint.schema.json`"
    );
}

#[test]
fn the_schema_is_a_valid_draft_7_schema_that_rejects_unknown_keys() {
    let schema: Value = serde_json::from_str(&json_schema()).unwrap();
    assert!(jsonschema::meta::is_valid(&schema));
    assert_eq!(
        schema["$schema"], "http://json-schema.org/draft-07/schema#",
        "taplo and editors read draft 7"
    );
    assert_eq!(schema["additionalProperties"], false);
    for table in ["Team", "Adr", "RequiredSections", "Rules"] {
        assert_eq!(
            schema["definitions"][table]["additionalProperties"], false,
            "{table}"
        );
    }
    let text = json_schema();
    assert!(!text.contains("\"null\""), "TOML has no null:\n{text}");
}

#[test]
fn every_fixture_manifest_is_judged_alike_by_the_schema_and_adrlint() {
    let validator = validator();
    let mut manifests = Vec::new();
    manifests_below(&fixture(""), &mut manifests);
    manifests.sort();
    assert!(manifests.len() > 40, "{manifests:?}");
    let mut rejected = Vec::new();
    for path in &manifests {
        let text = std::fs::read_to_string(path).unwrap();
        let errors = schema_errors(&validator, &text);
        let malformed = MALFORMED
            .iter()
            .any(|name| path.parent() == Some(fixture(name).as_path()));
        if malformed {
            assert!(!errors.is_empty(), "the schema accepts {}", path.display());
            assert!(!parser_accepts(&text), "adrlint accepts {}", path.display());
            rejected.push(path.clone());
        } else {
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            assert!(parser_accepts(&text), "adrlint rejects {}", path.display());
        }
    }
    assert_eq!(rejected.len(), MALFORMED.len(), "{rejected:?}");
}

#[test]
fn a_misspelt_key_is_rejected_anywhere() {
    let validator = validator();
    for text in [
        "[team]\ncategry = \"framework-user\"\n",
        "[team]\ncategory = \"framework-user\"\nnmae = \"x\"\n",
        "[taem]\ncategory = \"framework-user\"\n",
        "[adr]\npath = [\"docs/adr\"]\n",
        "[adr]\nmax_file_size = 10\n",
        "[adr.required-sections]\nnygrad = [\"context\"]\n",
        "[rule]\ninclude = []\n",
        "[rules]\nincludes = []\n",
        "[rules.per-file-ignore]\n\"a/*\" = [\"number-gap\"]\n",
    ] {
        let errors = schema_errors(&validator, text);
        assert!(
            errors.iter().any(|e| e.contains("not allowed")),
            "{text}: {errors:?}"
        );
        assert!(!parser_accepts(text), "{text}");
    }
}

/// Manifests the schema and the parser must both accept or both reject: every key, and every
/// closed set of values.
#[test]
fn the_schema_accepts_exactly_what_the_parser_accepts() {
    let validator = validator();
    let cases: &[(&str, bool)] = &[
        ("", true),
        ("[team]\n", false),
        ("[team]\nname = \"x\"\n", false),
        ("[team]\ncategory = \"framework-creator\"\n", true),
        (
            "[team]\ncategory = \"data-product-user\"\nname = \"x\"\n",
            true,
        ),
        ("[team]\ncategory = \"framework-usr\"\n", false),
        ("[team]\ncategory = \"Framework-User\"\n", false),
        ("[team]\ncategory = 3\n", false),
        ("[team]\ncategory = \"framework-user\"\nname = 3\n", false),
        ("[adr]\n", true),
        (
            "[adr]\npaths = [\"docs/adr\", \".\"]\nexclude = [\"*.tmp\"]\n",
            true,
        ),
        ("[adr]\npaths = \"docs/adr\"\n", false),
        ("[adr]\npaths = [1]\n", false),
        ("[adr]\nexclude = [true]\n", false),
        ("[adr]\nmax-file-size = 1\n", true),
        ("[adr]\nmax-file-size = 0\n", false),
        ("[adr]\nmax-file-size = -5\n", false),
        ("[adr]\nmax-file-size = 1.5\n", false),
        ("[adr]\nmax-file-size = \"10MB\"\n", false),
        (
            "[adr]\nstatuses = [\"proposed\", \"In progress\", \"2nd\"]\n",
            true,
        ),
        ("[adr]\nstatuses = [\" accepted\"]\n", true),
        ("[adr]\nstatuses = [\"Überprüft\"]\n", true),
        ("[adr]\nstatuses = []\n", false),
        ("[adr]\nstatuses = [\"\"]\n", false),
        ("[adr]\nstatuses = [\"  \"]\n", false),
        ("[adr]\nstatuses = [\"-draft\"]\n", false),
        ("[adr]\nstatuses = [\"_x\"]\n", false),
        ("[adr]\nstatuses = [\"accepted\", \"accepted\"]\n", false),
        ("[adr]\nstatuses = \"accepted\"\n", false),
        ("[adr]\nfile-name = \"auto\"\n", true),
        ("[adr]\nfile-name = \"nnnn-kebab\"\n", true),
        ("[adr]\nfile-name = \"date-kebab\"\n", true),
        ("[adr]\nfile-name = \"any\"\n", true),
        ("[adr]\nfile-name = \"nnnn-kebap\"\n", false),
        ("[adr.required-sections]\n", true),
        (
            "[adr.required-sections]\nnygard = [\"status\", \"context\", \"decision\", \"options\", \"consequences\", \"summary\"]\nmadr = []\nlog4brains = [\"decision\"]\nrfc = [\"summary\"]\nkep = [\"summary\"]\ndesign-doc = [\"context\"]\nfree-form = [\"decision\", \"decision\"]\n",
            true,
        ),
        ("[adr.required-sections]\nnygard = [\"other\"]\n", false),
        (
            "[adr.required-sections]\nnygard = [\"consequence\"]\n",
            false,
        ),
        (
            "[adr.required-sections]\ndesign_doc = [\"context\"]\n",
            false,
        ),
        ("[adr.required-sections]\nnygard = \"context\"\n", false),
        ("[rules]\n", true),
        ("[rules]\ninclude = [\"packs/\", \"extra.toml\"]\n", true),
        ("[rules]\ninclude = \"packs/\"\n", false),
        (
            "[rules.severity]\n\"nih-rationale\" = \"error\"\nx = \"warning\"\ny = \"info\"\nz = \"off\"\n",
            true,
        ),
        ("[rules.severity]\nx = \"eror\"\n", false),
        ("[rules.severity]\nx = \"Error\"\n", false),
        ("[rules.severity]\nx = 1\n", false),
        ("[rules.severity]\nx = false\n", false),
        (
            "[rules.per-file-ignores]\n\"docs/adr/legacy/*\" = [\"number-gap\", \"hygiene\"]\n",
            true,
        ),
        (
            "[rules.per-file-ignores]\n\"a/*\" = \"number-gap\"\n",
            false,
        ),
        ("[rules]\nper_file_ignores = {}\n", false),
        ("team = 1\n", false),
        ("adr = []\n", false),
        ("category = \"framework-user\"\n", false),
    ];
    for (text, valid) in cases {
        let errors = schema_errors(&validator, text);
        assert_eq!(errors.is_empty(), *valid, "schema on {text:?}: {errors:?}");
        assert_eq!(parser_accepts(text), *valid, "adrlint on {text:?}");
    }
}

/// What only the parser can tell: the schema accepts these, adrlint reports them with a span.
#[test]
fn what_the_schema_cannot_express_is_left_to_the_parser() {
    let validator = validator();
    for text in [
        // Statuses compare trimmed and in lower case.
        "[adr]\nstatuses = [\"accepted\", \"Accepted\"]\n",
        // Glob syntax.
        "[adr]\nexclude = [\"docs/[adr\"]\n",
        "[rules.per-file-ignores]\n\"docs/{a\" = [\"number-gap\"]\n",
    ] {
        let errors = schema_errors(&validator, text);
        assert!(errors.is_empty(), "{text}: {errors:?}");
        assert!(!parser_accepts(text), "{text}");
    }
}

#[test]
fn what_init_writes_and_the_readme_shows_is_valid() {
    let validator = validator();
    let found = Layout {
        paths: vec![".".into(), "docs/adrs".into()],
        found: vec!["4 ADRs at the repository root".into()],
        statuses: vec!["accepted".into(), "in progress".into()],
        file_name: Some("nnnn-kebab"),
        number_gap_off: Some("numbered by pull request".into()),
    };
    for category in Category::ALL {
        for layout in [Layout::default(), found.clone()] {
            let text = init_template(category, &layout);
            assert!(text.starts_with("#:schema "), "{text}");
            let errors = schema_errors(&validator, &text);
            assert!(errors.is_empty(), "{errors:?}\n{text}");
            assert!(parser_accepts(&text), "{text}");
        }
    }
    // The commented-out settings, switched on, are valid too.
    let uncommented = init_template(Category::FrameworkUser, &Layout::default())
        .replace("# statuses", "statuses")
        .replace("# file-name", "file-name")
        .replace("# [adr.required", "[adr.required")
        .replace("# nygard", "nygard")
        .replace("# rfc", "rfc")
        .replace("# free-form", "free-form")
        .replace("# \"nih-rationale\"", "\"nih-rationale\"");
    let errors = schema_errors(&validator, &uncommented);
    assert!(errors.is_empty(), "{errors:?}\n{uncommented}");

    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_default();
    let section = readme
        .split("## The team manifest")
        .nth(1)
        .and_then(|rest| rest.split("```toml\n").nth(1))
        .and_then(|block| block.split("```").next())
        .unwrap_or_default();
    assert!(section.contains("[team]"), "README's manifest example");
    let errors = schema_errors(&validator, section);
    assert!(errors.is_empty(), "README's example: {errors:?}\n{section}");
}
