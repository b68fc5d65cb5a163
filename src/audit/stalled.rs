//! Stalled KRs (SPEC §3): open traced work that nobody touched in
//! `stale_days`, or a traced task blocked longer than `block_sla_days`.
//! When an item last changed is a fact handed in by the caller ([`Facts`]):
//! git history where there is one, else the `updated` field.

use jiff::civil::Date;

use crate::config::AuditConfig;
use crate::graph::{Graph, ItemIx};
use crate::model::{Status, days_between};

use super::progress::latest_checkin;

/// What the caller knows about when files changed. The audit never reads
/// git itself: the git module computes these and hands them in, and
/// `Facts::default()` means "judge by `updated` alone".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Last change date per file index (`graph.files`), from git history
    /// when known. Where git says a file last changed on a day, that wins
    /// over the `updated` field of the items in it.
    pub file_changed: Vec<Option<Date>>,
    /// The history was cut short (a shallow clone), so the dates above are
    /// upper bounds: a file may have changed earlier than it says, never
    /// later, which can only make a KR look less stalled than it is.
    pub history_cut: bool,
    /// Per item (`graph.items`): the day a done task without a `done:`
    /// field was finished, inferred from history. The item's own `done`
    /// stays what its file says.
    pub inferred_done: Vec<Option<Date>>,
    /// Per item (`graph.items`): for a blocked task without a
    /// `blocked_since:` field, the first commit of the latest unbroken run
    /// of commits in which it is blocked (SPEC §8).
    pub blocked_since: Vec<Option<Date>>,
}

impl Facts {
    /// No git facts for any file of `graph`: every date comes from `updated`.
    pub fn none(graph: &Graph) -> Facts {
        Facts {
            file_changed: vec![None; graph.files.len()],
            history_cut: false,
            inferred_done: vec![None; graph.items.len()],
            blocked_since: vec![None; graph.items.len()],
        }
    }

    /// The day task `ix` was finished: its `done:` field, else the day
    /// history gives.
    pub fn done_on(&self, graph: &Graph, ix: ItemIx) -> Option<Date> {
        graph.items[ix]
            .done
            .or_else(|| self.inferred_done.get(ix).copied().flatten())
    }

    /// Since when task `ix` is blocked (SPEC §8 "Explicit dates beat
    /// inference"): its `blocked_since:` field, else the start of its
    /// blocked run in history, else its `updated` field.
    pub fn blocked_on(&self, graph: &Graph, ix: ItemIx) -> Option<Date> {
        let item = &graph.items[ix];
        item.blocked_since
            .or_else(|| self.blocked_since.get(ix).copied().flatten())
            .or(item.updated)
    }

    /// Whether any file has a date from git.
    pub fn has_git_dates(&self) -> bool {
        self.file_changed.iter().any(Option::is_some)
    }

    /// When an item last changed: its file's git date, else `updated`;
    /// for a KR, a later check-in at or before as-of also counts.
    pub fn last_change(&self, graph: &Graph, ix: ItemIx, as_of: Date) -> Option<Date> {
        let item = &graph.items[ix];
        let file = self.file_changed.get(item.origin.file).copied().flatten();
        let written = file.or(item.updated);
        let checkin = latest_checkin(&item.checkins, as_of).map(|c| c.date);
        // `None` orders below any date, so this is the later of the two.
        written.max(checkin)
    }
}

/// A traced task blocked past the SLA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked {
    pub task: ItemIx,
    /// When it became blocked ([`Facts::blocked_on`]).
    pub since: Date,
    pub days: i64,
}

/// Why a KR is stalled, if it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stall {
    /// Open traced work exists and none of it, nor the KR, changed in
    /// `stale_days`.
    pub stale: bool,
    /// The latest change among the KR and its open work, when every one of
    /// them has a known date.
    pub last_change: Option<Date>,
    /// Traced tasks blocked longer than `block_sla_days`.
    pub blocked: Vec<Blocked>,
}

