//! When goals count (SPEC §3): a KR's period, whether it is live on a day
//! and active in a window. Shared by the rules (AL010) and the goal math.

use jiff::civil::Date;

use crate::graph::{Graph, ItemIx};
use crate::model::{Period, Status};

/// A KR's period: its objective's period, with the KR's `due` as the end.
/// `None` when the objective states no period (then the KR is not bound
/// to any window).
pub fn kr_period(graph: &Graph, kr: ItemIx) -> Option<Period> {
    let objective = graph.objective_of(kr)?;
    let period = graph.items[objective].period?;
    match graph.items[kr].due {
        Some(due) => Some(Period::range(period.start, due).unwrap_or(Period::range(due, due)?)),
        None => Some(period),
    }
}

/// Whether the KR or its objective is cancelled.
pub fn kr_cancelled(graph: &Graph, kr: ItemIx) -> bool {
    graph.items[kr].status == Status::Cancelled
        || graph
            .objective_of(kr)
            .is_some_and(|o| graph.items[o].status == Status::Cancelled)
}

/// A KR is live on `day` when the day is inside its period and neither it
/// nor its objective is cancelled (SPEC §3 "Trace").
pub fn kr_live_on(graph: &Graph, kr: ItemIx, day: Date) -> bool {
    !kr_cancelled(graph, kr) && kr_period(graph, kr).is_none_or(|p| p.contains(day))
}

/// A KR is active in a window when its period overlaps the window and
/// neither it nor its objective is cancelled (SPEC §3).
pub fn kr_active_in(graph: &Graph, kr: ItemIx, window: &Period) -> bool {
    !kr_cancelled(graph, kr) && kr_period(graph, kr).is_none_or(|p| p.overlaps(window))
}
