//! Attacks of class `sockets` (see `mod.rs`): a WebSocket keeps no rights its credential or
//! its membership lost, a key is charged for what it runs on a socket, a socket that never
//! says `connection_init` is closed, one address cannot hold sockets without bound, and no
//! cross-site form (or `no-cors` fetch) reaches `POST /graphql`.

use std::time::Duration;

use chrono::Utc;
use futures_util::{SinkExt, StreamExt};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use uuid::Uuid;
use vigil_tests::receivers::Receiver;
use vigil_tests::{PASSWORD, TestApp, TestUser, backends};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// How long a test waits for something the server must do.
const BOUND: Duration = Duration::from_secs(20);

/// Opens `/graphql/ws` with the graphql-transport-ws protocol.
async fn connect(app: &TestApp) -> Result<Socket, tungstenite::Error> {
    let mut request = format!("{}/graphql/ws", app.url.replace("http://", "ws://"))
        .into_client_request()
        .expect("request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    tokio_tungstenite::connect_async(request)
        .await
        .map(|(socket, _)| socket)
}

async fn send(socket: &mut Socket, value: Value) {
    socket
        .send(Message::Text(value.to_string().into()))
        .await
        .expect("sending on the socket");
}

/// A socket past `connection_init` with `token`.
async fn open(app: &TestApp, token: &str) -> Socket {
    let mut socket = connect(app).await.expect("connect");
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "token": token } }),
    )
    .await;
    let ack = next(&mut socket).await.expect("an open socket");
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    socket
}

/// The next protocol message (pings skipped), or `None` when the socket closes.
async fn next(socket: &mut Socket) -> Option<Value> {
    let deadline = Instant::now() + BOUND;
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("a message in time");
        match frame {
            Some(Ok(Message::Text(text))) => {
                let value: Value = serde_json::from_str(&text).expect("json");
                if value["type"] != "ping" && value["type"] != "pong" {
                    return Some(value);
                }
            }
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
            Some(Ok(_)) => {}
        }
    }
}

/// Starts operation `id` on the socket.
async fn start(socket: &mut Socket, id: &str, query: &str, variables: Value) {
    send(
        socket,
        json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } }),
    )
    .await;
}

/// Runs a query or mutation on the socket and returns its result payload.
async fn run(socket: &mut Socket, id: &str, query: &str, variables: Value) -> Value {
    start(socket, id, query, variables).await;
    loop {
        let message = next(socket).await.expect("the socket stays open");
        if message["id"] == id && message["type"] == "next" {
            return message["payload"].clone();
        }
    }
}

fn code(payload: &Value) -> &str {
    payload["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("")
}

/// Calls `cause` (which makes one event the subscription `id` delivers, carrying `mark`) until
/// the subscription delivers one: then it is registered.
async fn until_live<F, Fut>(socket: &mut Socket, id: &str, mut cause: F)
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let deadline = Instant::now() + BOUND;
    for attempt in 0.. {
        assert!(
            Instant::now() < deadline,
            "the subscription never delivered"
        );
        cause(format!("warm-{attempt}")).await;
        let wait = Instant::now() + Duration::from_secs(2);
        while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(wait, socket.next()).await {
            if let Message::Text(text) = frame {
                let value: Value = serde_json::from_str(&text).expect("json");
                if value["id"] == id && value["type"] == "next" {
                    assert!(value["payload"]["errors"].is_null(), "{value}");
                    return;
                }
            }
        }
    }
}

/// Reads subscription `id` after its caller lost access: it must end with an error, and no
/// message may carry `secret`.
async fn ends_with_error(socket: &mut Socket, id: &str, secret: &str) -> String {
    let mut error = None;
    loop {
        let message = next(socket).await.expect("the socket stays open");
        if message["id"] != id {
            continue;
        }
        assert!(
            !message.to_string().contains(secret),
            "delivered after access was lost: {message}"
        );
        match message["type"].as_str() {
            Some("next") => {
                let payload = &message["payload"];
                if payload["errors"].is_array() {
                    error = Some(code(payload).to_owned());
                }
            }
            Some("complete") => {
                return error.expect("an error before the stream completes");
            }
            other => panic!("unexpected message {other:?}: {message}"),
        }
    }
}

async fn sign_in(app: &TestApp, email: &str) -> String {
    let data = app
        .gql(
            None,
            "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token } }",
            json!({ "e": email, "p": PASSWORD }),
        )
        .await
        .ok();
    data["signIn"]["token"].as_str().expect("token").to_owned()
}

