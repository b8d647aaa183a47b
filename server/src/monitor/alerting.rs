//! What a monitor's result means for the people watching: a location flips after its
//! thresholds; a status change (failure, recovery) or an expiry warning (certificate, domain
//! registration) raises alerts; a muted monitor, one whose alerts are off, one whose parent
//! is down or one under a maintenance in progress raises none. The alerts go to the monitor's
//! enabled notification providers, queued as pending deliveries by [`crate::alert::enqueue`]
//! in the transaction that records the result, and to the project's people as in-app
//! notifications.

use chrono::{DateTime, Duration, Utc};
use entity::alert_history::{self, AlertType};
use entity::member::OrgRole;
use entity::monitor_results::MonitorResultStatus;
use entity::monitors::{self, MonitorStatus};
use entity::{alerts, member, monitor_notification_settings, project_members};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use super::check::CheckOutcome;
use crate::alert::{AlertMessage, Subject, render};
use crate::db::Tx;
use crate::error::{AppError, AppResult};

/// Alert settings of a monitor (the `alerts` row).
#[derive(Debug, Clone, PartialEq)]
pub struct AlertSettings {
    pub enabled: bool,
    pub on_failure: bool,
    pub on_recovery: bool,
    pub on_ssl_expiration: bool,
    pub on_timeout: bool,
    pub failure_threshold: i32,
    pub recovery_threshold: i32,
    pub custom_message: Option<String>,
}

impl Default for AlertSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            on_failure: true,
            on_recovery: true,
            on_ssl_expiration: true,
            on_timeout: true,
            failure_threshold: 1,
            recovery_threshold: 1,
            custom_message: None,
        }
    }
}

impl AlertSettings {
    pub fn from_row(row: &alerts::Model) -> Self {
        Self {
            enabled: row.enabled,
            on_failure: row.alert_on_failure,
            on_recovery: row.alert_on_recovery,
            on_ssl_expiration: row.alert_on_ssl_expiration,
            on_timeout: row.alert_on_timeout,
            failure_threshold: row.failure_threshold,
            recovery_threshold: row.recovery_threshold,
            custom_message: row.custom_message.clone(),
        }
    }

    pub(super) fn validate(&self) -> AppResult<()> {
        if !(1..=100).contains(&self.failure_threshold) {
            return Err(AppError::field(
                "alert.failureThreshold",
                "must be between 1 and 100",
            ));
        }
        if !(1..=100).contains(&self.recovery_threshold) {
            return Err(AppError::field(
                "alert.recoveryThreshold",
                "must be between 1 and 100",
            ));
        }
        if self.custom_message.as_ref().is_some_and(|m| m.len() > 4000) {
            return Err(AppError::field(
                "alert.customMessage",
                "must be at most 4000 characters",
            ));
        }
        Ok(())
    }
}

/// Alerts queued for one result.
#[derive(Debug, Default, Clone, Copy)]
pub struct Queued {
    pub failure: i32,
    pub recovery: i32,
}

/// A location's view after a result: thresholds decide when it flips.
pub fn location_status(
    current: MonitorStatus,
    failures: i32,
    successes: i32,
    up: bool,
    settings: &AlertSettings,
) -> MonitorStatus {
    match (current, up) {
        (MonitorStatus::Pending, true) => MonitorStatus::Up,
        (MonitorStatus::Down, true) if successes >= settings.recovery_threshold => {
            MonitorStatus::Up
        }
        (MonitorStatus::Down, true) => MonitorStatus::Down,
        (_, true) => MonitorStatus::Up,
        (_, false) if failures >= settings.failure_threshold => MonitorStatus::Down,
        (status, false) => status,
    }
}

/// The first of the monitors `depends_on` names that is down (`find` gives each one's status
/// as of now): while there is one, the dependent's alerts are held back.
pub fn held_by<'a>(
    depends_on: &[Uuid],
    find: impl Fn(&Uuid) -> Option<&'a monitors::Model>,
) -> Option<&'a monitors::Model> {
    depends_on
        .iter()
        .filter_map(find)
        .find(|p| p.status == MonitorStatus::Down)
}

