//! Test harness: a real Vigil server on a loopback port with a fresh database (a new SQLite
//! file, or a new PostgreSQL database when `TEST_DATABASE_URL` is set), a GraphQL client that
//! asserts on error codes, a local SMTP receiver that keeps what it is sent, and loopback HTTP
//! receivers that stand in for internet services; and the real `vigil serve` binary with its
//! own background loops, one or several processes on one database ([`served`]).

pub mod billing;
pub mod cluster;
pub mod dns;
pub mod metrics;
pub mod oidc;
pub mod ops;
pub mod receivers;
pub mod served;
pub mod smtp;
pub mod snapshot;
pub mod target;
pub mod ws;

use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::Duration;

use anyhow::Context;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil::app::RunningApp;
use vigil::auth::password::PasswordHasher;
use vigil::config::{Settings, SmtpTls};
use vigil::state::AppState;

pub use receivers::{Receiver, Reply};
pub use served::{Deployment, Served};
pub use smtp::SmtpSink;
pub use ws::Ws;

/// How long a test waits for something that must happen before it calls the test hung. It is
/// a guard against hangs, not a measure of speed: what it bounds happens in well under a
/// second, and no test asserts how long anything took.
pub const HANG: Duration = Duration::from_secs(120);

/// Polls `check` until it returns `Some` and returns that value; panics with "`what` did not
/// happen within 120 s" (see [`HANG`]).
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + HANG;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what} did not happen within {} s",
            HANG.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

static INIT: Once = Once::new();

/// Installs the TLS provider and test logging (`TEST_LOG`, default: Vigil's errors), once per
/// process. Logs go to the test's captured output, so a failing test shows them.
pub fn init() {
    INIT.call_once(|| {
        vigil::install_crypto_provider();
        let filter = std::env::var("TEST_LOG").unwrap_or_else(|_| "vigil=error".into());
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    });
}

/// Which database a test runs against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

impl std::fmt::Display for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Backend::Sqlite => f.write_str("sqlite"),
            Backend::Postgres(_) => f.write_str("postgres"),
        }
    }
}

/// SQLite always; PostgreSQL too when `TEST_DATABASE_URL` is set.
pub fn backends() -> Vec<Backend> {
    let mut out = vec![Backend::Sqlite];
    if let Ok(url) = std::env::var("TEST_DATABASE_URL")
        && !url.is_empty()
    {
        out.push(Backend::Postgres(url));
    }
    out
}

/// PostgreSQL, for a test that needs several processes on one database. Without
/// `TEST_DATABASE_URL` the test is skipped visibly: it prints `SKIPPED` with the reason, and
/// fails instead when `TEST_NO_SKIP` is set (`.ci/run` sets it), so that no skip passes
/// quietly in CI.
pub fn postgres_or_skip(test: &str) -> Option<Backend> {
    if let Some(postgres) = backends()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    {
        return Some(postgres);
    }
    let why = format!("SKIPPED {test}: it needs PostgreSQL (set TEST_DATABASE_URL)");
    assert!(std::env::var_os("TEST_NO_SKIP").is_none(), "{why}");
    eprintln!("{why}");
    tally(&format!("skipped {test}"));
    None
}

/// Drops the test database `name` (one `fresh_postgres` made) through the server `admin`
/// names; anything not named `vigil_test_*` is left alone.
pub async fn drop_test_database(admin: &str, name: &str) {
    if name.starts_with("vigil_test_")
        && let Ok(conn) = Database::connect(admin).await
    {
        let _ = conn
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await;
        let _ = conn.close().await;
    }
}

/// Notes a started server in the file `TEST_TALLY_FILE` names (when set): one line with its
/// database (`sqlite` or `postgres`), or `skipped <test>` for a visible skip, so that
/// `scripts/test` can say where the end-to-end tests ran. Each line is one append, so parallel
/// tests do not interleave.
pub fn tally(line: &str) {
    use std::io::Write;
    let Some(path) = std::env::var_os("TEST_TALLY_FILE").filter(|p| !p.is_empty()) else {
        return;
    };
    let line = format!("{line}\n");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(line.as_bytes()));
    written.expect("appending to TEST_TALLY_FILE");
}

