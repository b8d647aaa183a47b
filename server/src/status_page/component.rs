//! Components of a status page: the parts of a service visitors see (API, website, ...), in
//! order, each backed by zero or more monitors of the page's project.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entity::status_page_components::{self, AggregationMethod, ComponentStatus};
use entity::{monitors, status_page_component_monitors as links, status_pages};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::project;
use crate::state::AppState;
use crate::validate;

/// What a new component needs.
pub struct NewComponent<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    /// Monitors of the page's project whose results drive the component's status.
    pub monitor_ids: &'a [Uuid],
}

/// Adds a component at the end of page `status_page_id`.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    input: NewComponent<'_>,
) -> AppResult<status_page_components::Model> {
    let page = super::find(state, principal, status_page_id, Level::Editor).await?;
    let name = validate::name("name", input.name)?;
    let description = validate::text("description", input.description, 2000)?;
    if input.monitor_ids.len() > MAX_MONITORS {
        return Err(AppError::field(
            "monitorIds",
            format!("at most {MAX_MONITORS} monitors per component"),
        ));
    }
    let monitors = project::rows_in_project::<monitors::Entity>(
        &state.db,
        page.project_id,
        input.monitor_ids,
        "monitorIds",
        "monitor",
    )
    .await?;
    let tx = Tx::begin(state).await?;
    let position = next_position(tx.conn(), page.id).await?;
    let now = Utc::now();
    let component = status_page_components::ActiveModel {
        id: Set(Uuid::now_v7()),
        status_page_id: Set(page.id),
        name: Set(name),
        group_name: Set(None),
        description: Set(description),
        status: Set(ComponentStatus::Operational),
        showcase: Set(true),
        only_show_if_degraded: Set(false),
        automation_email: Set(None),
        start_date: Set(None),
        position: Set(position),
        aggregation_method: Set(AggregationMethod::WorstCase),
        failure_threshold: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    link(tx.conn(), component.id, monitors.iter().map(|m| (m.id, 1))).await?;
    // Its monitors may be down already.
    super::status::recompute(tx.conn(), page.id).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.component.create",
        json!({ "statusPageId": page.id, "componentId": component.id, "name": component.name }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    reread(&state.db, component.id).await
}

/// A component as it is now (after the writes of a committed transaction).
async fn reread(db: &impl ConnectionTrait, id: Uuid) -> AppResult<status_page_components::Model> {
    status_page_components::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// One past the last position of the page's components.
async fn next_position(db: &impl ConnectionTrait, status_page_id: Uuid) -> AppResult<i32> {
    let last: Option<Option<i32>> = status_page_components::Entity::find()
        .select_only()
        .column_as(status_page_components::Column::Position.max(), "last")
        .filter(status_page_components::Column::StatusPageId.eq(status_page_id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.flatten().map_or(0, |p| p + 1))
}

/// Links `component_id` to monitors with their weights.
async fn link(
    db: &impl ConnectionTrait,
    component_id: Uuid,
    monitors: impl Iterator<Item = (Uuid, i32)>,
) -> AppResult<()> {
    let now = Utc::now();
    let rows: Vec<links::ActiveModel> = monitors
        .map(|(monitor_id, weight)| links::ActiveModel {
            component_id: Set(component_id),
            monitor_id: Set(monitor_id),
            weight: Set(weight),
            created_at: Set(now),
        })
        .collect();
    if !rows.is_empty() {
        links::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// The components of each page of `page_ids`, in page order.
pub async fn of_pages(
    db: &impl ConnectionTrait,
    page_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<status_page_components::Model>>> {
    let rows = status_page_components::Entity::find()
        .filter(status_page_components::Column::StatusPageId.is_in(page_ids.to_vec()))
        .order_by_asc(status_page_components::Column::Position)
        .order_by_asc(status_page_components::Column::Id)
        .all(db)
        .await?;
    let mut by_page: HashMap<Uuid, Vec<_>> = HashMap::new();
    for row in rows {
        by_page.entry(row.status_page_id).or_default().push(row);
    }
    Ok(by_page)
}

/// The monitor links of each component of `component_ids`, oldest first.
pub async fn links_of(
    db: &impl ConnectionTrait,
    component_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<links::Model>>> {
    let rows = links::Entity::find()
        .filter(links::Column::ComponentId.is_in(component_ids.to_vec()))
        .order_by_asc(links::Column::CreatedAt)
        .order_by_asc(links::Column::MonitorId)
        .all(db)
        .await?;
    let mut by_component: HashMap<Uuid, Vec<_>> = HashMap::new();
    for row in rows {
        by_component.entry(row.component_id).or_default().push(row);
    }
    Ok(by_component)
}

/// The page a component belongs to, if the caller may reach it at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<(status_page_components::Model, status_pages::Model)> {
    let component = status_page_components::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = super::find(state, principal, component.status_page_id, needed).await?;
    Ok((component, page))
}

/// Most monitors one component may watch.
pub const MAX_MONITORS: usize = 200;

/// Changes to a component; `None` leaves a field as it is, and an empty text clears it.
#[derive(Default)]
pub struct ComponentChanges<'a> {
    pub name: Option<&'a str>,
    pub description: Option<&'a str>,
    /// Components sharing a group name are shown together under it.
    pub group_name: Option<&'a str>,
    pub showcase: Option<bool>,
    pub only_show_if_degraded: Option<bool>,
    pub aggregation_method: Option<AggregationMethod>,
    /// 1 to [`MAX_MONITORS`].
    pub failure_threshold: Option<i32>,
    /// `Some(None)` clears it.
    pub start_date: Option<Option<DateTime<Utc>>>,
}

/// The checked changes, applied to `row`.
fn apply(
    row: &mut status_page_components::ActiveModel,
    input: &ComponentChanges<'_>,
) -> AppResult<()> {
    if let Some(name) = input.name {
        row.name = Set(validate::name("name", name)?);
    }
    if let Some(description) = input.description {
        row.description = Set(validate::text("description", Some(description), 2000)?);
    }
    if let Some(group) = input.group_name {
        row.group_name = Set(match group.trim() {
            "" => None,
            group => Some(validate::name("groupName", group)?),
        });
    }
    if let Some(showcase) = input.showcase {
        row.showcase = Set(showcase);
    }
    if let Some(only) = input.only_show_if_degraded {
        row.only_show_if_degraded = Set(only);
    }
    if let Some(method) = input.aggregation_method {
        row.aggregation_method = Set(method);
    }
    if let Some(threshold) = input.failure_threshold {
        if !(1..=MAX_MONITORS as i32).contains(&threshold) {
            return Err(AppError::field(
                "failureThreshold",
                format!("must be between 1 and {MAX_MONITORS}"),
            ));
        }
        row.failure_threshold = Set(threshold);
    }
    if let Some(start) = input.start_date {
        row.start_date = Set(start);
    }
    Ok(())
}

/// Changes a component's settings; its status follows its new aggregation at once.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: ComponentChanges<'_>,
) -> AppResult<status_page_components::Model> {
    let (component, page) = find(state, principal, id, Level::Editor).await?;
    let mut row: status_page_components::ActiveModel = component.into();
    apply(&mut row, &input)?;
    if !row.is_changed() {
        return reread(&state.db, id).await;
    }
    row.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let component = row.update(tx.conn()).await?;
    super::status::recompute(tx.conn(), page.id).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.component.update",
        json!({ "statusPageId": page.id, "componentId": id, "name": component.name }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    reread(&state.db, id).await
}

/// Deletes a component with its monitor links and subscriptions.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let (component, page) = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    status_page_components::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.component.delete",
        json!({ "statusPageId": page.id, "componentId": id, "name": component.name }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok(())
}

/// Puts the components of a page in the order of `component_ids`, which must list each of
/// them exactly once; anything else changes nothing.
pub async fn reorder(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    component_ids: &[Uuid],
) -> AppResult<status_pages::Model> {
    let page = super::find(state, principal, status_page_id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    let current = of_pages(tx.conn(), &[page.id])
        .await?
        .remove(&page.id)
        .unwrap_or_default();
    check_order(&current, component_ids)?;
    for (position, id) in component_ids.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        if current
            .iter()
            .any(|c| c.id == *id && c.position == position)
        {
            continue;
        }
        status_page_components::Entity::update_many()
            .col_expr(
                status_page_components::Column::Position,
                Expr::value(position),
            )
            .col_expr(
                status_page_components::Column::UpdatedAt,
                Expr::value(Utc::now()),
            )
            .filter(status_page_components::Column::Id.eq(*id))
            .exec(tx.conn())
            .await?;
    }
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.component.reorder",
        json!({ "statusPageId": page.id, "componentIds": component_ids }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok(page)
}

/// `order` lists every component of `current` exactly once.
fn check_order(current: &[status_page_components::Model], order: &[Uuid]) -> AppResult<()> {
    let field = "componentIds";
    let known: HashSet<Uuid> = current.iter().map(|c| c.id).collect();
    let mut seen = HashSet::new();
    for id in order {
        if !known.contains(id) {
            return Err(AppError::field(
                field,
                format!("{id} is not a component of this page"),
            ));
        }
        if !seen.insert(*id) {
            return Err(AppError::field(field, format!("{id} is listed twice")));
        }
    }
    if seen.len() != known.len() {
        return Err(AppError::field(
            field,
            format!(
                "must list all {} components of the page, in their new order ({} given)",
                known.len(),
                seen.len()
            ),
        ));
    }
    Ok(())
}

/// Replaces the monitors behind a component with `monitors` (monitor id, weight 1-100), all
/// of the page's project; the component's status follows them at once.
pub async fn set_monitors(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    monitors: &[(Uuid, i32)],
) -> AppResult<status_page_components::Model> {
    let (component, page) = find(state, principal, id, Level::Editor).await?;
    check_links(monitors)?;
    let ids: Vec<Uuid> = monitors.iter().map(|(id, _)| *id).collect();
    project::rows_in_project::<monitors::Entity>(
        &state.db,
        page.project_id,
        &ids,
        "monitors",
        "monitor",
    )
    .await?;
    let tx = Tx::begin(state).await?;
    links::Entity::delete_many()
        .filter(links::Column::ComponentId.eq(id))
        .exec(tx.conn())
        .await?;
    link(tx.conn(), id, monitors.iter().copied()).await?;
    super::status::recompute(tx.conn(), page.id).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.component.monitors",
        json!({
            "statusPageId": page.id,
            "componentId": id,
            "name": component.name,
            "monitors": monitors.iter().map(|(m, w)| json!({ "monitorId": m, "weight": w })).collect::<Vec<_>>(),
        }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    reread(&state.db, id).await
}

/// At most [`MAX_MONITORS`] links, each monitor once, weights 1-100.
fn check_links(monitors: &[(Uuid, i32)]) -> AppResult<()> {
    if monitors.len() > MAX_MONITORS {
        return Err(AppError::field(
            "monitors",
            format!("at most {MAX_MONITORS} monitors per component"),
        ));
    }
    let mut seen = HashSet::new();
    for (monitor, weight) in monitors {
        if !(1..=100).contains(weight) {
            return Err(AppError::field("weight", "must be between 1 and 100"));
        }
        if !seen.insert(*monitor) {
            return Err(AppError::field(
                "monitors",
                format!("the monitor {monitor} is listed twice"),
            ));
        }
    }
    Ok(())
}
