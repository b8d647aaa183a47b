//! The alert delivery queue: alerts of monitors (decided by `monitor::alerting`) and of runs
//! (`testing::run`) are queued by [`enqueue`] as pending `alert_history` rows, one per
//! notification provider, in the transaction that raised them; [`deliver_due`] claims due rows
//! with a lease and delivers them through their channel, with retries and backoff; the rows
//! are the alert history. The lease is short (`lease_seconds`) and renewed while the batch
//! runs; it is the claim's token too: an outcome is written only while the row still holds
//! the lease its claim (or its last renewal) stamped, so an attempt taken over by another
//! worker is not written twice. Every attempt of one alert carries the same `webhook-id`.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use entity::alert_history::{self, AlertStatus, AlertType};
use entity::notification_providers;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::AppResult;
use crate::state::AppState;

/// What an alert says, rendered once and delivered to every channel.
#[derive(Debug, Clone)]
pub struct AlertMessage {
    pub kind: AlertType,
    pub title: String,
    pub body: String,
    pub severity: &'static str,
    pub data: Value,
}

/// Fills `{{placeholders}}` of a custom message.
pub fn render(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in vars {
        out = out.replace(&format!("{{{{{name}}}}}", name = name), value);
        out = out.replace(&format!("{{{{ {name} }}}}", name = name), value);
    }
    out
}

/// What an alert is about: a monitor or a job, named in its history row.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The monitor's or job's name, shown in the history.
    pub name: String,
    /// `monitor` or `job`.
    pub kind: &'static str,
    pub monitor_id: Option<Uuid>,
    pub job_id: Option<Uuid>,
    pub organization_id: Uuid,
}

impl Subject {
    pub fn monitor(monitor: &entity::monitors::Model) -> Self {
        Self {
            name: monitor.name.clone(),
            kind: "monitor",
            monitor_id: Some(monitor.id),
            job_id: None,
            organization_id: monitor.organization_id,
        }
    }

    pub fn job(job: &entity::jobs::Model) -> Self {
        Self {
            name: job.name.clone(),
            kind: "job",
            monitor_id: None,
            job_id: Some(job.id),
            organization_id: job.organization_id,
        }
    }
}

/// The enabled providers among `ids` (none asked: none read).
pub async fn enabled_providers(
    tx: &Tx,
    ids: Vec<Uuid>,
) -> AppResult<Vec<notification_providers::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(notification_providers::Entity::find()
        .filter(notification_providers::Column::Id.is_in(ids))
        .filter(notification_providers::Column::IsEnabled.eq(true))
        .all(tx.conn())
        .await?)
}

