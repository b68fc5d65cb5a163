//! `align checkin KR VALUE`: appends a check-in to the KR's file and
//! changes nothing else in it (SPEC §4).

use crate::Outcome;
use crate::authoring::{self, fields};
use crate::cli::CheckinArgs;
use crate::commands::Env;
use crate::error::Fatal;
use crate::model::Kind;

pub fn run(env: &Env, args: CheckinArgs) -> Result<Outcome, Fatal> {
    let format = super::edit_format(env, "checkin")?;
    let entry = fields::checkin_entry(
        &args.value,
        args.confidence.as_deref(),
        args.note.as_deref(),
        args.date.as_deref(),
        env.as_of,
    )?;
    let authoring::Editing { graph, ix, mut doc } =
        authoring::edit_item(&env.root, || env.load_graph(), &args.kr)?;
    let item = &graph.items[ix];
    if item.kind != Kind::Kr {
        return Err(Fatal::usage(
            format!(
                "`{}` is {}, and only KRs take check-ins",
                item.id,
                item.kind.a_noun()
            ),
            "name a KR, e.g. `align checkin KR-3 35.25`",
        ));
    }
    doc.append("checkins", entry)?;
    doc.commit()?;
    super::report_edit(env, format, item, &graph.file_of(ix).path, &["checkins"])
}
