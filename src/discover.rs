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
/// exist or cannot be walked. Folders are read as [`adr_folders`] says, with no manifest.
pub fn discover(paths: &[PathBuf], honour_ignores: bool) -> (Vec<Target>, Vec<Problem>) {
    discover_with(paths, honour_ignores, &mut |_| false)
}

/// [`discover`], with `listed(dir)` telling whether a manifest's `[adr] paths` names `dir`.
/// Named files are always taken; a named folder gives the ADRs of the ADR folders at or below
/// it, and none at all is a `missing-path` error, since a run that checks nothing would pass.
pub fn discover_with(
    paths: &[PathBuf],
    honour_ignores: bool,
    listed: &mut dyn FnMut(&Path) -> bool,
) -> (Vec<Target>, Vec<Problem>) {
    let mut targets = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let shown = crate::paths::display(path);
        if path.is_file() {
            targets.push(Target {
                path: path.clone(),
                explicit: true,
            });
        } else if path.is_dir() && !is_project_root(path) {
            // A folder the user named that is no repository or team root: its Markdown is what
            // they mean to lint, whatever its layout (a collection of records gathered for
            // review, say).
            walk(path, honour_ignores, &mut targets, &mut problems);
        } else if path.is_dir() {
            let folders = adr_folders(path, honour_ignores, listed, &mut problems);
            if folders.is_empty() {
                problems.push(no_adr_folder(&shown));
            }
            for folder in folders {
                match folder.kind {
                    FolderKind::Log => {
                        walk(&folder.path, honour_ignores, &mut targets, &mut problems)
                    }
                    FolderKind::Numbered(files) => {
                        targets.extend(files.into_iter().map(|path| Target {
                            path,
                            explicit: false,
                        }))
                    }
                }
            }
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

/// The names of the team manifest (the manifest module loads them).
pub const MANIFEST_NAMES: [&str; 2] = ["adrlint.toml", ".adrlint.toml"];

/// Whether `dir` holds a whole project, whose other Markdown (README, guides, changelogs) is
/// not ADRs: the working folder, a git work tree's root, or a team's folder with a manifest.
/// Only such a folder is searched for its ADR folders.
fn is_project_root(dir: &Path) -> bool {
    let cwd = std::env::current_dir()
        .ok()
        .map(|cwd| crate::hygiene::normalise(&cwd));
    cwd.is_some_and(|cwd| crate::hygiene::normalise(dir) == cwd)
        || dir.join(".git").exists()
        || MANIFEST_NAMES.iter().any(|name| dir.join(name).is_file())
}

fn no_adr_folder(shown: &str) -> Problem {
    Problem::error("missing-path", format!("no ADR folder found in `{shown}`"))
        .note(
            "an ADR folder is one of the usual folders (docs/adr, adrs, decisions, rfcs, …), a \
             folder named in `[adr] paths`, or one that holds numbered ADRs such as \
             `0001-use-postgres.md`",
        )
        .help("pass the ADR files themselves, or add their folder to `[adr] paths` in adrlint.toml")
}

/// How an ADR folder takes part in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderKind {
    /// A folder that is an ADR log by its name or by `[adr] paths`: every Markdown file below it.
    Log,
    /// A folder that is a log only because it holds numbered ADRs (a repository root, say):
    /// those files, sorted; the rest of its Markdown is the repository's own (README,
    /// CHANGELOG, guides). Folders below it are searched like any other.
    Numbered(Vec<PathBuf>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdrFolder {
    pub path: PathBuf,
    pub kind: FolderKind,
}

/// Whether `dir` ends with one of the [`DEFAULT_FOLDERS`] (`services/billing/docs/adr`), or its
/// name has the word `adr`, `adrs` or `decisions`, whatever the case of its names.
pub fn is_default_folder(dir: &Path) -> bool {
    let normalised = crate::hygiene::normalise(dir);
    let names: Vec<String> = normalised
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().to_lowercase()),
            _ => None,
        })
        .collect();
    // `historic-adrs`, `proposed-adrs`, `architecture-decisions`: a log by its own name.
    let named_log = names.last().is_some_and(|name| {
        name.split(['-', '_', ' ', '.'])
            .any(|word| matches!(word, "adr" | "adrs" | "decisions"))
    });
    named_log
        || DEFAULT_FOLDERS.iter().any(|folder| {
            let wanted: Vec<&str> = folder.split('/').collect();
            names.len() >= wanted.len()
                && names[names.len() - wanted.len()..]
                    .iter()
                    .zip(&wanted)
                    .all(|(name, want)| name == want)
        })
}

