//! The team manifest (`adrlint.toml`, SPEC 2.1): loading with spans, validation that reports
//! every problem at once, and nearest-manifest discovery for each linted file.

pub mod schema;
mod template;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::adr::SectionKind;
use crate::category::Category;
use crate::diag::{Problem, Severity};
use crate::hygiene::config::REQUIRABLE_SECTIONS;
use crate::hygiene::{FileNameConvention, HygieneConfig, RequiredSections};
use crate::source::{FileId, SourceFile, SourceMap};
use crate::suggest::{did_you_mean, one_of};
use crate::toml_diag::toml_problem;

pub use schema::{SCHEMA_URL, json_schema};
pub use template::{Layout, init_template};

pub const FILE_NAMES: [&str; 2] = crate::discover::MANIFEST_NAMES;

// The raw types are what serde reads, and also what `adrlint schema` describes (schemars): the
// JSON Schema of adrlint.toml cannot drift from the parser. A `Spanned` field is described by
// the `with` type beside it; the doc comments are the descriptions editors show.

/// adrlint's team manifest: the team's category, where its ADRs are, and the rules run on them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "adrlint.toml")]
struct RawManifest {
    /// The team that writes these ADRs.
    team: Option<RawTeam>,
    /// Where the ADRs are, and the hygiene rules' settings.
    adr: Option<RawAdr>,
    /// Extra rule packs, per-rule levels and per-file ignores.
    rules: Option<RawRules>,
}

/// The team that writes these ADRs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Team")]
struct RawTeam {
    /// The team's name.
    #[allow(dead_code)] // shown by future reports; validated as a string now
    name: Option<String>,
    /// The distributed-systems category the team is: every ADR below this folder is judged
    /// against it.
    #[schemars(with = "schema::CategoryId")]
    category: Spanned<String>,
}

/// Where the ADRs are, and the hygiene rules' settings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Adr")]
struct RawAdr {
    /// Folders linted when `adrlint check` is run without paths, relative to this file.
    #[serde(default)]
    paths: Vec<String>,
    /// Files to leave out, as globs relative to this file.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    exclude: Vec<Spanned<String>>,
    /// Files larger than this many bytes are not linted.
    #[schemars(with = "Option<i64>", range(min = 1))]
    max_file_size: Option<Spanned<i64>>,
    /// The statuses an ADR may have (hygiene rule `unknown-status`); a status passes when it
    /// starts with one of them. Case does not matter.
    #[schemars(with = "Option<schema::Statuses>")]
    statuses: Option<Spanned<Vec<Spanned<String>>>>,
    /// Statuses allowed beside the built-in ones (or beside `statuses`, when both are set).
    #[schemars(with = "Option<schema::ExtendStatuses>")]
    extend_statuses: Option<Spanned<Vec<Spanned<String>>>>,
    /// How ADR files are named (hygiene rule `file-name-convention`).
    #[schemars(with = "Option<schema::FileNameId>")]
    file_name: Option<Spanned<String>>,
    /// The sections each format must have (hygiene rule `missing-section`); a format left out
    /// keeps its default.
    required_sections: Option<RawRequiredSections>,
}

/// The sections each ADR format must have; a format left out keeps its default.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "RequiredSections")]
struct RawRequiredSections {
    /// Michael Nygard's template.
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    nygard: Option<Vec<Spanned<String>>>,
    /// MADR (Markdown Architectural Decision Records).
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    madr: Option<Vec<Spanned<String>>>,
    /// log4brains.
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    log4brains: Option<Vec<Spanned<String>>>,
    /// Requests for comments.
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    rfc: Option<Vec<Spanned<String>>>,
    /// Kubernetes enhancement proposals.
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    kep: Option<Vec<Spanned<String>>>,
    /// Design documents.
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    design_doc: Option<Vec<Spanned<String>>>,
    /// Records in no known format.
    #[schemars(with = "Option<Vec<schema::SectionId>>")]
    free_form: Option<Vec<Spanned<String>>>,
}

