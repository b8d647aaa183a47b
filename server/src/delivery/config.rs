//! The settings of a channel, one struct per kind: what a notification provider stores in its
//! `config` and a Slack, Discord, email or SMS callback action in its `channel`.
//!
//! | kind | keys (secret ones marked *) |
//! |---|---|
//! | EMAIL | `to` (addresses); for SendGrid also `from` and `sendgridApiKey`* or `credentialId` |
//! | SLACK, DISCORD | `webhookUrl`* or `credentialId` |
//! | TEAMS | `webhookUrl`* |
//! | TELEGRAM | `botToken`*, `chatId` |
//! | WEBHOOK | `url`, `secret`* (signs the body), `headers`* (an object; the values are secret) |
//! | SMS | `accountSid`, `authToken`* or `credentialId`, `from`, `to` (E.164 numbers) |
//!
//! A config is read with [`ChannelConfig::parse`] (unknown keys and wrong types refused with
//! their field), checked with [`ChannelConfig::check`] (which returns it normalised), stored
//! with [`ChannelConfig::seal`] and turned into the [`Channel`] to send through with
//! [`ChannelConfig::channel`]. Secrets are sealed one by one, bound to their row and key
//! ([`ChannelHome`]); the stored JSON is the struct's serde form, secrets sealed.

use entity::notification_providers::NotificationProviderType as Kind;
use entity::service_credentials::{self, ServiceProvider};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::field::{self, ChatId, Headers, Str, Strings};
use super::{Channel, RESERVED_HEADERS};
use crate::credential::mask_str;
use crate::crypto::{Binding, MasterKey};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Most recipients of one email channel.
const MAX_EMAILS: usize = 50;
/// Most numbers of one SMS channel (each one is a paid message).
const MAX_NUMBERS: usize = 10;
/// Most custom headers of one webhook.
const MAX_HEADERS: usize = 20;
const MAX_URL: usize = 2048;
const MAX_SECRET: usize = 1024;

/// `EMAIL`: SMTP, or SendGrid with an API key (or a SENDGRID credential).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmailConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Strings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sendgrid_api_key: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_id: Option<Str>,
}

/// `SLACK` and `DISCORD`: an incoming webhook URL, or a credential holding it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HookConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_id: Option<Str>,
}

/// `TEAMS`: an incoming webhook URL.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamsConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<Str>,
}

/// `TELEGRAM`: a bot and the chat it writes to.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TelegramConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bot_token: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<ChatId>,
}

/// `WEBHOOK`: a signed JSON POST.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headers: Option<Headers>,
}

/// `SMS`: Twilio with an auth token (or a TWILIO credential).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SmsConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_sid: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_id: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Strings>,
}

/// A channel's settings, by kind (the provider's `type`, or the channel action's).
#[derive(Debug, Clone, PartialEq)]
pub enum ChannelConfig {
    Email(EmailConfig),
    Slack(HookConfig),
    Discord(HookConfig),
    Teams(TeamsConfig),
    Telegram(TelegramConfig),
    Webhook(WebhookConfig),
    Sms(SmsConfig),
}

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

/// `SLACK`, as the API spells types.
pub fn type_name(kind: Kind) -> &'static str {
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

/// The keys whose values are secret (a webhook's `headers` too): an update that leaves them
/// out or sends them back masked keeps them only for the same origin.
pub fn secret_keys(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Email => &["sendgridApiKey"],
        Kind::Slack | Kind::Discord | Kind::Teams => &["webhookUrl"],
        Kind::Telegram => &["botToken"],
        Kind::Webhook => &["secret"],
        Kind::Sms => &["authToken"],
    }
}

/// What a check needs: the app (outbound policy, credentials), the project whose service
/// credentials may be named, and the prefix of the fields errors name (`config`, or
/// `config.channel` inside an action).
pub struct Scope<'a> {
    pub state: &'a AppState,
    /// None for an organization-wide provider, which can name no credential.
    pub project_id: Option<Uuid>,
    pub prefix: &'a str,
}

impl Scope<'_> {
    fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.prefix)
    }

    fn err(&self, key: &str, message: impl Into<String>) -> AppError {
        AppError::field(&self.field(key), message)
    }
}

