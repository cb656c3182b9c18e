//! Source files kept for rendering: line starts, 1-based line/column lookup and the
//! `codespan_reporting::files::Files` implementation shared by ADRs, manifests and rule packs.

use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::files::{Error as FilesError, Files};

pub type FileId = usize;

/// One text file with precomputed line starts. Columns count Unicode scalar values.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let line_starts = line_starts(&text);
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 0-based line index containing `byte`.
    pub fn line_index(&self, byte: usize) -> usize {
        match self.line_starts.binary_search(&byte) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// 1-based line and column (in Unicode scalar values) of `byte`.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(&self.text, byte.min(self.text.len()));
        let line = self.line_index(byte);
        let start = self.line_starts[line];
        let column = match self.text.get(start..byte) {
            Some(before) => before.chars().count() + 1,
            None => 1,
        };
        (line + 1, column)
    }

    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        Some(start..end)
    }
}

/// Byte offsets where lines start. `\n`, `\r\n` and a lone `\r` all end a line. A leading
/// byte-order mark is not part of line 1, so columns match what editors show.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut starts = vec![first];
    let mut i = first;
    while let Some(offset) = memchr_line_end(&bytes[i..]) {
        let at = i + offset;
        let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        starts.push(next);
        i = next;
    }
    starts
}

fn memchr_line_end(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n' || b == b'\r')
}

pub fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

pub fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// All files a run may point a label at.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id)
    }

    /// Runs `render` with `file` added to the map for as long as it runs: a linted file's
    /// text is read again only while its diagnostics print.
    pub fn with_file<R>(
        &mut self,
        file: SourceFile,
        render: impl FnOnce(&SourceMap, FileId) -> R,
    ) -> R {
        let id = self.add(file);
        let result = render(self, id);
        self.files.truncate(id);
        result
    }

    fn file(&self, id: FileId) -> Result<&SourceFile, FilesError> {
        self.files.get(id).ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.file(id)?.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.file(id)?;
        file.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: file.line_starts.len().saturating_sub(1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values() {
        let file = SourceFile::new("a.md", "héllo wörld\nsecond");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col("héllo w".len()), (1, 8));
        assert_eq!(file.line_col("héllo wörld\n".len()), (2, 1));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let file = SourceFile::new("a.md", "one\r\ntwo\rthree\n");
        assert_eq!(file.line_col(5), (2, 1));
        assert_eq!(file.line_col(9), (3, 1));
        assert_eq!(file.line_col(11), (3, 3));
    }

    #[test]
    fn bom_is_not_a_column() {
        let file = SourceFile::new("a.md", "\u{feff}# Title");
        assert_eq!(file.line_col(3), (1, 1));
        assert_eq!(file.line_col(5), (1, 3));
    }

    #[test]
    fn offsets_inside_a_char_round_down() {
        let file = SourceFile::new("a.md", "é");
        assert_eq!(file.line_col(1), (1, 1));
    }
}
