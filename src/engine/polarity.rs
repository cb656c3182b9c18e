//! Whether a matched claim is asserted by its sentence, or negated, rejected, hypothetical,
//! historical or quoted. Scope is the clause: cues count between the clause start and the
//! claim, or (for "… was rejected") between the claim and the clause end.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::rules::compile_pattern;

/// Cues before the claim that negate, reject or make it hypothetical.
const BEFORE: &str = r"(?i)\b(?:not|never|no|nor|neither|none|without|instead\s+of|rather\s+than|in\s+place\s+of|in\s+lieu\s+of|as\s+opposed\s+to|avoid(?:s|ed|ing)?|against|refrain(?:s|ed|ing)?|refus(?:e|es|ed|ing)|forgo(?:ing)?|reject(?:s|ed|ing)?|declin(?:e|es|ed|ing)|dismiss(?:ed|ing)?|(?:do|does|did|wo|would|should|could|ca|is|are|was|were|has|have|had|must|need)n(?:'|’)?t|cannot|no\s+longer|stop(?:s|ped|ping)?|retir(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|decommission(?:s|ed|ing)?|sunset(?:s|ting)?|phas(?:e|es|ed|ing)\s+out|migrat(?:e|es|ed|ing)\s+(?:away\s+)?from|mov(?:e|es|ed|ing)\s+away\s+from|get(?:ting)?\s+rid\s+of|deprecat(?:e|es|ed|ing)|if|unless|whether|considered|considering|consider|evaluat(?:e|ed|ing)|explor(?:e|ed|ing)|investigat(?:e|ed|ing)|could|might|may|option|alternative(?:ly)?|neglect(?:s|ed|ing)?|in\s+the\s+context\s+of|facing|previously|formerly|originally|used\s+to|temptation|tempting|tempted|risk\s+of|danger\s+of|question\s+of|proposal\s+to|proposed|suggested|idea\s+of|looked\s+at|looking\s+at|would\s+be\s+to|another\s+way|an\s+other\s+way|can\s+also\s+be|instead)\b";

/// Cues after the claim, in its clause, that reject it ("… was rejected", "… is out of scope")
/// or make it hypothetical ("… would take a year").
const AFTER: &str = r"(?i)^[^,;:.]{0,80}?\b(?:(?:is|are|was|were|has\s+been|have\s+been|would\s+be|will\s+be|being|seems?|appears?)\s+(?:not\b|never\b|rejected|discarded|ruled\s+out|dismissed|abandoned|dropped|deemed|out\s+of\s+scope|too\b|unnecessary|overkill|off\s+the\s+table|a\s+non-starter|considered|unrealistic|impractical|infeasible|unjustified|excessive|costly|expensive|risky|a\s+bad\s+idea|a\s+distraction)|out\s+of\s+scope|not\s+an\s+option|(?:would|could|might)\b|(?:that\s+|which\s+)?we\s+used\s+to\b|(?:that|which)\s+we\s+(?:are|were)\s+(?:retiring|replacing|removing|decommissioning)|was\s+(?:briefly\s+)?(?:considered|discussed|evaluated)|(?:is|are|was|were)n(?:'|’)?t)";

/// Words that end a clause for the purposes of negation scope.
const CLAUSE_BREAK: &str = r"(?i)[;:,()\[\]]|\s(?:-|–|—)\s|—|\b(?:but|however|whereas|although|though|while|yet|so|therefore|hence|thus|then|and\s+instead|because|since)\b";

// The cue patterns are constants; a test proves they compile, so `None` never happens in a
// released binary and a failure cannot panic at run time.
static BEFORE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(BEFORE).ok());
static AFTER_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(AFTER).ok());
static BREAK_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(CLAUSE_BREAK).ok());

/// True when the sentence asserts the claim at `claim` (a byte range of `text`).
pub fn is_asserted(text: &str, claim: Range<usize>) -> bool {
    if text.trim_end().ends_with('?') {
        return false;
    }
    if inside_quotes(text, claim.start) {
        return false;
    }
    let bytes = text.as_bytes();
    let clause_start = clause_start(bytes, claim.start);
    let before = &bytes[clause_start..claim.start];
    if let Some(re) = BEFORE_RE.as_ref() {
        for cue in re.find_iter(before) {
            if !is_benign_cue(before, cue.start(), cue.as_bytes()) {
                return false;
            }
        }
    }
    let compared = without_trailing_adverb(before);
    if COMPARED_WITH
        .iter()
        .any(|cue| ends_with_word(compared, cue))
    {
        return false;
    }
    let after = &bytes[claim.end..];
    if let Some(re) = AFTER_RE.as_ref()
        && re.is_match(after)
    {
        return false;
    }
    true
}

/// A claim right after one of these is the alternative being compared against ("Beam over
/// using Dask", "cheaper than running Kafka").
const COMPARED_WITH: [&str; 8] = [
    "over",
    "than",
    "versus",
    "vs",
    "vs.",
    "compared to",
    "compared with",
    "unlike",
];

/// `before` without a last word that only qualifies the claim: "over directly using Dask",
/// "than simply running Kafka", "over just adopting Spark".
fn without_trailing_adverb(before: &[u8]) -> &[u8] {
    let trimmed = before.trim_ascii_end();
    let start = trimmed
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = trimmed[start..].to_ascii_lowercase();
    let qualifies = matches!(word.as_slice(), b"just" | b"merely" | b"only" | b"also")
        || (word.len() > 4 && word.ends_with(b"ly"));
    if qualifies {
        &trimmed[..start]
    } else {
        trimmed
    }
}

