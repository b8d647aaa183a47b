//! A tenant reaching for another tenant's objects by id, through every query, mutation and
//! subscription the schema has. The list is read from the running server's introspection, so an operation added
//! later is attacked without this file changing.
//!
//! A victim organization holds one object of each kind, named with a marker. A signed-in user of
//! another organization then calls each query and mutation that takes an ID (as an argument, or
//! inside an input object) with each of the victim's ids in every ID position, the other
//! required fields filled with plausible values. Nothing may come back: no victim object, no
//! marker and no victim address in any answer, and not one row of the database may change.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};
use vigil_tests::snapshot::Snapshot;
use vigil_tests::{TestApp, TestUser, Ws, backends};

/// In every name the victim gives, so that a leak shows in any answer.
const MARKER: &str = "VICTIM";

const INTROSPECTION: &str = r#"{ __schema {
  queryType { fields { name args { name type { ...T } } type { ...T } } }
  mutationType { fields { name args { name type { ...T } } type { ...T } } }
  subscriptionType { fields { name args { name type { ...T } } type { ...T } } }
  types { name kind inputFields { name type { ...T } } enumValues { name } fields { name } }
} }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }"#;

/// A type reference unwrapped: whether it is required, whether a list, and its named type.
struct Shape<'a> {
    required: bool,
    list: bool,
    name: &'a str,
    kind: &'a str,
}

fn shape(t: &Value) -> Shape<'_> {
    let required = t["kind"] == "NON_NULL";
    let mut t = if required { &t["ofType"] } else { t };
    let list = t["kind"] == "LIST";
    while t["name"].is_null() && !t["ofType"].is_null() {
        t = &t["ofType"];
    }
    Shape {
        required,
        list,
        name: t["name"].as_str().unwrap_or(""),
        kind: t["kind"].as_str().unwrap_or(""),
    }
}

/// The type reference as GraphQL writes it (`[ID!]!`).
fn written(t: &Value) -> String {
    match t["kind"].as_str() {
        Some("NON_NULL") => format!("{}!", written(&t["ofType"])),
        Some("LIST") => format!("[{}]", written(&t["ofType"])),
        _ => t["name"].as_str().unwrap_or("").to_owned(),
    }
}

struct Schema<'a> {
    types: &'a [Value],
}

impl<'a> Schema<'a> {
    fn named(&self, name: &str) -> &'a Value {
        self.types
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("no type {name}"))
    }

    /// Whether a value of `t` can carry an ID (itself, or a field of an input object).
    fn carries_id(&self, t: &Value, depth: usize) -> bool {
        let s = shape(t);
        match s.kind {
            "SCALAR" => s.name == "ID",
            "INPUT_OBJECT" if depth < 3 => self.named(s.name)["inputFields"]
                .as_array()
                .is_some_and(|fields| {
                    fields
                        .iter()
                        .any(|f| self.carries_id(&f["type"], depth + 1))
                }),
            _ => false,
        }
    }

    /// A value of `t` for the field `name`: `id` wherever an ID goes, a plausible value for the
    /// rest; `None` for an optional field that carries no ID.
    fn fill(&self, name: &str, t: &Value, id: &str, depth: usize) -> Option<Value> {
        let s = shape(t);
        if !s.required && !self.carries_id(t, depth) {
            return None;
        }
        let one = match s.kind {
            "SCALAR" => match s.name {
                "ID" => json!(id),
                "Int" => json!(1),
                "Float" => json!(1.0),
                "Boolean" => json!(false),
                "DateTime" => json!("2026-01-01T00:00:00Z"),
                "JSON" => json!({}),
                _ => json!(plausible(name)),
            },
            "ENUM" => self.named(s.name)["enumValues"][0]["name"].clone(),
            "INPUT_OBJECT" if depth < 3 => {
                let mut object = Map::new();
                for field in self.named(s.name)["inputFields"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    let field_name = field["name"].as_str().unwrap_or("");
                    if let Some(value) = self.fill(field_name, &field["type"], id, depth + 1) {
                        object.insert(field_name.to_owned(), value);
                    }
                }
                Value::Object(object)
            }
            _ => return None,
        };
        Some(if s.list { json!([one]) } else { one })
    }

    /// What to select of a field of type `t`: its type name, and the edges of a connection.
    fn selection(&self, t: &Value) -> &'static str {
        let s = shape(t);
        match s.kind {
            "OBJECT" | "INTERFACE" | "UNION" => {
                let fields = &self.named(s.name)["fields"];
                if fields
                    .as_array()
                    .is_some_and(|f| f.iter().any(|f| f["name"] == "edges"))
                {
                    "{ __typename edges { __typename } }"
                } else {
                    "{ __typename }"
                }
            }
            _ => "",
        }
    }
}

