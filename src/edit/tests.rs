//! Tests of the editor: exact bytes for each kind of change, and property
//! tests over random front-matter (every untouched line survives, and the
//! result reads back to the intended values).

use super::*;

fn set(text: &str, field: &str, value: Value) -> String {
    let path = field.split('.').map(str::to_string).collect();
    apply(text, true, Target::Whole, &Change::Set { path, value }).unwrap()
}

fn checkin() -> Vec<(String, Value)> {
    vec![
        ("date".into(), Value::plain("2026-11-12")),
        ("value".into(), Value::plain("35.25")),
        ("note".into(), Value::text("moved: a week")),
    ]
}

fn append(text: &str, markdown: bool, target: Target) -> String {
    apply(
        text,
        markdown,
        target,
        &Change::Append {
            field: "checkins".into(),
            entry: checkin(),
        },
    )
    .unwrap()
}

#[test]
fn replaces_a_value_keeping_comment_quotes_and_crlf() {
    let text = "\u{feff}---\r\n# owner set in planning\r\nid: T-1   # keep me\r\ntitle: 'Old title'\r\nstatus: todo  # was blocked\r\n\r\nestimate: 3\r\n---\r\nBody\r\n";
    let out = set(text, "status", Value::plain("done"));
    assert_eq!(
        out,
        "\u{feff}---\r\n# owner set in planning\r\nid: T-1   # keep me\r\ntitle: 'Old title'\r\nstatus: done  # was blocked\r\n\r\nestimate: 3\r\n---\r\nBody\r\n"
    );
    let out = set(&out, "title", Value::text("New: better"));
    assert!(out.contains("\r\ntitle: 'New: better'\r\n"), "{out:?}");
    let out = set(&out, "done", Value::plain("2026-11-12"));
    assert!(
        out.ends_with("estimate: 3\r\ndone: 2026-11-12\r\n---\r\nBody\r\n"),
        "{out:?}"
    );
}

#[test]
fn inserts_after_the_last_key_and_fills_empty_values() {
    let text = "---\nid: T-1\nowner:\ntitle: x\n# trailing comment\n---\n";
    let out = set(text, "owner", Value::text("sam"));
    assert_eq!(
        out,
        "---\nid: T-1\nowner: sam\ntitle: x\n# trailing comment\n---\n"
    );
    let out = set(&out, "due", Value::plain("2026-12-01"));
    assert_eq!(
        out,
        "---\nid: T-1\nowner: sam\ntitle: x\ndue: 2026-12-01\n# trailing comment\n---\n"
    );
    assert_eq!(
        set("---\n---\nB", "title", Value::text("x")),
        "---\ntitle: x\n---\nB"
    );
}

#[test]
fn nested_fields_in_block_and_flow_maps() {
    let block = "---\nmetric:\n  start: 30   # baseline\n  target: 45\ntitle: x\n---\n";
    assert_eq!(
        set(block, "metric.target", Value::plain("50")),
        "---\nmetric:\n  start: 30   # baseline\n  target: 50\ntitle: x\n---\n"
    );
    assert_eq!(
        set(block, "metric.unit", Value::text("%")),
        "---\nmetric:\n  start: 30   # baseline\n  target: 45\n  unit: '%'\ntitle: x\n---\n"
            .replace("'%'", "\"%\"")
    );
    let flow = "---\nmetric: {start: 22, target: 35, unit: \"%\"}\n---\n";
    assert_eq!(
        set(flow, "metric.target", Value::plain("40")),
        "---\nmetric: {start: 22, target: 40, unit: \"%\"}\n---\n"
    );
    assert_eq!(
        set(flow, "metric.current", Value::plain("30")),
        "---\nmetric: {start: 22, target: 35, unit: \"%\", current: 30}\n---\n"
    );
    assert_eq!(
        set("---\ntitle: x\n---\n", "metric.target", Value::plain("5")),
        "---\ntitle: x\nmetric:\n  target: 5\n---\n"
    );
    let err = apply(
        "---\ntitle: x\n---\n",
        true,
        Target::Whole,
        &Change::Set {
            path: vec!["title".into(), "a".into()],
            value: Value::plain("1"),
        },
    );
    assert!(matches!(err, Err(EditError::Shape(_))));
}

