//! The config of a callback action, one struct per type. The channel actions (Slack,
//! Discord, email, SMS) hold a channel's settings in `channel`, the same
//! [`super::config::ChannelConfig`] notification providers store; `STORE` and `QUEUE` are
//! actions only. The rules that need the callback domain (templates, queue names) are checked
//! by `crate::callback::action`.
//!
//! Every type takes `maxAttempts` (1-10, stored as 3 when not given) and `retryDelaySeconds`
//! (1-3600, stored as 5).

use entity::actions::ActionType;
use entity::notification_providers::NotificationProviderType;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::field::{self, ActionHeaders, Str, Whole};
use crate::error::AppResult;

/// Attempts of an execution.
pub type MaxAttempts = Whole<1, 10>;
/// Seconds before the first retry (then doubled).
pub type RetryDelay = Whole<1, 3600>;

/// `HTTP_POST`: a signed POST of the trigger's body (or a template).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HttpPostConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Str>,
    /// Credential headers are sealed, the others stored as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headers: Option<ActionHeaders>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Str>,
    /// Sealed; signs the body (Standard Webhooks headers and `X-Vigil-Signature`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<MaxAttempts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_seconds: Option<RetryDelay>,
}

/// `SLACK`, `DISCORD` and `SMS`: a message through a channel.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MessageConfig {
    /// The channel's settings, read for the action's type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<MaxAttempts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_seconds: Option<RetryDelay>,
}

/// `EMAIL`: a message with a subject through an email channel.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmailMessageConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<MaxAttempts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_seconds: Option<RetryDelay>,
}

/// `STORE`: the trigger's body kept under a key (a template).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoreConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<MaxAttempts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_seconds: Option<RetryDelay>,
}

/// `QUEUE`: the trigger's body added to a project queue.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QueueConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<MaxAttempts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_seconds: Option<RetryDelay>,
}

/// An action's config, by type.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionConfig {
    HttpPost(HttpPostConfig),
    Slack(MessageConfig),
    Discord(MessageConfig),
    Email(EmailMessageConfig),
    Sms(MessageConfig),
    Store(StoreConfig),
    Queue(QueueConfig),
}

/// The channel kind of a channel action.
pub fn channel_kind(kind: ActionType) -> Option<NotificationProviderType> {
    match kind {
        ActionType::Slack => Some(NotificationProviderType::Slack),
        ActionType::Discord => Some(NotificationProviderType::Discord),
        ActionType::Email => Some(NotificationProviderType::Email),
        ActionType::Sms => Some(NotificationProviderType::Sms),
        ActionType::HttpPost | ActionType::Store | ActionType::Queue => None,
    }
}

impl ActionConfig {
    /// Reads a config of `kind` (as given, or as stored); errors name `config.{key}`.
    pub fn parse(kind: ActionType, value: &Value) -> AppResult<Self> {
        let owner = format!("{kind:?} actions");
        let read = |v| -> AppResult<MessageConfig> { field::parse("config", &owner, v) };
        Ok(match kind {
            ActionType::HttpPost => Self::HttpPost(field::parse("config", &owner, value)?),
            ActionType::Slack => Self::Slack(read(value)?),
            ActionType::Discord => Self::Discord(read(value)?),
            ActionType::Sms => Self::Sms(read(value)?),
            ActionType::Email => Self::Email(field::parse("config", &owner, value)?),
            ActionType::Store => Self::Store(field::parse("config", &owner, value)?),
            ActionType::Queue => Self::Queue(field::parse("config", &owner, value)?),
        })
    }

    /// The JSON object it is stored as.
    pub fn to_json(&self) -> AppResult<Value> {
        match self {
            Self::HttpPost(c) => field::to_json(c),
            Self::Slack(c) | Self::Discord(c) | Self::Sms(c) => field::to_json(c),
            Self::Email(c) => field::to_json(c),
            Self::Store(c) => field::to_json(c),
            Self::Queue(c) => field::to_json(c),
        }
    }

