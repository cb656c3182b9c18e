//! `adrlint check`: discover → parse → load rule packs → evaluate → report.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{
    EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, has_errors, print_problems, resolve_paths, stdout_color,
    use_color,
};
use crate::baseline;
use crate::category::Category;
use crate::cli::{CheckArgs, FailOn, Format};
use crate::diag::{CategorySource, FileReport, Problem, Severity};
use crate::discover::{Target, discover_with};
use crate::evidence::Team;
use crate::hygiene::{Date, HygieneConfig};
use crate::lint::{Analysed, DEFAULT_MAX_FILE_SIZE, Plan, analyse_bytes, analyse_file, log_pass};
use crate::manifest::Level;
use crate::manifest::{self, Discovery, Manifest};
use crate::report::{self, Notification, Outcome};
use crate::rules::select::{self, PerFileIgnores};
use crate::rules::{Rule, RuleSetLoader, Selection};
use crate::source::SourceMap;
use crate::suggest::{did_you_mean, one_of};

/// A file to lint. Its path is kept absolute and normalised, once for the whole run: the log
/// pass's facts share it.
struct Job {
    path: Arc<Path>,
    /// The path as found, when it went through `..`: it is read and shown as found.
    found: Option<Box<Path>>,
}

impl Job {
    fn new(found: PathBuf) -> Job {
        let path = crate::hygiene::normalise(&found).into();
        Job {
            path,
            found: through_parent(&found).then(|| found.into_boxed_path()),
        }
    }

    fn read_from(&self) -> &Path {
        self.found.as_deref().unwrap_or(&self.path)
    }

    /// The path as shown to the user: the path as found would show the same.
    fn shown(&self) -> String {
        crate::paths::display(self.read_from())
    }
}

/// Whether `path` goes through `..`: normalising it lexically would change where it points
/// when a folder on the way is a symbolic link, and how it is shown.
fn through_parent(path: &Path) -> bool {
    path.components().any(|c| c == Component::ParentDir)
}

/// Loaded manifests, each loaded once however many files it governs.
#[derive(Default)]
struct Manifests {
    loaded: Vec<Manifest>,
    by_path: HashMap<PathBuf, Option<usize>>,
    discovery: Discovery,
}

impl Manifests {
    /// Index of the manifest at `path`, loading it on first use; `None` when it is invalid.
    fn load(
        &mut self,
        path: &Path,
        sources: &mut SourceMap,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        if let Some(index) = self.by_path.get(path) {
            return *index;
        }
        let index = match manifest::load(path, &crate::paths::display(path), sources) {
            Ok(manifest) => {
                self.loaded.push(manifest);
                Some(self.loaded.len() - 1)
            }
            Err(found) => {
                problems.extend(found);
                None
            }
        };
        self.by_path.insert(path.to_path_buf(), index);
        index
    }

