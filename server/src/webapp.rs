//! The web app served at `/` (with client-side routing: paths no file answers get `index.html`).
//!
//! Where it comes from is decided by [`source`], per request, and nowhere else (GraphiQL's
//! redirect asks the same function), in this order:
//! 1. with `web_app` off, nothing: a page pointing to the API;
//! 2. `web_dir`, when it is set and holds an `index.html`: a build being worked on, read from
//!    disk on every request (development; `npm run build` shows without a restart);
//! 3. the build of `web/` the binary carries (`server/build.rs` builds `web/dist` for release
//!    builds; debug builds read `web/dist` from disk, so tests and `cargo run` need no Node);
//! 4. the placeholder every binary carries (`server/web-placeholder`), which says how to get the
//!    app.
//!
//! A carried file is prepared once, on its first request: gzipped when that pays, with a strong
//! `ETag` per representation (the status pages' [`Rendered`], sent by the same
//! [`crate::public::respond`]). Vite names the files under `/assets/` by their content, so
//! browsers keep those for a year; everything else is revalidated against its `ETag`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, RwLock};

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use bytes::Bytes;
use rust_embed::{Embed, EmbeddedFile};
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Settings;
use crate::public::cache::Rendered;

/// The build of `web/` (`npm run build`): embedded by release builds, read from disk at run time
/// by debug builds. Empty when it was not built.
#[derive(Embed)]
#[folder = "../web/dist"]
#[allow_missing = true]
struct Built;

/// The page a binary built without its web app serves instead.
#[derive(Embed)]
#[folder = "web-placeholder"]
struct Placeholder;

/// `Cache-Control` of files named by their content (Vite's `/assets/name-hash.js`).
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of the rest (`index.html` names the current assets): kept, but checked
/// against its `ETag` before each use.
const REVALIDATE: &str = "no-cache";

/// Where the web app comes from (see the module's comment for the order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `web_app` is off: the API only.
    Off,
    /// `web_dir`, read from disk.
    Dir(PathBuf),
    /// The build the binary carries.
    Built,
    /// The placeholder the binary carries.
    Placeholder,
}

impl Source {
    /// Whether this is the web app itself (with its GraphiQL route), not a page standing in
    /// for it.
    pub fn is_app(&self) -> bool {
        matches!(self, Self::Dir(_) | Self::Built)
    }
}

/// Where the web app comes from for this server, now.
pub fn source(settings: &Settings) -> Source {
    pick(settings, Built::get("index.html").is_some())
}

/// [`source`], given whether the binary carries a build.
fn pick(settings: &Settings, built: bool) -> Source {
    if !settings.web_app {
        return Source::Off;
    }
    if let Some(dir) = &settings.web_dir
        && dir.join("index.html").is_file()
    {
        return Source::Dir(dir.clone());
    }
    if built {
        Source::Built
    } else {
        Source::Placeholder
    }
}

/// Answers a `GET` or `HEAD` no route claimed with the web app.
pub async fn serve(settings: &Settings, request: Request) -> Response {
    match source(settings) {
        Source::Off if request.uri().path() == "/" => Html(API_ONLY).into_response(),
        Source::Off => StatusCode::NOT_FOUND.into_response(),
        Source::Dir(dir) => from_dir(&dir, request).await,
        Source::Built => carried(Carried::Built, request.uri().path(), request.headers()),
        Source::Placeholder => carried(
            Carried::Placeholder,
            request.uri().path(),
            request.headers(),
        ),
    }
}

/// The page `/` shows when `web_app` is off.
const API_ONLY: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Vigil</title></head><body><h1>Vigil is running</h1><p>This server serves the GraphQL \
API only (<code>web_app</code> is off): <a href=\"/graphql\">/graphql</a>.</p></body></html>";

/// A file of `web_dir`, or its `index.html` for a client route (never for `/assets/`).
async fn from_dir(dir: &Path, request: Request) -> Response {
    let asset = request.uri().path().starts_with("/assets/");
    let served = if asset {
        tower::ServiceExt::oneshot(ServeDir::new(dir), request).await
    } else {
        let index = ServeFile::new(dir.join("index.html"));
        tower::ServiceExt::oneshot(ServeDir::new(dir).fallback(index), request).await
    };
    let mut response = match served {
        Ok(response) => response.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let control = if asset { IMMUTABLE } else { REVALIDATE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(control));
    }
    response
}

