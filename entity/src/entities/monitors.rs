//! `monitors`: a check run on a schedule against a target (URL, host, port), or a heartbeat URL
//! that expects to be pinged, or a Playwright test run as a synthetic check.

use sea_orm::entity::prelude::*;

/// What kind of check a monitor runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum MonitorType {
    #[sea_orm(string_value = "http")]
    Http,
    #[sea_orm(string_value = "website")]
    Website,
    #[sea_orm(string_value = "ping")]
    Ping,
    #[sea_orm(string_value = "port")]
    Port,
    #[sea_orm(string_value = "heartbeat")]
    Heartbeat,
    #[sea_orm(string_value = "synthetic_test")]
    SyntheticTest,
    #[sea_orm(string_value = "dns")]
    Dns,
}

impl MonitorType {
    /// Whether the check engine polls monitors of this type on their schedule (and so can
    /// check one now): heartbeats wait for pings, synthetic monitors run a stored test.
    pub fn is_polled(self) -> bool {
        !matches!(self, Self::Heartbeat | Self::SyntheticTest)
    }
}

/// The current state of a monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum MonitorStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "up")]
    Up,
    #[sea_orm(string_value = "down")]
    Down,
    #[sea_orm(string_value = "paused")]
    Paused,
    #[sea_orm(string_value = "maintenance")]
    Maintenance,
    #[sea_orm(string_value = "error")]
    Error,
}

/// How the results of one round of checks from several locations decide the monitor's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum MonitorAggregation {
    /// Down when any location sees it down.
    #[sea_orm(string_value = "any")]
    Any,
    /// Down when most locations see it down.
    #[sea_orm(string_value = "majority")]
    Majority,
    /// Down only when every location sees it down.
    #[sea_orm(string_value = "all")]
    All,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub created_by_user_id: Option<Uuid>,
    pub name: String,
    pub description: Option<String>,
    pub r#type: MonitorType,
    /// URL, host or `host:port` depending on the type; for a synthetic monitor the test id.
    pub target: String,
    pub frequency_minutes: i32,
    pub enabled: bool,
    pub status: MonitorStatus,
    /// Type-specific settings: method, headers, body, auth, expected status codes, keyword, JSON
    /// path, timeout, TLS expiry warning days, heartbeat grace period, ...
    pub config: Option<Json>,
    /// `{"enabled", "alertOnFailure", "alertOnRecovery", "failureThreshold", ...}`.
    pub alert_config: Option<Json>,
    pub last_check_at: Option<DateTimeUtc>,
    pub last_status_change_at: Option<DateTimeUtc>,
    /// Alerts are not sent until then.
    pub muted_until: Option<DateTimeUtc>,
    /// Identifier of the schedule entry in an external scheduler, if any.
    pub scheduled_job_id: Option<String>,
    /// When the next check is due; the scheduler claims monitors whose time has come.
    pub next_check_at: Option<DateTimeUtc>,
    /// The replica holding the lease on the current check.
    pub claimed_by: Option<String>,
    /// Lease expiry; an expired lease is taken over by another replica.
    pub claimed_until: Option<DateTimeUtc>,
    /// Secret token of a heartbeat monitor's ping URL.
    #[sea_orm(unique)]
    pub heartbeat_token: Option<String>,
    /// JSON list of location names that run the check; none means the local location only.
    pub locations: Option<Json>,
    pub aggregation: MonitorAggregation,
    /// When a heartbeat job reported its start (`/ping/{token}/start`) and has not finished.
    pub heartbeat_started_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    #[sea_orm(
        belongs_to = "super::projects::Entity",
        from = "Column::ProjectId",
        to = "super::projects::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::CreatedByUserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::monitor_results::Entity")]
    MonitorResults,
    #[sea_orm(has_many = "super::monitor_aggregates::Entity")]
    MonitorAggregates,
    #[sea_orm(has_many = "super::alerts::Entity")]
    Alerts,
    #[sea_orm(has_many = "super::alert_history::Entity")]
    AlertHistory,
    #[sea_orm(has_many = "super::monitor_tags::Entity")]
    MonitorTags,
    #[sea_orm(has_many = "super::monitor_notification_settings::Entity")]
    MonitorNotificationSettings,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::monitor_results::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MonitorResults.def()
    }
}

impl Related<super::monitor_aggregates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MonitorAggregates.def()
    }
}

impl Related<super::alerts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Alerts.def()
    }
}

impl Related<super::alert_history::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AlertHistory.def()
    }
}

impl Related<super::monitor_tags::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MonitorTags.def()
    }
}

impl Related<super::monitor_notification_settings::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MonitorNotificationSettings.def()
    }
}

/// Tags through `monitor_tags`.
impl Related<super::tags::Entity> for Entity {
    fn to() -> RelationDef {
        super::monitor_tags::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::monitor_tags::Relation::Monitor.def().rev())
    }
}

/// Notification providers through `monitor_notification_settings`.
impl Related<super::notification_providers::Entity> for Entity {
    fn to() -> RelationDef {
        super::monitor_notification_settings::Relation::NotificationProvider.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::monitor_notification_settings::Relation::Monitor
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
