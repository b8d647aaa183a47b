//! Status pages, their components, incidents, templates, subscribers, metrics and postmortems.
//! Components link to monitors of migration 000002.

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
                .table("status_pages")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 255))
                .col(string_len("subdomain", 255))
                .col(string_len("status", 50).default("draft"))
                .col(string_len_null("headline", 255))
                .col(text_null("page_description"))
                .col(string_len_null("support_url", 255))
                .col(string_len_null("timezone", 50))
                .col(flag("allow_page_subscribers", true))
                .col(flag("allow_incident_subscribers", true))
                .col(flag("allow_email_subscribers", true))
                .col(flag("allow_sms_subscribers", false))
                .col(flag("allow_webhook_subscribers", false))
                .col(string_len_null("notifications_from_email", 255))
                .col(text_null("notifications_email_footer"))
                .col(flag("hidden_from_search", false))
                .col(string_len_null("css_body_background_color", 50))
                .col(string_len_null("css_font_color", 50))
                .col(string_len_null("css_light_font_color", 50))
                .col(string_len_null("css_greens", 50))
                .col(string_len_null("css_yellows", 50))
                .col(string_len_null("css_oranges", 50))
                .col(string_len_null("css_blues", 50))
                .col(string_len_null("css_reds", 50))
                .col(string_len_null("css_border_color", 50))
                .col(string_len_null("css_graph_color", 50))
                .col(string_len_null("css_link_color", 50))
                .col(string_len_null("css_no_data", 50))
                .col(string_len_null("favicon_logo", 255))
                .col(string_len_null("transactional_logo", 255))
                .col(string_len_null("hero_cover", 255))
                .col(string_len_null("email_logo", 255))
                .col(string_len_null("twitter_logo", 255))
                .col(string_len_null("custom_domain", 255))
                .col(flag("custom_domain_verified", false))
                .col(json_binary_null("theme"))
                .col(json_binary_null("branding_settings"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "status_pages",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("status_pages", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk(
                    "status_pages",
                    "created_by_user_id",
                    "user",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("status_pages", "organization_id"),
                fk_index("status_pages", "project_id"),
                fk_index("status_pages", "created_by_user_id"),
                unique("status_pages", &["subdomain"]),
                unique("status_pages", &["custom_domain"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("status_page_components")
                .col(id())
                .col(uuid("status_page_id"))
                .col(string_len("name", 255))
                .col(text_null("description"))
                .col(string_len("status", 50).default("operational"))
                .col(flag("showcase", true))
                .col(flag("only_show_if_degraded", false))
                .col(string_len_null("automation_email", 255))
                .col(timestamp_with_time_zone_null("start_date"))
                .col(counter("position", 0))
                .col(string_len("aggregation_method", 50).default("worst_case"))
                .col(counter("failure_threshold", 1))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "status_page_components",
                    "status_page_id",
                    "status_pages",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("status_page_components", "status_page_id"),
                index("status_page_components", &["status_page_id", "position"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("status_page_component_monitors")
                .col(uuid("component_id"))
                .col(uuid("monitor_id"))
                .col(counter("weight", 1))
                .col(created_at())
                .primary_key(Index::create().col("component_id").col("monitor_id"))
                .foreign_key(&mut fk(
                    "status_page_component_monitors",
                    "component_id",
                    "status_page_components",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "status_page_component_monitors",
                    "monitor_id",
                    "monitors",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("status_page_component_monitors", "component_id"),
                fk_index("status_page_component_monitors", "monitor_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("incidents")
                .col(id())
                .col(uuid("status_page_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 255))
                .col(string_len("status", 50).default("investigating"))
                .col(string_len("impact", 50).default("minor"))
                .col(string_len_null("impact_override", 50))
                .col(text_null("body"))
                .col(timestamp_with_time_zone_null("scheduled_for"))
                .col(timestamp_with_time_zone_null("scheduled_until"))
                .col(flag("scheduled_remind_prior", false))
                .col(flag("auto_transition_to_maintenance_state", true))
                .col(flag("auto_transition_to_operational_state", true))
                .col(flag("scheduled_auto_in_progress", true))
                .col(flag("scheduled_auto_completed", true))
                .col(flag("auto_transition_deliver_notifications_at_start", true))
                .col(flag("auto_transition_deliver_notifications_at_end", true))
                .col(string_len_null("reminder_intervals", 255))
                .col(json_binary_null("metadata"))
                .col(flag("deliver_notifications", true))
                .col(timestamp_with_time_zone_null("backfill_date"))
                .col(flag("backfilled", false))
                .col(timestamp_with_time_zone_null("monitoring_at"))
                .col(timestamp_with_time_zone_null("resolved_at"))
                .col(string_len_null("shortlink", 255))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "incidents",
                    "status_page_id",
                    "status_pages",
                    CASCADE,
                ))
                .foreign_key(&mut fk("incidents", "created_by_user_id", "user", SET_NULL))
                .take(),
            vec![
                fk_index("incidents", "status_page_id"),
                fk_index("incidents", "created_by_user_id"),
                index("incidents", &["status_page_id", "created_at"]),
                // The scheduler's scan for maintenances to start, remind or complete.
                index("incidents", &["status", "scheduled_for"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("incident_updates")
                .col(id())
                .col(uuid("incident_id"))
                .col(uuid_null("created_by_user_id"))
                .col(text("body"))
                .col(string_len("status", 50))
                .col(flag("deliver_notifications", true))
                .col(timestamp_with_time_zone_null("display_at"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "incident_updates",
                    "incident_id",
                    "incidents",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "incident_updates",
                    "created_by_user_id",
                    "user",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("incident_updates", "incident_id"),
                fk_index("incident_updates", "created_by_user_id"),
                index("incident_updates", &["incident_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("incident_components")
                .col(id())
                .col(uuid("incident_id"))
                .col(uuid("component_id"))
                .col(string_len_null("old_status", 50))
                .col(string_len("new_status", 50))
                .col(created_at())
                .foreign_key(&mut fk(
                    "incident_components",
                    "incident_id",
                    "incidents",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "incident_components",
                    "component_id",
                    "status_page_components",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("incident_components", "incident_id"),
                fk_index("incident_components", "component_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("incident_templates")
                .col(id())
                .col(uuid("status_page_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 255))
                .col(string_len("title", 255))
                .col(text("body"))
                .col(string_len("update_status", 50).default("investigating"))
                .col(flag("should_send_notifications", true))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "incident_templates",
                    "status_page_id",
                    "status_pages",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "incident_templates",
                    "created_by_user_id",
                    "user",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("incident_templates", "status_page_id"),
                fk_index("incident_templates", "created_by_user_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("incident_template_components")
                .col(id())
                .col(uuid("template_id"))
                .col(uuid("component_id"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "incident_template_components",
                    "template_id",
                    "incident_templates",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "incident_template_components",
                    "component_id",
                    "status_page_components",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("incident_template_components", "template_id"),
                fk_index("incident_template_components", "component_id"),
                unique(
                    "incident_template_components",
                    &["template_id", "component_id"],
                ),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("status_page_subscribers")
                .col(id())
                .col(uuid("status_page_id"))
                .col(string_len_null("email", 255))
                .col(string_len_null("phone_number", 50))
                .col(string_len_null("phone_country", 50))
                .col(string_len_null("endpoint", 255))
                .col(string_len("mode", 50).default("email"))
                .col(flag("skip_confirmation_notification", false))
                .col(timestamp_with_time_zone_null("quarantined_at"))
                .col(timestamp_with_time_zone_null("purge_at"))
                .col(timestamp_with_time_zone_null("verified_at"))
                .col(string_len_null("verification_token", 255))
                .col(string_len_null("unsubscribe_token", 255))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "status_page_subscribers",
                    "status_page_id",
                    "status_pages",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("status_page_subscribers", "status_page_id"),
                // Not unique: email is null for sms, webhook and slack subscribers.
                index("status_page_subscribers", &["status_page_id", "email"]),
                unique("status_page_subscribers", &["verification_token"]),
                unique("status_page_subscribers", &["unsubscribe_token"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("status_page_component_subscriptions")
                .col(id())
                .col(uuid("subscriber_id"))
                .col(uuid("component_id"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "status_page_component_subscriptions",
                    "subscriber_id",
                    "status_page_subscribers",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "status_page_component_subscriptions",
                    "component_id",
                    "status_page_components",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("status_page_component_subscriptions", "subscriber_id"),
                fk_index("status_page_component_subscriptions", "component_id"),
                unique(
                    "status_page_component_subscriptions",
                    &["subscriber_id", "component_id"],
                ),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("status_page_incident_subscriptions")
                .col(id())
                .col(uuid("incident_id"))
                .col(uuid("subscriber_id"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "status_page_incident_subscriptions",
                    "incident_id",
                    "incidents",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "status_page_incident_subscriptions",
                    "subscriber_id",
                    "status_page_subscribers",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("status_page_incident_subscriptions", "incident_id"),
                fk_index("status_page_incident_subscriptions", "subscriber_id"),
                unique(
                    "status_page_incident_subscriptions",
                    &["incident_id", "subscriber_id"],
                ),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("status_page_metrics")
                .col(id())
                .col(uuid("status_page_id"))
                .col(uuid_null("component_id"))
                .col(timestamp_with_time_zone("date"))
                .col(string_len_null("uptime_percentage", 50))
                .col(counter("total_checks", 0))
                .col(counter("successful_checks", 0))
                .col(counter("failed_checks", 0))
                .col(integer_null("average_response_time_ms"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "status_page_metrics",
                    "status_page_id",
                    "status_pages",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "status_page_metrics",
                    "component_id",
                    "status_page_components",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("status_page_metrics", "status_page_id"),
                fk_index("status_page_metrics", "component_id"),
                // One row per component and day. NULLs are distinct in unique indexes on both
                // PostgreSQL and SQLite, so this does not cover the page-level rows...
                unique(
                    "status_page_metrics",
                    &["status_page_id", "component_id", "date"],
                ),
                // ...which this partial unique index does: one page-level row per page and day.
                unique("status_page_metrics", &["status_page_id", "date"])
                    .and_where(Expr::col("component_id").is_null())
                    .take(),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("postmortems")
                .col(id())
                .col(uuid("incident_id"))
                .col(uuid_null("created_by_user_id"))
                .col(text("body"))
                .col(timestamp_with_time_zone_null("body_last_updated_at"))
                .col(flag("ignored", false))
                .col(flag("notified_subscribers", false))
                .col(timestamp_with_time_zone_null("published_at"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("postmortems", "incident_id", "incidents", CASCADE))
                .foreign_key(&mut fk(
                    "postmortems",
                    "created_by_user_id",
                    "user",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("postmortems", "incident_id"),
                fk_index("postmortems", "created_by_user_id"),
                // One postmortem per incident.
                unique("postmortems", &["incident_id"]),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            m,
            &[
                "postmortems",
                "status_page_metrics",
                "status_page_incident_subscriptions",
                "status_page_component_subscriptions",
                "status_page_subscribers",
                "incident_template_components",
                "incident_templates",
                "incident_components",
                "incident_updates",
                "incidents",
                "status_page_component_monitors",
                "status_page_components",
                "status_pages",
            ],
        )
        .await
    }
}
