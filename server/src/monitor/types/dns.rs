//! `dns` monitors: resolve the target's records of one type, from the system's resolvers or a
//! chosen name server, and compare them with the expected values.

use std::str::FromStr;
use std::time::{Duration, Instant};

use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::rr::RecordType;
use hickory_resolver::proto::xfer::Protocol;
use hickory_resolver::{ResolveError, Resolver, TokioResolver};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Layers, MonitorConfig, MonitorKind, timeout};
use crate::error::{AppError, AppResult};
use crate::monitor::check::{CheckOutcome, Checker, millis};

/// The DNS record types a `dns` monitor can ask for.
pub const DNS_RECORD_TYPES: &[&str] = &["A", "AAAA", "CNAME", "MX", "NS", "TXT", "SOA", "CAA"];

/// Settings of `dns` monitors: the target is the name to resolve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsConfig {
    /// One of [`DNS_RECORD_TYPES`].
    pub record_type: String,
    /// Values that must all be among the answers (compared without case and trailing dots);
    /// empty: any answer will do.
    #[serde(default)]
    pub expected: Vec<String>,
    /// The name server to ask (`ip` or `ip:port`); default: the system's resolvers.
    pub resolver: Option<String>,
    pub timeout_seconds: u32,
}

impl Default for DnsConfig {
    fn default() -> Self {
        Self {
            record_type: "A".into(),
            expected: Vec::new(),
            resolver: None,
            timeout_seconds: 10,
        }
    }
}

impl DnsConfig {
    /// Checks every field; errors name `dns.<field>`. Upper-cases the record type.
    pub fn validate(&mut self) -> AppResult<()> {
        self.record_type = self.record_type.trim().to_uppercase();
        if !DNS_RECORD_TYPES.contains(&self.record_type.as_str()) {
            return Err(AppError::field(
                "dns.recordType",
                format!("must be one of {}", DNS_RECORD_TYPES.join(", ")),
            ));
        }
        if self.expected.len() > 20 {
            return Err(AppError::field("dns.expected", "at most 20 values"));
        }
        self.expected = self
            .expected
            .iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if self.expected.iter().any(|v| v.len() > 1024) {
            return Err(AppError::field(
                "dns.expected",
                "each value is at most 1024 characters",
            ));
        }
        if let Some(resolver) = &self.resolver {
            let resolver = resolver.trim();
            if resolver.is_empty() {
                self.resolver = None;
            } else if dns_server(resolver).is_none() {
                return Err(AppError::field(
                    "dns.resolver",
                    "must be an IP address, optionally with a port (1.1.1.1, [2606:4700::1111]:53)",
                ));
            } else {
                self.resolver = Some(resolver.to_owned());
            }
        }
        timeout("dns.timeoutSeconds", self.timeout_seconds)
    }
}

/// A name server address: `ip`, `ip:port` or `[ipv6]:port` (port 53 when not given).
pub fn dns_server(text: &str) -> Option<std::net::SocketAddr> {
    let text = text.trim();
    if let Ok(addr) = text.parse::<std::net::SocketAddr>() {
        return (addr.port() != 0).then_some(addr);
    }
    text.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
        .ok()
        .map(|ip| std::net::SocketAddr::new(ip, 53))
}

/// The `dns` monitor type.
pub struct Dns;

impl MonitorKind for Dns {
    /// The name to resolve and what to ask whom. Returns the target (the name).
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        let target = layers.target("a DNS monitor needs a name to resolve")?;
        let name = layers.check_host("target", &target)?;
        if name.parse::<std::net::IpAddr>().is_ok() {
            return Err(AppError::field(
                "target",
                "must be a domain name (example.com), not an IP address",
            ));
        }
        let mut dns = layers.section(|c| &c.dns).unwrap_or_default();
        dns.validate()?;
        if let Some(server) = dns.resolver.as_deref().and_then(dns_server)
            && layers
                .state
                .settings
                .outbound()
                .check_ip(server.ip())
                .is_err()
        {
            return Err(AppError::field(
                "dns.resolver",
                format!(
                    "{} is a private address, which this instance does not reach",
                    server.ip()
                ),
            ));
        }
        out.dns = Some(dns);
        Ok(name)
    }

    async fn check(checker: &Checker, target: &str, config: &MonitorConfig) -> CheckOutcome {
        match &config.dns {
            Some(dns) => resolve(checker, target, dns).await,
            None => CheckOutcome::error("the monitor has no DNS settings"),
        }
    }
}

/// A record value as compared: lower case, without the trailing dot of names.
pub fn normalize(value: &str) -> String {
    value.trim().trim_end_matches('.').to_lowercase()
}