    /// The manifest nearest above `file`: `None` when there is none, `Some(None)` when it is
    /// invalid.
    fn nearest(
        &mut self,
        file: &Path,
        sources: &mut SourceMap,
        problems: &mut Vec<Problem>,
    ) -> Option<Option<usize>> {
        let absolute = std::path::absolute(file).ok()?;
        let dir = absolute.parent()?;
        let path = self.discovery.nearest(dir)?;
        Some(self.load(&path, sources, problems))
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let mut sources = SourceMap::default();
    let mut problems = Vec::new();
    let color = args.color;

    let category_override = match args.category.as_deref().map(parse_category_flag) {
        Some(Err(problem)) => {
            print_problems(&[problem], &sources, color);
            return EXIT_ERROR;
        }
        Some(Ok(category)) => Some(category),
        None => None,
    };
    // Resolved first: a ref that does not exist fails the run before anything is read.
    let changes = match &args.diff_base {
        Some(base) => {
            let changed = std::env::current_dir()
                .map_err(|error| {
                    Problem::error(
                        "io-error",
                        format!("cannot read the working folder: {error}"),
                    )
                })
                .and_then(|cwd| crate::changes::since(base, &cwd));
            match changed {
                Ok(changes) => Some(changes),
                Err(problem) => {
                    print_problems(&[problem], &sources, color);
                    return EXIT_ERROR;
                }
            }
        }
        None => None,
    };
    let mut loader = match RuleSetLoader::new(&mut sources) {
        Ok(loader) => loader,
        Err(found) => {
            print_problems(&found, &sources, color);
            return EXIT_ERROR;
        }
    };
    let mut manifests = Manifests::default();
    let forced = match &args.config {
        Some(path) if !path.is_file() => {
            let problem = Problem::error(
                "missing-config",
                format!(
                    "the manifest `{}` does not exist",
                    crate::paths::display(path)
                ),
            );
            print_problems(&[problem], &sources, color);
            return EXIT_ERROR;
        }
        Some(path) => match manifests.load(path, &mut sources, &mut problems) {
            Some(index) => Some(index),
            None => {
                print_problems(&problems, &sources, color);
                return EXIT_ERROR;
            }
        },
        None => None,
    };

    // `-` stands for standard input, as in ruff and other linters; it needs a name.
    let dash = args.paths.iter().any(|p| p.as_os_str() == "-");
    let usage = match (&args.stdin_filename, dash) {
        (Some(_), _) if args.paths.iter().any(|p| p.as_os_str() != "-") => {
            Some("--stdin-filename reads standard input: give no other path (or only `-`)")
        }
        (None, true) => Some("`-` reads standard input only with --stdin-filename <PATH>"),
        _ => None,
    };
    if let Some(message) = usage {
        let problem = Problem::error("usage", message)
            .help("adrlint check --stdin-filename docs/adr/0007-x.md - < draft.md");
        print_problems(&[problem], &sources, color);
        return EXIT_ERROR;
    }

    // What to lint: standard input (named by --stdin-filename), or files and folders.
    let stdin = match &args.stdin_filename {
        Some(name) => {
            let mut bytes = Vec::new();
            if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
                let problem =
                    Problem::error("io-error", format!("cannot read standard input: {error}"));
                print_problems(&[problem], &sources, color);
                return EXIT_ERROR;
            }
            Some((name.clone(), bytes))
        }
        None => None,
    };
    let stdin_mode = stdin.is_some();
    // Problems with the files to lint (a missing path, an unreadable folder): the rest of the
    // run goes on. Everything else found before the files are read is a configuration problem,
    // which stops the run before any report is written.
    let mut input_problems: Vec<Problem> = Vec::new();
    let mut named_dirs: Vec<PathBuf> = Vec::new();
    let targets = match &stdin {
        Some((name, _)) => vec![Target {
            path: name.clone(),
            explicit: true,
        }],
        None => {
            // Only look for a manifest here when no paths were given: it may load one.
            let from_cwd = match forced {
                Some(index) => Some(index),
                None if args.paths.is_empty() => manifests
                    .nearest(Path::new("./adrlint.toml"), &mut sources, &mut problems)
                    .flatten(),
                None => None,
            };
            let paths = match resolve_paths(&args.paths, from_cwd.map(|i| &manifests.loaded[i])) {
                Ok(paths) => paths,
                Err(problem) => {
                    problems.push(problem);
                    print_problems(&problems, &sources, color);
                    return EXIT_ERROR;
                }
            };
            named_dirs = paths.iter().filter(|p| p.is_dir()).cloned().collect();
            // Walked as absolute paths, so that each file's path is made once, in the form the
            // run keeps (see `Job`); they are shown as before.
            let paths: Vec<PathBuf> = paths
                .iter()
                .map(|path| {
                    if through_parent(path) {
                        path.clone()
                    } else {
                        crate::hygiene::normalise(path)
                    }
                })
                .collect();
            // A folder is an ADR folder when the `[adr] paths` of the manifest governing it
            // (`--config` for all) name it.
            let mut listed = |dir: &Path| {
                let index = match forced {
                    Some(index) => Some(index),
                    None => manifests
                        .nearest(
                            &dir.join(manifest::FILE_NAMES[0]),
                            &mut sources,
                            &mut problems,
                        )
                        .flatten(),
                };
                index.is_some_and(|i| manifests.loaded[i].lists_adr_folder(dir))
            };
            let (targets, walked) = discover_with(&paths, !args.no_ignore, &mut listed);
            input_problems = walked;
            targets
        }
    };

    // Resolve each file's manifest (sequentially: loading touches the source map).
    let mut jobs: Vec<(Job, Option<Option<usize>>)> = Vec::with_capacity(targets.len());
    for target in targets {
        let manifest = match forced {
            Some(index) => Some(Some(index)),
            None => manifests.nearest(&target.path, &mut sources, &mut problems),
        };
        let job = Job::new(target.path);
        if let (Some(Some(index)), None) = (manifest, &stdin)
            && manifests.loaded[index].is_excluded(&job.path)
        {
            continue;
        }
        jobs.push((job, manifest));
    }

