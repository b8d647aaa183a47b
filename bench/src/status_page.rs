//! The public status page under load, beside nginx serving the same bytes as a static file.
//!
//! A real server (`vigil serve` in-process, role `all`) with one published status page of 20
//! components, each linked to its own HTTP monitor (1-minute checks of a loopback upstream),
//! and a year of daily aggregates per monitor (the 90-day bars and uptime figures read them).
//! wrk (GET, no compression asked) measures `/status/{subdomain}` and its
//! `/api/v2/summary.json`; in the same run nginx serves two static files holding the very bytes
//! Vigil answered, and wrk measures them the same way. Figures are wrk's counts of 2xx answers.
//!
//! Then the delay from a monitor going down to the public page saying so: the upstream of one
//! monitor starts failing, `checkMonitorNow` makes its check due, and two pollers (every 5 ms)
//! note when the monitor's status turns `DOWN` in the database and when `summary.json` shows the
//! component's outage; then the same for coming back up. Each flip is bounded (30 s).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{Duration as Days, Utc};
use entity::monitor_aggregates::{self, AggregationPeriod};
use entity::monitors::{self, MonitorStatus};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{Client, Db, Wrk, load_average, percentile, quiet_server, wrk};

const COMPONENTS: usize = 20;
const DAYS: i64 = 365;

