//! Builds one `Item` from its raw serde value and its scanned spans,
//! checking every field's type and value on the way (the facts behind
//! AL008, AL009 and AL015).

use crate::model::schema::{self, FieldType};
use crate::model::{
    Checkin, FieldProblem, Item, Kind, Link, LinkField, Metric, Origin, Period, Raci, Status,
    parse_date,
};
use crate::span::Span;
use crate::suggest::closest;
use crate::text::truncate;

use super::scan::Node;
use super::{FileProblem, FileProblemKind, ParseSettings};
use crate::yaml::{Mapped, RawItemOf, Scalar, Scalars};

/// The longest id `align` accepts; longer is hostile or a mistake.
const MAX_ID_LEN: usize = 80;

/// Whether `id` matches `^[A-Za-z0-9][A-Za-z0-9_.-]*$` (SPEC §2).
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= MAX_ID_LEN
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The kind `value` is a typo of: within edit distance 2 of one of
/// align's kinds, case-insensitive (`tasks`, `objetive`). Values longer
/// than any kind plus two cannot be, and are not compared (a 1 MB value
/// costs nothing).
pub(super) fn near_kind(value: &str) -> Option<Kind> {
    let value = value.trim();
    if value.chars().count() > "initiative".len() + 2 {
        return None;
    }
    Kind::ALL
        .into_iter()
        .map(|k| (crate::suggest::distance(value, k.as_str()), k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[derive(Clone, Copy)]
pub(super) struct Builder<'a> {
    pub settings: &'a ParseSettings<'a>,
    /// Offset of the YAML text in the file.
    pub base: usize,
    pub file: usize,
    pub path_kind: Option<Kind>,
}

/// Spans of one mapping node, with fallbacks so every finding has a place.
struct Spans<'n> {
    node: &'n Node,
    base: usize,
    fallback: Span,
}

impl<'n> Spans<'n> {
    fn value(&self, key: &str) -> Span {
        match self.node.get(key) {
            Some(e) if !e.value_span.is_empty() => e.value_span.shift(self.base),
            Some(e) => e.key_span.shift(self.base),
            None => self.fallback,
        }
    }

    /// The span of element `i` of a list value, else the whole value.
    fn element(&self, key: &str, i: usize) -> Span {
        self.node
            .get(key)
            .and_then(|e| e.value.items().get(i))
            .map_or_else(|| self.value(key), |s| s.value_span.shift(self.base))
    }

    fn child(&self, key: &str) -> Spans<'n> {
        let fallback = self.value(key);
        Spans {
            node: self.node.get(key).map_or(&Node::Scalar, |e| &e.value),
            base: self.base,
            fallback,
        }
    }

    fn item(&self, key: &str, i: usize) -> Spans<'n> {
        let fallback = self.element(key, i);
        Spans {
            node: self
                .node
                .get(key)
                .and_then(|e| e.value.items().get(i))
                .map_or(&Node::Scalar, |s| &s.value),
            base: self.base,
            fallback,
        }
    }
}

/// Collects field problems while converting values.
struct Check<'a> {
    problems: Vec<FieldProblem>,
    spans: Spans<'a>,
}

