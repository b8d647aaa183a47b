//! Notification providers: a project's configured channels (an email list, a Slack webhook, a
//! Telegram chat, ...) that alerts are delivered through.
//!
//! `config` is a JSON object with camelCase keys, checked per type on every write:
//!
//! | type | keys (secret ones marked *) |
//! |---|---|
//! | EMAIL | `to` (addresses); for SendGrid also `from` and `sendgridApiKey`* or `credentialId` |
//! | SLACK, DISCORD, TEAMS | `webhookUrl`* |
//! | TELEGRAM | `botToken`*, `chatId` |
//! | WEBHOOK | `url`, `secret`* (signs the body), `headers`* (an object; the values are secret) |
//! | SMS | `accountSid`, `authToken`* or `credentialId`, `from`, `to` (E.164 numbers) |
//!
//! Secret values are sealed with the master key in the stored config and shown masked; they
//! are opened only by [`channel`], just before sending. `credentialId` names a service
//! credential of the same project (SENDGRID or TWILIO) whose secret is used instead of one
//! stored in the config; its `meta` may supply `from` (SendGrid) or `accountSid` (Twilio).
//!
//! Updates merge the given keys over the stored config: a key set to null is removed, a key
//! left out is kept, and a secret sent back in its masked form keeps the stored value.

use chrono::Utc;
use entity::notification_providers::{self, NotificationProviderType as Kind};
use entity::service_credentials::{self, ServiceProvider};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::credential::mask_str;
use crate::crypto::{Binding, MasterKey};
use crate::db::Tx;
use crate::delivery::{self, Channel, Message, Outcome, RetryPolicy, Severity};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Most recipients of one email provider.
const MAX_EMAILS: usize = 50;
/// Most numbers of one SMS provider (each one is a paid message).
const MAX_NUMBERS: usize = 10;
/// Most custom headers of one webhook.
const MAX_HEADERS: usize = 20;
const MAX_URL: usize = 2048;
const MAX_SECRET: usize = 1024;

/// The keys each type accepts.
fn keys(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Email => &["to", "from", "sendgridApiKey", "credentialId"],
        Kind::Slack | Kind::Discord => &["webhookUrl", "credentialId"],
        Kind::Teams => &["webhookUrl"],
        Kind::Telegram => &["botToken", "chatId"],
        Kind::Webhook => &["url", "secret", "headers"],
        Kind::Sms => &["accountSid", "authToken", "credentialId", "from", "to"],
    }
}

/// The keys whose (string) values are sealed at rest and masked when shown. The values of a
/// webhook's `headers` object are handled the same way.
fn secret_keys(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Email => &["sendgridApiKey"],
        Kind::Slack | Kind::Discord | Kind::Teams => &["webhookUrl"],
        Kind::Telegram => &["botToken"],
        Kind::Webhook => &["secret"],
        Kind::Sms => &["authToken"],
    }
}

/// `SLACK`, as the API spells types.
fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Email => "EMAIL",
        Kind::Slack => "SLACK",
        Kind::Discord => "DISCORD",
        Kind::Teams => "TEAMS",
        Kind::Telegram => "TELEGRAM",
        Kind::Webhook => "WEBHOOK",
        Kind::Sms => "SMS",
    }
}

// ---------------------------------------------------------------------------------------------
// Sealing, opening and masking the stored config.

/// The row a channel config is stored in, which its sealed values are bound to: a provider's
/// own config, or the `channel` of a Slack, Discord, email or SMS callback action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelHome {
    Provider(Uuid),
    Action(Uuid),
}

impl ChannelHome {
    /// The binding of the secret at `path` (`["secret"]`, `["headers", name]`) of the config.
    fn binding(self, path: &[&str]) -> Binding {
        match self {
            ChannelHome::Provider(id) => Binding::provider_config(id, path),
            ChannelHome::Action(id) => Binding::action_channel(id, path),
        }
    }
}

