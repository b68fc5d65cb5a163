//! The one table of item fields (SPEC §2). The parser, the editor's value
//! checks, `align new`, `align show`, the staged cache and `align schema`
//! all read this table, so adding a field is one row here plus its
//! semantics. The row order is the order fields are written in a new file
//! and shown by `align show`.

use super::{Kind, LinkField};

/// A set of kinds, as a bit mask over [`Kind::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds(u8);

impl Kinds {
    pub const NONE: Kinds = Kinds(0);
    pub const ALL: Kinds = Kinds(0b1111);
    pub const OBJECTIVE: Kinds = Kinds::of(Kind::Objective);
    pub const KR: Kinds = Kinds::of(Kind::Kr);
    pub const INITIATIVE: Kinds = Kinds::of(Kind::Initiative);
    pub const TASK: Kinds = Kinds::of(Kind::Task);
    /// Objectives and KRs.
    pub const GOALS: Kinds = Kinds(Kinds::OBJECTIVE.0 | Kinds::KR.0);
    /// Initiatives and tasks.
    pub const WORK: Kinds = Kinds(Kinds::INITIATIVE.0 | Kinds::TASK.0);

    /// The set holding one kind.
    pub const fn of(kind: Kind) -> Kinds {
        Kinds(1 << kind as u8)
    }

    /// Whether `kind` is in the set.
    pub const fn has(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    /// The union of two sets.
    pub const fn or(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    /// The kinds in the set, in goal-chain order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.has(*k))
    }
}

/// What a field holds, which decides how it is read, checked and edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// An id (`^[A-Za-z0-9][A-Za-z0-9_.-]*$`).
    Id,
    /// One of align's kinds.
    Kind,
    /// Free text.
    Text,
    /// One person (more than one is AL006 on goals).
    Person,
    /// A list of plain words (`labels`).
    Words,
    /// A `YYYY-MM-DD` date.
    Date,
    /// A number of 0 or more.
    Number,
    /// `true` or `false`.
    Bool,
    /// A status of the item's kind, or a configured spelling.
    Status,
    /// `2026-Q4`, `2026-H2`, `2026` or `{start, end}`.
    Period,
    /// One id or a list of ids naming items of the link field's kind.
    Link(LinkField),
    /// A mapping of the parts listed in [`PARTS`].
    Parts,
    /// A list of mappings of the parts listed in [`PARTS`].
    Entries,
}

/// How `align set` treats a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settable {
    Yes,
    /// Refused, with what to do instead.
    No(&'static str),
}

/// One field of SPEC §2.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The front-matter key.
    pub name: &'static str,
    /// The kinds that may carry it.
    pub kinds: Kinds,
    pub ty: FieldType,
    /// The kinds on which it must be written (AL015).
    pub required: Kinds,
    pub set: Settable,
    /// One line for `align schema` and the README.
    #[cfg_attr(not(test), allow(dead_code))]
    pub doc: &'static str,
}

/// A part of a mapping field (`metric.start`) or of each entry of a list
/// field (`checkins[].value`).
#[derive(Debug, Clone, Copy)]
pub struct Part {
    /// The field it belongs to.
    pub of: &'static str,
    pub name: &'static str,
    pub ty: FieldType,
    /// Whether `align set FIELD.PART=…` may change it.
    pub settable: bool,
    #[cfg_attr(not(test), allow(dead_code))]
    pub doc: &'static str,
}

const fn field(name: &'static str, kinds: Kinds, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        kinds,
        ty,
        required: Kinds::NONE,
        set: Settable::Yes,
        doc,
    }
}

impl Field {
    const fn required(mut self, kinds: Kinds) -> Field {
        self.required = kinds;
        self
    }

    const fn refused(mut self, help: &'static str) -> Field {
        self.set = Settable::No(help);
        self
    }
}

