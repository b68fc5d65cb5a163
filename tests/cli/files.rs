//! Which files are read, and reading them safely (SPEC §1, §6, §8): only
//! Markdown and YAML by extension; other tools' YAML (Kubernetes streams,
//! docs pages) is not align's and is skipped, never an error; what git
//! ignores is not read unless `--no-ignore`; FIFOs, sockets and
//! unreadable folders are said, never waited on or skipped silently; alias
//! bombs end fast and small; datetimes are read as dates.

use std::path::Path;
use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{TestRepo, copy_dir, crate_root, redact};

/// Generous for a debug build on a busy machine; a hang takes forever.
const LIMIT: Duration = Duration::from_secs(30);

/// A valid objective, KR and task, so other files can link to `KR-1`.
fn workspace() -> TestRepo {
    let repo = TestRepo::new();
    copy_dir(
        &crate_root().join("tests/fixtures/rules/AL002/pass"),
        repo.path(),
    );
    repo
}

/// `align ARGS… --format json` under the time limit: the JSON, the exit
/// status and stderr, after checking that nothing panicked or hung.
fn json(repo: &TestRepo, args: &[&str]) -> (Value, i32, String) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = repo.align(&all).timeout(LIMIT).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed (timeout?): {err}"));
    assert!(!err.contains("panicked"), "panic: {err}");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (json, code, err)
}

fn findings(v: &Value) -> Vec<Value> {
    v["findings"].as_array().cloned().unwrap_or_default()
}

/// `(code, path)` of every finding, sorted.
fn codes(v: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = findings(v)
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn mkfifo(path: &Path) {
    let ok = StdCommand::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success(), "mkfifo {}", path.display());
}

#[test]
fn other_tools_yaml_is_skipped_and_counted_never_an_error() {
    // No align.yaml: Kubernetes manifests (one multi-document) and a docs
    // page with `kind: page` (the default `include` reads no `.mdx`).
    let repo = TestRepo::fixture("files/foreign");
    let (v, code, err) = json(&repo, &["lint"]);
    assert_eq!(
        codes(&v),
        [("AL002".to_string(), "okrs/q4.yaml".to_string())],
        "{v:#}"
    );
    assert_eq!(code, 1, "{err}");
    // The one finding points into the second document of the stream.
    let f = &findings(&v)[0];
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(18), Some(7))
    );
    // O-1, KR-1, KR-2, T-10, T-11.
    assert_eq!(v["items"], 5, "{v:#}");
    let out = repo.align(&["lint"]).timeout(LIMIT).output().unwrap();
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        summary.contains("6 files read, 5 items, 3 skipped (not items)"),
        "{summary}"
    );
}

#[test]
fn include_never_turns_an_image_into_a_finding() {
    let repo = TestRepo::fixture("files/foreign");
    repo.write("align.yaml", "include: [\"**\"]\n");
    repo.write_bytes("docs/shot.PNG", &[0x89, b'P', b'N', b'G', 0, 0, 1]);
    repo.write(
        "okrs/O-2.MD",
        "---\nkind: objective\ntitle: Upper case\nowner: dana\nperiod: 2026-Q4\n---\n",
    );
    let (v, _, _) = json(&repo, &["lint"]);
    // The MDX guide's code block (`kind: task`, broken YAML) is body, not
    // front-matter: no AL014; the MDX task T-9 is an item.
    assert!(
        codes(&v).iter().all(|(c, _)| c == "AL002"),
        "no AL014 on images, text files or MDX bodies: {v:#}"
    );
    assert_eq!(v["files"], 9, "{v:#}");
    assert_eq!(v["items"], 7, "`.MD` is Markdown: {v:#}");
}

#[test]
fn a_near_miss_kind_is_al008_with_the_suggestion() {
    let repo = workspace();
    repo.write(
        "tasks/T-2.md",
        "---\nkind: tasks\ntitle: x\nkr: KR-1\n---\n",
    );
    repo.write(
        "tasks/T-3.md",
        "---\nkind: Task\ntitle: y\nkr: KR-1\nowner: sam\n---\n",
    );
    let (v, code, _) = json(&repo, &["lint"]);
    assert_eq!(code, 1);
    assert_eq!(
        codes(&v),
        [("AL008".to_string(), "tasks/T-2.md".to_string())]
    );
    let f = &findings(&v)[0];
    assert!(
        f["help"].as_str().unwrap().contains("did you mean `task`?"),
        "{f}"
    );
    // `kind: Task` is a task (kinds are read in any case, as in kind_by_path).
    assert_eq!(v["items"], 4);
}

