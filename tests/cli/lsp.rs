//! `align lsp` driven as a child process over stdio with real JSON-RPC
//! messages (Content-Length framing), as an editor drives it. Every wait
//! has a deadline, so a hung server fails the test instead of hanging CI.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{AS_OF, TestRepo, align_command};

const DEADLINE: Duration = Duration::from_secs(30);

/// A scripted language client.
struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(repo: &TestRepo) -> Client {
        let mut child = align_command(repo.path())
            .args(["--as-of", AS_OF, "lsp"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("align lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            loop {
                let mut size = 0usize;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
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
                if stdout.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 0,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request; returns its response and the notifications the
    /// server sent before it (the server handles messages in order, so
    /// those are all it had to say about what was sent earlier).
    fn request_with_notes(&mut self, method: &str, params: Value) -> (Value, Vec<Value>) {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let start = Instant::now();
        let mut notes = Vec::new();
        loop {
            let left = DEADLINE.checked_sub(start.elapsed()).unwrap_or_default();
            let msg = self
                .rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to `{method}` within {DEADLINE:?}"));
            if msg["id"] == json!(id) {
                return (msg, notes);
            }
            notes.push(msg);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let (response, _) = self.request_with_notes(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The diagnostics last published for `uri` by the messages sent so far.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let (_, notes) = self.request_with_notes("align/ping", json!(null));
        let last = notes
            .iter()
            .rev()
            .find(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri)
            .unwrap_or_else(|| panic!("no diagnostics for {uri} in {notes:?}"));
        last["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}],
            }),
        );
    }

    fn at(uri: &str, line: u32, character: u32) -> Value {
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn workspace() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("align.yaml", "people: [dana, sam]\n")
        .write(
            "okrs/O-1.md",
            "---\nkind: objective\ntitle: Grow\nowner: dana\nperiod: 2026-Q4\n---\n",
        )
        .write(
            "okrs/KR-1.md",
            "---\nkind: kr\ntitle: More leads\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10, current: 5}\n---\n",
        )
        .write(
            "okrs/KR-2.md",
            "---\nkind: kr\ntitle: Fewer churns\nowner: sam\nobjective: O-1\nmetric: {start: 10, target: 5}\n---\n",
        )
        .write(
            "work/T-1.md",
            "---\nkind: task\ntitle: Run the webinar\nowner: sam\nkr: KR-1\n---\n",
        );
    repo
}

fn url(repo: &TestRepo, rel: &str) -> String {
    let path = repo.path().canonicalize().unwrap().join(rel);
    format!("file://{}", path.display())
}

/// Applies the one edit of a code action to `text` (single-line ranges).
fn apply(text: &str, action: &Value, uri: &str) -> String {
    let edits = action["edit"]["changes"][uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    let (range, new) = (&edits[0]["range"], edits[0]["newText"].as_str().unwrap());
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let (a, b) = (offset(&range["start"]), offset(&range["end"]));
    format!("{}{new}{}", &text[..a], &text[b..])
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn an_editor_session_over_stdio() {
    let repo = workspace();
    let mut c = Client::start(&repo);
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": url(&repo, ""), "capabilities": {}}),
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["referencesProvider"], true);
    assert!(caps["completionProvider"].is_object() && caps["codeActionProvider"] == true);
    c.notify("initialized", json!({}));

    // A new task, not yet saved, linking a KR that does not exist.
    let t3 = url(&repo, "work/T-3.md");
    let dangling = "---\nkind: task\ntitle: Draft the brief\nowner: sam\nkr: KR-31\n---\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": t3, "languageId": "markdown", "version": 1, "text": dangling}}),
    );
    let d = c.diagnostics(&t3);
    assert_eq!(codes(&d), ["AL002"], "{d:?}");
    assert_eq!(
        d[0]["range"],
        json!({"start": {"line": 4, "character": 4}, "end": {"line": 4, "character": 9}})
    );
    assert_eq!(d[0]["severity"], 1);
    assert_eq!(d[0]["source"], "align");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("`kr` links to `KR-31`, which does not exist")
    );

    // Fixed: the finding is cleared.
    let fixed = dangling.replace("KR-31", "KR-1");
    c.change(&t3, 2, &fixed);
    assert!(c.diagnostics(&t3).is_empty());

    // Definition on the KR id: the KR's file, at its `kind` line.
    let def = c.request("textDocument/definition", Client::at(&t3, 4, 6));
    assert_eq!(def["uri"], url(&repo, "okrs/KR-1.md"));
    assert_eq!(def["range"]["start"]["line"], 1);

    // References to KR-1: the link on disk and the one being edited.
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": t3}, "position": {"line": 4, "character": 5}, "context": {"includeDeclaration": false}}),
    );
    let mut uris: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    uris.sort();
    assert_eq!(uris, [url(&repo, "work/T-1.md"), t3.clone()]);

    // Hover on the id: kind, title, owner, status and the §3 numbers.
    let hover = c.request("textDocument/hover", Client::at(&t3, 4, 5));
    let text = hover["contents"]["value"].as_str().unwrap();
    for part in [
        "**KR-1** (KR): More leads",
        "owner dana",
        "status active",
        "progress 50% of",
        "expected",
    ] {
        assert!(text.contains(part), "{part:?} not in {text:?}");
    }

    // Completion after `kr: `: the KRs with their titles, and no task.
    c.change(&t3, 3, &dangling.replace("kr: KR-31", "kr: "));
    let items = c.request("textDocument/completion", Client::at(&t3, 4, 4));
    let got: Vec<(&str, &str)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["label"].as_str().unwrap(), i["detail"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("KR-1", "More leads"), ("KR-2", "Fewer churns")]);

    // Field names for a task, from the schema table, none already written.
    c.change(&t3, 4, &fixed.replace("owner: sam\n", "owner: sam\nst\n"));
    let items = c.request("textDocument/completion", Client::at(&t3, 4, 2));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"status") && labels.contains(&"depends_on"),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"metric") && !labels.contains(&"title"),
        "{labels:?}"
    );

    // A done task without a date: the quick fix adds the as-of date.
    let done = fixed.replace("kr: KR-1\n", "kr: KR-1\nstatus: done\n");
    c.change(&t3, 5, &done);
    let d = c.diagnostics(&t3);
    assert_eq!(codes(&d), ["AL016"]);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": t3}, "range": d[0]["range"], "context": {"diagnostics": d}}),
    );
    let action = &actions[0];
    assert_eq!(action["title"], format!("Add `done: {AS_OF}`"));
    let applied = apply(&done, action, &t3);
    assert!(
        applied.contains(&format!("status: done\ndone: {AS_OF}\n")),
        "{applied}"
    );
    c.change(&t3, 6, &applied);
    assert!(c.diagnostics(&t3).is_empty());

    // A dangling id: replaced by the suggestion.
    let typo = fixed.replace("KR-1", "KRR-1");
    c.change(&t3, 7, &typo);
    let d = c.diagnostics(&t3);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": t3}, "range": d[0]["range"], "context": {"diagnostics": d}}),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Replace `KRR-1` by `KR-1`")
        .unwrap_or_else(|| panic!("{actions}"));
    c.change(&t3, 8, &apply(&typo, action, &t3));
    assert!(c.diagnostics(&t3).is_empty());

    c.request("shutdown", json!(null));
    c.notify("exit", json!(null));
    let start = Instant::now();
    loop {
        if let Some(status) = c.child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        assert!(start.elapsed() < DEADLINE, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn malformed_messages_and_unparsable_files_do_not_kill_the_server() {
    let repo = workspace();
    let mut c = Client::start(&repo);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": url(&repo, ""), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));

    // A body that is not JSON: a parse error with a null id, and on we go.
    c.send_raw(b"Content-Length: 7\r\n\r\n{oops}!");
    let (_, notes) = c.request_with_notes("align/ping", json!(null));
    let error = notes
        .iter()
        .find(|n| n["error"].is_object())
        .expect("a parse error reply");
    assert_eq!(error["error"]["code"], -32700);
    assert_eq!(error["id"], Value::Null);
    // Params of the wrong shape: an error reply, not a crash.
    let (bad, _) = c.request_with_notes("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(bad["error"]["code"], -32602);

    // YAML that cannot be parsed: AL014, and a quick fix that quotes it.
    let t1 = url(&repo, "work/T-1.md");
    let broken = "---\nkind: task\ntitle: Launch: phase 2\nowner: sam\nkr: KR-1\n---\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": t1, "languageId": "markdown", "version": 1, "text": broken}}),
    );
    let d = c.diagnostics(&t1);
    assert_eq!(codes(&d), ["AL014"], "{d:?}");
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": t1}, "range": d[0]["range"], "context": {"diagnostics": d}}),
    );
    assert_eq!(actions[0]["title"], "Quote the value of `title`");
    let fixed = apply(broken, &actions[0], &t1);
    assert!(fixed.contains("title: \"Launch: phase 2\"\n"), "{fixed}");
    c.change(&t1, 2, &fixed);
    assert!(c.diagnostics(&t1).is_empty());

    // Still serving: hover, completion and definition on a binary-ish file.
    c.change(&t1, 3, "\u{0}\u{1}garbage: [\n");
    let d = c.diagnostics(&t1);
    assert_eq!(codes(&d), ["AL014"]);
    let hover = c.request("textDocument/hover", Client::at(&t1, 0, 3));
    assert!(hover.is_null());
}

