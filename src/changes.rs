//! `--diff-base REF` (PR mode): what changed since git's merge base of `REF` and `HEAD`. git
//! itself names the changed files and gives each one's text at the base; `similar` diffs that
//! text with the file as it is now, so a finding is kept only on a line added or changed.
//! Uncommitted and untracked files count as changed: a hook or an editor sees them so.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

use similar::{DiffOp, TextDiff};

use crate::diag::{FileReport, Problem};

/// Which lines of a changed file are new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// A file that did not exist at the base (or could not be read there): every line.
    All,
    /// 1-based line ranges of the file as it is now.
    Some(Vec<RangeInclusive<usize>>),
}

impl Lines {
    fn touches(&self, lines: RangeInclusive<usize>) -> bool {
        match self {
            Lines::All => true,
            Lines::Some(ranges) => ranges
                .iter()
                .any(|r| r.start() <= lines.end() && lines.start() <= r.end()),
        }
    }
}

/// The files changed since the base, by absolute path, with their path in the repository
/// (`None` for an untracked file). Which of their lines changed is asked of git only for the
/// files that have findings: a pull request touches far more code than records.
#[derive(Debug, Default)]
pub struct Changes {
    root: PathBuf,
    merge_base: String,
    files: HashMap<PathBuf, Option<String>>,
}

/// Runs git in `dir` and returns its standard output, or the reason it failed.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

fn nul_separated(bytes: &[u8]) -> impl Iterator<Item = &str> {
    bytes
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .filter_map(|s| std::str::from_utf8(s).ok())
}

/// The changes of the work tree around `cwd` since the merge base of `base` and `HEAD`.
pub fn since(base: &str, cwd: &Path) -> Result<Changes, Problem> {
    let fail = |what: String| {
        Problem::error("invalid-diff-base", what)
            .help("give a branch, tag or commit that exists here, e.g. `--diff-base origin/main`")
    };
    let root = git(cwd, &["rev-parse", "--show-toplevel"])
        .map_err(|error| fail(format!("--diff-base needs a git work tree: {error}")))?;
    let root = PathBuf::from(String::from_utf8_lossy(&root).trim());
    // `--end-of-options`: a ref that starts with `-` is not read as an option of git's.
    let merge_base =
        git(&root, &["merge-base", "--end-of-options", base, "HEAD"]).map_err(|error| {
            let reason = if error.is_empty() {
                "no common ancestor".to_string()
            } else {
                error
            };
            fail(format!(
                "cannot find the merge base of `{base}` and HEAD: {reason}"
            ))
        })?;
    let merge_base = String::from_utf8_lossy(&merge_base).trim().to_string();
    let changed = git(
        &root,
        &[
            "diff",
            "--name-only",
            "-z",
            "--diff-filter=d",
            &merge_base,
            "--",
        ],
    )
    .map_err(|error| {
        fail(format!(
            "cannot list the files changed since `{base}`: {error}"
        ))
    })?;
    let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])
        .map_err(|error| fail(format!("cannot list the untracked files: {error}")))?;

    let mut files = HashMap::new();
    for path in nul_separated(&changed) {
        files.insert(
            crate::hygiene::normalise(&root.join(path)),
            Some(path.to_string()),
        );
    }
    for path in nul_separated(&untracked) {
        files.insert(crate::hygiene::normalise(&root.join(path)), None);
    }
    Ok(Changes {
        root,
        merge_base,
        files,
    })
}

/// The lines of `now` that are not in `then`, as 1-based ranges.
fn changed_lines(then: &[u8], now: &[u8]) -> Lines {
    let then = String::from_utf8_lossy(then);
    let now = String::from_utf8_lossy(now);
    let diff = TextDiff::from_lines(then.as_ref(), now.as_ref());
    let ranges = diff
        .ops()
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } if new_len > 0 => Some(new_index + 1..=new_index + new_len),
            _ => None,
        })
        .collect();
    Lines::Some(ranges)
}

impl Changes {
    /// Keeps, in each report, the findings on lines changed since the base; findings about the
    /// whole log (`whole_log(rule)`: a gap in the numbering, say) are kept for every changed
    /// file. Reports of unchanged files keep no findings. `cwd` resolves the shown paths.
    pub fn retain(&self, reports: &mut [FileReport], cwd: &Path, whole_log: impl Fn(&str) -> bool) {
        for report in reports {
            let path = crate::hygiene::normalise(&cwd.join(&report.path));
            let Some(in_repo) = self.files.get(&path) else {
                report.findings.clear();
                continue;
            };
            if report.findings.is_empty() {
                continue;
            }
            let lines = match in_repo {
                Some(in_repo) => self.lines(&path, in_repo),
                None => Lines::All,
            };
            report.findings.retain(|finding| {
                let (start, end) = (finding.start().0, finding.end().0);
                whole_log(&finding.rule) || lines.touches(start..=end.max(start))
            });
        }
    }

    /// The new lines of the changed file at `path` (`in_repo` in the repository).
    fn lines(&self, path: &Path, in_repo: &str) -> Lines {
        let then = git(
            &self.root,
            &["show", &format!("{}:{in_repo}", self.merge_base)],
        );
        match (then, std::fs::read(path)) {
            (Ok(then), Ok(now)) => changed_lines(&then, &now),
            _ => Lines::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_are_the_new_side_of_inserts_and_replacements() {
        let then = b"a\nb\nc\nd\n";
        let now = b"a\nB\nc\nd\ne\nf\n";
        assert_eq!(changed_lines(then, now), Lines::Some(vec![2..=2, 5..=6]));
        assert_eq!(changed_lines(then, b"a\nd\n"), Lines::Some(vec![]));
    }

    #[test]
    fn touches_overlapping_ranges() {
        let lines = Lines::Some(vec![3..=4, 10..=10]);
        assert!(lines.touches(4..=7));
        assert!(lines.touches(10..=10));
        assert!(!lines.touches(5..=9));
        assert!(Lines::All.touches(1..=1));
    }
}
