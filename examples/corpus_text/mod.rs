//! ADR texts for the corpus generator (`examples/gen-corpus.rs`) and the micro-benchmarks
//! (`benches/`): both include this file as a module, so the benchmarks measure the same kinds
//! of documents the corpus holds. Text is generated from small word lists written for this
//! tool; everything is deterministic for a seed.

use std::fmt::Write as _;

/// SplitMix64: tiny, deterministic and good enough to pick words.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

pub const SUBJECTS: &[&str] = &[
    "order events",
    "invoice exports",
    "search indexing",
    "nightly reports",
    "payment retries",
    "customer profiles",
    "stock levels",
    "click streams",
    "feature flags",
    "audit logs",
];
pub const CONTEXT: &[&str] = &[
    "The current job runs on a single virtual machine and missed its window twice last month.",
    "Analysts wait until the morning for numbers that the sales team needs during the day.",
    "Three services poll the same table every minute, which loads the primary database.",
    "Support asked for a history of changes so that disputes can be answered quickly.",
    "The vendor announced the end of support for the version we run.",
    "Traffic doubles at the end of each quarter and the queue backs up for hours.",
];
pub const NEUTRAL: &[&str] = &[
    "We will expose the result through the existing reporting API.",
    "Dashboards in the BI tool will read the curated tables in the warehouse.",
    "The team will document the runbook next to the service.",
    "Alerts go to the on-call channel with a link to the dashboard.",
    "We keep the schema backwards compatible for two releases.",
    "Access is granted through the existing single sign-on groups.",
];
pub const CREATOR_CLAIMS: &[&str] = &[
    "We will write our own job scheduler in Go for the {s}.",
    "We will build an in-house message broker on top of PostgreSQL for the {s}.",
    "A bespoke distributed cache will be developed in-house for the {s}.",
    "We will implement Raft ourselves to keep the {s} replicas consistent.",
    "The {s} get a homegrown workflow engine that we write ourselves.",
    "We will roll our own key-value store with an LSM tree for the {s}.",
];
pub const USER_CLAIMS: &[&str] = &[
    "We will run the {s} aggregation as Spark jobs on EMR.",
    "The {s} will be published to Kafka topics for the other teams.",
    "We will adopt Apache Airflow to orchestrate the {s} pipeline.",
    "We will compute the {s} with a Flink application.",
];
pub const TRAPS: &[&str] = &[
    "We will not build our own scheduler for the {s}.",
    "Instead of writing our own queue for the {s}, we keep the vendor's export.",
    "Building an in-house cluster manager was rejected as out of scope.",
    "We considered building a homegrown broker but decided against it.",
    "The dashboard shows sparklines next to the scheduler page.",
    "We reviewed a raft of changes to the {s} report.",
];

pub fn sentence(rng: &mut Rng, list: &[&str]) -> String {
    let subject = rng.pick(SUBJECTS);
    rng.pick(list).replace("{s}", subject)
}

pub fn decision(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..2 + rng.below(3) {
        let roll = rng.below(100);
        let line = if roll < 12 {
            sentence(rng, CREATOR_CLAIMS)
        } else if roll < 22 {
            sentence(rng, USER_CLAIMS)
        } else if roll < 40 {
            sentence(rng, TRAPS)
        } else {
            sentence(rng, NEUTRAL)
        };
        let _ = write!(out, "{line} ");
    }
    out.trim_end().to_string()
}

pub fn paragraph(rng: &mut Rng, list: &[&str], sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng, list))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn nygard(rng: &mut Rng, number: usize, title: &str) -> String {
    format!(
        "# {number}. {title}\n\nDate: 2024-{:02}-{:02}\n\n## Status\n\nAccepted\n\n## Context\n\n{}\n\n{}\n\n## Decision\n\n{}\n\n## Consequences\n\n{}\n\n{}\n\n## Notes\n\n- {}\n- {}\n",
        1 + rng.below(12),
        1 + rng.below(28),
        paragraph(rng, CONTEXT, 4),
        sentence(rng, CREATOR_CLAIMS),
        decision(rng),
        paragraph(rng, NEUTRAL, 3),
        paragraph(rng, NEUTRAL, 3),
        sentence(rng, NEUTRAL),
        sentence(rng, TRAPS)
    )
}

pub fn madr(rng: &mut Rng, title: &str) -> String {
    let chosen = if rng.chance(30) {
        sentence(rng, CREATOR_CLAIMS)
    } else {
        sentence(rng, NEUTRAL)
    };
    let chosen = chosen.trim_end_matches('.').to_string();
    let other = sentence(rng, USER_CLAIMS).trim_end_matches('.').to_string();
    format!(
        "---\nstatus: accepted\ndate: 2024-{:02}-{:02}\n---\n# {title}\n\n## Context and Problem Statement\n\n{}\n\n## Considered Options\n\n* {chosen}\n* {other}\n\n## Decision Outcome\n\nChosen option: \"{chosen}\", because it fits the team.\n\n### Consequences\n\n* Good, because {}\n\n```sh\n# we will build our own scheduler (code is not prose)\n```\n",
        1 + rng.below(12),
        1 + rng.below(28),
        paragraph(rng, CONTEXT, 5),
        paragraph(rng, NEUTRAL, 3).to_lowercase()
    )
}

pub fn free_form(rng: &mut Rng, title: &str) -> String {
    format!(
        "# {title}\n\n**Status:** Proposed\n\n**Context:** {}\n\n**Decision:** {}\n\n> {}\n\n**Consequences:** {}\n",
        paragraph(rng, CONTEXT, 5),
        decision(rng),
        sentence(rng, CREATOR_CLAIMS),
        paragraph(rng, NEUTRAL, 5)
    )
}

/// One ADR of the corpus: its file name and text. Nygard, MADR with front matter or free-form
/// with bold labels in fixed proportions, and one file in twenty with CRLF line ends.
pub fn adr(rng: &mut Rng, number: usize) -> (String, String) {
    let subject = rng.pick(SUBJECTS);
    let title = format!("Handling of {subject}");
    let slug = title.to_lowercase().replace(' ', "-");
    let text = match rng.below(10) {
        0..=4 => nygard(rng, number, &title),
        5..=7 => madr(rng, &title),
        _ => free_form(rng, &title),
    };
    let text = if rng.chance(5) {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    (format!("{number:04}-{slug}.md"), text)
}
