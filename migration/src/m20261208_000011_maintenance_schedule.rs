//! The maintenance scheduler's columns on `incidents`: `next_run_at`, when the scheduler next
//! has something to do with a scheduled maintenance (a reminder, its start, its end; null when
//! nothing), and `claimed_until`, the lease of the scheduler instance working on it (the claim
//! queue, `db::claim`). Shortlinks become unique: the public page finds an incident by its code.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in ["next_run_at", "claimed_until"] {
            m.alter_table(
                Table::alter()
                    .table("incidents")
                    .add_column(timestamp_with_time_zone_null(column))
                    .take(),
            )
            .await?;
        }
        m.create_index(index("incidents", &["next_run_at"])).await?;
        m.create_index(unique("incidents", &["shortlink"])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for name in ["uq_incidents_shortlink", "idx_incidents_next_run_at"] {
            m.drop_index(Index::drop().name(name).table("incidents").to_owned())
                .await?;
        }
        for column in ["claimed_until", "next_run_at"] {
            m.alter_table(Table::alter().table("incidents").drop_column(column).take())
                .await?;
        }
        Ok(())
    }
}
