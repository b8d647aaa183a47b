//! The monitoring engine against real servers on loopback: checks of every type, thresholds,
//! heartbeats, aggregates, retention, leases across replicas, and live results.

use chrono::{Duration, Utc};
use entity::{monitor_aggregates, monitor_locations, monitor_results, monitors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::snapshot::{audit_rows, uuid};
use vigil_tests::target::{Target, closed_port, tls_target};
use vigil_tests::{TestApp, TestUser, Ws, backends};

const CREATE: &str = "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id status heartbeatUrl config } }";

async fn create(app: &TestApp, user: &TestUser, input: Value) -> String {
    app.gql(Some(&user.token), CREATE, json!({ "i": input }))
        .await
        .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor id")
        .to_owned()
}

/// Makes every schedule row of `monitor` due now.
async fn due(app: &TestApp, monitor: &str) {
    monitor_locations::Entity::update_many()
        .col_expr(
            monitor_locations::Column::NextCheckAt,
            (Utc::now() - Duration::seconds(1)).into(),
        )
        .filter(monitor_locations::Column::MonitorId.eq(uuid(monitor)))
        .exec(app.db())
        .await
        .expect("make due");
}

async fn latest(app: &TestApp, monitor: &str) -> monitor_results::Model {
    monitor_results::Entity::find()
        .filter(monitor_results::Column::MonitorId.eq(uuid(monitor)))
        .order_by_desc(monitor_results::Column::Id)
        .one(app.db())
        .await
        .expect("db")
        .expect("a result")
}

async fn status(app: &TestApp, monitor: &str) -> monitors::MonitorStatus {
    monitors::Entity::find_by_id(uuid(monitor))
        .one(app.db())
        .await
        .expect("db")
        .expect("monitor")
        .status
}

/// Makes `monitor` due, runs one engine step, and returns its newest result.
async fn check(app: &TestApp, monitor: &str) -> monitor_results::Model {
    due(app, monitor).await;
    let done = app.engine("default").tick().await.expect("tick");
    assert!(done >= 1, "nothing was checked");
    latest(app, monitor).await
}

async fn setup(backend: &vigil_tests::Backend) -> (TestApp, TestUser, String) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("watcher@example.com").await;
    let (_, project) = app.create_org(&user, "Watchers").await;
    (app, user, project)
}

