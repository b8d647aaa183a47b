//! Billing: plans (every signed-in user reads them, system administrators manage them), an
//! organization's plan and subscription, and the checkout and portal links of Stripe and Polar
//! (organization owners and admins, cloud mode); usage per billing period (members) and the
//! spending limit (owners and admins).

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Enum, ID, InputObject, MaybeUndefined, Object};
use chrono::{DateTime, Utc};
use entity::{organization, plan_limits, subscriptions};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::billing::{checkout, plans, spending, usage};
use crate::error::AppError;
use crate::graphql::context::CtxExt;
use crate::graphql::organization::Organization;
use crate::validate;

/// The limits a plan grants (one set per tier).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::plan_limits::BillingPlan")]
pub enum PlanTier {
    Free,
    Plus,
    Pro,
    Unlimited,
}

/// How often a plan is paid.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum PlanInterval {
    Month,
    Year,
}

impl From<PlanInterval> for plans::Interval {
    fn from(interval: PlanInterval) -> Self {
        match interval {
            PlanInterval::Month => plans::Interval::Month,
            PlanInterval::Year => plans::Interval::Year,
        }
    }
}

/// A priced plan and the limits it grants.
pub struct Plan(pub plans::Plan);

#[Object]
impl Plan {
    async fn id(&self) -> ID {
        ID(self.0.plan.id.to_string())
    }
    /// The name organizations on the plan carry (`free`, `pro`, …).
    async fn name(&self) -> &str {
        &self.0.plan.name
    }
    async fn description(&self) -> Option<&str> {
        self.0.plan.description.as_deref()
    }
    /// Price per interval, in `currency` units.
    async fn price(&self) -> f64 {
        self.0.plan.price
    }
    /// ISO 4217 code, e.g. `USD`.
    async fn currency(&self) -> &str {
        &self.0.plan.currency
    }
    async fn interval(&self) -> PlanInterval {
        match self.0.plan.interval.as_str() {
            "year" => PlanInterval::Year,
            _ => PlanInterval::Month,
        }
    }
    /// What the pricing page lists.
    async fn features(&self) -> Vec<String> {
        serde_json::from_value(self.0.plan.features.clone()).unwrap_or_default()
    }
    /// Whether it can be bought (retired plans stay on the organizations that have them).
    async fn is_active(&self) -> bool {
        self.0.plan.is_active
    }
    /// The Stripe price that sells it; webhooks match subscriptions to plans by it.
    async fn stripe_price_id(&self) -> Option<&str> {
        self.0.plan.stripe_price_id.as_deref()
    }
    /// The Polar product that sells it; webhooks match subscriptions to plans by it.
    async fn polar_product_id(&self) -> Option<&str> {
        self.0.plan.polar_product_id.as_deref()
    }
    /// Webhook callback triggers allowed per month.
    async fn max_triggers(&self) -> i32 {
        self.0.plan.max_triggers
    }
    /// Longest timeout a callback may use, in seconds.
    async fn max_timeout_duration(&self) -> i32 {
        self.0.plan.max_timeout_duration
    }
    async fn limits(&self) -> PlanLimits<'_> {
        PlanLimits(&self.0.limits)
    }
}

/// Quotas and features of a plan.
pub struct PlanLimits<'a>(&'a plan_limits::Model);

#[Object]
impl PlanLimits<'_> {
    async fn tier(&self) -> PlanTier {
        self.0.plan.into()
    }
    async fn max_monitors(&self) -> i32 {
        self.0.max_monitors
    }
    /// Shortest check interval a monitor may use, in minutes.
    async fn min_check_interval_minutes(&self) -> i32 {
        self.0.min_check_interval_minutes
    }
    /// Playwright minutes included per billing period.
    async fn playwright_minutes_included(&self) -> i32 {
        self.0.playwright_minutes_included
    }
    /// k6 virtual-user minutes included per billing period.
    async fn k6_vu_minutes_included(&self) -> i32 {
        self.0.k6_vu_minutes_included
    }
    async fn ai_credits_included(&self) -> i32 {
        self.0.ai_credits_included
    }
    /// Runs that may execute at the same time.
    async fn running_capacity(&self) -> i32 {
        self.0.running_capacity
    }
    /// Runs that may wait in the queue.
    async fn queued_capacity(&self) -> i32 {
        self.0.queued_capacity
    }
    async fn max_team_members(&self) -> i32 {
        self.0.max_team_members
    }
    async fn max_organizations(&self) -> i32 {
        self.0.max_organizations
    }
    async fn max_projects(&self) -> i32 {
        self.0.max_projects
    }
    async fn max_status_pages(&self) -> i32 {
        self.0.max_status_pages
    }
    async fn custom_domains(&self) -> bool {
        self.0.custom_domains
    }
    async fn sso_enabled(&self) -> bool {
        self.0.sso_enabled
    }
    /// How long raw monitor results are kept.
    async fn data_retention_days(&self) -> i32 {
        self.0.data_retention_days
    }
    /// How long hourly and daily monitor aggregates are kept.
    async fn aggregated_data_retention_days(&self) -> i32 {
        self.0.aggregated_data_retention_days
    }
    /// How long job runs and their artifacts are kept.
    async fn job_data_retention_days(&self) -> i32 {
        self.0.job_data_retention_days
    }
}

