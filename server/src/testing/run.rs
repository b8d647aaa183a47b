//! Runs: queued by a trigger (by hand, by API key, by the cron schedule) within the
//! organization's plan, claimed by workers with an expiring lease, finished once.
//!
//! States: `queued` → `running` → `passed` | `failed` | `error` | `timed_out` | `cancelled`.
//! A claim takes the organization's row lock (PostgreSQL) or the single writer lock (SQLite)
//! and counts the organization's running runs, so replicas never start more than
//! `plan_limits.running_capacity` runs of one organization. The worker renews its lease while
//! it runs; a run whose lease expired (its worker died) is queued again once and ends as
//! `error` the second time. Finishing writes only if the worker still holds the lease.

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::jobs::{self, JobStatus, JobType};
use entity::reports::{self, ReportEntityType};
use entity::runs::{self, RunStatus, RunTrigger};
use entity::{k6_performance_runs, tests};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::artifact::{RunArtifacts, RunMetadata};
use super::job::AlertConfig;
use crate::audit;
use crate::auth::{Level, Principal};
use crate::config::Settings;
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::error::{AppError, AppResult};
use crate::events::Event;
use crate::state::AppState;
use crate::usage::Usage;

/// How often, at most, the running worker looks for a cancel request (with its renewal).
const CANCEL_POLL: Duration = Duration::from_secs(5);
/// Claims of one run before an expired lease ends it as `error` instead of queueing it again.
pub const MAX_ATTEMPTS: i32 = 2;
/// Output kept in `runs.logs` (the whole log is an artifact).
pub const LOG_TAIL: usize = 64 * 1024;

/// The runs, claimed by `worker_id` for a lease (`lease_seconds`) at a time.
pub fn leases(settings: &Settings, worker_id: &str) -> ClaimQueue<runs::Entity> {
    ClaimQueue::new(
        runs::Column::Id,
        runs::Column::ClaimedUntil,
        settings.lease(),
    )
    .held_by(runs::Column::ClaimedBy, worker_id)
}

/// How often the running worker renews its lease and looks for a cancel request.
pub fn renew_every(settings: &Settings) -> Duration {
    settings.renew_every().min(CANCEL_POLL)
}

/// Whether a status is final.
pub fn is_final(status: RunStatus) -> bool {
    !matches!(status, RunStatus::Queued | RunStatus::Running)
}

/// `1m 12s`, `850ms`.
pub fn human_duration(ms: i64) -> String {
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = ms / 1000;
    match (secs / 3600, (secs % 3600) / 60, secs % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s}s"),
        (h, m, s) => format!("{h}h {m}m {s}s"),
    }
}

async fn count(db: &impl ConnectionTrait, org_id: Uuid, status: RunStatus) -> AppResult<u64> {
    Ok(runs::Entity::find()
        .filter(runs::Column::OrganizationId.eq(org_id))
        .filter(runs::Column::Status.eq(status))
        .count(db)
        .await?)
}

/// What a new run is.
#[derive(Debug, Clone)]
pub struct NewRun {
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub job_id: Option<Uuid>,
    pub trigger: RunTrigger,
    pub metadata: RunMetadata,
}

impl NewRun {
    /// The row of this run as it is queued; a caller that records it otherwise (a scheduled
    /// run skipped by its plan) changes the fields that differ.
    pub fn queued_row(self, location: Option<String>) -> runs::ActiveModel {
        let now = Utc::now();
        runs::ActiveModel {
            id: Set(Uuid::now_v7()),
            job_id: Set(self.job_id),
            project_id: Set(self.project_id),
            organization_id: Set(self.organization_id),
            status: Set(RunStatus::Queued),
            duration: Set(None),
            duration_ms: Set(None),
            started_at: Set(None),
            completed_at: Set(None),
            report_s3_url: Set(None),
            logs_s3_url: Set(None),
            video_s3_url: Set(None),
            screenshots_s3_path: Set(None),
            artifact_paths: Set(None),
            logs: Set(None),
            location: Set(location),
            metadata: Set(Some(self.metadata.to_json())),
            error_details: Set(None),
            trigger: Set(self.trigger),
            claimed_by: Set(None),
            claimed_until: Set(None),
            attempt: Set(0),
            exit_code: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            cancel_requested: Set(false),
        }
    }
}

