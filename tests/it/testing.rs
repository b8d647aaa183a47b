//! Test automation end to end: real Playwright with the system Chromium and real k6 against
//! servers on loopback, in the bubblewrap sandbox; cron schedules, capacity, cancel, remote
//! triggers, lease recovery, secret masking, live subscriptions, usage.
//!
//! Every test runs on SQLite and, when `TEST_DATABASE_URL` is set, on PostgreSQL; tests that
//! need several processes on one database run on PostgreSQL only, and say so when it is absent.

use chrono::{Timelike, Utc};
use entity::runs::{self, RunStatus};
use entity::{jobs, k6_performance_runs, organization, reports, usage_events};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::ops::{BROWSER, create_job, create_test, finish, run_row, setup, trigger};
use vigil_tests::snapshot::uuid;
use vigil_tests::target::Target;
use vigil_tests::{TestApp, TestUser, Ws, backends, tools_dir};

async fn get(app: &TestApp, token: Option<&str>, path: &str) -> reqwest::Response {
    let mut request = app.http.get(format!("{}{path}", app.url));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

const PASSING: &str = r#"import { test, expect } from '@playwright/test';
import { getVariable } from './vigil';

test('the page greets and reacts', async ({ page }) => {
  await page.goto(getVariable('BASE_URL') + '/page');
  await expect(page).toHaveTitle('Vigil shop');
  await page.click('#go');
  await expect(page.locator('#greeting')).toHaveText('Clicked');
  console.log('clicked through');
});
"#;

const FAILING: &str = r#"import { test, expect } from '@playwright/test';
import { getVariable } from './vigil';

test('expects a heading the page does not have', async ({ page }) => {
  await page.goto(getVariable('BASE_URL') + '/page');
  await expect(page.locator('#greeting')).toHaveText('Goodbye', { timeout: 1500 });
});
"#;

async fn variable(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    key: &str,
    value: &str,
    secret: bool,
) {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateProjectVariableInput!) { createProjectVariable(input: $i) { id } }",
        json!({ "i": { "projectId": project, "key": key, "value": value, "isSecret": secret } }),
    )
    .await
    .ok();
}

#[tokio::test]
async fn playwright_runs_a_passing_and_a_failing_test_against_a_local_page() {
    let _turn = BROWSER.lock().await;
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        let target = Target::start().await;
        variable(&app, &user, &project, "BASE_URL", &target.url(""), false).await;
        let pass = create_test(&app, &user, &project, "Greeting works", "BROWSER", PASSING).await;
        let fail = create_test(
            &app,
            &user,
            &project,
            "Goodbye expected",
            "BROWSER",
            FAILING,
        )
        .await;

        let good = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "good", "testIds": [pass] }),
        )
        .await;
        let bad = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "bad", "testIds": [fail] }),
        )
        .await;
        let good_run = trigger(&app, &user.token, good["id"].as_str().expect("id")).await;
        let bad_run = trigger(&app, &user.token, bad["id"].as_str().expect("id")).await;

        let passed = finish(&app, &good_run).await;
        assert_eq!(
            passed.status,
            RunStatus::Passed,
            "{:?}\n{}",
            passed.error_details,
            passed.logs.clone().unwrap_or_default()
        );
        assert_eq!(passed.exit_code, Some(0));
        assert!(passed.duration_ms.is_some_and(|d| d > 0));
        assert!(
            passed
                .logs
                .as_deref()
                .unwrap_or_default()
                .contains("clicked through")
        );
        assert_eq!(passed.location.as_deref(), Some("default"));
        assert!(
            passed
                .report_s3_url
                .as_deref()
                .is_some_and(|k| k.ends_with("report/index.html"))
        );

        let failed = finish(&app, &bad_run).await;
        assert_eq!(
            failed.status,
            RunStatus::Failed,
            "{:?}",
            failed.error_details
        );
        assert!(
            failed
                .error_details
                .as_deref()
                .unwrap_or_default()
                .contains("1 of 1 tests failed")
        );
        let paths = failed.artifact_paths.clone().expect("artifacts");
        let screenshot = paths["screenshots"][0]
            .as_str()
            .expect("a screenshot was stored")
            .to_owned();
        assert!(screenshot.ends_with(".png"), "{screenshot}");

        // The screenshot is a PNG, served to project members only.
        let response = get(&app, Some(&user.token), &format!("/artifacts/{screenshot}")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "image/png");
        let bytes = response.bytes().await.expect("bytes");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(
            get(&app, None, &format!("/artifacts/{screenshot}"))
                .await
                .status(),
            401
        );
        let stranger = app.sign_up("stranger@example.com").await;
        assert_eq!(
            get(
                &app,
                Some(&stranger.token),
                &format!("/artifacts/{screenshot}")
            )
            .await
            .status(),
            404
        );
        assert_eq!(
            get(
                &app,
                Some(&user.token),
                &format!("/artifacts/runs/{bad_run}/..%2F..%2Fmaster.key")
            )
            .await
            .status(),
            404
        );
        // The HTML report is served sandboxed.
        let report = failed.report_s3_url.clone().expect("report");
        let response = get(&app, Some(&user.token), &format!("/artifacts/{report}")).await;
        assert_eq!(response.status(), 200);
        assert!(
            response.headers()["content-security-policy"]
                .to_str()
                .expect("csp")
                .starts_with("sandbox")
        );

        // Through GraphQL: statuses, artifact URLs, the job's status.
        let data = app
            .gql(
                Some(&user.token),
                "query($id: ID!, $j: ID!) { run(id: $id) { status trigger reportUrl artifacts { kind url } job { status } } job(id: $j) { status lastRunAt } }",
                json!({ "id": bad_run, "j": bad["id"] }),
            )
            .await
            .ok();
        assert_eq!(data["run"]["status"], "FAILED");
        assert_eq!(data["run"]["trigger"], "MANUAL");
        assert_eq!(data["job"]["status"], "FAILED");
        assert!(data["job"]["lastRunAt"].is_string());
        assert!(
            data["run"]["artifacts"]
                .as_array()
                .expect("list")
                .iter()
                .any(|a| a["kind"] == "screenshot")
        );
        assert_eq!(
            app.gql(
                Some(&user.token),
                "query($id: ID!) { job(id: $id) { status } }",
                json!({ "id": good["id"] })
            )
            .await
            .ok()["job"]["status"],
            "PASSED"
        );
        // A report row per job.
        assert_eq!(
            reports::Entity::find()
                .count(app.db())
                .await
                .expect("count"),
            2
        );

        // Usage: every started minute of a Playwright run counts.
        let events = usage_events::Entity::find()
            .filter(usage_events::Column::OrganizationId.eq(uuid(&org)))
            .all(app.db())
            .await
            .expect("usage");
        assert_eq!(events.len(), 2);
        assert!(
            events
                .iter()
                .all(|e| e.event_name == "playwright_minutes" && e.units >= 1.0)
        );
        let org_row = organization::Entity::find_by_id(uuid(&org))
            .one(app.db())
            .await
            .expect("db")
            .expect("org");
        assert_eq!(
            f64::from(org_row.playwright_minutes_used),
            events.iter().map(|e| e.units).sum::<f64>()
        );
        app.stop().await;
    }
}

fn k6_script(target: &Target, threshold: &str) -> String {
    format!(
        r#"import http from 'k6/http';
import {{ check }} from 'k6';

export const options = {{
  vus: 2,
  iterations: 20,
  thresholds: {{ http_req_duration: ['{threshold}'], http_req_failed: ['rate<0.5'] }},
}};

export default function () {{
  const res = http.get('{url}');
  check(res, {{ 'status is 200': (r) => r.status === 200 }});
}}
"#,
        url = target.url("/slow/20"),
    )
}

