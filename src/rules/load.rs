//! Loading rule packs: phase one parses each pack's TOML with spans, phase two validates every
//! rule (ids, kinds, categories, severities, sections, regexes, duplicates) and collects all
//! problems before giving up.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::phrase::compile_phrase;
use super::{BUILTIN_PACKS, Check, CompiledRule, Piece, Rule, RuleKind, RuleSet, phrases};
use crate::adr::SectionKind;
use crate::category::Category;
use crate::diag::{Problem, Severity};
use crate::source::{FileId, SourceFile, SourceMap};
use crate::toml_diag::{closed_value, regex_problem, toml_problem};

/// Compiled size limit for one pattern: a hostile pattern gets a clear error instead of an
/// unbounded compile.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    /// Named regex fragments that patterns use as `{name}`, so a pack states its phrasing once.
    #[serde(default)]
    define: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    summary: String,
    kind: Option<Spanned<String>>,
    requires: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    sections: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    /// Cheap regexes, one of which every match contains (the claim's noun): the prefilter
    /// that finds a sentence's candidate rules in one pass.
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default, rename = "exclude-within")]
    exclude_within: Vec<Spanned<String>>,
    /// The rule's thing named bare, as a component of something the team builds ("our own
    /// batch framework, with its own job scheduler").
    #[serde(default)]
    parts: Vec<Spanned<String>>,
    /// The grammar a rule that names its thing extends: `build` or `adopt`.
    extends: Option<Spanned<String>>,
    /// The thing and its synonyms, in the phrase syntax of [`super::phrase`].
    #[serde(default)]
    names: Vec<Spanned<String>>,
    /// Plain names that are the thing only when the team owns it ("our own queue").
    #[serde(default, rename = "owned-names")]
    owned_names: Vec<Spanned<String>>,
    #[serde(default)]
    lookalikes: Vec<Spanned<String>>,
    #[serde(default)]
    products: Vec<Spanned<String>>,
    /// Decision text that must make the rule fire, and text that must not.
    #[serde(default)]
    fires: Vec<String>,
    #[serde(default)]
    passes: Vec<String>,
    /// Rules whose claim in the same sentence this one's claim stands for: an add-on that only
    /// runs on Kubernetes says the cluster too ("OPA Gatekeeper for Kubernetes objects").
    #[serde(default)]
    subsumes: Vec<Spanned<String>>,
    /// The kinds of machinery a design rule (`extends = "design"`) counts.
    #[serde(default)]
    pieces: Vec<RawPiece>,
    /// How many distinct pieces make a design (default [`DEFAULT_MIN_PIECES`]).
    #[serde(rename = "min-pieces")]
    min_pieces: Option<Spanned<i64>>,
    /// A log rule's threshold (`extends = "log"`).
    #[serde(rename = "min-designs")]
    min_designs: Option<Spanned<i64>>,
    #[serde(rename = "min-share")]
    min_share: Option<Spanned<f64>>,
    message: String,
    help: Option<String>,
    explain: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPiece {
    name: Spanned<String>,
    names: Vec<Spanned<String>>,
}

/// How many distinct pieces of machinery make a design when a rule does not say.
pub const DEFAULT_MIN_PIECES: usize = 3;

struct ParsedPack {
    display: String,
    file: FileId,
    /// Built into the binary: its regexes are checked by the test suite, not at every start.
    trusted: bool,
    define: std::collections::BTreeMap<String, String>,
    rules: Vec<RawRule>,
}

/// Compiles one rule pattern the way the engine runs it: ASCII word boundaries and classes,
/// which keep the regex engine on its fast path (SPEC: English claims).
pub fn compile_pattern(pattern: &str) -> Result<Regex, regex::Error> {
    compile_sized(pattern, PATTERN_SIZE_LIMIT)
}

/// Cache for each regex's lazy DFA (per thread).
const DFA_CACHE_LIMIT: usize = 32 << 20;

/// A rule's patterns as one alternation may be several times one pattern's size.
pub const COMBINED_SIZE_LIMIT: usize = 16 << 20;

pub fn compile_sized(pattern: &str, size_limit: usize) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .unicode(false)
        // `^` and `$` are a sentence's ends: the engine searches a document's prose a sentence
        // a line.
        .multi_line(true)
        .size_limit(size_limit)
        // A lazy DFA whose cache is too small for the patterns rebuilds its states over and
        // over; these patterns are large, so give the cache room.
        .dfa_size_limit(DFA_CACHE_LIMIT)
        .build()
}

