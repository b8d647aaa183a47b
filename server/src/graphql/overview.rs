//! The project overview (the web app's dashboard) and the search of a project's objects
//! (its command palette).

use async_graphql::{Context, Enum, ID, Object, SimpleObject};

use crate::graphql::context::CtxExt;
use crate::graphql::incident::Incident;
use crate::graphql::monitor::{Monitor, MonitorStatus};
use crate::graphql::testing::{Job, Run};
use crate::overview;
use crate::validate;

/// How many monitors have one status.
#[derive(SimpleObject)]
pub struct MonitorStatusCount {
    pub status: MonitorStatus,
    pub count: i32,
}

/// Callback triggers over the last hours.
#[derive(SimpleObject)]
pub struct TriggerTotals {
    pub window_hours: i32,
    pub total: i32,
    pub failed: i32,
    /// Failed triggers per hundred; null without triggers.
    pub error_rate: Option<f64>,
}

/// A project at a glance.
pub struct ProjectOverview(overview::Overview);

#[Object]
impl ProjectOverview {
    /// Monitors per status (statuses no monitor has are left out).
    async fn monitor_counts(&self) -> Vec<MonitorStatusCount> {
        self.0
            .monitor_counts
            .iter()
            .map(|(status, count)| MonitorStatusCount {
                status: (*status).into(),
                count: i32::try_from(*count).unwrap_or(i32::MAX),
            })
            .collect()
    }
    /// Monitors down or in error, the longest failing first (at most 10).
    async fn failing_monitors(&self) -> Vec<Monitor> {
        self.0
            .failing_monitors
            .iter()
            .cloned()
            .map(Monitor)
            .collect()
    }
    /// Unresolved incidents of the project's status pages, newest first (at most 10).
    async fn open_incidents(&self) -> Vec<Incident> {
        self.0
            .open_incidents
            .iter()
            .cloned()
            .map(Incident)
            .collect()
    }
    /// Jobs whose last run failed, most recent first (at most 10).
    async fn failing_jobs(&self) -> Vec<Job> {
        self.0.failing_jobs.iter().cloned().map(Job).collect()
    }
    /// The newest runs (at most 10).
    async fn recent_runs(&self) -> Vec<Run> {
        self.0.recent_runs.iter().cloned().map(Run).collect()
    }
    async fn test_count(&self) -> i32 {
        count(self.0.tests)
    }
    async fn job_count(&self) -> i32 {
        count(self.0.jobs)
    }
    async fn callback_count(&self) -> i32 {
        count(self.0.callbacks)
    }
    async fn status_page_count(&self) -> i32 {
        count(self.0.status_pages)
    }
    /// Callback triggers of the last 24 hours.
    async fn triggers(&self) -> TriggerTotals {
        let total = i32::try_from(self.0.triggers).unwrap_or(i32::MAX);
        let failed = i32::try_from(self.0.failed_triggers).unwrap_or(i32::MAX);
        TriggerTotals {
            window_hours: overview::CALLBACK_HOURS as i32,
            total,
            failed,
            error_rate: (total > 0).then(|| f64::from(failed) * 100.0 / f64::from(total)),
        }
    }
}

fn count(n: u64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// What a search hit is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::overview::HitKind")]
pub enum SearchKind {
    Monitor,
    Test,
    Job,
    Callback,
    Run,
}

/// An object of a project found by `search`.
#[derive(SimpleObject)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: ID,
    pub title: String,
    /// What tells it apart: a monitor's target, a job's schedule, a callback's path, a
    /// run's status.
    pub detail: Option<String>,
}

#[derive(Default)]
pub struct OverviewQuery;

#[Object]
impl OverviewQuery {
    /// A project at a glance: monitors per status and the failing ones, open incidents,
    /// failing jobs, recent runs and callback triggers (project viewers). Costs a fixed
    /// number of statements whatever the project holds.
    async fn project_overview(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
    ) -> async_graphql::Result<ProjectOverview> {
        let id = validate::id("projectId", &project_id)?;
        let found = overview::project_overview(ctx.state(), ctx.principal()?, id).await?;
        Ok(ProjectOverview(found))
    }

    /// Monitors (name or target), tests (title), jobs (name) and callbacks (name or custom
    /// path) of a project holding `query` in any case, at most `first` of each kind (default
    /// 5, at most 20), and the run (or object) whose id is `query`. Blank text finds nothing;
    /// `query` is at most 100 characters.
    async fn search(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        query: String,
        first: Option<i32>,
    ) -> async_graphql::Result<Vec<SearchHit>> {
        let id = validate::id("projectId", &project_id)?;
        let hits = overview::search(ctx.state(), ctx.principal()?, id, &query, first).await?;
        Ok(hits
            .into_iter()
            .map(|h| SearchHit {
                kind: h.kind.into(),
                id: ID(h.id.to_string()),
                title: h.title,
                detail: h.detail,
            })
            .collect())
    }
}
