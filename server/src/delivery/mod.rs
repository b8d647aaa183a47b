//! Notification delivery: the one place that sends email (SMTP or SendGrid), Slack, Discord,
//! Microsoft Teams, Telegram, generic webhooks and SMS (Twilio).
//!
//! Callers (alerts, callback actions, the provider test) build a [`Message`] and a [`Channel`]
//! (usually from a stored provider with [`crate::notification_provider::channel`]) and call
//! [`send`] for one attempt or [`send_with_retry`] for attempts with exponential backoff.
//!
//! Every URL goes through the outbound policy before it is requested, and the shared client
//! ([`crate::state::Inner::http`]) applies it again at connect time and on redirects. Errors
//! never carry secrets: reqwest errors lose their URL (which holds webhook and bot tokens),
//! and every message is scrubbed of the channel's secret values before it leaves this module.

pub mod action;
pub mod config;
mod discord;
mod email;
pub mod field;
pub mod signed;
mod slack;
mod sms;
mod teams;
mod telegram;
pub mod webhook;

use std::error::Error as _;
use std::fmt;
use std::time::Duration;

use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::state::AppState;

pub use webhook::{EVENT_HEADER, RESERVED_HEADERS, SIGNATURE_HEADER, signature};

/// Longest time one HTTP request of a delivery may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Longest time one [`send`] may take, whatever the channel (SMTP included).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// How much of an error response is kept in the error message.
const ERROR_BODY_CHARS: usize = 300;

/// How bad the news is; channels show it as a colour or a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Success,
    Warning,
    Critical,
}

impl Severity {
    /// `info`, `success`, `warning` or `critical`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Success => "success",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }

    /// The colour channels paint the message with, as `0xRRGGBB`.
    pub fn color(self) -> u32 {
        match self {
            Severity::Info => 0x3b82f6,
            Severity::Success => 0x22c55e,
            Severity::Warning => 0xf59e0b,
            Severity::Critical => 0xef4444,
        }
    }

    /// The colour as `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:06x}", self.color())
    }

    /// What plain-text channels put before the title (nothing for good news).
    fn prefix(self) -> &'static str {
        match self {
            Severity::Critical => "[CRITICAL] ",
            Severity::Warning => "[WARNING] ",
            Severity::Info | Severity::Success => "",
        }
    }
}

/// What to tell. Channels render it in their own format; the generic webhook sends all of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// What happened, as `area.event`: `monitor.down`, `monitor.up`, `job.failed`, ...
    pub event: String,
    /// One line.
    pub title: String,
    /// Plain text, may span lines.
    pub body: String,
    pub severity: Severity,
    /// Where to look (a page of the web app).
    pub link: Option<String>,
    /// Labelled facts shown under the body (`("Monitor", "api")`, `("Status", "503")`).
    pub fields: Vec<(String, String)>,
    /// Machine-readable details, sent as they are by the generic webhook only.
    pub data: serde_json::Value,
}

impl Message {
    /// The body, the fields one per line, and the link: the text of email, Telegram and SMS.
    fn plain_text(&self) -> String {
        let mut text = self.body.trim_end().to_owned();
        if !self.fields.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let lines: Vec<String> = self
                .fields
                .iter()
                .map(|(name, value)| format!("{name}: {value}"))
                .collect();
            text.push_str(&lines.join("\n"));
        }
        if let Some(link) = &self.link {
            text.push_str("\n\n");
            text.push_str(link);
        }
        text
    }
}

/// Where to send, with the secrets in clear: build it just before sending and drop it after.
/// Its `Debug` output shows no secret.
#[derive(Clone, PartialEq, Eq)]
pub enum Channel {
    /// Through the instance's SMTP server.
    Email { to: Vec<String> },
    /// Through SendGrid's v3 API; `from` is a mailbox (`Name <address>` or `address`).
    SendgridEmail {
        api_key: String,
        from: String,
        to: Vec<String>,
    },
    /// A Slack incoming webhook (or a Slack-compatible one: Mattermost, Rocket.Chat).
    Slack { webhook_url: String },
    /// A Discord channel webhook.
    Discord { webhook_url: String },
    /// A Microsoft Teams incoming webhook or Workflows webhook (an Adaptive Card is sent).
    Teams { webhook_url: String },
    /// A Telegram bot writing to a chat (`123456`, `-100123456` or `@channel`).
    Telegram { bot_token: String, chat_id: String },
    /// A JSON POST signed (Standard Webhooks headers and `X-Vigil-Signature`) when there is a
    /// secret.
    Webhook {
        url: String,
        secret: Option<String>,
        headers: Vec<(String, String)>,
    },
    /// Twilio SMS, one message per recipient; `from` and `to` are E.164 numbers.
    Sms {
        account_sid: String,
        auth_token: String,
        from: String,
        to: Vec<String>,
    },
}

