//! Webhook callbacks end to end: forwarding, timeouts, the cache, custom paths, exact rate
//! limits under concurrency, every action type, ordering and parallel groups, retries, restarts
//! in the middle of a pipeline, replays, live logs, and bad input that writes nothing.

use chrono::Utc;
use entity::action_executions::{self, ActionExecutionStatus};
use entity::{callback_logs, rate_limit_logs};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::receivers::{Receiver, Reply};
use vigil_tests::target::Target;
use vigil_tests::{TestApp, TestUser, Ws, backends};

const CREATE: &str = "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl triggerToken customUrl timeoutDuration } }";
const ACTION: &str =
    "mutation($i: CreateActionInput!) { createAction(input: $i) { id type config } }";

struct Hook {
    id: String,
    url: String,
}

async fn callback(app: &TestApp, user: &TestUser, project: &str, extra: Value) -> Hook {
    let mut input = json!({ "projectId": project, "name": "hook" });
    if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            input.insert(k.clone(), v.clone());
        }
    }
    let data = app
        .gql(Some(&user.token), CREATE, json!({ "i": input }))
        .await
        .ok();
    let url = data["createCallback"]["triggerUrl"]
        .as_str()
        .expect("trigger url");
    // The trigger URL names the configured base URL; tests reach the server directly.
    let path = url
        .split_once("/t/")
        .map(|(_, t)| format!("{}/t/{t}", app.url))
        .expect("path");
    Hook {
        id: data["createCallback"]["id"]
            .as_str()
            .expect("id")
            .to_owned(),
        url: path,
    }
}

async fn action(
    app: &TestApp,
    user: &TestUser,
    hook: &Hook,
    kind: &str,
    config: Value,
    order: i32,
    parallel: bool,
) -> String {
    app.gql(
        Some(&user.token),
        ACTION,
        json!({ "i": { "callbackId": hook.id, "type": kind, "config": config, "order": order, "parallel": parallel } }),
    )
    .await
    .ok()["createAction"]["id"]
        .as_str()
        .expect("action id")
        .to_owned()
}

async fn setup(backend: &vigil_tests::Backend) -> (TestApp, TestUser, String) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("hooks@example.com").await;
    let (_, project) = app.create_org(&user, "Hooks").await;
    (app, user, project)
}

async fn logs(app: &TestApp, hook: &Hook) -> Vec<callback_logs::Model> {
    callback_logs::Entity::find()
        .filter(callback_logs::Column::CallbackId.eq(Uuid::parse_str(&hook.id).expect("uuid")))
        .order_by_asc(callback_logs::Column::Id)
        .all(app.db())
        .await
        .expect("logs")
}

async fn executions(app: &TestApp, hook: &Hook) -> Vec<action_executions::Model> {
    action_executions::Entity::find()
        .filter(action_executions::Column::CallbackId.eq(Uuid::parse_str(&hook.id).expect("uuid")))
        .order_by_asc(action_executions::Column::Step)
        .order_by_asc(action_executions::Column::Id)
        .all(app.db())
        .await
        .expect("executions")
}

async fn run_actions(app: &TestApp) -> usize {
    vigil::callback::action::run_due(app.state(), "test-worker", 100)
        .await
        .expect("run actions")
}

/// Makes every pending execution due now.
async fn due_now(app: &TestApp) {
    action_executions::Entity::update_many()
        .col_expr(
            action_executions::Column::NextAttemptAt,
            Some(Utc::now() - chrono::Duration::seconds(1)).into(),
        )
        .filter(action_executions::Column::Status.eq(ActionExecutionStatus::Pending))
        .exec(app.db())
        .await
        .expect("due");
}

#[tokio::test]
async fn triggers_forward_method_path_query_body_and_headers() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        upstream.set_default(Reply {
            status: 201,
            body: "{\"created\":true}".into(),
            headers: vec![("x-upstream".into(), "yes".into())],
        });
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/receive?static=1") }),
        )
        .await;
        let response = app
            .http
            .put(format!("{}/orders/42?source=shop", hook.url))
            .header("content-type", "application/json")
            .header("x-event", "order.created")
            .header("authorization", "Bearer secret-of-the-caller")
            .header("cookie", "session=abc")
            .body("{\"order\":42}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 201, "[{backend}]");
        assert_eq!(
            response
                .headers()
                .get("x-upstream")
                .and_then(|v| v.to_str().ok()),
            Some("yes")
        );
        assert!(response.headers().get("ratelimit-remaining").is_some());
        let trigger_id = response
            .headers()
            .get("x-vigil-trigger-id")
            .and_then(|v| v.to_str().ok())
            .expect("trigger id")
            .to_owned();
        assert_eq!(response.text().await.expect("body"), "{\"created\":true}");

        let got = upstream.wait_for(1).await.remove(0);
        assert_eq!(got.method, "PUT");
        assert_eq!(got.path, "/receive/orders/42");
        assert_eq!(got.query.as_deref(), Some("static=1&source=shop"));
        assert_eq!(got.text(), "{\"order\":42}");
        assert_eq!(got.header("x-event"), Some("order.created"));
        assert_eq!(got.header("content-type"), Some("application/json"));
        assert!(
            got.header("authorization").is_none(),
            "credentials are not forwarded"
        );
        assert!(got.header("cookie").is_none());
        assert_eq!(got.header("x-vigil-trigger-id"), Some(trigger_id.as_str()));

        let rows = logs(&app, &hook).await;
        assert_eq!(rows.len(), 1);
        let log = &rows[0];
        assert_eq!(log.id.to_string(), trigger_id);
        assert_eq!(
            (log.event.as_str(), log.status_code, log.success),
            ("forwarded", Some(201), true)
        );
        assert!(log.response_time.is_some());
        let request = log.request.clone().expect("request");
        assert_eq!(request["method"], "PUT");
        assert_eq!(request["path"], "orders/42");
        assert!(request["headers"].get("authorization").is_none());

        // Unknown and inactive callbacks: a bare 404, nothing logged.
        let unknown = app
            .http
            .post(format!("{}/t/not-a-token", app.url))
            .send()
            .await
            .expect("trigger");
        assert_eq!(unknown.status().as_u16(), 404);
        assert_eq!(unknown.text().await.expect("body"), "not found");
        app.gql(Some(&user.token), "mutation($id: ID!) { updateCallback(id: $id, input: { activeStatus: false }) { activeStatus } }", json!({ "id": hook.id }))
            .await
            .ok();
        assert_eq!(
            app.http
                .post(&hook.url)
                .send()
                .await
                .expect("trigger")
                .status()
                .as_u16(),
            404
        );
        assert_eq!(logs(&app, &hook).await.len(), 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn timeouts_unreachable_upstreams_and_the_cache() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let target = Target::start().await;
        let slow = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": target.url("/slow/120000"), "timeoutDuration": 500 }),
        )
        .await;
        let response = app.http.get(&slow.url).send().await.expect("trigger");
        assert_eq!(response.status().as_u16(), 504, "[{backend}]");
        let log = logs(&app, &slow).await.remove(0);
        assert_eq!(
            (log.event.as_str(), log.success, log.status_code),
            ("timeout", false, Some(504))
        );

        let closed = callback(&app, &user, &project, json!({ "callbackUrl": format!("http://127.0.0.1:{}/", vigil_tests::target::closed_port()) })).await;
        assert_eq!(
            app.http
                .get(&closed.url)
                .send()
                .await
                .expect("trigger")
                .status()
                .as_u16(),
            502
        );

        let upstream = Receiver::start().await;
        let cached = callback(
            &app,
            &user,
            &project,
            // An hour: the second request is a hit however slowly this test runs. Expiry at
            // the end of the period is `cache::tests` (with chosen instants).
            json!({ "callbackUrl": upstream.url("/c"), "cachePeriod": 3600 }),
        )
        .await;
        let send = |body: &'static str| {
            app.http
                .post(&cached.url)
                .header("content-type", "text/plain")
                .body(body)
                .send()
        };
        let first = send("same").await.expect("trigger");
        assert_eq!(
            first
                .headers()
                .get("x-vigil-cache")
                .and_then(|v| v.to_str().ok()),
            Some("MISS")
        );
        let second = send("same").await.expect("trigger");
        assert_eq!(
            second
                .headers()
                .get("x-vigil-cache")
                .and_then(|v| v.to_str().ok()),
            Some("HIT")
        );
        assert_eq!(second.text().await.expect("body"), "{\"ok\":true}");
        assert_eq!(upstream.requests().len(), 1, "a hit does not call upstream");
        send("different").await.expect("trigger");
        assert_eq!(
            upstream.requests().len(),
            2,
            "another body is another request"
        );
        // A changed callback answers from upstream again, not from what its old settings cached.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { updateCallback(id: $id, input: { cachePeriod: 3599 }) { id } }",
            json!({ "id": cached.id }),
        )
        .await
        .ok();
        let after_change = send("same").await.expect("trigger");
        assert_eq!(
            after_change
                .headers()
                .get("x-vigil-cache")
                .and_then(|v| v.to_str().ok()),
            Some("MISS")
        );
        assert_eq!(upstream.requests().len(), 3);
        let events: Vec<String> = logs(&app, &cached)
            .await
            .into_iter()
            .map(|l| l.event)
            .collect();
        assert_eq!(events, ["forwarded", "cache_hit", "forwarded", "forwarded"]);
        app.stop().await;
    }
}

