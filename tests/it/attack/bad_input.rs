//! Bad input gets the right code (`BAD_USER_INPUT` naming the field, `NOT_FOUND`, `CONFLICT`),
//! a null for single reads of unknown ids, and writes nothing: every table the foundation
//! writes is compared before and after each call. No message carries SQL or driver text.

use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::{TestApp, TestUser, backends, link_token};

use vigil_tests::snapshot::{Snapshot, problems_with_leaks};

/// 100 kB of text.
fn big() -> String {
    "x".repeat(100_000)
}

/// What a refused call must answer.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// `BAD_USER_INPUT` with `extensions.field`.
    Field(&'static str),
    NotFound,
    Conflict,
    /// No error, and this top-level field is null.
    Null(&'static str),
}

/// An organization with something of every kind in it, and a checker that collects what
/// went wrong instead of stopping at the first.
struct Fixture<'a> {
    app: &'a TestApp,
    user: TestUser,
    org: String,
    project: String,
    other_project: String,
    variable: String,
    tag: String,
    other_tag: String,
    credential: String,
    problems: Vec<String>,
}

impl<'a> Fixture<'a> {
    async fn new(app: &'a TestApp) -> Fixture<'a> {
        let user = app.verified_user("owner@example.com").await;
        let ok = |query: &'static str, vars: Value| {
            let token = user.token.clone();
            async move { app.gql(Some(&token), query, vars).await.ok() }
        };
        let id = |data: &Value, field: &str| data[field]["id"].as_str().expect("id").to_owned();
        let org = id(
            &ok(
                "mutation { createOrganization(input: { name: \"Taken\", slug: \"taken\" }) { id } }",
                json!({}),
            )
            .await,
            "createOrganization",
        );
        let projects = ok(
            "query($o: ID!) { projects(organizationId: $o) { nodes { id } } }",
            json!({ "o": org }),
        )
        .await;
        let project = projects["projects"]["nodes"][0]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let other_project = id(
            &ok(
                "mutation($o: ID!) { createProject(input: { organizationId: $o, name: \"Prod\", slug: \"prod\" }) { id } }",
                json!({ "o": org }),
            )
            .await,
            "createProject",
        );
        let variable = id(
            &ok(
                "mutation($p: ID!) { createProjectVariable(input: { projectId: $p, key: \"EXISTING\", value: \"1\" }) { id } }",
                json!({ "p": project }),
            )
            .await,
            "createProjectVariable",
        );
        let tag = id(
            &ok(
                "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"prod\" }) { id } }",
                json!({ "p": project }),
            )
            .await,
            "createTag",
        );
        let other_tag = id(
            &ok(
                "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"staging\" }) { id } }",
                json!({ "p": project }),
            )
            .await,
            "createTag",
        );
        let credential = id(
            &ok(
                "mutation($p: ID!) { createServiceCredential(input: { projectId: $p, name: \"Mail\", provider: SENDGRID, secret: \"SG.secret\" }) { id } }",
                json!({ "p": project }),
            )
            .await,
            "createServiceCredential",
        );
        // A pending invitation, so that the invitation table has a row to keep.
        ok(
            "mutation($o: ID!) { inviteMember(input: { organizationId: $o, email: \"someone@example.com\", role: PROJECT_VIEWER }) { id } }",
            json!({ "o": org }),
        )
        .await;
        Fixture {
            app,
            user,
            org,
            project,
            other_project,
            variable,
            tag,
            other_tag,
            credential,
            problems: Vec::new(),
        }
    }

    /// Sends `query` (signed in as the owner unless `anonymous`) and checks the answer is
    /// `want`, that no table changed and that no message leaks internals.
    async fn expect(&mut self, anonymous: bool, query: &str, vars: Value, want: Want) {
        let token = (!anonymous).then_some(self.user.token.as_str());
        let before = Snapshot::take(self.app).await;
        let response = self.app.gql(token, query, vars.clone()).await;
        let after = Snapshot::take(self.app).await;
        let label = format!("{query} {}", shorten(&vars));
        let right = match want {
            Want::Field(field) => {
                response.code() == Some("BAD_USER_INPUT") && response.field() == Some(field)
            }
            Want::NotFound => response.code() == Some("NOT_FOUND"),
            Want::Conflict => response.code() == Some("CONFLICT"),
            Want::Null(field) => {
                response.body.get("errors").is_none() && response.body["data"][field].is_null()
            }
        };
        if !right {
            self.problems.push(format!(
                "{label}: expected {want:?}, got {}",
                shorten(&response.body)
            ));
        }
        for change in before.changes(&after) {
            self.problems.push(format!("{label}: changed {change}"));
        }
        for leak in problems_with_leaks(&response) {
            self.problems.push(format!("{label}: {leak}"));
        }
    }

    async fn expect_as_owner(&mut self, query: &str, vars: Value, want: Want) {
        self.expect(false, query, vars, want).await;
    }

    /// Fails the test with everything collected.
    fn finish(self, backend: &vigil_tests::Backend) {
        assert!(
            self.problems.is_empty(),
            "{backend}: {} problems:\n{}",
            self.problems.len(),
            self.problems.join("\n")
        );
    }
}

/// A value short enough to print: long strings are cut.
fn shorten(value: &Value) -> String {
    let text = value.to_string();
    if text.len() > 300 {
        format!("{}... ({} bytes)", &text[..300], text.len())
    } else {
        text
    }
}

