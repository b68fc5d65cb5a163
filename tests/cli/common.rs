//! The hermetic test harness: a temp workspace (optionally a real git
//! repository with a fixed author and dates), and the `align` binary run in
//! it with a fixed as-of date, no colour and a private HOME.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use tempfile::TempDir;

/// The as-of date every test uses unless it says otherwise.
pub const AS_OF: &str = "2026-11-12";

/// A temp workspace, removed when dropped.
pub struct TestRepo {
    dir: TempDir,
}

impl TestRepo {
    /// An empty folder (not a git repository).
    pub fn new() -> TestRepo {
        TestRepo {
            dir: tempfile::Builder::new()
                .prefix("align-test")
                .tempdir()
                .expect("temp dir"),
        }
    }

    /// A copy of `tests/fixtures/NAME` (or any folder under the crate root).
    pub fn fixture(name: &str) -> TestRepo {
        let repo = TestRepo::new();
        let src = crate_root().join("tests/fixtures").join(name);
        copy_dir(&src, repo.path());
        repo
    }

    /// A copy of `examples/NAME`.
    pub fn example(name: &str) -> TestRepo {
        let repo = TestRepo::new();
        copy_dir(&crate_root().join("examples").join(name), repo.path());
        repo
    }

    /// An empty git repository with a fixed identity.
    pub fn git() -> TestRepo {
        let repo = TestRepo::new();
        repo.git_ok(&["init", "-q", "-b", "main"]);
        repo
    }

    /// Turns this folder into a git repository and commits everything.
    pub fn init_git(&self, date: &str) {
        self.git_ok(&["init", "-q", "-b", "main"]);
        self.commit_all("initial", date);
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `content` to `rel`, creating folders.
    pub fn write(&self, rel: &str, content: &str) -> &TestRepo {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
        self
    }

    /// Writes raw bytes to `rel`.
    pub fn write_bytes(&self, rel: &str, content: &[u8]) -> &TestRepo {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// `align --as-of 2026-11-12 ARGS…` in this folder, no colour.
    pub fn align(&self, args: &[&str]) -> Command {
        self.align_at(AS_OF, args)
    }

    /// `align --as-of AS_OF ARGS…` in this folder, no colour.
    pub fn align_at(&self, as_of: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_align"));
        for (k, v) in hermetic_env(self.path()) {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        cmd.current_dir(self.path())
            .env("NO_COLOR", "1")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .arg("--as-of")
            .arg(as_of)
            .args(args);
        cmd
    }

    /// `git ARGS…` with a fixed identity and dates; panics on failure.
    pub fn git_ok(&self, args: &[&str]) -> String {
        self.git_at(args, "2026-11-01T12:00:00Z")
    }

    /// `git ARGS…` with author and committer dates set to `date`.
    pub fn git_at(&self, args: &[&str], date: &str) -> String {
        let out = git_command(self.path())
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Stages everything and commits at `date` (an ISO date or date-time).
    pub fn commit_all(&self, message: &str, date: &str) {
        let date = if date.len() == 10 {
            format!("{date}T12:00:00Z")
        } else {
            date.to_string()
        };
        self.git_at(&["add", "-A"], &date);
        self.git_at(&["commit", "-q", "--allow-empty", "-m", message], &date);
    }
}

/// The environment every spawned `git` and `align` runs in: a private
/// HOME, no system or global git config, and none of the variables a git
/// hook sets (`GIT_DIR`, `GIT_INDEX_FILE`, …), so a suite run from inside
/// a hook or another repository never touches that repository.
pub fn hermetic_env(home: &Path) -> Vec<(&'static str, Option<std::ffi::OsString>)> {
    let mut env = vec![
        ("HOME", Some(home.as_os_str().to_owned())),
        (
            "XDG_CONFIG_HOME",
            Some(home.join(".config").into_os_string()),
        ),
        ("GIT_CONFIG_NOSYSTEM", Some("1".into())),
        (
            "GIT_CONFIG_GLOBAL",
            Some(home.join(".gitconfig").into_os_string()),
        ),
    ];
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
        "GIT_PREFIX",
        "GIT_CONFIG",
        "GIT_CONFIG_PARAMETERS",
        "GIT_CONFIG_COUNT",
    ] {
        env.push((var, None));
    }
    env
}

/// The `align` binary in `dir` with the hermetic environment (no `--as-of`
/// or colour settings: for tests that need a raw process).
pub fn align_command(dir: &Path) -> StdCommand {
    let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_align"));
    for (k, v) in hermetic_env(dir) {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.current_dir(dir);
    cmd
}

/// `git` in `dir` with the hermetic environment and a fixed identity.
pub fn git_command(dir: &Path) -> StdCommand {
    let mut cmd = StdCommand::new("git");
    for (k, v) in hermetic_env(dir) {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com");
    cmd
}

/// The crate root (where Cargo.toml is).
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree (files only; no symlinks in fixtures).
pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        let target = dst.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// stdout of a finished command as text.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Replaces the temp folder path in `text` with `[ROOT]`, for snapshots.
pub fn redact(repo: &TestRepo, text: &str) -> String {
    let root = repo.path().canonicalize().unwrap();
    text.replace(&root.display().to_string(), "[ROOT]")
        .replace(&repo.path().display().to_string(), "[ROOT]")
}
