//! The Markdown of `align report weekly`: a digest to paste into a chat or
//! a pull request, one section per part of [`Weekly`], each saying "None."
//! rather than disappearing when it is empty.

use super::pct;
use crate::weekly::{BlockedTask, KrLine, Weekly};

/// Renders the digest as GitHub-flavoured Markdown.
pub fn markdown(w: &Weekly) -> String {
    let mut text = format!("## Weekly report: {} to {}\n\n", w.week.start, w.week.end);
    let out = &mut text;
    finished(w, out);
    blocked(w, out);
    krs(w, out);

    out.push_str("### Signals\n\n");
    none_if(w.signals.is_empty(), out);
    for s in &w.signals {
        line(out, format!("- **{}**: {}", s.kind.as_str(), s.message));
    }
    out.push('\n');

    out.push_str("### Unplanned intake\n\n");
    none_if(w.unplanned.is_empty(), out);
    for u in &w.unplanned {
        let mut when = Vec::new();
        if let Some(d) = u.created {
            when.push(format!("created {d}"));
        }
        if let Some(d) = u.done {
            when.push(format!("finished {d}"));
        }
        let reason = u.reason.as_deref().unwrap_or("no reason given");
        let by = u
            .requested_by
            .as_deref()
            .map(|r| format!(", requested by {r}"))
            .unwrap_or_default();
        line(
            out,
            format!(
                "- {} {}{} — {reason}{by} ({}; {})",
                u.id,
                u.title,
                owner(&u.owner),
                u.status.as_str(),
                when.join(", ")
            ),
        );
    }
    out.push('\n');

    out.push_str("### Next up\n\n");
    none_if(w.next.is_empty(), out);
    for (i, t) in w.next.iter().enumerate() {
        line(
            out,
            format!(
                "{}. {} {}{} — {}",
                i + 1,
                t.id,
                t.title,
                owner(&t.owner),
                t.reason
            ),
        );
    }
    text
}

/// The digest fitted to a terminal of `width` columns: each paragraph and
/// list item wrapped at spaces, its later lines indented under its text.
/// Markdown reads an indented continuation as the same item, so what is
/// copied from the terminal still renders; piped output (`None`) is left
/// as it is.
pub fn fit(markdown: &str, width: Option<usize>) -> String {
    if width.is_none() {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 16);
    for line in markdown.lines() {
        if line.is_empty() || line.starts_with('#') {
            out.push_str(line);
        } else {
            let marker = list_marker(line);
            let indent = " ".repeat(marker.chars().count());
            out.push_str(marker);
            let rest = &line[marker.len()..];
            out.push_str(&crate::text::wrap(rest, width, marker.len(), &indent));
        }
        out.push('\n');
    }
    out
}

/// The digest for reading in a terminal: the same sections as the
/// Markdown, with underlined headings instead of `#` marks and no `**`,
/// fitted to `width`.
pub fn human(w: &Weekly, width: Option<usize>) -> String {
    let mut plain = String::new();
    for line in markdown(w).lines() {
        let heading = line
            .strip_prefix("## ")
            .map(|h| (h, '='))
            .or_else(|| line.strip_prefix("### ").map(|h| (h, '-')));
        match heading {
            Some((h, rule)) => {
                plain.push_str(h);
                plain.push('\n');
                plain.extend(std::iter::repeat_n(rule, h.chars().count()));
            }
            None => plain.push_str(&line.replace("**", "")),
        }
        plain.push('\n');
    }
    fit(&plain, width)
}

