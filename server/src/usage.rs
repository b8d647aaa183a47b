//! Usage metering: what an organization consumed in its billing period. Five meters:
//! Playwright minutes (a run's whole duration) and k6 VU-minutes (peak virtual users × minutes,
//! per k6 execution), every started minute counted as CI providers count; monitor checks (each
//! result the engine records); webhook callback triggers (each one admitted); AI credits
//! ([`spend_ai_credits`], for the features that will spend them: nothing does yet).
//!
//! Each use is written twice, in the caller's transaction: added to the organization's counter
//! for the current period (`organization.*_used`, one statement per organization, so that
//! concurrent writers all count), and kept as `usage_events` rows for invoices and the Polar
//! sync. Runs and AI uses get one row each. Checks and triggers come by the thousand, so they
//! are summed into one row per organization, meter and hour (`created_at` is the hour): the
//! table grows with hours, not with checks. An hour's row is sent to Polar only once the hour
//! is over (`billing::ingest`), so nothing is added to a row already sent.
//!
//! The period is the organization's (`usage_period_start`..`usage_period_end`), read back from
//! the counter update itself so that an event always lands in the period its counter counted
//! it in, even while the rollover (`billing::period`) closes that period: usage recorded after
//! a period's end but before the rollover ran counts in the period being closed. An
//! organization that has no period yet uses the calendar month.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, DurationRound, TimeZone, Utc};
use entity::organization;
use entity::usage_events::{self, UsageEventType};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::error::AppResult;

/// What is metered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Meter {
    /// Minutes of a Playwright run (`playwright_minutes`, counted in minutes).
    PlaywrightMinutes,
    /// Peak VUs times minutes of a k6 execution (`k6_vu_minutes`, counted in VU-minutes).
    K6VuMinutes,
    /// Monitor check results recorded (`monitor_checks`).
    MonitorChecks,
    /// Webhook callback triggers admitted (`callback_triggers`).
    CallbackTriggers,
    /// AI credits spent (`ai_credits`).
    AiCredits,
}

impl Meter {
    /// Every meter, in the order the API lists them.
    pub const ALL: [Meter; 5] = [
        Meter::PlaywrightMinutes,
        Meter::K6VuMinutes,
        Meter::MonitorChecks,
        Meter::CallbackTriggers,
        Meter::AiCredits,
    ];

    fn event_type(self) -> UsageEventType {
        match self {
            Self::PlaywrightMinutes => UsageEventType::PlaywrightExecution,
            Self::K6VuMinutes => UsageEventType::K6Execution,
            Self::MonitorChecks => UsageEventType::MonitorExecution,
            Self::CallbackTriggers => UsageEventType::CallbackTrigger,
            Self::AiCredits => UsageEventType::AiUsage,
        }
    }

    /// The event's name, as the billing provider knows it (a Polar meter filters on it).
    pub fn name(self) -> &'static str {
        match self {
            Self::PlaywrightMinutes => "playwright_minutes",
            Self::K6VuMinutes => "k6_vu_minutes",
            Self::MonitorChecks => "monitor_checks",
            Self::CallbackTriggers => "callback_triggers",
            Self::AiCredits => "ai_credits",
        }
    }

    /// What one unit is: `minutes`, `vu_minutes`, `checks`, `triggers` or `credits`.
    pub fn unit(self) -> &'static str {
        match self {
            Self::PlaywrightMinutes => "minutes",
            Self::K6VuMinutes => "vu_minutes",
            Self::MonitorChecks => "checks",
            Self::CallbackTriggers => "triggers",
            Self::AiCredits => "credits",
        }
    }

    /// The organization's counter of this meter for the current period.
    pub fn counter(self) -> organization::Column {
        match self {
            Self::PlaywrightMinutes => organization::Column::PlaywrightMinutesUsed,
            Self::K6VuMinutes => organization::Column::K6VuMinutesUsed,
            Self::MonitorChecks => organization::Column::MonitorChecksUsed,
            Self::CallbackTriggers => organization::Column::CallbackTriggersUsed,
            Self::AiCredits => organization::Column::AiCreditsUsed,
        }
    }

    /// This meter's counter on `org`.
    pub fn used(self, org: &organization::Model) -> i64 {
        match self {
            Self::PlaywrightMinutes => i64::from(org.playwright_minutes_used),
            Self::K6VuMinutes => i64::from(org.k6_vu_minutes_used),
            Self::MonitorChecks => org.monitor_checks_used,
            Self::CallbackTriggers => org.callback_triggers_used,
            Self::AiCredits => i64::from(org.ai_credits_used),
        }
    }

    /// Whether its events are summed per hour rather than written one per use.
    fn is_hourly(self) -> bool {
        matches!(self, Self::MonitorChecks | Self::CallbackTriggers)
    }

    /// Whether its counter is a 32-bit column (the seed's), which a sum must not overflow.
    fn is_narrow(self) -> bool {
        !matches!(self, Self::MonitorChecks | Self::CallbackTriggers)
    }
}