/// Applies `f` to every secret string of a config, with its path in the config.
fn map_secrets(
    kind: Kind,
    config: &Map<String, Value>,
    mut f: impl FnMut(&[&str], &str) -> AppResult<String>,
) -> AppResult<Map<String, Value>> {
    let mut out = config.clone();
    for key in secret_keys(kind) {
        if let Some(Value::String(value)) = config.get(*key) {
            out.insert((*key).to_owned(), Value::String(f(&[*key], value)?));
        }
    }
    if kind == Kind::Webhook
        && let Some(Value::Object(headers)) = config.get("headers")
    {
        let mut mapped = Map::new();
        for (name, value) in headers {
            let value = match value {
                Value::String(v) => Value::String(f(&["headers", name], v)?),
                other => other.clone(),
            };
            mapped.insert(name.clone(), value);
        }
        out.insert("headers".into(), Value::Object(mapped));
    }
    Ok(out)
}

fn as_object(value: &Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

/// The stored config with its secrets in clear.
fn open_config(
    state: &AppState,
    kind: Kind,
    home: ChannelHome,
    stored: &Value,
) -> AppResult<Map<String, Value>> {
    map_secrets(kind, &as_object(stored), |path, sealed| {
        Ok(state.master_key.open(sealed, &home.binding(path))?)
    })
}

/// A checked config with its secrets sealed, as stored.
fn seal_config(
    state: &AppState,
    kind: Kind,
    home: ChannelHome,
    plain: &Map<String, Value>,
) -> AppResult<Value> {
    Ok(Value::Object(map_secrets(kind, plain, |path, clear| {
        Ok(state.master_key.seal(clear, &home.binding(path))?)
    })?))
}

/// The config as clients see it: secrets masked (`ht****ab`), never in clear.
pub fn masked_config(state: &AppState, row: &notification_providers::Model) -> Value {
    masked_channel_config(
        state,
        row.r#type,
        ChannelHome::Provider(row.id),
        &row.config,
    )
}

/// A stored config with its `v1:` (unbound) secrets resealed for `home`, or `None` when it
/// holds none. For the reseal pass (`crate::reseal`).
pub(crate) fn reseal_unbound_config(
    key: &MasterKey,
    kind: Kind,
    home: ChannelHome,
    stored: &Value,
) -> AppResult<Option<Value>> {
    let mut changed = false;
    let config = map_secrets(kind, &as_object(stored), |path, value| {
        if crate::crypto::is_unbound(value) {
            changed = true;
            Ok(key.reseal_unbound(value, &home.binding(path))?)
        } else {
            Ok(value.to_owned())
        }
    })?;
    Ok(changed.then_some(Value::Object(config)))
}

// ---------------------------------------------------------------------------------------------
// Checking a config.

fn field(key: &str) -> String {
    format!("config.{key}")
}

fn string(config: &Map<String, Value>, key: &str) -> AppResult<Option<String>> {
    match config.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                Ok(Some(s.to_owned()))
            }
        }
        Some(_) => Err(AppError::field(&field(key), "must be a string")),
    }
}

fn required(config: &Map<String, Value>, key: &str) -> AppResult<String> {
    string(config, key)?.ok_or_else(|| AppError::field(&field(key), "is required"))
}

fn secret(config: &Map<String, Value>, key: &str) -> AppResult<Option<String>> {
    let value = string(config, key)?;
    if let Some(v) = &value {
        if v.len() < 6 {
            return Err(AppError::field(
                &field(key),
                "must be at least 6 characters",
            ));
        }
        if v.len() > MAX_SECRET {
            return Err(AppError::field(&field(key), "is too long"));
        }
        if v.chars().any(char::is_control) {
            return Err(AppError::field(
                &field(key),
                "must not contain control characters",
            ));
        }
    }
    Ok(value)
}

