//! `category-contradicted`: evidence in a team's project manifests that shows a higher
//! category than the team declares. Each finding belongs to the project manifest (a
//! [`FileReport`] of its own), so sorting and every output format treat it like any other.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use super::{Ecosystem, EvidencePack, Scan, ScanOptions, scan};
use crate::category::Category;
use crate::diag::{CategorySource, FileReport, Finding, Problem, Severity, Text, locate};
use crate::lint::Plan;
use crate::manifest::Level;
use crate::source::{SourceFile, SourceMap};

/// The rule, as `rules/manifests.toml` documents it.
pub const RULE: &str = "category-contradicted";

/// A team manifest in force in a `check` run.
pub struct Team<'a> {
    /// The folder its adrlint.toml governs.
    pub dir: &'a Path,
    /// How its ADRs are judged: category (and where it came from), rule levels.
    pub plan: &'a Plan,
    /// Leave nested folders with their own adrlint.toml to those teams (`false` when
    /// `--config` makes one manifest govern everything).
    pub skip_nested_teams: bool,
}

#[derive(Debug, Default)]
pub struct Contradictions {
    /// One report per project manifest with findings, sorted by path.
    pub reports: Vec<FileReport>,
    /// How many project manifests were read.
    pub manifests: usize,
}

/// Scans each team's folder and reports evidence above the team's category. Teams without a
/// category, or with the rule off, are not scanned. A pack that does not load is an error in
/// `problems`; malformed project manifests are warnings there.
pub fn contradictions(
    teams: &[Team],
    sources: &mut SourceMap,
    problems: &mut Vec<Problem>,
) -> Contradictions {
    let mut out = Contradictions::default();
    let judged: Vec<(&Team, Category, Level)> = teams
        .iter()
        .filter_map(|team| {
            let category = team.plan.category?;
            let level = team
                .plan
                .rules
                .get(RULE)
                .map(|rule| team.plan.level(rule))?;
            (level != Level::Off).then_some((team, category, level))
        })
        .collect();
    if judged.is_empty() {
        return out;
    }
    let pack = match EvidencePack::builtin(sources) {
        Ok(pack) => pack,
        Err(found) => {
            problems.extend(found);
            return out;
        }
    };
    let mut reports: BTreeMap<String, FileReport> = BTreeMap::new();
    for (team, category, level) in judged {
        let Level::Severity(severity) = level else {
            continue;
        };
        let options = ScanOptions {
            skip_nested_teams: team.skip_nested_teams,
            max_file_size: team.plan.max_file_size,
        };
        let scanned = scan(team.dir, &options, &pack, sources, problems);
        out.manifests += scanned.manifests.len();
        for (manifest, findings) in findings_of(&scanned, team.plan, category, severity) {
            let manifest = &scanned.manifests[manifest];
            reports
                .entry(manifest.display.clone())
                .or_insert_with(|| {
                    FileReport::new(
                        manifest.display.clone(),
                        Arc::clone(&manifest.text),
                        Vec::new(),
                    )
                })
                .findings
                .extend(findings);
        }
    }
    out.reports = reports.into_values().collect();
    for report in &mut out.reports {
        report
            .findings
            .sort_by(|a, b| (a.span.start, &a.message).cmp(&(b.span.start, &b.message)));
        if let Text::Kept(text) = &report.text {
            locate(&mut report.findings, text);
        }
    }
    out
}

/// (manifest index, evidence name, category shown): one finding each.
type GroupKey = (usize, Arc<str>, Category);

/// Findings per manifest index: one per (manifest, evidence name) above `category`, on its
/// first occurrence; later occurrences are listed in a note.
fn findings_of(
    scanned: &Scan,
    plan: &Plan,
    category: Category,
    severity: Severity,
) -> BTreeMap<usize, Vec<Finding>> {
    let help = plan.rules.get(RULE).and_then(|r| r.help.clone());
    // Evidence is sorted by manifest and position, so the first of each group comes first.
    let mut groups: Vec<(GroupKey, Vec<usize>)> = Vec::new();
    let mut index: HashMap<GroupKey, usize> = HashMap::new();
    for (i, evidence) in scanned.evidence.iter().enumerate() {
        if evidence.shows <= category {
            continue;
        }
        let key = (
            evidence.manifest,
            Arc::clone(&evidence.name),
            evidence.shows,
        );
        match index.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
    for ((manifest_index, name, shows), members) in groups {
        let manifest = &scanned.manifests[manifest_index];
        let first = &scanned.evidence[members[0]];
        let judged = match plan.category_source {
            Some(CategorySource::CommandLine) => format!("--category judges the team {category}"),
            _ => format!("the team is declared {category}"),
        };
        let message = format!(
            "{} {} {} ({name}), which shows {shows} work, but {judged}",
            manifest.file_name(),
            verb(first.ecosystem),
            first.package,
        );
        let mut finding = Finding::new(RULE, severity, message, first.span.clone());
        finding.label = Some(format!("{name}: {shows} work").into());
        finding.requires = Some(shows);
        finding.category = Some(category);
        finding.category_source = plan.category_source.clone();
        finding.help = help.clone();
        if members.len() > 1 {
            let file = SourceFile::new(manifest.display.as_str(), Arc::clone(&manifest.text));
            let others: Vec<String> = members[1..]
                .iter()
                .map(|&i| {
                    let evidence = &scanned.evidence[i];
                    let (line, _) = file.line_col(evidence.span.start);
                    format!("{} (line {line})", evidence.package)
                })
                .collect();
            finding
                .notes
                .push(format!("also in this file: {}", others.join(", ")));
        }
        out.entry(manifest_index).or_default().push(finding);
    }
    out
}

fn verb(ecosystem: Ecosystem) -> &'static str {
    match ecosystem {
        Ecosystem::Docker => "runs the image",
        _ => "depends on",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_run_packages_depended_on() {
        assert_eq!(verb(Ecosystem::Docker), "runs the image");
        assert_eq!(verb(Ecosystem::Cargo), "depends on");
    }
}