#[tokio::test]
async fn http_checks_status_keyword_json_and_timeout() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;

        let ok = create(&app, &user, json!({ "projectId": project, "name": "ok", "type": "HTTP", "target": target.url("/ok"), "frequencyMinutes": 1 })).await;
        let result = check(&app, &ok).await;
        assert!(result.is_up, "[{backend}] {:?}", result.details);
        assert_eq!(result.details.as_ref().expect("details")["statusCode"], 200);
        assert!(result.response_time_ms.is_some());
        assert_eq!(status(&app, &ok).await, monitors::MonitorStatus::Up);

        let failing = create(&app, &user, json!({ "projectId": project, "name": "500", "type": "HTTP", "target": target.url("/status/500") })).await;
        let result = check(&app, &failing).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "status"
        );
        assert_eq!(status(&app, &failing).await, monitors::MonitorStatus::Down);

        // 500 is fine when expected.
        let expected = create(&app, &user, json!({ "projectId": project, "name": "5xx ok", "type": "HTTP", "target": target.url("/status/503"), "http": { "expectedStatusCodes": ["5xx"] } })).await;
        assert!(check(&app, &expected).await.is_up);

        let keyword = create(&app, &user, json!({ "projectId": project, "name": "kw", "type": "HTTP", "target": target.url("/ok"), "http": { "keyword": "healthy" } })).await;
        assert!(check(&app, &keyword).await.is_up);
        let missing = create(&app, &user, json!({ "projectId": project, "name": "kw2", "type": "HTTP", "target": target.url("/ok"), "http": { "keyword": "on fire" } })).await;
        let result = check(&app, &missing).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "keyword"
        );
        let absent = create(&app, &user, json!({ "projectId": project, "name": "kw3", "type": "HTTP", "target": target.url("/ok"), "http": { "keyword": "error", "keywordMode": "ABSENT" } })).await;
        assert!(check(&app, &absent).await.is_up);

        let json_ok = create(&app, &user, json!({ "projectId": project, "name": "json", "type": "HTTP", "target": target.url("/json"), "http": { "jsonPath": "$.items[0].name", "jsonExpected": "first" } })).await;
        let result = check(&app, &json_ok).await;
        assert!(result.is_up, "{:?}", result.details);
        assert_eq!(
            result.details.as_ref().expect("details")["jsonValue"],
            "first"
        );
        let json_bad = create(&app, &user, json!({ "projectId": project, "name": "json2", "type": "HTTP", "target": target.url("/json"), "http": { "jsonPath": "$.status", "jsonExpected": "degraded" } })).await;
        let result = check(&app, &json_bad).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "json"
        );

        let slow = create(&app, &user, json!({ "projectId": project, "name": "slow", "type": "HTTP", "target": target.url("/slow/120000"), "http": { "timeoutSeconds": 1 } })).await;
        let result = check(&app, &slow).await;
        assert_eq!(result.status, monitor_results::MonitorResultStatus::Timeout);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "timeout"
        );

        // Basic auth is sent, and its password is never shown.
        let auth = create(&app, &user, json!({ "projectId": project, "name": "auth", "type": "HTTP", "target": target.url("/m/auth"), "http": { "auth": { "type": "BASIC", "username": "ann", "password": "s3cret-pw" } } })).await;
        assert!(check(&app, &auth).await.is_up);
        // base64("ann:s3cret-pw"): the stored, sealed password is opened and sent as entered.
        assert_eq!(
            target.auth_headers(),
            vec!["Basic YW5uOnMzY3JldC1wdw==".to_owned()],
            "[{backend}]"
        );
        let shown = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { config } }",
                json!({ "id": auth }),
            )
            .await;
        assert!(
            !shown.body.to_string().contains("s3cret-pw"),
            "{}",
            shown.body
        );
        assert_eq!(
            shown.body["data"]["monitor"]["config"]["http"]["auth"]["password"],
            "********"
        );

        // Refused connections are down with a connect error.
        let refused = create(&app, &user, json!({ "projectId": project, "name": "closed", "type": "HTTP", "target": format!("http://127.0.0.1:{}/", closed_port()) })).await;
        let result = check(&app, &refused).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "connect"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn website_certificate_expiry_and_tcp_ports() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let tls = tls_target(5).await;
        let site = create(
            &app,
            &user,
            json!({
                "projectId": project, "name": "site", "type": "WEBSITE",
                "target": format!("https://localhost:{}/", tls.port()),
                "http": { "ignoreTlsErrors": true },
                "tls": { "expiryDays": 14 }
            }),
        )
        .await;
        let result = check(&app, &site).await;
        assert!(result.is_up, "[{backend}] {:?}", result.details);
        let details = result.details.expect("details");
        let days = details["certificateDaysLeft"].as_i64().expect("days left");
        assert!((4..=5).contains(&days), "{days}");
        assert_eq!(details["certificateExpiring"], true);
        // Without ignoreTlsErrors the self-signed certificate fails the check.
        let strict = create(&app, &user, json!({ "projectId": project, "name": "strict", "type": "WEBSITE", "target": format!("https://localhost:{}/", tls.port()) })).await;
        let result = check(&app, &strict).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "tls"
        );

        let target = Target::start().await;
        let open = create(&app, &user, json!({ "projectId": project, "name": "open port", "type": "PORT", "target": "127.0.0.1", "port": { "port": target.addr.port() } })).await;
        assert!(check(&app, &open).await.is_up);
        let closed = create(&app, &user, json!({ "projectId": project, "name": "closed port", "type": "PORT", "target": "127.0.0.1", "port": { "port": closed_port(), "timeoutSeconds": 2 } })).await;
        let result = check(&app, &closed).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "connect"
        );
        let tls_port = create(&app, &user, json!({ "projectId": project, "name": "tls port", "type": "PORT", "target": "localhost", "port": { "port": tls.port(), "tls": true } })).await;
        assert!(check(&app, &tls_port).await.is_up);

        // Ping says which method ran (ICMP where the process may, TCP otherwise), and is up
        // exactly when the host answers that way: loopback always answers an ICMP echo; over
        // TCP it answers when something listens on its port 443 or 80.
        let ping = create(
            &app,
            &user,
            json!({ "projectId": project, "name": "ping", "type": "PING", "target": "127.0.0.1" }),
        )
        .await;
        let result = check(&app, &ping).await;
        let method = result.details.as_ref().expect("details")["method"]
            .as_str()
            .map(str::to_owned);
        match method.as_deref() {
            Some("icmp") => {
                assert!(result.is_up, "[{backend}] {:?}", result.details);
                // A documentation address (TEST-NET-3) never answers an echo: no answer at
                // all, or a router's "destination unreachable", which is not a reply (or, with
                // no route for ICMP, no TCP answer either).
                let silent = create(&app, &user, json!({ "projectId": project, "name": "silent", "type": "PING", "target": "203.0.113.7", "ping": { "timeoutSeconds": 1 } })).await;
                let result = check(&app, &silent).await;
                assert!(!result.is_up, "[{backend}] {:?}", result.details);
                let class = result.details.as_ref().expect("details")["errorClass"].clone();
                assert!(
                    class == "timeout" || class == "unreachable" || class == "connect",
                    "[{backend}] {:?}",
                    result.details
                );
                assert_eq!(status(&app, &silent).await, monitors::MonitorStatus::Down);
            }
            Some("tcp") => {
                let answers = [443u16, 80]
                    .iter()
                    .any(|port| std::net::TcpStream::connect(("127.0.0.1", *port)).is_ok());
                assert_eq!(result.is_up, answers, "[{backend}] {:?}", result.details);
                if !answers {
                    assert_eq!(
                        result.details.as_ref().expect("details")["errorClass"],
                        "connect"
                    );
                }
            }
            other => panic!("[{backend}] no ping method: {other:?} {:?}", result.details),
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn heartbeats_on_time_failed_and_late() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let created = app
            .gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "nightly", "type": "HEARTBEAT", "frequencyMinutes": 60, "heartbeat": { "gracePeriodMinutes": 10 } } }))
            .await
            .ok();
        let id = created["createMonitor"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let url = created["createMonitor"]["heartbeatUrl"]
            .as_str()
            .expect("url")
            .to_owned();
        let path = url
            .split_once("/ping/")
            .map(|(_, t)| format!("{}/ping/{t}", app.url))
            .expect("ping path");
        // Nothing is due before the deadline.
        assert_eq!(app.engine("default").tick().await.expect("tick"), 0);

        let response = app
            .http
            .post(&path)
            .body("backup done")
            .send()
            .await
            .expect("ping");
        assert_eq!(response.status().as_u16(), 200);
        let result = latest(&app, &id).await;
        assert!(result.is_up);
        assert_eq!(status(&app, &id).await, monitors::MonitorStatus::Up);
        let slot = monitor_locations::Entity::find()
            .filter(monitor_locations::Column::MonitorId.eq(uuid(&id)))
            .one(app.db())
            .await
            .expect("db")
            .expect("slot");
        assert_eq!(
            slot.next_check_at,
            result.checked_at + Duration::minutes(70),
            "[{backend}] the deadline is the ping's time plus period and grace"
        );

        // /start then /fail.
        assert_eq!(
            app.http
                .get(format!("{path}/start"))
                .send()
                .await
                .expect("start")
                .status()
                .as_u16(),
            200
        );
        assert_eq!(
            app.http
                .post(format!("{path}/fail"))
                .body("exit 3")
                .send()
                .await
                .expect("fail")
                .status()
                .as_u16(),
            200
        );
        let result = latest(&app, &id).await;
        assert!(!result.is_up);
        assert_eq!(result.details.as_ref().expect("details")["ping"], "fail");
        assert_eq!(status(&app, &id).await, monitors::MonitorStatus::Down);

        // On time again, then late: the deadline passes without a ping.
        app.http.get(&path).send().await.expect("ping");
        assert_eq!(status(&app, &id).await, monitors::MonitorStatus::Up);
        due(&app, &id).await;
        assert_eq!(app.engine("default").tick().await.expect("tick"), 1);
        let result = latest(&app, &id).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.as_ref().expect("details")["errorClass"],
            "heartbeat"
        );
        assert_eq!(status(&app, &id).await, monitors::MonitorStatus::Down);

        // Unknown tokens are 404 and write nothing.
        let before = app.count("monitor_results").await;
        assert_eq!(
            app.http
                .get(format!("{}/ping/not-a-token", app.url))
                .send()
                .await
                .expect("ping")
                .status()
                .as_u16(),
            404
        );
        assert_eq!(app.count("monitor_results").await, before);
        app.stop().await;
    }
}

#[tokio::test]
async fn thresholds_decide_down_and_recovery() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let id = create(&app, &user, json!({
            "projectId": project, "name": "flappy", "type": "HTTP", "target": target.url("/m/flappy"),
            "alert": { "failureThreshold": 3, "recoveryThreshold": 2 }
        }))
        .await;
        assert!(check(&app, &id).await.is_up);
        target.set("flappy", 500, "broken");
        for n in 1..=2 {
            let r = check(&app, &id).await;
            assert_eq!(r.consecutive_failure_count, n);
            assert_eq!(
                status(&app, &id).await,
                monitors::MonitorStatus::Up,
                "[{backend}] still up after {n} failures"
            );
        }
        let third = check(&app, &id).await;
        assert!(third.is_status_change);
        assert_eq!(status(&app, &id).await, monitors::MonitorStatus::Down);
        target.set("flappy", 200, "fine");
        assert!(!check(&app, &id).await.is_status_change);
        assert_eq!(
            status(&app, &id).await,
            monitors::MonitorStatus::Down,
            "one success is not a recovery"
        );
        let second = check(&app, &id).await;
        assert!(second.is_status_change);
        assert_eq!(second.consecutive_success_count, 2);
        assert_eq!(status(&app, &id).await, monitors::MonitorStatus::Up);
        app.stop().await;
    }
}

