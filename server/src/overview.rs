//! A project at a glance, and a search across its objects: what the web app's dashboard and
//! command palette read. Each costs a fixed number of statements whatever the project holds.

use chrono::{Duration, Utc};
use entity::incidents::IncidentStatus;
use entity::jobs::JobStatus;
use entity::monitors::MonitorStatus;
use entity::{callback_logs, callbacks, incidents, jobs, monitors, runs, status_pages, tests};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{
    ActiveEnum, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::db::partition;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Failing monitors, open incidents, failing jobs and recent runs listed, at most.
pub const LISTED: u64 = 10;
/// Hours of callback triggers counted.
pub const CALLBACK_HOURS: i64 = 24;

/// What the dashboard shows of a project.
#[derive(Debug)]
pub struct Overview {
    /// How many monitors have each status (statuses without monitors left out).
    pub monitor_counts: Vec<(MonitorStatus, i64)>,
    /// Monitors that are down or in error, the longest failing first.
    pub failing_monitors: Vec<monitors::Model>,
    /// Incidents not resolved on the project's status pages, newest first.
    pub open_incidents: Vec<incidents::Model>,
    /// Jobs whose last run failed or ended in error, most recent first.
    pub failing_jobs: Vec<jobs::Model>,
    /// The newest runs.
    pub recent_runs: Vec<runs::Model>,
    pub tests: u64,
    pub jobs: u64,
    pub callbacks: u64,
    pub status_pages: u64,
    /// Callback triggers in the last [`CALLBACK_HOURS`]: all of them and the failed ones.
    pub triggers: i64,
    pub failed_triggers: i64,
}

/// The overview of a project the caller may view.
pub async fn project_overview(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
) -> AppResult<Overview> {
    let db = &state.db;
    principal.project(db, project_id, Level::Viewer).await?;
    let monitor_counts: Vec<(MonitorStatus, i64)> = monitors::Entity::find()
        .filter(monitors::Column::ProjectId.eq(project_id))
        .select_only()
        .column(monitors::Column::Status)
        .column_as(
            Expr::expr(Func::count(Expr::col(monitors::Column::Id))),
            "n",
        )
        .group_by(monitors::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let failing_monitors = monitors::Entity::find()
        .filter(monitors::Column::ProjectId.eq(project_id))
        .filter(monitors::Column::Status.is_in([MonitorStatus::Down, MonitorStatus::Error]))
        .order_by_asc(monitors::Column::LastStatusChangeAt)
        .order_by_asc(monitors::Column::Id)
        .limit(LISTED)
        .all(db)
        .await?;
    let open_incidents = incidents::Entity::find()
        .filter(
            incidents::Column::StatusPageId.in_subquery(
                Query::select()
                    .column(status_pages::Column::Id)
                    .from(status_pages::Entity)
                    .and_where(status_pages::Column::ProjectId.eq(project_id))
                    .to_owned(),
            ),
        )
        .filter(incidents::Column::Status.is_in([
            IncidentStatus::Investigating,
            IncidentStatus::Identified,
            IncidentStatus::Monitoring,
        ]))
        .order_by_desc(incidents::Column::CreatedAt)
        .limit(LISTED)
        .all(db)
        .await?;
    let failing_jobs = jobs::Entity::find()
        .filter(jobs::Column::ProjectId.eq(project_id))
        .filter(jobs::Column::Status.is_in([JobStatus::Failed, JobStatus::Error]))
        .order_by_desc(jobs::Column::LastRunAt)
        .order_by_asc(jobs::Column::Id)
        .limit(LISTED)
        .all(db)
        .await?;
    let recent_runs = runs::Entity::find()
        .filter(runs::Column::ProjectId.eq(project_id))
        .order_by_desc(runs::Column::CreatedAt)
        .order_by_desc(runs::Column::Id)
        .limit(LISTED)
        .all(db)
        .await?;
    let tests = tests::Entity::find()
        .filter(tests::Column::ProjectId.eq(project_id))
        .count(db)
        .await?;
    let jobs = jobs::Entity::find()
        .filter(jobs::Column::ProjectId.eq(project_id))
        .count(db)
        .await?;
    let callbacks = callbacks::Entity::find()
        .filter(callbacks::Column::ProjectId.eq(project_id))
        .count(db)
        .await?;
    let status_pages = status_pages::Entity::find()
        .filter(status_pages::Column::ProjectId.eq(project_id))
        .count(db)
        .await?;
    let since = Utc::now() - Duration::hours(CALLBACK_HOURS);
    let (triggers, failed): (i64, Option<i64>) = callback_logs::Entity::find()
        .filter(callback_logs::Column::ProjectId.eq(project_id))
        .filter(callback_logs::Column::CreatedAt.gte(since))
        .filter(partition::ids_within(
            db,
            callback_logs::Column::Id,
            Some(since),
            None,
        ))
        .select_only()
        .column_as(
            Expr::expr(Func::count(Expr::col(callback_logs::Column::Id))),
            "total",
        )
        .column_as(
            Expr::expr(
                Func::cust("SUM")
                    .arg(Expr::case(callback_logs::Column::Success.eq(false), 1).finally(0)),
            ),
            "failed",
        )
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((0, None));
    Ok(Overview {
        monitor_counts,
        failing_monitors,
        open_incidents,
        failing_jobs,
        recent_runs,
        tests,
        jobs,
        callbacks,
        status_pages,
        triggers,
        failed_triggers: failed.unwrap_or(0),
    })
}

/// The longest search text taken.
pub const MAX_QUERY: usize = 100;
/// Hits of each kind returned when the caller does not say, and at most.
pub const DEFAULT_HITS: u64 = 5;
pub const MAX_HITS: u64 = 20;

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Monitor,
    Test,
    Job,
    Callback,
    Run,
}

/// One object of the project found by a search.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Uuid,
    pub title: String,
    /// What tells it apart: a monitor's target, a callback's path, a run's status.
    pub detail: Option<String>,
}

