//! HTTP side of the GraphQL API: `POST`/`GET /graphql`, the way to GraphiQL, and the route of
//! `/graphql/ws` (served by [`crate::socket`]).

use std::net::{IpAddr, SocketAddr};

use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::auth::principal::{self, Principal};
use crate::auth::session::ClientInfo;
use crate::error::AppError;
use crate::graphql::VigilSchema;
use crate::graphql::context::RequestData;
use crate::graphql::loaders::Loaders;
use crate::graphql::persisted;
use crate::state::AppState;

/// State of the GraphQL routes.
#[derive(Clone)]
pub struct GraphqlState {
    pub app: AppState,
    pub schema: VigilSchema,
}

/// `/graphql` and `/graphql/ws`.
pub fn router(state: GraphqlState) -> Router {
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/graphql/ws", get(crate::socket::graphql_ws))
        .with_state(state)
}

/// The caller's address. With `trust_forwarded_for`, the last entry of `X-Forwarded-For` (the
/// one the reverse proxy in front added).
pub(crate) fn client_ip(
    headers: &HeaderMap,
    addr: Option<SocketAddr>,
    trust_forwarded_for: bool,
) -> Option<IpAddr> {
    let forwarded = trust_forwarded_for
        .then(|| {
            headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|part| part.trim().parse::<IpAddr>().ok())
                .next_back()
        })
        .flatten();
    forwarded.or(addr.map(|a| a.ip()))
}

/// The caller's address (see [`client_ip`]) and user agent.
pub(crate) fn client_info(
    headers: &HeaderMap,
    addr: Option<SocketAddr>,
    trust_forwarded_for: bool,
) -> ClientInfo {
    ClientInfo {
        ip_address: client_ip(headers, addr, trust_forwarded_for).map(|ip| ip.to_string()),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    }
}

pub(crate) fn request_data(
    app: &AppState,
    principal: Option<Principal>,
    client: ClientInfo,
) -> RequestData {
    let loaders = Loaders::new(
        &app.db,
        principal.as_ref().map(|p| p.user_id()),
        principal.as_ref().and_then(|p| p.project_scope()),
    );
    RequestData {
        principal,
        client,
        loaders,
        secure_cookies: app.settings.secure_cookies(),
        cookies: Default::default(),
    }
}

/// An error before execution (bad credentials, rate limit) in GraphQL's response shape.
pub(crate) fn early_error(err: AppError) -> Response {
    let status = err.status();
    let retry = err.retry_after();
    let body = serde_json::json!({
        "data": null,
        "errors": [{ "message": err.public_message(), "extensions": { "code": err.code() } }]
    });
    let mut response = (status, axum::Json(body)).into_response();
    if let Some(secs) = retry
        && let Ok(value) = secs.to_string().parse()
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

async fn execute(
    state: &GraphqlState,
    method: Method,
    headers: HeaderMap,
    addr: Option<SocketAddr>,
    request: async_graphql::Request,
) -> Response {
    let principal = match principal::from_request(&state.app, &method, &headers).await {
        Ok(p) => p,
        Err(err) => return early_error(err),
    };
    let mut data = request_data(
        &state.app,
        principal,
        client_info(&headers, addr, state.app.settings.trust_forwarded_for),
    );
    data.cookies = crate::graphql::context::SessionCookies {
        session: principal::cookie(&headers, principal::SESSION_COOKIE),
        admin: principal::cookie(&headers, principal::ADMIN_SESSION_COOKIE),
    };
    let mut response = state.schema.execute(request.data(data)).await;
    with_codes(&mut response.errors);
    let unavailable = response.errors.iter().any(|e| {
        e.extensions
            .as_ref()
            .and_then(|x| x.get("code"))
            .is_some_and(|code| *code == async_graphql::Value::from("UNAVAILABLE"))
    });
    let mut response = GraphQLResponse::from(response).into_response();
    if unavailable {
        // The database could not be reached: a client, a load balancer or a retrying proxy
        // learns it from the status, and when to try again (docs/api.md, Errors).
        *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        if let Ok(value) = crate::error::UNAVAILABLE_RETRY_AFTER_SECS
            .to_string()
            .parse()
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
    }
    response
}

/// Every error carries `extensions.code` (docs/api.md). Errors raised by Vigil have one; the
/// others come from parsing, validation, argument coercion and the depth and complexity
/// limits, which are all the client's input: `BAD_USER_INPUT`. A persisted query's unknown
/// hash gets the code Apollo clients look for (besides the message), which tells them to
/// send the query.
pub fn with_codes(errors: &mut [async_graphql::ServerError]) {
    for error in errors {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|e| e.get("code").is_some());
        if !has_code {
            let code = if error.message == "PersistedQueryNotFound" {
                "PERSISTED_QUERY_NOT_FOUND"
            } else {
                "BAD_USER_INPUT"
            };
            error
                .extensions
                .get_or_insert_with(Default::default)
                .set("code", code);
        }
    }
}

