//! The real `vigil serve` binary with its own background loops, as it runs in production: the
//! check engine, alert and action deliveries, the run workers and the cron scheduler, on SQLite
//! and on PostgreSQL, and two processes on one PostgreSQL database where replicas matter.
//!
//! Tests drive the server through its API and the loopback servers that stand in for the
//! world (a target, webhook receivers, an SMTP receiver); they read and write the database
//! directly only for a state from the past (a schedule that fell due while no process ran) or
//! for what the API does not show (which worker holds a run). Nothing is stepped by hand: every
//! wait is on the outcome itself, bounded by the suite's hang guard.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, DurationRound, Utc};
use entity::alert_history::{self, AlertStatus};
use entity::runs::{self, RunStatus};
use entity::{jobs, monitor_locations, monitor_results};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::receivers::{Receiver, Reply};
use vigil_tests::target::Target;
use vigil_tests::{Deployment, HANG, Served, TestUser, Ws, backends, eventually};

const MONITOR: &str = "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }";
const PROVIDER: &str = "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }";
const TEST: &str = "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }";
const JOB: &str = "mutation($i: CreateJobInput!) { createJob(input: $i) { id nextRunAt } }";
const RUN: &str = "query($id: ID!) { run(id: $id) { status attempt trigger errorDetails logs k6Results { totalRequests failedRequests thresholdsPassed } } }";
const MONITOR_STATE: &str = "query($id: ID!) { monitor(id: $id) { status latestResult { isUp location } locationStatuses { location status } } }";

/// A k6 script that passes without a request.
const TRIVIAL_K6: &str = "import { check } from 'k6';\nexport default function () { check(1, { 'one is one': (v) => v === 1 }); }";

fn uuid(id: &str) -> Uuid {
    Uuid::parse_str(id).expect("a uuid")
}

/// The `id` a create mutation answered with.
async fn create(
    server: &Served,
    user: &TestUser,
    mutation: &str,
    field: &str,
    input: Value,
) -> String {
    server
        .gql(Some(&user.token), mutation, json!({ "i": input }))
        .await
        .ok()[field]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{field} gave no id"))
        .to_owned()
}

/// A user with an organization; returns the user and the organization's default project.
async fn account(server: &Served, email: &str) -> (TestUser, String) {
    let user = server.sign_up(email).await;
    let (_, project) = server.create_org(&user, "Served").await;
    (user, project)
}

async fn monitor(server: &Served, user: &TestUser, input: Value) -> String {
    create(server, user, MONITOR, "createMonitor", input).await
}

/// A daily monitor whose regular slot is hours away, so that every check in the test is its
/// first one or one the test asked for. `input(attempt)` is the monitor's input; a monitor
/// whose slot is too near is deleted and another one made. Returns the id and the attempt.
async fn quiet_monitor(
    server: &Served,
    user: &TestUser,
    input: impl Fn(usize) -> Value,
) -> (String, usize) {
    for attempt in 0..20 {
        let mut input = input(attempt);
        input["frequencyMinutes"] = json!(1440);
        let id = monitor(server, user, input).await;
        let slot = vigil::monitor::schedule::next_slot(uuid(&id), 1440, Utc::now());
        if slot > Utc::now() + chrono::Duration::hours(2) {
            return (id, attempt);
        }
        server
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { deleteMonitor(id: $id) }",
                json!({ "id": id }),
            )
            .await
            .ok();
    }
    panic!("twenty monitors in a row were due within two hours");
}

async fn check_now(server: &Served, user: &TestUser, id: &str) {
    server
        .gql(
            Some(&user.token),
            "mutation($id: ID!) { checkMonitorNow(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await
        .ok();
}

/// Waits until the monitor, as the API shows it, satisfies `done`; returns it.
async fn monitor_until(
    server: &Served,
    user: &TestUser,
    id: &str,
    what: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let done = &done;
    eventually(what, || async move {
        let monitor = server
            .gql(Some(&user.token), MONITOR_STATE, json!({ "id": id }))
            .await
            .ok()["monitor"]
            .clone();
        done(&monitor).then_some(monitor)
    })
    .await
}

/// A k6 test in a job of its own; returns the job.
async fn k6_job(
    server: &Served,
    user: &TestUser,
    project: &str,
    name: &str,
    script: &str,
    extra: Value,
) -> Value {
    let test = create(
        server,
        user,
        TEST,
        "createTest",
        json!({ "projectId": project, "title": name, "type": "PERFORMANCE", "script": script }),
    )
    .await;
    let mut input =
        json!({ "projectId": project, "name": name, "jobType": "K6", "testIds": [test] });
    if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
        input.extend(extra.clone());
    }
    server
        .gql(Some(&user.token), JOB, json!({ "i": input }))
        .await
        .ok()["createJob"]
        .clone()
}

async fn trigger(server: &Served, user: &TestUser, job: &Value) -> String {
    server
        .gql(
            Some(&user.token),
            "mutation($id: ID!) { triggerJob(id: $id) { id } }",
            json!({ "id": job["id"] }),
        )
        .await
        .ok()["triggerJob"]["id"]
        .as_str()
        .expect("a run id")
        .to_owned()
}

/// Waits until the run has ended; returns it as the API shows it.
async fn finished(server: &Served, user: &TestUser, run: &str) -> Value {
    eventually(&format!("run {run} ending"), || async move {
        let run = server
            .gql(Some(&user.token), RUN, json!({ "id": run }))
            .await
            .ok()["run"]
            .clone();
        (!matches!(run["status"].as_str(), Some("QUEUED" | "RUNNING"))).then_some(run)
    })
    .await
}

/// A k6 script that runs until `/m/gate` of the target answers 200 (the test opens it), then
/// requests `/m/done` once: a run as long as the test needs, and a count of its executions.
fn gated_k6(target: &Target) -> String {
    format!(
        r#"import http from 'k6/http';
import {{ sleep }} from 'k6';

export const options = {{ iterations: 1 }};

export default function () {{
  // At most ten minutes, the job's limit.
  for (let i = 0; i < 3000 && http.get('{gate}').status !== 200; i++) {{
    sleep(0.2);
  }}
  http.get('{done}');
}}
"#,
        gate = target.url("/m/gate"),
        done = target.url("/m/done"),
    )
}

