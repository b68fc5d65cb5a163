//! Hostile graph shapes at 100,000 (SPEC §6 last bullets): a 100,000-deep
//! `parent` chain, 100,000 dangling links, 100,000 findings in one file
//! and one KR with 100,000 tasks are answered like any other 100,000-item
//! workspace — right, without a stack overflow, and in linear time (the
//! debug binary would take minutes on any quadratic step left). Items are
//! written as YAML sequences, 1,000 to a file, which is far quicker than
//! 100,000 files and stays under the 1 MiB file limit.

use serde_json::Value;

use crate::common::{TestRepo, stdout};

const N: usize = 100_000;

/// Writes `items` (one YAML flow mapping each) into `dir/items-K.yaml`
/// files of 1,000.
fn write_items(repo: &TestRepo, dir: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    for (k, chunk) in items.chunks(1_000).enumerate() {
        let mut text = String::with_capacity(chunk.len() * 100);
        for item in chunk {
            text.push_str("- ");
            text.push_str(item);
            text.push('\n');
        }
        repo.write(&format!("{dir}/items-{k:04}.yaml"), &text);
    }
}

/// Runs align and parses its JSON output, whatever the exit status.
fn json(repo: &TestRepo, args: &[&str]) -> Value {
    let out = repo.align(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// `O-0` ← `O-1` ← … ← `O-99999` through `parent`, a KR under the
/// deepest and a task on it.
fn deep_chain() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("align.yaml", "");
    write_items(
        &repo,
        "okrs",
        (0..N).map(|i| {
            let parent = if i == 0 {
                String::new()
            } else {
                format!(", parent: O-{}", i - 1)
            };
            format!("{{id: O-{i}, kind: objective, title: level {i}, owner: dana, period: 2026-Q4{parent}}}")
        }),
    );
    repo.write(
        "work.yaml",
        &format!(
            "- {{id: KR-1, kind: kr, title: deep, owner: sam, objective: O-{}, metric: {{start: 0, target: 10}}}}\n\
             - {{id: T-1, kind: task, title: deep work, owner: sam, kr: KR-1}}\n",
            N - 1
        ),
    );
    repo
}

/// Nodes of a `status --format json` forest, and its deepest nesting,
/// counted without recursion.
fn forest_shape(roots: &[Value]) -> (usize, usize) {
    let mut stack: Vec<(&Value, usize)> = roots.iter().map(|r| (r, 1)).collect();
    let (mut nodes, mut deepest) = (0, 0);
    while let Some((n, d)) = stack.pop() {
        nodes += 1;
        deepest = deepest.max(d);
        for c in n["children"].as_array().unwrap() {
            stack.push((c, d + 1));
        }
    }
    (nodes, deepest)
}

#[test]
fn a_deep_parent_chain_is_linted_at_its_depth() {
    let repo = deep_chain();
    let report = json(&repo, &["lint", "--format", "json"]);
    let findings = report["findings"].as_array().unwrap();
    let deep: Vec<&Value> = findings.iter().filter(|f| f["code"] == "AL011").collect();
    // Every objective below the third level (max_depth 3).
    assert_eq!(deep.len(), N - 3);
    let last = format!(
        "objective `O-{}` sits {N} levels deep; the limit is 3",
        N - 1
    );
    assert!(deep.iter().any(|f| f["message"] == last.as_str()));
    assert_eq!(findings.len(), N - 3, "nothing else is wrong");
}

#[test]
fn a_deep_parent_chain_rolls_up_without_overflow() {
    let repo = deep_chain();
    let roots = json(&repo, &["status", "--format", "json"]);
    let roots = roots["tree"].as_array().unwrap();
    // Every objective once, 32 to a tree, each later tree naming the
    // objective it continues; the KR and task under the last.
    assert_eq!(roots.len(), N.div_ceil(32));
    assert_eq!(roots[1]["id"], "O-32");
    assert_eq!(roots[1]["parent"], "O-31");
    assert!(roots[0].get("parent").is_none());
    let (nodes, deepest) = forest_shape(roots);
    assert_eq!(nodes, N + 2);
    assert!(deepest <= 32 + 2, "{deepest} levels");
}

#[test]
fn a_task_under_a_deep_parent_chain_shows_its_goals() {
    let repo = deep_chain();
    // The task's goals, from the top down to it.
    let up = json(&repo, &["status", "T-1", "--format", "json"]);
    let up = up["tree"].as_array().unwrap();
    assert_eq!(forest_shape(up).0, N + 2);
    let last = up.last().unwrap();
    assert_eq!(
        last["parent"],
        format!("O-{}", (N - 1) / 32 * 32 - 1).as_str()
    );
}

#[test]
fn a_deep_parent_chain_is_drawn() {
    let repo = deep_chain();
    let out = repo.align(&["graph"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mermaid = stdout(&out);
    // Every objective, the KR and the task; one edge into each but the
    // top (across the trees the chain is cut into, too).
    let boxes = mermaid
        .lines()
        .filter(|l| l.trim_start().starts_with('n') && !l.contains("-->"))
        .count();
    assert_eq!(boxes, N + 2);
    assert_eq!(mermaid.matches(" --> ").count(), N + 1);
    let out = repo.align(&["graph", "--format", "dot"]).output().unwrap();
    assert!(out.status.success());
    let dot = stdout(&out);
    assert_eq!(dot.matches("label=\"O-").count(), N);
    assert_eq!(dot.matches(" -> ").count(), N + 1);
}

#[test]
fn a_hundred_thousand_dangling_links_are_each_reported() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "");
    repo.write(
        "okrs.yaml",
        "- {id: O-1, kind: objective, title: o, owner: dana, period: 2026-Q4}\n",
    );
    // A thousand KRs, and tasks linking to ids of the same shape and
    // length that no KR has: the worst case for "did you mean".
    write_items(
        &repo,
        "krs",
        (0..1_000).map(|i| {
            format!("{{id: KR-{i:05}, kind: kr, title: k, owner: sam, objective: O-1, metric: {{start: 0, target: 10}}}}")
        }),
    );
    write_items(
        &repo,
        "work",
        (0..N).map(|i| {
            format!(
                "{{id: T-{i}, kind: task, title: t, owner: sam, kr: KR-{:05}}}",
                i + 1_000
            )
        }),
    );
    let report = json(&repo, &["lint", "--format", "json"]);
    let findings = report["findings"].as_array().unwrap();
    let dangling: Vec<&Value> = findings.iter().filter(|f| f["code"] == "AL002").collect();
    assert_eq!(dangling.len(), N);
    // Suggestions are still made where a near id exists: KR-01000 is one
    // edit from KR-00000 … and names the nearest.
    let first = dangling
        .iter()
        .find(|f| f["message"] == "`kr` links to `KR-01000`, which does not exist")
        .unwrap();
    assert!(
        first["help"]
            .as_str()
            .unwrap()
            .starts_with("did you mean `KR-00000`"),
        "{}",
        first["help"]
    );
}

/// One task whose `depends_on` names 100,000 tasks that do not exist,
/// one per line (ids in base 36 to stay under the 1 MiB file limit).
fn many_findings() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("align.yaml", "");
    let mut text = String::from(
        "---\nkind: task\ntitle: t\nowner: sam\nunplanned: true\nreason: r\ndepends_on:\n",
    );
    for i in 0..N {
        text.push_str(&format!("- x{}\n", base36(i)));
    }
    text.push_str("---\n");
    repo.write("T-1.md", &text);
    repo
}

