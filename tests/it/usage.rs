//! Usage per billing period, on SQLite and PostgreSQL: each meter counted where it is used,
//! the period rolled over exactly once by two replicas (and after a long outage) under a moved
//! clock, overage at the plan's prices, usage sent to a Polar stand-in that fails and then
//! answers, spending notices once per threshold and period through the SMTP receiver, the hard
//! stop, the journey free → checkout → paid → usage → 80 % mail → hard stop → upgrade → runs
//! again, tenancy, and bad settings refused with nothing changed.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use entity::usage_periods;
use entity::{audit_logs, billing_settings, organization, usage_events, usage_notifications};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use vigil::billing::{ingest, period, spending};
use vigil::state::AppState;
use vigil::usage::{self, Meter, Usage};
use vigil_tests::billing::{
    StandIn, StripeSub, configure, deliver_stripe, now, stripe_checkout, stripe_event,
    stripe_subscription,
};
use vigil_tests::ops::create_test;
use vigil_tests::snapshot::uuid;
use vigil_tests::{Backend, TestApp, TestUser, backends};

const USAGE: &str = "query($id: ID!) { organization(id: $id) { plan { name } usage { periodStart periodEnd overageCents spendingLimitCents hardStopped hardStopReason meters { meter used included unit overageUnits overageCents } } } }";
const SETTINGS: &str = "query($id: ID!) { organization(id: $id) { billingSettings { enableSpendingLimit monthlySpendingLimitCents hardStopOnLimit notifyAt50Percent notifyAt80Percent notifyAt90Percent notifyAt100Percent notificationEmails } } }";
const UPDATE: &str = "mutation($o: ID!, $i: UpdateBillingSettingsInput!) { updateBillingSettings(organizationId: $o, input: $i) { enableSpendingLimit monthlySpendingLimitCents hardStopOnLimit notifyAt50Percent notifyAt80Percent notificationEmails } }";
const PERIODS: &str = "query($id: ID!) { organization(id: $id) { usagePeriods(first: 10) { periodStart periodEnd plan playwrightMinutes monitorChecks overageCents } } }";
const PLANS: &str = "{ plans { id name } }";
const UPDATE_PLAN: &str =
    "mutation($id: ID!, $i: UpdatePlanInput!) { updatePlan(id: $id, input: $i) { id } }";
const SET_ORG_PLAN: &str =
    "mutation($o: ID!, $p: ID!) { setOrganizationPlan(organizationId: $o, planId: $p) { id } }";
const TRIGGER: &str = "mutation($id: ID!) { triggerJob(id: $id) { id status } }";

/// A cloud-mode server pointed at the billing stand-ins, its administrator (the first
/// account), an organization owner with an organization.
struct Cloud {
    app: TestApp,
    admin: TestUser,
    owner: TestUser,
    org: String,
    project: String,
    polar: StandIn,
}

async fn cloud(backend: &Backend) -> Cloud {
    let stripe = StandIn::stripe().await;
    let polar = StandIn::polar().await;
    let app = TestApp::spawn_with(backend, |s| {
        s.mode = vigil::config::Mode::Cloud;
        // The callback's upstream is a loopback receiver.
        s.outbound_block_private = Some(false);
        configure(s, &stripe, &polar);
    })
    .await;
    let admin = app.sign_up("root@example.com").await;
    let owner = app.sign_up("owner@example.com").await;
    let (org, project) = app.create_org(&owner, "Acme").await;
    Cloud {
        app,
        admin,
        owner,
        org,
        project,
        polar,
    }
}

impl Cloud {
    fn org_id(&self) -> uuid::Uuid {
        uuid(&self.org)
    }

    async fn plan_id(&self, name: &str) -> String {
        let plans = self
            .app
            .gql(Some(&self.owner.token), PLANS, json!({}))
            .await
            .ok();
        plans["plans"]
            .as_array()
            .and_then(|all| all.iter().find(|p| p["name"] == name))
            .and_then(|p| p["id"].as_str())
            .unwrap_or_else(|| panic!("a plan named {name}: {plans}"))
            .to_owned()
    }

    /// Puts the organization on `plan` (a system administrator's hand assignment).
    async fn set_plan(&self, plan: &str) {
        let id = self.plan_id(plan).await;
        self.app
            .gql(
                Some(&self.admin.token),
                SET_ORG_PLAN,
                json!({ "o": self.org, "p": id }),
            )
            .await
            .ok();
    }

    async fn usage(&self, user: &TestUser) -> Value {
        self.app
            .gql(Some(&user.token), USAGE, json!({ "id": self.org }))
            .await
            .ok()["organization"]["usage"]
            .clone()
    }

    async fn org_row(&self) -> organization::Model {
        organization::Entity::find_by_id(self.org_id())
            .one(self.app.db())
            .await
            .expect("db")
            .expect("organization")
    }