impl Channel {
    /// A short name for logs and history: `email`, `sendgrid`, `slack`, ...
    pub fn kind(&self) -> &'static str {
        match self {
            Channel::Email { .. } => "email",
            Channel::SendgridEmail { .. } => "sendgrid",
            Channel::Slack { .. } => "slack",
            Channel::Discord { .. } => "discord",
            Channel::Teams { .. } => "teams",
            Channel::Telegram { .. } => "telegram",
            Channel::Webhook { .. } => "webhook",
            Channel::Sms { .. } => "sms",
        }
    }

    /// Every secret value this channel holds, to scrub from error messages.
    fn secrets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = match self {
            Channel::Email { .. } => vec![],
            Channel::SendgridEmail { api_key, .. } => vec![api_key],
            Channel::Slack { webhook_url }
            | Channel::Discord { webhook_url }
            | Channel::Teams { webhook_url } => {
                // The whole URL, and its path, which is where these services put the token.
                let mut v = vec![webhook_url.as_str()];
                if let Ok(url) = reqwest::Url::parse(webhook_url)
                    && url.path() != "/"
                    && let Some(start) = webhook_url.find(url.path())
                {
                    v.push(&webhook_url[start..]);
                }
                v
            }
            Channel::Telegram { bot_token, .. } => vec![bot_token],
            Channel::Webhook {
                secret, headers, ..
            } => {
                let mut v: Vec<&str> = headers.iter().map(|(_, value)| value.as_str()).collect();
                v.extend(secret.as_deref());
                v
            }
            Channel::Sms { auth_token, .. } => vec![auth_token],
        };
        // Very short values would scrub ordinary words; they are refused on input anyway.
        out.retain(|s| s.len() >= 6);
        out
    }

    /// The independent deliveries this channel makes: one per SMS recipient (so that a retry
    /// does not text again those who already got it), else the channel itself.
    fn parts(&self) -> Vec<Channel> {
        match self {
            Channel::Sms {
                account_sid,
                auth_token,
                from,
                to,
            } if to.len() > 1 => to
                .iter()
                .map(|number| Channel::Sms {
                    account_sid: account_sid.clone(),
                    auth_token: auth_token.clone(),
                    from: from.clone(),
                    to: vec![number.clone()],
                })
                .collect(),
            other => vec![other.clone()],
        }
    }
}

impl fmt::Debug for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Channel::Email { to } => f.debug_struct("Email").field("to", to).finish(),
            Channel::SendgridEmail { from, to, .. } => f
                .debug_struct("SendgridEmail")
                .field("from", from)
                .field("to", to)
                .finish_non_exhaustive(),
            Channel::Slack { .. } | Channel::Discord { .. } | Channel::Teams { .. } => {
                write!(f, "{}(..)", self.kind())
            }
            Channel::Telegram { chat_id, .. } => f
                .debug_struct("Telegram")
                .field("chat_id", chat_id)
                .finish_non_exhaustive(),
            Channel::Webhook { url, .. } => {
                let host = reqwest::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned))
                    .unwrap_or_default();
                f.debug_struct("Webhook")
                    .field("host", &host)
                    .finish_non_exhaustive()
            }
            Channel::Sms { from, to, .. } => f
                .debug_struct("Sms")
                .field("from", from)
                .field("to", to)
                .finish_non_exhaustive(),
        }
    }
}

/// A delivery the far end accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The HTTP status of the last response (none for SMTP).
    pub status: Option<u16>,
}

/// Why a delivery failed. The message is safe to store and show: it carries no secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryError {
    message: String,
    retryable: bool,
    status: Option<u16>,
    retry_after: Option<Duration>,
}

