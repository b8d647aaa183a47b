//! Jobs: a Playwright job runs its browser/API/database/custom tests in order; a k6 job runs
//! its performance tests. A job runs by hand, from CI/CD or on a cron schedule, within a
//! wall-clock limit, and alerts through its notification providers.

use chrono::Utc;
use entity::jobs::{self, JobStatus, JobType};
use entity::{job_notification_settings, job_tests, tests};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::{cron, is_k6};
use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::project::{self, dedup};
use crate::state::AppState;
use crate::validate;

/// Tests one job may hold.
pub const MAX_TESTS: usize = 100;
/// Longest run allowed (one hour).
pub const MAX_TIMEOUT_SECS: i32 = 3600;

/// When a job alerts (`jobs.alert_config`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlertConfig {
    pub enabled: bool,
    /// Runs that fail or end in error.
    pub on_failure: bool,
    /// Runs that pass.
    pub on_success: bool,
    /// Runs killed at the wall-clock limit.
    pub on_timeout: bool,
    /// Replaces the alert text; placeholders: {{job.name}}, {{run.status}}, {{run.id}},
    /// {{run.durationMs}}, {{run.error}}.
    pub custom_message: Option<String>,
}

impl Default for AlertConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            on_failure: true,
            on_success: false,
            on_timeout: true,
            custom_message: None,
        }
    }
}

impl AlertConfig {
    /// The stored settings of a job (defaults when none are stored).
    pub fn of(job: &jobs::Model) -> Self {
        job.alert_config
            .clone()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default()
    }

    fn validate(&self) -> AppResult<()> {
        if let Some(m) = &self.custom_message {
            validate::text("alertConfig.customMessage", Some(m), 4000)?;
        }
        Ok(())
    }
}

/// Fields of a job; `None` leaves a field as it is (on create: its default). A cron schedule
/// of `Some("")` removes the schedule.
#[derive(Debug, Clone, Default)]
pub struct JobInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub job_type: Option<JobType>,
    pub cron_schedule: Option<String>,
    pub test_ids: Option<Vec<Uuid>>,
    pub timeout_seconds: Option<i32>,
    pub alert_config: Option<AlertConfig>,
    pub notification_provider_ids: Option<Vec<Uuid>>,
}

fn check_timeout(seconds: i32) -> AppResult<i32> {
    if !(10..=MAX_TIMEOUT_SECS).contains(&seconds) {
        return Err(AppError::field(
            "timeoutSeconds",
            format!("must be between 10 and {MAX_TIMEOUT_SECS}"),
        ));
    }
    Ok(seconds)
}