/// A fresh, empty temporary directory, removed when the returned guard is dropped — unless
/// the test is failing (the thread is panicking), so that a failing test leaves its files for
/// inspection. A passing run leaves nothing in the temporary directory.
pub fn temp_dir(label: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("vigil-test-{label}-{}", Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("creating a temporary directory");
    TempDir(Some(dir))
}

/// A directory of [`temp_dir`]; it reads as a [`Path`].
#[derive(Debug)]
#[must_use = "the directory is removed when this is dropped"]
pub struct TempDir(Option<PathBuf>);

impl TempDir {
    pub fn path(&self) -> &Path {
        self.0.as_deref().expect("a temporary directory")
    }

    /// The path, no longer removed on drop: whoever takes it removes it.
    pub fn keep(mut self) -> PathBuf {
        self.0.take().expect("a temporary directory")
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.path()
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        self.path()
    }
}

impl AsRef<std::ffi::OsStr> for TempDir {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.path().as_os_str()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(dir) = self.0.take() {
            remove_unless_failing(&dir);
        }
    }
}

/// Removes `dir`, unless the current test is failing.
fn remove_unless_failing(dir: &Path) {
    if !std::thread::panicking() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Creates a new PostgreSQL database next to the one `admin_url` names and returns its URL.
pub async fn fresh_postgres(admin_url: &str) -> anyhow::Result<String> {
    let name = format!("vigil_test_{}", Uuid::new_v4().simple());
    let admin = Database::connect(admin_url)
        .await
        .context("connecting to TEST_DATABASE_URL")?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    admin.close().await?;
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (admin_url, String::new()),
    };
    let base = base.rsplit_once('/').map_or(base, |(head, _)| head);
    Ok(format!("{base}/{name}{query}"))
}

/// Settings for a test server: loopback port 0, a temporary data dir, the given backend.
pub async fn test_settings(backend: &Backend) -> anyhow::Result<Settings> {
    // The server's data dir: `TestApp::stop` (or dropping the `TestApp`) removes it.
    let data_dir = temp_dir("data").keep();
    let database_url = match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", data_dir.join("vigil.db").display()),
        Backend::Postgres(admin) => fresh_postgres(admin).await?,
    };
    Ok(Settings {
        bind: "127.0.0.1:0".into(),
        data_dir,
        database_url: Some(database_url),
        web_dir: None,
        ..Settings::default()
    })
}

/// A running server and what a test needs around it.
pub struct TestApp {
    pub backend: Backend,
    /// The data directory, removed when the server stops or the `TestApp` is dropped (unless
    /// the test is failing).
    data_dir: TempDir,
    /// The PostgreSQL database to drop when the test stops: (admin URL, name).
    database: Option<(String, String)>,
    pub running: RunningApp,
    pub url: String,
    pub smtp: SmtpSink,
    pub http: reqwest::Client,
}

impl TestApp {
    /// A server on `backend` with default settings.
    pub async fn spawn(backend: &Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    /// A server on `backend` with settings adjusted by `tweak`.
    pub async fn spawn_with(backend: &Backend, tweak: impl FnOnce(&mut Settings)) -> TestApp {
        init();
        let smtp = SmtpSink::start().await.expect("starting the SMTP receiver");
        let mut settings = test_settings(backend).await.expect("test settings");
        settings.smtp.host = Some("127.0.0.1".into());
        settings.smtp.port = smtp.port();
        settings.smtp.tls = SmtpTls::None;
        settings.smtp.from = "Vigil <vigil@test.invalid>".into();
        // Tests drive the workers step by step (`engine().tick()`); `spawn_with` can turn
        // them on with `settings.role = Role::All`.
        settings.role = vigil::config::Role::Api;
        tweak(&mut settings);
        // Cheap argon2 parameters: the production ones are measured in the benchmark.
        let hasher = PasswordHasher::with_params(1024, 1, 1).expect("hasher");
        let state = vigil::app::build_state_with(settings, hasher)
            .await
            .expect("building the state");
        let running = vigil::app::spawn(state).await.expect("starting the server");
        tally(&backend.to_string());
        let url = running.url();
        let database = match backend {
            Backend::Postgres(admin) => running
                .state
                .settings
                .database_url
                .as_deref()
                .and_then(|u| u.rsplit('/').next())
                .map(|name| {
                    (
                        admin.clone(),
                        name.split('?').next().unwrap_or(name).to_owned(),
                    )
                }),
            Backend::Sqlite => None,
        };
        TestApp {
            data_dir: TempDir(Some(running.state.settings.data_dir.clone())),
            database,
            backend: backend.clone(),
            running,
            url,
            smtp,
            http: reqwest::Client::builder()
                .timeout(HANG)
                .build()
                .expect("http client"),
        }
    }

    pub fn state(&self) -> &AppState {
        &self.running.state
    }

    /// A check engine for `location` on this server's database.
    pub fn engine(&self, location: &str) -> vigil::monitor::engine::Engine {
        vigil::monitor::engine::Engine::new(self.running.state.clone(), location).expect("engine")
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.running.state.db
    }

    /// Number of SQL statements the server has sent so far.
    pub fn statements(&self) -> u64 {
        self.running.state.statements.get()
    }

    /// Sends a GraphQL request with an optional bearer token.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Gql {
        let mut request = self
            .http
            .post(format!("{}/graphql", self.url))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("sending a GraphQL request");
        let status = response.status().as_u16();
        let body: Value = response.json().await.expect("a JSON response");
        Gql { status, body }
    }