async fn run_row(db: &DatabaseConnection, id: &str) -> runs::Model {
    runs::Entity::find_by_id(uuid(id))
        .one(db)
        .await
        .expect("reading the run")
        .expect("the run")
}

async fn results_of(db: &DatabaseConnection, monitor: &str) -> Vec<monitor_results::Model> {
    monitor_results::Entity::find()
        .filter(monitor_results::Column::MonitorId.eq(uuid(monitor)))
        .order_by_asc(monitor_results::Column::CheckedAt)
        .all(db)
        .await
        .expect("reading results")
}

async fn slots_of(db: &DatabaseConnection, monitor: &str) -> Vec<monitor_locations::Model> {
    monitor_locations::Entity::find()
        .filter(monitor_locations::Column::MonitorId.eq(uuid(monitor)))
        .all(db)
        .await
        .expect("reading the monitor's locations")
}

/// The engine checks a new monitor on its own, takes it DOWN when the target fails and UP when
/// it recovers, and the alert loop delivers both changes to a signed webhook and by SMTP, each
/// alert once.
#[tokio::test]
async fn the_engine_checks_a_monitor_and_its_alerts_reach_a_webhook_and_email() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let server = deployment.process("all").start().await;
        let (user, project) = account(&server, "oncall@example.com").await;
        let target = Target::start().await;
        let hook = Receiver::start().await;
        let webhook = create(&server, &user, PROVIDER, "createNotificationProvider", json!({ "projectId": project, "name": "hook", "type": "WEBHOOK", "config": { "url": hook.url("/alerts"), "secret": "whsec-served" } })).await;
        let email = create(&server, &user, PROVIDER, "createNotificationProvider", json!({ "projectId": project, "name": "mail", "type": "EMAIL", "config": { "to": ["pager@example.com"] } })).await;
        let (id, n) = quiet_monitor(&server, &user, |n| json!({ "projectId": project, "name": "Checkout", "type": "HTTP", "target": target.url(&format!("/m/checkout{n}")), "notificationProviderIds": [webhook, email] })).await;
        let path = format!("checkout{n}");

        // Nobody asks for the first check: the engine makes it within seconds of creation.
        let up = monitor_until(&server, &user, &id, "the first check", |m| {
            m["status"] == "UP"
        })
        .await;
        assert_eq!(up["latestResult"]["isUp"], true, "[{backend}] {up}");
        assert_eq!(target.hits(&path), 1, "[{backend}]");

        target.set(&path, 503, "unavailable");
        check_now(&server, &user, &id).await;
        monitor_until(&server, &user, &id, "the monitor going down", |m| {
            m["status"] == "DOWN"
        })
        .await;
        let down = hook.wait_for(1).await;
        let body = down[0].json();
        assert_eq!(
            body["event"], "monitor.down",
            "[{backend}] the first alert is the failure: {body}"
        );
        assert_eq!(body["title"], "Checkout is down");
        assert_eq!(body["data"]["status"], "down");
        assert!(
            down[0].header("x-vigil-signature").is_some(),
            "[{backend}] signed"
        );
        let mail = deployment
            .smtp
            .wait_for("pager@example.com", "Checkout is down")
            .await;
        assert!(mail.contains("503"), "[{backend}] {mail}");

        target.set(&path, 200, "fine again");
        check_now(&server, &user, &id).await;
        monitor_until(&server, &user, &id, "the monitor coming back up", |m| {
            m["status"] == "UP"
        })
        .await;
        let both = hook.wait_for(2).await;
        assert_eq!(both[1].json()["event"], "monitor.up", "[{backend}]");
        deployment
            .smtp
            .wait_for("pager@example.com", "Checkout is up")
            .await;

        // Four alerts (two changes, two providers), each sent once.
        let db = deployment.sql().await;
        let history = alert_history::Entity::find()
            .filter(alert_history::Column::MonitorId.eq(uuid(&id)))
            .all(&db)
            .await
            .expect("alert history");
        assert_eq!(history.len(), 4, "[{backend}] {history:?}");
        assert!(
            history
                .iter()
                .all(|a| a.status == AlertStatus::Sent && a.attempts == 1),
            "[{backend}] {history:?}"
        );
        assert_eq!(
            hook.requests().len(),
            2,
            "[{backend}] no alert is delivered twice"
        );
        server.stop().await;
        deployment.remove().await;
    }
}

