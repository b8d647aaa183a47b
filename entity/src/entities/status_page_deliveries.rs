//! `status_page_deliveries`: one message to one status page subscriber (a confirmation, an
//! incident's news, a maintenance reminder, a postmortem), queued in the transaction that
//! caused it, delivered under a lease with retries, and kept as the record of what was sent.
//! Not in the seeds.

use sea_orm::entity::prelude::*;

/// Where a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum DeliveryStatus {
    /// Waiting for its (next) attempt at `next_attempt_at`.
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Given up: a permanent failure, or the last retry failed.
    #[sea_orm(string_value = "failed")]
    Failed,
    /// Not sent: the subscriber was quarantined or unconfirmed by the time it was due.
    #[sea_orm(string_value = "skipped")]
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_page_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub status_page_id: Uuid,
    pub subscriber_id: Uuid,
    /// The incident or maintenance it is about (no foreign key: the record outlives it).
    pub incident_id: Option<Uuid>,
    /// What it says: `subscriber.confirm`, `incident.created`, `incident.updated`,
    /// `maintenance.reminder`, `postmortem.published`.
    pub kind: String,
    pub status: DeliveryStatus,
    /// The message, rendered when queued (title, text, link, data); the unsubscribe link is
    /// added when it is sent, so that no token is kept here.
    pub payload: Json,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    /// Lease of the worker delivering it.
    pub claimed_until: Option<DateTimeUtc>,
    pub error_message: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
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
        belongs_to = "super::status_page_subscribers::Entity",
        from = "Column::SubscriberId",
        to = "super::status_page_subscribers::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Subscriber,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusPage.def()
    }
}

impl Related<super::status_page_subscribers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Subscriber.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
