//! `organization`: the tenant and billing unit.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    #[sea_orm(unique)]
    pub slug: String,
    pub logo: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub metadata: Option<Json>,
    pub polar_customer_id: Option<String>,
    pub subscription_plan: Option<String>,
    pub subscription_status: Option<String>,
    pub subscription_id: Option<String>,
    pub subscription_started_at: Option<DateTimeUtc>,
    pub subscription_ends_at: Option<DateTimeUtc>,
    pub playwright_minutes_used: i32,
    pub k6_vu_minutes_used: i32,
    pub ai_credits_used: i32,
    pub usage_period_start: Option<DateTimeUtc>,
    pub usage_period_end: Option<DateTimeUtc>,
    /// Monitor checks recorded in the current usage period.
    pub monitor_checks_used: i64,
    /// Webhook callback triggers admitted in the current usage period.
    pub callback_triggers_used: i64,
    /// Lease of the job rolling the usage period over (the claim queue).
    pub usage_rollover_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::member::Entity")]
    Member,
    #[sea_orm(has_many = "super::invitation::Entity")]
    Invitation,
    #[sea_orm(has_many = "super::projects::Entity")]
    Projects,
    #[sea_orm(has_many = "super::audit_logs::Entity")]
    AuditLogs,
    #[sea_orm(has_many = "super::tags::Entity")]
    Tags,
}

impl Related<super::member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Member.def()
    }
}

impl Related<super::invitation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Invitation.def()
    }
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Projects.def()
    }
}

impl Related<super::audit_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AuditLogs.def()
    }
}

impl Related<super::tags::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Tags.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
