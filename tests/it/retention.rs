//! Retention of what grows with traffic: callback logs past their plan's retention are deleted
//! (not while their actions still run), and on PostgreSQL the monthly partitions past every
//! plan's retention are dropped whole (`server/src/db/partition.rs`).

use chrono::{DateTime, Datelike, Duration, Utc};
use entity::action_executions::{self, ActionExecutionStatus};
use entity::{callback_logs, monitor_results, organization, plan_limits};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement,
};
use serde_json::json;
use uuid::Uuid;
use vigil_tests::{TestApp, TestUser, backends, postgres_or_skip};

/// A UUIDv7 of the time `at`, as a row made then has.
fn id_at(at: DateTime<Utc>) -> Uuid {
    Uuid::new_v7(uuid::Timestamp::from_unix(
        uuid::NoContext,
        u64::try_from(at.timestamp()).expect("after 1970"),
        at.timestamp_subsec_nanos(),
    ))
}

struct Hook {
    organization: Uuid,
    project: Uuid,
    callback: Uuid,
    action: Uuid,
}

async fn hook(app: &TestApp, user: &TestUser) -> Hook {
    let (org, project) = app.create_org(user, "Retention").await;
    let callback = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "hook", "callbackUrl": "http://127.0.0.1:9/upstream" } }),
        )
        .await
        .ok()["createCallback"]["id"]
        .as_str()
        .expect("callback")
        .to_owned();
    let action = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateActionInput!) { createAction(input: $i) { id } }",
            json!({ "i": { "callbackId": callback, "type": "HTTP_POST", "config": { "url": "http://127.0.0.1:9/never" } } }),
        )
        .await
        .ok()["createAction"]["id"]
        .as_str()
        .expect("action")
        .to_owned();
    let uuid = |s: &str| Uuid::parse_str(s).expect("uuid");
    // Self-hosted organizations start `unlimited`; this one is on `free` (seven days).
    organization::Entity::update_many()
        .col_expr(organization::Column::SubscriptionPlan, Expr::value("free"))
        .filter(organization::Column::Id.eq(uuid(&org)))
        .exec(app.db())
        .await
        .expect("the organization's plan");
    Hook {
        organization: uuid(&org),
        project: uuid(&project),
        callback: uuid(&callback),
        action: uuid(&action),
    }
}

/// A trigger logged at `at`, with one execution of the hook's action in `status`.
async fn trigger(
    app: &TestApp,
    hook: &Hook,
    at: DateTime<Utc>,
    status: ActionExecutionStatus,
) -> Uuid {
    let log = id_at(at);
    callback_logs::Entity::insert(callback_logs::ActiveModel {
        id: Set(log),
        event: Set("trigger".into()),
        details: Set(None),
        callback_id: Set(hook.callback),
        organization_id: Set(hook.organization),
        project_id: Set(hook.project),
        created_at: Set(at),
        response_time: Set(Some(3)),
        status_code: Set(Some(200)),
        success: Set(true),
        request: Set(None),
        replay_of: Set(None),
        response: Set(None),
    })
    .exec(app.db())
    .await
    .expect("log");
    action_executions::Entity::insert(action_executions::ActiveModel {
        id: Set(id_at(at + Duration::seconds(1))),
        action_id: Set(hook.action),
        callback_id: Set(hook.callback),
        callback_log_id: Set(log),
        organization_id: Set(hook.organization),
        project_id: Set(hook.project),
        status: Set(status),
        attempt: Set(1),
        response: Set(None),
        error: Set(None),
        duration_ms: Set(None),
        next_attempt_at: Set(None),
        claimed_by: Set(None),
        claimed_until: Set(None),
        step: Set(0),
        created_at: Set(at),
        updated_at: Set(at),
    })
    .exec(app.db())
    .await
    .expect("execution");
    log
}

#[tokio::test]
async fn callback_logs_past_their_plans_retention_go_but_not_while_their_actions_run() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("keeper@example.com").await;
        let hook = hook(&app, &user).await;
        let old = Utc::now() - Duration::days(30);
        let done = trigger(&app, &hook, old, ActionExecutionStatus::Success).await;
        let running = trigger(&app, &hook, old, ActionExecutionStatus::Pending).await;
        let recent = trigger(&app, &hook, Utc::now(), ActionExecutionStatus::Success).await;

        let upkeep = vigil::monitor::maintenance::run_once(app.db(), Utc::now())
            .await
            .expect("upkeep");
        assert_eq!(upkeep.callback_logs_deleted, 1, "[{backend}]");
        let mut left: Vec<Uuid> = callback_logs::Entity::find()
            .all(app.db())
            .await
            .expect("logs")
            .into_iter()
            .map(|l| l.id)
            .collect();
        left.sort();
        let mut kept = vec![running, recent];
        kept.sort();
        assert_eq!(left, kept, "[{backend}] {done} deleted");
        // Its finished execution went with it; the pending one stays.
        assert_eq!(app.count("action_executions").await, 2, "[{backend}]");
        app.stop().await;
    }
}

