//! The goal graph as a diagram (`align graph`, SPEC §4): the rollup tree
//! turned into nodes, edges and groups — tasks grouped under their
//! initiative or KR, and a group above [`GROUP_LIMIT`] collapsed into a
//! "+N more tasks" node — then written as Mermaid or Graphviz dot.

use serde::Serialize;

use crate::model::Kind;
use crate::rollup::Node;
use crate::text::{escape, truncate};

/// Tasks shown per group before the rest collapse into one node.
pub const GROUP_LIMIT: usize = 8;

/// Nodes, edges and task groups, ready to write in any syntax.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    /// `(from, to)` indexes into `nodes`, from goal to work.
    pub edges: Vec<(usize, usize)>,
    pub groups: Vec<Group>,
}

/// One box in the diagram.
#[derive(Debug, Clone, Serialize)]
pub struct DiagramNode {
    /// The item id, or `more-N` for a collapsed remainder.
    pub id: String,
    /// `None` for a "+N more tasks" node.
    pub kind: Option<Kind>,
    pub label: String,
    /// The colour class: a KR status (`at_risk`) or a work status (`doing`).
    pub class: String,
    #[serde(skip)]
    ix: Option<usize>,
}

/// The tasks drawn together under one initiative or KR.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub label: String,
    pub members: Vec<usize>,
}

/// Builds the diagram of the rollup trees.
pub fn build(roots: &[Node]) -> Diagram {
    let mut d = Diagram::default();
    for r in roots {
        let n = d.node(r);
        d.walk(r, n);
    }
    d
}

impl Diagram {
    fn node(&mut self, n: &Node) -> usize {
        if let Some(i) = self.nodes.iter().position(|x| x.ix == Some(n.ix)) {
            return i;
        }
        // The label is display text (cut, and with a progress line), so
        // the id and title from files are escaped here, where they enter.
        let mut label = format!("{} · {}", escape(&n.id), truncate(&escape(&n.title), 40));
        if let (Kind::Objective | Kind::Kr, Some(p)) = (n.kind, n.progress) {
            label.push_str(&format!(
                "\n{}% · {}",
                (p * 100.0).round() as i64,
                n.status.replace('_', " ")
            ));
        }
        self.nodes.push(DiagramNode {
            id: n.id.clone(),
            kind: Some(n.kind),
            label,
            class: escape(&n.status).into_owned(),
            ix: Some(n.ix),
        });
        self.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize) {
        if !self.edges.contains(&(from, to)) {
            self.edges.push((from, to));
        }
    }

    fn walk(&mut self, n: &Node, at: usize) {
        let mut tasks: Vec<&Node> = Vec::new();
        for c in &n.children {
            if c.kind == Kind::Task {
                tasks.push(c);
            } else {
                let ci = self.node(c);
                self.edge(at, ci);
                self.walk(c, ci);
            }
        }
        if tasks.is_empty() {
            return;
        }
        // Open work first: it is what a reader of the diagram acts on.
        tasks.sort_by_key(|t| rank(&t.status));
        let mut members = Vec::new();
        let mut hidden: Vec<&Node> = Vec::new();
        for t in tasks {
            if let Some(i) = self.nodes.iter().position(|x| x.ix == Some(t.ix)) {
                self.edge(at, i);
            } else if members.len() < GROUP_LIMIT {
                let i = self.node(t);
                members.push(i);
                self.edge(at, i);
            } else {
                hidden.push(t);
            }
        }
        if !hidden.is_empty() {
            let open = hidden.iter().filter(|t| rank(&t.status) < 3).count();
            self.nodes.push(DiagramNode {
                id: format!("more-{}", self.nodes.len()),
                kind: None,
                label: format!(
                    "+{} more tasks\n{open} open, {} closed",
                    hidden.len(),
                    hidden.len() - open
                ),
                class: "more".into(),
                ix: None,
            });
            let i = self.nodes.len() - 1;
            members.push(i);
            self.edge(at, i);
        }
        if !members.is_empty() {
            self.groups.push(Group {
                label: format!("{} tasks", escape(&n.id)),
                members,
            });
        }
    }
}

fn rank(status: &str) -> u8 {
    match status {
        "doing" => 0,
        "blocked" => 1,
        "todo" => 2,
        "done" => 3,
        _ => 4,
    }
}

/// Fill and stroke colours per class.
const CLASSES: &[(&str, &str, &str)] = &[
    ("on_track", "#dcfce7", "#16a34a"),
    ("done", "#e0e7ff", "#4f46e5"),
    ("at_risk", "#fef9c3", "#ca8a04"),
    ("off_track", "#fee2e2", "#dc2626"),
    ("not_started", "#f3f4f6", "#9ca3af"),
    ("active", "#f3f4f6", "#6b7280"),
    ("todo", "#ffffff", "#6b7280"),
    ("doing", "#dbeafe", "#2563eb"),
    ("blocked", "#fee2e2", "#dc2626"),
    ("cancelled", "#f3f4f6", "#d1d5db"),
    ("more", "#ffffff", "#9ca3af"),
];

