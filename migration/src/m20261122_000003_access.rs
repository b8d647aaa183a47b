//! API keys and encrypted service credentials. They come after the testing tables because a key
//! may be scoped to a job.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CASCADE: ForeignKeyAction = ForeignKeyAction::Cascade;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create(
            m,
            Table::create()
                .table("apikey")
                .col(id())
                .col(text("name"))
                .col(text("start"))
                .col(text("prefix"))
                .col(text("key"))
                .col(uuid("user_id"))
                .col(uuid_null("job_id"))
                .col(uuid_null("project_id"))
                .col(big_integer_null("refill_interval"))
                .col(big_integer_null("refill_amount"))
                .col(timestamp_with_time_zone_null("last_refill_at"))
                .col(flag("enabled", true))
                .col(flag("rate_limit_enabled", false))
                .col(big_integer_null("rate_limit_time_window"))
                .col(big_integer_null("rate_limit_max"))
                .col(big_integer("request_count").default(0))
                .col(big_integer_null("remaining"))
                .col(timestamp_with_time_zone_null("last_request"))
                .col(timestamp_with_time_zone_null("window_started_at"))
                .col(big_integer("window_count").default(0))
                .col(timestamp_with_time_zone_null("expires_at"))
                .col(created_at())
                .col(updated_at())
                .col(json_binary("permissions"))
                .col(json_binary_null("metadata"))
                .foreign_key(&mut fk("apikey", "user_id", "user", CASCADE))
                .foreign_key(&mut fk("apikey", "job_id", "jobs", CASCADE))
                .foreign_key(&mut fk("apikey", "project_id", "projects", CASCADE))
                .take(),
            vec![
                unique("apikey", &["key"]),
                fk_index("apikey", "user_id"),
                fk_index("apikey", "job_id"),
                fk_index("apikey", "project_id"),
            ],
        )
        .await?;

        create(
            m,
            Table::create()
                .table("service_credentials")
                .col(id())
                .col(uuid("user_id"))
                .col(uuid("organization_id"))
                .col(uuid("project_id"))
                .col(text("name"))
                .col(text("provider"))
                .col(text("secret"))
                .col(json_binary_null("meta"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk("service_credentials", "user_id", "user", CASCADE))
                .foreign_key(&mut fk(
                    "service_credentials",
                    "organization_id",
                    "organization",
                    CASCADE,
                ))
                .foreign_key(&mut fk(
                    "service_credentials",
                    "project_id",
                    "projects",
                    CASCADE,
                ))
                .take(),
            vec![
                fk_index("service_credentials", "user_id"),
                fk_index("service_credentials", "organization_id"),
                fk_index("service_credentials", "project_id"),
                unique("service_credentials", &["project_id", "name"]),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(m, &["service_credentials", "apikey"]).await
    }
}
