//! The graph of items: ids, typed links resolved to items (unresolved ones
//! kept for AL002), reverse links, cycles and traces (SPEC §2, §3). Built
//! once in linear time; every later pass reads it.

use std::collections::HashMap;

use crate::model::{Item, Kind, LinkField};
use crate::workspace::{SourceFile, Workspace};

/// Index of an item in `Graph::items`.
pub type ItemIx = usize;

/// One link from an item, resolved where its target exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub field: LinkField,
    /// Index into the item's `links`.
    pub link: usize,
    /// The first item with the target id, if any.
    pub target: Option<ItemIx>,
}

/// All items with their links resolved both ways.
#[derive(Debug, Default)]
pub struct Graph {
    pub files: Vec<SourceFile>,
    pub items: Vec<Item>,
    pub skipped: usize,
    pub file_problems: Vec<(usize, crate::parse::FileProblem)>,
    /// Warnings about the input as a whole (nothing read, an `include`
    /// glob that matched nothing), for stderr.
    pub warnings: Vec<String>,
    by_id: HashMap<String, Vec<ItemIx>>,
    /// Links out of each item.
    pub out: Vec<Vec<Edge>>,
    /// Links into each item: `(from, field)`.
    pub incoming: Vec<Vec<(ItemIx, LinkField)>>,
    /// For tasks and initiatives: the KRs they trace to, in link order.
    traces: Vec<Vec<ItemIx>>,
}

impl Graph {
    /// Builds the graph from a parsed workspace. Items are ordered by file
    /// and position so every output is deterministic.
    pub fn build(ws: Workspace) -> Graph {
        let Workspace {
            files,
            mut items,
            file_problems,
            skipped,
            warnings,
        } = ws;
        items.sort_by_key(|i| i.origin);
        let mut by_id: HashMap<String, Vec<ItemIx>> = HashMap::with_capacity(items.len());
        for (ix, item) in items.iter().enumerate() {
            by_id.entry(item.id.clone()).or_default().push(ix);
        }
        let mut incoming = vec![Vec::new(); items.len()];
        let out: Vec<Vec<Edge>> = items
            .iter()
            .enumerate()
            .map(|(from, item)| {
                item.links
                    .iter()
                    .enumerate()
                    .map(|(link, l)| {
                        let target = by_id.get(&l.target).map(|v| v[0]);
                        if let Some(t) = target {
                            incoming[t].push((from, l.field));
                        }
                        Edge {
                            field: l.field,
                            link,
                            target,
                        }
                    })
                    .collect()
            })
            .collect();
        let mut graph = Graph {
            files,
            items,
            skipped,
            file_problems,
            warnings,
            by_id,
            out,
            incoming,
            traces: Vec::new(),
        };
        graph.traces = (0..graph.items.len())
            .map(|ix| graph.compute_trace(ix))
            .collect();
        graph
    }

    /// The item with `id` (the first, when the id is duplicated).
    pub fn get(&self, id: &str) -> Option<ItemIx> {
        self.by_id.get(id).map(|v| v[0])
    }

    /// Every item that has `id`: more than one is AL004.
    pub fn all_with(&self, id: &str) -> &[ItemIx] {
        self.by_id.get(id).map_or(&[], Vec::as_slice)
    }

    /// The one item with `id`, for commands that name an item: an error
    /// naming the nearest ids when none has it, and naming every file when
    /// several do (AL004), rather than picking one.
    pub fn find(&self, id: &str) -> Result<ItemIx, crate::error::Fatal> {
        use crate::error::Fatal;
        match self.all_with(id) {
            [ix] => Ok(*ix),
            [] => {
                let near = crate::suggest::nearest(id, self.ids(), 3);
                let help = if near.is_empty() {
                    "`align status` lists every objective, KR, initiative and task".to_string()
                } else {
                    let near: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
                    format!("did you mean {}?", near.join(" or "))
                };
                Err(Fatal::usage(format!("no item has the id `{id}`"), help))
            }
            many => {
                let paths: Vec<&str> = many
                    .iter()
                    .map(|&ix| self.file_of(ix).path.as_str())
                    .collect();
                Err(Fatal::usage(
                    format!(
                        "the id `{id}` is used by {} items ({})",
                        many.len(),
                        paths.join(", ")
                    ),
                    "give each item its own id first (`align lint` reports AL004)",
                ))
            }
        }
    }

