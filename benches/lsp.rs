//! The editor latency of SPEC §11, run with `cargo bench --bench lsp`
//! (optionally `-- 10000` to choose the size). It generates a workspace of
//! N items, starts `align lsp` as an editor would, and with a scripted
//! client over stdio times each `didChange` until the server publishes
//! that document's diagnostics: a task switching between a dangling and a
//! valid KR, and a KR whose title changes (its tasks are re-checked too).
//! It prints the median and p95; it asserts nothing, because timings
//! belong in reports, not in tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ALIGN: &str = env!("CARGO_BIN_EXE_align");
const ROUNDS: usize = 200;

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::Builder::new()
        .prefix("align-lsp-bench")
        .tempdir()
        .expect("temp dir");
    let root = dir.path().canonicalize().unwrap();
    let (task, kr) = generate(&root, n);
    let mut child = Command::new(ALIGN)
        .args(["--as-of", "2026-11-12", "lsp"])
        .current_dir(&root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("align lsp starts");
    let mut client = Client {
        stdin: child.stdin.take().unwrap(),
        rx: reader(child.stdout.take().unwrap()),
    };
    let start = Instant::now();
    let root_uri = format!("file://{}", root.display());
    client.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": root_uri, "capabilities": {}}}));
    client.wait(|m| m["id"] == 1);
    client.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    client.send(json!({"jsonrpc": "2.0", "id": 2, "method": "align/ping"}));
    client.wait(|m| m["id"] == 2);
    let loaded = start.elapsed();

    println!(
        "align lsp, {n} items: workspace read and linted in {}",
        ms(loaded)
    );
    println!();
    println!("| edit | rounds | median | p95 | max |");
    println!("|---|---|---|---|---|");
    for (label, rel, good, bad) in [
        (
            "task: kr valid ↔ dangling",
            task.0.as_str(),
            task.1.clone(),
            task.1.replace("kr: KR-1\n", "kr: KR-99999\n"),
        ),
        (
            "KR: title changed (its tasks re-checked)",
            kr.0.as_str(),
            kr.1.clone(),
            kr.1.replace("title: Key result 1\n", "title: Key result one\n"),
        ),
    ] {
        let uri = format!("{root_uri}/{rel}");
        client.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "markdown", "version": 0, "text": good}}}),
        );
        client.wait(|m| is_publish(m, &uri));
        let mut times = Vec::with_capacity(ROUNDS);
        for round in 1..=ROUNDS {
            let text = if round % 2 == 1 { &bad } else { &good };
            let sent = Instant::now();
            client.send(
                json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": round},
                "contentChanges": [{"text": text}]}}),
            );
            client.wait(|m| is_publish(m, &uri));
            times.push(sent.elapsed());
        }
        times.sort();
        println!(
            "| {label} | {ROUNDS} | {} | {} | {} |",
            ms(times[ROUNDS / 2]),
            ms(times[ROUNDS * 95 / 100]),
            ms(times[ROUNDS - 1])
        );
    }
    client.send(json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}));
    client.wait(|m| m["id"] == 3);
    client.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();
}

struct Client {
    stdin: ChildStdin,
    rx: Receiver<Value>,
}

impl Client {
    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The first message matching `pred`; others are dropped.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            let msg = self
                .rx
                .recv_timeout(Duration::from_secs(120))
                .expect("the server answers within two minutes");
            if pred(&msg) {
                return msg;
            }
        }
    }
}

fn is_publish(m: &Value, uri: &str) -> bool {
    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

/// Reads framed messages from the server on a thread of their own.
fn reader(stdout: std::process::ChildStdout) -> Receiver<Value> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        loop {
            let mut size = 0;
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    size = n.parse().unwrap();
                }
            }
            let mut body = vec![0; size];
            if r.read_exact(&mut body).is_err()
                || tx.send(serde_json::from_slice(&body).unwrap()).is_err()
            {
                return;
            }
        }
    });
    rx
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// N items: 1% objectives, 4% KRs, the rest tasks linked to KRs. Returns
/// one task's and one KR's path and text.
fn generate(root: &Path, n: usize) -> ((String, String), (String, String)) {
    let objectives = (n / 100).max(1);
    let krs = (n * 4 / 100).max(2);
    let tasks = n.saturating_sub(objectives + krs).max(1);
    std::fs::write(
        root.join("align.yaml"),
        "include: [\"okrs/**\", \"work/**\"]\n",
    )
    .unwrap();
    let write = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    for i in 0..objectives {
        write(
            &format!("okrs/objectives/O-{i}.md"),
            &format!(
                "---\nkind: objective\ntitle: Objective {i}\nowner: dana\nperiod: 2026-Q4\n---\n"
            ),
        );
    }
    let kr_text = |i: usize| {
        format!(
            "---\nkind: kr\ntitle: Key result {i}\nowner: sam\nobjective: O-{}\nmetric: {{start: 0, target: 100}}\n---\n",
            i % objectives
        )
    };
    for i in 0..krs {
        write(&format!("okrs/krs/KR-{i}.md"), &kr_text(i));
    }
    let task_text = |i: usize| {
        let status = ["todo", "doing", "done", "blocked"][i % 4];
        let done = if status == "done" {
            "done: 2026-10-20\n"
        } else {
            ""
        };
        format!(
            "---\nkind: task\ntitle: Task {i}\nowner: lee\nkr: KR-{}\nstatus: {status}\n{done}---\nNotes.\n",
            i % krs
        )
    };
    for i in 0..tasks {
        write(
            &format!("work/tasks/{:03}/T-{i}.md", i / 1000),
            &task_text(i),
        );
    }
    (
        ("work/tasks/000/T-1.md".into(), task_text(1)),
        ("okrs/krs/KR-1.md".into(), kr_text(1)),
    )
}