/// A trigger runs its pipeline on the server's action loops: the answer of the callback URL
/// goes back to the caller, a STORE and a QUEUE action keep the payload, and an HTTP POST that
/// first meets a 503 is retried by the loop and delivered.
#[tokio::test]
async fn a_triggers_actions_run_on_the_servers_action_loops() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let server = deployment.process("all").start().await;
        let (user, project) = account(&server, "hooks@example.com").await;
        let upstream = Receiver::start().await;
        upstream.set_default(Reply::with_body(200, r#"{"accepted":true}"#));
        let sink = Receiver::start().await;
        sink.reply_with(&[503]);
        let created = server
            .gql(
                Some(&user.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerToken } }",
                json!({ "i": { "projectId": project, "name": "orders", "callbackUrl": upstream.url("/orders") } }),
            )
            .await
            .ok();
        let callback = created["createCallback"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let token = created["createCallback"]["triggerToken"]
            .as_str()
            .expect("token")
            .to_owned();
        let actions = [
            ("STORE", json!({ "key": "order-{{request.body.order.id}}" })),
            ("QUEUE", json!({ "queue": "orders" })),
            (
                "HTTP_POST",
                json!({ "url": sink.url("/post"), "maxAttempts": 3, "retryDelaySeconds": 1 }),
            ),
        ];
        for (order, (kind, config)) in actions.into_iter().enumerate() {
            server
                .gql(
                    Some(&user.token),
                    "mutation($i: CreateActionInput!) { createAction(input: $i) { id } }",
                    json!({ "i": { "callbackId": callback, "type": kind, "config": config, "order": order, "parallel": false } }),
                )
                .await
                .ok();
        }

        let response = server
            .http
            .post(format!("{}/t/{token}", server.url))
            .header("content-type", "application/json")
            .body(r#"{"order":{"id":7,"customer":"Ada"}}"#)
            .send()
            .await
            .expect("the trigger");
        assert_eq!(response.status().as_u16(), 200, "[{backend}]");
        assert_eq!(
            response.text().await.expect("a body"),
            r#"{"accepted":true}"#
        );
        assert_eq!(upstream.requests().len(), 1, "[{backend}]");

        // The refused first attempt, then the retry that got through.
        let posts = sink.wait_for(2).await;
        assert!(
            posts
                .iter()
                .all(|p| p.path == "/post" && p.json()["order"]["id"] == 7),
            "[{backend}]"
        );
        let executions = eventually("every action succeeding", || {
            let (server, user, callback) = (&server, &user, &callback);
            async move {
                let nodes = server
                    .gql(
                        Some(&user.token),
                        "query($c: ID!) { actionExecutions(callbackId: $c) { nodes { status attempt step } } }",
                        json!({ "c": callback }),
                    )
                    .await
                    .ok()["actionExecutions"]["nodes"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                (nodes.len() == 3 && nodes.iter().all(|n| n["status"] == "SUCCESS")).then_some(nodes)
            }
        })
        .await;
        let attempts: Vec<i64> = {
            let mut by_step: Vec<(i64, i64)> = executions
                .iter()
                .map(|n| {
                    (
                        n["step"].as_i64().unwrap_or(-1),
                        n["attempt"].as_i64().unwrap_or(0),
                    )
                })
                .collect();
            by_step.sort_unstable();
            by_step.into_iter().map(|(_, attempt)| attempt).collect()
        };
        assert_eq!(
            attempts,
            [1, 1, 2],
            "[{backend}] only the HTTP POST needed a retry"
        );
        assert_eq!(
            sink.requests().len(),
            2,
            "[{backend}] nothing is sent after the success"
        );

        let stored = server
            .gql(
                Some(&user.token),
                "query($p: ID!) { storedPayloads(projectId: $p, key: \"order-7\") { totalCount nodes { payload } } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        assert_eq!(stored["storedPayloads"]["totalCount"], 1, "[{backend}]");
        assert_eq!(
            stored["storedPayloads"]["nodes"][0]["payload"]["order"]["customer"],
            "Ada"
        );
        let pulled = server
            .gql(
                Some(&user.token),
                "mutation($p: ID!) { pullQueueMessages(projectId: $p, queue: \"orders\") { payload } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        assert_eq!(
            pulled["pullQueueMessages"].as_array().map(Vec::len),
            Some(1),
            "[{backend}]"
        );
        assert_eq!(pulled["pullQueueMessages"][0]["payload"]["order"]["id"], 7);
        server.stop().await;
        deployment.remove().await;
    }
}

/// A k6 job triggered through the API is claimed and run to PASSED by the server's run worker,
/// in the sandbox, against a loopback target.
#[tokio::test]
async fn a_k6_job_triggered_through_the_api_runs_to_passed() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let server = deployment.process("all").start().await;
        let (user, project) = account(&server, "load@example.com").await;
        let target = Target::start().await;
        let script = format!(
            "import http from 'k6/http';\nimport {{ check }} from 'k6';\nexport const options = {{ iterations: 3, thresholds: {{ http_req_failed: ['rate<0.01'] }} }};\nexport default function () {{ check(http.get('{}'), {{ 'is 200': (r) => r.status === 200 }}); }}\n",
            target.url("/m/load")
        );
        let job = k6_job(&server, &user, &project, "load", &script, json!({})).await;
        let run = trigger(&server, &user, &job).await;
        let done = finished(&server, &user, &run).await;
        assert_eq!(done["status"], "PASSED", "[{backend}] {done}");
        assert_eq!(done["trigger"], "MANUAL");
        assert_eq!(done["attempt"], 1);
        assert_eq!(
            done["k6Results"],
            json!([{ "totalRequests": 3, "failedRequests": 0, "thresholdsPassed": true }]),
            "[{backend}]"
        );
        assert_eq!(target.hits("load"), 3, "[{backend}] the run executed once");
        server.stop().await;
        deployment.remove().await;
    }
}

/// When `scheduledFor` says the run was made for.
fn scheduled_for(run: &runs::Model) -> Option<DateTime<Utc>> {
    run.metadata
        .as_ref()?
        .get("scheduledFor")?
        .as_str()?
        .parse()
        .ok()
}

/// README: "fire times missed while no replica ran are made up by one run". A job due every
/// minute whose schedule last fell due ten minutes ago (ten fire times missed while the
/// server was stopped) gets exactly one run when it starts, for the oldest missed time; then
/// the schedule fires by itself at the next minute, and no second make-up run comes between.
#[tokio::test]
async fn missed_cron_times_are_made_up_by_one_run_and_the_schedule_fires_by_itself() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let first = deployment.process("all").start().await;
        let (user, project) = account(&first, "cron@example.com").await;
        let job = k6_job(
            &first,
            &user,
            &project,
            "every minute",
            TRIVIAL_K6,
            json!({ "cronSchedule": "* * * * *" }),
        )
        .await;
        assert!(job["nextRunAt"].is_string(), "[{backend}] {job}");
        first.stop().await;

        // Downtime: the schedule fell due ten minutes ago.
        let db = deployment.sql().await;
        let missed = (Utc::now() - chrono::Duration::minutes(10))
            .duration_trunc(chrono::Duration::minutes(1))
            .expect("a whole minute");
        jobs::Entity::update_many()
            .col_expr(jobs::Column::NextRunAt, Some(missed).into())
            .filter(jobs::Column::Id.eq(uuid(job["id"].as_str().expect("id"))))
            .exec(&db)
            .await
            .expect("a schedule from the past");
        let restart = Utc::now();
        let server = deployment.process("all").start().await;
        let job_id = uuid(job["id"].as_str().expect("id"));
        let runs_of_job = || {
            let db = db.clone();
            async move {
                runs::Entity::find()
                    .filter(runs::Column::JobId.eq(job_id))
                    .order_by_asc(runs::Column::CreatedAt)
                    .all(&db)
                    .await
                    .expect("runs")
            }
        };
        // The next regular fire time, which only the schedule can start.
        let later = eventually(
            "the schedule firing by itself after the make-up run",
            || async {
                runs_of_job()
                    .await
                    .into_iter()
                    .find(|r| scheduled_for(r).is_some_and(|at| at > restart))
            },
        )
        .await;
        let all = runs_of_job().await;
        let made_up: Vec<&runs::Model> = all
            .iter()
            .filter(|r| r.created_at > restart && scheduled_for(r).is_some_and(|at| at <= restart))
            .collect();
        assert_eq!(
            made_up.len(),
            1,
            "[{backend}] one run for ten missed times: {all:?}"
        );
        assert_eq!(scheduled_for(made_up[0]), Some(missed), "[{backend}]");
        assert!(
            made_up[0].trigger == runs::RunTrigger::Schedule
                && later.trigger == runs::RunTrigger::Schedule,
            "[{backend}]"
        );
        assert!(made_up[0].created_at < later.created_at);
        let made_up_run = made_up[0].id.to_string();
        let done = finished(&server, &user, &made_up_run).await;
        assert_eq!(done["status"], "PASSED", "[{backend}] {done}");
        let next = server
            .gql(
                Some(&user.token),
                "query($id: ID!) { job(id: $id) { nextRunAt } }",
                json!({ "id": job["id"] }),
            )
            .await
            .ok();
        let next: DateTime<Utc> = next["job"]["nextRunAt"]
            .as_str()
            .expect("a next time")
            .parse()
            .expect("a time");
        assert!(
            next > restart,
            "[{backend}] the schedule moved on to the future: {next}"
        );
        server.stop().await;
        deployment.remove().await;
    }
}

