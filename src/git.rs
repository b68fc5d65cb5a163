//! Everything `align` learns from git, and the only user of git2: the
//! staged snapshot for `lint --staged`, the tree of any revision for
//! `lint --base` and `trend`, the versions of the item files (walked
//! only as deep as asked, cached: [`History`]), and where hooks live. It
//! hands plain facts to the rest.

use std::path::{Path, PathBuf};

use git2::{Delta, DiffOptions, ObjectType, Oid, Repository, TreeWalkMode, TreeWalkResult};
use jiff::civil::Date;

use crate::config::Root;
use crate::error::Fatal;
use crate::workspace::{self, Content, Input};

mod history;
pub use history::{History, Version, Versions};

/// A blob's id. Opaque outside this module, so git2 stays here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlobId(Oid);

/// A commit's id. Opaque outside this module, so git2 stays here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommitId(Oid);

impl BlobId {
    /// Whether this id is written as the hex string `hex`, without
    /// allocating (the staged cache compares 100,000 of them).
    pub fn is_hex(&self, hex: &str) -> bool {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let raw = self.0.as_bytes();
        hex.len() == raw.len() * 2
            && raw.iter().zip(hex.as_bytes().chunks(2)).all(|(b, h)| {
                h[0] == DIGITS[usize::from(b >> 4)] && h[1] == DIGITS[usize::from(b & 0xf)]
            })
    }
}

impl std::fmt::Display for BlobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::fmt::Display for CommitId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A root-relative path the index changes, with its HEAD content if any.
pub type StagedChange = (String, Option<Vec<u8>>);

/// An open repository and where the align root sits inside its work tree.
pub struct Repo {
    repo: Repository,
    /// The root relative to the work tree, `/`-separated, `""` at the top.
    prefix: String,
}

fn git_err(e: git2::Error) -> Fatal {
    Fatal::Git {
        message: format!("git: {}", e.message()),
        help: "check that the repository is not corrupt (`git fsck`)".into(),
    }
}

impl Repo {
    /// Opens the repository that holds `root`, or says clearly that the
    /// command needs one (SPEC §6).
    pub fn open(root: &Root, command: &str) -> Result<Repo, Fatal> {
        // Like git itself, trust the object store on read: re-hashing every
        // tree and blob read costs more than the rest of a staged check.
        git2::opts::strict_hash_verification(false);
        // libgit2 caches no tree over 4 KiB, so a folder of a few hundred
        // files was read again for every commit the history walk compares.
        // SAFETY: a process-wide setting, written before any thread of
        // this process uses git (commands open the repository first).
        unsafe {
            let _ = git2::opts::set_cache_object_limit(ObjectType::Tree, 4 << 20);
        }
        let repo = Repository::discover(&root.dir).map_err(|_| Fatal::Git {
            message: format!(
                "`{command}` needs a git repository, and `{}` is not inside one",
                root.dir.display()
            ),
            help: "run it inside a git work tree (`git init` makes one)".into(),
        })?;
        let workdir = repo.workdir().ok_or_else(|| Fatal::Git {
            message: format!("`{command}` needs a work tree, and this repository is bare"),
            help: "run it in a clone with a work tree".into(),
        })?;
        let workdir = workdir.canonicalize().map_err(|e| Fatal::io(workdir, e))?;
        let prefix = workspace::relative(&workdir, &root.dir).unwrap_or_default();
        Ok(Repo { repo, prefix })
    }

    /// The root-relative path of a repository path, if it is under the root.
    fn under_root(&self, repo_path: &str) -> Option<String> {
        if self.prefix.is_empty() {
            return Some(repo_path.to_string());
        }
        repo_path
            .strip_prefix(&self.prefix)
            .and_then(|p| p.strip_prefix('/'))
            .map(str::to_string)
    }

    /// Whether the repository is a shallow clone (history is cut).
    pub fn is_shallow(&self) -> bool {
        self.repo.is_shallow()
    }

    /// The files staged in the index that the config includes, with their
    /// blob ids, sorted (SPEC §4 `lint --staged`). Conflicted entries,
    /// submodules and symlinks are not item files.
    pub fn staged_blobs(&self, root: &Root) -> Result<Vec<(String, BlobId)>, Fatal> {
        let (include, exclude) = workspace::matchers(&root.config)?;
        let index = self.repo.index().map_err(git_err)?;
        let mut out = Vec::new();
        for entry in index.iter() {
            let path = String::from_utf8_lossy(&entry.path).into_owned();
            let Some(rel) = self.under_root(&path) else {
                continue;
            };
            let stage = (entry.flags >> 12) & 0x3;
            if stage == 0
                && entry.mode & 0o170000 == 0o100000
                && workspace::wanted(&rel, &include, &exclude)
            {
                out.push((rel, BlobId(entry.id)));
            }
        }
        out.sort();
        Ok(out)
    }

