//! `subscription_plans`: the priced plans of seed 001, with their trigger and timeout limits and
//! their Stripe price.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "subscription_plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub description: Option<String>,
    /// Price per `interval`, in `currency` units.
    pub price: f64,
    pub currency: String,
    /// `month` or `year`.
    pub interval: String,
    /// Callback triggers allowed per month.
    pub max_triggers: i32,
    /// Longest `timeout_duration` a callback may use, in seconds.
    pub max_timeout_duration: i32,
    /// JSON array of feature strings shown on the pricing page.
    pub features: Json,
    pub is_active: bool,
    #[sea_orm(unique)]
    pub stripe_price_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::subscriptions::Entity")]
    Subscriptions,
    #[sea_orm(has_many = "super::rate_limits::Entity")]
    RateLimits,
}

impl Related<super::subscriptions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Subscriptions.def()
    }
}

impl Related<super::rate_limits::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::RateLimits.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