/// README: "a process that was down resumes without a burst of missed checks". Monitors checked
/// every 5 minutes whose slots fell due two hours ago (24 missed checks each) are checked once
/// each when the server starts again, and their next check is one period ahead, in their phase.
#[tokio::test]
async fn after_downtime_each_monitor_is_checked_once_not_in_a_burst() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let first = deployment.process("all").start().await;
        let (user, project) = account(&first, "burst@example.com").await;
        let target = Target::start().await;
        let mut ids = Vec::new();
        for i in 0..3 {
            ids.push(monitor(&first, &user, json!({ "projectId": project, "name": format!("m{i}"), "type": "HTTP", "target": target.url(&format!("/m/burst{i}")), "frequencyMinutes": 5 })).await);
        }
        for id in &ids {
            monitor_until(&first, &user, id, "the first check", |m| {
                m["status"] == "UP"
            })
            .await;
        }
        first.stop().await;

        let db = deployment.sql().await;
        let long_ago = Utc::now() - chrono::Duration::hours(2);
        monitor_locations::Entity::update_many()
            .col_expr(monitor_locations::Column::NextCheckAt, long_ago.into())
            .exec(&db)
            .await
            .expect("slots due two hours ago");
        let hits_before: Vec<u32> = (0..3).map(|i| target.hits(&format!("burst{i}"))).collect();
        let restart = Utc::now();
        let server = deployment.process("all").start().await;
        eventually("a check of each monitor after the restart", || async {
            for id in &ids {
                let checked = results_of(&db, id)
                    .await
                    .iter()
                    .any(|r| r.checked_at > restart);
                let idle = slots_of(&db, id)
                    .await
                    .iter()
                    .all(|s| s.claimed_by.is_none());
                if !(checked && idle) {
                    return None;
                }
            }
            Some(())
        })
        .await;
        for (i, id) in ids.iter().enumerate() {
            let after: Vec<monitor_results::Model> = results_of(&db, id)
                .await
                .into_iter()
                .filter(|r| r.checked_at > restart)
                .collect();
            // The one check that stands for the missed ones; the next is the regular slot,
            // one period on and in the monitor's phase.
            let slot = vigil::monitor::schedule::next_slot(uuid(id), 5, after[0].checked_at);
            assert_eq!(
                slot.timestamp().rem_euclid(300),
                vigil::monitor::schedule::phase_secs(uuid(id), 300),
                "[{backend}] the monitor keeps its phase"
            );
            assert!(slot <= after[0].checked_at + chrono::Duration::minutes(5));
            let early = after.iter().filter(|r| r.checked_at < slot).count();
            assert_eq!(
                early, 1,
                "[{backend}] monitor {i}: one check, not a burst: {after:?}"
            );
            let next = slots_of(&db, id).await.remove(0).next_check_at;
            assert!(
                next >= slot,
                "[{backend}] monitor {i}: next check at {next}, slot {slot}"
            );
            assert_eq!(
                target.hits(&format!("burst{i}")),
                hits_before[i] + u32::try_from(after.len()).unwrap_or(0),
                "[{backend}] monitor {i}: one request per result"
            );
        }
        server.stop().await;
        deployment.remove().await;
    }
}

