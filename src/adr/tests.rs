use std::path::Path;

use super::*;

fn parse_str(name: &str, text: &str) -> Adr {
    parse(Path::new(name), text)
}

fn sentences_of(adr: &Adr, kind: SectionKind) -> Vec<&str> {
    adr.sentences
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text.as_str())
        .collect()
}

const NYGARD: &str = "# 7. Use Nomad for batch jobs\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nJobs miss their window.\nThey run on one host.\n\n## Decision\n\nWe will use Nomad. It schedules\nbatch jobs well.\n\n```sh\nbuild our own scheduler\n```\n\n    indented code is not prose\n\n## Consequences\n\nOne more service.\n";

#[test]
fn nygard_structure() {
    let adr = parse_str("0007-use-nomad.md", NYGARD);
    assert_eq!(adr.format, Format::Nygard);
    assert_eq!(adr.number, Some(7));
    assert_eq!(
        adr.title.as_ref().map(|t| t.value.as_str()),
        Some("7. Use Nomad for batch jobs")
    );
    let status = adr.status.as_ref().map(|s| (s.value.as_str(), s.kind));
    assert_eq!(status, Some(("Accepted", StatusKind::Accepted)));
    assert_eq!(
        adr.date.as_ref().map(|d| d.value.as_str()),
        Some("2024-01-02")
    );
    let kinds: Vec<SectionKind> = adr.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SectionKind::Other,
            SectionKind::Status,
            SectionKind::Context,
            SectionKind::Decision,
            SectionKind::Consequences
        ]
    );
    // A soft line break does not end a sentence; code blocks are not prose.
    assert_eq!(
        sentences_of(&adr, SectionKind::Decision),
        vec![
            "Decision",
            "We will use Nomad.",
            "It schedules batch jobs well."
        ]
    );
    assert_eq!(
        sentences_of(&adr, SectionKind::Context),
        vec![
            "Context",
            "Jobs miss their window.",
            "They run on one host."
        ]
    );
}

#[test]
fn sentence_spans_point_into_the_file() {
    let adr = parse_str("0007-use-nomad.md", NYGARD);
    for sentence in &adr.sentences {
        let span = sentence.span();
        let slice = &NYGARD[span];
        // The source slice equals the text except where a soft break stood for a newline.
        assert_eq!(slice.replace('\n', " "), sentence.text, "{sentence:?}");
    }
}

#[test]
fn crlf_spans() {
    let text = NYGARD.replace('\n', "\r\n");
    let adr = parse_str("0007-use-nomad.md", &text);
    let sentence = adr
        .sentences
        .iter()
        .find(|s| s.text.starts_with("It schedules"))
        .map(|s| s.span());
    let Some(span) = sentence else {
        panic!("sentence missing")
    };
    assert_eq!(&text[span], "It schedules\r\nbatch jobs well.");
}

#[test]
fn madr_front_matter_and_chosen_option() {
    let text = "\u{feff}---\nstatus: accepted\ndate: 2024-05-01\n---\n# Queue for order events\n\n## Context and Problem Statement\n\nOrders are lost.\n\n## Considered Options\n\n* Write our own queue\n* Use RabbitMQ\n\n## Decision Outcome\n\nChosen option: \"Use RabbitMQ\", because the team knows it.\n\n### Consequences\n\n* Good, because it is supported.\n";
    let adr = parse_str("0003-queue.md", text);
    assert_eq!(adr.format, Format::Madr);
    assert_eq!(
        adr.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Accepted)
    );
    assert_eq!(adr.chosen_option.as_deref(), Some("Use RabbitMQ"));
    let titles: Vec<(&str, OptionRole)> = adr
        .sentences
        .iter()
        .filter(|s| s.option != OptionRole::None)
        .map(|s| (s.text.as_str(), s.option))
        .collect();
    assert_eq!(
        titles,
        vec![
            ("Write our own queue", OptionRole::Title),
            ("Use RabbitMQ", OptionRole::ChosenTitle)
        ]
    );
    let consequences = sentences_of(&adr, SectionKind::Consequences);
    assert_eq!(
        consequences,
        vec!["Consequences", "Good, because it is supported."]
    );
    assert!(adr.body_start > 3);
}

#[test]
fn status_lines_and_tables() {
    let bold = parse_str(
        "x.md",
        "# T\n\n**Status:** Superseded by ADR-9\n\n## Context\n\nx\n",
    );
    assert_eq!(
        bold.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Superseded)
    );
    assert!(bold.is_inactive());
    let bullets = parse_str(
        "x.md",
        "# T\n\n- status: rejected\n- date: 2025-04-08\n\n## Context\n\nx\n",
    );
    assert_eq!(
        bullets.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Rejected)
    );
    let table = parse_str(
        "x.md",
        "# T\n\n|Metadata|Value|\n|---|---|\n|Status|Approved|\n\n## Context\n\nx\n",
    );
    assert_eq!(
        table.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Accepted)
    );
    let history = parse_str(
        "x.md",
        "# T\n\n## Status\n\nAccepted\n\nSuperseded by [5](0005-x.md)\n",
    );
    assert_eq!(
        history.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Superseded)
    );
}

#[test]
fn inline_code_html_comments_links_and_quotes() {
    let text = "# T\n\n## Decision\n\nWe run `our own scheduler` here <!-- build our own broker --> and see [the docs](https://example.com/own-queue).\n\n> We will build our own queue.\n";
    let adr = parse_str("x.md", text);
    let decision: Vec<&Sentence> = adr
        .sentences
        .iter()
        .filter(|s| s.kind == SectionKind::Decision && s.block != Block::Heading)
        .collect();
    assert_eq!(decision.len(), 2);
    assert!(!decision[0].text.contains("our own scheduler"));
    assert!(!decision[0].text.contains("broker"));
    assert!(!decision[0].text.contains("own-queue"));
    assert!(decision[0].text.contains("the docs"));
    assert!(decision[1].quoted);
}

