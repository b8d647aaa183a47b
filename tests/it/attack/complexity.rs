//! Complexity: one request cannot take the server's memory, time or database pool. A list
//! field multiplies what it holds by its `first`/`days`/range, through aliases, fragments and
//! variables; over the limit the request is refused before any resolver runs (no SQL is sent
//! for it). Password-hashing mutations are capped per request.

use serde_json::json;
use vigil_tests::{PASSWORD, TestApp, backends};

const HEAVY: &str =
    "monitors(projectId: $p, first: 200) { nodes { dailyUptime(days: 365) { uptime } } }";

#[tokio::test]
async fn lists_multiply_what_they_hold_and_heavy_queries_are_refused_before_running() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("wide@example.com").await;
        let (_, project) = app.create_org(&user, "Wide").await;
        let p = json!({ "p": project });

        let aliases: String = (0..300).map(|i| format!("a{i}: {HEAVY} ")).collect();
        let fragment = "query($p: ID!) { ...Heavy } fragment Heavy on Query { monitors(projectId: $p, first: 200) { nodes { ...Days } } } fragment Days on Monitor { dailyUptime(days: 365) { uptime } }";
        let by_variables = "query($p: ID!, $n: Int, $d: Int!) { monitors(projectId: $p, first: $n) { nodes { dailyUptime(days: $d) { uptime } } } }";
        for (what, query, variables) in [
            (
                "300 aliases",
                format!("query($p: ID!) {{ {aliases} }}"),
                p.clone(),
            ),
            (
                "one alias",
                format!("query($p: ID!) {{ {HEAVY} }}"),
                p.clone(),
            ),
            ("fragments", fragment.to_owned(), p.clone()),
            (
                "variables",
                by_variables.to_owned(),
                json!({ "p": project, "n": 200, "d": 365 }),
            ),
        ] {
            let before = app.statements();
            let answer = app.gql(Some(&user.token), &query, variables).await;
            let sent = app.statements() - before;
            answer.expect_code("BAD_USER_INPUT");
            assert!(
                answer.message().contains("too complex"),
                "{what}: {}",
                answer.body
            );
            // Only the caller's session is looked up: nothing of the query ran.
            assert!(sent <= 3, "{what}: {sent} statements were sent");
        }

        // What clients ask for stays within the limit: 200 monitors with 90-day bars, the
        // web app's monitor list, one monitor's year.
        for query in [
            "query($p: ID!) { monitors(projectId: $p, first: 200) { nodes { id dailyUptime(days: 90) { uptime } } } }",
            "query($p: ID!) { monitors(projectId: $p, first: 200) { totalCount nodes { id name tags { id name } latestResult { id responseTimeMs } uptimes { day } } } }",
            "query($p: ID!) { monitors(projectId: $p, first: 1) { nodes { dailyUptime(days: 365) { uptime } responseTimes(range: WEEK) { avgMs } } } }",
        ] {
            app.gql(Some(&user.token), query, p.clone()).await.ok();
        }

        // A fragment cycle is refused by validation, not followed forever.
        let cycle =
            "query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }";
        app.gql(Some(&user.token), cycle, json!({}))
            .await
            .expect_code("BAD_USER_INPUT");
        app.stop().await;
    }
}

#[tokio::test]
async fn password_hashing_mutations_are_capped_per_request() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("hash@example.com").await;
        let sign_in = |alias: usize| {
            format!(
                "s{alias}: signIn(input: {{ email: \"{}\", password: \"{PASSWORD}\" }}) {{ token }}",
                user.email
            )
        };
        let sessions = app.count("session").await;
        let three: String = (0..3).map(sign_in).collect::<Vec<_>>().join(" ");
        let answer = app
            .gql(None, &format!("mutation {{ {three} }}"), json!({}))
            .await;
        answer.expect_code("BAD_USER_INPUT");
        assert!(answer.message().contains("too complex"), "{}", answer.body);
        assert_eq!(app.count("session").await, sessions, "no sign-in ran");
        let two: String = (0..2).map(sign_in).collect::<Vec<_>>().join(" ");
        let data = app
            .gql(None, &format!("mutation {{ {two} }}"), json!({}))
            .await
            .ok();
        assert!(data["s1"]["token"].is_string());
        app.stop().await;
    }
}