pub(crate) async fn status_page(
    db: Db,
    seconds: u64,
    connections: u32,
    flips: usize,
) -> anyhow::Result<()> {
    let (dir, running, client) = quiet_server(db).await?;
    let healthy = Arc::new(AtomicBool::new(true));
    let upstream = switchable_upstream(healthy.clone()).await?;
    let (token, project) = client.owner_and_project().await?;
    let monitors = page_with_components(&client, &token, &project, &upstream.to_string()).await?;
    year_of_aggregates(&running.state.db, &monitors).await?;

    let page_url = format!("{}/status/bench", running.url());
    let summary_url = format!("{page_url}/api/v2/summary.json");
    let html = fetch(&page_url).await?;
    let summary = fetch(&summary_url).await?;
    let static_dir = dir.join("static");
    std::fs::create_dir_all(&static_dir)?;
    std::fs::write(static_dir.join("page.html"), &html)?;
    std::fs::write(static_dir.join("summary.json"), &summary)?;
    let nginx = Nginx::start(&dir, &static_dir)?;

    println!(
        "| database | what | bytes | 2xx answers | 2xx/s | non-2xx | socket errors | p50 ms | p99 ms | load average |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let targets = [
        ("Vigil page", page_url.clone(), html.len()),
        (
            "nginx page.html",
            format!("{}/page.html", nginx.url),
            html.len(),
        ),
        ("Vigil summary.json", summary_url.clone(), summary.len()),
        (
            "nginx summary.json",
            format!("{}/summary.json", nginx.url),
            summary.len(),
        ),
    ];
    let mut rates = Vec::new();
    for (what, url, bytes) in targets {
        let measured: Wrk = tokio::task::spawn_blocking({
            let url = url.clone();
            move || wrk(&url, seconds, connections, false)
        })
        .await??;
        let ok = measured.responses - measured.non_2xx;
        let rate = ok as f64 / measured.seconds;
        rates.push(rate);
        println!(
            "| {db:?} | {what} | {bytes} | {ok} | {rate:.0} | {} | {} | {:.2} | {:.2} | {} |",
            measured.non_2xx,
            measured.socket_errors,
            measured.p50,
            measured.p99,
            load_average(),
        );
    }
    drop(nginx);
    println!(
        "\nVigil / nginx, 2xx per second: page {:.0} %, summary.json {:.0} %",
        100.0 * rates[0] / rates[1],
        100.0 * rates[2] / rates[3],
    );

    let delays = flip_delays(
        &running.state.db,
        &client,
        &token,
        &summary_url,
        monitors[0],
        &healthy,
        flips,
    )
    .await?;
    report_delays(&delays);
    running.stop().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// A loopback HTTP server answering 200 while `healthy`, else 500.
async fn switchable_upstream(healthy: Arc<AtomicBool>) -> anyhow::Result<std::net::SocketAddr> {
    let app = axum::Router::new().fallback(move || {
        let healthy = healthy.clone();
        async move {
            if healthy.load(Ordering::SeqCst) {
                axum::http::StatusCode::OK
            } else {
                axum::http::StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(addr)
}

/// Creates 20 HTTP monitors, a page `bench` with one component per monitor, and publishes it.
/// Returns the monitors' ids in component order.
async fn page_with_components(
    client: &Client,
    token: &str,
    project: &str,
    upstream: &str,
) -> anyhow::Result<Vec<Uuid>> {
    let page = client
        .gql(
            Some(token),
            "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "Bench status", "subdomain": "bench" } }),
        )
        .await?;
    let page_id = page["createStatusPage"]["id"]
        .as_str()
        .context("page id")?
        .to_owned();
    let mut monitors = Vec::new();
    for i in 0..COMPONENTS {
        let created = client
            .gql(
                Some(token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": format!("Service {i}"), "type": "HTTP",
                    "target": format!("http://{upstream}/service/{i}"), "frequencyMinutes": 1 } }),
            )
            .await?;
        let id = created["createMonitor"]["id"]
            .as_str()
            .context("monitor id")?
            .to_owned();
        client
            .gql(
                Some(token),
                "mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id } }",
                json!({ "i": { "statusPageId": page_id, "name": format!("Service {i}"), "monitorIds": [id] } }),
            )
            .await?;
        monitors.push(Uuid::parse_str(&id)?);
    }
    client
        .gql(
            Some(token),
            "mutation($id: ID!) { publishStatusPage(id: $id) { published } }",
            json!({ "id": page_id }),
        )
        .await?;
    Ok(monitors)
}

/// A year of daily aggregates (the `global` row) for every monitor, one bad day in thirty.
async fn year_of_aggregates(
    db: &sea_orm::DatabaseConnection,
    monitors: &[Uuid],
) -> anyhow::Result<()> {
    let today = vigil::monitor::aggregate::day_start(Utc::now());
    let mut rows = Vec::new();
    for monitor in monitors {
        for day in 1..=DAYS {
            let failed = if day % 30 == 0 { 12 } else { 0 };
            rows.push(monitor_aggregates::ActiveModel {
                id: Set(Uuid::new_v4()),
                monitor_id: Set(*monitor),
                period_type: Set(AggregationPeriod::Daily),
                period_start: Set(today - Days::days(day)),
                location: Set("global".into()),
                total_checks: Set(1440),
                successful_checks: Set(1440 - failed),
                failed_checks: Set(failed),
                uptime_percentage: Set(100.0 * f64::from(1440 - failed) / 1440.0),
                avg_response_ms: Set(Some(42)),
                min_response_ms: Set(Some(20)),
                max_response_ms: Set(Some(300)),
                p50_response_ms: Set(Some(40)),
                p95_response_ms: Set(Some(90)),
                p99_response_ms: Set(Some(200)),
                total_response_ms: Set(42 * 1440),
                status_change_count: Set(if failed > 0 { 2 } else { 0 }),
                timed_checks: Set(1440),
                created_at: Set(Utc::now()),
                updated_at: Set(Utc::now()),
            });
        }
    }
    while !rows.is_empty() {
        let chunk: Vec<_> = rows.drain(..rows.len().min(400)).collect();
        monitor_aggregates::Entity::insert_many(chunk)
            .exec(db)
            .await?;
    }
    Ok(())
}

async fn fetch(url: &str) -> anyhow::Result<Vec<u8>> {
    let response = reqwest::get(url).await?.error_for_status()?;
    Ok(response.bytes().await?.to_vec())
}

/// nginx serving `root` on a loopback port, stopped on drop.
struct Nginx {
    child: std::process::Child,
    url: String,
}

impl Nginx {
    fn start(dir: &Path, root: &Path) -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let conf = dir.join("nginx.conf");
        std::fs::write(
            &conf,
            format!(
                "daemon off;\nworker_processes 2;\npid {dir}/nginx.pid;\nerror_log {dir}/nginx-error.log;\n\
                 events {{ worker_connections 1024; }}\n\
                 http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;\n\
                 client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi;\n\
                 uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;\n\
                 server {{ listen 127.0.0.1:{port}; root {root}; }} }}\n",
                dir = dir.display(),
                root = root.display(),
            ),
        )?;
        let child = std::process::Command::new("nginx")
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(&conf)
            .spawn()
            .context("starting nginx (apt-get install nginx-light)")?;
        let url = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(Self { child, url });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        bail!("nginx did not listen on {port}")
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGQUIT is nginx's graceful stop; kill() is the fallback.
        let _ = std::process::Command::new("kill")
            .args(["-QUIT", &self.child.id().to_string()])
            .status();
        if self.child.wait().is_err() {
            let _ = self.child.kill();
        }
    }
}

/// One flip of the monitor: when the check was made due, when the database had the new
/// status, when `summary.json` showed it (milliseconds from the first).
struct Flip {
    down: bool,
    status_ms: f64,
    page_ms: f64,
}

async fn flip_delays(
    db: &sea_orm::DatabaseConnection,
    client: &Client,
    token: &str,
    summary_url: &str,
    monitor: Uuid,
    healthy: &AtomicBool,
    flips: usize,
) -> anyhow::Result<Vec<Flip>> {
    // The monitors' first checks may still be on their way: wait until the first is UP.
    wait_for(|| async { Ok(status(db, monitor).await? == MonitorStatus::Up) }).await?;
    let http = reqwest::Client::new();
    let mut out = Vec::new();
    for i in 0..flips * 2 {
        let down = i % 2 == 0;
        healthy.store(!down, Ordering::SeqCst);
        let start = Instant::now();
        client
            .gql(
                Some(token),
                "mutation($id: ID!) { checkMonitorNow(id: $id) { id } }",
                json!({ "id": monitor.to_string() }),
            )
            .await?;
        let want = if down {
            MonitorStatus::Down
        } else {
            MonitorStatus::Up
        };
        let (status_at, page_at) = tokio::join!(
            async {
                wait_for(|| async { Ok(status(db, monitor).await? == want) }).await?;
                anyhow::Ok(start.elapsed())
            },
            async {
                wait_for(|| async {
                    let body: Value = http.get(summary_url).send().await?.json().await?;
                    let shown = body["components"]
                        .as_array()
                        .and_then(|all| all.iter().find(|c| c["name"] == "Service 0"))
                        .and_then(|c| c["status"].as_str())
                        .unwrap_or_default()
                        .to_owned();
                    Ok(!shown.is_empty() && (shown == "operational") != down)
                })
                .await?;
                anyhow::Ok(start.elapsed())
            },
        );
        out.push(Flip {
            down,
            status_ms: status_at?.as_secs_f64() * 1000.0,
            page_ms: page_at?.as_secs_f64() * 1000.0,
        });
    }
    Ok(out)
}

async fn status(db: &sea_orm::DatabaseConnection, monitor: Uuid) -> anyhow::Result<MonitorStatus> {
    Ok(monitors::Entity::find_by_id(monitor)
        .one(db)
        .await?
        .context("monitor")?
        .status)
}

/// Polls `check` every 5 ms for at most 30 s.
async fn wait_for<F, Fut>(check: F) -> anyhow::Result<()>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<bool>>,
{
    for _ in 0..6000 {
        if check().await? {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    bail!("not seen within 30 s")
}

fn report_delays(flips: &[Flip]) {
    println!(
        "\n| flip | count | made due → status in database, median / max ms | made due → summary.json shows it, median / max ms | status → page, median / max ms |"
    );
    println!("|---|---|---|---|---|");
    for down in [true, false] {
        let of: Vec<&Flip> = flips.iter().filter(|f| f.down == down).collect();
        let sorted = |f: &dyn Fn(&Flip) -> f64| {
            let mut v: Vec<f64> = of.iter().map(|x| f(x)).collect();
            v.sort_by(f64::total_cmp);
            v
        };
        let status = sorted(&|f| f.status_ms);
        let page = sorted(&|f| f.page_ms);
        let after = sorted(&|f| (f.page_ms - f.status_ms).max(0.0));
        println!(
            "| {} | {} | {:.0} / {:.0} | {:.0} / {:.0} | {:.0} / {:.0} |",
            if down { "up → down" } else { "down → up" },
            of.len(),
            percentile(&status, 50.0),
            percentile(&status, 100.0),
            percentile(&page, 50.0),
            percentile(&page, 100.0),
            percentile(&after, 50.0),
            percentile(&after, 100.0),
        );
    }
}
