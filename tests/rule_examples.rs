//! Every rule documents itself: the examples in its explanation are run through the engine,
//! and the rule set obeys the conventions (ids, messages, help, examples).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use adrlint::category::Category;
use adrlint::diag::CategorySource;
use adrlint::evidence::EVIDENCE_PACK;
use adrlint::hygiene::{Date, HygieneConfig};
use adrlint::lint::{DEFAULT_MAX_FILE_SIZE, Plan, analyse_file, finish, lint_bytes, log_pass};
use adrlint::rules::{BUILTIN_PACKS, Rule, RuleKind, RuleSet, RuleSetLoader};
use adrlint::source::SourceMap;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

fn builtin() -> Arc<RuleSet> {
    match RuleSetLoader::builtin_set(&mut SourceMap::default()) {
        Ok(set) => set,
        Err(problems) => panic!("built-in packs do not load: {problems:?}"),
    }
}

/// (heading, code block) pairs: the first fenced block after each `##` heading.
fn examples(explain: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut heading: Option<String> = None;
    let mut in_heading = false;
    let mut in_code = false;
    let mut code = String::new();
    for event in Parser::new(explain) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                in_heading = true;
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                code.clear();
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                if let Some(h) = heading.take() {
                    out.push((h, code.clone()));
                }
            }
            Event::Text(text) if in_heading => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
            }
            Event::Text(text) if in_code => code.push_str(&text),
            _ => {}
        }
    }
    out
}

/// A fragment without a title is the decision of an accepted ADR.
fn as_adr(example: &str) -> String {
    if example.trim_start().starts_with('#') || example.trim_start().starts_with("---") {
        example.to_string()
    } else {
        format!("# 1. Example\n\n## Status\n\nAccepted\n\n## Decision\n\n{example}")
    }
}

/// The highest category the rule still fires for.
fn category_below(rule: &Rule) -> Category {
    match rule.requires {
        Some(Category::FrameworkUser) => Category::DataProductUser,
        _ => Category::FrameworkUser,
    }
}

/// "Today" for the examples, so that dated examples keep their meaning.
const TODAY: Date = Date {
    year: 2024,
    month: 6,
    day: 1,
};

fn plan(set: &Arc<RuleSet>, rule: &Rule) -> Plan {
    Plan {
        rules: Arc::clone(set),
        category: Some(category_below(rule)),
        category_source: Some(CategorySource::CommandLine),
        levels: HashMap::new(),
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        broken: false,
        hygiene: HygieneConfig {
            today: Some(TODAY),
            ..HygieneConfig::default()
        },
        per_file_ignores: Default::default(),
    }
}

