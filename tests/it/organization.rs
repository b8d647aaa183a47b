//! Organizations and invitations end to end, the active organization of a session, and the
//! isolation of one tenant from another.

use chrono::{Duration, Utc};
use entity::{invitation, member, project_members};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use vigil_tests::{Gql, TestApp, TestUser, backends, link_token};

use vigil_tests::snapshot::{Snapshot, problems_with_leaks, uuid};

const CREATE_ORGANIZATION: &str = "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name slug viewerRole projects { id name slug isDefault viewerLevel } members { role user { id } } } }";
const CREATE_PROJECT: &str =
    "mutation($i: CreateProjectInput!) { createProject(input: $i) { id slug isDefault } }";
const INVITE: &str = "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id email role status projectIds organizationName } }";
const ACCEPT: &str =
    "mutation($id: ID!) { acceptInvitation(id: $id) { id role organizationId user { id } } }";
const REVOKE: &str = "mutation($id: ID!) { revokeInvitation(id: $id) { id status } }";
const MEMBERS: &str = "query($o: ID!) { members(organizationId: $o) { totalCount nodes { id role user { id email } } } }";
const UPDATE_ROLE: &str =
    "mutation($id: ID!, $r: OrgRole!) { updateMemberRole(memberId: $id, role: $r) { id role } }";
const REMOVE_MEMBER: &str = "mutation($id: ID!) { removeMember(memberId: $id) }";
const SET_ACTIVE: &str = "mutation($i: SetActiveInput!) { setActive(input: $i) { activeOrganizationId activeProjectId current } }";
const CURRENT_SESSION: &str = "{ currentSession { activeOrganizationId activeProjectId } }";

/// Confirms `user`'s address through the mailed link.
async fn confirm(app: &TestApp, user: &TestUser) {
    let mail = app.smtp.wait_for(&user.email, "Confirm your email").await;
    let token = link_token(&mail, "verify-email").expect("a verification link");
    let data = app
        .gql(
            None,
            "mutation($t: String!) { verifyEmail(token: $t) { user { emailVerified } } }",
            json!({ "t": token }),
        )
        .await
        .ok();
    assert_eq!(data["verifyEmail"]["user"]["emailVerified"], true);
}

/// Runs a call that must be refused with `code` (and `field`, when given), and checks that it
/// wrote nothing and leaked nothing.
async fn refused(
    app: &TestApp,
    token: &str,
    query: &str,
    vars: Value,
    code: &str,
    field: Option<&str>,
) -> Gql {
    let before = Snapshot::take(app).await;
    let response = app.gql(Some(token), query, vars).await;
    let after = Snapshot::take(app).await;
    response.expect_code(code);
    if field.is_some() {
        assert_eq!(response.field(), field, "{}", response.body);
    }
    assert_eq!(
        before.changes(&after),
        Vec::<String>::new(),
        "{query} wrote something"
    );
    assert_eq!(problems_with_leaks(&response), Vec::<String>::new());
    response
}

/// The member id of `user` in `org`, as seen by `viewer`.
async fn member_id(app: &TestApp, viewer: &TestUser, org: &str, user: &TestUser) -> String {
    let data = app
        .gql(Some(&viewer.token), MEMBERS, json!({ "o": org }))
        .await
        .ok();
    data["members"]["nodes"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["user"]["id"] == user.id.as_str())
        .and_then(|m| m["id"].as_str())
        .expect("the user's membership")
        .to_owned()
}

