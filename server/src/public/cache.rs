//! The in-process cache of the public side: rendered responses per (page, route) and the
//! pages behind subdomains and custom domains.
//!
//! A `StatusPageUpdated` event drops what a page showed (on PostgreSQL events reach every
//! replica, see `events.rs`); a bounded size and a time to live are the backstop for what no
//! event announces (uptime bars move with every check, days change at midnight) and for events
//! lost while a replica's listener reconnects. A render that began before an event must not
//! put back what the event dropped, so every entry is stored under the page's generation read
//! before the render: an event bumps it, and the late entry is never read.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use bytes::Bytes;
use entity::status_pages;
use moka::sync::Cache as Moka;
use sha2::{Digest, Sha256};
use tokio::sync::broadcast::error::RecvError;
use uuid::Uuid;

use crate::events::Event;
use crate::state::AppState;

/// How long a rendered response is served without an event dropping it.
pub const TTL: Duration = Duration::from_secs(60);
/// Bytes of rendered bodies kept.
const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Subdomains and domains whose page is kept.
const MAX_LOOKUPS: u64 = 10_000;

/// A response body with what is sent along with it.
#[derive(Debug)]
pub struct Rendered {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub body: Bytes,
    /// The body gzipped, made once with the render, for clients that accept it; `None` for
    /// bodies too small to gain from it.
    pub gzip: Option<Bytes>,
    /// A strong validator: a hash of the body, quoted. The gzipped body's is this with `-gz`
    /// (a strong validator names one representation).
    pub etag: String,
    /// `Cache-Control: public, max-age=…`.
    pub max_age: u32,
    /// Headers of this kind of response (CSP, CORS, `X-Robots-Tag`).
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

impl Rendered {
    /// A 200 response of `body`.
    pub fn ok(content_type: &'static str, body: impl Into<Bytes>) -> Self {
        let body = body.into();
        let digest = Sha256::digest(&body);
        Self {
            status: StatusCode::OK,
            content_type,
            etag: format!("\"{}\"", hex::encode(&digest[..16])),
            gzip: gzip(&body),
            body,
            max_age: 10,
            headers: Vec::new(),
        }
    }

    /// Adds a header (names and values are the module's own constants or checked text).
    pub fn with(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    pub fn max_age(mut self, seconds: u32) -> Self {
        self.max_age = seconds;
        self
    }
}

/// Bodies smaller than this are sent as they are: gzip's header and a round trip's worth of
/// bytes would eat the gain.
const GZIP_FROM: usize = 1024;

/// `body` gzipped (level 6, as web servers default to), when it is worth it. Rendered
/// responses are compressed once when they are made, so a cached answer costs no compression.
fn gzip(body: &[u8]) -> Option<Bytes> {
    use std::io::Write;
    if body.len() < GZIP_FROM {
        return None;
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder.write_all(body).ok()?;
    let packed = encoder.finish().ok()?;
    (packed.len() < body.len()).then(|| Bytes::from(packed))
}

/// The validator of the gzipped representation of a response whose validator is `etag`.
pub fn gzip_etag(etag: &str) -> String {
    format!("{}-gz\"", etag.trim_end_matches('"'))
}

/// Whether an `Accept-Encoding` value accepts gzip (named or `*`, with a quality above 0).
pub fn accepts_gzip(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|param| {
            param
                .strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

/// Where a page was asked for: its subdomain, or a custom domain (`Host`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lookup {
    Subdomain(String),
    Domain(String),
}

/// What a lookup found: a page to serve, or (for a domain) a page that has it but is not
/// served, or nothing.
#[derive(Debug, Clone)]
pub enum Found {
    Page(Arc<status_pages::Model>),
    /// A custom domain some page has, not verified or not published: the same 404 as none.
    Withheld(Uuid),
    Nothing,
}

/// The version of a page's entries a render was started under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    all: u64,
    page: u64,
}

type Key = (Uuid, Stamp, String);

/// The cache; cheap to clone.
#[derive(Clone)]
pub struct Cache {
    responses: Moka<Key, Arc<Rendered>>,
    lookups: Moka<Lookup, Found>,
    /// Bumped when everything is dropped (a lagging event receiver).
    all: Arc<AtomicU64>,
    /// Bumped by every event: a lookup started before it is not stored.
    events: Arc<AtomicU64>,
    pages: Arc<std::sync::Mutex<HashMap<Uuid, u64>>>,
}

impl Default for Cache {
    fn default() -> Self {
        Self::new(TTL)
    }
}

impl Cache {
    /// A cache whose entries live at most `ttl`.
    pub fn new(ttl: Duration) -> Self {
        let responses = Moka::builder()
            .max_capacity(MAX_BYTES)
            .weigher(|key: &Key, value: &Arc<Rendered>| {
                u32::try_from(key.2.len() + value.body.len() + 256).unwrap_or(u32::MAX)
            })
            .time_to_live(ttl)
            .support_invalidation_closures()
            .build();
        let lookups = Moka::builder()
            .max_capacity(MAX_LOOKUPS)
            .time_to_live(ttl)
            .support_invalidation_closures()
            .build();
        Self {
            responses,
            lookups,
            all: Arc::default(),
            events: Arc::default(),
            pages: Arc::default(),
        }
    }

    /// The stamp a render of `page` starts under.
    pub fn stamp(&self, page: Uuid) -> Stamp {
        let generation = self
            .pages
            .lock()
            .map(|pages| pages.get(&page).copied().unwrap_or(0))
            .unwrap_or(0);
        Stamp {
            all: self.all.load(Ordering::SeqCst),
            page: generation,
        }
    }

    pub fn get(&self, page: Uuid, stamp: Stamp, route: &str) -> Option<Arc<Rendered>> {
        self.responses.get(&(page, stamp, route.to_owned()))
    }

    pub fn put(&self, page: Uuid, stamp: Stamp, route: String, rendered: Arc<Rendered>) {
        self.responses.insert((page, stamp, route), rendered);
    }

    /// The event count a lookup starts under (see [`Cache::remember`]).
    pub fn lookup_epoch(&self) -> u64 {
        self.events.load(Ordering::SeqCst)
    }

    pub fn lookup(&self, key: &Lookup) -> Option<Found> {
        self.lookups.get(key)
    }

    /// Keeps what a lookup found, unless an event came while it ran.
    pub fn remember(&self, epoch: u64, key: Lookup, found: Found) {
        if self.events.load(Ordering::SeqCst) == epoch {
            self.lookups.insert(key, found);
        }
    }

    /// Drops what `page` showed, and every lookup that found no served page (the event may be
    /// the page taking that subdomain or domain).
    pub fn invalidate(&self, page: Uuid) {
        self.events.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut pages) = self.pages.lock() {
            *pages.entry(page).or_insert(0) += 1;
        }
        let _ = self
            .responses
            .invalidate_entries_if(move |key, _| key.0 == page);
        let _ = self
            .lookups
            .invalidate_entries_if(move |_, found| match found {
                Found::Page(p) => p.id == page,
                Found::Withheld(_) | Found::Nothing => true,
            });
    }

    /// Drops everything (events may have been missed).
    pub fn clear(&self) {
        self.events.fetch_add(1, Ordering::SeqCst);
        self.all.fetch_add(1, Ordering::SeqCst);
        self.responses.invalidate_all();
        self.lookups.invalidate_all();
    }

    /// Listens to the events of `state` until shutdown, dropping what they make stale. Without
    /// a runtime (no server), the time to live alone applies.
    pub fn listen(&self, state: &AppState) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let mut events = state.events.subscribe();
        let shutdown = state.shutdown.clone();
        let cache = self.clone();
        runtime.spawn(async move {
            loop {
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    received = events.recv() => match received {
                        Ok(Event::StatusPageUpdated { status_page_id, .. }) => {
                            cache.invalidate(status_page_id);
                        }
                        // Updates may have been missed: nothing cached can be trusted.
                        Ok(Event::EventsMissed) | Err(RecvError::Lagged(_)) => cache.clear(),
                        Ok(_) => {}
                        Err(RecvError::Closed) => break,
                    },
                }
            }
        });
    }
}