/// Whether a file name is numbered as ADRs are: `0001-use-postgres.md`, `adr-7-x.md`,
/// `ADR-12.md`, `2021-03-04-use-kafka.md`, `20240115-x.md`. Without an `adr` prefix a number
/// needs three digits, so that chapters (`01-intro.md`) are not read as a log.
pub fn is_numbered_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (prefixed, rest) = match lower.strip_prefix("adr") {
        Some(rest) => (true, rest.trim_start_matches(['-', '_', ' '])),
        None => (false, lower.as_str()),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let iso_date = rest.len() > 10
        && rest.bytes().take(10).enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let ends_number = matches!(rest.as_bytes().get(digits), Some(b'-' | b'_' | b'.' | b' '));
    iso_date || (ends_number && (digits >= 3 || (prefixed && digits >= 1)))
}

/// How many numbered files of a folder are read to confirm it is a log.
const SAMPLE: usize = 5;

/// Whether the numbered files (sorted) read as ADRs: most of the first few have a status or a
/// known ADR format. Blog posts (`2021-03-04-hello.md`) and numbered chapters do not.
fn read_as_records(files: &[PathBuf]) -> bool {
    let sample = &files[..files.len().min(SAMPLE)];
    let records = sample
        .iter()
        .filter(|path| {
            crate::lint::read_text(path, crate::lint::DEFAULT_MAX_FILE_SIZE).is_ok_and(|text| {
                let adr = crate::adr::parse(path, &text);
                adr.status.is_some() || adr.format != crate::adr::Format::FreeForm
            })
        })
        .count();
    !sample.is_empty() && records * 2 >= sample.len()
}

/// What `dir` is, given the Markdown files directly in it (sorted); `None` when it is no ADR
/// folder. By name or by `[adr] paths` first: a named log is linted whole. A folder that is
/// neither but holds numbered ADRs gives those.
fn classify(
    dir: &Path,
    markdown: &[PathBuf],
    listed: &mut dyn FnMut(&Path) -> bool,
) -> Option<FolderKind> {
    if is_default_folder(dir) || listed(dir) {
        return Some(FolderKind::Log);
    }
    let numbered: Vec<PathBuf> = markdown
        .iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_numbered_name)
        })
        .cloned()
        .collect();
    (!numbered.is_empty() && read_as_records(&numbered)).then_some(FolderKind::Numbered(numbered))
}

