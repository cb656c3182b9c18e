//! Fuzz-style tests on stable Rust with a small seeded generator: random and structure-aware
//! inputs into the front-matter splitter, the ADR parser, the claim engine (through
//! `lint_bytes`), the manifest loader and the rule-pack loader. Each case asserts no panic and
//! that every span lies inside its text on character boundaries.
//!
//! A quick run is part of `cargo test`. A long run:
//! `FUZZ_CASES=1000000 cargo test --release --test fuzz -- --nocapture`
//! (`FUZZ_SEED` picks another seed). A failure prints the case's seed and input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use adrlint::category::Category;
use adrlint::diag::CategorySource;
use adrlint::lint::{DEFAULT_MAX_FILE_SIZE, Plan, lint_bytes};
use adrlint::rules::{RuleSet, RuleSetLoader};
use adrlint::source::{SourceFile, SourceMap};

/// SplitMix64: small, seeded, good enough to spread inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "We",
    "will",
    "build",
    "our",
    "own",
    "message",
    "broker",
    "scheduler",
    "Kafka",
    "Nomad",
    "because",
    "overkill",
    "in-house",
    "framework",
    "use",
    "the",
    "a",
    "é",
    "日本語",
    "🦀",
    "e\u{301}",
    "naïve",
    "ß",
    "—",
    "*emphasis*",
    "`code`",
    "[link](x)",
    "**bold**",
    "\\",
    "&amp;",
    "<b>",
    "http://x.y",
    "|",
    "Status:",
    "Accepted",
    "Rejected",
    "Superseded",
    "Option 1",
    "\u{feff}",
    "\u{200b}",
    "\t",
    "!",
    ".",
    "?",
    ";",
    ":",
    "\"",
    "'",
];

const CLAIMS: &[&str] = &[
    "We will build our own message broker.",
    "We will write our own scheduler for batch jobs.",
    "Chosen option: \"Use Kafka\", because it is the standard.",
    "Chosen option: \"Option 1\"",
    "We decided to build an in-house service mesh.",
    "Kafka is overkill for us, so we will build our own queue.",
    "We will not build our own database.",
    "We adopt Apache Spark for attribution.",
    "We will implement our own consensus protocol on top of Raft.",
];

const HEADINGS: &[&str] = &[
    "Status",
    "Context",
    "Decision",
    "Consequences",
    "Considered Options",
    "Decision Outcome",
    "Context and Problem Statement",
    "Pros and Cons of the Options",
    "1. Use Nomad",
    "ADR 12: Queue",
    "Notes",
];

const COMMENTS: &[&str] = &[
    "<!-- adrlint-disable-next-line own-message-broker -- reason -->",
    "<!-- adrlint-disable own-scheduler -->",
    "<!-- adrlint-enable own-scheduler -->",
    "<!-- adrlint-disable-file own-message-broker -- because -->",
    "<!-- adrlint-disable-next-line no-such-rule -->",
    "<!-- adrlint-disable -->",
    "<!-- adrlint-",
    "<!-- plain comment -->",
    "<!-- unterminated comment",
    "-->",
];

fn words(rng: &mut Rng, max: usize) -> String {
    let n = 1 + rng.below(max);
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(WORDS));
    }
    out
}

fn front_matter(rng: &mut Rng) -> String {
    let mut out = String::from("---\n");
    for _ in 0..rng.below(5) {
        match rng.below(8) {
            0 => out.push_str(&format!("title: {}\n", words(rng, 5))),
            1 => out.push_str(&format!("status: {}\n", rng.pick(WORDS))),
            2 => out.push_str("date: 2024-01-02\n"),
            3 => out.push_str("title: [unclosed\n"),
            4 => out.push_str("status:\n  - accepted\n  - x\n"),
            5 => out.push_str(&format!("{}: {}\n", rng.pick(WORDS), rng.pick(WORDS))),
            6 => out.push_str("  bad: indent\n: x\n"),
            _ => out.push_str("tags: {a: [1, 2}\n"),
        }
    }
    if !rng.chance(10) {
        out.push_str(if rng.chance(90) { "---\n" } else { "...\n" });
    }
    out
}