/// Whether `expected` is among `answers`: the whole answer, or its last part (the host of an
/// `MX` answer `10 mail.example.com.`, say).
pub fn matches(answers: &[String], expected: &str) -> bool {
    let expected = normalize(expected);
    answers.iter().any(|answer| {
        let answer = normalize(answer);
        answer == expected
            || answer
                .rsplit(' ')
                .next()
                .is_some_and(|last| normalize(last) == expected)
            || answer.trim_matches('"') == expected
    })
}

fn resolver(checker: &Checker, config: &DnsConfig) -> Result<TokioResolver, CheckOutcome> {
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds.max(1)));
    let mut builder = match config.resolver.as_deref().and_then(dns_server) {
        Some(server) => {
            if checker.policy.check_ip(server.ip()).is_err() {
                return Err(CheckOutcome::error(format!(
                    "the name server {} is a private address, which this instance does not reach",
                    server.ip()
                )));
            }
            let mut resolvers = ResolverConfig::new();
            resolvers.add_name_server(NameServerConfig::new(server, Protocol::Udp));
            resolvers.add_name_server(NameServerConfig::new(server, Protocol::Tcp));
            Resolver::builder_with_config(resolvers, TokioConnectionProvider::default())
        }
        None => TokioResolver::builder_tokio().map_err(|e| {
            CheckOutcome::error(format!("the system's DNS settings cannot be read: {e}"))
        })?,
    };
    let options = builder.options_mut();
    options.timeout = timeout;
    options.attempts = 1;
    // Every check asks the server: a cached answer would hide a change.
    options.cache_size = 0;
    Ok(builder.build())
}

fn failure(err: &ResolveError, name: &str, record_type: &str) -> (&'static str, String) {
    if err.is_nx_domain() {
        ("dns", format!("{name} does not exist (NXDOMAIN)"))
    } else if err.is_no_records_found() {
        ("dns", format!("{name} has no {record_type} records"))
    } else {
        ("dns", err.to_string())
    }
}

/// Resolves `name` and checks the answers.
pub async fn resolve(checker: &Checker, name: &str, config: &DnsConfig) -> CheckOutcome {
    let Ok(record_type) = RecordType::from_str(&config.record_type) else {
        return CheckOutcome::error(format!("{} is not a record type", config.record_type));
    };
    let resolver = match resolver(checker, config) {
        Ok(resolver) => resolver,
        Err(outcome) => return outcome,
    };
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds.max(1)));
    let started = Instant::now();
    let server = config.resolver.clone().unwrap_or_else(|| "system".into());
    let lookup = tokio::time::timeout(timeout, resolver.lookup(name, record_type)).await;
    let elapsed = millis(started.elapsed());
    let lookup = match lookup {
        Err(_) => return CheckOutcome::timeout(timeout),
        Ok(Err(err)) => {
            let (class, message) = failure(&err, name, &config.record_type);
            return CheckOutcome::down(
                class,
                message,
                elapsed,
                json!({ "recordType": config.record_type, "resolver": server, "answers": [] }),
            );
        }
        Ok(Ok(lookup)) => lookup,
    };
    let mut answers: Vec<String> = lookup
        .record_iter()
        .filter(|r| r.record_type() == record_type)
        .map(|r| r.data().to_string())
        .collect();
    answers.sort();
    answers.dedup();
    // Where private targets are refused, private answers are not shown either: they would map
    // the network Vigil runs in.
    if checker.policy.block_private
        && matches!(record_type, RecordType::A | RecordType::AAAA)
        && answers.iter().any(|a| {
            a.parse::<std::net::IpAddr>()
                .is_ok_and(|ip| checker.policy.check_ip(ip).is_err())
        })
    {
        return CheckOutcome::error(format!(
            "{name} resolves to a private address, which this instance does not reach"
        ));
    }
    let details =
        json!({ "recordType": config.record_type, "resolver": server, "answers": answers });
    if answers.is_empty() {
        return CheckOutcome::down(
            "dns",
            format!("{name} has no {} records", config.record_type),
            elapsed,
            details,
        );
    }
    let missing: Vec<&String> = config
        .expected
        .iter()
        .filter(|e| !matches(&answers, e))
        .collect();
    if !missing.is_empty() {
        return CheckOutcome::down(
            "dns_mismatch",
            format!(
                "expected {} among the answers ({})",
                missing
                    .iter()
                    .map(|m| m.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                answers.join(", ")
            ),
            elapsed,
            details,
        );
    }
    CheckOutcome::up(elapsed, details)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_match_with_or_without_dots_case_and_preference() {
        let answers = vec![
            "10 Mail.Example.com.".to_owned(),
            "192.0.2.1".to_owned(),
            "\"v=spf1 -all\"".to_owned(),
        ];
        assert!(matches(&answers, "mail.example.com"));
        assert!(matches(&answers, "10 mail.example.com."));
        assert!(matches(&answers, "192.0.2.1"));
        assert!(matches(&answers, "v=spf1 -all"));
        assert!(!matches(&answers, "192.0.2.2"));
        assert!(!matches(&answers, "example.com"));
    }
}
