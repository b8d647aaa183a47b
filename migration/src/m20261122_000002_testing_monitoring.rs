//! Tests, jobs and their runs, monitors with their results and aggregates, tags on both,
//! notification providers, alert rules and alert history, and stored reports.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CASCADE: ForeignKeyAction = ForeignKeyAction::Cascade;
const SET_NULL: ForeignKeyAction = ForeignKeyAction::SetNull;

/// `col timestamptz not null default now`, for the join tables' timestamps.
fn now(col: &'static str) -> ColumnDef {
    timestamp_with_time_zone(col)
        .default(Expr::current_timestamp())
        .take()
}

/// A composite primary key of two columns.
fn pk2(table: &'static str, a: &'static str, b: &'static str) -> IndexCreateStatement {
    Index::create()
        .name(format!("pk_{table}"))
        .col(a)
        .col(b)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create(
            m,
            Table::create()
                .table("tests")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("title", 255))
                .col(text_null("description"))
                .col(text("script"))
                .col(string_len("priority", 50).default("medium"))
                .col(string_len("type", 50).default("browser"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("tests", "organization_id", "organization", CASCADE))
                .foreign_key(&mut fk("tests", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("tests", "created_by_user_id", "user", SET_NULL))
                .take(),
            vec![
                fk_index("tests", "organization_id"),
                fk_index("tests", "project_id"),
                fk_index("tests", "created_by_user_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("jobs")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 255))
                .col(text_null("description"))
                .col(string_len("job_type", 50).default("playwright"))
                .col(string_len_null("cron_schedule", 255))
                .col(string_len("status", 50).default("pending"))
                .col(json_binary_null("alert_config"))
                .col(timestamp_with_time_zone_null("last_run_at"))
                .col(timestamp_with_time_zone_null("next_run_at"))
                .col(string_len_null("scheduled_job_id", 255))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("jobs", "organization_id", "organization", CASCADE))
                .foreign_key(&mut fk("jobs", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("jobs", "created_by_user_id", "user", SET_NULL))
                .take(),
            vec![
                fk_index("jobs", "organization_id"),
                fk_index("jobs", "project_id"),
                fk_index("jobs", "created_by_user_id"),
                index("jobs", &["status", "next_run_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("job_tests")
                .col(uuid("job_id"))
                .col(uuid("test_id"))
                .col(counter("order_position", 0))
                .primary_key(&mut pk2("job_tests", "job_id", "test_id"))
                .foreign_key(&mut fk("job_tests", "job_id", "jobs", CASCADE))
                .foreign_key(&mut fk("job_tests", "test_id", "tests", CASCADE))
                .take(),
            vec![
                fk_index("job_tests", "job_id"),
                fk_index("job_tests", "test_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("runs")
                .col(id())
                .col(uuid_null("job_id"))
                .col(uuid("project_id"))
                .col(uuid("organization_id"))
                .col(string_len("status", 50).default("queued"))
                .col(string_len_null("duration", 255))
                .col(integer_null("duration_ms"))
                .col(timestamp_with_time_zone_null("started_at"))
                .col(timestamp_with_time_zone_null("completed_at"))
                .col(text_null("report_s3_url"))
                .col(text_null("logs_s3_url"))
                .col(text_null("video_s3_url"))
                .col(text_null("screenshots_s3_path"))
                .col(json_binary_null("artifact_paths"))
                .col(text_null("logs"))
                .col(string_len_null("location", 50))
                .col(json_binary_null("metadata"))
                .col(text_null("error_details"))
                .col(string_len("trigger", 50).default("manual"))
                .col(text_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(counter("attempt", 0))
                .col(integer_null("exit_code"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("runs", "job_id", "jobs", CASCADE))
                .foreign_key(&mut fk("runs", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("runs", "organization_id", "organization", CASCADE))
                .take(),
            vec![
                fk_index("runs", "job_id"),
                fk_index("runs", "project_id"),
                fk_index("runs", "organization_id"),
                index("runs", &["job_id", "created_at"]),
                index("runs", &["status", "created_at"]),
                index("runs", &["project_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("k6_performance_runs")
                .col(id())
                .col(uuid_null("test_id"))
                .col(uuid_null("job_id"))
                .col(uuid("run_id"))
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(string_len_null("location", 50))
                .col(string_len("status", 50))
                .col(timestamp_with_time_zone_null("started_at"))
                .col(timestamp_with_time_zone_null("completed_at"))
                .col(integer_null("duration_ms"))
                .col(json_binary_null("summary_json"))
                .col(boolean_null("thresholds_passed"))
                .col(integer_null("total_requests"))
                .col(integer_null("failed_requests"))
                .col(integer_null("request_rate"))
                .col(integer_null("avg_response_time_ms"))
                .col(integer_null("p95_response_time_ms"))
                .col(integer_null("p99_response_time_ms"))
                .col(text_null("report_s3_url"))
                .col(text_null("summary_s3_url"))
                .col(text_null("console_s3_url"))
                .col(text_null("error_details"))
                .col(text_null("console_output"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("k6_performance_runs", "test_id", "tests", SET_NULL))
                .foreign_key(&mut fk("k6_performance_runs", "job_id", "jobs", CASCADE))
                .foreign_key(&mut fk("k6_performance_runs", "run_id", "runs", CASCADE))
                .foreign_key(&mut fk(
                    "k6_performance_runs",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "k6_performance_runs",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("k6_performance_runs", "test_id"),
                fk_index("k6_performance_runs", "job_id"),
                fk_index("k6_performance_runs", "run_id"),
                fk_index("k6_performance_runs", "organization_id"),
                fk_index("k6_performance_runs", "project_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("monitors")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 255))
                .col(text_null("description"))
                .col(string_len("type", 50))
                .col(string_len("target", 2048))
                .col(counter("frequency_minutes", 5))
                .col(flag("enabled", true))
                .col(string_len("status", 50).default("pending"))
                .col(json_binary_null("config"))
                .col(json_binary_null("alert_config"))
                .col(timestamp_with_time_zone_null("last_check_at"))
                .col(timestamp_with_time_zone_null("last_status_change_at"))
                .col(timestamp_with_time_zone_null("muted_until"))
                .col(string_len_null("scheduled_job_id", 255))
                .col(timestamp_with_time_zone_null("next_check_at"))
                .col(text_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(text_null("heartbeat_token"))
                .col(json_binary_null("locations"))
                .col(string_len("aggregation", 50).default("any"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "monitors",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("monitors", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("monitors", "created_by_user_id", "user", SET_NULL))
                .take(),
            vec![
                fk_index("monitors", "organization_id"),
                fk_index("monitors", "project_id"),
                fk_index("monitors", "created_by_user_id"),
                unique("monitors", &["heartbeat_token"]),
                index("monitors", &["enabled", "next_check_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("monitor_results")
                .col(id())
                .col(uuid("monitor_id"))
                .col(now("checked_at"))
                .col(string_len("location", 50))
                .col(string_len("status", 50))
                .col(integer_null("response_time_ms"))
                .col(json_binary_null("details"))
                .col(flag("is_up", false))
                .col(flag("is_status_change", false))
                .col(counter("consecutive_failure_count", 0))
                .col(counter("consecutive_success_count", 0))
                .col(counter("alerts_sent_for_failure", 0))
                .col(counter("alerts_sent_for_recovery", 0))
                .col(text_null("test_execution_id"))
                .col(text_null("test_report_s3_url"))
                .foreign_key(&mut fk(
                    "monitor_results",
                    "monitor_id",
                    "monitors",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("monitor_results", "monitor_id"),
                index("monitor_results", &["monitor_id", "checked_at"]),
                index("monitor_results", &["monitor_id", "location", "checked_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("monitor_aggregates")
                .col(id())
                .col(uuid("monitor_id"))
                .col(text("period_type"))
                .col(timestamp_with_time_zone("period_start"))
                .col(text("location").default("global"))
                .col(counter("total_checks", 0))
                .col(counter("successful_checks", 0))
                .col(counter("failed_checks", 0))
                .col(double("uptime_percentage"))
                .col(integer_null("avg_response_ms"))
                .col(integer_null("min_response_ms"))
                .col(integer_null("max_response_ms"))
                .col(integer_null("p50_response_ms"))
                .col(integer_null("p95_response_ms"))
                .col(integer_null("p99_response_ms"))
                .col(big_integer("total_response_ms").default(0))
                .col(counter("status_change_count", 0))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "monitor_aggregates",
                    "monitor_id",
                    "monitors",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("monitor_aggregates", "monitor_id"),
                unique(
                    "monitor_aggregates",
                    &["monitor_id", "period_type", "period_start", "location"],
                ),
                index("monitor_aggregates", &["period_type", "period_start"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("monitor_tags")
                .col(uuid("monitor_id"))
                .col(uuid("tag_id"))
                .col(now("assigned_at"))
                .primary_key(&mut pk2("monitor_tags", "monitor_id", "tag_id"))
                .foreign_key(&mut fk("monitor_tags", "monitor_id", "monitors", CASCADE))
                .foreign_key(&mut fk("monitor_tags", "tag_id", "tags", CASCADE))
                .take(),
            vec![
                fk_index("monitor_tags", "monitor_id"),
                fk_index("monitor_tags", "tag_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("test_tags")
                .col(uuid("test_id"))
                .col(uuid("tag_id"))
                .col(now("assigned_at"))
                .primary_key(&mut pk2("test_tags", "test_id", "tag_id"))
                .foreign_key(&mut fk("test_tags", "test_id", "tests", CASCADE))
                .foreign_key(&mut fk("test_tags", "tag_id", "tags", CASCADE))
                .take(),
            vec![
                fk_index("test_tags", "test_id"),
                fk_index("test_tags", "tag_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("notification_providers")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid_null("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 255))
                .col(string_len("type", 50))
                .col(json_binary("config"))
                .col(flag("is_enabled", true))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "notification_providers",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "notification_providers",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "notification_providers",
                    "created_by_user_id",
                    "user",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("notification_providers", "organization_id"),
                fk_index("notification_providers", "project_id"),
                fk_index("notification_providers", "created_by_user_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("monitor_notification_settings")
                .col(uuid("monitor_id"))
                .col(uuid("notification_provider_id"))
                .col(created_at())
                .primary_key(&mut pk2(
                    "monitor_notification_settings",
                    "monitor_id",
                    "notification_provider_id",
                ))
                .foreign_key(&mut fk(
                    "monitor_notification_settings",
                    "monitor_id",
                    "monitors",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "monitor_notification_settings",
                    "notification_provider_id",
                    "notification_providers",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("monitor_notification_settings", "monitor_id"),
                fk_index("monitor_notification_settings", "notification_provider_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("job_notification_settings")
                .col(uuid("job_id"))
                .col(uuid("notification_provider_id"))
                .col(created_at())
                .primary_key(&mut pk2(
                    "job_notification_settings",
                    "job_id",
                    "notification_provider_id",
                ))
                .foreign_key(&mut fk(
                    "job_notification_settings",
                    "job_id",
                    "jobs",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "job_notification_settings",
                    "notification_provider_id",
                    "notification_providers",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("job_notification_settings", "job_id"),
                fk_index("job_notification_settings", "notification_provider_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("alerts")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(uuid("monitor_id"))
                .col(flag("enabled", true))
                .col(json_binary_null("notification_providers"))
                .col(flag("alert_on_failure", true))
                .col(flag("alert_on_recovery", true))
                .col(flag("alert_on_ssl_expiration", false))
                .col(flag("alert_on_success", false))
                .col(flag("alert_on_timeout", false))
                .col(counter("failure_threshold", 1))
                .col(counter("recovery_threshold", 1))
                .col(text_null("custom_message"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "alerts",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("alerts", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("alerts", "created_by_user_id", "user", SET_NULL))
                .foreign_key(&mut fk("alerts", "monitor_id", "monitors", CASCADE))
                .take(),
            vec![
                fk_index("alerts", "organization_id"),
                fk_index("alerts", "project_id"),
                fk_index("alerts", "created_by_user_id"),
                fk_index("alerts", "monitor_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("alert_history")
                .col(id())
                .col(text("message"))
                .col(string_len("type", 50))
                .col(string_len("target", 255))
                .col(string_len("target_type", 50))
                .col(uuid_null("monitor_id"))
                .col(uuid_null("job_id"))
                .col(uuid_null("organization_id"))
                .col(string_len("provider", 255))
                .col(string_len("status", 50).default("pending"))
                .col(now("sent_at"))
                .col(text_null("error_message"))
                .foreign_key(&mut fk("alert_history", "monitor_id", "monitors", CASCADE))
                .foreign_key(&mut fk("alert_history", "job_id", "jobs", CASCADE))
                .foreign_key(&mut fk(
                    "alert_history",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("alert_history", "monitor_id"),
                fk_index("alert_history", "job_id"),
                fk_index("alert_history", "organization_id"),
                index("alert_history", &["monitor_id", "sent_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("reports")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("entity_type", 50))
                .col(text("entity_id"))
                .col(string_len("report_path", 1024))
                .col(string_len("status", 50))
                .col(string_len_null("s3_url", 1024))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "reports",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("reports", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("reports", "created_by_user_id", "user", SET_NULL))
                .take(),
            vec![
                fk_index("reports", "organization_id"),
                fk_index("reports", "project_id"),
                fk_index("reports", "created_by_user_id"),
                unique("reports", &["entity_type", "entity_id"]),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            m,
            &[
                "reports",
                "alert_history",
                "alerts",
                "job_notification_settings",
                "monitor_notification_settings",
                "notification_providers",
                "test_tags",
                "monitor_tags",
                "monitor_aggregates",
                "monitor_results",
                "monitors",
                "k6_performance_runs",
                "runs",
                "job_tests",
                "jobs",
                "tests",
            ],
        )
        .await
    }
}
