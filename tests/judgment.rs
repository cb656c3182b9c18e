//! The judgment end to end: sentences as real teams write them, each the decision of its own
//! record, through the real binary. The minimal pairs differ from their controls in the word
//! before the claim that once negated it ("replace", "migrating", "avoid", "stop").

mod common;

use common::{Repo, json};

/// The rules that fire on `decision` as the decision of one record, judged at `category`.
fn rules_for(decision: &str, category: &str) -> Vec<String> {
    let text = format!("# 1. Probe\n\n## Status\n\nAccepted\n\n## Decision\n\n{decision}\n");
    let repo = Repo::new().file("docs/adr/0001-probe.md", text);
    let run = repo.run(&[
        "check",
        "docs/adr",
        "--category",
        category,
        "--select",
        "claims",
        "--format",
        "json",
    ]);
    let value = json(&run);
    let mut rules: Vec<String> = value["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["rule"].as_str().map(str::to_string))
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

fn fires(decision: &str, category: &str, rule: &str) {
    let rules = rules_for(decision, category);
    assert!(
        rules.iter().any(|r| r == rule),
        "{decision:?} should fire {rule}, gave {rules:?}"
    );
}

fn silent(decision: &str, category: &str) {
    let rules = rules_for(decision, category);
    assert!(
        rules.is_empty(),
        "{decision:?} should fire nothing, gave {rules:?}"
    );
}

#[test]
fn a_cue_before_the_claim_governs_only_its_own_object() {
    for (pair, control, rule) in [
        (
            "We will replace Airflow with our own workflow orchestrator.",
            "We will pair Airflow with our own workflow orchestrator.",
            "own-workflow-orchestrator",
        ),
        (
            "We are migrating from Kafka to our own message broker.",
            "We are moving from Kafka to our own message broker.",
            "own-message-broker",
        ),
        (
            "To avoid vendor lock-in we will write our own message broker.",
            "To reduce vendor lock-in we will write our own message broker.",
            "own-message-broker",
        ),
        (
            "We will stop using cron and build our own job scheduler.",
            "We will keep using cron and build our own job scheduler.",
            "own-scheduler",
        ),
    ] {
        fires(pair, "framework-user", rule);
        fires(control, "framework-user", rule);
    }
}

#[test]
fn the_team_makes_it_however_it_says_so() {
    for (decision, rule) in [
        (
            // One piece of machinery the team makes is a design of its own.
            "The lease coordinator will be implemented in-house, with heartbeats and an epoch counter.",
            "designs-distributed-machinery",
        ),
        (
            "Service discovery is handled by a registry we build on top of the config store.",
            "own-service-discovery",
        ),
        (
            "The partition rebalancing logic is ours to build.",
            "own-sharding",
        ),
        (
            "Jobs are dispatched by a task runner written by the platform team.",
            "own-scheduler",
        ),
        (
            "There is no tool that fits. The nightly jobs need retries across three hosts. So we will roll our own job scheduler.",
            "own-scheduler",
        ),
    ] {
        fires(decision, "framework-user", rule);
    }
}

#[test]
fn what_is_there_today_retired_or_someone_else_s_is_no_claim() {
    for decision in [
        "Currently, the label jobs are picked up by a home-grown work queue on one host.",
        "We will retire Conveyor, our in-house job scheduler, once the jobs run on the managed service.",
        "A previous team wrote a distributed cache for pricing; it was switched off last year.",
        "Nobody here has built a consensus algorithm, so this record picks a managed service.",
        "The earlier proposal to write our own message broker was superseded by the next record.",
        "The upstream team runs Kafka; we only read their REST API.",
        "Use the shared file store when applications need file access from any compute, including EKS workloads.",
    ] {
        silent(decision, "data-product-user");
    }
}

#[test]
fn adoption_said_as_teams_say_it() {
    for (decision, rule) in [
        (
            "Write the payment-events consumer against RabbitMQ, with quorum queues.",
            "adopt-message-broker",
        ),
        (
            "In the context of chat history, facing regional outages, we decided for Apache Cassandra.",
            "adopt-cassandra",
        ),
        (
            "The catalogue tables will be read by both Spark and the reporting service.",
            "adopt-spark",
        ),
        (
            "We will move the nightly ETL from the cron scripts to Dask.",
            "adopt-dask",
        ),
        (
            "The customer-facing services will be hosted on GKE clusters that this team runs.",
            "run-kubernetes",
        ),
    ] {
        fires(decision, "data-product-user", rule);
    }
}
