//! `webhook_idempotency`: billing webhooks (Stripe, Polar) already processed, so a redelivery
//! changes nothing. Rows expire and are cleaned up after `expires_at`.

use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum WebhookResultStatus {
    #[sea_orm(string_value = "success")]
    Success,
    #[sea_orm(string_value = "error")]
    Error,
    #[sea_orm(string_value = "skipped")]
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_idempotency")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The provider's delivery id (Stripe event id, Standard Webhooks `webhook-id`).
    #[sea_orm(unique)]
    pub webhook_id: String,
    /// The provider's event type, e.g. `customer.subscription.updated`.
    pub event_type: String,
    pub processed_at: DateTimeUtc,
    pub result_status: Option<WebhookResultStatus>,
    pub result_message: Option<String>,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
