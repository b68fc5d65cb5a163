//! Concurrent writers (SPEC §6), with real processes: many `align`
//! processes editing one file, a plain program appending to a file while
//! check-ins run, permission bits of replaced files, leftover temporary
//! files, and concurrent `align new` with sequential ids. Threads only
//! start and watch the processes; every writer is its own process.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::{TestRepo, stdout};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const CONFIG: &str =
    "include: [\"okrs/**\", \"work/**\"]\nperiod: quarter\npeople: [dana]\nunplanned: allow\n";

/// One YAML file holding an objective and `n` KRs, `KR-1` … `KR-n`.
fn krs_file(n: usize) -> String {
    let mut out = String::from(
        "# Q4 goals: one file, many writers.\n- id: O-1\n  kind: objective\n  title: Grow\n  owner: dana\n  period: 2026-Q4\n  status: active\n",
    );
    for k in 1..=n {
        out.push_str(&format!(
            "\n- id: KR-{k}\n  kind: kr\n  title: Start {k}\n  objective: O-1\n  owner: dana\n  metric: {{start: 0, target: 10000}}\n  checkins:\n    - {{date: 2026-10-01, value: 0}}\n"
        ));
    }
    out
}

const KR_MD: &str = "---\nid: KR-1\nkind: kr\ntitle: Grow\nobjective: O-1\nowner: dana\nmetric: {start: 0, target: 10000}\ncheckins:\n  - {date: 2026-10-01, value: 0}\n---\nNotes appended by another program follow.\n";

const O_MD: &str = "---\nid: O-1\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\nstatus: active\n---\n";

/// The check-in values of `id` and its title, read from the YAML file.
fn kr_state(text: &str, id: &str) -> (Vec<String>, String) {
    let doc: serde_yaml::Value = serde_yaml::from_str(text).expect("the file still parses");
    let item = doc
        .as_sequence()
        .unwrap()
        .iter()
        .find(|i| i["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("{id} is still in the file"));
    let values = item["checkins"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| match &c["value"] {
            serde_yaml::Value::Number(n) => n.to_string(),
            other => panic!("check-in value {other:?}"),
        })
        .collect();
    (values, item["title"].as_str().unwrap().to_string())
}

/// An exit-2 refusal must say what happened: the file changed, and how.
fn assert_refusal(out: &Output, what: &str) {
    assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(out));
    let err = stderr(out);
    assert!(
        err.contains("changed on disk") || err.contains("another align process"),
        "{what}: a refusal says what changed: {err}"
    );
}

#[test]
fn many_align_writers_on_one_file_lose_no_update() {
    const WRITERS: usize = 8;
    const ROUNDS: usize = 15;
    let repo = TestRepo::new();
    repo.write("align.yaml", CONFIG)
        .write("okrs/q4.yaml", &krs_file(WRITERS));
    let root = repo.path().to_path_buf();
    let started = Instant::now();
    let workers: Vec<_> = (1..=WRITERS)
        .map(|p| {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut log = Vec::new();
                for r in 0..ROUNDS {
                    let kr = format!("KR-{p}");
                    let (args, value) = if r % 2 == 0 {
                        let v = (p * 1000 + r).to_string();
                        (vec!["checkin".to_string(), kr, v.clone()], v)
                    } else {
                        let t = format!("Title {p} round {r}");
                        (vec!["set".to_string(), kr, format!("title={t}")], t)
                    };
                    let out = crate::common::align_command(&root)
                        .args(["--as-of", crate::common::AS_OF])
                        .args(&args)
                        .output()
                        .unwrap();
                    log.push((args[0].clone(), value, out));
                }
                log
            })
        })
        .collect();
    let logs: Vec<_> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let elapsed = started.elapsed();

    let text = repo.read("okrs/q4.yaml");
    let mut refused = 0;
    for (p, log) in (1..=WRITERS).zip(&logs) {
        let (values, title) = kr_state(&text, &format!("KR-{p}"));
        let mut last_title = format!("Start {p}");
        for (cmd, value, out) in log {
            if out.status.success() {
                match cmd.as_str() {
                    "checkin" => assert!(
                        values.contains(value),
                        "KR-{p}: the check-in {value} exited 0 but is missing: {values:?}"
                    ),
                    _ => last_title = value.clone(),
                }
            } else {
                refused += 1;
                assert_refusal(out, &format!("{cmd} KR-{p} {value}"));
                assert!(!values.contains(value), "a refused check-in is not written");
            }
        }
        assert_eq!(
            title, last_title,
            "KR-{p}: the last set that exited 0 is the title"
        );
    }
    eprintln!(
        "{WRITERS} writers x {ROUNDS} rounds: {refused} refused, {:?}",
        elapsed
    );
    // Waiting for the lock and reading the workspace again under it makes
    // both edits land; nothing here should need a refusal at all.
    assert_eq!(refused, 0, "align writers take turns instead of failing");
    repo.align(&["lint"]).assert().success();
    assert_no_temp_files(&repo);
}