/// Extra rule packs, per-rule levels and per-file ignores.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Rules")]
struct RawRules {
    /// Extra rule packs: files or folders of `*.toml`, relative to this file.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    include: Vec<Spanned<String>>,
    /// Per-rule level, by rule id (`adrlint rules` lists the ids).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, schema::LevelId>")]
    severity: std::collections::BTreeMap<Spanned<String>, Spanned<String>>,
    /// Rules (ids or groups) left out for the files a glob matches, relative to this file.
    #[serde(default, rename = "per-file-ignores")]
    #[schemars(with = "std::collections::BTreeMap<String, Vec<String>>")]
    per_file_ignores: std::collections::BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// The levels `[rules.severity]` may set.
pub const LEVELS: [&str; 4] = ["error", "warning", "info", "off"];

/// A rule's level as the manifest sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Severity(Severity),
    Off,
}

#[derive(Debug, Clone)]
pub struct SeverityOverride {
    pub rule: String,
    pub rule_span: Range<usize>,
    pub level: Level,
}

/// One entry of `[rules] per-file-ignores`: a glob relative to the manifest's folder, and the
/// rule ids or groups it leaves out (checked against the rules once they are loaded).
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    pub glob: globset::GlobMatcher,
    pub rules: Vec<(String, Range<usize>)>,
}

#[derive(Debug, Clone)]
pub struct RuleInclude {
    pub path: PathBuf,
    pub span: Range<usize>,
}

/// A loaded, validated manifest.
#[derive(Debug)]
pub struct Manifest {
    pub path: PathBuf,
    /// The folder the manifest governs; relative paths in it resolve from here.
    pub dir: PathBuf,
    pub file: FileId,
    pub category: Option<(Category, Range<usize>)>,
    pub adr_paths: Vec<PathBuf>,
    pub exclude: GlobSet,
    pub max_file_size: Option<u64>,
    pub includes: Vec<RuleInclude>,
    pub severity: Vec<SeverityOverride>,
    pub per_file_ignores: Vec<PerFileIgnore>,
    /// The `[adr]` settings of the hygiene rules (`today` is the run's to set).
    pub hygiene: HygieneConfig,
}

impl Manifest {
    /// Whether `[adr] paths` names `dir` as an ADR folder. The manifest's own folder is not one
    /// by being listed (`paths = ["."]`): a repository root also holds its README, changelog
    /// and guides, so only its numbered ADRs count (see `discover`).
    pub fn lists_adr_folder(&self, dir: &Path) -> bool {
        let dir = crate::hygiene::normalise(dir);
        dir != crate::hygiene::normalise(&self.dir)
            && self
                .adr_paths
                .iter()
                .any(|path| crate::hygiene::normalise(path) == dir)
    }

    pub fn is_excluded(&self, path: &Path) -> bool {
        match path.strip_prefix(&self.dir) {
            Ok(relative) => self.exclude.is_match(relative),
            Err(_) => false,
        }
    }
}

/// Reads and validates the manifest at `path`. The file is added to `sources` whether or not it
/// is valid, so problems can point into it.
pub fn load(path: &Path, display: &str, sources: &mut SourceMap) -> Result<Manifest, Vec<Problem>> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        vec![Problem::error(
            "unreadable-config",
            format!("cannot read the manifest `{display}`: {error}"),
        )]
    })?;
    let file = sources.add(SourceFile::new(display, text.as_str()));
    parse(path, display, &text, file)
}

/// Validates manifest text as if read from `path` (for tests and fuzzing: nothing is read).
pub fn parse_str(
    path: &Path,
    text: &str,
    sources: &mut SourceMap,
) -> Result<Manifest, Vec<Problem>> {
    let display = crate::paths::display(path);
    let file = sources.add(SourceFile::new(display.as_str(), text));
    parse(path, &display, text, file)
}

