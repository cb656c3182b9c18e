//! Exact findings (rule, path, line, column, severity) and exit codes on every fixture.

mod common;

use common::{check_json, row};

#[test]
fn demo_reports_the_scheduler_and_the_overkill_reason() {
    let (code, rows, _, _) = check_json("demo", &[]);
    assert_eq!(
        rows,
        vec![
            row(
                "own-scheduler",
                "docs/adr/0002-batch-scheduling.md",
                16,
                9,
                "error"
            ),
            row(
                "overkill-rationale",
                "docs/adr/0002-batch-scheduling.md",
                16,
                76,
                "warning"
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn nygard_claim_in_decision_not_in_context() {
    let (code, rows, _, _) = check_json("nygard", &[]);
    assert_eq!(
        rows,
        vec![row(
            "own-message-broker",
            "docs/adr/0002-settlement-events.md",
            16,
            9,
            "error"
        )]
    );
    assert_eq!(code, 1);
}

#[test]
fn madr_chosen_option_counts_and_others_do_not() {
    let (code, rows, _, _) = check_json("madr", &[]);
    assert_eq!(
        rows,
        vec![
            // `Chosen option: "Use Kafka"` itself.
            row(
                "adopt-kafka",
                "docs/decisions/0001-campaign-events.md",
                20,
                1,
                "error"
            ),
            // The front matter has no date (an info, so the exit code is the claims').
            row(
                "missing-date",
                "docs/decisions/0002-attribution-model.md",
                4,
                3,
                "info"
            ),
            // `Chosen option: "Option 1"` points back at the option's title.
            row(
                "adopt-spark",
                "docs/decisions/0002-attribution-model.md",
                12,
                36,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn log4brains_chosen_option() {
    let (_, rows, _, _) = check_json("log4brains", &[]);
    assert_eq!(
        rows,
        vec![row(
            "own-storage-engine",
            "docs/adr/20240115-index-storage.md",
            18,
            17,
            "error"
        )]
    );
}

#[test]
fn free_form_labelled_decision() {
    let (_, rows, _, _) = check_json("free-form", &[]);
    assert_eq!(
        rows,
        vec![
            // A house style may name files as it likes, but the default convention is numbered.
            row("file-name-convention", "adr/feature-store.md", 1, 3, "info"),
            row(
                "own-distributed-database",
                "adr/feature-store.md",
                7,
                18,
                "error"
            ),
        ]
    );
}

#[test]
fn each_category_sees_what_is_above_it() {
    let path = "docs/adr/0001-pipeline.md";
    let (code, rows, _, _) = check_json("categories/data-product-user", &[]);
    assert_eq!(
        rows,
        vec![
            row("adopt-spark", path, 15, 9, "error"),
            row("adopt-databricks-emr", path, 15, 54, "error"),
            row("own-scheduler", path, 17, 9, "error"),
        ]
    );
    assert_eq!(code, 1);
    let (code, rows, _, _) = check_json("categories/framework-user", &[]);
    assert_eq!(rows, vec![row("own-scheduler", path, 17, 9, "error")]);
    assert_eq!(code, 1);
    let (code, rows, _, _) = check_json("categories/framework-creator", &[]);
    assert_eq!(rows, vec![]);
    assert_eq!(code, 0);
}

#[test]
fn traps_never_fire() {
    // Negations, rejections, hypotheticals, history, look-alike words, quotes, code, comments,
    // struck-out text, link targets, Context, options not chosen, superseded and rejected ADRs.
    let (code, rows, value, _) = check_json("traps", &[]);
    assert_eq!(rows, vec![]);
    assert_eq!(value["summary"]["files"], 4);
    assert_eq!(code, 0);
}

#[test]
fn monorepo_nearest_manifest_wins() {
    let (_, rows, value, _) = check_json("monorepo", &["teams"]);
    assert_eq!(
        rows,
        vec![row(
            "adopt-airflow",
            "teams/reporting/docs/adr/0001-refresh.md",
            9,
            9,
            "error"
        )]
    );
    assert_eq!(value["diagnostics"][0]["category"], "data-product-user");
    assert_eq!(value["summary"]["files"], 2);
}

#[test]
fn user_pack_and_severity_overrides() {
    let (code, rows, _, _) = check_json("user-pack", &[]);
    assert_eq!(
        rows,
        vec![
            row("own-ledger", "docs/adr/0001-ledger.md", 9, 28, "error"),
            // Lowered to a warning; nih-rationale is off.
            row("own-scheduler", "docs/adr/0001-ledger.md", 9, 73, "warning"),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn input_problems_are_findings_and_the_run_goes_on() {
    let (code, rows, value, _) = check_json("input", &[]);
    assert_eq!(
        rows,
        vec![
            row("own-message-broker", "docs/adr/0001-crlf.md", 9, 9, "error"),
            row("own-message-broker", "docs/adr/0002-bom.md", 9, 9, "error"),
            row("invalid-utf8", "docs/adr/0003-latin1.md", 1, 9, "warning"),
            row(
                "own-message-broker",
                "docs/adr/0003-latin1.md",
                9,
                9,
                "error"
            ),
            row("empty-file", "docs/adr/0004-empty.md", 1, 1, "warning"),
            row("binary-file", "docs/adr/0005-binary.md", 1, 1, "warning"),
            row(
                "invalid-front-matter",
                "docs/adr/0006-bad-front-matter.md",
                2,
                1,
                "warning"
            ),
            row(
                "own-message-broker",
                "docs/adr/0006-bad-front-matter.md",
                13,
                9,
                "error"
            ),
            row(
                "own-message-broker",
                "docs/adr/0007-cr-only.md",
                9,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(value["summary"]["files"], 7);
    assert_eq!(code, 1);
    // byte_range is into the file as stored: the BOM's three bytes count.
    let bom = &value["diagnostics"][1];
    assert_eq!(bom["byte_range"], serde_json::json!([57, 85]));
}

#[test]
fn category_flag_overrides_the_manifest() {
    let (code, rows, value, _) = check_json(
        "categories/framework-creator",
        &["--category", "data-product-user"],
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(value["diagnostics"][0]["category"], "data-product-user");
    assert_eq!(code, 1);
}

#[test]
fn fail_on_controls_the_exit_code() {
    let (code, _, _, _) = check_json("input", &["docs/adr/0004-empty.md"]);
    assert_eq!(code, 0, "a warning does not fail by default");
    let (code, _, _, _) = check_json("input", &["docs/adr/0004-empty.md", "--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn json_follows_the_schema() {
    let (_, _, value, _) = check_json("demo", &[]);
    assert_eq!(value["version"], 1);
    assert_eq!(value["tool"]["name"], "adrlint");
    assert_eq!(value["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let claim = &value["diagnostics"][0];
    for key in [
        "rule",
        "severity",
        "message",
        "path",
        "range",
        "byte_range",
        "requires",
        "category",
        "help",
    ] {
        assert!(
            claim.get(key).is_some(),
            "claim finding lacks `{key}`: {claim}"
        );
    }
    assert_eq!(claim["requires"], "framework-creator");
    assert_eq!(claim["category"], "framework-user");
    assert_eq!(
        claim["range"]["end"],
        serde_json::json!({"line": 16, "column": 36})
    );
    let rationale = &value["diagnostics"][1];
    assert!(rationale.get("requires").is_none() && rationale.get("category").is_none());
    assert_eq!(
        value["summary"],
        serde_json::json!({"files": 2, "errors": 1, "warnings": 1, "infos": 0})
    );
}

/// RFC, KEP, tendermint-style and What/Why/How design docs: claims are read in their design
/// sections only (not Motivation, Non-Goals, Alternatives, Prior art, Unresolved questions or
/// Future work), `Chosen option: Option 2 above` points at the option's title, a withdrawn RFC
/// makes no claim, and the folder's README and template are not records.
#[test]
fn design_docs_are_read_by_their_sections() {
    let (code, rows, _, _) = check_json("design-docs", &[]);
    assert_eq!(
        rows,
        vec![
            // The Summary's "This RFC proposes …".
            row(
                "own-distributed-log",
                "docs/rfcs/0001-replicated-event-log.md",
                9,
                1,
                "error"
            ),
            // KEP Proposal.
            row(
                "run-kubernetes",
                "docs/rfcs/0002-training-on-kubernetes.md",
                26,
                9,
                "error"
            ),
            // Detailed Design.
            row(
                "own-cluster-protocol",
                "docs/rfcs/0003-state-sync.md",
                21,
                9,
                "error"
            ),
            // How.
            row(
                "adopt-airflow",
                "docs/rfcs/0004-feature-pipeline.md",
                25,
                1,
                "error"
            ),
            // The option `Chosen option: Option 2 above` refers to.
            row(
                "adopt-spark",
                "docs/rfcs/0005-campaign-attribution.md",
                18,
                43,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
}