/// The files of a log example: `<!-- NNNN-name.md -->` lines start each file.
fn log_files(example: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in example.lines() {
        let name = line
            .trim()
            .strip_prefix("<!-- ")
            .and_then(|rest| rest.strip_suffix(" -->"))
            .filter(|name| name.ends_with(".md") && !name.contains(' '));
        match (name, files.last_mut()) {
            (Some(name), _) => files.push((name.to_string(), String::new())),
            (None, Some((_, text))) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    files
}

fn fired(set: &Arc<RuleSet>, rule: &Rule, example: &str) -> Vec<String> {
    let plan = plan(set, rule);
    let files = log_files(example);
    if files.is_empty() {
        let (_, findings) = lint_bytes(
            Path::new("0001-example.md"),
            as_adr(example).into_bytes(),
            &plan,
        );
        return findings.iter().map(|f| f.rule.to_string()).collect();
    }
    // A log: written to a folder, each file analysed, then the log pass over all of them.
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => panic!("cannot create a temporary folder: {error}"),
    };
    let mut analysed = Vec::new();
    let mut paths = Vec::new();
    for (name, text) in &files {
        let path = dir.path().join(name);
        if let Err(error) = std::fs::write(&path, text) {
            panic!("cannot write {}: {error}", path.display());
        }
        analysed.push(analyse_file(&path, &plan));
        paths.push(path);
    }
    let plan_of = vec![0; analysed.len()];
    let plans = [plan];
    log_pass(&mut analysed, &plan_of, &plans);
    analysed
        .into_iter()
        .zip(&paths)
        .flat_map(|(file, path)| finish(file, path, &plans[0]).findings)
        .map(|f| f.rule.to_string())
        .collect()
}

#[test]
fn every_example_in_every_explanation_behaves_as_documented() {
    let set = builtin();
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in &set.rules {
        let found = examples(&rule.explain);
        // Examples in the explanation's code blocks, and the rule's `fires` / `passes`.
        let fires: Vec<&String> = found
            .iter()
            .filter(|(h, _)| h.to_lowercase().contains("example that fires"))
            .map(|(_, e)| e)
            .chain(&rule.fires)
            .collect();
        let passes: Vec<&String> = found
            .iter()
            .filter(|(h, _)| h.to_lowercase().contains("does not fire"))
            .map(|(_, e)| e)
            .chain(&rule.passes)
            .collect();
        if rule.kind != RuleKind::Builtin && (fires.len() < 2 || passes.len() < 2) {
            failures.push(format!(
                "{}: needs at least two examples that fire and two that do not",
                rule.id
            ));
        }
        if rule.check.is_some() && (rule.fires.len() < 2 || rule.passes.len() < 2) {
            failures.push(format!(
                "{}: a rule that names its thing gives two `fires` and two `passes`",
                rule.id
            ));
        }
        for example in fires.iter() {
            // The keyword prefilter must let every claim through.
            if let Some(keywords) = &rule.compiled().keywords
                && !keywords.is_match(example.as_bytes())
            {
                failures.push(format!(
                    "{}: no keyword in its own example:\n{example}",
                    rule.id
                ));
            }
        }
        for example in fires {
            checked += 1;
            let rules = fired(&set, rule, example);
            if !rules.iter().any(|r| *r == *rule.id) {
                failures.push(format!(
                    "{}: example should fire but gave {rules:?}:\n{example}",
                    rule.id
                ));
            }
        }
        for example in passes {
            checked += 1;
            let rules = fired(&set, rule, example);
            if rules.iter().any(|r| *r == *rule.id) {
                failures.push(format!("{}: example should not fire:\n{example}", rule.id));
            }
        }
    }
    println!("{checked} examples checked");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn messages_and_help_follow_the_style() {
    let set = builtin();
    for rule in &set.rules {
        let first = rule.message.chars().next().unwrap_or('A');
        assert!(
            !first.is_uppercase(),
            "{}: message starts in lower case",
            rule.id
        );
        assert!(
            !rule.message.ends_with('.'),
            "{}: message has no trailing period",
            rule.id
        );
        if let Some(help) = &rule.help {
            assert!(
                !help.ends_with('.'),
                "{}: help has no trailing period",
                rule.id
            );
        }
        assert!(
            rule.help.is_some(),
            "{}: every rule says how to fix it",
            rule.id
        );
        assert!(
            rule.explain.contains("## What it checks"),
            "{}: explanation has a What it checks section",
            rule.id
        );
    }
}

#[test]
fn every_file_in_rules_is_built_in() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| format!("rules/{}", e.file_name().to_string_lossy()))
                .filter(|name| name.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    on_disk.sort();
    // The evidence pack has its own schema, so it is compiled in apart from the rule packs.
    let mut listed: Vec<String> = BUILTIN_PACKS
        .iter()
        .map(|(name, _)| name.to_string())
        .chain(std::iter::once(EVIDENCE_PACK.0.to_string()))
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn pack_sizes() {
    let set = builtin();
    let count = |requires: Category| {
        set.rules
            .iter()
            .filter(|r| r.requires == Some(requires))
            .count()
    };
    assert!(count(Category::FrameworkCreator) >= 20);
    assert!(count(Category::FrameworkUser) >= 15);
    assert!(
        set.rules
            .iter()
            .any(|r| &*r.id == "nih-rationale" && r.kind == RuleKind::Rationale)
    );
}
