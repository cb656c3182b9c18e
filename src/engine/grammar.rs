//! The grammar of claims, owned by the engine: rules name their things, and the constructions
//! here say when a sentence that mentions a thing claims to make it (the grammar of making,
//! for `extends = "build"`) or to adopt it (the grammar of adopting, `extends = "adopt"`).
//!
//! Each construction is defined once, has a name that findings and `--explain-matches` show,
//! and is unit-tested below with a sentence that fires and a minimal pair that does not.
//! Constructions read the words around a mention: those before it (the left context, up to
//! the clause that holds it) and those after it. Polarity (negation, rejection, …) is decided
//! afterwards, by [`super::polarity`], on the claim's span.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};

use crate::rules::Check;

/// A way of saying "we make it" or "we adopt it".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Construction {
    /// A verb of creation before the thing: "We will implement a leader election mechanism".
    MakeVerb,
    /// A marker of ownership: "our own lock service", "an in-house scheduler", "… of our own".
    Ownership,
    /// A distributed version of the thing: "a distributed implementation of the EventBus",
    /// "a distribution-aware TaskManager".
    Distributed,
    /// The thing built on an existing one: "a mail queue implemented on top of Pulsar",
    /// "a JetStream-backed key-value store".
    BuiltOn,
    /// The thing as the subject of a passive of making: "The P2P stack will be redesigned".
    Passive,
    /// A proposal: "This RFC proposes a replicated log", "This document describes a design of …".
    Proposal,
    /// "… so we will roll our own", with the thing in the sentence before or in the title.
    Anaphora,
    /// A component of something the team builds: "our own broker, with its own leader election".
    Part,
    /// What "it" (the thing just built) provides: "It will also hand out distributed locks".
    Provided,
    /// A record whose decision designs several pieces of distributed machinery.
    DesignLevel,
    /// A verb of adopting, running or building on the framework: "Use Amazon EKS".
    AdoptVerb,
    /// A framework's artifact in a committing sentence: "We will run the jobs as Spark jobs".
    Artifact,
    /// The framework as the subject of a commitment: "The EKS endpoint will be private".
    Subject,
    /// A chosen option or decision label naming it: "Chosen option: Apache Beam".
    Chosen,
    /// A decision sentence that starts with an imperative verb: "Enable Elasticsearch routing".
    Imperative,
    /// "The new distributed file system will store chunks …": a thing introduced as new, as
    /// the subject of what the decision commits to.
    Novelty,
    /// A raw regex of a rule pack (`patterns`).
    Pattern,
}

impl Construction {
    pub fn id(self) -> &'static str {
        match self {
            Construction::MakeVerb => "verb-of-making",
            Construction::Ownership => "ownership",
            Construction::Distributed => "distributed-implementation",
            Construction::BuiltOn => "built-on",
            Construction::Passive => "passive",
            Construction::Proposal => "proposal",
            Construction::Anaphora => "anaphora",
            Construction::Part => "part",
            Construction::Provided => "provided-by-it",
            Construction::DesignLevel => "design-level",
            Construction::AdoptVerb => "verb-of-adopting",
            Construction::Artifact => "framework-artifact",
            Construction::Subject => "subject",
            Construction::Chosen => "chosen-option",
            Construction::Imperative => "imperative",
            Construction::Novelty => "novelty",
            Construction::Pattern => "pattern",
        }
    }
}

/// A construction that holds a mention, and the words of the claim (a range of the sentence
/// from the construction's first word to the mention's end, or from the mention to the
/// construction's last word).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub construction: Construction,
    pub span: Range<usize>,
}

/// Verbs of creation and change, every inflection ("re-" forms too).
const MAKE: &str = r"(?:re-?)?(?:build|builds|built|building|writ(?:e|es|ing)|wrote|written|implement(?:s|ed|ing)?|provid(?:e|es|ed|ing)|ship(?:s|ped|ping)?|introduc(?:e|es|ed|ing)|add(?:s|ed|ing)?(?:\s+support\s+for)?|support(?:s|ed|ing)?\s+(?:both\s+)?(?:a|an)|creat(?:e|es|ed|ing)|design(?:s|ed|ing)?|extend(?:s|ed|ing)?|evolv(?:e|es|ed|ing)|develop(?:s|ed|ing)?|engineer(?:s|ed|ing)?|author(?:s|ed|ing)?|craft(?:s|ed|ing)?|construct(?:s|ed|ing)?|incorporat(?:e|es|ed|ing)|cod(?:e|es|ed|ing)|fork(?:s|ed|ing)?(?:\s+and\s+maintain(?:s|ed|ing)?)?|maintain(?:s|ed|ing)?\s+(?:a|an|our)\s+fork\s+of|stand(?:s|ing)?\s+up|stood\s+up|roll(?:s|ed|ing)?\s+out\s+(?:our|a)\s+new|architect(?:s|ed|ing)?)";

/// Markers that the thing is the team's own.
const OWN: &str = r"(?:(?:our|my)\s+(?:very\s+)?own|in-?house|in\s+house|home-?grown|home-?made|bespoke|custom(?:-built|-made)?|proprietary|self-built|self-developed|self-written|purpose-built|hand-?rolled|hand-?written|(?:build|write|roll|implement|create|develop)(?:s|ing)?\s+own)";

/// Words up to the mention (checked by [`modifiers_ok`]).
const MODS: &str = r#"(?P<mods>(?:[\w/.+'"-]+\s+){0,7})"#;

