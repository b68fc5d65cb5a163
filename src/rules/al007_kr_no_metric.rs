//! AL007 kr-no-metric: KRs carry a numeric measure.

use super::{LintContext, Rule, item_anchor};
use crate::config::Severity;
use crate::model::Kind;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL007",
    name: "kr-no-metric",
    default: Severity::Warning,
    summary: "a KR has no numeric `metric` with `start` and `target` (it will be task-driven)",
    explain: "What it checks: every KR has `metric: {start, target}` with numbers.

Why it matters: a key result is a measure. Without one, align falls back to counting the KR's finished tasks, which shows activity, not outcome: a KR can be 100% \"done\" while the number it was about never moved.

Example:
    kind: kr
    title: Improve webinar attendance     # no metric

How to fix: add `metric: {start: 120, target: 200, unit: attendees}` and record progress with `align checkin KR-… VALUE`. If the KR really is a set of deliverables, turn the rule off for it with `rules: { kr-no-metric: off }` or a path override.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        // A metric that is present but invalid is AL008's finding.
        if item.kind == Kind::Kr && item.metric.is_none() && item.key_span("metric").is_none() {
            out.push(RULE.on_item(
                g,
                ix,
                item_anchor(g, ix),
                format!(
                    "KR `{}` has no metric; its progress will be counted from tasks",
                    item.id
                ),
                "add `metric: {start: N, target: M}` and record progress with `align checkin`",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_without_metric() {
        assert_eq!(
            codes_with(&[(
                "KR-2.md",
                "---\nkind: kr\ntitle: k\nowner: a\nobjective: O-1\n---\n"
            )]),
            ["AL007"]
        );
    }
}
