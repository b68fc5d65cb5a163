//! The human view of `align next`: a numbered queue, each task with its
//! score, owner and the reason on the line below.

use super::audit::truncate;
use crate::next::Queue;
use crate::output::paint;

/// Renders the queue; `total` is the length before `--limit`.
pub fn human(q: &Queue, total: usize, color: bool) -> String {
    if q.tasks.is_empty() {
        return "No open tasks.\n".to_string();
    }
    let width = q
        .tasks
        .iter()
        .map(|t| t.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (i, t) in q.tasks.iter().enumerate() {
        let owner = t
            .owner
            .as_deref()
            .map(|o| format!("  @{o}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{:>2}. {}  {}  {:>6.2}  {}{owner}\n",
            i + 1,
            paint(color, "1", &format!("{:<width$}", t.id)),
            format_args!("{:<7}", t.status.as_str()),
            t.score,
            truncate(&t.title, 60),
        ));
        out.push_str(&format!("    {}\n", paint(color, "2", &t.reason)));
    }
    if total > q.tasks.len() {
        out.push_str(&format!(
            "\n{} of {} open tasks shown; pass --limit to see more\n",
            q.tasks.len(),
            total
        ));
    }
    out
}
