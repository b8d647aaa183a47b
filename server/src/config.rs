//! Settings: defaults, then a TOML file, then environment variables, then command-line flags.
//! Everything is validated before anything starts, with a message that names the bad setting.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// How the instance is operated. Cloud mode refuses outbound requests to private addresses and
/// never runs user scripts without a sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    SelfHosted,
    Cloud,
}

/// SMTP transport security.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same host or in tests.
    None,
}

/// Outgoing mail. Without a host, mails (verification links, invitations) go to the log, which
/// only a self-hosted instance allows (that is how its lone administrator gets them).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: Option<String>,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    pub tls: SmtpTls,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        Self {
            host: None,
            port: 587,
            username: None,
            password: None,
            from: "Vigil <vigil@localhost>".into(),
            tls: SmtpTls::Starttls,
        }
    }
}

/// Where Vigil reaches the internet services it integrates with. Only tests and private
/// gateways change these.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integrations {
    pub twilio_api_base: String,
    pub telegram_api_base: String,
    pub sendgrid_api_base: String,
    /// IANA's RDAP bootstrap file for domains: where website monitors look up when a domain's
    /// registration expires.
    pub rdap_bootstrap_url: String,
    /// The name server (`ip` or `ip:port`) Vigil asks in its own DNS lookups (the TXT record
    /// that verifies a status page's custom domain). Default: the system's resolvers.
    pub dns_resolver: Option<String>,
}

impl Default for Integrations {
    fn default() -> Self {
        Self {
            twilio_api_base: "https://api.twilio.com".into(),
            telegram_api_base: "https://api.telegram.org".into(),
            sendgrid_api_base: "https://api.sendgrid.com".into(),
            rdap_bootstrap_url: "https://data.iana.org/rdap/dns.json".into(),
            dns_resolver: None,
        }
    }
}

/// How user scripts (Playwright and k6 tests) are run.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunnerSettings {
    /// Where `vigil runners install` puts `@playwright/test` and k6. Default `{data_dir}/tools`.
    pub tools_dir: Option<PathBuf>,
    /// Where runs get their work directories. Default `{data_dir}/work`.
    pub work_dir: Option<PathBuf>,
    /// The browser Playwright drives.
    pub chromium: PathBuf,
    /// Node.js, which runs Playwright.
    pub node: PathBuf,
    /// The bubblewrap binary that sandboxes every run.
    pub bwrap: PathBuf,
    /// Run scripts without a sandbox when bubblewrap is missing (self-hosted mode only).
    pub allow_unsandboxed: bool,
    /// Runs one process executes at the same time.
    pub max_concurrent: usize,
    /// Memory a run may use, in MiB (a cgroup limit where cgroups are writable, and an
    /// data-segment limit on k6).
    pub memory_mb: u64,
    /// CPU cores a run may use (a cgroup quota where cgroups are writable).
    pub cpus: f64,
    /// CPU seconds each process of a run may use (`RLIMIT_CPU`). Default: twice the job's
    /// time limit plus 30 s.
    pub cpu_seconds: Option<u64>,
    /// Largest file each process of a run may write, in MiB (`RLIMIT_FSIZE`).
    pub file_size_mb: u64,
    /// Files each process of a run may hold open (`RLIMIT_NOFILE`).
    pub open_files: u64,
}

impl Default for RunnerSettings {
    fn default() -> Self {
        Self {
            tools_dir: None,
            work_dir: None,
            chromium: PathBuf::from("/usr/bin/chromium"),
            node: PathBuf::from("/usr/bin/node"),
            bwrap: PathBuf::from("/usr/bin/bwrap"),
            allow_unsandboxed: false,
            max_concurrent: 2,
            memory_mb: 2048,
            cpus: 1.0,
            cpu_seconds: None,
            file_size_mb: 1024,
            open_files: 4096,
        }
    }
}

/// Where run artifacts (reports, traces, screenshots, videos, logs) are kept: the local disk by
/// default, an S3-compatible bucket when `s3_bucket` is set.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageSettings {
    /// Directory of local artifacts. Default `{data_dir}/artifacts`.
    pub local_dir: Option<PathBuf>,
    pub s3_bucket: Option<String>,
    /// Endpoint of an S3-compatible service (MinIO, R2, ...); AWS when absent.
    pub s3_endpoint: Option<String>,
    pub s3_region: Option<String>,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<String>,
}

