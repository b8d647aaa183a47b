//! `http` and `website` checks.

use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

use super::{CheckOutcome, Checker, millis};
use crate::monitor::config::{Auth, HttpConfig, KeywordMode, TlsConfig, json_pointer};

/// Largest body read for keyword and JSON assertions.
const MAX_BODY: usize = 1024 * 1024;

/// Requests `url` as configured and checks status, keyword and JSON assertions; for
/// `website` checks over HTTPS also the certificate's expiry.
pub async fn check(
    checker: &Checker,
    url: &str,
    config: &HttpConfig,
    tls: Option<TlsConfig>,
) -> CheckOutcome {
    let parsed = match checker.policy.check_url("target", url) {
        Ok(parsed) => parsed,
        Err(err) => return CheckOutcome::error(err.public_message()),
    };
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds));
    let started = Instant::now();
    match tokio::time::timeout(timeout, request(checker, &parsed, config)).await {
        Err(_) => CheckOutcome::timeout(timeout),
        Ok(outcome) => {
            let mut outcome = outcome;
            if let Some(tls) = tls
                && parsed.scheme() == "https"
            {
                let remaining = timeout
                    .saturating_sub(started.elapsed())
                    .max(Duration::from_secs(2));
                certificate(checker, &parsed, &tls, remaining, &mut outcome).await;
            }
            outcome
        }
    }
}

async fn request(checker: &Checker, url: &reqwest::Url, config: &HttpConfig) -> CheckOutcome {
    let started = Instant::now();
    let response = match build(checker, url, config).send().await {
        Ok(response) => response,
        Err(err) => {
            let elapsed = millis(started.elapsed());
            let (class, message) = classify(&err);
            return CheckOutcome::down(class, message, elapsed, json!({}));
        }
    };
    let status = response.status().as_u16();
    let final_url = response.url().to_string();
    // The response time includes the body.
    let (body, truncated) = match read_body(response).await {
        Ok(read) => read,
        Err(err) => {
            let (class, message) = classify(&err);
            return CheckOutcome::down(
                class,
                message,
                millis(started.elapsed()),
                json!({ "statusCode": status }),
            );
        }
    };
    let elapsed = millis(started.elapsed());
    let mut details = json!({ "statusCode": status, "bodyBytes": body.len() });
    if final_url != url.as_str() {
        details["finalUrl"] = final_url.into();
    }
    if truncated {
        details["bodyTruncated"] = true.into();
    }
    match assert_response(config, status, &body, &mut details) {
        Ok(()) => CheckOutcome::up(elapsed, details),
        Err((class, message)) => CheckOutcome::down(class, message, elapsed, details),
    }
}

/// The request as configured: method, headers, credentials, body.
fn build(checker: &Checker, url: &reqwest::Url, config: &HttpConfig) -> reqwest::RequestBuilder {
    let method =
        reqwest::Method::from_bytes(config.method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let client = checker.client(config.follow_redirects, config.ignore_tls_errors);
    let mut request = client.request(method, url.clone());
    for header in &config.headers {
        request = request.header(&header.name, &header.value);
    }
    match &config.auth {
        Some(Auth::Basic { username, password }) => {
            let encoded =
                base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
            request = request.header(reqwest::header::AUTHORIZATION, format!("Basic {encoded}"));
        }
        Some(Auth::Bearer { token }) => request = request.bearer_auth(token),
        None => {}
    }
    if let Some(body) = &config.body {
        request = request.body(body.clone());
    }
    request
}

/// Reads at most [`MAX_BODY`] bytes of the body; says whether there was more.
async fn read_body(mut response: reqwest::Response) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = MAX_BODY.saturating_sub(body.len());
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if chunk.len() > room {
            return Ok((body, true));
        }
    }
    Ok((body, false))
}

