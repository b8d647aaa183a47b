//! The check engine: claim due checks with expiring leases, run them, record the results in
//! batches.
//!
//! A claim is one UPDATE of the claim queue (`db::claim`) that stamps due schedule rows with
//! this worker's id and a lease; replicas never take the same row, and a lease that expires
//! (the worker died) makes the row due again for everyone. Leases are short (`lease_seconds`)
//! and renewed while a check runs; a check whose lease was lost meanwhile (another worker
//! took the slot) is not recorded, so no slot is checked twice. Completed checks are
//! written by one writer per process, many in one transaction.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::monitor_results;
use entity::monitors::{self, MonitorAggregation, MonitorStatus, MonitorType};
use entity::{alerts, monitor_locations};
use sea_orm::{
    ActiveValue, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult,
    QueryFilter, Set, Statement,
};
use tokio::sync::{Semaphore, mpsc};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::alerting::{self, AlertSettings};
use super::check::{CheckOutcome, Checker};
use super::config::MonitorConfig;
use super::{aggregate, schedule};
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::error::AppResult;
use crate::events::Event;
use crate::state::AppState;

/// Checks claimed at once.
const CLAIM_BATCH: u64 = 200;
/// Checks running at once in one process.
const MAX_CONCURRENT: usize = 256;
/// Results written per transaction, at most.
const WRITE_BATCH: usize = 200;

/// A due check this worker holds the lease for.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub slot: monitor_locations::Model,
    pub monitor: monitors::Model,
}

/// A finished check, ready to be recorded.
#[derive(Debug, Clone)]
pub struct Completion {
    pub slot: monitor_locations::Model,
    pub monitor: monitors::Model,
    pub outcome: CheckOutcome,
    pub checked_at: DateTime<Utc>,
    /// When this location checks again.
    pub next_check_at: DateTime<Utc>,
    /// The worker whose lease the check ran under: it is recorded only while that worker
    /// still holds the slot. `None` for results not claimed (heartbeat pings, synthetic runs
    /// that ended).
    pub held_by: Option<String>,
}

/// Which monitors a claim takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// Checks run by polling: the types of which [`MonitorType::is_polled`] holds.
    Polling,
    /// Heartbeat deadlines that passed.
    Heartbeat,
    /// Synthetic monitors, whose checks are runs of a stored test.
    Synthetic,
}

impl ClaimKind {
    /// Its name in metrics.
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Polling => "polling",
            ClaimKind::Heartbeat => "heartbeat",
            ClaimKind::Synthetic => "synthetic",
        }
    }
}

/// One worker's engine for one location.
#[derive(Clone)]
pub struct Engine {
    state: AppState,
    checker: Checker,
    worker_id: String,
    /// The schedule rows, claimed in this worker's name.
    queue: ClaimQueue<monitor_locations::Entity>,
    location: String,
    in_flight: Arc<Mutex<HashSet<Uuid>>>,
}

impl Engine {
    pub fn new(state: AppState, location: &str) -> anyhow::Result<Self> {
        let checker = Checker::new(state.settings.outbound())?
            .with_rdap_bootstrap(&state.settings.integrations.rdap_bootstrap_url);
        let worker_id = format!(
            "{}-{}",
            hostname(),
            &Uuid::new_v4().simple().to_string()[..8]
        );
        Ok(Self {
            queue: ClaimQueue::new(
                monitor_locations::Column::Id,
                monitor_locations::Column::ClaimedUntil,
                state.settings.lease(),
            )
            .held_by(monitor_locations::Column::ClaimedBy, worker_id.clone()),
            worker_id,
            state,
            checker,
            location: location.to_owned(),
            in_flight: Arc::new(Mutex::new(HashSet::new())),
        })
    }

    pub fn worker_id(&self) -> &str {
        &self.worker_id
    }

    pub fn location(&self) -> &str {
        &self.location
    }

