//! Project manifests as evidence (SPEC 2.3): the build and deployment manifests beside the
//! ADRs show what the team really runs. A Kafka client in `Cargo.toml` shows framework use; a
//! Raft library shows framework creation.
//!
//! The steps: [`scan`] walks a team's folder for manifests and parses each with its own
//! parser (one module per format, every dependency with its byte span) → the evidence pack
//! ([`pack`], `rules/evidence.toml`) says what each dependency shows → [`findings`] turns
//! evidence above the declared category into `category-contradicted` findings.

mod cargo;
mod docker;
pub mod findings;
mod go;
mod gradle;
mod maven;
mod npm;
pub mod pack;
mod pypi;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ignore::WalkBuilder;
use rayon::prelude::*;

use crate::category::Category;
use crate::diag::Problem;
use crate::manifest::FILE_NAMES;
use crate::source::{SourceFile, SourceMap, ceil_char_boundary, floor_char_boundary};

pub use findings::{Contradictions, Team, contradictions};
pub use pack::{EVIDENCE_PACK, Entry, EvidencePack};

/// Package ecosystems, as the evidence pack names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ecosystem {
    Cargo,
    Npm,
    Pypi,
    Maven,
    Go,
    Docker,
}

impl Ecosystem {
    pub const ALL: [Ecosystem; 6] = [
        Ecosystem::Cargo,
        Ecosystem::Npm,
        Ecosystem::Pypi,
        Ecosystem::Maven,
        Ecosystem::Go,
        Ecosystem::Docker,
    ];
    pub const IDS: [&'static str; 6] = ["cargo", "npm", "pypi", "maven", "go", "docker"];

    pub fn id(self) -> &'static str {
        match self {
            Ecosystem::Cargo => "cargo",
            Ecosystem::Npm => "npm",
            Ecosystem::Pypi => "pypi",
            Ecosystem::Maven => "maven",
            Ecosystem::Go => "go",
            Ecosystem::Docker => "docker",
        }
    }

    pub fn from_id(id: &str) -> Option<Ecosystem> {
        Ecosystem::ALL.into_iter().find(|e| e.id() == id)
    }

    /// The names a dependency is matched under: the name as the ecosystem's registry
    /// compares it, plus looser forms (a Python package without its extras, a Go module
    /// without its major-version suffix, an image without its registry host).
    pub fn candidates(self, name: &str) -> Vec<String> {
        let name = name.trim();
        match self {
            // crates.io treats `-` and `_` alike.
            Ecosystem::Cargo => vec![name.to_ascii_lowercase().replace('_', "-")],
            Ecosystem::Npm | Ecosystem::Maven => vec![name.to_ascii_lowercase()],
            Ecosystem::Pypi => pypi::candidates(name),
            Ecosystem::Go => {
                let lower = name.to_ascii_lowercase();
                let mut out = vec![lower.clone()];
                if let Some((base, major)) = lower.rsplit_once("/v")
                    && !major.is_empty()
                    && major.bytes().all(|b| b.is_ascii_digit())
                {
                    out.push(base.to_string());
                }
                out
            }
            Ecosystem::Docker => docker::candidates(name),
        }
    }
}

/// The manifest formats adrlint reads, recognised by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    CargoToml,
    PackageJson,
    Pyproject,
    Requirements,
    Pom,
    Gradle,
    GoMod,
    Compose,
}

impl Format {
    /// The format of a file named `name`, if it is a manifest adrlint reads.
    pub fn of(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let yaml = lower.ends_with(".yml") || lower.ends_with(".yaml");
        match name {
            "Cargo.toml" => Some(Format::CargoToml),
            "package.json" => Some(Format::PackageJson),
            "pyproject.toml" => Some(Format::Pyproject),
            "pom.xml" => Some(Format::Pom),
            "build.gradle" | "build.gradle.kts" => Some(Format::Gradle),
            "go.mod" => Some(Format::GoMod),
            _ if lower.starts_with("requirements") && lower.ends_with(".txt") => {
                Some(Format::Requirements)
            }
            _ if yaml && is_compose(&lower) => Some(Format::Compose),
            _ => None,
        }
    }

    pub fn ecosystem(self) -> Ecosystem {
        match self {
            Format::CargoToml => Ecosystem::Cargo,
            Format::PackageJson => Ecosystem::Npm,
            Format::Pyproject | Format::Requirements => Ecosystem::Pypi,
            Format::Pom | Format::Gradle => Ecosystem::Maven,
            Format::GoMod => Ecosystem::Go,
            Format::Compose => Ecosystem::Docker,
        }
    }

