//! Whether a matched claim is asserted by its sentence, or negated, hypothetical, rejected,
//! compared against, retired, quoted or asked about.
//!
//! A cue governs its own clause and its own object only, not everything after it: each cue
//! found between the clause start and the claim has a scope that runs from the cue to the first
//! boundary of its kind ("and will", a new subject, the "with" of "replace X with Y"), and the
//! claim takes the polarity of the innermost cue whose scope reaches it. Cues after the claim
//! ("… was rejected", "… would take a year") apply within the claim's clause.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::rules::compile_pattern;

/// What a sentence does with a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Polarity {
    Asserted,
    Negated { cue: Cue },
    Hypothetical { cue: Cue },
    Rejected { cue: Cue },
    Compared { cue: Cue },
    Retired { cue: Cue },
    Quoted,
    Question,
}

/// The words that decided a polarity, as written, and their byte range in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub text: String,
    pub span: Range<usize>,
}

impl Polarity {
    /// The polarity's name as reports spell it.
    pub fn name(&self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Negated { .. } => "negated",
            Polarity::Hypothetical { .. } => "hypothetical",
            Polarity::Rejected { .. } => "rejected",
            Polarity::Compared { .. } => "compared",
            Polarity::Retired { .. } => "retired",
            Polarity::Quoted => "quoted",
            Polarity::Question => "question",
        }
    }

    /// The cue that decided it, when words did (quotes and questions have none).
    pub fn cue(&self) -> Option<&Cue> {
        match self {
            Polarity::Negated { cue }
            | Polarity::Hypothetical { cue }
            | Polarity::Rejected { cue }
            | Polarity::Compared { cue }
            | Polarity::Retired { cue } => Some(cue),
            Polarity::Asserted | Polarity::Quoted | Polarity::Question => None,
        }
    }
}

/// True when the sentence asserts the claim at `claim` (a byte range of `text`).
pub fn is_asserted(text: &str, claim: Range<usize>) -> bool {
    polarity(text, claim) == Polarity::Asserted
}

/// The non-asserting polarities a cue can give.
#[derive(Clone, Copy)]
enum Kind {
    Negated,
    Hypothetical,
    Rejected,
    Retired,
}

impl Kind {
    fn with(self, cue: Cue) -> Polarity {
        match self {
            Kind::Negated => Polarity::Negated { cue },
            Kind::Hypothetical => Polarity::Hypothetical { cue },
            Kind::Rejected => Polarity::Rejected { cue },
            Kind::Retired => Polarity::Retired { cue },
        }
    }
}

// Where a cue's scope ends, besides the clause end (bit flags).
/// "and will", "and we" (a coordinator with a new subject or modal).
const COORD: u8 = 1;
/// "and build" (a coordinator with a new verb): ends the scope of a cue that is itself a verb
/// or governs one object, not of a negation, which spreads over verb phrases that share its
/// auxiliary ("will not build X and run Y").
const VERB_PHRASE: u8 = 16;
/// A new subject and verb: "to avoid lock-in we will …".
const SUBJECT: u8 = 2;
/// The target of a replacement: "replace X with Y", "migrate from X to Y".
const TARGET: u8 = 4;
/// The successor of a retirement: "retire X in favour of Y".
const FAVOUR: u8 = 8;

/// One family of cues before the claim: its polarity, its scope and its words.
struct Class {
    kind: Kind,
    ends: u8,
    words: &'static str,
}

/// Cues before the claim, in the order the combined pattern tries them at one position (a
/// longer cue before the shorter one it starts with: "couldn't" before "could", "instead of"
/// before "instead").
const CLASSES: [Class; 9] = [
    // Negation distributes over coordinated nouns ("not … our scheduler and queue") and verbs
    // ("not build X and run Y") but not over a new modal or subject ("not build X and will
    // adopt Y").
    Class {
        kind: Kind::Negated,
        ends: COORD,
        words: r"no\s+longer|nobody|no(?:\s+|-)one|not|never|no|nor|neither|none|cannot|(?:do|does|did|wo|would|should|could|ca|is|are|was|were|has|have|had|must|need)n(?:'|’)?t",
    },
    // An adjunct before the main clause: "without a vendor we must …".
    Class {
        kind: Kind::Negated,
        ends: COORD | VERB_PHRASE | SUBJECT,
        words: r"without|outside(?:\s+of)?|except(?:\s+for)?|excluding|apart\s+from",
    },
    // The alternative set aside: "instead of adopting Kafka we write …".
    Class {
        kind: Kind::Rejected,
        ends: COORD | VERB_PHRASE | SUBJECT,
        words: r"instead\s+of|rather\s+than|in\s+place\s+of|in\s+lieu\s+of|as\s+opposed\s+to",
    },
    // What a purpose avoids: "to avoid vendor lock-in we will …" governs "vendor lock-in".
    Class {
        kind: Kind::Rejected,
        ends: COORD | VERB_PHRASE | SUBJECT,
        words: r"avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|minimi[sz](?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)",
    },
    // A rejection governs its whole object ("decided against the idea that we build …").
    Class {
        kind: Kind::Rejected,
        ends: COORD | VERB_PHRASE,
        words: r"(?:decid(?:e|es|ed|ing)|vot(?:e|es|ed|ing)|argu(?:e|es|ed|ing)|advis(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|opt(?:s|ed|ing)?|cho(?:se|ose|oses)|went|go(?:es|ing)?|(?:is|are|was|were|be)(?:\s+(?:all|firmly|strongly))?|spoke|speak(?:s|ing)?|push(?:es|ed)?\s+back)\s+against|refrain(?:s|ed|ing)?|refus(?:e|es|ed|ing)|forgo(?:ing)?|reject(?:s|ed|ing)?|declin(?:e|es|ed|ing)|dismiss(?:ed|ing)?|neglect(?:s|ed|ing)?",
    },
    // A replacement retires its object, not its target.
    Class {
        kind: Kind::Retired,
        ends: COORD | VERB_PHRASE | TARGET,
        words: r"replac(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)\s+(?:away\s+from|from|off(?:\s+of)?)|mov(?:e|es|ed|ing)\s+(?:away\s+from|off(?:\s+of)?|from)|switch(?:es|ed|ing)?\s+(?:away\s+from|from|off)|transition(?:s|ed|ing)?\s+(?:away\s+from|from|off)",
    },
    Class {
        kind: Kind::Retired,
        ends: COORD | VERB_PHRASE | FAVOUR,
        words: r"stop(?:s|ped|ping)?(?:\s+using)?|retir(?:e|es|ed|ing)|decommission(?:s|ed|ing)?|sunset(?:s|ting)?|phas(?:e|es|ed|ing)\s+out|get(?:ting)?\s+rid\s+of|deprecat(?:e|es|ed|ing)|shut(?:s|ting)?\s+down|remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?\s+support\s+for|(?:switch|turn)(?:s|ed|ing)?\s+off|(?:tear|wind)(?:s|ing)?\s+down|tore\s+down|wound\s+down|dismantl(?:e|es|ed|ing)|previously|formerly|originally|used\s+to",
    },
    // A past proposal, reported: "someone suggested that we build …", "the first version
    // proposed …". The decision's own proposal ("we propose to", "this RFC proposes", "the
    // proposed design", "it is proposed") asserts: see `is_benign`.
    Class {
        kind: Kind::Hypothetical,
        ends: 0,
        words: r"proposed|suggested",
    },
    // A condition or an option under consideration covers its whole clause, coordinated verb
    // phrases included ("if we build X and run it").
    Class {
        kind: Kind::Hypothetical,
        ends: 0,
        words: r"if|unless|whether|considered|considering|consider|evaluat(?:e|ed|ing)|explor(?:e|ed|ing)|investigat(?:e|ed|ing)|could|might|may|option|alternative(?:ly)?|in\s+the\s+context\s+of|facing\s+(?:the|a|an|this|that|these|those|such|increasing|growing)|temptation|tempting|tempted|risk\s+of|danger\s+of|question\s+of|idea\s+of|looked\s+at|looking\s+at|another\s+way|an\s+other\s+way|can\s+also\s+be|instead",
    },
];

