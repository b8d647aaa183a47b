//! Published status pages, served to anyone without credentials: HTML at
//! `/status/{subdomain}` and at the root of a verified custom domain (by `Host`), the
//! Statuspage-compatible JSON API, RSS and Atom feeds, an iCalendar feed of maintenance, SVG
//! badges, and the question Caddy's on-demand TLS asks before it gets a certificate.
//!
//! Nothing here reads a cookie or an `Authorization` header: a visitor signed in to Vigil sees
//! what everyone sees, and a draft page is not shown to its own editors either. A page that is
//! not published, a subdomain no page has, a custom domain not verified, and an incident or
//! component of another page all get the same 404. Responses come from an in-process cache
//! (`cache`) that `StatusPageUpdated` events empty, carry an `ETag` and answer `If-None-Match`.

mod badge;
pub mod cache;
mod feed;
mod html;
mod ical;
mod json;
mod markdown;
pub mod read;
mod render;
mod route;
mod style;
mod subscribe;
pub mod view;

use std::net::IpAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use entity::status_pages;
use serde::Deserialize;
use uuid::Uuid;

use self::cache::{Cache, Found, Lookup, Rendered};
use self::read::served_at_domain;
use self::route::Route;
use self::view::Clock;
use crate::error::AppResult;
use crate::state::AppState;

/// Where a page's images are kept in the artifact storage: a key outside it is not served.
pub fn image_prefix(page_id: Uuid) -> String {
    format!("status-pages/{page_id}/")
}

/// The path of a page's image below the page.
fn image_path(kind: &str) -> String {
    format!("/images/{kind}")
}

/// A page as one request sees it: where its links point and what time it is there.
pub struct Site<'a> {
    pub page: &'a status_pages::Model,
    /// The prefix of links in HTML: `/status/{subdomain}`, or empty at a custom domain.
    pub base: String,
    /// The page's absolute URL: its custom domain when verified, else under `base_url`.
    pub canonical: String,
    pub clock: Clock,
}

impl<'a> Site<'a> {
    fn new(state: &AppState, page: &'a status_pages::Model, base: String) -> Self {
        let canonical = match (&page.custom_domain, served_at_domain(page)) {
            (Some(domain), true) => format!("https://{domain}"),
            _ => format!("{}/status/{}", state.settings.base_url(), page.subdomain),
        };
        Site {
            page,
            base,
            canonical,
            clock: Clock::of(page, Utc::now()),
        }
    }

    /// A link to `path` (below the page) as this request reaches the page.
    pub fn link(&self, path: &str) -> String {
        match (self.base.as_str(), path) {
            ("", "") => "/".to_owned(),
            (base, path) => format!("{base}{path}"),
        }
    }

    /// The absolute URL of `path` below the page.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.canonical)
    }

    /// The host of the canonical URL (calendar UIDs).
    pub fn host(&self) -> String {
        url::Url::parse(&self.canonical)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "vigil".to_owned())
    }
}

/// The public side's state: the app's, and the cache.
#[derive(Clone)]
pub struct Public {
    state: AppState,
    cache: Cache,
    /// Vigil's own host names (`base_url`, the trigger origin): never custom domains.
    own_hosts: Arc<Vec<String>>,
    /// Subscriptions per client address (`subscribe`).
    subscriptions: Arc<crate::auth::throttle::SignInThrottle>,
}

impl Public {
    /// The public side of `state`, its cache emptied by the state's events.
    pub fn new(state: &AppState) -> Self {
        let cache = Cache::default();
        cache.listen(state);
        tokio::spawn(flush_views(state.clone()));
        let own_hosts = [
            host_name(&state.settings.base_url()),
            state
                .settings
                .trigger_base_url
                .as_deref()
                .and_then(host_name),
        ];
        Self {
            state: state.clone(),
            cache,
            own_hosts: Arc::new(own_hosts.into_iter().flatten().collect()),
            subscriptions: Arc::new(crate::auth::throttle::SignInThrottle::new(
                subscribe::PER_ADDRESS,
                std::time::Duration::from_secs(3600),
            )),
        }
    }

    /// The page behind a subdomain or domain, from the cache or the database.
    async fn find(&self, key: Lookup) -> AppResult<Found> {
        if let Some(found) = self.cache.lookup(&key) {
            return Ok(found);
        }
        let epoch = self.cache.lookup_epoch();
        let db = &self.state.db;
        let found = match &key {
            Lookup::Subdomain(label) => match read::page_by_subdomain(db, label).await? {
                Some(page) => Found::Page(Arc::new(page)),
                None => Found::Nothing,
            },
            Lookup::Domain(domain) => match read::page_by_domain(db, domain).await? {
                Some(page) if served_at_domain(&page) => Found::Page(Arc::new(page)),
                Some(page) => Found::Withheld(page.id),
                None => Found::Nothing,
            },
        };
        self.cache.remember(epoch, key, found.clone());
        Ok(found)
    }

