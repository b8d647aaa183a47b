//! Billing webhooks, exactly once, for both providers: `stripe.rs` and `polar.rs` verify a
//! delivery and turn it into a [`ProviderEvent`]; [`process`] applies it.
//!
//! Exactly once: the event id is inserted into `webhook_idempotency` in the transaction that
//! applies the event, under a unique key, before anything else is written. A redelivery, or a
//! concurrent duplicate (it waits on the key until the first commits, then inserts nothing),
//! changes nothing and is answered like the first. An event created before the last one
//! applied to the organization's subscription arrived late: it is recorded and changes
//! nothing. An event about no organization Vigil knows is recorded, logged and answered 200,
//! so that the provider does not retry it for days. A failure while applying rolls the whole
//! transaction back, the id included, so that the provider's retry applies it.

use chrono::{DateTime, Duration, Utc};
use entity::subscriptions::{self, SubscriptionProvider, SubscriptionStatus};
use entity::webhook_idempotency::{self, WebhookResultStatus};
use entity::{organization, subscription_plans};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::db::Tx;
use crate::error::AppResult;
use crate::state::AppState;

/// How long an event id is kept: far beyond the providers' retries (Stripe: 3 days).
const KEEP_IDS_DAYS: i64 = 90;

/// One verified event, in Vigil's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderEvent {
    pub provider: SubscriptionProvider,
    /// The provider's event id (Stripe's `evt_…`, the Standard Webhooks `webhook-id`).
    pub id: String,
    /// The provider's event type, e.g. `customer.subscription.updated`.
    pub kind: String,
    /// When the provider created the event: what orders events.
    pub created: DateTime<Utc>,
    pub change: Change,
}

/// What an event says.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A subscription's state (a checkout completed, a subscription created, updated or ended).
    Subscription(SubscriptionState),
    /// An invoice or order was paid, or its payment failed.
    Payment { parties: Parties, paid: bool },
    /// An event Vigil does not act on: recorded, nothing else.
    Ignored,
}

/// Who an event is about, as far as it says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parties {
    /// The organization Vigil's checkout named (`client_reference_id`, `metadata.organizationId`,
    /// Polar's external customer id).
    pub organization_id: Option<Uuid>,
    pub customer_id: Option<String>,
    pub subscription_id: Option<String>,
}

/// What is subscribed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Product {
    StripePrice(String),
    PolarProduct(String),
    /// The plan Vigil's checkout put in the metadata.
    Plan(Uuid),
    Unknown,
}

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Paid (or trialing): the plan applies.
    Active,
    /// A payment failed: the plan applies for the grace period.
    PastDue,
    /// Not paid yet (an incomplete first payment, a paused subscription): nothing changes.
    Pending,
    /// Cancelled, revoked or unpaid for good: back to `free`.
    Ended,
}

/// A subscription's state as an event gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionState {
    pub parties: Parties,
    pub product: Product,
    pub status: Status,
    pub period_start: Option<DateTime<Utc>>,
    pub period_end: Option<DateTime<Utc>>,
    /// `None` when the event does not say (a completed checkout).
    pub cancel_at_period_end: Option<bool>,
}

/// What became of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Applied,
    /// Seen before: nothing changed.
    Duplicate,
    /// Recorded, nothing else changed, for this reason.
    Skipped(String),
}

