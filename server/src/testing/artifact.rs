//! What a run keeps as JSON beside its columns, typed: its artifacts (`runs.artifact_paths`,
//! written by the executors when the run ends, listed by the API) and its metadata
//! (`runs.metadata`: what triggered it, for which tests, how much output it printed).
//!
//! The types serialise to the JSON shape stored since the first release, so rows written
//! before them read back, and `Run.artifactPaths` shows clients what it always showed.

use chrono::{DateTime, Utc};
use entity::runs;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The storage keys of a run's artifacts (`runs.artifact_paths`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunArtifacts {
    /// The whole (masked) output, whenever it was stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
    /// What the runner left; none when the run ended before a runner started (set-up
    /// failed). A row of another shape reads as none rather than failing.
    #[serde(flatten)]
    pub runner: Option<RunnerArtifacts>,
}

/// The artifacts of one runner; told apart by their fields (`k6`, Playwright's `stats`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RunnerArtifacts {
    K6(K6Artifacts),
    Playwright(PlaywrightArtifacts),
}

/// What a Playwright run stores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaywrightArtifacts {
    /// The HTML report's `index.html`.
    #[serde(default)]
    pub report: Option<String>,
    /// Playwright's JSON report.
    #[serde(default)]
    pub results: Option<String>,
    #[serde(default)]
    pub screenshots: Vec<String>,
    #[serde(default)]
    pub videos: Vec<String>,
    #[serde(default)]
    pub traces: Vec<String>,
    pub stats: PlaywrightStats,
}

/// The counts of Playwright's JSON report, as stored with the artifacts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaywrightStats {
    #[serde(default)]
    pub passed: u64,
    #[serde(default)]
    pub failed: u64,
    #[serde(default)]
    pub flaky: u64,
    #[serde(default)]
    pub skipped: u64,
}

/// What a k6 run stores: one entry per k6 execution, the first report as the run's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct K6Artifacts {
    #[serde(default)]
    pub report: Option<String>,
    pub k6: Vec<K6Artifact>,
}

/// The stored files of one k6 execution.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct K6Artifact {
    #[serde(default)]
    pub test_id: Option<Uuid>,
    /// The HTML report Vigil writes from the summary.
    #[serde(default)]
    pub report: Option<String>,
    /// k6's summary export.
    #[serde(default)]
    pub summary: Option<String>,
    /// k6's console output.
    #[serde(default)]
    pub console: Option<String>,
}

impl RunArtifacts {
    /// The artifacts of a run row (none when the column is empty or of another shape).
    pub fn of(run: &runs::Model) -> Self {
        run.artifact_paths
            .as_ref()
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }

    /// The JSON stored in `runs.artifact_paths`.
    pub fn to_json(&self) -> Value {
        // Cannot fail: every map of these types has string keys.
        serde_json::to_value(self).unwrap_or_else(|_| Value::Object(Map::new()))
    }

    /// The run's report, whichever runner wrote it.
    pub fn report(&self) -> Option<&str> {
        match &self.runner {
            Some(RunnerArtifacts::K6(k6)) => k6.report.as_deref(),
            Some(RunnerArtifacts::Playwright(pw)) => pw.report.as_deref(),
            None => None,
        }
    }

    /// Every stored key with its kind (`report`, `log`, `results`, `screenshot`, `video`,
    /// `trace`, `k6-report`, `k6-summary`, `k6-console`), in that order.
    pub fn entries(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> = Vec::new();
        out.extend(self.report().map(|key| ("report", key)));
        out.extend(self.log.as_deref().map(|key| ("log", key)));
        match &self.runner {
            Some(RunnerArtifacts::Playwright(pw)) => {
                out.extend(pw.results.as_deref().map(|key| ("results", key)));
                for (kind, keys) in [
                    ("screenshot", &pw.screenshots),
                    ("video", &pw.videos),
                    ("trace", &pw.traces),
                ] {
                    out.extend(keys.iter().map(|key| (kind, key.as_str())));
                }
            }
            Some(RunnerArtifacts::K6(k6)) => {
                for run in &k6.k6 {
                    for (kind, key) in [
                        ("k6-report", &run.report),
                        ("k6-summary", &run.summary),
                        ("k6-console", &run.console),
                    ] {
                        out.extend(key.as_deref().map(|key| (kind, key)));
                    }
                }
            }
            None => {}
        }
        out
    }
}

/// What a run records about itself (`runs.metadata`). Every field reads leniently, as the
/// key-by-key reads before it did: a value of another type reads as absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunMetadata {
    /// The tests the run executes, in order.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub test_ids: Vec<Uuid>,
    /// The test of a single-test run (from the editor or a synthetic monitor).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub test_id: Option<Uuid>,
    /// The editor's unsaved script, run instead of the saved one this once.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub script: Option<String>,
    /// The user who triggered it (by hand, or owning the API key).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub triggered_by: Option<Uuid>,
    /// The API key of a remote trigger.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_key_id: Option<Uuid>,
    /// The cron fire time a scheduled run was made for.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_for: Option<DateTime<Utc>>,
    /// When the runner process started (the queue and set-up come before).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_started_at: Option<DateTime<Utc>>,
    /// The number of the last output line saved in `runs.logs`.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub log_lines: Option<u64>,
    /// The synthetic monitor whose check this run is.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub monitor_id: Option<Uuid>,
    /// The monitor location (its schedule row) the synthetic check is for.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub monitor_location_id: Option<Uuid>,
    /// Keys this version does not know (written by a newer one), carried through unchanged.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl RunMetadata {
    /// The metadata of a run row (empty when the column is).
    pub fn of(run: &runs::Model) -> Self {
        run.metadata
            .as_ref()
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }

    /// The JSON stored in `runs.metadata`.
    pub fn to_json(&self) -> Value {
        // Cannot fail: every map of this type has string keys.
        serde_json::to_value(self).unwrap_or_else(|_| Value::Object(Map::new()))
    }
}

