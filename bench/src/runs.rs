//! `vigil-bench runs`: time from `triggerJob` to the start of the sandboxed executor, and the
//! wall time of a whole run through Vigil against the same script run directly
//! (`npx playwright test`, `k6 run`) in a prepared directory.
//!
//! A real server with its workers (role `all`) on loopback; a loopback page server as the
//! target; runs one at a time, each observed by polling the database every 5 ms.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{Client, Db, database_url, percentile};

const PAGE: &str = "<!doctype html><html><head><title>Bench</title></head><body><h1 id=\"h\">Hello</h1><button id=\"b\" onclick=\"document.getElementById('h').textContent='Clicked'\">Go</button></body></html>";

/// A minimal HTTP/1.1 server answering every request with [`PAGE`].
async fn page_server() -> anyhow::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                loop {
                    let mut read = 0;
                    loop {
                        match socket.read(&mut buf[read..]).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => read += n,
                        }
                        if buf[..read].windows(4).any(|w| w == b"\r\n\r\n") || read == buf.len() {
                            break;
                        }
                    }
                    let response = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\n\r\n{PAGE}",
                        PAGE.len()
                    );
                    if socket.write_all(response.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    Ok(format!("http://{addr}"))
}

fn playwright_script(base: &str) -> String {
    format!(
        "import {{ test, expect }} from '@playwright/test';\n\
         test('page reacts', async ({{ page }}) => {{\n\
           await page.goto('{base}/');\n\
           await page.click('#b');\n\
           await expect(page.locator('#h')).toHaveText('Clicked');\n\
         }});\n"
    )
}

fn k6_script(base: &str) -> String {
    format!(
        "import http from 'k6/http';\n\
         export const options = {{ vus: 5, iterations: 500, thresholds: {{ http_req_duration: ['p(95)<1000'] }} }};\n\
         export default function () {{ http.get('{base}/'); }}\n"
    )
}

const DIRECT_CONFIG: &str = "module.exports = {\n  testDir: './tests',\n  outputDir: './test-results',\n  workers: 1,\n  reporter: [['list'], ['json', { outputFile: 'results.json' }], ['html', { outputFolder: 'report', open: 'never' }]],\n  use: { headless: true, screenshot: 'only-on-failure', trace: 'retain-on-failure', video: 'retain-on-failure',\n    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'] } },\n};\n";

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

