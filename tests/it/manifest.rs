//! `vigil apply` / `vigil export` (monitoring as code, docs/manifest.md) against a running
//! server through its API, and `node(id)`.

use serde_json::{Value, json};
use vigil::manifest::{self, ApplyOptions, Client, Op, Report};
use vigil_tests::snapshot::Snapshot;
use vigil_tests::{TestApp, TestUser, backends, temp_dir};

const EXAMPLE: &str = include_str!("../../examples/vigil.yaml");

/// The environment the example's `${…}` references (and the export's placeholders) read.
fn env(name: &str) -> Option<String> {
    let value = match name {
        "SLACK_WEBHOOK" | "OPS_SLACK_WEBHOOKURL" => {
            "https://hooks.slack.com/services/T0/B0/abcdefgh"
        }
        "API_HEALTH_TOKEN" => "s3cr3t-token-value",
        "API_HEALTH_HEADERS_1_VALUE" => "Bearer s3cr3t-token-value",
        "DEPLOYS_HOOK_SECRET" | "DEPLOYS_ACTION1_SECRET" => {
            "whsec_dmlnaWwtZXhhbXBsZS1jaS1ob29rLXNlY3JldC0zMmI="
        }
        _ => return None,
    };
    Some(value.to_owned())
}

/// Asserts that nothing but the API keys' last use changed since `before`.
async fn unchanged(before: &Snapshot, app: &TestApp) {
    let changed = before.changes(&Snapshot::take_with_domains(app).await);
    assert!(
        changed.iter().all(|t| t.starts_with("apikey ")),
        "{changed:?}"
    );
}

/// A user, their organization's default project and an API key with `permission` on it.
async fn setup(app: &TestApp, email: &str, permission: &str) -> (TestUser, String, String) {
    let user = app.sign_up(email).await;
    let (_, project) = app.create_org(&user, email).await;
    let key = api_key(app, &user, &project, permission).await;
    (user, project, key)
}

async fn api_key(app: &TestApp, user: &TestUser, project: &str, permission: &str) -> String {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }",
        json!({ "i": { "name": "apply", "permission": permission, "projectId": project } }),
    )
    .await
    .ok()["createApiKey"]["key"]
        .as_str()
        .expect("a key")
        .to_owned()
}

async fn apply(
    app: &TestApp,
    key: &str,
    project: &str,
    text: &str,
    dry_run: bool,
    prune: bool,
) -> anyhow::Result<Report> {
    let client = Client::new(&app.url, key)?;
    let options = ApplyOptions {
        file: "vigil.yaml",
        text,
        project: Some(project),
        dry_run,
        prune,
        env: &env,
    };
    manifest::apply(&client, &options).await
}

fn ops(report: &Report) -> Vec<String> {
    report
        .plan
        .iter()
        .filter(|c| c.op != Op::Keep)
        .map(ToString::to_string)
        .collect()
}

#[tokio::test]
async fn the_example_applies_then_changes_nothing_and_exports_back_to_the_same() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let (_, project, key) = setup(&app, "ann@example.com", "WRITE").await;
        let first = apply(&app, &key, &project, EXAMPLE, false, false)
            .await
            .expect("apply");
        assert_eq!(ops(&first).len(), 9, "{first}");
        assert!(
            ops(&first).iter().all(|o| o.starts_with("create")),
            "{first}"
        );
        for (table, n) in [
            ("tags", 2),
            ("notification_providers", 1),
            ("tests", 1),
            ("jobs", 1),
            ("monitors", 3),
            ("callbacks", 1),
            ("actions", 1),
        ] {
            assert_eq!(app.count(table).await, n, "{table}");
        }

        let before = Snapshot::take_with_domains(&app).await;
        let audits = app.count("audit_logs").await;
        let again = apply(&app, &key, &project, EXAMPLE, false, false)
            .await
            .expect("again");
        assert_eq!(again.to_string(), "no changes\n");
        unchanged(&before, &app).await;
        assert_eq!(app.count("audit_logs").await, audits, "nothing written");

        let exported = manifest::export(&Client::new(&app.url, &key).expect("client"), &project)
            .await
            .expect("export");
        for secret in ["abcdefgh", "s3cr3t", "hooks.slack.com", "dmlnaWwtZXhh"] {
            assert!(!exported.contains(secret), "{secret} exported:\n{exported}");
        }
        assert!(exported.contains("${OPS_SLACK_WEBHOOKURL}"), "{exported}");
        assert!(exported.contains("${DEPLOYS_ACTION1_SECRET}"), "{exported}");
        assert!(
            exported.contains("${API_HEALTH_HEADERS_1_VALUE}"),
            "{exported}"
        );
        let round = apply(&app, &key, &project, &exported, false, true)
            .await
            .expect("round trip");
        assert_eq!(round.to_string(), "no changes\n", "exported:\n{exported}");
        assert_eq!(app.count("audit_logs").await, audits, "nothing written");
        app.stop().await;
    }
}

