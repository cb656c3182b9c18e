//! Thin binary: all behaviour lives in the library so tests can drive it directly.

fn main() -> std::process::ExitCode {
    adrlint::run(std::env::args_os())
}
