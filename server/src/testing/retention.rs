//! Retention of test-automation data: finished runs older than the plan's
//! `job_data_retention_days` are deleted with their artifacts, and artifacts whose run is gone
//! (its project or organization was deleted, and the database cascaded) are swept away.

use chrono::{Duration, Utc};
use entity::plan_limits;
use entity::runs::{self, RunStatus};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::error::AppResult;
use crate::monitor::maintenance::organizations_on;
use crate::state::AppState;

/// Runs deleted per plan and pass, at most (the next pass takes the rest).
const BATCH: u64 = 1000;

/// What one pass did: runs deleted, and runs gone before whose artifacts were deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub runs_deleted: usize,
    pub orphaned_artifacts_deleted: usize,
}

/// One retention pass.
pub async fn run_once(state: &AppState) -> AppResult<Swept> {
    let mut swept = Swept::default();
    let now = Utc::now();
    for plan in plan_limits::Entity::find().all(&state.db).await? {
        let cut = now - Duration::days(i64::from(plan.job_data_retention_days.max(1)));
        let old: Vec<Uuid> = runs::Entity::find()
            .select_only()
            .column(runs::Column::Id)
            .filter(runs::Column::CreatedAt.lt(cut))
            .filter(runs::Column::Status.is_not_in([RunStatus::Queued, RunStatus::Running]))
            .filter(runs::Column::OrganizationId.in_subquery(organizations_on(&plan)))
            .limit(BATCH)
            .into_tuple()
            .all(&state.db)
            .await?;
        if old.is_empty() {
            continue;
        }
        runs::Entity::delete_many()
            .filter(runs::Column::Id.is_in(old.clone()))
            .exec(&state.db)
            .await?;
        swept.runs_deleted += old.len();
        for run_id in old {
            delete_artifacts(state, run_id).await;
        }
    }
    // Artifacts of runs that no longer exist.
    let stored = state
        .storage
        .run_ids()
        .await
        .map_err(crate::error::AppError::Internal)?;
    for chunk in stored.chunks(500) {
        let existing: Vec<Uuid> = runs::Entity::find()
            .select_only()
            .column(runs::Column::Id)
            .filter(runs::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(&state.db)
            .await?;
        for run_id in chunk.iter().filter(|id| !existing.contains(id)) {
            if delete_artifacts(state, *run_id).await > 0 {
                swept.orphaned_artifacts_deleted += 1;
            }
        }
    }
    Ok(swept)
}

/// Deletes a run's artifacts; returns how many objects went.
async fn delete_artifacts(state: &AppState, run_id: Uuid) -> usize {
    match state.storage.delete_prefix(&format!("runs/{run_id}")).await {
        Ok(count) => count,
        Err(err) => {
            tracing::warn!(error = %err, %run_id, "deleting a run's artifacts failed");
            0
        }
    }
}
