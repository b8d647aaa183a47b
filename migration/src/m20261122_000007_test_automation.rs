//! What test automation needs beyond the seeds: a per-job wall-clock limit, cancellation
//! requests that reach the replica running a run, and an index for the cron scheduler.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("jobs")
                .add_column(integer("timeout_seconds").default(600).take())
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("runs")
                .add_column(flag("cancel_requested", false))
                .take(),
        )
        .await?;
        m.create_index(index("jobs", &["next_run_at"])).await?;
        m.create_index(index("runs", &["organization_id", "status"]))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_runs_organization_id_status")
                .table("runs")
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("idx_jobs_next_run_at")
                .table("jobs")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("runs")
                .drop_column("cancel_requested")
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("jobs")
                .drop_column("timeout_seconds")
                .take(),
        )
        .await?;
        Ok(())
    }
}
