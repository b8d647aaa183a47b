//! Where STORE and QUEUE actions put triggers: stored payloads the project reads back, and
//! named project queues that clients pull (with a visibility lease) and acknowledge.

use chrono::{Duration, Utc};
use entity::queue_messages::{self, QueueMessageStatus};
use entity::{actions, callback_logs, stored_payloads};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::claim::{ClaimQueue, Due};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Queue names: 1-100 of a-z, 0-9, `-` and `_`.
pub fn check_queue_name(field: &str, name: &str) -> AppResult<()> {
    let ok = (1..=100).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(AppError::field(
            field,
            "must be 1-100 characters of a-z, 0-9, '-' and '_'",
        ))
    }
}

/// The row that keeps a trigger's payload (STORE); written with its execution.
pub fn stored_row(
    id: Uuid,
    action: &actions::Model,
    log: &callback_logs::Model,
    key: Option<String>,
    payload: Value,
) -> stored_payloads::ActiveModel {
    stored_payloads::ActiveModel {
        id: Set(id),
        organization_id: Set(action.organization_id),
        project_id: Set(action.project_id),
        callback_id: Set(action.callback_id),
        action_id: Set(Some(action.id)),
        callback_log_id: Set(Some(log.id)),
        key: Set(key
            .map(|k| k.chars().take(255).collect())
            .filter(|k: &String| !k.is_empty())),
        payload: Set(payload),
        created_at: Set(Utc::now()),
    }
}

/// The row that appends a trigger's payload to a project queue (QUEUE); written with its
/// execution.
pub fn queued_row(
    id: Uuid,
    action: &actions::Model,
    queue: &str,
    payload: Value,
) -> queue_messages::ActiveModel {
    queue_messages::ActiveModel {
        id: Set(id),
        organization_id: Set(action.organization_id),
        project_id: Set(action.project_id),
        queue: Set(queue.to_owned()),
        payload: Set(payload),
        status: Set(QueueMessageStatus::Ready),
        lease_until: Set(None),
        deliveries: Set(0),
        callback_id: Set(Some(action.callback_id)),
        action_id: Set(Some(action.id)),
        created_at: Set(Utc::now()),
        acked_at: Set(None),
    }
}

/// Takes up to `max` messages of a queue for `visibility`: ready ones, and leased ones whose
/// lease ran out. Each pull leases exactly once, across replicas (project editors).
pub async fn pull(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    queue: &str,
    max: u64,
    visibility: Duration,
) -> AppResult<Vec<queue_messages::Model>> {
    principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    check_queue_name("queue", queue)?;
    if !(1..=100).contains(&max) {
        return Err(AppError::field("max", "must be between 1 and 100"));
    }
    if visibility < Duration::seconds(1) || visibility > Duration::hours(12) {
        return Err(AppError::field(
            "visibilitySeconds",
            "must be between 1 second and 12 hours",
        ));
    }
    // Ready messages have no lease; pulled ones are free again once theirs ran out.
    let leases = ClaimQueue::<queue_messages::Entity>::new(
        queue_messages::Column::Id,
        queue_messages::Column::LeaseUntil,
        visibility.to_std().unwrap_or_default(),
    );
    let due = Due {
        from: "queue_messages q",
        alias: "q",
        when: "q.project_id = $2 AND q.queue = $3 AND q.status IN ('ready', 'leased')",
        order: "q.id",
        set: "status = 'leased', deliveries = deliveries + 1",
        values: vec![project_id.into(), queue.into()],
    };
    let mut rows = leases.claim(&state.db, &due, Utc::now(), max).await?;
    rows.sort_by_key(|r| r.id);
    if !rows.is_empty() {
        let tx = Tx::begin(state).await?;
        let org = rows[0].organization_id;
        audit::record(
            &tx,
            principal,
            Some(org),
            "queue.pull",
            json!({ "queue": queue, "count": rows.len() }),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(rows)
}

/// Acknowledges a pulled message: it is done and leaves the queue (project editors).
pub async fn ack(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<queue_messages::Model> {
    let (row, access) = principal
        .find_in_project::<queue_messages::Entity>(&state.db, id, Level::Editor)
        .await?;
    if row.status == QueueMessageStatus::Acked {
        return Ok(row);
    }
    if row.status != QueueMessageStatus::Leased {
        return Err(AppError::field(
            "id",
            "only a pulled message can be acknowledged",
        ));
    }
    let tx = Tx::begin(state).await?;
    let mut active: queue_messages::ActiveModel = row.into();
    active.status = Set(QueueMessageStatus::Acked);
    active.acked_at = Set(Some(Utc::now()));
    active.lease_until = Set(None);
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(access.project.organization_id),
        "queue.ack",
        json!({ "messageId": id, "queue": row.queue }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}