/// Cues after the claim, in its clause, that reject it ("… was rejected", "… is out of
/// scope"), negate it, make it hypothetical ("… would take a year") or retire it. One group per
/// [`Kind`], in [`AFTER_KINDS`] order; a rejection is tried first so that "was considered and
/// rejected" and "is not an option" reject rather than consider or negate.
const AFTER: &str = r"(?i)\b(?:((?:is|are|was|were|has\s+been|have\s+been|would\s+be|will\s+be|being|seems?|appears?)\s+(?:(?:proposed|suggested|considered|discussed|evaluated|explored)\s+(?:but|and)\s+(?:was\s+|were\s+|then\s+|later\s+|ultimately\s+|eventually\s+)?)?(?:not\s+an\s+option|rejected|discarded|ruled\s+out|dismissed|abandoned|dropped|deemed|out\s+of\s+scope|too|unnecessary|overkill|off\s+the\s+table|a\s+non-starter|unrealistic|impractical|infeasible|unjustified|excessive|costly|expensive|risky|a\s+bad\s+idea|a\s+distraction)|(?:scored|ranked|rated|came|finished)\s+(?:the\s+)?(?:lowest|worst|last|bottom|poorly)|out\s+of\s+scope|not\s+an\s+option|(?:was|were)\s+(?:an?\s+|the\s+)?(?:alternative|rejected\s+option)s?)|((?:is|are|was|were|has\s+been|have\s+been|would\s+be|will\s+be|being|seems?|appears?)\s+(?:not|never)|(?:is|are|was|were)n(?:'|’)?t)|((?:is|are|was|were|seems?|appears?)\s+(?:briefly\s+)?(?:considered|discussed|evaluated|explored)|would|could|might)|((?:that\s+|which\s+)?we\s+used\s+to|(?:that|which)\s+we\s+(?:are|were)\s+(?:retiring|replacing|removing|decommissioning)|(?:is|are|was|were|will\s+be|(?:can|should|must|is\s+to|are\s+to)\s+be)\s+(?:being\s+)?(?:(?:fully|finally|then|eventually|completely|gradually)\s+)?(?:replaced|retired|deprecated|decommissioned|phased\s+out|sunset|removed|deleted|shut\s+down|switched\s+off|turned\s+off|torn\s+down|wound\s+down|dismantled|migrated\s+away|superseded|withdrawn|shelved|cancell?ed|reverted|rolled\s+back)))\b";

const AFTER_KINDS: [Kind; 4] = [
    Kind::Rejected,
    Kind::Negated,
    Kind::Hypothetical,
    Kind::Retired,
];

/// How far after the claim a cue may start and still be about it.
const AFTER_REACH: usize = 80;

/// Words that end a clause, and with it every cue's scope.
const CLAUSE_BREAK: &str = r"(?i)[;:,()\[\]]|\s(?:-|–|—)\s|—|\b(?:but|however|whereas|although|though|while|yet|so|therefore|hence|thus|then|and\s+instead|because|since)\b";

/// A coordinator that starts a new clause or verb phrase with a subject or a modal: "and will
/// adopt", "and we", "or we'll".
const COORDINATED: &str = r"(?i)\b(?:and|or)\s+(?:(?:we|i|they|you|it|the\s+team|will|shall|would|should|must|can|could|may|might|need\s+to|needs\s+to|have\s+to|has\s+to|instead|also|then|now)\b|(?:we|they|i)(?:'|’)[a-z]+)";

/// Verbs that start a new verb phrase after "and": "stop using cron and build our own".
const VERBS: &str = r"build(?:s|ing)?|built|writ(?:e|es|ing)|wrote|rewrit(?:e|es|ing)|rewrote|develop(?:s|ed|ing)?|implement(?:s|ed|ing)?|creat(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|us(?:e|es|ed|ing)|run(?:s|ning)?|ran|host(?:s|ed|ing)?|self-host(?:s|ed|ing)?|deploy(?:s|ed|ing)?|maintain(?:s|ed|ing)?|operat(?:e|es|ed|ing)|roll(?:s|ed|ing)?|keep(?:s|ing)?|kept|mov(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)|switch(?:es|ed|ing)?|introduc(?:e|es|ed|ing)|rel(?:y|ies|ied|ying)|buy(?:s|ing)?|bought|licen[sc](?:e|es|ed|ing)|integrat(?:e|es|ed|ing)|extend(?:s|ed|ing)?|fork(?:s|ed|ing)?|design(?:s|ed|ing)?|ship(?:s|ped|ping)?|provid(?:e|es|ed|ing)|add(?:s|ed|ing)?|mak(?:e|es|ing)|made|go(?:es|ing)?|start(?:s|ed|ing)?|continu(?:e|es|ed|ing)|invest(?:s|ed|ing)?|standardi[sz](?:e|es|ed|ing)|choos(?:e|es|ing)|chose|pick(?:s|ed|ing)?|select(?:s|ed|ing)?|opt(?:s|ed|ing)?|prefer(?:s|red|ring)?|leverag(?:e|es|ed|ing)|reus(?:e|es|ed|ing)|wrap(?:s|ped|ping)?|consolidat(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|retir(?:e|es|ed|ing)|embrac(?:e|es|ed|ing)|offer(?:s|ed|ing)?|put(?:s|ting)?|set(?:s|ting)?|stand(?:s|ing)?|spin(?:s|ning)?";