#[test]
fn git_ignored_files_are_not_read_unless_no_ignore() {
    let repo = TestRepo::git();
    copy_dir(
        &crate_root().join("tests/fixtures/rules/AL002/pass"),
        repo.path(),
    );
    let broken = "---\nkind: task\ntitle: a: b\n---\n";
    repo.write(".gitignore", "drafts/\n*.local.md\n");
    repo.write("tasks/.gitignore", "scratch.md\n!keep.local.md\n");
    repo.write(".git/info/exclude", "private/\n");
    repo.write(".config/git/ignore", "global-*.md\n");
    for rel in [
        "drafts/T-5.md",
        "tasks/T-6.local.md",
        "tasks/scratch.md",
        "private/T-7.md",
        "tasks/global-T-8.md",
    ] {
        repo.write(rel, broken);
    }
    // Re-included below: read, so its finding shows.
    repo.write("tasks/keep.local.md", broken);
    let (v, _, _) = json(&repo, &["lint"]);
    assert_eq!(
        codes(&v),
        [("AL014".to_string(), "tasks/keep.local.md".to_string())],
        "{v:#}"
    );
    let (v, _, _) = json(&repo, &["--no-ignore", "lint"]);
    let paths: Vec<String> = codes(&v).into_iter().map(|(_, p)| p).collect();
    assert_eq!(
        paths,
        [
            "drafts/T-5.md",
            "private/T-7.md",
            "tasks/T-6.local.md",
            "tasks/global-T-8.md",
            "tasks/keep.local.md",
            "tasks/scratch.md"
        ],
        "{v:#}"
    );
}

#[test]
fn outside_git_a_gitignore_is_just_a_file() {
    let repo = workspace();
    repo.write(".gitignore", "drafts/\n");
    repo.write("drafts/T-5.md", "---\nkind: task\ntitle: a: b\n---\n");
    let (v, _, _) = json(&repo, &["lint"]);
    assert_eq!(
        codes(&v),
        [("AL014".to_string(), "drafts/T-5.md".to_string())]
    );
}

#[test]
fn a_fifo_named_like_an_item_is_al014_and_the_rest_is_read() {
    let repo = workspace();
    mkfifo(&repo.path().join("tasks/T-9.md"));
    let (v, code, err) = json(&repo, &["lint"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        codes(&v),
        [("AL014".to_string(), "tasks/T-9.md".to_string())]
    );
    let f = &findings(&v)[0];
    assert!(f["message"].as_str().unwrap().contains("FIFO"), "{f}");
    assert!(f["help"].as_str().unwrap().contains("regular file"), "{f}");
    assert_eq!(v["items"], 3, "the other files are still read");
}

#[test]
fn a_fifo_as_align_yaml_is_refused_by_name() {
    let repo = workspace();
    std::fs::remove_file(repo.path().join("align.yaml")).unwrap();
    mkfifo(&repo.path().join("align.yaml"));
    let (_, code, err) = json(&repo, &["lint"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("align.yaml") && err.contains("FIFO"), "{err}");
}

/// A FIFO renamed over a task file while `lint` runs (the 2 hangs
/// in 15 runs): every run must finish, whatever it found at each moment.
#[test]
fn a_fifo_swapped_in_during_the_run_never_hangs_lint() {
    let repo = workspace();
    for i in 0..200 {
        repo.write(
            &format!("tasks/T-{i:03}.md"),
            &format!("---\nkind: task\ntitle: Task {i}\nkr: KR-1\nowner: sam\n---\n"),
        );
    }
    let dir = repo.path().join("tasks");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let stop = stop.clone();
        let dir = dir.clone();
        std::thread::spawn(move || {
            let mut swaps = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let target = dir.join(format!("T-{:03}.md", swaps % 200));
                let fifo = dir.join(".swap.fifo");
                let _ = std::fs::remove_file(&fifo);
                mkfifo(&fifo);
                std::fs::rename(&fifo, &target).unwrap();
                let file = dir.join(".swap.tmp");
                std::fs::write(&file, "---\nkind: task\ntitle: Back\nkr: KR-1\n---\n").unwrap();
                std::fs::rename(&file, &target).unwrap();
                swaps += 1;
            }
            swaps
        })
    };
    for run in 0..15 {
        let out = repo
            .align(&["lint", "--format", "json"])
            .timeout(LIMIT)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "run {run}: {code:?} {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(swapper.join().unwrap() > 0);
}

#[test]
fn an_unreadable_folder_is_al014_on_the_folder() {
    // As root, `chmod 000` stops nothing; the code path is pinned by
    // `workspace::tests::an_unreadable_folder_is_an_al014_input_with_its_os_error`.
    let repo = workspace();
    repo.write(
        "work/tasks/T-5.md",
        "---\nkind: task\ntitle: x\nkr: KR-1\n---\n",
    );
    let locked = repo.path().join("work/tasks");
    set_mode(&locked, 0o000);
    if std::fs::read_dir(&locked).is_ok() {
        set_mode(&locked, 0o755);
        eprintln!("skipped: running as root, a chmod 000 folder is still readable");
        return;
    }
    let (v, code, _) = json(&repo, &["lint"]);
    set_mode(&locked, 0o755);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), [("AL014".to_string(), "work/tasks".to_string())]);
    let f = &findings(&v)[0];
    assert!(
        f["message"].as_str().unwrap().contains("ermission denied"),
        "{f}"
    );
    assert_eq!(v["items"], 3, "the files around it are read");
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The shape: an 850 KB file whose `labels` repeat one 400 KB
/// anchored scalar 150,000 times (60 GB if expanded).
fn bomb(head: &str) -> String {
    let big = "x".repeat(400 * 1024);
    format!(
        "{head}title: &a {big}\nlabels: [{}*a]\n",
        "*a,".repeat(149_999)
    )
}

