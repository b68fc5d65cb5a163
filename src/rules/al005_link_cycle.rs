//! AL005 link-cycle: `parent` and `depends_on` links form no cycle.

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::LinkField;
use crate::report::{Diagnostic, Label};

pub const RULE: Rule = Rule {
    code: "AL005",
    name: "link-cycle",
    default: Severity::Error,
    summary: "`parent` or `depends_on` links form a cycle",
    explain: "What it checks: following `parent` links between objectives, or `depends_on` links between tasks, never comes back to where it started.

Why it matters: a cycle of dependencies can never be finished (each task waits for the next), and a cycle of parents has no top objective, so progress cannot roll up.

Example:
    T-1  depends_on: [T-2]
    T-2  depends_on: [T-1]

How to fix: remove the link that closes the loop; the finding shows the whole cycle.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for field in [LinkField::Parent, LinkField::DependsOn] {
        for cycle in g.cycles(field) {
            let ids: Vec<&str> = cycle.iter().map(|&i| g.items[i].id.as_str()).collect();
            let shown = format!("{} → {}", ids.join(" → "), ids[0]);
            let first = cycle[0];
            let next_id = ids.get(1).copied().unwrap_or(ids[0]);
            let span = g.items[first]
                .links_of(field)
                .find(|l| l.target == next_id)
                .map_or(g.items[first].id_span, |l| l.span);
            let mut d = RULE.on_item(
                g,
                first,
                span,
                format!("`{}` links form a cycle: {shown}", field.as_str()),
                "remove one link of the cycle",
            );
            d.label = "this link closes a cycle".into();
            for (pos, &ix) in cycle.iter().enumerate().skip(1) {
                let to = ids[(pos + 1) % ids.len()];
                if let Some(l) = g.items[ix].links_of(field).find(|l| l.target == to) {
                    d.related.push(Label {
                        file: g.items[ix].origin.file,
                        span: l.span,
                        message: format!("`{}` → `{to}`", g.items[ix].id),
                    });
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_once_per_cycle() {
        let found = codes_with(&[
            (
                "T-1.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\ndepends_on: [T-2]\n---\n",
            ),
            (
                "T-2.md",
                "---\nkind: task\ntitle: t\nkr: KR-1\ndepends_on: T-1\n---\n",
            ),
        ]);
        assert_eq!(found, ["AL005"]);
        assert!(codes_with(&[("T-1.md", "---\nkind: task\ntitle: t\nkr: KR-1\n---\n")]).is_empty());
    }
}
