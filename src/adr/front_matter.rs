//! YAML front matter: split off by hand at byte 0 only (a `---` rule later in a document is a
//! thematic break, not metadata), then read loosely with serde-saphyr.

use std::ops::Range;

use serde::Deserialize;
use serde::de::IgnoredAny;

/// A front matter block and the fields adrlint reads from it.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// The whole block including both `---` fences.
    pub span: Range<usize>,
    pub title: Option<Field>,
    pub status: Option<Field>,
    pub date: Option<Field>,
    /// A YAML error: message and the byte span it points at.
    pub error: Option<(String, Range<usize>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub value: String,
    pub span: Range<usize>,
}

/// Where the front matter ends and the body begins, when `text[start..]` opens with `---`.
/// Returns `(yaml_range, block_end)`; `None` when there is no front matter. An opening fence
/// with no closing fence is not front matter.
pub fn split(text: &str, start: usize) -> Option<(Range<usize>, usize)> {
    let rest = text.get(start..)?;
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end_matches('\r').trim_end() != "---" {
        return None;
    }
    let yaml_start = start + first_line_end + 1;
    let mut line_start = yaml_start;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map(|i| line_start + i)
            .unwrap_or(text.len());
        let line = text[line_start..line_end].trim_end_matches('\r').trim_end();
        if line == "---" || line == "..." {
            let block_end = (line_end + 1).min(text.len());
            return Some((yaml_start..line_start, block_end));
        }
        if line_end >= text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    None
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Loose {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Loose>),
    #[allow(dead_code)] // any other shape is accepted and ignored
    Other(IgnoredAny),
}

impl Loose {
    fn into_text(self) -> Option<String> {
        match self {
            Loose::Text(s) => Some(s),
            Loose::Integer(i) => Some(i.to_string()),
            Loose::Float(f) => Some(f.to_string()),
            Loose::Bool(b) => Some(b.to_string()),
            Loose::List(items) => items.into_iter().find_map(Loose::into_text),
            Loose::Other(_) => None,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Fields {
    title: Option<Loose>,
    status: Option<Loose>,
    #[serde(alias = "Status")]
    status_upper: Option<Loose>,
    date: Option<Loose>,
    /// A KEP's `kep.yaml`-style field.
    #[serde(rename = "creation-date")]
    creation_date: Option<Loose>,
}

/// Parses the YAML between the fences. `yaml` is `text[range]`.
pub fn parse(text: &str, yaml: Range<usize>, block_end: usize) -> FrontMatter {
    let mut front = FrontMatter {
        span: 0..block_end,
        ..FrontMatter::default()
    };
    let source = &text[yaml.clone()];
    if source.trim().is_empty() {
        return front;
    }
    match serde_saphyr::from_str::<Fields>(source) {
        Ok(fields) => {
            front.title = fields
                .title
                .and_then(Loose::into_text)
                .map(|v| field(text, &yaml, "title", v));
            front.status = fields
                .status
                .or(fields.status_upper)
                .and_then(Loose::into_text)
                .map(|v| field(text, &yaml, "status", v));
            front.date = match fields.date.and_then(Loose::into_text) {
                Some(v) => Some(field(text, &yaml, "date", v)),
                None => fields
                    .creation_date
                    .and_then(Loose::into_text)
                    .map(|v| field(text, &yaml, "creation-date", v)),
            };
        }
        Err(error) => {
            let offset = error
                .location()
                .and_then(|l| l.span().byte_offset())
                .and_then(|o| usize::try_from(o).ok())
                .map(|o| yaml.start + o.min(source.len()))
                .unwrap_or(yaml.start);
            let end = text[offset..yaml.end]
                .find('\n')
                .map(|i| offset + i)
                .unwrap_or(yaml.end)
                .max(offset);
            let message = error.to_string();
            let first_line = message.lines().next().unwrap_or("invalid YAML").to_string();
            front.error = Some((first_line, offset..end));
        }
    }
    front
}

/// The span of `key: value` in the YAML: the value when found, else the key's line.
fn field(text: &str, yaml: &Range<usize>, key: &str, value: String) -> Field {
    let mut offset = yaml.start;
    for line in text[yaml.clone()].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // `get`: a key of other letters may put `key.len()` inside a character.
        if indent == 0
            && trimmed
                .get(..key.len())
                .is_some_and(|k| k.eq_ignore_ascii_case(key))
            && trimmed
                .get(key.len()..)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            let content = line.trim_end_matches(['\n', '\r']);
            let span = match content.find(value.as_str()) {
                Some(at) => offset + at..offset + at + value.len(),
                None => offset..offset + content.len(),
            };
            return Field { value, span };
        }
        offset += line.len();
    }
    Field {
        value,
        span: yaml.start..yaml.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_only_at_start() {
        let text = "---\nstatus: accepted\n---\n# Title\n";
        let Some((yaml, end)) = split(text, 0) else {
            panic!("front matter expected");
        };
        assert_eq!(&text[yaml], "status: accepted\n");
        assert_eq!(&text[end..], "# Title\n");
        assert!(split("para\n\n---\nx: 1\n---\n", 0).is_none());
    }

    #[test]
    fn unterminated_is_not_front_matter() {
        assert!(split("---\nstatus: accepted\n# Title\n", 0).is_none());
    }

    #[test]
    fn reads_fields_with_spans() {
        let text = "---\ntitle: Use Nomad\nstatus: Accepted\ndate: 2024-01-02\n---\n";
        let Some((yaml, end)) = split(text, 0) else {
            panic!("front matter expected");
        };
        let front = parse(text, yaml, end);
        let status = front.status.unwrap_or_else(|| panic!("status"));
        assert_eq!(status.value, "Accepted");
        assert_eq!(&text[status.span], "Accepted");
        assert_eq!(front.date.map(|d| d.value), Some("2024-01-02".to_string()));
    }

    #[test]
    fn invalid_yaml_is_an_error_with_span() {
        let text = "---\ntitle: [unclosed\nstatus: x\n---\nbody\n";
        let Some((yaml, end)) = split(text, 0) else {
            panic!("front matter expected");
        };
        let front = parse(text, yaml.clone(), end);
        let (_, span) = front.error.unwrap_or_else(|| panic!("error expected"));
        assert!(span.start >= yaml.start && span.end <= yaml.end);
    }

    #[test]
    fn keys_of_other_letters_do_not_panic() {
        let text = "---\n日本語: x\ndate: 2024-01-02\n---\nbody\n";
        let Some((yaml, end)) = split(text, 0) else {
            panic!("front matter expected");
        };
        let front = parse(text, yaml, end);
        let date = front.date.unwrap_or_else(|| panic!("date"));
        assert_eq!(&text[date.span], "2024-01-02");
    }

    #[test]
    fn kep_fields() {
        let text =
            "---\ntitle: Training\nstatus: implementable\ncreation-date: 2024-02-03\n---\nbody\n";
        let Some((yaml, end)) = split(text, 0) else {
            panic!("front matter expected");
        };
        let front = parse(text, yaml, end);
        let date = front.date.unwrap_or_else(|| panic!("date"));
        assert_eq!(&text[date.span], "2024-02-03");
        let status = front.status.unwrap_or_else(|| panic!("status"));
        assert_eq!(status.value, "implementable");
    }

    #[test]
    fn crlf_fences() {
        let text = "---\r\nstatus: proposed\r\n---\r\nbody";
        let Some((_, end)) = split(text, 0) else {
            panic!("front matter expected");
        };
        assert_eq!(&text[end..], "body");
    }
}
