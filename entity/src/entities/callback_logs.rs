//! `callback_logs`: one trigger of a callback (seed 001's Log): what came in, what the target
//! answered and how long it took. The request is kept so the trigger can be replayed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callback_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// What happened: `triggered`, `cache_hit`, `rate_limited`, `timeout`, `error`, ...
    pub event: String,
    /// Free-form details (the seed's JSON string).
    pub details: Option<String>,
    pub callback_id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub created_at: DateTimeUtc,
    /// Time until `callback_url` answered, in milliseconds.
    pub response_time: Option<i32>,
    /// HTTP status `callback_url` answered with.
    pub status_code: Option<i32>,
    pub success: bool,
    /// The incoming request, kept for replay: `{method, path, query, headers, body}`.
    pub request: Option<Json>,
    /// The log row this trigger replays, when it is a replay.
    pub replay_of: Option<Uuid>,
    /// What the callback URL answered to a forwarded trigger: `{contentType, body,
    /// bodyBase64, bodyTruncated, bodyBytes}`, the body a bounded prefix.
    pub response: Option<Json>,
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
        belongs_to = "Entity",
        from = "Column::ReplayOf",
        to = "Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    ReplayOf,
    #[sea_orm(has_many = "super::action_executions::Entity")]
    ActionExecutions,
}

impl Related<super::callbacks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Callback.def()
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

/// Follows `replay_of` from a replay to the log row it replays (a self reference, so a
/// [`Linked`] rather than a `Related`).
#[derive(Debug)]
pub struct ReplayOfLink;

impl Linked for ReplayOfLink {
    type FromEntity = Entity;
    type ToEntity = Entity;

    fn link(&self) -> Vec<RelationDef> {
        vec![Relation::ReplayOf.def()]
    }
}

impl ActiveModelBehavior for ActiveModel {}
