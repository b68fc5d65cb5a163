//! AL016 done-without-date: finished tasks say when they were finished.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::{Kind, Status};
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL016",
    name: "done-without-date",
    default: Severity::Warning,
    summary: "a done task has no `done` date",
    explain: "What it checks: every task with `status: done` has a `done:` date.

Why it matters: untraced work is judged by the KRs live on the day a task was finished, and the audit window counts tasks by that day. Without it the task falls out of the numbers (or, in a git repository, align has to infer the day from history).

Example:
    status: done            # when?

How to fix: add `done: YYYY-MM-DD`. `align done T-…` sets both the status and the date.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        if item.kind == Kind::Task
            && item.status == Status::Done
            && item.done.is_none()
            && item.key_span("done").is_none()
        {
            let span = item.status_span.unwrap_or(item.id_span);
            out.push(RULE.on_item(
                g,
                ix,
                span,
                format!("task `{}` is done but has no `done` date", item.id),
                format!("add `done: YYYY-MM-DD`, or run `align done {}`", item.id),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_without_date() {
        assert_eq!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: done\n---\n"
            )]),
            ["AL016"]
        );
        assert!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: done\ndone: 2026-11-01\n---\n"
            )])
            .is_empty()
        );
    }
}
