//! Postmortems: the after-action report of a resolved incident, in Markdown. A draft until
//! published (`published_at`); publishing may tell the subscribers, once
//! (`notified_subscribers`), whatever the number of publishes.

use std::collections::HashMap;

use chrono::Utc;
use entity::incidents::IncidentStatus;
use entity::{incidents, postmortems};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use super::incident::{self, Notice};
use super::status::incident_changed;
use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Longest postmortem, in characters.
pub const MAX_BODY: usize = 50_000;

/// Incident `incident_id` locked in `tx`, if it is resolved.
async fn resolved(tx: &Tx, incident_id: Uuid) -> AppResult<incidents::Model> {
    let incident = incident::lock(tx.conn(), incident_id).await?;
    if incident.status != IncidentStatus::Resolved {
        return Err(AppError::Conflict(
            "a postmortem is written once the incident is resolved".into(),
        ));
    }
    Ok(incident)
}

async fn of_incident(
    db: &impl ConnectionTrait,
    incident_id: Uuid,
) -> AppResult<Option<postmortems::Model>> {
    Ok(postmortems::Entity::find()
        .filter(postmortems::Column::IncidentId.eq(incident_id))
        .one(db)
        .await?)
}

/// Writes the postmortem of a resolved incident (a draft until published; a published one
/// shows the new text at once).
pub async fn save(
    state: &AppState,
    principal: &Principal,
    incident_id: Uuid,
    body: &str,
) -> AppResult<postmortems::Model> {
    let body = validate::text("body", Some(body), MAX_BODY)?
        .ok_or_else(|| AppError::field("body", "must not be empty"))?;
    let (_, page) = incident::find(state, principal, incident_id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    let incident = resolved(&tx, incident_id).await?;
    let now = Utc::now();
    let row = match of_incident(tx.conn(), incident.id).await? {
        Some(existing) => {
            let mut active: postmortems::ActiveModel = existing.into();
            active.body = Set(body);
            active.body_last_updated_at = Set(Some(now));
            active.updated_at = Set(now);
            active.update(tx.conn()).await?
        }
        None => {
            postmortems::ActiveModel {
                id: Set(Uuid::now_v7()),
                incident_id: Set(incident.id),
                created_by_user_id: Set(Some(principal.user_id())),
                body: Set(body),
                body_last_updated_at: Set(Some(now)),
                ignored: Set(false),
                notified_subscribers: Set(false),
                published_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(tx.conn())
            .await?
        }
    };
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.postmortem.save",
        json!({ "incidentId": incident.id, "postmortemId": row.id }),
    )
    .await?;
    if row.published_at.is_some() {
        incident_changed(&tx, incident.status_page_id).await?;
    }
    tx.commit().await?;
    Ok(row)
}

/// Publishes (`true`) or takes back to draft (`false`) the postmortem of a resolved
/// incident. Publishing with `notify_subscribers` tells the subscribers, unless they were
/// told before.
pub async fn set_published(
    state: &AppState,
    principal: &Principal,
    incident_id: Uuid,
    published: bool,
    notify_subscribers: bool,
) -> AppResult<postmortems::Model> {
    let (_, page) = incident::find(state, principal, incident_id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    let incident = resolved(&tx, incident_id).await?;
    let row = of_incident(tx.conn(), incident.id)
        .await?
        .ok_or_else(|| AppError::field("incidentId", "has no postmortem yet: save one first"))?;
    let now = Utc::now();
    let notify = published && notify_subscribers && !row.notified_subscribers;
    let mut active: postmortems::ActiveModel = row.clone().into();
    active.published_at = Set(match (published, row.published_at) {
        (true, Some(at)) => Some(at),
        (true, None) => Some(now),
        (false, _) => None,
    });
    if notify {
        active.notified_subscribers = Set(true);
    }
    active.updated_at = Set(now);
    let row = active.update(tx.conn()).await?;
    if notify {
        let notice = Notice::PostmortemPublished {
            postmortem_id: row.id,
        };
        incident::notify(&tx, &incident, notice).await?;
    }
    let action = if published {
        "status_page.postmortem.publish"
    } else {
        "status_page.postmortem.unpublish"
    };
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        action,
        json!({ "incidentId": incident.id, "postmortemId": row.id, "notifiedSubscribers": notify }),
    )
    .await?;
    incident_changed(&tx, incident.status_page_id).await?;
    tx.commit().await?;
    Ok(row)
}

/// The postmortem of each incident of `incident_ids` that has one.
pub async fn of_incidents(
    db: &impl ConnectionTrait,
    incident_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, postmortems::Model>> {
    Ok(postmortems::Entity::find()
        .filter(postmortems::Column::IncidentId.is_in(incident_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.incident_id, p))
        .collect())
}