impl ChannelConfig {
    /// Reads a config of `kind` from JSON; errors name `{prefix}.{key}`.
    pub fn parse(kind: Kind, prefix: &str, value: &Value) -> AppResult<Self> {
        let owner = format!("{} providers", type_name(kind));
        let owner = owner.as_str();
        Ok(match kind {
            Kind::Email => Self::Email(field::parse(prefix, owner, value)?),
            Kind::Slack => Self::Slack(field::parse(prefix, owner, value)?),
            Kind::Discord => Self::Discord(field::parse(prefix, owner, value)?),
            Kind::Teams => Self::Teams(field::parse(prefix, owner, value)?),
            Kind::Telegram => Self::Telegram(field::parse(prefix, owner, value)?),
            Kind::Webhook => Self::Webhook(field::parse(prefix, owner, value)?),
            Kind::Sms => Self::Sms(field::parse(prefix, owner, value)?),
        })
    }

    /// The JSON object it is stored as.
    pub fn to_json(&self) -> AppResult<Value> {
        match self {
            Self::Email(c) => field::to_json(c),
            Self::Slack(c) | Self::Discord(c) => field::to_json(c),
            Self::Teams(c) => field::to_json(c),
            Self::Telegram(c) => field::to_json(c),
            Self::Webhook(c) => field::to_json(c),
            Self::Sms(c) => field::to_json(c),
        }
    }

    /// Every secret string, with its path in the config.
    fn secrets_mut(&mut self) -> Vec<(Vec<String>, &mut String)> {
        match self {
            Self::Email(c) => one("sendgridApiKey", &mut c.sendgrid_api_key),
            Self::Slack(c) | Self::Discord(c) => one("webhookUrl", &mut c.webhook_url),
            Self::Teams(c) => one("webhookUrl", &mut c.webhook_url),
            Self::Telegram(c) => one("botToken", &mut c.bot_token),
            Self::Sms(c) => one("authToken", &mut c.auth_token),
            Self::Webhook(c) => {
                let mut out = one("secret", &mut c.secret);
                if let Some(headers) = c.headers.as_mut() {
                    for (name, value) in headers.0.iter_mut() {
                        if let Value::String(value) = value {
                            out.push((vec!["headers".to_owned(), name.clone()], value));
                        }
                    }
                }
                out
            }
        }
    }

    /// Applies `f` to every secret, with its binding for `home`.
    fn map_secrets(
        mut self,
        home: ChannelHome,
        mut f: impl FnMut(&str, &Binding) -> AppResult<String>,
    ) -> AppResult<Self> {
        for (path, value) in self.secrets_mut() {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            *value = f(value, &home.binding(&path))?;
        }
        Ok(self)
    }

    /// The config as stored: its secrets sealed for `home`.
    pub fn seal(self, key: &MasterKey, home: ChannelHome) -> AppResult<Value> {
        self.map_secrets(home, |clear, binding| Ok(key.seal(clear, binding)?))?
            .to_json()
    }

    /// A stored config of `kind` with its secrets in clear.
    pub fn open(key: &MasterKey, kind: Kind, home: ChannelHome, stored: &Value) -> AppResult<Self> {
        Self::parse(kind, "config", stored)?
            .map_secrets(home, |sealed, binding| Ok(key.open(sealed, binding)?))
    }

    /// A stored config as clients see it: secrets masked (`ht****ab`), never in clear. A
    /// config that no longer reads is shown empty.
    pub fn masked(key: &MasterKey, kind: Kind, home: ChannelHome, stored: &Value) -> Value {
        Self::parse(kind, "config", stored)
            .and_then(|config| {
                config.map_secrets(home, |sealed, binding| {
                    Ok(key
                        .open(sealed, binding)
                        .map(|clear| mask_str(&clear))
                        .unwrap_or_else(|_| "****".into()))
                })
            })
            .and_then(|config| config.to_json())
            .unwrap_or_else(|_| Value::Object(serde_json::Map::new()))
    }

    /// A stored config with its `v1:` (unbound) secrets resealed for `home`, or `None` when it
    /// holds none. For the reseal pass (`crate::reseal`).
    pub fn reseal_unbound(
        key: &MasterKey,
        kind: Kind,
        home: ChannelHome,
        stored: &Value,
    ) -> AppResult<Option<Value>> {
        let mut changed = false;
        let config = Self::parse(kind, "config", stored)?.map_secrets(home, |value, binding| {
            if crate::crypto::is_unbound(value) {
                changed = true;
                Ok(key.reseal_unbound(value, binding)?)
            } else {
                Ok(value.to_owned())
            }
        })?;
        Ok(if changed {
            Some(config.to_json()?)
        } else {
            None
        })
    }

