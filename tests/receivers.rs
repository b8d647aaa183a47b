//! A loopback HTTP receiver that stands in for internet services (Slack, Discord, Teams,
//! Telegram, Twilio, SendGrid, a customer's webhook endpoint): it records every request and
//! answers with the statuses it is told to, in order, then with its default answer.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    /// The path, without the query.
    pub path: String,
    pub query: Option<String>,
    /// Header names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Verifies `X-Vigil-Signature` as a receiver does (`t=<unix seconds>,v1=<hex>`, the
    /// HMAC-SHA256 of `"<t>.<raw body>"` with `secret`); the signed time when it matches.
    pub fn vigil_signature(&self, secret: &[u8]) -> Option<i64> {
        use hmac::{Hmac, KeyInit, Mac};
        let signature = self.header("x-vigil-signature")?;
        let (t, v1) = signature.split_once(',')?;
        let (t, v1) = (t.strip_prefix("t=")?, v1.strip_prefix("v1=")?);
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).ok()?;
        mac.update(format!("{t}.").as_bytes());
        mac.update(&self.body);
        mac.verify_slice(&hex::decode(v1).ok()?).ok()?;
        t.parse().ok()
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON; panics when it is not.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("the body is not JSON ({e}): {}", self.text()))
    }

    /// The body as `application/x-www-form-urlencoded` pairs.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    /// The first value of form field `name`.
    pub fn form_value(&self, name: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

/// An answer to give.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            body: String::new(),
            headers: Vec::new(),
        }
    }

    pub fn with_body(status: u16, body: &str) -> Reply {
        Reply {
            body: body.to_owned(),
            ..Reply::status(status)
        }
    }
}

struct Shared {
    requests: Mutex<Vec<Received>>,
    /// How long each answer waits after the request is recorded (a slow receiver).
    delay: Mutex<std::time::Duration>,
    script: Mutex<VecDeque<Reply>>,
    default: Mutex<Reply>,
}

/// The receiver; it runs until the test process ends.
#[derive(Clone)]
pub struct Receiver {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Receiver {
    /// Starts a receiver on `127.0.0.1:0` that answers `200 {"ok":true}` by default.
    pub async fn start() -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding the receiver");
        let addr = listener.local_addr().expect("the receiver's address");
        let shared = Arc::new(Shared {
            requests: Mutex::new(Vec::new()),
            delay: Mutex::new(std::time::Duration::ZERO),
            script: Mutex::new(VecDeque::new()),
            default: Mutex::new(Reply::with_body(200, r#"{"ok":true}"#)),
        });
        let app = Router::new().fallback(record).with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver { addr, shared }
    }

    /// `http://127.0.0.1:{port}` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Answers the next requests with `statuses`, one each, then with the default.
    pub fn reply_with(&self, statuses: &[u16]) {
        for status in statuses {
            self.reply(Reply::status(*status));
        }
    }

    /// Queues one answer.
    pub fn reply(&self, reply: Reply) {
        if let Ok(mut script) = self.shared.script.lock() {
            script.push_back(reply);
        }
    }

    /// Changes the answer given once the queue is empty.
    pub fn set_default(&self, reply: Reply) {
        if let Ok(mut default) = self.shared.default.lock() {
            *default = reply;
        }
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<Received> {
        self.shared
            .requests
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default()
    }

    /// Waits until at least `n` requests have come (see [`crate::HANG`]), and returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let what = format!("{n} requests at {}", self.addr);
        crate::eventually(&what, || async {
            let got = self.requests();
            (got.len() >= n).then_some(got)
        })
        .await
    }

    /// Answers every request `delay` after it came (recorded at once): a slow receiver.
    pub fn set_delay(&self, delay: std::time::Duration) {
        if let Ok(mut d) = self.shared.delay.lock() {
            *d = delay;
        }
    }

    /// Forgets the requests received so far.
    pub fn clear(&self) {
        if let Ok(mut requests) = self.shared.requests.lock() {
            requests.clear();
        }
    }
}

async fn record(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Received {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        headers: headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: body.to_vec(),
    };
    if let Ok(mut requests) = shared.requests.lock() {
        requests.push(received);
    }
    let delay = shared.delay.lock().map(|d| *d).unwrap_or_default();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let queued = shared.script.lock().ok().and_then(|mut s| s.pop_front());
    let reply = match queued {
        Some(reply) => reply,
        None => shared
            .default
            .lock()
            .map(|d| d.clone())
            .unwrap_or_else(|_| Reply::status(200)),
    };
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, reply.body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    // An empty value takes the header away (an answer without a content type).
    for (name, value) in reply.headers {
        if let (Ok(name), Ok(value)) = (
            header::HeaderName::from_bytes(name.as_bytes()),
            header::HeaderValue::from_str(&value),
        ) {
            if value.is_empty() {
                response.headers_mut().remove(name);
            } else {
                response.headers_mut().insert(name, value);
            }
        }
    }
    response
}
