//! Forwarding a trigger to the callback URL and bringing the answer back.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderName, Method};

use super::cache::Cached;

/// Largest upstream response relayed.
pub const MAX_RESPONSE: usize = 10 * 1024 * 1024;

/// Headers never forwarded: hop-by-hop (RFC 9110 §7.6.1), framing, and credentials meant for
/// Vigil rather than the upstream.
pub fn is_dropped_request_header(name: &str) -> bool {
    matches!(
        name,
        "connection"
            | "keep-alive"
            | "proxy-authenticate"
            | "proxy-authorization"
            | "proxy-connection"
            | "te"
            | "trailer"
            | "transfer-encoding"
            | "upgrade"
            | "host"
            | "content-length"
            | "authorization"
            | "cookie"
            | "x-api-key"
            | "accept-encoding"
    ) || name.starts_with("x-vigil-")
}

/// Headers of the upstream answer not relayed to the caller.
pub fn is_dropped_response_header(name: &str) -> bool {
    matches!(
        name,
        "connection"
            | "keep-alive"
            | "proxy-authenticate"
            | "proxy-connection"
            | "te"
            | "trailer"
            | "transfer-encoding"
            | "upgrade"
            | "content-length"
            | "set-cookie"
            | "set-cookie2"
            // A tenant's answer must not act on the origin that serves it: no service worker
            // over the whole origin, no wiping of the visitor's storage or cookies.
            | "service-worker-allowed"
            | "clear-site-data"
    )
}

/// Which origin serves a trigger's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    /// The app's own origin (`base_url`), where the visitor's session cookie lives.
    AppOrigin,
    /// The separate trigger origin (`trigger_base_url`), which holds no session.
    TriggerOrigin,
}

/// A content type a browser may render as a document that runs script (HTML, XML with its
/// stylesheets, SVG), or none at all, which browsers sniff.
pub fn is_active_content(content_type: Option<&str>) -> bool {
    let Some(essence) = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty())
    else {
        return true;
    };
    matches!(
        essence.as_str(),
        "text/html"
            | "application/xhtml+xml"
            | "text/xml"
            | "application/xml"
            | "image/svg+xml"
            | "text/xsl"
            | "application/xslt+xml"
            | "application/pdf"
            | "multipart/x-mixed-replace"
    ) || essence.ends_with("+xml")
        || essence.contains("html")
}

/// Makes a tenant's answer inert where it is served (SECURITY.md, "Trigger answers"): on the
/// app's origin a `sandbox` policy with no permission at all, no sniffing, and active content
/// as a download; on the separate trigger origin, pages render and run their scripts, but in
/// an opaque origin of their own (no storage, cookies or service workers shared with other
/// tenants' triggers).
pub fn harden(headers: &mut HeaderMap, served: Served) {
    use axum::http::HeaderValue;
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
    let active = is_active_content(headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()));
    let policy = match served {
        Served::AppOrigin => "sandbox",
        Served::TriggerOrigin => {
            "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads"
        }
    };
    // Appended beside the upstream's own policies: browsers enforce every policy given.
    headers.append(CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    if served == Served::AppOrigin && active {
        headers.insert(CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
    }
}

/// The upstream URL: the callback URL, the path suffix, and the query of the trigger
/// appended to the callback URL's own.
pub fn upstream_url(
    callback_url: &str,
    suffix: &str,
    query: Option<&str>,
) -> Result<reqwest::Url, String> {
    let mut url = reqwest::Url::parse(callback_url)
        .map_err(|_| "the callback URL is not valid".to_owned())?;
    if !suffix.is_empty() {
        let base = url.path().trim_end_matches('/').to_owned();
        url.set_path(&format!("{base}/{}", suffix.trim_start_matches('/')));
    }
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        let joined = match url.query() {
            Some(own) if !own.is_empty() => format!("{own}&{query}"),
            _ => query.to_owned(),
        };
        url.set_query(Some(&joined));
    }
    Ok(url)
}

/// Why forwarding failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Timeout,
    /// Connection refused, DNS, TLS, a refused private address, a too-large answer.
    Unreachable(String),
}

/// A trigger on its way to the callback URL.
#[derive(Debug, Clone)]
pub struct Outgoing<'a> {
    pub url: reqwest::Url,
    pub method: &'a Method,
    /// The caller's headers (those meant for Vigil are dropped on the way).
    pub headers: &'a HeaderMap,
    pub body: Bytes,
    /// How long the upstream has to answer in full.
    pub timeout: Duration,
    /// The caller's address, sent as `X-Forwarded-For`.
    pub client_ip: Option<&'a str>,
    /// Sent as `X-Vigil-Trigger-Id`, so that the upstream can tell triggers apart.
    pub trigger_id: uuid::Uuid,
}