#[tokio::test]
async fn k6_runs_with_a_passing_and_a_failing_threshold() {
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        let target = Target::start().await;
        // Every request takes at least 20 ms: p(95)<5000 holds, p(95)<1 cannot.
        let easy = create_test(
            &app,
            &user,
            &project,
            "Fast enough",
            "PERFORMANCE",
            &k6_script(&target, "p(95)<5000"),
        )
        .await;
        let hard = create_test(
            &app,
            &user,
            &project,
            "Impossibly fast",
            "PERFORMANCE",
            &k6_script(&target, "p(95)<1"),
        )
        .await;
        let good = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "load ok", "jobType": "K6", "testIds": [easy] }),
        )
        .await;
        let bad = create_job(&app, &user, json!({ "projectId": project, "name": "load too slow", "jobType": "K6", "testIds": [hard] })).await;
        assert_eq!(good["jobType"], "K6");

        let good_run = trigger(&app, &user.token, good["id"].as_str().expect("id")).await;
        let passed = finish(&app, &good_run).await;
        assert_eq!(
            passed.status,
            RunStatus::Passed,
            "{:?}\n{}",
            passed.error_details,
            passed.logs.clone().unwrap_or_default()
        );
        let bad_run = trigger(&app, &user.token, bad["id"].as_str().expect("id")).await;
        let failed = finish(&app, &bad_run).await;
        assert_eq!(
            failed.status,
            RunStatus::Failed,
            "{:?}\n{}",
            failed.error_details,
            failed.logs.clone().unwrap_or_default()
        );
        assert_eq!(failed.exit_code, Some(99));

        let metrics = |run: &str| {
            let run = uuid(run);
            let db = app.db().clone();
            async move {
                k6_performance_runs::Entity::find()
                    .filter(k6_performance_runs::Column::RunId.eq(run))
                    .one(&db)
                    .await
                    .expect("db")
                    .expect("k6 metrics")
            }
        };
        let ok = metrics(&good_run).await;
        assert_eq!(ok.thresholds_passed, Some(true));
        assert_eq!(ok.total_requests, Some(20));
        assert_eq!(ok.failed_requests, Some(0));
        assert!(ok.request_rate.is_some_and(|r| r > 0));
        assert!(
            ok.avg_response_time_ms.is_some_and(|ms| ms >= 20),
            "{:?}",
            ok.avg_response_time_ms
        );
        assert!(ok.p95_response_time_ms.is_some_and(|ms| ms >= 20));
        assert!(ok.p99_response_time_ms.is_some_and(|ms| ms >= 20));
        assert_eq!(ok.test_id, Some(uuid(&easy)));
        assert!(ok.summary_json.is_some() && ok.report_s3_url.is_some());
        assert!(
            ok.console_output
                .as_deref()
                .unwrap_or_default()
                .contains("http_req_duration"),
            "{:?}",
            ok.console_output
        );
        let console = app
            .state()
            .storage
            .get(ok.console_s3_url.as_deref().expect("console"))
            .await
            .expect("get")
            .expect("stored");
        assert!(String::from_utf8_lossy(&console.bytes).contains("http_req_duration"));
        let slow = metrics(&bad_run).await;
        assert_eq!(slow.thresholds_passed, Some(false));
        assert_eq!(slow.status, RunStatus::Failed);

        // The HTML report and the console output are stored and served.
        let report = slow.report_s3_url.clone().expect("report");
        let page = get(&app, Some(&user.token), &format!("/artifacts/{report}"))
            .await
            .text()
            .await
            .expect("text");
        assert!(page.contains("crossed"), "{page}");
        let data = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { run(id: $id) { status logsUrl k6Results { thresholdsPassed totalRequests p95ResponseTimeMs requestRate reportUrl } } }",
                json!({ "id": bad_run }),
            )
            .await
            .ok();
        assert_eq!(data["run"]["k6Results"][0]["thresholdsPassed"], false);
        assert_eq!(data["run"]["k6Results"][0]["totalRequests"], 20);
        let log_url = data["run"]["logsUrl"].as_str().expect("log url");
        let log_url = &log_url[log_url.find("/artifacts/").expect("artifact path")..];
        let log = get(&app, Some(&user.token), log_url)
            .await
            .text()
            .await
            .expect("log");
        assert!(log.contains("http_req_duration"), "{log}");

        // VU-minutes: peak VUs times started minutes, per k6 execution.
        let events = usage_events::Entity::find()
            .filter(usage_events::Column::EventName.eq("k6_vu_minutes"))
            .all(app.db())
            .await
            .expect("usage");
        assert_eq!(events.len(), 2);
        assert!(
            events
                .iter()
                .all(|e| e.units == 2.0 && e.unit_type == "vu_minutes"),
            "{events:?}"
        );
        let org_row = organization::Entity::find_by_id(uuid(&org))
            .one(app.db())
            .await
            .expect("db")
            .expect("org");
        assert_eq!(org_row.k6_vu_minutes_used, 4);
        assert_eq!(org_row.playwright_minutes_used, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn cron_schedules_show_their_next_run_and_fire_once_across_replicas() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let test = create_test(
            &app,
            &user,
            &project,
            "k6 smoke",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let created_after = Utc::now();
        let job = create_job(&app, &user, json!({ "projectId": project, "name": "nightly", "jobType": "K6", "testIds": [test], "cronSchedule": "  0 3 * * * " })).await;
        let created_before = Utc::now();
        assert_eq!(job["cronSchedule"], "0 3 * * *");
        let next: chrono::DateTime<Utc> = job["nextRunAt"]
            .as_str()
            .expect("nextRunAt")
            .parse()
            .expect("time");
        // The first 03:00 after the job was created (read from the clock around it, so this
        // holds even across 03:00).
        assert!(
            next > created_after && next <= created_before + chrono::Duration::hours(24),
            "{next}"
        );
        assert_eq!(next.format("%H:%M:%S").to_string(), "03:00:00");

        // Bad schedules are refused, naming the field, and write nothing.
        let jobs_before = app.count("jobs").await;
        for bad in ["* * *", "61 * * * *", "0 0 31 2 *", "every day"] {
            let gql = app
                .gql(
                    Some(&user.token),
                    "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
                    json!({ "i": { "projectId": project, "name": "bad", "cronSchedule": bad } }),
                )
                .await;
            gql.expect_code("BAD_USER_INPUT");
            assert_eq!(gql.field(), Some("cronSchedule"), "{bad}: {:?}", gql.body);
        }
        assert_eq!(app.count("jobs").await, jobs_before);
        // The preview lists the next fire times: the first quarter hour after now, then every
        // 15 minutes.
        let asked = Utc::now();
        let preview = app
            .gql(
                Some(&user.token),
                "{ cronPreview(expression: \"*/15 * * * *\", count: 3) }",
                json!({}),
            )
            .await
            .ok();
        let times: Vec<chrono::DateTime<Utc>> = preview["cronPreview"]
            .as_array()
            .expect("list")
            .iter()
            .map(|t| t.as_str().expect("a time").parse().expect("RFC 3339"))
            .collect();
        assert_eq!(times.len(), 3, "{preview}");
        let quarter = chrono::Duration::minutes(15);
        assert!(
            times[0] > asked && times[0] <= asked + quarter,
            "[{backend}] {asked} -> {times:?}"
        );
        for t in &times {
            assert_eq!(
                (t.minute() % 15, t.second(), t.nanosecond()),
                (0, 0, 0),
                "{t}"
            );
        }
        assert_eq!(times[1] - times[0], quarter, "{times:?}");
        assert_eq!(times[2] - times[1], quarter, "{times:?}");

        // Due now: two replicas step the scheduler at the same time; one run is queued.
        let id = uuid(job["id"].as_str().expect("id"));
        let due = Utc::now() - chrono::Duration::seconds(5);
        jobs::Entity::update_many()
            .col_expr(jobs::Column::NextRunAt, Expr::value(due))
            .filter(jobs::Column::Id.eq(id))
            .exec(app.db())
            .await
            .expect("make due");
        let other = spawn_replica(&app).await;
        let stepped_after = Utc::now();
        let (a, b) = tokio::join!(
            vigil::testing::cron::schedule_due(app.state()),
            vigil::testing::cron::schedule_due(&other),
        );
        assert_eq!(
            a.expect("a") + b.expect("b"),
            1,
            "[{backend}] exactly one replica fired"
        );
        let fired = runs::Entity::find()
            .filter(runs::Column::JobId.eq(id))
            .all(app.db())
            .await
            .expect("runs");
        assert_eq!(fired.len(), 1);
        assert_eq!(fired[0].trigger, runs::RunTrigger::Schedule);
        assert_eq!(fired[0].status, RunStatus::Queued);
        let moved = jobs::Entity::find_by_id(id)
            .one(app.db())
            .await
            .expect("db")
            .expect("job");
        assert!(
            moved.next_run_at.is_some_and(|n| n > stepped_after),
            "[{backend}] the next fire time moved on"
        );
        // Stepping again fires nothing until then.
        assert_eq!(
            vigil::testing::cron::schedule_due(app.state())
                .await
                .expect("step"),
            0
        );

        // Paused: the expression stays, nothing fires even when its time has come; an edit of
        // the expression keeps it paused; resumed, it fires at its next time from now.
        let pause = "mutation($id: ID!) { pauseJobSchedule(id: $id) { cronSchedule nextRunAt schedulePaused } }";
        let paused = app
            .gql(Some(&user.token), pause, json!({ "id": job["id"] }))
            .await
            .ok();
        assert_eq!(paused["pauseJobSchedule"]["cronSchedule"], "0 3 * * *");
        assert!(paused["pauseJobSchedule"]["nextRunAt"].is_null());
        assert_eq!(paused["pauseJobSchedule"]["schedulePaused"], true);
        assert_eq!(
            vigil::testing::cron::schedule_due(app.state())
                .await
                .expect("step"),
            0,
            "[{backend}] a paused schedule fires nothing"
        );
        let edited = app
            .gql(Some(&user.token), "mutation($id: ID!) { updateJob(id: $id, input: { cronSchedule: \"30 4 * * *\" }) { cronSchedule nextRunAt schedulePaused } }", json!({ "id": job["id"] }))
            .await
            .ok();
        assert_eq!(edited["updateJob"]["cronSchedule"], "30 4 * * *");
        assert_eq!(edited["updateJob"]["schedulePaused"], true);
        let viewer = app.sign_up("viewer@example.com").await;
        app.gql(Some(&viewer.token), pause, json!({ "id": job["id"] }))
            .await
            .expect_code("NOT_FOUND");
        let resumed_after = Utc::now();
        let resumed = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { resumeJobSchedule(id: $id) { nextRunAt schedulePaused } }",
                json!({ "id": job["id"] }),
            )
            .await
            .ok();
        assert_eq!(resumed["resumeJobSchedule"]["schedulePaused"], false);
        let next: chrono::DateTime<Utc> = resumed["resumeJobSchedule"]["nextRunAt"]
            .as_str()
            .expect("nextRunAt")
            .parse()
            .expect("time");
        assert_eq!(next.format("%H:%M:%S").to_string(), "04:30:00");
        assert!(next > resumed_after, "{next}");
        let manual = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "by hand", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let refused = app
            .gql(Some(&user.token), pause, json!({ "id": manual["id"] }))
            .await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("cronSchedule"));

        // Removing the schedule clears the next run.
        let cleared = app
            .gql(Some(&user.token), "mutation($id: ID!) { updateJob(id: $id, input: { cronSchedule: \"\" }) { cronSchedule nextRunAt } }", json!({ "id": job["id"] }))
            .await
            .ok();
        assert!(
            cleared["updateJob"]["cronSchedule"].is_null()
                && cleared["updateJob"]["nextRunAt"].is_null()
        );
        app.stop().await;
    }
}

/// A second server process's state on the same database (another replica).
async fn spawn_replica(app: &TestApp) -> vigil::state::AppState {
    let mut settings = app.state().settings.clone();
    settings.bind = "127.0.0.1:0".into();
    let hasher = vigil::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher");
    vigil::app::build_state_with(settings, hasher)
        .await
        .expect("replica state")
}

#[tokio::test]
async fn capacity_follows_the_plan_and_claims_respect_running_capacity() {
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        // The free plan: 1 running, 10 queued.
        organization::Entity::update_many()
            .col_expr(organization::Column::SubscriptionPlan, Expr::value("free"))
            .filter(organization::Column::Id.eq(uuid(&org)))
            .exec(app.db())
            .await
            .expect("plan");
        let test = create_test(
            &app,
            &user,
            &project,
            "noop",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "busy", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let job_id = job["id"].as_str().expect("id");
        for _ in 0..11 {
            trigger(&app, &user.token, job_id).await;
        }
        let before = app.count("runs").await;
        let full = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { triggerJob(id: $id) { id } }",
                json!({ "id": job_id }),
            )
            .await;
        full.expect_code("PLAN_LIMIT");
        assert_eq!(
            app.count("runs").await,
            before,
            "[{backend}] nothing was queued"
        );
        // A scheduled firing that finds the queue full is recorded as a run that did not
        // start, with the plan's reason, so the skipped fire time is visible.
        jobs::Entity::update_many()
            .col_expr(jobs::Column::CronSchedule, Expr::value("0 3 * * *"))
            .col_expr(
                jobs::Column::NextRunAt,
                Expr::value(Utc::now() - chrono::Duration::minutes(1)),
            )
            .filter(jobs::Column::Id.eq(uuid(job_id)))
            .exec(app.db())
            .await
            .expect("schedule");
        let queued = vigil::testing::cron::schedule_due(app.state())
            .await
            .expect("schedule_due");
        assert_eq!(queued, 0, "[{backend}] the queue is full");
        let skipped = runs::Entity::find()
            .filter(runs::Column::Status.eq(RunStatus::Error))
            .all(app.db())
            .await
            .expect("runs");
        assert_eq!(skipped.len(), 1, "[{backend}] {skipped:?}");
        let skipped = &skipped[0];
        assert_eq!(skipped.job_id, Some(uuid(job_id)));
        assert_eq!(skipped.trigger, runs::RunTrigger::Schedule);
        assert!(skipped.completed_at.is_some() && skipped.started_at.is_none());
        assert!(
            skipped
                .error_details
                .as_deref()
                .is_some_and(|e| e.starts_with("not started: Your plan (free) runs 1 at a time")),
            "[{backend}] {:?}",
            skipped.error_details
        );
        jobs::Entity::update_many()
            .col_expr(
                jobs::Column::CronSchedule,
                Expr::value(Option::<String>::None),
            )
            .filter(jobs::Column::Id.eq(uuid(job_id)))
            .exec(app.db())
            .await
            .expect("unschedule");

        // One may run at a time, even with two replicas claiming.
        let worker = app.run_worker();
        let replica = vigil::testing::worker::Worker::new(spawn_replica(&app).await);
        let (a, b) = tokio::join!(worker.claim(), replica.claim());
        let claimed: Vec<_> = [a.expect("a"), b.expect("b")]
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(claimed.len(), 1, "[{backend}] one run started");
        assert_eq!(claimed[0].status, RunStatus::Running);
        assert!(worker.claim().await.expect("claim").is_none());
        // Cancelling a queued run frees a queue place at once.
        let queued = runs::Entity::find()
            .filter(runs::Column::Status.eq(RunStatus::Queued))
            .one(app.db())
            .await
            .expect("db")
            .expect("queued");
        let cancelled = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { cancelRun(id: $id) { status } }",
                json!({ "id": queued.id.to_string() }),
            )
            .await
            .ok();
        assert_eq!(cancelled["cancelRun"]["status"], "CANCELLED");
        trigger(&app, &user.token, job_id).await;
        // A finished run cannot be cancelled.
        let again = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { cancelRun(id: $id) { status } }",
                json!({ "id": queued.id.to_string() }),
            )
            .await;
        again.expect_code("BAD_USER_INPUT");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_run_whose_worker_died_is_retried_once_then_ends_as_error() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let test = create_test(
            &app,
            &user,
            &project,
            "noop",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "fragile", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let dead = app.run_worker();
        let claimed = dead.claim().await.expect("claim").expect("a run");
        assert_eq!(claimed.attempt, 1);
        // The worker dies: nothing renews its lease.
        let expire = |app: &TestApp| {
            let db = app.db().clone();
            let id = uuid(&run);
            async move {
                runs::Entity::update_many()
                    .col_expr(
                        runs::Column::ClaimedUntil,
                        Expr::value(Utc::now() - chrono::Duration::seconds(1)),
                    )
                    .filter(runs::Column::Id.eq(id))
                    .exec(&db)
                    .await
                    .expect("expire");
            }
        };
        // Not expired yet: nothing to recover.
        assert_eq!(
            vigil::testing::run::recover_expired(app.state())
                .await
                .expect("recover"),
            0
        );
        expire(&app).await;
        assert_eq!(
            vigil::testing::run::recover_expired(app.state())
                .await
                .expect("recover"),
            1
        );
        let row = run_row(&app, &run).await;
        assert_eq!(row.status, RunStatus::Queued, "[{backend}] retried once");
        assert!(row.claimed_by.is_none());
        // The second worker dies too.
        let again = app
            .run_worker()
            .claim()
            .await
            .expect("claim")
            .expect("the run again");
        assert_eq!(again.attempt, 2);
        expire(&app).await;
        assert_eq!(
            vigil::testing::run::recover_expired(app.state())
                .await
                .expect("recover"),
            1
        );
        let row = run_row(&app, &run).await;
        assert_eq!(row.status, RunStatus::Error, "[{backend}]");
        assert!(
            row.error_details
                .as_deref()
                .unwrap_or_default()
                .contains("lease expired")
        );
        assert!(row.completed_at.is_some());
        let job_row = jobs::Entity::find_by_id(uuid(job["id"].as_str().expect("id")))
            .one(app.db())
            .await
            .expect("db")
            .expect("job");
        assert_eq!(job_row.status, jobs::JobStatus::Error);
        // The dead worker's late outcome is dropped, not written over the error.
        let late = vigil::testing::run::Outcome::error("late", Utc::now());
        assert!(
            vigil::testing::run::finish(app.state(), &claimed, dead.id(), late)
                .await
                .expect("finish")
                .is_none()
        );
        assert_eq!(run_row(&app, &run).await.status, RunStatus::Error);
        app.stop().await;
    }
}