/// Many sources as one set, with the options of [`compile_sized`].
pub fn compile_set(sources: &[&str]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(sources)
        .unicode(false)
        .multi_line(true)
        .size_limit(COMBINED_SIZE_LIMIT)
        .dfa_size_limit(DFA_CACHE_LIMIT)
        .build()
}

/// Loads the built-in packs once, then a rule set per distinct list of user packs.
pub struct RuleSetLoader {
    builtin: Vec<ParsedPack>,
    cache: HashMap<Vec<PathBuf>, Arc<RuleSet>>,
}

impl RuleSetLoader {
    /// Parses the built-in packs. They are part of the binary, so a failure here is a bug
    /// that the test suite catches; it is still reported as a problem, never a panic.
    pub fn new(sources: &mut SourceMap) -> Result<Self, Vec<Problem>> {
        let mut builtin = Vec::new();
        let mut problems = Vec::new();
        for (display, text) in BUILTIN_PACKS {
            match parse_pack(display, text, sources) {
                Ok(pack) => builtin.push(ParsedPack {
                    trusted: true,
                    ..pack
                }),
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            Ok(RuleSetLoader {
                builtin,
                cache: HashMap::new(),
            })
        } else {
            Err(problems)
        }
    }

    /// The rule set of the built-in packs alone: what tests, benchmarks and tools without a
    /// manifest start from.
    pub fn builtin_set(sources: &mut SourceMap) -> Result<Arc<RuleSet>, Vec<Problem>> {
        RuleSetLoader::new(sources)?.load(&[], sources)
    }

    /// The rule set of the built-in packs plus `includes` (paths with the manifest span that
    /// named them, for errors).
    pub fn load(
        &mut self,
        includes: &[(PathBuf, FileId, Range<usize>)],
        sources: &mut SourceMap,
    ) -> Result<Arc<RuleSet>, Vec<Problem>> {
        let key: Vec<PathBuf> = includes.iter().map(|(p, _, _)| p.clone()).collect();
        if let Some(set) = self.cache.get(&key) {
            return Ok(Arc::clone(set));
        }
        let mut problems = Vec::new();
        let mut user = Vec::new();
        for (path, manifest, span) in includes {
            for file in pack_files(path, *manifest, span.clone(), &mut problems) {
                let display = crate::paths::display(&file);
                match std::fs::read_to_string(&file) {
                    Ok(text) => match parse_pack(&display, &text, sources) {
                        Ok(pack) => user.push(pack),
                        Err(problem) => problems.push(problem),
                    },
                    Err(error) => problems.push(
                        Problem::error(
                            "invalid-rule-pack",
                            format!("cannot read rule pack `{display}`: {error}"),
                        )
                        .at(*manifest, span.clone(), "included here"),
                    ),
                }
            }
        }
        let packs: Vec<&ParsedPack> = self.builtin.iter().chain(user.iter()).collect();
        let set = validate(&packs, &mut problems);
        match set {
            Some(set) if problems.is_empty() => {
                let set = Arc::new(set);
                self.cache.insert(key, Arc::clone(&set));
                Ok(set)
            }
            _ => Err(problems),
        }
    }
}

impl RuleSetLoader {
    /// The rule set of the built-in packs plus user packs given as `(display, text)` (for tests
    /// and fuzzing: nothing is read, nothing is cached).
    pub fn load_str(
        &self,
        packs: &[(&str, &str)],
        sources: &mut SourceMap,
    ) -> Result<Arc<RuleSet>, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut user = Vec::new();
        for (display, text) in packs {
            match parse_pack(display, text, sources) {
                Ok(pack) => user.push(pack),
                Err(problem) => problems.push(problem),
            }
        }
        let packs: Vec<&ParsedPack> = self.builtin.iter().chain(user.iter()).collect();
        match validate(&packs, &mut problems) {
            Some(set) if problems.is_empty() => Ok(Arc::new(set)),
            _ => Err(problems),
        }
    }
}

/// The pack files an include names: a file, or every `*.toml` in a folder, sorted.
fn pack_files(
    path: &Path,
    manifest: FileId,
    span: Range<usize>,
    problems: &mut Vec<Problem>,
) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                .collect(),
            Err(error) => {
                problems.push(
                    Problem::error(
                        "invalid-rule-pack",
                        format!("cannot read rule folder `{}`: {error}", path.display()),
                    )
                    .at(manifest, span, "included here"),
                );
                return Vec::new();
            }
        };
        files.sort();
        files
    } else if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        problems.push(
            Problem::error(
                "invalid-rule-pack",
                format!("rule pack `{}` does not exist", path.display()),
            )
            .at(manifest, span, "no such file or folder")
            .help("give a `.toml` rule pack or a folder of them, relative to the manifest"),
        );
        Vec::new()
    }
}