const SIGN_UP: &str = "mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }";
const INVITE: &str = "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }";
const REQUEST_RESET: &str = "mutation($e: String!) { requestPasswordReset(email: $e) }";
const CREATE_ORGANIZATION: &str =
    "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }";
const UPDATE_ORGANIZATION: &str = "mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id } }";
const CREATE_PROJECT: &str =
    "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
const UPDATE_PROJECT: &str =
    "mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id } }";
const CREATE_VARIABLE: &str =
    "mutation($i: CreateProjectVariableInput!) { createProjectVariable(input: $i) { id } }";
const UPDATE_VARIABLE: &str = "mutation($id: ID!, $i: UpdateProjectVariableInput!) { updateProjectVariable(id: $id, input: $i) { id } }";
const CREATE_TAG: &str = "mutation($i: CreateTagInput!) { createTag(input: $i) { id } }";
const UPDATE_TAG: &str =
    "mutation($id: ID!, $i: UpdateTagInput!) { updateTag(id: $id, input: $i) { id } }";
const CREATE_CREDENTIAL: &str =
    "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }";
const UPDATE_CREDENTIAL: &str = "mutation($id: ID!, $i: UpdateServiceCredentialInput!) { updateServiceCredential(id: $id, input: $i) { id } }";

#[tokio::test]
async fn malformed_emails_are_refused_naming_the_email_field() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let long_local = format!("{}@example.com", "a".repeat(65));
        let too_long = format!("ann@{}.com", "d".repeat(260));
        let huge = format!("{}@example.com", big());
        let emails = [
            "",
            "   ",
            "plainaddress",
            "ann@",
            "@example.com",
            "ann@example",
            "ann@.example.com",
            "ann@example.com.",
            "ann@exa..mple.com",
            "ann@exa_mple.com",
            "a b@example.com",
            "ann\n@example.com",
            "a@b@example.com",
            long_local.as_str(),
            too_long.as_str(),
            huge.as_str(),
        ];
        for email in emails {
            f.expect(
                true,
                SIGN_UP,
                json!({ "i": { "email": email, "password": "correct horse battery", "name": "Ann" } }),
                Want::Field("email"),
            )
            .await;
            let org = f.org.clone();
            f.expect_as_owner(
                INVITE,
                json!({ "i": { "organizationId": org, "email": email, "role": "PROJECT_VIEWER" } }),
                Want::Field("email"),
            )
            .await;
            f.expect(
                true,
                REQUEST_RESET,
                json!({ "e": email }),
                Want::Field("email"),
            )
            .await;
        }
        f.finish(&backend);
        app.stop().await;
    }
}

#[tokio::test]
async fn weak_passwords_are_refused_naming_the_password_field() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let too_long = "Tr0ub4dor&3-".repeat(22);
        let huge = big();
        let weak = [
            "",
            "short",
            "1234567",
            "password123",
            "PASSWORD123",
            "aaaaaaaaaaaa",
            "abababababab",
            "newbie@example.com",
            too_long.as_str(),
            huge.as_str(),
        ];
        for password in weak {
            f.expect(
                true,
                SIGN_UP,
                json!({ "i": { "email": "newbie@example.com", "password": password, "name": "Newbie" } }),
                Want::Field("password"),
            )
            .await;
        }
        // Changing and resetting use the same policy, on `newPassword`.
        for password in ["short", "password123", "aaaaaaaaaaaa", "owner@example.com"] {
            f.expect_as_owner(
                "mutation($n: String!) { changePassword(input: { currentPassword: \"correct horse battery\", newPassword: $n }) }",
                json!({ "n": password }),
                Want::Field("newPassword"),
            )
            .await;
        }
        app.gql(None, REQUEST_RESET, json!({ "e": "owner@example.com" }))
            .await
            .ok();
        let mail = app
            .smtp
            .wait_for("owner@example.com", "reset-password?token=")
            .await;
        let token = link_token(&mail, "reset-password").expect("a reset link");
        for password in ["short", "password123", "abababababab"] {
            f.expect(
                true,
                "mutation($t: String!, $n: String!) { resetPassword(input: { token: $t, newPassword: $n }) }",
                json!({ "t": token, "n": password }),
                Want::Field("newPassword"),
            )
            .await;
        }
        // The refusals did not use the link up.
        let reset = app
            .gql(
                None,
                "mutation($t: String!) { resetPassword(input: { token: $t, newPassword: \"a much better passphrase\" }) }",
                json!({ "t": token }),
            )
            .await
            .ok();
        assert_eq!(reset["resetPassword"], true);
        f.finish(&backend);
        app.stop().await;
    }
}

