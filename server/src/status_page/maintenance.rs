//! Scheduled maintenance: an `incidents` row with a window (`scheduled_for` to
//! `scheduled_until`) that moves through scheduled → in progress → verifying → completed, by
//! hand (`incident::add_update`) or by itself at the window's edges, with reminders to
//! subscribers before it starts.
//!
//! The scheduler ([`run_due`]) is a claim queue over `incidents`: each maintenance keeps in
//! `next_run_at` when it next has something due (a reminder, its start, its end), recomputed
//! whenever it changes, and a step leases the due rows (`claimed_until`), so that replicas
//! never work on the same one. A step takes its time as an argument, so tests drive it with
//! any clock.
//!
//! While a maintenance is in progress or verifying, the monitors behind its components show
//! `MAINTENANCE` and their alerts are held ([`holds`], read by the check engine); when it
//! ends they return to the status their checks give.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use entity::incidents::{self, IncidentStatus};
use entity::monitors::{self, MonitorStatus};
use entity::{
    incident_components, monitor_locations, status_page_component_monitors as links, status_pages,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::{Value, json};
use uuid::Uuid;

use super::incident::{self, Kind, Notice, Posting};
use super::status::incident_changed;
use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::error::{AppError, AppResult};
use crate::events::Event;
use crate::state::AppState;
use crate::validate;

/// How long a scheduler step holds a maintenance: far longer than a step takes.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(60);
/// Largest reminder interval, in hours (30 days).
pub const MAX_REMINDER_HOURS: i32 = 720;
/// Reminders one maintenance may ask for.
pub const MAX_REMINDERS: usize = 10;
/// The reminder of a maintenance that asks for reminders without intervals: an hour before.
const DEFAULT_REMINDER_HOURS: i64 = 1;

/// What a maintenance does by itself. Fields left `None` keep their value (their default, on
/// create: reminders off, everything else on).
#[derive(Debug, Default, Clone)]
pub struct Schedule {
    pub scheduled_for: Option<DateTime<Utc>>,
    pub scheduled_until: Option<DateTime<Utc>>,
    /// Remind subscribers before the start; on by default when intervals are given.
    pub remind_prior: Option<bool>,
    /// Hours before the start at which reminders go out (an hour when none is given).
    pub reminder_intervals: Option<Vec<i32>>,
    /// Move to in progress at `scheduled_for`.
    pub auto_in_progress: Option<bool>,
    /// Move to completed at `scheduled_until`.
    pub auto_completed: Option<bool>,
    /// Put the components under maintenance when it starts.
    pub components_to_maintenance: Option<bool>,
    /// Give the components back as operational when it completes.
    pub components_to_operational: Option<bool>,
    /// Tell subscribers when it starts by itself.
    pub notify_at_start: Option<bool>,
    /// Tell subscribers when it completes by itself.
    pub notify_at_end: Option<bool>,
}

/// What a new maintenance needs.
#[derive(Debug, Default)]
pub struct NewMaintenance<'a> {
    pub title: &'a str,
    /// The first update's message.
    pub message: &'a str,
    /// Its window, both required.
    pub schedule: Schedule,
    pub component_ids: &'a [Uuid],
    /// Tell subscribers it is scheduled.
    pub deliver_notifications: bool,
    /// A maintenance entered after the fact: its window is in the past, it is recorded
    /// completed and notifies nobody.
    pub backfilled: bool,
}

