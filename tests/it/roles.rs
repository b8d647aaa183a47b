//! The role matrix: one organization with a user in every role (and an outsider), and every
//! operation of the foundation tried by each of them. The expected outcome of each
//! (operation, role) pair is written out in `MATRIX`, from the rules of `auth/guard.rs` and the
//! domain functions:
//!
//! - organization settings, members, invitations, projects and the audit trail need
//!   `org_admin`; deleting an organization, and making, changing or removing owners, need
//!   `org_owner`;
//! - a project's settings, members, secrets and service credentials need `project_admin` in
//!   that project; plain variables and tags need `project_editor`; reading needs membership;
//! - a member with a project role has it only in the projects it was given for, and
//!   `project_viewer` in the organization's other projects;
//! - someone outside the organization gets `NOT_FOUND` (null for single-object reads).
//!
//! Every allowed mutation writes exactly one `audit_logs` row, by the caller; every refused
//! call leaves every table as it was.

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::Utc;
use entity::member::{self, OrgRole};
use entity::project_members::{self, ProjectRole};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_tests::snapshot::{Snapshot, problems_with_leaks, uuid};
use vigil_tests::{TestApp, TestUser, backends};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Owner,
    OrgAdmin,
    ProjectAdmin,
    Editor,
    Viewer,
    Outsider,
}

/// The columns of `MATRIX`, in order.
const ROLES: [Role; 6] = [
    Role::Owner,
    Role::OrgAdmin,
    Role::ProjectAdmin,
    Role::Editor,
    Role::Viewer,
    Role::Outsider,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// No error; a mutation wrote exactly one audit row.
    Allowed,
    /// `FORBIDDEN`, nothing written.
    Forbidden,
    /// `NOT_FOUND`, nothing written.
    NotFound,
    /// A single-object read answered null, nothing written.
    Null,
}

const Y: Outcome = Outcome::Allowed;
const F: Outcome = Outcome::Forbidden;
const NF: Outcome = Outcome::NotFound;
const NULL: Outcome = Outcome::Null;

/// What is tried. Targets that an allowed call consumes (a member to remove, a variable to
/// delete, ...) are made afresh by the owner before each call.
#[derive(Debug, Clone, Copy)]
enum Op {
    UpdateOrganization,
    /// On a throwaway organization where every role is held.
    DeleteOrganization,
    InviteMember,
    InviteOwner,
    RevokeInvitation,
    UpdateMemberRole,
    PromoteToOwner,
    DemoteOwner,
    RemoveMember,
    RemoveOwner,
    CreateProject,
    /// The default project, where the project roles were given.
    UpdateProject,
    /// A project where the project-role members have no role of their own.
    UpdateOtherProject,
    DeleteProject,
    SetProjectMember,
    SetOtherProjectMember,
    RemoveProjectMember,
    CreateVariable,
    CreateSecret,
    CreateVariableInOtherProject,
    UpdateVariable,
    UpdateSecret,
    DeleteVariable,
    DeleteSecret,
    CreateTag,
    UpdateTag,
    DeleteTag,
    CreateCredential,
    UpdateCredential,
    DeleteCredential,
    ReadOrganization,
    ReadProject,
    ReadInvitation,
    Members,
    Invitations,
    AuditLogs,
    Projects,
    ProjectVariables,
    Tags,
    ServiceCredentials,
}

#[rustfmt::skip]
const MATRIX: &[(Op, [Outcome; 6])] = &[
    //                                  owner org_admin project_admin editor viewer outsider
    (Op::UpdateOrganization,           [Y,    Y,        F,            F,     F,     NF]),
    (Op::DeleteOrganization,           [Y,    F,        F,            F,     F,     NF]),
    (Op::InviteMember,                 [Y,    Y,        F,            F,     F,     NF]),
    (Op::InviteOwner,                  [Y,    F,        F,            F,     F,     NF]),
    (Op::RevokeInvitation,             [Y,    Y,        F,            F,     F,     NF]),
    (Op::UpdateMemberRole,             [Y,    Y,        F,            F,     F,     NF]),
    (Op::PromoteToOwner,               [Y,    F,        F,            F,     F,     NF]),
    (Op::DemoteOwner,                  [Y,    F,        F,            F,     F,     NF]),
    (Op::RemoveMember,                 [Y,    Y,        F,            F,     F,     NF]),
    (Op::RemoveOwner,                  [Y,    F,        F,            F,     F,     NF]),
    (Op::CreateProject,                [Y,    Y,        F,            F,     F,     NF]),
    (Op::UpdateProject,                [Y,    Y,        Y,            F,     F,     NF]),
    (Op::UpdateOtherProject,           [Y,    Y,        F,            F,     F,     NF]),
    (Op::DeleteProject,                [Y,    Y,        F,            F,     F,     NF]),
    (Op::SetProjectMember,             [Y,    Y,        Y,            F,     F,     NF]),
    (Op::SetOtherProjectMember,        [Y,    Y,        F,            F,     F,     NF]),
    (Op::RemoveProjectMember,          [Y,    Y,        Y,            F,     F,     NF]),
    (Op::CreateVariable,               [Y,    Y,        Y,            Y,     F,     NF]),
    (Op::CreateSecret,                 [Y,    Y,        Y,            F,     F,     NF]),
    (Op::CreateVariableInOtherProject, [Y,    Y,        F,            F,     F,     NF]),
    (Op::UpdateVariable,               [Y,    Y,        Y,            Y,     F,     NF]),
    (Op::UpdateSecret,                 [Y,    Y,        Y,            F,     F,     NF]),
    (Op::DeleteVariable,               [Y,    Y,        Y,            Y,     F,     NF]),
    (Op::DeleteSecret,                 [Y,    Y,        Y,            F,     F,     NF]),
    (Op::CreateTag,                    [Y,    Y,        Y,            Y,     F,     NF]),
    (Op::UpdateTag,                    [Y,    Y,        Y,            Y,     F,     NF]),
    (Op::DeleteTag,                    [Y,    Y,        Y,            Y,     F,     NF]),
    (Op::CreateCredential,             [Y,    Y,        Y,            F,     F,     NF]),
    (Op::UpdateCredential,             [Y,    Y,        Y,            F,     F,     NF]),
    (Op::DeleteCredential,             [Y,    Y,        Y,            F,     F,     NF]),
    (Op::ReadOrganization,             [Y,    Y,        Y,            Y,     Y,     NULL]),
    (Op::ReadProject,                  [Y,    Y,        Y,            Y,     Y,     NULL]),
    (Op::ReadInvitation,               [Y,    Y,        F,            F,     F,     NULL]),
    (Op::Members,                      [Y,    Y,        Y,            Y,     Y,     NF]),
    (Op::Invitations,                  [Y,    Y,        F,            F,     F,     NF]),
    (Op::AuditLogs,                    [Y,    Y,        F,            F,     F,     NF]),
    (Op::Projects,                     [Y,    Y,        Y,            Y,     Y,     NF]),
    (Op::ProjectVariables,             [Y,    Y,        Y,            Y,     Y,     NF]),
    (Op::Tags,                         [Y,    Y,        Y,            Y,     Y,     NF]),
    (Op::ServiceCredentials,           [Y,    Y,        Y,            Y,     Y,     NF]),
];

