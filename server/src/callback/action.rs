//! Actions run after each trigger, and their executions.
//!
//! Config per type (all take `maxAttempts` 1-10, default 3, and `retryDelaySeconds` 1-3600,
//! default 5; text fields are templates over the trigger, see [`super::template`]):
//!
//! | type | config |
//! |---|---|
//! | HTTP_POST | `url`, `headers` (object), `body` (default: the trigger's body), `secret`* (signs with the Standard Webhooks headers and `X-Vigil-Signature`: a `whsec_` secret or any of 8+ characters) |
//! | SLACK, DISCORD | `channel` (a provider config: `webhookUrl`*), `message` |
//! | EMAIL | `channel` (`to`, or SendGrid settings / `credentialId`), `subject`, `message` |
//! | SMS | `channel` (Twilio settings or `credentialId`, `from`, `to`), `message` |
//! | STORE | `key` (optional) |
//! | QUEUE | `queue` (a name: a-z, 0-9, `-`, `_`) |
//!
//! \* sealed at rest, masked on read.
//!
//! Executions are claimed with a lease like the check engine's; each claim is a new attempt
//! (the attempt number goes up in the same statement), so no attempt is ever sent twice, and
//! a step runs only when every earlier step of the same trigger has finished. The lease is
//! short (`lease_seconds`) and renewed while the batch runs; an outcome is written only while
//! its worker still holds the lease (a lost lease means another worker took the execution).
//! Delivery is at least once: an attempt on the wire when its worker died is made again by
//! another, with the same `webhook-id` (the execution's id), so a receiver can drop it.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{Duration, Utc};
use entity::action_executions::{self, ActionExecutionStatus};
use entity::actions::{self, ActionType};
use entity::{callback_logs, callbacks, queue_messages, stored_payloads};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::template;
use crate::audit;
use crate::auth::{Level, Principal};
use crate::crypto::Binding;
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::delivery::action::{
    ActionConfig, EmailMessageConfig, HttpPostConfig, MessageConfig, QueueConfig, StoreConfig,
    channel_kind,
};
use crate::delivery::config::{ChannelConfig, ChannelHome, Scope};
use crate::delivery::field::{self, ActionHeaders, Str};
use crate::delivery::signed::{PostError, SignedPost};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const MASK: &str = "********";
/// Headers an HTTP_POST's config may not set: the signature's, which Vigil writes.
const SIGNING_HEADERS: [&str; 4] = [
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "x-vigil-signature",
];
/// Longest time an HTTP_POST may take, answer included.
const POST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

fn field(key: &str) -> String {
    format!("config.{key}")
}

/// A text setting as given: at most `max` bytes, no NUL.
fn text(key: &str, value: &Option<Str>, max: usize) -> AppResult<Option<String>> {
    let Some(Str(s)) = value else {
        return Ok(None);
    };
    if s.len() > max {
        return Err(AppError::field(
            &field(key),
            format!("must be at most {max} characters"),
        ));
    }
    if s.contains('\0') {
        return Err(AppError::field(
            &field(key),
            "must not contain NUL characters",
        ));
    }
    Ok(Some(s.clone()))
}

/// A text setting that is a template over the trigger; `required` refuses it missing.
fn template_text(
    key: &str,
    value: &Option<Str>,
    max: usize,
    required: bool,
) -> AppResult<Option<Str>> {
    let value = text(key, value, max)?;
    match &value {
        Some(t) => template::check(&field(key), t)?,
        None if required => return Err(AppError::field(&field(key), "is required")),
        None => {}
    }
    Ok(value.map(Str))
}

/// Checks a config (merged over `previous` for updates) and returns it as stored, its secrets
/// sealed for the action `id`, with the signing secret generated for it, if one was.
async fn check_config(
    state: &AppState,
    id: Uuid,
    project_id: Uuid,
    kind: ActionType,
    config: &Value,
    previous: Option<&Value>,
) -> AppResult<(Value, Option<String>)> {
    let home = Home {
        state,
        id,
        project_id,
        kind,
        previous,
    };
    let mut generated = None;
    let checked = match ActionConfig::parse(kind, config)? {
        ActionConfig::HttpPost(c) => {
            let (checked, secret) = home.check_post(c)?;
            generated = secret;
            ActionConfig::HttpPost(checked)
        }
        ActionConfig::Slack(c) => ActionConfig::Slack(home.check_message(c).await?),
        ActionConfig::Discord(c) => ActionConfig::Discord(home.check_message(c).await?),
        ActionConfig::Sms(c) => ActionConfig::Sms(home.check_message(c).await?),
        ActionConfig::Email(c) => {
            let channel = Some(home.check_channel(c.channel).await?);
            ActionConfig::Email(EmailMessageConfig {
                channel,
                subject: template_text("subject", &c.subject, 500, true)?,
                message: template_text("message", &c.message, 10_000, true)?,
                ..c
            })
        }
        ActionConfig::Store(c) => ActionConfig::Store(StoreConfig {
            key: template_text("key", &c.key, 255, false)?,
            ..c
        }),
        ActionConfig::Queue(c) => {
            let queue = text("queue", &c.queue, 100)?
                .ok_or_else(|| AppError::field(&field("queue"), "is required"))?;
            super::store::check_queue_name(&field("queue"), &queue)?;
            ActionConfig::Queue(QueueConfig {
                queue: Some(Str(queue)),
                ..c
            })
        }
    };
    Ok((checked.with_retry_defaults().to_json()?, generated))
}