/// Markdown built from random pieces, with random line endings, BOM and truncation.
fn markdown(rng: &mut Rng) -> String {
    let mut out = String::new();
    if rng.chance(30) {
        out.push_str(&front_matter(rng));
    }
    for _ in 0..rng.below(25) {
        match rng.below(12) {
            0 | 1 => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(1 + rng.below(7)),
                rng.pick(HEADINGS)
            )),
            2 | 3 => out.push_str(&format!("{}\n\n", rng.pick(CLAIMS))),
            4 => out.push_str(&format!("{}\n", words(rng, 12))),
            5 => {
                let depth = rng.below(8);
                out.push_str(&format!(
                    "{}{} {}\n",
                    "  ".repeat(depth),
                    rng.pick(&["-", "*", "1.", "+", "2)"]),
                    if rng.chance(50) {
                        rng.pick(CLAIMS).to_string()
                    } else {
                        words(rng, 6)
                    }
                ));
            }
            6 => out.push_str(&format!(
                "{} {}\n",
                ">".repeat(1 + rng.below(6)),
                rng.pick(CLAIMS)
            )),
            7 => {
                let fence = rng.pick(&["```", "~~~", "````"]);
                out.push_str(&format!("{fence}rust\n{}\n", rng.pick(CLAIMS)));
                if rng.chance(80) {
                    out.push_str(fence);
                    out.push('\n');
                }
            }
            8 => out.push_str(&format!("{}\n", rng.pick(COMMENTS))),
            9 => out.push_str("| a | b |\n|---|---|\n| our own | broker |\n"),
            10 => out.push_str(&format!("{}\n---\n", words(rng, 4))),
            _ => out.push_str(&format!("    {}\n", rng.pick(CLAIMS))),
        }
    }
    match rng.below(4) {
        0 => out = out.replace('\n', "\r\n"),
        1 => out = out.replace('\n', "\r"),
        _ => {}
    }
    if rng.chance(15) {
        out.insert(0, '\u{feff}');
    }
    if rng.chance(20) && !out.is_empty() {
        let cut = rng.below(out.len());
        let cut = (0..=cut)
            .rev()
            .find(|&i| out.is_char_boundary(i))
            .unwrap_or(0);
        out.truncate(cut);
    }
    out
}

/// Characters that mean something to Markdown, YAML or TOML, plus multi-byte ones.
const ALPHABET: &[char] = &[
    '#', '-', '*', '>', '`', '~', '[', ']', '(', ')', '{', '}', '<', '!', '=', '"', '\'', ':', '|',
    '\\', '_', '.', ' ', ' ', ' ', '\n', '\n', '\r', '\t', 'a', 'o', 'w', '1', 'é', '日', '🦀',
    '\u{feff}', '\u{301}', '\0', ',', '$',
];

fn noise(rng: &mut Rng, max: usize) -> String {
    (0..rng.below(max)).map(|_| rng.pick(ALPHABET)).collect()
}

/// `text` with a few random edits (inserted noise, deleted ranges, duplicated ranges).
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..rng.below(4) {
        let at = boundary(&out, rng.below(out.len() + 1));
        match rng.below(3) {
            0 => out.insert_str(at, &noise(rng, 8)),
            1 => {
                let end = boundary(&out, at + rng.below(16));
                out.replace_range(at..end.max(at), "");
            }
            _ => {
                let end = boundary(&out, at + rng.below(40));
                let piece = out[at..end.max(at)].to_string();
                out.insert_str(at, &piece);
            }
        }
    }
    out
}

fn boundary(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn check_span(what: &str, text: &str, span: &Range<usize>) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

fn fuzz_front_matter(text: &str) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if let Some((yaml, end)) = adrlint::adr::split_front_matter(text, start) {
        check_span("front matter yaml", text, &yaml);
        check_span("front matter end", text, &(end..end));
        let front = adrlint::adr::parse_front_matter(text, yaml, end);
        check_span("front matter block", text, &front.span);
        for field in [&front.title, &front.status, &front.date]
            .into_iter()
            .flatten()
        {
            check_span("front matter field", text, &field.span);
        }
        if let Some((_, span)) = &front.error {
            check_span("front matter error", text, span);
        }
    }
}

