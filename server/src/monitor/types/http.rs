//! `http` monitors: a request to a URL with its status, keyword and JSON assertions. Website
//! monitors (`super::website`) make the same request and add their watches.

use std::time::{Duration, Instant};

use base64::Engine;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{DEFAULT_TIMEOUT_SECS, Layers, MonitorConfig, MonitorKind, timeout};
use crate::crypto::{self, Binding, MasterKey};
use crate::error::{AppError, AppResult};
use crate::monitor::check::{CheckOutcome, Checker, millis};

/// Largest request body.
const MAX_SENT_BODY: usize = 64 * 1024;
const MAX_HEADERS: usize = 50;
/// Largest body read for keyword and JSON assertions.
const MAX_BODY: usize = 1024 * 1024;

/// A header sent with an HTTP check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// How an HTTP check authenticates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Auth {
    Basic { username: String, password: String },
    Bearer { token: String },
}

/// Whether a keyword must be in the body or must not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum KeywordMode {
    #[default]
    Present,
    Absent,
}

/// Settings of `http` and `website` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpConfig {
    pub method: String,
    #[serde(default)]
    pub headers: Vec<Header>,
    pub body: Option<String>,
    pub auth: Option<Auth>,
    /// Codes and ranges, like `200-299` or `301`.
    pub expected_status_codes: Vec<String>,
    pub keyword: Option<String>,
    #[serde(default)]
    pub keyword_mode: KeywordMode,
    /// A JSON path (`$.status`, `$.items[0].ok`) that must exist in the body.
    pub json_path: Option<String>,
    /// When set, the value at `json_path` must equal this (compared as text).
    pub json_expected: Option<String>,
    pub timeout_seconds: u32,
    pub follow_redirects: bool,
    /// Accept invalid or self-signed certificates (the certificate's expiry is still checked).
    #[serde(default)]
    pub ignore_tls_errors: bool,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            method: "GET".into(),
            headers: Vec::new(),
            body: None,
            auth: None,
            expected_status_codes: vec!["200-299".into()],
            keyword: None,
            keyword_mode: KeywordMode::Present,
            json_path: None,
            json_expected: None,
            timeout_seconds: DEFAULT_TIMEOUT_SECS,
            follow_redirects: true,
            ignore_tls_errors: false,
        }
    }
}

/// Headers whose values are secrets.
pub fn is_secret_header(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "auth",
        "token",
        "key",
        "secret",
        "cookie",
        "session",
        "password",
        "credential",
        "private",
        "signature",
    ]
    .iter()
    .any(|word| name.contains(word))
}

/// Parses `200`, `200-299`, `2xx`; returns inclusive bounds.
pub fn status_range(spec: &str) -> Option<(u16, u16)> {
    let spec = spec.trim();
    if let Some(prefix) = spec.strip_suffix("xx").or_else(|| spec.strip_suffix("XX")) {
        let digit: u16 = prefix.parse().ok()?;
        return (1..=5)
            .contains(&digit)
            .then_some((digit * 100, digit * 100 + 99));
    }
    let (low, high) = match spec.split_once('-') {
        Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
        None => {
            let code = spec.parse().ok()?;
            (code, code)
        }
    };
    ((100..=599).contains(&low) && (100..=599).contains(&high) && low <= high)
        .then_some((low, high))
}

impl HttpConfig {
    /// Checks every field; errors name `http.<field>`.
    pub fn validate(&self) -> AppResult<()> {
        const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
        if !METHODS.contains(&self.method.as_str()) {
            return Err(AppError::field(
                "http.method",
                format!("must be one of {}", METHODS.join(", ")),
            ));
        }
        self.validate_headers()?;
        if self.body.as_ref().is_some_and(|b| b.len() > MAX_SENT_BODY) {
            return Err(AppError::field(
                "http.body",
                format!("must be at most {MAX_SENT_BODY} bytes"),
            ));
        }
        self.validate_auth()?;
        self.validate_status_codes()?;
        self.validate_assertions()?;
        timeout("http.timeoutSeconds", self.timeout_seconds)
    }

