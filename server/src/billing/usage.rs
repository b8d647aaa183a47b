//! An organization's usage in its current billing period, with the overage it comes to, and
//! its closed periods (`usage_periods`). Members read both.
//!
//! Overage: a meter's use beyond what the plan includes (`plan_limits.*_included`; callback
//! triggers: the plan's `max_triggers`; monitor checks: not limited), at the prices of
//! `overage_pricing` for the plan's tier (Playwright minutes, k6 VU-minutes, AI credits; the
//! other meters have no price). A plan without an `overage_pricing` row (`free`, `unlimited`)
//! bills no overage: its included amounts are what it gets. The period's spending is the sum.

use chrono::{DateTime, Utc};
use entity::usage_periods;
use entity::{billing_settings, organization, overage_pricing, plan_limits, subscription_plans};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::error::AppResult;
use crate::state::AppState;
use crate::usage::{self, Meter};

/// One meter in a period.
#[derive(Debug, Clone, PartialEq)]
pub struct MeterUsage {
    pub meter: Meter,
    pub used: f64,
    /// What the plan includes; `None`: not limited by the plan.
    pub included: Option<f64>,
    pub overage_units: f64,
    pub overage_cents: i64,
}

/// The current period of an organization.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageReport {
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub meters: Vec<MeterUsage>,
    /// The sum of the meters' overage: the period's spending.
    pub overage_cents: i64,
    /// The monthly spending limit, when one is enabled.
    pub spending_limit_cents: Option<i64>,
    /// Why new runs are refused now, if they are (`super::spending`).
    pub stop: Option<super::spending::Stop>,
    /// The plan's name.
    pub plan: String,
    /// Whether the plan has overage prices.
    pub priced: bool,
}

/// What the plan of an organization grants and charges.
#[derive(Debug, Clone)]
pub struct Terms {
    pub plan: String,
    pub limits: plan_limits::Model,
    /// `None`: the plan bills no overage.
    pub pricing: Option<overage_pricing::Model>,
    /// Callback triggers a month, from the priced plan row.
    pub max_triggers: Option<i64>,
}

impl Terms {
    /// What the plan includes of `meter` per period; `None`: not limited.
    pub fn included(&self, meter: Meter) -> Option<i64> {
        match meter {
            Meter::PlaywrightMinutes => Some(i64::from(self.limits.playwright_minutes_included)),
            Meter::K6VuMinutes => Some(i64::from(self.limits.k6_vu_minutes_included)),
            Meter::AiCredits => Some(i64::from(self.limits.ai_credits_included)),
            Meter::CallbackTriggers => self.max_triggers,
            Meter::MonitorChecks => None,
        }
    }

    /// Cents per unit of `meter` beyond the included amount (0: not billed).
    pub fn price_cents(&self, meter: Meter) -> i64 {
        let Some(p) = &self.pricing else { return 0 };
        i64::from(match meter {
            Meter::PlaywrightMinutes => p.playwright_minute_price_cents,
            Meter::K6VuMinutes => p.k6_vu_minute_price_cents,
            Meter::AiCredits => p.ai_credit_price_cents,
            Meter::MonitorChecks | Meter::CallbackTriggers => 0,
        })
        .max(0)
    }

    /// Each meter with its overage, for counters `used`.
    pub fn meters(&self, used: impl Fn(Meter) -> i64) -> Vec<MeterUsage> {
        Meter::ALL
            .iter()
            .map(|&meter| {
                let used = used(meter).max(0);
                let included = self.included(meter);
                let over = included.map_or(0, |inc| (used - inc.max(0)).max(0));
                MeterUsage {
                    meter,
                    used: used as f64,
                    included: included.map(|i| i as f64),
                    overage_units: over as f64,
                    overage_cents: over.saturating_mul(self.price_cents(meter)),
                }
            })
            .collect()
    }
}

/// The terms of the plan called `plan`.
pub async fn terms(db: &impl ConnectionTrait, plan: &str) -> AppResult<Terms> {
    let limits = crate::plan::limits_for(db, plan).await?;
    let pricing = overage_pricing::Entity::find()
        .filter(overage_pricing::Column::Plan.eq(limits.plan))
        .one(db)
        .await?;
    let max_triggers = subscription_plans::Entity::find()
        .filter(subscription_plans::Column::Name.eq(plan))
        .one(db)
        .await?
        .map(|p| i64::from(p.max_triggers));
    Ok(Terms {
        plan: plan.to_owned(),
        limits,
        pricing,
        max_triggers,
    })
}

/// The plan's name on `org` (`free` when it names none).
pub fn plan_of(org: &organization::Model) -> String {
    org.subscription_plan
        .clone()
        .unwrap_or_else(|| super::FREE_PLAN.into())
}

