//! Alerts: what a result means for the people watching (failure, recovery, certificate
//! expiry), recorded as pending `alert_history` rows in the same transaction as the result,
//! then delivered by the alert worker with retries. Nothing is sent for muted monitors.

use chrono::{Duration, Utc};
use entity::alert_history::{self, AlertStatus, AlertType};
use entity::member::OrgRole;
use entity::monitor_results::MonitorResultStatus;
use entity::monitors::{self, MonitorStatus};
use entity::{member, monitor_notification_settings, notification_providers, project_members};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::error::AppResult;
use crate::monitor::AlertSettings;
use crate::monitor::engine::Completion;
use crate::state::AppState;

/// Alerts queued for one result.
#[derive(Debug, Default, Clone, Copy)]
pub struct Queued {
    pub failure: i32,
    pub recovery: i32,
}

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

/// Decides the alerts a recorded result raises and queues them.
#[allow(clippy::too_many_arguments)]
pub async fn on_result(
    tx: &Tx,
    state: &AppState,
    monitor: &monitors::Model,
    previous: MonitorStatus,
    now_status: MonitorStatus,
    changed: bool,
    completion: &Completion,
    settings: &AlertSettings,
) -> AppResult<Queued> {
    let mut queued = Queued::default();
    if !settings.enabled || monitor.muted_until.is_some_and(|until| until > Utc::now()) {
        return Ok(queued);
    }
    let outcome = &completion.outcome;
    let error = outcome
        .details
        .get("error")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let vars = vec![
        ("monitor.name", monitor.name.clone()),
        ("monitor.target", monitor.target.clone()),
        ("monitor.status", format!("{now_status:?}").to_lowercase()),
        (
            "monitor.previousStatus",
            format!("{previous:?}").to_lowercase(),
        ),
        ("location", completion.slot.location.clone()),
        ("result.error", error.clone()),
        (
            "result.responseTimeMs",
            outcome
                .response_time_ms
                .map(|ms| ms.to_string())
                .unwrap_or_default(),
        ),
        ("checkedAt", completion.checked_at.to_rfc3339()),
    ];
    let data = json!({
        "monitorId": monitor.id,
        "projectId": monitor.project_id,
        "status": format!("{now_status:?}").to_lowercase(),
        "previousStatus": format!("{previous:?}").to_lowercase(),
        "location": completion.slot.location,
        "checkedAt": completion.checked_at,
        "responseTimeMs": outcome.response_time_ms,
        "details": outcome.details,
    });
    let mut messages = Vec::new();
    if changed && now_status == MonitorStatus::Down {
        let timeout = outcome.status == MonitorResultStatus::Timeout;
        if settings.on_failure || (timeout && settings.on_timeout) {
            let default = format!(
                "{} ({}) is down{}: {}",
                monitor.name,
                monitor.target,
                if timeout { " (timeout)" } else { "" },
                if error.is_empty() {
                    "the check failed"
                } else {
                    &error
                }
            );
            messages.push(AlertMessage {
                kind: AlertType::MonitorFailure,
                title: format!("{} is down", monitor.name),
                body: settings
                    .custom_message
                    .as_deref()
                    .map(|t| render(t, &vars))
                    .unwrap_or(default),
                severity: "critical",
                data: data.clone(),
            });
        }
    }
    if changed
        && now_status == MonitorStatus::Up
        && previous == MonitorStatus::Down
        && settings.on_recovery
    {
        let default = format!("{} ({}) is up again", monitor.name, monitor.target);
        messages.push(AlertMessage {
            kind: AlertType::MonitorRecovery,
            title: format!("{} is up", monitor.name),
            body: settings
                .custom_message
                .as_deref()
                .map(|t| render(t, &vars))
                .unwrap_or(default),
            severity: "success",
            data: data.clone(),
        });
    }
    if let Some(days) = outcome.certificate_days_left
        && settings.on_ssl_expiration
        && outcome
            .details
            .get("certificateExpiring")
            .and_then(Value::as_bool)
            == Some(true)
        && !sent_today(tx, monitor, AlertType::SslExpiring).await?
    {
        messages.push(AlertMessage {
            kind: AlertType::SslExpiring,
            title: format!("The certificate of {} expires in {days} days", monitor.name),
            body: format!(
                "The TLS certificate of {} expires in {days} days.",
                monitor.target
            ),
            severity: "warning",
            data: data.clone(),
        });
    }
    if let Some(days) = outcome.domain_days_left
        && settings.on_ssl_expiration
        && outcome
            .details
            .get("domainExpiring")
            .and_then(Value::as_bool)
            == Some(true)
        && !sent_today(tx, monitor, AlertType::DomainExpiring).await?
    {
        let domain = outcome
            .details
            .get("domain")
            .and_then(Value::as_str)
            .unwrap_or(&monitor.target)
            .to_owned();
        messages.push(AlertMessage {
            kind: AlertType::DomainExpiring,
            title: format!("The domain of {} expires in {days} days", monitor.name),
            body: format!("The registration of {domain} expires in {days} days."),
            severity: "warning",
            data: data.clone(),
        });
    }
    if messages.is_empty() {
        return Ok(queued);
    }
    let providers = providers_of(tx, monitor.id).await?;
    for message in &messages {
        let count = queue(tx, monitor, message, &providers).await?;
        match message.kind {
            AlertType::MonitorFailure => queued.failure += count,
            AlertType::MonitorRecovery => queued.recovery += count,
            _ => {}
        }
        notify_users(tx, monitor, message).await?;
    }
    let _ = state;
    Ok(queued)
}

