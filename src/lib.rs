//! adrlint: lints architecture decision records against the team's declared category.
//!
//! The data flow, one module a step: [`discover`] files → parse them ([`adr`], [`manifest`])
//! → load rule packs ([`rules`]) → evaluate ([`engine`]) → [`report`]. [`commands`] wires the
//! steps together for each subcommand. [`evidence`] reads the project's build and deployment
//! manifests as evidence of the team's real category.

// Problems are built once per bad input, never in a hot path: their size does not matter.
#![allow(clippy::result_large_err)]

pub mod adr;
pub mod atomic;
pub mod baseline;
pub mod category;
pub mod changes;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod discover;
pub mod engine;
pub mod evidence;
pub mod hygiene;
pub mod lint;
pub mod manifest;
pub mod paths;
pub mod report;
pub mod rules;
pub mod source;
pub mod suggest;
pub mod suppress;
mod toml_diag;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// Runs the command line `args` (program name first) and returns the exit code of SPEC 4.1.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                commands::EXIT_ERROR
            } else {
                commands::EXIT_OK
            });
        }
    };
    let code = match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Evidence(args) => commands::evidence::run(args),
        Command::Graph(args) => commands::graph::run(args),
        Command::Parse(args) => commands::parse::run(args),
        Command::Schema => commands::schema::run(),
        Command::Completions(args) => commands::shell::completions(args),
        Command::Man(args) => commands::shell::man(args),
    };
    ExitCode::from(code)
}
