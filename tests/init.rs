//! `adrlint init` on five differently organised logs (`fixtures/init/`): the manifest it writes
//! fits each, and the first `adrlint check` after it is clean of the log's own conventions.

mod common;

use std::path::Path;

use common::{Repo, fixture, json, rows, run_in};

fn copy_tree(from: &Path, to: &Path) {
    let Ok(entries) = std::fs::read_dir(from) else {
        panic!("cannot read {}", from.display());
    };
    if let Err(error) = std::fs::create_dir_all(to) {
        panic!("cannot create {}: {error}", to.display());
    }
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if let Err(error) = std::fs::copy(entry.path(), &target) {
            panic!("cannot copy {}: {error}", entry.path().display());
        }
    }
}

/// What `init` wrote and what the first check found, in a copy of `fixtures/init/NAME`.
struct FirstRun {
    init_stdout: String,
    manifest: String,
    code: i32,
    rows: Vec<common::Row>,
    files: u64,
}

fn first_run(name: &str) -> FirstRun {
    let temp = match tempfile::tempdir() {
        Ok(temp) => temp,
        Err(error) => panic!("cannot create a temporary folder: {error}"),
    };
    copy_tree(&fixture(&format!("init/{name}")), temp.path());
    let init = run_in(temp.path(), &["init", "--category", "framework-user"]);
    assert_eq!(init.code, 0, "{name}: {}", init.stderr);
    let manifest = std::fs::read_to_string(temp.path().join("adrlint.toml")).unwrap_or_default();
    assert_eq!(
        manifest.lines().next(),
        Some(concat!(
            "#:schema ",
            env!("CARGO_PKG_REPOSITORY"),
            "/raw/main/docs/adrlint.schema.json"
        )),
        "{name}: the first line points taplo and editors at the schema"
    );
    let check = run_in(temp.path(), &["check", "--format", "json"]);
    assert!(
        check.code == 0 || check.code == 1,
        "{name}: exit {}\n{}",
        check.code,
        check.stderr
    );
    let value = json(&check);
    FirstRun {
        init_stdout: init.stdout,
        manifest,
        code: check.code,
        rows: rows(&value),
        files: value["summary"]["files"].as_u64().unwrap_or_default(),
    }
}

/// The uncommented lines of the manifest that start with `key`.
fn setting<'a>(manifest: &'a str, key: &str) -> Vec<&'a str> {
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && l.starts_with(key))
        .collect()
}

fn assert_no_rule(run: &FirstRun, name: &str, rule: &str) {
    assert!(
        run.rows.iter().all(|r| r.0 != rule),
        "{name}: {rule} on the first run: {:?}",
        run.rows
    );
}

const ALL_STANDARD: &str = "statuses = [\"accepted\", \"deprecated\", \"draft\", \"proposed\", \"rejected\", \"superseded\"]";

#[test]
fn nygard_log_in_docs_adrs() {
    let run = first_run("nygard");
    assert_eq!(setting(&run.manifest, "paths"), ["paths = [\"docs/adrs\"]"]);
    assert_eq!(setting(&run.manifest, "statuses"), [ALL_STANDARD]);
    assert_eq!(
        setting(&run.manifest, "file-name"),
        ["file-name = \"nnnn-kebab\""]
    );
    assert!(setting(&run.manifest, "\"number-gap\"").is_empty());
    assert!(
        run.init_stdout.contains(
            "found 4 ADRs in docs/adrs (sequential numbering, statuses: accepted, proposed, superseded)"
        ),
        "{}",
        run.init_stdout
    );
    assert_no_rule(&run, "nygard", "unknown-status");
    assert_eq!(run.files, 4, "the root README.md is not linted");
    assert_eq!(run.code, 0, "{:?}", run.rows);
}

#[test]
fn numbered_files_at_the_repository_root() {
    let run = first_run("root-numbered");
    assert_eq!(setting(&run.manifest, "paths"), ["paths = [\".\"]"]);
    assert!(
        run.init_stdout
            .contains("found 3 ADRs at the repository root (sequential numbering"),
        "{}",
        run.init_stdout
    );
    assert_no_rule(&run, "root-numbered", "unknown-status");
    // README.md, CHANGELOG.md, CONTRIBUTING.md and docs/style-guide.md are the repository's.
    assert_eq!(run.files, 3, "{:?}", run.rows);
    assert!(
        run.rows.iter().all(|r| r.1.starts_with("000")),
        "{:?}",
        run.rows
    );
}

