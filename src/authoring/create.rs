//! `align new`: turns a title and flags into one new item file (SPEC §4).
//! Every flag is checked first (links exist and are of the right kind, the
//! owner is known, the date exists, an unlinked task is refused with the
//! closest KRs offered); then the id is chosen, the text is made from the
//! workspace's template or the built-in one, and the file is created
//! inside the root without ever replacing anything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::config::{IdScheme, Root, Unplanned};
use crate::edit::{self, Change, Target, Value};
use crate::error::Fatal;
use crate::graph::Graph;
use crate::model::schema;
use crate::model::{Kind, LinkField, Period, Status};
use crate::parse::{frontmatter, valid_id};
use crate::suggest::most_similar;

use super::fields::{self, id_value};
use super::ids;

/// What `align new` was asked to create.
#[derive(Debug, Clone, Default)]
pub struct NewItem {
    pub kind: Option<Kind>,
    pub title: String,
    pub krs: Vec<String>,
    pub initiatives: Vec<String>,
    pub objective: Option<String>,
    pub parent: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// A new KR's metric.
    pub start: Option<String>,
    pub target: Option<String>,
    pub unit: Option<String>,
    pub labels: Vec<String>,
    pub unplanned: bool,
    pub reason: Option<String>,
    pub id: Option<String>,
}

/// A new item, checked and rendered, not yet written.
#[derive(Debug, Clone)]
pub struct Planned {
    pub id: String,
    pub kind: Kind,
    /// Relative to the root, `/`-separated.
    pub rel: String,
    pub path: PathBuf,
    pub text: String,
}

/// The folders new items go to when the workspace has none of that kind.
pub fn default_folder(kind: Kind) -> &'static str {
    match kind {
        Kind::Objective => "okrs/objectives",
        Kind::Kr => "okrs/krs",
        Kind::Initiative => "work/initiatives",
        Kind::Task => "work/tasks",
    }
}

/// Checks `spec` against the workspace and renders the new file.
pub fn plan(root: &Root, graph: &Graph, as_of: Date, spec: &NewItem) -> Result<Planned, Fatal> {
    let kind = spec.kind.ok_or_else(|| {
        Fatal::usage(
            "no kind given",
            "name one of: objective, kr, initiative, task",
        )
    })?;
    let config = &root.config;
    let title = spec.title.trim();
    if title.is_empty() {
        return Err(Fatal::usage(
            "the title is empty",
            "give the item a title, e.g. `align new task \"Draft the brief\" --kr KR-3`",
        ));
    }
    check_flags(kind, spec)?;
    needs_owner(kind, spec)?;
    let metric = metric(kind, spec, config)?;
    let owner = spec
        .owner
        .as_deref()
        .map(|o| fields::owner(o, config))
        .transpose()?;
    let due = spec
        .due
        .as_deref()
        .map(|d| fields::date("due", d))
        .transpose()?
        .map(|(_, v)| v);
    fields::check_links(graph, LinkField::Kr, &spec.krs)?;
    fields::check_links(graph, LinkField::Initiative, &spec.initiatives)?;
    fields::check_links(graph, LinkField::Objective, spec.objective.as_slice())?;
    fields::check_links(graph, LinkField::Parent, spec.parent.as_slice())?;
    if kind == Kind::Task {
        intake(graph, config.unplanned, title, spec)?;
    }

    let folder = folder_for(graph, kind);
    let id = match &spec.id {
        Some(id) => {
            if !valid_id(id) {
                return Err(Fatal::usage(
                    format!("`{id}` is not a valid id"),
                    "an id starts with a letter or digit and holds only letters, digits, `_`, `.` and `-` (no `/`), e.g. `--id T-0042`",
                ));
            }
            if let Some(ix) = graph.get(id) {
                return Err(Fatal::usage(
                    format!("the id `{id}` is taken by `{}`", graph.file_of(ix).path),
                    "pick another `--id`, or leave it out for a fresh one",
                ));
            }
            id.clone()
        }
        None => {
            let taken = |id: &str| {
                graph.get(id).is_some() || root.dir.join(&folder).join(format!("{id}.md")).exists()
            };
            if kind == Kind::Task && config.ids == IdScheme::Random {
                ids::random(kind, taken)
            } else {
                ids::sequential(kind, graph.ids(), taken)
            }
        }
    };
    let rel = format!("{folder}/{id}.md");
    let path = root.dir.join(&rel);

    let mut fields: Vec<(&str, Value)> = vec![
        ("id", Value::text(&id)),
        ("kind", Value::plain(kind.as_str())),
        ("title", Value::text(title)),
    ];
    let links: [(&str, Vec<String>); 4] = [
        ("parent", spec.parent.iter().cloned().collect()),
        ("objective", spec.objective.iter().cloned().collect()),
        ("kr", spec.krs.clone()),
        ("initiative", spec.initiatives.clone()),
    ];
    for (field, ids) in links {
        if !ids.is_empty() {
            fields.push((field, id_value(&ids)));
        }
    }
    if let Some(o) = owner {
        fields.push(("owner", Value::text(o)));
    }
    fields.push(("status", Value::plain(Status::allowed_for(kind).1.as_str())));
    if kind == Kind::Objective {
        fields.push((
            "period",
            Value::text(Period::containing(config.period, as_of).to_string()),
        ));
    }
    if let Some(m) = metric {
        fields.push(("metric", m));
    }
    if let Some(d) = due {
        fields.push(("due", d));
    }
    if !spec.labels.is_empty() {
        fields.push((
            "labels",
            Value::List(spec.labels.iter().map(Value::text).collect()),
        ));
    }
    if spec.unplanned {
        fields.push(("unplanned", Value::plain("true")));
        fields.push((
            "reason",
            Value::text(spec.reason.clone().unwrap_or_default()),
        ));
    }
    fields.push(("created", Value::plain(as_of.to_string())));
    fields.sort_by_key(|(name, _)| schema::rank(name));

    let template = root
        .dir
        .join(".align/templates")
        .join(format!("{}.md", kind.as_str()));
    let text = if template.is_file() {
        from_template(&template, &fields, title, &id, as_of)?
    } else {
        built_in(kind, &fields)
    };
    Ok(Planned {
        id,
        kind,
        rel,
        path,
        text,
    })
}

