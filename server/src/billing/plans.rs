//! Plans: what every member may read, what system administrators create and change, and the
//! plan an administrator gives an organization by hand (an invoiced customer). A plan is a
//! `subscription_plans` row and the `plan_limits` row it grants.

use std::collections::HashMap;

use chrono::Utc;
use entity::plan_limits::{self, BillingPlan};
use entity::{organization, subscription_plans, subscriptions};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::Principal;
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::{audit, validate};

/// A plan with the limits it grants.
#[derive(Debug, Clone)]
pub struct Plan {
    pub plan: subscription_plans::Model,
    pub limits: plan_limits::Model,
}

/// How often a plan is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Month,
    Year,
}

impl Interval {
    fn as_str(self) -> &'static str {
        match self {
            Interval::Month => "month",
            Interval::Year => "year",
        }
    }
}

/// A new plan.
#[derive(Debug, Clone)]
pub struct NewPlan {
    pub name: String,
    pub description: Option<String>,
    pub price: f64,
    pub currency: String,
    pub interval: Interval,
    pub features: Vec<String>,
    /// The limits it grants.
    pub limits: BillingPlan,
    pub max_triggers: i32,
    pub max_timeout_duration: i32,
    pub stripe_price_id: Option<String>,
    pub polar_product_id: Option<String>,
    pub is_active: bool,
}

/// Changes to a plan: `None` leaves a field alone; `Some(None)` clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct PlanChanges {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub price: Option<f64>,
    pub currency: Option<String>,
    pub interval: Option<Interval>,
    pub features: Option<Vec<String>>,
    pub limits: Option<BillingPlan>,
    pub max_triggers: Option<i32>,
    pub max_timeout_duration: Option<i32>,
    pub stripe_price_id: Option<Option<String>>,
    pub polar_product_id: Option<Option<String>>,
    pub is_active: Option<bool>,
}

/// The limits `plan` grants: its linked row, else the limits of the same name, else `free`'s.
pub async fn limits_of(
    db: &impl ConnectionTrait,
    plan: &subscription_plans::Model,
) -> AppResult<plan_limits::Model> {
    if let Some(id) = plan.plan_limits_id
        && let Some(limits) = plan_limits::Entity::find_by_id(id).one(db).await?
    {
        return Ok(limits);
    }
    crate::plan::limits_by_name(db, &plan.name).await
}

/// Every plan, cheapest first; inactive ones only for system administrators who ask.
pub async fn list(
    db: &impl ConnectionTrait,
    principal: &Principal,
    include_inactive: bool,
) -> AppResult<Vec<Plan>> {
    if include_inactive {
        principal.system_admin()?;
    }
    let mut query = subscription_plans::Entity::find()
        .order_by_asc(subscription_plans::Column::Price)
        .order_by_asc(subscription_plans::Column::Name);
    if !include_inactive {
        query = query.filter(subscription_plans::Column::IsActive.eq(true));
    }
    let plans = query.all(db).await?;
    with_limits(db, plans).await
}

/// The plans called `names`, with their limits, by name (for the organizations' `plan`).
pub async fn by_names(
    db: &impl ConnectionTrait,
    names: &[String],
) -> AppResult<HashMap<String, Plan>> {
    let plans = subscription_plans::Entity::find()
        .filter(subscription_plans::Column::Name.is_in(names.to_vec()))
        .all(db)
        .await?;
    Ok(with_limits(db, plans)
        .await?
        .into_iter()
        .map(|p| (p.plan.name.clone(), p))
        .collect())
}