#[tokio::test]
async fn creating_an_organization_makes_an_owner_and_a_default_project() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("founder@example.com").await;
        let before = Snapshot::take(&app).await;
        let data = app
            .gql(
                Some(&user.token),
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "  Acme Corp  " } }),
            )
            .await
            .ok();
        let after = Snapshot::take(&app).await;
        let org = &data["createOrganization"];
        assert_eq!(org["name"], "Acme Corp", "the name is trimmed");
        assert_eq!(org["slug"], "acme-corp");
        assert_eq!(org["viewerRole"], "ORG_OWNER");
        assert_eq!(
            org["members"],
            json!([{ "role": "ORG_OWNER", "user": { "id": user.id } }])
        );
        let projects = org["projects"].as_array().expect("projects");
        assert_eq!(projects.len(), 1, "{org}");
        assert_eq!(projects[0]["isDefault"], true);
        assert_eq!(projects[0]["slug"], "default");
        assert_eq!(projects[0]["name"], "Default");
        assert_eq!(projects[0]["viewerLevel"], "ORG_OWNER");

        // One organization, one owner row, one project, one audit row, nothing else.
        assert_eq!(
            after.count("organization"),
            before.count("organization") + 1
        );
        assert_eq!(after.count("member"), before.count("member") + 1);
        assert_eq!(after.count("projects"), before.count("projects") + 1);
        assert_eq!(
            after.count("project_members"),
            before.count("project_members")
        );
        let audit = before.new_audit_rows(&after);
        assert_eq!(audit.len(), 1, "{audit:?}");
        assert_eq!(audit[0]["action"], "organization.create");
        assert_eq!(audit[0]["organization_id"], org["id"]);
        let stored = member::Entity::find()
            .filter(member::Column::OrganizationId.eq(uuid(org["id"].as_str().expect("id"))))
            .all(app.db())
            .await
            .expect("db");
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].role, member::OrgRole::OrgOwner);
        assert_eq!(stored[0].user_id, uuid(&user.id));

        // The default project stays.
        refused(
            &app,
            &user.token,
            "mutation($id: ID!) { deleteProject(id: $id) }",
            json!({ "id": projects[0]["id"] }),
            "BAD_USER_INPUT",
            None,
        )
        .await;

        // The organization is listed for its owner, and nobody else.
        let listed = app
            .gql(
                Some(&user.token),
                "{ organizations { totalCount nodes { id } } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(listed["organizations"]["totalCount"], 1);
        assert_eq!(listed["organizations"]["nodes"][0]["id"], org["id"]);
        let other = app.sign_up("other@example.com").await;
        let listed = app
            .gql(
                Some(&other.token),
                "{ organizations { totalCount } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(listed["organizations"]["totalCount"], 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn explicit_slugs_conflict_and_automatic_ones_get_a_suffix() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let ann = app.sign_up("ann@example.com").await;
        let bob = app.sign_up("bob@example.com").await;
        let first = app
            .gql(
                Some(&ann.token),
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Team", "slug": "team" } }),
            )
            .await
            .ok();
        assert_eq!(first["createOrganization"]["slug"], "team");

        // Slugs are unique across the instance: the same explicit slug is a conflict, for the
        // same user and for another, in any case, and writes nothing.
        for (user, slug) in [(&ann, "team"), (&bob, "team"), (&bob, "TEAM")] {
            let response = refused(
                &app,
                &user.token,
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Another team", "slug": slug } }),
                "CONFLICT",
                None,
            )
            .await;
            assert!(response.message().contains("team"), "{}", response.body);
        }

        // Without a slug, the one derived from the name gets a suffix when taken.
        let mut seen = vec!["team".to_owned()];
        for user in [&ann, &bob] {
            let data = app
                .gql(
                    Some(&user.token),
                    CREATE_ORGANIZATION,
                    json!({ "i": { "name": "Team" } }),
                )
                .await
                .ok();
            let slug = data["createOrganization"]["slug"]
                .as_str()
                .expect("slug")
                .to_owned();
            let suffix = slug.strip_prefix("team-").expect("a suffixed slug");
            assert_eq!(suffix.len(), 6, "{slug}");
            assert!(suffix.chars().all(|c| c.is_ascii_alphanumeric()), "{slug}");
            assert!(!seen.contains(&slug), "{slug} given twice");
            seen.push(slug);
        }

        // Renaming to a taken slug is a conflict too, and the organization keeps its own.
        let org = first["createOrganization"]["id"].as_str().expect("id");
        let other = app
            .gql(
                Some(&ann.token),
                CREATE_ORGANIZATION,
                json!({ "i": { "name": "Side", "slug": "side" } }),
            )
            .await
            .ok();
        refused(
            &app,
            &ann.token,
            "mutation($id: ID!) { updateOrganization(id: $id, input: { name: \"Renamed\", slug: \"side\" }) { id } }",
            json!({ "id": org }),
            "CONFLICT",
            None,
        )
        .await;
        // Keeping its own slug is not a conflict.
        let kept = app
            .gql(
                Some(&ann.token),
                "mutation($id: ID!) { updateOrganization(id: $id, input: { slug: \"team\" }) { slug } }",
                json!({ "id": org }),
            )
            .await
            .ok();
        assert_eq!(kept["updateOrganization"]["slug"], "team");
        assert_eq!(other["createOrganization"]["slug"], "side");

        // Projects: "default" is taken in every organization, so a project named "Default"
        // gets a suffix, and an explicit "default" is a conflict.
        let data = app
            .gql(
                Some(&ann.token),
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Default" } }),
            )
            .await
            .ok();
        let slug = data["createProject"]["slug"].as_str().expect("slug");
        assert!(slug.starts_with("default-") && slug.len() == 14, "{slug}");
        assert_eq!(data["createProject"]["isDefault"], false);
        refused(
            &app,
            &ann.token,
            CREATE_PROJECT,
            json!({ "i": { "organizationId": org, "name": "Prod", "slug": "default" } }),
            "CONFLICT",
            None,
        )
        .await;
        app.stop().await;
    }
}

