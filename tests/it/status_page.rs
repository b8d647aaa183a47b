//! Status pages through the API: pages, subdomains, publishing, settings, images, custom
//! domains, components and the monitors behind them, the components' live status and
//! `statusPageUpdated`, under project roles; every refused input changes nothing.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{Duration, Utc};
use entity::status_page_components::ComponentStatus;
use entity::{
    incident_components, incidents, monitor_locations, status_page_component_monitors,
    status_page_components, status_pages,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::dns::DnsServer;
use vigil_tests::snapshot::uuid;
use vigil_tests::target::Target;
use vigil_tests::ws::Ws;
use vigil_tests::{TestApp, TestUser, backends};

const CREATE_PAGE: &str = "mutation($i: CreateStatusPageInput!) { createStatusPage(input: $i) { id subdomain url published } }";
const CREATE_COMPONENT: &str = "mutation($i: CreateStatusPageComponentInput!) { createStatusPageComponent(input: $i) { id name position status monitorIds } }";
const PAGE_FIELDS: &str = "id name subdomain headline description supportUrl timezone theme hiddenFromSearch allowPageSubscribers allowIncidentSubscribers allowEmailSubscribers allowSmsSubscribers allowWebhookSubscribers notificationsFromEmail notificationsEmailFooter cssBodyBackgroundColor cssFontColor cssLightFontColor cssGreens cssYellows cssOranges cssBlues cssReds cssBorderColor cssGraphColor cssLinkColor cssNoData faviconUrl logoUrl heroCoverUrl emailLogoUrl twitterLogoUrl customDomain customDomainVerified customDomainVerification { recordName recordValue }";
const UPDATE_PAGE: &str = "mutation($id: ID!, $i: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $i) { id name subdomain headline description supportUrl timezone theme hiddenFromSearch allowPageSubscribers allowIncidentSubscribers allowEmailSubscribers allowSmsSubscribers allowWebhookSubscribers notificationsFromEmail notificationsEmailFooter cssBodyBackgroundColor cssFontColor cssLinkColor cssNoData } }";
const SET_IMAGE: &str = "mutation($id: ID!, $k: StatusPageImageKind!, $t: String, $d: String) { setStatusPageImage(id: $id, kind: $k, contentType: $t, dataBase64: $d) { faviconUrl logoUrl heroCoverUrl emailLogoUrl twitterLogoUrl } }";
const SET_DOMAIN: &str = "mutation($id: ID!, $d: String) { setStatusPageCustomDomain(id: $id, domain: $d) { customDomain customDomainVerified customDomainVerification { recordName recordValue } } }";
const VERIFY_DOMAIN: &str = "mutation($id: ID!) { verifyStatusPageCustomDomain(id: $id) { customDomain customDomainVerified } }";
const UPDATE_COMPONENT: &str = "mutation($id: ID!, $i: UpdateStatusPageComponentInput!) { updateStatusPageComponent(id: $id, input: $i) { id name description groupName showcase onlyShowIfDegraded aggregationMethod failureThreshold startDate status } }";
const DELETE_COMPONENT: &str = "mutation($id: ID!) { deleteStatusPageComponent(id: $id) }";
const REORDER: &str = "mutation($p: ID!, $ids: [ID!]!) { reorderStatusPageComponents(statusPageId: $p, componentIds: $ids) { components { id name position } } }";
const SET_MONITORS: &str = "mutation($c: ID!, $m: [ComponentMonitorInput!]!) { setStatusPageComponentMonitors(componentId: $c, monitors: $m) { id status monitors { monitorId weight } } }";
const READ_PAGE: &str =
    "query($id: ID!) { statusPage(id: $id) { components { id name position status groupName } } }";

/// The smallest PNG signature the server recognises (the bytes are only sniffed, not decoded).
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
const JPEG: &[u8] = &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0];

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
        let seen = app
            .gql(
                Some(&other.token),
                "query($id: ID!) { statusPage(id: $id) { name } }",
                json!({ "id": made["id"] }),
            )
            .await
            .ok();
        assert!(seen["statusPage"].is_null(), "{seen}");
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
        let seen = app
            .gql(
                Some(&viewer.token),
                "query($id: ID!) { statusPage(id: $id) { name } }",
                json!({ "id": made["id"] }),
            )
            .await
            .ok();
        assert_eq!(seen["statusPage"]["name"], "Acme");
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
            (
                UPDATE_PAGE,
                json!({ "id": made["id"], "i": { "headline": "x" } }),
            ),
            (
                SET_IMAGE,
                json!({ "id": made["id"], "k": "LOGO", "t": "image/png", "d": STANDARD.encode(PNG) }),
            ),
            (
                SET_DOMAIN,
                json!({ "id": made["id"], "d": "status.acme.com" }),
            ),
            (VERIFY_DOMAIN, json!({ "id": made["id"] })),
            (REORDER, json!({ "p": made["id"], "ids": [] })),
        ] {
            app.gql(Some(&viewer.token), query, vars)
                .await
                .expect_code("FORBIDDEN");
        }
        let part = component(&app, &owner, &made["id"], "API", &[]).await;
        for (query, vars) in [
            (
                UPDATE_COMPONENT,
                json!({ "id": part, "i": { "name": "x" } }),
            ),
            (DELETE_COMPONENT, json!({ "id": part })),
            (SET_MONITORS, json!({ "c": part, "m": [] })),
        ] {
            app.gql(Some(&viewer.token), query, vars)
                .await
                .expect_code("FORBIDDEN");
        }
        assert_eq!(app.count("status_pages").await, 1);
        assert_eq!(app.count("status_page_components").await, 1);
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

