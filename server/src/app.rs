//! Builds the state and the router, and runs the server until asked to stop.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::auth::password::PasswordHasher;
use crate::config::Settings;
use crate::crypto::MasterKey;
use crate::events::EventBus;
use crate::graphql;
use crate::http::{self, GraphqlState};
use crate::mail::Mailer;
use crate::state::{AppState, Inner};

/// Largest request body accepted (docs/api.md).
pub const MAX_BODY: usize = 1024 * 1024;

/// Opens the data directory, the master key and the database (migrated), and assembles the
/// shared state.
pub async fn build_state(settings: Settings) -> anyhow::Result<AppState> {
    build_state_with(settings, PasswordHasher::new()?).await
}

/// Like [`build_state`], with a chosen password hasher (tests use cheaper parameters).
pub async fn build_state_with(
    mut settings: Settings,
    passwords: PasswordHasher,
) -> anyhow::Result<AppState> {
    settings.resolve_paths()?;
    std::fs::create_dir_all(&settings.data_dir).with_context(|| {
        format!(
            "creating the data directory {}",
            settings.data_dir.display()
        )
    })?;
    let master_key = match &settings.master_key {
        Some(key) => MasterKey::from_base64(key).context("invalid setting master_key")?,
        None => MasterKey::load_or_create(&settings.data_dir)?,
    };
    let (db, statements) = crate::db::connect(&settings.database_url()).await?;
    crate::db::migrate_up(&db).await?;
    crate::reseal::at_start_up(&db, &master_key)
        .await
        .context("resealing stored secrets")?;
    let mailer = Mailer::new(&settings.smtp)?;
    let shutdown = CancellationToken::new();
    let events = if crate::db::is_postgres(&db) {
        EventBus::postgres(&db, shutdown.clone()).await?
    } else {
        EventBus::local()
    };
    let http = settings
        .outbound()
        .client_builder()
        .build()
        .context("building the HTTP client")?;
    let metered = crate::usage::metered(&settings, crate::usage::Meter::CallbackTriggers);
    let callbacks = crate::callback::trigger::Runtime::new(db.clone(), events.clone(), metered);
    let storage = crate::storage::Storage::from_settings(&settings)?;
    let sign_in_throttle = crate::auth::throttle::SignInThrottle::new(
        settings.max_failed_sign_ins_per_address,
        std::time::Duration::from_secs(
            u64::try_from(settings.lockout_minutes.max(1)).unwrap_or(15) * 60,
        ),
    );
    let sso_starts = crate::auth::throttle::SignInThrottle::new(
        crate::auth::oidc::STARTS_PER_ADDRESS,
        crate::auth::oidc::STATE_LIFETIME,
    );
    let sockets = crate::auth::throttle::SocketLimit::new(settings.max_sockets_per_address);
    if settings.metrics.enabled {
        crate::metrics::install();
    }
    Ok(AppState::new(Inner {
        callbacks,
        db,
        statements,
        settings,
        master_key,
        mailer,
        events,
        passwords,
        shutdown,
        http,
        storage,
        sign_in_throttle,
        sso_starts,
        sockets,
        page_views: Default::default(),
        heartbeats: Default::default(),
    }))
}

/// The GraphQL schema with the state attached.
pub fn schema(state: &AppState) -> graphql::VigilSchema {
    let mut builder = graphql::builder().data(state.clone());
    if !state.settings.introspection {
        builder = builder.disable_introspection();
    }
    builder.finish()
}

/// `/readyz` and `/metrics` (404 unless `Settings::metrics_served`).
fn operations(state: &AppState) -> Router {
    Router::new()
        .route("/readyz", get(readyz))
        .route("/metrics", get(crate::metrics::serve))
        .with_state(state.clone())
}

/// The layers every request passes first: its span (route template, never the raw path) and
/// its figures for `/metrics`.
fn observed(router: Router) -> Router {
    router
        .layer(axum::middleware::from_fn(crate::metrics::track_http))
        .layer(TraceLayer::new_for_http().make_span_with(crate::telemetry::request_span))
}

