//! API keys: `vgl_` followed by 43 random characters. Shown once; the table keeps its SHA-256,
//! its first characters (`start`) for recognition, its permission, scope, expiry and limits.

use chrono::{DateTime, Duration, Utc};
use entity::{apikey, jobs, user};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::guard::Level;
use crate::auth::principal::{API_KEY_PREFIX, Access, Credential, Principal};
use crate::auth::session::check_user_may_act;
use crate::crypto::{hash_token, random_token};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Characters of the key kept in `start` for display.
const START_LEN: usize = 12;

/// The stored form of a permission level: seed 001's list of permission strings.
pub fn permissions_json(access: Access) -> serde_json::Value {
    match access {
        Access::Read => json!(["read"]),
        Access::Write => json!(["read", "write"]),
        Access::Admin => json!(["read", "write", "admin"]),
    }
}

/// The highest level in a stored permission list.
pub fn access_of(permissions: &serde_json::Value) -> Access {
    let has = |p: &str| {
        permissions
            .as_array()
            .is_some_and(|list| list.iter().any(|v| v.as_str() == Some(p)))
    };
    if has("admin") {
        Access::Admin
    } else if has("write") {
        Access::Write
    } else {
        Access::Read
    }
}

/// What a new key may do and how long it lives.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub name: String,
    pub access: Access,
    pub project_id: Option<Uuid>,
    pub job_id: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Requests allowed per window, when rate limited.
    pub rate_limit_max: Option<i64>,
    pub rate_limit_window_seconds: Option<i64>,
}

/// Creates a key for the caller and returns it in clear (the only time) with its row.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewApiKey,
) -> AppResult<(String, apikey::Model)> {
    // Only the user's own session makes keys: a key cannot mint another (stronger, lasting
    // or unscoped) one, nor can an administrator impersonating the user.
    principal.require_own_session()?;
    let name = validate::name("name", &input.name)?;
    if let Some(at) = input.expires_at
        && at <= Utc::now()
    {
        return Err(AppError::field("expiresAt", "must be in the future"));
    }
    let window_ms = rate_limit_window(input.rate_limit_max, input.rate_limit_window_seconds)?;
    let project_id = key_scope(state, principal, input.project_id, input.job_id).await?;
    let key = format!("{API_KEY_PREFIX}{}", random_token(32));
    let tx = crate::db::Tx::begin(state).await?;
    let model = new_row(
        principal.user_id(),
        name,
        &key,
        &input,
        project_id,
        window_ms,
    )
    .insert(tx.conn())
    .await?;
    audit::record(
        &tx,
        principal,
        None,
        "api_key.create",
        json!({ "apiKeyId": model.id, "name": model.name, "projectId": project_id, "jobId": input.job_id }),
    )
    .await?;
    tx.commit().await?;
    Ok((key, model))
}

/// The rate-limit window of a new key in milliseconds, `None` without a limit: both the
/// maximum and the window, or neither.
fn rate_limit_window(max: Option<i64>, window_seconds: Option<i64>) -> AppResult<Option<i64>> {
    match (max, window_seconds) {
        (None, None) => Ok(None),
        (Some(max), Some(secs)) => {
            if !(1..=1_000_000).contains(&max) {
                return Err(AppError::field(
                    "rateLimitMax",
                    "must be between 1 and 1000000",
                ));
            }
            if !(1..=86_400 * 31).contains(&secs) {
                return Err(AppError::field(
                    "rateLimitWindowSeconds",
                    "must be between 1 second and 31 days",
                ));
            }
            Ok(Some(secs * 1000))
        }
        _ => Err(AppError::field(
            "rateLimitMax",
            "give both rateLimitMax and rateLimitWindowSeconds, or neither",
        )),
    }
}