/// Inserts a run row inside `tx` and announces it when `tx` commits.
pub async fn insert(tx: &Tx, row: runs::ActiveModel) -> AppResult<runs::Model> {
    let run = row.insert(tx.conn()).await?;
    tx.publish(Event::RunUpdated {
        run_id: run.id,
        project_id: run.project_id,
    })
    .await?;
    Ok(run)
}

/// Queues a run inside `tx` after the capacity check.
pub async fn enqueue(tx: &Tx, state: &AppState, new: NewRun) -> AppResult<runs::Model> {
    let db = tx.conn();
    crate::plan::require_run_capacity(db, new.organization_id).await?;
    // The spending hard stop; a synthetic monitor's runs go on (availability first).
    if new.metadata.monitor_id.is_none() {
        crate::billing::spending::check_run(db, state, new.organization_id).await?;
    }
    let location = state.settings.location.clone();
    insert(tx, new.queued_row(Some(location))).await
}

/// Triggers a job by hand (a session: `manual`) or from CI/CD (an API key: `remote`).
/// Needs editor level; a key scoped to the job may trigger exactly that job.
pub async fn trigger_job(
    state: &AppState,
    principal: &Principal,
    job_id: Uuid,
) -> AppResult<runs::Model> {
    let (job, _) = principal.job(&state.db, job_id, Level::Editor).await?;
    let tests = super::job::tests_of(&state.db, job.id).await?;
    if tests.is_empty() {
        return Err(AppError::field("id", "the job has no tests to run"));
    }
    let trigger = if principal.api_key_id().is_some() {
        RunTrigger::Remote
    } else {
        RunTrigger::Manual
    };
    let tx = Tx::begin(state).await?;
    let run = enqueue(
        &tx,
        state,
        NewRun {
            organization_id: job.organization_id,
            project_id: job.project_id,
            job_id: Some(job.id),
            trigger,
            metadata: RunMetadata {
                test_ids: tests.iter().map(|t| t.id).collect(),
                triggered_by: Some(principal.user_id()),
                api_key_id: principal.api_key_id(),
                ..RunMetadata::default()
            },
        },
    )
    .await?;
    audit::record(
        &tx,
        principal,
        Some(job.organization_id),
        "job.trigger",
        json!({ "jobId": job.id, "runId": run.id, "trigger": format!("{trigger:?}").to_lowercase() }),
    )
    .await?;
    tx.commit().await?;
    Ok(run)
}

/// Runs one test on its own, from the editor: `script` (unsaved changes) replaces the saved
/// script for this run only. The report is recorded in `reports` for the test.
pub async fn run_test(
    state: &AppState,
    principal: &Principal,
    test_id: Uuid,
    script: Option<String>,
) -> AppResult<runs::Model> {
    let test = super::find_test(state, principal, test_id, Level::Editor).await?;
    let script = script
        .map(|s| super::check_script("script", &s))
        .transpose()?;
    let tx = Tx::begin(state).await?;
    let run = enqueue(
        &tx,
        state,
        NewRun {
            organization_id: test.organization_id,
            project_id: test.project_id,
            job_id: None,
            trigger: if principal.api_key_id().is_some() {
                RunTrigger::Remote
            } else {
                RunTrigger::Manual
            },
            metadata: RunMetadata {
                test_id: Some(test.id),
                test_ids: vec![test.id],
                script,
                triggered_by: Some(principal.user_id()),
                ..RunMetadata::default()
            },
        },
    )
    .await?;
    audit::record(
        &tx,
        principal,
        Some(test.organization_id),
        "test.run",
        json!({ "testId": test.id, "runId": run.id }),
    )
    .await?;
    tx.commit().await?;
    Ok(run)
}

/// A run the caller may see at `needed`; a key scoped to a job sees that job's runs only.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<runs::Model> {
    if principal.job_scope().is_some() {
        let run = runs::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let job_id = run.job_id.ok_or(AppError::NotFound)?;
        principal.job(&state.db, job_id, needed).await?;
        return Ok(run);
    }
    Ok(principal
        .find_in_project::<runs::Entity>(&state.db, id, needed)
        .await?
        .0)
}

