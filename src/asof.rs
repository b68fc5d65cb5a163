//! The workspace as it stood on the as-of date (SPEC §8 "As of means as
//! of"): the one place where `--as-of` rewinds the facts the files date,
//! so every analysis (audit, lagging share, task-driven progress,
//! capacity, next, status, report weekly, site) judges the same past
//! instead of each command filtering on its own.
//!
//! Rewinding happens on the parsed workspace, before the graph is built,
//! so the graph's ids, links and traces are those of that day:
//! - an item whose `created` is after as-of did not exist yet: it is
//!   removed (links to it resolve to nothing, as on that day);
//! - an item whose `done` is after as-of was still open: a task or
//!   initiative becomes `todo`, an objective or KR `active`, and its `done`
//!   date is cleared, so it counts as open work and its estimate is not
//!   done work. `todo` is the honest guess: the files do not say whether
//!   it was being worked on that day;
//! - a check-in dated after as-of had not been made: it is dropped.
//!
//! Lint and the editing commands read the files as they are, never this view.

use jiff::civil::Date;

use crate::config::Root;
use crate::error::Fatal;
use crate::graph::Graph;
use crate::model::{Item, Kind, Status};
use crate::workspace::Workspace;

/// Reads the work tree of `root` into a graph as it stood on `day`.
pub fn graph(root: &Root, day: Date) -> Result<Graph, Fatal> {
    Ok(Graph::build(view(crate::load::workspace(root)?, day)))
}

/// The workspace as of `day`: see the module docs for what is rewound.
pub fn view(mut ws: Workspace, day: Date) -> Workspace {
    ws.items
        .retain(|item| item.created.is_none_or(|c| c <= day));
    for item in &mut ws.items {
        rewind(item, day);
    }
    ws
}

/// Whether the view as of `day` changes anything in `ws`: when it does
/// not, neither does the view of any later day, so a trend point can reuse
/// the graph built for an earlier one.
pub fn rewinds(ws: &Workspace, day: Date) -> bool {
    ws.items.iter().any(|item| {
        item.created.is_some_and(|c| c > day)
            || item.done.is_some_and(|d| d > day)
            || item.checkins.iter().any(|c| c.date > day)
    })
}

/// Rewinds one item that existed on `day` to its state that day.
fn rewind(item: &mut Item, day: Date) {
    if item.done.is_some_and(|d| d > day) {
        item.done = None;
        if item.status == Status::Done {
            item.status = match item.kind {
                Kind::Objective | Kind::Kr => Status::Active,
                Kind::Initiative | Kind::Task => Status::Todo,
            };
        }
    }
    item.checkins.retain(|c| c.date <= day);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::workspace::{in_memory, load};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn workspace() -> Workspace {
        load(
            &Config::default(),
            in_memory(&[
                (
                    "kr.md",
                    "---\nid: KR-1\nkind: kr\ntitle: K\nobjective: O-1\nmetric: {start: 0, target: 10}\ncheckins:\n  - {date: 2026-11-01, value: 2}\n  - {date: 2026-11-13, value: 5}\n---\n",
                ),
                (
                    "done-later.md",
                    "---\nid: T-1\nkind: task\ntitle: A\nkr: KR-1\nstatus: done\ndone: 2026-11-13\n---\n",
                ),
                (
                    "done-before.md",
                    "---\nid: T-2\nkind: task\ntitle: B\nkr: KR-1\nstatus: done\ndone: 2026-11-12\n---\n",
                ),
                (
                    "new.md",
                    "---\nid: T-3\nkind: task\ntitle: C\nkr: KR-1\ncreated: 2026-11-13\n---\n",
                ),
            ]),
        )
    }

    #[test]
    fn done_after_as_of_is_open_and_undated() {
        let ws = view(workspace(), day("2026-11-12"));
        let t1 = ws.items.iter().find(|i| i.id == "T-1").unwrap();
        assert_eq!((t1.status, t1.done), (Status::Todo, None));
        let t2 = ws.items.iter().find(|i| i.id == "T-2").unwrap();
        assert_eq!(
            (t2.status, t2.done),
            (Status::Done, Some(day("2026-11-12")))
        );
    }

    #[test]
    fn later_checkins_and_items_are_gone() {
        let ws = view(workspace(), day("2026-11-12"));
        let kr = ws.items.iter().find(|i| i.id == "KR-1").unwrap();
        assert_eq!(kr.checkins.len(), 1);
        assert!(ws.items.iter().all(|i| i.id != "T-3"));
        // On the day it was created, it exists.
        let ws = view(workspace(), day("2026-11-13"));
        assert!(ws.items.iter().any(|i| i.id == "T-3"));
    }
}