/// A new subject with its verb: "to avoid lock-in we will …", "rather than adopt Kafka we'll".
const SUBJECT_VERB: &str = r"(?i)\b(?:we|they|i|the\s+team|our\s+team)(?:\s+[a-z]|(?:'|’)[a-z])";

/// The preposition that introduces what replaces the replaced.
const REPLACEMENT_TARGET: &str =
    r"(?i)\b(?:with|by|to|towards?|onto|into|for|in\s+favou?r\s+of|in\s+preference\s+to)\b";

/// The phrase that introduces the successor of something retired.
const SUCCESSOR: &str = r"(?i)\bin\s+(?:favou?r\s+of|preference\s+to)\b";

// The cue patterns are constants; a test proves they compile, so `None` never happens in a
// released binary and a failure cannot panic at run time.
static BEFORE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(&before()).ok());
static AFTER_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(AFTER).ok());
static BREAK_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(CLAUSE_BREAK).ok());
static COORDINATED_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile_pattern(COORDINATED).ok());
static AND_VERB_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile_pattern(&format!(r"(?i)\band\s+(?:{VERBS})\b")).ok());
static VERB_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile_pattern(&format!(r"(?i)^(?:{VERBS})$")).ok());
static SUBJECT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(SUBJECT_VERB).ok());
static TARGET_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile_pattern(REPLACEMENT_TARGET).ok());
static SUCCESSOR_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(SUCCESSOR).ok());

/// The cues before a claim as one pattern, a capture group per [`CLASSES`] entry.
fn before() -> String {
    let mut pattern = String::from(r"(?i)\b(?:");
    for (i, class) in CLASSES.iter().enumerate() {
        if i > 0 {
            pattern.push('|');
        }
        pattern.push('(');
        pattern.push_str(class.words);
        pattern.push(')');
    }
    pattern.push_str(r")\b");
    pattern
}

/// What the sentence `text` does with the claim at `claim` (a byte range of `text`).
pub fn polarity(text: &str, claim: Range<usize>) -> Polarity {
    let bytes = text.as_bytes();
    let start = claim.start.min(bytes.len());
    let end = claim.end.clamp(start, bytes.len());
    if inside_quotes(text, start) {
        return Polarity::Quoted;
    }
    if text.trim_end().ends_with('?') {
        return Polarity::Question;
    }
    if let Some(cue) = concessive_cue(bytes, start) {
        return Polarity::Compared {
            cue: cue_at(bytes, cue),
        };
    }
    if let Some(cue) = current_state(bytes, start) {
        return Polarity::Retired {
            cue: cue_at(bytes, cue),
        };
    }
    if let Some(cue) = retired_apposition(bytes, start) {
        return Polarity::Retired {
            cue: cue_at(bytes, cue),
        };
    }
    let clause_start = clause_start(bytes, start);
    let inner = innermost_cue(bytes, clause_start, start);
    if let Some(compared) = compared_cue(&bytes[clause_start..start]) {
        let compared = clause_start + compared.start..clause_start + compared.end;
        // "rather than" holds its own "than": that alternative is rejected, not compared.
        if inner
            .as_ref()
            .is_none_or(|(_, span)| span.end <= compared.start)
        {
            return Polarity::Compared {
                cue: cue_at(bytes, compared),
            };
        }
    }
    if let Some((kind, span)) = inner {
        return kind.with(cue_at(bytes, span));
    }
    if let Some((kind, span)) = after_cue(bytes, end) {
        return kind.with(cue_at(bytes, span));
    }
    if let Some(cue) = negated_list(bytes, start) {
        let cue = cue_at(bytes, cue);
        let word = cue.text.to_ascii_lowercase();
        return match word.as_str() {
            "over" | "than" | "versus" | "vs" | "vs." => Polarity::Compared { cue },
            w if w.starts_with("instead") || w.starts_with("rather") => Polarity::Rejected { cue },
            _ => Polarity::Negated { cue },
        };
    }
    Polarity::Asserted
}

/// A sentence-initial adverb of the present: what follows describes what is there.
const CURRENT_STATE: &str = r"(?i)\A\s*(?P<cue>today|currently|presently|at\s+present|at\s+the\s+moment|nowadays|right\s+now|as\s+things\s+stand|as\s+of\s+today|until\s+now|so\s+far|to\s+date)\b";

/// Words that commit to something after such an adverb: "Today we will …".
const COMMITMENT: &str = r"(?i)\b(?:will|shall|going\s+to|plan(?:s|ned)?\s+to|decided?|decision|propose[sd]?|must|should|need\s+to|intend\s+to)\b|(?:'|’)ll\b";

/// A retiring verb, its object and a comma: an apposition follows.
const RETIRED_APPOSITION: &str = r"(?i)\b(?P<cue>retir(?:e|es|ed|ing)|decommission(?:s|ed|ing)?|deprecat(?:e|es|ed|ing)|sunset(?:s|ting)?|phas(?:e|es|ed|ing)\s+out|remov(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|stop(?:s|ped|ping)?\s+using|(?:migrat|mov)(?:e|es|ed|ing)\s+(?:away\s+)?(?:from|off))\s+(?:[\w`'.-]+\s+){0,3}[\w`'.-]+\s*,\s*(?:[\w'-]+\s+){0,2}\z";

/// A sentence that describes what is there today ("Currently, each till syncs through a
/// bespoke replication script"): no decision, unless a commitment follows the adverb before
/// the claim ("Today we will start …").
fn current_state(bytes: &[u8], claim_start: usize) -> Option<Range<usize>> {
    static NOW: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(CURRENT_STATE).ok());
    static COMMITS: LazyLock<Option<Regex>> = LazyLock::new(|| compile_pattern(COMMITMENT).ok());
    let found = NOW.as_ref()?.captures(&bytes[..claim_start])?;
    let cue = found.name("cue")?;
    let between = &bytes[cue.end()..claim_start];
    (!COMMITS.as_ref()?.is_match(between)).then(|| cue.range())
}

