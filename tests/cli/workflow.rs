//! `examples/github-actions/align.yml` works as GitHub runs it: each
//! step's `run:` under `bash -e`, with `align` on PATH, in a workspace
//! whose gate fails. The annotations must still be printed and the job
//! summary written (issue 10: the summary line used to stop the step).

use std::path::Path;
use std::process::Command;

use crate::common::{TestRepo, crate_root, hermetic_env};

/// The workflow's steps: (name, run script).
fn steps() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(crate_root().join("examples/github-actions/align.yml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    doc["jobs"]["align"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| {
            let run = s["run"].as_str()?;
            Some((
                s["name"].as_str().unwrap_or("").to_string(),
                run.to_string(),
            ))
        })
        .collect()
}

/// Runs `script` with `bash -e` in `dir`, `align` being the built binary
/// pinned to the suite's as-of date.
fn bash(dir: &Path, bin: &Path, summary: &Path, script: &str) -> std::process::Output {
    let mut cmd = Command::new("bash");
    for (k, v) in hermetic_env(dir) {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    cmd.current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GITHUB_STEP_SUMMARY", summary)
        .args(["-e", "-c", script])
        .output()
        .unwrap()
}

#[test]
fn the_workflow_keeps_its_annotations_when_the_gate_fails() {
    let repo = TestRepo::new();
    repo.write("align.yaml", "")
        .write("O-1.md", "---\nkind: objective\ntitle: Grow\nowner: a\nperiod: 2026-Q4\n---\n")
        .write("KR-1.md", "---\nkind: kr\ntitle: Leads\nowner: a\nobjective: O-1\nmetric: {start: 0, target: 10}\n---\n")
        .write("T-1.md", "---\nkind: task\ntitle: Traced\nkr: KR-1\nstatus: done\ndone: 2026-11-02\n---\n")
        .write("T-2.md", "---\nkind: task\ntitle: Firefight\nunplanned: true\nreason: outage\nstatus: done\ndone: 2026-11-03\n---\n");
    let bin = tempfile::tempdir().unwrap();
    let wrapper = bin.path().join("align");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec '{}' --as-of 2026-11-12 \"$@\"\n",
            env!("CARGO_BIN_EXE_align")
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let summary = repo.path().join("summary.md");
    let steps = steps();
    let run = |prefix: &str| {
        let (_, script) = steps.iter().find(|(n, _)| n.starts_with(prefix)).unwrap();
        bash(repo.path(), bin.path(), &summary, script)
    };
    let lint = run("Lint (annotations");
    assert_eq!(
        lint.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let audit = run("Audit");
    let out = String::from_utf8_lossy(&audit.stdout);
    assert_eq!(
        audit.status.code(),
        Some(1),
        "the gate fails the step: {out}"
    );
    assert!(
        out.contains("::error") && out.contains("max_untraced_percent"),
        "annotations: {out}"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("a gate is breached"), "summary: {md}");
    // A broken align.yaml (exit 2) still stops the step at the summary line.
    repo.write("align.yaml", "period: quater\n");
    let broken = run("Audit");
    assert_ne!(broken.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&broken.stdout).is_empty());
}
