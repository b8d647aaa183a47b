//! Incidents of a status page and the timeline of updates they carry.
//!
//! An incident moves through investigating → identified → monitoring → resolved (back and forth
//! among the first three; resolved is closed and takes no more updates). A scheduled
//! maintenance is an incident too, with its own statuses (`maintenance`). Each update is an
//! `incident_updates` row, the first one being the message the incident was created with; each
//! component an update names gets an `incident_components` row with the status it had for the
//! incident before (`old_status`) and the one the update gives it (`new_status`). An incident
//! overrides its components' statuses while it is active ([`is_active`]): an incident until it
//! is resolved, a maintenance while it is in progress or verifying.
//!
//! Every change writes its audit row, calls `status::incident_changed` (which recomputes the page's
//! component statuses and publishes `StatusPageUpdated`) in its transaction, and calls
//! [`notify`] for what subscribers are told.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::incidents::{self, IncidentImpact, IncidentStatus};
use entity::status_page_components::{self as components, ComponentStatus};
use entity::{incident_components, incident_updates, status_pages};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::status::incident_changed;
use super::{maintenance, template};
use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Longest message of an update.
pub const MAX_MESSAGE: usize = validate::MAX_TEXT;
/// Updates one incident may carry: a timeline is read by people, and a page lists it whole.
pub const MAX_UPDATES: u64 = 500;
/// Components one request may name.
pub const MAX_COMPONENTS: usize = 100;

/// Whether an incident is an unplanned incident or a scheduled maintenance; its status says
/// which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Incident,
    Maintenance,
}

impl Kind {
    /// The kind whose statuses include `status`.
    pub fn of(status: IncidentStatus) -> Kind {
        use IncidentStatus::*;
        match status {
            Investigating | Identified | Monitoring | Resolved => Kind::Incident,
            Scheduled | InProgress | Verifying | Completed => Kind::Maintenance,
        }
    }

    /// The statuses of this kind, in their order.
    pub fn statuses(self) -> [IncidentStatus; 4] {
        use IncidentStatus::*;
        match self {
            Kind::Incident => [Investigating, Identified, Monitoring, Resolved],
            Kind::Maintenance => [Scheduled, InProgress, Verifying, Completed],
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Incident => "incident",
            Kind::Maintenance => "maintenance",
        }
    }
}

/// A status as the API spells it (`IN_PROGRESS`), for messages and audit rows.
pub fn status_name(status: IncidentStatus) -> String {
    status.to_value().to_uppercase()
}

/// Whether an incident in `status` is closed (resolved, or a completed maintenance): it takes
/// no more updates.
pub fn is_closed(status: IncidentStatus) -> bool {
    matches!(status, IncidentStatus::Resolved | IncidentStatus::Completed)
}

/// Whether an incident in `status` overrides its components' statuses now: an incident until
/// it is resolved, a maintenance while it is in progress or verifying (not while it is only
/// scheduled, nor once completed).
pub fn is_active(status: IncidentStatus) -> bool {
    matches!(
        status,
        IncidentStatus::Investigating
            | IncidentStatus::Identified
            | IncidentStatus::Monitoring
            | IncidentStatus::InProgress
            | IncidentStatus::Verifying
    )
}

/// The impact an incident has when nobody set one: its worst component's.
pub fn impact_of(statuses: impl IntoIterator<Item = ComponentStatus>) -> IncidentImpact {
    let rank = |impact: IncidentImpact| impact as u8;
    statuses
        .into_iter()
        .map(|status| match status {
            ComponentStatus::MajorOutage => IncidentImpact::Critical,
            ComponentStatus::PartialOutage => IncidentImpact::Major,
            ComponentStatus::DegradedPerformance => IncidentImpact::Minor,
            ComponentStatus::Operational | ComponentStatus::UnderMaintenance => {
                IncidentImpact::None
            }
        })
        .max_by_key(|impact| rank(*impact))
        .unwrap_or(IncidentImpact::None)
}

/// The status a component named without one gets: the one its incident's impact implies
/// (a partial outage when the impact is not given either).
pub fn implied_status(impact: Option<IncidentImpact>) -> ComponentStatus {
    match impact {
        Some(IncidentImpact::None) => ComponentStatus::Operational,
        Some(IncidentImpact::Minor) => ComponentStatus::DegradedPerformance,
        Some(IncidentImpact::Major) | None => ComponentStatus::PartialOutage,
        Some(IncidentImpact::Critical) => ComponentStatus::MajorOutage,
    }
}

