//! The Playwright executor: the run's tests as spec files of one Playwright project, run with
//! Node and `@playwright/test` (from the tools dir) against the system Chromium, headless and
//! without Chromium's own sandbox (the run is inside bubblewrap). Reports, traces,
//! screenshots and videos go to storage.
//!
//! Scripts read project variables and secrets through the helper written next to them:
//!
//! ```js
//! import { test, expect } from '@playwright/test';
//! import { getVariable, getSecret } from './vigil';
//!
//! test('sign in', async ({ page }) => {
//!   await page.goto(getVariable('BASE_URL'));
//!   await page.fill('#password', getSecret('PASSWORD'));
//! });
//! ```

use serde_json::Value;

use super::artifact::{PlaywrightArtifacts, PlaywrightStats, RunnerArtifacts};
use super::executor::{self, Context, LogStream};
use super::run::Outcome;
use entity::runs::RunStatus;

/// The helper scripts import (`./vigil`).
pub const HELPER: &str = r#"// Vigil's helper: the project's variables and secrets for this run.
// Secret values are masked (********) in every log and report Vigil stores.
function read(name, kind) {
  const value = process.env['VIGIL_VAR_' + name];
  if (value === undefined) {
    throw new Error(`the project has no ${kind} named ${name}`);
  }
  return value;
}
function getVariable(name) { return read(name, 'variable'); }
function getSecret(name) { return read(name, 'secret'); }
function hasVariable(name) { return process.env['VIGIL_VAR_' + name] !== undefined; }
const run = { id: process.env.VIGIL_RUN_ID, projectId: process.env.VIGIL_PROJECT_ID, jobId: process.env.VIGIL_JOB_ID };
module.exports = { getVariable, getSecret, hasVariable, run };
"#;

/// Whether Playwright can record videos: it encodes them with its `ffmpeg`, which
/// `vigil runners install` links to the system's (Debian's `ffmpeg`).
pub fn video_ready(tools_dir: &std::path::Path) -> bool {
    std::fs::read_dir(tools_dir.join("playwright-browsers"))
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| {
            e.file_name().to_string_lossy().starts_with("ffmpeg-")
                && e.path().join("ffmpeg-linux").exists()
        })
}

fn config(chromium: &str, network: bool, video: bool) -> String {
    let video = if video { "retain-on-failure" } else { "off" };
    let proxy = if network {
        String::new()
    } else {
        // No network namespace to reach: fail fast instead of waiting for timeouts.
        "    proxy: { server: 'http://127.0.0.1:9' },\n".to_owned()
    };
    format!(
        r#"// Written by Vigil for this run.
module.exports = {{
  testDir: './tests',
  testMatch: /.*\.spec\.(js|ts|mjs|cjs)$/,
  outputDir: './test-results',
  timeout: 30000,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: false,
  reporter: [
    ['list'],
    ['json', {{ outputFile: 'results.json' }}],
    ['html', {{ outputFolder: 'report', open: 'never' }}],
  ],
  use: {{
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: '{video}',
{proxy}    launchOptions: {{
      executablePath: {chromium},
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }},
  }},
}};
"#,
        chromium = serde_json::to_string(chromium).unwrap_or_else(|_| "''".into()),
    )
}

/// Counts of a Playwright JSON report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub expected: u64,
    pub unexpected: u64,
    pub flaky: u64,
    pub skipped: u64,
    /// Errors outside tests (a script that does not compile, a failing global set-up).
    pub errors: u64,
}

/// Reads `stats` and top-level `errors` of Playwright's JSON reporter output.
pub fn stats(results: &Value) -> Stats {
    let n = |k: &str| results["stats"][k].as_u64().unwrap_or(0);
    Stats {
        expected: n("expected"),
        unexpected: n("unexpected"),
        flaky: n("flaky"),
        skipped: n("skipped"),
        errors: results["errors"].as_array().map_or(0, |e| e.len() as u64),
    }
}