/// Where an organization's paid subscription stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::subscriptions::SubscriptionStatus")]
pub enum SubscriptionStatus {
    Active,
    /// Not paid yet (an incomplete first payment).
    Inactive,
    Cancelled,
    /// A payment failed; the plan is kept for the grace period.
    PastDue,
}

/// Who bills a subscription.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::subscriptions::SubscriptionProvider")]
pub enum BillingProvider {
    Stripe,
    Polar,
}

/// An organization's paid subscription. The provider's ids stay inside.
pub struct BillingSubscription(pub subscriptions::Model);

#[Object]
impl BillingSubscription {
    async fn status(&self) -> SubscriptionStatus {
        self.0.status.into()
    }
    async fn provider(&self) -> BillingProvider {
        self.0.provider.into()
    }
    async fn current_period_start(&self) -> Option<DateTime<Utc>> {
        self.0.current_period_start
    }
    async fn current_period_end(&self) -> Option<DateTime<Utc>> {
        self.0.current_period_end
    }
    /// The subscription ends at `currentPeriodEnd` instead of renewing.
    async fn cancel_at_period_end(&self) -> bool {
        self.0.cancel_at_period_end
    }
    /// Since when payment has failed (while `PAST_DUE`).
    async fn past_due_since(&self) -> Option<DateTime<Utc>> {
        self.0.past_due_since
    }
    /// When the grace period of a failed payment ends (while `PAST_DUE`): the organization
    /// then falls back to `free` unless a payment succeeds first.
    async fn grace_ends_at(&self, ctx: &Context<'_>) -> Option<DateTime<Utc>> {
        let days = ctx.state().settings.billing.past_due_grace_days;
        let since = self.0.past_due_since?;
        (self.0.status == subscriptions::SubscriptionStatus::PastDue)
            .then(|| since + chrono::Duration::days(days))
    }
}

/// Plans by name (the organizations' `plan`).
pub struct PlanByNameLoader(pub DatabaseConnection);

impl Loader<String> for PlanByNameLoader {
    type Value = plans::Plan;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, plans::Plan>, Self::Error> {
        Ok(plans::by_names(&self.0, keys).await?)
    }
}

/// The subscription of each organization that has one.
pub struct OrgSubscriptionLoader(pub DatabaseConnection);

impl Loader<Uuid> for OrgSubscriptionLoader {
    type Value = subscriptions::Model;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[Uuid],
    ) -> Result<HashMap<Uuid, subscriptions::Model>, Self::Error> {
        Ok(plans::subscriptions_of(&self.0, keys).await?)
    }
}

/// `Organization.plan`: the organization's plan, `free` when it names none that exists.
pub async fn organization_plan(
    ctx: &Context<'_>,
    org: &organization::Model,
) -> async_graphql::Result<Plan> {
    let name = org
        .subscription_plan
        .clone()
        .unwrap_or_else(|| crate::billing::FREE_PLAN.into());
    let loader = &ctx.loaders().plans_by_name;
    let plan = match loader.load_one(name).await? {
        Some(plan) => plan,
        None => loader
            .load_one(crate::billing::FREE_PLAN.into())
            .await?
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the free plan is not seeded")))?,
    };
    Ok(Plan(plan))
}

/// `Organization.subscription`.
pub async fn organization_subscription(
    ctx: &Context<'_>,
    org: &organization::Model,
) -> async_graphql::Result<Option<BillingSubscription>> {
    let row = ctx.loaders().org_subscriptions.load_one(org.id).await?;
    Ok(row.map(BillingSubscription))
}

