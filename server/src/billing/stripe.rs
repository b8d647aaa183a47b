//! Stripe, through async-stripe: checkout and billing portal sessions, and the webhook's
//! events (`Stripe-Signature` verified over the raw body, typed by async-stripe-webhook) in
//! Vigil's terms.
//!
//! Events are parsed as the API version async-stripe is generated for
//! (`stripe_webhook`'s `ApiVersion`, docs/billing.md); one Stripe renders otherwise fails to
//! parse and is refused as malformed.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use stripe::{Client, ClientBuilder, StripeError};
use stripe_billing::billing_portal_session::CreateBillingPortalSession;
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionSubscriptionData,
};
use stripe_shared::{
    CheckoutSession, CheckoutSessionMode, CheckoutSessionPaymentStatus, Invoice, Subscription,
    SubscriptionStatus,
};
use stripe_webhook::{EventObject, Webhook, WebhookError};
use uuid::Uuid;

use super::Rejection;
use super::webhook::{Change, Parties, Product, ProviderEvent, Status, SubscriptionState};
use crate::config::BillingSettings;
use crate::error::{AppError, AppResult};
use entity::subscriptions::SubscriptionProvider;

/// The metadata key that carries the organization id (API.md).
pub const ORGANIZATION_KEY: &str = "organizationId";
/// The metadata key that carries the plan a checkout sells.
pub const PLAN_KEY: &str = "planId";

/// A client for the configured account and API base. Built per request: checkouts are rare,
/// and nothing is built on an instance that never bills.
fn client(settings: &BillingSettings) -> AppResult<Client> {
    let key = settings
        .stripe_secret_key
        .as_deref()
        .ok_or_else(|| AppError::invalid("Stripe is not configured on this instance"))?;
    // The client appends `v1/…` to its base.
    let base = format!("{}/", settings.stripe_api_base.trim_end_matches('/'));
    ClientBuilder::new(key)
        .url(base)
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(failed)
}

/// What Stripe's failure becomes: an internal error that names Stripe's error type and code,
/// never its message (which may quote a masked key).
fn failed(err: StripeError) -> AppError {
    let what = match &err {
        StripeError::Stripe(errors, status) => format!(
            "Stripe answered {status} ({:?}, {:?})",
            errors.type_,
            errors.code.as_ref().map(|c| c.as_str().to_owned())
        ),
        other => format!("calling Stripe: {other}"),
    };
    AppError::Internal(anyhow::anyhow!(what))
}

/// A subscription checkout to open.
#[derive(Debug, Clone)]
pub struct CheckoutRequest<'a> {
    pub organization_id: Uuid,
    pub plan_id: Uuid,
    pub price: &'a str,
    /// The organization's Stripe customer, reused when it has one.
    pub customer: Option<&'a str>,
    /// Pre-fills a new customer's address.
    pub email: Option<&'a str>,
    pub success_url: String,
    pub cancel_url: String,
}

/// Opens a checkout session; its URL.
pub async fn checkout_session(
    settings: &BillingSettings,
    request: CheckoutRequest<'_>,
) -> AppResult<String> {
    let client = client(settings)?;
    let metadata: HashMap<String, String> = HashMap::from([
        (ORGANIZATION_KEY.into(), request.organization_id.to_string()),
        (PLAN_KEY.into(), request.plan_id.to_string()),
    ]);
    let mut line = CreateCheckoutSessionLineItems::new();
    line.price = Some(request.price.to_owned());
    line.quantity = Some(1);
    let mut subscription = CreateCheckoutSessionSubscriptionData::new();
    subscription.metadata = Some(metadata.clone());
    let mut create = CreateCheckoutSession::new()
        .mode(CheckoutSessionMode::Subscription)
        .line_items(vec![line])
        .client_reference_id(request.organization_id.to_string())
        .metadata(metadata)
        .subscription_data(subscription)
        .success_url(request.success_url)
        .cancel_url(request.cancel_url);
    create = match (request.customer, request.email) {
        (Some(customer), _) => create.customer(customer),
        (None, Some(email)) => create.customer_email(email),
        (None, None) => create,
    };
    let session = create.send(&client).await.map_err(failed)?;
    session
        .url
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("Stripe's checkout session has no URL")))
}

/// Opens a billing portal session for `customer`; its URL.
pub async fn portal_session(
    settings: &BillingSettings,
    customer: &str,
    return_url: String,
) -> AppResult<String> {
    let client = client(settings)?;
    let session = CreateBillingPortalSession::new()
        .customer(customer)
        .return_url(return_url)
        .send(&client)
        .await
        .map_err(failed)?;
    Ok(session.url)
}