/// The subscription row of each organization that has one.
pub async fn subscriptions_of(
    db: &impl ConnectionTrait,
    organization_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, subscriptions::Model>> {
    Ok(subscriptions::Entity::find()
        .filter(subscriptions::Column::OrganizationId.is_in(organization_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.organization_id, s))
        .collect())
}

/// Pairs plans with their limits in two statements, whatever their number.
async fn with_limits(
    db: &impl ConnectionTrait,
    plans: Vec<subscription_plans::Model>,
) -> AppResult<Vec<Plan>> {
    let all: Vec<plan_limits::Model> = plan_limits::Entity::find().all(db).await?;
    let by_id: HashMap<Uuid, &plan_limits::Model> = all.iter().map(|l| (l.id, l)).collect();
    let by_name: HashMap<String, &plan_limits::Model> =
        all.iter().map(|l| (l.plan.to_value(), l)).collect();
    let free = by_name.get(super::FREE_PLAN).copied();
    plans
        .into_iter()
        .map(|plan| {
            let limits = plan
                .plan_limits_id
                .and_then(|id| by_id.get(&id).copied())
                .or_else(|| by_name.get(&plan.name).copied())
                .or(free)
                .cloned()
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no plan limits are seeded")))?;
            Ok(Plan { plan, limits })
        })
        .collect()
}

/// Creates a plan (system administrators).
pub async fn create(state: &AppState, principal: &Principal, input: NewPlan) -> AppResult<Plan> {
    principal.system_admin()?;
    let tx = Tx::begin(state).await?;
    let limits = limits_row(tx.conn(), input.limits).await?;
    let now = Utc::now();
    let row = subscription_plans::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(validate::name("name", &input.name)?),
        description: Set(validate::text(
            "description",
            input.description.as_deref(),
            validate::MAX_TEXT,
        )?),
        price: Set(check_price(input.price)?),
        currency: Set(check_currency(&input.currency)?),
        interval: Set(input.interval.as_str().into()),
        max_triggers: Set(check_range(
            "maxTriggers",
            input.max_triggers,
            0,
            1_000_000_000,
        )?),
        max_timeout_duration: Set(check_range(
            "maxTimeoutDuration",
            input.max_timeout_duration,
            1,
            86_400,
        )?),
        features: Set(check_features(&input.features)?),
        is_active: Set(input.is_active),
        stripe_price_id: Set(check_price_id(input.stripe_price_id.as_deref())?),
        polar_product_id: Set(check_product_id(input.polar_product_id.as_deref())?),
        plan_limits_id: Set(Some(limits.id)),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let plan = row.insert(tx.conn()).await.map_err(taken)?;
    audit::record(
        &tx,
        principal,
        None,
        "billing.plan.create",
        described(&plan),
    )
    .await?;
    tx.commit().await?;
    Ok(Plan { plan, limits })
}

/// Changes a plan (system administrators). Organizations on it keep it under its new name.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    changes: PlanChanges,
) -> AppResult<Plan> {
    principal.system_admin()?;
    let tx = Tx::begin(state).await?;
    let before = subscription_plans::Entity::find_by_id(id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut row: subscription_plans::ActiveModel = before.clone().into();
    apply_changes(tx.conn(), &mut row, changes).await?;
    row.updated_at = Set(Utc::now());
    let plan = row.update(tx.conn()).await.map_err(taken)?;
    if plan.name != before.name {
        // The organizations' plan is its name: they follow the rename.
        organization::Entity::update_many()
            .col_expr(
                organization::Column::SubscriptionPlan,
                sea_orm::sea_query::Expr::value(plan.name.clone()),
            )
            .filter(organization::Column::SubscriptionPlan.eq(before.name.clone()))
            .exec(tx.conn())
            .await?;
    }
    let mut details = described(&plan);
    if let Value::Object(map) = &mut details {
        map.insert("previous".into(), described(&before));
    }
    audit::record(&tx, principal, None, "billing.plan.update", details).await?;
    let limits = limits_of(tx.conn(), &plan).await?;
    tx.commit().await?;
    Ok(Plan { plan, limits })
}

async fn apply_changes(
    db: &impl ConnectionTrait,
    row: &mut subscription_plans::ActiveModel,
    c: PlanChanges,
) -> AppResult<()> {
    if let Some(name) = c.name {
        let name = validate::name("name", &name)?;
        // New organizations, fallbacks and self-hosted instances name the seeded plans.
        let seeded = crate::plan::is_seeded(row.name.as_ref());
        if seeded && &name != row.name.as_ref() {
            return Err(AppError::field(
                "name",
                "the seeded plans free, plus, pro and unlimited keep their names",
            ));
        }
        row.name = Set(name);
    }
    if let Some(description) = c.description {
        row.description = Set(validate::text(
            "description",
            description.as_deref(),
            validate::MAX_TEXT,
        )?);
    }
    if let Some(price) = c.price {
        row.price = Set(check_price(price)?);
    }
    if let Some(currency) = c.currency {
        row.currency = Set(check_currency(&currency)?);
    }
    if let Some(interval) = c.interval {
        row.interval = Set(interval.as_str().into());
    }
    if let Some(features) = c.features {
        row.features = Set(check_features(&features)?);
    }
    if let Some(limits) = c.limits {
        row.plan_limits_id = Set(Some(limits_row(db, limits).await?.id));
    }
    if let Some(max) = c.max_triggers {
        row.max_triggers = Set(check_range("maxTriggers", max, 0, 1_000_000_000)?);
    }
    if let Some(max) = c.max_timeout_duration {
        row.max_timeout_duration = Set(check_range("maxTimeoutDuration", max, 1, 86_400)?);
    }
    if let Some(price) = c.stripe_price_id {
        row.stripe_price_id = Set(check_price_id(price.as_deref())?);
    }
    if let Some(product) = c.polar_product_id {
        row.polar_product_id = Set(check_product_id(product.as_deref())?);
    }
    if let Some(active) = c.is_active {
        row.is_active = Set(active);
    }
    Ok(())
}

/// Puts an organization on a plan by hand (system administrators), e.g. a customer who pays
/// by invoice. A provider's later event about the organization's subscription overrides it.
pub async fn set_organization_plan(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    plan_id: Uuid,
) -> AppResult<organization::Model> {
    principal.system_admin()?;
    let tx = Tx::begin(state).await?;
    let org = organization::Entity::find_by_id(organization_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = subscription_plans::Entity::find_by_id(plan_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let previous = org.subscription_plan.clone();
    let mut row: organization::ActiveModel = org.into();
    row.subscription_plan = Set(Some(plan.name.clone()));
    row.updated_at = Set(Utc::now());
    let org = row.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(org.id),
        "billing.organization_plan.set",
        json!({ "planId": plan.id, "plan": plan.name, "previous": previous }),
    )
    .await?;
    tx.commit().await?;
    Ok(org)
}

/// The active plan `id`, for a checkout; a missing or retired one is `NOT_FOUND`.
pub(super) async fn purchasable(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<subscription_plans::Model> {
    subscription_plans::Entity::find_by_id(id)
        .filter(subscription_plans::Column::IsActive.eq(true))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn limits_row(db: &impl ConnectionTrait, plan: BillingPlan) -> AppResult<plan_limits::Model> {
    plan_limits::Entity::find()
        .filter(plan_limits::Column::Plan.eq(plan))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("limits", "these limits are not seeded"))
}

/// A unique name, price or product taken by another plan.
fn taken(err: sea_orm::DbErr) -> AppError {
    match AppError::from(err) {
        AppError::Conflict(_) => {
            AppError::Conflict("another plan has this name, Stripe price or Polar product".into())
        }
        other => other,
    }
}

fn described(plan: &subscription_plans::Model) -> Value {
    json!({
        "planId": plan.id,
        "name": plan.name,
        "price": plan.price,
        "currency": plan.currency,
        "interval": plan.interval,
        "stripePriceId": plan.stripe_price_id,
        "polarProductId": plan.polar_product_id,
        "isActive": plan.is_active,
    })
}

fn check_price(price: f64) -> AppResult<f64> {
    if price.is_finite() && (0.0..=1_000_000.0).contains(&price) {
        Ok(price)
    } else {
        Err(AppError::field("price", "must be between 0 and 1000000"))
    }
}

fn check_currency(currency: &str) -> AppResult<String> {
    let currency = currency.trim();
    if currency.len() == 3 && currency.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(currency.to_ascii_uppercase())
    } else {
        Err(AppError::field(
            "currency",
            "must be a three-letter ISO 4217 code",
        ))
    }
}

fn check_range(field: &str, value: i32, min: i32, max: i32) -> AppResult<i32> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::field(
            field,
            format!("must be between {min} and {max}"),
        ))
    }
}