#[tokio::test]
async fn aggregates_equal_the_figures_of_the_raw_results() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let id = create(&app, &user, json!({ "projectId": project, "name": "agg", "type": "HTTP", "target": target.url("/m/agg") })).await;
        for i in 0..12 {
            target.set("agg", if i % 4 == 3 { 500 } else { 200 }, "x");
            check(&app, &id).await;
        }
        vigil::monitor::maintenance::run_once(app.db(), Utc::now() - Duration::hours(1))
            .await
            .expect("upkeep");
        let raw = monitor_results::Entity::find()
            .filter(monitor_results::Column::MonitorId.eq(uuid(&id)))
            .all(app.db())
            .await
            .expect("raw");
        assert_eq!(raw.len(), 12);
        let rows: Vec<(bool, Option<i32>, bool)> = raw
            .iter()
            .map(|r| (r.is_up, r.response_time_ms, r.is_status_change))
            .collect();
        let expected = vigil::monitor::aggregate::figures(&rows);
        assert_eq!(expected.successful, 9);
        let aggregates = monitor_aggregates::Entity::find()
            .filter(monitor_aggregates::Column::MonitorId.eq(uuid(&id)))
            .all(app.db())
            .await
            .expect("aggregates");
        // Hourly and daily, for the location and for all locations (unless the checks
        // straddled an hour, which only adds rows).
        assert!(aggregates.len() >= 4, "{}", aggregates.len());
        for period in [
            monitor_aggregates::AggregationPeriod::Hourly,
            monitor_aggregates::AggregationPeriod::Daily,
        ] {
            for location in ["default", "global"] {
                let mine: Vec<&monitor_aggregates::Model> = aggregates
                    .iter()
                    .filter(|a| a.period_type == period && a.location == location)
                    .collect();
                let total: i32 = mine.iter().map(|a| a.total_checks).sum();
                let up: i32 = mine.iter().map(|a| a.successful_checks).sum();
                let changes: i32 = mine.iter().map(|a| a.status_change_count).sum();
                assert_eq!(
                    (total, up, changes),
                    (expected.total, expected.successful, expected.status_changes),
                    "[{backend}] {period:?} {location}"
                );
                if mine.len() == 1 {
                    let a = mine[0];
                    assert_eq!(
                        (
                            a.min_response_ms,
                            a.max_response_ms,
                            a.avg_response_ms,
                            a.p50_response_ms,
                            a.p95_response_ms,
                            a.p99_response_ms
                        ),
                        (
                            expected.min,
                            expected.max,
                            expected.avg,
                            expected.p50,
                            expected.p95,
                            expected.p99
                        ),
                        "[{backend}] {period:?} {location}"
                    );
                    assert!((a.uptime_percentage - expected.uptime).abs() < 1e-9);
                }
            }
        }
        let uptime = app
            .gql(Some(&user.token), "query($id: ID!) { monitor(id: $id) { uptimes { day week month quarter } dailyUptime(days: 3) { checks uptime } responseTimes(range: HOUR) { checks avgMs } } }", json!({ "id": id }))
            .await
            .ok();
        let day = uptime["monitor"]["uptimes"]["day"]
            .as_f64()
            .expect("24 h uptime");
        assert!((day - 75.0).abs() < 1e-9, "{day}");
        assert_eq!(
            uptime["monitor"]["uptimes"]["quarter"]
                .as_f64()
                .map(|v| (v * 100.0).round()),
            Some(7500.0)
        );
        assert_eq!(
            uptime["monitor"]["dailyUptime"].as_array().map(Vec::len),
            Some(3)
        );
        assert_eq!(uptime["monitor"]["dailyUptime"][2]["checks"], 12);
        let points: i64 = uptime["monitor"]["responseTimes"]
            .as_array()
            .expect("series")
            .iter()
            .map(|b| b["checks"].as_i64().unwrap_or(0))
            .sum();
        assert_eq!(points, 12);
        app.stop().await;
    }
}