#[tokio::test]
async fn custom_paths_route_and_are_validated() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let created = app
            .gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "gh", "callbackUrl": upstream.url("/in"), "customPath": "hooks/GitHub" } }))
            .await
            .ok();
        assert!(
            created["createCallback"]["customUrl"]
                .as_str()
                .expect("custom url")
                .ends_with("/hooks/github")
        );
        let response = app
            .http
            .post(format!("{}/hooks/github/push?ref=main", app.url))
            .body("x")
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 200, "[{backend}]");
        let got = upstream.wait_for(1).await.remove(0);
        assert_eq!(
            (got.path.as_str(), got.query.as_deref()),
            ("/in/push", Some("ref=main"))
        );
        // Not a custom path: the web app (or its placeholder), not a trigger.
        assert_eq!(
            app.http
                .post(format!("{}/hooks/gitlab", app.url))
                .send()
                .await
                .expect("post")
                .status()
                .as_u16(),
            404
        );

        let before = app.count("callbacks").await;
        for (path, code) in [
            ("graphql/x", "BAD_USER_INPUT"),
            ("t/abc", "BAD_USER_INPUT"),
            ("a", "BAD_USER_INPUT"),
            ("no spaces", "BAD_USER_INPUT"),
            ("../up", "BAD_USER_INPUT"),
            ("hooks/github", "CONFLICT"),
        ] {
            let refused = app
                .gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "x", "callbackUrl": upstream.url("/"), "customPath": path } }))
                .await;
            refused.expect_code(code);
            if code == "BAD_USER_INPUT" {
                assert_eq!(refused.field(), Some("customPath"), "{path}");
            }
        }
        // The plan caps the timeout (free: 30 s): a plan limit (tests/it/plan_limits.rs).
        let refused = app
            .gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "x", "callbackUrl": upstream.url("/"), "timeoutDuration": 3_600_000 } }))
            .await;
        refused.expect_code("PLAN_LIMIT");
        assert_eq!(app.count("callbacks").await, before, "nothing written");
        app.stop().await;
    }
}

#[tokio::test]
async fn exactly_the_allowed_number_of_concurrent_triggers_pass() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        // A plan allowing 37 triggers a minute.
        use sea_orm::{ActiveModelTrait, Set};
        let plan = entity::subscription_plans::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set("tight".into()),
            description: Set(None),
            price: Set(0.0),
            currency: Set("USD".into()),
            interval: Set("month".into()),
            max_triggers: Set(1000),
            max_timeout_duration: Set(30),
            features: Set(json!([])),
            is_active: Set(true),
            stripe_price_id: Set(None),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            plan_limits_id: Set(None),
            polar_product_id: Set(None),
        }
        .insert(app.db())
        .await
        .expect("plan");
        entity::rate_limits::ActiveModel {
            id: Set(Uuid::now_v7()),
            plan_id: Set(plan.id),
            requests_per_second: Set(1000),
            requests_per_minute: Set(37),
            requests_per_hour: Set(1000),
            requests_per_month: Set(1000),
            is_active: Set(true),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
        }
        .insert(app.db())
        .await
        .expect("limits");
        let project_row =
            entity::projects::Entity::find_by_id(Uuid::parse_str(&project).expect("uuid"))
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
        org.subscription_plan = Set(Some("tight".into()));
        org.update(app.db()).await.expect("plan");
        app.state()
            .callbacks
            .forget(Uuid::parse_str(&hook.id).expect("uuid"));
        // The burst may fall across the turn of a minute: the counters of each minute say what
        // was allowed in it (limits at chosen instants: `each_minute_counts_on_its_own`).
        let sends = (0..200).map(|i| {
            let http = app.http.clone();
            let url = hook.url.clone();
            async move {
                http.post(url)
                    .body(format!("{i}"))
                    .send()
                    .await
                    .expect("trigger")
            }
        });
        let responses = futures_util::future::join_all(sends).await;
        let passed = responses
            .iter()
            .filter(|r| r.status().as_u16() == 200)
            .count();
        let limited: Vec<_> = responses
            .iter()
            .filter(|r| r.status().as_u16() == 429)
            .collect();
        let minutes: Vec<i64> = rate_limit_logs::Entity::find()
            .filter(
                rate_limit_logs::Column::CallbackId.eq(Uuid::parse_str(&hook.id).expect("uuid")),
            )
            .filter(rate_limit_logs::Column::Period.eq(rate_limit_logs::RateLimitPeriod::Minute))
            .all(app.db())
            .await
            .expect("db")
            .into_iter()
            .map(|row| i64::from(row.request_count))
            .collect();
        // 200 requests over at most a few minutes: some minute had far more than 37, and let
        // exactly 37 through; no minute let more through.
        assert_eq!(
            minutes.iter().max(),
            Some(&37),
            "[{backend}] exactly the allowed number pass: {minutes:?}"
        );
        assert_eq!(
            usize::try_from(minutes.iter().sum::<i64>()).ok(),
            Some(passed),
            "[{backend}] {minutes:?}"
        );
        if minutes.len() == 1 {
            assert_eq!(passed, 37, "[{backend}] within one minute");
        }
        assert_eq!(limited.len(), 200 - passed);
        assert!(limited.iter().all(|r| {
            r.headers().get("retry-after").is_some()
                && r.headers()
                    .get("ratelimit-remaining")
                    .and_then(|v| v.to_str().ok())
                    == Some("0")
        }));
        assert_eq!(
            upstream.requests().len(),
            passed,
            "refused triggers are not forwarded"
        );
        // Refusals are logged within their budget of a minute (a run crossing a minute has
        // two budgets).
        let rows = logs(&app, &hook).await;
        let refused = 200 - passed;
        let budget = vigil::callback::trigger::REFUSALS_LOGGED_PER_MINUTE as usize;
        let logged = rows.iter().filter(|l| l.event == "rate_limited").count();
        assert!(
            logged >= refused.min(budget) && logged <= refused.min(budget * minutes.len()),
            "[{backend}] {logged} of {refused} refusals logged"
        );
        assert_eq!(rows.len(), passed + logged, "[{backend}]");
        app.stop().await;
    }
}