fn check_features(features: &[String]) -> AppResult<Value> {
    if features.len() > 50 {
        return Err(AppError::field("features", "at most 50 features"));
    }
    let features = features
        .iter()
        .map(|f| validate::name("features", f))
        .collect::<AppResult<Vec<_>>>()?;
    Ok(json!(features))
}

/// A Stripe price id (`price_…`, or a legacy plan id): letters, digits, `_` and `-`.
fn check_price_id(id: Option<&str>) -> AppResult<Option<String>> {
    let Some(id) = id.map(str::trim).filter(|id| !id.is_empty()) else {
        return Ok(None);
    };
    let ok = id.len() <= 255
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(Some(id.to_owned()))
    } else {
        Err(AppError::field(
            "stripePriceId",
            "must be a Stripe price id such as price_1NxYz…",
        ))
    }
}

/// A Polar product id: a UUID.
fn check_product_id(id: Option<&str>) -> AppResult<Option<String>> {
    let Some(id) = id.map(str::trim).filter(|id| !id.is_empty()) else {
        return Ok(None);
    };
    Uuid::parse_str(id)
        .map(|id| Some(id.to_string()))
        .map_err(|_| AppError::field("polarProductId", "must be a Polar product id (a UUID)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_fields_are_checked_by_name() {
        let field = |r: AppError| match r {
            AppError::Validation { field, .. } => field,
            _ => None,
        };
        assert_eq!(check_price(19.0).ok(), Some(19.0));
        for bad in [-1.0, f64::NAN, f64::INFINITY, 2e6] {
            assert_eq!(
                check_price(bad).err().and_then(field).as_deref(),
                Some("price")
            );
        }
        assert_eq!(check_currency(" eur ").ok().as_deref(), Some("EUR"));
        assert!(check_currency("EURO").is_err());
        assert!(check_currency("€$£").is_err());
        assert_eq!(
            check_price_id(Some("price_1Abc")).ok().flatten().as_deref(),
            Some("price_1Abc")
        );
        assert_eq!(check_price_id(Some("  ")).ok(), Some(None));
        for bad in ["price_1;DROP", "<script>", "a b"] {
            assert_eq!(
                check_price_id(Some(bad)).err().and_then(field).as_deref(),
                Some("stripePriceId")
            );
        }
        let product = "2B4E8F6A-1D3C-4B5A-9E7F-0A1B2C3D4E5F";
        assert_eq!(
            check_product_id(Some(product)).ok().flatten().as_deref(),
            Some("2b4e8f6a-1d3c-4b5a-9e7f-0a1b2c3d4e5f")
        );
        assert!(check_product_id(Some("prod_123")).is_err());
        assert!(check_features(&vec!["x".to_owned(); 51]).is_err());
        assert!(check_features(&["ok".to_owned(), "bad\u{7}".to_owned()]).is_err());
    }
}