/// Schedules a maintenance on page `status_page_id`.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    input: NewMaintenance<'_>,
) -> AppResult<incidents::Model> {
    let page = super::find(state, principal, status_page_id, Level::Editor).await?;
    let title = validate::name("title", input.title)?;
    let message = incident::message(Some(input.message))?;
    let intervals = checked_intervals(input.schedule.reminder_intervals.as_deref())?;
    if input.schedule.scheduled_for.is_none() {
        return Err(AppError::field("scheduledFor", "is required"));
    }
    if input.schedule.scheduled_until.is_none() {
        return Err(AppError::field("scheduledUntil", "is required"));
    }
    let listed = incident::listed(&state.db, page.id, input.component_ids, "componentIds").await?;
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let mut row = incident::blank(&tx, &page, Some(principal.user_id()), now).await?;
    row.name = title;
    row.body = Some(message.clone());
    row.status = if input.backfilled {
        IncidentStatus::Completed
    } else {
        IncidentStatus::Scheduled
    };
    row.backfilled = input.backfilled;
    row.deliver_notifications = input.deliver_notifications && !input.backfilled;
    apply(&mut row, &input.schedule, intervals);
    check_window(&row, now, true, true)?;
    if input.backfilled {
        row.backfill_date = row.scheduled_for;
        row.resolved_at = row.scheduled_until;
    }
    skip_passed_reminders(&mut row, now);
    row.next_run_at = next_run(&row);
    let row = incident::insert(tx.conn(), row).await?;
    let first = Posting {
        status: row.status,
        message,
        display_at: row.backfill_date,
        changes: listed,
        deliver: row.deliver_notifications,
        opening: true,
        author: Some(principal.user_id()),
    };
    let (row, _) = incident::post(&tx, row, first, now).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.maintenance.create",
        json!({ "statusPageId": page.id, "incidentId": row.id, "title": row.name, "scheduledFor": row.scheduled_for, "scheduledUntil": row.scheduled_until }),
    )
    .await?;
    incident_changed(&tx, page.id).await?;
    tx.commit().await?;
    Ok(row)
}

/// Changes a maintenance's title, window or settings. The start moves only while it is
/// scheduled, the end until it completes; moving the start or the reminders sends the
/// reminders again from the new start.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    incident_id: Uuid,
    title: Option<&str>,
    schedule: Schedule,
) -> AppResult<incidents::Model> {
    let (found, page) = incident::find(state, principal, incident_id, Level::Editor).await?;
    if Kind::of(found.status) != Kind::Maintenance {
        return Err(AppError::field(
            "id",
            "is an incident, not a scheduled maintenance",
        ));
    }
    let title = title.map(|t| validate::name("title", t)).transpose()?;
    let intervals = checked_intervals(schedule.reminder_intervals.as_deref())?;
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let before = incident::lock(tx.conn(), incident_id).await?;
    if before.status == IncidentStatus::Completed
        && (schedule.scheduled_for.is_some() || schedule.scheduled_until.is_some())
    {
        return Err(AppError::Conflict(
            "this maintenance is completed: its window no longer moves".into(),
        ));
    }
    if before.status != IncidentStatus::Scheduled && schedule.scheduled_for.is_some() {
        return Err(AppError::field(
            "scheduledFor",
            "this maintenance has started: only its end can move",
        ));
    }
    let mut row = before.clone();
    if let Some(title) = title {
        row.name = title;
    }
    apply(&mut row, &schedule, intervals);
    check_window(
        &row,
        now,
        schedule.scheduled_for.is_some(),
        schedule.scheduled_until.is_some(),
    )?;
    if (
        row.scheduled_for,
        row.scheduled_remind_prior,
        &row.reminder_intervals,
    ) != (
        before.scheduled_for,
        before.scheduled_remind_prior,
        &before.reminder_intervals,
    ) {
        set_reminders(&mut row, &Reminders::default());
        skip_passed_reminders(&mut row, now);
    }
    row.next_run_at = next_run(&row);
    row.updated_at = now;
    let row = incident::save(tx.conn(), row).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.maintenance.edit",
        json!({ "incidentId": row.id, "title": row.name, "scheduledFor": row.scheduled_for, "scheduledUntil": row.scheduled_until }),
    )
    .await?;
    incident_changed(&tx, page.id).await?;
    tx.commit().await?;
    Ok(row)
}

