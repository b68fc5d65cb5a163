//! Parser tests: front-matter, YAML item lists, spans of every field, and
//! the problems bad values and unreadable files turn into.

use super::*;
use crate::model::{FieldProblem, LinkField, Status};

fn parse(path: &str, text: &str) -> Parsed {
    let config = Config::parse(
        "kind_by_path: { \"work/tasks/**\": task }\nstatuses: { done: [shipped] }\n",
        std::path::Path::new("a"),
    )
    .unwrap();
    parse_file(path, text, 0, &ParseSettings::new(&config))
}

fn at(text: &str, s: Span) -> &str {
    &text[s.start..s.end]
}

#[test]
fn markdown_task_with_every_span() {
    let text = "---\nid: T-1\nkind: task\ntitle: Ship it\nkr: [KR-1, KR-2]\nstatus: shipped\nestimate: 3\n---\nBody\n";
    let p = parse("tasks/T-1.md", text);
    assert!(p.is_item_file && p.problems.is_empty());
    let item = &p.items[0];
    assert_eq!(item.status, Status::Done);
    assert_eq!(item.estimate, 3.0);
    let links: Vec<_> = item
        .links_of(LinkField::Kr)
        .map(|l| at(text, l.span))
        .collect();
    assert_eq!(links, ["KR-1", "KR-2"]);
    assert_eq!(at(text, item.status_span.unwrap()), "shipped");
    assert!(item.problems.is_empty(), "{:?}", item.problems);
}

#[test]
fn id_from_stem_and_kind_from_path() {
    let p = parse("work/tasks/T-9.md", "---\ntitle: x\nkr: KR-1\n---\n");
    assert_eq!(p.items[0].id, "T-9");
    assert_eq!(p.items[0].kind, Kind::Task);
}

#[test]
fn not_items_are_skipped() {
    assert!(!parse("README.md", "# Hello\n").is_item_file);
    assert!(!parse("docs/page.md", "---\nlayout: post\n---\n").is_item_file);
    assert!(!parse("ci.yaml", "on: push\njobs: {}\n").is_item_file);
    assert!(!parse("broken.yaml", "on: [push\n").is_item_file);
}

#[test]
fn bad_values_become_problems_with_spans() {
    let text =
        "---\nkind: task\ntitle: x\nkr: KR-1\nestimate: lots\ndue: 2026-02-30\nstatsu: todo\n---\n";
    let p = parse("t.md", text);
    let problems = &p.items[0].problems;
    assert!(
        matches!(&problems[0], FieldProblem::Invalid { field, span, .. } if field == "estimate" && at(text, *span) == "lots")
    );
    assert!(matches!(&problems[1], FieldProblem::Invalid { field, .. } if field == "due"));
    assert!(
        matches!(&problems[2], FieldProblem::Unknown { field, suggestion: Some(s), .. } if field == "statsu" && s == "status")
    );
}

#[test]
fn multi_item_yaml_files() {
    let text = "- id: O-1\n  kind: objective\n  title: Grow\n  period: 2026-Q4\n- id: KR-1\n  kind: kr\n  title: More\n  objective: O-1\n  metric: {start: 1, target: 2}\n";
    let p = parse("okrs/q4.yaml", text);
    assert_eq!(p.items.len(), 2);
    assert_eq!(at(text, p.items[1].links[0].span), "O-1");
    assert_eq!(p.items[1].origin.index, 1);
    let items = parse(
        "i.yaml",
        "items:\n  - id: I-1\n    kind: initiative\n    title: x\n    kr: KR-1\n",
    );
    assert_eq!(items.items[0].id, "I-1");
    let no_id = parse("i.yaml", "- kind: kr\n  title: x\n");
    assert_eq!(no_id.problems[0].kind, FileProblemKind::MissingId);
}

#[test]
fn unreadable_files() {
    let p = parse("t.md", "---\nkind: task\n");
    assert_eq!(p.problems[0].kind, FileProblemKind::Unreadable);
    let p = parse("t.md", "---\nkind: task\ntitle: a: b\n---\n");
    assert_eq!(p.problems[0].kind, FileProblemKind::Unreadable);
    assert!(p.problems[0].help.contains("quotes"));
    assert_eq!(p.problems[0].span.start, "---\nkind: task\ntitle: a".len());
    let p = parse("t.md", "---\nkind: tsak\ntitle: x\n---\n");
    assert_eq!(p.problems[0].kind, FileProblemKind::InvalidKind);
    assert!(p.problems[0].help.contains("did you mean `task`?"));
}