/// The limiter at chosen instants: a burst across the turn of a minute, and what the
/// `RateLimit-*` headers are made of.
#[tokio::test]
async fn each_minute_counts_on_its_own() {
    use chrono::{DateTime, TimeZone};
    use sea_orm::TransactionTrait;
    use vigil::callback::ratelimit::{self, Admit, Decision};
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": "http://127.0.0.1:9/" }),
        )
        .await;
        let organization_id =
            entity::projects::Entity::find_by_id(Uuid::parse_str(&project).expect("uuid"))
                .one(app.db())
                .await
                .expect("db")
                .expect("project")
                .organization_id;
        let limits = vigil::callback::Limits {
            per_second: 1000,
            per_minute: 37,
            per_hour: 1000,
            per_month: 1000,
            max_timeout_ms: 30_000,
            capped: true,
        };
        let admit = |at: DateTime<Utc>| Admit {
            callback_id: Uuid::parse_str(&hook.id).expect("uuid"),
            user_id: Uuid::parse_str(&user.id).expect("uuid"),
            organization_id,
            limits,
            at,
        };
        let db = app.db();
        let decide = |batch: Vec<Admit>| async move {
            let tx = db.begin().await.expect("begin");
            let decisions = ratelimit::admit(&tx, &batch).await.expect("admit");
            tx.commit().await.expect("commit");
            decisions
        };
        let noon = Utc
            .with_ymd_and_hms(2026, 3, 14, 12, 0, 0)
            .single()
            .expect("a time");
        let ms = chrono::Duration::milliseconds;
        // 50 requests in the last 50 ms of a minute, 50 in the first 50 ms of the next.
        let burst = (0..50)
            .map(|i| admit(noon + ms(59_950 + i)))
            .chain((0..50).map(|i| admit(noon + ms(60_000 + i))))
            .collect();
        let decisions = decide(burst).await;
        let allowed = |d: &[Decision]| d.iter().filter(|d| d.allowed).count();
        assert_eq!(
            allowed(&decisions[..50]),
            37,
            "[{backend}] the first minute"
        );
        assert_eq!(allowed(&decisions[50..]), 37, "[{backend}] the next minute");
        assert!(
            decisions[..37].iter().all(|d| d.allowed),
            "in arrival order"
        );
        assert_eq!(
            (decisions[0].limit, decisions[0].remaining),
            (37, 36),
            "[{backend}]"
        );
        let refused = &decisions[37];
        assert_eq!(
            (refused.refused_by, refused.remaining, refused.reset_secs),
            (Some(rate_limit_logs::RateLimitPeriod::Minute), 0, 1),
            "[{backend}] refused until the minute turns, 13 ms later (at least 1 s)"
        );
        assert_eq!(
            decisions[87].reset_secs, 59,
            "[{backend}] {:?}",
            decisions[87]
        );
        // The counts are stored: later in the second minute it is still full, and the third
        // minute starts afresh.
        let later = decide(vec![admit(noon + ms(119_999)), admit(noon + ms(120_000))]).await;
        assert_eq!(
            later.iter().map(|d| d.allowed).collect::<Vec<_>>(),
            [false, true],
            "[{backend}]"
        );
        app.stop().await;
    }
}

/// Ends every queue lease now, as if its visibility timeout had passed.
async fn lease_runs_out(app: &TestApp) {
    use entity::queue_messages;
    queue_messages::Entity::update_many()
        .col_expr(
            queue_messages::Column::LeaseUntil,
            Some(Utc::now() - chrono::Duration::seconds(1)).into(),
        )
        .filter(queue_messages::Column::LeaseUntil.is_not_null())
        .exec(app.db())
        .await
        .expect("ending the leases");
}

