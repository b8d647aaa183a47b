//! Attacks of class `keys` (see `mod.rs`): a stolen or over-shared API key, or an
//! administrator's impersonation session, trying to manage the user's credentials (API keys,
//! sessions, password, two-factor) or to act at organization level beyond the key's scope.
//! Credentials are managed only from the user's own signed-in session; a key limited to a
//! project or a job acts only inside it.

use serde_json::{Value, json};
use vigil_tests::{PASSWORD, TestApp, TestUser, backends};

const CREATE_KEY: &str =
    "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id } } }";

/// Creates a key with the user's session; returns (key, id).
async fn key(app: &TestApp, user: &TestUser, input: Value) -> (String, String) {
    let data = app
        .gql(Some(&user.token), CREATE_KEY, json!({ "i": input }))
        .await
        .ok();
    (
        data["createApiKey"]["key"]
            .as_str()
            .expect("key")
            .to_owned(),
        data["createApiKey"]["apiKey"]["id"]
            .as_str()
            .expect("key id")
            .to_owned(),
    )
}

/// A job in `project` (one k6 test), for a key scoped to it.
async fn job(app: &TestApp, user: &TestUser, project: &str) -> String {
    let test = app
        .gql(
            Some(&user.token),
            "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
            json!({ "i": { "projectId": project, "title": "t", "type": "PERFORMANCE", "script": "export default function () {}" } }),
        )
        .await
        .ok()["createTest"]["id"]
        .as_str()
        .expect("test id")
        .to_owned();
    app.gql(
        Some(&user.token),
        "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
        json!({ "i": { "projectId": project, "name": "ci", "jobType": "K6", "testIds": [test] } }),
    )
    .await
    .ok()["createJob"]["id"]
        .as_str()
        .expect("job id")
        .to_owned()
}

/// Every credential-management operation, against the victim key and session.
fn credential_operations(victim_key: &str, session: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("{ apiKeys { id name } }", json!({})),
        ("{ sessions { id } }", json!({})),
        (
            CREATE_KEY,
            json!({ "i": { "name": "persist", "permission": "READ" } }),
        ),
        (
            "mutation($id: ID!) { updateApiKey(id: $id, input: { enabled: false }) { id } }",
            json!({ "id": victim_key }),
        ),
        (
            "mutation($id: ID!) { updateApiKey(id: $id, input: { name: \"mine now\" }) { id } }",
            json!({ "id": victim_key }),
        ),
        (
            "mutation($id: ID!) { deleteApiKey(id: $id) }",
            json!({ "id": victim_key }),
        ),
        (
            "mutation($id: ID!) { revokeSession(id: $id) }",
            json!({ "id": session }),
        ),
        (
            "mutation($i: ChangePasswordInput!) { changePassword(input: $i) }",
            json!({ "i": { "currentPassword": PASSWORD, "newPassword": "taken over now" } }),
        ),
        (
            "mutation($p: String!) { enrollTotp(password: $p) { secret } }",
            json!({ "p": PASSWORD }),
        ),
        (
            "mutation($p: String!) { disableTotp(password: $p) { id } }",
            json!({ "p": PASSWORD }),
        ),
    ]
}