fn fuzz_parse(text: &str) {
    let adr = adrlint::adr::parse(Path::new("docs/adr/0001-x.md"), text);
    check_span("body start", text, &(adr.body_start..adr.body_start));
    for section in &adr.sections {
        check_span("heading", text, &section.heading_span);
    }
    for field in [&adr.title, &adr.date].into_iter().flatten() {
        check_span("field", text, &field.span);
    }
    if let Some(status) = &adr.status {
        check_span("status", text, &status.span);
    }
    for (span, _) in &adr.comments {
        check_span("comment", text, span);
    }
    for sentence in &adr.sentences {
        check_span("sentence", text, &sentence.span());
        if let Some(section) = sentence.section {
            assert!(section < adr.sections.len(), "sentence section index");
        }
    }
}

struct Engine {
    plans: Vec<Plan>,
}

impl Engine {
    fn new() -> Self {
        let mut sources = SourceMap::default();
        let mut loader = RuleSetLoader::new(&mut sources).unwrap();
        let rules: Arc<RuleSet> = loader.load(&[], &mut sources).unwrap();
        let plan = |category: Option<Category>| Plan {
            rules: Arc::clone(&rules),
            category,
            category_source: category.map(|_| CategorySource::CommandLine),
            levels: HashMap::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            broken: false,
            hygiene: adrlint::hygiene::HygieneConfig::default(),
            per_file_ignores: Default::default(),
        };
        Engine {
            plans: vec![
                plan(Some(Category::FrameworkUser)),
                plan(None),
                plan(Some(Category::FrameworkCreator)),
            ],
        }
    }
}

fn fuzz_lint(engine: &Engine, rng: &mut Rng, bytes: Vec<u8>) {
    let plan = &engine.plans[rng.below(engine.plans.len())];
    let (text, findings) = lint_bytes(Path::new("docs/adr/0003-x.md"), bytes, plan);
    let source = SourceFile::new("x.md", Arc::clone(&text));
    for finding in &findings {
        check_span(&finding.rule, &text, &finding.span);
        let _ = source.line_col(finding.span.start);
        let _ = source.line_col(finding.span.end);
    }
}

const MANIFEST: &str = "[team]\nname = \"T\"\ncategory = \"framework-user\"\n\n[adr]\npaths = [\"docs/adr\"]\nexclude = [\"docs/adr/template.md\", \"**/*.draft.md\"]\nmax-file-size = 1000\n\n[rules]\ninclude = [\"adr-rules\"]\n\n[rules.severity]\n\"own-scheduler\" = \"warning\"\nnih-rationale = \"off\"\n";

fn fuzz_manifest(rng: &mut Rng) {
    let text = match rng.below(3) {
        0 => mutate(rng, MANIFEST),
        1 => noise(rng, 60),
        _ => {
            let mut text = String::new();
            for _ in 0..rng.below(6) {
                text.push_str(rng.pick(&[
                    "[team]\n",
                    "[adr]\n",
                    "[rules]\n",
                    "[rules.severity]\n",
                    "[[x]]\n",
                ]));
                let key = rng.pick(&[
                    "category",
                    "name",
                    "paths",
                    "exclude",
                    "max-file-size",
                    "include",
                    "\"own-scheduler\"",
                    "categry",
                ]);
                let value = rng.pick(&[
                    "\"framework-user\"",
                    "3",
                    "-1",
                    "[\"a\", 2]",
                    "[\"[\"]",
                    "{ a = 1 }",
                    "\"off\"",
                    "9999999999999999999",
                    "\"\u{feff}\"",
                    "true",
                    "1e400",
                ]);
                text.push_str(&format!("{key} = {value}\n"));
            }
            text
        }
    };
    let mut sources = SourceMap::default();
    if let Err(problems) =
        adrlint::manifest::parse_str(Path::new("/repo/adrlint.toml"), &text, &mut sources)
    {
        assert!(!problems.is_empty());
        for problem in &problems {
            for label in problem.primary.iter().chain(&problem.secondary) {
                check_span("manifest problem", &text, &label.span);
            }
        }
    }
}

