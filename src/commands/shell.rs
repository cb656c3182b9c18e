//! `adrlint completions SHELL` and `adrlint man [COMMAND]`: a shell completion script and the
//! manual page, generated from the command line's own definition (clap_complete, clap_mangen).

use clap::CommandFactory;

use super::{EXIT_ERROR, EXIT_OK, print_problems, print_stdout};
use crate::cli::{Cli, ColorChoice, CompletionsArgs, ManArgs};
use crate::diag::Problem;
use crate::source::SourceMap;
use crate::suggest::{did_you_mean, one_of};

pub fn completions(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "adrlint", &mut script);
    print_stdout(&String::from_utf8_lossy(&script));
    EXIT_OK
}

pub fn man(args: &ManArgs) -> u8 {
    let mut command = Cli::command();
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            // Built, a subcommand's display name is `adrlint-check`: its page is
            // adrlint-check(1), as git's are.
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = command
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                let mut problem = Problem::error(
                    "invalid-argument",
                    format!("no command `{name}` to print the page of"),
                );
                if let Some(suggestion) = did_you_mean(name, names.iter().copied()) {
                    problem = problem.help(format!("did you mean `{suggestion}`?"));
                }
                let problem = problem.note(format!("the commands are {}", one_of(&names)));
                print_problems(&[problem], &SourceMap::default(), ColorChoice::Auto);
                return EXIT_ERROR;
            }
        },
    };
    let mut roff = Vec::new();
    let man = clap_mangen::Man::new(page)
        .source(concat!("adrlint ", env!("CARGO_PKG_VERSION")))
        .manual("adrlint manual");
    match man.render(&mut roff) {
        Ok(()) => {
            print_stdout(&String::from_utf8_lossy(&roff));
            EXIT_OK
        }
        Err(error) => {
            let problem = Problem::error("io-error", format!("cannot render the page: {error}"));
            print_problems(&[problem], &SourceMap::default(), ColorChoice::Auto);
            EXIT_ERROR
        }
    }
}