    /// Checks the settings (secrets in clear) and returns them normalised: strings trimmed,
    /// lists deduplicated, URLs through the outbound policy, credentials of the project.
    pub async fn check(self, scope: &Scope<'_>) -> AppResult<Self> {
        Ok(match self {
            Self::Email(c) => Self::Email(c.check(scope).await?),
            Self::Slack(c) => Self::Slack(c.check(scope, ServiceProvider::Slack).await?),
            Self::Discord(c) => Self::Discord(c.check(scope, ServiceProvider::Discord).await?),
            Self::Teams(c) => Self::Teams(TeamsConfig {
                webhook_url: Some(Str(url(scope, "webhookUrl", &c.webhook_url)?)),
            }),
            Self::Telegram(c) => Self::Telegram(c.check(scope)?),
            Self::Webhook(c) => Self::Webhook(c.check(scope)?),
            Self::Sms(c) => Self::Sms(c.check(scope).await?),
        })
    }

    /// The channel to send through, from a config opened with [`ChannelConfig::open`]: the
    /// secret of a service credential it names is opened too. A credential of `project_id`
    /// that is gone, or a config that no longer holds, is `BAD_USER_INPUT`.
    pub async fn channel(self, state: &AppState, project_id: Option<Uuid>) -> AppResult<Channel> {
        let stored = Stored { state, project_id };
        Ok(match self {
            Self::Email(c) => c.channel(&stored).await?,
            Self::Slack(c) => Channel::Slack {
                webhook_url: c.webhook_url(&stored, ServiceProvider::Slack).await?,
            },
            Self::Discord(c) => Channel::Discord {
                webhook_url: c.webhook_url(&stored, ServiceProvider::Discord).await?,
            },
            Self::Teams(c) => Channel::Teams {
                webhook_url: need(&c.webhook_url, "webhookUrl")?,
            },
            Self::Telegram(c) => Channel::Telegram {
                bot_token: need(&c.bot_token, "botToken")?,
                chat_id: need(&c.chat_id.map(|c| Str(c.0)), "chatId")?,
            },
            Self::Webhook(c) => Channel::Webhook {
                url: need(&c.url, "url")?,
                secret: Str::trimmed(&c.secret),
                headers: c
                    .headers
                    .map(|h| {
                        h.0.into_iter()
                            .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_owned())))
                            .collect()
                    })
                    .unwrap_or_default(),
            },
            Self::Sms(c) => c.channel(&stored).await?,
        })
    }
}

/// The secret `value` at `key`, if set.
fn one<'a>(key: &str, value: &'a mut Option<Str>) -> Vec<(Vec<String>, &'a mut String)> {
    value
        .as_mut()
        .map(|v| (vec![key.to_owned()], &mut v.0))
        .into_iter()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Checking, kind by kind.

impl EmailConfig {
    async fn check(self, s: &Scope<'_>) -> AppResult<Self> {
        let to = list(s, "to", &self.to, MAX_EMAILS, |v| validate::email("to", v))?;
        let api_key = secret(s, "sendgridApiKey", &self.sendgrid_api_key)?;
        let cred = credential(s, &self.credential_id, ServiceProvider::Sendgrid).await?;
        if api_key.is_some() && cred.is_some() {
            return Err(s.err(
                "credentialId",
                "give either sendgridApiKey or credentialId, not both",
            ));
        }
        let from = mailbox(s, "from", &self.from)?;
        if api_key.is_some() || cred.is_some() {
            let from_meta = cred.as_ref().and_then(|c| meta(c, "from"));
            if from.is_none() && from_meta.is_none() {
                return Err(s.err("from", "is required to send through SendGrid"));
            }
        } else if from.is_some() {
            return Err(s.err(
                "from",
                "only applies to SendGrid (give sendgridApiKey or credentialId); mail through SMTP comes from smtp.from",
            ));
        }
        Ok(Self {
            to: Some(Strings(to)),
            from: from.map(Str),
            sendgrid_api_key: api_key.map(Str),
            credential_id: cred.map(|c| Str(c.id.to_string())),
        })
    }
}

impl HookConfig {
    async fn check(self, s: &Scope<'_>, provider: ServiceProvider) -> AppResult<Self> {
        if Str::trimmed(&self.webhook_url).is_some() {
            return Ok(Self {
                webhook_url: Some(Str(url(s, "webhookUrl", &self.webhook_url)?)),
                credential_id: None,
            });
        }
        // The webhook URL is the secret of a SLACK or DISCORD service credential.
        let Some(cred) = credential(s, &self.credential_id, provider).await? else {
            return Err(s.err("webhookUrl", "is required (or a credentialId)"));
        };
        let secret = crate::credential::open_secret(s.state, &cred)?;
        s.state
            .settings
            .outbound()
            .check_url(&s.field("credentialId"), &secret)?;
        Ok(Self {
            webhook_url: None,
            credential_id: Some(Str(cred.id.to_string())),
        })
    }
}

impl TelegramConfig {
    fn check(self, s: &Scope<'_>) -> AppResult<Self> {
        let token = required(s, "botToken", &self.bot_token)?;
        let ok = token.split_once(':').is_some_and(|(bot, key)| {
            !bot.is_empty()
                && bot.chars().all(|c| c.is_ascii_digit())
                && key.len() >= 20
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        });
        if !ok {
            return Err(s.err(
                "botToken",
                "must be a bot token from @BotFather, like 123456:ABC-DEF...",
            ));
        }
        let chat = required(s, "chatId", &self.chat_id.map(|c| Str(c.0)))?;
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
            return Err(s.err(
                "chatId",
                "must be a chat id (like -1001234567890) or a channel name (like @alerts)",
            ));
        }
        Ok(Self {
            bot_token: Some(Str(token)),
            chat_id: Some(ChatId(chat)),
        })
    }
}

