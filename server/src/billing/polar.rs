//! Polar: checkout and customer portal links through its API (`POST /v1/checkouts/`,
//! `POST /v1/customer-sessions/`, bearer organization token), and the webhook's events
//! (Standard Webhooks signatures) in Vigil's terms.
//!
//! The shapes follow Polar's API schemas (`Subscription`, `Order`, the webhook payload
//! `{type, timestamp, data}`). Where Polar leaves room, Vigil chose:
//! - the event's time is the payload's `timestamp` (when Polar created the event), falling
//!   back to the signed `webhook-timestamp`, which is the time of the delivery attempt;
//! - an `order.created` counts as a payment only when the order is already `paid`
//!   (`order.paid` follows once it is);
//! - the organization is read from `metadata.organizationId` (copied from the checkout) and
//!   from the customer's `external_id` (set to the organization id at checkout).

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::subscriptions::SubscriptionProvider;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::webhook::{Change, Parties, Product, ProviderEvent, Status, SubscriptionState};
use super::{Rejection, TOLERANCE_SECONDS};
use crate::config::BillingSettings;
use crate::error::{AppError, AppResult};
use crate::standard_webhooks::{self, Headers, Key, Refused};

/// The metadata key that carries the organization id (API.md).
const ORGANIZATION_KEY: &str = "organizationId";
/// The metadata key that carries the plan a checkout sells.
const PLAN_KEY: &str = "planId";

/// An HTTP client for Polar's API. Built per request: links are rare, and nothing is built on
/// an instance that never bills. Polar is the operator's service, not a tenant's target, so
/// the outbound policy for tenants' URLs does not apply.
fn client() -> AppResult<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("building the Polar client: {e}")))
}

/// POSTs `body` to Polar's `path` and returns the answer's JSON; a refusal names Polar's
/// status, never the token.
pub(super) async fn post(settings: &BillingSettings, path: &str, body: Value) -> AppResult<Value> {
    let token = settings
        .polar_access_token
        .as_deref()
        .ok_or_else(|| AppError::invalid("Polar is not configured on this instance"))?;
    let url = format!("{}{path}", settings.polar_api_base.trim_end_matches('/'));
    let response = client()?
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("calling Polar: {}", e.without_url())))?;
    let status = response.status();
    if !status.is_success() {
        return Err(AppError::Internal(anyhow::anyhow!(
            "Polar answered {status} to {path}"
        )));
    }
    response
        .json()
        .await
        .map_err(|_| AppError::Internal(anyhow::anyhow!("Polar's answer to {path} is not JSON")))
}

/// A subscription checkout to open.
#[derive(Debug, Clone)]
pub struct CheckoutRequest<'a> {
    pub organization_id: Uuid,
    pub plan_id: Uuid,
    pub product: &'a str,
    /// The organization's Polar customer, reused when it has one.
    pub customer: Option<&'a str>,
    pub email: Option<&'a str>,
    pub success_url: String,
}

/// Opens a checkout; its URL.
pub async fn checkout(
    settings: &BillingSettings,
    request: CheckoutRequest<'_>,
) -> AppResult<String> {
    let mut body = json!({
        "products": [request.product],
        "success_url": request.success_url,
        "metadata": {
            ORGANIZATION_KEY: request.organization_id.to_string(),
            PLAN_KEY: request.plan_id.to_string(),
        },
    });
    if let Value::Object(map) = &mut body {
        match (request.customer, request.email) {
            (Some(customer), _) => {
                map.insert("customer_id".into(), customer.into());
            }
            (None, email) => {
                map.insert(
                    "external_customer_id".into(),
                    request.organization_id.to_string().into(),
                );
                if let Some(email) = email {
                    map.insert("customer_email".into(), email.into());
                }
            }
        }
    }
    let answer = post(settings, "/v1/checkouts/", body).await?;
    text(&answer, "url")
}

/// Opens a customer portal session for the organization's Polar customer (by Polar's id when
/// Vigil has it, else by the external id its checkout set); its URL.
pub async fn portal(
    settings: &BillingSettings,
    customer: Option<&str>,
    organization_id: Uuid,
    return_url: String,
) -> AppResult<String> {
    let body = match customer {
        Some(customer) => json!({ "customer_id": customer, "return_url": return_url }),
        None => json!({
            "external_customer_id": organization_id.to_string(),
            "return_url": return_url,
        }),
    };
    let answer = post(settings, "/v1/customer-sessions/", body).await?;
    text(&answer, "customer_portal_url")
}

fn text(answer: &Value, field: &str) -> AppResult<String> {
    answer[field]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("Polar's answer has no {field}")))
}

/// Verifies a delivery with the endpoint's key at `now` (unix seconds) and reads its event.
pub fn parse(
    key: &Key,
    headers: Headers<'_>,
    body: &[u8],
    now: i64,
) -> Result<ProviderEvent, Rejection> {
    let signed = standard_webhooks::verify(key, headers, body, now, TOLERANCE_SECONDS);
    let id = signed.map_err(|refused| match refused {
        Refused::Stale => Rejection::Stale,
        Refused::BadHeaders | Refused::BadSignature => Rejection::Signature,
    })?;
    let payload: Payload = serde_json::from_slice(body).map_err(|_| Rejection::Malformed)?;
    let sent = headers
        .timestamp
        .and_then(|t| t.trim().parse().ok())
        .and_then(|t| DateTime::from_timestamp(t, 0));
    let created = payload.timestamp.or(sent).ok_or(Rejection::Malformed)?;
    let change = change(&payload.kind, payload.data)?;
    Ok(ProviderEvent {
        provider: SubscriptionProvider::Polar,
        id: id.to_owned(),
        kind: payload.kind,
        created,
        change,
    })
}