/// Verifies a delivery (the signature over the raw body, within async-stripe-webhook's
/// five-minute tolerance) and reads its event.
pub fn parse(secret: &str, body: &[u8], signature: &str) -> Result<ProviderEvent, Rejection> {
    let body = std::str::from_utf8(body).map_err(|_| Rejection::Malformed)?;
    let event = Webhook::construct_event(body, signature, secret).map_err(|err| match err {
        WebhookError::BadKey | WebhookError::BadHeader(_) | WebhookError::BadSignature => {
            Rejection::Signature
        }
        WebhookError::BadTimestamp(_) => Rejection::Stale,
        WebhookError::BadParse(_) => Rejection::Malformed,
    })?;
    let created = DateTime::from_timestamp(event.created, 0).ok_or(Rejection::Malformed)?;
    Ok(ProviderEvent {
        provider: SubscriptionProvider::Stripe,
        id: event.id.as_str().to_owned(),
        kind: event.type_.as_str().to_owned(),
        created,
        change: change(event.data.object),
    })
}

fn change(object: EventObject) -> Change {
    match object {
        EventObject::CheckoutSessionCompleted(session) => checkout(&session),
        EventObject::CustomerSubscriptionCreated(sub)
        | EventObject::CustomerSubscriptionUpdated(sub) => subscription(&sub, false),
        EventObject::CustomerSubscriptionDeleted(sub) => subscription(&sub, true),
        EventObject::InvoicePaid(invoice) => payment(&invoice, true),
        EventObject::InvoicePaymentFailed(invoice) => payment(&invoice, false),
        _ => Change::Ignored,
    }
}

fn organization_in(metadata: Option<&HashMap<String, String>>) -> Option<Uuid> {
    metadata
        .and_then(|m| m.get(ORGANIZATION_KEY))
        .and_then(|id| Uuid::parse_str(id).ok())
}

fn time(ts: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(ts, 0)
}

/// A completed checkout of Vigil's: the organization it names gets the plan it sold.
fn checkout(session: &CheckoutSession) -> Change {
    if !matches!(session.mode, CheckoutSessionMode::Subscription) {
        return Change::Ignored;
    }
    let organization_id = session
        .client_reference_id
        .as_deref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .or_else(|| organization_in(session.metadata.as_ref()));
    let product = session
        .metadata
        .as_ref()
        .and_then(|m| m.get(PLAN_KEY))
        .and_then(|id| Uuid::parse_str(id).ok())
        .map_or(Product::Unknown, Product::Plan);
    let status = match session.payment_status {
        CheckoutSessionPaymentStatus::Paid | CheckoutSessionPaymentStatus::NoPaymentRequired => {
            Status::Active
        }
        _ => Status::Pending,
    };
    Change::Subscription(SubscriptionState {
        parties: Parties {
            organization_id,
            customer_id: session
                .customer
                .as_ref()
                .map(|c| c.id().as_str().to_owned()),
            subscription_id: session
                .subscription
                .as_ref()
                .map(|s| s.id().as_str().to_owned()),
        },
        product,
        status,
        period_start: None,
        period_end: None,
        cancel_at_period_end: None,
    })
}

fn subscription(sub: &Subscription, deleted: bool) -> Change {
    let item = sub.items.data.first();
    let status = if deleted {
        Status::Ended
    } else {
        match sub.status {
            SubscriptionStatus::Active | SubscriptionStatus::Trialing => Status::Active,
            SubscriptionStatus::PastDue => Status::PastDue,
            SubscriptionStatus::Canceled
            | SubscriptionStatus::Unpaid
            | SubscriptionStatus::IncompleteExpired => Status::Ended,
            _ => Status::Pending,
        }
    };
    Change::Subscription(SubscriptionState {
        parties: Parties {
            organization_id: organization_in(Some(&sub.metadata)),
            customer_id: Some(sub.customer.id().as_str().to_owned()),
            subscription_id: Some(sub.id.as_str().to_owned()),
        },
        product: item.map_or(Product::Unknown, |i| {
            Product::StripePrice(i.price.id.as_str().to_owned())
        }),
        status,
        period_start: item.and_then(|i| time(i.current_period_start)),
        period_end: item.and_then(|i| time(i.current_period_end)),
        cancel_at_period_end: Some(sub.cancel_at_period_end || sub.cancel_at.is_some()),
    })
}

/// An invoice of a subscription paid, or its payment failed; other invoices are ignored.
fn payment(invoice: &Invoice, paid: bool) -> Change {
    let Some(details) = invoice
        .parent
        .as_ref()
        .and_then(|p| p.subscription_details.as_ref())
    else {
        return Change::Ignored;
    };
    Change::Payment {
        parties: Parties {
            organization_id: organization_in(details.metadata.as_ref()),
            customer_id: invoice
                .customer
                .as_ref()
                .map(|c| c.id().as_str().to_owned()),
            subscription_id: Some(details.subscription.id().as_str().to_owned()),
        },
        paid,
    }
}