/// One use to record.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    pub meter: Meter,
    pub units: i64,
    /// What it was used for (ids, duration), kept on the event.
    pub metadata: Value,
}

impl Usage {
    /// A Playwright run of `duration_ms`: its started minutes.
    pub fn playwright(duration_ms: i64, metadata: Value) -> Self {
        Self {
            meter: Meter::PlaywrightMinutes,
            units: billed_minutes(duration_ms),
            metadata,
        }
    }

    /// A k6 execution of `duration_ms` that peaked at `max_vus` (at least one VU).
    pub fn k6(duration_ms: i64, max_vus: i64, metadata: Value) -> Self {
        Self {
            meter: Meter::K6VuMinutes,
            units: (max_vus.max(1) * billed_minutes(duration_ms)).max(1),
            metadata,
        }
    }
}

/// Minutes billed for `ms`: every started minute counts, as CI providers bill.
pub fn billed_minutes(ms: i64) -> i64 {
    ((ms.max(1) + 59_999) / 60_000).max(1)
}

/// The calendar month (UTC) that holds `at`.
pub fn calendar_month(at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = Utc
        .with_ymd_and_hms(at.year(), at.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(at);
    (start, next_month(start))
}

/// The first instant of the month after the one `start` is in.
pub fn next_month(start: DateTime<Utc>) -> DateTime<Utc> {
    let (y, m) = if start.month() == 12 {
        (start.year() + 1, 1)
    } else {
        (start.year(), start.month() + 1)
    };
    Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0)
        .single()
        .unwrap_or(start + Duration::days(31))
}

/// The billing period of an organization at `now`: its own while it has one (also once it has
/// ended and until the rollover closes it: the counters still count in it), else the calendar
/// month.
pub fn period(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    match (start, end) {
        (Some(start), Some(end)) if start < end => (start, end),
        _ => calendar_month(now),
    }
}

/// Whether this instance meters `meter`. Where billing is on, every meter. A self-hosted
/// instance bills nobody: it keeps the runs' minutes (a row per run, beside work that takes
/// seconds) but does not meter monitor checks and callback triggers, which come by the
/// thousand a second and would slow both for figures nobody is billed on.
pub fn metered(settings: &crate::config::Settings, meter: Meter) -> bool {
    crate::billing::enabled(settings) || !meter.is_hourly()
}

/// Records what an organization used: added to its counters and kept as events. Nothing for
/// an organization that is gone.
pub async fn record(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    uses: Vec<Usage>,
) -> AppResult<()> {
    record_at(db, organization_id, uses, Utc::now()).await
}

/// [`record`] at `now` (tests pass their clock).
pub async fn record_at(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    uses: Vec<Usage>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut sums: BTreeMap<Meter, i64> = BTreeMap::new();
    for usage in &uses {
        *sums.entry(usage.meter).or_default() += usage.units.max(0);
    }
    let Some(org) = add_to_counters(db, organization_id, &sums).await? else {
        return Ok(());
    };
    let period = period(org.usage_period_start, org.usage_period_end, now);
    for usage in uses {
        if usage.meter.is_hourly() {
            add_to_hour(db, organization_id, usage.meter, usage.units, period, now).await?;
        } else {
            insert_event(db, organization_id, usage, period, now).await?;
        }
    }
    Ok(())
}

/// Counts `per_organization` uses of an hourly meter (checks, triggers) at `now`: for each
/// organization one counter update and one hourly event update (or insert), whatever the
/// number of uses. Organizations are taken in id order, so that concurrent batches lock their
/// rows in one order.
pub async fn count(
    db: &impl ConnectionTrait,
    meter: Meter,
    per_organization: &BTreeMap<Uuid, i64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for (organization_id, units) in per_organization {
        if *units <= 0 {
            continue;
        }
        let sums = BTreeMap::from([(meter, *units)]);
        let Some(org) = add_to_counters(db, *organization_id, &sums).await? else {
            continue;
        };
        let period = period(org.usage_period_start, org.usage_period_end, now);
        add_to_hour(db, *organization_id, meter, *units, period, now).await?;
    }
    Ok(())
}

/// Spends `credits` AI credits of an organization, in the caller's transaction: the function
/// the AI features will call (none spends credits yet).
pub async fn spend_ai_credits(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    credits: i64,
    metadata: Value,
) -> AppResult<()> {
    let usage = Usage {
        meter: Meter::AiCredits,
        units: credits.max(0),
        metadata,
    };
    record(db, organization_id, vec![usage]).await
}