    /// Every id in the graph, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }

    /// The file an item was read from.
    pub fn file_of(&self, ix: ItemIx) -> &SourceFile {
        &self.files[self.items[ix].origin.file]
    }

    /// Resolved targets of one link field of an item, of the right kind.
    pub fn targets(&self, ix: ItemIx, field: LinkField) -> impl Iterator<Item = ItemIx> + '_ {
        self.out[ix]
            .iter()
            .filter(move |e| e.field == field)
            .filter_map(|e| e.target)
            .filter(move |&t| self.items[t].kind == field.target_kind())
    }

    /// Items linking to `ix` through `field`.
    pub fn sources(&self, ix: ItemIx, field: LinkField) -> impl Iterator<Item = ItemIx> + '_ {
        self.incoming[ix]
            .iter()
            .filter(move |(_, f)| *f == field)
            .map(|(from, _)| *from)
    }

    /// The objective of a KR.
    pub fn objective_of(&self, kr: ItemIx) -> Option<ItemIx> {
        self.targets(kr, LinkField::Objective).next()
    }

    /// The KRs a task or initiative traces to: directly, or through an
    /// initiative (SPEC §3 "Trace"). Empty for objectives and KRs.
    pub fn trace(&self, ix: ItemIx) -> &[ItemIx] {
        &self.traces[ix]
    }

    fn compute_trace(&self, ix: ItemIx) -> Vec<ItemIx> {
        let mut krs: Vec<ItemIx> = Vec::new();
        let item = &self.items[ix];
        if !matches!(item.kind, Kind::Task | Kind::Initiative) {
            return krs;
        }
        let mut push = |k: ItemIx| {
            if !krs.contains(&k) {
                krs.push(k);
            }
        };
        for kr in self.targets(ix, LinkField::Kr) {
            push(kr);
        }
        if item.kind == Kind::Task {
            for init in self.targets(ix, LinkField::Initiative) {
                for kr in self.targets(init, LinkField::Kr) {
                    push(kr);
                }
            }
        }
        krs
    }

    /// The tasks that trace to a KR (directly or through an initiative).
    pub fn tasks_of_kr(&self, kr: ItemIx) -> Vec<ItemIx> {
        let mut tasks: Vec<ItemIx> = self
            .sources(kr, LinkField::Kr)
            .filter(|&t| self.items[t].kind == Kind::Task)
            .collect();
        for init in self
            .sources(kr, LinkField::Kr)
            .filter(|&i| self.items[i].kind == Kind::Initiative)
        {
            tasks.extend(
                self.sources(init, LinkField::Initiative)
                    .filter(|&t| self.items[t].kind == Kind::Task),
            );
        }
        tasks.sort_unstable();
        tasks.dedup();
        tasks
    }

    /// Cycles formed by one link field (`parent` or `depends_on`), each
    /// reported once, starting at its lowest item.
    pub fn cycles(&self, field: LinkField) -> Vec<Vec<ItemIx>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnStack,
            Done,
        }
        let n = self.items.len();
        let mut mark = vec![Mark::New; n];
        let mut found: Vec<Vec<ItemIx>> = Vec::new();
        let next = |ix: ItemIx| -> Vec<ItemIx> { self.targets(ix, field).collect() };
        for root in 0..n {
            if mark[root] != Mark::New || !self.items[root].links.iter().any(|l| l.field == field) {
                continue;
            }
            // Iterative DFS: (node, its successors, next successor to visit).
            let mut stack: Vec<(ItemIx, Vec<ItemIx>, usize)> = vec![(root, next(root), 0)];
            mark[root] = Mark::OnStack;
            while let Some((node, succ, pos)) = stack.last_mut() {
                if *pos < succ.len() {
                    let s = succ[*pos];
                    *pos += 1;
                    match mark[s] {
                        Mark::New => {
                            mark[s] = Mark::OnStack;
                            let ns = next(s);
                            stack.push((s, ns, 0));
                        }
                        Mark::OnStack => {
                            let start = stack.iter().position(|(x, _, _)| *x == s).unwrap_or(0);
                            let mut cycle: Vec<ItemIx> =
                                stack[start..].iter().map(|(x, _, _)| *x).collect();
                            let min = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|(_, x)| **x)
                                .map_or(0, |(i, _)| i);
                            cycle.rotate_left(min);
                            if !found.contains(&cycle) {
                                found.push(cycle);
                            }
                        }
                        Mark::Done => {}
                    }
                } else {
                    mark[*node] = Mark::Done;
                    stack.pop();
                }
            }
        }
        found
    }

    /// How many objectives stand above `objective` through `parent` links
    /// (stops at cycles, which AL005 reports).
    pub fn parent_depth(&self, objective: ItemIx) -> usize {
        let mut depth = 0;
        let mut seen = vec![objective];
        let mut at = objective;
        while let Some(p) = self.targets(at, LinkField::Parent).next() {
            if seen.contains(&p) {
                break;
            }
            seen.push(p);
            depth += 1;
            at = p;
        }
        depth
    }
}

