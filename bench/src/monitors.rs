//! `vigil-bench monitors`: the check engine under N HTTP monitors of 1-minute frequency.
//!
//! For each N: a fresh server (role `all`, so its check engine runs) on a fresh database, and a
//! loopback HTTP target in the same process that answers 200 and counts requests. One monitor
//! is created through GraphQL `createMonitor`; the other N − 1 are copies of its rows (monitor,
//! schedule row of the `default` location, alert settings) with their own ids and their first
//! check spread like the API spreads it (`schedule::first_check`), inserted in bulk. After a
//! warm-up the bench measures, over a window:
//!
//! - checks per second: `monitor_results` rows whose `checked_at` falls in the window, and the
//!   target's requests;
//! - scheduling lag: a result's `checked_at` (stamped when its check finished) minus the time
//!   the check was due. The engine sets the next due time of a monitor to
//!   `schedule::next_slot(id, frequency, checked_at)` of its previous result, so the due time of
//!   every result but a monitor's first is known exactly from the result before it;
//! - CPU time of the whole process (server, engine, target, bench) from `/proc/self/stat`, as a
//!   percentage of one core, and its peak RSS (`VmHWM`, reset before each N through
//!   `/proc/self/clear_refs`).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, Utc};
use entity::{alerts, monitor_locations, monitor_results, monitors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, Database, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use crate::{Client, Db, database_url, load_average, percentile};

/// Rows per bulk INSERT (SQLite allows 32,766 parameters; a monitor row has about 25).
const INSERT_CHUNK: usize = 500;

/// A result's monitor, location, `checked_at`, response time and whether it was up.
type ResultRow = (Uuid, String, DateTime<Utc>, Option<i32>, bool);

/// The measured figures of one N.
struct Figures {
    monitors: usize,
    window_secs: f64,
    results: usize,
    not_up: usize,
    target_requests: u64,
    lags_ms: Vec<f64>,
    /// Monitors with no result in the window (their lag is not in `lags_ms`).
    unchecked: usize,
    /// Monitors whose next check was due more than a second before the window ended but had
    /// no result by then (a lag not in `lags_ms`, at least that second).
    overdue_at_end: usize,
    /// Results in the window whose due time is unknown (a monitor's first result).
    first_results: usize,
    response_p99_ms: f64,
    cpu_percent: f64,
    /// CPU of the PostgreSQL backends serving the bench database, as % of one core.
    postgres_cpu_percent: Option<f64>,
    peak_rss_mib: f64,
    statements_per_check: f64,
    /// Gaps between the engine's claim rounds, in ms, sorted.
    rounds_ms: Vec<f64>,
    max_leased: u64,
    max_overdue: u64,
    load: String,
}

pub(crate) async fn monitors(
    db: Db,
    counts: &[usize],
    warmup_secs: u64,
    minutes: u64,
) -> anyhow::Result<()> {
    let mut all = Vec::new();
    for &n in counts {
        let figures = one(db, n, warmup_secs, minutes).await?;
        print_table(db, std::slice::from_ref(&figures));
        all.push(figures);
    }
    if all.len() > 1 {
        println!();
        print_table(db, &all);
    }
    Ok(())
}

fn print_table(db: Db, rows: &[Figures]) {
    println!(
        "| database | monitors | checks/s (expected) | target requests/s | not up | lags measured | lag p50 ms | lag p99 ms | lag max ms | monitors unchecked in the window | overdue at its end | CPU % of one core | PostgreSQL CPU % | peak RSS MiB | load average |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for f in rows {
        let expected = f.monitors as f64 / 60.0;
        println!(
            "| {db:?} | {} | {:.1} ({expected:.1}) | {:.1} | {} | {} | {:.0} | {:.0} | {:.0} | {} | {} | {:.0} | {} | {:.0} | {} |",
            f.monitors,
            f.results as f64 / f.window_secs,
            f.target_requests as f64 / f.window_secs,
            f.not_up,
            f.lags_ms.len(),
            percentile(&f.lags_ms, 50.0),
            percentile(&f.lags_ms, 99.0),
            f.lags_ms.last().copied().unwrap_or(f64::NAN),
            f.unchecked,
            f.overdue_at_end,
            f.cpu_percent,
            f.postgres_cpu_percent
                .map_or_else(|| "-".to_owned(), |c| format!("{c:.0}")),
            f.peak_rss_mib,
            f.load,
        );
    }
    for f in rows {
        println!(
            "  {} monitors: {} results in {:.0} s ({} first results with no known due time), lag min {:.0} ms, check response p99 {:.0} ms, \
             {:.1} SQL statements per check, claim rounds every {:.0} ms (p50; p99 {:.0}, max {:.0}), at most {} checks leased and {} due >1 s but unclaimed at a sample",
            f.monitors,
            f.results,
            f.window_secs,
            f.first_results,
            f.lags_ms.first().copied().unwrap_or(f64::NAN),
            f.response_p99_ms,
            f.statements_per_check,
            percentile(&f.rounds_ms, 50.0),
            percentile(&f.rounds_ms, 99.0),
            f.rounds_ms.last().copied().unwrap_or(f64::NAN),
            f.max_leased,
            f.max_overdue,
        );
    }
}

/// A loopback target answering every request with 200, counting them.
async fn target(counter: Arc<AtomicU64>) -> anyhow::Result<std::net::SocketAddr> {
    let app = axum::Router::new().fallback(move || {
        counter.fetch_add(1, Ordering::Relaxed);
        async { "ok" }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(addr)
}

/// User plus system CPU time of this process, in seconds.
fn cpu_seconds(ticks_per_sec: f64) -> anyhow::Result<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').context("/proc/self/stat")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let utime: f64 = fields.get(11).context("utime")?.parse()?;
    let stime: f64 = fields.get(12).context("stime")?.parse()?;
    Ok((utime + stime) / ticks_per_sec)
}

fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// CPU ticks of each PostgreSQL backend connected to `database` (by process id).
fn postgres_ticks(database: &str) -> HashMap<u32, f64> {
    let mut out = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // A backend's title: "postgres: user database host(port) state".
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let title = String::from_utf8_lossy(&cmdline);
        if !title.starts_with("postgres: ") || !title.split_whitespace().any(|w| w == database) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        out.insert(pid, ticks(11) + ticks(12));
    }
    out
}

/// Peak resident set size since the last reset, in MiB.
fn peak_rss_mib() -> anyhow::Result<f64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .context("VmHWM")?;
    let kib: f64 = line
        .split_whitespace()
        .nth(1)
        .context("VmHWM value")?
        .parse()?;
    Ok(kib / 1024.0)
}

