//! One policy for every request Vigil makes on a user's behalf (monitor checks, callback
//! forwards, actions, webhooks, notification channels).
//!
//! With `block_private` on (the default in cloud mode), targets on loopback, private,
//! link-local (cloud metadata), carrier-grade NAT, multicast and other reserved ranges are
//! refused. The check runs on the addresses DNS returns, inside the HTTP client's resolver, so a
//! name that resolves to a private address at connect time is refused too.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::error::{AppError, AppResult};

/// The outbound policy of this instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboundPolicy {
    pub block_private: bool,
}

/// True for addresses that are not on the public internet.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_private_v4(v4),
        IpAddr::V6(v6) => {
            let seg = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || seg[..6] == [0; 6] // IPv4-compatible ::/96 (deprecated; embeds an IPv4 address)
                || seg[..6] == [0, 0, 0, 0, 0, 0xffff] // IPv4-mapped ::ffff:0:0/96, whatever it maps
                || seg[..6] == [0, 0, 0, 0, 0xffff, 0] // IPv4-translated ::ffff:0:0:0/96
                || seg[..4] == [0x0100, 0, 0, 0] // discard-only 100::/64
                || (seg[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (seg[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (seg[0] & 0xffc0) == 0xfec0 // site-local fec0::/10 (deprecated)
                || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
                || (seg[0] == 0x2001 && seg[1] == 0) // Teredo 2001::/32 (embeds an IPv4 address)
                || seg[0] == 0x2002 // 6to4 2002::/16 (embeds an IPv4 address)
                || (seg[0] == 0x0064 && seg[1] == 0xff9b) // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
        }
    }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local() // 169.254.0.0/16, cloud metadata
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..=127).contains(&b)) // carrier-grade NAT
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (18..=19).contains(&b)) // benchmarking
        || a >= 240 // reserved
}

/// Whether two URLs name the same origin (scheme, host and port). A stored secret sent back
/// masked is kept only while its destination stays the same origin: an editor who points a
/// webhook, a monitor or an action elsewhere must enter the secret again, so that they cannot
/// send someone else's credentials to a server of their own.
pub fn same_origin(a: &str, b: &str) -> bool {
    match (Url::parse(a.trim()), Url::parse(b.trim())) {
        (Ok(a), Ok(b)) => a.origin() == b.origin() && a.origin().is_tuple(),
        _ => false,
    }
}

/// The error for a masked secret sent back with a destination of another origin.
pub fn secret_needs_reentry(field: &str) -> AppError {
    AppError::field(
        field,
        "the destination's origin changed: enter this secret again (a masked value is kept only for the same origin)",
    )
}

/// `localhost`, a name under it, in any case, with or without the final dot.
fn is_localhost(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost")
}

/// A host that the system's resolver (`inet_aton`) reads as an IPv4 address although it is not
/// written as four decimal numbers: `2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`, `0`.
/// `None` when the host does not end in a number (a name); `Some(Err)` when it does but is no
/// address. The same rule as the URL standard's IPv4 parser.
fn loose_ipv4(host: &str) -> Option<Result<Ipv4Addr, ()>> {
    let parts: Vec<&str> = host.split('.').collect();
    let last = parts.last()?;
    let hex = |p: &str| {
        p.strip_prefix("0x")
            .or_else(|| p.strip_prefix("0X"))
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            .map(str::to_owned)
    };
    let ends_in_number =
        (!last.is_empty() && last.chars().all(|c| c.is_ascii_digit())) || hex(last).is_some();
    if !ends_in_number {
        return None;
    }
    let number = |p: &str| -> Option<u64> {
        if p.is_empty() {
            None
        } else if let Some(h) = hex(p) {
            if h.is_empty() {
                Some(0)
            } else {
                u64::from_str_radix(&h, 16).ok()
            }
        } else if p.len() > 1 && p.starts_with('0') {
            u64::from_str_radix(&p[1..], 8).ok()
        } else {
            p.parse().ok()
        }
    };
    let Some(numbers) = parts
        .iter()
        .map(|p| number(p))
        .collect::<Option<Vec<u64>>>()
    else {
        return Some(Err(()));
    };
    if numbers.len() > 4 {
        return Some(Err(()));
    }
    let (last, head) = numbers.split_last()?;
    if head.iter().any(|n| *n > 255) {
        return Some(Err(()));
    }
    let bits = 8 * (5 - numbers.len() as u32);
    if bits < 64 && *last >= 1u64 << bits {
        return Some(Err(()));
    }
    let mut value = *last;
    for (i, n) in head.iter().enumerate() {
        value += n << (8 * (3 - i as u32));
    }
    Some(u32::try_from(value).map(Ipv4Addr::from).map_err(|_| ()))
}