    /// Sets the organization's period and counters as a test needs them.
    async fn set_period(&self, start: DateTime<Utc>, end: DateTime<Utc>, playwright: i32) {
        organization::Entity::update_many()
            .col_expr(organization::Column::UsagePeriodStart, Expr::value(start))
            .col_expr(organization::Column::UsagePeriodEnd, Expr::value(end))
            .col_expr(
                organization::Column::PlaywrightMinutesUsed,
                Expr::value(playwright),
            )
            .filter(organization::Column::Id.eq(self.org_id()))
            .exec(self.app.db())
            .await
            .expect("setting the period");
    }

    async fn settings(&self, input: Value) -> Value {
        self.app
            .gql(
                Some(&self.owner.token),
                UPDATE,
                json!({ "o": self.org, "i": input }),
            )
            .await
            .ok()["updateBillingSettings"]
            .clone()
    }
}

fn meter<'a>(usage: &'a Value, kind: &str) -> &'a Value {
    usage["meters"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["meter"] == kind))
        .unwrap_or_else(|| panic!("no meter {kind} in {usage}"))
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0)
        .single()
        .expect("a time")
}

/// A second process on the same database: its own state, pool and writer.
async fn replica(app: &TestApp) -> AppState {
    let hasher = vigil::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher");
    vigil::app::build_state_with(app.state().settings.clone(), hasher)
        .await
        .expect("a second state")
}

async fn audits(app: &TestApp, action: &str) -> u64 {
    audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(action))
        .count(app.db())
        .await
        .expect("audit count")
}

async fn events(app: &TestApp, org: uuid::Uuid, name: &str) -> Vec<usage_events::Model> {
    usage_events::Entity::find()
        .filter(usage_events::Column::OrganizationId.eq(org))
        .filter(usage_events::Column::EventName.eq(name))
        .order_by_asc(usage_events::Column::Id)
        .all(app.db())
        .await
        .expect("usage events")
}

#[tokio::test]
async fn every_meter_counts_where_it_is_used() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        // Runs and AI uses: one event each.
        usage::record(
            app.db(),
            c.org_id(),
            vec![
                Usage::playwright(90_000, json!({ "runId": "r1" })),
                Usage::k6(61_000, 5, json!({ "runId": "r2" })),
            ],
        )
        .await
        .expect("recording runs");
        usage::spend_ai_credits(app.db(), c.org_id(), 3, json!({ "feature": "none yet" }))
            .await
            .expect("spending credits");
        // Checks, where the engine records them: two heartbeat pings.
        let monitor = app
            .gql(
                Some(&c.owner.token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id heartbeatUrl } }",
                json!({ "i": { "projectId": c.project, "name": "nightly", "type": "HEARTBEAT", "frequencyMinutes": 60, "heartbeat": { "gracePeriodMinutes": 10 } } }),
            )
            .await
            .ok();
        let ping = monitor["createMonitor"]["heartbeatUrl"]
            .as_str()
            .and_then(|u| u.split_once("/ping/"))
            .map(|(_, t)| format!("{}/ping/{t}", app.url))
            .expect("a ping URL");
        for _ in 0..2 {
            let status = app.http.get(&ping).send().await.expect("ping").status();
            assert!(status.is_success(), "[{backend}] ping answered {status}");
        }
        // Callback triggers, admitted in their batch's transaction: three.
        let upstream = vigil_tests::Receiver::start().await;
        let hook = app
            .gql(
                Some(&c.owner.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { triggerUrl } }",
                json!({ "i": { "projectId": c.project, "name": "hook", "callbackUrl": upstream.url("/in") } }),
            )
            .await
            .ok();
        let trigger = hook["createCallback"]["triggerUrl"]
            .as_str()
            .and_then(|u| u.split_once("/t/"))
            .map(|(_, t)| format!("{}/t/{t}", app.url))
            .expect("a trigger URL");
        for _ in 0..3 {
            let status = app
                .http
                .post(&trigger)
                .body("{}")
                .send()
                .await
                .expect("trigger")
                .status();
            assert!(status.is_success(), "[{backend}] trigger answered {status}");
        }
        let used = c.usage(&c.owner).await;
        let expect = [
            ("PLAYWRIGHT_MINUTES", 2.0, "minutes"),
            ("K6_VU_MINUTES", 10.0, "vu_minutes"),
            ("MONITOR_CHECKS", 2.0, "checks"),
            ("CALLBACK_TRIGGERS", 3.0, "triggers"),
            ("AI_CREDITS", 3.0, "credits"),
        ];
        for (kind, value, unit) in expect {
            let m = meter(&used, kind);
            assert_eq!(m["used"], json!(value), "[{backend}] {kind}: {used}");
            assert_eq!(m["unit"], unit);
        }
        assert_eq!(meter(&used, "PLAYWRIGHT_MINUTES")["included"], json!(60.0));
        assert!(meter(&used, "MONITOR_CHECKS")["included"].is_null());
        // Runs and credits have a row each; checks and triggers one row for the hour.
        assert_eq!(events(app, c.org_id(), "playwright_minutes").await.len(), 1);
        assert_eq!(events(app, c.org_id(), "ai_credits").await.len(), 1);
        for (name, units) in [("monitor_checks", 2.0), ("callback_triggers", 3.0)] {
            let rows = events(app, c.org_id(), name).await;
            assert_eq!(rows.len(), 1, "[{backend}] {name}: {rows:?}");
            assert_eq!(rows[0].units, units);
            assert_eq!(rows[0].created_at, usage::hour_of(rows[0].created_at));
        }
        c.app.stop().await;
    }
}

