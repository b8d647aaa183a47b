//! `monitor_aggregates`: a monitor's results rolled up per hour or per day, per location and for
//! all locations together (`location = "global"`).

use sea_orm::entity::prelude::*;

/// The length of an aggregation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum AggregationPeriod {
    #[sea_orm(string_value = "hourly")]
    Hourly,
    #[sea_orm(string_value = "daily")]
    Daily,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_aggregates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub monitor_id: Uuid,
    pub period_type: AggregationPeriod,
    /// Start of the hour or day (UTC).
    pub period_start: DateTimeUtc,
    /// Location name, or `global` for the row that covers all locations.
    pub location: String,
    pub total_checks: i32,
    pub successful_checks: i32,
    pub failed_checks: i32,
    /// 0 to 100.
    pub uptime_percentage: f64,
    pub avg_response_ms: Option<i32>,
    pub min_response_ms: Option<i32>,
    pub max_response_ms: Option<i32>,
    pub p50_response_ms: Option<i32>,
    pub p95_response_ms: Option<i32>,
    pub p99_response_ms: Option<i32>,
    /// Sum of response times, so that averages can be merged.
    pub total_response_ms: i64,
    pub status_change_count: i32,
    /// Checks that have a response time (the divisor of the average).
    pub timed_checks: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::monitors::Entity",
        from = "Column::MonitorId",
        to = "super::monitors::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Monitor,
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