/// Checks that every test is in the project and suits the job's runner; keeps the order given
/// and refuses duplicates.
async fn check_tests(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    job_type: JobType,
    ids: &[Uuid],
) -> AppResult<()> {
    if ids.len() > MAX_TESTS {
        return Err(AppError::field(
            "testIds",
            format!("a job holds at most {MAX_TESTS} tests"),
        ));
    }
    if dedup(ids).len() != ids.len() {
        return Err(AppError::field("testIds", "a test is listed twice"));
    }
    let found =
        project::rows_in_project::<tests::Entity>(db, project_id, ids, "testIds", "test").await?;
    let want_k6 = job_type == JobType::K6;
    if let Some(bad) = found.iter().find(|t| is_k6(t.r#type) != want_k6) {
        return Err(AppError::field(
            "testIds",
            if want_k6 {
                format!(
                    "{:?} is not a performance test; k6 jobs run performance tests",
                    bad.title
                )
            } else {
                format!("{:?} is a performance test; run it in a k6 job", bad.title)
            },
        ));
    }
    Ok(())
}

async fn check_providers(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    ids: &[Uuid],
) -> AppResult<()> {
    crate::notification_provider::check_linkable(db, project_id, ids, "notificationProviderIds")
        .await?;
    Ok(())
}

async fn write_links(db: &impl ConnectionTrait, job_id: Uuid, input: &JobInput) -> AppResult<()> {
    if let Some(ids) = &input.test_ids {
        job_tests::Entity::delete_many()
            .filter(job_tests::Column::JobId.eq(job_id))
            .exec(db)
            .await?;
        for (position, test_id) in ids.iter().enumerate() {
            job_tests::ActiveModel {
                job_id: Set(job_id),
                test_id: Set(*test_id),
                order_position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            }
            .insert(db)
            .await?;
        }
    }
    if let Some(ids) = &input.notification_provider_ids {
        job_notification_settings::Entity::delete_many()
            .filter(job_notification_settings::Column::JobId.eq(job_id))
            .exec(db)
            .await?;
        let now = Utc::now();
        for provider_id in dedup(ids) {
            job_notification_settings::ActiveModel {
                job_id: Set(job_id),
                notification_provider_id: Set(provider_id),
                created_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// The tests of a job in order.
pub async fn tests_of(db: &impl ConnectionTrait, job_id: Uuid) -> AppResult<Vec<tests::Model>> {
    let links = job_tests::Entity::find()
        .filter(job_tests::Column::JobId.eq(job_id))
        .order_by_asc(job_tests::Column::OrderPosition)
        .find_also_related(tests::Entity)
        .all(db)
        .await?;
    Ok(links.into_iter().filter_map(|(_, t)| t).collect())
}

/// Creates a job (project editors).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    input: JobInput,
) -> AppResult<jobs::Model> {
    let access = principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    let name = validate::name("name", input.name.as_deref().unwrap_or_default())?;
    let description = validate::text(
        "description",
        input.description.as_deref(),
        validate::MAX_TEXT,
    )?;
    let job_type = input.job_type.unwrap_or(JobType::Playwright);
    let (schedule, next_run_at) = cron::settle(input.cron_schedule.as_deref())?;
    let timeout = check_timeout(input.timeout_seconds.unwrap_or(600))?;
    let alert = input.alert_config.clone().unwrap_or_default();
    alert.validate()?;
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    if let Some(ids) = &input.test_ids {
        check_tests(db, project_id, job_type, ids).await?;
    }
    if let Some(ids) = &input.notification_provider_ids {
        check_providers(db, project_id, ids).await?;
    }
    let now = Utc::now();
    let job = jobs::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(access.project.organization_id),
        project_id: Set(project_id),
        created_by_user_id: Set(Some(principal.user_id())),
        name: Set(name),
        description: Set(description),
        job_type: Set(job_type),
        cron_schedule: Set(schedule),
        status: Set(JobStatus::Pending),
        alert_config: Set(Some(
            serde_json::to_value(&alert).map_err(anyhow::Error::from)?,
        )),
        last_run_at: Set(None),
        next_run_at: Set(next_run_at),
        scheduled_job_id: Set(None),
        claimed_until: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        timeout_seconds: Set(timeout),
    }
    .insert(db)
    .await?;
    write_links(db, job.id, &input).await?;
    audit::record(
        &tx,
        principal,
        Some(job.organization_id),
        "job.create",
        json!({ "jobId": job.id, "name": job.name, "cronSchedule": job.cron_schedule }),
    )
    .await?;
    tx.commit().await?;
    Ok(job)
}

/// A job the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<jobs::Model> {
    Ok(principal.job(&state.db, id, needed).await?.0)
}

/// Updates a job (project editors). The runner (Playwright or k6) cannot change.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: JobInput,
) -> AppResult<jobs::Model> {
    let current = principal
        .find_in_project::<jobs::Entity>(&state.db, id, Level::Editor)
        .await?
        .0;
    if input.job_type.is_some_and(|t| t != current.job_type) {
        return Err(AppError::field(
            "jobType",
            "the runner of a job cannot change; create another job",
        ));
    }
    let mut active: jobs::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        active.name = Set(validate::name("name", name)?);
    }
    if input.description.is_some() {
        active.description = Set(validate::text(
            "description",
            input.description.as_deref(),
            validate::MAX_TEXT,
        )?);
    }
    if let Some(expression) = &input.cron_schedule {
        let (schedule, next_run_at) = cron::settle(Some(expression))?;
        if schedule != current.cron_schedule {
            // A paused schedule stays paused with its new expression.
            let paused = schedule_paused(&current) && schedule.is_some();
            active.cron_schedule = Set(schedule);
            active.next_run_at = Set(if paused { None } else { next_run_at });
        }
    }
    if let Some(timeout) = input.timeout_seconds {
        active.timeout_seconds = Set(check_timeout(timeout)?);
    }
    if let Some(alert) = &input.alert_config {
        alert.validate()?;
        active.alert_config = Set(Some(
            serde_json::to_value(alert).map_err(anyhow::Error::from)?,
        ));
    }
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    if let Some(ids) = &input.test_ids {
        check_tests(db, current.project_id, current.job_type, ids).await?;
    }
    if let Some(ids) = &input.notification_provider_ids {
        check_providers(db, current.project_id, ids).await?;
    }
    active.updated_at = Set(Utc::now());
    let job = active.update(db).await?;
    write_links(db, id, &input).await?;
    audit::record(
        &tx,
        principal,
        Some(job.organization_id),
        "job.update",
        json!({ "jobId": id, "cronSchedule": job.cron_schedule }),
    )
    .await?;
    tx.commit().await?;
    Ok(job)
}