#[test]
fn files_changed_on_disk_are_picked_up() {
    let repo = workspace();
    let mut c = Client::start(&repo);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": url(&repo, ""), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    // The workspace is read once the client is initialized: wait for it.
    c.request_with_notes("align/ping", json!(null));
    // Another program (git, another editor) deletes the KR a task links to.
    std::fs::remove_file(repo.path().join("okrs/KR-1.md")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&repo, "okrs/KR-1.md"), "type": 3}]}),
    );
    let d = c.diagnostics(&url(&repo, "work/T-1.md"));
    assert_eq!(codes(&d), ["AL002"]);
    // …and brings it back: the finding is cleared.
    repo.write(
        "okrs/KR-1.md",
        "---\nkind: kr\ntitle: More leads\nowner: dana\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n",
    );
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&repo, "okrs/KR-1.md"), "type": 1}]}),
    );
    assert!(c.diagnostics(&url(&repo, "work/T-1.md")).is_empty());
    // A file deleted with findings on it has them cleared.
    repo.write(
        "work/T-9.md",
        "---\nkind: task\ntitle: Stray\nkr: KR-404\n---\n",
    );
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&repo, "work/T-9.md"), "type": 1}]}),
    );
    assert_eq!(codes(&c.diagnostics(&url(&repo, "work/T-9.md"))), ["AL002"]);
    std::fs::remove_file(repo.path().join("work/T-9.md")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&repo, "work/T-9.md"), "type": 3}]}),
    );
    assert!(c.diagnostics(&url(&repo, "work/T-9.md")).is_empty());
}