    /// Signs up `email` (password `correct horse battery`) and returns the new user with a
    /// session. In cloud mode sign-up answers without a session, so this follows the mailed
    /// link, which confirms the address and signs in.
    pub async fn sign_up(&self, email: &str) -> TestUser {
        let gql = self
            .gql(
                None,
                "mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email } } }",
                json!({ "input": { "email": email, "password": PASSWORD, "name": email.split('@').next().unwrap_or("user") } }),
            )
            .await
            .ok();
        if self.state().settings.mode == vigil::config::Mode::Cloud {
            assert!(
                gql["signUp"]["token"].is_null(),
                "cloud sign-up opens no session"
            );
            let signed_in = self.follow_verification_link(email).await;
            return TestUser {
                token: signed_in["token"].as_str().expect("a session").to_owned(),
                id: signed_in["user"]["id"].as_str().expect("id").to_owned(),
                email: email.to_owned(),
            };
        }
        TestUser {
            token: gql["signUp"]["token"].as_str().expect("token").to_owned(),
            id: gql["signUp"]["user"]["id"].as_str().expect("id").to_owned(),
            email: email.to_owned(),
        }
    }

    /// Confirms `email` through the last verification link mailed to it; returns the
    /// `verifyEmail` payload (`token`, `user { id emailVerified }`).
    pub async fn follow_verification_link(&self, email: &str) -> Value {
        let mail = self.smtp.wait_for(email, "Confirm your email").await;
        let token = link_token(&mail, "verify-email").expect("a verification link");
        self.gql(
            None,
            "mutation($t: String!) { verifyEmail(token: $t) { token user { id emailVerified } } }",
            json!({ "t": token }),
        )
        .await
        .ok()["verifyEmail"]
            .clone()
    }

    /// Signs up `email` and confirms the address through the mailed link.
    pub async fn verified_user(&self, email: &str) -> TestUser {
        let user = self.sign_up(email).await;
        if self.state().settings.mode != vigil::config::Mode::Cloud {
            self.follow_verification_link(email).await;
        }
        user
    }

    /// Creates an organization owned by `user`; returns (organization id, default project id).
    pub async fn create_org(&self, user: &TestUser, name: &str) -> (String, String) {
        let data = self
            .gql(
                Some(&user.token),
                "mutation($n: String!) { createOrganization(input: { name: $n }) { id projects { id } } }",
                json!({ "n": name }),
            )
            .await
            .ok();
        (
            data["createOrganization"]["id"]
                .as_str()
                .expect("org id")
                .to_owned(),
            data["createOrganization"]["projects"][0]["id"]
                .as_str()
                .expect("project id")
                .to_owned(),
        )
    }

    /// A verified user who joined `org` with `role` (and that role in `project`), through an
    /// invitation from `owner`.
    pub async fn member(
        &self,
        owner: &TestUser,
        org: &str,
        project: &str,
        email: &str,
        role: &str,
    ) -> TestUser {
        let user = self.verified_user(email).await;
        let invited = self
            .gql(
                Some(&owner.token),
                "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }",
                json!({ "i": { "organizationId": org, "email": email, "role": role, "projectIds": [project] } }),
            )
            .await
            .ok();
        self.gql(
            Some(&user.token),
            "mutation($id: ID!) { acceptInvitation(id: $id) { role } }",
            json!({ "id": invited["inviteMember"]["id"] }),
        )
        .await
        .ok();
        user
    }

