//! One pass over pulldown-cmark's events with byte offsets: sections, prose blocks, status,
//! date and the chosen option. Code, HTML, images, struck-out text and link targets are never
//! prose.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::prose::{Block, CODE_PLACEHOLDER, Chunk, OptionRole, Sentence};
use super::sections::{
    classify_heading, is_date_label, is_section_name, label_kind, split_name, status_kind,
};
use super::{Field, Link, Section, SectionKind, Status, StatusKind};

#[derive(Debug, Default)]
pub struct Walked {
    pub title: Option<Field>,
    pub status: Option<Status>,
    pub date: Option<Field>,
    pub sections: Vec<Section>,
    pub sentences: Vec<Sentence>,
    pub chosen_option: Option<String>,
    /// HTML comments outside code, with their spans: where suppression directives live.
    pub comments: Vec<(Range<usize>, String)>,
    /// Link destinations outside code, for the hygiene checks and the decision graph.
    pub links: Vec<Link>,
}

struct Walker<'a> {
    text: &'a str,
    out: Walked,
    chunk: Chunk,
    block: Block,
    heading: Option<(u8, Chunk, Range<usize>)>,
    /// Open sections: (level, kind, index into `out.sections`).
    stack: Vec<(u8, SectionKind, usize)>,
    /// Kind set by a `Decision:`-style label, until the next heading.
    label_kind: Option<SectionKind>,
    skip: usize,
    quote: usize,
    item_depth: usize,
    row: Vec<(String, Range<usize>)>,
    structured: bool,
    /// The span of an HTML block being read (its lines arrive as separate events).
    html: Option<Range<usize>>,
    /// Whether a `**strong**` span opened at the start of the current block.
    strong_at_start: bool,
    /// Where in the current block's text that strong span ended: `**Status** Accepted` is a
    /// label without a colon.
    strong_end: Option<usize>,
}