#[derive(InputObject)]
pub struct CreatePlanInput {
    pub name: String,
    pub description: Option<String>,
    pub price: f64,
    #[graphql(default_with = "String::from(\"USD\")")]
    pub currency: String,
    #[graphql(default_with = "PlanInterval::Month")]
    pub interval: PlanInterval,
    #[graphql(default)]
    pub features: Vec<String>,
    /// The limits the plan grants.
    pub limits: PlanTier,
    pub max_triggers: i32,
    /// Seconds.
    pub max_timeout_duration: i32,
    pub stripe_price_id: Option<String>,
    /// A Polar product id (a UUID).
    pub polar_product_id: Option<String>,
    #[graphql(default = true)]
    pub is_active: bool,
}

/// Fields left out stay as they are; an empty `description`, `stripePriceId` or
/// `polarProductId` clears it.
#[derive(InputObject, Default)]
pub struct UpdatePlanInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub price: Option<f64>,
    pub currency: Option<String>,
    pub interval: Option<PlanInterval>,
    pub features: Option<Vec<String>>,
    pub limits: Option<PlanTier>,
    pub max_triggers: Option<i32>,
    pub max_timeout_duration: Option<i32>,
    pub stripe_price_id: Option<String>,
    pub polar_product_id: Option<String>,
    pub is_active: Option<bool>,
}

#[derive(Default)]
pub struct BillingQuery;

#[Object]
impl BillingQuery {
    /// The plans that can be bought, cheapest first; `includeInactive` (system
    /// administrators) lists retired ones too.
    async fn plans(
        &self,
        ctx: &Context<'_>,
        include_inactive: Option<bool>,
    ) -> async_graphql::Result<Vec<Plan>> {
        let all = include_inactive.unwrap_or(false);
        let rows = plans::list(&ctx.state().db, ctx.principal()?, all).await?;
        Ok(rows.into_iter().map(Plan).collect())
    }
}

#[derive(Default)]
pub struct BillingMutation;

#[Object]
impl BillingMutation {
    /// Creates a plan (system administrators).
    async fn create_plan(
        &self,
        ctx: &Context<'_>,
        input: CreatePlanInput,
    ) -> async_graphql::Result<Plan> {
        let input = plans::NewPlan {
            name: input.name,
            description: input.description,
            price: input.price,
            currency: input.currency,
            interval: input.interval.into(),
            features: input.features,
            limits: input.limits.into(),
            max_triggers: input.max_triggers,
            max_timeout_duration: input.max_timeout_duration,
            stripe_price_id: input.stripe_price_id,
            polar_product_id: input.polar_product_id,
            is_active: input.is_active,
        };
        Ok(Plan(
            plans::create(ctx.state(), ctx.principal()?, input).await?,
        ))
    }

    /// Changes a plan (system administrators).
    async fn update_plan(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdatePlanInput,
    ) -> async_graphql::Result<Plan> {
        let id = validate::id("id", &id)?;
        let changes = plans::PlanChanges {
            name: input.name,
            description: input.description.map(Some),
            price: input.price,
            currency: input.currency,
            interval: input.interval.map(Into::into),
            features: input.features,
            limits: input.limits.map(Into::into),
            max_triggers: input.max_triggers,
            max_timeout_duration: input.max_timeout_duration,
            stripe_price_id: input.stripe_price_id.map(Some),
            polar_product_id: input.polar_product_id.map(Some),
            is_active: input.is_active,
        };
        Ok(Plan(
            plans::update(ctx.state(), ctx.principal()?, id, changes).await?,
        ))
    }

    /// Puts an organization on a plan by hand, e.g. a customer invoiced outside Stripe and
    /// Polar (system administrators).
    async fn set_organization_plan(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        plan_id: ID,
    ) -> async_graphql::Result<Organization> {
        let organization_id = validate::id("organizationId", &organization_id)?;
        let plan_id = validate::id("planId", &plan_id)?;
        let org =
            plans::set_organization_plan(ctx.state(), ctx.principal()?, organization_id, plan_id)
                .await?;
        Ok(Organization(org))
    }

    /// A Stripe checkout for a plan (organization owners and admins, cloud mode); its URL.
    async fn create_checkout_session(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        plan_id: ID,
    ) -> async_graphql::Result<String> {
        let organization_id = validate::id("organizationId", &organization_id)?;
        let plan_id = validate::id("planId", &plan_id)?;
        Ok(
            checkout::stripe_checkout(ctx.state(), ctx.principal()?, organization_id, plan_id)
                .await?,
        )
    }

