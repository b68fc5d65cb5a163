//! `align new KIND TITLE`: intake (SPEC §4). Plans the item with the
//! library (`authoring::create`), writes it, optionally opens it in the
//! editor, and prints its path so `$EDITOR $(align new …)` works.

use std::path::Path;
use std::process::Command;

use crate::Outcome;
use crate::authoring::create::{self, NewItem};
use crate::cli::{Format, NewArgs, NewKind};
use crate::commands::Env;
use crate::error::Fatal;
use crate::model::Kind;
use crate::workspace;

pub fn run(env: &Env, args: NewArgs) -> Result<Outcome, Fatal> {
    let format = env.format("new", &[Format::Human, Format::Json])?;
    let kind = match args.kind {
        NewKind::Objective => Kind::Objective,
        NewKind::Kr => Kind::Kr,
        NewKind::Initiative => Kind::Initiative,
        NewKind::Task => Kind::Task,
    };
    let spec = NewItem {
        kind: Some(kind),
        title: args.title,
        krs: args.krs,
        initiatives: args.initiatives,
        objective: args.objective,
        parent: args.parent,
        owner: args.owner,
        due: args.due,
        start: args.start,
        target: args.target,
        unit: args.unit,
        labels: args.labels,
        unplanned: args.unplanned,
        reason: args.reason,
        id: args.id,
    };
    let graph = env.load_graph()?;
    let planned = create::create(&env.root, &graph, env.as_of, &spec)?;
    let (include, exclude) = workspace::matchers(&env.root.config)?;
    if !workspace::wanted(&planned.rel, &include, &exclude) && !env.quiet {
        crate::output::eprint(&format!(
            "warning: `{}` is not matched by `include` in align.yaml, so align will not read it\n  help: add its folder to `include`\n",
            planned.rel
        ));
    }
    if args.edit {
        open_editor(&planned.path)?;
    }
    let shown = shown_path(&planned.path);
    let text = match format {
        Format::Json => format!(
            "{}\n",
            serde_json::json!({"id": planned.id, "kind": planned.kind.as_str(), "path": planned.rel})
        ),
        _ => format!("{shown}\n"),
    };
    env.print(&text)?;
    Ok(Outcome::Success)
}

/// The path as the shell that ran `align` can use it: relative to the
/// process's folder when inside it, else absolute.
fn shown_path(path: &Path) -> String {
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let real = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    match here.as_deref().and_then(|h| real.strip_prefix(h).ok()) {
        Some(rel) => rel.display().to_string(),
        None => real.display().to_string(),
    }
}

/// Opens `path` in `$VISUAL`, else `$EDITOR` (which may hold arguments,
/// e.g. `code -w`), and waits for it.
fn open_editor(path: &Path) -> Result<(), Fatal> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty())
        .ok_or_else(|| {
            Fatal::usage(
                format!(
                    "`--edit`: neither $VISUAL nor $EDITOR is set (the file was created: {})",
                    path.display()
                ),
                "set one, e.g. `export EDITOR=vim`",
            )
        })?;
    let editor = editor.to_string_lossy().into_owned();
    let status = if cfg!(windows) {
        Command::new("cmd")
            .arg("/C")
            .arg(format!("{editor} \"{}\"", path.display()))
            .status()
    } else {
        Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(path)
            .status()
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(Fatal::usage(
            format!(
                "the editor `{editor}` exited with {s} (the file was created: {})",
                path.display()
            ),
            "check $VISUAL / $EDITOR",
        )),
        Err(e) => Err(Fatal::usage(
            format!(
                "the editor `{editor}` could not be started: {e} (the file was created: {})",
                path.display()
            ),
            "check $VISUAL / $EDITOR",
        )),
    }
}
