//! Rule selection, as ruff does it: `--select`, `--extend-select` and `--ignore` take rule ids
//! and group names, and `[rules] per-file-ignores` leaves rules out for files that match a
//! glob. A group is a pack (`hygiene`, `build-your-own`, a user pack's file stem), a kind
//! (`claims`, `rationale`) or `all`.

use std::collections::BTreeSet;

use super::{Rule, RuleKind, RuleSet};
use crate::manifest::Level;

/// Groups that are not pack names.
const KIND_GROUPS: [&str; 3] = ["all", "claims", "rationale"];

/// The pack a rule comes from, by its file stem (`rules/hygiene.toml` → `hygiene`).
fn pack_group(rule: &Rule) -> &str {
    let name = rule.pack.rsplit(['/', '\\']).next().unwrap_or(&rule.pack);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// Whether `selector` (a rule id or a group) names `rule`.
pub fn selects(selector: &str, rule: &Rule) -> bool {
    match selector {
        "all" => true,
        "claims" => rule.kind == RuleKind::Claim,
        "rationale" => rule.kind == RuleKind::Rationale || pack_group(rule) == "rationale",
        _ => selector == &*rule.id || selector == pack_group(rule),
    }
}

/// Every name a selector may use with these rules: rule ids and groups, sorted.
pub fn names(rules: &RuleSet) -> BTreeSet<&str> {
    let mut names: BTreeSet<&str> = KIND_GROUPS.into_iter().collect();
    for rule in &rules.rules {
        names.insert(&rule.id);
        names.insert(pack_group(rule));
    }
    names
}

/// The command line's selection. Empty, it leaves every rule as the manifest sets it.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these rules (and groups) run: `--select`.
    pub select: Option<Vec<String>>,
    /// These run too: `--extend-select`.
    pub extend: Vec<String>,
    /// These never run: `--ignore`, which wins over both.
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.extend.is_empty() && self.ignore.is_empty()
    }

    /// Every selector, for validation.
    pub fn selectors(&self) -> impl Iterator<Item = &str> {
        self.select
            .iter()
            .flatten()
            .chain(&self.extend)
            .chain(&self.ignore)
            .map(String::as_str)
    }

    /// The level of `rule` once the selection is applied over the manifest's `level`. A rule
    /// turned off in the manifest stays off when only a group selects it; named by its own
    /// id, it runs at its default severity.
    pub fn level(&self, rule: &Rule, level: Level) -> Level {
        let named = |list: &[String]| list.iter().any(|s| selects(s, rule));
        if named(&self.ignore) {
            return Level::Off;
        }
        if let Some(select) = &self.select
            && !named(select)
            && !named(&self.extend)
        {
            return Level::Off;
        }
        if level == Level::Off && self.explicit(rule) {
            return Level::Severity(rule.severity);
        }
        level
    }

    /// Named by its own id (not only by a group) in `--select` or `--extend-select`.
    fn explicit(&self, rule: &Rule) -> bool {
        self.select
            .iter()
            .flatten()
            .chain(&self.extend)
            .any(|s| s == &*rule.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::source::SourceMap;

    fn builtin() -> std::sync::Arc<RuleSet> {
        let mut sources = SourceMap::default();
        let mut loader = crate::rules::RuleSetLoader::new(&mut sources).unwrap();
        loader.load(&[], &mut sources).unwrap()
    }

    fn level(selection: &Selection, rules: &RuleSet, id: &str, manifest: Level) -> Level {
        selection.level(rules.get(id).unwrap(), manifest)
    }

    #[test]
    fn groups_name_packs_and_kinds() {
        let rules = builtin();
        let names = names(&rules);
        for group in [
            "all",
            "claims",
            "rationale",
            "hygiene",
            "build-your-own",
            "input",
        ] {
            assert!(names.contains(group), "{group}");
        }
        let scheduler = rules.get("own-scheduler").unwrap();
        assert!(selects("claims", scheduler));
        assert!(selects("build-your-own", scheduler));
        assert!(!selects("hygiene", scheduler));
        assert!(selects("hygiene", rules.get("number-gap").unwrap()));
    }

    #[test]
    fn select_extend_and_ignore() {
        let rules = builtin();
        let on = Level::Severity(Severity::Error);
        let warning = Level::Severity(Severity::Warning);
        let select = Selection {
            select: Some(vec!["claims".into()]),
            ..Selection::default()
        };
        assert_eq!(level(&select, &rules, "own-scheduler", on), on);
        assert_eq!(level(&select, &rules, "number-gap", warning), Level::Off);

        let extend = Selection {
            select: Some(vec!["claims".into()]),
            extend: vec!["number-gap".into()],
            ignore: vec!["own-scheduler".into()],
        };
        assert_eq!(level(&extend, &rules, "own-scheduler", on), Level::Off);
        assert_eq!(level(&extend, &rules, "number-gap", warning), warning);

        // Turned off in the manifest: a group leaves it off, its own id turns it on.
        let by_group = Selection {
            extend: vec!["hygiene".into()],
            ..Selection::default()
        };
        assert_eq!(
            level(&by_group, &rules, "number-gap", Level::Off),
            Level::Off
        );
        let by_id = Selection {
            select: Some(vec!["number-gap".into()]),
            ..Selection::default()
        };
        assert_ne!(level(&by_id, &rules, "number-gap", Level::Off), Level::Off);
        assert!(Selection::default().is_empty());
        assert_eq!(
            level(&Selection::default(), &rules, "number-gap", Level::Off),
            Level::Off
        );
    }
}

/// `[rules] per-file-ignores`: rules (ids or groups) left out for the files a glob matches,
/// relative to the manifest's folder.
#[derive(Debug, Clone, Default)]
pub struct PerFileIgnores {
    dir: std::path::PathBuf,
    entries: Vec<(globset::GlobMatcher, Vec<String>)>,
}

impl PerFileIgnores {
    pub fn new(dir: std::path::PathBuf, entries: Vec<(globset::GlobMatcher, Vec<String>)>) -> Self {
        PerFileIgnores { dir, entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The selectors that apply to `path` (absolute, as the run keeps it).
    pub fn for_path(&self, path: &std::path::Path) -> Vec<&str> {
        let Ok(relative) = path.strip_prefix(&self.dir) else {
            return Vec::new();
        };
        self.entries
            .iter()
            .filter(|(glob, _)| glob.is_match(relative))
            .flat_map(|(_, selectors)| selectors.iter().map(String::as_str))
            .collect()
    }
}
