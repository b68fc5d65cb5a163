//! "Nothing to read is said" (SPEC §8): when the window holds no active KR
//! but other periods do, the answer names them, so an empty audit, status
//! or site is never mistaken for a team without goals.

use crate::graph::Graph;
use crate::model::{Kind, Period, days_between};
use crate::periods::{kr_active_in, kr_cancelled, kr_period};

use super::EmptyWindow;

/// How the command that found the window empty lets the user pick another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// `--period P` (audit, site).
    Period,
    /// `--as-of DATE`, for commands whose window is the one containing
    /// as-of (status).
    AsOf,
}

/// `Some` when no KR is active in `window` while KRs of other periods
/// exist; the periods are their objectives' (as written, so each is a
/// valid `--period`), earliest first, and the advice names the one
/// nearest the window.
pub fn empty_window(g: &Graph, window: &Period, retry: Retry) -> Option<EmptyWindow> {
    let krs = || (0..g.items.len()).filter(|&ix| g.items[ix].kind == Kind::Kr);
    if krs().any(|kr| kr_active_in(g, kr, window)) {
        return None;
    }
    let mut periods: Vec<Period> = krs()
        .filter(|&kr| !kr_cancelled(g, kr))
        .filter_map(|kr| {
            g.objective_of(kr)
                .and_then(|o| g.items[o].period)
                .or_else(|| kr_period(g, kr))
        })
        .collect();
    periods.sort_by_key(|p| (p.start, p.end));
    periods.dedup_by_key(|p| p.to_string());
    let nearest = periods.iter().min_by_key(|p| {
        if p.end < window.start {
            days_between(p.end, window.start)
        } else {
            days_between(window.end, p.start)
        }
    })?;
    let advice = match retry {
        Retry::Period => format!("pass `--period {nearest}`"),
        // The day of that period nearest the window.
        Retry::AsOf if nearest.end < window.start => format!("pass `--as-of {}`", nearest.end),
        Retry::AsOf => format!("pass `--as-of {}`", nearest.start),
    };
    let labels: Vec<String> = periods.iter().map(ToString::to_string).collect();
    Some(EmptyWindow {
        message: format!(
            "No KR is active in {window}; KRs exist for {}: {advice}",
            labels.join(", ")
        ),
        periods: labels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::graph_of as test_graph;

    #[test]
    fn names_the_periods_that_hold_krs() {
        let g = test_graph(&[
            (
                "o.md",
                "---\nid: O-1\nkind: objective\ntitle: O\nperiod: 2026-Q4\n---\n",
            ),
            (
                "k.md",
                "---\nid: KR-1\nkind: kr\ntitle: K\nobjective: O-1\n---\n",
            ),
        ]);
        let q1 = Period::parse("2027-Q1").unwrap();
        let e = empty_window(&g, &q1, Retry::Period).unwrap();
        assert_eq!(
            e.message,
            "No KR is active in 2027-Q1; KRs exist for 2026-Q4: pass `--period 2026-Q4`"
        );
        let e = empty_window(&g, &q1, Retry::AsOf).unwrap();
        assert_eq!(
            e.message,
            "No KR is active in 2027-Q1; KRs exist for 2026-Q4: pass `--as-of 2026-12-31`"
        );
        let q4 = Period::parse("2026-Q4").unwrap();
        assert!(empty_window(&g, &q4, Retry::Period).is_none());
    }

    #[test]
    fn advises_the_period_nearest_the_window() {
        let g = test_graph(&[
            (
                "a.md",
                "---\nid: O-1\nkind: objective\ntitle: O\nperiod: 2025-Q1\n---\n",
            ),
            (
                "b.md",
                "---\nid: KR-1\nkind: kr\ntitle: K\nobjective: O-1\n---\n",
            ),
            (
                "c.md",
                "---\nid: O-2\nkind: objective\ntitle: O\nperiod: 2026-Q4\n---\n",
            ),
            (
                "d.md",
                "---\nid: KR-2\nkind: kr\ntitle: K\nobjective: O-2\n---\n",
            ),
            (
                "e.md",
                "---\nid: KR-3\nkind: kr\ntitle: K\nobjective: O-2\n---\n",
            ),
        ]);
        let e = empty_window(&g, &Period::parse("2026-Q2").unwrap(), Retry::AsOf).unwrap();
        assert_eq!(e.periods, ["2025-Q1", "2026-Q4"]);
        assert!(
            e.message.ends_with("pass `--as-of 2026-10-01`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn says_nothing_without_any_kr() {
        let g = test_graph(&[]);
        let q1 = Period::parse("2027-Q1").unwrap();
        assert!(empty_window(&g, &q1, Retry::Period).is_none());
    }
}
