//! `ping` monitors: an ICMP echo to a host, or a TCP connection where ICMP is not available.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::net::TcpStream;

use super::{Layers, MonitorConfig, MonitorKind, timeout};
use crate::error::AppResult;
use crate::monitor::check::{CheckOutcome, Checker, millis};

/// Settings of `ping` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PingConfig {
    pub timeout_seconds: u32,
}

impl Default for PingConfig {
    fn default() -> Self {
        Self {
            timeout_seconds: 10,
        }
    }
}

/// The `ping` monitor type.
pub struct Ping;

impl MonitorKind for Ping {
    /// The host and how long to wait. Returns the target (the host).
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        let target = layers.target("a ping monitor needs a host")?;
        let host = layers.check_host("target", &target)?;
        let ping = layers.section(|c| &c.ping).unwrap_or_default();
        timeout("ping.timeoutSeconds", ping.timeout_seconds)?;
        out.ping = Some(ping);
        Ok(host)
    }

    async fn check(checker: &Checker, target: &str, config: &MonitorConfig) -> CheckOutcome {
        ping(checker, target, &config.ping.clone().unwrap_or_default()).await
    }
}

/// ICMP echo where the process may open an ICMP socket (unprivileged datagram or raw);
/// otherwise a TCP connection to port 443, then 80. The result says which method ran.
async fn ping(checker: &Checker, host: &str, config: &PingConfig) -> CheckOutcome {
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds));
    let addrs = match checker.policy.resolve(host, 0).await {
        Ok(addrs) => addrs,
        Err(err) => return CheckOutcome::down("dns", err.public_message(), None, json!({})),
    };
    let Some(ip) = addrs.first().map(|a| a.ip()) else {
        return CheckOutcome::down("dns", format!("{host} has no address"), None, json!({}));
    };
    match icmp(ip, timeout).await {
        Ok(Some(Echo::Reply(rtt))) => CheckOutcome::up(
            millis(rtt),
            json!({ "method": "icmp", "address": ip.to_string() }),
        ),
        Ok(Some(Echo::Error { from, kind, code })) => CheckOutcome::down(
            "unreachable",
            format!("{from} answered with ICMP error type {kind} code {code}"),
            None,
            json!({ "method": "icmp", "address": ip.to_string(), "icmpType": kind, "icmpCode": code }),
        ),
        Ok(None) => CheckOutcome::timeout(timeout),
        Err(reason) => {
            // No ICMP socket here: fall back to TCP.
            let started = Instant::now();
            for port in [443u16, 80] {
                let attempt = tokio::time::timeout(timeout, TcpStream::connect((ip, port))).await;
                if let Ok(Ok(_)) = attempt {
                    return CheckOutcome::up(
                        millis(started.elapsed()),
                        json!({ "method": "tcp", "port": port, "address": ip.to_string(), "icmpUnavailable": reason }),
                    );
                }
            }
            CheckOutcome::down(
                "connect",
                format!("no ICMP socket ({reason}) and no TCP answer on ports 443 or 80"),
                millis(started.elapsed()),
                json!({ "method": "tcp", "address": ip.to_string() }),
            )
        }
    }
}

/// What came back for an echo request.
enum Echo {
    /// An echo reply, after this long.
    Reply(Duration),
    /// An ICMP error about the request (destination unreachable, time exceeded, ...), which a
    /// router on the way may send: the host did not answer.
    Error { from: IpAddr, kind: u8, code: u8 },
}

/// One echo request. `Err` when no ICMP socket can be opened, `Ok(None)` on timeout.
async fn icmp(ip: IpAddr, timeout: Duration) -> Result<Option<Echo>, String> {
    use surge_ping::{Client, Config, ICMP, IcmpPacket, PingIdentifier, PingSequence};
    const ECHO_REPLY_V4: u8 = 0;
    const ECHO_REPLY_V6: u8 = 129;
    let kind = if ip.is_ipv4() { ICMP::V4 } else { ICMP::V6 };
    let client = match Client::new(&Config::builder().kind(kind).build()) {
        Ok(client) => client,
        Err(_) => {
            let raw = Config::builder()
                .kind(kind)
                .sock_type_hint(socket2::Type::RAW)
                .build();
            Client::new(&raw).map_err(|e| e.to_string())?
        }
    };
    let mut pinger = client.pinger(ip, PingIdentifier(rand::random())).await;
    pinger.timeout(timeout);
    match pinger.ping(PingSequence(0), &[0u8; 16]).await {
        // surge-ping hands back ICMP errors that quote the request as well as echo replies.
        Ok((IcmpPacket::V4(p), rtt)) if p.get_icmp_type().0 == ECHO_REPLY_V4 => {
            Ok(Some(Echo::Reply(rtt)))
        }
        Ok((IcmpPacket::V6(p), rtt)) if p.get_icmpv6_type().0 == ECHO_REPLY_V6 => {
            Ok(Some(Echo::Reply(rtt)))
        }
        Ok((IcmpPacket::V4(p), _)) => Ok(Some(Echo::Error {
            from: p.get_source().into(),
            kind: p.get_icmp_type().0,
            code: p.get_icmp_code().0,
        })),
        Ok((IcmpPacket::V6(p), _)) => Ok(Some(Echo::Error {
            from: p.get_source().into(),
            kind: p.get_icmpv6_type().0,
            code: p.get_icmpv6_code().0,
        })),
        Err(surge_ping::SurgeError::Timeout { .. }) => Ok(None),
        Err(err) => Err(err.to_string()),
    }
}