/// The impact shown: the one set by hand, else the derived one.
pub fn effective_impact(incident: &incidents::Model) -> IncidentImpact {
    incident.impact_override.unwrap_or(incident.impact)
}

/// What subscribers are told about. Each is passed to [`notify`] once, when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A new incident, or a newly scheduled maintenance.
    Created,
    /// An update was posted: a status change (including resolved, a maintenance starting or
    /// completing) or a message.
    Updated { update_id: Uuid },
    /// A scheduled maintenance starts in `hours` hours.
    Reminder { hours: i64 },
    /// The incident's postmortem was published.
    PostmortemPublished { postmortem_id: Uuid },
}

/// The subscriber hook: called in the transaction of every change subscribers are to hear of
/// (an incident created, an update with notifications on, a maintenance reminder, its start
/// and end when asked, a postmortem published with `notifySubscribers`), once per notice. It
/// queues one message per subscriber who should hear of it (`notify::queue`).
pub async fn notify(tx: &Tx, incident: &incidents::Model, what: Notice) -> AppResult<()> {
    super::notify::queue(tx, incident, what).await?;
    Ok(())
}

/// A component an incident affects, with the status the incident gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComponentChange {
    pub component_id: Uuid,
    pub status: ComponentStatus,
}

/// What a new incident needs. Fields left out come from the template, when one is given.
#[derive(Debug, Default)]
pub struct NewIncident<'a> {
    pub title: Option<&'a str>,
    /// Investigating when neither given nor in the template; resolved for a backfilled one.
    pub status: Option<IncidentStatus>,
    /// Set by hand; derived from the components' statuses when `None`.
    pub impact: Option<IncidentImpact>,
    /// The first update's message.
    pub message: Option<&'a str>,
    /// Components with the status the incident gives them.
    pub components: &'a [ComponentChange],
    /// Components without a status of their own: they get the one the impact implies.
    pub component_ids: &'a [Uuid],
    pub deliver_notifications: Option<bool>,
    /// For an incident entered after the fact: when it happened. Such an incident is recorded
    /// resolved and notifies nobody.
    pub backfilled_at: Option<DateTime<Utc>>,
    /// A template of the page that fills in what is left out.
    pub template_id: Option<Uuid>,
}

/// A new incident's values, checked.
struct Draft {
    title: String,
    status: IncidentStatus,
    impact_override: Option<IncidentImpact>,
    message: String,
    changes: Vec<ComponentChange>,
    deliver: bool,
    backfilled_at: Option<DateTime<Utc>>,
}

/// Opens an incident on page `status_page_id` with its first update.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    input: NewIncident<'_>,
) -> AppResult<incidents::Model> {
    let page = super::find(state, principal, status_page_id, Level::Editor).await?;
    let template = match input.template_id {
        Some(id) => Some(template::of_page(&state.db, page.id, id).await?),
        None => None,
    };
    let draft = settle(&state.db, &page, &input, template.as_ref(), Utc::now()).await?;
    let tx = Tx::begin(state).await?;
    let now = Utc::now();
    let at = draft.backfilled_at.unwrap_or(now);
    let mut row = blank(&tx, &page, Some(principal.user_id()), now).await?;
    row.name = draft.title;
    row.status = draft.status;
    row.impact_override = draft.impact_override;
    row.body = Some(draft.message.clone());
    row.deliver_notifications = draft.deliver;
    row.backfilled = draft.backfilled_at.is_some();
    row.backfill_date = draft.backfilled_at;
    row.monitoring_at = (draft.status == IncidentStatus::Monitoring).then_some(at);
    row.resolved_at = (draft.status == IncidentStatus::Resolved).then_some(at);
    let incident = insert(tx.conn(), row).await?;
    let first = Posting {
        status: draft.status,
        message: draft.message,
        display_at: draft.backfilled_at,
        changes: draft.changes,
        deliver: draft.deliver,
        opening: true,
        author: Some(principal.user_id()),
    };
    let (incident, _) = post(&tx, incident, first, now).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.incident.create",
        json!({ "statusPageId": page.id, "incidentId": incident.id, "title": incident.name, "status": status_name(incident.status) }),
    )
    .await?;
    incident_changed(&tx, page.id).await?;
    tx.commit().await?;
    Ok(incident)
}