fn ends_with_word(before: &[u8], word: &str) -> bool {
    let trimmed = before.trim_ascii_end();
    let lower = trimmed.to_ascii_lowercase();
    lower.ends_with(word.as_bytes())
        && (lower.len() == word.len()
            || !lower[lower.len() - word.len() - 1].is_ascii_alphanumeric())
}

/// Cues that look negative but are not, in the words just before them.
fn is_benign_cue(before: &[u8], start: usize, cue: &[u8]) -> bool {
    let lower = cue.to_ascii_lowercase();
    let preceding = before[..start].to_ascii_lowercase();
    let preceding = String::from_utf8_lossy(&preceding);
    let preceding = preceding.trim_end();
    match lower.as_slice() {
        b"option" => {
            preceding.ends_with("chosen")
                || preceding.ends_with("selected")
                || preceding.ends_with("preferred")
        }
        // "not only … but", "no matter"
        b"not" => false,
        _ => false,
    }
}

fn clause_start(bytes: &[u8], claim_start: usize) -> usize {
    let head = &bytes[..claim_start];
    BREAK_RE
        .as_ref()
        .and_then(|re| re.find_iter(head).last())
        .map(|m| m.end())
        .unwrap_or(0)
}

/// Inside a pair of straight or curly double quotes. The quotes of MADR's
/// `Chosen option: "…"` name an option; they do not quote anyone.
fn inside_quotes(text: &str, at: usize) -> bool {
    let before = &text[..at.min(text.len())];
    let opening = before.rfind(['"', '\u{201c}']);
    let Some(opening) = opening else {
        return false;
    };
    let lead = before[..opening]
        .trim_end()
        .trim_end_matches(':')
        .trim_end()
        .to_ascii_lowercase();
    if lead.ends_with("option") {
        return false;
    }
    let straight = before.matches('"').count();
    let open = before.matches('\u{201c}').count();
    let close = before.matches('\u{201d}').count();
    if straight % 2 == 1 && text[at..].contains('"') {
        return true;
    }
    open > close && text[at..].contains('\u{201d}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asserted(sentence: &str, claim: &str) -> bool {
        let Some(start) = sentence.find(claim) else {
            panic!("claim not in sentence")
        };
        is_asserted(sentence, start..start + claim.len())
    }

    #[test]
    fn cue_patterns_compile() {
        for (name, pattern) in [
            ("BEFORE", BEFORE),
            ("AFTER", AFTER),
            ("CLAUSE_BREAK", CLAUSE_BREAK),
        ] {
            assert!(
                compile_pattern(pattern).is_ok(),
                "{name}: {:?}",
                compile_pattern(pattern).err()
            );
        }
    }

    #[test]
    fn plain_claims_are_asserted() {
        assert!(asserted(
            "We will build our own scheduler.",
            "build our own scheduler"
        ));
        assert!(asserted(
            "We adopt Nomad for services but build our own scheduler for batch.",
            "build our own scheduler"
        ));
        assert!(asserted(
            "Chosen option: build our own scheduler, because it fits.",
            "build our own scheduler"
        ));
        assert!(asserted(
            "We will build our own scheduler rather than adopt Nomad.",
            "build our own scheduler"
        ));
    }

    #[test]
    fn negations_and_rejections_are_not() {
        assert!(!asserted(
            "We will not build our own scheduler.",
            "build our own scheduler"
        ));
        assert!(!asserted(
            "We won’t build our own scheduler.",
            "build our own scheduler"
        ));
        assert!(!asserted(
            "Instead of writing our own scheduler, we adopt Nomad.",
            "writing our own scheduler"
        ));
        assert!(!asserted(
            "We adopt Nomad rather than writing our own scheduler.",
            "writing our own scheduler"
        ));
        assert!(!asserted(
            "Building our own scheduler was rejected.",
            "Building our own scheduler"
        ));
        assert!(!asserted(
            "Building our own scheduler is out of scope.",
            "Building our own scheduler"
        ));
        assert!(!asserted(
            "We decided against building our own scheduler.",
            "building our own scheduler"
        ));
        assert!(!asserted(
            "Should we build our own scheduler?",
            "build our own scheduler"
        ));
        assert!(!asserted(
            "If we had to build our own scheduler, it would take a year.",
            "build our own scheduler"
        ));
        assert!(!asserted(
            "We considered building our own scheduler.",
            "building our own scheduler"
        ));
        assert!(!asserted(
            "We are retiring our homegrown scheduler.",
            "our homegrown scheduler"
        ));
        assert!(!asserted(
            "Someone said \"let us build our own scheduler\" once.",
            "build our own scheduler"
        ));
    }

    #[test]
    fn the_alternative_compared_against_is_not_asserted() {
        assert!(!asserted(
            "Beam stays the better fit over directly using Dask for these jobs.",
            "using Dask"
        ));
        assert!(!asserted(
            "It is cheaper than simply running Kafka ourselves.",
            "running Kafka"
        ));
        assert!(!asserted("We chose Beam over using Spark.", "using Spark"));
        // An adverb alone is no comparison.
        assert!(asserted(
            "We will directly use Spark for the nightly jobs.",
            "use Spark"
        ));
    }
}
