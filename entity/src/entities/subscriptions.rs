//! `subscriptions`: an organization's paid subscription to a plan (seed 001's Subscription,
//! moved from the user to the organization, the billing unit), through Stripe or Polar.

use sea_orm::entity::prelude::*;

/// The payment provider that bills the subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum SubscriptionProvider {
    #[sea_orm(string_value = "stripe")]
    Stripe,
    #[sea_orm(string_value = "polar")]
    Polar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum SubscriptionStatus {
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "INACTIVE")]
    Inactive,
    #[sea_orm(string_value = "CANCELLED")]
    Cancelled,
    #[sea_orm(string_value = "PAST_DUE")]
    PastDue,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscriptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// One subscription per organization.
    #[sea_orm(unique)]
    pub organization_id: Uuid,
    /// The user who subscribed.
    pub user_id: Option<Uuid>,
    pub plan_id: Uuid,
    pub provider: SubscriptionProvider,
    #[sea_orm(unique)]
    pub stripe_customer_id: Option<String>,
    #[sea_orm(unique)]
    pub stripe_subscription_id: Option<String>,
    pub polar_customer_id: Option<String>,
    #[sea_orm(unique)]
    pub polar_subscription_id: Option<String>,
    pub status: SubscriptionStatus,
    pub current_period_start: Option<DateTimeUtc>,
    pub current_period_end: Option<DateTimeUtc>,
    /// The subscription ends at `current_period_end` instead of renewing.
    pub cancel_at_period_end: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When the last provider event applied to this subscription was created (the provider's
    /// time): an event created before it arrived late and changes nothing.
    pub last_event_at: Option<DateTimeUtc>,
    /// Since when payment has failed (`PAST_DUE`); the plan is kept for the grace period
    /// counted from here.
    pub past_due_since: Option<DateTimeUtc>,
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
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::subscription_plans::Entity",
        from = "Column::PlanId",
        to = "super::subscription_plans::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Plan,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::subscription_plans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Plan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
