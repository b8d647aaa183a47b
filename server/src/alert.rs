//! Alerts: what a result means for the people watching (failure, recovery, certificate
//! expiry), recorded as pending `alert_history` rows in the same transaction as the result,
//! then delivered by the alert worker with retries. Nothing is sent for muted monitors.

use chrono::{Duration, Utc};
use entity::alert_history::{self, AlertStatus, AlertType};
use entity::member::OrgRole;
use entity::monitor_results::MonitorResultStatus;
use entity::monitors::{self, MonitorStatus};
use entity::{
    member, monitor_notification_settings, notification_providers, notifications, project_members,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::db::Tx;
use crate::error::AppResult;
use crate::events::Event;
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
    {
        // At most one certificate alert a day per monitor.
        let recent = alert_history::Entity::find()
            .filter(alert_history::Column::MonitorId.eq(monitor.id))
            .filter(alert_history::Column::Type.eq(AlertType::SslExpiring))
            .filter(alert_history::Column::SentAt.gt(Utc::now() - Duration::hours(24)))
            .count(tx.conn())
            .await?;
        if recent == 0 {
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
    let now = Utc::now();
    let kind = match message.kind {
        AlertType::MonitorFailure => "monitor_down",
        AlertType::MonitorRecovery => "monitor_up",
        AlertType::SslExpiring => "certificate_expiring",
        _ => "alert",
    };
    for user_id in users {
        let note = notifications::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            r#type: Set(kind.into()),
            content: Set(json!({ "title": message.title, "body": message.body, "monitorId": monitor.id, "projectId": monitor.project_id })),
            status: Set("sent".into()),
            sent_at: Set(Some(now)),
            read_at: Set(None),
            created_at: Set(now),
        }
        .insert(tx.conn())
        .await?;
        tx.publish(Event::NotificationAdded {
            user_id,
            notification_id: note.id,
        })
        .await?;
    }
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
