//! The Markdown of `align report planning` (Monday) and `align report
//! blockers` (Wednesday), SPEC §14: one section per list, each saying
//! "None." rather than disappearing when it is empty. The terminal views
//! are the same text through [`super::weekly::fit`] and
//! [`super::weekly::plain`].

use super::pct;
use super::weekly::{none_if, owner};
use crate::blockers::Blockers;
use crate::planning::Planning;

/// The planning report as GitHub-flavoured Markdown.
pub fn planning(p: &Planning) -> String {
    let mut out = format!(
        "## Planning: week of {} to {}\n\n### Lagging and starved KRs\n\n",
        p.week.start, p.week.end
    );
    none_if(p.krs.is_empty(), &mut out);
    if !p.krs.is_empty() {
        out.push_str(&format!(
            "{} {} that the open work should be aimed at, worst first.\n",
            p.krs.len(),
            if p.krs.len() == 1 { "KR" } else { "KRs" }
        ));
    }
    out.push('\n');
    for k in &p.krs {
        out.push_str(&format!("### {} {}{}\n\n", k.id, k.title, owner(&k.owner)));
        let mut marks = vec![k.status.words().to_string()];
        if k.starved {
            marks.push("starved".into());
        }
        if k.stalled {
            marks.push("stalled".into());
        }
        out.push_str(&format!(
            "**{}** — {} vs {} expected, {} {} remaining.",
            marks.join(", "),
            pct(k.progress),
            pct(k.expected),
            k.weeks_remaining,
            if k.weeks_remaining == 1 {
                "week"
            } else {
                "weeks"
            }
        ));
        if !k.late.is_empty() {
            out.push_str(&format!(" Held back by late {}.", k.late.join(", ")));
        }
        out.push_str("\n\n");
        if k.work.is_empty() {
            out.push_str("No open work traces to it: plan some (`align new task TITLE --kr ");
            out.push_str(&k.id);
            out.push_str("`).\n\n");
            continue;
        }
        for (i, t) in k.work.iter().enumerate() {
            let due = t.due.map(|d| format!(", due {d}")).unwrap_or_default();
            out.push_str(&format!(
                "{}. {} {}{} — {}{due}\n",
                i + 1,
                t.id,
                t.title,
                owner(&t.owner),
                t.status.as_str()
            ));
        }
        out.push('\n');
    }
    out.push_str("### Intake this week that traces to no KR\n\n");
    none_if(p.intake.is_empty(), &mut out);
    for t in &p.intake {
        let why = match (&t.unplanned, &t.reason) {
            (true, Some(r)) => format!("unplanned — {r}"),
            (true, None) => "unplanned, no reason given".to_string(),
            (false, _) => "links to no live KR".to_string(),
        };
        let by = t
            .requested_by
            .as_deref()
            .map(|r| format!(", requested by {r}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "- {} {}{} — {}, created {}; {why}{by}\n",
            t.id,
            t.title,
            owner(&t.owner),
            t.status.as_str(),
            t.created
        ));
    }
    escaped(&out)
}

/// The blocker check as GitHub-flavoured Markdown.
pub fn blockers(b: &Blockers) -> String {
    let mut out = format!(
        "## Blockers as of {}\n\n### Blocked (limit {} days)\n\n",
        b.as_of, b.block_sla_days
    );
    none_if(b.blocked.is_empty(), &mut out);
    for x in &b.blocked {
        let days = match (x.days, x.since) {
            (Some(n), Some(d)) => format!(", blocked {n} {} (since {d})", days_word(n)),
            _ => ", blocked since an unknown day".to_string(),
        };
        let past = if x.past_sla { ", past the limit" } else { "" };
        let blocker = match &x.blocker {
            None => "; no blocker named".to_string(),
            Some(bl) => {
                let reason = bl.reason.as_deref().unwrap_or("no reason given");
                let who = bl.owner.as_deref().unwrap_or("no owner");
                let due = bl
                    .due
                    .map_or_else(|| "no due date".to_string(), |d| format!("due {d}"));
                format!("; blocker: {reason} — {who}, {due}")
            }
        };
        out.push_str(&format!(
            "- {} {}{}{days}{past}{blocker}{}\n",
            x.id,
            x.title,
            owner(&x.owner),
            holds(&x.krs)
        ));
    }
    out.push_str(&format!(
        "\n### Late (more than {} days past due)\n\n",
        b.late_days
    ));
    none_if(b.late.is_empty(), &mut out);
    for x in &b.late {
        out.push_str(&format!(
            "- {} {} {}{} — {}, due {}, {} {} late{}\n",
            x.kind,
            x.id,
            x.title,
            owner(&x.owner),
            x.status.as_str(),
            x.due,
            x.days_late,
            days_word(x.days_late),
            holds(&x.krs)
        ));
    }
    out.push_str(&format!(
        "\n### In review (limit {} hours)\n\n",
        b.review_sla_hours
    ));
    none_if(b.review.is_empty(), &mut out);
    for x in &b.review {
        let since = match x.since {
            Some(d) => format!(
                "in review {} {} ({} hours, since {d})",
                x.days,
                days_word(x.days),
                x.hours
            ),
            None => "in review since an unknown day".to_string(),
        };
        let over = if x.over_sla { ", over the limit" } else { "" };
        let due = x.due.map(|d| format!(", due {d}")).unwrap_or_default();
        out.push_str(&format!(
            "- {} {}{} — {since}{over}{due}{}\n",
            x.id,
            x.title,
            owner(&x.owner),
            holds(&x.krs)
        ));
    }
    escaped(&out)
}

/// Each line escaped as a whole (`text::escape`): ids, titles, owners and
/// reasons come from files, and a control character in one must neither
/// break the line nor drive the terminal.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for l in text.lines() {
        out.push_str(&crate::text::escape(l));
        out.push('\n');
    }
    out
}

fn days_word(n: i64) -> &'static str {
    if n == 1 { "day" } else { "days" }
}

fn holds(krs: &[String]) -> String {
    if krs.is_empty() {
        String::new()
    } else {
        format!(" → {}", krs.join(", "))
    }
}