impl DeliveryError {
    /// A failure that trying again will not fix (bad request, bad credentials).
    pub(crate) fn permanent(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            retryable: false,
            status: None,
            retry_after: None,
        }
    }

    /// A failure that may pass (connection refused, timeout).
    pub(crate) fn transient(message: impl Into<String>) -> Self {
        Self {
            retryable: true,
            ..Self::permanent(message)
        }
    }

    /// A message for people: what failed and, for HTTP, the status and the start of the answer.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// True for 5xx, 429, timeouts and connection failures.
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// The HTTP status the far end answered with, if it answered.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    fn redact(mut self, secrets: &[&str]) -> Self {
        for secret in secrets {
            if self.message.contains(secret) {
                self.message = self.message.replace(secret, "****");
            }
        }
        self
    }
}

impl fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeliveryError {}

/// Sends `message` through `channel` once, within [`SEND_TIMEOUT`], as a message of its own
/// (a new `webhook-id`).
pub async fn send(
    state: &AppState,
    channel: &Channel,
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    send_as(
        state,
        channel,
        message,
        &signed::message_id(uuid::Uuid::now_v7()),
    )
    .await
}

/// Sends `message` through `channel` once, within [`SEND_TIMEOUT`], as message `id`: the
/// `webhook-id` a webhook carries, the same on every attempt of one delivery (the caller's
/// row), so that a receiver can drop duplicates.
pub async fn send_as(
    state: &AppState,
    channel: &Channel,
    message: &Message,
    id: &str,
) -> Result<Delivered, DeliveryError> {
    let sent = dispatch(state, channel, message, id);
    let result = match tokio::time::timeout(SEND_TIMEOUT, sent).await {
        Ok(result) => result,
        Err(_) => Err(DeliveryError::transient(format!(
            "{}: no answer within {} s",
            channel.kind(),
            SEND_TIMEOUT.as_secs()
        ))),
    };
    match result {
        Ok(delivered) => {
            tracing::debug!(channel = channel.kind(), event = %message.event, "delivered");
            Ok(delivered)
        }
        Err(err) => {
            let err = err.redact(&channel.secrets());
            tracing::debug!(channel = channel.kind(), event = %message.event, error = %err, "delivery failed");
            Err(err)
        }
    }
}

async fn dispatch(
    state: &AppState,
    channel: &Channel,
    message: &Message,
    id: &str,
) -> Result<Delivered, DeliveryError> {
    match channel {
        Channel::Email { to } => email::send_smtp(state, to, message).await,
        Channel::SendgridEmail { api_key, from, to } => {
            email::send_sendgrid(state, api_key, from, to, message).await
        }
        Channel::Slack { webhook_url } => slack::send(state, webhook_url, message).await,
        Channel::Discord { webhook_url } => discord::send(state, webhook_url, message).await,
        Channel::Teams { webhook_url } => teams::send(state, webhook_url, message).await,
        Channel::Telegram { bot_token, chat_id } => {
            telegram::send(state, bot_token, chat_id, message).await
        }
        Channel::Webhook {
            url,
            secret,
            headers,
        } => webhook::send(state, id, url, secret.as_deref(), headers, message).await,
        Channel::Sms {
            account_sid,
            auth_token,
            from,
            to,
        } => sms::send(state, account_sid, auth_token, from, to, message).await,
    }
}

/// Sends one mail to a member of a list (a status page subscriber: its page's sender and a
/// `List-Unsubscribe` header) through the instance's SMTP server, once, within
/// [`SEND_TIMEOUT`].
pub async fn send_list_mail(
    state: &AppState,
    mail: crate::mail::ListMail,
) -> Result<Delivered, DeliveryError> {
    match tokio::time::timeout(SEND_TIMEOUT, email::send_list(state, mail)).await {
        Ok(result) => result,
        Err(_) => Err(DeliveryError::transient(format!(
            "email: no answer within {} s",
            SEND_TIMEOUT.as_secs()
        ))),
    }
}

