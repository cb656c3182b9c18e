//! The log pass: what only the whole ADR folder can tell — duplicate numbers, gaps, file names
//! out of line with the log, links to ADRs that do not exist, one-sided supersedes/amends
//! relations and links to superseded ADRs. It runs once, after the parallel lint step, over
//! the facts each file yielded. A folder of which only some files were linted (pre-commit
//! passes the changed files) is completed from disk, so its other files count as the log
//! without being reported on.

use super::numbering::{Numbering, classify_numbering};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::links::{Relation, Target};
use super::names::{self, LogStyle};
use super::{Facts, FileRole, finding, is_index_name};
use crate::adr::StatusKind;
use crate::diag::Finding;
use crate::lint::Plan;

/// The rules of this pass: what they find is about the whole log, so `--diff-base` reports
/// them on every changed file rather than only on changed lines.
pub const LOG_RULES: [&str; 7] = [
    "missing-date",
    "duplicate-number",
    "number-gap",
    "file-name-convention",
    "broken-adr-link",
    "one-sided-relation",
    "link-to-superseded",
];

/// Files read only to complete a log are skipped above this size, like linted files.
const MAX_SIBLING_SIZE: u64 = crate::lint::DEFAULT_MAX_FILE_SIZE;

/// One file of a log.
#[derive(Debug, Clone)]
pub struct Entry {
    pub facts: Box<Facts>,
    /// Where its findings go (an index into the run's reports); `None` for a file read only to
    /// complete its log.
    pub report: Option<usize>,
    /// Index of the plan that judges it.
    pub plan: usize,
}

/// Every file the run knows, by path; more are read from disk on demand.
#[derive(Debug, Default)]
pub struct Log {
    pub entries: Vec<Entry>,
    by_path: HashMap<Arc<Path>, usize>,
}

impl Log {
    pub fn new(entries: Vec<Entry>) -> Log {
        // Later entries win, as if inserted one by one.
        let by_path = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (Arc::clone(&entry.facts.path), index))
            .collect();
        Log { entries, by_path }
    }

    fn insert(&mut self, entry: Entry) -> usize {
        let index = self.entries.len();
        self.by_path.insert(Arc::clone(&entry.facts.path), index);
        self.entries.push(entry);
        index
    }

    /// Adds the Markdown files beside the reported ones that the run did not lint.
    pub fn complete_folders(&mut self) {
        // Borrowed: a copy of each file's folder would cost an allocation per file. The last
        // plan seen for a folder wins.
        let mut folders: BTreeMap<&Path, usize> = BTreeMap::new();
        for entry in self.entries.iter().filter(|e| e.report.is_some()) {
            folders.insert(entry.facts.folder(), entry.plan);
        }
        let folders: Vec<(PathBuf, usize)> = folders
            .into_iter()
            .map(|(folder, plan)| (folder.to_path_buf(), plan))
            .collect();
        for (folder, plan) in folders {
            let Ok(read) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = read
                .filter_map(Result::ok)
                // The listing's file type costs no system call; only links are followed.
                .filter(|e| {
                    e.file_type()
                        .is_ok_and(|t| t.is_file() || (t.is_symlink() && e.path().is_file()))
                })
                .map(|e| e.path())
                .filter(|p| crate::discover::is_markdown(p))
                .collect();
            paths.sort();
            for path in paths {
                let path = super::normalise(&path);
                if !self.by_path.contains_key(path.as_path()) {
                    self.insert(Entry {
                        facts: Box::new(facts_from_disk(&path)),
                        report: None,
                        plan,
                    });
                }
            }
        }
    }

    /// The entry at `path`, read from disk when the run did not lint it.
    fn entry_at(&mut self, path: &Path, plan: usize) -> Option<usize> {
        if let Some(&index) = self.by_path.get(path) {
            return Some(index);
        }
        if !path.is_file() {
            return None;
        }
        Some(self.insert(Entry {
            facts: Box::new(facts_from_disk(path)),
            report: None,
            plan,
        }))
    }

    /// The ADR that `target`, written in entry `from`, points at. A number is looked up among
    /// the ADRs of `from`'s folder and must name exactly one.
    pub fn resolve(&mut self, from: usize, target: &Target) -> Option<usize> {
        match target {
            Target::Path(path) => {
                let plan = self.entries[from].plan;
                self.entry_at(path, plan)
            }
            Target::Number(number) => self.by_number(from, *number),
        }
    }

    fn by_number(&self, from: usize, number: u32) -> Option<usize> {
        let folder = self.entries[from].facts.folder();
        let mut found = self.entries.iter().enumerate().filter(|(_, e)| {
            e.facts.role == FileRole::Adr
                && e.facts.number == Some(number)
                && e.facts.folder() == folder
        });
        let first = found.next().map(|(i, _)| i);
        if found.next().is_some() { None } else { first }
    }

    /// Whether entry `from` states `relation` towards entry `to`, without reading more files.
    fn states(&self, from: usize, relation: Relation, to: usize) -> bool {
        let facts = &self.entries[from].facts;
        facts.links.iter().any(|link| {
            link.relation == Some(relation)
                && match &link.target {
                    Target::Path(path) => **path == *self.entries[to].facts.path,
                    Target::Number(number) => self.by_number(from, *number) == Some(to),
                }
        })
    }

    /// The ADR folders among the entries, each with its ADRs (not index files or templates).
    fn folders(&self) -> BTreeMap<PathBuf, Vec<usize>> {
        let mut folders: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
        for (index, entry) in self.entries.iter().enumerate() {
            if entry.facts.role == FileRole::Adr {
                folders
                    .entry(entry.facts.folder().to_path_buf())
                    .or_default()
                    .push(index);
            }
        }
        for members in folders.values_mut() {
            members.sort_by(|a, b| {
                self.entries[*a]
                    .facts
                    .path
                    .cmp(&self.entries[*b].facts.path)
            });
        }
        folders
    }
}