/// Verbs of adopting, running, or building on a framework, with their prepositions.
const ADOPT: &str = r"(?:adopt(?:s|ed|ing)?|us(?:e|es|ed|ing)|utili[sz](?:e|es|ed|ing)|employ(?:s|ed|ing)?|leverag(?:e|es|ed|ing)|(?:run(?:s|ning)?|ran|deploy(?:s|ed|ing)?|execut(?:e|es|ed|ing)|submit(?:s|ted|ting)?|(?:self-)?host(?:s|ed|ing)?)(?:(?:\s+(?:[\w'-]|\xE2\x80\x99)+){0,3}?\s+(?:on|in|inside|within|onto|to|into|under|across|as(?:\s+(?:an?|one|many|several))?))?|(?:process(?:es|ed|ing)?|comput(?:e|es|ed|ing)|analy[sz](?:e|es|ed|ing)|crunch(?:es|ed|ing)?|aggregat(?:e|es|ed|ing)|transform(?:s|ed|ing)?|join(?:s|ed|ing)?|enrich(?:es|ed|ing)?|train(?:s|ed|ing)?|fine[\s-]tun(?:e|es|ed|ing)|schedul(?:e|es|ed|ing)|paralleli[sz](?:e|es|ed|ing)|distribut(?:e|es|ed|ing))(?:\s+(?:[\w'-]|\xE2\x80\x99)+){0,3}?\s+(?:with|on|in|using)|(?:is|are|will\s+be|gets?)\s+(?:done|performed|implemented|written|computed|processed|handled|trained|built|executed|packaged|delivered)\s+(?:with|in|on|using|as(?:\s+an?)?)|(?:is|are|will\s+be|gets?)\s+(?:maintained|stored|kept|persisted|hosted|indexed|saved|held|recorded|materiali[sz]ed|replicated|published|queued)\s+(?:in|into|on|to)|
operat(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|install(?:s|ed|ing)?|provision(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)(?:\s+[\w-]+){0,2}?\s+to|(?:mov|migrat|switch|transition|port)(?:e|es|ed|ing)?(?:\s+[\w-]+){0,7}?\s+(?:to|onto|into)|standardi[sz](?:e|es|ed|ing)\s+on|rel(?:y|ies|ied|ying)\s+on|build(?:s|ing)?(?:\s+[\w-]+){0,3}?\s+(?:on|upon|atop|with)|built\s+(?:on|upon|atop|with)|based\s+on|go(?:es|ing)?\s+with|went\s+with|decid(?:e|es|ed|ing)\s+(?:for|on|in\s+favou?r\s+of)|opt(?:s|ed|ing)?\s+for|settl(?:e|es|ed|ing)\s+on|(?:re)?(?:read|process(?:ed)?|quer(?:y|ied)|consumed|executed|run|triggered|scheduled|served|indexed|computed|trained|produced|ingested|transformed|aggregated|analy[sz]ed)(?:\s+[\w-]+){0,2}?\s+(?:by|from)(?:\s+(?:both|either))?|cho(?:ose|oses|osing|se|sen)|select(?:s|ed|ing)?|pick(?:s|ed|ing)?|(?:stand|set|spin)(?:s|ting|ning|ding)?\s+up|stood\s+up|consum(?:e|es|ed|ing)(?:\s+[\w-]+){0,3}?\s+from|subscrib(?:e|es|ed|ing)\s+to|publish(?:es|ed|ing)?(?:\s+[\w-]+){0,3}?\s+(?:to|on|into)|read(?:s|ing)?(?:\s+[\w-]+){0,3}?\s+from|writ(?:e|es|ing)(?:\s+[\w-]+){0,3}?\s+(?:to|into)|(?:re-?)?(?:writ(?:e|es|ing)|wrote|written|implement(?:s|ed|ing)?|port(?:s|ed|ing)?|cod(?:e|es|ed|ing)|express(?:es|ed|ing)?)(?:\s+[\w-]+){0,4}?\s+(?:in|with|against)|stor(?:e|es|ed|ing)(?:\s+[\w-]+){0,4}?\s+(?:in|into|on)|persist(?:s|ed|ing)?(?:\s+[\w-]+){0,4}?\s+(?:in|into|to)|integrat(?:e|es|ed|ing)\s+with|replac(?:e|es|ed|ing)(?:\s+[\w'-]+){0,5}?\s+(?:with|by)|in\s+favou?r\s+of|on\s+top\s+of|atop|onto|powered\s+by|backed\s+by|managed\s+by|orchestrated\s+(?:by|with)|via|using)";

/// Words after a framework's name that are things one runs or codes against.
const ARTIFACT: &str = r"(?:clusters?|workspaces?|jobs?|topics?|pipelines?|consumers?|producers?|queues?|exchanges?|streams?|dags?|node[\s-]?groups?|nodes?|workers?|executors?|brokers?|connectors?|operators?|keyspaces?|drivers?|projections?|implementations?|backends?|endpoints?|namespaces?|workloads?|applications?|resources?|objects?|manifests?|charts?|controllers?|tables?|indices|index(?:es)?|schemas?|storage|databases?|instances?|deployments?|distributions?|apis?|sdks?|clients?|shards?|replicas?|partitions?|components?|tasks?|functions?|processors?|notebooks?|runtimes?|services?|server|servers|subjects?|buckets?|jetstream|binders?|bindings?|listeners?|sinks?|sources?|integrations?|transports?)";

/// Imperative verbs that open a decision ("Use …", "Enable …", "Broadcast …").
const IMPERATIVE: &str = r"(?:use|adopt|run|deploy|move|migrate|switch|store|read|write|provide|add|create|implement|enable|upgrade|enforce|introduce|build|keep|set\s+up|expose|support|rely|leverage|host|operate|install|broadcast|send|publish|consume|subscribe|persist|emit|register|schedule|trigger|process|stream|ingest|load|index|partition|shard|replicate|cache|maintain|offer|go|choose|select|standardi[sz]e|embrace|integrate|connect|containeri[sz]e|package|ship|split|combine|route|query|serve|scale|paralleli[sz]e|submit|train|orchestrate|coordinate|distribute|aggregate|transform|compute|execute|fan\s+out|expose|back)";

/// Modal verbs and phrases of commitment.
const MODAL: &str = r"\b(?:will|shall|should|must|(?:is|are)\s+going\s+to|needs?\s+to|have\s+to|has\s+to|decided|chose|choose|agreed|opted|selected|plan\s+to|intend\s+to|propose|prefer|recommended|we\s+[a-z]+)\b";

fn build(source: &str) -> Option<Regex> {
    RegexBuilder::new(source)
        .unicode(false)
        .size_limit(4 << 20)
        .dfa_size_limit(8 << 20)
        .build()
        .ok()
}

macro_rules! construction_regex {
    ($name:ident, $source:expr) => {
        static $name: LazyLock<Option<Regex>> = LazyLock::new(|| build(&$source));
    };
}

construction_regex!(
    MAKE_LEFT,
    format!(
        r"(?i)\b(?P<head>{MAKE}(?:\s+and\s+(?:{MAKE}|maintain(?:s|ed|ing)?|operat(?:e|es|ed|ing)|run))?)\s+{MODS}\z"
    )
);
// "Implement `Tributary`, a change-data-capture framework …": the made thing's name, then what
// it is.
construction_regex!(
    NAMED_MAKE_LEFT,
    format!(
        r"(?i)\b(?P<head>{MAKE})\s+(?:`[^`]{{1,40}}`|[A-Z][\w.-]*)\s*,\s+(?:an?|our|the)\s+{MODS}\z"
    )
);
construction_regex!(
    KEEP_LEFT,
    format!(
        r"(?i)\b(?P<head>(?:maintain|carry|keep|run|ship|own)(?:s|ed|ing)?|kept|ran)\s+{MODS}\z"
    )
);
construction_regex!(
    NEW_LEFT,
    format!(r"(?i)(?:\A|[.:]\s+|\b(?:the|a|an|our)\s+)(?P<head>(?:brand[\s-])?new)\s+{MODS}\z")
);
construction_regex!(
    COMMITS_RIGHT,
    r"(?i)\A(?:[\s-]+[\w`-]+){0,2}?\s+(?:will|shall|must|(?:is|are)\s+going\s+to)\s+(?:also\s+|then\s+|now\s+)?[a-z]+"
);
construction_regex!(
    WRITTEN_IN_RIGHT,
    r"(?i)\A,?\s+(?:(?:which|that)\s+(?:is|will\s+be)\s+|to\s+be\s+)?(?:written|implemented|coded|built|developed)\s+(?:in|with)\s+(?:go|golang|rust|java|kotlin|scala|python|c\+\+|c\#|typescript|javascript|elixir|erlang|haskell|zig|ocaml|clojure|c)\b"
);
construction_regex!(OWN_LEFT, format!(r"(?i)\b(?P<head>{OWN})[\s-]+{MODS}\z"));
construction_regex!(
    OWN_RIGHT,
    r"(?i)\A,?\s+(?:(?:(?:layer|service|system|component|module|engine|subsystem|implementation)\s+)?of\s+(?:our|my)\s+(?:very\s+)?own|(?:(?:that|which)\s+)?we\s+(?:also\s+)?(?:will\s+|shall\s+|are\s+going\s+to\s+)?(?:also\s+)?(?:write|build|implement|develop|design|create|roll|code|engineer|maintain)(?:\s+ourselves)?|(?:developed|written|built|implemented|designed)\s+(?:in-?house|internally|by\s+(?:us|the\s+team|our\s+team|this\s+team)|from\s+scratch|ourselves))\b"
);
// "Failure detection …, and the election of a new primary, will be implemented in-house",
// "the replica placement logic will be written by us", "is ours to build", "is handled by a
// registry we build": the team is the agent of the making, a few words after the thing.
construction_regex!(
    AGENT_RIGHT,
    r"(?i)\A(?P<between>(?:,?\s*(?:(?:[\w`'.-]|\xE2\x80\x99)+|\([^)]{0,60}\))){0,14}?),?\s+(?:(?:(?:is|are|will\s+be|shall\s+be|must\s+be|to\s+be|gets?)\s+)?(?:written|built|implemented|developed|designed|engineered|coded|owned)\s+(?:(?:entirely|fully|all)\s+)?(?:(?:at|in|on)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:in[\s-]?house|internally|ourselves|by\s+us|by\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,2}team|in\s+our\s+(?:own\s+)?(?:[\w`-]+\s+){0,2}(?:package|module|library|service|codebase|code|repository|repo|crate|component))|(?:is|are)\s+ours\s+to\s+(?:build|write|own|implement|design|maintain)|(?:is|are|will\s+be|shall\s+be)\s+(?:performed|handled|done|provided|implemented|run|carried\s+out|managed)\s+by\s+(?:an?|our|the)\s+(?:[\w-]+\s+){0,3}?(?:(?:that\s+)?we\s+(?:write|build|implement|develop|own|maintain)|of\s+our\s+own|(?:written|built|developed)\s+by\s+us))\b"
);
construction_regex!(
    DISTRIBUTED_LEFT,
    format!(
        r"(?i)\b(?P<head>(?:distributed|distribution-aware|cluster-aware|clustered|replicated|fault-tolerant|sharded|multi-node|highly[\s-]available|horizontally[\s-]scalable)\s+(?:implementation|version|variant|flavou?r|edition)s?\s+of|distribution-aware)\s+{MODS}\z"
    )
);
construction_regex!(
    BUILT_ON_RIGHT,
    r"(?i)\A\s*,?\s*(?:(?:that|which)\s+(?:is|are|will\s+be)\s+|(?:will|shall|is\s+to|are\s+to)\s+be\s+)?(?:built|implemented|layered|composed|constructed|developed|written|assembled)\s+(?:up)?on(?:\s+top\s+of)?\b|\A\s*,?\s*(?:(?:will|shall|is\s+to|are\s+to)\s+be\s+)?(?:built|implemented|layered|composed|assembled)\s+(?:atop|from|out\s+of)\b"
);
construction_regex!(
    BACKED_LEFT,
    format!(r"(?i)\b(?P<head>[\w.-]+[\s-]backed)\s+{MODS}\z")
);
construction_regex!(
    PASSIVE_RIGHT,
    r"(?i)\A(?P<gap>(?:[\s-]+[\w`'-]+){0,2}?)(?:,\s+`?[\w.-]+`?,)?\s+(?:(?:will|shall|must|should|would|is\s+to|are\s+to|(?:is|are)\s+going\s+to|needs?\s+to|ha(?:s|ve)\s+to)\s+(?:also\s+|then\s+|now\s+|first\s+|instead\s+|therefore\s+|thus\s+)?be|(?:is|are)\s+(?:being|now|to\s+be))\s+(?:re-?)?(?:built|written|implemented|developed|designed|extended|refactored|reworked|restructured|rearchitected|re-architected|created|introduced|added|engineered|provided|split|made|evolved|improved|modified|changed|updated|assembled|composed)\b|\A(?P<gap2>(?:[\s-]+[\w`'-]+){0,2}?)\s+(?:is|are)\s+(?:re-?)?implemented\s+(?:as|by|in|on|using|with|via)\b"
);
construction_regex!(
    PROPOSAL_LEFT,
    format!(
        r"(?i)\b(?P<head>(?:(?:this|the|our)\s+(?:rfc|adr|document|doc|proposal|design|record|spec|specification|change|pr|pull\s+request|decision|section|approach)\s+(?:proposes|describes|introduces|specifies|defines|outlines|presents|documents|suggests|details)|(?:we|i)\s+(?:would\s+like\s+to\s+)?(?:propose|suggest|recommend)|(?:we|i)\s+(?:are|am)\s+(?:proposing|suggesting)))\s+{MODS}\z"
    )
);
construction_regex!(
    BARE_OWN,
    r"(?i)\b(?:roll|build|write|implement|create|develop|make|do)(?:s|ing|ed)?\s+(?:(?:it|one|them|this|that)\s+)?(?:our|my)\s+own(?:\s*(?:[.,;:!)]|$)|\s+(?:on|for|in|using|with|based|from|instead|rather|that|which|to|atop|as|here|too|again|solution|implementation|version|one)\b)|\b(?:build|write|implement|develop|create)(?:s|ing)?\s+(?:it|one|them|this|that)\s+(?:ourselves|in-?house|from\s+scratch|internally)\b"
);
construction_regex!(
    RUN_BY_US_RIGHT,
    r"(?i)\A(?:[\s-]+[\w-]+){0,2}?(?:\s*\([^)]{0,80}\))?,?\s+(?:that|which)\s+(?:we|this\s+team|the\s+team|our\s+team)\s+(?:(?:will|also|now|then|already)\s+)*(?:run|runs|operate|operates|provision|provisions|manage|manages|administer|administers|host|hosts|maintain|maintains|own|owns|create|creates|deploy|deploys)\b"
);
construction_regex!(
    OURS_LEFT,
    r"(?i)\bour\s+(?:own\s+)?(?:(?:existing|current|shared|central|main|internal|self-hosted|managed)\s+)?\z"
);
construction_regex!(
    CHOSEN_MADE,
    r#"(?i)[:"'\s](?:an?|one|our\s+own|our|custom|bespoke|in-house|home-grown)\s+(?:[\w-]+\s+){0,3}\z"#
);
construction_regex!(
    FOR_LEFT,
    format!(
        r"(?i)\b(?P<head>(?:support|integration|adapter|binding|transport|connector|driver|client|producer|consumer|implementation|backend|plugin|provider|channel)s?)\s+(?:for|with)\s+{MODS}\z"
    )
);
construction_regex!(ADOPT_LEFT, format!(r"(?i)\b(?P<head>{ADOPT})\s+{MODS}\z"));

construction_regex!(
    ARTIFACT_RIGHT,
    format!(r"(?i)\A(?:'s)?(?:[\s-]+[\w-]+|\s+(?:and|or)\s+[\w-]+)?[\s-]+{ARTIFACT}\b")
);
construction_regex!(
    EXAMPLE_LEFT,
    r"(?i)\b(?:including|includes|such\s+as|e\.g\.,?|for\s+(?:example|instance),?|especially|in\s+particular|like)\s+(?:(?:the|their|all|any|most)\s+)?\z"
);
construction_regex!(
    SUBJECT_RIGHT,
    r"(?i)\A(?:[\s-]+[\w`-]+){0,2}?\s+(?:will|shall|should|must|(?:is|are)\s+going\s+to)\s+(?:also\s+|now\s+|then\s+|continue\s+to\s+)?(?:be|become|host|run|store|hold|carry|process|serve|handle|power|back|remain|stay|continue|provide|act|treat|manage|orchestrate|schedule|deliver|receive|contain|keep|support|deduplicate|ingest|transform|aggregate|compute|index|route|buffer|replicate|partition|stream|train|score|execute|read|write|publish|consume|emit|forward|trigger|feed|load|query|join|enrich|filter|validate|coordinate|distribute|parallelise|parallelize|batch)\b"
);
construction_regex!(
    CHOSEN_LEFT,
    format!(
        r#"(?i)\A\s*(?:\*\*)?(?P<head>chosen\s+option|decision|outcome|design|proposal|approach|solution|we\s+(?:chose|choose|picked|selected|went\s+with|decided\s+on))(?:\*\*)?\s*:?(?:\*\*)?\s*(?:"|\xE2\x80\x9C|'|`)?\s*{MODS}\z"#
    )
);
construction_regex!(
    CHOSEN_TITLE_OPEN,
    r#"(?i)\A\s*(?:\*\*)?chosen\s+option(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?:"|\xE2\x80\x9C)"#
);
construction_regex!(
    IMPERATIVE_START,
    format!(r"(?i)\A\s*(?:\d+[.)]\s*)?(?:\*\*[^*]{{0,60}}\*\*\s*:?\s*)?(?P<head>{IMPERATIVE})\b")
);
construction_regex!(MODAL_RE, format!("(?i){MODAL}"));
// "This ADR defines how the operator manages …": the record's own statement of what it does.
construction_regex!(
    SUMMARY_START,
    r"(?i)\A\s*(?:this|the|our)\s+(?:rfc|adr|document|doc|proposal|design|record|spec|specification|change|decision)\s+(?:proposes|describes|introduces|specifies|defines|outlines|presents|documents|details)\b"
);

/// Words that end a modifier run: a mention after one of these is not the verb's object
/// ("build a UI for the scheduler").
const STOP: [&str; 44] = [
    "for",
    "to",
    "with",
    "on",
    "in",
    "by",
    "from",
    "or",
    "that",
    "which",
    "who",
    "using",
    "via",
    "into",
    "onto",
    "around",
    "over",
    "under",
    "as",
    "at",
    "than",
    "we",
    "it",
    "they",
    "is",
    "are",
    "be",
    "will",
    "not",
    "was",
    "were",
    "showing",
    "calling",
    "including",
    "like",
    "such",
    "about",
    "behind",
    "between",
    "against",
    "if",
    "when",
    "where",
    "while",
];

/// Determiners and quantity words that may open a modifier run.
const DETERMINERS: [&str; 18] = [
    "a", "an", "the", "one", "our", "my", "its", "their", "this", "that", "these", "those", "some",
    "two", "three", "several", "any", "each",
];

/// Whether the words between a construction's head and the mention modify the mention: at
/// most `max` of them beyond determiners and "implementation of", none a word that ends the
/// noun phrase, and "and" only after a modifier ("a flexible and performant mempool", "our
/// own rendezvous and leader-election service": the conjuncts share the head noun).
fn modifiers_ok(mods: &[u8], max: usize) -> bool {
    let text = String::from_utf8_lossy(mods).to_ascii_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut counted = 0;
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_matches(|c: char| c == '`' || c == '*' || c == '"');
        if i == 0 && DETERMINERS.contains(&word) {
            continue;
        }
        let previous = i.checked_sub(1).and_then(|p| words.get(p)).copied();
        // "a proof of concept for", "a prototype for": a first version of the thing
        if word == "for"
            && previous.is_some_and(|p| {
                matches!(
                    p.trim_end_matches('s'),
                    "prototype" | "concept" | "poc" | "mvp" | "implementation"
                )
            })
        {
            counted = 0;
            continue;
        }
        if word == "of" {
            // "an implementation of the", "a version of"
            if previous.is_some_and(|p| {
                matches!(
                    p.trim_end_matches('s'),
                    "implementation"
                        | "version"
                        | "variant"
                        | "port"
                        | "flavour"
                        | "flavor"
                        | "kind"
                        | "type"
                        | "form"
                        | "design"
                        | "prototype"
                        | "proof"
                        | "concept"
                        | "set"
                        | "pair"
                )
            }) {
                counted = 0;
                continue;
            }
            return false;
        }
        if STOP.contains(&word) {
            return false;
        }
        if word == "and" && (i == 0 || words.get(i - 1).is_some_and(|p| DETERMINERS.contains(p))) {
            return false;
        }
        if DETERMINERS.contains(&word) && counted > 0 && !matches!(word, "two" | "three") {
            // "build a dashboard the scheduler …": a second noun phrase
            let previous = i.checked_sub(1).and_then(|p| words.get(p)).copied();
            if previous != Some("of") {
                return false;
            }
        }
        if !DETERMINERS.contains(&word) && word != "and" {
            counted += 1;
        }
    }
    counted <= max
}

/// The start of the clause that holds `at`: a construction never reaches across `;`, `:`,
/// a parenthesis or a sentence-internal dash.
fn clause_floor(text: &[u8], at: usize) -> usize {
    let head = &text[..at];
    let mut floor = head
        .iter()
        .rposition(|&b| matches!(b, b';' | b'(' | b')' | b'[' | b']'))
        .map_or(0, |i| i + 1);
    // "Chosen option: …" and "Decision: …" keep their label.
    if let Some(colon) = head.iter().rposition(|&b| b == b':')
        && colon + 1 > floor
    {
        let label = String::from_utf8_lossy(&head[floor..colon]).to_ascii_lowercase();
        let label = label.trim().trim_matches('*').trim();
        let keep = [
            "chosen option",
            "decision",
            "outcome",
            "design",
            "proposal",
            "approach",
            "solution",
            "we chose",
            "we picked",
        ]
        .iter()
        .any(|l| label.ends_with(l));
        if !keep {
            floor = colon + 1;
        }
    }
    floor
}

/// The left context of a mention: its clause up to it, at most 200 bytes.
fn left_of(text: &[u8], mention: &Range<usize>) -> usize {
    let floor = clause_floor(text, mention.start);
    let mut from = mention.start.saturating_sub(200).max(floor);
    while from < mention.start && (text[from] & 0xC0) == 0x80 {
        from += 1;
    }
    from
}

/// A left-context construction: its head's start when `regex` matches the words just before
/// the mention and their modifiers are the mention's.
fn left(
    regex: &LazyLock<Option<Regex>>,
    text: &[u8],
    mention: &Range<usize>,
    max_mods: usize,
) -> Option<usize> {
    let from = left_of(text, mention);
    let regex = regex.as_ref()?;
    // A name in code or emphasis: "`TaskManager`", "**Kafka**".
    let mut end = mention.start;
    while end > from && matches!(text[end - 1], b'`' | b'*' | b'_' | b'"' | b'\'') {
        end -= 1;
    }
    // The leftmost head may carry words that are not the mention's modifiers ("chosen to
    // adopt OPA Gatekeeper": "to adopt" after "chosen"); a later head may still hold it.
    let hay = &text[from..end];
    let mut at = 0;
    while at <= hay.len() {
        let caps = regex.captures_at(hay, at)?;
        let mods = caps.name("mods").map_or(&b""[..], |m| m.as_bytes());
        let head = caps
            .name("head")
            .map_or(caps.get(0)?.range(), |m| m.range());
        if modifiers_ok(mods, max_mods) {
            return Some(from + head.start);
        }
        at = head.end.max(head.start + 1);
    }
    None
}

/// "The vendor runs the product on their own Kubernetes", "A previous team wrote a cache": the
/// verb's subject is another party, so the adoption or the making is theirs.
fn someone_else_does(text: &[u8], verb: usize) -> bool {
    static OTHER_SUBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| {
        build(
            r"(?i)\b(?:(?:vendors?|suppliers?|providers?|partners?|customers?|clients?|they|third[\s-]part(?:y|ies)|agenc(?:y|ies)|contractors?|the\s+other\s+team|another\s+team|(?:the\s+|an?\s+)?(?:upstream|downstream|other|external|partner|central|parent|vendor's|previous|former|earlier|old)\s+(?:teams?|groups?|departments?|organi[sz]ations?|orgs?|compan(?:y|ies)))(?:'s)?|(?:organi[sz]ations|companies|projects|departments|agencies|users|people|others)\s+(?:that|which|who))\s+(?:(?:also|already|still|now|currently|will|would|may|might|can|could)\s+)?\z",
        )
    });
    OTHER_SUBJECT
        .as_ref()
        .is_some_and(|re| re.is_match(&text[..verb]))
}

/// "It provides the service registry", "which supports leader election": a verb of offering
/// whose subject is a thing, not the team, says what that thing offers, not what is made.
fn describes_what_it_offers(text: &[u8], verb: usize) -> bool {
    static OFFERS: LazyLock<Option<Regex>> =
        LazyLock::new(|| build(r"(?i)\A(?:provides|supports|offers|includes|exposes|has)\b"));
    static THING_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        build(
            r"(?i)\b(?:it|this|that|which|each|every|[a-z]*(?:service|system|server|library|platform|product|tool|framework|database|layer|component)s?)\s+(?:(?:also|already|now|natively|then)\s+)?\z",
        )
    });
    let offers = OFFERS.as_ref().is_some_and(|re| re.is_match(&text[verb..]));
    offers
        && THING_BEFORE
            .as_ref()
            .is_some_and(|re| re.is_match(&text[..verb]))
}

