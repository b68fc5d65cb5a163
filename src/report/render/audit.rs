//! The human view of `align audit`: headline numbers and gate verdicts
//! first, then a KR table (comfy-table) with progress bars, expected
//! progress, status and open-task counts, then the signals as sentences.

use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table, TableComponent, presets};

use super::{bar, pct, status_color};
use crate::audit::{Audit, Gate, KrStatus};
use crate::model::days_between;
use crate::output::paint;
use crate::text::escape;

/// Renders the audit for a terminal; colours only when `color`.
/// `width` is what the output must fit (`None` when piped: nothing is
/// cut); titles are truncated with "…", never ids or numbers.
pub fn human(a: &Audit, color: bool, width: Option<usize>) -> String {
    let mut out = String::new();
    let total = days_between(a.window.start, a.window.end).max(1);
    let elapsed = days_between(a.window.start, a.as_of).clamp(0, total);
    let title = format!(
        "{} ({} to {}), as of {}: {}% of the window elapsed",
        a.window.label,
        a.window.start,
        a.window.end,
        a.as_of,
        (100 * elapsed + total / 2) / total,
    );
    out.push_str(&format!(
        "{} {}\n\n",
        paint(color, "1", "Audit of"),
        crate::text::wrap(&title, width, 9, "  ")
    ));
    let u = &a.untraced;
    let untraced = if u.finished == 0 {
        "no task finished in the window yet".to_string()
    } else {
        format!(
            "{} of {} ({} untraced), {} by estimate",
            super::pct1(u.percent),
            count(u.finished, "finished task", "finished tasks"),
            u.untraced,
            super::pct1(u.weighted_percent)
        )
    };
    headline(&mut out, "Untraced work", &untraced, width);
    let l = &a.lagging_share;
    let lagging = if l.open == 0 {
        "no open task".to_string()
    } else {
        format!(
            "{} of {} ({}) {} to a lagging KR",
            super::pct1(l.percent),
            count(l.open, "open task", "open tasks"),
            l.on_lagging,
            if l.on_lagging == 1 { "traces" } else { "trace" }
        )
    };
    headline(&mut out, "Lagging share", &lagging, width);
    for g in &a.gates {
        headline(&mut out, "Gate", &gate_line(g, color), width);
    }
    if !a.gates.iter().any(|g| g.name == "max_untraced_percent") {
        headline(
            &mut out,
            "Gates",
            "none set (add `audit.max_untraced_percent` to align.yaml or pass --max-untraced)",
            width,
        );
    }
    out.push('\n');
    if let Some(e) = &a.empty_window {
        out.push_str(&crate::text::wrap(&e.message, width, 0, ""));
        out.push('\n');
    } else if a.krs.is_empty() {
        out.push_str("No KR is active in this window.\n");
    } else {
        for line in kr_table(a, color, width).lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    if !a.objectives.is_empty() {
        out.push_str("\nObjectives\n");
        let id_width = a
            .objectives
            .iter()
            .map(|o| escape(&o.id).chars().count())
            .max()
            .unwrap_or(0);
        let status_width = a
            .objectives
            .iter()
            .map(|o| objective_status(o).chars().count())
            .max()
            .unwrap_or(0);
        for o in &a.objectives {
            let progress = match o.progress {
                Some(p) => format!("{} {:>4}", bar(p, 10), pct(p)),
                None => "no active KR".to_string(),
            };
            let words = objective_status(o);
            let status = paint(
                color,
                o.status.map_or("2", status_color),
                &format!("{words:<status_width$}"),
            );
            let lead = format!(
                "  {:<id_width$} {progress:<15}  expected {:>4}  ",
                escape(&o.id),
                pct(o.expected),
            );
            let used = lead.chars().count() + status_width + 2;
            let title = fit(&escape(&o.title), width, used);
            out.push_str(format!("{lead}{status}  {title}").trim_end());
            out.push('\n');
        }
    }
    out.push_str("\nSignals\n");
    if a.signals.is_empty() {
        out.push_str("  none: every lagging KR has work aimed at it\n");
    }
    for s in &a.signals {
        let kind = paint(
            color,
            signal_color(s.kind),
            &format!("{:<14}", s.kind.as_str()),
        );
        let message = crate::text::wrap(&escape(&s.message), width, 17, &" ".repeat(17));
        out.push_str(&format!("  {kind} {message}\n"));
    }
    if !a.history.inferred_done.is_empty() {
        out.push_str(&format!(
            "\nnote: the done dates of {} were inferred from git history (no `done:` field)\n",
            escape(&a.history.inferred_done.join(", "))
        ));
    }
    if a.history.cut {
        out.push_str("\nnote: this is a shallow clone; changes before its cut are unknown, so stalled KRs may be missed\n");
    }
    // `readable_input` is always there; alone and passing it is no gate
    // the team set.
    let set = a
        .gates
        .iter()
        .any(|g| g.name != crate::audit::READABLE_INPUT);
    let verdict = if a.pass && !set {
        paint(color, "2", "no gate to pass")
    } else if a.pass {
        paint(color, "32", "every gate passes")
    } else {
        paint(color, "31", "a gate is breached")
    };
    out.push_str(&format!("\n{verdict}\n"));
    out
}

/// `max_untraced_percent: 30.0 ≤ 30, pass`.
pub fn gate_line(g: &Gate, color: bool) -> String {
    let verdict = if g.pass {
        paint(color, "32", "pass")
    } else {
        paint(color, "31", "FAIL")
    };
    // The comparison the value makes, which a waived gate does not change.
    let op = match g.value {
        Some(v) if crate::audit::round_to(v, 1) > g.limit => ">",
        _ => "≤",
    };
    let verdict = if g.waived {
        format!("{verdict} (waived by --allow-unreadable)")
    } else {
        verdict
    };
    let value = match g.value {
        Some(v) if g.name == crate::audit::READABLE_INPUT => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
        None => "—".to_string(),
    };
    format!("{}: {value} {op} {}, {verdict}", g.name, g.limit)
}

/// `1 open task`, `3 open tasks`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One headline row: a label column, then the sentence wrapped under it.
fn headline(out: &mut String, label: &str, text: &str, width: Option<usize>) {
    let text = crate::text::wrap(text, width, 18, &" ".repeat(18));
    out.push_str(&format!("  {label:<15} {text}\n"));
}

/// "off track (KR-3)": a lagging objective names the KR that sets it.
fn objective_status(o: &crate::audit::ObjectiveReport) -> String {
    match (o.status, &o.set_by) {
        (Some(s), Some(kr)) if s.is_lagging() => format!("{} ({})", s.words(), escape(kr)),
        (Some(s), _) => s.words().to_string(),
        (None, _) => "-".to_string(),
    }
}

/// A title cut to what is left of `width` after `used` columns (at least
/// 12 characters, so a narrow terminal still shows something to read).
pub fn fit(title: &str, width: Option<usize>, used: usize) -> String {
    match width {
        None => title.to_string(),
        Some(w) => truncate(title, w.saturating_sub(used).max(12)),
    }
}

/// Signal labels coloured by weight: red for the ones that say a goal
/// will be missed (starved, blocked), amber for the ones that warn,
/// dim for coverage, which is bookkeeping.
pub fn signal_color(kind: crate::audit::SignalKind) -> &'static str {
    use crate::audit::SignalKind;
    match kind {
        SignalKind::Starved | SignalKind::Blocked => "31",
        SignalKind::Prioritization
        | SignalKind::Stalled
        | SignalKind::Allocation
        | SignalKind::Capacity => "33",
        SignalKind::Coverage => "2",
    }
}

