//! Published status pages as the public reads them: the HTML page with its components, groups,
//! uptime bars and incidents, the Statuspage-shaped JSON, the feeds (read by a real feed
//! parser), the badges, custom domains by `Host`, the cache and its invalidation by events,
//! and what must never be shown. Pages and components are made through the API; incidents,
//! aggregates and the columns the settings side owns are written to the database directly.

use chrono::{DateTime, Duration, Utc};
use entity::incidents::{IncidentImpact, IncidentStatus};
use entity::status_page_components::ComponentStatus;
use entity::status_pages::StatusPageStatus;
use entity::{
    incident_components, incident_updates, incidents, monitor_aggregates, postmortems,
    status_page_components, status_pages,
};
use reqwest::header::{HeaderMap, HeaderValue};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil::events::Event;
use vigil::monitor::aggregate::day_start;
use vigil_tests::{Backend, TestApp, TestUser, backends, eventually};

/// A payload for every text field: markup that must stay text.
const XSS: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

struct Seeded {
    app: TestApp,
    user: TestUser,
    project: String,
    page: Uuid,
    subdomain: String,
}

impl Seeded {
    fn url(&self, path: &str) -> String {
        format!("{}/status/{}{path}", self.app.url, self.subdomain)
    }

    async fn get(&self, path: &str) -> (u16, HeaderMap, String) {
        get(&self.app, &self.url(path), &[]).await
    }

    /// Tells the server the page changed, as the domain does in its transactions.
    async fn changed(&self) {
        self.app
            .state()
            .events
            .publish(
                self.app.db(),
                Event::StatusPageUpdated {
                    status_page_id: self.page,
                    project_id: Uuid::parse_str(&self.project).expect("a project id"),
                },
            )
            .await;
    }

    async fn page_row(&self) -> status_pages::Model {
        status_pages::Entity::find_by_id(self.page)
            .one(self.app.db())
            .await
            .expect("reading the page")
            .expect("the page")
    }

    /// Changes the page row with `change`.
    async fn set_page(&self, change: impl FnOnce(&mut status_pages::ActiveModel)) {
        let mut active = self.page_row().await.into_active_model();
        change(&mut active);
        active
            .update(self.app.db())
            .await
            .expect("updating the page");
    }
}

async fn get(app: &TestApp, url: &str, headers: &[(&str, &str)]) -> (u16, HeaderMap, String) {
    let mut request = app.http.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("a response");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("a body"))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .unwrap_or_default()
}

async fn monitor(app: &TestApp, user: &TestUser, project: &str, name: &str) -> String {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
        json!({ "i": { "projectId": project, "name": name, "type": "HEARTBEAT", "frequencyMinutes": 5, "heartbeat": { "gracePeriodMinutes": 5 } } }),
    )
    .await
    .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor id")
        .to_owned()
}

/// A published page `name` at `subdomain` in a new organization.
async fn published(backend: &Backend, name: &str, subdomain: &str) -> Seeded {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up(&format!("{subdomain}@example.com")).await;
    let (_, project) = app.create_org(&user, "Acme").await;
    let page = page(&app, &user, &project, name, subdomain).await;
    Seeded {
        app,
        user,
        project,
        page,
        subdomain: subdomain.to_owned(),
    }
}

/// Another published page in the same project.
async fn page(app: &TestApp, user: &TestUser, project: &str, name: &str, subdomain: &str) -> Uuid {
    let made = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": name, "subdomain": subdomain } }),
        )
        .await
        .ok();
    let id = made["createStatusPage"]["id"]
        .as_str()
        .expect("page id")
        .to_owned();
    app.gql(
        Some(&user.token),
        "mutation($id: ID!) { publishStatusPage(id: $id) { published } }",
        json!({ "id": id }),
    )
    .await
    .ok();
    Uuid::parse_str(&id).expect("a page id")
}

async fn component(
    app: &TestApp,
    user: &TestUser,
    page: Uuid,
    name: &str,
    monitors: &[&str],
) -> Uuid {
    let made = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id } }",
            json!({ "i": { "statusPageId": page, "name": name, "monitorIds": monitors } }),
        )
        .await
        .ok();
    Uuid::parse_str(
        made["createStatusPageComponent"]["id"]
            .as_str()
            .expect("id"),
    )
    .expect("uuid")
}

async fn set_component(
    app: &TestApp,
    id: Uuid,
    change: impl FnOnce(&mut status_page_components::ActiveModel),
) {
    let row = status_page_components::Entity::find_by_id(id)
        .one(app.db())
        .await
        .expect("reading")
        .expect("the component");
    let mut active = row.into_active_model();
    change(&mut active);
    active.updated_at = Set(Utc::now());
    active
        .update(app.db())
        .await
        .expect("updating the component");
}

/// A daily aggregate of `monitor` `days_ago` days before today.
async fn day(app: &TestApp, monitor: &str, days_ago: i64, total: i32, successful: i32) {
    let now = Utc::now();
    monitor_aggregates::ActiveModel {
        id: Set(Uuid::now_v7()),
        monitor_id: Set(Uuid::parse_str(monitor).expect("uuid")),
        period_type: Set(monitor_aggregates::AggregationPeriod::Daily),
        period_start: Set(day_start(now) - Duration::days(days_ago)),
        location: Set("global".into()),
        total_checks: Set(total),
        successful_checks: Set(successful),
        failed_checks: Set(total - successful),
        uptime_percentage: Set(f64::from(successful) * 100.0 / f64::from(total)),
        avg_response_ms: Set(Some(100)),
        min_response_ms: Set(Some(50)),
        max_response_ms: Set(Some(300)),
        p50_response_ms: Set(Some(90)),
        p95_response_ms: Set(Some(200)),
        p99_response_ms: Set(Some(290)),
        total_response_ms: Set(i64::from(total) * 100),
        status_change_count: Set(0),
        timed_checks: Set(total),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(app.db())
    .await
    .expect("inserting an aggregate");
}

/// What an incident row needs; the rest takes its defaults.
struct NewIncident<'a> {
    name: &'a str,
    status: IncidentStatus,
    impact: IncidentImpact,
    started: DateTime<Utc>,
    resolved: Option<DateTime<Utc>>,
    scheduled: Option<(DateTime<Utc>, DateTime<Utc>)>,
    shortlink: Option<&'a str>,
}

