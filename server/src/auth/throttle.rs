//! Failed sign-ins per client address, counted in this process: the second line behind the
//! per-account lockout, against one address trying a password across many accounts (the
//! lockout only sees one account at a time). IPv6 addresses count by their /64, which one
//! client usually holds whole. Each replica counts its own; the lockout is shared.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses remembered at most; past it the oldest are forgotten.
const MAX_ADDRESSES: usize = 100_000;

pub struct SignInThrottle {
    limit: usize,
    window: Duration,
    failures: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

/// The key an address counts under.
fn key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                for s in &mut segments[4..] {
                    *s = 0;
                }
                IpAddr::V6(segments.into())
            }
        },
        v4 => v4,
    }
}

impl SignInThrottle {
    /// `limit` failures per `window` and address.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit: usize::try_from(limit).unwrap_or(usize::MAX).max(1),
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// How long `ip` must wait when it has reached its limit.
    pub fn retry_after(&self, ip: IpAddr, now: Instant) -> Option<Duration> {
        let mut failures = self.failures.lock().ok()?;
        let list = failures.get_mut(&key(ip))?;
        while list
            .front()
            .is_some_and(|at| now.duration_since(*at) >= self.window)
        {
            list.pop_front();
        }
        if list.len() < self.limit {
            return None;
        }
        list.front()
            .map(|oldest| self.window.saturating_sub(now.duration_since(*oldest)))
            .map(|d| d.max(Duration::from_secs(1)))
    }

    /// Counts a failure of `ip`.
    pub fn failed(&self, ip: IpAddr, now: Instant) {
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        if failures.len() >= MAX_ADDRESSES && !failures.contains_key(&key(ip)) {
            let window = self.window;
            failures.retain(|_, list| {
                list.back()
                    .is_some_and(|at| now.duration_since(*at) < window)
            });
            if failures.len() >= MAX_ADDRESSES {
                failures.clear();
            }
        }
        let list = failures.entry(key(ip)).or_default();
        list.push_back(now);
        while list.len() > self.limit {
            list.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_held_after_its_limit_until_the_window_passes() {
        let throttle = SignInThrottle::new(3, Duration::from_secs(600));
        let ip: IpAddr = "203.0.113.7".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let other: IpAddr = "198.51.100.9".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let t0 = Instant::now();
        for i in 0..3 {
            assert_eq!(throttle.retry_after(ip, t0), None, "failure {i}");
            throttle.failed(ip, t0 + Duration::from_secs(i));
        }
        let wait = throttle.retry_after(ip, t0 + Duration::from_secs(10));
        assert_eq!(wait, Some(Duration::from_secs(590)));
        assert_eq!(throttle.retry_after(other, t0), None);
        // The oldest failure leaves the window: one more try.
        assert_eq!(
            throttle.retry_after(ip, t0 + Duration::from_secs(600)),
            None
        );
    }

    #[test]
    fn ipv6_counts_by_its_64_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2::1"
            .parse()
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let b: IpAddr = "2001:db8:1:2:ffff::9"
            .parse()
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let c: IpAddr = "2001:db8:1:3::1"
            .parse()
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        assert_eq!(key(a), key(b));
        assert_ne!(key(a), key(c));
        let mapped: IpAddr = "::ffff:203.0.113.7"
            .parse()
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        assert_eq!(
            key(mapped),
            "203.0.113.7".parse::<IpAddr>().unwrap_or(mapped)
        );
    }
}
