//! Jobs (ordered tests run by hand, from CI/CD or on a schedule) in the API.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{jobs, tests};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{JobStatus, JobType, Run, Test};
use crate::auth::Level;
use crate::error::AppError;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::testing::job::{self, AlertConfig, JobInput};
use crate::testing::{cron, query, run};
use crate::validate;

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

fn alert_config(input: Option<JobAlertInput>) -> Option<AlertConfig> {
    input.map(|a| AlertConfig {
        enabled: a.enabled,
        on_failure: a.on_failure,
        on_success: a.on_success,
        on_timeout: a.on_timeout,
        custom_message: a.custom_message.filter(|m| !m.trim().is_empty()),
    })
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
    pub async fn id(&self) -> ID {
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
        let ids = query::job_provider_ids(&ctx.state().db, self.0.id).await?;
        Ok(ids.into_iter().map(|id| ID(id.to_string())).collect())
    }
    /// The job's runs, newest first.
    async fn runs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Run>> {
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::job_runs(&ctx.state().db, self.0.id, request).await?;
        Ok(connection(request, rows, |r| r.id, Run))
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

/// The ordered tests of many jobs.
pub struct JobTestsLoader(pub DatabaseConnection);

impl Loader<Uuid> for JobTestsLoader {
    type Value = Vec<tests::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::job_tests(&self.0, keys).await?)
    }
}

/// Jobs by id.
pub struct JobLoader(pub DatabaseConnection);

impl Loader<Uuid> for JobLoader {
    type Value = jobs::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::jobs_by_id(&self.0, keys).await?)
    }
}

#[derive(Default)]
pub struct JobQuery;

#[Object]
impl JobQuery {
    /// Jobs of a project, oldest first.
    async fn jobs(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Job>> {
        let project_id = validate::id("projectId", &project_id)?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::jobs(ctx.state(), ctx.principal()?, project_id, request).await?;
        Ok(connection(request, rows, |j| j.id, Job))
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
}

/// Previews of schedules (after the run queries in the schema, where it has always been).
#[derive(Default)]
pub struct JobScheduleQuery;

#[Object]
impl JobScheduleQuery {
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
pub struct JobMutation;

#[Object]
impl JobMutation {
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
            test_ids: validate::opt_ids("testIds", input.test_ids)?,
            timeout_seconds: input.timeout_seconds,
            alert_config: alert_config(input.alert_config),
            notification_provider_ids: validate::opt_ids(
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
            test_ids: validate::opt_ids("testIds", input.test_ids)?,
            timeout_seconds: input.timeout_seconds,
            alert_config: alert_config(input.alert_config),
            notification_provider_ids: validate::opt_ids(
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
}
