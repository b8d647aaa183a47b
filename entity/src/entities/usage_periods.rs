//! `usage_periods`: an organization's closed billing periods, kept for invoices: what each
//! meter counted, the plan, and the overage it came to. One row per organization and period
//! start, written by the rollover job.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "usage_periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub period_start: DateTimeUtc,
    pub period_end: DateTimeUtc,
    /// The organization's plan when the period closed.
    pub plan: String,
    pub playwright_minutes: i64,
    pub k6_vu_minutes: i64,
    pub monitor_checks: i64,
    pub callback_triggers: i64,
    pub ai_credits: i64,
    /// Overage beyond the plan's included amounts, at the plan's overage prices.
    pub overage_cents: i64,
    pub closed_at: DateTimeUtc,
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
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
