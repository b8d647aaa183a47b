//! OpenID Connect sign-in (the authorization code flow with PKCE), through the `openidconnect`
//! crate: `GET /auth/oidc/{provider}/start` sends the browser to the provider,
//! `GET /auth/oidc/{provider}/callback` takes it back, checks everything and signs in.
//!
//! - The provider is discovered from `{issuer}/.well-known/openid-configuration` (its keys
//!   with it), cached for an hour per issuer, dropped when an ID token does not verify (the
//!   provider may have rotated its keys).
//! - `start` keeps the nonce and the PKCE verifier server-side, sealed in a `verification` row
//!   named by the hash of the `state`, for 10 minutes; the browser gets the `state` in an
//!   HttpOnly cookie too. The callback takes the row once (a second use of a state finds
//!   nothing) and needs the cookie to match, so that a callback URL made for someone else's
//!   sign-in does not sign this browser in (login CSRF).
//! - The crate checks the ID token's signature against the provider's keys, its issuer,
//!   audience, expiry and nonce; the access token's hash when the ID token carries one.
//! - What the identity means in Vigil (linking, new accounts, enforcement) is `crate::sso`'s.
//!
//! Requests to the provider go through the app's shared HTTP client (its outbound policy),
//! adapted to the crate's `AsyncHttpClient` by [`send`]; answers are bounded to 1 MiB.

use std::future::Future;
use std::pin::Pin;
use std::sync::LazyLock;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use entity::verification;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, HttpRequest, HttpResponse, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::account::SignedIn;
use crate::auth::session::{self as sessions, ClientInfo};
use crate::config::OidcProviderSettings;
use crate::crypto::{Binding, constant_time_eq, hash_token};
use crate::error::{AppError, AppResult};
use crate::sso::{Identity, Tokens};
use crate::state::AppState;

/// The cookie that ties a sign-in in progress to the browser that started it.
pub const STATE_COOKIE: &str = "vigil_oidc_state";
/// How long a started sign-in may take at the provider.
const FLOW_MINUTES: i64 = 10;
/// The same, for the per-address count of starts.
pub const STATE_LIFETIME: std::time::Duration = std::time::Duration::from_secs(600);
/// Sign-ins an address may start within [`STATE_LIFETIME`]: each start writes a state row that
/// lives that long, so an anonymous caller cannot fill the table.
pub const STARTS_PER_ADDRESS: u32 = 60;
/// The largest answer read from a provider.
const MAX_BODY: usize = 1 << 20;
const FLOW_PREFIX: &str = "oidc-flow:";

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Discovered providers by issuer.
static METADATA: LazyLock<moka::sync::Cache<String, CoreProviderMetadata>> = LazyLock::new(|| {
    moka::sync::Cache::builder()
        .max_capacity(64)
        .time_to_live(Duration::from_secs(3600))
        .build()
});

/// Why a request to a provider failed.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("request to the provider failed: {0}")]
    Request(#[from] reqwest::Error),
    #[error("the provider's answer is larger than 1 MiB")]
    TooLarge,
    #[error("invalid request or answer: {0}")]
    Http(#[from] openidconnect::http::Error),
    #[error("invalid URL: {0}")]
    Url(#[from] url::ParseError),
}

/// Sends one of the crate's requests through `client`: the crate's `AsyncHttpClient` over
/// the app's reqwest client (the crate's own `reqwest` feature would pull a second reqwest).
pub async fn send(
    client: &reqwest::Client,
    request: HttpRequest,
) -> Result<HttpResponse, HttpError> {
    let (parts, body) = request.into_parts();
    let url = reqwest::Url::parse(&parts.uri.to_string())?;
    let mut response = client
        .request(parts.method, url)
        .headers(parts.headers)
        .body(body)
        .timeout(Duration::from_secs(15))
        .send()
        .await?;
    let status = response.status();
    let headers = response.headers().clone();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(HttpError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    let mut answer = openidconnect::http::Response::builder()
        .status(status)
        .body(body)?;
    *answer.headers_mut() = headers;
    Ok(answer)
}

/// The crate's `AsyncHttpClient` over the app's reqwest client.
pub struct Http<'a>(pub &'a reqwest::Client);

impl<'c> openidconnect::AsyncHttpClient<'c> for Http<'_> {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(send(self.0, request))
    }
}

