//! Notification delivery and notification providers.
//!
//! Every channel delivers to a loopback stand-in that checks what a real service would get
//! (Slack, Discord and Teams JSON, Telegram's bot path, Twilio's form and basic auth,
//! SendGrid's JSON and bearer key, SMTP, signed webhooks); retries follow the status codes
//! the stand-in is told to answer with. Providers are created, read, changed, tested and
//! deleted through GraphQL by each role, and their secrets never come back in clear.

use std::time::Duration;

use base64::Engine;
use entity::notification_providers;
use sea_orm::EntityTrait;
use serde_json::json;
use vigil::delivery::{self, Channel, Message, RetryPolicy, Severity};
use vigil_tests::{Backend, Receiver, Reply, TestApp, TestUser, backends};

const SID: &str = "AC0123456789abcdef0123456789abcdef";
const TWILIO_TOKEN: &str = "twilio-auth-token-7f3a9c";
const BOT_TOKEN: &str = "123456789:AAF-bot-secret-token_xyz0123456789";
const SENDGRID_KEY: &str = "SG.sendgrid-secret-key.abcdef0123456789";
const SLACK_SECRET: &str = "slack-secret-path-9d8e7f";
const SIGNING_SECRET: &str = "whsec-signing-secret-42";

/// Stand-ins for the services whose API base is a setting.
struct Services {
    twilio: Receiver,
    telegram: Receiver,
    sendgrid: Receiver,
}

impl Services {
    async fn start() -> Services {
        Services {
            twilio: Receiver::start().await,
            telegram: Receiver::start().await,
            sendgrid: Receiver::start().await,
        }
    }

    async fn app(&self, backend: &Backend, block_private: Option<bool>) -> TestApp {
        let (twilio, telegram, sendgrid) = (
            self.twilio.url(""),
            self.telegram.url(""),
            self.sendgrid.url(""),
        );
        TestApp::spawn_with(backend, move |s| {
            s.integrations.twilio_api_base = twilio;
            s.integrations.telegram_api_base = telegram;
            s.integrations.sendgrid_api_base = sendgrid;
            s.outbound_block_private = block_private;
        })
        .await
    }
}

fn message() -> Message {
    Message {
        event: "monitor.down".into(),
        title: "api <prod> is down".into(),
        body: "GET https://api.example.com/health answered 503 three times in a row.".into(),
        severity: Severity::Critical,
        link: Some("https://vigil.example.com/monitors/42".into()),
        fields: vec![
            ("Monitor".into(), "api".into()),
            ("Status".into(), "503".into()),
        ],
        data: json!({ "monitorId": "42", "status": 503 }),
    }
}

fn fast(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        initial_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(40),
    }
}

