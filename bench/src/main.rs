//! Load benchmarks of a real Vigil server on loopback (see BENCHMARKS.md).
//!
//! `vigil-bench foundation --db sqlite|postgres` starts a server with the production argon2
//! parameters, fills it with one organization of 20 projects with 3 members each, and
//! measures, for 1 and 64 concurrent clients: `signIn`, and the nested query
//! `organizations { projects { members { user } } }`. It prints a Markdown table.

mod runs;

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
}

async fn foundation(db: Db, seconds: u64, clients: &[usize]) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("vigil-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let mut settings = vigil::config::Settings::default();
    settings.bind = "127.0.0.1:0".into();
    settings.data_dir = dir.clone();
    settings.database_url = Some(database_url(db, &dir).await?);
    settings.web_dir = dir.join("no-web");
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
    all.sort_unstable();
    let pct = |p: f64| {
        let idx = ((all.len() as f64 * p).ceil() as usize)
            .saturating_sub(1)
            .min(all.len().saturating_sub(1));
        all.get(idx).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Ok((all.len() as f64 / elapsed, pct(0.50), pct(0.99), all.len()))
}
