//! Load benchmarks of a real Vigil server on loopback (see BENCHMARKS.md).
//!
//! `vigil-bench foundation --db sqlite|postgres` starts a server with the production argon2
//! parameters, fills it with one organization of 20 projects with 3 members each, and
//! measures, for 1 and 64 concurrent clients: `signIn`, and the nested query
//! `organizations { projects { members { user } } }`. It prints a Markdown table.
//!
//! `vigil-bench callbacks --db sqlite|postgres` measures callback triggers with and without
//! billing's metering (see `callbacks.rs`); `vigil-bench billing --db sqlite|postgres` the
//! Stripe and Polar webhooks and a run's metering (see `billing.rs`).
//!
//! `vigil-bench status-page --db sqlite|postgres` measures the public status page (see
//! `status_page.rs`).
//!
//! `vigil-bench monitors --db sqlite|postgres --monitors 1000,10000 --minutes 3` runs the check
//! engine under N HTTP monitors of 1-minute frequency against a loopback target (see
//! `monitors.rs`).

mod billing;
mod callbacks;
mod monitors;
mod runs;
mod status_page;

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Sign-in and nested-query throughput and latency.
    Foundation {
        #[arg(long, value_enum, default_value = "sqlite")]
        db: Db,
        /// Seconds per measurement.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrency levels.
        #[arg(long, value_delimiter = ',', default_value = "1,64")]
        clients: Vec<usize>,
    },
    /// Callback triggers under `wrk`: cached, forwarded, and with two actions.
    Callbacks {
        #[arg(long, value_enum, default_value = "sqlite")]
        db: Db,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Open connections of wrk.
        #[arg(long, default_value_t = 64)]
        connections: u32,
    },
    /// Billing: signed Stripe and Polar webhooks handled per second (new events and
    /// replays), and what metering adds to a run's transaction.
    Billing {
        #[arg(long, value_enum, default_value = "sqlite")]
        db: Db,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent senders.
        #[arg(long, default_value_t = 16)]
        clients: usize,
        /// Runs' usage writes timed.
        #[arg(long, default_value_t = 2000)]
        rounds: u32,
    },
    /// Trigger-to-executor latency and Vigil's overhead on Playwright and k6 runs.
    Runs {
        #[arg(long, value_enum, default_value = "sqlite")]
        db: Db,
        #[arg(long, default_value_t = 20)]
        rounds: usize,
        /// Where `vigil runners install` put the runners.
        #[arg(long, default_value = ".tools")]
        tools_dir: std::path::PathBuf,
        /// The CPU quota of a run (`runner.cpus`).
        #[arg(long, default_value_t = 1.0)]
        cpus: f64,
    },
    /// The check engine under N HTTP monitors of 1-minute frequency: checks per second,
    /// scheduling lag, CPU and peak RSS.
    Monitors {
        #[arg(long, value_enum, default_value = "sqlite")]
        db: Db,
        /// Numbers of monitors, each on a fresh server and database.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
        monitors: Vec<usize>,
        /// Seconds between creating the monitors and measuring.
        #[arg(long, default_value_t = 60)]
        warmup: u64,
        /// Minutes measured.
        #[arg(long, default_value_t = 3)]
        minutes: u64,
    },
    /// The public status page and `summary.json` under wrk beside nginx serving static files
    /// of the same sizes, and the delay from a monitor going down to the page showing it.
    StatusPage {
        #[arg(long, value_enum, default_value = "sqlite")]
        db: Db,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Open connections of wrk.
        #[arg(long, default_value_t = 64)]
        connections: u32,
        /// Times the delay to the page is measured (down, then up again, each).
        #[arg(long, default_value_t = 10)]
        flips: usize,
    },
    /// Time of one argon2id hash with the production parameters.
    Argon2 {
        #[arg(long, default_value_t = 50)]
        rounds: u32,
    },
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Db {
    Sqlite,
    Postgres,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    vigil::install_crypto_provider();
    match Args::parse().command {
        Cmd::Argon2 { rounds } => argon2(rounds).await,
        Cmd::Monitors {
            db,
            monitors: counts,
            warmup,
            minutes,
        } => monitors::monitors(db, &counts, warmup, minutes).await,
        Cmd::Runs {
            db,
            rounds,
            tools_dir,
            cpus,
        } => runs::runs(db, rounds, tools_dir, cpus).await,
        Cmd::Foundation {
            db,
            seconds,
            clients,
        } => foundation(db, seconds, &clients).await,
        Cmd::Callbacks {
            db,
            seconds,
            connections,
        } => callbacks::callbacks(db, seconds, connections).await,
        Cmd::Billing {
            db,
            seconds,
            clients,
            rounds,
        } => billing::billing(db, seconds, clients, rounds).await,
        Cmd::StatusPage {
            db,
            seconds,
            connections,
            flips,
        } => status_page::status_page(db, seconds, connections, flips).await,
    }
}

