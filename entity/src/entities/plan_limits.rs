//! `plan_limits`: the quotas and features of each billing plan, one row per plan.

use sea_orm::entity::prelude::*;

/// The billing plans of seed 000. `unlimited` is what a self-hosted deployment gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum BillingPlan {
    #[sea_orm(string_value = "free")]
    Free,
    #[sea_orm(string_value = "plus")]
    Plus,
    #[sea_orm(string_value = "pro")]
    Pro,
    #[sea_orm(string_value = "unlimited")]
    Unlimited,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_limits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub plan: BillingPlan,
    pub max_monitors: i32,
    /// Shortest check interval a monitor may use, in minutes.
    pub min_check_interval_minutes: i32,
    /// Playwright minutes included per billing period before overage.
    pub playwright_minutes_included: i32,
    /// k6 virtual-user minutes included per billing period before overage.
    pub k6_vu_minutes_included: i32,
    pub ai_credits_included: i32,
    /// Runs that may execute at the same time.
    pub running_capacity: i32,
    /// Runs that may wait in the queue.
    pub queued_capacity: i32,
    pub max_team_members: i32,
    pub max_organizations: i32,
    pub max_projects: i32,
    pub max_status_pages: i32,
    pub custom_domains: bool,
    pub sso_enabled: bool,
    /// How long raw monitor results are kept.
    pub data_retention_days: i32,
    /// How long hourly and daily monitor aggregates are kept.
    pub aggregated_data_retention_days: i32,
    /// How long job runs and their artifacts are kept.
    pub job_data_retention_days: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
