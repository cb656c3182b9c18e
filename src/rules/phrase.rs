//! The phrase syntax in which rules name their things, look-alikes and products, compiled to
//! regex source. Rules say `"[job|task] scheduler"` and `"event bus"`; the engine decides how
//! words join (space, hyphen, underscore or nothing, so `EventBus` and `event-bus` are one
//! name), that the last word may be plural, and where words begin and end.
//!
//! - words separated by spaces or hyphens; each gap matches `[\s_-]*`;
//! - the last word also matches its plural (`s`, `es`, `y` → `ies`);
//! - `[a|b c]` is optional (one alternative or nothing), `(a|b)` is one of the alternatives;
//! - `*` is any one word; every other character is literal.

use std::fmt::Write as _;

/// What joins two words of a name: any run of spaces, hyphens or underscores, or nothing
/// (a CamelCase compound such as `TaskManager`).
const GAP: &str = r"[\s_-]*";

/// Any one word.
const ANY_WORD: &str = r"[A-Za-z0-9][\w.-]*";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Any,
    /// Alternatives, each a list of words; `optional` for `[…]`.
    Group {
        alternatives: Vec<Vec<String>>,
        optional: bool,
    },
}

/// A phrase that is not valid, with the byte offset in the phrase where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseError {
    pub offset: usize,
    pub message: String,
}

fn tokens(phrase: &str) -> Result<Vec<Token>, PhraseError> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = phrase.char_indices().peekable();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(if word == "*" {
                Token::Any
            } else {
                Token::Word(std::mem::take(word))
            });
            word.clear();
        }
    };
    while let Some((at, c)) = chars.next() {
        match c {
            ' ' | '\t' | '-' => flush(&mut word, &mut out),
            '[' | '(' => {
                flush(&mut word, &mut out);
                let close = if c == '[' { ']' } else { ')' };
                let mut inner = String::new();
                let mut closed = false;
                for (inner_at, d) in chars.by_ref() {
                    if d == close {
                        closed = true;
                        break;
                    }
                    if matches!(d, '[' | '(' | ']' | ')') {
                        return Err(PhraseError {
                            offset: inner_at,
                            message: "groups do not nest".into(),
                        });
                    }
                    inner.push(d);
                }
                if !closed {
                    return Err(PhraseError {
                        offset: at,
                        message: format!("`{c}` is never closed with `{close}`"),
                    });
                }
                let alternatives: Vec<Vec<String>> = inner
                    .split('|')
                    .map(|alt| {
                        alt.split([' ', '\t', '-'])
                            .filter(|w| !w.is_empty())
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                if alternatives.iter().any(Vec::is_empty) {
                    return Err(PhraseError {
                        offset: at,
                        message: "a group has an empty alternative".into(),
                    });
                }
                out.push(Token::Group {
                    alternatives,
                    optional: c == '[',
                });
            }
            ']' | ')' | '|' => {
                return Err(PhraseError {
                    offset: at,
                    message: format!("`{c}` outside a group"),
                });
            }
            _ => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    if out.is_empty() {
        return Err(PhraseError {
            offset: 0,
            message: "the phrase is empty".into(),
        });
    }
    if out
        .iter()
        .all(|t| matches!(t, Token::Group { optional: true, .. } | Token::Any))
    {
        return Err(PhraseError {
            offset: 0,
            message: "the phrase needs at least one word that is not optional".into(),
        });
    }
    Ok(out)
}

/// A literal word with either spelling of -ize/-ise and -yze/-yse ("synchronization",
/// "synchronisation"; "analyzer", "analyser"), as regex source.
fn spelled(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(char::to_ascii_lowercase);
        let previous = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .map(char::to_ascii_lowercase);
        if matches!(c, 'z' | 'Z' | 's' | 'S')
            && matches!(previous, Some('i' | 'y'))
            && matches!(next, Some('e' | 'a' | 'i'))
            && i >= 2
        {
            out.push_str("[sz]");
        } else {
            out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    out
}

/// A literal word, case-insensitive, with its plural when `plural`.
fn word_source(word: &str, plural: bool) -> String {
    let escaped = spelled(word);
    if !plural || !word.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
        return escaped;
    }
    let lower = word.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        // registry → registries
        return format!("{}(?:y|ies)", spelled(&word[..word.len() - 1]));
    }
    if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with("sh")
        || lower.ends_with("ch")
    {
        // bus → buses, index → indexes
        return format!("{escaped}(?:es|ses)?");
    }
    format!("{escaped}(?:s|es)?")
}

fn words_source(words: &[String], plural_last: bool) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(GAP);
        }
        let last = i + 1 == words.len();
        if w == "*" {
            out.push_str(ANY_WORD);
        } else {
            out.push_str(&word_source(w, plural_last && last));
        }
    }
    out
}

