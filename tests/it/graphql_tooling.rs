//! Standard GraphQL tooling against Vigil: graphql-js's introspection query (what GraphiQL,
//! graphql-codegen, Apollo and Postman send) under the depth limits, Apollo's automatic
//! persisted queries, and GraphiQL served by the web app. The web app's Vitest suite sends
//! the live graphql-js query and rebuilds `schema.graphql` from the answer
//! (`web/src/pages/graphiql/introspection.test.ts`); these tests use the same query as text.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use vigil_tests::{TestApp, backends, temp_dir};

/// `getIntrospectionQuery()` as GraphiQL 5 calls it, and with every option on.
const GRAPHIQL_INTROSPECTION: &str =
    include_str!("../fixtures/graphql-js/introspection-graphiql.graphql");
const FULL_INTROSPECTION: &str = include_str!("../fixtures/graphql-js/introspection-full.graphql");

/// 12 levels of ordinary fields (the limit), and 13.
const TWELVE: &str = "organizations { nodes { projects { organization { projects { organization { projects { organization { projects { organization { projects { id } } } } } } } } } } }";
const THIRTEEN: &str = "organizations { nodes { projects { organization { projects { organization { projects { organization { projects { organization { projects { organization { id } } } } } } } } } } } }";

/// `levels` nested `field { … }` around `leaf`.
fn nested(levels: usize, field: &str, leaf: &str) -> String {
    (0..levels).fold(leaf.to_owned(), |inner, _| format!("{field} {{ {inner} }}"))
}

/// An error message, or a panic with the whole answer when there is none; data must be null.
#[track_caller]
fn refused(answer: &vigil_tests::Gql) -> String {
    assert!(answer.body["data"].is_null(), "{}", answer.body);
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
    answer.message().to_lowercase()
}

#[tokio::test]
async fn graphql_js_introspection_is_answered_while_ordinary_queries_keep_the_depth_limit() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("tooling@example.com").await;
        // The query tools send, anonymous (codegen from a URL) and signed in (GraphiQL).
        for (query, token) in [
            (GRAPHIQL_INTROSPECTION, None),
            (FULL_INTROSPECTION, Some(user.token.as_str())),
        ] {
            let data = app.gql(token, query, json!({})).await.ok();
            let types = data["__schema"]["types"].as_array().expect("types");
            assert!(
                types.iter().any(|t| t["name"] == "Monitor"),
                "[{backend}] {data}"
            );
            assert_eq!(data["__schema"]["queryType"]["name"], "Query");
        }

        // Ordinary fields are still held to 12 levels, also beside introspection and inside
        // fragments; beside 15 levels of introspection, 12 ordinary ones are answered.
        let introspection = format!(
            "__schema {{ types {{ fields {{ type {{ {} }} }} }} }}",
            nested(10, "ofType", "name")
        );
        let twelve = format!("__typename {introspection} {TWELVE}");
        let data = app
            .gql(Some(&user.token), &format!("{{ {twelve} }}"), json!({}))
            .await
            .ok();
        assert!(data["organizations"]["nodes"].is_array(), "{data}");
        for query in [
            format!("{{ {THIRTEEN} }}"),
            format!("{{ {introspection} {THIRTEEN} }}"),
            format!("query {{ ...Deep }} fragment Deep on Query {{ __typename {THIRTEEN} }}"),
        ] {
            let answer = app.gql(Some(&user.token), &query, json!({})).await;
            assert!(
                refused(&answer).contains("nested too deep"),
                "[{backend}] {query}"
            );
        }

        // Introspection has its own bounds: 32 levels, and no more than two recursive lists
        // inside one another (each multiplies the answer by the schema's size).
        let of_type = |levels| {
            format!(
                "{{ __type(name: \"Query\") {{ {} }} }}",
                nested(levels, "ofType", "name")
            )
        };
        assert!(app.gql(None, &of_type(29), json!({})).await.ok()["__type"].is_object());
        assert!(refused(&app.gql(None, &of_type(40), json!({})).await).contains("recursion"));
        // 50 levels of `fields { type { … } }`.
        let pathological = format!(
            "{{ __type(name: \"Monitor\") {{ {}name{} }} }}",
            "fields { type { ".repeat(25),
            " } }".repeat(25)
        );
        refused(&app.gql(None, &pathological, json!({})).await);
        let three_lists = "{ __schema { types { ...T } } } \
            fragment T on __Type { fields { type { ...U } } } \
            fragment U on __Type { interfaces { ...V } } \
            fragment V on __Type { possibleTypes { name } }";
        assert!(
            refused(&app.gql(None, three_lists, json!({})).await).contains("introspection lists")
        );
        // Fragments that each spread the next twice: 2^30 selections in 1 KiB, refused before
        // anything spreads them (by text, and again under a persisted hash).
        let mut doubling = String::from("{ ...F0 }");
        for i in 0..30 {
            doubling.push_str(&format!(
                " fragment F{i} on Query {{ __typename ...F{n} ...F{n} }}",
                n = i + 1
            ));
        }
        doubling.push_str(" fragment F30 on Query { __typename }");
        let answer = app.gql(None, &doubling, json!({})).await;
        assert!(refused(&answer).contains("too complex"), "{}", answer.body);
        let hash = sha256(&doubling);
        refused(&persisted(&app, None, &hash, Some(&doubling)).await);
        let again = persisted(&app, None, &hash, None).await;
        assert!(
            again.message() == "PersistedQueryNotFound" || refused(&again).contains("too complex")
        );
        let two_lists = "{ __type(name: \"Monitor\") { fields { type { fields { name } } } } }";
        assert!(app.gql(None, two_lists, json!({})).await.ok()["__type"]["fields"].is_array());
        app.stop().await;
    }
}

