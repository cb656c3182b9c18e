//! `adrlint check` never writes (SPEC 5): not over read-only copies of the fixtures, not over the
//! shared real corpus; and a corpus with every file truncated at a random byte lints without a
//! panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::run_in;

const FORMATS: [&str; 7] = [
    "human",
    "short",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
];

/// Every file and folder under `root`: contents (files) and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Option<Vec<u8>>, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let mtime = meta.modified().ok();
            if meta.is_dir() {
                stack.push(path.clone());
                out.insert(path, (None, mtime));
            } else if meta.is_file() {
                out.insert(path.clone(), (std::fs::read(&path).ok(), mtime));
            } else {
                out.insert(path, (None, mtime));
            }
        }
    }
    out
}

fn copy_tree(from: &Path, to: &Path, transform: &mut dyn FnMut(&Path, Vec<u8>) -> Vec<u8>) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let source = entry.path();
        let target = to.join(entry.file_name());
        let Ok(meta) = std::fs::symlink_metadata(&source) else {
            continue;
        };
        if meta.is_dir() {
            copy_tree(&source, &target, transform);
        } else if meta.is_file() {
            let bytes = std::fs::read(&source).unwrap();
            std::fs::write(&target, transform(&source, bytes)).unwrap();
        }
    }
}

#[cfg(unix)]
fn set_read_only(root: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    for (path, (contents, _)) in snapshot(root) {
        let mode = match (contents.is_some(), read_only) {
            (true, true) => 0o444,
            (true, false) => 0o644,
            (false, true) => 0o555,
            (false, false) => 0o755,
        };
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
    }
    let mode = if read_only { 0o555 } else { 0o755 };
    let _ = std::fs::set_permissions(root, std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_read_only(_: &Path, _: bool) {}

#[test]
fn check_writes_nothing_over_read_only_fixtures() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("fixtures");
    copy_tree(&common::fixture(""), &root, &mut |_, bytes| bytes);
    set_read_only(&root, true);
    let before = snapshot(&root);
    let mut runs = 0;
    for entry in std::fs::read_dir(&root).unwrap().flatten() {
        let dir = entry.path();
        if !dir.is_dir() {
            continue;
        }
        // Every format on the small input fixtures, JSON on the rest: the suite stays fast.
        let name = entry.file_name();
        let formats: &[&str] = if name == "demo" || name == "input" {
            &FORMATS
        } else {
            &["json"]
        };
        for &format in formats {
            let run = run_in(&dir, &["check", "--format", format, "--color", "always"]);
            assert!(
                (0..=2).contains(&run.code) && !run.stderr.contains("panicked"),
                "{}: {}",
                dir.display(),
                run.stderr
            );
            runs += 1;
        }
    }
    let after = snapshot(&root);
    set_read_only(&root, false);
    assert!(runs > 25, "{runs} runs");
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files appeared or vanished"
    );
    for (path, state) in &before {
        assert!(after.get(path) == Some(state), "{} changed", path.display());
    }
}

fn corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if path.is_dir() {
        Some(path)
    } else {
        println!("notice: {} is absent; corpus test skipped", path.display());
        None
    }
}

#[test]
fn check_writes_nothing_over_the_real_corpus() {
    let Some(corpus) = corpus() else {
        return;
    };
    let before = snapshot(&corpus);
    for format in ["human", "json", "sarif"] {
        let run = run_in(
            &corpus,
            &[
                "check",
                "--category",
                "framework-user",
                "--format",
                format,
                ".",
            ],
        );
        assert!(
            (0..=1).contains(&run.code) && !run.stderr.contains("panicked"),
            "{format}: exit {}\n{}",
            run.code,
            run.stderr
        );
    }
    let after = snapshot(&corpus);
    assert!(before == after, "the corpus changed");
}

#[test]
fn check_survives_the_real_corpus_truncated_at_random_bytes() {
    let Some(corpus) = corpus() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("real");
    let mut state: u64 = 0x5EED_0008;
    let mut truncated = 0;
    copy_tree(&corpus, &root, &mut |_, mut bytes| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let cut = (state % (bytes.len() as u64 + 1)) as usize;
        bytes.truncate(cut);
        truncated += 1;
        bytes
    });
    assert!(truncated > 0);
    for category in ["framework-user", "framework-creator"] {
        let run = run_in(
            &root,
            &["check", "--category", category, "--format", "json", "."],
        );
        assert!(
            (0..=1).contains(&run.code) && !run.stderr.contains("panicked"),
            "exit {}\n{}",
            run.code,
            run.stderr
        );
        let value = common::json(&run);
        assert!(value["summary"]["files"].as_u64().unwrap_or_default() > 0);
    }
}
