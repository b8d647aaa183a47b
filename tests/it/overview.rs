//! The project overview (the web app's dashboard) and the search of a project's objects (its
//! command palette): what they count and list, what they cost in statements, and that they
//! never show another tenant's objects.

use chrono::{Duration, Utc};
use entity::{callback_logs, monitors};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::ops::create_test;
use vigil_tests::receivers::Receiver;
use vigil_tests::snapshot::uuid;
use vigil_tests::{TestApp, TestUser, Ws, backends};

const OVERVIEW: &str = "query($p: ID!) { projectOverview(projectId: $p) {
    monitorCounts { status count }
    failingMonitors { id name status lastStatusChangeAt }
    openIncidents { id title status }
    failingJobs { id name status }
    recentRuns { id status }
    testCount jobCount callbackCount statusPageCount
    triggers { windowHours total failed errorRate }
} }";

const SEARCH: &str = "query($p: ID!, $q: String!, $f: Int) { search(projectId: $p, query: $q, first: $f) { kind id title detail } }";

async fn monitor(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    name: &str,
    target: &str,
) -> String {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
        json!({ "i": { "projectId": project, "name": name, "type": "HTTP", "target": target } }),
    )
    .await
    .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor id")
        .to_owned()
}

async fn callback(app: &TestApp, user: &TestUser, project: &str, name: &str) -> String {
    hook(
        app,
        user,
        project,
        json!({ "projectId": project, "name": name, "callbackUrl": "https://example.com/hook" }),
    )
    .await
    .0
}

/// `createCallback`; returns its id and its trigger URL on the test's server.
async fn hook(app: &TestApp, user: &TestUser, _project: &str, input: Value) -> (String, String) {
    let data = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }",
            json!({ "i": input }),
        )
        .await
        .ok();
    let url = data["createCallback"]["triggerUrl"]
        .as_str()
        .expect("trigger url");
    let path = url
        .split_once("/t/")
        .map(|(_, t)| format!("{}/t/{t}", app.url))
        .expect("path");
    (
        data["createCallback"]["id"]
            .as_str()
            .expect("id")
            .to_owned(),
        path,
    )
}

async fn set_status(app: &TestApp, id: &str, status: monitors::MonitorStatus) {
    monitors::Entity::update_many()
        .col_expr(monitors::Column::Status, status.into())
        .filter(monitors::Column::Id.eq(uuid(id)))
        .exec(app.db())
        .await
        .expect("set status");
}

async fn trigger_log(
    app: &TestApp,
    org: &str,
    project: &str,
    callback: &str,
    success: bool,
    age: Duration,
) {
    callback_logs::ActiveModel {
        id: Set(Uuid::now_v7()),
        event: Set("trigger".into()),
        details: Set(None),
        callback_id: Set(uuid(callback)),
        organization_id: Set(uuid(org)),
        project_id: Set(uuid(project)),
        created_at: Set(Utc::now() - age),
        response_time: Set(Some(12)),
        status_code: Set(Some(if success { 200 } else { 502 })),
        success: Set(success),
        request: Set(None),
        replay_of: Set(None),
        response: Set(None),
    }
    .insert(app.db())
    .await
    .expect("log row");
}

/// The least statements of three runs of the overview (a busy machine can split nothing
/// here, but the least keeps the figure steady).
async fn overview_cost(app: &TestApp, user: &TestUser, project: &str) -> (u64, Value) {
    let mut least = u64::MAX;
    let mut data = Value::Null;
    for _ in 0..3 {
        let before = app.statements();
        data = app
            .gql(Some(&user.token), OVERVIEW, json!({ "p": project }))
            .await
            .ok();
        least = least.min(app.statements() - before);
    }
    (least, data["projectOverview"].clone())
}

fn count_of(overview: &Value, status: &str) -> i64 {
    overview["monitorCounts"]
        .as_array()
        .expect("counts")
        .iter()
        .find(|c| c["status"] == status)
        .and_then(|c| c["count"].as_i64())
        .unwrap_or(0)
}

