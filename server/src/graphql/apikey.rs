//! API keys.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::apikey;

use crate::auth::Access;
use crate::auth::apikey::{self as keys, NewApiKey, access_of};
use crate::graphql::context::CtxExt;
use crate::validate;

/// What a key may do: read (queries), write (queries and changes), admin (all the user may).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ApiKeyPermission {
    Read,
    Write,
    Admin,
}

impl From<ApiKeyPermission> for Access {
    fn from(p: ApiKeyPermission) -> Self {
        match p {
            ApiKeyPermission::Read => Access::Read,
            ApiKeyPermission::Write => Access::Write,
            ApiKeyPermission::Admin => Access::Admin,
        }
    }
}

impl From<Access> for ApiKeyPermission {
    fn from(a: Access) -> Self {
        match a {
            Access::Read => ApiKeyPermission::Read,
            Access::Write => ApiKeyPermission::Write,
            Access::Admin => ApiKeyPermission::Admin,
        }
    }
}

/// An API key. The key itself is only shown when created.
pub struct ApiKey(pub apikey::Model);

#[Object]
impl ApiKey {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The first characters of the key, to recognise it.
    async fn start(&self) -> &str {
        &self.0.start
    }
    async fn prefix(&self) -> &str {
        &self.0.prefix
    }
    async fn permission(&self) -> ApiKeyPermission {
        access_of(&self.0.permissions).into()
    }
    /// The project the key is limited to.
    async fn project_id(&self) -> Option<ID> {
        self.0.project_id.map(|id| ID(id.to_string()))
    }
    /// The job the key is limited to (it may only trigger that job and read its runs).
    async fn job_id(&self) -> Option<ID> {
        self.0.job_id.map(|id| ID(id.to_string()))
    }
    async fn enabled(&self) -> bool {
        self.0.enabled
    }
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }
    async fn last_request(&self) -> Option<DateTime<Utc>> {
        self.0.last_request
    }
    async fn request_count(&self) -> i64 {
        self.0.request_count
    }
    async fn rate_limit_max(&self) -> Option<i64> {
        self.0
            .rate_limit_enabled
            .then_some(self.0.rate_limit_max)
            .flatten()
    }
    async fn rate_limit_window_seconds(&self) -> Option<i64> {
        self.0
            .rate_limit_enabled
            .then_some(self.0.rate_limit_time_window.map(|ms| ms / 1000))
            .flatten()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A new key: copy `key` now, it is not shown again.
#[derive(SimpleObject)]
pub struct CreatedApiKey {
    pub key: String,
    pub api_key: ApiKey,
}

#[derive(InputObject)]
pub struct CreateApiKeyInput {
    pub name: String,
    pub permission: ApiKeyPermission,
    pub project_id: Option<ID>,
    pub job_id: Option<ID>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Requests allowed per window; both this and `rateLimitWindowSeconds`, or neither.
    pub rate_limit_max: Option<i64>,
    pub rate_limit_window_seconds: Option<i64>,
}

#[derive(InputObject)]
pub struct UpdateApiKeyInput {
    pub name: Option<String>,
    pub enabled: Option<bool>,
}

#[derive(Default)]
pub struct ApiKeyQuery;

#[Object]
impl ApiKeyQuery {
    /// The caller's API keys, newest first. Keys are listed and managed only from the user's
    /// own signed-in session (not with an API key, not while impersonating).
    async fn api_keys(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ApiKey>> {
        Ok(keys::list(&ctx.state().db, ctx.principal()?)
            .await?
            .into_iter()
            .map(ApiKey)
            .collect())
    }
}

#[derive(Default)]
pub struct ApiKeyMutation;

#[Object]
impl ApiKeyMutation {
    /// Creates a key; the response is the only time the key is shown. Needs the user's own
    /// signed-in session.
    async fn create_api_key(
        &self,
        ctx: &Context<'_>,
        input: CreateApiKeyInput,
    ) -> async_graphql::Result<CreatedApiKey> {
        let project_id = validate::opt_id("projectId", input.project_id.as_deref())?;
        let job_id = validate::opt_id("jobId", input.job_id.as_deref())?;
        let (key, model) = keys::create(
            ctx.state(),
            ctx.principal()?,
            NewApiKey {
                name: input.name,
                access: input.permission.into(),
                project_id,
                job_id,
                expires_at: input.expires_at,
                rate_limit_max: input.rate_limit_max,
                rate_limit_window_seconds: input.rate_limit_window_seconds,
            },
        )
        .await?;
        Ok(CreatedApiKey {
            key,
            api_key: ApiKey(model),
        })
    }

    async fn update_api_key(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateApiKeyInput,
    ) -> async_graphql::Result<ApiKey> {
        let id = validate::id("id", &id)?;
        Ok(ApiKey(
            keys::update(ctx.state(), ctx.principal()?, id, input.name, input.enabled).await?,
        ))
    }

    async fn delete_api_key(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        keys::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }
}
