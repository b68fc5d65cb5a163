//! `align schema items|config`: the JSON Schema accepts every item and
//! config of the shipped examples and rejects values of the wrong type,
//! checked with a real validator (the `jsonschema` crate, draft 2020-12).

use std::path::Path;

use serde_json::{Value, json};

use crate::common::{TestRepo, crate_root, stdout};

fn schema(which: &str) -> jsonschema::Validator {
    let out = TestRepo::new().align(&["schema", which]).output().unwrap();
    assert!(out.status.success());
    let schema: Value = serde_json::from_str(&stdout(&out)).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn yaml(text: &str) -> Value {
    let v: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
    serde_json::to_value(v).unwrap()
}

/// The items of one example file: the front-matter of a Markdown file,
/// or each item of a YAML file (a list, or an `items:` list).
fn items_of(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|e| e == "md") {
        let Some(rest) = text.strip_prefix("---\n") else {
            return Vec::new();
        };
        let end = rest.find("\n---").expect("closed front-matter");
        return vec![yaml(&rest[..end])];
    }
    match yaml(&text) {
        Value::Array(items) => items,
        Value::Object(m) if m.contains_key("items") => m["items"].as_array().unwrap().clone(),
        one => vec![one],
    }
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[test]
fn every_item_of_both_examples_is_valid() {
    let items = schema("items");
    let config = schema("config");
    for example in ["marketing", "product"] {
        let root = crate_root().join("examples").join(example);
        assert_valid(
            &config,
            &yaml(&std::fs::read_to_string(root.join("align.yaml")).unwrap()),
            example,
        );
        let mut count = 0;
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            let rel = path.strip_prefix(&root).unwrap();
            if !entry.file_type().is_file() || rel == Path::new("align.yaml") {
                continue;
            }
            for item in items_of(path) {
                assert_valid(&items, &item, &format!("{example}/{}", rel.display()));
                count += 1;
            }
            // The file as a whole, as a YAML editor checks it.
            if path.extension().is_some_and(|e| e == "yaml") {
                assert_valid(
                    &items,
                    &yaml(&std::fs::read_to_string(path).unwrap()),
                    &rel.display().to_string(),
                );
            }
        }
        assert!(count >= 10, "{example}: only {count} items found");
    }
}

#[test]
fn values_of_the_wrong_type_are_rejected() {
    let items = schema("items");
    let task = json!({"kind": "task", "title": "Run the webinar", "kr": "KR-1", "estimate": 2});
    assert!(items.is_valid(&task));
    for (field, bad) in [
        ("estimate", json!("big")),
        ("unplanned", json!("yes")),
        ("done", json!("last Tuesday")),
        ("kr", json!({"id": "KR-1"})),
        ("metric", json!({"start": 0, "target": 10})),
        ("stauts", json!("doing")),
    ] {
        let mut t = task.clone();
        t[field] = bad.clone();
        assert!(
            !items.is_valid(&t),
            "`{field}: {bad}` on a task was accepted"
        );
    }
    let kr = json!({"kind": "kr", "title": "More leads", "objective": "O-1", "metric": {"start": "zero", "target": 10}});
    assert!(!items.is_valid(&kr), "a metric start of text was accepted");
    assert!(
        !items.is_valid(&json!({"kind": "kr", "objective": "O-1"})),
        "a KR without a title was accepted"
    );
    assert!(
        !items.is_valid(&json!({"kind": "epic", "title": "t"})),
        "an unknown kind was accepted"
    );

    let config = schema("config");
    assert!(config.is_valid(&json!({"max_depth": 4, "rules": {"AL001": "warning"}})));
    for bad in [
        json!({"max_depth": "three"}),
        json!({"rules": {"AL001": "loud"}}),
        json!({"perod": "quarter"}),
        json!({"audit": {"stale_days": "two weeks"}}),
    ] {
        assert!(!config.is_valid(&bad), "{bad} was accepted");
    }
}

#[test]
fn config_is_the_other_schema_and_items_the_default() {
    let repo = TestRepo::new();
    let default = stdout(&repo.align(&["schema"]).output().unwrap());
    let items = stdout(&repo.align(&["schema", "items"]).output().unwrap());
    assert_eq!(default, items);
    let config: Value = serde_json::from_str(&stdout(
        &repo.align(&["schema", "config"]).output().unwrap(),
    ))
    .unwrap();
    assert_eq!(config["title"], "align.yaml");
    repo.align(&["schema", "--format", "human"])
        .assert()
        .code(2);
}

/// `schemas/*.schema.json` are what `align schema` prints, for editors
/// that take a schema by URL; `UPDATE_SCHEMAS=1 cargo test schema`
/// rewrites them.
#[test]
fn committed_schemas_are_current() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let repo = TestRepo::new();
    let mut stale = Vec::new();
    for which in ["items", "config"] {
        let printed = stdout(&repo.align(&["schema", which]).output().unwrap());
        let path = crate_root().join(format!("schemas/{which}.schema.json"));
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &printed).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(printed.as_str()) {
            stale.push(format!("schemas/{which}.schema.json"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} out of date with `align schema`; run `UPDATE_SCHEMAS=1 cargo test schema` and commit the result",
        stale.join(", ")
    );
}
