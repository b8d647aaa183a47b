//! SSRF: where the outbound policy blocks private addresses (cloud mode's default), a tenant
//! cannot aim a monitor, a callback, an action or a notification provider at the host's
//! loopback, the LAN or a cloud metadata service, whatever the spelling of the address: the
//! forms the system's resolver reads as IPv4 (`2130706433`, `0x7f000001`, `0177.0.0.1`,
//! `127.1`, `0`), a final dot (`localhost.`), and IPv6 forms that embed an IPv4 address
//! (IPv4-compatible, IPv4-mapped, 6to4, NAT64). Each is refused when it is saved, with the
//! field named, and nothing is written. (Names that resolve to private addresses are refused
//! again at connect time: `monitoring` and `callbacks` test that.)

use serde_json::json;
use vigil_tests::{TestApp, backends};

const HOSTS: &[&str] = &[
    "127.0.0.1",
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "127.1",
    "0",
    "localhost.",
    "LocalHost",
    "0xa9.0xfe.0xa9.0xfe",
    "[::ffff:127.0.0.1]",
    "[::127.0.0.1]",
    "[2002:7f00:1::1]",
    "[64:ff9b::a9fe:a9fe]",
    "[::1]",
];

#[tokio::test]
async fn private_targets_are_refused_in_every_spelling() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.outbound_block_private = Some(true)).await;
        let user = app.sign_up("ssrf@example.com").await;
        let (_, project) = app.create_org(&user, "Ssrf").await;
        let callback = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "ok", "callbackUrl": "https://example.com/hook" } }),
            )
            .await
            .ok()["createCallback"]["id"]
            .clone();
        let before = (
            app.count("monitors").await,
            app.count("callbacks").await,
            app.count("actions").await,
            app.count("notification_providers").await,
        );
        for host in HOSTS {
            let bare = host.trim_start_matches('[').trim_end_matches(']');
            let url = format!("http://{host}:8080/latest/meta-data");
            let attempts = [
                (
                    "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                    json!({ "projectId": project, "name": "m", "type": "PORT", "target": bare, "port": { "port": 5432 } }),
                    "target",
                ),
                (
                    "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                    json!({ "projectId": project, "name": "m", "type": "PING", "target": bare }),
                    "target",
                ),
                (
                    "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                    json!({ "projectId": project, "name": "m", "type": "HTTP", "target": url }),
                    "target",
                ),
                (
                    "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id } }",
                    json!({ "projectId": project, "name": "c", "callbackUrl": url }),
                    "callbackUrl",
                ),
                (
                    "mutation($i: CreateActionInput!) { createAction(input: $i) { id } }",
                    json!({ "callbackId": callback, "type": "HTTP_POST", "config": { "url": url } }),
                    "config.url",
                ),
                (
                    "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
                    json!({ "projectId": project, "name": "w", "type": "WEBHOOK", "config": { "url": url } }),
                    "config.url",
                ),
            ];
            for (mutation, input, field) in attempts {
                let answer = app
                    .gql(Some(&user.token), mutation, json!({ "i": input }))
                    .await;
                answer.expect_code("BAD_USER_INPUT");
                assert_eq!(
                    answer.field(),
                    Some(field),
                    "{host}: {input}: {}",
                    answer.body
                );
            }
        }
        let after = (
            app.count("monitors").await,
            app.count("callbacks").await,
            app.count("actions").await,
            app.count("notification_providers").await,
        );
        assert_eq!(before, after, "nothing was written");
        app.stop().await;
    }
}
