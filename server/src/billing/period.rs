//! Billing periods and their rollover.
//!
//! An organization's usage period is `usage_period_start`..`usage_period_end`. Periods follow
//! one another without gap: the next one starts where the last ended and ends at the end of
//! the organization's subscription's current period when that is later and at most 32 days
//! away (a monthly Stripe or Polar subscription: usage closes with the invoice), else at the
//! first of the next calendar month (UTC). An organization without a period yet (new ones)
//! gets the calendar month it is in, or its subscription's current period.
//!
//! The rollover is a claim-queue loop (`db::claim`, cloud mode): it leases organizations
//! whose period has ended and, for each in one transaction, writes the closed period to
//! `usage_periods` (what each meter counted, the plan, the overage; kept for invoices), resets
//! the counters, opens the next period and clears the thresholds noticed this period. A server
//! that was down for several periods writes one closed period per elapsed period: the first
//! with what was counted, the others empty. Exactly once: the lease keeps a second process
//! away, the update only applies to the period it read, and `usage_periods` is unique per
//! organization and period start.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use entity::subscriptions::{self, SubscriptionStatus};
use entity::{billing_settings, organization, usage_periods};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, Set,
    Statement,
};
use serde_json::json;
use uuid::Uuid;

use super::usage::{plan_of, terms};
use crate::audit;
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::error::AppResult;
use crate::state::AppState;
use crate::usage::{Meter, calendar_month, next_month};

/// How long a rollover may hold an organization.
const LEASE: StdDuration = StdDuration::from_secs(300);
/// How often the loop looks for ended periods.
pub const EVERY: StdDuration = StdDuration::from_secs(60);
/// Longest subscription period the usage period follows; longer ones (yearly) go by months.
const LONGEST_FOLLOWED: i64 = 32;
/// Most periods closed in one step for one organization (a guard: 20 years of months).
const MAX_CATCH_UP: usize = 240;

/// A period: its start and end.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// A subscription's current period, when it is running.
pub type SubscriptionPeriod = Option<Span>;

/// The period that follows one ending at `end`.
pub fn next_period(
    end: DateTime<Utc>,
    subscription: SubscriptionPeriod,
) -> (DateTime<Utc>, DateTime<Utc>) {
    if let Some((_, sub_end)) = subscription
        && sub_end > end
        && sub_end - end <= Duration::days(LONGEST_FOLLOWED)
    {
        return (end, sub_end);
    }
    (end, next_month(end))
}

/// The first period of an organization at `now`.
pub fn first_period(
    now: DateTime<Utc>,
    subscription: SubscriptionPeriod,
) -> (DateTime<Utc>, DateTime<Utc>) {
    match subscription {
        Some((start, end))
            if start <= now && now < end && end - start <= Duration::days(LONGEST_FOLLOWED) =>
        {
            (start, end)
        }
        _ => calendar_month(now),
    }
}