impl<'a> NewIncident<'a> {
    fn open(name: &'a str, impact: IncidentImpact) -> Self {
        Self {
            name,
            status: IncidentStatus::Investigating,
            impact,
            started: Utc::now() - Duration::hours(1),
            resolved: None,
            scheduled: None,
            shortlink: None,
        }
    }
}

async fn incident(app: &TestApp, page: Uuid, new: NewIncident<'_>) -> Uuid {
    let id = Uuid::now_v7();
    incidents::ActiveModel {
        id: Set(id),
        status_page_id: Set(page),
        created_by_user_id: Set(None),
        name: Set(new.name.into()),
        status: Set(new.status),
        impact: Set(new.impact),
        impact_override: Set(None),
        body: Set(None),
        scheduled_for: Set(new.scheduled.map(|s| s.0)),
        scheduled_until: Set(new.scheduled.map(|s| s.1)),
        scheduled_remind_prior: Set(false),
        auto_transition_to_maintenance_state: Set(false),
        auto_transition_to_operational_state: Set(false),
        scheduled_auto_in_progress: Set(false),
        scheduled_auto_completed: Set(false),
        auto_transition_deliver_notifications_at_start: Set(false),
        auto_transition_deliver_notifications_at_end: Set(false),
        reminder_intervals: Set(None),
        metadata: Set(None),
        deliver_notifications: Set(false),
        backfill_date: Set(None),
        backfilled: Set(false),
        monitoring_at: Set(None),
        resolved_at: Set(new.resolved),
        next_run_at: Set(None),
        claimed_until: Set(None),
        shortlink: Set(new.shortlink.map(Into::into)),
        created_at: Set(new.started),
        updated_at: Set(new.resolved.unwrap_or(new.started)),
    }
    .insert(app.db())
    .await
    .expect("inserting an incident");
    id
}

async fn update(
    app: &TestApp,
    incident: Uuid,
    status: IncidentStatus,
    body: &str,
    at: DateTime<Utc>,
) {
    incident_updates::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(incident),
        created_by_user_id: Set(None),
        body: Set(body.into()),
        status: Set(status),
        deliver_notifications: Set(false),
        display_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(app.db())
    .await
    .expect("inserting an update");
}

async fn affect(app: &TestApp, incident: Uuid, component: Uuid, status: ComponentStatus) {
    incident_components::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(incident),
        component_id: Set(component),
        old_status: Set(Some(ComponentStatus::Operational)),
        new_status: Set(status),
        created_at: Set(Utc::now()),
    }
    .insert(app.db())
    .await
    .expect("inserting an affected component");
}

async fn postmortem(app: &TestApp, incident: Uuid, body: &str, published: Option<DateTime<Utc>>) {
    let now = Utc::now();
    postmortems::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(incident),
        created_by_user_id: Set(None),
        body: Set(body.into()),
        body_last_updated_at: Set(Some(now)),
        ignored: Set(false),
        notified_subscribers: Set(false),
        published_at: Set(published),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(app.db())
    .await
    .expect("inserting a postmortem");
}

/// The `<li>`s of the uptime bar labelled for `name`.
fn bar_days<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let label = format!("aria-label=\"{name}: uptime over the last 90 days\"");
    let start = html
        .find(&label)
        .unwrap_or_else(|| panic!("no bar for {name}"));
    let end = start + html[start..].find("</ol>").expect("the end of the bar");
    html[start..end].split("<li ").skip(1).collect()
}

/// A page with a group, a hidden component, a component without a bar, daily figures and
/// incidents of every kind.
struct Fixture {
    s: Seeded,
    api: Uuid,
    secret_monitor: String,
}

async fn fixture(backend: &Backend) -> Fixture {
    let s = published(backend, "Acme Cloud", "acme").await;
    let (app, user) = (&s.app, &s.user);
    let secret = monitor(app, user, &s.project, "secret-internal-db-monitor").await;
    let web = monitor(app, user, &s.project, "web-monitor").await;
    let api = component(app, user, s.page, "Public API", &[&secret]).await;
    let db = component(app, user, s.page, "Database", &[&secret]).await;
    let website = component(app, user, s.page, "Website", &[&web]).await;
    let quiet = component(app, user, s.page, "Quiet Worker", &[]).await;
    set_component(app, api, |c| c.group_name = Set(Some("Core".into()))).await;
    set_component(app, db, |c| {
        c.group_name = Set(Some("Core".into()));
        c.showcase = Set(false);
    })
    .await;
    set_component(app, website, |c| {
        c.status = Set(ComponentStatus::PartialOutage);
        c.description = Set(Some("The marketing site".into()));
    })
    .await;
    set_component(app, quiet, |c| c.only_show_if_degraded = Set(true)).await;
    day(app, &secret, 0, 100, 100).await;
    day(app, &secret, 2, 100, 90).await;
    day(app, &secret, 89, 100, 100).await;
    day(app, &secret, 120, 100, 0).await;
    let open = incident(
        app,
        s.page,
        NewIncident {
            status: IncidentStatus::Identified,
            ..NewIncident::open("Elevated API errors", IncidentImpact::Major)
        },
    )
    .await;
    update(
        app,
        open,
        IncidentStatus::Investigating,
        "We are looking into it.",
        Utc::now() - Duration::minutes(50),
    )
    .await;
    update(
        app,
        open,
        IncidentStatus::Identified,
        "A bad deploy; rolling back.",
        Utc::now() - Duration::minutes(10),
    )
    .await;
    affect(app, open, api, ComponentStatus::PartialOutage).await;
    let old = incident(
        app,
        s.page,
        NewIncident {
            resolved: Some(Utc::now() - Duration::days(2) + Duration::hours(1)),
            status: IncidentStatus::Resolved,
            started: Utc::now() - Duration::days(2),
            ..NewIncident::open("Slow database", IncidentImpact::Minor)
        },
    )
    .await;
    affect(app, old, api, ComponentStatus::DegradedPerformance).await;
    let soon = Utc::now() + Duration::days(3);
    incident(
        app,
        s.page,
        NewIncident {
            status: IncidentStatus::Scheduled,
            impact: IncidentImpact::None,
            scheduled: Some((soon, soon + Duration::hours(2))),
            ..NewIncident::open("Database upgrade", IncidentImpact::None)
        },
    )
    .await;
    let running = Utc::now() - Duration::minutes(30);
    incident(
        app,
        s.page,
        NewIncident {
            status: IncidentStatus::InProgress,
            scheduled: Some((running, running + Duration::hours(1))),
            ..NewIncident::open("Network maintenance", IncidentImpact::None)
        },
    )
    .await;
    Fixture {
        s,
        api,
        secret_monitor: secret,
    }
}

