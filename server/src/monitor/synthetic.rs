//! Synthetic monitors: when one is due, the engine queues a run of its stored test (the
//! test-automation executors run it in their sandbox, under the organization's run capacity);
//! when that run ends, its outcome is recorded as the monitor's result, through the same
//! writer as every other check, so thresholds, alerts and aggregates apply alike.
//!
//! A check that comes due while the previous run of the same monitor and location is still
//! queued or running is skipped, so a slow test never piles runs up.

use chrono::Utc;
use entity::monitor_results::MonitorResultStatus;
use entity::runs::{self, RunStatus, RunTrigger};
use entity::{monitor_locations, monitors, tests};
use sea_orm::{ActiveEnum, ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use super::check::CheckOutcome;
use super::engine::{Claimed, Completion, record};
use super::schedule;
use super::types::MonitorConfig;
use crate::db::Tx;
use crate::error::AppResult;
use crate::state::AppState;
use crate::testing::artifact::RunMetadata;
use crate::testing::run::{self as run, NewRun};

/// Queues the run of a due synthetic check. Returns a result to record when no run could be
/// queued (no test, no capacity); `None` when a run was queued or one is still under way.
pub async fn start(state: &AppState, claimed: Claimed) -> AppResult<Option<Completion>> {
    let Claimed { slot, monitor } = claimed;
    let now = Utc::now();
    let next = schedule::next_slot(monitor.id, monitor.frequency_minutes, now);
    let failed = |outcome: CheckOutcome| Completion {
        held_by: slot.claimed_by.clone(),
        slot: slot.clone(),
        monitor: monitor.clone(),
        outcome,
        checked_at: now,
        next_check_at: next,
    };
    let Some(test_id) = MonitorConfig::from_json(monitor.config.as_ref())
        .synthetic
        .map(|s| s.test_id)
    else {
        return Ok(Some(failed(CheckOutcome::error(
            "the monitor names no test to run",
        ))));
    };
    let Some(test) = tests::Entity::find_by_id(test_id)
        .filter(tests::Column::ProjectId.eq(monitor.project_id))
        .one(&state.db)
        .await?
    else {
        return Ok(Some(failed(CheckOutcome::error(
            "the monitor's test was deleted",
        ))));
    };
    let tx = Tx::begin(state).await?;
    let under_way = runs::Entity::find()
        .filter(runs::Column::ProjectId.eq(monitor.project_id))
        .filter(runs::Column::JobId.is_null())
        .filter(runs::Column::Status.is_in([RunStatus::Queued, RunStatus::Running]))
        .all(tx.conn())
        .await?
        .iter()
        .any(|r| slot_of(r) == Some(slot.id));
    if !under_way {
        let queued = run::enqueue(
            &tx,
            state,
            NewRun {
                organization_id: monitor.organization_id,
                project_id: monitor.project_id,
                job_id: None,
                trigger: RunTrigger::Schedule,
                metadata: RunMetadata {
                    test_id: Some(test.id),
                    test_ids: vec![test.id],
                    monitor_id: Some(monitor.id),
                    monitor_location_id: Some(slot.id),
                    ..RunMetadata::default()
                },
            },
        )
        .await;
        match queued {
            Ok(_) => {}
            Err(err) if err.is_plan_limit() => {
                let message = err.public_message();
                drop(tx);
                return Ok(Some(failed(CheckOutcome::error(format!(
                    "the test could not be queued: {message}"
                )))));
            }
            Err(err) => return Err(err),
        }
    }
    monitor_locations::ActiveModel {
        id: Set(slot.id),
        next_check_at: Set(next),
        claimed_by: Set(None),
        claimed_until: Set(None),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(tx.conn())
    .await?;
    tx.commit().await?;
    Ok(None)
}

/// The monitor location a run checks for, when it is a synthetic monitor's run.
fn slot_of(run: &runs::Model) -> Option<Uuid> {
    RunMetadata::of(run).monitor_location_id
}

/// Records the result of a synthetic monitor's run that has ended (nothing for other runs).
pub async fn finished(state: &AppState, run: &runs::Model) -> AppResult<()> {
    let Some(slot_id) = slot_of(run) else {
        return Ok(());
    };
    let Some(slot) = monitor_locations::Entity::find_by_id(slot_id)
        .one(&state.db)
        .await?
    else {
        return Ok(());
    };
    let Some(monitor) = monitors::Entity::find_by_id(slot.monitor_id)
        .one(&state.db)
        .await?
    else {
        return Ok(());
    };
    let outcome = outcome_of(run);
    let completion = Completion {
        held_by: None,
        next_check_at: slot.next_check_at,
        checked_at: run.completed_at.unwrap_or_else(Utc::now),
        slot,
        monitor,
        outcome,
    };
    record(state, vec![completion]).await
}

/// A run's end as a check result: passed is up, a failed test is down with its error, a run
/// over its time is a timeout, and a run that could not run the test is an error.
fn outcome_of(run: &runs::Model) -> CheckOutcome {
    let details = json!({ "runId": run.id, "runStatus": run.status.to_value(), "durationMs": run.duration_ms });
    let error = run.error_details.clone();
    match run.status {
        RunStatus::Passed => CheckOutcome::up(run.duration_ms, details),
        RunStatus::Failed => CheckOutcome::down(
            "test",
            error.unwrap_or_else(|| "the test failed".into()),
            run.duration_ms,
            details,
        ),
        RunStatus::TimedOut => {
            let mut outcome = CheckOutcome::down(
                "timeout",
                error.unwrap_or_else(|| "the test ran out of time".into()),
                run.duration_ms,
                details,
            );
            outcome.status = MonitorResultStatus::Timeout;
            outcome
        }
        RunStatus::Cancelled => {
            let mut outcome = CheckOutcome::error("the run was cancelled");
            outcome.details = details;
            outcome.details["errorClass"] = "cancelled".into();
            outcome.details["error"] = "the run was cancelled".into();
            outcome
        }
        RunStatus::Error | RunStatus::Queued | RunStatus::Running => {
            let mut outcome = CheckOutcome::error(
                error
                    .clone()
                    .unwrap_or_else(|| "the test could not run".into()),
            );
            outcome.details = details;
            outcome.details["errorClass"] = "run".into();
            outcome.details["error"] = error
                .unwrap_or_else(|| "the test could not run".into())
                .into();
            outcome
        }
    }
}