/// A webhook's body.
#[derive(Debug, Deserialize)]
struct Payload {
    #[serde(rename = "type")]
    kind: String,
    timestamp: Option<DateTime<Utc>>,
    data: Value,
}

/// Polar's `Subscription`, the fields Vigil reads.
#[derive(Debug, Deserialize)]
struct PolarSubscription {
    id: String,
    status: String,
    current_period_start: Option<DateTime<Utc>>,
    current_period_end: Option<DateTime<Utc>>,
    #[serde(default)]
    cancel_at_period_end: bool,
    customer_id: Option<String>,
    product_id: Option<String>,
    #[serde(default)]
    metadata: Map<String, Value>,
    customer: Option<PolarCustomer>,
}

/// Polar's `Order`, the fields Vigil reads.
#[derive(Debug, Deserialize)]
struct PolarOrder {
    status: Option<String>,
    #[serde(default)]
    paid: bool,
    customer_id: Option<String>,
    subscription_id: Option<String>,
    #[serde(default)]
    metadata: Map<String, Value>,
    customer: Option<PolarCustomer>,
}

#[derive(Debug, Deserialize)]
struct PolarCustomer {
    external_id: Option<String>,
}

fn read<T: serde::de::DeserializeOwned>(data: Value) -> Result<T, Rejection> {
    serde_json::from_value(data).map_err(|_| Rejection::Malformed)
}

fn change(kind: &str, data: Value) -> Result<Change, Rejection> {
    Ok(match kind {
        "subscription.created"
        | "subscription.updated"
        | "subscription.active"
        | "subscription.canceled"
        | "subscription.uncanceled"
        | "subscription.past_due" => subscription(read(data)?, false),
        "subscription.revoked" => subscription(read(data)?, true),
        "order.paid" => order(read(data)?, true),
        "order.created" => {
            let order: PolarOrder = read(data)?;
            let paid = order.paid || order.status.as_deref() == Some("paid");
            if paid {
                self::order(order, true)
            } else {
                Change::Ignored
            }
        }
        _ => Change::Ignored,
    })
}

/// The organization an object names: its metadata, else its customer's external id.
fn organization_in(
    metadata: &Map<String, Value>,
    customer: Option<&PolarCustomer>,
) -> Option<Uuid> {
    metadata
        .get(ORGANIZATION_KEY)
        .and_then(Value::as_str)
        .or_else(|| customer.and_then(|c| c.external_id.as_deref()))
        .and_then(|id| Uuid::parse_str(id).ok())
}

fn subscription(sub: PolarSubscription, revoked: bool) -> Change {
    let status = if revoked {
        Status::Ended
    } else {
        match sub.status.as_str() {
            "active" | "trialing" => Status::Active,
            "past_due" => Status::PastDue,
            "canceled" | "unpaid" | "incomplete_expired" => Status::Ended,
            _ => Status::Pending,
        }
    };
    Change::Subscription(SubscriptionState {
        parties: Parties {
            organization_id: organization_in(&sub.metadata, sub.customer.as_ref()),
            customer_id: sub.customer_id,
            subscription_id: Some(sub.id),
        },
        product: sub
            .product_id
            .map_or(Product::Unknown, Product::PolarProduct),
        status,
        period_start: sub.current_period_start,
        period_end: sub.current_period_end,
        cancel_at_period_end: Some(sub.cancel_at_period_end),
    })
}

/// An order of a subscription paid; one-time orders are ignored.
fn order(order: PolarOrder, paid: bool) -> Change {
    if order.subscription_id.is_none() {
        return Change::Ignored;
    }
    Change::Payment {
        parties: Parties {
            organization_id: organization_in(&order.metadata, order.customer.as_ref()),
            customer_id: order.customer_id,
            subscription_id: order.subscription_id,
        },
        paid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(key: &Key, body: &str, at: i64) -> (String, String) {
        (key.sign("msg_1", at, body.as_bytes()), at.to_string())
    }

    #[test]
    fn a_subscription_event_names_its_organization_product_and_state() {
        let key = Key::parse("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").expect("key");
        let org = Uuid::now_v7();
        let body = json!({
            "type": "subscription.updated",
            "timestamp": "2026-12-07T10:00:00Z",
            "data": {
                "id": "sub-1", "status": "past_due", "cancel_at_period_end": true,
                "current_period_start": "2026-12-01T00:00:00Z",
                "current_period_end": "2027-01-01T00:00:00Z",
                "customer_id": "cus-1", "product_id": "prod-1",
                "metadata": {}, "customer": { "external_id": org.to_string() }
            }
        })
        .to_string();
        let now = 1_800_000_000;
        let (signature, ts) = signed(&key, &body, now);
        let headers = Headers {
            id: Some("msg_1"),
            timestamp: Some(&ts),
            signature: Some(&signature),
        };
        let event = parse(&key, headers, body.as_bytes(), now).expect("parsed");
        assert_eq!(event.id, "msg_1");
        assert_eq!(event.created.to_rfc3339(), "2026-12-07T10:00:00+00:00");
        let Change::Subscription(state) = event.change else {
            panic!("a subscription change");
        };
        assert_eq!(state.parties.organization_id, Some(org));
        assert_eq!(state.product, Product::PolarProduct("prod-1".into()));
        assert_eq!(state.status, Status::PastDue);
        assert_eq!(state.cancel_at_period_end, Some(true));
        // A body that is signed but not an event is malformed.
        let (signature, ts) = signed(&key, "[1,2]", now);
        let headers = Headers {
            id: Some("msg_1"),
            timestamp: Some(&ts),
            signature: Some(&signature),
        };
        assert_eq!(
            parse(&key, headers, b"[1,2]", now).err(),
            Some(Rejection::Malformed)
        );
    }
}