/// A string a validator would take for a field called `name`.
fn plausible(name: &str) -> String {
    let lower = name.to_lowercase();
    if lower.contains("email") {
        "attacker@example.com".into()
    } else if lower.contains("url") || lower == "target" {
        "http://127.0.0.1:9/".into()
    } else if lower.contains("cron") || lower.contains("schedule") {
        "*/5 * * * *".into()
    } else if lower.contains("key") {
        "ATTACKER_KEY".into()
    } else {
        "attacker".into()
    }
}

/// The operation calling `field` with `id` in every ID position, and its variables; `None` when
/// the field takes no ID.
fn operation(schema: &Schema, kind: &str, field: &Value, id: &str) -> Option<(String, Value)> {
    let args = field["args"].as_array()?;
    if !args.iter().any(|a| schema.carries_id(&a["type"], 0)) {
        return None;
    }
    let mut declared = Vec::new();
    let mut passed = Vec::new();
    let mut variables = Map::new();
    for arg in args {
        let name = arg["name"].as_str().unwrap_or("");
        if let Some(value) = schema.fill(name, &arg["type"], id, 0) {
            declared.push(format!("${name}: {}", written(&arg["type"])));
            passed.push(format!("{name}: ${name}"));
            variables.insert(name.to_owned(), value);
        }
    }
    let name = field["name"].as_str()?;
    Some((
        format!(
            "{kind}({}) {{ {name}({}) {} }}",
            declared.join(", "),
            passed.join(", "),
            schema.selection(&field["type"])
        ),
        Value::Object(variables),
    ))
}

/// Whether a query's answer holds something: an object, a non-empty list, a connection with
/// edges, or a scalar.
fn holds_something(data: &Value) -> bool {
    match data {
        Value::Null => false,
        Value::Array(items) => !items.is_empty(),
        Value::Object(object) => object
            .get("edges")
            .is_none_or(|edges| edges.as_array().is_some_and(|e| !e.is_empty())),
        _ => true,
    }
}