#[test]
fn removes_fields() {
    let text =
        "---\nid: T-1\ndue: 2026-12-01  # soon\nmetric: {start: 1, target: 2, current: 3}\n---\n";
    let rm = |t: &str, f: &str| {
        apply(
            t,
            true,
            Target::Whole,
            &Change::Remove {
                path: f.split('.').map(str::to_string).collect(),
            },
        )
        .unwrap()
    };
    assert_eq!(
        rm(text, "due"),
        "---\nid: T-1\nmetric: {start: 1, target: 2, current: 3}\n---\n"
    );
    assert_eq!(
        rm(text, "metric.current"),
        "---\nid: T-1\ndue: 2026-12-01  # soon\nmetric: {start: 1, target: 2}\n---\n"
    );
    assert_eq!(
        rm(text, "metric.start"),
        "---\nid: T-1\ndue: 2026-12-01  # soon\nmetric: {target: 2, current: 3}\n---\n"
    );
    assert_eq!(rm(text, "nothing"), text);
}

#[test]
fn appends_checkins_in_the_files_style() {
    let block = "---\ncheckins:\n  - date: 2026-10-01\n    value: 31\ntitle: x\n---\n";
    assert_eq!(
        append(block, true, Target::Whole),
        "---\ncheckins:\n  - date: 2026-10-01\n    value: 31\n  - date: 2026-11-12\n    value: 35.25\n    note: \"moved: a week\"\ntitle: x\n---\n"
    );
    let items = "---\ncheckins:\n  - {date: 2026-10-01, value: 31}\n---\n";
    assert_eq!(
        append(items, true, Target::Whole),
        "---\ncheckins:\n  - {date: 2026-10-01, value: 31}\n  - {date: 2026-11-12, value: 35.25, note: \"moved: a week\"}\n---\n"
    );
    let flow = "---\ncheckins: [{date: 2026-10-01, value: 31}]  # history\n---\n";
    assert_eq!(
        append(flow, true, Target::Whole),
        "---\ncheckins: [{date: 2026-10-01, value: 31}, {date: 2026-11-12, value: 35.25, note: \"moved: a week\"}]  # history\n---\n"
    );
    assert_eq!(
        append("---\ncheckins: []\n---\n", true, Target::Whole),
        "---\ncheckins: [{date: 2026-11-12, value: 35.25, note: \"moved: a week\"}]\n---\n"
    );
    assert_eq!(
        append("---\ntitle: x\n---\n", true, Target::Whole),
        "---\ntitle: x\ncheckins:\n  - date: 2026-11-12\n    value: 35.25\n    note: \"moved: a week\"\n---\n"
    );
    assert_eq!(
        append("---\ncheckins:\ntitle: x\n---\n", true, Target::Whole),
        "---\ncheckins:\n  - date: 2026-11-12\n    value: 35.25\n    note: \"moved: a week\"\ntitle: x\n---\n"
    );
}

#[test]
fn edits_the_right_item_of_a_list() {
    let text = "# Q4\n- id: O-1\n  kind: objective\n\n- id: KR-1\n  kind: kr\n  checkins:\n    - {date: 2026-10-07, value: 23}\n\n- id: KR-2\n  kind: kr\n";
    let out = append(
        text,
        false,
        Target::Item {
            in_items: false,
            index: 1,
        },
    );
    assert_eq!(
        out,
        text.replace(
            "value: 23}\n",
            "value: 23}\n    - {date: 2026-11-12, value: 35.25, note: \"moved: a week\"}\n"
        )
    );
    let set = |t: &str, i: usize| {
        apply(
            t,
            false,
            Target::Item {
                in_items: false,
                index: i,
            },
            &Change::Set {
                path: vec!["owner".into()],
                value: Value::text("ana"),
            },
        )
        .unwrap()
    };
    assert_eq!(set(text, 2), format!("{text}  owner: ana\n"));
    assert_eq!(
        set(text, 0),
        text.replace("objective\n", "objective\n  owner: ana\n")
    );
    let items = "items:\n  - id: I-1\n    kind: initiative\n  - id: I-2\n    kind: initiative\n";
    let out = apply(
        items,
        false,
        Target::Item {
            in_items: true,
            index: 1,
        },
        &Change::Set {
            path: vec!["status".into()],
            value: Value::plain("doing"),
        },
    )
    .unwrap();
    assert_eq!(out, format!("{items}    status: doing\n"));
}

#[test]
fn block_values_become_inline() {
    let text = "---\nlabels:\n  - a\n  - b\ntitle: x\n---\n";
    let out = set(text, "labels", Value::List(vec![Value::text("c")]));
    assert_eq!(out, "---\nlabels: [c]\ntitle: x\n---\n");
}

mod props {
    use proptest::prelude::*;

    use super::super::*;
    use crate::config::Config;
    use crate::parse::{ParseSettings, parse_file};

