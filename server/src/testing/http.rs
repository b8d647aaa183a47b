//! HTTP endpoints of test automation, for CI/CD and for viewing artifacts:
//!
//! - `POST /api/jobs/{id}/trigger[?wait=true&timeout=SECONDS]`: queues a run of the job.
//!   Authorized by `Authorization: Bearer <API key>`, typically a key scoped to that job (it
//!   can do nothing else). Answers `202` with the queued run, or, with `wait=true`, `200` with
//!   the finished run (`202` with its current state when `timeout`, default 300 s, at most
//!   3600 s, passes first).
//! - `GET /api/runs/{id}`: a run's state (the same key may poll it).
//! - `GET /artifacts/runs/{id}/{path}`: a run's stored artifacts (reports, screenshots,
//!   traces, videos, logs) for whoever may see the run. HTML and SVG are served with a
//!   `sandbox` content security policy, so a report's scripts run in an opaque origin and
//!   cannot act with the viewer's session.

use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use entity::runs;
use sea_orm::EntityTrait;
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::run;
use crate::auth::Level;
use crate::auth::principal::{self, Principal};
use crate::error::{AppError, AppResult};
use crate::events::Event;
use crate::state::AppState;

/// The routes, merged into the app's router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/jobs/{id}/trigger", post(trigger))
        .route("/api/runs/{id}", get(show_run))
        .route("/artifacts/runs/{id}/{*path}", get(artifact))
        .with_state(state)
}

async fn caller(state: &AppState, method: &Method, headers: &HeaderMap) -> AppResult<Principal> {
    principal::from_request(state, method, headers)
        .await?
        .ok_or_else(|| AppError::Unauthenticated("send an API key as Authorization: Bearer".into()))
}

fn parse_id(value: &str) -> AppResult<Uuid> {
    crate::validate::id("id", value)
}

/// The JSON shape of a run for HTTP clients.
pub fn run_json(state: &AppState, run: &runs::Model) -> Value {
    let base = state.settings.base_url();
    json!({
        "id": run.id,
        "jobId": run.job_id,
        "projectId": run.project_id,
        "status": format!("{:?}", run.status).chars().fold(String::new(), |mut s, c| {
            if c.is_uppercase() && !s.is_empty() { s.push('_'); }
            s.push(c.to_ascii_uppercase());
            s
        }),
        "trigger": format!("{:?}", run.trigger).to_uppercase(),
        "createdAt": run.created_at,
        "startedAt": run.started_at,
        "completedAt": run.completed_at,
        "durationMs": run.duration_ms,
        "errorDetails": run.error_details,
        "reportUrl": run.report_s3_url.as_ref().map(|k| format!("{base}/artifacts/{k}")),
        "url": format!("{base}/api/runs/{}", run.id),
    })
}

#[derive(Debug, Deserialize)]
struct TriggerQuery {
    wait: Option<bool>,
    timeout: Option<u64>,
}

async fn trigger(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<TriggerQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let principal = caller(&state, &Method::POST, &headers).await?;
    let job_id = parse_id(&id)?;
    let timeout = query.timeout.unwrap_or(300);
    if !(1..=3600).contains(&timeout) {
        return Err(AppError::field(
            "timeout",
            "must be between 1 and 3600 seconds",
        ));
    }
    // Listen before queueing, so that no state change is missed.
    let mut events = state.events.subscribe();
    let queued = run::trigger_job(&state, &principal, job_id).await?;
    if !query.wait.unwrap_or(false) {
        return Ok((
            StatusCode::ACCEPTED,
            axum::Json(json!({ "run": run_json(&state, &queued) })),
        )
            .into_response());
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
    loop {
        let current = runs::Entity::find_by_id(queued.id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        if run::is_final(current.status) {
            return Ok((
                StatusCode::OK,
                axum::Json(json!({ "run": run_json(&state, &current) })),
            )
                .into_response());
        }
        // Woken by the run's events; polled every 2 s in case an event was missed.
        let woke = tokio::time::timeout_at(
            deadline.min(tokio::time::Instant::now() + Duration::from_secs(2)),
            async {
                loop {
                    match events.recv().await {
                        Ok(Event::RunUpdated { run_id, .. }) if run_id == queued.id => break,
                        Ok(Event::EventsMissed) => break,
                        Ok(_) => {}
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => break,
                        Err(_) => std::future::pending::<()>().await,
                    }
                }
            },
        )
        .await;
        if woke.is_err() && tokio::time::Instant::now() >= deadline {
            let current = runs::Entity::find_by_id(queued.id)
                .one(&state.db)
                .await?
                .ok_or(AppError::NotFound)?;
            let code = if run::is_final(current.status) {
                StatusCode::OK
            } else {
                StatusCode::ACCEPTED
            };
            return Ok((
                code,
                axum::Json(json!({ "run": run_json(&state, &current) })),
            )
                .into_response());
        }
    }
}

async fn show_run(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let principal = caller(&state, &Method::GET, &headers).await?;
    let run = run::find(&state, &principal, parse_id(&id)?, Level::Viewer).await?;
    Ok(axum::Json(json!({ "run": run_json(&state, &run) })).into_response())
}

async fn artifact(
    State(state): State<AppState>,
    Path((id, path)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let principal = caller(&state, &Method::GET, &headers).await?;
    let run_id = parse_id(&id)?;
    run::find(&state, &principal, run_id, Level::Viewer).await?;
    let key = format!("runs/{run_id}/{path}");
    if crate::storage::check_key(&key).is_none() {
        return Err(AppError::NotFound);
    }
    let object = state.storage.get(&key).await?.ok_or(AppError::NotFound)?;
    let content_type = crate::storage::content_type(&key);
    let mut response = (StatusCode::OK, object.bytes).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    if content_type.starts_with("text/html") || content_type.starts_with("image/svg") {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox allow-scripts allow-popups allow-downloads"),
        );
    }
    Ok(response)
}
