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
    let p = parse("t.md", "---\nkind: nope\ntitle: x\n---\n");
    assert_eq!(p.problems[0].kind, FileProblemKind::InvalidKind);
}

#[test]
fn crlf_and_bom() {
    let text = "\u{feff}---\r\nkind: task\r\ntitle: x\r\nkr: KR-1\r\n---\r\n";
    let p = parse("T-2.md", text);
    assert_eq!(at(text, p.items[0].links[0].span), "KR-1");
}
