//! One item as `align show` presents it (SPEC §4): where it is written, its
//! fields, its links out and in, the KRs it traces to and, for goals, the
//! audit's verdict. Plain data; the renderers print it.

use serde::Serialize;
use serde_json::{Value, json};

use crate::audit::{Context, KrStatus, evaluate_kr, round_to};
use crate::graph::ItemIx;
use crate::model::schema;
use crate::model::{Item, Kind, LinkField};

/// Everything `align show` prints about one item.
#[derive(Debug, Clone, Serialize)]
pub struct Detail {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// The file, relative to the root, and the line of its id.
    pub path: String,
    pub line: usize,
    /// The fields that are set, in schema order (links excluded).
    #[serde(serialize_with = "as_map")]
    pub fields: Vec<(String, Value)>,
    /// For an objective or KR: progress, expected progress and status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    /// For a task or initiative: the KRs it traces to.
    pub traces_to: Vec<String>,
    pub links_out: Vec<LinkOut>,
    pub links_in: Vec<LinkIn>,
}

/// The audit's verdict on a goal.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub progress: Option<f64>,
    pub expected: f64,
    pub status: Option<KrStatus>,
}

/// A link this item writes.
#[derive(Debug, Clone, Serialize)]
pub struct LinkOut {
    pub field: LinkField,
    pub id: String,
    /// `None` when no item has the id (AL002).
    pub kind: Option<Kind>,
    pub title: Option<String>,
    pub status: Option<String>,
    /// For a link to no item: where a file that could not be read names
    /// the id, so the dangling link points at its cause (SPEC §8).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
}

/// A link another item writes to this one.
#[derive(Debug, Clone, Serialize)]
pub struct LinkIn {
    pub field: LinkField,
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub status: String,
}

/// Describes item `ix`.
pub fn detail(cx: &Context, ix: ItemIx) -> Detail {
    let g = cx.graph;
    let item = &g.items[ix];
    let file = g.file_of(ix);
    let mentions = crate::report::input::Mentions::of(g);
    let goal = match item.kind {
        Kind::Kr => {
            let e = evaluate_kr(cx, ix);
            Some(Goal {
                progress: Some(round_to(e.progress, 2)),
                expected: round_to(e.expected, 2),
                status: Some(e.status),
            })
        }
        Kind::Objective => Some(objective_goal(cx, ix)),
        _ => None,
    };
    Detail {
        id: item.id.clone(),
        kind: item.kind,
        title: item.title.clone().unwrap_or_default(),
        path: file.path.clone(),
        line: file.line_col(item.id_span.start).0,
        fields: fields(item),
        goal,
        traces_to: g.trace(ix).iter().map(|&k| g.items[k].id.clone()).collect(),
        links_out: g.out[ix]
            .iter()
            .map(|e| {
                let t = e.target.map(|t| &g.items[t]);
                let id = &item.links[e.link].target;
                LinkOut {
                    field: e.field,
                    id: id.clone(),
                    kind: t.map(|t| t.kind),
                    title: t.and_then(|t| t.title.clone()),
                    status: t.map(|t| t.status.to_string()),
                    unreadable: t
                        .is_none()
                        .then(|| mentions.find(id).map(|m| m.sentence(id)))
                        .flatten(),
                }
            })
            .collect(),
        links_in: g.incoming[ix]
            .iter()
            .map(|&(from, field)| {
                let s = &g.items[from];
                LinkIn {
                    field,
                    id: s.id.clone(),
                    kind: s.kind,
                    title: s.title.clone().unwrap_or_default(),
                    status: s.status.to_string(),
                }
            })
            .collect(),
    }
}

fn objective_goal(cx: &Context, o: ItemIx) -> Goal {
    let (progress, status) = crate::audit::evaluate_objective(cx, o);
    let period = cx.graph.items[o].period.unwrap_or(*cx.window);
    Goal {
        progress: progress.map(|p| round_to(p, 2)),
        expected: round_to(crate::audit::expected_progress(&period, cx.as_of), 2),
        status,
    }
}

/// The fields that are set, in schema order; identity and links are
/// shown elsewhere.
fn fields(i: &Item) -> Vec<(String, Value)> {
    schema::fields_of(i.kind)
        .filter_map(|f| {
            let v = shown(i, f.name)?;
            (!v.is_null()).then(|| (f.name.to_string(), v))
        })
        .collect()
}

/// The value `align show` prints for field `name`; `None` for the fields
/// shown apart from the list (identity and links).
fn shown(i: &Item, name: &str) -> Option<Value> {
    let date = |d: Option<jiff::civil::Date>| d.map_or(Value::Null, |d| json!(d.to_string()));
    Some(match name {
        "id" | "kind" | "title" | "parent" | "objective" | "kr" | "initiative" | "depends_on" => {
            return None;
        }
        "owner" if i.owners.is_empty() => Value::Null,
        "owner" => json!(i.owners.join(", ")),
        "team" => json!(i.team),
        "labels" if i.labels.is_empty() => Value::Null,
        "labels" => json!(i.labels),
        "status" => json!(i.status.as_str()),
        "period" => i.period.map_or(Value::Null, |p| json!(p.to_string())),
        "weight" => json!(i.weight),
        "metric" => i.metric.as_ref().map_or(Value::Null, |m| {
            json!({"start": m.start, "target": m.target, "current": m.current, "unit": m.unit})
        }),
        "checkins" if i.checkins.is_empty() => Value::Null,
        "checkins" => Value::Array(
            i.checkins
                .iter()
                .map(|c| json!({"date": c.date.to_string(), "value": c.value, "confidence": c.confidence, "note": c.note}))
                .collect(),
        ),
        "start" => date(i.start),
        "due" => date(i.due),
        "done" => date(i.done),
        "estimate" => json!(i.estimate),
        "unplanned" if i.unplanned => json!(true),
        "unplanned" => Value::Null,
        "reason" => json!(i.reason),
        "requested_by" => json!(i.requested_by),
        "raci" => i.raci.as_ref().map_or(Value::Null, |r| {
            json!({"responsible": r.responsible, "accountable": r.accountable, "consulted": r.consulted, "informed": r.informed})
        }),
        "created" => date(i.created),
        "updated" => date(i.updated),
        "blocked_since" => date(i.blocked_since),
        _ => return None,
    })
}

fn as_map<S: serde::Serializer>(fields: &[(String, Value)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(fields.iter().map(|(k, v)| (k, v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_field_can_be_shown() {
        let origin = crate::model::Origin { file: 0, index: 0 };
        let item = crate::model::Item::blank("T-1".into(), Kind::Task, origin);
        for f in schema::FIELDS {
            let identity = matches!(f.ty, schema::FieldType::Link(_))
                || ["id", "kind", "title"].contains(&f.name);
            assert_eq!(shown(&item, f.name).is_some(), !identity, "{}", f.name);
        }
    }
}
