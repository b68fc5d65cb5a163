//! `align site [--out DIR] [--period P] [--title T]`: writes the
//! leadership view of SPEC §9 — `index.html`, one page per objective and
//! `data.json` — built from the same structs `audit`, `status`,
//! `capacity` and `trend` print, so every number agrees with them.

use std::path::{Path, PathBuf};

use jiff::ToSpan;

use crate::Outcome;
use crate::audit;
use crate::cli::{Format, SiteArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::rollup::Rollup;
use crate::site::{self, SiteData};

pub fn run(env: &Env, args: SiteArgs) -> Result<Outcome, Fatal> {
    let format = env.format("site", &[Format::Human, Format::Json])?;
    let window = super::capacity::window(env, args.period.as_deref())?;
    let out = out_dir(env, args.out.as_deref())?;
    // The trend reads its trees from git, apart from the work tree: on
    // two cores it costs no wall time beside reading and judging the
    // work tree (SPEC §7: the site within 3× the audit).
    let (dated, trend) = rayon::join(|| env.load_dated(), || trend(env));
    let (dated, trend) = (dated?, trend?);
    let config = &env.root.config;
    let graph = &dated.graph;
    let report = audit::audit(graph, config, env.as_of, &window, &dated.facts);
    // `status` judges by the configured window, as `align status` does.
    let status_window = env.window();
    let cx = audit::Context {
        graph,
        config,
        as_of: env.as_of,
        window: &status_window,
        facts: &dated.facts,
    };
    let status = Rollup::new(cx).tree();
    let capacity = audit::capacity::capacity(graph, config, env.as_of, &window, None);
    let (burnups, work) = site::kr_details(graph, &dated.facts, &report);
    let blockers = crate::blockers::blockers(graph, config, env.as_of, &dated.facts);
    let title = args.title.clone().unwrap_or_else(|| {
        env.root
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "align".into())
    });
    let input = report.input.clone();
    let data = SiteData {
        title,
        generator: format!("align {}", env!("CARGO_PKG_VERSION")),
        as_of: env.as_of,
        elapsed: site::elapsed(&report),
        audit: report,
        status,
        capacity,
        trend,
        burnups,
        work,
        blockers,
    };
    let pages = site::render(&data, config.capacity.is_some())?;
    let bytes = write(&out, &pages)?;
    let shown = out
        .strip_prefix(&env.root.dir)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| out.clone());
    let text = match format {
        Format::Json => crate::report::render::json::pretty(&serde_json::json!({
            "out": shown.display().to_string(),
            "pages": pages.iter().map(|p| &p.path).collect::<Vec<_>>(),
            "bytes": bytes,
        })),
        _ if env.quiet => String::new(),
        _ => format!(
            "Wrote {} pages and data.json ({} KiB) to {}/\nOpen {}/index.html in a browser.\n",
            pages.len() - 1,
            bytes.div_ceil(1024),
            shown.display(),
            shown.display()
        ),
    };
    env.print(&text)?;
    env.warn_input(format, &input);
    Ok(Outcome::Success)
}

/// The trend of the last 12 weeks, as `align trend` measures it; `None`
/// outside a git repository or before its first commit.
fn trend(env: &Env) -> Result<Option<crate::trend::Trend>, Fatal> {
    let Ok(repo) = crate::git::Repo::open(&env.root, "align site") else {
        return Ok(None);
    };
    if repo.first_parent_history().map_or(true, |h| h.is_empty()) {
        return Ok(None);
    }
    let since = env.as_of.checked_sub(12.weeks()).unwrap_or(env.as_of);
    let dates = crate::trend::dates(since, env.as_of, crate::trend::Step::Week);
    crate::trend::trend(&repo, &env.root, &dates, !env.no_history, |_, _| {}).map(Some)
}

/// Where the site goes: `--out` as given (relative to where align was
/// started), else `site/` under the root. The default never leaves the
/// root, even through a symbolic link.
fn out_dir(env: &Env, out: Option<&Path>) -> Result<PathBuf, Fatal> {
    if let Some(dir) = out {
        return Ok(env.cwd.join(dir));
    }
    let dir = env.root.dir.join("site");
    if let Ok(meta) = std::fs::symlink_metadata(&dir)
        && (meta.file_type().is_symlink() || !meta.is_dir())
    {
        return Err(Fatal::usage(
            format!(
                "`{}` is not a folder align can write the site into (a file or a symbolic link)",
                dir.display()
            ),
            "pass `--out DIR` to choose where the site goes",
        ));
    }
    Ok(dir)
}

/// Writes every page (each through a temporary file and a rename) and
/// removes objective pages left from an earlier run. Returns the bytes.
fn write(out: &Path, pages: &[site::Page]) -> Result<u64, Fatal> {
    let objectives = out.join("objectives");
    std::fs::create_dir_all(&objectives).map_err(|e| Fatal::io(&objectives, e))?;
    if let Ok(entries) = std::fs::read_dir(&objectives) {
        for e in entries.flatten() {
            let name = format!("objectives/{}", e.file_name().to_string_lossy());
            if name.ends_with(".html") && !pages.iter().any(|p| p.path == name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let mut bytes = 0u64;
    for p in pages {
        let path = out.join(&p.path);
        let tmp = path.with_file_name(format!(
            ".{}.align-{}.tmp",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            std::process::id()
        ));
        std::fs::write(&tmp, &p.text).map_err(|e| Fatal::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Fatal::io(&path, e)
        })?;
        bytes += p.text.len() as u64;
    }
    Ok(bytes)
}
