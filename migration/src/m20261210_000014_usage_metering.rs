//! Usage per billing period: the organization's counters of the two meters that had none
//! (`monitor_checks_used`, `callback_triggers_used`, 64-bit: checks add up fast), the lease of
//! the job that rolls an organization's period over (`usage_rollover_until`, the claim
//! queue), the lease of the Polar ingestion on a usage event (`sync_claimed_until`), the closed
//! periods kept for invoices (`usage_periods`, one row per organization and period start), one
//! notice per organization, kind, quota and period (`usage_notifications`, unique: two
//! replicas crossing a threshold at once record and send one), and the overage prices of the
//! paid plans (`overage_pricing`, seeded for `plus` and `pro`; `free` and `unlimited` have
//! none, so their included amounts are all they get).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One notice per organization, kind, quota and period.
const NOTICE_ONCE: &str = "uq_usage_notifications_once";

/// (plan, cents per Playwright minute, per k6 VU-minute, per AI credit).
const OVERAGE: &[(&str, i32, i32, i32)] = &[("plus", 10, 1, 5), ("pro", 8, 1, 4)];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for col in [
            big_integer("monitor_checks_used").default(0).take(),
            big_integer("callback_triggers_used").default(0).take(),
            timestamp_with_time_zone_null("usage_rollover_until"),
        ] {
            m.alter_table(Table::alter().table("organization").add_column(col).take())
                .await?;
        }
        m.create_index(index("organization", &["usage_period_end"]))
            .await?;
        m.alter_table(
            Table::alter()
                .table("usage_events")
                .add_column(timestamp_with_time_zone_null("sync_claimed_until"))
                .take(),
        )
        .await?;
        m.create_index(index(
            "usage_events",
            &["organization_id", "event_name", "created_at"],
        ))
        .await?;
        // Named by hand: the columns' names would pass PostgreSQL's 63 characters.
        m.create_index(
            Index::create()
                .name(NOTICE_ONCE)
                .table("usage_notifications")
                .unique()
                .col("organization_id")
                .col("notification_type")
                .col("resource_type")
                .col("billing_period_start")
                .take(),
        )
        .await?;
        create(
            m,
            Table::create()
                .table("usage_periods")
                .col(id())
                .col(uuid("organization_id"))
                .col(timestamp_with_time_zone("period_start"))
                .col(timestamp_with_time_zone("period_end"))
                .col(text("plan"))
                .col(big_integer("playwright_minutes").default(0))
                .col(big_integer("k6_vu_minutes").default(0))
                .col(big_integer("monitor_checks").default(0))
                .col(big_integer("callback_triggers").default(0))
                .col(big_integer("ai_credits").default(0))
                .col(big_integer("overage_cents").default(0))
                .col(timestamp_with_time_zone("closed_at"))
                .foreign_key(&mut fk(
                    "usage_periods",
                    "organization_id",
                    "organization",
                    ForeignKeyAction::Cascade,
                ))
                .take(),
            vec![
                fk_index("usage_periods", "organization_id"),
                unique("usage_periods", &["organization_id", "period_start"]),
            ],
        )
        .await?;
        seed_overage(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        drop_all(m, &["usage_periods"]).await?;
        for (name, table) in [
            (NOTICE_ONCE, "usage_notifications"),
            (
                "idx_usage_events_organization_id_event_name_created_at",
                "usage_events",
            ),
            ("idx_organization_usage_period_end", "organization"),
        ] {
            m.drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        m.alter_table(
            Table::alter()
                .table("usage_events")
                .drop_column("sync_claimed_until")
                .take(),
        )
        .await?;
        for col in [
            "monitor_checks_used",
            "callback_triggers_used",
            "usage_rollover_until",
        ] {
            m.alter_table(Table::alter().table("organization").drop_column(col).take())
                .await?;
        }
        let db = m.get_connection();
        for (plan, ..) in OVERAGE {
            db.execute(
                &Query::delete()
                    .from_table("overage_pricing")
                    .and_where(Expr::col("plan").eq(*plan))
                    .take(),
            )
            .await?;
        }
        Ok(())
    }
}

async fn seed_overage(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    for (plan, playwright, k6, ai) in OVERAGE {
        let exists = db
            .query_one(
                &Query::select()
                    .expr(Expr::val(1))
                    .from("overage_pricing")
                    .and_where(Expr::col("plan").eq(*plan))
                    .take(),
            )
            .await?
            .is_some();
        if exists {
            continue;
        }
        db.execute(
            &Query::insert()
                .into_table("overage_pricing")
                .columns([
                    "id",
                    "plan",
                    "playwright_minute_price_cents",
                    "k6_vu_minute_price_cents",
                    "ai_credit_price_cents",
                ])
                .values_panic([
                    uuid::Uuid::now_v7().into(),
                    (*plan).into(),
                    (*playwright).into(),
                    (*k6).into(),
                    (*ai).into(),
                ])
                .take(),
        )
        .await?;
    }
    Ok(())
}