/// Whether an alert of `kind` about `monitor` went out in the last 24 hours: expiry warnings
/// go at most once a day.
async fn sent_today(tx: &Tx, monitor: &monitors::Model, kind: AlertType) -> AppResult<bool> {
    Ok(alert_history::Entity::find()
        .filter(alert_history::Column::MonitorId.eq(monitor.id))
        .filter(alert_history::Column::Type.eq(kind))
        .filter(alert_history::Column::SentAt.gt(Utc::now() - Duration::hours(24)))
        .count(tx.conn())
        .await?
        > 0)
}

async fn providers_of(tx: &Tx, monitor_id: Uuid) -> AppResult<Vec<notification_providers::Model>> {
    let ids: Vec<Uuid> = monitor_notification_settings::Entity::find()
        .filter(monitor_notification_settings::Column::MonitorId.eq(monitor_id))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|s| s.notification_provider_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(notification_providers::Entity::find()
        .filter(notification_providers::Column::Id.is_in(ids))
        .filter(notification_providers::Column::IsEnabled.eq(true))
        .all(tx.conn())
        .await?)
}

/// One pending delivery per provider; returns how many were queued.
async fn queue(
    tx: &Tx,
    monitor: &monitors::Model,
    message: &AlertMessage,
    providers: &[notification_providers::Model],
) -> AppResult<i32> {
    let now = Utc::now();
    let mut count = 0;
    for provider in providers {
        alert_history::ActiveModel {
            id: Set(Uuid::now_v7()),
            message: Set(message.body.clone()),
            r#type: Set(message.kind),
            target: Set(monitor.name.clone()),
            target_type: Set("monitor".into()),
            monitor_id: Set(Some(monitor.id)),
            job_id: Set(None),
            organization_id: Set(Some(monitor.organization_id)),
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
                "event": format!("monitor.{}", match message.kind {
                    AlertType::MonitorFailure => "down",
                    AlertType::MonitorRecovery => "up",
                    AlertType::SslExpiring => "certificate_expiring",
                    AlertType::DomainExpiring => "domain_expiring",
                    _ => "alert",
                }),
                "data": message.data,
            }))),
        }
        .insert(tx.conn())
        .await?;
        count += 1;
    }
    Ok(count)
}

