//! Webhook callbacks (seed 001): a public trigger URL that rate-limits, forwards, caches, logs
//! and fans out to actions.
//!
//! - this module: creating, updating and deleting callbacks, replaying a trigger.
//! - [`query`]: the reads: lists of callbacks, triggers, executions and stored payloads,
//!   trigger figures, and the batch loads behind the API's nested fields.
//! - [`trigger`]: the public endpoint, `/t/{token}` and custom paths.
//! - [`batch`]: group commit of trigger logs and pending executions.
//! - [`ratelimit`]: exact per-plan counters in `rate_limit_logs`.
//! - [`forward`]: the upstream request and response.
//! - [`cache`]: responses replayed within `cache_period`.
//! - [`action`]: the actions and their executions, claimed through the claim queue, with
//!   retries.
//! - [`template`]: `{{request.body.field}}` templates over the trigger.
//! - [`verify`]: the signature a callback may require of its triggers (GitHub, Stripe,
//!   Standard Webhooks, HMAC).
//! - [`store`]: payloads kept by STORE and project queues fed by QUEUE.

pub mod action;
pub mod batch;
pub mod cache;
pub mod forward;
pub mod query;
pub mod ratelimit;
pub mod store;
pub mod template;
pub mod trigger;
pub mod verify;

use axum::http::{HeaderMap, HeaderName, HeaderValue, Method};
use base64::Engine;
use chrono::Utc;
use entity::{callback_logs, callbacks, rate_limits};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Default time to wait for the callback URL.
pub const DEFAULT_TIMEOUT_MS: i32 = 30_000;
/// Longest cache period, in seconds (a day).
pub const MAX_CACHE_SECONDS: i32 = 86_400;

/// First path segments a custom path may not use: Vigil's own routes and the web app's.
pub const RESERVED: &[&str] = &[
    "_",
    "admin",
    "api",
    "app",
    "artifacts",
    "assets",
    "callbacks",
    "docs",
    "favicon.ico",
    "graphql",
    "healthz",
    "index.html",
    "invitations",
    "jobs",
    "login",
    "logout",
    "metrics",
    "monitors",
    "organizations",
    "ping",
    "projects",
    "readyz",
    "reset-password",
    "robots.txt",
    "runs",
    "settings",
    "sign-in",
    "sign-up",
    "signin",
    "signup",
    "static",
    "status",
    "status-domains",
    "t",
    "tests",
    "verify-email",
    "webhooks",
    "ws",
];

/// What a plan allows a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub per_second: i64,
    pub per_minute: i64,
    pub per_hour: i64,
    /// The smaller of the plan's monthly rate limit and its `max_triggers`.
    pub per_month: i64,
    pub max_timeout_ms: i32,
    /// Whether the plan caps the organization's triggers a month (`max_triggers`): every plan
    /// but `unlimited`. An uncapped organization's admissions skip the monthly sum (and, on
    /// PostgreSQL, the organization's row lock); a plan change reaches a resolved callback
    /// within the resolver's few seconds.
    pub capped: bool,
}

/// The limits of an organization's plan (`free` without one), from `subscription_plans` and
/// their active `rate_limits`.
pub async fn limits(db: &impl ConnectionTrait, organization_id: Uuid) -> AppResult<Limits> {
    let plan = crate::plan::callback_plan(db, organization_id).await?;
    let rate = rate_limits::Entity::find()
        .filter(rate_limits::Column::PlanId.eq(plan.id))
        .filter(rate_limits::Column::IsActive.eq(true))
        .one(db)
        .await?;
    let unlimited = i64::MAX / 4;
    Ok(Limits {
        per_second: rate
            .as_ref()
            .map_or(unlimited, |r| i64::from(r.requests_per_second)),
        per_minute: rate
            .as_ref()
            .map_or(unlimited, |r| i64::from(r.requests_per_minute)),
        per_hour: rate
            .as_ref()
            .map_or(unlimited, |r| i64::from(r.requests_per_hour)),
        per_month: rate
            .as_ref()
            .map_or(unlimited, |r| i64::from(r.requests_per_month))
            .min(i64::from(plan.max_triggers)),
        max_timeout_ms: plan.max_timeout_duration.saturating_mul(1000),
        capped: plan.name != crate::plan::UNLIMITED,
    })
}

/// Checks a custom path: 2-100 of `a-z 0-9 - _ /`, segments not empty, first segment not
/// reserved. Returned without leading or trailing slashes.
pub fn check_custom_path(path: &str) -> AppResult<String> {
    let path = path.trim().trim_matches('/').to_lowercase();
    let chars_ok = (2..=100).contains(&path.len())
        && path.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '/' | '.')
        })
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..");
    if !chars_ok {
        return Err(AppError::field(
            "customPath",
            "must be 2-100 characters of a-z, 0-9, '-', '_', '.' and '/', without empty segments",
        ));
    }
    let first = path.split('/').next().unwrap_or_default();
    if RESERVED.contains(&first) {
        return Err(AppError::field(
            "customPath",
            format!("paths starting with {first:?} are reserved"),
        ));
    }
    Ok(path)
}