/// Billing through Stripe and Polar (cloud mode only: a self-hosted instance bills nothing,
/// answers 404 on the webhook paths and builds no client). Each provider is on when its keys
/// are set; docs/billing.md tells how to set them up.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillingSettings {
    /// Stripe's secret API key (`sk_live_…`), for checkout and portal sessions.
    pub stripe_secret_key: Option<String>,
    /// The signing secret of the `/webhooks/stripe` endpoint (`whsec_…`, from Stripe's
    /// dashboard). Without it the path answers 404.
    pub stripe_webhook_secret: Option<String>,
    /// Where Stripe's API is; tests point it at a local stand-in.
    pub stripe_api_base: String,
    /// Polar's organization access token (`polar_oat_…`), for checkouts and portal sessions.
    pub polar_access_token: Option<String>,
    /// The Standard Webhooks secret of the `/webhooks/polar` endpoint (`whsec_<base64>`, or
    /// the raw secret Polar shows). Without it the path answers 404.
    pub polar_webhook_secret: Option<String>,
    /// Where Polar's API is (`https://sandbox-api.polar.sh` for its sandbox); tests point it at a
    /// local stand-in.
    pub polar_api_base: String,
    /// Days an organization whose payment failed keeps its paid plan before it falls back to
    /// `free` (the provider may still recover the payment; it is restored when it does).
    pub past_due_grace_days: i64,
}

impl Default for BillingSettings {
    fn default() -> Self {
        Self {
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            stripe_api_base: "https://api.stripe.com".into(),
            polar_access_token: None,
            polar_webhook_secret: None,
            polar_api_base: "https://api.polar.sh".into(),
            past_due_grace_days: 7,
        }
    }
}

/// One OpenID Connect provider people may sign in with (docs/sso.md). Discovery reads
/// `{issuer}/.well-known/openid-configuration`; the redirect URL to register at the provider is
/// `{base_url}/auth/oidc/{id}/callback`.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcProviderSettings {
    /// Stable name in URLs and in linked accounts (`a-z`, `0-9`, `-`, `_`): changing it
    /// unlinks every account linked through it.
    pub id: String,
    /// What the sign-in button says: "Sign in with {name}".
    pub name: String,
    /// The issuer URL, exactly as the provider's ID tokens name it.
    pub issuer: String,
    pub client_id: String,
    /// Never logged, never answered by the API.
    pub client_secret: String,
    /// Scopes asked for besides `openid`.
    #[serde(default = "default_oidc_scopes")]
    pub scopes: Vec<String>,
    /// Whether a sign-in with an address that has no account creates one.
    #[serde(default = "default_true")]
    pub sign_up: bool,
}

fn default_oidc_scopes() -> Vec<String> {
    vec!["email".into(), "profile".into()]
}

fn default_true() -> bool {
    true
}

impl std::fmt::Debug for OidcProviderSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcProviderSettings")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("scopes", &self.scopes)
            .field("sign_up", &self.sign_up)
            .finish()
    }
}

/// Single sign-on (docs/sso.md).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SsoSettings {
    /// The OpenID Connect providers shown on the sign-in page, in this order.
    #[serde(default)]
    pub providers: Vec<OidcProviderSettings>,
}

impl SsoSettings {
    /// The provider named `id`.
    pub fn provider(&self, id: &str) -> Option<&OidcProviderSettings> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// Ids unique and well formed, URLs parseable, secrets present. Values of secrets are never
    /// repeated in messages.
    fn validate(&self) -> anyhow::Result<()> {
        let mut seen = std::collections::HashSet::new();
        for (i, p) in self.providers.iter().enumerate() {
            let at = format!("sso.providers[{i}]");
            let id_ok = (1..=64).contains(&p.id.len())
                && p.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !id_ok || p.id == crate::account::CREDENTIAL_PROVIDER {
                bail!(
                    "invalid setting {at}.id: use 1-64 of a-z, 0-9, '-' and '_' (not \"credential\")"
                );
            }
            if !seen.insert(p.id.as_str()) {
                bail!("invalid setting {at}.id: {:?} is named twice", p.id);
            }
            let name = p.name.trim();
            if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
                bail!("invalid setting {at}.name: 1-100 characters");
            }
            let issuer = reqwest::Url::parse(&p.issuer).ok();
            let issuer_ok = issuer.is_some_and(|u| {
                u.scheme() == "https"
                    || (u.scheme() == "http"
                        && matches!(u.host_str(), Some("localhost" | "127.0.0.1" | "[::1]")))
            });
            if !issuer_ok {
                bail!("invalid setting {at}.issuer: an https:// URL (http:// only on loopback)");
            }
            for (value, field) in [
                (&p.client_id, "client_id"),
                (&p.client_secret, "client_secret"),
            ] {
                if value.trim().is_empty() || value.chars().any(char::is_control) {
                    bail!(
                        "invalid setting {at}.{field}: must not be empty or hold control characters"
                    );
                }
            }
            let scope_ok = |s: &String| {
                !s.is_empty()
                    && s.len() <= 100
                    && s.chars()
                        .all(|c| c.is_ascii_graphic() && c != '"' && c != '\\')
            };
            if p.scopes.len() > 20 || !p.scopes.iter().all(scope_ok) {
                bail!("invalid setting {at}.scopes: at most 20 scopes of printable ASCII");
            }
        }
        Ok(())
    }
}