    fn retry_fields(&mut self) -> (&mut Option<MaxAttempts>, &mut Option<RetryDelay>) {
        match self {
            Self::HttpPost(c) => (&mut c.max_attempts, &mut c.retry_delay_seconds),
            Self::Slack(c) | Self::Discord(c) | Self::Sms(c) => {
                (&mut c.max_attempts, &mut c.retry_delay_seconds)
            }
            Self::Email(c) => (&mut c.max_attempts, &mut c.retry_delay_seconds),
            Self::Store(c) => (&mut c.max_attempts, &mut c.retry_delay_seconds),
            Self::Queue(c) => (&mut c.max_attempts, &mut c.retry_delay_seconds),
        }
    }

    /// Attempts in all and the first retry's delay in seconds (3 and 5 when not set).
    pub fn retry(&self) -> (i64, i64) {
        let (max, delay) = match self {
            Self::HttpPost(c) => (c.max_attempts, c.retry_delay_seconds),
            Self::Slack(c) | Self::Discord(c) | Self::Sms(c) => {
                (c.max_attempts, c.retry_delay_seconds)
            }
            Self::Email(c) => (c.max_attempts, c.retry_delay_seconds),
            Self::Store(c) => (c.max_attempts, c.retry_delay_seconds),
            Self::Queue(c) => (c.max_attempts, c.retry_delay_seconds),
        };
        (max.map_or(3, |m| m.0), delay.map_or(5, |d| d.0))
    }

    /// The same config with both retry settings written out, as checked configs are stored.
    pub fn with_retry_defaults(mut self) -> Self {
        let (max, delay) = self.retry();
        let (m, d) = self.retry_fields();
        *m = Some(Whole(max));
        *d = Some(Whole(delay));
        self
    }

    /// The `channel` of a channel action.
    pub fn channel_mut(&mut self) -> Option<&mut Option<Value>> {
        match self {
            Self::Slack(c) | Self::Discord(c) | Self::Sms(c) => Some(&mut c.channel),
            Self::Email(c) => Some(&mut c.channel),
            _ => None,
        }
    }

    /// The channel settings, subject and message of a channel action.
    pub fn channel(&self) -> Option<(Option<&Value>, Option<&str>, Option<&str>)> {
        match self {
            Self::Slack(c) | Self::Discord(c) | Self::Sms(c) => {
                Some((c.channel.as_ref(), None, Str::get(&c.message)))
            }
            Self::Email(c) => Some((
                c.channel.as_ref(),
                Str::get(&c.subject),
                Str::get(&c.message),
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Rows written before configs were typed read back, and write back, unchanged.
    #[test]
    fn stored_actions_of_every_type_round_trip() -> AppResult<()> {
        let rows = [
            (
                ActionType::HttpPost,
                json!({ "maxAttempts": 3, "retryDelaySeconds": 5, "url": "https://example.com/a",
                        "headers": { "Authorization": "v2:x", "X-Team": "ops" },
                        "body": "{{request.raw}}", "secret": "v2:s" }),
            ),
            (
                ActionType::Email,
                json!({ "maxAttempts": 2, "retryDelaySeconds": 60,
                        "channel": { "to": ["ops@example.com"] }, "subject": "s", "message": "m" }),
            ),
            (
                ActionType::Slack,
                json!({ "maxAttempts": 3, "retryDelaySeconds": 5,
                        "channel": { "webhookUrl": "v2:x" }, "message": "m" }),
            ),
            (
                ActionType::Store,
                json!({ "maxAttempts": 3, "retryDelaySeconds": 5, "key": "k" }),
            ),
            (
                ActionType::Queue,
                json!({ "maxAttempts": 3, "retryDelaySeconds": 5, "queue": "orders" }),
            ),
        ];
        for (kind, stored) in rows {
            let read = ActionConfig::parse(kind, &stored)?;
            assert_eq!(read.to_json()?, stored, "{kind:?}");
        }
        let bare = ActionConfig::parse(ActionType::Store, &json!({}))?;
        assert_eq!(bare.retry(), (3, 5));
        assert_eq!(
            bare.with_retry_defaults().to_json()?,
            json!({ "maxAttempts": 3, "retryDelaySeconds": 5 })
        );
        Ok(())
    }
}
