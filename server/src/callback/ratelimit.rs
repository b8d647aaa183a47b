//! Exact rate limits per callback, counted in `rate_limit_logs` (one row per callback, period
//! and period start).
//!
//! Admissions are decided in batches (see [`super::batch`]): one transaction upserts the
//! counter rows the batch touches (which locks them on PostgreSQL; SQLite's write lock covers
//! the rest), decides each request in arrival order against every period, and writes the new
//! counts. Refused requests are not counted, so a burst over the limit does not eat into the
//! month. Under any concurrency, on any number of replicas, exactly the allowed number pass.
//!
//! Beside each callback's own limits, the organization's plan caps the triggers of all its
//! callbacks in a calendar month (UTC) at `subscription_plans.max_triggers`: the batch takes
//! the row locks of its organizations (PostgreSQL), sums their callbacks' month counters and
//! refuses past the cap with a `CALLBACK_TRIGGERS` plan limit ([`Decision::plan_refusal`]).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, DurationRound, TimeZone, Utc};
use entity::rate_limit_logs::{self, RateLimitPeriod};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

use super::Limits;
use crate::error::AppResult;
use crate::plan::TriggerCap;

/// One request asking to pass.
#[derive(Debug, Clone)]
pub struct Admit {
    pub callback_id: Uuid,
    pub user_id: Uuid,
    pub organization_id: Uuid,
    pub limits: Limits,
    pub at: DateTime<Utc>,
}

/// The answer, with what the `RateLimit-*` headers say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// The tightest period's limit, remaining requests and seconds until it resets.
    pub limit: i64,
    pub remaining: i64,
    pub reset_secs: i64,
    /// The period that refused, when one of the callback's own limits refused.
    pub refused_by: Option<RateLimitPeriod>,
    /// The plan's monthly trigger cap, when that refused.
    pub plan_refusal: Option<PlanRefusal>,
}

/// A trigger refused by the organization's monthly `max_triggers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRefusal {
    pub cap: TriggerCap,
    /// Triggers of the organization's callbacks this month.
    pub used: i64,
    /// When the month's count starts again.
    pub resets_at: DateTime<Utc>,
}

/// The organizations' trigger counts per month start, and their caps.
struct OrgMonths {
    caps: HashMap<Uuid, TriggerCap>,
    used: HashMap<(Uuid, DateTime<Utc>), i64>,
}

impl OrgMonths {
    /// Locks the batch's organizations and reads their caps and this batch's months' counts
    /// (before the counter rows, so that every writer takes the locks in one order).
    async fn read(txn: &impl ConnectionTrait, batch: &[Admit]) -> AppResult<Self> {
        use rate_limit_logs::Column as C;
        use sea_orm::sea_query::{Expr, ExprTrait};
        use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
        let mut orgs: Vec<Uuid> = batch
            .iter()
            .filter(|a| a.limits.capped)
            .map(|a| a.organization_id)
            .collect();
        orgs.sort_unstable();
        orgs.dedup();
        if orgs.is_empty() {
            // No plan in the batch caps its triggers: nothing to lock, sum or refuse.
            return Ok(Self {
                caps: HashMap::new(),
                used: HashMap::new(),
            });
        }
        let mut starts: Vec<DateTime<Utc>> = batch
            .iter()
            .map(|a| window(RateLimitPeriod::Month, a.at).0)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let caps = crate::plan::trigger_caps(txn, &orgs).await?;
        let used = rate_limit_logs::Entity::find()
            .select_only()
            .column(C::OrganizationId)
            .column(C::PeriodStart)
            .column_as(Expr::col(C::RequestCount).sum(), "n")
            .filter(C::OrganizationId.is_in(orgs))
            .filter(C::Period.eq(RateLimitPeriod::Month))
            .filter(C::PeriodStart.is_in(starts))
            .group_by(C::OrganizationId)
            .group_by(C::PeriodStart)
            .into_tuple::<(Uuid, DateTime<Utc>, Option<i64>)>()
            .all(txn)
            .await?
            .into_iter()
            .map(|(org, start, n)| ((org, start), n.unwrap_or(0)))
            .collect();
        Ok(Self { caps, used })
    }

