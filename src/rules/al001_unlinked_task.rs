//! AL001 unlinked-task: every task traces to a goal, or says why not.

use super::{LintContext, Rule, item_anchor};
use crate::config::{Severity, Unplanned};
use crate::model::{Kind, LinkField};
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL001",
    name: "unlinked-task",
    default: Severity::Error,
    summary: "a task links to no KR and no initiative and is not `unplanned: true`",
    explain: "What it checks: every task links to a KR (`kr:`) or an initiative (`initiative:`), or is marked `unplanned: true`. With `unplanned: deny` in align.yaml, unplanned tasks are refused too.

Why it matters: work that traces to no goal is invisible to the goals it should move. Untraced work is the gap align exists to close; catching it when the task is written (in the pre-commit hook) is far cheaper than explaining it at the quarterly review.

Example:
    ---
    kind: task
    title: Refresh the webinar landing page
    owner: sam
    ---

How to fix: add `kr: KR-3` (or `initiative: I-2`) to the front-matter. If the work is genuinely reactive, mark it `unplanned: true` with a `reason:` so it is counted as untraced work on purpose. `align new task --kr KR-3` creates tasks that are linked from the start.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        if item.kind != Kind::Task {
            continue;
        }
        let linked = item
            .links
            .iter()
            .any(|l| matches!(l.field, LinkField::Kr | LinkField::Initiative));
        if linked {
            continue;
        }
        if item.unplanned {
            if cx.config.unplanned == Unplanned::Deny {
                let span = item.unplanned_span.unwrap_or_else(|| item_anchor(g, ix));
                out.push(RULE.on_item(g, ix, span, format!("task `{}` is unplanned, but this workspace does not allow unplanned tasks", item.id), "link it with `kr: KR-…` or `initiative: I-…` (align.yaml sets `unplanned: deny`)"));
            }
            continue;
        }
        let mut d = RULE.on_item(
            g,
            ix,
            item_anchor(g, ix),
            format!("task `{}` links to no KR and no initiative", item.id),
            "add `kr: KR-…` or `initiative: I-…`, or mark it `unplanned: true` with a `reason`",
        );
        d.label = "this task traces to no goal".into();
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes_with, lint_files};

    #[test]
    fn fires_on_unlinked_tasks_only() {
        assert_eq!(
            codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\n---\n")]),
            ["AL001"]
        );
        assert!(codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n")]).is_empty());
        assert!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nunplanned: true\nreason: outage\n---\n"
            )])
            .is_empty()
        );
    }

    #[test]
    fn unplanned_deny_refuses_opt_outs() {
        let found = lint_files(
            "unplanned: deny",
            &[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nunplanned: true\nreason: x\n---\n",
            )],
        );
        assert_eq!(found[0].0, "AL001");
        assert_eq!(found[0].2, 4);
    }
}