async fn component(
    app: &TestApp,
    user: &TestUser,
    page: &Value,
    name: &str,
    monitors: &[&str],
) -> String {
    app.gql(
        Some(&user.token),
        CREATE_COMPONENT,
        json!({ "i": { "statusPageId": page, "name": name, "monitorIds": monitors } }),
    )
    .await
    .ok()["createStatusPageComponent"]["id"]
        .as_str()
        .expect("component id")
        .to_owned()
}

/// Every row of the status page tables, to prove a refused call changed nothing.
async fn rows(app: &TestApp) -> Value {
    let db = app.db();
    json!({
        "pages": status_pages::Entity::find().order_by_asc(status_pages::Column::Id).into_json().all(db).await.expect("pages"),
        "components": status_page_components::Entity::find().order_by_asc(status_page_components::Column::Id).into_json().all(db).await.expect("components"),
        "links": status_page_component_monitors::Entity::find()
            .order_by_asc(status_page_component_monitors::Column::ComponentId)
            .order_by_asc(status_page_component_monitors::Column::MonitorId)
            .into_json().all(db).await.expect("links"),
    })
}

async fn page_row(app: &TestApp, id: &Value) -> status_pages::Model {
    status_pages::Entity::find_by_id(uuid(id.as_str().expect("id")))
        .one(app.db())
        .await
        .expect("db")
        .expect("the page")
}

