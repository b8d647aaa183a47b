//! Secrets: stored credentials (a webhook provider's signing secret and headers, an HTTP
//! monitor's token, an HTTP_POST action's `Authorization` header) are sealed at rest, shown
//! masked to every role, and never follow a changed destination: an editor who points one of
//! them at a server of their own, sending the masked values back or leaving them out, is
//! refused and changes nothing, and the attacker's server receives nothing.

use serde_json::{Value, json};
use vigil_tests::receivers::Receiver;
use vigil_tests::{TestApp, TestUser, backends};

const ADMIN_TOKEN: &str = "admin-bearer-token-0123456789";
const SIGNING: &str = "admin-signing-secret-42";

struct Scene {
    app: TestApp,
    owner: TestUser,
    editor: TestUser,
    viewer: TestUser,
    project: String,
    legit: Receiver,
    evil: Receiver,
}

async fn scene(backend: &vigil_tests::Backend) -> Scene {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@example.com").await;
    let (org, project) = app.create_org(&owner, "Acme").await;
    let editor = app
        .member(
            &owner,
            &org,
            &project,
            "editor@example.com",
            "PROJECT_EDITOR",
        )
        .await;
    let viewer = app
        .member(
            &owner,
            &org,
            &project,
            "viewer@example.com",
            "PROJECT_VIEWER",
        )
        .await;
    Scene {
        app,
        owner,
        editor,
        viewer,
        project,
        legit: Receiver::start().await,
        evil: Receiver::start().await,
    }
}

/// `path` of the JSON `value`, as a string.
fn at<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(value, |v, key| &v[*key])
}

#[tokio::test]
async fn a_webhook_providers_secrets_do_not_follow_a_new_url() {
    for backend in backends() {
        let s = scene(&backend).await;
        let created = s
            .app
            .gql(
                Some(&s.owner.token),
                "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id config } }",
                json!({ "i": { "projectId": s.project, "name": "ops", "type": "WEBHOOK", "config": {
                    "url": s.legit.url("/hook"), "secret": SIGNING,
                    "headers": { "Authorization": format!("Bearer {ADMIN_TOKEN}") } } } }),
            )
            .await
            .ok();
        let id = created["createNotificationProvider"]["id"]
            .as_str()
            .expect("id");
        let shown = s
            .app
            .gql(
                Some(&s.editor.token),
                "query($id: ID!) { notificationProvider(id: $id) { config } }",
                json!({ "id": id }),
            )
            .await
            .ok()["notificationProvider"]["config"]
            .clone();
        assert!(!shown.to_string().contains(ADMIN_TOKEN) && !shown.to_string().contains(SIGNING));
        let before = s.app.count("audit_logs").await;
        let update = "mutation($id: ID!, $i: UpdateNotificationProviderInput!) { updateNotificationProvider(id: $id, input: $i) { id } }";
        let evil_url = s.evil.url("/steal");
        for config in [
            // The masked values sent back, as the web app's form does.
            json!({ "url": evil_url, "secret": shown["secret"], "headers": shown["headers"] }),
            // Left out: they would stay on the provider.
            json!({ "url": evil_url }),
            json!({ "url": evil_url, "secret": null }),
            // Same host, another port or scheme: another origin.
            json!({ "url": s.legit.url("/hook").replace("http://", "https://"), "secret": shown["secret"], "headers": shown["headers"] }),
        ] {
            s.app
                .gql(
                    Some(&s.editor.token),
                    update,
                    json!({ "id": id, "i": { "config": config } }),
                )
                .await
                .expect_code("BAD_USER_INPUT");
        }
        assert_eq!(s.app.count("audit_logs").await, before, "nothing changed");
        // The same origin keeps them; the provider still reaches the admin's server only.
        s.app
            .gql(
                Some(&s.editor.token),
                update,
                json!({ "id": id, "i": { "config": { "url": s.legit.url("/hook2"), "secret": shown["secret"], "headers": shown["headers"] } } }),
            )
            .await
            .ok();
        let tested = s
            .app
            .gql(
                Some(&s.editor.token),
                "mutation($id: ID!) { testNotificationProvider(id: $id) { success error } }",
                json!({ "id": id }),
            )
            .await
            .ok();
        assert_eq!(
            tested["testNotificationProvider"]["success"], true,
            "{tested}"
        );
        let got = s.legit.wait_for(1).await;
        assert_eq!(
            got[0].header("authorization"),
            Some(format!("Bearer {ADMIN_TOKEN}").as_str())
        );
        assert!(
            s.evil.requests().is_empty(),
            "the attacker's server got a request"
        );
        s.app.stop().await;
    }
}

