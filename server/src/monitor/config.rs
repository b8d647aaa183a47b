//! Per-type monitor settings: what the API accepts, how it is checked, and how it is stored
//! (secrets sealed with the master key, shown masked).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::crypto::{self, Binding, MasterKey};
use crate::error::{AppError, AppResult};

/// Longest check timeout.
pub const MAX_TIMEOUT_SECS: u32 = 60;
/// Default check timeout.
pub const DEFAULT_TIMEOUT_SECS: u32 = 30;
const MAX_BODY: usize = 64 * 1024;
const MAX_HEADERS: usize = 50;

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

/// Certificate settings of `website` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsConfig {
    /// Alert when the certificate expires within this many days.
    pub expiry_days: u32,
}

impl Default for TlsConfig {
    fn default() -> Self {
        Self { expiry_days: 14 }
    }
}

/// Settings of `port` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PortConfig {
    pub port: u16,
    /// Complete a TLS handshake after connecting.
    #[serde(default)]
    pub tls: bool,
    pub timeout_seconds: u32,
}

/// Settings of `ping` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PingConfig {
    pub timeout_seconds: u32,
}

impl Default for PingConfig {
    fn default() -> Self {
        Self {
            timeout_seconds: 10,
        }
    }
}

/// Settings of `heartbeat` monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatConfig {
    /// How late a ping may be before the monitor is down.
    pub grace_period_minutes: u32,
}

impl Default for HeartbeatConfig {
    fn default() -> Self {
        Self {
            grace_period_minutes: 5,
        }
    }
}

/// Settings of `synthetic_test` monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyntheticConfig {
    pub test_id: uuid::Uuid,
}

/// The DNS record types a `dns` monitor can ask for.
pub const DNS_RECORD_TYPES: &[&str] = &["A", "AAAA", "CNAME", "MX", "NS", "TXT", "SOA", "CAA"];

/// Settings of `dns` monitors: the target is the name to resolve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsConfig {
    /// One of [`DNS_RECORD_TYPES`].
    pub record_type: String,
    /// Values that must all be among the answers (compared without case and trailing dots);
    /// empty: any answer will do.
    #[serde(default)]
    pub expected: Vec<String>,
    /// The name server to ask (`ip` or `ip:port`); default: the system's resolvers.
    pub resolver: Option<String>,
    pub timeout_seconds: u32,
}

impl Default for DnsConfig {
    fn default() -> Self {
        Self {
            record_type: "A".into(),
            expected: Vec::new(),
            resolver: None,
            timeout_seconds: 10,
        }
    }
}

/// Domain registration watch of `website` monitors (through RDAP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainConfig {
    /// Warn when the domain's registration expires within this many days.
    pub expiry_days: u32,
    /// The domain to watch; default: the registered domain of the target's host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Everything stored in `monitors.config`; only the sections of the monitor's type are set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MonitorConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http: Option<HttpConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<TlsConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<PortConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ping: Option<PingConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heartbeat: Option<HeartbeatConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub synthetic: Option<SyntheticConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns: Option<DnsConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainConfig>,
    /// While checks fail, the next one comes after this many seconds instead of at the next
    /// slot of the monitor's frequency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub down_interval_seconds: Option<u32>,
    /// Monitors this one depends on: while one of them is down, this one's alerts are held
    /// back and its results say why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<uuid::Uuid>,
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

