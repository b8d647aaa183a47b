//! Project variables and secrets. Secret values are sealed with the master key, never
//! returned through the API, and only opened for the scripts that use them.

use chrono::Utc;
use entity::project_variables;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::crypto::Binding;
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Largest value accepted (64 KiB).
pub const MAX_VALUE: usize = 64 * 1024;

/// Keys are environment-variable names: a letter or `_`, then letters, digits and `_`.
pub fn check_key(key: &str) -> AppResult<String> {
    let key = key.trim();
    let mut chars = key.chars();
    let ok = key.len() <= 255
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(key.to_owned())
    } else {
        Err(AppError::field(
            "key",
            "must start with a letter or '_' and hold only letters, digits and '_' (at most 255)",
        ))
    }
}

fn check_value(value: &str) -> AppResult<()> {
    if value.len() > MAX_VALUE {
        return Err(AppError::field(
            "value",
            format!("must be at most {MAX_VALUE} bytes"),
        ));
    }
    if value.contains('\0') {
        return Err(AppError::field("value", "must not contain NUL characters"));
    }
    Ok(())
}

/// Editors manage plain variables; secrets need a project admin.
fn level_for(secret: bool) -> Level {
    if secret {
        Level::ProjectAdmin
    } else {
        Level::Editor
    }
}

/// Fields of a new variable.
#[derive(Debug, Clone)]
pub struct NewVariable {
    pub project_id: Uuid,
    pub key: String,
    pub value: String,
    pub is_secret: bool,
    pub description: Option<String>,
}

pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewVariable,
) -> AppResult<project_variables::Model> {
    let access = principal
        .project(&state.db, input.project_id, level_for(input.is_secret))
        .await?;
    let key = check_key(&input.key)?;
    check_value(&input.value)?;
    let description = validate::text("description", input.description.as_deref(), 1000)?;
    let id = Uuid::now_v7();
    let (value, encrypted) = if input.is_secret {
        (
            String::new(),
            Some(
                state
                    .master_key
                    .seal(&input.value, &Binding::variable(id))?,
            ),
        )
    } else {
        (input.value, None)
    };
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let row = project_variables::ActiveModel {
        id: Set(id),
        project_id: Set(input.project_id),
        key: Set(key.clone()),
        value: Set(value),
        encrypted_value: Set(encrypted),
        is_secret: Set(input.is_secret),
        description: Set(description),
        created_by_user_id: Set(Some(principal.user_id())),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| match AppError::from(e) {
        AppError::Conflict(_) => {
            AppError::Conflict(format!("the variable {key} already exists in this project"))
        }
        other => other,
    })?;
    audit::record(
        &tx,
        principal,
        Some(access.project.organization_id),
        "variable.create",
        json!({ "projectId": input.project_id, "key": row.key, "secret": row.is_secret }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// A variable the caller may read.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<(project_variables::Model, Uuid)> {
    let (row, access) = principal
        .find_in_project::<project_variables::Entity>(&state.db, id, needed)
        .await?;
    Ok((row, access.project.organization_id))
}

/// Changes a variable's value or description. A secret stays a secret.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    value: Option<String>,
    description: Option<String>,
) -> AppResult<project_variables::Model> {
    let (row, org_id) = find(state, principal, id, Level::Viewer).await?;
    principal
        .project(&state.db, row.project_id, level_for(row.is_secret))
        .await?;
    let secret = row.is_secret;
    let mut active: project_variables::ActiveModel = row.into();
    if let Some(value) = value {
        check_value(&value)?;
        if secret {
            active.encrypted_value =
                Set(Some(state.master_key.seal(&value, &Binding::variable(id))?));
        } else {
            active.value = Set(value);
        }
    }
    if let Some(description) = description {
        active.description = Set(validate::text("description", Some(&description), 1000)?);
    }
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "variable.update",
        json!({ "variableId": id, "key": row.key }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let (row, org_id) = find(state, principal, id, Level::Viewer).await?;
    principal
        .project(&state.db, row.project_id, level_for(row.is_secret))
        .await?;
    let tx = Tx::begin(state).await?;
    project_variables::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "variable.delete",
        json!({ "variableId": id, "key": row.key }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Variables of a project the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<project_variables::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let query = project_variables::Entity::find()
        .filter(project_variables::Column::ProjectId.eq(project_id));
    page::read(
        &state.db,
        query,
        project_variables::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

/// Every variable of a project with secrets opened, for the executors that hand them to
/// scripts. Never reaches an API response.
pub async fn resolved(
    state: &AppState,
    db: &impl ConnectionTrait,
    project_id: Uuid,
) -> AppResult<Vec<(String, String, bool)>> {
    let rows = project_variables::Entity::find()
        .filter(project_variables::Column::ProjectId.eq(project_id))
        .order_by_asc(project_variables::Column::Key)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let value = match (&row.encrypted_value, row.is_secret) {
                (Some(sealed), true) => state
                    .master_key
                    .open(sealed, &Binding::variable(row.id))
                    .map_err(|e| {
                    e.context(format!("the secret {} cannot be opened", row.key))
                })?,
                _ => row.value.clone(),
            };
            Ok((row.key, value, row.is_secret))
        })
        .collect()
}