#[tokio::test]
async fn no_api_key_manages_keys_sessions_or_the_password() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("keyholder@example.com").await;
        let (_, project) = app.create_org(&user, "Keys").await;
        let job = job(&app, &user, &project).await;
        let (victim, victim_id) = key(
            &app,
            &user,
            json!({ "name": "deploy", "permission": "WRITE" }),
        )
        .await;
        let session = app
            .gql(Some(&user.token), "{ currentSession { id } }", json!({}))
            .await
            .ok()["currentSession"]["id"]
            .as_str()
            .expect("session id")
            .to_owned();
        let attackers = [
            (
                "admin key",
                key(&app, &user, json!({ "name": "a", "permission": "ADMIN" }))
                    .await
                    .0,
            ),
            (
                "project read key",
                key(
                    &app,
                    &user,
                    json!({ "name": "p", "permission": "READ", "projectId": project }),
                )
                .await
                .0,
            ),
            (
                "job read key",
                key(
                    &app,
                    &user,
                    json!({ "name": "j", "permission": "READ", "jobId": job }),
                )
                .await
                .0,
            ),
        ];
        let keys_before = app.count("apikey").await;
        let mut problems = Vec::new();
        for (label, attacker) in &attackers {
            for (query, vars) in credential_operations(&victim_id, &session) {
                let response = app.gql(Some(attacker), query, vars).await;
                if response.code() != Some("FORBIDDEN") || !response.message().contains("session") {
                    problems.push(format!("[{backend}] {label}: {query} -> {}", response.body));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // Nothing changed: the victim key still works under its name, the session lives.
        assert_eq!(app.count("apikey").await, keys_before);
        let listed = app
            .gql(
                Some(&user.token),
                "{ apiKeys { id name enabled } }",
                json!({}),
            )
            .await
            .ok();
        let victim_row = listed["apiKeys"]
            .as_array()
            .expect("keys")
            .iter()
            .find(|k| k["id"] == victim_id.as_str())
            .cloned()
            .expect("the victim key");
        assert_eq!(victim_row["name"], "deploy");
        assert_eq!(victim_row["enabled"], true);
        app.gql(Some(&victim), "{ me { id } }", json!({}))
            .await
            .ok();
        app.gql(Some(&user.token), "{ me { id } }", json!({}))
            .await
            .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn a_scoped_key_does_not_act_at_organization_level() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.verified_user("owner@example.com").await;
        let user = app.verified_user("member@example.com").await;
        let (org, project) = app.create_org(&owner, "Shared").await;
        // The user joins as an editor.
        let invite = app
            .gql(
                Some(&owner.token),
                "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }",
                json!({ "i": { "organizationId": org, "email": user.email, "role": "PROJECT_EDITOR", "projectIds": [project] } }),
            )
            .await
            .ok()["inviteMember"]["id"]
            .as_str()
            .expect("invitation")
            .to_owned();
        let member = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { acceptInvitation(id: $id) { id } }",
                json!({ "id": invite }),
            )
            .await
            .ok()["acceptInvitation"]["id"]
            .as_str()
            .expect("member id")
            .to_owned();
        // A second invitation, still open, into another organization.
        let (other_org, _) = app.create_org(&owner, "Other").await;
        let pending = app
            .gql(
                Some(&owner.token),
                "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }",
                json!({ "i": { "organizationId": other_org, "email": user.email, "role": "PROJECT_VIEWER" } }),
            )
            .await
            .ok()["inviteMember"]["id"]
            .as_str()
            .expect("invitation")
            .to_owned();
        let job = job(&app, &owner, &project).await;
        let (project_key, _) = key(
            &app,
            &user,
            json!({ "name": "p", "permission": "WRITE", "projectId": project }),
        )
        .await;
        let (job_key, _) = key(
            &app,
            &user,
            json!({ "name": "j", "permission": "WRITE", "jobId": job }),
        )
        .await;
        let members_before = app.count("member").await;
        let mut problems = Vec::new();
        for (label, attacker) in [("project key", &project_key), ("job key", &job_key)] {
            for (query, vars) in [
                (
                    "mutation($id: ID!) { removeMember(memberId: $id) }",
                    json!({ "id": member }),
                ),
                (
                    "mutation($id: ID!) { revokeInvitation(id: $id) { status } }",
                    json!({ "id": pending }),
                ),
                (
                    "mutation { createOrganization(input: { name: \"Mine\" }) { id } }",
                    json!({}),
                ),
                (
                    "mutation { updateProfile(input: { name: \"Renamed\" }) { name } }",
                    json!({}),
                ),
            ] {
                let response = app.gql(Some(attacker), query, vars).await;
                if response.code() != Some("FORBIDDEN") {
                    problems.push(format!("[{backend}] {label}: {query} -> {}", response.body));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert_eq!(app.count("member").await, members_before);
        let invitations = app
            .gql(
                Some(&user.token),
                "{ myInvitations { id status } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(invitations["myInvitations"][0]["status"], "PENDING");
        let me = app
            .gql(Some(&user.token), "{ me { name } }", json!({}))
            .await
            .ok();
        assert_eq!(me["me"]["name"], "member");
        // The project key still works inside its project.
        app.gql(
            Some(&project_key),
            "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"ok\" }) { id } }",
            json!({ "p": project }),
        )
        .await
        .ok();
        // The user's own session may leave.
        app.gql(
            Some(&user.token),
            "mutation($id: ID!) { removeMember(memberId: $id) }",
            json!({ "id": member }),
        )
        .await
        .ok();
        app.stop().await;
    }
}

#[tokio::test]
async fn an_impersonation_session_cannot_mint_keys_or_change_credentials() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let admin = app.sign_up("root@example.com").await;
        let user = app.sign_up("target@example.com").await;
        let (victim, victim_id) = key(
            &app,
            &user,
            json!({ "name": "deploy", "permission": "WRITE" }),
        )
        .await;
        let session = app
            .gql(Some(&user.token), "{ currentSession { id } }", json!({}))
            .await
            .ok()["currentSession"]["id"]
            .as_str()
            .expect("session id")
            .to_owned();
        let imp = app
            .gql(
                Some(&admin.token),
                "mutation($u: ID!) { impersonateUser(userId: $u) { token } }",
                json!({ "u": user.id }),
            )
            .await
            .ok()["impersonateUser"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let keys_before = app.count("apikey").await;
        let mut problems = Vec::new();
        for (query, vars) in credential_operations(&victim_id, &session)
            .into_iter()
            .chain([(
                CREATE_KEY,
                json!({ "i": { "name": "backdoor", "permission": "ADMIN" } }),
            )])
        {
            let response = app.gql(Some(&imp), query, vars).await;
            if response.code() != Some("FORBIDDEN") {
                problems.push(format!("[{backend}] {query} -> {}", response.body));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert_eq!(app.count("apikey").await, keys_before);
        app.gql(Some(&victim), "{ me { id } }", json!({}))
            .await
            .ok();
        app.gql(Some(&user.token), "{ me { id } }", json!({}))
            .await
            .ok();
        // The user's password is unchanged.
        app.gql(
            None,
            "mutation($i: SignInInput!) { signIn(input: $i) { token } }",
            json!({ "i": { "email": user.email, "password": PASSWORD } }),
        )
        .await
        .ok();
        app.stop().await;
    }
}
