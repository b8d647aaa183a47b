//! Every plan limit: reached through the API, refused with `PLAN_LIMIT` and its extensions
//! (`limit`, `current`, `max`, `plan`), nothing written; a downgrade keeps what exists and
//! refuses what is new; `unlimited` refuses nothing; `Organization.quotas`; and the attacks: another
//! tenant's quotas, racing creates, the REST paths.

use chrono::{Duration, Utc};
use entity::runs::{RunStatus, RunTrigger};
use entity::{monitor_results, organization, plan_limits, subscription_plans};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::ops::{create_job, create_test, setup, trigger};
use vigil_tests::receivers::Receiver;
use vigil_tests::snapshot::{Snapshot, uuid};
use vigil_tests::{Gql, TestApp, TestUser, backends};

const CREATE_MONITOR: &str =
    "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id frequencyMinutes } }";
const UPDATE_MONITOR: &str = "mutation($id: ID!, $i: UpdateMonitorInput!) { updateMonitor(id: $id, input: $i) { id name frequencyMinutes } }";
const CREATE_PROJECT: &str =
    "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
const CREATE_ORG: &str =
    "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }";
const INVITE: &str = "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }";
const ACCEPT: &str = "mutation($id: ID!) { acceptInvitation(id: $id) { role } }";
const REVOKE: &str = "mutation($id: ID!) { revokeInvitation(id: $id) { status } }";
const CREATE_PAGE: &str =
    "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }";
const SET_DOMAIN: &str = "mutation($id: ID!, $d: String) { setStatusPageCustomDomain(id: $id, domain: $d) { customDomain } }";
const CREATE_CALLBACK: &str = "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl timeoutDuration } }";
const UPDATE_CALLBACK: &str = "mutation($id: ID!, $i: UpdateCallbackInput!) { updateCallback(id: $id, input: $i) { timeoutDuration } }";
const QUOTAS: &str = "query($id: ID!) { organization(id: $id) { id quotas { limit used max } } }";

/// Puts organization `org` on the plan called `plan`.
async fn set_plan(app: &TestApp, org: &str, plan: &str) {
    organization::Entity::update_many()
        .col_expr(organization::Column::SubscriptionPlan, Expr::value(plan))
        .filter(organization::Column::Id.eq(uuid(org)))
        .exec(app.db())
        .await
        .expect("the organization's plan");
}

/// A server (self-hosted, so that organizations start `unlimited`) with a user whose
/// organization is put on `plan`: (app, owner, organization, default project).
async fn on_plan(
    backend: &vigil_tests::Backend,
    plan: &str,
) -> (TestApp, TestUser, String, String) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("owner@example.com").await;
    let (org, project) = app.create_org(&user, "Acme").await;
    set_plan(&app, &org, plan).await;
    (app, user, org, project)
}

/// Asserts `gql` is a `PLAN_LIMIT` refusal of `limit` with these figures, and returns its
/// message.
#[track_caller]
fn refused(gql: &Gql, limit: &str, current: i64, max: i64, plan: &str) -> String {
    gql.expect_code("PLAN_LIMIT");
    let ext = &gql.body["errors"][0]["extensions"];
    assert_eq!(
        (&ext["limit"], &ext["current"], &ext["max"], &ext["plan"]),
        (&json!(limit), &json!(current), &json!(max), &json!(plan)),
        "{}",
        gql.body
    );
    let message = gql.message().to_owned();
    assert!(message.contains(&format!("({plan})")), "{message}");
    message
}

async fn monitor(app: &TestApp, user: &TestUser, project: &str, name: &str, minutes: i32) -> Gql {
    app.gql(
        Some(&user.token),
        CREATE_MONITOR,
        json!({ "i": { "projectId": project, "name": name, "type": "HTTP", "target": "http://example.com", "frequencyMinutes": minutes } }),
    )
    .await
}

async fn create_project(app: &TestApp, user: &TestUser, org: &str, name: &str) -> Gql {
    app.gql(
        Some(&user.token),
        CREATE_PROJECT,
        json!({ "i": { "organizationId": org, "name": name } }),
    )
    .await
}

async fn invite(app: &TestApp, user: &TestUser, org: &str, email: &str) -> Gql {
    app.gql(
        Some(&user.token),
        INVITE,
        json!({ "i": { "organizationId": org, "email": email, "role": "ORG_ADMIN" } }),
    )
    .await
}

