//! What every request handler and worker shares.

use std::ops::Deref;
use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::password::PasswordHasher;
use crate::config::Settings;
use crate::crypto::MasterKey;
use crate::db::StatementCounter;
use crate::events::EventBus;
use crate::mail::Mailer;

/// Cheap to clone: one `Arc` inside.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub db: DatabaseConnection,
    pub statements: StatementCounter,
    pub settings: Settings,
    pub master_key: MasterKey,
    pub mailer: Mailer,
    pub events: EventBus,
    pub passwords: PasswordHasher,
    /// Cancelled when the process shuts down; every background task watches it.
    pub shutdown: tokio_util::sync::CancellationToken,
    /// The one HTTP client for requests made on a user's behalf (notifications, webhooks,
    /// checks): built from the outbound policy, so it refuses what the policy refuses.
    pub http: reqwest::Client,
    /// Resolved callbacks, the response cache, and the trigger pipeline's batch writers.
    pub callbacks: crate::callback::trigger::Runtime,
    /// Where run artifacts are kept (local disk or S3-compatible).
    pub storage: crate::storage::Storage,
    /// Failed sign-ins per client address.
    pub sign_in_throttle: crate::auth::throttle::SignInThrottle,
    /// Single sign-on starts per client address (each writes a short-lived state row).
    pub sso_starts: crate::auth::throttle::SignInThrottle,
    /// Open WebSockets per client address.
    pub sockets: crate::auth::throttle::SocketLimit,
    /// Views of public status pages counted since they were last written.
    pub page_views: crate::status_page::metrics::PageViews,
    /// When each worker loop of this process last turned (`/readyz`).
    pub heartbeats: crate::health::Heartbeats,
}

impl AppState {
    pub fn new(inner: Inner) -> Self {
        Self(Arc::new(inner))
    }
}

impl Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.0
    }
}