#[tokio::test]
async fn counting_checks_costs_two_statements_per_organization_whatever_their_number() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let now = Utc::now();
        let mut cost = Vec::new();
        // The hour's first batch also writes its row; later ones add to it.
        for checks in [1, 5_000, 1] {
            let batch = BTreeMap::from([(c.org_id(), checks)]);
            let before = app.statements();
            usage::count(app.db(), Meter::MonitorChecks, &batch, now)
                .await
                .expect("counting");
            cost.push(app.statements() - before);
        }
        assert_eq!(
            cost,
            vec![3, 2, 2],
            "[{backend}] one counter and one hourly row"
        );
        assert_eq!(c.org_row().await.monitor_checks_used, 5_002);
        let rows = events(app, c.org_id(), "monitor_checks").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].units, 5_002.0);
        c.app.stop().await;
    }
}

#[tokio::test]
async fn overage_is_priced_beyond_the_included_amounts() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let now = Utc::now();
        c.set_plan("plus").await;
        c.set_period(now - Duration::days(1), now + Duration::days(20), 530)
            .await;
        usage::spend_ai_credits(c.app.db(), c.org_id(), 101, json!({}))
            .await
            .expect("credits");
        let used = c.usage(&c.owner).await;
        let pw = meter(&used, "PLAYWRIGHT_MINUTES");
        assert_eq!(pw["included"], json!(500.0), "[{backend}] {used}");
        assert_eq!(pw["overageUnits"], json!(30.0));
        assert_eq!(pw["overageCents"], 300);
        assert_eq!(meter(&used, "AI_CREDITS")["overageCents"], 5);
        assert_eq!(used["overageCents"], 305);
        assert!(used["spendingLimitCents"].is_null());
        assert_eq!(used["hardStopped"], false);
        // Free has no overage prices: use beyond its amounts costs nothing.
        c.set_plan("free").await;
        let free = c.usage(&c.owner).await;
        assert_eq!(
            meter(&free, "PLAYWRIGHT_MINUTES")["overageUnits"],
            json!(470.0)
        );
        assert_eq!(free["overageCents"], 0);
        c.app.stop().await;
    }
}

#[tokio::test]
async fn the_period_rolls_over_once_under_two_replicas() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        // A new organization has no period yet: the rollover opens the month it is in.
        let opened = period::run_due(app.state(), at(2026, 12, 15), 10)
            .await
            .expect("opening");
        assert!(opened >= 1, "[{backend}]");
        let org = c.org_row().await;
        assert_eq!(
            (org.usage_period_start, org.usage_period_end),
            (Some(at(2026, 12, 1)), Some(at(2027, 1, 1)))
        );
        c.set_period(at(2026, 12, 1), at(2027, 1, 1), 42).await;
        usage::count(
            app.db(),
            Meter::MonitorChecks,
            &BTreeMap::from([(c.org_id(), 7)]),
            at(2026, 12, 31),
        )
        .await
        .expect("checks");
        // Before the end nothing is due.
        assert_eq!(
            period::run_due(app.state(), at(2026, 12, 31), 10)
                .await
                .expect("step"),
            0
        );
        let other = replica(app).await;
        let end = at(2027, 1, 1) + Duration::minutes(1);
        let (a, b) = (app.state().clone(), other.clone());
        let (x, y) = tokio::join!(
            tokio::spawn(async move { period::run_due(&a, end, 10).await }),
            tokio::spawn(async move { period::run_due(&b, end, 10).await }),
        );
        let leased = x.expect("task").expect("step") + y.expect("task").expect("step");
        assert!(leased >= 1, "[{backend}] someone rolled it");
        let closed = usage_periods::Entity::find()
            .filter(usage_periods::Column::OrganizationId.eq(c.org_id()))
            .all(app.db())
            .await
            .expect("periods");
        assert_eq!(closed.len(), 1, "[{backend}] exactly once: {closed:?}");
        assert_eq!(
            (closed[0].period_start, closed[0].period_end),
            (at(2026, 12, 1), at(2027, 1, 1))
        );
        assert_eq!(
            (closed[0].playwright_minutes, closed[0].monitor_checks),
            (42, 7)
        );
        assert_eq!(audits(app, "billing.usage_period.close").await, 1);
        let org = c.org_row().await;
        assert_eq!(
            (org.usage_period_start, org.usage_period_end),
            (Some(at(2027, 1, 1)), Some(at(2027, 2, 1)))
        );
        assert_eq!(
            (org.playwright_minutes_used, org.monitor_checks_used),
            (0, 0)
        );
        // Members read the closed period back.
        let read = app
            .gql(Some(&c.owner.token), PERIODS, json!({ "id": c.org }))
            .await
            .ok();
        assert_eq!(
            read["organization"]["usagePeriods"][0]["playwrightMinutes"],
            42
        );
        other.shutdown.cancel();
        c.app.stop().await;
    }
}

