//! `usage_notifications`: usage and spending-limit notices sent to an organization, so each
//! threshold is announced once per billing period.

use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum UsageNotificationType {
    #[sea_orm(string_value = "usage_50_percent")]
    Usage50Percent,
    #[sea_orm(string_value = "usage_80_percent")]
    Usage80Percent,
    #[sea_orm(string_value = "usage_90_percent")]
    Usage90Percent,
    #[sea_orm(string_value = "usage_100_percent")]
    Usage100Percent,
    #[sea_orm(string_value = "spending_limit_warning")]
    SpendingLimitWarning,
    #[sea_orm(string_value = "spending_limit_reached")]
    SpendingLimitReached,
    #[sea_orm(string_value = "billing_period_reset")]
    BillingPeriodReset,
}

/// The quota the notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum UsageResourceType {
    #[sea_orm(string_value = "playwright")]
    Playwright,
    #[sea_orm(string_value = "k6")]
    K6,
    #[sea_orm(string_value = "ai")]
    Ai,
    #[sea_orm(string_value = "combined")]
    Combined,
    #[sea_orm(string_value = "spending")]
    Spending,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum DeliveryStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "sent")]
    Sent,
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "usage_notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub notification_type: UsageNotificationType,
    pub resource_type: UsageResourceType,
    /// Units used when the notice was made.
    pub usage_amount: f64,
    /// Units included in the plan.
    pub usage_limit: f64,
    pub usage_percentage: i32,
    pub current_spending_cents: Option<i32>,
    pub spending_limit_cents: Option<i32>,
    /// JSON array of the recipient emails.
    pub sent_to: Json,
    pub delivery_status: DeliveryStatus,
    pub delivery_error: Option<String>,
    pub billing_period_start: DateTimeUtc,
    pub billing_period_end: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
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
