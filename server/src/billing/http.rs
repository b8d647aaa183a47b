//! `POST /webhooks/stripe` and `POST /webhooks/polar`, routed in cloud mode only (a
//! self-hosted instance answers 404, as for any unknown path). A provider whose webhook
//! secret is not set answers 404 too.
//!
//! Answers: 200 for an event applied, recorded without effect, or seen before (the provider
//! stops retrying); 400 with a reason for a delivery that is not genuine, stale or not an event
//! (nothing written); 500 when applying failed (nothing written; the provider retries). The
//! answers never carry a secret or an expected signature. Bodies are bounded by the server's
//! request limit (1 MiB).

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use chrono::Utc;
use serde_json::json;

use super::webhook::{self, Outcome, ProviderEvent};
use super::{Rejection, enabled, polar, stripe};
use crate::standard_webhooks::{Headers, Key};
use crate::state::AppState;

/// The webhook routes (none outside cloud mode).
pub fn router(state: AppState) -> Router {
    if !enabled(&state.settings) {
        return Router::new();
    }
    Router::new()
        .route("/webhooks/stripe", post(stripe_webhook))
        .route("/webhooks/polar", post(polar_webhook))
        .with_state(state)
}

async fn stripe_webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(secret) = state.settings.billing.stripe_webhook_secret.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(signature) = header(&headers, "stripe-signature") else {
        return rejected(Rejection::Signature);
    };
    match stripe::parse(secret, &body, signature) {
        Ok(event) => apply(&state, &event).await,
        Err(rejection) => rejected(rejection),
    }
}

async fn polar_webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(secret) = state.settings.billing.polar_webhook_secret.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // The settings were checked at start-up; a secret that does not parse verifies nothing.
    let Some(key) = Key::parse(secret) else {
        return rejected(Rejection::Signature);
    };
    let signed = Headers {
        id: header(&headers, "webhook-id"),
        timestamp: header(&headers, "webhook-timestamp"),
        signature: header(&headers, "webhook-signature"),
    };
    match polar::parse(&key, signed, &body, Utc::now().timestamp()) {
        Ok(event) => apply(&state, &event).await,
        Err(rejection) => rejected(rejection),
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn rejected(rejection: Rejection) -> Response {
    let body = json!({ "error": { "code": "BAD_USER_INPUT", "message": rejection.message() } });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

async fn apply(state: &AppState, event: &ProviderEvent) -> Response {
    match webhook::process(state, event).await {
        Ok(outcome) => {
            let outcome = match outcome {
                Outcome::Applied => "applied",
                Outcome::Duplicate => "duplicate",
                Outcome::Skipped(_) => "skipped",
            };
            axum::Json(json!({ "received": true, "outcome": outcome })).into_response()
        }
        Err(err) => err.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    proptest! {
        /// Whatever arrives (any body, any header values), the parsers answer without panicking,
        /// and nothing unsigned is taken for an event.
        #[test]
        fn forged_deliveries_never_parse_and_never_panic(
            body in proptest::collection::vec(any::<u8>(), 0..512),
            id in "[ -~]{0,40}",
            timestamp in "[ -~]{0,12}",
            signature in "[ -~]{0,120}",
        ) {
            prop_assert!(stripe::parse(SECRET, &body, &signature).is_err());
            let key = Key::parse(SECRET).expect("the test secret");
            let headers = Headers {
                id: Some(&id),
                timestamp: Some(&timestamp),
                signature: Some(&signature),
            };
            prop_assert!(polar::parse(&key, headers, &body, Utc::now().timestamp()).is_err());
        }
    }
}
