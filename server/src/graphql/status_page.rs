//! Status pages: their settings, images, custom domain, components and the monitors behind
//! them, and `statusPageUpdated`.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{
    Context, Enum, ID, InputObject, MaybeUndefined, Object, SimpleObject, Subscription,
};
use chrono::{DateTime, Utc};
use entity::status_page_component_monitors as links;
use entity::status_page_components::ComponentStatus as DbComponentStatus;
use entity::status_page_components::{self, AggregationMethod as DbAggregation};
use entity::status_pages::{self, StatusPageStatus};
use futures_util::Stream;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::events::Event;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::state::AppState;
use crate::status_page::image::{self, ImageKind};
use crate::status_page::settings::{CssColor, PageSettings, SubscriberKinds, Theme};
use crate::status_page::{self, component, domain};
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

/// The colour scheme of a public page.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "Theme")]
pub enum StatusPageTheme {
    Light,
    Dark,
    /// Follows the visitor's system setting.
    Auto,
}

/// The images of a page.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "ImageKind")]
pub enum StatusPageImageKind {
    /// The browser tab's icon.
    Favicon,
    /// The logo at the top of the page.
    Logo,
    /// The cover image behind the page's header.
    Hero,
    /// The logo in subscriber emails.
    EmailLogo,
    /// The image of the page's social card.
    TwitterLogo,
}

/// The DNS TXT record that verifies a page's custom domain.
#[derive(SimpleObject)]
pub struct CustomDomainVerification {
    /// `_vigil-challenge.{domain}`.
    pub record_name: String,
    /// The exact text the record must hold.
    pub record_value: String,
}

/// A public status page of a project.
pub struct StatusPage(pub status_pages::Model);

impl StatusPage {
    fn image(&self, ctx: &Context<'_>, kind: ImageKind) -> Option<String> {
        image::url(&ctx.state().settings.base_url(), &self.0, kind)
    }
}