fn parse(path: &Path, display: &str, text: &str, file: FileId) -> Result<Manifest, Vec<Problem>> {
    let raw: RawManifest = toml::from_str(text).map_err(|error| {
        vec![toml_problem(
            file,
            &format!("invalid manifest `{display}`"),
            &error,
            text.len(),
        )]
    })?;
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut problems = Vec::new();

    let category = raw.team.as_ref().and_then(|team| {
        let value = team.category.get_ref();
        let span = team.category.span();
        match value.parse::<Category>() {
            Ok(category) => Some((category, span)),
            Err(()) => {
                let mut problem =
                    Problem::error("invalid-config", format!("unknown team category `{value}`"))
                        .at(file, span, "not a category id");
                if let Some(suggestion) = did_you_mean(value, Category::IDS) {
                    problem = problem.help(format!("did you mean `{suggestion}`?"));
                }
                problems
                    .push(problem.note(format!("the categories are {}", one_of(&Category::IDS))));
                None
            }
        }
    });

    let mut hygiene = HygieneConfig::default();
    let (adr_paths, exclude, max_file_size) = match raw.adr {
        Some(adr) => {
            hygiene_settings(&adr, file, &mut hygiene, &mut problems);
            let mut builder = GlobSetBuilder::new();
            for pattern in &adr.exclude {
                match Glob::new(pattern.get_ref()) {
                    Ok(glob) => {
                        builder.add(glob);
                    }
                    Err(error) => problems.push(
                        Problem::error(
                            "invalid-config",
                            format!("invalid exclude pattern: {error}"),
                        )
                        .at(file, pattern.span(), "invalid glob"),
                    ),
                }
            }
            let exclude = builder.build().unwrap_or_else(|_| GlobSet::empty());
            let max = match adr.max_file_size {
                Some(size) if *size.get_ref() <= 0 => {
                    problems.push(
                        Problem::error(
                            "invalid-config",
                            "`max-file-size` must be a positive number of bytes",
                        )
                        .at(file, size.span(), "not positive"),
                    );
                    None
                }
                Some(size) => u64::try_from(*size.get_ref()).ok(),
                None => None,
            };
            (
                adr.paths.iter().map(|p| dir.join(p)).collect(),
                exclude,
                max,
            )
        }
        None => (Vec::new(), GlobSet::empty(), None),
    };

    let mut includes = Vec::new();
    let mut severity = Vec::new();
    let mut per_file_ignores = Vec::new();
    if let Some(rules) = raw.rules {
        for (pattern, ids) in rules.per_file_ignores {
            match Glob::new(pattern.get_ref()) {
                Ok(glob) => per_file_ignores.push(PerFileIgnore {
                    glob: glob.compile_matcher(),
                    rules: ids
                        .into_iter()
                        .map(|id| (id.get_ref().clone(), id.span()))
                        .collect(),
                }),
                Err(error) => problems.push(
                    Problem::error(
                        "invalid-config",
                        format!("invalid per-file-ignores pattern: {error}"),
                    )
                    .at(file, pattern.span(), "invalid glob"),
                ),
            }
        }
        for include in rules.include {
            includes.push(RuleInclude {
                path: dir.join(include.get_ref()),
                span: include.span(),
            });
        }
        for (rule, level) in rules.severity {
            let parsed = match level.get_ref().as_str() {
                "off" => Some(Level::Off),
                other => other.parse::<Severity>().ok().map(Level::Severity),
            };
            match parsed {
                Some(parsed) => severity.push(SeverityOverride {
                    rule: rule.get_ref().clone(),
                    rule_span: rule.span(),
                    level: parsed,
                }),
                None => {
                    let levels = LEVELS;
                    let mut problem = Problem::error(
                        "invalid-config",
                        format!("unknown severity `{}`", level.get_ref()),
                    )
                    .at(file, level.span(), "not a severity");
                    if let Some(suggestion) = did_you_mean(level.get_ref(), levels) {
                        problem = problem.help(format!("did you mean `{suggestion}`?"));
                    }
                    problems.push(problem.note(format!("use one of {}", one_of(&levels))));
                }
            }
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Manifest {
        path: path.to_path_buf(),
        dir,
        file,
        category,
        adr_paths,
        exclude,
        max_file_size,
        includes,
        severity,
        per_file_ignores,
        hygiene,
    })
}

/// A list of statuses, trimmed and lower case, each reported when it does not start with a
/// letter or digit or is listed twice.
fn status_list(list: &[Spanned<String>], file: FileId, problems: &mut Vec<Problem>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for status in list {
        let value = status.get_ref().trim().to_lowercase();
        if value.is_empty() || !value.starts_with(char::is_alphanumeric) {
            problems.push(
                Problem::error(
                    "invalid-config",
                    "a status must start with a letter or digit",
                )
                .at(file, status.span(), "not a status"),
            );
        } else if seen.contains(&value) {
            problems.push(
                Problem::error(
                    "invalid-config",
                    format!("the status `{value}` is listed twice"),
                )
                .at(file, status.span(), "listed again here"),
            );
        } else {
            seen.push(value);
        }
    }
    seen
}

/// Reads `statuses`, `extend-statuses`, `file-name` and `required-sections` of `[adr]` into `hygiene`, reporting
/// every bad value with its span.
fn hygiene_settings(
    adr: &RawAdr,
    file: FileId,
    hygiene: &mut HygieneConfig,
    problems: &mut Vec<Problem>,
) {
    if let Some(statuses) = &adr.statuses {
        if statuses.get_ref().is_empty() {
            problems.push(
                Problem::error("invalid-config", "`statuses` must name at least one status").at(
                    file,
                    statuses.span(),
                    "empty list",
                ),
            );
        }
        hygiene.statuses = status_list(statuses.get_ref(), file, problems);
    }
    if let Some(extra) = &adr.extend_statuses {
        for status in status_list(extra.get_ref(), file, problems) {
            if !hygiene.statuses.contains(&status) {
                hygiene.statuses.push(status);
            }
        }
    }
    if let Some(name) = &adr.file_name {
        match FileNameConvention::from_id(name.get_ref()) {
            Some(convention) => hygiene.file_name = convention,
            None => {
                let mut problem = Problem::error(
                    "invalid-config",
                    format!("unknown file-name convention `{}`", name.get_ref()),
                )
                .at(file, name.span(), "not a convention");
                if let Some(suggestion) = did_you_mean(name.get_ref(), FileNameConvention::IDS) {
                    problem = problem.help(format!("did you mean `{suggestion}`?"));
                }
                problems
                    .push(problem.note(format!("use one of {}", one_of(&FileNameConvention::IDS))));
            }
        }
    }
    if let Some(required) = &adr.required_sections {
        let mut kinds = |list: &Option<Vec<Spanned<String>>>| -> Option<Vec<SectionKind>> {
            let list = list.as_ref()?;
            let mut out = Vec::new();
            for kind in list {
                match REQUIRABLE_SECTIONS
                    .contains(&kind.get_ref().as_str())
                    .then(|| SectionKind::from_id(kind.get_ref()))
                    .flatten()
                {
                    Some(found) if !out.contains(&found) => out.push(found),
                    Some(_) => {}
                    None => {
                        let mut problem = Problem::error(
                            "invalid-config",
                            format!("unknown section kind `{}`", kind.get_ref()),
                        )
                        .at(file, kind.span(), "not a section kind");
                        if let Some(suggestion) = did_you_mean(kind.get_ref(), REQUIRABLE_SECTIONS)
                        {
                            problem = problem.help(format!("did you mean `{suggestion}`?"));
                        }
                        problems.push(
                            problem.note(format!("use one of {}", one_of(&REQUIRABLE_SECTIONS))),
                        );
                    }
                }
            }
            Some(out)
        };
        hygiene.required_sections = RequiredSections {
            nygard: kinds(&required.nygard),
            madr: kinds(&required.madr),
            log4brains: kinds(&required.log4brains),
            rfc: kinds(&required.rfc),
            kep: kinds(&required.kep),
            design_doc: kinds(&required.design_doc),
            free_form: kinds(&required.free_form),
        };
    }
}

/// Finds the nearest manifest above each file, caching per folder so a run over thousands of
/// ADRs asks the file system once per folder.
#[derive(Debug, Default)]
pub struct Discovery {
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
}

impl Discovery {
    /// The manifest governing files in `dir` (an absolute folder), if any.
    pub fn nearest(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let found = FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
            .or_else(|| dir.parent().and_then(|parent| self.nearest(parent)));
        self.by_dir.insert(dir.to_path_buf(), found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<Problem> {
        match parse(Path::new("adrlint.toml"), "adrlint.toml", text, 0) {
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        }
    }

    #[test]
    fn valid_manifest_loads() {
        let text = "[team]\nname = \"x\"\ncategory = \"framework-user\"\n[adr]\npaths = [\"docs/adr\"]\nexclude = [\"docs/adr/template.md\"]\n[rules.severity]\n\"nih-rationale\" = \"error\"\n";
        let manifest = parse(Path::new("/repo/adrlint.toml"), "adrlint.toml", text, 0);
        let Ok(manifest) = manifest else {
            panic!("manifest should load: {manifest:?}");
        };
        let Some((category, span)) = manifest.category.clone() else {
            panic!("category missing");
        };
        assert_eq!(category, Category::FrameworkUser);
        assert_eq!(&text[span], "\"framework-user\"");
        assert!(manifest.is_excluded(Path::new("/repo/docs/adr/template.md")));
        assert_eq!(manifest.severity[0].level, Level::Severity(Severity::Error));
    }

    #[test]
    fn misspelt_category_suggests() {
        let found = problems("[team]\ncategory = \"framework-usr\"\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .notes
                .iter()
                .any(|n| n.contains("did you mean `framework-user`"))
        );
        assert_eq!(
            found[0].primary.as_ref().map(|l| l.span.clone()),
            Some(18..33)
        );
    }

    #[test]
    fn unknown_key_suggests() {
        let found = problems("[team]\ncategry = \"framework-user\"\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .notes
                .iter()
                .any(|n| n.contains("did you mean `category`")),
            "{:?}",
            found[0]
        );
    }

    #[test]
    fn wrong_type_is_reported() {
        let found = problems("[team]\ncategory = 3\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("invalid type"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn init_template_loads_and_its_commented_settings_too() {
        let text = init_template(Category::FrameworkUser, &Layout::default());
        let loaded = parse(Path::new("/repo/adrlint.toml"), "adrlint.toml", &text, 0);
        assert!(loaded.is_ok(), "{loaded:?}");
        let uncommented = text
            .replace("# statuses", "statuses")
            .replace("# file-name", "file-name")
            .replace("# [adr.required", "[adr.required")
            .replace("# nygard", "nygard")
            .replace("# rfc", "rfc")
            .replace("# free-form", "free-form");
        let loaded = parse(
            Path::new("/repo/adrlint.toml"),
            "adrlint.toml",
            &uncommented,
            0,
        );
        assert!(loaded.is_ok(), "{loaded:?}");
    }

    #[test]
    fn init_template_with_what_init_found_loads() {
        let layout = Layout {
            paths: vec![".".into(), "docs/a \"quoted\" dir".into()],
            found: vec!["4 ADRs at the repository root".into()],
            statuses: vec!["accepted".into(), "in progress".into()],
            file_name: Some("nnnn-kebab"),
            number_gap_off: Some("numbered by pull request".into()),
        };
        let text = init_template(Category::FrameworkUser, &layout);
        let loaded = parse(Path::new("/repo/adrlint.toml"), "adrlint.toml", &text, 0);
        let Ok(manifest) = loaded else {
            panic!("{loaded:?}\n{text}");
        };
        assert_eq!(manifest.adr_paths.len(), 2);
        assert!(
            manifest
                .hygiene
                .statuses
                .contains(&"in progress".to_string())
        );
        assert!(manifest.hygiene.statuses.contains(&"rejected".to_string()));
        assert_eq!(manifest.hygiene.file_name, FileNameConvention::NnnnKebab);
        assert_eq!(manifest.severity[0].rule, "number-gap");
        assert_eq!(manifest.severity[0].level, Level::Off);
    }

    #[test]
    fn hygiene_settings_load() {
        let text = "[adr]\nstatuses = [\"Proposed\", \"accepted\", \"implemented\"]\nfile-name = \"date-kebab\"\n[adr.required-sections]\nnygard = [\"context\", \"decision\"]\nfree-form = [\"decision\"]\n";
        let manifest = parse(Path::new("/repo/adrlint.toml"), "adrlint.toml", text, 0);
        let Ok(manifest) = manifest else {
            panic!("manifest should load: {manifest:?}");
        };
        let hygiene = &manifest.hygiene;
        assert_eq!(
            hygiene.statuses,
            vec!["proposed", "accepted", "implemented"]
        );
        assert_eq!(hygiene.file_name, FileNameConvention::DateKebab);
        assert_eq!(
            hygiene.required_sections.nygard,
            Some(vec![SectionKind::Context, SectionKind::Decision])
        );
        assert_eq!(
            hygiene.required_sections.free_form,
            Some(vec![SectionKind::Decision])
        );
        assert_eq!(hygiene.required_sections.madr, None);
    }

    #[test]
    fn extend_statuses_adds_to_the_list() {
        let load = |text: &str| {
            let manifest = parse(Path::new("/repo/adrlint.toml"), "adrlint.toml", text, 0);
            let Ok(manifest) = manifest else {
                panic!("manifest should load: {manifest:?}");
            };
            manifest.hygiene.statuses
        };
        // Beside the built-in statuses; one already built in is not listed twice.
        let extended = load("[adr]\nextend-statuses = [\"Approved\", \"accepted\"]\n");
        let mut expected: Vec<String> = crate::hygiene::config::DEFAULT_STATUSES
            .iter()
            .map(|s| s.to_string())
            .collect();
        expected.push("approved".into());
        assert_eq!(extended, expected);
        // Beside `statuses`, which still replaces the built-in list.
        let both = load("[adr]\nstatuses = [\"open\"]\nextend-statuses = [\"approved\"]\n");
        assert_eq!(both, vec!["open", "approved"]);
    }

    #[test]
    fn bad_hygiene_settings_are_reported_with_spans() {
        let text = "[adr]\nstatuses = [\"accepted\", \"Accepted\"]\nfile-name = \"nnnn-kebap\"\n[adr.required-sections]\nnygard = [\"context\", \"consequence\", \"other\"]\n";
        let found = problems(text);
        let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(found.len(), 4, "{messages:?}");
        let span = |i: usize| {
            found[i]
                .primary
                .as_ref()
                .map(|l| &text[l.span.clone()])
                .unwrap_or_default()
        };
        assert_eq!(span(0), "\"Accepted\"");
        assert_eq!(span(1), "\"nnnn-kebap\"");
        assert!(found[1].notes.iter().any(|n| n.contains("`nnnn-kebab`")));
        assert_eq!(span(2), "\"consequence\"");
        assert!(found[2].notes.iter().any(|n| n.contains("`consequences`")));
        assert_eq!(span(3), "\"other\"");
        let empty = problems("[adr]\nstatuses = []\n");
        assert_eq!(empty.len(), 1);
    }

    #[test]
    fn unknown_format_in_required_sections_suggests() {
        let found = problems("[adr.required-sections]\nnygrad = [\"context\"]\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .notes
                .iter()
                .any(|n| n.contains("did you mean `nygard`")),
            "{:?}",
            found[0]
        );
    }

    #[test]
    fn bad_severity_reported() {
        let found = problems("[rules.severity]\nx = \"eror\"\n");
        assert!(found[0].notes.iter().any(|n| n.contains("`error`")));
    }
}