/// How often and how patiently [`send_with_retry`] tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (at least 1).
    pub max_attempts: u32,
    /// The wait after the first failure; it doubles after each further one.
    pub initial_delay: Duration,
    /// The longest wait between two attempts.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// Four attempts, waiting about 2, 4 and 8 seconds between them.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            initial_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retry.
    pub fn once() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The wait after failed attempt number `attempt` (1-based): the exponential delay with
    /// "equal jitter" (between half and all of it), so that many deliveries failing together
    /// do not come back together. A `Retry-After` the server asked for is honoured up to
    /// `max_delay`.
    fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        let exp = self
            .initial_delay
            .saturating_mul(factor)
            .min(self.max_delay);
        let jittered = exp.mul_f64(rand::rng().random_range(0.5..=1.0));
        match retry_after {
            Some(wanted) => jittered.max(wanted.min(self.max_delay)),
            None => jittered,
        }
    }
}

/// What [`send_with_retry`] ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The last attempt's result (for SMS to several numbers: the first failure, if any).
    pub result: Result<Delivered, DeliveryError>,
    /// Attempts made (for SMS to several numbers: the most any number needed).
    pub attempts: u32,
}

impl Outcome {
    pub fn is_success(&self) -> bool {
        self.result.is_ok()
    }

    /// The error message, if it failed.
    pub fn error(&self) -> Option<&str> {
        self.result.as_ref().err().map(DeliveryError::message)
    }
}

/// Sends `message`, trying again after retryable failures (5xx, 429, timeouts, connection
/// errors) with exponential backoff and jitter, up to `policy.max_attempts` attempts. Other
/// failures (4xx, bad settings) end it at once.
pub async fn send_with_retry(
    state: &AppState,
    channel: &Channel,
    message: &Message,
    policy: RetryPolicy,
) -> Outcome {
    let mut parts = channel.parts().into_iter();
    let mut outcome = match parts.next() {
        Some(first) => retry(state, &first, message, policy).await,
        None => return retry(state, channel, message, policy).await,
    };
    for part in parts {
        let next = retry(state, &part, message, policy).await;
        outcome.attempts = outcome.attempts.max(next.attempts);
        if outcome.result.is_ok() {
            outcome.result = next.result;
        }
    }
    outcome
}

