//! `k6_performance_runs`: the metrics of one k6 execution, from its summary, attached to a run.

use sea_orm::entity::prelude::*;

pub use super::runs::RunStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "k6_performance_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The k6 test; kept as null when the test is deleted.
    pub test_id: Option<Uuid>,
    /// The job, when run as part of one.
    pub job_id: Option<Uuid>,
    pub run_id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    /// Location that ran it.
    pub location: Option<String>,
    pub status: RunStatus,
    pub started_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    pub duration_ms: Option<i32>,
    /// k6's `summary.json`.
    pub summary_json: Option<Json>,
    /// Whether every k6 threshold passed; null when k6 did not finish.
    pub thresholds_passed: Option<bool>,
    pub total_requests: Option<i32>,
    pub failed_requests: Option<i32>,
    /// Requests per second times 100.
    pub request_rate: Option<i32>,
    pub avg_response_time_ms: Option<i32>,
    pub p95_response_time_ms: Option<i32>,
    pub p99_response_time_ms: Option<i32>,
    /// Storage keys or URLs of the HTML report, the summary and the full console log.
    pub report_s3_url: Option<String>,
    pub summary_s3_url: Option<String>,
    pub console_s3_url: Option<String>,
    pub error_details: Option<String>,
    /// Console output, truncated (the full output is at `console_s3_url`).
    pub console_output: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::tests::Entity",
        from = "Column::TestId",
        to = "super::tests::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Test,
    #[sea_orm(
        belongs_to = "super::jobs::Entity",
        from = "Column::JobId",
        to = "super::jobs::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Job,
    #[sea_orm(
        belongs_to = "super::runs::Entity",
        from = "Column::RunId",
        to = "super::runs::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Run,
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
}

impl Related<super::tests::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Test.def()
    }
}

impl Related<super::jobs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Job.def()
    }
}

impl Related<super::runs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Run.def()
    }
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

impl ActiveModelBehavior for ActiveModel {}
