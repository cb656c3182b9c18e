//! Project manifests as evidence (SPEC 2.3): `category-contradicted` in `check` and the
//! `evidence` command, on the repositories in `fixtures/evidence/`.

mod common;

use common::{Repo, check_json, fixture, json, row, run_in};

const RULE: &str = "category-contradicted";

/// One piece of evidence as `adrlint evidence --format json` lists it:
/// (path, line, column, package, shows).
type Piece = (String, u64, u64, String, String);

fn piece(path: &str, line: u64, column: u64, package: &str, shows: &str) -> Piece {
    (
        path.to_string(),
        line,
        column,
        package.to_string(),
        shows.to_string(),
    )
}

/// `adrlint evidence --format json` in a fixture: exit code, evidence and the document.
fn evidence(name: &str) -> (i32, Vec<Piece>, serde_json::Value) {
    let run = run_in(
        &fixture(&format!("evidence/{name}")),
        &["evidence", "--format", "json"],
    );
    let value = json(&run);
    let Some(list) = value["evidence"].as_array() else {
        panic!("no evidence array in {value}");
    };
    let pieces = list
        .iter()
        .map(|e| {
            piece(
                e["path"].as_str().unwrap_or_default(),
                e["line"].as_u64().unwrap_or_default(),
                e["column"].as_u64().unwrap_or_default(),
                e["package"].as_str().unwrap_or_default(),
                e["shows"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    (run.code, pieces, value)
}

fn check(name: &str, extra: &[&str]) -> (i32, Vec<common::Row>, serde_json::Value) {
    let (code, rows, value, _) = check_json(&format!("evidence/{name}"), extra);
    (code, rows, value)
}

#[test]
fn cargo_contradicts_acceptance() {
    let (code, rows, value) = check("cargo-contradicts", &[]);
    assert_eq!(rows, vec![row(RULE, "Cargo.toml", 8, 1, "warning")]);
    let finding = &value["diagnostics"][0];
    assert_eq!(
        finding["message"],
        "Cargo.toml depends on rdkafka (Kafka client), which shows framework-user work, \
         but the team is declared data-product-user"
    );
    assert_eq!(finding["requires"], "framework-user");
    assert_eq!(finding["category"], "data-product-user");
    assert_eq!(value["summary"]["files"], 2, "the ADR and Cargo.toml");
    assert_eq!(code, 0, "a warning does not fail by default");

    // Both labels in human output: the dependency line and the manifest's category line.
    let run = run_in(
        &fixture("evidence/cargo-contradicts"),
        &["check", "--color", "never", "--fail-on", "warning"],
    );
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(
        out.contains("warning[category-contradicted]: Cargo.toml depends on rdkafka"),
        "{out}"
    );
    assert!(out.contains("┌─ Cargo.toml:8:1"), "{out}");
    assert!(
        out.contains("8 │ rdkafka = { version = \"0.36\", features = [\"cmake-build\"] }"),
        "{out}"
    );
    assert!(
        out.contains("^^^^^^^ Kafka client: framework-user work"),
        "{out}"
    );
    assert!(out.contains("┌─ adrlint.toml:3:12"), "{out}");
    assert!(
        out.contains("3 │ category = \"data-product-user\""),
        "{out}"
    );
    assert!(
        out.contains("the team is declared data-product-user here"),
        "{out}"
    );
    // One finding per kind of evidence: the second Kafka client is a note.
    assert!(out.contains("also in this file: kafka (line 11)"), "{out}");

    let (code, _, _) = check("cargo-contradicts", &["--fail-on", "error"]);
    assert_eq!(code, 0);
    let (code, _, _) = check("cargo-contradicts", &["--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn agreeing_fixtures_report_nothing() {
    for name in [
        "cargo-agrees",
        "npm-agrees",
        "pypi-agrees",
        "maven-agrees",
        "gradle-agrees",
        "go-agrees",
        "docker-agrees",
    ] {
        let (code, rows, _) = check(name, &["--fail-on", "info"]);
        assert_eq!(rows, vec![], "{name}");
        assert_eq!(code, 0, "{name}");
        let (_, _, value) = evidence(name);
        assert_eq!(value["contradicted"], false, "{name}");
        assert_eq!(value["shown"], value["declared"], "{name}");
    }
}

#[test]
fn npm_contradicts() {
    let (code, rows, _) = check("npm-contradicts", &[]);
    assert_eq!(rows, vec![row(RULE, "package.json", 6, 6, "warning")]);
    assert_eq!(code, 0);
    let (code, pieces, _) = evidence("npm-contradicts");
    assert_eq!(
        pieces,
        vec![piece("package.json", 6, 6, "kafkajs", "framework-user")]
    );
    assert_eq!(code, 0);
}

#[test]
fn pypi_contradicts_in_pyproject_and_requirements() {
    let (code, rows, value) = check("pypi-contradicts", &["--fail-on", "warning"]);
    assert_eq!(
        rows,
        vec![
            row(RULE, "pyproject.toml", 6, 6, "warning"),
            row(RULE, "requirements.txt", 3, 1, "warning"),
        ]
    );
    assert_eq!(value["summary"]["files"], 4, "the ADR and three manifests");
    assert_eq!(code, 1);
    let (_, pieces, value) = evidence("pypi-contradicts");
    assert_eq!(
        pieces,
        vec![
            piece("pyproject.toml", 6, 6, "pyspark", "framework-user"),
            piece(
                "requirements.txt",
                3,
                1,
                "confluent-kafka",
                "framework-user"
            ),
        ]
    );
    assert_eq!(value["manifests"].as_array().map(Vec::len), Some(3));
}

#[test]
fn maven_contradicts_only_above_the_category() {
    // Declared framework-user: the Kafka client agrees, the Raft library does not.
    let (code, rows, value) = check("maven-contradicts", &[]);
    assert_eq!(rows, vec![row(RULE, "pom.xml", 15, 19, "warning")]);
    assert_eq!(value["diagnostics"][0]["requires"], "framework-creator");
    assert_eq!(value["diagnostics"][0]["category"], "framework-user");
    assert_eq!(code, 0);
    let (_, pieces, value) = evidence("maven-contradicts");
    assert_eq!(
        pieces,
        vec![
            piece(
                "pom.xml",
                10,
                19,
                "org.apache.kafka:kafka-clients",
                "framework-user"
            ),
            piece(
                "pom.xml",
                15,
                19,
                "org.apache.ratis:ratis-server",
                "framework-creator"
            ),
        ]
    );
    assert_eq!(value["shown"], "framework-creator");
    assert_eq!(value["contradicted"], true);
}

#[test]
fn gradle_contradicts_with_map_notation() {
    let (code, rows, _) = check("gradle-contradicts", &[]);
    assert_eq!(rows, vec![row(RULE, "build.gradle", 8, 54, "warning")]);
    assert_eq!(code, 0);
    // The commented-out Spark line is not evidence.
    let (_, pieces, _) = evidence("gradle-contradicts");
    assert_eq!(
        pieces,
        vec![piece(
            "build.gradle",
            8,
            54,
            "org.apache.flink:flink-streaming-java",
            "framework-user"
        )]
    );
}

#[test]
fn go_contradicts_in_a_require_block() {
    let (code, rows, _) = check("go-contradicts", &[]);
    assert_eq!(rows, vec![row(RULE, "go.mod", 8, 2, "warning")]);
    assert_eq!(code, 0);
    let (_, pieces, _) = evidence("go-contradicts");
    assert_eq!(
        pieces,
        vec![
            piece("go.mod", 5, 9, "github.com/IBM/sarama", "framework-user"),
            piece(
                "go.mod",
                8,
                2,
                "github.com/hashicorp/raft",
                "framework-creator"
            ),
        ]
    );
}

#[test]
fn docker_compose_contradicts() {
    let (code, rows, value) = check("docker-contradicts", &[]);
    assert_eq!(
        rows,
        vec![row(RULE, "docker-compose.yml", 5, 13, "warning")]
    );
    assert_eq!(
        value["diagnostics"][0]["message"],
        "docker-compose.yml runs the image bitnami/kafka:3.7 (Kafka broker), which shows \
         framework-user work, but the team is declared data-product-user"
    );
    assert_eq!(code, 0);
    let (_, pieces, _) = evidence("docker-contradicts");
    assert_eq!(
        pieces,
        vec![piece(
            "docker-compose.yml",
            5,
            13,
            "bitnami/kafka:3.7",
            "framework-user"
        )]
    );
}

#[test]
fn evidence_lists_every_ecosystem_with_lines() {
    let cases: [(&str, Vec<Piece>); 7] = [
        (
            "cargo-agrees",
            vec![piece("Cargo.toml", 7, 1, "rdkafka", "framework-user")],
        ),
        (
            "npm-agrees",
            vec![
                piece("package.json", 5, 6, "kafkajs", "framework-user"),
                piece(
                    "package.json",
                    8,
                    6,
                    "@kubernetes/client-node",
                    "framework-user",
                ),
            ],
        ),
        (
            "pypi-agrees",
            vec![
                piece(
                    "pyproject.toml",
                    7,
                    1,
                    "dask[distributed]",
                    "framework-user",
                ),
                piece("requirements.txt", 1, 1, "apache-airflow", "framework-user"),
            ],
        ),
        (
            "maven-agrees",
            vec![piece(
                "pom.xml",
                10,
                19,
                "org.apache.spark:spark-core_2.13",
                "framework-user",
            )],
        ),
        (
            "gradle-agrees",
            vec![piece(
                "build.gradle.kts",
                6,
                21,
                "org.apache.flink:flink-streaming-java",
                "framework-user",
            )],
        ),
        (
            "go-agrees",
            vec![
                piece(
                    "go.mod",
                    6,
                    2,
                    "github.com/hashicorp/memberlist",
                    "framework-creator",
                ),
                piece("go.mod", 7, 2, "go.etcd.io/raft/v3", "framework-creator"),
            ],
        ),
        (
            "docker-agrees",
            vec![piece(
                "compose.yaml",
                3,
                12,
                "confluentinc/cp-kafka:7.6.1",
                "framework-user",
            )],
        ),
    ];
    for (name, expected) in cases {
        let (code, pieces, value) = evidence(name);
        assert_eq!(pieces, expected, "{name}");
        assert_eq!(code, 0, "{name}");
        assert_eq!(value["version"], 1);
        assert_eq!(value["declared_in"], "adrlint.toml:3:12", "{name}");
    }
}

#[test]
fn evidence_human_output() {
    let run = run_in(&fixture("evidence/maven-contradicts"), &["evidence"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "\
declared: framework-user (adrlint.toml:3:12)
shown:    framework-creator, above the declared category

LOCATION       PACKAGE                         EVIDENCE      SHOWS
pom.xml:10:19  org.apache.kafka:kafka-clients  Kafka client  framework-user
pom.xml:15:19  org.apache.ratis:ratis-server   Raft library  framework-creator

2 pieces of evidence in 1 manifest
"
    );
}

#[test]
fn malformed_manifests_warn_with_a_span_and_adrs_are_still_checked() {
    let adr = "docs/adr/0001-order-aggregation.md";
    let cases = [
        (
            "malformed-toml",
            "`Cargo.toml` is not valid TOML",
            "┌─ Cargo.toml:5:11",
        ),
        (
            "malformed-json",
            "`package.json` is not valid JSON: trailing comma",
            "┌─ package.json:5:3",
        ),
        (
            "malformed-xml",
            "`pom.xml` is not valid XML",
            "┌─ pom.xml:6:3",
        ),
        (
            "malformed-yaml",
            "`docker-compose.yml` is not valid YAML: unclosed quote",
            "┌─ docker-compose.yml:3:12",
        ),
    ];
    for (name, message, location) in cases {
        let (code, rows, _, run) = check_json(&format!("evidence/{name}"), &["--color", "never"]);
        // The ADR's own claim is still reported; the manifest gives no finding.
        assert_eq!(
            rows,
            vec![row("adopt-spark", adr, 15, 9, "error")],
            "{name}"
        );
        assert_eq!(
            code, 1,
            "{name}: the claim fails the run, the warning does not"
        );
        assert!(
            run.stderr
                .contains(&format!("warning[invalid-project-manifest]: {message}")),
            "{name}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(location), "{name}: {}", run.stderr);

        let run = run_in(&fixture(&format!("evidence/{name}")), &["evidence"]);
        assert_eq!(
            run.code, 0,
            "{name}: a malformed manifest is only a warning"
        );
        assert!(run.stderr.contains(location), "{name}: {}", run.stderr);
    }
}

#[test]
fn severity_is_configurable() {
    let (code, rows, _) = check("severity-error", &[]);
    assert_eq!(rows, vec![row(RULE, "Cargo.toml", 8, 1, "error")]);
    assert_eq!(code, 1);
}

#[test]
fn no_category_means_no_evidence_findings() {
    let (code, rows, value, run) = check_json("evidence/no-category", &["--color", "never"]);
    assert_eq!(rows, vec![]);
    assert_eq!(value["summary"]["files"], 1, "manifests are not even read");
    assert_eq!(code, 0);
    assert!(run.stderr.contains("no team category is declared"));
    let (_, pieces, value) = evidence("no-category");
    assert_eq!(value["declared"], serde_json::Value::Null);
    assert_eq!(value["contradicted"], false);
    assert_eq!(pieces.len(), 2, "the evidence command still lists it");
}

#[test]
fn category_flag_overrides_for_evidence_too() {
    let (code, rows, value) = check(
        "cargo-agrees",
        &["--category", "data-product-user", "--fail-on", "warning"],
    );
    assert_eq!(rows, vec![row(RULE, "Cargo.toml", 7, 1, "warning")]);
    assert_eq!(value["diagnostics"][0]["category"], "data-product-user");
    assert_eq!(code, 1);
    let (_, rows, _) = check("cargo-contradicts", &["--category", "framework-user"]);
    assert_eq!(rows, vec![]);
}

#[test]
fn monorepo_walk_skips_nested_teams_ignored_hidden_and_vendored_folders() {
    // The root team (data-product-user) owns services/web but not services/stream, which has
    // its own adrlint.toml (framework-user). node_modules/, .cache/, the .gitignored dist/,
    // target/ and vendor/ all hold Kafka or Raft dependencies that must not count.
    let (code, rows, value) = check("monorepo", &[]);
    assert_eq!(
        rows,
        vec![row(RULE, "services/web/package.json", 5, 6, "warning")]
    );
    assert_eq!(
        value["summary"]["files"], 3,
        "one ADR, package.json and go.mod"
    );
    assert_eq!(code, 0);

    // Linting the streaming team's ADRs checks its manifests against its own category.
    let (_, rows, _) = check("monorepo", &["services/stream"]);
    assert_eq!(rows, vec![]);

    let (_, pieces, value) = evidence("monorepo");
    assert_eq!(
        pieces,
        vec![piece(
            "services/web/package.json",
            5,
            6,
            "kafkajs",
            "framework-user"
        )]
    );
    assert_eq!(value["manifests"].as_array().map(Vec::len), Some(2));
}

#[test]
fn evidence_of_one_file_and_of_a_missing_path() {
    let dir = fixture("evidence/go-contradicts");
    let run = run_in(&dir, &["evidence", "go.mod", "--format", "json"]);
    assert_eq!(run.code, 0);
    let value = json(&run);
    assert_eq!(value["path"], "go.mod");
    assert_eq!(value["declared"], "framework-user");
    assert_eq!(value["evidence"].as_array().map(Vec::len), Some(2));

    let run = run_in(&dir, &["evidence", "nope"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`nope` does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn evidence_without_a_team_manifest() {
    let dir = Repo::new().file("requirements.txt", "pyspark==3.5.1\nrequests==2.32.3\n");
    let run = dir.run(&["evidence"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "declared: none (no adrlint.toml above this folder declares a category)\nshown:    framework-user\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("requirements.txt:1:1  pyspark  Spark     framework-user"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_rule_is_listed_and_explained() {
    let run = run_in(
        &fixture("evidence/cargo-contradicts"),
        &["rules", "--format", "json"],
    );
    let value = json(&run);
    let rule = value
        .as_array()
        .and_then(|rules| rules.iter().find(|r| r["id"] == RULE))
        .cloned()
        .unwrap_or_default();
    assert_eq!(rule["severity"], "warning");
    assert_eq!(rule["kind"], "builtin");
    assert_eq!(rule["pack"], "rules/manifests.toml");

    let run = run_in(&fixture("evidence/severity-error"), &["rules"]);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with(RULE) && l.contains(" error ")),
        "{}",
        run.stdout
    );

    let run = run_in(&fixture("evidence/cargo-contradicts"), &["explain", RULE]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("## What it checks"), "{}", run.stdout);
}