async fn page(app: &TestApp, user: &TestUser, project: &str, name: &str) -> Gql {
    app.gql(
        Some(&user.token),
        CREATE_PAGE,
        json!({ "i": { "projectId": project, "name": name } }),
    )
    .await
}

async fn quotas(app: &TestApp, user: &TestUser, org: &str) -> Value {
    app.gql(Some(&user.token), QUOTAS, json!({ "id": org }))
        .await
        .ok()["organization"]["quotas"]
        .clone()
}

/// The quota of `limit` in a `quotas` list: (used, max).
fn quota(quotas: &Value, limit: &str) -> (i64, Option<i64>) {
    let q = quotas
        .as_array()
        .expect("a list")
        .iter()
        .find(|q| q["limit"] == limit)
        .unwrap_or_else(|| panic!("no {limit} quota in {quotas}"));
    (q["used"].as_i64().expect("used"), q["max"].as_i64())
}

#[tokio::test]
async fn monitors_and_their_check_interval_stop_at_the_plan() {
    for backend in backends() {
        let (app, user, _, project) = on_plan(&backend, "free").await;
        // free: checks at most every 5 minutes.
        let fast = monitor(&app, &user, &project, "fast", 1).await;
        let message = refused(&fast, "MIN_CHECK_INTERVAL", 1, 5, "free");
        assert!(message.contains("every 5 minutes"), "{message}");
        // free: 10 monitors.
        for i in 0..10 {
            monitor(&app, &user, &project, &format!("m{i}"), 5)
                .await
                .ok();
        }
        let before = Snapshot::take_with_domains(&app).await;
        let eleventh = monitor(&app, &user, &project, "eleventh", 5).await;
        let message = refused(&eleventh, "MONITORS", 10, 10, "free");
        assert_eq!(
            message,
            "Your plan (free) allows 10 monitors; this organization has 10. Upgrade or remove one."
        );
        let after = Snapshot::take_with_domains(&app).await;
        assert!(
            before.changes(&after).is_empty(),
            "[{backend}] nothing written: {:?}",
            before.changes(&after)
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn projects_stop_at_the_plan_and_racing_creates_do_not_pass_it() {
    for backend in backends() {
        let (app, user, org, _) = on_plan(&backend, "free").await;
        // free: 2 projects, the default one counts. Eight creates race for the one place.
        let names: Vec<String> = (0..8).map(|i| format!("p{i}")).collect();
        let racing = names.iter().map(|n| create_project(&app, &user, &org, n));
        let answers = futures_util::future::join_all(racing).await;
        let made = answers
            .iter()
            .filter(|a| a.body.get("errors").is_none())
            .count();
        assert_eq!(made, 1, "[{backend}] exactly one create passed");
        for answer in answers.iter().filter(|a| a.body.get("errors").is_some()) {
            refused(answer, "PROJECTS", 2, 2, "free");
        }
        assert_eq!(app.count("projects").await, 2, "[{backend}]");
        let before = Snapshot::take(&app).await;
        refused(
            &create_project(&app, &user, &org, "later").await,
            "PROJECTS",
            2,
            2,
            "free",
        );
        assert!(before.changes(&Snapshot::take(&app).await).is_empty());
        app.stop().await;
    }
}

#[tokio::test]
async fn members_and_open_invitations_share_the_plans_seats() {
    for backend in backends() {
        let (app, owner, org, _) = on_plan(&backend, "free").await;
        // free: 3 members. The owner and two open invitations fill them.
        let a = invite(&app, &owner, &org, "a@example.com").await.ok();
        invite(&app, &owner, &org, "b@example.com").await.ok();
        let before = Snapshot::take(&app).await;
        let third = invite(&app, &owner, &org, "c@example.com").await;
        let message = refused(&third, "MEMBERS", 3, 3, "free");
        assert!(message.contains("revoke an invitation"), "{message}");
        assert!(before.changes(&Snapshot::take(&app).await).is_empty());
        // A new invitation to an address already invited replaces the old one: no new seat.
        invite(&app, &owner, &org, "a@example.com").await.ok();
        // Revoking one frees its seat.
        let b_id = invitation_id(&app, &org, "b@example.com").await;
        app.gql(Some(&owner.token), REVOKE, json!({ "id": b_id }))
            .await
            .ok();
        invite(&app, &owner, &org, "c@example.com").await.ok();
        assert_eq!(
            quota(&quotas(&app, &owner, &org).await, "MEMBERS"),
            (3, Some(3))
        );
        // Accepting an invitation takes its own seat: allowed.
        let invited = app.verified_user("c@example.com").await;
        let c_id = invitation_id(&app, &org, "c@example.com").await;
        app.gql(Some(&invited.token), ACCEPT, json!({ "id": c_id }))
            .await
            .ok();
        // The plan shrinks to 2 seats: the open invitation can no longer be accepted.
        plan_limits::Entity::update_many()
            .col_expr(plan_limits::Column::MaxTeamMembers, Expr::value(2))
            .filter(plan_limits::Column::Plan.eq(plan_limits::BillingPlan::Free))
            .exec(app.db())
            .await
            .expect("a smaller plan");
        let a_user = app.verified_user("a@example.com").await;
        let a_id = invitation_id(&app, &org, "a@example.com").await;
        assert_ne!(json!(a_id), a["inviteMember"]["id"], "replaced");
        let before = Snapshot::take(&app).await;
        let late = app
            .gql(Some(&a_user.token), ACCEPT, json!({ "id": a_id }))
            .await;
        refused(&late, "MEMBERS", 2, 2, "free");
        assert!(
            before.changes(&Snapshot::take(&app).await).is_empty(),
            "[{backend}] not a member, the invitation still open"
        );
        app.stop().await;
    }
}

/// The open invitation of `org` to `email`.
async fn invitation_id(app: &TestApp, org: &str, email: &str) -> String {
    entity::invitation::Entity::find()
        .filter(entity::invitation::Column::OrganizationId.eq(uuid(org)))
        .filter(entity::invitation::Column::Email.eq(email))
        .filter(
            entity::invitation::Column::Status.eq(entity::invitation::InvitationStatus::Pending),
        )
        .one(app.db())
        .await
        .expect("db")
        .expect("an open invitation")
        .id
        .to_string()
}

#[tokio::test]
async fn a_person_owns_as_many_organizations_as_their_best_plan_allows() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.mode = vigil::config::Mode::Cloud).await;
        let user = app.sign_up("founder@example.com").await;
        let (first, _) = app.create_org(&user, "First").await;
        let create = |name: &str| {
            app.gql(
                Some(&user.token),
                CREATE_ORG,
                json!({ "i": { "name": name } }),
            )
        };
        // free: one organization per owner.
        let before = Snapshot::take(&app).await;
        let second = create("Second").await;
        let message = refused(&second, "ORGANIZATIONS", 1, 1, "free");
        assert!(message.contains("you own 1"), "{message}");
        assert!(before.changes(&Snapshot::take(&app).await).is_empty());
        // Owning a plus organization allows two.
        set_plan(&app, &first, "plus").await;
        create("Second").await.ok();
        refused(&create("Third").await, "ORGANIZATIONS", 2, 2, "plus");
        // Another person is not limited by this one's organizations.
        let other = app.sign_up("other@example.com").await;
        app.create_org(&other, "Theirs").await;
        app.stop().await;
    }
}

