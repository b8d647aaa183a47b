//! Operating Vigil: `/readyz` saying what is not ready (a stalled worker loop, migrations
//! behind, an unreachable database), Prometheus `/metrics` with the series of docs/operations.md
//! and its token, JSON logs without secrets, and traces exported over OTLP/HTTP.

use std::time::Duration;

use entity::monitor_locations;
use sea_orm::{ConnectionTrait, EntityTrait, Statement};
use serde_json::{Value, json};
use vigil_tests::metrics::{scrape, value};
use vigil_tests::receivers::Receiver;
use vigil_tests::served::free_port;
use vigil_tests::target::Target;
use vigil_tests::{Deployment, TestApp, backends, eventually, postgres_or_skip};

/// `GET {url}/readyz` (with `host`, when given): the status and the JSON body.
async fn readyz(app: &TestApp, host: Option<&str>) -> (u16, Value) {
    let mut request = app.http.get(format!("{}/readyz", app.url));
    if let Some(host) = host {
        request = request.header("host", host);
    }
    let response = request.send().await.expect("GET /readyz");
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON body"))
}

fn problems(body: &Value) -> Vec<String> {
    body["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p.as_str().expect("a sentence").to_owned())
        .collect()
}

#[tokio::test]
async fn readyz_names_a_stalled_loop_and_migrations_behind_and_recovers() {
    const HOOKS: &str = "hooks.vigil.test";
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.trigger_base_url = Some(format!("http://{HOOKS}"));
        })
        .await;
        let (status, body) = readyz(&app, None).await;
        assert_eq!(status, 200, "[{backend}] {body}");
        assert_eq!(body["ready"], true);
        assert_eq!(body["database"], "ok");
        assert_eq!(body["migrations_pending"], 0);
        assert!(problems(&body).is_empty());
        // The trigger origin answers it too.
        let (status, _) = readyz(&app, Some(HOOKS)).await;
        assert_eq!(status, 200, "[{backend}] on the trigger origin");

        // A loop that stops turning: past its bound, the process is not ready, and says which.
        let loops = &app.state().heartbeats;
        loops.expect_within("test loop", Duration::from_millis(1));
        tokio::time::sleep(Duration::from_millis(20)).await;
        for host in [None, Some(HOOKS)] {
            let (status, body) = readyz(&app, host).await;
            assert_eq!(status, 503, "[{backend}] {host:?} {body}");
            assert_eq!(body["ready"], false);
            assert_eq!(body["stalled_loops"], json!(["test loop"]));
            let problems = problems(&body);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].starts_with("worker loop stalled: test loop"),
                "{problems:?}"
            );
        }
        // It turns again within its (new) bound: ready again.
        loops.expect("test loop", Duration::from_secs(1));
        assert_eq!(readyz(&app, None).await.0, 200, "[{backend}]");

        // The binary knows a migration the database has not applied.
        let db = app.db();
        let backend_kind = db.get_database_backend();
        let last = db
            .query_one_raw(Statement::from_string(
                backend_kind,
                "SELECT version, applied_at FROM seaql_migrations ORDER BY version DESC LIMIT 1",
            ))
            .await
            .expect("the migrations table")
            .expect("a migration");
        let version: String = last.try_get("", "version").expect("version");
        let applied_at: i64 = last.try_get("", "applied_at").expect("applied_at");
        db.execute_unprepared(&format!(
            "DELETE FROM seaql_migrations WHERE version = '{version}'"
        ))
        .await
        .expect("forgetting the last migration");
        let (status, body) = readyz(&app, None).await;
        assert_eq!(status, 503, "[{backend}] {body}");
        assert_eq!(body["migrations_pending"], 1);
        let problems = problems(&body);
        assert!(
            problems.len() == 1
                && problems[0].starts_with("migrations behind: the database lacks 1 migration"),
            "{problems:?}"
        );
        db.execute_unprepared(&format!(
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('{version}', {applied_at})"
        ))
        .await
        .expect("restoring the migration row");
        assert_eq!(readyz(&app, None).await.0, 200, "[{backend}]");
        app.stop().await;
    }
}