/// The provider `id` of the settings (`NOT_FOUND` otherwise).
fn provider<'a>(state: &'a AppState, id: &str) -> AppResult<&'a OidcProviderSettings> {
    state.settings.sso.provider(id).ok_or(AppError::NotFound)
}

/// A sign-in the provider or the checks refused: the message is shown on the sign-in page.
fn refused(message: impl Into<String>) -> AppError {
    AppError::Unauthenticated(message.into())
}

/// The provider's discovery document and keys, cached.
async fn metadata(
    state: &AppState,
    provider: &OidcProviderSettings,
) -> AppResult<CoreProviderMetadata> {
    if let Some(found) = METADATA.get(&provider.issuer) {
        return Ok(found);
    }
    let issuer = IssuerUrl::new(provider.issuer.clone())
        .map_err(|e| anyhow::anyhow!("sso provider {}: issuer: {e}", provider.id))?;
    let found = CoreProviderMetadata::discover_async(issuer, &Http(&state.http))
        .await
        .map_err(|e| anyhow::anyhow!("sso provider {}: discovery failed: {e}", provider.id))?;
    METADATA.insert(provider.issuer.clone(), found.clone());
    Ok(found)
}

/// The redirect URL to register at the provider.
pub fn redirect_url(state: &AppState, provider_id: &str) -> String {
    format!(
        "{}/auth/oidc/{provider_id}/callback",
        state.settings.base_url()
    )
}