/// A right-context construction: the end of its match when `regex` matches just after the
/// mention (within its clause).
fn right(regex: &LazyLock<Option<Regex>>, text: &[u8], mention: &Range<usize>) -> Option<usize> {
    let regex = regex.as_ref()?;
    let mut skip = mention.end;
    while skip < text.len() && matches!(text[skip], b'`' | b'*' | b'_' | b'"') {
        skip += 1;
    }
    let rest = &text[skip..];
    let found = regex.captures(rest)?;
    for gap in ["gap", "gap2"] {
        if let Some(words) = found.name(gap)
            && !modifiers_ok(words.as_bytes(), 2)
        {
            return None;
        }
    }
    Some(skip + found.get(0)?.end())
}

/// Whether an adopting verb opens the mention's clause before `at` ("use a Redis-backed
/// cache"): then "backed" and "built on" describe a product the team adopts.
fn adopting_before(text: &[u8], at: usize) -> bool {
    static ADOPTING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        build(
            r"(?i)\b(?:us(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|deploy(?:s|ed|ing)?|cho(?:ose|se|sen)|buy(?:s|ing)?|bought|leverag(?:e|es|ed|ing)|rel(?:y|ies|ying)\s+on|configur(?:e|es|ed|ing)|enabl(?:e|es|ed|ing)|switch(?:es|ed|ing)?\s+to|mov(?:e|es|ed|ing)\s+to|migrat(?:e|es|ed|ing)\s+to)\b",
        )
    });
    let floor = clause_floor(text, at);
    ADOPTING
        .as_ref()
        .is_some_and(|re| re.is_match(&text[floor..at]))
}