/// Checks a new incident's input and fills in what the template gives.
async fn settle(
    db: &impl ConnectionTrait,
    page: &status_pages::Model,
    input: &NewIncident<'_>,
    template: Option<&template::Template>,
    now: DateTime<Utc>,
) -> AppResult<Draft> {
    let title = input
        .title
        .or(template.map(|t| t.row.title.as_str()))
        .unwrap_or_default();
    let title = validate::name("title", title)?;
    let message = message(input.message.or(template.map(|t| t.row.body.as_str())))?;
    if let Some(at) = input.backfilled_at
        && at > now
    {
        return Err(AppError::field("backfilledAt", "must be in the past"));
    }
    let default_status = match (input.backfilled_at, template) {
        (Some(_), _) => IncidentStatus::Resolved,
        (None, Some(t)) => t.row.update_status,
        (None, None) => IncidentStatus::Investigating,
    };
    let status = input.status.unwrap_or(default_status);
    if Kind::of(status) != Kind::Incident {
        return Err(AppError::field(
            "status",
            "is a maintenance status: an incident is INVESTIGATING, IDENTIFIED, MONITORING or RESOLVED (createMaintenance schedules maintenance)",
        ));
    }
    if input.backfilled_at.is_some() && status != IncidentStatus::Resolved {
        return Err(AppError::field(
            "status",
            "a backfilled incident is recorded as RESOLVED",
        ));
    }
    let changes = affected(db, page.id, input, template).await?;
    Ok(Draft {
        title,
        status,
        impact_override: input.impact,
        message,
        changes,
        deliver: input.backfilled_at.is_none()
            && input
                .deliver_notifications
                .or(template.map(|t| t.row.should_send_notifications))
                .unwrap_or(true),
        backfilled_at: input.backfilled_at,
    })
}

/// The components a new incident affects: those given with a status, then those given by id
/// with the status its impact implies; the template's when the input names none.
async fn affected(
    db: &impl ConnectionTrait,
    status_page_id: Uuid,
    input: &NewIncident<'_>,
    template: Option<&template::Template>,
) -> AppResult<Vec<ComponentChange>> {
    let implied = implied_status(input.impact);
    let with_status = |ids: &[Uuid]| -> Vec<ComponentChange> {
        ids.iter()
            .map(|&component_id| ComponentChange {
                component_id,
                status: implied,
            })
            .collect()
    };
    let mut changes = on_page(db, status_page_id, input.components.to_vec(), "components").await?;
    let by_id = with_status(input.component_ids);
    changes.extend(on_page(db, status_page_id, by_id, "componentIds").await?);
    if changes.is_empty()
        && let Some(t) = template
    {
        changes = with_status(&t.component_ids);
    }
    Ok(dedup(changes))
}

/// A required update message.
pub(super) fn message(value: Option<&str>) -> AppResult<String> {
    validate::text("message", value, MAX_MESSAGE)?
        .ok_or_else(|| AppError::field("message", "must not be empty"))
}

/// The first change of each component, in order.
fn dedup(changes: Vec<ComponentChange>) -> Vec<ComponentChange> {
    let mut seen = std::collections::HashSet::new();
    changes
        .into_iter()
        .filter(|c| seen.insert(c.component_id))
        .collect()
}

/// `changes`, once every component is known to be on page `status_page_id`.
pub(super) async fn on_page(
    db: &impl ConnectionTrait,
    status_page_id: Uuid,
    changes: Vec<ComponentChange>,
    field: &str,
) -> AppResult<Vec<ComponentChange>> {
    if changes.len() > MAX_COMPONENTS {
        return Err(AppError::field(
            field,
            format!("at most {MAX_COMPONENTS} components at a time"),
        ));
    }
    if changes.is_empty() {
        return Ok(changes);
    }
    let ids: std::collections::HashSet<Uuid> = changes.iter().map(|c| c.component_id).collect();
    let found = components::Entity::find()
        .filter(components::Column::StatusPageId.eq(status_page_id))
        .filter(components::Column::Id.is_in(ids.iter().copied()))
        .count(db)
        .await?;
    if found != ids.len() as u64 {
        return Err(AppError::field(field, "a component is not on this page"));
    }
    Ok(changes)
}