    /// Keys the generator writes; edits target some of them and some new ones.
    const KEYS: &[&str] = &[
        "title",
        "owner",
        "team",
        "reason",
        "requested_by",
        "status",
        "estimate",
        "due",
    ];

    fn text_value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z][a-zA-Z0-9 ]{0,12}[a-zA-Z]",
            Just("yes".to_string()),
            Just("12".to_string()),
            Just("a: b # c".to_string()),
            Just("it's \"quoted\"".to_string()),
            Just("- dash".to_string()),
            Just("[x, y]".to_string()),
            "[ -~]{1,20}",
        ]
    }

    /// One written line for `key`, in a random quoting with a random comment.
    fn line(key: &'static str) -> impl Strategy<Value = String> {
        (text_value(), 0..3usize, any::<bool>()).prop_map(move |(v, style, comment)| {
            let written = match style {
                0 => quote(&v, Quote::Plain, false),
                1 => quote(&v, Quote::Single, false),
                _ => quote(&v, Quote::Double, false),
            };
            let c = if comment { "  # note" } else { "" };
            format!("{key}: {written}{c}")
        })
    }

    fn front_matter() -> impl Strategy<Value = (Vec<String>, bool, bool, bool)> {
        let lines = proptest::sample::subsequence(KEYS.to_vec(), 0..KEYS.len())
            .prop_flat_map(|keys| keys.into_iter().map(line).collect::<Vec<_>>())
            .prop_shuffle();
        (lines, any::<bool>(), any::<bool>(), any::<bool>())
    }

    #[derive(Debug, Clone)]
    enum Edit {
        Set(&'static str, String),
        Metric(&'static str, u32),
        Checkin(u32, Option<String>),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (
                proptest::sample::select(&["title", "owner", "team", "reason", "requested_by"][..]),
                text_value()
            )
                .prop_map(|(k, v)| Edit::Set(k, v)),
            (
                proptest::sample::select(&["start", "target", "current"][..]),
                0..1000u32
            )
                .prop_map(|(k, v)| Edit::Metric(k, v)),
            (0..1000u32, proptest::option::of(text_value())).prop_map(|(v, n)| Edit::Checkin(v, n)),
        ]
    }

    fn build(lines: &[String], crlf: bool, metric_flow: bool, checkins_flow: bool) -> String {
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut out = format!("---{eol}id: KR-1{eol}kind: kr{eol}# a comment line{eol}");
        for l in lines {
            out.push_str(l);
            out.push_str(eol);
            out.push_str(eol);
        }
        if metric_flow {
            out.push_str(&format!("metric: {{start: 1, target: 9}}{eol}"));
        } else {
            out.push_str(&format!("metric:{eol}  start: 1{eol}  target: 9{eol}"));
        }
        if checkins_flow {
            out.push_str(&format!(
                "checkins:{eol}  - {{date: 2026-10-01, value: 2}}{eol}"
            ));
        } else {
            out.push_str(&format!(
                "checkins:{eol}  - date: 2026-10-01{eol}    value: 2{eol}"
            ));
        }
        out.push_str(&format!("---{eol}The body: stays.{eol}"));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn untouched_lines_survive_and_values_read_back(
            (lines, crlf, metric_flow, checkins_flow) in front_matter(),
            edits in proptest::collection::vec(edit(), 1..5),
        ) {
            let text = build(&lines, crlf, metric_flow, checkins_flow);
            let mut out = text.clone();
            let mut touched: Vec<&str> = Vec::new();
            for e in &edits {
                let change = match e {
                    Edit::Set(k, v) => { touched.push(k); Change::Set { path: vec![k.to_string()], value: Value::text(v.clone()) } }
                    Edit::Metric(k, v) => { touched.push("metric"); Change::Set { path: vec!["metric".into(), k.to_string()], value: Value::plain(v.to_string()) } }
                    Edit::Checkin(v, n) => {
                        touched.push("checkins");
                        let mut entry = vec![("date".to_string(), Value::plain("2026-11-12")), ("value".to_string(), Value::plain(v.to_string()))];
                        if let Some(n) = n { entry.push(("note".to_string(), Value::text(n.clone()))); }
                        Change::Append { field: "checkins".into(), entry }
                    }
                };
                out = apply(&out, true, Target::Whole, &change).unwrap();
            }
            // Every line of an untouched field (and the comment, the body,
            // the blank lines) is still there, byte for byte and in order.
            let mut at = 0;
            let eol = if crlf { "\r\n" } else { "\n" };
            let kept = text.split_inclusive('\n').filter(|l| {
                let key = l.split(':').next().unwrap_or("");
                !touched.contains(&key) && !l.starts_with("  ") && !l.starts_with("metric") && !l.starts_with("checkins")
            });
            for l in kept {
                let found = out[at..].find(l);
                prop_assert!(found.is_some(), "line {:?} lost in {:?}", l, out);
                at += found.unwrap() + l.len();
            }
            let tail = format!("---{eol}The body: stays.{eol}");
            prop_assert!(out.ends_with(&tail));
            prop_assert_eq!(out.matches('\r').count(), if crlf { out.matches('\n').count() } else { 0 });
            // The result reads back to the intended values.
            let config = Config::default();
            let parsed = parse_file("okrs/KR-1.md", &out, 0, &ParseSettings::new(&config));
            prop_assert!(parsed.problems.is_empty(), "{:?}\n{}", parsed.problems, out);
            let item = &parsed.items[0];
            let mut checkins = 1;
            let (mut start, mut target) = (1.0, 9.0);
            let mut current = None;
            for e in &edits {
                match e {
                    Edit::Checkin(..) => checkins += 1,
                    Edit::Metric("start", v) => start = f64::from(*v),
                    Edit::Metric("target", v) => target = f64::from(*v),
                    Edit::Metric(_, v) => current = Some(f64::from(*v)),
                    Edit::Set(..) => {}
                }
            }
            let last_title = edits.iter().rev().find_map(|e| match e { Edit::Set("title", v) => Some(v), _ => None });
            if let Some(t) = last_title { prop_assert_eq!(item.title.as_deref(), Some(t.as_str())); }
            let last_owner = edits.iter().rev().find_map(|e| match e { Edit::Set("owner", v) => Some(v), _ => None });
            if let Some(o) = last_owner { prop_assert_eq!(&item.owners, &vec![o.clone()]); }
            prop_assert_eq!(item.checkins.len(), checkins);
            if let Some(Edit::Checkin(v, n)) = edits.iter().rev().find(|e| matches!(e, Edit::Checkin(..))) {
                let last = item.checkins.last().unwrap();
                prop_assert_eq!(last.value, f64::from(*v));
                prop_assert_eq!(&last.note, n);
            }
            if start != target {
                let m = item.metric.as_ref().expect("metric");
                prop_assert_eq!((m.start, m.target, m.current), (start, target, current));
            }
        }
    }
}

