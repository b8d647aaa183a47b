//! Inbound signature verification on callbacks: `callbacks.signature`, the signature a
//! callback requires of its triggers (`{"mode": "GITHUB" | "STRIPE" | "STANDARD_WEBHOOKS" |
//! "HMAC", "secret": <sealed>, and for HMAC "header", "encoding", "prefix"}`), null when it
//! requires none.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("callbacks")
                .add_column(json_binary_null("signature"))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("callbacks")
                .drop_column("signature")
                .take(),
        )
        .await
    }
}