#[tokio::test]
async fn an_http_monitors_credentials_do_not_follow_a_new_target() {
    for backend in backends() {
        let s = scene(&backend).await;
        let created = s
            .app
            .gql(
                Some(&s.owner.token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id config } }",
                json!({ "i": { "projectId": s.project, "name": "api", "type": "HTTP", "target": s.legit.url("/health"),
                    "http": { "auth": { "type": "BEARER", "token": ADMIN_TOKEN },
                              "headers": [{ "name": "X-Api-Key", "value": SIGNING }] } } }),
            )
            .await
            .ok();
        let id = created["createMonitor"]["id"].as_str().expect("id");
        let shown = created["createMonitor"]["config"].clone();
        assert!(!shown.to_string().contains(ADMIN_TOKEN) && !shown.to_string().contains(SIGNING));
        let update = "mutation($id: ID!, $i: UpdateMonitorInput!) { updateMonitor(id: $id, input: $i) { id } }";
        let masked_http = json!({ "auth": { "type": "BEARER", "token": at(&shown, &["http", "auth", "token"]) },
            "headers": [{ "name": "X-Api-Key", "value": "********" }] });
        let before = s.app.count("audit_logs").await;
        for input in [
            json!({ "target": s.evil.url("/steal"), "http": masked_http }),
            json!({ "target": s.evil.url("/steal") }),
        ] {
            s.app
                .gql(
                    Some(&s.editor.token),
                    update,
                    json!({ "id": id, "i": input }),
                )
                .await
                .expect_code("BAD_USER_INPUT");
        }
        assert_eq!(s.app.count("audit_logs").await, before, "nothing changed");
        let row = <entity::monitors::Entity as sea_orm::EntityTrait>::find_by_id(
            uuid::Uuid::parse_str(id).expect("uuid"),
        )
        .one(s.app.db())
        .await
        .expect("db")
        .expect("monitor");
        assert_eq!(row.target, s.legit.url("/health"));
        // New credentials for the new target are the editor's own: accepted.
        s.app
            .gql(
                Some(&s.editor.token),
                update,
                json!({ "id": id, "i": { "target": s.evil.url("/mine"), "http": { "auth": { "type": "BEARER", "token": "editors-own-token" } } } }),
            )
            .await
            .ok();
        s.app.stop().await;
    }
}

#[tokio::test]
async fn http_post_action_headers_are_sealed_masked_and_stay_with_their_url() {
    for backend in backends() {
        let s = scene(&backend).await;
        let callback = s
            .app
            .gql(
                Some(&s.owner.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }",
                json!({ "i": { "projectId": s.project, "name": "hook", "callbackUrl": s.legit.url("/upstream") } }),
            )
            .await
            .ok()["createCallback"]
            .clone();
        let action = s
            .app
            .gql(
                Some(&s.owner.token),
                "mutation($i: CreateActionInput!) { createAction(input: $i) { id config } }",
                json!({ "i": { "callbackId": callback["id"], "type": "HTTP_POST", "config": {
                    "url": s.legit.url("/action"),
                    "headers": { "Authorization": format!("Bearer {ADMIN_TOKEN}"), "X-Team": "ops" } } } }),
            )
            .await
            .ok()["createAction"]
            .clone();
        let id = action["id"].as_str().expect("id");
        // Shown masked to every role; the plain header stays readable.
        for user in [&s.owner, &s.editor, &s.viewer] {
            let read = s
                .app
                .gql(
                    Some(&user.token),
                    "query($id: ID!) { callback(id: $id) { actions { config } } }",
                    json!({ "id": callback["id"] }),
                )
                .await
                .ok();
            let config = &read["callback"]["actions"][0]["config"];
            assert_eq!(config["headers"]["Authorization"], "********", "{read}");
            assert_eq!(config["headers"]["X-Team"], "ops");
        }
        // Sealed at rest.
        let row = <entity::actions::Entity as sea_orm::EntityTrait>::find_by_id(
            uuid::Uuid::parse_str(id).expect("uuid"),
        )
        .one(s.app.db())
        .await
        .expect("db")
        .expect("action");
        let stored = row.config["headers"]["Authorization"]
            .as_str()
            .expect("stored");
        assert!(
            stored.starts_with("v2:") && !stored.contains(ADMIN_TOKEN),
            "{stored}"
        );

        // Pointed elsewhere with the masked value: refused, nothing changes.
        let update = "mutation($id: ID!, $i: UpdateActionInput!) { updateAction(id: $id, input: $i) { id } }";
        s.app
            .gql(
                Some(&s.editor.token),
                update,
                json!({ "id": id, "i": { "config": { "url": s.evil.url("/steal"),
                    "headers": { "Authorization": "********", "X-Team": "ops" } } } }),
            )
            .await
            .expect_code("BAD_USER_INPUT");
        // The same URL keeps it, and the request carries it in clear.
        s.app
            .gql(
                Some(&s.editor.token),
                update,
                json!({ "id": id, "i": { "config": { "url": s.legit.url("/action"),
                    "headers": { "Authorization": "********", "X-Team": "sre" } } } }),
            )
            .await
            .ok();
        let path = callback["triggerUrl"]
            .as_str()
            .expect("url")
            .split_once("/t/")
            .expect("t")
            .1
            .to_owned();
        let response = s
            .app
            .http
            .post(format!("{}/t/{path}", s.app.url))
            .body("{}")
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 200);
        vigil::callback::action::run_due(s.app.state(), "attack-worker", 10)
            .await
            .expect("actions");
        let got = s.legit.requests();
        let sent = got
            .iter()
            .find(|r| r.path == "/action")
            .expect("the action ran");
        assert_eq!(
            sent.header("authorization"),
            Some(format!("Bearer {ADMIN_TOKEN}").as_str())
        );
        assert_eq!(sent.header("x-team"), Some("sre"));
        assert!(s.evil.requests().is_empty());
        s.app.stop().await;
    }
}