/// Monitors (by name or target), tests (title), jobs (name) and callbacks (name or custom
/// path) of a project whose text holds `text` in any case, at most `first` of each kind; a
/// run (or any of those) whose id is `text`. Blank text finds nothing.
pub async fn search(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    text: &str,
    first: Option<i32>,
) -> AppResult<Vec<Hit>> {
    let text = text.trim();
    if text.chars().count() > MAX_QUERY {
        return Err(AppError::field(
            "query",
            format!("must be at most {MAX_QUERY} characters"),
        ));
    }
    let first = match first {
        None => DEFAULT_HITS,
        Some(n) if (1..=MAX_HITS as i32).contains(&n) => n as u64,
        Some(_) => {
            return Err(AppError::field(
                "first",
                format!("must be between 1 and {MAX_HITS}"),
            ));
        }
    };
    let db = &state.db;
    principal.project(db, project_id, Level::Viewer).await?;
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let pattern = format!(
        "%{}%",
        text.to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let like = |column: Expr| -> Expr {
        Expr::expr(Func::lower(column)).like(LikeExpr::new(pattern.clone()).escape('\\'))
    };
    // A pasted id finds its object by id, whatever the text would match.
    let id = Uuid::parse_str(text).ok();
    let by_id = |column: Expr| -> Expr {
        match id {
            Some(id) => column.eq(id),
            None => Expr::val(false),
        }
    };
    let mut hits = Vec::new();
    let found = monitors::Entity::find()
        .filter(monitors::Column::ProjectId.eq(project_id))
        .filter(
            like(Expr::col(monitors::Column::Name))
                .or(like(Expr::col(monitors::Column::Target)))
                .or(by_id(Expr::col(monitors::Column::Id))),
        )
        .order_by_asc(monitors::Column::Name)
        .limit(first)
        .all(db)
        .await?;
    hits.extend(found.into_iter().map(|m| Hit {
        kind: HitKind::Monitor,
        id: m.id,
        title: m.name,
        detail: Some(m.target),
    }));
    let found = tests::Entity::find()
        .filter(tests::Column::ProjectId.eq(project_id))
        .filter(like(Expr::col(tests::Column::Title)).or(by_id(Expr::col(tests::Column::Id))))
        .order_by_asc(tests::Column::Title)
        .limit(first)
        .all(db)
        .await?;
    hits.extend(found.into_iter().map(|t| Hit {
        kind: HitKind::Test,
        id: t.id,
        title: t.title,
        detail: None,
    }));
    let found = jobs::Entity::find()
        .filter(jobs::Column::ProjectId.eq(project_id))
        .filter(like(Expr::col(jobs::Column::Name)).or(by_id(Expr::col(jobs::Column::Id))))
        .order_by_asc(jobs::Column::Name)
        .limit(first)
        .all(db)
        .await?;
    hits.extend(found.into_iter().map(|j| Hit {
        kind: HitKind::Job,
        id: j.id,
        title: j.name,
        detail: j.cron_schedule,
    }));
    let found = callbacks::Entity::find()
        .filter(callbacks::Column::ProjectId.eq(project_id))
        .filter(
            like(Expr::col(callbacks::Column::Name))
                .or(like(Expr::col(callbacks::Column::CustomPath)))
                .or(by_id(Expr::col(callbacks::Column::Id))),
        )
        .order_by_asc(callbacks::Column::Name)
        .limit(first)
        .all(db)
        .await?;
    hits.extend(found.into_iter().map(|c| Hit {
        kind: HitKind::Callback,
        id: c.id,
        title: c.name,
        detail: c.custom_path,
    }));
    if let Some(id) = id {
        let run = runs::Entity::find_by_id(id)
            .filter(runs::Column::ProjectId.eq(project_id))
            .one(db)
            .await?;
        hits.extend(run.map(|r| Hit {
            kind: HitKind::Run,
            id: r.id,
            title: format!("Run {}", &r.id.to_string()[..8]),
            detail: Some(r.status.to_value().to_uppercase()),
        }));
    }
    Ok(hits)
}
