//! What subscribers are told, and its delivery.
//!
//! [`queue`] is the body of the subscriber hook (`incident::notify`): in the transaction of
//! the change it renders the notice once and writes one pending `status_page_deliveries` row
//! per subscriber who should hear of it (`subscriber::audience`). [`queue_confirmation`]
//! queues a new subscriber's confirmation the same way. [`deliver_due`] is one step of the
//! delivery loop: it claims due rows under a lease (`db::claim`, so replicas never send the
//! same row), sends each through the delivery module (email with the page's sender and
//! `List-Unsubscribe`, a signed webhook, Slack, SMS through the project's SMS provider), and
//! records the outcome: sent; retried with backoff while the failure may pass (up to
//! [`MAX_ATTEMPTS`]); or failed, which counts towards the subscriber's quarantine. The links
//! (the incident, unsubscribe, confirm) are made when the message is sent, so that the queue
//! keeps no token.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use entity::status_page_deliveries::{self as deliveries, DeliveryStatus};
use entity::status_page_subscribers::{self as subscribers, SubscriberMode};
use entity::{
    incident_components, incident_updates, incidents, notification_providers, postmortems,
    status_pages,
};
use lettre::message::Mailbox;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, Order, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use super::incident::{Kind, Notice, effective_impact, status_name};
use super::subscriber::{self, QUARANTINE_AFTER};
use crate::crypto::SubscriberSecret;
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::delivery::{self, Channel, DeliveryError, Message, Severity};
use crate::error::{AppError, AppResult};
use crate::mail::ListMail;
use crate::state::AppState;

/// Attempts of one delivery before it is given up (each failure that may pass is retried
/// with the alert queue's backoff: 10 s, 20 s, 40 s, 80 s).
pub const MAX_ATTEMPTS: i32 = 5;
/// How long a claimed delivery is held before another worker may attempt it.
const LEASE: std::time::Duration = std::time::Duration::from_secs(120);
/// The longest message text kept in a delivery (a postmortem is cut to it).
const MAX_TEXT: usize = 4000;

/// A notice as rendered once for every subscriber.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    /// `incident.created`, `incident.updated`, `maintenance.reminder`, …
    pub event: String,
    pub title: String,
    pub text: String,
    pub severity: Severity,
    /// The incident it is about: its public page is linked.
    pub incident_id: Option<Uuid>,
    /// Labelled facts (status, impact, components, window).
    pub fields: Vec<(String, String)>,
    /// Machine-readable details for webhooks.
    pub data: Value,
}

/// The subscriber hook: queues `what` about `incident` for every subscriber who should hear
/// of it, in `tx`. Backfilled incidents notify nobody. Returns how many were queued.
pub async fn queue(tx: &Tx, incident: &incidents::Model, what: Notice) -> AppResult<usize> {
    if incident.backfilled {
        return Ok(0);
    }
    let db = tx.conn();
    let Some(page) = status_pages::Entity::find_by_id(incident.status_page_id)
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let affected = incident_components::Entity::find()
        .filter(incident_components::Column::IncidentId.eq(incident.id))
        .order_by_asc(incident_components::Column::Id)
        .all(db)
        .await?;
    let components: HashSet<Uuid> = affected.iter().map(|c| c.component_id).collect();
    let audience = subscriber::audience(db, page.id, incident.id, &components).await?;
    if audience.is_empty() {
        return Ok(0);
    }
    let names = component_names(db, &components).await?;
    let rendered = render(tx, &page, incident, what, &names).await?;
    let now = Utc::now();
    for subscriber in &audience {
        insert(tx, subscriber, Some(incident.id), &rendered, now).await?;
    }
    Ok(audience.len())
}

/// Queues the confirmation of a new subscriber of `page`; its link is added when it is sent.
pub async fn queue_confirmation(
    tx: &Tx,
    page: &status_pages::Model,
    subscriber: &subscribers::Model,
) -> AppResult<()> {
    let rendered = Rendered {
        event: CONFIRM.into(),
        title: format!("Confirm your subscription to {}", page.name),
        text: format!(
            "Someone, hopefully you, asked to be told of incidents and maintenance on the {} status page. \
             Follow the link below to confirm. If it was not you, ignore this message: nothing more will be sent.",
            page.name
        ),
        severity: Severity::Info,
        incident_id: None,
        fields: Vec::new(),
        data: json!({ "statusPageId": page.id }),
    };
    insert(tx, subscriber, None, &rendered, Utc::now()).await
}

