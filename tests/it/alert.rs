//! Alerts end to end: a monitor goes down and up, alerts are queued with the result and
//! delivered to a Slack-like receiver and by SMTP, retried, given up, and never sent for a
//! muted monitor.

use chrono::{Duration, Utc};
use entity::alert_history::{self, AlertStatus, AlertType};
use entity::monitor_locations;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::receivers::Receiver;
use vigil_tests::target::{Target, tls_target};
use vigil_tests::{TestApp, TestUser, backends};

const PROVIDER: &str = "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }";
const MONITOR: &str = "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }";

async fn provider(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    kind: &str,
    config: Value,
) -> String {
    app.gql(
        Some(&user.token),
        PROVIDER,
        json!({ "i": { "projectId": project, "name": kind, "type": kind, "config": config } }),
    )
    .await
    .ok()["createNotificationProvider"]["id"]
        .as_str()
        .expect("provider id")
        .to_owned()
}

async fn monitor(app: &TestApp, user: &TestUser, input: Value) -> String {
    app.gql(Some(&user.token), MONITOR, json!({ "i": input }))
        .await
        .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor id")
        .to_owned()
}

async fn check(app: &TestApp, id: &str) {
    monitor_locations::Entity::update_many()
        .col_expr(
            monitor_locations::Column::NextCheckAt,
            (Utc::now() - Duration::seconds(1)).into(),
        )
        .filter(monitor_locations::Column::MonitorId.eq(Uuid::parse_str(id).expect("uuid")))
        .exec(app.db())
        .await
        .expect("due");
    assert!(app.engine("default").tick().await.expect("tick") >= 1);
}

async fn history(app: &TestApp, id: &str) -> Vec<alert_history::Model> {
    alert_history::Entity::find()
        .filter(alert_history::Column::MonitorId.eq(Uuid::parse_str(id).expect("uuid")))
        .order_by_asc(alert_history::Column::Id)
        .all(app.db())
        .await
        .expect("history")
}

async fn setup(backend: &vigil_tests::Backend) -> (TestApp, TestUser, String, Target, Receiver) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("oncall@example.com").await;
    let (_, project) = app.create_org(&user, "On call").await;
    (
        app,
        user,
        project,
        Target::start().await,
        Receiver::start().await,
    )
}

