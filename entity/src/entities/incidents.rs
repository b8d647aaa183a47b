//! `incidents`: an incident or a scheduled maintenance on a status page. Incidents move through
//! investigating → identified → monitoring → resolved; maintenances through scheduled →
//! in_progress → verifying → completed. Each step is also recorded in `incident_updates`.

use sea_orm::entity::prelude::*;

/// Status of an incident (first four) or of a scheduled maintenance (last four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum IncidentStatus {
    #[sea_orm(string_value = "investigating")]
    Investigating,
    #[sea_orm(string_value = "identified")]
    Identified,
    #[sea_orm(string_value = "monitoring")]
    Monitoring,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "scheduled")]
    Scheduled,
    #[sea_orm(string_value = "in_progress")]
    InProgress,
    #[sea_orm(string_value = "verifying")]
    Verifying,
    #[sea_orm(string_value = "completed")]
    Completed,
}

/// How badly an incident affects users, least first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum IncidentImpact {
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "minor")]
    Minor,
    #[sea_orm(string_value = "major")]
    Major,
    #[sea_orm(string_value = "critical")]
    Critical,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub status_page_id: Uuid,
    pub created_by_user_id: Option<Uuid>,
    pub name: String,
    pub status: IncidentStatus,
    /// Impact derived from the affected components.
    pub impact: IncidentImpact,
    /// Impact set by hand; wins over `impact` when present.
    pub impact_override: Option<IncidentImpact>,
    pub body: Option<String>,
    /// Start of a scheduled maintenance.
    pub scheduled_for: Option<DateTimeUtc>,
    /// End of a scheduled maintenance.
    pub scheduled_until: Option<DateTimeUtc>,
    /// Remind subscribers before the maintenance starts (see `reminder_intervals`).
    pub scheduled_remind_prior: bool,
    /// At `scheduled_for`, set the affected components to `under_maintenance`.
    pub auto_transition_to_maintenance_state: bool,
    /// At `scheduled_until`, set the affected components back to `operational`.
    pub auto_transition_to_operational_state: bool,
    /// At `scheduled_for`, move the maintenance to `in_progress`.
    pub scheduled_auto_in_progress: bool,
    /// At `scheduled_until`, move the maintenance to `completed`.
    pub scheduled_auto_completed: bool,
    pub auto_transition_deliver_notifications_at_start: bool,
    pub auto_transition_deliver_notifications_at_end: bool,
    /// Hours before `scheduled_for` at which reminders go out, e.g. `[3, 6, 12, 24]`.
    pub reminder_intervals: Option<String>,
    pub metadata: Option<Json>,
    /// Notify subscribers of this incident's creation.
    pub deliver_notifications: bool,
    /// When a backfilled (entered after the fact) incident actually happened.
    pub backfill_date: Option<DateTimeUtc>,
    pub backfilled: bool,
    pub monitoring_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    /// The incident's short code, unique: the public page serves it at
    /// `/status/{subdomain}/i/{shortlink}`.
    pub shortlink: Option<String>,
    /// When the maintenance scheduler next has something to do with this maintenance (a
    /// reminder, its start, its end); null when nothing.
    pub next_run_at: Option<DateTimeUtc>,
    /// The lease of the scheduler instance working on this row (`db::claim`).
    pub claimed_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::status_pages::Entity",
        from = "Column::StatusPageId",
        to = "super::status_pages::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    StatusPage,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::CreatedByUserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::incident_updates::Entity")]
    Updates,
    #[sea_orm(has_many = "super::incident_components::Entity")]
    Components,
    #[sea_orm(has_many = "super::status_page_incident_subscriptions::Entity")]
    Subscriptions,
    #[sea_orm(has_one = "super::postmortems::Entity")]
    Postmortem,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusPage.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl Related<super::incident_updates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Updates.def()
    }
}

impl Related<super::incident_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Components.def()
    }
}

impl Related<super::status_page_incident_subscriptions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Subscriptions.def()
    }
}

impl Related<super::postmortems::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Postmortem.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
