//! Standard Webhooks end to end. Outgoing: the requests of every sender (notification
//! webhooks, HTTP_POST actions, status page webhook subscribers), received on loopback, verify
//! with the specification's reference library (PyPI `standardwebhooks`, installed into
//! `.tools/standardwebhooks` by `scripts/test`) and fail with it once a header is changed;
//! `webhook-id` stays the same across retries. Inbound: a callback that requires a signature
//! (GitHub, Stripe, Standard Webhooks, HMAC) takes a trigger signed for it, and refuses with
//! 401 (logged as rejected, no action, no usage) what is unsigned, signed with another secret
//! or for another callback, tampered with, stale, or sent with a doubled header.

use std::path::PathBuf;
use std::process::Stdio;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{Duration, Utc};
use entity::{action_executions, alert_history, callback_logs, monitor_locations, organization};
use hmac::{Hmac, KeyInit, Mac};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use sha2::Sha256;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;
use vigil_tests::receivers::{Received, Receiver};
use vigil_tests::target::Target;
use vigil_tests::{TestApp, TestUser, backends, tools_dir};

const CREATE_CALLBACK: &str = "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl signature { mode secretConfigured header encoding prefix } } }";
const UPDATE_CALLBACK: &str = "mutation($id: ID!, $i: UpdateCallbackInput!) { updateCallback(id: $id, input: $i) { id signature { mode secretConfigured header } } }";
const ACTION: &str = "mutation($i: CreateActionInput!) { createAction(input: $i) { id config } }";

// ---------------------------------------------------------------------------------------------
// The reference library.

fn python() -> PathBuf {
    if let Ok(path) = std::env::var("TEST_STANDARDWEBHOOKS_PYTHON")
        && !path.is_empty()
    {
        return PathBuf::from(path);
    }
    tools_dir().join("standardwebhooks/bin/python")
}

/// Runs `script` with the reference library, `args` and `stdin`; its stdout, or its stderr.
async fn reference(script: &str, args: &[&str], stdin: &[u8]) -> Result<String, String> {
    let python = python();
    assert!(
        python.exists(),
        "{} is missing: scripts/test installs it (python3 -m venv .tools/standardwebhooks && .tools/standardwebhooks/bin/pip install standardwebhooks), or set TEST_STANDARDWEBHOOKS_PYTHON",
        python.display()
    );
    let mut child = tokio::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start python");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).await.expect("write stdin");
    drop(input);
    let out = child.wait_with_output().await.expect("python ends");
    let text = |b: &[u8]| String::from_utf8_lossy(b).trim().to_owned();
    if out.status.success() {
        Ok(text(&out.stdout))
    } else {
        Err(format!("{} {}", text(&out.stdout), text(&out.stderr)))
    }
}

const VERIFY: &str = r#"
import json, sys
from standardwebhooks.webhooks import Webhook
Webhook(sys.argv[1]).verify(sys.stdin.buffer.read(), json.loads(sys.argv[2]))
print("verified")
"#;

const SIGN: &str = r#"
import sys
from datetime import datetime, timezone
from standardwebhooks.webhooks import Webhook
at = datetime.fromtimestamp(int(sys.argv[3]), tz=timezone.utc)
print(Webhook(sys.argv[1]).sign(sys.argv[2], at, sys.stdin.buffer.read().decode()))
"#;

/// The secret as the reference library takes it: a `whsec_` secret as it is, an older plain
/// one as the base64 of its bytes (Vigil signs with them).
fn as_whsec(secret: &str) -> String {
    if secret.starts_with("whsec_") {
        secret.to_owned()
    } else {
        format!("whsec_{}", STANDARD.encode(secret))
    }
}

/// Verifies a received request with the reference library, its headers as given.
async fn reference_verify(
    secret: &str,
    got: &Received,
    headers: &[(&str, String)],
) -> Result<(), String> {
    let headers: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), Value::String(v.clone())))
        .collect();
    reference(
        VERIFY,
        &[&as_whsec(secret), &Value::Object(headers).to_string()],
        &got.body,
    )
    .await
    .map(|_| ())
}

/// The three Standard Webhooks headers of a request.
fn standard_headers(got: &Received) -> Vec<(&'static str, String)> {
    ["webhook-id", "webhook-timestamp", "webhook-signature"]
        .into_iter()
        .map(|name| {
            let value = got
                .header(name)
                .unwrap_or_else(|| panic!("no {name}: {:?}", got.headers));
            (name, value.to_owned())
        })
        .collect()
}

