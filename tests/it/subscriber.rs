//! Subscribers of status pages: the email double opt-in through the SMTP receiver, incidents
//! reaching only the subscribers who follow them (page-wide, a component, an incident),
//! signed webhooks, Slack and SMS through local stand-ins, unsubscribing by link and by
//! one-click POST, quarantine after failures and the purge, the CSV export, the metrics, and
//! bad input refused with nothing written. Deliveries are stepped by hand
//! (`notify::deliver_due` with a chosen clock).

use chrono::{Duration, Utc};
use entity::status_page_deliveries::{self as deliveries, DeliveryStatus};
use entity::status_page_subscribers as subscribers;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil::status_page::{metrics, notify, subscriber};
use vigil_tests::receivers::{Receiver, Reply};
use vigil_tests::{Backend, TestApp, TestUser, backends};

const ADD: &str = "mutation($i: AddStatusPageSubscriberInput!) { addStatusPageSubscriber(input: $i) { signingSecret subscriber { id mode state email phoneNumber endpoint componentIds incidentIds confirmedAt quarantinedAt purgeAt failedDeliveries } } }";
const LIST: &str = "query($p: ID!, $f: StatusPageSubscriberFilter, $first: Int, $after: String) { statusPageSubscribers(statusPageId: $p, filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id mode state email endpoint quarantinedAt failedDeliveries } } }";
const CREATE_INCIDENT: &str =
    "mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id } }";
const UPDATE: &str =
    "mutation($i: AddIncidentUpdateInput!) { addIncidentUpdate(input: $i) { id } }";

/// A server with a Twilio stand-in, an owner, and a published page `acme` taking every kind
/// of subscriber, with components `api` and `web`.
struct Fixture {
    app: TestApp,
    owner: TestUser,
    org: String,
    project: String,
    page: String,
    api: String,
    web: String,
    twilio: Receiver,
}

async fn fixture(backend: &Backend) -> Fixture {
    fixture_with(backend, None).await
}

async fn fixture_with(backend: &Backend, block_private: Option<bool>) -> Fixture {
    let twilio = Receiver::start().await;
    let base = twilio.url("");
    let app = TestApp::spawn_with(backend, move |s| {
        s.integrations.twilio_api_base = base;
        s.outbound_block_private = block_private;
    })
    .await;
    let owner = app.sign_up("owner@example.com").await;
    let (org, project) = app.create_org(&owner, "Acme").await;
    let ok = |q: &'static str, v: Value| {
        let (app, token) = (&app, owner.token.clone());
        async move { app.gql(Some(&token), q, v).await.ok() }
    };
    let page = ok(
        "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }",
        json!({ "i": { "projectId": project, "name": "Acme", "subdomain": format!("acme-{}", &Uuid::new_v4().simple().to_string()[..6]) } }),
    )
    .await["createStatusPage"]["id"]
        .as_str()
        .expect("page")
        .to_owned();
    let mut components = Vec::new();
    for name in ["api", "web"] {
        let made = ok(
            "mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id } }",
            json!({ "i": { "statusPageId": page, "name": name } }),
        )
        .await;
        components.push(
            made["createStatusPageComponent"]["id"]
                .as_str()
                .expect("component")
                .to_owned(),
        );
    }
    ok(
        "mutation($id: ID!, $i: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $i) { id } }",
        json!({ "id": page, "i": { "allowSmsSubscribers": true, "allowWebhookSubscribers": true, "notificationsFromEmail": "status@acme.test", "notificationsEmailFooter": "Acme Inc, 1 Main St" } }),
    )
    .await;
    ok(
        "mutation($id: ID!) { publishStatusPage(id: $id) { id } }",
        json!({ "id": page }),
    )
    .await;
    Fixture {
        app,
        owner,
        org,
        project,
        page,
        api: components[0].clone(),
        web: components[1].clone(),
        twilio,
    }
}

impl Fixture {
    async fn ok(&self, query: &str, vars: Value) -> Value {
        self.app
            .gql(Some(&self.owner.token), query, vars)
            .await
            .ok()
    }

    async fn subdomain(&self) -> String {
        self.ok(
            "query($id: ID!) { statusPage(id: $id) { subdomain } }",
            json!({ "id": self.page }),
        )
        .await["statusPage"]["subdomain"]
            .as_str()
            .expect("subdomain")
            .to_owned()
    }

