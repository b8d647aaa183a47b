//! Billing test doubles: loopback stand-ins for Stripe's and Polar's APIs that record what
//! Vigil sends and answer as the real APIs do (the objects Stripe's published fixtures hold,
//! the fields Polar's schemas give), and webhook deliveries signed with each provider's
//! published algorithm: async-stripe-webhook's test header for Stripe, Standard Webhooks
//! (checked against the specification's test vector) for Polar.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};

use crate::TestApp;
use crate::receivers::Received;

/// Stripe's secret API key the test server is given.
pub const STRIPE_SECRET_KEY: &str = "sk_test_vigilSecretKey0123456789abcdef";
/// The signing secret of the test server's `/webhooks/stripe`.
pub const STRIPE_WEBHOOK_SECRET: &str = "whsec_vigilStripeWebhookSecret0123456789";
/// Polar's organization token the test server is given.
pub const POLAR_ACCESS_TOKEN: &str = "polar_oat_vigilAccessToken0123456789";
/// The Standard Webhooks secret of the test server's `/webhooks/polar`
/// (`whsec_` and the base64 of `vigil-polar-test-secret-0123456789`).
pub const POLAR_WEBHOOK_SECRET: &str = "whsec_dmlnaWwtcG9sYXItdGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==";
/// Every secret above, for checks that none leaks.
pub const SECRETS: [&str; 4] = [
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    POLAR_ACCESS_TOKEN,
    POLAR_WEBHOOK_SECRET,
];
/// The Stripe API version async-stripe 1.0.0-rc.10 renders and parses.
pub const STRIPE_API_VERSION: &str = "2026-09-30.endive";

type Responder = fn(&Received) -> (u16, Value);

struct Shared {
    requests: Mutex<Vec<Received>>,
    respond: Responder,
    /// Requests still to refuse with 503 (recorded all the same).
    failures: AtomicUsize,
}

/// An API stand-in on `127.0.0.1:0`; it runs until the test process ends.
#[derive(Clone)]
pub struct StandIn {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl StandIn {
    async fn start(respond: Responder) -> StandIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding a stand-in");
        let addr = listener.local_addr().expect("the stand-in's address");
        let shared = Arc::new(Shared {
            requests: Mutex::new(Vec::new()),
            respond,
            failures: AtomicUsize::new(0),
        });
        let app = Router::new().fallback(record).with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        StandIn { addr, shared }
    }

    /// Stripe's API: checkout sessions and billing portal sessions.
    pub async fn stripe() -> StandIn {
        Self::start(stripe_api).await
    }

    /// Polar's API: checkouts and customer sessions.
    pub async fn polar() -> StandIn {
        Self::start(polar_api).await
    }

    /// `http://127.0.0.1:{port}`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Answers the next `n` requests with 503, as a stand-in that is down would.
    pub fn fail_next(&self, n: usize) {
        self.shared.failures.store(n, Ordering::SeqCst);
    }

    /// The requests to `path` so far, oldest first.
    pub fn requests_to(&self, path: &str) -> Vec<Received> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<Received> {
        self.shared
            .requests
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default()
    }
}

async fn record(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Received {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        headers: headers
            .iter()
            .map(|(n, v)| {
                let value = String::from_utf8_lossy(v.as_bytes()).into_owned();
                (n.as_str().to_owned(), value)
            })
            .collect(),
        body: body.to_vec(),
    };
    let failing = shared
        .failures
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    let (status, answer) = if failing {
        (503, json!({ "detail": "Service Unavailable" }))
    } else {
        (shared.respond)(&received)
    };
    if let Ok(mut requests) = shared.requests.lock() {
        requests.push(received);
    }
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, answer.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}

fn fixture(name: &str) -> Value {
    let text = match name {
        "subscription" => include_str!("fixtures/stripe/subscription.json"),
        "checkout_session" => include_str!("fixtures/stripe/checkout_session.json"),
        "invoice" => include_str!("fixtures/stripe/invoice.json"),
        _ => include_str!("fixtures/stripe/billing_portal_session.json"),
    };
    serde_json::from_str(text).expect("a Stripe fixture")
}

fn stripe_error(status: u16, message: &str) -> (u16, Value) {
    (
        status,
        json!({ "error": { "type": "invalid_request_error", "message": message } }),
    )
}

