//! A stand-in OpenID Connect provider on loopback: a discovery document, its keys (JWKS), an
//! authorize endpoint that records each request and redirects back with a code, and a token
//! endpoint that checks the client's secret (HTTP Basic), the redirect URI and the PKCE
//! verifier, and issues an RS256-signed ID token with the openidconnect crate's own signing
//! types and a fixed test key. A test says who signs in next and how the ID token should be
//! wrong, if at all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use openidconnect::core::{
    CoreIdToken, CoreIdTokenClaims, CoreJsonWebKeySet, CoreJwsSigningAlgorithm,
    CoreRsaPrivateSigningKey,
};
use openidconnect::{
    AccessToken, Audience, EmptyAdditionalClaims, EndUserEmail, EndUserName, IssuerUrl,
    JsonWebKeyId, LocalizedClaim, Nonce, PrivateSigningKey, StandardClaims, SubjectIdentifier,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The key the provider publishes and signs with.
const SIGNING_KEY: &str = include_str!("fixtures/oidc/signing.pem");
/// A key the provider does not publish (a forged signature).
const OTHER_KEY: &str = include_str!("fixtures/oidc/other.pem");
/// The key id of both, so that the forged token names the published key.
const KID: &str = "test-key-1";

pub const CLIENT_ID: &str = "vigil-test-client";
pub const CLIENT_SECRET: &str = "stand-in-client-secret-9f2c";

/// Who signs in next.
#[derive(Debug, Clone)]
pub struct Person {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    pub name: Option<String>,
}

impl Person {
    /// A person with a verified address.
    pub fn verified(subject: &str, email: &str) -> Self {
        Self {
            subject: subject.into(),
            email: Some(email.into()),
            email_verified: Some(true),
            name: Some("Sam Sso".into()),
        }
    }

    /// A person whose address the provider does not call verified.
    pub fn unverified(subject: &str, email: &str) -> Self {
        Self {
            email_verified: Some(false),
            ..Self::verified(subject, email)
        }
    }
}

/// How the next ID token is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tamper {
    None,
    /// `iss` names another issuer.
    Issuer,
    /// `aud` names another client.
    Audience,
    /// `exp` passed ten minutes ago.
    Expired,
    /// Signed with a key the provider does not publish.
    Signature,
    /// `nonce` is not the one of the authorization request.
    Nonce,
}

/// A code the authorize endpoint gave out.
#[derive(Debug, Clone)]
struct Grant {
    challenge: String,
    nonce: Option<String>,
    redirect_uri: String,
    person: Person,
}

#[derive(Debug)]
struct Inner {
    person: Person,
    tamper: Tamper,
    grants: HashMap<String, Grant>,
    authorize_requests: Vec<HashMap<String, String>>,
    token_requests: Vec<HashMap<String, String>>,
    next_code: u64,
}

#[derive(Clone)]
struct Shared {
    issuer: String,
    inner: Arc<Mutex<Inner>>,
}

/// The running stand-in.
pub struct StandIn {
    pub issuer: String,
    inner: Arc<Mutex<Inner>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl StandIn {
    /// Starts a provider on a loopback port.
    pub async fn start() -> StandIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding the stand-in provider");
        let issuer = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("addr").port()
        );
        let inner = Arc::new(Mutex::new(Inner {
            person: Person::verified("subject-1", "sam@example.com"),
            tamper: Tamper::None,
            grants: HashMap::new(),
            authorize_requests: Vec::new(),
            token_requests: Vec::new(),
            next_code: 0,
        }));
        let shared = Shared {
            issuer: issuer.clone(),
            inner: inner.clone(),
        };
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .with_state(shared);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        StandIn {
            issuer,
            inner,
            task,
        }
    }

    /// The provider's entry for Vigil's settings, as `id`.
    pub fn settings(&self, id: &str) -> vigil::config::OidcProviderSettings {
        vigil::config::OidcProviderSettings {
            id: id.into(),
            name: "Stand-in IdP".into(),
            issuer: self.issuer.clone(),
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            scopes: vec!["email".into(), "profile".into()],
            sign_up: true,
        }
    }

    /// Who signs in from now on.
    pub fn next(&self, person: Person) {
        self.lock().person = person;
    }

    /// How ID tokens are wrong from now on.
    pub fn tamper(&self, tamper: Tamper) {
        self.lock().tamper = tamper;
    }

    /// The query of every authorization request so far.
    pub fn authorize_requests(&self) -> Vec<HashMap<String, String>> {
        self.lock().authorize_requests.clone()
    }

    /// The form of every token request so far (with `authorization`, the Basic header).
    pub fn token_requests(&self) -> Vec<HashMap<String, String>> {
        self.lock().token_requests.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().expect("stand-in state")
    }
}

fn signing_key(pem: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(KID.into())))
        .expect("the test RSA key")
}

async fn discovery(State(shared): State<Shared>) -> Response {
    let issuer = &shared.issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        "code_challenge_methods_supported": ["S256"],
    }))
    .into_response()
}