/// Every route of the server (only the health checks and metrics for the worker role).
pub fn router(state: AppState) -> Router {
    if state.settings.role == crate::config::Role::Worker {
        return observed(
            Router::new()
                .route("/healthz", get(healthz))
                .merge(operations(&state)),
        );
    }
    let gql = GraphqlState {
        schema: schema(&state),
        app: state.clone(),
    };
    let api = Router::new()
        .merge(http::router(gql))
        .route("/healthz", get(healthz))
        .with_state(());
    let health = operations(&state);
    let public = crate::public::Public::new(&state);
    let app = api
        .merge(health)
        .merge(crate::monitor::heartbeat::router(state.clone()))
        .merge(crate::callback::trigger::router(state.clone()))
        .merge(crate::testing::http::router(state.clone()))
        .merge(crate::public::router(public.clone()))
        .merge(crate::billing::http::router(state.clone()))
        .merge(crate::auth::oidc::router(state.clone()));
    let rest = Router::new().fallback(fallback).with_state(state.clone());
    let app = app
        .fallback_service(rest)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::callback::trigger::split_origins,
        ))
        // A verified custom domain of a status page serves that page only.
        .layer(axum::middleware::from_fn_with_state(
            public,
            crate::public::by_host,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY));
    observed(app)
}

async fn healthz() -> &'static str {
    "ok"
}

/// 200 with what was checked when the process is ready; 503 with what is not
/// (`health::check`).
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let readiness = crate::health::check(&state.db, &state.heartbeats).await;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(readiness))
}

/// Everything no route claims: a callback's custom path, else the web app (`webapp.rs`).
async fn fallback(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<std::net::SocketAddr>,
    request: axum::extract::Request,
) -> axum::response::Response {
    let (parts, body) = request.into_parts();
    // Custom paths take any method; a body larger than the API's limit is refused.
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(body) => body,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    if let Some(response) = crate::callback::trigger::custom_path(
        &state,
        &parts.uri,
        parts.method.clone(),
        parts.headers.clone(),
        body,
        Some(addr),
    )
    .await
    {
        return response;
    }
    // The trigger origin serves triggers only, never the web app.
    if crate::callback::trigger::on_trigger_origin(&state.settings, &parts.headers) {
        return StatusCode::NOT_FOUND.into_response();
    }
    if !matches!(
        parts.method,
        axum::http::Method::GET | axum::http::Method::HEAD
    ) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let request = axum::extract::Request::from_parts(parts, axum::body::Body::empty());
    crate::webapp::serve(&state.settings, request).await
}

/// A running server.
pub struct RunningApp {
    pub state: AppState,
    pub addr: SocketAddr,
    shutdown: CancellationToken,
    task: JoinHandle<std::io::Result<()>>,
    workers: Option<tokio::task::JoinSet<()>>,
}

impl RunningApp {
    /// The base URL clients use.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting requests and claiming work; lets running requests and the work this
    /// process holds finish within the grace period (`shutdown_grace_seconds`), gives the
    /// rest back to the queue, and returns.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        self.state.shutdown.cancel();
        let grace = self.state.settings.shutdown_grace();
        if let Some(mut workers) = self.workers {
            // Each loop finishes what it holds within the grace period and releases the
            // rest; the margin is for those last writes.
            let _ = tokio::time::timeout(grace + Duration::from_secs(15), async {
                while workers.join_next().await.is_some() {}
            })
            .await;
        }
        match tokio::time::timeout(Duration::from_secs(10), self.task).await {
            Ok(joined) => Ok(joined??),
            Err(_) => Ok(()),
        }
    }

    /// Resolves when the server stops on its own (it should not).
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.clone()
    }
}

/// Binds `settings.bind` and serves `state` in the background.
pub async fn spawn(state: AppState) -> anyhow::Result<RunningApp> {
    let addr = state.settings.bind_addr()?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let app = router(state.clone());
    let token = shutdown.clone();
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move { token.cancelled().await })
        .await
    });
    let workers = match state.settings.role {
        crate::config::Role::Api => None,
        _ => Some(crate::workers::start(&state)?),
    };
    Ok(RunningApp {
        state,
        addr,
        shutdown,
        task,
        workers,
    })
}
