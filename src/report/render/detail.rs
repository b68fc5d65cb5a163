//! The human view of `align show`: the item's fields, then its links out
//! and in, one per line.

use serde_json::Value;

use super::pct;
use crate::detail::Detail;
use crate::output::paint;
use crate::text::escape;

/// Renders one item for a terminal.
pub fn human(d: &Detail, color: bool) -> String {
    // Every line quotes the file (keys and values too), so each piece is
    // escaped where it is written.
    let mut out = format!(
        "{}  {}\n",
        paint(color, "1", &escape(&d.id)),
        escape(&d.title)
    );
    let mut row = |k: &str, v: String| {
        out.push_str(&format!("  {:<13}{}\n", escape(k), escape(&v)));
    };
    row("kind", d.kind.to_string());
    row("file", format!("{}:{}", d.path, d.line));
    if let Some(g) = &d.goal {
        let verdict = match (g.progress, g.status) {
            (Some(p), Some(s)) => format!(
                "{} at {} against {} expected",
                s.words(),
                pct(p),
                pct(g.expected)
            ),
            _ => format!("no active KR (expected {})", pct(g.expected)),
        };
        row("progress", verdict);
    }
    for (k, v) in &d.fields {
        match v {
            Value::Object(m) if k == "metric" => {
                let unit = m
                    .get("unit")
                    .and_then(Value::as_str)
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                let current = m
                    .get("current")
                    .filter(|c| !c.is_null())
                    .map(|c| format!(", current {}", scalar(c)))
                    .unwrap_or_default();
                row(
                    k,
                    format!(
                        "{} → {}{unit}{current}",
                        scalar(&m["start"]),
                        scalar(&m["target"])
                    ),
                );
            }
            Value::Array(items) if k == "checkins" => {
                for (i, c) in items.iter().enumerate() {
                    let confidence = c
                        .get("confidence")
                        .filter(|c| !c.is_null())
                        .map(|c| format!(" (confidence {})", scalar(c)))
                        .unwrap_or_default();
                    let note = c
                        .get("note")
                        .and_then(Value::as_str)
                        .map(|n| format!(": {n}"))
                        .unwrap_or_default();
                    row(
                        if i == 0 { k } else { "" },
                        format!(
                            "{}  {}{confidence}{note}",
                            scalar(&c["date"]),
                            scalar(&c["value"])
                        ),
                    );
                }
            }
            Value::Array(items) if items.iter().any(Value::is_object) => {
                for (i, item) in items.iter().enumerate() {
                    row(if i == 0 { k } else { "" }, scalar(item));
                }
            }
            v => row(k, scalar(v)),
        }
    }
    if !d.traces_to.is_empty() {
        row("traces to", d.traces_to.join(", "));
    }
    out.push_str("\nLinks out\n");
    if d.links_out.is_empty() {
        out.push_str("  none\n");
    }
    for l in &d.links_out {
        let what = match (&l.kind, &l.title) {
            (Some(k), t) => format!(
                "{}  {} ({k}, {})",
                l.id,
                t.as_deref().unwrap_or(""),
                l.status.as_deref().unwrap_or("")
            ),
            (None, _) => match &l.unreadable {
                Some(why) => format!("{}  (no readable item has this id: {why})", l.id),
                None => format!("{}  (no item has this id)", l.id),
            },
        };
        out.push_str(&format!("  {:<11} → {}\n", l.field.as_str(), escape(&what)));
    }
    out.push_str("\nLinks in\n");
    if d.links_in.is_empty() {
        out.push_str("  none\n");
    }
    for l in &d.links_in {
        out.push_str(&format!(
            "  {:<11} ← {}  {} ({}, {})\n",
            l.field.as_str(),
            escape(&l.id),
            escape(&l.title),
            l.kind,
            escape(&l.status)
        ));
    }
    out
}

/// A value on one line: strings bare, lists joined, maps as `k: v`.
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(scalar).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m
            .iter()
            .filter(|(_, v)| !v.is_null() && !matches!(v, Value::Array(a) if a.is_empty()))
            .map(|(k, v)| format!("{k}: {}", scalar(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Null => String::new(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        v => v.to_string(),
    }
}