/// Whether the sentence commits to something: a modal, "we" with a verb, a decision verb, or
/// an imperative opening.
pub fn commits(text: &str) -> bool {
    let bytes = text.as_bytes();
    MODAL_RE.as_ref().is_some_and(|re| re.is_match(bytes))
        || SUMMARY_START.as_ref().is_some_and(|re| re.is_match(bytes))
        || IMPERATIVE_START
            .as_ref()
            .is_some_and(|re| re.is_match(bytes))
}

/// The construction that makes `mention` (a range of `text`) a claim of `check`, if any.
/// `chosen` is set for a MADR chosen option's title.
pub fn judge(check: Check, text: &str, mention: Range<usize>, chosen: bool) -> Option<Judged> {
    let bytes = text.as_bytes();
    match check {
        Check::Build => judge_build(bytes, &mention),
        Check::Adopt => judge_adopt(bytes, &mention, chosen),
        // A design is judged over a whole record (see `design`), a log over its folder (see
        // `log`), not at one mention.
        Check::Design | Check::Log => None,
    }
}

/// The ownership construction alone: how a plain name ("queue") becomes a claim, "a custom
/// queue", "a queue of our own".
pub fn judge_ownership(text: &str, mention: Range<usize>) -> Option<Judged> {
    let bytes = text.as_bytes();
    owned_left(bytes, &mention).or_else(|| owned_right(bytes, &mention))
}