fn timeout(field: &str, secs: u32) -> AppResult<()> {
    if !(1..=MAX_TIMEOUT_SECS).contains(&secs) {
        return Err(AppError::field(
            field,
            format!("must be between 1 and {MAX_TIMEOUT_SECS} seconds"),
        ));
    }
    Ok(())
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
        if self.body.as_ref().is_some_and(|b| b.len() > MAX_BODY) {
            return Err(AppError::field(
                "http.body",
                format!("must be at most {MAX_BODY} bytes"),
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

impl DnsConfig {
    /// Checks every field; errors name `dns.<field>`. Upper-cases the record type.
    pub fn validate(&mut self) -> AppResult<()> {
        self.record_type = self.record_type.trim().to_uppercase();
        if !DNS_RECORD_TYPES.contains(&self.record_type.as_str()) {
            return Err(AppError::field(
                "dns.recordType",
                format!("must be one of {}", DNS_RECORD_TYPES.join(", ")),
            ));
        }
        if self.expected.len() > 20 {
            return Err(AppError::field("dns.expected", "at most 20 values"));
        }
        self.expected = self
            .expected
            .iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if self.expected.iter().any(|v| v.len() > 1024) {
            return Err(AppError::field(
                "dns.expected",
                "each value is at most 1024 characters",
            ));
        }
        if let Some(resolver) = &self.resolver {
            let resolver = resolver.trim();
            if resolver.is_empty() {
                self.resolver = None;
            } else if dns_server(resolver).is_none() {
                return Err(AppError::field(
                    "dns.resolver",
                    "must be an IP address, optionally with a port (1.1.1.1, [2606:4700::1111]:53)",
                ));
            } else {
                self.resolver = Some(resolver.to_owned());
            }
        }
        timeout("dns.timeoutSeconds", self.timeout_seconds)
    }
}

/// A name server address: `ip`, `ip:port` or `[ipv6]:port` (port 53 when not given).
pub fn dns_server(text: &str) -> Option<std::net::SocketAddr> {
    let text = text.trim();
    if let Ok(addr) = text.parse::<std::net::SocketAddr>() {
        return (addr.port() != 0).then_some(addr);
    }
    text.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
        .ok()
        .map(|ip| std::net::SocketAddr::new(ip, 53))
}

impl PortConfig {
    pub fn validate(&self) -> AppResult<()> {
        if self.port == 0 {
            return Err(AppError::field("port.port", "must be between 1 and 65535"));
        }
        timeout("port.timeoutSeconds", self.timeout_seconds)
    }
}

impl MonitorConfig {
    /// Seals secret values (auth and secret headers) that are not sealed yet, for the monitor
    /// `id`. Sealed values are those kept from the stored config of the same monitor.
    pub fn seal(&mut self, key: &MasterKey, id: Uuid) -> AppResult<()> {
        let Some(http) = &mut self.http else {
            return Ok(());
        };
        let seal = |value: &mut String, binding: Binding| -> AppResult<()> {
            if !crypto::is_sealed(value) {
                *value = key.seal(value, &binding)?;
            }
            Ok(())
        };
        match &mut http.auth {
            Some(Auth::Basic { password, .. }) => {
                seal(password, Binding::monitor_auth(id, "password"))?
            }
            Some(Auth::Bearer { token }) => seal(token, Binding::monitor_auth(id, "token"))?,
            None => {}
        }
        for header in &mut http.headers {
            if is_secret_header(&header.name) {
                seal(&mut header.value, Binding::monitor_header(id, &header.name))?;
            }
        }
        Ok(())
    }

    /// Opens the sealed values of the monitor `id`, for the check.
    pub fn open(&self, key: &MasterKey, id: Uuid) -> AppResult<MonitorConfig> {
        let mut out = self.clone();
        let Some(http) = &mut out.http else {
            return Ok(out);
        };
        let open = |value: &mut String, binding: Binding| -> AppResult<()> {
            if crypto::is_sealed(value) {
                *value = key.open(value, &binding)?;
            }
            Ok(())
        };
        match &mut http.auth {
            Some(Auth::Basic { password, .. }) => {
                open(password, Binding::monitor_auth(id, "password"))?
            }
            Some(Auth::Bearer { token }) => open(token, Binding::monitor_auth(id, "token"))?,
            None => {}
        }
        for header in &mut http.headers {
            open(&mut header.value, Binding::monitor_header(id, &header.name))?;
        }
        Ok(out)
    }

    /// A stored config (JSON, so that nothing else in it changes) with its `v1:` (unbound)
    /// values resealed for the monitor `id`; `None` when it holds none. For the reseal pass
    /// (`crate::reseal`).
    pub(crate) fn reseal_unbound_json(
        key: &MasterKey,
        id: Uuid,
        stored: &serde_json::Value,
    ) -> AppResult<Option<serde_json::Value>> {
        use serde_json::Value;
        let mut config = stored.clone();
        let mut changed = false;
        let Some(http) = config.get_mut("http").and_then(Value::as_object_mut) else {
            return Ok(None);
        };
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
        Ok(changed.then_some(config))
    }

    /// The config as clients see it: secrets replaced by `********`.
    pub fn masked(&self) -> serde_json::Value {
        let mut out = self.clone();
        if let Some(http) = &mut out.http {
            match &mut http.auth {
                Some(Auth::Basic { password, .. }) => *password = "********".into(),
                Some(Auth::Bearer { token }) => *token = "********".into(),
                None => {}
            }
            for header in &mut http.headers {
                if is_secret_header(&header.name) || crypto::is_sealed(&header.value) {
                    header.value = "********".into();
                }
            }
        }
        serde_json::to_value(out).unwrap_or_default()
    }

    pub fn from_json(value: Option<&serde_json::Value>) -> MonitorConfig {
        value
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }
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