/// An apposition of what a sentence retires: "retire `JobDispatcher`, our home-grown job
/// runner, once …" retires the runner too, though the comma ends the retiring clause.
fn retired_apposition(bytes: &[u8], claim_start: usize) -> Option<Range<usize>> {
    static RETIRED_THEN_COMMA: LazyLock<Option<Regex>> =
        LazyLock::new(|| compile_pattern(RETIRED_APPOSITION).ok());
    RETIRED_THEN_COMMA
        .as_ref()?
        .captures(&bytes[..claim_start])?
        .name("cue")
        .map(|m| m.range())
}

/// A negation carried along a list: "We will not write our own replication, leader election
/// or gossip" negates each item, though commas end clauses elsewhere.
fn negated_list(bytes: &[u8], claim_start: usize) -> Option<Range<usize>> {
    static LIST: LazyLock<Option<Regex>> = LazyLock::new(|| {
        compile_pattern(r"(?i)\b(?P<cue>not|never|no|without|avoid(?:s|ing)?|instead\s+of|rather\s+than|over|than|versus|vs\.?)\s+(?:[\w'-]+\s+){0,3}?(?:[\w'-]+(?:\s+[\w'-]+){0,3}\s*(?:,|\s(?:and|or|nor))\s+)+(?:(?:and|or|nor)\s+)?\z").ok()
    });
    let head = &bytes[..claim_start];
    let from = head
        .iter()
        .rposition(|b| matches!(b, b';' | b':' | b'(' | b')'))
        .map_or(0, |i| i + 1);
    let caps = LIST.as_ref()?.captures(&head[from..])?;
    let cue = caps.name("cue")?;
    Some(from + cue.start()..from + cue.end())
}

/// Words that open a concessive clause: what it says is granted, then set against the main
/// clause ("While Kafka topics provide stable sources, these systems would need …").
const CONCESSIVE: [&str; 6] = [
    "while",
    "whilst",
    "although",
    "though",
    "even though",
    "despite",
];

/// The concessive word that opens the sentence when the claim at `start` is inside its clause
/// (before the comma that ends it).
fn concessive_cue(bytes: &[u8], start: usize) -> Option<Range<usize>> {
    let lead = bytes.len() - bytes.trim_ascii_start().len();
    let opening = CONCESSIVE.iter().find_map(|word| {
        let end = lead + word.len();
        let head = bytes.get(lead..end)?;
        let bounded = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        (head.eq_ignore_ascii_case(word.as_bytes()) && bounded).then_some(lead..end)
    })?;
    let clause = bytes.get(opening.end..start)?;
    (!clause.contains(&b',')).then_some(opening)
}

fn cue_at(bytes: &[u8], span: Range<usize>) -> Cue {
    Cue {
        text: String::from_utf8_lossy(&bytes[span.clone()]).into_owned(),
        span,
    }
}

/// The last cue between the clause start and the claim whose scope reaches the claim: a later
/// cue is nested in an earlier one ("we decided against replacing Airflow with …" rejects,
/// since "replacing" stops at its "with" and "against" does not).
fn innermost_cue(
    bytes: &[u8],
    clause_start: usize,
    claim_start: usize,
) -> Option<(Kind, Range<usize>)> {
    let re = BEFORE_RE.as_ref()?;
    let mut inner = None;
    for caps in re.captures_iter(&bytes[clause_start..claim_start]) {
        let Some(found) = caps.get(0) else {
            continue;
        };
        let Some(class) = (1..caps.len())
            .find(|&i| caps.get(i).is_some())
            .and_then(|i| CLASSES.get(i - 1))
        else {
            continue;
        };
        let span = clause_start + found.start()..clause_start + found.end();
        if !is_benign(bytes, clause_start, &span)
            && !scope_ends_by(bytes, &span, claim_start, class.ends)
        {
            inner = Some((class.kind, span));
        }
    }
    inner
}

/// Whether the scope of the cue at `cue` ends at or before `until` at a boundary in `ends`.
fn scope_ends_by(bytes: &[u8], cue: &Range<usize>, until: usize, ends: u8) -> bool {
    let from = cue.end;
    (ends & COORD != 0 && starts_by(&COORDINATED_RE, bytes, from, until))
        || (ends & VERB_PHRASE != 0 && new_verb_phrase(bytes, cue, until))
        || (ends & SUBJECT != 0 && starts_by(&SUBJECT_RE, bytes, from, until))
        || (ends & TARGET != 0 && starts_by(&TARGET_RE, bytes, from, until))
        || (ends & FAVOUR != 0 && starts_by(&SUCCESSOR_RE, bytes, from, until))
}

/// A match of `re` starts in `from..=until` (at the claim's start counts: the claim then opens
/// the new phrase, as in "replace Airflow [with our own orchestrator]").
fn starts_by(re: &LazyLock<Option<Regex>>, bytes: &[u8], from: usize, until: usize) -> bool {
    re.as_ref()
        .and_then(|re| re.find_at(bytes, from))
        .is_some_and(|found| found.start() <= until)
}

/// An "and" followed by a verb starts a new verb phrase ("stop using cron and build …") unless
/// it joins two verbs over one object ("decided against building and running our own …"). A
/// gerund continues the object of a non-verb cue ("instead of adopting Kafka and running it")
/// and is parallel only to a cue in -ing ("are retiring cron and building our own").
fn new_verb_phrase(bytes: &[u8], cue: &Range<usize>, until: usize) -> bool {
    let (Some(and_verb), Some(verb)) = (AND_VERB_RE.as_ref(), VERB_RE.as_ref()) else {
        return false;
    };
    let cue_in_ing = ends_in_ing(previous_word(bytes, cue.end));
    let mut at = cue.end;
    while let Some(found) = and_verb.find_at(bytes, at) {
        if found.start() > until {
            return false;
        }
        let joins_verbs = verb.is_match(previous_word(bytes, found.start()));
        let gerund = ends_in_ing(previous_word(bytes, found.end()));
        if !joins_verbs && (!gerund || cue_in_ing) {
            return true;
        }
        at = found.end();
    }
    false
}

fn ends_in_ing(word: &[u8]) -> bool {
    word.len() > 4 && word[word.len() - 3..].eq_ignore_ascii_case(b"ing")
}

/// The word that ends just before `at` (letters and hyphens).
fn previous_word(bytes: &[u8], at: usize) -> &[u8] {
    let head = bytes[..at].trim_ascii_end();
    let start = head
        .iter()
        .rposition(|b| !(b.is_ascii_alphabetic() || *b == b'-'))
        .map_or(0, |i| i + 1);
    &head[start..]
}

