//! `alert_history`: every alert delivery attempt, for a monitor or a job, through one provider.

use sea_orm::entity::prelude::*;

/// What the alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum AlertType {
    #[sea_orm(string_value = "monitor_failure")]
    MonitorFailure,
    #[sea_orm(string_value = "monitor_recovery")]
    MonitorRecovery,
    #[sea_orm(string_value = "ssl_expiring")]
    SslExpiring,
    #[sea_orm(string_value = "job_failed")]
    JobFailed,
    #[sea_orm(string_value = "job_success")]
    JobSuccess,
    #[sea_orm(string_value = "job_timeout")]
    JobTimeout,
    #[sea_orm(string_value = "domain_expiring")]
    DomainExpiring,
}

/// Delivery state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum AlertStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "sent")]
    Sent,
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_history")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub message: String,
    pub r#type: AlertType,
    /// Name of what the alert is about (the monitor's or the job's name).
    pub target: String,
    /// `monitor` or `job`.
    pub target_type: String,
    pub monitor_id: Option<Uuid>,
    pub job_id: Option<Uuid>,
    /// The organization it belongs to, for listing and retention.
    pub organization_id: Option<Uuid>,
    /// Provider type (and name) the alert went through, e.g. `slack`.
    pub provider: String,
    pub status: AlertStatus,
    /// When the delivery was attempted.
    pub sent_at: DateTimeUtc,
    pub error_message: Option<String>,
    /// The provider it goes through (no foreign key: the record outlives the provider).
    pub notification_provider_id: Option<Uuid>,
    /// Delivery attempts made so far.
    pub attempts: i32,
    /// When a pending delivery is due (again).
    pub next_attempt_at: Option<DateTimeUtc>,
    /// Lease of the worker delivering it.
    pub claimed_until: Option<DateTimeUtc>,
    /// The message to deliver (title, body, severity, fields, link, data).
    pub payload: Option<Json>,
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
    #[sea_orm(
        belongs_to = "super::jobs::Entity",
        from = "Column::JobId",
        to = "super::jobs::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Job,
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Organization,
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl Related<super::jobs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Job.def()
    }
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
