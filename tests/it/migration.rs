//! The schema: migrations up and down, every entity matching its table, every foreign key
//! indexed, and the composite indexes of the hot reads.

use std::collections::{BTreeSet, HashSet};

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Statement};
use vigil_tests::{Backend, TempDir, backends, fresh_postgres, temp_dir};

/// A connection to a new database, and the directory of its SQLite file (removed when
/// dropped).
async fn connect(backend: &Backend) -> (DatabaseConnection, TempDir) {
    vigil_tests::init();
    let dir = temp_dir("mig");
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.join("v.db").display()),
        Backend::Postgres(admin) => fresh_postgres(admin).await.expect("fresh database"),
    };
    (vigil::db::connect(&url).await.expect("connect").0, dir)
}

async fn tables(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
        // Tables and partitioned tables, not their partitions.
        _ => {
            "SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
        }
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("listing tables")
        .into_iter()
        .map(|row| row.try_get::<String>("", "t").expect("name"))
        .filter(|t| t != "seaql_migrations")
        .collect()
}

/// Selecting every column of every entity fails if an entity and its table disagree.
macro_rules! select_all {
    ($db:expr, $($module:ident),* $(,)?) => {{
        let mut names = Vec::new();
        $(
            entity::$module::Entity::find().all($db).await
                .unwrap_or_else(|e| panic!("entity {} does not match its table: {e}", stringify!($module)));
            names.push(stringify!($module).to_owned());
        )*
        names
    }};
}

#[tokio::test]
async fn migrations_run_up_down_and_up_again() {
    for backend in backends() {
        let (db, _dir) = connect(&backend).await;
        Migrator::up(&db, None).await.expect("up");
        let created = tables(&db).await;
        let entities = select_all!(
            &db,
            account,
            apikey,
            audit_logs,
            invitation,
            member,
            notifications,
            organization,
            project_members,
            project_variables,
            projects,
            service_credentials,
            session,
            tags,
            user,
            verification,
            alert_history,
            alerts,
            job_notification_settings,
            job_tests,
            jobs,
            k6_performance_runs,
            monitor_aggregates,
            monitor_notification_settings,
            monitor_results,
            monitor_tags,
            monitors,
            notification_providers,
            reports,
            runs,
            test_tags,
            tests,
            incident_components,
            incident_template_components,
            incident_templates,
            incident_updates,
            incidents,
            postmortems,
            status_page_component_monitors,
            status_page_component_subscriptions,
            status_page_components,
            status_page_incident_subscriptions,
            status_page_metrics,
            status_page_subscribers,
            status_pages,
            billing_settings,
            overage_pricing,
            plan_limits,
            rate_limits,
            subscription_plans,
            subscriptions,
            usage_events,
            usage_notifications,
            webhook_idempotency,
            action_executions,
            actions,
            callback_logs,
            callbacks,
            rate_limit_logs,
        );
        assert_eq!(
            entities.len(),
            58,
            "49 tables of seed 000 and 9 more of seed 001"
        );
        // Tables of Vigil's own beyond the seeds.
        let own = select_all!(
            &db,
            monitor_locations,
            stored_payloads,
            queue_messages,
            sealed_formats,
            status_page_deliveries,
            usage_periods,
            organization_sso
        );
        let entities: BTreeSet<String> = entities.into_iter().chain(own).collect();
        assert_eq!(
            created, entities,
            "[{backend}] every entity has a table and every table an entity"
        );

        if let Backend::Postgres(_) = backend {
            // The tables that grow are partitioned by month, the current one and two ahead made.
            let partitioned = db
                .query_all_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT p.relname AS t, count(*) AS n FROM pg_inherits i \
                     JOIN pg_class p ON p.oid = i.inhparent WHERE p.relkind = 'p' GROUP BY p.relname ORDER BY 1",
                ))
                .await
                .expect("partitions")
                .into_iter()
                .map(|row| {
                    (
                        row.try_get::<String>("", "t").expect("t"),
                        row.try_get::<i64>("", "n").expect("n"),
                    )
                })
                .collect::<Vec<_>>();
            assert_eq!(
                partitioned,
                vec![
                    ("action_executions".to_owned(), 4),
                    ("callback_logs".to_owned(), 4),
                    ("monitor_results".to_owned(), 4),
                    ("runs".to_owned(), 4)
                ],
                "three months and the default"
            );
        }
        Migrator::down(&db, None).await.expect("down");
        assert!(
            tables(&db).await.is_empty(),
            "[{backend}] down drops every table"
        );
        Migrator::up(&db, None).await.expect("up again");
        assert_eq!(tables(&db).await.len(), created.len());
        let status = Migrator::get_pending_migrations(&db).await.expect("status");
        assert!(status.is_empty());
    }
}

