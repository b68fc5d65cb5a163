//! Which files git ignores (SPEC §1): inside a git work tree, files that
//! `.gitignore` (at any level, including the folders between the work
//! tree's top and the root), `.git/info/exclude` or the global excludes
//! file ignore are not read, as ripgrep and ruff do. The patterns are
//! matched by the `ignore` crate's gitignore matcher (ripgrep's own), not
//! by a parser of our own; this module only decides which files feed it,
//! in git's order of precedence, while the walk goes top-down.
//!
//! Ignore files are read with the same non-blocking, size-capped reader as
//! items: a `.gitignore` that is a FIFO must not hang a run either.

use std::path::{Path, PathBuf};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::read;

/// The ignore rules in force at one point of a top-down walk.
pub struct GitIgnores {
    /// `.gitignore` files of the folders being walked, deepest last, with
    /// the walk depth of their folder.
    stack: Vec<(usize, Gitignore)>,
    /// Rules that apply everywhere, highest precedence first: the
    /// `.gitignore` files of the folders above the root (nearest first),
    /// then `info/exclude`, then the global excludes file.
    outer: Vec<Gitignore>,
}

impl GitIgnores {
    /// The rules for a walk of `root`, or `None` when `root` is not inside
    /// a git work tree (then nothing is ignored).
    pub fn for_root(root: &Path) -> Option<GitIgnores> {
        let top = root.ancestors().find(|d| d.join(".git").exists())?;
        let mut outer = Vec::new();
        // Folders from the root's parent up to the work tree's top: their
        // `.gitignore` files apply to the root's files too.
        if root != top {
            for dir in root.ancestors().skip(1) {
                if let Some(gi) = dir_rules(dir) {
                    outer.push(gi);
                }
                if dir == top {
                    break;
                }
            }
        }
        if let Some(exclude) = common_dir(top).map(|d| d.join("info").join("exclude"))
            && let Some(gi) = file_rules(top, &exclude)
        {
            outer.push(gi);
        }
        let (global, _) = GitignoreBuilder::new(top).build_global();
        if !global.is_empty() {
            outer.push(global);
        }
        Some(GitIgnores {
            stack: Vec::new(),
            outer,
        })
    }

    /// Called for every folder the walk enters (the root at depth 0): its
    /// `.gitignore` applies below it, until the walk leaves it.
    pub fn enter(&mut self, dir: &Path, depth: usize) {
        self.leave_to(depth);
        if let Some(gi) = dir_rules(dir) {
            self.stack.push((depth, gi));
        }
    }

    /// Whether git ignores `path`, an entry at walk depth `depth`. Folders
    /// that are ignored are not walked, so a file's parents need no check
    /// (git never re-includes a file under an excluded folder either).
    pub fn is_ignored(&mut self, path: &Path, is_dir: bool, depth: usize) -> bool {
        self.leave_to(depth);
        let nearest_first = self
            .stack
            .iter()
            .rev()
            .map(|(_, gi)| gi)
            .chain(self.outer.iter());
        for gi in nearest_first {
            match gi.matched(path, is_dir) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => {}
            }
        }
        false
    }

    /// Drops the rules of folders the walk has left: an entry at `depth`
    /// is governed by the folders at smaller depths only.
    fn leave_to(&mut self, depth: usize) {
        while self.stack.last().is_some_and(|(d, _)| *d >= depth) {
            self.stack.pop();
        }
    }
}

/// The rules of `dir/.gitignore`, when it has any.
fn dir_rules(dir: &Path) -> Option<Gitignore> {
    file_rules(dir, &dir.join(".gitignore"))
}

/// The rules of an ignore file whose patterns are relative to `base`.
fn file_rules(base: &Path, file: &Path) -> Option<Gitignore> {
    let bytes = read::read_regular(file, read::Links::Follow).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut builder = GitignoreBuilder::new(base);
    for line in text.lines() {
        // A bad pattern is skipped, as git skips it; the others still apply.
        let _ = builder.add_line(Some(file.to_path_buf()), line);
    }
    builder.build().ok().filter(|gi| !gi.is_empty())
}

/// The git directory that holds `info/exclude` for the work tree at `top`:
/// `.git` itself, or for a linked work tree (`.git` is a file saying
/// `gitdir: …`) the main repository's, named by its `commondir` file.
fn common_dir(top: &Path) -> Option<PathBuf> {
    let dot_git = top.join(".git");
    if dot_git.is_dir() {
        return Some(dot_git);
    }
    let bytes = read::read_regular(&dot_git, read::Links::Follow).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let gitdir = text.lines().find_map(|l| l.strip_prefix("gitdir:"))?.trim();
    let gitdir = top.join(gitdir);
    match read::read_regular(&gitdir.join("commondir"), read::Links::Follow) {
        Ok(common) => Some(gitdir.join(String::from_utf8_lossy(&common).trim())),
        Err(_) => Some(gitdir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn nearest_rule_wins_and_rules_end_with_their_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path();
        std::fs::create_dir(top.join(".git")).unwrap();
        write(&top.join(".gitignore"), "*.tmp.md\ndrafts/\n");
        write(&top.join("a/.gitignore"), "!keep.tmp.md\nlocal.md\n");
        write(&top.join(".git/info/exclude"), "private.md\n");
        let mut ig = GitIgnores::for_root(top).unwrap();
        ig.enter(top, 0);
        assert!(ig.is_ignored(&top.join("x.tmp.md"), false, 1));
        assert!(ig.is_ignored(&top.join("drafts"), true, 1));
        assert!(ig.is_ignored(&top.join("private.md"), false, 1));
        assert!(!ig.is_ignored(&top.join("local.md"), false, 1));
        ig.enter(&top.join("a"), 1);
        assert!(ig.is_ignored(&top.join("a/local.md"), false, 2));
        assert!(!ig.is_ignored(&top.join("a/keep.tmp.md"), false, 2));
        assert!(ig.is_ignored(&top.join("a/other.tmp.md"), false, 2));
        // Back at depth 1, `a/.gitignore` no longer applies.
        assert!(!ig.is_ignored(&top.join("b"), true, 1));
        ig.enter(&top.join("b"), 1);
        assert!(!ig.is_ignored(&top.join("b/local.md"), false, 2));
    }

    #[test]
    fn rules_above_the_root_apply_and_outside_git_nothing_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path();
        assert!(GitIgnores::for_root(top).is_none());
        std::fs::create_dir(top.join(".git")).unwrap();
        write(&top.join(".gitignore"), "/okrs/old.md\n");
        write(&top.join("okrs/.gitignore"), "scratch.md\n");
        let root = top.join("okrs");
        let mut ig = GitIgnores::for_root(&root).unwrap();
        ig.enter(&root, 0);
        assert!(ig.is_ignored(&root.join("old.md"), false, 1));
        assert!(ig.is_ignored(&root.join("scratch.md"), false, 1));
        assert!(!ig.is_ignored(&root.join("KR-1.md"), false, 1));
    }

    #[test]
    fn linked_work_trees_use_the_main_repository_exclude_file() {
        let tmp = tempfile::tempdir().unwrap();
        let main = tmp.path().join("main/.git");
        write(&main.join("info/exclude"), "mine.md\n");
        write(&main.join("worktrees/wt/commondir"), "../..\n");
        let wt = tmp.path().join("wt");
        write(
            &wt.join(".git"),
            &format!("gitdir: {}\n", main.join("worktrees/wt").display()),
        );
        let mut ig = GitIgnores::for_root(&wt).unwrap();
        ig.enter(&wt, 0);
        assert!(ig.is_ignored(&wt.join("mine.md"), false, 1));
    }
}
