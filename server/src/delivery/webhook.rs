//! Generic webhooks: the whole message as JSON, signed when the provider has a secret.
//!
//! `X-Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, the
//! scheme of Stripe and Svix: the receiver recomputes the HMAC over the raw body, compares in
//! constant time, and refuses timestamps too far from its clock (replays).

use hmac::{Hmac, KeyInit, Mac};
use serde_json::json;
use sha2::Sha256;

use super::{Delivered, DeliveryError, Message, checked_url, execute};
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
    let url = checked_url(state, "webhook", url)?;
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
    let mut request = state.http.post(url);
    for (name, value) in headers {
        if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let name = reqwest::header::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            DeliveryError::permanent(format!("webhook: {name:?} is not a valid header name"))
        })?;
        let value = reqwest::header::HeaderValue::from_str(value).map_err(|_| {
            DeliveryError::permanent(format!("webhook: the value of header {name} is not valid"))
        })?;
        request = request.header(name, value);
    }
    request = request
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(EVENT_HEADER, message.event.as_str());
    if let Some(secret) = secret {
        request = request.header(SIGNATURE_HEADER, signature(secret, now.timestamp(), &body));
    }
    execute("webhook", request.body(body)).await
}