#[Object]
impl StatusPage {
    pub async fn id(&self) -> ID {
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
    /// One line under the page's name.
    async fn headline(&self) -> Option<&str> {
        self.0.headline.as_deref()
    }
    async fn description(&self) -> Option<&str> {
        self.0.page_description.as_deref()
    }
    /// Where visitors get help (http or https).
    async fn support_url(&self) -> Option<&str> {
        self.0.support_url.as_deref()
    }
    /// The IANA time zone times are shown in; UTC when null.
    async fn timezone(&self) -> Option<&str> {
        self.0.timezone.as_deref()
    }
    async fn theme(&self) -> StatusPageTheme {
        Theme::of(&self.0).into()
    }
    /// Asks search engines not to index the page.
    async fn hidden_from_search(&self) -> bool {
        self.0.hidden_from_search
    }
    /// Visitors may subscribe to every update of the page.
    async fn allow_page_subscribers(&self) -> bool {
        self.0.allow_page_subscribers
    }
    /// Visitors may subscribe to one incident.
    async fn allow_incident_subscribers(&self) -> bool {
        self.0.allow_incident_subscribers
    }
    async fn allow_email_subscribers(&self) -> bool {
        self.0.allow_email_subscribers
    }
    async fn allow_sms_subscribers(&self) -> bool {
        self.0.allow_sms_subscribers
    }
    async fn allow_webhook_subscribers(&self) -> bool {
        self.0.allow_webhook_subscribers
    }
    /// The sender of subscriber emails; the server's sender when null.
    async fn notifications_from_email(&self) -> Option<&str> {
        self.0.notifications_from_email.as_deref()
    }
    async fn notifications_email_footer(&self) -> Option<&str> {
        self.0.notifications_email_footer.as_deref()
    }
    /// Colours of the public page (`#rrggbb`); the page's defaults where null.
    async fn css_body_background_color(&self) -> Option<&str> {
        self.0.css_body_background_color.as_deref()
    }
    async fn css_font_color(&self) -> Option<&str> {
        self.0.css_font_color.as_deref()
    }
    async fn css_light_font_color(&self) -> Option<&str> {
        self.0.css_light_font_color.as_deref()
    }
    async fn css_greens(&self) -> Option<&str> {
        self.0.css_greens.as_deref()
    }
    async fn css_yellows(&self) -> Option<&str> {
        self.0.css_yellows.as_deref()
    }
    async fn css_oranges(&self) -> Option<&str> {
        self.0.css_oranges.as_deref()
    }
    async fn css_blues(&self) -> Option<&str> {
        self.0.css_blues.as_deref()
    }
    async fn css_reds(&self) -> Option<&str> {
        self.0.css_reds.as_deref()
    }
    async fn css_border_color(&self) -> Option<&str> {
        self.0.css_border_color.as_deref()
    }
    async fn css_graph_color(&self) -> Option<&str> {
        self.0.css_graph_color.as_deref()
    }
    async fn css_link_color(&self) -> Option<&str> {
        self.0.css_link_color.as_deref()
    }
    async fn css_no_data(&self) -> Option<&str> {
        self.0.css_no_data.as_deref()
    }
    /// Where the public reads the page's favicon, when it has one.
    async fn favicon_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.image(ctx, ImageKind::Favicon)
    }
    /// Where the public reads the page's logo, when it has one.
    async fn logo_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.image(ctx, ImageKind::Logo)
    }
    /// Where the public reads the page's cover image, when it has one.
    async fn hero_cover_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.image(ctx, ImageKind::Hero)
    }
    /// Where subscriber emails read the page's logo, when it has one.
    async fn email_logo_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.image(ctx, ImageKind::EmailLogo)
    }
    /// Where social cards read the page's image, when it has one.
    async fn twitter_logo_url(&self, ctx: &Context<'_>) -> Option<String> {
        self.image(ctx, ImageKind::TwitterLogo)
    }
    /// A host name of the customer's serving the page once verified.
    async fn custom_domain(&self) -> Option<&str> {
        self.0.custom_domain.as_deref()
    }
    /// Whether the custom domain's TXT record was found (`verifyStatusPageCustomDomain`).
    async fn custom_domain_verified(&self) -> bool {
        self.0.custom_domain_verified
    }
    /// The TXT record to create to verify the custom domain; null without one.
    async fn custom_domain_verification(&self) -> Option<CustomDomainVerification> {
        self.0.custom_domain.as_deref().map(|d| {
            let c = domain::challenge(self.0.id, d);
            CustomDomainVerification {
                record_name: c.record_name,
                record_value: c.record_value,
            }
        })
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
    /// Page views and subscriber counts of the last `days` days (1-366), oldest first,
    /// today included.
    async fn metrics(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 30)] days: i32,
    ) -> async_graphql::Result<Vec<crate::graphql::status_page_subscriber::StatusPageDayMetrics>>
    {
        crate::graphql::status_page_subscriber::metrics(ctx, self.0.id, days).await
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
    /// Live: derived from the monitors, overridden by open incidents and maintenance in
    /// progress (docs/status-pages.md).
    async fn status(&self) -> ComponentStatus {
        self.0.status.into()
    }
    /// Components sharing a group name are shown together under it.
    async fn group_name(&self) -> Option<&str> {
        self.0.group_name.as_deref()
    }
    /// Place on the page, from 0.
    async fn position(&self) -> i32 {
        self.0.position
    }
    /// Shows the component's uptime bar on the page.
    async fn showcase(&self) -> bool {
        self.0.showcase
    }
    /// Hides the component while it is operational.
    async fn only_show_if_degraded(&self) -> bool {
        self.0.only_show_if_degraded
    }
    async fn aggregation_method(&self) -> AggregationMethod {
        self.0.aggregation_method.into()
    }
    /// How many counted monitors must be down before the component leaves operational.
    async fn failure_threshold(&self) -> i32 {
        self.0.failure_threshold
    }
    /// Start of the uptime history shown for the component.
    async fn start_date(&self) -> Option<DateTime<Utc>> {
        self.0.start_date
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

/// Changes to a page's settings: fields left out stay as they are; an empty text clears a
/// setting (back to its default).
#[derive(InputObject, Default)]
pub struct UpdateStatusPageInput {
    pub name: Option<String>,
    /// 3-63 of a-z, 0-9 and '-', not reserved; `CONFLICT` when another page has it.
    pub subdomain: Option<String>,
    /// One line under the page's name.
    pub headline: Option<String>,
    pub description: Option<String>,
    /// An http or https URL.
    pub support_url: Option<String>,
    /// An IANA time zone name such as `Europe/Paris`; empty for UTC.
    pub timezone: Option<String>,
    pub theme: Option<StatusPageTheme>,
    /// Colours are `#rrggbb`, nothing else.
    pub css_body_background_color: Option<String>,
    pub css_font_color: Option<String>,
    pub css_light_font_color: Option<String>,
    pub css_greens: Option<String>,
    pub css_yellows: Option<String>,
    pub css_oranges: Option<String>,
    pub css_blues: Option<String>,
    pub css_reds: Option<String>,
    pub css_border_color: Option<String>,
    pub css_graph_color: Option<String>,
    pub css_link_color: Option<String>,
    pub css_no_data: Option<String>,
    /// Asks search engines not to index the page.
    pub hidden_from_search: Option<bool>,
    pub allow_page_subscribers: Option<bool>,
    pub allow_incident_subscribers: Option<bool>,
    pub allow_email_subscribers: Option<bool>,
    pub allow_sms_subscribers: Option<bool>,
    pub allow_webhook_subscribers: Option<bool>,
    /// The sender address of subscriber emails; empty for the server's sender.
    pub notifications_from_email: Option<String>,
    /// At most 2,000 characters.
    pub notifications_email_footer: Option<String>,
}

impl From<UpdateStatusPageInput> for PageSettings {
    fn from(i: UpdateStatusPageInput) -> Self {
        let colors = [
            (CssColor::BodyBackground, i.css_body_background_color),
            (CssColor::Font, i.css_font_color),
            (CssColor::LightFont, i.css_light_font_color),
            (CssColor::Greens, i.css_greens),
            (CssColor::Yellows, i.css_yellows),
            (CssColor::Oranges, i.css_oranges),
            (CssColor::Blues, i.css_blues),
            (CssColor::Reds, i.css_reds),
            (CssColor::Border, i.css_border_color),
            (CssColor::Graph, i.css_graph_color),
            (CssColor::Link, i.css_link_color),
            (CssColor::NoData, i.css_no_data),
        ]
        .into_iter()
        .filter_map(|(color, value)| value.map(|v| (color, v)))
        .collect();
        PageSettings {
            name: i.name,
            subdomain: i.subdomain,
            headline: i.headline,
            description: i.description,
            support_url: i.support_url,
            timezone: i.timezone,
            theme: i.theme.map(Into::into),
            colors,
            hidden_from_search: i.hidden_from_search,
            subscribers: SubscriberKinds {
                page: i.allow_page_subscribers,
                incident: i.allow_incident_subscribers,
                email: i.allow_email_subscribers,
                sms: i.allow_sms_subscribers,
                webhook: i.allow_webhook_subscribers,
            },
            notifications_from_email: i.notifications_from_email,
            notifications_email_footer: i.notifications_email_footer,
        }
    }
}

/// Changes to a component: fields left out stay as they are; an empty text clears one.
#[derive(InputObject)]
pub struct UpdateStatusPageComponentInput {
    pub name: Option<String>,
    pub description: Option<String>,
    /// Components sharing a group name are shown together under it.
    pub group_name: Option<String>,
    /// Shows the component's uptime bar on the page.
    pub showcase: Option<bool>,
    /// Hides the component while it is operational.
    pub only_show_if_degraded: Option<bool>,
    pub aggregation_method: Option<AggregationMethod>,
    /// How many counted monitors must be down before the component leaves operational
    /// (1-200).
    pub failure_threshold: Option<i32>,
    /// Start of the uptime history shown; null clears it.
    pub start_date: MaybeUndefined<DateTime<Utc>>,
}

/// A monitor behind a component, with its weight (1-100) under `WEIGHTED_AVERAGE`.
#[derive(InputObject)]
pub struct ComponentMonitorInput {
    pub monitor_id: ID,
    #[graphql(default = 1)]
    pub weight: i32,
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

    /// A page the caller may view; null when it is missing or not visible to the caller.
    async fn status_page(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<StatusPage>> {
        let id = validate::id("id", &id)?;
        let level = crate::auth::Level::Viewer;
        match status_page::find(ctx.state(), ctx.principal()?, id, level).await {
            Ok(page) => Ok(Some(StatusPage(page))),
            Err(crate::error::AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
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

    /// Changes a page's settings; fields left out stay as they are.
    async fn update_status_page(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateStatusPageInput,
    ) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let settings = PageSettings::from(input);
        let page = status_page::update(ctx.state(), ctx.principal()?, id, &settings).await?;
        Ok(StatusPage(page))
    }

    /// Sets one of a page's images (PNG, JPEG, WebP or ICO, at most 700 KiB, sent as
    /// base64), or clears it when `dataBase64` is null. The image it replaces is deleted.
    async fn set_status_page_image(
        &self,
        ctx: &Context<'_>,
        id: ID,
        kind: StatusPageImageKind,
        #[graphql(desc = "`image/png`, `image/jpeg`, `image/webp` or `image/x-icon`")]
        content_type: Option<String>,
        data_base64: Option<String>,
    ) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let upload = data_base64.as_deref().map(|data| image::Upload {
            content_type: content_type.as_deref().unwrap_or_default(),
            data_base64: data,
        });
        let page = image::set(ctx.state(), ctx.principal()?, id, kind.into(), upload).await?;
        Ok(StatusPage(page))
    }

    /// Sets a page's custom domain (a host name of yours, such as `status.example.com`), or
    /// removes it with null. It starts unverified: create the TXT record of
    /// `customDomainVerification`, then call `verifyStatusPageCustomDomain`.
    async fn set_status_page_custom_domain(
        &self,
        ctx: &Context<'_>,
        id: ID,
        domain: Option<String>,
    ) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let page = domain::set(ctx.state(), ctx.principal()?, id, domain.as_deref()).await?;
        Ok(StatusPage(page))
    }

    /// Looks up the custom domain's TXT record and marks the domain verified when it holds
    /// the page's value; otherwise `BAD_USER_INPUT` says what was found.
    async fn verify_status_page_custom_domain(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<StatusPage> {
        let id = validate::id("id", &id)?;
        let page = domain::verify(ctx.state(), ctx.principal()?, id).await?;
        Ok(StatusPage(page))
    }

    /// Changes a component; fields left out stay as they are.
    async fn update_status_page_component(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateStatusPageComponentInput,
    ) -> async_graphql::Result<StatusPageComponent> {
        let id = validate::id("id", &id)?;
        let start_date = match input.start_date {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(at) => Some(Some(at)),
        };
        let changes = component::ComponentChanges {
            name: input.name.as_deref(),
            description: input.description.as_deref(),
            group_name: input.group_name.as_deref(),
            showcase: input.showcase,
            only_show_if_degraded: input.only_show_if_degraded,
            aggregation_method: input.aggregation_method.map(Into::into),
            failure_threshold: input.failure_threshold,
            start_date,
        };
        let component = component::update(ctx.state(), ctx.principal()?, id, changes).await?;
        Ok(StatusPageComponent(component))
    }

    /// Deletes a component with its monitor links.
    async fn delete_status_page_component(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        component::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Orders a page's components: `componentIds` lists every component of the page once,
    /// in the new order.
    async fn reorder_status_page_components(
        &self,
        ctx: &Context<'_>,
        status_page_id: ID,
        component_ids: Vec<ID>,
    ) -> async_graphql::Result<StatusPage> {
        let page_id = validate::id("statusPageId", &status_page_id)?;
        let ids: Vec<Uuid> = component_ids
            .iter()
            .map(|id| validate::id("componentIds", id))
            .collect::<Result<_, _>>()?;
        let page = component::reorder(ctx.state(), ctx.principal()?, page_id, &ids).await?;
        Ok(StatusPage(page))
    }

    /// Replaces the monitors behind a component (monitors of the page's project, weights
    /// 1-100); its status follows them at once.
    async fn set_status_page_component_monitors(
        &self,
        ctx: &Context<'_>,
        component_id: ID,
        monitors: Vec<ComponentMonitorInput>,
    ) -> async_graphql::Result<StatusPageComponent> {
        let id = validate::id("componentId", &component_id)?;
        let links: Vec<(Uuid, i32)> = monitors
            .iter()
            .map(|m| Ok((validate::id("monitorId", &m.monitor_id)?, m.weight)))
            .collect::<Result<_, crate::error::AppError>>()?;
        let component = component::set_monitors(ctx.state(), ctx.principal()?, id, &links).await?;
        Ok(StatusPageComponent(component))
    }
}

#[derive(Default)]
pub struct StatusPageSubscription;

#[Subscription]
impl StatusPageSubscription {
    /// The page each time something it shows changes: its settings, publishing, a
    /// component or a component's status, an incident or a maintenance.
    async fn status_page_updated(
        &self,
        ctx: &Context<'_>,
        status_page_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<StatusPage>> + use<>> {
        let id = validate::id("statusPageId", &status_page_id)?;
        let db = ctx.state().db.clone();
        crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                status_page::find(&state, &principal, id, Level::Viewer)
                    .await
                    .map(drop)
            },
            move |event| {
                let db = db.clone();
                async move {
                    let Event::StatusPageUpdated { status_page_id, .. } = event else {
                        return None;
                    };
                    if status_page_id != id {
                        return None;
                    }
                    status_page::by_id(&db, id)
                        .await
                        .ok()
                        .flatten()
                        .map(StatusPage)
                }
            },
        )
        .await
    }
}
