//! `adrlint init`: writes a commented adrlint.toml that fits the repository — its ADR folders,
//! the statuses its ADRs use, how they are numbered and named — atomically, and never over an
//! existing one.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::parse_category_flag;
use super::{EXIT_ERROR, EXIT_OK, print_problems};
use crate::adr::{StatusKind, status_kind};
use crate::cli::{ColorChoice, InitArgs};
use crate::diag::Problem;
use crate::discover::{FolderKind, adr_folders, discover};
use crate::hygiene::names::{LogStyle, check as name_check};
use crate::hygiene::numbering::{Numbering, classify_numbering};
use crate::hygiene::per_file::{effective_status, status_allowed};
use crate::hygiene::{Facts, FileNameConvention, FileRole, file_role, is_index_name};
use crate::lint::{DEFAULT_MAX_FILE_SIZE, read_text};
use crate::manifest::{FILE_NAMES, Layout, init_template};
use crate::source::SourceMap;

pub fn run(args: &InitArgs) -> u8 {
    let sources = SourceMap::default();
    let category = match parse_category_flag(&args.category) {
        Ok(category) => category,
        Err(problem) => {
            print_problems(&[problem], &sources, ColorChoice::Auto);
            return EXIT_ERROR;
        }
    };
    if let Some(existing) = FILE_NAMES.iter().find(|name| Path::new(name).exists()) {
        let problem = Problem::error(
            "manifest-exists",
            format!("`{existing}` already exists; not overwriting it"),
        )
        .help("edit it, or remove it first to start again");
        print_problems(&[problem], &sources, ColorChoice::Auto);
        return EXIT_ERROR;
    }
    let mut problems = Vec::new();
    let logs = detect(Path::new("."), &mut problems);
    print_problems(&problems, &sources, ColorChoice::Auto);
    let layout = layout(&logs);
    match write_new(
        Path::new(FILE_NAMES[0]),
        init_template(category, &layout).as_bytes(),
    ) {
        Ok(()) => {
            let mut out = String::new();
            if logs.is_empty() {
                out.push_str("no ADR folder found; `paths` is set to docs/adr\n");
            }
            for log in &logs {
                out.push_str(&format!("found {}\n", log.summary()));
            }
            out.push_str(&format!("wrote {} for a {category} team\n", FILE_NAMES[0]));
            super::print_stdout(&out);
            EXIT_OK
        }
        Err(error) => {
            let problem = Problem::error(
                "io-error",
                format!("cannot write {}: {error}", FILE_NAMES[0]),
            );
            print_problems(&[problem], &sources, ColorChoice::Auto);
            EXIT_ERROR
        }
    }
}

/// How `init` names a numbering scheme in its summary.
fn describe_numbering(numbering: Numbering) -> &'static str {
    match numbering {
        Numbering::Sequential => "sequential numbering",
        Numbering::Dated => "dated names",
        Numbering::Sparse => "sparse numbering, so `number-gap` is off",
        Numbering::TooFew => "numbering unclear",
    }
}

/// What `init` found of one ADR folder.
#[derive(Debug)]
struct Found {
    /// As written in `paths`: relative, `/`-separated, `.` for the root.
    path: String,
    /// The ADRs' file names and numbers.
    files: Vec<(String, Option<u32>)>,
    /// Status words, lower case, sorted.
    statuses: BTreeSet<String>,
    numbering: Numbering,
}

impl Found {
    fn summary(&self) -> String {
        let count = match self.files.len() {
            1 => "1 ADR".to_string(),
            n => format!("{n} ADRs"),
        };
        let place = if self.path == "." {
            "at the repository root".to_string()
        } else {
            format!("in {}", self.path)
        };
        let statuses = if self.statuses.is_empty() {
            "no statuses".to_string()
        } else {
            let words: Vec<&str> = self.statuses.iter().map(String::as_str).collect();
            format!("statuses: {}", words.join(", "))
        };
        format!(
            "{count} {place} ({}, {statuses})",
            describe_numbering(self.numbering)
        )
    }
}

/// The ADR folders at or below `root`, found as `adrlint check` finds them, with what their
/// ADRs tell.
fn detect(root: &Path, problems: &mut Vec<Problem>) -> Vec<Found> {
    let folders = adr_folders(root, true, &mut |_| false, problems);
    folders
        .into_iter()
        .filter_map(|folder| {
            let files: Vec<PathBuf> = match folder.kind {
                FolderKind::Numbered(files) => files,
                FolderKind::Log => {
                    let (targets, found) = discover(std::slice::from_ref(&folder.path), true);
                    problems.extend(found);
                    targets.into_iter().map(|t| t.path).collect()
                }
            };
            let found = read_log(&folder.path, &files);
            (!found.files.is_empty()).then_some(found)
        })
        .collect()
}