/// README: the `worker` role runs "checks, alerts and actions only". A worker process serves no
/// API, no app and no triggers (only health checks), yet it checks the monitors and executes
/// the runs that an `api` process took in. On PostgreSQL the two run side by side; a SQLite
/// database has one process at a time, so there the api process stops before the worker starts
/// and starts again to show what the worker did.
#[tokio::test]
async fn a_worker_process_checks_and_runs_but_serves_no_api() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let postgres = matches!(backend, vigil_tests::Backend::Postgres(_));
        let api = deployment.process("api").role("api").start().await;
        let (user, project) = account(&api, "roles@example.com").await;
        let target = Target::start().await;
        let id = monitor(&api, &user, json!({ "projectId": project, "name": "by the worker", "type": "HTTP", "target": target.url("/m/role") })).await;
        let job = k6_job(
            &api,
            &user,
            &project,
            "by the worker",
            TRIVIAL_K6,
            json!({}),
        )
        .await;
        let run = trigger(&api, &user, &job).await;
        let api = if postgres {
            Some(api)
        } else {
            api.stop().await;
            None
        };

        let worker = deployment.process("worker").role("worker").start().await;
        for (method, path) in [("GET", "/healthz"), ("GET", "/readyz")] {
            let status = worker
                .http
                .request(
                    method.parse().expect("a method"),
                    format!("{}{path}", worker.url),
                )
                .send()
                .await
                .expect("a request")
                .status();
            assert_eq!(status.as_u16(), 200, "[{backend}] {method} {path}");
        }
        for (method, path) in [
            ("POST", "/graphql"),
            ("GET", "/graphql"),
            ("GET", "/"),
            ("GET", "/graphql/ws"),
            ("POST", "/t/anything"),
            (
                "POST",
                &*format!("/api/jobs/{}/trigger", job["id"].as_str().expect("id")),
            ),
        ] {
            let status = worker
                .http
                .request(
                    method.parse().expect("a method"),
                    format!("{}{path}", worker.url),
                )
                .send()
                .await
                .expect("a request")
                .status();
            assert_eq!(
                status.as_u16(),
                404,
                "[{backend}] {method} {path} on a worker"
            );
        }
        let db = deployment.sql().await;
        eventually(
            "the worker checking the monitor and finishing the run",
            || async {
                let checked = !results_of(&db, &id).await.is_empty();
                let ran = run_row(&db, &run).await.status == RunStatus::Passed;
                (checked && ran).then_some(())
            },
        )
        .await;
        worker.stop().await;

        let api = match api {
            Some(api) => api,
            None => deployment.process("api").role("api").start().await,
        };
        let state = monitor_until(&api, &user, &id, "the monitor's result", |m| {
            m["status"] == "UP"
        })
        .await;
        assert_eq!(state["latestResult"]["isUp"], true, "[{backend}]");
        let done = finished(&api, &user, &run).await;
        assert_eq!(done["status"], "PASSED", "[{backend}] {done}");
        assert_eq!(done["attempt"], 1);
        api.stop().await;
        deployment.remove().await;
    }
}

/// README: "Workers hold a lease on a run and renew it". The lease lasts 60 s and no setting
/// shortens it, so the test shortens the lease of a running run in the database to 15 s from
/// now, as if 45 s of it had passed, and keeps the run going past that: the worker renews the
/// lease in time, the lease sweep that comes after the shortened end leaves the run alone (a
/// second run, whose worker "died" with a lease ending at the same moment, shows that a sweep
/// ran), and the run ends PASSED on its first attempt, executed once.
#[tokio::test]
async fn a_run_longer_than_its_lease_keeps_it_by_renewal_and_runs_once() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        // One run at a time, so that the second run waits in the queue until the test moves it.
        let server = deployment
            .process("all")
            .env("VIGIL_RUNNER_MAX_CONCURRENT", "1")
            .start()
            .await;
        let (user, project) = account(&server, "lease@example.com").await;
        let target = Target::start().await;
        target.set("gate", 503, "wait");
        let long = k6_job(
            &server,
            &user,
            &project,
            "long",
            &gated_k6(&target),
            json!({}),
        )
        .await;
        let short = k6_job(&server, &user, &project, "short", TRIVIAL_K6, json!({})).await;
        let run = trigger(&server, &user, &long).await;
        let db = deployment.sql().await;
        let claimed = eventually("the long run starting", || async {
            let row = run_row(&db, &run).await;
            (row.status == RunStatus::Running && target.hits("gate") > 0).then_some(row)
        })
        .await;
        let worker = claimed.claimed_by.clone().expect("a worker holds the run");
        let other = trigger(&server, &user, &short).await;
        assert_eq!(
            run_row(&db, &other).await.status,
            RunStatus::Queued,
            "[{backend}]"
        );

        let lease_end = Utc::now() + chrono::Duration::seconds(15);
        for (id, holder) in [
            (&run, worker.clone()),
            (&other, "a-worker-that-died".to_owned()),
        ] {
            runs::Entity::update_many()
                .col_expr(runs::Column::Status, RunStatus::Running.into())
                .col_expr(runs::Column::ClaimedBy, Some(holder).into())
                .col_expr(runs::Column::ClaimedUntil, Some(lease_end).into())
                .col_expr(runs::Column::Attempt, 1.into())
                .col_expr(runs::Column::StartedAt, Some(Utc::now()).into())
                .filter(runs::Column::Id.eq(uuid(id)))
                .exec(&db)
                .await
                .expect("a lease about to end");
        }
        let renewed = eventually("the worker renewing the lease", || async {
            let row = run_row(&db, &run).await;
            row.claimed_until
                .is_some_and(|until| until > lease_end)
                .then_some(row)
        })
        .await;
        assert_eq!(
            renewed.claimed_by.as_deref(),
            Some(worker.as_str()),
            "[{backend}]"
        );
        // The sweep after the lease's shortened end takes the dead worker's run back ...
        eventually(
            "the lease sweep queueing the dead worker's run again",
            || async {
                let row = run_row(&db, &other).await;
                (row.status != RunStatus::Running).then_some(())
            },
        )
        .await;
        assert!(Utc::now() > lease_end);
        // ... and leaves the renewed one with its worker.
        let row = run_row(&db, &run).await;
        assert_eq!(row.status, RunStatus::Running, "[{backend}]");
        assert_eq!(
            row.claimed_by.as_deref(),
            Some(worker.as_str()),
            "[{backend}]"
        );
        assert_eq!(row.attempt, 1, "[{backend}]");

        target.set("gate", 200, "go");
        let done = finished(&server, &user, &run).await;
        assert_eq!(done["status"], "PASSED", "[{backend}] {done}");
        assert_eq!(done["attempt"], 1, "[{backend}] claimed once");
        assert_eq!(target.hits("done"), 1, "[{backend}] executed once");
        let again = finished(&server, &user, &other).await;
        assert_eq!(again["status"], "PASSED", "[{backend}] {again}");
        assert_eq!(
            again["attempt"], 2,
            "[{backend}] the dead worker's run ran again"
        );
        server.stop().await;
        deployment.remove().await;
    }
}