/// The components `ids` of page `status_page_id` as listed by an incident that does not change
/// them (yet): each with its current status.
pub(super) async fn listed(
    db: &impl ConnectionTrait,
    status_page_id: Uuid,
    ids: &[Uuid],
    field: &str,
) -> AppResult<Vec<ComponentChange>> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() > MAX_COMPONENTS {
        return Err(AppError::field(
            field,
            format!("at most {MAX_COMPONENTS} components at a time"),
        ));
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = components::Entity::find()
        .filter(components::Column::StatusPageId.eq(status_page_id))
        .filter(components::Column::Id.is_in(ids.clone()))
        .order_by_asc(components::Column::Position)
        .all(db)
        .await?;
    if rows.len() != ids.len() {
        return Err(AppError::field(field, "a component is not on this page"));
    }
    Ok(rows
        .into_iter()
        .map(|c| ComponentChange {
            component_id: c.id,
            status: c.status,
        })
        .collect())
}

/// A new incident of `page` with every setting at its default and a fresh shortlink, not yet
/// written ([`insert`]).
pub(super) async fn blank(
    tx: &Tx,
    page: &status_pages::Model,
    author: Option<Uuid>,
    now: DateTime<Utc>,
) -> AppResult<incidents::Model> {
    Ok(incidents::Model {
        id: Uuid::now_v7(),
        status_page_id: page.id,
        created_by_user_id: author,
        name: String::new(),
        status: IncidentStatus::Investigating,
        impact: IncidentImpact::None,
        impact_override: None,
        body: None,
        scheduled_for: None,
        scheduled_until: None,
        scheduled_remind_prior: false,
        auto_transition_to_maintenance_state: true,
        auto_transition_to_operational_state: true,
        scheduled_auto_in_progress: true,
        scheduled_auto_completed: true,
        auto_transition_deliver_notifications_at_start: true,
        auto_transition_deliver_notifications_at_end: true,
        reminder_intervals: None,
        metadata: None,
        deliver_notifications: true,
        backfill_date: None,
        backfilled: false,
        monitoring_at: None,
        resolved_at: None,
        shortlink: Some(new_shortlink(tx.conn()).await?),
        next_run_at: None,
        claimed_until: None,
        created_at: now,
        updated_at: now,
    })
}

/// Inserts a new incident row, every column as `incident` has it.
pub(super) async fn insert(
    db: &impl ConnectionTrait,
    incident: incidents::Model,
) -> AppResult<incidents::Model> {
    Ok(incidents::ActiveModel::from(incident)
        .reset_all()
        .insert(db)
        .await?)
}

/// Writes every column of an incident row as `incident` has it.
pub(super) async fn save(
    db: &impl ConnectionTrait,
    incident: incidents::Model,
) -> AppResult<incidents::Model> {
    Ok(incidents::ActiveModel::from(incident)
        .reset_all()
        .update(db)
        .await?)
}

/// A short random code no incident has: 8 of `a-z0-9` (2.8 · 10¹² codes).
async fn new_shortlink(db: &impl ConnectionTrait) -> AppResult<String> {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    for _ in 0..5 {
        let code: String = {
            let mut rng = rand::rng();
            (0..8)
                .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
                .collect()
        };
        let taken = incidents::Entity::find()
            .filter(incidents::Column::Shortlink.eq(code.as_str()))
            .count(db)
            .await?;
        if taken == 0 {
            return Ok(code);
        }
    }
    Err(anyhow::anyhow!("no free shortlink after 5 tries").into())
}

/// An update ready to be written: checked, its status allowed for the incident.
pub(super) struct Posting {
    pub status: IncidentStatus,
    pub message: String,
    pub display_at: Option<DateTime<Utc>>,
    /// The components it names; when empty, a maintenance that starts puts its components
    /// under maintenance and a close returns them to operational (where the incident's
    /// settings say so).
    pub changes: Vec<ComponentChange>,
    /// Whether subscribers hear of it ([`notify`]).
    pub deliver: bool,
    /// The first update, which opens the incident: subscribers hear of a new incident
    /// ([`Notice::Created`]) rather than of an update.
    pub opening: bool,
    pub author: Option<Uuid>,
}

