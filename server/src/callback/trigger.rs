//! The public trigger endpoint: any method on `/t/{token}[/suffix]` and on a callback's custom
//! path. Unknown and inactive callbacks are a bare 404. A trigger is admitted by the rate
//! limits, answered from the cache or forwarded, and logged with its pending action
//! executions in one transaction before the caller gets the answer.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use base64::Engine;
use chrono::Utc;
use entity::action_executions::{self, ActionExecutionStatus};
use entity::{actions, callback_logs, callbacks};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use super::batch::Batcher;
use super::cache::{Cached, ResponseCache, key};
use super::forward::{self, Failure};
use super::ratelimit::{self, Admit, Decision};
use super::{Limits, limits};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::events::{Event, EventBus};
use crate::state::AppState;

/// How long a resolved callback is reused before it is read again (changes made through this
/// process are seen at once; other replicas' within this time).
const RESOLVE_TTL: Duration = Duration::from_secs(2);
/// Largest request body kept in the log for replays.
const MAX_LOGGED_BODY: usize = 64 * 1024;
/// How much of the callback URL's answer a log row keeps.
pub const MAX_LOGGED_RESPONSE: usize = 16 * 1024;

/// A callback ready to take triggers.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub callback: callbacks::Model,
    /// Enabled actions with their pipeline step.
    pub steps: Vec<(Uuid, i32)>,
    pub limits: Limits,
}