/// Results per monitor, and whether any slot is claimed right now.
async fn result_counts(db: &DatabaseConnection, ids: &[String]) -> (Vec<usize>, bool) {
    let mut counts = Vec::new();
    let mut claimed = false;
    for id in ids {
        counts.push(results_of(db, id).await.len());
        claimed |= slots_of(db, id)
            .await
            .iter()
            .any(|s| s.claimed_by.is_some());
    }
    (counts, claimed)
}

/// Two processes on one PostgreSQL database, both checking the `default` location and both
/// running jobs: every due check is made by one of them (one request to the target, one
/// result), and every run is claimed and executed once, with both processes taking runs.
#[tokio::test]
async fn two_processes_check_each_due_monitor_once_and_claim_each_run_once() {
    let Some(backend) =
        vigil_tests::postgres_or_skip("served::two_processes_check_each_due_monitor_once")
    else {
        return;
    };
    let deployment = Deployment::new(&backend).await;
    let a = deployment
        .process("a")
        .env("VIGIL_RUNNER_MAX_CONCURRENT", "1")
        .start()
        .await;
    let b = deployment
        .process("b")
        .env("VIGIL_RUNNER_MAX_CONCURRENT", "1")
        .start()
        .await;
    let (user, project) = account(&a, "replicas@example.com").await;
    let target = Target::start().await;
    let db = deployment.sql().await;

    let (mut ids, mut paths) = (Vec::new(), Vec::new());
    for i in 0..12 {
        let (id, n) = quiet_monitor(&a, &user, |n| json!({ "projectId": project, "name": format!("m{i}"), "type": "HTTP", "target": target.url(&format!("/m/dup{i}-{n}")) })).await;
        ids.push(id);
        paths.push(format!("dup{i}-{n}"));
    }
    for round in 1..=4usize {
        if round > 1 {
            // Asked on both processes; both engines claim at the same whole seconds.
            for (i, id) in ids.iter().enumerate() {
                check_now(if i % 2 == 0 { &a } else { &b }, &user, id).await;
            }
        }
        let counts = eventually(&format!("round {round} of checks"), || async {
            let (counts, claimed) = result_counts(&db, &ids).await;
            (!claimed && counts.iter().all(|n| *n >= round)).then_some(counts)
        })
        .await;
        assert_eq!(
            counts,
            vec![round; ids.len()],
            "round {round}: one result per due check"
        );
        for (i, path) in paths.iter().enumerate() {
            assert_eq!(
                target.hits(path) as usize,
                round,
                "monitor {i}, round {round}"
            );
        }
    }

    // Runs: each process runs one at a time, so two gated runs are held one by each.
    target.set("gate", 503, "wait");
    let job = k6_job(&a, &user, &project, "gated", &gated_k6(&target), json!({})).await;
    let mut run_ids = Vec::new();
    for i in 0..4 {
        run_ids.push(trigger(if i % 2 == 0 { &a } else { &b }, &user, &job).await);
    }
    let holders = eventually("both processes holding a run", || async {
        let mut holders = HashSet::new();
        for id in &run_ids {
            let row = run_row(&db, id).await;
            if row.status == RunStatus::Running {
                holders.insert(row.claimed_by.clone().unwrap_or_default());
            }
        }
        (holders.len() == 2).then_some(holders)
    })
    .await;
    let mut statuses = HashMap::new();
    for id in &run_ids {
        *statuses
            .entry(format!("{:?}", run_row(&db, id).await.status))
            .or_insert(0) += 1;
    }
    assert_eq!(
        statuses,
        HashMap::from([("Running".to_owned(), 2), ("Queued".to_owned(), 2)]),
        "holders {holders:?}"
    );
    target.set("gate", 200, "go");
    for id in &run_ids {
        let done = finished(&a, &user, id).await;
        assert_eq!(done["status"], "PASSED", "{done}");
        assert_eq!(done["attempt"], 1, "claimed once: {done}");
    }
    assert_eq!(target.hits("done"), 4, "each run executed once");
    a.stop().await;
    b.stop().await;
    deployment.remove().await;
}