    /// At most [`MAX_HEADERS`] headers, each with a token for a name and a value on one line.
    fn validate_headers(&self) -> AppResult<()> {
        if self.headers.len() > MAX_HEADERS {
            return Err(AppError::field(
                "http.headers",
                format!("at most {MAX_HEADERS} headers"),
            ));
        }
        for header in &self.headers {
            let name_ok = !header.name.is_empty()
                && header.name.len() <= 256
                && header
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_!#$%&'*+.^`|~".contains(&b));
            if !name_ok {
                return Err(AppError::field(
                    "http.headers",
                    format!("{:?} is not a valid header name", header.name),
                ));
            }
            if header.value.len() > 8192 || header.value.chars().any(|c| c == '\r' || c == '\n') {
                return Err(AppError::field(
                    "http.headers",
                    format!("the value of {} is not valid", header.name),
                ));
            }
        }
        Ok(())
    }

    fn validate_auth(&self) -> AppResult<()> {
        match &self.auth {
            Some(Auth::Basic { username, password })
                if username.is_empty()
                    || username.contains(':')
                    || username.len() > 256
                    || password.len() > 1024 =>
            {
                Err(AppError::field(
                    "http.auth",
                    "needs a username without ':' and a password",
                ))
            }
            Some(Auth::Bearer { token }) if token.is_empty() || token.len() > 8192 => {
                Err(AppError::field("http.auth", "needs a token"))
            }
            _ => Ok(()),
        }
    }

