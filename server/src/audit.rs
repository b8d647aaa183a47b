//! The audit trail: every mutation writes one `audit_logs` row in its own transaction.

use chrono::Utc;
use entity::audit_logs;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::Value;
use uuid::Uuid;

use crate::auth::Principal;
use crate::db::Tx;
use crate::error::AppResult;
use crate::events::Event;

/// Records `action` by `principal` (and the admin impersonating them, if any).
pub async fn record(
    tx: &Tx,
    principal: &Principal,
    organization_id: Option<Uuid>,
    action: &str,
    details: Value,
) -> AppResult<()> {
    let mut details = details;
    if principal.actor_id() != principal.user_id()
        && let Value::Object(map) = &mut details
    {
        map.insert(
            "impersonatedBy".into(),
            principal.actor_id().to_string().into(),
        );
    }
    if let Some(key_id) = principal.api_key_id()
        && let Value::Object(map) = &mut details
    {
        map.insert("apiKeyId".into(), key_id.to_string().into());
    }
    record_for(
        tx,
        Some(principal.user_id()),
        organization_id,
        action,
        details,
    )
    .await
}

/// Records `action` for a user who is not signed in yet (sign-up, sign-in, password reset).
pub async fn record_for(
    tx: &Tx,
    user_id: Option<Uuid>,
    organization_id: Option<Uuid>,
    action: &str,
    details: Value,
) -> AppResult<()> {
    let row = audit_logs::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        organization_id: Set(organization_id),
        action: Set(action.to_owned()),
        details: Set(Some(details)),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?;
    if let Some(organization_id) = organization_id {
        tx.publish(Event::AuditLogAdded {
            organization_id,
            audit_log_id: row.id,
        })
        .await?;
    }
    Ok(())
}
