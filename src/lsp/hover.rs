//! `textDocument/hover`: what an id names: kind, title, owner, status,
//! and the SPEC §3 numbers the audit computes for it (progress against
//! expected progress and the verdict for KRs and objectives, the KRs
//! work traces to).

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::lookup::{At, target_at};
use super::position::LineMap;
use super::state::State;
use crate::audit::{self, Context, Facts};
use crate::graph::ItemIx;
use crate::model::{Kind, Period};

pub fn handle(state: &mut State, params: HoverParams) -> Option<Hover> {
    let p = params.text_document_position_params;
    let at = At::new(state, &p.text_document.uri, p.position)?;
    let ix = target_at(state, &at)?;
    // The range hovered: the link or id under the cursor.
    let range = super::lookup::link_at(state, &at)
        .map(|(_, l)| l.span)
        .or_else(|| {
            Some(state.graph.items[ix].id_span)
                .filter(|s| s.start <= at.offset && at.offset <= s.end)
        })
        .map(|s| LineMap::new(&state.graph.files[at.file].text).range(s));
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: describe(state, ix),
        }),
        range,
    })
}

/// The hover text of one item, in Markdown.
pub fn describe(state: &State, ix: ItemIx) -> String {
    let g = &state.graph;
    let item = &g.items[ix];
    let mut lines = vec![format!(
        "**{}** ({}): {}",
        item.id,
        item.kind.noun(),
        item.title.as_deref().unwrap_or("(no title)")
    )];
    let owner = if item.owners.is_empty() {
        "no owner".to_string()
    } else {
        format!("owner {}", item.owners.join(", "))
    };
    lines.push(format!("{owner} · status {}", item.status));
    // Without git history here, stalls come from `updated` fields alone;
    // `align audit` in a repository may see more.
    let facts = Facts::none(g);
    let window = Period::containing(state.root.config.period, state.as_of);
    let cx = Context {
        graph: g,
        config: &state.root.config,
        as_of: state.as_of,
        window: &window,
        facts: &facts,
    };
    match item.kind {
        Kind::Kr => {
            let e = audit::evaluate_kr(&cx, ix);
            lines.push(format!(
                "progress {} of {} expected · {} · {} open task(s)",
                percent(e.progress),
                percent(e.expected),
                e.status.words(),
                e.open.len()
            ));
        }
        Kind::Objective => {
            if let (Some(progress), Some(status)) = audit::evaluate_objective(&cx, ix) {
                lines.push(format!(
                    "progress {} · {}",
                    percent(progress),
                    status.words()
                ));
            } else {
                lines.push("no KRs measure it yet".into());
            }
        }
        Kind::Initiative | Kind::Task => {
            let krs: Vec<&str> = g
                .trace(ix)
                .iter()
                .map(|&k| g.items[k].id.as_str())
                .collect();
            lines.push(if krs.is_empty() {
                "traces to no KR".into()
            } else {
                format!("traces to {}", krs.join(", "))
            });
        }
    }
    lines.push(format!("`{}`", g.file_of(ix).path));
    lines.join("\n\n")
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}
