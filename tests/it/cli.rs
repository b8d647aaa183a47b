//! The `vigil` binary: `serve` with no settings, `migrate`, `schema`, `secrets reseal`, where
//! settings come from (defaults, a TOML file, the environment, flags) and settings errors.

use std::path::Path;
use std::time::Duration;

use sea_orm::{ConnectionTrait, Database};
use vigil_tests::served::{free_port, vigil_command as vigil};
use vigil_tests::{Backend, Served, backends, fresh_postgres, temp_dir};

#[test]
fn schema_graphql_matches_the_code() {
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql"))
            .expect("schema.graphql at the repository root");
    let printed = vigil(&temp_dir("schema"))
        .arg("schema")
        .output()
        .expect("vigil schema");
    assert!(printed.status.success());
    let printed = String::from_utf8(printed.stdout).expect("utf-8");
    assert_eq!(
        printed,
        vigil::graphql::sdl(),
        "the binary prints the library's schema"
    );
    assert!(
        printed == committed,
        "schema.graphql is stale: regenerate it with `cargo run --bin vigil -- schema > schema.graphql`"
    );
}

/// Starts `vigil serve` in `dir` with no settings but a free port (and `DATABASE_URL` when
/// `database` is given), and waits until it is ready (bounded only by the suite's hang guard).
async fn serve(dir: &Path, database: Option<&str>) -> Served {
    let port = free_port();
    // The only setting is the port, so that the test does not depend on 8080 being free.
    let mut cmd = vigil(dir);
    cmd.args(["serve"])
        .env("VIGIL_BIND", format!("127.0.0.1:{port}"));
    if let Some(database) = database {
        cmd.env("DATABASE_URL", database);
    }
    Served::start_on(cmd, &dir.join("vigil.log"), &[port]).await
}

/// The database a served binary gets on `backend`: none for SQLite (its default file in the
/// data dir), a new PostgreSQL database (for `DATABASE_URL`) otherwise.
async fn postgres_for(backend: &Backend) -> Option<String> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres(admin) => {
            Some(fresh_postgres(admin).await.expect("a PostgreSQL database"))
        }
    }
}

/// With no settings the database is SQLite in `./data`; with only `DATABASE_URL`
/// (PostgreSQL), `./data` holds the master key and no SQLite file.
#[tokio::test]
async fn serve_with_no_settings_makes_its_data_dir_and_serves() {
    for backend in backends() {
        serve_with_no_settings_on(&backend).await;
    }
}