/// One call to make: the document, its variables, the top-level field it answers in, and the
/// audit action an allowed mutation records (`None` for reads).
struct Call {
    query: &'static str,
    vars: Value,
    field: &'static str,
    action: Option<&'static str>,
}

impl Call {
    fn mutation(
        query: &'static str,
        vars: Value,
        field: &'static str,
        action: &'static str,
    ) -> Self {
        Call {
            query,
            vars,
            field,
            action: Some(action),
        }
    }

    fn read(query: &'static str, vars: Value, field: &'static str) -> Self {
        Call {
            query,
            vars,
            field,
            action: None,
        }
    }
}

const UPDATE_ORGANIZATION: &str = "mutation($id: ID!, $n: String!) { updateOrganization(id: $id, input: { name: $n }) { id name } }";
const DELETE_ORGANIZATION: &str = "mutation($id: ID!) { deleteOrganization(id: $id) }";
const INVITE_MEMBER: &str =
    "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id role status } }";
const REVOKE_INVITATION: &str = "mutation($id: ID!) { revokeInvitation(id: $id) { id status } }";
const UPDATE_MEMBER_ROLE: &str =
    "mutation($id: ID!, $r: OrgRole!) { updateMemberRole(memberId: $id, role: $r) { id role } }";
const REMOVE_MEMBER: &str = "mutation($id: ID!) { removeMember(memberId: $id) }";
const CREATE_PROJECT: &str =
    "mutation($i: CreateProjectInput!) { createProject(input: $i) { id name } }";
const UPDATE_PROJECT: &str =
    "mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id name } }";
const DELETE_PROJECT: &str = "mutation($id: ID!) { deleteProject(id: $id) }";
const SET_PROJECT_MEMBER: &str =
    "mutation($i: SetProjectMemberInput!) { setProjectMember(input: $i) { id role } }";
const REMOVE_PROJECT_MEMBER: &str =
    "mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }";
const CREATE_VARIABLE: &str = "mutation($i: CreateProjectVariableInput!) { createProjectVariable(input: $i) { id key value isSecret } }";
const UPDATE_VARIABLE: &str = "mutation($id: ID!, $i: UpdateProjectVariableInput!) { updateProjectVariable(id: $id, input: $i) { id value } }";
const DELETE_VARIABLE: &str = "mutation($id: ID!) { deleteProjectVariable(id: $id) }";
const CREATE_TAG: &str = "mutation($i: CreateTagInput!) { createTag(input: $i) { id name } }";
const UPDATE_TAG: &str =
    "mutation($id: ID!, $i: UpdateTagInput!) { updateTag(id: $id, input: $i) { id name } }";
const DELETE_TAG: &str = "mutation($id: ID!) { deleteTag(id: $id) }";
const CREATE_CREDENTIAL: &str = "mutation($i: CreateServiceCredentialInput!) { createServiceCredential(input: $i) { id name } }";
const UPDATE_CREDENTIAL: &str = "mutation($id: ID!, $i: UpdateServiceCredentialInput!) { updateServiceCredential(id: $id, input: $i) { id name } }";
const DELETE_CREDENTIAL: &str = "mutation($id: ID!) { deleteServiceCredential(id: $id) }";

/// The organization with a user in every role.
struct World<'a> {
    app: &'a TestApp,
    /// Indexed like `ROLES`.
    users: Vec<TestUser>,
    org: String,
    /// The default project: the project roles were given here.
    project: String,
    /// Another project of the organization, where nobody has a project role.
    other_project: String,
    seq: AtomicU32,
}

