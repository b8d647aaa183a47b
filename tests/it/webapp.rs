//! The web app as the real `vigil serve` binary serves it from a directory that has nothing of
//! Vigil's: the build it carries (`web/dist`, which a debug binary reads from disk, or the
//! placeholder when the app is not built), with gzip, validators and cache headers; `web_dir`
//! overriding it while it holds a build; `web_app = false` serving the API only.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use vigil_tests::served::{free_port, vigil_command};
use vigil_tests::{Backend, Served, backends, fresh_postgres, temp_dir};

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// What the binary carries: the built app when `web/dist` is built (a debug binary reads it
/// from disk), else the placeholder. Returns the expected `index.html` and whether it is the app.
fn carried_index() -> (String, bool) {
    match std::fs::read_to_string(root().join("web/dist/index.html")) {
        Ok(index) => (index, true),
        Err(_) => (
            std::fs::read_to_string(root().join("server/web-placeholder/index.html"))
                .expect("the placeholder's index.html"),
            false,
        ),
    }
}

/// Starts `vigil serve` in `cwd` with `env` besides a free port (and a PostgreSQL database on
/// that backend).
async fn serve(cwd: &Path, backend: &Backend, env: &[(&str, &str)]) -> Served {
    let port = free_port();
    let mut cmd = vigil_command(cwd);
    cmd.arg("serve")
        .env("VIGIL_BIND", format!("127.0.0.1:{port}"));
    if let Backend::Postgres(admin) = backend {
        let url = fresh_postgres(admin).await.expect("a PostgreSQL database");
        cmd.env("DATABASE_URL", url);
    }
    for (key, value) in env {
        cmd.env(key, value);
    }
    Served::start_on(cmd, &cwd.join("vigil.log"), &[port]).await
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn get(url: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = client().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("request");
    let (status, headers) = (response.status(), response.headers().clone());
    (
        status,
        headers,
        response.bytes().await.expect("body").to_vec(),
    )
}

fn header(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The `/assets/…` paths an `index.html` names.
fn assets_of(index: &str) -> Vec<String> {
    index
        .split('"')
        .filter(|part| part.starts_with("/assets/"))
        .map(str::to_owned)
        .collect()
}

/// The raw answer to `GET {path}` sent as written (no client normalizes its `..`).
fn raw_get(port: u16, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

#[tokio::test]
async fn serve_carries_the_web_app_from_any_directory() {
    for backend in backends() {
        let cwd = temp_dir("webapp-carried");
        let served = serve(cwd.path(), &backend, &[]).await;
        carried_app_is_served(&served, &backend).await;
        served.stop().await;
    }
}

async fn carried_app_is_served(served: &Served, backend: &Backend) {
    let (index, is_app) = carried_index();
    let (status, headers, body) = get(&format!("{}/", served.url), &[]).await;
    assert_eq!(status, StatusCode::OK, "[{backend}]");
    assert_eq!(String::from_utf8_lossy(&body), index, "[{backend}]");
    assert!(
        index.contains(if is_app {
            "<div id=\"root\">"
        } else {
            "Vigil is running"
        }),
        "{index}"
    );
    assert_eq!(
        header(&headers, header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );
    assert_eq!(header(&headers, header::CACHE_CONTROL), "no-cache");
    assert_eq!(header(&headers, header::X_CONTENT_TYPE_OPTIONS), "nosniff");

    // Client routes get index.html; hidden files, missing assets and escapes do not.
    let (status, _, route) = get(&format!("{}/monitors/0192-abc/edit", served.url), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(route, body, "a client route is index.html");
    for path in ["/assets/missing-0123abcd.js", "/.vite/manifest.json"] {
        let (status, _, missing) = get(&format!("{}{path}", served.url), &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            missing.is_empty(),
            "{path}: {}",
            String::from_utf8_lossy(&missing)
        );
    }
    // Escapes sent as written (an HTTP client would resolve the dots, even encoded ones).
    for path in [
        "/assets/../../server/Cargo.toml",
        "/../Cargo.toml",
        "/assets/%2e%2e/%2e%2e/server/Cargo.toml",
        "/assets/..%2f..%2fserver%2fCargo.toml",
    ] {
        let answer = raw_get(served.port, path);
        assert!(
            answer.starts_with("HTTP/1.1 404") || answer.starts_with("HTTP/1.1 400"),
            "{path}: {answer}"
        );
        assert!(!answer.contains("[package]"), "{path}: {answer}");
    }
    let post = client()
        .post(format!("{}/", served.url))
        .send()
        .await
        .expect("post");
    assert_eq!(post.status(), StatusCode::NOT_FOUND);

    let assets = assets_of(&index);
    assert!(!assets.is_empty(), "index.html names no asset: {index}");
    let mut gzipped = 0;
    for asset in &assets {
        gzipped += usize::from(asset_is_served(&served.url, asset).await);
    }
    assert!(gzipped > 0, "no asset of {assets:?} was gzipped");

    // GraphiQL is the app's when the binary carries the app, else a page of its own.
    let (status, headers, page) = get(
        &format!("{}/graphql", served.url),
        &[("accept", "text/html")],
    )
    .await;
    if is_app {
        assert!(status.is_redirection(), "{status}");
        assert_eq!(header(&headers, header::LOCATION), "/graphiql");
    } else {
        assert_eq!(status, StatusCode::OK);
        assert!(String::from_utf8_lossy(&page).contains("GraphiQL comes with"));
    }
}

/// Checks one asset: immutable, typed, gzipped when asked (and worth it), 304 on its validator,
/// HEAD. Returns whether it was gzipped.
async fn asset_is_served(base: &str, asset: &str) -> bool {
    let url = format!("{base}{asset}");
    let (status, plain_headers, plain) = get(&url, &[]).await;
    assert_eq!(status, StatusCode::OK, "{asset}");
    assert_eq!(
        header(&plain_headers, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    let expected_type = if asset.ends_with(".js") {
        "text/javascript; charset=utf-8"
    } else if asset.ends_with(".css") {
        "text/css; charset=utf-8"
    } else {
        ""
    };
    if !expected_type.is_empty() {
        assert_eq!(header(&plain_headers, header::CONTENT_TYPE), expected_type);
    }
    assert!(plain_headers.get(header::CONTENT_ENCODING).is_none());
    let etag = header(&plain_headers, header::ETAG).to_owned();
    assert!(
        etag.starts_with('"'),
        "{asset}: a strong ETag, not {etag:?}"
    );
    let (status, _, _) = get(&url, &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED, "{asset}");

    let head = client().head(&url).send().await.expect("head");
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(
        header(head.headers(), header::CONTENT_LENGTH),
        plain.len().to_string()
    );
    assert!(head.bytes().await.expect("body").is_empty());

    let (status, headers, packed) = get(&url, &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!(status, StatusCode::OK);
    if header(&headers, header::CONTENT_ENCODING) != "gzip" {
        assert!(
            plain.len() < 1024,
            "{asset}: {} bytes not gzipped",
            plain.len()
        );
        return false;
    }
    assert_eq!(header(&headers, header::VARY), "Accept-Encoding");
    assert_eq!(header(&plain_headers, header::VARY), "Accept-Encoding");
    assert!(packed.len() < plain.len());
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_end(&mut unpacked)
        .expect("gunzip");
    assert_eq!(unpacked, plain, "{asset}");
    let gz_etag = header(&headers, header::ETAG).to_owned();
    assert_ne!(gz_etag, etag, "{asset}: one validator per representation");
    let (status, _, _) = get(
        &url,
        &[("accept-encoding", "gzip"), ("if-none-match", &gz_etag)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    // The gzipped validator does not stand for the plain body.
    let (status, _, _) = get(&url, &[("if-none-match", &gz_etag)]).await;
    assert_eq!(status, StatusCode::OK);
    true
}

/// A build of the app in a directory of its own, as `npm run build` leaves it.
fn fake_build(dir: &Path) {
    std::fs::create_dir_all(dir.join("assets")).expect("assets dir");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Development build</title><div id=\"root\"></div>\
         <script type=\"module\" src=\"/assets/index-D3v3l0p.js\"></script>",
    )
    .expect("index");
    std::fs::write(
        dir.join("assets/index-D3v3l0p.js"),
        "console.log('development build');\n".repeat(100),
    )
    .expect("asset");
}

#[tokio::test]
async fn web_dir_overrides_the_carried_app_while_it_holds_a_build() {
    for backend in backends() {
        let cwd = temp_dir("webapp-override");
        let web = temp_dir("webapp-dist");
        fake_build(web.path());
        let dir = web.path().display().to_string();
        let served = serve(cwd.path(), &backend, &[("VIGIL_WEB_DIR", &dir)]).await;
        let (status, headers, body) = get(&format!("{}/", served.url), &[]).await;
        assert_eq!(status, StatusCode::OK, "[{backend}]");
        assert!(String::from_utf8_lossy(&body).contains("Development build"));
        assert_eq!(header(&headers, header::CACHE_CONTROL), "no-cache");
        let (_, _, route) = get(&format!("{}/status-pages/1", served.url), &[]).await;
        assert_eq!(route, body);
        let (status, headers, asset) =
            get(&format!("{}/assets/index-D3v3l0p.js", served.url), &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(String::from_utf8_lossy(&asset).starts_with("console.log"));
        assert_eq!(
            header(&headers, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        let (status, _, _) = get(&format!("{}/assets/gone-1234.js", served.url), &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, headers, _) = get(
            &format!("{}/graphql", served.url),
            &[("accept", "text/html")],
        )
        .await;
        assert!(status.is_redirection());
        assert_eq!(header(&headers, header::LOCATION), "/graphiql");

        // Without its index.html the directory is no build: the carried app again.
        std::fs::remove_file(web.path().join("index.html")).expect("remove index");
        let (status, _, body) = get(&format!("{}/", served.url), &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(String::from_utf8_lossy(&body), carried_index().0);
        served.stop().await;
    }
}

#[tokio::test]
async fn web_app_off_serves_the_api_only() {
    for backend in backends() {
        web_app_off_on(&backend).await;
    }
}

async fn web_app_off_on(backend: &Backend) {
    let cwd = temp_dir("webapp-off");
    let served = serve(cwd.path(), backend, &[("VIGIL_WEB_APP", "false")]).await;
    let (status, _, body) = get(&format!("{}/", served.url), &[]).await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8_lossy(&body);
    assert!(page.contains("GraphQL API only"), "{page}");
    assert!(!page.contains("<script"), "{page}");
    for path in ["/monitors/1", "/assets/placeholder-1.css"] {
        let (status, _, _) = get(&format!("{}{path}", served.url), &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _, page) = get(
        &format!("{}/graphql", served.url),
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&page).contains("GraphiQL comes with"));
    served.stop().await;
}
