//! Monitors, their results, uptime and response-time figures, and live updates.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Enum, ID, InputObject, Json, Object, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{monitor_results, monitors, tags};
use futures_util::Stream;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::error::AppError;
use crate::events::Event;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::graphql::tag::Tag;
use crate::monitor::types::http::{Auth, Header, HttpConfig, KeywordMode as KeywordModeCfg};
use crate::monitor::types::{self, MonitorConfig};
use crate::monitor::{self, AlertSettings, MonitorInput, query};
use crate::state::AppState;
use crate::validate;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::monitors::MonitorType")]
pub enum MonitorType {
    Http,
    Website,
    Ping,
    Port,
    Heartbeat,
    SyntheticTest,
    Dns,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::monitors::MonitorStatus")]
pub enum MonitorStatus {
    Pending,
    Up,
    Down,
    Paused,
    Maintenance,
    Error,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::monitor_results::MonitorResultStatus")]
pub enum MonitorResultStatus {
    Up,
    Down,
    Error,
    Timeout,
}

/// How the statuses of several locations make the monitor's status.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::monitors::MonitorAggregation")]
pub enum MonitorAggregation {
    /// Down when any location sees it down.
    Any,
    /// Down when more than half of the locations see it down.
    Majority,
    /// Down only when every location sees it down.
    All,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum HttpAuthType {
    None,
    Basic,
    Bearer,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum KeywordMode {
    Present,
    Absent,
}

/// What an alert was about.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::alert_history::AlertType")]
pub enum AlertType {
    MonitorFailure,
    MonitorRecovery,
    SslExpiring,
    JobFailed,
    JobSuccess,
    JobTimeout,
    DomainExpiring,
}

/// Where the delivery of an alert through one channel stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::alert_history::AlertStatus")]
pub enum AlertDeliveryStatus {
    /// Queued, or failed and waiting for its next attempt.
    Pending,
    Sent,
    /// Given up: a permanent failure, or every attempt failed.
    Failed,
}

/// Time windows of uptime figures.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Hash)]
#[graphql(remote = "query::UptimeWindow")]
pub enum UptimeWindow {
    Day,
    Week,
    Month,
    Quarter,
}

/// Ranges of response-time series.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "query::SeriesRange")]
pub enum SeriesRange {
    /// The last hour, one point per minute.
    Hour,
    /// The last 6 hours, one point per 5 minutes.
    SixHours,
    /// The last day, one point per hour.
    Day,
    /// The last 7 days, one point per hour.
    Week,
    /// The last 30 days, one point per day.
    Month,
    /// The last 90 days, one point per day.
    Quarter,
}

#[derive(InputObject)]
pub struct HeaderInput {
    pub name: String,
    pub value: String,
}

#[derive(InputObject)]
pub struct HttpAuthInput {
    #[graphql(name = "type")]
    pub kind: HttpAuthType,
    pub username: Option<String>,
    pub password: Option<String>,
    pub token: Option<String>,
}

/// Settings of HTTP and website checks. Secret values sent back as `********` keep their
/// stored value.
#[derive(InputObject, Default)]
pub struct HttpSettingsInput {
    pub method: Option<HttpMethod>,
    pub headers: Option<Vec<HeaderInput>>,
    pub body: Option<String>,
    pub auth: Option<HttpAuthInput>,
    /// Codes, ranges or classes: `200`, `200-299`, `2xx`. Default `200-299`.
    pub expected_status_codes: Option<Vec<String>>,
    pub keyword: Option<String>,
    pub keyword_mode: Option<KeywordMode>,
    /// `$.status` or `$.items[0].ok`.
    pub json_path: Option<String>,
    pub json_expected: Option<String>,
    /// 1 to 60, default 30.
    pub timeout_seconds: Option<i32>,
    pub follow_redirects: Option<bool>,
    pub ignore_tls_errors: Option<bool>,
}

#[derive(InputObject)]
pub struct TlsSettingsInput {
    /// Alert when the certificate expires within this many days (default 14).
    pub expiry_days: i32,
}

#[derive(InputObject)]
pub struct PortSettingsInput {
    pub port: i32,
    #[graphql(default)]
    pub tls: bool,
    #[graphql(default = 10)]
    pub timeout_seconds: i32,
}

#[derive(InputObject)]
pub struct PingSettingsInput {
    #[graphql(default = 10)]
    pub timeout_seconds: i32,
}

#[derive(InputObject)]
pub struct HeartbeatSettingsInput {
    /// How late a ping may be (default 5 minutes).
    pub grace_period_minutes: i32,
}

#[derive(InputObject)]
pub struct DnsSettingsInput {
    /// A, AAAA, CNAME, MX, NS, TXT, SOA or CAA (default A).
    #[graphql(default_with = "\"A\".to_string()")]
    pub record_type: String,
    /// Values that must all be among the answers (an MX answer matches its host alone too);
    /// empty: any answer will do.
    #[graphql(default)]
    pub expected: Vec<String>,
    /// The name server to ask (`ip` or `ip:port`); default: the system's resolvers.
    pub resolver: Option<String>,
    #[graphql(default = 10)]
    pub timeout_seconds: i32,
}

#[derive(InputObject)]
pub struct DomainSettingsInput {
    /// Warn when the domain's registration (looked up through RDAP) expires within this many
    /// days; 0 turns the watch off.
    pub expiry_days: i32,
    /// The domain to watch (example.com); default: the registered domain of the target's
    /// host.
    pub name: Option<String>,
}

#[derive(InputObject)]
pub struct AlertSettingsInput {
    #[graphql(default = true)]
    pub enabled: bool,
    #[graphql(default = true)]
    pub alert_on_failure: bool,
    #[graphql(default = true)]
    pub alert_on_recovery: bool,
    #[graphql(default = true)]
    pub alert_on_ssl_expiration: bool,
    #[graphql(default = true)]
    pub alert_on_timeout: bool,
    /// Failed checks in a row before the monitor is down (default 1).
    #[graphql(default = 1)]
    pub failure_threshold: i32,
    /// Successful checks in a row before it is up again (default 1).
    #[graphql(default = 1)]
    pub recovery_threshold: i32,
    /// Replaces the alert text; placeholders: {{monitor.name}}, {{monitor.target}},
    /// {{monitor.status}}, {{location}}, {{result.error}}, {{result.responseTimeMs}}.
    pub custom_message: Option<String>,
}

#[derive(InputObject)]
pub struct CreateMonitorInput {
    pub project_id: ID,
    pub name: String,
    pub description: Option<String>,
    #[graphql(name = "type")]
    pub kind: MonitorType,
    /// URL (http, website), host (ping, port); not used by heartbeat and synthetic monitors.
    pub target: Option<String>,
    /// Default 5.
    pub frequency_minutes: Option<i32>,
    #[graphql(flatten)]
    pub check: MonitorCheckInput,
    /// Where to check from; default: the `default` location.
    pub locations: Option<Vec<String>>,
    #[graphql(flatten)]
    pub settings: MonitorSettingsInput,
}

#[derive(InputObject)]
pub struct UpdateMonitorInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub target: Option<String>,
    pub frequency_minutes: Option<i32>,
    #[graphql(flatten)]
    pub check: MonitorCheckInput,
    pub locations: Option<Vec<String>>,
    #[graphql(flatten)]
    pub settings: MonitorSettingsInput,
}

/// Whether and how a monitor is checked: on or off, and the settings of its type. Flattened
/// into [`CreateMonitorInput`] and [`UpdateMonitorInput`] (it is no type of the API).
#[derive(InputObject)]
pub struct MonitorCheckInput {
    pub enabled: Option<bool>,
    pub http: Option<HttpSettingsInput>,
    pub tls: Option<TlsSettingsInput>,
    pub port: Option<PortSettingsInput>,
    pub ping: Option<PingSettingsInput>,
    pub heartbeat: Option<HeartbeatSettingsInput>,
    pub synthetic_test_id: Option<ID>,
}

/// The other settings create and update share: how locations vote, tags, providers, alerts,
/// DNS and domain settings, the down interval, parents. Flattened into
/// [`CreateMonitorInput`] and [`UpdateMonitorInput`] (it is no type of the API). It stands
/// apart from [`MonitorCheckInput`] because `locations` comes between the two in both inputs
/// and is documented in one of them only: one struct would change the schema.
#[derive(InputObject)]
pub struct MonitorSettingsInput {
    pub aggregation: Option<MonitorAggregation>,
    pub tag_ids: Option<Vec<ID>>,
    pub notification_provider_ids: Option<Vec<ID>>,
    pub alert: Option<AlertSettingsInput>,
    /// Settings of `dns` monitors (the target is the name to resolve).
    pub dns: Option<DnsSettingsInput>,
    /// Domain registration watch of `website` monitors.
    pub domain: Option<DomainSettingsInput>,
    /// While checks fail, check again after this many seconds (20 to 86400) instead of at the
    /// next regular slot; 0 turns it off.
    pub down_interval_seconds: Option<i32>,
    /// Monitors of the same project this one depends on: while one of them is down, this
    /// one's alerts are held back. Replaces the list.
    pub parent_ids: Option<Vec<ID>>,
}

#[derive(InputObject, Default)]
pub struct MonitorFilter {
    pub status: Option<MonitorStatus>,
    #[graphql(name = "type")]
    pub kind: Option<MonitorType>,
    /// Part of the name or target.
    pub search: Option<String>,
    pub tag_id: Option<ID>,
}

#[derive(InputObject, Default)]
pub struct MonitorResultFilter {
    pub location: Option<String>,
    pub status: Option<MonitorResultStatus>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

fn non_negative(field: &str, value: i32) -> Result<u32, AppError> {
    u32::try_from(value).map_err(|_| AppError::field(field, "must not be negative"))
}

fn http_config(input: HttpSettingsInput) -> Result<HttpConfig, AppError> {
    let defaults = HttpConfig::default();
    let auth = match input.auth {
        None => None,
        Some(auth) => match auth.kind {
            HttpAuthType::None => None,
            HttpAuthType::Basic => Some(Auth::Basic {
                username: auth.username.unwrap_or_default(),
                password: auth.password.unwrap_or_default(),
            }),
            HttpAuthType::Bearer => Some(Auth::Bearer {
                token: auth.token.unwrap_or_default(),
            }),
        },
    };
    Ok(HttpConfig {
        method: input
            .method
            .map_or(defaults.method, |m| format!("{m:?}").to_uppercase()),
        headers: input
            .headers
            .unwrap_or_default()
            .into_iter()
            .map(|h| Header {
                name: h.name,
                value: h.value,
            })
            .collect(),
        body: input.body,
        auth,
        expected_status_codes: input
            .expected_status_codes
            .unwrap_or(defaults.expected_status_codes),
        keyword: input.keyword.filter(|k| !k.is_empty()),
        keyword_mode: match input.keyword_mode {
            Some(KeywordMode::Absent) => KeywordModeCfg::Absent,
            _ => KeywordModeCfg::Present,
        },
        json_path: input.json_path.filter(|p| !p.is_empty()),
        json_expected: input.json_expected,
        timeout_seconds: match input.timeout_seconds {
            Some(t) => non_negative("http.timeoutSeconds", t)?,
            None => defaults.timeout_seconds,
        },
        follow_redirects: input.follow_redirects.unwrap_or(true),
        ignore_tls_errors: input.ignore_tls_errors.unwrap_or(false),
    })
}

/// The one conversion of create and update inputs into the domain's input (a create is an
/// update of every field, with the name given).
impl TryFrom<UpdateMonitorInput> for MonitorInput {
    type Error = AppError;

