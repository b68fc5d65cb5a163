//! `align site` (SPEC §9): the generated HTML is parsed with a real HTML
//! parser (scraper) and every number on every page is checked against
//! `data.json`, which in turn must equal what `audit`, `status`,
//! `capacity` and `trend` print as JSON for the same as-of — on both
//! examples and on a generated 1,000-item workspace. A browser test loads
//! the pages in headless Chromium where it is installed.

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::common::{TestRepo, stdout};

/// Runs `align ARGS…`, which must exit 0 or 1 (a breached gate), and
/// returns stdout.
fn run(repo: &TestRepo, args: &[&str]) -> String {
    let out = repo.align(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "align {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

fn json(repo: &TestRepo, args: &[&str]) -> Value {
    serde_json::from_str(&run(repo, args)).unwrap()
}

/// Writes the site with `extra` flags and returns its folder.
fn site(repo: &TestRepo, extra: &[&str]) -> PathBuf {
    let mut args = vec!["site"];
    args.extend_from_slice(extra);
    let out = repo.align(&args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    repo.path().join("site")
}

/// `data.json` holds exactly what the four commands print.
fn check_data_json(repo: &TestRepo, dir: &Path, git: bool) -> Value {
    let data: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["audit"], json(repo, &["audit", "--format", "json"]));
    assert_eq!(
        data["status"],
        json(repo, &["status", "--format", "json"])["tree"]
    );
    // The audit carries `input`; the capacity part of data.json need not
    // repeat it.
    let mut capacity = json(repo, &["capacity", "--format", "json"]);
    capacity.as_object_mut().unwrap().remove("input");
    assert_eq!(data["capacity"], capacity);
    if git {
        assert_eq!(data["trend"], json(repo, &["trend", "--format", "json"]));
    } else {
        assert_eq!(data["trend"], Value::Null);
    }
    assert_eq!(data["as_of"], data["audit"]["as_of"]);
    data
}

/// Resolves an RFC 6901 pointer, with `id=…`-free plain indices.
fn at<'a>(data: &'a Value, ptr: &str) -> &'a Value {
    data.pointer(ptr)
        .unwrap_or_else(|| panic!("data-metric {ptr} is not in data.json"))
}

/// Checks one shown number against its value, as the page writes it.
fn check_number(shown: &str, value: &Value, fmt: &str, ptr: &str, page: &str) {
    // A percentage of nothing is `null` in the data and "—" on the page.
    if value.is_null() && fmt.starts_with("pct") {
        assert_eq!(shown, "—", "{page}: {ptr}");
        return;
    }
    let f = || {
        value
            .as_f64()
            .unwrap_or_else(|| panic!("{page}: {ptr} is not a number: {value}"))
    };
    let want = match fmt {
        "frac0" => format!("{}%", (f() * 100.0).round() as i64),
        "pct1" => format!("{:.1}%", f()),
        "pct0" => format!("{}%", f().round() as i64),
        "int" => value.as_u64().unwrap().to_string(),
        // A share of nothing: `null` in JSON, a dash on the page (SPEC §8).
        "none" => {
            assert!(value.is_null(), "{page}: {ptr} shows — but is {value}");
            "—".to_string()
        }
        "len" => value.as_array().unwrap().len().to_string(),
        "text" => value.as_str().unwrap().to_string(),
        "num" => {
            // Shown with the precision a reader needs: whole from 100,
            // one decimal from 10, two below.
            let v = f();
            let got: f64 = shown.replace(',', "").parse().unwrap_or_else(|_| {
                panic!("{page}: {ptr} shows {shown:?}, not a number");
            });
            let tolerance = match v.abs() {
                a if a >= 100.0 => 0.5,
                a if a >= 10.0 => 0.05,
                _ => 0.005,
            };
            assert!(
                (got - v).abs() <= tolerance + 1e-9,
                "{page}: {ptr} shows {shown} but data.json has {v}"
            );
            return;
        }
        other => panic!("{page}: unknown data-format {other}"),
    };
    assert_eq!(shown, want, "{page}: {ptr}");
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `data-metric` on every page equals `data.json`, and no digit is
/// shown outside a marked element, an id or a chart.
fn check_pages(dir: &Path, data: &Value) -> usize {
    let metric = Selector::parse("[data-metric]").unwrap();
    let body = Selector::parse("body").unwrap();
    let mut pages = vec![dir.join("index.html")];
    for e in std::fs::read_dir(dir.join("objectives")).unwrap() {
        pages.push(e.unwrap().path());
    }
    let mut checked = 0;
    for page in &pages {
        let name = page.display().to_string();
        let html = Html::parse_document(&std::fs::read_to_string(page).unwrap());
        for el in html.select(&metric) {
            let ptr = el.value().attr("data-metric").unwrap();
            let fmt = el.value().attr("data-format").unwrap_or("text");
            let shown = squash(&el.text().collect::<String>());
            check_number(&shown, at(data, ptr), fmt, ptr, &name);
            checked += 1;
        }
        let body = html.select(&body).next().expect("a body");
        for node in body.descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            if !text.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let covered = node.ancestors().filter_map(ElementRef::wrap).any(|e| {
                let v = e.value();
                v.attr("data-metric").is_some()
                    || v.name() == "svg"
                    || v.classes().any(|c| c == "id")
            });
            assert!(
                covered,
                "{name}: the number in {:?} is not marked with data-metric",
                text.trim()
            );
        }
    }
    checked
}

