//! `align trend`: the points as a table with sparklines, or as CSV.

use crate::trend::{Point, Trend};

/// The points as CSV, one row a point.
pub fn csv(t: &Trend) -> String {
    let mut out = String::from("date,commit,untraced_percent,lagging_share_percent,krs_lagging\n");
    for p in &t.points {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            p.date,
            p.commit.as_deref().unwrap_or(""),
            p.untraced_percent,
            p.lagging_share_percent,
            p.krs_lagging
        ));
    }
    out
}

/// Reads one metric off a point.
type Metric = fn(&Point) -> f64;

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
            format!("{:.1}", p.untraced_percent),
            format!("{:.1}", p.lagging_share_percent),
            p.krs_lagging.to_string(),
        ]);
    }
    let mut out = format!("{table}\n\n");
    let series: [(&str, Metric); 3] = [
        ("untraced %", |p| p.untraced_percent),
        ("lagging share %", |p| p.lagging_share_percent),
        ("KRs lagging", |p| p.krs_lagging as f64),
    ];
    for (name, get) in series {
        let values: Vec<f64> = t.points.iter().map(get).collect();
        let (first, last) = (
            values.first().copied().unwrap_or(0.0),
            values.last().copied().unwrap_or(0.0),
        );
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

/// One block character per value, scaled between the series' min and max.
fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            if max > min {
                BARS[(((v - min) / (max - min)) * 7.0).round() as usize]
            } else {
                BARS[0]
            }
        })
        .collect()
}
