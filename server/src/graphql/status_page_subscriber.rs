//! Subscribers of status pages (editors add, remove and release them; viewers list and
//! export them) and a page's daily views and subscriber counts (`StatusPage.metrics`).

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::status_page_subscribers::{self as subscribers, SubscriberMode};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::status_page::metrics;
use crate::status_page::subscriber::{
    self, Follows, NewSubscriber, SubscriberFilter, SubscriberState,
};
use crate::validate;

/// How a subscriber is reached.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "SubscriberMode")]
pub enum StatusPageSubscriberMode {
    Email,
    Sms,
    Webhook,
    /// A Slack incoming webhook.
    Slack,
}

/// Where a subscriber stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "SubscriberState")]
pub enum StatusPageSubscriberState {
    /// Waiting for its confirmation; receives nothing else.
    Pending,
    /// Receives the page's notifications.
    Active,
    /// Receives nothing after repeated failed deliveries, until cleared or purged.
    Quarantined,
}

/// Someone or something told of a status page's incidents, maintenance and postmortems.
pub struct StatusPageSubscriber(pub subscribers::Model);

#[Object]
impl StatusPageSubscriber {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status_page_id(&self) -> ID {
        ID(self.0.status_page_id.to_string())
    }
    async fn mode(&self) -> StatusPageSubscriberMode {
        self.0.mode.into()
    }
    async fn state(&self) -> StatusPageSubscriberState {
        subscriber::state_of(&self.0).into()
    }
    /// The address of an email subscriber.
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    /// The number of an SMS subscriber, E.164.
    async fn phone_number(&self) -> Option<&str> {
        self.0.phone_number.as_deref()
    }
    /// The country of an SMS subscriber's number (ISO 3166-1 alpha-2).
    async fn phone_country(&self) -> Option<&str> {
        self.0.phone_country.as_deref()
    }
    /// The URL a webhook or Slack subscriber is posted to.
    async fn endpoint(&self) -> Option<&str> {
        self.0.endpoint.as_deref()
    }
    /// Added by an editor without a confirmation message.
    async fn skip_confirmation_notification(&self) -> bool {
        self.0.skip_confirmation_notification
    }
    /// When the subscription was confirmed (at once for webhooks, Slack and editors' skips).
    async fn confirmed_at(&self) -> Option<DateTime<Utc>> {
        self.0.verified_at
    }
    async fn quarantined_at(&self) -> Option<DateTime<Utc>> {
        self.0.quarantined_at
    }
    /// When the subscriber is deleted: an unconfirmed one after 7 days, a quarantined one
    /// after 30.
    async fn purge_at(&self) -> Option<DateTime<Utc>> {
        self.0.purge_at
    }
    /// Failed deliveries in a row (3 quarantine it).
    async fn failed_deliveries(&self) -> i32 {
        self.0.failed_deliveries
    }
    /// The components it follows; empty: the whole page (or one incident).
    async fn component_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        Ok(follows(ctx, self.0.id)
            .await?
            .component_ids
            .iter()
            .map(|id| ID(id.to_string()))
            .collect())
    }
    /// The incidents it follows.
    async fn incident_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        Ok(follows(ctx, self.0.id)
            .await?
            .incident_ids
            .iter()
            .map(|id| ID(id.to_string()))
            .collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

async fn follows(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Follows> {
    Ok(ctx
        .loaders()
        .subscriber_follows
        .load_one(id)
        .await?
        .unwrap_or_default())
}

/// What each subscriber follows.
pub struct SubscriberFollowsLoader(pub DatabaseConnection);

impl Loader<Uuid> for SubscriberFollowsLoader {
    type Value = Follows;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Follows>, async_graphql::Error> {
        Ok(subscriber::follows(&self.0, keys).await?)
    }
}

/// Which subscribers to list.
#[derive(InputObject, Default)]
pub struct StatusPageSubscriberFilter {
    pub mode: Option<StatusPageSubscriberMode>,
    pub state: Option<StatusPageSubscriberState>,
    /// Part of the address (email, number or URL), any case.
    pub search: Option<String>,
}

/// A subscriber an editor adds.
#[derive(InputObject)]
pub struct AddStatusPageSubscriberInput {
    pub status_page_id: ID,
    pub mode: StatusPageSubscriberMode,
    /// For EMAIL.
    pub email: Option<String>,
    /// For SMS: E.164, such as `+14155550123`.
    pub phone_number: Option<String>,
    /// For SMS: ISO 3166-1 alpha-2, such as `US`.
    pub phone_country: Option<String>,
    /// For WEBHOOK and SLACK: the URL posted to (the outbound policy applies).
    pub endpoint: Option<String>,
    /// Only incidents affecting these components of the page; none: every one.
    #[graphql(default)]
    pub component_ids: Vec<ID>,
    /// Only this incident of the page.
    pub incident_id: Option<ID>,
    /// Active at once, without a confirmation message (EMAIL and SMS).
    #[graphql(default)]
    pub skip_confirmation_notification: bool,
}

/// A new subscriber, and the signing secret of a webhook, shown this once.
#[derive(SimpleObject)]
pub struct AddedStatusPageSubscriber {
    pub subscriber: StatusPageSubscriber,
    /// The secret a WEBHOOK subscriber's requests are signed with (`whsec_…`: the Standard
    /// Webhooks headers, and `X-Vigil-Signature`); shown only here.
    pub signing_secret: Option<String>,
}

/// One day of a page's figures.
#[derive(SimpleObject)]
pub struct StatusPageDayMetrics {
    /// Midnight UTC.
    pub date: DateTime<Utc>,
    /// Views of the public page's HTML that day.
    pub page_views: i32,
    /// Active subscribers as last counted that day (null: not counted).
    pub subscribers: Option<i32>,
    pub pending_subscribers: Option<i32>,
    pub quarantined_subscribers: Option<i32>,
}

/// `StatusPage.metrics(days)`: the last `days` days of page `page_id`, oldest first.
pub async fn metrics(
    ctx: &Context<'_>,
    page_id: Uuid,
    days: i32,
) -> async_graphql::Result<Vec<StatusPageDayMetrics>> {
    let days = u32::try_from(days)
        .ok()
        .filter(|d| (1..=metrics::MAX_DAYS).contains(d))
        .ok_or_else(|| {
            crate::error::AppError::field(
                "days",
                format!("must be between 1 and {}", metrics::MAX_DAYS),
            )
        })?;
    let rows = metrics::daily(ctx.state(), ctx.principal()?, page_id, days, Utc::now()).await?;
    Ok(rows
        .into_iter()
        .map(|day| StatusPageDayMetrics {
            date: day.date,
            page_views: day.page_views,
            subscribers: day.subscribers.map(|s| s.0),
            pending_subscribers: day.subscribers.map(|s| s.1),
            quarantined_subscribers: day.subscribers.map(|s| s.2),
        })
        .collect())
}

#[derive(Default)]
pub struct StatusPageSubscriberQuery;

#[Object]
impl StatusPageSubscriberQuery {
    /// Subscribers of a status page, oldest first (project viewers).
    async fn status_page_subscribers(
        &self,
        ctx: &Context<'_>,
        status_page_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<StatusPageSubscriberFilter>,
    ) -> async_graphql::Result<Page<StatusPageSubscriber>> {
        let page_id = validate::id("statusPageId", &status_page_id)?;
        let request = page_request(ctx, first, after.as_deref())?;
        let filter = filter.unwrap_or_default();
        let search = validate::text("search", filter.search.as_deref(), 200)?;
        let filter = SubscriberFilter {
            mode: filter.mode.map(Into::into),
            state: filter.state.map(Into::into),
            search,
        };
        let rows =
            subscriber::list(ctx.state(), ctx.principal()?, page_id, filter, request).await?;
        Ok(connection(request, rows, |s| s.id, StatusPageSubscriber))
    }

    /// Every subscriber of a status page as CSV text, a header line first (project viewers).
    async fn status_page_subscribers_csv(
        &self,
        ctx: &Context<'_>,
        status_page_id: ID,
    ) -> async_graphql::Result<String> {
        let page_id = validate::id("statusPageId", &status_page_id)?;
        Ok(subscriber::csv(ctx.state(), ctx.principal()?, page_id).await?)
    }
}

#[derive(Default)]
pub struct StatusPageSubscriberMutation;

#[Object]
impl StatusPageSubscriberMutation {
    /// Adds a subscriber to a page (project editors). The page must take its kind; the same
    /// address twice on a page is `CONFLICT`.
    async fn add_status_page_subscriber(
        &self,
        ctx: &Context<'_>,
        input: AddStatusPageSubscriberInput,
    ) -> async_graphql::Result<AddedStatusPageSubscriber> {
        let page_id = validate::id("statusPageId", &input.status_page_id)?;
        let component_ids =
            validate::opt_ids("componentIds", Some(input.component_ids))?.unwrap_or_default();
        let incident_id = validate::opt_id("incidentId", input.incident_id.as_deref())?;
        let new = NewSubscriber {
            mode: Some(input.mode.into()),
            email: input.email.as_deref(),
            phone_number: input.phone_number.as_deref(),
            phone_country: input.phone_country.as_deref(),
            endpoint: input.endpoint.as_deref(),
            component_ids: &component_ids,
            incident_id,
        };
        let added = subscriber::add(
            ctx.state(),
            ctx.principal()?,
            page_id,
            &new,
            input.skip_confirmation_notification,
        )
        .await?;
        Ok(AddedStatusPageSubscriber {
            subscriber: StatusPageSubscriber(added.subscriber),
            signing_secret: added.signing_secret,
        })
    }

    /// Removes a subscriber (project editors).
    async fn remove_status_page_subscriber(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        subscriber::remove(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Takes a subscriber out of quarantine: it receives messages again (project editors).
    async fn clear_status_page_subscriber_quarantine(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<StatusPageSubscriber> {
        let id = validate::id("id", &id)?;
        let row = subscriber::clear_quarantine(ctx.state(), ctx.principal()?, id).await?;
        Ok(StatusPageSubscriber(row))
    }
}