impl World<'_> {
    fn user(&self, role: Role) -> &TestUser {
        &self.users[ROLES
            .iter()
            .position(|r| *r == role)
            .expect("a role of ROLES")]
    }

    fn owner(&self) -> &TestUser {
        self.user(Role::Owner)
    }

    /// A name nobody used yet in this test.
    fn fresh(&self, label: &str) -> String {
        format!("{label}{}", self.seq.fetch_add(1, Ordering::Relaxed))
    }

    /// Runs `query` as the owner and returns its data.
    async fn as_owner(&self, query: &str, vars: Value) -> Value {
        self.app
            .gql(Some(&self.owner().token), query, vars)
            .await
            .ok()
    }

    /// A new user who is a member of `org` with `role` (and `project_role` in the default
    /// project), written straight to the database; returns the user and the member id.
    async fn add_member(
        &self,
        org: &str,
        role: OrgRole,
        project_role: Option<ProjectRole>,
    ) -> (TestUser, String) {
        let user = self
            .app
            .sign_up(&format!("{}@example.com", self.fresh("target")))
            .await;
        let user_id = uuid(&user.id);
        let member = member::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(uuid(org)),
            user_id: Set(user_id),
            role: Set(role),
            created_at: Set(Utc::now()),
        }
        .insert(self.app.db())
        .await
        .expect("inserting a member");
        if let Some(role) = project_role {
            project_members::ActiveModel {
                id: Set(Uuid::now_v7()),
                user_id: Set(user_id),
                project_id: Set(uuid(&self.project)),
                role: Set(role),
                created_at: Set(Utc::now()),
            }
            .insert(self.app.db())
            .await
            .expect("inserting a project member");
        }
        (user, member.id.to_string())
    }

    async fn new_variable(&self, secret: bool) -> String {
        let data = self
            .as_owner(
                CREATE_VARIABLE,
                json!({ "i": { "projectId": self.project, "key": self.fresh("TARGET_"), "value": "v", "isSecret": secret } }),
            )
            .await;
        data["createProjectVariable"]["id"]
            .as_str()
            .expect("variable id")
            .to_owned()
    }

    /// Builds the call for `op` by `role`, making the target it needs first.
    async fn prepare(&self, op: Op, role: Role) -> Call {
        match op {
            Op::UpdateOrganization => Call::mutation(
                UPDATE_ORGANIZATION,
                json!({ "id": self.org, "n": self.fresh("Renamed ") }),
                "updateOrganization",
                "organization.update",
            ),
            Op::DeleteOrganization => {
                let (org, _) = self
                    .app
                    .create_org(self.owner(), &self.fresh("Throwaway "))
                    .await;
                for (role, org_role) in [
                    (Role::OrgAdmin, OrgRole::OrgAdmin),
                    (Role::ProjectAdmin, OrgRole::ProjectAdmin),
                    (Role::Editor, OrgRole::ProjectEditor),
                    (Role::Viewer, OrgRole::ProjectViewer),
                ] {
                    member::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        organization_id: Set(uuid(&org)),
                        user_id: Set(uuid(&self.user(role).id)),
                        role: Set(org_role),
                        created_at: Set(Utc::now()),
                    }
                    .insert(self.app.db())
                    .await
                    .expect("inserting a member");
                }
                Call::mutation(
                    DELETE_ORGANIZATION,
                    json!({ "id": org }),
                    "deleteOrganization",
                    "organization.delete",
                )
            }
            Op::InviteMember | Op::InviteOwner => {
                let org_role = if matches!(op, Op::InviteOwner) {
                    "ORG_OWNER"
                } else {
                    "PROJECT_VIEWER"
                };
                Call::mutation(
                    INVITE_MEMBER,
                    json!({ "i": {
                        "organizationId": self.org,
                        "email": format!("{}@example.com", self.fresh("invitee")),
                        "role": org_role,
                        "projectIds": [self.project],
                    } }),
                    "inviteMember",
                    "invitation.create",
                )
            }
            Op::RevokeInvitation | Op::ReadInvitation => {
                let data = self
                    .as_owner(
                        INVITE_MEMBER,
                        json!({ "i": {
                            "organizationId": self.org,
                            "email": format!("{}@example.com", self.fresh("pending")),
                            "role": "PROJECT_EDITOR",
                        } }),
                    )
                    .await;
                let id = data["inviteMember"]["id"]
                    .as_str()
                    .expect("invitation id")
                    .to_owned();
                if matches!(op, Op::ReadInvitation) {
                    Call::read(
                        "query($id: ID!) { invitation(id: $id) { id email } }",
                        json!({ "id": id }),
                        "invitation",
                    )
                } else {
                    Call::mutation(
                        REVOKE_INVITATION,
                        json!({ "id": id }),
                        "revokeInvitation",
                        "invitation.revoke",
                    )
                }
            }
            Op::UpdateMemberRole | Op::PromoteToOwner | Op::DemoteOwner => {
                let (from, to) = match op {
                    Op::UpdateMemberRole => (OrgRole::ProjectViewer, "PROJECT_EDITOR"),
                    Op::PromoteToOwner => (OrgRole::ProjectViewer, "ORG_OWNER"),
                    _ => (OrgRole::OrgOwner, "ORG_ADMIN"),
                };
                let (_, member_id) = self.add_member(&self.org, from, None).await;
                Call::mutation(
                    UPDATE_MEMBER_ROLE,
                    json!({ "id": member_id, "r": to }),
                    "updateMemberRole",
                    "member.update_role",
                )
            }
            Op::RemoveMember | Op::RemoveOwner => {
                let from = if matches!(op, Op::RemoveOwner) {
                    OrgRole::OrgOwner
                } else {
                    OrgRole::ProjectEditor
                };
                let (_, member_id) = self
                    .add_member(&self.org, from, Some(ProjectRole::ProjectEditor))
                    .await;
                Call::mutation(
                    REMOVE_MEMBER,
                    json!({ "id": member_id }),
                    "removeMember",
                    "member.remove",
                )
            }
            Op::CreateProject => Call::mutation(
                CREATE_PROJECT,
                json!({ "i": { "organizationId": self.org, "name": self.fresh("Project "), "description": "made by the matrix" } }),
                "createProject",
                "project.create",
            ),
            Op::UpdateProject | Op::UpdateOtherProject => {
                let id = if matches!(op, Op::UpdateProject) {
                    &self.project
                } else {
                    &self.other_project
                };
                Call::mutation(
                    UPDATE_PROJECT,
                    json!({ "id": id, "i": { "name": self.fresh("Renamed project "), "description": format!("{role:?} was here") } }),
                    "updateProject",
                    "project.update",
                )
            }
            Op::DeleteProject => {
                let data = self
                    .as_owner(
                        CREATE_PROJECT,
                        json!({ "i": { "organizationId": self.org, "name": self.fresh("Doomed ") } }),
                    )
                    .await;
                let id = data["createProject"]["id"]
                    .as_str()
                    .expect("project id")
                    .to_owned();
                Call::mutation(
                    DELETE_PROJECT,
                    json!({ "id": id }),
                    "deleteProject",
                    "project.delete",
                )
            }
            Op::SetProjectMember | Op::SetOtherProjectMember => {
                let (user, _) = self
                    .add_member(
                        &self.org,
                        OrgRole::ProjectViewer,
                        Some(ProjectRole::ProjectViewer),
                    )
                    .await;
                let project = if matches!(op, Op::SetProjectMember) {
                    &self.project
                } else {
                    &self.other_project
                };
                Call::mutation(
                    SET_PROJECT_MEMBER,
                    json!({ "i": { "projectId": project, "userId": user.id, "role": "PROJECT_EDITOR" } }),
                    "setProjectMember",
                    "project_member.set",
                )
            }
            Op::RemoveProjectMember => {
                let (user, _) = self
                    .add_member(
                        &self.org,
                        OrgRole::ProjectEditor,
                        Some(ProjectRole::ProjectEditor),
                    )
                    .await;
                Call::mutation(
                    REMOVE_PROJECT_MEMBER,
                    json!({ "p": self.project, "u": user.id }),
                    "removeProjectMember",
                    "project_member.remove",
                )
            }
            Op::CreateVariable | Op::CreateSecret | Op::CreateVariableInOtherProject => {
                let project = if matches!(op, Op::CreateVariableInOtherProject) {
                    &self.other_project
                } else {
                    &self.project
                };
                Call::mutation(
                    CREATE_VARIABLE,
                    json!({ "i": {
                        "projectId": project,
                        "key": self.fresh("VAR_"),
                        "value": "value",
                        "isSecret": matches!(op, Op::CreateSecret),
                    } }),
                    "createProjectVariable",
                    "variable.create",
                )
            }
            Op::UpdateVariable | Op::UpdateSecret => {
                let id = self.new_variable(matches!(op, Op::UpdateSecret)).await;
                Call::mutation(
                    UPDATE_VARIABLE,
                    json!({ "id": id, "i": { "value": "changed", "description": "changed" } }),
                    "updateProjectVariable",
                    "variable.update",
                )
            }
            Op::DeleteVariable | Op::DeleteSecret => {
                let id = self.new_variable(matches!(op, Op::DeleteSecret)).await;
                Call::mutation(
                    DELETE_VARIABLE,
                    json!({ "id": id }),
                    "deleteProjectVariable",
                    "variable.delete",
                )
            }
            Op::CreateTag => Call::mutation(
                CREATE_TAG,
                json!({ "i": { "projectId": self.project, "name": self.fresh("tag-"), "color": "#3b82f6" } }),
                "createTag",
                "tag.create",
            ),
            Op::UpdateTag | Op::DeleteTag => {
                let data = self
                    .as_owner(
                        CREATE_TAG,
                        json!({ "i": { "projectId": self.project, "name": self.fresh("target-") } }),
                    )
                    .await;
                let id = data["createTag"]["id"].as_str().expect("tag id").to_owned();
                if matches!(op, Op::UpdateTag) {
                    Call::mutation(
                        UPDATE_TAG,
                        json!({ "id": id, "i": { "name": self.fresh("renamed-"), "color": "#00ff00" } }),
                        "updateTag",
                        "tag.update",
                    )
                } else {
                    Call::mutation(DELETE_TAG, json!({ "id": id }), "deleteTag", "tag.delete")
                }
            }
            Op::CreateCredential => Call::mutation(
                CREATE_CREDENTIAL,
                json!({ "i": {
                    "projectId": self.project,
                    "name": self.fresh("Slack "),
                    "provider": "SLACK",
                    "secret": "xoxb-0123456789-abcdef",
                    "meta": { "channel": "#alerts" },
                } }),
                "createServiceCredential",
                "credential.create",
            ),
            Op::UpdateCredential | Op::DeleteCredential => {
                let data = self
                    .as_owner(
                        CREATE_CREDENTIAL,
                        json!({ "i": {
                            "projectId": self.project,
                            "name": self.fresh("Target "),
                            "provider": "TWILIO",
                            "secret": "twilio-secret-token",
                        } }),
                    )
                    .await;
                let id = data["createServiceCredential"]["id"]
                    .as_str()
                    .expect("credential id")
                    .to_owned();
                if matches!(op, Op::UpdateCredential) {
                    Call::mutation(
                        UPDATE_CREDENTIAL,
                        json!({ "id": id, "i": { "name": self.fresh("Renamed "), "secret": "a-new-secret-token" } }),
                        "updateServiceCredential",
                        "credential.update",
                    )
                } else {
                    Call::mutation(
                        DELETE_CREDENTIAL,
                        json!({ "id": id }),
                        "deleteServiceCredential",
                        "credential.delete",
                    )
                }
            }
            Op::ReadOrganization => Call::read(
                "query($o: ID!) { organization(id: $o) { id name } }",
                json!({ "o": self.org }),
                "organization",
            ),
            Op::ReadProject => Call::read(
                "query($p: ID!) { project(id: $p) { id name } }",
                json!({ "p": self.project }),
                "project",
            ),
            Op::Members => Call::read(
                "query($o: ID!) { members(organizationId: $o) { totalCount nodes { id role } } }",
                json!({ "o": self.org }),
                "members",
            ),
            Op::Invitations => Call::read(
                "query($o: ID!) { invitations(organizationId: $o) { totalCount nodes { id } } }",
                json!({ "o": self.org }),
                "invitations",
            ),
            Op::AuditLogs => Call::read(
                "query($o: ID!) { auditLogs(organizationId: $o) { totalCount nodes { action } } }",
                json!({ "o": self.org }),
                "auditLogs",
            ),
            Op::Projects => Call::read(
                "query($o: ID!) { projects(organizationId: $o) { totalCount nodes { id } } }",
                json!({ "o": self.org }),
                "projects",
            ),
            Op::ProjectVariables => Call::read(
                "query($p: ID!) { projectVariables(projectId: $p) { totalCount nodes { key value isSecret } } }",
                json!({ "p": self.project }),
                "projectVariables",
            ),
            Op::Tags => Call::read(
                "query($p: ID!) { tags(projectId: $p) { totalCount nodes { name } } }",
                json!({ "p": self.project }),
                "tags",
            ),
            Op::ServiceCredentials => Call::read(
                "query($p: ID!) { serviceCredentials(projectId: $p) { totalCount nodes { name meta } } }",
                json!({ "p": self.project }),
                "serviceCredentials",
            ),
        }
    }

    /// Makes the call for (`op`, `role`) and says what did not go as `want`ed.
    async fn check(&self, op: Op, role: Role, want: Outcome) -> Vec<String> {
        let call = self.prepare(op, role).await;
        let caller = self.user(role);
        let before = Snapshot::take(self.app).await;
        let response = self
            .app
            .gql(Some(&caller.token), call.query, call.vars)
            .await;
        let after = Snapshot::take(self.app).await;
        let mut problems = Vec::new();
        let mut problem = |what: String| problems.push(format!("{op:?} by {role:?}: {what}"));
        problems_with_leaks(&response)
            .into_iter()
            .for_each(&mut problem);
        let data = &response.body["data"][call.field];
        match want {
            Outcome::Allowed => {
                if response.body.get("errors").is_some() || data.is_null() {
                    problem(format!("expected success, got {}", response.body));
                }
                match call.action {
                    Some(action) => {
                        let written = before.new_audit_rows(&after);
                        let ok = written.len() == 1
                            && written[0]["action"] == action
                            && written[0]["user_id"] == caller.id.as_str();
                        if !ok {
                            problem(format!(
                                "expected one {action:?} audit row by the caller, got {written:?}"
                            ));
                        }
                    }
                    None => {
                        for change in before.changes(&after) {
                            problem(format!("a read changed {change}"));
                        }
                    }
                }
            }
            Outcome::Forbidden | Outcome::NotFound => {
                let code = if want == Outcome::Forbidden {
                    "FORBIDDEN"
                } else {
                    "NOT_FOUND"
                };
                if response.code() != Some(code) {
                    problem(format!("expected {code}, got {}", response.body));
                }
                for change in before.changes(&after) {
                    problem(format!("refused, yet changed {change}"));
                }
            }
            Outcome::Null => {
                if response.body.get("errors").is_some() || !data.is_null() {
                    problem(format!("expected null, got {}", response.body));
                }
                for change in before.changes(&after) {
                    problem(format!("a read changed {change}"));
                }
            }
        }
        problems
    }
}

