//! CI and pre-commit workflows: suppressions, baselines, standard input, statistics, quiet,
//! exit-zero, ignore files.

mod common;

use std::process::{Command, Stdio};

use common::{Repo, check_json, fixture, row, run_in};

#[test]
fn suppressions_hide_with_reasons_and_report_their_own_problems() {
    let (code, rows, _, _) = check_json("suppressions", &[]);
    assert_eq!(
        rows,
        vec![
            row(
                "own-message-broker",
                "docs/adr/0001-suppressed.md",
                16,
                9,
                "error"
            ),
            row(
                "suppression-without-reason",
                "docs/adr/0002-problems.md",
                9,
                1,
                "warning"
            ),
            row(
                "suppression-unknown-rule",
                "docs/adr/0002-problems.md",
                12,
                32,
                "warning"
            ),
            row(
                "unused-suppression",
                "docs/adr/0002-problems.md",
                15,
                32,
                "warning"
            ),
            row(
                "invalid-suppression",
                "docs/adr/0002-problems.md",
                18,
                1,
                "warning"
            ),
        ]
    );
    assert_eq!(code, 1);
    let human = run_in(&fixture("suppressions"), &["check", "--color", "never"]);
    assert!(
        human.stdout.contains("did you mean `own-scheduler`?"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("did you mean `adrlint-disable`?"),
        "{}",
        human.stdout
    );
}

fn baseline_repo() -> Repo {
    Repo::new()
        .file("adrlint.toml", "[team]\ncategory = \"framework-user\"\n")
        .file(
            "docs/adr/0001-queue.md",
            "# 1. Queue\n\nStatus: accepted\n\n## Decision\n\nWe will build our own message broker on PostgreSQL.\n\nWe will build our own scheduler.\n",
        )
        .file(
            "docs/adr/0002-other.md",
            "# 2. Other\n\nStatus: accepted\n\n## Decision\n\nWe will write our own RPC framework.\n",
        )
}

#[test]
fn baseline_hides_recorded_findings_and_survives_rewrapping() {
    let dir = baseline_repo();
    let written = dir.run(&["check", "--write-baseline", "adrlint-baseline.json"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(
        written.stderr.contains("wrote 3 baseline entries"),
        "{}",
        written.stderr
    );
    let hidden = dir.run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        "adrlint-baseline.json",
    ]);
    assert_eq!(hidden.code, 0, "{}", hidden.stdout);
    assert_eq!(common::rows(&common::json(&hidden)), vec![]);

    // Re-wrap and move the paragraph: still hidden.
    dir.write(
        "docs/adr/0001-queue.md",
        "# 1. Queue\n\nStatus: accepted\n\n## Decision\n\nWe will build our own scheduler.\n\nAfter a long discussion, we will build\nour own\nmessage broker on PostgreSQL.\n",
    );
    let rewrapped = dir.run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        "adrlint-baseline.json",
    ]);
    assert_eq!(
        common::rows(&common::json(&rewrapped)),
        vec![],
        "{}",
        rewrapped.stdout
    );
    assert_eq!(rewrapped.code, 0);

    // A new claim is reported; a deleted one makes its entry stale.
    dir.write(
        "docs/adr/0001-queue.md",
        "# 1. Queue\n\nStatus: accepted\n\n## Decision\n\nWe will build our own scheduler.\n\nWe will implement our own distributed cache.\n",
    );
    let changed = dir.run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        "adrlint-baseline.json",
    ]);
    assert_eq!(
        common::rows(&common::json(&changed)),
        vec![
            row(
                "stale-baseline-entry",
                "adrlint-baseline.json",
                4,
                5,
                "warning"
            ),
            row(
                "own-distributed-cache",
                "docs/adr/0001-queue.md",
                9,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(changed.code, 1);

    // Linting one file does not call the other files' entries stale.
    let one = dir.run(&[
        "check",
        "--format",
        "json",
        "--baseline",
        "adrlint-baseline.json",
        "docs/adr/0002-other.md",
    ]);
    assert_eq!(common::rows(&common::json(&one)), vec![]);
}

#[test]
fn broken_baseline_is_a_configuration_error() {
    let dir = baseline_repo();
    dir.write(
        "bad.json",
        "{\"version\": 1, \"entries\": [\n  {\"path\": 3}\n]}\n",
    );
    let run = dir.run(&["check", "--baseline", "bad.json", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error[invalid-baseline]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ bad.json:2:"), "{}", run.stderr);
}

#[test]
fn stdin_is_linted_under_the_given_name() {
    let dir = fixture("nygard");
    let (code, stdout, _) = check_with_stdin(
        &dir,
        &[
            "--format",
            "short",
            "--stdin-filename",
            "docs/adr/0009-new.md",
        ],
        b"# 9. New\n\n## Decision\n\nWe will build our own scheduler.\n",
    );
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("docs/adr/0009-new.md:5:9: error[own-scheduler]"),
        "{stdout}"
    );
    // The log pass reads the folder on disk: the buffer is ADR 9 of a log that ends at 2.
    assert!(
        stdout.contains(
            "docs/adr/0009-new.md:1:3: info[number-gap] no ADRs numbered 3 to 8 in this folder (the numbers jump from 2 to 9)"
        ),
        "{stdout}"
    );
    assert!(
        !dir.join("docs/adr/0009-new.md").exists(),
        "stdin is never written to disk"
    );
}

/// Runs `check` with `args` in `dir`, writing `input` to its standard input.
fn check_with_stdin(
    dir: &std::path::Path,
    args: &[&str],
    input: &[u8],
) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_adrlint"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(stdin) = child.stdin.as_mut() {
        use std::io::Write;
        // A run that exits before reading closes the pipe; that is what some cases test.
        let _ = stdin.write_all(input);
    }
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn dash_names_standard_input_only_with_a_stdin_filename() {
    let dir = fixture("nygard");
    let adr = b"# 9. New\n\n## Decision\n\nWe will build our own scheduler.\n";
    let name = [
        "--format",
        "short",
        "--stdin-filename",
        "docs/adr/0009-new.md",
    ];

    let (code, stdout, _) = check_with_stdin(&dir, &[&name[..], &["-"]].concat(), adr);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("docs/adr/0009-new.md:5:9: error[own-scheduler]"),
        "{stdout}"
    );

    let (code, _, stderr) = check_with_stdin(&dir, &[&name[..], &["docs/adr"]].concat(), adr);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("give no other path"), "{stderr}");

    let (code, _, stderr) = check_with_stdin(&dir, &["-"], adr);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("only with --stdin-filename"), "{stderr}");
}

