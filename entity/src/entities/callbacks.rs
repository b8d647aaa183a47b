//! `callbacks`: a webhook trigger. A request to `/t/{trigger_token}` or to its custom path is
//! forwarded to `callback_url`, logged, and then runs the callback's actions.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callbacks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// Where a trigger is forwarded.
    pub callback_url: String,
    /// Inactive callbacks refuse triggers.
    pub active_status: bool,
    /// The public token of `/t/{trigger_token}`; generated when the callback is created.
    #[sea_orm(unique)]
    pub trigger_token: Option<String>,
    /// An alternative public path, unique across the instance.
    #[sea_orm(unique)]
    pub custom_path: Option<String>,
    pub user_id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    /// How long to wait for `callback_url`, in milliseconds.
    pub timeout_duration: i32,
    /// How long a response is cached and replayed, in seconds; 0 disables caching.
    pub cache_period: i32,
    /// The signature triggers must carry (`server/src/callback/verify.rs`), its secret sealed;
    /// null when none is required.
    pub signature: Option<Json>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    #[sea_orm(has_many = "super::callback_logs::Entity")]
    CallbackLogs,
    #[sea_orm(has_many = "super::actions::Entity")]
    Actions,
    #[sea_orm(has_many = "super::action_executions::Entity")]
    ActionExecutions,
    #[sea_orm(has_many = "super::rate_limit_logs::Entity")]
    RateLimitLogs,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
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

impl Related<super::callback_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CallbackLogs.def()
    }
}

impl Related<super::actions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Actions.def()
    }
}

impl Related<super::action_executions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ActionExecutions.def()
    }
}

impl Related<super::rate_limit_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::RateLimitLogs.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