    /// Answers `rest` (and `query`) of `page`, reached through `base`.
    async fn serve(
        &self,
        page: &status_pages::Model,
        base: String,
        rest: &str,
        query: Option<&str>,
        headers: &HeaderMap,
    ) -> Response {
        let Some(route) = Route::parse(rest, query) else {
            return not_found();
        };
        if matches!(route, Route::Index | Route::History(_) | Route::Incident(_)) {
            self.state.page_views.count(page.id);
        }
        if let Route::Shortlink(code) = &route {
            return match read::shortlink(&self.state.db, page.id, code).await {
                Ok(Some(id)) => redirect(&format!("{base}/incidents/{id}")),
                Ok(None) => not_found(),
                Err(err) => failure(err),
            };
        }
        // Links differ between the subdomain path and the custom domain: both are in the key.
        let key = format!("{base}{}", route.key());
        let stamp = self.cache.stamp(page.id);
        if let Some(hit) = self.cache.get(page.id, stamp, &key) {
            return respond(&hit, headers);
        }
        let site = Site::new(&self.state, page, base);
        match render::render(&self.state, &site, &route).await {
            Ok(Some(rendered)) => {
                let rendered = Arc::new(rendered);
                self.cache.put(page.id, stamp, key, rendered.clone());
                respond(&rendered, headers)
            }
            Ok(None) => not_found(),
            Err(err) => failure(err),
        }
    }
}

/// The public routes: pages by subdomain and the custom-domain check for Caddy.
pub fn router(public: Public) -> Router {
    Router::new()
        .route("/status/{subdomain}", get(by_subdomain_root))
        .route("/status/{subdomain}/", get(by_subdomain_root))
        .route(
            "/status/{subdomain}/{*rest}",
            get(by_subdomain).post(by_subdomain),
        )
        .route("/status-domains/allowed", get(allowed))
        .with_state(public)
}

/// A label as pages store it, or `None` when it cannot be one (no query for it).
fn label(value: &str) -> Option<String> {
    let value = value.to_ascii_lowercase();
    ((1..=63).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    .then_some(value)
}

async fn by_subdomain_root(
    State(public): State<Public>,
    Path(subdomain): Path<String>,
    request: Request,
) -> Response {
    page_at(&public, &subdomain, "", request).await
}

async fn by_subdomain(
    State(public): State<Public>,
    Path((subdomain, rest)): Path<(String, String)>,
    request: Request,
) -> Response {
    page_at(&public, &subdomain, &format!("/{rest}"), request).await
}

async fn page_at(public: &Public, subdomain: &str, rest: &str, request: Request) -> Response {
    let Some(label) = label(subdomain) else {
        return not_found();
    };
    match public.find(Lookup::Subdomain(label.clone())).await {
        Ok(Found::Page(page)) if subscribe::is_path(rest) => {
            let base = format!("/status/{label}");
            subscribe::handle(public, &page, base, rest, request).await
        }
        Ok(Found::Page(_)) if request.method() == Method::POST => method_not_allowed(),
        Ok(Found::Page(page)) => {
            let base = format!("/status/{label}");
            let query = request.uri().query();
            public
                .serve(&page, base, rest, query, request.headers())
                .await
        }
        Ok(_) => not_found(),
        Err(err) => failure(err),
    }
}

/// The host a request names, lower-case, without port or trailing dot.
fn host_of(request: &Request) -> Option<String> {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().host())?;
    let name = match host.strip_prefix('[') {
        // An IPv6 literal is never a custom domain.
        Some(_) => return None,
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    Some(name.trim_end_matches('.').to_ascii_lowercase())
}

fn host_name(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()?
        .host_str()
        .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
}

/// The custom domain a request may be for: a host name that is not Vigil's own (its
/// `base_url`, its trigger origin), not an address and not `localhost`.
fn custom_domain(public: &Public, request: &Request) -> Option<String> {
    let host = host_of(request)?;
    let ours = public.own_hosts.contains(&host);
    (!ours && !host.is_empty() && host != "localhost" && host.parse::<IpAddr>().is_err())
        .then_some(host)
}

/// Routes requests by `Host`: a verified custom domain of a published page gets that page at
/// its root (and nothing else of Vigil: no API, no web app); a domain some page claims but
/// may not serve gets the 404; any other host goes on to the app.
pub async fn by_host(State(public): State<Public>, request: Request, next: Next) -> Response {
    let Some(domain) = custom_domain(&public, &request) else {
        return next.run(request).await;
    };
    match public.find(Lookup::Domain(domain)).await {
        Ok(Found::Page(page)) => {
            let path = request.uri().path().to_owned();
            if subscribe::is_path(&path) {
                return subscribe::handle(&public, &page, String::new(), &path, request).await;
            }
            if !matches!(*request.method(), Method::GET | Method::HEAD) {
                return method_not_allowed();
            }
            let rest = if path == "/" { "" } else { path.as_str() };
            let query = request.uri().query();
            public
                .serve(&page, String::new(), rest, query, request.headers())
                .await
        }
        Ok(Found::Withheld(_)) => not_found(),
        Ok(Found::Nothing) => next.run(request).await,
        Err(err) => failure(err),
    }
}

#[derive(Deserialize)]
struct Domain {
    domain: Option<String>,
}

/// `GET /status-domains/allowed?domain=x`: 200 when a published page has verified custom
/// domain `x` (Caddy's on-demand TLS then gets it a certificate), else 404.
async fn allowed(State(public): State<Public>, Query(q): Query<Domain>) -> Response {
    let Some(domain) = q
        .domain
        .map(|d| d.trim_end_matches('.').to_ascii_lowercase())
        .filter(|d| !d.is_empty() && d.len() <= 253)
    else {
        return not_found();
    };
    match public.find(Lookup::Domain(domain)).await {
        Ok(Found::Page(_)) => (StatusCode::OK, "allowed").into_response(),
        Ok(_) => not_found(),
        Err(err) => failure(err),
    }
}

/// The cached response (gzipped when the client accepts it and it was worth it), or 304 when
/// the client has that representation.
pub(crate) fn respond(rendered: &Rendered, request: &HeaderMap) -> Response {
    let packed = rendered.gzip.as_ref().filter(|_| {
        request
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(cache::accepts_gzip)
    });
    let etag = match packed {
        Some(_) => cache::gzip_etag(&rendered.etag),
        None => rendered.etag.clone(),
    };
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| cache::matches(v, &etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = packed.unwrap_or(&rendered.body).clone();
        (rendered.status, body).into_response()
    };
    let headers = response.headers_mut();
    if !fresh {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(rendered.content_type),
        );
        if packed.is_some() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
    }
    if rendered.gzip.is_some() {
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, etag);
    }
    if let Ok(control) = HeaderValue::from_str(&format!("public, max-age={}", rendered.max_age)) {
        headers.insert(header::CACHE_CONTROL, control);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    for (name, value) in &rendered.headers {
        headers.insert(name.clone(), value.clone());
    }
    response
}