/// Cancels a run (project editors): a queued run ends at once; a running one is stopped by
/// the replica running it, which kills its processes and records `cancelled`.
pub async fn cancel(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<runs::Model> {
    let run = find(state, principal, id, Level::Editor).await?;
    if is_final(run.status) {
        return Err(AppError::field("id", "the run has already finished"));
    }
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    let now = Utc::now();
    let queued = runs::Entity::update_many()
        .col_expr(runs::Column::Status, Expr::value(RunStatus::Cancelled))
        .col_expr(runs::Column::CompletedAt, Expr::value(now))
        .col_expr(runs::Column::UpdatedAt, Expr::value(now))
        .col_expr(runs::Column::CancelRequested, Expr::value(true))
        .col_expr(
            runs::Column::ErrorDetails,
            Expr::value(format!("cancelled by {}", principal.user.email)),
        )
        .filter(runs::Column::Id.eq(id))
        .filter(runs::Column::Status.eq(RunStatus::Queued))
        .exec(db)
        .await?
        .rows_affected;
    if queued == 0 {
        let running = runs::Entity::update_many()
            .col_expr(runs::Column::CancelRequested, Expr::value(true))
            .col_expr(runs::Column::UpdatedAt, Expr::value(now))
            .filter(runs::Column::Id.eq(id))
            .filter(runs::Column::Status.eq(RunStatus::Running))
            .exec(db)
            .await?
            .rows_affected;
        if running == 0 {
            return Err(AppError::field("id", "the run has already finished"));
        }
        tx.publish(Event::RunCancelRequested { run_id: id }).await?;
    }
    tx.publish(Event::RunUpdated {
        run_id: id,
        project_id: run.project_id,
    })
    .await?;
    audit::record(
        &tx,
        principal,
        Some(run.organization_id),
        "run.cancel",
        json!({ "runId": id, "jobId": run.job_id }),
    )
    .await?;
    tx.commit().await?;
    let row = runs::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if is_final(row.status) {
        ended(state, &row).await;
    }
    Ok(row)
}

/// Takes the oldest queued run whose organization has running capacity left, marking it
/// `running` under this worker's lease. `None` when nothing can start now.
pub async fn claim_one(state: &AppState, worker_id: &str) -> AppResult<Option<runs::Model>> {
    let queue = leases(&state.settings, worker_id);
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    // Candidates: queued runs of organizations below their running capacity (the plan's
    // limits as `plan` links them). The count is checked again under the organization's lock.
    let when = format!(
        "r.status = 'queued' \
           AND (SELECT COUNT(*) FROM runs x WHERE x.organization_id = r.organization_id AND x.status = 'running') < \
               COALESCE({}, 1)",
        crate::plan::limit_sql("running_capacity", "r.organization_id")
    );
    let candidates = Due {
        from: "runs r",
        alias: "r",
        when: &when,
        order: "r.created_at, r.id",
        ..Due::default()
    };
    for candidate in queue.peek(db, &candidates, Utc::now(), 10).await? {
        crate::plan::lock_org(db, candidate.organization_id).await?;
        let limits = crate::plan::limits(db, candidate.organization_id).await?;
        let running = count(db, candidate.organization_id, RunStatus::Running).await?;
        if running >= u64::try_from(limits.running_capacity.max(0)).unwrap_or(0) {
            continue;
        }
        let now = Utc::now();
        let start = Due {
            from: "runs r",
            alias: "r",
            when: "r.id = $2 AND r.status = 'queued'",
            order: "r.id",
            set: "status = 'running', attempt = attempt + 1, started_at = $1, updated_at = $1",
            values: vec![candidate.id.into()],
        };
        let Some(run) = queue.claim(db, &start, now, 1).await?.pop() else {
            continue;
        };
        if let Some(job_id) = run.job_id {
            jobs::Entity::update_many()
                .col_expr(jobs::Column::Status, Expr::value(JobStatus::Running))
                .col_expr(jobs::Column::LastRunAt, Expr::value(now))
                .filter(jobs::Column::Id.eq(job_id))
                .exec(db)
                .await?;
        }
        tx.publish(Event::RunUpdated {
            run_id: run.id,
            project_id: run.project_id,
        })
        .await?;
        tx.commit().await?;
        return Ok(Some(run));
    }
    tx.commit().await?;
    Ok(None)
}

/// What renewing a lease found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lease {
    /// Still ours.
    Held,
    /// Still ours, and `cancelRun` asked to stop.
    CancelRequested,
    /// Lost: the lease expired and another worker took the run, or it ended meanwhile.
    Lost,
}

/// Extends this worker's lease on a running run.
pub async fn renew(state: &AppState, run_id: Uuid, worker_id: &str) -> AppResult<Lease> {
    let rows = leases(&state.settings, worker_id)
        .renew([run_id], Utc::now())
        .filter(runs::Column::Status.eq(RunStatus::Running))
        .exec_with_returning(&state.db)
        .await?;
    Ok(match rows.first() {
        None => Lease::Lost,
        Some(run) if run.cancel_requested => Lease::CancelRequested,
        Some(_) => Lease::Held,
    })
}

