//! One module per subcommand; each returns the process exit code.

pub mod check;
pub mod evidence;
pub mod explain;
pub mod graph;
pub mod init;
pub mod rules;

use std::io::{IsTerminal, Write};

use crate::cli::ColorChoice;
use crate::diag::Problem;
use crate::source::SourceMap;

/// Exit codes of SPEC 4.1.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Colour for a stream: `--color`, then `NO_COLOR` (wins), `CLICOLOR_FORCE`, then whether the
/// stream is a terminal. Colour never leaks into a pipe unless forced.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !set("NO_COLOR") && (set("CLICOLOR_FORCE") || is_terminal),
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
