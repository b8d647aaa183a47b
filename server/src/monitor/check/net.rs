//! `port` and `ping` checks, and TCP connections under the outbound policy.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::net::TcpStream;

use super::{CheckOutcome, Checker, millis};
use crate::monitor::config::{PingConfig, PortConfig};

/// Connects to the first allowed address of `host:port`.
pub async fn connect(checker: &Checker, host: &str, port: u16) -> anyhow::Result<TcpStream> {
    let addrs = checker
        .policy
        .resolve(host, port)
        .await
        .map_err(|e| anyhow::anyhow!(e.public_message()))?;
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => return Ok(stream),
            Err(err) => last = Some(err),
        }
    }
    Err(match last {
        Some(err) => err.into(),
        None => anyhow::anyhow!("{host} has no address"),
    })
}

/// Opens a TCP connection (and optionally a TLS session) to `host:port`.
pub async fn port(checker: &Checker, host: &str, config: &PortConfig) -> CheckOutcome {
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds));
    let started = Instant::now();
    let attempt = async {
        let stream = connect(checker, host, config.port)
            .await
            .map_err(|e| ("connect", e.to_string()))?;
        let connected = millis(started.elapsed());
        if config.tls {
            super::tls::handshake(host, stream)
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

/// ICMP echo where the process may open an ICMP socket (unprivileged datagram or raw);
/// otherwise a TCP connection to port 443, then 80. The result says which method ran.
pub async fn ping(checker: &Checker, host: &str, config: &PingConfig) -> CheckOutcome {
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