#[test]
fn a_plain_program_appending_while_checkins_run_loses_no_line() {
    const CHECKINS: usize = 30;
    let repo = TestRepo::new();
    repo.write("align.yaml", CONFIG)
        .write("okrs/O-1.md", O_MD)
        .write("okrs/KR-1.md", KR_MD);
    let path = repo.path().join("okrs/KR-1.md");
    let stop = Arc::new(AtomicBool::new(false));
    // Raw appends, as `echo line >> file` does: open, write, close, and
    // without align's lock. A line counts as confirmed once the write and
    // the close returned.
    let appender = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut confirmed = 0usize;
            while !stop.load(Ordering::Relaxed) {
                let mut f = std::fs::OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .unwrap();
                f.write_all(format!("appended line {confirmed}\n").as_bytes())
                    .unwrap();
                drop(f);
                confirmed += 1;
                std::thread::sleep(Duration::from_micros(200));
            }
            confirmed
        })
    };
    let mut outcomes = Vec::new();
    for i in 1..=CHECKINS {
        let value = (100 + i).to_string();
        let out = repo.align(&["checkin", "KR-1", &value]).output().unwrap();
        outcomes.push((value, out));
    }
    stop.store(true, Ordering::Relaxed);
    let confirmed = appender.join().unwrap();

    let text = repo.read("okrs/KR-1.md");
    let lines: HashSet<&str> = text.lines().collect();
    let lost: Vec<usize> = (0..confirmed)
        .filter(|n| !lines.contains(format!("appended line {n}").as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {confirmed} confirmed lines were lost: {:?}",
        lost.len(),
        &lost[..lost.len().min(10)]
    );
    let mut landed = 0;
    for (value, out) in &outcomes {
        let entry = format!("value: {value}}}");
        if out.status.success() {
            landed += 1;
            assert!(
                text.contains(&entry),
                "check-in {value} exited 0 but is missing"
            );
        } else {
            assert_refusal(out, &format!("checkin {value}"));
            eprintln!("refused: {}", stderr(out));
            assert!(!text.contains(&entry));
        }
    }
    eprintln!("{landed} of {CHECKINS} check-ins landed beside {confirmed} appended lines");
    // Lines appended below the front-matter do not conflict with a
    // check-in: both land.
    assert_eq!(landed, CHECKINS);
    repo.align(&["lint"]).assert().success();
    assert_no_temp_files(&repo);
}

