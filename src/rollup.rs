//! The rollup of `align status` (SPEC §4): objectives → KRs → initiatives
//! → tasks as a tree, each node with its status and progress, computed by
//! the goal math of [`crate::audit`]. `align graph` draws the same tree.
//!
//! The tree's depth is bounded whatever the files say (SPEC §6): a child
//! objective nests under its first parent only, so every objective is in
//! the tree once, and objectives nest at most [`NESTING_LIMIT`] deep. An
//! objective further down a `parent` chain starts a tree of its own, right
//! after the one it continues, naming its parent in `parent`. Everything
//! that walks, renders, serializes or drops the tree can then recurse
//! safely, and a 100,000-deep chain is a hundred thousand nodes in a few
//! thousand short trees rather than one that overflows the stack.

use std::collections::{HashMap, HashSet, VecDeque};

use serde::Serialize;

use crate::audit::{Context, KrEval, evaluate_kr, evaluate_objective, task_progress, work_at};
use crate::graph::{Graph, ItemIx};
use crate::model::{Kind, LinkField, Status};

/// Objectives nested under one another in one tree, at most. Why 32: far
/// past any real cascade (AL011 warns past 3 by default), and the deepest
/// tree (32 objectives, a KR, an initiative, a task) is 35 levels, or 71
/// of JSON nesting — within the 128 that serde_json and most JSON readers
/// accept by default, so `status --format json` stays readable by the
/// scripts it is for. A 100,000-deep nested document would not be.
pub const NESTING_LIMIT: usize = 32;

/// One item in the tree (SPEC §4 `status --format json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    #[serde(skip)]
    pub ix: ItemIx,
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub owner: Option<String>,
    /// For a tree that continues a `parent` chain deeper than
    /// [`NESTING_LIMIT`]: the objective it sits under, shown in the tree
    /// before it. Absent everywhere else.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip)]
    pub parent_ix: Option<ItemIx>,
    /// Objectives and KRs: `on_track`, `at_risk`, …; initiatives and tasks:
    /// their own status (`todo`, `doing`, …).
    pub status: String,
    /// From 0 to 1; `None` for an objective without KRs or a cancelled task.
    #[serde(serialize_with = "crate::audit::round2_opt")]
    pub progress: Option<f64>,
    /// KRs: where the pace leads by the period end (SPEC §10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast: Option<crate::audit::Forecast>,
    /// KRs with a forecast: the period end it is projected to, and
    /// whether it is task-driven (for `→ 41 by 2026-12-31`).
    #[serde(skip)]
    pub forecast_by: Option<(jiff::civil::Date, bool)>,
    pub children: Vec<Node>,
    /// For an objective, the KR whose status is its status (human output
    /// says "off track (KR-3)"); left out of the JSON shape (SPEC §4).
    #[serde(skip)]
    pub set_by: Option<String>,
    /// KRs: the late initiatives that make it at risk (SPEC §14).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub late: Vec<String>,
}

impl Node {
    /// Every node, depth first.
    #[cfg(test)]
    pub fn walk(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(n.children.iter().rev());
        }
        out
    }
}

/// Builds tree nodes, judging each KR once.
pub struct Rollup<'a> {
    cx: Context<'a>,
    krs: HashMap<ItemIx, KrEval>,
    /// Objectives already in the trees being built: each is shown once,
    /// which also ends a `parent` cycle.
    placed: HashSet<ItemIx>,
}

impl<'a> Rollup<'a> {
    /// A rollup over the settings of `cx`.
    pub fn new(cx: Context<'a>) -> Rollup<'a> {
        Rollup {
            cx,
            krs: HashMap::new(),
            placed: HashSet::new(),
        }
    }

    fn g(&self) -> &'a Graph {
        self.cx.graph
    }

    /// The whole tree: objectives in the window (not cancelled) that have
    /// no parent among them, with child objectives nested under parents.
    pub fn tree(&mut self) -> Vec<Node> {
        let g = self.g();
        let window = self.cx.window;
        let in_window = |o: ItemIx| {
            let item = &g.items[o];
            item.kind == Kind::Objective
                && item.status != Status::Cancelled
                && item.period.is_none_or(|p| p.overlaps(window))
        };
        // A root is an objective whose first parent (the one it nests
        // under) is not in the window.
        let roots: Vec<ItemIx> = (0..g.items.len())
            .filter(|&o| in_window(o) && !g.first_parent(o).is_some_and(in_window))
            .collect();
        roots
            .into_iter()
            .flat_map(|o| self.trees(o, None))
            .collect()
    }

