//! `actions`: a step a callback runs after each trigger (post to a URL, Slack, email, SMS,
//! Discord, store, queue). Actions run in `order`; consecutive ones marked `parallel` run together.

use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum ActionType {
    #[sea_orm(string_value = "HTTP_POST")]
    HttpPost,
    #[sea_orm(string_value = "SLACK")]
    Slack,
    #[sea_orm(string_value = "EMAIL")]
    Email,
    #[sea_orm(string_value = "SMS")]
    Sms,
    #[sea_orm(string_value = "STORE")]
    Store,
    #[sea_orm(string_value = "QUEUE")]
    Queue,
    #[sea_orm(string_value = "DISCORD")]
    Discord,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub callback_id: Uuid,
    pub user_id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub r#type: ActionType,
    /// Type-specific settings: URL, headers, template, recipients, credential id, ...
    pub config: Json,
    pub enabled: bool,
    /// Position in the callback's pipeline, lowest first.
    pub order: i32,
    /// Runs together with the neighbouring parallel actions instead of after them.
    pub parallel: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::callbacks::Entity",
        from = "Column::CallbackId",
        to = "super::callbacks::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Callback,
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
    #[sea_orm(has_many = "super::action_executions::Entity")]
    ActionExecutions,
}

impl Related<super::callbacks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Callback.def()
    }
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

impl Related<super::action_executions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ActionExecutions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
