//! Plan limits: what an organization's plan allows (`plan_limits`, seeded by the migrations).
//! An organization's plan is a `subscription_plans` name; the plan grants the limits it links
//! (`plan_limits_id`), and a name without a plan row the limits of the same name.

use entity::plan_limits::BillingPlan;
use entity::{organization, plan_limits, subscription_plans};
use sea_orm::{ActiveEnum, ColumnTrait, ConnectionTrait, EntityTrait, Iterable, QueryFilter};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// The limits of `org_id`'s plan (`free` when the organization has none).
pub async fn limits(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<plan_limits::Model> {
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    limits_for(db, org.subscription_plan.as_deref().unwrap_or("free")).await
}

/// The plan called `name` (`free` for anything unknown).
pub fn parse(name: &str) -> BillingPlan {
    BillingPlan::iter()
        .find(|p| p.to_value() == name)
        .unwrap_or(BillingPlan::Free)
}

/// Whether `name` is one of the seeded plans (`free`, `plus`, `pro`, `unlimited`).
pub fn is_seeded(name: &str) -> bool {
    BillingPlan::iter().any(|p| p.to_value() == name)
}

/// The limits of a named plan.
pub async fn limits_for(db: &impl ConnectionTrait, plan: &str) -> AppResult<plan_limits::Model> {
    let linked = subscription_plans::Entity::find()
        .filter(subscription_plans::Column::Name.eq(plan))
        .one(db)
        .await?
        .and_then(|p| p.plan_limits_id);
    if let Some(id) = linked
        && let Some(limits) = plan_limits::Entity::find_by_id(id).one(db).await?
    {
        return Ok(limits);
    }
    limits_by_name(db, plan).await
}

/// The limits of the same name as `plan` (`free`'s for any other name).
pub async fn limits_by_name(
    db: &impl ConnectionTrait,
    plan: &str,
) -> AppResult<plan_limits::Model> {
    plan_limits::Entity::find()
        .filter(plan_limits::Column::Plan.eq(parse(plan)))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!(
                "the plan limits of {plan:?} are not seeded"
            ))
        })
}
