//! Webhook callbacks, their actions, logs and executions, stored payloads and queues.

use async_graphql::{
    Context, Enum, ID, InputObject, Json, MaybeUndefined, Object, SimpleObject, Subscription,
};
use chrono::{DateTime, Utc};
use entity::{
    action_executions, actions, callback_logs, callbacks, queue_messages, stored_payloads,
};
use futures_util::Stream;

use crate::auth::{Level, Principal};
use crate::callback::{self, CallbackInput, action, query, store, verify};
use crate::error::AppError;
use crate::events::Event;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::state::AppState;
use crate::validate;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::actions::ActionType")]
pub enum ActionType {
    HttpPost,
    Slack,
    Email,
    Sms,
    Store,
    Queue,
    Discord,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::action_executions::ActionExecutionStatus")]
pub enum ActionExecutionStatus {
    Pending,
    Running,
    Success,
    Failed,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::queue_messages::QueueMessageStatus")]
pub enum QueueMessageStatus {
    Ready,
    Leased,
    Acked,
}

/// The scheme a callback's triggers are signed with (docs/callbacks.md).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::callback::verify::Mode")]
pub enum CallbackSignatureMode {
    /// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`.
    Github,
    /// `Stripe-Signature: t=<unix>,v1=<hex>`, within 5 minutes.
    Stripe,
    /// `webhook-id`, `webhook-timestamp`, `webhook-signature`, within 5 minutes.
    StandardWebhooks,
    /// An HMAC-SHA256 of the body in a chosen header.
    Hmac,
}

/// How an HMAC signature is written.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::callback::verify::Encoding")]
pub enum SignatureEncoding {
    Hex,
    #[graphql(name = "BASE64")]
    Base64,
}

/// The signature a callback requires of its triggers. The secret is never shown.
#[derive(SimpleObject)]
pub struct CallbackSignature {
    pub mode: CallbackSignatureMode,
    /// Whether a secret is set (it always is once saved; it is never returned).
    pub secret_configured: bool,
    /// HMAC: the header the signature is read from (lower case).
    pub header: Option<String>,
    /// HMAC: how the signature is written.
    pub encoding: Option<SignatureEncoding>,
    /// HMAC: what comes before the signature in the header.
    pub prefix: Option<String>,
}

impl From<verify::Requirement> for CallbackSignature {
    fn from(requirement: verify::Requirement) -> Self {
        let mode = requirement.scheme.mode().into();
        let (header, encoding, prefix) = match requirement.scheme {
            verify::Scheme::Hmac {
                header,
                encoding,
                prefix,
            } => (Some(header), Some(encoding.into()), prefix),
            _ => (None, None, None),
        };
        CallbackSignature {
            mode,
            secret_configured: !requirement.secret.is_empty(),
            header,
            encoding,
            prefix,
        }
    }
}

/// Requires triggers to be signed. Unsigned or wrongly signed triggers are answered 401,
/// logged as `signature_rejected` and run no action.
#[derive(InputObject)]
pub struct CallbackSignatureInput {
    pub mode: CallbackSignatureMode,
    /// The signing secret the sender shows (8-1024 characters; for STANDARD_WEBHOOKS a
    /// `whsec_` value as given). Sealed at rest and never returned. Required the first time;
    /// left out, the stored one is kept.
    pub secret: Option<String>,
    /// HMAC only, required: the header that carries the signature.
    pub header: Option<String>,
    /// HMAC only: HEX (default) or BASE64.
    pub encoding: Option<SignatureEncoding>,
    /// HMAC only: what comes before the signature in the header (`sha256=`).
    pub prefix: Option<String>,
}

impl From<CallbackSignatureInput> for verify::RequirementInput {
    fn from(input: CallbackSignatureInput) -> Self {
        verify::RequirementInput {
            mode: input.mode.into(),
            secret: input.secret,
            header: input.header,
            encoding: input.encoding.map(Into::into),
            prefix: input.prefix,
        }
    }
}

/// A public trigger URL that forwards to `callbackUrl` and runs actions.
pub struct Callback(pub callbacks::Model);

/// Success and response-time figures over a window.
#[derive(SimpleObject)]
pub struct CallbackStats {
    pub window_hours: i32,
    pub total: u64,
    pub successful: u64,
    pub failed: u64,
    /// 0 to 100; null without triggers.
    pub success_rate: Option<f64>,
    pub avg_response_time_ms: Option<i64>,
    pub p95_response_time_ms: Option<i32>,
}

#[Object]
impl Callback {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn callback_url(&self) -> &str {
        &self.0.callback_url
    }
    async fn active_status(&self) -> bool {
        self.0.active_status
    }
    async fn trigger_token(&self) -> Option<&str> {
        self.0.trigger_token.as_deref()
    }
    /// `{base}/t/{triggerToken}`; anything after it is forwarded as a path suffix.
    async fn trigger_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .trigger_token
            .as_ref()
            .map(|t| format!("{}/t/{t}", ctx.state().settings.trigger_base_url()))
    }
    async fn custom_path(&self) -> Option<&str> {
        self.0.custom_path.as_deref()
    }
    async fn custom_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .custom_path
            .as_ref()
            .map(|p| format!("{}/{p}", ctx.state().settings.trigger_base_url()))
    }
    /// How long to wait for the callback URL, in milliseconds.
    async fn timeout_duration(&self) -> i32 {
        self.0.timeout_duration
    }
    /// How long an answer is replayed for identical requests, in seconds (0: never).
    async fn cache_period(&self) -> i32 {
        self.0.cache_period
    }
    /// The signature triggers must carry; null when none is required.
    async fn signature(&self) -> Option<CallbackSignature> {
        verify::Requirement::of(self.0.signature.as_ref()).map(Into::into)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The pipeline, in order.
    async fn actions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Action>> {
        let rows = ctx.loaders().callback_actions.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Action::from)
            .collect())
    }
    /// Triggers, newest first.
    async fn logs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<CallbackLog>> {
        let request = page_request(ctx, first, after.as_deref())?;
        let filter = query::LogFilter::default();
        let rows = query::logs_of(&ctx.state().db, self.0.id, filter, request).await?;
        Ok(connection(request, rows, |l| l.id, CallbackLog))
    }
    /// Action executions, newest first.
    async fn executions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<ActionExecution>> {
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::executions_of(&ctx.state().db, self.0.id, None, request).await?;
        Ok(connection(request, rows, |e| e.id, ActionExecution))
    }
    /// Triggers, success rate and response times over the last `hours` (default 24).
    async fn stats(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 24)] hours: i32,
    ) -> async_graphql::Result<CallbackStats> {
        let s = query::stats(&ctx.state().db, self.0.id, hours).await?;
        Ok(CallbackStats {
            window_hours: hours,
            total: s.total,
            successful: s.successful,
            failed: s.total - s.successful,
            success_rate: (s.total > 0).then(|| s.successful as f64 * 100.0 / s.total as f64),
            avg_response_time_ms: s.avg_response_ms,
            p95_response_time_ms: s.p95_response_ms,
        })
    }
}