pub fn walk(text: &str, body_start: usize) -> Walked {
    let body = &text[body_start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut walker = Walker {
        text,
        out: Walked::default(),
        chunk: Chunk::default(),
        block: Block::Paragraph,
        heading: None,
        stack: Vec::new(),
        label_kind: None,
        skip: 0,
        quote: 0,
        item_depth: 0,
        row: Vec::new(),
        structured: false,
        html: None,
        strong_at_start: false,
        strong_end: None,
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        walker.event(event, range);
    }
    walker.flush();
    walker.finish()
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.skip == 0 => self.push(&text, range),
            Event::Code(code) if self.skip == 0 => match self.identifier_at(&code, &range) {
                // A bare identifier in code is a name the prose uses ("a distribution-aware
                // implementation of `TaskManager`"); anything else (a command, a flag, a
                // snippet) is code, which no rule reads.
                Some(inner) => self.push(&code, inner),
                None => self.push(CODE_PLACEHOLDER, range),
            },
            Event::SoftBreak | Event::HardBreak if self.skip == 0 => self.push(" ", range),
            Event::Html(_) => match &mut self.html {
                Some(span) => span.end = range.end,
                None => self.note_comments(range),
            },
            Event::InlineHtml(_) => self.note_comments(range),
            _ => {}
        }
    }

    /// Where an inline code span that holds only an identifier (`TaskManager`,
    /// `IAmACommandProcessor`, `mailbox.counters`) has it in the source.
    fn identifier_at(&self, code: &str, range: &Range<usize>) -> Option<Range<usize>> {
        const LONGEST: usize = 48;
        let mut chars = code.chars();
        let identifier = code.len() <= LONGEST
            && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':'))
            && !code.ends_with(['.', ':']);
        if !identifier {
            return None;
        }
        let source = self.text.get(range.clone())?;
        let at = source.find(code)?;
        let inner = range.start + at..range.start + at + code.len();
        (self.text.get(inner.clone()) == Some(code)).then_some(inner)
    }

    /// Records every complete `<!-- … -->` in `text[range]`, with its exact span.
    fn note_comments(&mut self, range: Range<usize>) {
        let Some(html) = self.text.get(range.clone()) else {
            return;
        };
        let mut from = 0;
        while let Some(open) = html[from..].find("<!--") {
            let start = from + open;
            let Some(close) = html[start + 4..].find("-->") else {
                break;
            };
            let end = start + 4 + close + 3;
            self.out.comments.push((
                range.start + start..range.start + end,
                html[start..end].to_string(),
            ));
            from = end;
        }
    }

    fn push(&mut self, text: &str, range: Range<usize>) {
        match &mut self.heading {
            Some((_, chunk, _)) => chunk.push(text, range, self.text),
            None => self.chunk.push(text, range, self.text),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some((level as u8, Chunk::default(), range));
            }
            Tag::Paragraph if self.block != Block::ListItem => {
                self.flush();
                self.block = Block::Paragraph;
            }
            Tag::Item => {
                self.flush();
                self.item_depth += 1;
                self.block = Block::ListItem;
            }
            Tag::List(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) | Tag::DefinitionList => {
                self.flush()
            }
            Tag::TableHead | Tag::TableRow => self.row.clear(),
            Tag::TableCell => {
                self.flush();
                self.block = Block::TableCell;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::Strong if self.heading.is_none() && self.chunk.text.trim().is_empty() => {
                self.strong_at_start = true;
            }
            Tag::Link { dest_url, .. } if self.skip == 0 => self.out.links.push(Link {
                dest: dest_url.to_string(),
                span: range,
                section: self.stack.last().map(|(_, _, index)| *index),
            }),
            Tag::CodeBlock(_)
            | Tag::Image { .. }
            | Tag::Strikethrough
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_) => {
                self.flush_unless_inline(&tag);
                if matches!(tag, Tag::HtmlBlock) {
                    self.html = Some(range.start..range.start);
                }
                self.skip += 1;
            }
            _ => {}
        }
    }

    fn flush_unless_inline(&mut self, tag: &Tag<'_>) {
        if matches!(
            tag,
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
        ) {
            self.flush();
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::Paragraph => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.item_depth = self.item_depth.saturating_sub(1);
                self.block = if self.item_depth > 0 {
                    Block::ListItem
                } else {
                    Block::Paragraph
                };
            }
            TagEnd::TableCell => {
                let text = self.chunk.text.trim().to_string();
                let span = self.chunk.pieces.first().map(|p| p.src.start).unwrap_or(0)
                    ..self.chunk.pieces.last().map(|p| p.src.end).unwrap_or(0);
                self.row.push((text, span));
                self.flush();
                self.block = Block::Paragraph;
            }
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::Strong if self.strong_at_start => {
                self.strong_at_start = false;
                self.strong_end = Some(self.chunk.text.len());
            }
            TagEnd::CodeBlock
            | TagEnd::Image
            | TagEnd::Strikethrough
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_) => {
                if let (TagEnd::HtmlBlock, Some(span)) = (tag, self.html.take()) {
                    self.note_comments(span);
                }
                self.skip = self.skip.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn end_heading(&mut self) {
        let Some((level, chunk, range)) = self.heading.take() else {
            return;
        };
        let title = chunk.text.trim().to_string();
        if title.is_empty() {
            return;
        }
        // A first `## Status` or `# Decision` (under a front matter title) is a section.
        let is_document_title = self.out.title.is_none()
            && (level == 1 || self.out.sections.is_empty())
            && !is_section_name(&title);
        while self.stack.last().is_some_and(|(l, _, _)| *l >= level) {
            self.stack.pop();
        }
        let parent = self.stack.last().map(|(_, kind, _)| *kind);
        let kind = if is_document_title {
            SectionKind::Other
        } else {
            match (classify_heading(&title), parent) {
                (SectionKind::Other, Some(parent)) => parent,
                // "## Alternative approaches / #### Transaction priority design": a design
                // under an alternative, the context or the consequences is theirs.
                (
                    SectionKind::Decision,
                    Some(
                        parent @ (SectionKind::Options
                        | SectionKind::Context
                        | SectionKind::Consequences
                        | SectionKind::Notes),
                    ),
                ) => parent,
                (kind, _) => kind,
            }
        };
        // A Summary or References heading alone does not make a house style's prose anything
        // but its decision.
        if !matches!(
            kind,
            SectionKind::Other | SectionKind::Status | SectionKind::Summary | SectionKind::Notes
        ) {
            self.structured = true;
        }
        if is_document_title {
            let span = chunk
                .pieces
                .first()
                .map(|p| p.src.start)
                .unwrap_or(range.start)
                ..chunk.pieces.last().map(|p| p.src.end).unwrap_or(range.end);
            self.out.title = Some(Field {
                value: title.clone(),
                span,
            });
        }
        let index = self.out.sections.len();
        self.out.sections.push(Section {
            title,
            level,
            kind,
            heading_span: range,
        });
        self.stack.push((level, kind, index));
        self.label_kind = None;
        if !is_document_title {
            let option = if parent == Some(SectionKind::Options) && kind == SectionKind::Options {
                OptionRole::Title
            } else {
                OptionRole::None
            };
            self.emit(&chunk, kind, Block::Heading, option);
        }
    }

    fn end_row(&mut self) {
        if let [(label, _), (value, span), ..] = self.row.as_slice() {
            let label = label
                .trim_matches(|c: char| c == '*' || c == ':' || c.is_whitespace())
                .to_lowercase();
            if label == "status" && self.out.status.is_none() && !value.is_empty() {
                self.out.status = Some(Status {
                    kind: status_kind(value),
                    value: value.clone(),
                    span: span.clone(),
                });
            } else if label == "date" && self.out.date.is_none() && !value.is_empty() {
                self.out.date = Some(Field {
                    value: value.clone(),
                    span: span.clone(),
                });
            }
        }
        self.row.clear();
    }

    fn section_kind(&self) -> SectionKind {
        self.stack
            .last()
            .map(|(_, kind, _)| *kind)
            .unwrap_or(SectionKind::Other)
    }

    /// Ends the current prose block: reads labels, status and date from it, then splits it into
    /// sentences.
    fn flush(&mut self) {
        let chunk = std::mem::take(&mut self.chunk);
        let strong_end = self.strong_end.take();
        self.strong_at_start = false;
        if chunk.is_blank() {
            return;
        }
        let section_kind = self.section_kind();
        let mut kind = self.label_kind.unwrap_or(section_kind);
        let trimmed = chunk.text.trim_start();
        let lead = chunk.text.len() - trimmed.len();
        // `Status: Accepted`, `**Status:** Accepted`, or a bold name and its value without a
        // colon: `**Status** Accepted`.
        let named = split_name(trimmed).or_else(|| {
            let end = strong_end?.checked_sub(lead)?;
            let (name, rest) = (trimmed.get(..end)?, trimmed.get(end..)?);
            let value = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
            (!value.trim().is_empty() && name.split_whitespace().count() <= 4)
                .then(|| (name, trimmed.len() - value.len()))
        });
        let label = named.and_then(|(name, start)| Some((label_kind(name)?, start)));
        if let Some((label, value_start)) = label {
            kind = label;
            if label == SectionKind::Status {
                self.note_status(&chunk, lead + value_start);
            } else {
                self.label_kind = Some(label);
                self.structured = true;
            }
        } else if section_kind == SectionKind::Status && self.label_kind.is_none() {
            self.note_status(&chunk, lead);
        }
        if let Some((name, start)) = named
            && is_date_label(name)
            && self.out.date.is_none()
        {
            let rest = &trimmed[start..];
            let value = rest.lines().next().unwrap_or("").trim().to_string();
            if !value.is_empty() {
                let start = lead + start;
                let sentence_span = span_of(&chunk, start..start + value.len());
                self.out.date = Some(Field {
                    value,
                    span: sentence_span,
                });
            }
        }
        if kind == SectionKind::Decision && self.out.chosen_option.is_none() {
            self.out.chosen_option = chosen_option(trimmed);
        }
        let option = if section_kind == SectionKind::Options
            && self.block == Block::ListItem
            && self.item_depth == 1
        {
            OptionRole::Title
        } else {
            OptionRole::None
        };
        let block = self.block;
        self.emit(&chunk, kind, block, option);
    }

    fn note_status(&mut self, chunk: &Chunk, value_start: usize) {
        let rest = &chunk.text[value_start.min(chunk.text.len())..];
        let value = rest
            .trim()
            .split(['.', ',', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if value.is_empty() {
            return;
        }
        let kind = status_kind(&value);
        let replace = match &self.out.status {
            None => true,
            Some(current) => !current.kind.is_inactive() && kind.is_inactive(),
        };
        if replace {
            let start = value_start + (rest.len() - rest.trim_start().len());
            let span = span_of(chunk, start..start + value.len());
            self.out.status = Some(Status { value, kind, span });
        }
    }

    fn emit(&mut self, chunk: &Chunk, kind: SectionKind, block: Block, option: OptionRole) {
        let section = self.stack.last().map(|(_, _, index)| *index);
        for (range, pieces) in chunk.sentences() {
            self.out.sentences.push(Sentence {
                text: chunk.text[range].to_string(),
                pieces,
                kind,
                section,
                block,
                quoted: self.quote > 0,
                option,
            });
        }
    }

    fn finish(mut self) -> Walked {
        super::options::mark_chosen(
            &mut self.out.sentences,
            &self.out.sections,
            self.out.chosen_option.as_deref(),
        );
        // A house style with no recognised sections: its prose is its decision.
        if !self.structured {
            for sentence in &mut self.out.sentences {
                if sentence.kind == SectionKind::Other {
                    sentence.kind = SectionKind::Decision;
                }
            }
        }
        if self
            .out
            .status
            .as_ref()
            .is_some_and(|s| s.kind == StatusKind::Unknown && s.value.len() > 60)
        {
            self.out.status = None;
        }
        self.out
    }
}

fn span_of(chunk: &Chunk, range: Range<usize>) -> Range<usize> {
    let sentence = Sentence {
        text: chunk.text.clone(),
        pieces: chunk.pieces.clone(),
        kind: SectionKind::Other,
        section: None,
        block: Block::Paragraph,
        quoted: false,
        option: OptionRole::None,
    };
    sentence.source_span(range)
}

/// The option named by `Chosen option: "X", because …`.
fn chosen_option(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("chosen option")?;
    let rest = text
        .get(at + "chosen option".len()..)?
        .trim_start_matches([':', ' ', '\t']);
    let mut chars = rest.chars();
    let first = chars.next()?;
    let name = match first {
        '"' | '\u{201c}' | '\'' | '\u{2018}' => {
            let close = match first {
                '\u{201c}' => '\u{201d}',
                '\u{2018}' => '\u{2019}',
                other => other,
            };
            let inner = &rest[first.len_utf8()..];
            inner.split(close).next().unwrap_or(inner)
        }
        _ => rest.split([',', '.', ';']).next().unwrap_or(rest),
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_option_forms() {
        assert_eq!(
            chosen_option("Chosen option: \"Use Nomad\", because it fits"),
            Some("Use Nomad".into())
        );
        assert_eq!(
            chosen_option("Chosen option: Use Nomad, because"),
            Some("Use Nomad".into())
        );
        assert_eq!(chosen_option("We liked it"), None);
    }
}