/// The KR table, fitted to `width`: titles are cut first; when even a
/// 20-character title does not fit beside the numbers, each title moves
/// to a line of its own under its row (ids and numbers are never cut).
fn kr_table(a: &Audit, color: bool, width: Option<usize>) -> String {
    let full = kr_table_with(a, color, Titles::Column(None), 12).to_string();
    let Some(w) = width else {
        return full;
    };
    let widest = widest_line(&full);
    if widest <= w {
        return full;
    }
    let longest = a
        .krs
        .iter()
        .map(|k| escape(&k.title).chars().count())
        .max()
        .unwrap_or(0);
    let budget = longest.saturating_sub(widest - w);
    if budget >= 20 {
        return kr_table_with(a, color, Titles::Column(Some(budget)), 12).to_string();
    }
    let table = kr_table_with(a, color, Titles::Below, 8).to_string();
    let mut out = String::new();
    for (i, line) in table.lines().enumerate() {
        out.push_str(line.trim_end());
        out.push('\n');
        if let Some(k) = i.checked_sub(2).and_then(|r| a.krs.get(r)) {
            let marks: String = flags(k).iter().map(|f| format!("{f}, ")).collect();
            let marks = match marks.strip_suffix(", ") {
                Some(m) => format!("[{m}] "),
                None => String::new(),
            };
            let title = truncate(
                &escape(&k.title),
                w.saturating_sub(2 + marks.chars().count()),
            );
            out.push_str(&format!("  {marks}{title}\n"));
        }
    }
    out
}

