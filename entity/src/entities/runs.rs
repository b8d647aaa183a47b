//! `runs`: one execution of a job (or of a single test, then without a job). Queued rows are
//! claimed by workers with an expiring lease; status and logs stream to subscribers.

use sea_orm::entity::prelude::*;

/// The state of a run (also used by `k6_performance_runs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum RunStatus {
    #[sea_orm(string_value = "queued")]
    Queued,
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "passed")]
    Passed,
    #[sea_orm(string_value = "failed")]
    Failed,
    #[sea_orm(string_value = "error")]
    Error,
    #[sea_orm(string_value = "timed_out")]
    TimedOut,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// What started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum RunTrigger {
    /// A user, from the UI or the API with a session.
    #[sea_orm(string_value = "manual")]
    Manual,
    /// An API key (CI/CD).
    #[sea_orm(string_value = "remote")]
    Remote,
    /// The job's cron schedule.
    #[sea_orm(string_value = "schedule")]
    Schedule,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The job run; none for a single test run outside a job (see `metadata`).
    pub job_id: Option<Uuid>,
    pub project_id: Uuid,
    pub organization_id: Uuid,
    pub status: RunStatus,
    /// Human-readable duration, e.g. `1m 12s`.
    pub duration: Option<String>,
    pub duration_ms: Option<i32>,
    pub started_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    /// Storage keys or URLs of the artifacts.
    pub report_s3_url: Option<String>,
    pub logs_s3_url: Option<String>,
    pub video_s3_url: Option<String>,
    pub screenshots_s3_path: Option<String>,
    /// Other artifacts: `{"trace": ..., "summary": ...}`.
    pub artifact_paths: Option<Json>,
    /// Console output (truncated; the full log is in storage).
    pub logs: Option<String>,
    /// Location that ran it (k6 runs may choose one).
    pub location: Option<String>,
    /// Test ids, variables used, triggering key, ...
    pub metadata: Option<Json>,
    pub error_details: Option<String>,
    pub trigger: RunTrigger,
    /// The replica running it.
    pub claimed_by: Option<String>,
    /// Lease expiry; an expired lease makes the run claimable again.
    pub claimed_until: Option<DateTimeUtc>,
    /// How many times a worker has claimed it.
    pub attempt: i32,
    /// Exit code of the Playwright or k6 process.
    pub exit_code: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set by `cancelRun` on a running run; the replica running it kills its processes.
    pub cancel_requested: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::jobs::Entity",
        from = "Column::JobId",
        to = "super::jobs::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Job,
    #[sea_orm(
        belongs_to = "super::projects::Entity",
        from = "Column::ProjectId",
        to = "super::projects::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Organization,
    #[sea_orm(has_many = "super::k6_performance_runs::Entity")]
    K6PerformanceRuns,
}

impl Related<super::jobs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Job.def()
    }
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl Related<super::k6_performance_runs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::K6PerformanceRuns.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
