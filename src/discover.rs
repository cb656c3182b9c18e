//! Finding the files to lint: named files always, folders walked with `.gitignore` honoured.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::diag::Problem;

/// Folders tried, in order, when neither the command line nor the manifest names any: ADR
/// logs, and the folders that keep RFCs, design docs and proposals. Every one that exists is
/// linted. The pre-commit hook's `files:` pattern matches each (a test holds them together).
pub const DEFAULT_FOLDERS: [&str; 16] = [
    "docs/adr",
    "docs/adrs",
    "doc/adr",
    "docs/decisions",
    "docs/architecture/decisions",
    "docs/architecture-decision-records",
    "adr",
    "adrs",
    "decisions",
    "architecture-decision-records",
    "rfcs",
    "docs/rfcs",
    "docs/design",
    "docs/design-docs",
    "docs/proposals",
    "design-docs",
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub path: PathBuf,
    /// Named on the command line: linted whatever its name or ignore rules.
    pub explicit: bool,
}

pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The files under `paths`, sorted and without duplicates, plus problems for paths that do not
/// exist or cannot be walked.
pub fn discover(paths: &[PathBuf], honour_ignores: bool) -> (Vec<Target>, Vec<Problem>) {
    let mut targets = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let shown = crate::paths::display(path);
        if path.is_file() {
            targets.push(Target {
                path: path.clone(),
                explicit: true,
            });
        } else if path.is_dir() {
            walk(path, honour_ignores, &mut targets, &mut problems);
        } else if let Some(problem) = broken_link(path) {
            problems.push(problem);
        } else if path.exists() {
            problems.push(Problem::warning(
                "unreadable-path",
                format!("`{shown}` is neither a file nor a folder; skipped"),
            ));
        } else {
            problems.push(
                Problem::error("missing-path", format!("`{shown}` does not exist"))
                    .help("pass ADR files or folders, or set `[adr] paths` in adrlint.toml"),
            );
        }
    }
    targets.sort();
    targets.dedup_by(|a, b| a.path == b.path);
    (targets, problems)
}

/// A warning for a symbolic link that cannot be followed (a loop, a missing target), so it is
/// not reported as missing nor skipped silently.
fn broken_link(path: &Path) -> Option<Problem> {
    let link = std::fs::symlink_metadata(path).ok()?;
    if !link.file_type().is_symlink() {
        return None;
    }
    let error = std::fs::metadata(path).err()?;
    Some(Problem::warning(
        "unreadable-path",
        format!(
            "`{}` is a symbolic link that cannot be followed: {error}; skipped",
            crate::paths::display(path)
        ),
    ))
}

fn walk(root: &Path, honour_ignores: bool, targets: &mut Vec<Target>, problems: &mut Vec<Problem>) {
    let walker = WalkBuilder::new(root)
        .standard_filters(honour_ignores)
        .hidden(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                if file_type.is_some_and(|t| t.is_file()) && is_markdown(entry.path()) {
                    targets.push(Target {
                        path: entry.into_path(),
                        explicit: false,
                    });
                } else if file_type.is_some_and(|t| t.is_symlink())
                    && is_markdown(entry.path())
                    && let Some(problem) = broken_link(entry.path())
                {
                    problems.push(problem);
                }
            }
            Err(error) => problems.push(Problem::warning(
                "unreadable-path",
                format!("while walking `{}`: {error}", crate::paths::display(root)),
            )),
        }
    }
}

#[cfg(test)]
mod default_folder_tests {
    use super::DEFAULT_FOLDERS;

    /// The pre-commit hook runs on the files `adrlint check` finds by default, no more, no less.
    #[test]
    fn the_pre_commit_pattern_matches_every_default_folder() {
        let hooks = include_str!("../.pre-commit-hooks.yaml");
        let Some(pattern) = hooks
            .lines()
            .find_map(|l| l.trim().strip_prefix("files:"))
            .map(str::trim)
        else {
            panic!("no files: pattern in .pre-commit-hooks.yaml");
        };
        let files = match regex::Regex::new(pattern) {
            Ok(files) => files,
            Err(error) => panic!("the hook's files: pattern is no regex: {error}"),
        };
        for folder in DEFAULT_FOLDERS {
            let path = format!("{folder}/0001-x.md");
            assert!(files.is_match(&path), "{path} is not matched by {pattern}");
            assert!(files.is_match(&format!("service/{path}")), "nested {path}");
        }
        assert!(!files.is_match("src/design.md"));
        assert!(!files.is_match("docs/guide/index.md"));
    }
}