#[tokio::test]
async fn retention_drops_old_results_by_plan() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let id = create(&app, &user, json!({ "projectId": project, "name": "old", "type": "HTTP", "target": target.url("/ok") })).await;
        check(&app, &id).await;
        check(&app, &id).await;
        // Age one result beyond the free plan's 7 days, and the organization to the free plan.
        let old = latest(&app, &id).await;
        let mut aged: monitor_results::ActiveModel = old.clone().into();
        aged.checked_at = Set(Utc::now() - Duration::days(8));
        aged.update(app.db()).await.expect("age");
        let monitor = monitors::Entity::find_by_id(uuid(&id))
            .one(app.db())
            .await
            .expect("db")
            .expect("monitor");
        let mut org: entity::organization::ActiveModel =
            entity::organization::Entity::find_by_id(monitor.organization_id)
                .one(app.db())
                .await
                .expect("db")
                .expect("org")
                .into();
        org.subscription_plan = Set(Some("free".into()));
        org.update(app.db()).await.expect("plan");
        let done = vigil::monitor::maintenance::run_once(app.db(), Utc::now())
            .await
            .expect("upkeep");
        assert_eq!(done.results_deleted, 1, "[{backend}]");
        assert!(
            monitor_results::Entity::find_by_id(old.id)
                .one(app.db())
                .await
                .expect("db")
                .is_none()
        );
        assert_eq!(
            monitor_results::Entity::find()
                .filter(monitor_results::Column::MonitorId.eq(uuid(&id)))
                .count(app.db())
                .await
                .expect("count"),
            1
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn two_engines_on_one_database_never_check_the_same_monitor_twice() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let mut ids = Vec::new();
        for i in 0..30 {
            // Daily checks: a monitor's next slot falls inside the test's second once in 86,400.
            ids.push(create(&app, &user, json!({ "projectId": project, "name": format!("m{i}"), "type": "HTTP", "target": target.url(&format!("/m/lease{i}")), "frequencyMinutes": 1440 })).await);
        }
        // A second replica: another server process state on the same database.
        let other = vigil::app::build_state_with(
            app.state().settings.clone(),
            vigil::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher"),
        )
        .await
        .expect("second state");
        let a = app.engine("default");
        let b = vigil::monitor::engine::Engine::new(other, "default").expect("engine");
        for round in 1..=3u32 {
            for id in &ids {
                due(&app, id).await;
            }
            let (ra, rb) = tokio::join!(a.tick(), b.tick());
            let (ra, rb) = (ra.expect("a"), rb.expect("b"));
            assert_eq!(ra + rb, 30, "[{backend}] round {round}: {ra} + {rb}");
            for i in 0..30 {
                assert_eq!(
                    target.hits(&format!("lease{i}")),
                    round,
                    "[{backend}] monitor {i} in round {round}"
                );
            }
        }
        assert_eq!(app.count("monitor_results").await, 90);
        // A dead replica's claim: expired leases are taken over, live ones are not.
        due(&app, &ids[0]).await;
        monitor_locations::Entity::update_many()
            .col_expr(
                monitor_locations::Column::ClaimedBy,
                Some("dead-replica".to_owned()).into(),
            )
            .col_expr(
                monitor_locations::Column::ClaimedUntil,
                Some(Utc::now() + Duration::minutes(5)).into(),
            )
            .filter(monitor_locations::Column::MonitorId.eq(uuid(&ids[0])))
            .exec(app.db())
            .await
            .expect("claim");
        assert_eq!(
            a.tick().await.expect("tick"),
            0,
            "a live lease is respected"
        );
        monitor_locations::Entity::update_many()
            .col_expr(
                monitor_locations::Column::ClaimedUntil,
                Some(Utc::now() - Duration::seconds(1)).into(),
            )
            .filter(monitor_locations::Column::MonitorId.eq(uuid(&ids[0])))
            .exec(app.db())
            .await
            .expect("expire");
        assert_eq!(
            a.tick().await.expect("tick"),
            1,
            "an expired lease is taken over"
        );
        // Released claims are due at once for others.
        due(&app, &ids[1]).await;
        let claimed = a
            .claim(vigil::monitor::engine::ClaimKind::Polling, 10)
            .await
            .expect("claim");
        assert_eq!(claimed.len(), 1);
        assert_eq!(
            b.claim(vigil::monitor::engine::ClaimKind::Polling, 10)
                .await
                .expect("claim")
                .len(),
            0
        );
        a.release(claimed.iter().map(|c| c.slot.id).collect())
            .await
            .expect("release");
        assert_eq!(
            b.claim(vigil::monitor::engine::ClaimKind::Polling, 10)
                .await
                .expect("claim")
                .len(),
            1
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn locations_vote_by_the_aggregation_rule() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let all = create(&app, &user, json!({ "projectId": project, "name": "all", "type": "HTTP", "target": target.url("/m/loc"), "locations": ["eu", "us"], "aggregation": "ALL" })).await;
        let any = create(&app, &user, json!({ "projectId": project, "name": "any", "type": "HTTP", "target": target.url("/m/loc"), "locations": ["eu", "us"], "aggregation": "ANY" })).await;
        let eu = app.engine("eu");
        let us = app.engine("us");
        target.set("loc", 500, "down");
        for id in [&all, &any] {
            due(&app, id).await;
        }
        // The default location checks nothing of these.
        assert_eq!(app.engine("default").tick().await.expect("tick"), 0);
        assert_eq!(eu.tick().await.expect("eu"), 2);
        assert_eq!(
            status(&app, &any).await,
            monitors::MonitorStatus::Down,
            "[{backend}] one location down is enough for ANY"
        );
        assert_eq!(
            status(&app, &all).await,
            monitors::MonitorStatus::Pending,
            "ALL waits for every location"
        );
        target.set("loc", 200, "up");
        assert_eq!(us.tick().await.expect("us"), 2);
        assert_eq!(
            status(&app, &all).await,
            monitors::MonitorStatus::Up,
            "eu down, us up: not ALL down"
        );
        let locations = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { locationStatuses { location status } } }",
                json!({ "id": all }),
            )
            .await
            .ok();
        assert_eq!(
            locations["monitor"]["locationStatuses"],
            json!([{ "location": "eu", "status": "DOWN" }, { "location": "us", "status": "UP" }])
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn monitor_settings_are_validated_per_field_and_bound_by_the_plan() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let cases = [
            (json!({ "type": "HTTP", "target": "not a url" }), "target"),
            (
                json!({ "type": "HTTP", "target": "ftp://example.com" }),
                "target",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "http": { "expectedStatusCodes": ["abc"] } }),
                "http.expectedStatusCodes",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "http": { "timeoutSeconds": 600 } }),
                "http.timeoutSeconds",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "http": { "jsonPath": "status" } }),
                "http.jsonPath",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "http": { "headers": [{ "name": "Bad Header", "value": "x" }] } }),
                "http.headers",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "frequencyMinutes": 0 }),
                "frequencyMinutes",
            ),
            (
                json!({ "type": "PORT", "target": "example.com" }),
                "port.port",
            ),
            (
                json!({ "type": "PORT", "target": "example.com", "port": { "port": 70000 } }),
                "port.port",
            ),
            (
                json!({ "type": "PING", "target": "http://example.com/" }),
                "target",
            ),
            (
                json!({ "type": "WEBSITE", "target": "https://example.com", "tls": { "expiryDays": 0 } }),
                "tls.expiryDays",
            ),
            (
                json!({ "type": "HEARTBEAT", "heartbeat": { "gracePeriodMinutes": 0 } }),
                "heartbeat.gracePeriodMinutes",
            ),
            (
                json!({ "type": "SYNTHETIC_TEST", "syntheticTestId": Uuid::now_v7().to_string() }),
                "synthetic.testId",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "locations": ["EU West!"] }),
                "locations",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "alert": { "failureThreshold": 0 } }),
                "alert.failureThreshold",
            ),
            (
                json!({ "type": "HTTP", "target": "http://example.com", "tagIds": [Uuid::now_v7().to_string()] }),
                "tagIds",
            ),
        ];
        let before = app.count("monitors").await;
        for (mut input, field) in cases {
            input["projectId"] = json!(project);
            input["name"] = json!("bad");
            let response = app
                .gql(Some(&user.token), CREATE, json!({ "i": input }))
                .await;
            response.expect_code("BAD_USER_INPUT");
            assert_eq!(
                response.field(),
                Some(field),
                "[{backend}] {input}: {}",
                response.body
            );
        }
        assert_eq!(app.count("monitors").await, before, "nothing was written");

        // The free plan: at most 10 monitors, checked at most every 5 minutes.
        let project_row = entity::projects::Entity::find_by_id(uuid(&project))
            .one(app.db())
            .await
            .expect("db")
            .expect("project");
        let mut org: entity::organization::ActiveModel =
            entity::organization::Entity::find_by_id(project_row.organization_id)
                .one(app.db())
                .await
                .expect("db")
                .expect("org")
                .into();
        org.subscription_plan = Set(Some("free".into()));
        org.update(app.db()).await.expect("plan");
        app.gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "fast", "type": "HTTP", "target": "http://example.com", "frequencyMinutes": 1 } }))
            .await
            .expect_code("PLAN_LIMIT");
        for i in 0..10 {
            create(&app, &user, json!({ "projectId": project, "name": format!("n{i}"), "type": "HTTP", "target": "http://example.com" })).await;
        }
        app.gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "eleventh", "type": "HTTP", "target": "http://example.com" } }))
            .await
            .expect_code("PLAN_LIMIT");
        assert_eq!(app.count("monitors").await, 10);

        // Viewers cannot create (an editor is refused only by the plan); other tenants cannot
        // see.
        let org = project_row.organization_id.to_string();
        let attempt = json!({ "i": { "projectId": project, "name": "x", "type": "HTTP", "target": "http://example.com" } });
        let viewer = app
            .member(
                &user,
                &org,
                &project,
                "viewer@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        app.gql(Some(&viewer.token), CREATE, attempt.clone())
            .await
            .expect_code("FORBIDDEN");
        let editor = app
            .member(
                &user,
                &org,
                &project,
                "editor@example.com",
                "PROJECT_EDITOR",
            )
            .await;
        app.gql(Some(&editor.token), CREATE, attempt.clone())
            .await
            .expect_code("PLAN_LIMIT");
        let stranger = app.sign_up("stranger@example.com").await;
        app.gql(Some(&stranger.token), CREATE, attempt)
            .await
            .expect_code("NOT_FOUND");
        assert_eq!(app.count("monitors").await, 10, "[{backend}]");
        app.stop().await;
    }
}