/// Runs `program args` in `dir` `rounds` times; wall times in ms.
fn direct(
    dir: &Path,
    program: &str,
    args: &[&str],
    env: &[(&str, String)],
    rounds: usize,
) -> anyhow::Result<Vec<f64>> {
    let mut out = Vec::new();
    for _ in 0..rounds {
        let start = Instant::now();
        let status = std::process::Command::new(program)
            .args(args)
            .current_dir(dir)
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .with_context(|| format!("running {program}"))?;
        out.push(start.elapsed().as_secs_f64() * 1000.0);
        if !status.success() {
            bail!("{program} {args:?} failed: {status}");
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Measured {
    to_start: Vec<f64>,
    total: Vec<f64>,
    /// Runs that ended other than PASSED, with their status and error.
    failed: Vec<String>,
}

async fn through_vigil(
    client: &Client,
    state: &vigil::state::AppState,
    token: &str,
    job: &str,
    rounds: usize,
) -> anyhow::Result<Measured> {
    let mut m = Measured::default();
    for _ in 0..rounds {
        let sent: DateTime<Utc> = Utc::now();
        let start = Instant::now();
        let run = client
            .gql(
                Some(token),
                "mutation($id: ID!) { triggerJob(id: $id) { id } }",
                json!({ "id": job }),
            )
            .await?;
        let id = uuid::Uuid::parse_str(run["triggerJob"]["id"].as_str().context("run id")?)?;
        let finished = loop {
            let row = entity::runs::Entity::find_by_id(id)
                .one(&state.db)
                .await?
                .context("run")?;
            if vigil::testing::run::is_final(row.status) {
                break row;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        };
        let elapsed = start.elapsed().as_secs_f64() * 1000.0;
        if finished.status != entity::runs::RunStatus::Passed {
            m.failed.push(format!(
                "{:?}: {:?}",
                finished.status, finished.error_details
            ));
            continue;
        }
        m.total.push(elapsed);
        let exec: DateTime<Utc> = finished
            .metadata
            .as_ref()
            .and_then(|m| m.get("executorStartedAt"))
            .and_then(Value::as_str)
            .context("executorStartedAt")?
            .parse()?;
        m.to_start
            .push((exec - sent).num_microseconds().unwrap_or(0) as f64 / 1000.0);
    }
    Ok(m)
}

pub async fn runs(db: Db, rounds: usize, tools: PathBuf, cpus: f64) -> anyhow::Result<()> {
    let tools = tools
        .canonicalize()
        .context("the tools dir (vigil runners install --tools-dir DIR)")?;
    let base = page_server().await?;
    let dir = std::env::temp_dir().join(format!(
        "vigil-bench-runs-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir)?;
    let mut settings = vigil::config::Settings {
        bind: "127.0.0.1:0".into(),
        data_dir: dir.clone(),
        database_url: Some(database_url(db, &dir).await?),
        web_app: false,
        ..Default::default()
    };
    settings.runner.tools_dir = Some(tools.clone());
    settings.runner.max_concurrent = 1;
    settings.runner.cpus = cpus;
    let state = vigil::app::build_state(settings).await?;
    let running = vigil::app::spawn(state.clone()).await?;
    let client = Client {
        http: reqwest::Client::new(),
        url: format!("{}/graphql", running.url()),
    };
    let (token, project) = client.owner_and_project().await?;
    let mut jobs = Vec::new();
    for (kind, job_type, script) in [
        ("BROWSER", "PLAYWRIGHT", playwright_script(&base)),
        ("PERFORMANCE", "K6", k6_script(&base)),
    ] {
        let test = client
            .gql(Some(&token), "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }", json!({ "i": { "projectId": project, "title": "bench", "type": kind, "script": script } }))
            .await?;
        let job = client
            .gql(Some(&token), "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }", json!({ "i": { "projectId": project, "name": job_type, "jobType": job_type, "testIds": [test["createTest"]["id"]] } }))
            .await?;
        jobs.push(job["createJob"]["id"].as_str().context("job")?.to_owned());
    }

    // The same scripts, directly, in prepared directories.
    let pw_dir = dir.join("direct-playwright");
    std::fs::create_dir_all(pw_dir.join("tests"))?;
    std::fs::write(pw_dir.join("playwright.config.js"), DIRECT_CONFIG)?;
    std::fs::write(
        pw_dir.join("tests/001-bench.spec.ts"),
        playwright_script(&base),
    )?;
    std::os::unix::fs::symlink(
        tools.join("playwright/node_modules"),
        pw_dir.join("node_modules"),
    )?;
    let pw_env = [
        (
            "PLAYWRIGHT_BROWSERS_PATH",
            tools.join("playwright-browsers").display().to_string(),
        ),
        ("CI", "1".to_owned()),
    ];
    let k6_dir = dir.join("direct-k6");
    std::fs::create_dir_all(&k6_dir)?;
    std::fs::write(k6_dir.join("script.js"), k6_script(&base))?;
    let k6_bin = tools.join("k6/bin/k6").display().to_string();
    let k6_args = [
        "run",
        "--quiet",
        "--summary-export",
        "summary.json",
        "script.js",
    ];

    // Warm-up (page cache, Chromium's first start), then Vigil and direct runs alternate so
    // that both see the same machine.
    through_vigil(&client, &state, &token, &jobs[0], 1).await?;
    through_vigil(&client, &state, &token, &jobs[1], 1).await?;
    direct(&pw_dir, "npx", &["playwright", "test"], &pw_env, 1)?;
    direct(&k6_dir, &k6_bin, &k6_args, &[], 1)?;
    let mut pw = Measured::default();
    let mut k6 = Measured::default();
    let mut pw_direct = Vec::new();
    let mut k6_direct = Vec::new();
    for _ in 0..rounds {
        let m = through_vigil(&client, &state, &token, &jobs[0], 1).await?;
        pw.to_start.extend(m.to_start);
        pw.total.extend(m.total);
        pw.failed.extend(m.failed);
        pw_direct.extend(direct(&pw_dir, "npx", &["playwright", "test"], &pw_env, 1)?);
        let m = through_vigil(&client, &state, &token, &jobs[1], 1).await?;
        k6.to_start.extend(m.to_start);
        k6.total.extend(m.total);
        k6.failed.extend(m.failed);
        k6_direct.extend(direct(&k6_dir, &k6_bin, &k6_args, &[], 1)?);
    }
    running.stop().await?;

    let load = crate::load_average();
    println!(
        "{rounds} runs each, one at a time, {db:?}, runner.cpus = {cpus}, load average at the end {load}\n"
    );
    // A 99th percentile needs at least 100 samples; below that the table says "max of N".
    let tail = |n: usize| {
        if n >= 100 {
            "p99".to_owned()
        } else {
            format!("max of {n}")
        }
    };
    println!(
        "| runner | runs passed | failed | trigger → executor start p50 ms | {} ms | direct p50 ms | through Vigil p50 ms | overhead ms | overhead % |",
        tail(rounds)
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, m, d) in [("Playwright", &pw, &pw_direct), ("k6", &k6, &k6_direct)] {
        let start = sorted(m.to_start.clone());
        let total = percentile(&sorted(m.total.clone()), 50.0);
        let direct = percentile(&sorted(d.clone()), 50.0);
        let tail_ms = if start.len() >= 100 {
            percentile(&start, 99.0)
        } else {
            start.last().copied().unwrap_or(f64::NAN)
        };
        println!(
            "| {name} | {} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.1} |",
            m.total.len(),
            m.failed.len(),
            percentile(&start, 50.0),
            tail_ms,
            direct,
            total,
            total - direct,
            (total - direct) * 100.0 / direct
        );
    }
    for failure in pw.failed.iter().chain(&k6.failed) {
        println!("failed run: {failure}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