async fn argon2(rounds: u32) -> anyhow::Result<()> {
    let hasher = vigil::auth::password::PasswordHasher::new()?;
    let phc = hasher.hash("correct horse battery").await?;
    let start = Instant::now();
    for _ in 0..rounds {
        hasher.verify("correct horse battery", Some(&phc)).await?;
    }
    let per = start.elapsed() / rounds;
    println!(
        "argon2id m=19456 KiB t=2 p=1: {:.1} ms per verification ({rounds} rounds, one at a time)",
        per.as_secs_f64() * 1000.0
    );
    Ok(())
}

pub(crate) async fn database_url(db: Db, dir: &std::path::Path) -> anyhow::Result<String> {
    match db {
        Db::Sqlite => Ok(format!(
            "sqlite://{}?mode=rwc",
            dir.join("vigil.db").display()
        )),
        Db::Postgres => {
            let admin = std::env::var("TEST_DATABASE_URL")
                .context("set TEST_DATABASE_URL for --db postgres")?;
            let name = format!("vigil_bench_{}", uuid::Uuid::new_v4().simple());
            let conn = Database::connect(&admin).await?;
            conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(h, _)| h);
            Ok(format!("{base}/{name}"))
        }
    }
}

pub(crate) struct Client {
    pub(crate) http: reqwest::Client,
    pub(crate) url: String,
}

impl Client {
    pub(crate) async fn gql(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> anyhow::Result<Value> {
        let mut request = self
            .http
            .post(&self.url)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let body: Value = request.send().await?.json().await?;
        if let Some(errors) = body.get("errors") {
            bail!("GraphQL errors: {errors}");
        }
        Ok(body["data"].clone())
    }

    /// Signs up the bench's owner and creates an organization (self-hosted: the `unlimited`
    /// plan); returns the owner's token and the organization's default project.
    pub(crate) async fn owner_and_project(&self) -> anyhow::Result<(String, String)> {
        let owner = self
            .gql(None, "mutation { signUp(input: { email: \"bench@bench.test\", password: \"correct horse battery\", name: \"Bench\" }) { token } }", json!({}))
            .await?;
        let token = owner["signUp"]["token"]
            .as_str()
            .context("token")?
            .to_owned();
        self.organization(&token).await
    }

    /// [`Self::owner_and_project`] on a cloud server, where a sign-up opens no session until
    /// the address is verified: verified in the database, then signed in.
    pub(crate) async fn cloud_owner_and_project(
        &self,
        db: &sea_orm::DatabaseConnection,
    ) -> anyhow::Result<(String, String)> {
        use sea_orm::{EntityTrait, sea_query::Expr};
        self.gql(None, "mutation { signUp(input: { email: \"bench@bench.test\", password: \"correct horse battery\", name: \"Bench\" }) { token } }", json!({}))
            .await?;
        entity::user::Entity::update_many()
            .col_expr(entity::user::Column::EmailVerified, Expr::value(true))
            .exec(db)
            .await?;
        let signed_in = self
            .gql(None, "mutation { signIn(input: { email: \"bench@bench.test\", password: \"correct horse battery\" }) { token } }", json!({}))
            .await?;
        let token = signed_in["signIn"]["token"]
            .as_str()
            .context("token")?
            .to_owned();
        self.organization(&token).await
    }

    /// Creates the organization "Bench": (token, its default project).
    async fn organization(&self, token: &str) -> anyhow::Result<(String, String)> {
        let token = token.to_owned();
        let org = self
            .gql(
                Some(&token),
                "mutation { createOrganization(input: { name: \"Bench\" }) { projects { id } } }",
                json!({}),
            )
            .await?;
        let project = org["createOrganization"]["projects"][0]["id"]
            .as_str()
            .context("project")?
            .to_owned();
        Ok((token, project))
    }
}

async fn foundation(db: Db, seconds: u64, clients: &[usize]) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("vigil-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let settings = vigil::config::Settings {
        bind: "127.0.0.1:0".into(),
        data_dir: dir.clone(),
        database_url: Some(database_url(db, &dir).await?),
        web_app: false,
        ..Default::default()
    };
    let state = vigil::app::build_state(settings).await?;
    let running = vigil::app::spawn(state).await?;
    let client = Arc::new(Client {
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(256)
            .build()?,
        url: format!("{}/graphql", running.url()),
    });

