//! The performance benchmark of SPEC §7, run with `cargo bench --bench scale`
//! (optionally `-- 10000 100000` to choose sizes). It generates workspaces
//! of N items in a temp dir, then times, in one run and on a warm page
//! cache, the floor (`cat` every item file to /dev/null) against `align
//! lint` and `align audit`, and `align lint --staged` with one staged file
//! against `git status`, and `align site` (with its 12-week trend over the
//! commit's history) against `align audit`, with the site's size. It
//! prints ratios and peak memory; it asserts nothing, because timings
//! belong in reports, not in tests.
//!
//! Then the hostile shapes of SPEC §6 at 10,000 and 100,000 (whatever
//! sizes are asked): a `parent` chain that deep, that many dangling links,
//! that many findings in one file, one KR with that many tasks, each timed
//! in the commands it stresses, with the ratio between the sizes (linear
//! means about 10×). `-- shapes` runs only these.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ALIGN: &str = env!("CARGO_BIN_EXE_align");

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    if !std::env::args().any(|a| a == "shapes") {
        workspaces(&sizes);
    }
    shapes(&sizes);
}

/// The realistic workspaces: lint, audit, staged lint and site.
fn workspaces(sizes: &[usize]) {
    let sizes = sizes.to_vec();
    println!(
        "| items | cat floor | lint | lint/cat | audit | audit/cat | lint peak RSS | git status | lint --staged | staged/status |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut lint_times = Vec::new();
    let mut sites = Vec::new();
    for n in sizes {
        let dir = tempfile::Builder::new()
            .prefix("align-bench")
            .tempdir()
            .expect("temp dir");
        generate(dir.path(), n);
        git(dir.path(), &["init", "-q", "-b", "main"]);
        git(dir.path(), &["add", "-A"]);
        git(dir.path(), &["commit", "-q", "-m", "generated"]);
        let cat = best(|| {
            run_sh(
                dir.path(),
                "find work okrs -type f -print0 | xargs -0 cat > /dev/null",
            )
        });
        let lint = best(|| run(dir.path(), ALIGN, &["--as-of", "2026-11-12", "lint", "-q"]));
        let audit = best(|| run(dir.path(), ALIGN, &["--as-of", "2026-11-12", "audit", "-q"]));
        let rss = peak_rss(dir.path(), &["--as-of", "2026-11-12", "lint", "-q"]);
        let out = dir.path().join("site-out");
        let out_arg = out.display().to_string();
        let site = best(|| {
            run(
                dir.path(),
                ALIGN,
                &["--as-of", "2026-11-12", "site", "-q", "--out", &out_arg],
            )
        });
        sites.push((n, site, audit, site_size(&out)));
        // One staged change: a new, linked task.
        std::fs::write(
            dir.path().join("work/tasks/T-bench-new.md"),
            "---\nkind: task\ntitle: New\nkr: KR-1\nowner: dana\n---\n",
        )
        .unwrap();
        git(dir.path(), &["add", "work/tasks/T-bench-new.md"]);
        let status = best(|| run(dir.path(), "git", &["status", "--porcelain"]));
        let staged = best(|| {
            run(
                dir.path(),
                ALIGN,
                &["--as-of", "2026-11-12", "lint", "--staged", "-q"],
            )
        });
        println!(
            "| {n} | {} | {} | {:.2}× | {} | {:.2}× | {} MiB | {} | {} | {:.2}× |",
            ms(cat),
            ms(lint),
            ratio(lint, cat),
            ms(audit),
            ratio(audit, cat),
            rss / 1024,
            ms(status),
            ms(staged),
            ratio(staged, status),
        );
        lint_times.push((n, lint));
    }
    println!("\n| items | audit | site | site/audit | front page | whole site |");
    println!("|---|---|---|---|---|---|");
    for (n, site, audit, (front, total)) in &sites {
        println!(
            "| {n} | {} | {} | {:.2}× | {} KiB | {} KiB |",
            ms(*audit),
            ms(*site),
            ratio(*site, *audit),
            front / 1024,
            total / 1024
        );
    }
    if let [(n1, t1), .., (n2, t2)] = lint_times.as_slice() {
        println!(
            "\nlint {n1} → {n2} items: {:.1}× the time for {:.0}× the items",
            ratio(*t2, *t1),
            *n2 as f64 / *n1 as f64
        );
    }
}

/// One hostile shape: its name, how to write it at a size, and the
/// commands timed on it.
struct Shape {
    name: &'static str,
    write: fn(&Path, usize),
    commands: &'static [&'static [&'static str]],
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "parent chain",
        write: write_chain,
        commands: &[
            &["lint"],
            &["lint", "--format", "json"],
            &["status"],
            &["status", "--format", "json"],
            &["status", "T-1"],
            &["graph"],
            &["graph", "--format", "dot"],
            &["audit"],
            &["capacity"],
        ],
    },
    Shape {
        name: "dangling links",
        write: write_dangling,
        commands: &[&["lint"], &["lint", "--format", "short"], &["show", "T-1"]],
    },
    Shape {
        name: "findings in one file",
        write: write_findings,
        commands: &[
            &["lint"],
            &["lint", "--format", "short"],
            &["lint", "--format", "json"],
            &["lint", "--format", "github"],
            &["lint", "--format", "sarif"],
        ],
    },
    Shape {
        name: "one KR's tasks",
        write: write_fan,
        commands: &[
            &["lint"],
            &["next"],
            &["status"],
            &["status", "--format", "json"],
            &["graph"],
            &["audit"],
            &["capacity"],
        ],
    },
];

/// Times every shape's commands at each size, with the ratio of the
/// largest to the smallest.
fn shapes(sizes: &[usize]) {
    let (Some(&small), Some(&large)) = (sizes.first(), sizes.last()) else {
        return;
    };
    println!(
        "\n| shape | command | {small} items | {large} items | ratio ({:.0}× items) |",
        large as f64 / small as f64
    );
    println!("|---|---|---|---|---|");
    for shape in SHAPES {
        let dirs: Vec<tempfile::TempDir> = [small, large]
            .iter()
            .map(|&n| {
                let dir = tempfile::Builder::new()
                    .prefix("align-shape")
                    .tempdir()
                    .expect("temp dir");
                std::fs::write(dir.path().join("align.yaml"), "").unwrap();
                (shape.write)(dir.path(), n);
                dir
            })
            .collect();
        for args in shape.commands {
            let times: Vec<Duration> = dirs
                .iter()
                .map(|d| {
                    let mut all = vec!["--as-of", "2026-11-12"];
                    all.extend_from_slice(args);
                    best_of(3, || run(d.path(), ALIGN, &all))
                })
                .collect();
            println!(
                "| {} | `{}` | {} | {} | {:.1}× |",
                shape.name,
                args.join(" "),
                ms(times[0]),
                ms(times[1]),
                ratio(times[1], times[0])
            );
        }
    }
}

/// Writes `items` (YAML flow mappings) into files of 1,000 under `dir`.
fn write_items(root: &Path, dir: &str, items: impl Iterator<Item = String>) {
    std::fs::create_dir_all(root.join(dir)).unwrap();
    let items: Vec<String> = items.collect();
    for (k, chunk) in items.chunks(1_000).enumerate() {
        let text: String = chunk.iter().map(|i| format!("- {i}\n")).collect();
        write(root, &format!("{dir}/items-{k:04}.yaml"), &text);
    }
}

/// `n` objectives, each the parent of the next; a KR and a task under
/// the last.
fn write_chain(root: &Path, n: usize) {
    write_items(
        root,
        "okrs",
        (0..n).map(|i| {
            let parent = if i == 0 {
                String::new()
            } else {
                format!(", parent: O-{}", i - 1)
            };
            format!("{{id: O-{i}, kind: objective, title: level {i}, owner: dana, period: 2026-Q4{parent}}}")
        }),
    );
    write(
        root,
        "work.yaml",
        &format!(
            "- {{id: KR-1, kind: kr, title: deep, owner: sam, objective: O-{}, metric: {{start: 0, target: 10}}}}\n- {{id: T-1, kind: task, title: t, owner: sam, kr: KR-1}}\n",
            n - 1
        ),
    );
}

/// A thousand KRs and `n` tasks linking to KR ids of the same shape that
/// do not exist: the worst case for "did you mean".
fn write_dangling(root: &Path, n: usize) {
    write(
        root,
        "okrs.yaml",
        "- {id: O-1, kind: objective, title: o, owner: dana, period: 2026-Q4}\n",
    );
    write_items(
        root,
        "krs",
        (0..1_000).map(|i| {
            format!("{{id: KR-{i:05}, kind: kr, title: k, owner: sam, objective: O-1, metric: {{start: 0, target: 10}}}}")
        }),
    );
    write_items(
        root,
        "work",
        (0..n).map(|i| {
            format!(
                "{{id: T-{i}, kind: task, title: t, owner: sam, kr: KR-{:05}}}",
                i + 1_000
            )
        }),
    );
}

/// One task file whose `depends_on` names `n` ids that do not exist, one
/// per line.
fn write_findings(root: &Path, n: usize) {
    let mut text = String::from(
        "---\nkind: task\ntitle: t\nowner: sam\nunplanned: true\nreason: r\ndepends_on:\n",
    );
    for i in 0..n {
        text.push_str(&format!("- x{i:x}\n"));
    }
    text.push_str("---\n");
    write(root, "T-1.md", &text);
}

/// One KR with `n` tasks, half through an initiative, a quarter of each
/// status.
fn write_fan(root: &Path, n: usize) {
    write(
        root,
        "okrs.yaml",
        "- {id: O-1, kind: objective, title: o, owner: dana, period: 2026-Q4}\n- {id: KR-1, kind: kr, title: k, owner: sam, objective: O-1, metric: {start: 0, target: 10}}\n- {id: I-1, kind: initiative, title: i, owner: sam, kr: KR-1, status: doing}\n",
    );
    write_items(
        root,
        "work",
        (0..n).map(|i| {
            let status = ["todo", "doing", "done", "blocked"][i % 4];
            let done = if status == "done" { ", done: 2026-10-20" } else { "" };
            let via = if i % 2 == 1 { ", initiative: I-1" } else { "" };
            format!("{{id: T-{i}, kind: task, title: t {i}, owner: sam, kr: KR-1, status: {status}{done}{via}}}")
        }),
    );
}

/// Writes a realistic workspace: 1% objectives, 4% KRs, 5% initiatives,
/// 90% tasks in folders of 1,000, every task linked.
fn generate(root: &Path, n: usize) {
    let objectives = (n / 100).max(1);
    let krs = (n * 4 / 100).max(1);
    let initiatives = (n * 5 / 100).max(1);
    let tasks = n.saturating_sub(objectives + krs + initiatives);
    std::fs::write(
        root.join("align.yaml"),
        "include: [\"okrs/**\", \"work/**\"]\nkind_by_path: { \"work/tasks/**\": task }\n",
    )
    .unwrap();
    for sub in ["okrs/objectives", "okrs/krs", "work/initiatives"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    for i in 0..objectives {
        write(
            root,
            &format!("okrs/objectives/O-{i}.md"),
            &format!(
                "---\nid: O-{i}\nkind: objective\ntitle: Objective {i}\nowner: dana\nperiod: 2026-Q4\n---\nWhy this matters.\n"
            ),
        );
    }
    for i in 0..krs {
        let o = i % objectives;
        write(
            root,
            &format!("okrs/krs/KR-{i}.md"),
            &format!(
                "---\nid: KR-{i}\nkind: kr\ntitle: Key result {i}\nowner: sam\nobjective: O-{o}\nmetric: {{start: 0, target: 100}}\ncheckins:\n  - {{date: 2026-10-15, value: {}, confidence: 0.7}}\n---\n",
                i % 60
            ),
        );
    }
    for i in 0..initiatives {
        write(
            root,
            &format!("work/initiatives/I-{i}.md"),
            &format!(
                "---\nid: I-{i}\nkind: initiative\ntitle: Initiative {i}\nowner: lee\nkr: KR-{}\nstatus: doing\n---\n",
                i % krs
            ),
        );
    }
    for i in 0..tasks {
        let dir = format!("work/tasks/{:03}", i / 1000);
        if i % 1000 == 0 {
            std::fs::create_dir_all(root.join(&dir)).unwrap();
        }
        let link = if i % 3 == 0 {
            format!("initiative: I-{}", i % initiatives)
        } else {
            format!("kr: KR-{}", i % krs)
        };
        let status = ["todo", "doing", "done", "done", "blocked"][i % 5];
        let done = if status == "done" {
            "done: 2026-10-20\n"
        } else {
            ""
        };
        write(
            root,
            &format!("{dir}/T-{i}.md"),
            &format!(
                "---\nid: T-{i}\ntitle: Task number {i}\n{link}\nowner: priya\nstatus: {status}\n{done}estimate: {}\nupdated: 2026-11-01\n---\nSome notes about task {i}.\n",
                1 + i % 5
            ),
        );
    }
}

/// The bytes of the front page and of the whole site.
fn site_size(out: &Path) -> (u64, u64) {
    let front = std::fs::metadata(out.join("index.html")).map_or(0, |m| m.len());
    let total = walk_size(out);
    (front, total)
}

fn walk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => walk_size(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

fn write(root: &Path, rel: &str, text: &str) {
    std::fs::write(root.join(rel), text).unwrap();
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.com",
        ])
        .args(args)
        // Inside 2026-Q4, so `align site`'s trend measures the tree.
        .env("GIT_AUTHOR_DATE", "2026-10-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-10-01T12:00:00Z")
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "git {args:?} failed");
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Duration {
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

fn run_sh(dir: &Path, script: &str) -> Duration {
    run(dir, "sh", &["-c", script])
}

/// The best of five runs after one warm-up (warm page cache).
fn best(f: impl FnMut() -> Duration) -> Duration {
    best_of(5, f)
}

/// The best of `n` runs after one warm-up.
fn best_of(n: usize, mut f: impl FnMut() -> Duration) -> Duration {
    f();
    (0..n).map(|_| f()).min().unwrap()
}

/// Peak resident memory in KiB, from `/usr/bin/time -f %M` where present.
fn peak_rss(dir: &Path, args: &[&str]) -> u64 {
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