/// (table, column) of every foreign key, and the first column of every index per table.
async fn foreign_keys_and_index_heads(
    db: &DatabaseConnection,
) -> (
    Vec<(String, String)>,
    HashSet<(String, String)>,
    HashSet<(String, String)>,
) {
    let backend = db.get_database_backend();
    let mut fks = Vec::new();
    let mut heads = HashSet::new();
    let mut all_index_columns = HashSet::new();
    match backend {
        DbBackend::Sqlite => {
            for table in tables(db).await {
                let rows = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("PRAGMA foreign_key_list(\"{table}\")"),
                    ))
                    .await
                    .expect("fk list");
                for row in rows {
                    fks.push((
                        table.clone(),
                        row.try_get::<String>("", "from").expect("from"),
                    ));
                }
                let indexes = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("PRAGMA index_list(\"{table}\")"),
                    ))
                    .await
                    .expect("index list");
                for index in indexes {
                    let name: String = index.try_get("", "name").expect("name");
                    let cols = db
                        .query_all_raw(Statement::from_string(
                            backend,
                            format!("PRAGMA index_info(\"{name}\")"),
                        ))
                        .await
                        .expect("index info");
                    for col in &cols {
                        let seq: i64 = col.try_get("", "seqno").expect("seqno");
                        let column: String = col.try_get("", "name").expect("name");
                        if seq == 0 {
                            heads.insert((table.clone(), column.clone()));
                        }
                        all_index_columns.insert((name.clone(), column));
                    }
                }
            }
        }
        _ => {
            let rows = db
                .query_all_raw(Statement::from_string(
                    backend,
                    "SELECT tc.table_name AS t, kcu.column_name AS c
                     FROM information_schema.table_constraints tc
                     JOIN information_schema.key_column_usage kcu
                       ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
                     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'",
                ))
                .await
                .expect("fks");
            for row in rows {
                fks.push((
                    row.try_get("", "t").expect("t"),
                    row.try_get("", "c").expect("c"),
                ));
            }
            let rows = db
                .query_all_raw(Statement::from_string(
                    backend,
                    "SELECT t.relname AS t, i.relname AS i, a.attname AS c, k.ord AS ord
                     FROM pg_index x
                     JOIN pg_class t ON t.oid = x.indrelid
                     JOIN pg_class i ON i.oid = x.indexrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     WHERE n.nspname = 'public'",
                ))
                .await
                .expect("indexes");
            for row in rows {
                let table: String = row.try_get("", "t").expect("t");
                let index: String = row.try_get("", "i").expect("i");
                let column: String = row.try_get("", "c").expect("c");
                let ord: i64 = row.try_get("", "ord").expect("ord");
                if ord == 1 {
                    heads.insert((table, column.clone()));
                }
                all_index_columns.insert((index, column));
            }
        }
    }
    (fks, heads, all_index_columns)
}

#[tokio::test]
async fn every_foreign_key_is_indexed_and_hot_reads_have_composite_indexes() {
    for backend in backends() {
        let (db, _dir) = connect(&backend).await;
        Migrator::up(&db, None).await.expect("up");
        let (fks, heads, index_columns) = foreign_keys_and_index_heads(&db).await;
        assert!(
            fks.len() > 100,
            "[{backend}] found only {} foreign keys",
            fks.len()
        );
        let missing: Vec<_> = fks.iter().filter(|fk| !heads.contains(*fk)).collect();
        assert!(
            missing.is_empty(),
            "[{backend}] foreign keys without an index: {missing:?}"
        );

        // Composite indexes named by the foundation issue (names are cut at 63 characters on
        // PostgreSQL, so look them up by their columns).
        let wanted: &[(&str, &[&str])] = &[
            (
                "idx_monitor_results_monitor_id_checked_at",
                &["monitor_id", "checked_at"],
            ),
            ("idx_runs_job_id_created_at", &["job_id", "created_at"]),
            (
                "idx_callback_logs_callback_id_created_at",
                &["callback_id", "created_at"],
            ),
            (
                "idx_audit_logs_organization_id_created_at",
                &["organization_id", "created_at"],
            ),
            (
                "uq_rate_limit_logs_callback_id_period_period_start",
                &["callback_id", "period", "period_start"],
            ),
        ];
        for (name, cols) in wanted {
            for col in *cols {
                assert!(
                    index_columns.contains(&(name.to_string(), col.to_string())),
                    "[{backend}] index {name} lacks column {col}"
                );
            }
        }
    }
}

#[tokio::test]
async fn unique_emails_and_cascades_hold() {
    use chrono::Utc;
    use sea_orm::{ActiveModelTrait, Set};
    for backend in backends() {
        let (db, _dir) = connect(&backend).await;
        Migrator::up(&db, None).await.expect("up");
        let now = Utc::now();
        let user = entity::user::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            name: Set("U".into()),
            email: Set("u@example.com".into()),
            email_verified: Set(false),
            image: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            role: Set(entity::user::UserRole::User),
            banned: Set(false),
            ban_reason: Set(None),
            ban_expires: Set(None),
            display_name: Set(None),
            totp_secret: Set(None),
            totp_enabled: Set(false),
            totp_last_step: Set(None),
            is_active: Set(true),
            slack_webhook_url: Set(None),
            failed_sign_in_count: Set(0),
            sign_in_locked_until: Set(None),
        }
        .insert(&db)
        .await
        .expect("user");
        // The same email twice is refused by the unique index; the same row with another
        // email is accepted, so nothing else in it is what fails.
        let dup: entity::user::ActiveModel = user.clone().into();
        let mut dup = dup.reset_all();
        dup.id = Set(uuid::Uuid::now_v7());
        let err = dup
            .clone()
            .insert(&db)
            .await
            .expect_err("a duplicate email");
        assert!(
            matches!(
                err.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ),
            "[{backend}] user.email is unique: {err}"
        );
        dup.email = Set("other@example.com".into());
        let other = dup.insert(&db).await.expect("another email");
        entity::user::Entity::delete_by_id(other.id)
            .exec(&db)
            .await
            .expect("delete");
        // Deleting the user cascades to its sessions.
        entity::session::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            expires_at: Set(now),
            token: Set("h".into()),
            created_at: Set(now),
            updated_at: Set(now),
            ip_address: Set(None),
            user_agent: Set(None),
            user_id: Set(user.id),
            active_organization_id: Set(None),
            active_project_id: Set(None),
            impersonated_by: Set(None),
        }
        .insert(&db)
        .await
        .expect("session");
        entity::user::Entity::delete_by_id(user.id)
            .exec(&db)
            .await
            .expect("delete");
        assert_eq!(
            entity::session::Entity::find()
                .all(&db)
                .await
                .expect("sessions")
                .len(),
            0,
            "[{backend}] sessions cascade"
        );
    }
}