#[tokio::test]
async fn every_action_type_runs_through_its_channel() {
    for backend in backends() {
        let receiver = Receiver::start().await;
        let twilio = receiver.url("/twilio");
        let app = TestApp::spawn_with(&backend, |s| s.integrations.twilio_api_base = twilio).await;
        let user = app.sign_up("actions@example.com").await;
        let (_, project) = app.create_org(&user, "Actions").await;
        let upstream = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        action(&app, &user, &hook, "HTTP_POST", json!({ "url": receiver.url("/post"), "secret": "signing-secret-1", "headers": { "x-order": "{{request.body.order.id}}" } }), 0, false).await;
        action(&app, &user, &hook, "SLACK", json!({ "channel": { "webhookUrl": receiver.url("/slack/T1/B1/xyz") }, "message": "Order {{request.body.order.id}} for {{request.body.order.customer}}" }), 1, false).await;
        action(&app, &user, &hook, "DISCORD", json!({ "channel": { "webhookUrl": receiver.url("/discord/123/abc") }, "message": "Discord {{request.body.order.id}}" }), 2, false).await;
        action(&app, &user, &hook, "EMAIL", json!({ "channel": { "to": ["sales@example.com"] }, "subject": "New order {{request.body.order.id}}", "message": "Customer: {{request.body.order.customer}}" }), 3, false).await;
        action(&app, &user, &hook, "SMS", json!({ "channel": { "accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "twilio-token-1", "from": "+15550000001", "to": ["+15550000002"] }, "message": "Order {{request.body.order.id}}" }), 4, false).await;
        action(
            &app,
            &user,
            &hook,
            "STORE",
            json!({ "key": "order-{{request.body.order.id}}" }),
            5,
            false,
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "QUEUE",
            json!({ "queue": "orders" }),
            6,
            false,
        )
        .await;

        let response = app
            .http
            .post(&hook.url)
            .header("content-type", "application/json")
            .body(r#"{"order":{"id":7,"customer":"Ada"}}"#)
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 200);
        // Seven steps, one at a time.
        let mut rounds = 0;
        while executions(&app, &hook)
            .await
            .iter()
            .any(|e| e.status != ActionExecutionStatus::Success)
        {
            let ran = run_actions(&app).await;
            assert!(
                ran <= 1,
                "[{backend}] sequential actions run one after the other, {ran} ran at once"
            );
            rounds += 1;
            assert!(rounds <= 10, "{:?}", executions(&app, &hook).await);
        }
        let got = receiver.requests();
        let post = got
            .iter()
            .find(|r| r.path == "/post")
            .expect("the HTTP POST");
        assert_eq!(
            post.json(),
            json!({ "order": { "id": 7, "customer": "Ada" } })
        );
        assert_eq!(post.header("x-order"), Some("7"));
        assert!(
            post.vigil_signature(b"signing-secret-1").is_some(),
            "X-Vigil-Signature does not verify: {:?}",
            post.header("x-vigil-signature")
        );
        assert_eq!(post.vigil_signature(b"another-secret"), None);
        assert!(
            post.header("x-vigil-delivery")
                .is_some_and(|d| d.ends_with(":1"))
        );
        let slack = got
            .iter()
            .find(|r| r.path == "/slack/T1/B1/xyz")
            .expect("slack");
        assert!(slack.text().contains("Order 7 for Ada"), "{}", slack.text());
        let discord = got
            .iter()
            .find(|r| r.path == "/discord/123/abc")
            .expect("discord");
        assert!(discord.text().contains("Discord 7"));
        let sms = got
            .iter()
            .find(|r| r.path.starts_with("/twilio/"))
            .expect("sms");
        assert_eq!(sms.form_value("Body").as_deref(), Some("Order 7"));
        let mail = app.smtp.wait_for("sales@example.com", "New order 7").await;
        assert!(mail.contains("Customer: Ada"));

        let stored = app
            .gql(Some(&user.token), "query($p: ID!) { storedPayloads(projectId: $p, key: \"order-7\") { totalCount nodes { key payload } } }", json!({ "p": project }))
            .await
            .ok();
        assert_eq!(stored["storedPayloads"]["totalCount"], 1);
        assert_eq!(
            stored["storedPayloads"]["nodes"][0]["payload"]["order"]["customer"],
            "Ada"
        );

        // The queue's messages can be read as they are, which takes none of them.
        const LIST: &str = "query($p: ID!, $s: QueueMessageStatus) { queueMessages(projectId: $p, queue: \"orders\", status: $s) { totalCount nodes { queue status deliveries payload } } }";
        let list = |status: Option<&str>| {
            let (app, user, project) = (&app, &user, &project);
            let status = status.map(str::to_owned);
            async move {
                app.gql(
                    Some(&user.token),
                    LIST,
                    json!({ "p": project, "s": status }),
                )
                .await
                .ok()["queueMessages"]
                    .clone()
            }
        };
        let listed = list(None).await;
        assert_eq!(listed["totalCount"], 1, "[{backend}] {listed}");
        assert_eq!(listed["nodes"][0]["status"], "READY");
        assert_eq!(listed["nodes"][0]["deliveries"], 0);
        assert_eq!(listed["nodes"][0]["payload"]["order"]["id"], 7);
        let outsider = app.sign_up("outsider@example.com").await;
        let refused = app
            .gql(
                Some(&outsider.token),
                LIST,
                json!({ "p": project, "s": null }),
            )
            .await;
        assert_eq!(
            refused.code(),
            Some("NOT_FOUND"),
            "[{backend}] another tenant's queue"
        );
        const PULL: &str = "mutation($p: ID!, $v: Int!) { pullQueueMessages(projectId: $p, queue: \"orders\", max: 5, visibilitySeconds: $v) { id payload deliveries } }";
        let pulled = app
            .gql(Some(&user.token), PULL, json!({ "p": project, "v": 3600 }))
            .await
            .ok();
        let messages = pulled["pullQueueMessages"]
            .as_array()
            .expect("messages")
            .clone();
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0]["payload"]["order"]["id"], 7);
        let listed = list(Some("LEASED")).await;
        assert_eq!(listed["totalCount"], 1, "[{backend}] pulled: leased");
        assert_eq!(listed["nodes"][0]["deliveries"], 1);
        assert_eq!(list(Some("READY")).await["totalCount"], 0);
        // Leased: invisible until the lease runs out, then delivered again.
        assert_eq!(
            app.gql(Some(&user.token), PULL, json!({ "p": project, "v": 3600 }))
                .await
                .ok()["pullQueueMessages"]
                .as_array()
                .map(Vec::len),
            Some(0)
        );
        lease_runs_out(&app).await;
        let again = app
            .gql(Some(&user.token), PULL, json!({ "p": project, "v": 30 }))
            .await
            .ok();
        assert_eq!(again["pullQueueMessages"][0]["deliveries"], 2);
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { ackQueueMessage(id: $id) { status } }",
            json!({ "id": messages[0]["id"] }),
        )
        .await
        .ok();
        assert_eq!(
            list(Some("ACKED")).await["totalCount"],
            1,
            "[{backend}] acknowledged"
        );
        // Acknowledged: not delivered again, even once its lease has run out.
        lease_runs_out(&app).await;
        assert_eq!(
            app.gql(Some(&user.token), PULL, json!({ "p": project, "v": 1 }))
                .await
                .ok()["pullQueueMessages"]
                .as_array()
                .map(Vec::len),
            Some(0)
        );

        // Secrets of actions never come back.
        let shown = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { callback(id: $id) { actions { type config } } }",
                json!({ "id": hook.id }),
            )
            .await;
        let text = shown.body.to_string();
        for secret in ["signing-secret-1", "twilio-token-1", "/slack/T1/B1/xyz"] {
            assert!(
                !text.contains(secret),
                "[{backend}] {secret} leaked: {text}"
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn parallel_groups_retries_and_giving_up() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let (a, b, c, d) = (
            Receiver::start().await,
            Receiver::start().await,
            Receiver::start().await,
            Receiver::start().await,
        );
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": a.url("/a") }),
            0,
            false,
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": b.url("/b"), "retryDelaySeconds": 600 }),
            1,
            true,
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": c.url("/c"), "maxAttempts": 2, "retryDelaySeconds": 3600 }),
            2,
            true,
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": d.url("/d") }),
            3,
            false,
        )
        .await;
        b.reply_with(&[500]);
        c.set_default(Reply::status(503));
        app.http
            .post(&hook.url)
            .body("{}")
            .send()
            .await
            .expect("trigger");
        let steps: Vec<i32> = executions(&app, &hook)
            .await
            .iter()
            .map(|e| e.step)
            .collect();
        assert_eq!(steps, [0, 1, 1, 2], "[{backend}]");

        assert_eq!(run_actions(&app).await, 1, "step 0 alone");
        assert_eq!(run_actions(&app).await, 2, "the parallel group together");
        let group: Vec<_> = executions(&app, &hook)
            .await
            .into_iter()
            .filter(|e| e.step == 1)
            .collect();
        assert!(
            group
                .iter()
                .all(|e| e.status == ActionExecutionStatus::Pending && e.attempt == 1),
            "{group:?}"
        );
        // Each retry waits its action's delay after the failed attempt, plus up to one delay
        // of jitter: b 600 s (it answered 500), c 3600 s (503).
        for e in &group {
            let delay = if e.error.as_deref().is_some_and(|e| e.contains("503")) {
                3600
            } else {
                600
            };
            let wait = e.next_attempt_at.expect("a retry") - e.updated_at;
            assert!(
                wait >= chrono::Duration::seconds(delay)
                    && wait < chrono::Duration::seconds(2 * delay),
                "[{backend}] retries wait: {wait} for a {delay} s delay, {e:?}"
            );
        }
        assert_eq!(
            run_actions(&app).await,
            0,
            "the retries are not due, and step 2 waits for its group"
        );
        assert!(d.requests().is_empty());

        due_now(&app).await;
        assert_eq!(run_actions(&app).await, 2);
        let all = executions(&app, &hook).await;
        let by_step1: Vec<(ActionExecutionStatus, i32)> = all
            .iter()
            .filter(|e| e.step == 1)
            .map(|e| (e.status, e.attempt))
            .collect();
        assert!(
            by_step1.contains(&(ActionExecutionStatus::Success, 2)),
            "b succeeded on its retry: {by_step1:?}"
        );
        assert!(
            by_step1.contains(&(ActionExecutionStatus::Failed, 2)),
            "c gave up after its two attempts: {by_step1:?}"
        );
        let gave_up = all
            .iter()
            .find(|e| e.status == ActionExecutionStatus::Failed)
            .expect("c");
        assert!(
            gave_up.error.as_deref().is_some_and(|e| e.contains("503")),
            "{gave_up:?}"
        );
        assert_eq!(c.requests().len(), 2);

        assert_eq!(
            run_actions(&app).await,
            1,
            "the last step runs once its group finished"
        );
        assert_eq!(
            executions(&app, &hook).await[3].status,
            ActionExecutionStatus::Success
        );
        assert_eq!(d.requests().len(), 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_pipeline_survives_a_restart_and_no_attempt_is_sent_twice() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let sink = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": sink.url("/first") }),
            0,
            false,
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": sink.url("/second") }),
            1,
            false,
        )
        .await;
        app.http
            .post(&hook.url)
            .body("{\"n\":1}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(run_actions(&app).await, 1); // the first step, then the process stops
        let settings = app.state().settings.clone();
        let _data = app.stop_keep_data().await;

        let reborn = vigil::app::build_state_with(
            settings,
            vigil::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher"),
        )
        .await
        .expect("restart");
        let ran = vigil::callback::action::run_due(&reborn, "reborn", 100)
            .await
            .expect("resume");
        assert_eq!(
            ran, 1,
            "[{backend}] the second step resumes after the restart"
        );
        let paths: Vec<String> = sink.requests().iter().map(|r| r.path.clone()).collect();
        assert_eq!(paths, ["/first", "/second"], "each action sent once");
        let deliveries: Vec<String> = sink
            .requests()
            .iter()
            .filter_map(|r| r.header("x-vigil-delivery").map(str::to_owned))
            .collect();
        assert!(
            deliveries.iter().all(|d| d.ends_with(":1")),
            "{deliveries:?}"
        );
        reborn.shutdown.cancel();
    }
}

#[tokio::test]
async fn a_dead_workers_execution_is_retried_as_a_new_attempt() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let sink = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        action(
            &app,
            &user,
            &hook,
            "HTTP_POST",
            json!({ "url": sink.url("/only") }),
            0,
            false,
        )
        .await;
        app.http
            .post(&hook.url)
            .body("{}")
            .send()
            .await
            .expect("trigger");
        // A worker took it (attempt 1) and died before answering.
        action_executions::Entity::update_many()
            .col_expr(
                action_executions::Column::Status,
                ActionExecutionStatus::Running.into(),
            )
            .col_expr(action_executions::Column::Attempt, 1.into())
            .col_expr(
                action_executions::Column::ClaimedBy,
                Some("dead".to_owned()).into(),
            )
            .col_expr(
                action_executions::Column::ClaimedUntil,
                Some(Utc::now() + chrono::Duration::minutes(5)).into(),
            )
            .exec(app.db())
            .await
            .expect("claim");
        assert_eq!(run_actions(&app).await, 0, "a live lease is respected");
        action_executions::Entity::update_many()
            .col_expr(
                action_executions::Column::ClaimedUntil,
                Some(Utc::now() - chrono::Duration::seconds(1)).into(),
            )
            .exec(app.db())
            .await
            .expect("expire");
        assert_eq!(run_actions(&app).await, 1);
        let execution = executions(&app, &hook).await.remove(0);
        assert_eq!(
            (execution.status, execution.attempt),
            (ActionExecutionStatus::Success, 2),
            "[{backend}]"
        );
        assert_eq!(
            sink.requests()[0]
                .header("x-vigil-delivery")
                .map(|d| d.ends_with(":2")),
            Some(true)
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn replays_logs_stats_and_live_logs() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        let mut socket = Ws::open(&app, Some(&user.token)).await;
        socket
            .subscribe(
                &app,
                "l",
                "subscription($c: ID!) { callbackLogAdded(callbackId: $c) { event statusCode } }",
                json!({ "c": hook.id }),
            )
            .await;
        upstream.reply_with(&[200, 500]);
        app.http
            .post(&hook.url)
            .body("one")
            .send()
            .await
            .expect("trigger");
        app.http
            .post(&hook.url)
            .body("two")
            .send()
            .await
            .expect("trigger");
        for _ in 0..2 {
            let payload = socket.payload("l").await;
            assert_eq!(
                payload["data"]["callbackLogAdded"]["event"], "forwarded",
                "[{backend}] {payload}"
            );
        }
        let data = app
            .gql(Some(&user.token), "query($id: ID!) { callback(id: $id) { stats { total successful failed successRate p95ResponseTimeMs } logs(first: 10) { totalCount nodes { id event statusCode request } } } }", json!({ "id": hook.id }))
            .await
            .ok();
        let stats = &data["callback"]["stats"];
        assert_eq!(
            (
                stats["total"].as_u64(),
                stats["successful"].as_u64(),
                stats["failed"].as_u64()
            ),
            (Some(2), Some(1), Some(1))
        );
        assert_eq!(stats["successRate"].as_f64(), Some(50.0));
        assert!(stats["p95ResponseTimeMs"].as_i64().is_some());
        let failed_log = data["callback"]["logs"]["nodes"][0]["id"]
            .as_str()
            .expect("newest log")
            .to_owned();
        assert_eq!(data["callback"]["logs"]["nodes"][0]["statusCode"], 500);

        let replay = app
            .gql(Some(&user.token), "mutation($id: ID!) { replayCallbackLog(id: $id) { id replayOf event statusCode } }", json!({ "id": failed_log }))
            .await
            .ok();
        assert_eq!(replay["replayCallbackLog"]["replayOf"], failed_log.as_str());
        assert_eq!(replay["replayCallbackLog"]["statusCode"], 200);
        let replayed = upstream.requests().pop().expect("replayed upstream");
        assert_eq!(replayed.text(), "two", "the same body again");
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_input_is_refused_and_writes_nothing() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        // Oversize body.
        let big = vec![b'x'; 1_200_000];
        let response = app
            .http
            .post(&hook.url)
            .body(big)
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 413, "[{backend}]");
        assert_eq!(logs(&app, &hook).await.len(), 0);
        assert!(upstream.requests().is_empty());
        // Unknown action type: the GraphQL layer refuses it, with a code.
        let before = app.count("actions").await;
        let unknown = app
            .gql(
                Some(&user.token),
                ACTION,
                json!({ "i": { "callbackId": hook.id, "type": "CARRIER_PIGEON", "config": {} } }),
            )
            .await;
        unknown.expect_code("BAD_USER_INPUT");
        for (kind, config, field) in [
            ("HTTP_POST", json!({}), "config.url"),
            ("HTTP_POST", json!({ "url": "ftp://x" }), "config.url"),
            (
                "HTTP_POST",
                json!({ "url": upstream.url("/"), "body": "{{secrets.all}}" }),
                "config.body",
            ),
            (
                "HTTP_POST",
                json!({ "url": upstream.url("/"), "bogus": 1 }),
                "config.bogus",
            ),
            (
                "SLACK",
                json!({ "channel": {}, "message": "x" }),
                "config.channel.webhookUrl",
            ),
            ("QUEUE", json!({ "queue": "Bad Name" }), "config.queue"),
            (
                "EMAIL",
                json!({ "channel": { "to": ["not-an-address"] }, "subject": "s", "message": "m" }),
                "config.channel.to",
            ),
            ("STORE", json!({ "maxAttempts": 99 }), "config.maxAttempts"),
        ] {
            let refused = app
                .gql(
                    Some(&user.token),
                    ACTION,
                    json!({ "i": { "callbackId": hook.id, "type": kind, "config": config } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(
                refused.field(),
                Some(field),
                "{kind} {config}: {}",
                refused.body
            );
        }
        assert_eq!(app.count("actions").await, before);
        // Viewers and strangers.
        let stranger = app.sign_up("other@example.com").await;
        app.gql(
            Some(&stranger.token),
            "query($id: ID!) { callback(id: $id) { id } }",
            json!({ "id": hook.id }),
        )
        .await
        .ok()["callback"]
            .is_null()
            .then_some(())
            .expect("another tenant's callback is invisible");
        app.gql(
            Some(&stranger.token),
            ACTION,
            json!({ "i": { "callbackId": hook.id, "type": "STORE", "config": {} } }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.stop().await;
    }
}

#[tokio::test]
async fn cloud_mode_refuses_private_callback_and_action_urls() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.mode = vigil::config::Mode::Cloud).await;
        let user = app.sign_up("cloudhooks@example.com").await;
        let (_, project) = app.create_org(&user, "Cloud hooks").await;
        let refused = app
        .gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "x", "callbackUrl": "http://127.0.0.1:9/" } }))
        .await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("callbackUrl"));
        let ok = app
        .gql(Some(&user.token), CREATE, json!({ "i": { "projectId": project, "name": "x", "callbackUrl": "https://example.com/hook" } }))
        .await
        .ok();
        let id = ok["createCallback"]["id"].as_str().expect("id");
        let refused = app
        .gql(Some(&user.token), ACTION, json!({ "i": { "callbackId": id, "type": "HTTP_POST", "config": { "url": "http://169.254.169.254/latest" } } }))
        .await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("config.url"));
        app.stop().await;
    }
}

