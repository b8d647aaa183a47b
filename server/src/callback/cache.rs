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
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&(callback, *key))?;
        (entry.expires > Instant::now()).then(|| entry.response.clone())
    }

    pub fn put(&self, callback: Uuid, key: [u8; 32], response: Cached, ttl: Duration) {
        if response.body.len() > MAX_BODY || ttl.is_zero() {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES {
            let now = Instant::now();
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
                expires: Instant::now() + ttl,
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