    /// Refuses `a` when its organization used its month's cap; counts it otherwise.
    fn take(&mut self, a: &Admit) -> Option<PlanRefusal> {
        let cap = self.caps.get(&a.organization_id)?;
        let (start, end) = window(RateLimitPeriod::Month, a.at);
        let used = self.used.entry((a.organization_id, start)).or_default();
        if *used + 1 > cap.max {
            return Some(PlanRefusal {
                cap: cap.clone(),
                used: *used,
                resets_at: end,
            });
        }
        *used += 1;
        None
    }
}

pub const PERIODS: [RateLimitPeriod; 4] = [
    RateLimitPeriod::Second,
    RateLimitPeriod::Minute,
    RateLimitPeriod::Hour,
    RateLimitPeriod::Month,
];

/// Start and end of the period containing `at`.
pub fn window(period: RateLimitPeriod, at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    match period {
        RateLimitPeriod::Second => {
            let start = at.duration_trunc(Duration::seconds(1)).unwrap_or(at);
            (start, start + Duration::seconds(1))
        }
        RateLimitPeriod::Minute => {
            let start = at.duration_trunc(Duration::minutes(1)).unwrap_or(at);
            (start, start + Duration::minutes(1))
        }
        RateLimitPeriod::Hour => {
            let start = at.duration_trunc(Duration::hours(1)).unwrap_or(at);
            (start, start + Duration::hours(1))
        }
        RateLimitPeriod::Month => {
            let start = Utc
                .with_ymd_and_hms(at.year(), at.month(), 1, 0, 0, 0)
                .single()
                .unwrap_or(at);
            let (y, m) = if at.month() == 12 {
                (at.year() + 1, 1)
            } else {
                (at.year(), at.month() + 1)
            };
            let end = Utc
                .with_ymd_and_hms(y, m, 1, 0, 0, 0)
                .single()
                .unwrap_or(at + Duration::days(31));
            (start, end)
        }
    }
}

fn limit_of(limits: &Limits, period: RateLimitPeriod) -> i64 {
    match period {
        RateLimitPeriod::Second => limits.per_second,
        RateLimitPeriod::Minute => limits.per_minute,
        RateLimitPeriod::Hour => limits.per_hour,
        RateLimitPeriod::Month => limits.per_month,
    }
}

type Key = (Uuid, RateLimitPeriod, DateTime<Utc>);