/// Headers a page on another origin cannot send without a CORS preflight, which Vigil does
/// not grant: any of them shows the request was not a cross-site form or `no-cors` fetch.
const PREFLIGHT_HEADERS: [&str; 3] = [
    "x-requested-with",
    "x-apollo-operation-name",
    "apollo-require-preflight",
];

/// Whether a POST may have been sent by another site's page without the browser asking this
/// server first (a form, or a `no-cors` fetch): its content type is missing or one of the three
/// CORS-safelisted types, and it carries none of [`PREFLIGHT_HEADERS`].
fn may_be_cross_site(headers: &HeaderMap) -> bool {
    let safelisted = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .is_none_or(|essence| {
            matches!(
                essence.as_str(),
                "text/plain" | "application/x-www-form-urlencoded" | "multipart/form-data"
            )
        });
    safelisted && !PREFLIGHT_HEADERS.iter().any(|h| headers.contains_key(*h))
}

/// POST runs anything, but never what another site's page may have sent (login CSRF and the
/// like): such requests are refused and nothing in them runs.
async fn graphql_post(
    State(state): State<GraphqlState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Result<GraphQLRequest, async_graphql_axum::rejection::GraphQLRejection>,
) -> Response {
    if may_be_cross_site(&headers) {
        return early_error(AppError::invalid(
            "send GraphQL as application/json (or with an X-Requested-With header): \
             this content type is what cross-site forms send",
        ));
    }
    let request = match request {
        Ok(request) => request,
        Err(rejection) => return rejection.into_response(),
    };
    execute(
        &state,
        Method::POST,
        headers,
        Some(addr),
        request.into_inner(),
    )
    .await
}

/// GET runs queries only (checked once the document is known, see
/// [`persisted::GetRunsQueries`]); without a query it sends browsers to GraphiQL.
async fn graphql_get(
    State(state): State<GraphqlState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    request: Result<GraphQLRequest, async_graphql_axum::rejection::GraphQLRejection>,
) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if uri.query().is_none_or(|q| q.is_empty()) {
        if wants_html {
            return graphiql(&state.app);
        }
        return (
            StatusCode::BAD_REQUEST,
            "send a query, or open this URL in a browser for GraphiQL",
        )
            .into_response();
    }
    let request = match request {
        Ok(request) => request.into_inner(),
        Err(rejection) => return rejection.into_response(),
    };
    let request = request.data(persisted::QueriesOnly);
    execute(&state, Method::GET, headers, Some(addr), request).await
}

/// Where the web app serves GraphiQL (`web/src/pages/graphiql`), signed in with the app's
/// session.
pub const GRAPHIQL_PATH: &str = "/graphiql";

/// GraphiQL is part of the web app, which bundles it (nothing is loaded from the internet):
/// browsers are sent there, or told how to reach the API when the web app is not served.
fn graphiql(app: &AppState) -> Response {
    if crate::webapp::source(&app.settings).is_app() {
        return Redirect::to(GRAPHIQL_PATH).into_response();
    }
    Html(GRAPHIQL_WITHOUT_APP).into_response()
}

const GRAPHIQL_WITHOUT_APP: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Vigil GraphQL API</title></head><body><h1>Vigil GraphQL API</h1>\
<p>GraphiQL comes with Vigil's web app, which this server does not serve (the binary was built \
without it, or <code>web_app</code> is off: see the README). Meanwhile, send queries with <code>POST /graphql</code> \
(<code>application/json</code>) and subscriptions over <code>/graphql/ws</code> \
(<code>graphql-transport-ws</code>); any GraphQL client can read the schema by introspection.</p>\
</body></html>";