/// The victim: an organization with one of each kind of object, every name marked.
async fn victim(app: &TestApp) -> TestUser {
    let user = app.sign_up("victim@example.com").await;
    let (org, project) = app.create_org(&user, &format!("{MARKER} org")).await;
    let token = Some(user.token.as_str());
    let make = |mutation: &'static str, input: Value| async move {
        let field = mutation
            .split_once('(')
            .map(|(m, _)| m.trim())
            .unwrap_or(mutation);
        let selection = if field == "createApiKey" { "key" } else { "id" };
        let input_type = format!("{}Input", field[..1].to_uppercase() + &field[1..]);
        let data = app
            .gql(
                token,
                &format!("mutation($i: {input_type}!) {{ {field}(input: $i) {{ {selection} }} }}"),
                json!({ "i": input }),
            )
            .await
            .ok();
        data[field]["id"].as_str().unwrap_or("").to_owned()
    };
    let monitor = make(
        "createMonitor",
        json!({ "projectId": project, "name": format!("{MARKER} monitor"), "type": "HTTP", "target": "http://127.0.0.1:9/" }),
    )
    .await;
    let provider = make(
        "createNotificationProvider",
        json!({ "projectId": project, "name": format!("{MARKER} provider"), "type": "WEBHOOK", "config": { "url": "http://127.0.0.1:9/hook" } }),
    )
    .await;
    make(
        "createNotificationProvider",
        json!({ "organizationId": org, "name": format!("{MARKER} shared provider"), "type": "WEBHOOK", "config": { "url": "http://127.0.0.1:9/hook" } }),
    )
    .await;
    let hook = app
        .gql(
            token,
            "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerUrl } }",
            json!({ "i": { "projectId": project, "name": format!("{MARKER} callback"), "callbackUrl": "http://127.0.0.1:9/upstream" } }),
        )
        .await
        .ok();
    let callback = hook["createCallback"]["id"]
        .as_str()
        .expect("callback")
        .to_owned();
    let trigger = hook["createCallback"]["triggerUrl"]
        .as_str()
        .and_then(|url| url.split_once("/t/"))
        .map(|(_, token)| format!("{}/t/{token}", app.url))
        .expect("trigger url");
    make(
        "createAction",
        json!({ "callbackId": callback, "type": "HTTP_POST", "config": { "url": "http://127.0.0.1:9/action" } }),
    )
    .await;
    // One trigger: a callback log (its request body marked) and an action execution.
    app.http
        .post(&trigger)
        .body(format!("{MARKER} request body"))
        .send()
        .await
        .expect("trigger");
    let test = make(
        "createTest",
        json!({ "projectId": project, "title": format!("{MARKER} test"), "script": "// VICTIM script" }),
    )
    .await;
    make(
        "createJob",
        json!({ "projectId": project, "name": format!("{MARKER} job"), "testIds": [test], "notificationProviderIds": [provider] }),
    )
    .await;
    app.gql(
        token,
        "mutation($id: ID!) { runTest(id: $id) { id } }",
        json!({ "id": test }),
    )
    .await
    .ok();
    make(
        "createTag",
        json!({ "projectId": project, "name": format!("{MARKER}-tag") }),
    )
    .await;
    make(
        "createProjectVariable",
        json!({ "projectId": project, "key": "VICTIM_VARIABLE", "value": format!("{MARKER} value") }),
    )
    .await;
    make(
        "createServiceCredential",
        json!({ "projectId": project, "name": format!("{MARKER} credential"), "provider": "GENERIC", "secret": "victim-secret" }),
    )
    .await;
    make(
        "createApiKey",
        json!({ "name": format!("{MARKER} key"), "permission": "ADMIN", "projectId": project }),
    )
    .await;
    make(
        "inviteMember",
        json!({ "organizationId": org, "email": "invited@example.com", "role": "PROJECT_VIEWER", "projectIds": [project] }),
    )
    .await;
    let page = make(
        "createStatusPage",
        json!({ "projectId": project, "name": format!("{MARKER} page") }),
    )
    .await;
    make(
        "createStatusPageComponent",
        json!({ "statusPageId": page, "name": format!("{MARKER} component"), "monitorIds": [monitor] }),
    )
    .await;
    app.gql(
        token,
        "mutation($i: AddStatusPageSubscriberInput!) { addStatusPageSubscriber(input: $i) { __typename } }",
        json!({ "i": { "statusPageId": page, "mode": "EMAIL", "email": "victim.subscriber@example.com", "skipConfirmationNotification": true } }),
    )
    .await
    .ok();
    make(
        "createIncident",
        json!({ "statusPageId": page, "title": format!("{MARKER} incident"), "message": "Looking into it" }),
    )
    .await;
    make(
        "createIncidentTemplate",
        json!({ "statusPageId": page, "name": format!("{MARKER} template"), "title": format!("{MARKER} title"), "body": "body" }),
    )
    .await;
    user
}