/// The project a new key is limited to: the caller must reach it (and edit the job's project
/// for a key limited to a job, whose project it takes).
async fn key_scope(
    state: &AppState,
    principal: &Principal,
    project_id: Option<Uuid>,
    job_id: Option<Uuid>,
) -> AppResult<Option<Uuid>> {
    if let Some(job_id) = job_id {
        let job = jobs::Entity::find_by_id(job_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        principal
            .project(&state.db, job.project_id, Level::Editor)
            .await?;
        if project_id.is_some_and(|p| p != job.project_id) {
            return Err(AppError::field(
                "projectId",
                "the job is not in this project",
            ));
        }
        return Ok(Some(job.project_id));
    }
    if let Some(pid) = project_id {
        principal.project(&state.db, pid, Level::Viewer).await?;
    }
    Ok(project_id)
}

/// The row of a new key: its hash, its first characters, what it may do and its limits.
fn new_row(
    user_id: Uuid,
    name: String,
    key: &str,
    input: &NewApiKey,
    project_id: Option<Uuid>,
    window_ms: Option<i64>,
) -> apikey::ActiveModel {
    let now = Utc::now();
    apikey::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        start: Set(key.chars().take(START_LEN).collect()),
        prefix: Set(API_KEY_PREFIX.to_owned()),
        key: Set(hash_token(key)),
        user_id: Set(user_id),
        job_id: Set(input.job_id),
        project_id: Set(project_id),
        refill_interval: Set(None),
        refill_amount: Set(None),
        last_refill_at: Set(None),
        enabled: Set(true),
        rate_limit_enabled: Set(window_ms.is_some()),
        rate_limit_time_window: Set(window_ms),
        rate_limit_max: Set(input.rate_limit_max),
        request_count: Set(0),
        remaining: Set(None),
        last_request: Set(None),
        window_started_at: Set(None),
        window_count: Set(0),
        expires_at: Set(input.expires_at),
        created_at: Set(now),
        updated_at: Set(now),
        permissions: Set(permissions_json(input.access)),
        metadata: Set(None),
    }
}

/// The caller's own keys, newest first (from the user's own session only).
pub async fn list(
    db: &impl ConnectionTrait,
    principal: &Principal,
) -> AppResult<Vec<apikey::Model>> {
    principal.require_own_session()?;
    Ok(apikey::Entity::find()
        .filter(apikey::Column::UserId.eq(principal.user_id()))
        .order_by_desc(apikey::Column::Id)
        .all(db)
        .await?)
}