async fn insert_event(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    usage: Usage,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> AppResult<()> {
    new_event(organization_id, usage, (start, end), now)
        .insert(db)
        .await?;
    Ok(())
}

fn new_event(
    organization_id: Uuid,
    usage: Usage,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    at: DateTime<Utc>,
) -> usage_events::ActiveModel {
    usage_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        event_type: Set(usage.meter.event_type()),
        event_name: Set(usage.meter.name().into()),
        units: Set(usage.units as f64),
        unit_type: Set(usage.meter.unit().into()),
        metadata: Set(Some(usage.metadata)),
        synced_to_polar: Set(false),
        polar_event_id: Set(None),
        sync_error: Set(None),
        sync_attempts: Set(0),
        last_sync_attempt: Set(None),
        billing_period_start: Set(start),
        billing_period_end: Set(end),
        created_at: Set(at),
        sync_claimed_until: Set(None),
    }
}

/// The hour that holds `at`: the `created_at` of an hourly event.
pub fn hour_of(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(Duration::hours(1)).unwrap_or(at)
}

/// Adds `units` to the organization's event of `meter` for the hour of `now`, or writes it.
/// Two writers that both find no row make two rows for the hour; their sum is still right.
async fn add_to_hour(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    meter: Meter,
    units: i64,
    period: (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> AppResult<()> {
    let hour = hour_of(now);
    let added = usage_events::Entity::update_many()
        .col_expr(
            usage_events::Column::Units,
            sea_orm::sea_query::ExprTrait::add(
                Expr::col(usage_events::Column::Units),
                units as f64,
            ),
        )
        .filter(usage_events::Column::OrganizationId.eq(organization_id))
        .filter(usage_events::Column::EventName.eq(meter.name()))
        .filter(usage_events::Column::CreatedAt.eq(hour))
        .filter(usage_events::Column::BillingPeriodStart.eq(period.0))
        .filter(usage_events::Column::SyncedToPolar.eq(false))
        .exec(db)
        .await?
        .rows_affected;
    if added == 0 {
        let usage = Usage {
            meter,
            units,
            metadata: json!({ "hour": hour }),
        };
        new_event(organization_id, usage, period, hour)
            .insert(db)
            .await?;
    }
    Ok(())
}

/// Adds to the organization's counters in one statement (so concurrent writers all count) and
/// returns the organization as that statement left it; `None` when it is gone.
async fn add_to_counters(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    sums: &BTreeMap<Meter, i64>,
) -> AppResult<Option<organization::Model>> {
    let mut update =
        organization::Entity::update_many().filter(organization::Column::Id.eq(organization_id));
    for (meter, units) in sums {
        let units = if meter.is_narrow() {
            i64::from(i32::try_from(*units).unwrap_or(i32::MAX))
        } else {
            *units
        };
        update = update.col_expr(
            meter.counter(),
            sea_orm::sea_query::ExprTrait::add(Expr::col(meter.counter()), units),
        );
    }
    if sums.is_empty() {
        return Ok(organization::Entity::find_by_id(organization_id)
            .one(db)
            .await?);
    }
    Ok(update.exec_with_returning(db).await?.into_iter().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_started_minute_counts() {
        assert_eq!(billed_minutes(1), 1);
        assert_eq!(billed_minutes(60_000), 1);
        assert_eq!(billed_minutes(60_001), 2);
        assert_eq!(Usage::playwright(0, json!({})).units, 1);
        // Peak VUs times started minutes; a run that reported no VUs counts one.
        assert_eq!(Usage::k6(61_000, 5, json!({})).units, 10);
        assert_eq!(Usage::k6(1_000, 0, json!({})).units, 1);
    }

    #[test]
    fn the_period_is_the_organizations_while_it_has_one_else_the_month() {
        let at = |d: u32, h: u32| {
            Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0)
                .single()
                .unwrap_or_default()
        };
        let own = (Some(at(3, 0)), Some(at(20, 0)));
        assert_eq!(period(own.0, own.1, at(6, 12)), (at(3, 0), at(20, 0)));
        // Ended but not rolled over yet: still the organization's, where its counters count.
        assert_eq!(period(own.0, own.1, at(21, 12)), (at(3, 0), at(20, 0)));
        let next_year = Utc
            .with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        // Never set, or only started: the calendar month.
        assert_eq!(period(None, None, at(6, 12)), (at(1, 0), next_year));
        assert_eq!(period(own.0, None, at(6, 12)), (at(1, 0), next_year));
    }

    #[test]
    fn hours_and_months() {
        let t = Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 59, 59)
            .single()
            .unwrap_or_default();
        assert_eq!(hour_of(t).to_rfc3339(), "2026-12-31T23:00:00+00:00");
        assert_eq!(
            calendar_month(t).1.to_rfc3339(),
            "2027-01-01T00:00:00+00:00"
        );
    }
}
