//! `stored_payloads`: trigger payloads kept by STORE actions, readable by the project through
//! the API. Not in the seeds: it is where the seed's STORE action stores.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stored_payloads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub callback_id: Uuid,
    pub action_id: Option<Uuid>,
    pub callback_log_id: Option<Uuid>,
    /// An optional key rendered from the action's template, for looking payloads up.
    pub key: Option<String>,
    pub payload: Json,
    pub created_at: DateTimeUtc,
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
        belongs_to = "super::callbacks::Entity",
        from = "Column::CallbackId",
        to = "super::callbacks::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Callback,
    #[sea_orm(
        belongs_to = "super::actions::Entity",
        from = "Column::ActionId",
        to = "super::actions::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Action,
    #[sea_orm(
        belongs_to = "super::callback_logs::Entity",
        from = "Column::CallbackLogId",
        to = "super::callback_logs::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    CallbackLog,
}

impl Related<super::callbacks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Callback.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