    // One organization, 20 projects, 3 members with a role in each.
    const SIGN_UP: &str = "mutation($e: String!) { signUp(input: { email: $e, password: \"correct horse battery\", name: \"Bench\" }) { token user { id } } }";
    let owner = client
        .gql(None, SIGN_UP, json!({ "e": "owner@bench.test" }))
        .await?;
    let token = owner["signUp"]["token"]
        .as_str()
        .context("token")?
        .to_owned();
    let org = client
        .gql(
            Some(&token),
            "mutation { createOrganization(input: { name: \"Bench\" }) { id projects { id } } }",
            json!({}),
        )
        .await?;
    let org_id = org["createOrganization"]["id"]
        .as_str()
        .context("org")?
        .to_owned();
    let mut members = Vec::new();
    for i in 0..3 {
        let user = client
            .gql(None, SIGN_UP, json!({ "e": format!("m{i}@bench.test") }))
            .await?;
        let user_id = user["signUp"]["user"]["id"]
            .as_str()
            .context("id")?
            .to_owned();
        // Direct membership rows: the invitation flow needs verified mail, which is not
        // what is measured here.
        let now = "CURRENT_TIMESTAMP";
        let backend = running.state.db.get_database_backend();
        let (org_param, user_param) = match backend {
            sea_orm::DbBackend::Postgres => {
                (format!("'{org_id}'::uuid"), format!("'{user_id}'::uuid"))
            }
            _ => (blob(&org_id)?, blob(&user_id)?),
        };
        let id = uuid::Uuid::now_v7().to_string();
        let id_param = match backend {
            sea_orm::DbBackend::Postgres => format!("'{id}'::uuid"),
            _ => blob(&id)?,
        };
        running
            .state
            .db
            .execute_unprepared(&format!(
                "INSERT INTO member (id, organization_id, user_id, role, created_at) VALUES ({id_param}, {org_param}, {user_param}, 'project_editor', {now})"
            ))
            .await?;
        members.push(user_id);
    }
    let mut project_ids = vec![
        org["createOrganization"]["projects"][0]["id"]
            .as_str()
            .context("p")?
            .to_owned(),
    ];
    for i in 1..20 {
        let p = client
            .gql(
                Some(&token),
                "mutation($o: ID!, $n: String!) { createProject(input: { organizationId: $o, name: $n }) { id } }",
                json!({ "o": org_id, "n": format!("Project {i}") }),
            )
            .await?;
        project_ids.push(p["createProject"]["id"].as_str().context("id")?.to_owned());
    }
    for project in &project_ids {
        for member in &members {
            client
                .gql(
                    Some(&token),
                    "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_EDITOR }) { id } }",
                    json!({ "p": project, "u": member }),
                )
                .await?;
        }
    }

