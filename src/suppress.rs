//! Suppression comments (SPEC 4.4): `<!-- adrlint-disable-next-line RULE[, RULE] -- reason -->`,
//! `<!-- adrlint-disable RULE -- reason -->` … `<!-- adrlint-enable RULE -->`, and
//! `<!-- adrlint-disable-file RULE -- reason -->`. Directives are read from HTML comments the
//! Markdown parser found outside code. A directive without a reason, naming an unknown rule, or
//! suppressing nothing is itself reported.

use std::ops::Range;

use crate::diag::Finding;
use crate::source::SourceFile;
use crate::suggest::did_you_mean;

const KINDS: [&str; 4] = ["disable-next-line", "disable-file", "disable", "enable"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    File,
    Disable,
    Enable,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    span: Range<usize>,
    /// Rule ids with their spans in the file.
    rules: Vec<(String, Range<usize>)>,
    has_reason: bool,
}

/// A problem with a directive, as (rule id of the report, span, label, optional note).
pub struct DirectiveProblem {
    pub rule: &'static str,
    pub span: Range<usize>,
    pub label: String,
    pub note: Option<String>,
}

/// Reads the directives in `comments`, drops the findings they suppress from `findings`, and
/// returns the problems with the directives themselves. `is_rule` tells known rule ids.
pub fn apply(
    comments: &[(Range<usize>, String)],
    findings: &mut Vec<Finding>,
    source: &SourceFile,
    is_rule: &dyn Fn(&str) -> bool,
    rule_ids: &[&str],
) -> Vec<DirectiveProblem> {
    let mut problems = Vec::new();
    let mut directives = Vec::new();
    for (span, text) in comments {
        match parse(span.clone(), text) {
            Ok(Some(directive)) => directives.push(directive),
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    if directives.is_empty() {
        return problems;
    }

    // Where each (directive, rule) applies, and how often it was used.
    let mut scopes: Vec<(usize, usize, Range<usize>)> = Vec::new(); // (directive, rule index, byte range)
    for (d, directive) in directives.iter().enumerate() {
        for (r, (rule, rule_span)) in directive.rules.iter().enumerate() {
            if !is_rule(rule) {
                let mut note = None;
                if let Some(suggestion) = did_you_mean(rule, rule_ids.iter().copied()) {
                    note = Some(format!("did you mean `{suggestion}`?"));
                }
                problems.push(DirectiveProblem {
                    rule: "suppression-unknown-rule",
                    span: rule_span.clone(),
                    label: format!("no rule has the id `{rule}`"),
                    note,
                });
                continue;
            }
            let scope = match directive.kind {
                Kind::File => 0..source.text.len(),
                Kind::NextLine => next_line(source, directive.span.end),
                Kind::Disable => {
                    let end = directives[d + 1..]
                        .iter()
                        .find(|e| {
                            e.kind == Kind::Enable && e.rules.iter().any(|(id, _)| id == rule)
                        })
                        .map(|e| e.span.start)
                        .unwrap_or(source.text.len());
                    directive.span.end..end
                }
                Kind::Enable => continue,
            };
            scopes.push((d, r, scope));
        }
        if directive.kind != Kind::Enable && !directive.has_reason {
            problems.push(DirectiveProblem {
                rule: "suppression-without-reason",
                span: directive.span.clone(),
                label: "add ` -- <why this claim is acceptable>` before `-->`".to_string(),
                note: None,
            });
        }
    }

    let mut used = vec![false; scopes.len()];
    findings.retain(|finding| {
        let hit = scopes.iter().position(|(d, r, scope)| {
            directives[*d].rules[*r].0 == *finding.rule && scope.contains(&finding.span.start)
        });
        match hit {
            Some(index) => {
                used[index] = true;
                false
            }
            None => true,
        }
    });
    for ((d, r, _), used) in scopes.iter().zip(used) {
        if !used {
            let (rule, span) = &directives[*d].rules[*r];
            problems.push(DirectiveProblem {
                rule: "unused-suppression",
                span: span.clone(),
                label: format!("`{rule}` has no finding here to suppress"),
                note: Some("remove the directive, or move it next to the finding".to_string()),
            });
        }
    }
    problems.sort_by_key(|p| p.span.start);
    problems
}

/// The byte range of the first non-blank line after `offset`.
fn next_line(source: &SourceFile, offset: usize) -> Range<usize> {
    let mut line = source.line_index(offset) + 1;
    while let Some(range) = source.line_range(line) {
        if !source.text[range.clone()].trim().is_empty() {
            return range;
        }
        line += 1;
    }
    0..0
}

fn parse(span: Range<usize>, comment: &str) -> Result<Option<Directive>, DirectiveProblem> {
    let inner = comment.trim_start_matches("<!--").trim_end_matches("-->");
    let lead = comment.len() - comment.trim_start_matches("<!--").len()
        + (inner.len() - inner.trim_start().len());
    let inner_trimmed = inner.trim();
    let Some(rest) = inner_trimmed.strip_prefix("adrlint-") else {
        return Ok(None);
    };
    let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = &rest[..word_len];
    let kind = match word {
        "disable-next-line" => Kind::NextLine,
        "disable-file" => Kind::File,
        "disable" => Kind::Disable,
        "enable" => Kind::Enable,
        other => {
            let note = did_you_mean(other, KINDS).map(|s| format!("did you mean `adrlint-{s}`?"));
            return Err(DirectiveProblem {
                rule: "invalid-suppression",
                span,
                label: format!("`adrlint-{other}` is not a directive"),
                note,
            });
        }
    };
    let after_word = &rest[word_len..];
    let (rules_part, reason) = match after_word.find("--") {
        Some(at) => (&after_word[..at], Some(after_word[at + 2..].trim())),
        None => (after_word, None),
    };
    let rules_offset = span.start + lead + "adrlint-".len() + word_len;
    let mut rules = Vec::new();
    let mut cursor = 0;
    for piece in rules_part.split([',', ' ', '\t', '\n', '\r']) {
        let at = rules_part[cursor..]
            .find(piece)
            .map(|i| cursor + i)
            .unwrap_or(cursor);
        cursor = at + piece.len();
        if !piece.is_empty() {
            rules.push((
                piece.to_string(),
                rules_offset + at..rules_offset + at + piece.len(),
            ));
        }
    }
    if rules.is_empty() {
        return Err(DirectiveProblem {
            rule: "invalid-suppression",
            span,
            label: "name the rule ids to suppress".to_string(),
            note: Some("for example `<!-- adrlint-disable-next-line own-scheduler -- reviewed with the platform team -->`".to_string()),
        });
    }
    Ok(Some(Directive {
        kind,
        span,
        rules,
        has_reason: reason.is_some_and(|r| !r.is_empty()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    fn run(text: &str, findings: &mut Vec<Finding>) -> Vec<(&'static str, String)> {
        let source = SourceFile::new("a.md", text);
        let mut comments = Vec::new();
        let mut from = 0;
        while let Some(open) = text[from..].find("<!--") {
            let start = from + open;
            let end = text[start..]
                .find("-->")
                .map(|i| start + i + 3)
                .unwrap_or(text.len());
            comments.push((start..end, text[start..end].to_string()));
            from = end;
        }
        let ids = ["own-scheduler", "own-queue"];
        apply(&comments, findings, &source, &|id| ids.contains(&id), &ids)
            .into_iter()
            .map(|p| (p.rule, text[p.span].to_string()))
            .collect()
    }

    fn finding(text: &str, rule: &str, needle: &str) -> Finding {
        let start = text.find(needle).unwrap_or(0);
        Finding::new(rule, Severity::Error, "m", start..start + needle.len())
    }

    #[test]
    fn next_line_with_reason() {
        let text = "<!-- adrlint-disable-next-line own-scheduler -- agreed with platform -->\n\nWe build our own scheduler.\n";
        let mut findings = vec![finding(text, "own-scheduler", "our own scheduler")];
        assert!(run(text, &mut findings).is_empty());
        assert!(findings.is_empty());
    }

    #[test]
    fn block_and_enable() {
        let text = "<!-- adrlint-disable own-queue -- legacy -->\nour own queue\n<!-- adrlint-enable own-queue -->\nour own queue again\n";
        let first = finding(text, "own-queue", "our own queue");
        let second = finding(text, "own-queue", "our own queue again");
        let mut findings = vec![first, second];
        assert!(run(text, &mut findings).is_empty());
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn missing_reason_unknown_rule_and_unused_are_reported() {
        let text = "<!-- adrlint-disable-file own-schedular, own-queue -->\nnothing here\n<!-- adrlint-disabel own-queue -->\n";
        let mut findings = Vec::new();
        let problems = run(text, &mut findings);
        assert_eq!(
            problems,
            vec![
                (
                    "suppression-without-reason",
                    "<!-- adrlint-disable-file own-schedular, own-queue -->".to_string()
                ),
                ("suppression-unknown-rule", "own-schedular".to_string()),
                ("unused-suppression", "own-queue".to_string()),
                (
                    "invalid-suppression",
                    "<!-- adrlint-disabel own-queue -->".to_string()
                ),
            ]
        );
    }
}
