//! Uptime monitoring: monitors and their settings, the checks, the schedule, results,
//! aggregates, heartbeats and the alerts they raise.
//!
//! - this module: creating, updating, muting and deleting monitors, with their locations,
//!   tags, notification providers and parents.
//! - [`types`]: one module per monitor type (HTTP, website with TLS and domain expiry, DNS,
//!   ping, port, heartbeat, synthetic): its settings, validated and settled from an input,
//!   and its check; the registry that dispatches to them and the stored config.
//! - [`config`]: the stored config's names as other domains use them.
//! - [`check`]: what the checks share: their outcome, HTTP clients, TCP, TLS and RDAP.
//! - [`schedule`]: when checks are due, spread over their period.
//! - [`engine`]: claiming due checks through the claim queue, running them, writing results
//!   and their aggregates in batches, status by aggregation rule.
//! - [`alerting`]: what a result means for the people watching: thresholds, status changes
//!   and expiry warnings, muting, parents holding alerts back, the providers to queue them for
//!   (the delivery queue itself is `crate::alert`).
//! - [`synthetic`]: monitors that run a stored test through the test-automation executors.
//! - [`aggregate`]: hourly and daily figures, uptime, series.
//! - [`query`]: the reads: lists, results, uptime, series, daily bars, batch loads.
//! - [`maintenance`]: upkeep: exact daily percentiles, retention by plan.
//! - [`heartbeat`]: inbound pings.

pub mod aggregate;
pub mod alerting;
pub mod check;
pub mod config;
pub mod engine;
pub mod heartbeat;
pub mod maintenance;
pub mod query;
pub mod schedule;
pub mod synthetic;
pub mod types;

pub use alerting::AlertSettings;

use chrono::Utc;
use entity::monitors::{self, MonitorAggregation, MonitorStatus, MonitorType};
use entity::{alerts, monitor_locations, monitor_notification_settings, monitor_tags, tags};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::project::{self, dedup};
use crate::state::AppState;
use crate::validate;
use types::MonitorConfig;

/// The location of workers started without `--location`, and of monitors that name none.
pub const DEFAULT_LOCATION: &str = "default";

/// Everything a monitor can be created or updated with. `None` leaves a field as it is (on
/// create: its default).
#[derive(Debug, Clone, Default)]
pub struct MonitorInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub target: Option<String>,
    pub frequency_minutes: Option<i32>,
    pub enabled: Option<bool>,
    /// The settings of the monitor's type, by section as stored (`None`: keep the stored
    /// section; on create, its default). Only the sections are read: the settings every type
    /// shares change through `down_interval_seconds` and `parent_ids`.
    pub type_settings: MonitorConfig,
    pub locations: Option<Vec<String>>,
    pub aggregation: Option<MonitorAggregation>,
    pub tag_ids: Option<Vec<Uuid>>,
    pub notification_provider_ids: Option<Vec<Uuid>>,
    pub alert: Option<AlertSettings>,
    /// Seconds between checks while failing; 0 turns it off.
    pub down_interval_seconds: Option<u32>,
    /// Monitors of the same project this one depends on (replaces the list).
    pub parent_ids: Option<Vec<Uuid>>,
}

fn check_locations(locations: &[String]) -> AppResult<Vec<String>> {
    if locations.len() > 20 {
        return Err(AppError::field("locations", "at most 20 locations"));
    }
    let mut out: Vec<String> = Vec::new();
    for location in locations {
        let name = location.trim().to_lowercase();
        let ok = (1..=50).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(AppError::field(
                "locations",
                format!("{location:?} is not a location name (a-z, 0-9, '-', '_')"),
            ));
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    if out.is_empty() {
        out.push(DEFAULT_LOCATION.into());
    }
    Ok(out)
}

/// The locations a monitor is checked from.
pub fn locations_of(monitor: &monitors::Model) -> Vec<String> {
    monitor
        .locations
        .as_ref()
        .and_then(|v| serde_json::from_value::<Vec<String>>(v.clone()).ok())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec![DEFAULT_LOCATION.into()])
}

