//! Incidents and scheduled maintenance of status pages, their updates, templates and
//! postmortems.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Enum, ID, InputObject, MaybeUndefined, Object};
use chrono::{DateTime, Utc};
use entity::{incident_components, incident_templates, incident_updates, incidents, postmortems};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::auth::Level;
use crate::error::AppError;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::graphql::status_page::ComponentStatus;
use crate::status_page::incident::{self, ComponentChange, Kind};
use crate::status_page::{maintenance, postmortem, template};
use crate::validate;

/// Where an incident or a maintenance stands. Incidents move through `INVESTIGATING`,
/// `IDENTIFIED`, `MONITORING` and `RESOLVED`; scheduled maintenance through `SCHEDULED`,
/// `IN_PROGRESS`, `VERIFYING` and `COMPLETED`.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::incidents::IncidentStatus")]
pub enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    /// Closed: takes no more updates.
    Resolved,
    Scheduled,
    InProgress,
    Verifying,
    /// Closed: takes no more updates.
    Completed,
}

/// How badly an incident affects users, least first.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::incidents::IncidentImpact")]
pub enum IncidentImpact {
    None,
    Minor,
    Major,
    Critical,
}

/// An unplanned incident or a scheduled maintenance.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum IncidentKind {
    Incident,
    Maintenance,
}

impl From<Kind> for IncidentKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Incident => IncidentKind::Incident,
            Kind::Maintenance => IncidentKind::Maintenance,
        }
    }
}

impl From<IncidentKind> for Kind {
    fn from(kind: IncidentKind) -> Self {
        match kind {
            IncidentKind::Incident => Kind::Incident,
            IncidentKind::Maintenance => Kind::Maintenance,
        }
    }
}

/// An incident or a scheduled maintenance of a status page, with its timeline.
pub struct Incident(pub incidents::Model);