/// The ADR folders at or below `root`, sorted: `root` itself when it is one, else those found
/// by walking it (honouring ignore files). Below a [`FolderKind::Log`] nothing more is looked
/// for: its walk takes every file.
pub fn adr_folders(
    root: &Path,
    honour_ignores: bool,
    listed: &mut dyn FnMut(&Path) -> bool,
    problems: &mut Vec<Problem>,
) -> Vec<AdrFolder> {
    if is_default_folder(root) || listed(root) {
        return vec![AdrFolder {
            path: root.to_path_buf(),
            kind: FolderKind::Log,
        }];
    }
    let walker = WalkBuilder::new(root)
        .standard_filters(honour_ignores)
        .hidden(true)
        .require_git(false)
        .follow_links(false)
        .build();
    let mut folders: std::collections::BTreeMap<PathBuf, Vec<PathBuf>> = Default::default();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                if file_type.is_some_and(|t| t.is_dir()) {
                    folders.entry(entry.into_path()).or_default();
                } else if file_type.is_some_and(|t| t.is_file())
                    && is_markdown(entry.path())
                    && let Some(parent) = entry.path().parent()
                {
                    let parent = parent.to_path_buf();
                    folders.entry(parent).or_default().push(entry.into_path());
                }
            }
            Err(error) => problems.push(Problem::warning(
                "unreadable-path",
                format!("while walking `{}`: {error}", crate::paths::display(root)),
            )),
        }
    }
    let mut found: Vec<AdrFolder> = Vec::new();
    // Paths sort by component, so a folder comes right before everything below it.
    let mut inside: Option<PathBuf> = None;
    for (dir, mut markdown) in folders {
        if inside.as_ref().is_some_and(|log| dir.starts_with(log)) {
            continue;
        }
        markdown.sort();
        let Some(kind) = classify(&dir, &markdown, listed) else {
            continue;
        };
        if kind == FolderKind::Log {
            inside = Some(dir.clone());
        }
        found.push(AdrFolder { path: dir, kind });
    }
    found
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

    /// The pre-commit hooks run on the files `adrlint check` finds by default, no more, no less.
    #[test]
    fn the_pre_commit_pattern_matches_every_default_folder() {
        let hooks = include_str!("../.pre-commit-hooks.yaml");
        let patterns: Vec<&str> = hooks
            .lines()
            .filter_map(|l| l.trim().strip_prefix("files:"))
            .map(str::trim)
            .collect();
        // The wheel hook and the source hook (adrlint, adrlint-src) share one pattern.
        assert_eq!(patterns.len(), 2, "one files: pattern per hook");
        assert!(
            patterns.iter().all(|p| *p == patterns[0]),
            "the hooks' files: differ"
        );
        let pattern = patterns[0];
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

#[cfg(test)]
mod adr_folder_tests {
    use super::*;

    #[test]
    fn numbered_names() {
        for name in [
            "0001-use-postgres.md",
            "001-workloads.md",
            "adr-001-x.md",
            "ADR-12.md",
            "ADR051-cell-capacity.html.md",
            "2021-03-04-use-kafka.md",
            "20240115-index-storage.md",
        ] {
            assert!(is_numbered_name(name), "{name}");
        }
        for name in ["01-intro.md", "README.md", "adr-template.md", "v1-notes.md"] {
            assert!(!is_numbered_name(name), "{name}");
        }
    }

    #[test]
    fn default_folders_at_any_depth() {
        assert!(is_default_folder(Path::new(
            "/repo/services/billing/docs/adr"
        )));
        assert!(is_default_folder(Path::new("/repo/ADR")));
        assert!(is_default_folder(Path::new(
            "/repo/docs/architecture/decisions"
        )));
        assert!(is_default_folder(Path::new("/repo/docs/historic-adrs")));
        assert!(!is_default_folder(Path::new("/repo/src/design")));
        assert!(!is_default_folder(Path::new("/repo/src/adrlint")));
        assert!(!is_default_folder(Path::new("/repo/docs")));
    }

    #[test]
    fn a_root_gives_its_numbered_adrs_and_the_logs_below_it() {
        let Ok(temp) = tempfile::tempdir() else {
            panic!("no temporary folder");
        };
        let root = temp.path();
        let adr = "# 1. X\n\n## Status\n\nAccepted\n\n## Decision\n\nWe do X.\n";
        for (path, text) in [
            // A repository's root, which is searched; any other folder is linted whole.
            (".git/HEAD", "ref: refs/heads/main\n"),
            ("README.md", "# Readme\n"),
            ("CHANGELOG.md", "# Changes\n"),
            ("0001-x.md", adr),
            ("0002-y.md", adr),
            ("guide/01-intro.md", "# Intro\n"),
            ("team/docs/adr/notes.md", "# Notes\n"),
            ("team/docs/adr/0001-x.md", adr),
        ] {
            let file = root.join(path);
            if let Some(parent) = file.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&file, text);
        }
        let (targets, problems) = discover(&[root.to_path_buf()], true);
        assert!(problems.is_empty(), "{problems:?}");
        let names: Vec<String> = targets
            .iter()
            .filter_map(|t| t.path.strip_prefix(root).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        assert_eq!(
            names,
            [
                "0001-x.md",
                "0002-y.md",
                "team/docs/adr/0001-x.md",
                "team/docs/adr/notes.md"
            ]
        );
        let (targets, _) = discover(&[root.join("guide")], true);
        assert_eq!(targets.len(), 1, "a folder that is no root is linted whole");
    }
}