/// Builds and validates the target and config of the monitor `id` of type `ty` from `input`
/// layered over `current` (its stored target and config, `None` for a new monitor), its
/// secrets sealed for `id`.
async fn settle_config(
    state: &AppState,
    db: &impl ConnectionTrait,
    project_id: Uuid,
    ty: MonitorType,
    input: &MonitorInput,
    id: Uuid,
    current: Option<(&str, MonitorConfig)>,
) -> AppResult<(String, MonitorConfig)> {
    let monitor_id = current.is_some().then_some(id);
    let (stored_target, stored) = match current {
        Some((target, config)) => (Some(target), config),
        None => (None, MonitorConfig::default()),
    };
    let layers = types::Layers {
        state,
        db,
        project_id,
        input_target: input.target.as_deref(),
        input: &input.type_settings,
        stored_target,
        stored: &stored,
    };
    let mut config = MonitorConfig::default();
    let target = types::settle(ty, &layers, &mut config).await?;
    // Settings every type shares.
    config.down_interval_seconds = settle_down_interval(ty, input, &stored)?;
    config.depends_on = match &input.parent_ids {
        Some(ids) => check_parents(db, project_id, monitor_id, ids).await?,
        None => stored.depends_on.clone(),
    };
    config.seal(&state.master_key, id)?;
    Ok((target, config))
}

/// The seconds between checks while failing (0 turns it off), for polled monitors only.
fn settle_down_interval(
    ty: MonitorType,
    input: &MonitorInput,
    stored: &MonitorConfig,
) -> AppResult<Option<u32>> {
    let secs = match input.down_interval_seconds {
        Some(0) => None,
        Some(secs) => Some(secs),
        None => stored.down_interval_seconds,
    };
    if let Some(secs) = secs {
        if !ty.is_polled() {
            return Err(AppError::field(
                "downIntervalSeconds",
                format!(
                    "only monitors that Vigil checks itself ({}) have one",
                    types::polled_names()
                ),
            ));
        }
        if !(20..=86_400).contains(&secs) {
            return Err(AppError::field(
                "downIntervalSeconds",
                "must be between 20 seconds and a day (0 turns it off)",
            ));
        }
    }
    Ok(secs)
}

/// Checks the monitors a monitor depends on: in the same project, at most 10, not itself and
/// not through a chain of others.
async fn check_parents(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    monitor_id: Option<Uuid>,
    ids: &[Uuid],
) -> AppResult<Vec<Uuid>> {
    let ids = dedup(ids);
    if ids.len() > 10 {
        return Err(AppError::field("parentIds", "at most 10 monitors"));
    }
    if monitor_id.is_some_and(|me| ids.contains(&me)) {
        return Err(AppError::field(
            "parentIds",
            "a monitor cannot depend on itself",
        ));
    }
    project::rows_in_project::<monitors::Entity>(db, project_id, &ids, "parentIds", "monitor")
        .await?;
    // A chain back to this monitor would make a loop.
    if let Some(me) = monitor_id {
        let mut seen: Vec<Uuid> = Vec::new();
        let mut frontier = ids.clone();
        while !frontier.is_empty() && seen.len() < 1000 {
            let rows = monitors::Entity::find()
                .filter(monitors::Column::Id.is_in(frontier.clone()))
                .all(db)
                .await?;
            seen.append(&mut frontier);
            for row in rows {
                for parent in MonitorConfig::from_json(row.config.as_ref()).depends_on {
                    if parent == me {
                        return Err(AppError::field(
                            "parentIds",
                            format!("{} already depends on this monitor", row.name),
                        ));
                    }
                    if !seen.contains(&parent) && !frontier.contains(&parent) {
                        frontier.push(parent);
                    }
                }
            }
        }
    }
    Ok(ids)
}