#[tokio::test]
async fn a_server_down_for_three_periods_closes_each_of_them() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        c.set_period(at(2026, 12, 1), at(2027, 1, 1), 9).await;
        period::run_due(app.state(), at(2027, 3, 15), 10)
            .await
            .expect("step");
        let closed = usage_periods::Entity::find()
            .filter(usage_periods::Column::OrganizationId.eq(c.org_id()))
            .order_by_asc(usage_periods::Column::PeriodStart)
            .all(app.db())
            .await
            .expect("periods");
        let spans: Vec<_> = closed
            .iter()
            .map(|p| (p.period_start, p.period_end))
            .collect();
        assert_eq!(
            spans,
            vec![
                (at(2026, 12, 1), at(2027, 1, 1)),
                (at(2027, 1, 1), at(2027, 2, 1)),
                (at(2027, 2, 1), at(2027, 3, 1)),
            ],
            "[{backend}]"
        );
        let minutes: Vec<_> = closed.iter().map(|p| p.playwright_minutes).collect();
        assert_eq!(
            minutes,
            vec![9, 0, 0],
            "what was counted belongs to the first"
        );
        let org = c.org_row().await;
        assert_eq!(org.usage_period_end, Some(at(2027, 4, 1)));
        // Again at the same time: nothing more.
        period::run_due(app.state(), at(2027, 3, 15), 10)
            .await
            .expect("step");
        assert_eq!(
            usage_periods::Entity::find()
                .count(app.db())
                .await
                .expect("count"),
            3
        );
        c.app.stop().await;
    }
}

#[tokio::test]
async fn usage_goes_to_polar_with_retries_and_backoff() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let now = Utc::now();
        // Not billed through Polar yet: nothing is sent.
        usage::record(
            app.db(),
            c.org_id(),
            vec![Usage::playwright(1_000, json!({ "runId": "r" }))],
        )
        .await
        .expect("record");
        let done = ingest::run_due(app.state(), now, 100).await.expect("step");
        assert_eq!(done, ingest::Done::default(), "[{backend}]");
        assert!(c.polar.requests_to("/v1/events/ingest").is_empty());
        organization::Entity::update_many()
            .col_expr(
                organization::Column::PolarCustomerId,
                Expr::value("3e5a1c2d-0000-4000-8000-000000000001"),
            )
            .filter(organization::Column::Id.eq(c.org_id()))
            .exec(app.db())
            .await
            .expect("a Polar customer");
        // This hour's checks wait for the hour to end.
        usage::count(
            app.db(),
            Meter::MonitorChecks,
            &BTreeMap::from([(c.org_id(), 4)]),
            now,
        )
        .await
        .expect("checks");
        c.polar.fail_next(1);
        let done = ingest::run_due(app.state(), now, 100).await.expect("step");
        assert_eq!((done.synced, done.failed), (0, 1), "[{backend}]");
        let event = &events(app, c.org_id(), "playwright_minutes").await[0];
        assert_eq!(event.sync_attempts, 1);
        assert!(
            event
                .sync_error
                .as_deref()
                .is_some_and(|e| e.contains("503"))
        );
        assert!(!event.synced_to_polar);
        // Backing off: not tried again at once.
        let done = ingest::run_due(app.state(), now, 100).await.expect("step");
        assert_eq!(done, ingest::Done::default());
        let later = now + Duration::minutes(2);
        let done = ingest::run_due(app.state(), later, 100)
            .await
            .expect("step");
        assert_eq!((done.synced, done.failed), (1, 0), "[{backend}]");
        let event = &events(app, c.org_id(), "playwright_minutes").await[0];
        assert!(event.synced_to_polar);
        assert_eq!(
            event.polar_event_id.as_deref(),
            Some(event.id.to_string().as_str())
        );
        let sent = c.polar.requests_to("/v1/events/ingest");
        assert_eq!(sent.len(), 2);
        let body = sent[1].json();
        let one = &body["events"][0];
        assert_eq!(one["name"], "playwright_minutes");
        assert_eq!(one["customer_id"], "3e5a1c2d-0000-4000-8000-000000000001");
        assert_eq!(one["external_id"], event.id.to_string());
        assert_eq!(one["metadata"]["units"], 1.0);
        assert_eq!(one["metadata"]["runId"], "r");
        assert_eq!(
            sent[1].header("authorization"),
            Some(format!("Bearer {}", vigil_tests::billing::POLAR_ACCESS_TOKEN).as_str())
        );
        // The hour over, the checks go too.
        let done = ingest::run_due(app.state(), now + Duration::hours(2), 100)
            .await
            .expect("step");
        assert_eq!(done.synced, 1, "[{backend}]");
        assert!(events(app, c.org_id(), "monitor_checks").await[0].synced_to_polar);
        c.app.stop().await;
    }
}