mod list_props {
    use proptest::prelude::*;

    use super::super::*;
    use crate::config::Config;
    use crate::parse::{ParseSettings, parse_file};

    /// A YAML file with `n` KRs in a top-level list (or under `items:`),
    /// in varied styles.
    fn file(n: usize, in_items: bool, flow_checkins: bool) -> (String, Vec<String>) {
        let pad = if in_items { "  " } else { "" };
        let mut chunks = Vec::new();
        for i in 0..n {
            let mut c = format!(
                "{pad}- id: KR-{i}\n{pad}  kind: kr   # item {i}\n{pad}  title: \"Goal {i}: more\"\n{pad}  objective: O-1\n"
            );
            if flow_checkins {
                c.push_str(&format!(
                    "{pad}  checkins: [{{date: 2026-10-01, value: {i}}}]\n"
                ));
            } else if i.is_multiple_of(2) {
                c.push_str(&format!(
                    "{pad}  checkins:\n{pad}    - date: 2026-10-01\n{pad}      value: {i}\n"
                ));
            }
            c.push('\n');
            chunks.push(c);
        }
        let head = if in_items {
            "# quarter\nitems:\n"
        } else {
            "# quarter\n"
        };
        (format!("{head}{}", chunks.concat()), chunks)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn only_the_target_item_changes(n in 1..5usize, pick in 0..5usize, in_items: bool, flow: bool, value in 0..500u32, owner in "[a-z]{1,8}") {
            let k = pick % n;
            let (text, chunks) = file(n, in_items, flow);
            let target = Target::Item { in_items, index: k };
            let entry = vec![("date".to_string(), Value::plain("2026-11-12")), ("value".to_string(), Value::plain(value.to_string()))];
            let out = apply(&text, false, target, &Change::Append { field: "checkins".into(), entry }).unwrap();
            let out = apply(&out, false, target, &Change::Set { path: vec!["owner".into()], value: Value::text(owner.clone()) }).unwrap();
            for (i, c) in chunks.iter().enumerate() {
                if i != k {
                    prop_assert!(out.contains(c.as_str()), "item {} changed:\n{}", i, out);
                }
            }
            let config = Config::default();
            let parsed = parse_file("okrs/q.yaml", &out, 0, &ParseSettings::new(&config));
            prop_assert!(parsed.problems.is_empty(), "{:?}\n{}", parsed.problems, out);
            prop_assert_eq!(parsed.items.len(), n);
            for item in &parsed.items {
                let i: usize = item.id[3..].parse().unwrap();
                let base = usize::from(flow || i.is_multiple_of(2));
                if i == k {
                    prop_assert_eq!(&item.owners, &vec![owner.clone()]);
                    prop_assert_eq!(item.checkins.len(), base + 1);
                    prop_assert_eq!(item.checkins.last().unwrap().value, f64::from(value));
                } else {
                    prop_assert!(item.owners.is_empty());
                    prop_assert_eq!(item.checkins.len(), base);
                }
            }
        }
    }
}