/// The periods an organization in period `current` closes at `now`, and the period it opens.
pub fn catch_up(
    current: (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
    subscription: SubscriptionPeriod,
) -> (Vec<Span>, Span) {
    let mut closed = Vec::new();
    let mut period = current;
    while period.1 <= now && closed.len() < MAX_CATCH_UP {
        closed.push(period);
        period = next_period(period.1, subscription);
    }
    (closed, period)
}

fn queue() -> ClaimQueue<organization::Entity> {
    ClaimQueue::new(
        organization::Column::Id,
        organization::Column::UsageRolloverUntil,
        LEASE,
    )
}

/// One step of the rollover at `now`: leases up to `limit` organizations whose period ended
/// (or that have none yet) and rolls each over in its own transaction. Returns the number
/// leased (`limit` means more may be waiting). Cloud mode only; nothing otherwise.
pub async fn run_due(state: &AppState, now: DateTime<Utc>, limit: u64) -> AppResult<usize> {
    if !super::enabled(&state.settings) {
        return Ok(0);
    }
    let due = Due {
        from: "organization o",
        alias: "o",
        when: "o.usage_period_end IS NULL OR o.usage_period_end <= $1",
        order: "o.usage_period_end",
        set: "",
        values: Vec::new(),
    };
    let claimed = queue().claim(&state.db, &due, now, limit).await?;
    for org in &claimed {
        if let Err(err) = roll(state, org.id, now).await {
            tracing::warn!(error = ?err, organization = %org.id, "usage period rollover failed");
        }
    }
    Ok(claimed.len())
}

/// The organization's row, locked on PostgreSQL until the transaction ends.
async fn lock(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<organization::Model>> {
    if db.get_database_backend() == DbBackend::Postgres {
        return Ok(
            organization::Model::find_by_statement(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT * FROM organization WHERE id = $1 FOR UPDATE",
                [id.into()],
            ))
            .one(db)
            .await?,
        );
    }
    Ok(organization::Entity::find_by_id(id).one(db).await?)
}

async fn subscription_period(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
) -> AppResult<SubscriptionPeriod> {
    let row = subscriptions::Entity::find()
        .filter(subscriptions::Column::OrganizationId.eq(organization_id))
        .filter(
            subscriptions::Column::Status
                .is_in([SubscriptionStatus::Active, SubscriptionStatus::PastDue]),
        )
        .one(db)
        .await?;
    Ok(row.and_then(|s| s.current_period_start.zip(s.current_period_end)))
}

/// Rolls one leased organization over at `now`.
async fn roll(state: &AppState, id: Uuid, now: DateTime<Utc>) -> AppResult<()> {
    let tx = Tx::begin(state).await?;
    let Some(org) = lock(tx.conn(), id).await? else {
        return Ok(()); // deleted meanwhile
    };
    let subscription = subscription_period(tx.conn(), id).await?;
    let (closed, next) = match (org.usage_period_start, org.usage_period_end) {
        (Some(start), Some(end)) if start < end => catch_up((start, end), now, subscription),
        // No period yet: open one, keeping what was counted so far.
        _ => (Vec::new(), first_period(now, subscription)),
    };
    if !closed.is_empty() {
        close(&tx, &org, &closed, now).await?;
    }
    let mut update = organization::Entity::update_many()
        .col_expr(organization::Column::UsagePeriodStart, Expr::value(next.0))
        .col_expr(organization::Column::UsagePeriodEnd, Expr::value(next.1))
        .col_expr(
            organization::Column::UsageRolloverUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(organization::Column::Id.eq(id));
    if !closed.is_empty() {
        for meter in Meter::ALL {
            update = update.col_expr(meter.counter(), Expr::value(0));
        }
    }
    // Only the period read: a process that rolled it meanwhile leaves nothing to do.
    update = match org.usage_period_end {
        Some(end) => update.filter(organization::Column::UsagePeriodEnd.eq(end)),
        None => update.filter(organization::Column::UsagePeriodEnd.is_null()),
    };
    if update.exec(tx.conn()).await?.rows_affected == 0 {
        return Ok(()); // dropped: rolled back
    }
    tx.commit().await?;
    Ok(())
}

/// Writes the closed periods (the first with the counters, the others empty), clears the
/// thresholds noticed, and audits it.
async fn close(
    tx: &Tx,
    org: &organization::Model,
    closed: &[(DateTime<Utc>, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let plan = plan_of(org);
    let terms = terms(tx.conn(), &plan).await?;
    for (i, (start, end)) in closed.iter().enumerate() {
        let used = |m: Meter| if i == 0 { m.used(org) } else { 0 };
        let overage: i64 = terms.meters(used).iter().map(|m| m.overage_cents).sum();
        let row = usage_periods::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.id),
            period_start: Set(*start),
            period_end: Set(*end),
            plan: Set(plan.clone()),
            playwright_minutes: Set(used(Meter::PlaywrightMinutes)),
            k6_vu_minutes: Set(used(Meter::K6VuMinutes)),
            monitor_checks: Set(used(Meter::MonitorChecks)),
            callback_triggers: Set(used(Meter::CallbackTriggers)),
            ai_credits: Set(used(Meter::AiCredits)),
            overage_cents: Set(overage),
            closed_at: Set(now),
        };
        usage_periods::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    usage_periods::Column::OrganizationId,
                    usage_periods::Column::PeriodStart,
                ])
                .do_nothing()
                .to_owned(),
            )
            .try_insert()
            .exec(tx.conn())
            .await?;
    }
    billing_settings::Entity::update_many()
        .col_expr(
            billing_settings::Column::NotificationsSentThisPeriod,
            Expr::value(Option::<serde_json::Value>::None),
        )
        .filter(billing_settings::Column::OrganizationId.eq(org.id))
        .exec(tx.conn())
        .await?;
    let first = closed.first().map(|p| p.0);
    let last = closed.last().map(|p| p.1);
    audit::record_for(
        tx,
        None,
        Some(org.id),
        "billing.usage_period.close",
        json!({
            "periodStart": first,
            "periodEnd": last,
            "periods": closed.len(),
            "plan": plan,
            "playwrightMinutes": org.playwright_minutes_used,
            "k6VuMinutes": org.k6_vu_minutes_used,
            "monitorChecks": org.monitor_checks_used,
            "callbackTriggers": org.callback_triggers_used,
            "aiCredits": org.ai_credits_used,
        }),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn periods_follow_the_monthly_subscription_else_the_calendar() {
        // Calendar months.
        assert_eq!(
            next_period(at(2026, 12, 1), None),
            (at(2026, 12, 1), at(2027, 1, 1))
        );
        // Mid-month end (a subscription ended): back to the calendar at the next first.
        assert_eq!(
            next_period(at(2026, 12, 10), None),
            (at(2026, 12, 10), at(2027, 1, 1))
        );
        // A monthly subscription: up to its period's end.
        let sub = Some((at(2026, 12, 10), at(2027, 1, 10)));
        assert_eq!(
            next_period(at(2027, 1, 1), sub),
            (at(2027, 1, 1), at(2027, 1, 10))
        );
        // A yearly one goes by months.
        let yearly = Some((at(2026, 12, 10), at(2027, 12, 10)));
        assert_eq!(
            next_period(at(2027, 1, 1), yearly),
            (at(2027, 1, 1), at(2027, 2, 1))
        );
        assert_eq!(
            first_period(at(2026, 12, 15), sub),
            (at(2026, 12, 10), at(2027, 1, 10))
        );
        assert_eq!(
            first_period(at(2026, 12, 15), None),
            (at(2026, 12, 1), at(2027, 1, 1))
        );
    }

    #[test]
    fn a_server_down_for_three_periods_closes_three() {
        let (closed, open) = catch_up((at(2026, 12, 1), at(2027, 1, 1)), at(2027, 3, 15), None);
        assert_eq!(
            closed,
            vec![
                (at(2026, 12, 1), at(2027, 1, 1)),
                (at(2027, 1, 1), at(2027, 2, 1)),
                (at(2027, 2, 1), at(2027, 3, 1)),
            ]
        );
        assert_eq!(open, (at(2027, 3, 1), at(2027, 4, 1)));
        // Not ended: nothing to close.
        let (none, same) = catch_up((at(2027, 3, 1), at(2027, 4, 1)), at(2027, 3, 15), None);
        assert!(none.is_empty());
        assert_eq!(same, (at(2027, 3, 1), at(2027, 4, 1)));
    }
}