/// Plans the item and creates its file. When align chose the id (no
/// `--id`) and another `align new` running at the same time created a file
/// by that name between planning and creating, the item is planned again
/// and takes the next free id: the exclusive create is what decides who
/// got a number, and a concurrent `new` never fails for it (SPEC §6).
pub fn create(root: &Root, graph: &Graph, as_of: Date, spec: &NewItem) -> Result<Planned, Fatal> {
    let mut tried: Vec<String> = Vec::new();
    loop {
        let planned = plan(root, graph, as_of, spec)?;
        match place(root, &planned)? {
            Err(edit::EditError::Exists { .. })
                if spec.id.is_none() && !tried.contains(&planned.id) =>
            {
                // Planning again sees the file that took this id.
                tried.push(planned.id);
            }
            Err(e) => return Err(e.into()),
            Ok(()) => return Ok(planned),
        }
    }
}

/// Creates the planned file: folders as needed, never outside the root,
/// never over an existing file. The outcome of the exclusive create is
/// kept apart from the errors before it, so [`create`] can tell "the name
/// is taken".
fn place(root: &Root, planned: &Planned) -> Result<Result<(), edit::EditError>, Fatal> {
    let parent = planned.path.parent().unwrap_or(&root.dir);
    std::fs::create_dir_all(parent).map_err(|e| Fatal::io(parent, e))?;
    // The folder may be (or pass through) a symbolic link: what counts is
    // where it really is.
    let real_root = root
        .dir
        .canonicalize()
        .map_err(|e| Fatal::io(&root.dir, e))?;
    let real_parent = parent.canonicalize().map_err(|e| Fatal::io(parent, e))?;
    if !real_parent.starts_with(&real_root) {
        return Err(Fatal::usage(
            format!(
                "`{}` leads outside the workspace root `{}`",
                planned.rel,
                real_root.display()
            ),
            "align only writes inside the root; move the folder or remove the link",
        ));
    }
    let file_name = planned.path.file_name().unwrap_or_default();
    Ok(edit::create_new(
        &real_parent.join(file_name),
        planned.text.as_bytes(),
    ))
}

/// Flags that make no sense for `kind`, and links a kind cannot do without.
/// Objectives and KRs need exactly one owner (AL006), so `new` refuses
/// rather than write a file the pre-commit hook then rejects.
fn needs_owner(kind: Kind, spec: &NewItem) -> Result<(), Fatal> {
    if matches!(kind, Kind::Objective | Kind::Kr) && spec.owner.is_none() {
        let example = match kind {
            Kind::Objective => "align new objective \"Grow the pipeline\" --owner dana",
            _ => {
                "align new kr \"Cut cost per lead to 140\" --objective O-1 --owner dana --start 180 --target 140 --unit USD"
            }
        };
        return Err(Fatal::usage(
            format!("a new {} needs an owner (AL006 otherwise)", kind.noun()),
            format!("pass `--owner P`, e.g. `{example}`"),
        ));
    }
    Ok(())
}