/// Builds the organization: the owner creates it, the other members are invited with their
/// role (project roles for the default project) and accept with verified addresses.
async fn world(app: &TestApp) -> World<'_> {
    // The first account administers the instance; keep that away from the roles under test.
    app.sign_up("sysadmin@example.com").await;
    let owner = app.sign_up("owner@example.com").await;
    let (org, project) = app.create_org(&owner, "Matrix").await;
    let other = app
        .gql(
            Some(&owner.token),
            CREATE_PROJECT,
            json!({ "i": { "organizationId": org, "name": "Other" } }),
        )
        .await
        .ok();
    let other_project = other["createProject"]["id"]
        .as_str()
        .expect("project id")
        .to_owned();
    let mut users = vec![owner.clone()];
    for (email, org_role) in [
        ("admin@example.com", "ORG_ADMIN"),
        ("padmin@example.com", "PROJECT_ADMIN"),
        ("editor@example.com", "PROJECT_EDITOR"),
        ("viewer@example.com", "PROJECT_VIEWER"),
    ] {
        let user = app.verified_user(email).await;
        let invited = app
            .gql(
                Some(&owner.token),
                INVITE_MEMBER,
                json!({ "i": { "organizationId": org, "email": email, "role": org_role, "projectIds": [project] } }),
            )
            .await
            .ok();
        let id = invited["inviteMember"]["id"]
            .as_str()
            .expect("invitation id");
        let accepted = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { acceptInvitation(id: $id) { role } }",
                json!({ "id": id }),
            )
            .await
            .ok();
        assert_eq!(accepted["acceptInvitation"]["role"], org_role);
        users.push(user);
    }
    let outsider = app.verified_user("outsider@example.com").await;
    // The outsider has an organization of their own; it gives them nothing in this one.
    app.create_org(&outsider, "Elsewhere").await;
    users.push(outsider);
    World {
        app,
        users,
        org,
        project,
        other_project,
        seq: AtomicU32::new(0),
    }
}

