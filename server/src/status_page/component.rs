//! Components of a status page: the parts of a service visitors see (API, website, ...), in
//! order, each backed by zero or more monitors of the page's project.

use std::collections::HashMap;

use chrono::Utc;
use entity::status_page_components::{self, AggregationMethod, ComponentStatus};
use entity::{monitors, status_page_component_monitors as links, status_pages};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::AppResult;
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
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.component.create",
        json!({ "statusPageId": page.id, "componentId": component.id, "name": component.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(component)
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
        .ok_or(crate::error::AppError::NotFound)?;
    let page = super::find(state, principal, component.status_page_id, needed).await?;
    Ok((component, page))
}
