//! The commented manifest that `adrlint init` writes.

use crate::category::Category;

pub fn init_template(category: Category) -> String {
    let mut categories = String::new();
    for c in Category::ALL {
        categories.push_str(&format!("#   {:<18} {}\n", c.id(), c.describe()));
    }
    format!(
        r#"# adrlint team manifest. adrlint checks every architecture decision record below this
# folder against the category this team really is.
#
# Categories, from least to most that a team may decide:
{categories}
[team]
name = "My team"
category = "{category}"

[adr]
# Folders linted when `adrlint check` is run without paths (relative to this file).
paths = ["docs/adr"]
# Files to leave out, as globs relative to this file.
exclude = []
# Hygiene rules: the statuses an ADR may have, and how ADR files are named
# ("auto", "nnnn-kebab", "date-kebab" or "any").
# statuses = ["proposed", "accepted", "rejected", "deprecated", "superseded", "draft"]
# file-name = "auto"

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
"#
    )
}