/// Sets on `row` what `schedule` gives; `intervals` are its reminder intervals, checked.
fn apply(row: &mut incidents::Model, schedule: &Schedule, intervals: Option<Vec<i64>>) {
    let set = |field: &mut bool, value: Option<bool>| {
        if let Some(value) = value {
            *field = value;
        }
    };
    if schedule.scheduled_for.is_some() {
        row.scheduled_for = schedule.scheduled_for;
    }
    if schedule.scheduled_until.is_some() {
        row.scheduled_until = schedule.scheduled_until;
    }
    let remind = schedule
        .remind_prior
        .or(intervals.as_ref().map(|list| !list.is_empty()));
    set(&mut row.scheduled_remind_prior, remind);
    if let Some(list) = intervals {
        row.reminder_intervals = (!list.is_empty()).then(|| format_intervals(&list));
    }
    set(
        &mut row.scheduled_auto_in_progress,
        schedule.auto_in_progress,
    );
    set(&mut row.scheduled_auto_completed, schedule.auto_completed);
    set(
        &mut row.auto_transition_to_maintenance_state,
        schedule.components_to_maintenance,
    );
    set(
        &mut row.auto_transition_to_operational_state,
        schedule.components_to_operational,
    );
    set(
        &mut row.auto_transition_deliver_notifications_at_start,
        schedule.notify_at_start,
    );
    set(
        &mut row.auto_transition_deliver_notifications_at_end,
        schedule.notify_at_end,
    );
}

/// Refuses a window that ends before it starts, a start or end set in the past (unless the
/// maintenance is backfilled, whose window must be over).
fn check_window(
    row: &incidents::Model,
    now: DateTime<Utc>,
    start_set: bool,
    end_set: bool,
) -> AppResult<()> {
    let (Some(start), Some(end)) = (row.scheduled_for, row.scheduled_until) else {
        return Err(AppError::field("scheduledFor", "is required"));
    };
    if end <= start {
        return Err(AppError::field(
            "scheduledUntil",
            "must be after scheduledFor",
        ));
    }
    if row.backfilled {
        if end > now {
            return Err(AppError::field(
                "scheduledUntil",
                "a backfilled maintenance must be over: its window is in the past",
            ));
        }
        return Ok(());
    }
    if start_set && !incident::not_past(start, now) {
        return Err(AppError::field(
            "scheduledFor",
            "must not be in the past (set backfilled to record a past maintenance)",
        ));
    }
    if end_set && !incident::not_past(end, now) {
        return Err(AppError::field("scheduledUntil", "must not be in the past"));
    }
    Ok(())
}

/// Reminder intervals in hours, checked, distinct, largest first.
fn checked_intervals(values: Option<&[i32]>) -> AppResult<Option<Vec<i64>>> {
    let Some(values) = values else {
        return Ok(None);
    };
    if values.len() > MAX_REMINDERS {
        return Err(AppError::field(
            "reminderIntervals",
            format!("at most {MAX_REMINDERS} reminders"),
        ));
    }
    if values.iter().any(|h| !(1..=MAX_REMINDER_HOURS).contains(h)) {
        return Err(AppError::field(
            "reminderIntervals",
            format!("each must be between 1 and {MAX_REMINDER_HOURS} hours"),
        ));
    }
    let mut hours: Vec<i64> = values.iter().map(|h| i64::from(*h)).collect();
    hours.sort_unstable_by(|a, b| b.cmp(a));
    hours.dedup();
    Ok(Some(hours))
}

/// The stored form of reminder intervals, as Statuspage writes them: `[24, 3]`.
fn format_intervals(hours: &[i64]) -> String {
    Value::from(hours.to_vec()).to_string()
}

/// The reminder intervals of a maintenance, in hours, largest first: the stored ones (a JSON
/// list or comma-separated numbers), an hour when it asks for reminders without any.
pub fn intervals(row: &incidents::Model) -> Vec<i64> {
    let stored = row.reminder_intervals.as_deref().unwrap_or("");
    let mut hours: Vec<i64> = stored
        .trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace())
        .split(',')
        .filter_map(|h| h.trim().parse().ok())
        .filter(|h| *h > 0)
        .collect();
    if hours.is_empty() && row.scheduled_remind_prior {
        hours.push(DEFAULT_REMINDER_HOURS);
    }
    hours.sort_unstable_by(|a, b| b.cmp(a));
    hours.dedup();
    hours
}

