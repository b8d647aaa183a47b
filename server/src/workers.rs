//! Background work started by `vigil serve` (roles `all` and `worker`): the check engine of
//! this process's location, the run worker (cron schedules, queued runs, expired leases),
//! alert deliveries, callback action executions (several claim loops), the status pages'
//! maintenance scheduler, deliveries to status page subscribers, and upkeep (monitor
//! aggregates and retention, run retention, subscribers' purge and daily counts). Each
//! loop takes its work through the claim queue (`db::claim`), so any number of processes share
//! it; every loop ends when the process's shutdown token is cancelled.

use std::time::Duration;

use chrono::Utc;
use tokio::task::JoinSet;

use crate::monitor::engine::Engine;
use crate::state::AppState;

/// How often daily percentiles are recomputed and retention runs.
pub const UPKEEP_EVERY: Duration = Duration::from_secs(300);
/// Concurrent claim loops of callback action executions per process.
const ACTION_LOOPS: usize = 4;
/// The check engine's name in the heartbeats of `/readyz`.
pub const CHECK_ENGINE: &str = "check engine";
/// The run worker's name in the heartbeats of `/readyz`.
pub const RUN_WORKER: &str = "run worker";
/// The upkeep loop's name in the heartbeats of `/readyz`.
const UPKEEP: &str = "upkeep";