/// Whether the job has a schedule that does not fire (paused): a cron expression and no next
/// fire time.
pub fn schedule_paused(job: &jobs::Model) -> bool {
    job.cron_schedule.is_some() && job.next_run_at.is_none()
}

/// Pauses or resumes a job's schedule (project editors). Paused, the schedule keeps its
/// expression and fires nothing; resumed, it fires at its next time from now (missed times
/// are not made up). Manual and remote triggers work either way.
pub async fn set_schedule_paused(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    paused: bool,
) -> AppResult<jobs::Model> {
    let current = principal
        .find_in_project::<jobs::Entity>(&state.db, id, Level::Editor)
        .await?
        .0;
    let Some(expression) = current.cron_schedule.clone() else {
        return Err(AppError::field(
            "cronSchedule",
            "the job has no schedule to pause or resume",
        ));
    };
    let next = if paused {
        None
    } else {
        cron::settle(Some(&expression))?.1
    };
    let tx = Tx::begin(state).await?;
    let mut active: jobs::ActiveModel = current.clone().into();
    active.next_run_at = Set(next);
    active.updated_at = Set(Utc::now());
    let job = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(job.organization_id),
        if paused { "job.pause" } else { "job.resume" },
        json!({ "jobId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(job)
}

/// Deletes a job with its runs (project editors). Running runs are cancelled first.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let job = principal
        .find_in_project::<jobs::Entity>(&state.db, id, Level::Editor)
        .await?
        .0;
    let runs = entity::runs::Entity::find()
        .filter(entity::runs::Column::JobId.eq(id))
        .all(&state.db)
        .await?;
    let tx = Tx::begin(state).await?;
    for run in runs
        .iter()
        .filter(|r| r.status == entity::runs::RunStatus::Running)
    {
        tx.publish(crate::events::Event::RunCancelRequested { run_id: run.id })
            .await?;
    }
    let run_ids: Vec<Uuid> = runs.iter().map(|r| r.id).collect();
    jobs::Entity::delete_by_id(id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(job.organization_id),
        "job.delete",
        json!({ "jobId": id, "name": job.name }),
    )
    .await?;
    tx.commit().await?;
    for run_id in run_ids {
        if let Err(err) = state.storage.delete_prefix(&format!("runs/{run_id}")).await {
            tracing::warn!(error = %err, %run_id, "deleting a run's artifacts failed");
        }
    }
    Ok(())
}
