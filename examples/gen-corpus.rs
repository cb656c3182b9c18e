//! Writes a deterministic corpus of synthetic ADRs for benchmarks:
//! `cargo run --release --example gen-corpus -- --files 10000 --out DIR --seed 1`.
//!
//! Formats (Nygard, MADR with front matter, free-form with bold labels), claims that fire,
//! traps that must not (negations, context, rejected options, quotes, code), CRLF files and
//! team folders with an adrlint.toml, in fixed proportions for a seed. Text is generated from
//! small word lists written for this tool (`corpus_text/mod.rs`, shared with the
//! micro-benchmarks in `benches/`).

use std::path::{Path, PathBuf};

mod corpus_text;

use corpus_text::Rng;

fn main() {
    let mut files = 1000usize;
    let mut out = PathBuf::from("corpus");
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--files" => files = value.parse().unwrap_or(files),
            "--out" => out = PathBuf::from(value),
            "--seed" => seed = value.parse().unwrap_or(seed),
            other => {
                eprintln!("unknown argument {other}; use --files N --out DIR --seed S");
                std::process::exit(2);
            }
        }
    }
    let mut rng = Rng(seed);
    let categories = [
        "data-product-user",
        "framework-user",
        "framework-user",
        "framework-creator",
    ];
    let teams = (files / 500).max(1);
    let mut bytes = 0usize;
    for team in 0..teams {
        let dir = out.join(format!("team-{team:03}"));
        let adr_dir = dir.join("docs/adr");
        if let Err(error) = std::fs::create_dir_all(&adr_dir) {
            eprintln!("cannot create {}: {error}", adr_dir.display());
            std::process::exit(2);
        }
        let manifest = format!(
            "[team]\nname = \"Team {team}\"\ncategory = \"{}\"\n",
            categories[team % categories.len()]
        );
        write(&dir.join("adrlint.toml"), manifest.as_bytes());
        let count = files / teams + usize::from(team < files % teams);
        for number in 1..=count {
            let (name, text) = corpus_text::adr(&mut rng, number);
            bytes += text.len();
            write(&adr_dir.join(name), text.as_bytes());
        }
    }
    println!(
        "wrote {files} ADRs ({bytes} bytes) in {teams} team folders under {}",
        out.display()
    );
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(error) = std::fs::write(path, bytes) {
        eprintln!("cannot write {}: {error}", path.display());
        std::process::exit(2);
    }
}