/// One trigger of a callback.
pub struct CallbackLog(pub callback_logs::Model);

#[Object]
impl CallbackLog {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn callback_id(&self) -> ID {
        ID(self.0.callback_id.to_string())
    }
    /// `forwarded`, `cache_hit`, `rate_limited`, `plan_limited`, `signature_rejected`,
    /// `timeout` or `error`.
    async fn event(&self) -> &str {
        &self.0.event
    }
    async fn details(&self) -> Option<Json<serde_json::Value>> {
        self.0
            .details
            .as_deref()
            .and_then(|d| serde_json::from_str(d).ok())
            .map(Json)
    }
    async fn success(&self) -> bool {
        self.0.success
    }
    async fn status_code(&self) -> Option<i32> {
        self.0.status_code
    }
    /// Milliseconds the callback URL took.
    async fn response_time(&self) -> Option<i32> {
        self.0.response_time
    }
    /// The incoming request (method, path suffix, query, headers without credentials, body).
    async fn request(&self) -> Option<Json<serde_json::Value>> {
        self.0.request.clone().map(Json)
    }
    /// What the callback URL answered to a forwarded trigger: `contentType`, `body` (the
    /// first 16 KiB; base64 when `bodyBase64`), `bodyTruncated` and `bodyBytes`. Null for
    /// triggers that were not forwarded.
    async fn response(&self) -> Option<Json<serde_json::Value>> {
        self.0.response.clone().map(Json)
    }
    async fn replay_of(&self) -> Option<ID> {
        self.0.replay_of.map(|id| ID(id.to_string()))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn executions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ActionExecution>> {
        let rows = ctx.loaders().log_executions.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ActionExecution)
            .collect())
    }
}

/// A step of a callback's pipeline, with the signing secret its mutation generated, if any.
pub struct Action(pub actions::Model, pub Option<String>);

impl From<actions::Model> for Action {
    fn from(row: actions::Model) -> Self {
        Self(row, None)
    }
}