async fn api_key(app: &TestApp, user: &TestUser, input: Value) -> String {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }",
        json!({ "i": input }),
    )
    .await
    .ok()["createApiKey"]["key"]
        .as_str()
        .expect("key")
        .to_owned()
}

async fn post_trigger(app: &TestApp, key: Option<&str>, job: &str, query: &str) -> (u16, Value) {
    let mut request = app
        .http
        .post(format!("{}/api/jobs/{job}/trigger{query}", app.url));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn remote_triggers_take_a_key_scoped_to_the_job() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let target = Target::start().await;
        let test = create_test(
            &app,
            &user,
            &project,
            "ci smoke",
            "PERFORMANCE",
            &k6_script(&target, "p(95)<5000"),
        )
        .await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "deploy check", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let other = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "other", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let job_id = job["id"].as_str().expect("id");
        let other_id = other["id"].as_str().expect("id");
        assert!(
            job["triggerUrl"]
                .as_str()
                .expect("url")
                .ends_with(&format!("/api/jobs/{job_id}/trigger"))
        );
        let key = api_key(
            &app,
            &user,
            json!({ "name": "ci", "permission": "WRITE", "jobId": job_id }),
        )
        .await;

        // Queued and answered at once.
        let (status, body) = post_trigger(&app, Some(&key), job_id, "").await;
        assert_eq!(status, 202, "{body}");
        assert_eq!(body["run"]["status"], "QUEUED");
        assert_eq!(body["run"]["trigger"], "REMOTE");
        let first = body["run"]["id"].as_str().expect("run id").to_owned();
        finish(&app, &first).await;

        // Waiting for the result while a worker runs it.
        let worker = app.run_worker();
        let driver = tokio::spawn(async move {
            // Until the trigger below has queued its run, and the worker has run it.
            vigil_tests::eventually("a run for the worker", || async {
                (!worker.tick().await.expect("tick").is_empty()).then_some(())
            })
            .await;
        });
        let (status, body) = post_trigger(&app, Some(&key), job_id, "?wait=true&timeout=120").await;
        driver.await.expect("driver");
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["run"]["status"], "PASSED", "{body}");
        assert!(body["run"]["durationMs"].as_i64().is_some_and(|d| d > 0));
        // The key may read its job's runs, over HTTP and GraphQL.
        let run_id = body["run"]["id"].as_str().expect("id");
        assert_eq!(
            get(&app, Some(&key), &format!("/api/runs/{run_id}"))
                .await
                .status(),
            200
        );
        let data = app
            .gql(
                Some(&key),
                "query($id: ID!, $j: ID!) { run(id: $id) { status } job(id: $j) { name } }",
                json!({ "id": run_id, "j": job_id }),
            )
            .await
            .ok();
        assert_eq!(data["run"]["status"], "PASSED");
        assert_eq!(data["job"]["name"], "deploy check");

        // ... and nothing else: another job, other operations.
        let runs_before = app.count("runs").await;
        let (status, body) = post_trigger(&app, Some(&key), other_id, "").await;
        assert_eq!(status, 404, "{body}");
        assert_eq!(body["error"]["code"], "NOT_FOUND");
        let gql = app
            .gql(
                Some(&key),
                "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
                json!({ "i": { "projectId": project, "title": "x", "script": "x" } }),
            )
            .await;
        gql.expect_code("FORBIDDEN");
        assert!(
            app.gql(
                Some(&key),
                "query($j: ID!) { job(id: $j) { id } }",
                json!({ "j": other_id })
            )
            .await
            .ok()["job"]
                .is_null()
        );
        // A wrong key, no key, a read-only key, a malformed id.
        let (status, body) = post_trigger(&app, Some("vgl_not-a-real-key"), job_id, "").await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (401, Some("UNAUTHENTICATED"))
        );
        let (status, _) = post_trigger(&app, None, job_id, "").await;
        assert_eq!(status, 401);
        let reader = api_key(
            &app,
            &user,
            json!({ "name": "reader", "permission": "READ", "jobId": job_id }),
        )
        .await;
        let (status, body) = post_trigger(&app, Some(&reader), job_id, "").await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (403, Some("FORBIDDEN"))
        );
        let (status, body) = post_trigger(&app, Some(&key), "not-an-id", "").await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (400, Some("BAD_USER_INPUT"))
        );
        let (status, _) = post_trigger(&app, Some(&key), job_id, "?wait=true&timeout=0").await;
        assert_eq!(status, 400);
        assert_eq!(
            app.count("runs").await,
            runs_before,
            "refused triggers queue nothing"
        );
        // A session may trigger too (a manual run).
        let (status, body) = post_trigger(&app, Some(&user.token), job_id, "").await;
        assert_eq!(
            (status, body["run"]["trigger"].as_str()),
            (202, Some("MANUAL"))
        );
        app.stop().await;
    }
}

const LEAKY: &str = r#"import { test, expect } from '@playwright/test';
import { getSecret } from './vigil';

test('prints its secret', async ({ page }) => {
  const token = getSecret('API_TOKEN');
  console.log('the token is ' + token);
  console.log('encoded: ' + encodeURIComponent(token) + ' basic: ' + Buffer.from(token).toString('base64'));
  await page.setContent('<p id="t">' + token + '</p>');
  expect(token).toBe('not the token');
});
"#;

#[tokio::test]
async fn secrets_reach_scripts_and_are_masked_in_everything_stored() {
    let _turn = BROWSER.lock().await;
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let secret = "sup3r-s3cret/token+value";
        variable(&app, &user, &project, "API_TOKEN", secret, true).await;
        let test = create_test(&app, &user, &project, "leaky", "API", LEAKY).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "leak", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let mut socket = subscribe(
            &app,
            &user,
            "subscription($id: ID!) { runLog(runId: $id) { runId number line } }",
            json!({ "id": run }),
        )
        .await;
        let row = finish(&app, &run).await;
        assert_eq!(row.status, RunStatus::Failed, "{:?}", row.error_details);
        let logs = row.logs.clone().unwrap_or_default();
        // The script got the value (it printed it), and every stored copy is masked.
        assert!(logs.contains("the token is ********"), "{logs}");
        assert!(logs.contains("encoded: ******** basic: ********"), "{logs}");
        let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, secret);
        let leaks = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes);
            text.contains(secret) || text.contains(&encoded) || text.contains(&b64)
        };
        assert!(!leaks(logs.as_bytes()));
        let storage = &app.state().storage;
        let mut keys: Vec<String> = vec![row.logs_s3_url.clone().expect("log")];
        let paths = row.artifact_paths.clone().expect("paths");
        keys.push(paths["results"].as_str().expect("results").to_owned());
        keys.push(row.report_s3_url.clone().expect("report"));
        for kind in ["traces"] {
            for key in paths[kind].as_array().into_iter().flatten() {
                keys.push(key.as_str().expect("key").to_owned());
            }
        }
        assert!(keys.len() >= 4, "a trace was stored too: {keys:?}");
        for key in &keys {
            let object = storage.get(key).await.expect("get").expect("stored");
            assert!(!leaks(&object.bytes), "{key} leaks the secret");
            if key.ends_with(".zip") {
                let mut archive =
                    zip::ZipArchive::new(std::io::Cursor::new(object.bytes.to_vec())).expect("zip");
                for i in 0..archive.len() {
                    let mut entry = archive.by_index(i).expect("entry");
                    let mut content = Vec::new();
                    std::io::Read::read_to_end(&mut entry, &mut content).expect("read");
                    assert!(!leaks(&content), "{key}: an entry leaks the secret");
                }
            }
        }
        // The HTML report embeds its data as a base64 zip: masked inside too.
        let report = storage
            .get(&row.report_s3_url.clone().expect("report"))
            .await
            .expect("get")
            .expect("report");
        let html = String::from_utf8_lossy(&report.bytes).into_owned();
        let marker = "data:application/zip;base64,";
        let start = html.find(marker).expect("embedded report data") + marker.len();
        let end = start + html[start..].find('<').expect("end");
        let data = base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            &html[start..end],
        )
        .expect("base64");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(data)).expect("zip");
        let mut found_mask = false;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).expect("entry");
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut content).expect("read");
            assert!(!leaks(&content), "the report's data leaks the secret");
            found_mask |= String::from_utf8_lossy(&content).contains("********");
        }
        assert!(found_mask, "the report shows the masked value");
        // Live lines were masked before they left the worker, and are numbered from 1 in the
        // order of the output; the stored log says how many lines it holds.
        let payloads = next_payloads(&mut socket, |d| {
            d["runLog"]["line"]
                .as_str()
                .is_some_and(|l| l.contains("the token is"))
        })
        .await;
        let numbers: Vec<i64> = payloads
            .iter()
            .filter_map(|d| d["runLog"]["number"].as_i64())
            .collect();
        assert_eq!(
            numbers,
            (1..=numbers.len() as i64).collect::<Vec<_>>(),
            "numbered in order"
        );
        let lines: Vec<String> = payloads
            .iter()
            .filter_map(|d| d["runLog"]["line"].as_str().map(str::to_owned))
            .collect();
        let log_lines = row.metadata.as_ref().and_then(|m| m["logLines"].as_i64());
        assert_eq!(log_lines, Some(logs.lines().count() as i64));
        assert!(
            lines.iter().any(|l| l.contains("the token is ********")),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| !leaks(l.as_bytes())));
        // No API response shows it.
        let shown = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { run(id: $id) { logs errorDetails artifactPaths } }",
                json!({ "id": run }),
            )
            .await;
        assert!(!leaks(shown.body.to_string().as_bytes()));
        app.stop().await;
    }
}