#[test]
fn statistics_quiet_and_exit_zero() {
    let stats = run_in(&fixture("formats"), &["check", "--statistics"]);
    assert_eq!(stats.code, 1);
    let lines: Vec<&str> = stats.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", stats.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("1  adopt-kafka")),
        "{}",
        stats.stdout
    );

    let quiet = run_in(&fixture("no-manifest"), &["check", "--quiet"]);
    assert_eq!(quiet.stdout, "");
    assert_eq!(quiet.stderr, "");

    let zero = run_in(
        &fixture("demo"),
        &["check", "--exit-zero", "--format", "short"],
    );
    assert_eq!(zero.code, 0);
    assert!(!zero.stdout.is_empty());
    let config_error = run_in(&fixture("bad-category"), &["check", "--exit-zero"]);
    assert_eq!(
        config_error.code, 2,
        "--exit-zero never hides a broken configuration"
    );
}

#[test]
fn gitignored_files_need_no_ignore() {
    let dir = Repo::new()
        .file("adrlint.toml", "[team]\ncategory = \"framework-user\"\n")
        .file(".gitignore", "drafts/\n")
        .file(
            "docs/adr/drafts/0001-x.md",
            "# 1. X\n\n## Decision\n\nWe will build our own scheduler.\n",
        );
    let ignored = dir.run(&["check", "docs/adr", "--format", "json"]);
    assert_eq!(common::json(&ignored)["summary"]["files"], 0);
    let included = dir.run(&["check", "docs/adr", "--no-ignore", "--format", "json"]);
    assert_eq!(common::json(&included)["summary"]["files"], 1);
    assert_eq!(included.code, 1);
}