    fn try_from(input: UpdateMonitorInput) -> Result<Self, AppError> {
        let mut domain = MonitorInput {
            name: input.name,
            description: input.description,
            target: input.target,
            frequency_minutes: input.frequency_minutes,
            locations: input.locations,
            ..MonitorInput::default()
        };
        input.check.fill(&mut domain)?;
        input.settings.fill(&mut domain)?;
        Ok(domain)
    }
}

impl From<CreateMonitorInput> for UpdateMonitorInput {
    fn from(input: CreateMonitorInput) -> Self {
        UpdateMonitorInput {
            name: Some(input.name),
            description: input.description,
            target: input.target,
            frequency_minutes: input.frequency_minutes,
            check: input.check,
            locations: input.locations,
            settings: input.settings,
        }
    }
}

impl MonitorCheckInput {
    fn fill(self, domain: &mut MonitorInput) -> Result<(), AppError> {
        domain.enabled = self.enabled;
        let sections = &mut domain.type_settings;
        sections.http = self.http.map(http_config).transpose()?;
        sections.tls = self
            .tls
            .map(|t| {
                non_negative("tls.expiryDays", t.expiry_days)
                    .map(|expiry_days| types::website::TlsConfig { expiry_days })
            })
            .transpose()?;
        sections.port = self
            .port
            .map(|p| -> Result<types::port::PortConfig, AppError> {
                Ok(types::port::PortConfig {
                    port: u16::try_from(p.port)
                        .map_err(|_| AppError::field("port.port", "must be between 1 and 65535"))?,
                    tls: p.tls,
                    timeout_seconds: non_negative("port.timeoutSeconds", p.timeout_seconds)?,
                })
            })
            .transpose()?;
        sections.ping = self
            .ping
            .map(|p| {
                non_negative("ping.timeoutSeconds", p.timeout_seconds)
                    .map(|timeout_seconds| types::ping::PingConfig { timeout_seconds })
            })
            .transpose()?;
        sections.heartbeat = self
            .heartbeat
            .map(|h| {
                non_negative("heartbeat.gracePeriodMinutes", h.grace_period_minutes).map(
                    |grace_period_minutes| types::heartbeat::HeartbeatConfig {
                        grace_period_minutes,
                    },
                )
            })
            .transpose()?;
        sections.synthetic =
            validate::opt_id("syntheticTestId", self.synthetic_test_id.as_deref())?
                .map(|test_id| types::synthetic::SyntheticConfig { test_id });
        Ok(())
    }
}

impl MonitorSettingsInput {
    fn fill(self, domain: &mut MonitorInput) -> Result<(), AppError> {
        domain.aggregation = self.aggregation.map(Into::into);
        domain.tag_ids = validate::opt_ids("tagIds", self.tag_ids)?;
        domain.notification_provider_ids =
            validate::opt_ids("notificationProviderIds", self.notification_provider_ids)?;
        domain.alert = self.alert.map(|a| AlertSettings {
            enabled: a.enabled,
            on_failure: a.alert_on_failure,
            on_recovery: a.alert_on_recovery,
            on_ssl_expiration: a.alert_on_ssl_expiration,
            on_timeout: a.alert_on_timeout,
            failure_threshold: a.failure_threshold,
            recovery_threshold: a.recovery_threshold,
            custom_message: a.custom_message.filter(|m| !m.trim().is_empty()),
        });
        domain.type_settings.dns = self
            .dns
            .map(|d| -> Result<types::dns::DnsConfig, AppError> {
                Ok(types::dns::DnsConfig {
                    record_type: d.record_type,
                    expected: d.expected,
                    resolver: d.resolver,
                    timeout_seconds: non_negative("dns.timeoutSeconds", d.timeout_seconds)?,
                })
            })
            .transpose()?;
        domain.type_settings.domain = self
            .domain
            .map(|d| {
                non_negative("domain.expiryDays", d.expiry_days).map(|expiry_days| {
                    types::website::DomainConfig {
                        expiry_days,
                        name: d.name.filter(|n| !n.trim().is_empty()),
                    }
                })
            })
            .transpose()?;
        domain.down_interval_seconds = self
            .down_interval_seconds
            .map(|s| non_negative("downIntervalSeconds", s))
            .transpose()?;
        domain.parent_ids = validate::opt_ids("parentIds", self.parent_ids)?;
        Ok(())
    }
}

/// A monitor's alert settings.
#[derive(SimpleObject)]
pub struct MonitorAlertSettings {
    pub enabled: bool,
    pub alert_on_failure: bool,
    pub alert_on_recovery: bool,
    pub alert_on_ssl_expiration: bool,
    pub alert_on_timeout: bool,
    pub failure_threshold: i32,
    pub recovery_threshold: i32,
    pub custom_message: Option<String>,
}

/// Uptime over the usual windows, in percent (null when nothing was checked).
#[derive(SimpleObject)]
pub struct Uptimes {
    pub day: Option<f64>,
    pub week: Option<f64>,
    pub month: Option<f64>,
    pub quarter: Option<f64>,
}

/// One point of a response-time chart.
#[derive(SimpleObject)]
pub struct ResponseTimeBucket {
    pub start: DateTime<Utc>,
    pub checks: i32,
    pub failed: i32,
    pub avg_ms: Option<i32>,
    pub min_ms: Option<i32>,
    pub max_ms: Option<i32>,
    pub p95_ms: Option<i32>,
}

/// One day of an uptime bar.
#[derive(SimpleObject)]
pub struct DailyUptime {
    pub date: DateTime<Utc>,
    pub checks: i32,
    pub failed: i32,
    pub uptime: Option<f64>,
}

impl From<query::Bucket> for ResponseTimeBucket {
    fn from(b: query::Bucket) -> Self {
        ResponseTimeBucket {
            start: b.start,
            checks: b.checks,
            failed: b.failed,
            avg_ms: b.avg_ms,
            min_ms: b.min_ms,
            max_ms: b.max_ms,
            p95_ms: b.p95_ms,
        }
    }
}

impl From<query::DailyUptime> for DailyUptime {
    fn from(d: query::DailyUptime) -> Self {
        DailyUptime {
            date: d.date,
            checks: d.checks,
            failed: d.failed,
            uptime: d.uptime,
        }
    }
}

/// The monitor as seen from one location.
#[derive(SimpleObject)]
pub struct LocationStatus {
    pub location: String,
    pub status: MonitorStatus,
    pub last_checked_at: Option<DateTime<Utc>>,
    pub next_check_at: DateTime<Utc>,
    pub consecutive_failures: i32,
    pub consecutive_successes: i32,
}

/// One alert sent (or being sent) through one notification provider.
pub struct MonitorAlert {
    row: entity::alert_history::Model,
    provider_name: Option<String>,
}

#[Object]
impl MonitorAlert {
    async fn id(&self) -> ID {
        ID(self.row.id.to_string())
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> AlertType {
        self.row.r#type.into()
    }
    /// The alert's text as it was sent.
    async fn message(&self) -> &str {
        &self.row.message
    }
    /// The channel: `email`, `slack`, `webhook`, ...
    async fn channel(&self) -> &str {
        &self.row.provider
    }
    async fn notification_provider_id(&self) -> Option<ID> {
        self.row
            .notification_provider_id
            .map(|id| ID(id.to_string()))
    }
    /// The provider's name; null once it was deleted.
    async fn provider_name(&self) -> Option<&str> {
        self.provider_name.as_deref()
    }
    async fn status(&self) -> AlertDeliveryStatus {
        self.row.status.into()
    }
    /// When it was raised, or when it was sent or given up.
    async fn sent_at(&self) -> DateTime<Utc> {
        self.row.sent_at
    }
    async fn attempts(&self) -> i32 {
        self.row.attempts
    }
    /// When a pending delivery is tried (again).
    async fn next_attempt_at(&self) -> Option<DateTime<Utc>> {
        self.row.next_attempt_at
    }
    /// Why the last attempt failed (never carries a secret).
    async fn error(&self) -> Option<&str> {
        self.row.error_message.as_deref()
    }
}

/// A period a monitor was down.
#[derive(SimpleObject)]
pub struct Downtime {
    pub start: DateTime<Utc>,
    /// Null while it is still down.
    pub end: Option<DateTime<Utc>>,
    /// Length in seconds, up to now while it is still down.
    pub duration_seconds: i64,
    /// What the check that turned it down reported.
    pub cause: Option<String>,
    /// Its error class: `connect`, `dns`, `tls`, `timeout`, `status`, `keyword`, ...
    pub error_class: Option<String>,
    /// Where that check ran.
    pub location: String,
}

impl From<query::Downtime> for Downtime {
    fn from(d: query::Downtime) -> Self {
        Downtime {
            start: d.start,
            end: d.end,
            duration_seconds: (d.end.unwrap_or_else(Utc::now) - d.start).num_seconds(),
            cause: d.cause,
            error_class: d.error_class,
            location: d.location,
        }
    }
}

/// A monitor and what it found.
pub struct Monitor(pub monitors::Model);

#[Object]
impl Monitor {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> MonitorType {
        self.0.r#type.into()
    }
    async fn target(&self) -> &str {
        &self.0.target
    }
    async fn frequency_minutes(&self) -> i32 {
        self.0.frequency_minutes
    }
    async fn enabled(&self) -> bool {
        self.0.enabled
    }
    async fn status(&self) -> MonitorStatus {
        self.0.status.into()
    }
    /// Type-specific settings; secrets appear as `********`.
    async fn config(&self) -> Json<serde_json::Value> {
        Json(MonitorConfig::from_json(self.0.config.as_ref()).masked())
    }
    async fn last_check_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_check_at
    }
    async fn last_status_change_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_status_change_at
    }
    async fn next_check_at(&self) -> Option<DateTime<Utc>> {
        self.0.next_check_at
    }
    async fn muted_until(&self) -> Option<DateTime<Utc>> {
        self.0.muted_until
    }
    /// True while alerts are silenced.
    async fn muted(&self) -> bool {
        self.0.muted_until.is_some_and(|u| u > Utc::now())
    }
    /// The URL a heartbeat job pings (`/start` and `/fail` may be appended).
    async fn heartbeat_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.0
            .heartbeat_token
            .as_ref()
            .map(|token| format!("{}/ping/{token}", ctx.state().settings.base_url()))
    }
    /// The monitors this one depends on.
    async fn parent_ids(&self) -> Vec<ID> {
        MonitorConfig::from_json(self.0.config.as_ref())
            .depends_on
            .iter()
            .map(|id| ID(id.to_string()))
            .collect()
    }
    /// Seconds between checks while failing, when set.
    async fn down_interval_seconds(&self) -> Option<i32> {
        MonitorConfig::from_json(self.0.config.as_ref())
            .down_interval_seconds
            .and_then(|s| i32::try_from(s).ok())
    }
    async fn locations(&self) -> Vec<String> {
        monitor::locations_of(&self.0)
    }
    async fn aggregation(&self) -> MonitorAggregation {
        self.0.aggregation.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn tags(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Tag>> {
        Ok(ctx
            .loaders()
            .monitor_tags
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Tag)
            .collect())
    }
    async fn notification_provider_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        let ids = query::provider_ids(&ctx.state().db, self.0.id).await?;
        Ok(ids.into_iter().map(|id| ID(id.to_string())).collect())
    }
    async fn alert(&self, ctx: &Context<'_>) -> async_graphql::Result<MonitorAlertSettings> {
        let s = monitor::alert_settings(&ctx.state().db, self.0.id).await?;
        Ok(MonitorAlertSettings {
            enabled: s.enabled,
            alert_on_failure: s.on_failure,
            alert_on_recovery: s.on_recovery,
            alert_on_ssl_expiration: s.on_ssl_expiration,
            alert_on_timeout: s.on_timeout,
            failure_threshold: s.failure_threshold,
            recovery_threshold: s.recovery_threshold,
            custom_message: s.custom_message,
        })
    }
    /// The most recent result.
    async fn latest_result(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<MonitorResult>> {
        if self.0.last_check_at.is_none() {
            return Ok(None);
        }
        Ok(ctx
            .loaders()
            .latest_results
            .load_one(self.0.id)
            .await?
            .map(MonitorResult))
    }
    /// Uptime in percent over a window, from the aggregates.
    async fn uptime(
        &self,
        ctx: &Context<'_>,
        window: UptimeWindow,
    ) -> async_graphql::Result<Option<f64>> {
        Ok(ctx
            .loaders()
            .uptimes
            .load_one((self.0.id, window.into()))
            .await?
            .flatten())
    }
    /// Uptime over the last day, week, month and quarter.
    async fn uptimes(&self, ctx: &Context<'_>) -> async_graphql::Result<Uptimes> {
        let l = &ctx.loaders().uptimes;
        let (day, week, month, quarter) = futures_util::try_join!(
            l.load_one((self.0.id, query::UptimeWindow::Day)),
            l.load_one((self.0.id, query::UptimeWindow::Week)),
            l.load_one((self.0.id, query::UptimeWindow::Month)),
            l.load_one((self.0.id, query::UptimeWindow::Quarter)),
        )?;
        Ok(Uptimes {
            day: day.flatten(),
            week: week.flatten(),
            month: month.flatten(),
            quarter: quarter.flatten(),
        })
    }
    /// Response times over a range, bucketed; from raw results for an hour or six, from the
    /// aggregates beyond.
    async fn response_times(
        &self,
        ctx: &Context<'_>,
        range: SeriesRange,
        location: Option<String>,
    ) -> async_graphql::Result<Vec<ResponseTimeBucket>> {
        let buckets = query::series(
            &ctx.state().db,
            self.0.id,
            range.into(),
            location.as_deref(),
        )
        .await?;
        Ok(buckets.into_iter().map(Into::into).collect())
    }
    /// One entry per day for the last `days` days (default 90), oldest first.
    async fn daily_uptime(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 90)] days: i32,
    ) -> async_graphql::Result<Vec<DailyUptime>> {
        let days = query::daily_uptime(&ctx.state().db, self.0.id, days).await?;
        Ok(days.into_iter().map(Into::into).collect())
    }
    /// The periods it was down over the last `days` days (default 30, at most 365), newest
    /// first; at most the newest 1,000 (from its last 2,000 status changes). A maintenance in
    /// progress is not downtime: it ends a down period and opens none.
    async fn downtimes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 30)] days: i32,
    ) -> async_graphql::Result<Vec<Downtime>> {
        let rows = query::downtimes(&ctx.state().db, self.0.id, days).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
    /// The alerts sent about it, newest first: one per notification provider, with its
    /// delivery state.
    async fn alerts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<MonitorAlert>> {
        let request = page_request(ctx, first, after.as_deref())?;
        let db = &ctx.state().db;
        let rows = crate::alert::monitor_history(db, &self.0, request).await?;
        let ids = rows
            .rows
            .iter()
            .filter_map(|r| r.notification_provider_id)
            .collect();
        let names = crate::alert::provider_names(db, self.0.organization_id, ids).await?;
        Ok(connection(
            request,
            rows,
            |r| r.id,
            |row| MonitorAlert {
                provider_name: row
                    .notification_provider_id
                    .and_then(|id| names.get(&id).cloned()),
                row,
            },
        ))
    }
    /// The monitor as seen from each of its locations.
    async fn location_statuses(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<LocationStatus>> {
        let rows = query::locations(&ctx.state().db, self.0.id).await?;
        Ok(rows
            .into_iter()
            .map(|r| LocationStatus {
                location: r.location,
                status: r.status.into(),
                last_checked_at: r.last_checked_at,
                next_check_at: r.next_check_at,
                consecutive_failures: r.consecutive_failures,
                consecutive_successes: r.consecutive_successes,
            })
            .collect())
    }
}

/// The outcome of one check.
pub struct MonitorResult(pub monitor_results::Model);

#[Object]
impl MonitorResult {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn monitor_id(&self) -> ID {
        ID(self.0.monitor_id.to_string())
    }
    async fn checked_at(&self) -> DateTime<Utc> {
        self.0.checked_at
    }
    async fn location(&self) -> &str {
        &self.0.location
    }
    async fn status(&self) -> MonitorResultStatus {
        self.0.status.into()
    }
    async fn response_time_ms(&self) -> Option<i32> {
        self.0.response_time_ms
    }
    /// Status code, error class and message, certificate expiry, assertion values.
    async fn details(&self) -> Option<Json<serde_json::Value>> {
        self.0.details.clone().map(Json)
    }
    async fn is_up(&self) -> bool {
        self.0.is_up
    }
    async fn is_status_change(&self) -> bool {
        self.0.is_status_change
    }
    async fn consecutive_failure_count(&self) -> i32 {
        self.0.consecutive_failure_count
    }
    async fn consecutive_success_count(&self) -> i32 {
        self.0.consecutive_success_count
    }
}

/// The latest result of each monitor.
pub struct LatestResultLoader(pub DatabaseConnection);

impl Loader<Uuid> for LatestResultLoader {
    type Value = monitor_results::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::latest_results(&self.0, keys).await?)
    }
}

