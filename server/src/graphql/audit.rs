//! The audit trail.

use async_graphql::{Context, ID, InputObject, Json, Object, Subscription};
use chrono::{DateTime, Utc};
use entity::audit_logs;
use futures_util::Stream;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::events::Event;
use crate::graphql::account::User;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::state::AppState;
use crate::validate;

/// One recorded change.
pub struct AuditLog(pub audit_logs::Model);

#[Object]
impl AuditLog {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// What was done, as `domain.verb` (`project.create`, `member.remove`, ...).
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn details(&self) -> Option<Json<serde_json::Value>> {
        self.0.details.clone().map(Json)
    }
    async fn organization_id(&self) -> Option<ID> {
        self.0.organization_id.map(|id| ID(id.to_string()))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Who did it (null when the account is gone).
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        let Some(id) = self.0.user_id else {
            return Ok(None);
        };
        Ok(ctx.loaders().users.load_one(id).await?.map(User))
    }
}

#[derive(InputObject, Default)]
pub struct AuditLogFilter {
    /// Exact action name (`monitor.create`), or a domain ending in `.` (`monitor.`) for
    /// every action of it.
    pub action: Option<String>,
    pub user_id: Option<ID>,
    /// Entries written at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Entries written before this time.
    pub until: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// An organization's audit trail, newest first (organization admins).
    async fn audit_logs(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<AuditLogFilter>,
    ) -> async_graphql::Result<Page<AuditLog>> {
        let id = validate::id("organizationId", &organization_id)?;
        let principal = ctx.principal()?;
        let filter = filter.unwrap_or_default();
        let filter = audit::AuditFilter {
            action: filter.action,
            user_id: validate::opt_id("filter.userId", filter.user_id.as_deref())?,
            since: filter.since,
            until: filter.until,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = audit::list(ctx.state(), principal, id, filter, request).await?;
        Ok(connection(request, rows, |a| a.id, AuditLog))
    }
}

#[derive(Default)]
pub struct AuditSubscription;

#[Subscription]
impl AuditSubscription {
    /// Audit entries of an organization as they are written (organization admins).
    async fn audit_log_added(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<AuditLog>> + use<>> {
        let id = validate::id("organizationId", &organization_id)?;
        let db = ctx.state().db.clone();
        crate::graphql::subscription::live(
            ctx,
            move |state: AppState, principal: Principal| async move {
                principal
                    .org(&state.db, id, Level::OrgAdmin)
                    .await
                    .map(drop)
            },
            move |event| {
                let db = db.clone();
                async move {
                    let Event::AuditLogAdded {
                        organization_id,
                        audit_log_id,
                    } = event
                    else {
                        return None;
                    };
                    if organization_id != id {
                        return None;
                    }
                    audit::find(&db, audit_log_id)
                        .await
                        .ok()
                        .flatten()
                        .map(AuditLog)
                }
            },
        )
        .await
    }
}
