//! Incidents, scheduled maintenance, templates and postmortems of status pages through the API:
//! the incident lifecycle with its component statuses, maintenance driven by the scheduler
//! step with a moved clock (reminders once each, automatic start and end, two schedulers at
//! once), a monitor under maintenance holding its alerts, roles and tenants, and bad input
//! refused with nothing written.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use entity::{
    alert_history, incident_components, incident_template_components, incident_templates,
    incident_updates, incidents, monitor_locations, monitor_results, postmortems,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use tokio::sync::broadcast;
use uuid::Uuid;
use vigil::events::Event;
use vigil::status_page::maintenance;
use vigil_tests::receivers::Receiver;
use vigil_tests::target::Target;
use vigil_tests::{HANG, TestApp, TestUser, backends};

const CREATE: &str = "mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id kind title status impact impactOverride message shortlink deliverNotifications backfilled backfilledAt resolvedAt monitoringAt updates { status message displayAt } components { componentId oldStatus newStatus } } }";
const UPDATE: &str =
    "mutation($i: AddIncidentUpdateInput!) { addIncidentUpdate(input: $i) { id status message } }";
const READ: &str = "query($id: ID!) { incident(id: $id) { id kind title status impact impactOverride message monitoringAt resolvedAt remindersSent reminderIntervals updates { status message createdAt } components { componentId oldStatus newStatus } postmortem { body published publishedAt notifiedSubscribers } } }";
const MAINTENANCE: &str = "mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { id kind status scheduledFor scheduledUntil remindPrior reminderIntervals remindersSent } }";
const TEMPLATE: &str = "mutation($i: CreateIncidentTemplateInput!) { createIncidentTemplate(input: $i) { id name title body status shouldSendNotifications componentIds } }";

/// A server, an owner, and a page with two components: `api` (behind a heartbeat monitor)
/// and `web`.
struct Page {
    app: TestApp,
    owner: TestUser,
    org: String,
    project: String,
    id: String,
    api: String,
    web: String,
    monitor: String,
}

async fn page(backend: &vigil_tests::Backend) -> Page {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("status@example.com").await;
    let (org, project) = app.create_org(&owner, "Acme").await;
    let monitor = app
        .gql(
            Some(&owner.token),
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "api", "type": "HEARTBEAT", "frequencyMinutes": 5, "heartbeat": { "gracePeriodMinutes": 5 } } }),
        )
        .await
        .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor")
        .to_owned();
    let (id, api, web) = page_of(&app, &owner, &project, &[monitor.as_str()]).await;
    Page {
        app,
        owner,
        org,
        project,
        id,
        api,
        web,
        monitor,
    }
}

impl Page {
    /// Runs `query` as the page's owner; panics on errors.
    async fn ok(&self, query: &str, vars: Value) -> Value {
        self.app
            .gql(Some(&self.owner.token), query, vars)
            .await
            .ok()
    }

    /// Opens an incident from `input` (the page's id added) as the owner.
    async fn incident(&self, input: Value) -> Value {
        self.ok(
            CREATE,
            json!({ "i": with(json!({ "statusPageId": self.id }), input) }),
        )
        .await["createIncident"]
            .clone()
    }

    /// Posts an update from `input` (the incident's id added) as the owner.
    async fn update(&self, id: &str, input: Value) -> Value {
        self.ok(
            UPDATE,
            json!({ "i": with(json!({ "incidentId": id }), input) }),
        )
        .await
    }
}

/// `base` with the fields of `extra` added or replaced.
fn with(mut base: Value, extra: Value) -> Value {
    if let (Value::Object(base), Value::Object(extra)) = (&mut base, extra) {
        base.extend(extra);
    }
    base
}

/// Asserts that `query` as `token` fails with `code`, naming `field` where one is given, and
/// writes nothing.
async fn refused(
    app: &TestApp,
    token: &str,
    (query, vars): (&str, Value),
    code: &str,
    field: Option<&str>,
) {
    let before = written(app).await;
    let answer = app.gql(Some(token), query, vars).await;
    answer.expect_code(code);
    if field.is_some() {
        assert_eq!(answer.field(), field, "[{}] {}", app.backend, answer.body);
    }
    assert_eq!(
        written(app).await,
        before,
        "[{}] {query}: nothing written",
        app.backend
    );
}

/// A page of `project` with components `API` (behind `monitors`) and `Website`.
async fn page_of(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    monitors: &[&str],
) -> (String, String, String) {
    let made = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "Acme status" } }),
        )
        .await
        .ok();
    let id = made["createStatusPage"]["id"]
        .as_str()
        .expect("page")
        .to_owned();
    let component = |name: &str, monitors: Vec<&str>| {
        let input = json!({ "i": { "statusPageId": id, "name": name, "monitorIds": monitors } });
        async move {
            app.gql(
                Some(&user.token),
                "mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id } }",
                input,
            )
            .await
            .ok()["createStatusPageComponent"]["id"]
                .as_str()
                .expect("component")
                .to_owned()
        }
    };
    let api = component("API", monitors.to_vec()).await;
    let web = component("Website", Vec::new()).await;
    (id, api, web)
}

fn uuid(id: &str) -> Uuid {
    Uuid::parse_str(id).expect("a UUID")
}

fn rfc(at: DateTime<Utc>) -> String {
    at.to_rfc3339()
}

async fn read(app: &TestApp, user: &TestUser, id: &str) -> Value {
    app.gql(Some(&user.token), READ, json!({ "id": id }))
        .await
        .ok()["incident"]
        .clone()
}