    /// The tree under `top`, followed by the trees that continue its
    /// objective chains past [`NESTING_LIMIT`], in the order met. With
    /// `keep`, only children in it are shown.
    fn trees(&mut self, top: ItemIx, keep: Option<&HashSet<ItemIx>>) -> Vec<Node> {
        let g = self.g();
        let mut out = Vec::new();
        let mut queue: VecDeque<(ItemIx, Option<ItemIx>)> = VecDeque::from([(top, None)]);
        let mut deferred = Vec::new();
        self.placed.clear();
        self.placed.insert(top);
        while let Some((ix, parent)) = queue.pop_front() {
            let mut node = self.node(ix, 0, keep, &mut deferred);
            if let Some(p) = parent {
                node.parent = Some(g.items[p].id.clone());
                node.parent_ix = Some(p);
            }
            out.push(node);
            queue.extend(deferred.drain(..));
        }
        out
    }

    /// The subtree of one item; for a task, the paths from the objectives
    /// it traces to down to it (both directions of SPEC §4 `status ID`).
    pub fn subtree(&mut self, ix: ItemIx) -> Vec<Node> {
        let g = self.g();
        if g.items[ix].kind != Kind::Task {
            return self.trees(ix, None);
        }
        // Only the branches that lead to the task: the items on its way
        // up, chosen before building rather than pruned after, so a task
        // under a long chain costs the chain, not the whole tree.
        let mut keep: HashSet<ItemIx> = HashSet::from([ix]);
        keep.extend(g.targets(ix, LinkField::Initiative));
        let mut tops: Vec<ItemIx> = Vec::new();
        for &kr in g.trace(ix) {
            keep.insert(kr);
            let top = match g.objective_of(kr) {
                Some(o) => {
                    let mut at = o;
                    keep.insert(at);
                    while let Some(p) = g.first_parent(at) {
                        if !keep.insert(p) {
                            break;
                        }
                        at = p;
                    }
                    top_objective(g, o)
                }
                None => kr,
            };
            if !tops.contains(&top) {
                tops.push(top);
            }
        }
        if tops.is_empty() {
            return self.trees(ix, None);
        }
        tops.into_iter()
            .flat_map(|t| self.trees(t, Some(&keep)))
            .collect()
    }

    /// One node and everything under it, `nested` objectives below the top
    /// of its tree. Links only go down the kinds (objective → KR →
    /// initiative → task), so only objectives can loop, and [`Self::placed`]
    /// shows each once. Recursion is at most [`NESTING_LIMIT`] + 3 deep:
    /// child objectives past the limit go to `deferred` with their parent.
    fn node(
        &mut self,
        ix: ItemIx,
        nested: usize,
        keep: Option<&HashSet<ItemIx>>,
        deferred: &mut Vec<(ItemIx, Option<ItemIx>)>,
    ) -> Node {
        let g = self.g();
        let item = &g.items[ix];
        let below = nested + usize::from(item.kind == Kind::Objective);
        let kids: Vec<ItemIx> = children(g, ix)
            .into_iter()
            .filter(|c| keep.is_none_or(|k| k.contains(c)))
            .collect();
        let mut children: Vec<Node> = Vec::with_capacity(kids.len());
        for c in kids {
            if g.items[c].kind == Kind::Objective {
                if !self.placed.insert(c) {
                    continue;
                }
                if below >= NESTING_LIMIT {
                    deferred.push((c, Some(ix)));
                    continue;
                }
            }
            children.push(self.node(c, below, keep, deferred));
        }
        let mut set_by = None;
        let mut late = Vec::new();
        let mut forecast = None;
        let (status, progress) = match item.kind {
            Kind::Kr => {
                let e = self.eval(ix);
                // A late initiative makes the KR at risk (SPEC §14): name
                // it, as an objective names the KR that sets its status.
                late = e.late.iter().map(|l| g.items[l.item].id.clone()).collect();
                set_by = e.late.first().map(|l| g.items[l.item].id.clone());
                forecast = e
                    .forecast
                    .map(|f| (f, (e.period.end, item.metric.is_none())));
                (e.status.as_str().to_string(), Some(e.progress))
            }
            Kind::Objective => {
                set_by = self.set_by(ix);
                self.objective(ix)
            }
            Kind::Initiative => {
                let tasks = g
                    .sources(ix, LinkField::Initiative)
                    .filter(|&t| g.items[t].kind == Kind::Task);
                (
                    item.status.to_string(),
                    Some(task_progress(
                        tasks.map(|t| work_at(&g.items[t], self.cx.as_of)),
                    )),
                )
            }
            Kind::Task => (
                item.status.to_string(),
                match item.status {
                    Status::Cancelled => None,
                    Status::Done => Some(1.0),
                    _ => Some(0.0),
                },
            ),
        };
        Node {
            ix,
            id: item.id.clone(),
            kind: item.kind,
            title: item.title.clone().unwrap_or_default(),
            owner: item.owners.first().cloned(),
            parent: None,
            parent_ix: None,
            status,
            progress,
            forecast: forecast.map(|f| f.0),
            forecast_by: forecast.map(|f| f.1),
            children,
            set_by,
            late,
        }
    }

