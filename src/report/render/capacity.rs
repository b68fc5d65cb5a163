//! The human view of `align capacity`: an owner × objective table of open
//! estimate with each owner's load, then each objective's share of the
//! work beside its share of the weight (SPEC §10).

use comfy_table::{CellAlignment, Table, presets};

use crate::audit::capacity::{Capacity, UNTRACED};
use crate::audit::forecast::number;
use crate::text::escape;

/// Renders the view; `configured` says whether align.yaml has `capacity:`.
pub fn human(c: &Capacity, configured: bool) -> String {
    let mut columns: Vec<&str> = c.objectives.iter().map(|o| o.id.as_str()).collect();
    for p in &c.people {
        for k in p.by_objective.keys() {
            if k != UNTRACED && !columns.contains(&k.as_str()) {
                columns.push(k);
            }
        }
    }
    let mut out = format!(
        "Open work in {} as of {} ({:.1} weeks left)\n\n",
        c.window.label, c.as_of, c.weeks_remaining
    );
    let mut table = Table::new();
    table.load_preset(presets::UTF8_HORIZONTAL_ONLY);
    let mut header = vec!["owner".to_string()];
    // Owners and objective ids come from files: escaped as they enter.
    header.extend(columns.iter().map(|c| escape(c).into_owned()));
    header.extend(["untraced", "open", "capacity", "load"].map(String::from));
    table.set_header(header);
    for p in &c.people {
        let mut row = vec![
            p.owner
                .as_deref()
                .map_or_else(|| "(no owner)".into(), |o| escape(o).into_owned()),
        ];
        for col in columns.iter().copied().chain([UNTRACED]) {
            row.push(
                p.by_objective
                    .get(col)
                    .map(|v| number(*v))
                    .unwrap_or_default(),
            );
        }
        row.push(number(p.open_estimate));
        row.push(
            p.capacity
                .map(|v| format!("{}/wk", number(v)))
                .unwrap_or_else(|| "—".into()),
        );
        row.push(match p.load_percent {
            Some(l) if p.over => format!("{l:.0}% over"),
            Some(l) => format!("{l:.0}%"),
            None => "—".into(),
        });
        table.add_row(row);
    }
    for i in 1..table.column_count() {
        if let Some(col) = table.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    if c.people.is_empty() {
        out.push_str("No open work.\n");
    } else {
        out.push_str(&format!("{table}\n"));
    }
    if !configured {
        out.push_str("\nNo `capacity:` in align.yaml, so load has no limit: add e.g. `capacity: {default: 8}` (estimate points a week).\n");
    }
    let mut alloc = Table::new();
    alloc.load_preset(presets::UTF8_HORIZONTAL_ONLY);
    alloc.set_header(["objective", "weight share", "work share", ""]);
    let share = |s: Option<f64>| {
        s.map(|s| format!("{:.0}%", s * 100.0))
            .unwrap_or_else(|| "—".into())
    };
    for o in &c.objectives {
        alloc.add_row([
            escape(&o.id).into_owned(),
            share(o.weight_share),
            share(o.work_share),
            if o.underfunded {
                "underfunded".into()
            } else {
                String::new()
            },
        ]);
    }
    if !c.objectives.is_empty() {
        out.push_str(&format!("\nStrategic allocation\n\n{alloc}\n"));
    }
    out
}
