//! The reads of the public side. Every view costs a fixed number of statements, whatever the
//! number of components, monitors or incidents: one per table it shows, each for all the rows
//! at once. Nothing here reads `monitors`: a monitor's name or target never reaches a visitor,
//! only the daily figures of the monitors linked to the page's components.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::incidents::{self, IncidentStatus};
use entity::monitor_aggregates::{self, AggregationPeriod};
use entity::status_pages::{self, StatusPageStatus};
use entity::{
    incident_components, incident_updates, postmortems, status_page_component_monitors as links,
    status_page_components,
};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::error::AppResult;
use crate::monitor::aggregate;

/// The statuses that close an incident or a maintenance.
pub const CLOSED: [IncidentStatus; 2] = [IncidentStatus::Resolved, IncidentStatus::Completed];

/// Most incidents one view reads (a page with more in its window shows the newest).
const MAX_INCIDENTS: u64 = 500;

/// The published page of `subdomain`.
pub async fn page_by_subdomain(
    db: &impl ConnectionTrait,
    subdomain: &str,
) -> AppResult<Option<status_pages::Model>> {
    Ok(status_pages::Entity::find()
        .filter(status_pages::Column::Subdomain.eq(subdomain))
        .filter(status_pages::Column::Status.eq(StatusPageStatus::Published))
        .one(db)
        .await?)
}

/// The page that has custom domain `domain`, whatever its state (the caller serves it only
/// when it is published and the domain verified).
pub async fn page_by_domain(
    db: &impl ConnectionTrait,
    domain: &str,
) -> AppResult<Option<status_pages::Model>> {
    Ok(status_pages::Entity::find()
        .filter(status_pages::Column::CustomDomain.eq(domain))
        .one(db)
        .await?)
}

/// Whether a page may be served at its custom domain.
pub fn served_at_domain(page: &status_pages::Model) -> bool {
    page.status == StatusPageStatus::Published
        && page.custom_domain_verified
        && page.custom_domain.is_some()
}

/// A page's components in order, with the monitors linked to each.
#[derive(Debug, Default)]
pub struct Components {
    pub rows: Vec<status_page_components::Model>,
    pub links: HashMap<Uuid, Vec<links::Model>>,
}