#[cfg(unix)]
#[test]
fn a_private_file_stays_private_and_so_does_its_temporary_copy() {
    use std::os::unix::fs::PermissionsExt;
    let repo = TestRepo::new();
    repo.write("align.yaml", CONFIG)
        .write("okrs/O-1.md", O_MD)
        .write("okrs/KR-1.md", KR_MD);
    let path = repo.path().join("okrs/KR-1.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    // Watch the folder for temporary files while writes run.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (dir, stop) = (repo.path().join("okrs"), stop.clone());
        std::thread::spawn(move || {
            let mut seen = BTreeMap::new();
            while !stop.load(Ordering::Relaxed) {
                for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.ends_with(".tmp")
                        && let Ok(meta) = entry.metadata()
                    {
                        seen.insert(name, meta.permissions().mode() & 0o777);
                    }
                }
            }
            seen
        })
    };
    for i in 0..10 {
        repo.align(&["checkin", "KR-1", &i.to_string()])
            .assert()
            .success();
        repo.align(&["set", "KR-1", &format!("title=Grow {i}")])
            .assert()
            .success();
    }
    stop.store(true, Ordering::Relaxed);
    let seen = watcher.join().unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the replaced file keeps its mode");
    for (name, mode) in &seen {
        assert!(
            name.starts_with(".KR-1.md.align-") && name.ends_with(".tmp"),
            "temporary files are named .NAME.align-PID.tmp: {name}"
        );
        assert_eq!(mode & 0o077, 0, "{name} was readable by others ({mode:o})");
    }
    eprintln!(
        "saw {} temporary files, none readable by others",
        seen.len()
    );
    // A file others may read keeps those bits too.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    repo.align(&["checkin", "KR-1", "99"]).assert().success();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_no_temp_files(&repo);
}

#[test]
fn a_leftover_temporary_file_is_never_read_as_an_item() {
    let repo = TestRepo::new();
    let task = "---\nid: T-0001\nkind: task\ntitle: Draft\nkr: KR-1\nstatus: todo\n---\n";
    repo.write(
        "align.yaml",
        &CONFIG.replace("[\"okrs/**\", \"work/**\"]", "[\"work/**\"]"),
    )
    .write("work/O-1.md", O_MD)
    .write("work/KR-1.md", KR_MD)
    .write("work/T-0001.md", task)
    // What a `kill -9` in the middle of a write leaves, under a folder
    // `include` takes whole: same id, so reading it would be AL002.
    .write("work/.T-0001.md.align-4242.tmp", task)
    .write("work/.T-0001.md.align-4242-0.tmp", task);
    let out = repo.align(&["lint", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(!stdout(&out).contains(".tmp"), "{}", stdout(&out));
    let out = repo.align(&["show", "T-0001"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains(".tmp"), "{}", stdout(&out));
}

#[test]
fn concurrent_new_with_sequential_ids_all_succeed_with_distinct_ids() {
    const CREATORS: usize = 100;
    let repo = TestRepo::new();
    repo.write(
        "align.yaml",
        &format!("{CONFIG}ids: sequential\nkind_by_path: {{\"work/tasks/**\": task}}\n"),
    )
    .write("okrs/O-1.md", O_MD)
    .write("okrs/KR-1.md", KR_MD)
    .write(
        "work/tasks/T-0001.md",
        "---\nid: T-0001\ntitle: First\nkr: KR-1\nstatus: todo\n---\n",
    );
    let started = Instant::now();
    let children: Vec<_> = (0..CREATORS)
        .map(|i| {
            crate::common::align_command(repo.path())
                .args(["--as-of", crate::common::AS_OF, "new", "task"])
                .arg(format!("Task {i}"))
                .args(["--kr", "KR-1"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let elapsed = started.elapsed();
    let mut paths = HashSet::new();
    for out in &outs {
        assert!(out.status.success(), "{}", stderr(out));
        assert!(
            paths.insert(stdout(out)),
            "two creators got {}",
            stdout(out)
        );
    }
    let expected: HashSet<String> = (2..=CREATORS + 1)
        .map(|n| format!("work/tasks/T-{n:04}.md\n"))
        .collect();
    assert_eq!(paths, expected, "the ids are the next {CREATORS} numbers");
    eprintln!("{CREATORS} concurrent `align new`: all exit 0, {elapsed:?}");
    repo.align(&["lint"]).assert().success();
    assert_no_temp_files(&repo);
}

/// No `.align-*.tmp` file is left anywhere in the workspace.
fn assert_no_temp_files(repo: &TestRepo) {
    let left: Vec<String> = walkdir::WalkDir::new(repo.path())
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".align-") && n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
}