/// Every field of every kind, in the order a new file writes them.
pub const FIELDS: &[Field] = &[
    field("id", Kinds::ALL, FieldType::Id, "The item's id; defaults to the file name without its extension.")
        .refused("an id is named in links and file names; rename it by hand, then fix the links `align lint` reports"),
    field("kind", Kinds::ALL, FieldType::Kind, "objective, kr, initiative or task.")
        .refused("create the item anew with `align new KIND TITLE` and remove the old one"),
    field("title", Kinds::ALL, FieldType::Text, "What the item is, in one line.").required(Kinds::ALL),
    field("parent", Kinds::OBJECTIVE, FieldType::Link(LinkField::Parent), "The objective this one cascades from."),
    field("objective", Kinds::KR, FieldType::Link(LinkField::Objective), "The objective this KR measures.")
        .required(Kinds::KR),
    field("kr", Kinds::WORK, FieldType::Link(LinkField::Kr), "The KRs this work moves.")
        .required(Kinds::INITIATIVE),
    field("initiative", Kinds::TASK, FieldType::Link(LinkField::Initiative), "The initiatives this task belongs to."),
    field("depends_on", Kinds::TASK, FieldType::Link(LinkField::DependsOn), "Tasks that must be done first."),
    field("owner", Kinds::ALL, FieldType::Person, "The one person who owns it."),
    field("team", Kinds::ALL, FieldType::Text, "The team it belongs to; scopes the starved-KR share."),
    field("status", Kinds::ALL, FieldType::Status, "Goals: active, done, cancelled. Work: todo, doing, blocked, done, cancelled."),
    field("period", Kinds::OBJECTIVE, FieldType::Period, "2026-Q4, 2026-H2, 2026, or {start, end}."),
    field("weight", Kinds::GOALS, FieldType::Number, "Weight in rollups (default 1)."),
    field("metric", Kinds::KR, FieldType::Parts, "How the KR is measured: {start, target, current?, unit?}.")
        .refused("set its parts: `metric.start=…`, `metric.target=…`, `metric.current=…`, `metric.unit=…`"),
    field("checkins", Kinds::KR, FieldType::Entries, "Dated values: [{date, value, confidence?, note?}].")
        .refused("record a check-in with `align checkin KR VALUE`"),
    field("start", Kinds::INITIATIVE, FieldType::Date, "When the initiative starts."),
    field("due", Kinds::KR.or(Kinds::WORK), FieldType::Date, "When it is due (on a KR, the end of its period)."),
    field("done", Kinds::TASK, FieldType::Date, "The day the task was finished."),
    field("estimate", Kinds::TASK, FieldType::Number, "Size of the task (default 1)."),
    field("labels", Kinds::ALL, FieldType::Words, "Free labels."),
    field("unplanned", Kinds::TASK, FieldType::Bool, "Reactive work that opts out of linking."),
    field("reason", Kinds::TASK, FieldType::Text, "Why unplanned work was taken on."),
    field("requested_by", Kinds::TASK, FieldType::Text, "Who asked for the work."),
    field("raci", Kinds::WORK, FieldType::Parts, "{responsible, accountable, consulted, informed}.")
        .refused("set its parts: `raci.responsible=…`, `raci.accountable=…`, `raci.consulted=…`, `raci.informed=…`"),
    field("created", Kinds::ALL, FieldType::Date, "The day it was created."),
    field("updated", Kinds::ALL, FieldType::Date, "The day it was last updated."),
    field("blocked_since", Kinds::WORK, FieldType::Date, "When it became blocked (else history, else `updated`)."),
];

/// The parts of the mapping and list fields.
pub const PARTS: &[Part] = &[
    part(
        "period",
        "start",
        FieldType::Date,
        false,
        "First day of the period.",
    ),
    part(
        "period",
        "end",
        FieldType::Date,
        false,
        "Last day of the period.",
    ),
    part(
        "metric",
        "start",
        FieldType::Number,
        true,
        "Value at the start of the period.",
    ),
    part(
        "metric",
        "target",
        FieldType::Number,
        true,
        "Value to reach; below the start means decrease.",
    ),
    part(
        "metric",
        "current",
        FieldType::Number,
        true,
        "Value now, when there are no check-ins.",
    ),
    part(
        "metric",
        "unit",
        FieldType::Text,
        true,
        "Unit of the values.",
    ),
    part(
        "checkins",
        "date",
        FieldType::Date,
        false,
        "Day of the check-in.",
    ),
    part(
        "checkins",
        "value",
        FieldType::Number,
        false,
        "Value measured.",
    ),
    part(
        "checkins",
        "confidence",
        FieldType::Number,
        false,
        "Chance of reaching the target, 0 to 1.",
    ),
    part("checkins", "note", FieldType::Text, false, "A note."),
    part(
        "raci",
        "responsible",
        FieldType::Person,
        true,
        "Who does the work.",
    ),
    part(
        "raci",
        "accountable",
        FieldType::Person,
        true,
        "The one person who answers for it.",
    ),
    part(
        "raci",
        "consulted",
        FieldType::Person,
        true,
        "Who is asked.",
    ),
    part("raci", "informed", FieldType::Person, true, "Who is told."),
];

const fn part(
    of: &'static str,
    name: &'static str,
    ty: FieldType,
    settable: bool,
    doc: &'static str,
) -> Part {
    Part {
        of,
        name,
        ty,
        settable,
        doc,
    }
}