#[tokio::test]
async fn oversized_strings_are_refused_naming_the_field() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let big = big();
        let (org, project, variable, tag, credential) = (
            f.org.clone(),
            f.project.clone(),
            f.variable.clone(),
            f.tag.clone(),
            f.credential.clone(),
        );
        let beyond_value = "v".repeat(64 * 1024 + 1);
        let cases: Vec<(bool, &str, Value, &str)> = vec![
            (
                true,
                SIGN_UP,
                json!({ "i": { "email": "big@example.com", "password": "correct horse battery", "name": big } }),
                "name",
            ),
            (
                false,
                "mutation($n: String!) { updateProfile(input: { name: $n }) { id } }",
                json!({ "n": big }),
                "name",
            ),
            (
                false,
                "mutation($n: String!) { updateProfile(input: { image: $n }) { id } }",
                json!({ "n": big }),
                "image",
            ),
            (
                false,
                CREATE_ORGANIZATION,
                json!({ "i": { "name": big } }),
                "name",
            ),
            (
                false,
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Fine", "slug": big } }),
                "slug",
            ),
            (
                false,
                UPDATE_ORGANIZATION,
                json!({ "id": org, "i": { "name": big } }),
                "name",
            ),
            (
                false,
                UPDATE_ORGANIZATION,
                json!({ "id": org, "i": { "logo": big } }),
                "logo",
            ),
            (
                false,
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": big } }),
                "name",
            ),
            (
                false,
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Fine", "description": big } }),
                "description",
            ),
            (
                false,
                UPDATE_PROJECT,
                json!({ "id": project, "i": { "name": big } }),
                "name",
            ),
            (
                false,
                UPDATE_PROJECT,
                json!({ "id": project, "i": { "description": big } }),
                "description",
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "BIG", "value": big } }),
                "value",
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "BIG", "value": beyond_value } }),
                "value",
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "BIG", "value": big, "isSecret": true } }),
                "value",
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "BIG", "value": "1", "description": big } }),
                "description",
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": big, "value": "1" } }),
                "key",
            ),
            (
                false,
                UPDATE_VARIABLE,
                json!({ "id": variable, "i": { "value": big } }),
                "value",
            ),
            (
                false,
                UPDATE_VARIABLE,
                json!({ "id": variable, "i": { "value": beyond_value } }),
                "value",
            ),
            (
                false,
                UPDATE_VARIABLE,
                json!({ "id": variable, "i": { "description": big } }),
                "description",
            ),
            (
                false,
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": big } }),
                "name",
            ),
            (
                false,
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": "t".repeat(51) } }),
                "name",
            ),
            (
                false,
                UPDATE_TAG,
                json!({ "id": tag, "i": { "name": big } }),
                "name",
            ),
            (
                false,
                CREATE_CREDENTIAL,
                json!({ "i": { "projectId": project, "name": big, "provider": "GENERIC", "secret": "s" } }),
                "name",
            ),
            (
                false,
                CREATE_CREDENTIAL,
                json!({ "i": { "projectId": project, "name": "Fine", "provider": "GENERIC", "secret": big } }),
                "secret",
            ),
            (
                false,
                CREATE_CREDENTIAL,
                json!({ "i": { "projectId": project, "name": "Fine", "provider": "GENERIC", "secret": "s", "meta": { "x": big } } }),
                "meta",
            ),
            (
                false,
                UPDATE_CREDENTIAL,
                json!({ "id": credential, "i": { "name": big } }),
                "name",
            ),
            (
                false,
                UPDATE_CREDENTIAL,
                json!({ "id": credential, "i": { "secret": big } }),
                "secret",
            ),
            (
                false,
                "mutation($n: String!) { createApiKey(input: { name: $n, permission: READ }) { key } }",
                json!({ "n": big }),
                "name",
            ),
            (
                false,
                INVITE,
                json!({ "i": { "organizationId": org, "email": big, "role": "PROJECT_VIEWER" } }),
                "email",
            ),
        ];
        for (anonymous, query, vars, field) in cases {
            f.expect(anonymous, query, vars, Want::Field(field)).await;
        }

        // The limits themselves are accepted: they are limits, not off by one.
        let at_limit = app
            .gql(
                Some(&f.user.token),
                "mutation($p: ID!, $v: String!, $n: String!, $o: String!) { createProjectVariable(input: { projectId: $p, key: \"AT_LIMIT\", value: $v }) { id } createTag(input: { projectId: $p, name: $n }) { name } createOrganization(input: { name: $o }) { name } }",
                json!({ "p": project, "v": "v".repeat(64 * 1024), "n": "t".repeat(50), "o": "o".repeat(200) }),
            )
            .await
            .ok();
        assert_eq!(
            at_limit["createTag"]["name"].as_str().map(str::len),
            Some(50)
        );
        assert_eq!(
            at_limit["createOrganization"]["name"]
                .as_str()
                .map(str::len),
            Some(200)
        );
        f.finish(&backend);
        app.stop().await;
    }
}

