//! "Nothing to read is said" (SPEC §8): when the window holds no active KR
//! but other periods do, the answer names them, so an empty audit, status
//! or site is never mistaken for a team without goals.

use crate::graph::Graph;
use crate::model::{Kind, Period};
use crate::periods::{kr_active_in, kr_cancelled, kr_period};

use super::EmptyWindow;

/// `Some` when no KR is active in `window` while KRs of other periods
/// exist; the periods are their objectives' (as written, so each is a
/// valid `--period`), earliest first.
pub fn empty_window(g: &Graph, window: &Period) -> Option<EmptyWindow> {
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
    let mut labels: Vec<String> = Vec::new();
    for p in periods {
        let label = p.to_string();
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let first = labels.first()?.clone();
    Some(EmptyWindow {
        message: format!(
            "No KR is active in {window}; KRs exist for {}: pass `--period {first}`",
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
        let e = empty_window(&g, &Period::parse("2027-Q1").unwrap()).unwrap();
        assert_eq!(
            e.message,
            "No KR is active in 2027-Q1; KRs exist for 2026-Q4: pass `--period 2026-Q4`"
        );
        assert!(empty_window(&g, &Period::parse("2026-Q4").unwrap()).is_none());
    }

    #[test]
    fn says_nothing_without_any_kr() {
        let g = test_graph(&[]);
        assert!(empty_window(&g, &Period::parse("2027-Q1").unwrap()).is_none());
    }
}
