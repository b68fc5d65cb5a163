//! `align hook install|uninstall [--force]`: a pre-commit hook that runs
//! `align lint --staged`, honouring `core.hooksPath`, chaining an existing
//! hook instead of replacing it, and restoring it on uninstall.

use std::path::Path;

use crate::Outcome;
use crate::cli::{HookAction, HookArgs};
use crate::commands::Env;
use crate::error::Fatal;
use crate::git::Repo;

/// Marks the hooks `align` wrote, so it never removes someone else's.
const MARKER: &str = "# installed by `align hook install`";
/// Where a hook that was there before is kept (and run, when chained).
const SAVED: &str = "pre-commit.pre-align";

pub fn run(env: &Env, args: HookArgs) -> Result<Outcome, Fatal> {
    let repo = Repo::open(&env.root, "align hook")?;
    let dir = repo.hooks_dir()?;
    let hook = dir.join("pre-commit");
    let saved = dir.join(SAVED);
    let current = std::fs::read_to_string(&hook).ok();
    let ours = current.as_deref().is_some_and(|t| t.contains(MARKER));
    let say = |msg: String| env.print(&msg);
    match args.action {
        HookAction::Install { force } => {
            if ours && !force {
                say(format!(
                    "the align pre-commit hook is already installed at {}\n",
                    hook.display()
                ))?;
                return Ok(Outcome::Success);
            }
            std::fs::create_dir_all(&dir).map_err(|e| Fatal::io(&dir, e))?;
            let chained = if current.is_some() && !ours {
                if saved.exists() {
                    return Err(Fatal::usage(
                        format!("both {} and {} exist", hook.display(), saved.display()),
                        "remove or merge one of them by hand, then install again",
                    ));
                }
                std::fs::rename(&hook, &saved).map_err(|e| Fatal::io(&hook, e))?;
                !force
            } else {
                ours && saved.exists() && !force
            };
            let exe = std::env::current_exe().map_err(|e| Fatal::io("align", e))?;
            write_script(&hook, &script(&exe, repo.prefix(), chained))?;
            let how = if chained {
                format!(" (it runs your previous hook first, kept as {SAVED})")
            } else {
                String::new()
            };
            say(format!(
                "installed the pre-commit hook at {}{how}\ncommits now run `align lint --staged`; `git commit --no-verify` skips it\n",
                hook.display()
            ))?;
        }
        HookAction::Uninstall => {
            if current.is_some() && !ours {
                return Err(Fatal::usage(
                    format!("{} was not written by align", hook.display()),
                    "remove it by hand if you mean to",
                ));
            }
            if ours {
                std::fs::remove_file(&hook).map_err(|e| Fatal::io(&hook, e))?;
            }
            if saved.exists() {
                std::fs::rename(&saved, &hook).map_err(|e| Fatal::io(&saved, e))?;
                say(format!(
                    "removed the align hook and restored the previous pre-commit hook at {}\n",
                    hook.display()
                ))?;
            } else if ours {
                say(format!(
                    "removed the align pre-commit hook from {}\n",
                    hook.display()
                ))?;
            } else {
                say("no align pre-commit hook is installed\n".into())?;
            }
        }
    }
    Ok(Outcome::Success)
}

/// The hook script: run the chained hook first (with the same arguments and
/// stdin), then `align lint --staged` from the align root.
fn script(exe: &Path, prefix: &str, chained: bool) -> String {
    let exe = shell_quote(&exe.display().to_string());
    let root = if prefix.is_empty() {
        ".".to_string()
    } else {
        shell_quote(prefix)
    };
    let chain = if chained {
        format!(
            "hook_dir=$(dirname \"$0\")\nif [ -x \"$hook_dir/{SAVED}\" ]; then\n  \"$hook_dir/{SAVED}\" \"$@\" || exit $?\nfi\n"
        )
    } else {
        String::new()
    };
    format!(
        "#!/bin/sh\n{MARKER}\n# Rejects commits whose staged goals and tasks do not trace (see `align explain`).\n{chain}align={exe}\nif ! [ -x \"$align\" ]; then align=align; fi\nexec \"$align\" -C {root} lint --staged --format short\n"
    )
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn write_script(path: &Path, text: &str) -> Result<(), Fatal> {
    std::fs::write(path, text).map_err(|e| Fatal::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Fatal::io(path, e))?;
    }
    Ok(())
}