/// Fields of a callback; `None` leaves a field as it is (on create: its default).
#[derive(Debug, Clone, Default)]
pub struct CallbackInput {
    pub name: Option<String>,
    pub callback_url: Option<String>,
    pub active: Option<bool>,
    /// `Some(None)` removes the custom path.
    pub custom_path: Option<Option<String>>,
    pub timeout_ms: Option<i32>,
    pub cache_seconds: Option<i32>,
    /// The signature triggers must carry; `Some(None)` requires none.
    pub signature: Option<Option<verify::RequirementInput>>,
}

/// The `signature` column for callback `id` after `input` (`None`: leave it as it is).
fn signature_column(
    state: &AppState,
    id: Uuid,
    input: &CallbackInput,
    stored: Option<&Value>,
) -> AppResult<Option<Option<Value>>> {
    Ok(match &input.signature {
        None => None,
        Some(None) => Some(None),
        Some(Some(requirement)) => Some(Some(verify::check(
            &state.master_key,
            id,
            requirement.clone(),
            stored,
        )?)),
    })
}

/// The signature mode for the audit log (never the secret).
fn audited_mode(column: &Option<Option<Value>>) -> Value {
    match column {
        None => Value::Null,
        Some(None) => json!("NONE"),
        Some(Some(stored)) => stored.get("mode").cloned().unwrap_or_default(),
    }
}

async fn check_input(
    state: &AppState,
    db: &impl ConnectionTrait,
    org_id: Uuid,
    input: &CallbackInput,
) -> AppResult<()> {
    if let Some(url) = &input.callback_url {
        if url.len() > 2048 {
            return Err(AppError::field(
                "callbackUrl",
                "must be at most 2048 characters",
            ));
        }
        state.settings.outbound().check_url("callbackUrl", url)?;
    }
    if let Some(timeout) = input.timeout_ms {
        if timeout < 100 {
            return Err(AppError::field(
                "timeoutDuration",
                "must be at least 100 milliseconds",
            ));
        }
        crate::plan::require_callback_timeout(db, org_id, timeout).await?;
    }
    if let Some(cache) = input.cache_seconds
        && !(0..=MAX_CACHE_SECONDS).contains(&cache)
    {
        return Err(AppError::field(
            "cachePeriod",
            format!("must be between 0 and {MAX_CACHE_SECONDS} seconds"),
        ));
    }
    Ok(())
}

/// A new trigger token: 32 random URL-safe characters.
fn new_token() -> String {
    crate::crypto::random_token(24)
}

/// Creates a callback (project editors).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    input: CallbackInput,
) -> AppResult<callbacks::Model> {
    let access = principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    let org_id = access.project.organization_id;
    let name = validate::name("name", input.name.as_deref().unwrap_or_default())?;
    if input.callback_url.is_none() {
        return Err(AppError::field("callbackUrl", "is required"));
    }
    let custom_path = input
        .custom_path
        .clone()
        .flatten()
        .map(|p| check_custom_path(&p))
        .transpose()?;
    let id = Uuid::now_v7();
    let signature = signature_column(state, id, &input, None)?;
    let tx = Tx::begin(state).await?;
    check_input(state, tx.conn(), org_id, &input).await?;
    let now = Utc::now();
    let row = callbacks::ActiveModel {
        id: Set(id),
        name: Set(name),
        callback_url: Set(input
            .callback_url
            .clone()
            .unwrap_or_default()
            .trim()
            .to_owned()),
        active_status: Set(input.active.unwrap_or(true)),
        trigger_token: Set(Some(new_token())),
        custom_path: Set(custom_path.clone()),
        user_id: Set(principal.user_id()),
        organization_id: Set(org_id),
        project_id: Set(project_id),
        timeout_duration: Set(input
            .timeout_ms
            .unwrap_or(DEFAULT_TIMEOUT_MS)
            .min(limits(tx.conn(), org_id).await?.max_timeout_ms)),
        cache_period: Set(input.cache_seconds.unwrap_or(0)),
        signature: Set(signature.clone().flatten()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| conflict_on_path(e, custom_path.as_deref()))?;
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "callback.create",
        json!({ "callbackId": row.id, "name": row.name, "signature": audited_mode(&signature) }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(row.id);
    Ok(row)
}

fn conflict_on_path(err: sea_orm::DbErr, path: Option<&str>) -> AppError {
    match AppError::from(err) {
        AppError::Conflict(_) => AppError::Conflict(format!(
            "the custom path {:?} is taken",
            path.unwrap_or_default()
        )),
        other => other,
    }
}

/// A callback the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<callbacks::Model> {
    Ok(principal
        .find_in_project::<callbacks::Entity>(&state.db, id, needed)
        .await?
        .0)
}

/// Updates a callback (project editors).
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: CallbackInput,
) -> AppResult<callbacks::Model> {
    let current = find(state, principal, id, Level::Editor).await?;
    let mut active: callbacks::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        active.name = Set(validate::name("name", name)?);
    }
    let custom_path = match &input.custom_path {
        Some(Some(path)) => Some(Some(check_custom_path(path)?)),
        Some(None) => Some(None),
        None => None,
    };
    let signature = signature_column(state, id, &input, current.signature.as_ref())?;
    let tx = Tx::begin(state).await?;
    check_input(state, tx.conn(), current.organization_id, &input).await?;
    if let Some(column) = &signature {
        active.signature = Set(column.clone());
    }
    if let Some(url) = &input.callback_url {
        active.callback_url = Set(url.trim().to_owned());
    }
    if let Some(flag) = input.active {
        active.active_status = Set(flag);
    }
    if let Some(path) = &custom_path {
        active.custom_path = Set(path.clone());
    }
    if let Some(timeout) = input.timeout_ms {
        active.timeout_duration = Set(timeout);
    }
    if let Some(cache) = input.cache_seconds {
        active.cache_period = Set(cache);
    }
    active.updated_at = Set(Utc::now());
    let row = active
        .update(tx.conn())
        .await
        .map_err(|e| conflict_on_path(e, custom_path.clone().flatten().as_deref()))?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "callback.update",
        json!({ "callbackId": id, "signature": audited_mode(&signature) }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(id);
    Ok(row)
}

