//! AL013 raci: a RACI names exactly one accountable person.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL013",
    name: "raci",
    default: Severity::Error,
    summary: "`raci` is present and has not exactly one `accountable`",
    explain: "What it checks: where an initiative or task has `raci`, its `accountable` names exactly one person.

Why it matters: RACI exists to make one person answerable. Two accountable people is the same as none; a RACI without an accountable is a list of helpers.

Example:
    raci: {responsible: [sam, lee], accountable: [dana, priya]}

How to fix: keep one `accountable`; move the others to `responsible` or `consulted`.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        let Some(raci) = &item.raci else { continue };
        let n = raci.accountable.len();
        if n != 1 {
            let what = if n == 0 {
                "no one".to_string()
            } else {
                format!("{n} people")
            };
            out.push(RULE.on_item(
                g,
                ix,
                raci.span,
                format!(
                    "`raci` of `{}` names {what} as accountable; it needs exactly one",
                    item.id
                ),
                "set `accountable` to one person; others can be `responsible` or `consulted`",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn exactly_one_accountable() {
        let t = |raci: &str| format!("---\nkind: task\ntitle: t\nkr: KR-1\nraci: {raci}\n---\n");
        assert_eq!(
            codes_with(&[("T-1.md", &t("{responsible: sam}"))]),
            ["AL013"]
        );
        assert_eq!(
            codes_with(&[("T-1.md", &t("{accountable: [a, b]}"))]),
            ["AL013"]
        );
        assert!(codes_with(&[("T-1.md", &t("{accountable: dana, informed: [a, b]}"))]).is_empty());
    }
}