    async fn url(&self, path: &str) -> String {
        format!("{}/status/{}{path}", self.app.url, self.subdomain().await)
    }

    /// An editor's subscriber, confirmed at once.
    async fn add(&self, input: Value) -> Value {
        let mut i = json!({ "statusPageId": self.page, "skipConfirmationNotification": true });
        if let (Value::Object(base), Value::Object(extra)) = (&mut i, input) {
            base.extend(extra);
        }
        self.ok(ADD, json!({ "i": i })).await["addStatusPageSubscriber"].clone()
    }

    async fn incident(&self, input: Value) -> String {
        let mut i = json!({ "statusPageId": self.page, "title": "API errors", "status": "INVESTIGATING", "message": "We are looking into it." });
        if let (Value::Object(base), Value::Object(extra)) = (&mut i, input) {
            base.extend(extra);
        }
        self.ok(CREATE_INCIDENT, json!({ "i": i })).await["createIncident"]["id"]
            .as_str()
            .expect("incident")
            .to_owned()
    }

    /// Runs the delivery step until nothing is due at `now`; returns the attempts made.
    async fn deliver_at(&self, now: chrono::DateTime<Utc>) -> usize {
        let mut total = 0;
        for _ in 0..20 {
            let n = notify::deliver_due(self.app.state(), now, 100)
                .await
                .expect("delivering");
            total += n;
            if n == 0 {
                return total;
            }
        }
        panic!("deliveries never ran out");
    }

    async fn deliver(&self) -> usize {
        self.deliver_at(Utc::now()).await
    }

    async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let response = self
            .app
            .http
            .post(self.url(path).await)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(form)
                    .finish(),
            )
            .send()
            .await
            .expect("posting");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    async fn post_json(&self, path: &str, body: Value) -> (u16, Value) {
        let response = self
            .app
            .http
            .post(self.url(path).await)
            .json(&body)
            .send()
            .await
            .expect("posting");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn get(&self, url: &str) -> (u16, String) {
        let response = self.app.http.get(url).send().await.expect("getting");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    async fn subscriber_rows(&self) -> Vec<subscribers::Model> {
        subscribers::Entity::find()
            .all(self.app.db())
            .await
            .expect("subscribers")
    }

    fn mails_to(&self, to: &str) -> Vec<String> {
        self.app
            .smtp
            .mails()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
            .map(|m| unfold(&m.data))
            .collect()
    }
}

/// A mail's text with quoted-printable soft breaks and folded headers undone.
fn unfold(data: &str) -> String {
    data.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
        .replace("\n ", " ")
}

/// The path (below the server) of the first link in `text` containing `marker`.
fn link_path(text: &str, marker: &str) -> String {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in {text}"));
    let from = text[..start].rfind("/status/").expect("a page link");
    text[from..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/.-_".contains(*c))
        .collect()
}

#[tokio::test]
async fn email_double_opt_in_through_the_smtp_receiver() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let (status, body) = f
            .post_form(
                "/subscribe",
                &[("mode", "email"), ("email", "Ann@Example.com")],
            )
            .await;
        assert_eq!(status, 200, "[{backend}] {body}");
        assert!(body.contains("Check your messages"), "{body}");
        f.deliver().await;
        let mail = f
            .app
            .smtp
            .wait_for("ann@example.com", "/subscribe/confirm/")
            .await;
        assert!(mail.contains("Confirm your subscription to Acme"), "{mail}");
        assert!(
            mail.contains("status@acme.test"),
            "the page's sender: {mail}"
        );
        let pending = f.ok(LIST, json!({ "p": f.page })).await;
        assert_eq!(
            pending["statusPageSubscribers"]["nodes"][0]["state"],
            "PENDING"
        );

        // Subscribing again, by form or JSON, sends nothing more: no mail bomb.
        for _ in 0..5 {
            let (status, _) = f
                .post_form(
                    "/subscribe",
                    &[("mode", "email"), ("email", "ann@example.com")],
                )
                .await;
            assert_eq!(status, 200);
        }
        let (status, answer) = f
            .post_json(
                "/subscribe",
                json!({ "mode": "email", "email": "ANN@example.com" }),
            )
            .await;
        assert_eq!(
            (status, answer["status"].as_str()),
            (200, Some("confirmation_sent"))
        );
        f.deliver().await;
        assert_eq!(
            f.mails_to("ann@example.com").len(),
            1,
            "[{backend}] one confirmation"
        );
        assert_eq!(f.subscriber_rows().await.len(), 1);

        // A pending subscriber hears of no incident.
        f.incident(json!({ "componentIds": [f.api] })).await;
        f.deliver().await;
        assert_eq!(f.mails_to("ann@example.com").len(), 1);

        let confirm = format!("{}{}", f.app.url, link_path(&mail, "/subscribe/confirm/"));
        let (status, body) = f.get(&confirm).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("Subscription confirmed"), "{body}");
        let (status, body) = f.get(&confirm).await;
        assert_eq!(status, 200);
        assert!(body.contains("Already confirmed"), "{body}");
        let row = &f.subscriber_rows().await[0];
        assert!(row.verified_at.is_some() && row.purge_at.is_none());
        assert_ne!(
            row.verification_token.as_deref(),
            confirm.rsplit('.').next(),
            "sealed"
        );

        // A forged or altered token changes nothing.
        let last = if confirm.ends_with('x') { "y" } else { "x" };
        let forged = format!("{}{last}", &confirm[..confirm.len() - 1]);
        let (status, body) = f.get(&forged).await;
        assert_eq!(status, 404);
        assert!(body.contains("not valid"), "{body}");

        f.incident(json!({ "title": "Second" })).await;
        f.deliver().await;
        let mail = f.app.smtp.wait_for("ann@example.com", "Second").await;
        assert!(mail.contains("List-Unsubscribe: <"), "{mail}");
        assert!(
            mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{mail}"
        );
        assert!(mail.contains("Acme Inc, 1 Main St"), "the footer: {mail}");
        f.app.stop().await;
    }
}