#[tokio::test]
async fn one_changed_field_is_one_update_dry_runs_write_nothing_and_prune_deletes() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let (_, project, key) = setup(&app, "ann@example.com", "WRITE").await;
        apply(&app, &key, &project, EXAMPLE, false, false)
            .await
            .expect("apply");

        let changed = EXAMPLE.replace("    interval: 5m\n", "    interval: 10m\n");
        let before = Snapshot::take_with_domains(&app).await;
        let audits = app.count("audit_logs").await;
        let dry = apply(&app, &key, &project, &changed, true, false)
            .await
            .expect("dry run");
        assert_eq!(
            ops(&dry),
            vec!["update monitor \"Database port\": interval"]
        );
        assert!(
            dry.to_string().ends_with("dry run: nothing changed\n"),
            "{dry}"
        );
        unchanged(&before, &app).await;

        let done = apply(&app, &key, &project, &changed, false, false)
            .await
            .expect("apply");
        assert_eq!(
            ops(&done),
            vec!["update monitor \"Database port\": interval"]
        );
        assert_eq!(
            app.count("audit_logs").await,
            audits + 1,
            "exactly one write"
        );
        let freq = app
            .gql(
                Some(&key),
                "query($p: ID!) { monitors(projectId: $p) { nodes { name frequencyMinutes } } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        assert!(
            freq["monitors"]["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .any(|m| m["name"] == "Database port" && m["frequencyMinutes"] == 10)
        );

        // A monitor the file no longer names: kept and listed without --prune, deleted with it.
        let start = changed
            .find("  - name: Nightly backup")
            .expect("the heartbeat");
        let end = changed.find("\ncallbacks:").expect("callbacks");
        let fewer = format!("{}{}", &changed[..start], &changed[end + 1..]);
        let kept = apply(&app, &key, &project, &fewer, false, false)
            .await
            .expect("kept");
        assert!(
            kept.to_string()
                .contains("keep   monitor \"Nightly backup\" (not in file, kept)"),
            "{kept}"
        );
        assert_eq!(app.count("monitors").await, 3);
        let pruned = apply(&app, &key, &project, &fewer, false, true)
            .await
            .expect("pruned");
        assert_eq!(ops(&pruned), vec!["delete monitor \"Nightly backup\""]);
        assert_eq!(app.count("monitors").await, 2);
        app.stop().await;
    }
}