    /// Takes up to `limit` due checks of this location.
    pub async fn claim(&self, kind: ClaimKind, limit: u64) -> AppResult<Vec<Claimed>> {
        let db = &self.state.db;
        let types = match kind {
            ClaimKind::Polling => format!("m.type IN ({})", polled_types()),
            ClaimKind::Heartbeat => "m.type = 'heartbeat'".to_owned(),
            ClaimKind::Synthetic => "m.type = 'synthetic_test'".to_owned(),
        };
        let when = format!("l.location = $2 AND l.next_check_at <= $1 AND m.enabled AND {types}");
        let due = Due {
            from: "monitor_locations l JOIN monitors m ON m.id = l.monitor_id",
            alias: "l",
            when: &when,
            order: "l.next_check_at",
            set: "",
            values: vec![self.location.clone().into()],
        };
        let now = Utc::now();
        let slots = self.queue.claim(db, &due, now, limit).await?;
        if slots.is_empty() {
            return Ok(Vec::new());
        }
        crate::metrics::checks_claimed(
            kind.label(),
            slots.len(),
            slots
                .iter()
                .map(|s| (now - s.next_check_at).num_milliseconds() as f64 / 1000.0),
        );
        let ids: Vec<Uuid> = slots.iter().map(|s| s.monitor_id).collect();
        let monitors: HashMap<Uuid, monitors::Model> = monitors::Entity::find()
            .filter(monitors::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        Ok(slots
            .into_iter()
            .filter_map(|slot| {
                monitors
                    .get(&slot.monitor_id)
                    .cloned()
                    .map(|monitor| Claimed { slot, monitor })
            })
            .collect())
    }

    /// Runs one claimed check.
    pub async fn run(&self, claimed: Claimed) -> Completion {
        let config = MonitorConfig::from_json(claimed.monitor.config.as_ref())
            .open(&self.state.master_key, claimed.monitor.id);
        let outcome = match config {
            Ok(config) => self.checker.run(&claimed.monitor, &config).await,
            Err(e) => CheckOutcome::error(format!(
                "the monitor's secrets cannot be opened: {:#}",
                anyhow::Error::from(e)
            )),
        };
        let checked_at = Utc::now();
        Completion {
            held_by: claimed.slot.claimed_by.clone(),
            next_check_at: schedule::next_slot(
                claimed.monitor.id,
                claimed.monitor.frequency_minutes,
                checked_at,
            ),
            slot: claimed.slot,
            monitor: claimed.monitor,
            outcome,
            checked_at,
        }
    }

    /// Turns passed heartbeat deadlines into "late" results.
    pub fn late_heartbeat(&self, claimed: Claimed) -> Completion {
        let now = Utc::now();
        let grace = super::config::MonitorConfig::from_json(claimed.monitor.config.as_ref())
            .heartbeat
            .unwrap_or_default()
            .grace_period_minutes;
        let started_late = claimed
            .monitor
            .heartbeat_started_at
            .is_some_and(|at| now - at > chrono::Duration::minutes(i64::from(grace)));
        let outcome = if started_late {
            CheckOutcome::down(
                "heartbeat",
                "the job reported its start but not its end within the grace period",
                None,
                serde_json::json!({}),
            )
        } else {
            CheckOutcome::down(
                "heartbeat",
                "no ping arrived in time",
                None,
                serde_json::json!({}),
            )
        };
        Completion {
            held_by: claimed.slot.claimed_by.clone(),
            next_check_at: now
                + chrono::Duration::minutes(i64::from(claimed.monitor.frequency_minutes.max(1))),
            slot: claimed.slot,
            monitor: claimed.monitor,
            outcome,
            checked_at: now,
        }
    }

    /// One step, for tests and tooling: claims what is due (once), runs it, records it.
    /// Returns the number of checks recorded.
    pub async fn tick(&self) -> AppResult<usize> {
        let mut done = 0;
        let heartbeats = self.claim(ClaimKind::Heartbeat, CLAIM_BATCH).await?;
        if !heartbeats.is_empty() {
            let completions: Vec<Completion> = heartbeats
                .into_iter()
                .map(|c| self.late_heartbeat(c))
                .collect();
            done += completions.len();
            record(&self.state, completions).await?;
        }
        done += self.start_synthetic().await?;
        // One pass: a check whose next slot comes due meanwhile waits for the next step.
        let claimed = self.claim(ClaimKind::Polling, 1000).await?;
        let runs = claimed.into_iter().map(|c| self.run(c));
        let completions = futures_util::future::join_all(runs).await;
        done += completions.len();
        for chunk in completions.chunks(WRITE_BATCH) {
            record(&self.state, chunk.to_vec()).await?;
        }
        Ok(done)
    }

    /// Queues the runs of due synthetic checks; records the ones that could not be queued.
    /// Returns how many were due.
    pub async fn start_synthetic(&self) -> AppResult<usize> {
        let due = self.claim(ClaimKind::Synthetic, CLAIM_BATCH).await?;
        let count = due.len();
        let mut failed = Vec::new();
        for claimed in due {
            if let Some(completion) = super::synthetic::start(&self.state, claimed).await? {
                failed.push(completion);
            }
        }
        record(&self.state, failed).await?;
        Ok(count)
    }

    /// Gives back leases that will not complete (on shutdown), so other replicas take them now.
    pub async fn release(&self, slot_ids: Vec<Uuid>) -> AppResult<()> {
        if slot_ids.is_empty() {
            return Ok(());
        }
        self.queue.release(slot_ids).exec(&self.state.db).await?;
        Ok(())
    }

    /// Extends the leases of the checks running in this process. A lease found lost (it ran
    /// out and another worker took the slot) is left to that worker: the check's result is
    /// not recorded here.
    pub async fn renew(&self) -> AppResult<()> {
        let held: Vec<Uuid> = self
            .in_flight
            .lock()
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        if held.is_empty() {
            return Ok(());
        }
        let renewed = self
            .queue
            .renew(held.clone(), Utc::now())
            .exec(&self.state.db)
            .await?;
        let lost = held.len() as u64 - renewed.rows_affected.min(held.len() as u64);
        if lost > 0 {
            tracing::warn!(
                lost,
                "leases of running checks were lost; their results are dropped"
            );
        }
        Ok(())
    }

    /// Runs until `shutdown`: claims due checks every second (at once when a batch was full),
    /// runs up to 256 at a time, renews their leases, and writes results in batches. On
    /// shutdown it stops claiming, lets running checks finish within the grace period
    /// (`shutdown_grace_seconds`), records them, and releases the rest.
    pub async fn run_forever(self, shutdown: CancellationToken) {
        let (sender, receiver) = mpsc::channel::<Completion>(4 * MAX_CONCURRENT);
        let writer = tokio::spawn(writer_loop(self.state.clone(), receiver));
        let permits = Arc::new(Semaphore::new(MAX_CONCURRENT));
        let mut tasks = tokio::task::JoinSet::new();
        let mut renewed = tokio::time::Instant::now();
        loop {
            self.state.heartbeats.beat(crate::workers::CHECK_ENGINE);
            if renewed.elapsed() >= self.state.settings.renew_every() {
                renewed = tokio::time::Instant::now();
                if let Err(err) = self.renew().await {
                    tracing::warn!(error = ?err, "renewing the leases of checks failed");
                }
            }
            let mut full = false;
            match self.claim(ClaimKind::Heartbeat, CLAIM_BATCH).await {
                Ok(due) => {
                    for claimed in due {
                        let _ = sender.send(self.late_heartbeat(claimed)).await;
                    }
                }
                Err(err) => tracing::warn!(error = ?err, "claiming heartbeat deadlines failed"),
            }
            if let Err(err) = self.start_synthetic().await {
                tracing::warn!(error = ?err, "queueing synthetic checks failed");
            }
            let room = permits.available_permits() as u64;
            if room > 0 {
                match self.claim(ClaimKind::Polling, room.min(CLAIM_BATCH)).await {
                    Ok(claimed) => {
                        full = claimed.len() as u64 == room.min(CLAIM_BATCH);
                        for c in claimed {
                            let Ok(permit) = permits.clone().acquire_owned().await else {
                                break;
                            };
                            if let Ok(mut set) = self.in_flight.lock() {
                                set.insert(c.slot.id);
                            }
                            let engine = self.clone();
                            let sender = sender.clone();
                            tasks.spawn(async move {
                                let slot_id = c.slot.id;
                                let completion = engine.run(c).await;
                                let _ = sender.send(completion).await;
                                if let Ok(mut set) = engine.in_flight.lock() {
                                    set.remove(&slot_id);
                                }
                                drop(permit);
                            });
                        }
                    }
                    Err(err) => tracing::warn!(error = ?err, "claiming checks failed"),
                }
            }
            while tasks.try_join_next().is_some() {}
            let pause = if full {
                Duration::from_millis(10)
            } else {
                until_next_second(Utc::now())
            };
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(pause) => {}
            }
        }
        // Shutdown: finish or release, renewing the leases meanwhile.
        let deadline = tokio::time::sleep(self.state.settings.shutdown_grace());
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                joined = tasks.join_next() => if joined.is_none() { break },
                () = &mut deadline => break,
                () = tokio::time::sleep(self.state.settings.renew_every()) => {
                    if let Err(err) = self.renew().await {
                        tracing::warn!(error = ?err, "renewing the leases of checks failed");
                    }
                }
            }
        }
        tasks.abort_all();
        let unfinished: Vec<Uuid> = self
            .in_flight
            .lock()
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        drop(sender);
        let _ = writer.await;
        if let Err(err) = self.release(unfinished).await {
            tracing::warn!(error = ?err, "releasing claims failed");
        }
    }
}

