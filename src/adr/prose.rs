//! Prose as the engine sees it: the text of one sentence, joined from the Markdown inline
//! pieces it was made of, with a map back to byte offsets in the file.

use std::ops::Range;

use super::SectionKind;

/// A run of sentence text copied from `source[src]`. When the text differs from the source
/// (an entity, an escape, a soft break), offsets inside it snap to the run's ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text_start: usize,
    pub src: Range<usize>,
    pub exact: bool,
}

/// Where a sentence sits in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph,
    ListItem,
    TableCell,
    Heading,
}

/// Whether a sentence names one of the considered options, and whether that one was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionRole {
    None,
    Title,
    ChosenTitle,
    /// Text under the chosen option's heading: what was chosen, read as decision text.
    ChosenBody,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub kind: SectionKind,
    /// Index into `Adr::sections` of the section holding it (`None` before the first heading).
    pub section: Option<usize>,
    pub block: Block,
    /// Inside a block quote.
    pub quoted: bool,
    pub option: OptionRole,
}

impl Sentence {
    /// Byte range in the file for a byte range of `self.text`.
    pub fn source_span(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map_start(range.start);
        let end = self.map_end(range.end).max(start);
        start..end
    }

    /// The whole sentence's byte range in the file.
    pub fn span(&self) -> Range<usize> {
        self.source_span(0..self.text.len())
    }

    fn piece_at(&self, offset: usize, inclusive_end: bool) -> Option<&Piece> {
        let index = self.pieces.partition_point(|p| {
            if inclusive_end {
                p.text_start < offset
            } else {
                p.text_start <= offset
            }
        });
        self.pieces.get(index.checked_sub(1)?)
    }

    fn map_start(&self, offset: usize) -> usize {
        match self.piece_at(offset, false) {
            Some(piece) if piece.exact => {
                (piece.src.start + offset - piece.text_start).min(piece.src.end)
            }
            Some(piece) if offset == piece.text_start => piece.src.start,
            Some(piece) => piece.src.end,
            None => self.pieces.first().map_or(0, |p| p.src.start),
        }
    }

    fn map_end(&self, offset: usize) -> usize {
        match self.piece_at(offset, true) {
            Some(piece) if piece.exact => {
                (piece.src.start + offset - piece.text_start).min(piece.src.end)
            }
            Some(piece) => piece.src.end,
            None => self.pieces.first().map_or(0, |p| p.src.start),
        }
    }
}

/// Inline text of one block, accumulated piece by piece.
#[derive(Debug, Default)]
pub struct Chunk {
    pub text: String,
    pub pieces: Vec<Piece>,
}

/// Stands for inline code inside prose: not matchable as words, not a sentence end.
pub const CODE_PLACEHOLDER: &str = "\u{2039}\u{203a}";

impl Chunk {
    pub fn push(&mut self, text: &str, src: Range<usize>, source: &str) {
        if text.is_empty() {
            return;
        }
        let exact = source.get(src.clone()) == Some(text);
        self.pieces.push(Piece {
            text_start: self.text.len(),
            src,
            exact,
        });
        self.text.push_str(text);
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Splits into sentences. A sentence ends at `.`, `!` or `?` followed by white space (or a
    /// closing quote or bracket and white space), unless the word before is an abbreviation.
    pub fn sentences(&self) -> Vec<(Range<usize>, Vec<Piece>)> {
        let mut out = Vec::new();
        let bytes = self.text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') {
                let mut end = i + 1;
                while end < bytes.len()
                    && matches!(bytes[end], b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?')
                {
                    end += 1;
                }
                let at_break = end >= bytes.len() || bytes[end].is_ascii_whitespace();
                if at_break && !(b == b'.' && ends_with_abbreviation(&self.text[start..i])) {
                    self.emit(start..end, &mut out);
                    start = end;
                }
                i = end;
            } else {
                i += 1;
            }
        }
        self.emit(start..self.text.len(), &mut out);
        out
    }

    fn piece_end(&self, index: usize) -> usize {
        self.pieces
            .get(index + 1)
            .map_or(self.text.len(), |p| p.text_start)
    }

    fn emit(&self, range: Range<usize>, out: &mut Vec<(Range<usize>, Vec<Piece>)>) {
        let text = &self.text[range.clone()];
        let trimmed_start = range.start + (text.len() - text.trim_start().len());
        let trimmed_end = range.start + text.trim_end().len();
        if trimmed_start >= trimmed_end {
            return;
        }
        let range = trimmed_start..trimmed_end;
        let mut pieces = Vec::new();
        // Piece ends ascend, so the first piece reaching into the sentence is a binary search away.
        let (mut low, mut high) = (0, self.pieces.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.piece_end(mid) <= range.start {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let first = low;
        for index in first..self.pieces.len() {
            let piece = &self.pieces[index];
            let piece_end = self.piece_end(index);
            if piece.text_start >= range.end {
                break;
            }
            let cut_front = range.start.saturating_sub(piece.text_start);
            let cut_back = piece_end.saturating_sub(range.end);
            let src = if piece.exact {
                let len = piece.src.end - piece.src.start;
                piece.src.start + cut_front.min(len)..piece.src.end - cut_back.min(len)
            } else {
                piece.src.clone()
            };
            pieces.push(Piece {
                text_start: (piece.text_start + cut_front) - range.start,
                src,
                exact: piece.exact,
            });
        }
        out.push((range, pieces));
    }
}

fn ends_with_abbreviation(before: &str) -> bool {
    const ABBREVIATIONS: [&str; 14] = [
        "e.g", "i.e", "etc", "vs", "cf", "incl", "approx", "eg", "ie", "mr", "dr", "no", "fig",
        "resp",
    ];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    // A single letter ("A. Smith") or a version-like token ends no sentence either.
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(text: &str) -> Chunk {
        let mut c = Chunk::default();
        c.push(text, 0..text.len(), text);
        c
    }

    fn texts(text: &str) -> Vec<String> {
        let c = chunk(text);
        c.sentences()
            .into_iter()
            .map(|(r, _)| c.text[r].to_string())
            .collect()
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(
            texts("We use Nomad. It fits, e.g. for batch jobs! Done?"),
            vec!["We use Nomad.", "It fits, e.g. for batch jobs!", "Done?"]
        );
    }

    #[test]
    fn versions_and_decimals_do_not_split() {
        assert_eq!(
            texts("Use v1.2.3 of the client."),
            vec!["Use v1.2.3 of the client."]
        );
    }

    #[test]
    fn maps_spans_back_across_pieces() {
        // "We **build** it" parsed as three pieces.
        let source = "We **build** it.";
        let mut c = Chunk::default();
        c.push("We ", 0..3, source);
        c.push("build", 5..10, source);
        c.push(" it.", 12..16, source);
        let (range, pieces) = c.sentences().remove(0);
        let sentence = Sentence {
            text: c.text[range].to_string(),
            pieces,
            kind: SectionKind::Decision,
            section: None,
            block: Block::Paragraph,
            quoted: false,
            option: OptionRole::None,
        };
        assert_eq!(sentence.text, "We build it.");
        assert_eq!(sentence.source_span(3..8), 5..10);
        assert_eq!(&source[sentence.source_span(0..12)], source);
    }
}
