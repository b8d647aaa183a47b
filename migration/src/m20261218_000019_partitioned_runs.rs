//! On PostgreSQL, `runs` (the run queue, and each run's logs) becomes partitioned by month on
//! its UUIDv7 `id`, as migration 18 did for the other tables that grow with traffic (it explains
//! the layout). The conversion is the same: one copy, then every index and every foreign key
//! from or to the table made again from the catalog (`k6_performance_runs` → `runs`).
//! SQLite is left as it is.

use sea_orm_migration::prelude::*;

use crate::m20261216_000018_time_partitions::rebuild;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rebuild(m, &["runs"], true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rebuild(m, &["runs"], false).await
    }
}
