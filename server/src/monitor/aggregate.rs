//! Hourly and daily figures of a monitor, per location and for all locations (`global`).
//!
//! After every batch of results the hourly rows they touch are recomputed from the raw
//! results of that hour (at most an hour of checks, so cheap and exact), and the daily rows
//! from the day's hourly rows (counts, sums, minimum, maximum and average are exact). Daily
//! percentiles cannot be merged from hourly ones, so [`rollup`] recomputes them from the raw
//! results, every few minutes for today and once more after the day ends.

use chrono::{DateTime, Duration, DurationRound, Utc};
use entity::monitor_aggregates::{self, AggregationPeriod};
use entity::monitor_results;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::db::partition;
use crate::error::AppResult;

/// Name of the rows that cover every location.
pub const GLOBAL: &str = "global";

pub fn hour_start(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::hours(1)).unwrap_or(t)
}

pub fn day_start(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::days(1)).unwrap_or(t)
}

/// Figures of a set of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub total: i32,
    pub successful: i32,
    pub failed: i32,
    pub uptime: f64,
    pub avg: Option<i32>,
    pub min: Option<i32>,
    pub max: Option<i32>,
    pub p50: Option<i32>,
    pub p95: Option<i32>,
    pub p99: Option<i32>,
    pub total_ms: i64,
    pub timed: i32,
    pub status_changes: i32,
}

/// Nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[i32], p: f64) -> Option<i32> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// Computes figures from raw results: (is up, response time, status change). Response-time
/// figures are those of successful checks alone: a refused connection answers in no time and
/// a timeout in the whole timeout, and neither says how fast the target answers.
pub fn figures(rows: &[(bool, Option<i32>, bool)]) -> Figures {
    let total = rows.len() as i32;
    let successful = rows.iter().filter(|r| r.0).count() as i32;
    let mut times: Vec<i32> = rows.iter().filter(|r| r.0).filter_map(|r| r.1).collect();
    times.sort_unstable();
    let total_ms: i64 = times.iter().map(|t| i64::from(*t)).sum();
    Figures {
        total,
        successful,
        failed: total - successful,
        uptime: if total == 0 {
            0.0
        } else {
            f64::from(successful) * 100.0 / f64::from(total)
        },
        avg: (!times.is_empty())
            .then(|| i32::try_from(total_ms / times.len() as i64).unwrap_or(i32::MAX)),
        min: times.first().copied(),
        max: times.last().copied(),
        p50: percentile(&times, 50.0),
        p95: percentile(&times, 95.0),
        p99: percentile(&times, 99.0),
        total_ms,
        timed: times.len() as i32,
        status_changes: rows.iter().filter(|r| r.2).count() as i32,
    }
}