impl Check<'_> {
    fn invalid(&mut self, field: &str, span: Span, message: String, help: impl Into<String>) {
        self.problems.push(FieldProblem::Invalid {
            field: field.to_string(),
            message,
            help: help.into(),
            span,
        });
    }

    fn text(&mut self, field: &str, v: &Option<Scalar>) -> Option<String> {
        match v.as_ref()? {
            Scalar::Null => None,
            s => match s.text() {
                Some(t) => Some(t),
                None => {
                    let span = self.spans.value(field);
                    self.invalid(
                        field,
                        span,
                        format!("`{field}` should be text, found {}", s.describe()),
                        format!("write `{field}` as plain text"),
                    );
                    None
                }
            },
        }
    }

    fn date_at(&mut self, field: &str, v: &Option<Scalar>, span: Span) -> Option<Date> {
        let s = v.as_ref()?;
        let text = match s {
            Scalar::Null => return None,
            Scalar::Str(t) => t.clone(),
            other => other.text().unwrap_or_else(|| other.describe()),
        };
        match parse_date(&text) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.invalid(
                    field,
                    span,
                    format!("`{field}`: {msg}"),
                    "dates are written YYYY-MM-DD, e.g. `2026-11-12`",
                );
                None
            }
        }
    }

    fn date(&mut self, field: &str, v: &Option<Scalar>) -> Option<Date> {
        let span = self.spans.value(field);
        self.date_at(field, v, span)
    }

    fn number_at(&mut self, field: &str, v: &Option<Scalar>, span: Span) -> Option<f64> {
        let s = v.as_ref()?;
        if *s == Scalar::Null {
            return None;
        }
        let n = s.number();
        if n.is_none() {
            self.invalid(
                field,
                span,
                format!("`{field}` should be a number, found {}", s.describe()),
                format!("write `{field}` as a number, e.g. `{field}: 3`"),
            );
        }
        n
    }

    fn number(&mut self, field: &str, v: &Option<Scalar>) -> Option<f64> {
        let span = self.spans.value(field);
        self.number_at(field, v, span)
    }

    /// Ids or names from a one-or-many field; bad entries are reported.
    fn names(&mut self, field: &str, v: &Option<Scalars>, spans: &Spans) -> Vec<(String, Span)> {
        let Some(v) = v else { return Vec::new() };
        let mut out = Vec::new();
        for (i, s) in v.values.iter().enumerate() {
            let span = if v.was_list {
                spans.element(field, i)
            } else {
                spans.value(field)
            };
            match s {
                Scalar::Null => {}
                Scalar::Str(_) | Scalar::Int(_) | Scalar::Float(_) => {
                    out.push((s.text().unwrap_or_default(), span))
                }
                other => self.invalid(
                    field,
                    span,
                    format!(
                        "`{field}` should name one id or a list of ids, found {}",
                        other.describe()
                    ),
                    format!("write `{field}: ID` or `{field}: [ID, ID]`"),
                ),
            }
        }
        out
    }
}

use jiff::civil::Date;

