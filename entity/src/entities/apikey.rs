//! `apikey`: API keys (seed 000's apikey merged with seed 001's ApiKey). The key itself is shown
//! once; only its hex SHA-256 is stored in `key`. `start` is its first characters, for display.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "apikey")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub start: String,
    pub prefix: String,
    /// Hex SHA-256 of the key.
    #[sea_orm(unique)]
    pub key: String,
    pub user_id: Uuid,
    /// When set, the key may only trigger and read this job.
    pub job_id: Option<Uuid>,
    /// When set, the key only reaches this project.
    pub project_id: Option<Uuid>,
    pub refill_interval: Option<i64>,
    pub refill_amount: Option<i64>,
    pub last_refill_at: Option<DateTimeUtc>,
    pub enabled: bool,
    pub rate_limit_enabled: bool,
    /// Window length in milliseconds.
    pub rate_limit_time_window: Option<i64>,
    pub rate_limit_max: Option<i64>,
    /// Requests made with this key, ever.
    pub request_count: i64,
    pub remaining: Option<i64>,
    pub last_request: Option<DateTimeUtc>,
    /// Start of the current rate-limit window.
    pub window_started_at: Option<DateTimeUtc>,
    /// Requests in the current rate-limit window.
    pub window_count: i64,
    pub expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// `{"access": "read" | "write" | "admin"}`.
    pub permissions: Json,
    pub metadata: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::projects::Entity",
        from = "Column::ProjectId",
        to = "super::projects::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::jobs::Entity",
        from = "Column::JobId",
        to = "super::jobs::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Job,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