const TAG: &str =
    "mutation($p: ID!, $n: String!) { createTag(input: { projectId: $p, name: $n }) { id } }";
const AUDIT: &str =
    "subscription($o: ID!) { auditLogAdded(organizationId: $o) { action details } }";
const MINT_KEY: &str =
    "mutation { createApiKey(input: { name: \"minted\", permission: ADMIN }) { key } }";
const CREATE_KEY: &str =
    "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id } } }";

#[tokio::test]
async fn a_signed_out_socket_runs_nothing_and_its_subscriptions_end() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("leaving@example.com").await;
        let (org, project) = app.create_org(&user, "Leaving").await;
        let mut socket = open(&app, &user.token).await;
        start(&mut socket, "audit", AUDIT, json!({ "o": org })).await;
        until_live(&mut socket, "audit", |name| {
            let (app, token, project) = (&app, user.token.clone(), project.clone());
            async move {
                app.gql(Some(&token), TAG, json!({ "p": project, "n": name }))
                    .await
                    .ok();
            }
        })
        .await;

        app.gql(Some(&user.token), "mutation { signOut }", json!({}))
            .await
            .ok();
        let other_session = sign_in(&app, &user.email).await;
        app.gql(
            Some(&other_session),
            TAG,
            json!({ "p": project, "n": "after-sign-out" }),
        )
        .await
        .ok();
        let ended = ends_with_error(&mut socket, "audit", "after-sign-out").await;
        assert_eq!(ended, "UNAUTHENTICATED", "[{backend}]");

        let keys_before = app.count("apikey").await;
        let minted = run(&mut socket, "mint", MINT_KEY, json!({})).await;
        assert_eq!(code(&minted), "UNAUTHENTICATED", "[{backend}] {minted}");
        assert!(minted["data"].is_null(), "[{backend}] {minted}");
        assert_eq!(app.count("apikey").await, keys_before, "[{backend}]");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_deleted_key_or_a_banned_user_runs_nothing_on_an_open_socket() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let admin = app.sign_up("admin@example.com").await;
        let user = app.sign_up("banned@example.com").await;
        let created = app
            .gql(
                Some(&admin.token),
                CREATE_KEY,
                json!({ "i": { "name": "socket", "permission": "WRITE" } }),
            )
            .await
            .ok();
        let key = created["createApiKey"]["key"].as_str().expect("key");
        let key_id = created["createApiKey"]["apiKey"]["id"]
            .as_str()
            .expect("id");
        let mut with_key = open(&app, key).await;
        let mut banned = open(&app, &user.token).await;
        let me = "{ me { email } }";
        for (socket, email) in [(&mut with_key, &admin.email), (&mut banned, &user.email)] {
            let seen = run(socket, "before", me, json!({})).await;
            assert_eq!(seen["data"]["me"]["email"], email.as_str(), "[{backend}]");
        }

        app.gql(
            Some(&admin.token),
            "mutation($id: ID!) { deleteApiKey(id: $id) }",
            json!({ "id": key_id }),
        )
        .await
        .ok();
        app.gql(
            Some(&admin.token),
            "mutation($u: ID!) { banUser(input: { userId: $u }) { id } }",
            json!({ "u": user.id }),
        )
        .await
        .ok();
        for socket in [&mut with_key, &mut banned] {
            let refused = run(socket, "after", me, json!({})).await;
            assert_eq!(code(&refused), "UNAUTHENTICATED", "[{backend}] {refused}");
            assert!(refused["data"].is_null(), "[{backend}] {refused}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_key_is_charged_for_every_operation_on_a_socket() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("metered@example.com").await;
        let created = app
            .gql(
                Some(&user.token),
                CREATE_KEY,
                json!({ "i": { "name": "metered", "permission": "READ", "rateLimitMax": 3, "rateLimitWindowSeconds": 3600 } }),
            )
            .await
            .ok();
        let key = created["createApiKey"]["key"].as_str().expect("key");
        let mut socket = open(&app, key).await;
        let mut limited = None;
        for i in 0..6 {
            let payload = run(&mut socket, &format!("q{i}"), "{ me { id } }", json!({})).await;
            if code(&payload) == "RATE_LIMITED" {
                limited = Some(i);
                break;
            }
            assert!(payload["errors"].is_null(), "[{backend}] {payload}");
        }
        let limited = limited.unwrap_or_else(|| {
            panic!("[{backend}] six operations on a socket passed a key allowing three requests")
        });
        assert!(
            limited <= 3,
            "[{backend}] limited only at operation {limited}"
        );
        // The key's window is used up for HTTP too.
        app.gql(Some(key), "{ me { id } }", json!({}))
            .await
            .expect_code("RATE_LIMITED");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_removed_member_stops_receiving_trigger_logs() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let member = app.sign_up("member@example.com").await;
        let (org, project) = app.create_org(&owner, "Hooks").await;
        let membership = Uuid::now_v7();
        entity::member::ActiveModel {
            id: Set(membership),
            organization_id: Set(org.parse().expect("uuid")),
            user_id: Set(member.id.parse().expect("uuid")),
            role: Set(entity::member::OrgRole::OrgAdmin),
            created_at: Set(Utc::now()),
        }
        .insert(app.db())
        .await
        .expect("membership");
        let upstream = Receiver::start().await;
        let hook = app
            .gql(
                Some(&owner.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }",
                json!({ "i": { "projectId": project, "name": "hook", "callbackUrl": upstream.url("/") } }),
            )
            .await
            .ok();
        let hook_id = hook["createCallback"]["id"].as_str().expect("id");
        let trigger = hook["createCallback"]["triggerUrl"]
            .as_str()
            .and_then(|url| url.split_once("/t/"))
            .map(|(_, token)| format!("{}/t/{token}", app.url))
            .expect("trigger url");

        let mut socket = open(&app, &member.token).await;
        start(
            &mut socket,
            "logs",
            "subscription($c: ID!) { callbackLogAdded(callbackId: $c) { event request } }",
            json!({ "c": hook_id }),
        )
        .await;
        until_live(&mut socket, "logs", |body| {
            let (http, trigger) = (app.http.clone(), trigger.clone());
            async move {
                http.post(&trigger)
                    .body(body)
                    .send()
                    .await
                    .expect("trigger");
            }
        })
        .await;

        app.gql(
            Some(&owner.token),
            "mutation($id: ID!) { removeMember(memberId: $id) }",
            json!({ "id": membership.to_string() }),
        )
        .await
        .ok();
        app.http
            .post(&trigger)
            .body("body-after-removal")
            .send()
            .await
            .expect("trigger");
        let ended = ends_with_error(&mut socket, "logs", "body-after-removal").await;
        assert!(
            ended == "NOT_FOUND" || ended == "FORBIDDEN",
            "[{backend}] {ended}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_demoted_admin_stops_receiving_audit_logs() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let admin = app.sign_up("admin@example.com").await;
        let (org, project) = app.create_org(&owner, "Audited").await;
        let membership = Uuid::now_v7();
        entity::member::ActiveModel {
            id: Set(membership),
            organization_id: Set(org.parse().expect("uuid")),
            user_id: Set(admin.id.parse().expect("uuid")),
            role: Set(entity::member::OrgRole::OrgAdmin),
            created_at: Set(Utc::now()),
        }
        .insert(app.db())
        .await
        .expect("membership");
        let mut socket = open(&app, &admin.token).await;
        start(&mut socket, "audit", AUDIT, json!({ "o": org })).await;
        until_live(&mut socket, "audit", |name| {
            let (app, token, project) = (&app, owner.token.clone(), project.clone());
            async move {
                app.gql(Some(&token), TAG, json!({ "p": project, "n": name }))
                    .await
                    .ok();
            }
        })
        .await;
        app.gql(
            Some(&owner.token),
            "mutation($id: ID!) { updateMemberRole(memberId: $id, role: PROJECT_VIEWER) { id } }",
            json!({ "id": membership.to_string() }),
        )
        .await
        .ok();
        app.gql(
            Some(&owner.token),
            TAG,
            json!({ "p": project, "n": "after-demotion" }),
        )
        .await
        .ok();
        let ended = ends_with_error(&mut socket, "audit", "after-demotion").await;
        assert!(
            ended == "FORBIDDEN" || ended == "NOT_FOUND",
            "[{backend}] {ended}"
        );
        app.stop().await;
    }
}

/// The server must close a silent socket within the init timeout (10 s by default).
async fn closed_without_init(app: &TestApp) -> Option<u16> {
    let mut socket = connect(app).await.expect("connect");
    let deadline = Instant::now() + BOUND;
    loop {
        match tokio::time::timeout_at(deadline, socket.next()).await {
            Err(_) => return None,
            Ok(Some(Ok(Message::Close(frame)))) => return frame.map(|f| u16::from(f.code)),
            Ok(None | Some(Err(_))) => return Some(u16::from(CloseCode::Abnormal)),
            Ok(Some(Ok(_))) => {}
        }
    }
}

#[tokio::test]
async fn a_socket_that_never_initialises_is_closed() {
    let apps = futures_util::future::join_all(backends().iter().map(TestApp::spawn)).await;
    let codes = futures_util::future::join_all(apps.iter().map(closed_without_init)).await;
    for (app, code) in apps.into_iter().zip(codes) {
        assert_eq!(
            code,
            Some(4408),
            "[{}] a socket without connection_init",
            app.backend
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn one_address_cannot_hold_sockets_without_bound() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut held = Vec::new();
        let mut refused = None;
        for i in 0..60 {
            match connect(&app).await {
                Ok(socket) => held.push(socket),
                Err(tungstenite::Error::Http(response)) => {
                    refused = Some((i, response.status().as_u16()));
                    break;
                }
                Err(err) => panic!("[{backend}] connect {i}: {err}"),
            }
        }
        assert_eq!(
            refused,
            Some((50, 429)),
            "[{backend}] the 51st socket from one address"
        );
        // A closed socket frees its place.
        let mut first = held.remove(0);
        first.close(None).await.expect("close");
        drop(first);
        let deadline = Instant::now() + BOUND;
        loop {
            match connect(&app).await {
                Ok(socket) => {
                    held.push(socket);
                    break;
                }
                Err(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(err) => panic!("[{backend}] no place freed: {err}"),
            }
        }
        drop(held);
        app.stop().await;
    }
}

/// What a cross-site page can send without a preflight: these never run.
#[tokio::test]
async fn cross_site_posts_never_run_and_get_never_mutates() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user: TestUser = app.sign_up("victim@example.com").await;
        let sessions = app.count("session").await;
        let sign_in = json!({
            "query": "mutation { signIn(input: { email: \"victim@example.com\", password: \"correct horse battery\" }) { token } }"
        })
        .to_string();
        let boundary = "vigilboundary";
        let multipart = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{sign_in}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{}}\r\n--{boundary}--\r\n"
        );
        let forms: [(Option<String>, String); 5] = [
            (Some("text/plain".into()), sign_in.clone()),
            (Some("text/plain;charset=UTF-8".into()), sign_in.clone()),
            (
                Some("application/x-www-form-urlencoded".into()),
                sign_in.clone(),
            ),
            (
                Some(format!("multipart/form-data; boundary={boundary}")),
                multipart,
            ),
            (None, sign_in.clone()),
        ];
        for (content_type, body) in forms {
            let mut request = app
                .http
                .post(format!("{}/graphql", app.url))
                .header("origin", "https://evil.example")
                .body(body);
            if let Some(content_type) = &content_type {
                request = request.header("content-type", content_type);
            }
            let response = request.send().await.expect("post");
            let status = response.status().as_u16();
            let cookie = response.headers().get("set-cookie").cloned();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            assert!(
                status == 400 || status == 415,
                "[{backend}] {content_type:?}: HTTP {status} {body}"
            );
            assert_eq!(cookie, None, "[{backend}] {content_type:?} set a cookie");
            assert_eq!(
                body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
                "[{backend}] {content_type:?}: {body}"
            );
        }
        assert_eq!(app.count("session").await, sessions, "[{backend}]");

        // The same body with a header a cross-site page cannot send runs.
        let ok = app
            .http
            .post(format!("{}/graphql", app.url))
            .header("content-type", "text/plain")
            .header("x-requested-with", "script")
            .body(sign_in.clone())
            .send()
            .await
            .expect("post");
        assert_eq!(ok.status().as_u16(), 200, "[{backend}]");
        assert_eq!(app.count("session").await, sessions + 1, "[{backend}]");

        // GET with the session cookie never changes anything.
        let sessions = app.count("session").await;
        let got: Value = app
            .http
            .get(
                reqwest::Url::parse_with_params(
                    &format!("{}/graphql", app.url),
                    &[
                        ("query", "query Q { me { id } } mutation M { signOut }"),
                        ("operationName", "Q"),
                    ],
                )
                .expect("url"),
            )
            .header("cookie", format!("vigil_session={}", user.token))
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
        assert_eq!(
            got["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "[{backend}] {got}"
        );
        assert_eq!(app.count("session").await, sessions, "[{backend}]");
        app.gql(Some(&user.token), "{ me { id } }", json!({}))
            .await
            .ok();
        app.stop().await;
    }
}