    /// A Stripe billing portal session for the organization (owners and admins, cloud mode);
    /// its URL.
    async fn create_billing_portal_session(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
    ) -> async_graphql::Result<String> {
        let organization_id = validate::id("organizationId", &organization_id)?;
        Ok(checkout::stripe_portal(ctx.state(), ctx.principal()?, organization_id).await?)
    }

    /// A Polar checkout for a plan (organization owners and admins, cloud mode); its URL.
    async fn create_polar_checkout(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        plan_id: ID,
    ) -> async_graphql::Result<String> {
        let organization_id = validate::id("organizationId", &organization_id)?;
        let plan_id = validate::id("planId", &plan_id)?;
        Ok(
            checkout::polar_checkout(ctx.state(), ctx.principal()?, organization_id, plan_id)
                .await?,
        )
    }

    /// A Polar customer portal session for the organization (owners and admins, cloud mode);
    /// its URL.
    async fn create_polar_portal_session(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
    ) -> async_graphql::Result<String> {
        let organization_id = validate::id("organizationId", &organization_id)?;
        Ok(checkout::polar_portal(ctx.state(), ctx.principal()?, organization_id).await?)
    }
}

// ---- Usage per billing period and spending limits ----

/// What a usage meter counts.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::usage::Meter")]
pub enum UsageMeterKind {
    /// Minutes of Playwright runs (every started minute).
    PlaywrightMinutes,
    /// Peak virtual users × minutes of k6 runs.
    K6VuMinutes,
    /// Monitor check results recorded.
    MonitorChecks,
    /// Webhook callback triggers admitted.
    CallbackTriggers,
    /// AI credits spent.
    AiCredits,
}

/// An organization's current billing period: its meters and the overage they come to.
pub struct Usage(pub usage::UsageReport);

#[Object]
impl Usage {
    async fn period_start(&self) -> DateTime<Utc> {
        self.0.period_start
    }
    /// When the period ends and the counters start again.
    async fn period_end(&self) -> DateTime<Utc> {
        self.0.period_end
    }
    async fn meters(&self) -> Vec<UsageMeter> {
        self.0.meters.iter().cloned().map(UsageMeter).collect()
    }
    /// The sum of the meters' overage this period: the period's spending.
    async fn overage_cents(&self) -> i64 {
        self.0.overage_cents
    }
    /// The monthly spending limit; null when no spending limit is enabled.
    async fn spending_limit_cents(&self) -> Option<i64> {
        self.0.spending_limit_cents
    }
    /// True when the hard stop refuses new test runs now.
    async fn hard_stopped(&self) -> bool {
        self.0.stop.is_some()
    }
    /// Why the hard stop refuses new test runs (which limit, until when); null when it does
    /// not.
    async fn hard_stop_reason(&self) -> Option<String> {
        self.0.stop.as_ref().map(spending::Stop::message)
    }
}

/// One meter in the current period.
pub struct UsageMeter(pub usage::MeterUsage);

#[Object]
impl UsageMeter {
    async fn meter(&self) -> UsageMeterKind {
        self.0.meter.into()
    }
    async fn used(&self) -> f64 {
        self.0.used
    }
    /// What the plan includes per period; null when the plan does not limit it.
    async fn included(&self) -> Option<f64> {
        self.0.included
    }
    /// `minutes`, `vu_minutes`, `checks`, `triggers` or `credits`.
    async fn unit(&self) -> &'static str {
        self.0.meter.unit()
    }
    /// Units used beyond the included amount.
    async fn overage_units(&self) -> f64 {
        self.0.overage_units
    }
    /// What the overage units cost at the plan's overage price (0 without one).
    async fn overage_cents(&self) -> i64 {
        self.0.overage_cents
    }
}

/// A closed billing period, kept for invoices.
pub struct UsagePeriod(pub entity::usage_periods::Model);

#[Object]
impl UsagePeriod {
    async fn period_start(&self) -> DateTime<Utc> {
        self.0.period_start
    }
    async fn period_end(&self) -> DateTime<Utc> {
        self.0.period_end
    }
    /// The plan when the period closed.
    async fn plan(&self) -> &str {
        &self.0.plan
    }
    async fn playwright_minutes(&self) -> i64 {
        self.0.playwright_minutes
    }
    async fn k6_vu_minutes(&self) -> i64 {
        self.0.k6_vu_minutes
    }
    async fn monitor_checks(&self) -> i64 {
        self.0.monitor_checks
    }
    async fn callback_triggers(&self) -> i64 {
        self.0.callback_triggers
    }
    async fn ai_credits(&self) -> i64 {
        self.0.ai_credits
    }
    async fn overage_cents(&self) -> i64 {
        self.0.overage_cents
    }
    async fn closed_at(&self) -> DateTime<Utc> {
        self.0.closed_at
    }
}

