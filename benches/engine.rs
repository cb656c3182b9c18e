//! Micro-benchmarks of the parser and the engine: `cargo bench --bench engine`.
//!
//! The inputs are generated in-process by the corpus generator's own text module
//! (`examples/corpus_text/mod.rs`), so they are the kinds of ADRs `tests/bench.sh` times end to
//! end: Nygard, MADR with front matter, free-form with bold labels, a CRLF one, a long
//! free-form one, and a mixed batch in the corpus's proportions.
//!
//! Regex compilation: built-in rules compile lazily, on first use (`OnceLock`). Every
//! benchmark below that shares [`RULES`] runs against rules compiled beforehand (a warm-up
//! outside the timed code), so it measures matching only. The compile cost is measured on its
//! own in `startup::compile_all_rules`, and `startup::one_file_cold` measures what a one-file
//! pre-commit run pays in-process: loading the packs, compiling the rules that file needs,
//! parsing and evaluating.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use adrlint::category::Category;
use adrlint::diag::CategorySource;
use adrlint::engine::{self, Context};
use adrlint::hygiene::{Date, HygieneConfig};
use adrlint::lint::{DEFAULT_MAX_FILE_SIZE, Plan, lint_bytes};
use adrlint::manifest::Level;
use adrlint::rules::{CompiledRule, Rule, RuleSet, RuleSetLoader};
use adrlint::source::SourceMap;
use divan::Bencher;
use divan::counter::BytesCount;

#[path = "../examples/corpus_text/mod.rs"]
mod corpus_text;

use corpus_text::Rng;

fn main() {
    divan::main();
}

/// The single documents, by name (divan's `args`).
const KINDS: &[&str] = &["nygard", "madr", "free-form", "crlf", "long"];
/// Documents in the mixed batch: enough to average over the formats' proportions.
const BATCH: usize = 200;

struct Document {
    path: PathBuf,
    text: String,
}

/// One document of each kind, the same for every run.
static DOCUMENTS: LazyLock<HashMap<&'static str, Document>> = LazyLock::new(|| {
    let mut rng = Rng(7);
    let doc = |name: &str, text: String| Document {
        path: PathBuf::from(format!("docs/adr/{name}")),
        text,
    };
    let title = "Handling of order events";
    let mut documents = HashMap::new();
    documents.insert(
        "nygard",
        doc(
            "0001-handling-of-order-events.md",
            corpus_text::nygard(&mut rng, 1, title),
        ),
    );
    documents.insert(
        "madr",
        doc(
            "0002-handling-of-order-events.md",
            corpus_text::madr(&mut rng, title),
        ),
    );
    documents.insert(
        "free-form",
        doc(
            "0003-handling-of-order-events.md",
            corpus_text::free_form(&mut rng, title),
        ),
    );
    documents.insert(
        "crlf",
        doc(
            "0004-handling-of-order-events.md",
            corpus_text::nygard(&mut rng, 4, title).replace('\n', "\r\n"),
        ),
    );
    documents.insert(
        "long",
        doc("0005-platform-handbook.md", long_form(&mut rng)),
    );
    documents
});

/// The mixed batch, as `gen-corpus` writes it (seed 1).
static BATCH_DOCUMENTS: LazyLock<Vec<Document>> = LazyLock::new(|| {
    let mut rng = Rng(1);
    (1..=BATCH)
        .map(|number| {
            let (name, text) = corpus_text::adr(&mut rng, number);
            Document {
                path: PathBuf::from(format!("docs/adr/{name}")),
                text,
            }
        })
        .collect()
});

/// A long free-form ADR (about 30 KB): forty numbered parts, each with context, a decision
/// mixing claims, traps and neutral sentences, and a list.
fn long_form(rng: &mut Rng) -> String {
    let mut out = String::from(
        "# Platform handbook for the data teams\n\n**Status:** Accepted\n\n**Date:** 2024-03-05\n\n",
    );
    for part in 1..=40 {
        let subject = rng.pick(corpus_text::SUBJECTS);
        let context = corpus_text::paragraph(rng, corpus_text::CONTEXT, 4);
        let decision = corpus_text::decision(rng);
        let neutral = corpus_text::sentence(rng, corpus_text::NEUTRAL);
        let trap = corpus_text::sentence(rng, corpus_text::TRAPS);
        let _ = write!(
            out,
            "## {part}. Handling of {subject}\n\n{context}\n\n{decision}\n\n- {neutral}\n- {trap}\n\n"
        );
    }
    out
}

fn document(kind: &str) -> &'static Document {
    &DOCUMENTS[kind]
}

fn batch_bytes() -> usize {
    BATCH_DOCUMENTS.iter().map(|d| d.text.len()).sum()
}

/// The built-in packs, loaded once.
fn load_builtin() -> Arc<RuleSet> {
    match RuleSetLoader::builtin_set(&mut SourceMap::default()) {
        Ok(set) => set,
        Err(problems) => panic!("built-in packs do not load: {problems:?}"),
    }
}

/// The built-in rule set with every rule compiled (the warm-up): benchmarks using it measure
/// matching, never regex compilation.
static RULES: LazyLock<Arc<RuleSet>> = LazyLock::new(|| {
    let set = load_builtin();
    for rule in &set.rules {
        rule.compiled();
    }
    set
});

fn level(rule: &Rule) -> Level {
    Level::Severity(rule.severity)
}

fn plan(category: Category) -> Plan {
    plan_with(Arc::clone(&RULES), category)
}

