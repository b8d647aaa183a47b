//! `billing_settings`: an organization's spending limit and usage-notification preferences.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "billing_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub organization_id: Uuid,
    /// Monthly overage spending cap in cents; null means no limit.
    pub monthly_spending_limit_cents: Option<i32>,
    pub enable_spending_limit: bool,
    /// Block further usage at the limit instead of only warning.
    pub hard_stop_on_limit: bool,
    pub notify_at_50_percent: bool,
    pub notify_at_80_percent: bool,
    pub notify_at_90_percent: bool,
    pub notify_at_100_percent: bool,
    /// JSON array of recipient emails; null means the organization's owners and admins.
    pub notification_emails: Option<Json>,
    pub last_notification_sent_at: Option<DateTimeUtc>,
    /// JSON array of the thresholds already notified in the current billing period.
    pub notifications_sent_this_period: Option<Json>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