/// How log lines are written (docs/operations.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object a line, with `timestamp`, `level`, `fields.message` and the span.
    Json,
}

/// The Prometheus endpoint `/metrics` (docs/operations.md).
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// Record metrics and serve them at `/metrics`.
    pub enabled: bool,
    /// When set, `/metrics` asks for `Authorization: Bearer <token>`. Without it the endpoint
    /// is public on a self-hosted instance and not served in cloud mode.
    pub token: Option<String>,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            token: None,
        }
    }
}

impl std::fmt::Debug for MetricsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MetricsSettings")
            .field("enabled", &self.enabled)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// OpenTelemetry trace export over OTLP/HTTP (docs/operations.md). Off while `endpoint` is
/// unset.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtlpSettings {
    /// The collector's traces URL, e.g. `http://otel-collector:4318/v1/traces`.
    pub endpoint: Option<String>,
    /// The `service.name` resource attribute of exported spans.
    pub service_name: String,
}

impl Default for OtlpSettings {
    fn default() -> Self {
        Self {
            endpoint: None,
            service_name: "vigil".into(),
        }
    }
}

/// What a process does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The API, the web app and the workers.
    All,
    /// The API and the web app only.
    Api,
    /// The workers only (plus health endpoints).
    Worker,
}

/// All settings of a Vigil process.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `sqlite://path?mode=rwc` or `postgres://user:pass@host/db`. Defaults to a SQLite file in
    /// the data directory.
    pub database_url: Option<String>,
    /// Address the HTTP server listens on.
    pub bind: String,
    /// Public URL of this instance, used in links sent by mail and in trigger URLs.
    /// Defaults to `http://` and the listen address.
    pub base_url: Option<String>,
    /// Public URL of a separate origin for trigger traffic (`/t/{token}` and custom paths),
    /// e.g. `https://hooks.example.com`. When set, trigger URLs use it, the app's origin
    /// redirects trigger requests there and that origin serves nothing else. Default: none,
    /// triggers are served on `base_url` with their answers neutralised (SECURITY.md).
    pub trigger_base_url: Option<String>,
    /// Where the SQLite database, the generated master key and local artifacts live.
    pub data_dir: PathBuf,
    /// Base64 of 32 bytes. Generated into the data directory when absent.
    pub master_key: Option<String>,
    pub mode: Mode,
    /// What this process runs.
    pub role: Role,
    /// The location this process checks monitors for.
    pub location: String,
    /// Refuse outbound requests to private and loopback addresses. Defaults to on in cloud
    /// mode and off in self-hosted mode.
    pub outbound_block_private: Option<bool>,
    /// Whether the GraphQL schema may be introspected (GraphiQL needs it).
    pub introspection: bool,
    /// Serve the web app at `/` (off: the API only, for deployments that serve it elsewhere).
    pub web_app: bool,
    /// Serve the web app from this directory (a build of `web/`) when it holds an
    /// `index.html`, instead of the one the binary carries: for development.
    pub web_dir: Option<PathBuf>,
    /// Session lifetime in days.
    pub session_days: i64,
    /// Failed sign-ins in a row before an account is locked for `lockout_minutes`.
    pub max_failed_sign_ins: i32,
    pub lockout_minutes: i64,
    /// Failed sign-ins from one client address (any accounts) within `lockout_minutes`
    /// before that address must wait.
    pub max_failed_sign_ins_per_address: u32,
    /// Open WebSockets (`/graphql/ws`) one client address may hold (IPv6 by /64), per process;
    /// beyond it the upgrade is refused with 429.
    pub max_sockets_per_address: u32,
    /// Seconds a new WebSocket has to send `connection_init` before it is closed (4408).
    pub socket_init_timeout_seconds: u64,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a reverse
    /// proxy that sets it). Off: the connection's address.
    pub trust_forwarded_for: bool,
    /// Seconds a claim on queued work (a check, a run, an action execution, an alert) holds
    /// without renewal. The holder renews it every third of that while it works, so the work
    /// of a process that dies is taken over by another within one lease.
    pub lease_seconds: u64,
    /// Seconds a stopping process (SIGTERM) gives the work it holds to finish before it
    /// releases the rest to the queue and exits.
    pub shutdown_grace_seconds: u64,
    /// Log filter, in `tracing_subscriber::EnvFilter` syntax.
    pub log: String,
    /// `text` (default) or `json`.
    pub log_format: LogFormat,
    pub smtp: SmtpSettings,
    pub integrations: Integrations,
    #[serde(default)]
    pub runner: RunnerSettings,
    #[serde(default)]
    pub storage: StorageSettings,
    #[serde(default)]
    pub billing: BillingSettings,
    #[serde(default)]
    pub sso: SsoSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    #[serde(default)]
    pub otlp: OtlpSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: None,
            bind: "127.0.0.1:8080".into(),
            base_url: None,
            trigger_base_url: None,
            data_dir: PathBuf::from("./data"),
            master_key: None,
            mode: Mode::SelfHosted,
            role: Role::All,
            location: "default".into(),
            introspection: true,
            web_app: true,
            web_dir: None,
            session_days: 30,
            max_failed_sign_ins: 5,
            lockout_minutes: 15,
            max_failed_sign_ins_per_address: 50,
            max_sockets_per_address: 50,
            socket_init_timeout_seconds: 10,
            trust_forwarded_for: false,
            lease_seconds: 20,
            shutdown_grace_seconds: 30,
            log: "info".into(),
            log_format: LogFormat::Text,
            smtp: SmtpSettings::default(),
            outbound_block_private: None,
            integrations: Integrations::default(),
            runner: RunnerSettings::default(),
            storage: StorageSettings::default(),
            billing: BillingSettings::default(),
            sso: SsoSettings::default(),
            metrics: MetricsSettings::default(),
            otlp: OtlpSettings::default(),
        }
    }
}

