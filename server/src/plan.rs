//! Plan limits: what an organization's plan allows (`plan_limits`, seeded by the migrations).

use entity::plan_limits::BillingPlan;
use entity::{organization, plan_limits};
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

/// The limits of a named plan.
pub async fn limits_for(db: &impl ConnectionTrait, plan: &str) -> AppResult<plan_limits::Model> {
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