/// Attachments of every test result: `(name, path)` (screenshot, video, trace).
fn attachments(results: &Value) -> Vec<(String, String)> {
    fn walk(suite: &Value, out: &mut Vec<(String, String)>) {
        for spec in suite["specs"].as_array().into_iter().flatten() {
            for test in spec["tests"].as_array().into_iter().flatten() {
                for result in test["results"].as_array().into_iter().flatten() {
                    for a in result["attachments"].as_array().into_iter().flatten() {
                        if let (Some(name), Some(path)) = (a["name"].as_str(), a["path"].as_str()) {
                            out.push((name.to_owned(), path.to_owned()));
                        }
                    }
                }
            }
        }
        for child in suite["suites"].as_array().into_iter().flatten() {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    for suite in results["suites"].as_array().into_iter().flatten() {
        walk(suite, &mut out);
    }
    out
}

/// Runs the context's tests with Playwright.
pub async fn execute(ctx: &Context, log: &mut LogStream) -> Outcome {
    let cli = match installed(ctx) {
        Ok(cli) => cli,
        Err(message) => {
            log.note(&message);
            return Outcome::error(message, ctx.started_at);
        }
    };
    if let Err(message) = write_project(ctx).await {
        return Outcome::error(message, ctx.started_at);
    }
    let settings = &ctx.state.settings;
    log.note(&format!(
        "running {} Playwright test file(s) with {}",
        ctx.tests.len(),
        settings.runner.chromium.display()
    ));
    if !video_ready(&ctx.tools_dir) {
        log.note("videos are off: ffmpeg is missing (apt-get install ffmpeg, then vigil runners install)");
    }
    let cmd = ctx.command(
        &settings.runner.node,
        vec![
            cli.display().to_string(),
            "test".into(),
            "--config".into(),
            "playwright.config.js".into(),
        ],
        environment(ctx),
        None,
    );
    let offset = log.len();
    let (exit, executor_started) = executor::run_process(cmd, log, ctx.deadline, &ctx.cancel).await;

    let masker = log.masker().clone();
    let results: Option<Value> = ctx
        .read_file(
            &ctx.work_dir.join("results.json"),
            super::workfile::MAX_REPORT,
        )
        .await
        .and_then(|b| serde_json::from_slice(&b).ok());
    let (status, error) = judge(&exit, results.as_ref(), &masker, || {
        executor::tool_failure(log.since(offset), &ctx.tools_dir)
    });
    let mut outcome = Outcome::error(String::new(), ctx.started_at);
    outcome.status = status;
    outcome.error = error;
    outcome.exit_code = match exit {
        executor::Exit::Code(code) => Some(code),
        _ => None,
    };
    outcome.executor_started_at = executor_started;
    store_artifacts(ctx, &mut outcome, results.as_ref(), &masker).await;
    outcome
}

/// The Playwright CLI in the tools dir, once the runner and Chromium are both installed.
fn installed(ctx: &Context) -> Result<std::path::PathBuf, String> {
    let cli = ctx
        .tools_dir
        .join("playwright/node_modules/@playwright/test/cli.js");
    if !cli.exists() {
        return Err(format!(
            "the Playwright runner is not installed in {}: run `vigil runners install`",
            ctx.tools_dir.display()
        ));
    }
    let chromium = &ctx.state.settings.runner.chromium;
    if !chromium.exists() {
        return Err(format!(
            "Chromium is not installed at {} (apt-get install chromium)",
            chromium.display()
        ));
    }
    Ok(cli)
}

/// Writes the run's Playwright project into the work dir: the config, the helper and one
/// spec file per test, and a link to the runner's packages.
async fn write_project(ctx: &Context) -> Result<(), String> {
    let dir = &ctx.work_dir;
    let chromium = ctx.state.settings.runner.chromium.display().to_string();
    let mut files = vec![
        (
            "package.json".to_owned(),
            "{ \"name\": \"vigil-run\", \"private\": true }\n".to_owned(),
        ),
        (
            "playwright.config.js".to_owned(),
            config(&chromium, ctx.network(), video_ready(&ctx.tools_dir)),
        ),
        ("tests/vigil.js".to_owned(), HELPER.to_owned()),
    ];
    for (i, test) in ctx.tests.iter().enumerate() {
        files.push((
            format!("tests/{}.spec.ts", executor::file_stem(i, &test.title)),
            test.script.clone(),
        ));
    }
    for (name, content) in &files {
        executor::write(dir, name, content)
            .await
            .map_err(|err| format!("cannot write {name}: {err}"))?;
    }
    // Scripts import '@playwright/test' from the tools dir (read-only in the sandbox).
    let modules = ctx.tools_dir.join("playwright/node_modules");
    tokio::fs::symlink(&modules, dir.join("node_modules"))
        .await
        .map_err(|err| format!("cannot link the Playwright package: {err}"))
}

/// The run's environment plus what makes Playwright quiet, headless and offline for its
/// own downloads.
fn environment(ctx: &Context) -> Vec<(String, String)> {
    let mut env = ctx.env();
    env.extend([
        ("CI".to_owned(), "1".to_owned()),
        ("FORCE_COLOR".to_owned(), "0".to_owned()),
        ("PW_TEST_HTML_REPORT_OPEN".to_owned(), "never".to_owned()),
        (
            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD".to_owned(),
            "1".to_owned(),
        ),
        (
            "PLAYWRIGHT_BROWSERS_PATH".to_owned(),
            ctx.tools_dir
                .join("playwright-browsers")
                .display()
                .to_string(),
        ),
    ]);
    env
}

/// The run's status and error from how Playwright exited and what its JSON report says;
/// `tool_failure` reads the output for a broken installation when nothing else explains a
/// failure.
fn judge(
    exit: &executor::Exit,
    results: Option<&Value>,
    masker: &super::mask::Masker,
    tool_failure: impl FnOnce() -> Option<String>,
) -> (RunStatus, Option<String>) {
    let stats = results.map(stats).unwrap_or_default();
    match (executor::status_of(exit), exit) {
        (Some(status), _) => (status, executor::error_of(exit)),
        (None, executor::Exit::Code(0)) => (RunStatus::Passed, None),
        (None, executor::Exit::Code(_)) if stats.unexpected > 0 => (
            RunStatus::Failed,
            Some(format!(
                "{} of {} tests failed",
                stats.unexpected,
                stats.expected + stats.unexpected + stats.flaky
            )),
        ),
        (None, executor::Exit::Code(_)) if stats.errors > 0 => {
            let first = results
                .and_then(|r| r["errors"][0]["message"].as_str())
                .map(|m| masker.text(m))
                .unwrap_or_default();
            (
                RunStatus::Error,
                Some(format!(
                    "the tests could not run: {}",
                    first.chars().take(2000).collect::<String>()
                )),
            )
        }
        (None, executor::Exit::Code(code)) => (
            RunStatus::Error,
            Some(tool_failure().unwrap_or_else(|| format!("Playwright exited with code {code}"))),
        ),
        (None, _) => (RunStatus::Error, executor::error_of(exit)),
    }
}

/// Stores the HTML report, the attachments the run wrote in its work dir (screenshots,
/// videos, traces) and the JSON report, and records their keys on the outcome.
async fn store_artifacts(
    ctx: &Context,
    outcome: &mut Outcome,
    results: Option<&Value>,
    masker: &super::mask::Masker,
) {
    let dir = &ctx.work_dir;
    let report_keys = ctx.store_dir(&dir.join("report"), "report", masker).await;
    outcome.report_key = report_keys
        .iter()
        .find(|k| k.ends_with("/report/index.html"))
        .cloned();
    let mut screenshots = Vec::new();
    let mut videos = Vec::new();
    let mut traces = Vec::new();
    for (name, path) in results.map(attachments).unwrap_or_default() {
        let path = std::path::PathBuf::from(path);
        // Only files the run wrote in its own work dir.
        let Ok(relative) = path.strip_prefix(dir) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        if crate::storage::check_key(&relative).is_none() {
            continue;
        }
        if let Some(key) = ctx.store_file(&path, &relative, masker).await {
            match name.as_str() {
                "screenshot" => screenshots.push(key),
                "video" => videos.push(key),
                "trace" => traces.push(key),
                _ => {}
            }
        }
    }
    let results_key = match results {
        Some(r) => {
            ctx.store_bytes(
                "results.json",
                serde_json::to_vec_pretty(r).unwrap_or_default(),
                masker,
            )
            .await
        }
        None => None,
    };
    outcome.video_key = videos.first().cloned();
    outcome.screenshots_prefix =
        (!screenshots.is_empty()).then(|| format!("runs/{}/test-results/", ctx.run.id));
    let stats = results.map(stats).unwrap_or_default();
    outcome.artifacts.runner = Some(RunnerArtifacts::Playwright(PlaywrightArtifacts {
        report: outcome.report_key.clone(),
        results: results_key,
        screenshots,
        videos,
        traces,
        stats: PlaywrightStats {
            passed: stats.expected,
            failed: stats.unexpected,
            flaky: stats.flaky,
            skipped: stats.skipped,
        },
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_json_report() {
        let results = json!({
            "stats": { "expected": 1, "unexpected": 1, "flaky": 0, "skipped": 0 },
            "errors": [],
            "suites": [{ "suites": [], "specs": [{ "tests": [{ "results": [{ "attachments": [
                { "name": "screenshot", "path": "/w/test-results/a/test-failed-1.png", "contentType": "image/png" },
                { "name": "trace", "path": "/w/test-results/a/trace.zip" },
                { "name": "stdout", "body": "x" }
            ] }] }] }] }]
        });
        assert_eq!(
            stats(&results),
            Stats {
                expected: 1,
                unexpected: 1,
                flaky: 0,
                skipped: 0,
                errors: 0
            }
        );
        let found = attachments(&results);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "screenshot");
    }
}
