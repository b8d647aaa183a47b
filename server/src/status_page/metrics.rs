//! A status page's daily figures beside its uptime: views of its public HTML and its
//! subscribers, on the page-level row of `status_page_metrics` (`component_id` null, one per
//! page and day at midnight UTC).
//!
//! - `page_views`: the public HTML handler counts views in memory ([`PageViews::count`]); a
//!   periodic pass ([`flush_views`]) adds them to the day's row. Every replica adds its own
//!   count (`page_views = page_views + n`), none overwrites another's.
//! - `subscribers` (confirmed, not quarantined), `pending_subscribers` (awaiting their
//!   confirmation) and `quarantined_subscribers`: counted by the upkeep pass
//!   ([`record_counts`]); the day's last count stays.
//!
//! The uptime columns of that row (`total_checks`, …) are left to the uptime figures.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use entity::{status_page_metrics as metrics, status_pages};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::error::AppResult;
use crate::state::AppState;

/// Most days one read of the figures covers.
pub const MAX_DAYS: u32 = 366;
/// How often a serving process adds its counted views to the database.
pub const FLUSH_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Views of public pages counted in this process since the last flush.
#[derive(Debug, Default)]
pub struct PageViews(Mutex<HashMap<Uuid, i64>>);

impl PageViews {
    /// Counts one view of page `page_id`.
    pub fn count(&self, page_id: Uuid) {
        if let Ok(mut views) = self.0.lock() {
            *views.entry(page_id).or_default() += 1;
        }
    }

    fn take(&self) -> HashMap<Uuid, i64> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }

    /// Puts back views a flush could not write, for the next one.
    fn restore(&self, page_id: Uuid, views: i64) {
        if let Ok(mut counted) = self.0.lock() {
            *counted.entry(page_id).or_default() += views;
        }
    }
}

/// Midnight UTC of the day of `at`.
pub fn day_of(at: DateTime<Utc>) -> DateTime<Utc> {
    at.date_naive().and_time(NaiveTime::MIN).and_utc()
}

/// The upsert of the page-level row of `(page, day)`: `set` says what an existing row gets.
fn upsert(set: &str) -> String {
    format!(
        "INSERT INTO status_page_metrics (id, status_page_id, component_id, date, total_checks, \
           successful_checks, failed_checks, page_views, subscribers, pending_subscribers, \
           quarantined_subscribers, created_at, updated_at) \
         VALUES ($1, $2, NULL, $3, 0, 0, 0, $4, $5, $6, $7, $8, $8) \
         ON CONFLICT (status_page_id, date) WHERE component_id IS NULL DO UPDATE SET {set}, \
           updated_at = excluded.updated_at"
    )
}

/// Adds the views counted in this process to their pages' rows of the day of `now`. Views of
/// a page that could not be written are kept for the next flush (a deleted page's are
/// dropped). Returns the views written.
pub async fn flush_views(state: &AppState, now: DateTime<Utc>) -> AppResult<i64> {
    let views = state.page_views.take();
    let sql = upsert("page_views = status_page_metrics.page_views + excluded.page_views");
    let mut written = 0;
    for (page_id, count) in views {
        let values = row_values(page_id, now, [count, 0, 0, 0]);
        let backend = state.db.get_database_backend();
        match state
            .db
            .execute_raw(Statement::from_sql_and_values(backend, &sql, values))
            .await
        {
            Ok(_) => written += count,
            Err(err) => {
                let exists = status_pages::Entity::find_by_id(page_id)
                    .one(&state.db)
                    .await
                    .map(|p| p.is_some())
                    .unwrap_or(true);
                if exists {
                    state.page_views.restore(page_id, count);
                    tracing::warn!(error = %err, page = %page_id, "adding page views failed");
                }
            }
        }
    }
    Ok(written)
}

fn row_values(page_id: Uuid, now: DateTime<Utc>, figures: [i64; 4]) -> Vec<sea_orm::Value> {
    let [views, active, pending, quarantined] = figures;
    let int = |n: i64| i32::try_from(n).unwrap_or(i32::MAX).into();
    vec![
        Uuid::now_v7().into(),
        page_id.into(),
        day_of(now).into(),
        int(views),
        int(active),
        int(pending),
        int(quarantined),
        now.into(),
    ]
}

/// Writes every page's subscriber counts on its row of the day of `now`. Returns the pages
/// written.
pub async fn record_counts(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<usize> {
    let pages: Vec<Uuid> = status_pages::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let counts = counts(db).await?;
    let sql = upsert(
        "subscribers = excluded.subscribers, pending_subscribers = excluded.pending_subscribers, \
         quarantined_subscribers = excluded.quarantined_subscribers",
    );
    let backend = db.get_database_backend();
    for page_id in &pages {
        let (active, pending, quarantined) = counts.get(page_id).copied().unwrap_or_default();
        let values = row_values(*page_id, now, [0, active, pending, quarantined]);
        db.execute_raw(Statement::from_sql_and_values(backend, &sql, values))
            .await?;
    }
    Ok(pages.len())
}

/// Subscribers of each page that has any: (active, pending, quarantined), in one statement.
async fn counts(db: &impl ConnectionTrait) -> AppResult<HashMap<Uuid, (i64, i64, i64)>> {
    let sql = "SELECT status_page_id, \
         SUM(CASE WHEN quarantined_at IS NULL AND verified_at IS NOT NULL THEN 1 ELSE 0 END) AS active, \
         SUM(CASE WHEN quarantined_at IS NULL AND verified_at IS NULL THEN 1 ELSE 0 END) AS pending, \
         SUM(CASE WHEN quarantined_at IS NOT NULL THEN 1 ELSE 0 END) AS quarantined \
       FROM status_page_subscribers GROUP BY status_page_id";
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    let mut out = HashMap::new();
    for row in rows {
        let page: Uuid = row.try_get("", "status_page_id")?;
        let get = |column: &str| row.try_get::<i64>("", column);
        out.insert(page, (get("active")?, get("pending")?, get("quarantined")?));
    }
    Ok(out)
}

/// One day of a page's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Midnight UTC.
    pub date: DateTime<Utc>,
    pub page_views: i32,
    /// (active, pending, quarantined) as last counted that day; `None` without a row.
    pub subscribers: Option<(i32, i32, i32)>,
}

/// The figures of the last `days` days of a page (project viewers), oldest first, today
/// included; a day without a row has no views.
pub async fn daily(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    days: u32,
    now: DateTime<Utc>,
) -> AppResult<Vec<Day>> {
    super::find(state, principal, status_page_id, Level::Viewer).await?;
    let days = days.clamp(1, MAX_DAYS);
    let today = day_of(now);
    let first = today - Duration::days(i64::from(days) - 1);
    let rows: HashMap<DateTime<Utc>, metrics::Model> = metrics::Entity::find()
        .filter(metrics::Column::StatusPageId.eq(status_page_id))
        .filter(metrics::Column::ComponentId.is_null())
        .filter(metrics::Column::Date.gte(first))
        .order_by_asc(metrics::Column::Date)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| (row.date, row))
        .collect();
    Ok((0..i64::from(days))
        .map(|n| {
            let date = first + Duration::days(n);
            let row = rows.get(&date);
            Day {
                date,
                page_views: row.map_or(0, |r| r.page_views),
                subscribers: row.map(|r| {
                    (
                        r.subscribers,
                        r.pending_subscribers,
                        r.quarantined_subscribers,
                    )
                }),
            }
        })
        .collect())
}
