//! `adrlint rules`: every rule with its id, severity, requires and pack file.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use super::{EXIT_ERROR, EXIT_OK, print_problems, print_stdout};
use crate::cli::{ColorChoice, RulesArgs, RulesFormat};
use crate::diag::Problem;
use crate::manifest::{self, Level};
use crate::rules::{RuleSet, RuleSetLoader};
use crate::source::SourceMap;

/// The rule set a listing command shows: built-in packs plus those of `--config` (or of the
/// manifest in the working folder), with its severity overrides.
/// A rule set and the manifest's per-rule levels.
pub type Listing = (Arc<RuleSet>, Vec<(String, Level)>);

pub fn load_for_listing(
    config: Option<&Path>,
    sources: &mut SourceMap,
) -> Result<Listing, Vec<Problem>> {
    let mut loader = RuleSetLoader::new(sources)?;
    let path = match config {
        Some(path) => Some(path.to_path_buf()),
        None => manifest::FILE_NAMES
            .iter()
            .map(std::path::PathBuf::from)
            .find(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok((loader.load(&[], sources)?, Vec::new()));
    };
    let manifest = manifest::load(&path, &crate::paths::display(&path), sources)?;
    let includes: Vec<_> = manifest
        .includes
        .iter()
        .map(|i| (i.path.clone(), manifest.file, i.span.clone()))
        .collect();
    let set = loader.load(&includes, sources)?;
    let levels = manifest
        .severity
        .iter()
        .map(|o| (o.rule.clone(), o.level))
        .collect();
    Ok((set, levels))
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'static str,
    severity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    requires: Option<&'static str>,
    sections: Vec<&'static str>,
    summary: &'a str,
    pack: &'a str,
}

pub fn run(args: &RulesArgs) -> u8 {
    let mut sources = SourceMap::default();
    let (set, levels) = match load_for_listing(args.config.as_deref(), &mut sources) {
        Ok(loaded) => loaded,
        Err(problems) => {
            print_problems(&problems, &sources, ColorChoice::Auto);
            return EXIT_ERROR;
        }
    };
    if args.patterns {
        let mut out = String::new();
        for rule in &set.rules {
            let off = levels
                .iter()
                .any(|(id, level)| *id == *rule.id && *level == Level::Off);
            if !off {
                // Raw patterns as written; a rule that names its thing, by its names (and a
                // design rule by its pieces' names), as the regex the engine searches first.
                let named = std::iter::once(&rule.names)
                    .chain(rule.pieces.iter().map(|p| &p.names))
                    .filter_map(|names| crate::rules::phrases(names));
                for pattern in rule.patterns.iter().cloned().chain(named) {
                    out.push_str(&pattern);
                    out.push('\n');
                }
            }
        }
        print_stdout(&out);
        return EXIT_OK;
    }
    let rows: Vec<Row> = set
        .rules
        .iter()
        .map(|rule| {
            let severity = match levels
                .iter()
                .find(|(id, _)| *id == *rule.id)
                .map(|(_, l)| *l)
            {
                Some(Level::Off) => "off".to_string(),
                Some(Level::Severity(s)) => s.to_string(),
                None => rule.severity.to_string(),
            };
            Row {
                id: &rule.id,
                kind: rule.kind.id(),
                severity,
                requires: rule.requires.map(|c| c.id()),
                sections: rule.sections.iter().map(|s| s.id()).collect(),
                summary: &rule.summary,
                pack: &rule.pack,
            }
        })
        .collect();
    let text = match args.format {
        RulesFormat::Json => {
            let mut json = serde_json::to_string_pretty(&rows).unwrap_or_default();
            json.push('\n');
            json
        }
        RulesFormat::Human => table(&rows),
        RulesFormat::Markdown => page(&set, &rows),
    };
    print_stdout(&text);
    EXIT_OK
}

fn table(rows: &[Row]) -> String {
    let headers = ["ID", "SEVERITY", "REQUIRES", "KIND", "PACK", "SUMMARY"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                r.severity.clone(),
                r.requires.unwrap_or("-").to_string(),
                r.kind.to_string(),
                r.pack.to_string(),
                r.summary.to_string(),
            ]
        })
        .collect();
    let mut widths = headers.map(str::len);
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                text.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&headers.map(String::from));
    for row in &cells {
        line(row);
    }
    out.push_str(&format!("{} rules\n", rows.len()));
    out
}

/// The rules page: a section per rule, anchored by its id (SARIF's `helpUri` links there).
fn page(set: &RuleSet, rows: &[Row]) -> String {
    let mut out = String::from(
        "# adrlint rules\n\n\
         <!-- Generated by `adrlint rules --format markdown`; a test keeps it in step. -->\n\n\
         Every rule adrlint knows, pack by pack. `--select`, `--ignore` and \
         `[rules.severity]` take these ids, or a group: `all`, `claims`, `rationale` or a \
         pack's name (`hygiene`, `build-your-own`, …).\n",
    );
    let mut pack = "";
    for (rule, row) in set.rules.iter().zip(rows) {
        if rule.pack != pack {
            pack = &rule.pack;
            out.push_str(&format!("\n## `{pack}`\n"));
        }
        out.push_str(&format!("\n### {}\n\n{}\n\n", rule.id, rule.summary));
        out.push_str(&format!("- severity: {}", row.severity));
        if let Some(requires) = row.requires {
            out.push_str(&format!(" · fires below `{requires}`"));
        }
        out.push_str(&format!(" · kind: {}\n", row.kind));
        if let Some(help) = &rule.help {
            out.push_str(&format!("- help: {help}\n"));
        }
        let explain = rule.explain.trim();
        if !explain.is_empty() {
            out.push('\n');
            // The explanation's own headings sit below the rule's (`## What it checks` → h4).
            let mut fenced = false;
            for line in explain.lines() {
                fenced ^= line.trim_start().starts_with("```");
                if !fenced && line.starts_with('#') {
                    out.push_str("##");
                }
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}