#[test]
fn kinds_of_other_tools_are_not_items() {
    // Kubernetes, docs sites: a kind far from align's is someone else's.
    for kind in ["Pod", "page", "Deployment", "nope"] {
        let p = parse("k.yaml", &format!("kind: {kind}\nmetadata: {{name: x}}\n"));
        assert!(!p.is_item_file && p.problems.is_empty(), "{kind}");
        let p = parse("k.md", &format!("---\nkind: {kind}\n---\n"));
        assert!(!p.is_item_file, "{kind}");
    }
    // Near misses are AL008 with the suggestion; any case is a kind.
    for (kind, near) in [
        ("tasks", "task"),
        ("objetive", "objective"),
        ("Intiative", "initiative"),
    ] {
        let p = parse("t.yaml", &format!("kind: {kind}\ntitle: x\n"));
        assert_eq!(p.problems[0].kind, FileProblemKind::InvalidKind, "{kind}");
        assert!(p.problems[0].help.contains(&format!("`{near}`")), "{kind}");
    }
    let p = parse("T-1.yaml", "kind: Task\ntitle: x\nkr: KR-1\n");
    assert_eq!(p.items[0].kind, Kind::Task);
    // A broken manifest is not align's to report; a broken task is.
    assert!(!parse("k.yaml", "kind: Pod\nspec: [a\n").is_item_file);
    let p = parse("t.yaml", "kind: task\ntitle: [a\n");
    assert_eq!(p.problems[0].kind, FileProblemKind::Unreadable);
}

#[test]
fn multi_document_yaml_is_read_document_by_document() {
    let text = "apiVersion: v1\nkind: Pod\n---\nid: KR-1\nkind: kr\ntitle: More\nobjective: O-1\n---\n- id: T-1\n  kind: task\n  title: x\n  kr: KR-1\n- id: T-2\n  kind: task\n  title: y\n  kr: KR-9\n";
    let p = parse("okrs/all.yaml", text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let ids: Vec<_> = p.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["KR-1", "T-1", "T-2"]);
    // Positions are those of the file, for every document.
    assert_eq!(at(text, p.items[0].links[0].span), "O-1");
    assert_eq!(at(text, p.items[2].links[0].span), "KR-9");
    let origins: Vec<_> = p.items.iter().map(|i| i.origin.index).collect();
    assert_eq!(origins, [0, 1, 2]);
    // One bad document is AL014 where it is; the others still count.
    let p = parse(
        "x.yaml",
        "id: T-1\nkind: task\ntitle: x\n---\nkind: task\ntitle: a: b\n",
    );
    assert_eq!(p.items.len(), 1);
    assert_eq!(p.problems[0].kind, FileProblemKind::Unreadable);
    assert_eq!(
        p.problems[0].span.start,
        "id: T-1\nkind: task\ntitle: x\n---\nkind: task\ntitle: a".len()
    );
    // Several documents: each item needs its own id.
    let p = parse(
        "two.yaml",
        "kind: task\ntitle: x\n---\nkind: task\ntitle: y\n",
    );
    assert_eq!(p.problems.len(), 2);
    assert_eq!(p.problems[0].kind, FileProblemKind::MissingId);
    // A Kubernetes stream holds no item and no finding.
    let k8s = "apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n";
    assert!(!parse("deploy.yaml", k8s).is_item_file);
}

#[test]
fn mdx_is_markdown_front_matter_only() {
    let text = "---\nkind: task\ntitle: x\nkr: KR-1\n---\n# Doc\n\n```yaml\nkind: objective\ntitle: [broken\n```\n";
    let p = parse("docs/T-5.mdx", text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.items.len(), 1);
    assert_eq!(p.items[0].id, "T-5");
    let page = "import X from './x'\n\n```yaml\nkind: task\ntitle: [a\n```\n";
    assert!(!parse("docs/page.MDX", page).is_item_file);
}

#[test]
fn alias_bombs_are_al014() {
    let big = "x".repeat(4000);
    let text = format!(
        "kind: task\ntitle: &t {big}\nlabels: [{}]\n",
        ["*t"; 100].join(", ")
    );
    let p = parse("T-1.yaml", &text);
    assert_eq!(p.problems[0].kind, FileProblemKind::Unreadable);
    assert!(
        p.problems[0].message.starts_with("alias bomb"),
        "{}",
        p.problems[0].message
    );
}

#[test]
fn crlf_and_bom() {
    let text = "\u{feff}---\r\nkind: task\r\ntitle: x\r\nkr: KR-1\r\n---\r\n";
    let p = parse("T-2.md", text);
    assert_eq!(at(text, p.items[0].links[0].span), "KR-1");
}
