//! AL018 blocker-without-owner: a task blocked past the SLA names who
//! clears its blocker and by when (SPEC §14).

use super::{LintContext, Rule};
use crate::config::Severity;
use crate::model::{Kind, Status, days_between};
use crate::report::Diagnostic;

pub const RULE: Rule = Rule {
    code: "AL018",
    name: "blocker-without-owner",
    default: Severity::Warning,
    summary: "a task blocked past `block_sla_days` has no blocker owner or due date",
    explain: "What it checks: a task with `status: blocked` for longer than `audit.block_sla_days` (default 2) carries `blocker: {reason, owner, due}` with an owner and a due date. How long it has been blocked is judged by its `blocked_since` date, else its `updated` date, as of `--as-of` (lint reads no git history, so the pre-commit hook stays fast); a blocked task without a date is not judged.

Why it matters: every meeting should end with an owner and a due date for each blocker. A blocker nobody owns waits for the next standup to be noticed, while the KRs the task moves stall; `align report blockers` (the Wednesday check) lists each blocker with its owner and due date.

Example:
    status: blocked
    updated: 2026-11-02
    blocker: {reason: waiting on the legal review}     # who, and by when?

How to fix: name the person who clears it and the day: `blocker: {reason: waiting on the legal review, owner: dana, due: 2026-11-14}` (or `align set T-… blocker.owner=dana blocker.due=2026-11-14` where the blocker is a mapping already).",
    check,
};

fn check(cx: &LintContext, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    let sla = cx.config.audit.block_sla_days;
    for (ix, item) in cx.items() {
        if item.kind != Kind::Task || item.status != Status::Blocked {
            continue;
        }
        let Some(since) = item.blocked_since.or(item.updated) else {
            continue;
        };
        let days = days_between(since, cx.as_of);
        if days <= sla {
            continue;
        }
        let b = item.blocker.as_ref();
        let missing: Vec<&str> = [
            (b.is_none_or(|b| b.owner.is_none()), "owner"),
            (b.is_none_or(|b| b.due.is_none()), "due date"),
        ]
        .into_iter()
        .filter_map(|(gone, what)| gone.then_some(what))
        .collect();
        if missing.is_empty() {
            continue;
        }
        let blocked = format!(
            "task `{}` has been blocked for {days} days (over {sla})",
            item.id
        );
        let (span, message) = match b {
            Some(b) => (
                b.span,
                format!("{blocked} and its blocker has no {}", missing.join(" or ")),
            ),
            None => (
                item.status_span.unwrap_or(item.id_span),
                format!("{blocked} and names no blocker with an owner and a due date"),
            ),
        };
        out.push(RULE.on_item(
            g,
            ix,
            span,
            message,
            "add `blocker: {reason: …, owner: PERSON, due: YYYY-MM-DD}`: every blocker ends with an owner and a due date",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::codes_with;

    fn task(extra: &str) -> String {
        format!("---\nkind: task\ntitle: t\nkr: KR-1\nstatus: blocked\n{extra}---\n")
    }

    #[test]
    fn fires_past_the_sla_without_owner_or_due() {
        // The test context judges as of 2026-11-12; the SLA is 2 days.
        for extra in [
            "updated: 2026-11-05\n",
            "updated: 2026-11-05\nblocker: {reason: legal}\n",
            "updated: 2026-11-05\nblocker: {reason: legal, owner: dana}\n",
            "updated: 2026-11-05\nblocker: {reason: legal, due: 2026-11-14}\n",
            "updated: 2026-11-05\nblocker: waiting on legal\n",
        ] {
            assert_eq!(
                codes_with(&[("T-1.md", &task(extra))]),
                ["AL018"],
                "{extra}"
            );
        }
    }

    #[test]
    fn quiet_with_owner_and_due_within_the_sla_or_undated() {
        for extra in [
            "updated: 2026-11-05\nblocker: {reason: legal, owner: dana, due: 2026-11-14}\n",
            "updated: 2026-11-10\n",
            "",
        ] {
            assert!(
                codes_with(&[("T-1.md", &task(extra))]).is_empty(),
                "{extra}"
            );
        }
    }
}