/// Every row the incident features write, to prove that a refused call changed nothing.
async fn written(app: &TestApp) -> Value {
    let db = app.db();
    json!([
        incidents::Entity::find()
            .order_by_asc(incidents::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("incidents"),
        incident_updates::Entity::find()
            .order_by_asc(incident_updates::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("updates"),
        incident_components::Entity::find()
            .order_by_asc(incident_components::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("components"),
        incident_templates::Entity::find()
            .order_by_asc(incident_templates::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("templates"),
        incident_template_components::Entity::find()
            .order_by_asc(incident_template_components::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("template components"),
        postmortems::Entity::find()
            .order_by_asc(postmortems::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("postmortems"),
        app.count("audit_logs").await,
    ])
}

/// Waits for a `StatusPageUpdated` of page `id` (on PostgreSQL it comes back through
/// `LISTEN`).
async fn page_updated(events: &mut broadcast::Receiver<Event>, id: &str) {
    let id = uuid(id);
    tokio::time::timeout(HANG, async {
        loop {
            match events.recv().await {
                Ok(Event::StatusPageUpdated { status_page_id, .. }) if status_page_id == id => {
                    return;
                }
                Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => panic!("the event bus closed"),
            }
        }
    })
    .await
    .expect("a StatusPageUpdated event");
}

async fn audits(app: &TestApp, action: &str) -> usize {
    entity::audit_logs::Entity::find()
        .filter(entity::audit_logs::Column::Action.eq(action))
        .all(app.db())
        .await
        .expect("audit")
        .len()
}

fn statuses(incident: &Value) -> Vec<(String, String, String)> {
    incident["components"]
        .as_array()
        .expect("components")
        .iter()
        .map(|c| {
            (
                c["componentId"].as_str().unwrap_or("").to_owned(),
                c["oldStatus"].as_str().unwrap_or("").to_owned(),
                c["newStatus"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

const RESOLVE: &str = "mutation($id: ID!) { resolveIncident(id: $id) { status resolvedAt } }";
const IMPACT: &str = "mutation($id: ID!, $i: UpdateIncidentInput!) { updateIncident(id: $id, input: $i) { title impact impactOverride } }";

fn column(incident: &Value, list: &str, key: &str) -> Vec<String> {
    incident[list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item[key].as_str().unwrap_or("").to_owned())
        .collect()
}

fn change(component: &str, old: &str, new: &str) -> (String, String, String) {
    (component.to_owned(), old.to_owned(), new.to_owned())
}

#[tokio::test]
async fn an_incident_moves_to_resolved_with_its_updates_and_component_statuses() {
    for backend in backends() {
        let p = page(&backend).await;
        let mut events = p.app.state().events.subscribe();
        let title = "<script>alert('title')</script> API errors";
        let message = "<img src=x onerror=alert(1)> We are looking into **errors**.";
        let made = p
            .incident(json!({
                "title": title, "status": "INVESTIGATING", "message": message, "componentIds": [p.web],
                "components": [{ "componentId": p.api, "status": "MAJOR_OUTAGE" }],
            }))
            .await;
        page_updated(&mut events, &p.id).await;
        let id = made["id"].as_str().expect("id").to_owned();
        assert_eq!(made["title"], title, "[{backend}] stored as given");
        assert_eq!(made["message"], message);
        assert_eq!(made["updates"][0]["message"], message);
        assert_eq!(
            (&made["kind"], &made["impact"]),
            (&json!("INCIDENT"), &json!("CRITICAL"))
        );
        let code = made["shortlink"].as_str().expect("a shortlink");
        assert!(code.len() == 8 && code.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(
            statuses(&made),
            [
                change(&p.api, "OPERATIONAL", "MAJOR_OUTAGE"),
                change(&p.web, "OPERATIONAL", "PARTIAL_OUTAGE")
            ],
            "[{backend}] componentIds get the status the impact implies"
        );
        let update = |status: &str, message: &str| json!({ "i": { "incidentId": id, "status": status, "message": message } });
        let token = p.owner.token.as_str();
        refused(
            &p.app,
            token,
            (UPDATE, update("IN_PROGRESS", "x")),
            "BAD_USER_INPUT",
            Some("status"),
        )
        .await;

        let moved = json!([{ "componentId": p.api, "status": "PARTIAL_OUTAGE" }]);
        p.update(
            &id,
            json!({ "status": "IDENTIFIED", "message": "A bad deploy.", "components": moved }),
        )
        .await;
        page_updated(&mut events, &p.id).await;
        p.update(
            &id,
            json!({ "status": "MONITORING", "message": "Rolled back." }),
        )
        .await;
        let now = read(&p.app, &p.owner, &id).await;
        assert!(now["monitoringAt"].is_string(), "[{backend}]");
        assert_eq!(now["impact"], "MAJOR", "[{backend}] both partial now");
        let set = |impact: Value| json!({ "id": id, "i": { "impactOverride": impact } });
        assert_eq!(
            p.ok(IMPACT, set(json!("MINOR"))).await["updateIncident"]["impact"],
            "MINOR"
        );
        let cleared = p.ok(IMPACT, set(Value::Null)).await["updateIncident"].clone();
        assert_eq!(
            (&cleared["impact"], &cleared["impactOverride"]),
            (&json!("MAJOR"), &Value::Null)
        );

        let resolved = p.ok(RESOLVE, json!({ "id": id })).await["resolveIncident"].clone();
        page_updated(&mut events, &p.id).await;
        assert_eq!(resolved["status"], "RESOLVED", "[{backend}]");
        assert!(resolved["resolvedAt"].is_string());
        let done = read(&p.app, &p.owner, &id).await;
        let timeline = column(&done, "updates", "status");
        assert_eq!(
            timeline,
            ["RESOLVED", "MONITORING", "IDENTIFIED", "INVESTIGATING"],
            "[{backend}] newest first"
        );
        assert_eq!(
            statuses(&done)[2..],
            [
                change(&p.api, "MAJOR_OUTAGE", "PARTIAL_OUTAGE"),
                change(&p.api, "PARTIAL_OUTAGE", "OPERATIONAL"),
                change(&p.web, "PARTIAL_OUTAGE", "OPERATIONAL"),
            ],
            "[{backend}] old → new, and resolving gives the components back"
        );
        assert_eq!(done["impact"], "NONE");
        assert_eq!(audits(&p.app, "status_page.incident.create").await, 1);
        assert_eq!(audits(&p.app, "status_page.incident.update").await, 3);

        // Resolved is closed.
        let again = p
            .app
            .gql(Some(token), UPDATE, update("INVESTIGATING", "again"))
            .await;
        assert!(again.message().contains("resolved"), "{}", again.body);
        refused(
            &p.app,
            token,
            (UPDATE, update("INVESTIGATING", "again")),
            "CONFLICT",
            None,
        )
        .await;
        refused(
            &p.app,
            token,
            (RESOLVE, json!({ "id": id })),
            "CONFLICT",
            None,
        )
        .await;
        p.app.stop().await;
    }
}

#[tokio::test]
async fn incidents_list_by_kind_status_and_time_and_backfilled_ones_are_resolved() {
    for backend in backends() {
        let p = page(&backend).await;
        let then = (Utc::now() - Duration::days(3)).trunc_subsecs(3);
        let past = p
            .incident(json!({
                "title": "Last week's outage", "message": "Entered after the fact.",
                "backfilledAt": rfc(then), "componentIds": [p.api], "impact": "MAJOR",
            }))
            .await;
        assert_eq!(past["status"], "RESOLVED", "[{backend}]");
        assert_eq!(
            (&past["backfilled"], &past["deliverNotifications"]),
            (&json!(true), &json!(false))
        );
        assert_eq!(past["impact"], "MAJOR");
        let at =
            |v: &Value| DateTime::parse_from_rfc3339(v.as_str().expect("a time")).expect("rfc3339");
        for time in [
            &past["backfilledAt"],
            &past["resolvedAt"],
            &past["updates"][0]["displayAt"],
        ] {
            assert_eq!(at(time), then, "[{backend}]");
        }
        let open = p
            .incident(json!({ "title": "Now", "message": "Slow pages." }))
            .await;
        assert_eq!(open["status"], "INVESTIGATING");
        let start = Utc::now() + Duration::days(2);
        let planned = p
            .ok(MAINTENANCE, json!({ "i": {
                "statusPageId": p.id, "title": "Database upgrade", "message": "Read-only for an hour.",
                "scheduledFor": rfc(start), "scheduledUntil": rfc(start + Duration::hours(1)),
            } }))
            .await["createMaintenance"]
            .clone();
        assert_eq!(
            (&planned["kind"], &planned["status"]),
            (&json!("MAINTENANCE"), &json!("SCHEDULED"))
        );

        let list = |filter: Value, first: i32| {
            p.ok(
                "query($p: ID!, $f: IncidentFilter, $n: Int) { incidents(statusPageId: $p, filter: $f, first: $n) { totalCount pageInfo { hasNextPage } nodes { title } } }",
                json!({ "p": p.id, "f": filter, "n": first }),
            )
        };
        let titles = |v: Value| column(&v["incidents"], "nodes", "title");
        let all = list(Value::Null, 2).await;
        assert_eq!(
            (
                &all["incidents"]["totalCount"],
                &all["incidents"]["pageInfo"]["hasNextPage"]
            ),
            (&json!(3), &json!(true))
        );
        assert_eq!(
            titles(all),
            ["Database upgrade", "Now"],
            "[{backend}] newest first"
        );
        assert_eq!(
            titles(list(json!({ "kind": "MAINTENANCE" }), 50).await),
            ["Database upgrade"]
        );
        assert_eq!(
            titles(list(json!({ "status": "RESOLVED" }), 50).await),
            ["Last week's outage"]
        );
        let window =
            json!({ "from": rfc(then - Duration::hours(1)), "to": rfc(then + Duration::hours(1)) });
        assert_eq!(
            titles(list(window, 50).await),
            ["Last week's outage"],
            "[{backend}] by when it happened"
        );
        let ahead = json!({ "from": rfc(start - Duration::hours(1)) });
        assert_eq!(titles(list(ahead, 50).await), ["Database upgrade"]);
        p.app.stop().await;
    }
}

#[tokio::test]
async fn templates_fill_in_an_incident_and_explicit_input_wins() {
    for backend in backends() {
        let p = page(&backend).await;
        let made = p
            .ok(
                TEMPLATE,
                json!({ "i": {
                "statusPageId": p.id, "name": "API down", "title": "API unavailable",
                "body": "We are investigating <b>API</b> errors.", "status": "IDENTIFIED",
                "shouldSendNotifications": false, "componentIds": [p.api],
            } }),
            )
            .await["createIncidentTemplate"]
            .clone();
        assert_eq!(made["componentIds"], json!([p.api]), "[{backend}]");
        let template = made["id"].as_str().expect("id").to_owned();
        let filled = p
            .incident(json!({ "templateId": template, "title": Value::Null }))
            .await;
        assert_eq!(
            (&filled["title"], &filled["status"]),
            (&json!("API unavailable"), &json!("IDENTIFIED")),
            "[{backend}]"
        );
        assert_eq!(filled["message"], "We are investigating <b>API</b> errors.");
        assert_eq!(filled["deliverNotifications"], false);
        assert_eq!(
            statuses(&filled),
            [change(&p.api, "OPERATIONAL", "PARTIAL_OUTAGE")]
        );

        let own = p
            .incident(json!({
                "templateId": template, "title": "Website slow", "status": "INVESTIGATING", "deliverNotifications": true,
                "components": [{ "componentId": p.web, "status": "DEGRADED_PERFORMANCE" }],
            }))
            .await;
        assert_eq!(
            (&own["title"], &own["status"]),
            (&json!("Website slow"), &json!("INVESTIGATING")),
            "[{backend}] explicit input wins"
        );
        assert_eq!(
            own["message"], "We are investigating <b>API</b> errors.",
            "the rest from the template"
        );
        assert_eq!(own["deliverNotifications"], true);
        assert_eq!(
            statuses(&own),
            [change(&p.web, "OPERATIONAL", "DEGRADED_PERFORMANCE")]
        );
        assert_eq!(own["impact"], "MINOR");

        let updated = p
            .ok(
                "mutation($id: ID!, $i: UpdateIncidentTemplateInput!) { updateIncidentTemplate(id: $id, input: $i) { name title componentIds } }",
                json!({ "id": template, "i": { "name": "Web down", "componentIds": [p.web, p.api] } }),
            )
            .await["updateIncidentTemplate"]
            .clone();
        assert_eq!(
            (&updated["name"], &updated["title"]),
            (&json!("Web down"), &json!("API unavailable"))
        );
        assert_eq!(
            updated["componentIds"],
            json!([p.api, p.web]),
            "[{backend}] in the page's order"
        );
        let listed = p
            .ok(
                "query($p: ID!) { incidentTemplates(statusPageId: $p) { totalCount } }",
                json!({ "p": p.id }),
            )
            .await;
        assert_eq!(listed["incidentTemplates"]["totalCount"], 1);
        p.ok(
            "mutation($id: ID!) { deleteIncidentTemplate(id: $id) }",
            json!({ "id": template }),
        )
        .await;
        assert_eq!(p.app.count("incident_template_components").await, 0);
        assert_eq!(
            p.app.count("incidents").await,
            2,
            "[{backend}] incidents made from it stay"
        );
        p.app.stop().await;
    }
}

#[tokio::test]
async fn bad_templates_and_templates_of_other_pages_are_refused() {
    for backend in backends() {
        let p = page(&backend).await;
        let token = p.owner.token.as_str();
        let (other_page, other_api, _) = page_of(&p.app, &p.owner, &p.project, &[]).await;
        let template = p
            .ok(
                TEMPLATE,
                json!({ "i": { "statusPageId": p.id, "name": "t", "title": "t", "body": "t" } }),
            )
            .await["createIncidentTemplate"]["id"]
            .clone();
        let base = json!({ "statusPageId": p.id, "name": "x", "title": "x", "body": "x" });
        for (extra, field) in [
            (json!({ "componentIds": [other_api] }), "componentIds"),
            (json!({ "status": "SCHEDULED" }), "status"),
            (json!({ "name": "" }), "name"),
            (json!({ "body": " " }), "body"),
            (json!({ "body": "b".repeat(10_001) }), "body"),
        ] {
            let vars = json!({ "i": with(base.clone(), extra) });
            refused(
                &p.app,
                token,
                (TEMPLATE, vars),
                "BAD_USER_INPUT",
                Some(field),
            )
            .await;
        }
        // A template of another page does not fill an incident of this one.
        let vars = json!({ "i": { "statusPageId": other_page, "templateId": template } });
        refused(
            &p.app,
            token,
            (CREATE, vars),
            "BAD_USER_INPUT",
            Some("templateId"),
        )
        .await;
        p.app.stop().await;
    }
}

#[tokio::test]
async fn postmortems_follow_resolved_incidents_and_notify_once() {
    for backend in backends() {
        let p = page(&backend).await;
        let token = p.owner.token.as_str();
        let id = p
            .incident(json!({ "title": "Outage", "message": "Down." }))
            .await["id"]
            .clone();
        let save = |body: &str| {
            (
                "mutation($id: ID!, $b: String!) { savePostmortem(incidentId: $id, body: $b) { body published bodyLastUpdatedAt } }",
                json!({ "id": id, "b": body }),
            )
        };
        let publish = |notify: bool| {
            (
                "mutation($id: ID!, $n: Boolean!) { publishPostmortem(incidentId: $id, notifySubscribers: $n) { published publishedAt notifiedSubscribers } }",
                json!({ "id": id, "n": notify }),
            )
        };
        refused(&p.app, token, save("# Too early"), "CONFLICT", None).await;
        p.ok(RESOLVE, json!({ "id": id })).await;
        refused(
            &p.app,
            token,
            publish(false),
            "BAD_USER_INPUT",
            Some("incidentId"),
        )
        .await;

        let body = "# What happened\n\n<script>alert(document.cookie)</script>\n\n- a deploy";
        let (query, vars) = save(body);
        let draft = p.ok(query, vars).await["savePostmortem"].clone();
        assert_eq!(draft["body"], body, "[{backend}] stored as written");
        assert_eq!(draft["published"], false);
        assert!(draft["bodyLastUpdatedAt"].is_string());
        refused(
            &p.app,
            token,
            save(&"x".repeat(50_001)),
            "BAD_USER_INPUT",
            Some("body"),
        )
        .await;
        refused(&p.app, token, save("   "), "BAD_USER_INPUT", Some("body")).await;

        let (query, vars) = publish(true);
        let first = p.ok(query, vars.clone()).await["publishPostmortem"].clone();
        assert_eq!(
            (&first["published"], &first["notifiedSubscribers"]),
            (&json!(true), &json!(true)),
            "[{backend}]"
        );
        let again = p.ok(query, vars.clone()).await["publishPostmortem"].clone();
        assert_eq!(
            again["publishedAt"], first["publishedAt"],
            "[{backend}] published once"
        );
        let unpublish = "mutation($id: ID!) { unpublishPostmortem(incidentId: $id) { published } }";
        assert_eq!(
            p.ok(unpublish, json!({ "id": id })).await["unpublishPostmortem"]["published"],
            false
        );
        p.ok(query, vars).await;
        let notified: Vec<bool> = entity::audit_logs::Entity::find()
            .filter(entity::audit_logs::Column::Action.eq("status_page.postmortem.publish"))
            .order_by_asc(entity::audit_logs::Column::Id)
            .all(p.app.db())
            .await
            .expect("audit")
            .iter()
            .map(|a| {
                a.details
                    .as_ref()
                    .and_then(|d| d["notifiedSubscribers"].as_bool())
                    .unwrap_or(true)
            })
            .collect();
        assert_eq!(
            notified,
            [true, false, false],
            "[{backend}] subscribers told once"
        );
        let read_back = read(&p.app, &p.owner, id.as_str().expect("id")).await;
        assert_eq!(
            (
                &read_back["postmortem"]["body"],
                &read_back["postmortem"]["published"]
            ),
            (&json!(body), &json!(true))
        );
        p.app.stop().await;
    }
}

/// Steps the maintenance scheduler at `at`; returns how many maintenances it leased.
async fn step(app: &TestApp, at: DateTime<Utc>) -> usize {
    maintenance::run_due(app.state(), at, 50)
        .await
        .expect("scheduler step")
}

async fn monitor_status(app: &TestApp, user: &TestUser, id: &str) -> String {
    app.gql(
        Some(&user.token),
        "query($id: ID!) { monitor(id: $id) { status } }",
        json!({ "id": id }),
    )
    .await
    .ok()["monitor"]["status"]
        .as_str()
        .expect("status")
        .to_owned()
}

#[tokio::test]
async fn the_scheduler_reminds_starts_and_completes_a_maintenance_by_the_clock() {
    for backend in backends() {
        let p = page(&backend).await;
        let app = &p.app;
        let (start, end) = (
            Utc::now() + Duration::hours(48),
            Utc::now() + Duration::hours(50),
        );
        let made = p
            .ok(MAINTENANCE, json!({ "i": {
                "statusPageId": p.id, "title": "Database upgrade", "message": "Writes pause for two hours.",
                "scheduledFor": rfc(start), "scheduledUntil": rfc(end), "componentIds": [p.api],
                "reminderIntervals": [1, 24, 72],
            } }))
            .await["createMaintenance"]
            .clone();
        let id = made["id"].as_str().expect("id").to_owned();
        assert_eq!(made["remindPrior"], true, "[{backend}] on with intervals");
        assert_eq!(made["reminderIntervals"], json!([72, 24, 1]));
        let listed = read(app, &p.owner, &id).await;
        assert_eq!(
            statuses(&listed),
            [change(&p.api, "OPERATIONAL", "OPERATIONAL")],
            "listed, not changed yet"
        );
        assert_eq!(monitor_status(app, &p.owner, &p.monitor).await, "PENDING");

        let mut events = app.state().events.subscribe();
        assert_eq!(
            step(app, Utc::now()).await,
            0,
            "[{backend}] nothing due: the 72 h reminder had passed"
        );
        assert_eq!(
            step(app, start - Duration::hours(24) + Duration::minutes(1)).await,
            1
        );
        page_updated(&mut events, &p.id).await;
        assert_eq!(
            step(app, start - Duration::hours(23)).await,
            0,
            "[{backend}] a reminder goes once"
        );
        assert_eq!(read(app, &p.owner, &id).await["remindersSent"], json!([24]));
        assert_eq!(step(app, start - Duration::minutes(30)).await, 1);
        let reminded = read(app, &p.owner, &id).await;
        assert_eq!(
            (&reminded["remindersSent"], &reminded["status"]),
            (&json!([24, 1]), &json!("SCHEDULED"))
        );
        assert_eq!(audits(app, "status_page.maintenance.remind").await, 2);

        assert_eq!(step(app, start + Duration::seconds(5)).await, 1);
        page_updated(&mut events, &p.id).await;
        let running = read(app, &p.owner, &id).await;
        assert_eq!(running["status"], "IN_PROGRESS", "[{backend}]");
        assert_eq!(
            statuses(&running)[1],
            change(&p.api, "OPERATIONAL", "UNDER_MAINTENANCE")
        );
        assert_eq!(
            monitor_status(app, &p.owner, &p.monitor).await,
            "MAINTENANCE",
            "[{backend}]"
        );
        assert_eq!(
            step(app, start + Duration::minutes(1)).await,
            0,
            "[{backend}] started once"
        );

        // Verifying still holds the monitors; the end completes it.
        p.update(
            &id,
            json!({ "status": "VERIFYING", "message": "Checking." }),
        )
        .await;
        assert_eq!(
            monitor_status(app, &p.owner, &p.monitor).await,
            "MAINTENANCE"
        );
        assert_eq!(step(app, end + Duration::seconds(5)).await, 1);
        let done = read(app, &p.owner, &id).await;
        assert_eq!(done["status"], "COMPLETED", "[{backend}]");
        assert!(done["resolvedAt"].is_string());
        assert_eq!(
            statuses(&done)[2],
            change(&p.api, "UNDER_MAINTENANCE", "OPERATIONAL")
        );
        let timeline = column(&done, "updates", "status");
        assert_eq!(
            timeline,
            ["COMPLETED", "VERIFYING", "IN_PROGRESS", "SCHEDULED"]
        );
        assert_ne!(
            monitor_status(app, &p.owner, &p.monitor).await,
            "MAINTENANCE",
            "[{backend}] back to its checks"
        );
        assert_eq!(
            step(app, end + Duration::days(1)).await,
            0,
            "[{backend}] nothing left to do"
        );
        assert_eq!(audits(app, "status_page.maintenance.start").await, 1);
        assert_eq!(audits(app, "status_page.maintenance.complete").await, 1);
        let row = incidents::Entity::find_by_id(uuid(&id))
            .one(app.db())
            .await
            .expect("db")
            .expect("row");
        assert_eq!(
            (row.next_run_at, row.claimed_until),
            (None, None),
            "[{backend}] lease given back"
        );
        let late = json!({ "i": { "incidentId": id, "message": "late" } });
        refused(app, &p.owner.token, (UPDATE, late), "CONFLICT", None).await;
        p.app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_schedulers_at_once_make_each_transition_once() {
    for backend in backends() {
        let p = page(&backend).await;
        let app = &p.app;
        let start = Utc::now() + Duration::minutes(30);
        for n in 0..12 {
            p.ok(
                MAINTENANCE,
                json!({ "i": {
                "statusPageId": p.id, "title": format!("Window {n}"), "message": "Planned.",
                "scheduledFor": rfc(start), "scheduledUntil": rfc(start + Duration::hours(1)),
                "componentIds": [p.api], "reminderIntervals": [1],
            } }),
            )
            .await;
        }
        // Two scheduler instances (one per task, sharing nothing but the database) step at
        // the same moments: at the start, and when the windows end.
        for at in [start + Duration::minutes(1), start + Duration::hours(2)] {
            let (a, b) = (app.state().clone(), app.state().clone());
            let (x, y) = tokio::join!(
                tokio::spawn(async move { maintenance::run_due(&a, at, 5).await }),
                tokio::spawn(async move { maintenance::run_due(&b, at, 5).await }),
            );
            let mut leased = x.expect("task").expect("step") + y.expect("task").expect("step");
            // Batches of five: whatever one leased, the other did not; the rest follow.
            for _ in 0..12 {
                let more = step(app, at).await;
                leased += more;
                if more == 0 {
                    break;
                }
            }
            assert_eq!(
                leased, 12,
                "[{backend}] each maintenance leased once at {at}"
            );
        }
        assert_eq!(
            audits(app, "status_page.maintenance.start").await,
            12,
            "[{backend}]"
        );
        assert_eq!(
            audits(app, "status_page.maintenance.complete").await,
            12,
            "[{backend}]"
        );
        assert_eq!(
            audits(app, "status_page.maintenance.remind").await,
            0,
            "[{backend}] the hour had passed"
        );
        assert_eq!(
            app.count("incident_updates").await,
            36,
            "[{backend}] scheduled, started, completed: once each"
        );
        p.app.stop().await;
    }
}

/// An HTTP monitor on a loopback target, alerting to a Slack-like receiver.
async fn checked_monitor(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    target: &Target,
    slack: &Receiver,
) -> String {
    let provider = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "slack", "type": "SLACK", "config": { "webhookUrl": slack.url("/hook") } } }),
        )
        .await
        .ok()["createNotificationProvider"]["id"]
        .clone();
    app.gql(
        Some(&user.token),
        "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
        json!({ "i": { "projectId": project, "name": "Checkout", "type": "HTTP", "target": target.url("/m/api"), "notificationProviderIds": [provider] } }),
    )
    .await
    .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor")
        .to_owned()
}

/// Makes the monitor's checks due and runs them.
async fn check(app: &TestApp, monitor: &str) {
    monitor_locations::Entity::update_many()
        .col_expr(
            monitor_locations::Column::NextCheckAt,
            (Utc::now() - Duration::seconds(1)).into(),
        )
        .filter(monitor_locations::Column::MonitorId.eq(uuid(monitor)))
        .exec(app.db())
        .await
        .expect("due");
    assert!(app.engine("default").tick().await.expect("tick") >= 1);
}

async fn alerts(app: &TestApp, monitor: &str) -> usize {
    alert_history::Entity::find()
        .filter(alert_history::Column::MonitorId.eq(uuid(monitor)))
        .all(app.db())
        .await
        .expect("alerts")
        .len()
}

#[tokio::test]
async fn a_monitor_under_maintenance_holds_its_alerts_and_comes_back_after() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("oncall@example.com").await;
        let (_, project) = app.create_org(&owner, "Ops").await;
        let (target, slack) = (Target::start().await, Receiver::start().await);
        let monitor = checked_monitor(&app, &owner, &project, &target, &slack).await;
        check(&app, &monitor).await;
        assert_eq!(
            monitor_status(&app, &owner, &monitor).await,
            "UP",
            "[{backend}]"
        );

        let (page_id, api, _) = page_of(&app, &owner, &project, &[monitor.as_str()]).await;
        let start = Utc::now() + Duration::seconds(30);
        let input = json!({ "i": {
            "statusPageId": page_id, "title": "Checkout migration", "message": "Expect errors.",
            "scheduledFor": rfc(start), "scheduledUntil": rfc(start + Duration::hours(1)), "componentIds": [api],
        } });
        let made = app.gql(Some(&owner.token), MAINTENANCE, input).await.ok();
        let id = made["createMaintenance"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        assert_eq!(step(&app, start).await, 1);
        assert_eq!(
            monitor_status(&app, &owner, &monitor).await,
            "MAINTENANCE",
            "[{backend}]"
        );

        target.set("api", 503, "migrating");
        check(&app, &monitor).await;
        check(&app, &monitor).await;
        assert_eq!(
            alerts(&app, &monitor).await,
            0,
            "[{backend}] alerts held during maintenance"
        );
        assert_eq!(monitor_status(&app, &owner, &monitor).await, "MAINTENANCE");
        let last = monitor_results::Entity::find()
            .filter(monitor_results::Column::MonitorId.eq(uuid(&monitor)))
            .order_by_desc(monitor_results::Column::Id)
            .one(app.db())
            .await
            .expect("db")
            .expect("a result");
        assert!(!last.is_up);
        let held = &last.details.expect("details")["alertsHeldBy"];
        assert_eq!(
            held["maintenanceId"],
            id.as_str(),
            "[{backend}] the result says why"
        );
        assert_eq!(held["name"], "Checkout migration");

        // Completed by hand while the target still fails: the monitor goes back to its
        // checks, and the failure that outlasts the window alerts.
        app.gql(Some(&owner.token), RESOLVE, json!({ "id": id }))
            .await
            .ok();
        assert_eq!(
            monitor_status(&app, &owner, &monitor).await,
            "PENDING",
            "[{backend}] rechecked at once"
        );
        assert!(
            app.engine("default").tick().await.expect("tick") >= 1,
            "its check was due at once"
        );
        assert_eq!(monitor_status(&app, &owner, &monitor).await, "DOWN");
        assert_eq!(
            alerts(&app, &monitor).await,
            1,
            "[{backend}] one failure alert after the window"
        );
        target.set("api", 200, "fine");
        check(&app, &monitor).await;
        assert_eq!(monitor_status(&app, &owner, &monitor).await, "UP");
        app.stop().await;
    }
}

/// Every write of the incident API on incident `id`, page `page` and template `template`.
fn writes(page: &str, id: &str, template: &str) -> Vec<(&'static str, Value)> {
    let (soon, later) = (
        rfc(Utc::now() + Duration::hours(1)),
        rfc(Utc::now() + Duration::hours(2)),
    );
    vec![
        (
            CREATE,
            json!({ "i": { "statusPageId": page, "title": "x", "message": "x" } }),
        ),
        (UPDATE, json!({ "i": { "incidentId": id, "message": "x" } })),
        (RESOLVE, json!({ "id": id })),
        (
            "mutation($id: ID!) { deleteIncident(id: $id) }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { updateIncident(id: $id, input: { title: \"x\" }) { id } }",
            json!({ "id": id }),
        ),
        (
            MAINTENANCE,
            json!({ "i": { "statusPageId": page, "title": "x", "message": "x", "scheduledFor": soon, "scheduledUntil": later } }),
        ),
        (
            "mutation($id: ID!) { updateMaintenance(id: $id, input: { title: \"x\" }) { id } }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { savePostmortem(incidentId: $id, body: \"x\") { id } }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { publishPostmortem(incidentId: $id) { id } }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { unpublishPostmortem(incidentId: $id) { id } }",
            json!({ "id": id }),
        ),
        (
            TEMPLATE,
            json!({ "i": { "statusPageId": page, "name": "x", "title": "x", "body": "x" } }),
        ),
        (
            "mutation($id: ID!) { updateIncidentTemplate(id: $id, input: { name: \"x\" }) { id } }",
            json!({ "id": template }),
        ),
        (
            "mutation($id: ID!) { deleteIncidentTemplate(id: $id) }",
            json!({ "id": template }),
        ),
    ]
}

/// A page with an incident and a template: (page, incident id, template id).
async fn page_with_incident(backend: &vigil_tests::Backend) -> (Page, String, String) {
    let p = page(backend).await;
    let id = p
        .incident(json!({ "title": "Outage", "message": "Down.", "componentIds": [p.api] }))
        .await["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let made = p
        .ok(
            TEMPLATE,
            json!({ "i": { "statusPageId": p.id, "name": "t", "title": "t", "body": "t" } }),
        )
        .await;
    let template = made["createIncidentTemplate"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    (p, id, template)
}

#[tokio::test]
async fn viewers_read_and_editors_write() {
    for backend in backends() {
        let (p, id, template) = page_with_incident(&backend).await;
        let viewer = p
            .app
            .member(
                &p.owner,
                &p.org,
                &p.project,
                "viewer@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        assert_eq!(
            read(&p.app, &viewer, &id).await["title"],
            "Outage",
            "[{backend}] viewers read"
        );
        let lists = "query($p: ID!) { incidents(statusPageId: $p) { totalCount } incidentTemplates(statusPageId: $p) { totalCount } }";
        p.app
            .gql(Some(&viewer.token), lists, json!({ "p": p.id }))
            .await
            .ok();
        for write in writes(&p.id, &id, &template) {
            refused(&p.app, &viewer.token, write, "FORBIDDEN", None).await;
        }
        p.ok(
            "mutation($id: ID!) { deleteIncident(id: $id) }",
            json!({ "id": id }),
        )
        .await;
        assert_eq!(
            p.app.count("incidents").await,
            0,
            "[{backend}] editors delete"
        );
        assert_eq!(p.app.count("incident_updates").await, 0);
        assert_eq!(p.app.count("incident_components").await, 0);
        p.app.stop().await;
    }
}

#[tokio::test]
async fn another_tenant_finds_nothing_and_changes_nothing() {
    for backend in backends() {
        let (p, id, template) = page_with_incident(&backend).await;
        let other = p.app.sign_up("other@example.com").await;
        let (_, theirs) = p.app.create_org(&other, "Other").await;
        let (their_page, _, _) = page_of(&p.app, &other, &theirs, &[]).await;
        for write in writes(&p.id, &id, &template) {
            refused(&p.app, &other.token, write, "NOT_FOUND", None).await;
        }
        assert!(
            read(&p.app, &other, &id).await.is_null(),
            "[{backend}] incident(id) is null"
        );
        let hidden = p
            .app
            .gql(
                Some(&other.token),
                "query($id: ID!) { incidentTemplate(id: $id) { id } }",
                json!({ "id": template }),
            )
            .await
            .ok();
        assert!(hidden["incidentTemplate"].is_null());
        let list = (
            "query($p: ID!) { incidents(statusPageId: $p) { totalCount } }",
            json!({ "p": p.id }),
        );
        refused(&p.app, &other.token, list, "NOT_FOUND", None).await;
        // Nor can they reach this page's components or templates from their own page.
        let (soon, later) = (
            rfc(Utc::now() + Duration::hours(1)),
            rfc(Utc::now() + Duration::hours(2)),
        );
        let major = json!([{ "componentId": p.web, "status": "MAJOR_OUTAGE" }]);
        for (query, input, field) in [
            (
                CREATE,
                json!({ "title": "x", "message": "x", "componentIds": [p.api] }),
                "componentIds",
            ),
            (
                CREATE,
                json!({ "title": "x", "message": "x", "components": major }),
                "components",
            ),
            (CREATE, json!({ "templateId": template }), "templateId"),
            (
                MAINTENANCE,
                json!({ "title": "x", "message": "x", "scheduledFor": soon, "scheduledUntil": later, "componentIds": [p.api] }),
                "componentIds",
            ),
            (
                TEMPLATE,
                json!({ "name": "x", "title": "x", "body": "x", "componentIds": [p.api] }),
                "componentIds",
            ),
        ] {
            let vars = json!({ "i": with(json!({ "statusPageId": their_page }), input) });
            refused(
                &p.app,
                &other.token,
                (query, vars),
                "BAD_USER_INPUT",
                Some(field),
            )
            .await;
        }
        p.app.stop().await;
    }
}

#[tokio::test]
async fn bad_incidents_and_maintenance_get_a_clear_error_and_write_nothing() {
    for backend in backends() {
        let p = page(&backend).await;
        let now = Utc::now();
        let incident = |extra: Value| json!({ "i": with(json!({ "statusPageId": p.id, "title": "Outage", "message": "Down." }), extra) });
        let window = |extra: Value| {
            let base = json!({
                "statusPageId": p.id, "title": "Upgrade", "message": "Planned.",
                "scheduledFor": rfc(now + Duration::hours(1)), "scheduledUntil": rfc(now + Duration::hours(2)),
            });
            json!({ "i": with(base, extra) })
        };
        let hour_ago = rfc(now - Duration::hours(1));
        for (query, vars, field) in [
            (CREATE, incident(json!({ "title": "  " })), "title"),
            (
                CREATE,
                incident(json!({ "title": "t".repeat(201) })),
                "title",
            ),
            (
                CREATE,
                incident(json!({ "message": "m".repeat(10_001) })),
                "message",
            ),
            (
                CREATE,
                incident(json!({ "message": Value::Null })),
                "message",
            ),
            (CREATE, incident(json!({ "status": "SCHEDULED" })), "status"),
            (
                CREATE,
                incident(json!({ "backfilledAt": rfc(now + Duration::hours(1)) })),
                "backfilledAt",
            ),
            (
                CREATE,
                incident(json!({ "backfilledAt": hour_ago, "status": "INVESTIGATING" })),
                "status",
            ),
            (
                CREATE,
                incident(json!({ "componentIds": [Uuid::now_v7()] })),
                "componentIds",
            ),
            (
                CREATE,
                incident(json!({ "componentIds": ["not-an-id"] })),
                "componentIds",
            ),
            (
                CREATE,
                incident(json!({ "templateId": Uuid::now_v7() })),
                "templateId",
            ),
            (
                MAINTENANCE,
                window(json!({ "scheduledUntil": rfc(now + Duration::minutes(30)) })),
                "scheduledUntil",
            ),
            (
                MAINTENANCE,
                window(json!({ "scheduledFor": hour_ago })),
                "scheduledFor",
            ),
            (
                MAINTENANCE,
                window(json!({ "backfilled": true })),
                "scheduledUntil",
            ),
            (
                MAINTENANCE,
                window(json!({ "reminderIntervals": [0] })),
                "reminderIntervals",
            ),
            (
                MAINTENANCE,
                window(json!({ "reminderIntervals": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] })),
                "reminderIntervals",
            ),
            (MAINTENANCE, window(json!({ "title": "a\u{0}b" })), "title"),
        ] {
            refused(
                &p.app,
                &p.owner.token,
                (query, vars),
                "BAD_USER_INPUT",
                Some(field),
            )
            .await;
        }
        // A past maintenance may be recorded, completed at once.
        let past = window(
            json!({ "scheduledFor": rfc(now - Duration::days(2)), "scheduledUntil": rfc(now - Duration::days(1)), "backfilled": true }),
        );
        assert_eq!(
            p.ok(MAINTENANCE, past).await["createMaintenance"]["status"],
            "COMPLETED",
            "[{backend}]"
        );
        p.app.stop().await;
    }
}

#[tokio::test]
async fn bad_updates_get_a_clear_error_and_write_nothing() {
    for backend in backends() {
        let p = page(&backend).await;
        let (now, token) = (Utc::now(), p.owner.token.as_str());
        let id = p
            .incident(json!({ "title": "Outage", "message": "Down." }))
            .await["id"]
            .clone();
        let planned = p
            .ok(MAINTENANCE, json!({ "i": {
                "statusPageId": p.id, "title": "Upgrade", "message": "Planned.",
                "scheduledFor": rfc(now + Duration::hours(1)), "scheduledUntil": rfc(now + Duration::hours(2)),
            } }))
            .await["createMaintenance"]["id"]
            .clone();
        let unknown = json!([{ "componentId": Uuid::now_v7(), "status": "MAJOR_OUTAGE" }]);
        for (input, field) in [
            (
                json!({ "incidentId": id, "message": "x", "displayAt": rfc(now + Duration::hours(1)) }),
                "displayAt",
            ),
            (json!({ "incidentId": id, "message": "" }), "message"),
            (
                json!({ "incidentId": id, "message": "x", "components": unknown }),
                "components",
            ),
            (
                json!({ "incidentId": planned, "message": "x", "status": "RESOLVED" }),
                "status",
            ),
            (
                json!({ "incidentId": planned, "message": "x", "status": "VERIFYING" }),
                "status",
            ),
        ] {
            refused(
                &p.app,
                token,
                (UPDATE, json!({ "i": input })),
                "BAD_USER_INPUT",
                Some(field),
            )
            .await;
        }
        let reschedule = |id: &Value, input: Value| {
            (
                "mutation($id: ID!, $i: UpdateMaintenanceInput!) { updateMaintenance(id: $id, input: $i) { scheduledFor scheduledUntil } }",
                json!({ "id": id, "i": input }),
            )
        };
        let bad = [
            (
                reschedule(&planned, json!({ "scheduledUntil": rfc(now) })),
                "scheduledUntil",
            ),
            (
                reschedule(
                    &planned,
                    json!({ "scheduledFor": rfc(now - Duration::hours(3)) }),
                ),
                "scheduledFor",
            ),
            (reschedule(&id, json!({ "title": "x" })), "id"),
            (
                (
                    "query($p: ID!) { incidents(statusPageId: $p, first: -1) { totalCount } }",
                    json!({ "p": p.id }),
                ),
                "first",
            ),
        ];
        for (call, field) in bad {
            refused(&p.app, token, call, "BAD_USER_INPUT", Some(field)).await;
        }
        // Moving the window later is fine.
        let later = json!({ "scheduledFor": rfc(now + Duration::days(1)), "scheduledUntil": rfc(now + Duration::days(1) + Duration::hours(1)) });
        let (query, vars) = reschedule(&planned, later);
        assert!(
            p.ok(query, vars).await["updateMaintenance"]["scheduledFor"].is_string(),
            "[{backend}]"
        );
        p.app.stop().await;
    }
}