impl WebhookConfig {
    fn check(self, s: &Scope<'_>) -> AppResult<Self> {
        let url = url(s, "url", &self.url)?;
        let secret = secret(s, "secret", &self.secret)?;
        if let Some(why) = secret
            .as_deref()
            .and_then(|v| super::signed::check_secret(v).err())
        {
            return Err(s.err("secret", why));
        }
        let mut checked = serde_json::Map::new();
        let headers = self.headers.map(|h| h.0).unwrap_or_default();
        if headers.len() > MAX_HEADERS {
            return Err(s.err("headers", format!("may have at most {MAX_HEADERS} headers")));
        }
        for (name, value) in headers {
            let at = s.field(&format!("headers.{name}"));
            if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err() {
                return Err(AppError::field(&at, "is not a valid header name"));
            }
            if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                return Err(AppError::field(
                    &at,
                    "is set by Vigil and cannot be changed",
                ));
            }
            let Some(text) = value.as_str() else {
                return Err(AppError::field(&at, "must be a string"));
            };
            if text.len() > 4096 || reqwest::header::HeaderValue::from_str(text).is_err() {
                return Err(AppError::field(&at, "is not a valid header value"));
            }
            checked.insert(name, value);
        }
        Ok(Self {
            url: Some(Str(url)),
            secret: secret.map(Str),
            headers: (!checked.is_empty()).then_some(Headers::from(checked)),
        })
    }
}

impl From<serde_json::Map<String, Value>> for Headers {
    fn from(map: serde_json::Map<String, Value>) -> Self {
        field::Object(map)
    }
}

