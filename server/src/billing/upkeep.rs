//! Billing upkeep, cloud mode only: organizations whose payment failed more than the grace
//! period ago (`billing.past_due_grace_days`) fall back to `free` (a payment the provider
//! recovers later restores their plan), and processed webhook ids past their expiry are
//! forgotten. Safe on any number of replicas: each downgrade is one conditional update whose
//! audit row is written only by the process that changed the row.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use entity::subscriptions::{self, SubscriptionStatus};
use entity::{organization, webhook_idempotency};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use super::FREE_PLAN;
use crate::audit;
use crate::db::Tx;
use crate::error::AppResult;
use crate::state::AppState;

/// How often the loop runs.
pub const EVERY: StdDuration = StdDuration::from_secs(600);

/// What one step did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Done {
    /// Organizations moved to `free` because their grace period ran out.
    pub lapsed: u64,
    /// Webhook ids forgotten.
    pub forgotten: u64,
}

/// One step at `now` (tests pass a later clock).
pub async fn run_once(state: &AppState, now: DateTime<Utc>) -> AppResult<Done> {
    let grace = Duration::days(state.settings.billing.past_due_grace_days);
    let lapsed = subscriptions::Entity::find()
        .filter(subscriptions::Column::Status.eq(SubscriptionStatus::PastDue))
        .filter(subscriptions::Column::PastDueSince.lte(now - grace))
        .all(&state.db)
        .await?;
    let mut done = Done::default();
    for subscription in lapsed {
        if lapse(state, &subscription, now).await? {
            done.lapsed += 1;
        }
    }
    done.forgotten = webhook_idempotency::Entity::delete_many()
        .filter(webhook_idempotency::Column::ExpiresAt.lt(now))
        .exec(&state.db)
        .await?
        .rows_affected;
    Ok(done)
}

/// Moves one organization to `free`; false when another process (or an earlier step) did.
async fn lapse(
    state: &AppState,
    subscription: &subscriptions::Model,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let tx = Tx::begin(state).await?;
    let changed = organization::Entity::update_many()
        .col_expr(
            organization::Column::SubscriptionPlan,
            sea_orm::sea_query::Expr::value(FREE_PLAN),
        )
        .col_expr(
            organization::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(organization::Column::Id.eq(subscription.organization_id))
        .filter(organization::Column::SubscriptionPlan.ne(FREE_PLAN))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if changed == 1 {
        audit::record_for(
            &tx,
            None,
            Some(subscription.organization_id),
            "billing.plan.lapse",
            json!({
                "reason": "payment failed and the grace period ended",
                "pastDueSince": subscription.past_due_since,
                "plan": FREE_PLAN,
            }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(changed == 1)
}