#[tokio::test]
async fn down_and_up_alerts_reach_slack_and_email() {
    for backend in backends() {
        let (app, user, project, target, slack) = setup(&backend).await;
        let slack_id = provider(
            &app,
            &user,
            &project,
            "SLACK",
            json!({ "webhookUrl": slack.url("/services/T000/B000/secret-hook") }),
        )
        .await;
        let email_id = provider(
            &app,
            &user,
            &project,
            "EMAIL",
            json!({ "to": ["pager@example.com"] }),
        )
        .await;
        let id = monitor(&app, &user, json!({
            "projectId": project, "name": "Checkout API", "type": "HTTP", "target": target.url("/m/api"),
            "notificationProviderIds": [slack_id, email_id]
        }))
        .await;
        check(&app, &id).await; // up: no alert for the first success
        assert!(history(&app, &id).await.is_empty());

        target.set("api", 503, "unavailable");
        check(&app, &id).await;
        let queued = history(&app, &id).await;
        assert_eq!(queued.len(), 2, "[{backend}] one alert per provider");
        assert!(
            queued
                .iter()
                .all(|a| a.status == AlertStatus::Pending && a.r#type == AlertType::MonitorFailure)
        );
        let result = entity::monitor_results::Entity::find()
            .filter(entity::monitor_results::Column::IsStatusChange.eq(true))
            .filter(entity::monitor_results::Column::IsUp.eq(false))
            .one(app.db())
            .await
            .expect("db")
            .expect("the status change");
        assert_eq!(result.alerts_sent_for_failure, 2);

        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            2
        );
        let requests = slack.wait_for(1).await;
        assert_eq!(requests[0].path, "/services/T000/B000/secret-hook");
        let body = requests[0].json();
        assert!(body.to_string().contains("Checkout API is down"), "{body}");
        let mail = app
            .smtp
            .wait_for("pager@example.com", "Checkout API is down")
            .await;
        assert!(mail.contains("503"), "{mail}");
        assert!(
            history(&app, &id)
                .await
                .iter()
                .all(|a| a.status == AlertStatus::Sent && a.attempts == 1)
        );
        // In-app, too.
        let notes = app
            .gql(
                Some(&user.token),
                "{ notifications { nodes { kind content } } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(notes["notifications"]["nodes"][0]["kind"], "monitor_down");

        target.set("api", 200, "fine");
        check(&app, &id).await;
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            2
        );
        let requests = slack.wait_for(2).await;
        assert!(
            requests[1]
                .json()
                .to_string()
                .contains("Checkout API is up")
        );
        let kinds: Vec<AlertType> = history(&app, &id)
            .await
            .into_iter()
            .map(|a| a.r#type)
            .collect();
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == AlertType::MonitorRecovery)
                .count(),
            2
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn failed_deliveries_are_retried_with_backoff_then_given_up() {
    for backend in backends() {
        let (app, user, project, target, hook) = setup(&backend).await;
        let hook_id = provider(
            &app,
            &user,
            &project,
            "WEBHOOK",
            json!({ "url": hook.url("/alerts"), "secret": "whsec-123" }),
        )
        .await;
        let id = monitor(&app, &user, json!({ "projectId": project, "name": "Billing", "type": "HTTP", "target": target.url("/m/billing"), "notificationProviderIds": [hook_id] })).await;
        target.set("billing", 500, "x");
        hook.reply_with(&[500]);
        check(&app, &id).await;
        // Stored times may keep only part of the fraction of a second.
        let before = chrono::SubsecRound::trunc_subsecs(Utc::now(), 3);
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            1
        );
        let after = Utc::now();
        let row = history(&app, &id).await.remove(0);
        assert_eq!(
            (row.status, row.attempts),
            (AlertStatus::Pending, 1),
            "[{backend}]"
        );
        // The failed attempt was made between `before` and `after`; the next one is scheduled
        // the first backoff (10 s, plus up to 2 s of jitter) after it, however long it took.
        let next = row.next_attempt_at.expect("next attempt");
        assert!(
            next >= before + Duration::seconds(10) && next <= after + Duration::seconds(12),
            "[{backend}] next attempt at {next}, attempt made between {before} and {after}"
        );
        // Not due yet: nothing is sent.
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            0
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
        let row = history(&app, &id).await.remove(0);
        assert_eq!((row.status, row.attempts), (AlertStatus::Sent, 2));
        assert_eq!(hook.requests().len(), 2);
        assert!(hook.requests()[1].header("x-vigil-signature").is_some());

        // A 4xx is not retried; the error says why without the URL's secrets.
        target.set("billing", 200, "ok");
        check(&app, &id).await; // recovery alert
        hook.reply_with(&[400]);
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            1
        );
        let row = history(&app, &id).await.pop().expect("recovery alert");
        assert_eq!((row.status, row.attempts), (AlertStatus::Failed, 1));
        let error = row.error_message.expect("error");
        assert!(error.contains("400"), "{error}");
        assert!(!error.contains("whsec-123"));

        // A provider that was removed fails the delivery without trying.
        target.set("billing", 500, "x");
        check(&app, &id).await;
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { deleteNotificationProvider(id: $id) }",
            json!({ "id": hook_id }),
        )
        .await
        .ok();
        let before = hook.requests().len();
        vigil::alert::deliver_due(app.state(), 50)
            .await
            .expect("deliver");
        assert_eq!(hook.requests().len(), before);
        let row = history(&app, &id).await.pop().expect("alert");
        assert_eq!(row.status, AlertStatus::Failed);
        app.stop().await;
    }
}