#[test]
fn a_hundred_thousand_findings_in_one_file_for_people() {
    let repo = many_findings();
    let report = json(&repo, &["lint", "--format", "json"]);
    assert_eq!(report["findings"].as_array().unwrap().len(), N);

    let out = repo.align(&["lint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let human = stdout(&out);
    assert_eq!(human.matches("AL002(dangling-link)").count(), N);
    assert!(
        human.ends_with(&format!("{N} errors, 0 warnings\n")),
        "{}",
        &human[human.len() - 200..]
    );
    // The last finding points at its own line.
    assert!(human.contains(&format!("[T-1.md:{}:3]", N + 7)));
}

#[test]
fn a_hundred_thousand_findings_in_one_file_in_the_ci_formats() {
    let repo = many_findings();
    for (format, each) in [
        ("short", "AL002"),
        ("github", "::error"),
        ("sarif", "\"ruleId\": \"AL002\""),
    ] {
        let out = repo.align(&["lint", "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert_eq!(stdout(&out).matches(each).count(), N, "{format}");
    }
}

fn base36(mut i: usize) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut s = Vec::new();
    loop {
        s.push(digits[i % 36]);
        i /= 36;
        if i == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// One objective, one KR, one initiative, and 100,000 tasks on the KR
/// (half of them through the initiative); a quarter of each status.
fn one_kr_many_tasks() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("align.yaml", "");
    repo.write(
        "okrs.yaml",
        "- {id: O-1, kind: objective, title: o, owner: dana, period: 2026-Q4}\n\
         - {id: KR-1, kind: kr, title: k, owner: sam, objective: O-1, metric: {start: 0, target: 10}}\n\
         - {id: I-1, kind: initiative, title: i, owner: sam, kr: KR-1, status: doing}\n",
    );
    write_items(
        &repo,
        "work",
        (0..N).map(|i| {
            let status = ["todo", "doing", "done", "blocked"][i % 4];
            let done = if status == "done" { ", done: 2026-10-20" } else { "" };
            let via = if i % 2 == 1 { ", initiative: I-1" } else { "" };
            format!("{{id: T-{i}, kind: task, title: t {i}, owner: sam, kr: KR-1, status: {status}{done}{via}}}")
        }),
    );
    repo
}

#[test]
fn one_kr_with_a_hundred_thousand_tasks_ranks_and_rolls_up() {
    let repo = one_kr_many_tasks();
    let open = N / 4 * 3;
    let queue = json(&repo, &["next", "--format", "json", "--limit", "1000000"]);
    let tasks = queue["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), open);
    assert!(
        tasks
            .iter()
            .all(|t| t["krs"] == serde_json::json!(["KR-1"]))
    );
    let reason = tasks[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains(&format!("one of {open} open tasks on it")),
        "{reason}"
    );

    let roots = json(&repo, &["status", "--format", "json"]);
    let roots = roots["tree"].as_array().unwrap();
    // O-1 → KR-1 → I-1 with its half, and the other half on KR-1 itself.
    let (nodes, deepest) = forest_shape(roots);
    assert_eq!((nodes, deepest), (3 + N, 4));
    let kr = &roots[0]["children"][0];
    assert_eq!(kr["children"].as_array().unwrap().len(), 1 + N / 2);
}

#[test]
fn one_kr_with_a_hundred_thousand_tasks_is_drawn_and_audited() {
    let repo = one_kr_many_tasks();
    let out = repo.align(&["graph"]).output().unwrap();
    assert!(out.status.success());
    // The groups collapse: a few boxes, however many tasks.
    let mermaid = stdout(&out);
    assert!(
        mermaid.contains(&format!("+{} more tasks", N / 2 - 8)),
        "{mermaid}"
    );
    let audit = json(&repo, &["audit", "--format", "json"]);
    let kr = &audit["krs"][0];
    assert_eq!(kr["open_tasks"], N / 4 * 3);
    assert_eq!(kr["done_tasks"], N / 4);
}
