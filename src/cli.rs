//! Command-line interface (SPEC 4), parsed with clap's derive API.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::category::Category;

/// The exit codes of SPEC 4.1, as `--help` shows them.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  nothing at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error; unreadable or invalid adrlint.toml or rule pack; a path that does not exist;
     an internal error"
    };
}

pub const EXIT_CODES_HELP: &str = exit_codes!();

const TOP_HELP: &str = concat!(
    exit_codes!(),
    "\n\n`adrlint check --help` has examples; `adrlint man` prints the manual page."
);

const CHECK_LONG_HELP: &str = concat!(
    "\
Examples:
  adrlint check
      lint the manifest's [adr] paths, else the usual ADR folders that exist
  adrlint check docs/adr --format sarif -o adrlint.sarif
      write a SARIF report for code scanning
  adrlint check --diff-base origin/main --format github
      in a pull request: annotate only the lines it changed
  adrlint check --select hygiene --ignore number-gap
      only the decision-log rules, without number-gap
  adrlint check --fail-on warning
      fail (exit 1) on warnings too
  adrlint check --stdin-filename docs/adr/0007-use-kafka.md - < draft.md
      lint an editor's buffer as that file

",
    exit_codes!()
);

#[derive(Debug, Parser)]
#[command(
    name = "adrlint",
    version,
    about = "Lints architecture decision records against the team's declared category",
    long_about = "Lints architecture decision records (ADRs) against the distributed-systems category \
                  the team declares in adrlint.toml: data-product-user < framework-user < framework-creator. \
                  A decision that needs a higher category than the team's is reported with its span.",
    propagate_version = true,
    after_help = TOP_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint ADR files and folders
    #[command(after_help = EXIT_CODES_HELP, after_long_help = CHECK_LONG_HELP)]
    Check(Box<CheckArgs>),
    /// List every rule: id, severity, requires, pack file
    Rules(RulesArgs),
    /// Print a rule's long explanation
    Explain(ExplainArgs),
    /// Write a commented adrlint.toml in the current folder (never overwrites)
    Init(InitArgs),
    /// Show the category the project's build and deployment manifests show, and why
    Evidence(EvidenceArgs),
    /// Print the decision graph: ADRs as nodes, supersedes/amends/links as edges
    Graph(GraphArgs),
    /// Show how adrlint reads ADRs: format, status, title, and the kind of every section
    Parse(ParseArgs),
    /// Print the JSON Schema of adrlint.toml (docs/adrlint.schema.json is this)
    Schema,
    /// Print a shell completion script
    #[command(after_help = "\
Install:
  bash  adrlint completions bash > ~/.local/share/bash-completion/completions/adrlint
  zsh   adrlint completions zsh > ~/.zfunc/_adrlint   (with fpath+=~/.zfunc before compinit)
  fish  adrlint completions fish > ~/.config/fish/completions/adrlint.fish")]
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `adrlint man | man -l -`
    Man(ManArgs),
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A subcommand's page (adrlint-check.1) instead of adrlint.1
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Takes any string (the command reports an unknown category with a "did you mean"), and shows
/// the categories as the possible values in `--help` and shell completions.
#[derive(Debug, Clone, Copy)]
pub struct CategoryValues;

impl TypedValueParser for CategoryValues {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Category::ALL
                .into_iter()
                .map(|c| PossibleValue::new(c.id()).help(c.describe())),
        ))
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and folders to lint (default: the manifest's [adr] paths, else the usual ADR folders)
    pub paths: Vec<PathBuf>,
    /// Use this manifest for every file instead of the nearest adrlint.toml
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour (NO_COLOR is honoured)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Judge every file against this category instead of the manifest's
    #[arg(long, value_name = "ID", value_parser = CategoryValues)]
    pub category: Option<String>,
    /// Run only these rules: ids, or groups (`claims`, `rationale`, a pack such as `hygiene`
    /// or `build-your-own`, `all`); comma-separated or repeated
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// Run these rules (ids or groups) on top of the manifest's or --select's
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Never run these rules (ids or groups); wins over --select and --extend-select
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Report only findings on lines added or changed since git's merge base of REF and HEAD
    /// (uncommitted and untracked files count), and findings about the whole log only for
    /// changed files
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Lowest severity that makes the run fail (exit 1)
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Exit 0 even when there are findings (2 still means the run itself failed)
    #[arg(long)]
    pub exit_zero: bool,
    /// Also lint files that .gitignore and .ignore files hide
    #[arg(long)]
    pub no_ignore: bool,
    /// Read one ADR from standard input; PATH names it and finds its adrlint.toml (a path
    /// argument, if any, must be `-`)
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Write the report to FILE (atomically) instead of standard output; run-level problems
    /// still go to standard error
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Print the number of findings per rule instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only: no summary line and no warnings about the run
    #[arg(long, short)]
    pub quiet: bool,
    /// Hide the findings recorded in this baseline file (see --write-baseline)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE (written atomically) and exit 0
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Print, for each decision sentence, what every rule matched, which construction held it,
    /// the polarity of its clause and its cue, look-alikes and products; then exit 0
    #[arg(long, conflicts_with_all = ["write_baseline", "statistics"])]
    pub explain_matches: bool,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Print every enabled claim and rationale pattern, one a line, as `rg -f` reads them
    #[arg(long)]
    pub patterns: bool,
    /// Use this manifest (for its rule packs and severity overrides)
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A table
    Human,
    /// A JSON array of rules
    Json,
    /// A page with a section per rule (docs/rules.md is this, for the built-in rules)
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule id, as `adrlint rules` lists it
    pub rule: String,
    /// Use this manifest (to explain rules from its packs)
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The team's category
    #[arg(long, value_name = "ID", default_value = "framework-user", value_parser = CategoryValues)]
    pub category: String,
}

#[derive(Debug, clap::Args)]
pub struct EvidenceArgs {
    /// The folder (or one manifest file) to read (default: the current folder)
    pub path: Option<PathBuf>,
    /// Take the declared category from this manifest instead of the nearest adrlint.toml
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Files and folders of ADRs (default: the manifest's [adr] paths, else the usual ADR folders)
    pub paths: Vec<PathBuf>,
    /// Take [adr] paths and exclude from this manifest instead of the one in the current folder
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Also read files that .gitignore and .ignore files hide
    #[arg(long)]
    pub no_ignore: bool,
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// ADR files and folders to read
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    /// Also read files that .gitignore and .ignore files hide
    #[arg(long)]
    pub no_ignore: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (`adrlint graph | dot -Tpng -o graph.png`)
    Dot,
    /// A Mermaid flowchart (renders in GitHub and GitLab Markdown)
    Mermaid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Snippets with labels, for people (codespan-reporting)
    Human,
    /// `path:line:col: severity[rule] message`, one a line
    Short,
    /// The stable JSON document (schema version 1)
    Json,
    /// One JSON finding a line
    JsonLines,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// GitLab Code Quality report
    Gitlab,
    /// JUnit XML: a test case per file, a failure per finding
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For people
    Human,
    /// For tools
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour a terminal only
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Errors only
    Error,
    /// Warnings and errors
    Warning,
    /// Any finding
    Info,
}