#[tokio::test]
async fn malformed_ids_are_refused_naming_the_argument() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let bad = "not-a-uuid";
        let (org, project, user_id) = (f.org.clone(), f.project.clone(), f.user.id.clone());
        let cases: Vec<(&str, Value, &str)> = vec![
            (
                "query($id: ID!) { organization(id: $id) { id } }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "query($id: ID!) { project(id: $id) { id } }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "query($id: ID!) { invitation(id: $id) { id } }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "query($id: ID!) { members(organizationId: $id) { totalCount } }",
                json!({ "id": bad }),
                "organizationId",
            ),
            (
                "query($id: ID!) { invitations(organizationId: $id) { totalCount } }",
                json!({ "id": bad }),
                "organizationId",
            ),
            (
                "query($id: ID!) { projects(organizationId: $id) { totalCount } }",
                json!({ "id": bad }),
                "organizationId",
            ),
            (
                "query($id: ID!) { auditLogs(organizationId: $id) { totalCount } }",
                json!({ "id": bad }),
                "organizationId",
            ),
            (
                "query($o: ID!, $u: ID!) { auditLogs(organizationId: $o, filter: { userId: $u }) { totalCount } }",
                json!({ "o": org, "u": bad }),
                "filter.userId",
            ),
            (
                "query($id: ID!) { projectVariables(projectId: $id) { totalCount } }",
                json!({ "id": bad }),
                "projectId",
            ),
            (
                "query($id: ID!) { tags(projectId: $id) { totalCount } }",
                json!({ "id": bad }),
                "projectId",
            ),
            (
                "query($id: ID!) { serviceCredentials(projectId: $id) { totalCount } }",
                json!({ "id": bad }),
                "projectId",
            ),
            (
                "query($o: ID!) { projects(organizationId: $o, after: \"not-a-cursor\") { totalCount } }",
                json!({ "o": org }),
                "after",
            ),
            (
                UPDATE_ORGANIZATION,
                json!({ "id": bad, "i": { "name": "X" } }),
                "id",
            ),
            (
                "mutation($id: ID!) { deleteOrganization(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($id: ID!) { updateMemberRole(memberId: $id, role: ORG_ADMIN) { id } }",
                json!({ "id": bad }),
                "memberId",
            ),
            (
                "mutation($id: ID!) { removeMember(memberId: $id) }",
                json!({ "id": bad }),
                "memberId",
            ),
            (
                INVITE,
                json!({ "i": { "organizationId": bad, "email": "x@example.com", "role": "PROJECT_VIEWER" } }),
                "organizationId",
            ),
            (
                INVITE,
                json!({ "i": { "organizationId": org, "email": "x@example.com", "role": "PROJECT_VIEWER", "projectIds": [project, bad] } }),
                "projectIds",
            ),
            (
                "mutation($id: ID!) { acceptInvitation(id: $id) { id } }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($id: ID!) { revokeInvitation(id: $id) { id } }",
                json!({ "id": bad }),
                "id",
            ),
            (
                CREATE_PROJECT,
                json!({ "i": { "organizationId": bad, "name": "X" } }),
                "organizationId",
            ),
            (
                UPDATE_PROJECT,
                json!({ "id": bad, "i": { "name": "X" } }),
                "id",
            ),
            (
                "mutation($id: ID!) { deleteProject(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_VIEWER }) { id } }",
                json!({ "p": bad, "u": user_id }),
                "projectId",
            ),
            (
                "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_VIEWER }) { id } }",
                json!({ "p": project, "u": bad }),
                "userId",
            ),
            (
                "mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }",
                json!({ "p": bad, "u": user_id }),
                "projectId",
            ),
            (
                "mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }",
                json!({ "p": project, "u": bad }),
                "userId",
            ),
            (
                CREATE_VARIABLE,
                json!({ "i": { "projectId": bad, "key": "K", "value": "v" } }),
                "projectId",
            ),
            (
                UPDATE_VARIABLE,
                json!({ "id": bad, "i": { "value": "v" } }),
                "id",
            ),
            (
                "mutation($id: ID!) { deleteProjectVariable(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                CREATE_TAG,
                json!({ "i": { "projectId": bad, "name": "t" } }),
                "projectId",
            ),
            (UPDATE_TAG, json!({ "id": bad, "i": { "name": "t" } }), "id"),
            (
                "mutation($id: ID!) { deleteTag(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                CREATE_CREDENTIAL,
                json!({ "i": { "projectId": bad, "name": "c", "provider": "GENERIC", "secret": "s" } }),
                "projectId",
            ),
            (
                UPDATE_CREDENTIAL,
                json!({ "id": bad, "i": { "name": "c" } }),
                "id",
            ),
            (
                "mutation($id: ID!) { deleteServiceCredential(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($p: ID!) { createApiKey(input: { name: \"k\", permission: READ, projectId: $p }) { key } }",
                json!({ "p": bad }),
                "projectId",
            ),
            (
                "mutation($id: ID!) { updateApiKey(id: $id, input: { name: \"k\" }) { id } }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($id: ID!) { deleteApiKey(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($id: ID!) { setActive(input: { organizationId: $id }) { id } }",
                json!({ "id": bad }),
                "organizationId",
            ),
            (
                "mutation($id: ID!) { setActive(input: { projectId: $id }) { id } }",
                json!({ "id": bad }),
                "projectId",
            ),
            (
                "mutation($id: ID!) { revokeSession(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
            (
                "mutation($id: ID!) { markNotificationsRead(id: $id) }",
                json!({ "id": bad }),
                "id",
            ),
        ];
        for (query, vars, field) in cases {
            f.expect_as_owner(query, vars, Want::Field(field)).await;
        }
        f.finish(&backend);
        app.stop().await;
    }
}