/// The request verifies with the reference library, and no longer does once any one of its
/// three headers is changed; `X-Vigil-Signature` is still there for older receivers.
async fn assert_reference_verifies(what: &str, secret: &str, got: &Received) {
    let headers = standard_headers(got);
    if let Err(err) = reference_verify(secret, got, &headers).await {
        panic!("{what}: the reference library refuses it: {err}; {headers:?}");
    }
    for changed in 0..headers.len() {
        let mut wrong = headers.clone();
        wrong[changed].1 = match wrong[changed].0 {
            "webhook-id" => format!("{}x", wrong[changed].1),
            "webhook-timestamp" => (wrong[changed].1.parse::<i64>().unwrap_or(0) - 1).to_string(),
            _ => format!("v1,{}", STANDARD.encode([7u8; 32])),
        };
        assert!(
            reference_verify(secret, got, &wrong).await.is_err(),
            "{what}: the reference library accepts a wrong {}",
            wrong[changed].0
        );
    }
    assert!(
        got.vigil_signature(secret.as_bytes()).is_some(),
        "{what}: X-Vigil-Signature is kept"
    );
}

/// A secret in the Standard Webhooks form, as a receiver would make one.
fn whsec() -> String {
    let mut key = Uuid::new_v4().as_bytes().to_vec();
    key.extend_from_slice(Uuid::new_v4().as_bytes());
    format!("whsec_{}", STANDARD.encode(key))
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

async fn setup(backend: &vigil_tests::Backend) -> (TestApp, TestUser, String, String) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("signer@example.com").await;
    let (org, project) = app.create_org(&user, "Signers").await;
    (app, user, org, project)
}

async fn ok(app: &TestApp, user: &TestUser, query: &str, vars: Value) -> Value {
    app.gql(Some(&user.token), query, vars).await.ok()
}

