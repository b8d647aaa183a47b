//! Billing and usage (seed 000), Stripe/Polar subscriptions and plans, and the webhook callback
//! service (seed 001): callbacks, their logs, actions, action executions and rate-limit counters.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CASCADE: ForeignKeyAction = ForeignKeyAction::Cascade;
const SET_NULL: ForeignKeyAction = ForeignKeyAction::SetNull;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create(
            m,
            Table::create()
                .table("plan_limits")
                .col(id())
                .col(text("plan"))
                .col(integer("max_monitors"))
                .col(integer("min_check_interval_minutes"))
                .col(integer("playwright_minutes_included"))
                .col(integer("k6_vu_minutes_included"))
                .col(integer("ai_credits_included"))
                .col(integer("running_capacity"))
                .col(integer("queued_capacity"))
                .col(integer("max_team_members"))
                .col(integer("max_organizations"))
                .col(integer("max_projects"))
                .col(integer("max_status_pages"))
                .col(flag("custom_domains", false))
                .col(flag("sso_enabled", false))
                .col(integer("data_retention_days"))
                .col(integer("aggregated_data_retention_days"))
                .col(integer("job_data_retention_days"))
                .col(created_at())
                .col(updated_at())
                .take(),
            vec![unique("plan_limits", &["plan"])],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("overage_pricing")
                .col(id())
                .col(text("plan"))
                .col(integer("playwright_minute_price_cents"))
                .col(integer("k6_vu_minute_price_cents"))
                .col(integer("ai_credit_price_cents").default(5))
                .col(created_at())
                .col(updated_at())
                .take(),
            vec![unique("overage_pricing", &["plan"])],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("billing_settings")
                .col(id())
                .col(uuid("organization_id"))
                .col(integer_null("monthly_spending_limit_cents"))
                .col(flag("enable_spending_limit", false))
                .col(flag("hard_stop_on_limit", false))
                .col(flag("notify_at_50_percent", false))
                .col(flag("notify_at_80_percent", true))
                .col(flag("notify_at_90_percent", true))
                .col(flag("notify_at_100_percent", true))
                .col(json_binary_null("notification_emails"))
                .col(timestamp_with_time_zone_null("last_notification_sent_at"))
                .col(json_binary_null("notifications_sent_this_period"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "billing_settings",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("billing_settings", "organization_id"),
                unique("billing_settings", &["organization_id"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("usage_events")
                .col(id())
                .col(uuid("organization_id"))
                .col(text("event_type"))
                .col(text("event_name"))
                .col(double("units"))
                .col(text("unit_type"))
                .col(json_binary_null("metadata"))
                .col(flag("synced_to_polar", false))
                .col(text_null("polar_event_id"))
                .col(text_null("sync_error"))
                .col(counter("sync_attempts", 0))
                .col(timestamp_with_time_zone_null("last_sync_attempt"))
                .col(timestamp_with_time_zone("billing_period_start"))
                .col(timestamp_with_time_zone("billing_period_end"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "usage_events",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("usage_events", "organization_id"),
                index("usage_events", &["organization_id", "created_at"]),
                index("usage_events", &["synced_to_polar", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("usage_notifications")
                .col(id())
                .col(uuid("organization_id"))
                .col(text("notification_type"))
                .col(text("resource_type"))
                .col(double("usage_amount"))
                .col(double("usage_limit"))
                .col(integer("usage_percentage"))
                .col(integer_null("current_spending_cents"))
                .col(integer_null("spending_limit_cents"))
                .col(json_binary("sent_to"))
                .col(text("delivery_status").default("pending"))
                .col(text_null("delivery_error"))
                .col(timestamp_with_time_zone("billing_period_start"))
                .col(timestamp_with_time_zone("billing_period_end"))
                .col(created_at())
                .col(timestamp_with_time_zone_null("sent_at"))
                .foreign_key(&mut fk(
                    "usage_notifications",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("usage_notifications", "organization_id"),
                index("usage_notifications", &["organization_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("webhook_idempotency")
                .col(id())
                .col(text("webhook_id"))
                .col(text("event_type"))
                .col(
                    timestamp_with_time_zone("processed_at")
                        .default(Expr::current_timestamp())
                        .take(),
                )
                .col(text_null("result_status"))
                .col(text_null("result_message"))
                .col(timestamp_with_time_zone("expires_at"))
                .take(),
            vec![
                unique("webhook_idempotency", &["webhook_id"]),
                index("webhook_idempotency", &["expires_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("subscription_plans")
                .col(id())
                .col(text("name"))
                .col(text_null("description"))
                .col(double("price"))
                .col(text("currency").default("USD"))
                .col(text("interval").default("month"))
                .col(integer("max_triggers"))
                .col(integer("max_timeout_duration"))
                .col(json_binary("features"))
                .col(flag("is_active", true))
                .col(text_null("stripe_price_id"))
                .col(created_at())
                .col(updated_at())
                .take(),
            vec![
                unique("subscription_plans", &["name"]),
                unique("subscription_plans", &["stripe_price_id"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("subscriptions")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid_null("user_id"))
                .col(uuid("plan_id"))
                .col(text("provider").default("stripe"))
                .col(text_null("stripe_customer_id"))
                .col(text_null("stripe_subscription_id"))
                .col(text_null("polar_customer_id"))
                .col(text_null("polar_subscription_id"))
                .col(text("status").default("ACTIVE"))
                .col(timestamp_with_time_zone_null("current_period_start"))
                .col(timestamp_with_time_zone_null("current_period_end"))
                .col(flag("cancel_at_period_end", false))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "subscriptions",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("subscriptions", "user_id", "user", SET_NULL))
                .foreign_key(&mut fk(
                    "subscriptions",
                    "plan_id",
                    "subscription_plans",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("subscriptions", "organization_id"),
                fk_index("subscriptions", "user_id"),
                fk_index("subscriptions", "plan_id"),
                unique("subscriptions", &["organization_id"]),
                unique("subscriptions", &["stripe_customer_id"]),
                unique("subscriptions", &["stripe_subscription_id"]),
                unique("subscriptions", &["polar_subscription_id"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("rate_limits")
                .col(id())
                .col(uuid("plan_id"))
                .col(counter("requests_per_second", 1))
                .col(counter("requests_per_minute", 60))
                .col(counter("requests_per_hour", 1000))
                .col(counter("requests_per_month", 10000))
                .col(flag("is_active", true))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "rate_limits",
                    "plan_id",
                    "subscription_plans",
                    CASCADE,
                ))
                .take(),
            vec![fk_index("rate_limits", "plan_id")],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("callbacks")
                .col(id())
                .col(text("name"))
                .col(text("callback_url"))
                .col(flag("active_status", true))
                .col(text_null("trigger_token"))
                .col(text_null("custom_path"))
                .col(uuid("user_id"))
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(counter("timeout_duration", 30000))
                .col(counter("cache_period", 0))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("callbacks", "user_id", "user", CASCADE))
                .foreign_key(&mut fk(
                    "callbacks",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("callbacks", "project_id", "projects", CASCADE))
                .take(),
            vec![
                unique("callbacks", &["trigger_token"]),
                unique("callbacks", &["custom_path"]),
                fk_index("callbacks", "user_id"),
                fk_index("callbacks", "organization_id"),
                fk_index("callbacks", "project_id"),
                index("callbacks", &["project_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("callback_logs")
                .col(id())
                .col(text("event"))
                .col(text_null("details"))
                .col(uuid("callback_id"))
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(created_at())
                .col(integer_null("response_time"))
                .col(integer_null("status_code"))
                .col(flag("success", true))
                .col(json_binary_null("request"))
                .col(uuid_null("replay_of"))
                .foreign_key(&mut fk(
                    "callback_logs",
                    "callback_id",
                    "callbacks",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "callback_logs",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("callback_logs", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk(
                    "callback_logs",
                    "replay_of",
                    "callback_logs",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("callback_logs", "callback_id"),
                fk_index("callback_logs", "organization_id"),
                fk_index("callback_logs", "project_id"),
                fk_index("callback_logs", "replay_of"),
                index("callback_logs", &["callback_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("actions")
                .col(id())
                .col(uuid("callback_id"))
                .col(uuid("user_id"))
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(text("type"))
                .col(json_binary("config"))
                .col(flag("enabled", true))
                .col(counter("order", 0))
                .col(flag("parallel", false))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("actions", "callback_id", "callbacks", CASCADE))
                .foreign_key(&mut fk("actions", "user_id", "user", CASCADE))
                .foreign_key(&mut fk(
                    "actions",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("actions", "project_id", "projects", CASCADE))
                .take(),
            vec![
                fk_index("actions", "callback_id"),
                fk_index("actions", "user_id"),
                fk_index("actions", "organization_id"),
                fk_index("actions", "project_id"),
                index("actions", &["callback_id", "order"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("action_executions")
                .col(id())
                .col(uuid("action_id"))
                .col(uuid("callback_id"))
                .col(uuid("callback_log_id"))
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(text("status").default("PENDING"))
                .col(counter("attempt", 0))
                .col(json_binary_null("response"))
                .col(text_null("error"))
                .col(integer_null("duration_ms"))
                .col(timestamp_with_time_zone_null("next_attempt_at"))
                .col(text_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "action_executions",
                    "action_id",
                    "actions",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "action_executions",
                    "callback_id",
                    "callbacks",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "action_executions",
                    "callback_log_id",
                    "callback_logs",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "action_executions",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "action_executions",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("action_executions", "action_id"),
                fk_index("action_executions", "callback_id"),
                fk_index("action_executions", "callback_log_id"),
                fk_index("action_executions", "organization_id"),
                fk_index("action_executions", "project_id"),
                index("action_executions", &["status", "next_attempt_at"]),
                index("action_executions", &["callback_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("rate_limit_logs")
                .col(id())
                .col(uuid("callback_id"))
                .col(uuid("user_id"))
                .col(uuid("organization_id"))
                .col(text("period"))
                .col(timestamp_with_time_zone("period_start"))
                .col(counter("request_count", 1))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "rate_limit_logs",
                    "callback_id",
                    "callbacks",
                    CASCADE,
                ))
                .foreign_key(&mut fk("rate_limit_logs", "user_id", "user", CASCADE))
                .foreign_key(&mut fk(
                    "rate_limit_logs",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("rate_limit_logs", "callback_id"),
                fk_index("rate_limit_logs", "user_id"),
                fk_index("rate_limit_logs", "organization_id"),
                unique(
                    "rate_limit_logs",
                    &["callback_id", "period", "period_start"],
                ),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            m,
            &[
                "rate_limit_logs",
                "action_executions",
                "actions",
                "callback_logs",
                "callbacks",
                "rate_limits",
                "subscriptions",
                "subscription_plans",
                "webhook_idempotency",
                "usage_notifications",
                "usage_events",
                "billing_settings",
                "overage_pricing",
                "plan_limits",
            ],
        )
        .await
    }
}
