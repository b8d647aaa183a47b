//! A target for monitors: an HTTP server on loopback whose answers the test controls, which
//! counts the requests it gets, holds requests until the test releases them, and a TLS
//! listener with a certificate of a chosen lifetime.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{any, get};

#[derive(Default)]
struct Inner {
    hits: HashMap<String, u32>,
    answers: HashMap<String, (u16, String)>,
    auth: Vec<String>,
    held: HashMap<String, Held>,
    /// Bumped by [`Target::release`]; a held request waits for a number above the one it saw.
    gate: Option<tokio::sync::watch::Sender<u64>>,
}

/// Requests to `/hold/{name}`: how many arrived, how many wait now, and the most that waited
/// at once.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub arrived: u32,
    pub waiting: u32,
    pub most: u32,
}

/// A small page for browser tests: a heading a click changes.
pub const PAGE: &str = "<!doctype html><html><head><title>Vigil shop</title></head><body>\
<h1 id=\"greeting\">Hello from the test page</h1>\
<button id=\"go\" onclick=\"document.getElementById('greeting').textContent='Clicked'\">Click me</button>\
</body></html>";

/// The HTTP target.
#[derive(Clone)]
pub struct Target {
    pub addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
}

impl Target {
    pub async fn start() -> Target {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new()
            .route("/ok", get(|| async { "all good: service healthy" }))
            .route("/json", get(|| async { axum::Json(serde_json::json!({ "status": "ok", "items": [{ "name": "first" }], "count": 3 })) }))
            .route("/status/{code}", any(|Path(code): Path<u16>| async move {
                (StatusCode::from_u16(code).unwrap_or(StatusCode::IM_A_TEAPOT), format!("status {code}"))
            }))
            .route("/slow/{ms}", get(|Path(ms): Path<u64>| async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                "slow but fine"
            }))
            .route("/m/{name}", any(named))
            .route("/page", get(|| async { axum::response::Html(PAGE) }))
            .route("/hold/{name}", any(hold))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Target { addr, inner }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Makes `/m/{name}` answer `code` with `body`.
    pub fn set(&self, name: &str, code: u16, body: &str) {
        if let Ok(mut inner) = self.inner.lock() {
            inner
                .answers
                .insert(name.to_owned(), (code, body.to_owned()));
        }
    }

    /// Requests `/m/{name}` received so far.
    pub fn hits(&self, name: &str) -> u32 {
        self.inner
            .lock()
            .map(|i| i.hits.get(name).copied().unwrap_or(0))
            .unwrap_or(0)
    }

    /// What `/hold/{name}` has seen so far.
    pub fn held(&self, name: &str) -> Held {
        self.inner
            .lock()
            .map(|i| i.held.get(name).copied().unwrap_or_default())
            .unwrap_or_default()
    }

    /// Answers every request waiting at `/hold/...` now (200 `released`); later ones wait for
    /// the next release.
    pub fn release(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            inner
                .gate
                .get_or_insert_with(|| tokio::sync::watch::channel(0).0)
                .send_modify(|n| *n += 1);
        }
    }

    /// Authorization headers received so far.
    pub fn auth_headers(&self) -> Vec<String> {
        self.inner
            .lock()
            .map(|i| i.auth.clone())
            .unwrap_or_default()
    }
}

async fn named(
    State(inner): State<Arc<Mutex<Inner>>>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> impl IntoResponse {
    let (code, body) = match inner.lock() {
        Ok(mut inner) => {
            *inner.hits.entry(name.clone()).or_default() += 1;
            if let Some(auth) = headers.get("authorization").and_then(|v| v.to_str().ok()) {
                inner.auth.push(auth.to_owned());
            }
            inner
                .answers
                .get(&name)
                .cloned()
                .unwrap_or((200, "ok".into()))
        }
        Err(_) => (500, "poisoned".into()),
    };
    (
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        body,
    )
}

/// Counts a held request out when it ends, answered or dropped (its client gave up).
struct Waiting {
    inner: Arc<Mutex<Inner>>,
    name: String,
}

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.inner.lock()
            && let Some(held) = inner.held.get_mut(&self.name)
        {
            held.waiting -= 1;
        }
    }
}

async fn hold(State(inner): State<Arc<Mutex<Inner>>>, Path(name): Path<String>) -> &'static str {
    let Some((mut gate, seen)) = inner.lock().ok().map(|mut i| {
        let held = i.held.entry(name.clone()).or_default();
        held.arrived += 1;
        held.waiting += 1;
        held.most = held.most.max(held.waiting);
        let gate = i
            .gate
            .get_or_insert_with(|| tokio::sync::watch::channel(0).0)
            .subscribe();
        let seen = *gate.borrow();
        (gate, seen)
    }) else {
        return "poisoned";
    };
    let _waiting = Waiting { inner, name };
    let _ = gate.wait_for(|n| *n > seen).await;
    "released"
}

/// An HTTPS server on loopback with a self-signed certificate for `localhost` that expires in
/// `days` days. Answers every request with 200.
pub async fn tls_target(days: i64) -> SocketAddr {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio_rustls::rustls;
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).expect("params");
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(30);
    params.not_after = now + time::Duration::days(days);
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = params.self_signed(&key).expect("cert");
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(socket).await else {
                    return;
                };
                let mut buf = vec![0u8; 4096];
                let _ = tls.read(&mut buf).await;
                let _ = tls
                    .write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nsecure",
                    )
                    .await;
                let _ = tls.shutdown().await;
            });
        }
    });
    addr
}

/// A loopback port with nothing listening.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}
