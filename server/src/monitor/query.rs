//! Reading monitors and what they found: filtered lists, results, uptime over the usual
//! windows, response-time series, daily uptime bars and per-location state, each in a fixed
//! number of statements whatever the number of monitors (the batch functions serve the API's
//! dataloaders).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::monitor_aggregates::AggregationPeriod;
use entity::{
    monitor_aggregates, monitor_locations, monitor_notification_settings, monitor_results,
    monitor_tags, monitors, tags,
};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::db::partition;
use crate::error::{AppError, AppResult};
use crate::monitor::aggregate;
use crate::state::AppState;

/// Which monitors of a project to list.
#[derive(Debug, Default, Clone)]
pub struct MonitorFilter {
    pub status: Option<monitors::MonitorStatus>,
    pub kind: Option<monitors::MonitorType>,
    /// Part of the name or target, any case.
    pub search: Option<String>,
    pub tag_id: Option<Uuid>,
}

/// Monitors of a project the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    filter: MonitorFilter,
    request: PageRequest,
) -> AppResult<Rows<monitors::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let mut query = monitors::Entity::find().filter(monitors::Column::ProjectId.eq(project_id));
    if let Some(status) = filter.status {
        query = query.filter(monitors::Column::Status.eq(status));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(monitors::Column::Type.eq(kind));
    }
    if let Some(search) = filter.search {
        let pattern = format!("%{}%", search.to_lowercase());
        query = query.filter(
            sea_orm::Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(monitors::Column::Name)))
                        .like(pattern.clone()),
                )
                .add(Expr::expr(Func::lower(Expr::col(monitors::Column::Target))).like(pattern)),
        );
    }
    if let Some(tag) = filter.tag_id {
        query = query.filter(
            monitors::Column::Id.in_subquery(
                Query::select()
                    .column(monitor_tags::Column::MonitorId)
                    .from(monitor_tags::Entity)
                    .and_where(monitor_tags::Column::TagId.eq(tag))
                    .to_owned(),
            ),
        );
    }
    page::read(&state.db, query, monitors::Column::Id, Order::Asc, request).await
}

/// Which results of a monitor to list.
#[derive(Debug, Default, Clone)]
pub struct ResultFilter {
    pub location: Option<String>,
    pub status: Option<monitor_results::MonitorResultStatus>,
    /// Checked at or after.
    pub from: Option<DateTime<Utc>>,
    /// Checked before.
    pub to: Option<DateTime<Utc>>,
}

