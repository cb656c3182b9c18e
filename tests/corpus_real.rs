//! Every file of the real-ADR corpus (`../shared/corpus/real`, beside this repository) is
//! parsed without a panic and classified: an ADR of a known format, the log's index or
//! template, or a file reported as `unrecognised-adr`. Skipped, with a notice, where the corpus
//! is absent.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use adrlint::diag::CategorySource;
use adrlint::hygiene::{FileRole, HygieneConfig, file_role};
use adrlint::lint::{DEFAULT_MAX_FILE_SIZE, Plan, lint_file};
use adrlint::rules::RuleSetLoader;
use adrlint::source::SourceMap;

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if adrlint::discover::is_markdown(&path)
            && path.file_name().is_some_and(|n| n != "SOURCES.md")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_real_adr_is_parsed_and_classified() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if !corpus.is_dir() {
        println!(
            "notice: {} is absent; skipping the real-corpus test",
            corpus.display()
        );
        return;
    }
    let mut files = Vec::new();
    markdown_files(&corpus, &mut files);
    files.sort();
    assert!(files.len() > 1000, "the corpus holds {} files", files.len());

    let rules = match RuleSetLoader::builtin_set(&mut SourceMap::default()) {
        Ok(rules) => rules,
        Err(problems) => panic!("built-in packs do not load: {problems:?}"),
    };
    let plan = Plan {
        rules: Arc::clone(&rules),
        category: Some(adrlint::category::Category::FrameworkUser),
        category_source: Some(CategorySource::CommandLine),
        levels: HashMap::new(),
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        broken: false,
        hygiene: HygieneConfig::default(),
        per_file_ignores: Default::default(),
    };

    let mut formats: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for path in &files {
        let linted = std::panic::catch_unwind(|| lint_file(path, &plan));
        let Ok(report) = linted else {
            failures.push(format!("{}: panicked", path.display()));
            continue;
        };
        let role = file_role(path);
        let unrecognised = report
            .findings
            .iter()
            .any(|f| &*f.rule == "unrecognised-adr");
        let text = std::fs::read(path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let adr = adrlint::adr::parse(path, &text);
        let class = match role {
            FileRole::Index => "index",
            FileRole::Template => "template",
            FileRole::Adr if unrecognised => "unrecognised (reported)",
            FileRole::Adr if adrlint::hygiene::per_file::recognised(&adr) => adr.format.id(),
            FileRole::Adr => {
                failures.push(format!(
                    "{}: neither recognised nor reported as unrecognised",
                    path.display()
                ));
                "failed"
            }
        };
        *formats.entry(class).or_default() += 1;
    }
    println!("{} files: {formats:?}", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
