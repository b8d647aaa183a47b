//! `dns` checks: resolve the target's records of one type, from the system's resolvers or a
//! chosen name server, and compare them with the expected values.

use std::str::FromStr;
use std::time::{Duration, Instant};

use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::rr::RecordType;
use hickory_resolver::proto::xfer::Protocol;
use hickory_resolver::{ResolveError, Resolver, TokioResolver};
use serde_json::json;

use super::{CheckOutcome, Checker, millis};
use crate::monitor::config::{DnsConfig, dns_server};

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
pub async fn check(checker: &Checker, name: &str, config: &DnsConfig) -> CheckOutcome {
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
