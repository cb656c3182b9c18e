//! One module per subcommand; each returns the process exit code.

pub mod check;
pub mod evidence;
pub mod explain;
pub mod graph;
pub mod init;
pub mod parse;
pub mod rules;
pub mod schema;
pub mod shell;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::cli::ColorChoice;
use crate::diag::Problem;
use crate::discover::DEFAULT_FOLDERS;
use crate::manifest::Manifest;
use crate::source::SourceMap;
use crate::suggest::one_of;

/// Exit codes of SPEC 4.1.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Colour for a stream: `--color`, then `NO_COLOR` (wins), `FORCE_COLOR` or `CLICOLOR_FORCE`
/// (CI logs that render colour set them), then whether the stream is a terminal. Colour never
/// leaks into a pipe unless forced.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !set("NO_COLOR") && (set("FORCE_COLOR") || set("CLICOLOR_FORCE") || is_terminal)
        }
    }
}

pub fn stdout_color(choice: ColorChoice) -> bool {
    use_color(choice, std::io::stdout().is_terminal())
}

pub fn stderr_color(choice: ColorChoice) -> bool {
    use_color(choice, std::io::stderr().is_terminal())
}

/// Writes to stdout; a closed pipe (`adrlint … | head`) is not an error.
pub fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

pub fn print_problems(problems: &[Problem], sources: &SourceMap, color: ColorChoice) {
    if problems.is_empty() {
        return;
    }
    let text = crate::report::human::render_problems(problems, sources, stderr_color(color));
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

pub fn has_errors(problems: &[Problem]) -> bool {
    problems
        .iter()
        .any(|p| p.severity == crate::diag::Severity::Error)
}

/// The paths to walk: those `given` on the command line, else the manifest's `[adr] paths`,
/// else whichever default ADR folders exist, else the working folder, to be searched for ADR
/// folders (a monorepo's `services/billing/docs/adr`). None at all is a `missing-path` error,
/// since a run that checks nothing would pass silently.
pub(crate) fn resolve_paths(
    given: &[PathBuf],
    manifest: Option<&Manifest>,
) -> Result<Vec<PathBuf>, Problem> {
    let paths = if given.is_empty() {
        default_paths(manifest)
    } else {
        given.to_vec()
    };
    if paths.is_empty() {
        return Err(Problem::error("missing-path", "no ADR folder found")
            .note(format!("looked for {}", one_of(&DEFAULT_FOLDERS)))
            .help("pass ADR files or folders, or set `[adr] paths` in adrlint.toml"));
    }
    Ok(paths)
}

fn default_paths(manifest: Option<&Manifest>) -> Vec<PathBuf> {
    if let Some(manifest) = manifest
        && !manifest.adr_paths.is_empty()
    {
        return manifest.adr_paths.clone();
    }
    let found: Vec<PathBuf> = DEFAULT_FOLDERS
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .collect();
    if found.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        found
    }
}