    /// Counts the rows of `table`.
    pub async fn count(&self, table: &str) -> i64 {
        let backend = self.db().get_database_backend();
        let row = self
            .db()
            .query_one_raw(sea_orm::Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM \"{table}\""),
            ))
            .await
            .expect("counting")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("a count")
    }

    /// Stops the server and keeps its data (for a restart on the same database); the data
    /// directory is removed when the returned guard is dropped.
    pub async fn stop_keep_data(self) -> TempDir {
        let _ = self.running.stop().await;
        self.data_dir
    }

    /// Stops the server and removes its data directory and database.
    pub async fn stop(self) {
        let _ = self.running.stop().await;
        remove_unless_failing(&self.data_dir);
        if let Some((admin, name)) = self.database {
            drop_test_database(&admin, &name).await;
        }
    }
}

/// The runner tools (`@playwright/test`, k6) the executor tests use: `TEST_TOOLS_DIR`,
/// else `.tools` at the root of the working tree (`vigil runners install --tools-dir .tools`,
/// which `scripts/test` runs).
pub fn tools_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("TEST_TOOLS_DIR")
        && !dir.is_empty()
    {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .join(".tools")
}

impl TestApp {
    /// A run worker on this server's database (tests drive it with `tick()`).
    pub fn run_worker(&self) -> vigil::testing::worker::Worker {
        vigil::testing::worker::Worker::new(self.running.state.clone())
    }
}

/// The password every test user gets.
pub const PASSWORD: &str = "correct horse battery";

/// A signed-up user.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub token: String,
    pub id: String,
    pub email: String,
}

/// A GraphQL response.
#[derive(Debug)]
pub struct Gql {
    pub status: u16,
    pub body: Value,
}

impl Gql {
    /// The data, panicking with the errors when there are any.
    #[track_caller]
    pub fn ok(self) -> Value {
        if let Some(errors) = self.body.get("errors") {
            panic!("unexpected GraphQL errors (HTTP {}): {errors}", self.status);
        }
        self.body["data"].clone()
    }

    /// The `extensions.code` of the first error.
    pub fn code(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["code"].as_str()
    }

    /// The `extensions.field` of the first error.
    pub fn field(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["field"].as_str()
    }

    pub fn message(&self) -> &str {
        self.body["errors"][0]["message"].as_str().unwrap_or("")
    }

    /// Asserts the first error has `code`.
    #[track_caller]
    pub fn expect_code(&self, code: &str) -> &Self {
        assert_eq!(
            self.code(),
            Some(code),
            "expected {code}, got {}",
            self.body
        );
        self
    }
}

/// Pulls the `token` parameter of a `{base}/{path}?token=...` link out of a mail.
pub fn link_token(mail: &str, path: &str) -> Option<String> {
    let start = mail.find(&format!("/{path}?token="))? + path.len() + 8;
    let token: String = mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!token.is_empty()).then_some(token)
}

/// The `vigil` binary built next to the test binary (`cargo build --bin vigil` makes it).
pub fn vigil_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    // target/<profile>/deps/it-xxxx -> target/<profile>/vigil
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join("vigil");
    assert!(
        bin.exists(),
        "{} is missing: build it first with `cargo build --bin vigil`",
        bin.display()
    );
    bin
}

/// A monitor result row as the check engine writes one: `id` made at `checked_at` or later,
/// from location `default`, up or down, a status change or not. Tests insert it to set up a
/// history (retention, downtimes) without waiting for checks.
pub fn result_row(
    id: Uuid,
    monitor_id: Uuid,
    checked_at: chrono::DateTime<chrono::Utc>,
    up: bool,
    status_change: bool,
    details: Option<Value>,
) -> entity::monitor_results::ActiveModel {
    use entity::monitor_results::{ActiveModel, MonitorResultStatus};
    use sea_orm::ActiveValue::Set;
    ActiveModel {
        id: Set(id),
        monitor_id: Set(monitor_id),
        checked_at: Set(checked_at),
        location: Set("default".into()),
        status: Set(if up {
            MonitorResultStatus::Up
        } else {
            MonitorResultStatus::Down
        }),
        response_time_ms: Set(up.then_some(12)),
        details: Set(details),
        is_up: Set(up),
        is_status_change: Set(status_change),
        consecutive_failure_count: Set(i32::from(!up)),
        consecutive_success_count: Set(i32::from(up)),
        alerts_sent_for_failure: Set(0),
        alerts_sent_for_recovery: Set(0),
        test_execution_id: Set(None),
        test_report_s3_url: Set(None),
    }
}
