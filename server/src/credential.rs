//! Service credentials (seed 001): API tokens for SendGrid, Twilio, Slack, Discord and
//! others, owned by a project. The secret is sealed and never returned; `meta` is returned
//! with its string values masked.

use chrono::Utc;
use entity::service_credentials::{self, ServiceProvider};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::crypto::Binding;
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

const MAX_SECRET: usize = 16 * 1024;
const MAX_META: usize = 16 * 1024;

/// Masks a string: its first two and last two characters stay when it is long enough.
pub fn mask_str(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 8 {
        "****".into()
    } else {
        let head: String = chars[..2].iter().collect();
        let tail: String = chars[chars.len() - 2..].iter().collect();
        format!("{head}****{tail}")
    }
}

/// Masks every string in a JSON value, keeping its shape.
pub fn mask(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(mask_str(s)),
        Value::Array(items) => Value::Array(items.iter().map(mask).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), mask(v))).collect())
        }
        other => other.clone(),
    }
}

fn check_secret(secret: &str) -> AppResult<()> {
    if secret.trim().is_empty() {
        return Err(AppError::field("secret", "must not be empty"));
    }
    if secret.len() > MAX_SECRET {
        return Err(AppError::field("secret", "is too long"));
    }
    Ok(())
}

/// Whether a string or key anywhere in `value` holds NUL, which PostgreSQL cannot store.
fn has_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().any(has_nul),
        Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || has_nul(v)),
        _ => false,
    }
}

fn check_meta(meta: &Option<Value>) -> AppResult<()> {
    if let Some(meta) = meta {
        if !meta.is_object() {
            return Err(AppError::field("meta", "must be a JSON object"));
        }
        if meta.to_string().len() > MAX_META {
            return Err(AppError::field("meta", "is too large"));
        }
        if has_nul(meta) {
            return Err(AppError::field("meta", "must not contain NUL characters"));
        }
    }
    Ok(())
}

/// Fields of a new credential.
#[derive(Debug, Clone)]
pub struct NewCredential {
    pub project_id: Uuid,
    pub name: String,
    pub provider: ServiceProvider,
    pub secret: String,
    pub meta: Option<Value>,
}

pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewCredential,
) -> AppResult<service_credentials::Model> {
    let access = principal
        .project(&state.db, input.project_id, Level::ProjectAdmin)
        .await?;
    let name = validate::name("name", &input.name)?;
    check_secret(&input.secret)?;
    check_meta(&input.meta)?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let secret = state
        .master_key
        .seal(&input.secret, &Binding::credential(id))?;
    let tx = Tx::begin(state).await?;
    let row = service_credentials::ActiveModel {
        id: Set(id),
        user_id: Set(principal.user_id()),
        organization_id: Set(access.project.organization_id),
        project_id: Set(input.project_id),
        name: Set(name),
        provider: Set(input.provider),
        secret: Set(secret),
        meta: Set(input.meta),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    audit::record(&tx, principal, Some(row.organization_id), "credential.create", json!({ "credentialId": row.id, "name": row.name, "provider": format!("{:?}", row.provider) })).await?;
    tx.commit().await?;
    Ok(row)
}

/// A credential the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<service_credentials::Model> {
    Ok(principal
        .find_in_project::<service_credentials::Entity>(&state.db, id, needed)
        .await?
        .0)
}

pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    name: Option<String>,
    secret: Option<String>,
    meta: Option<Value>,
) -> AppResult<service_credentials::Model> {
    let row = find(state, principal, id, Level::ProjectAdmin).await?;
    let mut active: service_credentials::ActiveModel = row.into();
    if let Some(name) = name {
        active.name = Set(validate::name("name", &name)?);
    }
    if let Some(secret) = secret {
        check_secret(&secret)?;
        active.secret = Set(state.master_key.seal(&secret, &Binding::credential(id))?);
    }
    if meta.is_some() {
        check_meta(&meta)?;
        active.meta = Set(meta);
    }
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "credential.update",
        json!({ "credentialId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let row = find(state, principal, id, Level::ProjectAdmin).await?;
    let tx = Tx::begin(state).await?;
    service_credentials::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "credential.delete",
        json!({ "credentialId": id, "name": row.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Credentials of a project the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<service_credentials::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let query = service_credentials::Entity::find()
        .filter(service_credentials::Column::ProjectId.eq(project_id));
    page::read(
        &state.db,
        query,
        service_credentials::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

/// The secret in clear, for the delivery code that calls the service.
pub fn open_secret(state: &AppState, row: &service_credentials::Model) -> AppResult<String> {
    Ok(state
        .master_key
        .open(&row.secret, &Binding::credential(row.id))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_strings_at_any_depth() {
        let meta =
            json!({ "sid": "AC1234567890abcdef", "short": "abc", "n": 3, "list": ["0123456789"] });
        let masked = mask(&meta);
        assert_eq!(masked["sid"], "AC****ef");
        assert_eq!(masked["short"], "****");
        assert_eq!(masked["n"], 3);
        assert_eq!(masked["list"][0], "01****89");
        assert!(!masked.to_string().contains("1234567890"));
    }
}