/// `notify` may name the organization's organization-wide providers: the file links them but
/// does not manage them (an export names them without declaring them; `--prune` keeps them).
#[tokio::test]
async fn notify_names_organization_wide_providers_without_managing_them() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let (user, project, key) = setup(&app, "ann@example.com", "WRITE").await;
        let org = app
            .gql(
                Some(&user.token),
                "query($p: ID!) { project(id: $p) { organizationId } }",
                json!({ "p": project }),
            )
            .await
            .ok()["project"]["organizationId"]
            .clone();
        let shared = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
                json!({ "i": { "organizationId": org, "name": "Org pager", "type": "EMAIL",
                    "config": { "to": ["pager@example.com"] } } }),
            )
            .await
            .ok()["createNotificationProvider"]["id"]
            .clone();
        let text = format!(
            "version: 1\nproject: {project}\nmonitors:\n  - name: Site\n    type: HTTP\n    target: https://example.com/\n    interval: 5m\n    notify: [Org pager]\n"
        );
        let done = apply(&app, &key, &project, &text, false, true)
            .await
            .expect("apply");
        assert_eq!(ops(&done), vec!["create monitor \"Site\""], "[{backend}]");
        let linked = app
            .gql(
                Some(&key),
                "query($p: ID!) { monitors(projectId: $p) { nodes { notificationProviderIds } } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        assert_eq!(
            linked["monitors"]["nodes"][0]["notificationProviderIds"],
            json!([shared]),
            "[{backend}]"
        );
        let again = apply(&app, &key, &project, &text, false, true)
            .await
            .expect("again");
        assert!(ops(&again).is_empty(), "[{backend}] {again}");
        assert_eq!(app.count("notification_providers").await, 1);
        let exported = manifest::export(&Client::new(&app.url, &key).expect("client"), &project)
            .await
            .expect("export");
        assert!(exported.contains("notify:\n  - Org pager"), "{exported}");
        assert!(!exported.contains("notificationProviders:"), "{exported}");
        app.stop().await;
    }
}