const ESCAPE: &str = r#"import { test, expect } from '@playwright/test';
import * as fs from 'fs';

test('cannot read the data dir', async () => {
  const key = fs.readFileSync(process.env.VIGIL_VAR_DATA_DIR + '/master.key', 'utf8');
  console.log('STOLEN ' + key);
});

test('cannot see the server environment', async () => {
  const names = Object.keys(process.env).filter((k) => !k.startsWith('VIGIL_'));
  console.log('ENV ' + names.sort().join(','));
  expect(process.env.CARGO_MANIFEST_DIR).toBeUndefined();
  expect(process.env.DATABASE_URL).toBeUndefined();
  expect(process.env.VIGIL_MASTER_KEY).toBeUndefined();
});

test('cannot write outside its work dir', async () => {
  fs.writeFileSync('/usr/vigil-was-here', 'x');
});
"#;

#[tokio::test]
async fn scripts_run_in_a_sandbox_without_the_data_dir_or_the_servers_environment() {
    let _turn = BROWSER.lock().await;
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let data_dir = app
            .state()
            .settings
            .data_dir
            .canonicalize()
            .expect("data dir");
        let master =
            std::fs::read_to_string(data_dir.join("master.key")).expect("the master key exists");
        variable(
            &app,
            &user,
            &project,
            "DATA_DIR",
            &data_dir.display().to_string(),
            false,
        )
        .await;
        let test = create_test(&app, &user, &project, "escape", "CUSTOM", ESCAPE).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "escape", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&app, &run).await;
        let logs = row.logs.clone().unwrap_or_default();
        assert_eq!(row.status, RunStatus::Failed, "{logs}");
        assert!(
            !logs.contains(master.trim()),
            "the script read the master key"
        );
        assert!(!logs.lines().any(|l| l.starts_with("STOLEN")), "{logs}");
        assert!(
            logs.contains("ENOENT"),
            "the data dir does not exist in the sandbox: {logs}"
        );
        let results: Value = serde_json::from_slice(
            &app.state()
                .storage
                .get(
                    row.artifact_paths.expect("paths")["results"]
                        .as_str()
                        .expect("key"),
                )
                .await
                .expect("get")
                .expect("results")
                .bytes,
        )
        .expect("json");
        assert_eq!(
            results["stats"]["expected"], 1,
            "only the environment test passes: {results}"
        );
        assert_eq!(results["stats"]["unexpected"], 2);
        let env_line = logs
            .lines()
            .find(|l| l.contains("ENV "))
            .expect("the environment was printed");
        for name in [
            "CARGO",
            "DATABASE_URL",
            "TEST_DATABASE_URL",
            "RUST_BACKTRACE",
            "USER",
            "OLDPWD",
        ] {
            let names: Vec<&str> = env_line
                .split_once("ENV ")
                .map_or("", |(_, r)| r)
                .split(',')
                .collect();
            assert!(names.contains(&"PATH"), "{env_line}");
            assert!(!names.contains(&name), "{name} leaked: {env_line}");
        }
        assert!(!std::path::Path::new("/usr/vigil-was-here").exists());
        app.stop().await;
    }
}

#[tokio::test]
async fn without_bubblewrap_scripts_are_refused_unless_allowed() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.runner.bwrap = "/nonexistent/bwrap".into();
        })
        .await;
        let user = app.sign_up("nosandbox@example.com").await;
        let (_, project) = app.create_org(&user, "Bare").await;
        let test = create_test(
            &app,
            &user,
            &project,
            "noop",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "bare", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&app, &run).await;
        assert_eq!(row.status, RunStatus::Error);
        let message = row.error_details.unwrap_or_default();
        assert!(
            message.contains("bubblewrap is not installed")
                && message.contains("runner.allow_unsandboxed"),
            "{message}"
        );
        assert_eq!(
            usage_events::Entity::find()
                .count(app.db())
                .await
                .expect("count"),
            0,
            "nothing ran, nothing is billed"
        );
        app.stop().await;

        // Self-hosted mode may allow it explicitly; cloud mode never.
        let allowed = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.runner.bwrap = "/nonexistent/bwrap".into();
            s.runner.allow_unsandboxed = true;
        })
        .await;
        let user = allowed.sign_up("bare@example.com").await;
        let (_, project) = allowed.create_org(&user, "Bare").await;
        let test = create_test(
            &allowed,
            &user,
            &project,
            "noop",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let job = create_job(
            &allowed,
            &user,
            json!({ "projectId": project, "name": "bare", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let run = trigger(&allowed, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&allowed, &run).await;
        assert_eq!(row.status, RunStatus::Passed, "{:?}", row.logs);
        assert!(
            row.logs
                .unwrap_or_default()
                .contains("running without a sandbox")
        );
        allowed.stop().await;
        let toml = "mode = \"cloud\"\n[runner]\nallow_unsandboxed = true\n";
        let dir = vigil_tests::temp_dir("cfg");
        let file = dir.join("vigil.toml");
        std::fs::write(&file, toml).expect("write");
        let err = vigil::config::Settings::load(Some(&file), &vigil::config::Overrides::default())
            .expect_err("refused");
        assert!(
            err.to_string().contains("runner.allow_unsandboxed"),
            "{err}"
        );
    }
}

#[tokio::test]
async fn cancel_kills_a_running_run_and_the_time_limit_stops_another() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        // k6 would sleep for a minute, then say so: a run stopped early never says "woke".
        let sleeper = "import { sleep } from 'k6';\nexport const options = { vus: 1, iterations: 1 };\nexport default function () { console.log('sleeping'); sleep(60); console.log('woke'); }\n";
        let test = create_test(&app, &user, &project, "sleeper", "PERFORMANCE", sleeper).await;
        let job = create_job(&app, &user, json!({ "projectId": project, "name": "long", "jobType": "K6", "testIds": [test], "timeoutSeconds": 10 })).await;
        // A project's subscriber hears of new runs too.
        let mut project_runs = subscribe(
            &app,
            &user,
            "subscription($p: ID!) { runUpdated(projectId: $p) { id status } }",
            json!({ "p": project }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let first = next_payloads(&mut project_runs, |_| true).await;
        assert_eq!(first.len(), 1, "the new run was announced");
        assert_eq!(first[0]["runUpdated"]["id"], run.as_str());
        assert_eq!(first[0]["runUpdated"]["status"], "QUEUED");
        let mut updates = subscribe(
            &app,
            &user,
            "subscription($id: ID!) { runUpdated(runId: $id) { status } }",
            json!({ "id": run }),
        )
        .await;
        let worker = app.run_worker();
        let running = tokio::spawn(async move { worker.tick().await });
        // Wait for k6's process to run.
        vigil_tests::eventually("the run's k6 process", || async {
            let row = run_row(&app, &run).await;
            (row.status == RunStatus::Running && sandboxed_processes(&run).await > 0).then_some(())
        })
        .await;
        // While it runs, the output so far is on the run, with the number of its last line.
        let seen = vigil_tests::eventually("the output so far on the run", || async {
            let seen = app
                .gql(
                    Some(&user.token),
                    "query($id: ID!) { run(id: $id) { status logs logLines } }",
                    json!({ "id": run }),
                )
                .await
                .ok();
            seen["run"]["logs"]
                .as_str()
                .is_some_and(|logs| logs.contains("sleeping"))
                .then_some(seen)
        })
        .await;
        assert_eq!(seen["run"]["status"], "RUNNING");
        assert!(
            seen["run"]["logLines"].as_i64().is_some_and(|n| n >= 1),
            "{seen}"
        );
        let cancelled = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { cancelRun(id: $id) { status cancelRequested } }",
                json!({ "id": run }),
            )
            .await
            .ok();
        assert_eq!(cancelled["cancelRun"]["cancelRequested"], true);
        running.await.expect("join").expect("tick");
        // Cancelled, not stopped by the 10 s limit, and k6 never woke from its sleep.
        let row = run_row(&app, &run).await;
        assert_eq!(row.status, RunStatus::Cancelled, "{:?}", row.logs);
        let logs = row.logs.unwrap_or_default();
        assert!(
            !logs.contains("woke") && !logs.contains("time limit"),
            "{logs}"
        );
        assert_eq!(
            sandboxed_processes(&run).await,
            0,
            "every process of the run is gone"
        );
        let statuses = collect_statuses(&mut updates, "CANCELLED").await;
        assert!(statuses.contains(&"RUNNING".to_owned()), "{statuses:?}");

        // The same job without a cancel: stopped at its 10 s limit, before k6 woke.
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&app, &run).await;
        assert_eq!(row.status, RunStatus::TimedOut, "{:?}", row.logs);
        let logs = row.logs.unwrap_or_default();
        assert!(logs.contains("time limit of 10 s"), "{logs}");
        assert!(
            logs.contains("sleeping") && !logs.contains("woke"),
            "{logs}"
        );
        assert_eq!(sandboxed_processes(&run).await, 0);
        let job_row = jobs::Entity::find_by_id(uuid(job["id"].as_str().expect("id")))
            .one(app.db())
            .await
            .expect("db")
            .expect("job");
        assert_eq!(job_row.status, jobs::JobStatus::Failed);
        app.stop().await;
    }
}

/// Processes whose command line names the run's work dir.
async fn sandboxed_processes(run: &str) -> usize {
    let mut count = 0;
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline"))
                && String::from_utf8_lossy(&cmdline).contains(run)
            {
                count += 1;
            }
        }
    }
    count
}

/// A socket with subscription `1` live on the server.
async fn subscribe(app: &TestApp, user: &TestUser, query: &str, variables: Value) -> Ws {
    let mut socket = Ws::open(app, Some(&user.token)).await;
    socket.subscribe(app, "1", query, variables).await;
    socket
}

/// The data of subscription `1`'s items, up to the first one `done` accepts.
async fn next_payloads(socket: &mut Ws, mut done: impl FnMut(&Value) -> bool) -> Vec<Value> {
    let mut out = Vec::new();
    loop {
        let payload = socket.payload("1").await;
        assert!(payload["errors"].is_null(), "{payload}");
        let finished = done(&payload["data"]);
        out.push(payload["data"].clone());
        if finished {
            return out;
        }
    }
}

async fn collect_lines(socket: &mut Ws, until: &str) -> Vec<String> {
    next_payloads(socket, |d| {
        d["runLog"]["line"]
            .as_str()
            .is_some_and(|l| l.contains(until))
    })
    .await
    .into_iter()
    .filter_map(|d| d["runLog"]["line"].as_str().map(str::to_owned))
    .collect()
}