/// Queues `message` about `subject`: one pending delivery per provider, due now, delivered by
/// [`deliver_due`]; `event` names it to the channels (`monitor.down`, `job.failed`, ...).
/// Returns how many were queued.
pub async fn enqueue(
    tx: &Tx,
    subject: &Subject,
    message: &AlertMessage,
    event: &str,
    providers: &[notification_providers::Model],
) -> AppResult<i32> {
    let now = Utc::now();
    let mut count = 0;
    for provider in providers {
        alert_history::ActiveModel {
            id: Set(Uuid::now_v7()),
            message: Set(message.body.clone()),
            r#type: Set(message.kind),
            target: Set(subject.name.clone()),
            target_type: Set(subject.kind.into()),
            monitor_id: Set(subject.monitor_id),
            job_id: Set(subject.job_id),
            organization_id: Set(Some(subject.organization_id)),
            provider: Set(format!("{:?}", provider.r#type).to_lowercase()),
            status: Set(AlertStatus::Pending),
            sent_at: Set(now),
            error_message: Set(None),
            notification_provider_id: Set(Some(provider.id)),
            attempts: Set(0),
            next_attempt_at: Set(Some(now)),
            claimed_until: Set(None),
            payload: Set(Some(json!({
                "title": message.title,
                "body": message.body,
                "severity": message.severity,
                "event": event,
                "data": message.data,
            }))),
        }
        .insert(tx.conn())
        .await?;
        count += 1;
    }
    Ok(count)
}

/// Queues a job's alert: one pending delivery per enabled provider of the job
/// (`job_notification_settings`), delivered by [`deliver_due`] like monitor alerts. Returns
/// how many were queued.
pub async fn queue_job_alert(
    tx: &Tx,
    job: &entity::jobs::Model,
    message: AlertMessage,
) -> AppResult<i32> {
    let ids: Vec<Uuid> = entity::job_notification_settings::Entity::find()
        .filter(entity::job_notification_settings::Column::JobId.eq(job.id))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|s| s.notification_provider_id)
        .collect();
    let providers = enabled_providers(tx, ids).await?;
    let event = match message.kind {
        AlertType::JobSuccess => "job.passed",
        AlertType::JobTimeout => "job.timed_out",
        _ => "job.failed",
    };
    enqueue(tx, &Subject::job(job), &message, event, &providers).await
}

/// The alert history of a monitor, newest first: one row per alert and provider, with its
/// delivery state. The caller has been allowed to view `monitor`; the organization filter
/// keeps the read inside its tenant all the same.
pub async fn monitor_history(
    db: &impl ConnectionTrait,
    monitor: &entity::monitors::Model,
    request: PageRequest,
) -> AppResult<Rows<alert_history::Model>> {
    let query = alert_history::Entity::find()
        .filter(alert_history::Column::MonitorId.eq(monitor.id))
        .filter(alert_history::Column::OrganizationId.eq(monitor.organization_id));
    page::read(db, query, alert_history::Column::Id, Order::Desc, request).await
}

/// The names of the providers among `ids` that still exist in `organization_id` (a history
/// row outlives its provider), one statement.
pub async fn provider_names(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    ids: Vec<Uuid>,
) -> AppResult<std::collections::HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(notification_providers::Entity::find()
        .filter(notification_providers::Column::Id.is_in(ids))
        .filter(notification_providers::Column::OrganizationId.eq(organization_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

/// Delivery attempts before an alert is given up.
pub const MAX_ATTEMPTS: i32 = 5;

/// Backoff before attempt `n + 1` (after `n` failures): 10 s, 20 s, 40 s, ... with up to 25 %
/// jitter, capped at 10 minutes.
pub fn backoff(failures: i32) -> Duration {
    let base = 10i64 * 2i64.pow(u32::try_from(failures.clamp(1, 10) - 1).unwrap_or(0));
    let base = base.min(600);
    let jitter = rand::random::<u64>() % u64::try_from(base / 4 + 1).unwrap_or(1);
    Duration::seconds(base + i64::try_from(jitter).unwrap_or(0))
}

fn message_of(row: &alert_history::Model, base_url: &str) -> crate::delivery::Message {
    use crate::delivery::{Message, Severity};
    let payload = row.payload.clone().unwrap_or_default();
    let text = |key: &str| {
        payload
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let severity = match text("severity").as_str() {
        "critical" => Severity::Critical,
        "warning" => Severity::Warning,
        "success" => Severity::Success,
        _ => Severity::Info,
    };
    let data = payload.get("data").cloned().unwrap_or_default();
    let label = if row.target_type == "job" {
        "Job"
    } else {
        "Monitor"
    };
    let mut fields = vec![(label.to_owned(), row.target.clone())];
    if let Some(location) = data.get("location").and_then(Value::as_str) {
        fields.push(("Location".into(), location.to_owned()));
    }
    if let Some(ms) = data.get("responseTimeMs").and_then(Value::as_i64) {
        fields.push(("Response time".into(), format!("{ms} ms")));
    }
    Message {
        event: text("event"),
        title: text("title"),
        body: row.message.clone(),
        severity,
        link: row
            .monitor_id
            .map(|id| format!("{base_url}/monitors/{id}"))
            .or_else(|| row.job_id.map(|id| format!("{base_url}/jobs/{id}"))),
        fields,
        data,
    }
}

/// Delivers due alerts, one attempt each; failures are retried later with backoff, up to
/// [`MAX_ATTEMPTS`]. Claims with a lease like the check engine, so replicas share the work and
/// an alert is never sent twice for the same attempt. Returns the number of attempts made.
pub async fn deliver_due(state: &AppState, limit: u64) -> AppResult<usize> {
    let queue = ClaimQueue::<alert_history::Entity>::new(
        alert_history::Column::Id,
        alert_history::Column::ClaimedUntil,
        state.settings.lease(),
    );
    let due = Due {
        from: "alert_history h",
        alias: "h",
        when: "h.status = 'pending' AND h.next_attempt_at <= $1",
        order: "h.next_attempt_at",
        ..Due::default()
    };
    // Whole milliseconds: the lease is compared as stored, and both databases keep those.
    let now = Utc::now().trunc_subsecs(3);
    let rows = queue.claim(&state.db, &due, now, limit).await?;
    let count = rows.len();
    if count == 0 {
        return Ok(0);
    }
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    let lease = tokio::sync::Mutex::new(queue.lease_until(now));
    let attempts =
        futures_util::future::join_all(rows.into_iter().map(|row| attempt(state, row, &lease)));
    tokio::pin!(attempts);
    let every = state.settings.renew_every();
    let mut renewal = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let results = loop {
        tokio::select! {
            results = &mut attempts => break results,
            _ = renewal.tick() => {
                let mut held = lease.lock().await;
                let until = queue.lease_until(Utc::now().trunc_subsecs(3));
                let renewed = alert_history::Entity::update_many()
                    .col_expr(alert_history::Column::ClaimedUntil, sea_orm::sea_query::Expr::value(until))
                    .filter(alert_history::Column::Id.is_in(ids.clone()))
                    .filter(alert_history::Column::ClaimedUntil.eq(*held))
                    .exec(&state.db)
                    .await;
                match renewed {
                    Ok(_) => *held = until,
                    Err(err) => tracing::warn!(error = ?err, "renewing the leases of alert deliveries failed"),
                }
            }
        }
    };
    for result in results {
        result?;
    }
    Ok(count)
}

async fn attempt(
    state: &AppState,
    row: alert_history::Model,
    lease: &tokio::sync::Mutex<DateTime<Utc>>,
) -> AppResult<()> {
    let provider = match row.notification_provider_id {
        Some(id) => {
            notification_providers::Entity::find_by_id(id)
                .one(&state.db)
                .await?
        }
        None => None,
    };
    let outcome: Result<(), (String, bool)> = match provider.filter(|p| p.is_enabled) {
        None => Err((
            "the notification provider was removed or disabled".into(),
            false,
        )),
        Some(provider) => match crate::notification_provider::channel(state, &provider).await {
            Err(err) => Err((err.public_message(), false)),
            Ok(channel) => {
                let message = message_of(&row, &state.settings.base_url());
                // The row is the message: its retries carry the same `webhook-id`.
                let id = crate::delivery::signed::message_id(row.id);
                crate::delivery::send_as(state, &channel, &message, &id)
                    .await
                    .map(|_| ())
                    .map_err(|e| (e.message().to_owned(), e.is_retryable()))
            }
        },
    };
    let attempts = row.attempts + 1;
    let now = Utc::now();
    let id = row.id;
    let mut update: alert_history::ActiveModel = row.into();
    update.attempts = Set(attempts);
    update.claimed_until = Set(None);
    match outcome {
        Ok(()) => {
            crate::metrics::notification_attempt("sent");
            update.status = Set(AlertStatus::Sent);
            update.sent_at = Set(now);
            update.error_message = Set(None);
            update.next_attempt_at = Set(None);
        }
        Err((error, retryable)) => {
            update.error_message = Set(Some(error.chars().take(1000).collect()));
            if retryable && attempts < MAX_ATTEMPTS {
                crate::metrics::notification_attempt("retry");
                update.next_attempt_at = Set(Some(now + backoff(attempts)));
            } else {
                crate::metrics::notification_attempt("failed");
                update.status = Set(AlertStatus::Failed);
                update.sent_at = Set(now);
                update.next_attempt_at = Set(None);
            }
        }
    }
    // Written only under this claim's lease: a row whose lease ran out and was taken over is
    // the other worker's to write.
    let held = lease.lock().await;
    alert_history::Entity::update_many()
        .set(update)
        .filter(alert_history::Column::Id.eq(id))
        .filter(alert_history::Column::ClaimedUntil.eq(*held))
        .exec(&state.db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        let vars = vec![
            ("monitor.name", "API".to_owned()),
            ("result.error", "boom".to_owned()),
        ];
        assert_eq!(
            render("{{monitor.name}} failed: {{ result.error }}", &vars),
            "API failed: boom"
        );
        assert_eq!(render("{{unknown}}", &vars), "{{unknown}}");
    }
}