#[tokio::test]
async fn muted_monitors_send_nothing_and_custom_messages_render() {
    for backend in backends() {
        let (app, user, project, target, slack) = setup(&backend).await;
        let slack_id = provider(
            &app,
            &user,
            &project,
            "SLACK",
            json!({ "webhookUrl": slack.url("/hook") }),
        )
        .await;
        let id = monitor(&app, &user, json!({
            "projectId": project, "name": "Search", "type": "HTTP", "target": target.url("/m/search"),
            "notificationProviderIds": [slack_id],
            "alert": { "customMessage": "{{monitor.name}} broke in {{location}}: {{result.error}}" }
        }))
        .await;
        let until = (Utc::now() + Duration::hours(1)).to_rfc3339();
        app.gql(
            Some(&user.token),
            "mutation($id: ID!, $u: DateTime!) { muteMonitor(id: $id, until: $u) { muted } }",
            json!({ "id": id, "u": until }),
        )
        .await
        .ok();
        let notes_before = app.count("notifications").await;
        target.set("search", 500, "x");
        check(&app, &id).await;
        assert_eq!(
            app.gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { status } }",
                json!({ "id": id })
            )
            .await
            .ok()["monitor"]["status"],
            "DOWN"
        );
        assert!(
            history(&app, &id).await.is_empty(),
            "[{backend}] muted: no alert"
        );
        assert_eq!(
            app.count("notifications").await,
            notes_before,
            "muted: no in-app notification either"
        );

        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { unmuteMonitor(id: $id) { muted } }",
            json!({ "id": id }),
        )
        .await
        .ok();
        target.set("search", 200, "ok");
        check(&app, &id).await;
        target.set("search", 500, "x");
        check(&app, &id).await;
        let rows = history(&app, &id).await;
        let failure = rows
            .iter()
            .find(|r| r.r#type == AlertType::MonitorFailure)
            .expect("a failure alert");
        assert_eq!(
            failure.message,
            "Search broke in default: status 500 is not one of 200-299"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn certificate_expiry_alerts_once_a_day() {
    for backend in backends() {
        let (app, user, project, _target, slack) = setup(&backend).await;
        let tls = tls_target(3).await;
        let slack_id = provider(
            &app,
            &user,
            &project,
            "SLACK",
            json!({ "webhookUrl": slack.url("/hook") }),
        )
        .await;
        let id = monitor(&app, &user, json!({
            "projectId": project, "name": "Shop", "type": "WEBSITE", "target": format!("https://localhost:{}/", tls.port()),
            "http": { "ignoreTlsErrors": true }, "tls": { "expiryDays": 30 }, "notificationProviderIds": [slack_id]
        }))
        .await;
        check(&app, &id).await;
        check(&app, &id).await;
        let ssl: Vec<_> = history(&app, &id)
            .await
            .into_iter()
            .filter(|a| a.r#type == AlertType::SslExpiring)
            .collect();
        assert_eq!(ssl.len(), 1, "[{backend}] one certificate alert a day");
        vigil::alert::deliver_due(app.state(), 50)
            .await
            .expect("deliver");
        let body = slack.wait_for(1).await[0].json().to_string();
        assert!(body.contains("expires in"), "{body}");
        app.stop().await;
    }
}

#[tokio::test]
async fn background_workers_check_and_alert_on_their_own() {
    for backend in backends() {
        // The real loop, as `vigil serve` runs it: no test stepping.
        let app = TestApp::spawn_with(&backend, |s| s.role = vigil::config::Role::All).await;
        let user = app.sign_up("auto@example.com").await;
        let (_, project) = app.create_org(&user, "Auto").await;
        let target = Target::start().await;
        let slack = Receiver::start().await;
        target.set("auto", 500, "x");
        let slack_id = provider(
            &app,
            &user,
            &project,
            "SLACK",
            json!({ "webhookUrl": slack.url("/hook") }),
        )
        .await;
        let id = monitor(&app, &user, json!({ "projectId": project, "name": "Auto", "type": "HTTP", "target": target.url("/m/auto"), "notificationProviderIds": [slack_id] })).await;
        // The workers' own loops check it (first within ~10 s of creation) and send the alert.
        let requests = slack.wait_for(1).await;
        assert!(requests[0].json().to_string().contains("Auto is down"));
        assert!(target.hits("auto") >= 1);
        let _ = id;
        app.stop().await;
    }
}

#[tokio::test]
async fn a_claimed_delivery_waits_for_its_lease_to_run_out() {
    for backend in backends() {
        let (app, user, project, target, slack) = setup(&backend).await;
        let slack_id = provider(
            &app,
            &user,
            &project,
            "SLACK",
            json!({ "webhookUrl": slack.url("/hook") }),
        )
        .await;
        let id = monitor(&app, &user, json!({ "projectId": project, "name": "Leased", "type": "HTTP", "target": target.url("/m/leased"), "notificationProviderIds": [slack_id] })).await;
        target.set("leased", 500, "x");
        check(&app, &id).await;
        // A worker claimed the delivery and stopped answering before attempting it.
        let lease = |until: chrono::DateTime<Utc>| {
            alert_history::Entity::update_many()
                .col_expr(alert_history::Column::ClaimedUntil, Some(until).into())
                .filter(alert_history::Column::MonitorId.eq(Uuid::parse_str(&id).expect("uuid")))
                .exec(app.db())
        };
        lease(Utc::now() + Duration::minutes(2))
            .await
            .expect("claim");
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            0,
            "[{backend}] a live lease is respected"
        );
        assert!(slack.requests().is_empty(), "[{backend}]");
        lease(Utc::now() - Duration::seconds(1))
            .await
            .expect("expire");
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            1,
            "[{backend}] an expired lease is taken over"
        );
        assert_eq!(slack.wait_for(1).await.len(), 1, "[{backend}]");
        let row = history(&app, &id).await.remove(0);
        assert_eq!(
            (row.status, row.attempts, row.claimed_until),
            (AlertStatus::Sent, 1, None),
            "[{backend}] sent once, the lease ended with it"
        );
        app.stop().await;
    }
}

const MONITOR_DEPTH: &str = "query($id: ID!) { monitor(id: $id) {
    alerts(first: 10) { totalCount nodes { type channel providerName notificationProviderId status attempts error nextAttemptAt } }
    downtimes { start end durationSeconds cause errorClass location }
} }";