#[test]
fn free_form_prose_is_the_decision() {
    let adr = parse_str(
        "notes.md",
        "# Batch jobs\n\nWe will write our own scheduler.\n",
    );
    assert_eq!(adr.format, Format::FreeForm);
    assert_eq!(
        sentences_of(&adr, SectionKind::Decision),
        vec!["We will write our own scheduler."]
    );
}

#[test]
fn labelled_paragraphs() {
    let adr = parse_str(
        "x.md",
        "# T\n\nContext: jobs are late.\n\nDecision: an in-house job scheduler.\n",
    );
    assert_eq!(
        sentences_of(&adr, SectionKind::Decision),
        vec!["Decision: an in-house job scheduler."]
    );
    assert_eq!(
        sentences_of(&adr, SectionKind::Context),
        vec!["Context: jobs are late."]
    );
}

#[test]
fn front_matter_only_at_byte_zero() {
    let adr = parse_str("x.md", "# T\n\npara\n\n---\nstatus: rejected\n---\n");
    assert!(adr.front_matter.is_none());
}

#[test]
fn numbers() {
    assert_eq!(number_from_path(Path::new("docs/adr/0012-x.md")), Some(12));
    assert_eq!(number_from_path(Path::new("adr-003-x.md")), Some(3));
    assert_eq!(number_from_path(Path::new("20240101-x.md")), None);
    assert_eq!(number_from_path(Path::new("2022-07-22_019-x.md")), Some(19));
    assert_eq!(
        number_from_path(Path::new("2023-05-25-provision-x.md")),
        None
    );
    assert_eq!(number_from_title("ADR 12: Use Nomad"), Some(12));
    assert_eq!(number_from_title("ADR-012 - Use Nomad"), Some(12));
    assert_eq!(number_from_title("2024 plans"), Some(2024));
    assert_eq!(number_from_title("3rd attempt"), None);
}

#[test]
fn a_first_section_heading_is_not_the_title() {
    // Docusaurus ADRs put the title in the front matter and open with `## Status`.
    let text = "---\ntitle: 19. Use reference scripts\n---\n\n## Status\n\nProposed\n\n## Context\n\nC.\n\n# Decision\n\nD.\n";
    let adr = parse_str("2022-07-22_019-reference-scripts.md", text);
    assert_eq!(
        adr.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Proposed)
    );
    let kinds: Vec<SectionKind> = adr.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SectionKind::Status,
            SectionKind::Context,
            SectionKind::Decision
        ]
    );
    assert_eq!(adr.number, Some(19));
}

#[test]
fn links_are_recorded_with_spans_and_sections() {
    let text = "# 4. X\n\n## Status\n\nSupersedes [2. Y](0002-y.md)\n\n## Context\n\n`[not](a-link.md)` and [ref][r].\n\n[r]: 0003-z.md\n";
    let adr = parse_str("0004-x.md", text);
    let links: Vec<(&str, &str, Option<SectionKind>)> = adr
        .links
        .iter()
        .map(|l| {
            (
                l.dest.as_str(),
                &text[l.span.clone()],
                l.section.map(|i| adr.sections[i].kind),
            )
        })
        .collect();
    assert_eq!(
        links,
        vec![
            ("0002-y.md", "[2. Y](0002-y.md)", Some(SectionKind::Status)),
            ("0003-z.md", "[ref][r]", Some(SectionKind::Context)),
        ]
    );
}

#[test]
fn a_design_under_an_alternative_is_the_alternative() {
    let adr = parse_str(
        "0007-lanes.md",
        "# 7. Lanes\n\n## Alternative approaches\n\n### Another chain\n\n#### Priority design\n\n\
         Fees order the transactions.\n\n## Context\n\n### Current design\n\nOne queue.\n\n\
         ## Decision\n\n### Detailed design\n\nEach lane has its own queue.\n",
    );
    assert_eq!(
        sentences_of(&adr, SectionKind::Decision),
        [
            "Decision",
            "Detailed design",
            "Each lane has its own queue."
        ]
    );
    assert!(sentences_of(&adr, SectionKind::Options).contains(&"Fees order the transactions."));
    assert_eq!(
        sentences_of(&adr, SectionKind::Context),
        ["Context", "Current design", "One queue."]
    );
}

#[test]
fn bold_labels_with_or_without_a_colon() {
    // The value on the same line or the next, the colon inside the bold, after it, or absent.
    for (status, date) in [
        ("**Status** Accepted", "**Date** 2024-03-04"),
        ("**Status:** Accepted", "**Date:** 2024-03-04"),
        ("**Status**: Accepted", "**Date**: 2024-03-04"),
        ("**Status**\nAccepted", "**Date**\n2024-03-04"),
        ("**Status:**\nAccepted", "**Date:**\n2024-03-04"),
    ] {
        let text = format!(
            "# 3. Use Kafka\n\n{status}\n\n{date}\n\n## Context\n\nOrders are lost.\n\n## Decision\n\nWe will use Kafka.\n"
        );
        let adr = parse_str("0003-use-kafka.md", &text);
        assert_eq!(
            adr.status.as_ref().map(|s| (s.value.as_str(), s.kind)),
            Some(("Accepted", StatusKind::Accepted)),
            "{status}"
        );
        assert_eq!(
            adr.date.as_ref().map(|d| d.value.as_str()),
            Some("2024-03-04"),
            "{date}"
        );
    }
}