/// What checking an action's config needs: the action it is for and its stored config.
struct Home<'a> {
    state: &'a AppState,
    id: Uuid,
    project_id: Uuid,
    kind: ActionType,
    previous: Option<&'a Value>,
}

impl Home<'_> {
    /// The stored config, typed, when it reads.
    fn previous_post(&self) -> Option<HttpPostConfig> {
        match ActionConfig::parse(ActionType::HttpPost, self.previous?) {
            Ok(ActionConfig::HttpPost(c)) => Some(c),
            _ => None,
        }
    }

    /// The checked config, and the signing secret generated for it when none was given (one
    /// left out keeps the stored secret while the URL keeps its origin, as a masked one does).
    fn check_post(&self, c: HttpPostConfig) -> AppResult<(HttpPostConfig, Option<String>)> {
        let state = self.state;
        let url = text("url", &c.url, 2048)?
            .ok_or_else(|| AppError::field(&field("url"), "is required"))?;
        state.settings.outbound().check_url(&field("url"), &url)?;
        let previous = self.previous_post();
        // Masked secrets sent back are kept only while the URL keeps its origin.
        let same_destination = previous
            .as_ref()
            .and_then(|p| Str::get(&p.url))
            .is_some_and(|old| crate::outbound::same_origin(old, &url));
        let keep = |key: &str| {
            if same_destination {
                Ok(())
            } else {
                Err(crate::outbound::secret_needs_reentry(&field(key)))
            }
        };
        let old_headers = previous.as_ref().and_then(|p| p.headers.as_ref());
        let headers = match c.headers {
            Some(headers) => Some(self.seal_headers(headers, old_headers, &keep)?),
            None => None,
        };
        let body = template_text("body", &c.body, 65_536, false)?;
        let seal = |secret: &str| -> AppResult<Option<Str>> {
            Ok(Str::new(
                state
                    .master_key
                    .seal(secret, &Binding::action_secret(self.id))?,
            ))
        };
        let mut generated = None;
        let mut generate = || -> AppResult<Option<Str>> {
            let secret = crate::delivery::signed::generate_secret();
            let sealed = seal(&secret)?;
            generated = Some(secret);
            Ok(sealed)
        };
        let secret = match text("secret", &c.secret, 1024)? {
            Some(secret) if secret == MASK => match previous.and_then(|p| p.secret) {
                Some(old) => {
                    keep("secret")?;
                    Some(old)
                }
                None => generate()?,
            },
            Some(secret) if secret.len() < 8 => {
                return Err(AppError::field(
                    &field("secret"),
                    "must be at least 8 characters",
                ));
            }
            Some(secret) if crate::delivery::signed::check_secret(&secret).is_err() => {
                let why = crate::delivery::signed::check_secret(&secret).err();
                return Err(AppError::field(&field("secret"), why.unwrap_or_default()));
            }
            Some(secret) => seal(&secret)?,
            None => match previous.and_then(|p| p.secret) {
                Some(old) if same_destination => Some(old),
                _ => generate()?,
            },
        };
        let checked = HttpPostConfig {
            url: Some(Str(url)),
            headers,
            body,
            secret,
            ..c
        };
        Ok((checked, generated))
    }

    /// Headers as stored: credentials sealed (a masked one sent back keeps the stored value,
    /// for the same origin only), the others as given.
    fn seal_headers(
        &self,
        headers: ActionHeaders,
        old: Option<&ActionHeaders>,
        keep: &dyn Fn(&str) -> AppResult<()>,
    ) -> AppResult<ActionHeaders> {
        if headers.0.len() > 50 {
            return Err(AppError::field(
                &field("headers"),
                "must be an object of at most 50 header names to strings",
            ));
        }
        let mut stored = Map::new();
        for (name, value) in headers.0 {
            let ok = axum::http::HeaderName::from_bytes(name.as_bytes()).is_ok()
                && value
                    .as_str()
                    .is_some_and(|v| axum::http::HeaderValue::from_str(v).is_ok());
            let Some(value) = value.as_str().filter(|_| ok) else {
                return Err(AppError::field(
                    &field("headers"),
                    format!("{name:?} is not a valid header"),
                ));
            };
            if SIGNING_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                return Err(AppError::field(
                    &field("headers"),
                    format!("{name:?} is set by Vigil when it signs the request"),
                ));
            }
            // Credentials in headers are sealed at rest and masked when shown.
            let value = if !crate::monitor::config::is_secret_header(&name) {
                value.to_owned()
            } else if value == MASK {
                keep("headers")?;
                let old = old
                    .and_then(|h| h.0.iter().find(|(n, _)| n.eq_ignore_ascii_case(&name)))
                    .and_then(|(_, v)| v.as_str())
                    .ok_or_else(|| {
                        AppError::field(
                            &field("headers"),
                            format!("{name:?} has no stored value to keep"),
                        )
                    })?;
                kept_header(self.state, self.id, &name, old)?
            } else {
                self.state
                    .master_key
                    .seal(value, &Binding::action_header(self.id, &name))?
            };
            stored.insert(name, value.into());
        }
        Ok(field::Object(stored))
    }

    async fn check_message(&self, c: MessageConfig) -> AppResult<MessageConfig> {
        let channel = Some(self.check_channel(c.channel).await?);
        Ok(MessageConfig {
            channel,
            message: template_text("message", &c.message, 10_000, true)?,
            ..c
        })
    }

    /// A channel action's `channel`: a provider config of the action's channel kind, checked
    /// the same way (its errors name `config.channel.{key}`), sealed for the action.
    async fn check_channel(&self, channel: Option<Value>) -> AppResult<Value> {
        let kind =
            channel_kind(self.kind).ok_or_else(|| AppError::invalid("not a channel action"))?;
        let old = self
            .previous
            .and_then(|p| p.get("channel"))
            .and_then(Value::as_object);
        let merged = self.keep_masked(channel.unwrap_or(Value::Null), old)?;
        if !merged.is_object() {
            return Err(AppError::field("config", "must be a JSON object"));
        }
        if merged.to_string().len() > 64 * 1024 {
            return Err(AppError::field("config", "is too large"));
        }
        let scope = Scope {
            state: self.state,
            project_id: Some(self.project_id),
            prefix: "config.channel",
        };
        ChannelConfig::parse(kind, scope.prefix, &merged)?
            .check(&scope)
            .await?
            .seal(&self.state.master_key, ChannelHome::Action(self.id))
    }

    /// `channel` with its masked values (`********`, `ht****ab`) replaced by the stored ones,
    /// opened so that the check sees them in clear.
    fn keep_masked(&self, channel: Value, old: Option<&Map<String, Value>>) -> AppResult<Value> {
        let (Value::Object(new), Some(old)) = (&channel, old) else {
            return Ok(channel);
        };
        let mut merged = new.clone();
        for (k, v) in new {
            if v.as_str() != Some(MASK) && !v.as_str().is_some_and(|s| s.contains("****")) {
                continue;
            }
            match old.get(k) {
                // A kept secret is opened for the check, then sealed again.
                Some(Value::String(old_value)) if crate::crypto::is_sealed(old_value) => {
                    let clear = self
                        .state
                        .master_key
                        .open(old_value, &Binding::action_channel(self.id, &[k.as_str()]))
                        .map_err(|_| {
                            AppError::field(
                                &field(&format!("channel.{k}")),
                                "the stored value cannot be opened; enter it again",
                            )
                        })?;
                    merged.insert(k.clone(), clear.into())
                }
                Some(old_value) => merged.insert(k.clone(), old_value.clone()),
                None => merged.remove(k),
            };
        }
        Ok(Value::Object(merged))
    }
}