async fn jwks() -> Response {
    let keys = CoreJsonWebKeySet::new(vec![signing_key(SIGNING_KEY).as_verification_key()]);
    Json(serde_json::to_value(keys).expect("JWKS")).into_response()
}

async fn authorize(
    State(shared): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut inner = shared.inner.lock().expect("stand-in state");
    inner.authorize_requests.push(query.clone());
    let ok = query.get("response_type").map(String::as_str) == Some("code")
        && query.get("client_id").map(String::as_str) == Some(CLIENT_ID)
        && query.get("code_challenge_method").map(String::as_str) == Some("S256");
    let (Some(redirect), Some(state), Some(challenge), true) = (
        query.get("redirect_uri"),
        query.get("state"),
        query.get("code_challenge"),
        ok,
    ) else {
        return (StatusCode::BAD_REQUEST, "bad authorization request").into_response();
    };
    inner.next_code += 1;
    let code = format!("code-{}-{}", inner.next_code, uuid::Uuid::new_v4().simple());
    let grant = Grant {
        challenge: challenge.clone(),
        nonce: query.get("nonce").cloned(),
        redirect_uri: redirect.clone(),
        person: inner.person.clone(),
    };
    inner.grants.insert(code.clone(), grant);
    let mut url = url::Url::parse(redirect).expect("redirect_uri");
    url.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", state);
    (StatusCode::FOUND, [(header::LOCATION, url.to_string())]).into_response()
}

fn token_error(error: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response()
}

/// Whether the Basic credentials are the client's (RFC 6749 2.3.1: form-encoded, then Basic).
fn client_authenticated(headers: &HeaderMap) -> bool {
    let Some(basic) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
    else {
        return false;
    };
    let Some(pair) = STANDARD
        .decode(basic)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
    else {
        return false;
    };
    pair == format!("{CLIENT_ID}:{CLIENT_SECRET}")
}

async fn token(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (grant, tamper) = {
        let mut inner = shared.inner.lock().expect("stand-in state");
        let mut recorded = form.clone();
        if let Some(auth) = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
        {
            recorded.insert("authorization".into(), auth.into());
        }
        inner.token_requests.push(recorded);
        // A code works once.
        let grant = form.get("code").and_then(|c| inner.grants.remove(c));
        (grant, inner.tamper)
    };
    if !client_authenticated(&headers) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({ "error": "invalid_client" })),
        )
            .into_response();
    }
    let Some(grant) = grant else {
        return token_error("invalid_grant");
    };
    if form.get("grant_type").map(String::as_str) != Some("authorization_code")
        || form.get("redirect_uri") != Some(&grant.redirect_uri)
    {
        return token_error("invalid_grant");
    }
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    if URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != grant.challenge {
        return token_error("invalid_grant");
    }
    let access = AccessToken::new(format!("access-{}", uuid::Uuid::new_v4().simple()));
    let id_token = id_token(&shared.issuer, &grant, tamper, &access);
    Json(json!({
        "access_token": access.secret(),
        "token_type": "Bearer",
        "expires_in": 3600,
        "refresh_token": format!("refresh-{}", uuid::Uuid::new_v4().simple()),
        "scope": "openid email profile",
        "id_token": id_token,
    }))
    .into_response()
}

fn id_token(issuer: &str, grant: &Grant, tamper: Tamper, access: &AccessToken) -> Value {
    let now = chrono::Utc::now();
    let issuer = if tamper == Tamper::Issuer {
        "http://issuer.invalid".to_owned()
    } else {
        issuer.to_owned()
    };
    let audience = if tamper == Tamper::Audience {
        "another-client"
    } else {
        CLIENT_ID
    };
    let (issued, expires) = if tamper == Tamper::Expired {
        (
            now - chrono::Duration::minutes(20),
            now - chrono::Duration::minutes(10),
        )
    } else {
        (now, now + chrono::Duration::minutes(10))
    };
    let nonce = if tamper == Tamper::Nonce {
        Some("not-the-nonce".to_owned())
    } else {
        grant.nonce.clone()
    };
    let person = &grant.person;
    let mut standard = StandardClaims::new(SubjectIdentifier::new(person.subject.clone()))
        .set_email(person.email.clone().map(EndUserEmail::new))
        .set_email_verified(person.email_verified);
    if let Some(name) = &person.name {
        let mut claim = LocalizedClaim::new();
        claim.insert(None, EndUserName::new(name.clone()));
        standard = standard.set_name(Some(claim));
    }
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(issuer).expect("issuer"),
        vec![Audience::new(audience.into())],
        expires,
        issued,
        standard,
        EmptyAdditionalClaims {},
    )
    .set_nonce(nonce.map(Nonce::new));
    let key = if tamper == Tamper::Signature {
        signing_key(OTHER_KEY)
    } else {
        signing_key(SIGNING_KEY)
    };
    let token = CoreIdToken::new(
        claims,
        &key,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        Some(access),
        None,
    )
    .expect("signing the ID token");
    serde_json::to_value(token).expect("ID token")
}