/// A callback forwarding to `upstream`; its id and trigger URL on the test server.
async fn callback(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    upstream: &Receiver,
    signature: Value,
) -> (String, String) {
    let input = json!({ "projectId": project, "name": "signed", "callbackUrl": upstream.url("/up"), "signature": signature });
    let made = ok(app, user, CREATE_CALLBACK, json!({ "i": input })).await;
    let url = made["createCallback"]["triggerUrl"]
        .as_str()
        .and_then(|u| u.split_once("/t/"))
        .map(|(_, t)| format!("{}/t/{t}", app.url))
        .expect("trigger url");
    let id = made["createCallback"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    (id, url)
}

async fn http_post_action(
    app: &TestApp,
    user: &TestUser,
    callback: &str,
    config: Value,
    order: i32,
) {
    ok(
        app,
        user,
        ACTION,
        json!({ "i": { "callbackId": callback, "type": "HTTP_POST", "config": config, "order": order } }),
    )
    .await;
}

async fn run_actions(app: &TestApp) -> usize {
    vigil::callback::action::run_due(app.state(), "test-worker", 100)
        .await
        .expect("run actions")
}

async fn executions(app: &TestApp, callback: &str) -> Vec<action_executions::Model> {
    action_executions::Entity::find()
        .filter(action_executions::Column::CallbackId.eq(Uuid::parse_str(callback).expect("uuid")))
        .all(app.db())
        .await
        .expect("executions")
}

async fn logs(app: &TestApp, callback: &str) -> Vec<callback_logs::Model> {
    callback_logs::Entity::find()
        .filter(callback_logs::Column::CallbackId.eq(Uuid::parse_str(callback).expect("uuid")))
        .all(app.db())
        .await
        .expect("logs")
}

async fn triggers_used(app: &TestApp, org: &str) -> i64 {
    organization::Entity::find_by_id(Uuid::parse_str(org).expect("uuid"))
        .one(app.db())
        .await
        .expect("organization")
        .expect("the organization")
        .callback_triggers_used
}

fn hmac_sha256(secret: &[u8], content: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
    mac.update(content);
    mac.finalize().into_bytes().to_vec()
}

// ---------------------------------------------------------------------------------------------
// Outgoing.

#[tokio::test]
async fn notification_webhooks_verify_with_the_reference_library_across_retries() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let (target, hook) = (Target::start().await, Receiver::start().await);
        let secret = whsec();
        let provider = ok(
            &app,
            &user,
            "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "hook", "type": "WEBHOOK", "config": { "url": hook.url("/alerts"), "secret": secret } } }),
        )
        .await["createNotificationProvider"]["id"]
            .as_str()
            .expect("provider")
            .to_owned();
        let monitor = ok(
            &app,
            &user,
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "api", "type": "HTTP", "target": target.url("/m/api"), "notificationProviderIds": [provider] } }),
        )
        .await["createMonitor"]["id"]
            .as_str()
            .expect("monitor")
            .to_owned();
        target.set("api", 500, "down");
        monitor_locations::Entity::update_many()
            .col_expr(
                monitor_locations::Column::NextCheckAt,
                (Utc::now() - Duration::seconds(1)).into(),
            )
            .exec(app.db())
            .await
            .expect("due");
        assert!(app.engine("default").tick().await.expect("tick") >= 1);
        // The first attempt fails; the retry is the same message.
        hook.reply_with(&[500]);
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            1
        );
        alert_history::Entity::update_many()
            .col_expr(
                alert_history::Column::NextAttemptAt,
                Some(Utc::now() - Duration::seconds(1)).into(),
            )
            .exec(app.db())
            .await
            .expect("due");
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            1
        );
        let got = hook.wait_for(2).await;
        assert_eq!(got.len(), 2, "[{backend}] {monitor}");
        for attempt in &got {
            assert_reference_verifies(&format!("[{backend}] alert webhook"), &secret, attempt)
                .await;
        }
        assert_eq!(
            got[0].header("webhook-id"),
            got[1].header("webhook-id"),
            "[{backend}] a retry is the same message"
        );
        assert!(
            got[0]
                .header("webhook-id")
                .is_some_and(|id| id.starts_with("msg_")),
            "{:?}",
            got[0].header("webhook-id")
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn http_post_actions_verify_with_the_reference_library_across_retries() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let (upstream, receiver) = (Receiver::start().await, Receiver::start().await);
        let (id, url) = callback(&app, &user, &project, &upstream, Value::Null).await;
        let (new_secret, old_secret) = (whsec(), "an older plain secret");
        http_post_action(&app, &user, &id, json!({ "url": receiver.url("/new"), "secret": new_secret, "maxAttempts": 2, "retryDelaySeconds": 1 }), 0).await;
        http_post_action(
            &app,
            &user,
            &id,
            json!({ "url": receiver.url("/old"), "secret": old_secret }),
            1,
        )
        .await;
        // A header of the config cannot stand in for a signature.
        let forged = app
            .gql(
                Some(&user.token),
                ACTION,
                json!({ "i": { "callbackId": id, "type": "HTTP_POST", "config": { "url": receiver.url("/x"), "headers": { "Webhook-Signature": "v1,forged" } } } }),
            )
            .await;
        forged.expect_code("BAD_USER_INPUT");
        let response = app
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(r#"{"order":42}"#)
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 200);
        receiver.reply_with(&[503]);
        for _ in 0..10 {
            if executions(&app, &id)
                .await
                .iter()
                .all(|e| e.status == action_executions::ActionExecutionStatus::Success)
            {
                break;
            }
            action_executions::Entity::update_many()
                .col_expr(
                    action_executions::Column::NextAttemptAt,
                    Some(Utc::now() - Duration::seconds(1)).into(),
                )
                .exec(app.db())
                .await
                .expect("due");
            run_actions(&app).await;
        }
        let got = receiver.requests();
        let new: Vec<&Received> = got.iter().filter(|r| r.path == "/new").collect();
        let old: Vec<&Received> = got.iter().filter(|r| r.path == "/old").collect();
        assert_eq!((new.len(), old.len()), (2, 1), "[{backend}] {got:?}");
        for attempt in &new {
            assert_reference_verifies(&format!("[{backend}] HTTP_POST"), &new_secret, attempt)
                .await;
        }
        assert_eq!(new[0].header("webhook-id"), new[1].header("webhook-id"));
        assert_ne!(
            new[0].header("x-vigil-delivery"),
            new[1].header("x-vigil-delivery")
        );
        // A secret set before whsec_ secrets signs with its own bytes.
        assert_reference_verifies(&format!("[{backend}] plain secret"), old_secret, old[0]).await;
        assert_ne!(new[0].header("webhook-id"), old[0].header("webhook-id"));
        app.stop().await;
    }
}

const PROVIDER_FIELDS: &str = "id config generatedSecret";

