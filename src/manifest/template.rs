//! The commented manifest that `adrlint init` writes.

use crate::category::Category;
use crate::hygiene::config::DEFAULT_STATUSES;

/// What `adrlint init` found in the repository, for the manifest to fit it. The default is a
/// repository where nothing was found: the template's usual `docs/adr` and no hygiene settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// `[adr] paths`, relative to the manifest; empty keeps `docs/adr`.
    pub paths: Vec<String>,
    /// One line per ADR folder found ("docs/adrs: 4 ADRs, sequential numbering").
    pub found: Vec<String>,
    /// The statuses the ADRs use, lower case, sorted; empty leaves `statuses` commented out.
    pub statuses: Vec<String>,
    /// `file-name`, when the names show a convention.
    pub file_name: Option<&'static str>,
    /// Why `number-gap` is off, when the numbering is sparse.
    pub number_gap_off: Option<String>,
}

/// A TOML string: folder names may hold quotes or backslashes.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", quoted.join(", "))
}

pub fn init_template(category: Category, layout: &Layout) -> String {
    let mut categories = String::new();
    for c in Category::ALL {
        categories.push_str(&format!("#   {:<18} {}\n", c.id(), c.describe()));
    }
    let paths = if layout.paths.is_empty() {
        list(&["docs/adr".to_string()])
    } else {
        list(&layout.paths)
    };
    let mut found = String::new();
    if layout.found.is_empty() {
        found.push_str("# `adrlint init` found no ADR folder: this is where adrlint looks.\n");
    } else {
        found.push_str("# Found by `adrlint init`:\n");
        for line in &layout.found {
            found.push_str(&format!("#   {line}\n"));
        }
    }
    let statuses = if layout.statuses.is_empty() {
        format!(
            "# statuses = {}   # replaces the built-in list\n\
             # extend-statuses = [\"approved\"]   # adds to it\n",
            list(&DEFAULT_STATUSES.map(String::from))
        )
    } else {
        // The log's own words, so that the first run does not call them unknown, beside the
        // standard ones, so that the next rejected or deprecated ADR is not either.
        let mut all: Vec<String> = layout.statuses.clone();
        all.extend(DEFAULT_STATUSES.map(String::from));
        all.sort();
        all.dedup();
        format!(
            "# The ADRs use {}; the standard statuses are kept beside them.\nstatuses = {}\n",
            layout.statuses.join(", "),
            list(&all)
        )
    };
    let file_name = match layout.file_name {
        Some(convention) => format!("file-name = {}\n", quoted(convention)),
        None => "# file-name = \"auto\"\n".to_string(),
    };
    let number_gap = match &layout.number_gap_off {
        Some(why) => format!("# {why}\n\"number-gap\" = \"off\"\n"),
        None => String::new(),
    };
    // The `#:schema` line (taplo's, which editors' TOML extensions read) is a comment to TOML.
    format!(
        r#"#:schema {schema_url}
# adrlint team manifest. adrlint checks every architecture decision record below this
# folder against the category this team really is.
#
# Categories, from least to most that a team may decide:
{categories}
[team]
name = "My team"
category = "{category}"

[adr]
# Folders linted when `adrlint check` is run without paths (relative to this file).
{found}paths = {paths}
# Files to leave out, as globs relative to this file.
exclude = []
# Hygiene rules: the statuses an ADR may have, and how ADR files are named
# ("auto", "nnnn-kebab", "date-kebab" or "any"). A status passes when it starts with one of them.
{statuses}{file_name}
# Sections each format must have (status, context, decision, options, consequences, summary).
# Formats: nygard, madr, log4brains, rfc, kep, design-doc, free-form.
# [adr.required-sections]
# nygard = ["status", "context", "decision", "consequences"]
# rfc = ["summary", "decision"]
# free-form = ["context", "decision"]

[rules]
# Extra rule packs: files or folders of *.toml, relative to this file.
include = []

[rules.severity]
# Per-rule level: "error", "warning", "info" or "off". `adrlint rules` lists the ids.
# "nih-rationale" = "error"
{number_gap}"#,
        schema_url = super::SCHEMA_URL,
    )
}