/// Starts every worker loop; they end when `state.shutdown` is cancelled. Each loop beats
/// its entry in `state.heartbeats` once a turn, which `/readyz` watches.
pub fn start(state: &AppState) -> anyhow::Result<JoinSet<()>> {
    let mut tasks = JoinSet::new();
    state
        .heartbeats
        .expect(CHECK_ENGINE, Duration::from_secs(1));
    state
        .heartbeats
        .expect(RUN_WORKER, crate::testing::worker::HOUSEKEEPING_EVERY);
    let engine = Engine::new(state.clone(), &state.settings.location)?;
    tracing::info!(
        worker = engine.worker_id(),
        location = engine.location(),
        "check engine started"
    );
    tasks.spawn(engine.run_forever(state.shutdown.clone()));

    let runs = crate::testing::worker::Worker::new(state.clone());
    tracing::info!(worker = runs.id(), "run worker started");
    tasks.spawn(runs.run_forever(state.shutdown.clone()));

    let alerts = state.clone();
    tasks.spawn(drain(
        state.clone(),
        "delivering alerts",
        (Duration::from_millis(10), Duration::from_secs(1)),
        move || {
            let alerts = alerts.clone();
            async move {
                crate::alert::deliver_due(&alerts, 50)
                    .await
                    .map(|n| n == 50)
            }
        },
    ));

    // A few claim loops, so that one batch's slow calls and writes do not hold up the next.
    for n in 1..=ACTION_LOOPS {
        let actions = state.clone();
        let worker_id = format!("actions-{}", uuid::Uuid::new_v4().simple());
        tasks.spawn(drain(
            state.clone(),
            format!("running callback actions ({n}/{ACTION_LOOPS})"),
            (Duration::from_millis(5), Duration::from_millis(250)),
            move || {
                let (actions, worker_id) = (actions.clone(), worker_id.clone());
                async move {
                    crate::callback::action::run_due(&actions, &worker_id, 64)
                        .await
                        .map(|n| n == 64)
                }
            },
        ));
    }

    // Scheduled maintenance: reminders, starts and ends, due to the minute.
    let maintenance = state.clone();
    tasks.spawn(drain(
        state.clone(),
        "running scheduled maintenance",
        (Duration::from_millis(10), Duration::from_secs(1)),
        move || {
            let maintenance = maintenance.clone();
            async move {
                crate::status_page::maintenance::run_due(&maintenance, Utc::now(), 50)
                    .await
                    .map(|n| n == 50)
            }
        },
    ));
    // Messages to status page subscribers.
    let subscribers = state.clone();
    tasks.spawn(drain(
        state.clone(),
        "delivering to status page subscribers",
        (Duration::from_millis(10), Duration::from_secs(1)),
        move || {
            let subscribers = subscribers.clone();
            async move {
                crate::status_page::notify::deliver_due(&subscribers, Utc::now(), 50)
                    .await
                    .map(|n| n == 50)
            }
        },
    ));
    if crate::billing::enabled(&state.settings) {
        // Lapsed plans and expired webhook ids, with a heartbeat like every loop.
        let billing = state.clone();
        tasks.spawn(drain(
            state.clone(),
            "billing upkeep",
            (crate::billing::upkeep::EVERY, crate::billing::upkeep::EVERY),
            move || {
                let billing = billing.clone();
                async move {
                    crate::billing::upkeep::run_once(&billing, Utc::now())
                        .await
                        .map(|done| {
                            tracing::debug!(?done, "billing upkeep");
                            false
                        })
                }
            },
        ));
        // Usage periods rolled over, and usage sent to Polar.
        let periods = state.clone();
        tasks.spawn(drain(
            state.clone(),
            "rolling usage periods over",
            (Duration::from_millis(10), crate::billing::period::EVERY),
            move || {
                let periods = periods.clone();
                async move {
                    crate::billing::period::run_due(&periods, Utc::now(), 100)
                        .await
                        .map(|n| n == 100)
                }
            },
        ));
        let ingest = state.clone();
        tasks.spawn(drain(
            state.clone(),
            "sending usage to Polar",
            (Duration::from_millis(10), crate::billing::ingest::EVERY),
            move || {
                let ingest = ingest.clone();
                async move {
                    crate::billing::ingest::run_due(
                        &ingest,
                        Utc::now(),
                        crate::billing::ingest::BATCH,
                    )
                    .await
                    .map(|done| done.synced as u64 == crate::billing::ingest::BATCH)
                }
            },
        ));
    }

    let upkeep_state = state.clone();
    state.heartbeats.expect(UPKEEP, UPKEEP_EVERY);
    tasks.spawn(async move {
        let mut since = Utc::now() - chrono::Duration::days(2);
        loop {
            upkeep_state.heartbeats.beat(UPKEEP);
            let started = Utc::now();
            match crate::monitor::maintenance::run_once(&upkeep_state.db, since).await {
                Ok(done) => {
                    since = started - chrono::Duration::minutes(1);
                    tracing::debug!(?done, "monitoring upkeep");
                }
                Err(err) => tracing::warn!(error = ?err, "monitoring upkeep failed"),
            }
            match crate::testing::retention::run_once(&upkeep_state).await {
                Ok(done) => tracing::debug!(?done, "run retention"),
                Err(err) => tracing::warn!(error = ?err, "run retention failed"),
            }
            if let Err(err) =
                crate::status_page::subscriber::upkeep(&upkeep_state, Utc::now()).await
            {
                tracing::warn!(error = ?err, "status page subscriber upkeep failed");
            }
            tokio::select! {
                () = upkeep_state.shutdown.cancelled() => break,
                () = tokio::time::sleep(UPKEEP_EVERY) => {}
            }
        }
    });
    Ok(tasks)
}

/// Runs `step` until shutdown: again after `pauses.0` when it took a full batch (more is
/// waiting), after `pauses.1` when it did not or failed (a failure is logged as `what` failed).
/// Its heartbeat is named `what`.
async fn drain<F, Fut, E>(
    state: AppState,
    what: impl Into<String>,
    pauses: (Duration, Duration),
    mut step: F,
) where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<bool, E>>,
    E: std::fmt::Debug,
{
    let what = what.into();
    state.heartbeats.expect(&what, pauses.1);
    loop {
        state.heartbeats.beat(&what);
        let full = step().await.unwrap_or_else(|err| {
            tracing::warn!(error = ?err, "{what} failed");
            false
        });
        let pause = if full { pauses.0 } else { pauses.1 };
        tokio::select! {
            () = state.shutdown.cancelled() => break,
            () = tokio::time::sleep(pause) => {}
        }
    }
}
