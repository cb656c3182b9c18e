//! Commands, configuration errors, exit codes and colour, on the real binary.

mod common;

use common::{Repo, fixture, json, row, rows, run_in, run_with_env};

#[test]
fn misspelt_category_exits_2_with_a_suggestion() {
    let run = run_in(&fixture("bad-category"), &["check", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error[invalid-config]: unknown team category `framework-usr`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("┌─ adrlint.toml:3:12"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: did you mean `framework-user`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_key_exits_2_with_a_suggestion() {
    let run = run_in(&fixture("unknown-key"), &["check", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown field `categry`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ adrlint.toml:3:1"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `category`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn wrong_type_exits_2() {
    let run = run_in(&fixture("wrong-type"), &["check", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("invalid type: integer `3`, expected a string"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("┌─ adrlint.toml:3:12"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_rule_pack_reports_every_problem_with_spans() {
    let run = run_in(&fixture("bad-pack"), &["check", "--color", "never"]);
    assert_eq!(run.code, 2);
    let stderr = &run.stderr;
    assert!(
        stderr.contains("duplicate rule id `own-scheduler`"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ adr-rules/house.toml:2:6"), "{stderr}");
    assert!(
        stderr.contains("┌─ rules/build-your-own.toml:"),
        "both definitions are shown: {stderr}"
    );
    assert!(
        stderr.contains("unknown category `framework-creater`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `framework-creator`?"),
        "{stderr}"
    );
    assert!(stderr.contains("invalid regex in rule pattern"), "{stderr}");
    assert!(stderr.contains("┌─ adr-rules/house.toml:13:13"), "{stderr}");
    assert!(stderr.contains("unclosed group"), "{stderr}");
}

#[test]
fn no_manifest_warns_once_and_skips_claims() {
    let run = run_in(&fixture("no-manifest"), &["check", "--color", "never"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr.matches("no team category is declared").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("adrlint init"), "{}", run.stderr);
    assert!(
        run.stdout.contains("no findings in 1 file"),
        "{}",
        run.stdout
    );
}

#[test]
fn missing_path_exits_2_and_other_paths_are_still_linted() {
    let run = run_in(
        &fixture("demo"),
        &["check", "--format", "json", "nope.md", "docs/adr"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`nope.md` does not exist"),
        "{}",
        run.stderr
    );
    let value = common::json(&run);
    assert_eq!(value["summary"]["files"], 2);
}

#[test]
fn config_flag_overrides_discovery() {
    let config = fixture("categories/framework-creator/adrlint.toml");
    let config = config.to_string_lossy();
    let (code, rows, _, _) =
        common::check_json("categories/data-product-user", &["--config", &config]);
    assert_eq!(rows, vec![]);
    assert_eq!(code, 0);
}

#[test]
fn unknown_category_flag_exits_2() {
    let run = run_in(&fixture("demo"), &["check", "--category", "framework-usr"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `framework-user`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn human_output_has_both_labels_and_a_summary() {
    let run = run_in(&fixture("demo"), &["check", "--color", "never"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("demo_human", run.stdout);
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let piped = run_in(&fixture("demo"), &["check"]);
    assert!(
        !piped.stdout.contains('\u{1b}'),
        "colour leaked into a pipe"
    );
    let forced = run_in(&fixture("demo"), &["check", "--color", "always"]);
    assert!(forced.stdout.contains('\u{1b}'));
    let clicolor = run_with_env(&fixture("demo"), &["check"], &[("CLICOLOR_FORCE", "1")]);
    assert!(clicolor.stdout.contains('\u{1b}'));
    let no_color = run_with_env(
        &fixture("demo"),
        &["check"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn rules_lists_every_rule() {
    let run = run_in(&fixture("demo"), &["rules"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("ID"), "{}", run.stdout);
    for id in [
        "own-scheduler",
        "adopt-spark",
        "nih-rationale",
        "invalid-utf8",
    ] {
        assert!(run.stdout.contains(id), "{id} missing");
    }
    let json = run_in(&fixture("demo"), &["rules", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap_or_default();
    let scheduler = value
        .as_array()
        .and_then(|rules| rules.iter().find(|r| r["id"] == "own-scheduler"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(scheduler["requires"], "framework-creator");
    assert_eq!(scheduler["severity"], "error");
    assert_eq!(scheduler["pack"], "rules/build-your-own.toml");
}

#[test]
fn rules_shows_user_packs_and_overrides() {
    let run = run_in(&fixture("user-pack"), &["rules"]);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("own-ledger ") && l.contains("house.toml")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("nih-rationale ") && l.contains(" off ")),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_prints_the_long_text() {
    let run = run_in(&fixture("demo"), &["explain", "own-scheduler"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("## Examples that fire"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("requires: framework-creator"),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_unknown_rule_suggests() {
    let run = run_in(&fixture("demo"), &["explain", "own-schedular"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `own-scheduler`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn init_writes_a_valid_manifest_and_never_overwrites() {
    let dir = Repo::new();
    let run = dir.run(&["init", "--category", "data-product-user"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("adrlint.toml")).unwrap_or_default();
    assert!(written.contains("category = \"data-product-user\""));
    assert_eq!(
        written.lines().next(),
        Some("#:schema https://github.com/adrlint/adrlint/raw/main/docs/adrlint.schema.json"),
        "the first line points taplo and editors at the schema"
    );
    assert!(
        written.lines().any(|l| l.starts_with('#')),
        "the manifest is commented"
    );
    // The written manifest loads: a check with it is not a configuration error.
    dir.write(
        "docs/adr/0001-x.md",
        "# 1. X\n\n## Decision\n\nWe adopt Apache Spark.\n",
    );
    let check = dir.run(&["check", "--format", "json"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let again = dir.run(&["init"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("adrlint.toml")).unwrap_or_default(),
        written
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary file is left: {leftovers:?}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = run_in(&fixture("demo"), &["check", "--format", "yaml"]);
    assert_eq!(run.code, 2);
    let run = run_in(&fixture("demo"), &["--version"]);
    assert_eq!(run.code, 0);
}

/// Paths are shown as the user would type them from where adrlint ran: `./` dropped, `..`
/// kept, whichever way the folder was named.
#[test]
fn paths_are_shown_relative_to_where_adrlint_runs() {
    let adr = "# 1. Use queues\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n\
               ## Decision\n\nWe will build our own message broker.\n\n## Consequences\n\nN.\n";
    let repo = Repo::new()
        .file("adrlint.toml", "[team]\ncategory = \"framework-user\"\n")
        .file("docs/adr/0001-use-queues.md", adr)
        .file("tools/keep.txt", "");
    let expected = |path: &str| vec![row("own-message-broker", path, 15, 9, "error")];
    let from_root = repo.run(&["check", "--format", "json", "./docs/adr"]);
    assert_eq!(
        rows(&json(&from_root)),
        expected("docs/adr/0001-use-queues.md")
    );
    let from_below = run_in(
        &repo.path().join("tools"),
        &["check", "--format", "json", "../docs/adr"],
    );
    assert_eq!(
        rows(&json(&from_below)),
        expected("../docs/adr/0001-use-queues.md")
    );
    let through_parent = repo.run(&["check", "--format", "json", "tools/../docs/adr"]);
    assert_eq!(
        rows(&json(&through_parent)),
        expected("tools/../docs/adr/0001-use-queues.md")
    );
}

#[test]
fn a_configuration_error_stops_the_run_before_any_report() {
    for name in ["bad-pack", "bad-category", "unknown-key"] {
        let run = run_in(&fixture(name), &["check", "--format", "sarif"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert_eq!(
            run.stdout, "",
            "{name}: a CI job must not upload half a report"
        );
    }
}

#[test]
fn output_file_holds_the_report_and_stdout_stays_empty() {
    let repo = Repo::new().file(
        "docs/adr/0001-x.md",
        "# 1. X\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nWe will build our own job scheduler.\n\n## Consequences\n\nc\n",
    );
    let run = repo.run(&[
        "check",
        "docs/adr",
        "--category",
        "framework-user",
        "--format",
        "json",
        "--output-file",
        "out/report.json",
    ]);
    // The folder of the report must exist: adrlint makes no folders it was not asked for.
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot write the report `out/report.json`")
    );
    std::fs::create_dir(repo.path().join("out")).unwrap();
    let run = repo.run(&[
        "check",
        "docs/adr",
        "--category",
        "framework-user",
        "--format",
        "json",
        "-o",
        "out/report.json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let text = std::fs::read_to_string(repo.path().join("out/report.json")).unwrap();
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rules: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"own-scheduler"), "{rules:?}");
    let names: Vec<_> = std::fs::read_dir(repo.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["report.json"], "no temporary file is left behind");
}

#[test]
fn force_color_colours_a_pipe_and_no_color_wins() {
    let demo = fixture("demo");
    let human = run_with_env(&demo, &["check"], &[("FORCE_COLOR", "1")]);
    assert!(human.stdout.contains('\u{1b}'), "{}", human.stdout);
    let both = run_with_env(
        &demo,
        &["check"],
        &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")],
    );
    assert!(!both.stdout.contains('\u{1b}'));
}

/// A log with a claim in 0001 and a gap before 0003 (`number-gap`), in `legacy/` and not.
fn selection_repo() -> Repo {
    let adr = |n: u32, decision: &str| {
        format!(
            "# {n}. Record {n}\n\nDate: 2024-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\n{decision}\n\n## Consequences\n\nc\n"
        )
    };
    Repo::new()
        .file(
            "adrlint.toml",
            "[team]\ncategory = \"framework-user\"\n\n[adr]\npaths = [\"docs/adr\"]\n\n[rules.per-file-ignores]\n\"docs/adr/legacy/*\" = [\"hygiene\"]\n",
        )
        .file("docs/adr/0001-jobs.md", adr(1, "We will build our own job scheduler."))
        .file("docs/adr/0003-db.md", adr(3, "We will use the managed Postgres."))
        .file("docs/adr/legacy/0001-old.md", adr(1, "We will use the managed Redis."))
        .file("docs/adr/legacy/0004-older.md", adr(4, "We will use the managed Kafka."))
}

fn rules_of(run: &common::Run) -> Vec<String> {
    let mut found: Vec<String> = rows(&json(run))
        .into_iter()
        .map(|(rule, path, ..)| format!("{rule} {path}"))
        .collect();
    found.sort();
    found
}

#[test]
fn select_ignore_and_extend_select_take_ids_and_groups() {
    let repo = selection_repo();
    let all = repo.run(&["check", "--format", "json"]);
    assert_eq!(
        rules_of(&all),
        [
            "number-gap docs/adr/0003-db.md",
            "own-scheduler docs/adr/0001-jobs.md"
        ],
        "per-file-ignores hides legacy/'s hygiene: {}",
        all.stdout
    );
    let claims = repo.run(&["check", "--format", "json", "--select", "claims"]);
    assert_eq!(rules_of(&claims), ["own-scheduler docs/adr/0001-jobs.md"]);
    assert_eq!(claims.code, 1);
    let hygiene = repo.run(&["check", "--format", "json", "--ignore", "own-scheduler"]);
    assert_eq!(rules_of(&hygiene), ["number-gap docs/adr/0003-db.md"]);
    assert_eq!(hygiene.code, 0, "a warning does not fail the run");
    let both = repo.run(&[
        "check",
        "--format",
        "json",
        "--select=claims",
        "--extend-select=number-gap",
    ]);
    assert_eq!(rules_of(&both).len(), 2, "{}", both.stdout);
}

#[test]
fn an_unknown_selector_is_a_usage_error_with_a_suggestion() {
    let repo = selection_repo();
    let run = repo.run(&["check", "--ignore", "nuber-gap", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("unknown rule or group `nuber-gap` given to --ignore"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `number-gap`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_rule_in_per_file_ignores_points_at_it() {
    let repo = Repo::new()
        .file(
            "adrlint.toml",
            "[team]\ncategory = \"framework-user\"\n\n[rules.per-file-ignores]\n\"docs/adr/*\" = [\"own-sheduler\"]\n",
        )
        .file("docs/adr/0001-x.md", "# 1. X\n\nWe will use Postgres.\n");
    let run = repo.run(&["check", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown rule or group `own-sheduler` in per-file-ignores"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("┌─ adrlint.toml:5:17"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `own-scheduler`?"),
        "{}",
        run.stderr
    );
}

/// SARIF's `helpUri` links each built-in rule's section of docs/rules.md, which is generated.
#[test]
fn the_rules_page_is_in_step_with_the_rules() {
    let run = Repo::new().run(&["rules", "--format", "markdown"]);
    assert_eq!(run.code, 0);
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .unwrap_or_default();
    assert!(
        page == run.stdout,
        "docs/rules.md is stale: run `cargo run -q -- rules --format markdown > docs/rules.md`"
    );
    for id in ["own-scheduler", "number-gap", "unreadable-file"] {
        assert!(page.contains(&format!("\n### {id}\n")), "{id}");
    }
}

#[test]
fn junit_fails_only_at_fail_on_and_sarif_tells_how_the_run_went() {
    let demo = fixture("demo");
    let junit = run_in(&demo, &["check", "--format", "junit"]);
    assert!(junit.stdout.contains(r#"failures="1""#), "{}", junit.stdout);
    assert!(
        junit
            .stdout
            .contains("<system-out>warning[overkill-rationale]"),
        "{}",
        junit.stdout
    );
    let warning = run_in(
        &demo,
        &["check", "--format", "junit", "--fail-on", "warning"],
    );
    assert!(
        warning.stdout.contains(r#"failures="2""#),
        "{}",
        warning.stdout
    );

    let sarif = run_in(
        &demo,
        &["check", "--format", "sarif", "docs", "no-such-folder"],
    );
    assert_eq!(sarif.code, 2);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["descriptor"]["id"], "missing-path");
    assert_eq!(notification["level"], "error");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let scheduler = rules.iter().find(|r| r["id"] == "own-scheduler").unwrap();
    assert_eq!(
        scheduler["helpUri"],
        "https://github.com/adrlint/adrlint/blob/main/docs/rules.md#own-scheduler"
    );
    let result = &log["runs"][0]["results"][0];
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("(the team is declared framework-user [here](1))"),
        "{result}"
    );
}