const PACK: &str = "[define]\nown = 'our own|in-house'\n\n[[rule]]\nid = \"house-rule\"\nsummary = \"s\"\nrequires = \"framework-creator\"\nseverity = \"warning\"\nsections = [\"decision\"]\npatterns = ['(?i)\\b{own}\\s+thing\\b']\nexclude = ['not']\nmessage = \"m\"\nexplain = \"e\"\n";

const REGEX_BITS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{own}",
    "{2}",
    "{1000}",
    "\\b",
    "\\w",
    "+",
    "*",
    "?",
    "|",
    "(?i)",
    "a",
    "é",
    "{",
    "}",
    "\\",
    "(?:",
    "{missing}",
    ".",
];

fn fuzz_rules(loader: &RuleSetLoader, rng: &mut Rng) {
    let text = if rng.chance(50) {
        let pattern: String = (0..rng.below(8)).map(|_| rng.pick(REGEX_BITS)).collect();
        PACK.replace("(?i)\\b{own}\\s+thing\\b", &pattern.replace('\'', ""))
    } else {
        mutate(rng, PACK)
    };
    let mut sources = SourceMap::default();
    let result = loader.load_str(&[("user.toml", &text)], &mut sources);
    if let Err(problems) = result {
        assert!(!problems.is_empty());
        for problem in &problems {
            for label in problem.primary.iter().chain(&problem.secondary) {
                let file = sources.get(label.file).expect("label file");
                check_span("rule problem", &file.text, &label.span);
            }
        }
    }
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let mut bytes = markdown(rng).into_bytes();
    for _ in 0..rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        bytes[at] = rng.next() as u8;
    }
    bytes
}

#[test]
fn fuzz_every_entry_point() {
    let cases: u64 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0xADB1_1A7E);
    let engine = Engine::new();
    let mut sources = SourceMap::default();
    let loader = RuleSetLoader::new(&mut sources).unwrap();
    let started = Instant::now();
    let mut counts = [0u64; 6];
    for case in 0..cases {
        let case_seed = seed ^ case.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let mut rng = Rng(case_seed);
        let target = (case % 20) as usize;
        let mut input = String::new();
        let outcome = catch_unwind(AssertUnwindSafe(|| match target {
            // Structure-aware Markdown into the splitter, the parser and the engine.
            0..=5 => {
                input = markdown(&mut rng);
                fuzz_front_matter(&input);
                fuzz_parse(&input);
                fuzz_lint(&engine, &mut rng, input.clone().into_bytes());
                counts[0] += 1;
            }
            // Mutated structure-aware Markdown.
            6..=9 => {
                let text = markdown(&mut rng);
                input = mutate(&mut rng, &text);
                fuzz_front_matter(&input);
                fuzz_parse(&input);
                fuzz_lint(&engine, &mut rng, input.clone().into_bytes());
                counts[1] += 1;
            }
            // Pure noise.
            10 | 11 => {
                input = noise(&mut rng, 200);
                fuzz_front_matter(&input);
                fuzz_parse(&input);
                fuzz_lint(&engine, &mut rng, input.clone().into_bytes());
                counts[2] += 1;
            }
            // Bytes, possibly invalid UTF-8 or NUL.
            12..=14 => {
                let bytes = random_bytes(&mut rng);
                input = String::from_utf8_lossy(&bytes).into_owned();
                fuzz_lint(&engine, &mut rng, bytes);
                counts[3] += 1;
            }
            15..=17 => {
                fuzz_manifest(&mut rng);
                counts[4] += 1;
            }
            _ => {
                fuzz_rules(&loader, &mut rng);
                counts[5] += 1;
            }
        }));
        if outcome.is_err() {
            let shown: String = input.chars().take(2000).collect();
            panic!("case {case} (target {target}, FUZZ_SEED={seed}) failed; input:\n{shown:?}");
        }
    }
    println!(
        "fuzz: {cases} cases in {:.1?} (markdown {}, mutated {}, noise {}, bytes {}, manifests {}, rule packs {}); no failures",
        started.elapsed(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[5]
    );
}