#[tokio::test]
async fn incidents_reach_only_the_subscribers_who_follow_them() {
    for backend in backends() {
        let f = fixture(&backend).await;
        f.add(json!({ "mode": "EMAIL", "email": "page@example.com" }))
            .await;
        let api = f
            .add(json!({ "mode": "EMAIL", "email": "api@example.com", "componentIds": [f.api] }))
            .await;
        assert_eq!(api["subscriber"]["componentIds"], json!([f.api]));
        f.add(json!({ "mode": "EMAIL", "email": "web@example.com", "componentIds": [f.web] }))
            .await;
        let pending = f
            .ok(
                ADD,
                json!({ "i": { "statusPageId": f.page, "mode": "EMAIL", "email": "pending@example.com" } }),
            )
            .await;
        assert_eq!(
            pending["addStatusPageSubscriber"]["subscriber"]["state"],
            "PENDING"
        );

        let incident = f.incident(json!({ "componentIds": [f.api] })).await;
        let follower = f
            .add(
                json!({ "mode": "EMAIL", "email": "follower@example.com", "incidentId": incident }),
            )
            .await;
        assert_eq!(follower["subscriber"]["incidentIds"], json!([incident]));
        let other = f.incident(json!({ "title": "Other" })).await;
        f.deliver().await;
        let titles = |to: &str| {
            f.mails_to(to)
                .iter()
                .filter_map(|m| {
                    m.lines()
                        .find(|l| l.starts_with("Subject:"))
                        .map(str::to_owned)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            titles("page@example.com").len(),
            2,
            "[{backend}] page-wide hears both"
        );
        assert_eq!(
            titles("api@example.com").len(),
            1,
            "{:?}",
            titles("api@example.com")
        );
        assert!(titles("api@example.com")[0].contains("API errors"));
        assert!(titles("web@example.com").is_empty());
        assert_eq!(
            f.mails_to("pending@example.com").len(),
            1,
            "its confirmation only"
        );
        assert!(
            titles("follower@example.com").is_empty(),
            "it followed after the creation"
        );

        f.ok(
            UPDATE,
            json!({ "i": { "incidentId": incident, "status": "IDENTIFIED", "message": "A bad deploy." } }),
        )
        .await;
        f.ok(
            UPDATE,
            json!({ "i": { "incidentId": other, "status": "IDENTIFIED", "message": "Quiet.", "deliverNotifications": false } }),
        )
        .await;
        f.deliver().await;
        let mail = f
            .app
            .smtp
            .wait_for("follower@example.com", "A bad deploy.")
            .await;
        assert!(mail.contains("Identified"), "{mail}");
        assert_eq!(titles("follower@example.com").len(), 1);
        assert_eq!(
            titles("page@example.com").len(),
            3,
            "no mail for a silent update"
        );
        let sent = deliveries::Entity::find()
            .filter(deliveries::Column::Status.eq(DeliveryStatus::Sent))
            .all(f.app.db())
            .await
            .expect("deliveries");
        assert_eq!(sent.len(), 7, "[{backend}] every delivery is recorded");
        f.app.stop().await;
    }
}

#[tokio::test]
async fn webhooks_are_signed_and_slack_and_sms_get_their_messages() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let hook = Receiver::start().await;
        let slack = Receiver::start().await;
        let (status, answer) = f
            .post_json(
                "/subscribe",
                json!({ "mode": "webhook", "endpoint": hook.url("/hook") }),
            )
            .await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["status"], "subscribed");
        let secret = answer["signingSecret"]
            .as_str()
            .expect("a secret")
            .to_owned();
        f.add(json!({ "mode": "SLACK", "endpoint": slack.url("/services/T0/B0/x") }))
            .await;
        f.ok(
            "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
            json!({ "i": { "projectId": f.project, "name": "texts", "type": "SMS", "config": { "accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "twilio-token-1", "from": "+14155550100", "to": ["+14155550100"] } } }),
        )
        .await;
        let sms = f
            .add(json!({ "mode": "SMS", "phoneNumber": "+33 6 12 34 56 78", "phoneCountry": "fr" }))
            .await;
        assert_eq!(sms["subscriber"]["phoneNumber"], "+33612345678");

        f.incident(json!({ "title": "Database <down>", "impact": "CRITICAL" }))
            .await;
        f.deliver().await;
        let got = hook.wait_for(1).await;
        assert!(
            got[0].vigil_signature(secret.as_bytes()).is_some(),
            "[{backend}] signed"
        );
        let body = got[0].json();
        assert_eq!(body["event"], "incident.created");
        assert_eq!(body["data"]["incident"]["name"], "Database <down>");
        assert!(
            body["data"]["unsubscribeUrl"]
                .as_str()
                .is_some_and(|u| u.contains("/unsubscribe/"))
        );
        let posted = slack.wait_for(1).await;
        let payload = posted[0].json();
        assert!(
            payload["text"]
                .as_str()
                .is_some_and(|t| t.contains("Database &lt;down&gt;")),
            "{payload}"
        );
        let texts = f.twilio.wait_for(1).await;
        assert_eq!(texts[0].form_value("To").as_deref(), Some("+33612345678"));
        assert!(
            texts[0]
                .form_value("Body")
                .is_some_and(|b| b.contains("Database <down>"))
        );
        // /metrics counts them (the counters are the process's: at least these three).
        let sent = vigil_tests::metrics::value(
            &vigil_tests::metrics::scrape(&f.app, None).await,
            "vigil_subscriber_deliveries_total",
            &[("outcome", "sent")],
        );
        assert!(sent >= 3.0, "[{backend}] {sent}");
        f.app.stop().await;
    }
}

#[tokio::test]
async fn unsubscribing_by_link_and_by_one_click_post() {
    for backend in backends() {
        let f = fixture(&backend).await;
        f.add(json!({ "mode": "EMAIL", "email": "bob@example.com" }))
            .await;
        f.add(json!({ "mode": "EMAIL", "email": "cat@example.com" }))
            .await;
        f.incident(json!({})).await;
        f.deliver().await;
        let bob = f
            .app
            .smtp
            .wait_for("bob@example.com", "/unsubscribe/")
            .await;
        let cat = f
            .app
            .smtp
            .wait_for("cat@example.com", "/unsubscribe/")
            .await;
        let bob_link = format!("{}{}", f.app.url, link_path(&bob, "/unsubscribe/"));
        let cat_link = format!("{}{}", f.app.url, link_path(&cat, "/unsubscribe/"));

        // Following the link only asks; the button (a POST) unsubscribes.
        let (status, body) = f.get(&bob_link).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("<form method=\"post\""), "{body}");
        assert_eq!(f.subscriber_rows().await.len(), 2);
        let (status, body) = {
            let r = f.app.http.post(&bob_link).send().await.expect("post");
            (r.status().as_u16(), r.text().await.expect("body"))
        };
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("Unsubscribed"));

        // RFC 8058: the mail client's POST, no session, no cookie.
        let one_click = reqwest::Client::new()
            .post(&cat_link)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .expect("post");
        assert_eq!(one_click.status().as_u16(), 200);
        assert!(f.subscriber_rows().await.is_empty(), "[{backend}]");

        // A used link, and a link of this page's subscriber used on another page: 404.
        let again = f.app.http.post(&bob_link).send().await.expect("post");
        assert_eq!(again.status().as_u16(), 404);
        f.add(json!({ "mode": "EMAIL", "email": "dan@example.com" }))
            .await;
        let other = f
            .ok(
                "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id subdomain } }",
                json!({ "i": { "projectId": f.project, "name": "Other", "subdomain": format!("other-{}", &Uuid::new_v4().simple().to_string()[..6]) } }),
            )
            .await["createStatusPage"]
            .clone();
        f.ok(
            "mutation($id: ID!) { publishStatusPage(id: $id) { id } }",
            json!({ "id": other["id"] }),
        )
        .await;
        f.incident(json!({ "title": "Third" })).await;
        f.deliver().await;
        let dan = f
            .app
            .smtp
            .wait_for("dan@example.com", "/unsubscribe/")
            .await;
        let path = link_path(&dan, "/unsubscribe/");
        let token = path.rsplit('/').next().expect("token");
        let elsewhere = format!(
            "{}/status/{}/unsubscribe/{token}",
            f.app.url,
            other["subdomain"].as_str().expect("subdomain")
        );
        let response = f.app.http.post(&elsewhere).send().await.expect("post");
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(f.subscriber_rows().await.len(), 1, "nothing changed");
        f.app.stop().await;
    }
}

#[tokio::test]
async fn failing_subscribers_are_retried_quarantined_and_purged() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let hook = Receiver::start().await;
        let added = f
            .add(json!({ "mode": "WEBHOOK", "endpoint": hook.url("/gone") }))
            .await;
        let id = added["subscriber"]["id"].as_str().expect("id").to_owned();

        // A failure that may pass is retried later, then sent.
        hook.reply_with(&[503]);
        f.incident(json!({ "title": "One" })).await;
        let now = Utc::now();
        f.deliver_at(now).await;
        assert_eq!(hook.requests().len(), 1);
        f.deliver_at(now + Duration::hours(1)).await;
        assert_eq!(hook.requests().len(), 2, "[{backend}] retried");

        // Three deliveries that fail for good in a row quarantine it.
        hook.set_default(Reply::status(410));
        for title in ["Two", "Three", "Four"] {
            f.incident(json!({ "title": title })).await;
            f.deliver().await;
        }
        let listed = f
            .ok(
                LIST,
                json!({ "p": f.page, "f": { "state": "QUARANTINED" } }),
            )
            .await;
        let node = &listed["statusPageSubscribers"]["nodes"][0];
        assert_eq!(node["id"], id.as_str(), "[{backend}] {listed}");
        assert_eq!(node["failedDeliveries"], 3);
        let before = hook.requests().len();
        f.incident(json!({ "title": "Five" })).await;
        f.deliver().await;
        assert_eq!(
            hook.requests().len(),
            before,
            "a quarantined subscriber gets nothing"
        );

        let cleared = f
            .ok(
                "mutation($id: ID!) { clearStatusPageSubscriberQuarantine(id: $id) { state quarantinedAt purgeAt failedDeliveries } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(
            cleared["clearStatusPageSubscriberQuarantine"],
            json!({ "state": "ACTIVE", "quarantinedAt": null, "purgeAt": null, "failedDeliveries": 0 })
        );

        // The upkeep purges what is past its purge time: a quarantined and an unconfirmed one.
        hook.set_default(Reply::status(200));
        for title in ["Six", "Seven", "Eight"] {
            hook.reply_with(&[410]);
            f.incident(json!({ "title": title })).await;
            f.deliver().await;
        }
        let row = subscribers::Entity::find_by_id(Uuid::parse_str(&id).expect("uuid"))
            .one(f.app.db())
            .await
            .expect("read")
            .expect("row");
        assert!(
            row.quarantined_at.is_some(),
            "[{backend}] quarantined again"
        );
        f.post_form(
            "/subscribe",
            &[("mode", "email"), ("email", "late@example.com")],
        )
        .await;
        subscriber::upkeep(f.app.state(), Utc::now())
            .await
            .expect("upkeep");
        assert_eq!(f.subscriber_rows().await.len(), 2, "nothing is due yet");
        subscriber::upkeep(f.app.state(), Utc::now() + Duration::days(31))
            .await
            .expect("upkeep");
        assert!(f.subscriber_rows().await.is_empty(), "[{backend}] purged");
        f.app.stop().await;
    }
}