#[tokio::test]
async fn polar_ingestion_gives_up_after_its_attempts() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        organization::Entity::update_many()
            .col_expr(organization::Column::PolarCustomerId, Expr::value("cus"))
            .filter(organization::Column::Id.eq(c.org_id()))
            .exec(app.db())
            .await
            .expect("a Polar customer");
        usage::record(
            app.db(),
            c.org_id(),
            vec![Usage::playwright(1_000, json!({}))],
        )
        .await
        .expect("record");
        c.polar.fail_next(1_000);
        let mut clock = Utc::now();
        let mut given_up = 0;
        for _ in 0..(ingest::MAX_ATTEMPTS + 3) {
            given_up += ingest::run_due(app.state(), clock, 100)
                .await
                .expect("step")
                .given_up;
            clock += Duration::hours(7);
        }
        assert_eq!(given_up, 1, "[{backend}]");
        let event = &events(app, c.org_id(), "playwright_minutes").await[0];
        assert_eq!(event.sync_attempts, ingest::MAX_ATTEMPTS);
        assert!(
            event
                .sync_error
                .as_deref()
                .is_some_and(|e| e.starts_with("gave up after 10 attempts"))
        );
        let attempts = i32::try_from(c.polar.requests_to("/v1/events/ingest").len()).expect("n");
        assert_eq!(attempts, ingest::MAX_ATTEMPTS);
        c.app.stop().await;
    }
}

async fn notices(app: &TestApp) -> Vec<usage_notifications::Model> {
    usage_notifications::Entity::find()
        .order_by_asc(usage_notifications::Column::UsagePercentage)
        .all(app.db())
        .await
        .expect("notices")
}

fn mails_about(app: &TestApp, needle: &str) -> usize {
    app.smtp
        .mails()
        .iter()
        .filter(|m| m.data.contains(needle))
        .count()
}

#[tokio::test]
async fn spending_notices_go_once_per_threshold_and_period() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let now = Utc::now();
        c.set_plan("plus").await;
        c.set_period(now - Duration::days(1), now + Duration::days(20), 580)
            .await;
        c.settings(json!({ "enableSpendingLimit": true, "monthlySpendingLimitCents": 1000, "notificationEmails": ["billing@example.com"] }))
            .await;
        // 800 cents of 1000: two replicas cross 80 % at once, one mail goes.
        let other = replica(app).await;
        let (a, b) = (app.state().clone(), other.clone());
        let org = c.org_id();
        let (x, y) = tokio::join!(
            tokio::spawn(async move { spending::notify_due(&a, org, now).await }),
            tokio::spawn(async move { spending::notify_due(&b, org, now).await }),
        );
        let sent =
            x.expect("task").expect("notify").len() + y.expect("task").expect("notify").len();
        assert_eq!(sent, 1, "[{backend}]");
        app.smtp
            .wait_for("billing@example.com", "80% of the spending limit")
            .await;
        assert_eq!(mails_about(app, "80% of the spending limit"), 1);
        let rows = notices(app).await;
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].delivery_status,
            usage_notifications::DeliveryStatus::Sent
        );
        assert_eq!(rows[0].sent_to, json!(["billing@example.com"]));
        // Again: nothing new.
        assert!(
            spending::notify_due(app.state(), org, now)
                .await
                .expect("again")
                .is_empty()
        );
        // 50 % is off; 90 and 100 % follow at the limit.
        c.set_period(now - Duration::days(1), now + Duration::days(20), 600)
            .await;
        let sent = spending::notify_due(app.state(), org, now)
            .await
            .expect("notify");
        assert_eq!(sent.len(), 2, "[{backend}] 90 and 100 %");
        let recorded = billing_settings::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("settings")
            .notifications_sent_this_period;
        assert_eq!(
            recorded,
            Some(json!(["spending:80", "spending:90", "spending:100"]))
        );
        assert_eq!(mails_about(app, "% of the spending limit"), 3);
        other.shutdown.cancel();
        c.app.stop().await;
    }
}

