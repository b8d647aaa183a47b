//! Monitor types: one module per type, holding its settings (its section of
//! `monitors.config`), their validation, how they are settled from an input over what is
//! stored, and the check itself.
//!
//! This file is the registry, the one place a [`MonitorType`] meets its module: its `mod`
//! line, its section of [`MonitorConfig`] (and, if the section holds secrets, a line in
//! `seal`, `open` and `masked`), and its arm in [`settle`] and in [`check`]. Each module
//! implements [`MonitorKind`]. The engine, schedule, results, aggregates, alerts and live
//! updates need nothing new for a type the engine polls.

pub mod dns;
pub mod heartbeat;
pub mod http;
pub mod ping;
pub mod port;
pub mod synthetic;
pub mod website;

use entity::monitors::{self, MonitorType};
use sea_orm::{ConnectionTrait, Iterable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::crypto::MasterKey;
use crate::error::{AppError, AppResult};
use crate::monitor::check::{CheckOutcome, Checker};
use crate::state::AppState;

/// Longest check timeout.
pub const MAX_TIMEOUT_SECS: u32 = 60;
/// Default check timeout.
pub const DEFAULT_TIMEOUT_SECS: u32 = 30;

/// What a monitor type's module provides. The registry calls it on the type itself, never
/// through a generic bound, so the futures' `Send` is that of each implementation.
pub(crate) trait MonitorKind {
    /// Settles the type's sections of `out` from the input over what is stored, validated;
    /// returns the target as stored.
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String>;

    /// Checks `target` with the monitor's opened config. Types the engine does not poll
    /// ([`MonitorType::is_polled`]) keep this answer.
    async fn check(_checker: &Checker, _target: &str, _config: &MonitorConfig) -> CheckOutcome {
        CheckOutcome::error("this monitor type is not checked by polling")
    }
}

/// Settles the target and the sections of a monitor of type `ty` (see [`MonitorKind::settle`]).
pub(crate) async fn settle<C: ConnectionTrait>(
    ty: MonitorType,
    layers: &Layers<'_, C>,
    out: &mut MonitorConfig,
) -> AppResult<String> {
    match ty {
        MonitorType::Http => http::Http::settle(layers, out).await,
        MonitorType::Website => website::Website::settle(layers, out).await,
        MonitorType::Dns => dns::Dns::settle(layers, out).await,
        MonitorType::Port => port::Port::settle(layers, out).await,
        MonitorType::Ping => ping::Ping::settle(layers, out).await,
        MonitorType::Heartbeat => heartbeat::Heartbeat::settle(layers, out).await,
        MonitorType::SyntheticTest => synthetic::Synthetic::settle(layers, out).await,
    }
}

/// Runs the check of `monitor` with its opened config (see [`MonitorKind::check`]).
pub(crate) async fn check(
    checker: &Checker,
    monitor: &monitors::Model,
    config: &MonitorConfig,
) -> CheckOutcome {
    let target = monitor.target.as_str();
    match monitor.r#type {
        MonitorType::Http => http::Http::check(checker, target, config).await,
        MonitorType::Website => website::Website::check(checker, target, config).await,
        MonitorType::Dns => dns::Dns::check(checker, target, config).await,
        MonitorType::Port => port::Port::check(checker, target, config).await,
        MonitorType::Ping => ping::Ping::check(checker, target, config).await,
        MonitorType::Heartbeat => heartbeat::Heartbeat::check(checker, target, config).await,
        MonitorType::SyntheticTest => synthetic::Synthetic::check(checker, target, config).await,
    }
}

/// Everything stored in `monitors.config`: one section per type (only the sections of the
/// monitor's type are set), then the settings every type shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MonitorConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http: Option<http::HttpConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<website::TlsConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<port::PortConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ping: Option<ping::PingConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heartbeat: Option<heartbeat::HeartbeatConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub synthetic: Option<synthetic::SyntheticConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns: Option<dns::DnsConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<website::DomainConfig>,
    /// While checks fail, the next one comes after this many seconds instead of at the next
    /// slot of the monitor's frequency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub down_interval_seconds: Option<u32>,
    /// Monitors this one depends on: while one of them is down, this one's alerts are held
    /// back and its results say why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<uuid::Uuid>,
}

impl MonitorConfig {
    /// Seals secret values that are not sealed yet, for the monitor `id`. Sealed values are
    /// those kept from the stored config of the same monitor.
    pub fn seal(&mut self, key: &MasterKey, id: Uuid) -> AppResult<()> {
        if let Some(http) = &mut self.http {
            http.seal(key, id)?;
        }
        Ok(())
    }

    /// Opens the sealed values of the monitor `id`, for the check.
    pub fn open(&self, key: &MasterKey, id: Uuid) -> AppResult<MonitorConfig> {
        let mut out = self.clone();
        if let Some(http) = &mut out.http {
            http.open(key, id)?;
        }
        Ok(out)
    }

