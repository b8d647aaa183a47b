//! Tests, jobs, runs and their live state and output.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Enum, ID, InputObject, Json, Object, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{
    job_notification_settings, job_tests, jobs, k6_performance_runs, runs, tags, test_tags, tests,
};
use futures_util::{Stream, StreamExt};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::error::AppError;
use crate::events::Event;
use crate::graphql::connection::{Order, Page, paginate};
use crate::graphql::context::CtxExt;
use crate::graphql::tag::Tag;
use crate::state::AppState;
use crate::testing::job::{AlertConfig, JobInput};
use crate::testing::{self, TestInput, cron, job, run};
use crate::validate;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::tests::TestPriority")]
pub enum TestPriority {
    Low,
    Medium,
    High,
}

/// What a test exercises: `PERFORMANCE` tests are k6 scripts, the others Playwright.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::tests::TestType")]
pub enum TestType {
    Browser,
    Api,
    Database,
    Custom,
    Performance,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::jobs::JobType")]
pub enum JobType {
    Playwright,
    K6,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::jobs::JobStatus")]
pub enum JobStatus {
    Pending,
    Running,
    Passed,
    Failed,
    Error,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::runs::RunStatus")]
pub enum RunStatus {
    Queued,
    Running,
    Passed,
    Failed,
    Error,
    TimedOut,
    Cancelled,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::runs::RunTrigger")]
pub enum RunTrigger {
    Manual,
    Remote,
    Schedule,
}

#[derive(InputObject)]
pub struct CreateTestInput {
    pub project_id: ID,
    pub title: String,
    pub description: Option<String>,
    /// A Playwright test file, or a k6 script for `PERFORMANCE` tests. Variables and secrets
    /// come from the `vigil` helper (see the README).
    pub script: String,
    pub priority: Option<TestPriority>,
    /// Default `BROWSER`.
    #[graphql(name = "type")]
    pub kind: Option<TestType>,
    pub tag_ids: Option<Vec<ID>>,
}

#[derive(InputObject)]
pub struct UpdateTestInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub script: Option<String>,
    pub priority: Option<TestPriority>,
    #[graphql(name = "type")]
    pub kind: Option<TestType>,
    pub tag_ids: Option<Vec<ID>>,
}

#[derive(InputObject, Default)]
pub struct TestFilter {
    #[graphql(name = "type")]
    pub kind: Option<TestType>,
    /// Part of the title.
    pub search: Option<String>,
    pub tag_id: Option<ID>,
}

/// When a job alerts through its notification providers.
#[derive(InputObject)]
pub struct JobAlertInput {
    #[graphql(default = true)]
    pub enabled: bool,
    #[graphql(default = true)]
    pub on_failure: bool,
    #[graphql(default = false)]
    pub on_success: bool,
    #[graphql(default = true)]
    pub on_timeout: bool,
    /// Placeholders: {{job.name}}, {{run.status}}, {{run.id}}, {{run.durationMs}}, {{run.error}}.
    pub custom_message: Option<String>,
}

#[derive(InputObject)]
pub struct CreateJobInput {
    pub project_id: ID,
    pub name: String,
    pub description: Option<String>,
    /// Default `PLAYWRIGHT`.
    pub job_type: Option<JobType>,
    /// Five-field cron expression in UTC (`*/15 * * * *`) or a nickname (`@hourly`); none
    /// for manual and remote triggers only.
    pub cron_schedule: Option<String>,
    /// Tests in the order they run.
    pub test_ids: Option<Vec<ID>>,
    /// Wall-clock limit of a run, 10 to 3600 s (default 600).
    pub timeout_seconds: Option<i32>,
    pub alert_config: Option<JobAlertInput>,
    pub notification_provider_ids: Option<Vec<ID>>,
}

#[derive(InputObject)]
pub struct UpdateJobInput {
    pub name: Option<String>,
    pub description: Option<String>,
    /// An empty string removes the schedule.
    pub cron_schedule: Option<String>,
    pub test_ids: Option<Vec<ID>>,
    pub timeout_seconds: Option<i32>,
    pub alert_config: Option<JobAlertInput>,
    pub notification_provider_ids: Option<Vec<ID>>,
}

#[derive(InputObject, Default)]
pub struct RunFilter {
    pub job_id: Option<ID>,
    pub status: Option<RunStatus>,
    pub trigger: Option<RunTrigger>,
}

fn ids(field: &str, ids: Option<Vec<ID>>) -> Result<Option<Vec<Uuid>>, AppError> {
    ids.map(|list| list.iter().map(|id| validate::id(field, id)).collect())
        .transpose()
}

fn alert_config(input: Option<JobAlertInput>) -> Option<AlertConfig> {
    input.map(|a| AlertConfig {
        enabled: a.enabled,
        on_failure: a.on_failure,
        on_success: a.on_success,
        on_timeout: a.on_timeout,
        custom_message: a.custom_message.filter(|m| !m.trim().is_empty()),
    })
}

/// A Playwright or k6 script.
pub struct Test(pub tests::Model);

#[Object]
impl Test {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn script(&self) -> &str {
        &self.0.script
    }
    async fn priority(&self) -> TestPriority {
        self.0.priority.into()
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> TestType {
        self.0.r#type.into()
    }
    /// `PLAYWRIGHT` or `K6`: the runner of this test.
    async fn runner(&self) -> JobType {
        if testing::is_k6(self.0.r#type) {
            JobType::K6
        } else {
            JobType::Playwright
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn tags(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Tag>> {
        Ok(ctx
            .loaders()
            .test_tags
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Tag)
            .collect())
    }
    /// Runs of this test on its own (from the editor), newest first.
    async fn runs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Run>> {
        let query = runs::Entity::find()
            .filter(runs::Column::ProjectId.eq(self.0.project_id))
            .filter(runs::Column::JobId.is_null())
            .filter(Expr::cust_with_values(
                if ctx.state().db.get_database_backend() == sea_orm::DbBackend::Postgres {
                    "metadata->>'testId' = $1"
                } else {
                    "json_extract(metadata, '$.testId') = ?"
                },
                [self.0.id.to_string()],
            ));
        Ok(paginate(
            ctx,
            query,
            runs::Column::Id,
            Order::Desc,
            first,
            after,
            |r| r.id,
            Run,
        )
        .await?)
    }
}

/// A named group of tests run by hand, from CI/CD or on a cron schedule.
pub struct Job(pub jobs::Model);

/// A job's alert settings.
#[derive(SimpleObject)]
pub struct JobAlertSettings {
    pub enabled: bool,
    pub on_failure: bool,
    pub on_success: bool,
    pub on_timeout: bool,
    pub custom_message: Option<String>,
}

#[Object]
impl Job {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn job_type(&self) -> JobType {
        self.0.job_type.into()
    }
    async fn cron_schedule(&self) -> Option<&str> {
        self.0.cron_schedule.as_deref()
    }
    /// When the schedule fires next (UTC); null for jobs without a schedule or with a paused
    /// one.
    async fn next_run_at(&self) -> Option<DateTime<Utc>> {
        self.0.next_run_at
    }
    /// The job has a schedule and it is paused (`pauseJobSchedule`).
    async fn schedule_paused(&self) -> bool {
        job::schedule_paused(&self.0)
    }
    async fn last_run_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_run_at
    }
    /// The outcome of the latest run.
    async fn status(&self) -> JobStatus {
        self.0.status.into()
    }
    async fn timeout_seconds(&self) -> i32 {
        self.0.timeout_seconds
    }
    async fn alert_config(&self) -> JobAlertSettings {
        let c = AlertConfig::of(&self.0);
        JobAlertSettings {
            enabled: c.enabled,
            on_failure: c.on_failure,
            on_success: c.on_success,
            on_timeout: c.on_timeout,
            custom_message: c.custom_message,
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The tests in the order they run.
    async fn tests(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Test>> {
        Ok(ctx
            .loaders()
            .job_tests
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Test)
            .collect())
    }
    async fn notification_provider_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        let rows = job_notification_settings::Entity::find()
            .filter(job_notification_settings::Column::JobId.eq(self.0.id))
            .all(&ctx.state().db)
            .await
            .map_err(AppError::from)?;
        Ok(rows
            .into_iter()
            .map(|r| ID(r.notification_provider_id.to_string()))
            .collect())
    }
    /// The job's runs, newest first.
    async fn runs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Run>> {
        let query = runs::Entity::find().filter(runs::Column::JobId.eq(self.0.id));
        Ok(paginate(
            ctx,
            query,
            runs::Column::Id,
            Order::Desc,
            first,
            after,
            |r| r.id,
            Run,
        )
        .await?)
    }
    /// The URL CI/CD posts to with an API key scoped to this job (`?wait=true` waits for the
    /// result).
    async fn trigger_url(&self, ctx: &Context<'_>) -> String {
        format!(
            "{}/api/jobs/{}/trigger",
            ctx.state().settings.base_url(),
            self.0.id
        )
    }
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
    async fn id(&self) -> ID {
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
        self.0
            .metadata
            .as_ref()
            .and_then(|m| m.get("logLines"))
            .and_then(serde_json::Value::as_i64)
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
        let mut out = Vec::new();
        let Some(paths) = &self.0.artifact_paths else {
            return out;
        };
        let mut add = |kind: &str, v: &serde_json::Value| {
            if let Some(key) = v.as_str() {
                out.push(RunArtifact {
                    kind: kind.into(),
                    path: key.into(),
                    url: artifact_url(ctx, key),
                });
            }
        };
        for (field, kind) in [("report", "report"), ("log", "log"), ("results", "results")] {
            add(kind, &paths[field]);
        }
        for (field, kind) in [
            ("screenshots", "screenshot"),
            ("videos", "video"),
            ("traces", "trace"),
        ] {
            for v in paths[field].as_array().into_iter().flatten() {
                add(kind, v);
            }
        }
        for k in paths["k6"].as_array().into_iter().flatten() {
            add("k6-report", &k["report"]);
            add("k6-summary", &k["summary"]);
            add("k6-console", &k["console"]);
        }
        out
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

/// Tags of many tests in one query.
pub struct TestTagsLoader(pub DatabaseConnection);

impl Loader<Uuid> for TestTagsLoader {
    type Value = Vec<tags::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Vec<tags::Model>>, Self::Error> {
        let links = test_tags::Entity::find()
            .filter(test_tags::Column::TestId.is_in(keys.to_vec()))
            .find_also_related(tags::Entity)
            .all(&self.0)
            .await
            .map_err(AppError::from)?;
        let mut out: HashMap<Uuid, Vec<tags::Model>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for (link, tag) in links {
            if let Some(tag) = tag {
                out.entry(link.test_id).or_default().push(tag);
            }
        }
        Ok(out)
    }
}

/// The ordered tests of many jobs in one query.
pub struct JobTestsLoader(pub DatabaseConnection);

impl Loader<Uuid> for JobTestsLoader {
    type Value = Vec<tests::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Vec<tests::Model>>, Self::Error> {
        let links = job_tests::Entity::find()
            .filter(job_tests::Column::JobId.is_in(keys.to_vec()))
            .order_by_asc(job_tests::Column::OrderPosition)
            .find_also_related(tests::Entity)
            .all(&self.0)
            .await
            .map_err(AppError::from)?;
        let mut out: HashMap<Uuid, Vec<tests::Model>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for (link, test) in links {
            if let Some(test) = test {
                out.entry(link.job_id).or_default().push(test);
            }
        }
        Ok(out)
    }
}

/// Jobs by id.
pub struct JobLoader(pub DatabaseConnection);

impl Loader<Uuid> for JobLoader {
    type Value = jobs::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, jobs::Model>, Self::Error> {
        let rows = jobs::Entity::find()
            .filter(jobs::Column::Id.is_in(keys.to_vec()))
            .all(&self.0)
            .await
            .map_err(AppError::from)?;
        Ok(rows.into_iter().map(|j| (j.id, j)).collect())
    }
}

/// The k6 results of many runs in one query.
pub struct RunK6Loader(pub DatabaseConnection);

impl Loader<Uuid> for RunK6Loader {
    type Value = Vec<k6_performance_runs::Model>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<k6_performance_runs::Model>>, Self::Error> {
        let rows = k6_performance_runs::Entity::find()
            .filter(k6_performance_runs::Column::RunId.is_in(keys.to_vec()))
            .order_by_asc(k6_performance_runs::Column::Id)
            .all(&self.0)
            .await
            .map_err(AppError::from)?;
        let mut out: HashMap<Uuid, Vec<k6_performance_runs::Model>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.run_id).or_default().push(row);
        }
        Ok(out)
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
pub struct TestingQuery;

#[Object]
impl TestingQuery {
    /// Tests of a project, oldest first.
    async fn tests(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<TestFilter>,
    ) -> async_graphql::Result<Page<Test>> {
        let project_id = validate::id("projectId", &project_id)?;
        ctx.principal()?
            .project(&ctx.state().db, project_id, Level::Viewer)
            .await?;
        let filter = filter.unwrap_or_default();
        let mut query = tests::Entity::find().filter(tests::Column::ProjectId.eq(project_id));
        if let Some(kind) = filter.kind {
            query = query.filter(tests::Column::Type.eq(entity::tests::TestType::from(kind)));
        }
        if let Some(search) = validate::text("filter.search", filter.search.as_deref(), 200)? {
            use sea_orm::sea_query::{ExprTrait, Func};
            query = query.filter(
                Expr::expr(Func::lower(Expr::col(tests::Column::Title)))
                    .like(format!("%{}%", search.to_lowercase())),
            );
        }
        if let Some(tag) = validate::opt_id("filter.tagId", filter.tag_id.as_deref())? {
            query = query.filter(
                tests::Column::Id.in_subquery(
                    Query::select()
                        .column(test_tags::Column::TestId)
                        .from(test_tags::Entity)
                        .and_where(test_tags::Column::TagId.eq(tag))
                        .to_owned(),
                ),
            );
        }
        Ok(paginate(
            ctx,
            query,
            tests::Column::Id,
            Order::Asc,
            first,
            after,
            |t| t.id,
            Test,
        )
        .await?)
    }

    async fn test(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Test>> {
        let id = validate::id("id", &id)?;
        match testing::find_test(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(t) => Ok(Some(Test(t))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    /// Jobs of a project, oldest first.
    async fn jobs(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Job>> {
        let project_id = validate::id("projectId", &project_id)?;
        ctx.principal()?
            .project(&ctx.state().db, project_id, Level::Viewer)
            .await?;
        let query = jobs::Entity::find().filter(jobs::Column::ProjectId.eq(project_id));
        Ok(paginate(
            ctx,
            query,
            jobs::Column::Id,
            Order::Asc,
            first,
            after,
            |j| j.id,
            Job,
        )
        .await?)
    }

    /// A job; an API key scoped to a job sees that job only.
    async fn job(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Job>> {
        let id = validate::id("id", &id)?;
        match job::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(j) => Ok(Some(Job(j))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

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
        ctx.principal()?
            .project(&ctx.state().db, project_id, Level::Viewer)
            .await?;
        let filter = filter.unwrap_or_default();
        let mut query = runs::Entity::find().filter(runs::Column::ProjectId.eq(project_id));
        if let Some(job_id) = validate::opt_id("filter.jobId", filter.job_id.as_deref())? {
            query = query.filter(runs::Column::JobId.eq(job_id));
        }
        if let Some(status) = filter.status {
            query = query.filter(runs::Column::Status.eq(entity::runs::RunStatus::from(status)));
        }
        if let Some(trigger) = filter.trigger {
            query = query.filter(runs::Column::Trigger.eq(entity::runs::RunTrigger::from(trigger)));
        }
        Ok(paginate(
            ctx,
            query,
            runs::Column::Id,
            Order::Desc,
            first,
            after,
            |r| r.id,
            Run,
        )
        .await?)
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
        let problems = crate::testing::install::parts(settings)
            .into_iter()
            .filter(|p| p.required && !p.path.exists())
            .map(|p| format!("{} is not installed ({})", p.name, p.hint))
            .collect();
        Ok(RunnerStatus {
            checked: true,
            problems,
        })
    }

    /// The next fire times (UTC) of a cron expression, to preview a schedule.
    async fn cron_preview(
        &self,
        ctx: &Context<'_>,
        expression: String,
        #[graphql(default = 5)] count: i32,
    ) -> async_graphql::Result<Vec<DateTime<Utc>>> {
        ctx.principal()?;
        if !(1..=50).contains(&count) {
            return Err(AppError::field("count", "must be between 1 and 50").into());
        }
        let parsed = cron::parse("expression", &expression)?;
        Ok(cron::upcoming(
            &parsed,
            Utc::now(),
            usize::try_from(count).unwrap_or(5),
        ))
    }
}

#[derive(Default)]
pub struct TestingMutation;

#[Object]
impl TestingMutation {
    /// Creates a test (project editors).
    async fn create_test(
        &self,
        ctx: &Context<'_>,
        input: CreateTestInput,
    ) -> async_graphql::Result<Test> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let domain = TestInput {
            title: Some(input.title),
            description: input.description,
            script: Some(input.script),
            priority: input.priority.map(Into::into),
            kind: input.kind.map(Into::into),
            tag_ids: ids("tagIds", input.tag_ids)?,
        };
        Ok(Test(
            testing::create_test(ctx.state(), ctx.principal()?, project_id, domain).await?,
        ))
    }

    async fn update_test(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateTestInput,
    ) -> async_graphql::Result<Test> {
        let id = validate::id("id", &id)?;
        let domain = TestInput {
            title: input.title,
            description: input.description,
            script: input.script,
            priority: input.priority.map(Into::into),
            kind: input.kind.map(Into::into),
            tag_ids: ids("tagIds", input.tag_ids)?,
        };
        Ok(Test(
            testing::update_test(ctx.state(), ctx.principal()?, id, domain).await?,
        ))
    }

    async fn delete_test(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        testing::delete_test(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Runs one test on its own; `script` (the editor's unsaved text) replaces the saved
    /// script for this run. The report is recorded for the test.
    async fn run_test(
        &self,
        ctx: &Context<'_>,
        id: ID,
        script: Option<String>,
    ) -> async_graphql::Result<Run> {
        let id = validate::id("id", &id)?;
        Ok(Run(run::run_test(
            ctx.state(),
            ctx.principal()?,
            id,
            script,
        )
        .await?))
    }

    /// Creates a job (project editors).
    async fn create_job(
        &self,
        ctx: &Context<'_>,
        input: CreateJobInput,
    ) -> async_graphql::Result<Job> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let domain = JobInput {
            name: Some(input.name),
            description: input.description,
            job_type: input.job_type.map(Into::into),
            cron_schedule: input.cron_schedule,
            test_ids: ids("testIds", input.test_ids)?,
            timeout_seconds: input.timeout_seconds,
            alert_config: alert_config(input.alert_config),
            notification_provider_ids: ids(
                "notificationProviderIds",
                input.notification_provider_ids,
            )?,
        };
        Ok(Job(job::create(
            ctx.state(),
            ctx.principal()?,
            project_id,
            domain,
        )
        .await?))
    }

    async fn update_job(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateJobInput,
    ) -> async_graphql::Result<Job> {
        let id = validate::id("id", &id)?;
        let domain = JobInput {
            name: input.name,
            description: input.description,
            job_type: None,
            cron_schedule: input.cron_schedule,
            test_ids: ids("testIds", input.test_ids)?,
            timeout_seconds: input.timeout_seconds,
            alert_config: alert_config(input.alert_config),
            notification_provider_ids: ids(
                "notificationProviderIds",
                input.notification_provider_ids,
            )?,
        };
        Ok(Job(
            job::update(ctx.state(), ctx.principal()?, id, domain).await?
        ))
    }

    /// Stops the job's schedule from firing; its expression stays (project editors).
    async fn pause_job_schedule(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Job> {
        let id = validate::id("id", &id)?;
        Ok(Job(job::set_schedule_paused(
            ctx.state(),
            ctx.principal()?,
            id,
            true,
        )
        .await?))
    }

    /// Lets a paused schedule fire again, from its next time after now.
    async fn resume_job_schedule(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Job> {
        let id = validate::id("id", &id)?;
        Ok(Job(job::set_schedule_paused(
            ctx.state(),
            ctx.principal()?,
            id,
            false,
        )
        .await?))
    }

    async fn delete_job(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        job::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Queues a run of the job (`PLAN_LIMIT` when the plan's running and queued capacity is
    /// full).
    async fn trigger_job(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Run> {
        let id = validate::id("id", &id)?;
        Ok(Run(
            run::trigger_job(ctx.state(), ctx.principal()?, id).await?
        ))
    }

    /// Cancels a queued or running run; a running run's processes are killed.
    async fn cancel_run(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Run> {
        let id = validate::id("id", &id)?;
        Ok(Run(run::cancel(ctx.state(), ctx.principal()?, id).await?))
    }
}

#[derive(Default)]
pub struct TestingSubscription;

#[Subscription]
impl TestingSubscription {
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