/// Writes an update of `incident` at `now`: the update row, the component rows, the
/// incident's status, times, message and derived impact, its next scheduler run, and the
/// state of the monitors behind a maintenance. Returns the incident and the update as stored.
pub(super) async fn post(
    tx: &Tx,
    incident: incidents::Model,
    posting: Posting,
    now: DateTime<Utc>,
) -> AppResult<(incidents::Model, incident_updates::Model)> {
    let db = tx.conn();
    let before = incident.status;
    let update = incident_updates::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(incident.id),
        created_by_user_id: Set(posting.author),
        body: Set(posting.message.clone()),
        status: Set(posting.status),
        deliver_notifications: Set(posting.deliver),
        display_at: Set(posting.display_at),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    let mut latest = latest_statuses(db, incident.id).await?;
    let changes = if posting.changes.is_empty() {
        implied_changes(&incident, posting.status, &latest)
    } else {
        posting.changes
    };
    write_changes(db, incident.id, &changes, &latest, now).await?;
    latest.extend(changes.iter().map(|c| (c.component_id, c.status)));
    let at = posting.display_at.unwrap_or(now);
    let mut row: incidents::ActiveModel = incident.into();
    row.status = Set(posting.status);
    row.body = Set(Some(posting.message));
    row.impact = Set(impact_of(latest.values().copied()));
    if posting.status != before && posting.status == IncidentStatus::Monitoring {
        row.monitoring_at = Set(Some(at));
    }
    if posting.status != before && is_closed(posting.status) {
        row.resolved_at = Set(Some(at));
    }
    row.updated_at = Set(now);
    let mut incident = row.update(db).await?;
    incident = maintenance::after_change(tx, incident, before, now).await?;
    if posting.deliver {
        let notice = if posting.opening {
            Notice::Created
        } else {
            Notice::Updated {
                update_id: update.id,
            }
        };
        notify(tx, &incident, notice).await?;
    }
    Ok((incident, update))
}

/// The component rows an update that names none writes: a maintenance that starts puts its
/// components under maintenance, a close gives them back as operational, each where the
/// incident's settings ask for it.
fn implied_changes(
    incident: &incidents::Model,
    to: IncidentStatus,
    latest: &HashMap<Uuid, ComponentStatus>,
) -> Vec<ComponentChange> {
    let target = match to {
        IncidentStatus::InProgress
            if incident.status == IncidentStatus::Scheduled
                && incident.auto_transition_to_maintenance_state =>
        {
            ComponentStatus::UnderMaintenance
        }
        IncidentStatus::Completed if incident.auto_transition_to_operational_state => {
            ComponentStatus::Operational
        }
        IncidentStatus::Resolved => ComponentStatus::Operational,
        _ => return Vec::new(),
    };
    if to == incident.status {
        return Vec::new();
    }
    let mut changes: Vec<ComponentChange> = latest
        .iter()
        .filter(|(_, status)| **status != target)
        .map(|(&component_id, _)| ComponentChange {
            component_id,
            status: target,
        })
        .collect();
    changes.sort_by_key(|c| c.component_id);
    changes
}

/// The status each component of `incident_id` has for it: the last row's.
async fn latest_statuses(
    db: &impl ConnectionTrait,
    incident_id: Uuid,
) -> AppResult<HashMap<Uuid, ComponentStatus>> {
    Ok(incident_components::Entity::find()
        .filter(incident_components::Column::IncidentId.eq(incident_id))
        .order_by_asc(incident_components::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.component_id, row.new_status))
        .collect())
}

/// Writes one `incident_components` row per change: the status the component had for the
/// incident (its current status, for one the incident did not name before) and the new one.
async fn write_changes(
    db: &impl ConnectionTrait,
    incident_id: Uuid,
    changes: &[ComponentChange],
    latest: &HashMap<Uuid, ComponentStatus>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let current: HashMap<Uuid, ComponentStatus> = components::Entity::find()
        .filter(components::Column::Id.is_in(changes.iter().map(|c| c.component_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.status))
        .collect();
    let rows: Vec<incident_components::ActiveModel> = changes
        .iter()
        .map(|c| incident_components::ActiveModel {
            id: Set(Uuid::now_v7()),
            incident_id: Set(incident_id),
            component_id: Set(c.component_id),
            old_status: Set(latest
                .get(&c.component_id)
                .or(current.get(&c.component_id))
                .copied()),
            new_status: Set(c.status),
            created_at: Set(now),
        })
        .collect();
    incident_components::Entity::insert_many(rows)
        .exec(db)
        .await?;
    Ok(())
}

/// What a new update of an incident says.
#[derive(Debug, Default)]
pub struct NewUpdate<'a> {
    /// The incident's status after it; unchanged when `None`.
    pub status: Option<IncidentStatus>,
    pub message: &'a str,
    /// The time shown instead of the time it was posted (for an update entered late).
    pub display_at: Option<DateTime<Utc>>,
    pub components: &'a [ComponentChange],
    /// Whether subscribers hear of it; as the incident says when `None`.
    pub deliver_notifications: Option<bool>,
}

