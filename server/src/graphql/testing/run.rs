//! Runs: their state, artifacts, k6 figures, live updates and output.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, ID, InputObject, Json, Object, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{k6_performance_runs, runs};
use futures_util::{Stream, StreamExt};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{Job, RunStatus, RunTrigger};
use crate::auth::{Level, Principal};
use crate::error::AppError;
use crate::events::Event;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::state::AppState;
use crate::testing::artifact::{RunArtifacts, RunMetadata};
use crate::testing::{query, run};
use crate::validate;

#[derive(InputObject, Default)]
pub struct RunFilter {
    pub job_id: Option<ID>,
    pub status: Option<RunStatus>,
    pub trigger: Option<RunTrigger>,
}

/// A stored artifact of a run.
#[derive(SimpleObject)]
pub struct RunArtifact {
    /// `report`, `log`, `results`, `screenshot`, `video`, `trace`, `k6-report`, `k6-summary`,
    /// `k6-console`.
    pub kind: String,
    /// The storage key.
    pub path: String,
    /// Where an authorized user downloads it.
    pub url: String,
}

/// One execution of a job (or of one test from the editor).
pub struct Run(pub runs::Model);

fn artifact_url(ctx: &Context<'_>, key: &str) -> String {
    format!("{}/artifacts/{key}", ctx.state().settings.base_url())
}

#[Object]
impl Run {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn job_id(&self) -> Option<ID> {
        self.0.job_id.map(|id| ID(id.to_string()))
    }
    /// The test of a single-test run.
    async fn test_id(&self) -> Option<ID> {
        run::test_id_of(&self.0).map(|id| ID(id.to_string()))
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn job(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Job>> {
        match self.0.job_id {
            Some(id) => Ok(ctx.loaders().jobs.load_one(id).await?.map(Job)),
            None => Ok(None),
        }
    }
    async fn status(&self) -> RunStatus {
        self.0.status.into()
    }
    async fn trigger(&self) -> RunTrigger {
        self.0.trigger.into()
    }
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn started_at(&self) -> Option<DateTime<Utc>> {
        self.0.started_at
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
    async fn duration_ms(&self) -> Option<i32> {
        self.0.duration_ms
    }
    /// `1m 12s`.
    async fn duration(&self) -> Option<&str> {
        self.0.duration.as_deref()
    }
    /// The end of the console output, secrets masked (the whole log is an artifact); while
    /// the run runs, the output so far, refreshed every few seconds.
    async fn logs(&self) -> Option<&str> {
        self.0.logs.as_deref()
    }
    /// The number of the last output line `logs` holds (see `RunLogLine.number`).
    async fn log_lines(&self) -> Option<i64> {
        RunMetadata::of(&self.0)
            .log_lines
            .and_then(|n| i64::try_from(n).ok())
    }
    async fn error_details(&self) -> Option<&str> {
        self.0.error_details.as_deref()
    }
    async fn exit_code(&self) -> Option<i32> {
        self.0.exit_code
    }
    /// How many times a worker took it (2 after a retry).
    async fn attempt(&self) -> i32 {
        self.0.attempt
    }
    async fn cancel_requested(&self) -> bool {
        self.0.cancel_requested
    }
    async fn report_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .report_s3_url
            .as_deref()
            .map(|k| artifact_url(ctx, k))
    }
    async fn logs_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0.logs_s3_url.as_deref().map(|k| artifact_url(ctx, k))
    }
    async fn video_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0.video_s3_url.as_deref().map(|k| artifact_url(ctx, k))
    }
    /// Storage paths of the artifacts, by kind.
    async fn artifact_paths(&self) -> Option<Json<serde_json::Value>> {
        self.0.artifact_paths.clone().map(Json)
    }
    /// Every stored artifact with its download URL.
    async fn artifacts(&self, ctx: &Context<'_>) -> Vec<RunArtifact> {
        RunArtifacts::of(&self.0)
            .entries()
            .into_iter()
            .map(|(kind, key)| RunArtifact {
                kind: kind.into(),
                path: key.into(),
                url: artifact_url(ctx, key),
            })
            .collect()
    }
    /// Figures of each k6 execution of the run.
    async fn k6_results(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<K6PerformanceRun>> {
        Ok(ctx
            .loaders()
            .run_k6
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(K6PerformanceRun)
            .collect())
    }
}

/// The metrics of one k6 execution.
pub struct K6PerformanceRun(pub k6_performance_runs::Model);

#[Object]
impl K6PerformanceRun {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn test_id(&self) -> Option<ID> {
        self.0.test_id.map(|id| ID(id.to_string()))
    }
    async fn run_id(&self) -> ID {
        ID(self.0.run_id.to_string())
    }
    async fn status(&self) -> RunStatus {
        self.0.status.into()
    }
    async fn started_at(&self) -> Option<DateTime<Utc>> {
        self.0.started_at
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
    async fn duration_ms(&self) -> Option<i32> {
        self.0.duration_ms
    }
    /// Null when k6 did not finish.
    async fn thresholds_passed(&self) -> Option<bool> {
        self.0.thresholds_passed
    }
    async fn total_requests(&self) -> Option<i32> {
        self.0.total_requests
    }
    async fn failed_requests(&self) -> Option<i32> {
        self.0.failed_requests
    }
    /// Requests per second.
    async fn request_rate(&self) -> Option<f64> {
        self.0.request_rate.map(|r| f64::from(r) / 100.0)
    }
    async fn avg_response_time_ms(&self) -> Option<i32> {
        self.0.avg_response_time_ms
    }
    async fn p95_response_time_ms(&self) -> Option<i32> {
        self.0.p95_response_time_ms
    }
    async fn p99_response_time_ms(&self) -> Option<i32> {
        self.0.p99_response_time_ms
    }
    async fn error_details(&self) -> Option<&str> {
        self.0.error_details.as_deref()
    }
    /// The end of k6's console output.
    async fn console_output(&self) -> Option<&str> {
        self.0.console_output.as_deref()
    }
    async fn report_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .report_s3_url
            .as_deref()
            .map(|k| artifact_url(ctx, k))
    }
    async fn console_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .console_s3_url
            .as_deref()
            .map(|k| artifact_url(ctx, k))
    }
    async fn summary_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .summary_s3_url
            .as_deref()
            .map(|k| artifact_url(ctx, k))
    }
    /// k6's summary export, secrets masked.
    async fn summary(&self) -> Option<Json<serde_json::Value>> {
        self.0.summary_json.clone().map(Json)
    }
}

