//! The evidence pack (`rules/evidence.toml`): which packages and images show which category.
//! Loaded like rule packs, in two phases: parse the TOML keeping spans, then validate every
//! entry (ecosystem, category, pattern, duplicates) and report all problems at once.
//!
//! A `package` is a glob matched against the whole dependency name, ignoring case: `*` is
//! any run of characters (`/` and `:` included), `?` one character, everything else literal
//! (so `dask[distributed]` means the extra, not a character class). Names are normalised per
//! ecosystem before matching (see [`super::Ecosystem::candidates`]). The first entry that
//! matches wins, so specific patterns go before broad ones.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::Ecosystem;
use crate::category::Category;
use crate::diag::Problem;
use crate::source::{FileId, SourceFile, SourceMap};
use crate::toml_diag::{closed_value, regex_problem, toml_problem};

/// (path shown to users, contents): compiled in, like the rule packs, but with its own schema.
pub const EVIDENCE_PACK: (&str, &str) = (
    "rules/evidence.toml",
    include_str!("../../rules/evidence.toml"),
);

const SHOWN: [&str; 2] = ["framework-user", "framework-creator"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    #[serde(default)]
    evidence: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    ecosystem: Spanned<String>,
    package: Spanned<String>,
    shows: Spanned<String>,
    name: Spanned<String>,
}

/// One validated entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub ecosystem: Ecosystem,
    pub package: String,
    pub shows: Category,
    pub name: Arc<str>,
    matcher: Regex,
}

#[derive(Debug)]
pub struct EvidencePack {
    pub entries: Vec<Entry>,
    pub file: FileId,
}

impl EvidencePack {
    /// The built-in pack. It is part of the binary, so a failure is a bug the tests catch;
    /// it is still reported as problems, never a panic.
    pub fn builtin(sources: &mut SourceMap) -> Result<Self, Vec<Problem>> {
        let (display, text) = EVIDENCE_PACK;
        Self::parse(display, text, sources)
    }

    pub fn parse(display: &str, text: &str, sources: &mut SourceMap) -> Result<Self, Vec<Problem>> {
        let file = sources.add(SourceFile::new(display, text));
        let raw: RawPack = toml::from_str(text).map_err(|error| {
            vec![toml_problem(
                file,
                &format!("invalid evidence pack `{display}`"),
                &error,
                text.len(),
            )]
        })?;
        let mut problems = Vec::new();
        let entries = validate(&raw.evidence, file, &mut problems);
        if problems.is_empty() {
            Ok(EvidencePack { entries, file })
        } else {
            Err(problems)
        }
    }

    /// The first entry of `ecosystem` matching `name` under any of its normalised forms.
    pub fn find(&self, ecosystem: Ecosystem, name: &str) -> Option<&Entry> {
        let candidates = ecosystem.candidates(name);
        self.entries.iter().find(|entry| {
            entry.ecosystem == ecosystem && candidates.iter().any(|c| entry.matcher.is_match(c))
        })
    }
}

fn validate(raw: &[RawEntry], file: FileId, problems: &mut Vec<Problem>) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut seen: HashMap<(String, String), Range<usize>> = HashMap::new();
    for entry in raw {
        let ecosystem = closed_value(
            "invalid-evidence-pack",
            &entry.ecosystem,
            &Ecosystem::IDS,
            "ecosystem",
            file,
            problems,
        )
        .and_then(Ecosystem::from_id);
        let shows = match entry.shows.get_ref().as_str() {
            "data-product-user" => {
                problems.push(
                    Problem::error(
                        "invalid-evidence-pack",
                        "evidence never shows `data-product-user`",
                    )
                    .at(file, entry.shows.span(), "not evidence of anything")
                    .note("a project without evidence already shows data-product-user")
                    .help("remove the entry, or say which higher category it shows"),
                );
                None
            }
            _ => closed_value(
                "invalid-evidence-pack",
                &entry.shows,
                &SHOWN,
                "category",
                file,
                problems,
            )
            .and_then(|c| c.parse::<Category>().ok()),
        };
        let package = entry.package.get_ref().trim();
        let matcher = match glob_problem(package) {
            Some(why) => {
                problems.push(
                    Problem::error("invalid-evidence-pack", "invalid package pattern")
                        .at(file, entry.package.span(), why)
                        .note("a pattern is a package name in which `*` matches any run of characters and `?` one character"),
                );
                None
            }
            None => match Regex::new(&glob_regex(package)) {
                Ok(regex) => Some(regex),
                Err(error) => {
                    problems.push(regex_problem(
                        "invalid-evidence-pack",
                        "invalid package pattern",
                        file,
                        entry.package.span(),
                        &error,
                    ));
                    None
                }
            },
        };
        if entry.name.get_ref().trim().is_empty() {
            problems.push(
                Problem::error("invalid-evidence-pack", "empty evidence name")
                    .at(file, entry.name.span(), "say what the package is")
                    .help("name it as users know it, e.g. \"Kafka client\" or \"Raft library\""),
            );
        }
        let key = (
            entry.ecosystem.get_ref().clone(),
            package.to_ascii_lowercase(),
        );
        if let Some(first) = seen.get(&key) {
            problems.push(
                Problem::error(
                    "invalid-evidence-pack",
                    format!("duplicate evidence entry `{}` for {}", package, key.0),
                )
                .at(file, entry.package.span(), "listed again here")
                .also(file, first.clone(), "first listed here")
                .help("keep one of them"),
            );
        } else {
            seen.insert(key, entry.package.span());
        }
        if let (Some(ecosystem), Some(shows), Some(matcher)) = (ecosystem, shows, matcher) {
            entries.push(Entry {
                ecosystem,
                package: package.to_string(),
                shows,
                name: Arc::from(entry.name.get_ref().trim()),
                matcher,
            });
        }
    }
    entries
}