fn parse_pack(display: &str, text: &str, sources: &mut SourceMap) -> Result<ParsedPack, Problem> {
    let file = sources.add(SourceFile::new(display, text));
    let raw: RawPack = toml::from_str(text).map_err(|error| {
        toml_problem(
            file,
            &format!("invalid rule pack `{display}`"),
            &error,
            text.len(),
        )
    })?;
    Ok(ParsedPack {
        display: display.to_string(),
        file,
        trusted: false,
        define: raw.define,
        rules: raw.rule,
    })
}

/// Replaces `{name}` with the pack's definition of `name` (wrapped in a group); definitions may
/// use other names. Quantifiers such as `{2}` or `{0,3}` are left alone; an undefined name is an
/// error, and so is a definition that uses itself.
pub fn expand(
    pattern: &str,
    define: &std::collections::BTreeMap<String, String>,
) -> Result<String, String> {
    expand_depth(pattern, define, 0)
}

const MAX_DEFINE_DEPTH: usize = 8;

fn expand_depth(
    pattern: &str,
    define: &std::collections::BTreeMap<String, String>,
    depth: usize,
) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        let is_name = !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && after[name_len..].starts_with('}');
        let escaped = open > 0 && rest.as_bytes()[open - 1] == b'\\';
        if is_name && !escaped {
            let Some(fragment) = define.get(name) else {
                return Err(format!(
                    "`{{{name}}}` is not defined in this pack's [define] table"
                ));
            };
            if depth >= MAX_DEFINE_DEPTH {
                return Err(format!("`{{{name}}}` is defined in terms of itself"));
            }
            out.push_str("(?:");
            out.push_str(&expand_depth(fragment, define, depth + 1)?);
            out.push(')');
            rest = &after[name_len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && id.as_bytes()[0].is_ascii_lowercase()
}

fn validate(packs: &[&ParsedPack], problems: &mut Vec<Problem>) -> Option<RuleSet> {
    let mut rules = Vec::new();
    let mut seen: HashMap<String, (FileId, Range<usize>)> = HashMap::new();

    for pack in packs {
        let file = pack.file;
        for raw in &pack.rules {
            let id = raw.id.get_ref();
            if !is_kebab_case(id) {
                problems.push(
                    Problem::error("invalid-rule", format!("rule id `{id}` is not kebab-case")).at(
                        file,
                        raw.id.span(),
                        "use lower-case words joined by `-`",
                    ),
                );
            }
            if let Some((first_file, first_span)) = seen.get(id) {
                problems.push(
                    Problem::error("invalid-rule", format!("duplicate rule id `{id}`"))
                        .at(file, raw.id.span(), "defined again here")
                        .also(*first_file, first_span.clone(), "first defined here")
                        .help("rule ids are unique across all packs; rename one of them"),
                );
            } else {
                seen.insert(id.clone(), (file, raw.id.span()));
            }

            let kind = match &raw.kind {
                None if raw.requires.is_some() => Some(RuleKind::Claim),
                None => {
                    problems.push(
                        Problem::error("invalid-rule", format!("rule `{id}` has neither `requires` nor `kind`"))
                            .at(file, raw.id.span(), "in this rule")
                            .help("a claim rule sets `requires = \"framework-user\"` or `\"framework-creator\"`"),
                    );
                    None
                }
                Some(kind) => closed_value(
                    "invalid-rule",
                    kind,
                    &RuleKind::IDS,
                    "rule kind",
                    file,
                    problems,
                )
                .map(|k| match k {
                    "claim" => RuleKind::Claim,
                    "rationale" => RuleKind::Rationale,
                    _ => RuleKind::Builtin,
                }),
            };
            let requires = raw.requires.as_ref().and_then(|r| {
                closed_value(
                    "invalid-rule",
                    r,
                    &Category::IDS,
                    "category",
                    file,
                    problems,
                )
                .and_then(|c| c.parse::<Category>().ok())
            });
            if kind == Some(RuleKind::Claim) && requires.is_none() && raw.requires.is_none() {
                problems.push(
                    Problem::error(
                        "invalid-rule",
                        format!("claim rule `{id}` needs `requires`"),
                    )
                    .at(file, raw.id.span(), "in this rule"),
                );
            }
            if kind.is_some_and(|k| k != RuleKind::Claim)
                && let Some(r) = &raw.requires
            {
                problems.push(
                    Problem::error("invalid-rule", "`requires` only applies to claim rules").at(
                        file,
                        r.span(),
                        "remove this, or drop `kind`",
                    ),
                );
            }
            let severity = match &raw.severity {
                Some(s) => closed_value(
                    "invalid-rule",
                    s,
                    &Severity::IDS,
                    "severity",
                    file,
                    problems,
                )
                .and_then(|s| s.parse().ok()),
                None => Some(match kind {
                    Some(RuleKind::Claim) => Severity::Error,
                    _ => Severity::Warning,
                }),
            };
            let sections = match &raw.sections {
                Some(list) => list
                    .iter()
                    .filter_map(|s| {
                        closed_value(
                            "invalid-rule",
                            s,
                            &SectionKind::IDS,
                            "section kind",
                            file,
                            problems,
                        )
                        .and_then(SectionKind::from_id)
                    })
                    .collect(),
                None => match kind {
                    Some(RuleKind::Rationale) => {
                        vec![
                            SectionKind::Context,
                            SectionKind::Decision,
                            SectionKind::Consequences,
                        ]
                    }
                    _ => vec![SectionKind::Decision],
                },
            };
            if raw.explain.get_ref().trim().is_empty() {
                problems.push(
                    Problem::error(
                        "invalid-rule",
                        format!("rule `{id}` has an empty explanation"),
                    )
                    .at(
                        file,
                        raw.explain.span(),
                        "explain what it checks, why, and give examples",
                    ),
                );
            }
            match kind {
                Some(RuleKind::Builtin) if !raw.patterns.is_empty() => problems.push(
                    Problem::error("invalid-rule", "built-in rules have no patterns").at(
                        file,
                        raw.patterns[0].span(),
                        "remove `patterns` or change `kind`",
                    ),
                ),
                Some(RuleKind::Claim)
                    if raw.patterns.is_empty()
                        && raw.names.is_empty()
                        && raw.pieces.is_empty()
                        && raw.extends.as_ref().is_none_or(|e| e.get_ref() != "log") =>
                {
                    problems.push(
                        Problem::error(
                            "invalid-rule",
                            format!("rule `{id}` names no thing and has no patterns"),
                        )
                        .at(file, raw.id.span(), "in this rule")
                        .help("name the thing with `extends = \"build\"` (or `\"adopt\"`) and `names = [\"job scheduler\"]`, or give regexes in `patterns`"),
                    )
                }
                Some(RuleKind::Rationale) if raw.patterns.is_empty() => problems.push(
                    Problem::error("invalid-rule", format!("rule `{id}` has no patterns")).at(
                        file,
                        raw.id.span(),
                        "add at least one regex to `patterns`",
                    ),
                ),
                _ => {}
            }
            let check = raw.extends.as_ref().and_then(|e| {
                closed_value("invalid-rule", e, &Check::IDS, "check", file, problems).map(|c| {
                    match c {
                        "adopt" => Check::Adopt,
                        "design" => Check::Design,
                        "log" => Check::Log,
                        _ => Check::Build,
                    }
                })
            });
            let pieces = piece_list(raw, check, file, problems);
            let min_pieces = min_pieces(raw, check, pieces.len(), file, problems);
            let (min_designs, min_share) = log_threshold(raw, check, file, problems);
            if let Some(extends) = &raw.extends {
                if kind != Some(RuleKind::Claim) {
                    problems.push(
                        Problem::error("invalid-rule", "`extends` only applies to claim rules").at(
                            file,
                            extends.span(),
                            "remove this, or drop `kind`",
                        ),
                    );
                } else if check == Some(Check::Design) {
                    if raw.pieces.is_empty() {
                        problems.push(
                            Problem::error(
                                "invalid-rule",
                                format!("design rule `{id}` names no pieces"),
                            )
                            .at(
                                file,
                                extends.span(),
                                "a design rule counts pieces of machinery",
                            )
                            .help(
                                "add `[[rule.pieces]]` tables, each with a `name` and its `names`",
                            ),
                        );
                    }
                } else if check == Some(Check::Log) {
                    if let Some(first) = raw.names.first().or(raw.patterns.first()) {
                        problems.push(
                            Problem::error(
                                "invalid-rule",
                                format!("log rule `{id}` names no thing of its own"),
                            )
                            .at(file, first.span(), "not read by a log rule")
                            .help("a log rule counts the records of a folder that design rules find designing machinery; remove this"),
                        );
                    }
                } else if raw.names.is_empty() {
                    problems.push(
                        Problem::error(
                            "invalid-rule",
                            format!("rule `{id}` extends a check but names nothing"),
                        )
                        .at(file, extends.span(), "this check needs the rule's thing")
                        .help("add `names = [\"…\"]`: the thing and its synonyms"),
                    );
                }
            } else if let Some(first) = raw.names.first() {
                problems.push(
                    Problem::error("invalid-rule", format!("rule `{id}` names a thing but extends no check"))
                        .at(file, first.span(), "named here")
                        .help("add `extends = \"build\"` (the team makes the thing) or `extends = \"adopt\"` (the team adopts it)"),
                );
            }
            let names = phrase_list(&raw.names, file, problems);
            let owned_names = phrase_list(&raw.owned_names, file, problems);
            if let Some(first) = raw.owned_names.first()
                && check != Some(Check::Build)
            {
                problems.push(
                    Problem::error(
                        "invalid-rule",
                        format!("rule `{id}` has `owned-names` but does not extend `build`"),
                    )
                    .at(file, first.span(), "owned names here")
                    .help("only the grammar of making reads ownership; move these to `names`"),
                );
            }
            // What a document must hold for the rule to be searched: its names, and for a
            // design rule the names of its pieces.
            let mut keyword_names = names.clone();
            keyword_names.extend(owned_names.iter().cloned());
            keyword_names.extend(pieces.iter().flat_map(|piece| piece.names.iter().cloned()));
            let lookalikes = phrase_list(&raw.lookalikes, file, problems);
            let products = phrase_list(&raw.products, file, problems);

            let mut expanded_patterns = Vec::new();
            for pattern in &raw.patterns {
                let expanded = match expand(pattern.get_ref(), &pack.define) {
                    Ok(expanded) => expanded,
                    Err(message) => {
                        problems.push(
                            Problem::error("invalid-rule", "undefined name in rule pattern")
                                .at(file, pattern.span(), "uses an undefined name")
                                .note(message),
                        );
                        continue;
                    }
                };
                if !pack.trusted
                    && let Err(error) = compile_pattern(&expanded)
                {
                    problems.push(pattern_problem(file, pattern, &error));
                    continue;
                }
                expanded_patterns.push(expanded);
            }
            let exclude = union(&raw.exclude, pack, problems);
            let exclude_within = union(&raw.exclude_within, pack, problems);
            let mut keywords = union(&raw.keywords, pack, problems);
            let mut parts = union(&raw.parts, pack, problems);
            // A rule that names its thing: the names are its keywords, and (for the grammar of
            // making) the parts a build claim may carry. An owned name is no part: "with a
            // queue" says nothing of whose queue it is.
            if check.is_some()
                && let Some(source) = phrases(&keyword_names)
            {
                keywords = Some(match keywords {
                    Some(k) => format!("{k}|{source}"),
                    None => source,
                });
                if check == Some(Check::Build) && parts.is_none() {
                    parts = phrases(&names);
                }
            }

            if let (Some(kind), Some(severity)) = (kind, severity) {
                let rule = Rule {
                    id: Arc::from(id.as_str()),
                    summary: raw.summary.clone(),
                    kind,
                    requires,
                    severity,
                    sections,
                    patterns: expanded_patterns,
                    message: Arc::from(raw.message.as_str()),
                    help: raw.help.as_deref().map(Arc::from),
                    explain: raw.explain.get_ref().clone(),
                    pack: pack.display.clone(),
                    pack_file: file,
                    exclude,
                    exclude_within,
                    keywords,
                    parts,
                    check,
                    names,
                    owned_names,
                    lookalikes,
                    products,
                    fires: raw.fires.clone(),
                    passes: raw.passes.clone(),
                    pieces,
                    min_pieces,
                    min_designs,
                    min_share,
                    subsumes: raw.subsumes.iter().map(|s| s.get_ref().clone()).collect(),
                    compiled: Default::default(),
                };
                if !pack.trusted {
                    // Each pattern compiled on its own above (for a precise span); together
                    // they must compile too. Keep the result rather than build it again.
                    match CompiledRule::compile(&rule) {
                        Ok(compiled) => rule.set_compiled(compiled),
                        Err((_, error)) => problems.push(
                            Problem::error(
                                "invalid-rule",
                                format!("the patterns of `{id}` do not compile together"),
                            )
                            .at(file, raw.id.span(), "in this rule")
                            .note(error.to_string()),
                        ),
                    }
                }
                rules.push(rule);
            }
        }
    }
    // `subsumes` names rules of any pack: checked once all are known.
    for pack in packs {
        for raw in &pack.rules {
            for named in &raw.subsumes {
                if !rules.iter().any(|r| *r.id == **named.get_ref()) {
                    problems.push(
                        Problem::error(
                            "invalid-rule",
                            format!("`subsumes` names no rule `{}`", named.get_ref()),
                        )
                        .at(pack.file, named.span(), "no rule has this id"),
                    );
                }
            }
        }
    }
    if !problems.is_empty() {
        return None;
    }
    Some(RuleSet::new(rules))
}

/// The source of one case-insensitive regex matching any of `patterns` (exclusions and
/// keywords name words, whatever their case); `None` when there are none or one is invalid
/// (reported).
fn union(
    patterns: &[Spanned<String>],
    pack: &ParsedPack,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    if patterns.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    for pattern in patterns {
        let expanded = match expand(pattern.get_ref(), &pack.define) {
            Ok(expanded) => expanded,
            Err(message) => {
                problems.push(
                    Problem::error("invalid-rule", "undefined name in rule pattern")
                        .at(pack.file, pattern.span(), "uses an undefined name")
                        .note(message),
                );
                return None;
            }
        };
        if !pack.trusted
            && let Err(error) = compile_pattern(&expanded)
        {
            problems.push(pattern_problem(pack.file, pattern, &error));
            return None;
        }
        parts.push(format!("(?i:{expanded})"));
    }
    Some(parts.join("|"))
}

/// The phrases of a list that compile, each bad one reported at its span.
/// The pieces of a design rule, their phrases checked; pieces on any other rule are reported.
fn piece_list(
    raw: &RawRule,
    check: Option<Check>,
    file: FileId,
    problems: &mut Vec<Problem>,
) -> Vec<Piece> {
    if check != Some(Check::Design) {
        if let Some(first) = raw.pieces.first() {
            problems.push(
                Problem::error("invalid-rule", "`pieces` only apply to design rules")
                    .at(
                        file,
                        first.name.span(),
                        "a piece of a rule that is no design",
                    )
                    .help("add `extends = \"design\"`, or move these names to `names`"),
            );
        }
        return Vec::new();
    }
    let mut pieces: Vec<Piece> = Vec::with_capacity(raw.pieces.len());
    for piece in &raw.pieces {
        let name = piece.name.get_ref().trim();
        if name.is_empty() || pieces.iter().any(|p| p.name == name) {
            problems.push(
                Problem::error("invalid-rule", "a piece needs a name of its own").at(
                    file,
                    piece.name.span(),
                    "empty, or named twice in this rule",
                ),
            );
            continue;
        }
        if piece.names.is_empty() {
            problems.push(
                Problem::error("invalid-rule", format!("piece `{name}` has no names"))
                    .at(file, piece.name.span(), "in this piece")
                    .help("add `names = [\"…\"]`: the phrases that name this machinery"),
            );
            continue;
        }
        pieces.push(Piece {
            name: name.to_string(),
            names: phrase_list(&piece.names, file, problems),
        });
    }
    pieces
}

/// A design rule's `min-pieces`: at least 2 (one piece is a claim of its own, for a build rule
/// to make) and no more than the rule has.
fn min_pieces(
    raw: &RawRule,
    check: Option<Check>,
    pieces: usize,
    file: FileId,
    problems: &mut Vec<Problem>,
) -> usize {
    let Some(min) = &raw.min_pieces else {
        return DEFAULT_MIN_PIECES;
    };
    if check != Some(Check::Design) {
        problems.push(
            Problem::error("invalid-rule", "`min-pieces` only applies to design rules").at(
                file,
                min.span(),
                "remove this, or add `extends = \"design\"`",
            ),
        );
        return DEFAULT_MIN_PIECES;
    }
    match usize::try_from(*min.get_ref()) {
        Ok(n) if n >= 2 && n <= pieces.max(2) => n,
        _ => {
            problems.push(
                Problem::error(
                    "invalid-rule",
                    format!("`min-pieces` must be between 2 and the number of pieces ({pieces})"),
                )
                .at(file, min.span(), "out of range"),
            );
            DEFAULT_MIN_PIECES
        }
    }
}

/// How many records of a folder a log rule needs to find designing distributed machinery
/// when it does not say, and which share of the folder's records they must be.
pub const DEFAULT_MIN_DESIGNS: usize = 4;
pub const DEFAULT_MIN_SHARE: f64 = 0.05;

/// A log rule's `min-designs` (at least 2) and `min-share` (above 0, at most 1).
fn log_threshold(
    raw: &RawRule,
    check: Option<Check>,
    file: FileId,
    problems: &mut Vec<Problem>,
) -> (usize, f64) {
    let mut threshold = (DEFAULT_MIN_DESIGNS, DEFAULT_MIN_SHARE);
    let misplaced = |span: std::ops::Range<usize>, key: &str| {
        Problem::error("invalid-rule", format!("`{key}` only applies to log rules")).at(
            file,
            span,
            "remove this, or add `extends = \"log\"`",
        )
    };
    if let Some(min) = &raw.min_designs {
        match usize::try_from(*min.get_ref()) {
            _ if check != Some(Check::Log) => problems.push(misplaced(min.span(), "min-designs")),
            Ok(n) if n >= 2 => threshold.0 = n,
            _ => problems.push(
                Problem::error("invalid-rule", "`min-designs` must be at least 2").at(
                    file,
                    min.span(),
                    "out of range",
                ),
            ),
        }
    }
    if let Some(share) = &raw.min_share {
        let value = *share.get_ref();
        if check != Some(Check::Log) {
            problems.push(misplaced(share.span(), "min-share"));
        } else if value > 0.0 && value <= 1.0 {
            threshold.1 = value;
        } else {
            problems.push(
                Problem::error("invalid-rule", "`min-share` must be above 0 and at most 1").at(
                    file,
                    share.span(),
                    "out of range",
                ),
            );
        }
    }
    threshold
}

fn phrase_list(list: &[Spanned<String>], file: FileId, problems: &mut Vec<Problem>) -> Vec<String> {
    let mut out = Vec::with_capacity(list.len());
    for phrase in list {
        match compile_phrase(phrase.get_ref()) {
            Ok(_) => out.push(phrase.get_ref().clone()),
            Err(error) => {
                // The span of the string includes its opening quote.
                let span = phrase.span();
                let at = (span.start + 1 + error.offset).min(span.end.saturating_sub(1));
                problems.push(
                    Problem::error("invalid-rule", "invalid phrase in a rule")
                        .at(file, at..(at + 1).min(span.end), error.message)
                        .help("phrases are words; `[a|b]` is optional, `(a|b)` is one of, `*` any word"),
                );
            }
        }
    }
    out
}

/// [`regex_problem`] for a rule pattern.
fn pattern_problem(file: FileId, pattern: &Spanned<String>, error: &regex::Error) -> Problem {
    regex_problem(
        "invalid-rule",
        "invalid regex in rule pattern",
        file,
        pattern.span(),
        error,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Arc<RuleSet>, Vec<Problem>> {
        let mut sources = SourceMap::default();
        let pack = parse_pack("user.toml", text, &mut sources).map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        match validate(&[&pack], &mut problems) {
            Some(set) if problems.is_empty() => Ok(Arc::new(set)),
            _ => Err(problems),
        }
    }

    const GOOD: &str = r#"
[[rule]]
id = "own-thing"
summary = "s"
requires = "framework-creator"
patterns = ['(?i)\bour own thing\b']
message = "m"
explain = "e"
"#;

    #[test]
    fn expands_defines_but_not_quantifiers() {
        let mut define = std::collections::BTreeMap::new();
        define.insert("own".to_string(), "our own|in-house".to_string());
        assert_eq!(
            expand(r"\b{own}\s+\w{2,3}", &define),
            Ok(r"\b(?:our own|in-house)\s+\w{2,3}".to_string())
        );
        assert!(expand("{missing}", &define).is_err());
        define.insert("loop".to_string(), "a{loop}".to_string());
        assert!(expand("{loop}", &define).is_err());
        define.insert("mine".to_string(), "{own} thing".to_string());
        assert_eq!(
            expand("{mine}", &define),
            Ok("(?:(?:our own|in-house) thing)".to_string())
        );
    }

    #[test]
    fn builtin_packs_load() {
        let set = RuleSetLoader::builtin_set(&mut SourceMap::default());
        assert!(set.is_ok(), "{:?}", set.err());
    }

    /// Built-in packs skip regex compilation at start-up; this is where they are checked.
    #[test]
    fn builtin_regexes_compile() {
        let Ok(set) = RuleSetLoader::builtin_set(&mut SourceMap::default()) else {
            panic!("built-in packs must load");
        };
        for rule in &set.rules {
            if let Err((source, error)) = CompiledRule::compile(rule) {
                panic!("{}: {source}\n{error}", rule.id);
            }
        }
    }

    #[test]
    fn good_pack_defaults() {
        let Ok(set) = load_text(GOOD) else {
            panic!("should load")
        };
        let rule = &set.rules[0];
        assert_eq!(rule.kind, RuleKind::Claim);
        assert_eq!(rule.severity, Severity::Error);
        assert_eq!(rule.sections, vec![SectionKind::Decision]);
    }

    #[test]
    fn reports_every_problem() {
        let text = r#"
[[rule]]
id = "Bad_Id"
summary = "s"
requires = "framework-creater"
severity = "eror"
sections = ["decisoin"]
patterns = ['(unclosed']
message = "m"
explain = "e"
"#;
        let Err(problems) = load_text(text) else {
            panic!("should fail")
        };
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(problems.len(), 5, "{messages:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.notes.iter().any(|n| n.contains("`framework-creator`")))
        );
        let regex = problems
            .iter()
            .find(|p| p.message.contains("regex"))
            .map(|p| p.primary.clone());
        let span = regex.flatten().map(|l| l.span).unwrap_or_default();
        assert_eq!(&text[span], "'(unclosed'");
    }

    #[test]
    fn duplicate_ids_show_both() {
        let text = format!("{GOOD}\n{GOOD}");
        let Err(problems) = load_text(&text) else {
            panic!("should fail")
        };
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].secondary.len(), 1);
    }

    #[test]
    fn oversized_regex_is_an_error() {
        let text = GOOD.replace(r"(?i)\bour own thing\b", r"(?:\w{1000}){1000}");
        let Err(problems) = load_text(&text) else {
            panic!("should fail")
        };
        assert!(
            problems[0].notes.iter().any(|n| n.contains("limit")),
            "{:?}",
            problems[0]
        );
    }

    #[test]
    fn unknown_key_in_rule() {
        let text = GOOD.replace("summary", "sumary");
        let Err(problems) = load_text(&text) else {
            panic!("should fail")
        };
        assert!(
            problems[0]
                .notes
                .iter()
                .any(|n| n.contains("did you mean `summary`")),
            "{:?}",
            problems[0]
        );
    }

    #[test]
    fn log_rules_take_thresholds_and_nothing_of_their_own() {
        let log = |extra: &str| {
            format!(
                "[[rule]]\nid = \"log\"\nsummary = \"s\"\nrequires = \"framework-creator\"\n\
                 severity = \"error\"\nextends = \"log\"\n{extra}message = \"m\"\nexplain = \"e\"\n"
            )
        };
        let Ok(set) = load_text(&log("min-designs = 6\nmin-share = 0.2\n")) else {
            panic!("a log rule with thresholds loads")
        };
        assert_eq!((set.rules[0].min_designs, set.rules[0].min_share), (6, 0.2));
        let Ok(set) = load_text(&log("")) else {
            panic!("a log rule without thresholds loads")
        };
        assert_eq!(
            (set.rules[0].min_designs, set.rules[0].min_share),
            (DEFAULT_MIN_DESIGNS, DEFAULT_MIN_SHARE)
        );
        for (extra, message) in [
            ("min-designs = 1\n", "at least 2"),
            ("min-share = 1.5\n", "at most 1"),
            ("names = [\"scheduler\"]\n", "names no thing"),
        ] {
            let text = log(extra);
            let Err(problems) = load_text(&text) else {
                panic!("{extra} should fail")
            };
            assert!(problems[0].message.contains(message), "{:?}", problems[0]);
            let span = problems[0]
                .primary
                .clone()
                .map(|l| l.span)
                .unwrap_or_default();
            assert!(extra.contains(&text[span]), "{extra}");
        }
        let text = GOOD.replace("message =", "min-designs = 3\nmessage =");
        let Err(problems) = load_text(&text) else {
            panic!("min-designs outside a log rule should fail")
        };
        assert!(problems[0].message.contains("only applies to log rules"));
    }
}
