//! AL010 inactive-link: open work aims at goals that are still in play.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::{Kind, Status};
use crate::periods::kr_active_in;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL010",
    name: "inactive-link",
    default: Severity::Warning,
    summary: "an open task or initiative traces only to KRs that are done, cancelled or outside the current window",
    explain: "What it checks: every open task or initiative that traces to KRs traces to at least one that is still active: not done, not cancelled (nor its objective), and with a period that overlaps the current window (the period containing `--as-of`).

Why it matters: work aimed at a finished or abandoned goal is untraced work in disguise. It looks linked, but moves nothing that anyone is measuring this quarter.

Example:
    kr: KR-9       # KR-9 belongs to last quarter's objective

How to fix: relink the work to a live KR, or cancel it if the goal is gone.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        if !matches!(item.kind, Kind::Task | Kind::Initiative) || !item.is_open() {
            continue;
        }
        let krs = g.trace(ix);
        let active =
            |&&kr: &&usize| g.items[kr].status != Status::Done && kr_active_in(g, kr, &cx.window);
        if krs.is_empty() || krs.iter().any(|kr| active(&kr)) {
            continue;
        }
        let ids: Vec<String> = krs
            .iter()
            .map(|&k| format!("`{}`", g.items[k].id))
            .collect();
        let span = item.links.first().map_or(item.id_span, |l| l.span);
        out.push(RULE.on_item(
            g,
            ix,
            span,
            format!(
                "open {} `{}` traces only to KRs that are done, cancelled or outside {}: {}",
                item.kind.noun(),
                item.id,
                cx.window,
                ids.join(", ")
            ),
            "link it to a KR that is live this period, or cancel it",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_open_work_for_finished_goals() {
        let done_kr = (
            "KR-2.md",
            "---\nkind: kr\ntitle: k\nowner: a\nobjective: O-1\nstatus: done\nmetric: {start: 0, target: 1}\n---\n",
        );
        assert_eq!(
            codes_with(&[
                done_kr,
                ("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-2\n---\n")
            ]),
            ["AL010"]
        );
        assert!(
            codes_with(&[
                done_kr,
                (
                    "T-1.md",
                    "---\nkind: task\ntitle: t\nkr: [KR-2, KR-1]\n---\n"
                )
            ])
            .is_empty()
        );
        assert!(
            codes_with(&[
                done_kr,
                (
                    "T-1.md",
                    "---\nkind: task\ntitle: t\nkr: KR-2\nstatus: done\ndone: 2026-10-02\n---\n"
                )
            ])
            .is_empty()
        );
    }
}