#[tokio::test]
async fn invitations_mail_notify_and_make_members_with_project_roles() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, default_project) = app.create_org(&owner, "Inviting").await;
        let second = app
            .gql(
                Some(&owner.token),
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Second" } }),
            )
            .await
            .ok();
        let second_project = second["createProject"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let third = app
            .gql(
                Some(&owner.token),
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Third" } }),
            )
            .await
            .ok();
        let third_project = third["createProject"]["id"]
            .as_str()
            .expect("id")
            .to_owned();

        // The invitee already has an account, not yet confirmed.
        let invitee = app.sign_up("Invitee@Example.com").await;
        let before = Snapshot::take(&app).await;
        let data = app
            .gql(
                Some(&owner.token),
                INVITE,
                json!({ "i": {
                    "organizationId": org,
                    "email": "INVITEE@example.com",
                    "role": "PROJECT_EDITOR",
                    "projectIds": [default_project, second_project, second_project],
                } }),
            )
            .await
            .ok();
        let after = Snapshot::take(&app).await;
        let invitation = &data["inviteMember"];
        let invitation_id = invitation["id"].as_str().expect("id").to_owned();
        assert_eq!(
            invitation["email"], "invitee@example.com",
            "addresses are lower-cased"
        );
        assert_eq!(invitation["status"], "PENDING");
        assert_eq!(invitation["role"], "PROJECT_EDITOR");
        assert_eq!(invitation["organizationName"], "Inviting");
        let mut project_ids: Vec<&str> = invitation["projectIds"]
            .as_array()
            .expect("projectIds")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        project_ids.sort_unstable();
        let mut wanted = vec![default_project.as_str(), second_project.as_str()];
        wanted.sort_unstable();
        assert_eq!(project_ids, wanted, "the duplicate is dropped");
        assert_eq!(after.count("invitation"), before.count("invitation") + 1);
        assert_eq!(
            after.count("notifications"),
            before.count("notifications") + 1
        );
        assert_eq!(after.count("member"), before.count("member"));
        let audit = before.new_audit_rows(&after);
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0]["action"], "invitation.create");

        // A mail with the link, and an in-app notification.
        let mail = app
            .smtp
            .wait_for(
                "invitee@example.com",
                "invited you to the organization Inviting",
            )
            .await;
        assert!(
            mail.contains(&format!("/invitations/{invitation_id}")),
            "{mail}"
        );
        let notes = app
            .gql(
                Some(&invitee.token),
                "{ notifications { totalCount nodes { kind read content } } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(notes["notifications"]["totalCount"], 1, "{notes}");
        let note = &notes["notifications"]["nodes"][0];
        assert_eq!(note["kind"], "invitation");
        assert_eq!(note["read"], false);
        assert_eq!(note["content"]["invitationId"], invitation_id.as_str());
        assert_eq!(note["content"]["organization"], "Inviting");
        let mine = app
            .gql(
                Some(&invitee.token),
                "{ myInvitations { id status } }",
                json!({}),
            )
            .await
            .ok();
        assert_eq!(
            mine["myInvitations"],
            json!([{ "id": invitation_id, "status": "PENDING" }])
        );

        // An address without an account gets the mail but no notification.
        let before = Snapshot::take(&app).await;
        app.gql(
            Some(&owner.token),
            INVITE,
            json!({ "i": { "organizationId": org, "email": "nobody-yet@example.com", "role": "ORG_ADMIN" } }),
        )
        .await
        .ok();
        let after = Snapshot::take(&app).await;
        assert_eq!(after.count("notifications"), before.count("notifications"));
        app.smtp
            .wait_for("nobody-yet@example.com", "/invitations/")
            .await;

        // Not confirmed yet: refused, nothing written.
        refused(
            &app,
            &invitee.token,
            ACCEPT,
            json!({ "id": invitation_id }),
            "FORBIDDEN",
            None,
        )
        .await;

        // Someone else, confirmed, cannot take it, nor see it.
        let stranger = app.verified_user("stranger@example.com").await;
        refused(
            &app,
            &stranger.token,
            ACCEPT,
            json!({ "id": invitation_id }),
            "NOT_FOUND",
            None,
        )
        .await;
        refused(
            &app,
            &stranger.token,
            REVOKE,
            json!({ "id": invitation_id }),
            "NOT_FOUND",
            None,
        )
        .await;
        let seen = app
            .gql(
                Some(&stranger.token),
                "query($id: ID!) { invitation(id: $id) { id } }",
                json!({ "id": invitation_id }),
            )
            .await
            .ok();
        assert!(seen["invitation"].is_null());

        // Confirmed, the invitee joins with the role, in the selected projects only.
        confirm(&app, &invitee).await;
        let before = Snapshot::take(&app).await;
        let accepted = app
            .gql(Some(&invitee.token), ACCEPT, json!({ "id": invitation_id }))
            .await
            .ok();
        let after = Snapshot::take(&app).await;
        assert_eq!(accepted["acceptInvitation"]["role"], "PROJECT_EDITOR");
        assert_eq!(accepted["acceptInvitation"]["organizationId"], org.as_str());
        assert_eq!(
            accepted["acceptInvitation"]["user"]["id"],
            invitee.id.as_str()
        );
        assert_eq!(after.count("member"), before.count("member") + 1);
        assert_eq!(
            after.count("project_members"),
            before.count("project_members") + 2
        );
        let audit = before.new_audit_rows(&after);
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0]["action"], "invitation.accept");
        let rows = project_members::Entity::find()
            .filter(project_members::Column::UserId.eq(uuid(&invitee.id)))
            .all(app.db())
            .await
            .expect("db");
        let mut granted: Vec<String> = rows.iter().map(|r| r.project_id.to_string()).collect();
        granted.sort_unstable();
        assert_eq!(granted, wanted);
        assert!(
            rows.iter()
                .all(|r| r.role == project_members::ProjectRole::ProjectEditor)
        );
        let levels = app
            .gql(
                Some(&invitee.token),
                "query($a: ID!, $b: ID!, $c: ID!) { a: project(id: $a) { viewerLevel } b: project(id: $b) { viewerLevel } c: project(id: $c) { viewerLevel } }",
                json!({ "a": default_project, "b": second_project, "c": third_project }),
            )
            .await
            .ok();
        assert_eq!(levels["a"]["viewerLevel"], "PROJECT_EDITOR");
        assert_eq!(levels["b"]["viewerLevel"], "PROJECT_EDITOR");
        assert_eq!(levels["c"]["viewerLevel"], "PROJECT_VIEWER");
        let status = app
            .gql(
                Some(&owner.token),
                "query($id: ID!) { invitation(id: $id) { status } }",
                json!({ "id": invitation_id }),
            )
            .await
            .ok();
        assert_eq!(status["invitation"]["status"], "ACCEPTED");
        let mine = app
            .gql(Some(&invitee.token), "{ myInvitations { id } }", json!({}))
            .await
            .ok();
        assert_eq!(mine["myInvitations"], json!([]));

        // Twice: refused, nothing more written.
        refused(
            &app,
            &invitee.token,
            ACCEPT,
            json!({ "id": invitation_id }),
            "BAD_USER_INPUT",
            None,
        )
        .await;
        // Inviting a member again is a conflict.
        refused(
            &app,
            &owner.token,
            INVITE,
            json!({ "i": { "organizationId": org, "email": "invitee@example.com", "role": "PROJECT_VIEWER" } }),
            "CONFLICT",
            None,
        )
        .await;
        app.stop().await;
    }
}