    println!("| database | operation | clients | requests/s | p50 ms | p99 ms | requests |");
    println!("|---|---|---|---|---|---|---|");
    const NESTED: &str =
        "{ organizations { nodes { name projects { name members { role user { email } } } } } }";
    const SIGN_IN: &str = "mutation { signIn(input: { email: \"owner@bench.test\", password: \"correct horse battery\" }) { token } }";
    for &c in clients {
        let (rate, p50, p99, n) =
            measure(client.clone(), Some(token.clone()), NESTED, c, seconds).await?;
        println!(
            "| {db:?} | nested query (20 projects × 3 members) | {c} | {rate:.0} | {p50:.1} | {p99:.1} | {n} |"
        );
    }
    for &c in clients {
        let (rate, p50, p99, n) = measure(client.clone(), None, SIGN_IN, c, seconds).await?;
        println!("| {db:?} | signIn (argon2id) | {c} | {rate:.0} | {p50:.1} | {p99:.1} | {n} |");
    }
    running.stop().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// SQLite stores UUIDs as 16-byte blobs.
fn blob(id: &str) -> anyhow::Result<String> {
    let uuid = uuid::Uuid::parse_str(id)?;
    Ok(format!("X'{}'", uuid.simple()))
}

/// Runs `query` from `clients` concurrent loops for `seconds`; returns (requests/s, p50 ms,
/// p99 ms, requests).
async fn measure(
    client: Arc<Client>,
    token: Option<String>,
    query: &'static str,
    clients: usize,
    seconds: u64,
) -> anyhow::Result<(f64, f64, f64, usize)> {
    // Warm up.
    for _ in 0..3 {
        client.gql(token.as_deref(), query, json!({})).await?;
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let client = client.clone();
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                let t = Instant::now();
                client.gql(token.as_deref(), query, json!({})).await?;
                latencies.push(t.elapsed());
            }
            anyhow::Ok(latencies)
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut ms: Vec<f64> = all.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    Ok((
        ms.len() as f64 / elapsed,
        percentile(&ms, 50.0),
        percentile(&ms, 99.0),
        ms.len(),
    ))
}

/// A local upstream that answers every request with a small JSON body.
pub(crate) async fn upstream() -> anyhow::Result<std::net::SocketAddr> {
    let app = axum::Router::new().fallback(|| async { axum::Json(json!({ "ok": true })) });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(addr)
}

/// Action executions by outcome, counted in the database.
#[derive(Default, Debug)]
pub(crate) struct Executions {
    pub(crate) succeeded: u64,
    pub(crate) failed: u64,
    /// Pending or running.
    pub(crate) unfinished: u64,
}

pub(crate) async fn executions(db: &sea_orm::DatabaseConnection) -> anyhow::Result<Executions> {
    use entity::action_executions::{ActionExecutionStatus as S, Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let count = |statuses: Vec<S>| {
        Entity::find()
            .filter(Column::Status.is_in(statuses))
            .count(db)
    };
    Ok(Executions {
        succeeded: count(vec![S::Success]).await?,
        failed: count(vec![S::Failed]).await?,
        unfinished: count(vec![S::Pending, S::Running]).await?,
    })
}

/// `callback_logs` rows of one callback by `success`: (succeeded, failed).
pub(crate) async fn logged(
    db: &sea_orm::DatabaseConnection,
    callback: uuid::Uuid,
) -> anyhow::Result<(u64, u64)> {
    use entity::callback_logs::{Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let count = |success: bool| {
        Entity::find()
            .filter(Column::CallbackId.eq(callback))
            .filter(Column::Success.eq(success))
            .count(db)
    };
    Ok((count(true).await?, count(false).await?))
}

/// Nearest-rank percentile of sorted values.
pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The machine's 1-, 5- and 15-minute load averages (`/proc/loadavg`).
pub(crate) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// What wrk measured: its latency percentiles (over every response), the responses it
/// counted, those that were not 2xx or 3xx, and socket errors (connect, read, write,
/// timeout), over `seconds` of wall time as wrk measured them.
pub(crate) struct Wrk {
    pub(crate) p50: f64,
    pub(crate) p99: f64,
    pub(crate) responses: u64,
    pub(crate) non_2xx: u64,
    pub(crate) socket_errors: u64,
    pub(crate) seconds: f64,
}

/// Runs wrk: a POST of a small JSON body (the callbacks bench), or plain GETs.
pub(crate) fn wrk(url: &str, seconds: u64, connections: u32, post: bool) -> anyhow::Result<Wrk> {
    let mut command = std::process::Command::new("wrk");
    command.args([
        "-t2",
        &format!("-c{connections}"),
        &format!("-d{seconds}s"),
        "--latency",
    ]);
    if post {
        let script = std::env::temp_dir().join("vigil-bench-post.lua");
        std::fs::write(
            &script,
            "wrk.method = \"POST\"\nwrk.body = '{\"order\":{\"id\":7,\"customer\":\"Ada\"}}'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n",
        )?;
        command.arg("-s").arg(&script);
    }
    let output = command
        .arg(url)
        .output()
        .context("running wrk (apt-get install wrk)")?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let millis = |token: &str| -> f64 {
        let value = token.trim();
        if let Some(us) = value.strip_suffix("us") {
            us.parse::<f64>().unwrap_or(0.0) / 1000.0
        } else if let Some(ms) = value.strip_suffix("ms") {
            ms.parse().unwrap_or(0.0)
        } else if let Some(s) = value.strip_suffix('s') {
            s.parse::<f64>().unwrap_or(0.0) * 1000.0
        } else {
            0.0
        }
    };
    let (mut p50, mut p99, mut total, mut errors, mut socket, mut wall) = (0.0, 0.0, 0, 0, 0, 0.0);
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Socket errors:") {
            // "connect 0, read 0, write 0, timeout 12"
            socket = rest
                .split(',')
                .filter_map(|part| part.split_whitespace().nth(1)?.parse::<u64>().ok())
                .sum();
        } else if let Some(rest) = line.strip_prefix("50%") {
            p50 = millis(rest);
        } else if let Some(rest) = line.strip_prefix("99%") {
            p99 = millis(rest);
        } else if line.contains("requests in") {
            // "123456 requests in 10.00s, 12.34MB read"
            let mut words = line.split_whitespace();
            total = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            wall = words
                .nth(2)
                .map(|w| millis(w.trim_end_matches(',')) / 1000.0)
                .unwrap_or(0.0);
        } else if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            errors = rest.trim().parse().unwrap_or(0);
        }
    }
    if total == 0 || wall == 0.0 {
        bail!("wrk printed no request count: {text}");
    }
    Ok(Wrk {
        p50,
        p99,
        responses: total,
        non_2xx: errors,
        socket_errors: socket,
        seconds: wall,
    })
}