/// Notes in a result's details which monitor held its alerts back, and why.
pub fn note_hold(details: &mut Value, parent: &monitors::Model) {
    if let Value::Object(map) = details {
        map.insert(
            "alertsHeldBy".into(),
            json!({
                "monitorId": parent.id,
                "name": parent.name,
                "reason": format!("{} is down, and this monitor depends on it", parent.name),
            }),
        );
    }
}

/// A result being recorded, as alerting reads it.
pub struct RecordedResult<'a> {
    /// The monitor as it was before this result.
    pub monitor: &'a monitors::Model,
    pub previous: MonitorStatus,
    /// The monitor's status after this result.
    pub status: MonitorStatus,
    /// Whether this result changed the monitor's status.
    pub changed: bool,
    pub location: &'a str,
    pub checked_at: DateTime<Utc>,
    pub outcome: &'a CheckOutcome,
    pub settings: &'a AlertSettings,
    /// A monitor this one depends on that is down ([`held_by`]).
    pub held_by: Option<&'a monitors::Model>,
    /// A maintenance in progress that covers this monitor: it holds every alert.
    pub maintenance: Option<&'a crate::status_page::maintenance::Hold>,
}

impl RecordedResult<'_> {
    /// Whether the result may raise anything: a status change or an expiry figure, not held
    /// back by a parent or a maintenance, alerts on and not muted.
    fn may_alert(&self) -> bool {
        let has_news = self.changed
            || self.outcome.certificate_days_left.is_some()
            || self.outcome.domain_days_left.is_some();
        let muted = self
            .monitor
            .muted_until
            .is_some_and(|until| until > Utc::now());
        let held = self.held_by.is_some() || self.maintenance.is_some();
        !held && has_news && self.settings.enabled && !muted
    }

    fn error(&self) -> String {
        self.outcome
            .details
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    }

    /// The placeholders of a custom message.
    fn vars(&self) -> Vec<(&'static str, String)> {
        let monitor = self.monitor;
        vec![
            ("monitor.name", monitor.name.clone()),
            ("monitor.target", monitor.target.clone()),
            ("monitor.status", lower(self.status)),
            ("monitor.previousStatus", lower(self.previous)),
            ("location", self.location.to_owned()),
            ("result.error", self.error()),
            (
                "result.responseTimeMs",
                self.outcome
                    .response_time_ms
                    .map(|ms| ms.to_string())
                    .unwrap_or_default(),
            ),
            ("checkedAt", self.checked_at.to_rfc3339()),
        ]
    }

    /// The data every alert of this result carries to its channels.
    fn data(&self) -> Value {
        json!({
            "monitorId": self.monitor.id,
            "projectId": self.monitor.project_id,
            "status": lower(self.status),
            "previousStatus": lower(self.previous),
            "location": self.location,
            "checkedAt": self.checked_at,
            "responseTimeMs": self.outcome.response_time_ms,
            "details": self.outcome.details,
        })
    }

    /// The custom message if the monitor has one, `default` otherwise.
    fn body(&self, default: String) -> String {
        self.settings
            .custom_message
            .as_deref()
            .map(|t| render(t, &self.vars()))
            .unwrap_or(default)
    }
}

fn lower(status: MonitorStatus) -> String {
    format!("{status:?}").to_lowercase()
}

/// Decides the alerts a recorded result raises and queues them, in the transaction that
/// records it.
pub async fn on_result(tx: &Tx, result: &RecordedResult<'_>) -> AppResult<Queued> {
    if !result.may_alert() {
        return Ok(Queued::default());
    }
    let data = result.data();
    let mut messages = status_messages(result, &data);
    messages.extend(expiry_messages(tx, result, &data).await?);
    if messages.is_empty() {
        return Ok(Queued::default());
    }
    queue(tx, result.monitor, &messages).await
}