async fn serve_with_no_settings_on(backend: &Backend) {
    let dir = temp_dir("serve");
    let database = postgres_for(backend).await;
    let served = serve(&dir, database.as_deref()).await;
    let (client, port) = (&served.http, served.port);
    assert_eq!(
        dir.join("data/vigil.db").exists(),
        database.is_none(),
        "[{backend}] the SQLite database is in ./data, and only without DATABASE_URL"
    );
    let key = std::fs::read_to_string(dir.join("data/master.key")).expect("a generated master key");
    assert_eq!(base64_len(&key), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("data/master.key"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the master key is private");
    }
    // The migrations ran: the API works.
    let body: serde_json::Value = client
        .post(format!("http://127.0.0.1:{port}/graphql"))
        .json(&serde_json::json!({ "query": "{ me { id } }" }))
        .send()
        .await
        .expect("graphql")
        .json()
        .await
        .expect("json");
    assert!(body["data"]["me"].is_null());
    // GraphiQL for browsers: the web app's (the binary carries it, see it/webapp.rs), or a
    // page saying where it is when the binary was built without the app.
    let graphiql = client
        .get(format!("http://127.0.0.1:{port}/graphql"))
        .header("accept", "text/html")
        .send()
        .await
        .expect("graphiql");
    let at_app = graphiql.url().path() == "/graphiql";
    let html = graphiql.text().await.expect("html");
    assert!(at_app || html.contains("GraphiQL"), "{html}");

    // SIGTERM: a graceful stop with exit code 0.
    served.stop().await;
    if let Some(database) = database {
        drop_database(backend, &database).await;
    }
}

fn base64_len(text: &str) -> usize {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map(|b| b.len())
        .unwrap_or(0)
}

/// Runs `vigil serve` with one bad setting and returns what it printed.
fn refused(env: &[(&str, &str)], extra_args: &[&str]) -> String {
    let dir = temp_dir("badcfg");
    let mut cmd = vigil(&dir);
    cmd.args(extra_args)
        .arg("serve")
        .env("VIGIL_BIND", "127.0.0.1:1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("running vigil");
    assert!(!out.status.success(), "vigil accepted {env:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn wrong_settings_stop_start_up_with_a_message_naming_them() {
    assert!(refused(&[("VIGIL_BIND", "nonsense")], &[]).contains("bind"));
    assert!(refused(&[("VIGIL_SMTP_PORT", "lots")], &[]).contains("port"));
    assert!(refused(&[("DATABASE_URL", "mysql://x/y")], &[]).contains("database_url"));
    assert!(refused(&[("VIGIL_MASTER_KEY", "c2hvcnQ=")], &[]).contains("master_key"));
    assert!(refused(&[("VIGIL_BASE_URL", "ftp://example.com")], &[]).contains("base_url"));
    assert!(refused(&[("VIGIL_MODE", "party")], &[]).contains("mode"));
    // A trigger origin must be another origin than the app's, and an origin only.
    let same = [
        ("VIGIL_BASE_URL", "https://vigil.example.com"),
        ("VIGIL_TRIGGER_BASE_URL", "https://vigil.example.com/"),
    ];
    assert!(refused(&same, &[]).contains("trigger_base_url"));
    let with_path = [("VIGIL_TRIGGER_BASE_URL", "https://hooks.example.com/t")];
    assert!(refused(&with_path, &[]).contains("trigger_base_url"));
    assert!(refused(&[("VIGIL_SESSION_DAYS", "0")], &[]).contains("session_days"));

    let dir = temp_dir("toml");
    let file = dir.join("vigil.toml");
    std::fs::write(&file, "bind = \"127.0.0.1:1\"\nnot_a_setting = 3\n").expect("toml");
    let message = refused(&[], &["--config", file.to_str().expect("path")]);
    assert!(message.contains("not_a_setting"), "{message}");
    let missing = refused(&[], &["--config", "/nonexistent/vigil.toml"]);
    assert!(missing.contains("does not exist"), "{missing}");
}

#[tokio::test]
async fn migrate_up_status_and_down_from_the_command_line() {
    for backend in backends() {
        let database = postgres_for(&backend).await;
        migrate_from_the_command_line_on(database.as_deref());
        if let Some(database) = database {
            drop_database(&backend, &database).await;
        }
    }
}

/// `vigil migrate` on SQLite in `./data`, or on the PostgreSQL `database`.
fn migrate_from_the_command_line_on(database: Option<&str>) {
    let dir = temp_dir("migrate");
    let run = |args: &[&str]| {
        let mut cmd = vigil(&dir);
        if let Some(database) = database {
            cmd.env("DATABASE_URL", database);
        }
        let out = cmd.args(args).output().expect("vigil migrate");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    use migration::MigratorTrait;
    let total = migration::Migrator::migrations().len();
    let pending = run(&["migrate", "status"]);
    assert!(
        pending.contains("m20261122_000001_core\tPending"),
        "{pending}"
    );
    run(&["migrate", "up"]);
    let applied = run(&["migrate", "status"]);
    assert_eq!(applied.matches("Applied").count(), total, "{applied}");
    run(&["migrate", "down", "--steps", "1"]);
    let one_down = run(&["migrate", "status"]);
    assert_eq!(one_down.matches("Applied").count(), total - 1, "{one_down}");
    run(&["migrate", "down"]);
    assert_eq!(
        run(&["migrate", "status"]).matches("Pending").count(),
        total
    );
    assert_eq!(dir.join("data/vigil.db").exists(), database.is_none());
}

/// The README's set-up: `vigil serve` with the default, relative `./data` (its runner tools in
/// `./data/tools`, as `vigil runners install` puts them), and a k6 and a Playwright test run from
/// the editor to PASSED. Relative paths once reached the sandbox unresolved and every run ended
/// as ERROR.
#[tokio::test]
async fn the_default_relative_data_dir_runs_k6_and_playwright_tests_to_passed() {
    for backend in backends() {
        relative_data_dir_runs_on(&backend).await;
    }
}

async fn relative_data_dir_runs_on(backend: &Backend) {
    let dir = temp_dir("relative");
    std::fs::create_dir_all(dir.join("data")).expect("data dir");
    std::os::unix::fs::symlink(vigil_tests::tools_dir(), dir.join("data/tools"))
        .expect("linking the runner tools");
    let database = postgres_for(backend).await;
    let served = serve(&dir, database.as_deref()).await;
    let signed = gql(
        &served,
        None,
        "mutation { signUp(input: { email: \"ann@example.com\", password: \"correct horse battery\", name: \"Ann\" }) { token } }",
        serde_json::json!({}),
    )
    .await;
    let token = signed["signUp"]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let token = Some(token.as_str());
    let status = gql(
        &served,
        token,
        "{ runnerStatus { checked problems } }",
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status["runnerStatus"]["checked"], true);
    assert_eq!(
        status["runnerStatus"]["problems"],
        serde_json::json!([]),
        "{status}"
    );
    let org = gql(
        &served,
        token,
        "mutation { createOrganization(input: { name: \"Acme\" }) { projects { id } } }",
        serde_json::json!({}),
    )
    .await;
    let project = org["createOrganization"]["projects"][0]["id"].clone();
    let scripts = [
        (
            "PERFORMANCE",
            "import { check } from 'k6';\nexport default function () { check(1, { 'one is one': (v) => v === 1 }); }",
        ),
        (
            "CUSTOM",
            "import { test, expect } from '@playwright/test';\ntest('adds', async () => { expect(1 + 1).toBe(2); });",
        ),
    ];
    for (kind, script) in scripts {
        let created = gql(
                        &served,
                        token,
            "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
            serde_json::json!({ "i": { "projectId": project, "title": kind, "type": kind, "script": script } }),
        )
        .await;
        let run = gql(
            &served,
            token,
            "mutation($id: ID!) { runTest(id: $id) { id } }",
            serde_json::json!({ "id": created["createTest"]["id"] }),
        )
        .await;
        let id = run["runTest"]["id"].clone();
        let mut last = serde_json::Value::Null;
        // The server's own worker runs it; bounded at 5 minutes.
        for _ in 0..600 {
            last = gql(
                &served,
                token,
                "query($id: ID!) { run(id: $id) { status errorDetails logs } }",
                serde_json::json!({ "id": id }),
            )
            .await;
            if !matches!(last["run"]["status"].as_str(), Some("QUEUED" | "RUNNING")) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        assert_eq!(
            last["run"]["status"], "PASSED",
            "[{backend}] {kind}: {last}"
        );
    }
    served.stop().await;
    if let Some(database) = database {
        drop_database(backend, &database).await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn secrets_reseal_needs_the_master_key_and_reports_what_it_did() {
    for backend in backends() {
        let database = postgres_for(&backend).await;
        reseal_on(database.as_deref());
        if let Some(database) = database {
            drop_database(&backend, &database).await;
        }
    }
}

/// `vigil secrets reseal` on SQLite in the data dir, or on the PostgreSQL `database`.
fn reseal_on(database: Option<&str>) {
    let dir = temp_dir("reseal");
    let data = dir.join("data");
    let data = data.to_str().expect("utf-8 path");
    let vigil = |dir: &Path| {
        let mut cmd = vigil(dir);
        if let Some(database) = database {
            cmd.env("DATABASE_URL", database);
        }
        cmd
    };
    let out = vigil(&dir)
        .args(["secrets", "reseal", "--data-dir", data])
        .output()
        .expect("vigil secrets reseal");
    assert!(!out.status.success(), "no key, no reseal");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no master key"), "{stderr}");
    let migrated = vigil(&dir)
        .args(["migrate", "up", "--data-dir", data])
        .output()
        .expect("vigil migrate up");
    assert!(migrated.status.success());
    let out = vigil(&dir)
        .args(["secrets", "reseal", "--data-dir", data])
        .env(
            "VIGIL_MASTER_KEY",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        )
        .output()
        .expect("vigil secrets reseal");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("0 rows resealed"), "{stdout}");
}

/// The data of a GraphQL request to a served binary, which must succeed.
async fn gql(
    served: &Served,
    token: Option<&str>,
    query: &str,
    variables: serde_json::Value,
) -> serde_json::Value {
    served.gql(token, query, variables).await.ok()
}

/// A database for a served binary: a SQLite file in `dir`, or a new PostgreSQL database.
async fn database_for(backend: &Backend, dir: &Path, name: &str) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.join(name).display()),
        Backend::Postgres(admin) => fresh_postgres(admin).await.expect("a PostgreSQL database"),
    }
}

async fn drop_database(backend: &Backend, url: &str) {
    if let Backend::Postgres(admin) = backend
        && let Some(name) = url.rsplit('/').next().and_then(|n| n.split('?').next())
    {
        vigil_tests::drop_test_database(admin, name).await;
    }
}

/// Whether introspection answers on a served binary (it answers `__schema: null` when off).
async fn introspection_answers(served: &Served) -> bool {
    let data = served
        .gql(
            None,
            "{ __schema { queryType { name } } }",
            serde_json::json!({}),
        )
        .await
        .ok();
    data["__schema"]["queryType"]["name"].is_string()
}

/// Defaults < the TOML file < the environment < flags, each layer shown by a setting the one
/// above it leaves alone: `introspection` only in the file (off, against the default on);
/// `data_dir` and `database_url` in the file and the environment; `bind` in all three.
#[tokio::test]
async fn settings_come_from_defaults_then_the_file_then_the_environment_then_flags() {
    for backend in backends() {
        let dir = temp_dir("layers");
        let (file_port, env_port, flag_port) = (free_port(), free_port(), free_port());
        let env_database = database_for(&backend, &dir, "env.db").await;
        let file = dir.join("settings.toml");
        std::fs::write(
            &file,
            format!(
                "bind = \"127.0.0.1:{file_port}\"\ndata_dir = \"file-data\"\ndatabase_url = \"sqlite://{}?mode=rwc\"\nintrospection = false\n",
                dir.join("file.db").display()
            ),
        )
        .expect("the settings file");
        let mut cmd = vigil(&dir);
        cmd.args(["--config", file.to_str().expect("path"), "serve"])
            .args(["--bind", &format!("127.0.0.1:{flag_port}")])
            .env("VIGIL_BIND", format!("127.0.0.1:{env_port}"))
            .env("VIGIL_DATA_DIR", "env-data")
            .env("DATABASE_URL", &env_database);
        let served = Served::start_on(
            cmd,
            &dir.join("vigil.log"),
            &[file_port, env_port, flag_port],
        )
        .await;
        assert_eq!(served.port, flag_port, "[{backend}] the flag's bind wins");
        // The file's data_dir and database_url gave way to the environment's.
        assert!(
            dir.join("env-data/master.key").exists(),
            "[{backend}] the master key is generated into the environment's data_dir"
        );
        assert!(!dir.join("file-data").exists(), "[{backend}]");
        assert!(!dir.join("file.db").exists(), "[{backend}]");
        served
            .gql(
                None,
                "mutation { signUp(input: { email: \"layers@example.com\", password: \"correct horse battery\", name: \"L\" }) { token } }",
                serde_json::json!({}),
            )
            .await
            .ok();
        let db = Database::connect(&env_database).await.expect("connect");
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM \"user\" WHERE email = 'layers@example.com'",
            ))
            .await
            .expect("count")
            .expect("a row");
        assert_eq!(
            row.try_get::<i64>("", "n").expect("n"),
            1,
            "[{backend}] the account is in the environment's database"
        );
        let _ = db.close().await;
        // The file's introspection = false overrode the default.
        assert!(!introspection_answers(&served).await, "[{backend}]");
        served.stop().await;
        drop_database(&backend, &env_database).await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The TOML file is `--config`, else `VIGIL_CONFIG`, else `./vigil.toml` when it exists; only
/// one of them is read.
#[tokio::test]
async fn the_settings_file_is_the_flag_then_vigil_config_then_vigil_toml() {
    for backend in backends() {
        let dir = temp_dir("config-file");
        let database = database_for(&backend, &dir, "vigil.db").await;
        let (cwd_port, env_port, flag_port) = (free_port(), free_port(), free_port());
        // ./vigil.toml also turns introspection off, so that a merge of it would show.
        std::fs::write(
            dir.join("vigil.toml"),
            format!("bind = \"127.0.0.1:{cwd_port}\"\nintrospection = false\n"),
        )
        .expect("vigil.toml");
        let env_file = dir.join("from-env.toml");
        std::fs::write(&env_file, format!("bind = \"127.0.0.1:{env_port}\"\n")).expect("toml");
        let flag_file = dir.join("from-flag.toml");
        std::fs::write(&flag_file, format!("bind = \"127.0.0.1:{flag_port}\"\n")).expect("toml");
        let ports = [cwd_port, env_port, flag_port];
        let runs: [(Option<&Path>, Option<&Path>, u16, bool); 3] = [
            (Some(&flag_file), Some(&env_file), flag_port, true),
            (None, Some(&env_file), env_port, true),
            (None, None, cwd_port, false),
        ];
        for (flag, env, expected, introspection) in runs {
            let mut cmd = vigil(&dir);
            if let Some(flag) = flag {
                cmd.args(["--config", flag.to_str().expect("path")]);
            }
            cmd.arg("serve").env("DATABASE_URL", &database);
            if let Some(env) = env {
                cmd.env("VIGIL_CONFIG", env);
            }
            let served = Served::start_on(cmd, &dir.join("vigil.log"), &ports).await;
            assert_eq!(
                served.port, expected,
                "[{backend}] --config {flag:?}, VIGIL_CONFIG {env:?}"
            );
            assert_eq!(
                introspection_answers(&served).await,
                introspection,
                "[{backend}] --config {flag:?}, VIGIL_CONFIG {env:?}: ./vigil.toml is read only alone"
            );
            served.stop().await;
        }
        drop_database(&backend, &database).await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
