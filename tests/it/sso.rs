//! Single sign-on with OpenID Connect, end to end against a stand-in provider on loopback
//! (`vigil_tests::oidc`): the browser's round trip (start → provider → callback) is played by
//! hand with a client that follows no redirect, so each hop can be checked and tampered with.

use std::collections::HashMap;

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use vigil_tests::oidc::{CLIENT_SECRET, Person, StandIn, Tamper};
use vigil_tests::snapshot::{Snapshot, uuid};
use vigil_tests::{Backend, TestApp, TestUser, backends};

const IDP: &str = "idp";

/// Where the callback sent the browser, and the session it set, if any.
#[derive(Debug)]
struct Landing {
    location: String,
    session: Option<String>,
}

impl Landing {
    /// The message of a refusal (the sign-in page's `error`), or None when signed in.
    fn error(&self) -> Option<String> {
        let url = url::Url::parse(&format!("http://x{}", self.location)).expect("a location");
        url.query_pairs()
            .find(|(k, _)| k == "error")
            .map(|(_, v)| v.into_owned())
    }

    #[track_caller]
    fn signed_in(&self) -> String {
        assert_eq!(
            self.location, "/",
            "signed in and sent to the app: {self:?}"
        );
        self.session.clone().expect("a session cookie")
    }

    #[track_caller]
    fn refused(&self, containing: &str) {
        let error = self.error().unwrap_or_else(|| panic!("refused: {self:?}"));
        assert!(self.location.starts_with("/sign-in?"), "{self:?}");
        assert!(self.session.is_none(), "no session: {self:?}");
        assert!(
            error.contains(containing),
            "{error:?} should contain {containing:?}"
        );
    }
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(vigil_tests::HANG)
        .build()
        .expect("client")
}

fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("a Location header")
        .to_owned()
}

/// `GET /auth/oidc/{provider}/start`: the provider's authorization URL and the state cookie.
async fn start(app: &TestApp) -> (String, String) {
    let response = browser()
        .get(format!("{}/auth/oidc/{IDP}/start", app.url))
        .send()
        .await
        .expect("start");
    assert_eq!(response.status(), 303, "start redirects to the provider");
    let cookie = set_cookie(&response, "vigil_oidc_state").expect("a state cookie");
    (location(&response), cookie)
}

/// The provider's answer to an authorization request: the callback's query.
async fn authorize(url: &str) -> String {
    let response = browser().get(url).send().await.expect("authorize");
    assert_eq!(response.status(), 302, "{:?}", response.text().await);
    let back = url::Url::parse(&location(&response)).expect("a callback URL");
    assert!(back.path().ends_with(&format!("/auth/oidc/{IDP}/callback")));
    back.query().expect("code and state").to_owned()
}

/// `GET /auth/oidc/{provider}/callback?{query}` with the state cookie (when given).
async fn callback(app: &TestApp, query: &str, cookie: Option<&str>) -> Landing {
    let mut request = browser().get(format!("{}/auth/oidc/{IDP}/callback?{query}", app.url));
    if let Some(cookie) = cookie {
        request = request.header("cookie", format!("vigil_oidc_state={cookie}"));
    }
    let response = request.send().await.expect("callback");
    assert_eq!(response.status(), 303);
    Landing {
        location: location(&response),
        session: set_cookie(&response, "vigil_session"),
    }
}

/// The whole round trip, as a browser makes it.
async fn sign_in(app: &TestApp) -> Landing {
    let (url, cookie) = start(app).await;
    let query = authorize(&url).await;
    callback(app, &query, Some(&cookie)).await
}

async fn spawn(backend: &Backend, idp: &StandIn) -> TestApp {
    let provider = idp.settings(IDP);
    TestApp::spawn_with(backend, move |s| s.sso.providers = vec![provider]).await
}

/// What changed besides the flows in progress (`verification`).
fn changes(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    before
        .changes(after)
        .into_iter()
        .filter(|c| !c.starts_with("verification"))
        .collect()
}

async fn me(app: &TestApp, token: &str) -> serde_json::Value {
    app.gql(
        Some(token),
        "{ me { id email emailVerified linkedAccounts { provider providerName createdAt } } }",
        json!({}),
    )
    .await
    .ok()["me"]
        .clone()
}