/// Answers as Stripe's API does, for the two calls Vigil makes.
fn stripe_api(request: &Received) -> (u16, Value) {
    let bearer = format!("Bearer {STRIPE_SECRET_KEY}");
    if request.header("authorization") != Some(bearer.as_str()) {
        return stripe_error(401, "Invalid API Key provided: sk_test_****cdef");
    }
    match (request.method.as_str(), request.path.as_str()) {
        ("POST", "/v1/checkout/sessions") => {
            let mut session = fixture("checkout_session");
            session["id"] = json!("cs_test_vigil0001");
            session["url"] = json!("https://checkout.stripe.com/c/pay/cs_test_vigil0001");
            session["mode"] = json!("subscription");
            session["status"] = json!("open");
            session["payment_status"] = json!("unpaid");
            session["client_reference_id"] = json!(request.form_value("client_reference_id"));
            (200, session)
        }
        ("POST", "/v1/billing_portal/sessions") => {
            let mut session = fixture("billing_portal_session");
            session["id"] = json!("bps_test_vigil0001");
            session["customer"] = json!(request.form_value("customer"));
            session["url"] = json!("https://billing.stripe.com/p/session/test_vigil0001");
            (200, session)
        }
        _ => stripe_error(404, "Unrecognized request URL"),
    }
}

/// Answers as Polar's API does, for the three calls Vigil makes: checkouts, customer sessions
/// and event ingestion (which answers counts, `EventsIngestResponse`, not ids).
fn polar_api(request: &Received) -> (u16, Value) {
    let bearer = format!("Bearer {POLAR_ACCESS_TOKEN}");
    if request.header("authorization") != Some(bearer.as_str()) {
        return (
            401,
            json!({ "error": "invalid_token", "detail": "Unauthorized" }),
        );
    }
    let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
    match (request.method.as_str(), request.path.as_str()) {
        ("POST", "/v1/checkouts/") => (
            201,
            json!({
                "id": "3f1a7c52-8d7e-4f6b-9a3c-0d2e4b6f8a10",
                "status": "open",
                "client_secret": "polar_c_vigil0001",
                "url": "https://buy.polar.sh/polar_c_vigil0001",
                "expires_at": "2026-12-07T11:00:00Z",
                "success_url": body["success_url"],
                "metadata": body["metadata"],
                "product_id": body["products"][0],
                "customer_id": body["customer_id"],
                "external_customer_id": body["external_customer_id"],
            }),
        ),
        ("POST", "/v1/customer-sessions/") => (
            201,
            json!({
                "id": "7c2e9a41-5b3d-4e8f-a1c6-2f4b8d0e6a13",
                "token": "polar_cst_vigil0001",
                "expires_at": "2026-12-07T11:00:00Z",
                "return_url": body["return_url"],
                "customer_portal_url": "https://polar.sh/vigil/portal?customer_session_token=polar_cst_vigil0001",
                "customer_id": body["customer_id"],
            }),
        ),
        ("POST", "/v1/events/ingest") => match body["events"].as_array() {
            Some(events)
                if events.iter().all(|e| {
                    e["name"].is_string()
                        && (e["customer_id"].is_string() || e["external_customer_id"].is_string())
                }) =>
            {
                (200, json!({ "inserted": events.len(), "duplicates": 0 }))
            }
            _ => (
                422,
                json!({ "detail": [{ "loc": ["body", "events"], "msg": "invalid events" }] }),
            ),
        },
        _ => (404, json!({ "detail": "Not Found" })),
    }
}

/// Points `settings` at the stand-ins, with the test secrets.
pub fn configure(settings: &mut vigil::config::Settings, stripe: &StandIn, polar: &StandIn) {
    let billing = &mut settings.billing;
    billing.stripe_secret_key = Some(STRIPE_SECRET_KEY.into());
    billing.stripe_webhook_secret = Some(STRIPE_WEBHOOK_SECRET.into());
    billing.stripe_api_base = stripe.url();
    billing.polar_access_token = Some(POLAR_ACCESS_TOKEN.into());
    billing.polar_webhook_secret = Some(POLAR_WEBHOOK_SECRET.into());
    billing.polar_api_base = polar.url();
}

/// Now, in unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

// ---- Stripe events ----

