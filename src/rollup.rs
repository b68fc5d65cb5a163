//! The rollup of `align status` (SPEC §4): objectives → KRs → initiatives
//! → tasks as a tree, each node with its status and progress, computed by
//! the goal math of [`crate::audit`]. `align graph` draws the same tree.

use std::collections::HashMap;

use serde::Serialize;

use crate::audit::{Context, KrEval, evaluate_kr, evaluate_objective, task_progress, work_at};
use crate::graph::{Graph, ItemIx};
use crate::model::{Kind, LinkField, Status};

/// One item in the tree (SPEC §4 `status --format json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    #[serde(skip)]
    pub ix: ItemIx,
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub owner: Option<String>,
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
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }

    /// Whether `ix` is this node or below it.
    pub fn contains(&self, ix: ItemIx) -> bool {
        self.ix == ix || self.children.iter().any(|c| c.contains(ix))
    }
}

/// Builds tree nodes, judging each KR once.
pub struct Rollup<'a> {
    cx: Context<'a>,
    krs: HashMap<ItemIx, KrEval>,
}

impl<'a> Rollup<'a> {
    /// A rollup over the settings of `cx`.
    pub fn new(cx: Context<'a>) -> Rollup<'a> {
        Rollup {
            cx,
            krs: HashMap::new(),
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
        let roots: Vec<ItemIx> = (0..g.items.len())
            .filter(|&o| in_window(o) && !g.targets(o, LinkField::Parent).any(in_window))
            .collect();
        roots
            .into_iter()
            .map(|o| self.node(o, &mut Vec::new()))
            .collect()
    }

    /// The subtree of one item; for a task, the paths from the objectives
    /// it traces to down to it (both directions of SPEC §4 `status ID`).
    pub fn subtree(&mut self, ix: ItemIx) -> Vec<Node> {
        let g = self.g();
        if g.items[ix].kind != Kind::Task {
            return vec![self.node(ix, &mut Vec::new())];
        }
        let mut tops: Vec<ItemIx> = Vec::new();
        for &kr in g.trace(ix) {
            let top = g.objective_of(kr).map_or(kr, |o| top_objective(g, o));
            if !tops.contains(&top) {
                tops.push(top);
            }
        }
        if tops.is_empty() {
            return vec![self.node(ix, &mut Vec::new())];
        }
        tops.into_iter()
            .map(|t| {
                let mut n = self.node(t, &mut Vec::new());
                prune(&mut n, ix);
                n
            })
            .collect()
    }

    /// One node and everything under it; `path` guards against cycles.
    fn node(&mut self, ix: ItemIx, path: &mut Vec<ItemIx>) -> Node {
        let g = self.g();
        let item = &g.items[ix];
        path.push(ix);
        let kids: Vec<ItemIx> = children(g, ix)
            .into_iter()
            .filter(|c| !path.contains(c))
            .collect();
        let children: Vec<Node> = kids.into_iter().map(|c| self.node(c, path)).collect();
        path.pop();
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
            .map(|k| self.node(k, &mut Vec::new()))
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

/// The items shown under `ix`: an objective's KRs then child objectives; a
/// KR's initiatives then the tasks that link it directly (and not through
/// one of those initiatives); an initiative's tasks.
pub fn children(g: &Graph, ix: ItemIx) -> Vec<ItemIx> {
    let of_kind = |field: LinkField, kind: Kind| -> Vec<ItemIx> {
        g.sources(ix, field)
            .filter(|&s| g.items[s].kind == kind)
            .collect()
    };
    match g.items[ix].kind {
        Kind::Objective => {
            let mut v = of_kind(LinkField::Objective, Kind::Kr);
            v.extend(of_kind(LinkField::Parent, Kind::Objective));
            v
        }
        Kind::Kr => {
            let inits = of_kind(LinkField::Kr, Kind::Initiative);
            let direct = of_kind(LinkField::Kr, Kind::Task).into_iter().filter(|&t| {
                !g.targets(t, LinkField::Initiative)
                    .any(|i| inits.contains(&i))
            });
            inits.iter().copied().chain(direct).collect()
        }
        Kind::Initiative => of_kind(LinkField::Initiative, Kind::Task),
        Kind::Task => Vec::new(),
    }
}

/// The objective at the top of `o`'s parent chain (stopping at cycles).
fn top_objective(g: &Graph, o: ItemIx) -> ItemIx {
    let mut seen = vec![o];
    let mut at = o;
    while let Some(p) = g.targets(at, LinkField::Parent).next() {
        if seen.contains(&p) {
            break;
        }
        seen.push(p);
        at = p;
    }
    at
}

/// Keeps only the branches that lead to `ix`.
fn prune(node: &mut Node, ix: ItemIx) {
    if node.ix == ix {
        return;
    }
    node.children.retain(|c| c.contains(ix));
    for c in &mut node.children {
        prune(c, ix);
    }
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
}