#[tokio::test]
async fn status_pages_and_custom_domains_follow_the_plan() {
    for backend in backends() {
        let (app, user, org, project) = on_plan(&backend, "free").await;
        let first = page(&app, &user, &project, "Status").await.ok();
        let page_id = first["createStatusPage"]["id"].clone();
        let before = app.count("status_pages").await;
        refused(
            &page(&app, &user, &project, "Second").await,
            "STATUS_PAGES",
            1,
            1,
            "free",
        );
        assert_eq!(app.count("status_pages").await, before);
        // free has no custom domains.
        let domain = app
            .gql(
                Some(&user.token),
                SET_DOMAIN,
                json!({ "id": page_id, "d": "status.acme.com" }),
            )
            .await;
        let message = refused(&domain, "CUSTOM_DOMAINS", 0, 0, "free");
        assert!(message.contains("custom domains"), "{message}");
        let stored = entity::status_pages::Entity::find_by_id(uuid(page_id.as_str().expect("id")))
            .one(app.db())
            .await
            .expect("db")
            .expect("page");
        assert_eq!(stored.custom_domain, None, "[{backend}] nothing written");
        // plus has them; after a downgrade the domain stays and can still be removed.
        set_plan(&app, &org, "plus").await;
        app.gql(
            Some(&user.token),
            SET_DOMAIN,
            json!({ "id": page_id, "d": "status.acme.com" }),
        )
        .await
        .ok();
        set_plan(&app, &org, "free").await;
        let kept = entity::status_pages::Entity::find_by_id(stored.id)
            .one(app.db())
            .await
            .expect("db")
            .expect("page");
        assert_eq!(kept.custom_domain.as_deref(), Some("status.acme.com"));
        refused(
            &app.gql(
                Some(&user.token),
                SET_DOMAIN,
                json!({ "id": page_id, "d": "other.acme.com" }),
            )
            .await,
            "CUSTOM_DOMAINS",
            1,
            0,
            "free",
        );
        app.gql(
            Some(&user.token),
            SET_DOMAIN,
            json!({ "id": page_id, "d": null }),
        )
        .await
        .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn run_capacity_refuses_over_graphql_and_the_ci_trigger_url_alike() {
    for backend in backends() {
        let (app, user, org, project) = setup(&backend).await;
        set_plan(&app, &org, "free").await;
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
        // free: 1 running and 10 queued.
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
        refused(&full, "QUEUED_CAPACITY", 11, 10, "free");
        // The CI trigger URL answers the same figures in its JSON error.
        let key = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }",
                json!({ "i": { "name": "ci", "permission": "WRITE" } }),
            )
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        let response = app
            .http
            .post(format!("{}/api/jobs/{job_id}/trigger", app.url))
            .bearer_auth(&key)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 402);
        let body: Value = response.json().await.expect("json");
        let error = &body["error"];
        assert_eq!(
            (
                &error["code"],
                &error["limit"],
                &error["max"],
                &error["plan"]
            ),
            (
                &json!("PLAN_LIMIT"),
                &json!("QUEUED_CAPACITY"),
                &json!(10),
                &json!("free")
            ),
            "{body}"
        );
        assert!(error["message"].as_str().unwrap_or("").contains("(free)"));
        assert_eq!(
            app.count("runs").await,
            before,
            "[{backend}] nothing queued"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn queued_runs_are_claimed_by_the_capacity_of_the_plans_link() {
    for backend in backends() {
        let (app, _user, org, project) = setup(&backend).await;
        // A plan named other than its limits: `pro-yearly` grants `pro` (10 running).
        let pro = limits_row(&app, plan_limits::BillingPlan::Pro).await;
        linked_plan(&app, "pro-yearly", pro.id, 1_000, 30).await;
        set_plan(&app, &org, "pro-yearly").await;
        for _ in 0..3 {
            let row = vigil::testing::run::NewRun {
                organization_id: uuid(&org),
                project_id: uuid(&project),
                job_id: None,
                trigger: RunTrigger::Manual,
                metadata: Default::default(),
            }
            .queued_row(Some("default".into()));
            row.insert(app.db()).await.expect("a queued run");
        }
        // Read by name, `pro-yearly` would be `free` (1 running): the link gives 3 at once.
        for _ in 0..3 {
            let claimed = vigil::testing::run::claim_one(app.state(), "w")
                .await
                .expect("claim");
            assert!(
                claimed.is_some(),
                "[{backend}] claimed within pro's capacity"
            );
        }
        let running = entity::runs::Entity::find()
            .filter(entity::runs::Column::Status.eq(RunStatus::Running))
            .all(app.db())
            .await
            .expect("db");
        assert_eq!(running.len(), 3);
        app.stop().await;
    }
}

async fn limits_row(app: &TestApp, tier: plan_limits::BillingPlan) -> plan_limits::Model {
    plan_limits::Entity::find()
        .filter(plan_limits::Column::Plan.eq(tier))
        .one(app.db())
        .await
        .expect("db")
        .expect("seeded")
}

/// A subscription plan `name` granting the limits `limits_id`, with its callback limits.
async fn linked_plan(app: &TestApp, name: &str, limits_id: Uuid, triggers: i32, timeout_s: i32) {
    subscription_plans::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name.into()),
        description: Set(None),
        price: Set(0.0),
        currency: Set("USD".into()),
        interval: Set("month".into()),
        max_triggers: Set(triggers),
        max_timeout_duration: Set(timeout_s),
        features: Set(json!([])),
        is_active: Set(true),
        stripe_price_id: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        plan_limits_id: Set(Some(limits_id)),
        polar_product_id: Set(None),
    }
    .insert(app.db())
    .await
    .expect("a plan");
}

