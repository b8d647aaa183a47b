//! Failed sign-ins per client address, counted in this process: the second line behind the
//! per-account lockout, against one address trying a password across many accounts (the
//! lockout only sees one account at a time). IPv6 addresses count by their /64, which one
//! client usually holds whole. Each replica counts its own; the lockout is shared.
//!
//! [`SocketLimit`] counts open WebSockets per client address the same way.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
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

    /// Counts a failure of `ip` (or, for a count of attempts, an attempt).
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

/// Open WebSockets per client address, in this process.
pub struct SocketLimit {
    max: usize,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One open socket's place; dropping it frees the place.
pub struct SocketSlot {
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
    key: IpAddr,
}

impl SocketLimit {
    /// At most `max` open sockets per address.
    pub fn new(max: u32) -> Self {
        Self {
            max: usize::try_from(max).unwrap_or(usize::MAX).max(1),
            open: Arc::default(),
        }
    }

    /// A place for one more socket from `ip`, or `None` when it has `max` open.
    pub fn acquire(&self, ip: IpAddr) -> Option<SocketSlot> {
        let mut open = self.open.lock().ok()?;
        let count = open.entry(key(ip)).or_default();
        if *count >= self.max {
            return None;
        }
        *count += 1;
        Some(SocketSlot {
            open: self.open.clone(),
            key: key(ip),
        })
    }
}

impl Drop for SocketSlot {
    fn drop(&mut self) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        if let Some(count) = open.get_mut(&self.key) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.key);
            }
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

    #[test]
    fn sockets_are_capped_per_address_and_freed_on_drop() {
        let limit = SocketLimit::new(2);
        let ip: IpAddr = "2001:db8:1:2::1"
            .parse()
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let same_64: IpAddr = "2001:db8:1:2::9"
            .parse()
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let other: IpAddr = "198.51.100.9".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let first = limit.acquire(ip);
        let second = limit.acquire(same_64);
        assert!(first.is_some() && second.is_some());
        assert!(limit.acquire(ip).is_none(), "the /64 has its two sockets");
        assert!(
            limit.acquire(other).is_some(),
            "another address is not held"
        );
        drop(first);
        assert!(
            limit.acquire(ip).is_some(),
            "a closed socket frees its place"
        );
        drop(second);
        assert!(limit.open.lock().map(|o| o.len()).unwrap_or(usize::MAX) <= 1);
    }
}
