//! The human view of `align status`: the rollup as an indented tree with
//! progress bars, statuses and owners in aligned columns.

use super::audit::truncate;
use super::{bar, pct};
use crate::model::Kind;
use crate::output::paint;
use crate::rollup::Node;

/// One printed row before alignment.
struct Row {
    left: String,
    progress: String,
    status: String,
    owner: String,
    /// `→ 41 by 2026-12-31` for a KR with a forecast.
    forecast: String,
}

/// Renders the trees; `footer` lines follow them.
pub fn human(roots: &[Node], footer: &[String], color: bool) -> String {
    let mut rows = Vec::new();
    for root in roots {
        collect(root, "", "", &mut rows);
    }
    let width = rows
        .iter()
        .map(|r| r.left.chars().count())
        .max()
        .unwrap_or(0);
    let owners = rows
        .iter()
        .filter(|r| !r.forecast.is_empty())
        .map(|r| r.owner.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        let pad = width - r.left.chars().count();
        let status = paint(color, code(&r.status), &format!("{:<11}", words(&r.status)));
        let line = format!(
            "{}{}  {:<17}  {status} {:<owners$}  {}",
            r.left,
            " ".repeat(pad),
            r.progress,
            r.owner,
            r.forecast
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if rows.is_empty() {
        out.push_str("No objective is active in this window.\n");
    }
    for f in footer {
        out.push('\n');
        out.push_str(f);
        out.push('\n');
    }
    out
}

fn collect(n: &Node, lead: &str, branch: &str, rows: &mut Vec<Row>) {
    let progress = match (n.kind, n.progress) {
        (Kind::Task, _) | (_, None) => String::new(),
        (_, Some(p)) => format!("{} {:>4}", bar(p, 12), pct(p)),
    };
    rows.push(Row {
        left: format!("{lead}{branch}{}  {}", n.id, truncate(&n.title, 52)),
        progress,
        status: n.status.clone(),
        owner: n.owner.clone().unwrap_or_default(),
        forecast: match (n.forecast, n.forecast_by) {
            (Some(f), Some((end, task_driven))) => {
                crate::audit::forecast::summary(&f, task_driven, end)
            }
            _ => String::new(),
        },
    });
    let below = format!(
        "{lead}{}",
        match branch {
            "" => "",
            "└─ " => "   ",
            _ => "│  ",
        }
    );
    for (i, c) in n.children.iter().enumerate() {
        let last = i + 1 == n.children.len();
        collect(c, &below, if last { "└─ " } else { "├─ " }, rows);
    }
}

fn words(status: &str) -> String {
    status.replace('_', " ")
}

fn code(status: &str) -> &'static str {
    match status {
        "on_track" | "done" => "32",
        "at_risk" | "doing" => "33",
        "off_track" | "blocked" => "31",
        _ => "2",
    }
}
