//! Test automation: Playwright and k6 tests, jobs that run them by hand, from CI/CD or on a
//! cron schedule, and runs whose state and output stream to subscribers.
//!
//! - this module: tests (scripts) and their tags.
//! - [`job`]: jobs, their ordered tests, alert settings and notification providers.
//! - [`cron`]: cron expressions, next fire times, and the scheduler's step that fires them.
//! - [`run`]: triggering (capacity by plan), the queue with leases, cancelling, finishing
//!   (job status, alerts, reports, and the usage [`crate::usage`] meters), lease expiry.
//! - [`worker`]: the loop that claims queued runs (through the claim queue) and executes them.
//! - [`query`]: the reads: lists of tests, jobs and runs, batch loads.
//! - [`retention`]: finished runs and their artifacts deleted by plan.
//! - [`executor`], [`sandbox`], [`playwright`], [`k6`]: running a script in a bubblewrap
//!   sandbox with limits, streaming masked output, collecting artifacts ([`workfile`] reads
//!   what the script left without following its links).
//! - [`artifact`]: what a run keeps as JSON (its artifacts and metadata), typed.
//! - [`mask`]: secret values masked in logs and stored reports.
//! - [`http`]: `POST /api/jobs/{id}/trigger`, `GET /api/runs/{id}` and artifact downloads.
//! - [`install`]: `vigil runners install`.

pub mod artifact;
pub mod cron;
pub mod executor;
pub mod http;
pub mod install;
pub mod job;
pub mod k6;
pub mod mask;
pub mod playwright;
pub mod query;
pub mod retention;
pub mod run;
pub mod sandbox;
pub mod worker;
pub mod workfile;

use chrono::Utc;
use entity::tests::{self, TestPriority, TestType};
use entity::{tags, test_tags};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::project::{self, dedup};
use crate::state::AppState;
use crate::validate;

/// Largest script accepted (256 KiB).
pub const MAX_SCRIPT: usize = 256 * 1024;

/// Fields of a test; `None` leaves a field as it is (on create: its default).
#[derive(Debug, Clone, Default)]
pub struct TestInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub script: Option<String>,
    pub priority: Option<TestPriority>,
    pub kind: Option<TestType>,
    pub tag_ids: Option<Vec<Uuid>>,
}

/// Checks a script: not empty, at most [`MAX_SCRIPT`] bytes, no NUL.
pub fn check_script(field: &str, script: &str) -> AppResult<String> {
    if script.trim().is_empty() {
        return Err(AppError::field(field, "must not be empty"));
    }
    if script.len() > MAX_SCRIPT {
        return Err(AppError::field(
            field,
            format!("must be at most {} KiB", MAX_SCRIPT / 1024),
        ));
    }
    if script.contains('\0') {
        return Err(AppError::field(field, "must not contain NUL characters"));
    }
    Ok(script.to_owned())
}

/// Whether tests of this type run on k6 (else Playwright).
pub fn is_k6(kind: TestType) -> bool {
    kind == TestType::Performance
}

async fn check_tags(db: &impl ConnectionTrait, project_id: Uuid, ids: &[Uuid]) -> AppResult<()> {
    project::rows_in_project::<tags::Entity>(db, project_id, ids, "tagIds", "tag").await?;
    Ok(())
}

async fn write_tags(db: &impl ConnectionTrait, test_id: Uuid, ids: &[Uuid]) -> AppResult<()> {
    test_tags::Entity::delete_many()
        .filter(test_tags::Column::TestId.eq(test_id))
        .exec(db)
        .await?;
    let now = Utc::now();
    for tag_id in dedup(ids) {
        test_tags::ActiveModel {
            test_id: Set(test_id),
            tag_id: Set(tag_id),
            assigned_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Creates a test (project editors).
pub async fn create_test(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    input: TestInput,
) -> AppResult<tests::Model> {
    let access = principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    let title = validate::name("title", input.title.as_deref().unwrap_or_default())?;
    let description = validate::text(
        "description",
        input.description.as_deref(),
        validate::MAX_TEXT,
    )?;
    let script = check_script("script", input.script.as_deref().unwrap_or_default())?;
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    if let Some(ids) = &input.tag_ids {
        check_tags(db, project_id, ids).await?;
    }
    let now = Utc::now();
    let test = tests::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(access.project.organization_id),
        project_id: Set(project_id),
        created_by_user_id: Set(Some(principal.user_id())),
        title: Set(title),
        description: Set(description),
        script: Set(script),
        priority: Set(input.priority.unwrap_or(TestPriority::Medium)),
        r#type: Set(input.kind.unwrap_or(TestType::Browser)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    if let Some(ids) = &input.tag_ids {
        write_tags(db, test.id, ids).await?;
    }
    audit::record(
        &tx,
        principal,
        Some(test.organization_id),
        "test.create",
        json!({ "testId": test.id, "title": test.title, "type": format!("{:?}", test.r#type).to_lowercase() }),
    )
    .await?;
    tx.commit().await?;
    Ok(test)
}

/// A test the caller may reach at `needed`.
pub async fn find_test(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<tests::Model> {
    Ok(principal
        .find_in_project::<tests::Entity>(&state.db, id, needed)
        .await?
        .0)
}

/// Updates a test (project editors). A test used by jobs keeps its runner: a performance test
/// in a k6 job cannot become a browser test, and the other way round.
pub async fn update_test(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: TestInput,
) -> AppResult<tests::Model> {
    let current = find_test(state, principal, id, Level::Editor).await?;
    let mut active: tests::ActiveModel = current.clone().into();
    if let Some(title) = &input.title {
        active.title = Set(validate::name("title", title)?);
    }
    if input.description.is_some() {
        active.description = Set(validate::text(
            "description",
            input.description.as_deref(),
            validate::MAX_TEXT,
        )?);
    }
    if let Some(script) = &input.script {
        active.script = Set(check_script("script", script)?);
    }
    if let Some(priority) = input.priority {
        active.priority = Set(priority);
    }
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    if let Some(kind) = input.kind {
        if is_k6(kind) != is_k6(current.r#type) {
            let used = entity::job_tests::Entity::find()
                .filter(entity::job_tests::Column::TestId.eq(id))
                .count(db)
                .await?;
            if used > 0 {
                return Err(AppError::field(
                    "type",
                    "the test is in a job of the other runner (Playwright or k6); take it out of that job first",
                ));
            }
        }
        active.r#type = Set(kind);
    }
    if let Some(ids) = &input.tag_ids {
        check_tags(db, current.project_id, ids).await?;
        write_tags(db, id, ids).await?;
    }
    active.updated_at = Set(Utc::now());
    let test = active.update(db).await?;
    audit::record(
        &tx,
        principal,
        Some(test.organization_id),
        "test.update",
        json!({ "testId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(test)
}

/// Deletes a test (project editors); jobs lose it, k6 results keep their figures.
pub async fn delete_test(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let test = find_test(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    tests::Entity::delete_by_id(id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(test.organization_id),
        "test.delete",
        json!({ "testId": id, "title": test.title }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