async fn client(state: &AppState, provider: &OidcProviderSettings) -> AppResult<Client> {
    let metadata = metadata(state, provider).await?;
    let redirect = RedirectUrl::new(redirect_url(state, &provider.id))
        .map_err(|e| anyhow::anyhow!("sso redirect URL: {e}"))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.client_id.clone()),
        Some(ClientSecret::new(provider.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// What a started sign-in keeps server-side until the callback.
#[derive(Serialize, Deserialize)]
struct Flow {
    nonce: String,
    verifier: String,
}

/// A started sign-in: where to send the browser, and the state for its cookie.
#[derive(Debug)]
pub struct Started {
    pub url: String,
    pub state: String,
}

/// Starts a sign-in with `provider_id`: the provider's authorization URL (PKCE S256, a fresh
/// state and nonce), with the nonce and verifier kept for the callback.
pub async fn start(state: &AppState, provider_id: &str) -> AppResult<Started> {
    let provider = provider(state, provider_id)?;
    let client = client(state, provider).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client.authorize_url(
        CoreAuthenticationFlow::AuthorizationCode,
        CsrfToken::new_random,
        Nonce::new_random,
    );
    for scope in provider.scopes.iter().filter(|s| *s != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, csrf, nonce) = request.set_pkce_challenge(challenge).url();
    let flow = Flow {
        nonce: nonce.secret().clone(),
        verifier: verifier.secret().clone(),
    };
    save_flow(state, provider_id, csrf.secret(), &flow).await?;
    Ok(Started {
        url: url.to_string(),
        state: csrf.secret().clone(),
    })
}

fn flow_identifier(provider_id: &str, csrf: &str) -> String {
    format!("{FLOW_PREFIX}{provider_id}:{}", hash_token(csrf))
}

/// Keeps a started flow (and drops the flows that ran out, which nobody will finish).
async fn save_flow(state: &AppState, provider_id: &str, csrf: &str, flow: &Flow) -> AppResult<()> {
    let now = Utc::now();
    verification::Entity::delete_many()
        .filter(verification::Column::Identifier.starts_with(FLOW_PREFIX))
        .filter(verification::Column::ExpiresAt.lt(now))
        .exec(&state.db)
        .await?;
    let id = Uuid::now_v7();
    let json = serde_json::to_string(flow).map_err(anyhow::Error::from)?;
    verification::ActiveModel {
        id: Set(id),
        identifier: Set(flow_identifier(provider_id, csrf)),
        value: Set(state.master_key.seal(&json, &Binding::sign_in_flow(id))?),
        expires_at: Set(now + chrono::Duration::minutes(FLOW_MINUTES)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    Ok(())
}

/// Takes the flow of `csrf` once: of two callbacks with one state, one finds it.
async fn take_flow(state: &AppState, provider_id: &str, csrf: &str) -> AppResult<Flow> {
    let invalid = || refused("this sign-in link has expired or was used already: try again");
    let row = verification::Entity::find()
        .filter(verification::Column::Identifier.eq(flow_identifier(provider_id, csrf)))
        .one(&state.db)
        .await?
        .ok_or_else(invalid)?;
    let taken = verification::Entity::delete_by_id(row.id)
        .exec(&state.db)
        .await?
        .rows_affected;
    if taken != 1 || row.expires_at <= Utc::now() {
        return Err(invalid());
    }
    let json = state
        .master_key
        .open(&row.value, &Binding::sign_in_flow(row.id))?;
    Ok(serde_json::from_str(&json).map_err(anyhow::Error::from)?)
}

/// What the provider sent back to the callback, with the browser's state cookie.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    #[serde(skip)]
    pub cookie_state: Option<String>,
}

/// Finishes a sign-in: the state (cookie and server-side flow, once), the code exchanged with
/// the PKCE verifier, the ID token checked, then `sso::sign_in`.
pub async fn finish(
    state: &AppState,
    provider_id: &str,
    callback: Callback,
    client_info: &ClientInfo,
) -> AppResult<SignedIn> {
    let provider = provider(state, provider_id)?;
    let Some(returned) = callback.state.filter(|s| !s.is_empty() && s.len() <= 256) else {
        return Err(refused("the provider's answer carries no state: try again"));
    };
    let same_browser = callback
        .cookie_state
        .is_some_and(|c| constant_time_eq(c.as_bytes(), returned.as_bytes()));
    if !same_browser {
        return Err(refused(
            "this sign-in was not started in this browser: try again",
        ));
    }
    let flow = take_flow(state, provider_id, &returned).await?;
    if let Some(error) = callback.error {
        let error: String = error.chars().take(100).collect();
        return Err(refused(format!(
            "{} refused the sign-in ({error})",
            provider.name
        )));
    }
    let Some(code) = callback.code.filter(|c| !c.is_empty() && c.len() <= 4096) else {
        return Err(refused("the provider's answer carries no code: try again"));
    };
    let identity = exchange(state, provider, code, flow).await?;
    crate::sso::sign_in(state, provider, identity, client_info).await
}

/// A refusal by the provider or of its answer, logged with its reason.
fn failed(provider: &OidcProviderSettings, what: &str, e: impl std::fmt::Display) -> AppError {
    tracing::warn!(provider = %provider.id, "sso sign-in refused: {what}: {e}");
    refused(format!("{} sign-in failed: {what}", provider.name))
}

/// Exchanges the code and checks the ID token; a refusal is logged with its reason.
async fn exchange(
    state: &AppState,
    provider: &OidcProviderSettings,
    code: String,
    flow: Flow,
) -> AppResult<Identity> {
    let client = client(state, provider).await?;
    let response = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|e| anyhow::anyhow!("sso provider {}: {e}", provider.id))?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier))
        .request_async(&Http(&state.http))
        .await
        .map_err(|e| failed(provider, "the code was not accepted", e))?;
    let Some(id_token) = response.id_token() else {
        return Err(failed(provider, "no ID token", "the token answer has none"));
    };
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &Nonce::new(flow.nonce))
        .map_err(|e| {
            // The provider may have rotated its keys: discover it again next time.
            METADATA.invalidate(&provider.issuer);
            failed(provider, "the ID token did not verify", e)
        })?;
    if let Some(expected) = claims.access_token_hash() {
        let alg = id_token
            .signing_alg()
            .map_err(|e| failed(provider, "ID token", e))?;
        let key = id_token
            .signing_key(&verifier)
            .map_err(|e| failed(provider, "ID token", e))?;
        let actual = AccessTokenHash::from_token(response.access_token(), alg, key)
            .map_err(|e| failed(provider, "access token hash", e))?;
        if actual != *expected {
            return Err(failed(provider, "access token", "its hash does not match"));
        }
    }
    Ok(Identity {
        subject: claims.subject().as_str().to_owned(),
        email: claims.email().map(|e| e.as_str().to_owned()),
        email_verified: claims.email_verified() == Some(true),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned()),
        tokens: Tokens {
            access_token: response.access_token().secret().clone(),
            refresh_token: response.refresh_token().map(|t| t.secret().clone()),
            id_token: id_token.to_string(),
            expires_in: response.expires_in(),
            scope: response.scopes().map(|scopes| {
                scopes
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
        },
    })
}