#[tokio::test]
async fn errors_name_the_file_line_and_field_and_change_nothing() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let (_, project, key) = setup(&app, "ann@example.com", "WRITE").await;
        let before = Snapshot::take_with_domains(&app).await;
        let cases = [
            (
                EXAMPLE.replace("interval: 1m", "interval: often"),
                "vigil.yaml:48: monitors[0].interval: expected a duration like 60s",
            ),
            (
                EXAMPLE.replace(
                    "    enabled: true\n    config:",
                    "    enabled: maybe\n    config:",
                ),
                "vigil.yaml:15: notificationProviders[0].enabled: invalid boolean",
            ),
            (
                EXAMPLE.replace("    color: \"#d0312d\"", "    colour: \"#d0312d\""),
                "vigil.yaml:9: tags[0].colour: unknown field `colour`",
            ),
            (
                EXAMPLE.replace("tags: [production]", "tags: [prod]"),
                "vigil.yaml:45: monitors[0].tags: no tag named `prod`",
            ),
            (
                EXAMPLE.replace("interval: 1m", "interval: 90s"),
                "vigil.yaml:45: monitors[0].interval: must be whole minutes",
            ),
            (
                EXAMPLE.replace("${SLACK_WEBHOOK}", "${NOT_SET_ANYWHERE}"),
                "vigil.yaml:13: notificationProviders[0].config: environment variable NOT_SET_ANYWHERE is not set",
            ),
        ];
        for (text, expected) in cases {
            let err = apply(&app, &key, &project, &text, false, false)
                .await
                .expect_err(expected);
            assert!(
                err.to_string().starts_with(expected),
                "{err:#} (wanted {expected})"
            );
        }
        unchanged(&before, &app).await;
        // A value the server refuses: the file's place, then the API's code and field.
        let bad = EXAMPLE.replace(
            "expectedStatusCodes: [\"200\"]",
            "expectedStatusCodes: [\"abc\"]",
        );
        let err = apply(&app, &key, &project, &bad, false, false)
            .await
            .expect_err("refused");
        let text = format!("{err:#}");
        assert!(
            text.starts_with("vigil.yaml:45: monitors[0] \"API health\""),
            "{text}"
        );
        assert!(text.contains("BAD_USER_INPUT"), "{text}");
        // Objects before the refused one were created (apply is not one transaction);
        // applying the fixed file finishes the job.
        let fixed = apply(&app, &key, &project, EXAMPLE, false, false)
            .await
            .expect("fixed");
        assert!(
            ops(&fixed)
                .iter()
                .any(|o| o == "create monitor \"API health\""),
            "{fixed}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn keys_of_another_organization_or_read_only_change_nothing() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let (ann, project, _) = setup(&app, "ann@example.com", "WRITE").await;
        let read_only = api_key(&app, &ann, &project, "READ").await;
        let (_, _, mallory) = setup(&app, "mallory@example.com", "WRITE").await;
        let before = Snapshot::take_with_domains(&app).await;
        let err = apply(&app, &mallory, &project, EXAMPLE, false, false)
            .await
            .expect_err("other org");
        assert!(format!("{err:#}").contains("NOT_FOUND"), "{err:#}");
        let err = apply(&app, &read_only, &project, EXAMPLE, false, false)
            .await
            .expect_err("read only");
        assert!(format!("{err:#}").contains("FORBIDDEN"), "{err:#}");
        let err = apply(&app, "vgl_not_a_key", &project, EXAMPLE, false, false)
            .await
            .expect_err("no key");
        assert!(format!("{err:#}").contains("UNAUTHENTICATED"), "{err:#}");
        unchanged(&before, &app).await;
        // Oversized and script-laden values are the server's to refuse, field by field.
        let (_, mine, own_key) = setup(&app, "bob@example.com", "WRITE").await;
        let long = format!("version: 1\ntags:\n  - name: {}\n", "x".repeat(100_000));
        let err = apply(&app, &own_key, &mine, &long, false, false)
            .await
            .expect_err("too long");
        assert!(format!("{err:#}").contains("BAD_USER_INPUT"), "{err:#}");
        let script = "version: 1\ntags:\n  - name: x\n    color: \"<script>alert(1)</script>\"\n";
        let err = apply(&app, &own_key, &mine, script, false, false)
            .await
            .expect_err("not a colour");
        assert!(format!("{err:#}").contains("BAD_USER_INPUT"), "{err:#}");
        assert_eq!(app.count("tags").await, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn the_binary_applies_with_a_key_from_the_environment() {
    let backend = backends().remove(0);
    let app = TestApp::spawn(&backend).await;
    let (_, project, key) = setup(&app, "ann@example.com", "WRITE").await;
    let dir = temp_dir("apply-cli");
    // The server runs on this test's runtime: the binary is awaited, not waited for.
    let run = |args: &[&str]| {
        let mut cmd = vigil_tests::served::vigil_command(dir.path());
        cmd.args(args)
            .args(["--url", &app.url, "--project", &project])
            .env("VIGILCTL_API_KEY", &key)
            .env(
                "SLACK_WEBHOOK",
                "https://hooks.slack.com/services/T0/B0/abcdefgh",
            )
            .env("API_HEALTH_TOKEN", "s3cr3t-token-value")
            .env(
                "DEPLOYS_HOOK_SECRET",
                "whsec_dmlnaWwtZXhhbXBsZS1jaS1ob29rLXNlY3JldC0zMmI=",
            );
        async move {
            tokio::process::Command::from(cmd)
                .output()
                .await
                .expect("vigil")
        }
    };
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/vigil.yaml");
    let dry = run(&["apply", "-f", example, "--dry-run"]).await;
    let out = String::from_utf8_lossy(&dry.stdout);
    assert!(
        dry.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(
        out.contains("create monitor \"API health\"")
            && out.ends_with("dry run: nothing changed\n"),
        "{out}"
    );
    assert_eq!(app.count("monitors").await, 0);
    let done = run(&["apply", "-f", example]).await;
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let again = run(&["apply", "-f", example]).await;
    assert_eq!(String::from_utf8_lossy(&again.stdout), "no changes\n");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "version: 1\nmonitors:\n  - name: a\n    type: HTTP\n    interval: x\n",
    )
    .expect("write");
    let failed = run(&["apply", "-f", bad.to_str().expect("utf-8")]).await;
    assert!(!failed.status.success());
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(
        err.contains("bad.yaml:5: monitors[0].interval: expected a duration like 60s"),
        "{err}"
    );
    app.stop().await;
}

/// The id of `field` in `data`, e.g. `createMonitor.id`.
fn id(data: &Value, field: &str) -> String {
    data[field]["id"].as_str().expect("an id").to_owned()
}

#[tokio::test]
async fn node_finds_every_kind_as_its_typed_query_and_nothing_of_another_tenant() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let (ann, project, key) = setup(&app, "ann@example.com", "WRITE").await;
        apply(&app, &key, &project, EXAMPLE, false, false)
            .await
            .expect("apply");
        let listed = app
            .gql(Some(&ann.token), "query($p: ID!) { project(id: $p) { id organization { id } } monitors(projectId: $p, first: 1) { nodes { id } } tests(projectId: $p) { nodes { id } } jobs(projectId: $p) { nodes { id } } callbacks(projectId: $p) { nodes { id } } notificationProviders(projectId: $p) { nodes { id } } }", json!({ "p": project }))
            .await
            .ok();
        let job = listed["jobs"]["nodes"][0]["id"]
            .as_str()
            .expect("job")
            .to_owned();
        let run = app
            .gql(
                Some(&ann.token),
                "mutation($id: ID!) { triggerJob(id: $id) { id } }",
                json!({ "id": job }),
            )
            .await
            .ok();
        let page = app
            .gql(Some(&ann.token), "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id } }", json!({ "i": { "projectId": project, "name": "Status", "subdomain": "ann-status" } }))
            .await
            .ok();
        let page = id(&page, "createStatusPage");
        let incident = app
            .gql(Some(&ann.token), "mutation($i: CreateIncidentInput!) { createIncident(input: $i) { id } }", json!({ "i": { "statusPageId": page, "title": "Slow", "status": "INVESTIGATING", "impact": "MINOR", "message": "Looking", "componentIds": [] } }))
            .await
            .ok();
        let objects = [
            (
                "Organization",
                listed["project"]["organization"]["id"].clone(),
            ),
            ("Project", listed["project"]["id"].clone()),
            ("Monitor", listed["monitors"]["nodes"][0]["id"].clone()),
            ("Test", listed["tests"]["nodes"][0]["id"].clone()),
            ("Job", json!(job)),
            ("Run", json!(id(&run, "triggerJob"))),
            ("Callback", listed["callbacks"]["nodes"][0]["id"].clone()),
            ("StatusPage", json!(page)),
            ("Incident", json!(id(&incident, "createIncident"))),
            (
                "NotificationProvider",
                listed["notificationProviders"]["nodes"][0]["id"].clone(),
            ),
        ];
        let mallory = app.sign_up("mallory@example.com").await;
        let node = "query($id: ID!) { node(id: $id) { __typename id ... on Monitor { name } } }";
        let before = app.statements();
        for (kind, object) in &objects {
            let found = app
                .gql(Some(&ann.token), node, json!({ "id": object }))
                .await
                .ok();
            assert_eq!(found["node"]["__typename"], *kind);
            assert_eq!(found["node"]["id"], *object);
            let hidden = app
                .gql(Some(&mallory.token), node, json!({ "id": object }))
                .await
                .ok();
            assert_eq!(hidden["node"], Value::Null, "{kind} of another tenant");
        }
        assert!(app.statements() > before);
        let missing = app
            .gql(
                Some(&ann.token),
                node,
                json!({ "id": uuid::Uuid::now_v7().to_string() }),
            )
            .await
            .ok();
        assert_eq!(missing["node"], Value::Null);
        for bad in ["not-a-uuid", "", "' OR 1=1 --", &"a".repeat(10_000)] {
            let refused = app.gql(Some(&ann.token), node, json!({ "id": bad })).await;
            refused.expect_code("BAD_USER_INPUT");
        }
        app.gql(None, node, json!({ "id": objects[0].1 }))
            .await
            .expect_code("UNAUTHENTICATED");
        app.stop().await;
    }
}
