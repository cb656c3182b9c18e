//! Precision and recall of the claim rules on the labelled evaluation set in `fixtures/eval`
//! (ADRs written independently of the rule patterns; labels in `labels.tsv`). A finding
//! matches a label with the same path, line and required category.

mod common;

use std::collections::HashMap;

use common::{fixture, json, run_in};

/// The committed floors: the suite fails below them.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.90;

type Key = (String, u64, String);

fn labels() -> HashMap<Key, usize> {
    let text = std::fs::read_to_string(fixture("eval").join("labels.tsv")).unwrap_or_default();
    let mut labels = HashMap::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(fields.len() >= 3, "bad label line: {line}");
        let line_number = fields[1]
            .parse()
            .unwrap_or_else(|_| panic!("bad line number: {line}"));
        *labels
            .entry((fields[0].to_string(), line_number, fields[2].to_string()))
            .or_default() += 1;
    }
    labels
}

#[test]
fn claim_rules_meet_the_precision_and_recall_floors() {
    let expected = labels();
    assert!(
        expected.values().sum::<usize>() >= 130,
        "the label file is incomplete"
    );
    let run = run_in(&fixture("eval"), &["check", ".", "--format", "json"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let value = json(&run);
    let mut found: HashMap<Key, usize> = HashMap::new();
    for diagnostic in value["diagnostics"].as_array().cloned().unwrap_or_default() {
        let Some(requires) = diagnostic["requires"].as_str() else {
            continue; // not a claim finding
        };
        let key = (
            diagnostic["path"].as_str().unwrap_or_default().to_string(),
            diagnostic["range"]["start"]["line"]
                .as_u64()
                .unwrap_or_default(),
            requires.to_string(),
        );
        *found.entry(key).or_default() += 1;
    }
    let (mut true_positives, mut false_positives, mut false_negatives) = (0, 0, 0);
    let mut report = Vec::new();
    for (key, &count) in &found {
        let want = expected.get(key).copied().unwrap_or(0);
        true_positives += count.min(want);
        if count > want {
            false_positives += count - want;
            report.push(format!("FP {}:{} {}", key.0, key.1, key.2));
        }
    }
    for (key, &want) in &expected {
        let got = found.get(key).copied().unwrap_or(0);
        if want > got {
            false_negatives += want - got;
            report.push(format!("FN {}:{} {}", key.0, key.1, key.2));
        }
    }
    report.sort();
    let precision = true_positives as f64 / (true_positives + false_positives).max(1) as f64;
    let recall = true_positives as f64 / (true_positives + false_negatives).max(1) as f64;
    println!(
        "eval: precision {precision:.3} ({true_positives} true, {false_positives} false positives), \
         recall {recall:.3} ({false_negatives} missed) over {} files",
        value["summary"]["files"]
    );
    for line in &report {
        println!("{line}");
    }
    assert!(
        precision >= PRECISION_FLOOR,
        "precision {precision:.3} is below {PRECISION_FLOOR}"
    );
    assert!(
        recall >= RECALL_FLOOR,
        "recall {recall:.3} is below {RECALL_FLOOR}"
    );
}
