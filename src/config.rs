//! `align.yaml`: strict parsing (unknown keys fail with a suggestion),
//! defaults for every key, root discovery, and the effective settings that
//! `align config` prints (SPEC §1).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Fatal;
use crate::model::{Kind, PeriodUnit, Status};
use crate::suggest::closest;
use crate::yaml;

/// The config file's name, looked for at the root.
pub const FILE_NAME: &str = "align.yaml";

/// A rule's severity as configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Off,
    Warning,
    Error,
}

impl Severity {
    /// The spelling used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// May a task opt out of linking with `unplanned: true`?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unplanned {
    #[default]
    Allow,
    Deny,
}

/// How `align new` names tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdScheme {
    #[default]
    Random,
    Sequential,
}

/// Thresholds and gates of `align audit` (SPEC §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditConfig {
    /// Gate: `align audit` exits 1 above this untraced percentage.
    pub max_untraced_percent: Option<f64>,
    pub lagging_share_warn_percent: f64,
    pub starved_share_percent: f64,
    pub stale_days: i64,
    pub block_sla_days: i64,
    pub at_risk_gap: f64,
    pub off_track_gap: f64,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            max_untraced_percent: None,
            lagging_share_warn_percent: 40.0,
            starved_share_percent: 20.0,
            stale_days: 14,
            block_sla_days: 2,
            at_risk_gap: 0.10,
            off_track_gap: 0.25,
        }
    }
}

/// Estimate points each person can finish per week (SPEC §10
/// `capacity:`); without it, load is shown without a limit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CapacityConfig {
    /// Everyone's weekly capacity unless `people` names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<f64>,
    /// Weekly capacity per person.
    pub people: BTreeMap<String, f64>,
}

impl CapacityConfig {
    /// The weekly capacity of `person`, if any is configured.
    pub fn of(&self, person: &str) -> Option<f64> {
        self.people.get(person).copied().or(self.default)
    }
}

/// Rule severities for files under some paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub paths: Vec<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, Severity>,
}

/// The whole of `align.yaml`, every key with its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    #[serde(deserialize_with = "kinds_any_case")]
    pub kind_by_path: BTreeMap<String, Kind>,
    pub period: PeriodUnit,
    pub statuses: BTreeMap<Status, Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    pub max_depth: usize,
    pub unplanned: Unplanned,
    pub ids: IdScheme,
    pub audit: AuditConfig,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<CapacityConfig>,
    pub rules: BTreeMap<String, Severity>,
    pub overrides: Vec<Override>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            include: vec!["**/*.md".into(), "**/*.yaml".into(), "**/*.yml".into()],
            exclude: Vec::new(),
            kind_by_path: BTreeMap::new(),
            period: PeriodUnit::Quarter,
            statuses: BTreeMap::new(),
            people: None,
            max_depth: 3,
            unplanned: Unplanned::Allow,
            ids: IdScheme::Random,
            audit: AuditConfig::default(),
            capacity: None,
            rules: BTreeMap::new(),
            overrides: Vec::new(),
        }
    }
}

/// Every key `align.yaml` knows, for "did you mean" on a typo.
const KEYS: &[&str] = &[
    "include",
    "exclude",
    "kind_by_path",
    "period",
    "statuses",
    "people",
    "max_depth",
    "unplanned",
    "ids",
    "audit",
    "rules",
    "overrides",
    "max_untraced_percent",
    "lagging_share_warn_percent",
    "starved_share_percent",
    "stale_days",
    "block_sla_days",
    "at_risk_gap",
    "off_track_gap",
    "paths",
    "capacity",
    "default",
];

impl Config {
    /// Parses `align.yaml` text; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Fatal> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let config: Config = yaml::from_str(text).map_err(|e| {
            let (line, col) = e.offset.map_or((1, 1), |o| {
                crate::span::LineIndex::new(text).line_col(text, o)
            });
            let config_error = |line, column, message, help| Fatal::Config {
                path: path.to_path_buf(),
                line,
                column,
                message,
                help,
            };
            // serde_yaml points a duplicate at the mapping; the scanner
            // finds the second occurrence itself.
            if e.message.contains("duplicate")
                && let Some(d) = crate::config_errors::duplicate_key(text)
            {
                return config_error(d.line, d.column, d.message, d.help);
            }
            if let Some((message, help)) = crate::config_errors::explain(&e.message) {
                return config_error(line, col, message, help);
            }
            let help = unknown_key(&e.message)
                .and_then(|k| closest(&k, KEYS.iter().copied()))
                .map(|s| format!("did you mean `{s}`?"))
                .unwrap_or_else(|| yaml::hint(&e.message).to_string());
            config_error(line, col, e.message, help)
        })?;
        config.validate(path)?;
        Ok(config)
    }

    fn validate(&self, path: &Path) -> Result<(), Fatal> {
        let bad = |message: String, help: &str| Fatal::Config {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message,
            help: help.to_string(),
        };
        for glob in self
            .include
            .iter()
            .chain(&self.exclude)
            .chain(self.kind_by_path.keys())
            .chain(self.overrides.iter().flat_map(|o| &o.paths))
        {
            globset::Glob::new(glob).map_err(|e| {
                bad(
                    format!("`{glob}` is not a valid glob: {e}"),
                    "globs use globset syntax, e.g. `work/**/*.md`",
                )
            })?;
        }
        if let Some(c) = &self.capacity {
            let values = c.default.iter().chain(c.people.values());
            if let Some(v) = values.into_iter().find(|v| !v.is_finite() || **v < 0.0) {
                return Err(bad(
                    format!(
                        "`capacity` holds {v}, which is not a weekly number of estimate points"
                    ),
                    "give each person the estimate points they finish in a week, e.g. `capacity: {default: 8, people: {sam: 5}}`",
                ));
            }
        }
        if self.audit.at_risk_gap > self.audit.off_track_gap {
            return Err(bad(
                "`audit.at_risk_gap` is larger than `audit.off_track_gap`".into(),
                "at_risk_gap is the smaller gap: e.g. 0.10 and 0.25",
            ));
        }
        Ok(())
    }

    /// The canonical status for a spelling, honouring `statuses`.
    pub fn status(&self, spelling: &str) -> Option<Status> {
        let s = spelling.trim();
        Status::parse(&s.to_ascii_lowercase()).or_else(|| {
            self.statuses
                .iter()
                .find(|(_, spellings)| spellings.iter().any(|x| x.eq_ignore_ascii_case(s)))
                .map(|(status, _)| *status)
        })
    }
}

