//! What the manifest's `[adr]` table sets for the hygiene rules: required sections per format,
//! the allowed statuses and the file-name convention.

use super::date::Date;
use crate::adr::{Adr, Format, SectionKind};

/// The statuses allowed unless `[adr] statuses` says otherwise.
pub const DEFAULT_STATUSES: [&str; 6] = [
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
    "draft",
];

/// Section kinds that `[adr] required-sections` may name (`other` is no requirement).
pub const REQUIRABLE_SECTIONS: [&str; 6] = [
    "status",
    "context",
    "decision",
    "options",
    "consequences",
    "summary",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FileNameConvention {
    /// `NNNN-kebab-title.md` or `YYYYMMDD-kebab-title.md`; another scheme passes when most of
    /// the log uses it.
    #[default]
    Auto,
    NnnnKebab,
    DateKebab,
    Any,
}

impl FileNameConvention {
    pub const IDS: [&'static str; 4] = ["auto", "nnnn-kebab", "date-kebab", "any"];

    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "auto" => Some(Self::Auto),
            "nnnn-kebab" => Some(Self::NnnnKebab),
            "date-kebab" => Some(Self::DateKebab),
            "any" => Some(Self::Any),
            _ => None,
        }
    }
}

/// Required section kinds per format; `None` keeps the format's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequiredSections {
    pub nygard: Option<Vec<SectionKind>>,
    pub madr: Option<Vec<SectionKind>>,
    pub log4brains: Option<Vec<SectionKind>>,
    pub rfc: Option<Vec<SectionKind>>,
    pub kep: Option<Vec<SectionKind>>,
    pub design_doc: Option<Vec<SectionKind>>,
    pub free_form: Option<Vec<SectionKind>>,
}

impl RequiredSections {
    /// The section kinds `adr` must have. MADR's Considered Options is required by default only
    /// when the ADR discusses options (it names a chosen option).
    pub fn for_adr(&self, adr: &Adr) -> Vec<SectionKind> {
        use SectionKind::*;
        let configured = match adr.format {
            Format::Nygard => &self.nygard,
            Format::Madr => &self.madr,
            Format::Log4brains => &self.log4brains,
            Format::Rfc => &self.rfc,
            Format::Kep => &self.kep,
            Format::DesignDoc => &self.design_doc,
            Format::FreeForm => &self.free_form,
        };
        if let Some(list) = configured {
            return list.clone();
        }
        match adr.format {
            Format::Nygard => vec![Status, Context, Decision, Consequences],
            Format::Madr | Format::Log4brains => {
                let mut kinds = vec![Context, Decision];
                if adr.chosen_option.is_some() {
                    kinds.push(Options);
                }
                kinds
            }
            // An RFC or KEP states what it proposes in a Summary and designs it in a design
            // section; it weighs it under Drawbacks or Alternatives, not Consequences.
            Format::Rfc => vec![Summary, Decision],
            Format::Kep => vec![Summary, Context, Decision],
            Format::DesignDoc | Format::FreeForm => Vec::new(),
        }
    }
}

/// Everything the hygiene rules are configured with, per manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HygieneConfig {
    pub required_sections: RequiredSections,
    /// Allowed statuses, lower case; a status value passes when it starts with one of them.
    pub statuses: Vec<String>,
    pub file_name: FileNameConvention,
    /// The date a future date is compared with; `None` skips that check.
    pub today: Option<Date>,
}

impl Default for HygieneConfig {
    fn default() -> Self {
        HygieneConfig {
            required_sections: RequiredSections::default(),
            statuses: DEFAULT_STATUSES.iter().map(|s| s.to_string()).collect(),
            file_name: FileNameConvention::default(),
            today: None,
        }
    }
}
