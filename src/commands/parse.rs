//! `adrlint parse PATHS [--format human|json]`: what the parser reads in each ADR — its format,
//! title, number, status, date, chosen option and the kind of every section — so a user can see
//! why a sentence is or is not read as decision text. It reads files; it never lints them.

use serde::Serialize;

use super::{EXIT_ERROR, EXIT_OK, has_errors, print_problems, print_stdout};
use crate::adr::{self, Adr, Field, OptionRole};
use crate::cli::{ColorChoice, ListFormat, ParseArgs};
use crate::discover::discover;
use crate::hygiene::{FileRole, file_role};
use crate::lint::{DEFAULT_MAX_FILE_SIZE, read_text};
use crate::source::{SourceFile, SourceMap};

#[derive(Serialize)]
struct Document {
    version: u32,
    files: Vec<FileOut>,
}

#[derive(Serialize)]
struct FileOut {
    path: String,
    /// `adr`, or `index` / `template` for a log's README or template, which `check` does not
    /// lint as records.
    role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    parsed: Option<Parsed>,
}

#[derive(Serialize)]
struct Parsed {
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<FieldOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<StatusOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<FieldOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chosen_option: Option<String>,
    /// The option titles read as chosen (by name or by a reference such as "option 2").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    chosen_titles: Vec<FieldOut>,
    sections: Vec<SectionOut>,
}

#[derive(Serialize)]
struct FieldOut {
    value: String,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct StatusOut {
    value: String,
    kind: &'static str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct SectionOut {
    title: String,
    level: u8,
    kind: &'static str,
    line: usize,
    column: usize,
}

pub fn run(args: &ParseArgs) -> u8 {
    let sources = SourceMap::default();
    let (targets, problems) = discover(&args.paths, !args.no_ignore);
    print_problems(&problems, &sources, ColorChoice::Auto);
    let files: Vec<FileOut> = targets
        .iter()
        .map(|target| {
            let shown = crate::paths::display(&target.path);
            let role = match file_role(&target.path) {
                FileRole::Adr => "adr",
                FileRole::Index => "index",
                FileRole::Template => "template",
            };
            match read_text(&target.path, DEFAULT_MAX_FILE_SIZE) {
                Ok(text) => {
                    let parsed = adr::parse(&target.path, &text);
                    FileOut {
                        parsed: Some(describe(&parsed, &SourceFile::new(shown.clone(), text))),
                        path: shown,
                        role,
                        skipped: None,
                    }
                }
                Err(why) => FileOut {
                    path: shown,
                    role,
                    skipped: Some(why),
                    parsed: None,
                },
            }
        })
        .collect();
    let out = match args.format {
        ListFormat::Json => {
            let document = Document { version: 1, files };
            serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
        }
        ListFormat::Human => files.iter().map(render).collect(),
    };
    print_stdout(&out);
    if has_errors(&problems) {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

fn describe(adr: &Adr, source: &SourceFile) -> Parsed {
    let at = |byte: usize| source.line_col(byte);
    let field = |f: &Field| {
        let (line, column) = at(f.span.start);
        FieldOut {
            value: f.value.clone(),
            line,
            column,
        }
    };
    Parsed {
        format: adr.format.id(),
        title: adr.title.as_ref().map(field),
        number: adr.number,
        status: adr.status.as_ref().map(|s| {
            let (line, column) = at(s.span.start);
            StatusOut {
                value: s.value.clone(),
                kind: s.kind.id(),
                line,
                column,
            }
        }),
        date: adr.date.as_ref().map(field),
        chosen_option: adr.chosen_option.clone(),
        chosen_titles: adr
            .sentences
            .iter()
            .filter(|s| s.option == OptionRole::ChosenTitle)
            .map(|s| {
                let (line, column) = at(s.source_span(0..0).start);
                FieldOut {
                    value: s.text.trim().to_string(),
                    line,
                    column,
                }
            })
            .collect(),
        sections: adr
            .sections
            .iter()
            .map(|s| {
                let (line, column) = at(s.heading_span.start);
                SectionOut {
                    title: s.title.clone(),
                    level: s.level,
                    kind: s.kind.id(),
                    line,
                    column,
                }
            })
            .collect(),
    }
}

fn render(file: &FileOut) -> String {
    let mut out = format!("{}\n", file.path);
    if file.role != "adr" {
        out.push_str(&format!("  role: {} (not linted as a record)\n", file.role));
    }
    if let Some(why) = &file.skipped {
        out.push_str(&format!("  skipped: {why}\n"));
    }
    let Some(p) = &file.parsed else {
        return out;
    };
    out.push_str(&format!("  format: {}\n", p.format));
    if let Some(t) = &p.title {
        out.push_str(&format!("  title: {} ({}:{})\n", t.value, t.line, t.column));
    }
    if let Some(n) = p.number {
        out.push_str(&format!("  number: {n}\n"));
    }
    match &p.status {
        Some(s) => out.push_str(&format!(
            "  status: {} → {} ({}:{})\n",
            s.value, s.kind, s.line, s.column
        )),
        None => out.push_str("  status: none\n"),
    }
    if let Some(d) = &p.date {
        out.push_str(&format!("  date: {} ({}:{})\n", d.value, d.line, d.column));
    }
    if let Some(c) = &p.chosen_option {
        out.push_str(&format!("  chosen option: {c}\n"));
    }
    for t in &p.chosen_titles {
        out.push_str(&format!(
            "  chosen title: {} ({}:{})\n",
            t.value, t.line, t.column
        ));
    }
    for s in &p.sections {
        out.push_str(&format!(
            "  {:>5}:{:<3} {:<13} {} {}\n",
            s.line,
            s.column,
            s.kind,
            "#".repeat(usize::from(s.level)),
            s.title
        ));
    }
    out
}
