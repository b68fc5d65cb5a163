//! `align init`: a commented `align.yaml`, the folder skeleton, and
//! optionally a small realistic example workspace. Nothing that exists is
//! ever replaced: existing files are kept and reported as kept.

use std::path::Path;

use crate::edit::{self, EditError};
use crate::error::Fatal;

use super::create::default_folder;
use super::examples;
use crate::model::Kind;

/// The `align.yaml` written by `align init`: the common settings, each
/// explained, the rest shown commented out.
pub const CONFIG: &str = r#"# align.yaml: settings for `align`. Every key is optional; `align config`
# prints the effective settings with the defaults filled in.

# Which files are read (globs relative to this folder).
include: ["okrs/**", "work/**"]

# Files in these folders get this kind even when they do not say `kind:`.
kind_by_path: { "work/tasks/**": task }

# The default audit window: quarter | half | year.
period: quarter

# May a task opt out of linking to a goal with `unplanned: true` and a
# `reason`? allow | deny
unplanned: allow

# How `align new` names tasks: random (T-7kq3: two branches never collide)
# or sequential (T-12).
ids: random

# Extra spellings mapped onto the canonical statuses.
# statuses:
#   doing: [in-progress, review]
#   done: [shipped]

# When set, every owner must be one of these people.
# people: [dana, sam, lee]

# Thresholds of `align audit`; it exits 1 when a gate is breached.
# audit:
#   max_untraced_percent: 30
#   stale_days: 14

# Severity per rule code or name: error | warning | off.
# rules:
#   AL009: off
"#;

/// The example workspaces, by name.
pub fn example(name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match name {
        "marketing" => Some(examples::MARKETING),
        "product" => Some(examples::PRODUCT),
        _ => None,
    }
}

/// What `init` did: files created and files that were already there.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Written {
    pub created: Vec<String>,
    pub kept: Vec<String>,
}

/// Writes the skeleton (and the example `name`, if any) into `dir`.
pub fn init(dir: &Path, example_name: Option<&str>) -> Result<Written, Fatal> {
    let mut files: Vec<(String, &str)> = Vec::new();
    match example_name {
        Some(name) => {
            let list = example(name).ok_or_else(|| {
                Fatal::usage(
                    format!("there is no example `{name}`"),
                    "use `--example marketing` or `--example product`",
                )
            })?;
            files.extend(list.iter().map(|(p, t)| (p.to_string(), *t)));
        }
        None => {
            files.push(("align.yaml".into(), CONFIG));
            for kind in Kind::ALL {
                files.push((format!("{}/.gitkeep", default_folder(kind)), ""));
            }
        }
    }
    let mut written = Written::default();
    for (rel, text) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Fatal::io(parent, e))?;
        }
        match edit::create_new(&path, text.as_bytes()) {
            Ok(()) => written.created.push(rel),
            Err(EditError::Exists { .. }) => written.kept.push(rel),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_is_valid_and_defaults_are_kept() {
        let c = crate::config::Config::parse(CONFIG, Path::new("align.yaml")).unwrap();
        assert_eq!(c.ids, crate::config::IdScheme::Random);
    }

    /// The embedded examples are exactly the files under `examples/`.
    #[test]
    fn embedded_examples_match_the_folder() {
        for name in ["marketing", "product"] {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(name);
            let mut on_disk: Vec<String> = walkdir::WalkDir::new(&root)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| crate::workspace::relative(&root, e.path()).unwrap())
                .collect();
            on_disk.sort();
            let embedded: Vec<String> = example(name)
                .unwrap()
                .iter()
                .map(|(p, _)| p.to_string())
                .collect();
            assert_eq!(
                embedded, on_disk,
                "src/authoring/examples.rs is out of date with examples/{name}: add or remove its include_str! lines"
            );
            for (p, text) in example(name).unwrap() {
                assert_eq!(std::fs::read_to_string(root.join(p)).unwrap(), *text);
            }
        }
    }
}
