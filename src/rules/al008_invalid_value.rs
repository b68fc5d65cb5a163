//! AL008 invalid-value: fields have the type and values the schema allows.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::FieldProblem;
use crate::parse::FileProblemKind;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL008",
    name: "invalid-value",
    default: Severity::Error,
    summary: "a field has the wrong type or a value not allowed (status, date, number, period, id)",
    explain: "What it checks: every field holds what its kind allows: statuses from the list (or `statuses:` in align.yaml), dates that exist written YYYY-MM-DD, numbers where numbers go, periods like `2026-Q4`, ids of letters, digits, `_`, `.` and `-`, a `kind` that is one of the four.

Why it matters: a value align cannot read is a value it must ignore. A `done: 2026-02-30` drops the task from untraced work; an `estimate: three` counts as 1; a status typo leaves finished work open forever.

Example:
    status: finished       # not a status
    due: 2026-02-30        # no such day

How to fix: use a value the finding lists. For team-specific status words, map them in align.yaml: `statuses: { done: [finished] }`.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        for p in &item.problems {
            if let FieldProblem::Invalid {
                message,
                help,
                span,
                ..
            } = p
            {
                out.push(RULE.on_item(g, ix, *span, message.clone(), help.clone()));
            }
        }
    }
    for (file, p) in cx.file_problems() {
        if p.kind == FileProblemKind::InvalidKind {
            out.push(RULE.in_file(*file, p.span, p.message.clone(), p.help.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_bad_values() {
        assert_eq!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: finished\n---\n"
            )]),
            ["AL008"]
        );
        assert_eq!(
            codes_with(&[("T-1.md", "---\nkind: tsk\ntitle: t\n---\n")]),
            ["AL008"]
        );
        assert!(
            codes_with(&[(
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\nstatus: doing\n---\n"
            )])
            .is_empty()
        );
    }
}
