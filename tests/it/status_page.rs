//! Status pages through the API: pages, subdomains, publishing, components and the monitors
//! behind them, under project roles.

use serde_json::{Value, json};
use vigil_tests::{TestApp, TestUser, backends};

const CREATE_PAGE: &str = "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id subdomain url published } }";
const CREATE_COMPONENT: &str = "mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id name position status monitorIds } }";

async fn setup(backend: &vigil_tests::Backend) -> (TestApp, TestUser, String, String) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("pages@example.com").await;
    let (org, project) = app.create_org(&user, "Pages").await;
    (app, user, org, project)
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

async fn page(app: &TestApp, user: &TestUser, input: Value) -> Value {
    app.gql(Some(&user.token), CREATE_PAGE, json!({ "i": input }))
        .await
        .ok()["createStatusPage"]
        .clone()
}

#[tokio::test]
async fn pages_get_valid_unique_subdomains_and_publish() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let made = page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Acme Cloud", "subdomain": "Acme-Cloud" }),
        )
        .await;
        assert_eq!(made["subdomain"], "acme-cloud");
        assert!(
            made["url"]
                .as_str()
                .expect("present")
                .ends_with("/status/acme-cloud")
        );
        assert_eq!(made["published"], false);

        let generated = page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Acme Cloud" }),
        )
        .await;
        let sub = generated["subdomain"].as_str().expect("present");
        assert!(
            sub.starts_with("acme-cloud-") && sub != "acme-cloud",
            "{sub}"
        );

        let before = app.count("status_pages").await;
        for (subdomain, code) in [
            ("acme-cloud", "CONFLICT"),
            ("graphql", "BAD_USER_INPUT"),
            ("no_underscores", "BAD_USER_INPUT"),
            ("-dash", "BAD_USER_INPUT"),
        ] {
            let answer = app
                .gql(
                    Some(&user.token),
                    CREATE_PAGE,
                    json!({ "i": { "projectId": project, "name": "x", "subdomain": subdomain } }),
                )
                .await;
            answer.expect_code(code);
        }
        assert_eq!(
            app.count("status_pages").await,
            before,
            "a refused page was written"
        );

        let published = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { publishStatusPage(id: $id) { published } }",
                json!({ "id": made["id"] }),
            )
            .await
            .ok();
        assert_eq!(published["publishStatusPage"]["published"], true);
        let listed = app
            .gql(
                Some(&user.token),
                "query($p: ID!) { statusPages(projectId: $p) { totalCount nodes { subdomain published } } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        assert_eq!(listed["statusPages"]["totalCount"], 2);
        assert_eq!(listed["statusPages"]["nodes"][0]["published"], true);
        app.stop().await;
    }
}

#[tokio::test]
async fn components_are_ordered_and_link_only_monitors_of_the_project() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let api = monitor(&app, &user, &project, "api").await;
        let web = monitor(&app, &user, &project, "web").await;
        let made = page(&app, &user, json!({ "projectId": project, "name": "Acme" })).await;

        let first = app
            .gql(Some(&user.token), CREATE_COMPONENT, json!({ "i": { "statusPageId": made["id"], "name": "API", "monitorIds": [api, web, api] } }))
            .await
            .ok();
        let first = &first["createStatusPageComponent"];
        assert_eq!(first["position"], 0);
        assert_eq!(first["status"], "OPERATIONAL");
        let mut linked: Vec<&str> = first["monitorIds"]
            .as_array()
            .expect("present")
            .iter()
            .map(|v| v.as_str().expect("present"))
            .collect();
        linked.sort_unstable();
        let mut expected = vec![api.as_str(), web.as_str()];
        expected.sort_unstable();
        assert_eq!(linked, expected);
        let second = app
            .gql(
                Some(&user.token),
                CREATE_COMPONENT,
                json!({ "i": { "statusPageId": made["id"], "name": "Website" } }),
            )
            .await
            .ok();
        assert_eq!(second["createStatusPageComponent"]["position"], 1);

        // A monitor of another tenant's project cannot be linked, and nothing is written.
        let other = app.sign_up("other@example.com").await;
        let (_, theirs) = app.create_org(&other, "Other").await;
        let foreign = monitor(&app, &other, &theirs, "theirs").await;
        let before = app.count("status_page_components").await;
        app.gql(
            Some(&user.token),
            CREATE_COMPONENT,
            json!({ "i": { "statusPageId": made["id"], "name": "x", "monitorIds": [foreign] } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        // Nor can the other tenant add to or read this page.
        app.gql(
            Some(&other.token),
            CREATE_COMPONENT,
            json!({ "i": { "statusPageId": made["id"], "name": "x" } }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.gql(
            Some(&other.token),
            "query($id: ID!) { statusPage(id: $id) { name } }",
            json!({ "id": made["id"] }),
        )
        .await
        .expect_code("NOT_FOUND");
        assert_eq!(app.count("status_page_components").await, before);

        let read = app
            .gql(Some(&user.token), "query($id: ID!) { statusPage(id: $id) { components { name position monitors { weight } } } }", json!({ "id": made["id"] }))
            .await
            .ok();
        let components = read["statusPage"]["components"]
            .as_array()
            .expect("present");
        assert_eq!(components.len(), 2);
        assert_eq!(components[0]["name"], "API");
        assert_eq!(components[0]["monitors"][0]["weight"], 1);
        assert_eq!(components[1]["name"], "Website");
        app.stop().await;
    }
}

#[tokio::test]
async fn viewers_read_pages_and_editors_manage_them() {
    for backend in backends() {
        let (app, owner, org, project) = setup(&backend).await;
        let made = page(
            &app,
            &owner,
            json!({ "projectId": project, "name": "Acme" }),
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
        app.gql(
            Some(&viewer.token),
            "query($id: ID!) { statusPage(id: $id) { name } }",
            json!({ "id": made["id"] }),
        )
        .await
        .ok();
        for (query, vars) in [
            (
                CREATE_PAGE,
                json!({ "i": { "projectId": project, "name": "mine" } }),
            ),
            (
                "mutation($id: ID!) { publishStatusPage(id: $id) { id } }",
                json!({ "id": made["id"] }),
            ),
            (
                "mutation($id: ID!) { deleteStatusPage(id: $id) }",
                json!({ "id": made["id"] }),
            ),
            (
                CREATE_COMPONENT,
                json!({ "i": { "statusPageId": made["id"], "name": "x" } }),
            ),
        ] {
            app.gql(Some(&viewer.token), query, vars)
                .await
                .expect_code("FORBIDDEN");
        }
        assert_eq!(app.count("status_pages").await, 1);
        app.gql(
            Some(&owner.token),
            "mutation($id: ID!) { deleteStatusPage(id: $id) }",
            json!({ "id": made["id"] }),
        )
        .await
        .ok();
        assert_eq!(app.count("status_pages").await, 0);
        app.stop().await;
    }
}