impl Resolved {
    /// How long the callback URL is waited for: the callback's timeout, within its plan's
    /// `max_timeout_duration` now (a callback kept from a larger plan waits what the plan
    /// allows).
    pub fn timeout_ms(&self) -> i32 {
        self.callback
            .timeout_duration
            .min(self.limits.max_timeout_ms)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Lookup {
    Token(String),
    Path(String),
}

/// A lookup's answer and when it was read.
type Remembered = (Instant, Option<Arc<Resolved>>);

/// A log row to write with its executions.
#[derive(Debug, Clone)]
pub struct NewLog {
    pub id: Uuid,
    pub callback: callbacks::Model,
    pub event: &'static str,
    pub details: Value,
    pub response_time: Option<i32>,
    pub status_code: Option<i32>,
    pub success: bool,
    pub request: Value,
    /// What the callback URL answered (forwarded triggers only).
    pub response: Option<Value>,
    pub replay_of: Option<Uuid>,
    pub steps: Vec<(Uuid, i32)>,
}

/// Work for the pipeline's writer: admitting a trigger, or logging one.
#[derive(Debug)]
pub enum Job {
    Admit(Admit),
    Log(Box<NewLog>),
}

/// The writer's answer to a [`Job`].
#[derive(Debug)]
pub enum Done {
    Admitted(Decision),
    Logged(Uuid),
}

/// What a process keeps for callbacks: resolved callbacks, the response cache, and the
/// group-commit writer that admits and logs triggers.
pub struct Runtime {
    resolved: Mutex<HashMap<Lookup, Remembered>>,
    pub cache: ResponseCache,
    writer: Batcher<Job, Done>,
    refusals: RefusalBudget,
}

/// Refused triggers (bad signature, rate or plan limit) logged per callback and minute in
/// this process: past it they are answered the same but not logged, so that a flood of
/// refused requests, which anyone can send, cannot fill the log.
pub const REFUSALS_LOGGED_PER_MINUTE: u32 = 60;

/// Per callback: when its minute started, refusals logged in it, refusals not logged since
/// the last one that was.
#[derive(Default)]
struct RefusalBudget(Mutex<HashMap<Uuid, (Instant, u32, u64)>>);

impl RefusalBudget {
    /// `Some(unlogged before it)` when this refusal of `callback` is to be logged.
    fn take(&self, callback: Uuid, now: Instant) -> Option<u64> {
        let Ok(mut map) = self.0.lock() else {
            return Some(0);
        };
        let minute = Duration::from_secs(60);
        if map.len() >= 50_000 && !map.contains_key(&callback) {
            map.retain(|_, (start, _, unlogged)| {
                now.duration_since(*start) < minute || *unlogged > 0
            });
            if map.len() >= 50_000 {
                map.clear();
            }
        }
        let (start, logged, unlogged) = map.entry(callback).or_insert((now, 0, 0));
        if now.duration_since(*start) >= minute {
            (*start, *logged) = (now, 0);
        }
        if *logged >= REFUSALS_LOGGED_PER_MINUTE {
            *unlogged += 1;
            return None;
        }
        *logged += 1;
        Some(std::mem::take(unlogged))
    }
}

impl Runtime {
    /// `metered`: whether admitted triggers count as usage (`usage::metered`).
    pub fn new(db: DatabaseConnection, bus: EventBus, metered: bool) -> Self {
        // One writer for both kinds of work: under load, the triggers starting and the
        // triggers finishing share each commit.
        let writer = Batcher::spawn(1024, move |batch| {
            let db = db.clone();
            let bus = bus.clone();
            async move { write(&db, &bus, metered, batch).await }
        });
        Self {
            resolved: Mutex::new(HashMap::new()),
            cache: ResponseCache::default(),
            writer,
            refusals: RefusalBudget::default(),
        }
    }

    /// Logs a refused trigger within its callback's budget
    /// ([`REFUSALS_LOGGED_PER_MINUTE`]); the refusals left unlogged before it are counted in
    /// its details as `unloggedBefore`.
    async fn log_refusal(&self, mut entry: NewLog) -> AppResult<()> {
        let Some(unlogged) = self.refusals.take(entry.callback.id, Instant::now()) else {
            return Ok(());
        };
        if unlogged > 0
            && let Some(details) = entry.details.as_object_mut()
        {
            details.insert("unloggedBefore".into(), json!(unlogged));
        }
        self.log(entry).await.map(|_| ())
    }

    async fn admit(&self, admit: Admit) -> AppResult<Decision> {
        match self.writer.call(Job::Admit(admit)).await? {
            Done::Admitted(decision) => Ok(decision),
            Done::Logged(_) => Err(AppError::Internal(anyhow::anyhow!(
                "the writer answered a log to an admission"
            ))),
        }
    }

    /// Forgets what is cached about a callback (it changed).
    pub fn forget(&self, callback_id: Uuid) {
        if let Ok(mut map) = self.resolved.lock() {
            map.retain(|_, (_, r)| r.as_ref().is_some_and(|r| r.callback.id != callback_id));
        }
        self.cache.forget(callback_id);
    }

    fn cached(&self, lookup: &Lookup) -> Option<Option<Arc<Resolved>>> {
        let map = self.resolved.lock().ok()?;
        let (at, value) = map.get(lookup)?;
        (at.elapsed() < RESOLVE_TTL).then(|| value.clone())
    }

    fn remember(&self, lookup: Lookup, value: Option<Arc<Resolved>>) {
        if let Ok(mut map) = self.resolved.lock() {
            if map.len() > 50_000 {
                map.retain(|_, (at, _)| at.elapsed() < RESOLVE_TTL);
            }
            map.insert(lookup, (Instant::now(), value));
        }
    }

    /// Writes a log row and its executions (in a batch with others) and returns its id.
    pub async fn log(&self, entry: NewLog) -> AppResult<Uuid> {
        crate::metrics::trigger(entry.event);
        match self.writer.call(Job::Log(Box::new(entry))).await? {
            Done::Logged(id) => Ok(id),
            Done::Admitted(_) => Err(AppError::Internal(anyhow::anyhow!(
                "the writer answered an admission to a log"
            ))),
        }
    }
}

/// The pipeline steps of a callback's enabled actions: consecutive parallel actions share a
/// step; every other action has its own.
pub fn steps(actions: &[actions::Model]) -> Vec<(Uuid, i32)> {
    let mut out = Vec::new();
    let mut step = -1;
    let mut previous_parallel = false;
    for action in actions.iter().filter(|a| a.enabled) {
        if !(action.parallel && previous_parallel) {
            step += 1;
        }
        previous_parallel = action.parallel;
        out.push((action.id, step));
    }
    out
}

pub async fn load(db: &DatabaseConnection, callback: callbacks::Model) -> AppResult<Arc<Resolved>> {
    let actions = actions::Entity::find()
        .filter(actions::Column::CallbackId.eq(callback.id))
        .order_by_asc(actions::Column::Order)
        .order_by_asc(actions::Column::Id)
        .all(db)
        .await?;
    let limits = limits(db, callback.organization_id).await?;
    Ok(Arc::new(Resolved {
        steps: steps(&actions),
        callback,
        limits,
    }))
}

/// The callback of a token.
async fn by_token(state: &AppState, token: &str) -> AppResult<Option<Arc<Resolved>>> {
    let lookup = Lookup::Token(token.to_owned());
    if let Some(hit) = state.callbacks.cached(&lookup) {
        return Ok(hit);
    }
    let found = callbacks::Entity::find()
        .filter(callbacks::Column::TriggerToken.eq(token))
        .one(&state.db)
        .await?;
    let resolved = match found {
        Some(callback) => Some(load(&state.db, callback).await?),
        None => None,
    };
    state.callbacks.remember(lookup, resolved.clone());
    Ok(resolved)
}

/// The callback whose custom path is the longest segment prefix of `path`, with the rest as
/// the suffix.
async fn by_path(state: &AppState, path: &str) -> AppResult<Option<(Arc<Resolved>, String)>> {
    let path = path.trim_matches('/').to_lowercase();
    if path.is_empty() || path.len() > 2048 {
        return Ok(None);
    }
    let lookup = Lookup::Path(path.clone());
    let resolved = match state.callbacks.cached(&lookup) {
        Some(hit) => hit,
        None => {
            let segments: Vec<&str> = path.split('/').collect();
            let candidates: Vec<String> = (1..=segments.len().min(20))
                .map(|n| segments[..n].join("/"))
                .collect();
            let found = callbacks::Entity::find()
                .filter(callbacks::Column::CustomPath.is_in(candidates))
                .all(&state.db)
                .await?
                .into_iter()
                .max_by_key(|c| c.custom_path.as_ref().map_or(0, String::len));
            let resolved = match found {
                Some(callback) => Some(load(&state.db, callback).await?),
                None => None,
            };
            state.callbacks.remember(lookup, resolved.clone());
            resolved
        }
    };
    Ok(resolved.map(|r| {
        let prefix = r.callback.custom_path.clone().unwrap_or_default();
        let suffix = path
            .strip_prefix(&prefix)
            .unwrap_or_default()
            .trim_start_matches('/')
            .to_owned();
        (r, suffix)
    }))
}

/// What the callback URL answered, as the log keeps it: its content type and the first
/// [`MAX_LOGGED_RESPONSE`] bytes of its body (base64 when they are not UTF-8). Other headers
/// are left out: they may carry cookies or tokens meant for the caller only.
pub fn response_record(answer: &super::cache::Cached) -> Value {
    let content_type = answer
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| value.clone());
    let mut record = kept_body(&answer.body, MAX_LOGGED_RESPONSE);
    record.insert("contentType".into(), json!(content_type));
    Value::Object(record)
}

/// The first `max` bytes of a body as a log keeps it: `body` (text, or base64 when they are
/// not UTF-8; a cut inside a character moves before it, so that text stays text),
/// `bodyBase64`, `bodyTruncated` and `bodyBytes`.
fn kept_body(body: &[u8], max: usize) -> serde_json::Map<String, Value> {
    let mut end = body.len().min(max);
    let text = loop {
        match std::str::from_utf8(&body[..end]) {
            Ok(text) => break Some(text.to_owned()),
            Err(e) if e.error_len().is_none() && end < body.len() => end = e.valid_up_to(),
            Err(_) => break None,
        }
    };
    let (text, base64) = match text {
        Some(text) => (text, false),
        None => {
            end = body.len().min(max);
            (
                base64::engine::general_purpose::STANDARD.encode(&body[..end]),
                true,
            )
        }
    };
    let mut record = serde_json::Map::new();
    record.insert("body".into(), json!(text));
    record.insert("bodyBase64".into(), json!(base64));
    record.insert("bodyTruncated".into(), json!(end < body.len()));
    record.insert("bodyBytes".into(), json!(body.len()));
    record
}

/// `/t/{token}` and `/t/{token}/{*rest}`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/t/{token}", any(token_root))
        .route("/t/{token}/{*rest}", any(token_rest))
        .with_state(state)
}