/// "build our own X": the claim starts at the verb that makes it, else at the marker.
fn owned_left(bytes: &[u8], mention: &Range<usize>) -> Option<Judged> {
    let start = left(&OWN_LEFT, bytes, mention, 4)?;
    let verb = left(&MAKE_LEFT, bytes, &(start..mention.end), 0).unwrap_or(start);
    Some(Judged {
        construction: Construction::Ownership,
        span: verb..mention.end,
    })
}

/// "X of our own", "X we design".
fn owned_right(bytes: &[u8], mention: &Range<usize>) -> Option<Judged> {
    right(&OWN_RIGHT, bytes, mention).map(|end| Judged {
        construction: Construction::Ownership,
        span: mention.start..end,
    })
}

/// "The dashboard that shows replication lag …", "a client that reads from the broker …": the
/// mention is inside a clause about another thing, so what is made after it is that thing.
fn inside_another_clause(bytes: &[u8], mention: &Range<usize>) -> bool {
    static IN_A_CLAUSE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        build(
            r"(?i)\b(?:that|which|who|whose|where|when|if|shows?|showing|displays?|reports?|tracks?|monitors?|reads?|reading|uses?|using|calls?|about|for|of|from|to|into|on)\s+(?:[\w`'-]+\s+){0,3}\z",
        )
    });
    IN_A_CLAUSE
        .as_ref()
        .is_some_and(|re| re.is_match(&bytes[left_of(bytes, mention)..mention.start]))
}

/// The team as the agent of the making, after the mention ([`AGENT_RIGHT`]): not when the
/// words between start a clause of their own ("the dashboard that shows replication lag will
/// be written by us" makes a dashboard).
fn agent_right(bytes: &[u8], mention: &Range<usize>) -> Option<usize> {
    static OWN_CLAUSE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        build(
            r"(?i)\b(?:that|which|who|whose|where|when|if|because|so|but|shows?|showing|displays?|reports?|tracks?|monitors?|reads?|reading|uses?|using|calls?|queries|queried|via|from|on\s+top\s+of)\b|[;:.!?]",
        )
    });
    if inside_another_clause(bytes, mention) {
        return None;
    }
    let regex = AGENT_RIGHT.as_ref()?;
    let rest = &bytes[mention.end..];
    let found = regex.captures(rest)?;
    let between = found.name("between").map_or(&b""[..], |m| m.as_bytes());
    if OWN_CLAUSE.as_ref()?.is_match(between) {
        return None;
    }
    Some(mention.end + found.get(0)?.end())
}

fn judge_build(bytes: &[u8], mention: &Range<usize>) -> Option<Judged> {
    let at = |construction, start: usize| {
        Some(Judged {
            construction,
            span: start..mention.end,
        })
    };
    // A construction on the mention's right: the claim runs from the mention to its end.
    let until = |construction, end: usize| {
        Some(Judged {
            construction,
            span: mention.start..end,
        })
    };
    if let Some(owned) = owned_left(bytes, mention) {
        return Some(owned);
    }
    if let Some(start) = left(&DISTRIBUTED_LEFT, bytes, mention, 3) {
        return at(Construction::Distributed, start);
    }
    if let Some(start) = left(&PROPOSAL_LEFT, bytes, mention, 4) {
        return at(Construction::Proposal, start);
    }
    // `Chosen option: "an embedded Raft implementation …"`: the chosen thing is made; a
    // named product ("H2 Database Engine") is adopted, not made.
    if let Some(start) = left(&CHOSEN_LEFT, bytes, mention, 3)
        && CHOSEN_MADE
            .as_ref()
            .is_some_and(|re| re.is_match(&bytes[start..mention.start]))
    {
        return at(Construction::Chosen, start);
    }
    if let Some(start) =
        left(&MAKE_LEFT, bytes, mention, 4).or_else(|| left(&NAMED_MAKE_LEFT, bytes, mention, 3))
        && !describes_what_it_offers(bytes, start)
        && !someone_else_does(bytes, start)
    {
        return at(Construction::MakeVerb, start);
    }
    if let Some(owned) = owned_right(bytes, mention) {
        return Some(owned);
    }
    if let Some(end) = agent_right(bytes, mention) {
        return until(Construction::Ownership, end);
    }
    // "The mail queue will be assembled from RabbitMQ and Cassandra": what it is built on
    // is what it is made of, not a product configured, so this is read before the passive.
    if !adopting_before(bytes, mention.start) {
        if let Some(end) = right(&BUILT_ON_RIGHT, bytes, mention) {
            return until(Construction::BuiltOn, end);
        }
        if let Some(start) = left(&BACKED_LEFT, bytes, mention, 3) {
            return at(Construction::BuiltOn, start);
        }
    }
    if let Some(end) =
        right(&PASSIVE_RIGHT, bytes, mention).or_else(|| right(&WRITTEN_IN_RIGHT, bytes, mention))
        && !inside_another_clause(bytes, mention)
    {
        return until(Construction::Passive, end);
    }
    if let Some(start) = left(&NEW_LEFT, bytes, mention, 3)
        && let Some(end) = right(&COMMITS_RIGHT, bytes, mention)
    {
        return Some(Judged {
            construction: Construction::Novelty,
            span: start..end,
        });
    }
    // "maintain an internal fork of Kafka": a fork is made by keeping it.
    let named = String::from_utf8_lossy(&bytes[mention.clone()]).to_ascii_lowercase();
    if named.starts_with("fork")
        && let Some(start) = left(&KEEP_LEFT, bytes, mention, 3)
    {
        return at(Construction::MakeVerb, start);
    }
    None
}