// The HTTP edge.

/// `GET /auth/oidc/{provider}/start` and `GET /auth/oidc/{provider}/callback`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/auth/oidc/{provider}/start", get(start_route))
        .route("/auth/oidc/{provider}/callback", get(callback_route))
        .with_state(state)
}

async fn start_route(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    ConnectInfo(addr): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let ip = crate::http::client_ip(&headers, Some(addr), state.settings.trust_forwarded_for);
    if let Some(ip) = ip {
        let now = std::time::Instant::now();
        if let Some(wait) = state.sso_starts.retry_after(ip, now) {
            let message = format!(
                "too many sign-ins started from this address; try again in {} seconds",
                wait.as_secs()
            );
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(axum::http::header::RETRY_AFTER, wait.as_secs().to_string())],
                message,
            )
                .into_response();
        }
        state.sso_starts.failed(ip, now);
    }
    match start(&state, &provider_id).await {
        Ok(started) => {
            let cookie = state_cookie(&started.state, &state);
            redirect(&started.url, &[cookie])
        }
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => back_to_sign_in(&state, &err),
    }
}

async fn callback_route(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    ConnectInfo(addr): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    Query(mut callback): Query<Callback>,
) -> Response {
    if state.settings.sso.provider(&provider_id).is_none() {
        return StatusCode::NOT_FOUND.into_response();
    }
    callback.cookie_state = cookie(&headers, STATE_COOKIE);
    let client = crate::http::client_info(&headers, Some(addr), state.settings.trust_forwarded_for);
    match finish(&state, &provider_id, callback, &client).await {
        Ok(signed) => {
            let secure = state.settings.secure_cookies();
            let session = sessions::cookie(&signed.token, state.settings.session_days, secure);
            redirect("/", &[session, clear_state_cookie(&state)])
        }
        Err(err) => back_to_sign_in(&state, &err),
    }
}

/// The sign-in page with the refusal's message (internal errors only say that it failed).
fn back_to_sign_in(state: &AppState, err: &AppError) -> Response {
    if matches!(err, AppError::Internal(_) | AppError::Db(_)) {
        tracing::error!("sso sign-in failed: {err:?}");
    }
    let message = match err {
        AppError::Internal(_) | AppError::Db(_) => {
            "single sign-on failed; try again later".to_owned()
        }
        other => other.public_message(),
    };
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("error", &message)
        .finish();
    let location = format!("/sign-in?{query}");
    redirect(&location, &[clear_state_cookie(state)])
}

fn redirect(location: &str, cookies: &[String]) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(location) {
        headers.insert(header::LOCATION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

fn state_cookie(value: &str, state: &AppState) -> String {
    let secure = if state.settings.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{STATE_COOKIE}={value}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        FLOW_MINUTES * 60
    )
}

fn clear_state_cookie(state: &AppState) -> String {
    state_cookie("", state).replace(&format!("Max-Age={}", FLOW_MINUTES * 60), "Max-Age=0")
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|v| !v.is_empty())
}