fn objective_pages(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("objectives")).unwrap().count()
}

#[test]
fn site_numbers_equal_the_json_on_the_examples() {
    for name in ["marketing", "product"] {
        let repo = TestRepo::example(name);
        repo.init_git("2026-10-02");
        let dir = site(&repo, &[]);
        let data = check_data_json(&repo, &dir, true);
        let n = check_pages(&dir, &data);
        assert!(n > 100, "{name}: only {n} numbers checked");
        assert_eq!(
            objective_pages(&dir),
            data["audit"]["objectives"].as_array().unwrap().len()
        );
        // The front page names each objective's status in words.
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(index.contains("Objectives, worst first"));
        assert!(index.contains("off track") || index.contains("at risk"));
    }
}

#[test]
fn site_numbers_equal_the_json_at_1000_items() {
    let repo = TestRepo::new();
    generate(&repo, 1000);
    let dir = site(&repo, &["--title", "Generated"]);
    let data = check_data_json(&repo, &dir, false);
    assert_eq!(data["title"], "Generated");
    let n = check_pages(&dir, &data);
    assert!(n > 1000, "only {n} numbers checked");
    assert_eq!(objective_pages(&dir), 10);
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("no trend"), "outside git the page says so");
    // The front page lists the first ten blocked tasks, not every one,
    // and says where the rest are.
    let blocked = data["blockers"]["blocked"].as_array().unwrap().len();
    assert!(blocked > 10, "{blocked} blocked");
    let html = Html::parse_document(&index);
    let rows = Selector::parse("ul.rhythm.blocked > li").unwrap();
    assert_eq!(html.select(&rows).count(), 10);
    assert!(index.contains("Only the first ten are shown"));
}

#[test]
fn site_escapes_text_and_stays_self_contained() {
    let repo = TestRepo::fixture("worked-example");
    repo.write(
        "okrs/O-9.md",
        "---\nid: O-9\nkind: objective\ntitle: \"<script>alert(1)</script> & <img src=x>\"\nowner: dana\nperiod: 2026-Q4\n---\n",
    );
    let dir = site(&repo, &[]);
    for page in ["index.html", "objectives/O-9.html"] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        let html = Html::parse_document(&text);
        for tag in ["script", "img", "link", "iframe", "object"] {
            let sel = Selector::parse(tag).unwrap();
            assert_eq!(html.select(&sel).count(), 0, "{page} has a <{tag}>");
        }
        assert!(
            text.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
            "{page}"
        );
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{page}"
        );
        assert!(text.contains("Content-Security-Policy"), "{page}");
    }
}