/// Whether `If-None-Match` names `etag` (or is `*`).
pub fn matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_drops_the_page_and_a_late_render_stays_unread() {
        let cache = Cache::default();
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let before = cache.stamp(a);
        cache.put(
            a,
            before,
            "/".into(),
            Arc::new(Rendered::ok("text/html", "old")),
        );
        cache.put(
            b,
            cache.stamp(b),
            "/".into(),
            Arc::new(Rendered::ok("text/html", "b")),
        );
        cache.invalidate(a);
        assert!(cache.get(a, cache.stamp(a), "/").is_none());
        assert!(
            cache.get(b, cache.stamp(b), "/").is_some(),
            "another page was dropped"
        );
        // A render that read the data before the event stores under the old stamp.
        cache.put(
            a,
            before,
            "/".into(),
            Arc::new(Rendered::ok("text/html", "stale")),
        );
        assert!(cache.get(a, cache.stamp(a), "/").is_none());
    }

    #[test]
    fn lookups_started_before_an_event_are_not_kept() {
        let cache = Cache::default();
        let epoch = cache.lookup_epoch();
        cache.invalidate(Uuid::now_v7());
        cache.remember(epoch, Lookup::Subdomain("acme".into()), Found::Nothing);
        assert!(cache.lookup(&Lookup::Subdomain("acme".into())).is_none());
        let epoch = cache.lookup_epoch();
        cache.remember(epoch, Lookup::Subdomain("acme".into()), Found::Nothing);
        assert!(cache.lookup(&Lookup::Subdomain("acme".into())).is_some());
    }

    #[test]
    fn etags_match_as_http_says() {
        let etag = Rendered::ok("text/plain", "x").etag;
        assert!(matches(&etag, &etag));
        assert!(matches(&format!("\"other\", W/{etag}"), &etag));
        assert!(matches("*", &etag));
        assert!(!matches("\"other\"", &etag));
        assert_ne!(etag, Rendered::ok("text/plain", "y").etag);
    }

    #[test]
    fn large_bodies_are_gzipped_once_and_their_validator_differs() {
        use std::io::Read;
        let body = "<li>Service operational</li>".repeat(200);
        let rendered = Rendered::ok("text/html", body.clone());
        let packed = rendered.gzip.clone().expect("gzipped");
        assert!(packed.len() < body.len() / 5, "{} bytes", packed.len());
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_string(&mut unpacked)
            .expect("gunzip");
        assert_eq!(unpacked, body);
        assert_ne!(gzip_etag(&rendered.etag), rendered.etag);
        assert!(gzip_etag("\"ab\"") == "\"ab-gz\"");
        assert!(Rendered::ok("text/plain", "small").gzip.is_none());
    }

    #[test]
    fn accept_encoding_is_read_with_its_qualities() {
        assert!(accepts_gzip("gzip, deflate, br"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("br, identity"));
        assert!(!accepts_gzip(""));
    }
}
