//! Checkout and portal links for an organization's owners and admins. Nothing is written:
//! the provider's webhooks bring the result back (`webhook.rs`).
//!
//! The links return to the organization's billing page of the web app
//! (`{base_url}/organizations/{id}/billing`), with `?checkout=success` or
//! `?checkout=cancelled` after a checkout.

use entity::subscriptions::{self, SubscriptionProvider, SubscriptionStatus};
use entity::{organization, subscription_plans};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{plans, polar, require_enabled, stripe};
use crate::auth::{Level, Principal};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What a link is made for: an organization the caller administers, its subscription row,
/// and the plan to sell.
struct Buyer {
    organization: organization::Model,
    subscription: Option<subscriptions::Model>,
    email: String,
}

async fn buyer(state: &AppState, principal: &Principal, organization_id: Uuid) -> AppResult<Buyer> {
    require_enabled(&state.settings)?;
    let access = principal
        .org(&state.db, organization_id, Level::OrgAdmin)
        .await?;
    let subscription = subscriptions::Entity::find()
        .filter(subscriptions::Column::OrganizationId.eq(organization_id))
        .one(&state.db)
        .await?;
    Ok(Buyer {
        organization: access.organization,
        subscription,
        email: principal.user.email.clone(),
    })
}

impl Buyer {
    /// A second running subscription would bill twice: plan changes go through the portal.
    fn must_not_be_subscribed(&self) -> AppResult<()> {
        let running = self.subscription.as_ref().is_some_and(|s| {
            matches!(
                s.status,
                SubscriptionStatus::Active | SubscriptionStatus::PastDue
            )
        });
        if running {
            return Err(AppError::Conflict(
                "the organization already has a subscription: change or cancel it in the billing portal"
                    .into(),
            ));
        }
        Ok(())
    }

    fn page(&self, base_url: &str) -> String {
        format!("{base_url}/organizations/{}/billing", self.organization.id)
    }
}

async fn plan(state: &AppState, plan_id: Uuid) -> AppResult<subscription_plans::Model> {
    plans::purchasable(&state.db, plan_id).await
}

/// A Stripe checkout for `plan_id` (organization owners and admins); its URL. The checkout
/// carries the organization id (`client_reference_id`, `metadata.organizationId` on the
/// session and the subscription) and reuses the organization's Stripe customer.
pub async fn stripe_checkout(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    plan_id: Uuid,
) -> AppResult<String> {
    let buyer = buyer(state, principal, organization_id).await?;
    let plan = plan(state, plan_id).await?;
    let price = plan
        .stripe_price_id
        .as_deref()
        .ok_or_else(|| AppError::field("planId", "this plan is not sold through Stripe"))?;
    buyer.must_not_be_subscribed()?;
    let page = buyer.page(&state.settings.base_url());
    let customer = buyer
        .subscription
        .as_ref()
        .and_then(|s| s.stripe_customer_id.as_deref());
    stripe::checkout_session(
        &state.settings.billing,
        stripe::CheckoutRequest {
            organization_id,
            plan_id: plan.id,
            price,
            customer,
            email: Some(&buyer.email),
            success_url: format!("{page}?checkout=success&session_id={{CHECKOUT_SESSION_ID}}"),
            cancel_url: format!("{page}?checkout=cancelled"),
        },
    )
    .await
}

/// A Stripe billing portal session for the organization's Stripe customer; its URL.
pub async fn stripe_portal(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
) -> AppResult<String> {
    let buyer = buyer(state, principal, organization_id).await?;
    let customer = buyer
        .subscription
        .as_ref()
        .and_then(|s| s.stripe_customer_id.as_deref())
        .ok_or_else(|| {
            AppError::Conflict(
                "the organization has no Stripe customer yet: subscribe first".into(),
            )
        })?;
    stripe::portal_session(
        &state.settings.billing,
        customer,
        buyer.page(&state.settings.base_url()),
    )
    .await
}

/// The organization's Polar customer, when Vigil knows it.
fn polar_customer(buyer: &Buyer) -> Option<&str> {
    buyer
        .subscription
        .as_ref()
        .filter(|s| s.provider == SubscriptionProvider::Polar)
        .and_then(|s| s.polar_customer_id.as_deref())
        .or(buyer.organization.polar_customer_id.as_deref())
}

/// A Polar checkout for `plan_id` (organization owners and admins); its URL. The checkout
/// carries the organization id (`metadata.organizationId`, and as the customer's external id).
pub async fn polar_checkout(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    plan_id: Uuid,
) -> AppResult<String> {
    let buyer = buyer(state, principal, organization_id).await?;
    let plan = plan(state, plan_id).await?;
    let product = plan
        .polar_product_id
        .as_deref()
        .ok_or_else(|| AppError::field("planId", "this plan is not sold through Polar"))?;
    buyer.must_not_be_subscribed()?;
    let page = buyer.page(&state.settings.base_url());
    polar::checkout(
        &state.settings.billing,
        polar::CheckoutRequest {
            organization_id,
            plan_id: plan.id,
            product,
            customer: polar_customer(&buyer),
            email: Some(&buyer.email),
            success_url: format!("{page}?checkout=success&checkout_id={{CHECKOUT_ID}}"),
        },
    )
    .await
}

/// A Polar customer portal session for the organization; its URL.
pub async fn polar_portal(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
) -> AppResult<String> {
    let buyer = buyer(state, principal, organization_id).await?;
    let customer = polar_customer(&buyer);
    if customer.is_none() && buyer.subscription.is_none() {
        return Err(AppError::Conflict(
            "the organization has no Polar customer yet: subscribe first".into(),
        ));
    }
    polar::portal(
        &state.settings.billing,
        customer,
        organization_id,
        buyer.page(&state.settings.base_url()),
    )
    .await
}