#[tokio::test]
async fn every_role_against_every_operation() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let world = world(&app).await;

        // The roles are what the matrix assumes: the organization role, the level in the
        // default project (where project roles were given) and in the other project.
        const LEVELS: &str = "query($o: ID!, $p: ID!, $q: ID!) { organization(id: $o) { viewerRole } p: project(id: $p) { viewerLevel } q: project(id: $q) { viewerLevel } }";
        let expected = [
            ("ORG_OWNER", "ORG_OWNER", "ORG_OWNER"),
            ("ORG_ADMIN", "ORG_ADMIN", "ORG_ADMIN"),
            ("PROJECT_ADMIN", "PROJECT_ADMIN", "PROJECT_VIEWER"),
            ("PROJECT_EDITOR", "PROJECT_EDITOR", "PROJECT_VIEWER"),
            ("PROJECT_VIEWER", "PROJECT_VIEWER", "PROJECT_VIEWER"),
        ];
        for (role, (org_role, level, other_level)) in ROLES.iter().zip(expected) {
            let seen = app
                .gql(
                    Some(&world.user(*role).token),
                    LEVELS,
                    json!({ "o": world.org, "p": world.project, "q": world.other_project }),
                )
                .await
                .ok();
            assert_eq!(
                seen["organization"]["viewerRole"], org_role,
                "{role:?}: {seen}"
            );
            assert_eq!(seen["p"]["viewerLevel"], level, "{role:?}: {seen}");
            assert_eq!(seen["q"]["viewerLevel"], other_level, "{role:?}: {seen}");
        }

        let mut problems = Vec::new();
        for (op, outcomes) in MATRIX {
            for (role, want) in ROLES.iter().zip(outcomes) {
                problems.extend(world.check(*op, *role, *want).await);
            }
        }
        assert!(
            problems.is_empty(),
            "{backend}: {} cells of the role matrix are wrong:\n{}",
            problems.len(),
            problems.join("\n")
        );
        drop(world);
        app.stop().await;
    }
}