/// A generated secret: `whsec_` and 32 random bytes.
fn assert_generated(what: &str, secret: &Value) -> String {
    let secret = secret
        .as_str()
        .unwrap_or_else(|| panic!("{what}: a secret is generated: {secret}"));
    let key = secret.strip_prefix("whsec_").expect("whsec_ form");
    assert_eq!(STANDARD.decode(key).map(|k| k.len()), Ok(32), "{what}");
    secret.to_owned()
}

#[tokio::test]
async fn secrets_left_out_are_generated_shown_once_and_sign_with_the_reference_library() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let hook = Receiver::start().await;
        // A WEBHOOK provider created without a secret.
        let made = ok(
            &app,
            &user,
            &format!("mutation($i: CreateNotificationProviderInput!) {{ createNotificationProvider(input: $i) {{ {PROVIDER_FIELDS} }} }}"),
            json!({ "i": { "projectId": project, "name": "hook", "type": "WEBHOOK", "config": { "url": hook.url("/alerts") } } }),
        )
        .await["createNotificationProvider"]
            .clone();
        let first = assert_generated(&format!("[{backend}] provider"), &made["generatedSecret"]);
        let id = made["id"].as_str().expect("id").to_owned();
        assert!(
            !made["config"].to_string().contains(&first),
            "[{backend}] masked in config"
        );
        // Shown once: reading the provider again gives no secret.
        let read = ok(
            &app,
            &user,
            &format!("query($id: ID!) {{ notificationProvider(id: $id) {{ {PROVIDER_FIELDS} }} }}"),
            json!({ "id": id }),
        )
        .await;
        assert_eq!(
            read["notificationProvider"]["generatedSecret"],
            Value::Null,
            "[{backend}]"
        );
        assert!(!read.to_string().contains(&first), "[{backend}]");
        let test = "mutation($id: ID!) { testNotificationProvider(id: $id) { success error } }";
        let sent = ok(&app, &user, test, json!({ "id": id })).await;
        assert_eq!(
            sent["testNotificationProvider"]["success"], true,
            "[{backend}] {sent}"
        );
        let got = hook.wait_for(1).await;
        assert_reference_verifies(
            &format!("[{backend}] generated provider secret"),
            &first,
            &got[0],
        )
        .await;
        // A rename keeps the secret and shows none; `secret: null` rotates it.
        let update = format!(
            "mutation($id: ID!, $i: UpdateNotificationProviderInput!) {{ updateNotificationProvider(id: $id, input: $i) {{ {PROVIDER_FIELDS} }} }}"
        );
        let renamed = ok(
            &app,
            &user,
            &update,
            json!({ "id": id, "i": { "name": "renamed" } }),
        )
        .await;
        assert_eq!(
            renamed["updateNotificationProvider"]["generatedSecret"],
            Value::Null,
            "[{backend}]"
        );
        let rotated = ok(
            &app,
            &user,
            &update,
            json!({ "id": id, "i": { "config": { "secret": null } } }),
        )
        .await;
        let second = assert_generated(
            &format!("[{backend}] rotated"),
            &rotated["updateNotificationProvider"]["generatedSecret"],
        );
        assert_ne!(first, second, "[{backend}]");
        hook.clear();
        ok(&app, &user, test, json!({ "id": id })).await;
        let got = hook.wait_for(1).await;
        assert_reference_verifies(
            &format!("[{backend}] rotated provider secret"),
            &second,
            &got[0],
        )
        .await;
        assert!(
            reference_verify(&first, &got[0], &standard_headers(&got[0]))
                .await
                .is_err(),
            "[{backend}] the old secret no longer verifies"
        );

        // An HTTP_POST action created without a secret.
        let (upstream, receiver, elsewhere) = (
            Receiver::start().await,
            Receiver::start().await,
            Receiver::start().await,
        );
        let (callback_id, url) = callback(&app, &user, &project, &upstream, Value::Null).await;
        let create = "mutation($i: CreateActionInput!) { createAction(input: $i) { id config generatedSecret } }";
        let action = ok(
            &app,
            &user,
            create,
            json!({ "i": { "callbackId": callback_id, "type": "HTTP_POST", "config": { "url": receiver.url("/post") } } }),
        )
        .await["createAction"]
            .clone();
        let action_secret =
            assert_generated(&format!("[{backend}] action"), &action["generatedSecret"]);
        assert!(
            !action["config"].to_string().contains(&action_secret),
            "[{backend}]"
        );
        let update = "mutation($id: ID!, $i: UpdateActionInput!) { updateAction(id: $id, input: $i) { config generatedSecret } }";
        let action_id = action["id"].as_str().expect("id");
        // Its config sent back as read (masked) keeps the secret; so does one leaving it out.
        for config in [
            action["config"].clone(),
            json!({ "url": receiver.url("/post") }),
        ] {
            let kept = ok(
                &app,
                &user,
                update,
                json!({ "id": action_id, "i": { "config": config } }),
            )
            .await;
            assert_eq!(
                kept["updateAction"]["generatedSecret"],
                Value::Null,
                "[{backend}] {kept}"
            );
        }
        let response = app
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(r#"{"order":7}"#)
            .send()
            .await
            .expect("trigger");
        assert_eq!(response.status().as_u16(), 200);
        for _ in 0..10 {
            if !receiver.requests().is_empty() {
                break;
            }
            run_actions(&app).await;
        }
        let got = receiver.wait_for(1).await;
        assert_reference_verifies(
            &format!("[{backend}] generated action secret"),
            &action_secret,
            &got[0],
        )
        .await;
        // A new destination without a secret gets a new one: the old one stays with the old.
        let moved = ok(
            &app,
            &user,
            update,
            json!({ "id": action_id, "i": { "config": { "url": elsewhere.url("/post") } } }),
        )
        .await;
        let moved_secret = assert_generated(
            &format!("[{backend}] moved action"),
            &moved["updateAction"]["generatedSecret"],
        );
        assert_ne!(moved_secret, action_secret, "[{backend}]");
        // Neither the audit log nor any answer since holds a generated secret.
        let audit: Vec<entity::audit_logs::Model> = entity::audit_logs::Entity::find()
            .all(app.db())
            .await
            .expect("audit");
        let audit = serde_json::to_string(&audit.iter().map(|a| &a.details).collect::<Vec<_>>())
            .expect("json");
        for secret in [&first, &second, &action_secret, &moved_secret] {
            assert!(
                !audit.contains(secret.as_str()),
                "[{backend}] a secret in the audit log"
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn status_page_webhook_subscribers_verify_with_the_reference_library() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let hook = Receiver::start().await;
        let subdomain = format!("sig-{}", &Uuid::new_v4().simple().to_string()[..8]);
        let page = ok(
            &app,
            &user,
            "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "Signers", "subdomain": subdomain } }),
        )
        .await["createStatusPage"]["id"]
            .as_str()
            .expect("page")
            .to_owned();
        ok(&app, &user, "mutation($id: ID!, $i: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $i) { id } }",
            json!({ "id": page, "i": { "allowWebhookSubscribers": true } })).await;
        ok(
            &app,
            &user,
            "mutation($id: ID!) { publishStatusPage(id: $id) { id } }",
            json!({ "id": page }),
        )
        .await;
        let added = ok(&app, &user, "mutation($i: AddStatusPageSubscriberInput!) { addStatusPageSubscriber(input: $i) { signingSecret } }",
            json!({ "i": { "statusPageId": page, "mode": "WEBHOOK", "endpoint": hook.url("/status"), "skipConfirmationNotification": true } })).await;
        let secret = added["addStatusPageSubscriber"]["signingSecret"]
            .as_str()
            .expect("the secret, shown once")
            .to_owned();
        assert!(secret.starts_with("whsec_"), "{secret}");
        ok(&app, &user, "mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id } }",
            json!({ "i": { "statusPageId": page, "title": "API errors", "status": "INVESTIGATING", "message": "Looking." } })).await;
        for _ in 0..10 {
            let n = vigil::status_page::notify::deliver_due(app.state(), Utc::now(), 100)
                .await
                .expect("deliver");
            if n == 0 {
                break;
            }
        }
        let got = hook.wait_for(1).await;
        assert_reference_verifies(&format!("[{backend}] subscriber"), &secret, &got[0]).await;
        app.stop().await;
    }
}

// ---------------------------------------------------------------------------------------------
// Inbound.

/// How a test signs a trigger for a mode.
#[derive(Clone, Copy, Debug)]
enum Mode {
    Github,
    Stripe,
    Standard,
    Hmac,
}

impl Mode {
    fn input(self, secret: &str) -> Value {
        match self {
            Mode::Github => json!({ "mode": "GITHUB", "secret": secret }),
            Mode::Stripe => json!({ "mode": "STRIPE", "secret": secret }),
            Mode::Standard => json!({ "mode": "STANDARD_WEBHOOKS", "secret": secret }),
            Mode::Hmac => {
                json!({ "mode": "HMAC", "secret": secret, "header": "X-Shop-Signature", "encoding": "BASE64", "prefix": "hmac=" })
            }
        }
    }

    fn secret(self) -> String {
        match self {
            Mode::Standard => whsec(),
            _ => format!("secret-{}", Uuid::new_v4().simple()),
        }
    }

    /// The headers a sender with `secret` puts on `body` at `at` (unix seconds).
    async fn sign(self, secret: &str, body: &[u8], at: i64) -> Signed {
        let one = |name: &str, value: String| vec![(name.to_owned(), value)];
        match self {
            Mode::Github => one(
                "X-Hub-Signature-256",
                format!(
                    "sha256={}",
                    hex::encode(hmac_sha256(secret.as_bytes(), body))
                ),
            ),
            Mode::Hmac => one(
                "X-Shop-Signature",
                format!(
                    "hmac={}",
                    STANDARD.encode(hmac_sha256(secret.as_bytes(), body))
                ),
            ),
            // As Stripe documents it: `t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">`.
            Mode::Stripe => {
                let mut content = format!("{at}.").into_bytes();
                content.extend_from_slice(body);
                let v1 = hex::encode(hmac_sha256(secret.as_bytes(), &content));
                one("Stripe-Signature", format!("t={at},v1={v1}"))
            }
            Mode::Standard => {
                let id = format!("msg_{}", Uuid::new_v4().simple());
                let signature = reference(SIGN, &[secret, &id, &at.to_string()], body)
                    .await
                    .expect("the reference library signs");
                vec![
                    ("webhook-id".into(), id),
                    ("webhook-timestamp".into(), at.to_string()),
                    ("webhook-signature".into(), signature),
                ]
            }
        }
    }

    fn timestamped(self) -> bool {
        matches!(self, Mode::Stripe | Mode::Standard)
    }
}

async fn trigger(
    app: &TestApp,
    url: &str,
    body: &[u8],
    headers: &[(String, String)],
) -> (u16, Value) {
    let mut request = app
        .http
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_vec());
    for (name, value) in headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let response = request.send().await.expect("trigger");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

/// Signature headers as a test sends them.
type Signed = Vec<(String, String)>;

/// A forged trigger: what it tries, its body and its headers.
struct Forgery {
    what: &'static str,
    body: Vec<u8>,
    headers: Signed,
}

/// Every way a test tries to pass a trigger of the callback signed with `secret` (`signed`
/// is its valid signature of `body` at `now`) without being its sender.
async fn forgeries(
    mode: Mode,
    secret: &str,
    other: &str,
    body: &[u8],
    now: i64,
    signed: &Signed,
) -> Vec<Forgery> {
    let forgery = |what, body: &[u8], headers| Forgery {
        what,
        body: body.to_vec(),
        headers,
    };
    let mut out = vec![
        forgery("no signature", body, vec![]),
        forgery(
            "wrong secret",
            body,
            mode.sign(&mode.secret(), body, now).await,
        ),
        forgery(
            "tampered body",
            br#"{"event":"paid","amount":1000000}"#,
            signed.clone(),
        ),
        forgery(
            "another callback's signature",
            body,
            mode.sign(other, body, now).await,
        ),
    ];
    // Two signature headers, a right one among them: which to trust is not knowable.
    let mut doubled = mode.sign(&mode.secret(), body, now).await;
    doubled.extend(signed.clone());
    out.push(forgery("doubled header", body, doubled));
    if mode.timestamped() {
        out.push(forgery(
            "stale timestamp",
            body,
            mode.sign(secret, body, now - 600).await,
        ));
    }
    out
}

/// A project's callbacks, the receivers behind them, and the organization that is metered.
struct Inbound {
    app: TestApp,
    user: TestUser,
    org: String,
    project: String,
    upstream: Receiver,
    actions: Receiver,
}

impl Inbound {
    /// One mode: a signed trigger passes (and its neighbour's own does too), every forgery is
    /// refused 401, logged as rejected, runs no action, counts no usage, and cannot be replayed.
    async fn check(&self, label: &str, mode: Mode) {
        let app = &self.app;
        let (secret, other) = (mode.secret(), mode.secret());
        let (id, url) = callback(
            app,
            &self.user,
            &self.project,
            &self.upstream,
            mode.input(&secret),
        )
        .await;
        let (_, other_url) = callback(
            app,
            &self.user,
            &self.project,
            &self.upstream,
            mode.input(&other),
        )
        .await;
        let path = format!("/{mode:?}");
        http_post_action(
            app,
            &self.user,
            &id,
            json!({ "url": self.actions.url(&path) }),
            0,
        )
        .await;
        let used = triggers_used(app, &self.org).await;
        let body = br#"{"event":"paid","amount":100}"#;
        let now = Utc::now().timestamp();
        let signed = mode.sign(&secret, body, now).await;
        let (status, answer) = trigger(app, &url, body, &signed).await;
        assert_eq!(status, 200, "{label}: {answer}");
        let forged = forgeries(mode, &secret, &other, body, now, &signed).await;
        for f in &forged {
            let (status, answer) = trigger(app, &url, &f.body, &f.headers).await;
            assert_eq!(status, 401, "{label} {}: {answer}", f.what);
            let message = answer["error"]["message"].as_str().unwrap_or_default();
            assert!(
                !message.is_empty() && !message.contains(&secret),
                "{label}: {answer}"
            );
        }
        // The other callback takes its own signature (the two are not mixed up).
        let theirs = mode.sign(&other, body, now).await;
        assert_eq!(
            trigger(app, &other_url, body, &theirs).await.0,
            200,
            "{label}"
        );
        let logged = logs(app, &id).await;
        let rejected: Vec<_> = logged
            .iter()
            .filter(|l| l.event == "signature_rejected")
            .collect();
        assert_eq!(
            rejected.len(),
            forged.len(),
            "{label} every forgery is logged"
        );
        assert!(
            rejected
                .iter()
                .all(|l| l.status_code == Some(401) && !l.success)
        );
        assert_eq!(logged.len(), forged.len() + 1, "{label}");
        // One execution, for the signed trigger; usage for the two signed triggers only.
        assert_eq!(executions(app, &id).await.len(), 1, "{label}");
        assert_eq!(triggers_used(app, &self.org).await, used + 2, "{label}");
        run_actions(app).await;
        let ran = self
            .actions
            .requests()
            .iter()
            .filter(|r| r.path == path)
            .count();
        assert_eq!(ran, 1, "{label} the action ran for the signed trigger only");
        let replay = app
            .gql(
                Some(&self.user.token),
                "mutation($id: ID!) { replayCallbackLog(id: $id) { id } }",
                json!({ "id": rejected[0].id }),
            )
            .await;
        replay.expect_code("BAD_USER_INPUT");
    }
}

#[tokio::test]
async fn signed_triggers_pass_and_every_forgery_is_refused_unlogged_and_unmetered() {
    for backend in backends() {
        // A billing (cloud) server, where triggers are metered: forgeries must not count.
        let app = TestApp::spawn_with(&backend, |s| {
            s.mode = vigil::config::Mode::Cloud;
            s.outbound_block_private = Some(false);
        })
        .await;
        let user = app.sign_up("signer@example.com").await;
        let (org, project) = app.create_org(&user, "Signers").await;
        let (upstream, actions) = (Receiver::start().await, Receiver::start().await);
        let inbound = Inbound {
            app,
            user,
            org,
            project,
            upstream,
            actions,
        };
        for mode in [Mode::Github, Mode::Stripe, Mode::Standard, Mode::Hmac] {
            inbound.check(&format!("[{backend}] {mode:?}"), mode).await;
        }
        inbound.app.stop().await;
    }
}

#[tokio::test]
async fn a_flood_of_refused_triggers_is_answered_but_logs_at_most_its_budget() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let (id, url) = callback(
            &app,
            &user,
            &project,
            &upstream,
            Mode::Github.input("flood-secret-1234"),
        )
        .await;
        let budget = vigil::callback::trigger::REFUSALS_LOGGED_PER_MINUTE as usize;
        let sent = budget + 25;
        for i in 0..sent {
            let response = app
                .http
                .post(&url)
                .header("content-type", "application/json")
                .header("x-hub-signature-256", "sha256=00")
                .body(format!(r#"{{"n":{i}}}"#))
                .send()
                .await
                .expect("trigger");
            assert_eq!(response.status().as_u16(), 401, "[{backend}] {i}");
        }
        let rejected = logs(&app, &id)
            .await
            .into_iter()
            .filter(|l| l.event == "signature_rejected")
            .count();
        assert_eq!(
            rejected, budget,
            "[{backend}] {sent} refused, {budget} logged"
        );
        assert!(upstream.requests().is_empty(), "[{backend}]");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_secret_is_sealed_never_shown_and_kept_within_its_tenant() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let upstream = Receiver::start().await;
        let secret = "gh-webhook-secret-do-not-show";
        let made = ok(&app, &user, CREATE_CALLBACK, json!({ "i": { "projectId": project, "name": "gh", "callbackUrl": upstream.url("/"), "signature": { "mode": "GITHUB", "secret": secret } } })).await;
        assert_eq!(
            made["createCallback"]["signature"],
            json!({ "mode": "GITHUB", "secretConfigured": true, "header": null, "encoding": null, "prefix": null })
        );
        let id = made["createCallback"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        // Switched to HMAC keeping the stored secret, then read back in every way a member can.
        let updated = ok(
            &app,
            &user,
            UPDATE_CALLBACK,
            json!({ "id": id, "i": { "signature": { "mode": "HMAC", "header": "X-Sig" } } }),
        )
        .await;
        assert_eq!(updated["updateCallback"]["signature"]["header"], "x-sig");
        let read = ok(&app, &user, "query($id: ID!) { callback(id: $id) { signature { mode secretConfigured header encoding prefix } } }", json!({ "id": id })).await;
        let audit = entity::audit_logs::Entity::find()
            .all(app.db())
            .await
            .expect("audit logs");
        let stored = stored_signature(&app, &id).await;
        for (what, text) in [
            ("the API", read.to_string()),
            ("the audit log", format!("{audit:?}")),
            ("the row", stored.to_string()),
        ] {
            assert!(
                !text.contains(secret),
                "[{backend}] the secret is in {what}: {text}"
            );
        }
        assert!(
            stored["secret"]
                .as_str()
                .is_some_and(|s| s.starts_with("v2:")),
            "[{backend}] sealed: {stored}"
        );

        refuses_bad_input_and_strangers(&app, &user, &id, &backend.to_string()).await;

        // Null requires no signature any more.
        let cleared = ok(
            &app,
            &user,
            UPDATE_CALLBACK,
            json!({ "id": id, "i": { "signature": null } }),
        )
        .await;
        assert_eq!(cleared["updateCallback"]["signature"], Value::Null);
        app.stop().await;
    }
}

/// Bad signature input, and another tenant's attempts, change nothing.
async fn refuses_bad_input_and_strangers(app: &TestApp, user: &TestUser, id: &str, label: &str) {
    let stored = stored_signature(app, id).await;
    // Bad input writes nothing.
    for (bad, field) in [
        (
            json!({ "mode": "HMAC", "header": "X-Sig\r\nHost: evil" }),
            "signature.header",
        ),
        (
            json!({ "mode": "HMAC", "header": "host" }),
            "signature.header",
        ),
        (
            json!({ "mode": "GITHUB", "secret": "x".repeat(5000) }),
            "signature.secret",
        ),
        (
            json!({ "mode": "STANDARD_WEBHOOKS", "secret": "whsec_<script>" }),
            "signature.secret",
        ),
        (
            json!({ "mode": "STRIPE", "secret": "short" }),
            "signature.secret",
        ),
        (
            json!({ "mode": "GITHUB", "header": "X-Other" }),
            "signature.header",
        ),
    ] {
        let answer = app
            .gql(
                Some(&user.token),
                UPDATE_CALLBACK,
                json!({ "id": id, "i": { "signature": bad } }),
            )
            .await;
        answer.expect_code("BAD_USER_INPUT");
        assert_eq!(answer.field(), Some(field), "[{label}] {bad}");
    }
    assert_eq!(
        stored_signature(app, id).await,
        stored,
        "[{label}] unchanged"
    );

    // Another tenant neither sees nor changes it.
    let stranger = app.sign_up("stranger@example.com").await;
    app.create_org(&stranger, "Elsewhere").await;
    let theirs = app
        .gql(
            Some(&stranger.token),
            UPDATE_CALLBACK,
            json!({ "id": id, "i": { "signature": null } }),
        )
        .await;
    theirs.expect_code("NOT_FOUND");
    let seen = app
        .gql(
            Some(&stranger.token),
            "query($id: ID!) { callback(id: $id) { signature { mode } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(seen.ok()["callback"], Value::Null);
    assert_eq!(
        stored_signature(app, id).await,
        stored,
        "[{label}] unchanged"
    );
}

/// The stored `callbacks.signature` column.
async fn stored_signature(app: &TestApp, id: &str) -> Value {
    entity::callbacks::Entity::find_by_id(Uuid::parse_str(id).expect("uuid"))
        .one(app.db())
        .await
        .expect("callback")
        .and_then(|c| c.signature)
        .unwrap_or_default()
}