/// Writes the diagram as a Mermaid flowchart.
pub fn mermaid(d: &Diagram) -> String {
    let mut out = String::from("flowchart LR\n");
    let grouped = grouped(d);
    let line = |i: usize, n: &DiagramNode| {
        let label = n.label.replace('"', "#quot;").replace('\n', "<br/>");
        let (open, close) = match n.kind {
            Some(Kind::Objective) => ("([", "])"),
            Some(Kind::Kr) => ("[", "]"),
            Some(Kind::Initiative) => ("[[", "]]"),
            Some(Kind::Task) => ("(", ")"),
            None => ("{{", "}}"),
        };
        format!("n{i}{open}\"{label}\"{close}:::{}", n.class)
    };
    for (i, n) in d.nodes.iter().enumerate().filter(|(i, _)| !grouped[*i]) {
        out.push_str(&format!("  {}\n", line(i, n)));
    }
    for (gi, g) in d.groups.iter().enumerate() {
        out.push_str(&format!(
            "  subgraph g{gi} [\"{}\"]\n",
            g.label.replace('"', "#quot;")
        ));
        for &m in &g.members {
            out.push_str(&format!("    {}\n", line(m, &d.nodes[m])));
        }
        out.push_str("  end\n");
    }
    for (a, b) in &d.edges {
        out.push_str(&format!("  n{a} --> n{b}\n"));
    }
    for (class, fill, stroke) in CLASSES {
        out.push_str(&format!("  classDef {class} fill:{fill},stroke:{stroke}\n"));
    }
    out
}

/// Which nodes are drawn inside a group (by node index), so ungrouped
/// nodes are found in one pass rather than a search per node.
fn grouped(d: &Diagram) -> Vec<bool> {
    let mut marks = vec![false; d.nodes.len()];
    for &m in d.groups.iter().flat_map(|g| &g.members) {
        marks[m] = true;
    }
    marks
}

/// Writes the diagram as Graphviz dot.
pub fn dot(d: &Diagram) -> String {
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    };
    let mut out = String::from(
        "digraph align {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n",
    );
    let grouped = grouped(d);
    let line = |i: usize, n: &DiagramNode| {
        let (fill, stroke) = CLASSES
            .iter()
            .find(|(c, _, _)| *c == n.class)
            .map_or(("#ffffff", "#6b7280"), |(_, f, s)| (*f, *s));
        let shape = match n.kind {
            Some(Kind::Objective) => ", shape=box, penwidth=2",
            Some(Kind::Kr) => "",
            Some(Kind::Initiative) => ", shape=box3d",
            Some(Kind::Task) => ", shape=note",
            None => ", shape=plaintext",
        };
        format!(
            "n{i} [label=\"{}\", fillcolor=\"{fill}\", color=\"{stroke}\", class=\"{}\"{shape}];",
            esc(&n.label),
            n.class
        )
    };
    for (i, n) in d.nodes.iter().enumerate().filter(|(i, _)| !grouped[*i]) {
        out.push_str(&format!("  {}\n", line(i, n)));
    }
    for (gi, g) in d.groups.iter().enumerate() {
        out.push_str(&format!(
            "  subgraph cluster_{gi} {{\n    label=\"{}\";\n    style=dashed;\n",
            esc(&g.label)
        ));
        for &m in &g.members {
            out.push_str(&format!("    {}\n", line(m, &d.nodes[m])));
        }
        out.push_str("  }\n");
    }
    for (a, b) in &d.edges {
        out.push_str(&format!("  n{a} -> n{b};\n"));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(ix: usize, status: &str) -> Node {
        Node {
            ix,
            id: format!("T-{ix}"),
            kind: Kind::Task,
            title: "a \"quoted\" task".into(),
            owner: None,
            status: status.into(),
            progress: Some(0.0),
            forecast: None,
            forecast_by: None,
            children: Vec::new(),
            set_by: None,
        }
    }

    #[test]
    fn big_groups_collapse() {
        let mut kr = task(0, "at_risk");
        kr.kind = Kind::Kr;
        kr.id = "KR-1".into();
        kr.children = (1..=12)
            .map(|i| task(i, if i % 2 == 0 { "done" } else { "todo" }))
            .collect();
        let d = build(&[kr]);
        assert_eq!(d.groups.len(), 1);
        assert_eq!(d.groups[0].members.len(), GROUP_LIMIT + 1);
        let more = d.nodes.last().unwrap();
        assert_eq!(more.label, "+4 more tasks\n0 open, 4 closed");
        let m = mermaid(&d);
        assert!(m.contains("#quot;quoted#quot;"));
        assert!(m.contains("subgraph g0 [\"KR-1 tasks\"]"));
        assert!(dot(&d).contains("cluster_0"));
    }
}
