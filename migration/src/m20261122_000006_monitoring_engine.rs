//! What the monitoring engine needs beyond the seeds: per-location schedules with leases,
//! heartbeat start times, durable alert deliveries, and the default plan limits.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (plan, max monitors, min interval, playwright min, k6 VU-min, AI credits, running, queued,
/// members, organizations, projects, status pages, custom domains, SSO, raw days,
/// aggregate days, job days)
type PlanRow = (
    &'static str,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    bool,
    bool,
    i32,
    i32,
    i32,
);

const PLANS: &[PlanRow] = &[
    (
        "free", 10, 5, 60, 100, 0, 1, 10, 3, 1, 2, 1, false, false, 7, 30, 7,
    ),
    (
        "plus", 50, 1, 500, 1_000, 100, 3, 50, 10, 2, 10, 3, true, false, 30, 365, 30,
    ),
    (
        "pro", 250, 1, 2_000, 5_000, 500, 10, 200, 50, 5, 50, 10, true, true, 90, 730, 90,
    ),
    (
        "unlimited",
        1_000_000,
        1,
        1_000_000,
        1_000_000,
        1_000_000,
        50,
        1_000,
        1_000_000,
        1_000_000,
        1_000_000,
        1_000_000,
        true,
        true,
        365,
        3_650,
        365,
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create(
            m,
            Table::create()
                .table("monitor_locations")
                .col(id())
                .col(uuid("monitor_id"))
                .col(string_len("location", 50))
                .col(timestamp_with_time_zone("next_check_at"))
                .col(text_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(string_len("status", 50).default("pending"))
                .col(counter("consecutive_failures", 0))
                .col(counter("consecutive_successes", 0))
                .col(timestamp_with_time_zone_null("last_checked_at"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "monitor_locations",
                    "monitor_id",
                    "monitors",
                    ForeignKeyAction::Cascade,
                ))
                .take(),
            vec![
                fk_index("monitor_locations", "monitor_id"),
                unique("monitor_locations", &["monitor_id", "location"]),
                index("monitor_locations", &["location", "next_check_at"]),
            ],
        )
        .await?;

        m.alter_table(
            Table::alter()
                .table("monitors")
                .add_column(timestamp_with_time_zone_null("heartbeat_started_at"))
                .take(),
        )
        .await?;
        for col in [
            uuid_null("notification_provider_id"),
            integer("attempts").default(0).take(),
            timestamp_with_time_zone_null("next_attempt_at"),
            timestamp_with_time_zone_null("claimed_until"),
            json_binary_null("payload"),
        ] {
            m.alter_table(Table::alter().table("alert_history").add_column(col).take())
                .await?;
        }
        m.create_index(index("alert_history", &["status", "next_attempt_at"]))
            .await?;
        // Checks with a response time, so that daily averages merge exactly from hourly rows.
        m.alter_table(
            Table::alter()
                .table("monitor_aggregates")
                .add_column(integer("timed_checks").default(0).take())
                .take(),
        )
        .await?;

        let db = m.get_connection();
        for p in PLANS {
            let exists = db
                .query_one(
                    &Query::select()
                        .expr(Expr::val(1))
                        .from("plan_limits")
                        .and_where(Expr::col("plan").eq(p.0))
                        .take(),
                )
                .await?
                .is_some();
            if exists {
                continue;
            }
            let id = uuid::Uuid::now_v7();
            db.execute(
                &Query::insert()
                    .into_table("plan_limits")
                    .columns([
                        "id",
                        "plan",
                        "max_monitors",
                        "min_check_interval_minutes",
                        "playwright_minutes_included",
                        "k6_vu_minutes_included",
                        "ai_credits_included",
                        "running_capacity",
                        "queued_capacity",
                        "max_team_members",
                        "max_organizations",
                        "max_projects",
                        "max_status_pages",
                        "custom_domains",
                        "sso_enabled",
                        "data_retention_days",
                        "aggregated_data_retention_days",
                        "job_data_retention_days",
                    ])
                    .values_panic([
                        id.into(),
                        p.0.into(),
                        p.1.into(),
                        p.2.into(),
                        p.3.into(),
                        p.4.into(),
                        p.5.into(),
                        p.6.into(),
                        p.7.into(),
                        p.8.into(),
                        p.9.into(),
                        p.10.into(),
                        p.11.into(),
                        p.12.into(),
                        p.13.into(),
                        p.14.into(),
                        p.15.into(),
                        p.16.into(),
                    ])
                    .take(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_alert_history_status_next_attempt_at")
                .table("alert_history")
                .to_owned(),
        )
        .await?;
        for col in [
            "payload",
            "claimed_until",
            "next_attempt_at",
            "attempts",
            "notification_provider_id",
        ] {
            m.alter_table(
                Table::alter()
                    .table("alert_history")
                    .drop_column(col)
                    .take(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table("monitors")
                .drop_column("heartbeat_started_at")
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("monitor_aggregates")
                .drop_column("timed_checks")
                .take(),
        )
        .await?;
        drop_all(m, &["monitor_locations"]).await
    }
}
