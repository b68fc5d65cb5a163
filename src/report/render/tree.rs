//! The human view of `align status`: the rollup as an indented tree with
//! progress bars, statuses and owners in aligned columns, fitted to the
//! terminal's width (titles are cut, never ids or numbers).
//!
//! An initiative or task that serves several KRs is shown once, in full,
//! under the first, with "also serves KR-4"; under the others it is one
//! line saying where it is shown, so the tree does not repeat whole
//! branches. KRs without an objective follow under a heading of their own.

use std::collections::HashMap;

use super::audit::truncate;
use super::{bar, pct};
use crate::graph::ItemIx;
use crate::model::Kind;
use crate::output::paint;
use crate::rollup::Node;
use crate::text::escape;

/// One printed row before alignment.
struct Row {
    /// Tree lines and the id (never cut).
    lead: String,
    title: String,
    /// "also serves KR-4" or "shown under KR-1" (kept whole).
    note: String,
    bar: Option<f64>,
    status: String,
    /// The colour's key (`off_track`, `doing`, …).
    status_key: String,
    owner: String,
    /// `→ 41 by 2026-12-31` for a KR with a forecast (SPEC §10).
    forecast: String,
    /// Set on a heading row (no columns).
    heading: bool,
}

/// Renders the trees; `footer` lines follow them. `width` is what the
/// output must fit; `None` (piped) cuts nothing.
pub fn human(roots: &[Node], footer: &[String], color: bool, width: Option<usize>) -> String {
    let parents = parents_of_shared(roots);
    let mut rows = Vec::new();
    let mut shown: HashMap<ItemIx, String> = HashMap::new();
    let mut orphans_heading = false;
    for root in roots {
        if root.kind == Kind::Kr && !orphans_heading {
            orphans_heading = true;
            rows.push(Row::heading("KRs with no objective"));
        }
        collect(root, "", "", None, &parents, &mut shown, &mut rows);
    }
    let mut out = String::new();
    if rows.is_empty() {
        out.push_str("No objective is active in this window.\n");
    }
    let layout = Layout::fit(&rows, width);
    for r in &rows {
        if r.heading {
            out.push('\n');
            out.push_str(&r.title);
            out.push('\n');
            continue;
        }
        for line in layout.line(r, color).lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    for f in footer {
        out.push('\n');
        out.push_str(&crate::text::wrap(&escape(f), width, 0, "  "));
        out.push('\n');
    }
    out
}

impl Row {
    fn heading(text: &str) -> Row {
        Row {
            lead: String::new(),
            title: text.to_string(),
            note: String::new(),
            bar: None,
            status: String::new(),
            status_key: String::new(),
            owner: String::new(),
            forecast: String::new(),
            heading: true,
        }
    }
}

/// Column widths, chosen so the widest row fits.
struct Layout {
    /// Width of lead + title + note, padded.
    left: usize,
    bar: usize,
    status: usize,
    /// The owner column's width when some row has a forecast after it.
    owner: usize,
    /// Forecasts do not fit beside the row: each goes on a line of its
    /// own, under the progress column.
    forecast_below: bool,
}

impl Layout {
    fn fit(rows: &[Row], width: Option<usize>) -> Layout {
        let rows: Vec<&Row> = rows.iter().filter(|r| !r.heading).collect();
        let natural = rows.iter().map(|r| left_len(r)).max().unwrap_or(0);
        let status = rows
            .iter()
            .map(|r| r.status.chars().count())
            .max()
            .unwrap_or(0);
        let owner = rows
            .iter()
            .map(|r| r.owner.chars().count())
            .max()
            .unwrap_or(0);
        let forecast = rows
            .iter()
            .map(|r| r.forecast.chars().count())
            .max()
            .unwrap_or(0);
        let tail = if forecast > 0 { 2 + forecast } else { 0 };
        let right = |bar: usize| 2 + bar + 5 + 2 + status + 1 + owner + tail;
        let mut layout = Layout {
            left: natural,
            bar: 12,
            status,
            owner: if forecast > 0 { owner } else { 0 },
            forecast_below: false,
        };
        if let Some(w) = width
            && natural + right(12) > w
        {
            layout.bar = 8;
            let floor = rows
                .iter()
                .map(|r| r.lead.chars().count() + 2 + note_len(r) + 4)
                .max()
                .unwrap_or(0);
            if tail > 0 && w.saturating_sub(right(8)) < floor.max(30) {
                layout.forecast_below = true;
                layout.owner = 0;
                let right = |bar: usize| 2 + bar + 5 + 2 + status + 1 + owner;
                layout.left = w.saturating_sub(right(8)).max(floor).min(natural);
                return layout;
            }
            // The longest lead + note must still fit with a few title
            // characters; beyond that the line is as short as it can be.
            let floor = rows
                .iter()
                .map(|r| r.lead.chars().count() + 2 + note_len(r) + 4)
                .max()
                .unwrap_or(0);
            layout.left = w.saturating_sub(right(8)).max(floor).min(natural);
        }
        layout
    }

    fn line(&self, r: &Row, color: bool) -> String {
        let fixed = r.lead.chars().count() + 2 + note_len(r);
        let title = truncate(&r.title, self.left.saturating_sub(fixed).max(1));
        let note = if r.note.is_empty() {
            String::new()
        } else {
            format!("  {}", r.note)
        };
        let left = format!("{}  {title}{note}", r.lead);
        let pad = self.left.saturating_sub(left.chars().count());
        let progress = match r.bar {
            Some(p) => format!("{} {:>4}", bar(p, self.bar), pct(p)),
            None => " ".repeat(self.bar + 5),
        };
        let status = paint(
            color,
            code(&r.status_key),
            &format!("{:<w$}", r.status, w = self.status),
        );
        let tail = if r.forecast.is_empty() {
            String::new()
        } else if self.forecast_below {
            format!("\n{}{}", " ".repeat(self.left + 2), r.forecast)
        } else {
            format!("  {}", r.forecast)
        };
        format!(
            "{left}{}  {progress}  {status} {:<w$}{tail}",
            " ".repeat(pad),
            r.owner,
            w = self.owner
        )
    }
}

fn note_len(r: &Row) -> usize {
    if r.note.is_empty() {
        0
    } else {
        2 + r.note.chars().count()
    }
}

fn left_len(r: &Row) -> usize {
    r.lead.chars().count() + 2 + r.title.chars().count() + note_len(r)
}

/// For each initiative or task shown under more than one parent (a KR, or
/// an initiative for a task), the parents' ids in the order the tree
/// meets them. A task under an initiative that serves two KRs has one
/// parent: the initiative is the one repeated.
fn parents_of_shared(roots: &[Node]) -> HashMap<ItemIx, Vec<String>> {
    let mut all: HashMap<ItemIx, Vec<String>> = HashMap::new();
    let mut stack: Vec<(&Node, Option<&str>)> = roots.iter().rev().map(|n| (n, None)).collect();
    while let Some((n, kr)) = stack.pop() {
        if matches!(n.kind, Kind::Initiative | Kind::Task)
            && let Some(kr) = kr
        {
            let list = all.entry(n.ix).or_default();
            if !list.iter().any(|k| k == kr) {
                list.push(kr.to_string());
            }
        }
        let here = Some(n.id.as_str());
        for c in n.children.iter().rev() {
            stack.push((c, here));
        }
    }
    all.retain(|_, krs| krs.len() > 1);
    all
}

fn collect(
    n: &Node,
    lead: &str,
    branch: &str,
    kr: Option<&str>,
    parents: &HashMap<ItemIx, Vec<String>>,
    shown: &mut HashMap<ItemIx, String>,
    rows: &mut Vec<Row>,
) {
    let mut note = String::new();
    let mut repeat = false;
    if let (Some(krs), Some(kr)) = (parents.get(&n.ix), kr) {
        match shown.get(&n.ix) {
            Some(first) => {
                note = format!("(shown under {first})");
                repeat = true;
            }
            None => {
                let others: Vec<&str> = krs
                    .iter()
                    .map(String::as_str)
                    .filter(|k| *k != kr)
                    .collect();
                note = format!("(also serves {})", others.join(", "));
                shown.insert(n.ix, kr.to_string());
            }
        }
    }
    let status = match (&n.set_by, n.status.as_str()) {
        (Some(kr), "off_track" | "at_risk") => format!("{} ({kr})", words(&n.status)),
        _ => words(&n.status),
    };
    // File text enters the tree here, escaped before any width is measured.
    rows.push(Row {
        lead: format!("{lead}{branch}{}", escape(&n.id)),
        title: escape(&n.title).into_owned(),
        note: escape(&note).into_owned(),
        bar: match n.kind {
            Kind::Task => None,
            _ => n.progress,
        },
        status: escape(&status).into_owned(),
        status_key: n.status.clone(),
        owner: escape(n.owner.as_deref().unwrap_or_default()).into_owned(),
        forecast: match (n.forecast, n.forecast_by) {
            (Some(f), Some((end, task_driven))) => {
                crate::audit::forecast::summary(&f, task_driven, end)
            }
            _ => String::new(),
        },
        heading: false,
    });
    if repeat {
        return;
    }
    let below = format!(
        "{lead}{}",
        match branch {
            "" => "",
            "└─ " => "   ",
            _ => "│  ",
        }
    );
    let here = Some(n.id.as_str());
    for (i, c) in n.children.iter().enumerate() {
        let last = i + 1 == n.children.len();
        let branch = if last { "└─ " } else { "├─ " };
        collect(c, &below, branch, here, parents, shown, rows);
    }
}

fn words(status: &str) -> String {
    status.replace('_', " ")
}

/// Status colours: green for done and on track, amber only for at risk,
/// red for off track and blocked, cyan for work in progress (doing is
/// good news, not a warning), dim for the rest.
fn code(status: &str) -> &'static str {
    match status {
        "on_track" | "done" => "32",
        "at_risk" => "33",
        "off_track" | "blocked" => "31",
        "doing" => "36",
        _ => "2",
    }
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn doing_is_not_coloured_like_at_risk() {
        assert_ne!(code("doing"), code("at_risk"));
        assert_eq!(code("blocked"), code("off_track"));
    }
}