#[tokio::test]
async fn actions_use_project_service_credentials() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let slack = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        let credential = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "ops slack", "provider": "SLACK", "secret": slack.url("/services/cred/hook") } }),
            )
            .await
            .ok()["createServiceCredential"]["id"]
            .as_str()
            .expect("credential")
            .to_owned();
        action(&app, &user, &hook, "SLACK", json!({ "channel": { "credentialId": credential }, "message": "via credential {{request.body.n}}" }), 0, false).await;
        // A credential of the wrong kind is refused.
        let twilio = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "sms", "provider": "TWILIO", "secret": "twilio-secret-1" } }),
            )
            .await
            .ok()["createServiceCredential"]["id"]
            .as_str()
            .expect("credential")
            .to_owned();
        let refused = app.gql(Some(&user.token), ACTION, json!({ "i": { "callbackId": hook.id, "type": "SLACK", "config": { "channel": { "credentialId": twilio }, "message": "x" } } })).await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("config.channel.credentialId"));

        app.http
            .post(&hook.url)
            .header("content-type", "application/json")
            .body("{\"n\":3}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(run_actions(&app).await, 1);
        let got = slack.wait_for(1).await.remove(0);
        assert_eq!(got.path, "/services/cred/hook", "[{backend}]");
        assert!(got.text().contains("via credential 3"));
        app.stop().await;
    }
}

