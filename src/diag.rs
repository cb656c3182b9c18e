//! The diagnostic model shared by every step: findings about ADRs (what `check` reports) and
//! problems with the run itself (configuration, rule packs, paths).

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use serde::Serialize;

use crate::category::Category;
use crate::source::{FileId, SourceFile};

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
    /// Shared with the rule when it is the rule's own message.
    pub message: Arc<str>,
    pub span: Range<usize>,
    /// Borrowed when it is the same for every finding of a rule.
    pub label: Option<Cow<'static, str>>,
    pub requires: Option<Category>,
    pub category: Option<Category>,
    pub category_source: Option<CategorySource>,
    /// Shared with the rule: a run may report the same advice thousands of times.
    pub help: Option<Arc<str>>,
    pub notes: Vec<String>,
    /// Other spans of the same file that make the finding, each with its label (the pieces of
    /// a design): shown as secondary labels.
    pub related: Vec<(Range<usize>, Cow<'static, str>)>,
    /// Set by [`locate`] while the file's text is at hand.
    pub location: Option<Location>,
}

/// Where a finding is, worked out while its file's text was at hand. A run lets go of each
/// file's text once its findings are located, so that memory grows with the findings rather
/// than with the size of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line and column (in Unicode scalar values) of the span's start.
    pub start: (u32, u32),
    /// The same for the span's end.
    pub end: (u32, u32),
    /// The span's words, lower-cased, white space collapsed: what fingerprints hash.
    pub words: Box<str>,
}

impl Location {
    /// Locates `finding` in `file`.
    pub fn of(finding: &Finding, file: &SourceFile) -> Location {
        let narrow = |(line, column): (usize, usize)| {
            (
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(column).unwrap_or(u32::MAX),
            )
        };
        Location {
            start: narrow(file.line_col(finding.span.start)),
            end: narrow(file.line_col(finding.span.end)),
            words: crate::report::fingerprint::normalised_text(&file.text, finding).into(),
        }
    }
}

impl Finding {
    pub fn new(
        rule: impl Into<Arc<str>>,
        severity: Severity,
        message: impl Into<Arc<str>>,
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
            related: Vec::new(),
            location: None,
        }
    }

    /// 1-based line and column of the start (`1:1` before the finding is located).
    pub fn start(&self) -> (usize, usize) {
        self.location
            .as_ref()
            .map_or((1, 1), |l| (l.start.0 as usize, l.start.1 as usize))
    }

    /// 1-based line and column of the end.
    pub fn end(&self) -> (usize, usize) {
        self.location
            .as_ref()
            .map_or((1, 1), |l| (l.end.0 as usize, l.end.1 as usize))
    }

    /// The words fingerprints hash (empty before the finding is located).
    pub fn words(&self) -> &str {
        self.location.as_ref().map_or("", |l| &l.words)
    }
}

/// Everything `check` learned about one linted file.
#[derive(Debug)]
pub struct FileReport {
    /// Path as shown to the user (relative to the working folder when under it, `/`-separated).
    pub path: String,
    pub text: Text,
    /// Sorted by position, each located.
    pub findings: Vec<Finding>,
}

impl FileReport {
    /// A report on `text`, its findings located in it.
    pub fn new(path: String, text: Arc<str>, mut findings: Vec<Finding>) -> FileReport {
        locate(&mut findings, &text);
        FileReport {
            path,
            text: Text::Kept(text),
            findings,
        }
    }
}

/// Locates the findings not yet located in `text`, their file's text.
pub fn locate(findings: &mut [Finding], text: &Arc<str>) {
    if findings.iter().all(|f| f.location.is_some()) {
        return;
    }
    let file = SourceFile::new("", Arc::clone(text));
    for finding in findings.iter_mut().filter(|f| f.location.is_none()) {
        finding.location = Some(Location::of(finding, &file));
    }
}

/// A file's text, kept, or let go with what tells the same text when the file is read again.
#[derive(Debug, Clone)]
pub enum Text {
    Kept(Arc<str>),
    Released { hash: u64, len: usize },
}

impl Text {
    /// Lets go of `text`, keeping its hash and length.
    pub fn release(text: &str) -> Text {
        Text::Released {
            hash: text_hash(text),
            len: text.len(),
        }
    }

    /// Whether `text` is the text that was kept or let go.
    pub fn matches(&self, text: &str) -> bool {
        match self {
            Text::Kept(kept) => **kept == *text,
            Text::Released { hash, len } => *len == text.len() && text_hash(text) == *hash,
        }
    }
}

/// Cheap, and only compared within one run.
fn text_hash(text: &str) -> u64 {
    use crate::report::fingerprint::{OFFSET, fnv1a};
    fnv1a(text.as_bytes(), OFFSET)
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
