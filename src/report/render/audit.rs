//! The human view of `align audit`: headline numbers and gate verdicts
//! first, then a KR table (comfy-table) with progress bars, expected
//! progress, status and open-task counts, then the signals as sentences.

use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table, TableComponent, presets};

use super::{bar, pct, status_color};
use crate::audit::{Audit, Gate, KrStatus};
use crate::model::days_between;
use crate::output::paint;

/// Renders the audit for a terminal; colours only when `color`.
pub fn human(a: &Audit, color: bool) -> String {
    let mut out = String::new();
    let total = days_between(a.window.start, a.window.end).max(1);
    let elapsed = days_between(a.window.start, a.as_of).clamp(0, total);
    out.push_str(&format!(
        "{} {} ({} to {}), as of {}: {}% of the window elapsed\n\n",
        paint(color, "1", "Audit of"),
        a.window.label,
        a.window.start,
        a.window.end,
        a.as_of,
        (100 * elapsed + total / 2) / total,
    ));
    let u = &a.untraced;
    out.push_str(&format!(
        "  Untraced work   {:.1}% of {} finished tasks ({} untraced), {:.1}% by estimate\n",
        u.percent, u.finished, u.untraced, u.weighted_percent
    ));
    let l = &a.lagging_share;
    out.push_str(&format!(
        "  Lagging share   {:.1}% of {} open tasks ({}) trace to a lagging KR\n",
        l.percent, l.open, l.on_lagging
    ));
    for g in &a.gates {
        out.push_str(&format!("  Gate            {}\n", gate_line(g, color)));
    }
    if a.gates.is_empty() {
        out.push_str("  Gate            none set (add `audit.max_untraced_percent` to align.yaml or pass --max-untraced)\n");
    }
    out.push('\n');
    if a.krs.is_empty() {
        out.push_str("No KR is active in this window.\n");
    } else {
        for line in kr_table(a, color).to_string().lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    if !a.objectives.is_empty() {
        out.push_str("\nObjectives\n");
        for o in &a.objectives {
            let (progress, status) = match (o.progress, o.status) {
                (Some(p), Some(s)) => (
                    format!("{} {:>4}", bar(p, 10), pct(p)),
                    paint(color, status_color(s), &format!("{:<9}", s.words())),
                ),
                _ => (format!("{:<15}", "no active KR"), format!("{:<9}", "-")),
            };
            out.push_str(&format!(
                "  {:<6} {}  expected {:>4}  {}  {}\n",
                o.id,
                progress,
                pct(o.expected),
                status,
                o.title
            ));
        }
    }
    out.push_str("\nSignals\n");
    if a.signals.is_empty() {
        out.push_str("  none: every lagging KR has work aimed at it\n");
    }
    for s in &a.signals {
        let kind = paint(color, "33", &format!("{:<14}", s.kind.as_str()));
        out.push_str(&format!("  {kind} {}\n", s.message));
    }
    if !a.history.inferred_done.is_empty() {
        out.push_str(&format!(
            "\nnote: the done dates of {} were inferred from git history (no `done:` field)\n",
            a.history.inferred_done.join(", ")
        ));
    }
    if a.history.cut {
        out.push_str("\nnote: this is a shallow clone; changes before its cut are unknown, so stalled KRs may be missed\n");
    }
    let verdict = if a.pass {
        paint(color, "32", "every gate passes")
    } else {
        paint(color, "31", "a gate is breached")
    };
    out.push_str(&format!("\n{verdict}\n"));
    out
}

/// `max_untraced_percent: 30.0 ≤ 30, pass`.
pub fn gate_line(g: &Gate, color: bool) -> String {
    let (op, verdict) = if g.pass {
        ("≤", paint(color, "32", "pass"))
    } else {
        (">", paint(color, "31", "FAIL"))
    };
    format!("{}: {:.1} {op} {}, {verdict}", g.name, g.value, g.limit)
}

fn kr_table(a: &Audit, color: bool) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_style(TableComponent::HeaderLines, '─')
        .set_style(TableComponent::MiddleHeaderIntersections, '─')
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header([
            "KR",
            "Objective",
            "Progress",
            "Expected",
            "Status",
            "Open",
            "Done",
            "Owner",
            "Title",
        ]);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    for k in &a.krs {
        let mut status = k.status.words().to_string();
        for (flag, word) in [(k.starved, "starved"), (k.stalled, "stalled")] {
            if flag {
                status.push_str(", ");
                status.push_str(word);
            }
        }
        let status = Cell::new(status).fg(match k.status {
            KrStatus::OnTrack | KrStatus::Done => Color::Green,
            KrStatus::AtRisk => Color::Yellow,
            KrStatus::OffTrack => Color::Red,
            KrStatus::NotStarted => Color::Grey,
        });
        let open = if k.blocked_tasks > 0 {
            format!("{} ({} blocked)", k.open_tasks, k.blocked_tasks)
        } else {
            k.open_tasks.to_string()
        };
        t.add_row(vec![
            Cell::new(&k.id),
            Cell::new(k.objective.as_deref().unwrap_or("-")),
            Cell::new(format!("{} {:>4}", bar(k.progress, 12), pct(k.progress))),
            Cell::new(pct(k.expected)).set_alignment(CellAlignment::Right),
            status,
            Cell::new(open).set_alignment(CellAlignment::Right),
            Cell::new(k.done_tasks).set_alignment(CellAlignment::Right),
            Cell::new(k.owner.as_deref().unwrap_or("-")),
            Cell::new(truncate(&k.title, 48)),
        ]);
    }
    t
}

pub use crate::text::truncate;
