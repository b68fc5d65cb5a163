//! `align trend`: the points as a table with sparklines, or as CSV.

use crate::trend::{Point, Trend};

/// The points as CSV, one row a point.
pub fn csv(t: &Trend) -> String {
    let mut out = String::from(
        "date,commit,untraced_percent,untraced,finished,lagging_share_percent,on_lagging,open,krs_lagging\n",
    );
    // A percentage of nothing is an empty field, never 0 (SPEC §8).
    let pct = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for p in &t.points {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            p.date,
            p.commit.as_deref().unwrap_or(""),
            pct(p.untraced_percent),
            p.untraced,
            p.finished,
            pct(p.lagging_share_percent),
            p.on_lagging,
            p.open,
            p.krs_lagging
        ));
    }
    out
}

/// Reads one metric off a point; `None` where it has no denominator.
type Metric = fn(&Point) -> Option<f64>;

/// A percentage with its numerator and denominator, "—" for one of nothing.
fn pct(v: Option<f64>, part: usize, whole: usize) -> String {
    match v {
        Some(v) => format!("{v:.1} ({part}/{whole})"),
        None => "—".into(),
    }
}

/// The points as a table, then one sparkline a metric.
pub fn human(t: &Trend) -> String {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::UTF8_HORIZONTAL_ONLY);
    table.set_header([
        "date",
        "commit",
        "untraced %",
        "lagging share %",
        "KRs lagging",
    ]);
    for p in &t.points {
        table.add_row([
            p.date.to_string(),
            p.commit.clone().unwrap_or_else(|| "—".into()),
            pct(p.untraced_percent, p.untraced, p.finished),
            pct(p.lagging_share_percent, p.on_lagging, p.open),
            p.krs_lagging.to_string(),
        ]);
    }
    let mut out = format!("{table}\n\n");
    let series: [(&str, Metric); 3] = [
        ("untraced %", |p| p.untraced_percent),
        ("lagging share %", |p| p.lagging_share_percent),
        ("KRs lagging", |p| Some(p.krs_lagging as f64)),
    ];
    for (name, get) in series {
        let values: Vec<Option<f64>> = t.points.iter().map(get).collect();
        let end = |v: Option<&Option<f64>>| match v.copied().flatten() {
            Some(v) => v.to_string(),
            None => "—".into(),
        };
        let (first, last) = (end(values.first()), end(values.last()));
        out.push_str(&format!(
            "  {name:<16} {}  {first} → {last}\n",
            sparkline(&values)
        ));
    }
    if t.shallow {
        out.push_str("\nnote: this is a shallow clone, so history before its cut is missing; `git fetch --unshallow` gives the full trend\n");
    }
    out
}

/// One block character per value, scaled between the series' min and max;
/// a space where a point has no value.
fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let min = values
        .iter()
        .flatten()
        .copied()
        .fold(f64::INFINITY, f64::min);
    let max = values
        .iter()
        .flatten()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            let Some(v) = v else { return ' ' };
            if max > min {
                BARS[(((v - min) / (max - min)) * 7.0).round() as usize]
            } else {
                BARS[0]
            }
        })
        .collect()
}