impl Stall {
    /// Stale work or a task blocked past the SLA (SPEC §3 "Stalled").
    pub fn stalled(&self) -> bool {
        self.stale || !self.blocked.is_empty()
    }
}

/// Judges one KR given the open tasks that trace to it.
pub fn stall(
    graph: &Graph,
    kr: ItemIx,
    open: &[ItemIx],
    cfg: &AuditConfig,
    as_of: Date,
    facts: &Facts,
) -> Stall {
    let mut out = Stall::default();
    for &t in open {
        if graph.items[t].status != Status::Blocked {
            continue;
        }
        if let Some(since) = facts.blocked_on(graph, t) {
            let days = days_between(since, as_of);
            if days > cfg.block_sla_days {
                out.blocked.push(Blocked {
                    task: t,
                    since,
                    days,
                });
            }
        }
    }
    if open.is_empty() {
        return out;
    }
    // Where any piece has no date, nothing tells: not stalled (SPEC §3).
    let dates: Option<Vec<Date>> = std::iter::once(kr)
        .chain(open.iter().copied())
        .map(|ix| facts.last_change(graph, ix, as_of))
        .collect();
    if let Some(latest) = dates.and_then(|d| d.into_iter().max()) {
        out.last_change = Some(latest);
        out.stale = days_between(latest, as_of) > cfg.stale_days;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::tests::graph_of;
    use jiff::civil::date;

    const KR: &str = "---\nkind: kr\ntitle: k\nobjective: O-1\nupdated: 2026-10-01\n---\n";

    fn judge(task: &str, facts: Option<Vec<Option<Date>>>) -> Stall {
        let g = graph_of(&[("KR-1.md", KR), ("T-1.md", task)]);
        let facts = facts.map_or_else(
            || Facts::none(&g),
            |f| Facts {
                file_changed: f,
                ..Facts::none(&g)
            },
        );
        let (kr, t) = (g.get("KR-1").unwrap(), g.get("T-1").unwrap());
        stall(
            &g,
            kr,
            &[t],
            &AuditConfig::default(),
            date(2026, 11, 12),
            &facts,
        )
    }

    #[test]
    fn stale_by_updated_dates() {
        let s = judge(
            "---\nkind: task\ntitle: t\nkr: KR-1\nupdated: 2026-10-20\n---\n",
            None,
        );
        assert!(s.stale && s.stalled());
        assert_eq!(s.last_change, Some(date(2026, 10, 20)));
        let s = judge(
            "---\nkind: task\ntitle: t\nkr: KR-1\nupdated: 2026-11-01\n---\n",
            None,
        );
        assert!(!s.stalled());
    }

    #[test]
    fn unknown_dates_are_not_stalled() {
        let s = judge("---\nkind: task\ntitle: t\nkr: KR-1\n---\n", None);
        assert!(!s.stalled());
        assert_eq!(s.last_change, None);
    }

    #[test]
    fn git_dates_win_over_updated() {
        let task = "---\nkind: task\ntitle: t\nkr: KR-1\nupdated: 2026-11-10\n---\n";
        let s = judge(
            task,
            Some(vec![Some(date(2026, 10, 1)), Some(date(2026, 10, 2))]),
        );
        assert!(s.stale);
        let s = judge(
            "---\nkind: task\ntitle: t\nkr: KR-1\nupdated: 2026-10-01\n---\n",
            Some(vec![None, Some(date(2026, 11, 11))]),
        );
        assert!(!s.stale);
    }

    #[test]
    fn blocked_past_the_sla() {
        let s = judge(
            "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: blocked\nupdated: 2026-11-05\n---\n",
            None,
        );
        assert_eq!(s.blocked.len(), 1);
        assert_eq!(s.blocked[0].days, 7);
        assert!(s.stalled() && !s.stale);
        let s = judge(
            "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: blocked\nupdated: 2026-11-11\n---\n",
            None,
        );
        assert!(!s.stalled());
    }
}
