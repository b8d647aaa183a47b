//! In-app notifications: what Vigil tells a user in the app (an invitation, a monitor going
//! down, ...). Added in the transaction of what caused them, announced to the user's live
//! subscription once it commits; read and marked read only by their user.

use chrono::Utc;
use entity::notifications;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::audit;
use crate::auth::Principal;
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::events::Event;
use crate::state::AppState;

/// Adds a notification of `kind` for `user_id` in `tx`.
pub async fn add(tx: &Tx, user_id: Uuid, kind: &str, content: Value) -> AppResult<()> {
    let now = Utc::now();
    let note = notifications::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        r#type: Set(kind.into()),
        content: Set(content),
        status: Set("sent".into()),
        sent_at: Set(Some(now)),
        read_at: Set(None),
        created_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    tx.publish(Event::NotificationAdded {
        user_id,
        notification_id: note.id,
    })
    .await?;
    Ok(())
}

/// The caller's notifications, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    principal: &Principal,
    unread_only: bool,
    request: PageRequest,
) -> AppResult<Rows<notifications::Model>> {
    let mut query =
        notifications::Entity::find().filter(notifications::Column::UserId.eq(principal.user_id()));
    if unread_only {
        query = query.filter(notifications::Column::ReadAt.is_null());
    }
    page::read(db, query, notifications::Column::Id, Order::Desc, request).await
}

/// One notification of `user_id`, if it is theirs.
pub async fn find_for(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    id: Uuid,
) -> AppResult<Option<notifications::Model>> {
    Ok(notifications::Entity::find_by_id(id)
        .filter(notifications::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Marks one of the caller's notifications read, or all of them without `id`; returns how
/// many changed. Someone else's notification, or none, is `NOT_FOUND` (and no audit row).
pub async fn mark_read(
    state: &AppState,
    principal: &Principal,
    id: Option<Uuid>,
) -> AppResult<u64> {
    principal.may_write()?;
    let tx = Tx::begin(state).await?;
    let mut update = notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Some(Utc::now()).into())
        .filter(notifications::Column::UserId.eq(principal.user_id()))
        .filter(notifications::Column::ReadAt.is_null());
    if let Some(id) = id {
        find_for(tx.conn(), principal.user_id(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        update = update.filter(notifications::Column::Id.eq(id));
    }
    let count = update.exec(tx.conn()).await?.rows_affected;
    audit::record(
        &tx,
        principal,
        None,
        "notification.mark_read",
        json!({ "count": count }),
    )
    .await?;
    tx.commit().await?;
    Ok(count)
}
