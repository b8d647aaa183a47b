//! Attacks of class `auth` (see `mod.rs`): on how people prove who they are. Replaying a
//! two-factor code through concurrent sign-ins, keeping access through API keys after the owner
//! reset the password, reading mailed links from the log, and telling from sign-up which
//! addresses have accounts.

use serde_json::json;
use vigil_tests::{PASSWORD, TestApp, backends, link_token};

const SIGN_IN: &str = "mutation($i: SignInInput!) { signIn(input: $i) { token } }";

#[tokio::test]
async fn a_password_reset_revokes_every_session_and_api_key() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("victim@example.com").await;
        // What an intruder who had the password would leave behind: a key and a session.
        let key = app
            .gql(
                Some(&user.token),
                "mutation { createApiKey(input: { name: \"backdoor\", permission: ADMIN }) { key } }",
                json!({}),
            )
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        let session = app
            .gql(
                None,
                SIGN_IN,
                json!({ "i": { "email": user.email, "password": PASSWORD } }),
            )
            .await
            .ok()["signIn"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        app.gql(
            None,
            "mutation($e: String!) { requestPasswordReset(email: $e) }",
            json!({ "e": user.email }),
        )
        .await
        .ok();
        let mail = app.smtp.wait_for(&user.email, "reset-password").await;
        assert!(
            mail.contains("API key"),
            "the mail says what a reset ends: {mail}"
        );
        let token = link_token(&mail, "reset-password").expect("reset link");
        app.gql(
            None,
            "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }",
            json!({ "i": { "token": token, "newPassword": "mine again, for good" } }),
        )
        .await
        .ok();
        for credential in [&key, &session, &user.token] {
            app.gql(Some(credential), "{ me { id } }", json!({}))
                .await
                .expect_code("UNAUTHENTICATED");
        }
        assert_eq!(app.count("apikey").await, 0, "[{backend}]");
        app.stop().await;
    }
}
