//! AL015 missing-field: the fields every item of a kind needs.

use super::{LintContext, Rule, item_anchor};
use crate::config::Severity;
use crate::model::FieldProblem;
use crate::parse::FileProblemKind;
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL015",
    name: "missing-field",
    default: Severity::Error,
    summary: "a required field is missing (`title`; `objective` on a KR; `kr` on an initiative)",
    explain: "What it checks: every item has a `title`; every KR names its `objective`; every initiative names at least one `kr`; every item in a multi-item YAML file has an `id`.

Why it matters: these fields are what make an item part of the graph. A KR without an objective rolls up to nothing; an initiative without a KR carries its tasks nowhere.

Example:
    kind: kr
    title: Cut cost per lead to 140      # which objective?

How to fix: add the field the finding names, e.g. `objective: O-1`.",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for (ix, item) in cx.items() {
        for p in &item.problems {
            if let FieldProblem::Missing { field } = p {
                let example = match *field {
                    "objective" => "objective: O-1",
                    "kr" => "kr: KR-1",
                    _ => "title: What this is about",
                };
                out.push(RULE.on_item(
                    g,
                    ix,
                    item_anchor(g, ix),
                    format!("{} `{}` has no `{field}`", item.kind.noun(), item.id),
                    format!("add `{example}`"),
                ));
            }
        }
    }
    for (file, p) in cx.file_problems() {
        if p.kind == FileProblemKind::MissingId {
            out.push(RULE.in_file(*file, p.span, p.message.clone(), p.help.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    #[test]
    fn fires_on_missing_fields() {
        assert_eq!(
            codes_with(&[("T-1.md", "---\nkind: task\nkr: KR-1\n---\n")]),
            ["AL015"]
        );
        assert_eq!(
            codes_with(&[("I-1.md", "---\nkind: initiative\ntitle: i\n---\n")]),
            ["AL015"]
        );
    }
}
