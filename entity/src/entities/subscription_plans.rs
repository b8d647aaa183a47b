//! `subscription_plans`: the priced plans of seed 001, with their trigger and timeout limits,
//! the limits they grant (`plan_limits_id`) and what sells them (a Stripe price, a Polar
//! product).

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
    /// The Stripe price that sells this plan; webhooks match subscriptions to plans by it.
    #[sea_orm(unique)]
    pub stripe_price_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The `plan_limits` row this plan grants (migration 11; the seeded plans carry the limits
    /// of the same name).
    pub plan_limits_id: Option<Uuid>,
    /// The Polar product that sells this plan; webhooks match subscriptions to plans by it.
    #[sea_orm(unique)]
    pub polar_product_id: Option<String>,
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