/// Uptime figures of many monitors.
pub struct UptimeLoader(pub DatabaseConnection);

impl Loader<(Uuid, query::UptimeWindow)> for UptimeLoader {
    type Value = Option<f64>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[(Uuid, query::UptimeWindow)],
    ) -> async_graphql::Result<HashMap<(Uuid, query::UptimeWindow), Option<f64>>> {
        Ok(query::uptimes(&self.0, keys).await?)
    }
}

/// The tags of many monitors.
pub struct MonitorTagsLoader(pub DatabaseConnection);

impl Loader<Uuid> for MonitorTagsLoader {
    type Value = Vec<tags::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::tags(&self.0, keys).await?)
    }
}

#[derive(Default)]
pub struct MonitorQuery;

#[Object]
impl MonitorQuery {
    /// Monitors of a project, oldest first.
    async fn monitors(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<MonitorFilter>,
    ) -> async_graphql::Result<Page<Monitor>> {
        let project_id = validate::id("projectId", &project_id)?;
        let filter = filter.unwrap_or_default();
        let filter = query::MonitorFilter {
            status: filter.status.map(Into::into),
            kind: filter.kind.map(Into::into),
            search: validate::text("filter.search", filter.search.as_deref(), 200)?,
            tag_id: validate::opt_id("filter.tagId", filter.tag_id.as_deref())?,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::list(ctx.state(), ctx.principal()?, project_id, filter, request).await?;
        Ok(connection(request, rows, |m| m.id, Monitor))
    }

    async fn monitor(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Monitor>> {
        let id = validate::id("id", &id)?;
        match monitor::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(m) => Ok(Some(Monitor(m))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    /// Results of a monitor, newest first.
    async fn monitor_results(
        &self,
        ctx: &Context<'_>,
        monitor_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<MonitorResultFilter>,
    ) -> async_graphql::Result<Page<MonitorResult>> {
        let id = validate::id("monitorId", &monitor_id)?;
        let filter = filter.unwrap_or_default();
        let filter = query::ResultFilter {
            location: filter.location,
            status: filter.status.map(Into::into),
            from: filter.from,
            to: filter.to,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::results(ctx.state(), ctx.principal()?, id, filter, request).await?;
        Ok(connection(request, rows, |r| r.id, MonitorResult))
    }
}

#[derive(Default)]
pub struct MonitorMutation;

#[Object]
impl MonitorMutation {
    /// Creates a monitor (project editors).
    async fn create_monitor(
        &self,
        ctx: &Context<'_>,
        input: CreateMonitorInput,
    ) -> async_graphql::Result<Monitor> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let kind = input.kind.into();
        let domain = MonitorInput::try_from(UpdateMonitorInput::from(input))?;
        Ok(Monitor(
            monitor::create(ctx.state(), ctx.principal()?, project_id, kind, domain).await?,
        ))
    }

    async fn update_monitor(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateMonitorInput,
    ) -> async_graphql::Result<Monitor> {
        let id = validate::id("id", &id)?;
        let domain = MonitorInput::try_from(input)?;
        Ok(Monitor(
            monitor::update(ctx.state(), ctx.principal()?, id, domain).await?,
        ))
    }

    async fn delete_monitor(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        monitor::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Silences the monitor's alerts until `until` (checks go on).
    async fn mute_monitor(
        &self,
        ctx: &Context<'_>,
        id: ID,
        until: DateTime<Utc>,
    ) -> async_graphql::Result<Monitor> {
        let id = validate::id("id", &id)?;
        Ok(Monitor(
            monitor::mute(ctx.state(), ctx.principal()?, id, Some(until)).await?,
        ))
    }

    async fn unmute_monitor(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Monitor> {
        let id = validate::id("id", &id)?;
        Ok(Monitor(
            monitor::mute(ctx.state(), ctx.principal()?, id, None).await?,
        ))
    }

    /// Issues a new ping URL for a heartbeat monitor.
    async fn rotate_heartbeat_url(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Monitor> {
        let id = validate::id("id", &id)?;
        Ok(Monitor(
            monitor::rotate_heartbeat_token(ctx.state(), ctx.principal()?, id).await?,
        ))
    }

    /// Makes the monitor due now in every location (the workers check it within seconds).
    async fn check_monitor_now(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Monitor> {
        let id = validate::id("id", &id)?;
        Ok(Monitor(
            monitor::check_now(ctx.state(), ctx.principal()?, id).await?,
        ))
    }
}

#[derive(Default)]
pub struct MonitorSubscription;

#[Subscription]
impl MonitorSubscription {
    /// Results as they are recorded, for one monitor or every monitor of a project.
    async fn monitor_result_added(
        &self,
        ctx: &Context<'_>,
        monitor_id: Option<ID>,
        project_id: Option<ID>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<MonitorResult>> + use<>>
    {
        let monitor_id = validate::opt_id("monitorId", monitor_id.as_deref())?;
        let project_id = validate::opt_id("projectId", project_id.as_deref())?;
        let project = match (monitor_id, project_id) {
            (Some(m), _) => {
                monitor::find(ctx.state(), ctx.principal()?, m, Level::Viewer)
                    .await?
                    .project_id
            }
            (None, Some(p)) => p,
            (None, None) => {
                return Err(AppError::field("monitorId", "give a monitorId or a projectId").into());
            }
        };
        let db = ctx.state().db.clone();
        crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                match monitor_id {
                    Some(m) => monitor::find(&state, &principal, m, Level::Viewer)
                        .await
                        .map(drop),
                    None => principal
                        .project(&state.db, project, Level::Viewer)
                        .await
                        .map(drop),
                }
            },
            move |event| {
                let db = db.clone();
                async move {
                    let Event::MonitorResultAdded {
                        monitor_id: m,
                        project_id: p,
                        result_id,
                    } = event
                    else {
                        return None;
                    };
                    if p != project || monitor_id.is_some_and(|want| want != m) {
                        return None;
                    }
                    query::result(&db, result_id)
                        .await
                        .ok()
                        .flatten()
                        .map(MonitorResult)
                }
            },
        )
        .await
    }

    /// Monitors of a project whose status changes.
    async fn monitor_status_changed(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<Monitor>> + use<>> {
        let project = validate::id("projectId", &project_id)?;
        let db = ctx.state().db.clone();
        crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                principal
                    .project(&state.db, project, Level::Viewer)
                    .await
                    .map(drop)
            },
            move |event| {
                let db = db.clone();
                async move {
                    let Event::MonitorStatusChanged {
                        monitor_id,
                        project_id,
                    } = event
                    else {
                        return None;
                    };
                    if project_id != project {
                        return None;
                    }
                    query::monitor(&db, monitor_id)
                        .await
                        .ok()
                        .flatten()
                        .map(Monitor)
                }
            },
        )
        .await
    }
}