#[tokio::test]
async fn creating_updating_and_deleting_a_callback_is_audited_with_the_caller() {
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
        let hook = callback(
            &app,
            &editor,
            &project,
            json!({ "name": "audited", "callbackUrl": "http://127.0.0.1:9/" }),
        )
        .await;
        app.gql(
            Some(&editor.token),
            "mutation($id: ID!) { updateCallback(id: $id, input: { name: \"renamed\" }) { id } }",
            json!({ "id": hook.id }),
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
            "mutation($id: ID!) { deleteCallback(id: $id) }",
            json!({ "id": hook.id }),
        )
        .await
        .expect_code("FORBIDDEN");
        app.gql(
            Some(&editor.token),
            "mutation($id: ID!) { deleteCallback(id: $id) }",
            json!({ "id": hook.id }),
        )
        .await
        .ok();
        for action in ["callback.create", "callback.update", "callback.delete"] {
            let rows =
                vigil_tests::snapshot::audit_rows(&app, action, "callbackId", &hook.id).await;
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
            vigil_tests::snapshot::audit_rows(&app, "callback.delete", "callbackId", &hook.id)
                .await[0]
                .details
                .as_ref()
                .expect("details")["name"],
            "renamed"
        );
        app.stop().await;
    }
}

/// A subscription plan named `name` whose rate limits are `[second, minute, hour, month]`,
/// made the plan of the organization of `project`.
async fn rate_plan(app: &TestApp, project: &str, name: &str, limits: [i32; 4]) {
    use sea_orm::{ActiveModelTrait, Set};
    let plan = entity::subscription_plans::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name.into()),
        description: Set(None),
        price: Set(0.0),
        currency: Set("USD".into()),
        interval: Set("month".into()),
        max_triggers: Set(100_000),
        max_timeout_duration: Set(30),
        features: Set(json!([])),
        is_active: Set(true),
        stripe_price_id: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        plan_limits_id: Set(None),
        polar_product_id: Set(None),
    }
    .insert(app.db())
    .await
    .expect("plan");
    let [second, minute, hour, month] = limits;
    entity::rate_limits::ActiveModel {
        id: Set(Uuid::now_v7()),
        plan_id: Set(plan.id),
        requests_per_second: Set(second),
        requests_per_minute: Set(minute),
        requests_per_hour: Set(hour),
        requests_per_month: Set(month),
        is_active: Set(true),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
    }
    .insert(app.db())
    .await
    .expect("limits");
    let organization_id =
        entity::projects::Entity::find_by_id(Uuid::parse_str(project).expect("uuid"))
            .one(app.db())
            .await
            .expect("db")
            .expect("project")
            .organization_id;
    entity::organization::Entity::update_many()
        .col_expr(
            entity::organization::Column::SubscriptionPlan,
            sea_orm::sea_query::Expr::value(name),
        )
        .filter(entity::organization::Column::Id.eq(organization_id))
        .exec(app.db())
        .await
        .expect("the organization's plan");
}