impl SmsConfig {
    async fn check(self, s: &Scope<'_>) -> AppResult<Self> {
        let token = secret(s, "authToken", &self.auth_token)?;
        let cred = credential(s, &self.credential_id, ServiceProvider::Twilio).await?;
        match (&token, &cred) {
            (Some(_), Some(_)) => {
                return Err(s.err(
                    "credentialId",
                    "give either authToken or credentialId, not both",
                ));
            }
            (None, None) => {
                return Err(s.err(
                    "authToken",
                    "is required (or give credentialId, a TWILIO service credential)",
                ));
            }
            _ => {}
        }
        let sid = match Str::trimmed(&self.account_sid) {
            Some(sid) => Some(account_sid(s, &sid)?),
            None => match cred.as_ref().and_then(|c| meta(c, "accountSid")) {
                Some(sid) => {
                    account_sid(s, &sid)?;
                    None
                }
                None => return Err(s.err("accountSid", "is required")),
            },
        };
        let from = phone(&required(s, "from", &self.from)?)
            .map_err(|e| s.err("from", e.public_message()))?;
        let to = list(s, "to", &self.to, MAX_NUMBERS, phone)?;
        Ok(Self {
            account_sid: sid.map(Str),
            auth_token: token.map(Str),
            credential_id: cred.map(|c| Str(c.id.to_string())),
            from: Some(Str(from)),
            to: Some(Strings(to)),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Field rules.

fn required(s: &Scope<'_>, key: &str, value: &Option<Str>) -> AppResult<String> {
    Str::trimmed(value).ok_or_else(|| s.err(key, "is required"))
}

fn secret(s: &Scope<'_>, key: &str, value: &Option<Str>) -> AppResult<Option<String>> {
    let value = Str::trimmed(value);
    if let Some(v) = &value {
        if v.len() < 6 {
            return Err(s.err(key, "must be at least 6 characters"));
        }
        if v.len() > MAX_SECRET {
            return Err(s.err(key, "is too long"));
        }
        if v.chars().any(char::is_control) {
            return Err(s.err(key, "must not contain control characters"));
        }
    }
    Ok(value)
}

/// A list of at least one and at most `max` entries, each checked by `check`, duplicates
/// dropped.
fn list(
    s: &Scope<'_>,
    key: &str,
    value: &Option<Strings>,
    max: usize,
    check: impl Fn(&str) -> AppResult<String>,
) -> AppResult<Vec<String>> {
    let items = value.as_ref().map(|v| v.0.as_slice()).unwrap_or_default();
    if items.is_empty() {
        return Err(s.err(key, "needs at least one entry"));
    }
    if items.len() > max {
        return Err(s.err(key, format!("may have at most {max} entries")));
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let value = check(item.trim()).map_err(|e| match e {
            AppError::Validation { message, .. } => {
                s.err(key, format!("entry {}: {message}", i + 1))
            }
            other => other,
        })?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

fn url(s: &Scope<'_>, key: &str, value: &Option<Str>) -> AppResult<String> {
    let value = required(s, key, value)?;
    if value.len() > MAX_URL {
        return Err(s.err(key, "is too long"));
    }
    s.state
        .settings
        .outbound()
        .check_url(&s.field(key), &value)?;
    Ok(value)
}

/// `+` and 7 to 15 digits (E.164).
pub(crate) fn phone(value: &str) -> AppResult<String> {
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

fn mailbox(s: &Scope<'_>, key: &str, value: &Option<Str>) -> AppResult<Option<String>> {
    let Some(value) = Str::trimmed(value) else {
        return Ok(None);
    };
    if value.len() > 320 || value.parse::<lettre::message::Mailbox>().is_err() {
        return Err(s.err(
            key,
            "must be an address like alerts@example.com or Name <alerts@example.com>",
        ));
    }
    Ok(Some(value))
}

fn account_sid(s: &Scope<'_>, value: &str) -> AppResult<String> {
    let ok = value.len() == 34
        && value.starts_with("AC")
        && value[2..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(value.to_owned())
    } else {
        Err(s.err(
            "accountSid",
            "must be a Twilio account SID (AC followed by 32 hex digits)",
        ))
    }
}

/// The service credential `credentialId` names: of this project and of `provider`.
async fn credential(
    s: &Scope<'_>,
    value: &Option<Str>,
    provider: ServiceProvider,
) -> AppResult<Option<service_credentials::Model>> {
    let Some(id) = Str::trimmed(value) else {
        return Ok(None);
    };
    let Some(project_id) = s.project_id else {
        return Err(s.err(
            "credentialId",
            "an organization-wide provider cannot use a project's service credential; give the secret in its settings",
        ));
    };
    let id = validate::id(&s.field("credentialId"), &id)?;
    let row = service_credentials::Entity::find_by_id(id)
        .filter(service_credentials::Column::ProjectId.eq(project_id))
        .one(&s.state.db)
        .await?
        .ok_or_else(|| {
            s.err(
                "credentialId",
                "is not a service credential of this project",
            )
        })?;
    if row.provider != provider {
        return Err(s.err(
            "credentialId",
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

// ---------------------------------------------------------------------------------------------
// Opening a stored config into a channel.

/// Where a stored config's credential is looked up.
struct Stored<'a> {
    state: &'a AppState,
    project_id: Option<Uuid>,
}

impl Stored<'_> {
    /// The credential `credentialId` names, with its secret opened.
    async fn credential(
        &self,
        value: &Option<Str>,
        provider: ServiceProvider,
    ) -> AppResult<Option<(service_credentials::Model, String)>> {
        let Some(id) = Str::trimmed(value) else {
            return Ok(None);
        };
        let id = validate::id("config.credentialId", &id)?;
        let cred = service_credentials::Entity::find_by_id(id)
            .one(&self.state.db)
            .await?
            .filter(|c| Some(c.project_id) == self.project_id && c.provider == provider)
            .ok_or_else(|| {
                AppError::field(
                    "config.credentialId",
                    "the service credential of this provider no longer exists",
                )
            })?;
        let secret = crate::credential::open_secret(self.state, &cred)?;
        Ok(Some((cred, secret)))
    }
}

/// A stored value a channel cannot do without.
fn need(value: &Option<Str>, key: &str) -> AppResult<String> {
    Str::trimmed(value).ok_or_else(|| {
        AppError::field(
            &format!("config.{key}"),
            "is missing from the stored config; update the provider",
        )
    })
}

impl EmailConfig {
    async fn channel(self, stored: &Stored<'_>) -> AppResult<Channel> {
        let to = self.to.map(|t| t.0).unwrap_or_default();
        let from = Str::trimmed(&self.from);
        let sendgrid = match Str::trimmed(&self.sendgrid_api_key) {
            Some(key) => Some((key, from)),
            None => stored
                .credential(&self.credential_id, ServiceProvider::Sendgrid)
                .await?
                .map(|(cred, key)| (key, from.or_else(|| meta(&cred, "from")))),
        };
        Ok(match sendgrid {
            Some((api_key, from)) => Channel::SendgridEmail {
                api_key,
                from: from.ok_or_else(|| {
                    AppError::field("config.from", "is required to send through SendGrid")
                })?,
                to,
            },
            None => Channel::Email { to },
        })
    }
}

impl HookConfig {
    async fn webhook_url(
        self,
        stored: &Stored<'_>,
        provider: ServiceProvider,
    ) -> AppResult<String> {
        if let Some(url) = Str::trimmed(&self.webhook_url) {
            return Ok(url);
        }
        stored
            .credential(&self.credential_id, provider)
            .await?
            .map(|(_, url)| url)
            .ok_or_else(|| {
                AppError::field(
                    "config.webhookUrl",
                    "is missing from the stored config; update the provider",
                )
            })
    }
}

impl SmsConfig {
    async fn channel(self, stored: &Stored<'_>) -> AppResult<Channel> {
        let sid = Str::trimmed(&self.account_sid);
        let (auth_token, account_sid) = match Str::trimmed(&self.auth_token) {
            Some(token) => (token, sid),
            None => match stored
                .credential(&self.credential_id, ServiceProvider::Twilio)
                .await?
            {
                Some((cred, token)) => (token, sid.or_else(|| meta(&cred, "accountSid"))),
                None => return Err(AppError::field("config.authToken", "is missing")),
            },
        };
        Ok(Channel::Sms {
            account_sid: account_sid
                .ok_or_else(|| AppError::field("config.accountSid", "is missing"))?,
            auth_token,
            from: need(&self.from, "from")?,
            to: self.to.map(|t| t.0).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Rows written before configs were typed read back, and write back, unchanged.
    #[test]
    fn stored_rows_of_every_kind_round_trip() -> AppResult<()> {
        let rows = [
            (
                Kind::Email,
                json!({ "to": ["ops@example.com"], "from": "Vigil <a@example.com>", "sendgridApiKey": "v2:abc" }),
            ),
            (
                Kind::Email,
                json!({ "to": ["ops@example.com"], "credentialId": "0190c0de-0000-7000-8000-000000000001" }),
            ),
            (Kind::Slack, json!({ "webhookUrl": "v2:sealed" })),
            (
                Kind::Discord,
                json!({ "credentialId": "0190c0de-0000-7000-8000-000000000001" }),
            ),
            (Kind::Teams, json!({ "webhookUrl": "v2:sealed" })),
            (
                Kind::Telegram,
                json!({ "botToken": "v2:sealed", "chatId": "-100123" }),
            ),
            (
                Kind::Webhook,
                json!({ "url": "https://example.com/h", "secret": "v2:s", "headers": { "X-A": "v2:h" } }),
            ),
            (
                Kind::Sms,
                json!({ "accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "v2:t",
                        "from": "+14155550100", "to": ["+14155550101"] }),
            ),
        ];
        for (kind, stored) in rows {
            let read = ChannelConfig::parse(kind, "config", &stored)?;
            assert_eq!(read.to_json()?, stored, "{kind:?}");
        }
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