/// Reads and parses a file the run did not lint; what its name tells when it cannot be read.
pub fn facts_from_disk(path: &Path) -> Facts {
    describe_from_disk(path).facts
}

/// A file's facts with what a reader is shown of it (the graph's node labels).
pub struct Described {
    pub facts: Facts,
    pub title: Option<String>,
    /// The status as written.
    pub status: Option<String>,
}

/// [`facts_from_disk`] with the title and the status as written.
pub fn describe_from_disk(path: &Path) -> Described {
    let readable = std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_SIBLING_SIZE);
    let bytes = if readable {
        std::fs::read(path).ok()
    } else {
        None
    };
    match bytes {
        Some(bytes) if !bytes.iter().take(8192).any(|&b| b == 0) => {
            let text = String::from_utf8_lossy(&bytes);
            let adr = crate::adr::parse(path, &text);
            Described {
                facts: Facts::from_adr(path, &text, &adr, super::file_role(path)),
                title: adr.title.map(|t| t.value),
                status: adr.status.map(|s| s.value),
            }
        }
        _ => Described {
            facts: Facts::from_path(path),
            title: None,
            status: None,
        },
    }
}

/// The log rules' findings, as (report index, finding).
pub fn check(entries: Vec<Entry>, plans: &[Plan]) -> Vec<(usize, Finding)> {
    let mut log = Log::new(entries);
    log.complete_folders();
    let mut out = Reporter {
        plans,
        out: Vec::new(),
    };
    let folders = log.folders();
    for members in folders.values() {
        if members.iter().any(|&m| log.entries[m].report.is_some()) {
            duplicates(&log, members, &mut out);
        }
    }
    for members in sequences(&log, &folders) {
        if members.iter().any(|&m| log.entries[m].report.is_some()) {
            gaps(&log, &members, &mut out);
            names(&log, &members, &mut out);
        }
    }
    links(&mut log, &mut out);
    missing_dates(&log, &mut out);
    out.out
}

/// `missing-date`: an undated ADR in a format that has dates, in a log whose other ADRs are
/// mostly dated (or that has no other ADR to tell). A log that never records dates (Nygard's
/// original template and MADR leave the date out or make it optional) is not reported file by
/// file. One folder per decision (`NAME/README.md`) makes the parent folder the log.
fn missing_dates(log: &Log, out: &mut Reporter<'_>) {
    let mut logs: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (index, entry) in log.entries.iter().enumerate() {
        if !entry.facts.date_expected {
            continue;
        }
        let folder = entry.facts.folder();
        let key = if is_index_name(entry.facts.file_name()) {
            folder.parent().unwrap_or(folder)
        } else {
            folder
        };
        logs.entry(key.to_path_buf()).or_default().push(index);
    }
    for members in logs.values() {
        let dated = members
            .iter()
            .filter(|&&m| log.entries[m].facts.dated)
            .count();
        let others = members.len() - 1;
        for &m in members {
            let entry = &log.entries[m];
            if entry.facts.dated || entry.report.is_none() || (others > 0 && dated * 2 < others) {
                continue;
            }
            let format = entry.facts.format.map_or("", |f| f.id());
            let message = if others == 0 {
                format!("this {format} ADR has no date")
            } else {
                format!(
                    "this {format} ADR has no date, while {dated} of the {others} other ADRs in its log have one"
                )
            };
            out.report(
                entry,
                "missing-date",
                entry.facts.anchor.clone(),
                message,
                None,
            );
        }
    }
}