#[tokio::test]
async fn cloud_mode_refuses_private_targets() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.mode = vigil::config::Mode::Cloud).await;
        let user = app.sign_up("cloud@example.com").await;
        let (_, project) = app.create_org(&user, "Cloud").await;
        for (kind, target) in [
            ("HTTP", "http://127.0.0.1:8080/"),
            ("HTTP", "http://169.254.169.254/latest"),
            ("HTTP", "http://localhost/"),
            ("PING", "10.0.0.1"),
            ("PING", "localhost"),
        ] {
            let response = app.gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "x", "type": kind, "target": target } })).await;
            response.expect_code("BAD_USER_INPUT");
            assert_eq!(response.field(), Some("target"), "{target}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn results_stream_to_websocket_subscribers() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let id = create(&app, &user, json!({ "projectId": project, "name": "live", "type": "HTTP", "target": target.url("/ok") })).await;
        let mut socket = Ws::open(&app, Some(&user.token)).await;
        socket
            .subscribe(
                &app,
                "r",
                "subscription($p: ID) { monitorResultAdded(projectId: $p) { monitorId status responseTimeMs } }",
                json!({ "p": project }),
            )
            .await;
        socket
            .subscribe(
                &app,
                "s",
                "subscription($p: ID!) { monitorStatusChanged(projectId: $p) { id status } }",
                json!({ "p": project }),
            )
            .await;
        check(&app, &id).await;
        let result = socket.payload("r").await;
        assert!(result["errors"].is_null(), "{result}");
        assert_eq!(
            result["data"]["monitorResultAdded"]["monitorId"],
            id.as_str()
        );
        assert_eq!(result["data"]["monitorResultAdded"]["status"], "UP");
        let changed = socket.payload("s").await;
        assert_eq!(
            changed["data"]["monitorStatusChanged"]["status"], "UP",
            "[{backend}]"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn results_recorded_by_another_replica_reach_subscribers_through_postgres() {
    // Several processes share one database: PostgreSQL only.
    let Some(backend) =
        vigil_tests::postgres_or_skip("monitoring::results_recorded_by_another_replica")
    else {
        return;
    };
    let (app, user, project) = setup(&backend).await;
    let target = Target::start().await;
    let id = create(&app, &user, json!({ "projectId": project, "name": "elsewhere", "type": "HTTP", "target": target.url("/ok") })).await;
    // Replica B: its own state (own LISTEN connection and event bus) on the same database.
    let replica = vigil::app::build_state_with(
        app.state().settings.clone(),
        vigil::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher"),
    )
    .await
    .expect("replica state");
    let mut socket = Ws::open(&app, Some(&user.token)).await;
    socket
        .subscribe(
            &app,
            "r",
            "subscription($m: ID) { monitorResultAdded(monitorId: $m) { monitorId location } }",
            json!({ "m": id }),
        )
        .await;
    due(&app, &id).await;
    let engine = vigil::monitor::engine::Engine::new(replica.clone(), "default").expect("engine");
    assert_eq!(engine.tick().await.expect("tick"), 1);
    let result = socket.payload("r").await;
    assert_eq!(
        result["data"]["monitorResultAdded"]["monitorId"],
        id.as_str(),
        "{result}"
    );
    replica.shutdown.cancel();
    app.stop().await;
}

async fn notifications_about(app: &TestApp, kind: &str, monitor: &str) -> usize {
    entity::notifications::Entity::find()
        .filter(entity::notifications::Column::Type.eq(kind))
        .all(app.db())
        .await
        .expect("notifications")
        .iter()
        .filter(|n| n.content["monitorId"] == monitor)
        .count()
}

#[tokio::test]
async fn dns_monitors_compare_the_answers_of_a_name_server() {
    use vigil_tests::dns::DnsServer;
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let dns = DnsServer::start().await;
        dns.set("shop.example.test", vec![DnsServer::a([192, 0, 2, 10])]);
        dns.set(
            "example.test",
            vec![
                DnsServer::mx(10, "mail.example.test."),
                DnsServer::txt("v=spf1 -all"),
            ],
        );
        let resolver = dns.resolver();
        let a = create(&app, &user, json!({ "projectId": project, "name": "shop A", "type": "DNS", "target": "shop.example.test", "dns": { "recordType": "A", "expected": ["192.0.2.10"], "resolver": resolver } })).await;
        let result = check(&app, &a).await;
        assert!(result.is_up, "[{backend}] {:?}", result.details);
        let details = result.details.expect("details");
        assert_eq!(details["answers"], json!(["192.0.2.10"]));
        assert_eq!(details["recordType"], "A");
        assert!(dns.queries() >= 1);

        let mx = create(&app, &user, json!({ "projectId": project, "name": "mail", "type": "DNS", "target": "example.test", "dns": { "recordType": "mx", "expected": ["mail.example.test"], "resolver": resolver } })).await;
        assert!(check(&app, &mx).await.is_up);
        let txt = create(&app, &user, json!({ "projectId": project, "name": "spf", "type": "DNS", "target": "example.test", "dns": { "recordType": "TXT", "expected": ["v=spf1 -all"], "resolver": resolver } })).await;
        let result = check(&app, &txt).await;
        assert!(result.is_up, "{:?}", result.details);

        // The answer changes: the next check sees it (nothing is cached between checks).
        dns.set("shop.example.test", vec![DnsServer::a([192, 0, 2, 11])]);
        let result = check(&app, &a).await;
        assert!(!result.is_up);
        let details = result.details.expect("details");
        assert_eq!(details["errorClass"], "dns_mismatch");
        assert_eq!(details["answers"], json!(["192.0.2.11"]));
        assert_eq!(status(&app, &a).await, monitors::MonitorStatus::Down);

        // A name that does not exist, and a type the name has no records of.
        let gone = create(&app, &user, json!({ "projectId": project, "name": "gone", "type": "DNS", "target": "gone.example.test", "dns": { "resolver": resolver } })).await;
        let result = check(&app, &gone).await;
        assert!(!result.is_up);
        let details = result.details.expect("details");
        assert_eq!(details["errorClass"], "dns", "{details}");
        assert!(
            details["error"]
                .as_str()
                .is_some_and(|e| e.contains("NXDOMAIN")),
            "{details}"
        );
        let no_aaaa = create(&app, &user, json!({ "projectId": project, "name": "v6", "type": "DNS", "target": "shop.example.test", "dns": { "recordType": "AAAA", "resolver": resolver } })).await;
        let result = check(&app, &no_aaaa).await;
        assert!(!result.is_up, "{:?}", result.details);

        // Bad settings are refused on their field, and nothing is written.
        let before = app.count("monitors").await;
        for (input, field) in [
            (
                json!({ "recordType": "BOGUS", "resolver": resolver }),
                "dns.recordType",
            ),
            (json!({ "resolver": "not-an-address" }), "dns.resolver"),
            (json!({ "timeoutSeconds": 0 }), "dns.timeoutSeconds"),
        ] {
            let refused = app.gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "bad", "type": "DNS", "target": "example.test", "dns": input } })).await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(refused.field(), Some(field), "{}", refused.body);
        }
        let refused = app.gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "ip", "type": "DNS", "target": "192.0.2.1" } })).await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("target"));
        assert_eq!(app.count("monitors").await, before);
        app.stop().await;
    }
}