/// One trigger as the caller saw it: the clock just before it was sent and just after the
/// answer, the status and the rate-limit headers.
#[derive(Debug)]
struct Sent {
    before: chrono::DateTime<Utc>,
    after: chrono::DateTime<Utc>,
    status: u16,
    limit: Option<i64>,
    remaining: Option<i64>,
    reset: Option<i64>,
    retry_after: Option<i64>,
}

async fn send(app: &TestApp, hook: &Hook) -> Sent {
    let before = Utc::now();
    let response = app.http.post(&hook.url).send().await.expect("trigger");
    let after = Utc::now();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
    };
    Sent {
        before,
        after,
        status: response.status().as_u16(),
        limit: header("ratelimit-limit"),
        remaining: header("ratelimit-remaining"),
        reset: header("ratelimit-reset"),
        retry_after: header("retry-after"),
    }
}

#[tokio::test]
async fn each_period_of_the_plan_limits_triggers_and_the_headers_follow_the_binding_one() {
    use rate_limit_logs::RateLimitPeriod;
    use vigil::callback::ratelimit::window;
    const LIMIT: i64 = 3;
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        for (period, limits) in [
            (RateLimitPeriod::Second, [3, 1000, 1000, 1000]),
            (RateLimitPeriod::Minute, [1000, 3, 1000, 1000]),
            (RateLimitPeriod::Hour, [1000, 1000, 3, 1000]),
            (RateLimitPeriod::Month, [1000, 1000, 1000, 3]),
        ] {
            let name = format!("tight-{period:?}").to_lowercase();
            rate_plan(&app, &project, &name, limits).await;
            // The limit, then one more. When the requests fall on both sides of the turn of
            // the period (known from the clock around each), the window they count in is not
            // known: the sequence is tried again on a fresh callback.
            let mut checked = false;
            for _ in 0..20 {
                let hook = callback(
                    &app,
                    &user,
                    &project,
                    json!({ "callbackUrl": upstream.url("/") }),
                )
                .await;
                let forwarded = upstream.requests().len();
                let mut sent = Vec::new();
                for _ in 0..=LIMIT {
                    sent.push(send(&app, &hook).await);
                }
                let (start, end) = window(period, sent[0].before);
                if sent.iter().any(|s| {
                    window(period, s.before).0 != start || window(period, s.after).0 != start
                }) {
                    continue;
                }
                // The seconds until the period turns, as the server counts them (whole
                // seconds, at least 1), for a request sent between `before` and `after`.
                let reset_range = |s: &Sent| {
                    let left = |at: chrono::DateTime<Utc>| (end - at).num_seconds().max(1);
                    left(s.after)..=left(s.before)
                };
                for (i, s) in sent[..3].iter().enumerate() {
                    assert_eq!(s.status, 200, "[{backend}] {period:?} #{i}: {s:?}");
                    assert_eq!(s.limit, Some(LIMIT), "[{backend}] {period:?} #{i}");
                    assert_eq!(
                        s.remaining,
                        Some(LIMIT - 1 - i as i64),
                        "[{backend}] {period:?} #{i}"
                    );
                    assert!(
                        s.reset.is_some_and(|r| reset_range(s).contains(&r)),
                        "[{backend}] {period:?} #{i}: {s:?}, expected {:?}",
                        reset_range(s)
                    );
                    assert_eq!(s.retry_after, None, "[{backend}] {period:?} #{i}");
                }
                let refused = &sent[3];
                assert_eq!(refused.status, 429, "[{backend}] {period:?}: {refused:?}");
                assert_eq!(
                    (refused.limit, refused.remaining),
                    (Some(LIMIT), Some(0)),
                    "[{backend}] {period:?}"
                );
                assert!(
                    refused
                        .retry_after
                        .is_some_and(|r| reset_range(refused).contains(&r)),
                    "[{backend}] {period:?}: {refused:?}, expected {:?}",
                    reset_range(refused)
                );
                assert_eq!(refused.reset, refused.retry_after, "[{backend}] {period:?}");
                // The counter of that period holds the three that passed; the refused one is
                // logged, not forwarded.
                let counted = rate_limit_logs::Entity::find()
                    .filter(
                        rate_limit_logs::Column::CallbackId
                            .eq(Uuid::parse_str(&hook.id).expect("uuid")),
                    )
                    .filter(rate_limit_logs::Column::Period.eq(period))
                    .all(app.db())
                    .await
                    .expect("db");
                assert_eq!(
                    counted
                        .iter()
                        .map(|r| (r.period_start, r.request_count))
                        .collect::<Vec<_>>(),
                    vec![(start, 3)],
                    "[{backend}] {period:?}"
                );
                let rows = logs(&app, &hook).await;
                assert_eq!(
                    rows.iter()
                        .map(|l| l.event.as_str())
                        .filter(|e| *e == "rate_limited")
                        .count(),
                    1,
                    "[{backend}] {period:?}"
                );
                assert_eq!(rows.len(), 4, "[{backend}] {period:?}");
                assert_eq!(
                    upstream.requests().len(),
                    forwarded + 3,
                    "[{backend}] {period:?}: the three that passed were forwarded"
                );
                checked = true;
                break;
            }
            assert!(
                checked,
                "[{backend}] {period:?}: every try fell on the turn of a period"
            );
        }
        app.stop().await;
    }
}