/// A loopback TCP relay to `upstream` that can be cut (listener and every connection) and
/// opened again on the same port: PostgreSQL going away and coming back, as the server sees it.
struct Relay {
    port: u16,
    upstream: String,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Relay {
    async fn start(upstream: &str) -> Relay {
        let mut relay = Relay {
            port: free_port(),
            upstream: upstream.to_owned(),
            task: None,
        };
        relay.open().await;
        relay
    }

    async fn open(&mut self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("binding the relay");
        let upstream = self.upstream.clone();
        self.task = Some(tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                connections.spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        }));
    }

    /// Closes the listener and every relayed connection (dropping the task drops them all).
    async fn cut(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }
}

#[tokio::test]
async fn readyz_says_the_database_is_unreachable_and_the_server_stays_up() {
    let Some(backend) = postgres_or_skip("readyz_says_the_database_is_unreachable") else {
        return;
    };
    let vigil_tests::Backend::Postgres(admin) = &backend else {
        unreachable!("postgres_or_skip gives PostgreSQL");
    };
    // The server reaches PostgreSQL through the relay: same database, the relay's port.
    let server = url::Url::parse(admin).expect("a URL");
    let upstream = format!(
        "{}:{}",
        server.host_str().expect("a host"),
        server.port().unwrap_or(5432)
    );
    let mut relay = Relay::start(&upstream).await;
    let port = relay.port;
    let app = TestApp::spawn_with(&backend, |s| {
        let mut relayed =
            url::Url::parse(s.database_url.as_deref().expect("a URL")).expect("a URL");
        relayed.set_host(Some("127.0.0.1")).expect("host");
        relayed.set_port(Some(port)).expect("port");
        s.database_url = Some(relayed.to_string());
    })
    .await;
    assert_eq!(readyz(&app, None).await.0, 200);

    relay.cut().await;
    let body = eventually("/readyz answering 503 without the database", || async {
        let (status, body) = readyz(&app, None).await;
        (status == 503).then_some(body)
    })
    .await;
    assert_eq!(body["database"], "unreachable");
    let problems = problems(&body);
    assert!(
        problems.len() == 1 && problems[0].starts_with("database unreachable"),
        "{problems:?}"
    );
    // Nothing of the database's own error text (hosts, ports) reaches the answer.
    assert!(
        !body.to_string().contains(&relay.port.to_string()),
        "{body}"
    );
    let health = app
        .http
        .get(format!("{}/healthz", app.url))
        .send()
        .await
        .expect("the server still answers");
    assert_eq!(health.status().as_u16(), 200);

    relay.open().await;
    eventually(
        "/readyz answering 200 once the database is back",
        || async { (readyz(&app, None).await.0 == 200).then_some(()) },
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn metrics_count_requests_operations_checks_and_triggers() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("metrics@example.com").await;
        let (_, project) = app.create_org(&user, "Metrics").await;
        let target = Target::start().await;
        app.gql(
            Some(&user.token),
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "measured", "type": "HTTP", "target": target.url("/ok") } }),
        )
        .await
        .ok();
        let upstream = Receiver::start().await;
        let created = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { triggerToken } }",
                json!({ "i": { "projectId": project, "name": "cached", "callbackUrl": upstream.url("/c"), "cachePeriod": 3600 } }),
            )
            .await
            .ok();
        let token = created["createCallback"]["triggerToken"]
            .as_str()
            .expect("a trigger token")
            .to_owned();

        let before = scrape(&app, None).await;
        for _ in 0..3 {
            app.gql(None, "query OpsMetricsProbe { __typename }", json!({}))
                .await
                .ok();
        }
        let broken = app
            .gql(None, "query OpsMetricsBroken { noSuchField }", json!({}))
            .await;
        assert!(broken.code().is_some(), "[{backend}] an error");
        for _ in 0..2 {
            let ok = app
                .http
                .get(format!("{}/healthz", app.url))
                .send()
                .await
                .expect("healthz");
            assert_eq!(ok.status().as_u16(), 200);
        }
        // The raw path holds the token; the series holds the route template.
        for _ in 0..2 {
            let answered = app
                .http
                .post(format!("{}/t/{token}", app.url))
                .body("same")
                .send()
                .await
                .expect("trigger");
            assert_eq!(answered.status().as_u16(), 200);
        }
        // The monitor's first slot, due now.
        monitor_locations::Entity::update_many()
            .col_expr(
                monitor_locations::Column::NextCheckAt,
                (chrono::Utc::now() - chrono::Duration::seconds(1)).into(),
            )
            .exec(app.db())
            .await
            .expect("making the check due");
        assert!(app.engine("default").tick().await.expect("a check") >= 1);
        let after = scrape(&app, None).await;

        let delta = |name: &str, labels: &[(&str, &str)]| {
            value(&after, name, labels) - value(&before, name, labels)
        };
        assert_eq!(
            delta(
                "vigil_graphql_operations_total",
                &[("operation", "OpsMetricsProbe"), ("outcome", "ok")]
            ),
            3.0,
            "[{backend}]"
        );
        assert_eq!(
            delta(
                "vigil_graphql_operations_total",
                &[("operation", "OpsMetricsBroken"), ("outcome", "error")]
            ),
            1.0,
            "[{backend}]"
        );
        let healthz = [("route", "/healthz"), ("method", "GET"), ("status", "2xx")];
        assert!(
            delta("vigil_http_requests_total", &healthz) >= 2.0,
            "[{backend}]"
        );
        assert!(
            delta("vigil_http_request_duration_seconds_count", &healthz) >= 2.0,
            "[{backend}]"
        );
        assert!(
            value(
                &after,
                "vigil_http_request_duration_seconds_bucket",
                &[("route", "/healthz"), ("le", "+Inf")]
            ) >= 2.0
        );
        let triggers = [
            ("route", "/t/{token}"),
            ("method", "POST"),
            ("status", "2xx"),
        ];
        assert!(
            delta("vigil_http_requests_total", &triggers) >= 2.0,
            "[{backend}]"
        );
        assert!(
            !after.keys().any(|series| series.contains(&token)),
            "a trigger token in a series"
        );
        assert!(delta("vigil_trigger_cache_total", &[("result", "miss")]) >= 1.0);
        assert!(delta("vigil_trigger_cache_total", &[("result", "hit")]) >= 1.0);
        assert!(delta("vigil_triggers_total", &[("outcome", "forwarded")]) >= 1.0);
        assert!(delta("vigil_triggers_total", &[("outcome", "cache_hit")]) >= 1.0);
        assert!(delta("vigil_monitor_checks_total", &[("result", "up")]) >= 1.0);
        assert!(
            delta(
                "vigil_monitor_claim_batch_size_count",
                &[("kind", "polling")]
            ) >= 1.0
        );
        assert!(
            delta(
                "vigil_monitor_schedule_lag_seconds_count",
                &[("kind", "polling")]
            ) >= 1.0
        );
        assert!(after.contains_key("vigil_run_queue_depth"), "[{backend}]");
        assert!(
            value(&after, "vigil_db_pool_connections", &[("state", "idle")])
                + value(&after, "vigil_db_pool_connections", &[("state", "in_use")])
                >= 1.0,
            "[{backend}]"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn metrics_ask_for_the_token_when_one_is_set() {
    const TOKEN: &str = "metrics-token-0123456789";
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.metrics.token = Some(TOKEN.into());
        })
        .await;
        for auth in [None, Some("Bearer wrong-token-0123456789"), Some(TOKEN)] {
            let mut request = app.http.get(format!("{}/metrics", app.url));
            if let Some(auth) = auth {
                request = request.header("authorization", auth);
            }
            let response = request.send().await.expect("GET /metrics");
            assert_eq!(response.status().as_u16(), 401, "[{backend}] {auth:?}");
            assert!(!response.text().await.expect("body").contains("vigil_"));
        }
        let samples = scrape(&app, Some(TOKEN)).await;
        assert!(
            samples
                .keys()
                .any(|s| s.starts_with("vigil_http_requests_total"))
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn json_logs_parse_hold_no_secrets_and_traces_reach_the_collector() {
    const METRICS_TOKEN: &str = "metrics-token-abcdefghijklmnop";
    const PASSWORD: &str = "a secret password 1234";
    let backend = vigil_tests::Backend::Sqlite;
    let deployment = Deployment::new(&backend).await;
    let collector = Receiver::start().await;
    let served = deployment
        .process("json")
        .env("VIGIL_LOG_FORMAT", "json")
        .env("VIGIL_LOG", "info,vigil=debug")
        .env("VIGIL_METRICS_TOKEN", METRICS_TOKEN)
        .env("VIGIL_OTLP_ENDPOINT", &collector.url("/v1/traces"))
        .env("VIGIL_OTLP_SERVICE_NAME", "vigil-ops-test")
        .start()
        .await;
    let signed_up = served
        .gql(
            None,
            "mutation($i: SignUpInput!) { signUp(input: $i) { token } }",
            json!({ "i": { "email": "logs@example.com", "password": PASSWORD, "name": "Logs" } }),
        )
        .await
        .ok();
    let session = signed_up["signUp"]["token"]
        .as_str()
        .expect("a session")
        .to_owned();
    let metrics = served
        .http
        .get(format!("{}/metrics", served.url))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .expect("GET /metrics");
    assert_eq!(metrics.status().as_u16(), 200);
    served.stop().await;
    let log = std::fs::read_to_string(deployment.dir.join("json.log")).expect("the log");

    let lines: Vec<Value> = log
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let serving = lines
        .iter()
        .find(|l| l["message"] == "Vigil is serving")
        .unwrap_or_else(|| panic!("no start-up line in {log}"));
    assert_eq!(serving["level"], "INFO");
    assert!(serving["timestamp"].is_string());
    for secret in [METRICS_TOKEN, PASSWORD, session.as_str()] {
        assert!(!log.contains(secret), "a secret in the log");
    }

    // Spans went to the collector as OTLP/HTTP protobuf, flushed at the latest on SIGTERM.
    let exports = collector.wait_for(1).await;
    let export = &exports[0];
    assert_eq!(export.method, "POST");
    assert_eq!(export.path, "/v1/traces");
    assert_eq!(
        export.header("content-type"),
        Some("application/x-protobuf")
    );
    let body: Vec<u8> = exports.iter().flat_map(|e| e.body.clone()).collect();
    let holds = |needle: &str| body.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(holds("vigil-ops-test"), "the service name");
    assert!(holds("/graphql"), "the route of a request span");
    for secret in [METRICS_TOKEN, PASSWORD, session.as_str()] {
        assert!(!holds(secret), "a secret in the traces");
    }
    deployment.remove().await;
}

/// The environment a service of `compose.yaml` gives its process: the shared `x-vigil-env`
/// block merged (`<<`) with the service's own variables.
fn compose_environment(compose: &Value, service: &str) -> Env {
    let mut env = Vec::new();
    let mut add = |map: &Value| {
        for (key, value) in map.as_object().into_iter().flatten() {
            if key == "<<" {
                continue;
            }
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            env.retain(|(k, _): &(String, String)| k != key);
            env.push((key.clone(), value));
        }
    };
    let own = &compose["services"][service]["environment"];
    // A YAML reader that applies merge keys has put the shared block's keys in already; one
    // that does not keeps it under "<<".
    add(&compose["x-vigil-env"]);
    add(&own["<<"]);
    add(own);
    env
}

/// Variables as (name, value).
type Env = Vec<(String, String)>;

/// The `ENV` settings of the Dockerfile stage `target` and of the stages it is built `FROM`
/// (`ENV A=1 \` continued on the next lines).
fn dockerfile_environment(dockerfile: &str, target: &str) -> Env {
    // (stage name, what it is built from, its ENV)
    let mut stages: Vec<(String, String, Env)> = Vec::new();
    let mut continued = false;
    for line in dockerfile.lines() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("FROM ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let name = words
                .iter()
                .position(|w| w.eq_ignore_ascii_case("AS"))
                .and_then(|i| words.get(i + 1))
                .map_or(String::new(), |n| (*n).to_owned());
            stages.push((name, words[0].to_owned(), Vec::new()));
            continued = false;
            continue;
        }
        let assignments = if let Some(rest) = trimmed.strip_prefix("ENV ") {
            Some(rest)
        } else if continued {
            Some(trimmed)
        } else {
            None
        };
        if let Some(text) = assignments {
            continued = text.ends_with('\\');
            let stage = stages.last_mut().expect("ENV after FROM");
            for pair in text.trim_end_matches('\\').split_whitespace() {
                if let Some((key, value)) = pair.split_once('=') {
                    stage.2.push((key.to_owned(), value.to_owned()));
                }
            }
        } else {
            continued = false;
        }
    }
    let mut env = Vec::new();
    let mut stage = target.to_owned();
    while let Some((_, base, own)) = stages.iter().find(|(name, _, _)| *name == stage) {
        env.splice(0..0, own.iter().cloned());
        stage = base.clone();
    }
    env
}

