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
            csv_pct(p.untraced_percent),
            csv_pct(p.lagging_share_percent),
            p.krs_lagging
        ));
    }
    out
}

/// A share in CSV: empty for a share of nothing (SPEC §8), never 0.
fn csv_pct(x: Option<f64>) -> String {
    x.map_or(String::new(), |x| x.to_string())
}

/// A share in the table: "—" for a share of nothing.
fn cell(x: Option<f64>) -> String {
    x.map_or("—".to_string(), |x| format!("{x:.1}"))
}

/// Reads one metric off a point; `None` where it measures nothing.
type Metric = fn(&Point) -> Option<f64>;

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
            cell(p.untraced_percent),
            cell(p.lagging_share_percent),
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
        // Points that measure nothing have no bar (and are not a 0).
        let values: Vec<f64> = t.points.iter().filter_map(get).collect();
        let shown =
            |p: Option<&Point>| p.and_then(get).map_or("—".to_string(), |v| v.to_string());
        let (first, last) = (shown(t.points.first()), shown(t.points.last()));
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
