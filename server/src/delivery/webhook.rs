//! Generic webhooks: the whole message as JSON, signed when the provider has a secret (the
//! Standard Webhooks headers and `X-Vigil-Signature`, see [`super::signed`]).
//!
//! `X-Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` is the
//! scheme of Stripe: the receiver recomputes the HMAC over the raw body, compares in constant
//! time, and refuses timestamps too far from its clock (replays). [`signature`] and
//! [`verify_timestamped`] are its one implementation, for what Vigil sends and for callbacks
//! that require a `Stripe-Signature`.

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

/// Headers a provider may not set: the transport's, and Vigil's own (the signatures'
/// included, so that a header of the config cannot stand in for one).
pub const RESERVED_HEADERS: [&str; 9] = [
    "content-type",
    "content-length",
    "host",
    "transfer-encoding",
    "x-vigil-signature",
    "x-vigil-event",
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
];

/// The HMAC-SHA256 of `"{timestamp}.{body}"` with `secret`'s bytes.
fn timestamped_mac(secret: &[u8], timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The value of [`SIGNATURE_HEADER`] for `body` sent at `timestamp` (unix seconds).
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mac = timestamped_mac(secret.as_bytes(), timestamp, body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// Why a `t=…,v1=…` signature is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No `t=` with an integer, or no `v1=`.
    BadHeader,
    /// No `v1` signature matches.
    BadSignature,
    /// The signed time is further from `now` than the tolerance.
    Stale,
}

/// Checks a `t=<unix seconds>,v1=<hex>[,v1=<hex>…]` header (Stripe's `Stripe-Signature`,
/// Vigil's `X-Vigil-Signature`) over the raw `body` at `now`: any `v1` matching is enough
/// (Stripe sends several while a secret rolls), compared in constant time; the signature is
/// checked before the time, so an unsigned request learns nothing about the clock.
pub fn verify_timestamped(
    secret: &str,
    header: &str,
    body: &[u8],
    now: i64,
    tolerance_seconds: i64,
) -> Result<(), Refused> {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for pair in header.split(',') {
        match pair.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v1)) => candidates.push(v1),
            _ => {}
        }
    }
    let Some(timestamp) = timestamp.filter(|_| !candidates.is_empty()) else {
        return Err(Refused::BadHeader);
    };
    let mac = timestamped_mac(secret.as_bytes(), timestamp, body);
    let matches = candidates
        .iter()
        .filter_map(|c| hex::decode(c).ok())
        .any(|tag| mac.clone().verify_slice(&tag).is_ok());
    if !matches {
        return Err(Refused::BadSignature);
    }
    if (now - timestamp).abs() > tolerance_seconds {
        return Err(Refused::Stale);
    }
    Ok(())
}

/// Sends `message` once, as message `id` (`webhook-id`).
pub(super) async fn send(
    state: &AppState,
    id: &str,
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
        id: id.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamped_signatures_verify_within_the_tolerance_only() {
        let body = br#"{"id":"evt_1"}"#;
        let header = signature("whsec_stripe", 1_700_000_000, body);
        let check = |header: &str, body: &[u8], now| {
            verify_timestamped("whsec_stripe", header, body, now, 300)
        };
        assert_eq!(check(&header, body, 1_700_000_300), Ok(()));
        assert_eq!(check(&header, body, 1_700_000_301), Err(Refused::Stale));
        assert_eq!(
            check(&header, b"{}", 1_700_000_000),
            Err(Refused::BadSignature)
        );
        let rolled = format!("{header},v1=00ff,v0=abc");
        assert_eq!(check(&rolled, body, 1_700_000_000), Ok(()));
        let other = signature("another", 1_700_000_000, body);
        assert_eq!(
            check(&other, body, 1_700_000_000),
            Err(Refused::BadSignature)
        );
        for broken in ["", "t=1700000000", "v1=00", "t=soon,v1=00"] {
            assert_eq!(check(broken, body, 1_700_000_000), Err(Refused::BadHeader));
        }
    }
}