#[tokio::test]
async fn a_published_page_shows_its_components_bars_and_incidents() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let (status, headers, html) = f.s.get("").await;
        assert_eq!(status, 200, "{html}");
        assert_eq!(header(&headers, "content-type"), "text/html; charset=utf-8");
        for expected in [
            "<h1>Acme Cloud</h1>",
            "Partial System Outage",
            "<strong>Core</strong>",
            "Public API",
            "Database",
            "The marketing site",
            "Active incidents",
            "Elevated API errors",
            "A bad deploy; rolling back.",
            "Maintenance in progress",
            "Network maintenance",
            "Scheduled maintenance",
            "Database upgrade",
            "Past incidents",
            "Slow database",
        ] {
            assert!(html.contains(expected), "{expected} missing from the page");
        }
        // Hidden while operational; monitors never appear.
        assert!(!html.contains("Quiet Worker"));
        assert!(!html.contains("secret-internal-db-monitor") && !html.contains(&f.secret_monitor));
        // The newest update comes first.
        assert!(
            html.find("A bad deploy").expect("update")
                < html.find("We are looking").expect("update")
        );

        let days = bar_days(&html, "Public API");
        assert_eq!(days.len(), 90);
        assert!(
            days[89].contains("class=\"d3\"") && days[89].contains("100% uptime"),
            "today with an open major incident: {}",
            days[89]
        );
        assert!(days[89].contains("Incident: Elevated API errors"));
        assert!(
            days[87].contains("class=\"d4\"") && days[87].contains("90% uptime"),
            "{}",
            days[87]
        );
        assert!(days[87].contains("Incident: Slow database"));
        assert!(
            days[0].contains("100% uptime"),
            "89 days ago has data: {}",
            days[0]
        );
        assert!(days[50].contains("class=\"d0\"") && days[50].contains("No data"));
        assert!(days.iter().all(|d| d.contains("tabindex=\"0\"")));
        // No bar for a component that is not showcased.
        assert!(!html.contains("Database: uptime over"));
        assert!(html.contains("Website: uptime over"));

        let csp = header(&headers, "content-security-policy");
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert!(
            !csp.contains("script-src") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert!(!html.contains("<script"));
        assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
        assert!(header(&headers, "cache-control").starts_with("public, max-age="));
        assert!(header(&headers, "etag").starts_with('"'));
        assert!(headers.get("set-cookie").is_none());
        f.s.app.stop().await;
    }
}

#[tokio::test]
async fn the_json_api_has_statuspage_shapes() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let (status, headers, body) = f.s.get("/api/v2/summary.json").await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(header(&headers, "access-control-allow-origin"), "*");
        assert_eq!(header(&headers, "content-type"), "application/json");
        let summary: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(summary["page"]["id"], f.s.page.to_string());
        assert_eq!(summary["page"]["name"], "Acme Cloud");
        assert!(
            summary["page"]["url"]
                .as_str()
                .expect("url")
                .ends_with("/status/acme")
        );
        assert_eq!(summary["page"]["time_zone"], "UTC");
        assert_eq!(
            summary["status"],
            json!({ "indicator": "major", "description": "Partial System Outage" })
        );
        let components = summary["components"].as_array().expect("components");
        let group = components
            .iter()
            .find(|c| c["group"] == true)
            .expect("the group");
        assert_eq!(group["name"], "Core");
        assert_eq!(group["components"].as_array().expect("members").len(), 2);
        let api = components
            .iter()
            .find(|c| c["id"] == f.api.to_string())
            .expect("the API");
        assert_eq!(api["group_id"], group["id"]);
        assert_eq!(api["status"], "operational");
        for key in [
            "created_at",
            "updated_at",
            "position",
            "description",
            "showcase",
            "start_date",
            "page_id",
            "only_show_if_degraded",
        ] {
            assert!(api.get(key).is_some(), "component.{key}");
        }
        let incidents = summary["incidents"].as_array().expect("incidents");
        assert_eq!(incidents.len(), 1, "only unresolved incidents");
        assert_eq!(incidents[0]["name"], "Elevated API errors");
        assert_eq!(incidents[0]["impact"], "major");
        assert_eq!(incidents[0]["status"], "identified");
        assert_eq!(
            incidents[0]["incident_updates"]
                .as_array()
                .expect("updates")
                .len(),
            2
        );
        assert_eq!(
            incidents[0]["incident_updates"][0]["body"],
            "A bad deploy; rolling back."
        );
        assert_eq!(incidents[0]["components"][0]["name"], "Public API");
        let maintenance = summary["scheduled_maintenances"]
            .as_array()
            .expect("maintenance");
        let names: Vec<&str> = maintenance
            .iter()
            .filter_map(|m| m["name"].as_str())
            .collect();
        assert_eq!(names, ["Network maintenance", "Database upgrade"]);
        assert!(
            maintenance[1]["scheduled_for"].is_string()
                && maintenance[1]["scheduled_until"].is_string()
        );
        assert!(!body.contains("secret-internal-db-monitor") && !body.contains(&f.secret_monitor));

        let (_, _, status) = f.s.get("/api/v2/status.json").await;
        let status: Value = serde_json::from_str(&status).expect("JSON");
        assert_eq!(status["status"]["indicator"], "major");
        assert!(status.get("components").is_none());
        let (_, _, listed) = f.s.get("/api/v2/components.json").await;
        let listed: Value = serde_json::from_str(&listed).expect("JSON");
        assert_eq!(
            listed["components"].as_array().expect("all").len(),
            5,
            "4 components and a group"
        );
        let (_, _, all) = f.s.get("/api/v2/incidents.json").await;
        let all: Value = serde_json::from_str(&all).expect("JSON");
        assert_eq!(
            all["incidents"].as_array().expect("incidents").len(),
            4,
            "incidents and maintenance"
        );
        let (_, _, open) = f.s.get("/api/v2/incidents/unresolved.json").await;
        assert_eq!(
            serde_json::from_str::<Value>(&open).expect("JSON")["incidents"]
                .as_array()
                .expect("list")
                .len(),
            1
        );
        for (path, expected) in [
            ("/api/v2/scheduled-maintenances.json", 2),
            ("/api/v2/scheduled-maintenances/upcoming.json", 1),
            ("/api/v2/scheduled-maintenances/active.json", 1),
        ] {
            let (status, _, body) = f.s.get(path).await;
            assert_eq!(status, 200, "{path}");
            let value: Value = serde_json::from_str(&body).expect("JSON");
            assert_eq!(
                value["scheduled_maintenances"]
                    .as_array()
                    .expect("list")
                    .len(),
                expected,
                "{path}"
            );
        }
        f.s.app.stop().await;
    }
}

