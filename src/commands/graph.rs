//! `adrlint graph [PATHS] --format dot|mermaid`: the decision graph. Each ADR is a node
//! (number, title, status as colour and style); supersedes and amends relations and plain
//! links between ADRs are edges. Output is sorted by path, so it is deterministic.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{EXIT_ERROR, EXIT_OK, has_errors, print_problems, print_stdout, resolve_paths};
use crate::adr::StatusKind;
use crate::cli::{ColorChoice, GraphArgs, GraphFormat};
use crate::diag::Problem;
use crate::discover::discover_with;
use crate::hygiene::log::{Described, Entry, Log, describe_from_disk};
use crate::hygiene::{FileRole, Relation};
use crate::manifest::{self, Discovery, Manifest};
use crate::source::SourceMap;

/// An edge's kind, in the order edges between the same two ADRs are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    Supersedes,
    Amends,
    Links,
}

impl EdgeKind {
    fn label(self) -> &'static str {
        match self {
            EdgeKind::Supersedes => "supersedes",
            EdgeKind::Amends => "amends",
            EdgeKind::Links => "links to",
        }
    }
}

/// One ADR of the graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// The path as shown to the user.
    pub path: String,
    pub number: Option<u32>,
    pub title: String,
    pub status: Option<StatusKind>,
    pub status_value: Option<String>,
}

/// The decision graph: nodes sorted by path, edges `(from, to, kind)` sorted and without
/// duplicates; a plain link is dropped where a relation joins the same two ADRs.
#[derive(Debug, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<(usize, usize, EdgeKind)>,
}

