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
        let mut seen_cycles: std::collections::HashSet<Vec<ItemIx>> = Default::default();
        // Where each item on the DFS stack sits in it, so closing a cycle
        // does not search the stack (a deep chain would make that quadratic).
        let mut depth_of = vec![0usize; n];
        let next = |ix: ItemIx| -> Vec<ItemIx> { self.targets(ix, field).collect() };
        for root in 0..n {
            if mark[root] != Mark::New || !self.items[root].links.iter().any(|l| l.field == field) {
                continue;
            }
            // Iterative DFS: (node, its successors, next successor to visit).
            let mut stack: Vec<(ItemIx, Vec<ItemIx>, usize)> = vec![(root, next(root), 0)];
            mark[root] = Mark::OnStack;
            depth_of[root] = 0;
            while let Some((node, succ, pos)) = stack.last_mut() {
                if *pos < succ.len() {
                    let s = succ[*pos];
                    *pos += 1;
                    match mark[s] {
                        Mark::New => {
                            mark[s] = Mark::OnStack;
                            depth_of[s] = stack.len();
                            let ns = next(s);
                            stack.push((s, ns, 0));
                        }
                        Mark::OnStack => {
                            let start = depth_of[s];
                            let mut cycle: Vec<ItemIx> =
                                stack[start..].iter().map(|(x, _, _)| *x).collect();
                            let min = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|(_, x)| **x)
                                .map_or(0, |(i, _)| i);
                            cycle.rotate_left(min);
                            if seen_cycles.insert(cycle.clone()) {
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

    /// The first objective an objective names as `parent`: the one the
    /// rollup nests it under and the one its depth is counted through.
    pub fn first_parent(&self, objective: ItemIx) -> Option<ItemIx> {
        self.targets(objective, LinkField::Parent).next()
    }

    /// How many objectives stand above `objective` through `parent` links
    /// (stops at cycles, which AL005 reports). One chain: for every
    /// objective at once, use [`Graph::parent_depths`]; this one walk is
    /// what the tests check that pass against.
    #[cfg(test)]
    pub fn parent_depth(&self, objective: ItemIx) -> usize {
        let mut seen = std::collections::HashSet::from([objective]);
        let mut at = objective;
        while let Some(p) = self.first_parent(at) {
            if !seen.insert(p) {
                break;
            }
            at = p;
        }
        seen.len() - 1
    }

    /// [`Graph::parent_depth`] of every item (0 for all but objectives),
    /// in time linear in the items: each chain is walked once and every
    /// objective on it takes its depth from the one above, so a
    /// 100,000-deep chain costs 100,000 steps, not 5 billion. An objective
    /// on a cycle of `n` objectives sees the `n - 1` others above it.
    pub fn parent_depths(&self) -> Vec<usize> {
        const NEW: usize = usize::MAX;
        const ON_PATH: usize = usize::MAX - 1;
        let n = self.items.len();
        let mut depth = vec![NEW; n];
        let mut path: Vec<ItemIx> = Vec::new();
        for start in 0..n {
            if depth[start] != NEW {
                continue;
            }
            if self.items[start].kind != Kind::Objective {
                depth[start] = 0;
                continue;
            }
            // Walk up until an objective already known, a top, or a loop.
            let mut at = start;
            let base = loop {
                depth[at] = ON_PATH;
                path.push(at);
                match self.first_parent(at) {
                    None => break None,
                    Some(p) if depth[p] == ON_PATH => {
                        // A cycle: everything on the path from `p` on.
                        let from = path.iter().rposition(|&x| x == p).unwrap_or(0);
                        let len = path.len() - from;
                        for &c in &path[from..] {
                            depth[c] = len - 1;
                        }
                        path.truncate(from);
                        break Some(p);
                    }
                    Some(p) if depth[p] != NEW => break Some(p),
                    Some(p) => at = p,
                }
            };
            // Unwind: each objective stands one below the next.
            let mut above = base.map(|p| depth[p]);
            while let Some(c) = path.pop() {
                let d = above.map_or(0, |d| d + 1);
                depth[c] = d;
                above = Some(d);
            }
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
        assert_eq!(g.parent_depths(), [1, 1]);
    }

    /// `O-i` has parent `O-(i-1)`; with `extra` items after.
    fn chain(n: usize, extra: &[(&str, &str)]) -> Graph {
        let mut text = String::from("- {id: O-0, kind: objective, title: o}\n");
        for i in 1..n {
            text.push_str(&format!(
                "- {{id: O-{i}, kind: objective, title: o, parent: O-{}}}\n",
                i - 1
            ));
        }
        let mut files = vec![("okrs.yaml", text.as_str())];
        files.extend_from_slice(extra);
        graph_of(&files)
    }

    #[test]
    fn parent_depths_match_one_walk_each() {
        let g = chain(
            6,
            &[
                // A loop of three with a tail of one hanging under it.
                ("A.md", "---\nkind: objective\ntitle: a\nparent: B\n---\n"),
                ("B.md", "---\nkind: objective\ntitle: b\nparent: C\n---\n"),
                ("C.md", "---\nkind: objective\ntitle: c\nparent: A\n---\n"),
                ("D.md", "---\nkind: objective\ntitle: d\nparent: C\n---\n"),
                ("T.md", "---\nkind: task\ntitle: t\n---\n"),
            ],
        );
        let depths = g.parent_depths();
        for (ix, &depth) in depths.iter().enumerate() {
            assert_eq!(depth, g.parent_depth(ix), "{}", g.items[ix].id);
        }
        assert_eq!(depths[g.get("O-5").unwrap()], 5);
        assert_eq!(depths[g.get("A").unwrap()], 2);
        assert_eq!(depths[g.get("D").unwrap()], 3);
    }

    #[test]
    fn a_long_chain_is_linear_and_flat() {
        // Quadratic (or worse), this would take minutes; recursive, it
        // would overflow the stack. `tests/cli/shapes.rs` runs 100,000.
        let n = 20_000;
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("- {{id: O-{i}, kind: objective, title: o"));
            if i > 0 {
                text.push_str(&format!(", parent: O-{}", i - 1));
            }
            text.push_str("}\n");
        }
        // Straight into the loader: split into files under its 1 MiB limit.
        let lines: Vec<&str> = text.lines().collect();
        let chunks: Vec<String> = lines.chunks(5_000).map(|c| c.join("\n")).collect();
        let names: Vec<String> = (0..chunks.len()).map(|i| format!("o{i}.yaml")).collect();
        let files: Vec<(&str, &str)> = names
            .iter()
            .zip(&chunks)
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect();
        let g = graph_of(&files);
        let depths = g.parent_depths();
        assert_eq!(depths[g.get("O-19999").unwrap()], n - 1);
        assert!(g.cycles(LinkField::Parent).is_empty());
        // Close the loop: one cycle through all of them, found once.
        let mut closed = chunks.clone();
        closed[0] = closed[0].replacen(
            "{id: O-0, kind: objective, title: o}",
            "{id: O-0, kind: objective, title: o, parent: O-19999}",
            1,
        );
        let files: Vec<(&str, &str)> = names
            .iter()
            .zip(&closed)
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect();
        let g = graph_of(&files);
        let cycles = g.cycles(LinkField::Parent);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].len(), n);
        assert!(g.parent_depths().iter().all(|&d| d == n - 1));
    }
}
