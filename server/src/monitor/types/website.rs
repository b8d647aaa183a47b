//! `website` monitors: the request of an HTTP monitor (`super::http`), plus a watch on the
//! certificate's expiry over HTTPS and, optionally, on the domain's registration (RDAP).

use std::time::Duration;

use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Layers, MonitorConfig, MonitorKind, http};
use crate::error::{AppError, AppResult};
use crate::monitor::check::{CheckOutcome, Checker};

/// Certificate settings of `website` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsConfig {
    /// Alert when the certificate expires within this many days.
    pub expiry_days: u32,
}

impl Default for TlsConfig {
    fn default() -> Self {
        Self { expiry_days: 14 }
    }
}

/// Domain registration watch of `website` monitors (through RDAP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainConfig {
    /// Warn when the domain's registration expires within this many days.
    pub expiry_days: u32,
    /// The domain to watch; default: the registered domain of the target's host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The `website` monitor type.
pub struct Website;

impl MonitorKind for Website {
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        let target = http::settle_request(layers, out)?;
        out.tls = Some(settle_tls(layers)?);
        out.domain = settle_domain(layers)?;
        Ok(target)
    }

    async fn check(checker: &Checker, target: &str, config: &MonitorConfig) -> CheckOutcome {
        let Some(settings) = &config.http else {
            return CheckOutcome::error("the monitor has no HTTP settings");
        };
        let tls = config.tls.clone().unwrap_or_default();
        let mut outcome = match http::request_in_time(checker, target, settings).await {
            Ok(answered) => {
                let mut outcome = answered.outcome;
                if answered.url.scheme() == "https" {
                    certificate(
                        checker,
                        &answered.url,
                        &tls,
                        answered.time_left,
                        &mut outcome,
                    )
                    .await;
                }
                outcome
            }
            Err(outcome) => outcome,
        };
        if let Some(domain) = &config.domain {
            domain_expiry(checker, target, domain, &mut outcome).await;
        }
        outcome
    }
}

/// The certificate watch.
fn settle_tls<C>(layers: &Layers<'_, C>) -> AppResult<TlsConfig> {
    let tls = layers.section(|c| &c.tls).unwrap_or_default();
    if !(1..=365).contains(&tls.expiry_days) {
        return Err(AppError::field(
            "tls.expiryDays",
            "must be between 1 and 365",
        ));
    }
    Ok(tls)
}

/// The domain registration watch (`expiry_days` 0 turns it off).
fn settle_domain<C>(layers: &Layers<'_, C>) -> AppResult<Option<DomainConfig>> {
    let mut domain = match &layers.input.domain {
        Some(d) if d.expiry_days == 0 => None,
        Some(d) => Some(d.clone()),
        None => layers.stored.domain.clone(),
    };
    if let Some(d) = &mut domain {
        if !(1..=365).contains(&d.expiry_days) {
            return Err(AppError::field(
                "domain.expiryDays",
                "must be between 1 and 365 (0 turns the watch off)",
            ));
        }
        if let Some(name) = &d.name {
            let name = layers.check_host("domain.name", name)?;
            if name.parse::<std::net::IpAddr>().is_ok() || !name.contains('.') {
                return Err(AppError::field(
                    "domain.name",
                    "must be a registered domain name like example.com",
                ));
            }
            d.name = Some(name);
        }
    }
    Ok(domain)
}

/// Adds the certificate's expiry to the outcome; an expired certificate makes a check that was up
/// down.
async fn certificate(
    checker: &Checker,
    url: &reqwest::Url,
    tls: &TlsConfig,
    timeout: Duration,
    outcome: &mut CheckOutcome,
) {
    let host = url.host_str().unwrap_or_default().to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    match tokio::time::timeout(
        timeout,
        crate::monitor::check::tls::peer_certificate_expiry(checker, &host, port),
    )
    .await
    {
        Ok(Ok(not_after)) => {
            let days = (not_after - chrono::Utc::now()).num_days();
            outcome.certificate_days_left = Some(days);
            if let Value::Object(map) = &mut outcome.details {
                map.insert("certificateExpiresAt".into(), not_after.to_rfc3339().into());
                map.insert("certificateDaysLeft".into(), days.into());
                map.insert(
                    "certificateExpiring".into(),
                    (days < i64::from(tls.expiry_days)).into(),
                );
            }
            if not_after <= chrono::Utc::now() && outcome.is_up() {
                let details = outcome.details.clone();
                let ms = outcome.response_time_ms;
                *outcome = CheckOutcome::down("tls", "the certificate has expired", ms, details);
                outcome.certificate_days_left = Some(days);
            }
        }
        Ok(Err(err)) => {
            if let Value::Object(map) = &mut outcome.details {
                map.insert("certificateError".into(), err.to_string().into());
            }
        }
        Err(_) => {
            if let Value::Object(map) = &mut outcome.details {
                map.insert(
                    "certificateError".into(),
                    "the TLS handshake timed out".into(),
                );
            }
        }
    }
}

/// Adds the domain's registration expiry to the outcome's details. A lookup that fails is
/// noted and changes nothing else.
async fn domain_expiry(
    checker: &Checker,
    url: &str,
    config: &DomainConfig,
    outcome: &mut CheckOutcome,
) {
    let Some(host) = config.name.clone().or_else(|| {
        url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
    }) else {
        return;
    };
    let found = checker
        .domains
        .expiry(checker.client(true, false), &host)
        .await;
    let Value::Object(details) = &mut outcome.details else {
        return;
    };
    match found {
        Ok((domain, expires)) => {
            let days = (expires - chrono::Utc::now()).num_days();
            details.insert("domain".into(), domain.into());
            details.insert("domainExpiresAt".into(), expires.to_rfc3339().into());
            details.insert("domainDaysLeft".into(), days.into());
            details.insert(
                "domainExpiring".into(),
                (days < i64::from(config.expiry_days)).into(),
            );
            outcome.domain_days_left = Some(days);
        }
        Err(err) => {
            details.insert("domainError".into(), err.into());
        }
    }
}