/// The status, keyword and JSON assertions, in that order; the first that fails gives the
/// error class and message. What they saw goes into `details`.
fn assert_response(
    config: &HttpConfig,
    status: u16,
    body: &[u8],
    details: &mut Value,
) -> Result<(), (&'static str, String)> {
    if !config.expects(status) {
        return Err((
            "status",
            format!(
                "status {status} is not one of {}",
                config.expected_status_codes.join(", ")
            ),
        ));
    }
    if let Some(keyword) = &config.keyword {
        let found = String::from_utf8_lossy(body).contains(keyword.as_str());
        details["keywordFound"] = found.into();
        match config.keyword_mode {
            KeywordMode::Present if !found => {
                return Err(("keyword", format!("the body does not contain {keyword:?}")));
            }
            KeywordMode::Absent if found => {
                return Err(("keyword", format!("the body contains {keyword:?}")));
            }
            _ => {}
        }
    }
    if let Some(path) = &config.json_path {
        assert_json(config, path, body, details)?;
    }
    Ok(())
}

/// The JSON assertion: the value at `path`, equal to the expected one if one is set.
fn assert_json(
    config: &HttpConfig,
    path: &str,
    body: &[u8],
    details: &mut Value,
) -> Result<(), (&'static str, String)> {
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return Err(("json", "the body is not JSON".into()));
    };
    let pointer = json_pointer(path).unwrap_or_default();
    let Some(value) = json.pointer(&pointer) else {
        return Err(("json", format!("{path} is not in the body")));
    };
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    details["jsonValue"] = Value::String(text.chars().take(200).collect());
    if let Some(expected) = &config.json_expected
        && &text != expected
    {
        return Err(("json", format!("{path} is {text:?}, expected {expected:?}")));
    }
    Ok(())
}

/// Names the kind of failure without leaking anything of the request.
fn classify(err: &reqwest::Error) -> (&'static str, String) {
    let chain = {
        let mut text = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            text.push_str(": ");
            text.push_str(&s.to_string());
            source = s.source();
        }
        text
    };
    let lower = chain.to_lowercase();
    let class = if err.is_timeout() {
        "timeout"
    } else if lower.contains("dns")
        || lower.contains("resolve")
        || lower.contains("lookup")
        || lower.contains("private or reserved")
    {
        "dns"
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        "tls"
    } else if err.is_redirect() {
        "redirect"
    } else if err.is_connect() || lower.contains("connection refused") {
        "connect"
    } else {
        "request"
    };
    // reqwest puts the URL in its messages; drop it, the monitor's URL may carry secrets.
    let message = match err.url() {
        Some(url) => chain.replace(url.as_str(), "<target>"),
        None => chain,
    };
    (class, message)
}

async fn certificate(
    checker: &Checker,
    url: &reqwest::Url,
    tls: &TlsConfig,
    timeout: Duration,
    outcome: &mut CheckOutcome,
) {
    let host = url.host_str().unwrap_or_default().to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    match tokio::time::timeout(
        timeout,
        super::tls::peer_certificate_expiry(checker, &host, port),
    )
    .await
    {
        Ok(Ok(not_after)) => {
            let days = (not_after - chrono::Utc::now()).num_days();
            outcome.certificate_days_left = Some(days);
            if let Value::Object(map) = &mut outcome.details {
                map.insert("certificateExpiresAt".into(), not_after.to_rfc3339().into());
                map.insert("certificateDaysLeft".into(), days.into());
                map.insert(
                    "certificateExpiring".into(),
                    (days < i64::from(tls.expiry_days)).into(),
                );
            }
            if not_after <= chrono::Utc::now() && outcome.is_up() {
                let details = outcome.details.clone();
                let ms = outcome.response_time_ms;
                *outcome = CheckOutcome::down("tls", "the certificate has expired", ms, details);
                outcome.certificate_days_left = Some(days);
            }
        }
        Ok(Err(err)) => {
            if let Value::Object(map) = &mut outcome.details {
                map.insert("certificateError".into(), err.to_string().into());
            }
        }
        Err(_) => {
            if let Value::Object(map) = &mut outcome.details {
                map.insert(
                    "certificateError".into(),
                    "the TLS handshake timed out".into(),
                );
            }
        }
    }
}
