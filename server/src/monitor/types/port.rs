//! `port` monitors: a TCP connection to a host's port, optionally with a TLS handshake.

use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Layers, MonitorConfig, MonitorKind, timeout};
use crate::error::{AppError, AppResult};
use crate::monitor::check::{CheckOutcome, Checker, millis, net, tls};

/// Settings of `port` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PortConfig {
    pub port: u16,
    /// Complete a TLS handshake after connecting.
    #[serde(default)]
    pub tls: bool,
    pub timeout_seconds: u32,
}

impl PortConfig {
    /// Checks every field; errors name `port.<field>`.
    pub fn validate(&self) -> AppResult<()> {
        if self.port == 0 {
            return Err(AppError::field("port.port", "must be between 1 and 65535"));
        }
        timeout("port.timeoutSeconds", self.timeout_seconds)
    }
}

/// The `port` monitor type.
pub struct Port;

impl MonitorKind for Port {
    /// The host and the port. Returns the target (the host).
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        let target = layers.target("a port monitor needs a host")?;
        let host = layers.check_host("target", &target)?;
        let port = layers
            .section(|c| &c.port)
            .ok_or_else(|| AppError::field("port.port", "a port monitor needs a port"))?;
        port.validate()?;
        out.port = Some(port);
        Ok(host)
    }

    async fn check(checker: &Checker, target: &str, config: &MonitorConfig) -> CheckOutcome {
        match &config.port {
            Some(port) => check_port(checker, target, port).await,
            None => CheckOutcome::error("the monitor has no port settings"),
        }
    }
}

/// Opens a TCP connection (and optionally a TLS session) to `host:port`.
async fn check_port(checker: &Checker, host: &str, config: &PortConfig) -> CheckOutcome {
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds));
    let started = Instant::now();
    let attempt = async {
        let stream = net::connect(checker, host, config.port)
            .await
            .map_err(|e| ("connect", e.to_string()))?;
        let connected = millis(started.elapsed());
        if config.tls {
            tls::handshake(host, stream)
                .await
                .map_err(|e| ("tls", e.to_string()))?;
        }
        Ok::<_, (&str, String)>(connected)
    };
    match tokio::time::timeout(timeout, attempt).await {
        Err(_) => CheckOutcome::timeout(timeout),
        Ok(Err((class, message))) => CheckOutcome::down(
            class,
            message,
            millis(started.elapsed()),
            json!({ "port": config.port }),
        ),
        Ok(Ok(connected)) => CheckOutcome::up(
            millis(started.elapsed()),
            json!({ "port": config.port, "connectMs": connected, "tls": config.tls }),
        ),
    }
}