#[tokio::test]
async fn unknown_ids_are_not_found_or_null() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let unknown = Uuid::new_v4().to_string();
        let (org, project) = (f.org.clone(), f.project.clone());
        for (query, field) in [
            (
                "query($id: ID!) { organization(id: $id) { id } }",
                "organization",
            ),
            ("query($id: ID!) { project(id: $id) { id } }", "project"),
            (
                "query($id: ID!) { invitation(id: $id) { id } }",
                "invitation",
            ),
        ] {
            f.expect_as_owner(query, json!({ "id": unknown }), Want::Null(field))
                .await;
        }
        let not_found: Vec<(&str, Value)> = vec![
            (
                "query($id: ID!) { members(organizationId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                "query($id: ID!) { invitations(organizationId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                "query($id: ID!) { projects(organizationId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                "query($id: ID!) { auditLogs(organizationId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                "query($id: ID!) { projectVariables(projectId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                "query($id: ID!) { tags(projectId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                "query($id: ID!) { serviceCredentials(projectId: $id) { totalCount } }",
                json!({ "id": unknown }),
            ),
            (
                UPDATE_ORGANIZATION,
                json!({ "id": unknown, "i": { "name": "X" } }),
            ),
            (
                "mutation($id: ID!) { deleteOrganization(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { updateMemberRole(memberId: $id, role: ORG_ADMIN) { id } }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { removeMember(memberId: $id) }",
                json!({ "id": unknown }),
            ),
            (
                INVITE,
                json!({ "i": { "organizationId": unknown, "email": "x@example.com", "role": "PROJECT_VIEWER" } }),
            ),
            (
                "mutation($id: ID!) { acceptInvitation(id: $id) { id } }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { revokeInvitation(id: $id) { id } }",
                json!({ "id": unknown }),
            ),
            (
                CREATE_PROJECT,
                json!({ "i": { "organizationId": unknown, "name": "X" } }),
            ),
            (
                UPDATE_PROJECT,
                json!({ "id": unknown, "i": { "name": "X" } }),
            ),
            (
                "mutation($id: ID!) { deleteProject(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_VIEWER }) { id } }",
                json!({ "p": unknown, "u": f.user.id }),
            ),
            (
                "mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }",
                json!({ "p": unknown, "u": f.user.id }),
            ),
            (
                "mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }",
                json!({ "p": project, "u": unknown }),
            ),
            (
                CREATE_VARIABLE,
                json!({ "i": { "projectId": unknown, "key": "K", "value": "v" } }),
            ),
            (
                UPDATE_VARIABLE,
                json!({ "id": unknown, "i": { "value": "v" } }),
            ),
            (
                "mutation($id: ID!) { deleteProjectVariable(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                CREATE_TAG,
                json!({ "i": { "projectId": unknown, "name": "t" } }),
            ),
            (UPDATE_TAG, json!({ "id": unknown, "i": { "name": "t" } })),
            (
                "mutation($id: ID!) { deleteTag(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                CREATE_CREDENTIAL,
                json!({ "i": { "projectId": unknown, "name": "c", "provider": "GENERIC", "secret": "s" } }),
            ),
            (
                UPDATE_CREDENTIAL,
                json!({ "id": unknown, "i": { "name": "c" } }),
            ),
            (
                "mutation($id: ID!) { deleteServiceCredential(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($p: ID!) { createApiKey(input: { name: \"k\", permission: READ, projectId: $p }) { key } }",
                json!({ "p": unknown }),
            ),
            (
                "mutation($id: ID!) { updateApiKey(id: $id, input: { name: \"k\" }) { id } }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { deleteApiKey(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { setActive(input: { organizationId: $id }) { id } }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { setActive(input: { projectId: $id }) { id } }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { revokeSession(id: $id) }",
                json!({ "id": unknown }),
            ),
            (
                "mutation($id: ID!) { markNotificationsRead(id: $id) }",
                json!({ "id": unknown }),
            ),
        ];
        for (query, vars) in not_found {
            f.expect_as_owner(query, vars, Want::NotFound).await;
        }
        // An unknown id inside an input that is otherwise the caller's is bad input.
        f.expect_as_owner(
            INVITE,
            json!({ "i": { "organizationId": org, "email": "x@example.com", "role": "PROJECT_VIEWER", "projectIds": [unknown] } }),
            Want::Field("projectIds"),
        )
        .await;
        f.expect_as_owner(
            "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_VIEWER }) { id } }",
            json!({ "p": project, "u": unknown }),
            Want::Field("userId"),
        )
        .await;
        f.finish(&backend);
        app.stop().await;
    }
}

#[tokio::test]
async fn duplicates_conflict() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let (org, project, other_project, tag, other_tag) = (
            f.org.clone(),
            f.project.clone(),
            f.other_project.clone(),
            f.tag.clone(),
            f.other_tag.clone(),
        );
        let second = app
            .gql(
                Some(&f.user.token),
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Second", "slug": "second" } }),
            )
            .await
            .ok();
        let second_org = second["createOrganization"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let cases: Vec<(bool, &str, Value)> = vec![
            (
                true,
                SIGN_UP,
                json!({ "i": { "email": "OWNER@example.com", "password": "correct horse battery", "name": "Again" } }),
            ),
            (
                false,
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Taken again", "slug": "taken" } }),
            ),
            (
                false,
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Taken again", "slug": " Taken " } }),
            ),
            (
                false,
                UPDATE_ORGANIZATION,
                json!({ "id": second_org, "i": { "name": "Renamed", "slug": "taken" } }),
            ),
            (
                false,
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Prod again", "slug": "prod" } }),
            ),
            (
                false,
                UPDATE_PROJECT,
                json!({ "id": project, "i": { "name": "Renamed", "slug": "prod" } }),
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "EXISTING", "value": "2" } }),
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": " EXISTING ", "value": "2" } }),
            ),
            (
                false,
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "EXISTING", "value": "2", "isSecret": true } }),
            ),
            (
                false,
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": "prod" } }),
            ),
            (
                false,
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": "  prod  " } }),
            ),
            (
                false,
                UPDATE_TAG,
                json!({ "id": other_tag, "i": { "name": "prod", "color": "#000000" } }),
            ),
            (
                false,
                INVITE,
                json!({ "i": { "organizationId": org, "email": "owner@example.com", "role": "PROJECT_VIEWER" } }),
            ),
        ];
        for (anonymous, query, vars) in cases {
            f.expect(anonymous, query, vars, Want::Conflict).await;
        }
        // The same names elsewhere are fine: keys and tags are per project, project slugs per
        // organization.
        let elsewhere = app
            .gql(
                Some(&f.user.token),
                "mutation($p: ID!, $o: ID!) { createProjectVariable(input: { projectId: $p, key: \"EXISTING\", value: \"3\" }) { id } createTag(input: { projectId: $p, name: \"prod\" }) { id } createProject(input: { organizationId: $o, name: \"Prod\", slug: \"prod\" }) { slug } }",
                json!({ "p": other_project, "o": second_org }),
            )
            .await
            .ok();
        assert_eq!(elsewhere["createProject"]["slug"], "prod");
        // Renaming a tag to its own name is not a conflict.
        app.gql(
            Some(&f.user.token),
            "mutation($id: ID!) { updateTag(id: $id, input: { name: \"prod\" }) { id } }",
            json!({ "id": tag }),
        )
        .await
        .ok();
        f.finish(&backend);
        app.stop().await;
    }
}

