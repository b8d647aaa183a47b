//! Generic webhooks: the whole message as JSON, signed when the provider has a secret.
//!
//! `X-Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, the
//! scheme of Stripe and Svix: the receiver recomputes the HMAC over the raw body, compares in
//! constant time, and refuses timestamps too far from its clock (replays).

use hmac::{Hmac, KeyInit, Mac};
use serde_json::json;
use sha2::Sha256;

use super::signed::{PostError, SignedPost};
use super::{Delivered, DeliveryError, Message, REQUEST_TIMEOUT, answer, transport_error};
use crate::state::AppState;

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "X-Vigil-Signature";
/// The header that names the event, for receivers that route before parsing.
pub const EVENT_HEADER: &str = "X-Vigil-Event";

/// Headers a provider may not set: the transport's, and Vigil's own.
pub const RESERVED_HEADERS: [&str; 6] = [
    "content-type",
    "content-length",
    "host",
    "transfer-encoding",
    "x-vigil-signature",
    "x-vigil-event",
];

/// The value of [`SIGNATURE_HEADER`] for `body` sent at `timestamp` (unix seconds).
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

pub(super) async fn send(
    state: &AppState,
    url: &str,
    secret: Option<&str>,
    headers: &[(String, String)],
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    let now = chrono::Utc::now();
    let payload = json!({
        "event": message.event,
        "title": message.title,
        "body": message.body,
        "severity": message.severity,
        "link": message.link,
        "fields": message
            .fields
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect::<Vec<_>>(),
        "data": message.data,
        "timestamp": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    });
    let body = serde_json::to_vec(&payload)
        .map_err(|_| DeliveryError::permanent("webhook: the message is not valid JSON"))?;
    let mut sent = Vec::with_capacity(headers.len() + 2);
    for (name, value) in headers {
        if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let name = reqwest::header::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            DeliveryError::permanent(format!("webhook: {name:?} is not a valid header name"))
        })?;
        if reqwest::header::HeaderValue::from_str(value).is_err() {
            return Err(DeliveryError::permanent(format!(
                "webhook: the value of header {name} is not valid"
            )));
        }
        sent.push((name.to_string(), value.clone()));
    }
    sent.push((
        reqwest::header::CONTENT_TYPE.to_string(),
        "application/json".into(),
    ));
    sent.push((EVENT_HEADER.into(), message.event.clone()));
    let post = SignedPost {
        url,
        headers: sent,
        body,
        secret,
        timestamp: now.timestamp(),
        timeout: REQUEST_TIMEOUT,
    };
    match post.send(state).await {
        Ok(response) => answer("webhook", response).await,
        Err(PostError::Refused(reason)) => Err(DeliveryError::permanent(format!(
            "the webhook URL {reason}"
        ))),
        Err(PostError::Transport(err)) => Err(transport_error("webhook", err)),
    }
}