async fn retry(
    state: &AppState,
    channel: &Channel,
    message: &Message,
    policy: RetryPolicy,
) -> Outcome {
    let max = policy.max_attempts.max(1);
    // One message, however many attempts: one `webhook-id`.
    let id = signed::message_id(uuid::Uuid::now_v7());
    let mut attempts = 0;
    loop {
        attempts += 1;
        let result = send_as(state, channel, message, &id).await;
        match &result {
            Err(err) if err.is_retryable() && attempts < max => {
                let wait = policy.delay(attempts, err.retry_after);
                tracing::info!(
                    channel = channel.kind(),
                    event = %message.event,
                    attempt = attempts,
                    error = %err,
                    wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                    "delivery failed, will retry"
                );
                tokio::time::sleep(wait).await;
            }
            _ => return Outcome { result, attempts },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the HTTP channels.

/// Checks `url` with the outbound policy; a refusal is a permanent delivery error that names
/// no part of the URL (it may hold a token).
fn checked_url(state: &AppState, what: &str, url: &str) -> Result<reqwest::Url, DeliveryError> {
    state
        .settings
        .outbound()
        .check_url("url", url)
        .map_err(|err| {
            let reason = match err {
                crate::error::AppError::Validation { message, .. } => message,
                _ => "is refused".into(),
            };
            DeliveryError::permanent(format!("the {what} URL {reason}"))
        })
}

/// Sends `request` (with [`REQUEST_TIMEOUT`]) and turns the answer into a delivery result:
/// 2xx delivered; 5xx and 429 retryable; other statuses permanent.
async fn execute(what: &str, request: reqwest::RequestBuilder) -> Result<Delivered, DeliveryError> {
    let response = request
        .timeout(REQUEST_TIMEOUT)
        .send()
        .await
        .map_err(|err| transport_error(what, err))?;
    answer(what, response).await
}

/// An answer as a delivery result: 2xx delivered; 5xx and 429 retryable; other statuses
/// permanent, with the status and the start of the body.
async fn answer(what: &str, response: reqwest::Response) -> Result<Delivered, DeliveryError> {
    let status = response.status();
    if status.is_success() {
        return Ok(Delivered {
            status: Some(status.as_u16()),
        });
    }
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let text = read_some(response).await;
    let mut message = format!("{what} answered HTTP {}", status.as_u16());
    if let Some(reason) = status.canonical_reason() {
        message.push(' ');
        message.push_str(reason);
    }
    let text = text.trim();
    if !text.is_empty() {
        message.push_str(": ");
        message.push_str(&truncate(text, ERROR_BODY_CHARS));
    }
    Err(DeliveryError {
        message,
        retryable: status.is_server_error() || status.as_u16() == 429,
        status: Some(status.as_u16()),
        retry_after,
    })
}

/// The first few kilobytes of a response body, as text.
async fn read_some(mut response: reqwest::Response) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < 4096 {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A failure before any answer: connection refused, DNS, TLS, timeout. The URL is dropped from
/// the error (it may hold a token); the causes are kept.
fn transport_error(what: &str, err: reqwest::Error) -> DeliveryError {
    let err = err.without_url();
    let summary = if err.is_timeout() {
        format!("{what}: no answer within {} s", REQUEST_TIMEOUT.as_secs())
    } else if err.is_connect() {
        format!("{what}: could not connect")
    } else if err.is_builder() {
        return DeliveryError::permanent(format!("{what}: the request could not be built"));
    } else {
        format!("{what}: the request failed")
    };
    let mut causes = Vec::new();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !causes.contains(&text) {
            causes.push(text);
        }
        source = cause.source();
    }
    let message = if causes.is_empty() {
        summary
    } else {
        format!("{summary} ({})", causes.join(": "))
    };
    DeliveryError::transient(message)
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_with_jitter_and_stay_capped() {
        let policy = RetryPolicy {
            max_attempts: 10,
            initial_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
        };
        for _ in 0..50 {
            let first = policy.delay(1, None);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = policy.delay(3, None);
            assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400));
            let late = policy.delay(30, None);
            assert!(late >= Duration::from_millis(500) && late <= Duration::from_millis(1000));
            let asked = policy.delay(1, Some(Duration::from_secs(5)));
            assert_eq!(asked, Duration::from_millis(1000), "Retry-After is capped");
        }
    }

    #[test]
    fn errors_are_scrubbed_of_secrets() {
        let channel = Channel::Slack {
            webhook_url: "https://hooks.slack.com/services/T000/B000/XXXXSECRET".into(),
        };
        let err = DeliveryError::permanent(
            "slack answered HTTP 404: no such hook /services/T000/B000/XXXXSECRET",
        )
        .redact(&channel.secrets());
        assert!(!err.message().contains("XXXXSECRET"), "{}", err.message());
        assert!(err.message().contains("HTTP 404"));
        let debug = format!("{channel:?}");
        assert!(!debug.contains("XXXXSECRET"), "{debug}");
        let sms = Channel::Sms {
            account_sid: "AC123".into(),
            auth_token: "twilio-token-123".into(),
            from: "+15550001111".into(),
            to: vec!["+15550002222".into()],
        };
        assert!(!format!("{sms:?}").contains("twilio-token-123"));
    }

    #[test]
    fn plain_text_has_body_fields_and_link() {
        let message = Message {
            event: "monitor.down".into(),
            title: "api is down".into(),
            body: "HTTP 503".into(),
            severity: Severity::Critical,
            link: Some("https://vigil.example/m/1".into()),
            fields: vec![("Monitor".into(), "api".into())],
            data: serde_json::json!({}),
        };
        assert_eq!(
            message.plain_text(),
            "HTTP 503\n\nMonitor: api\n\nhttps://vigil.example/m/1"
        );
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }

    #[test]
    fn sms_to_several_numbers_is_split() {
        let sms = Channel::Sms {
            account_sid: "AC1".into(),
            auth_token: "token".into(),
            from: "+15550001111".into(),
            to: vec!["+15550002222".into(), "+15550003333".into()],
        };
        let parts = sms.parts();
        assert_eq!(parts.len(), 2);
        assert!(
            matches!(&parts[1], Channel::Sms { to, .. } if to == &vec!["+15550003333".to_owned()])
        );
        let slack = Channel::Slack {
            webhook_url: "https://x".into(),
        };
        assert_eq!(slack.parts(), vec![slack.clone()]);
    }
}