    // One plan per manifest, plus one for files without a manifest or with a broken one.
    let builtin = match loader.load(&[], &mut sources) {
        Ok(set) => set,
        Err(found) => {
            problems.extend(found);
            print_problems(&problems, &sources, color);
            return EXIT_ERROR;
        }
    };
    let today = Date::today();
    let default_plan = |broken: bool| Plan {
        rules: Arc::clone(&builtin),
        category: category_override,
        category_source: category_override.map(|_| CategorySource::CommandLine),
        levels: HashMap::new(),
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        broken,
        hygiene: HygieneConfig {
            today: Some(today),
            ..HygieneConfig::default()
        },
        per_file_ignores: PerFileIgnores::default(),
    };
    let mut plans: Vec<Plan> = vec![default_plan(false), default_plan(true)];
    let mut plan_of_manifest: HashMap<usize, usize> = HashMap::new();
    // Manifests in force: those governing a linted file, plus those governing a folder named
    // on the command line (its project manifests are evidence even without ADRs in it).
    let mut in_force: Vec<usize> = match forced {
        Some(index) => vec![index],
        None => named_dirs
            .iter()
            .filter(|path| path.is_dir())
            .filter_map(|path| {
                let probe = path.join(crate::manifest::FILE_NAMES[0]);
                manifests.nearest(&probe, &mut sources, &mut problems)
            })
            .flatten()
            .collect(),
    };
    in_force.extend(jobs.iter().filter_map(|(_, manifest)| manifest.flatten()));
    in_force.sort_unstable();
    in_force.dedup();
    for &index in &in_force {
        if let std::collections::hash_map::Entry::Vacant(entry) = plan_of_manifest.entry(index) {
            let plan = plan_for(
                &manifests.loaded[index],
                category_override,
                today,
                &mut loader,
                &mut sources,
                &mut problems,
            )
            .unwrap_or_else(|| default_plan(true));
            plans.push(plan);
            entry.insert(plans.len() - 1);
        }
    }
    let selection = Selection {
        select: args.select.clone(),
        extend: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    if !selection.is_empty() {
        problems.extend(unknown_selectors(&selection, &plans));
        for plan in &mut plans {
            apply_selection(plan, &selection);
        }
    }
    let job_plans: Vec<usize> = jobs
        .iter()
        .map(|(_, manifest)| match manifest {
            None => 0,
            Some(None) => 1,
            Some(Some(index)) => plan_of_manifest.get(index).copied().unwrap_or(1),
        })
        .collect();
    if !args.quiet
        && job_plans
            .iter()
            .any(|&p| plans[p].category.is_none() && !plans[p].broken)
    {
        problems.push(
            Problem::warning("no-category", "no team category is declared, so claim rules were skipped")
                .note("adrlint judges decisions against the category in the nearest adrlint.toml")
                .help("run `adrlint init --category <id>` at the repository root, or pass `--category <id>`"),
        );
    }

    if has_errors(&problems) {
        problems.extend(input_problems);
        print_problems(&problems, &sources, color);
        return EXIT_ERROR;
    }
    problems.extend(input_problems);

    let baseline = match &args.baseline {
        Some(path) => match baseline::load(path, &mut sources) {
            Ok(baseline) => Some(baseline),
            Err(problem) => {
                problems.push(problem);
                print_problems(&problems, &sources, color);
                return EXIT_ERROR;
            }
        },
        None => None,
    };

    if args.explain_matches {
        let mut out = std::io::stdout().lock();
        let mut stdin = stdin;
        for ((job, _), &plan) in jobs.iter().zip(&job_plans) {
            let plan = &plans[plan];
            let shown = match &stdin {
                Some((name, _)) => crate::paths::display(name),
                None => job.shown(),
            };
            let text = crate::lint::explain_matches(
                job.read_from(),
                &shown,
                stdin.take().map(|(_, bytes)| bytes),
                plan,
                |trace, text| report::trace::render(trace, &shown, text, plan.category),
            );
            if out.write_all(text.as_bytes()).is_err() {
                break;
            }
        }
        print_problems(&problems, &sources, color);
        return if has_errors(&problems) {
            EXIT_ERROR
        } else {
            EXIT_OK
        };
    }

    let mut analysed: Vec<Analysed> = match stdin {
        // Standard input cannot be read again: its text is kept.
        Some((name, bytes)) => {
            let plan = job_plans.first().copied().unwrap_or(0);
            vec![analyse_bytes(&name, bytes, &plans[plan])]
        }
        None => jobs
            .par_iter()
            .zip(job_plans.par_iter())
            .map(|((job, _), &plan)| {
                let mut file = analyse_file(job.read_from(), &plans[plan]);
                file.share_path(&job.path);
                // The human format reads a file again by the path it shows: a path that is not
                // UTF-8 does not survive being shown, so its file keeps its text.
                if job.read_from().to_str().is_some() {
                    file.release_text();
                }
                file
            })
            .collect(),
    };
    log_pass(&mut analysed, &job_plans, &plans);
    analysed
        .par_iter_mut()
        .zip(jobs.par_iter().zip(job_plans.par_iter()))
        .for_each(|(file, ((job, _), &plan))| {
            file.settle(job.read_from(), &plans[plan]);
            file.ignore_per_file(&job.path, &plans[plan]);
        });
    // In order and in place: the reports take over the records' memory rather than sit beside
    // them.
    let mut reports: Vec<FileReport> = analysed
        .into_iter()
        .zip(jobs)
        .map(|(file, (job, _))| file.into_report(job.shown()))
        .collect();

    let adr_files = reports.len();
    // Evidence (SPEC 2.3): each team's project manifests against its category. Not for
    // standard input, which is one buffer in an editor.
    let teams: Vec<Team> = if stdin_mode {
        Vec::new()
    } else {
        in_force
            .iter()
            .filter_map(|index| {
                let plan = &plans[*plan_of_manifest.get(index)?];
                (!plan.broken).then(|| Team {
                    dir: &manifests.loaded[*index].dir,
                    plan,
                    skip_nested_teams: forced.is_none(),
                })
            })
            .collect()
    };
    let evidence = crate::evidence::contradictions(&teams, &mut sources, &mut problems);
    reports.extend(evidence.reports);
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    let files_checked = adr_files + evidence.manifests;

    if let Some(path) = &args.write_baseline {
        return match baseline::write(path, &reports) {
            Ok(count) => {
                if !args.quiet {
                    eprintln!(
                        "wrote {count} baseline entries to {}",
                        crate::paths::display(path)
                    );
                }
                print_problems(&problems, &sources, color);
                if has_errors(&problems) {
                    EXIT_ERROR
                } else {
                    EXIT_OK
                }
            }
            Err(error) => {
                problems.push(Problem::error(
                    "io-error",
                    format!(
                        "cannot write the baseline `{}`: {error}",
                        crate::paths::display(path)
                    ),
                ));
                print_problems(&problems, &sources, color);
                EXIT_ERROR
            }
        };
    }
    if let Some(baseline) = &baseline
        && let Some(stale) = baseline.apply(&mut reports, &builtin)
    {
        reports.push(stale);
        reports.sort_by(|a, b| a.path.cmp(&b.path));
    }

    if let Some(changes) = &changes
        && let Ok(cwd) = std::env::current_dir()
    {
        changes.retain(&mut reports, &cwd, |rule| {
            crate::hygiene::log::LOG_RULES.contains(&rule)
        });
    }

    let mut rules: Vec<Rule> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for plan in &plans {
        for rule in &plan.rules.rules {
            if seen.insert(Arc::clone(&rule.id)) {
                rules.push(rule.clone());
            }
        }
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let outcome = Outcome {
        files_checked,
        reports,
        rules,
        fail_on: fail_threshold(args.fail_on),
        notifications: problems.iter().map(Notification::of).collect(),
    };

    let render = |out: &mut dyn Write, sources: &mut SourceMap, color: bool| {
        if args.statistics {
            out.write_all(report::statistics(&outcome).as_bytes())
        } else if args.quiet && args.format == Format::Human {
            report::human::write_findings(&outcome, sources, color, out)
        } else {
            report::write(args.format, &outcome, sources, color, out)
        }
    };
    match &args.output_file {
        Some(path) => {
            let written = crate::atomic::replace(path, |out| {
                render(out, &mut sources, use_color(color, false))
            });
            if let Err(error) = written {
                problems.push(Problem::error(
                    "io-error",
                    format!(
                        "cannot write the report `{}`: {error}",
                        crate::paths::display(path)
                    ),
                ));
            }
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = render(&mut out, &mut sources, stdout_color(color));
            // A reader that went away (`adrlint check | head`) is not an error of the run.
            let _ = written.and_then(|()| out.flush());
        }
    }
    print_problems(&problems, &sources, color);

    if has_errors(&problems) {
        EXIT_ERROR
    } else if !args.exit_zero
        && outcome
            .max_severity()
            .is_some_and(|s| s >= fail_threshold(args.fail_on))
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn fail_threshold(fail_on: FailOn) -> Severity {
    match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

pub fn parse_category_flag(id: &str) -> Result<Category, Problem> {
    id.parse::<Category>().map_err(|()| {
        let mut problem = Problem::error(
            "invalid-argument",
            format!("unknown category `{id}` given to --category"),
        );
        if let Some(suggestion) = did_you_mean(id, Category::IDS) {
            problem = problem.help(format!("did you mean `{suggestion}`?"));
        }
        problem.note(format!("the categories are {}", one_of(&Category::IDS)))
    })
}

fn plan_for(
    manifest: &Manifest,
    category_override: Option<Category>,
    today: Date,
    loader: &mut RuleSetLoader,
    sources: &mut SourceMap,
    problems: &mut Vec<Problem>,
) -> Option<Plan> {
    let includes: Vec<(PathBuf, usize, Range<usize>)> = manifest
        .includes
        .iter()
        .map(|i| (i.path.clone(), manifest.file, i.span.clone()))
        .collect();
    let rules = match loader.load(&includes, sources) {
        Ok(rules) => rules,
        Err(found) => {
            problems.extend(found);
            return None;
        }
    };
    let mut levels = HashMap::new();
    let mut valid = true;
    for entry in &manifest.severity {
        if rules.get(&entry.rule).is_none() {
            valid = false;
            let mut problem = Problem::error(
                "invalid-config",
                format!("unknown rule `{}` in [rules.severity]", entry.rule),
            )
            .at(
                manifest.file,
                entry.rule_span.clone(),
                "no rule has this id",
            );
            if let Some(suggestion) = did_you_mean(&entry.rule, rules.ids()) {
                problem = problem.help(format!("did you mean `{suggestion}`?"));
            }
            problems.push(problem.note("`adrlint rules` lists every rule id"));
        } else {
            levels.insert(entry.rule.clone(), entry.level);
        }
    }
    let mut ignores = Vec::new();
    for entry in &manifest.per_file_ignores {
        let mut selectors = Vec::new();
        for (selector, span) in &entry.rules {
            if rules
                .rules
                .iter()
                .any(|rule| select::selects(selector, rule))
            {
                selectors.push(selector.clone());
                continue;
            }
            valid = false;
            let names = select::names(&rules);
            let mut problem = Problem::error(
                "invalid-config",
                format!("unknown rule or group `{selector}` in per-file-ignores"),
            )
            .at(
                manifest.file,
                span.clone(),
                "no rule or group has this name",
            );
            if let Some(suggestion) = did_you_mean(selector, names.iter().copied()) {
                problem = problem.help(format!("did you mean `{suggestion}`?"));
            }
            problems.push(problem.note("`adrlint rules` lists every rule id and pack"));
        }
        ignores.push((entry.glob.clone(), selectors));
    }
    if !valid {
        return None;
    }
    let (category, category_source) = match (category_override, &manifest.category) {
        (Some(category), _) => (Some(category), Some(CategorySource::CommandLine)),
        (None, Some((category, span))) => (
            Some(*category),
            Some(CategorySource::Manifest {
                file: manifest.file,
                span: span.clone(),
            }),
        ),
        (None, None) => (None, None),
    };
    Some(Plan {
        rules,
        category,
        category_source,
        levels,
        max_file_size: manifest.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        broken: false,
        hygiene: HygieneConfig {
            today: Some(today),
            ..manifest.hygiene.clone()
        },
        per_file_ignores: PerFileIgnores::new(manifest.dir.clone(), ignores),
    })
}

/// A problem for each selector of the command line that names no rule and no group in any
/// plan of the run (user packs add rules and groups).
fn unknown_selectors(selection: &Selection, plans: &[Plan]) -> Vec<Problem> {
    let names: std::collections::BTreeSet<&str> = plans
        .iter()
        .flat_map(|plan| select::names(&plan.rules))
        .collect();
    let flag = |selector: &str| {
        if selection.ignore.iter().any(|s| s == selector) {
            "--ignore"
        } else if selection.extend.iter().any(|s| s == selector) {
            "--extend-select"
        } else {
            "--select"
        }
    };
    let mut problems = Vec::new();
    for selector in selection.selectors() {
        if names.contains(selector) {
            continue;
        }
        let mut problem = Problem::error(
            "invalid-argument",
            format!(
                "unknown rule or group `{selector}` given to {}",
                flag(selector)
            ),
        );
        if let Some(suggestion) = did_you_mean(selector, names.iter().copied()) {
            problem = problem.help(format!("did you mean `{suggestion}`?"));
        }
        problems.push(problem.note(
            "groups are `all`, `claims`, `rationale` and each pack's name; `adrlint rules` lists the ids",
        ));
    }
    problems
}

/// Folds the command line's selection into a plan's levels.
fn apply_selection(plan: &mut Plan, selection: &Selection) {
    let levels: Vec<(String, Level)> = plan
        .rules
        .rules
        .iter()
        .map(|rule| (rule.id.to_string(), selection.level(rule, plan.level(rule))))
        .collect();
    plan.levels.extend(levels);
}
