//! Sessions: a random token goes to the client, its SHA-256 to the `session` table.

use chrono::{Duration, Utc};
use entity::{session, user};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::auth::principal::{ADMIN_SESSION_COOKIE, Access, Credential, Principal, SESSION_COOKIE};
use crate::crypto::{hash_token, random_token};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Request details recorded with a new session.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
}

/// Opens a session for `user_id` and returns the token (shown once) with the row.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    days: i64,
    client: &ClientInfo,
    impersonated_by: Option<Uuid>,
) -> AppResult<(String, session::Model)> {
    let token = random_token(32);
    let now = Utc::now();
    let model = session::ActiveModel {
        id: Set(Uuid::now_v7()),
        expires_at: Set(now + Duration::days(days)),
        token: Set(hash_token(&token)),
        created_at: Set(now),
        updated_at: Set(now),
        ip_address: Set(client.ip_address.clone()),
        user_agent: Set(client
            .user_agent
            .as_ref()
            .map(|ua| ua.chars().take(512).collect())),
        user_id: Set(user_id),
        active_organization_id: Set(None),
        active_project_id: Set(None),
        impersonated_by: Set(impersonated_by),
    }
    .insert(db)
    .await?;
    Ok((token, model))
}

/// Checks that a user may act: not banned (or the ban expired), not deactivated.
pub fn check_user_may_act(user: &user::Model) -> AppResult<()> {
    if !user.is_active {
        return Err(AppError::Unauthenticated(
            "this account is deactivated".into(),
        ));
    }
    if user.banned && user.ban_expires.is_none_or(|until| until > Utc::now()) {
        return Err(AppError::Unauthenticated("this account is banned".into()));
    }
    Ok(())
}

/// Finds the live session for `token`. Sessions slide: one used in the second half of its
/// life is extended, at most one write a day per session.
pub async fn authenticate(state: &AppState, token: &str) -> AppResult<Principal> {
    let invalid = || AppError::Unauthenticated("invalid or expired session".into());
    let found = session::Entity::find()
        .filter(session::Column::Token.eq(hash_token(token)))
        .find_also_related(user::Entity)
        .one(&state.db)
        .await?;
    let Some((session, Some(user))) = found else {
        return Err(invalid());
    };
    let now = Utc::now();
    if session.expires_at <= now {
        return Err(invalid());
    }
    check_user_may_act(&user)?;
    let days = state.settings.session_days;
    if session.expires_at - now < Duration::days(days) / 2
        && now - session.updated_at > Duration::days(1)
    {
        session::Entity::update_many()
            .col_expr(
                session::Column::ExpiresAt,
                (now + Duration::days(days)).into(),
            )
            .col_expr(session::Column::UpdatedAt, now.into())
            .filter(session::Column::Id.eq(session.id))
            .exec(&state.db)
            .await?;
    }
    Ok(Principal {
        user,
        access: Access::Admin,
        credential: Credential::Session {
            session_id: session.id,
            impersonated_by: session.impersonated_by,
            active_organization_id: session.active_organization_id,
            active_project_id: session.active_project_id,
        },
    })
}

/// Ends one session.
pub async fn revoke(db: &impl ConnectionTrait, session_id: Uuid) -> AppResult<()> {
    session::Entity::delete_by_id(session_id).exec(db).await?;
    Ok(())
}

/// Ends every session of a user, except `keep`.
pub async fn revoke_all(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Option<Uuid>,
) -> AppResult<u64> {
    let mut query = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(session::Column::Id.ne(keep));
    }
    Ok(query.exec(db).await?.rows_affected)
}

/// `Set-Cookie` value that stores the session token in the browser.
pub fn cookie(token: &str, days: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        days * 86_400
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// `Set-Cookie` value that keeps an administrator's session token aside for the hour an
/// impersonation lasts (`HttpOnly`: scripts of the page never see it).
pub fn admin_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{ADMIN_SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600{secure}")
}

/// `Set-Cookie` value that removes the administrator's kept session.
pub fn clear_admin_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{ADMIN_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}