#[tokio::test]
async fn the_overview_counts_and_lists_the_project_in_the_same_statements_for_2_or_12_monitors() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, project) = app.create_org(&owner, "Glance").await;

        let (empty_cost, empty) = overview_cost(&app, &owner, &project).await;
        assert_eq!(empty["monitorCounts"], json!([]), "[{backend}]");
        assert_eq!(empty["testCount"], 0, "[{backend}]");
        assert_eq!(empty["triggers"]["errorRate"], Value::Null, "[{backend}]");

        let up = monitor(&app, &owner, &project, "Home page", "https://example.com/").await;
        let down = monitor(
            &app,
            &owner,
            &project,
            "Checkout",
            "https://example.com/checkout",
        )
        .await;
        set_status(&app, &up, monitors::MonitorStatus::Up).await;
        set_status(&app, &down, monitors::MonitorStatus::Down).await;
        create_test(
            &app,
            &owner,
            &project,
            "Sign-in flow",
            "BROWSER",
            "test('x', async () => {});",
        )
        .await;
        let hook = callback(&app, &owner, &project, "Deploy hook").await;
        for (success, hours) in [(true, 1), (true, 2), (true, 3), (false, 4), (false, 30)] {
            trigger_log(&app, &org, &project, &hook, success, Duration::hours(hours)).await;
        }
        let (small_cost, small) = overview_cost(&app, &owner, &project).await;
        assert_eq!(count_of(&small, "UP"), 1, "[{backend}] {small}");
        assert_eq!(count_of(&small, "DOWN"), 1, "[{backend}] {small}");
        assert_eq!(
            small["failingMonitors"][0]["id"],
            down.as_str(),
            "[{backend}]"
        );
        assert_eq!(
            small["failingMonitors"].as_array().map(Vec::len),
            Some(1),
            "[{backend}]"
        );
        assert_eq!(small["testCount"], 1, "[{backend}]");
        assert_eq!(small["callbackCount"], 1, "[{backend}]");
        // The trigger 30 hours old is outside the window.
        assert_eq!(
            small["triggers"],
            json!({ "windowHours": 24, "total": 4, "failed": 1, "errorRate": 25.0 }),
            "[{backend}]"
        );

        for i in 0..10 {
            let id = monitor(
                &app,
                &owner,
                &project,
                &format!("API {i}"),
                &format!("https://example.com/{i}"),
            )
            .await;
            let status = if i % 2 == 0 {
                monitors::MonitorStatus::Paused
            } else {
                monitors::MonitorStatus::Error
            };
            set_status(&app, &id, status).await;
        }
        let (large_cost, large) = overview_cost(&app, &owner, &project).await;
        assert_eq!(count_of(&large, "PAUSED"), 5, "[{backend}]");
        assert_eq!(count_of(&large, "ERROR"), 5, "[{backend}]");
        assert_eq!(
            large["failingMonitors"].as_array().map(Vec::len),
            Some(6),
            "[{backend}]"
        );
        assert_eq!(
            large_cost, small_cost,
            "[{backend}] statements grew with the monitors: {small_cost} for 2, {large_cost} for 12"
        );
        assert_eq!(
            empty_cost, small_cost,
            "[{backend}] an empty project costs the same"
        );
        assert!(
            large_cost <= 16,
            "[{backend}] the overview took {large_cost} statements"
        );
        eprintln!("[{backend}] the overview: {large_cost} statements");
        app.stop().await;
    }
}

#[tokio::test]
async fn search_finds_the_projects_objects_in_any_case_and_by_id() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (_, project) = app.create_org(&owner, "Finders").await;
        let m = monitor(
            &app,
            &owner,
            &project,
            "Checkout API",
            "https://shop.example.com/",
        )
        .await;
        let t = create_test(
            &app,
            &owner,
            &project,
            "checkout flow",
            "BROWSER",
            "test('x', async () => {});",
        )
        .await;
        let c = callback(&app, &owner, &project, "Payments").await;
        let search = |q: &str, first: Option<i32>| {
            app.gql(
                Some(&owner.token),
                SEARCH,
                json!({ "p": project, "q": q, "f": first }),
            )
        };

        let hits = search("CHECKOUT", None).await.ok()["search"].clone();
        let found: Vec<(&str, &str)> = hits
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| {
                (
                    h["kind"].as_str().unwrap_or(""),
                    h["id"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![("MONITOR", m.as_str()), ("TEST", t.as_str())],
            "[{backend}]"
        );
        // The target is searched too, and shown.
        let hits = search("shop.example", None).await.ok()["search"].clone();
        assert_eq!(
            hits[0]["detail"], "https://shop.example.com/",
            "[{backend}]"
        );
        // An id finds its object; wildcards are plain text; blank finds nothing.
        let hits = search(&c, None).await.ok()["search"].clone();
        assert_eq!(
            hits,
            json!([{ "kind": "CALLBACK", "id": c, "title": "Payments", "detail": null }]),
            "[{backend}]"
        );
        assert_eq!(
            search("%", None).await.ok()["search"],
            json!([]),
            "[{backend}]"
        );
        assert_eq!(
            search("_", None).await.ok()["search"],
            json!([]),
            "[{backend}]"
        );
        assert_eq!(
            search("  ", None).await.ok()["search"],
            json!([]),
            "[{backend}]"
        );

        let long = "x".repeat(101);
        let bad = search(&long, None).await;
        bad.expect_code("BAD_USER_INPUT");
        assert_eq!(bad.field(), Some("query"), "[{backend}]");
        let bad = search("checkout", Some(0)).await;
        bad.expect_code("BAD_USER_INPUT");
        assert_eq!(bad.field(), Some("first"), "[{backend}]");
        let bad = search("checkout", Some(21)).await;
        bad.expect_code("BAD_USER_INPUT");
        app.stop().await;
    }
}

