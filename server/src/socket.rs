//! `/graphql/ws`: GraphQL over `graphql-transport-ws`.
//!
//! A socket keeps no rights its credential lost. The client authenticates once, in
//! `connection_init` (`{"token": "..."}`, or a same-origin browser's session cookie), and the
//! socket keeps only the token: every operation started on it authenticates that token again,
//! like an HTTP request (the session must still exist and be unexpired, the key present,
//! enabled and unexpired, the user neither banned nor deactivated; a key's rate limit is
//! charged). Live subscriptions re-check the credential and their access before each event
//! (`graphql::subscription::live`).
//!
//! A socket that sends no `connection_init` within `socket_init_timeout_seconds` is closed
//! with 4408, and one client address holds at most `max_sockets_per_address` sockets.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql::{Data, Executor, Request, Response};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{ConnectInfo, State, WebSocketUpgrade};
use axum::http::{HeaderMap, header};
use axum::response::Response as HttpResponse;
use futures_util::stream::{self, BoxStream};
use futures_util::{SinkExt, StreamExt};

use crate::auth::principal;
use crate::auth::session::ClientInfo;
use crate::auth::throttle::SocketSlot;
use crate::error::{AppError, AppResult};
use crate::graphql::VigilSchema;
use crate::graphql::context::RequestData;
use crate::http::{GraphqlState, client_info, client_ip, early_error, request_data, with_codes};
use crate::state::AppState;

/// The close code of graphql-transport-ws for a missing `connection_init`.
const INIT_TIMEOUT_CODE: u16 = 4408;

/// Upgrades to a GraphQL WebSocket, within the per-address cap.
pub async fn graphql_ws(
    State(state): State<GraphqlState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> HttpResponse {
    let trust = state.app.settings.trust_forwarded_for;
    let slot = match client_ip(&headers, Some(addr), trust) {
        Some(ip) => match state.app.sockets.acquire(ip) {
            Some(slot) => Some(slot),
            None => {
                return early_error(AppError::RateLimited {
                    message: "too many open WebSockets from this address".into(),
                    retry_after_secs: None,
                });
            }
        },
        None => None,
    };
    let cookie = principal::session_cookie(&headers).filter(|_| same_origin(&headers));
    let client = client_info(&headers, Some(addr), trust);
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve(socket, state, protocol, cookie, client, slot))
}

/// Serves one socket until either side closes it; `_slot` holds its place in the cap.
async fn serve(
    socket: WebSocket,
    state: GraphqlState,
    protocol: GraphQLProtocol,
    cookie: Option<String>,
    client: ClientInfo,
    _slot: Option<SocketSlot>,
) {
    let app = state.app.clone();
    let executor = SocketExecutor {
        schema: state.schema,
        app: app.clone(),
        client,
        token: Arc::default(),
    };
    let token = executor.token.clone();
    let (mut sink, mut input) = socket.split();
    let timeout = Duration::from_secs(app.settings.socket_init_timeout_seconds);
    // The input ends when the bound passes without `connection_init`; the socket is then
    // closed below, with the protocol's code.
    let initialised = executor.token.clone();
    let timed_out = Arc::new(AtomicBool::new(false));
    let deadline = {
        let timed_out = timed_out.clone();
        async move {
            tokio::time::sleep(timeout).await;
            if initialised.get().is_some() {
                std::future::pending::<()>().await;
            }
            timed_out.store(true, Ordering::Relaxed);
        }
    };
    GraphQLWebSocket::new_with_pair(
        &mut sink,
        (&mut input).take_until(deadline),
        executor,
        protocol,
    )
    .on_connection_init(move |payload| async move {
        let presented = payload
            .get("token")
            .and_then(|t| t.as_str())
            .map(str::to_owned)
            .or_else(|| {
                // Also accept `Authorization: Bearer ...` inside the payload.
                payload
                    .get("Authorization")
                    .or_else(|| payload.get("authorization"))
                    .and_then(|v| v.as_str())
                    .and_then(|v| v.strip_prefix("Bearer "))
                    .map(str::to_owned)
            })
            .or(cookie);
        if let Some(presented) = &presented {
            principal::authenticate(&app, presented).await?;
        }
        let _ = token.set(presented);
        Ok(Data::default())
    })
    .serve()
    .await;
    if timed_out.load(Ordering::Relaxed) {
        let _ = sink
            .send(Message::Close(Some(CloseFrame {
                code: INIT_TIMEOUT_CODE,
                reason: "Connection initialisation timeout".into(),
            })))
            .await;
    }
}

/// Runs the operations of one socket, each as its own request: the socket's credential is
/// authenticated again for every operation.
#[derive(Clone)]
struct SocketExecutor {
    schema: VigilSchema,
    app: AppState,
    client: ClientInfo,
    /// The token given at `connection_init`: unset before it, `None` for an anonymous socket.
    token: Arc<OnceLock<Option<String>>>,
}

impl SocketExecutor {
    /// The request data of one operation, with its caller checked now (and a key charged).
    async fn request_data(&self) -> AppResult<RequestData> {
        let principal = match self.token.get() {
            Some(Some(token)) => Some(principal::authenticate(&self.app, token).await?),
            Some(None) => None,
            None => return Err(AppError::unauthenticated()),
        };
        Ok(request_data(&self.app, principal, self.client.clone()))
    }
}

/// A response carrying only `err`.
fn error_response(err: AppError) -> Response {
    let err: async_graphql::Error = err.into();
    Response::from_errors(vec![err.into_server_error(Default::default())])
}

impl Executor for SocketExecutor {
    async fn execute(&self, request: Request) -> Response {
        let mut response = match self.request_data().await {
            Ok(data) => self.schema.execute(request.data(data)).await,
            Err(err) => error_response(err),
        };
        with_codes(&mut response.errors);
        response
    }

    fn execute_stream(
        &self,
        request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        let this = self.clone();
        stream::once(async move {
            match this.request_data().await {
                Ok(data) => this
                    .schema
                    .execute_stream_with_session_data(
                        request.data(data),
                        session_data.unwrap_or_default(),
                    )
                    .boxed(),
                Err(err) => stream::once(async move { error_response(err) }).boxed(),
            }
        })
        .flatten()
        .map(|mut response| {
            with_codes(&mut response.errors);
            response
        })
        .boxed()
    }
}

/// Whether `Origin` names the host the request was sent to (a browser on the app's origin).
fn same_origin(headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    match (host, origin) {
        (Some(host), Some(origin)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host),
        _ => false,
    }
}