#[tokio::test]
async fn slack_discord_and_teams_get_their_json() {
    for backend in backends() {
        let services = Services::start().await;
        let app = services.app(&backend, None).await;
        let hooks = Receiver::start().await;
        let msg = message();

        let slack = Channel::Slack {
            webhook_url: hooks.url(&format!("/services/T000/B000/{SLACK_SECRET}")),
        };
        let delivered = delivery::send(app.state(), &slack, &msg)
            .await
            .expect("slack delivery");
        assert_eq!(delivered.status, Some(200));
        let got = hooks.wait_for(1).await;
        let req = &got[0];
        assert_eq!(req.method, "POST");
        assert_eq!(req.path, format!("/services/T000/B000/{SLACK_SECRET}"));
        assert!(
            req.header("content-type")
                .unwrap_or("")
                .starts_with("application/json")
        );
        let body = req.json();
        assert_eq!(body["text"], "[CRITICAL] api &lt;prod&gt; is down");
        let attachment = &body["attachments"][0];
        assert_eq!(attachment["color"], "#ef4444");
        assert_eq!(attachment["title"], "api &lt;prod&gt; is down");
        assert_eq!(
            attachment["title_link"],
            "https://vigil.example.com/monitors/42"
        );
        assert!(
            attachment["text"]
                .as_str()
                .unwrap_or("")
                .contains("answered 503")
        );
        assert_eq!(attachment["fields"][0]["title"], "Monitor");
        assert_eq!(attachment["fields"][0]["value"], "api");
        assert_eq!(attachment["fields"][1]["value"], "503");
        assert!(attachment["ts"].is_i64());

        hooks.clear();
        let discord = Channel::Discord {
            webhook_url: hooks.url("/api/webhooks/1234/discord-token"),
        };
        delivery::send(app.state(), &discord, &msg)
            .await
            .expect("discord delivery");
        let body = hooks.wait_for(1).await[0].json();
        let embed = &body["embeds"][0];
        assert_eq!(embed["title"], "api <prod> is down");
        assert_eq!(embed["color"], 0xef4444);
        assert_eq!(embed["url"], "https://vigil.example.com/monitors/42");
        assert!(
            embed["description"]
                .as_str()
                .unwrap_or("")
                .contains("answered 503")
        );
        assert_eq!(embed["fields"][1]["name"], "Status");
        assert_eq!(embed["fields"][1]["value"], "503");
        assert_eq!(
            body["allowed_mentions"]["parse"],
            json!([]),
            "no @everyone pings"
        );

        hooks.clear();
        let teams = Channel::Teams {
            webhook_url: hooks.url("/workflows/teams-token"),
        };
        delivery::send(app.state(), &teams, &msg)
            .await
            .expect("teams delivery");
        let body = hooks.wait_for(1).await[0].json();
        assert_eq!(body["type"], "message");
        let attachment = &body["attachments"][0];
        assert_eq!(
            attachment["contentType"],
            "application/vnd.microsoft.card.adaptive"
        );
        let card = &attachment["content"];
        assert_eq!(card["type"], "AdaptiveCard");
        assert_eq!(card["body"][0]["text"], "api <prod> is down");
        assert_eq!(card["body"][0]["color"], "Attention");
        let facts = card["body"]
            .as_array()
            .expect("card body")
            .iter()
            .find(|b| b["type"] == "FactSet")
            .expect("a FactSet");
        assert_eq!(
            facts["facts"][0],
            json!({ "title": "Monitor", "value": "api" })
        );
        assert_eq!(card["actions"][0]["type"], "Action.OpenUrl");
        assert_eq!(
            card["actions"][0]["url"],
            "https://vigil.example.com/monitors/42"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn telegram_twilio_and_sendgrid_get_their_requests() {
    for backend in backends() {
        let services = Services::start().await;
        let app = services.app(&backend, None).await;
        let msg = message();

        // Telegram: the bot token is in the path, the chat in the body, HTML escaped.
        let telegram = Channel::Telegram {
            bot_token: BOT_TOKEN.into(),
            chat_id: "-1001234567890".into(),
        };
        delivery::send(app.state(), &telegram, &msg)
            .await
            .expect("telegram delivery");
        let req = &services.telegram.wait_for(1).await[0];
        assert_eq!(req.path, format!("/bot{BOT_TOKEN}/sendMessage"));
        let body = req.json();
        assert_eq!(body["chat_id"], "-1001234567890");
        assert_eq!(body["parse_mode"], "HTML");
        let text = body["text"].as_str().expect("text");
        assert!(
            text.starts_with("<b>[CRITICAL] api &lt;prod&gt; is down</b>"),
            "{text}"
        );
        assert!(text.contains("<b>Status:</b> 503"), "{text}");
        assert!(
            text.contains("href=\"https://vigil.example.com/monitors/42\""),
            "{text}"
        );

        // Twilio: one form POST per number, basic auth with the SID and token, body cut to 1600.
        let mut long = message();
        long.body = "x".repeat(5000);
        let sms = Channel::Sms {
            account_sid: SID.into(),
            auth_token: TWILIO_TOKEN.into(),
            from: "+14155550100".into(),
            to: vec!["+14155550101".into(), "+447700900123".into()],
        };
        delivery::send(app.state(), &sms, &long)
            .await
            .expect("sms delivery");
        let got = services.twilio.wait_for(2).await;
        assert_eq!(got.len(), 2);
        let expected_auth = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{SID}:{TWILIO_TOKEN}"))
        );
        for (req, to) in got.iter().zip(["+14155550101", "+447700900123"]) {
            assert_eq!(req.method, "POST");
            assert_eq!(
                req.path,
                format!("/2010-04-01/Accounts/{SID}/Messages.json")
            );
            assert_eq!(
                req.header("content-type"),
                Some("application/x-www-form-urlencoded")
            );
            assert_eq!(req.header("authorization"), Some(expected_auth.as_str()));
            assert_eq!(req.form_value("To").as_deref(), Some(to));
            assert_eq!(req.form_value("From").as_deref(), Some("+14155550100"));
            let text = req.form_value("Body").expect("Body");
            assert_eq!(text.chars().count(), 1600);
            assert!(
                text.starts_with("[CRITICAL] api <prod> is down\nxxx"),
                "{text}"
            );
        }

        // SendGrid: v3 mail/send with the key as a bearer token.
        let sendgrid = Channel::SendgridEmail {
            api_key: SENDGRID_KEY.into(),
            from: "Vigil Alerts <alerts@example.com>".into(),
            to: vec!["ops@example.com".into(), "oncall@example.com".into()],
        };
        let delivered = delivery::send(app.state(), &sendgrid, &msg)
            .await
            .expect("sendgrid delivery");
        assert_eq!(delivered.status, Some(200));
        let req = &services.sendgrid.wait_for(1).await[0];
        assert_eq!(req.path, "/v3/mail/send");
        assert_eq!(
            req.header("authorization"),
            Some(format!("Bearer {SENDGRID_KEY}").as_str())
        );
        let body = req.json();
        assert_eq!(
            body["personalizations"][0]["to"],
            json!([{ "email": "ops@example.com" }, { "email": "oncall@example.com" }])
        );
        assert_eq!(
            body["from"],
            json!({ "email": "alerts@example.com", "name": "Vigil Alerts" })
        );
        assert_eq!(body["subject"], "[CRITICAL] api <prod> is down");
        assert_eq!(body["content"][0]["type"], "text/plain");
        let value = body["content"][0]["value"].as_str().expect("content");
        assert!(
            value.contains("answered 503") && value.contains("Monitor: api"),
            "{value}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn email_goes_through_smtp_to_every_recipient() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let email = Channel::Email {
            to: vec!["ops@example.com".into(), "oncall@example.com".into()],
        };
        let delivered = delivery::send(app.state(), &email, &message())
            .await
            .expect("email delivery");
        assert_eq!(delivered.status, None);
        let text = app.smtp.wait_for("ops@example.com", "answered 503").await;
        assert!(
            text.contains("Subject: [CRITICAL] api <prod> is down"),
            "{text}"
        );
        assert!(text.contains("Monitor: api"), "{text}");
        assert!(
            text.contains("https://vigil.example.com/monitors/42"),
            "{text}"
        );
        let mail = app
            .smtp
            .mails()
            .into_iter()
            .find(|m| m.data.contains("answered 503"))
            .expect("the mail");
        assert_eq!(mail.to, vec!["ops@example.com", "oncall@example.com"]);
        app.stop().await;
    }
}

#[tokio::test]
async fn webhooks_are_signed_over_the_exact_body() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let hook = Receiver::start().await;
        let msg = message();
        let channel = Channel::Webhook {
            url: hook.url("/hooks/vigil?team=ops"),
            secret: Some(SIGNING_SECRET.into()),
            headers: vec![("Authorization".into(), "Bearer customer-token-1".into())],
        };
        let before = chrono::Utc::now().timestamp();
        delivery::send(app.state(), &channel, &msg)
            .await
            .expect("webhook delivery");
        let after = chrono::Utc::now().timestamp();
        let req = &hook.wait_for(1).await[0];
        assert_eq!(req.path, "/hooks/vigil");
        assert_eq!(req.query.as_deref(), Some("team=ops"));
        assert_eq!(req.header("authorization"), Some("Bearer customer-token-1"));
        assert_eq!(req.header("x-vigil-event"), Some("monitor.down"));

        // The receiver's side: recompute the HMAC over "<t>.<raw body>".
        let t = req
            .vigil_signature(SIGNING_SECRET.as_bytes())
            .unwrap_or_else(|| panic!("signature: {:?}", req.header("x-vigil-signature")));
        assert!(
            (before..=after).contains(&t),
            "timestamp {t}, sent between {before} and {after}"
        );
        // A different secret does not verify.
        assert_eq!(req.vigil_signature(b"another-secret"), None);

        let body = req.json();
        assert_eq!(body["event"], "monitor.down");
        assert_eq!(body["title"], "api <prod> is down");
        assert_eq!(body["severity"], "critical");
        assert_eq!(body["link"], "https://vigil.example.com/monitors/42");
        assert_eq!(
            body["fields"][0],
            json!({ "name": "Monitor", "value": "api" })
        );
        assert_eq!(body["data"], json!({ "monitorId": "42", "status": 503 }));
        let ts =
            chrono::DateTime::parse_from_rfc3339(body["timestamp"].as_str().expect("timestamp"))
                .expect("an RFC 3339 timestamp");
        assert_eq!(ts.timestamp(), t);

        // Without a secret there is no signature.
        hook.clear();
        let plain = Channel::Webhook {
            url: hook.url("/plain"),
            secret: None,
            headers: vec![],
        };
        delivery::send(app.state(), &plain, &msg)
            .await
            .expect("webhook delivery");
        assert!(
            hook.wait_for(1).await[0]
                .header("x-vigil-signature")
                .is_none()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn retries_server_errors_and_rate_limits_until_success() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let hook = Receiver::start().await;
        let channel = Channel::Slack {
            webhook_url: hook.url("/services/retry"),
        };
        hook.reply_with(&[500, 500, 200]);
        let outcome = delivery::send_with_retry(app.state(), &channel, &message(), fast(5)).await;
        assert!(outcome.is_success(), "{:?}", outcome.result);
        assert_eq!(outcome.attempts, 3);
        assert_eq!(hook.requests().len(), 3);

        hook.clear();
        hook.reply(Reply {
            headers: vec![("retry-after".into(), "0".into())],
            ..Reply::status(429)
        });
        let outcome = delivery::send_with_retry(app.state(), &channel, &message(), fast(5)).await;
        assert!(outcome.is_success(), "{:?}", outcome.result);
        assert_eq!(outcome.attempts, 2, "429 is retried");
        assert_eq!(hook.requests().len(), 2);
        app.stop().await;
    }
}

#[tokio::test]
async fn client_errors_are_not_retried_and_retries_end() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let hook = Receiver::start().await;
        let channel = Channel::Discord {
            webhook_url: hook.url("/api/webhooks/1/token"),
        };

        hook.reply(Reply::with_body(400, r#"{"message": "Invalid Form Body"}"#));
        let outcome = delivery::send_with_retry(app.state(), &channel, &message(), fast(5)).await;
        let err = outcome.result.expect_err("a 400 fails");
        assert_eq!(outcome.attempts, 1);
        assert_eq!(hook.requests().len(), 1, "a 400 is not retried");
        assert_eq!(err.status(), Some(400));
        assert!(!err.is_retryable());
        assert!(
            err.message().contains("Invalid Form Body"),
            "{}",
            err.message()
        );

        hook.clear();
        hook.set_default(Reply::status(503));
        let outcome = delivery::send_with_retry(app.state(), &channel, &message(), fast(3)).await;
        let err = outcome.result.expect_err("503 every time");
        assert_eq!(outcome.attempts, 3);
        assert_eq!(
            hook.requests().len(),
            3,
            "gives up after the configured attempts"
        );
        assert_eq!(err.status(), Some(503));
        assert!(err.is_retryable());

        // One attempt only.
        hook.clear();
        let outcome =
            delivery::send_with_retry(app.state(), &channel, &message(), RetryPolicy::once()).await;
        assert_eq!(outcome.attempts, 1);
        assert_eq!(hook.requests().len(), 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn connection_failures_are_retried_and_errors_hold_no_secret() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        // A port that was just free: nothing listens there.
        let closed = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            listener.local_addr().expect("addr").port()
        };
        let channel = Channel::Slack {
            webhook_url: format!("http://127.0.0.1:{closed}/services/T1/B1/{SLACK_SECRET}"),
        };
        let outcome = delivery::send_with_retry(app.state(), &channel, &message(), fast(3)).await;
        let err = outcome.result.expect_err("nothing listens");
        assert_eq!(outcome.attempts, 3, "connection errors are retried");
        assert!(err.is_retryable());
        assert!(
            err.message().contains("could not connect"),
            "{}",
            err.message()
        );
        assert!(!err.message().contains(SLACK_SECRET), "{}", err.message());

        // A service that echoes the URL (with its token) in its error is scrubbed too.
        let services = Services::start().await;
        let app2 = services.app(&backend, None).await;
        services.telegram.reply(Reply::with_body(
            401,
            &format!(r#"{{"ok":false,"description":"Unauthorized: bot{BOT_TOKEN} is not valid"}}"#),
        ));
        let telegram = Channel::Telegram {
            bot_token: BOT_TOKEN.into(),
            chat_id: "@alerts".into(),
        };
        let err = delivery::send(app2.state(), &telegram, &message())
            .await
            .expect_err("401");
        assert_eq!(err.status(), Some(401));
        assert!(err.message().contains("Unauthorized"), "{}", err.message());
        assert!(!err.message().contains(BOT_TOKEN), "{}", err.message());
        assert!(!format!("{err:?}").contains(BOT_TOKEN));
        app.stop().await;
        app2.stop().await;
    }
}

#[tokio::test]
async fn sms_retries_only_the_numbers_that_failed() {
    for backend in backends() {
        let services = Services::start().await;
        let app = services.app(&backend, None).await;
        let sms = Channel::Sms {
            account_sid: SID.into(),
            auth_token: TWILIO_TOKEN.into(),
            from: "+14155550100".into(),
            to: vec!["+14155550101".into(), "+14155550102".into()],
        };
        // The first number goes through; the second fails once.
        services.twilio.reply_with(&[201, 500, 201]);
        let outcome = delivery::send_with_retry(app.state(), &sms, &message(), fast(3)).await;
        assert!(outcome.is_success(), "{:?}", outcome.result);
        assert_eq!(outcome.attempts, 2);
        let to: Vec<String> = services
            .twilio
            .requests()
            .iter()
            .filter_map(|r| r.form_value("To"))
            .collect();
        assert_eq!(to, vec!["+14155550101", "+14155550102", "+14155550102"]);
        app.stop().await;
    }
}

#[tokio::test]
async fn the_outbound_policy_applies_when_sending() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.outbound_block_private = Some(true)).await;
        let hook = Receiver::start().await;
        let channel = Channel::Webhook {
            url: hook.url("/private"),
            secret: None,
            headers: vec![],
        };
        let outcome = delivery::send_with_retry(app.state(), &channel, &message(), fast(3)).await;
        let err = outcome.result.expect_err("a private target is refused");
        assert_eq!(outcome.attempts, 1, "a refusal is not retried");
        assert!(err.message().contains("private"), "{}", err.message());
        // The receiver records a request before answering it, and the attempt was over when
        // `send_with_retry` returned.
        assert!(
            hook.requests().is_empty(),
            "nothing reached the private address"
        );
        app.stop().await;
    }
}