#[tokio::test]
async fn website_monitors_warn_before_the_domain_registration_expires() {
    use vigil_tests::receivers::{Receiver, Reply};
    for backend in backends() {
        // One loopback service plays IANA's bootstrap file and the registry's RDAP server:
        // the bootstrap reads `services`, the domain answer `events`.
        let rdap = Receiver::start().await;
        let expires = Utc::now() + Duration::days(10) + Duration::hours(1);
        rdap.set_default(Reply::with_body(
            200,
            &json!({
                "services": [[["test"], [rdap.url("/rdap/")]]],
                "objectClassName": "domain",
                "ldhName": "example.test",
                "events": [
                    { "eventAction": "registration", "eventDate": "2001-01-01T00:00:00Z" },
                    { "eventAction": "expiration", "eventDate": expires.to_rfc3339() }
                ]
            })
            .to_string(),
        ));
        let bootstrap = rdap.url("/bootstrap/dns.json");
        let app = TestApp::spawn_with(&backend, move |s| {
            s.integrations.rdap_bootstrap_url = bootstrap;
        })
        .await;
        let user = app.sign_up("domains@example.com").await;
        let (_, project) = app.create_org(&user, "Domains").await;
        let tls = tls_target(90).await;
        let site = create(
            &app,
            &user,
            json!({
                "projectId": project, "name": "shop", "type": "WEBSITE",
                "target": format!("https://localhost:{}/", tls.port()),
                "http": { "ignoreTlsErrors": true },
                "domain": { "expiryDays": 30, "name": "example.test" }
            }),
        )
        .await;
        let result = check(&app, &site).await;
        assert!(result.is_up, "[{backend}] {:?}", result.details);
        let details = result.details.expect("details");
        assert_eq!(details["domain"], "example.test", "{details}");
        assert_eq!(details["domainDaysLeft"], 10, "{details}");
        assert_eq!(details["domainExpiring"], true);
        assert_eq!(details["certificateExpiring"], false);
        let paths: Vec<String> = rdap.requests().iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            paths,
            vec!["/bootstrap/dns.json", "/rdap/domain/example.test"]
        );
        assert_eq!(
            notifications_about(&app, "domain_expiring", &site).await,
            1,
            "the project's people are told"
        );
        // The answer is kept: the next check asks RDAP nothing.
        let again = check(&app, &site).await;
        assert_eq!(again.details.expect("details")["domainDaysLeft"], 10);
        assert_eq!(rdap.requests().len(), 2);

        // Far from expiry: no warning. RDAP unreachable: said in the details, still up.
        let calm = create(&app, &user, json!({ "projectId": project, "name": "calm", "type": "WEBSITE", "target": format!("https://localhost:{}/", tls.port()), "http": { "ignoreTlsErrors": true }, "domain": { "expiryDays": 5, "name": "example.test" } })).await;
        let result = check(&app, &calm).await;
        assert_eq!(result.details.expect("details")["domainExpiring"], false);
        let unknown = create(&app, &user, json!({ "projectId": project, "name": "unknown tld", "type": "WEBSITE", "target": format!("https://localhost:{}/", tls.port()), "http": { "ignoreTlsErrors": true }, "domain": { "expiryDays": 30, "name": "example.zz" } })).await;
        let result = check(&app, &unknown).await;
        assert!(result.is_up);
        let details = result.details.expect("details");
        assert!(
            details["domainError"]
                .as_str()
                .is_some_and(|e| e.contains(".zz")),
            "{details}"
        );
        let refused = app.gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "bad", "type": "WEBSITE", "target": "https://example.test/", "domain": { "expiryDays": 400 } } })).await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("domain.expiryDays"));
        app.stop().await;
    }
}

