//! `overage_pricing`: what each plan pays per unit used beyond its included quota.

use sea_orm::entity::prelude::*;

pub use super::plan_limits::BillingPlan;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "overage_pricing")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub plan: BillingPlan,
    /// Cents per Playwright minute (10 = $0.10).
    pub playwright_minute_price_cents: i32,
    /// Cents per k6 virtual-user minute.
    pub k6_vu_minute_price_cents: i32,
    /// Cents per AI credit.
    pub ai_credit_price_cents: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