    /// A stored config (JSON, so that nothing else in it changes) with its `v1:` (unbound)
    /// values resealed for the monitor `id`; `None` when it holds none. For the reseal pass
    /// (`crate::reseal`). Only HTTP settings were sealed before values were bound.
    pub(crate) fn reseal_unbound_json(
        key: &MasterKey,
        id: Uuid,
        stored: &serde_json::Value,
    ) -> AppResult<Option<serde_json::Value>> {
        let mut config = stored.clone();
        let Some(section) = config
            .get_mut("http")
            .and_then(serde_json::Value::as_object_mut)
        else {
            return Ok(None);
        };
        let changed = http::reseal_unbound(key, id, section)?;
        Ok(changed.then_some(config))
    }

    /// The config as clients see it: secrets replaced by `********`.
    pub fn masked(&self) -> serde_json::Value {
        let mut out = self.clone();
        if let Some(http) = &mut out.http {
            http.mask();
        }
        serde_json::to_value(out).unwrap_or_default()
    }

    /// A stored config; one that does not read (or none) is the defaults.
    pub fn from_json(value: Option<&serde_json::Value>) -> MonitorConfig {
        value
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }
}

/// What a type's settling reads: the input over the monitor's stored target and config, and
/// what to check the names in it against.
pub struct Layers<'a, C> {
    pub state: &'a AppState,
    /// For the types whose settings name rows of the project.
    pub db: &'a C,
    pub project_id: Uuid,
    /// The target given, if any.
    pub input_target: Option<&'a str>,
    /// The sections given (`None`: the stored one, or the default).
    pub input: &'a MonitorConfig,
    /// The stored target, `None` for a new monitor.
    pub stored_target: Option<&'a str>,
    /// The stored config (the defaults for a new monitor).
    pub stored: &'a MonitorConfig,
}

impl<C> Layers<'_, C> {
    /// The input's target, else the stored one; `missing` says what the type needs.
    pub fn target(&self, missing: &str) -> AppResult<String> {
        self.input_target
            .or(self.stored_target)
            .map(str::to_owned)
            .ok_or_else(|| AppError::field("target", missing))
    }

    /// A section as given, else as stored.
    pub fn section<T: Clone>(&self, pick: impl Fn(&MonitorConfig) -> &Option<T>) -> Option<T> {
        pick(self.input)
            .clone()
            .or_else(|| pick(self.stored).clone())
    }

    /// A host name or address the outbound policy lets checks reach, for `field`.
    pub fn check_host(&self, field: &str, host: &str) -> AppResult<String> {
        self.state.settings.outbound().check_host(field, host)
    }
}

/// Checks a timeout of `field`: 1 to [`MAX_TIMEOUT_SECS`] seconds.
fn timeout(field: &str, secs: u32) -> AppResult<()> {
    if !(1..=MAX_TIMEOUT_SECS).contains(&secs) {
        return Err(AppError::field(
            field,
            format!("must be between 1 and {MAX_TIMEOUT_SECS} seconds"),
        ));
    }
    Ok(())
}

/// The names of the types the engine polls, for messages: `http, website, ping, port, dns`.
pub(crate) fn polled_names() -> String {
    use sea_orm::ActiveEnum;
    MonitorType::iter()
        .filter(|t| t.is_polled())
        .map(|t| t.to_value())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored shape of every section, which rows already in the database hold.
    #[test]
    fn sections_are_stored_under_their_names_in_camel_case() {
        let config = MonitorConfig {
            http: Some(http::HttpConfig::default()),
            tls: Some(website::TlsConfig::default()),
            port: Some(port::PortConfig {
                port: 443,
                tls: true,
                timeout_seconds: 10,
            }),
            ping: Some(ping::PingConfig::default()),
            heartbeat: Some(heartbeat::HeartbeatConfig::default()),
            synthetic: Some(synthetic::SyntheticConfig {
                test_id: Uuid::nil(),
            }),
            dns: Some(dns::DnsConfig::default()),
            domain: Some(website::DomainConfig {
                expiry_days: 30,
                name: None,
            }),
            down_interval_seconds: Some(60),
            depends_on: vec![Uuid::nil()],
        };
        let stored = serde_json::to_value(&config).unwrap_or_default();
        assert_eq!(
            stored,
            serde_json::json!({
                "http": {
                    "method": "GET", "headers": [], "body": null, "auth": null,
                    "expectedStatusCodes": ["200-299"], "keyword": null, "keywordMode": "present",
                    "jsonPath": null, "jsonExpected": null, "timeoutSeconds": 30,
                    "followRedirects": true, "ignoreTlsErrors": false
                },
                "tls": { "expiryDays": 14 },
                "port": { "port": 443, "tls": true, "timeoutSeconds": 10 },
                "ping": { "timeoutSeconds": 10 },
                "heartbeat": { "gracePeriodMinutes": 5 },
                "synthetic": { "testId": Uuid::nil() },
                "dns": { "recordType": "A", "expected": [], "resolver": null, "timeoutSeconds": 10 },
                "domain": { "expiryDays": 30 },
                "downIntervalSeconds": 60,
                "dependsOn": [Uuid::nil()]
            })
        );
        assert_eq!(MonitorConfig::from_json(Some(&stored)), config);
        assert_eq!(
            serde_json::to_value(MonitorConfig::default()).unwrap_or_default(),
            serde_json::json!({})
        );
    }

    #[test]
    fn polled_types_are_named_in_the_order_messages_always_gave() {
        assert_eq!(polled_names(), "http, website, ping, port, dns");
    }
}