/// Posts an update to incident `incident_id`.
pub async fn add_update(
    state: &AppState,
    principal: &Principal,
    incident_id: Uuid,
    input: NewUpdate<'_>,
) -> AppResult<(incidents::Model, incident_updates::Model)> {
    let (_, page) = find(state, principal, incident_id, Level::Editor).await?;
    let message = message(Some(input.message))?;
    let now = Utc::now();
    if input.display_at.is_some_and(|at| at > now) {
        return Err(AppError::field("displayAt", "must not be in the future"));
    }
    let changes = on_page(
        &state.db,
        page.id,
        dedup(input.components.to_vec()),
        "components",
    )
    .await?;
    let tx = Tx::begin(state).await?;
    let incident = lock(tx.conn(), incident_id).await?;
    let status = input.status.unwrap_or(incident.status);
    check_move(&incident, status)?;
    let updates = incident_updates::Entity::find()
        .filter(incident_updates::Column::IncidentId.eq(incident.id))
        .count(tx.conn())
        .await?;
    if updates >= MAX_UPDATES {
        return Err(AppError::invalid(format!(
            "an incident carries at most {MAX_UPDATES} updates"
        )));
    }
    let posting = Posting {
        status,
        message,
        display_at: input.display_at,
        changes,
        deliver: input
            .deliver_notifications
            .unwrap_or(incident.deliver_notifications),
        opening: false,
        author: Some(principal.user_id()),
    };
    let (incident, update) = post(&tx, incident, posting, now).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.incident.update",
        json!({ "incidentId": incident.id, "updateId": update.id, "status": status_name(update.status) }),
    )
    .await?;
    incident_changed(&tx, page.id).await?;
    tx.commit().await?;
    Ok((incident, update))
}

/// Refuses a move of `incident` to `to` its kind does not allow: a status of the other kind,
/// any update of a closed incident, a maintenance going back to scheduled or skipping its
/// start into verifying.
pub(super) fn check_move(incident: &incidents::Model, to: IncidentStatus) -> AppResult<()> {
    let from = incident.status;
    if is_closed(from) {
        let what = match Kind::of(from) {
            Kind::Incident => "this incident is resolved",
            Kind::Maintenance => "this maintenance is completed",
        };
        return Err(AppError::Conflict(format!(
            "{what}: it takes no more updates"
        )));
    }
    let kind = Kind::of(from);
    if Kind::of(to) != kind {
        let allowed = kind.statuses().map(status_name).join(", ");
        return Err(AppError::field(
            "status",
            format!(
                "{} is not a status of this {}; it takes {allowed}",
                status_name(to),
                kind.noun()
            ),
        ));
    }
    use IncidentStatus::*;
    let refused = match (from, to) {
        (InProgress | Verifying, Scheduled) => {
            Some("a maintenance that started cannot be scheduled again")
        }
        (Scheduled, Verifying) => Some("a maintenance is IN_PROGRESS before it is VERIFYING"),
        _ => None,
    };
    match refused {
        Some(why) => Err(AppError::field("status", why)),
        None => Ok(()),
    }
}

/// Closes an incident (resolved) or a maintenance (completed) with `message`, or a standard
/// one.
pub async fn resolve(
    state: &AppState,
    principal: &Principal,
    incident_id: Uuid,
    message: Option<&str>,
) -> AppResult<incidents::Model> {
    let (incident, _) = find(state, principal, incident_id, Level::Editor).await?;
    let (status, default) = match Kind::of(incident.status) {
        Kind::Incident => (IncidentStatus::Resolved, "This incident has been resolved."),
        Kind::Maintenance => (
            IncidentStatus::Completed,
            "The scheduled maintenance has been completed.",
        ),
    };
    let input = NewUpdate {
        status: Some(status),
        message: message.filter(|m| !m.trim().is_empty()).unwrap_or(default),
        ..NewUpdate::default()
    };
    Ok(add_update(state, principal, incident_id, input).await?.0)
}

/// What `update` changes; fields left `None` stay.
#[derive(Debug, Default)]
pub struct IncidentChanges<'a> {
    pub title: Option<&'a str>,
    /// `Some(None)` clears the impact set by hand: the derived one shows again.
    pub impact_override: Option<Option<IncidentImpact>>,
}

