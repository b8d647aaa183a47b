//! Status page subscribers' notifications: `status_page_deliveries`, the queue of messages to
//! subscribers (one row per message and subscriber, claimed with a lease like alert
//! deliveries, kept as the record of what was sent); on `status_page_subscribers` the sealed
//! `signing_secret` of webhook subscribers and `failed_deliveries`, the failures in a row that
//! quarantine a subscriber; on `status_page_metrics` the page-level row's daily figures
//! `page_views` (added to by every replica) and the subscriber counts of the day
//! (`subscribers`, `pending_subscribers`, `quarantined_subscribers`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const METRICS: [&str; 4] = [
    "page_views",
    "subscribers",
    "pending_subscribers",
    "quarantined_subscribers",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create(
            m,
            Table::create()
                .table("status_page_deliveries")
                .col(id())
                .col(uuid("status_page_id"))
                .col(uuid("subscriber_id"))
                .col(uuid_null("incident_id"))
                .col(string_len("kind", 50))
                .col(string_len("status", 20).default("pending"))
                .col(json_binary("payload"))
                .col(counter("attempts", 0))
                .col(timestamp_with_time_zone_null("next_attempt_at"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(text_null("error_message"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .col(created_at())
                .foreign_key(&mut fk(
                    "status_page_deliveries",
                    "status_page_id",
                    "status_pages",
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "status_page_deliveries",
                    "subscriber_id",
                    "status_page_subscribers",
                    ForeignKeyAction::Cascade,
                ))
                .take(),
            vec![
                fk_index("status_page_deliveries", "status_page_id"),
                fk_index("status_page_deliveries", "subscriber_id"),
                index("status_page_deliveries", &["status", "next_attempt_at"]),
            ],
        )
        .await?;
        // One column per statement: SQLite alters one thing at a time.
        m.alter_table(
            Table::alter()
                .table("status_page_subscribers")
                .add_column(string_len_null("signing_secret", 255))
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("status_page_subscribers")
                .add_column(counter("failed_deliveries", 0))
                .take(),
        )
        .await?;
        for column in METRICS {
            m.alter_table(
                Table::alter()
                    .table("status_page_metrics")
                    .add_column(counter(column, 0))
                    .take(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in METRICS {
            m.alter_table(
                Table::alter()
                    .table("status_page_metrics")
                    .drop_column(column)
                    .take(),
            )
            .await?;
        }
        for column in ["failed_deliveries", "signing_secret"] {
            m.alter_table(
                Table::alter()
                    .table("status_page_subscribers")
                    .drop_column(column)
                    .take(),
            )
            .await?;
        }
        drop_all(m, &["status_page_deliveries"]).await
    }
}