#[tokio::test]
async fn a_free_plan_is_told_at_80_percent_of_its_minutes_and_stopped_when_they_are_used_up() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let now = Utc::now();
        c.set_period(now - Duration::days(1), now + Duration::days(20), 48)
            .await;
        let sent = spending::notify_due(app.state(), c.org_id(), now)
            .await
            .expect("notify");
        assert_eq!(sent.len(), 1, "[{backend}]");
        app.smtp
            .wait_for(
                "owner@example.com",
                "80% of the Playwright minutes included",
            )
            .await;
        c.settings(json!({ "hardStopOnLimit": true })).await;
        let test = create_test(app, &c.owner, &c.project, "ui", "API", "x").await;
        let job = app
            .gql(
                Some(&c.owner.token),
                "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
                json!({ "i": { "projectId": c.project, "name": "nightly", "testIds": [test] } }),
            )
            .await
            .ok()["createJob"]["id"]
            .clone();
        app.gql(Some(&c.owner.token), TRIGGER, json!({ "id": job }))
            .await
            .ok();
        c.set_period(now - Duration::days(1), now + Duration::days(20), 60)
            .await;
        let refused = app
            .gql(Some(&c.owner.token), TRIGGER, json!({ "id": job }))
            .await;
        refused.expect_code("PLAN_LIMIT");
        assert!(
            refused
                .message()
                .contains("60 Playwright minutes the free plan includes")
                && refused.message().contains("resets on"),
            "[{backend}] {}",
            refused.message()
        );
        let used = c.usage(&c.owner).await;
        assert_eq!(used["hardStopped"], true);
        assert!(
            used["hardStopReason"]
                .as_str()
                .is_some_and(|r| r.contains("free plan"))
        );
        c.app.stop().await;
    }
}

#[tokio::test]
async fn journey_from_free_to_paid_to_the_hard_stop_and_an_upgrade() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let (plus, pro) = (c.plan_id("plus").await, c.plan_id("pro").await);
        app.gql(
            Some(&c.admin.token),
            UPDATE_PLAN,
            json!({ "id": pro, "i": { "stripePriceId": "price_vigilPro" } }),
        )
        .await
        .ok();
        // Free → checkout completed → plus.
        let checkout = stripe_event(
            "evt_checkout",
            "checkout.session.completed",
            now(),
            stripe_checkout(&c.org, &plus, "cus_acme", "sub_acme"),
        );
        assert_eq!(deliver_stripe(app, &checkout).await.0, 200);
        let used = c.usage(&c.owner).await;
        assert_eq!(
            meter(&used, "PLAYWRIGHT_MINUTES")["included"],
            json!(500.0),
            "[{backend}] {used}"
        );
        // A spending limit of $10 with the hard stop; usage: 580 minutes, 800 cents over.
        c.settings(json!({ "enableSpendingLimit": true, "monthlySpendingLimitCents": 1000, "hardStopOnLimit": true }))
            .await;
        usage::record(
            app.db(),
            c.org_id(),
            vec![Usage::playwright(580 * 60_000, json!({}))],
        )
        .await
        .expect("usage");
        spending::notify_due(app.state(), c.org_id(), Utc::now())
            .await
            .expect("notices");
        app.smtp
            .wait_for("owner@example.com", "80% of the spending limit")
            .await;
        let test = create_test(app, &c.owner, &c.project, "api", "API", "x").await;
        let job = app
            .gql(
                Some(&c.owner.token),
                "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
                json!({ "i": { "projectId": c.project, "name": "ci", "testIds": [test] } }),
            )
            .await
            .ok()["createJob"]["id"]
            .clone();
        let run = app
            .gql(Some(&c.owner.token), TRIGGER, json!({ "id": job }))
            .await
            .ok();
        vigil_tests::ops::run_row(app, run["triggerJob"]["id"].as_str().expect("run")).await;
        // 20 minutes more: the limit is reached, runs are refused.
        usage::record(
            app.db(),
            c.org_id(),
            vec![Usage::playwright(20 * 60_000, json!({}))],
        )
        .await
        .expect("usage");
        let refused = app
            .gql(Some(&c.owner.token), TRIGGER, json!({ "id": job }))
            .await;
        refused.expect_code("PLAN_LIMIT");
        assert!(
            refused.message().contains("spending limit of $10.00"),
            "[{backend}] {}",
            refused.message()
        );
        assert_eq!(c.usage(&c.owner).await["hardStopped"], true);
        // Upgrade to pro (the subscription's price changes): 2000 minutes included, no overage.
        let sub = stripe_subscription(&StripeSub {
            id: "sub_acme",
            customer: "cus_acme",
            price: "price_vigilPro",
            status: "active",
            org: Some(&c.org),
            cancel_at_period_end: false,
            period_end: now() + 20 * 86_400,
        });
        let upgrade = stripe_event(
            "evt_upgrade",
            "customer.subscription.updated",
            now() + 1,
            sub,
        );
        assert_eq!(deliver_stripe(app, &upgrade).await.0, 200);
        let used = c.usage(&c.owner).await;
        assert_eq!(used["overageCents"], 0, "[{backend}] {used}");
        assert_eq!(used["hardStopped"], false);
        app.gql(Some(&c.owner.token), TRIGGER, json!({ "id": job }))
            .await
            .ok();
        c.app.stop().await;
    }
}

