//! `status_page_subscribers`: someone who receives a status page's updates by email, SMS, webhook
//! or Slack. Without component or incident subscriptions they receive every update of the page.

use sea_orm::entity::prelude::*;

/// The channel a subscriber is reached on; it decides which of `email`, `phone_number` and
/// `endpoint` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum SubscriberMode {
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "sms")]
    Sms,
    #[sea_orm(string_value = "webhook")]
    Webhook,
    #[sea_orm(string_value = "slack")]
    Slack,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_page_subscribers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub status_page_id: Uuid,
    /// Set for `email` subscribers.
    pub email: Option<String>,
    /// Set for `sms` subscribers: the number in E.164 form (`+14155550123`).
    pub phone_number: Option<String>,
    /// ISO 3166-1 alpha-2 country of `phone_number`.
    pub phone_country: Option<String>,
    /// Set for `webhook` and `slack` subscribers: the URL posted to.
    pub endpoint: Option<String>,
    pub mode: SubscriberMode,
    /// Subscribed by an editor: no confirmation message is sent.
    pub skip_confirmation_notification: bool,
    /// Deliveries failed repeatedly; nothing is sent until cleared.
    pub quarantined_at: Option<DateTimeUtc>,
    /// When an unconfirmed or quarantined subscriber is deleted.
    pub purge_at: Option<DateTimeUtc>,
    /// Confirmation of the subscription; nothing but the confirmation is sent before it.
    pub verified_at: Option<DateTimeUtc>,
    /// Token of the confirmation link, sealed with the master key; kept once verified, so
    /// that a second click is told the subscription is confirmed already.
    #[sea_orm(unique)]
    pub verification_token: Option<String>,
    /// Token of the unsubscribe link in every message, sealed with the master key.
    #[sea_orm(unique)]
    pub unsubscribe_token: Option<String>,
    /// The signing secret of a `webhook` subscriber, sealed with the master key.
    pub signing_secret: Option<String>,
    /// Deliveries that failed in a row; the subscriber is quarantined at a bound.
    pub failed_deliveries: i32,
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
    #[sea_orm(has_many = "super::status_page_component_subscriptions::Entity")]
    ComponentSubscriptions,
    #[sea_orm(has_many = "super::status_page_incident_subscriptions::Entity")]
    IncidentSubscriptions,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusPage.def()
    }
}

impl Related<super::status_page_component_subscriptions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ComponentSubscriptions.def()
    }
}

impl Related<super::status_page_incident_subscriptions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IncidentSubscriptions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