/// The event of a confirmation.
const CONFIRM: &str = "subscriber.confirm";

async fn insert(
    tx: &Tx,
    subscriber: &subscribers::Model,
    incident_id: Option<Uuid>,
    rendered: &Rendered,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let payload = serde_json::to_value(rendered).map_err(anyhow::Error::from)?;
    deliveries::ActiveModel {
        id: Set(Uuid::now_v7()),
        status_page_id: Set(subscriber.status_page_id),
        subscriber_id: Set(subscriber.id),
        incident_id: Set(incident_id),
        kind: Set(rendered.event.clone()),
        status: Set(DeliveryStatus::Pending),
        payload: Set(payload),
        attempts: Set(0),
        next_attempt_at: Set(Some(now)),
        claimed_until: Set(None),
        error_message: Set(None),
        sent_at: Set(None),
        created_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

async fn component_names(
    db: &impl sea_orm::ConnectionTrait,
    ids: &HashSet<Uuid>,
) -> AppResult<Vec<String>> {
    use entity::status_page_components as components;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(components::Entity::find()
        .filter(components::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(components::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.name)
        .collect())
}

/// Words for a status (`IN_PROGRESS` → `In progress`).
fn status_words(status: incidents::IncidentStatus) -> String {
    let name = status_name(status).replace('_', " ").to_lowercase();
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

/// The labelled facts of `incident`: status, impact, window, components.
fn fields_of(incident: &incidents::Model, components: &[String]) -> Vec<(String, String)> {
    let mut fields = vec![("Status".to_owned(), status_words(incident.status))];
    if Kind::of(incident.status) == Kind::Incident {
        let impact = format!("{:?}", effective_impact(incident));
        fields.push(("Impact".into(), impact));
    }
    if let (Some(from), Some(until)) = (incident.scheduled_for, incident.scheduled_until) {
        let at = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M").to_string();
        fields.push((
            "Window".into(),
            format!("{} to {} (UTC)", at(from), at(until)),
        ));
    }
    if !components.is_empty() {
        fields.push(("Components".into(), components.join(", ")));
    }
    fields
}

/// What `what` says: its event, title, text and the update it is about.
async fn wording(
    tx: &Tx,
    page: &status_pages::Model,
    incident: &incidents::Model,
    what: Notice,
) -> AppResult<(&'static str, String, String, Option<Uuid>)> {
    let maintenance = Kind::of(incident.status) == Kind::Maintenance;
    let status = status_words(incident.status);
    let name = &incident.name;
    let latest = incident.body.clone().unwrap_or_default();
    Ok(match what {
        Notice::Created if maintenance => (
            "maintenance.scheduled",
            format!("[{}] Scheduled maintenance: {name}", page.name),
            latest,
            None,
        ),
        Notice::Created => (
            "incident.created",
            format!("[{}] {status}: {name}", page.name),
            latest,
            None,
        ),
        Notice::Updated { update_id } => {
            let update = incident_updates::Entity::find_by_id(update_id)
                .one(tx.conn())
                .await?
                .ok_or(AppError::NotFound)?;
            let event = match (maintenance, super::incident::is_closed(update.status)) {
                (false, true) => "incident.resolved",
                (false, false) => "incident.updated",
                (true, _) => "maintenance.updated",
            };
            let title = format!("[{}] {}: {name}", page.name, status_words(update.status));
            (event, title, update.body, Some(update_id))
        }
        Notice::Reminder { hours } => (
            "maintenance.reminder",
            format!(
                "[{}] Reminder: {name} starts in {hours} hour{}",
                page.name,
                if hours == 1 { "" } else { "s" }
            ),
            latest,
            None,
        ),
        Notice::PostmortemPublished { postmortem_id } => {
            let body = postmortems::Entity::find_by_id(postmortem_id)
                .one(tx.conn())
                .await?
                .map(|p| p.body)
                .unwrap_or_default();
            (
                "postmortem.published",
                format!("[{}] Postmortem: {name}", page.name),
                body,
                None,
            )
        }
    })
}

/// The text of `what` about `incident`, rendered once.
async fn render(
    tx: &Tx,
    page: &status_pages::Model,
    incident: &incidents::Model,
    what: Notice,
    components: &[String],
) -> AppResult<Rendered> {
    let maintenance = Kind::of(incident.status) == Kind::Maintenance;
    let fields = fields_of(incident, components);
    let (event, title, text, update) = wording(tx, page, incident, what).await?;
    let severity = match (maintenance, event, effective_impact(incident)) {
        (_, "incident.resolved", _) => Severity::Success,
        (true, _, _) => Severity::Info,
        (false, _, incidents::IncidentImpact::Critical | incidents::IncidentImpact::Major) => {
            Severity::Critical
        }
        (false, _, incidents::IncidentImpact::Minor) => Severity::Warning,
        _ => Severity::Info,
    };
    let text: String = text.chars().take(MAX_TEXT).collect();
    Ok(Rendered {
        event: event.into(),
        title,
        text,
        severity,
        incident_id: Some(incident.id),
        fields,
        data: json!({
            "statusPage": { "id": page.id, "name": page.name },
            "incident": {
                "id": incident.id,
                "name": incident.name,
                "kind": if maintenance { "maintenance" } else { "incident" },
                "status": status_name(incident.status),
                "impact": format!("{:?}", effective_impact(incident)).to_uppercase(),
                "scheduledFor": incident.scheduled_for,
                "scheduledUntil": incident.scheduled_until,
            },
            "updateId": update,
            "components": components,
        }),
    })
}

fn claim_queue() -> ClaimQueue<deliveries::Entity> {
    ClaimQueue::new(
        deliveries::Column::Id,
        deliveries::Column::ClaimedUntil,
        LEASE,
    )
}

/// One step of the delivery loop at `now`: claims up to `limit` due deliveries and attempts
/// each once. Returns how many were attempted.
pub async fn deliver_due(state: &AppState, now: DateTime<Utc>, limit: u64) -> AppResult<usize> {
    let due = Due {
        from: "status_page_deliveries d",
        alias: "d",
        when: "d.status = 'pending' AND d.next_attempt_at <= $1",
        order: "d.next_attempt_at",
        ..Due::default()
    };
    let rows = claim_queue().claim(&state.db, &due, now, limit).await?;
    let count = rows.len();
    let attempts = rows.into_iter().map(|row| attempt(state, row, now));
    for result in futures_util::future::join_all(attempts).await {
        if let Err(err) = result {
            // The row's lease runs out and another step takes it again.
            tracing::warn!(error = ?err, "a status page subscriber delivery failed to record");
        }
    }
    Ok(count)
}

/// Links of one message, made as it is sent.
struct Links {
    incident: Option<String>,
    unsubscribe: Option<String>,
    confirm: Option<String>,
}

fn links(
    state: &AppState,
    page: &status_pages::Model,
    subscriber: &subscribers::Model,
    rendered: &Rendered,
) -> AppResult<Links> {
    let base = format!("{}/status/{}", state.settings.base_url(), page.subdomain);
    let key = &state.master_key;
    let token = |column| subscriber::open_token(key, subscriber, column);
    Ok(Links {
        incident: rendered
            .incident_id
            .map(|id| format!("{base}/incidents/{id}")),
        unsubscribe: token(SubscriberSecret::Unsubscribe)?
            .map(|t| format!("{base}/unsubscribe/{t}")),
        confirm: match rendered.event.as_str() {
            CONFIRM => token(SubscriberSecret::Verification)?
                .map(|t| format!("{base}/subscribe/confirm/{t}")),
            _ => None,
        },
    })
}

/// Attempts one delivery and records what came of it.
async fn attempt(state: &AppState, row: deliveries::Model, now: DateTime<Utc>) -> AppResult<()> {
    let subscriber = subscribers::Entity::find_by_id(row.subscriber_id)
        .one(&state.db)
        .await?;
    let page = status_pages::Entity::find_by_id(row.status_page_id)
        .one(&state.db)
        .await?;
    let (Some(subscriber), Some(page)) = (subscriber, page) else {
        return Ok(()); // deleted meanwhile: its deliveries went with it
    };
    let confirming = row.kind == CONFIRM;
    let receives =
        subscriber.quarantined_at.is_none() && (confirming || subscriber.verified_at.is_some());
    let outcome = if receives {
        send(state, &page, &subscriber, &row).await
    } else {
        Err(DeliveryError::permanent("skipped"))
    };
    record(state, row, subscriber, receives, outcome, now).await
}

async fn send(
    state: &AppState,
    page: &status_pages::Model,
    subscriber: &subscribers::Model,
    row: &deliveries::Model,
) -> Result<(), DeliveryError> {
    let rendered: Rendered = serde_json::from_value(row.payload.clone())
        .map_err(|_| DeliveryError::permanent("the queued message cannot be read"))?;
    let links = links(state, page, subscriber, &rendered)
        .map_err(|_| DeliveryError::permanent("the subscriber's links cannot be made"))?;
    let message = message(&rendered, &links);
    let target = |value: &Option<String>| {
        value
            .clone()
            .ok_or_else(|| DeliveryError::permanent("the subscriber has no address"))
    };
    match subscriber.mode {
        SubscriberMode::Email => {
            let mail = list_mail(state, page, &message, target(&subscriber.email)?, &links);
            delivery::send_list_mail(state, mail).await.map(|_| ())
        }
        SubscriberMode::Webhook => {
            let secret =
                subscriber::open_token(&state.master_key, subscriber, SubscriberSecret::Signing)
                    .map_err(|_| DeliveryError::permanent("the signing secret does not open"))?;
            let channel = Channel::Webhook {
                url: target(&subscriber.endpoint)?,
                secret,
                headers: Vec::new(),
            };
            // The delivery row is the message: its retries carry the same `webhook-id`.
            let id = delivery::signed::message_id(row.id);
            delivery::send_as(state, &channel, &message, &id)
                .await
                .map(|_| ())
        }
        SubscriberMode::Slack => {
            let channel = Channel::Slack {
                webhook_url: target(&subscriber.endpoint)?,
            };
            delivery::send(state, &channel, &message).await.map(|_| ())
        }
        SubscriberMode::Sms => {
            let channel = sms_channel(state, page, target(&subscriber.phone_number)?).await?;
            delivery::send(state, &channel, &message).await.map(|_| ())
        }
    }
}

/// The message every channel renders: the notice, its link, and the unsubscribe link (or,
/// for a confirmation, the confirm link).
fn message(rendered: &Rendered, links: &Links) -> Message {
    let mut body = rendered.text.trim_end().to_owned();
    if let Some(confirm) = &links.confirm {
        body.push_str(&format!("\n\nConfirm: {confirm}"));
    }
    if let Some(unsubscribe) = &links.unsubscribe {
        body.push_str(&format!("\n\nUnsubscribe: {unsubscribe}"));
    }
    let mut data = rendered.data.clone();
    if let Value::Object(map) = &mut data {
        map.insert("unsubscribeUrl".into(), json!(links.unsubscribe));
    }
    Message {
        event: rendered.event.clone(),
        title: rendered.title.clone(),
        body,
        severity: rendered.severity,
        link: links.confirm.clone().or(links.incident.clone()),
        fields: rendered.fields.clone(),
        data,
    }
}

/// The mail to a subscriber: from the page's sender (its name, and `notifications_from_email`
/// or the server's address), the page's footer, and a one-click `List-Unsubscribe`.
fn list_mail(
    state: &AppState,
    page: &status_pages::Model,
    message: &Message,
    to: String,
    links: &Links,
) -> ListMail {
    let name: String = page.name.chars().filter(|c| !c.is_control()).collect();
    let address = page
        .notifications_from_email
        .as_deref()
        .and_then(|a| a.parse().ok())
        .or_else(|| {
            state
                .settings
                .smtp
                .from
                .parse::<Mailbox>()
                .ok()
                .map(|m| m.email)
        });
    let from = address.map(|email| Mailbox::new(Some(name), email));
    let mut body = message.body.clone();
    if let Some(link) = &message.link {
        body.push_str(&format!("\n\n{link}"));
    }
    if let Some(footer) = page.notifications_email_footer.as_deref() {
        body.push_str(&format!("\n\n-- \n{footer}"));
    }
    let mut headers = Vec::new();
    if let Some(unsubscribe) = &links.unsubscribe {
        headers.push(("List-Unsubscribe", format!("<{unsubscribe}>")));
        headers.push((
            "List-Unsubscribe-Post",
            "List-Unsubscribe=One-Click".to_owned(),
        ));
    }
    let subject: String = message
        .title
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    ListMail {
        from,
        to,
        subject,
        body,
        headers,
    }
}

/// The SMS channel of the page's project (its first enabled SMS notification provider, with
/// its credentials, or else its organization's first organization-wide one), to `number`.
async fn sms_channel(
    state: &AppState,
    page: &status_pages::Model,
    number: String,
) -> Result<Channel, DeliveryError> {
    let none =
        || DeliveryError::permanent("sms: the project has no enabled SMS notification provider");
    let provider = notification_providers::Entity::find()
        .filter(crate::notification_provider::usable_in(
            page.project_id,
            Some(page.organization_id),
        ))
        .filter(
            notification_providers::Column::Type
                .eq(notification_providers::NotificationProviderType::Sms),
        )
        .filter(notification_providers::Column::IsEnabled.eq(true))
        // The project's own first (false sorts before true in both databases).
        .order_by(
            Expr::col(notification_providers::Column::ProjectId).is_null(),
            Order::Asc,
        )
        .order_by_asc(notification_providers::Column::Id)
        .one(&state.db)
        .await
        .map_err(|_| DeliveryError::transient("sms: the provider could not be read"))?
        .ok_or_else(none)?;
    match crate::notification_provider::channel(state, &provider).await {
        Ok(Channel::Sms {
            account_sid,
            auth_token,
            from,
            ..
        }) => Ok(Channel::Sms {
            account_sid,
            auth_token,
            from,
            to: vec![number],
        }),
        Ok(_) => Err(none()),
        Err(err) => Err(DeliveryError::permanent(format!(
            "sms: {}",
            err.public_message()
        ))),
    }
}

/// Writes the outcome of an attempt, and what it means for the subscriber: a success clears
/// its run of failures, a final failure adds to it and quarantines it at
/// [`QUARANTINE_AFTER`].
async fn record(
    state: &AppState,
    row: deliveries::Model,
    subscriber: subscribers::Model,
    attempted: bool,
    outcome: Result<(), DeliveryError>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let tx = Tx::begin(state).await?;
    let attempts = row.attempts + i32::from(attempted);
    let mut update: deliveries::ActiveModel = row.into();
    update.attempts = Set(attempts);
    update.claimed_until = Set(None);
    let failures = subscriber.failed_deliveries;
    let mut subscriber_failures = None;
    match outcome {
        Ok(()) => {
            crate::metrics::subscriber_attempt("sent");
            update.status = Set(DeliveryStatus::Sent);
            update.sent_at = Set(Some(now));
            update.error_message = Set(None);
            update.next_attempt_at = Set(None);
            if failures > 0 {
                subscriber_failures = Some(0);
            }
        }
        Err(_) if !attempted => {
            crate::metrics::subscriber_attempt("skipped");
            update.status = Set(DeliveryStatus::Skipped);
            update.next_attempt_at = Set(None);
        }
        Err(err) => {
            update.error_message = Set(Some(err.message().chars().take(1000).collect()));
            if err.is_retryable() && attempts < MAX_ATTEMPTS {
                crate::metrics::subscriber_attempt("retry");
                update.next_attempt_at = Set(Some(now + crate::alert::backoff(attempts)));
            } else {
                crate::metrics::subscriber_attempt("failed");
                update.status = Set(DeliveryStatus::Failed);
                update.next_attempt_at = Set(None);
                subscriber_failures = Some(failures + 1);
            }
        }
    }
    update.update(tx.conn()).await?;
    if let Some(count) = subscriber_failures {
        let quarantine = count >= QUARANTINE_AFTER && subscriber.quarantined_at.is_none();
        let mut row: subscribers::ActiveModel = subscriber.into();
        row.failed_deliveries = Set(count);
        let subscriber = row.update(tx.conn()).await?;
        if quarantine {
            subscriber::quarantine(&tx, subscriber, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