/// A cue after the claim, in its clause and within reach.
fn after_cue(bytes: &[u8], claim_end: usize) -> Option<(Kind, Range<usize>)> {
    let re = AFTER_RE.as_ref()?;
    let found = re.find_at(bytes, claim_end)?;
    if found.start() - claim_end > AFTER_REACH || found.start() >= predicate_end(bytes, claim_end) {
        return None;
    }
    // Which group matched is needed only now, for the rare claim with a cue after it.
    let caps = re.captures_at(bytes, found.start())?;
    let kind = (1..caps.len())
        .find(|&i| caps.get(i).is_some())
        .and_then(|i| AFTER_KINDS.get(i - 1))
        .copied()?;
    Some((kind, found.range()))
}

/// Where the clause holding `from` ends: a clause break, or a coordinator that starts a new
/// clause ("… and it would take a year" says nothing of the claim before it).
fn clause_end(bytes: &[u8], from: usize) -> usize {
    [&BREAK_RE, &COORDINATED_RE]
        .into_iter()
        .filter_map(|re| re.as_ref().and_then(|re| re.find_at(bytes, from)))
        .map(|found| found.start())
        .min()
        .unwrap_or(bytes.len())
}

/// Where the predicate of a claim that is a subject ends: its clause, or past an appositive
/// comma that the predicate follows ("Option 3, building our own X, was rejected").
fn predicate_end(bytes: &[u8], from: usize) -> usize {
    let end = clause_end(bytes, from);
    if bytes.get(end) == Some(&b',') {
        let rest = bytes[end + 1..].trim_ascii_start();
        let auxiliary = [
            "was ", "were ", "is ", "are ", "would ", "will ", "has ", "have ",
        ]
        .iter()
        .any(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes()));
        if auxiliary {
            return clause_end(bytes, end + 1);
        }
    }
    end
}

fn clause_start(bytes: &[u8], claim_start: usize) -> usize {
    let head = &bytes[..claim_start];
    BREAK_RE
        .as_ref()
        .and_then(|re| re.find_iter(head).last())
        .map(|m| m.end())
        .unwrap_or(0)
}

