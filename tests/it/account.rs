//! Every authentication flow, end to end over HTTP.

use chrono::{Duration, Utc};
use entity::{apikey, user};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use vigil_tests::{PASSWORD, TestApp, backends, link_token};

const ME: &str = "{ me { id email emailVerified twoFactorEnabled role } }";
const SIGN_IN: &str = "mutation($i: SignInInput!) { signIn(input: $i) { token user { id } } }";

async fn sign_in(
    app: &TestApp,
    email: &str,
    password: &str,
    code: Option<&str>,
) -> vigil_tests::Gql {
    app.gql(
        None,
        SIGN_IN,
        json!({ "i": { "email": email, "password": password, "totpCode": code } }),
    )
    .await
}

#[tokio::test]
async fn sign_up_sign_in_and_sign_out_with_bearer_and_cookie() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        // Sign up over raw HTTP to see the cookie.
        let response = app
            .http
            .post(format!("{}/graphql", app.url))
            .json(&json!({ "query": "mutation { signUp(input: { email: \"Ann@Example.com\", password: \"correct horse battery\", name: \"Ann\" }) { token user { email role } } }" }))
            .send()
            .await
            .expect("sign-up");
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .expect("a session cookie")
            .to_owned();
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(
            !cookie.contains("Secure"),
            "an http:// base URL: the cookie must reach the server over plain HTTP: {cookie}"
        );
        let body: Value = response.json().await.expect("json");
        let token = body["data"]["signUp"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        assert_eq!(body["data"]["signUp"]["user"]["email"], "ann@example.com");
        assert_eq!(
            body["data"]["signUp"]["user"]["role"], "ADMIN",
            "the first account administers the instance"
        );
        let stored = user::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("the user");
        let session = entity::session::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("a session");
        assert_ne!(session.token, token, "the token is stored hashed");
        assert_eq!(session.token.len(), 64);
        assert_eq!(stored.email, "ann@example.com");

        // Bearer.
        let me = app.gql(Some(&token), ME, json!({})).await.ok();
        assert_eq!(me["me"]["email"], "ann@example.com");

        // Cookie with a JSON body works; a form post with the cookie is not authenticated.
        let cookie_pair = cookie.split(';').next().expect("pair").to_owned();
        let json_me: Value = app
            .http
            .post(format!("{}/graphql", app.url))
            .header("cookie", &cookie_pair)
            .json(&json!({ "query": ME }))
            .send()
            .await
            .expect("me")
            .json()
            .await
            .expect("json");
        assert_eq!(json_me["data"]["me"]["email"], "ann@example.com");
        // What another site's page can send without asking first is refused with 400
        // BAD_USER_INPUT, runs nothing and sets no cookie: a form posting a mutation with
        // the victim's cookie, and a text/plain sign-in (login CSRF).
        let orgs_before = app.count("organization").await;
        let sessions_before = app.count("session").await;
        let forged = [
            (
                "application/x-www-form-urlencoded",
                Some(cookie_pair.as_str()),
                "query=mutation%20%7B%20createOrganization(input%3A%20%7B%20name%3A%20%22Forged%22%20%7D)%20%7B%20id%20%7D%20%7D".to_owned(),
            ),
            (
                "text/plain",
                None,
                json!({ "query": SIGN_IN, "variables": { "i": { "email": "ann@example.com", "password": PASSWORD } } }).to_string(),
            ),
        ];
        for (content_type, cookie, body) in forged {
            let mut request = app
                .http
                .post(format!("{}/graphql", app.url))
                .header("content-type", content_type)
                .body(body);
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.expect("a cross-site post");
            assert_eq!(
                response.status().as_u16(),
                400,
                "[{backend}] {content_type}"
            );
            assert!(
                response.headers().get("set-cookie").is_none(),
                "[{backend}] {content_type}: no session cookie"
            );
            let refused: Value = response.json().await.expect("a JSON error");
            assert_eq!(
                refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
                "[{backend}] {content_type}: {refused}"
            );
            assert!(refused["data"].is_null(), "{refused}");
        }
        assert_eq!(app.count("organization").await, orgs_before, "[{backend}]");
        assert_eq!(app.count("session").await, sessions_before, "[{backend}]");

        // Sign in again, then out.
        let second = sign_in(&app, "ann@example.com", PASSWORD, None).await.ok();
        let second = second["signIn"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let out = app
            .gql(Some(&second), "mutation { signOut }", json!({}))
            .await
            .ok();
        assert_eq!(out["signOut"], true);
        let after = app.gql(Some(&second), ME, json!({})).await;
        assert_eq!(after.status, 401);
        after.expect_code("UNAUTHENTICATED");
        // The first session is untouched.
        assert_eq!(
            app.gql(Some(&token), ME, json!({})).await.ok()["me"]["email"],
            "ann@example.com"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_throttled() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.max_failed_sign_ins = 3;
            s.lockout_minutes = 10;
        })
        .await;
        app.sign_up("bob@example.com").await;
        let unknown = sign_in(&app, "nobody@example.com", PASSWORD, None).await;
        unknown.expect_code("UNAUTHENTICATED");
        let wrong = sign_in(&app, "bob@example.com", "wrong horse battery", None).await;
        wrong.expect_code("UNAUTHENTICATED");
        assert_eq!(
            wrong.message(),
            unknown.message(),
            "unknown and wrong look the same"
        );
        for _ in 0..2 {
            sign_in(&app, "bob@example.com", "wrong horse battery", None)
                .await
                .expect_code("UNAUTHENTICATED");
        }
        // Locked: even the right password is refused for now.
        let locked = sign_in(&app, "bob@example.com", PASSWORD, None).await;
        locked.expect_code("RATE_LIMITED");
        let failures = entity::audit_logs::Entity::find()
            .filter(entity::audit_logs::Column::Action.eq("user.sign_in_failed"))
            .all(app.db())
            .await
            .expect("audit");
        assert_eq!(failures.len(), 3);
        // A password reset lifts the lock.
        app.gql(
            None,
            "mutation { requestPasswordReset(email: \"bob@example.com\") }",
            json!({}),
        )
        .await
        .ok();
        let mail = app.smtp.wait_for("bob@example.com", "reset-password").await;
        let token = link_token(&mail, "reset-password").expect("reset token");
        app.gql(
            None,
            "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }",
            json!({ "i": { "token": token, "newPassword": "a brand new passphrase" } }),
        )
        .await
        .ok();
        sign_in(&app, "bob@example.com", "a brand new passphrase", None)
            .await
            .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn password_change_checks_the_current_password_and_ends_other_sessions() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("carol@example.com").await;
        let other = sign_in(&app, &user.email, PASSWORD, None).await.ok()["signIn"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let key = app
            .gql(
                Some(&user.token),
                CREATE_KEY,
                json!({ "i": { "name": "ci", "permission": "WRITE" } }),
            )
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        const CHANGE: &str = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }";
        let wrong = app
            .gql(Some(&user.token), CHANGE, json!({ "i": { "currentPassword": "nope nope nope", "newPassword": "another good one" } }))
            .await;
        wrong.expect_code("BAD_USER_INPUT");
        assert_eq!(wrong.field(), Some("currentPassword"));
        let weak = app
            .gql(
                Some(&user.token),
                CHANGE,
                json!({ "i": { "currentPassword": PASSWORD, "newPassword": "short" } }),
            )
            .await;
        weak.expect_code("BAD_USER_INPUT");
        assert_eq!(weak.field(), Some("newPassword"));
        app.gql(
            Some(&user.token),
            CHANGE,
            json!({ "i": { "currentPassword": PASSWORD, "newPassword": "another good one" } }),
        )
        .await
        .ok();
        // This session lives on; the other one ended. API keys stay (a reset revokes them).
        app.gql(Some(&user.token), ME, json!({})).await.ok();
        app.gql(Some(&other), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        app.gql(Some(&key), ME, json!({})).await.ok();
        sign_in(&app, &user.email, PASSWORD, None)
            .await
            .expect_code("UNAUTHENTICATED");
        sign_in(&app, &user.email, "another good one", None)
            .await
            .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn email_verification_and_password_reset_through_smtp() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("dan@example.com").await;
        assert_eq!(
            app.gql(Some(&user.token), ME, json!({})).await.ok()["me"]["emailVerified"],
            false
        );
        let mail = app
            .smtp
            .wait_for("dan@example.com", "Confirm your email")
            .await;
        let token = link_token(&mail, "verify-email").expect("link");
        let verified = app
            .gql(
                None,
                "mutation($t: String!) { verifyEmail(token: $t) { token user { emailVerified } } }",
                json!({ "t": token }),
            )
            .await
            .ok();
        assert_eq!(verified["verifyEmail"]["user"]["emailVerified"], true);
        assert!(
            verified["verifyEmail"]["token"].is_null(),
            "self-hosted: the user is signed in already, the link opens no session"
        );
        // A link works once.
        let again = app
            .gql(
                None,
                "mutation($t: String!) { verifyEmail(token: $t) { token user { emailVerified } } }",
                json!({ "t": token }),
            )
            .await;
        again.expect_code("BAD_USER_INPUT");
        assert_eq!(again.field(), Some("token"));

        // Reset: unknown addresses get the same answer and no mail.
        let before = app.smtp.mails().len();
        let unknown = app
            .gql(
                None,
                "mutation { requestPasswordReset(email: \"ghost@example.com\") }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(unknown["requestPasswordReset"], true);
        app.gql(
            None,
            "mutation { requestPasswordReset(email: \"dan@example.com\") }",
            json!({}),
        )
        .await
        .ok();
        let mail = app.smtp.wait_for("dan@example.com", "reset-password").await;
        assert_eq!(
            app.smtp.mails().len(),
            before + 1,
            "only the known address got a mail"
        );
        let token = link_token(&mail, "reset-password").expect("link");
        const RESET: &str = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }";
        app.gql(
            None,
            RESET,
            json!({ "i": { "token": token, "newPassword": "weak" } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        app.gql(
            None,
            RESET,
            json!({ "i": { "token": token, "newPassword": "a fresh passphrase" } }),
        )
        .await
        .ok();
        // Every session ended, the old password is gone, the link is spent.
        app.gql(Some(&user.token), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        sign_in(&app, &user.email, PASSWORD, None)
            .await
            .expect_code("UNAUTHENTICATED");
        sign_in(&app, &user.email, "a fresh passphrase", None)
            .await
            .ok();
        app.gql(
            None,
            RESET,
            json!({ "i": { "token": token, "newPassword": "another passphrase" } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        app.stop().await;
    }
}

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
async fn totp_enrolment_and_sign_in_with_a_real_code() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("erin@example.com").await;
        app.gql(
            Some(&user.token),
            "mutation { enrollTotp(password: \"wrong password!\") { secret } }",
            json!({}),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        let enrol = app
            .gql(
                Some(&user.token),
                "mutation($p: String!) { enrollTotp(password: $p) { secret uri } }",
                json!({ "p": PASSWORD }),
            )
            .await
            .ok();
        let secret = enrol["enrollTotp"]["secret"]
            .as_str()
            .expect("secret")
            .to_owned();
        assert!(
            enrol["enrollTotp"]["uri"]
                .as_str()
                .expect("uri")
                .starts_with("otpauth://totp/Vigil:")
        );
        let stored = user::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("user");
        assert!(
            !stored
                .totp_secret
                .clone()
                .unwrap_or_default()
                .contains(&secret),
            "the secret is stored encrypted"
        );
        // Not on until confirmed: sign-in without a code still works.
        sign_in(&app, &user.email, PASSWORD, None).await.ok();
        app.gql(
            Some(&user.token),
            "mutation { confirmTotp(code: \"000000\") { twoFactorEnabled } }",
            json!({}),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        let confirmed = app
            .gql(
                Some(&user.token),
                "mutation($c: String!) { confirmTotp(code: $c) { twoFactorEnabled } }",
                json!({ "c": code_at(&secret, 0) }),
            )
            .await
            .ok();
        assert_eq!(confirmed["confirmTotp"]["twoFactorEnabled"], true);

        let missing = sign_in(&app, &user.email, PASSWORD, None).await;
        missing.expect_code("BAD_USER_INPUT");
        assert_eq!(missing.field(), Some("totpCode"));
        let current = code_at(&secret, 0);
        let wrong = if current == "123456" {
            "654321"
        } else {
            "123456"
        };
        sign_in(&app, &user.email, PASSWORD, Some(wrong))
            .await
            .expect_code("UNAUTHENTICATED");
        // The next step's code is within the allowed skew and has not been used yet.
        let next = code_at(&secret, 30);
        sign_in(&app, &user.email, PASSWORD, Some(&next)).await.ok();
        // A code is accepted once.
        sign_in(&app, &user.email, PASSWORD, Some(&next))
            .await
            .expect_code("UNAUTHENTICATED");

        let off = app
            .gql(
                Some(&user.token),
                "mutation($p: String!) { disableTotp(password: $p) { twoFactorEnabled } }",
                json!({ "p": PASSWORD }),
            )
            .await
            .ok();
        assert_eq!(off["disableTotp"]["twoFactorEnabled"], false);
        sign_in(&app, &user.email, PASSWORD, None).await.ok();
        app.stop().await;
    }
}

const CREATE_KEY: &str = "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id start prefix permission } } }";

#[tokio::test]
async fn api_keys_authenticate_are_stored_hashed_expire_and_rate_limit() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("frank@example.com").await;
        let created = app
            .gql(
                Some(&user.token),
                CREATE_KEY,
                json!({ "i": { "name": "ci", "permission": "WRITE" } }),
            )
            .await
            .ok();
        let key = created["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        let key_id = created["createApiKey"]["apiKey"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        assert!(key.starts_with("vgl_"));
        assert!(
            key.starts_with(
                created["createApiKey"]["apiKey"]["start"]
                    .as_str()
                    .expect("start")
            )
        );
        let row = apikey::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("row");
        assert_ne!(row.key, key);
        assert_eq!(row.key, vigil::crypto::hash_token(&key));
        // The list never shows the key again.
        let list = app
            .gql(
                Some(&user.token),
                "{ apiKeys { id name start } }",
                json!({}),
            )
            .await;
        assert!(!list.body.to_string().contains(&key));

        let me = app.gql(Some(&key), ME, json!({})).await.ok();
        assert_eq!(me["me"]["email"], "frank@example.com");
        let (org, _) = app.create_org(&user, "Frank Co").await;
        let counted = apikey::Entity::find()
            .one(app.db())
            .await
            .expect("db")
            .expect("row");
        assert_eq!(counted.request_count, 1);
        assert!(counted.last_request.is_some());

        // Read keys read only.
        let read = app
            .gql(
                Some(&user.token),
                CREATE_KEY,
                json!({ "i": { "name": "dash", "permission": "READ" } }),
            )
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        app.gql(
            Some(&read),
            "query($o: ID!) { organization(id: $o) { name } }",
            json!({ "o": org }),
        )
        .await
        .ok();
        app.gql(Some(&read), "mutation($o: ID!) { createProject(input: { organizationId: $o, name: \"X\" }) { id } }", json!({ "o": org }))
            .await
            .expect_code("FORBIDDEN");
        // A key cannot mint another key (only the user's own session can; attack::keys).
        app.gql(
            Some(&read),
            CREATE_KEY,
            json!({ "i": { "name": "up", "permission": "ADMIN" } }),
        )
        .await
        .expect_code("FORBIDDEN");

        // Disabled, then expired.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { updateApiKey(id: $id, input: { enabled: false }) { enabled } }",
            json!({ "id": key_id }),
        )
        .await
        .ok();
        app.gql(Some(&key), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        let mut active: apikey::ActiveModel =
            apikey::Entity::find_by_id(uuid::Uuid::parse_str(&key_id).expect("uuid"))
                .one(app.db())
                .await
                .expect("db")
                .expect("row")
                .into();
        active.enabled = Set(true);
        active.expires_at = Set(Some(Utc::now() - Duration::seconds(1)));
        active.update(app.db()).await.expect("update");
        let expired = app.gql(Some(&key), ME, json!({})).await;
        expired.expect_code("UNAUTHENTICATED");
        assert!(expired.message().contains("expired"));

        // Rate limit: three requests a minute.
        let limited = app
            .gql(
                Some(&user.token),
                CREATE_KEY,
                json!({ "i": { "name": "tight", "permission": "READ", "rateLimitMax": 3, "rateLimitWindowSeconds": 60 } }),
            )
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        for _ in 0..3 {
            app.gql(Some(&limited), ME, json!({})).await.ok();
        }
        let over = app
            .http
            .post(format!("{}/graphql", app.url))
            .bearer_auth(&limited)
            .json(&json!({ "query": ME }))
            .send()
            .await
            .expect("request");
        assert_eq!(over.status().as_u16(), 429);
        assert!(over.headers().get("retry-after").is_some());
        let body: Value = over.json().await.expect("json");
        assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED");

        // Bad tokens.
        app.gql(Some("vgl_not-a-key"), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        app.gql(Some("not-a-session"), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        app.stop().await;
    }
}

#[tokio::test]
async fn project_scoped_keys_see_only_their_project() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("gina@example.com").await;
        let (org, default_project) = app.create_org(&user, "Gina Co").await;
        let other = app
            .gql(Some(&user.token), "mutation($o: ID!) { createProject(input: { organizationId: $o, name: \"Other\" }) { id } }", json!({ "o": org }))
            .await
            .ok()["createProject"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let key = app
            .gql(Some(&user.token), CREATE_KEY, json!({ "i": { "name": "scoped", "permission": "WRITE", "projectId": default_project } }))
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned();
        let seen = app
            .gql(
                Some(&key),
                "query($p: ID!) { project(id: $p) { id } }",
                json!({ "p": default_project }),
            )
            .await
            .ok();
        assert_eq!(seen["project"]["id"], default_project.as_str());
        let hidden = app
            .gql(
                Some(&key),
                "query($p: ID!) { project(id: $p) { id } }",
                json!({ "p": other }),
            )
            .await
            .ok();
        assert!(hidden["project"].is_null());
        let listed = app
            .gql(
                Some(&key),
                "query($o: ID!) { projects(organizationId: $o) { totalCount nodes { id } } }",
                json!({ "o": org }),
            )
            .await
            .ok();
        assert_eq!(listed["projects"]["totalCount"], 1);
        app.gql(
            Some(&key),
            "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"api\" }) { id } }",
            json!({ "p": other }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.gql(
            Some(&key),
            "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"api\" }) { id } }",
            json!({ "p": default_project }),
        )
        .await
        .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn administrators_ban_unban_and_impersonate() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let admin = app.sign_up("root@example.com").await;
        let user = app.sign_up("henry@example.com").await;
        // Only administrators.
        app.gql(Some(&user.token), "{ users { totalCount } }", json!({}))
            .await
            .expect_code("FORBIDDEN");
        app.gql(
            Some(&user.token),
            "mutation($u: ID!) { banUser(input: { userId: $u }) { banned } }",
            json!({ "u": admin.id }),
        )
        .await
        .expect_code("FORBIDDEN");
        let users = app
            .gql(
                Some(&admin.token),
                "{ users(filter: { search: \"HENRY\" }) { totalCount nodes { email } } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(users["users"]["totalCount"], 1);

        let banned = app
            .gql(
                Some(&admin.token),
                "mutation($u: ID!) { banUser(input: { userId: $u, reason: \"spam\" }) { banned banReason } }",
                json!({ "u": user.id }),
            )
            .await
            .ok();
        assert_eq!(banned["banUser"]["banned"], true);
        assert_eq!(banned["banUser"]["banReason"], "spam");
        app.gql(Some(&user.token), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        sign_in(&app, &user.email, PASSWORD, None)
            .await
            .expect_code("UNAUTHENTICATED");
        app.gql(
            Some(&admin.token),
            "mutation($u: ID!) { unbanUser(userId: $u) { banned } }",
            json!({ "u": user.id }),
        )
        .await
        .ok();
        sign_in(&app, &user.email, PASSWORD, None).await.ok();

        // A ban with an expiry in the past is refused; one that lapsed lets the user back in.
        app.gql(
            Some(&admin.token),
            "mutation($u: ID!, $t: DateTime!) { banUser(input: { userId: $u, expiresAt: $t }) { banned } }",
            json!({ "u": user.id, "t": (Utc::now() - Duration::hours(1)).to_rfc3339() }),
        )
        .await
        .expect_code("BAD_USER_INPUT");
        let until = app
            .gql(
                Some(&admin.token),
                "mutation($u: ID!, $t: DateTime!) { banUser(input: { userId: $u, expiresAt: $t }) { banned banExpires } }",
                json!({ "u": user.id, "t": (Utc::now() + Duration::hours(1)).to_rfc3339() }),
            )
            .await
            .ok();
        assert_eq!(until["banUser"]["banned"], true);
        sign_in(&app, &user.email, PASSWORD, None)
            .await
            .expect_code("UNAUTHENTICATED");
        // The hour passes.
        let henry = uuid::Uuid::parse_str(&user.id).expect("id");
        user::Entity::update_many()
            .col_expr(
                user::Column::BanExpires,
                (Utc::now() - Duration::minutes(1)).into(),
            )
            .filter(user::Column::Id.eq(henry))
            .exec(app.db())
            .await
            .expect("lapse the ban");
        let back = sign_in(&app, &user.email, PASSWORD, None).await.ok();
        let back = back["signIn"]["token"].as_str().expect("a session");
        assert_eq!(
            app.gql(Some(back), ME, json!({})).await.ok()["me"]["email"],
            "henry@example.com",
            "[{backend}]"
        );
        let lifted = user::Entity::find_by_id(henry)
            .one(app.db())
            .await
            .expect("db")
            .expect("henry");
        assert!(
            !lifted.banned && lifted.ban_expires.is_none(),
            "[{backend}] the lapsed ban is lifted"
        );

        let imp = app
            .gql(
                Some(&admin.token),
                "mutation($u: ID!) { impersonateUser(userId: $u) { token user { email } } }",
                json!({ "u": user.id }),
            )
            .await
            .ok();
        let imp_token = imp["impersonateUser"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let me = app
            .gql(
                Some(&imp_token),
                "{ me { email } currentSession { impersonatedBy } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(me["me"]["email"], "henry@example.com");
        assert_eq!(me["currentSession"]["impersonatedBy"], admin.id.as_str());
        // What is done while impersonating is recorded with the administrator.
        let (org, _) = app
            .create_org(
                &vigil_tests::TestUser {
                    token: imp_token.clone(),
                    ..user.clone()
                },
                "Henry Co",
            )
            .await;
        let log = entity::audit_logs::Entity::find()
            .filter(entity::audit_logs::Column::Action.eq("organization.create"))
            .one(app.db())
            .await
            .expect("db")
            .expect("audit row");
        assert_eq!(log.organization_id.map(|o| o.to_string()), Some(org));
        assert_eq!(
            log.details.expect("details")["impersonatedBy"],
            admin.id.as_str()
        );
        // Impersonated sessions cannot impersonate, and end on request.
        app.gql(
            Some(&imp_token),
            "mutation($u: ID!) { impersonateUser(userId: $u) { token } }",
            json!({ "u": admin.id }),
        )
        .await
        .expect_code("FORBIDDEN");
        app.gql(
            Some(&imp_token),
            "mutation { stopImpersonating }",
            json!({}),
        )
        .await
        .ok();
        app.gql(Some(&imp_token), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        app.stop().await;
    }
}

/// A GraphQL request from a browser holding `cookies`: the answer and its `Set-Cookie` values.
async fn from_browser(
    app: &TestApp,
    cookies: &str,
    query: &str,
    variables: Value,
) -> (Value, Vec<String>) {
    let response = app
        .http
        .post(format!("{}/graphql", app.url))
        .header("cookie", cookies)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("a request");
    let set = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    (response.json().await.expect("json"), set)
}

/// A browser impersonating someone keeps its administrator's session aside (HttpOnly) and gets
/// it back when the impersonation stops; a kept cookie that is not the impersonating
/// administrator's own live session gives nothing back, and the browser is signed out.
#[tokio::test]
async fn a_browser_gets_its_administrator_back_when_an_impersonation_stops() {
    const IMPERSONATE: &str = "mutation($u: ID!) { impersonateUser(userId: $u) { token } }";
    const STOP: &str = "mutation { stopImpersonating }";
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let admin = app.sign_up("root@example.com").await;
        let user = app.sign_up("ida@example.com").await;
        let impersonate = || async {
            let (body, set) = from_browser(
                &app,
                &format!("vigil_session={}", admin.token),
                IMPERSONATE,
                json!({ "u": user.id }),
            )
            .await;
            let token = body["data"]["impersonateUser"]["token"]
                .as_str()
                .unwrap_or_else(|| panic!("[{backend}] {body}"))
                .to_owned();
            (token, set)
        };
        let (imp, set) = impersonate().await;
        assert!(
            set.iter().any(
                |c| c.starts_with(&format!("vigil_admin_session={};", admin.token))
                    && c.contains("HttpOnly")
            ),
            "[{backend}] the administrator's session kept aside: {set:?}"
        );
        assert!(
            set.iter()
                .any(|c| c.starts_with(&format!("vigil_session={imp};")))
        );

        let (body, set) = from_browser(
            &app,
            &format!("vigil_session={imp}; vigil_admin_session={}", admin.token),
            STOP,
            json!({}),
        )
        .await;
        assert_eq!(
            body["data"]["stopImpersonating"], true,
            "[{backend}] {body}"
        );
        assert!(
            set.iter()
                .any(|c| c.starts_with(&format!("vigil_session={};", admin.token))),
            "[{backend}] the administrator's session given back: {set:?}"
        );
        assert!(set.iter().any(|c| c.starts_with("vigil_admin_session=;")));
        assert_eq!(
            app.gql(Some(&admin.token), ME, json!({})).await.ok()["me"]["email"],
            "root@example.com"
        );
        app.gql(Some(&imp), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");

        // A kept cookie that is not the impersonator's own session: the user's session, or
        // nothing valid. Nothing is given back.
        for kept in [user.token.clone(), "not-a-session".to_owned()] {
            let (imp, _) = impersonate().await;
            let (body, set) = from_browser(
                &app,
                &format!("vigil_session={imp}; vigil_admin_session={kept}"),
                STOP,
                json!({}),
            )
            .await;
            assert_eq!(
                body["data"]["stopImpersonating"], false,
                "[{backend}] {body}"
            );
            assert!(
                set.iter().any(|c| c.starts_with("vigil_session=;"))
                    && !set.iter().any(|c| c.contains(&kept)),
                "[{backend}] signed out, nothing given back: {set:?}"
            );
        }
        app.stop().await;
    }
}

/// Signs in through a reverse proxy that says the client is `from` (`X-Forwarded-For`).
async fn sign_in_from(app: &TestApp, from: &str, email: &str, password: &str) -> (u16, Value) {
    let response = app
        .http
        .post(format!("{}/graphql", app.url))
        .header("x-forwarded-for", format!("10.9.8.7, {from}"))
        .json(&json!({ "query": SIGN_IN, "variables": { "i": { "email": email, "password": password } } }))
        .send()
        .await
        .expect("sign in");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json"))
}

#[tokio::test]
async fn one_address_guessing_across_accounts_is_held_back() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.max_failed_sign_ins_per_address = 4;
            s.trust_forwarded_for = true;
        })
        .await;
        let alice = app.sign_up("alice@example.com").await;
        let attacker = "203.0.113.7";
        // One wrong guess per account (each far below the per-account lockout), from one place.
        for victim in [
            "a@example.com",
            "b@example.com",
            "alice@example.com",
            "c@example.com",
        ] {
            let (_, body) = sign_in_from(&app, attacker, victim, "Summer2026!").await;
            assert_eq!(
                body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
                "[{backend}] {body}"
            );
        }
        // The address is held, even with a right password.
        let (status, body) = sign_in_from(&app, attacker, "alice@example.com", PASSWORD).await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "RATE_LIMITED",
            "{body}"
        );
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("this address")),
            "{body}"
        );
        assert!(status == 200 || status == 429, "{status}");
        // Alice, elsewhere, is not locked out by it.
        let (_, body) = sign_in_from(&app, "198.51.100.9", "alice@example.com", PASSWORD).await;
        assert!(body["data"]["signIn"]["token"].is_string(), "{body}");
        let account = user::Entity::find_by_id(uuid::Uuid::parse_str(&alice.id).expect("id"))
            .one(app.db())
            .await
            .expect("db")
            .expect("alice");
        assert!(account.sign_in_locked_until.is_none());
        app.stop().await;
    }
}

/// The stored session of `token` (sessions are stored by the SHA-256 of their token).
async fn stored_session(app: &TestApp, token: &str) -> entity::session::Model {
    use sha2::Digest;
    let hash = hex::encode(sha2::Sha256::digest(token.as_bytes()));
    entity::session::Entity::find()
        .filter(entity::session::Column::Token.eq(hash))
        .one(app.db())
        .await
        .expect("db")
        .expect("the session")
}

#[tokio::test]
async fn session_cookies_are_secure_when_the_base_url_is_https() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.base_url = Some("https://vigil.example.com".into());
        })
        .await;
        let set_cookie = |response: &reqwest::Response| {
            response
                .headers()
                .get("set-cookie")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let response = app
            .http
            .post(format!("{}/graphql", app.url))
            .json(&json!({ "query": "mutation { signUp(input: { email: \"sec@example.com\", password: \"correct horse battery\", name: \"Sec\" }) { token } }" }))
            .send()
            .await
            .expect("sign-up");
        let cookie = set_cookie(&response).expect("a session cookie");
        assert!(
            cookie.split(';').any(|a| a.trim() == "Secure"),
            "[{backend}] {cookie}"
        );
        let body: Value = response.json().await.expect("json");
        let token = body["data"]["signUp"]["token"].as_str().expect("token");
        // Signing out clears the cookie with the same attribute.
        let response = app
            .http
            .post(format!("{}/graphql", app.url))
            .bearer_auth(token)
            .json(&json!({ "query": "mutation { signOut }" }))
            .send()
            .await
            .expect("sign-out");
        let cleared = set_cookie(&response).expect("a clearing cookie");
        assert!(cleared.contains("Max-Age=0"), "[{backend}] {cleared}");
        assert!(
            cleared.split(';').any(|a| a.trim() == "Secure"),
            "[{backend}] {cleared}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn sessions_slide_when_used_in_the_second_half_of_their_life() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| s.session_days = 30).await;
        let user = app.sign_up("slide@example.com").await;
        let fresh = stored_session(&app, &user.token).await;
        let lifetime = fresh.expires_at - fresh.created_at;
        assert!(
            (lifetime - Duration::days(30)).num_seconds().abs() < 60,
            "[{backend}] {lifetime}"
        );
        // Used early in its life: no write, the expiry stays.
        app.gql(Some(&user.token), ME, json!({})).await.ok();
        assert_eq!(
            stored_session(&app, &user.token).await.expires_at,
            fresh.expires_at,
            "[{backend}]"
        );
        // Twenty days later (ten left, last written two days ago), a use moves the expiry to
        // thirty days from now.
        let mut aged: entity::session::ActiveModel = fresh.clone().into();
        aged.expires_at = Set(Utc::now() + Duration::days(10));
        aged.updated_at = Set(Utc::now() - Duration::days(2));
        aged.update(app.db()).await.expect("age the session");
        app.gql(Some(&user.token), ME, json!({})).await.ok();
        let slid = stored_session(&app, &user.token).await;
        let expected = Utc::now() + Duration::days(30);
        assert!(
            (slid.expires_at - expected).num_seconds().abs() < 60,
            "[{backend}] the expiry moved on: {} (expected about {expected})",
            slid.expires_at
        );
        // Past its expiry, it no longer works.
        let mut expired: entity::session::ActiveModel = slid.into();
        expired.expires_at = Set(Utc::now() - Duration::seconds(1));
        expired.update(app.db()).await.expect("expire the session");
        app.gql(Some(&user.token), ME, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_lock_whose_time_has_passed_lets_the_right_password_in() {
    for backend in backends() {
        let app = TestApp::spawn_with(&backend, |s| {
            s.max_failed_sign_ins = 3;
            s.lockout_minutes = 10;
        })
        .await;
        let carol = app.sign_up("carol@example.com").await;
        for _ in 0..3 {
            sign_in(&app, &carol.email, "wrong horse battery", None)
                .await
                .expect_code("UNAUTHENTICATED");
        }
        sign_in(&app, &carol.email, PASSWORD, None)
            .await
            .expect_code("RATE_LIMITED");
        let id = uuid::Uuid::parse_str(&carol.id).expect("id");
        let locked = user::Entity::find_by_id(id)
            .one(app.db())
            .await
            .expect("db")
            .expect("carol");
        let until = locked.sign_in_locked_until.expect("a stored lock");
        assert!(
            until > Utc::now() + Duration::minutes(9),
            "[{backend}] locked for lockout_minutes: {until}"
        );
        // The ten minutes pass.
        let mut lapsed: user::ActiveModel = locked.into();
        lapsed.sign_in_locked_until = Set(Some(Utc::now() - Duration::seconds(1)));
        lapsed.update(app.db()).await.expect("lapse the lock");
        let signed = sign_in(&app, &carol.email, PASSWORD, None).await.ok();
        assert!(
            signed["signIn"]["token"].is_string(),
            "[{backend}] {signed}"
        );
        let after = user::Entity::find_by_id(id)
            .one(app.db())
            .await
            .expect("db")
            .expect("carol");
        assert_eq!(after.failed_sign_in_count, 0, "[{backend}]");
        assert!(after.sign_in_locked_until.is_none(), "[{backend}]");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_recorded_client_address_is_the_forwarded_one_only_when_trusted() {
    for backend in backends() {
        for trust in [false, true] {
            let app = TestApp::spawn_with(&backend, |s| s.trust_forwarded_for = trust).await;
            let user = app.sign_up("dave@example.com").await;
            let (status, body) = sign_in_from(&app, "203.0.113.9", &user.email, PASSWORD).await;
            assert_eq!(status, 200, "{body}");
            let token = body["data"]["signIn"]["token"].as_str().expect("token");
            // The last X-Forwarded-For entry is what the proxy saw; otherwise the peer.
            let expected = if trust { "203.0.113.9" } else { "127.0.0.1" };
            let session = stored_session(&app, token).await;
            assert_eq!(
                session.ip_address.as_deref(),
                Some(expected),
                "[{backend}] trust_forwarded_for = {trust}"
            );
            let audit = entity::audit_logs::Entity::find()
                .filter(entity::audit_logs::Column::Action.eq("user.sign_in"))
                .all(app.db())
                .await
                .expect("audit");
            assert_eq!(audit.len(), 1, "[{backend}]");
            assert_eq!(
                audit[0].details.as_ref().expect("details")["ip"],
                expected,
                "[{backend}] trust_forwarded_for = {trust}"
            );
            app.stop().await;
        }
    }
}
