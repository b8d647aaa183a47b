//! The audit trail: every mutation writes one `audit_logs` row in its own transaction; admins
//! read the trail back newest first.

use chrono::{DateTime, Utc};
use entity::audit_logs;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::events::Event;
use crate::state::AppState;

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

/// Which entries of a trail to list.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    /// Exact action name, or every action of a domain when it ends in `.` (`monitor.`).
    pub action: Option<String>,
    pub user_id: Option<Uuid>,
    /// Entries written at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Entries written before this time.
    pub until: Option<DateTime<Utc>>,
}

/// An organization's audit trail, newest first (organization admins).
pub async fn list(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    filter: AuditFilter,
    request: PageRequest,
) -> AppResult<Rows<audit_logs::Model>> {
    principal
        .org(&state.db, organization_id, Level::OrgAdmin)
        .await?;
    let mut query =
        audit_logs::Entity::find().filter(audit_logs::Column::OrganizationId.eq(organization_id));
    if let Some(action) = filter.action {
        // PostgreSQL cannot compare text with NUL in it.
        if action.contains('\0') {
            return Err(AppError::field(
                "filter.action",
                "must not contain NUL characters",
            ));
        }
        query = match action.strip_suffix('.') {
            // A domain: its actions all start with it. In the LIKE pattern `_` matches any one
            // character, which is harmless: no action name differs from another only there.
            Some(domain) if !domain.is_empty() => {
                if !domain
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                {
                    return Err(AppError::field(
                        "filter.action",
                        "a domain is lowercase letters and '_', like \"monitor.\"",
                    ));
                }
                query.filter(audit_logs::Column::Action.starts_with(format!("{domain}.")))
            }
            _ => query.filter(audit_logs::Column::Action.eq(action)),
        };
    }
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since > until
    {
        return Err(AppError::field("filter.until", "must not be before since"));
    }
    if let Some(since) = filter.since {
        query = query.filter(audit_logs::Column::CreatedAt.gte(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_logs::Column::CreatedAt.lt(until));
    }
    if let Some(user_id) = filter.user_id {
        query = query.filter(audit_logs::Column::UserId.eq(user_id));
    }
    page::read(
        &state.db,
        query,
        audit_logs::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// One entry by id, for the live trail (whose subscription checked access).
pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<audit_logs::Model>> {
    Ok(audit_logs::Entity::find_by_id(id).one(db).await?)
}