/// `compose.yaml` and the `Dockerfile` cannot be run here (no container engine), so their
/// settings are: an api process and two worker processes started with exactly the variables
/// the files give them (every name, and every value that does not name a path or host inside
/// a container) on one PostgreSQL database. Settings refuse unknown names, so a misspelt
/// variable would stop the process. Each must answer the health check the files name, log
/// JSON, and run the loops of its role.
#[tokio::test]
async fn the_compose_file_and_the_dockerfile_settings_run_an_api_and_two_workers() {
    let Some(backend) =
        postgres_or_skip("the_compose_file_and_the_dockerfile_settings_run_an_api_and_two_workers")
    else {
        return;
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let compose: Value = serde_saphyr::from_str(
        &std::fs::read_to_string(root.join("compose.yaml")).expect("compose.yaml"),
    )
    .expect("compose.yaml parses");
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).expect("Dockerfile");
    let health: Vec<String> = compose["x-vigil"]["healthcheck"]["test"]
        .as_array()
        .expect("the health check")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let health_path = health
        .iter()
        .find_map(|arg| arg.strip_prefix("http://127.0.0.1:8080"))
        .expect("the health check's URL")
        .to_owned();
    assert_eq!(
        compose["services"]["worker"]["deploy"]["replicas"], 2,
        "two workers"
    );

    let names = |target: &str| -> Vec<String> {
        dockerfile_environment(&dockerfile, target)
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    };
    assert!(
        names("api").contains(&"VIGIL_BIND".to_owned()),
        "{:?}",
        names("api")
    );
    assert!(
        names("worker").contains(&"VIGIL_BIND".to_owned())
            && names("worker").contains(&"VIGIL_RUNNER_TOOLS_DIR".to_owned()),
        "the worker image is built on the api image: {:?}",
        names("worker")
    );

    let deployment = Deployment::new(&backend).await;
    let artifacts = deployment.dir.join("artifacts");
    let mut processes = Vec::new();
    for (service, name) in [
        ("api", "api"),
        ("worker", "worker-1"),
        ("worker", "worker-2"),
    ] {
        let target = compose["services"][service]["build"]["target"]
            .as_str()
            .expect("a build target");
        let mut serve = deployment.process(name);
        for (key, value) in dockerfile_environment(&dockerfile, target)
            .into_iter()
            .chain(compose_environment(&compose, service))
        {
            // What names the container's paths, host or secrets gets the test's own.
            let value = match key.as_str() {
                "DATABASE_URL" => deployment.database_url.clone(),
                "VIGIL_MASTER_KEY" | "VIGIL_BIND" | "VIGIL_DATA_DIR" | "VIGIL_RUNNER_TOOLS_DIR" => {
                    continue;
                }
                "VIGIL_STORAGE_LOCAL_DIR" => artifacts.display().to_string(),
                "VIGIL_BASE_URL" => "http://localhost:8080".to_owned(),
                _ => {
                    assert!(!value.contains("${"), "{key}={value} is substituted above");
                    value
                }
            };
            serve = serve.env(&key, &value);
        }
        processes.push((service, serve.start().await));
    }
    for (service, process) in &processes {
        let answer = process
            .http
            .get(format!("{}{health_path}", process.url))
            .send()
            .await
            .expect("the health check");
        assert_eq!(answer.status(), 200, "{service}: {health_path}");
        let ready: Value = answer.json().await.expect("json");
        assert_eq!(ready["ready"], true, "{service}: {ready}");
        let loops = ready["worker_loops"].as_u64().expect("worker_loops");
        if *service == "api" {
            assert_eq!(loops, 0, "the api runs no worker loop: {ready}");
        } else {
            assert!(loops > 0, "a worker runs its loops: {ready}");
        }
        let log = process.log();
        let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(!lines.is_empty(), "{service} logged");
        for line in lines {
            serde_json::from_str::<Value>(line)
                .unwrap_or_else(|_| panic!("{service} logs JSON, not {line:?}"));
        }
    }
    for (_, process) in processes {
        process.stop().await;
    }
    deployment.remove().await;
}
