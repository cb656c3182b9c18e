//! Snapshot tests for every output format on one fixture (a CRLF file with a BOM and a
//! non-ASCII character included), plus the positions that scripts rely on.

mod common;

use common::{Repo, fixture, run_in};

fn output(format: &str) -> String {
    let run = run_in(
        &fixture("formats"),
        &["check", "--format", format, "--color", "never"],
    );
    assert_eq!(run.code, 1, "{format}: {}", run.stderr);
    run.stdout
}

#[test]
fn human() {
    insta::assert_snapshot!("formats_human", output("human"));
}

#[test]
fn short() {
    let text = output("short");
    // The BOM is not a column and é is one: "The café team will run Spark…" starts "run" at 20.
    assert!(
        text.contains("docs/adr/0002-cafe.md:9:20: error[adopt-spark] "),
        "{text}"
    );
    insta::assert_snapshot!("formats_short", text);
}

#[test]
fn json() {
    insta::assert_snapshot!("formats_json", output("json"));
}

#[test]
fn json_lines() {
    let text = output("json-lines");
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        assert!(value["rule"].is_string(), "{line}");
    }
    insta::assert_snapshot!("formats_json_lines", text);
}

#[test]
fn github() {
    let text = output("github");
    assert!(
        text.contains("::error file=docs/adr/0002-cafe.md,line=9,col=20,endLine=9,endColumn=29,title=adrlint adopt-spark::"),
        "{text}"
    );
    insta::assert_snapshot!("formats_github", text);
}

#[test]
fn gitlab() {
    let text = output("gitlab");
    let issues: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let issues = issues.as_array().cloned().unwrap_or_default();
    assert_eq!(issues.len(), 4);
    for issue in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key} in {issue}");
        }
        assert!(issue["location"]["lines"]["begin"].is_u64());
    }
    insta::assert_snapshot!("formats_gitlab", text);
}

#[test]
fn gitlab_fingerprints_survive_line_shifts() {
    let adr = "# 1. X\n\nStatus: accepted\n\n## Decision\n\nWe will build our own scheduler.\n";
    let dir = Repo::new()
        .file("adrlint.toml", "[team]\ncategory = \"framework-user\"\n")
        .file("docs/adr/0001-x.md", adr);
    let prints = |dir: &Repo| -> Vec<String> {
        let run = dir.run(&["check", "--format", "gitlab"]);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| i["fingerprint"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let before = prints(&dir);
    let shifted = adr.replace(
        "## Decision\n\n",
        "## Decision\n\nSome new context first.\n\nAnd more.\n\n",
    );
    dir.write("docs/adr/0001-x.md", shifted);
    assert_eq!(before.len(), 1);
    assert_eq!(before, prints(&dir));
}

#[test]
fn junit() {
    let text = output("junit");
    assert_eq!(
        text.matches("<testcase ").count(),
        3,
        "one test case per file"
    );
    assert_eq!(
        text.matches("<failure ").count(),
        text.matches("error[").count(),
        "one failure per finding at or above --fail-on (error)"
    );
    assert!(
        text.contains("<system-out>"),
        "findings below --fail-on are output"
    );
    insta::assert_snapshot!("formats_junit", text);
}

#[test]
fn sarif() {
    let text = output("sarif");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(value["version"], "2.1.0");
    let results = value["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(results.len(), 4);
    for result in &results {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(
            region["startLine"].is_u64() && region["startColumn"].is_u64(),
            "{result}"
        );
    }
    let rules = value["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for rule in &rules {
        for key in ["id", "shortDescription", "fullDescription", "help"] {
            assert!(!rule[key].is_null(), "{key} in {rule}");
        }
    }
    // Rule descriptors carry every explanation; the snapshot keeps their ids only.
    value["runs"][0]["tool"]["driver"]["rules"] =
        serde_json::Value::Array(rules.iter().map(|r| r["id"].clone()).collect());
    insta::assert_snapshot!(
        "formats_sarif",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    );
}
