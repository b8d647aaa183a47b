//! GraphQL over WebSocket (graphql-transport-ws) as a client: a socket past `connection_init`,
//! and subscriptions that are live on the server before the test causes the events they are
//! to deliver.
//!
//! The protocol has no acknowledgement per subscription, so [`Ws::subscribe`] waits on the
//! server's own count of live subscriptions ([`vigil::events::EventBus::subscriptions`]): an
//! event sent after a subscription is counted reaches it.

use std::collections::VecDeque;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::{HANG, TestApp};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A graphql-transport-ws connection to a test server.
pub struct Ws {
    socket: Socket,
    /// Messages read while waiting for something else, in order.
    pending: VecDeque<Value>,
}

impl Ws {
    /// Opens `/graphql/ws` and says `connection_init` with `token` (or none); returns once the
    /// server answered `connection_ack`.
    pub async fn open(app: &TestApp, token: Option<&str>) -> Ws {
        Self::connect(&app.url, token).await
    }

    /// [`Ws::open`] on the server at `url` (`http://host:port`), a served binary for one.
    pub async fn connect(url: &str, token: Option<&str>) -> Ws {
        let mut request = format!("{}/graphql/ws", url.replace("http://", "ws://"))
            .into_client_request()
            .expect("request");
        request.headers_mut().insert(
            "sec-websocket-protocol",
            "graphql-transport-ws".parse().expect("header"),
        );
        let (socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connecting to /graphql/ws");
        let mut ws = Ws {
            socket,
            pending: VecDeque::new(),
        };
        let payload = match token {
            Some(token) => json!({ "token": token }),
            None => json!({}),
        };
        ws.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        let ack = ws.next().await.expect("the socket stays open");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        ws
    }

    /// Sends one protocol message.
    pub async fn send(&mut self, message: Value) {
        self.socket
            .send(Message::Text(message.to_string().into()))
            .await
            .expect("sending on the socket");
    }

    /// Starts operation `id` without waiting for anything (a subscription the server is
    /// expected to refuse, or a query).
    pub async fn start(&mut self, id: &str, query: &str, variables: Value) {
        self.send(json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } }))
            .await;
    }

    /// Starts subscription `id` and returns once the server has it live: every event caused
    /// from now on reaches it. Panics with the server's answer if it refuses the subscription.
    pub async fn subscribe(&mut self, app: &TestApp, id: &str, query: &str, variables: Value) {
        if let Ok(refusal) = self.refusal(app, id, query, variables).await {
            panic!("subscription {id} was refused: {refusal}");
        }
    }

    /// Starts subscription `id` and tells whether the server refused it: `Ok` with its refusal
    /// (an error, a completion, or errors in the payload), `Err` saying so if the subscription
    /// became live or sent data instead (that data stays for [`Ws::payload`]).
    pub async fn refusal(
        &mut self,
        app: &TestApp,
        id: &str,
        query: &str,
        variables: Value,
    ) -> Result<Value, String> {
        let events = &app.state().events;
        let before = events.subscriptions();
        self.start(id, query, variables).await;
        let deadline = tokio::time::Instant::now() + HANG;
        loop {
            if events.subscriptions() > before {
                return Err(format!("subscription {id} became live"));
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "subscription {id} was neither refused nor live within {} s",
                HANG.as_secs()
            );
            // Read meanwhile, so that a refusal is seen as soon as it comes.
            let wait = tokio::time::Instant::now() + std::time::Duration::from_millis(10);
            if let Ok(message) = tokio::time::timeout_at(wait, self.read()).await {
                let message = message.expect("the socket stays open");
                if message["id"] == id
                    && (message["type"] == "error"
                        || message["type"] == "complete"
                        || message["payload"]["errors"].is_array())
                {
                    return Ok(message);
                }
                let sent = message["id"] == id;
                let said = format!("subscription {id} sent {message}");
                self.pending.push_back(message);
                if sent {
                    return Err(said);
                }
            }
        }
    }

    /// The next protocol message (pings and pongs skipped), or `None` once the socket closed.
    pub async fn next(&mut self) -> Option<Value> {
        if let Some(message) = self.pending.pop_front() {
            return Some(message);
        }
        tokio::time::timeout(HANG, self.read())
            .await
            .unwrap_or_else(|_| panic!("no message within {} s", HANG.as_secs()))
    }

    /// The payload of the next `next` message of operation `id`; other operations' messages
    /// stay for [`Ws::next`] and later calls.
    pub async fn payload(&mut self, id: &str) -> Value {
        let mine = |m: &Value| m["id"] == id && m["type"] == "next";
        if let Some(at) = self.pending.iter().position(mine) {
            return self.pending.remove(at).expect("a pending message")["payload"].clone();
        }
        loop {
            let message = tokio::time::timeout(HANG, self.read())
                .await
                .unwrap_or_else(|_| panic!("nothing for {id} within {} s", HANG.as_secs()))
                .expect("the socket stays open");
            if mine(&message) {
                return message["payload"].clone();
            }
            self.pending.push_back(message);
        }
    }

    /// Like [`Ws::payload`], but gives up after `wait` and returns `None`: for a subscription
    /// on a served binary, whose server cannot be asked whether it is live yet, the test causes
    /// the event again until it arrives.
    pub async fn payload_within(&mut self, id: &str, wait: std::time::Duration) -> Option<Value> {
        let mine = |m: &Value| m["id"] == id && m["type"] == "next";
        if let Some(at) = self.pending.iter().position(mine) {
            return Some(self.pending.remove(at).expect("a pending message")["payload"].clone());
        }
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let message = tokio::time::timeout_at(deadline, self.read())
                .await
                .ok()?
                .expect("the socket stays open");
            if mine(&message) {
                return Some(message["payload"].clone());
            }
            if message["id"] == id && message["type"] == "error" {
                panic!("subscription {id} was refused: {message}");
            }
            self.pending.push_back(message);
        }
    }

    /// Reads the socket until a protocol message other than ping or pong.
    async fn read(&mut self) -> Option<Value> {
        loop {
            match self.socket.next().await {
                Some(Ok(Message::Text(text))) => {
                    let value: Value = serde_json::from_str(&text).expect("json");
                    if value["type"] != "ping" && value["type"] != "pong" {
                        return Some(value);
                    }
                }
                Some(Ok(Message::Close(_)) | Err(_)) | None => return None,
                Some(Ok(_)) => {}
            }
        }
    }
}