#[tokio::test]
async fn a_failing_monitor_is_checked_again_sooner() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        target.set("flaky", 500, "broken");
        let flaky = create(&app, &user, json!({ "projectId": project, "name": "flaky", "type": "HTTP", "target": target.url("/m/flaky"), "frequencyMinutes": 10, "downIntervalSeconds": 30 })).await;
        let db = app.db().clone();
        let slot = |id: String| {
            let db = db.clone();
            async move {
                monitor_locations::Entity::find()
                    .filter(monitor_locations::Column::MonitorId.eq(uuid(&id)))
                    .one(&db)
                    .await
                    .expect("db")
                    .expect("slot")
            }
        };
        let result = check(&app, &flaky).await;
        assert!(!result.is_up);
        let regular = vigil::monitor::schedule::next_slot(uuid(&flaky), 10, result.checked_at);
        let sooner = result.checked_at + Duration::seconds(30);
        assert_eq!(
            slot(flaky.clone()).await.next_check_at,
            regular.min(sooner),
            "[{backend}] failing: within 30 s"
        );
        // Up again: back on its regular slots.
        target.set("flaky", 200, "fine");
        let result = check(&app, &flaky).await;
        assert!(result.is_up);
        assert_eq!(
            slot(flaky.clone()).await.next_check_at,
            vigil::monitor::schedule::next_slot(uuid(&flaky), 10, result.checked_at)
        );
        let shown = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { downIntervalSeconds } }",
                json!({ "id": flaky }),
            )
            .await
            .ok();
        assert_eq!(shown["monitor"]["downIntervalSeconds"], 30);

        for (input, field) in [
            (
                json!({ "projectId": project, "name": "x", "type": "HTTP", "target": target.url("/ok"), "downIntervalSeconds": 5 }),
                "downIntervalSeconds",
            ),
            (
                json!({ "projectId": project, "name": "x", "type": "HEARTBEAT", "downIntervalSeconds": 60 }),
                "downIntervalSeconds",
            ),
        ] {
            let refused = app
                .gql(Some(&user.token), CREATE, json!({ "i": input }))
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(refused.field(), Some(field));
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn alerts_are_held_while_a_monitor_depended_on_is_down() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        target.set("router", 500, "down");
        target.set("app", 503, "down");
        let router = create(&app, &user, json!({ "projectId": project, "name": "router", "type": "HTTP", "target": target.url("/m/router") })).await;
        let dependent = create(&app, &user, json!({ "projectId": project, "name": "app behind router", "type": "HTTP", "target": target.url("/m/app"), "parentIds": [router] })).await;
        let alone = create(&app, &user, json!({ "projectId": project, "name": "app alone", "type": "HTTP", "target": target.url("/m/app") })).await;

        assert!(!check(&app, &router).await.is_up);
        assert_eq!(notifications_about(&app, "monitor_down", &router).await, 1);
        let result = check(&app, &dependent).await;
        assert!(!result.is_up);
        assert_eq!(
            status(&app, &dependent).await,
            monitors::MonitorStatus::Down,
            "[{backend}] its own status is still down"
        );
        let held = &result.details.expect("details")["alertsHeldBy"];
        assert_eq!(held["monitorId"], router.as_str(), "{held}");
        assert!(
            held["reason"]
                .as_str()
                .is_some_and(|r| r.contains("router"))
        );
        assert_eq!(
            notifications_about(&app, "monitor_down", &dependent).await,
            0,
            "no alert while the router is down"
        );
        // The same failure without the dependency alerts.
        assert!(!check(&app, &alone).await.is_up);
        assert_eq!(notifications_about(&app, "monitor_down", &alone).await, 1);

        let shown = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { parentIds } }",
                json!({ "id": dependent }),
            )
            .await
            .ok();
        assert_eq!(shown["monitor"]["parentIds"], json!([router]));

        // No loops, no self, nothing from another project.
        let update = "mutation($id: ID!, $i: UpdateMonitorInput!) { updateMonitor(id: $id, input: $i) { id } }";
        for (id, parents) in [(&router, json!([dependent])), (&router, json!([router]))] {
            let refused = app
                .gql(
                    Some(&user.token),
                    update,
                    json!({ "id": id, "i": { "parentIds": parents } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(refused.field(), Some("parentIds"), "{}", refused.body);
        }
        let other = app.sign_up("other@example.com").await;
        let (_, other_project) = app.create_org(&other, "Others").await;
        let foreign = create(&app, &other, json!({ "projectId": other_project, "name": "theirs", "type": "HTTP", "target": target.url("/ok") })).await;
        let refused = app
            .gql(
                Some(&user.token),
                update,
                json!({ "id": dependent, "i": { "parentIds": [foreign] } }),
            )
            .await;
        refused.expect_code("BAD_USER_INPUT");
        // Clearing the list lets alerts through again.
        app.gql(
            Some(&user.token),
            update,
            json!({ "id": dependent, "i": { "parentIds": [] } }),
        )
        .await
        .ok();
        let shown = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { parentIds } }",
                json!({ "id": dependent }),
            )
            .await
            .ok();
        assert_eq!(shown["monitor"]["parentIds"], json!([]));
        // With the router still down, the dependent's next fall now alerts.
        assert_eq!(status(&app, &router).await, monitors::MonitorStatus::Down);
        target.set("app", 200, "up");
        assert!(check(&app, &dependent).await.is_up);
        target.set("app", 503, "down again");
        let result = check(&app, &dependent).await;
        assert!(!result.is_up);
        assert!(
            result
                .details
                .expect("details")
                .get("alertsHeldBy")
                .is_none(),
            "[{backend}] nothing holds it"
        );
        assert_eq!(
            notifications_about(&app, "monitor_down", &dependent).await,
            1,
            "[{backend}] the alert went out"
        );

        // A parent and its dependent failing in the same step: the parent counts first.
        target.set("switch", 500, "down");
        target.set("service", 500, "down");
        // The dependent is created first, so it also comes first in id order.
        let service = create(&app, &user, json!({ "projectId": project, "name": "service", "type": "HTTP", "target": target.url("/m/service") })).await;
        let switch = create(&app, &user, json!({ "projectId": project, "name": "switch", "type": "HTTP", "target": target.url("/m/switch") })).await;
        assert!(uuid(&service) < uuid(&switch));
        app.gql(
            Some(&user.token),
            update,
            json!({ "id": service, "i": { "parentIds": [switch] } }),
        )
        .await
        .ok();
        due(&app, &switch).await;
        due(&app, &service).await;
        app.engine("default").tick().await.expect("tick");
        assert_eq!(status(&app, &switch).await, monitors::MonitorStatus::Down);
        let result = latest(&app, &service).await;
        assert!(!result.is_up);
        assert_eq!(
            result.details.expect("details")["alertsHeldBy"]["monitorId"],
            switch.as_str(),
            "[{backend}]"
        );
        assert_eq!(notifications_about(&app, "monitor_down", &service).await, 0);
        assert_eq!(notifications_about(&app, "monitor_down", &switch).await, 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn creating_updating_and_deleting_a_monitor_is_audited_with_the_caller() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, project) = app.create_org(&owner, "Audited").await;
        let editor = app
            .member(
                &owner,
                &org,
                &project,
                "editor@example.com",
                "PROJECT_EDITOR",
            )
            .await;
        let id = create(&app, &editor, json!({ "projectId": project, "name": "audited", "type": "HTTP", "target": "http://example.com" })).await;
        app.gql(
            Some(&editor.token),
            "mutation($id: ID!) { updateMonitor(id: $id, input: { name: \"renamed\" }) { id } }",
            json!({ "id": id }),
        )
        .await
        .ok();
        // A refused change is not recorded.
        let viewer = app
            .member(
                &owner,
                &org,
                &project,
                "viewer@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        app.gql(
            Some(&viewer.token),
            "mutation($id: ID!) { updateMonitor(id: $id, input: { name: \"nope\" }) { id } }",
            json!({ "id": id }),
        )
        .await
        .expect_code("FORBIDDEN");
        app.gql(
            Some(&editor.token),
            "mutation($id: ID!) { deleteMonitor(id: $id) }",
            json!({ "id": id }),
        )
        .await
        .ok();
        for action in ["monitor.create", "monitor.update", "monitor.delete"] {
            let rows = audit_rows(&app, action, "monitorId", &id).await;
            assert_eq!(rows.len(), 1, "[{backend}] one {action} row: {rows:?}");
            assert_eq!(
                rows[0].user_id.map(|u| u.to_string()).as_deref(),
                Some(editor.id.as_str()),
                "[{backend}] {action} is the editor's"
            );
            assert_eq!(
                rows[0].organization_id.map(|o| o.to_string()).as_deref(),
                Some(org.as_str()),
                "[{backend}] {action}"
            );
        }
        assert_eq!(
            audit_rows(&app, "monitor.create", "monitorId", &id).await[0]
                .details
                .as_ref()
                .expect("details")["name"],
            "audited"
        );
        assert_eq!(
            audit_rows(&app, "monitor.delete", "monitorId", &id).await[0]
                .details
                .as_ref()
                .expect("details")["name"],
            "renamed"
        );
        // The organization's trail shows them to its administrators.
        let trail = app
            .gql(
                Some(&owner.token),
                "query($o: ID!) { auditLogs(organizationId: $o, filter: { action: \"monitor.update\" }) { totalCount } }",
                json!({ "o": org }),
            )
            .await
            .ok();
        assert_eq!(trail["auditLogs"]["totalCount"], 1, "[{backend}] {trail}");
        app.stop().await;
    }
}