#[tokio::test]
async fn editors_list_filter_export_and_remove_within_their_tenant() {
    for backend in backends() {
        let f = fixture(&backend).await;
        f.add(json!({ "mode": "EMAIL", "email": "=cmd@example.com" }))
            .await;
        f.add(json!({ "mode": "EMAIL", "email": "b,c@example.com" }))
            .await;
        let hook = f
            .add(json!({ "mode": "WEBHOOK", "endpoint": "https://hooks.example.com/x" }))
            .await;
        assert!(
            hook["signingSecret"]
                .as_str()
                .is_some_and(|s| s.len() >= 32)
        );
        let dup = f
            .app
            .gql(
                Some(&f.owner.token),
                ADD,
                json!({ "i": { "statusPageId": f.page, "mode": "EMAIL", "email": "B,C@example.com" } }),
            )
            .await;
        dup.expect_code("CONFLICT");

        let page1 = f.ok(LIST, json!({ "p": f.page, "first": 2 })).await;
        let list = &page1["statusPageSubscribers"];
        assert_eq!(list["totalCount"], 3);
        assert_eq!(list["pageInfo"]["hasNextPage"], true);
        let page2 = f
            .ok(
                LIST,
                json!({ "p": f.page, "first": 2, "after": list["pageInfo"]["endCursor"] }),
            )
            .await;
        assert_eq!(
            page2["statusPageSubscribers"]["nodes"][0]["mode"],
            "WEBHOOK"
        );
        let emails = f
            .ok(
                LIST,
                json!({ "p": f.page, "f": { "mode": "EMAIL", "search": "B,C" } }),
            )
            .await;
        assert_eq!(emails["statusPageSubscribers"]["totalCount"], 1);

        let csv = f
            .ok(
                "query($p: ID!) { statusPageSubscribersCsv(statusPageId: $p) }",
                json!({ "p": f.page }),
            )
            .await["statusPageSubscribersCsv"]
            .as_str()
            .expect("csv")
            .to_owned();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4, "{csv}");
        assert!(lines[0].starts_with("id,mode,email,"));
        assert!(
            lines[1].contains(",'=cmd@example.com,"),
            "no formula: {csv}"
        );
        assert!(lines[2].contains(",\"b,c@example.com\","), "{csv}");
        assert!(lines[3].contains("https://hooks.example.com/x"));
        assert!(!csv.contains("v2:"), "no sealed token in the export");

        // Another tenant sees nothing; a viewer reads but does not write.
        let stranger = f.app.sign_up("stranger@example.com").await;
        f.app
            .gql(Some(&stranger.token), LIST, json!({ "p": f.page }))
            .await
            .expect_code("NOT_FOUND");
        f.app
            .gql(
                Some(&stranger.token),
                "query($p: ID!) { statusPageSubscribersCsv(statusPageId: $p) }",
                json!({ "p": f.page }),
            )
            .await
            .expect_code("NOT_FOUND");
        let id = hook["subscriber"]["id"].as_str().expect("id").to_owned();
        f.app
            .gql(
                Some(&stranger.token),
                "mutation($id: ID!) { removeStatusPageSubscriber(id: $id) }",
                json!({ "id": id }),
            )
            .await
            .expect_code("NOT_FOUND");
        let viewer = f
            .app
            .member(
                &f.owner,
                &f.org,
                &f.project,
                "viewer@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        let seen = f
            .app
            .gql(Some(&viewer.token), LIST, json!({ "p": f.page }))
            .await
            .ok();
        assert_eq!(seen["statusPageSubscribers"]["totalCount"], 3);
        f.app
            .gql(
                Some(&viewer.token),
                "mutation($id: ID!) { removeStatusPageSubscriber(id: $id) }",
                json!({ "id": id }),
            )
            .await
            .expect_code("FORBIDDEN");
        let removed = f
            .ok(
                "mutation($id: ID!) { removeStatusPageSubscriber(id: $id) }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(removed["removeStatusPageSubscriber"], true, "[{backend}]");
        assert_eq!(f.subscriber_rows().await.len(), 2);
        f.app.stop().await;
    }
}

#[tokio::test]
async fn bad_subscriptions_are_refused_with_nothing_written() {
    for backend in backends() {
        let f = fixture_with(&backend, Some(true)).await;
        let other_page = fixture(&backend).await;
        let foreign_component = other_page.api.clone();
        let long = format!("https://example.com/{}", "a".repeat(300));
        let cases: Vec<(Value, &str)> = vec![
            (json!({ "mode": "carrier-pigeon" }), "mode"),
            (
                json!({ "mode": "email", "email": "not-an-address" }),
                "email",
            ),
            (
                json!({ "mode": "email", "email": "a@example.com\r\nBcc: all@example.com" }),
                "email",
            ),
            (json!({ "mode": "email" }), "email"),
            (
                json!({ "mode": "sms", "phoneNumber": "555-0123", "phoneCountry": "US" }),
                "phoneNumber",
            ),
            (
                json!({ "mode": "sms", "phoneNumber": "+14155550123", "phoneCountry": "USA" }),
                "phoneCountry",
            ),
            (
                json!({ "mode": "webhook", "endpoint": "http://127.0.0.1:9/hook" }),
                "endpoint",
            ),
            (
                json!({ "mode": "webhook", "endpoint": "http://10.0.0.8/hook" }),
                "endpoint",
            ),
            (
                json!({ "mode": "webhook", "endpoint": "ftp://example.com/x" }),
                "endpoint",
            ),
            (
                json!({ "mode": "webhook", "endpoint": "https://example.com/\r\nx" }),
                "endpoint",
            ),
            (json!({ "mode": "slack", "endpoint": long }), "endpoint"),
            (
                json!({ "mode": "email", "email": "c@example.com", "componentIds": [foreign_component] }),
                "componentIds",
            ),
            (
                json!({ "mode": "email", "email": "c@example.com", "componentIds": ["nope"] }),
                "componentIds",
            ),
            (
                json!({ "mode": "email", "email": "c@example.com", "incidentId": Uuid::new_v4() }),
                "incidentId",
            ),
        ];
        for (body, field) in &cases {
            let (status, answer) = f.post_json("/subscribe", body.clone()).await;
            assert_eq!(status, 400, "[{backend}] {body}: {answer}");
            assert_eq!(answer["error"]["field"], *field, "{body}: {answer}");
        }
        // A form is answered with the form again and its message, escaped.
        let (status, html) = f
            .post_form(
                "/subscribe",
                &[("mode", "email"), ("email", "<script>x</script>")],
            )
            .await;
        assert_eq!(status, 400);
        assert!(
            html.contains("email: is not a valid email address") && !html.contains("<script>x"),
            "{html}"
        );
        let (status, _) = f
            .post_json(
                "/subscribe",
                json!({ "mode": "email", "email": "x@example.com", "extra": 1 }),
            )
            .await;
        assert_eq!(status, 400, "unknown fields");
        let huge = json!({ "mode": "email", "email": "y@example.com", "componentIds": vec!["x".repeat(100); 300] });
        let (status, _) = f.post_json("/subscribe", huge).await;
        assert_eq!(status, 400, "oversized body");

        // Kinds and scopes the page does not take.
        f.ok(
            "mutation($id: ID!, $i: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $i) { id } }",
            json!({ "id": f.page, "i": { "allowSmsSubscribers": false, "allowPageSubscribers": false } }),
        )
        .await;
        let (status, answer) = f
            .post_json(
                "/subscribe",
                json!({ "mode": "sms", "phoneNumber": "+14155550123", "phoneCountry": "US" }),
            )
            .await;
        assert_eq!(
            (status, answer["error"]["field"].as_str()),
            (400, Some("mode")),
            "{answer}"
        );
        let (status, answer) = f
            .post_json(
                "/subscribe",
                json!({ "mode": "email", "email": "z@example.com" }),
            )
            .await;
        assert_eq!(
            (status, answer["error"]["field"].as_str()),
            (400, Some("incidentId")),
            "{answer}"
        );
        f.app
            .gql(
                Some(&f.owner.token),
                ADD,
                json!({ "i": { "statusPageId": f.page, "mode": "SMS", "phoneNumber": "+14155550123", "phoneCountry": "US" } }),
            )
            .await
            .expect_code("BAD_USER_INPUT");

        // A draft page does not exist for the public.
        f.ok(
            "mutation($id: ID!) { unpublishStatusPage(id: $id) { id } }",
            json!({ "id": f.page }),
        )
        .await;
        let (status, _) = f
            .post_json(
                "/subscribe",
                json!({ "mode": "email", "email": "z@example.com" }),
            )
            .await;
        assert_eq!(status, 404);
        let (status, _) = f.get(&f.url("/subscribe").await).await;
        assert_eq!(status, 404);

        assert!(
            f.subscriber_rows().await.is_empty(),
            "[{backend}] nothing written"
        );
        assert_eq!(f.app.count("status_page_deliveries").await, 0);
        let mails = f.app.smtp.mails();
        assert!(
            mails.iter().all(|m| m.to == ["owner@example.com"]),
            "no mail but the owner's own: {mails:?}"
        );
        other_page.app.stop().await;
        f.app.stop().await;
    }
}

#[tokio::test]
async fn a_flood_from_one_address_is_rate_limited() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let mut limited = None;
        for n in 0..(PER_ADDRESS + 5) {
            let (status, answer) = f
                .post_json(
                    "/subscribe",
                    json!({ "mode": "email", "email": format!("flood{n}@example.com") }),
                )
                .await;
            if status == 429 {
                assert_eq!(answer["error"]["code"], "RATE_LIMITED");
                limited = Some(n);
                break;
            }
            assert_eq!(status, 200, "{answer}");
        }
        assert_eq!(limited, Some(PER_ADDRESS), "[{backend}]");
        f.app.stop().await;
    }
}