/// Checks an iCalendar body line by line against RFC 5545 and returns its unfolded lines.
fn ical_lines(body: &str) -> Vec<String> {
    assert!(body.ends_with("\r\n"), "lines end with CRLF");
    assert!(!body.replace("\r\n", "").contains('\n'), "a bare LF");
    let mut lines: Vec<String> = Vec::new();
    for raw in body.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "a line of {} octets: {raw:?}", raw.len());
        match raw.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None => lines.push(raw.to_owned()),
        }
    }
    let mut open: Vec<String> = Vec::new();
    for line in &lines {
        let (name, _) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("no value: {line}"));
        let name = name.split(';').next().unwrap_or_default();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "{line}"
        );
        if let Some(what) = line.strip_prefix("BEGIN:") {
            open.push(what.to_owned());
        } else if let Some(what) = line.strip_prefix("END:") {
            assert_eq!(open.pop().as_deref(), Some(what), "unbalanced END:{what}");
        }
    }
    assert!(open.is_empty(), "unclosed {open:?}");
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    lines
}

#[tokio::test]
async fn feeds_parse_with_real_parsers() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let (status, headers, rss) = f.s.get("/history.rss").await;
        assert_eq!(status, 200);
        assert!(header(&headers, "content-type").starts_with("application/rss+xml"));
        let parsed = feed_rs::parser::parse(rss.as_bytes()).expect("valid RSS");
        assert_eq!(parsed.entries.len(), 4);
        let titles: Vec<String> = parsed
            .entries
            .iter()
            .filter_map(|e| e.title.as_ref().map(|t| t.content.clone()))
            .collect();
        assert!(
            titles.contains(&"Elevated API errors".to_owned()),
            "{titles:?}"
        );
        assert!(
            parsed
                .entries
                .iter()
                .all(|e| e.links[0].href.contains("/status/acme/incidents/"))
        );

        let (status, headers, atom) = f.s.get("/history.atom").await;
        assert_eq!(status, 200);
        assert!(header(&headers, "content-type").starts_with("application/atom+xml"));
        let parsed = feed_rs::parser::parse(atom.as_bytes()).expect("valid Atom");
        assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(parsed.entries.len(), 4);
        let open = parsed
            .entries
            .iter()
            .find(|e| {
                e.title
                    .as_ref()
                    .is_some_and(|t| t.content == "Elevated API errors")
            })
            .expect("the open incident");
        let content = open
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .expect("content");
        assert!(content.contains("A bad deploy; rolling back."), "{content}");

        let (status, headers, ics) = f.s.get("/maintenance.ics").await;
        assert_eq!(status, 200);
        assert_eq!(
            header(&headers, "content-type"),
            "text/calendar; charset=utf-8"
        );
        let lines = ical_lines(&ics);
        let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
        assert_eq!(events, 2, "two maintenance windows, no incidents");
        assert!(lines.contains(&"SUMMARY:Database upgrade".to_owned()));
        for property in ["UID:", "DTSTAMP:", "DTSTART:", "DTEND:"] {
            assert_eq!(
                lines.iter().filter(|l| l.starts_with(property)).count(),
                2,
                "{property}"
            );
        }
        f.s.app.stop().await;
    }
}

/// Whether `svg` is well-formed XML, read by a real parser; returns its text.
fn xml_text(svg: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Text(t) => text.push_str(&t.into_inner()),
            quick_xml::events::Event::GeneralRef(r) => {
                let name = r.into_inner();
                text.push_str(match name.as_ref() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other}"),
                });
            }
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn badges_are_svg_of_this_page_only() {
    for backend in backends() {
        let f = fixture(&backend).await;
        let (status, headers, svg) = f.s.get("/badge.svg").await;
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-type"), "image/svg+xml");
        assert!(xml_text(&svg).contains("partial outage"), "{svg}");
        let (status, _, svg) = f.s.get(&format!("/components/{}/uptime.svg", f.api)).await;
        assert_eq!(status, 200);
        assert!(xml_text(&svg).contains("Public API uptime"), "{svg}");
        assert!(
            xml_text(&svg).contains("96.66%"),
            "(100 + 90 + 100) / 3 days: {svg}"
        );
        let (status, _, svg) = f.s.get(&format!("/components/{}/badge.svg", f.api)).await;
        assert_eq!(status, 200);
        assert!(xml_text(&svg).contains("operational"));

        // A component of another page, even of the same project, is not this page's.
        let other = page(&f.s.app, &f.s.user, &f.s.project, "Other", "other-page").await;
        let theirs = component(&f.s.app, &f.s.user, other, "Theirs", &[]).await;
        let (status, _, body) = f.s.get(&format!("/components/{theirs}/badge.svg")).await;
        assert_eq!(status, 404);
        assert!(!body.contains("Theirs"));
        let (status, _, _) =
            f.s.get(&format!("/components/{}/badge.svg", Uuid::now_v7()))
                .await;
        assert_eq!(status, 404);
        f.s.app.stop().await;
    }
}