/// A Stripe event envelope around `object`.
pub fn stripe_event(id: &str, kind: &str, created: i64, object: Value) -> String {
    json!({
        "id": id,
        "object": "event",
        "api_version": STRIPE_API_VERSION,
        "created": created,
        "livemode": false,
        "pending_webhooks": 1,
        "request": { "id": null, "idempotency_key": null },
        "type": kind,
        "data": { "object": object },
    })
    .to_string()
}

/// A completed subscription checkout of Vigil's (as Vigil creates them: the organization as
/// `client_reference_id` and in the metadata, the plan in the metadata).
pub fn stripe_checkout(org: &str, plan: &str, customer: &str, subscription: &str) -> Value {
    let mut session = fixture("checkout_session");
    session["id"] = json!("cs_test_completed");
    session["mode"] = json!("subscription");
    session["status"] = json!("complete");
    session["payment_status"] = json!("paid");
    session["client_reference_id"] = json!(org);
    session["customer"] = json!(customer);
    session["subscription"] = json!(subscription);
    session["metadata"] = json!({ "organizationId": org, "planId": plan });
    session
}

/// What a Stripe subscription says.
#[derive(Debug, Clone)]
pub struct StripeSub<'a> {
    pub id: &'a str,
    pub customer: &'a str,
    pub price: &'a str,
    /// `active`, `past_due`, `canceled`, …
    pub status: &'a str,
    pub org: Option<&'a str>,
    pub cancel_at_period_end: bool,
    pub period_end: i64,
}

/// A subscription object as Stripe renders it.
pub fn stripe_subscription(sub: &StripeSub<'_>) -> Value {
    let mut object = fixture("subscription");
    object["id"] = json!(sub.id);
    object["customer"] = json!(sub.customer);
    object["status"] = json!(sub.status);
    object["cancel_at_period_end"] = json!(sub.cancel_at_period_end);
    object["cancel_at"] = Value::Null;
    object["canceled_at"] = Value::Null;
    object["ended_at"] = Value::Null;
    object["metadata"] = match sub.org {
        Some(org) => json!({ "organizationId": org, "planId": "ignored" }),
        None => json!({}),
    };
    let item = &mut object["items"]["data"][0];
    item["subscription"] = json!(sub.id);
    item["price"]["id"] = json!(sub.price);
    item["current_period_start"] = json!(sub.period_end - 30 * 86_400);
    item["current_period_end"] = json!(sub.period_end);
    object
}

/// An invoice of subscription `subscription`.
pub fn stripe_invoice(customer: &str, subscription: &str, org: Option<&str>) -> Value {
    let mut invoice = fixture("invoice");
    invoice["id"] = json!("in_test_vigil");
    invoice["customer"] = json!(customer);
    invoice["parent"] = json!({
        "type": "subscription_details",
        "quote_details": null,
        "subscription_details": {
            "subscription": subscription,
            "metadata": org.map(|o| json!({ "organizationId": o })),
            "subscription_proration_date": null,
        },
    });
    invoice
}

/// The `Stripe-Signature` of `payload` signed at `at` with `secret`, by async-stripe-webhook.
pub fn stripe_signature(payload: &str, secret: &str, at: i64) -> String {
    stripe_webhook::Webhook::generate_test_header(payload, secret, Some(at))
}