    /// What the format is written in, for "`x` is not valid TOML" messages.
    fn language(self) -> &'static str {
        match self {
            Format::CargoToml | Format::Pyproject => "TOML",
            Format::PackageJson => "JSON",
            Format::Pom => "XML",
            Format::Compose => "YAML",
            Format::Requirements => "requirements syntax",
            Format::Gradle => "Gradle syntax",
            Format::GoMod => "go.mod syntax",
        }
    }

    pub fn parse(self, text: &str) -> Result<Vec<Dependency>, ParseError> {
        match self {
            Format::CargoToml => cargo::parse(text),
            Format::PackageJson => npm::parse(text),
            Format::Pyproject => pypi::parse_pyproject(text),
            Format::Requirements => Ok(pypi::parse_requirements(text)),
            Format::Pom => maven::parse(text),
            Format::Gradle => Ok(gradle::parse(text)),
            Format::GoMod => go::parse(text),
            Format::Compose => docker::parse(text),
        }
    }
}

/// `docker-compose*.yml` and `compose*.yaml` (`compose.override.yaml`, `docker-compose-dev.yml`),
/// but not `composer.yml`.
fn is_compose(lower: &str) -> bool {
    ["docker-compose", "compose"].iter().any(|stem| {
        lower
            .strip_prefix(stem)
            .is_some_and(|rest| rest.starts_with(['.', '-', '_']))
    })
}

/// One dependency (or image) as a manifest names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// As written: `rdkafka`, `dask[distributed]`, `org.apache.kafka:kafka-clients`,
    /// `bitnami/kafka:3.6`.
    pub name: String,
    /// Byte span in the manifest of the name (the key, string or element that names it).
    pub span: Range<usize>,
}

impl Dependency {
    fn new(name: impl Into<String>, span: Range<usize>) -> Self {
        Dependency {
            name: name.into(),
            span,
        }
    }
}

/// Why a manifest could not be read, with the span of the problem when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl ParseError {
    fn new(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        ParseError {
            message: message.into(),
            span,
        }
    }

    /// From a toml error (Cargo.toml, pyproject.toml).
    fn toml(error: &toml::de::Error, text: &str) -> Self {
        let span = error
            .span()
            .map(|s| s.start.min(text.len())..s.end.min(text.len()));
        ParseError::new(error.message().trim(), span)
    }
}

/// The span from `offset` to the end of its line: where a parser that reports a position
/// (not a range) found a problem.
fn rest_of_line(text: &str, offset: usize) -> Range<usize> {
    let start = floor_char_boundary(text, offset.min(text.len()));
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    start..end.max(start)
}

/// The byte offset of a 1-based line and column; columns count characters when `chars`,
/// else bytes.
fn offset_of(text: &str, line: usize, column: usize, chars: bool) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[start..];
    let line_end = line_text.find('\n').unwrap_or(line_text.len());
    let within = if chars {
        line_text[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_end, |(i, _)| i)
    } else {
        column.saturating_sub(1).min(line_end)
    };
    ceil_char_boundary(text, start + within)
}

/// A project manifest found beside the ADRs, parsed.
#[derive(Debug)]
pub struct ProjectManifest {
    pub path: PathBuf,
    /// As shown to the user (relative to the working folder when under it).
    pub display: String,
    pub format: Format,
    pub text: Arc<str>,
    pub dependencies: Vec<Dependency>,
}

impl ProjectManifest {
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.display.clone())
    }
}

/// A dependency that the evidence pack knows.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// Index into [`Scan::manifests`].
    pub manifest: usize,
    pub package: String,
    pub span: Range<usize>,
    pub ecosystem: Ecosystem,
    /// The pack's human name: "Kafka client", "Raft library".
    pub name: Arc<str>,
    pub shows: Category,
}

/// Every manifest under a folder and the evidence in them, sorted by path then position.
#[derive(Debug, Default)]
pub struct Scan {
    pub manifests: Vec<ProjectManifest>,
    pub evidence: Vec<Evidence>,
}

impl Scan {
    /// The highest category any evidence shows; a project without evidence shows
    /// `data-product-user`.
    pub fn shown(&self) -> Category {
        self.evidence
            .iter()
            .map(|e| e.shows)
            .max()
            .unwrap_or(Category::DataProductUser)
    }
}

#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Leave folders holding their own adrlint.toml to the team that manifest declares.
    pub skip_nested_teams: bool,
    /// Larger manifests are skipped with a warning.
    pub max_file_size: u64,
}