#[tokio::test]
async fn invalid_slugs_colours_keys_and_page_sizes() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let (org, project, tag) = (f.org.clone(), f.project.clone(), f.tag.clone());
        let long_slug = "s".repeat(65);
        for slug in [
            "",
            "a",
            "-bad",
            "bad-",
            "Bad_Slug",
            "has space",
            "dots.in.it",
            "ünïcode",
            &long_slug,
        ] {
            f.expect_as_owner(
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Slugged", "slug": slug } }),
                Want::Field("slug"),
            )
            .await;
            f.expect_as_owner(
                UPDATE_ORGANIZATION,
                json!({ "id": org, "i": { "slug": slug } }),
                Want::Field("slug"),
            )
            .await;
            f.expect_as_owner(
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Slugged", "slug": slug } }),
                Want::Field("slug"),
            )
            .await;
            f.expect_as_owner(
                UPDATE_PROJECT,
                json!({ "id": project, "i": { "name": "Renamed too", "slug": slug } }),
                Want::Field("slug"),
            )
            .await;
        }
        for color in [
            "red", "#12345", "#1234567", "#ggg000", "3b82f6", "#3b82f", "##3b82f",
        ] {
            f.expect_as_owner(
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": "coloured", "color": color } }),
                Want::Field("color"),
            )
            .await;
            f.expect_as_owner(
                UPDATE_TAG,
                json!({ "id": tag, "i": { "name": "renamed", "color": color } }),
                Want::Field("color"),
            )
            .await;
        }
        let long_key = "K".repeat(256);
        for key in [
            "",
            "   ",
            "1ABC",
            "HAS-DASH",
            "HAS SPACE",
            "A.B",
            "ÄPFEL",
            "$HOME",
            &long_key,
        ] {
            f.expect_as_owner(
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": key, "value": "v" } }),
                Want::Field("key"),
            )
            .await;
        }
        // Names: empty, blank or with control characters.
        for name in ["", "   ", "tab\there", "new\nline"] {
            f.expect_as_owner(
                CREATE_ORGANIZATION,
                json!({ "i": { "name": name } }),
                Want::Field("name"),
            )
            .await;
            f.expect_as_owner(
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": name } }),
                Want::Field("name"),
            )
            .await;
            f.expect_as_owner(
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": name } }),
                Want::Field("name"),
            )
            .await;
        }
        for (query, vars) in [
            ("{ organizations(first: -1) { totalCount } }", json!({})),
            (
                "query($o: ID!) { members(organizationId: $o, first: -1) { totalCount } }",
                json!({ "o": org }),
            ),
            (
                "query($o: ID!) { invitations(organizationId: $o, first: -1) { totalCount } }",
                json!({ "o": org }),
            ),
            (
                "query($o: ID!) { projects(organizationId: $o, first: -1) { totalCount } }",
                json!({ "o": org }),
            ),
            (
                "query($o: ID!) { auditLogs(organizationId: $o, first: -5) { totalCount } }",
                json!({ "o": org }),
            ),
            (
                "query($p: ID!) { projectVariables(projectId: $p, first: -1) { totalCount } }",
                json!({ "p": project }),
            ),
            (
                "query($p: ID!) { tags(projectId: $p, first: -1) { totalCount } }",
                json!({ "p": project }),
            ),
            (
                "query($p: ID!) { serviceCredentials(projectId: $p, first: -1) { totalCount } }",
                json!({ "p": project }),
            ),
            ("{ notifications(first: -1) { totalCount } }", json!({})),
        ] {
            f.expect_as_owner(query, vars, Want::Field("first")).await;
        }
        // Valid but unusual forms are normalised, not refused.
        let fine = app
            .gql(
                Some(&f.user.token),
                "mutation($p: ID!, $o: ID!) { createTag(input: { projectId: $p, name: \"upper\", color: \"#3B82F6\" }) { color } createProject(input: { organizationId: $o, name: \"Upper\", slug: \"UPPER-case\" }) { slug } }",
                json!({ "p": project, "o": org }),
            )
            .await
            .ok();
        assert_eq!(fine["createTag"]["color"], "#3b82f6");
        assert_eq!(fine["createProject"]["slug"], "upper-case");
        f.finish(&backend);
        app.stop().await;
    }
}