/// The partitions of a table, by name.
async fn partitions(app: &TestApp, table: &str) -> Vec<String> {
    let mut names: Vec<String> = app
        .db()
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
             JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = $1",
            [table.into()],
        ))
        .await
        .expect("partitions")
        .into_iter()
        .map(|row| row.try_get::<String>("", "name").expect("name"))
        .collect();
    names.sort();
    names
}

/// Where a row is stored.
async fn partition_of(app: &TestApp, table: &str, id: Uuid) -> String {
    app.db()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!("SELECT tableoid::regclass::text AS p FROM {table} WHERE id = $1"),
            [id.into()],
        ))
        .await
        .expect("row")
        .expect("found")
        .try_get::<String>("", "p")
        .expect("partition")
}

#[tokio::test]
async fn months_past_every_plans_retention_are_dropped_whole() {
    let Some(backend) = postgres_or_skip("months_past_every_plans_retention_are_dropped_whole")
    else {
        return;
    };
    let app = TestApp::spawn(&backend).await;
    let user = app.sign_up("months@example.com").await;
    let hook = hook(&app, &user).await;
    let monitor = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
            json!({ "i": { "projectId": hook.project.to_string(), "name": "Site", "type": "HTTP", "target": "http://127.0.0.1:9/" } }),
        )
        .await
        .ok()["createMonitor"]["id"]
        .as_str()
        .map(|id| Uuid::parse_str(id).expect("uuid"))
        .expect("monitor");
    let longest = plan_limits::Entity::find()
        .all(app.db())
        .await
        .expect("plans")
        .iter()
        .map(|p| p.data_retention_days)
        .max()
        .expect("the default plans");
    // A month that every plan's retention has passed, made as a partition.
    let now = Utc::now();
    let old = now - Duration::days(i64::from(longest) + 45);
    let months_back = (now.year() - old.year()) * 12 + now.month0() as i32 - old.month0() as i32;
    vigil::db::partition::ensure_months(app.db(), now.date_naive(), -months_back, 0)
        .await
        .expect("months");
    let month = format!("p{:04}{:02}", old.year(), old.month());
    let result = id_at(old);
    monitor_results::Entity::insert(vigil_tests::result_row(
        result, monitor, old, true, false, None,
    ))
    .exec(app.db())
    .await
    .expect("result");
    let log = trigger(&app, &hook, old, ActionExecutionStatus::Success).await;
    let recent = trigger(&app, &hook, now, ActionExecutionStatus::Success).await;
    assert_eq!(
        partition_of(&app, "monitor_results", result).await,
        format!("monitor_results_{month}")
    );
    assert_eq!(
        partition_of(&app, "callback_logs", log).await,
        format!("callback_logs_{month}")
    );
    let current = format!("callback_logs_p{:04}{:02}", now.year(), now.month());
    assert_eq!(partition_of(&app, "callback_logs", recent).await, current);

    let upkeep = vigil::monitor::maintenance::run_once(app.db(), now)
        .await
        .expect("upkeep");
    for table in ["monitor_results", "callback_logs", "action_executions"] {
        let name = format!("{table}_{month}");
        assert!(
            upkeep.partitions_dropped.contains(&name),
            "{name}: {upkeep:?}"
        );
        let left = partitions(&app, table).await;
        assert!(!left.contains(&name), "{left:?}");
        // The current month, the two ahead and the default stay.
        assert!(left.contains(&format!("{table}_default")), "{left:?}");
        assert!(
            left.iter()
                .any(|p| p.ends_with(&current[current.len() - 6..])),
            "{left:?}"
        );
    }
    assert_eq!(app.count("monitor_results").await, 0);
    assert_eq!(app.count("callback_logs").await, 1);
    assert_eq!(app.count("action_executions").await, 1);
    // Nothing more to drop, nothing more to make.
    let again = vigil::monitor::maintenance::run_once(app.db(), now)
        .await
        .expect("upkeep");
    assert!(again.partitions_dropped.is_empty(), "{again:?}");
    assert_eq!(again.partitions_made, 0);
    app.stop().await;
}