#[tokio::test]
async fn introspection_off_answers_the_graphql_js_query_with_nothing_of_the_schema() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.introspection = false).await;
        let answer = app.gql(None, GRAPHIQL_INTROSPECTION, json!({})).await;
        assert!(
            answer.body["data"]["__schema"].is_null(),
            "[{backend}] {}",
            answer.body
        );
        assert!(
            !answer.body.to_string().contains("Monitor"),
            "{}",
            answer.body
        );
        app.stop().await;
    }
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A POST with Apollo's persisted query extension and, optionally, the query.
async fn persisted(
    app: &TestApp,
    token: Option<&str>,
    hash: &str,
    query: Option<&str>,
) -> vigil_tests::Gql {
    let mut body =
        json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } });
    if let Some(query) = query {
        body["query"] = json!(query);
    }
    let mut request = app.http.post(format!("{}/graphql", app.url)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("persisted query");
    let status = response.status().as_u16();
    vigil_tests::Gql {
        status,
        body: response.json().await.expect("json"),
    }
}

/// The same by GET, as Apollo sends it with `useGETForHashedQueries`.
async fn persisted_get(app: &TestApp, token: &str, hash: &str) -> Value {
    let extensions = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } }).to_string();
    let url = reqwest::Url::parse_with_params(
        &format!("{}/graphql", app.url),
        &[("extensions", extensions.as_str()), ("variables", "{}")],
    )
    .expect("url");
    app.http
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn automatic_persisted_queries_follow_apollos_handshake() {
    const ME: &str = "query Me { me { email } }";
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("apq@example.com").await;
        let token = Some(user.token.as_str());
        let hash = sha256(ME);
        // The hash alone, first: not found, in the shape Apollo's link retries on.
        let first = persisted(&app, token, &hash, None).await;
        assert_eq!(first.status, 200);
        assert_eq!(first.message(), "PersistedQueryNotFound", "{}", first.body);
        first.expect_code("PERSISTED_QUERY_NOT_FOUND");
        // Hash and query: answered and kept.
        let second = persisted(&app, token, &hash, Some(ME)).await.ok();
        assert_eq!(second["me"]["email"], "apq@example.com");
        // The hash alone again: answered, by POST and by GET.
        let third = persisted(&app, token, &hash, None).await.ok();
        assert_eq!(third["me"]["email"], "apq@example.com");
        assert_eq!(
            persisted_get(&app, &user.token, &hash).await["data"]["me"]["email"],
            "apq@example.com"
        );
        // Another caller sending the hash gets its own answer: the store keeps text, not data.
        let other = app.sign_up("apq-other@example.com").await;
        let theirs = persisted(&app, Some(&other.token), &hash, None).await.ok();
        assert_eq!(theirs["me"]["email"], "apq-other@example.com");
        assert!(persisted(&app, None, &hash, None).await.ok()["me"].is_null());

        // A hash that is not the query's: refused, and the query does not run.
        let create = "mutation { createOrganization(input: { name: \"Persisted\" }) { id } }";
        let orgs = app.count("organization").await;
        let wrong = persisted(&app, token, &sha256(ME), Some(create)).await;
        assert!(refused(&wrong).contains("sha"), "{}", wrong.body);
        assert_eq!(app.count("organization").await, orgs);
        // The hash still stands for its own query.
        let kept = persisted(&app, token, &hash, None).await.ok();
        assert_eq!(kept["me"]["email"], "apq@example.com");
        // Versions other than 1 are refused.
        let v2 = app
            .http
            .post(format!("{}/graphql", app.url))
            .json(&json!({ "query": ME, "extensions": { "persistedQuery": { "version": 2, "sha256Hash": hash } } }))
            .send()
            .await
            .expect("v2")
            .json::<Value>()
            .await
            .expect("json");
        assert!(
            v2["data"].is_null() && v2["errors"][0]["message"].as_str().is_some(),
            "{v2}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn persisted_queries_get_around_no_rule() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("apq-rules@example.com").await;
        let token = Some(user.token.as_str());
        // A mutation kept by POST (where it runs once) does not run by GET under its hash.
        let create = "mutation { createOrganization(input: { name: \"Once\" }) { id } }";
        let hash = sha256(create);
        persisted(&app, token, &hash, Some(create)).await.ok();
        let orgs = app.count("organization").await;
        let by_get = persisted_get(&app, &user.token, &hash).await;
        assert_eq!(
            by_get["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{by_get}"
        );
        assert!(
            by_get["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("POST"))
        );
        assert_eq!(app.count("organization").await, orgs);

        // A query over the depth limit is refused when sent, and again under its hash.
        let deep = format!("{{ {THIRTEEN} }}");
        let deep_hash = sha256(&deep);
        refused(&persisted(&app, token, &deep_hash, Some(&deep)).await);
        let again = persisted(&app, token, &deep_hash, None).await;
        assert!(
            again.message() == "PersistedQueryNotFound"
                || refused(&again).contains("nested too deep"),
            "{}",
            again.body
        );
        // Without a credential the hash of a query that needs one is refused as the query is.
        let orgs_query = "{ organizations { totalCount } }";
        persisted(&app, token, &sha256(orgs_query), Some(orgs_query))
            .await
            .ok();
        persisted(&app, None, &sha256(orgs_query), None)
            .await
            .expect_code("UNAUTHENTICATED");

        // A document too large to keep is answered but not kept (the store is bounded by size).
        let wide: String = (0..1_500).map(|i| format!("a{i}: __typename ")).collect();
        let wide = format!("{{ {wide} }}");
        let data = persisted(&app, token, &sha256(&wide), Some(&wide))
            .await
            .ok();
        assert_eq!(data["a1499"], "Query");
        assert_eq!(
            persisted(&app, token, &sha256(&wide), None).await.message(),
            "PersistedQueryNotFound"
        );
        // A flood of unknown hashes keeps nothing and is answered the same way every time.
        for i in 0..200 {
            let miss = persisted(
                &app,
                token,
                &sha256(&format!("{{ a{i}: __typename }}")),
                None,
            )
            .await;
            assert_eq!(miss.message(), "PersistedQueryNotFound");
        }
        app.stop().await;
    }
}

/// Every `http://` or `https://` URL in `text` that does not point at loopback.
fn external_urls(text: &str) -> Vec<String> {
    text.split(['"', '\'', ' ', '<', '>', '(', ')'])
        .filter(|part| part.starts_with("http://") || part.starts_with("https://"))
        .filter(|url| {
            let host = url
                .split("://")
                .nth(1)
                .unwrap_or("")
                .split(['/', ':'])
                .next()
                .unwrap_or("");
            !matches!(host, "127.0.0.1" | "localhost")
        })
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn get_graphql_in_a_browser_leads_to_the_web_apps_graphiql_and_loads_nothing_from_the_internet()
 {
    for backend in backends() {
        let no_redirects = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        // Without the web app: a page of its own, with no script and no external host.
        let app = TestApp::spawn_with(&backend, |s| s.web_app = false).await;
        let page = no_redirects
            .get(format!("{}/graphql", app.url))
            .header("accept", "text/html,application/xhtml+xml")
            .send()
            .await
            .expect("graphql page");
        assert_eq!(page.status().as_u16(), 200);
        let html = page.text().await.expect("html");
        assert!(html.contains("GraphiQL"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            external_urls(&html).is_empty(),
            "{:?}",
            external_urls(&html)
        );
        app.stop().await;

        // With the web app: a redirect to its GraphiQL route, which the app serves.
        let web = temp_dir("graphiql-web");
        std::fs::write(
            web.join("index.html"),
            "<!doctype html><title>Vigil app</title>",
        )
        .expect("index");
        let dir = web.path().to_path_buf();
        let app = TestApp::spawn_with(&backend, |s| s.web_dir = Some(dir)).await;
        let redirect = no_redirects
            .get(format!("{}/graphql", app.url))
            .header("accept", "text/html")
            .send()
            .await
            .expect("graphql page");
        assert!(redirect.status().is_redirection(), "{}", redirect.status());
        assert_eq!(redirect.headers()["location"], "/graphiql");
        let body = redirect.text().await.expect("body");
        assert!(external_urls(&body).is_empty(), "{body}");
        let route = app
            .http
            .get(format!("{}/graphiql", app.url))
            .send()
            .await
            .expect("route");
        assert_eq!(route.status().as_u16(), 200);
        assert!(route.text().await.expect("html").contains("Vigil app"));
        // Queries by GET still run, and a GET without a query from a non-browser is told how.
        let plain = no_redirects
            .get(format!("{}/graphql", app.url))
            .send()
            .await
            .expect("plain");
        assert_eq!(plain.status().as_u16(), 400);
        app.stop().await;
    }
}