async fn collect_statuses(socket: &mut Ws, until: &str) -> Vec<String> {
    next_payloads(socket, |d| d["runUpdated"]["status"] == until)
        .await
        .into_iter()
        .filter_map(|d| d["runUpdated"]["status"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn tests_and_jobs_check_their_input_and_roles() {
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        let tests_before = app.count("tests").await;
        for (input, field) in [
            (
                json!({ "projectId": project, "title": "", "script": "x" }),
                "title",
            ),
            (
                json!({ "projectId": project, "title": "t", "script": "  " }),
                "script",
            ),
            (
                json!({ "projectId": project, "title": "t", "script": "a\u{0}b" }),
                "script",
            ),
            (
                json!({ "projectId": project, "title": "t", "script": "x".repeat(300 * 1024) }),
                "script",
            ),
            (
                json!({ "projectId": "nope", "title": "t", "script": "x" }),
                "projectId",
            ),
            (
                json!({ "projectId": project, "title": "t", "script": "x", "tagIds": [Uuid::now_v7()] }),
                "tagIds",
            ),
        ] {
            let gql = app
                .gql(
                    Some(&user.token),
                    "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
                    json!({ "i": input }),
                )
                .await;
            gql.expect_code("BAD_USER_INPUT");
            assert_eq!(gql.field(), Some(field), "{:?}", gql.body);
        }
        assert_eq!(app.count("tests").await, tests_before);

        let browser = create_test(&app, &user, &project, "ui", "BROWSER", PASSING).await;
        // Tags.
        let tag = app
            .gql(
                Some(&user.token),
                "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"smoke\" }) { id } }",
                json!({ "p": project }),
            )
            .await
            .ok()["createTag"]["id"]
            .clone();
        let tagged = app
            .gql(Some(&user.token), "mutation($id: ID!, $t: [ID!]) { updateTest(id: $id, input: { tagIds: $t, priority: HIGH }) { priority tags { name } } }", json!({ "id": browser, "t": [tag] }))
            .await
            .ok();
        assert_eq!(tagged["updateTest"]["tags"][0]["name"], "smoke");
        assert_eq!(tagged["updateTest"]["priority"], "HIGH");
        let by_tag = app
            .gql(Some(&user.token), "query($p: ID!, $t: ID) { tests(projectId: $p, filter: { tagId: $t }) { totalCount } }", json!({ "p": project, "t": tag }))
            .await
            .ok();
        assert_eq!(by_tag["tests"]["totalCount"], 1);
        let load = create_test(
            &app,
            &user,
            &project,
            "load",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let jobs_before = app.count("jobs").await;
        for (input, field) in [
            (
                json!({ "projectId": project, "name": "x", "jobType": "K6", "testIds": [browser] }),
                "testIds",
            ),
            (
                json!({ "projectId": project, "name": "x", "testIds": [load] }),
                "testIds",
            ),
            (
                json!({ "projectId": project, "name": "x", "testIds": [browser, browser] }),
                "testIds",
            ),
            (
                json!({ "projectId": project, "name": "x", "testIds": [Uuid::now_v7()] }),
                "testIds",
            ),
            (
                json!({ "projectId": project, "name": "x", "timeoutSeconds": 5 }),
                "timeoutSeconds",
            ),
            (
                json!({ "projectId": project, "name": "x", "notificationProviderIds": [Uuid::now_v7()] }),
                "notificationProviderIds",
            ),
            (json!({ "projectId": project, "name": " " }), "name"),
        ] {
            let gql = app
                .gql(
                    Some(&user.token),
                    "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
                    json!({ "i": input }),
                )
                .await;
            gql.expect_code("BAD_USER_INPUT");
            assert_eq!(gql.field(), Some(field), "{:?}", gql.body);
        }
        assert_eq!(app.count("jobs").await, jobs_before);
        // A job without tests cannot run.
        let empty = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "empty" }),
        )
        .await;
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { triggerJob(id: $id) { id } }",
            json!({ "id": empty["id"] }),
        )
        .await
        .expect_code("BAD_USER_INPUT");

        // Ordered tests, update and the runner kept.
        let second = create_test(&app, &user, &project, "ui 2", "API", PASSING).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "suite", "testIds": [second, browser] }),
        )
        .await;
        assert_eq!(job["tests"][0]["id"], second.as_str());
        assert_eq!(job["tests"][1]["id"], browser.as_str());
        let updated = app
            .gql(Some(&user.token), "mutation($id: ID!, $t: [ID!]) { updateJob(id: $id, input: { testIds: $t, name: \"suite 2\" }) { name tests { id } } }", json!({ "id": job["id"], "t": [browser, second] }))
            .await
            .ok();
        assert_eq!(updated["updateJob"]["tests"][0]["id"], browser.as_str());
        let gql = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { updateTest(id: $id, input: { type: PERFORMANCE }) { id } }",
                json!({ "id": browser }),
            )
            .await;
        gql.expect_code("BAD_USER_INPUT");
        assert_eq!(gql.field(), Some("type"));

        // A read-only key reads but cannot write or trigger; strangers see nothing.
        let reader = api_key(
            &app,
            &user,
            json!({ "name": "reader", "permission": "READ" }),
        )
        .await;
        assert_eq!(
            app.gql(
                Some(&reader),
                "query($id: ID!) { job(id: $id) { name } }",
                json!({ "id": job["id"] })
            )
            .await
            .ok()["job"]["name"],
            "suite 2"
        );
        app.gql(
            Some(&reader),
            "mutation($id: ID!) { triggerJob(id: $id) { id } }",
            json!({ "id": job["id"] }),
        )
        .await
        .expect_code("FORBIDDEN");
        app.gql(
            Some(&reader),
            "mutation($id: ID!) { deleteTest(id: $id) }",
            json!({ "id": browser }),
        )
        .await
        .expect_code("FORBIDDEN");
        let stranger = app.sign_up("stranger@example.com").await;
        assert!(
            app.gql(
                Some(&stranger.token),
                "query($id: ID!) { job(id: $id) { id } }",
                json!({ "id": job["id"] })
            )
            .await
            .ok()["job"]
                .is_null()
        );
        app.gql(
            Some(&stranger.token),
            "mutation($id: ID!) { triggerJob(id: $id) { id } }",
            json!({ "id": job["id"] }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.gql(
            Some(&stranger.token),
            "query($p: ID!) { tests(projectId: $p) { totalCount } }",
            json!({ "p": project }),
        )
        .await
        .expect_code("NOT_FOUND");
        let _ = org;
        // Listing and filters.
        let listed = app
            .gql(Some(&user.token), "query($p: ID!) { tests(projectId: $p, filter: { type: PERFORMANCE }) { totalCount nodes { title runner } } jobs(projectId: $p) { totalCount } }", json!({ "p": project }))
            .await
            .ok();
        assert_eq!(listed["tests"]["totalCount"], 1);
        assert_eq!(listed["tests"]["nodes"][0]["runner"], "K6");
        assert_eq!(listed["jobs"]["totalCount"], 2);
        // Deleting writes the audit trail.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { deleteJob(id: $id) }",
            json!({ "id": job["id"] }),
        )
        .await
        .ok();
        let audit = entity::audit_logs::Entity::find()
            .filter(entity::audit_logs::Column::Action.eq("job.delete"))
            .count(app.db())
            .await
            .expect("audit");
        assert_eq!(audit, 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn failed_runs_alert_through_the_jobs_providers() {
    use entity::alert_history::{self, AlertStatus, AlertType};
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let target = Target::start().await;
        let slack = vigil_tests::Receiver::start().await;
        let provider = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "team", "type": "SLACK", "config": { "webhookUrl": slack.url("/services/T/B/hook") } } }),
            )
            .await
            .ok()["createNotificationProvider"]["id"]
            .as_str()
            .expect("provider")
            .to_owned();
        let easy = create_test(
            &app,
            &user,
            &project,
            "ok",
            "PERFORMANCE",
            &k6_script(&target, "p(95)<5000"),
        )
        .await;
        let hard = create_test(
            &app,
            &user,
            &project,
            "too slow",
            "PERFORMANCE",
            &k6_script(&target, "p(95)<1"),
        )
        .await;
        let quiet = create_job(&app, &user, json!({ "projectId": project, "name": "Quiet load", "jobType": "K6", "testIds": [easy], "notificationProviderIds": [provider] })).await;
        let loud = create_job(&app, &user, json!({ "projectId": project, "name": "Checkout load", "jobType": "K6", "testIds": [hard], "notificationProviderIds": [provider], "alertConfig": { "onFailure": true, "customMessage": "{{job.name}} {{run.status}}" } })).await;
        finish(
            &app,
            &trigger(&app, &user.token, quiet["id"].as_str().expect("id")).await,
        )
        .await;
        assert_eq!(
            app.count("alert_history").await,
            0,
            "a pass alerts nobody by default"
        );
        finish(
            &app,
            &trigger(&app, &user.token, loud["id"].as_str().expect("id")).await,
        )
        .await;
        let queued = alert_history::Entity::find()
            .all(app.db())
            .await
            .expect("history");
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].r#type, AlertType::JobFailed);
        assert_eq!(queued[0].status, AlertStatus::Pending);
        assert_eq!(
            queued[0].job_id,
            Some(uuid(loud["id"].as_str().expect("id")))
        );
        assert_eq!(queued[0].message, "Checkout load failed");
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            1
        );
        let requests = slack.wait_for(1).await;
        assert_eq!(requests[0].path, "/services/T/B/hook");
        let body = String::from_utf8_lossy(&requests[0].body).into_owned();
        assert!(body.contains("Checkout load failed"), "{body}");
        let sent = alert_history::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("row");
        assert_eq!(sent.status, AlertStatus::Sent);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_single_test_runs_from_the_editor_and_keeps_its_report() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let saved = "export default function () { throw new Error('the saved script fails'); }";
        let test = create_test(&app, &user, &project, "draft", "PERFORMANCE", saved).await;
        // The editor's unsaved text runs, not the saved script.
        let edited = "import { check } from 'k6';\nexport default function () { check(1, { 'one is one': (v) => v === 1 }); console.log('edited script ran'); }";
        let run = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!, $s: String) { runTest(id: $id, script: $s) { id status jobId testId } }",
                json!({ "id": test, "s": edited }),
            )
            .await
            .ok()["runTest"]
            .clone();
        assert!(run["jobId"].is_null());
        assert_eq!(run["testId"], test.as_str());
        let row = finish(&app, run["id"].as_str().expect("id")).await;
        assert_eq!(row.status, RunStatus::Passed, "[{backend}] {:?}", row.logs);
        assert!(row.logs.unwrap_or_default().contains("edited script ran"));
        let report = reports::Entity::find()
            .filter(reports::Column::EntityId.eq(test.clone()))
            .one(app.db())
            .await
            .expect("db")
            .expect("a report for the test");
        assert_eq!(report.entity_type, reports::ReportEntityType::Test);
        assert_eq!(report.status, "passed");
        assert_eq!(Some(report.report_path.clone()), row.report_s3_url);
        // The saved script is unchanged, and the test lists its run.
        let data = app
            .gql(Some(&user.token), "query($id: ID!) { test(id: $id) { script runs { totalCount nodes { id status } } } }", json!({ "id": test }))
            .await
            .ok();
        assert_eq!(data["test"]["script"], saved);
        assert_eq!(data["test"]["runs"]["totalCount"], 1, "[{backend}]");
        assert_eq!(data["test"]["runs"]["nodes"][0]["status"], "PASSED");
        // The tests list shows each test's last run, none for a test never run (in one
        // statement for the whole list).
        let idle = create_test(&app, &user, &project, "never run", "PERFORMANCE", saved).await;
        let list = app
            .gql(
                Some(&user.token),
                "query($p: ID!) { tests(projectId: $p) { nodes { id lastRun { id status } } } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        let nodes = list["tests"]["nodes"].as_array().expect("tests").clone();
        let last = |id: &str| {
            nodes
                .iter()
                .find(|n| n["id"] == id)
                .map(|n| n["lastRun"].clone())
                .expect("listed")
        };
        assert_eq!(last(&test)["id"], run["id"], "[{backend}]");
        assert_eq!(last(&test)["status"], "PASSED");
        assert!(last(&idle).is_null(), "[{backend}]");
        // A bad script is refused before anything is queued.
        let before = app.count("runs").await;
        let gql = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { runTest(id: $id, script: \" \") { id } }",
                json!({ "id": test }),
            )
            .await;
        gql.expect_code("BAD_USER_INPUT");
        assert_eq!(gql.field(), Some("script"));
        assert_eq!(app.count("runs").await, before);
        app.stop().await;
    }
}