/// The incoming request, as the log keeps it (without credentials).
pub fn request_record(
    method: &Method,
    suffix: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Value {
    let kept: serde_json::Map<String, Value> = headers
        .iter()
        .filter(|(name, _)| !forward::is_dropped_request_header(name.as_str()))
        .filter_map(|(name, value)| {
            value
                .to_str()
                .ok()
                .map(|v| (name.as_str().to_owned(), Value::String(v.to_owned())))
        })
        .collect();
    let mut record = kept_body(body, MAX_LOGGED_BODY);
    record.insert("method".into(), json!(method.as_str()));
    record.insert("path".into(), json!(suffix));
    record.insert("query".into(), json!(query.unwrap_or_default()));
    record.insert("headers".into(), Value::Object(kept));
    Value::Object(record)
}

async fn token_root(
    State(state): State<AppState>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = TriggerRequest {
        method,
        suffix: String::new(),
        query,
        headers,
        body,
        addr: Some(addr),
    };
    by_token_handle(&state, &token, request).await
}

async fn token_rest(
    State(state): State<AppState>,
    Path((token, rest)): Path<(String, String)>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = TriggerRequest {
        method,
        suffix: rest,
        query,
        headers,
        body,
        addr: Some(addr),
    };
    by_token_handle(&state, &token, request).await
}

/// Runs a trigger sent to a token's URL; a bare 404 for an unknown token.
async fn by_token_handle(state: &AppState, token: &str, request: TriggerRequest) -> Response {
    match by_token(state, token).await {
        Ok(Some(resolved)) => handle(state, resolved, request).await,
        Ok(None) => not_found(),
        Err(err) => err.into_response(),
    }
}

/// The `Host` a request was sent to, in lower case.
fn host_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(|h| h.trim().to_ascii_lowercase())
}