#[tokio::test]
async fn another_organizations_usage_and_settings_stay_out_of_reach() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let stranger = app.sign_up("stranger@example.com").await;
        let (own, _) = app.create_org(&stranger, "Other").await;
        // Not a member: the organization reads as null, the mutation as NOT_FOUND.
        let read = app
            .gql(Some(&stranger.token), USAGE, json!({ "id": c.org }))
            .await
            .ok();
        assert!(read["organization"].is_null(), "[{backend}] {read}");
        app.gql(
            Some(&stranger.token),
            UPDATE,
            json!({ "o": c.org, "i": { "hardStopOnLimit": true } }),
        )
        .await
        .expect_code("NOT_FOUND");
        // A project viewer reads the usage, not the settings.
        let viewer = app
            .member(
                &c.owner,
                &c.org,
                &c.project,
                "viewer@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        assert!(c.usage(&viewer).await["meters"].is_array());
        app.gql(Some(&viewer.token), SETTINGS, json!({ "id": c.org }))
            .await
            .expect_code("FORBIDDEN");
        app.gql(
            Some(&viewer.token),
            UPDATE,
            json!({ "o": c.org, "i": { "hardStopOnLimit": true } }),
        )
        .await
        .expect_code("FORBIDDEN");
        // The stranger's own settings are theirs alone.
        let mine = app
            .gql(Some(&stranger.token), SETTINGS, json!({ "id": own }))
            .await
            .ok();
        assert_eq!(
            mine["organization"]["billingSettings"]["hardStopOnLimit"],
            false
        );
        assert_eq!(
            billing_settings::Entity::find()
                .count(app.db())
                .await
                .expect("count"),
            0,
            "[{backend}] nothing written"
        );
        c.app.stop().await;
    }
}

#[tokio::test]
async fn bad_settings_are_refused_by_field_and_change_nothing() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let saved = c
            .settings(json!({ "enableSpendingLimit": true, "monthlySpendingLimitCents": 5000, "notificationEmails": ["a@example.com"] }))
            .await;
        assert_eq!(saved["notificationEmails"], json!(["a@example.com"]));
        let before = billing_settings::Entity::find()
            .into_json()
            .all(app.db())
            .await
            .expect("rows");
        let audit_before = audits(app, "billing.settings.update").await;
        let many: Vec<String> = (0..21).map(|i| format!("u{i}@example.com")).collect();
        for (input, field) in [
            (
                json!({ "monthlySpendingLimitCents": -1 }),
                "monthlySpendingLimitCents",
            ),
            (
                json!({ "monthlySpendingLimitCents": 2_000_000_000 }),
                "monthlySpendingLimitCents",
            ),
            (
                json!({ "monthlySpendingLimitCents": null }),
                "monthlySpendingLimitCents",
            ),
            (
                json!({ "notificationEmails": ["not an address"] }),
                "notificationEmails",
            ),
            (
                json!({ "notificationEmails": ["a@example.com\r\nBcc: x@evil.test"] }),
                "notificationEmails",
            ),
            (
                json!({ "notificationEmails": ["<script>@example.com"] }),
                "notificationEmails",
            ),
            (
                json!({ "notificationEmails": [format!("{}@example.com", "a".repeat(300))] }),
                "notificationEmails",
            ),
            (json!({ "notificationEmails": many }), "notificationEmails"),
        ] {
            let gql = app
                .gql(
                    Some(&c.owner.token),
                    UPDATE,
                    json!({ "o": c.org, "i": input }),
                )
                .await;
            gql.expect_code("BAD_USER_INPUT");
            assert_eq!(gql.field(), Some(field), "[{backend}] {:?}", gql.body);
        }
        let after = billing_settings::Entity::find()
            .into_json()
            .all(app.db())
            .await
            .expect("rows");
        assert_eq!(before, after, "[{backend}] nothing changed");
        assert_eq!(audits(app, "billing.settings.update").await, audit_before);
        c.app.stop().await;
    }
}