/// Applies `event` exactly once (see the module's comment).
pub async fn process(state: &AppState, event: &ProviderEvent) -> AppResult<Outcome> {
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    if !claim(&tx, event, now).await? {
        return Ok(Outcome::Duplicate);
    }
    let grace = Duration::days(state.settings.billing.past_due_grace_days);
    let outcome = apply(&tx, event, now, grace).await?;
    let (status, message) = match &outcome {
        Outcome::Skipped(reason) => (WebhookResultStatus::Skipped, Some(reason.clone())),
        _ => (WebhookResultStatus::Success, None),
    };
    webhook_idempotency::Entity::update_many()
        .col_expr(
            webhook_idempotency::Column::ResultStatus,
            sea_orm::sea_query::Expr::value(status),
        )
        .col_expr(
            webhook_idempotency::Column::ResultMessage,
            sea_orm::sea_query::Expr::value(message),
        )
        .filter(webhook_idempotency::Column::WebhookId.eq(&event.id))
        .exec(tx.conn())
        .await?;
    tx.commit().await?;
    if let Outcome::Skipped(reason) = &outcome {
        tracing::info!(provider = ?event.provider, event = %event.id, kind = %event.kind, %reason, "billing webhook recorded without effect");
    }
    Ok(outcome)
}

/// Inserts the event's id; false when it is there already (this delivery is a duplicate).
async fn claim(tx: &Tx, event: &ProviderEvent, now: DateTime<Utc>) -> AppResult<bool> {
    let row = webhook_idempotency::ActiveModel {
        id: Set(Uuid::now_v7()),
        webhook_id: Set(event.id.clone()),
        event_type: Set(event.kind.clone()),
        processed_at: Set(now),
        result_status: Set(None),
        result_message: Set(None),
        expires_at: Set(now + Duration::days(KEEP_IDS_DAYS)),
    };
    let inserted = webhook_idempotency::Entity::insert(row)
        .on_conflict(
            OnConflict::column(webhook_idempotency::Column::WebhookId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
    Ok(inserted == 1)
}

/// The organization, its subscription row (locked on PostgreSQL, so that two events about one
/// organization apply one after the other), and the event's verdict.
async fn apply(
    tx: &Tx,
    event: &ProviderEvent,
    now: DateTime<Utc>,
    grace: Duration,
) -> AppResult<Outcome> {
    let parties = match &event.change {
        Change::Ignored => return Ok(Outcome::Skipped("not an event Vigil acts on".into())),
        Change::Subscription(state) => &state.parties,
        Change::Payment { parties, .. } => parties,
    };
    let Some(org) = locate(tx.conn(), event.provider, parties).await? else {
        tracing::warn!(provider = ?event.provider, event = %event.id, kind = %event.kind, "billing webhook about no known organization");
        return Ok(Outcome::Skipped(
            "no organization matches this event".into(),
        ));
    };
    let row = subscriptions::Entity::find()
        .filter(subscriptions::Column::OrganizationId.eq(org.id))
        .one(tx.conn())
        .await?;
    if let Some(last) = row.as_ref().and_then(|r| r.last_event_at)
        && event.created < last
    {
        return Ok(Outcome::Skipped(
            "older than the state already applied".into(),
        ));
    }
    if let Some(reason) = about_another_subscription(event, parties, row.as_ref()) {
        return Ok(Outcome::Skipped(reason));
    }
    let ctx = Applying {
        tx,
        event,
        org: &org,
        row: row.as_ref(),
        now,
        grace,
    };
    match &event.change {
        Change::Subscription(state) => ctx.subscription(state).await,
        Change::Payment { paid, .. } => ctx.payment(*paid).await,
        Change::Ignored => Ok(Outcome::Skipped("not an event Vigil acts on".into())),
    }
}

/// An event about a subscription of the provider other than the organization's current one
/// changes nothing, unless it starts a paid one (a new subscription replaces the old).
fn about_another_subscription(
    event: &ProviderEvent,
    parties: &Parties,
    row: Option<&subscriptions::Model>,
) -> Option<String> {
    let (Some(row), Some(theirs)) = (row, parties.subscription_id.as_deref()) else {
        return None;
    };
    let current = match event.provider {
        SubscriptionProvider::Stripe => row.stripe_subscription_id.as_deref(),
        SubscriptionProvider::Polar => row.polar_subscription_id.as_deref(),
    };
    let starts = matches!(&event.change, Change::Subscription(s) if s.status == Status::Active);
    match current {
        Some(current) if current != theirs && !starts => {
            Some("about a subscription the organization no longer has".into())
        }
        _ => None,
    }
}

/// The organization an event is about: the one whose subscription it names, else the one
/// Vigil's checkout named, else the one whose customer it names.
async fn locate(
    db: &impl ConnectionTrait,
    provider: SubscriptionProvider,
    parties: &Parties,
) -> AppResult<Option<organization::Model>> {
    use subscriptions::Column as S;
    let (sub_col, customer_col) = match provider {
        SubscriptionProvider::Stripe => (S::StripeSubscriptionId, S::StripeCustomerId),
        SubscriptionProvider::Polar => (S::PolarSubscriptionId, S::PolarCustomerId),
    };
    let mut org_id = None;
    if let Some(sub) = &parties.subscription_id {
        org_id = find_org_by(db, sub_col, sub).await?;
    }
    if org_id.is_none() {
        org_id = parties.organization_id;
    }
    if org_id.is_none()
        && let Some(customer) = &parties.customer_id
    {
        org_id = find_org_by(db, customer_col, customer).await?;
        if org_id.is_none() && provider == SubscriptionProvider::Polar {
            org_id = organization::Entity::find()
                .filter(organization::Column::PolarCustomerId.eq(customer))
                .one(db)
                .await?
                .map(|o| o.id);
        }
    }
    let Some(org_id) = org_id else {
        return Ok(None);
    };
    let mut query = organization::Entity::find_by_id(org_id);
    if crate::db::is_postgres(db) {
        query = query.lock_exclusive();
    }
    Ok(query.one(db).await?)
}

async fn find_org_by(
    db: &impl ConnectionTrait,
    column: subscriptions::Column,
    value: &str,
) -> AppResult<Option<Uuid>> {
    Ok(subscriptions::Entity::find()
        .filter(column.eq(value))
        .one(db)
        .await?
        .map(|s| s.organization_id))
}

/// The plan `product` names, if one does.
pub(super) async fn plan_for(
    db: &impl ConnectionTrait,
    product: &Product,
) -> AppResult<Option<subscription_plans::Model>> {
    use subscription_plans::Column as P;
    let query = subscription_plans::Entity::find();
    let query = match product {
        Product::StripePrice(price) => query.filter(P::StripePriceId.eq(price)),
        Product::PolarProduct(product) => query.filter(P::PolarProductId.eq(product)),
        Product::Plan(id) => query.filter(P::Id.eq(*id)),
        Product::Unknown => return Ok(None),
    };
    Ok(query.one(db).await?)
}

/// The plan an organization gets from a subscription: its plan while active, and while past
/// due within the grace period; `free` once it ended or the grace period ran out.
pub fn granted_plan(
    status: SubscriptionStatus,
    past_due_since: Option<DateTime<Utc>>,
    plan: &str,
    now: DateTime<Utc>,
    grace: Duration,
) -> &str {
    match status {
        SubscriptionStatus::Active => plan,
        SubscriptionStatus::PastDue if past_due_since.is_none_or(|since| now < since + grace) => {
            plan
        }
        _ => super::FREE_PLAN,
    }
}

/// One event being applied to one organization.
struct Applying<'a> {
    tx: &'a Tx,
    event: &'a ProviderEvent,
    org: &'a organization::Model,
    row: Option<&'a subscriptions::Model>,
    now: DateTime<Utc>,
    grace: Duration,
}

impl Applying<'_> {
    async fn subscription(&self, state: &SubscriptionState) -> AppResult<Outcome> {
        let named = plan_for(self.tx.conn(), &state.product).await?;
        let current = match self.row {
            Some(row) => {
                subscription_plans::Entity::find_by_id(row.plan_id)
                    .one(self.tx.conn())
                    .await?
            }
            None => None,
        };
        let Some(plan) = named.or(current) else {
            return Ok(Outcome::Skipped(format!(
                "no plan matches {}",
                describe(&state.product)
            )));
        };
        let status = match state.status {
            Status::Active => SubscriptionStatus::Active,
            Status::PastDue => SubscriptionStatus::PastDue,
            Status::Pending => SubscriptionStatus::Inactive,
            Status::Ended => SubscriptionStatus::Cancelled,
        };
        let past_due_since = (status == SubscriptionStatus::PastDue).then(|| {
            self.row
                .and_then(|r| r.past_due_since)
                .unwrap_or(self.event.created)
        });
        let cancel_at_period_end = state
            .cancel_at_period_end
            .or(self.row.map(|r| r.cancel_at_period_end))
            .unwrap_or(false);
        let written = Written {
            plan_id: plan.id,
            status,
            past_due_since,
            period: (state.period_start, state.period_end),
            cancel_at_period_end,
        };
        let row = self.write_row(&state.parties, &written).await?;
        // A pending subscription grants nothing yet, and takes nothing away.
        let plan_name = match status {
            SubscriptionStatus::Inactive => None,
            _ => Some(granted_plan(
                status,
                past_due_since,
                &plan.name,
                self.now,
                self.grace,
            )),
        };
        self.write_org(&row, plan_name).await?;
        self.audit(&row, &plan.name).await?;
        Ok(Outcome::Applied)
    }

    async fn payment(&self, paid: bool) -> AppResult<Outcome> {
        let Some(row) = self.row else {
            return Ok(Outcome::Skipped(
                "no subscription to apply a payment to".into(),
            ));
        };
        if row.status == SubscriptionStatus::Cancelled {
            return Ok(Outcome::Skipped("the subscription has ended".into()));
        }
        // A failed first payment grants no grace: the plan was never paid for.
        if !paid && row.status == SubscriptionStatus::Inactive {
            return Ok(Outcome::Skipped("the subscription was never paid".into()));
        }
        let plan = subscription_plans::Entity::find_by_id(row.plan_id)
            .one(self.tx.conn())
            .await?
            .ok_or_else(|| anyhow::anyhow!("subscription {} names no plan", row.id))?;
        let (status, past_due_since) = if paid {
            (SubscriptionStatus::Active, None)
        } else {
            (
                SubscriptionStatus::PastDue,
                Some(row.past_due_since.unwrap_or(self.event.created)),
            )
        };
        let written = Written {
            plan_id: row.plan_id,
            status,
            past_due_since,
            period: (None, None),
            cancel_at_period_end: row.cancel_at_period_end,
        };
        let row = self.write_row(&Parties::default(), &written).await?;
        let plan_name = granted_plan(status, past_due_since, &plan.name, self.now, self.grace);
        self.write_org(&row, Some(plan_name)).await?;
        self.audit(&row, &plan.name).await?;
        Ok(Outcome::Applied)
    }

    /// Creates or updates the organization's subscription row; ids and periods the event does
    /// not give stay as they were.
    async fn write_row(&self, parties: &Parties, w: &Written) -> AppResult<subscriptions::Model> {
        let mut row: subscriptions::ActiveModel = match self.row {
            Some(row) => row.clone().into(),
            None => subscriptions::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(self.org.id),
                user_id: Set(None),
                stripe_customer_id: Set(None),
                stripe_subscription_id: Set(None),
                polar_customer_id: Set(None),
                polar_subscription_id: Set(None),
                current_period_start: Set(None),
                current_period_end: Set(None),
                created_at: Set(self.now),
                ..Default::default()
            },
        };
        let (customer, subscription) =
            (parties.customer_id.clone(), parties.subscription_id.clone());
        match self.event.provider {
            SubscriptionProvider::Stripe => {
                if customer.is_some() {
                    row.stripe_customer_id = Set(customer);
                }
                if subscription.is_some() {
                    row.stripe_subscription_id = Set(subscription);
                }
            }
            SubscriptionProvider::Polar => {
                if customer.is_some() {
                    row.polar_customer_id = Set(customer);
                }
                if subscription.is_some() {
                    row.polar_subscription_id = Set(subscription);
                }
            }
        }
        if w.period.0.is_some() {
            row.current_period_start = Set(w.period.0);
        }
        if w.period.1.is_some() {
            row.current_period_end = Set(w.period.1);
        }
        row.provider = Set(self.event.provider);
        row.plan_id = Set(w.plan_id);
        row.status = Set(w.status);
        row.past_due_since = Set(w.past_due_since);
        row.cancel_at_period_end = Set(w.cancel_at_period_end);
        row.last_event_at = Set(Some(self.event.created));
        row.updated_at = Set(self.now);
        Ok(match self.row {
            Some(_) => row.update(self.tx.conn()).await?,
            None => row.insert(self.tx.conn()).await?,
        })
    }

    /// Mirrors the subscription on the organization's columns; `plan` (when given) becomes its
    /// plan, which every limit reads.
    async fn write_org(&self, row: &subscriptions::Model, plan: Option<&str>) -> AppResult<()> {
        let mut org: organization::ActiveModel = self.org.clone().into();
        if let Some(plan) = plan {
            org.subscription_plan = Set(Some(plan.to_owned()));
        }
        org.subscription_status = Set(Some(row.status.to_value()));
        org.subscription_id = Set(match row.provider {
            SubscriptionProvider::Stripe => row.stripe_subscription_id.clone(),
            SubscriptionProvider::Polar => row.polar_subscription_id.clone(),
        });
        if row.provider == SubscriptionProvider::Polar && row.polar_customer_id.is_some() {
            org.polar_customer_id = Set(row.polar_customer_id.clone());
        }
        if self.org.subscription_started_at.is_none() && row.status == SubscriptionStatus::Active {
            org.subscription_started_at = Set(Some(self.now));
        }
        org.subscription_ends_at = Set(match row.status {
            SubscriptionStatus::Cancelled => Some(self.event.created),
            _ if row.cancel_at_period_end => row.current_period_end,
            _ => None,
        });
        org.updated_at = Set(self.now);
        org.update(self.tx.conn()).await?;
        Ok(())
    }

    async fn audit(&self, row: &subscriptions::Model, plan: &str) -> AppResult<()> {
        audit::record_for(
            self.tx,
            None,
            Some(self.org.id),
            "billing.subscription.update",
            json!({
                "provider": row.provider.to_value(),
                "eventId": self.event.id,
                "eventType": self.event.kind,
                "plan": plan,
                "status": row.status.to_value(),
                "cancelAtPeriodEnd": row.cancel_at_period_end,
            }),
        )
        .await
    }
}

