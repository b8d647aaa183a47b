//! Attacks of class `auth` (see `mod.rs`): on how people prove who they are. Replaying a
//! two-factor code through concurrent sign-ins, keeping access through API keys after the owner
//! reset the password, reading mailed links from the log, and telling from sign-up which
//! addresses have accounts.

use chrono::Utc;
use futures_util::future::join_all;
use serde_json::{Value, json};
use vigil_tests::{PASSWORD, TestApp, backends, link_token};

const SIGN_IN: &str = "mutation($i: SignInInput!) { signIn(input: $i) { token } }";
const SIGN_UP: &str =
    "mutation($i: SignUpInput!) { signUp(input: $i) { token user { id email } } }";

fn code_at(secret: &str, offset_secs: i64) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).expect("base32 secret");
    let totp = totp_rs::Builder::new()
        .with_secret(secret)
        .with_account_name("x")
        .build()
        .expect("totp");
    let now = Utc::now().timestamp() + offset_secs;
    totp.generate(u64::try_from(now).expect("time")).to_string()
}

#[tokio::test]
async fn one_totp_code_signs_in_once_however_many_sign_ins_race() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("racer@example.com").await;
        let secret = app
            .gql(
                Some(&user.token),
                "mutation($p: String!) { enrollTotp(password: $p) { secret } }",
                json!({ "p": PASSWORD }),
            )
            .await
            .ok()["enrollTotp"]["secret"]
            .as_str()
            .expect("secret")
            .to_owned();
        app.gql(
            Some(&user.token),
            "mutation($c: String!) { confirmTotp(code: $c) { twoFactorEnabled } }",
            json!({ "c": code_at(&secret, 0) }),
        )
        .await
        .ok();
        // The next step's code: valid (one step of skew) and never used.
        let code = code_at(&secret, 30);
        let attempts = join_all((0..8).map(|_| {
            app.gql(
                None,
                SIGN_IN,
                json!({ "i": { "email": user.email, "password": PASSWORD, "totpCode": code } }),
            )
        }))
        .await;
        let signed_in = attempts
            .iter()
            .filter(|a| a.body["data"]["signIn"]["token"].is_string())
            .count();
        assert_eq!(
            signed_in,
            1,
            "[{backend}] one code, one session: {:?}",
            attempts.iter().map(|a| &a.body).collect::<Vec<_>>()
        );
        app.stop().await;
    }
}

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

#[tokio::test]
async fn cloud_mode_does_not_start_without_smtp() {
    let dir = vigil_tests::temp_dir("cfg");
    let file = dir.join("vigil.toml");
    std::fs::write(&file, "mode = \"cloud\"\n").expect("write");
    let err = vigil::config::Settings::load(Some(&file), &vigil::config::Overrides::default())
        .expect_err("cloud mode without SMTP is refused");
    assert!(err.to_string().contains("smtp.host"), "{err}");
    std::fs::write(
        &file,
        "mode = \"cloud\"\n[smtp]\nhost = \"mail.example.com\"\n",
    )
    .expect("write");
    vigil::config::Settings::load(Some(&file), &vigil::config::Overrides::default())
        .expect("cloud mode with SMTP starts");
    // Self-hosted instances may run without mail: links go to the log for the admin.
    std::fs::write(&file, "mode = \"self-hosted\"\n").expect("write");
    vigil::config::Settings::load(Some(&file), &vigil::config::Overrides::default())
        .expect("self-hosted mode without SMTP starts");
    let _ = std::fs::remove_dir_all(dir);
}

async fn sign_up(app: &TestApp, email: &str, password: &str) -> Value {
    app.gql(
        None,
        SIGN_UP,
        json!({ "i": { "email": email, "password": password, "name": "Someone" } }),
    )
    .await
    .body
}

#[tokio::test]
async fn cloud_sign_up_does_not_tell_which_addresses_have_accounts() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.mode = vigil::config::Mode::Cloud).await;
        // Taken: an account exists (signed up and verified earlier).
        let owner = app.sign_up("taken@example.com").await;
        let taken = sign_up(&app, "taken@example.com", "attacker's password").await;
        let fresh = sign_up(&app, "fresh@example.com", "attacker's password").await;
        assert_eq!(taken, fresh, "[{backend}] the same answer for both");
        assert!(fresh["data"]["signUp"]["token"].is_null(), "{fresh}");
        // The owner is told by mail; the new address gets its link.
        let notice = app.smtp.wait_for("taken@example.com", "already have").await;
        assert!(notice.contains("reset-password"), "{notice}");
        let mail = app
            .smtp
            .wait_for("fresh@example.com", "Confirm your email")
            .await;
        // Signing in with the password just chosen does not tell either: an address that is
        // not confirmed yet answers like a wrong password.
        let mut answers = Vec::new();
        for email in ["taken@example.com", "fresh@example.com"] {
            let response = app
                .gql(
                    None,
                    SIGN_IN,
                    json!({ "i": { "email": email, "password": "attacker's password" } }),
                )
                .await;
            answers.push((
                response.code().map(str::to_owned),
                response.message().to_owned(),
            ));
        }
        assert_eq!(answers[0], answers[1], "[{backend}]");
        assert_eq!(answers[0].0.as_deref(), Some("UNAUTHENTICATED"));
        // The owner's account is untouched.
        app.gql(Some(&owner.token), "{ me { id } }", json!({}))
            .await
            .ok();
        // The mailed link confirms the address and signs the new account in.
        let token = link_token(&mail, "verify-email").expect("a verification link");
        let verified = app
            .gql(
                None,
                "mutation($t: String!) { verifyEmail(token: $t) { token user { email emailVerified } } }",
                json!({ "t": token }),
            )
            .await
            .ok();
        assert_eq!(verified["verifyEmail"]["user"]["emailVerified"], true);
        let session = verified["verifyEmail"]["token"]
            .as_str()
            .expect("a session");
        let me = app
            .gql(Some(session), "{ me { email } }", json!({}))
            .await
            .ok();
        assert_eq!(me["me"]["email"], "fresh@example.com");
        app.stop().await;
    }
}
