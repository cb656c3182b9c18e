//! `adrlint schema`: prints the JSON Schema of adrlint.toml (docs/adrlint.schema.json).

use super::{EXIT_OK, print_stdout};

pub fn run() -> u8 {
    print_stdout(&crate::manifest::json_schema());
    EXIT_OK
}