#[tokio::test]
async fn settings_are_checked_stored_and_shown() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let made = page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Acme", "subdomain": "acme" }),
        )
        .await;
        page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Taken", "subdomain": "taken" }),
        )
        .await;
        let updated = app
            .gql(
                Some(&user.token),
                UPDATE_PAGE,
                json!({ "id": made["id"], "i": {
                    "name": "Acme Cloud", "subdomain": "Acme-Cloud", "headline": "All systems go",
                    "description": "Status of <b>Acme</b>", "supportUrl": "https://help.acme.com/contact us",
                    "timezone": "Europe/Paris", "theme": "DARK", "hiddenFromSearch": true,
                    "allowPageSubscribers": false, "allowSmsSubscribers": true, "allowWebhookSubscribers": true,
                    "notificationsFromEmail": "Status@Acme.com", "notificationsEmailFooter": "Acme Inc.",
                    "cssBodyBackgroundColor": "#FFFFFF", "cssFontColor": "#333333", "cssLinkColor": "#0a58ca",
                } }),
            )
            .await
            .ok();
        let p = &updated["updateStatusPage"];
        assert_eq!(p["name"], "Acme Cloud");
        assert_eq!(p["subdomain"], "acme-cloud");
        assert_eq!(p["headline"], "All systems go");
        assert_eq!(p["description"], "Status of <b>Acme</b>");
        assert_eq!(p["supportUrl"], "https://help.acme.com/contact%20us");
        assert_eq!(p["timezone"], "Europe/Paris");
        assert_eq!(p["theme"], "DARK");
        assert_eq!(p["hiddenFromSearch"], true);
        assert_eq!(p["allowPageSubscribers"], false);
        assert_eq!(p["allowIncidentSubscribers"], true, "left out, kept");
        assert_eq!(p["allowSmsSubscribers"], true);
        assert_eq!(p["notificationsFromEmail"], "status@acme.com");
        assert_eq!(p["cssBodyBackgroundColor"], "#ffffff");
        assert_eq!(p["cssLinkColor"], "#0a58ca");
        assert!(p["cssNoData"].is_null());
        let row = page_row(&app, &made["id"]).await;
        assert_eq!(row.theme, Some(json!({ "mode": "dark" })));

        // Empty texts clear; left-out fields stay.
        let cleared = app
            .gql(
                Some(&user.token),
                UPDATE_PAGE,
                json!({ "id": made["id"], "i": { "headline": "", "timezone": "", "cssFontColor": "", "supportUrl": "" } }),
            )
            .await
            .ok();
        let c = &cleared["updateStatusPage"];
        assert!(c["headline"].is_null() && c["timezone"].is_null() && c["cssFontColor"].is_null());
        assert!(c["supportUrl"].is_null());
        assert_eq!(c["cssBodyBackgroundColor"], "#ffffff");
        assert_eq!(c["theme"], "DARK");

        // Every bad value is refused by name, and nothing changes.
        let before = rows(&app).await;
        let long = "x".repeat(2_001);
        for (input, code, field) in [
            (
                json!({ "cssBodyBackgroundColor": "#fff;}</style><script>alert(1)</script>" }),
                "BAD_USER_INPUT",
                "cssBodyBackgroundColor",
            ),
            (
                json!({ "cssLinkColor": "red" }),
                "BAD_USER_INPUT",
                "cssLinkColor",
            ),
            (
                json!({ "cssGreens": "#00ff00; background:url(//evil)" }),
                "BAD_USER_INPUT",
                "cssGreens",
            ),
            (
                json!({ "supportUrl": "javascript:alert(document.cookie)" }),
                "BAD_USER_INPUT",
                "supportUrl",
            ),
            (
                json!({ "supportUrl": "data:text/html,<script>alert(1)</script>" }),
                "BAD_USER_INPUT",
                "supportUrl",
            ),
            (
                json!({ "timezone": "Mars/Olympus_Mons" }),
                "BAD_USER_INPUT",
                "timezone",
            ),
            (
                json!({ "notificationsFromEmail": "not an address" }),
                "BAD_USER_INPUT",
                "notificationsFromEmail",
            ),
            (
                json!({ "notificationsEmailFooter": long }),
                "BAD_USER_INPUT",
                "notificationsEmailFooter",
            ),
            (
                json!({ "headline": "two\nlines" }),
                "BAD_USER_INPUT",
                "headline",
            ),
            (json!({ "name": "" }), "BAD_USER_INPUT", "name"),
            (
                json!({ "subdomain": "graphql" }),
                "BAD_USER_INPUT",
                "subdomain",
            ),
            (
                json!({ "subdomain": "<script>" }),
                "BAD_USER_INPUT",
                "subdomain",
            ),
            // A good value beside a bad one is not written either.
            (
                json!({ "headline": "fine", "cssReds": "#12345" }),
                "BAD_USER_INPUT",
                "cssReds",
            ),
        ] {
            let answer = app
                .gql(
                    Some(&user.token),
                    UPDATE_PAGE,
                    json!({ "id": made["id"], "i": input }),
                )
                .await;
            answer.expect_code(code);
            assert_eq!(answer.field(), Some(field), "{}", answer.body);
        }
        app.gql(
            Some(&user.token),
            UPDATE_PAGE,
            json!({ "id": made["id"], "i": { "subdomain": "Taken" } }),
        )
        .await
        .expect_code("CONFLICT");
        app.gql(
            Some(&user.token),
            UPDATE_PAGE,
            json!({ "id": made["id"], "i": { "theme": "NEON" } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        // Another tenant cannot see or change the page.
        let other = app.sign_up("other@example.com").await;
        app.gql(
            Some(&other.token),
            UPDATE_PAGE,
            json!({ "id": made["id"], "i": { "name": "mine" } }),
        )
        .await
        .expect_code("NOT_FOUND");
        assert_eq!(
            rows(&app).await,
            before,
            "a refused update changed something"
        );

        let read = app
            .gql(
                Some(&user.token),
                &format!("query($id: ID!) {{ statusPage(id: $id) {{ {PAGE_FIELDS} }} }}"),
                json!({ "id": made["id"] }),
            )
            .await
            .ok();
        assert_eq!(read["statusPage"]["subdomain"], "acme-cloud");
        assert!(read["statusPage"]["customDomainVerification"].is_null());
        assert!(read["statusPage"]["logoUrl"].is_null());
        app.stop().await;
    }
}

#[tokio::test]
async fn images_are_sniffed_stored_replaced_and_cleared() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let made = page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Acme", "subdomain": "acme-img" }),
        )
        .await;
        let set = |kind: &str, content_type: Option<&str>, data: Option<String>| json!({ "id": made["id"], "k": kind, "t": content_type, "d": data });
        let first = app
            .gql(
                Some(&user.token),
                SET_IMAGE,
                set("LOGO", Some("image/png"), Some(STANDARD.encode(PNG))),
            )
            .await
            .ok();
        let url = first["setStatusPageImage"]["logoUrl"]
            .as_str()
            .expect("a URL");
        assert!(url.ends_with("/status/acme-img/images/logo"), "{url}");
        assert!(first["setStatusPageImage"]["faviconUrl"].is_null());
        let key = page_row(&app, &made["id"])
            .await
            .transactional_logo
            .expect("a key");
        let page_id = made["id"].as_str().expect("id");
        assert!(
            key.starts_with(&format!("status-pages/{page_id}/logo-")) && key.ends_with(".png"),
            "{key}"
        );
        let stored = app
            .state()
            .storage
            .get(&key)
            .await
            .expect("storage")
            .expect("stored");
        assert_eq!(stored.bytes.as_ref(), PNG);

        // Each kind has its column and URL name.
        for (kind, field, name) in [
            ("FAVICON", "faviconUrl", "favicon"),
            ("HERO", "heroCoverUrl", "hero"),
            ("EMAIL_LOGO", "emailLogoUrl", "email-logo"),
            ("TWITTER_LOGO", "twitterLogoUrl", "twitter-logo"),
        ] {
            let answer = app
                .gql(
                    Some(&user.token),
                    SET_IMAGE,
                    set(kind, Some("image/jpeg"), Some(STANDARD.encode(JPEG))),
                )
                .await
                .ok();
            let url = answer["setStatusPageImage"][field].as_str().expect("a URL");
            assert!(url.ends_with(&format!("/images/{name}")), "{url}");
        }

        // Refused: SVG (declared or disguised), HTML posing as PNG, a type that lies, too large,
        // not base64; nothing changes and the stored logo stays.
        let before = rows(&app).await;
        let svg = STANDARD.encode(b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>");
        let mut big = PNG.to_vec();
        big.resize(700 * 1024 + 1, 0);
        for (content_type, data, field) in [
            (Some("image/svg+xml"), svg.clone(), "contentType"),
            (Some("image/png"), svg, "dataBase64"),
            (
                Some("image/png"),
                STANDARD.encode(b"<!doctype html><script>alert(1)</script>"),
                "dataBase64",
            ),
            (Some("image/jpeg"), STANDARD.encode(PNG), "contentType"),
            (None, STANDARD.encode(PNG), "contentType"),
            (Some("image/png"), STANDARD.encode(&big), "dataBase64"),
            (Some("image/png"), "%%%".to_owned(), "dataBase64"),
        ] {
            let answer = app
                .gql(
                    Some(&user.token),
                    SET_IMAGE,
                    set("LOGO", content_type, Some(data)),
                )
                .await;
            answer.expect_code("BAD_USER_INPUT");
            assert_eq!(answer.field(), Some(field), "{}", answer.body);
        }
        let other = app.sign_up("other@example.com").await;
        app.gql(
            Some(&other.token),
            SET_IMAGE,
            set("LOGO", Some("image/png"), Some(STANDARD.encode(PNG))),
        )
        .await
        .expect_code("NOT_FOUND");
        assert_eq!(rows(&app).await, before);
        assert!(
            app.state()
                .storage
                .get(&key)
                .await
                .expect("storage")
                .is_some()
        );

        // Replacing deletes the old object; clearing deletes the last one.
        app.gql(
            Some(&user.token),
            SET_IMAGE,
            set("LOGO", Some("image/jpeg"), Some(STANDARD.encode(JPEG))),
        )
        .await
        .ok();
        let replaced = page_row(&app, &made["id"])
            .await
            .transactional_logo
            .expect("a key");
        assert!(replaced.ends_with(".jpg") && replaced != key);
        assert!(
            app.state()
                .storage
                .get(&key)
                .await
                .expect("storage")
                .is_none(),
            "the old logo stayed"
        );
        let cleared = app
            .gql(Some(&user.token), SET_IMAGE, set("LOGO", None, None))
            .await
            .ok();
        assert!(cleared["setStatusPageImage"]["logoUrl"].is_null());
        assert!(
            page_row(&app, &made["id"])
                .await
                .transactional_logo
                .is_none()
        );
        assert!(
            app.state()
                .storage
                .get(&replaced)
                .await
                .expect("storage")
                .is_none()
        );

        // Deleting the page deletes its images.
        let favicon = page_row(&app, &made["id"])
            .await
            .favicon_logo
            .expect("a key");
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { deleteStatusPage(id: $id) }",
            json!({ "id": made["id"] }),
        )
        .await
        .ok();
        assert!(
            app.state()
                .storage
                .get(&favicon)
                .await
                .expect("storage")
                .is_none()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn custom_domains_are_claimed_once_and_verified_by_a_txt_record() {
    for backend in backends() {
        let dns = DnsServer::start().await;
        let resolver = dns.resolver();
        let app = TestApp::spawn_with(&backend, |s| {
            s.integrations.dns_resolver = Some(resolver);
            s.base_url = Some("https://vigil.example.net".into());
        })
        .await;
        let user = app.sign_up("pages@example.com").await;
        let (_, project) = app.create_org(&user, "Pages").await;
        let made = page(&app, &user, json!({ "projectId": project, "name": "Acme" })).await;
        let second = page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Second" }),
        )
        .await;

        let set = app
            .gql(
                Some(&user.token),
                SET_DOMAIN,
                json!({ "id": made["id"], "d": "Status.Acme.COM" }),
            )
            .await
            .ok();
        let set = &set["setStatusPageCustomDomain"];
        assert_eq!(set["customDomain"], "status.acme.com");
        assert_eq!(set["customDomainVerified"], false);
        let record = &set["customDomainVerification"];
        assert_eq!(record["recordName"], "_vigil-challenge.status.acme.com");
        let value = record["recordValue"].as_str().expect("a value").to_owned();

        // Claimed once; Vigil's own host, IPs and junk are refused; nothing changes.
        let before = rows(&app).await;
        for (domain, code) in [
            ("status.acme.com", "CONFLICT"),
            ("STATUS.ACME.COM.", "CONFLICT"),
            ("vigil.example.net", "BAD_USER_INPUT"),
            ("acme.vigil.example.net", "BAD_USER_INPUT"),
            ("127.0.0.1", "BAD_USER_INPUT"),
            ("[::1]", "BAD_USER_INPUT"),
            ("localhost", "BAD_USER_INPUT"),
            ("https://status.acme.org/", "BAD_USER_INPUT"),
            (
                "status.acme.org\"><script>alert(1)</script>",
                "BAD_USER_INPUT",
            ),
        ] {
            app.gql(
                Some(&user.token),
                SET_DOMAIN,
                json!({ "id": second["id"], "d": domain }),
            )
            .await
            .expect_code(code);
        }
        let other = app.sign_up("other@example.com").await;
        app.gql(
            Some(&other.token),
            SET_DOMAIN,
            json!({ "id": made["id"], "d": "status.evil.com" }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.gql(
            Some(&other.token),
            VERIFY_DOMAIN,
            json!({ "id": made["id"] }),
        )
        .await
        .expect_code("NOT_FOUND");
        // No record yet, then a wrong one: the error says what was found.
        let missing = app
            .gql(
                Some(&user.token),
                VERIFY_DOMAIN,
                json!({ "id": made["id"] }),
            )
            .await;
        missing.expect_code("BAD_USER_INPUT");
        assert!(
            missing
                .message()
                .contains("_vigil-challenge.status.acme.com"),
            "{}",
            missing.body
        );
        dns.set(
            "_vigil-challenge.status.acme.com",
            vec![DnsServer::txt("vigil-verification=0000")],
        );
        let wrong = app
            .gql(
                Some(&user.token),
                VERIFY_DOMAIN,
                json!({ "id": made["id"] }),
            )
            .await;
        wrong.expect_code("BAD_USER_INPUT");
        assert!(
            wrong.message().contains("vigil-verification=0000"),
            "{}",
            wrong.body
        );
        // The second page cannot verify without a domain.
        app.gql(
            Some(&user.token),
            VERIFY_DOMAIN,
            json!({ "id": second["id"] }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        assert_eq!(
            rows(&app).await,
            before,
            "a refused claim or check changed something"
        );

        // The right record verifies the page.
        dns.set(
            "_vigil-challenge.status.acme.com",
            vec![
                DnsServer::txt("google-site-verification=x"),
                DnsServer::txt(&value),
            ],
        );
        let verified = app
            .gql(
                Some(&user.token),
                VERIFY_DOMAIN,
                json!({ "id": made["id"] }),
            )
            .await
            .ok();
        assert_eq!(
            verified["verifyStatusPageCustomDomain"]["customDomainVerified"],
            true
        );
        assert!(dns.queries() >= 3);

        // The same record does not verify another page on another domain that points there.
        app.gql(
            Some(&user.token),
            SET_DOMAIN,
            json!({ "id": second["id"], "d": "status.acme.org" }),
        )
        .await
        .ok();
        dns.set(
            "_vigil-challenge.status.acme.org",
            vec![DnsServer::txt(&value)],
        );
        app.gql(
            Some(&user.token),
            VERIFY_DOMAIN,
            json!({ "id": second["id"] }),
        )
        .await
        .expect_code("BAD_USER_INPUT");

        // Moving to another domain starts unverified; removing it frees the name.
        let moved = app
            .gql(
                Some(&user.token),
                SET_DOMAIN,
                json!({ "id": made["id"], "d": "status.acme.net" }),
            )
            .await
            .ok();
        assert_eq!(
            moved["setStatusPageCustomDomain"]["customDomainVerified"],
            false
        );
        assert_ne!(
            moved["setStatusPageCustomDomain"]["customDomainVerification"]["recordValue"],
            value.as_str()
        );
        app.gql(
            Some(&user.token),
            SET_DOMAIN,
            json!({ "id": made["id"], "d": null }),
        )
        .await
        .ok();
        let row = page_row(&app, &made["id"]).await;
        assert!(row.custom_domain.is_none() && !row.custom_domain_verified);
        app.gql(
            Some(&user.token),
            SET_DOMAIN,
            json!({ "id": second["id"], "d": "status.acme.net" }),
        )
        .await
        .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn components_are_updated_reordered_relinked_and_deleted() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let api = monitor(&app, &user, &project, "api").await;
        let web = monitor(&app, &user, &project, "web").await;
        let made = page(&app, &user, json!({ "projectId": project, "name": "Acme" })).await;
        let a = component(&app, &user, &made["id"], "API", &[api.as_str()]).await;
        let b = component(&app, &user, &made["id"], "Website", &[]).await;
        let c = component(&app, &user, &made["id"], "Database", &[]).await;

        let updated = app
            .gql(
                Some(&user.token),
                UPDATE_COMPONENT,
                json!({ "id": a, "i": { "name": "Public API", "description": "REST and GraphQL", "groupName": "Core",
                    "showcase": false, "onlyShowIfDegraded": true, "aggregationMethod": "WEIGHTED_AVERAGE",
                    "failureThreshold": 2, "startDate": "2026-01-01T00:00:00Z" } }),
            )
            .await
            .ok();
        let u = &updated["updateStatusPageComponent"];
        assert_eq!(u["name"], "Public API");
        assert_eq!(u["groupName"], "Core");
        assert_eq!(u["showcase"], false);
        assert_eq!(u["onlyShowIfDegraded"], true);
        assert_eq!(u["aggregationMethod"], "WEIGHTED_AVERAGE");
        assert_eq!(u["failureThreshold"], 2);
        assert!(
            u["startDate"]
                .as_str()
                .expect("a date")
                .starts_with("2026-01-01T00:00:00")
        );
        let cleared = app
            .gql(
                Some(&user.token),
                UPDATE_COMPONENT,
                json!({ "id": a, "i": { "groupName": "", "startDate": null } }),
            )
            .await
            .ok();
        assert!(cleared["updateStatusPageComponent"]["groupName"].is_null());
        assert!(cleared["updateStatusPageComponent"]["startDate"].is_null());
        assert_eq!(
            cleared["updateStatusPageComponent"]["failureThreshold"], 2,
            "left out, kept"
        );

        let reordered = app
            .gql(
                Some(&user.token),
                REORDER,
                json!({ "p": made["id"], "ids": [c, a, b] }),
            )
            .await
            .ok();
        let names: Vec<&str> = reordered["reorderStatusPageComponents"]["components"]
            .as_array()
            .expect("components")
            .iter()
            .map(|c| c["name"].as_str().expect("name"))
            .collect();
        assert_eq!(names, ["Database", "Public API", "Website"]);

        let relinked = app
            .gql(
                Some(&user.token),
                SET_MONITORS,
                json!({ "c": b, "m": [{ "monitorId": web, "weight": 70 }, { "monitorId": api }] }),
            )
            .await
            .ok();
        let mut weights: Vec<i64> = relinked["setStatusPageComponentMonitors"]["monitors"]
            .as_array()
            .expect("monitors")
            .iter()
            .map(|m| m["weight"].as_i64().expect("weight"))
            .collect();
        weights.sort_unstable();
        assert_eq!(weights, [1, 70]);

        // Another tenant's page, component and monitor; refused inputs change nothing.
        let other = app.sign_up("other@example.com").await;
        let (_, theirs) = app.create_org(&other, "Other").await;
        let foreign_monitor = monitor(&app, &other, &theirs, "theirs").await;
        let their_page = page(
            &app,
            &other,
            json!({ "projectId": theirs, "name": "Theirs" }),
        )
        .await;
        let foreign = component(&app, &other, &their_page["id"], "Theirs", &[]).await;
        let before = rows(&app).await;
        for (query, vars, code) in [
            (
                UPDATE_COMPONENT,
                json!({ "id": a, "i": { "failureThreshold": 0 } }),
                "BAD_USER_INPUT",
            ),
            (
                UPDATE_COMPONENT,
                json!({ "id": a, "i": { "failureThreshold": 201 } }),
                "BAD_USER_INPUT",
            ),
            (
                UPDATE_COMPONENT,
                json!({ "id": a, "i": { "name": "x".repeat(201) } }),
                "BAD_USER_INPUT",
            ),
            (
                UPDATE_COMPONENT,
                json!({ "id": a, "i": { "groupName": "a\u{0}b" } }),
                "BAD_USER_INPUT",
            ),
            (
                UPDATE_COMPONENT,
                json!({ "id": foreign, "i": { "name": "mine" } }),
                "NOT_FOUND",
            ),
            (DELETE_COMPONENT, json!({ "id": foreign }), "NOT_FOUND"),
            (
                REORDER,
                json!({ "p": made["id"], "ids": [c, a, foreign] }),
                "BAD_USER_INPUT",
            ),
            (
                REORDER,
                json!({ "p": made["id"], "ids": [c, a] }),
                "BAD_USER_INPUT",
            ),
            (
                REORDER,
                json!({ "p": made["id"], "ids": [c, a, a] }),
                "BAD_USER_INPUT",
            ),
            (
                REORDER,
                json!({ "p": made["id"], "ids": [c, a, b, b] }),
                "BAD_USER_INPUT",
            ),
            (
                REORDER,
                json!({ "p": their_page["id"], "ids": [foreign] }),
                "NOT_FOUND",
            ),
            (
                SET_MONITORS,
                json!({ "c": b, "m": [{ "monitorId": foreign_monitor }] }),
                "BAD_USER_INPUT",
            ),
            (
                SET_MONITORS,
                json!({ "c": b, "m": [{ "monitorId": web, "weight": 0 }] }),
                "BAD_USER_INPUT",
            ),
            (
                SET_MONITORS,
                json!({ "c": b, "m": [{ "monitorId": web, "weight": 101 }] }),
                "BAD_USER_INPUT",
            ),
            (
                SET_MONITORS,
                json!({ "c": b, "m": [{ "monitorId": web }, { "monitorId": web }] }),
                "BAD_USER_INPUT",
            ),
            (
                SET_MONITORS,
                json!({ "c": foreign, "m": [{ "monitorId": api }] }),
                "NOT_FOUND",
            ),
        ] {
            let answer = app.gql(Some(&user.token), query, vars.clone()).await;
            assert_eq!(answer.code(), Some(code), "{vars}: {}", answer.body);
        }
        let too_many: Vec<Value> = (0..201)
            .map(|_| json!({ "monitorId": Uuid::now_v7().to_string() }))
            .collect();
        app.gql(
            Some(&user.token),
            SET_MONITORS,
            json!({ "c": b, "m": too_many }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        assert_eq!(rows(&app).await, before, "a refused change wrote something");

        app.gql(Some(&user.token), DELETE_COMPONENT, json!({ "id": c }))
            .await
            .ok();
        let read = app
            .gql(Some(&user.token), READ_PAGE, json!({ "id": made["id"] }))
            .await
            .ok();
        assert_eq!(
            read["statusPage"]["components"]
                .as_array()
                .expect("components")
                .len(),
            2
        );
        assert_eq!(app.count("status_page_component_monitors").await, 3);
        app.stop().await;
    }
}

async fn http_monitor(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    name: &str,
    url: &str,
) -> String {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
        json!({ "i": { "projectId": project, "name": name, "type": "HTTP", "target": url, "frequencyMinutes": 1 } }),
    )
    .await
    .ok()["createMonitor"]["id"]
        .as_str()
        .expect("monitor id")
        .to_owned()
}

/// Makes every monitor due and runs one engine step.
async fn check_all(app: &TestApp) {
    monitor_locations::Entity::update_many()
        .col_expr(
            monitor_locations::Column::NextCheckAt,
            (Utc::now() - Duration::seconds(1)).into(),
        )
        .exec(app.db())
        .await
        .expect("make due");
    assert!(
        app.engine("default").tick().await.expect("tick") >= 1,
        "nothing was checked"
    );
}

async fn component_status(app: &TestApp, id: &str) -> ComponentStatus {
    status_page_components::Entity::find_by_id(uuid(id))
        .one(app.db())
        .await
        .expect("db")
        .expect("component")
        .status
}

/// An incident (or maintenance) on `page` naming `component` with `new_status`, written as
/// the incidents module writes them.
async fn incident(
    app: &TestApp,
    page: &Value,
    component: &str,
    status: incidents::IncidentStatus,
    new_status: ComponentStatus,
) -> Uuid {
    let now = Utc::now();
    let id = Uuid::now_v7();
    incidents::ActiveModel {
        id: Set(id),
        status_page_id: Set(uuid(page.as_str().expect("id"))),
        created_by_user_id: Set(None),
        name: Set("Trouble".into()),
        status: Set(status),
        impact: Set(incidents::IncidentImpact::Minor),
        impact_override: Set(None),
        body: Set(None),
        scheduled_for: Set(None),
        scheduled_until: Set(None),
        scheduled_remind_prior: Set(false),
        auto_transition_to_maintenance_state: Set(true),
        auto_transition_to_operational_state: Set(true),
        scheduled_auto_in_progress: Set(true),
        scheduled_auto_completed: Set(true),
        auto_transition_deliver_notifications_at_start: Set(false),
        auto_transition_deliver_notifications_at_end: Set(false),
        reminder_intervals: Set(None),
        metadata: Set(None),
        deliver_notifications: Set(false),
        backfill_date: Set(None),
        backfilled: Set(false),
        monitoring_at: Set(None),
        resolved_at: Set(None),
        next_run_at: Set(None),
        claimed_until: Set(None),
        shortlink: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(app.db())
    .await
    .expect("incident");
    incident_components::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(id),
        component_id: Set(uuid(component)),
        old_status: Set(None),
        new_status: Set(new_status),
        created_at: Set(now),
    }
    .insert(app.db())
    .await
    .expect("incident component");
    id
}

async fn set_incident_status(app: &TestApp, id: Uuid, status: incidents::IncidentStatus) {
    incidents::Entity::update_many()
        .col_expr(
            incidents::Column::Status,
            sea_orm::sea_query::Expr::value(status),
        )
        .filter(incidents::Column::Id.eq(id))
        .exec(app.db())
        .await
        .expect("incident status");
}

async fn refresh(app: &TestApp, page: &Value) -> bool {
    let tx = vigil::db::Tx::begin(app.state()).await.expect("tx");
    let changed = vigil::status_page::status::refresh_page(&tx, uuid(page.as_str().expect("id")))
        .await
        .expect("refresh");
    tx.commit().await.expect("commit");
    changed
}

#[tokio::test]
async fn monitors_going_down_change_components_live_and_incidents_override_them() {
    use incidents::IncidentStatus::{InProgress, Investigating, Resolved, Scheduled};
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let target = Target::start().await;
        target.set("api", 200, "ok");
        target.set("db", 200, "ok");
        let api = http_monitor(&app, &user, &project, "api", &target.url("/m/api")).await;
        let db = http_monitor(&app, &user, &project, "db", &target.url("/m/db")).await;
        let made = page(&app, &user, json!({ "projectId": project, "name": "Acme" })).await;
        let worst = component(
            &app,
            &user,
            &made["id"],
            "API",
            &[api.as_str(), db.as_str()],
        )
        .await;
        let majority = component(
            &app,
            &user,
            &made["id"],
            "Backend",
            &[api.as_str(), db.as_str()],
        )
        .await;
        app.gql(
            Some(&user.token),
            UPDATE_COMPONENT,
            json!({ "id": majority, "i": { "aggregationMethod": "MAJORITY_VOTE" } }),
        )
        .await
        .ok();
        let idle = component(&app, &user, &made["id"], "Docs", &[]).await;
        check_all(&app).await;
        assert_eq!(
            component_status(&app, &worst).await,
            ComponentStatus::Operational
        );

        let mut socket = Ws::open(&app, Some(&user.token)).await;
        socket
            .subscribe(
                &app,
                "p",
                "subscription($id: ID!) { statusPageUpdated(statusPageId: $id) { id components { name status } } }",
                json!({ "id": made["id"] }),
            )
            .await;
        // One of two monitors goes down through a real check.
        target.set("api", 500, "broken");
        check_all(&app).await;
        assert_eq!(
            component_status(&app, &worst).await,
            ComponentStatus::MajorOutage
        );
        assert_eq!(
            component_status(&app, &majority).await,
            ComponentStatus::PartialOutage
        );
        assert_eq!(
            component_status(&app, &idle).await,
            ComponentStatus::Operational
        );
        let pushed = socket.payload("p").await;
        assert!(pushed["errors"].is_null(), "{pushed}");
        assert_eq!(pushed["data"]["statusPageUpdated"]["id"], made["id"]);
        assert_eq!(
            pushed["data"]["statusPageUpdated"]["components"][0]["status"],
            "MAJOR_OUTAGE"
        );
        assert_eq!(
            pushed["data"]["statusPageUpdated"]["components"][1]["status"],
            "PARTIAL_OUTAGE"
        );

        // A threshold of two holds the one failure back, at once.
        let held = app
            .gql(
                Some(&user.token),
                UPDATE_COMPONENT,
                json!({ "id": worst, "i": { "failureThreshold": 2 } }),
            )
            .await
            .ok();
        assert_eq!(held["updateStatusPageComponent"]["status"], "OPERATIONAL");
        let pushed = socket.payload("p").await;
        assert_eq!(
            pushed["data"]["statusPageUpdated"]["components"][0]["status"],
            "OPERATIONAL"
        );

        // An open incident's word wins, then maintenance in progress; closed ones do not count.
        let open = incident(
            &app,
            &made["id"],
            &idle,
            Investigating,
            ComponentStatus::DegradedPerformance,
        )
        .await;
        let maintenance = incident(
            &app,
            &made["id"],
            &worst,
            InProgress,
            ComponentStatus::UnderMaintenance,
        )
        .await;
        incident(
            &app,
            &made["id"],
            &majority,
            Scheduled,
            ComponentStatus::UnderMaintenance,
        )
        .await;
        incident(
            &app,
            &made["id"],
            &majority,
            Resolved,
            ComponentStatus::Operational,
        )
        .await;
        assert!(refresh(&app, &made["id"]).await);
        assert_eq!(
            component_status(&app, &idle).await,
            ComponentStatus::DegradedPerformance
        );
        assert_eq!(
            component_status(&app, &worst).await,
            ComponentStatus::UnderMaintenance
        );
        assert_eq!(
            component_status(&app, &majority).await,
            ComponentStatus::PartialOutage
        );
        let pushed = socket.payload("p").await;
        assert_eq!(
            pushed["data"]["statusPageUpdated"]["components"][2]["status"],
            "DEGRADED_PERFORMANCE"
        );
        assert!(
            !refresh(&app, &made["id"]).await,
            "nothing new, nothing written"
        );

        // Resolved, the monitors decide again.
        set_incident_status(&app, open, Resolved).await;
        set_incident_status(&app, maintenance, incidents::IncidentStatus::Completed).await;
        assert!(refresh(&app, &made["id"]).await);
        assert_eq!(
            component_status(&app, &idle).await,
            ComponentStatus::Operational
        );
        assert_eq!(
            component_status(&app, &worst).await,
            ComponentStatus::Operational
        );

        // Relinking follows at once: only the broken monitor is left behind the component.
        let relinked = app
            .gql(
                Some(&user.token),
                SET_MONITORS,
                json!({ "c": idle, "m": [{ "monitorId": api }] }),
            )
            .await
            .ok();
        assert_eq!(
            relinked["setStatusPageComponentMonitors"]["status"],
            "MAJOR_OUTAGE"
        );

        // Recovery through a real check.
        target.set("api", 200, "ok");
        check_all(&app).await;
        for id in [&worst, &majority, &idle] {
            assert_eq!(
                component_status(&app, id).await,
                ComponentStatus::Operational
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn page_changes_reach_subscribers_of_the_page_only() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let made = page(&app, &user, json!({ "projectId": project, "name": "Acme" })).await;
        let other_page = page(
            &app,
            &user,
            json!({ "projectId": project, "name": "Other" }),
        )
        .await;
        const SUBSCRIBE: &str = "subscription($id: ID!) { statusPageUpdated(statusPageId: $id) { id headline published } }";
        let mut socket = Ws::open(&app, Some(&user.token)).await;
        socket
            .subscribe(&app, "p", SUBSCRIBE, json!({ "id": made["id"] }))
            .await;

        // Another tenant may not subscribe, nor may a socket without a token.
        let other = app.sign_up("other@example.com").await;
        let mut theirs = Ws::open(&app, Some(&other.token)).await;
        theirs
            .start("x", SUBSCRIBE, json!({ "id": made["id"] }))
            .await;
        let refused = theirs.next().await.expect("the socket stays open");
        assert_eq!(
            refused["payload"]["errors"][0]["extensions"]["code"], "NOT_FOUND",
            "{refused}"
        );
        let mut anon = Ws::open(&app, None).await;
        anon.start("y", SUBSCRIBE, json!({ "id": made["id"] }))
            .await;
        let refused = anon.next().await.expect("the socket stays open");
        assert_eq!(
            refused["payload"]["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{refused}"
        );

        // A change of another page is not delivered; this page's settings and publishing are.
        app.gql(
            Some(&user.token),
            UPDATE_PAGE,
            json!({ "id": other_page["id"], "i": { "headline": "elsewhere" } }),
        )
        .await
        .ok();
        app.gql(
            Some(&user.token),
            UPDATE_PAGE,
            json!({ "id": made["id"], "i": { "headline": "Hello" } }),
        )
        .await
        .ok();
        let pushed = socket.payload("p").await;
        assert_eq!(
            pushed["data"]["statusPageUpdated"]["headline"], "Hello",
            "{pushed}"
        );
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { publishStatusPage(id: $id) { id } }",
            json!({ "id": made["id"] }),
        )
        .await
        .ok();
        let pushed = socket.payload("p").await;
        assert_eq!(
            pushed["data"]["statusPageUpdated"]["published"], true,
            "{pushed}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn pausing_or_deleting_a_monitor_updates_the_components_that_watch_it() {
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let target = Target::start().await;
        target.set("api", 500, "broken");
        let api = http_monitor(&app, &user, &project, "api", &target.url("/m/api")).await;
        let made = page(&app, &user, json!({ "projectId": project, "name": "Acme" })).await;
        let first = component(&app, &user, &made["id"], "API", &[api.as_str()]).await;
        let second = component(&app, &user, &made["id"], "Edge", &[api.as_str()]).await;
        check_all(&app).await;
        assert_eq!(
            component_status(&app, &first).await,
            ComponentStatus::MajorOutage
        );

        // Paused: the monitor has no say, and the component no longer shows its outage.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { updateMonitor(id: $id, input: { enabled: false }) { status } }",
            json!({ "id": api }),
        )
        .await
        .ok();
        assert_eq!(
            component_status(&app, &first).await,
            ComponentStatus::Operational
        );

        // Resumed and down again, then deleted: the components forget it.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { updateMonitor(id: $id, input: { enabled: true }) { status } }",
            json!({ "id": api }),
        )
        .await
        .ok();
        check_all(&app).await;
        assert_eq!(
            component_status(&app, &second).await,
            ComponentStatus::MajorOutage
        );
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { deleteMonitor(id: $id) }",
            json!({ "id": api }),
        )
        .await
        .ok();
        assert_eq!(
            component_status(&app, &first).await,
            ComponentStatus::Operational
        );
        assert_eq!(
            component_status(&app, &second).await,
            ComponentStatus::Operational
        );
        app.stop().await;
    }
}