/// A quiet server (`log = warn`) on a fresh data directory and database, and a GraphQL client
/// of it.
pub(crate) async fn quiet_server(
    db: Db,
) -> anyhow::Result<(std::path::PathBuf, vigil::app::RunningApp, Client)> {
    quiet_server_in(db, vigil::config::Mode::SelfHosted).await
}

/// [`quiet_server`] in `mode` (`Cloud` bills: it meters every use and enforces plans).
pub(crate) async fn quiet_server_in(
    db: Db,
    mode: vigil::config::Mode,
) -> anyhow::Result<(std::path::PathBuf, vigil::app::RunningApp, Client)> {
    let (dir, mut settings) = quiet_settings(db).await?;
    settings.mode = mode;
    let state = vigil::app::build_state(settings).await?;
    let running = vigil::app::spawn(state).await?;
    let client = Client {
        http: reqwest::Client::new(),
        url: format!("{}/graphql", running.url()),
    };
    Ok((dir, running, client))
}

/// The settings of a quiet server on a fresh data directory and database (returned too).
pub(crate) async fn quiet_settings(
    db: Db,
) -> anyhow::Result<(std::path::PathBuf, vigil::config::Settings)> {
    let dir = std::env::temp_dir().join(format!("vigil-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let settings = vigil::config::Settings {
        bind: "127.0.0.1:0".into(),
        data_dir: dir.clone(),
        database_url: Some(database_url(db, &dir).await?),
        web_app: false,
        log: "warn".into(),
        // Loopback targets (the benches' upstreams) in cloud mode too.
        outbound_block_private: Some(false),
        ..Default::default()
    };
    Ok((dir, settings))
}