/// Folders never walked: build output and vendored or installed dependencies, which name
/// other projects' dependencies, not the team's.
const SKIPPED_DIRS: [&str; 3] = ["target", "node_modules", "vendor"];

/// The manifest files under `root` (a folder or one file), sorted, honouring `.gitignore`
/// and skipping hidden folders, [`SKIPPED_DIRS`] and, when asked, nested teams' folders.
pub fn manifest_files(
    root: &Path,
    options: &ScanOptions,
) -> (Vec<(PathBuf, Format)>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    // The folder of a manifest given as a bare file name is the working folder.
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    if root.is_file() {
        if let Some(format) = root
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(Format::of)
        {
            found.push((root.to_path_buf(), format));
        }
        return (found, problems);
    }
    let skip_nested = options.skip_nested_teams;
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            if entry.depth() == 0 || !entry.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let name = entry.file_name().to_string_lossy();
            if SKIPPED_DIRS.contains(&name.as_ref()) {
                return false;
            }
            !(skip_nested && FILE_NAMES.iter().any(|f| entry.path().join(f).is_file()))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let format = entry.file_name().to_str().and_then(Format::of);
                if let Some(format) = format {
                    found.push((entry.into_path(), format));
                }
            }
            Err(error) => problems.push(Problem::warning(
                "unreadable-path",
                format!(
                    "while looking for project manifests in `{}`: {error}",
                    crate::paths::display(root)
                ),
            )),
        }
    }
    (found, problems)
}

/// Reads and parses every manifest under `root` and matches its dependencies against the
/// pack. Unreadable or malformed manifests are warnings in `problems`; the rest go on.
pub fn scan(
    root: &Path,
    options: &ScanOptions,
    pack: &EvidencePack,
    sources: &mut SourceMap,
    problems: &mut Vec<Problem>,
) -> Scan {
    let (files, walk_problems) = manifest_files(root, options);
    problems.extend(walk_problems);
    let read: Vec<_> = files
        .par_iter()
        .map(|(path, format)| read_manifest(path, *format, options.max_file_size))
        .collect();
    let mut scan = Scan::default();
    for ((path, format), result) in files.into_iter().zip(read) {
        let display = crate::paths::display(&path);
        match result {
            Read::Parsed(text, Ok(dependencies)) => scan.manifests.push(ProjectManifest {
                path,
                display,
                format,
                text,
                dependencies,
            }),
            Read::Parsed(text, Err(error)) => {
                let file = sources.add(SourceFile::new(display.as_str(), text));
                let mut problem = Problem::warning(
                    "invalid-project-manifest",
                    format!(
                        "`{display}` is not valid {}: {}",
                        format.language(),
                        error.message
                    ),
                );
                if let Some(span) = error.span {
                    problem = problem.at(file, span, "here");
                }
                problems.push(problem.note(
                    "its dependencies are not evidence until it parses; the ADRs are still checked",
                ));
            }
            Read::Failed(message) => problems.push(Problem::warning(
                "invalid-project-manifest",
                format!("`{display}`: {message}; skipped as evidence"),
            )),
        }
    }
    for (index, manifest) in scan.manifests.iter().enumerate() {
        let ecosystem = manifest.format.ecosystem();
        for dependency in &manifest.dependencies {
            if let Some(entry) = pack.find(ecosystem, &dependency.name) {
                scan.evidence.push(Evidence {
                    manifest: index,
                    package: dependency.name.clone(),
                    span: dependency.span.clone(),
                    ecosystem,
                    name: Arc::clone(&entry.name),
                    shows: entry.shows,
                });
            }
        }
    }
    scan.evidence.sort_by(|a, b| {
        (a.manifest, a.span.start, &a.package).cmp(&(b.manifest, b.span.start, &b.package))
    });
    scan
}

enum Read {
    Parsed(Arc<str>, Result<Vec<Dependency>, ParseError>),
    Failed(String),
}

fn read_manifest(path: &Path, format: Format, max_size: u64) -> Read {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > max_size => {
            return Read::Failed(format!(
                "{} bytes, over the {max_size}-byte limit",
                meta.len()
            ));
        }
        Ok(_) => {}
        Err(error) => return Read::Failed(format!("cannot read it: {error}")),
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return Read::Failed(format!("cannot read it: {error}")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            return Read::Failed(format!(
                "not valid UTF-8 at byte {}",
                error.utf8_error().valid_up_to()
            ));
        }
    };
    // A BOM is not part of any format's syntax; blank it so offsets stay those of the file.
    let parsed = match text.strip_prefix('\u{feff}') {
        Some(rest) => format.parse(&format!("   {rest}")),
        None => format.parse(&text),
    };
    // Labels are sliced out of the text when rendered: keep every span inside it and on
    // character boundaries, whatever a parser reported.
    let parsed = match parsed {
        Ok(mut dependencies) => {
            for dependency in &mut dependencies {
                dependency.span = clamp(&text, &dependency.span);
            }
            Ok(dependencies)
        }
        Err(mut error) => {
            error.span = error.span.map(|span| clamp(&text, &span));
            Err(error)
        }
    };
    Read::Parsed(Arc::from(text), parsed)
}

fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = ceil_char_boundary(text, span.end.min(text.len())).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_manifest_names() {
        assert_eq!(Format::of("Cargo.toml"), Some(Format::CargoToml));
        assert_eq!(
            Format::of("requirements-dev.txt"),
            Some(Format::Requirements)
        );
        assert_eq!(Format::of("docker-compose.prod.yml"), Some(Format::Compose));
        assert_eq!(Format::of("compose.yaml"), Some(Format::Compose));
        assert_eq!(Format::of("build.gradle.kts"), Some(Format::Gradle));
        assert_eq!(Format::of("cargo.toml"), None);
        assert_eq!(Format::of("notes.txt"), None);
        assert_eq!(Format::of("composer.json"), None);
        assert_eq!(Format::of("composer.yml"), None);
        assert_eq!(Format::of("compose.override.yml"), Some(Format::Compose));
    }

    #[test]
    fn candidates_normalise_per_ecosystem() {
        assert_eq!(
            Ecosystem::Cargo.candidates("Async_Raft"),
            vec!["async-raft"]
        );
        assert_eq!(
            Ecosystem::Go.candidates("go.etcd.io/raft/v3"),
            vec!["go.etcd.io/raft/v3", "go.etcd.io/raft"]
        );
        assert_eq!(
            Ecosystem::Go.candidates("github.com/x/vault"),
            vec!["github.com/x/vault"]
        );
    }

    /// No parser panics on any prefix of a manifest (truncated, unterminated, half a
    /// character), and every span it gives lies inside the text on character boundaries.
    #[test]
    fn parsers_survive_every_truncation() {
        let samples = [
            "[dependencies]\nrdkafka = { version = \"0.36\", package = \"é\" }\n[target.'cfg(unix)'.dependencies]\nraft = \"0.7\"\n",
            "{\"dependencies\": {\"kafkajs\": \"2\", \"k\\u00e9\": [1, {\"a\": \"}\"}]}}",
            "[project]\ndependencies = [\"dask[distributed] >= 1\", '''pyspark''']\n[tool.poetry.dependencies]\nray = { extras = [\"é\"] }\n",
            "pyspark==3 # é\nconfluent-kafka[avro] \\\n  --hash=x\n-r x.txt\n",
            "<project><dependencies><dependency><groupId>é</groupId><artifactId> kafka-clients </artifactId></dependency></dependencies></project>",
            "dependencies {\n  implementation 'org.apache.kafka:kafka-clients:3' // é\n  api(group = \"a\", name = \"b\")\n  /* é */ runtimeOnly(\"x:y:1\")\n}\n",
            "module x\nrequire (\n\t\"go.etcd.io/raft/v3\" v3.5.0 // é\n)\nrequire github.com/hashicorp/raft v1\n",
            "services:\n  a:\n    image: \"bitnami/kafka:3\"\n  b:\n    image: é/x\n",
        ];
        let formats = [
            Format::CargoToml,
            Format::PackageJson,
            Format::Pyproject,
            Format::Requirements,
            Format::Pom,
            Format::Gradle,
            Format::GoMod,
            Format::Compose,
        ];
        for sample in samples {
            for end in (0..=sample.len()).filter(|&i| sample.is_char_boundary(i)) {
                let text = &sample[..end];
                for format in formats {
                    let spans: Vec<Range<usize>> = match format.parse(text) {
                        Ok(deps) => deps.into_iter().map(|d| d.span).collect(),
                        Err(error) => error.span.into_iter().collect(),
                    };
                    for span in spans {
                        assert!(
                            span.start <= span.end && text.get(span.clone()).is_some(),
                            "{format:?} gave {span:?} in {text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn offsets_from_line_and_column() {
        let text = "ab\ncdé\nf";
        assert_eq!(offset_of(text, 2, 3, true), 5);
        assert_eq!(offset_of(text, 3, 1, false), 8);
        assert_eq!(offset_of(text, 9, 1, false), text.len());
        assert_eq!(rest_of_line(text, 3), 3..7);
    }
}
