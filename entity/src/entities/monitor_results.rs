//! `monitor_results`: one check of a monitor from one location. Raw results expire by plan
//! retention; `monitor_aggregates` keeps the long-term numbers.

use sea_orm::entity::prelude::*;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum MonitorResultStatus {
    #[sea_orm(string_value = "up")]
    Up,
    #[sea_orm(string_value = "down")]
    Down,
    #[sea_orm(string_value = "error")]
    Error,
    #[sea_orm(string_value = "timeout")]
    Timeout,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_results")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub monitor_id: Uuid,
    pub checked_at: DateTimeUtc,
    /// Name of the location (worker `--location`) that ran the check.
    pub location: String,
    pub status: MonitorResultStatus,
    pub response_time_ms: Option<i32>,
    /// Status code, error message, TLS certificate data, matched keyword, ...
    pub details: Option<Json>,
    pub is_up: bool,
    /// The monitor's status changed with this result.
    pub is_status_change: bool,
    /// Failures in a row up to and including this result.
    pub consecutive_failure_count: i32,
    /// Successes in a row up to and including this result.
    pub consecutive_success_count: i32,
    /// Failure alerts sent during the current down streak.
    pub alerts_sent_for_failure: i32,
    /// Recovery alerts sent during the current up streak.
    pub alerts_sent_for_recovery: i32,
    /// For synthetic monitors: the execution id, which locates its artifacts.
    pub test_execution_id: Option<String>,
    /// For synthetic monitors: where the Playwright report is stored.
    pub test_report_s3_url: Option<String>,
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