async fn raw(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    location: Option<&str>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<Vec<(bool, Option<i32>, bool)>> {
    let mut query = monitor_results::Entity::find()
        .select_only()
        .column(monitor_results::Column::IsUp)
        .column(monitor_results::Column::ResponseTimeMs)
        .column(monitor_results::Column::IsStatusChange)
        .filter(monitor_results::Column::MonitorId.eq(monitor_id))
        .filter(monitor_results::Column::CheckedAt.gte(from))
        .filter(monitor_results::Column::CheckedAt.lt(to))
        .filter(partition::ids_within(
            db,
            monitor_results::Column::Id,
            Some(from),
            Some(to),
        ));
    if let Some(location) = location {
        query = query.filter(monitor_results::Column::Location.eq(location));
    }
    Ok(query
        .into_tuple::<(bool, Option<i32>, bool)>()
        .all(db)
        .await?)
}

async fn upsert(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    period: AggregationPeriod,
    start: DateTime<Utc>,
    location: &str,
    f: &Figures,
) -> AppResult<()> {
    let now = Utc::now();
    let row = monitor_aggregates::ActiveModel {
        id: Set(Uuid::now_v7()),
        monitor_id: Set(monitor_id),
        period_type: Set(period),
        period_start: Set(start),
        location: Set(location.to_owned()),
        total_checks: Set(f.total),
        successful_checks: Set(f.successful),
        failed_checks: Set(f.failed),
        uptime_percentage: Set(f.uptime),
        avg_response_ms: Set(f.avg),
        min_response_ms: Set(f.min),
        max_response_ms: Set(f.max),
        p50_response_ms: Set(f.p50),
        p95_response_ms: Set(f.p95),
        p99_response_ms: Set(f.p99),
        total_response_ms: Set(f.total_ms),
        status_change_count: Set(f.status_changes),
        timed_checks: Set(f.timed),
        created_at: Set(now),
        updated_at: Set(now),
    };
    use monitor_aggregates::Column as C;
    monitor_aggregates::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([C::MonitorId, C::PeriodType, C::PeriodStart, C::Location])
                .update_columns([
                    C::TotalChecks,
                    C::SuccessfulChecks,
                    C::FailedChecks,
                    C::UptimePercentage,
                    C::AvgResponseMs,
                    C::MinResponseMs,
                    C::MaxResponseMs,
                    C::P50ResponseMs,
                    C::P95ResponseMs,
                    C::P99ResponseMs,
                    C::TotalResponseMs,
                    C::StatusChangeCount,
                    C::TimedChecks,
                    C::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Merges hourly rows into a day's figures; percentiles stay those of the last rollup.
fn merge(hours: &[monitor_aggregates::Model], keep: Option<&monitor_aggregates::Model>) -> Figures {
    let total: i32 = hours.iter().map(|h| h.total_checks).sum();
    let successful: i32 = hours.iter().map(|h| h.successful_checks).sum();
    let total_ms: i64 = hours.iter().map(|h| h.total_response_ms).sum();
    let timed: i64 = hours.iter().map(|h| i64::from(h.timed_checks)).sum();
    Figures {
        total,
        successful,
        failed: total - successful,
        uptime: if total == 0 {
            0.0
        } else {
            f64::from(successful) * 100.0 / f64::from(total)
        },
        avg: (timed > 0).then(|| i32::try_from(total_ms / timed).unwrap_or(i32::MAX)),
        min: hours.iter().filter_map(|h| h.min_response_ms).min(),
        max: hours.iter().filter_map(|h| h.max_response_ms).max(),
        p50: keep.and_then(|k| k.p50_response_ms),
        p95: keep.and_then(|k| k.p95_response_ms),
        p99: keep.and_then(|k| k.p99_response_ms),
        total_ms,
        timed: i32::try_from(timed).unwrap_or(i32::MAX),
        status_changes: hours.iter().map(|h| h.status_change_count).sum(),
    }
}

async fn rows(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    period: AggregationPeriod,
    location: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<Vec<monitor_aggregates::Model>> {
    Ok(monitor_aggregates::Entity::find()
        .filter(monitor_aggregates::Column::MonitorId.eq(monitor_id))
        .filter(monitor_aggregates::Column::PeriodType.eq(period))
        .filter(monitor_aggregates::Column::Location.eq(location))
        .filter(monitor_aggregates::Column::PeriodStart.gte(from))
        .filter(monitor_aggregates::Column::PeriodStart.lt(to))
        .order_by_asc(monitor_aggregates::Column::PeriodStart)
        .all(db)
        .await?)
}

/// Recomputes the hourly rows (location and global) of `hour` from raw results, and the daily
/// rows of its day from the hourly rows.
pub async fn refresh(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    location: &str,
    hour: DateTime<Utc>,
) -> AppResult<()> {
    let end = hour + Duration::hours(1);
    let day = day_start(hour);
    for scope in [Some(location), None] {
        let name = scope.unwrap_or(GLOBAL);
        let hourly = figures(&raw(db, monitor_id, scope, hour, end).await?);
        upsert(
            db,
            monitor_id,
            AggregationPeriod::Hourly,
            hour,
            name,
            &hourly,
        )
        .await?;
        let hours = rows(
            db,
            monitor_id,
            AggregationPeriod::Hourly,
            name,
            day,
            day + Duration::days(1),
        )
        .await?;
        let existing = rows(
            db,
            monitor_id,
            AggregationPeriod::Daily,
            name,
            day,
            day + Duration::seconds(1),
        )
        .await?;
        let daily = merge(&hours, existing.first());
        upsert(db, monitor_id, AggregationPeriod::Daily, day, name, &daily).await?;
    }
    Ok(())
}

/// Recomputes daily rows exactly (percentiles included) from raw results for the days whose
/// rows changed since `since`. Returns how many rows it rewrote.
pub async fn rollup(db: &impl ConnectionTrait, since: DateTime<Utc>) -> AppResult<usize> {
    let stale = monitor_aggregates::Entity::find()
        .filter(monitor_aggregates::Column::PeriodType.eq(AggregationPeriod::Daily))
        .filter(monitor_aggregates::Column::UpdatedAt.gte(since))
        .all(db)
        .await?;
    let mut count = 0;
    for row in stale {
        let scope = (row.location != GLOBAL).then_some(row.location.as_str());
        let exact = figures(
            &raw(
                db,
                row.monitor_id,
                scope,
                row.period_start,
                row.period_start + Duration::days(1),
            )
            .await?,
        );
        upsert(
            db,
            row.monitor_id,
            AggregationPeriod::Daily,
            row.period_start,
            &row.location,
            &exact,
        )
        .await?;
        count += 1;
    }
    Ok(count)
}

/// Uptime over the last `window` from the global aggregates: hourly rows for a day or less,
/// daily rows beyond. `None` when nothing was checked.
pub async fn uptime(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    window: Duration,
) -> AppResult<Option<f64>> {
    let now = Utc::now();
    let (period, from) = if window <= Duration::days(1) {
        (AggregationPeriod::Hourly, hour_start(now - window))
    } else {
        (AggregationPeriod::Daily, day_start(now - window))
    };
    let rows = rows(
        db,
        monitor_id,
        period,
        GLOBAL,
        from,
        now + Duration::days(1),
    )
    .await?;
    let total: i64 = rows.iter().map(|r| i64::from(r.total_checks)).sum();
    let up: i64 = rows.iter().map(|r| i64::from(r.successful_checks)).sum();
    Ok((total > 0).then(|| up as f64 * 100.0 / total as f64))
}

/// Aggregate rows of a monitor for charts.
pub async fn history(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    period: AggregationPeriod,
    location: &str,
    from: DateTime<Utc>,
) -> AppResult<Vec<monitor_aggregates::Model>> {
    rows(
        db,
        monitor_id,
        period,
        location,
        from,
        Utc::now() + Duration::days(1),
    )
    .await
}

/// Raw results of a monitor since `from`, oldest first (for short-range charts).
pub async fn raw_since(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    location: Option<&str>,
    from: DateTime<Utc>,
) -> AppResult<Vec<(DateTime<Utc>, bool, Option<i32>)>> {
    let mut query = monitor_results::Entity::find()
        .select_only()
        .column(monitor_results::Column::CheckedAt)
        .column(monitor_results::Column::IsUp)
        .column(monitor_results::Column::ResponseTimeMs)
        .filter(monitor_results::Column::MonitorId.eq(monitor_id))
        .filter(monitor_results::Column::CheckedAt.gte(from))
        .filter(partition::ids_within(
            db,
            monitor_results::Column::Id,
            Some(from),
            None,
        ))
        .order_by_asc(monitor_results::Column::CheckedAt)
        .limit(50_000);
    if let Some(location) = location {
        query = query.filter(monitor_results::Column::Location.eq(location));
    }
    Ok(query.into_tuple().all(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_percentiles() {
        let rows: Vec<(bool, Option<i32>, bool)> =
            (1..=100).map(|i| (true, Some(i), i == 50)).collect();
        let f = figures(&rows);
        assert_eq!(f.total, 100);
        assert_eq!(f.successful, 100);
        assert!((f.uptime - 100.0).abs() < 1e-9);
        assert_eq!((f.min, f.max, f.avg), (Some(1), Some(100), Some(50)));
        assert_eq!((f.p50, f.p95, f.p99), (Some(50), Some(95), Some(99)));
        assert_eq!(f.status_changes, 1);
        assert_eq!(figures(&[]).avg, None);
    }

    #[test]
    fn failed_checks_leave_response_times_alone() {
        // Two answers of 100 and 300 ms, a refused connection (0 ms) and a 30 s timeout.
        let rows = [
            (true, Some(100), false),
            (false, Some(0), true),
            (false, Some(30_000), false),
            (true, Some(300), true),
        ];
        let f = figures(&rows);
        assert_eq!((f.total, f.failed), (4, 2));
        assert!((f.uptime - 50.0).abs() < 1e-9);
        assert_eq!((f.min, f.max, f.avg), (Some(100), Some(300), Some(200)));
        assert_eq!((f.timed, f.total_ms), (2, 400));
        assert_eq!(f.p95, Some(300));
        let down = figures(&[(false, Some(0), true)]);
        assert_eq!((down.avg, down.min, down.timed), (None, None, 0));
        assert_eq!(percentile(&[7], 99.0), Some(7));
    }
}
