//! `jobs`: a named group of tests (Playwright) or one load test (k6), run by hand, by API or on a
//! cron schedule. Each execution is a row in `runs`.

use sea_orm::entity::prelude::*;

/// What a job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum JobType {
    #[sea_orm(string_value = "playwright")]
    Playwright,
    #[sea_orm(string_value = "k6")]
    K6,
}

/// The outcome of the job's latest run (`pending` before the first one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum JobStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "passed")]
    Passed,
    #[sea_orm(string_value = "failed")]
    Failed,
    #[sea_orm(string_value = "error")]
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub created_by_user_id: Option<Uuid>,
    pub name: String,
    pub description: Option<String>,
    pub job_type: JobType,
    /// Five-field cron expression; no schedule means manual and API triggers only.
    pub cron_schedule: Option<String>,
    pub status: JobStatus,
    /// `{"enabled", "onFailure", "onSuccess", "onTimeout", "failureThreshold", ...}`.
    pub alert_config: Option<Json>,
    pub last_run_at: Option<DateTimeUtc>,
    /// Next cron fire time; the scheduler claims jobs whose time has come.
    pub next_run_at: Option<DateTimeUtc>,
    /// Identifier of the schedule entry in an external scheduler, if any.
    pub scheduled_job_id: Option<String>,
    /// Lease of the replica that is firing the cron trigger; expired leases are taken over.
    pub claimed_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Wall-clock limit of one run, in seconds; past it the run is killed and `timed_out`.
    pub timeout_seconds: i32,
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
    #[sea_orm(has_many = "super::runs::Entity")]
    Runs,
    #[sea_orm(has_many = "super::job_tests::Entity")]
    JobTests,
    #[sea_orm(has_many = "super::job_notification_settings::Entity")]
    JobNotificationSettings,
    #[sea_orm(has_many = "super::k6_performance_runs::Entity")]
    K6PerformanceRuns,
    #[sea_orm(has_many = "super::alert_history::Entity")]
    AlertHistory,
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

impl Related<super::runs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Runs.def()
    }
}

impl Related<super::job_tests::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::JobTests.def()
    }
}

impl Related<super::job_notification_settings::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::JobNotificationSettings.def()
    }
}

impl Related<super::k6_performance_runs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::K6PerformanceRuns.def()
    }
}

impl Related<super::alert_history::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AlertHistory.def()
    }
}

/// Tests through `job_tests`.
impl Related<super::tests::Entity> for Entity {
    fn to() -> RelationDef {
        super::job_tests::Relation::Test.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::job_tests::Relation::Job.def().rev())
    }
}

/// Notification providers through `job_notification_settings`.
impl Related<super::notification_providers::Entity> for Entity {
    fn to() -> RelationDef {
        super::job_notification_settings::Relation::NotificationProvider.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::job_notification_settings::Relation::Job.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
