//! Background work started by `vigil serve` (roles `all` and `worker`): the check engine of
//! this process's location, monitoring upkeep, alert delivery, and the run worker (cron
//! schedules, queued runs, expired leases). Every loop watches the
//! process's shutdown token.

use std::time::Duration;

use chrono::Utc;
use tokio::task::JoinSet;

use crate::monitor::engine::Engine;
use crate::state::AppState;

/// How often daily percentiles are recomputed and retention runs.
pub const UPKEEP_EVERY: Duration = Duration::from_secs(300);
/// Concurrent claim loops of callback action executions per process.
const ACTION_LOOPS: usize = 4;

/// Starts every worker loop; they end when `state.shutdown` is cancelled.
pub fn start(state: &AppState) -> anyhow::Result<JoinSet<()>> {
    let mut tasks = JoinSet::new();
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

    let alert_state = state.clone();
    tasks.spawn(async move {
        loop {
            let busy = match crate::alert::deliver_due(&alert_state, 50).await {
                Ok(n) => n == 50,
                Err(err) => {
                    tracing::warn!(error = ?err, "delivering alerts failed");
                    false
                }
            };
            let pause = if busy {
                Duration::from_millis(10)
            } else {
                Duration::from_secs(1)
            };
            tokio::select! {
                () = alert_state.shutdown.cancelled() => break,
                () = tokio::time::sleep(pause) => {}
            }
        }
    });

    // A few claim loops, so that one batch's slow calls and writes do not hold up the next.
    for _ in 0..ACTION_LOOPS {
        let action_state = state.clone();
        let worker_id = format!("actions-{}", uuid::Uuid::new_v4().simple());
        tasks.spawn(async move {
            loop {
                let busy =
                    match crate::callback::action::run_due(&action_state, &worker_id, 64).await {
                        Ok(n) => n == 64,
                        Err(err) => {
                            tracing::warn!(error = ?err, "running callback actions failed");
                            false
                        }
                    };
                let pause = if busy {
                    Duration::from_millis(5)
                } else {
                    Duration::from_millis(250)
                };
                tokio::select! {
                    () = action_state.shutdown.cancelled() => break,
                    () = tokio::time::sleep(pause) => {}
                }
            }
        });
    }

    let upkeep_state = state.clone();
    tasks.spawn(async move {
        let mut since = Utc::now() - chrono::Duration::days(2);
        loop {
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
            tokio::select! {
                () = upkeep_state.shutdown.cancelled() => break,
                () = tokio::time::sleep(UPKEEP_EVERY) => {}
            }
        }
    });
    Ok(tasks)
}