/// Cues that look negative but are not, given the words around them.
fn is_benign(bytes: &[u8], clause_start: usize, cue: &Range<usize>) -> bool {
    let word = &bytes[cue.clone()];
    if word.eq_ignore_ascii_case(b"option") {
        // "Chosen option build our own scheduler" names the decision.
        let before = &bytes[clause_start..cue.start];
        return ["chosen", "selected", "preferred"]
            .iter()
            .any(|w| ends_with_word(before, w).is_some());
    }
    if word.eq_ignore_ascii_case(b"proposed") || word.eq_ignore_ascii_case(b"suggested") {
        // An adjective ("the proposed design") or a present passive ("it is proposed to").
        let before = &bytes[clause_start..cue.start];
        return [
            "the", "a", "an", "our", "this", "these", "its", "their", "my", "is", "are", "am",
        ]
        .iter()
        .any(|w| ends_with_word(before, w).is_some());
    }
    if word.eq_ignore_ascii_case(b"not") {
        // "not only X but also Y" asserts X.
        let after = bytes[cue.end..].trim_ascii_start();
        return ["only", "just", "merely"]
            .iter()
            .any(|w| starts_with_word(after, w));
    }
    false
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

/// The comparison word that ends `before` (an adverb aside), as a range of `before`.
fn compared_cue(before: &[u8]) -> Option<Range<usize>> {
    let compared = without_trailing_adverb(before);
    COMPARED_WITH.iter().find_map(|word| {
        let start = ends_with_word(compared, word)?;
        Some(start..start + word.len())
    })
}

/// `before` without a last word that only qualifies the claim: "over directly using Dask",
/// "than simply running Kafka", "over just adopting Spark".
fn without_trailing_adverb(before: &[u8]) -> &[u8] {
    let trimmed = before.trim_ascii_end();
    let start = trimmed
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &trimmed[start..];
    let qualifies = ["just", "merely", "only", "also"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
        || (word.len() > 4 && word[word.len() - 2..].eq_ignore_ascii_case(b"ly"));
    if qualifies {
        &trimmed[..start]
    } else {
        trimmed
    }
}

/// Where `word` starts when it is the last word of `before` (trailing space aside).
fn ends_with_word(before: &[u8], word: &str) -> Option<usize> {
    let trimmed = before.trim_ascii_end();
    let start = trimmed.len().checked_sub(word.len())?;
    (trimmed[start..].eq_ignore_ascii_case(word.as_bytes())
        && (start == 0 || !trimmed[start - 1].is_ascii_alphanumeric()))
    .then_some(start)
}

fn starts_with_word(after: &[u8], word: &str) -> bool {
    after.len() >= word.len()
        && after[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && after
            .get(word.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Inside a pair of straight or curly double quotes. The quotes of MADR's
/// `Chosen option: "…"` name an option; they do not quote anyone.
fn inside_quotes(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return false;
    };
    let Some(opening) = before.rfind(['"', '\u{201c}']) else {
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
    let closing = if straight % 2 == 1 {
        after.find('"')
    } else if open > close {
        after.find('\u{201d}')
    } else {
        None
    };
    let Some(closing) = closing else {
        return false;
    };
    let quote_len = before[opening..].chars().next().map_or(1, char::len_utf8);
    !is_term(&text[opening + quote_len..at + closing])
}

/// A term set in quotes ("Applicative read repairs", "sidecar"): a short noun phrase, not
/// words anyone says. A quotation holds a pronoun, a modal or a clause's punctuation.
fn is_term(quoted: &str) -> bool {
    const SPOKEN: [&str; 14] = [
        "we", "our", "us", "i", "you", "they", "let", "let's", "will", "would", "should", "must",
        "shall", "not",
    ];
    let words: Vec<String> = quoted
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    (1..=4).contains(&words.len())
        && !quoted.contains(['.', ',', ';', ':', '!', '?'])
        && !words.iter().any(|w| SPOKEN.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polarity_of(sentence: &str, claim: &str) -> Polarity {
        let Some(start) = sentence.find(claim) else {
            panic!("claim {claim:?} not in {sentence:?}")
        };
        polarity(sentence, start..start + claim.len())
    }

    /// Asserts the variant (by name) and the cue's words, and that the cue's span holds them.
    fn check(sentence: &str, claim: &str, name: &str, cue: Option<&str>) {
        let found = polarity_of(sentence, claim);
        assert_eq!(
            (found.name(), found.cue().map(|c| c.text.as_str())),
            (name, cue),
            "{sentence:?} [{claim}]"
        );
        if let Some(found) = found.cue() {
            assert_eq!(&sentence[found.span.clone()], found.text, "{sentence:?}");
        }
    }

    fn asserted(sentence: &str, claim: &str) {
        check(sentence, claim, "asserted", None);
    }

    #[test]
    fn cue_patterns_compile() {
        let before = before();
        let and_verb = format!(r"(?i)\band\s+(?:{VERBS})\b");
        for (name, pattern) in [
            ("BEFORE", before.as_str()),
            ("AFTER", AFTER),
            ("CLAUSE_BREAK", CLAUSE_BREAK),
            ("COORDINATED", COORDINATED),
            ("AND_VERB", and_verb.as_str()),
            ("SUBJECT_VERB", SUBJECT_VERB),
            ("REPLACEMENT_TARGET", REPLACEMENT_TARGET),
            ("SUCCESSOR", SUCCESSOR),
            ("CURRENT_STATE", CURRENT_STATE),
            ("COMMITMENT", COMMITMENT),
            ("RETIRED_APPOSITION", RETIRED_APPOSITION),
        ] {
            assert!(
                compile_pattern(pattern).is_ok(),
                "{name}: {:?}",
                compile_pattern(pattern).err()
            );
        }
        // One capture group per class, in order, or the cue's class is misread.
        let groups = BEFORE_RE.as_ref().map(Regex::captures_len);
        assert_eq!(groups, Some(CLASSES.len() + 1));
        let groups = AFTER_RE.as_ref().map(Regex::captures_len);
        assert_eq!(groups, Some(AFTER_KINDS.len() + 1));
        assert!(VERB_RE.is_some() && AND_VERB_RE.is_some());
    }

    #[test]
    fn names_and_cues() {
        let sentence = "We will replace our own scheduler with cron.";
        assert_eq!(
            polarity_of(sentence, "our own scheduler"),
            Polarity::Retired {
                cue: Cue {
                    text: "replace".to_string(),
                    span: 8..15
                }
            }
        );
        assert_eq!(Polarity::Asserted.name(), "asserted");
        assert_eq!(Polarity::Quoted.cue(), None);
        assert_eq!(Polarity::Question.name(), "question");
        assert!(is_asserted("We will build our own scheduler.", 8..31));
        assert!(!is_asserted("We will not build our own scheduler.", 12..35));
    }

    #[test]
    fn a_claim_out_of_range_does_not_panic() {
        // Clamped to the sentence's end, the claim follows the "not".
        assert_eq!(polarity("We will not", 40..50).name(), "negated");
        // Reversed, or inside a multi-byte character.
        let (start, end) = (6, 4);
        assert_eq!(polarity("We won’t", start..end).name(), "asserted");
        assert_eq!(polarity("We won’t", 7..8).name(), "asserted");
    }

    #[test]
    fn plain_claims_are_asserted() {
        asserted(
            "We will build our own scheduler.",
            "build our own scheduler",
        );
        asserted(
            "We adopt Nomad for services but build our own scheduler for batch.",
            "build our own scheduler",
        );
        asserted(
            "Chosen option: build our own scheduler, because it fits.",
            "build our own scheduler",
        );
        // The `option` of a chosen option names the decision.
        asserted(
            "Chosen option build our own scheduler, because it fits.",
            "build our own scheduler",
        );
        asserted(
            "Chosen option: \"build our own scheduler\", because it fits.",
            "build our own scheduler",
        );
        // Obligation asserts.
        asserted(
            "We need to implement our own consensus protocol.",
            "implement our own consensus protocol",
        );
        asserted(
            "We have to build our own scheduler.",
            "build our own scheduler",
        );
        asserted(
            "We must build our own scheduler.",
            "build our own scheduler",
        );
        // A purpose clause states what the decision does.
        asserted(
            "To incorporate a priority-based mempool in the node, we will extend the pool.",
            "a priority-based mempool",
        );
        // "not only X but also Y" asserts X.
        asserted(
            "We will not only build our own scheduler but also run it.",
            "build our own scheduler",
        );
    }

    #[test]
    fn proposal_language_asserts_unless_rejected() {
        asserted(
            "We propose to implement a distributed garbage collector.",
            "implement a distributed garbage collector",
        );
        asserted("This RFC proposes a replicated log.", "a replicated log");
        asserted(
            "We would like to suggest a double signing risk reduction method.",
            "a double signing risk reduction method",
        );
        asserted(
            "The proposed design is to build our own scheduler.",
            "build our own scheduler",
        );
        asserted(
            "We suggest building our own message broker.",
            "building our own message broker",
        );
        // Someone else's proposal, reported, is not the decision.
        check(
            "Someone suggested that we build our own message broker.",
            "build our own message broker",
            "hypothetical",
            Some("suggested"),
        );
        check(
            "Someone proposed that we build our own scheduler.",
            "build our own scheduler",
            "hypothetical",
            Some("proposed"),
        );
        check(
            "The first version of this record proposed a separate Airflow deployment.",
            "a separate Airflow deployment",
            "hypothetical",
            Some("proposed"),
        );
        asserted(
            "It is proposed to build our own scheduler.",
            "build our own scheduler",
        );
        check(
            "The proposal to build our own scheduler was rejected.",
            "build our own scheduler",
            "rejected",
            Some("was rejected"),
        );
        check(
            "Our own scheduler was proposed but rejected.",
            "Our own scheduler",
            "rejected",
            Some("was proposed but rejected"),
        );
    }

    #[test]
    fn negations() {
        for (sentence, cue) in [
            ("We will not build our own scheduler.", "not"),
            ("We won't build our own scheduler.", "won't"),
            ("We won’t build our own scheduler.", "won’t"),
            ("We will never build our own scheduler.", "never"),
            ("We no longer build our own scheduler.", "no longer"),
            ("We cannot build our own scheduler.", "cannot"),
        ] {
            check(sentence, "build our own scheduler", "negated", Some(cue));
        }
        // A coordinated noun stays under the negation; so do two verbs over one object.
        check(
            "We will not build our own scheduler and queue.",
            "queue",
            "negated",
            Some("not"),
        );
        check(
            "We will not build and maintain our own scheduler.",
            "our own scheduler",
            "negated",
            Some("not"),
        );
        // A negation spreads over verb phrases that share its auxiliary, and over "or".
        check(
            "We will not build a scheduler and run our own queue.",
            "run our own queue",
            "negated",
            Some("not"),
        );
        check(
            "We are not building a scheduler and running our own queue.",
            "running our own queue",
            "negated",
            Some("not"),
        );
        check(
            "We will not build or buy a scheduler.",
            "a scheduler",
            "negated",
            Some("not"),
        );
        // A cue nested in a negation: "replacing" stops at "with", "not" does not.
        check(
            "We will not replace Airflow with our own orchestrator.",
            "our own orchestrator",
            "negated",
            Some("not"),
        );
        check(
            "We ship without a message broker.",
            "a message broker",
            "negated",
            Some("without"),
        );
        check(
            "Our own scheduler is not needed.",
            "Our own scheduler",
            "negated",
            Some("is not"),
        );
    }

    #[test]
    fn a_negation_ends_at_a_new_verb_phrase_or_clause() {
        // "and will" starts a new verb phrase.
        asserted(
            "We will not build a scheduler and will adopt Nomad.",
            "adopt Nomad",
        );
        asserted(
            "We will not build a scheduler and we adopt Nomad.",
            "adopt Nomad",
        );
        // "so" starts a new clause; "not" governs the first.
        let sentence = "There does not appear to be any off-the-shelf solution, so we will have to roll our own.";
        asserted(sentence, "roll our own");
        check(sentence, "off-the-shelf solution", "negated", Some("not"));
        // A new subject is no boundary for a negation: "not think we should" still negates.
        check(
            "We do not think we should build our own scheduler.",
            "build our own scheduler",
            "negated",
            Some("not"),
        );
        asserted(
            "Without a managed offering we must build our own broker.",
            "build our own broker",
        );
    }

    #[test]
    fn hypotheticals() {
        check(
            "If we build our own scheduler, it would take a year.",
            "build our own scheduler",
            "hypothetical",
            Some("If"),
        );
        check(
            "If we had to build our own scheduler, it would take a year.",
            "build our own scheduler",
            "hypothetical",
            Some("If"),
        );
        check(
            "We could build our own scheduler.",
            "build our own scheduler",
            "hypothetical",
            Some("could"),
        );
        check(
            "We might build our own scheduler.",
            "build our own scheduler",
            "hypothetical",
            Some("might"),
        );
        check(
            "We considered building our own scheduler.",
            "building our own scheduler",
            "hypothetical",
            Some("considered"),
        );
        check(
            "Option 2 is to build our own scheduler.",
            "build our own scheduler",
            "hypothetical",
            Some("Option"),
        );
        // A condition spans coordinated verb phrases.
        check(
            "If we adopt Nomad and run our own scheduler, costs rise.",
            "run our own scheduler",
            "hypothetical",
            Some("If"),
        );
        check(
            "If we migrate from Kafka to our own broker, costs rise.",
            "our own broker",
            "hypothetical",
            Some("If"),
        );
        // A bare "would" after the claim, in its clause.
        check(
            "Building our own scheduler would take a year.",
            "Building our own scheduler",
            "hypothetical",
            Some("would"),
        );
        // … but not in the next clause.
        asserted(
            "We will build our own scheduler and it would take a year.",
            "build our own scheduler",
        );
        asserted(
            "We will build our own scheduler because the vendor would not support us.",
            "build our own scheduler",
        );
    }

    #[test]
    fn rejections() {
        check(
            "Building our own scheduler was rejected.",
            "Building our own scheduler",
            "rejected",
            Some("was rejected"),
        );
        check(
            "Building our own scheduler is out of scope.",
            "Building our own scheduler",
            "rejected",
            Some("is out of scope"),
        );
        check(
            "Implementing Raft ourselves was considered and rejected.",
            "Implementing Raft ourselves",
            "rejected",
            Some("was considered and rejected"),
        );
        check(
            "We decided against building our own scheduler.",
            "building our own scheduler",
            "rejected",
            Some("decided against"),
        );
        asserted(
            "We decided for building our own scheduler.",
            "building our own scheduler",
        );
        // A rejection covers the target of a replacement it governs.
        check(
            "We decided against replacing Airflow with our own orchestrator.",
            "our own orchestrator",
            "rejected",
            Some("decided against"),
        );
    }

    #[test]
    fn a_rejected_alternative_governs_its_own_object() {
        let sentence = "Instead of adopting Kafka, we will write a replicated log of our own.";
        asserted(sentence, "write a replicated log of our own");
        check(sentence, "adopting Kafka", "rejected", Some("Instead of"));
        // No comma: the new subject ends the alternative.
        asserted(
            "Instead of adopting Kafka we will write a replicated log of our own.",
            "write a replicated log of our own",
        );
        let sentence = "Rather than adopting Kafka, we write our own log.";
        asserted(sentence, "write our own log");
        check(sentence, "adopting Kafka", "rejected", Some("Rather than"));
        let sentence = "We will build our own scheduler rather than adopt Nomad.";
        asserted(sentence, "build our own scheduler");
        check(sentence, "adopt Nomad", "rejected", Some("rather than"));
        check(
            "We adopt Nomad rather than writing our own scheduler.",
            "writing our own scheduler",
            "rejected",
            Some("rather than"),
        );
        // A gerund continues the alternative; a new verb phrase or modal leaves it.
        check(
            "Instead of adopting Kafka and running our own ZooKeeper, we use SQS.",
            "running our own ZooKeeper",
            "rejected",
            Some("Instead of"),
        );
        check(
            "We decided against adopting Kafka and running our own ZooKeeper.",
            "running our own ZooKeeper",
            "rejected",
            Some("decided against"),
        );
        asserted(
            "We decided against adopting Kafka and will write our own log.",
            "write our own log",
        );
        let sentence = "To avoid vendor lock-in we will write our own message broker.";
        asserted(sentence, "write our own message broker");
        check(sentence, "vendor lock-in", "rejected", Some("avoid"));
    }

    #[test]
    fn comparisons() {
        check(
            "We chose Beam over using Spark.",
            "using Spark",
            "compared",
            Some("over"),
        );
        asserted("We chose Beam over using Spark.", "Beam");
        check(
            "It is cheaper than running Kafka ourselves.",
            "running Kafka",
            "compared",
            Some("than"),
        );
        // An adverb between the comparison and the claim keeps the comparison.
        check(
            "It is cheaper than simply running Kafka ourselves.",
            "running Kafka",
            "compared",
            Some("than"),
        );
        check(
            "Beam stays the better fit over directly using Dask for these jobs.",
            "using Dask",
            "compared",
            Some("over"),
        );
        // An adverb alone is no comparison.
        asserted(
            "We will directly use Spark for the nightly jobs.",
            "use Spark",
        );
    }

    #[test]
    fn the_current_state_appositions_of_the_retired_and_new_cues() {
        check(
            "Today the label jobs are picked up by a home-grown work queue.",
            "home-grown work queue",
            "retired",
            Some("Today"),
        );
        check(
            "Currently, each till syncs through a bespoke replication script.",
            "bespoke replication script",
            "retired",
            Some("Currently"),
        );
        asserted(
            "Today we will start building our own work queue.",
            "our own work queue",
        );
        check(
            "We will retire `JobDispatcher`, our home-grown job runner, once every job has moved.",
            "our home-grown job runner",
            "retired",
            Some("retire"),
        );
        // Kept, not retired: the apposition is asserted.
        asserted(
            "We will keep `JobDispatcher`, our home-grown job runner, for the nightly jobs.",
            "our home-grown job runner",
        );
        asserted(
            "Everybody on the team has built a consensus algorithm before.",
            "consensus algorithm",
        );
        check(
            "Nobody on the team has built a consensus algorithm before.",
            "consensus algorithm",
            "negated",
            Some("Nobody"),
        );
        check(
            "Build our own service mesh scored lowest of the four options.",
            "our own service mesh",
            "rejected",
            Some("scored lowest"),
        );
        check(
            "The proposal to write a test harness was superseded by ADR-0042.",
            "a test harness",
            "retired",
            Some("was superseded"),
        );
    }

    #[test]
    fn replacements_retire_their_object_and_assert_their_target() {
        let sentence = "We will replace Airflow with our own workflow orchestrator.";
        asserted(sentence, "our own workflow orchestrator");
        check(sentence, "Airflow", "retired", Some("replace"));
        asserted(
            "We will replace cron with our own scheduler.",
            "our own scheduler",
        );
        check(
            "We will replace our own scheduler with cron.",
            "our own scheduler",
            "retired",
            Some("replace"),
        );
        let sentence = "We are migrating from Kafka to our own message broker.";
        asserted(sentence, "our own message broker");
        check(sentence, "Kafka", "retired", Some("migrating from"));
        check(
            "We will migrate off our in-house queue.",
            "our in-house queue",
            "retired",
            Some("migrate off"),
        );
        asserted(
            "We will migrate off our in-house queue to our own broker.",
            "our own broker",
        );
        asserted(
            "Cron will be replaced by our homegrown scheduler.",
            "our homegrown scheduler",
        );
        check(
            "Our homegrown scheduler will be replaced by Nomad.",
            "Our homegrown scheduler",
            "retired",
            Some("will be replaced"),
        );
    }

    #[test]
    fn retirements() {
        for (sentence, cue) in [
            ("We are retiring our homegrown scheduler.", "retiring"),
            (
                "We will decommission our homegrown scheduler.",
                "decommission",
            ),
            ("We deprecate our homegrown scheduler.", "deprecate"),
            ("We will phase out our homegrown scheduler.", "phase out"),
            ("We will sunset our homegrown scheduler.", "sunset"),
            ("We previously ran our homegrown scheduler.", "previously"),
            ("We will shut down our homegrown scheduler.", "shut down"),
            ("We will switch off our homegrown scheduler.", "switch off"),
            (
                "Then our homegrown scheduler will be removed.",
                "will be removed",
            ),
            (
                "Then our homegrown scheduler is to be shut down.",
                "is to be shut down",
            ),
        ] {
            check(sentence, "our homegrown scheduler", "retired", Some(cue));
        }
        // Minimal pairs: the same thing kept, or another thing removed.
        asserted(
            "Then our homegrown scheduler will run the nightly jobs.",
            "our homegrown scheduler",
        );
        asserted(
            "Then our homegrown scheduler will be extended; the cron host will be removed.",
            "our homegrown scheduler",
        );
        asserted(
            "We are retiring cron in favour of our homegrown scheduler.",
            "our homegrown scheduler",
        );
        // "stop using" governs its object; "and build" starts a new verb phrase.
        let sentence = "We will stop using cron and build our own job scheduler.";
        asserted(sentence, "build our own job scheduler");
        check(sentence, "cron", "retired", Some("stop using"));
        // Progressive, parallel to the cue's own -ing.
        let sentence = "We are retiring cron and building our own job scheduler.";
        asserted(sentence, "building our own job scheduler");
        check(sentence, "cron", "retired", Some("retiring"));
    }

    #[test]
    fn a_predicate_after_an_appositive_reaches_its_subject() {
        check(
            "Option 3, building a job scheduler of our own, was rejected as too costly.",
            "building a job scheduler of our own",
            "rejected",
            Some("was rejected"),
        );
        check(
            "A Spark cluster for the deduplication was an alternative we did not choose.",
            "Spark cluster",
            "rejected",
            Some("was an alternative"),
        );
        asserted(
            "Option 3, building a job scheduler of our own, keeps the jobs close to the data.",
            "building a job scheduler of our own",
        );
    }

    #[test]
    fn a_negation_carries_along_its_list() {
        let sentence =
            "We will not write our own replication, leader election or gossip; the database does.";
        check(sentence, "leader election", "negated", Some("not"));
        check(sentence, "gossip", "negated", Some("not"));
        let compared = "The main advantages of using Apache Beam over using Dask, Spark or Flink.";
        check(compared, "Flink", "compared", Some("over"));
        check(
            "Use Aurora Serverless outside EKS clusters with automated scaling.",
            "EKS clusters",
            "negated",
            Some("outside"),
        );

        asserted(
            "We will not use Kafka, but we will build our own job scheduler.",
            "build our own job scheduler",
        );
    }

    #[test]
    fn a_concessive_clause_grants_and_sets_aside() {
        let sentence = "While Kafka topics provide stable sources, these systems need upkeep.";
        check(sentence, "Kafka topics", "compared", Some("While"));
        // The main clause after the comma is asserted.
        asserted(
            "Although it is more work, we will build our own job scheduler.",
            "build our own job scheduler",
        );
        asserted(
            "We will build our own job scheduler while the vendor fixes theirs.",
            "build our own job scheduler",
        );
    }

    #[test]
    fn quotes_and_questions() {
        check(
            "Someone said \"build our own scheduler\" once.",
            "build our own scheduler",
            "quoted",
            None,
        );
        check(
            "Someone said \u{201c}let us build our own scheduler\u{201d} once.",
            "build our own scheduler",
            "quoted",
            None,
        );
        asserted(
            "Someone said we build our own scheduler once.",
            "build our own scheduler",
        );
        // A term in quotes is no quotation.
        asserted(
            "Provide a proof of concept for \"applicative read repairs\".",
            "read repairs",
        );
        check(
            "The vendor said \"we will build a scheduler\".",
            "scheduler",
            "quoted",
            None,
        );
        check(
            "Should we build our own scheduler?",
            "build our own scheduler",
            "question",
            None,
        );
        asserted(
            "We should build our own scheduler.",
            "build our own scheduler",
        );
    }
}
