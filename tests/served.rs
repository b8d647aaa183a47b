//! The real `vigil serve` binary as a test fixture: a [`Deployment`] is a database (a SQLite
//! file, or a fresh PostgreSQL database) with a data directory, a master key and an SMTP
//! receiver; [`Deployment::process`] starts a `vigil serve` process on it with its own settings
//! (role, location, anything else as environment variables or a settings file), with the
//! server's own background loops, and waits until it answers `/readyz`. Several processes may
//! share one PostgreSQL database, as replicas do.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine as _;
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    Backend, Gql, HANG, PASSWORD, SmtpSink, TestUser, drop_test_database, eventually,
    fresh_postgres, init, temp_dir, tools_dir, vigil_bin,
};

/// A `vigil` command in `cwd` with none of the caller's Vigil settings (no `VIGIL_*`,
/// `DATABASE_URL` or `RUST_LOG` from the test's environment).
pub fn vigil_command(cwd: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(vigil_bin());
    cmd.current_dir(cwd);
    for (key, _) in std::env::vars() {
        if key.starts_with("VIGIL_") || key == "DATABASE_URL" || key == "RUST_LOG" {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// A loopback port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A running `vigil serve` process; killed if the test ends before [`Served::stop`].
pub struct Served {
    child: tokio::process::Child,
    log: PathBuf,
    /// The port it answers on.
    pub port: u16,
    /// `http://127.0.0.1:{port}`.
    pub url: String,
    pub http: reqwest::Client,
}

impl Served {
    /// Starts `cmd` (a [`vigil_command`] with its settings), its output appended to `log`,
    /// and waits until it answers `/readyz` on one of `ports`; panics with its log if it exits
    /// first.
    pub async fn start_on(cmd: std::process::Command, log: &Path, ports: &[u16]) -> Served {
        match Self::try_start(cmd, log, ports).await {
            Ok(served) => served,
            Err(log) => panic!("vigil serve exited: {log}"),
        }
    }

    /// Like [`Served::start_on`]; the log of a process that exited before it was ready is the
    /// error.
    async fn try_start(
        cmd: std::process::Command,
        log: &Path,
        ports: &[u16],
    ) -> Result<Served, String> {
        tally_served(&cmd);
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("a log file");
        let err = out.try_clone().expect("a second handle on the log");
        let mut cmd = tokio::process::Command::from(cmd);
        cmd.stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .kill_on_drop(true);
        let mut child = cmd.spawn().expect("starting vigil serve");
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("an HTTP client");
        let ready = eventually("vigil serve answering /readyz", || {
            let exited = child.try_wait().ok().flatten();
            let (http, ports) = (http.clone(), ports.to_vec());
            async move {
                if exited.is_some() {
                    return Some(None);
                }
                for port in ports {
                    if let Ok(response) = http
                        .get(format!("http://127.0.0.1:{port}/readyz"))
                        .send()
                        .await
                        && response.status().is_success()
                    {
                        return Some(Some(port));
                    }
                }
                None
            }
        })
        .await;
        let Some(port) = ready else {
            return Err(std::fs::read_to_string(log).unwrap_or_default());
        };
        Ok(Served {
            child,
            log: log.to_owned(),
            port,
            url: format!("http://127.0.0.1:{port}"),
            http: reqwest::Client::builder()
                .timeout(HANG)
                .build()
                .expect("an HTTP client"),
        })
    }

    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.child.id().expect("the process is running")
    }

    /// Whether the process is still running (it has not exited or crashed).
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// What the process has logged so far (its standard output and error).
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, then waits for the graceful exit, which must succeed.
    pub async fn stop(mut self) {
        let pid = self.child.id().expect("the process is running");
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
        let status = tokio::time::timeout(HANG, self.child.wait())
            .await
            .unwrap_or_else(|_| panic!("vigil serve did not stop within {} s", HANG.as_secs()))
            .expect("waiting for vigil serve");
        assert!(
            status.success(),
            "vigil serve exited with {status}: {}",
            self.log()
        );
    }

    /// SIGKILL: the process dies at once, holding whatever it held; waits for its end.
    pub async fn kill(mut self) {
        let _ = self.child.start_kill();
        let _ = tokio::time::timeout(HANG, self.child.wait()).await;
    }

    /// SIGTERM without waiting: the process starts its graceful stop; [`Served::exited`]
    /// waits for its end.
    pub fn terminate(&self) {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
    }

    /// Waits for the process to end (after [`Served::terminate`]); whether it exited 0.
    pub async fn exited(mut self) -> bool {
        tokio::time::timeout(HANG, self.child.wait())
            .await
            .unwrap_or_else(|_| panic!("vigil serve did not stop within {} s", HANG.as_secs()))
            .is_ok_and(|status| status.success())
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

    /// Signs up `email` (password [`PASSWORD`]); self-hosted sign-up opens a session at once.
    pub async fn sign_up(&self, email: &str) -> TestUser {
        let data = self
            .gql(
                None,
                "mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }",
                json!({ "i": { "email": email, "password": PASSWORD, "name": email.split('@').next().unwrap_or("user") } }),
            )
            .await
            .ok();
        TestUser {
            token: data["signUp"]["token"]
                .as_str()
                .expect("a session")
                .to_owned(),
            id: data["signUp"]["user"]["id"]
                .as_str()
                .expect("an id")
                .to_owned(),
            email: email.to_owned(),
        }
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
}

/// A database and data directory that `vigil serve` processes share, with one master key and
/// an SMTP receiver every process sends to.
pub struct Deployment {
    pub backend: Backend,
    pub database_url: String,
    /// The processes' working directory: the data directory (`data/`), settings files, logs.
    pub dir: crate::TempDir,
    master_key: String,
    pub smtp: SmtpSink,
    started: AtomicUsize,
}

impl Deployment {
    /// A new, empty database on `backend`.
    pub async fn new(backend: &Backend) -> Deployment {
        init();
        let dir = temp_dir("served");
        let database_url = match backend {
            Backend::Sqlite => format!(
                "sqlite://{}?mode=rwc",
                dir.join("data").join("vigil.db").display()
            ),
            Backend::Postgres(admin) => fresh_postgres(admin).await.expect("a PostgreSQL database"),
        };
        let key = [Uuid::new_v4().into_bytes(), Uuid::new_v4().into_bytes()].concat();
        Deployment {
            backend: backend.clone(),
            database_url,
            dir,
            master_key: base64::engine::general_purpose::STANDARD.encode(key),
            smtp: SmtpSink::start().await.expect("the SMTP receiver"),
            started: AtomicUsize::new(0),
        }
    }

    /// A process on this database, logging to `{dir}/{name}.log` (appended to when a process
    /// of the same name starts again). Its settings: a free loopback port, the shared data
    /// directory, database and master key, the SMTP receiver, the runner tools of the tests.
    pub fn process(&self, name: &str) -> Serve<'_> {
        let port = free_port();
        Serve {
            deployment: self,
            name: name.to_owned(),
            env: vec![
                ("VIGIL_BIND".into(), format!("127.0.0.1:{port}")),
                ("VIGIL_DATA_DIR".into(), "data".into()),
                ("DATABASE_URL".into(), self.database_url.clone()),
                ("VIGIL_MASTER_KEY".into(), self.master_key.clone()),
                ("VIGIL_SMTP_HOST".into(), "127.0.0.1".into()),
                ("VIGIL_SMTP_PORT".into(), self.smtp.port().to_string()),
                ("VIGIL_SMTP_TLS".into(), "none".into()),
                (
                    "VIGIL_SMTP_FROM".into(),
                    "Vigil <vigil@test.invalid>".into(),
                ),
                (
                    "VIGIL_RUNNER_TOOLS_DIR".into(),
                    tools_dir().display().to_string(),
                ),
            ],
            file: None,
            port,
        }
    }

    /// A connection of the test's own to the database, for what only SQL can show or set up
    /// (a state from the past, which worker did what).
    pub async fn sql(&self) -> DatabaseConnection {
        vigil::db::connect(&self.database_url)
            .await
            .expect("connecting to the deployment's database")
            .0
    }

    /// Removes the data directory and the PostgreSQL database (stop the processes first).
    pub async fn remove(self) {
        if let Backend::Postgres(admin) = &self.backend
            && let Some(name) = self
                .database_url
                .rsplit('/')
                .next()
                .and_then(|n| n.split('?').next())
        {
            drop_test_database(admin, name).await;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The settings of a process about to start.
pub struct Serve<'a> {
    deployment: &'a Deployment,
    name: String,
    env: Vec<(String, String)>,
    file: Option<String>,
    port: u16,
}

impl Serve<'_> {
    /// `all` (the default), `api` or `worker`.
    pub fn role(self, role: &str) -> Self {
        self.env("VIGIL_ROLE", role)
    }

    /// Listens on `port` of the loopback (a restarted process where its predecessor was).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self.env("VIGIL_BIND", &format!("127.0.0.1:{port}"))
    }

    /// The location its check engine checks monitors for.
    pub fn location(self, location: &str) -> Self {
        self.env("VIGIL_LOCATION", location)
    }

    /// Sets an environment variable (a setting such as `VIGIL_RUNNER_MAX_CONCURRENT`),
    /// replacing the default given for it.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Settings in a TOML file passed with `--config` (the environment still wins).
    pub fn file(mut self, toml: &str) -> Self {
        self.file = Some(toml.to_owned());
        self
    }

    /// Starts the process and waits until it is ready. A port taken meanwhile by someone else
    /// is replaced by another free one.
    pub async fn start(mut self) -> Served {
        let deployment = self.deployment;
        let number = deployment.started.fetch_add(1, Ordering::SeqCst);
        let log = deployment.dir.join(format!("{}.log", self.name));
        for _ in 0..5 {
            let mut cmd = vigil_command(&deployment.dir);
            if let Some(toml) = &self.file {
                let path = deployment.dir.join(format!("{}-{number}.toml", self.name));
                std::fs::write(&path, toml).expect("the settings file");
                cmd.arg("--config").arg(path);
            }
            cmd.arg("serve").envs(self.env.iter().map(|(k, v)| (k, v)));
            match Served::try_start(cmd, &log, &[self.port]).await {
                Ok(served) => return served,
                Err(output) if output.contains("binding 127.0.0.1") => {
                    self.port = free_port();
                    let bind = format!("127.0.0.1:{}", self.port);
                    self = self.env("VIGIL_BIND", &bind);
                }
                Err(output) => panic!("vigil serve ({}) exited: {output}", self.name),
            }
        }
        panic!("vigil serve ({}) found no free port", self.name);
    }
}

/// Counts a served binary in the test tally ([`crate::tally`]) under the database its
/// command names: `DATABASE_URL` when set, else SQLite (the default).
fn tally_served(cmd: &std::process::Command) {
    let postgres = cmd.get_envs().any(|(key, value)| {
        key == "DATABASE_URL" && value.is_some_and(|v| v.to_string_lossy().starts_with("postgres"))
    });
    crate::tally(if postgres { "postgres" } else { "sqlite" });
}
