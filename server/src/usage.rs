//! Usage metering: what an organization consumed that its plan bills. Today that is test
//! automation: Playwright minutes (a run's whole duration) and k6 VU-minutes (peak virtual
//! users × minutes, per k6 execution), every started minute counted as CI providers count.
//!
//! Each use is written twice, in the caller's transaction: as a row of `usage_events` (with
//! its billing period, and the columns that track its sync to the billing provider), and
//! added to the organization's counters for the current period
//! (`organization.playwright_minutes_used`, `organization.k6_vu_minutes_used`). The period is
//! the organization's (`usage_period_start`..`usage_period_end`) while it lasts, else the
//! calendar month. Billing reads and extends this module; callers only say what was used.

use chrono::{DateTime, Datelike, TimeZone, Utc};
use entity::organization;
use entity::usage_events::{self, UsageEventType};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;
use uuid::Uuid;

use crate::error::AppResult;

/// What is metered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meter {
    /// Minutes of a Playwright run (`playwright_minutes`, counted in minutes).
    PlaywrightMinutes,
    /// Peak VUs times minutes of a k6 execution (`k6_vu_minutes`, counted in VU-minutes).
    K6VuMinutes,
}

impl Meter {
    fn event_type(self) -> UsageEventType {
        match self {
            Self::PlaywrightMinutes => UsageEventType::PlaywrightExecution,
            Self::K6VuMinutes => UsageEventType::K6Execution,
        }
    }

    /// The event's name, as the billing provider knows it.
    fn name(self) -> &'static str {
        match self {
            Self::PlaywrightMinutes => "playwright_minutes",
            Self::K6VuMinutes => "k6_vu_minutes",
        }
    }

    fn unit_type(self) -> &'static str {
        match self {
            Self::PlaywrightMinutes => "minutes",
            Self::K6VuMinutes => "vu_minutes",
        }
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

/// The billing period usage at `now` falls in: the organization's own (`start`..`end`) while
/// it lasts, or the calendar month.
fn period(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    if let (Some(start), Some(end)) = (start, end)
        && start <= now
        && now < end
    {
        return (start, end);
    }
    let start = Utc
        .with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(now);
    let (y, m) = if now.month() == 12 {
        (now.year() + 1, 1)
    } else {
        (now.year(), now.month() + 1)
    };
    let end = Utc
        .with_ymd_and_hms(y, m, 1, 0, 0, 0)
        .single()
        .unwrap_or(now);
    (start, end)
}

/// Records what an organization used: one `usage_events` row per use, and the sums on the
/// organization's counters. Nothing for an organization that is gone.
pub async fn record(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    uses: Vec<Usage>,
) -> AppResult<()> {
    let Some(org) = organization::Entity::find_by_id(organization_id)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let now = Utc::now();
    let (start, end) = period(org.usage_period_start, org.usage_period_end, now);
    let (mut playwright, mut k6) = (0i64, 0i64);
    for usage in uses {
        match usage.meter {
            Meter::PlaywrightMinutes => playwright += usage.units,
            Meter::K6VuMinutes => k6 += usage.units,
        }
        insert_event(db, organization_id, usage, (start, end), now).await?;
    }
    add_to_counters(db, organization_id, playwright, k6).await
}

async fn insert_event(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    usage: Usage,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> AppResult<()> {
    usage_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        event_type: Set(usage.meter.event_type()),
        event_name: Set(usage.meter.name().into()),
        units: Set(usage.units as f64),
        unit_type: Set(usage.meter.unit_type().into()),
        metadata: Set(Some(usage.metadata)),
        synced_to_polar: Set(false),
        polar_event_id: Set(None),
        sync_error: Set(None),
        sync_attempts: Set(0),
        last_sync_attempt: Set(None),
        billing_period_start: Set(start),
        billing_period_end: Set(end),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Adds to the organization's counters in one statement, so concurrent runs all count.
async fn add_to_counters(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    playwright: i64,
    k6: i64,
) -> AppResult<()> {
    let as_i32 = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
    organization::Entity::update_many()
        .col_expr(
            organization::Column::PlaywrightMinutesUsed,
            sea_orm::sea_query::ExprTrait::add(
                Expr::col(organization::Column::PlaywrightMinutesUsed),
                as_i32(playwright),
            ),
        )
        .col_expr(
            organization::Column::K6VuMinutesUsed,
            sea_orm::sea_query::ExprTrait::add(
                Expr::col(organization::Column::K6VuMinutesUsed),
                as_i32(k6),
            ),
        )
        .filter(organization::Column::Id.eq(organization_id))
        .exec(db)
        .await?;
    Ok(())
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
    fn the_period_is_the_organizations_while_it_lasts_else_the_month() {
        let at = |d: u32, h: u32| {
            Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0)
                .single()
                .unwrap_or_default()
        };
        let own = (Some(at(3, 0)), Some(at(20, 0)));
        assert_eq!(period(own.0, own.1, at(6, 12)), (at(3, 0), at(20, 0)));
        let next_year = Utc
            .with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        // Over, or never set: the calendar month.
        assert_eq!(
            period(own.0, Some(at(5, 0)), at(6, 12)),
            (at(1, 0), next_year)
        );
        assert_eq!(period(None, None, at(6, 12)), (at(1, 0), next_year));
    }
}
