//! Inbound heartbeats: `/ping/{token}` (success), `/ping/{token}/start` and
//! `/ping/{token}/fail`, with any method. A ping records a result like a check would; a
//! missing ping is found by the engine when the monitor's deadline (period + grace) passes.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::any;
use chrono::{Duration, Utc};
use entity::monitor_locations;
use entity::monitors::{self, MonitorType};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::check::CheckOutcome;
use super::engine::{Completion, record};
use super::types::MonitorConfig;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What a ping reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ping {
    Success,
    Start,
    Fail,
}

/// The next deadline of a heartbeat monitor after a ping at `at`.
pub fn deadline(monitor: &monitors::Model, at: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    let grace = MonitorConfig::from_json(monitor.config.as_ref())
        .heartbeat
        .unwrap_or_default()
        .grace_period_minutes;
    at + Duration::minutes(i64::from(monitor.frequency_minutes.max(1)) + i64::from(grace))
}

/// Records a ping for the monitor with `token`. Unknown tokens and paused monitors are
/// `NOT_FOUND`.
pub async fn ping(state: &AppState, token: &str, kind: Ping, body: &[u8]) -> AppResult<()> {
    if token.len() > 100 {
        return Err(AppError::NotFound);
    }
    let monitor = monitors::Entity::find()
        .filter(monitors::Column::HeartbeatToken.eq(token))
        .filter(monitors::Column::Type.eq(MonitorType::Heartbeat))
        .one(&state.db)
        .await?
        .filter(|m| m.enabled)
        .ok_or(AppError::NotFound)?;
    let now = Utc::now();
    if kind == Ping::Start {
        monitors::Entity::update(monitors::ActiveModel {
            id: Set(monitor.id),
            heartbeat_started_at: Set(Some(now)),
            ..Default::default()
        })
        .exec(&state.db)
        .await?;
        return Ok(());
    }
    let slot = monitor_locations::Entity::find()
        .filter(monitor_locations::Column::MonitorId.eq(monitor.id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let excerpt: String = String::from_utf8_lossy(&body[..body.len().min(1000)]).into_owned();
    let duration = monitor
        .heartbeat_started_at
        .map(|at| (now - at).num_milliseconds());
    let outcome = match kind {
        Ping::Fail => CheckOutcome::down(
            "reported",
            "the job reported a failure",
            None,
            json!({ "ping": "fail", "body": excerpt, "durationMs": duration }),
        ),
        _ => CheckOutcome::up(
            duration.and_then(|d| i32::try_from(d).ok()),
            json!({ "ping": "success", "body": excerpt, "durationMs": duration }),
        ),
    };
    let completion = Completion {
        held_by: None,
        next_check_at: deadline(&monitor, now),
        slot,
        monitor,
        outcome,
        checked_at: now,
    };
    record(state, vec![completion]).await
}

/// `/ping/{token}` and its `/start` and `/fail` variants.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/ping/{token}", any(success))
        .route("/ping/{token}/{kind}", any(with_kind))
        .with_state(state)
}

async fn success(
    State(state): State<AppState>,
    Path(token): Path<String>,
    body: Bytes,
) -> impl IntoResponse {
    respond(ping(&state, &token, Ping::Success, &body).await)
}

async fn with_kind(
    State(state): State<AppState>,
    Path((token, kind)): Path<(String, String)>,
    body: Bytes,
) -> impl IntoResponse {
    let kind = match kind.as_str() {
        "start" => Ping::Start,
        "fail" => Ping::Fail,
        _ => return (StatusCode::NOT_FOUND, "not found").into_response(),
    };
    respond(ping(&state, &token, kind, &body).await).into_response()
}

fn respond(result: AppResult<()>) -> axum::response::Response {
    match result {
        Ok(()) => (StatusCode::OK, "OK").into_response(),
        Err(AppError::NotFound) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Err(err) => err.into_response(),
    }
}