/// One of the caller's keys; another user's key is not found.
pub async fn find_own(
    db: &impl ConnectionTrait,
    principal: &Principal,
    id: Uuid,
) -> AppResult<apikey::Model> {
    apikey::Entity::find_by_id(id)
        .filter(apikey::Column::UserId.eq(principal.user_id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Enables or disables, or renames, one of the caller's keys (from their own session).
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    name: Option<String>,
    enabled: Option<bool>,
) -> AppResult<apikey::Model> {
    principal.require_own_session()?;
    let tx = crate::db::Tx::begin(state).await?;
    let key = find_own(tx.conn(), principal, id).await?;
    let mut active: apikey::ActiveModel = key.into();
    if let Some(name) = name {
        active.name = Set(validate::name("name", &name)?);
    }
    if let Some(enabled) = enabled {
        active.enabled = Set(enabled);
    }
    active.updated_at = Set(Utc::now());
    let model = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        None,
        "api_key.update",
        json!({ "apiKeyId": id, "enabled": model.enabled }),
    )
    .await?;
    tx.commit().await?;
    Ok(model)
}

/// Deletes one of the caller's keys (from their own session).
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    principal.require_own_session()?;
    let tx = crate::db::Tx::begin(state).await?;
    let key = find_own(tx.conn(), principal, id).await?;
    apikey::Entity::delete_by_id(key.id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        None,
        "api_key.delete",
        json!({ "apiKeyId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes every key of a user (a password reset); returns how many.
pub async fn revoke_all(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<u64> {
    Ok(apikey::Entity::delete_many()
        .filter(apikey::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// Checks a presented key and counts the request. One UPDATE counts the request, moves the
/// rate-limit window and consumes quota atomically, so concurrent requests are counted exactly.
pub async fn authenticate(state: &AppState, token: &str) -> AppResult<Principal> {
    let (key, user) = usable_key(state, token).await?;
    let now = Utc::now();
    let after = count_request(&state.db, &key, now).await?;
    if key.rate_limit_enabled
        && let Some(max) = key.rate_limit_max
        && after.window_count > max
    {
        let window_ms = key.rate_limit_time_window.unwrap_or(0);
        let retry = after
            .window_started_at
            .map(|start| start + Duration::milliseconds(window_ms) - now)
            .map(|d| std::cmp::max(d.num_seconds(), 1) as u64);
        return Err(AppError::RateLimited {
            message: format!(
                "this API key allows {max} requests per {} s",
                window_ms / 1000
            ),
            retry_after_secs: retry,
        });
    }
    Ok(Principal {
        user,
        access: access_of(&key.permissions),
        credential: Credential::ApiKey {
            key_id: key.id,
            project_id: key.project_id,
            job_id: key.job_id,
        },
    })
}

/// The key a token names with its user, when the key is enabled and unexpired and the user
/// may act.
async fn usable_key(state: &AppState, token: &str) -> AppResult<(apikey::Model, user::Model)> {
    let found = apikey::Entity::find()
        .filter(apikey::Column::Key.eq(hash_token(token)))
        .find_also_related(user::Entity)
        .one(&state.db)
        .await?;
    let Some((key, Some(user))) = found else {
        return Err(AppError::Unauthenticated("invalid API key".into()));
    };
    if !key.enabled {
        return Err(AppError::Unauthenticated("this API key is disabled".into()));
    }
    if key.expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(AppError::Unauthenticated("this API key has expired".into()));
    }
    check_user_may_act(&user)?;
    Ok((key, user))
}

/// Counts a request of `key` in one UPDATE: the total, the rate-limit window (a new one when
/// the last ran out) and the quota, which must not be used up. Returns the row as it is after.
async fn count_request(
    db: &impl ConnectionTrait,
    key: &apikey::Model,
    now: DateTime<Utc>,
) -> AppResult<apikey::Model> {
    let window_ms = key.rate_limit_time_window.unwrap_or(0);
    let window_open =
        Expr::col(apikey::Column::WindowStartedAt)
            .is_null()
            .or(Expr::col(apikey::Column::WindowStartedAt)
                .lte(now - Duration::milliseconds(window_ms)));
    let mut update = apikey::Entity::update_many()
        .col_expr(
            apikey::Column::RequestCount,
            Expr::col(apikey::Column::RequestCount).add(1),
        )
        .col_expr(apikey::Column::LastRequest, Expr::value(now))
        .filter(apikey::Column::Id.eq(key.id));
    if key.rate_limit_enabled {
        update = update
            .col_expr(
                apikey::Column::WindowCount,
                Into::<Expr>::into(
                    Expr::case(window_open.clone(), 1)
                        .finally(Expr::col(apikey::Column::WindowCount).add(1)),
                ),
            )
            .col_expr(
                apikey::Column::WindowStartedAt,
                Into::<Expr>::into(
                    Expr::case(window_open, Expr::value(now))
                        .finally(Expr::col(apikey::Column::WindowStartedAt)),
                ),
            );
    }
    if key.remaining.is_some() {
        update = update
            .col_expr(
                apikey::Column::Remaining,
                Expr::col(apikey::Column::Remaining).sub(1),
            )
            .filter(apikey::Column::Remaining.gt(0));
    }
    let rows = update.exec_with_returning(db).await?;
    rows.into_iter()
        .next()
        .ok_or_else(|| AppError::RateLimited {
            message: "this API key has used up its quota".into(),
            retry_after_secs: None,
        })
}