/// The metrics of one k6 execution.
#[derive(Debug, Clone, Default)]
pub struct K6Result {
    pub test_id: Option<Uuid>,
    pub status: Option<RunStatus>,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub duration_ms: Option<i32>,
    pub summary: Option<Value>,
    pub thresholds_passed: Option<bool>,
    pub total_requests: Option<i32>,
    pub failed_requests: Option<i32>,
    /// Requests per second times 100.
    pub request_rate: Option<i32>,
    pub avg_ms: Option<i32>,
    pub p95_ms: Option<i32>,
    pub p99_ms: Option<i32>,
    pub max_vus: Option<i32>,
    pub report_key: Option<String>,
    pub summary_key: Option<String>,
    pub console_key: Option<String>,
    pub console_tail: Option<String>,
    pub error: Option<String>,
}

/// What an executor reports back.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: RunStatus,
    pub exit_code: Option<i32>,
    pub error: Option<String>,
    /// The masked output (its tail goes to `runs.logs`).
    pub logs: String,
    pub logs_key: Option<String>,
    pub report_key: Option<String>,
    pub video_key: Option<String>,
    pub screenshots_prefix: Option<String>,
    pub artifacts: RunArtifacts,
    pub k6: Vec<K6Result>,
    pub started_at: DateTime<Utc>,
    pub executor_started_at: Option<DateTime<Utc>>,
    pub finished_at: DateTime<Utc>,
}

impl Outcome {
    /// An outcome without a process (set-up failed, no sandbox, ...).
    pub fn error(message: impl Into<String>, started_at: DateTime<Utc>) -> Self {
        Self {
            status: RunStatus::Error,
            exit_code: None,
            error: Some(message.into()),
            logs: String::new(),
            logs_key: None,
            report_key: None,
            video_key: None,
            screenshots_prefix: None,
            artifacts: RunArtifacts::default(),
            k6: Vec::new(),
            started_at,
            executor_started_at: None,
            finished_at: Utc::now(),
        }
    }
}

/// The end of `text`, at most `max` bytes, marked when cut.
pub fn tail(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    format!("[… earlier output is in the full log]\n{}", &text[start..])
}