/// The regex source of one phrase (no flags, no boundaries).
pub fn compile_phrase(phrase: &str) -> Result<String, PhraseError> {
    let tokens = tokens(phrase)?;
    // The last token that is not optional carries the plural: "[job] scheduler [service]" is
    // rare; "job scheduler" and "event bus" are the common shapes.
    let last_required = tokens
        .iter()
        .rposition(|t| !matches!(t, Token::Group { optional: true, .. }));
    let mut out = String::new();
    // Gaps join a word to the required word before it; an optional group carries its own gap
    // (before it after a required word, after it at the start), so "dead letter [queue]"
    // never ends in a gap.
    let mut required_before = false;
    for (i, token) in tokens.iter().enumerate() {
        // The last word is plural when it is there: the last token, and the last required one
        // when only optional groups follow it ("gossip [protocol]": gossips, gossip protocols).
        let plural = Some(i) == last_required || i + 1 == tokens.len();
        match token {
            Token::Word(w) => {
                if required_before {
                    out.push_str(GAP);
                }
                out.push_str(&word_source(w, plural));
                required_before = true;
            }
            Token::Any => {
                if required_before {
                    out.push_str(GAP);
                }
                out.push_str(ANY_WORD);
                required_before = true;
            }
            Token::Group {
                alternatives,
                optional,
            } => {
                let mut group = String::from("(?:");
                for (j, alt) in alternatives.iter().enumerate() {
                    if j > 0 {
                        group.push('|');
                    }
                    group.push_str(&words_source(alt, plural));
                }
                group.push(')');
                match (*optional, required_before) {
                    (true, true) => {
                        let _ = write!(out, "(?:{GAP}{group})?");
                    }
                    (true, false) => {
                        let _ = write!(out, "(?:{group}{GAP})?");
                    }
                    (false, before) => {
                        if before {
                            out.push_str(GAP);
                        }
                        out.push_str(&group);
                        required_before = true;
                    }
                }
            }
        }
    }
    Ok(out)
}

/// One case-insensitive regex source for many phrases, with ASCII word boundaries; the
/// index of the first phrase in error otherwise.
pub fn compile_phrases(phrases: &[&str]) -> Result<String, (usize, PhraseError)> {
    let mut parts = Vec::with_capacity(phrases.len());
    for (i, phrase) in phrases.iter().enumerate() {
        parts.push(compile_phrase(phrase).map_err(|e| (i, e))?);
    }
    // Longer alternatives first, so that leftmost-first matching takes the longest name at a
    // position ("job scheduler" before "scheduler").
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    Ok(format!(
        r"(?i)\b(?:{})(?-i:{CODE_SUFFIX})?\b",
        parts.join("|")
    ))
}

