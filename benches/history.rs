//! The history benchmark of SPEC §7 "History costs what the question
//! needs", run with `cargo bench --bench history` (optionally `-- COMMITS
//! FILES` to choose the size of the long history, default 20000 40000).
//!
//! It builds two repositories with `git fast-import` in a temp dir:
//! - a long history: COMMITS first-parent commits over FILES files, of
//!   which 300 are items (an `okrs/` and a `work/` folder in a code
//!   repository); nearly every commit touches code only, one in 40 changes
//!   an item (status changes, done without a date, blocked, renames);
//! - a 10,000-item repository with 500 commits for `trend` (52 weekly
//!   points).
//!
//! and reports, in one run and on a warm page cache: `git log
//! --first-parent --raw --no-renames -- <item paths>`, `align lint`,
//! `align audit` with a cold history cache, a warm one and
//! `--no-history`, `status`, `next`, and `trend` against one `audit`, with
//! peak memory, then the §7 ratios. It asserts nothing: timings belong in
//! reports, not in tests.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ALIGN: &str = env!("CARGO_BIN_EXE_align");
/// The first commit's time (2024-01-01, a Monday, UTC).
const START: i64 = 1_704_067_200; // 2024-01-01

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let commits = args.first().copied().unwrap_or(20_000);
    let files = args.get(1).copied().unwrap_or(40_000);

    let long = tempfile::Builder::new()
        .prefix("align-history")
        .tempdir()
        .expect("temp dir");
    let built = Instant::now();
    let (items, as_of) = long_history(long.path(), commits, files);
    eprintln!(
        "built {commits} commits over {files} files in {:.1} s",
        built.elapsed().as_secs_f64()
    );
    let dir = long.path();
    let at = |cmd: &[&str]| -> Vec<String> {
        let mut v = vec!["--as-of".to_string(), as_of.clone()];
        v.extend(cmd.iter().map(|s| s.to_string()));
        v.push("-q".into());
        v
    };
    let mut log_args: Vec<String> = [
        "log",
        "--first-parent",
        "--raw",
        "--no-renames",
        "--format=%H %ct",
        "--",
    ]
    .map(String::from)
    .to_vec();
    log_args.extend(items.iter().cloned());
    let log = best(3, || run(dir, "git", &log_args, None));
    let lint = best(3, || run(dir, ALIGN, &at(&["lint"]), None));
    let clear = || {
        let _ = std::fs::remove_dir_all(dir.join(".git/align"));
    };
    let cold = best(3, || run(dir, ALIGN, &at(&["audit"]), Some(&clear)));
    let cold_rss = peak_rss(dir, &at(&["audit"]), Some(&clear));
    let warm = best(5, || run(dir, ALIGN, &at(&["audit"]), None));
    let warm_rss = peak_rss(dir, &at(&["audit"]), None);
    let bare = best(5, || run(dir, ALIGN, &at(&["audit", "--no-history"]), None));
    let status = best(5, || run(dir, ALIGN, &at(&["status"]), None));
    let next = best(5, || run(dir, ALIGN, &at(&["next"]), None));

    // The trend repository.
    let wide = tempfile::Builder::new()
        .prefix("align-trend")
        .tempdir()
        .expect("temp dir");
    let wdir = wide.path();
    let t_as_of = wide_history(wdir, 10_000, 500);
    let since = (jiff::civil::Date::strptime("%Y-%m-%d", &t_as_of).unwrap()
        - jiff::Span::new().weeks(51))
    .to_string();
    let w_at = |cmd: &[&str]| -> Vec<String> {
        let mut v = vec!["--as-of".to_string(), t_as_of.clone()];
        v.extend(cmd.iter().map(|s| s.to_string()));
        v.push("-q".into());
        v
    };
    let w_audit = best(3, || run(wdir, ALIGN, &w_at(&["audit"]), None));
    let w_audit_rss = peak_rss(wdir, &w_at(&["audit"]), None);
    let trend_args = w_at(&["trend", "--since", &since, "--every", "week"]);
    let w_clear = || {
        let _ = std::fs::remove_dir_all(wdir.join(".git/align"));
    };
    let trend_cold = best(1, || run(wdir, ALIGN, &trend_args, Some(&w_clear)));
    let trend = best(3, || run(wdir, ALIGN, &trend_args, None));
    let trend_rss = peak_rss(wdir, &trend_args, None);

    println!(
        "\nLong history: {commits} first-parent commits, {files} files, {} items\n",
        items.len()
    );
    println!("| measure | time | peak RSS |");
    println!("|---|---|---|");
    println!(
        "| `git log --first-parent --raw --no-renames -- <item paths>` | {} | |",
        ms(log)
    );
    println!("| `align lint` | {} | |", ms(lint));
    println!(
        "| `align audit`, cold cache | {} | {} MiB |",
        ms(cold),
        cold_rss / 1024
    );
    println!(
        "| `align audit`, warm cache | {} | {} MiB |",
        ms(warm),
        warm_rss / 1024
    );
    println!("| `align audit --no-history` | {} | |", ms(bare));
    println!("| `align status` | {} | |", ms(status));
    println!("| `align next` | {} | |", ms(next));
    println!("\n10,000 items, 500 commits\n");
    println!("| measure | time | peak RSS |");
    println!("|---|---|---|");
    println!(
        "| `align audit` | {} | {} MiB |",
        ms(w_audit),
        w_audit_rss / 1024
    );
    println!(
        "| `align trend`, 52 weekly points, cold cache | {} | |",
        ms(trend_cold)
    );
    println!(
        "| `align trend`, 52 weekly points | {} | {} MiB |",
        ms(trend),
        trend_rss / 1024
    );
    println!("\n| SPEC §7 | measured | limit |");
    println!("|---|---|---|");
    let budget = lint + log * 2;
    println!(
        "| audit cold / (lint + 2× git log) | {:.2} | ≤ 1 |",
        ratio(cold, budget)
    );
    println!(
        "| audit warm / audit --no-history | {:.2} | ≤ 1.3 |",
        ratio(warm, bare)
    );
    println!("| trend / audit | {:.2} | ≤ 3 |", ratio(trend, w_audit));
    println!("| trend peak RSS | {} MiB | < 200 MiB |", trend_rss / 1024);
    // `ALIGN_BENCH_KEEP=1` keeps both repositories for a profiler.
    if std::env::var_os("ALIGN_BENCH_KEEP").is_some() {
        eprintln!(
            "kept {} and {}",
            long.keep().display(),
            wide.keep().display()
        );
    }
}