/// The fields an item of `kind` may carry, in table order.
pub fn fields_of(kind: Kind) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(move |f| f.kinds.has(kind))
}

/// The field named `name`, of any kind.
pub fn field_named(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The parts of the field `of`.
pub fn parts_of(of: &str) -> impl Iterator<Item = &'static Part> {
    PARTS.iter().filter(move |p| p.of == of)
}

/// Where a field stands in table order (for sorting written fields).
pub fn rank(name: &str) -> usize {
    FIELDS
        .iter()
        .position(|f| f.name == name)
        .unwrap_or(FIELDS.len())
}

/// The field table as Markdown, for the README (kept current by a test).
#[cfg(test)]
pub fn markdown() -> String {
    let kinds = |k: Kinds| -> String {
        if k == Kinds::ALL {
            "all".into()
        } else {
            k.iter().map(Kind::as_str).collect::<Vec<_>>().join(", ")
        }
    };
    let mut out = String::from(
        "| field | kinds | holds | required on | what it is |\n|---|---|---|---|---|\n",
    );
    for f in FIELDS {
        let required = if f.required == Kinds::NONE {
            String::new()
        } else {
            kinds(f.required)
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            f.name,
            kinds(f.kinds),
            f.ty.describe(),
            required,
            f.doc
        ));
        for p in parts_of(f.name) {
            out.push_str(&format!(
                "| `{}.{}` | | {} | | {} |\n",
                p.of,
                p.name,
                p.ty.describe(),
                p.doc
            ));
        }
    }
    out
}

#[cfg(test)]
impl FieldType {
    /// What the type holds, in a few words.
    pub fn describe(self) -> String {
        match self {
            FieldType::Id => "id".into(),
            FieldType::Kind => "kind".into(),
            FieldType::Text => "text".into(),
            FieldType::Person => "person".into(),
            FieldType::Words => "list of text".into(),
            FieldType::Date => "date".into(),
            FieldType::Number => "number".into(),
            FieldType::Bool => "true or false".into(),
            FieldType::Status => "status".into(),
            FieldType::Period => "period".into(),
            FieldType::Link(l) => format!("{} id(s)", l.target_kind().as_str()),
            FieldType::Parts => "mapping".into(),
            FieldType::Entries => "list of mappings".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_links_agree_with_link_fields() {
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
        for link in LinkField::ALL {
            let f = FIELDS
                .iter()
                .find(|f| f.ty == FieldType::Link(link))
                .expect("every link field has a row");
            assert_eq!(f.name, link.as_str());
            for kind in Kind::ALL {
                assert_eq!(
                    f.kinds.has(kind),
                    LinkField::allowed_for(kind).contains(&link),
                    "{} on {kind}",
                    f.name
                );
            }
        }
        for p in PARTS {
            let owner = field_named(p.of).expect("a part's field has a row");
            assert!(matches!(
                owner.ty,
                FieldType::Parts | FieldType::Entries | FieldType::Period
            ));
        }
    }

    #[test]
    fn the_only_required_text_field_is_the_title() {
        // The parser checks a required text field by its parsed title.
        let text: Vec<&str> = FIELDS
            .iter()
            .filter(|f| f.ty == FieldType::Text && f.required != Kinds::NONE)
            .map(|f| f.name)
            .collect();
        assert_eq!(text, ["title"]);
    }

    /// The README's field table is this table; `UPDATE_README=1 cargo
    /// test schema` rewrites it.
    #[test]
    fn the_readme_field_table_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let (start, end) = ("<!-- fields:start -->\n", "<!-- fields:end -->");
        let a = text.find(start).expect("README has the fields markers") + start.len();
        let b = text.find(end).expect("README has the fields markers");
        if std::env::var_os("UPDATE_README").is_some() {
            let new = format!("{}{}{}", &text[..a], markdown(), &text[b..]);
            std::fs::write(&path, new).unwrap();
        } else {
            assert_eq!(
                &text[a..b],
                markdown(),
                "README.md's field table is stale; run `UPDATE_README=1 cargo test schema` and commit it"
            );
        }
    }

    #[test]
    fn kinds_sets() {
        assert!(Kinds::WORK.has(Kind::Task) && !Kinds::WORK.has(Kind::Kr));
        assert_eq!(Kinds::ALL.iter().count(), 4);
        assert_eq!(
            Kinds::KR.or(Kinds::TASK).iter().collect::<Vec<_>>(),
            [Kind::Kr, Kind::Task]
        );
    }
}