/// Which origin a trigger request reached.
pub fn served_on(settings: &crate::config::Settings, headers: &HeaderMap) -> forward::Served {
    match settings.trigger_host() {
        Some(trigger) if host_of(headers).as_deref() == Some(trigger.as_str()) => {
            forward::Served::TriggerOrigin
        }
        _ => forward::Served::AppOrigin,
    }
}

/// Whether this request reached the separate trigger origin (never when none is set).
pub fn on_trigger_origin(settings: &crate::config::Settings, headers: &HeaderMap) -> bool {
    served_on(settings, headers) == forward::Served::TriggerOrigin
}

/// `308` to the same path and query on the trigger origin (method and body are kept).
fn to_trigger_origin(settings: &crate::config::Settings, uri: &axum::http::Uri) -> Response {
    let target = format!(
        "{}{}",
        settings.trigger_base_url(),
        uri.path_and_query().map_or("/", |pq| pq.as_str())
    );
    match HeaderValue::from_str(&target) {
        Ok(location) => (
            StatusCode::PERMANENT_REDIRECT,
            [(axum::http::header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => not_found(),
    }
}

/// With a separate trigger origin (`trigger_base_url`), keeps the two apart: the app's origin
/// sends trigger requests there, and the trigger origin serves triggers (and health checks)
/// only, never the API or the web app. Without one, a no-op.
pub async fn split_origins(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if state.settings.trigger_host().is_none() {
        return next.run(request).await;
    }
    let first = request
        .uri()
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if on_trigger_origin(&state.settings, request.headers()) {
        let allowed = matches!(first.as_str(), "t" | "healthz" | "readyz")
            || (!first.is_empty() && !super::RESERVED.contains(&first.as_str()));
        if allowed {
            next.run(request).await
        } else {
            not_found()
        }
    } else if first == "t" {
        to_trigger_origin(&state.settings, request.uri())
    } else {
        next.run(request).await
    }
}

/// Tries `path` as a custom path; `None` when no callback has it. On the app's origin, when a
/// separate trigger origin is set, a custom path is sent there instead.
pub async fn custom_path(
    state: &AppState,
    uri: &axum::http::Uri,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
    addr: Option<SocketAddr>,
) -> Option<Response> {
    let query = uri.query().map(str::to_owned);
    match by_path(state, uri.path()).await {
        Ok(Some(_))
            if state.settings.trigger_host().is_some()
                && !on_trigger_origin(&state.settings, &headers) =>
        {
            Some(to_trigger_origin(&state.settings, uri))
        }
        Ok(Some((resolved, suffix))) => {
            let request = TriggerRequest {
                method,
                suffix,
                query,
                headers,
                body,
                addr,
            };
            Some(handle(state, resolved, request).await)
        }
        Ok(None) => None,
        Err(err) => Some(err.into_response()),
    }
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

fn limit_headers(response: &mut Response, decision: &Decision) {
    let headers = response.headers_mut();
    for (name, value) in [
        ("ratelimit-limit", decision.limit),
        ("ratelimit-remaining", decision.remaining),
        ("ratelimit-reset", decision.reset_secs),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value.to_string()) {
            headers.insert(name, value);
        }
    }
}

fn relay(cached: &Cached, trigger_id: Uuid, hit: bool, served: forward::Served) -> Response {
    let mut response = Response::builder()
        .status(StatusCode::from_u16(cached.status).unwrap_or(StatusCode::BAD_GATEWAY));
    for (name, value) in &cached.headers {
        if let (Some(name), Ok(value)) = (
            forward::response_header_name(name),
            HeaderValue::from_str(value),
        ) {
            response = response.header(name, value);
        }
    }
    response = response
        .header("x-vigil-trigger-id", trigger_id.to_string())
        .header("x-vigil-cache", if hit { "HIT" } else { "MISS" });
    let mut response = response
        .body(Body::from(cached.body.clone()))
        .unwrap_or_else(|_| StatusCode::BAD_GATEWAY.into_response());
    forward::harden(response.headers_mut(), served);
    response
}

/// A trigger request as it arrived: what the pipeline forwards, caches by and logs.
#[derive(Debug, Clone)]
pub struct TriggerRequest {
    pub method: Method,
    /// The path after the trigger URL or the custom path, without its leading `/`.
    pub suffix: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// The caller's address; none for a replay.
    pub addr: Option<SocketAddr>,
}

/// Runs one trigger through the pipeline.
pub async fn handle(
    state: &AppState,
    resolved: Arc<Resolved>,
    request: TriggerRequest,
) -> Response {
    match run(state, resolved, request, None).await {
        Ok(response) => response,
        Err(err) => err.into_response(),
    }
}

/// One trigger in the pipeline: its id, its callback, where it is answered and what its log
/// row keeps.
struct Trigger {
    id: Uuid,
    resolved: Arc<Resolved>,
    served: forward::Served,
    /// The request as the log keeps it.
    record: Value,
    replay_of: Option<Uuid>,
}

impl Trigger {
    /// The trigger's log row with its actions pending; the caller says what happened.
    fn entry(self, event: &'static str, details: Value) -> NewLog {
        NewLog {
            id: self.id,
            callback: self.resolved.callback.clone(),
            event,
            details,
            response_time: None,
            status_code: None,
            success: false,
            request: self.record,
            response: None,
            replay_of: self.replay_of,
            steps: self.resolved.steps.clone(),
        }
    }
}

/// The pipeline: rate limits (not for replays, which `replay_of` marks), then the answer
/// from the cache or the callback URL, then the log row, durable before the caller hears
/// back.
pub async fn run(
    state: &AppState,
    resolved: Arc<Resolved>,
    request: TriggerRequest,
    replay_of: Option<Uuid>,
) -> AppResult<Response> {
    if !resolved.callback.active_status {
        return Ok(not_found());
    }
    let trigger = Trigger {
        id: Uuid::now_v7(),
        served: served_on(&state.settings, &request.headers),
        record: request_record(
            &request.method,
            &request.suffix,
            request.query.as_deref(),
            &request.headers,
            &request.body,
        ),
        resolved,
        replay_of,
    };
    if replay_of.is_none()
        && let Some(refusal) = signature_refusal(state, &trigger.resolved, &request)
    {
        return refuse_signature(state, trigger, refusal).await;
    }
    let decision = if replay_of.is_some() {
        None
    } else {
        let decision = admit(state, &trigger.resolved).await?;
        if !decision.allowed {
            return refuse(state, trigger, &decision).await;
        }
        Some(decision)
    };
    let (mut response, entry) = answer(state, trigger, &request).await?;
    state.callbacks.log(entry).await?;
    if let Some(decision) = &decision {
        limit_headers(&mut response, decision);
    }
    Ok(response)
}

/// The event of a trigger refused for its signature.
pub const SIGNATURE_REJECTED: &str = "signature_rejected";

/// Why the trigger's signature is refused, when its callback requires one.
fn signature_refusal(
    state: &AppState,
    resolved: &Resolved,
    request: &TriggerRequest,
) -> Option<super::verify::Refusal> {
    let callback = &resolved.callback;
    super::verify::refusal(
        &state.master_key,
        callback.id,
        callback.signature.as_ref(),
        &request.headers,
        &request.body,
        Utc::now().timestamp(),
    )
}

/// A trigger without a valid signature: logged as rejected (without actions), answered 401.
/// It is refused before the rate limits, so it takes no slot and counts no usage.
async fn refuse_signature(
    state: &AppState,
    trigger: Trigger,
    refusal: super::verify::Refusal,
) -> AppResult<Response> {
    let entry = NewLog {
        status_code: Some(401),
        steps: Vec::new(),
        ..trigger.entry(SIGNATURE_REJECTED, json!({ "reason": refusal.code() }))
    };
    state.callbacks.log_refusal(entry).await?;
    let error = json!({ "error": { "code": "UNAUTHENTICATED", "message": refusal.message() } });
    Ok((StatusCode::UNAUTHORIZED, axum::Json(error)).into_response())
}

/// Asks the callback's rate limits to let one more trigger pass now.
async fn admit(state: &AppState, resolved: &Resolved) -> AppResult<Decision> {
    let callback = &resolved.callback;
    state
        .callbacks
        .admit(Admit {
            callback_id: callback.id,
            user_id: callback.user_id,
            organization_id: callback.organization_id,
            limits: resolved.limits,
            at: Utc::now(),
        })
        .await
}

/// A trigger the rate limits refused: logged (without actions), answered 429 with the
/// limit headers and `Retry-After`.
async fn refuse(state: &AppState, trigger: Trigger, decision: &Decision) -> AppResult<Response> {
    if let Some(refusal) = &decision.plan_refusal {
        return refuse_by_plan(state, trigger, decision, refusal).await;
    }
    let period = decision
        .refused_by
        .map(|p| format!("{p:?}").to_lowercase())
        .unwrap_or_default();
    let entry = NewLog {
        status_code: Some(429),
        steps: Vec::new(),
        ..trigger.entry("rate_limited", json!({ "period": period }))
    };
    state.callbacks.log_refusal(entry).await?;
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        axum::Json(json!({ "error": { "code": "RATE_LIMITED", "message": format!("this callback's {period} limit is reached") } })),
    )
        .into_response();
    limit_headers(&mut response, decision);
    if let Ok(value) = HeaderValue::from_str(&decision.reset_secs.to_string()) {
        response.headers_mut().insert("retry-after", value);
    }
    Ok(response)
}

/// A trigger over the organization's monthly `max_triggers`: logged (without actions),
/// answered 402 `PLAN_LIMIT` (`CALLBACK_TRIGGERS`) with the limit headers and `Retry-After`
/// (the start of the next month).
async fn refuse_by_plan(
    state: &AppState,
    trigger: Trigger,
    decision: &Decision,
    refusal: &ratelimit::PlanRefusal,
) -> AppResult<Response> {
    let error = crate::plan::triggers_refused(&refusal.cap, refusal.used, refusal.resets_at);
    let entry = NewLog {
        status_code: Some(i32::from(error.status().as_u16())),
        steps: Vec::new(),
        ..trigger.entry(
            "plan_limited",
            json!({ "limit": "CALLBACK_TRIGGERS", "used": refusal.used, "max": refusal.cap.max }),
        )
    };
    state.callbacks.log_refusal(entry).await?;
    let mut response = error.into_response();
    limit_headers(&mut response, decision);
    if let Ok(value) = HeaderValue::from_str(&decision.reset_secs.to_string()) {
        response.headers_mut().insert("retry-after", value);
    }
    Ok(response)
}

/// The answer to an admitted trigger, from the cache when the callback caches and holds one
/// for this request, else from the callback URL; with the trigger's log row.
async fn answer(
    state: &AppState,
    trigger: Trigger,
    request: &TriggerRequest,
) -> AppResult<(Response, NewLog)> {
    let callback = &trigger.resolved.callback;
    let ttl = Duration::from_secs(u64::try_from(callback.cache_period.max(0)).unwrap_or(0));
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let cache_key = key(
        request.method.as_str(),
        &request.suffix,
        request.query.as_deref().unwrap_or_default(),
        content_type,
        &request.body,
    );
    let cached = (!ttl.is_zero())
        .then(|| state.callbacks.cache.get(callback.id, &cache_key))
        .inspect(|cached| crate::metrics::trigger_cache(cached.is_some()))
        .flatten();
    match cached {
        Some(cached) => Ok(from_cache(trigger, &cached)),
        None => {
            let cache = (!ttl.is_zero()).then_some((cache_key, ttl));
            forward_upstream(state, trigger, request, cache).await
        }
    }
}

/// The cached answer, relayed.
fn from_cache(trigger: Trigger, cached: &Cached) -> (Response, NewLog) {
    let response = relay(cached, trigger.id, true, trigger.served);
    let details = json!({ "cache": "hit", "triggerId": trigger.id });
    let entry = NewLog {
        response_time: Some(0),
        status_code: Some(i32::from(cached.status)),
        success: cached.status < 400,
        ..trigger.entry("cache_hit", details)
    };
    (response, entry)
}

/// Forwards the trigger to the callback URL and relays its answer, kept in the cache under
/// `cache` (key and time) when it is a success; a timeout or an unreachable URL is answered
/// 504 or 502.
async fn forward_upstream(
    state: &AppState,
    trigger: Trigger,
    request: &TriggerRequest,
    cache: Option<([u8; 32], Duration)>,
) -> AppResult<(Response, NewLog)> {
    let callback = &trigger.resolved.callback;
    let url = forward::upstream_url(
        &callback.callback_url,
        &request.suffix,
        request.query.as_deref(),
    )
    .map_err(|e| AppError::Internal(anyhow::anyhow!(e)))?;
    let ip = request.addr.map(|a| a.ip().to_string());
    let started = Instant::now();
    let outgoing = forward::Outgoing {
        url,
        method: &request.method,
        headers: &request.headers,
        body: request.body.clone(),
        timeout: Duration::from_millis(
            u64::try_from(trigger.resolved.timeout_ms().max(1)).unwrap_or(30_000),
        ),
        client_ip: ip.as_deref(),
        trigger_id: trigger.id,
    };
    let answer = match forward::forward(&state.http, outgoing).await {
        Ok(answer) => answer,
        Err(failure) => return Ok(unanswered(trigger, failure, started)),
    };
    let cached = cache.is_some();
    if let Some((key, ttl)) = cache
        && answer.status < 400
    {
        state
            .callbacks
            .cache
            .put(callback.id, key, answer.clone(), ttl);
    }
    let response = relay(&answer, trigger.id, false, trigger.served);
    let details = json!({ "cache": if cached { "miss".into() } else { Value::Null }, "triggerId": trigger.id, "bytes": answer.body.len() });
    let entry = NewLog {
        response_time: Some(answer.upstream_ms),
        status_code: Some(i32::from(answer.status)),
        success: answer.status < 400,
        response: Some(response_record(&answer)),
        ..trigger.entry("forwarded", details)
    };
    Ok((response, entry))
}

/// The answer when the callback URL did not answer: 504 for a timeout, 502 otherwise.
fn unanswered(trigger: Trigger, failure: Failure, started: Instant) -> (Response, NewLog) {
    let (status, event, message) = match failure {
        Failure::Timeout => (
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            format!(
                "the callback URL did not answer within {} ms",
                trigger.resolved.timeout_ms()
            ),
        ),
        Failure::Unreachable(reason) => (
            StatusCode::BAD_GATEWAY,
            "error",
            format!("the callback URL could not be reached: {reason}"),
        ),
    };
    let mut response = (
        status,
        axum::Json(json!({ "error": { "code": "UPSTREAM", "message": message } })),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&trigger.id.to_string()) {
        response.headers_mut().insert("x-vigil-trigger-id", value);
    }
    let details = json!({ "error": message, "triggerId": trigger.id });
    let entry = NewLog {
        response_time: Some(i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX)),
        status_code: Some(i32::from(status.as_u16())),
        ..trigger.entry(event, details)
    };
    (response, entry)
}

/// Does a batch of jobs in one transaction: the log rows (with their pending executions)
/// first, then the admissions; the `callbackLogAdded` events go out when it commits.
async fn write(
    db: &DatabaseConnection,
    bus: &EventBus,
    metered: bool,
    jobs: Vec<Job>,
) -> AppResult<Vec<Done>> {
    let tx = Tx::begin_with(db, bus).await?;
    let mut admits = Vec::new();
    let mut logs = Vec::new();
    for job in &jobs {
        match job {
            Job::Admit(a) => admits.push(a.clone()),
            Job::Log(l) => logs.push((**l).clone()),
        }
    }
    write_logs(&tx, &logs).await?;
    let decisions = ratelimit::admit(tx.conn(), &admits).await?;
    if metered {
        // The triggers admitted, one counter update per organization for the batch.
        let mut triggers = std::collections::BTreeMap::new();
        for (admit, decision) in admits.iter().zip(&decisions) {
            if decision.allowed {
                *triggers.entry(admit.organization_id).or_insert(0i64) += 1;
            }
        }
        let meter = crate::usage::Meter::CallbackTriggers;
        crate::usage::count(tx.conn(), meter, &triggers, Utc::now()).await?;
    }
    let mut decisions = decisions.into_iter();
    tx.commit().await?;
    let mut log_ids = logs.iter().map(|l| l.id);
    jobs.iter()
        .map(|job| match job {
            Job::Admit(_) => decisions.next().map(Done::Admitted),
            Job::Log(_) => log_ids.next().map(Done::Logged),
        })
        .collect::<Option<Vec<Done>>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a job lost its answer")))
}

/// Writes log rows and their pending executions in `tx`.
async fn write_logs(tx: &Tx, batch: &[NewLog]) -> AppResult<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let mut logs = Vec::with_capacity(batch.len());
    let mut executions = Vec::new();
    for entry in batch {
        logs.push(callback_logs::ActiveModel {
            id: Set(entry.id),
            event: Set(entry.event.to_owned()),
            details: Set(Some(entry.details.to_string())),
            callback_id: Set(entry.callback.id),
            organization_id: Set(entry.callback.organization_id),
            project_id: Set(entry.callback.project_id),
            created_at: Set(now),
            response_time: Set(entry.response_time),
            status_code: Set(entry.status_code),
            success: Set(entry.success),
            request: Set(Some(entry.request.clone())),
            response: Set(entry.response.clone()),
            replay_of: Set(entry.replay_of),
        });
        for (action_id, step) in &entry.steps {
            executions.push(action_executions::ActiveModel {
                id: Set(Uuid::now_v7()),
                action_id: Set(*action_id),
                callback_id: Set(entry.callback.id),
                callback_log_id: Set(entry.id),
                organization_id: Set(entry.callback.organization_id),
                project_id: Set(entry.callback.project_id),
                status: Set(ActionExecutionStatus::Pending),
                attempt: Set(0),
                response: Set(None),
                error: Set(None),
                duration_ms: Set(None),
                next_attempt_at: Set(Some(now)),
                claimed_by: Set(None),
                claimed_until: Set(None),
                step: Set(*step),
                created_at: Set(now),
                updated_at: Set(now),
            });
        }
    }
    // In chunks: SQLite bounds the number of parameters of one statement.
    let mut logs = logs.into_iter().peekable();
    while logs.peek().is_some() {
        let chunk: Vec<_> = logs.by_ref().take(500).collect();
        callback_logs::Entity::insert_many(chunk)
            .exec_without_returning(tx.conn())
            .await?;
    }
    let mut executions = executions.into_iter().peekable();
    while executions.peek().is_some() {
        let chunk: Vec<_> = executions.by_ref().take(500).collect();
        action_executions::Entity::insert_many(chunk)
            .exec_without_returning(tx.conn())
            .await?;
    }
    for entry in batch {
        tx.publish(Event::CallbackLogAdded {
            callback_id: entry.callback.id,
            project_id: entry.callback.project_id,
            log_id: entry.id,
        })
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod refusal_tests {
    use super::*;

    #[test]
    fn refusals_are_logged_within_a_minute_budget_and_the_rest_counted_in_the_next() {
        let budget = RefusalBudget::default();
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let start = Instant::now();
        for _ in 0..REFUSALS_LOGGED_PER_MINUTE {
            assert_eq!(budget.take(a, start), Some(0));
        }
        assert_eq!(budget.take(a, start), None);
        assert_eq!(budget.take(a, start + Duration::from_secs(59)), None);
        // Another callback has its own budget.
        assert_eq!(budget.take(b, start), Some(0));
        // A minute later the first is logged again, with the two it left out.
        let later = start + Duration::from_secs(61);
        assert_eq!(budget.take(a, later), Some(2));
        assert_eq!(budget.take(a, later), Some(0));
    }
}