/// Two processes on one PostgreSQL database checking two locations, `eu` and `us`: a result
/// that the `us` process records reaches a subscription opened on the `eu` process, and a
/// monitor checked from both follows its `aggregation` rule (README: "`ANY` (down when one
/// location sees it down), `MAJORITY` or `ALL`"): one location of two down leaves a MAJORITY
/// monitor UP and takes an ANY monitor DOWN; both down take the MAJORITY monitor DOWN.
#[tokio::test]
async fn two_locations_stream_results_across_processes_and_vote_by_majority() {
    let Some(backend) =
        vigil_tests::postgres_or_skip("served::two_locations_stream_results_across_processes")
    else {
        return;
    };
    let deployment = Deployment::new(&backend).await;
    let eu = deployment.process("eu").location("eu").start().await;
    let us = deployment.process("us").location("us").start().await;
    let (user, project) = account(&eu, "regions@example.com").await;
    let target = Target::start().await;
    let db = deployment.sql().await;

    // Live across processes: only the `us` process checks this monitor.
    let far = monitor(&eu, &user, json!({ "projectId": project, "name": "far", "type": "HTTP", "target": target.url("/m/far"), "locations": ["us"] })).await;
    let mut socket = Ws::connect(&eu.url, Some(&user.token)).await;
    socket
        .start(
            "r",
            "subscription($m: ID) { monitorResultAdded(monitorId: $m) { id monitorId location isUp } }",
            json!({ "m": far }),
        )
        .await;
    // The server cannot be asked when the subscription is live: ask for checks until one
    // arrives.
    let deadline = tokio::time::Instant::now() + HANG;
    let payload = loop {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no result reached the subscription within {} s",
            HANG.as_secs()
        );
        if let Some(payload) = socket.payload_within("r", Duration::from_secs(2)).await {
            break payload;
        }
        check_now(&eu, &user, &far).await;
    };
    let result = &payload["data"]["monitorResultAdded"];
    assert_eq!(result["monitorId"], far.as_str(), "{payload}");
    assert_eq!(
        result["location"], "us",
        "recorded by the us process: {payload}"
    );
    let stored = monitor_results::Entity::find_by_id(uuid(result["id"].as_str().expect("id")))
        .one(&db)
        .await
        .expect("db")
        .expect("the result is stored");
    assert_eq!(stored.location, "us");

    // Majority: each monitor's target answers its next request with 500, then 200.
    let (majority_target, any_target) = (Receiver::start().await, Receiver::start().await);
    let both = json!(["eu", "us"]);
    let (majority, _) = quiet_monitor(&eu, &user, |_| json!({ "projectId": project, "name": "majority", "type": "HTTP", "target": majority_target.url("/health"), "locations": both, "aggregation": "MAJORITY" })).await;
    let (any, _) = quiet_monitor(&eu, &user, |_| json!({ "projectId": project, "name": "any", "type": "HTTP", "target": any_target.url("/health"), "locations": both, "aggregation": "ANY" })).await;
    let statuses = |m: &Value| -> Vec<String> {
        let mut s: Vec<String> = m["locationStatuses"]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|x| x["status"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        s.sort();
        s
    };
    let checked = |n: usize| {
        let (db, ids) = (&db, [majority.clone(), any.clone()]);
        async move {
            eventually(&format!("{n} results of each monitor"), || async {
                let (counts, claimed) = result_counts(db, &ids).await;
                (!claimed && counts.iter().all(|c| *c >= n)).then_some(())
            })
            .await;
        }
    };
    checked(2).await;
    for id in [&majority, &any] {
        let m = monitor_until(&eu, &user, id, "both locations up", |m| m["status"] == "UP").await;
        assert_eq!(statuses(&m), ["UP", "UP"], "{m}");
    }
    majority_target.reply_with(&[500]);
    any_target.reply_with(&[500]);
    check_now(&eu, &user, &majority).await;
    check_now(&us, &user, &any).await;
    checked(4).await;
    let m = monitor_until(&eu, &user, &majority, "the majority monitor", |_| true).await;
    assert_eq!(
        statuses(&m),
        ["DOWN", "UP"],
        "one location of two sees it down: {m}"
    );
    assert_eq!(m["status"], "UP", "one of two is no majority: {m}");
    let a = monitor_until(&eu, &user, &any, "the any monitor", |_| true).await;
    assert_eq!(statuses(&a), ["DOWN", "UP"], "{a}");
    assert_eq!(a["status"], "DOWN", "one is enough for ANY: {a}");

    majority_target.set_default(Reply::status(500));
    check_now(&eu, &user, &majority).await;
    check_now(&eu, &user, &any).await;
    checked(6).await;
    let m = monitor_until(&eu, &user, &majority, "the majority monitor", |_| true).await;
    assert_eq!(statuses(&m), ["DOWN", "DOWN"], "{m}");
    assert_eq!(m["status"], "DOWN", "two of two are a majority: {m}");
    assert_eq!(
        results_of(&db, &majority)
            .await
            .iter()
            .filter(|r| r.location == "eu")
            .count(),
        3
    );
    eu.stop().await;
    us.stop().await;
    deployment.remove().await;
}

/// TCP ports on which processes of `run` (their command line names the run's work directory)
/// listen, from `/proc`: the run shares the host's network namespace in self-hosted mode.
fn ports_listened_on_by(run: &str) -> Vec<u16> {
    let mut sockets = HashSet::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if !String::from_utf8_lossy(&cmdline).contains(run) {
            continue;
        }
        for fd in std::fs::read_dir(entry.path().join("fd"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(link) = std::fs::read_link(fd.path())
                && let Some(inode) = link
                    .to_string_lossy()
                    .strip_prefix("socket:[")
                    .and_then(|rest| rest.strip_suffix(']'))
            {
                sockets.insert(inode.to_owned());
            }
        }
    }
    let mut ports = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = std::fs::read_to_string(table).unwrap_or_default();
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // local address, state (0A: listening), inode.
            if let (Some(local), Some(&"0A"), Some(inode)) =
                (fields.get(1), fields.get(3), fields.get(9))
                && sockets.contains(*inode)
                && let Some(port) = local
                    .rsplit(':')
                    .next()
                    .and_then(|p| u16::from_str_radix(p, 16).ok())
            {
                ports.push(port);
            }
        }
    }
    ports
}

/// A k6 run opens no port: k6's REST API (on `localhost:6565` by default) would let any other
/// script on the host's network pause or stop the run and read its metrics, and a second run
/// at the same time logged that the address was taken.
#[tokio::test]
async fn a_k6_run_listens_on_no_port() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let server = deployment.process("all").start().await;
        let (user, project) = account(&server, "ports@example.com").await;
        let target = Target::start().await;
        target.set("gate", 503, "wait");
        let job = k6_job(
            &server,
            &user,
            &project,
            "gated",
            &gated_k6(&target),
            json!({}),
        )
        .await;
        let run = trigger(&server, &user, &job).await;
        eventually("k6 running", || async {
            (target.hits("gate") > 0).then_some(())
        })
        .await;
        assert!(
            std::fs::read_dir("/proc")
                .into_iter()
                .flatten()
                .flatten()
                .any(|p| std::fs::read(p.path().join("cmdline"))
                    .is_ok_and(|c| String::from_utf8_lossy(&c).contains(&run))),
            "[{backend}] the run's processes are found by its work directory"
        );
        assert_eq!(ports_listened_on_by(&run), Vec::<u16>::new(), "[{backend}]");
        target.set("gate", 200, "go");
        let done = finished(&server, &user, &run).await;
        assert_eq!(done["status"], "PASSED", "[{backend}] {done}");
        let logs = done["logs"].as_str().unwrap_or_default();
        assert!(!logs.contains("API server"), "[{backend}] {logs}");
        server.stop().await;
        deployment.remove().await;
    }
}