/// The two sets of files a binary carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Carried {
    Built,
    Placeholder,
}

impl Carried {
    fn get(self, name: &str) -> Option<EmbeddedFile> {
        match self {
            Self::Built => Built::get(name),
            Self::Placeholder => Placeholder::get(name),
        }
    }
}

/// A carried file, or `index.html` for a client route; 404 for a missing asset or a path
/// naming something hidden.
fn carried(set: Carried, path: &str, request: &HeaderMap) -> Response {
    let Some(name) = file_name(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (name, file) = match set.get(name) {
        Some(file) => (name, file),
        None if name.starts_with("assets/") => return StatusCode::NOT_FOUND.into_response(),
        None => match set.get("index.html") {
            Some(file) => ("index.html", file),
            None => return StatusCode::NOT_FOUND.into_response(),
        },
    };
    crate::public::respond(&prepared(set, name, file), request)
}

/// The file a request path names: `index.html` for `/`, `None` for a path with a `..`, a
/// hidden segment (`.vite/manifest.json`) or a backslash.
fn file_name(path: &str) -> Option<&str> {
    let name = path.trim_start_matches('/');
    if name.is_empty() {
        return Some("index.html");
    }
    let refused = name
        .split('/')
        .any(|segment| segment.starts_with('.') || segment.contains(['\\', '\0']));
    (!refused).then_some(name)
}

/// A prepared file and the hash of the content it was prepared from.
struct Prepared {
    hash: [u8; 32],
    rendered: Arc<Rendered>,
}

/// Prepared files per set. A debug build reads files from disk on each request, so an entry is
/// used only while the file's hash is the same; a release build's never changes.
static PREPARED: LazyLock<[RwLock<HashMap<String, Prepared>>; 2]> = LazyLock::new(Default::default);

/// `file` gzipped and hashed for its `ETag`, once per content.
fn prepared(set: Carried, name: &str, file: EmbeddedFile) -> Arc<Rendered> {
    let hash = file.metadata.sha256_hash();
    let table = &PREPARED[set as usize];
    if let Ok(prepared) = table.read()
        && let Some(entry) = prepared.get(name).filter(|entry| entry.hash == hash)
    {
        return entry.rendered.clone();
    }
    let body = match file.data {
        std::borrow::Cow::Borrowed(data) => Bytes::from_static(data),
        std::borrow::Cow::Owned(data) => Bytes::from(data),
    };
    let control = if name.starts_with("assets/") {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let rendered = Arc::new(
        Rendered::ok(content_type(name), body)
            .with(header::CACHE_CONTROL, HeaderValue::from_static(control)),
    );
    if let Ok(mut prepared) = table.write() {
        prepared.insert(
            name.to_owned(),
            Prepared {
                hash,
                rendered: rendered.clone(),
            },
        );
    }
    rendered
}

/// The `Content-Type` of a file, by its extension; text in UTF-8 (what Vite writes).
fn content_type(name: &str) -> &'static str {
    match mime_guess::from_path(name).first_raw() {
        Some("text/html") => "text/html; charset=utf-8",
        Some("text/css") => "text/css; charset=utf-8",
        Some("text/javascript" | "application/javascript") => "text/javascript; charset=utf-8",
        Some(other) => other,
        None => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(web_app: bool, web_dir: Option<PathBuf>) -> Settings {
        Settings {
            web_app,
            web_dir,
            ..Settings::default()
        }
    }

    fn temp_web_dir(with_index: bool) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vigil-webapp-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        if with_index {
            std::fs::write(dir.join("index.html"), "<!doctype html>").expect("index");
        }
        dir
    }

    #[test]
    fn web_dir_with_an_index_wins_then_the_build_then_the_placeholder() {
        let app = temp_web_dir(true);
        let empty = temp_web_dir(false);
        let with_app = settings(true, Some(app.clone()));
        assert_eq!(pick(&with_app, true), Source::Dir(app.clone()));
        assert_eq!(pick(&with_app, false), Source::Dir(app.clone()));
        // A web_dir without a build (or missing) is passed over, not served empty.
        for web_dir in [Some(empty.clone()), Some(empty.join("missing")), None] {
            let s = settings(true, web_dir);
            assert_eq!(pick(&s, true), Source::Built);
            assert_eq!(pick(&s, false), Source::Placeholder);
        }
        // Off is off, whatever there is to serve.
        assert_eq!(pick(&settings(false, Some(app.clone())), true), Source::Off);
        assert!(Source::Dir(app.clone()).is_app() && Source::Built.is_app());
        assert!(!Source::Placeholder.is_app() && !Source::Off.is_app());
        let _ = std::fs::remove_dir_all(app);
        let _ = std::fs::remove_dir_all(empty);
    }

    #[test]
    fn request_paths_name_files_and_never_hidden_or_parent_ones() {
        assert_eq!(file_name("/"), Some("index.html"));
        assert_eq!(file_name(""), Some("index.html"));
        assert_eq!(
            file_name("/assets/index-AbC123.js"),
            Some("assets/index-AbC123.js")
        );
        assert_eq!(file_name("/monitors/42"), Some("monitors/42"));
        for refused in [
            "/../Cargo.toml",
            "/assets/../../etc/passwd",
            "/.vite/manifest.json",
            "/assets/.hidden",
            "/assets\\..\\x",
            "/a/\0",
        ] {
            assert_eq!(file_name(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn content_types_name_utf8_for_text() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("assets/index-1.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type("assets/index-1.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type("favicon.svg"), "image/svg+xml");
        assert_eq!(content_type("assets/font.woff2"), "font/woff2");
        assert_eq!(content_type("noextension"), "application/octet-stream");
    }

    fn get(
        set: Carried,
        path: &str,
        accept_encoding: Option<&str>,
        etag: Option<&str>,
    ) -> Response {
        let mut headers = HeaderMap::new();
        if let Some(value) = accept_encoding {
            headers.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).expect("value"),
            );
        }
        if let Some(value) = etag {
            headers.insert(
                header::IF_NONE_MATCH,
                HeaderValue::from_str(value).expect("value"),
            );
        }
        carried(set, path, &headers)
    }

    fn header_of(response: &Response, name: header::HeaderName) -> &str {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    #[test]
    fn the_placeholder_is_served_like_the_app_with_negotiated_encoding() {
        let css = "/assets/placeholder-1.css";
        let plain = get(Carried::Placeholder, css, None, None);
        assert_eq!(plain.status(), StatusCode::OK);
        assert_eq!(header_of(&plain, header::CACHE_CONTROL), IMMUTABLE);
        assert_eq!(
            header_of(&plain, header::CONTENT_TYPE),
            "text/css; charset=utf-8"
        );
        assert_eq!(header_of(&plain, header::VARY), "Accept-Encoding");
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let etag = header_of(&plain, header::ETAG).to_owned();

        let packed = get(Carried::Placeholder, css, Some("br, gzip;q=0.8"), None);
        assert_eq!(header_of(&packed, header::CONTENT_ENCODING), "gzip");
        let gz_etag = header_of(&packed, header::ETAG).to_owned();
        assert_ne!(gz_etag, etag, "each representation has its own validator");
        // Refused gzip gets the plain body.
        let refused = get(Carried::Placeholder, css, Some("gzip;q=0, identity"), None);
        assert!(refused.headers().get(header::CONTENT_ENCODING).is_none());

        // 304 for the representation the client holds, only.
        let fresh = get(Carried::Placeholder, css, Some("gzip"), Some(&gz_etag));
        assert_eq!(fresh.status(), StatusCode::NOT_MODIFIED);
        let other = get(Carried::Placeholder, css, None, Some(&gz_etag));
        assert_eq!(other.status(), StatusCode::OK);

        // Client routes get index.html, revalidated; a missing asset is a 404.
        for path in ["/", "/monitors/42", "/index.html"] {
            let page = get(Carried::Placeholder, path, None, None);
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            assert_eq!(header_of(&page, header::CACHE_CONTROL), REVALIDATE);
            assert_eq!(
                header_of(&page, header::CONTENT_TYPE),
                "text/html; charset=utf-8"
            );
        }
        for path in [
            "/assets/missing.js",
            "/.vite/manifest.json",
            "/assets/../index.html",
        ] {
            let missing = get(Carried::Placeholder, path, None, None);
            assert_eq!(missing.status(), StatusCode::NOT_FOUND, "{path}");
        }
    }
}