#[tokio::test]
async fn self_hosted_meters_but_bills_and_refuses_nothing() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("self@example.com").await;
        let (org, project) = app.create_org(&owner, "Home").await;
        let org_id = uuid(&org);
        usage::record(
            app.db(),
            org_id,
            vec![Usage::playwright(10_000_000 * 60, json!({}))],
        )
        .await
        .expect("usage");
        assert_eq!(
            period::run_due(app.state(), Utc::now() + Duration::days(90), 10)
                .await
                .expect("step"),
            0
        );
        assert!(
            spending::notify_due(app.state(), org_id, Utc::now())
                .await
                .expect("notify")
                .is_empty()
        );
        app.gql(
            Some(&owner.token),
            UPDATE,
            json!({ "o": org, "i": { "hardStopOnLimit": true } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        let test = create_test(&app, &owner, &project, "api", "API", "x").await;
        let job = app
            .gql(
                Some(&owner.token),
                "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "ci", "testIds": [test] } }),
            )
            .await
            .ok()["createJob"]["id"]
            .clone();
        app.gql(Some(&owner.token), TRIGGER, json!({ "id": job }))
            .await
            .ok();
        let used = app
            .gql(Some(&owner.token), USAGE, json!({ "id": org }))
            .await
            .ok();
        assert_eq!(
            used["organization"]["usage"]["hardStopped"], false,
            "[{backend}]"
        );
        app.stop().await;
    }
}

/// Statements one trigger of `url` costs, the fewest of five sequential triggers (each one
/// its own batch), so that a background loop's statement does not count.
async fn trigger_statements(app: &TestApp, url: &str) -> u64 {
    let mut fewest = u64::MAX;
    for _ in 0..5 {
        let start = app.statements();
        let status = app
            .http
            .post(url)
            .body("{}")
            .send()
            .await
            .expect("trigger")
            .status();
        assert!(status.is_success(), "trigger answered {status}");
        fewest = fewest.min(app.statements() - start);
    }
    fewest
}

#[tokio::test]
async fn self_hosted_keeps_checks_and_triggers_off_the_meters_and_uncapped_plans_skip_the_monthly_sum()
 {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.outbound_block_private = Some(false)).await;
        let owner = app.sign_up("self@example.com").await;
        let (org, project) = app.create_org(&owner, "Home").await;
        let upstream = vigil_tests::Receiver::start().await;
        let hook = app
            .gql(
                Some(&owner.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { triggerUrl } }",
                json!({ "i": { "projectId": project, "name": "hook", "callbackUrl": upstream.url("/in"), "cachePeriod": 3600 } }),
            )
            .await
            .ok();
        let trigger = hook["createCallback"]["triggerUrl"]
            .as_str()
            .and_then(|u| u.split_once("/t/"))
            .map(|(_, t)| format!("{}/t/{t}", app.url))
            .expect("a trigger URL");
        let monitor = app
            .gql(
                Some(&owner.token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { heartbeatUrl } }",
                json!({ "i": { "projectId": project, "name": "nightly", "type": "HEARTBEAT", "frequencyMinutes": 60, "heartbeat": { "gracePeriodMinutes": 10 } } }),
            )
            .await
            .ok();
        let ping = monitor["createMonitor"]["heartbeatUrl"]
            .as_str()
            .and_then(|u| u.split_once("/ping/"))
            .map(|(_, t)| format!("{}/ping/{t}", app.url))
            .expect("a ping URL");
        let status = app.http.get(&ping).send().await.expect("ping").status();
        assert!(status.is_success(), "[{backend}] ping answered {status}");
        // On the self-hosted `unlimited` plan: no meter, no monthly sum.
        let uncapped = trigger_statements(&app, &trigger).await;
        let org_row = organization::Entity::find_by_id(uuid(&org))
            .one(app.db())
            .await
            .expect("db")
            .expect("org");
        assert_eq!(
            (org_row.monitor_checks_used, org_row.callback_triggers_used),
            (0, 0),
            "[{backend}]"
        );
        for name in ["monitor_checks", "callback_triggers"] {
            assert!(
                events(&app, uuid(&org), name).await.is_empty(),
                "[{backend}] {name}"
            );
        }
        // On a capped plan the same trigger also reads the plan and sums the month's triggers
        // (the resolver keeps a callback's plan a few seconds: wait for the new one).
        organization::Entity::update_many()
            .col_expr(organization::Column::SubscriptionPlan, Expr::value("pro"))
            .filter(organization::Column::Id.eq(uuid(&org)))
            .exec(app.db())
            .await
            .expect("the plan");
        let mut capped = 0;
        for _ in 0..40 {
            capped = trigger_statements(&app, &trigger).await;
            if capped > uncapped {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        assert!(
            capped >= uncapped + 3,
            "[{backend}] a capped plan's trigger took {capped} statements, an uncapped one {uncapped}"
        );
        app.stop().await;
    }
}