#[tokio::test]
async fn retention_keeps_results_as_long_as_each_organizations_plan_says() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("keeper@example.com").await;
        let (free_org, free_project) = app.create_org(&user, "Free").await;
        set_plan(&app, &free_org, "free").await;
        let other = app.sign_up("yearly@example.com").await;
        let (pro_org, pro_project) = app.create_org(&other, "Yearly").await;
        let pro = limits_row(&app, plan_limits::BillingPlan::Pro).await;
        linked_plan(&app, "pro-yearly", pro.id, 1_000, 30).await;
        set_plan(&app, &pro_org, "pro-yearly").await;
        let free_monitor = monitor(&app, &user, &free_project, "f", 5).await.ok()["createMonitor"]
            ["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let pro_monitor =
            monitor(&app, &other, &pro_project, "p", 5).await.ok()["createMonitor"]["id"]
                .as_str()
                .expect("id")
                .to_owned();
        // free keeps 7 days, pro 90.
        for (monitor, days) in [
            (&free_monitor, 10),
            (&free_monitor, 1),
            (&pro_monitor, 10),
            (&pro_monitor, 100),
        ] {
            result(&app, monitor, days).await;
        }
        vigil::monitor::maintenance::run_once(app.db(), Utc::now())
            .await
            .expect("upkeep");
        let mut left: Vec<(String, i64)> = monitor_results::Entity::find()
            .all(app.db())
            .await
            .expect("db")
            .into_iter()
            .map(|r| {
                (
                    r.monitor_id.to_string(),
                    (Utc::now() - r.checked_at).num_days(),
                )
            })
            .collect();
        left.sort();
        let mut expected = vec![(free_monitor.clone(), 1), (pro_monitor.clone(), 10)];
        expected.sort();
        assert_eq!(left, expected, "[{backend}]");
        app.stop().await;
    }
}