/// `kind_by_path` values in any case (`Task`, `KR`), as item files'
/// `kind:` are read (SPEC §1). Each value is read on its own so a wrong
/// one keeps serde_yaml's path and position.
fn kinds_any_case<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, Kind>, D::Error> {
    struct AnyCase(Kind);
    impl<'de> Deserialize<'de> for AnyCase {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<AnyCase, D::Error> {
            let s = String::deserialize(d)?;
            Kind::parse(&s.to_ascii_lowercase())
                .map(AnyCase)
                .ok_or_else(|| {
                    serde::de::Error::unknown_variant(
                        &s,
                        &["objective", "kr", "initiative", "task"],
                    )
                })
        }
    }
    let raw = BTreeMap::<String, AnyCase>::deserialize(d)?;
    Ok(raw.into_iter().map(|(glob, k)| (glob, k.0)).collect())
}

fn unknown_key(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// Where `align` works: the root folder and its config.
#[derive(Debug, Clone)]
pub struct Root {
    pub dir: PathBuf,
    pub config: Config,
    /// The config file, when there is one.
    pub config_path: Option<PathBuf>,
    /// `--no-ignore`: read the files git ignores too (SPEC §1).
    pub no_ignore: bool,
}

/// Finds the root from `start` (SPEC §1): the nearest folder with
/// `align.yaml`, else the enclosing git work tree, else `start`.
pub fn discover(start: &Path) -> Result<Root, Fatal> {
    let start = start.canonicalize().map_err(|e| Fatal::Io {
        path: start.to_path_buf(),
        message: e.to_string(),
    })?;
    let found = start
        .ancestors()
        // Found whatever it is: an `align.yaml` that is a FIFO or a folder
        // is refused below by name, never passed over for another root.
        .find(|d| std::fs::symlink_metadata(d.join(FILE_NAME)).is_ok())
        .map(Path::to_path_buf);
    let (dir, config_path) = match found {
        Some(dir) => {
            let p = dir.join(FILE_NAME);
            (dir, Some(p))
        }
        None => {
            let git = start.ancestors().find(|d| d.join(".git").exists());
            (git.unwrap_or(&start).to_path_buf(), None)
        }
    };
    let config = match &config_path {
        Some(p) => Config::parse(&read_config(p)?, p)?,
        None => Config::default(),
    };
    Ok(Root {
        dir,
        config,
        config_path,
        no_ignore: false,
    })
}

/// Reads `align.yaml` as items are read (SPEC §6): without blocking (a
/// FIFO there must not hang every command), at most 1 MiB (a config is a
/// page of settings; more is a mistake or an attack), and UTF-8. It may be
/// a link (dotfile managers link it); what it names must be a file.
fn read_config(path: &Path) -> Result<String, Fatal> {
    use crate::workspace::read::{Links, NotRead, read_regular};
    let refused = |message: String, help: &str| Fatal::Config {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
        help: help.to_string(),
    };
    let bytes = match read_regular(path, Links::Follow) {
        Ok(b) => b,
        Err(NotRead::Io(e)) => return Err(Fatal::io(path, e)),
        Err(e @ NotRead::NotRegular(_)) => {
            return Err(refused(
                format!("`{FILE_NAME}` was not read: {e}"),
                "replace it with a regular file holding the settings",
            ));
        }
        Err(e @ NotRead::TooLarge) => {
            return Err(refused(
                format!("`{FILE_NAME}` was not read: {e}"),
                "align.yaml holds a page of settings; remove what is not a setting",
            ));
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        refused(
            format!(
                "`{FILE_NAME}` is not valid UTF-8 (at byte {})",
                e.utf8_error().valid_up_to()
            ),
            "save align.yaml as UTF-8",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_means_defaults() {
        assert_eq!(
            Config::parse("", Path::new("align.yaml")).unwrap(),
            Config::default()
        );
        assert_eq!(
            Config::parse("# nothing\n", Path::new("align.yaml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        let err = Config::parse("includ: ['**']\n", Path::new("align.yaml")).unwrap_err();
        let Fatal::Config { help, line, .. } = err else {
            panic!()
        };
        assert_eq!(help, "did you mean `include`?");
        assert_eq!(line, 1);
        let err = Config::parse("audit:\n  stale_day: 3\n", Path::new("align.yaml")).unwrap_err();
        let Fatal::Config { help, line, .. } = err else {
            panic!()
        };
        assert_eq!((help.as_str(), line), ("did you mean `stale_days`?", 2));
    }

    #[test]
    fn statuses_map_spellings() {
        let c = Config::parse("statuses:\n  done: [shipped]\n", Path::new("a")).unwrap();
        assert_eq!(c.status("Shipped"), Some(Status::Done));
        assert_eq!(c.status("doing"), Some(Status::Doing));
        assert_eq!(c.status("nope"), None);
    }
}