#[tokio::test]
async fn script_payloads_stay_text_everywhere() {
    for backend in backends() {
        let s = published(&backend, XSS, "payloads").await;
        let (app, user) = (&s.app, &s.user);
        let id = component(app, user, s.page, XSS, &[]).await;
        set_component(app, id, |c| {
            c.group_name = Set(Some(XSS.into()));
            c.description = Set(Some(XSS.into()));
            c.status = Set(ComponentStatus::MajorOutage);
        })
        .await;
        s.set_page(|p| {
            p.headline = Set(Some(XSS.into()));
            p.page_description = Set(Some(XSS.into()));
            p.support_url = Set(Some("javascript:alert(3)".into()));
            p.css_body_background_color =
                Set(Some("#fff;}</style><script>alert(4)</script>".into()));
            p.css_link_color = Set(Some("red".into()));
            p.css_reds = Set(Some("#aa0000".into()));
        })
        .await;
        let open = incident(
            app,
            s.page,
            NewIncident::open(XSS, IncidentImpact::Critical),
        )
        .await;
        update(app, open, IncidentStatus::Investigating, XSS, Utc::now()).await;
        affect(app, open, id, ComponentStatus::MajorOutage).await;
        postmortem(
            app,
            open,
            "## What happened\n\n<script>alert(5)</script><img src=x onerror=alert(6)>\n\n\
             [click](javascript:alert(7)) <a href=\"javascript:alert(8)\">raw</a> \
             <iframe src=\"https://evil.example\"></iframe>",
            Some(Utc::now() - Duration::minutes(1)),
        )
        .await;

        let mut pages = Vec::new();
        for path in ["", "/history", &format!("/incidents/{open}")] {
            let (status, _, html) = s.get(path).await;
            assert_eq!(status, 200, "{path}");
            pages.push(html);
        }
        for html in &pages {
            assert!(!html.contains("<script"), "a script tag got through");
            assert!(!html.contains("<img src=x"), "an element got through");
            for sanitized in ["alert(5)", "alert(6)", "alert(7)", "alert(8)"] {
                assert!(
                    !html.contains(sanitized),
                    "{sanitized} got through the postmortem"
                );
            }
            assert!(
                !html.to_lowercase().contains("javascript:"),
                "a javascript: link got through"
            );
            assert!(!html.contains("<iframe"));
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "the payload is shown as text"
            );
        }
        assert!(
            pages[0].contains("--red:#aa0000"),
            "a valid colour is applied"
        );
        assert!(!pages[0].contains("--link:red") && !pages[0].contains("alert(4)"));
        assert!(
            pages[2].contains("<h2>What happened</h2>"),
            "the postmortem's Markdown is rendered"
        );

        let (_, _, json) = s.get("/api/v2/summary.json").await;
        let json: Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(json["page"]["name"], XSS, "JSON carries the text as it is");
        for path in ["/history.rss", "/history.atom"] {
            let (_, _, feed) = s.get(path).await;
            let parsed = feed_rs::parser::parse(feed.as_bytes()).expect("a valid feed");
            assert_eq!(
                parsed.entries[0].title.as_ref().map(|t| t.content.as_str()),
                Some(XSS)
            );
        }
        for path in [
            "/badge.svg".to_owned(),
            format!("/components/{id}/badge.svg"),
        ] {
            let (_, _, svg) = s.get(&path).await;
            assert!(
                xml_text(&svg).contains("<script>alert(1)</script>"),
                "escaped in XML: {svg}"
            );
        }
        s.app.stop().await;
    }
}

#[tokio::test]
async fn nothing_unpublished_or_foreign_is_shown() {
    for backend in backends() {
        let s = published(&backend, "Acme", "acme-live").await;
        let (app, user) = (&s.app, &s.user);
        let (_, _, not_found) = get(app, &format!("{}/status/no-such-page", app.url), &[]).await;
        let expect_404 = |status: u16, body: &str, what: &str| {
            assert_eq!(status, 404, "{what}");
            assert_eq!(
                body, not_found,
                "{what} answers differently from a page that does not exist"
            );
        };
        // A draft, even asked for by its owner with a session.
        app.gql(
                Some(&user.token),
                "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }",
                json!({ "i": { "projectId": s.project, "name": "Secret launch", "subdomain": "secret-launch" } }),
            )
            .await
            .ok();
        let draft_url = format!("{}/status/secret-launch", app.url);
        let bearer = format!("Bearer {}", user.token);
        for path in ["", "/api/v2/summary.json", "/history.rss", "/badge.svg"] {
            let (status, _, body) = get(
                app,
                &format!("{draft_url}{path}"),
                &[
                    ("authorization", &bearer),
                    ("cookie", &format!("vigil_session={}", user.token)),
                ],
            )
            .await;
            expect_404(status, &body, &format!("draft {path}"));
        }
        // Archived.
        s.set_page(|p| p.status = Set(StatusPageStatus::Archived))
            .await;
        s.changed().await;
        let archived = s.url("");
        eventually("the archived page to go", || async {
            let (status, _, _) = get(app, &archived, &[]).await;
            (status == 404).then_some(())
        })
        .await;
        let (status, _, body) = get(app, &archived, &[]).await;
        expect_404(status, &body, "archived");
        s.set_page(|p| p.status = Set(StatusPageStatus::Published))
            .await;
        s.changed().await;
        eventually("the page to come back", || async {
            let (status, _, _) = get(app, &archived, &[]).await;
            (status == 200).then_some(())
        })
        .await;

        // Another tenant's incident through this page's path.
        let other = app.sign_up("other-tenant@example.com").await;
        let (_, theirs) = app.create_org(&other, "Other").await;
        let their_page = page(app, &other, &theirs, "Theirs", "their-page").await;
        let their_incident = incident(
            app,
            their_page,
            NewIncident::open("Their secret outage", IncidentImpact::Critical),
        )
        .await;
        let (status, _, body) = s.get(&format!("/incidents/{their_incident}")).await;
        expect_404(status, &body, "another page's incident");
        let (_, _, summary) = s.get("/api/v2/summary.json").await;
        assert!(!summary.contains("Their secret outage"));
        for (path, what) in [
            ("/incidents/not-a-uuid", "a malformed id"),
            ("/images/logo", "an image the page does not have"),
            ("/api/v2/nothing.json", "an unknown document"),
            ("/graphql", "the API below a page"),
        ] {
            let (status, _, body) = s.get(path).await;
            expect_404(status, &body, what);
        }
        for name in ["<script>", "a.b", "a%2Fb", "UPPER-but-missing"] {
            let (status, _, body) = get(app, &format!("{}/status/{name}", app.url), &[]).await;
            expect_404(status, &body, name);
        }
        s.app.stop().await;
    }
}

