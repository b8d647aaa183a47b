//! `usage_events`: metered usage (Playwright minutes and k6 VU-minutes per run, AI credits per
//! use, monitor checks and callback triggers summed per hour), kept for billing reconciliation
//! and synced to Polar.

use sea_orm::entity::prelude::*;

/// What produced the usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum UsageEventType {
    #[sea_orm(string_value = "playwright_execution")]
    PlaywrightExecution,
    #[sea_orm(string_value = "k6_execution")]
    K6Execution,
    #[sea_orm(string_value = "monitor_execution")]
    MonitorExecution,
    #[sea_orm(string_value = "ai_usage")]
    AiUsage,
    #[sea_orm(string_value = "callback_trigger")]
    CallbackTrigger,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "usage_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub event_type: UsageEventType,
    /// The Polar meter name: `playwright_minutes`, `k6_vu_minutes`, `ai_credits`.
    pub event_name: String,
    pub units: f64,
    /// `minutes`, `vu_minutes` or `credits`.
    pub unit_type: String,
    /// Where it came from: run, job, test or monitor ids.
    pub metadata: Option<Json>,
    pub synced_to_polar: bool,
    /// The event id Polar returned once synced.
    pub polar_event_id: Option<String>,
    pub sync_error: Option<String>,
    pub sync_attempts: i32,
    pub last_sync_attempt: Option<DateTimeUtc>,
    pub billing_period_start: DateTimeUtc,
    pub billing_period_end: DateTimeUtc,
    pub created_at: DateTimeUtc,
    /// Lease of the Polar ingestion sending it (the claim queue).
    pub sync_claimed_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Organization,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