fn plan_with(rules: Arc<RuleSet>, category: Category) -> Plan {
    Plan {
        rules,
        category: Some(category),
        category_source: Some(CategorySource::CommandLine),
        levels: HashMap::new(),
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        broken: false,
        hygiene: HygieneConfig {
            today: Some(Date {
                year: 2025,
                month: 1,
                day: 1,
            }),
            ..HygieneConfig::default()
        },
        per_file_ignores: Default::default(),
    }
}

/// `adrlint::adr::parse`: Markdown → front matter, sections, sentences.
mod parse {
    use super::*;

    #[divan::bench(args = KINDS)]
    fn document(bencher: Bencher, kind: &str) {
        let doc = super::document(kind);
        bencher
            .counter(BytesCount::of_str(&doc.text))
            .bench(|| adrlint::adr::parse(&doc.path, divan::black_box(&doc.text)));
    }

    #[divan::bench]
    fn batch(bencher: Bencher) {
        let docs = &*BATCH_DOCUMENTS;
        bencher.counter(BytesCount::new(batch_bytes())).bench(|| {
            for doc in docs {
                divan::black_box(adrlint::adr::parse(&doc.path, &doc.text));
            }
        });
    }
}

/// `engine::evaluate` of the built-in packs over a parsed document (rules compiled already).
mod evaluate {
    use super::*;

    fn bench_one(bencher: Bencher, kind: &str, category: Category) {
        let doc = super::document(kind);
        let adr = adrlint::adr::parse(&doc.path, &doc.text);
        let rules: &RuleSet = &RULES;
        bencher.counter(BytesCount::of_str(&doc.text)).bench(|| {
            let context = Context {
                rules,
                category: Some(category),
                category_source: Some(CategorySource::CommandLine),
                level: &level,
            };
            engine::evaluate(divan::black_box(&adr), &context)
        });
    }

    fn bench_batch(bencher: Bencher, category: Category) {
        let parsed: Vec<_> = BATCH_DOCUMENTS
            .iter()
            .map(|doc| adrlint::adr::parse(&doc.path, &doc.text))
            .collect();
        let rules: &RuleSet = &RULES;
        bencher.counter(BytesCount::new(batch_bytes())).bench(|| {
            let context = Context {
                rules,
                category: Some(category),
                category_source: Some(CategorySource::CommandLine),
                level: &level,
            };
            for adr in &parsed {
                divan::black_box(engine::evaluate(adr, &context));
            }
        });
    }

    /// Claim rules apply: the keyword scans and full patterns run.
    #[divan::bench(args = KINDS)]
    fn data_product_user(bencher: Bencher, kind: &str) {
        bench_one(bencher, kind, Category::DataProductUser);
    }

    /// No claim rule applies: the engine returns before building the prose buffer.
    #[divan::bench(args = KINDS)]
    fn framework_creator(bencher: Bencher, kind: &str) {
        bench_one(bencher, kind, Category::FrameworkCreator);
    }

    #[divan::bench]
    fn batch_data_product_user(bencher: Bencher) {
        bench_batch(bencher, Category::DataProductUser);
    }

    #[divan::bench]
    fn batch_framework_creator(bencher: Bencher) {
        bench_batch(bencher, Category::FrameworkCreator);
    }
}

/// `lint::lint_bytes`: decoding, parsing, evaluation, per-file hygiene rules, suppressions and
/// sorting, for one file's bytes (rules compiled already; nothing is read from disk).
mod lint {
    use super::*;

    #[divan::bench(args = KINDS)]
    fn file(bencher: Bencher, kind: &str) {
        let doc = super::document(kind);
        let plan = plan(Category::DataProductUser);
        bencher
            .with_inputs(|| doc.text.as_bytes().to_vec())
            .input_counter(|bytes| BytesCount::new(bytes.len()))
            .bench_values(|bytes| lint_bytes(&doc.path, bytes, &plan));
    }

    #[divan::bench(args = [Category::DataProductUser, Category::FrameworkCreator])]
    fn batch(bencher: Bencher, category: Category) {
        let plan = plan(category);
        let docs = &*BATCH_DOCUMENTS;
        bencher
            .with_inputs(|| {
                docs.iter()
                    .map(|doc| doc.text.as_bytes().to_vec())
                    .collect::<Vec<_>>()
            })
            .input_counter(|_| BytesCount::new(batch_bytes()))
            .bench_values(|files| {
                for (doc, bytes) in docs.iter().zip(files) {
                    divan::black_box(lint_bytes(&doc.path, bytes, &plan));
                }
            });
    }
}

/// Start-up: what a run pays before and while its first file is linted.
mod startup {
    use super::*;

    /// Parsing and validating the built-in packs (`RuleSetLoader`), no regex compiled.
    #[divan::bench]
    fn load_builtin_packs() -> Arc<RuleSet> {
        load_builtin()
    }

    /// Compiling every built-in rule's regexes, as a run that needed all of them would.
    #[divan::bench]
    fn compile_all_rules(bencher: Bencher) {
        let rules: &RuleSet = &RULES;
        bencher.bench(|| {
            rules
                .rules
                .iter()
                .map(|rule| CompiledRule::compile(rule).is_ok())
                .filter(|ok| *ok)
                .count()
        });
    }

    /// A one-file pre-commit run, in-process: load the packs, then lint one Nygard ADR with a
    /// fresh rule set, so the rules it needs compile lazily inside the timed code.
    #[divan::bench(args = [Category::DataProductUser, Category::FrameworkCreator])]
    fn one_file_cold(bencher: Bencher, category: Category) {
        let doc = super::document("nygard");
        let path: &Path = &doc.path;
        bencher
            .with_inputs(|| doc.text.as_bytes().to_vec())
            .bench_values(|bytes| {
                let plan = plan_with(load_builtin(), category);
                lint_bytes(path, bytes, &plan)
            });
    }
}
