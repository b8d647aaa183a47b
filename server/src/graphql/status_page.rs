//! Status pages and their components.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entity::status_page_component_monitors as links;
use entity::status_page_components::ComponentStatus as DbComponentStatus;
use entity::status_page_components::{self, AggregationMethod as DbAggregation};
use entity::status_pages::{self, StatusPageStatus};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::status_page::{self, component};
use crate::validate;

/// What a component shows visitors.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "DbComponentStatus")]
pub enum ComponentStatus {
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
    UnderMaintenance,
}

/// How the statuses of a component's monitors combine into the component's status.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "DbAggregation")]
pub enum AggregationMethod {
    /// The worst monitor decides.
    WorstCase,
    /// The best monitor decides.
    BestCase,
    /// Monitors count by their weight.
    WeightedAverage,
    /// The status most monitors share.
    MajorityVote,
}

/// A public status page of a project.
pub struct StatusPage(pub status_pages::Model);

#[Object]
impl StatusPage {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The page's label: it is served at `/status/{subdomain}`.
    async fn subdomain(&self) -> &str {
        &self.0.subdomain
    }
    /// Where the public reads the page.
    async fn url(&self, ctx: &Context<'_>) -> String {
        format!(
            "{}/status/{}",
            ctx.state().settings.base_url(),
            self.0.subdomain
        )
    }
    /// Only published pages are served to the public.
    async fn published(&self) -> bool {
        self.0.status == StatusPageStatus::Published
    }
    /// The page's components, in order.
    async fn components(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<StatusPageComponent>> {
        let rows = ctx.loaders().page_components.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(StatusPageComponent)
            .collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A part of the service visitors see on a status page.
pub struct StatusPageComponent(pub status_page_components::Model);

/// A monitor behind a component, with its weight under `WEIGHTED_AVERAGE`.
pub struct ComponentMonitor(pub links::Model);

#[Object]
impl ComponentMonitor {
    async fn monitor_id(&self) -> ID {
        ID(self.0.monitor_id.to_string())
    }
    async fn weight(&self) -> i32 {
        self.0.weight
    }
}

#[Object]
impl StatusPageComponent {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status_page_id(&self) -> ID {
        ID(self.0.status_page_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn status(&self) -> ComponentStatus {
        self.0.status.into()
    }
    /// Place on the page, from 0.
    async fn position(&self) -> i32 {
        self.0.position
    }
    async fn aggregation_method(&self) -> AggregationMethod {
        self.0.aggregation_method.into()
    }
    /// The monitors behind the component.
    async fn monitors(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ComponentMonitor>> {
        let rows = ctx.loaders().component_monitors.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ComponentMonitor)
            .collect())
    }
    /// The ids of the monitors behind the component.
    async fn monitor_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        let rows = ctx.loaders().component_monitors.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .iter()
            .map(|l| ID(l.monitor_id.to_string()))
            .collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// The components of each page.
pub struct PageComponentsLoader(pub DatabaseConnection);

impl Loader<Uuid> for PageComponentsLoader {
    type Value = Vec<status_page_components::Model>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[Uuid],
    ) -> Result<HashMap<Uuid, Self::Value>, async_graphql::Error> {
        Ok(component::of_pages(&self.0, keys).await?)
    }
}

/// The monitor links of each component.
pub struct ComponentMonitorsLoader(pub DatabaseConnection);

impl Loader<Uuid> for ComponentMonitorsLoader {
    type Value = Vec<links::Model>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[Uuid],
    ) -> Result<HashMap<Uuid, Self::Value>, async_graphql::Error> {
        Ok(component::links_of(&self.0, keys).await?)
    }
}

#[derive(InputObject)]
pub struct CreateStatusPageInput {
    pub project_id: ID,
    pub name: String,
    /// Generated from the name when omitted.
    pub subdomain: Option<String>,
}

#[derive(InputObject)]
pub struct CreateStatusPageComponentInput {
    pub status_page_id: ID,
    pub name: String,
    pub description: Option<String>,
    /// Monitors of the page's project whose results drive the component's status.
    #[graphql(default)]
    pub monitor_ids: Vec<ID>,
}

#[derive(Default)]
pub struct StatusPageQuery;

#[Object]
impl StatusPageQuery {
    /// Status pages of a project, oldest first.
    async fn status_pages(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<StatusPage>> {
        let id = validate::id("projectId", &project_id)?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = status_page::list(ctx.state(), ctx.principal()?, id, request).await?;
        Ok(connection(request, rows, |p| p.id, StatusPage))
    }

    async fn status_page(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let page = status_page::find(
            ctx.state(),
            ctx.principal()?,
            id,
            crate::auth::Level::Viewer,
        )
        .await?;
        Ok(StatusPage(page))
    }
}

#[derive(Default)]
pub struct StatusPageMutation;

#[Object]
impl StatusPageMutation {
    /// Creates a draft page; `publishStatusPage` shows it to the public.
    async fn create_status_page(
        &self,
        ctx: &Context<'_>,
        input: CreateStatusPageInput,
    ) -> async_graphql::Result<StatusPage> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let new = status_page::NewPage {
            name: &input.name,
            subdomain: input.subdomain.as_deref(),
        };
        let page = status_page::create(ctx.state(), ctx.principal()?, project_id, new).await?;
        Ok(StatusPage(page))
    }

    async fn publish_status_page(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let page = status_page::set_published(ctx.state(), ctx.principal()?, id, true).await?;
        Ok(StatusPage(page))
    }

    /// Takes a page back to draft: the public no longer sees it.
    async fn unpublish_status_page(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let page = status_page::set_published(ctx.state(), ctx.principal()?, id, false).await?;
        Ok(StatusPage(page))
    }

    /// Deletes a page with its components, incidents and subscribers.
    async fn delete_status_page(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        status_page::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Adds a component at the end of a page.
    async fn create_status_page_component(
        &self,
        ctx: &Context<'_>,
        input: CreateStatusPageComponentInput,
    ) -> async_graphql::Result<StatusPageComponent> {
        let page_id = validate::id("statusPageId", &input.status_page_id)?;
        let monitor_ids: Vec<Uuid> = input
            .monitor_ids
            .iter()
            .map(|id| validate::id("monitorIds", id))
            .collect::<Result<_, _>>()?;
        let new = component::NewComponent {
            name: &input.name,
            description: input.description.as_deref(),
            monitor_ids: &monitor_ids,
        };
        let component = component::create(ctx.state(), ctx.principal()?, page_id, new).await?;
        Ok(StatusPageComponent(component))
    }
}