#[tokio::test]
async fn a_verified_custom_domain_serves_the_page_by_host() {
    for backend in backends() {
        let s = published(&backend, "Acme", "acme-domain").await;
        let app = &s.app;
        s.set_page(|p| {
            p.custom_domain = Set(Some("status.acme.test".into()));
            p.custom_domain_verified = Set(true);
        })
        .await;
        let other = page(app, &s.user, &s.project, "Unverified", "unverified").await;
        let mut row = status_pages::Entity::find_by_id(other)
            .one(app.db())
            .await
            .expect("read")
            .expect("page")
            .into_active_model();
        row.custom_domain = Set(Some("status.unverified.test".into()));
        row.update(app.db()).await.expect("update");
        let host = |h: &'static str| [("host", h)];

        let (status, headers, html) =
            get(app, &format!("{}/", app.url), &host("Status.Acme.test")).await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("<h1>Acme</h1>"));
        assert!(
            html.contains("href=\"/history\""),
            "links are at the domain's root: {html}"
        );
        assert!(header(&headers, "etag").starts_with('"'));
        let (status, _, json) = get(
            app,
            &format!("{}/api/v2/summary.json", app.url),
            &host("status.acme.test"),
        )
        .await;
        assert_eq!(status, 200);
        let json: Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(json["page"]["url"], "https://status.acme.test");
        let (status, _, _) = get(
            app,
            &format!("{}/history.rss", app.url),
            &host("status.acme.test:443"),
        )
        .await;
        assert_eq!(status, 200);
        // Nothing else of Vigil at the customer's domain.
        let (_, _, not_found) = get(app, &format!("{}/status/no-such-page", app.url), &[]).await;
        for path in ["/graphql", "/status/acme-domain", "/healthz", "/sign-in"] {
            let (status, _, body) = get(
                app,
                &format!("{}{path}", app.url),
                &host("status.acme.test"),
            )
            .await;
            assert_eq!(
                (status, body.as_str()),
                (404, not_found.as_str()),
                "{path} at the custom domain"
            );
        }
        let posted = app
            .http
            .post(format!("{}/graphql", app.url))
            .header("host", "status.acme.test")
            .json(&json!({"query": "{ me { id } }"}))
            .send()
            .await
            .expect("a response");
        assert_eq!(posted.status().as_u16(), 405);
        // A domain not verified: the same 404, for every path.
        for path in ["/", "/api/v2/summary.json"] {
            let (status, _, body) = get(
                app,
                &format!("{}{path}", app.url),
                &host("status.unverified.test"),
            )
            .await;
            assert_eq!(
                (status, body.as_str()),
                (404, not_found.as_str()),
                "unverified {path}"
            );
        }
        // Any other host is the app.
        let (status, _, body) = get(
            app,
            &format!("{}/healthz", app.url),
            &host("vigil.internal.test"),
        )
        .await;
        assert_eq!((status, body.as_str()), (200, "ok"));

        // Caddy's question.
        for (domain, expected) in [
            ("status.acme.test", 200),
            ("STATUS.ACME.TEST", 200),
            ("status.unverified.test", 404),
            ("nobody.test", 404),
            ("", 404),
        ] {
            let (status, _, _) = get(
                app,
                &format!("{}/status-domains/allowed?domain={domain}", app.url),
                &[],
            )
            .await;
            assert_eq!(status, expected, "{domain}");
        }
        let (status, _, _) = get(app, &format!("{}/status-domains/allowed", app.url), &[]).await;
        assert_eq!(status, 404);
        // Unpublished: the domain is no longer served, and Caddy is told so.
        s.set_page(|p| p.status = Set(StatusPageStatus::Draft))
            .await;
        s.changed().await;
        eventually("the domain to be refused", || async {
            let (status, _, _) = get(
                app,
                &format!("{}/status-domains/allowed?domain=status.acme.test", app.url),
                &[],
            )
            .await;
            (status == 404).then_some(())
        })
        .await;
        let (status, _, _) = get(app, &format!("{}/", app.url), &host("status.acme.test")).await;
        assert_eq!(status, 404);
        s.app.stop().await;
    }
}