/// Renames an incident or sets its impact by hand.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    incident_id: Uuid,
    changes: IncidentChanges<'_>,
) -> AppResult<incidents::Model> {
    let (_, page) = find(state, principal, incident_id, Level::Editor).await?;
    let title = changes
        .title
        .map(|t| validate::name("title", t))
        .transpose()?;
    let tx = Tx::begin(state).await?;
    let incident = lock(tx.conn(), incident_id).await?;
    let mut row: incidents::ActiveModel = incident.into();
    if let Some(title) = title {
        row.name = Set(title);
    }
    if let Some(impact) = changes.impact_override {
        row.impact_override = Set(impact);
    }
    row.updated_at = Set(Utc::now());
    let incident = row.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.incident.edit",
        json!({ "incidentId": incident.id, "title": incident.name, "impactOverride": incident.impact_override.map(|i| i.to_value()) }),
    )
    .await?;
    incident_changed(&tx, page.id).await?;
    tx.commit().await?;
    Ok(incident)
}

/// Deletes an incident with its updates, component rows and postmortem; the monitors of a
/// maintenance in progress return to their checked status.
pub async fn delete(state: &AppState, principal: &Principal, incident_id: Uuid) -> AppResult<()> {
    let (incident, page) = find(state, principal, incident_id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    let monitors = maintenance::monitors_of(tx.conn(), incident.id).await?;
    incidents::Entity::delete_by_id(incident.id)
        .exec(tx.conn())
        .await?;
    maintenance::release_monitors(&tx, &monitors, Utc::now()).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.incident.delete",
        json!({ "incidentId": incident.id, "title": incident.name }),
    )
    .await?;
    incident_changed(&tx, page.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Incident `id` and its page, if the caller may reach the page at `needed`. An incident of a
/// page in another tenant is `NOT_FOUND`, like a missing one.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<(incidents::Model, status_pages::Model)> {
    let incident = incidents::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = super::find(state, principal, incident.status_page_id, needed).await?;
    Ok((incident, page))
}

/// The incident row, locked until the transaction ends (PostgreSQL; SQLite's write
/// transaction holds the database).
pub(super) async fn lock(db: &impl ConnectionTrait, id: Uuid) -> AppResult<incidents::Model> {
    incidents::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Which incidents of a page to list.
#[derive(Debug, Default, Clone)]
pub struct IncidentFilter {
    pub status: Option<IncidentStatus>,
    pub kind: Option<Kind>,
    /// Incidents that began at or after this time: a maintenance at its `scheduledFor`, a
    /// backfilled incident at its `backfilledAt`, any other when it was opened.
    pub from: Option<DateTime<Utc>>,
    /// Incidents that began before this time.
    pub to: Option<DateTime<Utc>>,
}

/// Incidents and maintenance of a page the caller may view, newest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    filter: IncidentFilter,
    request: PageRequest,
) -> AppResult<Rows<incidents::Model>> {
    super::find(state, principal, status_page_id, Level::Viewer).await?;
    let mut query =
        incidents::Entity::find().filter(incidents::Column::StatusPageId.eq(status_page_id));
    if let Some(status) = filter.status {
        query = query.filter(incidents::Column::Status.eq(status));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(incidents::Column::Status.is_in(kind.statuses()));
    }
    let began = || {
        Expr::expr(Func::coalesce([
            Expr::col(incidents::Column::ScheduledFor),
            Expr::col(incidents::Column::BackfillDate),
            Expr::col(incidents::Column::CreatedAt),
        ]))
    };
    if let Some(from) = filter.from {
        query = query.filter(began().gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(began().lt(to));
    }
    page::read(
        &state.db,
        query,
        incidents::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// The updates of each incident of `incident_ids`, newest first.
pub async fn updates_of(
    db: &impl ConnectionTrait,
    incident_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<incident_updates::Model>>> {
    let rows = incident_updates::Entity::find()
        .filter(incident_updates::Column::IncidentId.is_in(incident_ids.to_vec()))
        .order_by_desc(incident_updates::Column::Id)
        .all(db)
        .await?;
    let mut by_incident: HashMap<Uuid, Vec<_>> = HashMap::new();
    for row in rows {
        by_incident.entry(row.incident_id).or_default().push(row);
    }
    Ok(by_incident)
}

/// The component rows of each incident of `incident_ids`, oldest first.
pub async fn components_of(
    db: &impl ConnectionTrait,
    incident_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<incident_components::Model>>> {
    let rows = incident_components::Entity::find()
        .filter(incident_components::Column::IncidentId.is_in(incident_ids.to_vec()))
        .order_by_asc(incident_components::Column::Id)
        .all(db)
        .await?;
    let mut by_incident: HashMap<Uuid, Vec<_>> = HashMap::new();
    for row in rows {
        by_incident.entry(row.incident_id).or_default().push(row);
    }
    Ok(by_incident)
}

/// A time no earlier than a minute ago: what "not in the past" allows for clocks and typing.
pub(super) fn not_past(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    at >= now - Duration::minutes(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(status: IncidentStatus) -> incidents::Model {
        incidents::Model {
            id: Uuid::nil(),
            status_page_id: Uuid::nil(),
            created_by_user_id: None,
            name: "x".into(),
            status,
            impact: IncidentImpact::None,
            impact_override: None,
            body: None,
            scheduled_for: None,
            scheduled_until: None,
            scheduled_remind_prior: false,
            auto_transition_to_maintenance_state: true,
            auto_transition_to_operational_state: true,
            scheduled_auto_in_progress: true,
            scheduled_auto_completed: true,
            auto_transition_deliver_notifications_at_start: true,
            auto_transition_deliver_notifications_at_end: true,
            reminder_intervals: None,
            metadata: None,
            deliver_notifications: true,
            backfill_date: None,
            backfilled: false,
            monitoring_at: None,
            resolved_at: None,
            shortlink: None,
            next_run_at: None,
            claimed_until: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn moves_stay_within_their_kind_and_end_at_close() {
        use IncidentStatus::*;
        for (from, to, ok) in [
            (Investigating, Identified, true),
            (Monitoring, Investigating, true),
            (Identified, Identified, true),
            (Investigating, Resolved, true),
            (Investigating, InProgress, false),
            (Resolved, Investigating, false),
            (Resolved, Resolved, false),
            (Scheduled, InProgress, true),
            (Scheduled, Completed, true),
            (Scheduled, Verifying, false),
            (InProgress, Verifying, true),
            (Verifying, InProgress, true),
            (InProgress, Scheduled, false),
            (Verifying, Resolved, false),
            (Completed, InProgress, false),
        ] {
            assert_eq!(
                check_move(&incident(from), to).is_ok(),
                ok,
                "{from:?} -> {to:?}"
            );
        }
    }

    #[test]
    fn impact_follows_the_worst_component() {
        use ComponentStatus::*;
        assert_eq!(impact_of([]), IncidentImpact::None);
        assert_eq!(
            impact_of([Operational, UnderMaintenance]),
            IncidentImpact::None
        );
        assert_eq!(
            impact_of([DegradedPerformance, Operational]),
            IncidentImpact::Minor
        );
        assert_eq!(
            impact_of([PartialOutage, DegradedPerformance]),
            IncidentImpact::Major
        );
        assert_eq!(
            impact_of([PartialOutage, MajorOutage]),
            IncidentImpact::Critical
        );
        for impact in [
            IncidentImpact::Minor,
            IncidentImpact::Major,
            IncidentImpact::Critical,
        ] {
            assert_eq!(impact_of([implied_status(Some(impact))]), impact);
        }
    }

    #[test]
    fn closing_returns_named_components_to_operational() {
        use ComponentStatus::*;
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let latest = HashMap::from([(a, MajorOutage), (b, Operational)]);
        let changes = implied_changes(
            &incident(IncidentStatus::Monitoring),
            IncidentStatus::Resolved,
            &latest,
        );
        assert_eq!(
            changes,
            vec![ComponentChange {
                component_id: a,
                status: Operational
            }]
        );
        assert!(
            implied_changes(
                &incident(IncidentStatus::Investigating),
                IncidentStatus::Identified,
                &latest
            )
            .is_empty()
        );
        let started = implied_changes(
            &incident(IncidentStatus::Scheduled),
            IncidentStatus::InProgress,
            &latest,
        );
        assert_eq!(started.len(), 2);
        assert!(started.iter().all(|c| c.status == UnderMaintenance));
        let mut manual = incident(IncidentStatus::Scheduled);
        manual.auto_transition_to_maintenance_state = false;
        assert!(implied_changes(&manual, IncidentStatus::InProgress, &latest).is_empty());
    }
}