/// A result of `monitor` checked `days` ago (and a few minutes, so it is past the cut).
async fn result(app: &TestApp, monitor: &str, days: i64) {
    vigil_tests::result_row(
        Uuid::now_v7(),
        uuid(monitor),
        Utc::now() - Duration::days(days) - Duration::minutes(5),
        true,
        false,
        None,
    )
    .insert(app.db())
    .await
    .expect("a result");
}

#[tokio::test]
async fn callback_timeouts_and_monthly_triggers_follow_the_plan() {
    for backend in backends() {
        let (app, user, org, project) = on_plan(&backend, "free").await;
        let upstream = Receiver::start().await;
        // free: callbacks wait at most 30 s.
        let before = app.count("callbacks").await;
        let slow = app
            .gql(
                Some(&user.token),
                CREATE_CALLBACK,
                json!({ "i": { "projectId": project, "name": "slow", "callbackUrl": upstream.url("/"), "timeoutDuration": 60_000 } }),
            )
            .await;
        refused(&slow, "CALLBACK_TIMEOUT", 60_000, 30_000, "free");
        assert_eq!(app.count("callbacks").await, before);
        // A plan of 3 triggers a month, shared by all the organization's callbacks.
        let free = limits_row(&app, plan_limits::BillingPlan::Free).await;
        linked_plan(&app, "tiny", free.id, 3, 10).await;
        set_plan(&app, &org, "tiny").await;
        let hook = |name: &'static str| {
            app.gql(
                Some(&user.token),
                CREATE_CALLBACK,
                json!({ "i": { "projectId": project, "name": name, "callbackUrl": upstream.url("/") } }),
            )
        };
        let a = hook("a").await.ok()["createCallback"].clone();
        let b = hook("b").await.ok()["createCallback"].clone();
        // The default timeout is held to the plan's 10 s; asking more on an update is refused.
        assert_eq!(a["timeoutDuration"], 10_000);
        refused(
            &app.gql(
                Some(&user.token),
                UPDATE_CALLBACK,
                json!({ "id": a["id"], "i": { "timeoutDuration": 20_000 } }),
            )
            .await,
            "CALLBACK_TIMEOUT",
            20_000,
            10_000,
            "tiny",
        );
        let send = |url: Value| {
            let http = app.http.clone();
            // The trigger URL names the configured base; the test server is at `app.url`.
            let token = url
                .as_str()
                .and_then(|u| u.rsplit_once("/t/"))
                .map(|(_, t)| t.to_owned())
                .expect("a trigger URL");
            let url = format!("{}/t/{token}", app.url);
            async move { http.post(url).body("{}").send().await.expect("trigger") }
        };
        for url in [&a, &a, &b].map(|h| h["triggerUrl"].clone()) {
            assert_eq!(send(url).await.status().as_u16(), 200);
        }
        // The fourth, through the other callback, is over the organization's month.
        let over = send(b["triggerUrl"].clone()).await;
        assert_eq!(over.status().as_u16(), 402, "[{backend}]");
        assert!(over.headers().get("retry-after").is_some());
        let body: Value = over.json().await.expect("json");
        let error = &body["error"];
        assert_eq!(
            (
                &error["code"],
                &error["limit"],
                &error["current"],
                &error["max"],
                &error["plan"]
            ),
            (
                &json!("PLAN_LIMIT"),
                &json!("CALLBACK_TRIGGERS"),
                &json!(3),
                &json!(3),
                &json!("tiny")
            ),
            "{body}"
        );
        assert!(
            error["message"]
                .as_str()
                .unwrap_or("")
                .contains("starts again on"),
            "{body}"
        );
        assert_eq!(upstream.requests().len(), 3, "[{backend}] not forwarded");
        let logged = entity::callback_logs::Entity::find()
            .filter(entity::callback_logs::Column::Event.eq("plan_limited"))
            .all(app.db())
            .await
            .expect("db");
        assert_eq!(logged.len(), 1);
        assert_eq!(app.count("action_executions").await, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_downgrade_keeps_everything_and_refuses_what_is_new() {
    for backend in backends() {
        let (app, user, org, project) = on_plan(&backend, "plus").await;
        // On plus: 11 monitors every 2 minutes, 3 projects, 2 status pages.
        let mut monitors = Vec::new();
        for i in 0..11 {
            let made = monitor(&app, &user, &project, &format!("m{i}"), 2)
                .await
                .ok();
            monitors.push(made["createMonitor"]["id"].as_str().expect("id").to_owned());
        }
        create_project(&app, &user, &org, "second").await.ok();
        create_project(&app, &user, &org, "third").await.ok();
        page(&app, &user, &project, "one").await.ok();
        page(&app, &user, &project, "two").await.ok();
        let before = Snapshot::take_with_domains(&app).await;
        set_plan(&app, &org, "free").await;
        // Nothing deleted or paused.
        let monitors_now = entity::monitors::Entity::find()
            .all(app.db())
            .await
            .expect("db");
        assert_eq!(monitors_now.len(), 11);
        assert!(
            monitors_now
                .iter()
                .all(|m| m.enabled && m.frequency_minutes == 2)
        );
        assert_eq!(app.count("projects").await, 3);
        assert_eq!(app.count("status_pages").await, 2);
        // New ones are refused, with the figures over the limit.
        refused(
            &monitor(&app, &user, &project, "new", 5).await,
            "MONITORS",
            11,
            10,
            "free",
        );
        refused(
            &create_project(&app, &user, &org, "fourth").await,
            "PROJECTS",
            3,
            2,
            "free",
        );
        refused(
            &page(&app, &user, &project, "three").await,
            "STATUS_PAGES",
            2,
            1,
            "free",
        );
        let after = Snapshot::take_with_domains(&app).await;
        let changed: Vec<String> = before
            .changes(&after)
            .into_iter()
            .filter(|t| !t.starts_with("organization "))
            .collect();
        assert!(changed.is_empty(), "[{backend}] {changed:?}");
        // Editing a kept monitor is allowed: keeping or loosening its interval, not tightening.
        let edit = |minutes: Option<i32>| {
            let mut input = json!({ "name": "renamed" });
            if let Some(m) = minutes {
                input["frequencyMinutes"] = json!(m);
            }
            app.gql(
                Some(&user.token),
                UPDATE_MONITOR,
                json!({ "id": monitors[0], "i": input }),
            )
        };
        edit(None).await.ok();
        edit(Some(2)).await.ok();
        edit(Some(3)).await.ok();
        refused(&edit(Some(2)).await, "MIN_CHECK_INTERVAL", 2, 5, "free");
        let kept = entity::monitors::Entity::find_by_id(uuid(&monitors[0]))
            .one(app.db())
            .await
            .expect("db")
            .expect("monitor");
        assert_eq!(
            kept.frequency_minutes, 3,
            "[{backend}] the refused edit changed nothing"
        );
        // The quotas show the use over the plan.
        let q = quotas(&app, &user, &org).await;
        assert_eq!(quota(&q, "MONITORS"), (11, Some(10)));
        assert_eq!(quota(&q, "PROJECTS"), (3, Some(2)));
        app.stop().await;
    }
}

#[tokio::test]
async fn self_hosted_unlimited_refuses_nothing() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("self@example.com").await;
        let (org, project) = app.create_org(&user, "Home").await;
        app.create_org(&user, "Second home").await;
        for i in 0..4 {
            create_project(&app, &user, &org, &format!("p{i}"))
                .await
                .ok();
            invite(&app, &user, &org, &format!("m{i}@example.com"))
                .await
                .ok();
        }
        let first = page(&app, &user, &project, "one").await.ok();
        page(&app, &user, &project, "two").await.ok();
        app.gql(
            Some(&user.token),
            SET_DOMAIN,
            json!({ "id": first["createStatusPage"]["id"], "d": "status.home.com" }),
        )
        .await
        .ok();
        monitor(&app, &user, &project, "fast", 1).await.ok();
        app.gql(
            Some(&user.token),
            CREATE_CALLBACK,
            json!({ "i": { "projectId": project, "name": "slow", "callbackUrl": "http://127.0.0.1:9/", "timeoutDuration": 300_000 } }),
        )
        .await
        .ok();
        let q = quotas(&app, &user, &org).await;
        assert_eq!(quota(&q, "PROJECTS"), (5, None), "[{backend}] {q}");
        assert_eq!(quota(&q, "MEMBERS"), (5, None));
        assert_eq!(quota(&q, "STATUS_PAGES"), (2, None));
        assert_eq!(quota(&q, "MONITORS"), (1, None));
        assert_eq!(quota(&q, "CALLBACKS"), (1, None));
        app.stop().await;
    }
}

