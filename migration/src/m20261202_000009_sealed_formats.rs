//! The record of the passes that resealed every secret in a newer format (`v2`: bound to
//! the row and field it lives in). Once the pass of a format is recorded, values in the
//! older format are refused rather than resealed: one planted later would otherwise be
//! resealed, and so adopted, by the next start.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        create(
            m,
            Table::create()
                .table("sealed_formats")
                .col(string_len("format", 16).primary_key())
                .col(timestamp_with_time_zone("resealed_at"))
                .take(),
            vec![],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(m, &["sealed_formats"]).await
    }
}