#[tokio::test]
async fn runs_executed_by_another_replica_stream_to_subscribers_through_postgres() {
    // Several processes share one database: PostgreSQL only.
    let Some(backend) = vigil_tests::postgres_or_skip("testing::runs_executed_by_another_replica")
    else {
        return;
    };
    let (app, user, _, project) = setup(&backend).await;
    let script = "export const options = { vus: 1, iterations: 3 };\nexport default function () { console.log('line from the other replica'); }\n";
    let test = create_test(&app, &user, &project, "chatty", "PERFORMANCE", script).await;
    let job = create_job(
        &app,
        &user,
        json!({ "projectId": project, "name": "remote", "jobType": "K6", "testIds": [test] }),
    )
    .await;
    let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
    let mut logs = subscribe(
        &app,
        &user,
        "subscription($id: ID!) { runLog(runId: $id) { line } }",
        json!({ "id": run }),
    )
    .await;
    let mut updates = subscribe(
        &app,
        &user,
        "subscription($id: ID!) { runUpdated(runId: $id) { status } }",
        json!({ "id": run }),
    )
    .await;
    // Another replica (its own pool and listener on the same database) executes the run.
    let replica = vigil::testing::worker::Worker::new(spawn_replica(&app).await);
    let finished = replica.tick().await.expect("tick");
    assert_eq!(finished.len(), 1);
    assert_eq!(
        finished[0].status,
        RunStatus::Passed,
        "{:?}",
        finished[0].logs
    );
    let lines = collect_lines(&mut logs, "line from the other replica").await;
    assert!(
        lines
            .iter()
            .any(|l| l.contains("line from the other replica")),
        "{lines:?}"
    );
    let statuses = collect_statuses(&mut updates, "PASSED").await;
    assert_eq!(
        statuses.last().map(String::as_str),
        Some("PASSED"),
        "{statuses:?}"
    );
    assert!(statuses.contains(&"RUNNING".to_owned()), "{statuses:?}");
    app.stop().await;
}

#[tokio::test]
async fn runs_have_no_network_where_the_outbound_policy_blocks_private_addresses() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.outbound_block_private = Some(true);
        })
        .await;
        let user = app.sign_up("cloud@example.com").await;
        let (_, project) = app.create_org(&user, "Cloud").await;
        let target = Target::start().await;
        let script = format!(
            "import http from 'k6/http';\nimport {{ check }} from 'k6';\nexport const options = {{ iterations: 1, thresholds: {{ checks: ['rate==1'] }} }};\nexport default function () {{ const r = http.get('{}', {{ timeout: '2s' }}); check(r, {{ 'reached': (x) => x.status === 200 }}); }}\n",
            target.url("/m/probe")
        );
        let test = create_test(
            &app,
            &user,
            &project,
            "reach loopback",
            "PERFORMANCE",
            &script,
        )
        .await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "probe", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&app, &run).await;
        assert_eq!(row.status, RunStatus::Failed, "{:?}", row.logs);
        assert!(
            row.logs
                .unwrap_or_default()
                .contains("this run has no network")
        );
        assert_eq!(
            target.hits("probe"),
            0,
            "the loopback target was never reached"
        );
        app.stop().await;
    }
}

#[test]
fn runners_check_reports_what_is_installed() {
    let out = std::process::Command::new(vigil_tests::vigil_bin())
        .args(["runners", "check", "--tools-dir"])
        .arg(tools_dir())
        .env("VIGIL_DATA_DIR", vigil_tests::temp_dir("runners"))
        .output()
        .expect("vigil runners check");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for part in ["@playwright/test", "k6", "chromium", "bubblewrap"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with("ok") && l.contains(part)),
            "{part} is not ready:\n{text}"
        );
    }
    // An empty tools dir says what to run.
    let empty = vigil_tests::temp_dir("no-tools");
    let out = std::process::Command::new(vigil_tests::vigil_bin())
        .args(["runners", "check", "--tools-dir"])
        .arg(&empty)
        .output()
        .expect("vigil runners check");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("missing  @playwright/test") && text.contains("vigil runners install"),
        "{text}"
    );
}

#[tokio::test]
async fn a_run_that_outgrows_its_memory_limit_is_stopped() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.runner.memory_mb = 256;
        })
        .await;
        let user = app.sign_up("hungry@example.com").await;
        let (_, project) = app.create_org(&user, "Hungry").await;
        let script = "export const options = { iterations: 1 };\nexport default function () { const a = []; for (let i = 0; i < 100000000; i++) { a.push('x'.repeat(64) + i); } console.log(a.length); }\n";
        let test = create_test(&app, &user, &project, "hog", "PERFORMANCE", script).await;
        let job = create_job(&app, &user, json!({ "projectId": project, "name": "hog", "jobType": "K6", "testIds": [test], "timeoutSeconds": 60 })).await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&app, &run).await;
        // An error that names memory: stopped by the memory limit, not by the 60 s time limit
        // (which would end the run TIMED_OUT).
        assert_eq!(row.status, RunStatus::Error, "{:?}", row.logs);
        let error = row.error_details.clone().unwrap_or_default();
        assert!(error.contains("memory"), "{error}\n{:?}", row.logs);
        assert_eq!(sandboxed_processes(&run).await, 0);
        app.stop().await;
    }
}

/// Makes every location of `monitor` due now.
async fn make_due(app: &TestApp, monitor: &str) {
    entity::monitor_locations::Entity::update_many()
        .col_expr(
            entity::monitor_locations::Column::NextCheckAt,
            Expr::value(Utc::now() - chrono::Duration::seconds(1)),
        )
        .filter(entity::monitor_locations::Column::MonitorId.eq(uuid(monitor)))
        .exec(app.db())
        .await
        .expect("make due");
}

/// The synthetic monitor's runs, oldest first.
async fn monitor_runs(app: &TestApp, monitor: &str) -> Vec<runs::Model> {
    let mut rows: Vec<runs::Model> = runs::Entity::find()
        .filter(runs::Column::JobId.is_null())
        .all(app.db())
        .await
        .expect("runs")
        .into_iter()
        .filter(|r| r.metadata.as_ref().and_then(|m| m["monitorId"].as_str()) == Some(monitor))
        .collect();
    rows.sort_by_key(|r| r.created_at);
    rows
}

#[tokio::test]
async fn a_synthetic_monitor_runs_its_test_and_records_the_outcome_as_its_result() {
    let _turn = BROWSER.lock().await;
    for backend in backends() {
        let (app, user, _org, project) = setup(&backend).await;
        let target = Target::start().await;
        variable(&app, &user, &project, "BASE_URL", &target.url(""), false).await;
        let test = create_test(&app, &user, &project, "Shop works", "BROWSER", PASSING).await;
        let created = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id status } }",
                json!({ "i": { "projectId": project, "name": "Shop journey", "type": "SYNTHETIC_TEST",
                    "syntheticTestId": test, "frequencyMinutes": 5,
                    "alert": { "failureThreshold": 1, "recoveryThreshold": 1 } } }),
            )
            .await
            .ok();
        let monitor = created["createMonitor"]["id"]
            .as_str()
            .expect("monitor")
            .to_owned();
        let engine = app.engine("default");

        // Due: the engine queues one run of the test, and no second one while it is under way.
        make_due(&app, &monitor).await;
        assert_eq!(engine.tick().await.expect("tick"), 1);
        make_due(&app, &monitor).await;
        engine.tick().await.expect("tick");
        let queued = monitor_runs(&app, &monitor).await;
        assert_eq!(queued.len(), 1, "one run at a time per monitor");
        assert_eq!(queued[0].trigger, runs::RunTrigger::Schedule);
        assert_eq!(queued[0].status, RunStatus::Queued);

        // The run passes: the monitor is up, with the run's duration as its response time.
        let passed = finish(&app, &queued[0].id.to_string()).await;
        assert_eq!(passed.status, RunStatus::Passed, "{:?}", passed.logs);
        let query = "query($id: ID!) { monitor(id: $id) { status latestResult { status responseTimeMs details } } }";
        let seen = app
            .gql(Some(&user.token), query, json!({ "id": monitor }))
            .await
            .ok();
        assert_eq!(seen["monitor"]["status"], "UP", "{seen}");
        let result = &seen["monitor"]["latestResult"];
        assert_eq!(result["status"], "UP");
        assert_eq!(result["details"]["runId"], passed.id.to_string());
        assert_eq!(
            result["responseTimeMs"].as_i64(),
            passed.duration_ms.map(i64::from)
        );

        // The test starts failing: the next check is down with the test's error.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!, $s: String!) { updateTest(id: $id, input: { script: $s }) { id } }",
            json!({ "id": test, "s": FAILING }),
        )
        .await
        .ok();
        make_due(&app, &monitor).await;
        engine.tick().await.expect("tick");
        let second = monitor_runs(&app, &monitor).await;
        assert_eq!(second.len(), 2);
        let failed = finish(&app, &second[1].id.to_string()).await;
        assert_eq!(failed.status, RunStatus::Failed);
        let seen = app
            .gql(Some(&user.token), query, json!({ "id": monitor }))
            .await
            .ok();
        assert_eq!(seen["monitor"]["status"], "DOWN", "{seen}");
        let result = &seen["monitor"]["latestResult"];
        assert_eq!(result["status"], "DOWN");
        assert_eq!(result["details"]["errorClass"], "test");
        assert!(
            result["details"]["error"]
                .as_str()
                .is_some_and(|e| e.contains("1 of 1 tests failed")),
            "{result}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn old_runs_and_orphaned_artifacts_are_swept_by_the_plans_retention() {
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        let test = create_test(&app, &user, &project, "kept", "BROWSER", PASSING).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "kept", "testIds": [test] }),
        )
        .await;
        let job = job["id"].as_str().expect("job").to_owned();
        let old = uuid(&trigger(&app, &user.token, &job).await);
        let recent = uuid(&trigger(&app, &user.token, &job).await);
        let orphan = Uuid::now_v7();
        // The free plan keeps job data for a bounded number of days.
        organization::Entity::update_many()
            .col_expr(organization::Column::SubscriptionPlan, Expr::value("free"))
            .filter(organization::Column::Id.eq(uuid(&org)))
            .exec(app.db())
            .await
            .expect("plan");
        let keep_days = entity::plan_limits::Entity::find()
            .filter(entity::plan_limits::Column::Plan.eq("free"))
            .one(app.db())
            .await
            .expect("db")
            .expect("free plan")
            .job_data_retention_days;
        for (id, age) in [(old, keep_days + 1), (recent, 0)] {
            runs::Entity::update_many()
                .col_expr(runs::Column::Status, Expr::value(RunStatus::Passed))
                .col_expr(
                    runs::Column::CreatedAt,
                    Expr::value(Utc::now() - chrono::Duration::days(i64::from(age))),
                )
                .filter(runs::Column::Id.eq(id))
                .exec(app.db())
                .await
                .expect("age");
        }
        let storage = &app.state().storage;
        for id in [old, recent, orphan] {
            storage
                .put(&format!("runs/{id}/output.log"), b"output".to_vec())
                .await
                .expect("put");
        }

        let swept = vigil::testing::retention::run_once(app.state())
            .await
            .expect("retention");
        assert_eq!(
            (swept.runs_deleted, swept.orphaned_artifacts_deleted),
            (1, 1),
            "[{backend}] the old run (with its artifacts), and the orphan's artifacts"
        );
        assert!(
            runs::Entity::find_by_id(old)
                .one(app.db())
                .await
                .expect("db")
                .is_none()
        );
        assert!(
            runs::Entity::find_by_id(recent)
                .one(app.db())
                .await
                .expect("db")
                .is_some()
        );
        let stored = storage.run_ids().await.expect("list");
        assert_eq!(stored, vec![recent], "[{backend}]");
        assert!(
            storage
                .get(&format!("runs/{recent}/output.log"))
                .await
                .expect("get")
                .is_some()
        );
        app.stop().await;
    }
}