/// The ids of the victim's (and the instance administrator's) objects.
fn ids_of(snapshot: &Snapshot) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for table in [
        "user",
        "organization",
        "member",
        "invitation",
        "projects",
        "project_variables",
        "tags",
        "service_credentials",
        "apikey",
        "session",
        "monitors",
        "tests",
        "jobs",
        "runs",
        "callbacks",
        "actions",
        "callback_logs",
        "action_executions",
        "notification_providers",
        "status_pages",
        "status_page_components",
        "status_page_subscribers",
        "incidents",
        "incident_updates",
        "incident_templates",
    ] {
        for row in snapshot.rows(table) {
            if let Some(id) = row["id"].as_str() {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

#[tokio::test]
async fn a_tenant_reaches_nothing_of_another_through_any_operation_that_takes_an_id() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        // The first account administers the instance; neither tenant does.
        app.sign_up("admin@example.com").await;
        victim(&app).await;
        let made = Snapshot::take_everything(&app).await;
        for table in [
            "callback_logs",
            "action_executions",
            "runs",
            "status_page_subscribers",
            "incidents",
            "invitation",
        ] {
            assert_eq!(made.count(table), 1, "[{backend}] the victim's {table}");
        }
        let ids = ids_of(&made);
        let attacker = app.sign_up("attacker@example.com").await;
        app.create_org(&attacker, "Attacker").await;
        let introspection = app
            .gql(Some(&attacker.token), INTROSPECTION, json!({}))
            .await
            .ok();
        let types = introspection["__schema"]["types"]
            .as_array()
            .expect("types")
            .clone();
        let schema = Schema { types: &types };
        let before = Snapshot::take_everything(&app).await;

        let mut calls = 0;
        let mut reached = Vec::new();
        for (kind, root) in [("query", "queryType"), ("mutation", "mutationType")] {
            for field in introspection["__schema"][root]["fields"]
                .as_array()
                .expect("fields")
            {
                let name = field["name"].as_str().expect("name");
                for id in &ids {
                    let Some((document, variables)) = operation(&schema, kind, field, id) else {
                        break;
                    };
                    calls += 1;
                    let answer = app.gql(Some(&attacker.token), &document, variables).await;
                    let text = answer.body.to_string();
                    if text.contains(MARKER) || text.contains("victim") {
                        reached.push(format!("{kind} {name}({id}) shows the victim's: {text}"));
                    }
                    if kind == "query" && holds_something(&answer.body["data"][name]) {
                        reached.push(format!("{kind} {name}({id}) answered {text}"));
                    }
                }
            }
        }
        // Subscriptions: each must be refused, not made live.
        let mut socket = Ws::open(&app, Some(&attacker.token)).await;
        for field in introspection["__schema"]["subscriptionType"]["fields"]
            .as_array()
            .expect("subscription fields")
        {
            let name = field["name"].as_str().expect("name");
            for id in &ids {
                let Some((document, variables)) = operation(&schema, "subscription", field, id)
                else {
                    break;
                };
                calls += 1;
                match socket
                    .refusal(&app, &calls.to_string(), &document, variables)
                    .await
                {
                    Ok(refusal) if refusal.to_string().contains(MARKER) => {
                        reached.push(format!(
                            "subscription {name}({id}) refused with the victim's: {refusal}"
                        ));
                    }
                    Ok(_) => {}
                    Err(live) => reached.push(format!("subscription {name}({id}): {live}")),
                }
            }
        }
        assert!(calls > 1000, "[{backend}] only {calls} calls were made");
        assert!(
            reached.is_empty(),
            "[{backend}] {} of {calls} calls reached the victim:\n{}",
            reached.len(),
            reached.join("\n")
        );
        let changes = before.changes(&Snapshot::take_everything(&app).await);
        assert!(
            changes.is_empty(),
            "[{backend}] {calls} calls changed {changes:?}"
        );
        app.stop().await;
    }
}
