//! Periodic upkeep of monitoring data: exact daily percentiles, retention by plan (monitor
//! results, aggregates, callback logs) and the monthly partitions on PostgreSQL.

use chrono::{DateTime, Duration, Utc};
use entity::action_executions::{self, ActionExecutionStatus};
use entity::plan_limits;
use entity::{callback_logs, monitor_aggregates, monitor_results, monitors};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};

use crate::db::partition;
use crate::error::AppResult;

/// What one upkeep pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Upkeep {
    pub daily_rows_rolled_up: usize,
    pub results_deleted: u64,
    pub aggregates_deleted: u64,
    /// Callback logs past their plan's retention (their finished executions go with them).
    pub callback_logs_deleted: u64,
    /// Monthly partitions made ahead (PostgreSQL).
    pub partitions_made: usize,
    /// Monthly partitions past every plan's retention, dropped whole (PostgreSQL).
    pub partitions_dropped: Vec<String>,
}

/// The ids of the organizations on the limits `plan`: those whose plan links them, or, for a
/// plan without a link, of the same name (organizations with no plan, or an unknown one, are on
/// `free`), as every limit check reads them.
pub fn organizations_on(plan: &plan_limits::Model) -> SelectStatement {
    crate::plan::organizations_on(plan.id)
}

/// Rolls up the daily rows changed since `since`, then drops raw results and callback logs
/// older than each plan's `data_retention_days` and aggregates older than its
/// `aggregated_data_retention_days`. On PostgreSQL it also makes the coming months' partitions
/// and drops the months that the longest `data_retention_days` of all plans has passed
/// (`crate::db::partition`).
pub async fn run_once(
    db: &(impl ConnectionTrait + TransactionTrait),
    since: DateTime<Utc>,
) -> AppResult<Upkeep> {
    let mut upkeep = Upkeep {
        daily_rows_rolled_up: super::aggregate::rollup(db, since).await?,
        ..Default::default()
    };
    let now = Utc::now();
    upkeep.partitions_made = partition::ensure_ahead(db, now).await?;
    let plans = plan_limits::Entity::find().all(db).await?;
    for plan in &plans {
        let monitors_of_plan = Query::select()
            .column(monitors::Column::Id)
            .from(monitors::Entity)
            .and_where(monitors::Column::OrganizationId.in_subquery(organizations_on(plan)))
            .to_owned();
        let raw_cut = now - Duration::days(i64::from(plan.data_retention_days.max(1)));
        // A trigger whose actions still run is kept until they end.
        let running = Query::select()
            .column(action_executions::Column::CallbackLogId)
            .from(action_executions::Entity)
            .and_where(action_executions::Column::Status.is_in([
                ActionExecutionStatus::Pending,
                ActionExecutionStatus::Running,
            ]))
            .to_owned();
        upkeep.callback_logs_deleted += callback_logs::Entity::delete_many()
            .filter(callback_logs::Column::CreatedAt.lt(raw_cut))
            .filter(callback_logs::Column::OrganizationId.in_subquery(organizations_on(plan)))
            .filter(callback_logs::Column::Id.not_in_subquery(running))
            .exec(db)
            .await?
            .rows_affected;
        upkeep.results_deleted += monitor_results::Entity::delete_many()
            .filter(monitor_results::Column::CheckedAt.lt(raw_cut))
            .filter(monitor_results::Column::MonitorId.in_subquery(monitors_of_plan.clone()))
            .exec(db)
            .await?
            .rows_affected;
        let aggregate_cut =
            now - Duration::days(i64::from(plan.aggregated_data_retention_days.max(1)));
        upkeep.aggregates_deleted += monitor_aggregates::Entity::delete_many()
            .filter(monitor_aggregates::Column::PeriodStart.lt(aggregate_cut))
            .filter(monitor_aggregates::Column::MonitorId.in_subquery(monitors_of_plan))
            .exec(db)
            .await?
            .rows_affected;
    }
    if let Some(longest) = plans.iter().map(|p| p.data_retention_days.max(1)).max() {
        let horizon = now - Duration::days(i64::from(longest));
        upkeep.partitions_dropped = partition::drop_expired(db, horizon).await?;
    }
    Ok(upkeep)
}