/// Capitalised words that make a name a code identifier of the thing (`KafkaConsumer`,
/// `SparkSession`, `EventBusClient`): the identifier names the thing, so it matches with them.
/// Case-sensitive, so "kafkaesque" or "Sparks" do not.
const CODE_SUFFIX: &str = r"(?:Consumer|Producer|Client|Session|Context|Template|Listener|Sink|Source|Connector|Operator|Job|Streams?|Admin|Config|Conf|Factory|Handler|Builder|Driver|Reader|Writer|Publisher|Subscriber|Gateway|Executor|Cluster|Node|Service|Repository|Store|Adapter|Message|Event|Transport|Channel|Queue|Topic|Table|DataFrame|Dataframe|Impl|Module|Manager|Provider|Container|Runner|Worker|Task|Sql|SQL)+s?";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::compile_pattern;

    fn matches(phrase: &str, text: &str) -> bool {
        let Ok(source) = compile_phrases(&[phrase]) else {
            panic!("{phrase} does not compile");
        };
        let Ok(re) = compile_pattern(&source) else {
            panic!("{source} is no regex");
        };
        re.find(text.as_bytes())
            .is_some_and(|m| m.start() == 0 && m.end() == text.len())
    }

    #[test]
    fn words_join_by_space_hyphen_underscore_or_camel_case() {
        for text in [
            "event bus",
            "event-bus",
            "event_bus",
            "EventBus",
            "eventbus",
            "Event  Bus",
        ] {
            assert!(matches("event bus", text), "{text}");
        }
        assert!(matches("task-manager", "TaskManager"));
        assert!(!matches("event bus", "event of bus"));
    }

    #[test]
    fn a_code_identifier_of_the_name_matches() {
        assert!(matches("kafka", "KafkaConsumer"));
        assert!(matches("spark", "SparkSession"));
        assert!(matches("event bus", "EventBusClient"));
        assert!(!matches("kafka", "kafkaconsumer"));
        assert!(!matches("spark", "SparkPost"));
    }

    #[test]
    fn either_spelling_of_ize_and_yze() {
        assert!(matches("state synchronization", "state synchronisation"));
        assert!(matches("state synchronisation", "state synchronization"));
        assert!(matches("log analyzer", "log analysers"));
        assert!(matches("containerized", "containerised"));
        assert!(!matches("state synchronization", "state synchronation"));
    }

    #[test]
    fn the_last_word_may_be_plural() {
        assert!(matches("event bus", "event buses"));
        assert!(matches("service registry", "service registries"));
        assert!(matches("job scheduler", "job schedulers"));
        assert!(matches("search index", "search indexes"));
        assert!(matches("gateway", "gateways"));
        assert!(!matches("job scheduler", "jobs scheduler"));
    }

    #[test]
    fn groups_are_optional_or_required_alternatives() {
        let phrase = "[job|task|batch] scheduler";
        assert!(matches(phrase, "scheduler"));
        assert!(matches(phrase, "job scheduler"));
        assert!(matches(phrase, "TaskScheduler"));
        let phrase = "(job|task) (runner|dispatcher)";
        assert!(matches(phrase, "job runners"));
        assert!(matches(phrase, "task-dispatcher"));
        assert!(!matches(phrase, "runner"));
        assert!(matches("[key value] store", "key-value store"));
        assert!(matches("leader election", "Leader Election"));
    }

    #[test]
    fn an_optional_last_word_takes_its_gap_and_plural_with_it() {
        let Ok(re) = compile_phrases(&["dead letter [queue|channel]"])
            .map_err(|e| e.1.message)
            .and_then(|source| compile_pattern(&source).map_err(|e| e.to_string()))
        else {
            panic!("the phrase compiles");
        };
        let found = |text: &'static str| {
            re.find(text.as_bytes())
                .map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned())
        };
        assert_eq!(
            found("a dead letter for it").as_deref(),
            Some("dead letter")
        );
        assert_eq!(
            found("two dead-letter queues").as_deref(),
            Some("dead-letter queues")
        );
        assert_eq!(
            found("the DeadLetterChannel").as_deref(),
            Some("DeadLetterChannel")
        );
        assert!(matches("gossip [protocol]", "gossip protocols"));
        assert!(matches("gossip [protocol]", "gossips"));
    }

    #[test]
    fn a_star_is_any_one_word() {
        assert!(matches("distributed * store", "distributed blob store"));
        assert!(!matches("distributed * store", "distributed store"));
    }

    #[test]
    fn other_characters_are_literal() {
        assert!(matches("pub/sub", "Pub/Sub"));
        assert!(matches("node.js", "Node.js"));
        assert!(!matches("node.js", "nodexjs"));
    }

    #[test]
    fn bad_phrases_say_where() {
        assert_eq!(
            compile_phrase("[job scheduler").map_err(|e| e.offset),
            Err(0)
        );
        assert!(compile_phrase("job] scheduler").is_err());
        assert!(compile_phrase("[a (b)]").is_err());
        assert!(compile_phrase("[job]").is_err());
        assert!(compile_phrase("").is_err());
        assert!(compile_phrase("(a||b)").is_err());
    }
}