/// A k6 script that waits at the target's `/hold/{name}` until the test releases it, and
/// fails unless it was released.
fn held_script(target: &Target, name: &str) -> String {
    format!(
        "import http from 'k6/http';\n\
         export const options = {{ iterations: 1 }};\n\
         export default function () {{\n\
           const res = http.get('{url}', {{ timeout: '600s' }});\n\
           if (res.status !== 200) {{ throw new Error('not released: ' + res.status); }}\n\
         }}\n",
        url = target.url(&format!("/hold/{name}"))
    )
}

/// How many runs are in `status`.
async fn runs_in(app: &TestApp, status: RunStatus) -> u64 {
    runs::Entity::find()
        .filter(runs::Column::Status.eq(status))
        .count(app.db())
        .await
        .expect("counting runs")
}

#[tokio::test]
async fn a_process_executes_at_most_max_concurrent_runs_at_once() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.runner.max_concurrent = 2;
        })
        .await;
        let user = app.sign_up("busy@example.com").await;
        let (_, project) = app.create_org(&user, "Busy").await;
        let target = Target::start().await;
        let script = held_script(&target, "runs");
        let test = create_test(&app, &user, &project, "held", "PERFORMANCE", &script).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "held", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let job = job["id"].as_str().expect("job id").to_owned();
        let mut ids = Vec::new();
        for _ in 0..5 {
            ids.push(trigger(&app, &user.token, &job).await);
        }
        // The process's own loop, as `vigil serve` runs it; the plan (`unlimited`) would let
        // every run start at once.
        let shutdown = tokio_util::sync::CancellationToken::new();
        let worker = tokio::spawn(app.run_worker().run_forever(shutdown.clone()));
        // Two runs start and wait at the target while the rest stay queued; each release
        // lets the waiting ones finish, and the queued ones start in their place.
        for (arrived, waiting, queued, passed) in [(2, 2, 3, 0), (4, 2, 1, 2), (5, 1, 0, 4)] {
            vigil_tests::eventually("the next runs waiting at the target", || async {
                let held = target.held("runs");
                (held.arrived == arrived && held.waiting == waiting).then_some(())
            })
            .await;
            assert_eq!(
                (
                    runs_in(&app, RunStatus::Running).await,
                    runs_in(&app, RunStatus::Queued).await,
                    runs_in(&app, RunStatus::Passed).await,
                ),
                (u64::from(waiting), queued, passed),
                "[{backend}] running, queued and passed runs with {arrived} started"
            );
            target.release();
        }
        vigil_tests::eventually("every run passed", || async {
            (runs_in(&app, RunStatus::Passed).await == 5).then_some(())
        })
        .await;
        shutdown.cancel();
        worker.await.expect("the worker stopped");
        assert_eq!(
            target.held("runs").most,
            2,
            "[{backend}] never more than two at once"
        );
        // From the runs' own times: no run started while two others were running.
        let mut rows = Vec::new();
        for id in &ids {
            rows.push(run_row(&app, id).await);
        }
        for row in &rows {
            let started = row.started_at.expect("started");
            let running = rows
                .iter()
                .filter(|other| {
                    other.started_at.is_some_and(|s| s <= started)
                        && other.completed_at.is_some_and(|c| started < c)
                })
                .count();
            assert!(running <= 2, "[{backend}] {running} runs at {started}");
            assert_eq!(row.attempt, 1, "[{backend}] each run started once");
        }
        app.stop().await;
    }
}

/// The directory and the quota file of a run's CPU cgroup, v2 or v1 (`sandbox::Cgroup`).
fn cpu_cgroup(run: &str) -> [(std::path::PathBuf, &'static str); 2] {
    let name = format!("vigil-run-{}", uuid(run).simple());
    [
        (
            std::path::Path::new("/sys/fs/cgroup").join(&name),
            "cpu.max",
        ),
        (
            std::path::Path::new("/sys/fs/cgroup/cpu").join(&name),
            "cpu.cfs_quota_us",
        ),
    ]
}

#[tokio::test]
async fn a_run_gets_the_cpu_quota_of_runner_cpus_where_cgroups_are_writable() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.runner.cpus = 0.5;
        })
        .await;
        let user = app.sign_up("quota@example.com").await;
        let (_, project) = app.create_org(&user, "Quota").await;
        let target = Target::start().await;
        let script = held_script(&target, "quota");
        let test = create_test(&app, &user, &project, "held", "PERFORMANCE", &script).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "quota", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        // Whether this machine lets Vigil make a cgroup, asked the way a run asks.
        let writable = vigil::testing::sandbox::Cgroup::create(
            &Uuid::new_v4().simple().to_string(),
            256 * 1024 * 1024,
            1.0,
        )
        .is_some();
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let worker = app.run_worker();
        let running = tokio::spawn(async move { worker.tick().await });
        vigil_tests::eventually("the run waiting at the target", || async {
            (target.held("quota").waiting == 1).then_some(())
        })
        .await;
        // The script cannot see its cgroup (the sandbox has its own cgroup namespace and no
        // /sys/fs/cgroup), so the quota is read from the host while the script waits inside.
        let found: Vec<_> = cpu_cgroup(&run)
            .into_iter()
            .filter(|(dir, _)| dir.exists())
            .collect();
        if writable {
            assert_eq!(found.len(), 1, "[{backend}] one CPU cgroup for the run");
            let (dir, file) = &found[0];
            let quota = std::fs::read_to_string(dir.join(file)).expect("quota");
            let quota = if *file == "cpu.max" {
                quota.trim().to_owned()
            } else {
                let period =
                    std::fs::read_to_string(dir.join("cpu.cfs_period_us")).expect("period");
                format!("{} {}", quota.trim(), period.trim())
            };
            assert_eq!(quota, "50000 100000", "[{backend}] half a CPU");
            // The run's processes (the sandbox and k6 in it) are in that cgroup.
            let procs = std::fs::read_to_string(dir.join("cgroup.procs")).expect("procs");
            let inside: Vec<&str> = procs.lines().collect();
            let mut of_run = Vec::new();
            for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
                if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline"))
                    && String::from_utf8_lossy(&cmdline).contains(&run)
                {
                    of_run.push(entry.file_name().to_string_lossy().into_owned());
                }
            }
            assert!(!of_run.is_empty(), "[{backend}] the run has processes");
            for pid in &of_run {
                assert!(
                    inside.contains(&pid.as_str()),
                    "[{backend}] process {pid} of the run is outside its cgroup {procs:?}"
                );
            }
        } else {
            // The documented fallback: no cgroup, no quota, and the run still runs.
            eprintln!(
                "NOTE a_run_gets_the_cpu_quota_of_runner_cpus_where_cgroups_are_writable: \
                 cgroups are not writable here; checked that runs go on without a CPU quota"
            );
            assert!(found.is_empty(), "[{backend}] {found:?}");
        }
        target.release();
        running.await.expect("join").expect("tick");
        let row = run_row(&app, &run).await;
        assert_eq!(row.status, RunStatus::Passed, "[{backend}] {:?}", row.logs);
        assert!(
            cpu_cgroup(&run).iter().all(|(dir, _)| !dir.exists()),
            "[{backend}] the run's cgroup is removed after it"
        );
        app.stop().await;
    }
}

const SPIN: &str = r#"import { test } from '@playwright/test';

test('spins until its CPU seconds run out', () => {
  test.setTimeout(0);
  console.log('SPINNING');
  let x = 0;
  for (;;) { x = (x * 31 + 7) % 1000003; }
});
"#;

const WRITE_BIG: &str = r#"import { test } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

test('writes a file past the size limit', () => {
  const chunk = Buffer.alloc(1024 * 1024, 120);
  const fd = fs.openSync(path.join(process.env.HOME, 'big.bin'), 'w');
  for (let i = 1; i <= 16; i++) {
    fs.writeSync(fd, chunk);
    console.log(`WROTE ${i} MiB`);
  }
});
"#;

const OPEN_MANY: &str = r#"import { test } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

test('opens files past the limit', () => {
  const fds = [];
  try {
    for (;;) { fds.push(fs.openSync(path.join(process.env.HOME, 'package.json'), 'r')); }
  } catch (err) {
    console.log(`OPENED ${fds.length} THEN ${err.code}`);
    throw err;
  }
});
"#;

/// A Playwright test that waits at the target's `/hold/{name}` until the test releases it.
fn held_spec(target: &Target, name: &str) -> String {
    format!(
        "import {{ test }} from '@playwright/test';\n\n\
         test('waits while the host looks', async () => {{\n\
           test.setTimeout(0);\n\
           const res = await fetch('{url}');\n\
           console.log('RELEASED ' + res.status);\n\
         }});\n",
        url = target.url(&format!("/hold/{name}"))
    )
}

/// Every file under `dir` with its size.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).into_iter().flatten().flatten() {
            let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                out.push((entry.path(), meta.len()));
            }
        }
    }
    out
}