/// The organization's billing settings row, if it has one (defaults otherwise).
pub async fn settings_row(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
) -> AppResult<Option<billing_settings::Model>> {
    Ok(billing_settings::Entity::find()
        .filter(billing_settings::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?)
}

/// The usage report of `org` at `now`, without an access check (workers and the other
/// billing steps).
pub async fn report_of(
    db: &impl ConnectionTrait,
    state: &AppState,
    org: &organization::Model,
    now: DateTime<Utc>,
) -> AppResult<UsageReport> {
    let terms = terms(db, &plan_of(org)).await?;
    let settings = settings_row(db, org.id).await?;
    let (period_start, period_end) =
        usage::period(org.usage_period_start, org.usage_period_end, now);
    let meters = terms.meters(|m| m.used(org));
    let overage_cents = meters.iter().map(|m| m.overage_cents).sum();
    let spending_limit_cents = settings
        .as_ref()
        .filter(|s| s.enable_spending_limit)
        .and_then(|s| s.monthly_spending_limit_cents)
        .map(i64::from);
    let mut report = UsageReport {
        period_start,
        period_end,
        meters,
        overage_cents,
        spending_limit_cents,
        stop: None,
        plan: terms.plan.clone(),
        priced: terms.pricing.is_some(),
    };
    if super::enabled(&state.settings) {
        report.stop = super::spending::stop(&report, settings.as_ref());
    }
    Ok(report)
}

/// `Organization.usage`: the current period of an organization the caller is a member of.
pub async fn current(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
) -> AppResult<UsageReport> {
    let access = principal
        .org(&state.db, organization_id, Level::Viewer)
        .await?;
    report_of(&state.db, state, &access.organization, Utc::now()).await
}

/// The organization's closed periods, newest first, at most `first` (members).
pub async fn closed_periods(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    first: u64,
) -> AppResult<Vec<usage_periods::Model>> {
    principal
        .org(&state.db, organization_id, Level::Viewer)
        .await?;
    Ok(usage_periods::Entity::find()
        .filter(usage_periods::Column::OrganizationId.eq(organization_id))
        .order_by_desc(usage_periods::Column::PeriodStart)
        .limit(first)
        .all(&state.db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use entity::plan_limits::BillingPlan;

    fn terms(pricing: bool) -> Terms {
        let now = Utc::now();
        Terms {
            plan: "plus".into(),
            limits: plan_limits::Model {
                id: Uuid::nil(),
                plan: BillingPlan::Plus,
                max_monitors: 50,
                min_check_interval_minutes: 1,
                playwright_minutes_included: 500,
                k6_vu_minutes_included: 1_000,
                ai_credits_included: 100,
                running_capacity: 3,
                queued_capacity: 50,
                max_team_members: 10,
                max_organizations: 2,
                max_projects: 10,
                max_status_pages: 3,
                custom_domains: true,
                sso_enabled: false,
                data_retention_days: 30,
                aggregated_data_retention_days: 365,
                job_data_retention_days: 30,
                created_at: now,
                updated_at: now,
            },
            pricing: pricing.then(|| overage_pricing::Model {
                id: Uuid::nil(),
                plan: BillingPlan::Plus,
                playwright_minute_price_cents: 10,
                k6_vu_minute_price_cents: 1,
                ai_credit_price_cents: 5,
                created_at: now,
                updated_at: now,
            }),
            max_triggers: Some(100_000),
        }
    }

    #[test]
    fn overage_is_use_beyond_the_included_amount_at_the_plans_price() {
        let used = |m: Meter| match m {
            Meter::PlaywrightMinutes => 530,   // 30 over at 10 ¢
            Meter::K6VuMinutes => 999,         // within
            Meter::AiCredits => 101,           // 1 over at 5 ¢
            Meter::MonitorChecks => 9_000_000, // not limited
            Meter::CallbackTriggers => 100_001,
        };
        let meters = terms(true).meters(used);
        let by = |m: Meter| meters.iter().find(|x| x.meter == m).cloned();
        let pw = by(Meter::PlaywrightMinutes).expect("playwright");
        assert_eq!((pw.overage_units, pw.overage_cents), (30.0, 300));
        assert_eq!(by(Meter::K6VuMinutes).map(|m| m.overage_cents), Some(0));
        assert_eq!(by(Meter::AiCredits).map(|m| m.overage_cents), Some(5));
        let checks = by(Meter::MonitorChecks).expect("checks");
        assert_eq!((checks.included, checks.overage_units), (None, 0.0));
        // Beyond the triggers a plan allows, but triggers have no price.
        let triggers = by(Meter::CallbackTriggers).expect("triggers");
        assert_eq!((triggers.overage_units, triggers.overage_cents), (1.0, 0));
        assert_eq!(meters.iter().map(|m| m.overage_cents).sum::<i64>(), 305);
    }

    #[test]
    fn a_plan_without_prices_bills_no_overage() {
        let meters = terms(false).meters(|_| 10_000_000);
        assert!(meters.iter().all(|m| m.overage_cents == 0));
        assert!(meters.iter().any(|m| m.overage_units > 0.0));
    }
}
