//! What system administrators may do to accounts.

use async_graphql::{Context, ID, InputObject, Object};
use axum::http::header::SET_COOKIE;
use chrono::{DateTime, Utc};

use crate::account;
use crate::auth::session as sessions;
use crate::graphql::account::{AuthPayload, User, UserRole};
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::validate;

#[derive(InputObject, Default)]
pub struct UserFilter {
    /// Part of the name or email.
    pub search: Option<String>,
    pub banned: Option<bool>,
}

#[derive(InputObject)]
pub struct BanUserInput {
    pub user_id: ID,
    pub reason: Option<String>,
    /// Ban until then; forever when absent.
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct AdminQuery;

#[Object]
impl AdminQuery {
    /// Every account (system administrators only), oldest first.
    async fn users(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<UserFilter>,
    ) -> async_graphql::Result<Page<User>> {
        let admin = ctx.principal()?;
        let filter = filter.unwrap_or_default();
        let filter = account::UserFilter {
            search: filter.search,
            banned: filter.banned,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = account::list_users(ctx.state(), admin, filter, request).await?;
        Ok(connection(request, rows, |u| u.id, User))
    }
}

#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Bans an account and ends its sessions.
    async fn ban_user(
        &self,
        ctx: &Context<'_>,
        input: BanUserInput,
    ) -> async_graphql::Result<User> {
        let id = validate::id("userId", &input.user_id)?;
        Ok(User(
            account::ban(
                ctx.state(),
                ctx.principal()?,
                id,
                input.reason,
                input.expires_at,
            )
            .await?,
        ))
    }

    async fn unban_user(&self, ctx: &Context<'_>, user_id: ID) -> async_graphql::Result<User> {
        let id = validate::id("userId", &user_id)?;
        Ok(User(
            account::unban(ctx.state(), ctx.principal()?, id).await?,
        ))
    }

    async fn set_user_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        role: UserRole,
    ) -> async_graphql::Result<User> {
        let id = validate::id("userId", &user_id)?;
        Ok(User(
            account::set_role(ctx.state(), ctx.principal()?, id, role.into()).await?,
        ))
    }

    /// Opens a one-hour session as another user; it is recorded as the administrator's.
    /// The returned token is for that session (browsers also get it as the cookie).
    async fn impersonate_user(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
    ) -> async_graphql::Result<AuthPayload> {
        let id = validate::id("userId", &user_id)?;
        let signed =
            account::impersonate(ctx.state(), ctx.principal()?, id, &ctx.request().client).await?;
        let request = ctx.request();
        // A browser keeps its administrator's session aside, to be given back when the
        // impersonation stops.
        if let Some(own) = &request.cookies.session {
            ctx.append_http_header(
                SET_COOKIE,
                sessions::admin_cookie(own, request.secure_cookies),
            );
        }
        ctx.append_http_header(
            SET_COOKIE,
            sessions::cookie(&signed.token, 1, request.secure_cookies),
        );
        Ok(AuthPayload {
            token: signed.token,
            user: User(signed.user),
        })
    }

    /// Ends the current impersonation session. A browser gets back the administrator's own
    /// session it kept aside, when that is still valid (true); otherwise it is signed out
    /// (false).
    async fn stop_impersonating(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let request = ctx.request();
        let restored = account::stop_impersonating(
            ctx.state(),
            ctx.principal()?,
            request.cookies.admin.as_deref(),
        )
        .await?;
        let secure = request.secure_cookies;
        ctx.append_http_header(SET_COOKIE, sessions::clear_admin_cookie(secure));
        match restored {
            Some(token) => {
                let days = ctx.state().settings.session_days;
                ctx.append_http_header(SET_COOKIE, sessions::cookie(&token, days, secure));
                Ok(true)
            }
            None => {
                ctx.append_http_header(SET_COOKIE, sessions::clear_cookie(secure));
                Ok(false)
            }
        }
    }
}