mod files {
    use super::super::*;

    #[test]
    fn commit_writes_and_refuses_a_file_changed_since_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("T-1.md");
        std::fs::write(&path, "---\nid: T-1\nstatus: todo\n---\n").unwrap();
        let mut doc = Document::open(&path, Target::Whole).unwrap();
        doc.set("status", Value::plain("done")).unwrap();
        assert!(doc.commit().unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "---\nid: T-1\nstatus: done\n---\n"
        );

        let mut doc = Document::open(&path, Target::Whole).unwrap();
        doc.set("status", Value::plain("doing")).unwrap();
        std::fs::write(&path, "---\nid: T-1\nstatus: blocked\n---\n").unwrap();
        assert!(matches!(doc.commit(), Err(EditError::Changed { .. })));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "---\nid: T-1\nstatus: blocked\n---\n"
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_refusal_names_the_line_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("T-1.md");
        std::fs::write(&path, "---\nid: T-1\nstatus: todo\n---\nBody\n").unwrap();
        let mut doc = Document::open(&path, Target::Whole).unwrap();
        doc.set("status", Value::plain("done")).unwrap();
        std::fs::write(&path, "---\nid: T-1\nstatus: blocked\n---\nBody\n").unwrap();
        let err = doc.commit().unwrap_err().to_string();
        assert!(
            err.contains("line 3 was `status: todo` and is now `status: blocked`"),
            "{err}"
        );
    }

    #[test]
    fn a_line_appended_to_the_body_meanwhile_is_kept_and_the_edit_lands() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("T-1.md");
        std::fs::write(&path, "---\nid: T-1\nstatus: todo\n---\nBody\n").unwrap();
        let mut doc = Document::open(&path, Target::Whole).unwrap();
        doc.set("status", Value::plain("done")).unwrap();
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut f, b"appended\n").unwrap();
        drop(f);
        assert!(doc.commit().unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "---\nid: T-1\nstatus: done\n---\nBody\nappended\n"
        );
        // A rewritten body (not an append) is merged too: it is not ours.
        let mut doc = Document::open(&path, Target::Whole).unwrap();
        doc.set("status", Value::plain("todo")).unwrap();
        std::fs::write(&path, "---\nid: T-1\nstatus: done\n---\nNew body\n").unwrap();
        assert!(doc.commit().unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "---\nid: T-1\nstatus: todo\n---\nNew body\n"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_second_writer_waits_for_the_first_and_reads_its_result() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("T-1.md");
        std::fs::write(&path, "---\nid: T-1\nstatus: todo\n---\n").unwrap();
        let mut first = Document::open(&path, Target::Whole).unwrap();
        let second = {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut doc = Document::open(&path, Target::Whole).unwrap();
                let seen = doc.original().to_string();
                doc.set("owner", Value::plain("sam")).unwrap();
                doc.commit().unwrap();
                seen
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(100));
        first.set("status", Value::plain("done")).unwrap();
        assert!(first.commit().unwrap());
        // The second opened (and read) only after the first's rename, and
        // on the new file, not the replaced one.
        assert_eq!(second.join().unwrap(), "---\nid: T-1\nstatus: done\n---\n");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "---\nid: T-1\nstatus: done\nowner: sam\n---\n"
        );
    }

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("T-1.md");
        create_new(&path, b"one").unwrap();
        assert!(matches!(
            create_new(&path, b"two"),
            Err(EditError::Exists { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_not_edited() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "---\nid: T-1\n---\n").unwrap();
        let link = dir.path().join("T-1.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(matches!(
            Document::open(&link, Target::Whole),
            Err(EditError::Shape(_))
        ));
    }
}