/// The numbering sequences: a folder, merged with its sibling and parent folders while their
/// numbers do not overlap. Logs split by topic (`security/0020-…`, `devops/0010-…`) often share
/// one sequence; folders that each start again at 1 are separate logs.
fn sequences(log: &Log, folders: &BTreeMap<PathBuf, Vec<usize>>) -> Vec<Vec<usize>> {
    let paths: Vec<&PathBuf> = folders.keys().collect();
    let numbers: Vec<BTreeSet<u32>> = folders
        .values()
        .map(|members| {
            members
                .iter()
                .filter_map(|&m| log.entries[m].facts.number)
                .collect()
        })
        .collect();
    let mut group: Vec<usize> = (0..paths.len()).collect();
    let mut sets = numbers.clone();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    // Each folder with its parent (or grandparent) folder first, then siblings.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (a, path) in paths.iter().enumerate() {
        let ancestor = path
            .ancestors()
            .skip(1)
            .take(2)
            .find_map(|up| paths.iter().position(|p| p.as_path() == up));
        if let Some(b) = ancestor {
            pairs.push((a, b));
        }
    }
    for a in 0..paths.len() {
        for b in a + 1..paths.len() {
            if paths[a].parent() == paths[b].parent() {
                pairs.push((a, b));
            }
        }
    }
    for (a, b) in pairs {
        if numbers[a].is_empty() || numbers[b].is_empty() {
            continue;
        }
        let (ra, rb) = (root(&mut group, a), root(&mut group, b));
        if ra != rb && sets[ra].is_disjoint(&sets[rb]) {
            let moved = std::mem::take(&mut sets[rb]);
            sets[ra].extend(moved);
            group[rb] = ra;
        }
    }
    let mut merged: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, members) in folders.values().enumerate() {
        let r = root(&mut group, index);
        merged.entry(r).or_default().extend(members.iter().copied());
    }
    merged.into_values().collect()
}

/// Collects the log rules' findings for the files that are reported on.
struct Reporter<'a> {
    plans: &'a [Plan],
    out: Vec<(usize, Finding)>,
}

impl Reporter<'_> {
    fn report(
        &mut self,
        entry: &Entry,
        id: &str,
        span: std::ops::Range<usize>,
        message: String,
        label: Option<String>,
    ) {
        let (Some(report), Some(plan)) = (entry.report, self.plans.get(entry.plan)) else {
            return;
        };
        if let Some(finding) = finding(plan, id, span, message, label) {
            self.out.push((report, finding));
        }
    }
}

fn duplicates(log: &Log, members: &[usize], out: &mut Reporter<'_>) {
    let mut by_number: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for &m in members {
        if let Some(number) = log.entries[m].facts.number {
            by_number.entry(number).or_default().push(m);
        }
    }
    for (number, files) in by_number.iter().filter(|(_, f)| f.len() > 1) {
        for &m in files {
            let others: Vec<String> = files
                .iter()
                .filter(|&&o| o != m)
                .map(|&o| format!("`{}`", log.entries[o].facts.file_name()))
                .collect();
            out.report(
                &log.entries[m],
                "duplicate-number",
                log.entries[m].facts.anchor.clone(),
                format!(
                    "the number {number} is also used by {} in this folder",
                    others.join(", ")
                ),
                Some(format!("ADR {number}")),
            );
        }
    }
}