#[tokio::test]
async fn a_monitors_alert_history_and_downtimes_are_read_through_the_api() {
    for backend in backends() {
        let (app, user, project, target, hook) = setup(&backend).await;
        let hook_id = provider(
            &app,
            &user,
            &project,
            "WEBHOOK",
            json!({ "url": hook.url("/alerts") }),
        )
        .await;
        // A second channel that is deleted before its alert goes out: given up, and shown
        // without its name.
        let gone_id = provider(
            &app,
            &user,
            &project,
            "SLACK",
            json!({ "webhookUrl": hook.url("/services/T/B/gone") }),
        )
        .await;
        let id = monitor(&app, &user, json!({
            "projectId": project, "name": "Search", "type": "HTTP", "target": target.url("/m/search"),
            "notificationProviderIds": [hook_id, gone_id]
        }))
        .await;
        check(&app, &id).await;
        let empty = app
            .gql(Some(&user.token), MONITOR_DEPTH, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(empty["monitor"]["alerts"]["totalCount"], 0, "[{backend}]");
        assert_eq!(empty["monitor"]["downtimes"], json!([]));

        target.set("search", 503, "down for maintenance");
        check(&app, &id).await;
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { deleteNotificationProvider(id: $id) }",
            json!({ "id": gone_id }),
        )
        .await
        .ok();
        assert_eq!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver"),
            2
        );
        hook.wait_for(1).await;
        let data = app
            .gql(Some(&user.token), MONITOR_DEPTH, json!({ "id": id }))
            .await
            .ok();
        let alerts = &data["monitor"]["alerts"];
        assert_eq!(alerts["totalCount"], 2, "[{backend}] {data}");
        let nodes = alerts["nodes"].as_array().expect("nodes");
        let sent = nodes
            .iter()
            .find(|a| a["channel"] == "webhook")
            .expect("the webhook delivery");
        assert_eq!(sent["type"], "MONITOR_FAILURE");
        assert_eq!(sent["status"], "SENT", "[{backend}] {sent}");
        assert_eq!(sent["providerName"], "WEBHOOK");
        assert_eq!(sent["notificationProviderId"], hook_id.as_str());
        assert_eq!(sent["attempts"], 1);
        assert!(sent["error"].is_null() && sent["nextAttemptAt"].is_null());
        let failed = nodes
            .iter()
            .find(|a| a["channel"] == "slack")
            .expect("the slack delivery");
        assert_eq!(failed["status"], "FAILED", "[{backend}] {failed}");
        assert!(failed["providerName"].is_null());
        assert!(
            failed["error"]
                .as_str()
                .is_some_and(|e| e.contains("removed or disabled")),
            "{failed}"
        );
        let downtimes = data["monitor"]["downtimes"].as_array().expect("downtimes");
        assert_eq!(downtimes.len(), 1, "[{backend}] {data}");
        assert!(downtimes[0]["end"].is_null(), "still down");
        assert_eq!(downtimes[0]["errorClass"], "status");
        assert_eq!(downtimes[0]["location"], "default");
        assert!(downtimes[0]["durationSeconds"].as_i64().expect("seconds") >= 0);

        // Up again: the period closes, and the recovery joins the history, newest first.
        target.set("search", 200, "fine");
        check(&app, &id).await;
        vigil::alert::deliver_due(app.state(), 50)
            .await
            .expect("deliver");
        let data = app
            .gql(Some(&user.token), MONITOR_DEPTH, json!({ "id": id }))
            .await
            .ok();
        let downtimes = data["monitor"]["downtimes"].as_array().expect("downtimes");
        assert_eq!(downtimes.len(), 1);
        let (start, end) = (
            downtimes[0]["start"].as_str().expect("start"),
            downtimes[0]["end"].as_str().expect("an end once up"),
        );
        assert!(start <= end, "{start} .. {end}");
        assert_eq!(data["monitor"]["alerts"]["totalCount"], 3, "[{backend}]");
        assert_eq!(
            data["monitor"]["alerts"]["nodes"][0]["type"],
            "MONITOR_RECOVERY"
        );
        // Pages of the history follow the connection's cursors.
        let page = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { alerts(first: 2) { pageInfo { hasNextPage endCursor } nodes { type } } } }",
                json!({ "id": id }),
            )
            .await
            .ok();
        let info = &page["monitor"]["alerts"]["pageInfo"];
        assert_eq!(info["hasNextPage"], true);
        let rest = app
            .gql(
                Some(&user.token),
                "query($id: ID!, $after: String) { monitor(id: $id) { alerts(first: 2, after: $after) { pageInfo { hasNextPage } nodes { type } } } }",
                json!({ "id": id, "after": info["endCursor"] }),
            )
            .await
            .ok();
        assert_eq!(
            rest["monitor"]["alerts"]["nodes"].as_array().map(Vec::len),
            Some(1)
        );
        assert_eq!(rest["monitor"]["alerts"]["pageInfo"]["hasNextPage"], false);
        app.stop().await;
    }
}