fn read_log(dir: &Path, files: &[PathBuf]) -> Found {
    let shown = crate::paths::display(dir);
    let mut found = Found {
        path: if shown.is_empty() { ".".into() } else { shown },
        files: Vec::new(),
        statuses: BTreeSet::new(),
        numbering: Numbering::TooFew,
    };
    for path in files {
        let role = file_role(path);
        if role != FileRole::Adr {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(text) = read_text(path, DEFAULT_MAX_FILE_SIZE) else {
            found.files.push((name, crate::adr::number_from_path(path)));
            continue;
        };
        let adr = crate::adr::parse(path, &text);
        let facts = Facts::from_adr(path, &text, &adr, role);
        if let Some(word) = effective_status(&text, &adr).and_then(|s| status_word(&s.value)) {
            found.statuses.insert(word);
        }
        found.files.push((name, facts.number));
    }
    let files: Vec<(&str, Option<u32>)> = found
        .files
        .iter()
        .map(|(name, number)| (name.as_str(), *number))
        .collect();
    found.numbering = classify_numbering(&files);
    found
}

/// The word of a status value that `[adr] statuses` should hold for `unknown-status` to pass
/// it: the first word ("Superseded by ADR 5" → `superseded`), or the whole of a short value
/// that opens with a short word ("In progress", "Not implemented"), so that `statuses` does
/// not allow every "in …" or "not …".
fn status_word(value: &str) -> Option<String> {
    let normalised = value
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let first: String = normalised
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    if first.is_empty() {
        return None;
    }
    let whole = normalised.trim_end_matches(|c: char| !c.is_alphanumeric());
    let short_phrase = whole.split(' ').count() <= 3
        && whole
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == ' ')
        && !whole.contains("  ");
    let word = if short_phrase
        && (first.chars().count() < 4 || status_kind(&first) == StatusKind::Unknown)
    {
        whole.to_string()
    } else {
        first
    };
    // What the rule reads decides: a word it would not pass is no use in the manifest.
    status_allowed(value, std::slice::from_ref(&word)).then_some(word)
}

/// The manifest settings for what was found.
fn layout(logs: &[Found]) -> Layout {
    if logs.is_empty() {
        return Layout::default();
    }
    let statuses: BTreeSet<String> = logs.iter().flat_map(|l| l.statuses.clone()).collect();
    let names: Vec<&str> = logs
        .iter()
        .flat_map(|l| l.files.iter().map(|(name, _)| name.as_str()))
        .filter(|name| !is_index_name(name))
        .collect();
    let sparse: Vec<&str> = logs
        .iter()
        .filter(|l| l.numbering == Numbering::Sparse)
        .map(|l| l.path.as_str())
        .collect();
    Layout {
        paths: logs.iter().map(|l| l.path.clone()).collect(),
        found: logs.iter().map(Found::summary).collect(),
        statuses: statuses.into_iter().collect(),
        file_name: file_name_convention(&names),
        number_gap_off: (!sparse.is_empty()).then(|| {
            format!(
                "The ADRs in {} are numbered sparsely (by pull request or issue, say): a gap is no missing ADR.",
                sparse.join(", ")
            )
        }),
    }
}

/// The strictest convention every name already follows, as `file-name-convention` judges it;
/// `auto` when none does. Fewer than two names show no convention.
fn file_name_convention(names: &[&str]) -> Option<&'static str> {
    if names.len() < 2 {
        return None;
    }
    let style = LogStyle::default();
    let all = |convention| {
        names
            .iter()
            .all(|name| name_check(name, convention, &style).is_none())
    };
    Some(if all(FileNameConvention::NnnnKebab) {
        "nnnn-kebab"
    } else if all(FileNameConvention::DateKebab) {
        "date-kebab"
    } else {
        "auto"
    })
}

/// Writes `contents` to a temporary file beside `target`, then links it into place: readers
/// never see a half-written file, and an existing `target` is never replaced.
pub fn write_new(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = dir.join(format!(".adrlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::hard_link(&temp, target)
    })();
    let _ = std::fs::remove_file(&temp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_are_what_the_rule_passes() {
        assert_eq!(status_word("Accepted").as_deref(), Some("accepted"));
        assert_eq!(
            status_word("**Superseded** by [ADR 5](0005-x.md)").as_deref(),
            Some("superseded")
        );
        assert_eq!(status_word("In progress").as_deref(), Some("in progress"));
        assert_eq!(status_word("Implemented").as_deref(), Some("implemented"));
        assert_eq!(
            status_word("Accepted on 2024-01-01").as_deref(),
            Some("accepted")
        );
        assert_eq!(status_word("—"), None);
    }

    #[test]
    fn file_names_give_the_strictest_convention_they_follow() {
        assert_eq!(
            file_name_convention(&["0001-use-a.md", "0002-use-b.md"]),
            Some("nnnn-kebab")
        );
        assert_eq!(
            file_name_convention(&["20210304-use-a.md", "20210305-use-b.md"]),
            Some("date-kebab")
        );
        assert_eq!(
            file_name_convention(&["2021-03-04-use-a.md", "2021-03-05-use-b.md"]),
            Some("auto")
        );
        assert_eq!(file_name_convention(&["0001-use-a.md"]), None);
    }
}
