//! Billing links: a priced plan (`subscription_plans`) names the limits it grants
//! (`plan_limits_id`, so that several priced plans, a monthly and a yearly one, can grant the
//! same limits) and the Polar product that sells it (`polar_product_id`, beside the Stripe
//! price it already had). A subscription keeps the time of the last provider event applied to
//! it (`last_event_at`: an older event arriving late changes nothing) and since when it is past
//! due (`past_due_since`: the grace period runs from there).
//!
//! The seeded plans are linked to the limits of the same name. SQLite cannot add a foreign key
//! to an existing table, so `plan_limits_id` is a plain indexed column that the billing domain
//! checks on every write.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::{index, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [uuid_null("plan_limits_id"), text_null("polar_product_id")] {
            m.alter_table(
                Table::alter()
                    .table("subscription_plans")
                    .add_column(col)
                    .take(),
            )
            .await?;
        }
        m.create_index(index("subscription_plans", &["plan_limits_id"]))
            .await?;
        m.create_index(unique("subscription_plans", &["polar_product_id"]))
            .await?;
        for col in [
            timestamp_with_time_zone_null("last_event_at"),
            timestamp_with_time_zone_null("past_due_since"),
        ] {
            m.alter_table(Table::alter().table("subscriptions").add_column(col).take())
                .await?;
        }
        // The seeded plans carry the limits of the same name.
        let db = m.get_connection();
        db.execute(
            &Query::update()
                .table("subscription_plans")
                .value(
                    "plan_limits_id",
                    Expr::cust(
                        "(SELECT plan_limits.id FROM plan_limits \
                         WHERE plan_limits.plan = subscription_plans.name)",
                    ),
                )
                .and_where(Expr::col("plan_limits_id").is_null())
                .take(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("uq_subscription_plans_polar_product_id")
                .table("subscription_plans")
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("idx_subscription_plans_plan_limits_id")
                .table("subscription_plans")
                .to_owned(),
        )
        .await?;
        for col in ["plan_limits_id", "polar_product_id"] {
            m.alter_table(
                Table::alter()
                    .table("subscription_plans")
                    .drop_column(col)
                    .take(),
            )
            .await?;
        }
        for col in ["last_event_at", "past_due_since"] {
            m.alter_table(
                Table::alter()
                    .table("subscriptions")
                    .drop_column(col)
                    .take(),
            )
            .await?;
        }
        Ok(())
    }
}