#[tokio::test]
async fn another_organizations_alert_history_is_not_reachable() {
    for backend in backends() {
        let (app, user, project, target, hook) = setup(&backend).await;
        let hook_id = provider(
            &app,
            &user,
            &project,
            "WEBHOOK",
            json!({ "url": hook.url("/alerts") }),
        )
        .await;
        let id = monitor(&app, &user, json!({
            "projectId": project, "name": "Payments", "type": "HTTP", "target": target.url("/m/pay"),
            "notificationProviderIds": [hook_id]
        }))
        .await;
        target.set("pay", 500, "x");
        check(&app, &id).await;
        vigil::alert::deliver_due(app.state(), 50)
            .await
            .expect("deliver");
        assert_eq!(history(&app, &id).await.len(), 1);

        // Another organization: its own monitor, and a try at the first one's.
        let mallory = app.sign_up("mallory@example.com").await;
        let (_, other) = app.create_org(&mallory, "Elsewhere").await;
        let own = monitor(
            &app,
            &mallory,
            json!({
                "projectId": other, "name": "Mine", "type": "HTTP", "target": target.url("/m/mine")
            }),
        )
        .await;
        let theirs = app
            .gql(Some(&mallory.token), MONITOR_DEPTH, json!({ "id": id }))
            .await
            .ok();
        assert!(theirs["monitor"].is_null(), "[{backend}] {theirs}");
        // A history row pointing at the attacker's monitor but belonging to the victim's
        // organization (as if written wrong) stays out of the attacker's history too.
        let mut planted = history(&app, &id).await.remove(0);
        planted.id = Uuid::now_v7();
        planted.monitor_id = Some(Uuid::parse_str(&own).expect("uuid"));
        planted.claimed_until = None;
        alert_history::Entity::insert(Into::<alert_history::ActiveModel>::into(planted))
            .exec(app.db())
            .await
            .expect("planted");
        let mine = app
            .gql(Some(&mallory.token), MONITOR_DEPTH, json!({ "id": own }))
            .await
            .ok();
        assert_eq!(
            mine["monitor"]["alerts"]["totalCount"], 0,
            "[{backend}] {mine}"
        );
        assert_eq!(mine["monitor"]["alerts"]["nodes"], json!([]));
        // Through the generic node field, too.
        let node = app
            .gql(
                Some(&mallory.token),
                "query($id: ID!) { node(id: $id) { ... on Monitor { alerts { totalCount } } } }",
                json!({ "id": id }),
            )
            .await
            .ok();
        assert!(node["node"].is_null(), "[{backend}] {node}");
        app.stop().await;
    }
}