/// The api process restarted under a live subscription while the workers go on checking (on
/// PostgreSQL, which split roles need): the
/// client learns of the gap (its socket closes), subscribes again on the restarted process,
/// refetches what it shows and finds every result made meanwhile, and the new subscription
/// repeats none of the results it had already been sent.
#[tokio::test]
async fn a_subscriber_of_a_restarted_api_process_refetches_the_gap_and_gets_no_duplicate() {
    const MONITORS: usize = 30;
    // Events cross processes through PostgreSQL's LISTEN/NOTIFY: split roles need it.
    let name = "a_subscriber_of_a_restarted_api_process_refetches_the_gap_and_gets_no_duplicate";
    if let Some(backend) = vigil_tests::postgres_or_skip(name) {
        let deployment = Deployment::new(&backend).await;
        let api = deployment.process("api").role("api").start().await;
        let worker = deployment.process("worker").role("worker").start().await;
        let user = api.sign_up("restart@example.com").await;
        let (_, project) = api.create_org(&user, "Restart").await;
        let target = Target::start().await;
        let mut monitors = Vec::new();
        for i in 0..MONITORS {
            monitors.push(
                api.gql(
                    Some(&user.token),
                    MONITOR,
                    json!({ "i": { "projectId": project, "name": format!("m{i}"), "type": "HTTP",
                        "target": target.url(&format!("/m/{i}")), "frequencyMinutes": 1 } }),
                )
                .await
                .ok()["createMonitor"]["id"]
                    .as_str()
                    .expect("monitor")
                    .to_owned(),
            );
        }
        let subscription = "subscription($p: ID!) { monitorResultAdded(projectId: $p) { id } }";
        let mut socket = Ws::connect(&api.url, Some(&user.token)).await;
        socket
            .start("results", subscription, json!({ "p": project }))
            .await;
        let mut sent: HashSet<String> = HashSet::new();
        let first = socket
            .payload_within("results", HANG)
            .await
            .expect("a worker's result reaches the api's subscriber");
        sent.insert(
            first["data"]["monitorResultAdded"]["id"]
                .as_str()
                .expect("id")
                .to_owned(),
        );

        // kill -9 of the api; the worker goes on checking.
        let port: u16 = api
            .url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("the api's port");
        let db = deployment.sql().await;
        let count = |db: DatabaseConnection| async move {
            monitor_results::Entity::find()
                .all(&db)
                .await
                .expect("results")
                .into_iter()
                .map(|r| r.id.to_string())
                .collect::<HashSet<String>>()
        };
        let before = count(db.clone()).await;
        api.kill().await;
        // The client learns of the gap: its socket ends.
        let mut closed = false;
        for _ in 0..1000 {
            match tokio::time::timeout(HANG, socket.next()).await {
                Ok(None) | Err(_) => {
                    closed = true;
                    break;
                }
                Ok(Some(message)) => {
                    if let Some(id) =
                        message["payload"]["data"]["monitorResultAdded"]["id"].as_str()
                    {
                        sent.insert(id.to_owned());
                    }
                }
            }
        }
        assert!(closed, "[{backend}] the socket of a killed process ends");
        let gap: HashSet<String> = eventually("a result made while the api is down", || {
            let db = db.clone();
            let before = before.clone();
            async move {
                let now = count(db).await;
                let made: HashSet<String> = now.difference(&before).cloned().collect();
                (!made.is_empty()).then_some(made)
            }
        })
        .await;

        // The api again, on the same address; the client subscribes again, then refetches.
        let api = deployment
            .process("api")
            .role("api")
            .port(port)
            .start()
            .await;
        let mut socket = Ws::connect(&api.url, Some(&user.token)).await;
        socket
            .start("results", subscription, json!({ "p": project }))
            .await;
        let aliases: String = monitors
            .iter()
            .enumerate()
            .map(|(i, id)| {
                format!(
                    "m{i}: monitorResults(monitorId: \"{id}\", first: 20) {{ nodes {{ id }} }} "
                )
            })
            .collect();
        let refetched = api
            .gql(Some(&user.token), &format!("{{ {aliases} }}"), json!({}))
            .await
            .ok();
        let listed: HashSet<String> = refetched
            .as_object()
            .expect("the aliases")
            .values()
            .flat_map(|page| page["nodes"].as_array().cloned().unwrap_or_default())
            .map(|n| n["id"].as_str().expect("id").to_owned())
            .collect();
        let missing: Vec<&String> = gap.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "[{backend}] the refetch lists every result of the gap: {missing:?}"
        );
        // New results arrive on the new subscription, none of them one already sent.
        let mut fresh = 0;
        while fresh < 3 {
            let payload = socket
                .payload_within("results", HANG)
                .await
                .expect("results go on after the restart");
            let id = payload["data"]["monitorResultAdded"]["id"]
                .as_str()
                .unwrap_or_else(|| panic!("a result: {payload}"))
                .to_owned();
            assert!(
                !sent.contains(&id) && !gap.contains(&id),
                "[{backend}] {id} sent again"
            );
            assert!(sent.insert(id), "[{backend}] twice on the new subscription");
            fresh += 1;
        }
        drop(socket);
        api.stop().await;
        worker.stop().await;
        deployment.remove().await;
    }
}