/// Sends the trigger upstream and reads the answer.
pub async fn forward(client: &reqwest::Client, outgoing: Outgoing<'_>) -> Result<Cached, Failure> {
    let started = Instant::now();
    let timeout = outgoing.timeout;
    let request = build(client, outgoing);
    let attempt = async {
        let response = request.send().await.map_err(describe)?;
        read_answer(response).await
    };
    match tokio::time::timeout(timeout, attempt).await {
        Err(_) => Err(Failure::Timeout),
        Ok(Err(failure)) => Err(failure),
        Ok(Ok((status, headers, body))) => Ok(Cached {
            status,
            headers,
            body,
            upstream_ms: i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX),
        }),
    }
}

/// The upstream request: the caller's method, relayable headers and body, and Vigil's own
/// headers.
fn build(client: &reqwest::Client, outgoing: Outgoing<'_>) -> reqwest::RequestBuilder {
    let method = reqwest::Method::from_bytes(outgoing.method.as_str().as_bytes())
        .unwrap_or(reqwest::Method::POST);
    let mut request = client.request(method, outgoing.url);
    for (name, value) in outgoing.headers {
        if !is_dropped_request_header(name.as_str()) {
            request = request.header(name.as_str(), value.as_bytes());
        }
    }
    if let Some(ip) = outgoing.client_ip {
        request = request.header("x-forwarded-for", ip);
    }
    request
        .header("x-vigil-trigger-id", outgoing.trigger_id.to_string())
        .body(outgoing.body)
}

/// The upstream's status, relayable headers and body (at most [`MAX_RESPONSE`] bytes).
async fn read_answer(
    mut response: reqwest::Response,
) -> Result<(u16, Vec<(String, String)>, Bytes), Failure> {
    let status = response.status().as_u16();
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| !is_dropped_response_header(name.as_str()))
        .filter_map(|(name, value)| {
            value
                .to_str()
                .ok()
                .map(|v| (name.as_str().to_owned(), v.to_owned()))
        })
        .collect();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(describe)? {
        if body.len() + chunk.len() > MAX_RESPONSE {
            return Err(Failure::Unreachable(format!(
                "the answer is larger than {MAX_RESPONSE} bytes"
            )));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((status, headers, Bytes::from(body)))
}

fn describe(err: reqwest::Error) -> Failure {
    if err.is_timeout() {
        return Failure::Timeout;
    }
    let mut text = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    // The URL may carry secrets in its query: never repeat it.
    if let Some(url) = err.url() {
        text = text.replace(url.as_str(), "<callback URL>");
    }
    Failure::Unreachable(text)
}

/// A header name that may be relayed to the caller.
pub fn response_header_name(name: &str) -> Option<HeaderName> {
    HeaderName::from_bytes(name.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_join_suffix_and_query() -> Result<(), String> {
        assert_eq!(
            upstream_url("http://a.test/hook", "", None)?.as_str(),
            "http://a.test/hook"
        );
        assert_eq!(
            upstream_url("http://a.test/hook/", "x/y", Some("q=1"))?.as_str(),
            "http://a.test/hook/x/y?q=1"
        );
        assert_eq!(
            upstream_url("http://a.test/hook?k=v", "", Some("q=1"))?.as_str(),
            "http://a.test/hook?k=v&q=1"
        );
        assert!(is_dropped_request_header("authorization"));
        assert!(is_dropped_response_header("service-worker-allowed"));
        assert!(is_dropped_response_header("clear-site-data"));
        assert!(is_dropped_request_header("x-vigil-signature"));
        assert!(!is_dropped_request_header("x-github-event"));
        Ok(())
    }

    #[test]
    fn active_content_is_what_a_browser_would_render_as_a_document() {
        for active in [
            None,
            Some(""),
            Some("text/html; charset=utf-8"),
            Some("TEXT/HTML"),
            Some("application/xhtml+xml"),
            Some("image/svg+xml"),
            Some("application/xml"),
            Some("text/xml"),
            Some("application/rss+xml"),
        ] {
            assert!(is_active_content(active), "{active:?}");
        }
        for inert in [
            Some("application/json"),
            Some("text/plain"),
            Some("image/png"),
            Some("text/css"),
        ] {
            assert!(!is_active_content(inert), "{inert:?}");
        }
    }
}
