//! The authenticated caller of a request.

use axum::http::{HeaderMap, Method, header};
use chrono::Utc;
use entity::{apikey as apikey_entity, session as session_entity, user};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::auth::{apikey, session};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "vigil_session";

/// The administrator's own session token, kept aside while its session cookie holds an
/// impersonation session, and given back when the impersonation stops.
pub const ADMIN_SESSION_COOKIE: &str = "vigil_admin_session";
/// Every API key starts with this, which tells keys from session tokens.
pub const API_KEY_PREFIX: &str = "vgl_";

/// What a credential allows at most, whatever the user's roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Queries only.
    Read,
    /// Queries and ordinary changes (editor-level).
    Write,
    /// Everything the user may do.
    Admin,
}

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    Session {
        session_id: Uuid,
        impersonated_by: Option<Uuid>,
        active_organization_id: Option<Uuid>,
        active_project_id: Option<Uuid>,
    },
    ApiKey {
        key_id: Uuid,
        project_id: Option<Uuid>,
        job_id: Option<Uuid>,
    },
}

/// A signed-in user and the credential used.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user: user::Model,
    pub access: Access,
    pub credential: Credential,
}

impl Principal {
    pub fn user_id(&self) -> Uuid {
        self.user.id
    }

    /// True for the system administrator role.
    pub fn is_system_admin(&self) -> bool {
        self.user.role == user::UserRole::Admin && self.access == Access::Admin
    }

    /// The project an API key is limited to.
    pub fn project_scope(&self) -> Option<Uuid> {
        match &self.credential {
            Credential::ApiKey { project_id, .. } => *project_id,
            Credential::Session { .. } => None,
        }
    }

    /// The job an API key is limited to.
    pub fn job_scope(&self) -> Option<Uuid> {
        match &self.credential {
            Credential::ApiKey { job_id, .. } => *job_id,
            Credential::Session { .. } => None,
        }
    }

    pub fn api_key_id(&self) -> Option<Uuid> {
        match &self.credential {
            Credential::ApiKey { key_id, .. } => Some(*key_id),
            Credential::Session { .. } => None,
        }
    }

    /// Requires a session: signing out, choosing the active organization, accepting an
    /// invitation are not for API keys.
    pub fn require_session(&self) -> AppResult<Uuid> {
        self.session_id().ok_or_else(|| {
            AppError::Forbidden("this needs a signed-in session, not an API key".into())
        })
    }

    /// The one rule for credentials: API keys, sessions, the password and two-factor are
    /// listed and managed only from the user's own signed-in session. No API key may (whatever
    /// its permission or scope), so a leaked key cannot find, disable or delete the others,
    /// mint a lasting one, or lock the owner out; an impersonation session may not either, so
    /// an administrator cannot leave credentials behind in someone else's account. Returns
    /// the session's id.
    pub fn require_own_session(&self) -> AppResult<Uuid> {
        match &self.credential {
            Credential::Session {
                session_id,
                impersonated_by: None,
                ..
            } => Ok(*session_id),
            Credential::Session { .. } => Err(AppError::Forbidden(
                "credentials are managed in the user's own signed-in session, not while impersonating".into(),
            )),
            Credential::ApiKey { .. } => Err(AppError::Forbidden(
                "managing credentials needs a signed-in session, not an API key".into(),
            )),
        }
    }

    pub fn session_id(&self) -> Option<Uuid> {
        match &self.credential {
            Credential::Session { session_id, .. } => Some(*session_id),
            Credential::ApiKey { .. } => None,
        }
    }

    /// Who really acts: the admin behind an impersonation, else the user.
    pub fn actor_id(&self) -> Uuid {
        match &self.credential {
            Credential::Session {
                impersonated_by: Some(admin),
                ..
            } => *admin,
            _ => self.user.id,
        }
    }
}

/// Where a request's credential came from, which decides how much it is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Bearer,
    Cookie,
}

/// Reads the bearer token, or the session cookie when the request cannot be a cross-site
/// form post (it is JSON, or carries `X-Requested-With`, or is a GET which never mutates).
pub fn token_from_headers(method: &Method, headers: &HeaderMap) -> Option<(String, Source)> {
    if let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let mut parts = value.splitn(2, ' ');
        let scheme = parts.next().unwrap_or_default();
        let token = parts.next().unwrap_or_default().trim();
        if scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() {
            return Some((token.to_owned(), Source::Bearer));
        }
    }
    let cookie = session_cookie(headers)?;
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.starts_with("application/graphql"));
    let xhr = headers.contains_key("x-requested-with");
    if json || xhr || method == Method::GET {
        Some((cookie, Source::Cookie))
    } else {
        None
    }
}

/// The value of the session cookie, if any.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE)
}

/// The value of the cookie `name`, if any.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// Authenticates a token: an API key when it has the key prefix, else a session token.
pub async fn authenticate(state: &AppState, token: &str) -> AppResult<Principal> {
    if token.starts_with(API_KEY_PREFIX) {
        apikey::authenticate(state, token).await
    } else {
        session::authenticate(state, token).await
    }
}

/// Checks that the credential behind `principal` still holds, without counting a request: the
/// session still exists and has not expired, or the key still exists, is enabled and has not
/// expired; and the user is not banned or deactivated. One query. Live subscriptions call it
/// before each event they deliver.
pub async fn still_valid(db: &impl ConnectionTrait, principal: &Principal) -> AppResult<()> {
    let now = Utc::now();
    let user = match &principal.credential {
        Credential::Session { session_id, .. } => {
            let found = session_entity::Entity::find_by_id(*session_id)
                .find_also_related(user::Entity)
                .one(db)
                .await?;
            match found {
                Some((session, Some(user))) if session.expires_at > now => user,
                _ => {
                    return Err(AppError::Unauthenticated("this session has ended".into()));
                }
            }
        }
        Credential::ApiKey { key_id, .. } => {
            let found = apikey_entity::Entity::find_by_id(*key_id)
                .find_also_related(user::Entity)
                .one(db)
                .await?;
            match found {
                Some((key, Some(user)))
                    if key.enabled && key.expires_at.is_none_or(|at| at > now) =>
                {
                    user
                }
                _ => {
                    return Err(AppError::Unauthenticated(
                        "this API key is no longer valid".into(),
                    ));
                }
            }
        }
    };
    session::check_user_may_act(&user)
}

/// Resolves the caller of an HTTP request. A bad bearer token is an error; a stale cookie is
/// ignored so that a browser with an expired session can still sign in.
pub async fn from_request(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
) -> AppResult<Option<Principal>> {
    let Some((token, source)) = token_from_headers(method, headers) else {
        return Ok(None);
    };
    match authenticate(state, &token).await {
        Ok(principal) => Ok(Some(principal)),
        Err(AppError::Unauthenticated(_)) if source == Source::Cookie => Ok(None),
        Err(err) => Err(err),
    }
}