// ---------------------------------------------------------------------------------------------
// Providers through GraphQL.

const CREATE: &str = "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id projectId name type config isEnabled createdAt updatedAt } }";
const UPDATE: &str = "mutation($id: ID!, $i: UpdateNotificationProviderInput!) { updateNotificationProvider(id: $id, input: $i) { id name config isEnabled } }";
const DELETE: &str = "mutation($id: ID!) { deleteNotificationProvider(id: $id) }";
const TEST: &str =
    "mutation($id: ID!) { testNotificationProvider(id: $id) { success attempts error } }";
const GET: &str =
    "query($id: ID!) { notificationProvider(id: $id) { id name type config isEnabled } }";
const LIST: &str = "query($p: ID!) { notificationProviders(projectId: $p) { totalCount nodes { id name type config } } }";

/// A user who joined `org` with `role` (and that role in `project`).
async fn member(
    app: &TestApp,
    owner: &TestUser,
    org: &str,
    project: &str,
    email: &str,
    role: &str,
) -> TestUser {
    app.member(owner, org, project, email, role).await
}

/// The stored row of a provider.
async fn stored(app: &TestApp, id: &str) -> Option<notification_providers::Model> {
    notification_providers::Entity::find_by_id(uuid::Uuid::parse_str(id).expect("uuid"))
        .one(app.db())
        .await
        .expect("reading the provider")
}