#[test]
fn pull_request_numbers_turn_number_gap_off() {
    let run = first_run("pr-numbered");
    assert_eq!(setting(&run.manifest, "paths"), ["paths = [\"adr\"]"]);
    assert_eq!(
        setting(&run.manifest, "\"number-gap\""),
        ["\"number-gap\" = \"off\""]
    );
    // `Implemented` is this log's own word: kept beside the standard ones.
    assert_eq!(
        setting(&run.manifest, "statuses"),
        [
            "statuses = [\"accepted\", \"deprecated\", \"draft\", \"implemented\", \"proposed\", \"rejected\", \"superseded\"]"
        ]
    );
    assert!(
        run.init_stdout.contains("sparse numbering"),
        "{}",
        run.init_stdout
    );
    assert_no_rule(&run, "pr-numbered", "number-gap");
    assert_no_rule(&run, "pr-numbered", "unknown-status");
    assert_eq!(run.files, 4);
}

#[test]
fn dated_names() {
    let run = first_run("dated");
    assert_eq!(setting(&run.manifest, "paths"), ["paths = [\"decisions\"]"]);
    // `date-kebab` is `YYYYMMDD-title.md`; `auto` accepts the log's own `YYYY-MM-DD-title.md`.
    assert_eq!(
        setting(&run.manifest, "file-name"),
        ["file-name = \"auto\""]
    );
    assert!(
        run.init_stdout.contains(
            "found 4 ADRs in decisions (dated names, statuses: accepted, deprecated, draft)"
        ),
        "{}",
        run.init_stdout
    );
    assert_no_rule(&run, "dated", "unknown-status");
    assert_no_rule(&run, "dated", "file-name-convention");
    assert_no_rule(&run, "dated", "number-gap");
    assert_eq!(run.files, 4);
}

#[test]
fn madr_statuses_in_front_matter() {
    let run = first_run("madr");
    assert_eq!(
        setting(&run.manifest, "paths"),
        ["paths = [\"docs/decisions\"]"]
    );
    assert!(
        run.init_stdout
            .contains("statuses: accepted, proposed, rejected)"),
        "{}",
        run.init_stdout
    );
    assert_eq!(setting(&run.manifest, "statuses"), [ALL_STANDARD]);
    assert_no_rule(&run, "madr", "unknown-status");
    assert_eq!(run.files, 4);
}

#[test]
fn init_with_nothing_found_writes_the_default_paths() {
    let repo = Repo::new().file("README.md", "# A service\n\nNo decisions yet.\n");
    let run = repo.run(&["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("no ADR folder found"), "{}", run.stdout);
    let manifest = std::fs::read_to_string(repo.path().join("adrlint.toml")).unwrap_or_default();
    assert_eq!(setting(&manifest, "paths"), ["paths = [\"docs/adr\"]"]);
    assert!(setting(&manifest, "statuses").is_empty());
}

const ADR: &str = "# 1. Use Postgres\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n## Decision\n\nWe use the managed Postgres service.\n\n## Consequences\n\nBackups are the provider's.\n";

/// `check .` at a repository root lints its ADR folders, not its README or guides.
#[test]
fn check_dot_lints_only_the_adr_folders() {
    let repo = Repo::new()
        .file("README.md", "# A service\n\nIt does things.\n")
        .file(
            "CONTRIBUTING.md",
            "# Contributing\n\nOpen a pull request.\n",
        )
        .file("docs/guide.md", "# Guide\n\nRun it with make.\n")
        .file("docs/adr/0001-use-postgres.md", ADR)
        .file("services/billing/docs/adr/0001-use-postgres.md", ADR);
    for args in [
        &["check", ".", "--format", "json"][..],
        &["check", "--format", "json"],
    ] {
        let run = repo.run(args);
        let value = json(&run);
        let paths: Vec<String> = rows(&value).into_iter().map(|r| r.1).collect();
        assert!(
            paths.iter().all(|p| p.contains("docs/adr/")),
            "{args:?}: {paths:?}"
        );
        let expected = if args.contains(&".") { 2 } else { 1 };
        assert_eq!(
            value["summary"]["files"], expected,
            "{args:?}: {}",
            run.stderr
        );
    }
    // A named file is always linted, and so is a named folder that is no project root.
    let run = repo.run(&["check", "README.md", "--format", "json"]);
    assert_eq!(json(&run)["summary"]["files"], 1);
    let run = repo.run(&["check", "docs", "--format", "json"]);
    assert_eq!(json(&run)["summary"]["files"], 2, "{}", run.stderr);
    // A root with no ADR folder in it is an error: a run that checks nothing would pass.
    let repo_without = Repo::new()
        .file("README.md", "# A service\n")
        .file("services/billing/src/notes.md", "# Notes\n");
    let run = repo_without.run(&["check", ".", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no ADR folder found in `"),
        "{}",
        run.stderr
    );
}