/// Results of a monitor the caller may view, newest first.
pub async fn results(
    state: &AppState,
    principal: &Principal,
    monitor_id: Uuid,
    filter: ResultFilter,
    request: PageRequest,
) -> AppResult<Rows<monitor_results::Model>> {
    // Both databases store times of the years 0 to 9999 (SQLite compares them as text, and
    // PostgreSQL refuses years before 4713 BC): a window past those ends is refused.
    for (field, at) in [("from", filter.from), ("to", filter.to)] {
        if at.is_some_and(|at| !(0..=9999).contains(&chrono::Datelike::year(&at))) {
            return Err(AppError::field(
                &format!("filter.{field}"),
                "must be a time between the years 0000 and 9999",
            ));
        }
    }
    super::find(state, principal, monitor_id, Level::Viewer).await?;
    let mut query =
        monitor_results::Entity::find().filter(monitor_results::Column::MonitorId.eq(monitor_id));
    if let Some(location) = filter.location {
        query = query.filter(monitor_results::Column::Location.eq(location));
    }
    if let Some(status) = filter.status {
        query = query.filter(monitor_results::Column::Status.eq(status));
    }
    if let Some(from) = filter.from {
        query = query.filter(monitor_results::Column::CheckedAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(monitor_results::Column::CheckedAt.lt(to));
    }
    query = query.filter(partition::ids_within(
        &state.db,
        monitor_results::Column::Id,
        filter.from,
        filter.to,
    ));
    page::read(
        &state.db,
        query,
        monitor_results::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// The latest result of each monitor (the one checked at its `last_check_at`), one statement.
pub async fn latest_results(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, monitor_results::Model>> {
    let rows = monitor_results::Entity::find()
        .filter(monitor_results::Column::MonitorId.is_in(ids.to_vec()))
        .filter(ExprTrait::in_subquery(
            Expr::tuple([
                Expr::col(monitor_results::Column::MonitorId),
                Expr::col(monitor_results::Column::CheckedAt),
            ]),
            Query::select()
                .columns([monitors::Column::Id, monitors::Column::LastCheckAt])
                .from(monitors::Entity)
                .and_where(monitors::Column::Id.is_in(ids.to_vec()))
                .to_owned(),
        ))
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for row in rows {
        let keep = out
            .get(&row.monitor_id)
            .is_none_or(|r: &monitor_results::Model| r.id < row.id);
        if keep {
            out.insert(row.monitor_id, row);
        }
    }
    Ok(out)
}

/// The tags of each monitor, one statement.
pub async fn tags(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<tags::Model>>> {
    let links = monitor_tags::Entity::find()
        .filter(monitor_tags::Column::MonitorId.is_in(ids.to_vec()))
        .find_also_related(tags::Entity)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<tags::Model>> = ids.iter().map(|k| (*k, Vec::new())).collect();
    for (link, tag) in links {
        if let Some(tag) = tag {
            out.entry(link.monitor_id).or_default().push(tag);
        }
    }
    Ok(out)
}

/// Time windows of uptime figures.
#[derive(Copy, Clone, Eq, PartialEq, Debug, Hash)]
pub enum UptimeWindow {
    Day,
    Week,
    Month,
    Quarter,
}

impl UptimeWindow {
    const ALL: [UptimeWindow; 4] = [
        UptimeWindow::Day,
        UptimeWindow::Week,
        UptimeWindow::Month,
        UptimeWindow::Quarter,
    ];

    fn duration(self) -> Duration {
        match self {
            UptimeWindow::Day => Duration::hours(24),
            UptimeWindow::Week => Duration::days(7),
            UptimeWindow::Month => Duration::days(30),
            UptimeWindow::Quarter => Duration::days(90),
        }
    }
}

/// Uptime in percent of each (monitor, window) from the global aggregates (hourly rows for a
/// day, daily rows beyond), one statement per window asked for; `None` when nothing was
/// checked in the window.
pub async fn uptimes(
    db: &impl ConnectionTrait,
    keys: &[(Uuid, UptimeWindow)],
) -> AppResult<HashMap<(Uuid, UptimeWindow), Option<f64>>> {
    let mut out = HashMap::new();
    let now = Utc::now();
    for window in UptimeWindow::ALL {
        let ids: Vec<Uuid> = keys
            .iter()
            .filter(|(_, w)| *w == window)
            .map(|(id, _)| *id)
            .collect();
        if ids.is_empty() {
            continue;
        }
        let (period, from) = if window == UptimeWindow::Day {
            (
                AggregationPeriod::Hourly,
                aggregate::hour_start(now - window.duration()),
            )
        } else {
            (
                AggregationPeriod::Daily,
                aggregate::day_start(now - window.duration()),
            )
        };
        let sums: Vec<(Uuid, Option<i64>, Option<i64>)> = monitor_aggregates::Entity::find()
            .select_only()
            .column(monitor_aggregates::Column::MonitorId)
            .column_as(monitor_aggregates::Column::TotalChecks.sum(), "total")
            .column_as(monitor_aggregates::Column::SuccessfulChecks.sum(), "up")
            .filter(monitor_aggregates::Column::MonitorId.is_in(ids.clone()))
            .filter(monitor_aggregates::Column::PeriodType.eq(period))
            .filter(monitor_aggregates::Column::Location.eq(aggregate::GLOBAL))
            .filter(monitor_aggregates::Column::PeriodStart.gte(from))
            .group_by(monitor_aggregates::Column::MonitorId)
            .into_tuple()
            .all(db)
            .await?;
        for id in ids {
            let value = sums
                .iter()
                .find(|(m, _, _)| *m == id)
                .and_then(|(_, total, up)| match (total, up) {
                    (Some(t), Some(u)) if *t > 0 => Some(*u as f64 * 100.0 / *t as f64),
                    _ => None,
                });
            out.insert((id, window), value);
        }
    }
    Ok(out)
}

/// Ranges of response-time series.
#[derive(Copy, Clone, Eq, PartialEq, Debug)]
pub enum SeriesRange {
    /// The last hour, one point per minute (raw results).
    Hour,
    /// The last 6 hours, one point per 5 minutes (raw results).
    SixHours,
    /// The last day, one point per hour.
    Day,
    /// The last 7 days, one point per hour.
    Week,
    /// The last 30 days, one point per day.
    Month,
    /// The last 90 days, one point per day.
    Quarter,
}

/// One point of a response-time series.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub start: DateTime<Utc>,
    pub checks: i32,
    pub failed: i32,
    pub avg_ms: Option<i32>,
    pub min_ms: Option<i32>,
    pub max_ms: Option<i32>,
    pub p95_ms: Option<i32>,
}

/// Response times of a monitor over `range`, bucketed: from raw results for an hour or six,
/// from the aggregates (of one location, or `global`) beyond.
pub async fn series(
    db: &impl ConnectionTrait,
    id: Uuid,
    range: SeriesRange,
    location: Option<&str>,
) -> AppResult<Vec<Bucket>> {
    let now = Utc::now();
    match range {
        SeriesRange::Hour => raw_series(db, id, location, now, 60, 1).await,
        SeriesRange::SixHours => raw_series(db, id, location, now, 360, 5).await,
        SeriesRange::Day | SeriesRange::Week | SeriesRange::Month | SeriesRange::Quarter => {
            let (period, from) = match range {
                SeriesRange::Day => (AggregationPeriod::Hourly, now - Duration::days(1)),
                SeriesRange::Week => (AggregationPeriod::Hourly, now - Duration::days(7)),
                SeriesRange::Month => (AggregationPeriod::Daily, now - Duration::days(30)),
                _ => (AggregationPeriod::Daily, now - Duration::days(90)),
            };
            let from = if period == AggregationPeriod::Hourly {
                aggregate::hour_start(from)
            } else {
                aggregate::day_start(from)
            };
            let rows =
                aggregate::history(db, id, period, location.unwrap_or(aggregate::GLOBAL), from)
                    .await?;
            Ok(rows
                .into_iter()
                .map(|r| Bucket {
                    start: r.period_start,
                    checks: r.total_checks,
                    failed: r.failed_checks,
                    avg_ms: r.avg_response_ms,
                    min_ms: r.min_response_ms,
                    max_ms: r.max_response_ms,
                    p95_ms: r.p95_response_ms,
                })
                .collect())
        }
    }
}

/// Raw results of the last `minutes`, in buckets of `step` minutes.
async fn raw_series(
    db: &impl ConnectionTrait,
    id: Uuid,
    location: Option<&str>,
    now: DateTime<Utc>,
    minutes: i64,
    step: i64,
) -> AppResult<Vec<Bucket>> {
    let from = now - Duration::minutes(minutes);
    let step = Duration::minutes(step);
    let rows = aggregate::raw_since(db, id, location, from).await?;
    type Items = (DateTime<Utc>, Vec<(bool, Option<i32>, bool)>);
    let mut buckets: Vec<Items> = Vec::new();
    for (at, up, ms) in rows {
        let offset = (at - from).num_seconds() / std::cmp::max(step.num_seconds(), 1);
        let start = from + step * i32::try_from(offset).unwrap_or(0);
        match buckets.last_mut() {
            Some((s, items)) if *s == start => items.push((up, ms, false)),
            _ => buckets.push((start, vec![(up, ms, false)])),
        }
    }
    Ok(buckets
        .into_iter()
        .map(|(start, items)| {
            let f = aggregate::figures(&items);
            Bucket {
                start,
                checks: f.total,
                failed: f.failed,
                avg_ms: f.avg,
                min_ms: f.min,
                max_ms: f.max,
                p95_ms: f.p95,
            }
        })
        .collect())
}

/// One day of an uptime bar.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyUptime {
    pub date: DateTime<Utc>,
    pub checks: i32,
    pub failed: i32,
    /// `None` when nothing was checked that day.
    pub uptime: Option<f64>,
}

/// One entry per day for the last `days` days (1 to 365), oldest first, from the global
/// daily aggregates.
pub async fn daily_uptime(
    db: &impl ConnectionTrait,
    id: Uuid,
    days: i32,
) -> AppResult<Vec<DailyUptime>> {
    let days = days.clamp(1, 365);
    let from = aggregate::day_start(Utc::now()) - Duration::days(i64::from(days - 1));
    let rows =
        aggregate::history(db, id, AggregationPeriod::Daily, aggregate::GLOBAL, from).await?;
    let by_day: HashMap<DateTime<Utc>, monitor_aggregates::Model> =
        rows.into_iter().map(|r| (r.period_start, r)).collect();
    Ok((0..days)
        .map(|i| {
            let date = from + Duration::days(i64::from(i));
            match by_day.get(&date) {
                Some(r) => DailyUptime {
                    date,
                    checks: r.total_checks,
                    failed: r.failed_checks,
                    uptime: (r.total_checks > 0).then_some(r.uptime_percentage),
                },
                None => DailyUptime {
                    date,
                    checks: 0,
                    failed: 0,
                    uptime: None,
                },
            }
        })
        .collect())
}

/// The monitor's state at each of its locations, by location name.
pub async fn locations(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<Vec<monitor_locations::Model>> {
    Ok(monitor_locations::Entity::find()
        .filter(monitor_locations::Column::MonitorId.eq(id))
        .order_by_asc(monitor_locations::Column::Location)
        .all(db)
        .await?)
}

/// The notification providers a monitor alerts through.
pub async fn provider_ids(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(monitor_notification_settings::Entity::find()
        .filter(monitor_notification_settings::Column::MonitorId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.notification_provider_id)
        .collect())
}

/// One result by id, for an event that names it (the subscriber's access was checked).
pub async fn result(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<Option<monitor_results::Model>> {
    Ok(monitor_results::Entity::find_by_id(id).one(db).await?)
}

/// One monitor by id, for an event that names it (the subscriber's access was checked).
pub async fn monitor(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<monitors::Model>> {
    Ok(monitors::Entity::find_by_id(id).one(db).await?)
}

/// A period a monitor was down: from the check that turned it down to the one that turned it
/// up again.
#[derive(Debug, Clone, PartialEq)]
pub struct Downtime {
    pub start: DateTime<Utc>,
    /// `None` while it is still down.
    pub end: Option<DateTime<Utc>>,
    /// What the check that turned it down said (`error` of its details).
    pub cause: Option<String>,
    /// The error class of that check (`connect`, `dns`, `timeout`, `status`, ...).
    pub error_class: Option<String>,
    /// Where that check ran.
    pub location: String,
}

/// Status changes read for [`downtimes`] at most: the newest, so that a monitor flapping all
/// year answers with its latest 1,000 or so periods rather than every one.
pub const MAX_DOWNTIME_CHANGES: u64 = 2_000;

/// The down periods of a monitor that overlap the last `days` days (1 to 365), newest first,
/// from the results that changed its status (two statements: the newest changes in the window,
/// at most [`MAX_DOWNTIME_CHANGES`], and the last one before it, which says whether the window
/// opens down). A maintenance in progress is not downtime: it ends a down period and opens none.
pub async fn downtimes(db: &impl ConnectionTrait, id: Uuid, days: i32) -> AppResult<Vec<Downtime>> {
    let from = Utc::now() - Duration::days(i64::from(days.clamp(1, 365)));
    let changes = || {
        monitor_results::Entity::find()
            .filter(monitor_results::Column::MonitorId.eq(id))
            .filter(monitor_results::Column::IsStatusChange.eq(true))
    };
    let mut within = changes()
        .filter(monitor_results::Column::CheckedAt.gte(from))
        .filter(partition::ids_within(
            db,
            monitor_results::Column::Id,
            Some(from),
            None,
        ))
        .order_by_desc(monitor_results::Column::CheckedAt)
        .order_by_desc(monitor_results::Column::Id)
        .limit(MAX_DOWNTIME_CHANGES)
        .all(db)
        .await?;
    within.reverse();
    // Cut short, the window opens with the oldest change read; whole, with the state before it.
    let before = if within.len() as u64 == MAX_DOWNTIME_CHANGES {
        None
    } else {
        changes()
            .filter(monitor_results::Column::CheckedAt.lt(from))
            .order_by_desc(monitor_results::Column::CheckedAt)
            .one(db)
            .await?
    };
    Ok(down_periods(before.into_iter().chain(within)))
}

/// Whether a result was recorded under a maintenance in progress (its alerts held by it).
fn in_maintenance(result: &monitor_results::Model) -> bool {
    result
        .details
        .as_ref()
        .and_then(|d| d.get("alertsHeldBy"))
        .is_some_and(|held| held.get("maintenanceId").is_some())
}

/// Pairs status changes (oldest first) into down periods, newest first. A change into a
/// maintenance ends the open period, whatever the check said.
fn down_periods(changes: impl Iterator<Item = monitor_results::Model>) -> Vec<Downtime> {
    let mut periods: Vec<Downtime> = Vec::new();
    let mut open: Option<Downtime> = None;
    for change in changes {
        if change.is_up || in_maintenance(&change) {
            if let Some(mut period) = open.take() {
                period.end = Some(change.checked_at);
                periods.push(period);
            }
        } else if open.is_none() {
            let text = |key: &str| {
                change
                    .details
                    .as_ref()
                    .and_then(|d| d.get(key))
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            };
            open = Some(Downtime {
                start: change.checked_at,
                end: None,
                cause: text("error"),
                error_class: text("errorClass"),
                location: change.location.clone(),
            });
        }
    }
    periods.extend(open);
    periods.reverse();
    periods
}

#[cfg(test)]
mod tests {
    use super::*;
    use entity::monitor_results::MonitorResultStatus;
    use serde_json::json;

    fn change(minute: i64, up: bool) -> monitor_results::Model {
        let at = DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(minute);
        monitor_results::Model {
            id: Uuid::now_v7(),
            monitor_id: Uuid::nil(),
            checked_at: at,
            location: "default".into(),
            status: if up {
                MonitorResultStatus::Up
            } else {
                MonitorResultStatus::Down
            },
            response_time_ms: None,
            details: Some(
                json!({ "errorClass": "connect", "error": format!("refused at {minute}") }),
            ),
            is_up: up,
            is_status_change: true,
            consecutive_failure_count: 0,
            consecutive_success_count: 0,
            alerts_sent_for_failure: 0,
            alerts_sent_for_recovery: 0,
            test_execution_id: None,
            test_report_s3_url: None,
        }
    }

    #[test]
    fn status_changes_pair_into_down_periods() {
        let at = |m: i64| DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(m);
        // Down at 1, a second down change (another location) at 2, up at 5, down at 9 still.
        let changes = vec![
            change(0, true),
            change(1, false),
            change(2, false),
            change(5, true),
            change(9, false),
        ];
        let periods = down_periods(changes.into_iter());
        assert_eq!(periods.len(), 2);
        assert_eq!((periods[0].start, periods[0].end), (at(9), None));
        assert_eq!((periods[1].start, periods[1].end), (at(1), Some(at(5))));
        assert_eq!(periods[1].cause.as_deref(), Some("refused at 1"));
        assert_eq!(periods[1].error_class.as_deref(), Some("connect"));
        assert!(down_periods(vec![change(3, true)].into_iter()).is_empty());
    }

    #[test]
    fn a_maintenance_ends_a_down_period_and_opens_none() {
        let at = |m: i64| DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(m);
        let maintenance = |minute: i64| {
            let mut row = change(minute, false);
            row.status = MonitorResultStatus::Down;
            row.details = Some(json!({
                "error": "refused",
                "alertsHeldBy": { "maintenanceId": Uuid::nil(), "name": "Upgrade" }
            }));
            row
        };
        // Down at 1; the maintenance starts at 3 (its checks fail); it ends at 8, down still.
        let periods = down_periods(
            vec![
                change(0, true),
                change(1, false),
                maintenance(3),
                change(8, false),
            ]
            .into_iter(),
        );
        assert_eq!(periods.len(), 2);
        assert_eq!((periods[0].start, periods[0].end), (at(8), None));
        assert_eq!((periods[1].start, periods[1].end), (at(1), Some(at(3))));
        // Up before it: the maintenance alone is no downtime.
        assert!(
            down_periods(vec![change(0, true), maintenance(2), change(6, true)].into_iter())
                .is_empty()
        );
    }
}