/// The marks that go beside a KR's status.
fn flags(k: &crate::audit::KrReport) -> Vec<&'static str> {
    [(k.starved, "starved"), (k.stalled, "stalled")]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect()
}

/// Where the KR table puts titles.
#[derive(Clone, Copy)]
enum Titles {
    /// In the last column, cut to this many characters when `Some`.
    Column(Option<usize>),
    /// On a line of their own under each row (added by the caller).
    Below,
}

fn widest_line(s: &str) -> usize {
    s.lines()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0)
}

fn kr_table_with(a: &Audit, color: bool, titles: Titles, bar_width: usize) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_style(TableComponent::HeaderLines, '─')
        .set_style(TableComponent::MiddleHeaderIntersections, '─')
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(
            [
                "KR",
                "Objective",
                "Progress",
                "Expected",
                "Status",
                "Open",
                "Done",
                "Owner",
                "Title",
            ]
            .into_iter()
            .take(if matches!(titles, Titles::Below) {
                8
            } else {
                9
            }),
        );
    t.remove_style(TableComponent::VerticalLines);
    t.remove_style(TableComponent::LeftBorder);
    t.remove_style(TableComponent::RightBorder);
    t.remove_style(TableComponent::MiddleHeaderIntersections);
    t.remove_style(TableComponent::LeftHeaderIntersection);
    t.remove_style(TableComponent::RightHeaderIntersection);
    let last = if matches!(titles, Titles::Below) {
        7
    } else {
        8
    };
    for (i, c) in t.column_iter_mut().enumerate() {
        c.set_padding((0, if i == last { 0 } else { 2 }));
    }
    // Numbers right-aligned under right-aligned headers.
    for i in [3, 5, 6] {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    for k in &a.krs {
        let mut status = k.status.words().to_string();
        if matches!(titles, Titles::Column(_)) {
            for flag in flags(k) {
                status.push_str(", ");
                status.push_str(flag);
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
        let mut row = vec![
            // Ids, owners and titles from files enter the table here.
            Cell::new(escape(&k.id)),
            Cell::new(escape(k.objective.as_deref().unwrap_or("-"))),
            Cell::new(format!(
                "{} {:>4}",
                bar(k.progress, bar_width),
                pct(k.progress)
            )),
            Cell::new(pct(k.expected)).set_alignment(CellAlignment::Right),
            status,
            Cell::new(open).set_alignment(CellAlignment::Right),
            Cell::new(k.done_tasks).set_alignment(CellAlignment::Right),
            Cell::new(escape(k.owner.as_deref().unwrap_or("-"))),
        ];
        if let Titles::Column(cut) = titles {
            row.push(Cell::new(match cut {
                Some(w) => truncate(&escape(&k.title), w),
                None => escape(&k.title).into_owned(),
            }));
        }
        t.add_row(row);
    }
    t
}

pub use crate::text::truncate;
