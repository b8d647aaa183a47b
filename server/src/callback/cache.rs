//! Responses replayed within a callback's `cache_period`: an identical request (method, path
//! suffix, query, content type and body) is answered without calling upstream. Each process
//! keeps its own cache, bounded in entries and bytes.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Entries kept at most.
const MAX_ENTRIES: usize = 10_000;
/// Largest body cached.
pub const MAX_BODY: usize = 1024 * 1024;

/// A stored response.
#[derive(Debug, Clone)]
pub struct Cached {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    /// How long upstream took when the response was fetched.
    pub upstream_ms: i32,
}

struct Entry {
    response: Cached,
    expires: Instant,
}

/// The cache of one process.
#[derive(Default)]
pub struct ResponseCache {
    entries: Mutex<HashMap<(Uuid, [u8; 32]), Entry>>,
}

/// The identity of a request for caching.
pub fn key(method: &str, suffix: &str, query: &str, content_type: &str, body: &[u8]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in [
        method.as_bytes(),
        suffix.as_bytes(),
        query.as_bytes(),
        content_type.as_bytes(),
    ] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    hash.update(body);
    hash.finalize().into()
}

impl ResponseCache {
    pub fn get(&self, callback: Uuid, key: &[u8; 32]) -> Option<Cached> {
        self.get_at(callback, key, Instant::now())
    }

    /// The response stored for `key`, if it has not expired at `now`.
    pub fn get_at(&self, callback: Uuid, key: &[u8; 32], now: Instant) -> Option<Cached> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&(callback, *key))?;
        (entry.expires > now).then(|| entry.response.clone())
    }

    pub fn put(&self, callback: Uuid, key: [u8; 32], response: Cached, ttl: Duration) {
        self.put_at(callback, key, response, ttl, Instant::now());
    }

    /// Stores `response` for `ttl` from `now`.
    pub fn put_at(
        &self,
        callback: Uuid,
        key: [u8; 32],
        response: Cached,
        ttl: Duration,
        now: Instant,
    ) {
        if response.body.len() > MAX_BODY || ttl.is_zero() {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.expires > now);
            if entries.len() >= MAX_ENTRIES {
                // Still full: drop the entries closest to expiry.
                let mut by_expiry: Vec<_> = entries.iter().map(|(k, e)| (e.expires, *k)).collect();
                by_expiry.sort();
                for (_, k) in by_expiry.into_iter().take(MAX_ENTRIES / 10) {
                    entries.remove(&k);
                }
            }
        }
        entries.insert(
            (callback, key),
            Entry {
                response,
                expires: now + ttl,
            },
        );
    }

    /// Drops everything cached for a callback (after it changed).
    pub fn forget(&self, callback: Uuid) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|(id, _), _| *id != callback);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(body: &'static str) -> Cached {
        Cached {
            status: 200,
            headers: Vec::new(),
            body: Bytes::from_static(body.as_bytes()),
            upstream_ms: 1,
        }
    }

    #[test]
    fn an_entry_is_served_for_its_period_and_not_after() {
        let cache = ResponseCache::default();
        let callback = Uuid::now_v7();
        let same = key("POST", "", "", "text/plain", b"same");
        let t0 = Instant::now();
        cache.put_at(callback, same, response("kept"), Duration::from_secs(2), t0);
        let at = |ms| cache.get_at(callback, &same, t0 + Duration::from_millis(ms));
        assert_eq!(at(0).map(|c| c.body), Some(Bytes::from_static(b"kept")));
        assert!(at(1999).is_some(), "still inside the period");
        assert!(at(2000).is_none(), "expired at the end of the period");
        assert!(at(2200).is_none());
        let other = key("POST", "", "", "text/plain", b"other");
        assert!(cache.get_at(callback, &other, t0).is_none(), "another body");
        cache.put_at(callback, same, response("x"), Duration::ZERO, t0);
        assert!(at(0).is_some(), "a zero period stores nothing");
        cache.forget(callback);
        assert!(at(0).is_none(), "forgotten");
    }
}
