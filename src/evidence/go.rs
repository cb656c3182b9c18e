//! `go.mod`: `require` lines and `require ( … )` blocks, read line by line as the go.mod
//! grammar is. Other directives and their blocks (`replace`, `exclude`, `retract`, `tool`)
//! name no requirement and are skipped.

use std::ops::Range;

use super::{Dependency, ParseError};

pub fn parse(text: &str) -> Result<Vec<Dependency>, ParseError> {
    let mut out = Vec::new();
    // The directive of the open block, and the span of its opening line.
    let mut block: Option<(String, Range<usize>)> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let code = line.find("//").map_or(line, |i| &line[..i]);
        let words = words(code, start);
        let Some((first, _)) = words.first() else {
            continue;
        };
        match &block {
            Some((directive, _)) => {
                if *first == ")" {
                    block = None;
                } else if directive == "require" {
                    out.push(requirement(&words, start..start + line.len())?);
                }
            }
            None => {
                let directive = first.trim_end_matches('(');
                let opens = first.ends_with('(') || words.get(1).is_some_and(|(w, _)| *w == "(");
                if opens {
                    let rest = if first.ends_with('(') { 1 } else { 2 };
                    if words.len() > rest {
                        return Err(ParseError::new(
                            format!("unexpected text after `{directive} (`"),
                            Some(start..start + line.len()),
                        ));
                    }
                    block = Some((directive.to_string(), start..start + line.len()));
                } else if directive == "require" {
                    out.push(requirement(&words[1..], start..start + line.len())?);
                }
            }
        }
    }
    if let Some((directive, span)) = block {
        return Err(ParseError::new(
            format!("the `{directive} (` block is never closed"),
            Some(span),
        ));
    }
    Ok(out)
}

/// `module/path version`: the module, spanning its path (quotes excluded).
fn requirement(
    words: &[(&str, Range<usize>)],
    line: Range<usize>,
) -> Result<Dependency, ParseError> {
    match words {
        [(path, span), (_version, _)] => {
            let quoted = path.len() >= 2
                && (path.starts_with('"') && path.ends_with('"')
                    || path.starts_with('`') && path.ends_with('`'));
            if quoted {
                Ok(Dependency::new(
                    &path[1..path.len() - 1],
                    span.start + 1..span.end - 1,
                ))
            } else {
                Ok(Dependency::new(*path, span.clone()))
            }
        }
        _ => Err(ParseError::new(
            "a requirement is a module path and a version",
            Some(line),
        )),
    }
}

/// The white-space separated words of a line, with their file spans.
fn words(code: &str, line_start: usize) -> Vec<(&str, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in code.split_whitespace() {
        let Some(found) = code[at..].find(word) else {
            break;
        };
        let start = at + found;
        at = start + word.len();
        out.push((word, line_start + start..line_start + at));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn require_lines_and_blocks() {
        let text = "module example.com/svc\n\ngo 1.22\n\nrequire github.com/IBM/sarama v1.42.1\n\nrequire (\n\tgithub.com/segmentio/kafka-go v0.4.47 // indirect\n\t\"go.etcd.io/raft/v3\" v3.5.12\n)\n\nreplace (\n\tgithub.com/x/y => ../y\n)\n\nexclude github.com/hashicorp/raft v1.0.0\n";
        let deps = match parse(text) {
            Ok(deps) => deps,
            Err(error) => panic!("{error:?}"),
        };
        let shown: Vec<(&str, &str)> = deps
            .iter()
            .map(|d| (d.name.as_str(), &text[d.span.clone()]))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("github.com/IBM/sarama", "github.com/IBM/sarama"),
                (
                    "github.com/segmentio/kafka-go",
                    "github.com/segmentio/kafka-go"
                ),
                ("go.etcd.io/raft/v3", "go.etcd.io/raft/v3"),
            ]
        );
    }

    #[test]
    fn unclosed_block_is_an_error_at_its_opening() {
        let text = "module x\nrequire (\n\tgithub.com/hashicorp/raft v1.6.1\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        assert_eq!(&text[error.span.unwrap_or_default()], "require (");
    }

    #[test]
    fn requirement_without_version_is_an_error() {
        let text = "module x\nrequire github.com/hashicorp/raft\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        assert_eq!(
            &text[error.span.unwrap_or_default()],
            "require github.com/hashicorp/raft"
        );
    }
}