fn query_of(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .expect("URL")
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[tokio::test]
async fn sign_in_creates_a_user_and_signs_in_again_as_the_same_user() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        idp.next(Person::verified("sub-new", "New.Person@Example.com"));
        let token = sign_in(&app).await.signed_in();
        let me1 = me(&app, &token).await;
        assert_eq!(me1["email"], "new.person@example.com", "[{backend}]");
        assert_eq!(me1["emailVerified"], true);
        assert_eq!(me1["linkedAccounts"][0]["provider"], IDP);
        assert_eq!(me1["linkedAccounts"][0]["providerName"], "Stand-in IdP");

        // The authorization request: code flow, PKCE S256, a state and a nonce, our scopes.
        let asked = idp.authorize_requests().last().cloned().expect("a request");
        assert_eq!(asked["response_type"], "code");
        assert_eq!(asked["code_challenge_method"], "S256");
        assert!(asked["nonce"].len() >= 16 && asked["state"].len() >= 16);
        let scopes: Vec<&str> = asked["scope"].split(' ').collect();
        for scope in ["openid", "email", "profile"] {
            assert!(scopes.contains(&scope), "{scopes:?}");
        }
        // The token request authenticated the client and sent the verifier.
        let exchanged = idp
            .token_requests()
            .last()
            .cloned()
            .expect("a token request");
        assert!(exchanged["code_verifier"].len() >= 43);
        assert!(exchanged["authorization"].starts_with("Basic "));

        // Tokens are sealed at rest, bound to their row.
        let row = entity::account::Entity::find()
            .filter(entity::account::Column::ProviderId.eq(IDP))
            .one(app.db())
            .await
            .expect("query")
            .expect("the linked account");
        assert_eq!(row.account_id, "sub-new");
        for sealed in [&row.access_token, &row.refresh_token, &row.id_token] {
            let sealed = sealed.as_deref().expect("a token");
            assert!(sealed.starts_with("v2:"), "sealed: {sealed}");
            assert!(!sealed.contains("access-") && !sealed.contains("refresh-"));
        }

        // The same subject again: the same user, no second account.
        let again = sign_in(&app).await.signed_in();
        assert_eq!(me(&app, &again).await["id"], me1["id"]);
        assert_eq!(app.count("user").await, 1);
        assert_eq!(app.count("account").await, 1);
        let audit = vigil_tests::snapshot::audit_rows(&app, "user.sign_in", "provider", IDP).await;
        assert_eq!(audit.len(), 2, "[{backend}] each SSO sign-in is audited");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_verified_address_links_to_the_existing_account() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        let ann = app.sign_up("ann@example.com").await;
        idp.next(Person::verified("sub-ann", "ANN@example.com"));
        let token = sign_in(&app).await.signed_in();
        let found = me(&app, &token).await;
        assert_eq!(
            found["id"],
            ann.id.as_str(),
            "[{backend}] linked, not a new user"
        );
        let providers: Vec<&str> = found["linkedAccounts"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|a| a["provider"].as_str())
            .collect();
        assert_eq!(providers, ["credential", IDP]);
        // The provider vouched for the address.
        assert_eq!(
            found["emailVerified"], false,
            "verification is the app's own"
        );
        assert_eq!(
            vigil_tests::snapshot::audit_rows(&app, "user.link_account", "provider", IDP)
                .await
                .len(),
            1
        );
        // The password still works.
        app.gql(
            None,
            "mutation { signIn(input: {email: \"ann@example.com\", password: \"correct horse battery\"}) { token } }",
            json!({}),
        )
        .await
        .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn an_unverified_address_never_links_to_an_existing_account() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        app.sign_up("bob@example.com").await;
        for verified in [Some(false), None] {
            idp.next(Person {
                email_verified: verified,
                ..Person::verified("sub-mallory", "bob@example.com")
            });
            let before = Snapshot::take(&app).await;
            sign_in(&app)
                .await
                .refused("not say the address is verified");
            let after = Snapshot::take(&app).await;
            assert_eq!(
                changes(&before, &after),
                Vec::<String>::new(),
                "[{backend}]"
            );
        }
        // No address at all: nothing to link or create.
        idp.next(Person {
            email: None,
            ..Person::verified("sub-anon", "x@example.com")
        });
        let before = Snapshot::take(&app).await;
        sign_in(&app).await.refused("email");
        assert!(changes(&before, &Snapshot::take(&app).await).is_empty());
        app.stop().await;
    }
}