impl OutboundPolicy {
    /// Checks a bare host (ping, port and DNS targets): a name, or an IP address in any form
    /// the system's resolver reads, refused when private under this policy. Returns the host
    /// as it will be used: a name in lower case without the final dot, or the address.
    pub fn check_host(&self, field: &str, host: &str) -> AppResult<String> {
        let host = host.trim().trim_end_matches('.').to_lowercase();
        let literal = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(&host)
            .parse::<IpAddr>()
            .ok();
        let ip = match literal {
            Some(ip) => Some(ip),
            None => match loose_ipv4(&host) {
                Some(Ok(v4)) => Some(IpAddr::V4(v4)),
                Some(Err(())) => {
                    return Err(AppError::field(
                        field,
                        "is neither a host name nor an IP address",
                    ));
                }
                None => None,
            },
        };
        if let Some(ip) = ip {
            self.check_ip(ip).map_err(|_| {
                AppError::field(
                    field,
                    format!(
                        "{ip} is a private or reserved address, which this instance does not reach"
                    ),
                )
            })?;
            return Ok(ip.to_string());
        }
        let valid_name = !host.is_empty()
            && host.len() <= 253
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            });
        if !valid_name {
            return Err(AppError::field(
                field,
                "must be a host name or an IP address, without scheme or port",
            ));
        }
        if self.block_private && is_localhost(&host) {
            return Err(AppError::field(
                field,
                "loopback hosts are not reachable from this instance",
            ));
        }
        Ok(host)
    }

    /// Refuses `ip` when the policy blocks private targets.
    pub fn check_ip(&self, ip: IpAddr) -> AppResult<()> {
        if self.block_private && is_private(ip) {
            return Err(AppError::field(
                "url",
                format!(
                    "{ip} is a private or reserved address, which this instance does not reach"
                ),
            ));
        }
        Ok(())
    }

    /// Parses and checks an outbound URL: http or https, a host, and (for literal IPs) an
    /// allowed address. Names are checked again when they are resolved.
    pub fn check_url(&self, field: &str, url: &str) -> AppResult<Url> {
        let parsed =
            Url::parse(url.trim()).map_err(|_| AppError::field(field, "is not a valid URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(AppError::field(
                field,
                "must start with http:// or https://",
            ));
        }
        let Some(host) = parsed.host() else {
            return Err(AppError::field(field, "has no host"));
        };
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(AppError::field(
                field,
                "must not carry credentials; use the auth settings",
            ));
        }
        let ip = match host {
            url::Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
            url::Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
            url::Host::Domain(name) => {
                if self.block_private && is_localhost(name) {
                    return Err(AppError::field(
                        field,
                        "loopback hosts are not reachable from this instance",
                    ));
                }
                None
            }
        };
        if let Some(ip) = ip {
            self.check_ip(ip).map_err(|e| match e {
                AppError::Validation { message, .. } => AppError::field(field, message),
                other => other,
            })?;
        }
        Ok(parsed)
    }

    /// Resolves `host:port` and keeps only allowed addresses (for TCP checks).
    pub async fn resolve(&self, host: &str, port: u16) -> AppResult<Vec<SocketAddr>> {
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
            .await
            .map_err(|e| AppError::invalid(format!("cannot resolve {host}: {e}")))?
            .collect();
        let allowed: Vec<SocketAddr> = addrs
            .iter()
            .copied()
            .filter(|a| self.check_ip(a.ip()).is_ok())
            .collect();
        if allowed.is_empty() && !addrs.is_empty() {
            return Err(AppError::invalid(format!(
                "{host} resolves only to private addresses"
            )));
        }
        Ok(allowed)
    }

    /// An HTTP client that applies this policy at connect time.
    pub fn client_builder(&self) -> reqwest::ClientBuilder {
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!("Vigil/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10));
        if self.block_private {
            // A proxy would connect for us, past the address check.
            builder = builder
                .no_proxy()
                .dns_resolver(Arc::new(GuardedResolver { policy: *self }));
            // A redirect to a literal address never reaches the resolver: check every hop.
            let policy = *self;
            builder = builder.redirect(reqwest::redirect::Policy::custom(move |attempt| {
                if attempt.previous().len() >= 10 {
                    attempt.error("too many redirects")
                } else if policy.check_url("url", attempt.url().as_str()).is_err() {
                    attempt.error("redirected to a private or reserved address")
                } else {
                    attempt.follow()
                }
            }));
        }
        builder
    }
}