fn method_not_allowed() -> Response {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        [(header::ALLOW, "GET, HEAD")],
    )
        .into_response()
}

/// Adds the page views this process counted to the database every
/// `metrics::FLUSH_EVERY`, and once more at shutdown.
async fn flush_views(state: AppState) {
    use crate::status_page::metrics;
    loop {
        let stop = tokio::select! {
            () = state.shutdown.cancelled() => true,
            () = tokio::time::sleep(metrics::FLUSH_EVERY) => false,
        };
        if let Err(err) = metrics::flush_views(&state, Utc::now()).await {
            tracing::warn!(error = ?err, "adding status page views failed");
        }
        if stop {
            break;
        }
    }
}

/// The one 404 of the public side.
fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; frame-ancestors 'none'",
            ),
        ],
        html::NOT_FOUND,
    )
        .into_response()
}

fn redirect(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(location) => (
            StatusCode::FOUND,
            [
                (header::LOCATION, location),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=60"),
                ),
            ],
        )
            .into_response(),
        Err(_) => not_found(),
    }
}

/// A fault of the server: logged with its details, answered without them.
fn failure(err: crate::error::AppError) -> Response {
    let message = err.public_message();
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CACHE_CONTROL, "no-store")],
        message,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(host: &str) -> Request {
        Request::builder()
            .uri("/")
            .header(header::HOST, host)
            .body(axum::body::Body::empty())
            .expect("a request")
    }

    #[test]
    fn hosts_lose_ports_and_case() {
        assert_eq!(
            host_of(&request("Status.Acme.COM:443")).as_deref(),
            Some("status.acme.com")
        );
        assert_eq!(
            host_of(&request("status.acme.com.")).as_deref(),
            Some("status.acme.com")
        );
        assert_eq!(host_of(&request("[::1]:8080")), None);
    }

    #[test]
    fn labels_that_cannot_be_subdomains_are_refused_before_any_query() {
        assert_eq!(label("Acme-Status").as_deref(), Some("acme-status"));
        for bad in ["", "a.b", "a b", "<script>", &"a".repeat(64), "ä"] {
            assert_eq!(label(bad), None, "{bad}");
        }
    }
}