#[tokio::test]
async fn tampered_id_tokens_are_refused_with_nothing_created() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        app.sign_up("ann@example.com").await;
        idp.next(Person::verified("sub-ann", "ann@example.com"));
        for tamper in [
            Tamper::Issuer,
            Tamper::Audience,
            Tamper::Expired,
            Tamper::Signature,
            Tamper::Nonce,
        ] {
            idp.tamper(tamper);
            let before = Snapshot::take(&app).await;
            sign_in(&app).await.refused("the ID token did not verify");
            let after = Snapshot::take(&app).await;
            assert_eq!(
                changes(&before, &after),
                Vec::<String>::new(),
                "[{backend}] {tamper:?} changed something"
            );
        }
        // The provider's keys were not lost on the way: an honest token still signs in.
        idp.tamper(Tamper::None);
        sign_in(&app).await.signed_in();
        app.stop().await;
    }
}

#[tokio::test]
async fn state_and_pkce_are_checked_and_a_state_works_once() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        idp.next(Person::verified("sub-1", "one@example.com"));
        let before = Snapshot::take(&app).await;

        // Another state than this browser's (its cookie), or no cookie at all.
        let (url, cookie) = start(&app).await;
        let query = authorize(&url).await;
        let mut other = query_of(&format!("http://x/?{query}"));
        other.insert("state".into(), "another-state".into());
        let other = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(other.iter())
            .finish();
        callback(&app, &other, Some(&cookie))
            .await
            .refused("not started in this browser");
        callback(&app, &query, None)
            .await
            .refused("not started in this browser");
        callback(&app, &query, Some("forged"))
            .await
            .refused("not started in this browser");

        // A PKCE challenge replaced on the way to the provider: the verifier does not match.
        let (url, cookie) = start(&app).await;
        let mut tampered = url::Url::parse(&url).expect("URL");
        let pairs: Vec<(String, String)> = tampered
            .query_pairs()
            .map(|(k, v)| {
                let v = if k == "code_challenge" {
                    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".to_owned()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        tampered.query_pairs_mut().clear().extend_pairs(pairs);
        let query = authorize(tampered.as_str()).await;
        callback(&app, &query, Some(&cookie))
            .await
            .refused("the code was not accepted");
        assert!(
            changes(&before, &Snapshot::take(&app).await).is_empty(),
            "[{backend}] refused callbacks changed something"
        );

        // A state works once: the same callback again is refused, with no new session.
        let (url, cookie) = start(&app).await;
        let query = authorize(&url).await;
        callback(&app, &query, Some(&cookie)).await.signed_in();
        let sessions = app.count("session").await;
        callback(&app, &query, Some(&cookie))
            .await
            .refused("used already");
        assert_eq!(app.count("session").await, sessions);

        // The provider's own refusal, with a script in it, comes back as plain text.
        let (url, cookie) = start(&app).await;
        let state = query_of(&url)["state"].clone();
        let evil = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("state", &state)
            .append_pair("error", "<script>alert(1)</script>")
            .finish();
        let landing = callback(&app, &evil, Some(&cookie)).await;
        landing.refused("refused the sign-in");
        assert!(!landing.location.contains('<'), "{landing:?}");

        // Oversized values are refused before anything is looked up.
        let huge = "a".repeat(10_000);
        callback(&app, &format!("code=x&state={huge}"), Some(&huge))
            .await
            .refused("no state");
        app.stop().await;
    }
}

#[tokio::test]
async fn unknown_providers_are_not_found() {
    let idp = StandIn::start().await;
    let app = spawn(&Backend::Sqlite, &idp).await;
    for path in [
        "/auth/oidc/nope/start",
        "/auth/oidc/nope/callback?code=a&state=b",
    ] {
        let response = browser()
            .get(format!("{}{path}", app.url))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 404, "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn banned_users_are_refused() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        let ann = app.sign_up("ann@example.com").await;
        idp.next(Person::verified("sub-ann", "ann@example.com"));
        sign_in(&app).await.signed_in();
        let user = entity::user::Entity::find_by_id(uuid(&ann.id))
            .one(app.db())
            .await
            .expect("query")
            .expect("user");
        let mut banned: entity::user::ActiveModel = user.into();
        banned.banned = Set(true);
        banned.update(app.db()).await.expect("ban");
        let before = Snapshot::take(&app).await;
        sign_in(&app).await.refused("banned");
        assert!(
            changes(&before, &Snapshot::take(&app).await).is_empty(),
            "[{backend}]"
        );
        app.stop().await;
    }
}

async fn set_plan(app: &TestApp, org: &str, plan: &str) {
    let row = entity::organization::Entity::find_by_id(uuid(org))
        .one(app.db())
        .await
        .expect("query")
        .expect("org");
    let mut row: entity::organization::ActiveModel = row.into();
    row.subscription_plan = Set(Some(plan.into()));
    row.update(app.db()).await.expect("plan");
}

async fn require_sso(
    app: &TestApp,
    user: &TestUser,
    org: &str,
    provider: Option<&str>,
) -> vigil_tests::Gql {
    app.gql(
        Some(&user.token),
        "mutation($o: ID!, $p: String) { updateOrganizationSso(organizationId: $o, input: { providerId: $p }) { required providerId providerName requiredBy available unavailableReason } }",
        json!({ "o": org, "p": provider }),
    )
    .await
}

async fn password_sign_in(app: &TestApp, email: &str) -> vigil_tests::Gql {
    app.gql(
        None,
        "mutation($e: String!) { signIn(input: {email: $e, password: \"correct horse battery\"}) { token } }",
        json!({ "e": email }),
    )
    .await
}

#[tokio::test]
async fn organizations_require_sso_where_the_plan_allows_it() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        let owner = app.verified_user("owner@example.com").await;
        let (org, project) = app.create_org(&owner, "Acme").await;
        let member = app
            .member(
                &owner,
                &org,
                &project,
                "member@example.com",
                "PROJECT_EDITOR",
            )
            .await;

        // A plan without SSO: PLAN_LIMIT, and the setting says why.
        set_plan(&app, &org, "free").await;
        let before = Snapshot::take(&app).await;
        require_sso(&app, &owner, &org, Some(IDP))
            .await
            .expect_code("PLAN_LIMIT");
        assert!(changes(&before, &Snapshot::take(&app).await).is_empty());
        let setting = app
            .gql(
                Some(&owner.token),
                "query($o: ID!) { organizationSso(organizationId: $o) { required available unavailableReason } }",
                json!({ "o": org }),
            )
            .await
            .ok();
        assert_eq!(setting["organizationSso"]["available"], false);
        assert!(
            setting["organizationSso"]["unavailableReason"]
                .as_str()
                .is_some_and(|r| r.contains("single sign-on"))
        );

        set_plan(&app, &org, "pro").await;
        // Only an owner, only a provider that exists, only members see it.
        require_sso(&app, &member, &org, Some(IDP))
            .await
            .expect_code("FORBIDDEN");
        let unknown = require_sso(&app, &owner, &org, Some("nope")).await;
        unknown.expect_code("BAD_USER_INPUT");
        assert_eq!(unknown.field(), Some("providerId"));
        let stranger = app.verified_user("stranger@example.com").await;
        require_sso(&app, &stranger, &org, Some(IDP))
            .await
            .expect_code("NOT_FOUND");

        // Not through an API key: a sign-in rule is set from the owner's own session.
        let key = app
            .gql(
                Some(&owner.token),
                "mutation { createApiKey(input: { name: \"ci\", permission: ADMIN }) { key } }",
                json!({}),
            )
            .await
            .ok()["createApiKey"]["key"]
            .as_str()
            .expect("a key")
            .to_owned();
        let as_key = TestUser {
            token: key,
            ..owner.clone()
        };
        require_sso(&app, &as_key, &org, Some(IDP))
            .await
            .expect_code("FORBIDDEN");

        let set = require_sso(&app, &owner, &org, Some(IDP)).await.ok();
        let set = &set["updateOrganizationSso"];
        assert_eq!(set["required"], true, "[{backend}]");
        assert_eq!(set["providerName"], "Stand-in IdP");
        assert_eq!(set["requiredBy"], owner.id.as_str());
        assert_eq!(
            vigil_tests::snapshot::audit_rows(&app, "organization.sso_update", "providerId", IDP)
                .await
                .len(),
            1
        );
        // The member's password session ended with the rule; a password sign-in is refused.
        app.gql(Some(&member.token), "{ me { id } }", json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        let refused = password_sign_in(&app, "member@example.com").await;
        refused.expect_code("FORBIDDEN");
        assert!(
            refused
                .message()
                .contains("requires signing in with Stand-in IdP")
        );
        // Through the provider, the member is in.
        idp.next(Person::verified("sub-member", "member@example.com"));
        let token = sign_in(&app).await.signed_in();
        app.gql(
            Some(&token),
            "query($o: ID!) { organization(id: $o) { id } }",
            json!({ "o": org }),
        )
        .await
        .ok();
        // Another member's linked accounts are not readable, even by the owner.
        app.gql(
            Some(&owner.token),
            "query($o: ID!) { organization(id: $o) { members { user { linkedAccounts { provider } } } } }",
            json!({ "o": org }),
        )
        .await
        .expect_code("FORBIDDEN");
        // The owner who set it keeps the password (the way back in).
        password_sign_in(&app, "owner@example.com").await.ok();

        // Turned off: passwords work again.
        let off = require_sso(&app, &owner, &org, None).await.ok();
        assert_eq!(off["updateOrganizationSso"]["required"], false);
        password_sign_in(&app, "member@example.com").await.ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn providers_are_public_and_secrets_never_answered() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        let listed = app
            .gql(None, "{ ssoProviders { id name } }", json!({}))
            .await;
        let text = listed.body.to_string();
        assert_eq!(
            listed.ok()["ssoProviders"],
            json!([{ "id": IDP, "name": "Stand-in IdP" }])
        );
        assert!(!text.contains(CLIENT_SECRET));
        // Neither the settings' debug form nor any answer of a sign-in carries a secret.
        assert!(!format!("{:?}", app.state().settings).contains(CLIENT_SECRET));
        idp.next(Person::verified("sub-2", "two@example.com"));
        let token = sign_in(&app).await.signed_in();
        let answer = app
            .gql(
                Some(&token),
                "{ me { linkedAccounts { provider providerName createdAt } } }",
                json!({}),
            )
            .await
            .body
            .to_string();
        for secret in [CLIENT_SECRET, "access-", "refresh-", "sub-2", "v2:"] {
            assert!(!answer.contains(secret), "[{backend}] {secret} in {answer}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn unlinking_never_removes_the_last_way_in() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        let unlink = |token: String, provider: &'static str| {
            let app = &app;
            async move {
                app.gql(
                    Some(&token),
                    "mutation($p: String!) { unlinkAccount(provider: $p) }",
                    json!({ "p": provider }),
                )
                .await
            }
        };
        // Created by SSO: the provider is the only way in.
        idp.next(Person::verified("sub-only", "only@example.com"));
        let only = sign_in(&app).await.signed_in();
        unlink(only.clone(), IDP).await.expect_code("CONFLICT");
        unlink(only, "credential")
            .await
            .expect_code("BAD_USER_INPUT");

        // A password and a link: the link may go, and the provider then makes a new link.
        let ann = app.sign_up("ann@example.com").await;
        idp.next(Person::verified("sub-ann", "ann@example.com"));
        sign_in(&app).await.signed_in();
        unlink(ann.token.clone(), "other")
            .await
            .expect_code("NOT_FOUND");
        assert_eq!(
            unlink(ann.token.clone(), IDP).await.ok()["unlinkAccount"],
            true
        );
        assert_eq!(
            me(&app, &ann.token).await["linkedAccounts"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn an_unreachable_provider_sends_back_to_the_sign_in_page() {
    let idp = StandIn::start().await;
    let mut down = idp.settings(IDP);
    // A loopback port nothing listens on (bound, then closed).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    down.issuer = format!("http://127.0.0.1:{port}/unreachable");
    let app = TestApp::spawn_with(&Backend::Sqlite, move |s| s.sso.providers = vec![down]).await;
    let before = Snapshot::take(&app).await;
    let response = browser()
        .get(format!("{}/auth/oidc/{IDP}/start", app.url))
        .send()
        .await
        .expect("start");
    assert_eq!(response.status(), 303);
    let landing = Landing {
        location: location(&response),
        session: None,
    };
    landing.refused("try again later");
    assert!(set_cookie(&response, "vigil_oidc_state").is_none());
    assert!(Snapshot::take(&app).await.changes(&before).is_empty());
    app.stop().await;
}

#[tokio::test]
async fn an_address_starts_a_bounded_number_of_sign_ins() {
    let idp = StandIn::start().await;
    for backend in backends() {
        let app = spawn(&backend, &idp).await;
        let before = app.count("verification").await;
        let limit = vigil::auth::oidc::STARTS_PER_ADDRESS;
        for _ in 0..limit {
            start(&app).await;
        }
        // One more from the same address is refused, and writes no state row.
        let refused = browser()
            .get(format!("{}/auth/oidc/{IDP}/start", app.url))
            .send()
            .await
            .expect("start");
        assert_eq!(refused.status(), 429, "[{backend}]");
        assert!(refused.headers().contains_key("retry-after"));
        assert_eq!(
            app.count("verification").await,
            before + i64::from(limit),
            "[{backend}]"
        );
        app.stop().await;
    }
}