/// Why `pattern` is not a usable package pattern, if it is not.
fn glob_problem(pattern: &str) -> Option<&'static str> {
    if pattern.is_empty() {
        Some("empty pattern")
    } else if pattern.chars().any(char::is_whitespace) {
        Some("package names hold no white space")
    } else if pattern.chars().all(|c| c == '*' || c == '?') {
        Some("this matches every package")
    } else {
        None
    }
}

/// `*` → `.*`, `?` → `.`, the rest literal; anchored and case-insensitive.
fn glob_regex(pattern: &str) -> String {
    let mut regex = String::from("(?i)^");
    for c in pattern.chars() {
        match c {
            '*' => regex.push_str(".*"),
            '?' => regex.push('.'),
            c => regex.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    regex.push('$');
    regex
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<EvidencePack, Vec<Problem>> {
        EvidencePack::parse("evidence.toml", text, &mut SourceMap::default())
    }

    #[test]
    fn builtin_pack_loads_and_covers_every_ecosystem() {
        let pack = match EvidencePack::builtin(&mut SourceMap::default()) {
            Ok(pack) => pack,
            Err(problems) => panic!("{problems:?}"),
        };
        assert!(pack.entries.len() >= 40, "{}", pack.entries.len());
        for ecosystem in Ecosystem::ALL {
            assert!(
                pack.entries.iter().any(|e| e.ecosystem == ecosystem),
                "no entry for {}",
                ecosystem.id()
            );
        }
        for category in [Category::FrameworkUser, Category::FrameworkCreator] {
            assert!(pack.entries.iter().any(|e| e.shows == category));
        }
    }

    #[test]
    fn builtin_pack_knows_the_usual_suspects() {
        let Ok(pack) = EvidencePack::builtin(&mut SourceMap::default()) else {
            panic!("built-in pack must load");
        };
        let shows = |ecosystem, name| pack.find(ecosystem, name).map(|e| (e.shows, &*e.name));
        use Category::{FrameworkCreator as Creator, FrameworkUser as User};
        use Ecosystem::*;
        assert_eq!(shows(Cargo, "rdkafka"), Some((User, "Kafka client")));
        assert_eq!(shows(Cargo, "openraft").map(|s| s.0), Some(Creator));
        assert_eq!(shows(Pypi, "PySpark").map(|s| s.0), Some(User));
        assert_eq!(shows(Pypi, "dask[distributed]").map(|s| s.0), Some(User));
        assert_eq!(shows(Pypi, "dask"), None);
        assert_eq!(
            shows(Maven, "org.apache.spark:spark-core_2.13").map(|s| s.0),
            Some(User)
        );
        assert_eq!(shows(Go, "go.etcd.io/raft/v3").map(|s| s.0), Some(Creator));
        assert_eq!(
            shows(Go, "github.com/hashicorp/memberlist").map(|s| s.0),
            Some(Creator)
        );
        assert_eq!(shows(Docker, "bitnami/kafka:3.6").map(|s| s.0), Some(User));
        assert_eq!(shows(Docker, "postgres:16"), None);
        assert_eq!(shows(Npm, "kafkajs").map(|s| s.0), Some(User));
        assert_eq!(shows(Npm, "react"), None);
    }

    #[test]
    fn globs_are_literal_but_for_stars() {
        let regex = Regex::new(&glob_regex("dask[distributed]")).ok();
        assert!(
            regex
                .as_ref()
                .is_some_and(|r| r.is_match("DASK[distributed]"))
        );
        assert!(!regex.is_some_and(|r| r.is_match("daskd")));
        let regex = Regex::new(&glob_regex("org.apache.flink:*")).ok();
        assert!(
            regex
                .as_ref()
                .is_some_and(|r| r.is_match("org.apache.flink:flink-core"))
        );
        assert!(!regex.is_some_and(|r| r.is_match("orgxapache.flink:x")));
    }

    #[test]
    fn reports_every_problem_with_spans() {
        let text = r#"
[[evidence]]
ecosystem = "crates"
package = "rdkafka"
shows = "framework-usr"
name = "Kafka client"

[[evidence]]
ecosystem = "npm"
package = "*"
shows = "data-product-user"
name = " "

[[evidence]]
ecosystem = "npm"
package = "kafkajs"
shows = "framework-user"
name = "Kafka client"

[[evidence]]
ecosystem = "npm"
package = "KafkaJS"
shows = "framework-user"
name = "Kafka client"
"#;
        let Err(problems) = load(text) else {
            panic!("should fail")
        };
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "unknown ecosystem `crates`",
                "unknown category `framework-usr`",
                "evidence never shows `data-product-user`",
                "invalid package pattern",
                "empty evidence name",
                "duplicate evidence entry `KafkaJS` for npm",
            ]
        );
        let span = problems[1].primary.as_ref().map(|l| l.span.clone());
        assert_eq!(&text[span.unwrap_or_default()], "\"framework-usr\"");
        assert!(
            problems[1]
                .notes
                .iter()
                .any(|n| n.contains("did you mean `framework-user`"))
        );
        assert_eq!(problems[5].secondary.len(), 1);
    }

    #[test]
    fn unknown_key_is_reported() {
        let Err(problems) = load(
            "[[evidence]]\necosystem = \"npm\"\npackage = \"x\"\nshows = \"framework-user\"\nname = \"X\"\ncategory = \"y\"\n",
        ) else {
            panic!("should fail")
        };
        assert!(
            problems[0].message.contains("unknown field `category`"),
            "{:?}",
            problems[0]
        );
    }
}
