//! Incident templates of a status page: a prepared title, message, status and set of
//! components an editor starts an incident from (`incident::create` with a template fills in
//! what its input leaves out).

use std::collections::HashMap;

use chrono::Utc;
use entity::incidents::IncidentStatus;
use entity::{incident_template_components as template_components, incident_templates};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::incident::{self, Kind};
use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// A template with the components it marks as affected.
#[derive(Debug, Clone)]
pub struct Template {
    pub row: incident_templates::Model,
    pub component_ids: Vec<Uuid>,
}

/// A template's fields; on update, those left `None` stay.
#[derive(Debug, Default)]
pub struct TemplateInput<'a> {
    /// Its name in the editor's list.
    pub name: Option<&'a str>,
    /// The incident title it fills in.
    pub title: Option<&'a str>,
    /// The first update's message it fills in.
    pub body: Option<&'a str>,
    /// The incident status it sets (investigating by default).
    pub status: Option<IncidentStatus>,
    pub should_send_notifications: Option<bool>,
    /// Components of the page it marks as affected; on update, replaces the list.
    pub component_ids: Option<&'a [Uuid]>,
}

/// Checked fields of a template.
struct Checked {
    name: Option<String>,
    title: Option<String>,
    body: Option<String>,
    components: Option<Vec<Uuid>>,
}

async fn check(
    db: &impl ConnectionTrait,
    status_page_id: Uuid,
    input: &TemplateInput<'_>,
) -> AppResult<Checked> {
    if input.status.is_some_and(|s| Kind::of(s) != Kind::Incident) {
        return Err(AppError::field(
            "status",
            "a template sets an incident status: INVESTIGATING, IDENTIFIED, MONITORING or RESOLVED",
        ));
    }
    let body = match input.body {
        Some(body) => Some(
            validate::text("body", Some(body), incident::MAX_MESSAGE)?
                .ok_or_else(|| AppError::field("body", "must not be empty"))?,
        ),
        None => None,
    };
    let components = match input.component_ids {
        Some(ids) => Some(
            incident::listed(db, status_page_id, ids, "componentIds")
                .await?
                .into_iter()
                .map(|c| c.component_id)
                .collect(),
        ),
        None => None,
    };
    Ok(Checked {
        name: input.name.map(|n| validate::name("name", n)).transpose()?,
        title: input
            .title
            .map(|t| validate::name("title", t))
            .transpose()?,
        body,
        components,
    })
}

/// Adds a template to page `status_page_id`.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    input: TemplateInput<'_>,
) -> AppResult<Template> {
    let page = super::find(state, principal, status_page_id, Level::Editor).await?;
    let checked = check(&state.db, page.id, &input).await?;
    let (Some(name), Some(title), Some(body)) = (checked.name, checked.title, checked.body) else {
        let missing = match (input.name, input.title) {
            (None, _) => "name",
            (_, None) => "title",
            _ => "body",
        };
        return Err(AppError::field(missing, "is required"));
    };
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let row = incident_templates::ActiveModel {
        id: Set(Uuid::now_v7()),
        status_page_id: Set(page.id),
        created_by_user_id: Set(Some(principal.user_id())),
        name: Set(name),
        title: Set(title),
        body: Set(body),
        update_status: Set(input.status.unwrap_or(IncidentStatus::Investigating)),
        should_send_notifications: Set(input.should_send_notifications.unwrap_or(true)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    let component_ids = checked.components.unwrap_or_default();
    link(tx.conn(), row.id, &component_ids).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.template.create",
        json!({ "statusPageId": page.id, "templateId": row.id, "name": row.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(Template { row, component_ids })
}

/// Changes a template; a new component list replaces the old.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: TemplateInput<'_>,
) -> AppResult<Template> {
    let (row, page) = find(state, principal, id, Level::Editor).await?;
    let checked = check(&state.db, page.id, &input).await?;
    let tx = Tx::begin(state).await?;
    let mut active: incident_templates::ActiveModel = row.into();
    if let Some(name) = checked.name {
        active.name = Set(name);
    }
    if let Some(title) = checked.title {
        active.title = Set(title);
    }
    if let Some(body) = checked.body {
        active.body = Set(body);
    }
    if let Some(status) = input.status {
        active.update_status = Set(status);
    }
    if let Some(send) = input.should_send_notifications {
        active.should_send_notifications = Set(send);
    }
    active.updated_at = Set(Utc::now());
    let row = active.update(tx.conn()).await?;
    if let Some(ids) = &checked.components {
        template_components::Entity::delete_many()
            .filter(template_components::Column::TemplateId.eq(row.id))
            .exec(tx.conn())
            .await?;
        link(tx.conn(), row.id, ids).await?;
    }
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.template.update",
        json!({ "templateId": row.id, "name": row.name }),
    )
    .await?;
    tx.commit().await?;
    let component_ids = components_of(&state.db, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    Ok(Template { row, component_ids })
}

/// Deletes a template; incidents made from it stay.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let (row, page) = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    incident_templates::Entity::delete_by_id(row.id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.template.delete",
        json!({ "templateId": row.id, "name": row.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn link(
    db: &impl ConnectionTrait,
    template_id: Uuid,
    component_ids: &[Uuid],
) -> AppResult<()> {
    if component_ids.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let rows = component_ids
        .iter()
        .map(|&component_id| template_components::ActiveModel {
            id: Set(Uuid::now_v7()),
            template_id: Set(template_id),
            component_id: Set(component_id),
            created_at: Set(now),
        });
    template_components::Entity::insert_many(rows)
        .exec(db)
        .await?;
    Ok(())
}

/// Template `id` and its page, if the caller may reach the page at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<(incident_templates::Model, entity::status_pages::Model)> {
    let row = incident_templates::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = super::find(state, principal, row.status_page_id, needed).await?;
    Ok((row, page))
}

/// Template `id` of page `status_page_id`, for an incident of that page: a template of
/// another page (or none) is bad input, whoever owns it.
pub async fn of_page(
    db: &impl ConnectionTrait,
    status_page_id: Uuid,
    id: Uuid,
) -> AppResult<Template> {
    let row = incident_templates::Entity::find_by_id(id)
        .filter(incident_templates::Column::StatusPageId.eq(status_page_id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("templateId", "is not a template of this page"))?;
    let component_ids = components_of(db, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    Ok(Template { row, component_ids })
}

/// Templates of a page the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<incident_templates::Model>> {
    super::find(state, principal, status_page_id, Level::Viewer).await?;
    let query = incident_templates::Entity::find()
        .filter(incident_templates::Column::StatusPageId.eq(status_page_id));
    page::read(
        &state.db,
        query,
        incident_templates::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

/// The component ids of each template of `template_ids`, in the order they were added.
pub async fn components_of(
    db: &impl ConnectionTrait,
    template_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<Uuid>>> {
    let rows = template_components::Entity::find()
        .filter(template_components::Column::TemplateId.is_in(template_ids.to_vec()))
        .order_by_asc(template_components::Column::Id)
        .all(db)
        .await?;
    let mut by_template: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for row in rows {
        by_template
            .entry(row.template_id)
            .or_default()
            .push(row.component_id);
    }
    Ok(by_template)
}