/// A new KR's `metric: {start, target, unit}`. Without `--start` and
/// `--target` the KR would be task-driven and warned about (AL007), so
/// that is refused unless AL007 is turned off in `align.yaml`.
fn metric(
    kind: Kind,
    spec: &NewItem,
    config: &crate::config::Config,
) -> Result<Option<Value>, Fatal> {
    let given = spec.start.is_some() || spec.target.is_some() || spec.unit.is_some();
    if kind != Kind::Kr {
        if given {
            return Err(Fatal::usage(
                format!(
                    "`--start`, `--target` and `--unit` do not apply to a new {}",
                    kind.noun()
                ),
                "only a KR has a metric",
            ));
        }
        return Ok(None);
    }
    let (start, target) = match (&spec.start, &spec.target) {
        (Some(s), Some(t)) => (
            fields::number("--start", s)?,
            fields::number("--target", t)?,
        ),
        (None, None) if !given && al007_off(config) => return Ok(None),
        _ => {
            return Err(Fatal::usage(
                "a new KR needs a metric: `--start` and `--target` (AL007 otherwise)",
                "e.g. `--start 180 --target 140 --unit USD`; a KR measured by its tasks alone needs `rules: {kr-no-metric: off}` in align.yaml",
            ));
        }
    };
    if start.0 == target.0 {
        return Err(Fatal::usage(
            "`--start` and `--target` are the same, so the KR has nowhere to go",
            "a target below the start means \"decrease\", e.g. `--start 180 --target 140`",
        ));
    }
    let mut entries = vec![
        ("start".to_string(), start.1),
        ("target".to_string(), target.1),
    ];
    if let Some(u) = &spec.unit {
        entries.push(("unit".to_string(), Value::text(u.trim())));
    }
    Ok(Some(Value::plain(edit::flow_map(&entries))))
}

/// Whether `kr-no-metric` (AL007) is off in the top-level `rules`.
fn al007_off(config: &crate::config::Config) -> bool {
    config.rules.iter().any(|(name, sev)| {
        matches!(name.as_str(), "AL007" | "kr-no-metric") && *sev == crate::config::Severity::Off
    })
}

fn check_flags(kind: Kind, spec: &NewItem) -> Result<(), Fatal> {
    let not_for = |flag: &str, hint: &str| {
        Err(Fatal::usage(
            format!("`{flag}` does not apply to a new {}", kind.noun()),
            hint.to_string(),
        ))
    };
    let linked = match kind {
        Kind::Objective => "an objective links to a parent objective with `--parent`",
        Kind::Kr => "a KR links to its objective with `--objective`",
        Kind::Initiative => "an initiative links to KRs with `--kr`",
        Kind::Task => "a task links with `--kr` or `--initiative`",
    };
    if !spec.krs.is_empty() && !matches!(kind, Kind::Initiative | Kind::Task) {
        return not_for("--kr", linked);
    }
    if !spec.initiatives.is_empty() && kind != Kind::Task {
        return not_for("--initiative", linked);
    }
    if spec.objective.is_some() && kind != Kind::Kr {
        return not_for("--objective", linked);
    }
    if spec.parent.is_some() && kind != Kind::Objective {
        return not_for("--parent", linked);
    }
    if spec.due.is_some() && kind == Kind::Objective {
        return not_for("--due", "an objective's dates come from its period");
    }
    if (spec.unplanned || spec.reason.is_some()) && kind != Kind::Task {
        return not_for("--unplanned", "only tasks can be unplanned work");
    }
    if kind == Kind::Kr && spec.objective.is_none() {
        return Err(Fatal::usage(
            "a KR needs its objective",
            "pass `--objective ID`, e.g. `align new kr \"Cut cost per lead to 140\" --objective O-1 --owner dana --start 180 --target 140`",
        ));
    }
    if kind == Kind::Initiative && spec.krs.is_empty() {
        return Err(Fatal::usage(
            "an initiative needs at least one KR",
            "pass `--kr ID` (repeat it for more)",
        ));
    }
    Ok(())
}

