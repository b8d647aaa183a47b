//! Retention of what grows with traffic: callback logs past their plan's retention are deleted
//! (not while their actions still run), and on PostgreSQL the monthly partitions past every
//! plan's retention are dropped whole (`server/src/db/partition.rs`), runs' months too (their
//! artifacts then swept), one replica at a time.

use chrono::{DateTime, Datelike, Duration, Utc};
use entity::action_executions::{self, ActionExecutionStatus};
use entity::runs::{self, RunStatus, RunTrigger};
use entity::{callback_logs, k6_performance_runs, monitor_results, organization, plan_limits};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryTrait, Statement,
};
use serde_json::json;
use uuid::Uuid;
use vigil::testing::artifact::RunMetadata;
use vigil::testing::run::NewRun;
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
        .map(|p| p.data_retention_days.max(p.job_data_retention_days))
        .max()
        .expect("the default plans");
    // A month that every plan's retention has passed, made as a partition, and the month
    // before it, where a run is still running.
    let now = Utc::now();
    let old = now - Duration::days(i64::from(longest) + 45);
    let older = old - Duration::days(35);
    let months_back =
        (now.year() - older.year()) * 12 + now.month0() as i32 - older.month0() as i32;
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
    // A finished run of that month, with its k6 summary and an artifact, and a running one of
    // the month before.
    let finished = run_at(&app, &hook, old, RunStatus::Passed).await;
    let running = run_at(&app, &hook, older, RunStatus::Running).await;
    assert_eq!(
        partition_of(&app, "runs", finished).await,
        format!("runs_{month}")
    );
    let older_month = format!("runs_p{:04}{:02}", older.year(), older.month());
    assert_eq!(partition_of(&app, "runs", running).await, older_month);
    k6_performance_runs::Entity::insert(k6_performance_runs::ActiveModel {
        id: Set(id_at(old)),
        run_id: Set(finished),
        organization_id: Set(hook.organization),
        project_id: Set(hook.project),
        status: Set(RunStatus::Passed),
        created_at: Set(old),
        updated_at: Set(old),
        ..Default::default()
    })
    .exec(app.db())
    .await
    .expect("k6 summary");
    let artifact = format!("runs/{finished}/output.log");
    app.state()
        .storage
        .put(&artifact, b"output".to_vec())
        .await
        .expect("artifact");

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
    // The run month went with its k6 summary; the month of the running run stays.
    let name = format!("runs_{month}");
    assert!(upkeep.partitions_dropped.contains(&name), "{upkeep:?}");
    assert!(
        !upkeep.partitions_dropped.contains(&older_month),
        "{upkeep:?}"
    );
    let left = partitions(&app, "runs").await;
    assert!(
        !left.contains(&name) && left.contains(&older_month),
        "{left:?}"
    );
    assert_eq!(app.count("k6_performance_runs").await, 0);
    let runs: Vec<Uuid> = runs::Entity::find()
        .all(app.db())
        .await
        .expect("runs")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(runs, vec![running]);
    // The dropped run's artifacts are swept as those of any run gone.
    let swept = vigil::testing::retention::run_once(app.state())
        .await
        .expect("run retention");
    assert_eq!(swept.orphaned_artifacts_deleted, 1, "{swept:?}");
    assert!(
        app.state()
            .storage
            .get(&artifact)
            .await
            .expect("storage")
            .is_none()
    );
    // Nothing more to drop, nothing more to make.
    let again = vigil::monitor::maintenance::run_once(app.db(), now)
        .await
        .expect("upkeep");
    assert!(again.partitions_dropped.is_empty(), "{again:?}");
    assert_eq!(again.partitions_made, 0);
    assert!(!again.partitions_busy);
    app.stop().await;
}

/// A run of the hook's project made at `at`, in `status`.
async fn run_at(app: &TestApp, hook: &Hook, at: DateTime<Utc>, status: RunStatus) -> Uuid {
    let mut row = NewRun {
        organization_id: hook.organization,
        project_id: hook.project,
        job_id: None,
        trigger: RunTrigger::Manual,
        metadata: RunMetadata::default(),
    }
    .queued_row(None);
    let id = id_at(at);
    row.id = Set(id);
    row.status = Set(status);
    row.created_at = Set(at);
    row.updated_at = Set(at);
    runs::Entity::insert(row).exec(app.db()).await.expect("run");
    id
}

#[tokio::test]
async fn one_replica_at_a_time_makes_and_drops_partitions() {
    let Some(backend) = postgres_or_skip("one_replica_at_a_time_makes_and_drops_partitions") else {
        return;
    };
    let app = TestApp::spawn(&backend).await;
    // Another replica holds the partition lock: this one's pass leaves partitions alone.
    let pool = app.db().get_postgres_connection_pool();
    let mut other = pool.begin().await.expect("transaction");
    sea_orm::sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(0x5669_6769_6c00_0002_i64)
        .execute(&mut *other)
        .await
        .expect("lock");
    let now = Utc::now();
    let ahead = now + Duration::days(31 * 4);
    let busy = vigil::db::partition::upkeep(app.db(), ahead, &[])
        .await
        .expect("upkeep");
    assert!(busy.busy && busy.made == 0, "{busy:?}");
    // Once it is let go, the next pass does the work: the months up to two after `ahead`.
    other.rollback().await.expect("release");
    let done = vigil::db::partition::upkeep(app.db(), ahead, &[])
        .await
        .expect("upkeep");
    assert!(!done.busy && done.made > 0, "{done:?}");
    let month = format!("runs_p{:04}{:02}", ahead.year(), ahead.month());
    assert!(partitions(&app, "runs").await.contains(&month));
    app.stop().await;
}

#[tokio::test]
async fn a_window_of_time_reads_only_the_months_it_spans() {
    let Some(backend) = postgres_or_skip("a_window_of_time_reads_only_the_months_it_spans") else {
        return;
    };
    let app = TestApp::spawn(&backend).await;
    let now = Utc::now();
    vigil::db::partition::ensure_months(app.db(), now.date_naive(), -6, 0)
        .await
        .expect("months");
    let old = now - Duration::days(100);
    let old_month = format!("monitor_results_p{:04}{:02}", old.year(), old.month());
    let whole = plan_of_a_day(&app, now, false).await;
    assert!(whole.contains(&old_month), "{whole}");
    let pruned = plan_of_a_day(&app, now, true).await;
    assert!(!pruned.contains(&old_month), "{pruned}");
    let current = format!("monitor_results_p{:04}{:02}", now.year(), now.month());
    assert!(pruned.contains(&current), "{pruned}");
    app.stop().await;
}

/// The plan of a monitor's last day of results, with or without the id bound.
async fn plan_of_a_day(app: &TestApp, now: DateTime<Utc>, pruned: bool) -> String {
    let from = now - Duration::days(1);
    let mut query = monitor_results::Entity::find()
        .filter(monitor_results::Column::MonitorId.eq(Uuid::now_v7()))
        .filter(monitor_results::Column::CheckedAt.gte(from));
    if pruned {
        query = query.filter(vigil::db::partition::ids_within(
            app.db(),
            monitor_results::Column::Id,
            Some(from),
            None,
        ));
    }
    let statement = query.build(DbBackend::Postgres);
    app.db()
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!("EXPLAIN {}", statement.sql),
            statement.values.map(|v| v.0).unwrap_or_default(),
        ))
        .await
        .expect("explain")
        .into_iter()
        .map(|row| row.try_get_by_index::<String>(0).expect("line"))
        .collect::<Vec<_>>()
        .join("\n")
}