#[tokio::test]
async fn revoked_and_expired_invitations_cannot_be_accepted() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, project) = app.create_org(&owner, "Closing").await;
        let late = app.verified_user("late@example.com").await;
        let gone = app.verified_user("gone@example.com").await;
        let invite = |email: &'static str| {
            let app = &app;
            let owner = &owner;
            let org = org.clone();
            let project = project.clone();
            async move {
                let data = app
                    .gql(
                        Some(&owner.token),
                        INVITE,
                        json!({ "i": { "organizationId": org, "email": email, "role": "PROJECT_ADMIN", "projectIds": [project] } }),
                    )
                    .await
                    .ok();
                data["inviteMember"]["id"].as_str().expect("id").to_owned()
            }
        };

        // Revoked by an admin.
        let revoked = invite("gone@example.com").await;
        let before = Snapshot::take(&app).await;
        let data = app
            .gql(Some(&owner.token), REVOKE, json!({ "id": revoked }))
            .await
            .ok();
        assert_eq!(data["revokeInvitation"]["status"], "REVOKED");
        let audit = before.new_audit_rows(&Snapshot::take(&app).await);
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0]["action"], "invitation.revoke");
        refused(
            &app,
            &gone.token,
            ACCEPT,
            json!({ "id": revoked }),
            "BAD_USER_INPUT",
            None,
        )
        .await;
        refused(
            &app,
            &owner.token,
            REVOKE,
            json!({ "id": revoked }),
            "BAD_USER_INPUT",
            None,
        )
        .await;

        // A new invitation replaces the pending one for the same address.
        let first = invite("gone@example.com").await;
        let replacement = invite("gone@example.com").await;
        refused(
            &app,
            &gone.token,
            ACCEPT,
            json!({ "id": first }),
            "BAD_USER_INPUT",
            None,
        )
        .await;
        // The invitee may decline it themselves.
        let declined = app
            .gql(Some(&gone.token), REVOKE, json!({ "id": replacement }))
            .await
            .ok();
        assert_eq!(declined["revokeInvitation"]["status"], "REVOKED");

        // Expired.
        let expired = invite("late@example.com").await;
        let row = invitation::Entity::find_by_id(uuid(&expired))
            .one(app.db())
            .await
            .expect("db")
            .expect("the invitation");
        let mut active: invitation::ActiveModel = row.into();
        active.expires_at = Set(Utc::now() - Duration::hours(1));
        active
            .update(app.db())
            .await
            .expect("expiring the invitation");
        let mine = app
            .gql(Some(&late.token), "{ myInvitations { id } }", json!({}))
            .await
            .ok();
        assert_eq!(
            mine["myInvitations"],
            json!([]),
            "expired invitations are not offered"
        );
        let listed = app
            .gql(
                Some(&owner.token),
                "query($o: ID!) { invitations(organizationId: $o) { nodes { id status } } }",
                json!({ "o": org }),
            )
            .await
            .ok();
        let status = listed["invitations"]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .find(|n| n["id"] == expired.as_str())
            .map(|n| n["status"].clone());
        assert_eq!(status, Some(json!("EXPIRED")));
        refused(
            &app,
            &late.token,
            ACCEPT,
            json!({ "id": expired }),
            "BAD_USER_INPUT",
            None,
        )
        .await;

        // Neither of them became a member.
        let members = app
            .gql(Some(&owner.token), MEMBERS, json!({ "o": org }))
            .await
            .ok();
        assert_eq!(members["members"]["totalCount"], 1, "{members}");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_last_owner_stays_and_members_can_leave() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, project) = app.create_org(&owner, "Owned").await;
        let own = member_id(&app, &owner, &org, &owner).await;

        // The only owner can neither step down nor leave.
        let demoted = refused(
            &app,
            &owner.token,
            UPDATE_ROLE,
            json!({ "id": own, "r": "ORG_ADMIN" }),
            "BAD_USER_INPUT",
            Some("role"),
        )
        .await;
        assert!(demoted.message().contains("owner"), "{}", demoted.body);
        refused(
            &app,
            &owner.token,
            REMOVE_MEMBER,
            json!({ "id": own }),
            "BAD_USER_INPUT",
            None,
        )
        .await;

        // With a second owner, the first may step down; then the second is the last one.
        let heir = app.verified_user("heir@example.com").await;
        let viewer = app.verified_user("viewer@example.com").await;
        for (user, role) in [(&heir, "ORG_OWNER"), (&viewer, "PROJECT_VIEWER")] {
            let data = app
                .gql(
                    Some(&owner.token),
                    INVITE,
                    json!({ "i": { "organizationId": org, "email": user.email, "role": role, "projectIds": [project] } }),
                )
                .await
                .ok();
            app.gql(
                Some(&user.token),
                ACCEPT,
                json!({ "id": data["inviteMember"]["id"] }),
            )
            .await
            .ok();
        }
        let heirs = member_id(&app, &owner, &org, &heir).await;
        let stepped = app
            .gql(
                Some(&owner.token),
                UPDATE_ROLE,
                json!({ "id": own, "r": "ORG_ADMIN" }),
            )
            .await
            .ok();
        assert_eq!(stepped["updateMemberRole"]["role"], "ORG_ADMIN");
        // The former owner, now an admin, cannot touch the owner.
        refused(
            &app,
            &owner.token,
            REMOVE_MEMBER,
            json!({ "id": heirs }),
            "FORBIDDEN",
            None,
        )
        .await;
        refused(
            &app,
            &owner.token,
            UPDATE_ROLE,
            json!({ "id": heirs, "r": "ORG_ADMIN" }),
            "FORBIDDEN",
            None,
        )
        .await;
        refused(
            &app,
            &heir.token,
            UPDATE_ROLE,
            json!({ "id": heirs, "r": "PROJECT_VIEWER" }),
            "BAD_USER_INPUT",
            Some("role"),
        )
        .await;
        refused(
            &app,
            &heir.token,
            REMOVE_MEMBER,
            json!({ "id": heirs }),
            "BAD_USER_INPUT",
            None,
        )
        .await;

        // A member leaves: the membership and the project roles go, with one audit row.
        let viewers = member_id(&app, &owner, &org, &viewer).await;
        let before = Snapshot::take(&app).await;
        let left = app
            .gql(Some(&viewer.token), REMOVE_MEMBER, json!({ "id": viewers }))
            .await
            .ok();
        let after = Snapshot::take(&app).await;
        assert_eq!(left["removeMember"], true);
        assert_eq!(after.count("member"), before.count("member") - 1);
        assert_eq!(
            after.count("project_members"),
            before.count("project_members") - 1
        );
        let audit = before.new_audit_rows(&after);
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0]["action"], "member.leave");
        let gone = app
            .gql(
                Some(&viewer.token),
                "query($o: ID!) { organization(id: $o) { id } organizations { totalCount } }",
                json!({ "o": org }),
            )
            .await
            .ok();
        assert!(gone["organization"].is_null(), "{gone}");
        assert_eq!(gone["organizations"]["totalCount"], 0);
        // The admin may leave too; the owner stays.
        let left = app
            .gql(Some(&owner.token), REMOVE_MEMBER, json!({ "id": own }))
            .await
            .ok();
        assert_eq!(left["removeMember"], true);
        let members = app
            .gql(Some(&heir.token), MEMBERS, json!({ "o": org }))
            .await
            .ok();
        assert_eq!(members["members"]["totalCount"], 1);
        assert_eq!(members["members"]["nodes"][0]["role"], "ORG_OWNER");
        app.stop().await;
    }
}