/// Subscriptions one address may send an hour (`public::subscribe::PER_ADDRESS`).
const PER_ADDRESS: u32 = 30;

#[tokio::test]
async fn page_views_and_subscriber_counts_make_the_daily_metrics() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let (page_url, history) = (f.url("").await, f.url("/history").await);
        for url in [&page_url, &page_url, &history] {
            assert_eq!(f.get(url).await.0, 200);
        }
        assert_eq!(f.get(&f.url("/api/v2/summary.json").await).await.0, 200);
        metrics::flush_views(f.app.state(), Utc::now())
            .await
            .expect("flush");
        f.get(&page_url).await;
        metrics::flush_views(f.app.state(), Utc::now())
            .await
            .expect("flush");

        f.add(json!({ "mode": "EMAIL", "email": "one@example.com" }))
            .await;
        f.post_form(
            "/subscribe",
            &[("mode", "email"), ("email", "two@example.com")],
        )
        .await;
        let id = f
            .add(json!({ "mode": "EMAIL", "email": "three@example.com" }))
            .await["subscriber"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let mut row = subscribers::Entity::find_by_id(Uuid::parse_str(&id).expect("uuid"))
            .one(f.app.db())
            .await
            .expect("read")
            .expect("row")
            .into_active_model();
        row.quarantined_at = Set(Some(Utc::now()));
        row.update(f.app.db()).await.expect("quarantine");
        subscriber::upkeep(f.app.state(), Utc::now())
            .await
            .expect("upkeep");

        let read = f
            .ok(
                "query($id: ID!) { statusPage(id: $id) { metrics(days: 3) { date pageViews subscribers pendingSubscribers quarantinedSubscribers } } }",
                json!({ "id": f.page }),
            )
            .await;
        let days = read["statusPage"]["metrics"]
            .as_array()
            .expect("days")
            .clone();
        assert_eq!(days.len(), 3);
        let today = &days[2];
        assert_eq!(
            today["pageViews"], 4,
            "[{backend}] the replicas' counts add: {read}"
        );
        assert_eq!(
            (
                &today["subscribers"],
                &today["pendingSubscribers"],
                &today["quarantinedSubscribers"]
            ),
            (&json!(1), &json!(1), &json!(1)),
            "{read}"
        );
        assert_eq!(days[0]["pageViews"], 0);
        assert_eq!(days[0]["subscribers"], Value::Null);
        f.app
            .gql(
                Some(&f.owner.token),
                "query($id: ID!) { statusPage(id: $id) { metrics(days: 400) { date } } }",
                json!({ "id": f.page }),
            )
            .await
            .expect_code("BAD_USER_INPUT");
        f.app.stop().await;
    }
}