fn judge_adopt(bytes: &[u8], mention: &Range<usize>, chosen: bool) -> Option<Judged> {
    let at = |construction, start: usize| {
        Some(Judged {
            construction,
            span: start..mention.end,
        })
    };
    // A construction on the mention's right: the claim runs from the mention to its end.
    let until = |construction, end: usize| {
        Some(Judged {
            construction,
            span: mention.start..end,
        })
    };
    if chosen {
        return at(Construction::Chosen, mention.start);
    }
    if let Some(start) = left(&CHOSEN_LEFT, bytes, mention, 3) {
        return at(Construction::Chosen, start);
    }
    // `Chosen option: "Kinesis Data Streams with a Flink application"`: every framework the
    // quoted title names is chosen.
    if let Some(open) = CHOSEN_TITLE_OPEN.as_ref().and_then(|re| re.find(bytes))
        && open.end() <= mention.start
        && !closes_quote(&bytes[open.end()..mention.start])
        && closes_quote(&bytes[mention.end..])
    {
        return at(Construction::Chosen, open.start());
    }
    if let Some(start) = left(&ADOPT_LEFT, bytes, mention, 3)
        && !someone_else_does(bytes, start)
    {
        return at(Construction::AdoptVerb, start);
    }
    let text = String::from_utf8_lossy(bytes);
    let committing = commits(&text);
    // "an MSK cluster that this team provisions and operates": the team runs it.
    if let Some(end) = right(&RUN_BY_US_RIGHT, bytes, mention) {
        return until(Construction::Ownership, end);
    }
    // "mTLS support for RabbitMQ gateways", "a dead letter channel for Kafka": the team
    // writes code against the framework.
    if committing && let Some(start) = left(&FOR_LEFT, bytes, mention, 1) {
        return at(Construction::Artifact, start);
    }
    // "our Pulsar cluster": the team's own instance of the framework, whatever the verb.
    let ours = OURS_LEFT
        .as_ref()
        .is_some_and(|re| re.is_match(&bytes[left_of(bytes, mention)..mention.start]));
    // "… from AWS compute, including EKS workloads": an example of a scope the decision
    // covers, not what it commits to.
    let example = EXAMPLE_LEFT
        .as_ref()
        .is_some_and(|re| re.is_match(&bytes[left_of(bytes, mention)..mention.start]));
    if (committing && !example || ours)
        && let Some(end) = right(&ARTIFACT_RIGHT, bytes, mention)
    {
        return until(Construction::Artifact, end);
    }
    if let Some(end) = right(&SUBJECT_RIGHT, bytes, mention) {
        return until(Construction::Subject, end);
    }
    // An imperative decision: "Enable Elasticsearch routing." The mention is in the
    // imperative's clause.
    if let Some(found) = IMPERATIVE_START.as_ref().and_then(|re| re.captures(bytes))
        && let Some(head) = found.name("head")
        && head.end() <= mention.start
        && clause_floor(bytes, mention.start) <= head.start()
        && !bytes[head.end()..mention.start].contains(&b',')
    {
        return at(Construction::Imperative, head.start());
    }
    None
}

/// Whether `text` holds a closing double quote, straight or curly.
fn closes_quote(text: &[u8]) -> bool {
    let curly = "\u{201D}".as_bytes();
    text.contains(&b'"') || text.windows(curly.len()).any(|w| w == curly)
}

