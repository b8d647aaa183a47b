//! Users, authentication, organizations, projects and what hangs directly off them.

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
                .table("user")
                .col(id())
                .col(text("name"))
                .col(text("email"))
                .col(flag("email_verified", false))
                .col(text_null("image"))
                .col(created_at())
                .col(updated_at())
                .col(text("role").default("user"))
                .col(flag("banned", false))
                .col(text_null("ban_reason"))
                .col(timestamp_with_time_zone_null("ban_expires"))
                .col(text_null("display_name"))
                .col(text_null("totp_secret"))
                .col(flag("totp_enabled", false))
                .col(big_integer_null("totp_last_step"))
                .col(flag("is_active", true))
                .col(text_null("slack_webhook_url"))
                .col(counter("failed_sign_in_count", 0))
                .col(timestamp_with_time_zone_null("sign_in_locked_until"))
                .take(),
            vec![unique("user", &["email"])],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("organization")
                .col(id())
                .col(text("name"))
                .col(text("slug"))
                .col(text_null("logo"))
                .col(created_at())
                .col(updated_at())
                .col(json_binary_null("metadata"))
                .col(text_null("polar_customer_id"))
                .col(text_null("subscription_plan"))
                .col(text_null("subscription_status"))
                .col(text_null("subscription_id"))
                .col(timestamp_with_time_zone_null("subscription_started_at"))
                .col(timestamp_with_time_zone_null("subscription_ends_at"))
                .col(counter("playwright_minutes_used", 0))
                .col(counter("k6_vu_minutes_used", 0))
                .col(counter("ai_credits_used", 0))
                .col(timestamp_with_time_zone_null("usage_period_start"))
                .col(timestamp_with_time_zone_null("usage_period_end"))
                .take(),
            vec![unique("organization", &["slug"])],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("projects")
                .col(id())
                .col(uuid("organization_id"))
                .col(string_len("name", 255))
                .col(string_len("slug", 255))
                .col(text_null("description"))
                .col(flag("is_default", false))
                .col(string_len("status", 50).default("active"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "projects",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("projects", "organization_id"),
                unique("projects", &["organization_id", "slug"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("session")
                .col(id())
                .col(timestamp_with_time_zone("expires_at"))
                .col(text("token"))
                .col(created_at())
                .col(updated_at())
                .col(text_null("ip_address"))
                .col(text_null("user_agent"))
                .col(uuid("user_id"))
                .col(uuid_null("active_organization_id"))
                .col(uuid_null("active_project_id"))
                .col(uuid_null("impersonated_by"))
                .foreign_key(&mut fk("session", "user_id", "user", CASCADE))
                .foreign_key(&mut fk(
                    "session",
                    "active_organization_id",
                    "organization",
                    SET_NULL,
                ))
                .foreign_key(&mut fk(
                    "session",
                    "active_project_id",
                    "projects",
                    SET_NULL,
                ))
                .foreign_key(&mut fk("session", "impersonated_by", "user", CASCADE))
                .take(),
            vec![
                unique("session", &["token"]),
                fk_index("session", "user_id"),
                fk_index("session", "active_organization_id"),
                fk_index("session", "active_project_id"),
                fk_index("session", "impersonated_by"),
                index("session", &["expires_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("account")
                .col(id())
                .col(text("account_id"))
                .col(text("provider_id"))
                .col(uuid("user_id"))
                .col(text_null("access_token"))
                .col(text_null("refresh_token"))
                .col(text_null("id_token"))
                .col(timestamp_with_time_zone_null("access_token_expires_at"))
                .col(timestamp_with_time_zone_null("refresh_token_expires_at"))
                .col(text_null("scope"))
                .col(text_null("password"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("account", "user_id", "user", CASCADE))
                .take(),
            vec![
                fk_index("account", "user_id"),
                unique("account", &["provider_id", "account_id"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("verification")
                .col(id())
                .col(text("identifier"))
                .col(text("value"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(created_at())
                .col(updated_at())
                .take(),
            vec![
                index("verification", &["identifier"]),
                unique("verification", &["value"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("member")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("user_id"))
                .col(text("role"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "member",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("member", "user_id", "user", CASCADE))
                .take(),
            vec![
                fk_index("member", "organization_id"),
                fk_index("member", "user_id"),
                unique("member", &["organization_id", "user_id"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("invitation")
                .col(id())
                .col(uuid("organization_id"))
                .col(text("email"))
                .col(text("role"))
                .col(text("status").default("pending"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(uuid("inviter_id"))
                .col(json_binary_null("selected_projects"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "invitation",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk("invitation", "inviter_id", "user", CASCADE))
                .take(),
            vec![
                fk_index("invitation", "organization_id"),
                fk_index("invitation", "inviter_id"),
                index("invitation", &["email"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("project_members")
                .col(id())
                .col(uuid("user_id"))
                .col(uuid("project_id"))
                .col(string_len("role", 50))
                .col(created_at())
                .foreign_key(&mut fk("project_members", "user_id", "user", CASCADE))
                .foreign_key(&mut fk(
                    "project_members",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("project_members", "user_id"),
                fk_index("project_members", "project_id"),
                unique("project_members", &["project_id", "user_id"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("project_variables")
                .col(id())
                .col(uuid("project_id"))
                .col(string_len("key", 255))
                .col(text("value").default(""))
                .col(text_null("encrypted_value"))
                .col(flag("is_secret", false))
                .col(text_null("description"))
                .col(uuid_null("created_by_user_id"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "project_variables",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "project_variables",
                    "created_by_user_id",
                    "user",
                    SET_NULL,
                ))
                .take(),
            vec![
                fk_index("project_variables", "project_id"),
                fk_index("project_variables", "created_by_user_id"),
                unique("project_variables", &["project_id", "key"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("tags")
                .col(id())
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(uuid_null("created_by_user_id"))
                .col(string_len("name", 100))
                .col(string_len_null("color", 50))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("tags", "organization_id", "organization", CASCADE))
                .foreign_key(&mut fk("tags", "project_id", "projects", CASCADE))
                .foreign_key(&mut fk("tags", "created_by_user_id", "user", SET_NULL))
                .take(),
            vec![
                fk_index("tags", "organization_id"),
                fk_index("tags", "project_id"),
                fk_index("tags", "created_by_user_id"),
                unique("tags", &["project_id", "name"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("audit_logs")
                .col(id())
                .col(uuid_null("user_id"))
                .col(uuid_null("organization_id"))
                .col(string_len("action", 255))
                .col(json_binary_null("details"))
                .col(created_at())
                .foreign_key(&mut fk("audit_logs", "user_id", "user", SET_NULL))
                .foreign_key(&mut fk(
                    "audit_logs",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("audit_logs", "user_id"),
                fk_index("audit_logs", "organization_id"),
                index("audit_logs", &["organization_id", "created_at"]),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("notifications")
                .col(id())
                .col(uuid("user_id"))
                .col(string_len("type", 50))
                .col(json_binary("content"))
                .col(string_len("status", 50).default("pending"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .col(timestamp_with_time_zone_null("read_at"))
                .col(created_at())
                .foreign_key(&mut fk("notifications", "user_id", "user", CASCADE))
                .take(),
            vec![
                fk_index("notifications", "user_id"),
                index("notifications", &["user_id", "created_at"]),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(
            m,
            &[
                "notifications",
                "audit_logs",
                "tags",
                "project_variables",
                "project_members",
                "invitation",
                "member",
                "verification",
                "account",
                "session",
                "projects",
                "organization",
                "user",
            ],
        )
        .await
    }
}
