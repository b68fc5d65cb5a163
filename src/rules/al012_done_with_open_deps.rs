//! AL012 done-with-open-deps: finished work waited for its dependencies.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::{Kind, LinkField, Status};
use crate::report::{Diagnostic, Label};

pub const RULE: Rule = Rule {
    code: "AL012",
    name: "done-with-open-deps",
    default: Severity::Warning,
    summary: "a done task depends on a task that is not done",
    explain: "What it checks: a task marked done does not depend (`depends_on`) on a task that is still open (todo, doing or blocked). A cancelled dependency no longer blocks anything and is accepted.

Why it matters: either the task is not really done, or the dependency was not really one. Either way the plan on file no longer describes the work, and the blocked-work signals built on it are wrong.

Example:
    T-2  status: done   depends_on: [T-1]
    T-1  status: doing

How to fix: reopen the task, finish or cancel the dependency (`align done T-1`), or remove the stale `depends_on` entry.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        if item.kind != Kind::Task || item.status != Status::Done {
            continue;
        }
        for edge in g.out[ix].iter().filter(|e| e.field == LinkField::DependsOn) {
            let Some(dep) = edge.target else { continue };
            let d_item = &g.items[dep];
            if d_item.kind != Kind::Task || !d_item.is_open() {
                continue;
            }
            let mut d = RULE.on_item(
                g,
                ix,
                item.links[edge.link].span,
                format!(
                    "task `{}` is done but depends on `{}`, which is {}",
                    item.id, d_item.id, d_item.status
                ),
                format!(
                    "finish or cancel `{}`, or remove it from `depends_on`",
                    d_item.id
                ),
            );
            d.related.push(Label {
                file: d_item.origin.file,
                span: d_item.status_span.unwrap_or(d_item.id_span),
                message: format!("`{}` is still {}", d_item.id, d_item.status),
            });
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_open_dependencies() {
        let open = ("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n");
        let done = (
            "T-2.md",
            "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: done\ndone: 2026-10-09\ndepends_on: [T-1]\n---\n",
        );
        assert_eq!(codes_with(&[open, done]), ["AL012"]);
        let fin = (
            "T-1.md",
            "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: cancelled\n---\n",
        );
        assert!(codes_with(&[fin, done]).is_empty());
    }
}