/// Secrets keep their value to themselves whoever reads, and the project admin who may write
/// them still cannot read them back.
#[tokio::test]
async fn secret_values_are_shown_to_no_role() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let world = world(&app).await;
        let created = world
            .as_owner(
                CREATE_VARIABLE,
                json!({ "i": { "projectId": world.project, "key": "API_TOKEN", "value": "s3cret-value-4711", "isSecret": true } }),
            )
            .await;
        assert!(
            created["createProjectVariable"]["value"].is_null(),
            "{created}"
        );
        let secret = created["createProjectVariable"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let plain = world.new_variable(false).await;
        for role in &ROLES[..5] {
            let seen = app
                .gql(
                    Some(&world.user(*role).token),
                    "query($p: ID!) { projectVariables(projectId: $p) { nodes { id value isSecret } } }",
                    json!({ "p": world.project }),
                )
                .await
                .ok();
            let nodes = seen["projectVariables"]["nodes"].as_array().expect("nodes");
            let by_id = |id: &str| {
                nodes
                    .iter()
                    .find(|n| n["id"] == id)
                    .cloned()
                    .unwrap_or_default()
            };
            assert_eq!(by_id(&secret)["isSecret"], true, "{role:?}: {seen}");
            assert!(
                by_id(&secret)["value"].is_null(),
                "{role:?} saw a secret: {seen}"
            );
            assert_eq!(by_id(&plain)["value"], "v", "{role:?}: {seen}");
        }
        let stored = entity::project_variables::Entity::find_by_id(uuid(&secret))
            .one(app.db())
            .await
            .expect("db")
            .expect("the secret");
        assert!(
            !stored.value.contains("s3cret"),
            "the clear value is not stored"
        );
        let sealed = stored.encrypted_value.expect("a sealed value");
        assert!(!sealed.contains("s3cret"), "{sealed}");
        drop(world);
        app.stop().await;
    }
}

// ---------------------------------------------------------------------------------------------
// Monitors, tests, jobs and callbacks: editors change them in the projects where they are
// editors, viewers only read, whatever the organization role says; owners and organization
// admins act in every project.

/// What is tried on monitors, tests, jobs and callbacks. `...InOther` acts in the project
/// where only the organization roles hold.
#[derive(Debug, Clone, Copy)]
enum DomainOp {
    CreateMonitor,
    CreateMonitorInOther,
    UpdateMonitor,
    DeleteMonitor,
    CreateTest,
    CreateTestInOther,
    UpdateTest,
    DeleteTest,
    RunTest,
    CreateJob,
    CreateJobInOther,
    UpdateJob,
    DeleteJob,
    TriggerJob,
    TriggerJobInOther,
    CreateCallback,
    CreateCallbackInOther,
    UpdateCallback,
    DeleteCallback,
    ReplayCallbackLog,
    Monitors,
    ReadMonitor,
    Tests,
    ReadTest,
    Jobs,
    ReadJob,
    Runs,
    Callbacks,
    ReadCallback,
}

/// The callers of `DOMAIN_MATRIX`: the roles of `ROLES`, then a member whose organization role
/// is `project_viewer` and who was made `project_editor` of the default project.
const DOMAIN_CALLERS: usize = 7;