/// A bare "roll our own" (no thing after it): the words, when the sentence has one.
pub fn bare_own(text: &str) -> Option<Range<usize>> {
    BARE_OWN
        .as_ref()?
        .find(text.as_bytes())
        .map(|m| m.start()..m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(check: Check, sentence: &str, mention: &str) -> Option<Construction> {
        let Some(start) = sentence.rfind(mention) else {
            panic!("{mention:?} is not in {sentence:?}");
        };
        judge(check, sentence, start..start + mention.len(), false).map(|j| j.construction)
    }

    fn build_of(sentence: &str, mention: &str) -> Option<Construction> {
        judged(Check::Build, sentence, mention)
    }

    fn adopt_of(sentence: &str, mention: &str) -> Option<Construction> {
        judged(Check::Adopt, sentence, mention)
    }

    #[test]
    fn construction_regexes_compile() {
        for (name, regex) in [
            ("MAKE_LEFT", &MAKE_LEFT),
            ("OWN_LEFT", &OWN_LEFT),
            ("OWN_RIGHT", &OWN_RIGHT),
            ("DISTRIBUTED_LEFT", &DISTRIBUTED_LEFT),
            ("BUILT_ON_RIGHT", &BUILT_ON_RIGHT),
            ("BACKED_LEFT", &BACKED_LEFT),
            ("PASSIVE_RIGHT", &PASSIVE_RIGHT),
            ("PROPOSAL_LEFT", &PROPOSAL_LEFT),
            ("BARE_OWN", &BARE_OWN),
            ("ADOPT_LEFT", &ADOPT_LEFT),
            ("OURS_LEFT", &OURS_LEFT),
            ("CHOSEN_MADE", &CHOSEN_MADE),
            ("RUN_BY_US_RIGHT", &RUN_BY_US_RIGHT),
            ("AGENT_RIGHT", &AGENT_RIGHT),
            ("NAMED_MAKE_LEFT", &NAMED_MAKE_LEFT),
            ("ARTIFACT_RIGHT", &ARTIFACT_RIGHT),
            ("EXAMPLE_LEFT", &EXAMPLE_LEFT),
            ("SUBJECT_RIGHT", &SUBJECT_RIGHT),
            ("CHOSEN_LEFT", &CHOSEN_LEFT),
            ("IMPERATIVE_START", &IMPERATIVE_START),
            ("CHOSEN_TITLE_OPEN", &CHOSEN_TITLE_OPEN),
            ("NEW_LEFT", &NEW_LEFT),
            ("COMMITS_RIGHT", &COMMITS_RIGHT),
            ("WRITTEN_IN_RIGHT", &WRITTEN_IN_RIGHT),
            ("KEEP_LEFT", &KEEP_LEFT),
            ("FOR_LEFT", &FOR_LEFT),
            ("SUMMARY_START", &SUMMARY_START),
            ("MODAL_RE", &MODAL_RE),
        ] {
            assert!(regex.is_some(), "{name} does not compile");
        }
    }

    #[test]
    fn novelty_subject() {
        use Construction::Novelty;
        assert_eq!(
            build_of(
                "The new distributed file system will store chunks on three data nodes.",
                "distributed file system"
            ),
            Some(Novelty)
        );
        assert_eq!(
            build_of(
                "A new block storage layer will replicate every volume.",
                "block storage layer"
            ),
            Some(Novelty)
        );
        // Minimal pairs: not new, or new but committing to nothing.
        assert_eq!(
            build_of(
                "The distributed file system will store chunks on three data nodes.",
                "distributed file system"
            ),
            None
        );
        assert_eq!(
            build_of(
                "The new distributed file system stored chunks badly.",
                "distributed file system"
            ),
            None
        );
    }

    #[test]
    fn written_in_a_language() {
        assert_eq!(
            build_of(
                "The job scheduler, written in Go, will reconcile the desired state.",
                "job scheduler"
            ),
            Some(Construction::Passive)
        );
        assert_eq!(
            build_of(
                "The job scheduler, configured in YAML, will run the nightly jobs.",
                "job scheduler"
            ),
            None
        );
    }

    #[test]
    fn a_fork_is_made_by_keeping_it() {
        assert_eq!(
            build_of(
                "We will maintain an internal fork of Kafka until the fix is upstream.",
                "fork of Kafka"
            ),
            Some(Construction::MakeVerb)
        );
        // "keep" makes a fork only: keeping a scheduler is not writing one.
        assert_eq!(
            build_of("We will keep the job scheduler.", "job scheduler"),
            None
        );
    }

    #[test]
    fn conjuncts_share_their_head_noun() {
        assert_eq!(
            build_of(
                "Write our own rendezvous and leader-election service.",
                "leader-election service"
            ),
            Some(Construction::Ownership)
        );
        assert_eq!(
            build_of(
                "Write our own dashboard and the leader-election service.",
                "leader-election service"
            ),
            None
        );
    }

    #[test]
    fn verb_of_making() {
        use Construction::MakeVerb;
        assert_eq!(
            build_of(
                "We will implement a leader election mechanism.",
                "leader election"
            ),
            Some(MakeVerb)
        );
        assert_eq!(
            build_of(
                "Create a distribution-aware implementation of `TaskManager`.",
                "TaskManager"
            ),
            Some(Construction::Distributed)
        );
        assert_eq!(
            build_of(
                "Implement a write-through cache for small blobs.",
                "write-through cache"
            ),
            Some(MakeVerb)
        );
        assert_eq!(
            build_of(
                "To incorporate a priority-based flexible and performant mempool, we will …",
                "mempool"
            ),
            Some(MakeVerb)
        );
        assert_eq!(
            build_of("We rewrote the job scheduler last year.", "job scheduler"),
            Some(MakeVerb)
        );
        // Minimal pairs: the verb's object is something else.
        assert_eq!(
            build_of("We will build a UI for the job scheduler.", "job scheduler"),
            None
        );
        assert_eq!(
            build_of("We will use the job scheduler.", "job scheduler"),
            None
        );
        assert_eq!(
            build_of(
                "We will build a dashboard, the job scheduler stays.",
                "job scheduler"
            ),
            None
        );
        // A thing that offers it describes the thing; the team that provides it makes it.
        assert_eq!(
            build_of(
                "Provide a distributed implementation of the EventBus.",
                "EventBus"
            ),
            Some(Construction::Distributed)
        );
        assert_eq!(
            build_of(
                "We will add support for a dead letter channel.",
                "dead letter channel"
            ),
            Some(MakeVerb)
        );
        assert_eq!(
            build_of("It provides the service registry.", "service registry"),
            None
        );
        assert_eq!(
            build_of(
                "We will design and build a key-value store for watches.",
                "key-value store"
            ),
            Some(MakeVerb)
        );
        assert_eq!(
            build_of(
                "We will create and maintain a fork of Cassandra.",
                "fork of Cassandra"
            ),
            Some(MakeVerb)
        );
        assert_eq!(
            build_of(
                "We will review and approve a key-value store design.",
                "key-value store"
            ),
            None
        );
        assert_eq!(
            build_of(
                "Chosen option: an embedded Raft implementation, because it fits.",
                "Raft"
            ),
            Some(Construction::Chosen)
        );
        assert_eq!(
            build_of(
                "Chosen option: \"H2 Database Engine\", because it is simple.",
                "Database Engine"
            ),
            None
        );
        assert_eq!(
            build_of("These are Core Data and Support Scheduler.", "Scheduler"),
            None
        );

        assert_eq!(
            build_of("The platform service supports a work queue.", "work queue"),
            None
        );
    }

    #[test]
    fn the_team_as_the_agent_after_the_thing() {
        use Construction::Ownership;
        for (sentence, thing) in [
            (
                "Failure detection between the two servers, and the election of a new primary, will be implemented in-house.",
                "Failure detection",
            ),
            (
                "The replica placement logic will be written by us.",
                "replica placement",
            ),
            (
                "The consumer group coordinator is ours to build.",
                "consumer group coordinator",
            ),
            (
                "Anti-entropy is performed by a background process we write.",
                "Anti-entropy",
            ),
            (
                "A downsampling scheduler, written by the observability team, spreads the tasks.",
                "scheduler",
            ),
        ] {
            assert_eq!(build_of(sentence, thing), Some(Ownership), "{sentence}");
        }
        assert_eq!(
            build_of(
                "Each batch is agreed with a voting protocol implemented in our `agreement` package.",
                "voting protocol"
            ),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "Implement `Tributary`, a change-data-capture framework for the order database.",
                "change-data-capture framework"
            ),
            Some(Construction::MakeVerb)
        );
        assert_eq!(
            build_of(
                "Adopt `Debezium`, a change-data-capture framework for the order database.",
                "change-data-capture framework"
            ),
            None
        );
        // The words between make something else: a dashboard, a client.
        assert_eq!(
            build_of(
                "The dashboard that shows replication lag will be written by us.",
                "replication"
            ),
            None
        );
        assert_eq!(
            build_of(
                "A client that reads from the message broker will be written in-house.",
                "message broker"
            ),
            None
        );
    }

    #[test]
    fn ownership() {
        use Construction::Ownership;
        assert_eq!(
            build_of("Our own lock service will hand out leases.", "lock service"),
            Some(Ownership)
        );
        assert_eq!(
            build_of("We go with an in-house message broker.", "message broker"),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "We will write a replicated log of our own.",
                "replicated log"
            ),
            Some(Construction::MakeVerb)
        );
        assert_eq!(
            build_of(
                "A replicated log of our own keeps the order.",
                "replicated log"
            ),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "The scheduler that we write ourselves runs the jobs.",
                "scheduler"
            ),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "Raft, implemented by us following the paper, keeps replicas in agreement.",
                "Raft"
            ),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "Updates go out by a replication protocol we design for it.",
                "replication protocol"
            ),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "A distributed file system layer of our own serves old segments.",
                "distributed file system"
            ),
            Some(Ownership)
        );
        assert_eq!(
            build_of(
                "Updates go out by a replication protocol we chose for it.",
                "replication protocol"
            ),
            None
        );
        assert_eq!(
            build_of("Our team runs the message broker.", "message broker"),
            None
        );
        assert_eq!(
            build_of(
                "A replicated log of Kafka keeps the order.",
                "replicated log"
            ),
            None
        );
    }

    #[test]
    fn distributed_implementation() {
        assert_eq!(
            build_of(
                "Provide a distributed implementation of the EventBus.",
                "EventBus"
            ),
            Some(Construction::Distributed)
        );
        assert_eq!(
            build_of(
                "A distributed implementation of the EventBus leverages RabbitMQ.",
                "EventBus"
            ),
            Some(Construction::Distributed)
        );
        assert_eq!(
            build_of("The documentation of the EventBus is online.", "EventBus"),
            None
        );
    }

    #[test]
    fn built_on() {
        assert_eq!(
            build_of(
                "A distributed mail queue implemented on top of Pulsar.",
                "mail queue"
            ),
            Some(Construction::BuiltOn)
        );
        assert_eq!(
            build_of(
                "This describes a JetStream backed key-value store.",
                "key-value store"
            ),
            Some(Construction::BuiltOn)
        );
        // Adopted, not built: a product that is backed by another.
        assert_eq!(
            build_of(
                "We will use a Redis-backed key-value store.",
                "key-value store"
            ),
            None
        );
        assert_eq!(
            build_of("The mail queue runs next to Pulsar.", "mail queue"),
            None
        );
    }

    #[test]
    fn passive() {
        assert_eq!(
            build_of(
                "The P2P stack will be redesigned as a message-oriented architecture.",
                "P2P stack"
            ),
            Some(Construction::Passive)
        );
        assert_eq!(
            build_of(
                "The state sync reactor will be extended with two messages.",
                "state sync"
            ),
            Some(Construction::Passive)
        );
        assert_eq!(
            build_of("The scheduler will be configured by ops.", "scheduler"),
            None
        );
    }

    #[test]
    fn proposal() {
        assert_eq!(
            build_of(
                "This RFC proposes a replicated log for the cluster.",
                "replicated log"
            ),
            Some(Construction::Proposal)
        );
        assert_eq!(
            build_of(
                "This document describes a design and initial implementation of a key-value store.",
                "key-value store"
            ),
            Some(Construction::Proposal)
        );
        assert_eq!(
            build_of(
                "We propose to implement a distributed garbage collector.",
                "garbage collector"
            ),
            Some(Construction::MakeVerb)
        );
        assert_eq!(
            build_of(
                "This RFC proposes metrics for the replicated log.",
                "replicated log"
            ),
            None
        );
    }

    #[test]
    fn anaphora_needs_a_bare_own() {
        assert!(bare_own("So we will have to roll our own on top of Docker Compose.").is_some());
        assert!(bare_own("We will build it ourselves.").is_some());
        assert!(bare_own("We will roll our own scheduler.").is_none());
        assert!(bare_own("We will roll out the scheduler.").is_none());
    }

    #[test]
    fn verb_of_adopting() {
        use Construction::AdoptVerb;
        assert_eq!(
            adopt_of("Use Amazon EKS for running the main cluster.", "EKS"),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of("Move from EKS managed nodes to EKS Fargate.", "EKS"),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of("This view will be stored into Cassandra.", "Cassandra"),
            Some(AdoptVerb)
        );
        assert_eq!(adopt_of("Kafka is a log.", "Kafka"), None);
        // The successor of a replacement is adopted; what it replaces is retired.
        assert_eq!(
            adopt_of(
                "Replace our self-hosted cluster with the managed AWS Elasticsearch service.",
                "AWS Elasticsearch"
            ),
            Some(AdoptVerb)
        );

        assert_eq!(
            adopt_of(
                "We have chosen to adopt OPA Gatekeeper for policy.",
                "OPA Gatekeeper"
            ),
            Some(AdoptVerb)
        );

        // A verb of running keeps its preposition.
        assert_eq!(
            adopt_of(
                "Forecasting jobs will run on Ray, with one task per site.",
                "Ray"
            ),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of("Forecasting jobs wait until Ray is ready.", "Ray"),
            None
        );
        assert_eq!(
            adopt_of(
                "We'll run the workers on a self-managed Kubernetes cluster.",
                "Kubernetes"
            ),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of(
                "Training is done with Spark MLlib, reading from the bucket.",
                "Spark"
            ),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of("Training is done before Spark starts.", "Spark"),
            None
        );
        assert_eq!(
            adopt_of("Rewrite the deduplication step in PySpark.", "PySpark"),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of(
                "We will run the retraining as a Kubeflow pipeline.",
                "Kubeflow"
            ),
            Some(AdoptVerb)
        );
        // Another party's adoption is theirs.
        assert_eq!(
            adopt_of(
                "The vendor runs the product on their own Kubernetes.",
                "Kubernetes"
            ),
            None
        );
        assert_eq!(
            adopt_of(
                "We talked to other organisations that use Kubernetes.",
                "Kubernetes"
            ),
            None
        );
        assert_eq!(
            adopt_of("The upstream team runs Kafka; we read their API.", "Kafka"),
            None
        );
        assert_eq!(
            adopt_of("We run Kafka for the upstream team.", "Kafka"),
            Some(AdoptVerb)
        );
        // A move to a framework, however long the road; training on one.
        assert_eq!(
            adopt_of(
                "We will move the batch ETL from the cron scripts to Dask.",
                "Dask"
            ),
            Some(AdoptVerb)
        );
        assert_eq!(
            adopt_of("The team will train the models with Ray.", "Ray"),
            Some(AdoptVerb)
        );
    }

    #[test]
    fn run_by_the_team() {
        assert_eq!(
            adopt_of(
                "Events reach topics in an MSK cluster that this team provisions and operates.",
                "MSK cluster"
            ),
            Some(Construction::Ownership)
        );
        assert_eq!(
            adopt_of(
                "Workers live on a Kubernetes cluster (kOps, three nodes) that the team administers.",
                "Kubernetes"
            ),
            Some(Construction::Ownership)
        );
        assert_eq!(
            adopt_of(
                "Events reach topics in an MSK cluster that the vendor operates.",
                "MSK cluster"
            ),
            None
        );
    }

    #[test]
    fn framework_artifact() {
        assert_eq!(
            adopt_of(
                "We will split the nightly aggregation into three Spark jobs.",
                "Spark"
            ),
            Some(Construction::Artifact)
        );
        assert_eq!(
            adopt_of("The nightly aggregation will become Spark jobs.", "Spark"),
            Some(Construction::Artifact)
        );
        // Not committing: a description.
        assert_eq!(adopt_of("Spark jobs are popular.", "Spark"), None);
        // An example of the decision's scope, not its object.
        assert_eq!(
            adopt_of(
                "Use the shared file service when applications need file access from any compute, including EKS workloads.",
                "EKS"
            ),
            None
        );
        // The team's own instance commits whatever the verb.
        assert_eq!(
            adopt_of(
                "The receiver publishes events to a topic on our Pulsar cluster.",
                "Pulsar"
            ),
            Some(Construction::Artifact)
        );
        assert_eq!(
            adopt_of(
                "The receiver publishes events to a topic on their Pulsar cluster.",
                "Pulsar"
            ),
            None
        );
    }

    #[test]
    fn every_framework_a_chosen_title_names_is_chosen() {
        let sentence = r#"Chosen option: "Kinesis Data Streams with a Flink application", because the managed Flink service removes chores."#;
        let start = sentence.find("Flink").unwrap_or_default();
        assert_eq!(
            judge(Check::Adopt, sentence, start..start + 5, false).map(|j| j.construction),
            Some(Construction::Chosen)
        );
        // After the title's closing quote, the reason only mentions it.
        assert_eq!(adopt_of(sentence, "Flink"), None);
    }

    #[test]
    fn code_written_for_a_framework() {
        assert_eq!(
            adopt_of("We will support a dead letter channel for Kafka.", "Kafka"),
            Some(Construction::Artifact)
        );
        // Committing to nothing: a description of what exists.
        assert_eq!(
            adopt_of(
                "The dead letter channel for Kafka exists upstream.",
                "Kafka"
            ),
            None
        );
    }

    #[test]
    fn verbs_of_processing_with_a_framework() {
        assert_eq!(
            adopt_of(
                "We will process the log archives with Amazon EMR.",
                "Amazon EMR"
            ),
            Some(Construction::AdoptVerb)
        );
        assert_eq!(
            adopt_of(
                "We will host the platform's services on Amazon EKS.",
                "Amazon EKS"
            ),
            Some(Construction::AdoptVerb)
        );
        // The team that processes is another party.
        assert_eq!(
            adopt_of(
                "The vendor processes the archives with Amazon EMR.",
                "Amazon EMR"
            ),
            None
        );
    }

    #[test]
    fn subject_chosen_and_imperative() {
        assert_eq!(
            adopt_of("The EKS endpoint will be private.", "EKS"),
            Some(Construction::Artifact)
        );
        assert_eq!(
            adopt_of("Kafka will carry the order events.", "Kafka"),
            Some(Construction::Subject)
        );
        assert_eq!(adopt_of("Kafka carries the order events.", "Kafka"), None);
        assert_eq!(
            adopt_of(
                "Chosen option: Apache Beam, because it fits.",
                "Apache Beam"
            ),
            Some(Construction::Chosen)
        );
        assert_eq!(
            adopt_of("Broadcast the events in RabbitMQ.", "RabbitMQ"),
            Some(Construction::Imperative)
        );
        assert_eq!(
            adopt_of("Events are broadcast in RabbitMQ.", "RabbitMQ"),
            None
        );
        assert_eq!(
            adopt_of("Enable Elasticsearch routing.", "Elasticsearch"),
            Some(Construction::AdoptVerb)
        );
        assert_eq!(
            adopt_of("Elasticsearch routing is enabled.", "Elasticsearch"),
            None
        );
        assert_eq!(adopt_of("Option 2: Apache Beam.", "Apache Beam"), None);
    }

    #[test]
    fn commitment() {
        assert!(commits("We will run it."));
        assert!(commits("Use Kafka."));
        assert!(!commits("Kafka is a log."));
    }
}