#[tokio::test]
async fn set_active_is_kept_on_the_session_and_stays_in_the_callers_tenants() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let user = app.sign_up("worker@example.com").await;
        let (org, default_project) = app.create_org(&user, "Work").await;
        let (side_org, side_project) = app.create_org(&user, "Side").await;
        let stranger = app.sign_up("stranger@example.com").await;
        let (their_org, their_project) = app.create_org(&stranger, "Theirs").await;
        let extra = app
            .gql(
                Some(&user.token),
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": "Extra" } }),
            )
            .await
            .ok();
        let extra_project = extra["createProject"]["id"]
            .as_str()
            .expect("id")
            .to_owned();

        let current = |token: String| {
            let app = &app;
            async move {
                app.gql(Some(&token), CURRENT_SESSION, json!({})).await.ok()["currentSession"]
                    .clone()
            }
        };
        assert_eq!(
            current(user.token.clone()).await,
            json!({ "activeOrganizationId": null, "activeProjectId": null })
        );

        // An organization alone.
        let set = app
            .gql(
                Some(&user.token),
                SET_ACTIVE,
                json!({ "i": { "organizationId": org } }),
            )
            .await
            .ok();
        assert_eq!(set["setActive"]["activeOrganizationId"], org.as_str());
        assert!(set["setActive"]["activeProjectId"].is_null());
        assert_eq!(set["setActive"]["current"], true);
        // A project alone: its organization comes with it.
        let set = app
            .gql(
                Some(&user.token),
                SET_ACTIVE,
                json!({ "i": { "projectId": side_project } }),
            )
            .await
            .ok();
        assert_eq!(set["setActive"]["activeOrganizationId"], side_org.as_str());
        // Both.
        app.gql(
            Some(&user.token),
            SET_ACTIVE,
            json!({ "i": { "organizationId": org, "projectId": extra_project } }),
        )
        .await
        .ok();
        let expected = json!({ "activeOrganizationId": org, "activeProjectId": extra_project });
        assert_eq!(current(user.token.clone()).await, expected);

        // Another tenant's project or organization, or a project of another organization than
        // the one given: refused, and the session keeps what it had.
        refused(
            &app,
            &user.token,
            SET_ACTIVE,
            json!({ "i": { "projectId": their_project } }),
            "NOT_FOUND",
            None,
        )
        .await;
        refused(
            &app,
            &user.token,
            SET_ACTIVE,
            json!({ "i": { "organizationId": their_org } }),
            "NOT_FOUND",
            None,
        )
        .await;
        refused(
            &app,
            &user.token,
            SET_ACTIVE,
            json!({ "i": { "organizationId": org, "projectId": their_project } }),
            "NOT_FOUND",
            None,
        )
        .await;
        refused(
            &app,
            &user.token,
            SET_ACTIVE,
            json!({ "i": { "organizationId": side_org, "projectId": default_project } }),
            "BAD_USER_INPUT",
            Some("projectId"),
        )
        .await;
        assert_eq!(current(user.token.clone()).await, expected);

        // It is the session's, not the user's: another session of the same user has none.
        let signed = app
            .gql(
                None,
                "mutation { signIn(input: { email: \"worker@example.com\", password: \"correct horse battery\" }) { token } }",
                json!({}),
            )
            .await
            .ok();
        let second = signed["signIn"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        assert_eq!(
            current(second).await,
            json!({ "activeOrganizationId": null, "activeProjectId": null })
        );
        // Clearing.
        app.gql(Some(&user.token), SET_ACTIVE, json!({ "i": {} }))
            .await
            .ok();
        assert_eq!(
            current(user.token.clone()).await,
            json!({ "activeOrganizationId": null, "activeProjectId": null })
        );
        app.stop().await;
    }
}