fn row(
    key: &Key,
    count: i64,
    user_id: Uuid,
    organization_id: Uuid,
    now: DateTime<Utc>,
) -> rate_limit_logs::ActiveModel {
    rate_limit_logs::ActiveModel {
        id: Set(Uuid::now_v7()),
        callback_id: Set(key.0),
        user_id: Set(user_id),
        organization_id: Set(organization_id),
        period: Set(key.1),
        period_start: Set(key.2),
        request_count: Set(i32::try_from(count).unwrap_or(i32::MAX)),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Decides a batch of admissions inside `txn` (a write transaction the caller commits).
pub async fn admit(txn: &impl ConnectionTrait, batch: &[Admit]) -> AppResult<Vec<Decision>> {
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    let now = Utc::now();
    let mut months = OrgMonths::read(txn, batch).await?;
    let counters = Counters::of(batch);
    let mut counts = counters.read(txn, now).await?;
    let decisions: Vec<Decision> = batch
        .iter()
        .map(|a| decide(a, &mut counts, &mut months))
        .collect();
    if decisions.iter().any(|d| d.allowed) {
        counters.write(txn, &counts, now).await?;
    }
    Ok(decisions)
}

/// Decides one request against every period, then its organization's monthly cap, in
/// arrival order: allowed, it counts in each period; refused, it counts in none and the
/// headers speak of the period that refused it.
fn decide(a: &Admit, counts: &mut HashMap<Key, i64>, months: &mut OrgMonths) -> Decision {
    let mut allowed = true;
    let mut refused_by = None;
    let mut tightest = (i64::MAX, i64::MAX, 0i64);
    for period in PERIODS {
        let (start, end) = window(period, a.at);
        let count = counts
            .get(&(a.callback_id, period, start))
            .copied()
            .unwrap_or(0);
        let limit = limit_of(&a.limits, period);
        if count + 1 > limit && allowed {
            allowed = false;
            refused_by = Some(period);
        }
        let remaining = (limit - count - 1).max(0);
        if remaining < tightest.1 {
            tightest = (limit, remaining, (end - a.at).num_seconds().max(1));
        }
    }
    let plan_refusal = if allowed { months.take(a) } else { None };
    if let Some(refusal) = &plan_refusal {
        allowed = false;
        tightest = (
            refusal.cap.max,
            0,
            (refusal.resets_at - a.at).num_seconds().max(1),
        );
    }
    if allowed {
        for period in PERIODS {
            *counts
                .entry((a.callback_id, period, window(period, a.at).0))
                .or_default() += 1;
        }
    } else if let Some(period) = refused_by {
        let end = window(period, a.at).1;
        tightest = (
            limit_of(&a.limits, period),
            0,
            (end - a.at).num_seconds().max(1),
        );
    }
    Decision {
        allowed,
        limit: tightest.0,
        remaining: tightest.1,
        reset_secs: tightest.2,
        refused_by,
        plan_refusal,
    }
}

/// The counter rows a batch touches, with the owner a new row is written with.
struct Counters {
    owners: HashMap<Key, (Uuid, Uuid)>,
    /// The same keys in one order everywhere, so that replicas locking the same counters
    /// cannot deadlock.
    keys: Vec<Key>,
}

impl Counters {
    fn of(batch: &[Admit]) -> Self {
        let mut owners: HashMap<Key, (Uuid, Uuid)> = HashMap::new();
        for a in batch {
            for period in PERIODS {
                owners.insert(
                    (a.callback_id, period, window(period, a.at).0),
                    (a.user_id, a.organization_id),
                );
            }
        }
        let mut keys: Vec<Key> = owners.keys().copied().collect();
        keys.sort_by_key(|(id, period, start)| (*id, *start, format!("{period:?}")));
        Self { owners, keys }
    }

    fn rows(
        &self,
        counts: &HashMap<Key, i64>,
        now: DateTime<Utc>,
    ) -> Vec<rate_limit_logs::ActiveModel> {
        self.keys
            .iter()
            .map(|k| {
                let (user, org) = self.owners[k];
                row(k, counts.get(k).copied().unwrap_or(0), user, org, now)
            })
            .collect()
    }

    /// Makes sure every counter exists, and reads (and on PostgreSQL locks) it.
    async fn read(
        &self,
        txn: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> AppResult<HashMap<Key, i64>> {
        use rate_limit_logs::Column as C;
        let existing = rate_limit_logs::Entity::insert_many(self.rows(&HashMap::new(), now))
            .on_conflict(
                OnConflict::columns([C::CallbackId, C::Period, C::PeriodStart])
                    .update_column(C::UpdatedAt)
                    .to_owned(),
            )
            .exec_with_returning(txn)
            .await?;
        Ok(existing
            .into_iter()
            .map(|r| {
                (
                    (r.callback_id, r.period, r.period_start),
                    i64::from(r.request_count),
                )
            })
            .collect())
    }

    /// Writes the new counts.
    async fn write(
        &self,
        txn: &impl ConnectionTrait,
        counts: &HashMap<Key, i64>,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        use rate_limit_logs::Column as C;
        rate_limit_logs::Entity::insert_many(self.rows(counts, now))
            .on_conflict(
                OnConflict::columns([C::CallbackId, C::Period, C::PeriodStart])
                    .update_columns([C::RequestCount, C::UpdatedAt])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 59, 59)
            .single()
            .unwrap_or_default();
        let (s, e) = window(RateLimitPeriod::Month, at);
        assert_eq!(
            s,
            Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
                .single()
                .unwrap_or_default()
        );
        assert_eq!(
            e,
            Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
                .single()
                .unwrap_or_default()
        );
        let (s, e) = window(RateLimitPeriod::Minute, at);
        assert_eq!((e - s).num_seconds(), 60);
        assert!(s <= at && at < e);
    }
}
