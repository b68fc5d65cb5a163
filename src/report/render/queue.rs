//! The human view of `align next`: a numbered queue, each task with its
//! score, owner and the reason on the line below (wrapped to the
//! terminal), and with `--explain` the terms its score is made of.

use super::audit::fit;
use crate::next::{Queue, Ranked};
use crate::output::paint;
use crate::text::escape;

/// What the queue was asked for, so an empty queue can say why.
pub struct Asked<'a> {
    /// Open tasks before `--owner` and `--limit`.
    pub open: usize,
    /// Open tasks of the owner, before `--limit`.
    pub matched: usize,
    pub owner: Option<&'a str>,
    pub limit: usize,
    pub explain: bool,
    pub width: Option<usize>,
}

/// Renders the queue.
pub fn human(q: &Queue, asked: &Asked, color: bool) -> String {
    if q.tasks.is_empty() {
        return empty(asked);
    }
    let id_width = q
        .tasks
        .iter()
        .map(|t| escape(&t.id).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (i, t) in q.tasks.iter().enumerate() {
        // File text enters here, escaped before widths are measured.
        let (tid, reason) = (escape(&t.id), escape(&t.reason));
        let owner = t
            .owner
            .as_deref()
            .map(|o| format!("  @{}", escape(o)))
            .unwrap_or_default();
        let lead = format!(
            "{:>2}. {:<id_width$}  {:<7}  {:>6.2}  ",
            i + 1,
            tid,
            t.status.as_str(),
            t.score,
        );
        let used = lead.chars().count() + owner.chars().count();
        let title = fit(&escape(&t.title), asked.width, used);
        let id = paint(color, "1", &format!("{:<id_width$}", tid));
        let lead = lead.replacen(&format!("{:<id_width$}", tid), &id, 1);
        out.push_str(&format!("{lead}{title}{owner}\n"));
        let reason = crate::text::wrap(&reason, asked.width, 4, "    ");
        out.push_str(&format!("    {}\n", paint(color, "2", &reason)));
        if asked.explain {
            out.push_str(&explain(t, asked.width));
        }
    }
    if asked.matched > q.tasks.len() {
        out.push_str(&format!(
            "\n{} of {} open tasks shown; pass --limit to see more\n",
            q.tasks.len(),
            asked.matched
        ));
    }
    out
}

/// Why nothing is listed: no open task at all, none of the owner's, or
/// `--limit 0`.
fn empty(asked: &Asked) -> String {
    if asked.open == 0 {
        return "No open tasks.\n".to_string();
    }
    let tasks = |n: usize| format!("{n} open {}", if n == 1 { "task" } else { "tasks" });
    match asked.owner {
        Some(owner) if asked.matched == 0 => format!(
            "No open task is owned by `{}` ({} in all); check the spelling, or drop --owner.\n",
            escape(owner),
            tasks(asked.open)
        ),
        _ => format!(
            "Nothing shown: --limit {} of {}; pass a larger --limit.\n",
            asked.limit,
            tasks(asked.matched)
        ),
    }
}

/// The terms of the score, one line per KR, then the halving.
fn explain(t: &Ranked, width: Option<usize>) -> String {
    let mut out = String::new();
    if t.score_parts.is_empty() {
        out.push_str("    score 0: it traces to no live KR\n");
    }
    for p in &t.score_parts {
        let line = format!(
            "{}: 100 × (gap {:.2} + 0.1 × remaining {:.2}) ÷ {} open {} × (1 + 1 ÷ {:.1} weeks) = {:.2}",
            escape(&p.kr),
            p.gap,
            p.remaining,
            p.share,
            if p.share == 1 { "task" } else { "tasks" },
            p.weeks,
            p.value
        );
        out.push_str(&format!(
            "    {}\n",
            crate::text::wrap(&line, width, 4, "      ")
        ));
    }
    if t.held {
        out.push_str(&format!(
            "    sum {:.2} ÷ 2 (held up) = {:.2}\n",
            t.score * 2.0,
            t.score
        ));
    } else if t.score_parts.len() > 1 {
        out.push_str(&format!("    sum = {:.2}\n", t.score));
    }
    out
}