/// PostgreSQL cannot store NUL in text: it must be bad input on every backend, not an
/// internal error on one and a stored value on the other.
#[tokio::test]
async fn nul_characters_are_bad_input() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let mut f = Fixture::new(&app).await;
        let (org, project, variable, credential) = (
            f.org.clone(),
            f.project.clone(),
            f.variable.clone(),
            f.credential.clone(),
        );
        let nul = "before\u{0}after";
        let cases: Vec<(&str, Value, &str)> = vec![
            (
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "P", "description": nul } }),
                "description",
            ),
            (
                UPDATE_PROJECT,
                json!({ "id": project, "i": { "description": nul } }),
                "description",
            ),
            (
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "NUL", "value": nul } }),
                "value",
            ),
            (
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": "NUL", "value": "v", "description": nul } }),
                "description",
            ),
            (
                UPDATE_VARIABLE,
                json!({ "id": variable, "i": { "value": nul } }),
                "value",
            ),
            (
                CREATE_CREDENTIAL,
                json!({ "i": { "projectId": project, "name": "c", "provider": "GENERIC", "secret": "s", "meta": { "x": [nul] } } }),
                "meta",
            ),
            (
                UPDATE_CREDENTIAL,
                json!({ "id": credential, "i": { "meta": { nul: 1 } } }),
                "meta",
            ),
            (
                UPDATE_ORGANIZATION,
                json!({ "id": org, "i": { "logo": nul } }),
                "logo",
            ),
            (
                "mutation($n: String!) { updateProfile(input: { image: $n }) { id } }",
                json!({ "n": nul }),
                "image",
            ),
            (CREATE_ORGANIZATION, json!({ "i": { "name": nul } }), "name"),
            (
                CREATE_TAG,
                json!({ "i": { "projectId": project, "name": nul } }),
                "name",
            ),
            (
                CREATE_VARIABLE,
                json!({ "i": { "projectId": project, "key": nul, "value": "v" } }),
                "key",
            ),
        ];
        for (query, vars, field) in cases {
            f.expect_as_owner(query, vars, Want::Field(field)).await;
        }
        // A secret may hold any bytes: it is stored sealed.
        let secret = app
            .gql(
                Some(&f.user.token),
                "mutation($p: ID!) { createServiceCredential(input: { projectId: $p, name: \"binary\", provider: GENERIC, secret: \"a\\u0000b\" }) { id } }",
                json!({ "p": project }),
            )
            .await
            .ok();
        let id = secret["createServiceCredential"]["id"]
            .as_str()
            .expect("credential id");
        use sea_orm::EntityTrait;
        let row =
            entity::service_credentials::Entity::find_by_id(Uuid::parse_str(id).expect("uuid"))
                .one(app.db())
                .await
                .expect("db")
                .expect("the stored credential");
        assert!(
            !row.secret.contains('\u{0}') && !row.secret.contains("a\u{0}b"),
            "[{backend}] the column holds ciphertext, not the secret: {:?}",
            row.secret
        );
        assert_eq!(
            vigil::credential::open_secret(app.state(), &row).expect("opens"),
            "a\u{0}b",
            "[{backend}] it opens to the exact bytes sent"
        );
        // Nor does a read with NUL in a filter fail in the database.
        f.expect_as_owner(
            "query($o: ID!, $a: String!) { auditLogs(organizationId: $o, filter: { action: $a }) { totalCount } }",
            json!({ "o": org, "a": nul }),
            Want::Field("filter.action"),
        )
        .await;
        f.finish(&backend);
        app.stop().await;
    }
}

