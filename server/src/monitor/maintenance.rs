//! Periodic upkeep of monitoring data: exact daily percentiles, and retention by plan.

use chrono::{DateTime, Duration, Utc};
use entity::plan_limits;
use entity::{monitor_aggregates, monitor_results, monitors};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::error::AppResult;

/// What one upkeep pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Upkeep {
    pub daily_rows_rolled_up: usize,
    pub results_deleted: u64,
    pub aggregates_deleted: u64,
}

/// The ids of the organizations on the limits `plan`: those whose plan links them, or, for a
/// plan without a link, of the same name (organizations with no plan, or an unknown one, are on
/// `free`), as every limit check reads them.
pub fn organizations_on(plan: &plan_limits::Model) -> SelectStatement {
    crate::plan::organizations_on(plan.id)
}

/// Rolls up the daily rows changed since `since`, then drops raw results older than each
/// plan's `data_retention_days` and aggregates older than its `aggregated_data_retention_days`.
pub async fn run_once(db: &impl ConnectionTrait, since: DateTime<Utc>) -> AppResult<Upkeep> {
    let mut upkeep = Upkeep {
        daily_rows_rolled_up: super::aggregate::rollup(db, since).await?,
        ..Default::default()
    };
    let now = Utc::now();
    for plan in plan_limits::Entity::find().all(db).await? {
        let monitors_of_plan = Query::select()
            .column(monitors::Column::Id)
            .from(monitors::Entity)
            .and_where(monitors::Column::OrganizationId.in_subquery(organizations_on(&plan)))
            .to_owned();
        let raw_cut = now - Duration::days(i64::from(plan.data_retention_days.max(1)));
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
    Ok(upkeep)
}