/// A resolver that drops addresses the policy refuses.
struct GuardedResolver {
    policy: OutboundPolicy,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = addrs
                .into_iter()
                .filter(|a| policy.check_ip(a.ip()).is_ok())
                .collect();
            if allowed.is_empty() {
                return Err(
                    format!("{host} resolves only to private or reserved addresses").into(),
                );
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_ranges() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_private(ip.parse().expect("ip")), "{ip} is private");
        }
        for ip in [
            "::127.0.0.1",
            "::ffff:8.8.8.8",
            "::ffff:0:7f00:1",
            "2002:7f00:1::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "64:ff9b::7f00:1",
            "64:ff9b:1::1",
            "100::1",
            "fec0::1",
        ] {
            assert!(
                is_private(ip.parse().expect("ip")),
                "{ip} embeds or is reserved"
            );
        }
        for ip in ["1.1.1.1", "8.8.8.8", "2606:4700:4700::1111"] {
            assert!(!is_private(ip.parse().expect("ip")), "{ip} is public");
        }
    }

    #[test]
    fn urls() {
        let strict = OutboundPolicy {
            block_private: true,
        };
        let open = OutboundPolicy {
            block_private: false,
        };
        assert!(strict.check_url("url", "http://127.0.0.1:8080/x").is_err());
        assert!(strict.check_url("url", "http://localhost/x").is_err());
        assert!(strict.check_url("url", "http://[::1]/").is_err());
        assert!(
            strict
                .check_url("url", "http://169.254.169.254/latest/meta-data")
                .is_err()
        );
        assert!(strict.check_url("url", "https://example.com/hook").is_ok());
        assert!(open.check_url("url", "http://127.0.0.1:8080/x").is_ok());
        assert!(open.check_url("url", "ftp://example.com").is_err());
        assert!(open.check_url("url", "http://user:pw@example.com").is_err());
        assert!(open.check_url("url", "not a url").is_err());
    }

    #[test]
    fn hosts_in_every_spelling_of_a_private_address_are_refused() {
        let strict = OutboundPolicy {
            block_private: true,
        };
        for host in [
            "0x7f000001",
            "2130706433",
            "0177.0.0.1",
            "127.1",
            "0",
            "0x7f.1",
            "localhost.",
            "LOCALHOST",
            "api.localhost.",
            "127.0.0.1.",
            "[::1]",
            "::ffff:127.0.0.1",
            "0xa9.0xfe.0xa9.0xfe",
            "017700000001",
        ] {
            assert!(
                strict.check_host("target", host).is_err(),
                "{host} was accepted"
            );
        }
        for bad in [
            "1.2.3.4.5",
            "256.1.1.1",
            "0x",
            "1..2",
            "4294967296",
            "08.1.1.1",
        ] {
            assert!(
                strict.check_host("target", bad).is_err(),
                "{bad} was accepted"
            );
        }
        assert_eq!(
            strict.check_host("t", "Example.COM.").ok().as_deref(),
            Some("example.com")
        );
        assert_eq!(
            strict.check_host("t", "8.8.8.8").ok().as_deref(),
            Some("8.8.8.8")
        );
        assert_eq!(
            strict.check_host("t", "134744072").ok().as_deref(),
            Some("8.8.8.8")
        );
        assert_eq!(
            strict.check_host("t", "1e100.net").ok().as_deref(),
            Some("1e100.net")
        );
        for url in [
            "http://0x7f000001/",
            "http://2130706433/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://0/",
            "http://localhost./",
            "http://[::ffff:7f00:1]/",
            "http://[2002:7f00:1::1]/",
        ] {
            assert!(strict.check_url("url", url).is_err(), "{url} was accepted");
        }
    }
}
