//! The run worker of one process: claims queued runs within the organizations' capacity and
//! this process's `runner.max_concurrent`, executes them while renewing their leases, stops
//! them when `cancelRun` asks (an event from any replica, or the flag seen at renewal), and
//! records the outcome. Also drives the cron scheduler ([`super::cron::schedule_due`]) and
//! the recovery of expired leases.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::runs::{self, RunStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use tokio::sync::broadcast::error::RecvError;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::run::{self, Lease};
use crate::error::AppResult;
use crate::events::Event;
use crate::state::AppState;

/// How often the scheduler and the lease recovery look for work.
pub const HOUSEKEEPING_EVERY: Duration = Duration::from_secs(2);

/// One process's run worker.
#[derive(Clone)]
pub struct Worker {
    state: AppState,
    id: String,
}

impl Worker {
    pub fn new(state: AppState) -> Self {
        let host = std::fs::read_to_string("/etc/hostname")
            .ok()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "vigil".into());
        Self {
            id: format!("{host}-runs-{}", &Uuid::new_v4().simple().to_string()[..8]),
            state,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Claims the next run this process may start, if any.
    pub async fn claim(&self) -> AppResult<Option<runs::Model>> {
        run::claim_one(&self.state, &self.id).await
    }

    /// One step, for tests and tooling: claims what may start now (up to
    /// `runner.max_concurrent`) and executes those runs to their end. Returns the finished
    /// runs.
    pub async fn tick(&self) -> AppResult<Vec<runs::Model>> {
        let mut claimed = Vec::new();
        while claimed.len() < self.state.settings.runner.max_concurrent {
            match self.claim().await? {
                Some(run) => claimed.push(run),
                None => break,
            }
        }
        let shutdown = CancellationToken::new();
        let done = futures_util::future::join_all(
            claimed
                .into_iter()
                .map(|r| self.execute(r, shutdown.clone())),
        )
        .await;
        let mut finished = Vec::new();
        for result in done {
            if let Some(run) = result? {
                finished.push(run);
            }
        }
        Ok(finished)
    }

    /// Executes a run this worker claimed and records its outcome. `None` when the run was
    /// not finished here: the lease was lost, or `shutdown` came and the run did not end
    /// within the grace period (`shutdown_grace_seconds`): it was stopped and given back to
    /// the queue.
    pub async fn execute(
        &self,
        claimed: runs::Model,
        shutdown: CancellationToken,
    ) -> AppResult<Option<runs::Model>> {
        let run_id = claimed.id;
        let cancel = CancellationToken::new();
        let lost = Arc::new(AtomicBool::new(false));
        let stop = CancellationToken::new();
        let killed = Arc::new(AtomicBool::new(false));
        let renewer = self.renew_lease(run_id, cancel.clone(), lost.clone(), stop.clone());
        let watcher = self.watch_cancel(
            run_id,
            cancel.clone(),
            stop.clone(),
            (shutdown.clone(), killed.clone()),
        );
        // A cancel request that came between the claim and now.
        if runs::Entity::find_by_id(run_id)
            .one(&self.state.db)
            .await?
            .is_some_and(|r| r.cancel_requested)
        {
            cancel.cancel();
        }
        let result = async {
            let (job, tests) = run::plan_of(&self.state, &claimed).await?;
            let outcome =
                super::executor::execute(&self.state, claimed.clone(), job, tests, cancel.clone())
                    .await;
            if lost.load(Ordering::SeqCst) {
                tracing::warn!(%run_id, "lost the lease of a run; its outcome is dropped");
                return Ok(None);
            }
            if killed.load(Ordering::SeqCst) {
                self.release(run_id).await?;
                return Ok(None);
            }
            crate::db::when_reachable(self.state.settings.lease(), || {
                run::finish(&self.state, &claimed, &self.id, outcome.clone())
            })
            .await
        }
        .await;
        stop.cancel();
        let _ = renewer.await;
        let _ = watcher.await;
        result
    }

    /// Renews the run's lease every [`run::renew_every`] until `stop`, which also sees a
    /// cancel request set on any replica: it cancels the run, and when the lease is lost it
    /// says so in `lost` too.
    fn renew_lease(
        &self,
        run_id: Uuid,
        cancel: CancellationToken,
        lost: Arc<AtomicBool>,
        stop: CancellationToken,
    ) -> JoinHandle<()> {
        let (state, id) = (self.state.clone(), self.id.clone());
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    () = stop.cancelled() => break,
                    () = tokio::time::sleep(run::renew_every(&state.settings)) => {}
                }
                match run::renew(&state, run_id, &id).await {
                    Ok(Lease::Held) => {}
                    Ok(Lease::CancelRequested) => cancel.cancel(),
                    Ok(Lease::Lost) => {
                        lost.store(true, Ordering::SeqCst);
                        cancel.cancel();
                        break;
                    }
                    Err(err) => {
                        tracing::warn!(error = ?err, %run_id, "renewing a run's lease failed")
                    }
                }
            }
        })
    }

    /// Cancels the run when a cancel request for it arrives as an event (from any replica),
    /// or when the process shuts down and the run has not ended within the grace period
    /// (then `killed` says so), until `stop`.
    fn watch_cancel(
        &self,
        run_id: Uuid,
        cancel: CancellationToken,
        stop: CancellationToken,
        (shutdown, killed): (CancellationToken, Arc<AtomicBool>),
    ) -> JoinHandle<()> {
        let mut events = self.state.events.subscribe();
        let grace = self.state.settings.shutdown_grace();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    () = stop.cancelled() => break,
                    () = shutdown.cancelled() => {
                        // A cancel request meanwhile is still seen at the lease's renewal.
                        tokio::select! {
                            () = stop.cancelled() => {}
                            () = tokio::time::sleep(grace) => {
                                killed.store(true, Ordering::SeqCst);
                                cancel.cancel();
                            }
                        }
                        break;
                    }
                    event = events.recv() => match event {
                        Ok(Event::RunCancelRequested { run_id: id }) if id == run_id => { cancel.cancel(); break; }
                        Ok(_) | Err(RecvError::Lagged(_)) => {}
                        Err(_) => break,
                    },
                }
            }
        })
    }

    /// Gives a run back to the queue (on shutdown), so another replica starts it again.
    pub async fn release(&self, run_id: Uuid) -> AppResult<()> {
        let released = run::leases(&self.state.settings, &self.id)
            .release([run_id])
            .col_expr(runs::Column::Status, Expr::value(RunStatus::Queued))
            .col_expr(
                runs::Column::StartedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(runs::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(runs::Column::Status.eq(RunStatus::Running))
            .exec_with_returning(&self.state.db)
            .await?;
        if let Some(run) = released.first() {
            self.state
                .events
                .publish(
                    &self.state.db,
                    Event::RunUpdated {
                        run_id,
                        project_id: run.project_id,
                    },
                )
                .await;
        }
        Ok(())
    }

    /// Runs until `shutdown`: every 2 s fires due cron schedules and recovers expired
    /// leases; claims runs whenever a slot is free (at once when a run ends). On shutdown it
    /// stops the runs in progress and gives them back to the queue.
    pub async fn run_forever(self, shutdown: CancellationToken) {
        let mut tasks = tokio::task::JoinSet::new();
        let mut last_housekeeping = tokio::time::Instant::now() - HOUSEKEEPING_EVERY;
        let mut events = self.state.events.subscribe();
        loop {
            self.state.heartbeats.beat(crate::workers::RUN_WORKER);
            if last_housekeeping.elapsed() >= HOUSEKEEPING_EVERY {
                last_housekeeping = tokio::time::Instant::now();
                if let Err(err) = super::cron::schedule_due(&self.state).await {
                    tracing::warn!(error = ?err, "firing cron schedules failed");
                }
                if let Err(err) = run::recover_expired(&self.state).await {
                    tracing::warn!(error = ?err, "recovering expired runs failed");
                }
            }
            while tasks.len() < self.state.settings.runner.max_concurrent {
                match self.claim().await {
                    Ok(Some(run)) => {
                        let worker = self.clone();
                        let shutdown = shutdown.clone();
                        tasks.spawn(async move {
                            let id = run.id;
                            if let Err(err) = worker.execute(run, shutdown).await {
                                tracing::error!(error = ?err, run = %id, "executing a run failed");
                            }
                        });
                    }
                    Ok(None) => break,
                    Err(err) => {
                        tracing::warn!(error = ?err, "claiming runs failed");
                        break;
                    }
                }
            }
            // Wake on a run event (a new run, a finished one), a task's end, or housekeeping.
            let next_housekeeping = last_housekeeping + HOUSEKEEPING_EVERY;
            let go_on = loop {
                tokio::select! {
                    () = shutdown.cancelled() => break false,
                    Some(_) = tasks.join_next(), if !tasks.is_empty() => break true,
                    event = events.recv() => match event {
                        Ok(Event::RunUpdated { .. } | Event::EventsMissed) | Err(RecvError::Lagged(_)) => break true,
                        Ok(_) => {}
                        Err(RecvError::Closed) => {
                            events = self.state.events.subscribe();
                        }
                    },
                    () = tokio::time::sleep_until(next_housekeeping) => break true,
                }
            };
            if !go_on {
                break;
            }
        }
        // Runs in progress finish within the grace period, or are stopped and released (the
        // watcher sees `shutdown`).
        let grace = self.state.settings.shutdown_grace();
        let _ = tokio::time::timeout(grace + Duration::from_secs(15), async {
            while tasks.join_next().await.is_some() {}
        })
        .await;
    }
}
