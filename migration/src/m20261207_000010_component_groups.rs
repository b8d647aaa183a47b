//! Groups of status page components: components that share a `group_name` are shown together
//! under that heading (as Statuspage's component groups), in the order of their positions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("status_page_components")
                .add_column(string_len_null("group_name", 255))
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("status_page_components")
                .drop_column("group_name")
                .take(),
        )
        .await
    }
}
