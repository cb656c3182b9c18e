//! The hygiene rules (rules/hygiene.toml) and the decision graph, on the logs in
//! `fixtures/hygiene/`: exact rows (rule, path, line, column, severity) and exit codes.
//! "Today" is pinned with ADRLINT_TODAY so that the future-date rule gives the same answer
//! on every day.

mod common;

use std::path::Path;

use common::{Row, Run, fixture, json, row, rows, run_with_env};

const TODAY: (&str, &str) = ("ADRLINT_TODAY", "2024-06-01");

fn run(dir: &Path, args: &[&str]) -> Run {
    run_with_env(dir, args, &[TODAY])
}

/// `adrlint check --format json ARGS` in `fixtures/hygiene/NAME`: exit code and rows.
fn check(name: &str, extra: &[&str]) -> (i32, Vec<Row>, serde_json::Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run(&fixture(&format!("hygiene/{name}")), &args);
    let value = json(&run);
    (run.code, rows(&value), value)
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

const ADR: &str = "docs/adr/";

fn at(file: &str) -> String {
    format!("{ADR}{file}")
}

#[test]
fn a_healthy_log_has_no_findings() {
    // Six ADRs with supersedes, amends and links, plus README.md (the index) and template.md:
    // neither is an ADR, and the template's placeholders are not reported.
    let (code, rows, value) = check("log", &[]);
    assert_eq!(rows, vec![]);
    assert_eq!(value["summary"]["files"], 8);
    assert_eq!(code, 0);
}

#[test]
fn structure_rules() {
    let (code, found, _) = check("structure", &[]);
    assert_eq!(
        found,
        vec![
            row(
                "missing-date",
                &at("0002-cache-product-pages.md"),
                1,
                3,
                "info"
            ),
            row(
                "missing-section",
                &at("0002-cache-product-pages.md"),
                1,
                3,
                "warning"
            ),
            row(
                "placeholder-text",
                &at("0003-search-index.md"),
                11,
                1,
                "warning"
            ),
            row(
                "empty-section",
                &at("0003-search-index.md"),
                17,
                1,
                "warning"
            ),
            row(
                "invalid-date",
                &at("0004-product-images.md"),
                3,
                7,
                "warning"
            ),
            row(
                "missing-title",
                &at("0004-product-images.md"),
                5,
                1,
                "warning"
            ),
            row(
                "unrecognised-adr",
                &at("0005-meeting-notes.md"),
                1,
                3,
                "info"
            ),
            row("future-date", &at("0006-price-updates.md"), 3, 7, "warning"),
        ]
    );
    assert_eq!(code, 0, "hygiene findings are warnings and infos");
    let (code, _, _) = check("structure", &["--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn messages_say_what_is_wrong() {
    let (_, _, value) = check("structure", &[]);
    let messages: Vec<&str> = value["diagnostics"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["message"].as_str()).collect())
        .unwrap_or_default();
    for expected in [
        "this nygard ADR has no Consequences section",
        "placeholder text `TODO` is left in this ADR",
        "the section `Consequences` is empty",
        "the date `01/03/2024` is not an ISO 8601 date (YYYY-MM-DD)",
        "the date 2024-09-01 is in the future (today is 2024-06-01)",
    ] {
        assert!(messages.contains(&expected), "{expected}: {messages:?}");
    }
}

#[test]
fn today_is_injectable() {
    let dir = fixture("hygiene/structure");
    let later = run_with_env(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "docs/adr/0006-price-updates.md",
        ],
        &[("ADRLINT_TODAY", "2024-12-01")],
    );
    assert_eq!(rows(&json(&later)), vec![]);
}

#[test]
fn status_rules() {
    let (code, found, value) = check("status", &[]);
    assert_eq!(
        found,
        vec![
            row(
                "missing-status",
                &at("0002-cache-product-pages.md"),
                1,
                3,
                "warning"
            ),
            row(
                "unknown-status",
                &at("0003-cache-in-the-application.md"),
                7,
                1,
                "warning"
            ),
            row(
                "superseded-without-successor",
                &at("0005-price-feed.md"),
                7,
                1,
                "warning"
            ),
            row(
                "unknown-status",
                &at("0006-search-provider.md"),
                7,
                1,
                "warning"
            ),
        ]
    );
    assert_eq!(code, 0);
    assert_eq!(
        value["diagnostics"][1]["message"],
        "the status `Superceded by 4` is not an allowed status; did you mean `superseded`?"
    );
    assert_eq!(
        value["diagnostics"][3]["message"],
        "the status `Approved` is not an allowed status (adrlint reads it as accepted); if your log uses it, add `approved` to `[adr] statuses` in adrlint.toml"
    );
}

#[test]
fn numbering_and_name_rules() {
    let (code, found, _) = check("numbering", &[]);
    assert_eq!(
        found,
        vec![
            row(
                "duplicate-number",
                &at("0002-use-kafka.md"),
                1,
                3,
                "warning"
            ),
            row(
                "duplicate-number",
                &at("0002-use-postgresql.md"),
                1,
                3,
                "warning"
            ),
            row(
                "number-mismatch",
                &at("0002-use-postgresql.md"),
                1,
                3,
                "warning"
            ),
            row("number-gap", &at("0005-use-redis.md"), 1, 3, "info"),
            row(
                "file-name-convention",
                &at("0006_Use_Nomad.md"),
                1,
                3,
                "info"
            ),
        ]
    );
    assert_eq!(code, 0);
}

#[test]
fn link_rules() {
    let (code, found, value) = check("links", &[]);
    assert_eq!(
        found,
        vec![
            row(
                "link-to-superseded",
                &at("0004-price-updates.md"),
                12,
                1,
                "info"
            ),
            row(
                "broken-adr-link",
                &at("0004-price-updates.md"),
                17,
                1,
                "warning"
            ),
            row(
                "one-sided-relation",
                &at("0005-purge-by-tag.md"),
                9,
                8,
                "warning"
            ),
        ]
    );
    assert_eq!(code, 0);
    assert_eq!(
        value["diagnostics"][2]["message"],
        "this ADR amends `0003-cache-at-the-edge.md`, but `0003-cache-at-the-edge.md` does not \
         say it is amended by this ADR"
    );
}

#[test]
fn manifest_settings_change_what_is_required_and_allowed() {
    // statuses add "implemented", file-name is date-kebab, Nygard needs no Consequences,
    // free-form needs a context, missing-date is off and unknown-status is an error.
    let (code, found, _) = check("configured", &[]);
    assert_eq!(
        found,
        vec![
            row(
                "file-name-convention",
                &at("0004-synonyms.md"),
                1,
                3,
                "info"
            ),
            row("missing-section", &at("0004-synonyms.md"), 1, 3, "warning"),
            row(
                "unknown-status",
                &at("20240120-query-log.md"),
                5,
                1,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn one_file_is_judged_against_its_whole_log() {
    // As pre-commit passes only the changed files: the rest of the folder is read, not
    // reported on.
    let (_, found, value) = check("numbering", &["docs/adr/0005-use-redis.md"]);
    assert_eq!(
        found,
        vec![row("number-gap", &at("0005-use-redis.md"), 1, 3, "info")]
    );
    assert_eq!(value["summary"]["files"], 1);
    let (_, found, _) = check("links", &["docs/adr/0005-purge-by-tag.md"]);
    assert_eq!(
        found,
        vec![row(
            "one-sided-relation",
            &at("0005-purge-by-tag.md"),
            9,
            8,
            "warning"
        )]
    );
}

#[test]
fn suppression_comments_apply_to_log_findings() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let adr = |n: u32, extra: &str| {
        format!(
            "# {n}. Decision {n}\n\nDate: 2024-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n{extra}"
        )
    };
    write(&dir.path().join("docs/adr/0001-decision-1.md"), &adr(1, ""));
    write(
        &dir.path().join("docs/adr/0004-decision-4.md"),
        &adr(
            4,
            "\n<!-- adrlint-disable-file number-gap -- 2 and 3 were withdrawn before the log was kept -->\n",
        ),
    );
    let run = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(rows(&json(&run)), vec![]);
    assert_eq!(run.code, 0);
}

#[test]
fn index_files_and_templates_are_not_adrs_but_a_lone_index_is() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        &dir.path().join("docs/adr/README.md"),
        "# Decisions\n\n* [1. Queue](0001-queue.md)\n* [2. Gone](0002-gone.md)\n",
    );
    write(
        &dir.path().join("docs/adr/adr-template.md"),
        "# {short title of solved problem and solution}\n\n## Context and Problem Statement\n\n{Describe the context and problem statement}\n",
    );
    write(
        &dir.path().join("docs/adr/0001-queue.md"),
        "# 1. Queue\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n",
    );
    // One folder per decision: the index.md is the ADR.
    write(
        &dir.path().join("docs/adr/caching/index.md"),
        "# Caching\n\nDate: 2024-01-03\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n",
    );
    let run = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        rows(&json(&run)),
        vec![
            // The index's links to ADRs are checked, nothing else about it.
            row("broken-adr-link", "docs/adr/README.md", 4, 3, "warning"),
            row(
                "missing-status",
                "docs/adr/caching/index.md",
                1,
                3,
                "warning"
            ),
        ]
    );
}

#[test]
fn invalid_settings_exit_2_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        &dir.path().join("adrlint.toml"),
        "[team]\ncategory = \"framework-user\"\n\n[adr]\nfile-name = \"nnnn-kebap\"\n",
    );
    write(&dir.path().join("docs/adr/0001-x.md"), "# 1. X\n");
    let run = run(dir.path(), &["check", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown file-name convention `nnnn-kebap`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("┌─ adrlint.toml:5:13"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `nnnn-kebab`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn hygiene_rules_are_listed_and_explained() {
    let dir = fixture("hygiene/log");
    let listed = run(&dir, &["rules"]);
    assert!(
        listed.stdout.contains("rules/hygiene.toml"),
        "{}",
        listed.stdout
    );
    let explained = run(&dir, &["explain", "one-sided-relation"]);
    assert_eq!(explained.code, 0);
    assert!(
        explained.stdout.contains("## What it checks"),
        "{}",
        explained.stdout
    );
}

#[test]
fn graph_dot() {
    let run = run(&fixture("hygiene/log"), &["graph", "--format", "dot"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("graph_dot", run.stdout);
}

#[test]
fn graph_mermaid() {
    let run = run(&fixture("hygiene/log"), &["graph", "--format", "mermaid"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("graph_mermaid", run.stdout);
}

#[test]
fn graph_is_deterministic_and_takes_paths() {
    let dir = fixture("hygiene");
    let first = run(&dir, &["graph", "log/docs/adr"]);
    let second = run(&dir, &["graph", "log/docs/adr"]);
    assert_eq!(first.stdout, second.stdout);
    assert!(
        first
            .stdout
            .contains("tooltip=\"log/docs/adr/0001-record-architecture-decisions.md\""),
        "{}",
        first.stdout
    );
    let missing = run(&dir, &["graph", "nope"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("`nope` does not exist"),
        "{}",
        missing.stderr
    );
}

#[test]
fn missing_date_follows_whether_the_log_keeps_dates() {
    let adr = |n: u32, date: &str| {
        format!(
            "# {n}. Decision {n}\n\n{date}## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n"
        )
    };
    // A log that never records dates: nothing to report, file by file.
    let undated = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for n in 1..=3 {
        write(
            &undated
                .path()
                .join(format!("docs/adr/000{n}-decision-{n}.md")),
            &adr(n, ""),
        );
    }
    let run_undated = run(undated.path(), &["check", "--format", "json"]);
    assert_eq!(rows(&json(&run_undated)), vec![]);
    // A log that dates its ADRs (one in a changelog): the undated one is reported.
    let dated = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        &dated.path().join("docs/adr/0001-decision-1.md"),
        &adr(1, "Date: 2024-01-01\n\n"),
    );
    write(
        &dated.path().join("docs/adr/0002-decision-2.md"),
        &adr(
            2,
            "## Changelog\n\n- [accepted](https://example.org/pull/2) (2024-02-01)\n\n",
        ),
    );
    write(
        &dated.path().join("docs/adr/0003-decision-3.md"),
        &adr(3, ""),
    );
    let run_dated = run(dated.path(), &["check", "--format", "json"]);
    let value = json(&run_dated);
    assert_eq!(
        rows(&value),
        vec![row("missing-date", &at("0003-decision-3.md"), 1, 3, "info")]
    );
    assert!(
        value["diagnostics"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("2 of the 2 other ADRs")),
        "{value}"
    );
}

#[test]
fn a_status_suggestion_never_changes_the_meaning() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let adr = |n: u32, status: &str| {
        format!(
            "# {n}. Decision {n}\n\nDate: 2024-01-0{n}\n\n## Status\n\n{status}\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n"
        )
    };
    write(
        &dir.path().join("docs/adr/0001-decision-1.md"),
        &adr(1, "Reverted"),
    );
    write(
        &dir.path().join("docs/adr/0002-decision-2.md"),
        &adr(2, "Superceded by [3. Decision 3](0003-decision-3.md)"),
    );
    write(
        &dir.path().join("docs/adr/0003-decision-3.md"),
        &adr(
            3,
            "Accepted\n\nSupersedes [2. Decision 2](0002-decision-2.md)",
        ),
    );
    let run = run(dir.path(), &["check", "--format", "json"]);
    let value = json(&run);
    let messages: Vec<&str> = value["diagnostics"]
        .as_array()
        .map(|d| d.iter().filter_map(|f| f["message"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        messages,
        vec![
            "the status `Reverted` is not an allowed status (adrlint reads it as deprecated); if your log uses it, add `reverted` to `[adr] statuses` in adrlint.toml",
            "the status `Superceded by 3` is not an allowed status; did you mean `superseded`?",
        ]
    );
}

/// What `adrlint parse` reads in each template: format, status, date, chosen option and the
/// kind of every section.
#[test]
fn parse_shows_section_kinds_of_design_docs() {
    let listing = run(&fixture("design-docs"), &["parse", "docs/rfcs"]);
    assert_eq!(listing.code, 0, "{}", listing.stderr);
    insta::assert_snapshot!("parse_design_docs", listing.stdout);
    let parsed = run(
        &fixture("design-docs"),
        &["parse", "--format", "json", "docs/rfcs/0003-state-sync.md"],
    );
    let value = json(&parsed);
    let file = &value["files"][0];
    assert_eq!(file["format"], "nygard");
    assert_eq!(file["status"]["kind"], "accepted");
    assert_eq!(file["status"]["line"], 35);
    let kinds: Vec<&str> = file["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "other",
            "notes",
            "context",
            "options",
            "decision",
            "decision",
            "consequences",
            "consequences",
            "notes",
            "status"
        ]
    );
}

#[test]
fn parse_reports_a_missing_path_and_goes_on() {
    let run = run(
        &fixture("design-docs"),
        &["parse", "missing.md", "docs/rfcs/0004-feature-pipeline.md"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing-path"), "{}", run.stderr);
    assert!(run.stdout.contains("format: design-doc"), "{}", run.stdout);
}

#[test]
fn number_gap_only_in_a_sequential_log() {
    // Numbered by pull request (12, 140, 377): the holes were never ADRs.
    let (code, found, _) = check("sparse", &[]);
    assert_eq!(found, vec![]);
    assert_eq!(code, 0);
    // A sequential log with a hole: the message states the jump and asks no one to restore it.
    let (_, _, value) = check("numbering", &[]);
    let Some(diagnostics) = value["diagnostics"].as_array() else {
        panic!("no diagnostics in {value}");
    };
    let gaps: Vec<(&str, &str)> = diagnostics
        .iter()
        .filter(|d| d["rule"] == "number-gap")
        .map(|d| {
            (
                d["message"].as_str().unwrap_or_default(),
                d["help"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        vec![(
            "no ADRs numbered 3 to 4 in this folder (the numbers jump from 2 to 5)",
            "a number may never have been used: renumber the ADRs if the log should have no \
             holes, or set `[rules.severity] number-gap = \"off\"` if gaps are expected"
        )]
    );
}