#[rustfmt::skip]
const DOMAIN_MATRIX: &[(DomainOp, [Outcome; DOMAIN_CALLERS])] = &[
    //                            owner org_admin project_admin editor viewer outsider promoted
    (DomainOp::CreateMonitor,         [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::CreateMonitorInOther,  [Y, Y, F, F, F, NF, F]),
    (DomainOp::UpdateMonitor,         [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::DeleteMonitor,         [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::CreateTest,            [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::CreateTestInOther,     [Y, Y, F, F, F, NF, F]),
    (DomainOp::UpdateTest,            [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::DeleteTest,            [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::RunTest,               [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::CreateJob,             [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::CreateJobInOther,      [Y, Y, F, F, F, NF, F]),
    (DomainOp::UpdateJob,             [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::DeleteJob,             [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::TriggerJob,            [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::TriggerJobInOther,     [Y, Y, F, F, F, NF, F]),
    (DomainOp::CreateCallback,        [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::CreateCallbackInOther, [Y, Y, F, F, F, NF, F]),
    (DomainOp::UpdateCallback,        [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::DeleteCallback,        [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::ReplayCallbackLog,     [Y, Y, Y, Y, F, NF, Y]),
    (DomainOp::Monitors,              [Y, Y, Y, Y, Y, NF, Y]),
    (DomainOp::ReadMonitor,           [Y, Y, Y, Y, Y, NULL, Y]),
    (DomainOp::Tests,                 [Y, Y, Y, Y, Y, NF, Y]),
    (DomainOp::ReadTest,              [Y, Y, Y, Y, Y, NULL, Y]),
    (DomainOp::Jobs,                  [Y, Y, Y, Y, Y, NF, Y]),
    (DomainOp::ReadJob,               [Y, Y, Y, Y, Y, NULL, Y]),
    (DomainOp::Runs,                  [Y, Y, Y, Y, Y, NF, Y]),
    (DomainOp::Callbacks,             [Y, Y, Y, Y, Y, NF, Y]),
    (DomainOp::ReadCallback,          [Y, Y, Y, Y, Y, NULL, Y]),
];

const CREATE_MONITOR: &str =
    "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id name } }";
const CREATE_TEST: &str = "mutation($i: CreateTestInput!) { createTest(input: $i) { id title } }";
const CREATE_JOB: &str = "mutation($i: CreateJobInput!) { createJob(input: $i) { id name } }";
const CREATE_CALLBACK: &str =
    "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerToken } }";

impl World<'_> {
    /// The id of what the owner's `query` made (`field { id }`).
    async fn owner_made(&self, query: &str, input: Value, field: &str) -> String {
        self.as_owner(query, json!({ "i": input })).await[field]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{field} made by the owner"))
            .to_owned()
    }

    async fn owner_monitor(&self) -> String {
        let input = json!({ "projectId": self.project, "name": self.fresh("watched "), "type": "HTTP", "target": "http://127.0.0.1:9/" });
        self.owner_made(CREATE_MONITOR, input, "createMonitor")
            .await
    }

    async fn owner_test(&self, project: &str) -> String {
        let input = json!({ "projectId": project, "title": self.fresh("load "), "type": "PERFORMANCE", "script": "export default function () {}" });
        self.owner_made(CREATE_TEST, input, "createTest").await
    }

    async fn owner_job(&self, project: &str) -> String {
        let test = self.owner_test(project).await;
        let input = json!({ "projectId": project, "name": self.fresh("job "), "jobType": "K6", "testIds": [test] });
        self.owner_made(CREATE_JOB, input, "createJob").await
    }

    async fn owner_callback(&self) -> String {
        let input = json!({ "projectId": self.project, "name": self.fresh("hook "), "callbackUrl": "http://127.0.0.1:9/" });
        self.owner_made(CREATE_CALLBACK, input, "createCallback")
            .await
    }

    /// A logged trigger of a new callback of the owner's.
    async fn owner_callback_log(&self) -> String {
        let made = self
            .as_owner(
                CREATE_CALLBACK,
                json!({ "i": { "projectId": self.project, "name": self.fresh("logged "), "callbackUrl": "http://127.0.0.1:9/" } }),
            )
            .await;
        let token = made["createCallback"]["triggerToken"]
            .as_str()
            .expect("trigger token");
        self.app
            .http
            .post(format!("{}/t/{token}", self.app.url))
            .body("payload")
            .send()
            .await
            .expect("trigger");
        let logs = self
            .as_owner(
                "query($c: ID!) { callbackLogs(callbackId: $c) { nodes { id } } }",
                json!({ "c": made["createCallback"]["id"] }),
            )
            .await;
        logs["callbackLogs"]["nodes"][0]["id"]
            .as_str()
            .expect("a logged trigger")
            .to_owned()
    }

    /// Builds the call for `op`, making the target it needs first.
    async fn prepare_domain(&self, op: DomainOp) -> Call {
        use DomainOp as D;
        let other = self.other_project.clone();
        let here = self.project.clone();
        match op {
            D::CreateMonitor | D::CreateMonitorInOther => {
                let project = if matches!(op, D::CreateMonitor) {
                    &here
                } else {
                    &other
                };
                Call::mutation(
                    CREATE_MONITOR,
                    json!({ "i": { "projectId": project, "name": self.fresh("monitor "), "type": "HTTP", "target": "http://127.0.0.1:9/" } }),
                    "createMonitor",
                    "monitor.create",
                )
            }
            D::UpdateMonitor => Call::mutation(
                "mutation($id: ID!, $n: String!) { updateMonitor(id: $id, input: { name: $n }) { id name } }",
                json!({ "id": self.owner_monitor().await, "n": self.fresh("renamed ") }),
                "updateMonitor",
                "monitor.update",
            ),
            D::DeleteMonitor => Call::mutation(
                "mutation($id: ID!) { deleteMonitor(id: $id) }",
                json!({ "id": self.owner_monitor().await }),
                "deleteMonitor",
                "monitor.delete",
            ),
            D::CreateTest | D::CreateTestInOther => {
                let project = if matches!(op, D::CreateTest) {
                    &here
                } else {
                    &other
                };
                Call::mutation(
                    CREATE_TEST,
                    json!({ "i": { "projectId": project, "title": self.fresh("test "), "type": "PERFORMANCE", "script": "export default function () {}" } }),
                    "createTest",
                    "test.create",
                )
            }
            D::UpdateTest => Call::mutation(
                "mutation($id: ID!, $t: String!) { updateTest(id: $id, input: { title: $t }) { id title } }",
                json!({ "id": self.owner_test(&here).await, "t": self.fresh("renamed ") }),
                "updateTest",
                "test.update",
            ),
            D::DeleteTest => Call::mutation(
                "mutation($id: ID!) { deleteTest(id: $id) }",
                json!({ "id": self.owner_test(&here).await }),
                "deleteTest",
                "test.delete",
            ),
            D::RunTest => Call::mutation(
                "mutation($id: ID!) { runTest(id: $id) { id status } }",
                json!({ "id": self.owner_test(&here).await }),
                "runTest",
                "test.run",
            ),
            D::CreateJob | D::CreateJobInOther => {
                let project = if matches!(op, D::CreateJob) {
                    &here
                } else {
                    &other
                };
                let test = self.owner_test(project).await;
                Call::mutation(
                    CREATE_JOB,
                    json!({ "i": { "projectId": project, "name": self.fresh("job "), "jobType": "K6", "testIds": [test] } }),
                    "createJob",
                    "job.create",
                )
            }
            D::UpdateJob => Call::mutation(
                "mutation($id: ID!, $n: String!) { updateJob(id: $id, input: { name: $n }) { id name } }",
                json!({ "id": self.owner_job(&here).await, "n": self.fresh("renamed ") }),
                "updateJob",
                "job.update",
            ),
            D::DeleteJob => Call::mutation(
                "mutation($id: ID!) { deleteJob(id: $id) }",
                json!({ "id": self.owner_job(&here).await }),
                "deleteJob",
                "job.delete",
            ),
            D::TriggerJob | D::TriggerJobInOther => {
                let project = if matches!(op, D::TriggerJob) {
                    &here
                } else {
                    &other
                };
                Call::mutation(
                    "mutation($id: ID!) { triggerJob(id: $id) { id status } }",
                    json!({ "id": self.owner_job(project).await }),
                    "triggerJob",
                    "job.trigger",
                )
            }
            D::CreateCallback | D::CreateCallbackInOther => {
                let project = if matches!(op, D::CreateCallback) {
                    &here
                } else {
                    &other
                };
                Call::mutation(
                    CREATE_CALLBACK,
                    json!({ "i": { "projectId": project, "name": self.fresh("callback "), "callbackUrl": "http://127.0.0.1:9/" } }),
                    "createCallback",
                    "callback.create",
                )
            }
            D::UpdateCallback => Call::mutation(
                "mutation($id: ID!, $n: String!) { updateCallback(id: $id, input: { name: $n }) { id name } }",
                json!({ "id": self.owner_callback().await, "n": self.fresh("renamed ") }),
                "updateCallback",
                "callback.update",
            ),
            D::DeleteCallback => Call::mutation(
                "mutation($id: ID!) { deleteCallback(id: $id) }",
                json!({ "id": self.owner_callback().await }),
                "deleteCallback",
                "callback.delete",
            ),
            D::ReplayCallbackLog => Call::mutation(
                "mutation($id: ID!) { replayCallbackLog(id: $id) { id } }",
                json!({ "id": self.owner_callback_log().await }),
                "replayCallbackLog",
                "callback.replay",
            ),
            D::Monitors => Call::read(
                "query($p: ID!) { monitors(projectId: $p) { totalCount nodes { id } } }",
                json!({ "p": here }),
                "monitors",
            ),
            D::ReadMonitor => Call::read(
                "query($id: ID!) { monitor(id: $id) { id name } }",
                json!({ "id": self.owner_monitor().await }),
                "monitor",
            ),
            D::Tests => Call::read(
                "query($p: ID!) { tests(projectId: $p) { totalCount nodes { id script } } }",
                json!({ "p": here }),
                "tests",
            ),
            D::ReadTest => Call::read(
                "query($id: ID!) { test(id: $id) { id script } }",
                json!({ "id": self.owner_test(&here).await }),
                "test",
            ),
            D::Jobs => Call::read(
                "query($p: ID!) { jobs(projectId: $p) { totalCount nodes { id } } }",
                json!({ "p": here }),
                "jobs",
            ),
            D::ReadJob => Call::read(
                "query($id: ID!) { job(id: $id) { id name } }",
                json!({ "id": self.owner_job(&here).await }),
                "job",
            ),
            D::Runs => Call::read(
                "query($p: ID!) { runs(projectId: $p) { totalCount nodes { id } } }",
                json!({ "p": here }),
                "runs",
            ),
            D::Callbacks => Call::read(
                "query($p: ID!) { callbacks(projectId: $p) { totalCount nodes { id } } }",
                json!({ "p": here }),
                "callbacks",
            ),
            D::ReadCallback => Call::read(
                "query($id: ID!) { callback(id: $id) { id name } }",
                json!({ "id": self.owner_callback().await }),
                "callback",
            ),
        }
    }

    /// Makes the call for `op` by `caller` and says what did not go as `want`ed.
    async fn check_domain(
        &self,
        op: DomainOp,
        who: &str,
        caller: &TestUser,
        want: Outcome,
    ) -> Vec<String> {
        let call = self.prepare_domain(op).await;
        let before = Snapshot::take_with_domains(self.app).await;
        let response = self
            .app
            .gql(Some(&caller.token), call.query, call.vars)
            .await;
        let after = Snapshot::take_with_domains(self.app).await;
        let mut problems = Vec::new();
        let mut problem = |what: String| problems.push(format!("{op:?} by {who}: {what}"));
        problems_with_leaks(&response)
            .into_iter()
            .for_each(&mut problem);
        let data = &response.body["data"][call.field];
        match (want, call.action) {
            (Outcome::Allowed, Some(action)) => {
                if response.body.get("errors").is_some() || data.is_null() {
                    problem(format!("expected success, got {}", response.body));
                }
                let written = before.new_audit_rows(&after);
                if !(written.len() == 1
                    && written[0]["action"] == action
                    && written[0]["user_id"] == caller.id.as_str())
                {
                    problem(format!(
                        "expected one {action:?} audit row by the caller, got {written:?}"
                    ));
                }
                if before.changes(&after).len() < 2 {
                    problem("nothing but the audit trail changed".into());
                }
            }
            (Outcome::Allowed, None) => {
                if response.body.get("errors").is_some() || data.is_null() {
                    problem(format!("expected data, got {}", response.body));
                }
                for change in before.changes(&after) {
                    problem(format!("a read changed {change}"));
                }
            }
            (Outcome::Forbidden | Outcome::NotFound, _) => {
                let code = if want == Outcome::Forbidden {
                    "FORBIDDEN"
                } else {
                    "NOT_FOUND"
                };
                if response.code() != Some(code) {
                    problem(format!("expected {code}, got {}", response.body));
                }
                for change in before.changes(&after) {
                    problem(format!("refused, yet changed {change}"));
                }
            }
            (Outcome::Null, _) => {
                if response.body.get("errors").is_some() || !data.is_null() {
                    problem(format!("expected null, got {}", response.body));
                }
                for change in before.changes(&after) {
                    problem(format!("a read changed {change}"));
                }
            }
        }
        problems
    }
}

#[tokio::test]
async fn editors_change_monitors_tests_jobs_and_callbacks_and_viewers_only_read_them() {
    for backend in backends() {
        let app = TestApp::spawn(&backend).await;
        let world = world(&app).await;
        // A member whose organization role is project_viewer, made editor of the default
        // project: the project membership decides there.
        let promoted = app
            .member(
                world.owner(),
                &world.org,
                &world.project,
                "promoted@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        world
            .as_owner(
                SET_PROJECT_MEMBER,
                json!({ "i": { "projectId": world.project, "userId": promoted.id, "role": "PROJECT_EDITOR" } }),
            )
            .await;
        let levels = app
            .gql(
                Some(&promoted.token),
                "query($o: ID!, $p: ID!, $q: ID!) { organization(id: $o) { viewerRole } p: project(id: $p) { viewerLevel } q: project(id: $q) { viewerLevel } }",
                json!({ "o": world.org, "p": world.project, "q": world.other_project }),
            )
            .await
            .ok();
        assert_eq!(
            (
                &levels["organization"]["viewerRole"],
                &levels["p"]["viewerLevel"],
                &levels["q"]["viewerLevel"]
            ),
            (
                &json!("PROJECT_VIEWER"),
                &json!("PROJECT_EDITOR"),
                &json!("PROJECT_VIEWER")
            ),
            "{backend}: {levels}"
        );
        let mut callers: Vec<(String, TestUser)> = ROLES
            .iter()
            .map(|role| (format!("{role:?}"), world.user(*role).clone()))
            .collect();
        callers.push(("viewer made project editor".into(), promoted));

        let mut problems = Vec::new();
        for (op, outcomes) in DOMAIN_MATRIX {
            for ((who, caller), want) in callers.iter().zip(outcomes) {
                problems.extend(world.check_domain(*op, who, caller, *want).await);
            }
        }
        assert!(
            problems.is_empty(),
            "{backend}: {} cells of the monitor, test, job and callback matrix are wrong:\n{}",
            problems.len(),
            problems.join("\n")
        );
        drop(world);
        app.stop().await;
    }
}