#[test]
fn site_out_folder_rules() {
    let repo = TestRepo::fixture("worked-example");
    // --out anywhere, when given.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = repo
        .align(&[
            "site",
            "--out",
            elsewhere.path().to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(elsewhere.path().join("index.html").is_file());
    assert!(v["bytes"].as_u64().unwrap() > 1000);
    assert_eq!(v["pages"][0], "index.html");
    // The default never follows a link out of the root.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(elsewhere.path(), repo.path().join("site")).unwrap();
        let out = repo.align(&["site"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
        std::fs::remove_file(repo.path().join("site")).unwrap();
    }
    // A page of an objective that is gone is removed on the next run.
    let dir = site(&repo, &[]);
    std::fs::write(dir.join("objectives/O-gone.html"), "old").unwrap();
    site(&repo, &[]);
    assert!(!dir.join("objectives/O-gone.html").exists());
    assert!(dir.join("objectives/O-1.html").exists());
}

#[test]
fn site_forecast_and_status_agree() {
    // The worked example keeps its §3 numbers; the forecast sits beside them.
    let repo = TestRepo::fixture("worked-example");
    let dir = site(&repo, &[]);
    let data = check_data_json(&repo, &dir, false);
    let kr3 = data["audit"]["krs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == "KR-3")
        .unwrap();
    assert_eq!(kr3["status"], "at_risk");
    assert_eq!(kr3["progress"], 0.35);
    let page = std::fs::read_to_string(dir.join("objectives/O-1.html")).unwrap();
    assert!(page.contains("Burn-up of KR-3"));
}

/// Writes a workspace of `n` items: 1% objectives, 4% KRs (a quarter of
/// them task-driven), 5% initiatives, the rest tasks of five owners in
/// every status, some unplanned, with capacity configured.
fn generate(repo: &TestRepo, n: usize) {
    let objectives = n / 100;
    let krs = n * 4 / 100;
    let initiatives = n * 5 / 100;
    let tasks = n - objectives - krs - initiatives;
    let people = ["dana", "sam", "lee", "priya", "marco"];
    repo.write(
        "align.yaml",
        "period: quarter\ncapacity: {default: 6, people: {sam: 4}}\naudit: {max_untraced_percent: 30}\n",
    );
    for i in 0..objectives {
        repo.write(
            &format!("okrs/O-{i}.md"),
            &format!(
                "---\nid: O-{i}\nkind: objective\ntitle: Objective {i} <b>bold</b>\nowner: dana\nperiod: 2026-Q4\nweight: {}\n---\n",
                1 + i % 3
            ),
        );
    }
    for i in 0..krs {
        let metric = if i % 4 == 3 {
            String::new()
        } else {
            format!(
                "metric: {{start: 0, target: {}}}\ncheckins:\n  - {{date: 2026-10-15, value: {}}}\n  - {{date: 2026-11-05, value: {}, confidence: 0.{}}}\n",
                100 + i,
                i % 30,
                i % 70,
                3 + i % 7
            )
        };
        repo.write(
            &format!("okrs/KR-{i}.md"),
            &format!(
                "---\nid: KR-{i}\nkind: kr\ntitle: Key result {i}\nowner: {}\nobjective: O-{}\n{metric}---\n",
                people[i % 5],
                i % objectives
            ),
        );
    }
    for i in 0..initiatives {
        repo.write(
            &format!("work/I-{i}.md"),
            &format!(
                "---\nid: I-{i}\nkind: initiative\ntitle: Initiative {i}\nowner: lee\nkr: KR-{}\nstatus: doing\n---\n",
                i % krs
            ),
        );
    }
    for i in 0..tasks {
        let link = match i % 10 {
            9 => "unplanned: true\nreason: incident".to_string(),
            0 | 3 | 6 => format!("initiative: I-{}", i % initiatives),
            _ => format!("kr: KR-{}", (i * 7) % krs),
        };
        let status = [
            "todo",
            "doing",
            "done",
            "done",
            "blocked",
            "cancelled",
            "todo",
        ][i % 7];
        let done = if status == "done" {
            format!("done: 2026-10-{:02}\n", 2 + i % 27)
        } else {
            String::new()
        };
        repo.write(
            &format!("work/tasks/T-{i}.md"),
            &format!(
                "---\nid: T-{i}\nkind: task\ntitle: Task {i}\n{link}\nowner: {}\nstatus: {status}\n{done}estimate: {}\nupdated: 2026-11-01\n---\n",
                people[i % 5],
                1 + i % 5
            ),
        );
    }
}

/// The Chromium flags of a hermetic headless run.
fn chromium(profile: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new("/usr/bin/chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// What loading `page` showed: console messages and the requests the page
/// made (the browser's own, initiated by no origin, are not the page's).
/// Returns the problems found and the page's DOM.
fn load_in_browser(page: &Path, site: &Path, tmp: &Path) -> (Vec<String>, String) {
    let netlog = tmp.join("net.json");
    let out = chromium(&tmp.join("profile"))
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let mut problems = Vec::new();
    if !out.status.success() {
        problems.push(format!("chromium exited with {}", out.status));
    }
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        if line.contains(":CONSOLE") {
            problems.push(format!("console: {line}"));
        }
    }
    let log: Value = std::fs::read_to_string(&netlog)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    let inside = format!("file://{}", site.display());
    for e in log["events"].as_array().into_iter().flatten() {
        let p = &e["params"];
        let (Some(url), Some(initiator)) = (p["url"].as_str(), p["initiator"].as_str()) else {
            continue;
        };
        if initiator != "not an origin" && !url.starts_with(&inside) {
            problems.push(format!("request outside the site: {url}"));
        }
    }
    (problems, String::from_utf8_lossy(&out.stdout).into_owned())
}

fn screenshot(page: &Path, width: u32, to: &Path, tmp: &Path) {
    let out = chromium(&tmp.join(format!("profile-{width}")))
        .arg(format!("--window-size={width},2400"))
        .arg(format!("--screenshot={}", to.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "screenshot of {}", page.display());
    let size = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "{} is only {size} bytes", to.display());
}

#[test]
fn site_in_a_real_browser() {
    if !Path::new("/usr/bin/chromium").exists() {
        eprintln!(
            "skipped: no browser at /usr/bin/chromium; install one with `apt-get install -y chromium` to run this test"
        );
        return;
    }
    let repo = TestRepo::example("marketing");
    repo.init_git("2026-10-02");
    let dir = site(&repo, &[]).canonicalize().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    // Screenshots go to ALIGN_SCREENSHOTS when set, to look at by hand.
    let shots = std::env::var_os("ALIGN_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&shots).unwrap();
    for (name, page, marker) in [
        ("index", dir.join("index.html"), "Objectives, worst first"),
        (
            "objective",
            dir.join("objectives/O-1.html"),
            "Burn-up of KR-1",
        ),
    ] {
        let (problems, dom) = load_in_browser(&page, &dir, tmp.path());
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        assert!(dom.contains(marker), "{name} did not load: {dom:.300}");
        for width in [1280, 390] {
            screenshot(
                &page,
                width,
                &shots.join(format!("{name}-{width}.png")),
                tmp.path(),
            );
        }
    }
    // The check itself catches what it looks for: a page that logs an
    // error and asks for an address outside its folder.
    let bad = tmp.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("index.html"),
        "<!DOCTYPE html><p>x</p><img src=\"http://127.0.0.1:9/x.png\"><script>console.error('boom')</script>",
    )
    .unwrap();
    let (problems, _) = load_in_browser(&bad.join("index.html"), &bad, tmp.path());
    assert!(problems.iter().any(|p| p.contains("boom")), "{problems:#?}");
    assert!(
        problems.iter().any(|p| p.contains("127.0.0.1")),
        "{problems:#?}"
    );
}
