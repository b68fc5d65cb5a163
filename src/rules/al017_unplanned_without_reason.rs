//! AL017 unplanned-without-reason: reactive work says why it was taken on.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::Kind;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL017",
    name: "unplanned-without-reason",
    default: Severity::Warning,
    summary: "`unplanned: true` without `reason`",
    explain: "What it checks: a task marked `unplanned: true` has a `reason:` (and ideally `requested_by:`).

Why it matters: unplanned work is allowed, but it is the reactive work the untraced percentage exists to show. The reason is what lets a team see, at the review, whether the interruptions were worth it.

Example:
    unplanned: true         # why?

How to fix: add `reason: \"Customer escalation from ACME\"` and `requested_by: NAME`. `align new task --unplanned --reason R` writes both.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        if item.kind == Kind::Task && item.unplanned && item.reason.is_none() {
            let span = item.unplanned_span.unwrap_or(item.id_span);
            out.push(RULE.on_item(
                g,
                ix,
                span,
                format!("task `{}` is unplanned but gives no reason", item.id),
                "add `reason: …` saying why the work was taken on",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_without_reason() {
        assert_eq!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nunplanned: true\n---\n"
            )]),
            ["AL017"]
        );
    }
}
