//! The bad-input catalogue (issue 8): every bad input gets a clear diagnostic for that file, the
//! rest of the run goes on, nothing panics. One test per input, named after it. Inputs are built
//! in temporary folders; the large ones are generated, never committed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Repo, Row, Run, json, row, rows, run_in};

const MANIFEST: &str = "[team]\nname = \"T\"\ncategory = \"framework-user\"\n";

/// A good ADR whose claim is found on line 9, column 9: proof the rest of the run went on.
const GOOD: &str =
    "# 1. Queue\n\n## Status\n\nAccepted\n\n## Decision\n\nWe will build our own message broker.\n";

fn good_row() -> Row {
    row("own-message-broker", "docs/adr/0001-good.md", 9, 9, "error")
}

/// A project with the manifest (plus `manifest_extra`), the good ADR and `files`
/// (paths relative to the project).
fn project(manifest_extra: &str, files: &[(&str, &[u8])]) -> Repo {
    project_with(&format!("{MANIFEST}{manifest_extra}"), files)
}

/// [`project`] with `manifest` as the whole manifest.
fn project_with(manifest: &str, files: &[(&str, &[u8])]) -> Repo {
    let repo = Repo::new()
        .file("adrlint.toml", manifest)
        .file("docs/adr/0001-good.md", GOOD);
    for (path, bytes) in files {
        repo.write(path, bytes);
    }
    repo
}

fn check(dir: &Path, extra: &[&str]) -> (i32, Vec<Row>, Run) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_in(dir, &args);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let value = json(&run);
    (run.code, rows(&value), run)
}