pub fn run(args: &GraphArgs) -> u8 {
    let mut sources = SourceMap::default();
    let mut problems = Vec::new();
    let color = ColorChoice::Auto;

    let config = match &args.config {
        Some(path) if !path.is_file() => {
            problems.push(Problem::error(
                "missing-config",
                format!(
                    "the manifest `{}` does not exist",
                    crate::paths::display(path)
                ),
            ));
            print_problems(&problems, &sources, color);
            return EXIT_ERROR;
        }
        Some(path) => Some(path.clone()),
        None => manifest::FILE_NAMES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file()),
    };
    let loaded = match &config {
        Some(path) => match manifest::load(path, &crate::paths::display(path), &mut sources) {
            Ok(manifest) => Some(manifest),
            Err(found) => {
                print_problems(&found, &sources, color);
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    let paths = match resolve_paths(&args.paths, loaded.as_ref()) {
        Ok(paths) => paths,
        Err(problem) => {
            problems.push(problem);
            print_problems(&problems, &sources, color);
            return EXIT_ERROR;
        }
    };
    let mut listed = |dir: &std::path::Path| {
        loaded
            .as_ref()
            .is_some_and(|manifest| manifest.lists_adr_folder(dir))
    };
    let (targets, walk_problems) = discover_with(&paths, !args.no_ignore, &mut listed);
    problems.extend(walk_problems);

    // Each file's nearest manifest decides whether it is excluded (`--config` for all).
    let mut discovery = Discovery::default();
    let mut manifests: HashMap<PathBuf, Option<Manifest>> = HashMap::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for target in targets {
        let absolute = std::path::absolute(&target.path).unwrap_or_else(|_| target.path.clone());
        let excluded = match &loaded {
            Some(manifest) if args.config.is_some() => manifest.is_excluded(&absolute),
            _ => {
                let nearest = absolute.parent().and_then(|dir| discovery.nearest(dir));
                match nearest {
                    Some(path) => manifests
                        .entry(path.clone())
                        .or_insert_with(|| {
                            manifest::load(&path, &crate::paths::display(&path), &mut sources).ok()
                        })
                        .as_ref()
                        .is_some_and(|m| m.is_excluded(&absolute)),
                    None => false,
                }
            }
        };
        if !excluded {
            files.push(target.path);
        }
    }

    let graph = build(&files);
    let text = match args.format {
        GraphFormat::Dot => dot(&graph),
        GraphFormat::Mermaid => mermaid(&graph),
    };
    print_stdout(&text);
    print_problems(&problems, &sources, color);
    if has_errors(&problems) {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

/// Reads the ADRs at `files` and links them into a graph.
pub fn build(files: &[PathBuf]) -> Graph {
    let described: Vec<Described> = files.par_iter().map(|p| describe_from_disk(p)).collect();
    let shown: Vec<String> = files.iter().map(|p| crate::paths::display(p)).collect();
    let mut labels = Vec::with_capacity(described.len());
    let entries: Vec<Entry> = described
        .into_iter()
        .map(|file| {
            labels.push((file.title, file.status));
            Entry {
                facts: Box::new(file.facts),
                report: None,
                plan: 0,
            }
        })
        .collect();
    let count = entries.len();
    let mut log = Log::new(entries);

    // Nodes: the ADRs among the files, by path.
    let mut order: Vec<usize> = (0..count)
        .filter(|&i| log.entries[i].facts.role == FileRole::Adr)
        .collect();
    order.sort_by(|a, b| shown[*a].cmp(&shown[*b]));
    let node_of: HashMap<usize, usize> = order.iter().enumerate().map(|(n, &e)| (e, n)).collect();
    let nodes = order
        .iter()
        .map(|&e| {
            let facts = &log.entries[e].facts;
            let (title, status_value) = &labels[e];
            Node {
                path: shown[e].clone(),
                number: facts.number,
                title: title
                    .clone()
                    .unwrap_or_else(|| facts.file_name().to_string()),
                status: facts.status,
                status_value: status_value.clone(),
            }
        })
        .collect();

    let mut edges: BTreeSet<(usize, usize, EdgeKind)> = BTreeSet::new();
    for &from_entry in &order {
        let links = log.entries[from_entry].facts.links.clone();
        for link in links {
            let Some(to_entry) = log.resolve(from_entry, &link.target) else {
                continue;
            };
            let (Some(&from), Some(&to)) = (node_of.get(&from_entry), node_of.get(&to_entry))
            else {
                continue;
            };
            if from == to {
                continue;
            }
            edges.insert(match link.relation {
                Some(Relation::Supersedes) => (from, to, EdgeKind::Supersedes),
                Some(Relation::SupersededBy) => (to, from, EdgeKind::Supersedes),
                Some(Relation::Amends) => (from, to, EdgeKind::Amends),
                Some(Relation::AmendedBy) => (to, from, EdgeKind::Amends),
                None => (from, to, EdgeKind::Links),
            });
        }
    }
    let related: BTreeSet<(usize, usize)> = edges
        .iter()
        .filter(|(_, _, kind)| *kind != EdgeKind::Links)
        .flat_map(|&(a, b, _)| [(a, b), (b, a)])
        .collect();
    let edges = edges
        .into_iter()
        .filter(|&(a, b, kind)| kind != EdgeKind::Links || !related.contains(&(a, b)))
        .collect();
    Graph { nodes, edges }
}

/// What a node shows: `3. Use Kafka` (the number added when the title lacks it).
fn node_title(node: &Node) -> String {
    match node.number {
        Some(number) if crate::adr::number_from_title(&node.title) != Some(number) => {
            format!("{number}. {}", node.title)
        }
        _ => node.title.clone(),
    }
}

fn status_id(status: Option<StatusKind>) -> &'static str {
    match status {
        Some(StatusKind::Proposed) => "proposed",
        Some(StatusKind::Accepted) => "accepted",
        Some(StatusKind::Rejected) => "rejected",
        Some(StatusKind::Deprecated) => "deprecated",
        Some(StatusKind::Superseded) => "superseded",
        Some(StatusKind::Draft) => "draft",
        Some(StatusKind::Unknown) => "unknown",
        None => "no-status",
    }
}

/// (fill colour, DOT style) per status: in force is green, proposals yellow and dashed,
/// superseded and deprecated grey, rejected red.
fn dot_look(status: Option<StatusKind>) -> (&'static str, &'static str) {
    match status {
        Some(StatusKind::Accepted) => ("#c8e6c9", "rounded,filled"),
        Some(StatusKind::Proposed | StatusKind::Draft) => ("#fff9c4", "rounded,filled,dashed"),
        Some(StatusKind::Superseded) => ("#e0e0e0", "rounded,filled"),
        Some(StatusKind::Deprecated) => ("#ffe0b2", "rounded,filled"),
        Some(StatusKind::Rejected) => ("#ffcdd2", "rounded,filled"),
        Some(StatusKind::Unknown) | None => ("#ffffff", "rounded,filled"),
    }
}

/// The status line of a node: the status word, lower case.
fn status_text(node: &Node) -> String {
    match (node.status, &node.status_value) {
        (Some(StatusKind::Unknown), Some(value)) => {
            value.split_whitespace().next().unwrap_or("").to_lowercase()
        }
        (status, _) => status_id(status).replace('-', " "),
    }
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Graphviz DOT.
pub fn dot(graph: &Graph) -> String {
    let mut out = String::new();
    out.push_str("digraph adrs {\n");
    out.push_str("  rankdir=LR;\n");
    out.push_str("  node [shape=box, fontname=\"Helvetica\", fontsize=11, margin=\"0.2,0.1\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (index, node) in graph.nodes.iter().enumerate() {
        let (fill, style) = dot_look(node.status);
        let font = if matches!(
            node.status,
            Some(StatusKind::Superseded | StatusKind::Deprecated | StatusKind::Rejected)
        ) {
            "#616161"
        } else {
            "#000000"
        };
        let _ = writeln!(
            out,
            "  n{index} [label=\"{}\\n({})\", style=\"{style}\", fillcolor=\"{fill}\", fontcolor=\"{font}\", tooltip=\"{}\"];",
            dot_escape(&node_title(node)),
            dot_escape(&status_text(node)),
            dot_escape(&node.path),
        );
    }
    for &(from, to, kind) in &graph.edges {
        let look = match kind {
            EdgeKind::Supersedes => "style=bold, color=\"#1b5e20\"",
            EdgeKind::Amends => "style=dashed, color=\"#0d47a1\"",
            EdgeKind::Links => "style=dotted, color=\"#757575\"",
        };
        let _ = match kind {
            EdgeKind::Links => writeln!(out, "  n{from} -> n{to} [{look}];"),
            _ => writeln!(
                out,
                "  n{from} -> n{to} [label=\"{}\", {look}];",
                kind.label()
            ),
        };
    }
    out.push_str("}\n");
    out
}

fn mermaid_escape(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// A Mermaid flowchart.
pub fn mermaid(graph: &Graph) -> String {
    let mut out = String::new();
    out.push_str("flowchart LR\n");
    for (index, node) in graph.nodes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  n{index}[\"{}<br/>({})\"]:::{}",
            mermaid_escape(&node_title(node)),
            mermaid_escape(&status_text(node)),
            status_id(node.status),
        );
    }
    for &(from, to, kind) in &graph.edges {
        let arrow = match kind {
            EdgeKind::Supersedes => "==>",
            EdgeKind::Amends => "-->",
            EdgeKind::Links => "-.->",
        };
        let _ = match kind {
            EdgeKind::Links => writeln!(out, "  n{from} {arrow} n{to}"),
            _ => writeln!(out, "  n{from} {arrow}|{}| n{to}", kind.label()),
        };
    }
    let used: BTreeSet<&str> = graph.nodes.iter().map(|n| status_id(n.status)).collect();
    for status in used {
        let kind = match status {
            "proposed" => Some(StatusKind::Proposed),
            "accepted" => Some(StatusKind::Accepted),
            "rejected" => Some(StatusKind::Rejected),
            "deprecated" => Some(StatusKind::Deprecated),
            "superseded" => Some(StatusKind::Superseded),
            "draft" => Some(StatusKind::Draft),
            "unknown" => Some(StatusKind::Unknown),
            _ => None,
        };
        let (fill, style) = dot_look(kind);
        let dashed = if style.contains("dashed") {
            ",stroke-dasharray:5 3"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  classDef {status} fill:{fill},stroke:#424242{dashed}"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(number: u32, title: &str, status: StatusKind) -> Node {
        Node {
            path: format!("{number:04}.md"),
            number: Some(number),
            title: title.to_string(),
            status: Some(status),
            status_value: None,
        }
    }

    #[test]
    fn renders_both_formats() {
        let graph = Graph {
            nodes: vec![
                node(1, "1. Use \"Postgres\"", StatusKind::Superseded),
                node(2, "Use CockroachDB", StatusKind::Accepted),
            ],
            edges: vec![(1, 0, EdgeKind::Supersedes)],
        };
        let dot = dot(&graph);
        assert!(
            dot.contains("n0 [label=\"1. Use \\\"Postgres\\\"\\n(superseded)\""),
            "{dot}"
        );
        assert!(
            dot.contains("n1 [label=\"2. Use CockroachDB\\n(accepted)\""),
            "{dot}"
        );
        assert!(dot.contains("n1 -> n0 [label=\"supersedes\""), "{dot}");
        let mermaid = mermaid(&graph);
        assert!(
            mermaid.contains("n0[\"1. Use #quot;Postgres#quot;<br/>(superseded)\"]:::superseded"),
            "{mermaid}"
        );
        assert!(mermaid.contains("n1 ==>|supersedes| n0"), "{mermaid}");
        assert!(
            mermaid.contains("classDef accepted fill:#c8e6c9"),
            "{mermaid}"
        );
    }
}