    /// KRs that name no objective (or one no item has), not cancelled:
    /// the tree cannot place them, so `status` lists them on their own
    /// rather than let them vanish.
    pub fn without_objective(&mut self) -> Vec<Node> {
        let g = self.g();
        (0..g.items.len())
            .filter(|&k| {
                let item = &g.items[k];
                item.kind == Kind::Kr
                    && item.status != Status::Cancelled
                    && g.objective_of(k).is_none()
            })
            .flat_map(|k| self.trees(k, None))
            .collect()
    }

    /// The first KR of `o` with the worst status (see [`crate::audit::worst_kr`]).
    fn set_by(&mut self, o: ItemIx) -> Option<String> {
        let g = self.g();
        let krs: Vec<ItemIx> = g
            .sources(o, LinkField::Objective)
            .filter(|&k| g.items[k].kind == Kind::Kr && !crate::periods::kr_cancelled(g, k))
            .collect();
        let judged: Vec<(&str, crate::audit::KrStatus)> = krs
            .into_iter()
            .map(|k| (g.items[k].id.as_str(), self.eval(k).status))
            .collect();
        crate::audit::worst_kr(judged.into_iter())
    }

    /// A KR judged once per rollup.
    pub fn eval(&mut self, kr: ItemIx) -> &KrEval {
        let cx = self.cx;
        self.krs.entry(kr).or_insert_with(|| evaluate_kr(&cx, kr))
    }

    /// Weighted progress and worst status of an objective's KRs that are
    /// not cancelled; its own status when it has none.
    fn objective(&mut self, o: ItemIx) -> (String, Option<f64>) {
        let (progress, worst) = evaluate_objective(&self.cx, o);
        let status = worst.map_or_else(
            || self.g().items[o].status.to_string(),
            |s| s.as_str().to_string(),
        );
        (status, progress)
    }
}

/// The items shown under `ix`: an objective's KRs then the objectives
/// whose first parent it is; a KR's initiatives then the tasks that link
/// it directly (and not through one of those initiatives); an
/// initiative's tasks. Linear in the links into `ix`.
pub fn children(g: &Graph, ix: ItemIx) -> Vec<ItemIx> {
    let of_kind = |field: LinkField, kind: Kind| -> Vec<ItemIx> {
        g.sources(ix, field)
            .filter(|&s| g.items[s].kind == kind)
            .collect()
    };
    match g.items[ix].kind {
        Kind::Objective => {
            let mut v = of_kind(LinkField::Objective, Kind::Kr);
            v.extend(
                of_kind(LinkField::Parent, Kind::Objective)
                    .into_iter()
                    .filter(|&c| g.first_parent(c) == Some(ix)),
            );
            v
        }
        Kind::Kr => {
            let inits = of_kind(LinkField::Kr, Kind::Initiative);
            let through: HashSet<ItemIx> = inits.iter().copied().collect();
            let direct = of_kind(LinkField::Kr, Kind::Task).into_iter().filter(|&t| {
                !g.targets(t, LinkField::Initiative)
                    .any(|i| through.contains(&i))
            });
            inits.iter().copied().chain(direct).collect()
        }
        Kind::Initiative => of_kind(LinkField::Initiative, Kind::Task),
        Kind::Task => Vec::new(),
    }
}

