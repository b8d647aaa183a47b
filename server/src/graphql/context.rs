//! What resolvers take from the request context.

use async_graphql::Context;

use crate::auth::Principal;
use crate::auth::session::ClientInfo;
use crate::error::{AppError, AppResult};
use crate::graphql::loaders::Loaders;
use crate::state::AppState;

/// Request-scoped data put in by the HTTP and WebSocket handlers.
pub struct RequestData {
    pub principal: Option<Principal>,
    pub client: ClientInfo,
    pub loaders: Loaders,
    /// Whether cookies set by this request should carry `Secure`.
    pub secure_cookies: bool,
    /// The session cookies the browser sent (none over WebSocket or with a bearer token).
    pub cookies: SessionCookies,
}

/// The browser's session cookies: the session it signed in with, and the administrator's own
/// session kept aside while it impersonates someone (`impersonateUser`).
#[derive(Debug, Clone, Default)]
pub struct SessionCookies {
    pub session: Option<String>,
    pub admin: Option<String>,
}

/// Accessors for resolvers.
pub trait CtxExt {
    fn state(&self) -> &AppState;
    fn request(&self) -> &RequestData;
    /// The caller, or `UNAUTHENTICATED`.
    fn principal(&self) -> AppResult<&Principal>;
    fn loaders(&self) -> &Loaders {
        &self.request().loaders
    }
}

impl CtxExt for Context<'_> {
    fn state(&self) -> &AppState {
        self.data_unchecked::<AppState>()
    }

    fn request(&self) -> &RequestData {
        self.data_unchecked::<RequestData>()
    }

    fn principal(&self) -> AppResult<&Principal> {
        self.request()
            .principal
            .as_ref()
            .ok_or_else(AppError::unauthenticated)
    }
}