#[Object]
impl Incident {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status_page_id(&self) -> ID {
        ID(self.0.status_page_id.to_string())
    }
    async fn kind(&self) -> IncidentKind {
        Kind::of(self.0.status).into()
    }
    async fn title(&self) -> &str {
        &self.0.name
    }
    async fn status(&self) -> IncidentStatus {
        self.0.status.into()
    }
    /// The impact shown: the one set by hand (`impactOverride`), else the one the affected
    /// components' statuses give.
    async fn impact(&self) -> IncidentImpact {
        incident::effective_impact(&self.0).into()
    }
    /// The impact set by hand, if any.
    async fn impact_override(&self) -> Option<IncidentImpact> {
        self.0.impact_override.map(Into::into)
    }
    /// The latest update's message.
    async fn message(&self) -> Option<&str> {
        self.0.body.as_deref()
    }
    /// Whether subscribers hear of this incident (its creation, and its updates by default).
    async fn deliver_notifications(&self) -> bool {
        self.0.deliver_notifications
    }
    /// Entered after the fact.
    async fn backfilled(&self) -> bool {
        self.0.backfilled
    }
    /// When a backfilled incident happened.
    async fn backfilled_at(&self) -> Option<DateTime<Utc>> {
        self.0.backfill_date
    }
    /// Start of a maintenance window.
    async fn scheduled_for(&self) -> Option<DateTime<Utc>> {
        self.0.scheduled_for
    }
    /// End of a maintenance window.
    async fn scheduled_until(&self) -> Option<DateTime<Utc>> {
        self.0.scheduled_until
    }
    /// Whether subscribers are reminded before the maintenance starts.
    async fn remind_prior(&self) -> bool {
        self.0.scheduled_remind_prior
    }
    /// Hours before the start at which reminders go out, largest first.
    async fn reminder_intervals(&self) -> Vec<i64> {
        maintenance::intervals(&self.0)
    }
    /// The reminders sent so far, in hours before the start.
    async fn reminders_sent(&self) -> Vec<i64> {
        maintenance::reminders(&self.0).sent
    }
    /// The maintenance moves to `IN_PROGRESS` by itself at `scheduledFor`.
    async fn auto_in_progress(&self) -> bool {
        self.0.scheduled_auto_in_progress
    }
    /// The maintenance moves to `COMPLETED` by itself at `scheduledUntil`.
    async fn auto_completed(&self) -> bool {
        self.0.scheduled_auto_completed
    }
    /// Starting puts the components under maintenance.
    async fn auto_transition_to_maintenance_state(&self) -> bool {
        self.0.auto_transition_to_maintenance_state
    }
    /// Completing gives the components back as operational.
    async fn auto_transition_to_operational_state(&self) -> bool {
        self.0.auto_transition_to_operational_state
    }
    /// Subscribers hear when the maintenance starts by itself.
    async fn notify_at_start(&self) -> bool {
        self.0.auto_transition_deliver_notifications_at_start
    }
    /// Subscribers hear when the maintenance completes by itself.
    async fn notify_at_end(&self) -> bool {
        self.0.auto_transition_deliver_notifications_at_end
    }
    /// When the incident last moved to `MONITORING`.
    async fn monitoring_at(&self) -> Option<DateTime<Utc>> {
        self.0.monitoring_at
    }
    /// When the incident was resolved or the maintenance completed.
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    /// The incident's short code: the public page serves it at
    /// `/status/{subdomain}/i/{shortlink}`.
    async fn shortlink(&self) -> Option<&str> {
        self.0.shortlink.as_deref()
    }
    /// The updates, newest first; the last is the message the incident was opened with.
    async fn updates(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<IncidentUpdate>> {
        let rows = ctx.loaders().incident_updates.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(IncidentUpdate)
            .collect())
    }
    /// The affected components' status changes, oldest first.
    async fn components(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<IncidentComponent>> {
        let rows = ctx
            .loaders()
            .incident_components
            .load_one(self.0.id)
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(IncidentComponent)
            .collect())
    }
    /// The postmortem, draft or published.
    async fn postmortem(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Postmortem>> {
        let row = ctx.loaders().postmortems.load_one(self.0.id).await?;
        Ok(row.map(Postmortem))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// One message in an incident's timeline, with the status the incident moved to.
pub struct IncidentUpdate(pub incident_updates::Model);

#[Object]
impl IncidentUpdate {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn incident_id(&self) -> ID {
        ID(self.0.incident_id.to_string())
    }
    async fn status(&self) -> IncidentStatus {
        self.0.status.into()
    }
    async fn message(&self) -> &str {
        &self.0.body
    }
    /// The time shown instead of `createdAt`, for an update entered late.
    async fn display_at(&self) -> Option<DateTime<Utc>> {
        self.0.display_at
    }
    /// Whether subscribers were told of it.
    async fn deliver_notifications(&self) -> bool {
        self.0.deliver_notifications
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A component an update named, with the status it had for the incident and the one it got.
pub struct IncidentComponent(pub incident_components::Model);

#[Object]
impl IncidentComponent {
    async fn component_id(&self) -> ID {
        ID(self.0.component_id.to_string())
    }
    /// Its status before this change (for the first one, the component's own status).
    async fn old_status(&self) -> Option<ComponentStatus> {
        self.0.old_status.map(Into::into)
    }
    async fn new_status(&self) -> ComponentStatus {
        self.0.new_status.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// The after-action report of a resolved incident, in Markdown.
pub struct Postmortem(pub postmortems::Model);

#[Object]
impl Postmortem {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn incident_id(&self) -> ID {
        ID(self.0.incident_id.to_string())
    }
    /// Markdown, as written.
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn body_last_updated_at(&self) -> Option<DateTime<Utc>> {
        self.0.body_last_updated_at
    }
    /// Shown on the public page; a draft otherwise.
    async fn published(&self) -> bool {
        self.0.published_at.is_some()
    }
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }
    /// Subscribers were told of it (at most once).
    async fn notified_subscribers(&self) -> bool {
        self.0.notified_subscribers
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A prepared incident an editor starts from.
pub struct IncidentTemplate(pub incident_templates::Model);

#[Object]
impl IncidentTemplate {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status_page_id(&self) -> ID {
        ID(self.0.status_page_id.to_string())
    }
    /// Its name in the editor's list.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The incident title it fills in.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The first update's message it fills in.
    async fn body(&self) -> &str {
        &self.0.body
    }
    /// The incident status it sets.
    async fn status(&self) -> IncidentStatus {
        self.0.update_status.into()
    }
    async fn should_send_notifications(&self) -> bool {
        self.0.should_send_notifications
    }
    /// The components it marks as affected.
    async fn component_ids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        let ids = ctx
            .loaders()
            .template_components
            .load_one(self.0.id)
            .await?;
        Ok(ids
            .unwrap_or_default()
            .into_iter()
            .map(|id| ID(id.to_string()))
            .collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// The updates of each incident.
pub struct IncidentUpdatesLoader(pub DatabaseConnection);

impl Loader<Uuid> for IncidentUpdatesLoader {
    type Value = Vec<incident_updates::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(incident::updates_of(&self.0, keys).await?)
    }
}

/// The component rows of each incident.
pub struct IncidentComponentsLoader(pub DatabaseConnection);

impl Loader<Uuid> for IncidentComponentsLoader {
    type Value = Vec<incident_components::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(incident::components_of(&self.0, keys).await?)
    }
}

/// The postmortem of each incident.
pub struct PostmortemLoader(pub DatabaseConnection);

impl Loader<Uuid> for PostmortemLoader {
    type Value = postmortems::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(postmortem::of_incidents(&self.0, keys).await?)
    }
}

/// The component ids of each template.
pub struct TemplateComponentsLoader(pub DatabaseConnection);

impl Loader<Uuid> for TemplateComponentsLoader {
    type Value = Vec<Uuid>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(template::components_of(&self.0, keys).await?)
    }
}

/// A component and the status an incident gives it.
#[derive(InputObject)]
pub struct IncidentComponentInput {
    pub component_id: ID,
    pub status: ComponentStatus,
}

#[derive(InputObject)]
pub struct CreateIncidentInput {
    pub status_page_id: ID,
    /// Required unless the template gives it.
    pub title: Option<String>,
    /// `INVESTIGATING` unless the template gives another; a backfilled incident is `RESOLVED`.
    pub status: Option<IncidentStatus>,
    /// Set by hand; when left out, the affected components' statuses give it.
    pub impact: Option<IncidentImpact>,
    /// The first update's message; required unless the template gives it.
    pub message: Option<String>,
    /// Affected components, given the status the impact implies (`MINOR`: degraded
    /// performance, `MAJOR` or none: partial outage, `CRITICAL`: major outage).
    #[graphql(default)]
    pub component_ids: Vec<ID>,
    /// Affected components with their own status; they win over `componentIds`.
    #[graphql(default)]
    pub components: Vec<IncidentComponentInput>,
    /// Tell subscribers (default: the template's setting, else true).
    pub deliver_notifications: Option<bool>,
    /// For an incident entered after the fact: when it happened. It is recorded `RESOLVED`
    /// and notifies nobody.
    pub backfilled_at: Option<DateTime<Utc>>,
    /// A template of the page that fills in what this input leaves out.
    pub template_id: Option<ID>,
}

#[derive(InputObject)]
pub struct AddIncidentUpdateInput {
    pub incident_id: ID,
    /// The status after the update; unchanged when left out.
    pub status: Option<IncidentStatus>,
    pub message: String,
    /// The time to show instead of now, for an update entered late.
    pub display_at: Option<DateTime<Utc>>,
    /// Components whose status changes with this update.
    #[graphql(default)]
    pub components: Vec<IncidentComponentInput>,
    /// Tell subscribers (default: as the incident says).
    pub deliver_notifications: Option<bool>,
}

#[derive(InputObject)]
pub struct UpdateIncidentInput {
    pub title: Option<String>,
    /// The impact set by hand; `null` goes back to the one the components give.
    pub impact_override: MaybeUndefined<IncidentImpact>,
}

/// What a maintenance does by itself, shared by create and update (flattened into both; it
/// is no type of the API).
#[derive(InputObject, Default)]
pub struct MaintenanceSettingsInput {
    /// Remind subscribers before the start (default: true when `reminderIntervals` is
    /// given).
    pub remind_prior: Option<bool>,
    /// Hours before the start at which reminders go out, each 1-720, at most 10 (an hour
    /// before when reminders are on and none is given).
    pub reminder_intervals: Option<Vec<i32>>,
    /// Move to `IN_PROGRESS` at `scheduledFor` (default true).
    pub auto_in_progress: Option<bool>,
    /// Move to `COMPLETED` at `scheduledUntil` (default true).
    pub auto_completed: Option<bool>,
    /// Put the components under maintenance when it starts (default true).
    pub auto_transition_to_maintenance_state: Option<bool>,
    /// Give the components back as operational when it completes (default true).
    pub auto_transition_to_operational_state: Option<bool>,
    /// Tell subscribers when it starts by itself (default true).
    pub notify_at_start: Option<bool>,
    /// Tell subscribers when it completes by itself (default true).
    pub notify_at_end: Option<bool>,
}

impl MaintenanceSettingsInput {
    fn schedule(
        self,
        scheduled_for: Option<DateTime<Utc>>,
        scheduled_until: Option<DateTime<Utc>>,
    ) -> maintenance::Schedule {
        maintenance::Schedule {
            scheduled_for,
            scheduled_until,
            remind_prior: self.remind_prior,
            reminder_intervals: self.reminder_intervals,
            auto_in_progress: self.auto_in_progress,
            auto_completed: self.auto_completed,
            components_to_maintenance: self.auto_transition_to_maintenance_state,
            components_to_operational: self.auto_transition_to_operational_state,
            notify_at_start: self.notify_at_start,
            notify_at_end: self.notify_at_end,
        }
    }
}

#[derive(InputObject)]
pub struct CreateMaintenanceInput {
    pub status_page_id: ID,
    pub title: String,
    /// The first update's message.
    pub message: String,
    /// Start of the window; not in the past unless backfilled.
    pub scheduled_for: DateTime<Utc>,
    /// End of the window, after its start.
    pub scheduled_until: DateTime<Utc>,
    #[graphql(flatten)]
    pub settings: MaintenanceSettingsInput,
    /// Components the maintenance covers: their monitors show `MAINTENANCE` and hold their
    /// alerts while it is in progress.
    #[graphql(default)]
    pub component_ids: Vec<ID>,
    /// Tell subscribers it is scheduled.
    #[graphql(default = true)]
    pub deliver_notifications: bool,
    /// Record a past maintenance: its window is in the past, it is `COMPLETED` at once and
    /// notifies nobody.
    #[graphql(default)]
    pub backfilled: bool,
}

#[derive(InputObject)]
pub struct UpdateMaintenanceInput {
    pub title: Option<String>,
    /// Moves only while the maintenance is `SCHEDULED`; not into the past.
    pub scheduled_for: Option<DateTime<Utc>>,
    /// Moves until the maintenance is `COMPLETED`; after the start, not into the past.
    pub scheduled_until: Option<DateTime<Utc>>,
    #[graphql(flatten)]
    pub settings: MaintenanceSettingsInput,
}

/// Which incidents to list.
#[derive(InputObject, Default)]
pub struct IncidentFilter {
    pub status: Option<IncidentStatus>,
    pub kind: Option<IncidentKind>,
    /// Began at or after: a maintenance at `scheduledFor`, a backfilled incident at
    /// `backfilledAt`, others when opened.
    pub from: Option<DateTime<Utc>>,
    /// Began before.
    pub to: Option<DateTime<Utc>>,
}

#[derive(InputObject)]
pub struct CreateIncidentTemplateInput {
    pub status_page_id: ID,
    /// Its name in the editor's list.
    pub name: String,
    /// The incident title it fills in.
    pub title: String,
    /// The first update's message it fills in.
    pub body: String,
    /// The incident status it sets (default `INVESTIGATING`).
    pub status: Option<IncidentStatus>,
    #[graphql(default = true)]
    pub should_send_notifications: bool,
    /// Components of the page it marks as affected.
    #[graphql(default)]
    pub component_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct UpdateIncidentTemplateInput {
    pub name: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub status: Option<IncidentStatus>,
    pub should_send_notifications: Option<bool>,
    /// Replaces the list.
    pub component_ids: Option<Vec<ID>>,
}

fn ids(field: &str, values: &[ID]) -> Result<Vec<Uuid>, AppError> {
    values.iter().map(|id| validate::id(field, id)).collect()
}

fn changes(values: &[IncidentComponentInput]) -> Result<Vec<ComponentChange>, AppError> {
    values
        .iter()
        .map(|c| {
            Ok(ComponentChange {
                component_id: validate::id("components", &c.component_id)?,
                status: c.status.into(),
            })
        })
        .collect()
}

/// `Ok(None)` for a missing or invisible row, as `thing(id)` answers (docs/api.md).
fn visible<T>(found: Result<T, AppError>) -> async_graphql::Result<Option<T>> {
    match found {
        Ok(row) => Ok(Some(row)),
        Err(AppError::NotFound) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

#[derive(Default)]
pub struct IncidentQuery;

#[Object]
impl IncidentQuery {
    /// Incidents and maintenance of a status page, newest first.
    async fn incidents(
        &self,
        ctx: &Context<'_>,
        status_page_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<IncidentFilter>,
    ) -> async_graphql::Result<Page<Incident>> {
        let page_id = validate::id("statusPageId", &status_page_id)?;
        let request = page_request(ctx, first, after.as_deref())?;
        let filter = filter.unwrap_or_default();
        let filter = incident::IncidentFilter {
            status: filter.status.map(Into::into),
            kind: filter.kind.map(Into::into),
            from: filter.from,
            to: filter.to,
        };
        let rows = incident::list(ctx.state(), ctx.principal()?, page_id, filter, request).await?;
        Ok(connection(request, rows, |i| i.id, Incident))
    }

    async fn incident(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Incident>> {
        let id = validate::id("id", &id)?;
        let found = incident::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await;
        Ok(visible(found)?.map(|(row, _)| Incident(row)))
    }

    /// Incident templates of a status page, oldest first.
    async fn incident_templates(
        &self,
        ctx: &Context<'_>,
        status_page_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<IncidentTemplate>> {
        let page_id = validate::id("statusPageId", &status_page_id)?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = template::list(ctx.state(), ctx.principal()?, page_id, request).await?;
        Ok(connection(request, rows, |t| t.id, IncidentTemplate))
    }

    async fn incident_template(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<IncidentTemplate>> {
        let id = validate::id("id", &id)?;
        let found = template::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await;
        Ok(visible(found)?.map(|(row, _)| IncidentTemplate(row)))
    }
}

#[derive(Default)]
pub struct IncidentMutation;

#[Object]
impl IncidentMutation {
    /// Opens an incident on a status page, with its first update.
    async fn create_incident(
        &self,
        ctx: &Context<'_>,
        input: CreateIncidentInput,
    ) -> async_graphql::Result<Incident> {
        let page_id = validate::id("statusPageId", &input.status_page_id)?;
        let component_ids = ids("componentIds", &input.component_ids)?;
        let components = changes(&input.components)?;
        let new = incident::NewIncident {
            title: input.title.as_deref(),
            status: input.status.map(Into::into),
            impact: input.impact.map(Into::into),
            message: input.message.as_deref(),
            components: &components,
            component_ids: &component_ids,
            deliver_notifications: input.deliver_notifications,
            backfilled_at: input.backfilled_at,
            template_id: validate::opt_id("templateId", input.template_id.as_deref())?,
        };
        let row = incident::create(ctx.state(), ctx.principal()?, page_id, new).await?;
        Ok(Incident(row))
    }

    /// Posts an update to an incident or a maintenance: a message, a status, component
    /// statuses. A resolved incident or a completed maintenance takes none.
    async fn add_incident_update(
        &self,
        ctx: &Context<'_>,
        input: AddIncidentUpdateInput,
    ) -> async_graphql::Result<IncidentUpdate> {
        let id = validate::id("incidentId", &input.incident_id)?;
        let components = changes(&input.components)?;
        let new = incident::NewUpdate {
            status: input.status.map(Into::into),
            message: &input.message,
            display_at: input.display_at,
            components: &components,
            deliver_notifications: input.deliver_notifications,
        };
        let (_, update) = incident::add_update(ctx.state(), ctx.principal()?, id, new).await?;
        Ok(IncidentUpdate(update))
    }

    /// Renames an incident or sets its impact by hand.
    async fn update_incident(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateIncidentInput,
    ) -> async_graphql::Result<Incident> {
        let id = validate::id("id", &id)?;
        let changes = incident::IncidentChanges {
            title: input.title.as_deref(),
            impact_override: match input.impact_override {
                MaybeUndefined::Undefined => None,
                MaybeUndefined::Null => Some(None),
                MaybeUndefined::Value(impact) => Some(Some(impact.into())),
            },
        };
        let row = incident::update(ctx.state(), ctx.principal()?, id, changes).await?;
        Ok(Incident(row))
    }

    /// Resolves an incident, or completes a maintenance, with `message` or a standard one.
    async fn resolve_incident(
        &self,
        ctx: &Context<'_>,
        id: ID,
        message: Option<String>,
    ) -> async_graphql::Result<Incident> {
        let id = validate::id("id", &id)?;
        let row = incident::resolve(ctx.state(), ctx.principal()?, id, message.as_deref()).await?;
        Ok(Incident(row))
    }

    /// Deletes an incident or a maintenance with its timeline and postmortem.
    async fn delete_incident(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        incident::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Schedules a maintenance on a status page.
    async fn create_maintenance(
        &self,
        ctx: &Context<'_>,
        input: CreateMaintenanceInput,
    ) -> async_graphql::Result<Incident> {
        let page_id = validate::id("statusPageId", &input.status_page_id)?;
        let component_ids = ids("componentIds", &input.component_ids)?;
        let new = maintenance::NewMaintenance {
            title: &input.title,
            message: &input.message,
            schedule: input
                .settings
                .schedule(Some(input.scheduled_for), Some(input.scheduled_until)),
            component_ids: &component_ids,
            deliver_notifications: input.deliver_notifications,
            backfilled: input.backfilled,
        };
        let row = maintenance::create(ctx.state(), ctx.principal()?, page_id, new).await?;
        Ok(Incident(row))
    }

    /// Changes a maintenance's title, window or settings.
    async fn update_maintenance(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateMaintenanceInput,
    ) -> async_graphql::Result<Incident> {
        let id = validate::id("id", &id)?;
        let row = maintenance::update(
            ctx.state(),
            ctx.principal()?,
            id,
            input.title.as_deref(),
            input
                .settings
                .schedule(input.scheduled_for, input.scheduled_until),
        )
        .await?;
        Ok(Incident(row))
    }

    /// Writes the postmortem of a resolved incident (Markdown, at most 50,000 characters); a
    /// draft until published.
    async fn save_postmortem(
        &self,
        ctx: &Context<'_>,
        incident_id: ID,
        body: String,
    ) -> async_graphql::Result<Postmortem> {
        let id = validate::id("incidentId", &incident_id)?;
        let row = postmortem::save(ctx.state(), ctx.principal()?, id, &body).await?;
        Ok(Postmortem(row))
    }

    /// Shows a postmortem on the public page; with `notifySubscribers`, tells the
    /// subscribers, once whatever the number of publishes.
    async fn publish_postmortem(
        &self,
        ctx: &Context<'_>,
        incident_id: ID,
        #[graphql(default)] notify_subscribers: bool,
    ) -> async_graphql::Result<Postmortem> {
        let id = validate::id("incidentId", &incident_id)?;
        let row =
            postmortem::set_published(ctx.state(), ctx.principal()?, id, true, notify_subscribers)
                .await?;
        Ok(Postmortem(row))
    }

    /// Takes a postmortem back to draft.
    async fn unpublish_postmortem(
        &self,
        ctx: &Context<'_>,
        incident_id: ID,
    ) -> async_graphql::Result<Postmortem> {
        let id = validate::id("incidentId", &incident_id)?;
        let row =
            postmortem::set_published(ctx.state(), ctx.principal()?, id, false, false).await?;
        Ok(Postmortem(row))
    }

    async fn create_incident_template(
        &self,
        ctx: &Context<'_>,
        input: CreateIncidentTemplateInput,
    ) -> async_graphql::Result<IncidentTemplate> {
        let page_id = validate::id("statusPageId", &input.status_page_id)?;
        let component_ids = ids("componentIds", &input.component_ids)?;
        let new = template::TemplateInput {
            name: Some(&input.name),
            title: Some(&input.title),
            body: Some(&input.body),
            status: input.status.map(Into::into),
            should_send_notifications: Some(input.should_send_notifications),
            component_ids: Some(&component_ids),
        };
        let made = template::create(ctx.state(), ctx.principal()?, page_id, new).await?;
        Ok(IncidentTemplate(made.row))
    }

    async fn update_incident_template(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateIncidentTemplateInput,
    ) -> async_graphql::Result<IncidentTemplate> {
        let id = validate::id("id", &id)?;
        let component_ids = input
            .component_ids
            .as_deref()
            .map(|list| ids("componentIds", list))
            .transpose()?;
        let changes = template::TemplateInput {
            name: input.name.as_deref(),
            title: input.title.as_deref(),
            body: input.body.as_deref(),
            status: input.status.map(Into::into),
            should_send_notifications: input.should_send_notifications,
            component_ids: component_ids.as_deref(),
        };
        let made = template::update(ctx.state(), ctx.principal()?, id, changes).await?;
        Ok(IncidentTemplate(made.row))
    }

    async fn delete_incident_template(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        template::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }
}