/// Intake filtering: a task traces to a goal, or is declared unplanned
/// work with a reason where the workspace allows that.
fn intake(graph: &Graph, unplanned: Unplanned, title: &str, spec: &NewItem) -> Result<(), Fatal> {
    let linked = !spec.krs.is_empty() || !spec.initiatives.is_empty();
    if spec.unplanned {
        if linked {
            return Err(Fatal::usage(
                "an unplanned task links to no goal, but links were given",
                "drop `--unplanned --reason`, or drop the `--kr`/`--initiative` links",
            ));
        }
        if unplanned == Unplanned::Deny {
            return Err(Fatal::usage(
                "unplanned tasks are turned off in this workspace (`unplanned: deny`)",
                "link the task with `--kr ID` or `--initiative ID`",
            ));
        }
        if spec.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            return Err(Fatal::usage(
                "unplanned work needs a reason",
                "add `--reason \"why it was taken on\"`",
            ));
        }
        return Ok(());
    }
    if linked {
        return Ok(());
    }
    let krs: Vec<(&str, &str)> = graph
        .items
        .iter()
        .filter(|i| i.kind == Kind::Kr && i.status == Status::Active)
        .map(|i| (i.id.as_str(), i.title.as_deref().unwrap_or("")))
        .collect();
    let titles: BTreeMap<&str, &str> = krs.iter().copied().collect();
    let best = most_similar(title, krs.iter().copied(), 3);
    let mut help = String::new();
    if !best.is_empty() {
        help.push_str("link it to the goal it moves; the KRs closest to its title:");
        for id in &best {
            help.push_str(&format!(
                "\n    --kr {id}    {}",
                titles.get(id).copied().unwrap_or("")
            ));
        }
        help.push_str("\n  or link an initiative with `--initiative ID`");
    } else {
        help.push_str("link it with `--kr ID` or `--initiative ID` (there are no active KRs yet: `align new kr TITLE --objective ID`)");
    }
    if unplanned == Unplanned::Allow {
        help.push_str("; for reactive work, `--unplanned --reason \"why\"`");
    }
    Err(Fatal::usage(
        "a task must link to a KR or an initiative",
        help,
    ))
}

/// Where new items of `kind` go: the folder that holds most of the
/// workspace's Markdown items of that kind, else the default.
fn folder_for(graph: &Graph, kind: Kind) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in graph.items.iter().filter(|i| i.kind == kind) {
        let path = &graph.files[item.origin.file].path;
        if path.ends_with(".md")
            && let Some((dir, _)) = path.rsplit_once('/')
        {
            *counts.entry(dir).or_default() += 1;
        }
    }
    let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    best.map_or_else(|| default_folder(kind).to_string(), |(d, _)| d.to_string())
}

/// The built-in template: the fields in one fixed order, and a body that
/// says what to write there.
fn built_in(kind: Kind, fields: &[(&str, Value)]) -> String {
    let mut out = String::from("---\n");
    for (k, v) in fields {
        out.push_str(&format!("{k}: {}\n", v.render(edit::Quote::Plain)));
    }
    out.push_str("---\n");
    out.push_str(match kind {
        Kind::Objective => "Why this objective matters this period, and what success looks like.\n",
        Kind::Kr => "How this result is measured and where the number comes from. Record progress with `align checkin`.\n",
        Kind::Initiative => "What this initiative does and which KRs it should move.\n",
        Kind::Task => "",
    });
    out
}

/// A workspace template (`.align/templates/KIND.md`): its fields are set in
/// place (the template's order and comments kept), missing ones added in
/// the built-in order, and `{{title}}`, `{{id}}` and `{{date}}` in its
/// body replaced.
fn from_template(
    path: &Path,
    fields: &[(&str, Value)],
    title: &str,
    id: &str,
    as_of: Date,
) -> Result<String, Fatal> {
    let text = std::fs::read_to_string(path).map_err(|e| Fatal::io(path, e))?;
    let bad = || {
        Fatal::usage(
            format!("the template `{}` has no front-matter", path.display()),
            "start the template with `---`, its fields, and `---`",
        )
    };
    let fm = frontmatter::split(&text)
        .map_err(|_| bad())?
        .ok_or_else(bad)?;
    let body = text[fm.body..]
        .replace("{{title}}", title)
        .replace("{{id}}", id)
        .replace("{{date}}", &as_of.to_string());
    let mut out = format!("{}{body}", &text[..fm.body]);
    for (k, v) in fields {
        let change = Change::Set {
            path: vec![k.to_string()],
            value: v.clone(),
        };
        out = edit::apply(&out, true, Target::Whole, &change).map_err(|e| {
            Fatal::usage(
                format!("the template `{}`: {e}", path.display()),
                "fix the template's front-matter",
            )
        })?;
    }
    Ok(out)
}