/// An organization-wide provider: made by organization admins only, seen by every member,
/// linked to monitors of any of the organization's projects (and alerts go through it), and
/// out of reach of another organization.
#[tokio::test]
async fn organization_wide_providers_serve_every_project_and_only_admins_change_them() {
    const LIST: &str = "query($p: ID!, $w: Boolean!) { notificationProviders(projectId: $p, includeOrganizationWide: $w) { nodes { id projectId organizationId } } }";
    const ORG_LIST: &str = "query($o: ID!) { organizationNotificationProviders(organizationId: $o) { totalCount nodes { id name config } } }";
    for backend in backends() {
        let (app, owner, project, target, hook) = setup(&backend).await;
        let org = app
            .gql(
                Some(&owner.token),
                "query($p: ID!) { project(id: $p) { organizationId } }",
                json!({ "p": project }),
            )
            .await
            .ok()["project"]["organizationId"]
            .as_str()
            .expect("organization")
            .to_owned();
        let second = app
            .gql(
                Some(&owner.token),
                "mutation($o: ID!) { createProject(input: { organizationId: $o, name: \"Payments\" }) { id } }",
                json!({ "o": org }),
            )
            .await
            .ok()["createProject"]["id"]
            .as_str()
            .expect("project")
            .to_owned();
        let editor = app
            .member(
                &owner,
                &org,
                &project,
                "editor@example.com",
                "PROJECT_EDITOR",
            )
            .await;
        let org_wide = |name: &str| {
            json!({ "i": { "organizationId": org, "name": name, "type": "SLACK",
                "config": { "webhookUrl": hook.url("/services/T1/B1/shared-secret-hook") } } })
        };

        // Exactly one owner; only organization admins make an organization-wide one.
        let before = app.count("notification_providers").await;
        let both = json!({ "i": { "organizationId": org, "projectId": project, "name": "x",
            "type": "SLACK", "config": { "webhookUrl": hook.url("/x") } } });
        for bad in [
            both,
            json!({ "i": { "name": "x", "type": "SLACK", "config": {} } }),
        ] {
            app.gql(Some(&owner.token), PROVIDER, bad)
                .await
                .expect_code("BAD_USER_INPUT");
        }
        app.gql(Some(&editor.token), PROVIDER, org_wide("By an editor"))
            .await
            .expect_code("FORBIDDEN");
        // It cannot name a project's credential: it has no project.
        app.gql(
            Some(&owner.token),
            PROVIDER,
            json!({ "i": { "organizationId": org, "name": "Mail", "type": "EMAIL",
                "config": { "to": ["ops@example.com"], "credentialId": Uuid::now_v7().to_string() } } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        assert_eq!(app.count("notification_providers").await, before);

        let shared = app
            .gql(Some(&owner.token), PROVIDER, org_wide("On-call Slack"))
            .await
            .ok()["createNotificationProvider"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let own = provider(
            &app,
            &owner,
            &project,
            "EMAIL",
            json!({ "to": ["a@example.com"] }),
        )
        .await;

        // Every member sees it, masked; a project's list has it only when asked.
        let listed = app
            .gql(Some(&editor.token), ORG_LIST, json!({ "o": org }))
            .await
            .ok();
        assert_eq!(listed["organizationNotificationProviders"]["totalCount"], 1);
        let config = listed["organizationNotificationProviders"]["nodes"][0]["config"].to_string();
        assert!(
            !config.contains("shared-secret-hook"),
            "[{backend}] {config}"
        );
        let ids = |data: Value| -> Vec<String> {
            data["notificationProviders"]["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .map(|n| n["id"].as_str().expect("id").to_owned())
                .collect()
        };
        let alone = app
            .gql(
                Some(&editor.token),
                LIST,
                json!({ "p": project, "w": false }),
            )
            .await
            .ok();
        assert_eq!(ids(alone), vec![own.clone()], "[{backend}]");
        let with = app
            .gql(
                Some(&editor.token),
                LIST,
                json!({ "p": project, "w": true }),
            )
            .await
            .ok();
        assert_eq!(
            with["notificationProviders"]["nodes"][0]["projectId"],
            Value::Null
        );
        assert_eq!(
            with["notificationProviders"]["nodes"][0]["organizationId"],
            org
        );
        assert_eq!(ids(with), vec![shared.clone(), own.clone()], "[{backend}]");

        // An editor uses it but does not change it.
        for (query, vars) in [
            (
                "mutation($id: ID!) { updateNotificationProvider(id: $id, input: { name: \"Mine\" }) { id } }",
                json!({ "id": shared }),
            ),
            (
                "mutation($id: ID!) { deleteNotificationProvider(id: $id) }",
                json!({ "id": shared }),
            ),
            (
                "mutation($id: ID!) { testNotificationProvider(id: $id) { success } }",
                json!({ "id": shared }),
            ),
        ] {
            app.gql(Some(&editor.token), query, vars)
                .await
                .expect_code("FORBIDDEN");
        }
        assert!(hook.requests().is_empty(), "[{backend}] nothing sent");
        let id = monitor(&app, &editor, json!({
            "projectId": project, "name": "Checkout", "type": "HTTP", "target": target.url("/m/shared"),
            "notificationProviderIds": [shared]
        }))
        .await;
        // The other project's monitors may use it too.
        monitor(&app, &owner, json!({
            "projectId": second, "name": "Payments", "type": "HTTP", "target": target.url("/m/other"),
            "notificationProviderIds": [shared]
        }))
        .await;
        check(&app, &id).await;
        target.set("shared", 503, "down");
        check(&app, &id).await;
        assert!(
            vigil::alert::deliver_due(app.state(), 50)
                .await
                .expect("deliver")
                >= 1
        );
        let requests = hook.wait_for(1).await;
        assert_eq!(requests[0].path, "/services/T1/B1/shared-secret-hook");
        assert!(requests[0].json().to_string().contains("Checkout is down"));

        // Another organization can neither see it nor link it.
        let mallory = app.sign_up("mallory@example.com").await;
        let (_, elsewhere) = app.create_org(&mallory, "Elsewhere").await;
        app.gql(
            Some(&mallory.token),
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
            json!({ "i": { "projectId": elsewhere, "name": "Steal", "type": "HTTP",
                "target": target.url("/m/steal"), "notificationProviderIds": [shared] } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        let seen = app
            .gql(
                Some(&mallory.token),
                "query($id: ID!) { notificationProvider(id: $id) { id } }",
                json!({ "id": shared }),
            )
            .await
            .ok();
        assert!(seen["notificationProvider"].is_null(), "[{backend}] {seen}");
        app.gql(Some(&mallory.token), ORG_LIST, json!({ "o": org }))
            .await
            .expect_code("NOT_FOUND");
        let theirs = app
            .gql(
                Some(&mallory.token),
                LIST,
                json!({ "p": elsewhere, "w": true }),
            )
            .await
            .ok();
        assert!(ids(theirs).is_empty(), "[{backend}]");
        app.stop().await;
    }
}

/// A monitor that flapped all along answers with its newest periods only: at most
/// `MAX_DOWNTIME_CHANGES` status changes are read, whatever the window.
#[tokio::test]
async fn downtimes_of_a_flapping_monitor_are_bounded_to_the_newest() {
    use entity::monitor_results;
    for backend in backends() {
        let (app, user, project, target, _hook) = setup(&backend).await;
        let id = monitor(&app, &user, json!({
            "projectId": project, "name": "Flapping", "type": "HTTP", "target": target.url("/m/flap")
        }))
        .await;
        let monitor_id = Uuid::parse_str(&id).expect("uuid");
        let total = vigil::monitor::query::MAX_DOWNTIME_CHANGES as i64 + 100;
        let start = Utc::now() - Duration::minutes(total + 1);
        // Down on even minutes, up on odd ones: one period per two changes.
        let rows: Vec<monitor_results::ActiveModel> = (0..total)
            .map(|minute| {
                vigil_tests::result_row(
                    Uuid::now_v7(),
                    monitor_id,
                    start + Duration::minutes(minute),
                    minute % 2 == 1,
                    true,
                    Some(json!({ "error": format!("down at {minute}") })),
                )
            })
            .collect();
        for chunk in rows.chunks(500) {
            monitor_results::Entity::insert_many(chunk.to_vec())
                .exec(app.db())
                .await
                .expect("results");
        }
        let data = app
            .gql(
                Some(&user.token),
                "query($id: ID!) { monitor(id: $id) { downtimes(days: 30) { start end cause } } }",
                json!({ "id": id }),
            )
            .await
            .ok();
        let periods = data["monitor"]["downtimes"].as_array().expect("downtimes");
        assert_eq!(
            periods.len() as u64,
            vigil::monitor::query::MAX_DOWNTIME_CHANGES / 2,
            "[{backend}]"
        );
        assert_eq!(
            periods[0]["cause"],
            format!("down at {}", total - 2),
            "[{backend}]"
        );
        assert!(periods.iter().all(|p| !p["end"].is_null()), "[{backend}]");
        app.stop().await;
    }
}