/// Records the end of a run held by `worker_id`: the run, its job's status, k6 metrics, the
/// report, usage and alerts, in one transaction. Returns `None` when the worker lost its
/// lease meanwhile (nothing is written).
pub async fn finish(
    state: &AppState,
    run: &runs::Model,
    worker_id: &str,
    outcome: Outcome,
) -> AppResult<Option<runs::Model>> {
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    // The organization's row first, as a claim takes it (then the run, then the job): a finish
    // that took the job's row before the organization's (its usage) could deadlock with a
    // claim of the same job's next run on another replica.
    crate::plan::lock_org(db, run.organization_id).await?;
    let duration_ms = (outcome.finished_at - outcome.started_at)
        .num_milliseconds()
        .max(0);
    let lease = leases(&state.settings, worker_id);
    if !write_outcome(db, run, &lease, &outcome, duration_ms).await? {
        return Ok(None);
    }
    let Some(finished) = runs::Entity::find_by_id(run.id).one(db).await? else {
        return Ok(None);
    };
    let job = match run.job_id {
        Some(id) => jobs::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    insert_k6_results(db, run, &outcome).await?;
    if let Some(job) = &job {
        settle_job(db, job, outcome.status).await?;
    }
    if let Some(report_key) = &outcome.report_key {
        record_report(&tx, run, job.as_ref(), report_key, outcome.status).await?;
    }
    if let Some(uses) = usage_of(run, job.as_ref(), &outcome, duration_ms) {
        crate::usage::record(db, run.organization_id, uses).await?;
    }
    if let Some(job) = &job {
        queue_alerts(&tx, job, &finished).await?;
    }
    tx.publish(Event::RunUpdated {
        run_id: run.id,
        project_id: run.project_id,
    })
    .await?;
    tx.commit().await?;
    let is_k6 = job
        .as_ref()
        .map(|j| j.job_type == JobType::K6)
        .unwrap_or(!outcome.k6.is_empty());
    crate::metrics::run_finished(
        if is_k6 { "k6" } else { "playwright" },
        sea_orm::ActiveEnum::to_value(&outcome.status),
        duration_ms,
    );
    ended(state, &finished).await;
    if crate::billing::enabled(&state.settings) {
        // Spending notices, sent with their retries away from the worker's own work.
        let (state, org) = (state.clone(), run.organization_id);
        tokio::spawn(async move {
            if let Err(err) = crate::billing::spending::notify_due(&state, org, Utc::now()).await {
                tracing::warn!(error = ?err, organization = %org, "usage notices failed");
            }
        });
    }
    Ok(Some(finished))
}

/// Writes the outcome on the run and ends the lease with it, only while `worker_id` holds
/// the lease. Returns whether it did.
async fn write_outcome(
    db: &impl ConnectionTrait,
    run: &runs::Model,
    lease: &ClaimQueue<runs::Entity>,
    outcome: &Outcome,
    duration_ms: i64,
) -> AppResult<bool> {
    let mut metadata = RunMetadata::of(run);
    if outcome.executor_started_at.is_some() {
        metadata.executor_started_at = outcome.executor_started_at;
    }
    metadata.log_lines = Some(outcome.logs.lines().count() as u64);
    let updated = lease
        .release([run.id])
        .col_expr(runs::Column::Status, Expr::value(outcome.status))
        .col_expr(runs::Column::CompletedAt, Expr::value(outcome.finished_at))
        .col_expr(
            runs::Column::DurationMs,
            Expr::value(i32::try_from(duration_ms).unwrap_or(i32::MAX)),
        )
        .col_expr(
            runs::Column::Duration,
            Expr::value(human_duration(duration_ms)),
        )
        .col_expr(
            runs::Column::Logs,
            Expr::value(final_logs(run, &outcome.logs)),
        )
        .col_expr(
            runs::Column::LogsS3Url,
            Expr::value(outcome.logs_key.clone()),
        )
        .col_expr(
            runs::Column::ReportS3Url,
            Expr::value(outcome.report_key.clone()),
        )
        .col_expr(
            runs::Column::VideoS3Url,
            Expr::value(outcome.video_key.clone()),
        )
        .col_expr(
            runs::Column::ScreenshotsS3Path,
            Expr::value(outcome.screenshots_prefix.clone()),
        )
        .col_expr(
            runs::Column::ArtifactPaths,
            Expr::value(outcome.artifacts.to_json()),
        )
        .col_expr(
            runs::Column::ErrorDetails,
            Expr::value(outcome.error.clone()),
        )
        .col_expr(runs::Column::ExitCode, Expr::value(outcome.exit_code))
        .col_expr(runs::Column::Metadata, Expr::value(metadata.to_json()))
        .col_expr(runs::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(runs::Column::Status.eq(RunStatus::Running))
        .exec(db)
        .await?
        .rows_affected;
    Ok(updated > 0)
}

/// One `k6_performance_runs` row per k6 execution of the run.
async fn insert_k6_results(
    db: &impl ConnectionTrait,
    run: &runs::Model,
    outcome: &Outcome,
) -> AppResult<()> {
    for k6 in &outcome.k6 {
        let now = Utc::now();
        k6_performance_runs::ActiveModel {
            id: Set(Uuid::now_v7()),
            test_id: Set(k6.test_id),
            job_id: Set(run.job_id),
            run_id: Set(run.id),
            organization_id: Set(run.organization_id),
            project_id: Set(run.project_id),
            location: Set(run.location.clone()),
            status: Set(k6.status.unwrap_or(outcome.status)),
            started_at: Set(k6.started_at),
            completed_at: Set(k6.completed_at),
            duration_ms: Set(k6.duration_ms),
            summary_json: Set(k6.summary.clone()),
            thresholds_passed: Set(k6.thresholds_passed),
            total_requests: Set(k6.total_requests),
            failed_requests: Set(k6.failed_requests),
            request_rate: Set(k6.request_rate),
            avg_response_time_ms: Set(k6.avg_ms),
            p95_response_time_ms: Set(k6.p95_ms),
            p99_response_time_ms: Set(k6.p99_ms),
            report_s3_url: Set(k6.report_key.clone()),
            summary_s3_url: Set(k6.summary_key.clone()),
            console_s3_url: Set(k6.console_key.clone()),
            error_details: Set(k6.error.clone()),
            console_output: Set(k6.console_tail.clone()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The job's status after a run of it ended as `status`.
async fn settle_job(
    db: &impl ConnectionTrait,
    job: &jobs::Model,
    status: RunStatus,
) -> AppResult<()> {
    let status = match status {
        RunStatus::Passed => Some(JobStatus::Passed),
        RunStatus::Failed | RunStatus::TimedOut => Some(JobStatus::Failed),
        RunStatus::Error => Some(JobStatus::Error),
        // A cancelled run says nothing about the job.
        _ => None,
    };
    jobs::Entity::update_many()
        .col_expr(
            jobs::Column::Status,
            Expr::value(status.unwrap_or(match job.status {
                JobStatus::Running => JobStatus::Pending,
                other => other,
            })),
        )
        .col_expr(jobs::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(jobs::Column::Id.eq(job.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Keeps the run's report as the latest of its job, of its test (a single-test run), or of
/// the run itself.
async fn record_report(
    tx: &Tx,
    run: &runs::Model,
    job: Option<&jobs::Model>,
    report_key: &str,
    status: RunStatus,
) -> AppResult<()> {
    let (entity_type, entity_id) = match (job, test_id_of(run)) {
        (Some(job), _) => (ReportEntityType::Job, job.id.to_string()),
        (None, Some(test_id)) => (ReportEntityType::Test, test_id.to_string()),
        (None, None) => (ReportEntityType::Run, run.id.to_string()),
    };
    upsert_report(tx, run, entity_type, entity_id, report_key, status).await
}

/// After a run has ended: a synthetic monitor's run records the monitor's result.
async fn ended(state: &AppState, run: &runs::Model) {
    if let Err(err) = crate::monitor::synthetic::finished(state, run).await {
        tracing::warn!(error = ?err, run_id = %run.id, "recording a synthetic check failed");
    }
}

/// The test of a single-test run.
pub fn test_id_of(run: &runs::Model) -> Option<Uuid> {
    RunMetadata::of(run).test_id
}

fn status_text(status: RunStatus) -> &'static str {
    match status {
        RunStatus::Queued => "queued",
        RunStatus::Running => "running",
        RunStatus::Passed => "passed",
        RunStatus::Failed => "failed",
        RunStatus::Error => "error",
        RunStatus::TimedOut => "timed_out",
        RunStatus::Cancelled => "cancelled",
    }
}

async fn upsert_report(
    tx: &Tx,
    run: &runs::Model,
    entity_type: ReportEntityType,
    entity_id: String,
    report_key: &str,
    status: RunStatus,
) -> AppResult<()> {
    let db = tx.conn();
    let now = Utc::now();
    let existing = reports::Entity::find()
        .filter(reports::Column::EntityType.eq(entity_type))
        .filter(reports::Column::EntityId.eq(entity_id.clone()))
        .one(db)
        .await?;
    match existing {
        Some(row) => {
            let mut active: reports::ActiveModel = row.into();
            active.report_path = Set(report_key.to_owned());
            active.status = Set(status_text(status).into());
            active.s3_url = Set(Some(report_key.to_owned()));
            active.updated_at = Set(now);
            active.update(db).await?;
        }
        None => {
            reports::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(run.organization_id),
                project_id: Set(run.project_id),
                created_by_user_id: Set(RunMetadata::of(run).triggered_by),
                entity_type: Set(entity_type),
                entity_id: Set(entity_id),
                report_path: Set(report_key.to_owned()),
                status: Set(status_text(status).into()),
                s3_url: Set(Some(report_key.to_owned())),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// What a run used (`usage`): Playwright minutes for the whole run, or k6 VU-minutes per k6
/// execution. `None` for a run that never started a process: it is not billed.
fn usage_of(
    run: &runs::Model,
    job: Option<&jobs::Model>,
    outcome: &Outcome,
    duration_ms: i64,
) -> Option<Vec<Usage>> {
    outcome.executor_started_at?;
    let is_k6 = job
        .map(|j| j.job_type == JobType::K6)
        .unwrap_or(!outcome.k6.is_empty());
    if !is_k6 {
        return Some(vec![Usage::playwright(
            duration_ms,
            json!({ "runId": run.id, "jobId": run.job_id, "testId": test_id_of(run), "durationMs": duration_ms }),
        )]);
    }
    Some(
        outcome
            .k6
            .iter()
            .map(|k6| {
                let ms = i64::from(k6.duration_ms.unwrap_or(0));
                let vus = i64::from(k6.max_vus.unwrap_or(1).max(1));
                Usage::k6(
                    ms,
                    vus,
                    json!({ "runId": run.id, "jobId": run.job_id, "testId": k6.test_id, "durationMs": ms, "maxVus": vus }),
                )
            })
            .collect(),
    )
}

/// Queues the job's alerts for a finished run through its notification providers (the same
/// durable path as monitor alerts: `alert_history` rows delivered by `alert::deliver_due`).
async fn queue_alerts(tx: &Tx, job: &jobs::Model, run: &runs::Model) -> AppResult<()> {
    use entity::alert_history::AlertType;
    let config = AlertConfig::of(job);
    if !config.enabled {
        return Ok(());
    }
    let (kind, severity, wanted) = match run.status {
        RunStatus::Passed => (AlertType::JobSuccess, "success", config.on_success),
        RunStatus::Failed | RunStatus::Error => {
            (AlertType::JobFailed, "critical", config.on_failure)
        }
        RunStatus::TimedOut => (AlertType::JobTimeout, "warning", config.on_timeout),
        _ => return Ok(()),
    };
    if !wanted {
        return Ok(());
    }
    let status = status_text(run.status);
    let error = run.error_details.clone().unwrap_or_default();
    let vars = vec![
        ("job.name", job.name.clone()),
        ("run.status", status.to_owned()),
        ("run.id", run.id.to_string()),
        (
            "run.durationMs",
            run.duration_ms.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("run.error", error.clone()),
    ];
    let default = match run.status {
        RunStatus::Passed => format!("{} passed", job.name),
        RunStatus::TimedOut => format!(
            "{} was stopped at its time limit of {} s",
            job.name, job.timeout_seconds
        ),
        _ if error.is_empty() => format!("{} {status}", job.name),
        _ => format!(
            "{} {status}: {}",
            job.name,
            error.chars().take(500).collect::<String>()
        ),
    };
    let body = config
        .custom_message
        .as_deref()
        .map(|t| crate::alert::render(t, &vars))
        .unwrap_or(default);
    crate::alert::queue_job_alert(
        tx,
        job,
        crate::alert::AlertMessage {
            kind,
            title: format!("{}: run {status}", job.name),
            body,
            severity,
            data: json!({
                "jobId": job.id,
                "projectId": job.project_id,
                "runId": run.id,
                "status": status,
                "durationMs": run.duration_ms,
                "trigger": format!("{:?}", run.trigger).to_lowercase(),
            }),
        },
    )
    .await?;
    Ok(())
}

/// Ends or requeues running runs whose lease expired (their worker died): a cancel request
/// makes them `cancelled`, a first attempt goes back to the queue, a second ends as `error`.
/// Returns how many were handled.
pub async fn recover_expired(state: &AppState) -> AppResult<usize> {
    let now = Utc::now();
    let expired = runs::Entity::find()
        .filter(runs::Column::Status.eq(RunStatus::Running))
        .filter(runs::Column::ClaimedUntil.lt(now))
        .all(&state.db)
        .await?;
    let mut handled = 0;
    for run in expired {
        if recover(state, &run, now).await? {
            handled += 1;
        }
    }
    Ok(handled)
}

/// What becomes of a run whose lease expired: its new status and error.
fn fate_of_expired(run: &runs::Model) -> (RunStatus, String) {
    if run.cancel_requested {
        (
            RunStatus::Cancelled,
            "cancelled; its worker had stopped".to_owned(),
        )
    } else if run.attempt < MAX_ATTEMPTS {
        (RunStatus::Queued, String::new())
    } else {
        (
            RunStatus::Error,
            format!(
                "the worker running it stopped responding (lease expired) on attempt {} of {MAX_ATTEMPTS}",
                run.attempt
            ),
        )
    }
}

/// Ends or requeues one expired run, with its job's status and alerts. False when the run
/// changed meanwhile (renewed, finished, or handled by another replica).
async fn recover(state: &AppState, run: &runs::Model, now: DateTime<Utc>) -> AppResult<bool> {
    let (status, error) = fate_of_expired(run);
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    if !write_expired(db, run, status, error, now).await? {
        return Ok(false);
    }
    if let Some(job_id) = run.job_id
        && let Some(job) = jobs::Entity::find_by_id(job_id).one(db).await?
    {
        let job_status = match status {
            RunStatus::Error => JobStatus::Error,
            RunStatus::Queued => JobStatus::Pending,
            _ => job.status,
        };
        jobs::Entity::update_many()
            .col_expr(jobs::Column::Status, Expr::value(job_status))
            .filter(jobs::Column::Id.eq(job_id))
            .exec(db)
            .await?;
        if status == RunStatus::Error
            && let Some(finished) = runs::Entity::find_by_id(run.id).one(db).await?
        {
            queue_alerts(&tx, &job, &finished).await?;
        }
    }
    tx.publish(Event::RunUpdated {
        run_id: run.id,
        project_id: run.project_id,
    })
    .await?;
    tx.commit().await?;
    if status != RunStatus::Queued
        && let Some(row) = runs::Entity::find_by_id(run.id).one(&state.db).await?
    {
        ended(state, &row).await;
    }
    Ok(true)
}

/// The first words of the note an expired run's output gets when it is queued again.
const REQUEUED_NOTE: &str = "[vigil] the worker running attempt ";

/// The output kept on a finished run: the end of its last attempt's output (at most
/// `LOG_TAIL` bytes), after the notes of the attempts before it that were cut short, so that
/// the run still says it was queued again.
fn final_logs(run: &runs::Model, output: &str) -> String {
    let notes: String = run
        .logs
        .as_deref()
        .unwrap_or_default()
        .lines()
        .filter(|line| line.starts_with(REQUEUED_NOTE))
        .map(|line| format!("{line}\n"))
        .collect();
    let room = LOG_TAIL.saturating_sub(notes.len());
    format!("{notes}{}", tail(output, room))
}

/// Writes an expired run's fate, if its lease is still expired: queued again (with a note in
/// its output) or ended. Returns whether it did.
async fn write_expired(
    db: &impl ConnectionTrait,
    run: &runs::Model,
    status: RunStatus,
    error: String,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let mut update = runs::Entity::update_many()
        .col_expr(runs::Column::Status, Expr::value(status))
        .col_expr(runs::Column::ClaimedBy, Expr::value(Option::<String>::None))
        .col_expr(
            runs::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(runs::Column::UpdatedAt, Expr::value(now));
    if status == RunStatus::Queued {
        let note = format!(
            "{}{REQUEUED_NOTE}{} stopped; the run is queued again\n",
            run.logs.clone().unwrap_or_default(),
            run.attempt
        );
        update = update
            .col_expr(runs::Column::Logs, Expr::value(note))
            .col_expr(
                runs::Column::StartedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            );
    } else {
        let duration = run.started_at.map(|s| (now - s).num_milliseconds().max(0));
        update = update
            .col_expr(runs::Column::CompletedAt, Expr::value(now))
            .col_expr(runs::Column::ErrorDetails, Expr::value(error))
            .col_expr(
                runs::Column::DurationMs,
                Expr::value(duration.map(|d| i32::try_from(d).unwrap_or(i32::MAX))),
            )
            .col_expr(
                runs::Column::Duration,
                Expr::value(duration.map(human_duration)),
            );
    }
    let changed = update
        .filter(runs::Column::Id.eq(run.id))
        .filter(runs::Column::Status.eq(RunStatus::Running))
        .filter(runs::Column::ClaimedUntil.lt(now))
        .exec(db)
        .await?
        .rows_affected;
    Ok(changed > 0)
}

/// Loads what a worker needs to execute a claimed run: its job, its tests in order (with the
/// editor's unsaved script for a single-test run) and the project's variables.
pub async fn plan_of(
    state: &AppState,
    run: &runs::Model,
) -> AppResult<(Option<jobs::Model>, Vec<tests::Model>)> {
    let job = match run.job_id {
        Some(id) => jobs::Entity::find_by_id(id).one(&state.db).await?,
        None => None,
    };
    let mut tests = match &job {
        Some(job) => super::job::tests_of(&state.db, job.id).await?,
        None => match test_id_of(run) {
            Some(id) => tests::Entity::find_by_id(id)
                .one(&state.db)
                .await?
                .into_iter()
                .collect(),
            None => Vec::new(),
        },
    };
    if job.is_none()
        && let Some(script) = RunMetadata::of(run).script
        && let Some(test) = tests.first_mut()
    {
        test.script = script;
    }
    Ok((job, tests))
}

#[cfg(test)]
mod tests_unit {
    use super::*;

    #[test]
    fn durations_and_tails() {
        assert_eq!(human_duration(850), "850ms");
        assert_eq!(human_duration(72_000), "1m 12s");
        assert_eq!(human_duration(3_723_000), "1h 2m 3s");
        assert!(tail(&"x".repeat(100), 10).ends_with("xxxxxxxxxx"));
    }
}