/// A list of strings (a single string is taken as a list of one), each checked by `check`.
fn list(
    config: &Map<String, Value>,
    key: &str,
    max: usize,
    check: impl Fn(&str) -> AppResult<String>,
) -> AppResult<Vec<String>> {
    let items: Vec<&Value> = match config.get(key) {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::String(_)) => vec![one],
        Some(_) => return Err(AppError::field(&field(key), "must be a list of strings")),
    };
    if items.is_empty() {
        return Err(AppError::field(&field(key), "needs at least one entry"));
    }
    if items.len() > max {
        return Err(AppError::field(
            &field(key),
            format!("may have at most {max} entries"),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(text) = item.as_str() else {
            return Err(AppError::field(
                &field(key),
                format!("entry {} is not a string", i + 1),
            ));
        };
        let value = check(text.trim()).map_err(|e| match e {
            AppError::Validation { message, .. } => {
                AppError::field(&field(key), format!("entry {}: {message}", i + 1))
            }
            other => other,
        })?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

fn url(state: &AppState, config: &Map<String, Value>, key: &str) -> AppResult<String> {
    let value = required(config, key)?;
    if value.len() > MAX_URL {
        return Err(AppError::field(&field(key), "is too long"));
    }
    state.settings.outbound().check_url(&field(key), &value)?;
    Ok(value)
}

/// `+` and 7 to 15 digits (E.164).
fn phone(value: &str) -> AppResult<String> {
    let compact: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or("");
    let ok = (7..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(compact)
    } else {
        Err(AppError::invalid(
            "must be a phone number in E.164 form, like +14155550100",
        ))
    }
}

fn mailbox(config: &Map<String, Value>, key: &str) -> AppResult<Option<String>> {
    let Some(value) = string(config, key)? else {
        return Ok(None);
    };
    if value.len() > 320 || value.parse::<lettre::message::Mailbox>().is_err() {
        return Err(AppError::field(
            &field(key),
            "must be an address like alerts@example.com or Name <alerts@example.com>",
        ));
    }
    Ok(Some(value))
}

fn account_sid(value: &str, key: &str) -> AppResult<String> {
    let ok = value.len() == 34
        && value.starts_with("AC")
        && value[2..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(value.to_owned())
    } else {
        Err(AppError::field(
            &field(key),
            "must be a Twilio account SID (AC followed by 32 hex digits)",
        ))
    }
}

/// The service credential `credentialId` names: of this project and of `provider`.
async fn credential(
    state: &AppState,
    project_id: Uuid,
    config: &Map<String, Value>,
    provider: ServiceProvider,
) -> AppResult<Option<service_credentials::Model>> {
    let Some(id) = string(config, "credentialId")? else {
        return Ok(None);
    };
    let id = validate::id("config.credentialId", &id)?;
    let row = service_credentials::Entity::find_by_id(id)
        .filter(service_credentials::Column::ProjectId.eq(project_id))
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            AppError::field(
                "config.credentialId",
                "is not a service credential of this project",
            )
        })?;
    if row.provider != provider {
        return Err(AppError::field(
            "config.credentialId",
            format!(
                "must be a {} credential",
                format!("{provider:?}").to_uppercase()
            ),
        ));
    }
    Ok(Some(row))
}

/// A string of a credential's `meta`.
fn meta(row: &service_credentials::Model, key: &str) -> Option<String> {
    row.meta
        .as_ref()
        .and_then(|m| m.get(key))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// Checks `config` for `kind` and returns it normalised, secrets in clear.
async fn check_config(
    state: &AppState,
    project_id: Uuid,
    kind: Kind,
    config: &Map<String, Value>,
) -> AppResult<Map<String, Value>> {
    for key in config.keys() {
        if !keys(kind).contains(&key.as_str()) {
            return Err(AppError::field(
                &field(key),
                format!(
                    "is not a setting of {} providers (they take {})",
                    type_name(kind),
                    keys(kind).join(", ")
                ),
            ));
        }
    }
    let mut out = Map::new();
    match kind {
        Kind::Email => {
            let to = list(config, "to", MAX_EMAILS, |v| validate::email("to", v))?;
            out.insert("to".into(), json!(to));
            let api_key = secret(config, "sendgridApiKey")?;
            let cred = credential(state, project_id, config, ServiceProvider::Sendgrid).await?;
            if api_key.is_some() && cred.is_some() {
                return Err(AppError::field(
                    "config.credentialId",
                    "give either sendgridApiKey or credentialId, not both",
                ));
            }
            let from = mailbox(config, "from")?;
            if api_key.is_some() || cred.is_some() {
                let from_meta = cred.as_ref().and_then(|c| meta(c, "from"));
                if from.is_none() && from_meta.is_none() {
                    return Err(AppError::field(
                        "config.from",
                        "is required to send through SendGrid",
                    ));
                }
            } else if from.is_some() {
                return Err(AppError::field(
                    "config.from",
                    "only applies to SendGrid (give sendgridApiKey or credentialId); mail through SMTP comes from smtp.from",
                ));
            }
            if let Some(from) = from {
                out.insert("from".into(), json!(from));
            }
            if let Some(key) = api_key {
                out.insert("sendgridApiKey".into(), json!(key));
            }
            if let Some(cred) = cred {
                out.insert("credentialId".into(), json!(cred.id.to_string()));
            }
        }
        Kind::Slack | Kind::Discord if string(config, "webhookUrl")?.is_none() => {
            // The webhook URL is the secret of a SLACK or DISCORD service credential.
            let provider = if kind == Kind::Slack {
                ServiceProvider::Slack
            } else {
                ServiceProvider::Discord
            };
            let Some(cred) = credential(state, project_id, config, provider).await? else {
                return Err(AppError::field(
                    "config.webhookUrl",
                    "is required (or a credentialId)",
                ));
            };
            let secret = crate::credential::open_secret(state, &cred)?;
            state
                .settings
                .outbound()
                .check_url("config.credentialId", &secret)?;
            out.insert("credentialId".into(), json!(cred.id.to_string()));
        }
        Kind::Slack | Kind::Discord | Kind::Teams => {
            out.insert(
                "webhookUrl".into(),
                json!(url(state, config, "webhookUrl")?),
            );
        }
        Kind::Telegram => {
            let token = required(config, "botToken")?;
            let ok = token.split_once(':').is_some_and(|(bot, key)| {
                !bot.is_empty()
                    && bot.chars().all(|c| c.is_ascii_digit())
                    && key.len() >= 20
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            });
            if !ok {
                return Err(AppError::field(
                    "config.botToken",
                    "must be a bot token from @BotFather, like 123456:ABC-DEF...",
                ));
            }
            let chat = match config.get("chatId") {
                Some(Value::Number(n)) if n.is_i64() => n.to_string(),
                _ => required(config, "chatId")?,
            };
            let numeric = chat
                .strip_prefix('-')
                .unwrap_or(&chat)
                .chars()
                .all(|c| c.is_ascii_digit())
                && chat.len() <= 20
                && !chat.trim_start_matches('-').is_empty();
            let username = chat.strip_prefix('@').is_some_and(|name| {
                name.len() >= 4
                    && name.len() <= 64
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            if !numeric && !username {
                return Err(AppError::field(
                    "config.chatId",
                    "must be a chat id (like -1001234567890) or a channel name (like @alerts)",
                ));
            }
            out.insert("botToken".into(), json!(token));
            out.insert("chatId".into(), json!(chat));
        }
        Kind::Webhook => {
            out.insert("url".into(), json!(url(state, config, "url")?));
            if let Some(secret) = secret(config, "secret")? {
                out.insert("secret".into(), json!(secret));
            }
            match config.get("headers") {
                None | Some(Value::Null) => {}
                Some(Value::Object(headers)) => {
                    if headers.len() > MAX_HEADERS {
                        return Err(AppError::field(
                            "config.headers",
                            format!("may have at most {MAX_HEADERS} headers"),
                        ));
                    }
                    let mut checked = Map::new();
                    for (name, value) in headers {
                        let at = format!("config.headers.{name}");
                        if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err() {
                            return Err(AppError::field(&at, "is not a valid header name"));
                        }
                        if delivery::RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str())
                        {
                            return Err(AppError::field(
                                &at,
                                "is set by Vigil and cannot be changed",
                            ));
                        }
                        let Some(value) = value.as_str() else {
                            return Err(AppError::field(&at, "must be a string"));
                        };
                        if value.len() > 4096
                            || reqwest::header::HeaderValue::from_str(value).is_err()
                        {
                            return Err(AppError::field(&at, "is not a valid header value"));
                        }
                        checked.insert(name.clone(), json!(value));
                    }
                    if !checked.is_empty() {
                        out.insert("headers".into(), Value::Object(checked));
                    }
                }
                Some(_) => {
                    return Err(AppError::field(
                        "config.headers",
                        "must be an object of header names and values",
                    ));
                }
            }
        }
        Kind::Sms => {
            let token = secret(config, "authToken")?;
            let cred = credential(state, project_id, config, ServiceProvider::Twilio).await?;
            match (&token, &cred) {
                (Some(_), Some(_)) => {
                    return Err(AppError::field(
                        "config.credentialId",
                        "give either authToken or credentialId, not both",
                    ));
                }
                (None, None) => {
                    return Err(AppError::field(
                        "config.authToken",
                        "is required (or give credentialId, a TWILIO service credential)",
                    ));
                }
                _ => {}
            }
            match string(config, "accountSid")? {
                Some(sid) => {
                    out.insert("accountSid".into(), json!(account_sid(&sid, "accountSid")?));
                }
                None => {
                    let from_meta = cred.as_ref().and_then(|c| meta(c, "accountSid"));
                    match from_meta {
                        Some(sid) => {
                            account_sid(&sid, "accountSid")?;
                        }
                        None => {
                            return Err(AppError::field("config.accountSid", "is required"));
                        }
                    }
                }
            }
            let from = phone(&required(config, "from")?)
                .map_err(|e| AppError::field("config.from", e.public_message()))?;
            out.insert("from".into(), json!(from));
            let to = list(config, "to", MAX_NUMBERS, phone)?;
            out.insert("to".into(), json!(to));
            if let Some(token) = token {
                out.insert("authToken".into(), json!(token));
            }
            if let Some(cred) = cred {
                out.insert("credentialId".into(), json!(cred.id.to_string()));
            }
        }
    }
    Ok(out)
}

fn config_object(config: &Value) -> AppResult<&Map<String, Value>> {
    let map = config
        .as_object()
        .ok_or_else(|| AppError::field("config", "must be a JSON object"))?;
    if config.to_string().len() > 64 * 1024 {
        return Err(AppError::field("config", "is too large"));
    }
    Ok(map)
}

/// `changes` over `current`: null removes a key, a secret sent back masked keeps its value,
/// but only while a webhook's `url` stays on the same origin (`outbound::same_origin`).
fn merge(
    kind: Kind,
    current: &Map<String, Value>,
    changes: &Map<String, Value>,
) -> AppResult<Map<String, Value>> {
    let mut out = current.clone();
    let is_echo = |old: Option<&Value>, new: &Value| match (old.and_then(Value::as_str), new) {
        (Some(old), Value::String(new)) => *new == mask_str(old),
        _ => false,
    };
    let same_destination = match (
        current.get("url").and_then(Value::as_str),
        changes.get("url"),
    ) {
        // A missing or malformed URL is refused by the config check, with its own field.
        (_, None | Some(Value::Null)) => true,
        (Some(old), Some(Value::String(new))) => match reqwest::Url::parse(new.trim()) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {
                crate::outbound::same_origin(old, new)
            }
            _ => true,
        },
        _ => false,
    };
    let keep = |field: &str| {
        if same_destination {
            Ok(())
        } else {
            Err(crate::outbound::secret_needs_reentry(field))
        }
    };
    // Secrets left out of the changes would stay too: with a new origin, each must be sent
    // again (or removed with null).
    for key in secret_keys(kind)
        .iter()
        .copied()
        .chain((kind == Kind::Webhook).then_some("headers"))
    {
        if current.contains_key(key) && !changes.contains_key(key) {
            keep(&format!("config.{key}"))?;
        }
    }
    for (key, value) in changes {
        if value.is_null() {
            out.remove(key);
        } else if secret_keys(kind).contains(&key.as_str()) && is_echo(current.get(key), value) {
            // Keep the stored secret.
            keep(&format!("config.{key}"))?;
        } else if kind == Kind::Webhook
            && key == "headers"
            && let (Some(Value::Object(old)), Value::Object(new)) = (current.get(key), value)
        {
            let mut headers = Map::new();
            for (name, v) in new {
                let v = if is_echo(old.get(name), v) {
                    keep(&format!("config.headers.{name}"))?;
                    old.get(name).cloned().unwrap_or_default()
                } else {
                    v.clone()
                };
                headers.insert(name.clone(), v);
            }
            out.insert(key.clone(), Value::Object(headers));
        } else {
            out.insert(key.clone(), value.clone());
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// CRUD.

/// Fields of a new provider.
#[derive(Debug, Clone)]
pub struct NewProvider {
    pub project_id: Uuid,
    pub name: String,
    pub kind: Kind,
    pub config: Value,
    pub is_enabled: Option<bool>,
}

/// Fields to change; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct ProviderChanges {
    pub name: Option<String>,
    /// Merged over the stored config (see the module documentation).
    pub config: Option<Value>,
    pub is_enabled: Option<bool>,
}

/// Creates a provider (project editors).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewProvider,
) -> AppResult<notification_providers::Model> {
    let access = principal
        .project(&state.db, input.project_id, Level::Editor)
        .await?;
    let name = validate::name("name", &input.name)?;
    let config = check_config(
        state,
        input.project_id,
        input.kind,
        config_object(&input.config)?,
    )
    .await?;
    let id = Uuid::now_v7();
    let stored = seal_config(state, input.kind, ChannelHome::Provider(id), &config)?;
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let row = notification_providers::ActiveModel {
        id: Set(id),
        organization_id: Set(access.project.organization_id),
        project_id: Set(Some(input.project_id)),
        created_by_user_id: Set(Some(principal.user_id())),
        name: Set(name),
        r#type: Set(input.kind),
        config: Set(stored),
        is_enabled: Set(input.is_enabled.unwrap_or(true)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.create",
        json!({ "providerId": row.id, "name": row.name, "type": type_name(row.r#type) }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// A provider the caller may reach at `needed` (an organization-wide one needs
/// `org_admin` to change).
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<notification_providers::Model> {
    let row = notification_providers::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    match row.project_id {
        Some(project_id) => {
            principal.project(&state.db, project_id, needed).await?;
        }
        None => {
            let needed = if needed > Level::Viewer {
                Level::OrgAdmin
            } else {
                Level::Viewer
            };
            principal
                .org(&state.db, row.organization_id, needed)
                .await?;
        }
    }
    Ok(row)
}

/// Changes a provider (project editors). The type cannot change.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    changes: ProviderChanges,
) -> AppResult<notification_providers::Model> {
    let row = find(state, principal, id, Level::Editor).await?;
    let kind = row.r#type;
    let mut active: notification_providers::ActiveModel = row.clone().into();
    if let Some(name) = &changes.name {
        active.name = Set(validate::name("name", name)?);
    }
    let mut changed_keys: Vec<String> = Vec::new();
    if let Some(config) = &changes.config {
        let config = config_object(config)?;
        changed_keys = config.keys().cloned().collect();
        let current = open_config(state, kind, ChannelHome::Provider(id), &row.config)?;
        let merged = merge(kind, &current, config)?;
        // An organization-wide provider has no project, so no project credential to name.
        let project_id = row.project_id.unwrap_or_else(Uuid::nil);
        let checked = check_config(state, project_id, kind, &merged).await?;
        active.config = Set(seal_config(
            state,
            kind,
            ChannelHome::Provider(id),
            &checked,
        )?);
    }
    if let Some(enabled) = changes.is_enabled {
        active.is_enabled = Set(enabled);
    }
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.update",
        json!({
            "providerId": id,
            "name": changes.name.is_some().then(|| row.name.clone()),
            "configKeys": changed_keys,
            "isEnabled": changes.is_enabled,
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// Deletes a provider (project editors), with its links to monitors and jobs.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let row = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    notification_providers::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.delete",
        json!({ "providerId": id, "name": row.name, "type": type_name(row.r#type) }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The providers of a project.
pub fn list_query(project_id: Uuid) -> sea_orm::Select<notification_providers::Entity> {
    notification_providers::Entity::find()
        .filter(notification_providers::Column::ProjectId.eq(project_id))
}

// ---------------------------------------------------------------------------------------------
// Sending.

/// The channel of a stored provider, its secrets (and those of the service credential it
/// names) opened. Callers check `is_enabled` themselves. A provider whose credential was
/// deleted, or whose config no longer holds, is `BAD_USER_INPUT`.
pub async fn channel(state: &AppState, row: &notification_providers::Model) -> AppResult<Channel> {
    channel_from(
        state,
        row.project_id,
        row.r#type,
        ChannelHome::Provider(row.id),
        &row.config,
    )
    .await
}

/// Checks a channel config of `kind` for a project and returns it as stored, its secrets
/// sealed. Callback actions of the channel types (Slack, Discord, email, SMS) take the same
/// settings as providers, through this.
pub async fn check_channel_config(
    state: &AppState,
    project_id: Uuid,
    kind: Kind,
    home: ChannelHome,
    config: &Value,
) -> AppResult<Value> {
    let config = check_config(state, project_id, kind, config_object(config)?).await?;
    seal_config(state, kind, home, &config)
}

/// A stored channel config as clients see it, its secrets masked.
pub fn masked_channel_config(
    state: &AppState,
    kind: Kind,
    home: ChannelHome,
    stored: &Value,
) -> Value {
    let masked = map_secrets(kind, &as_object(stored), |path, sealed| {
        Ok(state
            .master_key
            .open(sealed, &home.binding(path))
            .map(|clear| mask_str(&clear))
            .unwrap_or_else(|_| "****".into()))
    });
    Value::Object(masked.unwrap_or_default())
}

/// The channel of a stored config of `kind` owned by `project_id` (see [`channel`]).
pub async fn channel_from(
    state: &AppState,
    project_id: Option<Uuid>,
    kind: Kind,
    home: ChannelHome,
    stored: &Value,
) -> AppResult<Channel> {
    let config = open_config(state, kind, home, stored)?;
    let text = |key: &str| string(&config, key).ok().flatten();
    let need = |key: &str| {
        text(key).ok_or_else(|| {
            AppError::field(
                &field(key),
                "is missing from the stored config; update the provider",
            )
        })
    };
    let strings = |key: &str| -> Vec<String> {
        match config.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            Some(Value::String(one)) => vec![one.clone()],
            _ => vec![],
        }
    };
    let stored_credential = |provider: ServiceProvider| async move {
        let Some(id) = text("credentialId") else {
            return Ok(None);
        };
        let id = validate::id("config.credentialId", &id)?;
        let cred = service_credentials::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .filter(|c| Some(c.project_id) == project_id && c.provider == provider)
            .ok_or_else(|| {
                AppError::field(
                    "config.credentialId",
                    "the service credential of this provider no longer exists",
                )
            })?;
        let secret = crate::credential::open_secret(state, &cred)?;
        AppResult::Ok(Some((cred, secret)))
    };
    Ok(match kind {
        Kind::Email => {
            let to = strings("to");
            let sendgrid = match text("sendgridApiKey") {
                Some(key) => Some((key, text("from"))),
                None => stored_credential(ServiceProvider::Sendgrid)
                    .await?
                    .map(|(cred, key)| (key, text("from").or_else(|| meta(&cred, "from")))),
            };
            match sendgrid {
                Some((api_key, from)) => Channel::SendgridEmail {
                    api_key,
                    from: from.ok_or_else(|| {
                        AppError::field("config.from", "is required to send through SendGrid")
                    })?,
                    to,
                },
                None => Channel::Email { to },
            }
        }
        Kind::Slack => Channel::Slack {
            webhook_url: match text("webhookUrl") {
                Some(url) => url,
                None => stored_credential(ServiceProvider::Slack)
                    .await?
                    .map(|(_, url)| url)
                    .ok_or_else(|| {
                        AppError::field(
                            "config.webhookUrl",
                            "is missing from the stored config; update the provider",
                        )
                    })?,
            },
        },
        Kind::Discord => Channel::Discord {
            webhook_url: match text("webhookUrl") {
                Some(url) => url,
                None => stored_credential(ServiceProvider::Discord)
                    .await?
                    .map(|(_, url)| url)
                    .ok_or_else(|| {
                        AppError::field(
                            "config.webhookUrl",
                            "is missing from the stored config; update the provider",
                        )
                    })?,
            },
        },
        Kind::Teams => Channel::Teams {
            webhook_url: need("webhookUrl")?,
        },
        Kind::Telegram => Channel::Telegram {
            bot_token: need("botToken")?,
            chat_id: need("chatId")?,
        },
        Kind::Webhook => Channel::Webhook {
            url: need("url")?,
            secret: text("secret"),
            headers: config
                .get("headers")
                .and_then(Value::as_object)
                .map(|h| {
                    h.iter()
                        .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
                        .collect()
                })
                .unwrap_or_default(),
        },
        Kind::Sms => {
            let (auth_token, account_sid) = match text("authToken") {
                Some(token) => (token, text("accountSid")),
                None => match stored_credential(ServiceProvider::Twilio).await? {
                    Some((cred, token)) => (
                        token,
                        text("accountSid").or_else(|| meta(&cred, "accountSid")),
                    ),
                    None => return Err(AppError::field("config.authToken", "is missing")),
                },
            };
            Channel::Sms {
                account_sid: account_sid
                    .ok_or_else(|| AppError::field("config.accountSid", "is missing"))?,
                auth_token,
                from: need("from")?,
                to: strings("to"),
            }
        }
    })
}

/// How a provider test is retried: quickly, since someone waits for the answer.
pub const TEST_RETRY: RetryPolicy = RetryPolicy {
    max_attempts: 2,
    initial_delay: std::time::Duration::from_millis(500),
    max_delay: std::time::Duration::from_secs(2),
};

/// Sends a test message through a provider (project editors) and records the attempt in the
/// audit trail. A provider that cannot be opened (its credential is gone) is reported as a
/// failed delivery of 0 attempts.
pub async fn test(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<Outcome> {
    let row = find(state, principal, id, Level::Editor).await?;
    let message = Message {
        event: "provider.test".into(),
        title: format!("Test notification from Vigil: {}", row.name),
        body: format!(
            "This is a test of the notification provider \"{}\". If you can read it, alerts sent through it will reach you here.",
            row.name
        ),
        severity: Severity::Info,
        link: Some(state.settings.base_url()),
        fields: vec![
            ("Provider".into(), row.name.clone()),
            ("Type".into(), type_name(row.r#type).to_owned()),
            ("Sent by".into(), principal.user.email.clone()),
        ],
        data: json!({ "providerId": row.id, "projectId": row.project_id, "test": true }),
    };
    // No transaction is open while the message travels: the far end may take seconds.
    let outcome = match channel(state, &row).await {
        Ok(channel) => delivery::send_with_retry(state, &channel, &message, TEST_RETRY).await,
        Err(AppError::Validation { message, .. }) => Outcome {
            result: Err(delivery::DeliveryError::permanent(message)),
            attempts: 0,
        },
        Err(other) => return Err(other),
    };
    let tx = Tx::begin(state).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.test",
        json!({
            "providerId": row.id,
            "success": outcome.is_success(),
            "attempts": outcome.attempts,
            "error": outcome.error(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_secrets_sent_back_masked_for_the_same_origin_only() -> AppResult<()> {
        let current = as_object(&json!({
            "url": "https://example.com/a",
            "secret": "s3cret-signing-key",
            "headers": { "Authorization": "Bearer abcdefghijkl", "X-Team": "ops-team-1" }
        }));
        let changes = as_object(&json!({
            "url": "https://example.com/b",
            "secret": mask_str("s3cret-signing-key"),
            "headers": { "Authorization": mask_str("Bearer abcdefghijkl"), "X-Team": "sre-team-2" }
        }));
        let merged = merge(Kind::Webhook, &current, &changes)?;
        assert_eq!(merged["url"], "https://example.com/b");
        assert_eq!(merged["secret"], "s3cret-signing-key");
        assert_eq!(merged["headers"]["Authorization"], "Bearer abcdefghijkl");
        assert_eq!(merged["headers"]["X-Team"], "sre-team-2");
        let removed = merge(
            Kind::Webhook,
            &current,
            &as_object(&json!({ "secret": null })),
        )?;
        assert!(!removed.contains_key("secret"));
        // Another origin: masked values are refused, new values are taken.
        for elsewhere in [
            "https://attacker.example/a",
            "http://example.com/a",
            "https://example.com:444/a",
        ] {
            let mut moved = changes.clone();
            moved.insert("url".into(), elsewhere.into());
            assert!(
                merge(Kind::Webhook, &current, &moved).is_err(),
                "{elsewhere}"
            );
        }
        let only_url = as_object(&json!({ "url": "https://attacker.example/a" }));
        assert!(merge(Kind::Webhook, &current, &only_url).is_err());
        let fresh = as_object(&json!({
            "url": "https://attacker.example/a",
            "secret": "a-new-signing-key",
            "headers": { "Authorization": "Bearer new-token-1234" }
        }));
        assert_eq!(
            merge(Kind::Webhook, &current, &fresh)?["secret"],
            "a-new-signing-key"
        );
        Ok(())
    }

    #[test]
    fn phones_are_e164() {
        assert_eq!(
            phone("+1 (415) 555-0100").ok().as_deref(),
            Some("+14155550100")
        );
        for bad in [
            "4155550100",
            "+0123456789",
            "+12",
            "+1415555010012345",
            "+1415abc0100",
        ] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }
}