    /// The git directory shared by all worktrees (where caches live).
    pub fn common_dir(&self) -> &Path {
        self.repo.commondir()
    }

    /// Root-relative paths whose staged content differs from HEAD (added,
    /// modified, deleted or renamed), with the HEAD content of each that
    /// existed there.
    pub fn staged_changes(&self) -> Result<Vec<StagedChange>, Fatal> {
        let head_tree = match self.repo.head() {
            Ok(h) => Some(h.peel_to_tree().map_err(git_err)?),
            Err(_) => None, // no commits yet: everything staged is new
        };
        let index = self.repo.index().map_err(git_err)?;
        let mut opts = DiffOptions::new();
        if !self.prefix.is_empty() {
            opts.pathspec(&self.prefix);
        }
        let diff = self
            .repo
            .diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut opts))
            .map_err(git_err)?;
        let mut out = Vec::new();
        for delta in diff.deltas() {
            for file in [delta.old_file(), delta.new_file()] {
                let Some(path) = file.path().and_then(Path::to_str) else {
                    continue;
                };
                let Some(rel) = self.under_root(&path.replace('\\', "/")) else {
                    continue;
                };
                if out.iter().any(|(p, _)| *p == rel) {
                    continue;
                }
                let old = if delta.status() == Delta::Added || file.id().is_zero() {
                    None
                } else {
                    self.repo
                        .find_blob(delta.old_file().id())
                        .ok()
                        .map(|b| b.content().to_vec())
                };
                out.push((rel, old));
            }
        }
        Ok(out)
    }

    /// Resolves a revision (`origin/main`, `HEAD~3`, a hash) to a commit.
    pub fn commit_of(&self, rev: &str) -> Result<CommitId, Fatal> {
        let obj = self.repo.revparse_single(rev).map_err(|e| Fatal::Git {
            message: format!(
                "`{rev}` is not a revision of this repository: {}",
                e.message()
            ),
            help: "name a branch, tag or commit, e.g. `--base origin/main` (fetch it first in CI)"
                .into(),
        })?;
        let commit = obj.peel_to_commit().map_err(git_err)?;
        Ok(CommitId(commit.id()))
    }

    /// The files of a commit's tree that the config includes.
    pub fn tree_inputs(&self, root: &Root, commit: CommitId) -> Result<Vec<Input>, Fatal> {
        let mut inputs = Vec::new();
        for (path, id) in self.tree_blobs(root, commit)? {
            inputs.push(Input {
                path,
                content: Content::Bytes(self.blob(id)?),
            });
        }
        Ok(inputs)
    }

    /// The included files of a commit's tree as `(root-relative path, blob
    /// id)`, sorted, without reading any blob (so `trend` can reuse what it
    /// parsed for an earlier commit).
    pub fn tree_blobs(
        &self,
        root: &Root,
        commit: CommitId,
    ) -> Result<Vec<(String, BlobId)>, Fatal> {
        let (include, exclude) = workspace::matchers(&root.config)?;
        let tree = self
            .repo
            .find_commit(commit.0)
            .and_then(|c| c.tree())
            .map_err(git_err)?;
        let mut blobs: Vec<(String, BlobId)> = Vec::new();
        tree.walk(TreeWalkMode::PreOrder, |dir, entry| {
            if entry.kind() == Some(ObjectType::Blob) && entry.filemode() & 0o170000 == 0o100000 {
                let path = format!("{dir}{}", entry.name().unwrap_or_default());
                if let Some(rel) = self
                    .under_root(&path)
                    .filter(|r| workspace::wanted(r, &include, &exclude))
                {
                    blobs.push((rel, BlobId(entry.id())));
                }
            }
            TreeWalkResult::Ok
        })
        .map_err(git_err)?;
        blobs.sort();
        Ok(blobs)
    }

    /// A blob's bytes.
    pub fn blob(&self, id: BlobId) -> Result<Vec<u8>, Fatal> {
        Ok(self
            .repo
            .find_blob(id.0)
            .map_err(git_err)?
            .content()
            .to_vec())
    }

    /// The repository path of a root-relative path.
    fn repo_path(&self, rel: &str) -> String {
        if self.prefix.is_empty() {
            rel.to_string()
        } else {
            format!("{}/{rel}", self.prefix)
        }
    }

    /// The included files that differ between the trees of two commits
    /// (`from` `None`: the empty tree), as `(root-relative path, blob after
    /// or None when removed)`: what `trend` re-reads between two points.
    pub fn changed_blobs(
        &self,
        root: &Root,
        from: Option<CommitId>,
        to: CommitId,
    ) -> Result<Vec<(String, Option<BlobId>)>, Fatal> {
        let (include, exclude) = workspace::matchers(&root.config)?;
        let tree = |c: CommitId| {
            self.repo
                .find_commit(c.0)
                .and_then(|c| c.tree())
                .map_err(git_err)
        };
        let old = from.map(tree).transpose()?;
        let new = tree(to)?;
        let mut opts = DiffOptions::new();
        if !self.prefix.is_empty() {
            opts.pathspec(&self.prefix);
        }
        let diff = self
            .repo
            .diff_tree_to_tree(old.as_ref(), Some(&new), Some(&mut opts))
            .map_err(git_err)?;
        let mut out = Vec::new();
        for delta in diff.deltas() {
            for (file, after) in [(delta.old_file(), false), (delta.new_file(), true)] {
                let Some(rel) = file
                    .path()
                    .and_then(Path::to_str)
                    .and_then(|p| self.under_root(p))
                    .filter(|r| workspace::wanted(r, &include, &exclude))
                else {
                    continue;
                };
                let regular = file.mode() == git2::FileMode::Blob
                    || file.mode() == git2::FileMode::BlobExecutable;
                if after && regular && !file.id().is_zero() {
                    out.retain(|(p, _): &(String, Option<BlobId>)| *p != rel);
                    out.push((rel, Some(BlobId(file.id()))));
                } else if !out.iter().any(|(p, _)| *p == rel) {
                    out.push((rel, None));
                }
            }
        }
        Ok(out)
    }

    /// The bytes of the root's `align.yaml` in a commit's tree, if it has one.
    pub fn config_at(&self, commit: CommitId) -> Result<Option<Vec<u8>>, Fatal> {
        let tree = self
            .repo
            .find_commit(commit.0)
            .and_then(|c| c.tree())
            .map_err(git_err)?;
        let path = self.repo_path(crate::config::FILE_NAME);
        let Ok(entry) = tree.get_path(Path::new(&path)) else {
            return Ok(None);
        };
        match self.repo.find_blob(entry.id()) {
            Ok(b) => Ok(Some(b.content().to_vec())),
            Err(_) => Ok(None),
        }
    }

    /// First-parent commits of HEAD, newest first, with their dates.
    pub fn first_parent_history(&self) -> Result<Vec<(CommitId, Date)>, Fatal> {
        let Ok(head) = self.repo.head() else {
            return Ok(Vec::new());
        };
        let head = head.peel_to_commit().map_err(git_err)?;
        let mut out = Vec::new();
        let mut at = Some(head);
        while let Some(c) = at {
            if let Some(d) = commit_date(&c) {
                out.push((CommitId(c.id()), d));
            }
            at = c.parent(0).ok();
        }
        Ok(out)
    }

    /// Where hooks live: `core.hooksPath` (relative to the work tree) when
    /// set, else the common git dir's `hooks/` (shared by worktrees).
    pub fn hooks_dir(&self) -> Result<PathBuf, Fatal> {
        let config = self.repo.config().map_err(git_err)?;
        if let Ok(p) = config.get_path("core.hooksPath") {
            let base = self.repo.workdir().unwrap_or_else(|| self.repo.path());
            return Ok(base.join(p));
        }
        Ok(self.repo.commondir().join("hooks"))
    }

    /// The root relative to the work tree (`""` at the top).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }
}

/// A commit's committer date as a civil date in UTC.
fn commit_date(commit: &git2::Commit) -> Option<Date> {
    let ts = jiff::Timestamp::from_second(commit.time().seconds()).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_id_hex_comparison() {
        let id = BlobId(Oid::from_str("0123456789abcdef0123456789abcdef01234567").unwrap());
        assert!(id.is_hex("0123456789abcdef0123456789abcdef01234567"));
        assert!(!id.is_hex("0123456789abcdef0123456789abcdef01234568"));
        assert!(!id.is_hex("0123"));
    }
}