/// Attack: another organization's objects never appear, by name, by id or by project.
#[tokio::test]
async fn search_and_overview_never_show_another_organizations_objects() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let alice = app.sign_up("alice@example.com").await;
        let mallory = app.sign_up("mallory@example.com").await;
        let (_, theirs) = app.create_org(&alice, "Victim").await;
        let (_, mine) = app.create_org(&mallory, "Attacker").await;
        let secret = monitor(
            &app,
            &alice,
            &theirs,
            "Secret billing",
            "https://billing.internal.example/",
        )
        .await;
        set_status(&app, &secret, monitors::MonitorStatus::Down).await;
        let secret_test = create_test(
            &app,
            &alice,
            &theirs,
            "Secret flow",
            "BROWSER",
            "test('x', async () => {});",
        )
        .await;
        monitor(&app, &mallory, &mine, "My own", "https://example.com/").await;

        // Their project, asked for directly: not found, as if it did not exist.
        app.gql(
            Some(&mallory.token),
            SEARCH,
            json!({ "p": theirs, "q": "secret" }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.gql(Some(&mallory.token), OVERVIEW, json!({ "p": theirs }))
            .await
            .expect_code("NOT_FOUND");
        // Their names and ids, searched from the attacker's project: nothing.
        for q in [
            "secret",
            "billing.internal",
            secret.as_str(),
            secret_test.as_str(),
            "%",
        ] {
            let hits = app
                .gql(Some(&mallory.token), SEARCH, json!({ "p": mine, "q": q }))
                .await
                .ok();
            assert_eq!(hits["search"], json!([]), "[{backend}] {q}");
        }
        // The attacker's overview counts only the attacker's monitor.
        let overview = app
            .gql(Some(&mallory.token), OVERVIEW, json!({ "p": mine }))
            .await
            .ok();
        assert_eq!(
            overview["projectOverview"]["failingMonitors"],
            json!([]),
            "[{backend}]"
        );
        assert_eq!(overview["projectOverview"]["testCount"], 0, "[{backend}]");
        // Without a session: nothing at all.
        app.gql(None, SEARCH, json!({ "p": theirs, "q": "secret" }))
            .await
            .expect_code("UNAUTHENTICATED");
        // The owner still finds them.
        let hits = app
            .gql(
                Some(&alice.token),
                SEARCH,
                json!({ "p": theirs, "q": "secret" }),
            )
            .await
            .ok();
        assert_eq!(
            hits["search"].as_array().map(Vec::len),
            Some(2),
            "[{backend}]"
        );
        app.stop().await;
    }
}

const PROJECT_LOGS: &str =
    "subscription($p: ID!) { callbackLogAdded(projectId: $p) { callbackId event statusCode } }";

#[tokio::test]
async fn triggers_of_every_callback_of_a_project_arrive_live_and_no_others() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let other = app.sign_up("other@example.com").await;
        let (_, project) = app.create_org(&owner, "Hooks").await;
        let (_, elsewhere) = app.create_org(&other, "Elsewhere").await;
        let upstream = Receiver::start().await;
        let target = json!(upstream.url("/"));
        let (first, first_url) = hook(
            &app,
            &owner,
            &project,
            json!({ "projectId": project, "name": "one", "callbackUrl": target }),
        )
        .await;
        let (second, second_url) = hook(
            &app,
            &owner,
            &project,
            json!({ "projectId": project, "name": "two", "callbackUrl": target }),
        )
        .await;
        let (_, foreign_url) = hook(
            &app,
            &other,
            &elsewhere,
            json!({ "projectId": elsewhere, "name": "theirs", "callbackUrl": target }),
        )
        .await;

        let mut socket = Ws::open(&app, Some(&owner.token)).await;
        socket
            .subscribe(&app, "p", PROJECT_LOGS, json!({ "p": project }))
            .await;
        for url in [&foreign_url, &first_url, &second_url] {
            app.http
                .post(url.as_str())
                .body("x")
                .send()
                .await
                .expect("trigger");
        }
        let mut seen = Vec::new();
        for _ in 0..2 {
            let payload = socket.payload("p").await;
            seen.push(
                payload["data"]["callbackLogAdded"]["callbackId"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
            );
        }
        seen.sort();
        let mut expected = vec![first.clone(), second.clone()];
        expected.sort();
        assert_eq!(
            seen, expected,
            "[{backend}] the other project's trigger came through"
        );
        assert!(
            socket
                .payload_within("p", std::time::Duration::from_millis(300))
                .await
                .is_none(),
            "[{backend}] a third trigger arrived"
        );

        // Attack: another organization's project cannot be followed; neither argument is refused.
        let mut theirs = Ws::open(&app, Some(&other.token)).await;
        theirs
            .start("x", PROJECT_LOGS, json!({ "p": project }))
            .await;
        let refused = theirs.next().await.expect("an answer");
        assert_eq!(
            refused["payload"]["errors"][0]["extensions"]["code"], "NOT_FOUND",
            "[{backend}] {refused}"
        );
        theirs
            .start(
                "y",
                "subscription { callbackLogAdded { event } }",
                json!({}),
            )
            .await;
        let refused = loop {
            let message = theirs.next().await.expect("an answer");
            if message["id"] == "y" {
                break message;
            }
        };
        assert_eq!(
            refused["payload"]["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "[{backend}] {refused}"
        );
        app.stop().await;
    }
}