/// In-app notifications for the people of the monitor's project: organization owners and
/// admins, and members with a role in the project.
async fn notify_users(tx: &Tx, monitor: &monitors::Model, message: &AlertMessage) -> AppResult<()> {
    let mut users: Vec<Uuid> = member::Entity::find()
        .filter(member::Column::OrganizationId.eq(monitor.organization_id))
        .filter(
            Condition::any()
                .add(member::Column::Role.eq(OrgRole::OrgOwner))
                .add(member::Column::Role.eq(OrgRole::OrgAdmin)),
        )
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    users.extend(
        project_members::Entity::find()
            .filter(project_members::Column::ProjectId.eq(monitor.project_id))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|m| m.user_id),
    );
    users.sort_unstable();
    users.dedup();
    let kind = match message.kind {
        AlertType::MonitorFailure => "monitor_down",
        AlertType::MonitorRecovery => "monitor_up",
        AlertType::SslExpiring => "certificate_expiring",
        AlertType::DomainExpiring => "domain_expiring",
        _ => "alert",
    };
    for user_id in users {
        crate::notification::add(tx, user_id, kind, json!({ "title": message.title, "body": message.body, "monitorId": monitor.id, "projectId": monitor.project_id })).await?;
    }
    Ok(())
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
    if ids.is_empty() {
        return Ok(0);
    }
    let providers = notification_providers::Entity::find()
        .filter(notification_providers::Column::Id.is_in(ids))
        .filter(notification_providers::Column::IsEnabled.eq(true))
        .all(tx.conn())
        .await?;
    let now = Utc::now();
    let event = match message.kind {
        AlertType::JobSuccess => "job.passed",
        AlertType::JobTimeout => "job.timed_out",
        _ => "job.failed",
    };
    let mut count = 0;
    for provider in providers {
        alert_history::ActiveModel {
            id: Set(Uuid::now_v7()),
            message: Set(message.body.clone()),
            r#type: Set(message.kind),
            target: Set(job.name.clone()),
            target_type: Set("job".into()),
            monitor_id: Set(None),
            job_id: Set(Some(job.id)),
            organization_id: Set(Some(job.organization_id)),
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

/// Delivery attempts before an alert is given up.
pub const MAX_ATTEMPTS: i32 = 5;
/// How long a claimed delivery holds before another worker may attempt it.
const DELIVERY_LEASE: std::time::Duration = std::time::Duration::from_secs(120);

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
        DELIVERY_LEASE,
    );
    let due = Due {
        from: "alert_history h",
        alias: "h",
        when: "h.status = 'pending' AND h.next_attempt_at <= $1",
        order: "h.next_attempt_at",
        ..Due::default()
    };
    let rows = queue.claim(&state.db, &due, Utc::now(), limit).await?;
    let count = rows.len();
    let attempts = rows.into_iter().map(|row| attempt(state, row));
    for result in futures_util::future::join_all(attempts).await {
        result?;
    }
    Ok(count)
}

async fn attempt(state: &AppState, row: alert_history::Model) -> AppResult<()> {
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
                crate::delivery::send(state, &channel, &message)
                    .await
                    .map(|_| ())
                    .map_err(|e| (e.message().to_owned(), e.is_retryable()))
            }
        },
    };
    let attempts = row.attempts + 1;
    let now = Utc::now();
    let mut update: alert_history::ActiveModel = row.into();
    update.attempts = Set(attempts);
    update.claimed_until = Set(None);
    match outcome {
        Ok(()) => {
            update.status = Set(AlertStatus::Sent);
            update.sent_at = Set(now);
            update.error_message = Set(None);
            update.next_attempt_at = Set(None);
        }
        Err((error, retryable)) => {
            update.error_message = Set(Some(error.chars().take(1000).collect()));
            if retryable && attempts < MAX_ATTEMPTS {
                update.next_attempt_at = Set(Some(now + backoff(attempts)));
            } else {
                update.status = Set(AlertStatus::Failed);
                update.sent_at = Set(now);
                update.next_attempt_at = Set(None);
            }
        }
    }
    update.update(&state.db).await?;
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