/// A field that reads as its default when its JSON has another type.
fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn artifacts(value: &Value) -> RunArtifacts {
        serde_json::from_value(value.clone()).unwrap_or_default()
    }

    /// Rows as the executors wrote them before these types: they read back, and write back
    /// byte for byte.
    #[test]
    fn artifacts_in_the_stored_shape_read_back_and_write_the_same() {
        let playwright = json!({
            "report": "runs/r/report/index.html",
            "results": "runs/r/results.json",
            "screenshots": ["runs/r/test-results/a/test-failed-1.png"],
            "videos": [],
            "traces": ["runs/r/test-results/a/trace.zip"],
            "stats": { "passed": 1, "failed": 1, "flaky": 0, "skipped": 0 },
            "log": "runs/r/output.log",
        });
        let read = artifacts(&playwright);
        assert_eq!(read.to_json(), playwright);
        assert_eq!(
            read.entries(),
            vec![
                ("report", "runs/r/report/index.html"),
                ("log", "runs/r/output.log"),
                ("results", "runs/r/results.json"),
                ("screenshot", "runs/r/test-results/a/test-failed-1.png"),
                ("trace", "runs/r/test-results/a/trace.zip"),
            ]
        );

        let k6 = json!({
            "report": "runs/r/k6/001-load/report.html",
            "k6": [
                { "testId": "0190f0c8-6b8e-7c4a-9d2e-3f4a5b6c7d8e", "report": "runs/r/k6/001-load/report.html",
                  "summary": "runs/r/k6/001-load/summary.json", "console": "runs/r/k6/001-load/console.txt" },
                { "testId": null, "report": null, "summary": null, "console": "runs/r/k6/002-x/console.txt" },
            ],
            "log": "runs/r/output.log",
        });
        let read = artifacts(&k6);
        assert_eq!(read.to_json(), k6);
        assert_eq!(
            read.entries()
                .iter()
                .map(|(kind, _)| *kind)
                .collect::<Vec<_>>(),
            [
                "report",
                "log",
                "k6-report",
                "k6-summary",
                "k6-console",
                "k6-console"
            ]
        );

        // A run that ended before its runner: `{}`, or the log alone.
        for bare in [json!({}), json!({ "log": "runs/r/output.log" })] {
            let read = artifacts(&bare);
            assert_eq!(read.runner, None);
            assert_eq!(read.to_json(), bare);
        }
        // Playwright without a report or results writes nulls, as before.
        let empty = json!({ "report": null, "results": null, "screenshots": [], "videos": [],
            "traces": [], "stats": { "passed": 0, "failed": 0, "flaky": 0, "skipped": 0 } });
        assert_eq!(artifacts(&empty).to_json(), empty);
    }

    #[test]
    fn metadata_in_the_stored_shape_reads_back_and_keeps_other_keys() {
        let stored = json!({
            "testId": "0190f0c8-6b8e-7c4a-9d2e-3f4a5b6c7d8e",
            "testIds": ["0190f0c8-6b8e-7c4a-9d2e-3f4a5b6c7d8e"],
            "script": null,
            "triggeredBy": "0190f0c8-0000-7000-8000-000000000001",
            "monitorId": "0190f0c8-0000-7000-8000-000000000002",
            "monitorLocationId": "0190f0c8-0000-7000-8000-000000000003",
            "scheduledFor": "2026-12-06T10:00:00Z",
            "executorStartedAt": "2026-12-06T10:00:01.250Z",
            "logLines": 42,
        });
        let read: RunMetadata = serde_json::from_value(stored).unwrap_or_default();
        assert_eq!(
            read.test_id.map(|id| id.to_string()).as_deref(),
            Some("0190f0c8-6b8e-7c4a-9d2e-3f4a5b6c7d8e")
        );
        assert_eq!(read.test_ids.len(), 1);
        assert_eq!(read.script, None);
        assert_eq!(read.log_lines, Some(42));
        assert!(read.scheduled_for.is_some() && read.executor_started_at.is_some());
        let written = read.to_json();
        assert_eq!(
            written["monitorLocationId"],
            "0190f0c8-0000-7000-8000-000000000003"
        );
        assert_eq!(written["executorStartedAt"], "2026-12-06T10:00:01.250Z");
        assert_eq!(written["logLines"], 42);
        // A value of another type reads as absent, as the key-by-key reads did.
        let odd: RunMetadata =
            serde_json::from_value(json!({ "testId": 7, "logLines": "many", "testIds": [1] }))
                .unwrap_or_default();
        assert_eq!((odd.test_id, odd.log_lines), (None, None));
        assert!(odd.test_ids.is_empty());
    }
}
