//! `check --diff-base REF` in a temporary git repository: only what changed since the merge
//! base is reported.

mod common;

use std::process::Command;

use common::{Repo, json, rows};

fn git(repo: &Repo, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.email=t@example.invalid", "-c", "user.name=T"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(repo.path())
        .output();
    match status {
        Ok(output) => assert!(output.status.success(), "git {args:?}: {output:?}"),
        Err(error) => panic!("cannot run git: {error}"),
    }
}

fn adr(n: u32, decision: &str) -> String {
    format!(
        "# {n}. Record {n}\n\nDate: 2024-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nWe need it.\n\n## Decision\n\n{decision}\n\n## Consequences\n\nSome.\n"
    )
}

/// A log on `main` with a claim in 0001; a branch that adds a claim to 0002 and a new 0004.
fn repo() -> Repo {
    let repo = Repo::new()
        .file(
            "adrlint.toml",
            "[team]\ncategory = \"framework-user\"\n\n[adr]\npaths = [\"docs/adr\"]\n",
        )
        .file(
            "docs/adr/0001-jobs.md",
            adr(1, "We will build our own job scheduler."),
        )
        .file(
            "docs/adr/0002-bus.md",
            adr(2, "We will use the managed Postgres."),
        );
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "log"]);
    git(&repo, &["checkout", "-q", "-b", "feature"]);
    repo.write(
        "docs/adr/0002-bus.md",
        adr(
            2,
            "We will use the managed Postgres.\n\nWe will write our own message broker.",
        ),
    );
    git(&repo, &["commit", "-q", "-am", "a broker"]);
    // Uncommitted and untracked work counts too; 0004 leaves a gap at 0003.
    repo.write(
        "docs/adr/0004-lock.md",
        adr(4, "We will implement our own distributed lock service."),
    );
    repo
}

fn found(run: &common::Run) -> Vec<String> {
    rows(&json(run))
        .into_iter()
        .map(|(rule, path, line, ..)| format!("{rule} {path}:{line}"))
        .collect()
}

#[test]
fn only_changed_lines_and_changed_files_are_reported() {
    let repo = repo();
    let all = repo.run(&["check", "--format", "json"]);
    assert!(
        found(&all).contains(&"own-scheduler docs/adr/0001-jobs.md:15".to_string()),
        "{:?}",
        found(&all)
    );

    let run = repo.run(&["check", "--format", "json", "--diff-base", "main"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        found(&run),
        [
            "own-message-broker docs/adr/0002-bus.md:17",
            "number-gap docs/adr/0004-lock.md:1",
            "own-lock-service docs/adr/0004-lock.md:15",
        ],
        "the claim on 0001's untouched line is not reported"
    );
    // Every file is still checked (the log needs them all), only the report is narrowed.
    assert_eq!(json(&run)["summary"]["files"], 3);

    // On main itself nothing changed since the merge base.
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "lock"]);
    let run = repo.run(&["check", "--format", "json", "--diff-base", "HEAD"]);
    assert_eq!(found(&run), Vec::<String>::new());
    assert_eq!(run.code, 0);
}

#[test]
fn a_missing_ref_is_a_clear_error() {
    let repo = repo();
    let run = repo.run(&["check", "--diff-base", "no-such-branch", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains(
            "error[invalid-diff-base]: cannot find the merge base of `no-such-branch` and HEAD"
        ),
        "{}",
        run.stderr
    );
    let outside = Repo::new().file("docs/adr/0001-x.md", adr(1, "We use X."));
    let run = outside.run(&["check", "--diff-base", "main", "--color", "never"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--diff-base needs a git work tree"),
        "{}",
        run.stderr
    );
}