/// How long to wait for the next claim round: until just past the next whole second. Checks
/// fall due on whole seconds (`schedule::next_slot`), so a round that starts there finds them
/// at once instead of up to a second later, and rounds do not drift across the second by the
/// time their own work takes.
fn until_next_second(now: DateTime<Utc>) -> Duration {
    let into = Duration::from_nanos(u64::from(now.timestamp_subsec_nanos()));
    Duration::from_secs(1)
        .saturating_sub(into)
        .saturating_add(Duration::from_millis(2))
}

async fn writer_loop(state: AppState, mut receiver: mpsc::Receiver<Completion>) {
    while let Some(first) = receiver.recv().await {
        let mut batch = vec![first];
        let window = tokio::time::sleep(Duration::from_millis(200));
        tokio::pin!(window);
        while batch.len() < WRITE_BATCH {
            tokio::select! {
                next = receiver.recv() => match next {
                    Some(c) => batch.push(c),
                    None => break,
                },
                () = &mut window => break,
            }
        }
        let written =
            crate::db::when_reachable(state.settings.lease(), || record(&state, batch.clone()))
                .await;
        if let Err(err) = written {
            // The leases expire and the checks run again.
            tracing::error!(error = ?err, "recording check results failed");
        }
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "vigil".into())
}

/// The monitor's status from its locations' statuses. Locations that have not reported yet
/// count as not down; the monitor is up once some location is up and the rule does not say
/// down.
pub fn overall_status(rule: MonitorAggregation, statuses: &[MonitorStatus]) -> MonitorStatus {
    let total = statuses.len();
    let down = statuses
        .iter()
        .filter(|s| **s == MonitorStatus::Down)
        .count();
    let up = statuses.iter().filter(|s| **s == MonitorStatus::Up).count();
    let is_down = match rule {
        MonitorAggregation::Any => down > 0,
        MonitorAggregation::All => total > 0 && down == total,
        MonitorAggregation::Majority => down * 2 > total,
    };
    if is_down {
        MonitorStatus::Down
    } else if up > 0 {
        MonitorStatus::Up
    } else {
        MonitorStatus::Pending
    }
}

