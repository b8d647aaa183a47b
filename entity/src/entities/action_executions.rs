//! `action_executions`: one run of an action for one trigger, retried with backoff (`attempt`
//! counts the tries). Workers claim due rows (`status`, `next_attempt_at`) with a lease
//! (`claimed_by`, `claimed_until`) that another replica takes over once it expires.

use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum ActionExecutionStatus {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "RUNNING")]
    Running,
    #[sea_orm(string_value = "SUCCESS")]
    Success,
    #[sea_orm(string_value = "FAILED")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "action_executions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub action_id: Uuid,
    pub callback_id: Uuid,
    /// The trigger (log row) that caused this execution.
    pub callback_log_id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub status: ActionExecutionStatus,
    /// Attempts made so far.
    pub attempt: i32,
    /// What the outside service answered.
    pub response: Option<Json>,
    pub error: Option<String>,
    pub duration_ms: Option<i32>,
    /// When the next attempt is due (retry backoff); null once finished.
    pub next_attempt_at: Option<DateTimeUtc>,
    /// The worker holding the lease.
    pub claimed_by: Option<String>,
    /// When the lease expires.
    pub claimed_until: Option<DateTimeUtc>,
    /// Position of the action's group in the pipeline: a step runs when every earlier step of
    /// the same trigger has finished.
    pub step: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::actions::Entity",
        from = "Column::ActionId",
        to = "super::actions::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Action,
    #[sea_orm(
        belongs_to = "super::callbacks::Entity",
        from = "Column::CallbackId",
        to = "super::callbacks::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Callback,
    #[sea_orm(
        belongs_to = "super::callback_logs::Entity",
        from = "Column::CallbackLogId",
        to = "super::callback_logs::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    CallbackLog,
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

impl Related<super::actions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Action.def()
    }
}

impl Related<super::callbacks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Callback.def()
    }
}

impl Related<super::callback_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CallbackLog.def()
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