/// A fast-import stream writer, one commit every `step` hours.
struct Import {
    out: Vec<u8>,
    /// Commits written (the last one's mark).
    n: i64,
    /// Hours from START of the next commit, and between commits.
    hour: i64,
    step: i64,
}

impl Import {
    fn commit(&mut self, message: &str, ops: &[Op]) {
        let t = START + self.hour * 3600;
        let _ = write!(
            self.out,
            "commit refs/heads/main\nmark :{}\ncommitter bench <bench@example.com> {t} +0000\ndata {}\n{message}\n",
            self.n + 1,
            message.len() + 1
        );
        if self.n > 0 {
            let _ = writeln!(self.out, "from :{}", self.n);
        }
        for op in ops {
            match op {
                Op::Write(path, text) => {
                    let _ = write!(
                        self.out,
                        "M 100644 inline {path}\ndata {}\n{text}\n",
                        text.len()
                    );
                }
                Op::Rename(from, to) => {
                    let _ = writeln!(self.out, "R {from} {to}");
                }
            }
        }
        self.n += 1;
        self.hour += self.step;
    }

    /// The date of the last commit, as `--as-of`.
    fn last_day(&self) -> String {
        jiff::Timestamp::from_second(START + (self.hour - self.step) * 3600)
            .unwrap()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date()
            .to_string()
    }