/// One line of a run's output, secrets masked.
#[derive(SimpleObject, Clone)]
pub struct RunLogLine {
    pub run_id: ID,
    /// The line's number in the run's output (1-based): lines up to `Run.logLines` are in
    /// `Run.logs` already, so a client that reads `logs` first skips those.
    pub number: i64,
    pub line: String,
}

/// The k6 results of many runs.
pub struct RunK6Loader(pub DatabaseConnection);

impl Loader<Uuid> for RunK6Loader {
    type Value = Vec<k6_performance_runs::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::k6_results(&self.0, keys).await?)
    }
}

/// Whether test runs can start on this server.
#[derive(SimpleObject)]
pub struct RunnerStatus {
    /// False on a server of the `api` role, which runs no tests and cannot tell.
    pub checked: bool,
    /// What is missing, with what to do; empty when runs can start.
    pub problems: Vec<String>,
}

#[derive(Default)]
pub struct RunQuery;

#[Object]
impl RunQuery {
    /// Runs of a project, newest first.
    async fn runs(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<RunFilter>,
    ) -> async_graphql::Result<Page<Run>> {
        let project_id = validate::id("projectId", &project_id)?;
        let filter = filter.unwrap_or_default();
        let filter = query::RunFilter {
            job_id: validate::opt_id("filter.jobId", filter.job_id.as_deref())?,
            status: filter.status.map(Into::into),
            trigger: filter.trigger.map(Into::into),
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::runs(ctx.state(), ctx.principal()?, project_id, filter, request).await?;
        Ok(connection(request, rows, |r| r.id, Run))
    }

    /// A run; an API key scoped to a job sees that job's runs.
    async fn run(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Run>> {
        let id = validate::id("id", &id)?;
        match run::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(r) => Ok(Some(Run(r))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    /// Whether this server can start test runs: the runner tools, the browser and the sandbox
    /// it needs, and what is missing.
    async fn runner_status(&self, ctx: &Context<'_>) -> async_graphql::Result<RunnerStatus> {
        ctx.principal()?;
        let settings = &ctx.state().settings;
        // An `api` process does not run tests: its own disk says nothing of the workers'.
        if settings.role == crate::config::Role::Api {
            return Ok(RunnerStatus {
                checked: false,
                problems: Vec::new(),
            });
        }
        Ok(RunnerStatus {
            checked: true,
            problems: crate::testing::install::missing(settings),
        })
    }
}

#[derive(Default)]
pub struct RunMutation;

#[Object]
impl RunMutation {
    /// Cancels a queued or running run; a running run's processes are killed.
    async fn cancel_run(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Run> {
        let id = validate::id("id", &id)?;
        Ok(Run(run::cancel(ctx.state(), ctx.principal()?, id).await?))
    }
}

#[derive(Default)]
pub struct RunSubscription;

#[Subscription]
impl RunSubscription {
    /// A run each time its state or fields change: one run (`runId`), or every run of a
    /// project (`projectId`), new ones included.
    async fn run_updated(
        &self,
        ctx: &Context<'_>,
        run_id: Option<ID>,
        project_id: Option<ID>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<Run>> + use<>> {
        let state = ctx.state().clone();
        let principal = ctx.principal()?.clone();
        let run_id = validate::opt_id("runId", run_id.as_deref())?;
        let project_id = validate::opt_id("projectId", project_id.as_deref())?;
        let (one, project) = match (run_id, project_id) {
            (Some(id), _) => {
                let run = run::find(&state, &principal, id, Level::Viewer).await?;
                (Some(id), run.project_id)
            }
            (None, Some(p)) => (None, p),
            (None, None) => {
                return Err(AppError::field("runId", "give a runId or a projectId").into());
            }
        };
        crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                match one {
                    Some(id) => run::find(&state, &principal, id, Level::Viewer)
                        .await
                        .map(drop),
                    None => principal
                        .project(&state.db, project, Level::Viewer)
                        .await
                        .map(drop),
                }
            },
            move |event| {
                let state = state.clone();
                let principal = principal.clone();
                async move {
                    match event {
                        Event::RunUpdated { run_id, project_id }
                            if project_id == project && one.is_none_or(|id| id == run_id) =>
                        {
                            // The guard again: a key scoped to a job sees that job's runs.
                            run::find(&state, &principal, run_id, Level::Viewer)
                                .await
                                .ok()
                                .map(Run)
                        }
                        _ => None,
                    }
                }
            },
        )
        .await
    }

    /// The run's output lines as they are printed, secrets masked.
    async fn run_log(
        &self,
        ctx: &Context<'_>,
        run_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<RunLogLine>> + use<>> {
        let id = validate::id("runId", &run_id)?;
        let run_id = ID(id.to_string());
        let batches = crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                run::find(&state, &principal, id, Level::Viewer)
                    .await
                    .map(drop)
            },
            move |event| async move {
                match event {
                    Event::RunLog {
                        run_id: r,
                        first,
                        lines,
                    } if r == id => Some((first, lines)),
                    _ => None,
                }
            },
        )
        .await?;
        Ok(batches.flat_map(move |batch| {
            let run_id = run_id.clone();
            let lines: Vec<async_graphql::Result<RunLogLine>> = match batch {
                Ok((first, lines)) => lines
                    .into_iter()
                    .zip(first..)
                    .map(|(line, number)| {
                        Ok(RunLogLine {
                            run_id: run_id.clone(),
                            number: i64::try_from(number).unwrap_or(i64::MAX),
                            line,
                        })
                    })
                    .collect(),
                Err(err) => vec![Err(err)],
            };
            futures_util::stream::iter(lines)
        }))
    }
}