/// The human report, for the labels that say what was wrong.
fn human(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--color", "never"];
    args.extend_from_slice(extra);
    let run = run_in(dir, &args);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn adr_with(claim_line: &str) -> String {
    format!("# 2. Other\n\n## Status\n\nAccepted\n\n## Decision\n\n{claim_line}\n")
}

#[test]
fn invalid_utf8_reports_the_byte_offset_and_lints_the_rest_lossily() {
    let mut bytes = b"# 2. Caf\xe9 queue\n".to_vec();
    bytes.extend_from_slice(&adr_with("We will build our own message broker.").as_bytes()[11..]);
    let dir = project("", &[("docs/adr/0002-latin1.md", &bytes)]);
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("invalid-utf8", "docs/adr/0002-latin1.md", 1, 9, "warning"),
            row(
                "own-message-broker",
                "docs/adr/0002-latin1.md",
                9,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
    let run = human(dir.path(), &[]);
    assert!(
        run.stdout
            .contains("invalid UTF-8 at byte 8; 1 byte(s) read as spaces"),
        "{}",
        run.stdout
    );
}

#[test]
fn binary_file_with_an_md_name() {
    let dir = project(
        "",
        &[("docs/adr/0002-image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")],
    );
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("binary-file", "docs/adr/0002-image.md", 1, 1, "warning"),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn empty_file() {
    let dir = project(
        "",
        &[
            ("docs/adr/0002-empty.md", b""),
            ("docs/adr/0003-blank.md", b"  \n\r\n\t\n"),
        ],
    );
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("empty-file", "docs/adr/0002-empty.md", 1, 1, "warning"),
            row("empty-file", "docs/adr/0003-blank.md", 1, 1, "warning"),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn fifty_megabyte_adr_is_skipped_by_the_size_limit() {
    let dir = project("", &[]);
    let path = dir.path().join("docs/adr/0002-huge.md");
    // Sparse: 50 MB on paper, nothing on disk. It must be skipped before it is read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    drop(file);
    let started = Instant::now();
    let (code, rows, _) = check(dir.path(), &[]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("file-too-large", "docs/adr/0002-huge.md", 1, 1, "warning"),
        ]
    );
    assert_eq!(code, 1);
    let run = human(dir.path(), &[]);
    assert!(
        run.stdout
            .contains("52428800 bytes, over the 10485760-byte limit; skipped"),
        "{}",
        run.stdout
    );
}

#[test]
fn max_file_size_lowered_in_the_manifest_skips_smaller_files() {
    let dir = project("[adr]\nmax-file-size = 50\n", &[]);
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![row(
            "file-too-large",
            "docs/adr/0001-good.md",
            1,
            1,
            "warning"
        )]
    );
    assert_eq!(code, 0);
    let run = human(dir.path(), &[]);
    assert!(
        run.stdout.contains("over the 50-byte limit; skipped"),
        "{}",
        run.stdout
    );
}

#[test]
fn max_file_size_zero_or_negative_is_a_config_error() {
    for value in ["0", "-5"] {
        let dir = project(&format!("[adr]\nmax-file-size = {value}\n"), &[]);
        let run = human(dir.path(), &[]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr
                .contains("`max-file-size` must be a positive number of bytes"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("┌─ adrlint.toml:5:17"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn line_of_ten_megabytes_under_a_raised_size_limit() {
    let mut text = adr_with("We will build our own message broker.");
    text.push('\n');
    text.push_str(&"lorem ipsum ".repeat(10 * 1024 * 1024 / 12 + 1));
    text.push('\n');
    assert!(text.len() > 10 * 1024 * 1024);
    // Over the default limit: skipped.
    let dir = project("", &[("docs/adr/0002-long-line.md", text.as_bytes())]);
    let (_, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "file-too-large",
                "docs/adr/0002-long-line.md",
                1,
                1,
                "warning"
            ),
        ]
    );
    // Under a raised limit: linted, in bounded time.
    let dir = project(
        "[adr]\nmax-file-size = 20_000_000\n",
        &[("docs/adr/0002-long-line.md", text.as_bytes())],
    );
    let started = Instant::now();
    let (code, rows, _) = check(dir.path(), &[]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "own-message-broker",
                "docs/adr/0002-long-line.md",
                9,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn crlf_line_endings_keep_lines_and_columns() {
    let text = adr_with("Naïvely, we will build our own message broker.").replace('\n', "\r\n");
    let dir = project("", &[("docs/adr/0002-crlf.md", text.as_bytes())]);
    let (code, rows, run) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "own-message-broker",
                "docs/adr/0002-crlf.md",
                9,
                18,
                "error"
            ),
        ]
    );
    let value = json(&run);
    let end = &value["diagnostics"][1]["range"]["end"];
    assert_eq!(end, &serde_json::json!({"line": 9, "column": 46}));
    assert_eq!(code, 1);
}

#[test]
fn cr_only_line_endings_keep_lines_and_columns() {
    let text = adr_with("Naïvely, we will build our own message broker.").replace('\n', "\r");
    let dir = project("", &[("docs/adr/0002-cr.md", text.as_bytes())]);
    let (code, rows, run) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("own-message-broker", "docs/adr/0002-cr.md", 9, 18, "error"),
        ]
    );
    let value = json(&run);
    let end = &value["diagnostics"][1]["range"]["end"];
    assert_eq!(end, &serde_json::json!({"line": 9, "column": 46}));
    assert_eq!(code, 1);
}

#[test]
fn utf8_bom_is_not_a_column() {
    let text = format!(
        "\u{feff}{}",
        adr_with("We will build our own message broker.")
    );
    let front = "\u{feff}---\nstatus: accepted\n---\n# 3. Front\n\n## Decision\n\nWe will build our own message broker.\n";
    let dir = project(
        "",
        &[
            ("docs/adr/0002-bom.md", text.as_bytes()),
            ("docs/adr/0003-bom-front-matter.md", front.as_bytes()),
        ],
    );
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("own-message-broker", "docs/adr/0002-bom.md", 9, 9, "error"),
            row(
                "own-message-broker",
                "docs/adr/0003-bom-front-matter.md",
                8,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[cfg(unix)]
#[test]
fn file_that_cannot_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project("", &[("docs/adr/0002-secret.md", GOOD.as_bytes())]);
    let path = dir.path().join("docs/adr/0002-secret.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("notice: running as root, chmod 000 does not prevent reading; skipped");
        return;
    }
    let (code, rows, _) = check(dir.path(), &[]);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("unreadable-file", "docs/adr/0002-secret.md", 1, 1, "error"),
        ]
    );
    assert_eq!(code, 1);
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let dir = project("", &[]);
    let adr = dir.path().join("docs/adr");
    std::os::unix::fs::symlink(adr.join("0002-a.md"), adr.join("0003-b.md")).unwrap();
    std::os::unix::fs::symlink(adr.join("0003-b.md"), adr.join("0002-a.md")).unwrap();
    // A folder loop too: links are not followed while walking.
    std::os::unix::fs::symlink(&adr, adr.join("loop")).unwrap();
    let run = human(dir.path(), &[]);
    assert!(
        run.stderr.contains("warning[unreadable-path]")
            && run
                .stderr
                .contains("0002-a.md` is a symbolic link that cannot be followed"),
        "{}",
        run.stderr
    );
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(rows, vec![good_row()]);
    assert_eq!(code, 1);
    // Named on the command line: the same warning, not "does not exist".
    let run = human(dir.path(), &["docs/adr/0002-a.md", "docs/adr/0001-good.md"]);
    assert!(
        run.stderr
            .contains("is a symbolic link that cannot be followed"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn folder_named_x_md() {
    let dir = project(
        "",
        &[(
            "docs/adr/x.md/0002-inside.md",
            adr_with("We will build our own message broker.").as_bytes(),
        )],
    );
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "own-message-broker",
                "docs/adr/x.md/0002-inside.md",
                9,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
    // Named on the command line, the folder is walked, not read as a file.
    let (code, rows, _) = check(dir.path(), &["docs/adr/x.md"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(code, 1);
}

#[test]
fn path_that_does_not_exist_exits_2() {
    let dir = project("", &[]);
    let (code, rows, run) = check(dir.path(), &["docs/adr/9999-nope.md", "docs/adr"]);
    assert_eq!(code, 2);
    assert_eq!(rows, vec![good_row()]);
    assert!(
        run.stderr
            .contains("`docs/adr/9999-nope.md` does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn deeply_nested_lists_and_block_quotes() {
    let mut text = adr_with("We will build our own message broker.");
    text.push('\n');
    for depth in 0..10_000 {
        text.push_str(&"  ".repeat(depth.min(200)));
        text.push_str("- item\n");
    }
    text.push('\n');
    text.push_str(&">".repeat(10_000));
    text.push_str(" deep quote\n\n");
    let mut nested = String::new();
    for depth in 0..10_000 {
        nested.push_str(&"> ".repeat(depth % 50));
        nested.push_str("- ");
    }
    text.push_str(&nested);
    text.push_str("end\n");
    let dir = project("", &[("docs/adr/0002-deep.md", text.as_bytes())]);
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("own-message-broker", "docs/adr/0002-deep.md", 9, 9, "error"),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn one_hundred_thousand_headings() {
    let mut text = adr_with("We will build our own message broker.");
    for i in 0..100_000 {
        text.push_str(&format!("\n## Heading {i}\n"));
    }
    let dir = project("", &[("docs/adr/0002-headings.md", text.as_bytes())]);
    let started = Instant::now();
    let (code, rows, _) = check(dir.path(), &[]);
    // The generated file's own hygiene findings are not what this test is about.
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| !matches!(r.0.as_str(), "empty-section" | "missing-status"))
        .collect();
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "own-message-broker",
                "docs/adr/0002-headings.md",
                9,
                9,
                "error"
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn front_matter_that_is_invalid_yaml() {
    let text = "---\ntitle: [unclosed\nstatus: accepted\n---\n# 2. Queue\n\n## Decision\n\nWe will build our own message broker.\n";
    let dir = project("", &[("docs/adr/0002-yaml.md", text.as_bytes())]);
    let (code, rows, run) = check(dir.path(), &[]);
    // The generated file's own hygiene findings are not what this test is about.
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| !matches!(r.0.as_str(), "empty-section" | "missing-status"))
        .collect();
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "invalid-front-matter",
                "docs/adr/0002-yaml.md",
                2,
                1,
                "warning"
            ),
            row("own-message-broker", "docs/adr/0002-yaml.md", 9, 9, "error"),
        ]
    );
    let value = json(&run);
    let span = &value["diagnostics"][1]["byte_range"];
    let start = span[0].as_u64().unwrap() as usize;
    let end = span[1].as_u64().unwrap() as usize;
    assert!(start >= 4 && end <= text.find("\n---\n").unwrap() + 1 && start <= end);
    assert_eq!(code, 1);
}

#[test]
fn unterminated_front_matter() {
    let text = "---\nstatus: accepted\n# 2. Queue\n\n## Decision\n\nWe will build our own message broker.\n";
    let dir = project("", &[("docs/adr/0002-open.md", text.as_bytes())]);
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row(
                "invalid-front-matter",
                "docs/adr/0002-open.md",
                1,
                1,
                "warning"
            ),
            row("own-message-broker", "docs/adr/0002-open.md", 7, 9, "error"),
        ]
    );
    assert_eq!(code, 1);
    let run = human(dir.path(), &[]);
    assert!(run.stdout.contains("never closed"), "{}", run.stdout);
}

// ---- Configuration and rule packs: exit 2 with a diagnostic, never a panic. ----

fn config_error(manifest: &str, files: &[(&str, &[u8])]) -> Run {
    let dir = project_with(manifest, files);
    let run = human(dir.path(), &[]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("error["), "{}", run.stderr);
    run
}

#[test]
fn manifest_that_is_malformed_toml() {
    let run = config_error("[team\ncategory = \"framework-user\"\n", &[]);
    assert!(
        run.stderr
            .contains("error[invalid-config]: invalid manifest `adrlint.toml`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ adrlint.toml:1:"), "{}", run.stderr);
}

#[test]
fn manifest_with_a_wrong_type() {
    let run = config_error(
        "[team]\ncategory = \"framework-user\"\n[adr]\npaths = \"docs/adr\"\n",
        &[],
    );
    assert!(run.stderr.contains("invalid type"), "{}", run.stderr);
    assert!(run.stderr.contains("┌─ adrlint.toml:4:9"), "{}", run.stderr);
}

#[test]
fn manifest_with_an_unknown_key() {
    let run = config_error(
        "[team]\ncategory = \"framework-user\"\n[adr]\npath = []\n",
        &[],
    );
    assert!(
        run.stderr.contains("unknown field `path`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `paths`?"),
        "{}",
        run.stderr
    );
}

const PACK: &str = "[[rule]]\nid = \"house-rule\"\nsummary = \"s\"\nrequires = \"framework-creator\"\npatterns = ['(?i)\\bhouse thing\\b']\nmessage = \"m\"\nexplain = \"e\"\n";

fn with_packs(includes: &str) -> String {
    format!("{MANIFEST}[rules]\ninclude = [{includes}]\n")
}

#[test]
fn duplicate_rule_id_across_two_packs() {
    let run = config_error(
        &with_packs("\"one.toml\", \"two.toml\""),
        &[("one.toml", PACK.as_bytes()), ("two.toml", PACK.as_bytes())],
    );
    assert!(
        run.stderr.contains("duplicate rule id `house-rule`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ one.toml:2:6"), "{}", run.stderr);
    assert!(run.stderr.contains("┌─ two.toml:2:6"), "{}", run.stderr);
}

#[test]
fn rule_pack_with_an_invalid_regex() {
    let pack = PACK.replace(r"(?i)\bhouse thing\b", "(unclosed");
    let run = config_error(
        &with_packs("\"one.toml\""),
        &[("one.toml", pack.as_bytes())],
    );
    assert!(
        run.stderr.contains("invalid regex in rule pattern"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ one.toml:5:13"), "{}", run.stderr);
    assert!(run.stderr.contains("unclosed group"), "{}", run.stderr);
}

#[test]
fn rule_pack_with_a_regex_over_the_size_limit() {
    let pack = PACK.replace(r"(?i)\bhouse thing\b", r"(?:\w{1000}){1000}");
    let run = config_error(
        &with_packs("\"one.toml\""),
        &[("one.toml", pack.as_bytes())],
    );
    assert!(run.stderr.contains("┌─ one.toml:5:13"), "{}", run.stderr);
    assert!(run.stderr.contains("limit"), "{}", run.stderr);
}

#[test]
fn rule_pack_that_is_malformed_toml() {
    let run = config_error(
        &with_packs("\"one.toml\""),
        &[("one.toml", b"[[rule]\nid = 1\n")],
    );
    assert!(
        run.stderr.contains("invalid rule pack `one.toml`"),
        "{}",
        run.stderr
    );
}

#[test]
fn include_path_that_does_not_exist() {
    let run = config_error(&with_packs("\"nope.toml\""), &[]);
    assert!(
        run.stderr.contains("rule pack `") && run.stderr.contains("nope.toml` does not exist"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("┌─ adrlint.toml:5:12"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn manifest_in_a_folder_that_cannot_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project("", &[]);
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("adrlint.toml"), MANIFEST).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        println!("notice: running as root, chmod 000 does not prevent reading; skipped");
        return;
    }
    let run = human(dir.path(), &["--config", "locked/adrlint.toml"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("error["), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn manifest_that_cannot_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project("", &[]);
    let path = dir.path().join("adrlint.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("notice: running as root, chmod 000 does not prevent reading; skipped");
        return;
    }
    let run = human(dir.path(), &[]);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[unreadable-config]: cannot read the manifest"),
        "{}",
        run.stderr
    );
}

/// Found by the fuzz run: a key of other letters used to panic while looking for `date`.
#[test]
fn front_matter_with_a_key_of_other_letters() {
    let text = "---\n日本語: 決定\ndate: 2024-01-02\nstatus: accepted\n---\n# 2. Queue\n\n## Decision\n\nWe will build our own message broker.\n";
    let dir = project("", &[("docs/adr/0002-cjk.md", text.as_bytes())]);
    let (code, rows, _) = check(dir.path(), &[]);
    assert_eq!(
        rows,
        vec![
            good_row(),
            row("own-message-broker", "docs/adr/0002-cjk.md", 10, 9, "error"),
        ]
    );
    assert_eq!(code, 1);
}
