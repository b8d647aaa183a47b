//! What webhook callbacks need beyond the seeds: the step of an execution in its pipeline,
//! stored payloads and project queues for the STORE and QUEUE actions, and the default
//! subscription plans with their rate limits.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CASCADE: ForeignKeyAction = ForeignKeyAction::Cascade;
const SET_NULL: ForeignKeyAction = ForeignKeyAction::SetNull;

/// (name, max triggers a month, max timeout s, per second, per minute, per hour, per month)
const PLANS: &[(&str, i32, i32, i32, i32, i32, i32)] = &[
    ("free", 10_000, 30, 5, 120, 2_000, 10_000),
    ("plus", 100_000, 60, 20, 600, 20_000, 100_000),
    ("pro", 1_000_000, 120, 100, 3_000, 100_000, 1_000_000),
    (
        "unlimited",
        1_000_000_000,
        300,
        1_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("action_executions")
                .add_column(integer("step").default(0).take())
                .take(),
        )
        .await?;

        create(
            m,
            Table::create()
                .table("stored_payloads")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid("callback_id"))
                .col(uuid_null("action_id"))
                .col(uuid_null("callback_log_id"))
                .col(string_len_null("key", 255))
                .col(json_binary("payload"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "stored_payloads",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "stored_payloads",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "stored_payloads",
                    "callback_id",
                    "callbacks",
                    CASCADE,
                ))
                .foreign_key(&mut fk("stored_payloads", "action_id", "actions", SET_NULL))
                .foreign_key(&mut fk(
                    "stored_payloads",
                    "callback_log_id",
                    "callback_logs",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("stored_payloads", "organization_id"),
                fk_index("stored_payloads", "project_id"),
                fk_index("stored_payloads", "callback_id"),
                fk_index("stored_payloads", "action_id"),
                fk_index("stored_payloads", "callback_log_id"),
                index("stored_payloads", &["project_id", "key"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("queue_messages")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(string_len("queue", 100))
                .col(json_binary("payload"))
                .col(string_len("status", 20).default("ready"))
                .col(timestamp_with_time_zone_null("lease_until"))
                .col(counter("deliveries", 0))
                .col(uuid_null("callback_id"))
                .col(uuid_null("action_id"))
                .col(created_at())
                .col(timestamp_with_time_zone_null("acked_at"))
                .foreign_key(&mut fk(
                    "queue_messages",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("queue_messages", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk(
                    "queue_messages",
                    "callback_id",
                    "callbacks",
                    SET_NULL,
                ))
                .foreign_key(&mut fk("queue_messages", "action_id", "actions", SET_NULL))
                .take(),
            vec![
                fk_index("queue_messages", "organization_id"),
                fk_index("queue_messages", "project_id"),
                fk_index("queue_messages", "callback_id"),
                fk_index("queue_messages", "action_id"),
                index("queue_messages", &["project_id", "queue", "status"]),
            ],
        )
        .await?;

        let db = m.get_connection();
        for (name, max_triggers, max_timeout, per_second, per_minute, per_hour, per_month) in PLANS
        {
            let exists = db
                .query_one(
                    &Query::select()
                        .expr(Expr::val(1))
                        .from("subscription_plans")
                        .and_where(Expr::col("name").eq(*name))
                        .take(),
                )
                .await?
                .is_some();
            if exists {
                continue;
            }
            let plan_id = uuid::Uuid::now_v7();
            db.execute(
                &Query::insert()
                    .into_table("subscription_plans")
                    .columns([
                        "id",
                        "name",
                        "price",
                        "currency",
                        "interval",
                        "max_triggers",
                        "max_timeout_duration",
                        "features",
                        "is_active",
                    ])
                    .values_panic([
                        plan_id.into(),
                        (*name).into(),
                        0.0f64.into(),
                        "USD".into(),
                        "month".into(),
                        (*max_triggers).into(),
                        (*max_timeout).into(),
                        sea_orm_migration::sea_orm::JsonValue::Array(Vec::new()).into(),
                        true.into(),
                    ])
                    .take(),
            )
            .await?;
            db.execute(
                &Query::insert()
                    .into_table("rate_limits")
                    .columns([
                        "id",
                        "plan_id",
                        "requests_per_second",
                        "requests_per_minute",
                        "requests_per_hour",
                        "requests_per_month",
                        "is_active",
                    ])
                    .values_panic([
                        uuid::Uuid::now_v7().into(),
                        plan_id.into(),
                        (*per_second).into(),
                        (*per_minute).into(),
                        (*per_hour).into(),
                        (*per_month).into(),
                        true.into(),
                    ])
                    .take(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(m, &["queue_messages", "stored_payloads"]).await?;
        m.alter_table(
            Table::alter()
                .table("action_executions")
                .drop_column("step")
                .take(),
        )
        .await
    }
}