fn gaps(log: &Log, members: &[usize], out: &mut Reporter<'_>) {
    let mut numbers: Vec<(u32, usize)> = members
        .iter()
        .filter_map(|&m| log.entries[m].facts.number.map(|n| (n, m)))
        .collect();
    numbers.sort();
    numbers.dedup_by_key(|(n, _)| *n);
    // Only a sequential log promises a number for every record: dated names and sparse
    // numbers (by pull request or issue) leave holes that were never ADRs.
    let files: Vec<(&str, Option<u32>)> = members
        .iter()
        .map(|&m| {
            let facts = &log.entries[m].facts;
            let name = facts
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("");
            (name, facts.number)
        })
        .collect();
    if matches!(
        classify_numbering(&files),
        Numbering::Dated | Numbering::Sparse
    ) {
        return;
    }
    for pair in numbers.windows(2) {
        let [(before, _), (after, index)] = pair else {
            continue;
        };
        if *after <= before + 1 {
            continue;
        }
        let missing = if *after == before + 2 {
            format!("no ADR numbered {} in this folder", before + 1)
        } else {
            format!(
                "no ADRs numbered {} to {} in this folder",
                before + 1,
                after - 1
            )
        };
        out.report(
            &log.entries[*index],
            "number-gap",
            log.entries[*index].facts.anchor.clone(),
            format!("{missing} (the numbers jump from {before} to {after})"),
            Some(
                "a number may never have been used: renumber the ADRs if the log should have no \
                 holes, or set `[rules.severity] number-gap = \"off\"` if gaps are expected"
                    .to_string(),
            ),
        );
    }
}

fn names(log: &Log, members: &[usize], out: &mut Reporter<'_>) {
    // Folder-per-decision layouts name the folder, not the file.
    let named: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&m| !is_index_name(log.entries[m].facts.file_name()))
        .collect();
    let file_names: Vec<&str> = named
        .iter()
        .map(|&m| log.entries[m].facts.file_name())
        .collect();
    let style = LogStyle::of(&file_names);
    for (&m, name) in named.iter().zip(&file_names) {
        let Some(plan) = out.plans.get(log.entries[m].plan) else {
            continue;
        };
        if let Some(message) = names::check(name, plan.hygiene.file_name, &style) {
            out.report(
                &log.entries[m],
                "file-name-convention",
                log.entries[m].facts.anchor.clone(),
                message,
                None,
            );
        }
    }
}

fn links(log: &mut Log, out: &mut Reporter<'_>) {
    let reported: Vec<usize> = (0..log.entries.len())
        .filter(|&i| log.entries[i].report.is_some())
        .collect();
    for from in reported {
        let links = log.entries[from].facts.links.clone();
        let mut seen: HashSet<(Option<Relation>, usize)> = HashSet::new();
        let mut broken: HashSet<PathBuf> = HashSet::new();
        for link in links {
            let Some(to) = log.resolve(from, &link.target) else {
                if let Target::Path(path) = &link.target
                    && broken.insert(path.clone())
                {
                    let shown = relative_to(path, log.entries[from].facts.folder());
                    out.report(
                        &log.entries[from],
                        "broken-adr-link",
                        link.span.clone(),
                        format!("the linked ADR `{shown}` does not exist"),
                        Some("no such file".to_string()),
                    );
                }
                continue;
            };
            if to == from
                || log.entries[from].facts.role != FileRole::Adr
                || log.entries[to].facts.role != FileRole::Adr
                || !seen.insert((link.relation, to))
            {
                continue;
            }
            let target_name = log.entries[to].facts.file_name().to_string();
            match link.relation {
                Some(relation) => {
                    if !log.states(to, relation.inverse(), from) {
                        let message = format!(
                            "this ADR {} `{target_name}`, but `{target_name}` does not say it {} \
                             this ADR",
                            relation.phrase(),
                            relation.inverse().phrase()
                        );
                        let label = format!(
                            "`{target_name}` should say \"{}\" this ADR",
                            relation.inverse().label()
                        );
                        out.report(
                            &log.entries[from],
                            "one-sided-relation",
                            link.span.clone(),
                            message,
                            Some(label),
                        );
                    }
                }
                None => {
                    // The ADR that supersedes another may well cite it.
                    let successor = log.states(from, Relation::Supersedes, to)
                        || log.states(to, Relation::SupersededBy, from);
                    if log.entries[from].facts.status == Some(StatusKind::Accepted)
                        && log.entries[to].facts.status == Some(StatusKind::Superseded)
                        && !successor
                    {
                        out.report(
                            &log.entries[from],
                            "link-to-superseded",
                            link.span.clone(),
                            format!(
                                "this accepted ADR links to `{target_name}`, which is superseded"
                            ),
                            Some("superseded".to_string()),
                        );
                    }
                }
            }
        }
    }
}

/// `path` relative to `folder` when under it (`../x/0001-a.md` otherwise shown in full).
fn relative_to(path: &Path, folder: &Path) -> String {
    match path.strip_prefix(folder) {
        Ok(relative) => relative.to_string_lossy().replace('\\', "/"),
        Err(_) => crate::paths::display(path),
    }
}
