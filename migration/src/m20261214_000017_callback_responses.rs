//! `callback_logs.response`: what the callback URL answered to a forwarded trigger, its body
//! kept as a bounded prefix (`{contentType, body, bodyBase64, bodyTruncated, bodyBytes}`);
//! null for triggers that were not forwarded and for rows written before this column.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("callback_logs")
                .add_column(json_binary_null("response"))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("callback_logs")
                .drop_column("response")
                .take(),
        )
        .await
    }
}
