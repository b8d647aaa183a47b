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
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private_v4(v4);
            }
            let seg = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (seg[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
                || (seg[0] == 0x0064 && seg[1] == 0xff9b) // NAT64 well-known prefix
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

impl OutboundPolicy {
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
                if self.block_private
                    && (name.eq_ignore_ascii_case("localhost") || name.ends_with(".localhost"))
                {
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
}
