//! What the fuzz targets in `fuzz/` drive (not a public API: the library's
//! modules are `pub(crate)`, and this is the one door the targets use).
//!
//! [`read_path`] runs the whole read path in memory — config, parse,
//! graph, rules, audit, rollup, queue, detail, weekly, capacity — and every
//! renderer over the result, and checks what must hold for any input: no
//! panic, JSON that parses back, human output with no control character a
//! file put there (SPEC §6), one line a finding in the short format.
//! [`edit`] applies one front-matter change the way `Document::change`
//! does and checks that only the edited bytes moved. Both panic (the
//! fuzzer's crash signal) only when such an invariant breaks.

use std::path::Path;

use jiff::civil::Date;

use crate::audit::{self, Context, Facts};
use crate::config::{Config, Severity};
use crate::edit::{Change, Target, Value};
use crate::graph::Graph;
use crate::model::Period;
use crate::report::{Summary, render};
use crate::workspace::{self, Content, Input};

/// The as-of date of every fuzz run (inside 2026-Q4).
const AS_OF: Date = jiff::civil::date(2026, 11, 12);

/// Reads `files` (root-relative paths and their bytes) under `config`
/// (the text of `align.yaml`, if any) and renders everything. Inputs a
/// command would refuse (a bad config) end quietly.
pub fn read_path(config: Option<&[u8]>, files: Vec<(String, Vec<u8>)>) {
    let config = match config {
        None => Config::default(),
        Some(bytes) => {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return;
            };
            let path = Path::new("align.yaml");
            match Config::parse(text, path) {
                Ok(c) if crate::rules::check_config(&c, path).is_ok() => c,
                Ok(_) | Err(_) => return,
            }
        }
    };
    let Ok((include, exclude)) = workspace::matchers(&config) else {
        return;
    };
    let inputs: Vec<Input> = files
        .into_iter()
        .filter(|(p, _)| workspace::wanted(p, &include, &exclude))
        .map(|(path, bytes)| Input {
            path,
            content: Content::Bytes(bytes),
        })
        .collect();
    let graph = Graph::build(workspace::load(&config, inputs));
    lint(&graph, &config);
    goals(&graph, &config);
}

fn lint(graph: &Graph, config: &Config) {
    let findings = crate::rules::lint_files(graph, config, AS_OF, None);
    let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
    let summary = Summary {
        files: graph.files.len(),
        items: graph.items.len(),
        skipped: graph.skipped,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
    };
    for color in [false, true] {
        terminal_safe(
            "lint human",
            &render::human::render(graph, &findings, &summary, color),
            color,
        );
    }
    let short = render::short::render(graph, &findings);
    terminal_safe("lint short", &short, false);
    assert_eq!(short.lines().count(), findings.len(), "one line a finding");
    terminal_safe(
        "lint github",
        &render::github::render(graph, &findings),
        false,
    );
    json("lint json", &render::json::lint(graph, &findings, &summary));
    json(
        "lint sarif",
        &render::sarif::render(graph, &findings, &crate::rules::docs()),
    );
}

fn goals(graph: &Graph, config: &Config) {
    let window = Period::containing(config.period, AS_OF);
    let facts = Facts::none(graph);
    let a = audit::audit(graph, config, AS_OF, &window, &facts);
    json("audit json", &render::json::pretty(&a));
    terminal_safe("audit markdown", &render::markdown::audit(&a), false);
    terminal_safe("audit github", &render::github::audit(graph, &a), false);
    for (color, width) in [(false, None), (true, Some(80)), (false, Some(40))] {
        terminal_safe(
            "audit human",
            &render::audit::human(&a, color, width),
            color,
        );
    }
    let cx = Context {
        graph,
        config,
        as_of: AS_OF,
        window: &window,
        facts: &facts,
    };
    let mut rollup = crate::rollup::Rollup::new(cx);
    let mut roots = rollup.tree();
    roots.extend(rollup.without_objective());
    json("status json", &render::json::pretty(&roots));
    for (color, width) in [(false, None), (true, Some(60))] {
        let tree = render::tree::human(&roots, &["footer".into()], color, width);
        terminal_safe("status human", &tree, color);
    }
    let d = render::diagram::build(&roots);
    json("graph json", &render::json::pretty(&d));
    terminal_safe("graph mermaid", &render::diagram::mermaid(&d), false);
    terminal_safe("graph dot", &render::diagram::dot(&d), false);

    let queue = crate::next::rank(&cx, None);
    json("next json", &render::json::pretty(&queue));
    let asked = render::queue::Asked {
        open: queue.tasks.len(),
        matched: queue.tasks.len(),
        owner: None,
        limit: queue.tasks.len(),
        explain: true,
        width: Some(70),
    };
    for color in [false, true] {
        terminal_safe(
            "next human",
            &render::queue::human(&queue, &asked, color),
            color,
        );
    }
    for ix in (0..graph.items.len()).take(8) {
        let detail = crate::detail::detail(&cx, ix);
        json("show json", &render::json::pretty(&detail));
        terminal_safe("show human", &render::detail::human(&detail, false), false);
    }
    let w = crate::weekly::weekly(graph, config, AS_OF, &window, &facts, &facts);
    json("weekly json", &render::json::pretty(&w));
    terminal_safe("weekly markdown", &render::weekly::markdown(&w), false);
    let c = audit::capacity::capacity(graph, config, AS_OF, &window, None);
    json("capacity json", &render::json::pretty(&c));
    terminal_safe("capacity human", &render::capacity::human(&c, true), false);
}