/// Tags, monitors, notification providers and tests of another project — of the same
/// organization or of another tenant — cannot be linked to a monitor, test or job: each is
/// `BAD_USER_INPUT` naming the list, and nothing is written.
#[tokio::test]
async fn rows_of_another_project_cannot_be_linked() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let f = Fixture::new(&app).await;
        let ok = |query: &'static str, vars: Value| {
            let token = f.user.token.clone();
            let app = &app;
            async move { app.gql(Some(&token), query, vars).await.ok() }
        };
        let id = |data: &Value, field: &str| data[field]["id"].as_str().expect("id").to_owned();
        let provider = id(
            &ok(
                "mutation($i: CreateNotificationProviderInput!) { createNotificationProvider(input: $i) { id } }",
                json!({ "i": { "projectId": f.other_project, "name": "theirs", "type": "SLACK", "config": { "webhookUrl": "http://127.0.0.1:9/hook" } } }),
            )
            .await,
            "createNotificationProvider",
        );
        let monitor = id(
            &ok(
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                json!({ "i": { "projectId": f.other_project, "name": "theirs", "type": "HTTP", "target": "http://127.0.0.1:9/" } }),
            )
            .await,
            "createMonitor",
        );
        let sibling_tag = id(
            &ok(
                "mutation($i: CreateTagInput!) { createTag(input: $i) { id } }",
                json!({ "i": { "projectId": f.other_project, "name": "theirs" } }),
            )
            .await,
            "createTag",
        );
        let test = id(
            &ok(
                "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
                json!({ "i": { "projectId": f.other_project, "title": "theirs", "script": "x" } }),
            )
            .await,
            "createTest",
        );
        // A tag of another tenant's project.
        let stranger = app.sign_up("stranger@example.com").await;
        let (_, stranger_project) = app.create_org(&stranger, "Strangers").await;
        let foreign_tag = app
            .gql(
                Some(&stranger.token),
                "mutation($i: CreateTagInput!) { createTag(input: $i) { id } }",
                json!({ "i": { "projectId": stranger_project, "name": "foreign" } }),
            )
            .await
            .ok()["createTag"]["id"]
            .as_str()
            .expect("tag")
            .to_owned();

        let monitor_input = |extra: Value| {
            let mut input = json!({ "projectId": f.project, "name": "mine", "type": "HTTP", "target": "http://127.0.0.1:9/" });
            input
                .as_object_mut()
                .expect("object")
                .extend(extra.as_object().expect("object").clone());
            json!({ "i": input })
        };
        const CREATE_MONITOR: &str =
            "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }";
        const CREATE_TEST: &str = "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }";
        const CREATE_JOB: &str = "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }";
        let cases: Vec<(&str, Value, &str)> = vec![
            (
                CREATE_MONITOR,
                monitor_input(json!({ "tagIds": [sibling_tag] })),
                "tagIds",
            ),
            (
                CREATE_MONITOR,
                monitor_input(json!({ "tagIds": [foreign_tag] })),
                "tagIds",
            ),
            (
                CREATE_MONITOR,
                monitor_input(json!({ "tagIds": [f.tag, sibling_tag] })),
                "tagIds",
            ),
            (
                CREATE_MONITOR,
                monitor_input(json!({ "parentIds": [monitor] })),
                "parentIds",
            ),
            (
                CREATE_MONITOR,
                monitor_input(json!({ "notificationProviderIds": [provider] })),
                "notificationProviderIds",
            ),
            (
                CREATE_TEST,
                json!({ "i": { "projectId": f.project, "title": "mine", "script": "x", "tagIds": [foreign_tag] } }),
                "tagIds",
            ),
            (
                CREATE_JOB,
                json!({ "i": { "projectId": f.project, "name": "mine", "testIds": [test] } }),
                "testIds",
            ),
            (
                CREATE_JOB,
                json!({ "i": { "projectId": f.project, "name": "mine", "notificationProviderIds": [provider] } }),
                "notificationProviderIds",
            ),
        ];
        for (query, vars, field) in cases {
            let before = Snapshot::take_with_domains(&app).await;
            let refused = app.gql(Some(&f.user.token), query, vars.clone()).await;
            assert_eq!(
                refused.code(),
                Some("BAD_USER_INPUT"),
                "[{backend}] {vars}: {}",
                refused.body
            );
            assert_eq!(
                refused.field(),
                Some(field),
                "[{backend}] {vars}: {}",
                refused.body
            );
            let after = Snapshot::take_with_domains(&app).await;
            assert!(
                before.changes(&after).is_empty(),
                "[{backend}] {vars} wrote {:?}",
                before.changes(&after)
            );
        }
        // The same lists with this project's own rows are accepted.
        ok(
            CREATE_MONITOR,
            monitor_input(json!({ "tagIds": [f.tag, f.tag] })),
        )
        .await;
    }
}

/// The time window of a monitor's results is the caller's: the ends of the years both
/// databases store (0000 and 9999, and around 1970, where UUIDv7 times begin) answer a page like
/// any window (on PostgreSQL the window also bounds the id, which must neither break the request
/// nor wrap around and hide results); years past them are refused naming the field.
#[tokio::test]
async fn time_windows_at_the_ends_of_the_calendar_answer_or_are_refused() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("windows@example.com").await;
        let (_, project) = app.create_org(&user, "Windows").await;
        let monitor = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "Site", "type": "HTTP", "target": "http://127.0.0.1:9/" } }),
            )
            .await
            .ok()["createMonitor"]["id"]
            .as_str()
            .expect("monitor")
            .to_owned();
        let result = Uuid::now_v7();
        sea_orm::EntityTrait::insert(vigil_tests::result_row(
            result,
            Uuid::parse_str(&monitor).expect("uuid"),
            chrono::Utc::now(),
            true,
            false,
            None,
        ))
        .exec(app.db())
        .await
        .expect("a result");
        let query = "query($m: ID!, $f: MonitorResultFilter) { monitorResults(monitorId: $m, filter: $f) { edges { node { id } } } }";
        for from in [
            None,
            Some("0000-01-01T00:00:00Z"),
            Some("1969-12-31T23:30:00Z"),
        ] {
            for to in [None, Some("9999-12-31T23:59:59Z")] {
                let answer = app
                    .gql(
                        Some(&user.token),
                        query,
                        json!({ "m": monitor, "f": { "from": from, "to": to } }),
                    )
                    .await
                    .ok();
                // Every one of these windows holds the result checked now.
                assert_eq!(
                    answer["monitorResults"]["edges"][0]["node"]["id"],
                    result.to_string(),
                    "[{backend}] from {from:?} to {to:?}: {answer}"
                );
            }
        }
        for (field, at) in [
            ("from", "-262143-01-01T00:00:00Z"),
            ("to", "+262142-12-31T23:00:00Z"),
            ("from", "+10000-01-01T00:00:00Z"),
        ] {
            let refused = app
                .gql(
                    Some(&user.token),
                    query,
                    json!({ "m": monitor, "f": { field: at } }),
                )
                .await;
            refused.expect_code("BAD_USER_INPUT");
            assert_eq!(
                refused.field(),
                Some(format!("filter.{field}").as_str()),
                "[{backend}] {at}"
            );
        }
        app.stop().await;
    }
}
