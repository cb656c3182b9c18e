//! The packs in the repository's `rules/` folder, compiled into the binary.

/// (path shown to users, contents). A test checks this lists every file in `rules/` but the
/// evidence pack, which has its own schema (`crate::evidence::EVIDENCE_PACK`).
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("rules/input.toml", include_str!("../../rules/input.toml")),
    (
        "rules/suppressions.toml",
        include_str!("../../rules/suppressions.toml"),
    ),
    (
        "rules/build-your-own.toml",
        include_str!("../../rules/build-your-own.toml"),
    ),
    (
        "rules/frameworks.toml",
        include_str!("../../rules/frameworks.toml"),
    ),
    (
        "rules/rationale.toml",
        include_str!("../../rules/rationale.toml"),
    ),
    (
        "rules/manifests.toml",
        include_str!("../../rules/manifests.toml"),
    ),
    (
        "rules/hygiene.toml",
        include_str!("../../rules/hygiene.toml"),
    ),
];
