//! What the database holds, for tests that prove a call changed nothing (or find what it
//! wrote), and checks on what error messages show.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{Gql, TestApp};

/// Parses a UUID the server returned.
pub fn uuid(id: &str) -> Uuid {
    Uuid::parse_str(id).expect("a UUID")
}

/// Every row of the tables the foundation writes, in primary-key order, to prove that a call
/// changed nothing (or to find what it wrote).
pub struct Snapshot(Vec<(&'static str, Vec<Value>)>);

macro_rules! dump {
    ($db:expr, $($table:ident),+ $(,)?) => {
        vec![$((
            stringify!($table),
            entity::$table::Entity::find()
                .order_by_asc(entity::$table::Column::Id)
                .into_json()
                .all($db)
                .await
                .expect(concat!("reading ", stringify!($table))),
        )),+]
    };
}

impl Snapshot {
    pub async fn take(app: &TestApp) -> Snapshot {
        let db = app.db();
        Snapshot(dump!(
            db,
            user,
            account,
            session,
            verification,
            organization,
            member,
            invitation,
            projects,
            project_members,
            project_variables,
            tags,
            service_credentials,
            apikey,
            notifications,
            audit_logs,
        ))
    }

    /// Every row of the foundation's tables and of monitors, tests, jobs, runs and callbacks (the
    /// join tables by count).
    pub async fn take_with_domains(app: &TestApp) -> Snapshot {
        let mut tables = Snapshot::take(app).await.0;
        let db = app.db();
        tables.extend(dump!(
            db,
            monitors,
            monitor_locations,
            tests,
            jobs,
            runs,
            callbacks,
            actions,
            callback_logs,
            action_executions,
            queue_messages,
        ));
        for table in [
            "monitor_tags",
            "monitor_notification_settings",
            "test_tags",
            "job_tests",
            "job_notification_settings",
        ] {
            tables.push((table, vec![json!(app.count(table).await)]));
        }
        Snapshot(tables)
    }

    /// Every row of every table that has an `id` (the join tables by count): what a call that
    /// must change nothing at all is checked against.
    pub async fn take_everything(app: &TestApp) -> Snapshot {
        let mut tables = Snapshot::take_with_domains(app).await.0;
        let db = app.db();
        tables.extend(dump!(
            db,
            alert_history,
            alerts,
            billing_settings,
            incident_components,
            incident_template_components,
            incident_templates,
            incident_updates,
            incidents,
            k6_performance_runs,
            monitor_aggregates,
            monitor_results,
            notification_providers,
            organization_sso,
            overage_pricing,
            plan_limits,
            postmortems,
            rate_limit_logs,
            rate_limits,
            reports,
            status_page_component_subscriptions,
            status_page_components,
            status_page_deliveries,
            status_page_incident_subscriptions,
            status_page_metrics,
            status_page_subscribers,
            status_pages,
            stored_payloads,
            subscription_plans,
            subscriptions,
            usage_events,
            usage_notifications,
            usage_periods,
            webhook_idempotency,
        ));
        for table in ["status_page_component_monitors", "sealed_formats"] {
            tables.push((table, vec![json!(app.count(table).await)]));
        }
        Snapshot(tables)
    }

    /// Rows of `table`.
    pub fn rows(&self, table: &str) -> &[Value] {
        self.0
            .iter()
            .find(|(name, _)| *name == table)
            .map(|(_, rows)| rows.as_slice())
            .unwrap_or_else(|| panic!("no table {table} in the snapshot"))
    }

    /// Number of rows in `table`.
    pub fn count(&self, table: &str) -> usize {
        self.rows(table).len()
    }

    /// The tables whose rows differ in `later`, with their row counts.
    pub fn changes(&self, later: &Snapshot) -> Vec<String> {
        self.0
            .iter()
            .zip(&later.0)
            .filter(|((_, a), (_, b))| a != b)
            .map(|((table, a), (_, b))| format!("{table} ({} rows -> {} rows)", a.len(), b.len()))
            .collect()
    }

    /// The `audit_logs` rows in `later` that are not here.
    pub fn new_audit_rows(&self, later: &Snapshot) -> Vec<Value> {
        let known: HashSet<&Value> = self.rows("audit_logs").iter().map(|r| &r["id"]).collect();
        later
            .rows("audit_logs")
            .iter()
            .filter(|r| !known.contains(&r["id"]))
            .cloned()
            .collect()
    }
}

/// Error messages that show SQL, driver or constraint text (docs/api.md: internal errors never
/// carry SQL or stack text).
pub fn problems_with_leaks(response: &Gql) -> Vec<String> {
    let Some(errors) = response.body["errors"].as_array() else {
        return Vec::new();
    };
    errors
        .iter()
        .filter_map(|e| e["message"].as_str())
        .filter(|m| {
            let lower = m.to_lowercase();
            ["sql", "syntax", "constraint"]
                .iter()
                .any(|w| lower.contains(w))
        })
        .map(|m| format!("error message leaks internals: {m:?}"))
        .collect()
}

/// The audit rows with `action` about `key` = `id` (`monitorId`, `callbackId`).
pub async fn audit_rows(
    app: &TestApp,
    action: &str,
    key: &str,
    id: &str,
) -> Vec<entity::audit_logs::Model> {
    entity::audit_logs::Entity::find()
        .filter(entity::audit_logs::Column::Action.eq(action))
        .all(app.db())
        .await
        .expect("audit rows")
        .into_iter()
        .filter(|row| row.details.as_ref().is_some_and(|d| d[key] == id))
        .collect()
}