/// The components of `page_id` (two statements).
pub async fn components(db: &impl ConnectionTrait, page_id: Uuid) -> AppResult<Components> {
    let rows = status_page_components::Entity::find()
        .filter(status_page_components::Column::StatusPageId.eq(page_id))
        .order_by_asc(status_page_components::Column::Position)
        .order_by_asc(status_page_components::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    let mut links: HashMap<Uuid, Vec<links::Model>> = HashMap::new();
    if !ids.is_empty() {
        for link in links::Entity::find()
            .filter(links::Column::ComponentId.is_in(ids))
            .all(db)
            .await?
        {
            links.entry(link.component_id).or_default().push(link);
        }
    }
    Ok(Components { rows, links })
}

/// One day of one monitor: (start of the UTC day, checks, uptime in percent).
pub type Daily = (DateTime<Utc>, i32, f64);

/// The daily figures (all locations together) of every monitor linked to `components`, for
/// the `days` days up to today (one statement).
pub async fn daily(
    db: &impl ConnectionTrait,
    components: &Components,
    days: i64,
    now: DateTime<Utc>,
) -> AppResult<HashMap<Uuid, Vec<Daily>>> {
    let mut monitors: Vec<Uuid> = components
        .links
        .values()
        .flatten()
        .map(|l| l.monitor_id)
        .collect();
    monitors.sort_unstable();
    monitors.dedup();
    let mut out: HashMap<Uuid, Vec<Daily>> = HashMap::new();
    if monitors.is_empty() {
        return Ok(out);
    }
    let from = aggregate::day_start(now) - Duration::days(days - 1);
    let rows: Vec<(Uuid, DateTime<Utc>, i32, f64)> = monitor_aggregates::Entity::find()
        .select_only()
        .column(monitor_aggregates::Column::MonitorId)
        .column(monitor_aggregates::Column::PeriodStart)
        .column(monitor_aggregates::Column::TotalChecks)
        .column(monitor_aggregates::Column::UptimePercentage)
        .filter(monitor_aggregates::Column::MonitorId.is_in(monitors))
        .filter(monitor_aggregates::Column::PeriodType.eq(AggregationPeriod::Daily))
        .filter(monitor_aggregates::Column::Location.eq(aggregate::GLOBAL))
        .filter(monitor_aggregates::Column::PeriodStart.gte(from))
        .into_tuple()
        .all(db)
        .await?;
    for (monitor, day, checks, uptime) in rows {
        out.entry(monitor).or_default().push((day, checks, uptime));
    }
    Ok(out)
}

/// Which incidents of a page a view reads.
#[derive(Debug, Clone, Copy)]
pub enum Window {
    /// Open ones, upcoming and running maintenance, and whatever touched the last `since`.
    Current { since: DateTime<Utc> },
    /// The newest `limit`; only maintenance, only incidents, or both.
    Latest {
        limit: u64,
        maintenance: Option<bool>,
    },
    /// Those that started in `[from, to)`.
    Started {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

/// Incidents and maintenance of a page with their updates and affected components.
#[derive(Debug, Default)]
pub struct Incidents {
    /// Newest first.
    pub rows: Vec<incidents::Model>,
    /// Each incident's updates, newest first.
    pub updates: HashMap<Uuid, Vec<incident_updates::Model>>,
    pub affected: HashMap<Uuid, Vec<incident_components::Model>>,
}

/// When an incident started: the backfilled date, else the maintenance's start, else its
/// creation. History and the uptime bars place it there.
pub fn started_at(incident: &incidents::Model) -> DateTime<Utc> {
    incident
        .backfill_date
        .or(incident.scheduled_for)
        .unwrap_or(incident.created_at)
}

/// The incidents of `page_id` in `window` (three statements).
pub async fn incidents(
    db: &impl ConnectionTrait,
    page_id: Uuid,
    window: Window,
) -> AppResult<Incidents> {
    use incidents::Column as C;
    // COALESCE(backfill_date, scheduled_for, created_at): `started_at` in SQL.
    let started = || {
        Expr::expr(Func::coalesce([
            Expr::col(C::BackfillDate),
            Expr::col(C::ScheduledFor),
            Expr::col(C::CreatedAt),
        ]))
    };
    let mut query = incidents::Entity::find().filter(C::StatusPageId.eq(page_id));
    let mut limit = MAX_INCIDENTS;
    match window {
        Window::Current { since } => {
            query = query.filter(
                Condition::any()
                    .add(C::Status.is_not_in(CLOSED))
                    .add(started().gte(since))
                    .add(C::ResolvedAt.gte(since))
                    .add(C::ScheduledUntil.gte(since)),
            );
        }
        Window::Latest {
            limit: most,
            maintenance,
        } => {
            limit = Ord::min(most, MAX_INCIDENTS);
            query = match maintenance {
                Some(true) => query.filter(C::ScheduledFor.is_not_null()),
                Some(false) => query.filter(C::ScheduledFor.is_null()),
                None => query,
            };
        }
        Window::Started { from, to } => {
            query = query.filter(started().gte(from)).filter(started().lt(to));
        }
    }
    let rows = query
        .order_by_desc(started())
        .order_by_desc(C::Id)
        .limit(limit)
        .all(db)
        .await?;
    details(db, rows).await
}

/// The updates and affected components of `rows` (two statements).
async fn details(db: &impl ConnectionTrait, rows: Vec<incidents::Model>) -> AppResult<Incidents> {
    let ids: Vec<Uuid> = rows.iter().map(|i| i.id).collect();
    let mut out = Incidents {
        rows,
        ..Default::default()
    };
    if ids.is_empty() {
        return Ok(out);
    }
    for update in incident_updates::Entity::find()
        .filter(incident_updates::Column::IncidentId.is_in(ids.clone()))
        .order_by_desc(incident_updates::Column::CreatedAt)
        .order_by_desc(incident_updates::Column::Id)
        .all(db)
        .await?
    {
        out.updates
            .entry(update.incident_id)
            .or_default()
            .push(update);
    }
    for affected in incident_components::Entity::find()
        .filter(incident_components::Column::IncidentId.is_in(ids))
        .order_by_asc(incident_components::Column::CreatedAt)
        .all(db)
        .await?
    {
        out.affected
            .entry(affected.incident_id)
            .or_default()
            .push(affected);
    }
    // Updates show at their display time when they have one.
    for updates in out.updates.values_mut() {
        updates.sort_by_key(|u| std::cmp::Reverse((u.display_at.unwrap_or(u.created_at), u.id)));
    }
    Ok(out)
}

/// One incident of `page_id` with its updates, affected components and published postmortem
/// (four statements).
pub async fn incident(
    db: &impl ConnectionTrait,
    page_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Option<(Incidents, Option<postmortems::Model>)>> {
    let Some(row) = incidents::Entity::find_by_id(id)
        .filter(incidents::Column::StatusPageId.eq(page_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let postmortem = postmortems::Entity::find()
        .filter(postmortems::Column::IncidentId.eq(id))
        .filter(postmortems::Column::PublishedAt.lte(now))
        .one(db)
        .await?;
    Ok(Some((details(db, vec![row]).await?, postmortem)))
}

/// The incident of `page_id` whose shortlink is `code`.
pub async fn shortlink(
    db: &impl ConnectionTrait,
    page_id: Uuid,
    code: &str,
) -> AppResult<Option<Uuid>> {
    Ok(incidents::Entity::find()
        .select_only()
        .column(incidents::Column::Id)
        .filter(incidents::Column::StatusPageId.eq(page_id))
        .filter(incidents::Column::Shortlink.eq(code))
        .into_tuple()
        .one(db)
        .await?)
}
