//! `tests`: a Playwright script (browser, API, database, custom) or a k6 script (performance),
//! run on its own or as part of jobs and synthetic monitors.

use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum TestPriority {
    #[sea_orm(string_value = "low")]
    Low,
    #[sea_orm(string_value = "medium")]
    Medium,
    #[sea_orm(string_value = "high")]
    High,
}

/// What a test exercises; `performance` tests are k6 scripts, the others Playwright.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum TestType {
    #[sea_orm(string_value = "browser")]
    Browser,
    #[sea_orm(string_value = "api")]
    Api,
    #[sea_orm(string_value = "database")]
    Database,
    #[sea_orm(string_value = "custom")]
    Custom,
    #[sea_orm(string_value = "performance")]
    Performance,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub created_by_user_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    /// The script source.
    pub script: String,
    pub priority: TestPriority,
    pub r#type: TestType,
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
    #[sea_orm(has_many = "super::job_tests::Entity")]
    JobTests,
    #[sea_orm(has_many = "super::test_tags::Entity")]
    TestTags,
    #[sea_orm(has_many = "super::k6_performance_runs::Entity")]
    K6PerformanceRuns,
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

impl Related<super::job_tests::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::JobTests.def()
    }
}

impl Related<super::test_tags::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestTags.def()
    }
}

impl Related<super::k6_performance_runs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::K6PerformanceRuns.def()
    }
}

/// Jobs through `job_tests`.
impl Related<super::jobs::Entity> for Entity {
    fn to() -> RelationDef {
        super::job_tests::Relation::Job.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::job_tests::Relation::Test.def().rev())
    }
}

/// Tags through `test_tags`.
impl Related<super::tags::Entity> for Entity {
    fn to() -> RelationDef {
        super::test_tags::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::test_tags::Relation::Test.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
