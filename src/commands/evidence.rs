//! `adrlint evidence [PATH]`: the category the project manifests under PATH show, beside the
//! one the nearest adrlint.toml declares, and every piece of evidence.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{EXIT_ERROR, EXIT_OK, has_errors, print_problems, print_stdout};
use crate::category::Category;
use crate::cli::{ColorChoice, EvidenceArgs, ListFormat};
use crate::diag::Problem;
use crate::evidence::{EvidencePack, Scan, ScanOptions, scan};
use crate::lint::DEFAULT_MAX_FILE_SIZE;
use crate::manifest::{self, Discovery, Manifest};
use crate::source::{SourceFile, SourceMap};

#[derive(Serialize)]
struct Document {
    version: u32,
    tool: Tool,
    path: String,
    /// The declared category, or null when no manifest declares one.
    declared: Option<&'static str>,
    /// The manifest that declares it.
    declared_in: Option<String>,
    /// The highest category any evidence shows; `data-product-user` without evidence.
    shown: &'static str,
    /// Whether the evidence shows more than the declared category.
    contradicted: bool,
    manifests: Vec<ManifestRow>,
    evidence: Vec<EvidenceRow>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct ManifestRow {
    path: String,
    ecosystem: &'static str,
    dependencies: usize,
}

#[derive(Serialize)]
struct EvidenceRow {
    path: String,
    line: usize,
    column: usize,
    byte_range: [usize; 2],
    ecosystem: &'static str,
    package: String,
    name: String,
    shows: &'static str,
}

pub fn run(args: &EvidenceArgs) -> u8 {
    let mut sources = SourceMap::default();
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let fail = |problems: &[Problem], sources: &SourceMap| {
        print_problems(problems, sources, ColorChoice::Auto);
        EXIT_ERROR
    };
    if !path.exists() {
        let problem = Problem::error(
            "missing-path",
            format!("`{}` does not exist", crate::paths::display(&path)),
        )
        .help("give a project folder or one manifest file");
        return fail(&[problem], &sources);
    }
    let manifest = match team_manifest(&path, args.config.as_deref(), &mut sources) {
        Ok(manifest) => manifest,
        Err(problems) => return fail(&problems, &sources),
    };
    let pack = match EvidencePack::builtin(&mut sources) {
        Ok(pack) => pack,
        Err(problems) => return fail(&problems, &sources),
    };
    let options = ScanOptions {
        skip_nested_teams: args.config.is_none(),
        max_file_size: manifest
            .as_ref()
            .and_then(|m| m.max_file_size)
            .unwrap_or(DEFAULT_MAX_FILE_SIZE),
    };
    let mut problems = Vec::new();
    let scanned = scan(&path, &options, &pack, &mut sources, &mut problems);
    let document = document(&path, manifest.as_ref(), &scanned, &sources);
    let text = match args.format {
        ListFormat::Json => {
            let mut json = serde_json::to_string_pretty(&document).unwrap_or_default();
            json.push('\n');
            json
        }
        ListFormat::Human => human(&document),
    };
    print_stdout(&text);
    print_problems(&problems, &sources, ColorChoice::Auto);
    if has_errors(&problems) {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

/// `--config`, else the nearest adrlint.toml above PATH; `None` when there is none.
fn team_manifest(
    path: &Path,
    config: Option<&Path>,
    sources: &mut SourceMap,
) -> Result<Option<Manifest>, Vec<Problem>> {
    let found = match config {
        Some(config) if !config.is_file() => {
            return Err(vec![Problem::error(
                "missing-config",
                format!(
                    "the manifest `{}` does not exist",
                    crate::paths::display(config)
                ),
            )]);
        }
        Some(config) => Some(config.to_path_buf()),
        None => {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let dir = if absolute.is_dir() {
                Some(absolute.as_path())
            } else {
                absolute.parent()
            };
            dir.and_then(|dir| Discovery::default().nearest(dir))
        }
    };
    match found {
        Some(found) => manifest::load(&found, &crate::paths::display(&found), sources).map(Some),
        None => Ok(None),
    }
}

fn document(
    path: &Path,
    manifest: Option<&Manifest>,
    scanned: &Scan,
    sources: &SourceMap,
) -> Document {
    let declared = manifest.and_then(|m| m.category.clone());
    let declared_in = manifest.zip(declared.as_ref()).map(|(m, (_, span))| {
        let file = sources.get(m.file);
        let (line, column) = file.map_or((1, 1), |f| f.line_col(span.start));
        let name = file.map_or_else(|| crate::paths::display(&m.path), |f| f.name.clone());
        format!("{name}:{line}:{column}")
    });
    let shown = scanned.shown();
    let files: Vec<SourceFile> = scanned
        .manifests
        .iter()
        .map(|m| SourceFile::new(m.display.as_str(), m.text.clone()))
        .collect();
    Document {
        version: 1,
        tool: Tool {
            name: "adrlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        path: match crate::paths::display(path) {
            shown if shown.is_empty() => ".".to_string(),
            shown => shown,
        },
        declared: declared.as_ref().map(|(c, _)| c.id()),
        declared_in,
        shown: shown.id(),
        contradicted: declared.is_some_and(|(c, _)| shown > c),
        manifests: scanned
            .manifests
            .iter()
            .map(|m| ManifestRow {
                path: m.display.clone(),
                ecosystem: m.format.ecosystem().id(),
                dependencies: m.dependencies.len(),
            })
            .collect(),
        evidence: scanned
            .evidence
            .iter()
            .map(|e| {
                let (line, column) = files[e.manifest].line_col(e.span.start);
                EvidenceRow {
                    path: scanned.manifests[e.manifest].display.clone(),
                    line,
                    column,
                    byte_range: [e.span.start, e.span.end],
                    ecosystem: e.ecosystem.id(),
                    package: e.package.clone(),
                    name: e.name.to_string(),
                    shows: e.shows.id(),
                }
            })
            .collect(),
    }
}

fn human(document: &Document) -> String {
    let mut out = String::new();
    match (document.declared, &document.declared_in) {
        (Some(declared), Some(at)) => out.push_str(&format!("declared: {declared} ({at})\n")),
        _ => {
            out.push_str("declared: none (no adrlint.toml above this folder declares a category)\n")
        }
    }
    let verdict = match document.declared.and_then(|d| d.parse::<Category>().ok()) {
        Some(_) if document.contradicted => ", above the declared category",
        Some(_) => ", within the declared category",
        None => "",
    };
    out.push_str(&format!("shown:    {}{verdict}\n", document.shown));
    if !document.evidence.is_empty() {
        out.push('\n');
        let headers = ["LOCATION", "PACKAGE", "EVIDENCE", "SHOWS"];
        let rows: Vec<[String; 4]> = document
            .evidence
            .iter()
            .map(|e| {
                [
                    format!("{}:{}:{}", e.path, e.line, e.column),
                    e.package.clone(),
                    e.name.clone(),
                    e.shows.to_string(),
                ]
            })
            .collect();
        let mut widths = headers.map(str::len);
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let mut line = |cells: &[String]| {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                text.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&headers.map(String::from));
        for row in &rows {
            line(row);
        }
    }
    let pieces = match document.evidence.len() {
        0 => "no evidence".to_string(),
        1 => "1 piece of evidence".to_string(),
        n => format!("{n} pieces of evidence"),
    };
    let manifests = match document.manifests.len() {
        1 => "1 manifest".to_string(),
        n => format!("{n} manifests"),
    };
    out.push_str(&format!("\n{pieces} in {manifests}\n"));
    out
}