    fn finish(self, dir: &Path) {
        git(dir, &["init", "-q", "-b", "main"]);
        let mut child = Command::new("git")
            .current_dir(dir)
            .args(["fast-import", "--quiet"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("git fast-import");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&self.out)
            .expect("stream");
        assert!(child.wait().unwrap().success(), "fast-import failed");
        git(dir, &["checkout", "-q", "-f", "main"]);
    }
}

enum Op {
    Write(String, String),
    Rename(String, String),
}

fn objective(n: usize) -> String {
    format!("---\nkind: objective\ntitle: Objective {n}\nowner: dana\n---\n")
}

fn kr(n: usize, objectives: usize) -> String {
    format!(
        "---\nkind: kr\ntitle: KR {n}\nowner: dana\nobjective: O-{}\nmetric: {{start: 0, target: 100}}\n---\n",
        n % objectives + 1
    )
}

fn task(n: usize, krs: usize, status: &str) -> String {
    format!(
        "---\nkind: task\ntitle: Task {n}\nowner: sam\nkr: KR-{}\nstatus: {status}\n---\n",
        n % krs + 1
    )
}

/// The long history; returns the item paths at HEAD and the as-of day.
fn long_history(dir: &Path, commits: usize, files: usize) -> (Vec<String>, String) {
    let (objectives, krs, tasks) = (10, 30, 260);
    let mut im = Import {
        out: Vec::new(),
        n: 0,
        hour: 0,
        step: 1,
    };
    let mut first = Vec::new();
    for f in 0..files {
        first.push(Op::Write(
            format!("src/m{:03}/f{f:05}.rs", f / 400),
            format!("// file {f}\n"),
        ));
    }
    let mut paths: Vec<String> = Vec::new();
    for o in 1..=objectives {
        let p = format!("okrs/O-{o}.md");
        first.push(Op::Write(p.clone(), objective(o)));
        paths.push(p);
    }
    for k in 1..=krs {
        let p = format!("okrs/KR-{k}.md");
        first.push(Op::Write(p.clone(), kr(k, objectives)));
        paths.push(p);
    }
    let mut task_paths: Vec<String> = (1..=tasks).map(|t| format!("work/T-{t}.md")).collect();
    for (i, p) in task_paths.iter().enumerate() {
        first.push(Op::Write(p.clone(), task(i + 1, krs, "todo")));
    }
    im.commit("initial import", &first);
    let statuses = ["doing", "blocked", "doing", "done"];
    for c in 1..commits {
        let mut ops = Vec::new();
        if c % 40 == 0 {
            let t = (c / 40) % tasks;
            if c % 400 == 0 {
                // A rename into the archive, keeping the content.
                let to = format!("work/archive/T-{}.md", t + 1);
                if task_paths[t] != to {
                    ops.push(Op::Rename(task_paths[t].clone(), to.clone()));
                    task_paths[t] = to;
                }
            } else {
                let status = statuses[(c / 40 / tasks) % statuses.len()];
                ops.push(Op::Write(task_paths[t].clone(), task(t + 1, krs, status)));
            }
        } else {
            let f = (c * 7919) % files;
            ops.push(Op::Write(
                format!("src/m{:03}/f{f:05}.rs", f / 400),
                format!("// file {f}, change {c}\n"),
            ));
        }
        im.commit(&format!("change {c}"), &ops);
    }
    let as_of = im.last_day();
    im.finish(dir);
    paths.extend(task_paths);
    (paths, as_of)
}

/// The trend repository: `items` items, `commits` commits (one every 18
/// hours, so 500 span a year), each changing 20 tasks.
fn wide_history(dir: &Path, items: usize, commits: usize) -> String {
    let (objectives, krs) = (items / 100, items * 3 / 100);
    let tasks = items - objectives - krs;
    // 18 hours apart: 500 commits span a year.
    let mut im = Import {
        out: Vec::new(),
        n: 0,
        hour: 0,
        step: 18,
    };
    let mut first = Vec::new();
    for o in 1..=objectives {
        first.push(Op::Write(format!("okrs/O-{o}.md"), objective(o)));
    }
    for k in 1..=krs {
        first.push(Op::Write(format!("okrs/KR-{k}.md"), kr(k, objectives)));
    }
    for t in 1..=tasks {
        first.push(Op::Write(
            format!("work/{:02}/T-{t}.md", t / 1000),
            task(t, krs, "todo"),
        ));
    }
    im.commit("initial import", &first);
    let statuses = ["doing", "blocked", "done"];
    for c in 1..commits {
        let ops: Vec<Op> = (0..20)
            .map(|i| {
                let t = (c * 20 + i) % tasks + 1;
                let status = statuses[(c * 20 + i) / tasks % statuses.len()];
                Op::Write(
                    format!("work/{:02}/T-{t}.md", t / 1000),
                    task(t, krs, status),
                )
            })
            .collect();
        im.commit(&format!("week {c}"), &ops);
    }
    let as_of = im.last_day();
    im.finish(dir);
    as_of
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "git {args:?} failed");
}

fn run(dir: &Path, program: &str, args: &[String], before: Option<&dyn Fn()>) -> Duration {
    if let Some(f) = before {
        f();
    }
    let start = Instant::now();
    Command::new(program)
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    start.elapsed()
}

/// The best of `n` runs after one warm-up (warm page cache).
fn best(n: usize, mut f: impl FnMut() -> Duration) -> Duration {
    f();
    (0..n).map(|_| f()).min().unwrap()
}

/// Peak resident memory in KiB, from `/usr/bin/time -f %M`.
fn peak_rss(dir: &Path, args: &[String], before: Option<&dyn Fn()>) -> u64 {
    if let Some(f) = before {
        f();
    }
    let out = Command::new("/usr/bin/time")
        .current_dir(dir)
        .arg("-f")
        .arg("%M")
        .arg(ALIGN)
        .args(args)
        .stdout(Stdio::null())
        .output();
    out.ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse().ok())
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}