#[tokio::test]
async fn quotas_are_read_by_members_only_in_one_statement_of_counts() {
    for backend in backends() {
        let (app, owner, org, project) = on_plan(&backend, "free").await;
        monitor(&app, &owner, &project, "m", 5).await.ok();
        page(&app, &owner, &project, "p").await.ok();
        invite(&app, &owner, &org, "pending@example.com").await.ok();
        let q = quotas(&app, &owner, &org).await;
        assert_eq!(
            q,
            json!([
                { "limit": "MONITORS", "used": 1, "max": 10 },
                { "limit": "PROJECTS", "used": 1, "max": 2 },
                { "limit": "MEMBERS", "used": 2, "max": 3 },
                { "limit": "STATUS_PAGES", "used": 1, "max": 1 },
                { "limit": "CALLBACKS", "used": 0, "max": null },
            ]),
            "[{backend}]"
        );
        // Quotas cost a fixed handful of statements: the access check, the plan, one count.
        let plain = "query($id: ID!) { organization(id: $id) { id } }";
        let start = app.statements();
        app.gql(Some(&owner.token), plain, json!({ "id": org }))
            .await
            .ok();
        let without = app.statements() - start;
        let start = app.statements();
        quotas(&app, &owner, &org).await;
        let with = app.statements() - start;
        assert!(
            with - without <= 5,
            "[{backend}] quotas took {} statements",
            with - without
        );
        // Another tenant cannot read them, by the organization or through the field.
        let stranger = app.sign_up("stranger@example.com").await;
        let (their_org, _) = app.create_org(&stranger, "Theirs").await;
        let answer = app
            .gql(Some(&stranger.token), QUOTAS, json!({ "id": org }))
            .await
            .ok();
        assert!(answer["organization"].is_null(), "[{backend}] {answer}");
        let all = app
            .gql(
                Some(&stranger.token),
                "{ organizations { nodes { id quotas { used } } } }",
                json!({}),
            )
            .await
            .ok();
        let ids: Vec<&Value> = all["organizations"]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .map(|n| &n["id"])
            .collect();
        assert_eq!(ids, vec![&json!(their_org)]);
        app.stop().await;
    }
}