/// The failure or recovery alert of a status change.
fn status_messages(result: &RecordedResult<'_>, data: &Value) -> Vec<AlertMessage> {
    let (monitor, settings) = (result.monitor, result.settings);
    let mut messages = Vec::new();
    if result.changed && result.status == MonitorStatus::Down {
        let timeout = result.outcome.status == MonitorResultStatus::Timeout;
        if settings.on_failure || (timeout && settings.on_timeout) {
            let error = result.error();
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
                body: result.body(default),
                severity: "critical",
                data: data.clone(),
            });
        }
    }
    if result.changed
        && result.status == MonitorStatus::Up
        && result.previous == MonitorStatus::Down
        && settings.on_recovery
    {
        let default = format!("{} ({}) is up again", monitor.name, monitor.target);
        messages.push(AlertMessage {
            kind: AlertType::MonitorRecovery,
            title: format!("{} is up", monitor.name),
            body: result.body(default),
            severity: "success",
            data: data.clone(),
        });
    }
    messages
}

/// The certificate and domain expiry warnings, at most one of each a day.
async fn expiry_messages(
    tx: &Tx,
    result: &RecordedResult<'_>,
    data: &Value,
) -> AppResult<Vec<AlertMessage>> {
    let (monitor, outcome) = (result.monitor, result.outcome);
    let flagged = |key: &str| outcome.details.get(key).and_then(Value::as_bool) == Some(true);
    let mut messages = Vec::new();
    if let Some(days) = outcome.certificate_days_left
        && result.settings.on_ssl_expiration
        && flagged("certificateExpiring")
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
        && result.settings.on_ssl_expiration
        && flagged("domainExpiring")
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
    Ok(messages)
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

/// Queues `messages` for the monitor's enabled providers and notifies its people in the app.
async fn queue(tx: &Tx, monitor: &monitors::Model, messages: &[AlertMessage]) -> AppResult<Queued> {
    let ids: Vec<Uuid> = monitor_notification_settings::Entity::find()
        .filter(monitor_notification_settings::Column::MonitorId.eq(monitor.id))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|s| s.notification_provider_id)
        .collect();
    let providers = crate::alert::enabled_providers(tx, ids).await?;
    let subject = Subject::monitor(monitor);
    let mut queued = Queued::default();
    for message in messages {
        let count =
            crate::alert::enqueue(tx, &subject, message, event(message.kind), &providers).await?;
        match message.kind {
            AlertType::MonitorFailure => queued.failure += count,
            AlertType::MonitorRecovery => queued.recovery += count,
            _ => {}
        }
        notify_users(tx, monitor, message).await?;
    }
    Ok(queued)
}

/// The event name channels receive with a monitor alert.
fn event(kind: AlertType) -> &'static str {
    match kind {
        AlertType::MonitorFailure => "monitor.down",
        AlertType::MonitorRecovery => "monitor.up",
        AlertType::SslExpiring => "monitor.certificate_expiring",
        AlertType::DomainExpiring => "monitor.domain_expiring",
        _ => "monitor.alert",
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_decide_when_a_location_flips() {
        let settings = AlertSettings {
            failure_threshold: 3,
            recovery_threshold: 2,
            ..AlertSettings::default()
        };
        assert_eq!(
            location_status(MonitorStatus::Up, 2, 0, false, &settings),
            MonitorStatus::Up
        );
        assert_eq!(
            location_status(MonitorStatus::Up, 3, 0, false, &settings),
            MonitorStatus::Down
        );
        assert_eq!(
            location_status(MonitorStatus::Down, 0, 1, true, &settings),
            MonitorStatus::Down
        );
        assert_eq!(
            location_status(MonitorStatus::Down, 0, 2, true, &settings),
            MonitorStatus::Up
        );
        assert_eq!(
            location_status(MonitorStatus::Pending, 0, 1, true, &settings),
            MonitorStatus::Up
        );
        assert_eq!(
            location_status(MonitorStatus::Pending, 1, 0, false, &settings),
            MonitorStatus::Pending
        );
    }
}