// ---------------------------------------------------------------------------------------------
// Typed action configs: an unknown key, a value of the wrong type or a required setting left
// out is refused with its field, and nothing is written.

#[tokio::test]
async fn unknown_wrong_and_missing_action_settings_are_refused_by_name() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/") }),
        )
        .await;
        let slack = json!({ "webhookUrl": upstream.url("/slack") });
        let cases = [
            (
                "QUEUE",
                json!({ "queue": "orders", "key": "k" }),
                "config.key",
                "is not a setting of Queue actions (they take queue, maxAttempts, retryDelaySeconds)",
            ),
            (
                "SLACK",
                json!({ "channel": { "webhookUrl": upstream.url("/slack"), "to": ["a@example.com"] }, "message": "m" }),
                "config.channel.to",
                "is not a setting of SLACK providers (they take webhookUrl, credentialId)",
            ),
            (
                "HTTP_POST",
                json!({ "url": upstream.url("/"), "maxAttempts": "3" }),
                "config.maxAttempts",
                "must be a whole number from 1 to 10",
            ),
            (
                "HTTP_POST",
                json!({ "url": upstream.url("/"), "headers": "x-a: b" }),
                "config.headers",
                "must be an object of at most 50 header names to strings",
            ),
            (
                "SLACK",
                json!({ "channel": slack, "message": ["m"] }),
                "config.message",
                "must be a string",
            ),
            (
                "SMS",
                json!({ "channel": { "accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "twilio-token-1", "from": 15550000001_i64, "to": ["+15550000002"] }, "message": "m" }),
                "config.channel.from",
                "must be a string",
            ),
            ("QUEUE", json!({}), "config.queue", "is required"),
            (
                "EMAIL",
                json!({ "channel": { "to": ["ops@example.com"] }, "message": "m" }),
                "config.subject",
                "is required",
            ),
            (
                "DISCORD",
                json!({ "channel": {}, "message": "m" }),
                "config.channel.webhookUrl",
                "is required (or a credentialId)",
            ),
        ];
        let before = app.count("actions").await;
        let audits = app.count("audit_logs").await;
        for (kind, config, field, message) in cases {
            let refused = app
                .gql(
                    Some(&user.token),
                    ACTION,
                    json!({ "i": { "callbackId": hook.id, "type": kind, "config": config } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(
                refused.field(),
                Some(field),
                "{kind} {config}: {}",
                refused.body
            );
            assert_eq!(refused.message(), message, "{kind} {config}");
        }
        assert_eq!(app.count("actions").await, before);
        assert_eq!(app.count("audit_logs").await, audits);
        // On an update too, and the stored config stays as it was.
        let id = action(
            &app,
            &user,
            &hook,
            "QUEUE",
            json!({ "queue": "orders" }),
            0,
            false,
        )
        .await;
        let config = stored_config(&app, &id).await;
        assert_eq!(
            config,
            json!({ "queue": "orders", "maxAttempts": 3, "retryDelaySeconds": 5 })
        );
        let refused = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!, $i: UpdateActionInput!) { updateAction(id: $id, input: $i) { id } }",
                json!({ "id": id, "i": { "config": { "queue": "orders", "url": "https://example.com" } } }),
            )
            .await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("config.url"), "{}", refused.body);
        assert_eq!(stored_config(&app, &id).await, config);
        app.stop().await;
    }
}

/// An action's config as stored.
async fn stored_config(app: &TestApp, id: &str) -> Value {
    entity::actions::Entity::find_by_id(Uuid::parse_str(id).expect("uuid"))
        .one(app.db())
        .await
        .expect("db")
        .expect("action")
        .config
}

#[tokio::test]
async fn the_answer_of_the_callback_url_is_logged_as_a_bounded_prefix() {
    for backend in backends() {
        let (app, user, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        upstream.set_default(Reply {
            status: 200,
            body: "{\"ok\":true,\"items\":[1,2]}".into(),
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("set-cookie".into(), "upstream-session=s3cret".into()),
            ],
        });
        let hook = callback(
            &app,
            &user,
            &project,
            json!({ "callbackUrl": upstream.url("/receive") }),
        )
        .await;
        let sent = app
            .http
            .post(&hook.url)
            .body("{}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(sent.status().as_u16(), 200, "[{backend}]");

        // A long answer keeps its first 16 KiB and says how long it was.
        let long = "é".repeat(10_000);
        upstream.set_default(Reply {
            status: 500,
            body: long.clone(),
            headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
        });
        let failed = app
            .http
            .post(&hook.url)
            .body("{}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(failed.status().as_u16(), 500, "[{backend}]");

        let rows = logs(&app, &hook).await;
        assert_eq!(rows.len(), 2, "[{backend}]");
        let first = rows[0].response.clone().expect("a response");
        assert_eq!(first["contentType"], "application/json", "[{backend}]");
        assert_eq!(first["body"], "{\"ok\":true,\"items\":[1,2]}");
        assert_eq!(first["bodyTruncated"], false);
        assert!(
            !first.to_string().contains("s3cret"),
            "other headers of the answer are not kept: {first}"
        );
        let second = rows[1].response.clone().expect("a response");
        let body = second["body"].as_str().expect("text");
        assert_eq!(second["bodyTruncated"], true, "[{backend}]");
        assert_eq!(second["bodyBytes"], long.len());
        // Cut at a character boundary, within the bound.
        assert!(
            body.len() <= 16 * 1024 && body.len() > 16 * 1024 - 4,
            "{}",
            body.len()
        );
        assert!(long.starts_with(body));

        // The API shows it; a trigger that was never forwarded has none.
        let data = app
            .gql(
                Some(&user.token),
                "query($c: ID!) { callbackLogs(callbackId: $c) { nodes { event response } } }",
                json!({ "c": hook.id }),
            )
            .await
            .ok();
        let nodes = data["callbackLogs"]["nodes"].as_array().expect("nodes");
        assert!(
            nodes
                .iter()
                .any(|n| n["response"]["body"] == "{\"ok\":true,\"items\":[1,2]}"),
            "[{backend}] {data}"
        );
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { updateCallback(id: $id, input: { callbackUrl: \"http://127.0.0.1:9/closed\" }) { id } }",
            json!({ "id": hook.id }),
        )
        .await
        .ok();
        let unreachable = app
            .http
            .post(&hook.url)
            .body("{}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(unreachable.status().as_u16(), 502, "[{backend}]");
        let rows = logs(&app, &hook).await;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].event, "error");
        assert!(rows[2].response.is_none(), "[{backend}]");
        app.stop().await;
    }
}
