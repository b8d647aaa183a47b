//! Tags that label a project's monitors and tests.

use chrono::Utc;
use entity::tags;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Colours are `#rrggbb`.
fn check_color(color: Option<&str>) -> AppResult<Option<String>> {
    let Some(color) = color.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    if validate::is_hex_colour(color) {
        Ok(Some(color.to_lowercase()))
    } else {
        Err(AppError::field("color", "must be a colour like #3b82f6"))
    }
}

fn check_name(name: &str) -> AppResult<String> {
    let name = validate::name("name", name)?;
    if name.chars().count() > 50 {
        return Err(AppError::field("name", "must be at most 50 characters"));
    }
    Ok(name)
}

fn conflict(name: &str) -> impl Fn(sea_orm::DbErr) -> AppError + '_ {
    move |e| match AppError::from(e) {
        AppError::Conflict(_) => {
            AppError::Conflict(format!("the tag {name:?} already exists in this project"))
        }
        other => other,
    }
}

pub async fn create(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    name: &str,
    color: Option<&str>,
) -> AppResult<tags::Model> {
    let access = principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    let name = check_name(name)?;
    let color = check_color(color)?;
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let tag = tags::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(access.project.organization_id),
        project_id: Set(project_id),
        created_by_user_id: Set(Some(principal.user_id())),
        name: Set(name.clone()),
        color: Set(color),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await
    .map_err(conflict(&name))?;
    audit::record(
        &tx,
        principal,
        Some(tag.organization_id),
        "tag.create",
        json!({ "tagId": tag.id, "name": tag.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(tag)
}

/// A tag the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<tags::Model> {
    Ok(principal
        .find_in_project::<tags::Entity>(&state.db, id, needed)
        .await?
        .0)
}

pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    name: Option<&str>,
    color: Option<&str>,
) -> AppResult<tags::Model> {
    let tag = find(state, principal, id, Level::Editor).await?;
    let mut active: tags::ActiveModel = tag.into();
    let mut label = String::new();
    if let Some(name) = name {
        label = check_name(name)?;
        active.name = Set(label.clone());
    }
    if color.is_some() {
        active.color = Set(check_color(color)?);
    }
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let tag = active.update(tx.conn()).await.map_err(conflict(&label))?;
    audit::record(
        &tx,
        principal,
        Some(tag.organization_id),
        "tag.update",
        json!({ "tagId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(tag)
}

pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let tag = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    tags::Entity::delete_by_id(id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(tag.organization_id),
        "tag.delete",
        json!({ "tagId": id, "name": tag.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Tags of a project the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<tags::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let query = tags::Entity::find().filter(tags::Column::ProjectId.eq(project_id));
    page::read(&state.db, query, tags::Column::Id, Order::Asc, request).await
}
