//! Command-line interface (SPEC 4), parsed with clap's derive API.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "adrlint",
    version,
    about = "Lints architecture decision records against the team's declared category",
    long_about = "Lints architecture decision records (ADRs) against the distributed-systems category \
                  the team declares in adrlint.toml: data-product-user < framework-user < framework-creator. \
                  A decision that needs a higher category than the team's is reported with its span.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint ADR files and folders
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
    #[arg(long, value_name = "ID")]
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
    #[arg(long, value_name = "ID", default_value = "framework-user")]
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
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}