    fn validate_status_codes(&self) -> AppResult<()> {
        if self.expected_status_codes.is_empty() || self.expected_status_codes.len() > 20 {
            return Err(AppError::field(
                "http.expectedStatusCodes",
                "give between 1 and 20 codes or ranges",
            ));
        }
        for spec in &self.expected_status_codes {
            if status_range(spec).is_none() {
                return Err(AppError::field(
                    "http.expectedStatusCodes",
                    format!(
                        "{spec:?} is not a status code, a range like 200-299, or a class like 2xx"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The keyword and JSON assertions on the body.
    fn validate_assertions(&self) -> AppResult<()> {
        if let Some(keyword) = &self.keyword
            && (keyword.is_empty() || keyword.len() > 1024)
        {
            return Err(AppError::field(
                "http.keyword",
                "must be 1 to 1024 characters",
            ));
        }
        if let Some(path) = &self.json_path {
            json_pointer(path).ok_or_else(|| {
                AppError::field("http.jsonPath", "must look like $.field.items[0].name")
            })?;
        } else if self.json_expected.is_some() {
            return Err(AppError::field("http.jsonExpected", "needs a jsonPath"));
        }
        Ok(())
    }

    /// Whether `code` is one of the expected codes.
    pub fn expects(&self, code: u16) -> bool {
        self.expected_status_codes
            .iter()
            .filter_map(|s| status_range(s))
            .any(|(low, high)| (low..=high).contains(&code))
    }
}

/// Turns `$.a.b[0].c` (or a JSON pointer `/a/b/0/c`) into a JSON pointer.
pub fn json_pointer(path: &str) -> Option<String> {
    let path = path.trim();
    if path.starts_with('/') {
        return Some(path.to_owned());
    }
    let rest = path.strip_prefix('$')?;
    let mut out = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                let mut key = String::new();
                while let Some(&n) = chars.peek() {
                    if n == '.' || n == '[' {
                        break;
                    }
                    key.push(n);
                    chars.next();
                }
                if key.is_empty() {
                    return None;
                }
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            '[' => {
                let mut index = String::new();
                for n in chars.by_ref() {
                    if n == ']' {
                        break;
                    }
                    index.push(n);
                }
                let index = index.trim_matches(|c| c == '\'' || c == '"');
                if index.is_empty() {
                    return None;
                }
                out.push('/');
                out.push_str(&index.replace('~', "~0").replace('/', "~1"));
            }
            _ => return None,
        }
    }
    Some(out)
}

impl HttpConfig {
    /// Seals the credentials and secret headers that are not sealed yet, for the monitor `id`.
    pub(super) fn seal(&mut self, key: &MasterKey, id: Uuid) -> AppResult<()> {
        let seal = |value: &mut String, binding: Binding| -> AppResult<()> {
            if !crypto::is_sealed(value) {
                *value = key.seal(value, &binding)?;
            }
            Ok(())
        };
        match &mut self.auth {
            Some(Auth::Basic { password, .. }) => {
                seal(password, Binding::monitor_auth(id, "password"))?
            }
            Some(Auth::Bearer { token }) => seal(token, Binding::monitor_auth(id, "token"))?,
            None => {}
        }
        for header in &mut self.headers {
            if is_secret_header(&header.name) {
                seal(&mut header.value, Binding::monitor_header(id, &header.name))?;
            }
        }
        Ok(())
    }

    /// Opens the sealed values of the monitor `id`.
    pub(super) fn open(&mut self, key: &MasterKey, id: Uuid) -> AppResult<()> {
        let open = |value: &mut String, binding: Binding| -> AppResult<()> {
            if crypto::is_sealed(value) {
                *value = key.open(value, &binding)?;
            }
            Ok(())
        };
        match &mut self.auth {
            Some(Auth::Basic { password, .. }) => {
                open(password, Binding::monitor_auth(id, "password"))?
            }
            Some(Auth::Bearer { token }) => open(token, Binding::monitor_auth(id, "token"))?,
            None => {}
        }
        for header in &mut self.headers {
            open(&mut header.value, Binding::monitor_header(id, &header.name))?;
        }
        Ok(())
    }

    /// Replaces the secrets by `********`, as clients see them.
    pub(super) fn mask(&mut self) {
        match &mut self.auth {
            Some(Auth::Basic { password, .. }) => *password = "********".into(),
            Some(Auth::Bearer { token }) => *token = "********".into(),
            None => {}
        }
        for header in &mut self.headers {
            if is_secret_header(&header.name) || crypto::is_sealed(&header.value) {
                header.value = "********".into();
            }
        }
    }

    /// Whether it carries credentials (auth, or a header named like a secret).
    fn has_secrets(&self) -> bool {
        self.auth.is_some() || self.headers.iter().any(|h| is_secret_header(&h.name))
    }

    /// Puts back the stored secrets a client sent back masked; refused when the target moved
    /// to another origin (`outbound::same_origin`).
    fn keep_masked_secrets(&mut self, old: &HttpConfig, same_origin: bool) -> AppResult<()> {
        const MASK: &str = "********";
        let keep = |field: &str| {
            if same_origin {
                Ok(())
            } else {
                Err(crate::outbound::secret_needs_reentry(field))
            }
        };
        match (&mut self.auth, &old.auth) {
            (Some(Auth::Basic { password, .. }), Some(Auth::Basic { password: old, .. }))
                if password == MASK =>
            {
                keep("http.auth.password")?;
                *password = old.clone();
            }
            (Some(Auth::Bearer { token }), Some(Auth::Bearer { token: old })) if token == MASK => {
                keep("http.auth.token")?;
                *token = old.clone()
            }
            _ => {}
        }
        for header in &mut self.headers {
            if header.value == MASK
                && let Some(previous) = old
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case(&header.name))
            {
                keep("http.headers")?;
                header.value = previous.value.clone();
            }
        }
        Ok(())
    }
}

/// Reseals the `v1:` (unbound) values of a stored `http` section for the monitor `id`; says
/// whether there were any.
pub(super) fn reseal_unbound(
    key: &MasterKey,
    id: Uuid,
    http: &mut serde_json::Map<String, Value>,
) -> AppResult<bool> {
    let mut changed = false;
    if let Some(auth) = http.get_mut("auth").and_then(Value::as_object_mut) {
        for field in ["password", "token"] {
            if let Some(Value::String(value)) = auth.get_mut(field)
                && crypto::is_unbound(value)
            {
                *value = key.reseal_unbound(value, &Binding::monitor_auth(id, field))?;
                changed = true;
            }
        }
    }
    if let Some(headers) = http.get_mut("headers").and_then(Value::as_array_mut) {
        for header in headers.iter_mut().filter_map(Value::as_object_mut) {
            let name = header
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if let Some(Value::String(value)) = header.get_mut("value")
                && crypto::is_unbound(value)
            {
                *value = key.reseal_unbound(value, &Binding::monitor_header(id, &name))?;
                changed = true;
            }
        }
    }
    Ok(changed)
}

/// The `http` monitor type.
pub struct Http;

impl MonitorKind for Http {
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        settle_request(layers, out)
    }

    async fn check(checker: &Checker, target: &str, config: &MonitorConfig) -> CheckOutcome {
        let Some(http) = &config.http else {
            return CheckOutcome::error("the monitor has no HTTP settings");
        };
        match request_in_time(checker, target, http).await {
            Ok(answered) => answered.outcome,
            Err(outcome) => outcome,
        }
    }
}

/// The URL, the request and its assertions, of HTTP and website monitors, into `out.http`.
/// Returns the target.
pub(super) fn settle_request<C>(
    layers: &Layers<'_, C>,
    out: &mut MonitorConfig,
) -> AppResult<String> {
    let target = layers.target("an HTTP monitor needs a URL")?;
    let url = layers
        .state
        .settings
        .outbound()
        .check_url("target", &target)?;
    let mut http = layers.section(|c| &c.http).unwrap_or_default();
    http.method = http.method.to_uppercase();
    // Secrets sent back masked, or left out of the input, keep their stored values, for the
    // same origin only.
    if let Some(old) = &layers.stored.http {
        let same_origin = layers
            .stored_target
            .is_some_and(|old| crate::outbound::same_origin(old, &target));
        if layers.input.http.is_some() {
            http.keep_masked_secrets(old, same_origin)?;
        } else if !same_origin && old.has_secrets() {
            return Err(crate::outbound::secret_needs_reentry("http"));
        }
    }
    http.validate()?;
    out.http = Some(http);
    Ok(url.to_string())
}

/// A request that was answered (or failed on the way) within the timeout.
pub(super) struct Answered {
    pub outcome: CheckOutcome,
    /// The URL requested.
    pub url: reqwest::Url,
    /// What remains of the timeout (at least 2 seconds), for a website's certificate check.
    pub time_left: Duration,
}

/// Requests `url` as configured and checks status, keyword and JSON assertions. `Err` when
/// there is nothing more to look at: the URL was refused, or the timeout passed.
pub(super) async fn request_in_time(
    checker: &Checker,
    url: &str,
    config: &HttpConfig,
) -> Result<Answered, CheckOutcome> {
    let parsed = checker
        .policy
        .check_url("target", url)
        .map_err(|err| CheckOutcome::error(err.public_message()))?;
    let timeout = Duration::from_secs(u64::from(config.timeout_seconds));
    let started = Instant::now();
    let outcome = tokio::time::timeout(timeout, request(checker, &parsed, config))
        .await
        .map_err(|_| CheckOutcome::timeout(timeout))?;
    Ok(Answered {
        outcome,
        url: parsed,
        time_left: timeout
            .saturating_sub(started.elapsed())
            .max(Duration::from_secs(2)),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_ranges() {
        assert_eq!(status_range("200"), Some((200, 200)));
        assert_eq!(status_range("200-299"), Some((200, 299)));
        assert_eq!(status_range("3xx"), Some((300, 399)));
        assert_eq!(status_range("299-200"), None);
        assert_eq!(status_range("700"), None);
        assert_eq!(status_range("abc"), None);
    }

    #[test]
    fn json_paths() {
        assert_eq!(json_pointer("$.status").as_deref(), Some("/status"));
        assert_eq!(
            json_pointer("$.items[0].name").as_deref(),
            Some("/items/0/name")
        );
        assert_eq!(json_pointer("$['a/b']").as_deref(), Some("/a~1b"));
        assert_eq!(json_pointer("/x/0").as_deref(), Some("/x/0"));
        assert_eq!(json_pointer("status"), None);
        assert_eq!(json_pointer("$..x"), None);
    }

    #[test]
    fn secrets_are_sealed_and_masked() -> AppResult<()> {
        use base64::Engine;
        let key =
            MasterKey::from_base64(&base64::engine::general_purpose::STANDARD.encode([3u8; 32]))?;
        let mut config = MonitorConfig {
            http: Some(HttpConfig {
                auth: Some(Auth::Bearer {
                    token: "tok-123".into(),
                }),
                headers: vec![
                    Header {
                        name: "X-Api-Key".into(),
                        value: "k-456".into(),
                    },
                    Header {
                        name: "Accept".into(),
                        value: "text/html".into(),
                    },
                ],
                ..HttpConfig::default()
            }),
            ..MonitorConfig::default()
        };
        let id = Uuid::now_v7();
        config.seal(&key, id)?;
        let stored = serde_json::to_string(&config).unwrap_or_default();
        assert!(
            !stored.contains("tok-123")
                && !stored.contains("k-456")
                && stored.contains("text/html")
        );
        let masked = config.masked().to_string();
        assert!(!masked.contains("tok-123") && !masked.contains("v2:"));
        let opened = config.open(&key, id)?;
        assert_eq!(
            opened.http.as_ref().and_then(|h| h.auth.clone()),
            Some(Auth::Bearer {
                token: "tok-123".into()
            })
        );
        // Another monitor's sealed values do not open as its own.
        assert!(config.open(&key, Uuid::now_v7()).is_err());
        Ok(())
    }
}