/// The `IN` list of the types the engine polls, for the claim's SQL.
fn polled_types() -> String {
    use sea_orm::{ActiveEnum, Iterable};
    MonitorType::iter()
        .filter(|t| t.is_polled())
        .map(|t| format!("'{}'", t.to_value()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Records finished checks in one transaction: result rows, location schedules and counts,
/// the monitors' status, aggregates and alerts; events go out when it commits.
pub async fn record(state: &AppState, mut batch: Vec<Completion>) -> AppResult<()> {
    if batch.is_empty() {
        return Ok(());
    }
    for completion in &batch {
        crate::metrics::check_done(sea_orm::ActiveEnum::to_value(&completion.outcome.status));
    }
    let tx = Tx::begin(state).await?;
    let mut ids: Vec<Uuid> = batch.iter().map(|c| c.monitor.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut batch_state = BatchState::read(tx.conn(), &ids).await?;
    // Monitors that depend on others come last, so that a parent going down in this batch
    // holds its dependents' alerts in the same batch.
    batch.sort_by_key(|c| {
        (
            batch_state.depends_on_others(c.monitor.id),
            c.monitor.id,
            c.checked_at,
        )
    });
    let mut written = Written::default();
    for completion in batch {
        record_one(&tx, &mut batch_state, completion, &mut written).await?;
    }
    let db = tx.conn();
    if !written.results.is_empty() {
        monitor_results::Entity::insert_many(written.results)
            .exec(db)
            .await?;
    }
    for (monitor_id, location, hour) in written.touched {
        aggregate::refresh(db, monitor_id, &location, hour).await?;
    }
    // Metered: one counter update per organization for the whole batch.
    let meter = crate::usage::Meter::MonitorChecks;
    if crate::usage::metered(&state.settings, meter) {
        crate::usage::count(db, meter, &written.checks, Utc::now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What [`record`] reads once for a batch, and keeps current as it records: the monitors,
/// their alert settings, configs and schedule rows, and the monitors they depend on.
struct BatchState {
    monitors: HashMap<Uuid, monitors::Model>,
    settings: HashMap<Uuid, AlertSettings>,
    configs: HashMap<Uuid, MonitorConfig>,
    slots: HashMap<Uuid, monitor_locations::Model>,
    parents: HashMap<Uuid, monitors::Model>,
    /// Monitors behind a maintenance in progress: they show `MAINTENANCE`, alerts held.
    maintenance: HashMap<Uuid, crate::status_page::maintenance::Hold>,
}

impl BatchState {
    async fn read(db: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<Self> {
        let monitors = lock_monitors(db, ids).await?;
        let settings = alerts::Entity::find()
            .filter(alerts::Column::MonitorId.is_in(ids.to_vec()))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.monitor_id, AlertSettings::from_row(&a)))
            .collect();
        let slots = lock_slots(db, ids)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        let configs: HashMap<Uuid, MonitorConfig> = monitors
            .values()
            .map(|m| (m.id, MonitorConfig::from_json(m.config.as_ref())))
            .collect();
        let parents = read_parents(db, &configs).await?;
        let maintenance = crate::status_page::maintenance::holds(db, ids).await?;
        Ok(Self {
            monitors,
            settings,
            configs,
            slots,
            parents,
            maintenance,
        })
    }

    fn depends_on_others(&self, monitor_id: Uuid) -> bool {
        self.configs
            .get(&monitor_id)
            .is_some_and(|cfg| !cfg.depends_on.is_empty())
    }

    /// A monitor depended on: one recorded earlier in this batch counts with its new status.
    fn parent(&self, id: &Uuid) -> Option<&monitors::Model> {
        self.monitors.get(id).or_else(|| self.parents.get(id))
    }

    /// The locations of `monitor_id` other than `slot`, with `slot` as it is now.
    fn locations<'a>(
        &'a self,
        monitor_id: Uuid,
        slot: &'a monitor_locations::Model,
    ) -> impl Iterator<Item = &'a monitor_locations::Model> {
        self.slots
            .values()
            .filter(move |s| s.monitor_id == monitor_id && s.id != slot.id)
            .chain(std::iter::once(slot))
    }

    /// The monitor's status over its locations once `slot` is as it is now.
    fn overall(&self, monitor: &monitors::Model, slot: &monitor_locations::Model) -> MonitorStatus {
        if !monitor.enabled {
            return MonitorStatus::Paused;
        }
        let statuses: Vec<MonitorStatus> =
            self.locations(monitor.id, slot).map(|s| s.status).collect();
        overall_status(monitor.aggregation, &statuses)
    }
}

/// Fresh monitor rows, locked on PostgreSQL so replicas of other locations wait their turn.
async fn lock_monitors(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, monitors::Model>> {
    let backend = db.get_database_backend();
    let rows = if backend == DbBackend::Postgres {
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT * FROM monitors WHERE id IN ({}) ORDER BY id FOR UPDATE",
            placeholders.join(", ")
        );
        let values: Vec<sea_orm::Value> = ids.iter().map(|id| (*id).into()).collect();
        monitors::Model::find_by_statement(Statement::from_sql_and_values(backend, sql, values))
            .all(db)
            .await?
    } else {
        monitors::Entity::find()
            .filter(monitors::Column::Id.is_in(ids.to_vec()))
            .all(db)
            .await?
    };
    Ok(rows.into_iter().map(|m| (m.id, m)).collect())
}

/// The schedule rows of these monitors, locked on PostgreSQL: a claimer passes them by while
/// a batch records them, so a lease is never taken over between its check and its write.
async fn lock_slots(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<Vec<monitor_locations::Model>> {
    let backend = db.get_database_backend();
    if backend != DbBackend::Postgres {
        return Ok(monitor_locations::Entity::find()
            .filter(monitor_locations::Column::MonitorId.is_in(ids.to_vec()))
            .all(db)
            .await?);
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT * FROM monitor_locations WHERE monitor_id IN ({}) ORDER BY id FOR UPDATE",
        placeholders.join(", ")
    );
    let values: Vec<sea_orm::Value> = ids.iter().map(|id| (*id).into()).collect();
    Ok(
        monitor_locations::Model::find_by_statement(Statement::from_sql_and_values(
            backend, sql, values,
        ))
        .all(db)
        .await?,
    )
}

/// The monitors these depend on: while one is down, the dependent's alerts are held.
async fn read_parents(
    db: &impl ConnectionTrait,
    configs: &HashMap<Uuid, MonitorConfig>,
) -> AppResult<HashMap<Uuid, monitors::Model>> {
    let mut ids: Vec<Uuid> = configs
        .values()
        .flat_map(|c| c.depends_on.iter().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(monitors::Entity::find()
        .filter(monitors::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect())
}

/// What a batch writes at its end: the result rows, and the hours of aggregates they touch.
#[derive(Default)]
struct Written {
    results: Vec<monitor_results::ActiveModel>,
    touched: HashSet<(Uuid, String, DateTime<Utc>)>,
    /// Checks recorded per organization (the usage meter).
    checks: std::collections::BTreeMap<Uuid, i64>,
}

/// Records one finished check: the location's row, the monitor's status, the alerts it
/// raises, its result row (written with the batch) and its events.
async fn record_one(
    tx: &Tx,
    batch: &mut BatchState,
    completion: Completion,
    written: &mut Written,
) -> AppResult<()> {
    let Some(monitor) = batch.monitors.get(&completion.monitor.id).cloned() else {
        return Ok(()); // deleted meanwhile
    };
    let Some(mut slot) = batch.slots.get(&completion.slot.id).cloned() else {
        return Ok(()); // location removed meanwhile
    };
    if completion.held_by.is_some() && slot.claimed_by != completion.held_by {
        // The lease ran out and another worker has the slot: its check counts, not this one.
        tracing::warn!(slot = %slot.id, "a check's lease was lost; its result is dropped");
        return Ok(());
    }
    let settings = batch.settings.get(&monitor.id).cloned().unwrap_or_default();
    let config = batch.configs.get(&monitor.id).cloned().unwrap_or_default();
    advance_slot(&mut slot, &monitor, &completion, &settings, &config);
    let maintenance = batch.maintenance.get(&monitor.id).cloned();
    let overall = match maintenance {
        Some(_) if monitor.enabled => MonitorStatus::Maintenance,
        _ => batch.overall(&monitor, &slot),
    };
    let changed = overall != monitor.status && overall != MonitorStatus::Pending && monitor.enabled;
    let held_by = alerting::held_by(&config.depends_on, |id| batch.parent(id)).cloned();
    let sent = alerting::on_result(
        tx,
        &alerting::RecordedResult {
            monitor: &monitor,
            previous: monitor.status,
            status: overall,
            changed,
            location: &slot.location,
            checked_at: completion.checked_at,
            outcome: &completion.outcome,
            settings: &settings,
            held_by: held_by.as_ref(),
            maintenance: maintenance.as_ref(),
        },
    )
    .await?;
    let next_check_at = batch
        .locations(monitor.id, &slot)
        .map(|s| s.next_check_at)
        .min()
        .unwrap_or(slot.next_check_at);
    let updated = write_monitor(
        tx.conn(),
        &monitor,
        &completion,
        changed.then_some(overall),
        next_check_at,
    )
    .await?;
    write_slot(tx.conn(), &slot).await?;
    let result_id = Uuid::now_v7();
    let mut details = completion.outcome.details.clone();
    if let Some(parent) = &held_by {
        alerting::note_hold(&mut details, parent);
    }
    if let Some(hold) = &maintenance {
        crate::status_page::maintenance::note_hold(&mut details, hold);
    }
    written.results.push(result_row(
        result_id,
        &monitor,
        &slot,
        &completion,
        details,
        changed,
        sent,
    ));
    *written.checks.entry(monitor.organization_id).or_default() += 1;
    written.touched.insert((
        monitor.id,
        slot.location.clone(),
        aggregate::hour_start(completion.checked_at),
    ));
    publish(tx, &monitor, result_id, changed).await?;
    batch.slots.insert(slot.id, slot);
    batch.monitors.insert(monitor.id, updated);
    Ok(())
}

/// Moves a location's row on by one result: the counts in a row, the status its thresholds
/// give, the next check (sooner while failing, where the monitor asks for that), the lease
/// ended.
fn advance_slot(
    slot: &mut monitor_locations::Model,
    monitor: &monitors::Model,
    completion: &Completion,
    settings: &AlertSettings,
    config: &MonitorConfig,
) {
    let up = completion.outcome.is_up();
    if up {
        slot.consecutive_successes += 1;
        slot.consecutive_failures = 0;
    } else {
        slot.consecutive_failures += 1;
        slot.consecutive_successes = 0;
    }
    slot.status = alerting::location_status(
        slot.status,
        slot.consecutive_failures,
        slot.consecutive_successes,
        up,
        settings,
    );
    slot.next_check_at = completion.next_check_at;
    if !up
        && monitor.r#type.is_polled()
        && let Some(secs) = config.down_interval_seconds
    {
        // Failing: look again sooner than the next regular slot.
        slot.next_check_at = slot
            .next_check_at
            .min(completion.checked_at + chrono::Duration::seconds(i64::from(secs)));
    }
    slot.claimed_by = None;
    slot.claimed_until = None;
    slot.last_checked_at = Some(completion.checked_at);
    slot.updated_at = Utc::now();
}

/// Writes the monitor's row after a result (`status` when it changed) and returns it as now
/// stored.
async fn write_monitor(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
    completion: &Completion,
    status: Option<MonitorStatus>,
    next_check_at: DateTime<Utc>,
) -> AppResult<monitors::Model> {
    let mut updated = monitor.clone();
    updated.last_check_at = Some(completion.checked_at);
    if let Some(status) = status {
        updated.status = status;
        updated.last_status_change_at = Some(completion.checked_at);
    }
    if monitor.r#type == MonitorType::Heartbeat && completion.outcome.is_up() {
        updated.heartbeat_started_at = None;
    }
    updated.next_check_at = Some(next_check_at);
    monitors::Entity::update(monitors::ActiveModel {
        id: Set(monitor.id),
        status: Set(updated.status),
        last_check_at: Set(updated.last_check_at),
        last_status_change_at: Set(updated.last_status_change_at),
        next_check_at: Set(updated.next_check_at),
        heartbeat_started_at: Set(updated.heartbeat_started_at),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(updated)
}

/// Writes a location's row as [`advance_slot`] left it.
async fn write_slot(db: &impl ConnectionTrait, slot: &monitor_locations::Model) -> AppResult<()> {
    monitor_locations::Entity::update(monitor_locations::ActiveModel {
        id: Set(slot.id),
        next_check_at: Set(slot.next_check_at),
        claimed_by: Set(None),
        claimed_until: Set(None),
        status: Set(slot.status),
        consecutive_failures: Set(slot.consecutive_failures),
        consecutive_successes: Set(slot.consecutive_successes),
        last_checked_at: Set(slot.last_checked_at),
        updated_at: Set(slot.updated_at),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The result row of one check.
fn result_row(
    id: Uuid,
    monitor: &monitors::Model,
    slot: &monitor_locations::Model,
    completion: &Completion,
    details: serde_json::Value,
    changed: bool,
    sent: alerting::Queued,
) -> monitor_results::ActiveModel {
    let outcome = &completion.outcome;
    monitor_results::ActiveModel {
        id: Set(id),
        monitor_id: Set(monitor.id),
        checked_at: Set(completion.checked_at),
        location: Set(slot.location.clone()),
        status: Set(outcome.status),
        response_time_ms: Set(outcome.response_time_ms),
        details: Set(Some(details)),
        is_up: Set(outcome.is_up()),
        is_status_change: Set(changed),
        consecutive_failure_count: Set(slot.consecutive_failures),
        consecutive_success_count: Set(slot.consecutive_successes),
        alerts_sent_for_failure: Set(sent.failure),
        alerts_sent_for_recovery: Set(sent.recovery),
        test_execution_id: ActiveValue::Set(None),
        test_report_s3_url: ActiveValue::Set(None),
    }
}

/// The events of a recorded result, sent when the batch commits.
async fn publish(
    tx: &Tx,
    monitor: &monitors::Model,
    result_id: Uuid,
    changed: bool,
) -> AppResult<()> {
    tx.publish(Event::MonitorResultAdded {
        monitor_id: monitor.id,
        project_id: monitor.project_id,
        result_id,
    })
    .await?;
    if changed {
        tx.publish(Event::MonitorStatusChanged {
            monitor_id: monitor.id,
            project_id: monitor.project_id,
        })
        .await?;
        crate::status_page::status::on_monitor_status_changed(tx, monitor.id).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_rounds_start_just_past_whole_seconds() {
        use chrono::TimeZone;
        let at = |ms: i64| {
            Utc.timestamp_millis_opt(1_700_000_000_000 + ms)
                .single()
                .unwrap_or_default()
        };
        assert_eq!(until_next_second(at(0)), Duration::from_millis(1002));
        assert_eq!(until_next_second(at(250)), Duration::from_millis(752));
        assert_eq!(until_next_second(at(999)), Duration::from_millis(3));
    }

    #[test]
    fn the_engine_polls_every_type_but_heartbeats_and_synthetic_tests() {
        assert_eq!(polled_types(), "'http', 'website', 'ping', 'port', 'dns'");
    }

    #[test]
    fn aggregation_rules() {
        use MonitorStatus::{Down, Pending, Up};
        assert_eq!(
            overall_status(MonitorAggregation::Any, &[Up, Down, Up]),
            Down
        );
        assert_eq!(
            overall_status(MonitorAggregation::Majority, &[Up, Down, Up]),
            Up
        );
        assert_eq!(
            overall_status(MonitorAggregation::Majority, &[Down, Down, Up]),
            Down
        );
        assert_eq!(
            overall_status(MonitorAggregation::All, &[Down, Down, Up]),
            Up
        );
        assert_eq!(overall_status(MonitorAggregation::All, &[Down, Down]), Down);
        assert_eq!(overall_status(MonitorAggregation::Any, &[Pending]), Pending);
        assert_eq!(overall_status(MonitorAggregation::Any, &[Pending, Up]), Up);
        assert_eq!(
            overall_status(MonitorAggregation::Any, &[Pending, Down]),
            Down
        );
        assert_eq!(
            overall_status(MonitorAggregation::All, &[Pending, Down]),
            Pending
        );
        assert_eq!(
            overall_status(MonitorAggregation::Majority, &[Pending, Down, Down]),
            Down
        );
    }
}