/// An organization's spending limit and usage notices.
pub struct BillingSettings(pub spending::Settings);

#[Object]
impl BillingSettings {
    async fn enable_spending_limit(&self) -> bool {
        self.0.enable_spending_limit
    }
    /// Overage allowed per billing period, in cents.
    async fn monthly_spending_limit_cents(&self) -> Option<i32> {
        self.0.monthly_spending_limit_cents
    }
    /// Refuse new test runs once the limit is reached (monitors keep running).
    async fn hard_stop_on_limit(&self) -> bool {
        self.0.hard_stop_on_limit
    }
    async fn notify_at_50_percent(&self) -> bool {
        self.0.notify_at_50_percent
    }
    async fn notify_at_80_percent(&self) -> bool {
        self.0.notify_at_80_percent
    }
    async fn notify_at_90_percent(&self) -> bool {
        self.0.notify_at_90_percent
    }
    async fn notify_at_100_percent(&self) -> bool {
        self.0.notify_at_100_percent
    }
    /// Who is told; empty: the organization's owners and admins.
    async fn notification_emails(&self) -> &[String] {
        &self.0.notification_emails
    }
}

/// Every field optional; only the fields given change. `monthlySpendingLimitCents: null`
/// clears the limit.
#[derive(InputObject, Default)]
pub struct UpdateBillingSettingsInput {
    pub enable_spending_limit: Option<bool>,
    pub monthly_spending_limit_cents: MaybeUndefined<i32>,
    pub hard_stop_on_limit: Option<bool>,
    pub notify_at_50_percent: Option<bool>,
    pub notify_at_80_percent: Option<bool>,
    pub notify_at_90_percent: Option<bool>,
    pub notify_at_100_percent: Option<bool>,
    pub notification_emails: Option<Vec<String>>,
}

impl From<UpdateBillingSettingsInput> for spending::SettingsChanges {
    fn from(input: UpdateBillingSettingsInput) -> Self {
        Self {
            enable_spending_limit: input.enable_spending_limit,
            monthly_spending_limit_cents: match input.monthly_spending_limit_cents {
                MaybeUndefined::Undefined => None,
                MaybeUndefined::Null => Some(None),
                MaybeUndefined::Value(cents) => Some(Some(cents)),
            },
            hard_stop_on_limit: input.hard_stop_on_limit,
            notify_at_50_percent: input.notify_at_50_percent,
            notify_at_80_percent: input.notify_at_80_percent,
            notify_at_90_percent: input.notify_at_90_percent,
            notify_at_100_percent: input.notify_at_100_percent,
            notification_emails: input.notification_emails,
        }
    }
}

/// `Organization.usage`.
pub async fn organization_usage(
    ctx: &Context<'_>,
    org: &organization::Model,
) -> async_graphql::Result<Usage> {
    let report = usage::current(ctx.state(), ctx.principal()?, org.id).await?;
    Ok(Usage(report))
}

/// `Organization.usagePeriods`.
pub async fn organization_usage_periods(
    ctx: &Context<'_>,
    org: &organization::Model,
    first: Option<i32>,
) -> async_graphql::Result<Vec<UsagePeriod>> {
    let first = validate::page_size(first)?;
    let rows = usage::closed_periods(ctx.state(), ctx.principal()?, org.id, first).await?;
    Ok(rows.into_iter().map(UsagePeriod).collect())
}

/// `Organization.billingSettings`.
pub async fn organization_billing_settings(
    ctx: &Context<'_>,
    org: &organization::Model,
) -> async_graphql::Result<BillingSettings> {
    let settings = spending::settings(ctx.state(), ctx.principal()?, org.id).await?;
    Ok(BillingSettings(settings))
}

#[derive(Default)]
pub struct BillingSettingsMutation;

#[Object]
impl BillingSettingsMutation {
    /// Changes an organization's spending limit and usage notices (owners and admins, cloud
    /// mode).
    async fn update_billing_settings(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        input: UpdateBillingSettingsInput,
    ) -> async_graphql::Result<BillingSettings> {
        let organization_id = validate::id("organizationId", &organization_id)?;
        let settings =
            spending::update_settings(ctx.state(), ctx.principal()?, organization_id, input.into())
                .await?;
        Ok(BillingSettings(settings))
    }
}