/// A stored credential header kept on update: as stored when sealed (header names compare
/// without case, and so do their bindings), sealed now if it was stored in clear before
/// headers were sealed.
fn kept_header(state: &AppState, id: Uuid, name: &str, stored: &str) -> AppResult<String> {
    if crate::crypto::is_sealed(stored) {
        Ok(stored.to_owned())
    } else {
        Ok(state
            .master_key
            .seal(stored, &Binding::action_header(id, name))?)
    }
}

/// A stored header value in clear, for the request. Credential headers are sealed (those
/// stored in clear before headers were sealed are taken as they are until the reseal pass
/// seals them); other headers are stored as given.
fn open_header(state: &AppState, id: Uuid, name: &str, value: &str) -> Result<String, String> {
    if crate::crypto::is_sealed(value) {
        state
            .master_key
            .open(value, &Binding::action_header(id, name))
            .map_err(|e| format!("the header {name} cannot be opened: {e:#}"))
    } else {
        Ok(value.to_owned())
    }
}

/// An action's stored config with its `v1:` (unbound) secrets resealed for the action, and
/// the HTTP_POST credential headers stored in clear before headers were sealed sealed now;
/// `None` when there is nothing to reseal. For the reseal pass (`crate::reseal`).
pub(crate) fn reseal_unbound_config(
    key: &crate::crypto::MasterKey,
    action: &actions::Model,
) -> AppResult<Option<Value>> {
    let id = action.id;
    let mut config = ActionConfig::parse(action.r#type, &action.config)?;
    if let Some(kind) = channel_kind(action.r#type) {
        let Some(Some(channel)) = config.channel_mut() else {
            return Ok(None);
        };
        let Some(resealed) =
            ChannelConfig::reseal_unbound(key, kind, ChannelHome::Action(id), channel)?
        else {
            return Ok(None);
        };
        *channel = resealed;
        return Ok(Some(config.to_json()?));
    }
    let ActionConfig::HttpPost(post) = &mut config else {
        return Ok(None);
    };
    let mut changed = false;
    if let Some(Str(secret)) = post.secret.as_mut()
        && crate::crypto::is_unbound(secret)
    {
        *secret = key.reseal_unbound(secret, &Binding::action_secret(id))?;
        changed = true;
    }
    for (name, value) in post.headers.iter_mut().flat_map(|h| h.0.iter_mut()) {
        let Value::String(value) = value else {
            continue;
        };
        let binding = Binding::action_header(id, name);
        if crate::crypto::is_unbound(value) {
            *value = key.reseal_unbound(value, &binding)?;
            changed = true;
        } else if !crate::crypto::is_sealed(value) && crate::monitor::config::is_secret_header(name)
        {
            *value = key.seal(value, &binding)?;
            changed = true;
        }
    }
    Ok(if changed {
        Some(config.to_json()?)
    } else {
        None
    })
}

/// The config as clients see it: secrets masked. A config that no longer reads is shown
/// empty.
pub fn masked_config(state: &AppState, action: &actions::Model) -> Value {
    let Ok(mut config) = ActionConfig::parse(action.r#type, &action.config) else {
        return json!({});
    };
    if let ActionConfig::HttpPost(post) = &mut config {
        if post.secret.is_some() {
            post.secret = Str::new(MASK);
        }
        for (name, value) in post.headers.iter_mut().flat_map(|h| h.0.iter_mut()) {
            if crate::monitor::config::is_secret_header(name) {
                *value = MASK.into();
            }
        }
    }
    if let (Some(kind), Some(Some(channel))) = (channel_kind(action.r#type), config.channel_mut()) {
        *channel = ChannelConfig::masked(
            &state.master_key,
            kind,
            ChannelHome::Action(action.id),
            channel,
        );
    }
    config.to_json().unwrap_or_else(|_| json!({}))
}

/// Fields of an action; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub config: Option<Value>,
    pub enabled: Option<bool>,
    pub order: Option<i32>,
    pub parallel: Option<bool>,
}

/// A saved action, and the signing secret generated for it by this change (shown this once).
pub struct Saved {
    pub row: actions::Model,
    pub generated_secret: Option<String>,
}

/// Adds an action to a callback (project editors).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    callback_id: Uuid,
    kind: ActionType,
    input: ActionInput,
) -> AppResult<Saved> {
    let callback = super::find(state, principal, callback_id, Level::Editor).await?;
    let id = Uuid::now_v7();
    let (config, generated_secret) = check_config(
        state,
        id,
        callback.project_id,
        kind,
        input.config.as_ref().unwrap_or(&json!({})),
        None,
    )
    .await?;
    let order = input.order.unwrap_or(0);
    if !(0..=10_000).contains(&order) {
        return Err(AppError::field("order", "must be between 0 and 10000"));
    }
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let count = actions::Entity::find()
        .filter(actions::Column::CallbackId.eq(callback_id))
        .all(tx.conn())
        .await?
        .len();
    if count >= 50 {
        return Err(AppError::invalid("a callback has at most 50 actions"));
    }
    let row = actions::ActiveModel {
        id: Set(id),
        callback_id: Set(callback_id),
        user_id: Set(principal.user_id()),
        organization_id: Set(callback.organization_id),
        project_id: Set(callback.project_id),
        r#type: Set(kind),
        config: Set(config),
        enabled: Set(input.enabled.unwrap_or(true)),
        order: Set(order),
        parallel: Set(input.parallel.unwrap_or(false)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "action.create",
        json!({ "actionId": row.id, "callbackId": callback_id, "type": format!("{kind:?}") }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(callback_id);
    Ok(Saved {
        row,
        generated_secret,
    })
}

/// An action the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<actions::Model> {
    Ok(principal
        .find_in_project::<actions::Entity>(&state.db, id, needed)
        .await?
        .0)
}

/// Changes an action (project editors); its config is merged and checked again.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: ActionInput,
) -> AppResult<Saved> {
    let current = find(state, principal, id, Level::Editor).await?;
    let mut active: actions::ActiveModel = current.clone().into();
    let mut generated_secret = None;
    if let Some(config) = &input.config {
        let (config, generated) = check_config(
            state,
            current.id,
            current.project_id,
            current.r#type,
            config,
            Some(&current.config),
        )
        .await?;
        active.config = Set(config);
        generated_secret = generated;
    }
    if let Some(order) = input.order {
        if !(0..=10_000).contains(&order) {
            return Err(AppError::field("order", "must be between 0 and 10000"));
        }
        active.order = Set(order);
    }
    if let Some(enabled) = input.enabled {
        active.enabled = Set(enabled);
    }
    if let Some(parallel) = input.parallel {
        active.parallel = Set(parallel);
    }
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "action.update",
        json!({ "actionId": id }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(row.callback_id);
    Ok(Saved {
        row,
        generated_secret,
    })
}

/// Removes an action with its executions (project editors).
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let row = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    actions::Entity::delete_by_id(id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "action.delete",
        json!({ "actionId": id, "callbackId": row.callback_id }),
    )
    .await?;
    tx.commit().await?;
    state.callbacks.forget(row.callback_id);
    Ok(())
}

/// Claims up to `limit` due executions for `worker` and runs them. Returns how many ran.
pub async fn run_due(state: &AppState, worker: &str, limit: u64) -> AppResult<usize> {
    let claimed = claim_due(state, worker, limit).await?;
    let count = claimed.len();
    if count == 0 {
        return Ok(0);
    }
    let ids: Vec<Uuid> = claimed.iter().map(|e| e.id).collect();
    let batch = Batch::load(&state.db, &claimed).await?;
    let runs = claimed.into_iter().map(|execution| {
        let action = batch.actions.get(&execution.action_id).cloned();
        let log = batch.logs.get(&execution.callback_log_id).cloned();
        let callback = batch.callbacks.get(&execution.callback_id).cloned();
        execute(state, execution, action, log, callback)
    });
    let work = futures_util::future::join_all(runs);
    tokio::pin!(work);
    // On shutdown the batch may finish within the grace period; past it, it is given back.
    let gave_up = async {
        state.shutdown.cancelled().await;
        tokio::time::sleep(state.settings.shutdown_grace()).await;
    };
    tokio::pin!(gave_up);
    let every = state.settings.renew_every();
    let mut renewal = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let finished = loop {
        tokio::select! {
            finished = &mut work => break finished,
            _ = renewal.tick() => {
                // A failed or partial renewal shows when the outcomes are written.
                if let Err(err) = renew(state, worker, &ids).await {
                    tracing::warn!(error = ?err, "renewing the leases of action executions failed");
                }
            }
            () = &mut gave_up => {
                release(state, worker, &ids).await?;
                return Ok(count);
            }
        }
    };
    crate::db::when_reachable(state.settings.lease(), || {
        record(state, worker, finished.clone())
    })
    .await?;
    Ok(count)
}

/// The action executions, claimed in `worker`'s name for a lease (`lease_seconds`) at a time.
fn queue(state: &AppState, worker: &str) -> ClaimQueue<action_executions::Entity> {
    ClaimQueue::new(
        action_executions::Column::Id,
        action_executions::Column::ClaimedUntil,
        state.settings.lease(),
    )
    .held_by(action_executions::Column::ClaimedBy, worker)
}

/// Extends `worker`'s leases on the executions `ids` that are still running.
async fn renew(state: &AppState, worker: &str, ids: &[Uuid]) -> AppResult<()> {
    queue(state, worker)
        .renew(ids.iter().copied(), Utc::now())
        .filter(action_executions::Column::Status.eq(ActionExecutionStatus::Running))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Gives `worker`'s running executions among `ids` back to the queue, due now (a process
/// that stops and whose batch did not finish within the grace period). An attempt that was on
/// the wire is made again, with the same `webhook-id`. Returns how many were given back.
pub async fn release(state: &AppState, worker: &str, ids: &[Uuid]) -> AppResult<u64> {
    let released = queue(state, worker)
        .release(ids.iter().copied())
        .col_expr(
            action_executions::Column::Status,
            Expr::value(ActionExecutionStatus::Pending),
        )
        .col_expr(
            action_executions::Column::NextAttemptAt,
            Expr::value(Utc::now()),
        )
        .filter(action_executions::Column::Status.eq(ActionExecutionStatus::Running))
        .exec(&state.db)
        .await?;
    if released.rows_affected > 0 {
        tracing::info!(
            released = released.rows_affected,
            "action executions given back to the queue at shutdown"
        );
    }
    Ok(released.rows_affected)
}

/// Ends the leases of stopped workers and claims up to `limit` due executions for `worker`.
async fn claim_due(
    state: &AppState,
    worker: &str,
    limit: u64,
) -> AppResult<Vec<action_executions::Model>> {
    let now = Utc::now();
    let queue = queue(state, worker);
    // The claim reads the first due executions in index order (a window a few times the
    // batch), then keeps those whose earlier steps are done: its cost does not grow with the
    // backlog. A retried step moves its later steps back with it (see `record`), so steps
    // waiting at the head of the order are only those behind running ones. The conditions on
    // `e` are checked again on the locked row, so a row another worker claimed meanwhile is
    // never taken twice.
    let due = Due {
        from: "(SELECT id, callback_log_id, step, next_attempt_at FROM action_executions \
                 WHERE status = 'PENDING' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2) c \
               JOIN action_executions e ON e.id = c.id",
        alias: "e",
        when: "e.status = 'PENDING' AND e.next_attempt_at <= $1 \
               AND NOT EXISTS (SELECT 1 FROM action_executions p WHERE p.callback_log_id = c.callback_log_id \
                 AND p.step < c.step AND p.status IN ('PENDING', 'RUNNING'))",
        order: "c.next_attempt_at",
        set: "status = 'RUNNING', attempt = attempt + 1, updated_at = $1",
        values: vec![(i64::try_from(limit).unwrap_or(50) * 16).into()],
    };
    let tx = Tx::begin(state).await?;
    // Executions whose worker stopped (lease expired) leave `RUNNING` and are due again.
    queue
        .expired(now)
        .col_expr(
            action_executions::Column::Status,
            Expr::value(ActionExecutionStatus::Pending),
        )
        .col_expr(action_executions::Column::NextAttemptAt, Expr::value(now))
        .filter(action_executions::Column::Status.eq(ActionExecutionStatus::Running))
        .exec(tx.conn())
        .await?;
    let claimed = queue.claim(tx.conn(), &due, now, limit).await?;
    tx.commit().await?;
    Ok(claimed)
}

/// What a batch of executions needs, in three queries whatever its size.
struct Batch {
    actions: HashMap<Uuid, actions::Model>,
    logs: HashMap<Uuid, callback_logs::Model>,
    callbacks: HashMap<Uuid, callbacks::Model>,
}

impl Batch {
    async fn load(
        db: &impl sea_orm::ConnectionTrait,
        claimed: &[action_executions::Model],
    ) -> AppResult<Self> {
        let ids = |f: fn(&action_executions::Model) -> Uuid| {
            let mut ids: Vec<Uuid> = claimed.iter().map(f).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let actions: HashMap<Uuid, actions::Model> = actions::Entity::find()
            .filter(actions::Column::Id.is_in(ids(|e| e.action_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let logs: HashMap<Uuid, callback_logs::Model> = callback_logs::Entity::find()
            .filter(callback_logs::Column::Id.is_in(ids(|e| e.callback_log_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|l| (l.id, l))
            .collect();
        let callbacks: HashMap<Uuid, callbacks::Model> = callbacks::Entity::find()
            .filter(callbacks::Column::Id.is_in(ids(|e| e.callback_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        Ok(Self {
            actions,
            logs,
            callbacks,
        })
    }
}

/// Writes what a batch did in one transaction: the rows of its local actions (STORE, QUEUE)
/// with the executions that made them, so a local action takes effect exactly once, and
/// every execution's outcome. One commit per batch keeps SQLite's single writer free for the
/// triggers. Only executions `worker` still holds are written: one whose lease was lost
/// meanwhile belongs to the worker that took it over.
async fn record(state: &AppState, worker: &str, finished: Vec<Finished>) -> AppResult<()> {
    let tx = Tx::begin(state).await?;
    let mut stored = Vec::new();
    let mut queued = Vec::new();
    let mut lost = 0;
    for done in finished {
        let retry_at = match (&done.row.status, &done.row.next_attempt_at) {
            (
                sea_orm::ActiveValue::Set(ActionExecutionStatus::Pending),
                sea_orm::ActiveValue::Set(Some(at)),
            ) => Some(*at),
            _ => None,
        };
        let written = action_executions::Entity::update_many()
            .set(done.row)
            .filter(action_executions::Column::Id.eq(done.id))
            .filter(action_executions::Column::ClaimedBy.eq(worker))
            .filter(action_executions::Column::Status.eq(ActionExecutionStatus::Running))
            .exec(tx.conn())
            .await?;
        if written.rows_affected == 0 {
            lost += 1;
            continue;
        }
        match done.local {
            Some(Local::Stored(row)) => stored.push(row),
            Some(Local::Queued(row)) => queued.push(row),
            None => {}
        }
        if let Some(at) = retry_at {
            // Later steps wait for this one: they move back with it, out of the claim's way.
            action_executions::Entity::update_many()
                .col_expr(action_executions::Column::NextAttemptAt, Expr::value(at))
                .filter(action_executions::Column::CallbackLogId.eq(done.callback_log_id))
                .filter(action_executions::Column::Step.gt(done.step))
                .filter(action_executions::Column::Status.eq(ActionExecutionStatus::Pending))
                .filter(action_executions::Column::NextAttemptAt.lt(at))
                .exec(tx.conn())
                .await?;
        }
    }
    if lost > 0 {
        tracing::warn!(
            lost,
            "leases of action executions were lost; their outcomes are dropped"
        );
    }
    for chunk in stored.chunks(200) {
        stored_payloads::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(tx.conn())
            .await?;
    }
    for chunk in queued.chunks(200) {
        queue_messages::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(tx.conn())
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The template context of a trigger.
pub fn context(callback: &callbacks::Model, log: &callback_logs::Model) -> Value {
    let mut request = log.request.clone().unwrap_or_default();
    // A JSON body is parsed, so that templates can reach into it.
    if let Some(body) = request.get("body").and_then(Value::as_str)
        && request.get("bodyBase64").and_then(Value::as_bool) != Some(true)
        && let Ok(parsed) = serde_json::from_str::<Value>(body)
    {
        request["raw"] = Value::String(body.to_owned());
        request["body"] = parsed;
    }
    json!({
        "request": request,
        "response": { "status": log.status_code, "success": log.success },
        "callback": { "id": callback.id, "name": callback.name },
        "trigger": { "id": log.id, "time": log.created_at.to_rfc3339(), "event": log.event },
    })
}

/// What an attempt produced: a response to keep, or an error and whether to retry.
type Attempt = Result<Value, (String, bool)>;

/// The row a local action adds, written with its execution's outcome.
#[derive(Clone)]
enum Local {
    Stored(stored_payloads::ActiveModel),
    Queued(queue_messages::ActiveModel),
}

/// An execution's outcome, to be recorded, and the row of a local action that succeeded.
#[derive(Clone)]
struct Finished {
    id: Uuid,
    callback_log_id: Uuid,
    step: i32,
    row: action_executions::ActiveModel,
    local: Option<Local>,
}

async fn execute(
    state: &AppState,
    execution: action_executions::Model,
    action: Option<actions::Model>,
    log: Option<callback_logs::Model>,
    callback: Option<callbacks::Model>,
) -> Finished {
    let started = Instant::now();
    let (max_attempts, delay) = action.as_ref().map_or((1, 5), |a| {
        ActionConfig::parse(a.r#type, &a.config).map_or((3, 5), |c| c.retry())
    });
    let (outcome, local): (Attempt, Option<Local>) = match (action, log, callback) {
        (Some(action), Some(log), Some(callback)) => match local_row(&action, &callback, &log) {
            Some((response, local)) => (Ok(response), Some(local)),
            None => (
                perform(state, &action, &callback, &log, &execution).await,
                None,
            ),
        },
        _ => (
            Err((
                "the action, its callback or the trigger was deleted".into(),
                false,
            )),
            None,
        ),
    };
    let now = Utc::now();
    let mut row: action_executions::ActiveModel = execution.clone().into();
    row.duration_ms = Set(Some(
        i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX),
    ));
    row.claimed_by = Set(None);
    row.claimed_until = Set(None);
    row.updated_at = Set(now);
    match outcome {
        Ok(response) => {
            crate::metrics::action_attempt("success");
            row.status = Set(ActionExecutionStatus::Success);
            row.response = Set(Some(response));
            row.error = Set(None);
            row.next_attempt_at = Set(None);
        }
        Err((error, retryable)) => {
            row.error = Set(Some(error.chars().take(1000).collect()));
            if retryable && i64::from(execution.attempt) < max_attempts {
                // Exponential backoff with up to one base delay of jitter.
                let exponent = u32::try_from(execution.attempt.clamp(1, 12) - 1).unwrap_or(0);
                let wait = delay
                    .saturating_mul(2i64.saturating_pow(exponent))
                    .min(3600);
                let jitter =
                    i64::try_from(rand::random::<u64>() % u64::try_from(delay.max(1)).unwrap_or(1))
                        .unwrap_or(0);
                crate::metrics::action_attempt("retry");
                row.status = Set(ActionExecutionStatus::Pending);
                row.next_attempt_at = Set(Some(now + Duration::seconds(wait + jitter)));
            } else {
                crate::metrics::action_attempt("failed");
                row.status = Set(ActionExecutionStatus::Failed);
                row.next_attempt_at = Set(None);
            }
        }
    }
    Finished {
        id: execution.id,
        callback_log_id: execution.callback_log_id,
        step: execution.step,
        row,
        local,
    }
}

/// The row a STORE or QUEUE action adds, and the response its execution records; `None` for
/// actions that call out.
fn local_row(
    action: &actions::Model,
    callback: &callbacks::Model,
    log: &callback_logs::Model,
) -> Option<(Value, Local)> {
    if !matches!(action.r#type, ActionType::Store | ActionType::Queue) {
        return None;
    }
    let ctx = context(callback, log);
    let payload = ctx["request"]["body"].clone();
    match ActionConfig::parse(action.r#type, &action.config).ok()? {
        ActionConfig::Store(config) => {
            let key = Str::get(&config.key).map(|t| template::render(t, &ctx));
            let id = Uuid::now_v7();
            Some((
                json!({ "storedPayloadId": id }),
                Local::Stored(super::store::stored_row(id, action, log, key, payload)),
            ))
        }
        ActionConfig::Queue(config) => {
            let queue = Str::get(&config.queue).unwrap_or("default");
            let id = Uuid::now_v7();
            Some((
                json!({ "queueMessageId": id, "queue": queue }),
                Local::Queued(super::store::queued_row(id, action, queue, payload)),
            ))
        }
        _ => None,
    }
}

async fn perform(
    state: &AppState,
    action: &actions::Model,
    callback: &callbacks::Model,
    log: &callback_logs::Model,
    execution: &action_executions::Model,
) -> Attempt {
    let ctx = context(callback, log);
    let config = ActionConfig::parse(action.r#type, &action.config)
        .map_err(|e| (e.public_message(), false))?;
    match &config {
        ActionConfig::HttpPost(post) => {
            let delivery = Delivery {
                message_id: crate::delivery::signed::message_id(execution.id),
                attempt: format!("{}:{}", execution.id, execution.attempt),
                trigger_id: log.id,
            };
            send_post(state, action.id, post, &ctx, delivery).await
        }
        // Local actions are written with their execution's outcome (see `local_row`).
        ActionConfig::Store(_) | ActionConfig::Queue(_) => Err((
            "a local action is recorded with its execution".into(),
            false,
        )),
        _ => send_message(state, action, &config, callback, &ctx, execution.id).await,
    }
}

/// Which message an HTTP_POST is, and which attempt of it.
struct Delivery {
    /// `webhook-id`: the execution, the same on every attempt.
    message_id: String,
    /// `X-Vigil-Delivery`: `{execution}:{attempt}`.
    attempt: String,
    /// `X-Vigil-Trigger-Id`.
    trigger_id: Uuid,
}

/// An HTTP_POST: the body (the trigger's, or the template), the headers rendered, signed
/// when the action has a secret, through the signed-request path webhooks use.
async fn send_post(
    state: &AppState,
    id: Uuid,
    config: &HttpPostConfig,
    ctx: &Value,
    delivery: Delivery,
) -> Attempt {
    let body = match Str::get(&config.body) {
        Some(body) => template::render(body, ctx),
        None => ctx["request"]
            .get("raw")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| match &ctx["request"]["body"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
    };
    let mut headers = vec![
        ("content-type".to_owned(), "application/json".to_owned()),
        ("x-vigil-delivery".to_owned(), delivery.attempt),
        (
            "x-vigil-trigger-id".to_owned(),
            delivery.trigger_id.to_string(),
        ),
    ];
    for (name, value) in config.headers.iter().flat_map(|h| h.0.iter()) {
        if let Some(value) = value.as_str() {
            let value = open_header(state, id, name, value).map_err(|e| (e, false))?;
            headers.push((name.clone(), template::render(&value, ctx)));
        }
    }
    let secret = match Str::get(&config.secret) {
        Some(sealed) => Some(
            state
                .master_key
                .open(sealed, &Binding::action_secret(id))
                .map_err(|e| (format!("the signing secret cannot be opened: {e:#}"), false))?,
        ),
        None => None,
    };
    let post = SignedPost {
        url: Str::get(&config.url).unwrap_or_default(),
        headers,
        body: body.into_bytes(),
        secret: secret.as_deref(),
        id: delivery.message_id,
        timestamp: Utc::now().timestamp(),
        timeout: POST_TIMEOUT,
    };
    let response = match post.send(state).await {
        Ok(response) => response,
        Err(PostError::Refused(reason)) => {
            return Err((format!("the request failed: the URL {reason}"), false));
        }
        Err(PostError::Transport(err)) => {
            let why = if err.is_timeout() {
                "timeout".to_owned()
            } else {
                err.without_url().to_string()
            };
            return Err((format!("the request failed: {why}"), true));
        }
    };
    answered(response).await
}

/// An HTTP_POST's answer: 2xx succeeds with its status and the start of its body; 5xx, 429
/// and 408 are retried.
async fn answered(response: reqwest::Response) -> Attempt {
    let status = response.status().as_u16();
    let text: String = response
        .text()
        .await
        .unwrap_or_default()
        .chars()
        .take(1000)
        .collect();
    if (200..300).contains(&status) {
        Ok(json!({ "status": status, "body": text }))
    } else {
        Err((
            format!("the URL answered {status}"),
            status >= 500 || status == 429 || status == 408,
        ))
    }
}

/// A Slack, Discord, email or SMS action: its message through its channel.
async fn send_message(
    state: &AppState,
    action: &actions::Model,
    config: &ActionConfig,
    callback: &callbacks::Model,
    ctx: &Value,
    execution_id: Uuid,
) -> Attempt {
    let (Some(kind), Some((channel, subject, message))) =
        (channel_kind(action.r#type), config.channel())
    else {
        return Err(("not a channel action".into(), false));
    };
    let opened = ChannelConfig::open(
        &state.master_key,
        kind,
        ChannelHome::Action(action.id),
        channel.unwrap_or(&Value::Null),
    );
    let channel = match opened {
        Ok(config) => config.channel(state, Some(action.project_id)).await,
        Err(e) => Err(e),
    }
    .map_err(|e| (e.public_message(), false))?;
    let render = |t: &str| template::render(t, ctx);
    let message = crate::delivery::Message {
        event: "callback.action".into(),
        // SMS is the message alone; other channels head it with the callback's name.
        title: subject.map(render).unwrap_or_else(|| {
            if action.r#type == ActionType::Sms {
                String::new()
            } else {
                format!("{} was triggered", callback.name)
            }
        }),
        body: message.map(render).unwrap_or_default(),
        severity: crate::delivery::Severity::Info,
        link: None,
        fields: Vec::new(),
        data: ctx["request"]["body"].clone(),
    };
    // The execution is the message: wherever a channel carries an id, every attempt of it
    // (on any process) carries the same one.
    let id = crate::delivery::signed::message_id(execution_id);
    crate::delivery::send_as(state, &channel, &message, &id)
        .await
        .map(|d| json!({ "status": d.status, "channel": channel.kind() }))
        .map_err(|e| (e.message().to_owned(), e.is_retryable()))
}
