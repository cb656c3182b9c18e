//! The diagnostic model shared by every step: findings about ADRs (what `check` reports) and
//! problems with the run itself (configuration, rule packs, paths).

use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use serde::Serialize;

use crate::category::Category;
use crate::source::FileId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const IDS: [&'static str; 3] = ["error", "warning", "info"];

    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Severity {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            _ => Err(()),
        }
    }
}

impl From<Severity> for codespan_reporting::diagnostic::Severity {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Info => codespan_reporting::diagnostic::Severity::Note,
            Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
            Severity::Error => codespan_reporting::diagnostic::Severity::Error,
        }
    }
}

/// Where the team category that a claim finding was judged against came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategorySource {
    /// The `category = …` value of a manifest (file id in the run's source map).
    Manifest { file: FileId, span: Range<usize> },
    /// `--category` on the command line.
    CommandLine,
}

/// One finding in one ADR. The file is implied by the [`FileReport`] holding it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: Arc<str>,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    pub label: Option<String>,
    pub requires: Option<Category>,
    pub category: Option<Category>,
    pub category_source: Option<CategorySource>,
    pub help: Option<String>,
    pub notes: Vec<String>,
}

impl Finding {
    pub fn new(
        rule: impl Into<Arc<str>>,
        severity: Severity,
        message: impl Into<String>,
        span: Range<usize>,
    ) -> Self {
        Finding {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            label: None,
            requires: None,
            category: None,
            category_source: None,
            help: None,
            notes: Vec::new(),
        }
    }
}

/// Everything `check` learned about one linted file.
#[derive(Debug)]
pub struct FileReport {
    /// Path as shown to the user (relative to the working folder when under it, `/`-separated).
    pub path: String,
    pub source: Arc<str>,
    pub findings: Vec<Finding>,
}

/// A labelled span in a file of the run's source map.
#[derive(Debug, Clone)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
}

/// A problem with the run itself: bad configuration, a rule pack that does not load, a
/// missing path. Errors among them make the run exit 2.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub primary: Option<Label>,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
}

impl Problem {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, message)
        }
    }

    pub fn at(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        self.primary = Some(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn also(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn help(self, help: impl fmt::Display) -> Self {
        self.note(format!("help: {help}"))
    }
}