/// Objects of organization B, and what A's owner may try on them.
#[tokio::test]
async fn another_tenants_ids_are_not_found_and_change_nothing() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let alice = app.verified_user("alice@example.com").await;
        let (a_org, a_project) = app.create_org(&alice, "Alpha").await;
        let bob = app.verified_user("bob@example.com").await;
        let (b_org, b_project) = app.create_org(&bob, "Beta").await;
        let bob_gql = |query: &'static str, vars: Value| {
            let app = &app;
            let token = bob.token.clone();
            async move { app.gql(Some(&token), query, vars).await.ok() }
        };
        let id_of = |data: &Value, field: &str| data[field]["id"].as_str().expect("id").to_owned();

        // B: a second project, a member with a project role, a pending invitation, a
        // variable, a secret, a tag, a credential, an API key.
        let b_project2 = id_of(
            &bob_gql(
                CREATE_PROJECT,
                json!({ "i": { "organizationId": b_org, "name": "Beta 2" } }),
            )
            .await,
            "createProject",
        );
        let carol = app.verified_user("carol@example.com").await;
        let invited = bob_gql(
            INVITE,
            json!({ "i": { "organizationId": b_org, "email": carol.email, "role": "PROJECT_EDITOR", "projectIds": [b_project] } }),
        )
        .await;
        app.gql(
            Some(&carol.token),
            ACCEPT,
            json!({ "id": id_of(&invited, "inviteMember") }),
        )
        .await
        .ok();
        let carol_member = member_id(&app, &bob, &b_org, &carol).await;
        let bob_member = member_id(&app, &bob, &b_org, &bob).await;
        let pending = id_of(
            &bob_gql(
                INVITE,
                json!({ "i": { "organizationId": b_org, "email": "pending@example.com", "role": "PROJECT_VIEWER" } }),
            )
            .await,
            "inviteMember",
        );
        let variable = id_of(
            &bob_gql(
                "mutation($i: CreateProjectVariableInput!) { createProjectVariable(input: $i) { id } }",
                json!({ "i": { "projectId": b_project, "key": "PLAIN", "value": "1" } }),
            )
            .await,
            "createProjectVariable",
        );
        let secret = id_of(
            &bob_gql(
                "mutation($i: CreateProjectVariableInput!) { createProjectVariable(input: $i) { id } }",
                json!({ "i": { "projectId": b_project, "key": "SECRET", "value": "s", "isSecret": true } }),
            )
            .await,
            "createProjectVariable",
        );
        let tag = id_of(
            &bob_gql(
                "mutation($i: CreateTagInput!) { createTag(input: $i) { id } }",
                json!({ "i": { "projectId": b_project, "name": "beta" } }),
            )
            .await,
            "createTag",
        );
        let credential = id_of(
            &bob_gql(
                "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id } }",
                json!({ "i": { "projectId": b_project, "name": "Slack", "provider": "SLACK", "secret": "xoxb-secret" } }),
            )
            .await,
            "createServiceCredential",
        );
        let key = bob_gql(
            "mutation { createApiKey(input: { name: \"ci\", permission: READ }) { apiKey { id } } }",
            json!({}),
        )
        .await["createApiKey"]["apiKey"]["id"]
            .as_str()
            .expect("key id")
            .to_owned();
        let carol_note = app
            .gql(
                Some(&carol.token),
                "{ notifications { nodes { id } } }",
                json!({}),
            )
            .await
            .ok()["notifications"]["nodes"][0]["id"]
            .as_str()
            .expect("carol's invitation notification")
            .to_owned();
        let bob_session = entity::session::Entity::find()
            .filter(entity::session::Column::UserId.eq(uuid(&bob.id)))
            .one(app.db())
            .await
            .expect("db")
            .expect("bob's session")
            .id
            .to_string();

        // Single reads: null.
        for (query, vars, field) in [
            (
                "query($id: ID!) { organization(id: $id) { id } }",
                json!({ "id": b_org }),
                "organization",
            ),
            (
                "query($id: ID!) { project(id: $id) { id } }",
                json!({ "id": b_project }),
                "project",
            ),
            (
                "query($id: ID!) { invitation(id: $id) { id } }",
                json!({ "id": pending }),
                "invitation",
            ),
        ] {
            let before = Snapshot::take(&app).await;
            let data = app.gql(Some(&alice.token), query, vars).await.ok();
            assert!(data[field].is_null(), "{query}: {data}");
            assert_eq!(
                before.changes(&Snapshot::take(&app).await),
                Vec::<String>::new()
            );
        }

        // Lists and mutations: NOT_FOUND, nothing changed.
        let not_found: Vec<(&str, Value)> = vec![
            (
                "query($o: ID!) { members(organizationId: $o) { totalCount } }",
                json!({ "o": b_org }),
            ),
            (
                "query($o: ID!) { invitations(organizationId: $o) { totalCount } }",
                json!({ "o": b_org }),
            ),
            (
                "query($o: ID!) { projects(organizationId: $o) { totalCount } }",
                json!({ "o": b_org }),
            ),
            (
                "query($o: ID!) { auditLogs(organizationId: $o) { totalCount } }",
                json!({ "o": b_org }),
            ),
            (
                "query($p: ID!) { projectVariables(projectId: $p) { totalCount } }",
                json!({ "p": b_project }),
            ),
            (
                "query($p: ID!) { tags(projectId: $p) { totalCount } }",
                json!({ "p": b_project }),
            ),
            (
                "query($p: ID!) { serviceCredentials(projectId: $p) { totalCount } }",
                json!({ "p": b_project }),
            ),
            (
                "mutation($id: ID!) { updateOrganization(id: $id, input: { name: \"Pwned\" }) { id } }",
                json!({ "id": b_org }),
            ),
            (
                "mutation($id: ID!) { deleteOrganization(id: $id) }",
                json!({ "id": b_org }),
            ),
            (
                INVITE,
                json!({ "i": { "organizationId": b_org, "email": "spy@example.com", "role": "ORG_OWNER" } }),
            ),
            (REVOKE, json!({ "id": pending })),
            (ACCEPT, json!({ "id": pending })),
            (UPDATE_ROLE, json!({ "id": carol_member, "r": "ORG_ADMIN" })),
            (REMOVE_MEMBER, json!({ "id": carol_member })),
            (REMOVE_MEMBER, json!({ "id": bob_member })),
            (
                CREATE_PROJECT,
                json!({ "i": { "organizationId": b_org, "name": "Implant" } }),
            ),
            (
                "mutation($id: ID!) { updateProject(id: $id, input: { name: \"Pwned\" }) { id } }",
                json!({ "id": b_project }),
            ),
            (
                "mutation($id: ID!) { deleteProject(id: $id) }",
                json!({ "id": b_project2 }),
            ),
            (
                "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_ADMIN }) { id } }",
                json!({ "p": b_project, "u": carol.id }),
            ),
            (
                "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_ADMIN }) { id } }",
                json!({ "p": b_project, "u": alice.id }),
            ),
            (
                "mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }",
                json!({ "p": b_project, "u": carol.id }),
            ),
            (
                "mutation($p: ID!) { createProjectVariable(input: { projectId: $p, key: \"X\", value: \"1\" }) { id } }",
                json!({ "p": b_project }),
            ),
            (
                "mutation($id: ID!) { updateProjectVariable(id: $id, input: { value: \"2\" }) { id } }",
                json!({ "id": variable }),
            ),
            (
                "mutation($id: ID!) { updateProjectVariable(id: $id, input: { value: \"2\" }) { id } }",
                json!({ "id": secret }),
            ),
            (
                "mutation($id: ID!) { deleteProjectVariable(id: $id) }",
                json!({ "id": variable }),
            ),
            (
                "mutation($id: ID!) { deleteProjectVariable(id: $id) }",
                json!({ "id": secret }),
            ),
            (
                "mutation($p: ID!) { createTag(input: { projectId: $p, name: \"x\" }) { id } }",
                json!({ "p": b_project }),
            ),
            (
                "mutation($id: ID!) { updateTag(id: $id, input: { name: \"y\" }) { id } }",
                json!({ "id": tag }),
            ),
            (
                "mutation($id: ID!) { deleteTag(id: $id) }",
                json!({ "id": tag }),
            ),
            (
                "mutation($p: ID!) { createServiceCredential(input: { projectId: $p, name: \"x\", provider: GENERIC, secret: \"s\" }) { id } }",
                json!({ "p": b_project }),
            ),
            (
                "mutation($id: ID!) { updateServiceCredential(id: $id, input: { name: \"y\" }) { id } }",
                json!({ "id": credential }),
            ),
            (
                "mutation($id: ID!) { deleteServiceCredential(id: $id) }",
                json!({ "id": credential }),
            ),
            (SET_ACTIVE, json!({ "i": { "organizationId": b_org } })),
            (SET_ACTIVE, json!({ "i": { "projectId": b_project } })),
            (
                SET_ACTIVE,
                json!({ "i": { "organizationId": a_org, "projectId": b_project } }),
            ),
            (
                "mutation($p: ID!) { createApiKey(input: { name: \"x\", permission: READ, projectId: $p }) { key } }",
                json!({ "p": b_project }),
            ),
            (
                "mutation($id: ID!) { updateApiKey(id: $id, input: { enabled: false }) { id } }",
                json!({ "id": key }),
            ),
            (
                "mutation($id: ID!) { deleteApiKey(id: $id) }",
                json!({ "id": key }),
            ),
            (
                "mutation($id: ID!) { revokeSession(id: $id) }",
                json!({ "id": bob_session }),
            ),
            (
                "mutation($id: ID!) { markNotificationsRead(id: $id) }",
                json!({ "id": carol_note }),
            ),
        ];
        let mut problems = Vec::new();
        for (query, vars) in not_found {
            let before = Snapshot::take(&app).await;
            let response = app.gql(Some(&alice.token), query, vars.clone()).await;
            let after = Snapshot::take(&app).await;
            if response.code() != Some("NOT_FOUND") {
                problems.push(format!(
                    "{query} {vars}: expected NOT_FOUND, got {}",
                    response.body
                ));
            }
            for change in before.changes(&after) {
                problems.push(format!("{query} {vars}: changed {change}"));
            }
            problems.extend(problems_with_leaks(&response));
        }

        // B's ids inside A's own organization are bad input, not a way in.
        for (query, vars, field) in [
            (
                INVITE,
                json!({ "i": { "organizationId": a_org, "email": "x@example.com", "role": "PROJECT_VIEWER", "projectIds": [b_project] } }),
                "projectIds",
            ),
            (
                "mutation($p: ID!, $u: ID!) { setProjectMember(input: { projectId: $p, userId: $u, role: PROJECT_VIEWER }) { id } }",
                json!({ "p": a_project, "u": carol.id }),
                "userId",
            ),
        ] {
            let before = Snapshot::take(&app).await;
            let response = app.gql(Some(&alice.token), query, vars.clone()).await;
            let after = Snapshot::take(&app).await;
            if response.code() != Some("BAD_USER_INPUT") || response.field() != Some(field) {
                problems.push(format!("{query} {vars}: got {}", response.body));
            }
            for change in before.changes(&after) {
                problems.push(format!("{query} {vars}: changed {change}"));
            }
        }
        assert!(problems.is_empty(), "{backend}:\n{}", problems.join("\n"));

        // And B still sees all of it as it was.
        let seen = bob_gql(
            "query($o: ID!, $p: ID!) { organization(id: $o) { name projects { id } members { id } } projectVariables(projectId: $p) { totalCount } tags(projectId: $p) { totalCount } serviceCredentials(projectId: $p) { totalCount } }",
            json!({ "o": b_org, "p": b_project }),
        )
        .await;
        assert_eq!(seen["organization"]["name"], "Beta");
        assert_eq!(
            seen["organization"]["projects"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(
            seen["organization"]["members"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(seen["projectVariables"]["totalCount"], 2);
        assert_eq!(seen["tags"]["totalCount"], 1);
        assert_eq!(seen["serviceCredentials"]["totalCount"], 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn the_audit_log_filters_by_domain_user_and_date_range() {
    const TRAIL: &str = "query($o: ID!, $f: AuditLogFilter) { auditLogs(organizationId: $o, first: 200, filter: $f) { totalCount nodes { id action createdAt user { id } } } }";
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let ada = app.sign_up("ada@example.com").await;
        let (org, _) = app.create_org(&ada, "Audited").await;
        for name in ["Shop", "Blog"] {
            app.gql(
                Some(&ada.token),
                CREATE_PROJECT,
                json!({ "i": { "organizationId": org, "name": name } }),
            )
            .await
            .ok();
        }
        let all = app
            .gql(Some(&ada.token), TRAIL, json!({ "o": org }))
            .await
            .ok();
        let nodes = all["auditLogs"]["nodes"].as_array().expect("nodes").clone();
        let projects = nodes
            .iter()
            .filter(|n| {
                n["action"]
                    .as_str()
                    .is_some_and(|a| a.starts_with("project."))
            })
            .count();
        assert!(projects >= 2, "[{backend}] {all}");
        assert!(
            projects < nodes.len(),
            "[{backend}] other actions too: {all}"
        );

        let count = |filter: Value| {
            let app = &app;
            let token = ada.token.clone();
            let org = org.clone();
            async move {
                app.gql(Some(&token), TRAIL, json!({ "o": org, "f": filter }))
                    .await
                    .ok()["auditLogs"]["totalCount"]
                    .as_i64()
                    .expect("count")
            }
        };
        // A domain ending in "." lists each of its actions; an exact name only itself.
        assert_eq!(
            count(json!({ "action": "project." })).await,
            projects as i64
        );
        assert_eq!(count(json!({ "action": "project" })).await, 0);
        assert_eq!(
            count(json!({ "action": "project.", "userId": ada.id })).await,
            projects as i64
        );

        // One entry moved two days back: the date range splits the trail around it.
        let oldest = nodes.last().expect("an entry")["id"]
            .as_str()
            .expect("id")
            .parse::<uuid::Uuid>()
            .expect("uuid");
        entity::audit_logs::ActiveModel {
            id: Set(oldest),
            created_at: Set(Utc::now() - Duration::days(2)),
            ..Default::default()
        }
        .update(app.db())
        .await
        .expect("backdate");
        let day_ago = (Utc::now() - Duration::days(1)).to_rfc3339();
        let total = nodes.len() as i64;
        assert_eq!(count(json!({ "since": day_ago })).await, total - 1);
        assert_eq!(count(json!({ "until": day_ago })).await, 1);
        let week_ago = (Utc::now() - Duration::days(7)).to_rfc3339();
        assert_eq!(
            count(json!({ "since": week_ago, "until": day_ago })).await,
            1
        );

        // Bad filters are refused by name.
        let reversed = app
            .gql(
                Some(&ada.token),
                TRAIL,
                json!({ "o": org, "f": { "since": day_ago, "until": week_ago } }),
            )
            .await;
        reversed.expect_code("BAD_USER_INPUT");
        assert_eq!(reversed.field(), Some("filter.until"));
        app.gql(
            Some(&ada.token),
            TRAIL,
            json!({ "o": org, "f": { "action": "Project%." } }),
        )
        .await
        .expect_code("BAD_USER_INPUT");

        // Another organization's admin learns nothing, filters or not.
        let eve = app.sign_up("eve@example.com").await;
        app.create_org(&eve, "Elsewhere").await;
        app.gql(
            Some(&eve.token),
            TRAIL,
            json!({ "o": org, "f": { "action": "project.", "since": week_ago } }),
        )
        .await
        .expect_code("NOT_FOUND");
        app.stop().await;
    }
}