/// The list marker a line starts with (`- `, `12. `), or "" for prose.
fn list_marker(line: &str) -> &str {
    if line.starts_with("- ") {
        return &line[..2];
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(". ") {
        &line[..digits + 2]
    } else {
        ""
    }
}

fn finished(w: &Weekly, out: &mut String) {
    let f = &w.finished;
    out.push_str("### Finished this week\n\n");
    if f.count == 0 {
        out.push_str("No tasks finished.\n\n");
        return;
    }
    out.push_str(&format!(
        "{} {} finished: {} traced, {} untraced ({} untraced).\n\n",
        f.count,
        if f.count == 1 { "task" } else { "tasks" },
        f.traced,
        f.untraced,
        super::pct1(f.untraced_percent)
    ));
    for t in &f.tasks {
        let goal = match &t.untraced_reason {
            None => format!("→ {}", t.krs.join(", ")),
            Some(why) => format!("(untraced: {why})"),
        };
        line(
            out,
            format!("- {} {}{} {goal}", t.id, t.title, owner(&t.owner)),
        );
    }
    out.push('\n');
}

fn blocked(w: &Weekly, out: &mut String) {
    out.push_str("### Newly blocked\n\n");
    none_if(w.newly_blocked.is_empty(), out);
    for b in &w.newly_blocked {
        line(
            out,
            format!(
                "- {} {}{}, blocked since {}{}",
                b.id,
                b.title,
                owner(&b.owner),
                b.since,
                holds(b)
            ),
        );
    }
    out.push('\n');
    out.push_str(&format!(
        "### Blocked past SLA (over {} days)\n\n",
        w.block_sla_days
    ));
    none_if(w.blocked_past_sla.is_empty(), out);
    for b in &w.blocked_past_sla {
        line(
            out,
            format!(
                "- {} {}{}, blocked {} days (since {}){}",
                b.id,
                b.title,
                owner(&b.owner),
                b.days,
                b.since,
                holds(b)
            ),
        );
    }
    out.push('\n');
}

fn krs(w: &Weekly, out: &mut String) {
    out.push_str("### KRs that turned lagging or stalled this week\n\n");
    none_if(w.krs.turned.is_empty(), out);
    for k in &w.krs.turned {
        let was = match k.was {
            Some(s) => format!(
                "{}{}",
                s.words(),
                if k.was_stalled { ", stalled" } else { "" }
            ),
            None => "not active".to_string(),
        };
        line(out, format!("- {} (was {was})", kr_line(k)));
    }
    out.push('\n');
    out.push_str("### Lagging KRs\n\n");
    none_if(w.krs.lagging.is_empty(), out);
    for k in &w.krs.lagging {
        line(out, format!("- {}", kr_line(k)));
    }
    out.push('\n');
}

/// `KR-3 Title (dana): at risk, stalled — 35% vs 46% expected`.
fn kr_line(k: &KrLine) -> String {
    format!(
        "{} {}{}: {}{} — {} vs {} expected",
        k.id,
        k.title,
        owner(&k.owner),
        k.status.words(),
        if k.stalled { ", stalled" } else { "" },
        pct(k.progress),
        pct(k.expected)
    )
}

fn holds(b: &BlockedTask) -> String {
    if b.krs.is_empty() {
        String::new()
    } else {
        format!(" → {}", b.krs.join(", "))
    }
}

/// Writes one list item, escaped as a whole (`text::escape`): every item is
/// one line, and the ids, titles, owners and reasons in it come from files.
fn line(out: &mut String, text: String) {
    out.push_str(&crate::text::escape(&text));
    out.push('\n');
}

fn owner(o: &Option<String>) -> String {
    o.as_deref().map(|o| format!(" ({o})")).unwrap_or_default()
}

fn none_if(empty: bool, out: &mut String) {
    if empty {
        out.push_str("None.\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Facts;
    use crate::audit::tests::graph_of;
    use crate::config::Config;
    use crate::model::Period;
    use jiff::civil::date;

    #[test]
    fn an_empty_week_says_so_in_every_section() {
        let g = graph_of(&[(
            "O-1.md",
            "---\nkind: objective\ntitle: o\nperiod: 2026-Q4\n---\n",
        )]);
        let facts = Facts::none(&g);
        let window = Period::parse("2026-Q4").unwrap();
        let w = crate::weekly::weekly(
            &g,
            &Config::default(),
            date(2026, 11, 12),
            &window,
            &facts,
            &facts,
        );
        let text = markdown(&w);
        assert!(text.starts_with("## Weekly report: 2026-11-06 to 2026-11-12\n\n"));
        assert!(text.contains("### Finished this week\n\nNo tasks finished.\n"));
        for heading in [
            "Newly blocked",
            "Blocked past SLA (over 2 days)",
            "KRs that turned lagging or stalled this week",
            "Lagging KRs",
            "Unplanned intake",
            "Next up",
        ] {
            assert!(
                text.contains(&format!("### {heading}\n\nNone.\n")),
                "{heading}: {text}"
            );
        }
    }

    #[test]
    fn fitting_wraps_items_under_their_text_and_leaves_headings() {
        let md = "## Weekly report\n\n- T-1 one two three four\n12. T-2 five six seven\nplain words here\n";
        assert_eq!(fit(md, None), md);
        assert_eq!(
            fit(md, Some(14)),
            "## Weekly report\n\n- T-1 one two\n  three four\n12. T-2 five\n    six seven\nplain words\nhere\n"
        );
    }
}
