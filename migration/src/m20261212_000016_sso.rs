//! Single sign-on: `organization_sso`, an organization's requirement that its members sign in
//! through one OpenID Connect provider (one row per organization: the provider's id from the
//! settings, and the owner who set it, who may still sign in with a password as the way back in
//! when the provider fails). Linked provider accounts use seed 000's `account` table; the
//! short-lived state of a sign-in in progress uses `verification`.

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
                .table("organization_sso")
                .col(id())
                .col(uuid("organization_id"))
                .col(string_len("provider_id", 64))
                .col(uuid_null("required_by"))
                .col(created_at())
                .col(updated_at())
                .foreign_key(&mut fk(
                    "organization_sso",
                    "organization_id",
                    "organization",
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "organization_sso",
                    "required_by",
                    "user",
                    ForeignKeyAction::SetNull,
                ))
                .take(),
            vec![
                unique("organization_sso", &["organization_id"]),
                fk_index("organization_sso", "required_by"),
            ],
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(m, &["organization_sso"]).await
    }
}