impl Builder<'_> {
    /// Builds the item, or `None` when the mapping has no kind (not an item).
    pub fn build<I>(
        &self,
        raw: &RawItemOf<I>,
        node: &Node,
        default_id: Option<&str>,
        origin: Origin,
        span: Span,
        file_problems: &mut Vec<FileProblem>,
    ) -> Option<Item> {
        let spans = Spans {
            node,
            base: self.base,
            fallback: Span::new(span.start, span.start),
        };
        let kind = match &raw.kind {
            None | Some(Scalar::Null) => self.path_kind?,
            Some(s) => match s.text().as_deref().and_then(Kind::parse) {
                Some(k) => k,
                None => {
                    // A kind that is not align's and not a typo of one
                    // (`kind: Pod`, a docs page's `kind: page`) belongs to
                    // another tool: the mapping is not an item (SPEC §1).
                    let near = s.text().map(|t| near_kind(&t));
                    if let Some(None) = near {
                        return None;
                    }
                    let help = match near.flatten() {
                        Some(k) => format!(
                            "did you mean `{k}`? `kind` is one of `objective`, `kr`, `initiative`, `task`"
                        ),
                        None => "`kind` is one of `objective`, `kr`, `initiative`, `task`".into(),
                    };
                    file_problems.push(FileProblem {
                        kind: FileProblemKind::InvalidKind,
                        message: format!("`kind` is {}, which is not a kind", s.describe()),
                        help,
                        span: spans.value("kind"),
                    });
                    return None;
                }
            },
        };
        let mut c = Check {
            problems: Vec::new(),
            spans,
        };
        let spans = Spans {
            node,
            base: self.base,
            fallback: c.spans.fallback,
        };

        // Identity.
        let written_id = c.text("id", &raw.id);
        let id = match (written_id, default_id) {
            (Some(id), _) => id,
            (None, Some(stem)) => stem.to_string(),
            (None, None) => {
                file_problems.push(FileProblem {
                    kind: FileProblemKind::MissingId,
                    message: format!("this {} has no `id`", kind.noun()),
                    help: "items in a multi-item file need an `id`, e.g. `id: KR-4`".into(),
                    span: spans.fallback,
                });
                return None;
            }
        };
        let id_span = if raw.id.is_some() {
            spans.value("id")
        } else {
            spans.fallback
        };
        if !valid_id(&id) {
            c.invalid("id", id_span, format!("`{}` is not a valid id", truncate(&id, 41)), "ids start with a letter or digit and hold only letters, digits, `_`, `.` and `-`, e.g. `KR-3`");
        }

        let title = c.text("title", &raw.title);
        // A leading `@` (`owner: '@codex'`, as GitHub writes people) is not
        // part of the name (SPEC §12), so `--owner codex` finds it and
        // output never prints `@@codex`.
        let owners: Vec<String> = c
            .names("owner", &raw.owner, &spans)
            .into_iter()
            .map(|(n, _)| match n.strip_prefix('@') {
                Some(bare) if !bare.is_empty() => bare.to_string(),
                _ => n,
            })
            .collect();
        let labels = c
            .names("labels", &raw.labels, &spans)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let team = c.text("team", &raw.team);
        let created = c.date("created", &raw.created);
        let updated = c.date("updated", &raw.updated);
        let blocked_since = c.date("blocked_since", &raw.blocked_since);

        // Status, honouring configured spellings.
        let (allowed, default_status) = Status::allowed_for(kind);
        let status = match c.text("status", &raw.status) {
            None => default_status,
            Some(s) => {
                match self
                    .settings
                    .config
                    .status(&s)
                    .filter(|st| allowed.contains(st))
                {
                    Some(st) => st,
                    None => {
                        let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
                        let span = spans.value("status");
                        c.invalid("status", span, format!("`{s}` is not a status of {}", kind.a_noun()), format!("use one of {} (or map the spelling under `statuses` in align.yaml)", names.join(", ")));
                        default_status
                    }
                }
            }
        };

        // Links, each id checked for shape.
        let mut links = Vec::new();
        for &field in LinkField::allowed_for(kind) {
            let value = match field {
                LinkField::Parent => &raw.parent,
                LinkField::Objective => &raw.objective,
                LinkField::Kr => &raw.kr,
                LinkField::Initiative => &raw.initiative,
                LinkField::DependsOn => &raw.depends_on,
            };
            for (target, span) in c.names(field.as_str(), value, &spans) {
                if valid_id(&target) {
                    links.push(Link {
                        field,
                        target,
                        span,
                    });
                } else {
                    c.invalid(
                        field.as_str(),
                        span,
                        format!("`{}` is not a valid id", truncate(&target, 41)),
                        "ids hold only letters, digits, `_`, `.` and `-`",
                    );
                }
            }
        }

        links.shrink_to_fit();
        let period = if kind == Kind::Objective {
            self.period(raw, &mut c)
        } else {
            None
        };
        let weight = c
            .number("weight", &raw.weight)
            .map(|w| non_negative(&mut c, "weight", w))
            .unwrap_or(1.0);
        let estimate = if kind == Kind::Task {
            c.number("estimate", &raw.estimate)
                .map(|e| non_negative(&mut c, "estimate", e))
                .unwrap_or(1.0)
        } else {
            1.0
        };
        let (metric, checkins) = if kind == Kind::Kr {
            (self.metric(raw, &mut c), self.checkins(raw, &mut c))
        } else {
            (None, Vec::new())
        };
        let start = c.date("start", &raw.start);
        let due = c.date("due", &raw.due);
        let done = c.date("done", &raw.done);
        let unplanned = match &raw.unplanned {
            None | Some(Scalar::Null) => false,
            Some(Scalar::Bool(b)) => *b,
            Some(other) => {
                let span = spans.value("unplanned");
                c.invalid(
                    "unplanned",
                    span,
                    format!(
                        "`unplanned` should be `true` or `false`, found {}",
                        other.describe()
                    ),
                    "write `unplanned: true`",
                );
                false
            }
        };
        let reason = c.text("reason", &raw.reason);
        let requested_by = c.text("requested_by", &raw.requested_by);
        let raci = self.raci(raw, &mut c);

        // Unknown and missing fields.
        let allowed_fields: Vec<&'static str> = schema::fields_of(kind).map(|f| f.name).collect();
        // Known keys are kept (as static names, no allocation) for findings
        // that point at them; unknown ones become AL009 problems.
        let mut keys: Vec<(&'static str, Span)> = Vec::with_capacity(node.entries().len());
        for e in node.entries() {
            let key_span = e.key_span.shift(self.base);
            match allowed_fields.iter().find(|f| **f == e.key) {
                Some(known) => keys.push((known, key_span)),
                None => c.problems.push(FieldProblem::Unknown {
                    field: e.key.clone(),
                    suggestion: closest(&e.key, allowed_fields.iter().copied()).map(str::to_string),
                    span: key_span,
                }),
            }
        }
        // Required fields (SPEC §2): the title must read as text, links
        // must be written.
        for f in schema::FIELDS.iter().filter(|f| f.required.has(kind)) {
            let present = match f.ty {
                FieldType::Text => title.is_some(),
                _ => node.get(f.name).is_some(),
            };
            if !present {
                c.problems.push(FieldProblem::Missing { field: f.name });
            }
        }

        Some(Item {
            id,
            id_span,
            kind,
            title,
            owners,
            owner_span: node.get("owner").map(|_| spans.value("owner")),
            team,
            labels,
            status,
            status_span: node.get("status").map(|_| spans.value("status")),
            created,
            updated,
            blocked_since,
            period,
            weight,
            links,
            metric,
            checkins,
            start,
            due,
            done,
            estimate,
            unplanned,
            unplanned_span: node.get("unplanned").map(|_| spans.value("unplanned")),
            reason,
            requested_by,
            raci,
            origin,
            span,
            keys,
            problems: c.problems,
        })
    }

    fn period<I>(&self, raw: &RawItemOf<I>, c: &mut Check) -> Option<Period> {
        let span = c.spans.value("period");
        let help =
            "write `period: 2026-Q4`, `2026-H2`, `2026` or `{start: 2026-10-01, end: 2026-12-31}`";
        match raw.period.as_ref()? {
            Mapped::Other(Scalar::Null) => None,
            Mapped::Other(s) => {
                let text = s.text().unwrap_or_else(|| s.describe());
                match Period::parse(&text) {
                    Ok(p) => Some(p),
                    Err(msg) => {
                        c.invalid("period", span, msg, help);
                        None
                    }
                }
            }
            Mapped::Map(range) => {
                let sub = c.spans.child("period");
                let (start_span, end_span) = (sub.value("start"), sub.value("end"));
                let start = c.date_at("period", &range.start, start_span);
                let end = c.date_at("period", &range.end, end_span);
                match (start, end) {
                    (Some(s), Some(e)) => Period::range(s, e).or_else(|| {
                        c.invalid(
                            "period",
                            span,
                            "the period ends before it starts".into(),
                            help,
                        );
                        None
                    }),
                    _ => {
                        if range.start.is_none() || range.end.is_none() {
                            c.invalid(
                                "period",
                                span,
                                "a period range needs both `start` and `end`".into(),
                                help,
                            );
                        }
                        None
                    }
                }
            }
        }
    }

    fn metric<I>(&self, raw: &RawItemOf<I>, c: &mut Check) -> Option<Metric> {
        let span = c.spans.value("metric");
        match raw.metric.as_ref()? {
            Mapped::Other(Scalar::Null) => None,
            Mapped::Other(s) => {
                c.invalid(
                    "metric",
                    span,
                    format!("`metric` should be a mapping, found {}", s.describe()),
                    "write `metric: {start: 30, target: 45}`",
                );
                None
            }
            Mapped::Map(m) => {
                let sub = c.spans.child("metric");
                let (ss, ts, cs) = (
                    sub.value("start"),
                    sub.value("target"),
                    sub.value("current"),
                );
                let start = c.number_at("metric.start", &m.start, ss);
                let target = c.number_at("metric.target", &m.target, ts);
                let current = c.number_at("metric.current", &m.current, cs);
                let unit = m.unit.as_ref().and_then(Scalar::text);
                let (start, target) = (start?, target?);
                if start == target {
                    c.invalid("metric", span, format!("`metric.start` and `metric.target` are both {start}: the KR can never make progress"), "set a target different from the start (below it for a decrease)");
                    return None;
                }
                Some(Metric {
                    start,
                    target,
                    current,
                    unit,
                })
            }
        }
    }

    fn checkins<I>(&self, raw: &RawItemOf<I>, c: &mut Check) -> Vec<Checkin> {
        let help = "each check-in is `{date: 2026-11-01, value: 35, confidence: 0.7}`; `align checkin` writes them";
        let list = match raw.checkins.as_ref() {
            None => return Vec::new(),
            Some(crate::yaml::Listed::Other(Scalar::Null)) => return Vec::new(),
            Some(crate::yaml::Listed::Other(s)) => {
                let span = c.spans.value("checkins");
                c.invalid(
                    "checkins",
                    span,
                    format!("`checkins` should be a list, found {}", s.describe()),
                    help,
                );
                return Vec::new();
            }
            Some(crate::yaml::Listed::List(list)) => list,
        };
        let mut out = Vec::new();
        for (i, entry) in list.iter().enumerate() {
            let sub = c.spans.item("checkins", i);
            let whole = sub.fallback;
            let Mapped::Map(ck) = entry else {
                c.invalid(
                    "checkins",
                    whole,
                    "a check-in should be a mapping with `date` and `value`".into(),
                    help,
                );
                continue;
            };
            let (ds, vs, cs) = (
                sub.value("date"),
                sub.value("value"),
                sub.value("confidence"),
            );
            let date = c.date_at("checkins.date", &ck.date, ds);
            let value = c.number_at("checkins.value", &ck.value, vs);
            let confidence = c.number_at("checkins.confidence", &ck.confidence, cs);
            if let Some(conf) = confidence.filter(|x| !(0.0..=1.0).contains(x)) {
                c.invalid(
                    "checkins.confidence",
                    cs,
                    format!("confidence {conf} is outside 0..1"),
                    "confidence is a number from 0 to 1, e.g. `0.7`",
                );
            }
            match (date, value) {
                (Some(date), Some(value)) => out.push(Checkin {
                    date,
                    value,
                    confidence: confidence.filter(|x| (0.0..=1.0).contains(x)),
                    note: ck.note.as_ref().and_then(Scalar::text),
                }),
                _ if ck.date.is_none() || ck.value.is_none() => {
                    c.invalid(
                        "checkins",
                        whole,
                        "a check-in needs both `date` and `value`".into(),
                        help,
                    );
                }
                _ => {}
            }
        }
        out.sort_by_key(|ck| ck.date);
        out
    }

    fn raci<I>(&self, raw: &RawItemOf<I>, c: &mut Check) -> Option<Raci> {
        let span = c.spans.value("raci");
        match raw.raci.as_ref()? {
            Mapped::Other(Scalar::Null) => None,
            Mapped::Other(s) => {
                c.invalid(
                    "raci",
                    span,
                    format!("`raci` should be a mapping, found {}", s.describe()),
                    "write `raci: {responsible: sam, accountable: dana}`",
                );
                None
            }
            Mapped::Map(r) => {
                let sub = c.spans.child("raci");
                // AL013 is about `accountable`: point at it, else at `raci`.
                let span = sub.value("accountable");
                let mut role = |name: &str, v: &Option<Scalars>| -> Vec<String> {
                    c.names(name, v, &sub).into_iter().map(|(n, _)| n).collect()
                };
                Some(Raci {
                    responsible: role("responsible", &r.responsible),
                    accountable: role("accountable", &r.accountable),
                    consulted: role("consulted", &r.consulted),
                    informed: role("informed", &r.informed),
                    span,
                })
            }
        }
    }
}

fn non_negative(c: &mut Check, field: &str, v: f64) -> f64 {
    if v < 0.0 {
        let span = c.spans.value(field);
        c.invalid(
            field,
            span,
            format!("`{field}` is {v}; it cannot be negative"),
            format!("set `{field}` to 0 or more"),
        );
        1.0
    } else {
        v
    }
}