async fn one(db: Db, n: usize, warmup_secs: u64, minutes: u64) -> anyhow::Result<Figures> {
    // The peak RSS of this N only (writing 5 resets VmHWM to the current RSS).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let dir = std::env::temp_dir().join(format!("vigil-bench-{}", Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let url = database_url(db, &dir).await?;
    let settings = vigil::config::Settings {
        bind: "127.0.0.1:0".into(),
        data_dir: dir.clone(),
        database_url: Some(url.clone()),
        web_app: false,
        log: "warn".into(),
        ..Default::default()
    };
    let state = vigil::app::build_state(settings).await?;
    let running = vigil::app::spawn(state).await?;
    let requests = Arc::new(AtomicU64::new(0));
    let target = target(requests.clone()).await?;
    let client = Client {
        http: reqwest::Client::new(),
        url: format!("{}/graphql", running.url()),
    };
    let (token, project) = client.owner_and_project().await?;
    let created = client
        .gql(
            Some(&token),
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
            json!({ "i": {
                "projectId": project,
                "name": "Bench 0",
                "type": "HTTP",
                "target": format!("http://{target}/"),
                "frequencyMinutes": 1,
            } }),
        )
        .await?;
    let template_id = Uuid::parse_str(
        created["createMonitor"]["id"]
            .as_str()
            .context("monitor id")?,
    )?;

    let inserting = Instant::now();
    copy_monitor(&running.state.db, template_id, n.saturating_sub(1)).await?;
    eprintln!(
        "{db:?} {n}: monitors inserted in {:.1} s; warming up for {warmup_secs} s",
        inserting.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_secs(warmup_secs)).await;

    // The measured window.
    let ticks = clock_ticks();
    let statements0 = running.state.statements.get();
    let requests0 = requests.load(Ordering::Relaxed);
    let database = (db == Db::Postgres)
        .then(|| url.rsplit_once('/').map(|(_, name)| name.to_owned()))
        .flatten();
    let pg0 = database.as_deref().map(postgres_ticks);
    let cpu0 = cpu_seconds(ticks)?;
    let t0 = Utc::now();
    let started = Instant::now();
    let window = Duration::from_secs(minutes * 60);
    let (mut max_leased, mut max_overdue) = (0, 0);
    while started.elapsed() < window {
        tokio::time::sleep(Duration::from_secs(2).min(window.saturating_sub(started.elapsed())))
            .await;
        let (leased, overdue) = backlog(&running.state.db).await?;
        max_leased = max_leased.max(leased);
        max_overdue = max_overdue.max(overdue);
    }
    let window_secs = started.elapsed().as_secs_f64();
    let t1 = Utc::now();
    let cpu1 = cpu_seconds(ticks)?;
    let pg1 = database.as_deref().map(postgres_ticks);
    let requests1 = requests.load(Ordering::Relaxed);
    let statements1 = running.state.statements.get();
    let load = load_average();
    let peak_rss_mib = peak_rss_mib()?;

    // Results of checks that finished in the window may still be in the writer's batch: wait
    // until their count stops growing.
    let mut last = u64::MAX;
    for _ in 0..30 {
        let count = monitor_results::Entity::find()
            .filter(monitor_results::Column::CheckedAt.lt(t1))
            .count(&running.state.db)
            .await?;
        if count == last {
            break;
        }
        last = count;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let rows: Vec<ResultRow> = monitor_results::Entity::find()
        .select_only()
        .column(monitor_results::Column::MonitorId)
        .column(monitor_results::Column::Location)
        .column(monitor_results::Column::CheckedAt)
        .column(monitor_results::Column::ResponseTimeMs)
        .column(monitor_results::Column::IsUp)
        .filter(monitor_results::Column::CheckedAt.lt(t1))
        .into_tuple()
        .all(&running.state.db)
        .await?;
    let frequency: HashMap<Uuid, i32> = monitors::Entity::find()
        .select_only()
        .column(monitors::Column::Id)
        .column(monitors::Column::FrequencyMinutes)
        .into_tuple::<(Uuid, i32)>()
        .all(&running.state.db)
        .await?
        .into_iter()
        .collect();
    let mut series: HashMap<(Uuid, String), Vec<DateTime<Utc>>> = HashMap::new();
    let (mut results, mut not_up) = (0, 0);
    let mut responses = Vec::new();
    let mut starts = Vec::new();
    for (monitor_id, location, checked_at, response_ms, up) in rows {
        if checked_at >= t0 {
            results += 1;
            if !up {
                not_up += 1;
            }
            if let Some(ms) = response_ms {
                responses.push(f64::from(ms));
            }
            starts.push(
                checked_at - chrono::Duration::milliseconds(i64::from(response_ms.unwrap_or(0))),
            );
        }
        series
            .entry((monitor_id, location))
            .or_default()
            .push(checked_at);
    }
    let mut lags_ms = Vec::new();
    let mut checked = std::collections::HashSet::new();
    let (mut overdue_at_end, mut first_results) = (0, 0);
    for ((monitor_id, _), mut times) in series {
        times.sort_unstable();
        let minutes = frequency.get(&monitor_id).copied().unwrap_or(1);
        if times.first().is_some_and(|first| *first >= t0) {
            first_results += 1;
        }
        if times.last().is_some_and(|last| *last >= t0) {
            checked.insert(monitor_id);
        }
        for pair in times.windows(2) {
            if pair[1] < t0 {
                continue;
            }
            let due = vigil::monitor::schedule::next_slot(monitor_id, minutes, pair[0]);
            lags_ms.push((pair[1] - due).num_microseconds().unwrap_or(i64::MAX) as f64 / 1000.0);
        }
        if let Some(last) = times.last() {
            let due = vigil::monitor::schedule::next_slot(monitor_id, minutes, *last);
            if due + chrono::Duration::seconds(1) < t1 {
                overdue_at_end += 1;
            }
        }
    }
    let unchecked = n - checked.len().min(n);
    lags_ms.sort_by(f64::total_cmp);
    responses.sort_by(f64::total_cmp);
    let rounds_ms = claim_rounds(starts);
    let checks = results.max(1) as f64;

    running.stop().await?;
    if db == Db::Postgres {
        drop_database(&url).await?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(Figures {
        monitors: n,
        window_secs,
        results,
        not_up,
        target_requests: requests1 - requests0,
        lags_ms,
        unchecked,
        overdue_at_end,
        first_results,
        response_p99_ms: percentile(&responses, 99.0),
        cpu_percent: (cpu1 - cpu0) / window_secs * 100.0,
        postgres_cpu_percent: pg0.zip(pg1).map(|(before, after)| {
            // Backends opened during the window count from zero.
            let used: f64 = after
                .iter()
                .map(|(pid, t)| t - before.get(pid).copied().unwrap_or(0.0))
                .sum();
            used / ticks / window_secs * 100.0
        }),
        peak_rss_mib,
        statements_per_check: (statements1 - statements0) as f64 / checks,
        rounds_ms,
        max_leased,
        max_overdue,
        load,
    })
}

/// The gaps between the engine's claim rounds, sorted: the checks of one round start together,
/// so starts (`checked_at` minus the response time) more than 250 ms apart begin a new round.
fn claim_rounds(mut starts: Vec<DateTime<Utc>>) -> Vec<f64> {
    starts.sort_unstable();
    let mut rounds = Vec::new();
    let mut gaps = Vec::new();
    for pair in starts.windows(2) {
        if pair[1] - pair[0] > chrono::Duration::milliseconds(250) {
            rounds.push(pair[1]);
        }
    }
    for pair in rounds.windows(2) {
        gaps.push((pair[1] - pair[0]).num_microseconds().unwrap_or(0) as f64 / 1000.0);
    }
    gaps.sort_by(f64::total_cmp);
    gaps
}

/// Checks leased (claimed, not yet recorded), and checks due for more than a second that no
/// worker has claimed.
async fn backlog(db: &sea_orm::DatabaseConnection) -> anyhow::Result<(u64, u64)> {
    let leased = monitor_locations::Entity::find()
        .filter(monitor_locations::Column::ClaimedBy.is_not_null())
        .count(db)
        .await?;
    let overdue = monitor_locations::Entity::find()
        .filter(monitor_locations::Column::ClaimedBy.is_null())
        .filter(
            monitor_locations::Column::NextCheckAt.lt(Utc::now() - chrono::Duration::seconds(1)),
        )
        .count(db)
        .await?;
    Ok((leased, overdue))
}

/// Inserts `copies` monitors made like `template_id` was by `createMonitor`: the same rows,
/// with their own ids and names, and the first check of each spread over ten seconds from now.
async fn copy_monitor(
    db: &sea_orm::DatabaseConnection,
    template_id: Uuid,
    copies: usize,
) -> anyhow::Result<()> {
    let monitor = monitors::Entity::find_by_id(template_id)
        .one(db)
        .await?
        .context("template monitor")?;
    let slots = monitor_locations::Entity::find()
        .filter(monitor_locations::Column::MonitorId.eq(template_id))
        .all(db)
        .await?;
    let alert = alerts::Entity::find()
        .filter(alerts::Column::MonitorId.eq(template_id))
        .one(db)
        .await?;
    let mut done = 0;
    while done < copies {
        let take = INSERT_CHUNK.min(copies - done);
        let now = Utc::now();
        let mut new_monitors = Vec::with_capacity(take);
        let mut new_slots = Vec::with_capacity(take * slots.len());
        let mut new_alerts = Vec::with_capacity(take);
        for i in 0..take {
            let mut copy = monitor.clone();
            copy.id = Uuid::now_v7();
            copy.name = format!("Bench {}", done + i + 1);
            copy.created_at = now;
            copy.updated_at = now;
            for slot in &slots {
                let mut row = slot.clone();
                row.id = Uuid::now_v7();
                row.monitor_id = copy.id;
                row.next_check_at = vigil::monitor::schedule::first_check(&copy, now);
                row.created_at = now;
                row.updated_at = now;
                new_slots.push(row.into_active_model().reset_all());
            }
            if let Some(alert) = &alert {
                let mut row = alert.clone();
                row.id = Uuid::now_v7();
                row.monitor_id = copy.id;
                row.created_at = now;
                row.updated_at = now;
                new_alerts.push(row.into_active_model().reset_all());
            }
            new_monitors.push(copy.into_active_model().reset_all());
        }
        monitors::Entity::insert_many(new_monitors)
            .exec_without_returning(db)
            .await?;
        if !new_slots.is_empty() {
            monitor_locations::Entity::insert_many(new_slots)
                .exec_without_returning(db)
                .await?;
        }
        if !new_alerts.is_empty() {
            alerts::Entity::insert_many(new_alerts)
                .exec_without_returning(db)
                .await?;
        }
        done += take;
    }
    Ok(())
}

async fn drop_database(url: &str) -> anyhow::Result<()> {
    let admin = std::env::var("TEST_DATABASE_URL").context("TEST_DATABASE_URL")?;
    let name = url.rsplit_once('/').context("database name")?.1;
    let conn = Database::connect(&admin).await?;
    conn.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await?;
    Ok(())
}
