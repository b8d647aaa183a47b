//! In-app notifications of the caller.

use async_graphql::{Context, ID, Json, Object, Subscription};
use chrono::{DateTime, Utc};
use entity::notifications;
use futures_util::Stream;

use crate::events::Event;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::notification;
use crate::validate;

/// Something Vigil wants the caller to know (an invitation, a monitor going down, ...).
pub struct Notification(pub notifications::Model);

#[Object]
impl Notification {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// What it is about: `invitation`, `monitor_down`, ...
    async fn kind(&self) -> &str {
        &self.0.r#type
    }
    async fn content(&self) -> Json<serde_json::Value> {
        Json(self.0.content.clone())
    }
    async fn read(&self) -> bool {
        self.0.read_at.is_some()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Default)]
pub struct NotificationQuery;

#[Object]
impl NotificationQuery {
    /// The caller's notifications, newest first.
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        unread_only: Option<bool>,
    ) -> async_graphql::Result<Page<Notification>> {
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = notification::list(
            &ctx.state().db,
            ctx.principal()?,
            unread_only == Some(true),
            request,
        )
        .await?;
        Ok(connection(request, rows, |n| n.id, Notification))
    }
}

#[derive(Default)]
pub struct NotificationMutation;

#[Object]
impl NotificationMutation {
    /// Marks one notification read (or all of the caller's, without `id`).
    async fn mark_notifications_read(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
    ) -> async_graphql::Result<i32> {
        let id = validate::opt_id("id", id.as_deref())?;
        let count = notification::mark_read(ctx.state(), ctx.principal()?, id).await?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}

#[derive(Default)]
pub struct NotificationSubscription;

#[Subscription]
impl NotificationSubscription {
    /// The caller's new notifications as they arrive.
    async fn notification_added(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<Notification>> + use<>>
    {
        let user_id = ctx.principal()?.user_id();
        let db = ctx.state().db.clone();
        crate::graphql::subscription::live(
            ctx,
            // Only the credential is checked: a user's own notifications need no role.
            |_, _| async { Ok(()) },
            move |event| {
                let db = db.clone();
                async move {
                    let Event::NotificationAdded {
                        user_id: target,
                        notification_id,
                    } = event
                    else {
                        return None;
                    };
                    if target != user_id {
                        return None;
                    }
                    notification::find_for(&db, user_id, notification_id)
                        .await
                        .ok()
                        .flatten()
                        .map(Notification)
                }
            },
        )
        .await
    }
}