/// Flag values given on the command line; `None` leaves the lower layers alone.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// Turns figment's errors into one line per bad setting, naming it in lower case.
fn describe(errors: figment::Error) -> anyhow::Error {
    let lines: Vec<String> = errors
        .into_iter()
        .map(|e| {
            let key = e.path.join(".").to_ascii_lowercase();
            let source = e
                .metadata
                .as_ref()
                .map(|m| format!(" (from {})", m.name))
                .unwrap_or_default();
            if key.is_empty() {
                format!("invalid settings{source}: {}", e.kind)
            } else {
                format!("invalid setting {key}{source}: {}", e.kind)
            }
        })
        .collect();
    anyhow::anyhow!(lines.join("\n"))
}

impl Settings {
    /// Loads settings from `file` (or `./vigil.toml` when it exists), the environment and `flags`,
    /// and validates them.
    pub fn load(file: Option<&Path>, flags: &Overrides) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match file {
            Some(path) => {
                if !path.exists() {
                    bail!("config file {} does not exist", path.display());
                }
                figment = figment.merge(Toml::file_exact(path));
            }
            None => {
                let default = Path::new("vigil.toml");
                if default.exists() {
                    figment = figment.merge(Toml::file_exact(default));
                }
            }
        }
        figment = figment
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database_url".into()),
            )
            .merge(Env::prefixed("VIGIL_").ignore(&["CONFIG"]).map(|key| {
                let key = key.as_str().to_ascii_lowercase();
                for section in [
                    "smtp",
                    "integrations",
                    "runner",
                    "storage",
                    "billing",
                    "sso",
                    "metrics",
                    "otlp",
                ] {
                    if let Some(rest) = key.strip_prefix(&format!("{section}_")) {
                        return format!("{section}.{rest}").into();
                    }
                }
                key.into()
            }))
            .merge(Serialized::defaults(flags));
        let mut settings: Settings = figment.extract().map_err(describe)?;
        settings.validate()?;
        settings.resolve_paths()?;
        Ok(settings)
    }

    /// Makes every configured path absolute, against the directory Vigil started in, so that
    /// a relative `./data` means the same in every process Vigil starts (the sandbox of a run
    /// works in another directory). Idempotent.
    pub fn resolve_paths(&mut self) -> anyhow::Result<()> {
        fn absolute(path: &mut PathBuf, name: &str) -> anyhow::Result<()> {
            if path.is_relative() {
                *path = std::path::absolute(&*path).with_context(|| {
                    format!("invalid setting {name}: cannot resolve {}", path.display())
                })?;
            }
            Ok(())
        }
        fn absolute_opt(path: &mut Option<PathBuf>, name: &str) -> anyhow::Result<()> {
            match path {
                Some(p) => absolute(p, name),
                None => Ok(()),
            }
        }
        absolute(&mut self.data_dir, "data_dir")?;
        absolute_opt(&mut self.web_dir, "web_dir")?;
        absolute_opt(&mut self.runner.tools_dir, "runner.tools_dir")?;
        absolute_opt(&mut self.runner.work_dir, "runner.work_dir")?;
        absolute_opt(&mut self.storage.local_dir, "storage.local_dir")?;
        // Programs named with a directory (`./bin/k6`), not bare names looked up on PATH.
        for (program, name) in [
            (&mut self.runner.chromium, "runner.chromium"),
            (&mut self.runner.node, "runner.node"),
            (&mut self.runner.bwrap, "runner.bwrap"),
        ] {
            if program.components().count() > 1 {
                absolute(program, name)?;
            }
        }
        Ok(())
    }

    fn validate(&self) -> anyhow::Result<()> {
        self.bind_addr()?;
        self.validate_urls()?;
        self.validate_identity()?;
        self.validate_account_limits()?;
        self.validate_work()?;
        // The runner's settings first: in cloud mode, running scripts unsandboxed is the
        // graver mistake to report than missing SMTP.
        self.validate_runner()?;
        self.validate_smtp()?;
        self.validate_storage()?;
        if let Some(server) = &self.integrations.dns_resolver
            && crate::monitor::types::dns::dns_server(server).is_none()
        {
            bail!(
                "invalid setting integrations.dns_resolver: expected ip or ip:port, got {server:?}"
            );
        }
        self.validate_billing()?;
        self.sso.validate()?;
        self.validate_telemetry()?;
        tracing_subscriber::EnvFilter::try_new(&self.log)
            .map_err(|e| anyhow::anyhow!("invalid setting log: {e}"))?;
        Ok(())
    }

    /// `base_url`, `trigger_base_url` and `database_url`.
    fn validate_urls(&self) -> anyhow::Result<()> {
        if let Some(url) = &self.base_url {
            let base = reqwest::Url::parse(url)
                .with_context(|| format!("invalid setting base_url: {url:?} is not a URL"))?;
            if !matches!(base.scheme(), "http" | "https") {
                bail!("invalid setting base_url: must start with http:// or https://");
            }
        }
        if let Some(url) = &self.trigger_base_url {
            let trigger = reqwest::Url::parse(url).with_context(|| {
                format!("invalid setting trigger_base_url: {url:?} is not a URL")
            })?;
            if !matches!(trigger.scheme(), "http" | "https") || trigger.host_str().is_none() {
                bail!(
                    "invalid setting trigger_base_url: must start with http:// or https:// and name a host"
                );
            }
            if trigger.path() != "/" || trigger.query().is_some() {
                bail!("invalid setting trigger_base_url: an origin only (no path or query)");
            }
            let app = reqwest::Url::parse(&self.base_url()).ok();
            if app.is_some_and(|app| app.origin() == trigger.origin()) {
                bail!("invalid setting trigger_base_url: must be another origin than base_url");
            }
        }
        if let Some(url) = &self.database_url {
            let ok = url.starts_with("sqlite:")
                || url.starts_with("postgres://")
                || url.starts_with("postgresql://");
            if !ok {
                bail!("invalid setting database_url: expected sqlite:… or postgres://…");
            }
        }
        Ok(())
    }

    /// `metrics.*` and `otlp.*`. The token is never repeated in messages.
    fn validate_telemetry(&self) -> anyhow::Result<()> {
        if let Some(token) = &self.metrics.token
            && (token.len() < 16 || !token.chars().all(|c| c.is_ascii_graphic()))
        {
            bail!(
                "invalid setting metrics.token: at least 16 printable ASCII characters, no spaces"
            );
        }
        if let Some(endpoint) = &self.otlp.endpoint {
            let ok = reqwest::Url::parse(endpoint)
                .ok()
                .is_some_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
            if !ok {
                bail!("invalid setting otlp.endpoint: must be an http:// or https:// URL");
            }
        }
        let name = self.otlp.service_name.trim();
        if name.is_empty() || name.len() > 100 || name.chars().any(char::is_control) {
            bail!("invalid setting otlp.service_name: 1-100 characters");
        }
        Ok(())
    }

    /// Whether `/metrics` is served: metrics on, and a token set or a self-hosted instance
    /// (the figures hold no tenant's data, but in cloud mode tenants should not read the
    /// traffic of others).
    pub fn metrics_served(&self) -> bool {
        self.metrics.enabled && (self.metrics.token.is_some() || self.mode == Mode::SelfHosted)
    }

    /// `master_key` and `location`.
    fn validate_identity(&self) -> anyhow::Result<()> {
        if let Some(key) = &self.master_key {
            crate::crypto::MasterKey::from_base64(key)
                .context("invalid setting master_key: expected the base64 of 32 bytes")?;
        }
        let location_ok = (1..=50).contains(&self.location.len())
            && self
                .location
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !location_ok {
            bail!("invalid setting location: use 1-50 of a-z, 0-9, '-' and '_'");
        }
        Ok(())
    }

    /// Sessions, sign-in throttles and sockets.
    fn validate_account_limits(&self) -> anyhow::Result<()> {
        if self.session_days < 1 {
            bail!("invalid setting session_days: must be at least 1");
        }
        if self.max_failed_sign_ins_per_address < 1 {
            bail!("invalid setting max_failed_sign_ins_per_address: must be at least 1");
        }
        if self.max_sockets_per_address < 1 {
            bail!("invalid setting max_sockets_per_address: must be at least 1");
        }
        if !(1..=300).contains(&self.socket_init_timeout_seconds) {
            bail!("invalid setting socket_init_timeout_seconds: must be between 1 and 300");
        }
        if self.max_failed_sign_ins < 1 {
            bail!("invalid setting max_failed_sign_ins: must be at least 1");
        }
        if self.lockout_minutes < 0 {
            bail!("invalid setting lockout_minutes: must not be negative");
        }
        Ok(())
    }

    /// `lease_seconds` and `shutdown_grace_seconds`.
    fn validate_work(&self) -> anyhow::Result<()> {
        if !(3..=600).contains(&self.lease_seconds) {
            bail!("invalid setting lease_seconds: must be between 3 and 600");
        }
        if !(1..=3600).contains(&self.shutdown_grace_seconds) {
            bail!("invalid setting shutdown_grace_seconds: must be between 1 and 3600");
        }
        Ok(())
    }

    /// How long a claim on queued work holds without renewal (`lease_seconds`).
    pub fn lease(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.lease_seconds)
    }

    /// How often a holder renews its leases: three times a lease, so that two renewals may
    /// fail (a slow database) before the work is lost.
    pub fn renew_every(&self) -> std::time::Duration {
        self.lease() / 3
    }

    /// How long a stopping process lets its work finish (`shutdown_grace_seconds`).
    pub fn shutdown_grace(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.shutdown_grace_seconds)
    }

    /// `smtp.*` (cloud mode needs a host).
    fn validate_smtp(&self) -> anyhow::Result<()> {
        if self.smtp.host.as_deref() == Some("") {
            bail!("invalid setting smtp.host: must not be empty");
        }
        if self.smtp.from.parse::<lettre::message::Mailbox>().is_err() {
            bail!(
                "invalid setting smtp.from: {:?} is not a mailbox",
                self.smtp.from
            );
        }
        if self.smtp.username.is_some() != self.smtp.password.is_some() {
            bail!("invalid setting smtp.username/smtp.password: give both or neither");
        }
        if self.mode == Mode::Cloud && self.smtp.host.is_none() {
            bail!(
                "invalid setting smtp.host: cloud mode needs SMTP (without it, verification and password-reset links would go to the log)"
            );
        }
        Ok(())
    }

    /// `runner.*`.
    fn validate_runner(&self) -> anyhow::Result<()> {
        if self.runner.allow_unsandboxed && self.mode == Mode::Cloud {
            bail!(
                "invalid setting runner.allow_unsandboxed: cloud mode never runs scripts without a sandbox"
            );
        }
        if !(1..=64).contains(&self.runner.max_concurrent) {
            bail!("invalid setting runner.max_concurrent: must be between 1 and 64");
        }
        if self.runner.memory_mb < 256 {
            bail!("invalid setting runner.memory_mb: must be at least 256");
        }
        if !(self.runner.cpus > 0.0 && self.runner.cpus <= 64.0) {
            bail!("invalid setting runner.cpus: must be above 0 and at most 64");
        }
        if self.runner.cpu_seconds == Some(0) {
            bail!("invalid setting runner.cpu_seconds: must be at least 1");
        }
        if self.runner.file_size_mb == 0 {
            bail!("invalid setting runner.file_size_mb: must be at least 1");
        }
        if !(64..=1_048_576).contains(&self.runner.open_files) {
            bail!("invalid setting runner.open_files: must be between 64 and 1048576");
        }
        Ok(())
    }

    /// `storage.*`.
    fn validate_storage(&self) -> anyhow::Result<()> {
        if self.storage.s3_bucket.as_deref() == Some("") {
            bail!("invalid setting storage.s3_bucket: must not be empty");
        }
        if self.storage.s3_access_key_id.is_some() != self.storage.s3_secret_access_key.is_some() {
            bail!(
                "invalid setting storage.s3_access_key_id/storage.s3_secret_access_key: give both or neither"
            );
        }
        Ok(())
    }

    /// `billing.*`. Values are never repeated in messages: some are secrets.
    fn validate_billing(&self) -> anyhow::Result<()> {
        let b = &self.billing;
        for (value, name) in [
            (&b.stripe_secret_key, "billing.stripe_secret_key"),
            (&b.stripe_webhook_secret, "billing.stripe_webhook_secret"),
            (&b.polar_access_token, "billing.polar_access_token"),
            (&b.polar_webhook_secret, "billing.polar_webhook_secret"),
        ] {
            let bad = value
                .as_deref()
                .is_some_and(|v| v.trim().is_empty() || v.chars().any(char::is_control));
            if bad {
                bail!("invalid setting {name}: must not be empty or hold control characters");
            }
        }
        if let Some(secret) = &b.polar_webhook_secret
            && crate::standard_webhooks::Key::parse(secret).is_none()
        {
            bail!("invalid setting billing.polar_webhook_secret: a whsec_ secret must be base64");
        }
        for (url, name) in [
            (&b.stripe_api_base, "billing.stripe_api_base"),
            (&b.polar_api_base, "billing.polar_api_base"),
        ] {
            let parsed = reqwest::Url::parse(url).ok();
            let ok = parsed
                .is_some_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
            if !ok {
                bail!("invalid setting {name}: must be an http:// or https:// URL");
            }
        }
        if !(0..=90).contains(&b.past_due_grace_days) {
            bail!("invalid setting billing.past_due_grace_days: must be between 0 and 90");
        }
        Ok(())
    }

    /// The listen address.
    pub fn bind_addr(&self) -> anyhow::Result<SocketAddr> {
        self.bind
            .parse()
            .with_context(|| format!("invalid setting bind: {:?} is not host:port", self.bind))
    }

    /// The database URL, defaulting to `{data_dir}/vigil.db`.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("vigil.db").display()
            ),
        }
    }

    /// The public base URL without a trailing slash.
    pub fn base_url(&self) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => {
                let bind = self
                    .bind
                    .replace("0.0.0.0", "localhost")
                    .replace("127.0.0.1", "localhost");
                format!("http://{bind}")
            }
        }
    }

    /// The public URL trigger URLs are built on, without a trailing slash: `trigger_base_url`
    /// when set, else `base_url`.
    pub fn trigger_base_url(&self) -> String {
        match &self.trigger_base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => self.base_url(),
        }
    }

    /// The `Host` of the separate trigger origin (`host` or `host:port`), when one is set.
    pub fn trigger_host(&self) -> Option<String> {
        let url = reqwest::Url::parse(self.trigger_base_url.as_deref()?).ok()?;
        let host = url.host_str()?.to_ascii_lowercase();
        Some(match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host,
        })
    }

    /// The outbound request policy.
    pub fn outbound(&self) -> crate::outbound::OutboundPolicy {
        crate::outbound::OutboundPolicy {
            block_private: self
                .outbound_block_private
                .unwrap_or(self.mode == Mode::Cloud),
        }
    }

    /// Where the runner tools are installed.
    pub fn tools_dir(&self) -> PathBuf {
        self.runner
            .tools_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("tools"))
    }

    /// Where runs get their work directories.
    pub fn work_dir(&self) -> PathBuf {
        self.runner
            .work_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("work"))
    }

    /// Whether cookies must carry `Secure` (the public URL is HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.base_url().starts_with("https://")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(id: &str, issuer: &str) -> OidcProviderSettings {
        OidcProviderSettings {
            id: id.into(),
            name: "Google".into(),
            issuer: issuer.into(),
            client_id: "client".into(),
            client_secret: "very-secret-value".into(),
            scopes: default_oidc_scopes(),
            sign_up: true,
        }
    }

    #[test]
    fn the_client_secret_never_shows_in_debug() {
        let mut settings = Settings::default();
        settings.sso.providers = vec![provider("google", "https://accounts.google.com")];
        let shown = format!("{settings:?}");
        assert!(shown.contains("google") && shown.contains("<redacted>"));
        assert!(!shown.contains("very-secret-value"));
    }

    #[test]
    fn providers_are_checked_at_start_up_by_name() {
        let check = |providers: Vec<OidcProviderSettings>| {
            SsoSettings { providers }
                .validate()
                .map_err(|e| e.to_string())
        };
        assert!(check(vec![provider("google", "https://accounts.google.com")]).is_ok());
        assert!(check(vec![provider("local", "http://127.0.0.1:8081/realms/x")]).is_ok());
        for (bad, field) in [
            (provider("Google!", "https://accounts.google.com"), "id"),
            (provider("credential", "https://accounts.google.com"), "id"),
            (provider("google", "http://accounts.google.com"), "issuer"),
            (provider("google", "not a url"), "issuer"),
        ] {
            let err = check(vec![bad]).expect_err(field);
            assert!(err.contains(&format!("sso.providers[0].{field}")), "{err}");
            assert!(!err.contains("very-secret-value"));
        }
        let mut empty_secret = provider("google", "https://accounts.google.com");
        empty_secret.client_secret = " ".into();
        assert!(check(vec![empty_secret]).is_err());
        let twice = vec![
            provider("google", "https://accounts.google.com"),
            provider("google", "https://accounts.google.com"),
        ];
        assert!(check(twice).expect_err("twice").contains("named twice"));
    }

    #[test]
    fn metrics_are_served_in_cloud_mode_only_with_a_token() {
        let mut settings = Settings::default();
        assert!(settings.metrics_served());
        settings.mode = Mode::Cloud;
        assert!(!settings.metrics_served());
        settings.metrics.token = Some("0123456789abcdef".into());
        assert!(settings.metrics_served());
        settings.metrics.enabled = false;
        assert!(!settings.metrics_served());
    }

    #[test]
    fn telemetry_settings_are_checked_without_repeating_the_token() {
        let mut settings = Settings::default();
        settings.metrics.token = Some("short secret".into());
        let err = settings
            .validate_telemetry()
            .expect_err("short")
            .to_string();
        assert!(
            err.contains("metrics.token") && !err.contains("short secret"),
            "{err}"
        );
        settings.metrics.token = Some("0123456789abcdef-secret".into());
        assert!(settings.validate_telemetry().is_ok());
        assert!(!format!("{settings:?}").contains("0123456789abcdef-secret"));
        settings.otlp.endpoint = Some("ftp://collector".into());
        let err = settings
            .validate_telemetry()
            .expect_err("scheme")
            .to_string();
        assert!(err.contains("otlp.endpoint"), "{err}");
        settings.otlp.endpoint = Some("http://127.0.0.1:4318/v1/traces".into());
        assert!(settings.validate_telemetry().is_ok());
    }

    #[test]
    fn providers_parse_from_the_environment_syntax() {
        // `VIGIL_SSO_PROVIDERS` is read with figment's value syntax, the one parsed here.
        let text = r#"[{id="okta", name="Okta", issuer="https://acme.okta.com", client_id="abc", client_secret="s3"}]"#;
        let value: figment::value::Value = text.parse().expect("infallible");
        let providers: Vec<OidcProviderSettings> = value.deserialize().expect("providers");
        assert_eq!(providers[0].id, "okta");
        assert_eq!(providers[0].scopes, ["email", "profile"]);
        assert!(providers[0].sign_up);
    }
}