/// The largest resident size of any finished child process, in KiB.
fn children_max_rss_kib() -> i64 {
    // SAFETY: getrusage fills the struct it is given and nothing else.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    }
}

#[test]
fn an_alias_bomb_in_a_task_ends_fast_and_small() {
    let repo = workspace();
    let text = bomb("kind: task\nkr: KR-1\n");
    assert!(text.len() < 900 * 1024);
    repo.write("tasks/T-2.yaml", &text);
    let started = Instant::now();
    let (v, code, err) = json(&repo, &["lint"]);
    let took = started.elapsed();
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        codes(&v),
        [("AL014".to_string(), "tasks/T-2.yaml".to_string())]
    );
    let f = &findings(&v)[0];
    assert!(
        f["message"].as_str().unwrap().starts_with("alias bomb"),
        "{f}"
    );
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // Every child so far (this one included) stayed small: the expansion
    // would be gigabytes.
    assert!(
        children_max_rss_kib() < 300 * 1024,
        "{} KiB",
        children_max_rss_kib()
    );
}

#[test]
fn an_alias_bomb_in_align_yaml_is_refused_fast() {
    let repo = workspace();
    repo.write("align.yaml", &bomb("people: [sam]\nx_note: 1\n"));
    let started = Instant::now();
    let (_, code, err) = json(&repo, &["lint"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("alias bomb"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // Over 1 MiB, align.yaml is refused before it is parsed.
    repo.write("align.yaml", &format!("# {}\n", "x".repeat(1024 * 1024)));
    let (_, code, err) = json(&repo, &["lint"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("larger than 1024 KiB"), "{err}");
}

#[test]
fn datetimes_are_read_as_their_date() {
    let repo = workspace();
    repo.write(
        "tasks/T-2.md",
        "---\nkind: task\ntitle: Stamped\nkr: KR-1\nstatus: done\ndone: 2026-11-02 16:40\ncreated: 2026-10-20T09:15:00Z\nupdated: 2026-11-02T23:30:00-05:00\n---\n",
    );
    let (v, code, _) = json(&repo, &["lint"]);
    assert_eq!(code, 0, "{v:#}");
    assert!(findings(&v).is_empty(), "{v:#}");
    let (v, _, _) = json(&repo, &["show", "T-2"]);
    let text = v.to_string();
    assert!(
        text.contains("2026-11-02") && !text.contains("16:40"),
        "{v:#}"
    );
}

#[test]
fn nothing_to_read_is_said_on_stderr() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "");
    repo.write("README.txt", "not markdown\n");
    let out = repo.align(&["lint"]).output().unwrap();
    insta::assert_snapshot!(
        "nothing_read",
        redact(&repo, &String::from_utf8_lossy(&out.stderr))
    );
    let quiet = repo.align(&["-q", "lint"]).output().unwrap();
    assert!(quiet.stderr.is_empty(), "--quiet says nothing but errors");

    let repo = workspace();
    repo.write(
        "align.yaml",
        "include: [\"okrs/**\", \"tasks/**\", \"wrok/**\"]\n",
    );
    let out = repo.align(&["status"]).output().unwrap();
    insta::assert_snapshot!(
        "include_glob_matches_nothing",
        redact(&repo, &String::from_utf8_lossy(&out.stderr))
    );
}

#[test]
fn items_of_a_multi_document_file_are_not_edited_into_the_wrong_document() {
    let repo = TestRepo::fixture("files/foreign");
    let before = repo.read("okrs/q4.yaml");
    let out = repo
        .align(&["set", "T-10", "status=doing"])
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("several YAML documents"), "{err}");
    assert_eq!(repo.read("okrs/q4.yaml"), before, "nothing was written");
}