/// Panics unless `text` is JSON with no raw control character.
fn json(what: &str, text: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        panic!("{what}: not JSON ({e}):\n{text}");
    }
    terminal_safe(what, text, false);
}

/// Panics if a renderer's own output (before the sink's filter) holds a
/// control character other than a newline, or, with `color`, an ESC that
/// does not start a colour sequence: file text was not escaped where it
/// entered the renderer.
fn terminal_safe(what: &str, text: &str, color: bool) {
    let escaped = crate::text::for_terminal(text, color);
    if escaped != text {
        let at = text
            .bytes()
            .zip(escaped.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let from = (0..=at.saturating_sub(40))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        panic!(
            "{what}: raw control character at byte {at}: {:?}",
            &text[from..]
        );
    }
    assert!(!text.contains('\t'), "{what}: raw tab:\n{text:?}");
}

/// The change a fuzz case makes.
#[derive(Debug, Clone)]
pub enum Edit {
    /// `align set ID FIELD VALUE` on a top-level field.
    Set { field: String, value: String },
    /// `align checkin`: append `{date, value, note}` to `checkins`.
    Checkin { value: String, note: String },
}

/// Applies `edit` to `text` (a Markdown file when `markdown`, else a
/// one-item YAML file) the way `Document::change` does, and checks that
/// every byte outside the edited field is unchanged: the front-matter
/// fences, the body, and every other line of the front-matter.
pub fn edit(text: &str, markdown: bool, edit: &Edit) -> Option<String> {
    let change = match edit {
        Edit::Set { field, value } => Change::Set {
            path: vec![field.clone()],
            value: Value::text(value.clone()),
        },
        Edit::Checkin { value, note } => Change::Append {
            field: "checkins".into(),
            entry: vec![
                ("date".into(), Value::plain("2026-11-12")),
                ("value".into(), Value::text(value.clone())),
                ("note".into(), Value::text(note.clone())),
            ],
        },
    };
    let out = crate::edit::apply(text, markdown, Target::Whole, &change).ok()?;
    let region = crate::edit::region(text, markdown).ok()?;
    let (prefix, suffix) = common_ends(text, &out);
    // Only bytes of the YAML region change (fences, BOM and body stay).
    assert!(prefix >= region.start, "changed before the front-matter");
    assert!(
        suffix >= text.len() - region.end,
        "changed after the front-matter"
    );
    let yaml = &text[region.start..region.end];
    let node = crate::parse::scan::scan(yaml);
    let field = match edit {
        Edit::Set { field, .. } => field.as_str(),
        Edit::Checkin { .. } => "checkins",
    };
    if let Some(entry) = node.get(field) {
        // An existing field: nothing outside its own lines changes.
        let (start, end) = (
            region.start + entry.lines.start,
            region.start + entry.lines.end,
        );
        assert!(
            prefix >= start && suffix >= text.len() - end,
            "bytes outside `{field}` changed:\n{text:?}\n{out:?}"
        );
    }
    // What `Document::change` guards: a readable item stays readable. (A
    // scalar document is not an item, so no command edits it.)
    let after = crate::edit::region(&out, markdown).ok()?;
    if matches!(
        crate::yaml::parse_doc(yaml),
        Ok(crate::yaml::RawDoc::One(_))
    ) {
        assert!(
            crate::yaml::parse_doc(&out[after.start..after.end]).is_ok(),
            "the edit broke the YAML:\n{text:?}\n{out:?}"
        );
    }
    Some(out)
}

/// Lengths of the longest common prefix and suffix of `a` and `b` (not
/// overlapping within the shorter).
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let max = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max)
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_workspace_renders_clean() {
        read_path(
            Some(b"period: quarter\n"),
            vec![
                (
                    "okrs/O-1.md".into(),
                    b"---\nkind: objective\ntitle: \"a\\e]0;x\\a\\u009b\\n\"\nowner: \"d\\r\"\n---\n"
                        .to_vec(),
                ),
                (
                    "tasks/T-\x1b.md".into(),
                    b"---\nkind: task\ntitle: raw \x1b[2J\n---\n".to_vec(),
                ),
            ],
        );
    }

    /// Found by the `edit` target: a YAML file that is one scalar (not an
    /// item) gains a key after the scalar, which no longer parses; no
    /// command edits such a file, so only items are held to "stays
    /// readable".
    #[test]
    fn an_edit_of_a_scalar_document_is_not_held_to_readability() {
        let set = Edit::Set {
            field: "priority".into(),
            value: "high".into(),
        };
        assert!(edit("mment\n", false, &set).is_some());
    }

    #[test]
    fn edits_keep_every_other_byte() {
        let text = "---\r\ntitle: A # keep\r\nstatus: todo\r\n---\r\nbody\r\n";
        let set = Edit::Set {
            field: "status".into(),
            value: "doing".into(),
        };
        let out = edit(text, true, &set).unwrap();
        assert_eq!(
            out,
            "---\r\ntitle: A # keep\r\nstatus: doing\r\n---\r\nbody\r\n"
        );
        let checkin = Edit::Checkin {
            value: "3".into(),
            note: "x: y".into(),
        };
        assert!(edit(text, true, &checkin).is_some());
    }
}