/// The state written to a subscription row.
struct Written {
    plan_id: Uuid,
    status: SubscriptionStatus,
    past_due_since: Option<DateTime<Utc>>,
    period: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    cancel_at_period_end: bool,
}

fn describe(product: &Product) -> String {
    match product {
        Product::StripePrice(price) => format!("the Stripe price {price}"),
        Product::PolarProduct(product) => format!("the Polar product {product}"),
        Product::Plan(id) => format!("the plan {id}"),
        Product::Unknown => "what this event subscribes to".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_due_keeps_the_plan_for_the_grace_period_only() {
        let now = Utc::now();
        let grace = Duration::days(7);
        let active = SubscriptionStatus::Active;
        let past_due = SubscriptionStatus::PastDue;
        assert_eq!(granted_plan(active, None, "pro", now, grace), "pro");
        let recent = Some(now - Duration::days(6));
        assert_eq!(granted_plan(past_due, recent, "pro", now, grace), "pro");
        let lapsed = Some(now - Duration::days(7));
        assert_eq!(granted_plan(past_due, lapsed, "pro", now, grace), "free");
        for ended in [SubscriptionStatus::Cancelled, SubscriptionStatus::Inactive] {
            assert_eq!(granted_plan(ended, None, "pro", now, grace), "free");
        }
    }
}