#[tokio::test]
async fn pages_are_gzipped_for_clients_that_ask_with_their_own_validator() {
    use std::io::Read;
    for backend in backends() {
        let s = published(&backend, "Acme", "acme-gzip").await;
        component(&s.app, &s.user, s.page, "API", &[]).await;
        let url = s.url("");
        let (status, plain_headers, plain) = get(&s.app, &url, &[]).await;
        assert_eq!(status, 200);
        assert_eq!(header(&plain_headers, "content-encoding"), "");
        assert_eq!(header(&plain_headers, "vary"), "Accept-Encoding");

        let response = s
            .app
            .http
            .get(&url)
            .header("accept-encoding", "br, gzip;q=0.8")
            .send()
            .await
            .expect("a response");
        assert_eq!(response.status().as_u16(), 200);
        let headers = response.headers().clone();
        assert_eq!(header(&headers, "content-encoding"), "gzip");
        let packed = response.bytes().await.expect("a body");
        assert!(
            packed.len() < plain.len() / 2,
            "{} of {}",
            packed.len(),
            plain.len()
        );
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_string(&mut unpacked)
            .expect("gunzip");
        assert_eq!(unpacked, plain, "the same page, compressed");
        let gz_etag = header(&headers, "etag").to_owned();
        assert_ne!(
            gz_etag,
            header(&plain_headers, "etag"),
            "one validator per representation"
        );

        let (status, _, body) = get(
            &s.app,
            &url,
            &[("accept-encoding", "gzip"), ("if-none-match", &gz_etag)],
        )
        .await;
        assert_eq!(status, 304);
        assert!(body.is_empty());
        // The plain validator does not stand for the gzipped bytes, nor the other way round.
        let (status, _, _) = get(&s.app, &url, &[("if-none-match", &gz_etag)]).await;
        assert_eq!(status, 200);
        let (status, headers, _) = get(&s.app, &url, &[("accept-encoding", "gzip;q=0")]).await;
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-encoding"), "");
        s.app.stop().await;
    }
}

#[tokio::test]
async fn etags_revalidate_and_events_empty_the_cache() {
    for backend in backends() {
        let s = published(&backend, "Acme", "acme-cache").await;
        let id = component(&s.app, &s.user, s.page, "API", &[]).await;
        let (status, headers, first) = s.get("").await;
        assert_eq!(status, 200);
        let etag = header(&headers, "etag").to_owned();
        let url = s.url("");
        let (status, headers, body) = get(&s.app, &url, &[("if-none-match", &etag)]).await;
        assert_eq!(status, 304);
        assert!(body.is_empty());
        assert_eq!(header(&headers, "etag"), etag);
        let (status, _, _) = get(&s.app, &url, &[("if-none-match", "\"something-else\"")]).await;
        assert_eq!(status, 200);

        // Changed without an event: the cached page stands (its TTL is the backstop).
        let (_, _, json_before) = s.get("/api/v2/status.json").await;
        set_component(&s.app, id, |c| c.status = Set(ComponentStatus::MajorOutage)).await;
        let (_, _, cached) = s.get("").await;
        assert_eq!(cached, first);
        // The event: the next response shows the change, with a new ETag.
        s.changed().await;
        let changed = eventually("the page to show the outage", || async {
            let (_, headers, body) = s.get("").await;
            body.contains("Major System Outage")
                .then_some(header(&headers, "etag").to_owned())
        })
        .await;
        assert_ne!(changed, etag);
        let (status, _, _) = get(&s.app, &url, &[("if-none-match", &etag)]).await;
        assert_eq!(status, 200, "the old ETag no longer matches");
        let (_, _, json_after) = s.get("/api/v2/status.json").await;
        assert!(
            json_after.contains("critical") && !json_before.contains("critical"),
            "{json_before} {json_after}"
        );
        s.app.stop().await;
    }
}

/// Statements of one view of `path` of the page at `subdomain`.
async fn statements(app: &TestApp, subdomain: &str, path: &str) -> u64 {
    let before = app.statements();
    let (status, _, body) = get(app, &format!("{}/status/{subdomain}{path}", app.url), &[]).await;
    assert_eq!(status, 200, "{body}");
    app.statements() - before
}

#[tokio::test]
async fn a_page_view_costs_the_same_statements_for_any_number_of_components() {
    for backend in backends() {
        let s = published(&backend, "Small", "small-page").await;
        let (app, user) = (&s.app, &s.user);
        let big = page(app, user, &s.project, "Big", "big-page").await;
        let mut monitors = Vec::new();
        for n in 0..4 {
            let m = monitor(app, user, &s.project, &format!("m{n}")).await;
            day(app, &m, 1, 10, 9).await;
            monitors.push(m);
        }
        for (page_id, count) in [(s.page, 2), (big, 12)] {
            for n in 0..count {
                let m = &monitors[n % monitors.len()];
                let c = component(app, user, page_id, &format!("C{n}"), &[m]).await;
                let i = incident(
                    app,
                    page_id,
                    NewIncident::open("Incident", IncidentImpact::Minor),
                )
                .await;
                update(app, i, IncidentStatus::Investigating, "Looking", Utc::now()).await;
                affect(app, i, c, ComponentStatus::DegradedPerformance).await;
            }
        }
        for path in [
            "",
            "/api/v2/summary.json",
            "/badge.svg",
            "/history.rss",
            "/history",
        ] {
            let small = statements(app, "small-page", path).await;
            let large = statements(app, "big-page", path).await;
            assert_eq!(
                small, large,
                "{path}: {small} statements for 2 components, {large} for 12"
            );
            assert!(small <= 8, "{path}: {small} statements");
            assert_eq!(
                statements(app, "big-page", path).await,
                0,
                "{path}: a cached view reads nothing"
            );
        }
        s.app.stop().await;
    }
}