/// Checks a check interval: 1 to 1440 minutes, and within the plan (`current`: the monitor's
/// interval when it is edited, see [`crate::plan::require_check_interval`]).
async fn check_frequency(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    minutes: i32,
    current: Option<i32>,
) -> AppResult<()> {
    if !(1..=1440).contains(&minutes) {
        return Err(AppError::field(
            "frequencyMinutes",
            "must be between 1 and 1440",
        ));
    }
    crate::plan::require_check_interval(db, org_id, minutes, current).await
}

async fn check_links(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    input: &MonitorInput,
) -> AppResult<()> {
    if let Some(ids) = &input.tag_ids {
        project::rows_in_project::<tags::Entity>(db, project_id, ids, "tagIds", "tag").await?;
    }
    if let Some(ids) = &input.notification_provider_ids {
        crate::notification_provider::check_linkable(
            db,
            project_id,
            ids,
            "notificationProviderIds",
        )
        .await?;
    }
    Ok(())
}

async fn write_links(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
    input: &MonitorInput,
) -> AppResult<()> {
    let now = Utc::now();
    if let Some(ids) = &input.tag_ids {
        monitor_tags::Entity::delete_many()
            .filter(monitor_tags::Column::MonitorId.eq(monitor_id))
            .exec(db)
            .await?;
        for tag_id in dedup(ids) {
            monitor_tags::ActiveModel {
                monitor_id: Set(monitor_id),
                tag_id: Set(tag_id),
                assigned_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    if let Some(ids) = &input.notification_provider_ids {
        monitor_notification_settings::Entity::delete_many()
            .filter(monitor_notification_settings::Column::MonitorId.eq(monitor_id))
            .exec(db)
            .await?;
        for provider_id in dedup(ids) {
            monitor_notification_settings::ActiveModel {
                monitor_id: Set(monitor_id),
                notification_provider_id: Set(provider_id),
                created_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

async fn write_alert(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
    settings: &AlertSettings,
    providers: Option<&[Uuid]>,
) -> AppResult<()> {
    let now = Utc::now();
    let existing = alerts::Entity::find()
        .filter(alerts::Column::MonitorId.eq(monitor.id))
        .one(db)
        .await?;
    let is_new = existing.is_none();
    let mut row: alerts::ActiveModel = match existing {
        Some(row) => row.into(),
        None => alerts::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(monitor.organization_id),
            project_id: Set(monitor.project_id),
            created_by_user_id: Set(monitor.created_by_user_id),
            monitor_id: Set(monitor.id),
            alert_on_success: Set(false),
            created_at: Set(now),
            notification_providers: Set(Some(json!([]))),
            ..Default::default()
        },
    };
    row.enabled = Set(settings.enabled);
    row.alert_on_failure = Set(settings.on_failure);
    row.alert_on_recovery = Set(settings.on_recovery);
    row.alert_on_ssl_expiration = Set(settings.on_ssl_expiration);
    row.alert_on_timeout = Set(settings.on_timeout);
    row.failure_threshold = Set(settings.failure_threshold);
    row.recovery_threshold = Set(settings.recovery_threshold);
    row.custom_message = Set(settings.custom_message.clone());
    if let Some(providers) = providers {
        row.notification_providers = Set(Some(json!(dedup(providers))));
    }
    row.updated_at = Set(now);
    if is_new {
        row.insert(db).await?;
    } else {
        row.update(db).await?;
    }
    Ok(())
}

/// The alert settings of a monitor (defaults when it has no `alerts` row).
pub async fn alert_settings(
    db: &impl ConnectionTrait,
    monitor_id: Uuid,
) -> AppResult<AlertSettings> {
    Ok(alerts::Entity::find()
        .filter(alerts::Column::MonitorId.eq(monitor_id))
        .one(db)
        .await?
        .map(|row| AlertSettings::from_row(&row))
        .unwrap_or_default())
}

/// (Re)creates the per-location schedule rows of a monitor. The first check of a new
/// location is due within seconds; later ones follow the monitor's phase.
async fn sync_locations(db: &impl ConnectionTrait, monitor: &monitors::Model) -> AppResult<()> {
    let wanted = locations_of(monitor);
    let existing = monitor_locations::Entity::find()
        .filter(monitor_locations::Column::MonitorId.eq(monitor.id))
        .all(db)
        .await?;
    let now = Utc::now();
    for row in &existing {
        if !wanted.contains(&row.location) {
            monitor_locations::Entity::delete_by_id(row.id)
                .exec(db)
                .await?;
        }
    }
    for location in wanted {
        if existing.iter().any(|r| r.location == location) {
            continue;
        }
        monitor_locations::ActiveModel {
            id: Set(Uuid::now_v7()),
            monitor_id: Set(monitor.id),
            location: Set(location),
            next_check_at: Set(if monitor.r#type == MonitorType::Heartbeat {
                heartbeat::deadline(monitor, now)
            } else {
                schedule::first_check(monitor, now)
            }),
            claimed_by: Set(None),
            claimed_until: Set(None),
            status: Set(MonitorStatus::Pending),
            consecutive_failures: Set(0),
            consecutive_successes: Set(0),
            last_checked_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The fields of a new monitor that need no database, checked before the transaction opens.
struct NewMonitor {
    ty: MonitorType,
    name: String,
    description: Option<String>,
    frequency: i32,
    enabled: bool,
    alert: AlertSettings,
    locations: Vec<String>,
    aggregation: MonitorAggregation,
}

impl NewMonitor {
    fn check(ty: MonitorType, input: &MonitorInput) -> AppResult<Self> {
        let name = validate::name("name", input.name.as_deref().unwrap_or_default())?;
        let description = validate::text(
            "description",
            input.description.as_deref(),
            validate::MAX_TEXT,
        )?;
        let alert = input.alert.clone().unwrap_or_default();
        alert.validate()?;
        Ok(Self {
            ty,
            name,
            description,
            frequency: input.frequency_minutes.unwrap_or(5),
            enabled: input.enabled.unwrap_or(true),
            alert,
            locations: check_locations(input.locations.as_deref().unwrap_or_default())?,
            aggregation: input.aggregation.unwrap_or(MonitorAggregation::Any),
        })
    }

    /// The monitor's row, pending its first check (paused when created disabled).
    fn row(
        &self,
        id: Uuid,
        project: &entity::projects::Model,
        user_id: Uuid,
        target: String,
        config: &MonitorConfig,
    ) -> AppResult<monitors::ActiveModel> {
        let now = Utc::now();
        Ok(monitors::ActiveModel {
            id: Set(id),
            organization_id: Set(project.organization_id),
            project_id: Set(project.id),
            created_by_user_id: Set(Some(user_id)),
            name: Set(self.name.clone()),
            description: Set(self.description.clone()),
            r#type: Set(self.ty),
            target: Set(target),
            frequency_minutes: Set(self.frequency),
            enabled: Set(self.enabled),
            status: Set(if self.enabled {
                MonitorStatus::Pending
            } else {
                MonitorStatus::Paused
            }),
            config: Set(Some(
                serde_json::to_value(config).map_err(anyhow::Error::from)?,
            )),
            alert_config: Set(None),
            last_check_at: Set(None),
            last_status_change_at: Set(None),
            muted_until: Set(None),
            scheduled_job_id: Set(None),
            next_check_at: Set(None),
            claimed_by: Set(None),
            claimed_until: Set(None),
            heartbeat_token: Set(
                (self.ty == MonitorType::Heartbeat).then(|| crate::crypto::random_token(24))
            ),
            locations: Set(Some(json!(self.locations))),
            aggregation: Set(self.aggregation),
            heartbeat_started_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        })
    }
}

/// Creates a monitor (project editors), within the plan's monitor count and interval.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    ty: MonitorType,
    input: MonitorInput,
) -> AppResult<monitors::Model> {
    let access = principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    let org_id = access.project.organization_id;
    let new = NewMonitor::check(ty, &input)?;

    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    // First: it takes the organization's lock, before this transaction writes anything.
    crate::plan::require_monitor(db, org_id).await?;
    check_frequency(db, org_id, new.frequency, None).await?;
    let id = Uuid::now_v7();
    let (target, config) = settle_config(state, db, project_id, ty, &input, id, None).await?;
    check_links(db, project_id, &input).await?;
    let monitor = new
        .row(id, &access.project, principal.user_id(), target, &config)?
        .insert(db)
        .await?;
    sync_locations(db, &monitor).await?;
    write_links(db, monitor.id, &input).await?;
    write_alert(
        db,
        &monitor,
        &new.alert,
        input.notification_provider_ids.as_deref(),
    )
    .await?;
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "monitor.create",
        json!({ "monitorId": monitor.id, "name": monitor.name, "type": format!("{ty:?}") }),
    )
    .await?;
    tx.commit().await?;
    Ok(monitor)
}

/// A monitor the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<monitors::Model> {
    Ok(principal
        .find_in_project::<monitors::Entity>(&state.db, id, needed)
        .await?
        .0)
}

/// Updates a monitor (project editors). The type cannot change.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: MonitorInput,
) -> AppResult<monitors::Model> {
    let current = find(state, principal, id, Level::Editor).await?;
    if let Some(alert) = &input.alert {
        alert.validate()?;
    }
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    let stored = MonitorConfig::from_json(current.config.as_ref());
    let (target, config) = settle_config(
        state,
        db,
        current.project_id,
        current.r#type,
        &input,
        current.id,
        Some((&current.target, stored)),
    )
    .await?;
    check_links(db, current.project_id, &input).await?;
    let mut active = changed_fields(db, &current, &input).await?;
    active.target = Set(target);
    active.config = Set(Some(
        serde_json::to_value(&config).map_err(anyhow::Error::from)?,
    ));
    active.updated_at = Set(Utc::now());
    let monitor = active.update(db).await?;
    sync_locations(db, &monitor).await?;
    if monitor.enabled && !current.enabled {
        // Resumed: check soon, with fresh counts.
        reset_locations(db, &monitor).await?;
    }
    if monitor.status != current.status {
        // Paused or resumed: the status pages showing it follow.
        crate::status_page::status::on_monitor_status_changed(&tx, monitor.id).await?;
    }
    write_links(db, monitor.id, &input).await?;
    if input.alert.is_some() || input.notification_provider_ids.is_some() {
        let settings = match input.alert.clone() {
            Some(settings) => settings,
            None => alert_settings(db, monitor.id).await?,
        };
        write_alert(
            db,
            &monitor,
            &settings,
            input.notification_provider_ids.as_deref(),
        )
        .await?;
    }
    audit::record(
        &tx,
        principal,
        Some(monitor.organization_id),
        "monitor.update",
        json!({ "monitorId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(monitor)
}

/// The monitor's plain fields the input changes (name, description, frequency, enabled,
/// locations, aggregation), checked; pausing or resuming resets its status.
async fn changed_fields(
    db: &impl ConnectionTrait,
    current: &monitors::Model,
    input: &MonitorInput,
) -> AppResult<monitors::ActiveModel> {
    let mut active: monitors::ActiveModel = current.clone().into();
    if let Some(name) = &input.name {
        active.name = Set(validate::name("name", name)?);
    }
    if input.description.is_some() {
        active.description = Set(validate::text(
            "description",
            input.description.as_deref(),
            validate::MAX_TEXT,
        )?);
    }
    if let Some(frequency) = input.frequency_minutes {
        check_frequency(
            db,
            current.organization_id,
            frequency,
            Some(current.frequency_minutes),
        )
        .await?;
        active.frequency_minutes = Set(frequency);
    }
    if let Some(enabled) = input.enabled {
        active.enabled = Set(enabled);
        if enabled != current.enabled {
            active.status = Set(if enabled {
                MonitorStatus::Pending
            } else {
                MonitorStatus::Paused
            });
            active.last_status_change_at = Set(Some(Utc::now()));
        }
    }
    if let Some(locations) = &input.locations {
        active.locations = Set(Some(json!(check_locations(locations)?)));
    }
    if let Some(aggregation) = input.aggregation {
        active.aggregation = Set(aggregation);
    }
    Ok(active)
}

async fn reset_locations(db: &impl ConnectionTrait, monitor: &monitors::Model) -> AppResult<()> {
    let now = Utc::now();
    let next = if monitor.r#type == MonitorType::Heartbeat {
        heartbeat::deadline(monitor, now)
    } else {
        schedule::first_check(monitor, now)
    };
    monitor_locations::Entity::update_many()
        .col_expr(monitor_locations::Column::NextCheckAt, next.into())
        .col_expr(
            monitor_locations::Column::Status,
            MonitorStatus::Pending.into(),
        )
        .col_expr(monitor_locations::Column::ConsecutiveFailures, 0.into())
        .col_expr(monitor_locations::Column::ConsecutiveSuccesses, 0.into())
        .filter(monitor_locations::Column::MonitorId.eq(monitor.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes a monitor with its results (project editors).
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let monitor = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    // The pages showing it, found before its links go with it, are recomputed without it.
    let pages = crate::status_page::status::pages_watching(tx.conn(), id).await?;
    monitors::Entity::delete_by_id(id).exec(tx.conn()).await?;
    for page in pages {
        crate::status_page::status::refresh_page(&tx, page).await?;
    }
    audit::record(
        &tx,
        principal,
        Some(monitor.organization_id),
        "monitor.delete",
        json!({ "monitorId": id, "name": monitor.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Silences alerts until `until` (or lifts the silence with `None`).
pub async fn mute(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    until: Option<chrono::DateTime<Utc>>,
) -> AppResult<monitors::Model> {
    let monitor = find(state, principal, id, Level::Editor).await?;
    if until.is_some_and(|u| u <= Utc::now()) {
        return Err(AppError::field("until", "must be in the future"));
    }
    let tx = Tx::begin(state).await?;
    let mut active: monitors::ActiveModel = monitor.into();
    active.muted_until = Set(until);
    active.updated_at = Set(Utc::now());
    let monitor = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(monitor.organization_id),
        if until.is_some() {
            "monitor.mute"
        } else {
            "monitor.unmute"
        },
        json!({ "monitorId": id, "until": until }),
    )
    .await?;
    tx.commit().await?;
    Ok(monitor)
}

/// Issues a new heartbeat token (the old ping URL stops working).
pub async fn rotate_heartbeat_token(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<monitors::Model> {
    let monitor = find(state, principal, id, Level::Editor).await?;
    if monitor.r#type != MonitorType::Heartbeat {
        return Err(AppError::field(
            "id",
            "only heartbeat monitors have a ping URL",
        ));
    }
    let tx = Tx::begin(state).await?;
    let mut active: monitors::ActiveModel = monitor.into();
    active.heartbeat_token = Set(Some(crate::crypto::random_token(24)));
    active.updated_at = Set(Utc::now());
    let monitor = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(monitor.organization_id),
        "monitor.rotate_heartbeat_token",
        json!({ "monitorId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(monitor)
}

/// Makes a monitor due now in all its locations; only types the engine polls
/// ([`MonitorType::is_polled`]) can be checked on demand.
pub async fn check_now(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<monitors::Model> {
    let monitor = find(state, principal, id, Level::Editor).await?;
    if !monitor.r#type.is_polled() {
        return Err(AppError::field(
            "id",
            format!(
                "only polled monitors ({}) can be checked on demand",
                types::polled_names()
            ),
        ));
    }
    if !monitor.enabled {
        return Err(AppError::field("id", "the monitor is paused"));
    }
    let tx = Tx::begin(state).await?;
    monitor_locations::Entity::update_many()
        .col_expr(monitor_locations::Column::NextCheckAt, Utc::now().into())
        .filter(monitor_locations::Column::MonitorId.eq(id))
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(monitor.organization_id),
        "monitor.check_now",
        json!({ "monitorId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(monitor)
}
