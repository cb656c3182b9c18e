//! Runs the real binary on the repositories in `fixtures/`.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A throwaway repository for one test: a temporary folder holding the files it is given,
/// removed when dropped.
pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    pub fn new() -> Self {
        match tempfile::tempdir() {
            Ok(dir) => Repo { dir },
            Err(error) => panic!("cannot create a temporary folder: {error}"),
        }
    }

    /// The repository with `contents` at `relative`.
    pub fn file(self, relative: &str, contents: impl AsRef<[u8]>) -> Self {
        self.write(relative, contents);
        self
    }

    /// Writes `contents` at `relative`, making its folders; for files that change mid-test.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent()
            && let Err(error) = std::fs::create_dir_all(parent)
        {
            panic!("cannot create {}: {error}", parent.display());
        }
        if let Err(error) = std::fs::write(&path, contents) {
            panic!("cannot write {}: {error}", path.display());
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `adrlint ARGS` in the repository.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }
}

impl Default for Repo {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs `adrlint ARGS` in `dir`, with colour and colour-forcing variables cleared.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with_env(dir, args, &[])
}

pub fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_adrlint"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = match command.output() {
        Ok(output) => output,
        Err(error) => panic!("cannot run adrlint: {error}"),
    };
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// One finding as tests compare them: (rule, path, line, column, severity).
pub type Row = (String, String, u64, u64, String);

pub fn json(run: &Run) -> serde_json::Value {
    match serde_json::from_str(&run.stdout) {
        Ok(value) => value,
        Err(error) => panic!(
            "stdout is not JSON ({error}):\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        ),
    }
}

pub fn rows(value: &serde_json::Value) -> Vec<Row> {
    let Some(diagnostics) = value["diagnostics"].as_array() else {
        panic!("no diagnostics array in {value}");
    };
    diagnostics
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["path"].as_str().unwrap_or_default().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap_or_default(),
                d["range"]["start"]["column"].as_u64().unwrap_or_default(),
                d["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

pub fn row(rule: &str, path: &str, line: u64, column: u64, severity: &str) -> Row {
    (
        rule.to_string(),
        path.to_string(),
        line,
        column,
        severity.to_string(),
    )
}

/// `adrlint check --format json` in a fixture: exit code and rows.
pub fn check_json(name: &str, extra: &[&str]) -> (i32, Vec<Row>, serde_json::Value, Run) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_in(&fixture(name), &args);
    let value = json(&run);
    (run.code, rows(&value), value, run)
}