/// Deletes a callback with its logs, actions and executions (project editors).
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let row = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    callbacks::Entity::delete_by_id(id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "callback.delete",
        json!({ "callbackId": id, "name": row.name }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(id);
    Ok(())
}

/// Issues a new trigger token; the old trigger URL stops working at once.
pub async fn rotate_token(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<callbacks::Model> {
    let row = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    let mut active: callbacks::ActiveModel = row.into();
    active.trigger_token = Set(Some(new_token()));
    active.updated_at = Set(Utc::now());
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "callback.rotate_token",
        json!({ "callbackId": id }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(id);
    Ok(row)
}

/// Sends a logged trigger through the pipeline again (without rate limits), recorded as a
/// replay of it (project editors). Returns the new log row.
pub async fn replay(
    state: &AppState,
    principal: &Principal,
    log_id: Uuid,
) -> AppResult<callback_logs::Model> {
    let log = callback_logs::Entity::find_by_id(log_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let callback = find(state, principal, log.callback_id, Level::Editor).await?;
    // Replays skip the signature check (their timestamps are old): one that failed it was
    // never a trigger of the sender's, so it does not run now either.
    if log.event == trigger::SIGNATURE_REJECTED {
        return Err(AppError::field(
            "id",
            "this trigger was refused for its signature, so it cannot be replayed",
        ));
    }
    let request = replayed(&log)?;
    let resolved = trigger::load(&state.db, callback.clone()).await?;
    let response = trigger::run(state, resolved, request, Some(log.id)).await?;
    let new_id = response
        .headers()
        .get("x-vigil-trigger-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| Uuid::parse_str(v).ok())
        .ok_or_else(|| AppError::invalid("the callback is inactive"))?;
    let tx = Tx::begin(state).await?;
    audit::record(
        &tx,
        principal,
        Some(callback.organization_id),
        "callback.replay",
        json!({ "callbackId": callback.id, "logId": log_id, "replayId": new_id }),
    )
    .await?;
    tx.commit().await?;
    callback_logs::Entity::find_by_id(new_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The request a log kept (method, path suffix, query, headers, body), rebuilt to be sent
/// again; a body that was too large to keep cannot be replayed.
fn replayed(log: &callback_logs::Model) -> AppResult<trigger::TriggerRequest> {
    let request = log.request.clone().unwrap_or_default();
    let text = |key: &str| {
        request
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let flag = |key: &str| request.get(key).and_then(Value::as_bool) == Some(true);
    if flag("bodyTruncated") {
        return Err(AppError::field(
            "id",
            "this trigger's body was too large to keep, so it cannot be replayed",
        ));
    }
    let body = if flag("bodyBase64") {
        base64::engine::general_purpose::STANDARD
            .decode(text("body"))
            .unwrap_or_default()
    } else {
        text("body").into_bytes()
    };
    Ok(trigger::TriggerRequest {
        method: Method::from_bytes(text("method").as_bytes()).unwrap_or(Method::POST),
        suffix: text("path"),
        query: Some(text("query")).filter(|q| !q.is_empty()),
        headers: headers_of(request.get("headers")),
        body: body.into(),
        addr: None,
    })
}

/// The headers a log kept, without those that are no longer valid.
fn headers_of(kept: Option<&Value>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(map) = kept.and_then(Value::as_object) {
        for (name, value) in map {
            if let (Ok(name), Some(Ok(value))) = (
                HeaderName::from_bytes(name.as_bytes()),
                value.as_str().map(HeaderValue::from_str),
            ) {
                headers.insert(name, value);
            }
        }
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_paths() {
        assert_eq!(
            check_custom_path("/Hooks/GitHub/").ok().as_deref(),
            Some("hooks/github")
        );
        assert!(check_custom_path("a").is_err());
        assert!(check_custom_path("graphql/x").is_err());
        assert!(check_custom_path("t").is_err());
        assert!(check_custom_path("hooks//x").is_err());
        assert!(check_custom_path("hooks/../x").is_err());
        assert!(check_custom_path("hooks x").is_err());
        assert!(check_custom_path("hooks?x=1").is_err());
    }
}