#[tokio::test]
async fn incidents_have_pages_history_and_shortlinks() {
    for backend in backends() {
        let s = published(&backend, "Acme", "acme-history").await;
        let app = &s.app;
        // An old page, so that history reaches back.
        s.set_page(|p| p.created_at = Set(Utc::now() - Duration::days(200)))
            .await;
        let api = component(app, &s.user, s.page, "API", &[]).await;
        let recent = incident(
            app,
            s.page,
            NewIncident {
                status: IncidentStatus::Resolved,
                resolved: Some(Utc::now() - Duration::days(1)),
                started: Utc::now() - Duration::days(1) - Duration::hours(2),
                shortlink: Some("abc123"),
                ..NewIncident::open("Login failures", IncidentImpact::Major)
            },
        )
        .await;
        update(
            app,
            recent,
            IncidentStatus::Investigating,
            "Users cannot sign in.",
            Utc::now() - Duration::days(1) - Duration::hours(2),
        )
        .await;
        update(
            app,
            recent,
            IncidentStatus::Resolved,
            "Fixed by a rollback.",
            Utc::now() - Duration::days(1),
        )
        .await;
        affect(app, recent, api, ComponentStatus::MajorOutage).await;
        postmortem(
            app,
            recent,
            "## Root cause\n\nA **config** change. [Runbook](https://example.com/runbook)",
            Some(Utc::now() - Duration::hours(1)),
        )
        .await;
        let ancient = incident(
            app,
            s.page,
            NewIncident {
                status: IncidentStatus::Resolved,
                resolved: Some(Utc::now() - Duration::days(150)),
                started: Utc::now() - Duration::days(150),
                ..NewIncident::open("Ancient outage", IncidentImpact::Critical)
            },
        )
        .await;
        postmortem(app, ancient, "Draft thoughts nobody should read", None).await;

        let (status, _, html) = s.get(&format!("/incidents/{recent}")).await;
        assert_eq!(status, 200);
        for expected in [
            "<h1>Login failures</h1>",
            "This incident has been resolved.",
            "Users cannot sign in.",
            "Fixed by a rollback.",
            "Affected components: API",
            "Postmortem",
            "<h2>Root cause</h2>",
            "<strong>config</strong>",
            "rel=\"noopener noreferrer nofollow\"",
        ] {
            assert!(html.contains(expected), "{expected} missing");
        }
        let (status, _, html) = s.get(&format!("/incidents/{ancient}")).await;
        assert_eq!(status, 200);
        assert!(
            !html.contains("Draft thoughts") && !html.contains("Postmortem"),
            "an unpublished postmortem is shown"
        );

        let (status, _, first) = s.get("/history").await;
        assert_eq!(status, 200);
        assert!(first.contains("Login failures") && !first.contains("Ancient outage"));
        assert!(
            first.contains("href=\"/status/acme-history/history?page=2\""),
            "a link to older months"
        );
        let mut older = String::new();
        for n in 2..=3 {
            let (status, _, html) = s.get(&format!("/history?page={n}")).await;
            assert_eq!(status, 200, "page {n}");
            older.push_str(&html);
        }
        assert!(older.contains("Ancient outage"));
        let (status, _, _) = s.get("/history?page=40").await;
        assert_eq!(status, 404, "before the page existed");

        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        let response = client
            .get(s.url("/i/abc123"))
            .send()
            .await
            .expect("a response");
        assert_eq!(response.status().as_u16(), 302);
        assert_eq!(
            header(response.headers(), "location"),
            format!("/status/acme-history/incidents/{recent}")
        );
        let (status, _, _) = s.get("/i/nope").await;
        assert_eq!(status, 404);
        let (_, _, json) = s.get("/api/v2/incidents.json").await;
        let json: Value = serde_json::from_str(&json).expect("JSON");
        assert!(
            json["incidents"][0]["shortlink"]
                .as_str()
                .expect("a shortlink")
                .ends_with("/status/acme-history/i/abc123")
        );
        s.app.stop().await;
    }
}

#[tokio::test]
async fn branding_images_theme_and_search_settings_apply() {
    for backend in backends() {
        let s = published(&backend, "Acme", "acme-brand").await;
        let app = &s.app;
        let prefix = format!("status-pages/{}", s.page);
        let png = b"\x89PNG\r\n\x1a\nnot really".to_vec();
        app.state()
            .storage
            .put(&format!("{prefix}/logo.png"), png.clone())
            .await
            .expect("storing");
        app.state()
            .storage
            .put(
                &format!("{prefix}/favicon.svg"),
                b"<svg onload=alert(1)/>".to_vec(),
            )
            .await
            .expect("storing");
        app.state()
            .storage
            .put("runs/other-tenant/screenshot.png", png.clone())
            .await
            .expect("storing");
        s.set_page(|p| {
            p.transactional_logo = Set(Some(format!("{prefix}/logo.png")));
            p.favicon_logo = Set(Some(format!("{prefix}/favicon.svg")));
            p.hero_cover = Set(Some("runs/other-tenant/screenshot.png".into()));
            p.theme = Set(Some(json!({ "mode": "dark" })));
            p.timezone = Set(Some("Europe/Paris".into()));
            p.hidden_from_search = Set(true);
            p.support_url = Set(Some("https://help.acme.test/".into()));
            p.css_greens = Set(Some("#00aa55".into()));
        })
        .await;
        let paris = incident(
            app,
            s.page,
            NewIncident::open("Paris incident", IncidentImpact::Minor),
        )
        .await;
        update(
            app,
            paris,
            IncidentStatus::Investigating,
            "Looking",
            Utc::now(),
        )
        .await;

        let (status, headers, html) = s.get("").await;
        assert_eq!(status, 200);
        assert!(html.contains("data-theme=\"dark\""));
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert_eq!(header(&headers, "x-robots-tag"), "noindex");
        assert!(html.contains("Times are shown in Europe/Paris."));
        assert!(
            html.contains(" CET") || html.contains(" CEST"),
            "times in the page's zone"
        );
        assert!(html.contains("--green:#00aa55"));
        assert!(html.contains("href=\"https://help.acme.test/\""));
        assert!(html.contains("src=\"/status/acme-brand/images/logo\""));
        let (_, headers, _) = s.get("/api/v2/summary.json").await;
        assert_eq!(header(&headers, "x-robots-tag"), "noindex");

        let (status, headers, _) = s.get("/images/logo").await;
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-type"), "image/png");
        assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
        assert!(header(&headers, "content-security-policy").contains("sandbox"));
        let bytes = app
            .http
            .get(s.url("/images/logo"))
            .send()
            .await
            .expect("a response")
            .bytes()
            .await
            .expect("bytes");
        assert_eq!(bytes.as_ref(), png.as_slice());
        for (path, why) in [
            ("/images/favicon", "SVG is never served"),
            ("/images/hero", "a key outside the page's prefix"),
            ("/images/twitter-logo", "not set"),
            ("/images/other", "not a kind"),
        ] {
            let (status, _, _) = s.get(path).await;
            assert_eq!(status, 404, "{why}");
        }
        s.app.stop().await;
    }
}
