//! `queue_messages`: messages appended by QUEUE actions to a named project queue, which
//! clients pull (with a visibility lease) and acknowledge through the API. Not in the seeds.

use sea_orm::entity::prelude::*;

/// Where a message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum QueueMessageStatus {
    /// Waiting to be pulled (or its lease expired).
    #[sea_orm(string_value = "ready")]
    Ready,
    /// Pulled and not yet acknowledged.
    #[sea_orm(string_value = "leased")]
    Leased,
    #[sea_orm(string_value = "acked")]
    Acked,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "queue_messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub queue: String,
    pub payload: Json,
    pub status: QueueMessageStatus,
    /// Until when a pulled message stays invisible to other pullers.
    pub lease_until: Option<DateTimeUtc>,
    /// How many times it was pulled.
    pub deliveries: i32,
    pub callback_id: Option<Uuid>,
    pub action_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub acked_at: Option<DateTimeUtc>,
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
        on_delete = "SetNull"
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
}

impl ActiveModelBehavior for ActiveModel {}