#[tokio::test]
async fn providers_by_role_with_secrets_never_shown() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let hooks = Receiver::start().await;
        app.sign_up("sysadmin@example.com").await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, project) = app.create_org(&owner, "Alerts").await;
        let editor = member(
            &app,
            &owner,
            &org,
            &project,
            "editor@example.com",
            "PROJECT_EDITOR",
        )
        .await;
        let viewer = member(
            &app,
            &owner,
            &org,
            &project,
            "viewer@example.com",
            "PROJECT_VIEWER",
        )
        .await;
        let outsider = app.sign_up("outsider@example.com").await;
        let secret_url = hooks.url(&format!("/services/T1/B1/{SLACK_SECRET}"));
        let input = json!({ "i": {
            "projectId": project, "name": "Ops channel", "type": "SLACK",
            "config": { "webhookUrl": secret_url },
        } });

        // A viewer may not create; nothing is written.
        let audits = app.count("audit_logs").await;
        app.gql(Some(&viewer.token), CREATE, input.clone())
            .await
            .expect_code("FORBIDDEN");
        app.gql(Some(&outsider.token), CREATE, input.clone())
            .await
            .expect_code("NOT_FOUND");
        assert_eq!(app.count("notification_providers").await, 0);
        assert_eq!(app.count("audit_logs").await, audits);

        // An editor creates it; the answer shows the URL masked, and one audit row is written.
        let created = app.gql(Some(&editor.token), CREATE, input.clone()).await;
        assert!(
            !created.body.to_string().contains(SLACK_SECRET),
            "{}",
            created.body
        );
        let created = created.ok();
        let provider = &created["createNotificationProvider"];
        let id = provider["id"].as_str().expect("id").to_owned();
        assert_eq!(provider["type"], "SLACK");
        assert_eq!(provider["projectId"], project.as_str());
        assert_eq!(provider["isEnabled"], true);
        assert_eq!(provider["config"]["webhookUrl"], "ht****7f");
        assert_eq!(app.count("audit_logs").await, audits + 1);

        // At rest the URL is sealed.
        let row = stored(&app, &id).await.expect("stored");
        let at_rest = row.config["webhookUrl"].as_str().expect("sealed value");
        assert!(at_rest.starts_with("v2:"), "{at_rest}");
        assert!(!row.config.to_string().contains(SLACK_SECRET));

        // Viewers read (masked); outsiders see nothing.
        for token in [&viewer.token, &owner.token] {
            let list = app.gql(Some(token), LIST, json!({ "p": project })).await;
            assert!(
                !list.body.to_string().contains(SLACK_SECRET),
                "{}",
                list.body
            );
            let list = list.ok();
            assert_eq!(list["notificationProviders"]["totalCount"], 1);
            assert_eq!(
                list["notificationProviders"]["nodes"][0]["name"],
                "Ops channel"
            );
        }
        let one = app
            .gql(Some(&viewer.token), GET, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(
            one["notificationProvider"]["config"]["webhookUrl"],
            "ht****7f"
        );
        let hidden = app
            .gql(Some(&outsider.token), GET, json!({ "id": id }))
            .await
            .ok();
        assert!(hidden["notificationProvider"].is_null());
        app.gql(Some(&outsider.token), LIST, json!({ "p": project }))
            .await
            .expect_code("NOT_FOUND");

        // Viewers may not change, test or delete it; nothing is written or sent.
        let audits = app.count("audit_logs").await;
        for (query, vars) in [
            (UPDATE, json!({ "id": id, "i": { "name": "Mine" } })),
            (TEST, json!({ "id": id })),
            (DELETE, json!({ "id": id })),
        ] {
            app.gql(Some(&viewer.token), query, vars.clone())
                .await
                .expect_code("FORBIDDEN");
            app.gql(Some(&outsider.token), query, vars)
                .await
                .expect_code("NOT_FOUND");
        }
        assert_eq!(app.count("audit_logs").await, audits);
        assert_eq!(stored(&app, &id).await.expect("kept").name, "Ops channel");
        assert!(hooks.requests().is_empty());

        // The test goes through the real channel.
        let tested = app
            .gql(Some(&editor.token), TEST, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(
            tested["testNotificationProvider"],
            json!({ "success": true, "attempts": 1, "error": null })
        );
        let got = hooks.wait_for(1).await;
        assert_eq!(got[0].path, format!("/services/T1/B1/{SLACK_SECRET}"));
        assert!(
            got[0].json()["text"]
                .as_str()
                .unwrap_or("")
                .contains("Test notification from Vigil: Ops channel"),
            "{}",
            got[0].text()
        );
        assert_eq!(app.count("audit_logs").await, audits + 1);

        // Sending the masked config back keeps the secret; a new URL replaces it.
        let updated = app
            .gql(
                Some(&editor.token),
                UPDATE,
                json!({ "id": id, "i": { "name": "Ops", "isEnabled": false, "config": { "webhookUrl": "ht****7f" } } }),
            )
            .await
            .ok();
        assert_eq!(updated["updateNotificationProvider"]["name"], "Ops");
        assert_eq!(updated["updateNotificationProvider"]["isEnabled"], false);
        hooks.clear();
        let tested = app
            .gql(Some(&editor.token), TEST, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(tested["testNotificationProvider"]["success"], true);
        assert_eq!(
            hooks.wait_for(1).await[0].path,
            format!("/services/T1/B1/{SLACK_SECRET}")
        );
        let renamed = app
            .gql(
                Some(&editor.token),
                UPDATE,
                json!({ "id": id, "i": { "config": { "webhookUrl": hooks.url("/services/T1/B1/rotated-secret-0001") } } }),
            )
            .await;
        assert!(!renamed.body.to_string().contains("rotated-secret-0001"));
        renamed.ok();
        hooks.clear();
        app.gql(Some(&editor.token), TEST, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(
            hooks.wait_for(1).await[0].path,
            "/services/T1/B1/rotated-secret-0001"
        );

        // A failing delivery is reported, not raised.
        hooks.set_default(Reply::with_body(404, "no_service"));
        let failed = app
            .gql(Some(&editor.token), TEST, json!({ "id": id }))
            .await
            .ok();
        let result = &failed["testNotificationProvider"];
        assert_eq!(result["success"], false);
        assert_eq!(result["attempts"], 1);
        let error = result["error"].as_str().expect("an error");
        assert!(
            error.contains("404") && error.contains("no_service"),
            "{error}"
        );
        assert!(!error.contains("rotated-secret-0001"), "{error}");

        // Deleting.
        let audits = app.count("audit_logs").await;
        let deleted = app
            .gql(Some(&editor.token), DELETE, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(deleted["deleteNotificationProvider"], true);
        assert!(stored(&app, &id).await.is_none());
        assert_eq!(app.count("audit_logs").await, audits + 1);
        let gone = app
            .gql(Some(&editor.token), GET, json!({ "id": id }))
            .await
            .ok();
        assert!(gone["notificationProvider"].is_null());
        app.stop().await;
    }
}

#[tokio::test]
async fn every_provider_type_opens_and_delivers() {
    for backend in backends() {
        let services = Services::start().await;
        let app = services.app(&backend, None).await;
        let hooks = Receiver::start().await;
        let owner = app.sign_up("owner@example.com").await;
        let (_, project) = app.create_org(&owner, "Everything").await;
        let twilio_cred = app
        .gql(
            Some(&owner.token),
            "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "Twilio", "provider": "TWILIO",
                "secret": "credential-twilio-token-55", "meta": { "accountSid": SID } } }),
        )
        .await
        .ok()["createServiceCredential"]["id"]
        .clone();
        let sendgrid_cred = app
        .gql(
            Some(&owner.token),
            "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "SendGrid", "provider": "SENDGRID",
                "secret": "SG.credential-sendgrid-key-66" } }),
        )
        .await
        .ok()["createServiceCredential"]["id"]
        .clone();

        let secrets = [
            SLACK_SECRET,
            "discord-secret-77",
            "teams-secret-88",
            BOT_TOKEN,
            SIGNING_SECRET,
            "header-secret-99",
            TWILIO_TOKEN,
            SENDGRID_KEY,
        ];
        let providers = [
            ("EMAIL", json!({ "to": ["Ops@Example.com"] })),
            (
                "EMAIL",
                json!({ "to": ["sg@example.com"], "from": "alerts@example.com", "sendgridApiKey": SENDGRID_KEY }),
            ),
            (
                "EMAIL",
                json!({ "to": ["sgc@example.com"], "from": "alerts@example.com", "credentialId": sendgrid_cred }),
            ),
            (
                "SLACK",
                json!({ "webhookUrl": hooks.url(&format!("/slack/{SLACK_SECRET}")) }),
            ),
            (
                "DISCORD",
                json!({ "webhookUrl": hooks.url("/discord/discord-secret-77") }),
            ),
            (
                "TEAMS",
                json!({ "webhookUrl": hooks.url("/teams/teams-secret-88") }),
            ),
            (
                "TELEGRAM",
                json!({ "botToken": BOT_TOKEN, "chatId": -1001234567890_i64 }),
            ),
            (
                "WEBHOOK",
                json!({ "url": hooks.url("/generic"), "secret": SIGNING_SECRET, "headers": { "X-Api-Key": "header-secret-99" } }),
            ),
            (
                "SMS",
                json!({ "accountSid": SID, "authToken": TWILIO_TOKEN, "from": "+14155550100", "to": ["+14155550101"] }),
            ),
            (
                "SMS",
                json!({ "credentialId": twilio_cred, "from": "+14155550100", "to": "+14155550199" }),
            ),
        ];
        let mut ids = Vec::new();
        for (i, (kind, config)) in providers.iter().enumerate() {
            let created = app
            .gql(
                Some(&owner.token),
                CREATE,
                json!({ "i": { "projectId": project, "name": format!("{kind} {i}"), "type": kind, "config": config } }),
            )
            .await;
            for secret in secrets {
                assert!(
                    !created.body.to_string().contains(secret),
                    "{kind}: {}",
                    created.body
                );
            }
            let created = created.ok();
            ids.push(
                created["createNotificationProvider"]["id"]
                    .as_str()
                    .expect("id")
                    .to_owned(),
            );
        }
        let list = app
            .gql(Some(&owner.token), LIST, json!({ "p": project }))
            .await;
        for secret in secrets.iter().chain(&[
            "credential-twilio-token-55",
            "SG.credential-sendgrid-key-66",
        ]) {
            assert!(
                !list.body.to_string().contains(secret),
                "{secret} in {}",
                list.body
            );
        }
        let list = list.ok();
        assert_eq!(list["notificationProviders"]["totalCount"], providers.len());
        let nodes = &list["notificationProviders"]["nodes"];
        assert_eq!(
            nodes[0]["config"]["to"],
            json!(["ops@example.com"]),
            "addresses are shown, lower-cased"
        );
        assert_eq!(nodes[6]["config"]["chatId"], "-1001234567890");
        assert_eq!(nodes[7]["config"]["headers"]["X-Api-Key"], "he****99");
        assert_eq!(nodes[8]["config"]["to"], json!(["+14155550101"]));

        for (id, (kind, _)) in ids.iter().zip(&providers) {
            let tested = app
                .gql(Some(&owner.token), TEST, json!({ "id": id }))
                .await
                .ok();
            assert_eq!(
                tested["testNotificationProvider"],
                json!({ "success": true, "attempts": 1, "error": null }),
                "{kind}"
            );
        }
        app.smtp
            .wait_for("ops@example.com", "Test notification from Vigil")
            .await;
        let hook_paths: Vec<String> = hooks
            .wait_for(4)
            .await
            .into_iter()
            .map(|r| r.path)
            .collect();
        assert_eq!(
            hook_paths,
            vec![
                format!("/slack/{SLACK_SECRET}"),
                "/discord/discord-secret-77".into(),
                "/teams/teams-secret-88".into(),
                "/generic".into(),
            ]
        );
        let generic = &hooks.requests()[3];
        assert_eq!(generic.header("x-api-key"), Some("header-secret-99"));
        assert!(generic.header("x-vigil-signature").is_some());
        assert_eq!(generic.json()["event"], "provider.test");
        assert_eq!(
            services.telegram.wait_for(1).await[0].json()["chat_id"],
            "-1001234567890"
        );

        let sendgrid = services.sendgrid.wait_for(2).await;
        assert_eq!(
            sendgrid[0].header("authorization"),
            Some(format!("Bearer {SENDGRID_KEY}").as_str())
        );
        assert_eq!(
            sendgrid[1].header("authorization"),
            Some("Bearer SG.credential-sendgrid-key-66")
        );
        assert_eq!(
            sendgrid[1].json()["personalizations"][0]["to"][0]["email"],
            "sgc@example.com"
        );

        let twilio = services.twilio.wait_for(2).await;
        let basic = |token: &str| {
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{SID}:{token}"))
            )
        };
        assert_eq!(
            twilio[0].header("authorization"),
            Some(basic(TWILIO_TOKEN).as_str())
        );
        assert_eq!(
            twilio[1].header("authorization"),
            Some(basic("credential-twilio-token-55").as_str())
        );
        assert_eq!(
            twilio[1].path,
            format!("/2010-04-01/Accounts/{SID}/Messages.json"),
            "SID from the credential's meta"
        );
        assert_eq!(twilio[1].form_value("To").as_deref(), Some("+14155550199"));

        // Without its credential, a provider reports why instead of sending.
        app.gql(
            Some(&owner.token),
            "mutation($id: ID!) { deleteServiceCredential(id: $id) }",
            json!({ "id": twilio_cred }),
        )
        .await
        .ok();
        let tested = app
            .gql(Some(&owner.token), TEST, json!({ "id": ids[9] }))
            .await
            .ok();
        let result = &tested["testNotificationProvider"];
        assert_eq!(result["success"], false);
        assert_eq!(result["attempts"], 0);
        assert!(
            result["error"]
                .as_str()
                .unwrap_or("")
                .contains("credential"),
            "{result}"
        );
        assert_eq!(services.twilio.requests().len(), 2);
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_configs_are_refused_with_their_field() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (_, project) = app.create_org(&owner, "Checks").await;
        let sendgrid_cred = app
            .gql(
                Some(&owner.token),
                "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "SendGrid", "provider": "SENDGRID", "secret": "SG.key-0123456789" } }),
            )
            .await
            .ok()["createServiceCredential"]["id"]
            .clone();
        let cases = [
            (
                "name",
                "SLACK",
                json!({ "webhookUrl": "https://hooks.slack.com/services/x" }),
                "  ",
            ),
            (
                "config",
                "SLACK",
                json!("https://hooks.slack.com/services/x"),
                "n",
            ),
            ("config.webhookUrl", "SLACK", json!({}), "n"),
            (
                "config.webhookUrl",
                "DISCORD",
                json!({ "webhookUrl": "not a url" }),
                "n",
            ),
            (
                "config.webhookUrl",
                "TEAMS",
                json!({ "webhookUrl": "ftp://example.com/x" }),
                "n",
            ),
            (
                "config.extra",
                "SLACK",
                json!({ "webhookUrl": "https://hooks.slack.com/services/x", "extra": 1 }),
                "n",
            ),
            (
                "config.to",
                "EMAIL",
                json!({ "to": ["ops@example.com", "nope"] }),
                "n",
            ),
            ("config.to", "EMAIL", json!({ "to": [] }), "n"),
            (
                "config.from",
                "EMAIL",
                json!({ "to": ["ops@example.com"], "sendgridApiKey": "SG.key-0123456789" }),
                "n",
            ),
            (
                "config.botToken",
                "TELEGRAM",
                json!({ "botToken": "not-a-token", "chatId": 1 }),
                "n",
            ),
            (
                "config.chatId",
                "TELEGRAM",
                json!({ "botToken": BOT_TOKEN, "chatId": "someone" }),
                "n",
            ),
            (
                "config.url",
                "WEBHOOK",
                json!({ "url": "http://user:pw@example.com/x" }),
                "n",
            ),
            (
                "config.headers.Content-Type",
                "WEBHOOK",
                json!({ "url": "https://example.com/x", "headers": { "Content-Type": "text/plain" } }),
                "n",
            ),
            (
                "config.headers",
                "WEBHOOK",
                json!({ "url": "https://example.com/x", "headers": ["a"] }),
                "n",
            ),
            (
                "config.secret",
                "WEBHOOK",
                json!({ "url": "https://example.com/x", "secret": "abc" }),
                "n",
            ),
            (
                "config.accountSid",
                "SMS",
                json!({ "accountSid": "AC123", "authToken": TWILIO_TOKEN, "from": "+14155550100", "to": ["+14155550101"] }),
                "n",
            ),
            (
                "config.authToken",
                "SMS",
                json!({ "accountSid": SID, "from": "+14155550100", "to": ["+14155550101"] }),
                "n",
            ),
            (
                "config.to",
                "SMS",
                json!({ "accountSid": SID, "authToken": TWILIO_TOKEN, "from": "+14155550100", "to": ["555-0101"] }),
                "n",
            ),
            (
                "config.from",
                "SMS",
                json!({ "accountSid": SID, "authToken": TWILIO_TOKEN, "from": "Vigil", "to": ["+14155550101"] }),
                "n",
            ),
            (
                "config.credentialId",
                "SMS",
                json!({ "accountSid": SID, "credentialId": sendgrid_cred, "from": "+14155550100", "to": ["+14155550101"] }),
                "n",
            ),
            (
                "config.credentialId",
                "SMS",
                json!({ "accountSid": SID, "credentialId": uuid::Uuid::now_v7().to_string(), "from": "+14155550100", "to": ["+14155550101"] }),
                "n",
            ),
        ];
        let providers = app.count("notification_providers").await;
        let audits = app.count("audit_logs").await;
        for (field, kind, config, name) in cases {
            let refused = app
                .gql(
                    Some(&owner.token),
                    CREATE,
                    json!({ "i": { "projectId": project, "name": name, "type": kind, "config": config } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(
                refused.field(),
                Some(field),
                "{kind} {config}: {}",
                refused.body
            );
        }
        assert_eq!(app.count("notification_providers").await, providers);
        assert_eq!(app.count("audit_logs").await, audits);

        // A bad update changes nothing either.
        let created = app
            .gql(
                Some(&owner.token),
                CREATE,
                json!({ "i": { "projectId": project, "name": "Hook", "type": "WEBHOOK",
                    "config": { "url": "https://example.com/hook", "secret": SIGNING_SECRET } } }),
            )
            .await
            .ok();
        let id = created["createNotificationProvider"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let before = stored(&app, &id).await.expect("stored");
        let audits = app.count("audit_logs").await;
        let refused = app
            .gql(
                Some(&owner.token),
                UPDATE,
                json!({ "id": id, "i": { "name": "Renamed", "config": { "url": "gopher://example.com" } } }),
            )
            .await;
        refused.expect_code("BAD_USER_INPUT");
        assert_eq!(refused.field(), Some("config.url"));
        let refused = app
            .gql(
                Some(&owner.token),
                UPDATE,
                json!({ "id": id, "i": { "config": { "url": null } } }),
            )
            .await;
        assert_eq!(refused.field(), Some("config.url"), "{}", refused.body);
        assert_eq!(stored(&app, &id).await.expect("stored"), before);
        assert_eq!(app.count("audit_logs").await, audits);
        app.stop().await;
    }
}

#[tokio::test]
async fn private_targets_are_refused_only_when_the_policy_says_so() {
    for backend in backends() {
        let input = |project: &str, url: &str, kind: &str, key: &str| json!({ "i": { "projectId": project, "name": "Local", "type": kind, "config": { key: url } } });
        let strict = TestApp::spawn_with(&backend, |s| s.outbound_block_private = Some(true)).await;
        let owner = strict.sign_up("owner@example.com").await;
        let (_, project) = strict.create_org(&owner, "Cloud").await;
        for (url, kind, key) in [
            ("http://127.0.0.1:9/hook", "WEBHOOK", "url"),
            ("http://localhost:9/hook", "SLACK", "webhookUrl"),
            (
                "http://169.254.169.254/latest/meta-data",
                "DISCORD",
                "webhookUrl",
            ),
            ("http://[::1]/hook", "TEAMS", "webhookUrl"),
        ] {
            let refused = strict
                .gql(Some(&owner.token), CREATE, input(&project, url, kind, key))
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(
                refused.field(),
                Some(format!("config.{key}").as_str()),
                "{url}"
            );
        }
        assert_eq!(strict.count("notification_providers").await, 0);
        // Public targets are fine (nothing is sent on creation).
        strict
            .gql(
                Some(&owner.token),
                CREATE,
                input(&project, "https://example.com/hook", "WEBHOOK", "url"),
            )
            .await
            .ok();
        strict.stop().await;

        // Self-hosted default: loopback and private targets are allowed, and reached.
        let open = TestApp::spawn(&backend).await;
        let hook = Receiver::start().await;
        let owner = open.sign_up("owner@example.com").await;
        let (_, project) = open.create_org(&owner, "Home").await;
        let created = open
            .gql(
                Some(&owner.token),
                CREATE,
                input(&project, &hook.url("/local"), "WEBHOOK", "url"),
            )
            .await
            .ok();
        assert_eq!(
            created["createNotificationProvider"]["config"]["url"],
            hook.url("/local"),
            "a generic webhook URL is not a secret"
        );
        let id = created["createNotificationProvider"]["id"].clone();
        let tested = open
            .gql(Some(&owner.token), TEST, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(tested["testNotificationProvider"]["success"], true);
        assert_eq!(hook.wait_for(1).await[0].path, "/local");
        open.stop().await;
    }
}

#[tokio::test]
async fn unknown_wrong_and_missing_settings_are_refused_by_name() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (_, project) = app.create_org(&owner, "Typed").await;
        let cases = [
            // An unknown key, on each kind of struct.
            (
                "TEAMS",
                json!({ "webhookUrl": "https://example.com/t", "credentialId": "x" }),
                "config.credentialId",
                "is not a setting of TEAMS providers (they take webhookUrl)",
            ),
            (
                "WEBHOOK",
                json!({ "url": "https://example.com/h", "body": "{}" }),
                "config.body",
                "is not a setting of WEBHOOK providers (they take url, secret, headers)",
            ),
            // A value of the wrong type.
            (
                "SLACK",
                json!({ "webhookUrl": 42 }),
                "config.webhookUrl",
                "must be a string",
            ),
            (
                "EMAIL",
                json!({ "to": { "a": "ops@example.com" } }),
                "config.to",
                "must be a list of strings",
            ),
            (
                "EMAIL",
                json!({ "to": ["ops@example.com", 7] }),
                "config.to",
                "entry 2 is not a string",
            ),
            (
                "TELEGRAM",
                json!({ "botToken": BOT_TOKEN, "chatId": true }),
                "config.chatId",
                "must be a string",
            ),
            (
                "WEBHOOK",
                json!({ "url": "https://example.com/h", "headers": { "X-Team": 1 } }),
                "config.headers.X-Team",
                "must be a string",
            ),
            // A required setting left out.
            (
                "WEBHOOK",
                json!({ "secret": SIGNING_SECRET }),
                "config.url",
                "is required",
            ),
            (
                "TELEGRAM",
                json!({ "botToken": BOT_TOKEN }),
                "config.chatId",
                "is required",
            ),
            (
                "SMS",
                json!({ "accountSid": SID, "authToken": TWILIO_TOKEN, "to": ["+14155550101"] }),
                "config.from",
                "is required",
            ),
        ];
        let providers = app.count("notification_providers").await;
        let audits = app.count("audit_logs").await;
        for (kind, config, field, message) in cases {
            let refused = app
                .gql(
                    Some(&owner.token),
                    CREATE,
                    json!({ "i": { "projectId": project, "name": "n", "type": kind, "config": config } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(
                refused.field(),
                Some(field),
                "{kind} {config}: {}",
                refused.body
            );
            assert_eq!(refused.message(), message, "{kind} {config}");
        }
        // The same on an update, which changes nothing.
        let id = app
            .gql(
                Some(&owner.token),
                CREATE,
                json!({ "i": { "projectId": project, "name": "Hook", "type": "WEBHOOK",
                    "config": { "url": "https://example.com/hook", "secret": SIGNING_SECRET } } }),
            )
            .await
            .ok()["createNotificationProvider"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let before = stored(&app, &id).await.expect("stored");
        let audits_after_create = app.count("audit_logs").await;
        for (config, field) in [
            (json!({ "extra": "x" }), "config.extra"),
            (json!({ "secret": ["a"] }), "config.secret"),
        ] {
            let refused = app
                .gql(
                    Some(&owner.token),
                    UPDATE,
                    json!({ "id": id, "i": { "config": config } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(refused.field(), Some(field), "{}", refused.body);
        }
        assert_eq!(stored(&app, &id).await.expect("stored"), before);
        assert_eq!(app.count("audit_logs").await, audits_after_create);
        assert_eq!(app.count("notification_providers").await, providers + 1);
        assert_eq!(audits_after_create, audits + 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_provider_row_stored_in_the_shape_of_before_reads_back_and_sends() {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    use vigil::crypto::Binding;
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let hook = Receiver::start().await;
        let owner = app.sign_up("owner@example.com").await;
        let (_, project) = app.create_org(&owner, "Old rows").await;
        let id = app
            .gql(
                Some(&owner.token),
                CREATE,
                json!({ "i": { "projectId": project, "name": "Hook", "type": "WEBHOOK",
                    "config": { "url": "https://example.com/hook" } } }),
            )
            .await
            .ok()["createNotificationProvider"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        // The config as rows were written before configs were typed, sealed by hand.
        let uuid = uuid::Uuid::parse_str(&id).expect("uuid");
        let key = &app.state().master_key;
        let seal = |value: &str, path: &[&str]| {
            key.seal(value, &Binding::provider_config(uuid, path))
                .expect("seal")
        };
        let old = json!({
            "url": hook.url("/old"),
            "secret": seal(SIGNING_SECRET, &["secret"]),
            "headers": { "X-Team": seal("ops-team-1", &["headers", "X-Team"]) },
        });
        notification_providers::Entity::update_many()
            .col_expr(
                notification_providers::Column::Config,
                Expr::value(old.clone()),
            )
            .filter(notification_providers::Column::Id.eq(uuid))
            .exec(app.db())
            .await
            .expect("write the row");
        let shown = app
            .gql(Some(&owner.token), GET, json!({ "id": id }))
            .await
            .ok()["notificationProvider"]["config"]
            .clone();
        assert_eq!(shown["url"], hook.url("/old"));
        assert_eq!(shown["secret"], vigil::credential::mask_str(SIGNING_SECRET));
        assert_eq!(
            shown["headers"]["X-Team"],
            vigil::credential::mask_str("ops-team-1")
        );
        let tested = app
            .gql(Some(&owner.token), TEST, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(
            tested["testNotificationProvider"]["success"], true,
            "{tested}"
        );
        let got = &hook.wait_for(1).await[0];
        assert_eq!(got.header("x-team"), Some("ops-team-1"));
        let signature = got.header("x-vigil-signature").expect("signed");
        let t: i64 = signature
            .strip_prefix("t=")
            .and_then(|s| s.split_once(','))
            .and_then(|(t, _)| t.parse().ok())
            .expect("t=");
        assert_eq!(signature, delivery::signature(SIGNING_SECRET, t, &got.body));
        // A rename keeps the stored config as it was.
        app.gql(
            Some(&owner.token),
            UPDATE,
            json!({ "id": id, "i": { "name": "Renamed" } }),
        )
        .await
        .ok();
        assert_eq!(stored(&app, &id).await.expect("stored").config, old);
        app.stop().await;
    }
}