/// The objective at the top of `o`'s first-parent chain (stopping at
/// cycles), in time linear in the chain.
fn top_objective(g: &Graph, o: ItemIx) -> ItemIx {
    let mut seen = HashSet::from([o]);
    let mut at = o;
    while let Some(p) = g.first_parent(at) {
        if !seen.insert(p) {
            break;
        }
        at = p;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::round_to;
    use crate::audit::tests::{Fixed, load_dir};

    #[test]
    fn worked_example_tree() {
        let (g, config) = load_dir("tests/fixtures/worked-example");
        let fixed = Fixed::new(&g, config);
        let mut r = Rollup::new(fixed.cx(&g));
        let tree = r.tree();
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].id, "O-1");
        assert_eq!(tree[0].progress.map(|p| round_to(p, 2)), Some(0.41));
        assert_eq!(tree[0].status, "at_risk");
        let kr3 = tree[0].children.iter().find(|n| n.id == "KR-3").unwrap();
        // I-1 first (T-0001, T-0002, T-0019, T-0020), then direct tasks.
        assert_eq!(kr3.children[0].id, "I-1");
        assert_eq!(
            kr3.walk().iter().filter(|n| n.kind == Kind::Task).count(),
            8
        );

        let t1 = g.get("T-0001").unwrap();
        let up = r.subtree(t1);
        let path: Vec<&str> = up[0].walk().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(path, ["O-1", "KR-3", "I-1", "T-0001"]);
    }

    /// `n` objectives, each the parent of the next (or of `O-0` after the
    /// last, with `cycle`), a KR under the last and a task on it.
    fn chain(n: usize, cycle: bool) -> crate::graph::Graph {
        let mut text = String::new();
        for i in 0..n {
            let parent = match i {
                0 if cycle => format!(", parent: O-{}", n - 1),
                0 => String::new(),
                _ => format!(", parent: O-{}", i - 1),
            };
            text.push_str(&format!(
                "- {{id: O-{i}, kind: objective, title: o, period: 2026-Q4{parent}}}\n"
            ));
        }
        text.push_str(&format!(
            "- {{id: KR-1, kind: kr, title: k, objective: O-{}, metric: {{start: 0, target: 1}}}}\n",
            n - 1
        ));
        text.push_str("- {id: T-1, kind: task, title: t, kr: KR-1}\n");
        crate::graph::graph_of(&[("okrs.yaml", &text)])
    }

    /// How many levels a tree has, counted without recursion.
    fn depth(n: &Node) -> usize {
        let mut deepest = 0;
        let mut stack = vec![(n, 1)];
        while let Some((n, d)) = stack.pop() {
            deepest = deepest.max(d);
            stack.extend(n.children.iter().map(|c| (c, d + 1)));
        }
        deepest
    }

    #[test]
    fn long_chains_continue_in_trees_of_their_own() {
        let g = chain(100, false);
        let fixed = Fixed::new(&g, crate::config::Config::default());
        let mut r = Rollup::new(fixed.cx(&g));
        let trees = r.tree();
        // 32 + 32 + 32 + 4 objectives, each shown once.
        assert_eq!(trees.len(), 4);
        let ids: Vec<&str> = trees.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["O-0", "O-32", "O-64", "O-96"]);
        let parents: Vec<Option<&str>> = trees.iter().map(|t| t.parent.as_deref()).collect();
        assert_eq!(parents, [None, Some("O-31"), Some("O-63"), Some("O-95")]);
        assert!(trees.iter().all(|t| depth(t) <= NESTING_LIMIT + 3));
        let shown: usize = trees.iter().map(|t| t.walk().len()).sum();
        assert_eq!(shown, 100 + 2);

        // From the task up: the same chain, cut the same way, ending at it.
        let up = r.subtree(g.get("T-1").unwrap());
        assert_eq!(up.len(), 4);
        let last: Vec<&str> = up[3].walk().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(last, ["O-96", "O-97", "O-98", "O-99", "KR-1", "T-1"]);
        // From an objective down.
        let down = r.subtree(g.get("O-50").unwrap());
        assert_eq!(down.len(), 2);
        assert_eq!(down[1].parent.as_deref(), Some("O-81"));
    }

    #[test]
    fn a_parent_cycle_longer_than_a_tree_ends() {
        let g = chain(40, true);
        let fixed = Fixed::new(&g, crate::config::Config::default());
        let mut r = Rollup::new(fixed.cx(&g));
        // No root: every objective has a parent in the window.
        assert!(r.tree().is_empty());
        let trees = r.subtree(g.get("O-0").unwrap());
        let shown: usize = trees.iter().map(|t| t.walk().len()).sum();
        assert_eq!(trees.len(), 2);
        assert_eq!(shown, 40 + 2, "each objective once, then it stops");
    }
}