#[tokio::test]
async fn dns_monitors_check_cname_ns_soa_and_caa_records() {
    use vigil_tests::dns::DnsServer;
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let dns = DnsServer::start().await;
        dns.set(
            "www.example.test",
            vec![DnsServer::cname("shop.cdn.example.net.")],
        );
        dns.set(
            "example.test",
            vec![
                DnsServer::ns("ns1.example.test."),
                DnsServer::ns("ns2.example.test."),
                DnsServer::soa("ns1.example.test.", "hostmaster.example.test.", 2026031401),
                DnsServer::caa_issue("letsencrypt.org"),
            ],
        );
        dns.set("a-only.example.test", vec![DnsServer::a([192, 0, 2, 20])]);
        let resolver = dns.resolver();
        let soa = |serial: u32| {
            format!("ns1.example.test. hostmaster.example.test. {serial} 7200 3600 1209600 300")
        };
        // (type, name, the answers the server gives, expected values among them, one that
        // is not)
        let cases = [
            (
                "CNAME",
                "www.example.test",
                vec!["shop.cdn.example.net.".to_owned()],
                vec!["shop.cdn.example.net".to_owned()],
                "elsewhere.example.net".to_owned(),
            ),
            (
                "NS",
                "example.test",
                vec![
                    "ns1.example.test.".to_owned(),
                    "ns2.example.test.".to_owned(),
                ],
                vec![
                    "ns1.example.test".to_owned(),
                    "NS2.example.test.".to_owned(),
                ],
                "ns3.example.test".to_owned(),
            ),
            (
                "SOA",
                "example.test",
                vec![soa(2026031401)],
                vec![soa(2026031401)],
                soa(2026031400),
            ),
            (
                "CAA",
                "example.test",
                vec!["0 issue \"letsencrypt.org\"".to_owned()],
                vec!["0 issue \"letsencrypt.org\"".to_owned()],
                "0 issue \"pki.goog\"".to_owned(),
            ),
        ];
        let monitor = async |label: &str, kind: &str, name: &str, expected: Vec<String>| {
            create(&app, &user, json!({ "projectId": project, "name": format!("{kind} {label}"), "type": "DNS", "target": name, "dns": { "recordType": kind, "expected": expected, "resolver": resolver } })).await
        };
        for (kind, name, answers, expected, wrong) in cases {
            // Up: every expected value is among the answers.
            let up = monitor("up", kind, name, expected.clone()).await;
            let result = check(&app, &up).await;
            let details = result.details.clone().expect("details");
            assert!(result.is_up, "[{backend}] {kind}: {details}");
            assert_eq!(details["recordType"], kind, "[{backend}]");
            assert_eq!(details["answers"], json!(answers), "[{backend}] {kind}");
            assert_eq!(status(&app, &up).await, monitors::MonitorStatus::Up);

            // Down: one expected value is not among them.
            let mut with_wrong = expected.clone();
            with_wrong.push(wrong.clone());
            let mismatch = monitor("mismatch", kind, name, with_wrong).await;
            let result = check(&app, &mismatch).await;
            let details = result.details.clone().expect("details");
            assert!(!result.is_up, "[{backend}] {kind}: {details}");
            assert_eq!(details["errorClass"], "dns_mismatch", "[{backend}] {kind}");
            assert!(
                details["error"]
                    .as_str()
                    .is_some_and(|e| e.contains(&wrong)),
                "[{backend}] {kind}: {details}"
            );
            assert_eq!(details["answers"], json!(answers), "[{backend}] {kind}");
            assert_eq!(status(&app, &mismatch).await, monitors::MonitorStatus::Down);

            // Down: the name is missing, or has no records of the type.
            for (label, missing, says) in [
                ("missing", "missing.example.test", "NXDOMAIN"),
                ("no records", "a-only.example.test", "has no"),
            ] {
                let gone = monitor(label, kind, missing, expected.clone()).await;
                let result = check(&app, &gone).await;
                let details = result.details.clone().expect("details");
                assert!(!result.is_up, "[{backend}] {kind} {label}: {details}");
                assert_eq!(details["errorClass"], "dns", "[{backend}] {kind} {label}");
                assert!(
                    details["error"].as_str().is_some_and(|e| e.contains(says)),
                    "[{backend}] {kind} {label}: {details}"
                );
                assert_eq!(details["answers"], json!([]), "[{backend}] {kind} {label}");
            }
        }

        // A new zone serial: the SOA monitor that expects the old one goes down at its next
        // check (nothing is cached between checks).
        let serial = monitor("serial", "SOA", "example.test", vec![soa(2026031401)]).await;
        assert!(check(&app, &serial).await.is_up, "[{backend}]");
        dns.set(
            "example.test",
            vec![DnsServer::soa(
                "ns1.example.test.",
                "hostmaster.example.test.",
                2026031402,
            )],
        );
        let result = check(&app, &serial).await;
        assert!(!result.is_up, "[{backend}] {:?}", result.details);
        assert_eq!(
            result.details.expect("details")["answers"],
            json!([soa(2026031402)]),
            "[{backend}]"
        );
        app.stop().await;
    }
}

/// Pushes every schedule row of `monitor` an hour ahead: nothing is due unless asked for.
async fn not_due(app: &TestApp, monitor: &str) {
    monitor_locations::Entity::update_many()
        .col_expr(
            monitor_locations::Column::NextCheckAt,
            (Utc::now() + Duration::hours(1)).into(),
        )
        .filter(monitor_locations::Column::MonitorId.eq(uuid(monitor)))
        .exec(app.db())
        .await
        .expect("push back");
}

/// What `checkMonitorNow` gives for a type.
enum Now {
    /// A result at the next engine step: up, down, or either (`None`: the ping method depends
    /// on the host).
    Result(Option<bool>),
    /// The documented refusal.
    Refused,
}

#[tokio::test]
async fn check_now_checks_every_type_the_engine_polls_and_refuses_the_others() {
    use vigil_tests::dns::DnsServer;
    const CHECK_NOW: &str = "mutation($id: ID!) { checkMonitorNow(id: $id) { id } }";
    const REFUSED: &str =
        "only polled monitors (http, website, ping, port, dns) can be checked on demand";
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let tls = tls_target(30).await;
        let dns = DnsServer::start().await;
        dns.set("shop.example.test", vec![DnsServer::a([192, 0, 2, 10])]);
        let test = vigil_tests::ops::create_test(
            &app,
            &user,
            &project,
            "Shop works",
            "BROWSER",
            "import { test } from '@playwright/test';\ntest('opens', async () => {});\n",
        )
        .await;
        // Each type, its settings, and what checking it now gives.
        let cases = vec![
            (
                "HTTP",
                json!({ "target": target.url("/ok") }),
                Now::Result(Some(true)),
            ),
            (
                "WEBSITE",
                json!({ "target": format!("https://localhost:{}/", tls.port()), "http": { "ignoreTlsErrors": true } }),
                Now::Result(Some(true)),
            ),
            ("PING", json!({ "target": "127.0.0.1" }), Now::Result(None)),
            (
                "PORT",
                json!({ "target": "127.0.0.1", "port": { "port": target.addr.port() } }),
                Now::Result(Some(true)),
            ),
            (
                "DNS",
                json!({ "target": "shop.example.test", "dns": { "recordType": "A", "expected": ["192.0.2.10"], "resolver": dns.resolver() } }),
                Now::Result(Some(true)),
            ),
            ("HEARTBEAT", json!({}), Now::Refused),
            (
                "SYNTHETIC_TEST",
                json!({ "syntheticTestId": test }),
                Now::Refused,
            ),
        ];
        let mut polled = Vec::new();
        for (kind, settings, expected) in cases {
            let mut input = json!({ "projectId": project, "name": kind, "type": kind });
            if let (Value::Object(input), Value::Object(settings)) = (&mut input, settings) {
                input.extend(settings);
            }
            let id = create(&app, &user, input).await;
            not_due(&app, &id).await;
            let answer = app
                .gql(Some(&user.token), CHECK_NOW, json!({ "id": id }))
                .await;
            match expected {
                Now::Refused => {
                    answer.expect_code("BAD_USER_INPUT");
                    assert_eq!(answer.field(), Some("id"), "[{backend}] {kind}");
                    assert_eq!(answer.message(), REFUSED, "[{backend}] {kind}");
                }
                Now::Result(up) => {
                    assert_eq!(answer.ok()["checkMonitorNow"]["id"], id.as_str());
                    polled.push((kind, id, up));
                }
            }
        }
        // One engine step checks exactly the monitors made due, and nothing else.
        let done = app.engine("default").tick().await.expect("tick");
        assert_eq!(done, polled.len(), "[{backend}]");
        for (kind, id, up) in polled {
            let result = latest(&app, &id).await;
            if let Some(up) = up {
                assert_eq!(result.is_up, up, "[{backend}] {kind} {:?}", result.details);
            }
        }
        assert!(dns.queries() >= 1, "[{backend}]");
        app.stop().await;
    }
}