/// POSTs `payload` to `/webhooks/stripe` with `signature` (none when `None`).
pub async fn post_stripe(app: &TestApp, payload: &str, signature: Option<&str>) -> (u16, String) {
    let mut request = app
        .http
        .post(format!("{}/webhooks/stripe", app.url))
        .header("content-type", "application/json")
        .body(payload.to_owned());
    if let Some(signature) = signature {
        request = request.header("stripe-signature", signature);
    }
    let response = request.send().await.expect("posting to /webhooks/stripe");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// POSTs `payload`, signed now with the test secret, to `/webhooks/stripe`.
pub async fn deliver_stripe(app: &TestApp, payload: &str) -> (u16, String) {
    let signature = stripe_signature(payload, STRIPE_WEBHOOK_SECRET, now());
    post_stripe(app, payload, Some(&signature)).await
}

// ---- Polar events ----

/// The Standard Webhooks signature (`v1,<base64>`) of a message, written here from the
/// specification rather than taken from Vigil.
pub fn standard_signature(secret: &str, id: &str, at: i64, body: &str) -> String {
    let key = match secret.strip_prefix("whsec_") {
        Some(encoded) => STANDARD.decode(encoded).expect("a base64 secret"),
        None => secret.as_bytes().to_vec(),
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).expect("an HMAC key");
    mac.update(format!("{id}.{at}.{body}").as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// A Polar webhook body.
pub fn polar_event(kind: &str, timestamp: &str, data: Value) -> String {
    json!({ "type": kind, "timestamp": timestamp, "data": data }).to_string()
}

/// What a Polar subscription says.
#[derive(Debug, Clone)]
pub struct PolarSub<'a> {
    pub id: &'a str,
    pub customer: &'a str,
    pub product: &'a str,
    /// `active`, `past_due`, `canceled`, `incomplete`, …
    pub status: &'a str,
    pub org: &'a str,
    pub cancel_at_period_end: bool,
}

/// A subscription object as Polar's schema gives it.
pub fn polar_subscription(sub: &PolarSub<'_>) -> Value {
    json!({
        "id": sub.id,
        "created_at": "2026-12-01T00:00:00Z",
        "modified_at": "2026-12-01T00:00:00Z",
        "amount": 4900,
        "currency": "usd",
        "recurring_interval": "month",
        "recurring_interval_count": 1,
        "status": sub.status,
        "current_period_start": "2026-12-01T00:00:00Z",
        "current_period_end": "2027-01-01T00:00:00Z",
        "trial_start": null,
        "trial_end": null,
        "cancel_at_period_end": sub.cancel_at_period_end,
        "canceled_at": null,
        "started_at": "2026-12-01T00:00:00Z",
        "ends_at": null,
        "ended_at": null,
        "customer_id": sub.customer,
        "product_id": sub.product,
        "discount_id": null,
        "checkout_id": "3f1a7c52-8d7e-4f6b-9a3c-0d2e4b6f8a10",
        "customer_cancellation_reason": null,
        "customer_cancellation_comment": null,
        "metadata": { "organizationId": sub.org },
        "custom_field_data": {},
        "customer": {
            "id": sub.customer,
            "external_id": sub.org,
            "email": "owner@example.com",
            "name": null,
            "metadata": {},
        },
        "product": { "id": sub.product, "name": "Pro", "is_recurring": true },
        "discount": null,
        "prices": [],
        "meters": [],
    })
}

/// A paid order of a subscription, as Polar's schema gives it.
pub fn polar_order(subscription: &str, customer: &str, product: &str, org: &str) -> Value {
    json!({
        "id": "9b7d5e3c-1a2f-4c6e-8b0d-4f6a8c0e2b14",
        "created_at": "2026-12-01T00:00:00Z",
        "status": "paid",
        "paid": true,
        "billing_reason": "subscription_cycle",
        "subtotal_amount": 4900,
        "total_amount": 4900,
        "currency": "usd",
        "customer_id": customer,
        "product_id": product,
        "subscription_id": subscription,
        "checkout_id": null,
        "metadata": { "organizationId": org },
        "customer": { "id": customer, "external_id": org, "email": "owner@example.com" },
    })
}

/// POSTs `body` to `/webhooks/polar` with the given Standard Webhooks headers.
pub async fn post_polar(
    app: &TestApp,
    body: &str,
    id: Option<&str>,
    at: Option<i64>,
    signature: Option<&str>,
) -> (u16, String) {
    let mut request = app
        .http
        .post(format!("{}/webhooks/polar", app.url))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(id) = id {
        request = request.header("webhook-id", id);
    }
    if let Some(at) = at {
        request = request.header("webhook-timestamp", at.to_string());
    }
    if let Some(signature) = signature {
        request = request.header("webhook-signature", signature);
    }
    let response = request.send().await.expect("posting to /webhooks/polar");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// POSTs `body` as delivery `id`, signed now with the test secret, to `/webhooks/polar`.
pub async fn deliver_polar(app: &TestApp, id: &str, body: &str) -> (u16, String) {
    let at = now();
    let signature = standard_signature(POLAR_WEBHOOK_SECRET, id, at, body);
    post_polar(app, body, Some(id), Some(at), Some(&signature)).await
}