#[tokio::test]
async fn scripts_that_exceed_cpu_seconds_file_size_or_open_files_are_stopped_and_say_why() {
    const MIB: u64 = 1024 * 1024;
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.runner.cpu_seconds = Some(8);
            s.runner.file_size_mb = 4;
            s.runner.open_files = 256;
        })
        .await;
        let user = app.sign_up("limits@example.com").await;
        let (_, project) = app.create_org(&user, "Limits").await;
        let target = Target::start().await;
        let job_of = async |name: &str, scripts: &[&str]| {
            let mut ids = Vec::new();
            for (i, script) in scripts.iter().enumerate() {
                ids.push(
                    create_test(
                        &app,
                        &user,
                        &project,
                        &format!("{name} {i}"),
                        "CUSTOM",
                        script,
                    )
                    .await,
                );
            }
            let job = create_job(
                &app,
                &user,
                json!({ "projectId": project, "name": name, "testIds": ids }),
            )
            .await;
            job["id"].as_str().expect("job id").to_owned()
        };

        // CPU seconds: the spinning worker gets SIGXCPU, and Playwright says so.
        let job = job_of("cpu", &[SPIN]).await;
        let run = trigger(&app, &user.token, &job).await;
        let row = finish(&app, &run).await;
        let logs = row.logs.clone().unwrap_or_default();
        assert_eq!(row.status, RunStatus::Failed, "[{backend}] {logs}");
        assert!(
            logs.contains("SPINNING") && logs.contains("SIGXCPU"),
            "[{backend}] {logs}"
        );
        assert_eq!(
            sandboxed_processes(&run).await,
            0,
            "[{backend}] nothing left"
        );

        // File size: the write past 4 MiB fails, and the file stays at the limit; the host
        // looks at the work dir while the next test of the run waits.
        let job = job_of("files", &[WRITE_BIG, &held_spec(&target, "files")]).await;
        let run = trigger(&app, &user.token, &job).await;
        let worker = app.run_worker();
        let running = tokio::spawn(async move { worker.tick().await });
        vigil_tests::eventually("the run waiting at the target", || async {
            (target.held("files").waiting == 1).then_some(())
        })
        .await;
        let work = app.state().settings.work_dir().join(&run);
        let files = files_under(&work);
        let big = files
            .iter()
            .find(|(path, _)| path.ends_with("big.bin"))
            .expect("the big file");
        assert_eq!(big.1, 4 * MIB, "[{backend}] written up to the limit");
        assert!(
            files.iter().all(|(_, size)| *size <= 4 * MIB),
            "[{backend}] {files:?}"
        );
        target.release();
        running.await.expect("join").expect("tick");
        let row = run_row(&app, &run).await;
        let logs = row.logs.clone().unwrap_or_default();
        assert_eq!(row.status, RunStatus::Failed, "[{backend}] {logs}");
        assert!(
            logs.contains("WROTE 4 MiB")
                && !logs.contains("WROTE 5 MiB")
                && logs.contains("EFBIG: file too large")
                && logs.contains("RELEASED 200"),
            "[{backend}] {logs}"
        );

        // Open files: the 256th descriptor is refused.
        let job = job_of("fds", &[OPEN_MANY]).await;
        let run = trigger(&app, &user.token, &job).await;
        let row = finish(&app, &run).await;
        let logs = row.logs.clone().unwrap_or_default();
        assert_eq!(row.status, RunStatus::Failed, "[{backend}] {logs}");
        let opened: usize = logs
            .lines()
            .find_map(|l| {
                l.split_once("OPENED ")
                    .and_then(|(_, r)| r.strip_suffix(" THEN EMFILE"))
            })
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("[{backend}] no EMFILE: {logs}"));
        assert!(
            (100..256).contains(&opened),
            "[{backend}] {opened} files opened under a limit of 256"
        );
        app.stop().await;
    }
}

const RECORDED: &str = r#"import { test, expect } from '@playwright/test';
import { getVariable } from './vigil';

test.use({ video: 'on' });

test('the page greets, on video', async ({ page }) => {
  await page.goto(getVariable('BASE_URL') + '/page');
  await page.click('#go');
  await expect(page.locator('#greeting')).toHaveText('Clicked');
});
"#;

#[tokio::test]
async fn a_test_that_records_video_stores_it_for_members_only() {
    let _turn = BROWSER.lock().await;
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        let target = Target::start().await;
        variable(&app, &user, &project, "BASE_URL", &target.url(""), false).await;
        let test = create_test(&app, &user, &project, "recorded", "BROWSER", RECORDED).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "recorded", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = finish(&app, &run).await;
        assert_eq!(row.status, RunStatus::Passed, "[{backend}] {:?}", row.logs);
        let seen = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { run(id: $id) { videoUrl artifacts { kind path url } } }",
                json!({ "id": run }),
            )
            .await
            .ok();
        let videos: Vec<&Value> = seen["run"]["artifacts"]
            .as_array()
            .expect("artifacts")
            .iter()
            .filter(|a| a["kind"] == "video")
            .collect();
        assert_eq!(videos.len(), 1, "[{backend}] {seen}");
        let path = videos[0]["path"].as_str().expect("path");
        assert!(
            path.starts_with(&format!("runs/{run}/")) && path.ends_with(".webm"),
            "[{backend}] {path}"
        );
        assert_eq!(
            seen["run"]["videoUrl"], videos[0]["url"],
            "[{backend}] the run's video is that one"
        );
        let url = format!("/artifacts/{path}");

        // A member, even a viewer, gets the video.
        let viewer = app
            .member(
                &user,
                &org,
                &project,
                "watcher@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        for member in [&user, &viewer] {
            let response = get(&app, Some(&member.token), &url).await;
            assert_eq!(
                response.status().as_u16(),
                200,
                "[{backend}] {}",
                member.email
            );
            assert_eq!(
                response
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok()),
                Some("video/webm"),
                "[{backend}]"
            );
            let bytes = response.bytes().await.expect("video");
            assert!(
                bytes.len() > 1000 && bytes.starts_with(&[0x1a, 0x45, 0xdf, 0xa3]),
                "[{backend}] a WebM file of {} bytes",
                bytes.len()
            );
        }
        // Someone outside the organization, and no one at all, do not.
        let outsider = app.sign_up("outsider@example.com").await;
        app.create_org(&outsider, "Elsewhere").await;
        let refused = get(&app, Some(&outsider.token), &url).await;
        assert_eq!(
            refused.status().as_u16(),
            404,
            "[{backend}] not found for an outsider"
        );
        let body = refused.text().await.expect("body");
        assert!(!body.starts_with("\u{1a}"), "[{backend}] no video bytes");
        let anonymous = get(&app, None, &url).await;
        assert_eq!(anonymous.status().as_u16(), 401, "[{backend}]");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_run_queued_again_after_its_worker_died_runs_to_its_end_on_a_live_worker() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let target = Target::start().await;
        let script = held_script(&target, "again");
        let test = create_test(&app, &user, &project, "held", "PERFORMANCE", &script).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "again", "jobType": "K6", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        // A worker claims the run and dies before starting it: its lease runs out.
        let dead = app.run_worker();
        let claimed = dead.claim().await.expect("claim").expect("the run");
        assert_eq!((claimed.status, claimed.attempt), (RunStatus::Running, 1));
        runs::Entity::update_many()
            .col_expr(
                runs::Column::ClaimedUntil,
                Expr::value(Utc::now() - chrono::Duration::seconds(1)),
            )
            .filter(runs::Column::Id.eq(uuid(&run)))
            .exec(app.db())
            .await
            .expect("expire");
        assert_eq!(
            vigil::testing::run::recover_expired(app.state())
                .await
                .expect("recover"),
            1
        );
        let row = run_row(&app, &run).await;
        assert_eq!(row.status, RunStatus::Queued, "[{backend}]");
        assert!(row.started_at.is_none() && row.claimed_by.is_none());
        assert!(
            row.logs
                .as_deref()
                .is_some_and(|l| l.contains("attempt 1 stopped; the run is queued again")),
            "[{backend}] {:?}",
            row.logs
        );
        // A live worker takes it again and runs the script this time, once.
        let live = app.run_worker();
        let running = tokio::spawn(async move { live.tick().await });
        vigil_tests::eventually("the second attempt at the target", || async {
            (target.held("again").waiting == 1).then_some(())
        })
        .await;
        let row = run_row(&app, &run).await;
        assert_eq!(
            (row.status, row.attempt),
            (RunStatus::Running, 2),
            "[{backend}]"
        );
        target.release();
        running.await.expect("join").expect("tick");
        let row = run_row(&app, &run).await;
        assert_eq!(row.status, RunStatus::Passed, "[{backend}] {:?}", row.logs);
        assert_eq!(row.attempt, 2, "[{backend}]");
        assert_eq!(
            target.held("again").arrived,
            1,
            "[{backend}] the script ran once"
        );
        // The dead worker's late word changes nothing.
        let late = vigil::testing::run::Outcome::error("late", Utc::now());
        assert!(
            vigil::testing::run::finish(app.state(), &claimed, dead.id(), late)
                .await
                .expect("finish")
                .is_none()
        );
        assert_eq!(run_row(&app, &run).await.status, RunStatus::Passed);
        app.stop().await;
    }
}

/// Rows written before a run's artifacts and metadata had types of their own read back
/// through the API as before: the artifact list in its order, the stored paths unchanged,
/// the output's line count and the test of a single-test run.
#[tokio::test]
async fn run_rows_in_the_stored_json_shape_read_back_through_the_api() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let test = create_test(
            &app,
            &user,
            &project,
            "stored",
            "PERFORMANCE",
            "export default function () {}",
        )
        .await;
        let run = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { runTest(id: $id) { id } }",
                json!({ "id": test }),
            )
            .await
            .ok()["runTest"]["id"]
            .as_str()
            .expect("run id")
            .to_owned();
        let key = |name: &str| format!("runs/{run}/{name}");
        let metadata = json!({
            "testId": test, "testIds": [test], "script": null, "triggeredBy": user.id,
            "executorStartedAt": "2026-12-06T10:00:01.250Z", "logLines": 42,
        });
        let k6 = json!({
            "report": key("k6/001-stored/report.html"),
            "k6": [{ "testId": test, "report": key("k6/001-stored/report.html"),
                     "summary": key("k6/001-stored/summary.json"), "console": key("k6/001-stored/console.txt") }],
            "log": key("output.log"),
        });
        let playwright = json!({
            "report": key("report/index.html"), "results": key("results.json"),
            "screenshots": [key("test-results/a/test-failed-1.png")], "videos": [key("test-results/a/video.webm")],
            "traces": [key("test-results/a/trace.zip")],
            "stats": { "passed": 0, "failed": 1, "flaky": 0, "skipped": 0 },
            "log": key("output.log"),
        });
        let cases = [
            (
                k6,
                vec!["report", "log", "k6-report", "k6-summary", "k6-console"],
            ),
            (
                playwright,
                vec!["report", "log", "results", "screenshot", "video", "trace"],
            ),
            (json!({}), vec![]),
        ];
        for (artifacts, kinds) in cases {
            runs::Entity::update_many()
                .col_expr(runs::Column::Status, Expr::value(RunStatus::Failed))
                .col_expr(runs::Column::Metadata, Expr::value(metadata.clone()))
                .col_expr(runs::Column::ArtifactPaths, Expr::value(artifacts.clone()))
                .filter(runs::Column::Id.eq(uuid(&run)))
                .exec(app.db())
                .await
                .expect("write the row");
            let data = app
                .gql(
                    Some(&user.token),
                    "query($id: ID!) { run(id: $id) { testId logLines artifactPaths artifacts { kind path url } } }",
                    json!({ "id": run }),
                )
                .await
                .ok();
            let shown = &data["run"];
            assert_eq!(shown["testId"], test.as_str(), "[{backend}]");
            assert_eq!(shown["logLines"], 42, "[{backend}]");
            assert_eq!(shown["artifactPaths"], artifacts, "[{backend}]");
            let listed = shown["artifacts"].as_array().expect("artifacts");
            let got: Vec<&str> = listed
                .iter()
                .map(|a| a["kind"].as_str().expect("kind"))
                .collect();
            assert_eq!(got, kinds, "[{backend}] {artifacts}");
            for artifact in listed {
                let path = artifact["path"].as_str().expect("path");
                assert!(path.starts_with(&format!("runs/{run}/")));
                assert!(
                    artifact["url"]
                        .as_str()
                        .is_some_and(|u| u.ends_with(&format!("/artifacts/{path}"))),
                    "{artifact}"
                );
            }
        }
        app.stop().await;
    }
}
