//! What the checks share. Each check (in its type's module, `super::types`) returns a
//! [`CheckOutcome`]; none returns an error: a failure of the target is a result, not a
//! failure of Vigil.
//!
//! - this module: the outcome, and the [`Checker`] with the HTTP clients every check shares.
//! - [`net`]: TCP connections under the outbound policy.
//! - [`tls`]: TLS handshakes that read the server's certificate.
//! - [`domain`]: domain registration lookups (RDAP) and their cache.

pub mod domain;
pub mod net;
pub mod tls;

use std::time::Duration;

use entity::monitor_results::MonitorResultStatus;
use entity::monitors;
use serde_json::{Value, json};

use crate::monitor::types::MonitorConfig;
use crate::outbound::OutboundPolicy;

/// What one check found.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    pub status: MonitorResultStatus,
    pub response_time_ms: Option<i32>,
    /// Status code, error class and message, certificate expiry, assertions.
    pub details: Value,
    /// Days until the certificate expires, for `website` checks over HTTPS.
    pub certificate_days_left: Option<i64>,
    /// Days until the domain's registration expires, for `website` checks that watch it.
    pub domain_days_left: Option<i64>,
}

impl CheckOutcome {
    pub fn up(response_time_ms: Option<i32>, details: Value) -> Self {
        Self {
            status: MonitorResultStatus::Up,
            response_time_ms,
            details,
            certificate_days_left: None,
            domain_days_left: None,
        }
    }

    /// A failed check with an error class (`dns`, `connect`, `tls`, `status`, `keyword`, ...).
    pub fn down(
        class: &str,
        message: impl Into<String>,
        response_time_ms: Option<i32>,
        mut details: Value,
    ) -> Self {
        if let Value::Object(map) = &mut details {
            map.insert("errorClass".into(), class.into());
            map.insert("error".into(), message.into().into());
        }
        Self {
            status: MonitorResultStatus::Down,
            response_time_ms,
            details,
            certificate_days_left: None,
            domain_days_left: None,
        }
    }

    pub fn timeout(after: Duration) -> Self {
        Self {
            status: MonitorResultStatus::Timeout,
            response_time_ms: i32::try_from(after.as_millis()).ok(),
            details: json!({ "errorClass": "timeout", "error": format!("no answer within {} s", after.as_secs()) }),
            certificate_days_left: None,
            domain_days_left: None,
        }
    }

    /// Vigil could not run the check (bad stored config, policy refusal).
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            status: MonitorResultStatus::Error,
            response_time_ms: None,
            details: json!({ "errorClass": "config", "error": message.into() }),
            certificate_days_left: None,
            domain_days_left: None,
        }
    }

    pub fn is_up(&self) -> bool {
        self.status == MonitorResultStatus::Up
    }
}

/// HTTP clients and the outbound policy, shared by every check of a process.
#[derive(Clone)]
pub struct Checker {
    pub policy: OutboundPolicy,
    follow: reqwest::Client,
    no_follow: reqwest::Client,
    follow_insecure: reqwest::Client,
    no_follow_insecure: reqwest::Client,
    /// Domain registration lookups (RDAP) and their cache.
    pub domains: domain::DomainWatch,
}

impl Checker {
    pub fn new(policy: OutboundPolicy) -> anyhow::Result<Self> {
        let build = |follow: bool, insecure: bool| {
            let mut builder = policy.client_builder();
            // With private targets blocked, the policy's builder already follows up to 10
            // redirects and checks each hop.
            if !follow {
                builder = builder.redirect(reqwest::redirect::Policy::none());
            } else if !policy.block_private {
                builder = builder.redirect(reqwest::redirect::Policy::limited(10));
            }
            builder
                .tls_danger_accept_invalid_certs(insecure)
                .pool_idle_timeout(Duration::from_secs(30))
                .build()
        };
        Ok(Self {
            policy,
            follow: build(true, false)?,
            no_follow: build(false, false)?,
            follow_insecure: build(true, true)?,
            no_follow_insecure: build(false, true)?,
            domains: domain::DomainWatch::shared(
                &crate::config::Integrations::default().rdap_bootstrap_url,
            ),
        })
    }

    /// Looks domain registrations up through the RDAP bootstrap file at `url`.
    pub fn with_rdap_bootstrap(mut self, url: &str) -> Self {
        self.domains = domain::DomainWatch::shared(url);
        self
    }

    pub(crate) fn client(&self, follow: bool, insecure: bool) -> &reqwest::Client {
        match (follow, insecure) {
            (true, false) => &self.follow,
            (false, false) => &self.no_follow,
            (true, true) => &self.follow_insecure,
            (false, true) => &self.no_follow_insecure,
        }
    }

    /// Runs the check of `monitor` with its opened config: its type's (`super::types`).
    pub async fn run(&self, monitor: &monitors::Model, config: &MonitorConfig) -> CheckOutcome {
        crate::monitor::types::check(self, monitor, config).await
    }
}

/// Milliseconds of a duration, for result rows.
pub fn millis(d: Duration) -> Option<i32> {
    i32::try_from(d.as_millis()).ok()
}