impl From<action::Saved> for Action {
    fn from(saved: action::Saved) -> Self {
        Self(saved.row, saved.generated_secret)
    }
}

#[Object]
impl Action {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn callback_id(&self) -> ID {
        ID(self.0.callback_id.to_string())
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> ActionType {
        self.0.r#type.into()
    }
    /// Type-specific settings; secrets masked.
    async fn config(&self, ctx: &Context<'_>) -> Json<serde_json::Value> {
        Json(action::masked_config(ctx.state(), &self.0))
    }
    /// The `whsec_` signing secret Vigil generated for an HTTP_POST action created (or
    /// updated) without one, in the answer of that mutation only: it is shown this once and
    /// stored sealed. Null everywhere else.
    async fn generated_secret(&self) -> Option<&str> {
        self.1.as_deref()
    }
    async fn enabled(&self) -> bool {
        self.0.enabled
    }
    async fn order(&self) -> i32 {
        self.0.order
    }
    /// Runs together with the neighbouring parallel actions.
    async fn parallel(&self) -> bool {
        self.0.parallel
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// One action run for one trigger, with its attempts.
pub struct ActionExecution(pub action_executions::Model);

#[Object]
impl ActionExecution {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn action_id(&self) -> ID {
        ID(self.0.action_id.to_string())
    }
    async fn callback_log_id(&self) -> ID {
        ID(self.0.callback_log_id.to_string())
    }
    async fn status(&self) -> ActionExecutionStatus {
        self.0.status.into()
    }
    /// Attempts made so far.
    async fn attempt(&self) -> i32 {
        self.0.attempt
    }
    async fn step(&self) -> i32 {
        self.0.step
    }
    async fn response(&self) -> Option<Json<serde_json::Value>> {
        self.0.response.clone().map(Json)
    }
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }
    async fn duration_ms(&self) -> Option<i32> {
        self.0.duration_ms
    }
    async fn next_attempt_at(&self) -> Option<DateTime<Utc>> {
        self.0.next_attempt_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A payload kept by a STORE action.
pub struct StoredPayload(pub stored_payloads::Model);

#[Object]
impl StoredPayload {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn callback_id(&self) -> ID {
        ID(self.0.callback_id.to_string())
    }
    async fn callback_log_id(&self) -> Option<ID> {
        self.0.callback_log_id.map(|id| ID(id.to_string()))
    }
    async fn key(&self) -> Option<&str> {
        self.0.key.as_deref()
    }
    async fn payload(&self) -> Json<serde_json::Value> {
        Json(self.0.payload.clone())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A message of a project queue.
pub struct QueueMessage(pub queue_messages::Model);

#[Object]
impl QueueMessage {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn queue(&self) -> &str {
        &self.0.queue
    }
    async fn payload(&self) -> Json<serde_json::Value> {
        Json(self.0.payload.clone())
    }
    async fn status(&self) -> QueueMessageStatus {
        self.0.status.into()
    }
    /// How many times it was pulled.
    async fn deliveries(&self) -> i32 {
        self.0.deliveries
    }
    async fn lease_until(&self) -> Option<DateTime<Utc>> {
        self.0.lease_until
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(InputObject)]
pub struct CreateCallbackInput {
    pub project_id: ID,
    pub name: String,
    pub callback_url: String,
    pub active_status: Option<bool>,
    pub custom_path: Option<String>,
    /// Milliseconds, default 30000, at most the plan's limit.
    pub timeout_duration: Option<i32>,
    /// Seconds, default 0 (no caching).
    pub cache_period: Option<i32>,
    /// Requires triggers to be signed.
    pub signature: Option<CallbackSignatureInput>,
}

#[derive(InputObject)]
pub struct UpdateCallbackInput {
    pub name: Option<String>,
    pub callback_url: Option<String>,
    pub active_status: Option<bool>,
    /// An empty string removes the custom path.
    pub custom_path: Option<String>,
    pub timeout_duration: Option<i32>,
    pub cache_period: Option<i32>,
    /// Requires triggers to be signed; null requires no signature any more.
    pub signature: MaybeUndefined<CallbackSignatureInput>,
}

#[derive(InputObject)]
pub struct CreateActionInput {
    pub callback_id: ID,
    #[graphql(name = "type")]
    pub kind: ActionType,
    /// Type-specific settings (see the action types).
    pub config: Json<serde_json::Value>,
    pub enabled: Option<bool>,
    pub order: Option<i32>,
    pub parallel: Option<bool>,
}

#[derive(InputObject)]
pub struct UpdateActionInput {
    pub config: Option<Json<serde_json::Value>>,
    pub enabled: Option<bool>,
    pub order: Option<i32>,
    pub parallel: Option<bool>,
}

#[derive(InputObject, Default)]
pub struct CallbackLogFilter {
    pub success: Option<bool>,
    pub event: Option<String>,
}

#[derive(Default)]
pub struct CallbackQuery;

#[Object]
impl CallbackQuery {
    /// Callbacks of a project, oldest first.
    async fn callbacks(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Callback>> {
        let id = validate::id("projectId", &project_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::list(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |c| c.id, Callback))
    }

    async fn callback(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Callback>> {
        let id = validate::id("id", &id)?;
        match callback::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(row) => Ok(Some(Callback(row))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    /// Triggers of a callback, newest first.
    async fn callback_logs(
        &self,
        ctx: &Context<'_>,
        callback_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<CallbackLogFilter>,
    ) -> async_graphql::Result<Page<CallbackLog>> {
        let id = validate::id("callbackId", &callback_id)?;
        let principal = ctx.principal()?;
        let filter = filter.unwrap_or_default();
        let filter = query::LogFilter {
            success: filter.success,
            event: filter.event,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::logs(ctx.state(), principal, id, filter, request).await?;
        Ok(connection(request, rows, |l| l.id, CallbackLog))
    }

    /// Executions of a callback's actions (or of one trigger), newest first.
    async fn action_executions(
        &self,
        ctx: &Context<'_>,
        callback_id: ID,
        log_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<ActionExecution>> {
        let id = validate::id("callbackId", &callback_id)?;
        let log = validate::opt_id("logId", log_id.as_deref())?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::executions(ctx.state(), principal, id, log, request).await?;
        Ok(connection(request, rows, |e| e.id, ActionExecution))
    }

    /// Payloads kept by STORE actions, newest first.
    async fn stored_payloads(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        callback_id: Option<ID>,
        key: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<StoredPayload>> {
        let project = validate::id("projectId", &project_id)?;
        let callback = validate::opt_id("callbackId", callback_id.as_deref())?;
        let principal = ctx.principal()?;
        let filter = query::PayloadFilter {
            callback_id: callback,
            key,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::payloads(ctx.state(), principal, project, filter, request).await?;
        Ok(connection(request, rows, |p| p.id, StoredPayload))
    }

    /// Messages of a project's queues (added by QUEUE actions), newest first, as they are
    /// now: listing them takes none (`pullQueueMessages` does).
    #[allow(clippy::too_many_arguments)]
    async fn queue_messages(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        queue: Option<String>,
        callback_id: Option<ID>,
        status: Option<QueueMessageStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<QueueMessage>> {
        let project = validate::id("projectId", &project_id)?;
        let callback = validate::opt_id("callbackId", callback_id.as_deref())?;
        let principal = ctx.principal()?;
        let filter = query::QueueFilter {
            queue,
            callback_id: callback,
            status: status.map(Into::into),
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::queue_messages(ctx.state(), principal, project, filter, request).await?;
        Ok(connection(request, rows, |m| m.id, QueueMessage))
    }
}

#[derive(Default)]
pub struct CallbackMutation;

fn callback_input(
    name: Option<String>,
    callback_url: Option<String>,
    active: Option<bool>,
    custom_path: Option<Option<String>>,
    timeout: Option<i32>,
    cache: Option<i32>,
) -> CallbackInput {
    CallbackInput {
        name,
        callback_url,
        active,
        custom_path,
        timeout_ms: timeout,
        cache_seconds: cache,
        signature: None,
    }
}

#[Object]
impl CallbackMutation {
    /// Creates a callback and its trigger token (project editors).
    async fn create_callback(
        &self,
        ctx: &Context<'_>,
        input: CreateCallbackInput,
    ) -> async_graphql::Result<Callback> {
        let project = validate::id("projectId", &input.project_id)?;
        let signature = input.signature.map(|s| Some(s.into()));
        let domain = CallbackInput {
            signature,
            ..callback_input(
                Some(input.name),
                Some(input.callback_url),
                input.active_status,
                input.custom_path.map(Some),
                input.timeout_duration,
                input.cache_period,
            )
        };
        Ok(Callback(
            callback::create(ctx.state(), ctx.principal()?, project, domain).await?,
        ))
    }

    async fn update_callback(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateCallbackInput,
    ) -> async_graphql::Result<Callback> {
        let id = validate::id("id", &id)?;
        let path = input
            .custom_path
            .map(|p| Some(p).filter(|p| !p.trim().is_empty()));
        let signature = match input.signature {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(s) => Some(Some(s.into())),
        };
        let domain = CallbackInput {
            signature,
            ..callback_input(
                input.name,
                input.callback_url,
                input.active_status,
                path,
                input.timeout_duration,
                input.cache_period,
            )
        };
        Ok(Callback(
            callback::update(ctx.state(), ctx.principal()?, id, domain).await?,
        ))
    }

    async fn delete_callback(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        callback::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Issues a new trigger token; the old URL stops working.
    async fn rotate_trigger_token(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Callback> {
        let id = validate::id("id", &id)?;
        Ok(Callback(
            callback::rotate_token(ctx.state(), ctx.principal()?, id).await?,
        ))
    }

    async fn create_action(
        &self,
        ctx: &Context<'_>,
        input: CreateActionInput,
    ) -> async_graphql::Result<Action> {
        let callback = validate::id("callbackId", &input.callback_id)?;
        let domain = action::ActionInput {
            config: Some(input.config.0),
            enabled: input.enabled,
            order: input.order,
            parallel: input.parallel,
        };
        Ok(action::create(
            ctx.state(),
            ctx.principal()?,
            callback,
            input.kind.into(),
            domain,
        )
        .await?
        .into())
    }

    async fn update_action(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateActionInput,
    ) -> async_graphql::Result<Action> {
        let id = validate::id("id", &id)?;
        let domain = action::ActionInput {
            config: input.config.map(|c| c.0),
            enabled: input.enabled,
            order: input.order,
            parallel: input.parallel,
        };
        Ok(action::update(ctx.state(), ctx.principal()?, id, domain)
            .await?
            .into())
    }

    async fn delete_action(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        action::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Sends a logged trigger through the pipeline again (rate limits do not apply).
    async fn replay_callback_log(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<CallbackLog> {
        let id = validate::id("id", &id)?;
        Ok(CallbackLog(
            callback::replay(ctx.state(), ctx.principal()?, id).await?,
        ))
    }

    /// Takes up to `max` messages of a project queue; they come back after
    /// `visibilitySeconds` unless acknowledged.
    async fn pull_queue_messages(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        queue: String,
        #[graphql(default = 10)] max: i32,
        #[graphql(default = 30)] visibility_seconds: i32,
    ) -> async_graphql::Result<Vec<QueueMessage>> {
        let project = validate::id("projectId", &project_id)?;
        let max =
            u64::try_from(max).map_err(|_| AppError::field("max", "must be between 1 and 100"))?;
        let rows = store::pull(
            ctx.state(),
            ctx.principal()?,
            project,
            &queue,
            max,
            chrono::Duration::seconds(i64::from(visibility_seconds)),
        )
        .await?;
        Ok(rows.into_iter().map(QueueMessage).collect())
    }

    /// Marks a pulled message done.
    async fn ack_queue_message(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<QueueMessage> {
        let id = validate::id("id", &id)?;
        Ok(QueueMessage(
            store::ack(ctx.state(), ctx.principal()?, id).await?,
        ))
    }
}

#[derive(Default)]
pub struct CallbackSubscription;

#[Subscription]
impl CallbackSubscription {
    /// Triggers as they are logged: of one callback (`callbackId`), or of every callback of
    /// a project (`projectId`).
    async fn callback_log_added(
        &self,
        ctx: &Context<'_>,
        callback_id: Option<ID>,
        project_id: Option<ID>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<CallbackLog>> + use<>> {
        let one = validate::opt_id("callbackId", callback_id.as_deref())?;
        let project = validate::opt_id("projectId", project_id.as_deref())?;
        if one.is_none() && project.is_none() {
            return Err(AppError::field("callbackId", "give a callbackId or a projectId").into());
        }
        let db = ctx.state().db.clone();
        crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                match one {
                    Some(id) => callback::find(&state, &principal, id, Level::Viewer)
                        .await
                        .map(drop),
                    None => principal
                        .project(&state.db, project.unwrap_or_default(), Level::Viewer)
                        .await
                        .map(drop),
                }
            },
            move |event| {
                let db = db.clone();
                async move {
                    let Event::CallbackLogAdded {
                        callback_id,
                        project_id,
                        log_id,
                    } = event
                    else {
                        return None;
                    };
                    let wanted = match one {
                        Some(id) => callback_id == id,
                        None => Some(project_id) == project,
                    };
                    if !wanted {
                        return None;
                    }
                    query::log(&db, log_id)
                        .await
                        .ok()
                        .flatten()
                        .map(CallbackLog)
                }
            },
        )
        .await
    }
}
