//! Periodic upkeep of monitoring data: exact daily percentiles, retention by plan (monitor
//! results, aggregates, callback logs) and the monthly partitions on PostgreSQL.

use chrono::{DateTime, Duration, Utc};
use entity::action_executions::{self, ActionExecutionStatus};
use entity::plan_limits;
use entity::{callback_logs, monitor_aggregates, monitor_results, monitors};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

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
    /// Another replica was making and dropping partitions: this pass left them to it.
    pub partitions_busy: bool,
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
/// and drops the months that the longest retention of all plans has passed
/// (`crate::db::partition`, one replica at a time).
pub async fn run_once(db: &DatabaseConnection, since: DateTime<Utc>) -> AppResult<Upkeep> {
    let mut upkeep = Upkeep {
        daily_rows_rolled_up: super::aggregate::rollup(db, since).await?,
        ..Default::default()
    };
    let now = Utc::now();
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
    // A month goes when the plan that keeps the longest has passed it: results and triggers
    // by `data_retention_days`, runs by `job_data_retention_days`. Without plans, none goes.
    let horizon = |days: fn(&plan_limits::Model) -> i32| {
        let longest = plans.iter().map(|p| days(p).max(1)).max()?;
        Some(now - Duration::days(i64::from(longest)))
    };
    let (data, jobs) = (
        horizon(|p| p.data_retention_days),
        horizon(|p| p.job_data_retention_days),
    );
    let horizons: Vec<(&str, DateTime<Utc>)> = migration::PARTITIONED
        .iter()
        .filter_map(|&table| Some((table, if table == "runs" { jobs? } else { data? })))
        .collect();
    let partitions = partition::upkeep(db, now, &horizons).await?;
    upkeep.partitions_made = partitions.made;
    upkeep.partitions_dropped = partitions.dropped;
    upkeep.partitions_busy = partitions.busy;
    Ok(upkeep)
}