/// Which reminders of a maintenance are done, kept in its `metadata`: sent, or passed over
/// (their time had gone when the maintenance was scheduled, or a later one was due at once).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reminders {
    pub sent: Vec<i64>,
    pub skipped: Vec<i64>,
}

impl Reminders {
    fn done(&self, hours: i64) -> bool {
        self.sent.contains(&hours) || self.skipped.contains(&hours)
    }
}

/// The reminders of `row` that are done.
pub fn reminders(row: &incidents::Model) -> Reminders {
    let list = |key: &str| -> Vec<i64> {
        row.metadata
            .as_ref()
            .and_then(|m| m.get(key))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default()
    };
    Reminders {
        sent: list("remindersSent"),
        skipped: list("remindersSkipped"),
    }
}

/// Stores which reminders are done, keeping the rest of `metadata`.
fn set_reminders(row: &mut incidents::Model, done: &Reminders) {
    let mut metadata = match row.metadata.take() {
        Some(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    metadata.insert("remindersSent".into(), json!(done.sent));
    metadata.insert("remindersSkipped".into(), json!(done.skipped));
    row.metadata = Some(Value::Object(metadata));
}

/// The reminders still to go out, with their times: only a scheduled maintenance that asks
/// for reminders has any.
fn pending_reminders(row: &incidents::Model) -> Vec<(i64, DateTime<Utc>)> {
    let Some(start) = row.scheduled_for else {
        return Vec::new();
    };
    if row.status != IncidentStatus::Scheduled || !row.scheduled_remind_prior {
        return Vec::new();
    }
    let done = reminders(row);
    intervals(row)
        .into_iter()
        .filter(|h| !done.done(*h))
        .map(|h| (h, start - Duration::hours(h)))
        .collect()
}

/// Marks the reminders whose time has already gone as passed over: a maintenance scheduled
/// two hours ahead sends no "in 24 hours" reminder.
fn skip_passed_reminders(row: &mut incidents::Model, now: DateTime<Utc>) {
    let passed: Vec<i64> = pending_reminders(row)
        .into_iter()
        .filter(|(_, at)| *at <= now)
        .map(|(h, _)| h)
        .collect();
    if row.scheduled_remind_prior || !passed.is_empty() {
        let mut done = reminders(row);
        done.skipped.extend(passed);
        set_reminders(row, &done);
    }
}

/// The reminder to send at `now`, if one is due: the latest due (the one closest to the
/// start); earlier ones due at the same time are passed over, so that a scheduler that was
/// away sends one reminder, not a burst. Marks them done on `row`.
fn take_due_reminder(row: &mut incidents::Model, now: DateTime<Utc>) -> Option<i64> {
    let due: Vec<i64> = pending_reminders(row)
        .into_iter()
        .filter(|(_, at)| *at <= now)
        .map(|(h, _)| h)
        .collect();
    if due.is_empty() {
        return None;
    }
    let started = row.scheduled_for.is_some_and(|start| start <= now);
    let send = due.iter().min().copied().filter(|_| !started);
    let mut done = reminders(row);
    for hours in due {
        if Some(hours) == send {
            done.sent.push(hours);
        } else {
            done.skipped.push(hours);
        }
    }
    set_reminders(row, &done);
    send
}

/// When the scheduler next has something due for `row`: a reminder or the start of a
/// scheduled maintenance, the end of one in progress or verifying (where it moves by itself).
pub fn next_run(row: &incidents::Model) -> Option<DateTime<Utc>> {
    match row.status {
        IncidentStatus::Scheduled => {
            let start = row.scheduled_for.filter(|_| row.scheduled_auto_in_progress);
            pending_reminders(row)
                .into_iter()
                .map(|(_, at)| at)
                .chain(start)
                .min()
        }
        IncidentStatus::InProgress | IncidentStatus::Verifying => {
            row.scheduled_until.filter(|_| row.scheduled_auto_completed)
        }
        _ => None,
    }
}

/// What follows a maintenance's change of status (`before` → its status now), in the same
/// transaction: its monitors go under maintenance while it is active and come back when it
/// stops being, and its next scheduler run is recomputed. An incident passes through.
pub(super) async fn after_change(
    tx: &Tx,
    mut row: incidents::Model,
    before: IncidentStatus,
    now: DateTime<Utc>,
) -> AppResult<incidents::Model> {
    if Kind::of(row.status) != Kind::Maintenance {
        return Ok(row);
    }
    if incident::is_active(row.status) {
        hold_monitors(tx, &monitors_of(tx.conn(), row.id).await?, now).await?;
    } else if incident::is_active(before) {
        release_monitors(tx, &monitors_of(tx.conn(), row.id).await?, now).await?;
    }
    let next = next_run(&row);
    if next != row.next_run_at {
        incidents::Entity::update_many()
            .col_expr(incidents::Column::NextRunAt, Expr::value(next))
            .filter(incidents::Column::Id.eq(row.id))
            .exec(tx.conn())
            .await?;
        row.next_run_at = next;
    }
    Ok(row)
}

fn queue() -> ClaimQueue<incidents::Entity> {
    ClaimQueue::new(
        incidents::Column::Id,
        incidents::Column::ClaimedUntil,
        LEASE,
    )
}

/// One step of the maintenance scheduler at `now`: leases up to `limit` maintenances with
/// something due and, for each in its own transaction, sends the reminder due, starts it at
/// `scheduled_for`, completes it at `scheduled_until` (where it asks for that), then gives
/// the lease back. A maintenance whose step fails keeps its lease until it runs out and is
/// taken again. Returns the number leased (`limit` means more may be waiting).
pub async fn run_due(state: &AppState, now: DateTime<Utc>, limit: u64) -> AppResult<usize> {
    let due = Due {
        from: "incidents i",
        alias: "i",
        when: "i.next_run_at <= $1",
        order: "i.next_run_at",
        set: "",
        values: Vec::new(),
    };
    let claimed = queue().claim(&state.db, &due, now, limit).await?;
    for row in &claimed {
        if let Err(err) = run_one(state, row.id, now).await {
            tracing::warn!(error = ?err, incident = %row.id, "scheduled maintenance step failed");
        }
    }
    Ok(claimed.len())
}

/// The scheduler's work on one leased maintenance.
async fn run_one(state: &AppState, id: Uuid, now: DateTime<Utc>) -> AppResult<()> {
    let tx = Tx::begin(state).await?;
    let mut row = match incident::lock(tx.conn(), id).await {
        Ok(row) => row,
        Err(AppError::NotFound) => return Ok(()), // deleted meanwhile
        Err(err) => return Err(err),
    };
    let page = status_pages::Entity::find_by_id(row.status_page_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let org = Some(page.organization_id);
    let before = row.clone();
    if let Some(hours) = take_due_reminder(&mut row, now) {
        incident::notify(&tx, &row, Notice::Reminder { hours }).await?;
        let details = json!({ "incidentId": row.id, "hoursBefore": hours });
        audit::record_for(&tx, None, org, "status_page.maintenance.remind", details).await?;
    }
    if row != before {
        row = incident::save(tx.conn(), row).await?;
    }
    let starts = row.scheduled_for.filter(|_| row.scheduled_auto_in_progress);
    if row.status == IncidentStatus::Scheduled && starts.is_some_and(|at| at <= now) {
        row = step(&tx, row, IncidentStatus::InProgress, now).await?;
        let details = json!({ "incidentId": row.id });
        audit::record_for(&tx, None, org, "status_page.maintenance.start", details).await?;
    }
    let ends = row.scheduled_until.filter(|_| row.scheduled_auto_completed);
    if matches!(
        row.status,
        IncidentStatus::InProgress | IncidentStatus::Verifying
    ) && ends.is_some_and(|at| at <= now)
    {
        row = step(&tx, row, IncidentStatus::Completed, now).await?;
        let details = json!({ "incidentId": row.id });
        audit::record_for(&tx, None, org, "status_page.maintenance.complete", details).await?;
    }
    incidents::Entity::update_many()
        .col_expr(incidents::Column::NextRunAt, Expr::value(next_run(&row)))
        .col_expr(
            incidents::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(incidents::Column::Id.eq(row.id))
        .exec(tx.conn())
        .await?;
    if row != before {
        incident_changed(&tx, page.id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The scheduler's own update moving a maintenance to `to`, told to subscribers where the
/// maintenance asks for it.
async fn step(
    tx: &Tx,
    row: incidents::Model,
    to: IncidentStatus,
    now: DateTime<Utc>,
) -> AppResult<incidents::Model> {
    let (message, deliver) = match to {
        IncidentStatus::InProgress => (
            "The scheduled maintenance is now in progress.",
            row.auto_transition_deliver_notifications_at_start,
        ),
        _ => (
            "The scheduled maintenance has been completed.",
            row.auto_transition_deliver_notifications_at_end,
        ),
    };
    let posting = Posting {
        status: to,
        message: message.to_owned(),
        display_at: None,
        changes: Vec::new(),
        deliver,
        opening: false,
        author: None,
    };
    Ok(incident::post(tx, row, posting, now).await?.0)
}

/// Why a monitor's alerts are held: a maintenance in progress covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hold {
    pub incident_id: Uuid,
    pub name: String,
}

/// The monitors of `monitor_ids` that a maintenance in progress or verifying covers (through
/// the components it names), each with that maintenance: their results show `MAINTENANCE`
/// and raise no alerts. Two statements, one when none of them is behind a component.
pub async fn holds(
    db: &impl ConnectionTrait,
    monitor_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Hold>> {
    if monitor_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let linked = links::Entity::find()
        .filter(links::Column::MonitorId.is_in(monitor_ids.to_vec()))
        .all(db)
        .await?;
    if linked.is_empty() {
        return Ok(HashMap::new());
    }
    let components: HashSet<Uuid> = linked.iter().map(|l| l.component_id).collect();
    let rows = incident_components::Entity::find()
        .find_also_related(incidents::Entity)
        .filter(incident_components::Column::ComponentId.is_in(components))
        .filter(
            incidents::Column::Status
                .is_in([IncidentStatus::InProgress, IncidentStatus::Verifying]),
        )
        .order_by_asc(incident_components::Column::Id)
        .all(db)
        .await?;
    let mut by_component: HashMap<Uuid, Hold> = HashMap::new();
    for (row, maintenance) in rows {
        if let Some(m) = maintenance {
            by_component.entry(row.component_id).or_insert(Hold {
                incident_id: m.id,
                name: m.name,
            });
        }
    }
    Ok(linked
        .into_iter()
        .filter_map(|l| {
            by_component
                .get(&l.component_id)
                .map(|hold| (l.monitor_id, hold.clone()))
        })
        .collect())
}

/// Notes in a result's details which maintenance held its alerts back, and why (as
/// `monitor::alerting::note_hold` does for a parent that is down).
pub fn note_hold(details: &mut Value, hold: &Hold) {
    if let Value::Object(map) = details {
        map.insert(
            "alertsHeldBy".into(),
            json!({
                "maintenanceId": hold.incident_id,
                "name": hold.name,
                "reason": format!("the scheduled maintenance \"{}\" is in progress", hold.name),
            }),
        );
    }
}

/// The monitors behind the components maintenance `incident_id` names.
pub(super) async fn monitors_of(
    db: &impl ConnectionTrait,
    incident_id: Uuid,
) -> AppResult<Vec<Uuid>> {
    let components: Vec<Uuid> = incident_components::Entity::find()
        .select_only()
        .column(incident_components::Column::ComponentId)
        .filter(incident_components::Column::IncidentId.eq(incident_id))
        .into_tuple()
        .all(db)
        .await?;
    if components.is_empty() {
        return Ok(Vec::new());
    }
    let mut monitors: Vec<Uuid> = links::Entity::find()
        .select_only()
        .column(links::Column::MonitorId)
        .filter(links::Column::ComponentId.is_in(components))
        .into_tuple()
        .all(db)
        .await?;
    monitors.sort_unstable();
    monitors.dedup();
    Ok(monitors)
}

/// The monitors of `ids` in order of id, locked (PostgreSQL) in that order as the check
/// engine locks them, so that the two never wait for each other in a cycle.
async fn locked_monitors(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<Vec<monitors::Model>> {
    Ok(monitors::Entity::find()
        .filter(monitors::Column::Id.is_in(ids.to_vec()))
        .order_by_asc(monitors::Column::Id)
        .lock_exclusive()
        .all(db)
        .await?)
}

/// Puts the enabled monitors of `ids` under maintenance.
async fn hold_monitors(tx: &Tx, ids: &[Uuid], now: DateTime<Utc>) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let changed: Vec<monitors::Model> = locked_monitors(tx.conn(), ids)
        .await?
        .into_iter()
        .filter(|m| m.enabled && m.status != MonitorStatus::Maintenance)
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    monitors::Entity::update_many()
        .col_expr(
            monitors::Column::Status,
            Expr::value(MonitorStatus::Maintenance),
        )
        .col_expr(monitors::Column::LastStatusChangeAt, Expr::value(now))
        .filter(monitors::Column::Id.is_in(changed.iter().map(|m| m.id)))
        .exec(tx.conn())
        .await?;
    for monitor in changed {
        tx.publish(Event::MonitorStatusChanged {
            monitor_id: monitor.id,
            project_id: monitor.project_id,
        })
        .await?;
    }
    Ok(())
}

/// Gives the monitors of `ids` under maintenance, and not covered by another maintenance in
/// progress, the status their locations' checks give. One whose checks failed meanwhile
/// goes back to `PENDING` with its checks due at once: the next result decides, and a
/// failure that outlasts the maintenance alerts as a new one.
pub(super) async fn release_monitors(tx: &Tx, ids: &[Uuid], now: DateTime<Utc>) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let db = tx.conn();
    let still = holds(db, ids).await?;
    let released: Vec<monitors::Model> = locked_monitors(db, ids)
        .await?
        .into_iter()
        .filter(|m| m.status == MonitorStatus::Maintenance && !still.contains_key(&m.id))
        .collect();
    if released.is_empty() {
        return Ok(());
    }
    let mut statuses: HashMap<Uuid, Vec<MonitorStatus>> = HashMap::new();
    for slot in monitor_locations::Entity::find()
        .filter(monitor_locations::Column::MonitorId.is_in(released.iter().map(|m| m.id)))
        .all(db)
        .await?
    {
        statuses
            .entry(slot.monitor_id)
            .or_default()
            .push(slot.status);
    }
    for monitor in released {
        let checked = crate::monitor::engine::overall_status(
            monitor.aggregation,
            statuses.get(&monitor.id).map_or(&[][..], Vec::as_slice),
        );
        let recheck = checked == MonitorStatus::Down;
        let status = if recheck {
            MonitorStatus::Pending
        } else {
            checked
        };
        let mut update = monitors::Entity::update_many()
            .col_expr(monitors::Column::Status, Expr::value(status))
            .col_expr(monitors::Column::LastStatusChangeAt, Expr::value(now))
            .filter(monitors::Column::Id.eq(monitor.id));
        if recheck {
            update = update.col_expr(monitors::Column::NextCheckAt, Expr::value(now));
            monitor_locations::Entity::update_many()
                .col_expr(monitor_locations::Column::NextCheckAt, Expr::value(now))
                .filter(monitor_locations::Column::MonitorId.eq(monitor.id))
                .exec(db)
                .await?;
        }
        update.exec(db).await?;
        tx.publish(Event::MonitorStatusChanged {
            monitor_id: monitor.id,
            project_id: monitor.project_id,
        })
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default() + Duration::hours(hours)
    }

    fn scheduled(intervals: &[i32]) -> incidents::Model {
        let mut row = incidents::Model {
            id: Uuid::nil(),
            status_page_id: Uuid::nil(),
            created_by_user_id: None,
            name: "db upgrade".into(),
            status: IncidentStatus::Scheduled,
            impact: entity::incidents::IncidentImpact::None,
            impact_override: None,
            body: None,
            scheduled_for: Some(at(48)),
            scheduled_until: Some(at(50)),
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
            created_at: at(0),
            updated_at: at(0),
        };
        let list = checked_intervals(Some(intervals)).expect("valid");
        apply(&mut row, &Schedule::default(), list);
        row
    }

    #[test]
    fn reminders_go_once_each_and_a_late_scheduler_sends_one() {
        let mut row = scheduled(&[24, 1, 72]);
        assert_eq!(row.reminder_intervals.as_deref(), Some("[72,24,1]"));
        assert!(row.scheduled_remind_prior);
        // Scheduled 48 h ahead: the 72 h reminder's time has gone.
        skip_passed_reminders(&mut row, at(0));
        assert_eq!(reminders(&row).skipped, vec![72]);
        assert_eq!(next_run(&row), Some(at(24)));
        assert_eq!(take_due_reminder(&mut row, at(23)), None);
        assert_eq!(take_due_reminder(&mut row, at(24)), Some(24));
        assert_eq!(take_due_reminder(&mut row, at(25)), None, "sent once");
        assert_eq!(next_run(&row), Some(at(47)));
        assert_eq!(take_due_reminder(&mut row, at(47)), Some(1));
        assert_eq!(next_run(&row), Some(at(48)), "then the start");
        assert_eq!(reminders(&row).sent, vec![24, 1]);

        let mut late = scheduled(&[24, 1]);
        assert_eq!(
            take_due_reminder(&mut late, at(47) + Duration::minutes(30)),
            Some(1)
        );
        assert_eq!(reminders(&late).skipped, vec![24]);
        let mut missed = scheduled(&[1]);
        assert_eq!(
            take_due_reminder(&mut missed, at(49)),
            None,
            "no reminder once started"
        );
    }

    #[test]
    fn the_next_run_follows_the_status_and_the_automatic_moves() {
        let mut row = scheduled(&[]);
        assert!(!row.scheduled_remind_prior);
        assert_eq!(next_run(&row), Some(at(48)));
        row.scheduled_auto_in_progress = false;
        assert_eq!(next_run(&row), None);
        row.status = IncidentStatus::InProgress;
        assert_eq!(next_run(&row), Some(at(50)));
        row.scheduled_auto_completed = false;
        assert_eq!(next_run(&row), None);
        row.status = IncidentStatus::Completed;
        row.scheduled_auto_completed = true;
        assert_eq!(next_run(&row), None);
        let mut reminded = scheduled(&[]);
        reminded.scheduled_remind_prior = true;
        assert_eq!(intervals(&reminded), vec![1], "an hour before by default");
        assert_eq!(next_run(&reminded), Some(at(47)));
    }

    #[test]
    fn intervals_are_checked_and_stored_as_statuspage_writes_them() {
        assert!(checked_intervals(Some(&[0])).is_err());
        assert!(checked_intervals(Some(&[721])).is_err());
        assert!(checked_intervals(Some(&[1; 11])).is_err());
        assert_eq!(
            checked_intervals(Some(&[3, 24, 3])).ok().flatten(),
            Some(vec![24, 3])
        );
        let mut row = scheduled(&[]);
        row.reminder_intervals = Some("3, 6,12 ,24".into());
        assert_eq!(intervals(&row), vec![24, 12, 6, 3]);
    }

    #[test]
    fn windows_end_after_they_start_and_lie_ahead_unless_backfilled() {
        let mut row = scheduled(&[]);
        assert!(check_window(&row, at(0), true, true).is_ok());
        assert!(
            check_window(&row, at(49), true, true).is_err(),
            "start in the past"
        );
        assert!(
            check_window(&row, at(49), false, true).is_ok(),
            "only the end moved"
        );
        row.scheduled_until = Some(at(47));
        assert!(check_window(&row, at(0), true, true).is_err());
        let mut past = scheduled(&[]);
        past.backfilled = true;
        assert!(
            check_window(&past, at(0), true, true).is_err(),
            "not over yet"
        );
        assert!(check_window(&past, at(51), true, true).is_ok());
    }
}
