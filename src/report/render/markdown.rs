//! `--format markdown` for `align audit`: a job summary for CI
//! (`>> $GITHUB_STEP_SUMMARY`) with the headline numbers and gates, the KR
//! table and the signals.

use super::pct;
use crate::audit::Audit;
use crate::text::escape;

/// Renders the audit as GitHub-flavoured Markdown.
pub fn audit(a: &Audit) -> String {
    let mut out = format!(
        "## align audit: {} ({} to {}), as of {}\n\n",
        a.window.label, a.window.start, a.window.end, a.as_of
    );
    let verdict = if a.pass {
        "✅ every gate passes"
    } else {
        "❌ a gate is breached"
    };
    out.push_str(&format!("**{verdict}**\n\n"));
    out.push_str("| Metric | Value | Gate |\n| --- | --- | --- |\n");
    let u = &a.untraced;
    let gate = a
        .gates
        .iter()
        .find(|g| g.name == "max_untraced_percent")
        .map(|g| format!("{} at most {}", if g.pass { "✅" } else { "❌" }, g.limit))
        .unwrap_or_else(|| "none set".into());
    out.push_str(&format!(
        "| Untraced work | {} ({} of {} finished tasks; {} by estimate) | {gate} |\n",
        super::pct1(u.percent),
        u.untraced,
        u.finished,
        super::pct1(u.weighted_percent)
    ));
    let l = &a.lagging_share;
    out.push_str(&format!(
        "| Lagging share | {} ({} of {} open tasks trace to a lagging KR) | |\n",
        super::pct1(l.percent),
        l.on_lagging,
        l.open
    ));
    // Only when something could not be read: a clean run keeps the table
    // as it was.
    if let Some(g) = a
        .gates
        .iter()
        .find(|g| g.name == crate::audit::READABLE_INPUT && !a.input.unreadable.is_empty())
    {
        let files: Vec<String> = a
            .input
            .unreadable
            .iter()
            .take(10)
            .map(|u| format!("`{}:{}`", crate::text::escape(&u.path), u.line))
            .collect();
        let more = a.input.unreadable.len().saturating_sub(10);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let gate = match (g.pass, g.waived) {
            (_, true) => "waived (`--allow-unreadable`)",
            (true, false) => "✅ at most 0",
            (false, false) => "❌ at most 0",
        };
        out.push_str(&format!(
            "| Unreadable files | {} ({}{more}) | {gate} |\n",
            a.input.unreadable.len(),
            files.join(", ")
        ));
    }
    out.push('\n');
    if let Some(e) = &a.empty_window {
        out.push_str(&format!("{}\n\n", e.message));
    }
    if !a.krs.is_empty() {
        out.push_str("### Key results\n\n| KR | Objective | Progress | Expected | Status | Open | Done | Title |\n");
        out.push_str("| --- | --- | ---: | ---: | --- | ---: | ---: | --- |\n");
        for k in &a.krs {
            let mut status = k.status.words().to_string();
            if k.starved {
                status.push_str(", **starved**");
            }
            if k.stalled {
                status.push_str(", **stalled**");
            }
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                cell(&k.id),
                cell(k.objective.as_deref().unwrap_or("-")),
                pct(k.progress),
                pct(k.expected),
                status,
                k.open_tasks,
                k.done_tasks,
                cell(&k.title)
            ));
        }
        out.push('\n');
    }
    if !a.objectives.is_empty() {
        out.push_str("### Objectives\n\n| Objective | Progress | Expected | Status | Title |\n| --- | ---: | ---: | --- | --- |\n");
        for o in &a.objectives {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                cell(&o.id),
                o.progress.map_or_else(|| "no active KR".into(), pct),
                pct(o.expected),
                o.status.map_or("-", |s| s.words()),
                cell(&o.title)
            ));
        }
        out.push('\n');
    }
    out.push_str("### Signals\n\n");
    if a.signals.is_empty() {
        out.push_str("None.\n");
    }
    for s in &a.signals {
        out.push_str(&format!(
            "- **{}**: {}\n",
            s.kind.as_str(),
            escape(&s.message)
        ));
    }
    out
}

/// Escapes a table cell: control characters from files (a newline would
/// end the row) as `text::escape` does, and the cell separator.
fn cell(s: &str) -> String {
    escape(s).replace('|', "\\|")
}