/// A graph from in-memory `(path, text)` files with the default config:
/// the fixture every unit test of the analyses builds on.
#[cfg(test)]
pub(crate) fn graph_of(files: &[(&str, &str)]) -> Graph {
    let config = crate::config::Config::default();
    Graph::build(crate::workspace::load(
        &config,
        crate::workspace::in_memory(files),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(g: &Graph, v: &[ItemIx]) -> Vec<String> {
        v.iter().map(|&i| g.items[i].id.clone()).collect()
    }

    #[test]
    fn traces_through_initiatives() {
        let g = graph_of(&[
            ("O-1.md", "---\nkind: objective\ntitle: o\n---\n"),
            ("KR-1.md", "---\nkind: kr\ntitle: k\nobjective: O-1\n---\n"),
            ("KR-2.md", "---\nkind: kr\ntitle: k\nobjective: O-1\n---\n"),
            ("I-1.md", "---\nkind: initiative\ntitle: i\nkr: KR-2\n---\n"),
            (
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\ninitiative: I-1\n---\n",
            ),
            ("T-2.md", "---\nkind: task\ntitle: t\nkr: KR-404\n---\n"),
        ]);
        let t1 = g.get("T-1").unwrap();
        assert_eq!(ids(&g, g.trace(t1)), ["KR-1", "KR-2"]);
        assert_eq!(ids(&g, &g.tasks_of_kr(g.get("KR-2").unwrap())), ["T-1"]);
        let t2 = g.get("T-2").unwrap();
        assert!(g.trace(t2).is_empty());
        assert_eq!(g.out[t2][0].target, None);
        assert_eq!(g.objective_of(g.get("KR-1").unwrap()), g.get("O-1"));
    }

    #[test]
    fn cycles_are_found_once() {
        let g = graph_of(&[
            ("A.md", "---\nkind: task\ntitle: a\ndepends_on: [B]\n---\n"),
            ("B.md", "---\nkind: task\ntitle: b\ndepends_on: [C]\n---\n"),
            (
                "C.md",
                "---\nkind: task\ntitle: c\ndepends_on: [A, D]\n---\n",
            ),
            ("D.md", "---\nkind: task\ntitle: d\n---\n"),
        ]);
        let cycles = g.cycles(LinkField::DependsOn);
        assert_eq!(cycles.len(), 1);
        assert_eq!(ids(&g, &cycles[0]), ["A", "B", "C"]);
        assert!(g.cycles(LinkField::Parent).is_empty());
    }

    #[test]
    fn parent_depth_stops_at_cycles() {
        let g = graph_of(&[
            (
                "O-1.md",
                "---\nkind: objective\ntitle: o\nparent: O-2\n---\n",
            ),
            (
                "O-2.md",
                "---\nkind: objective\ntitle: o\nparent: O-1\n---\n",
            ),
        ]);
        assert_eq!(g.parent_depth(0), 1);
    }
}
