//! `adrlint init`: writes a commented adrlint.toml, atomically, and never over an existing one.

use std::io::Write;
use std::path::Path;

use super::check::parse_category_flag;
use super::{EXIT_ERROR, EXIT_OK, print_problems};
use crate::cli::{ColorChoice, InitArgs};
use crate::diag::Problem;
use crate::manifest::{FILE_NAMES, init_template};
use crate::source::SourceMap;

pub fn run(args: &InitArgs) -> u8 {
    let sources = SourceMap::default();
    let category = match parse_category_flag(&args.category) {
        Ok(category) => category,
        Err(problem) => {
            print_problems(&[problem], &sources, ColorChoice::Auto);
            return EXIT_ERROR;
        }
    };
    if let Some(existing) = FILE_NAMES.iter().find(|name| Path::new(name).exists()) {
        let problem = Problem::error(
            "manifest-exists",
            format!("`{existing}` already exists; not overwriting it"),
        )
        .help("edit it, or remove it first to start again");
        print_problems(&[problem], &sources, ColorChoice::Auto);
        return EXIT_ERROR;
    }
    match write_new(Path::new(FILE_NAMES[0]), init_template(category).as_bytes()) {
        Ok(()) => {
            println!("wrote {} for a {category} team", FILE_NAMES[0]);
            EXIT_OK
        }
        Err(error) => {
            let problem = Problem::error(
                "io-error",
                format!("cannot write {}: {error}", FILE_NAMES[0]),
            );
            print_problems(&[problem], &sources, ColorChoice::Auto);
            EXIT_ERROR
        }
    }
}

/// Writes `contents` to a temporary file beside `target`, then links it into place: readers
/// never see a half-written file, and an existing `target` is never replaced.
pub fn write_new(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = dir.join(format!(".adrlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::hard_link(&temp, target)
    })();
    let _ = std::fs::remove_file(&temp);
    result
}
