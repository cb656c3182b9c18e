//! Shell integration: completion scripts, the manual page, and what `--help` tells.

mod common;

use common::Repo;

const SUBCOMMANDS: [&str; 10] = [
    "check",
    "rules",
    "explain",
    "init",
    "evidence",
    "graph",
    "parse",
    "schema",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_know_the_subcommands() {
    let repo = Repo::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = repo.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("adrlint"), "{shell}");
        for sub in ["check", "init", "completions"] {
            assert!(run.stdout.contains(sub), "{shell} lacks {sub}");
        }
    }
    let bash = repo.run(&["completions", "bash"]).stdout;
    for sub in SUBCOMMANDS {
        assert!(
            bash.contains(&format!("adrlint__subcmd__{sub}")),
            "bash lacks {sub}"
        );
    }
    // Possible values complete too: formats, and the categories of `--category`.
    for value in ["json-lines", "sarif", "framework-creator", "powershell"] {
        assert!(bash.contains(value), "bash lacks {value}");
    }
    let bad = repo.run(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("possible values"), "{}", bad.stderr);
}

#[test]
fn the_man_page_is_roff_with_a_title_and_every_subcommand() {
    let repo = Repo::new();
    let run = repo.run(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // roff's definition of the apostrophe string comes first, then the title.
    let first_macro = run
        .stdout
        .lines()
        .find(|line| !line.starts_with(".ie ") && !line.starts_with(".el "))
        .unwrap_or_default();
    assert!(
        first_macro.starts_with(".TH adrlint 1 "),
        "{}",
        &run.stdout[..run.stdout.len().min(300)]
    );
    assert!(
        first_macro.contains(concat!("\"adrlint ", env!("CARGO_PKG_VERSION"), "\"")),
        "{first_macro}"
    );
    for sub in SUBCOMMANDS {
        assert!(run.stdout.contains(sub), "{sub}");
    }
    assert!(run.stdout.contains("Exit codes"));
    let check = repo.run(&["man", "check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stdout.contains("\n.TH adrlint-check 1 "),
        "{}",
        &check.stdout[..check.stdout.len().min(300)]
    );
    assert!(
        check.stdout.contains("\\-\\-fail\\-on"),
        "the options are documented"
    );
    let bad = repo.run(&["man", "chek"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("did you mean `check`?"),
        "{}",
        bad.stderr
    );
    assert!(bad.stdout.is_empty());
}

#[test]
fn check_help_has_examples_possible_values_and_the_exit_codes() {
    let repo = Repo::new();
    for flag in ["--help", "-h"] {
        let run = repo.run(&["check", flag]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("Exit codes:"), "{flag}: {}", run.stdout);
        for code in ["  0  ", "  1  ", "  2  "] {
            assert!(run.stdout.contains(code), "{flag} lacks exit code {code:?}");
        }
        for value in [
            "json-lines",
            "junit",
            "framework-creator",
            "data-product-user",
            "always",
            "warning",
        ] {
            assert!(run.stdout.contains(value), "{flag} lacks {value}");
        }
    }
    let long = repo.run(&["check", "--help"]).stdout;
    assert!(long.contains("Examples:"), "{long}");
    assert!(long.contains("adrlint check --diff-base"), "{long}");
    let top = repo.run(&["--help"]).stdout;
    assert!(top.contains("Exit codes:"), "{top}");
    for sub in SUBCOMMANDS {
        assert!(top.contains(&format!("  {sub} ")), "{sub}");
    }
}

#[test]
fn every_option_with_a_closed_set_of_values_lists_them() {
    let repo = Repo::new();
    for (command, values) in [
        (vec!["rules", "--help"], vec!["human", "json", "markdown"]),
        (vec!["explain", "--help"], vec!["human", "json"]),
        (vec!["evidence", "--help"], vec!["human", "json"]),
        (vec!["graph", "--help"], vec!["dot", "mermaid"]),
        (vec!["parse", "--help"], vec!["human", "json"]),
        (
            vec!["init", "--help"],
            vec!["framework-user", "framework-creator"],
        ),
        (
            vec!["completions", "--help"],
            vec!["bash", "zsh", "fish", "powershell", "elvish"],
        ),
    ] {
        let run = repo.run(&command);
        assert_eq!(run.code, 0, "{command:?}");
        assert!(
            run.stdout.contains("Possible values:") || run.stdout.contains("possible values:"),
            "{command:?}: {}",
            run.stdout
        );
        for value in values {
            assert!(run.stdout.contains(value), "{command:?} lacks {value}");
        }
    }
}

#[test]
fn a_bad_category_still_gets_adrlints_did_you_mean() {
    let repo = Repo::new();
    let run = repo.run(&["init", "--category", "framework-usr"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `framework-user`?"),
        "{}",
        run.stderr
    );
    assert!(!repo.path().join("adrlint.toml").exists());
}
