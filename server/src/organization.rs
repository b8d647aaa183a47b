//! Organizations, their members and invitations.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use entity::invitation::{self, InvitationStatus};
use entity::member::{self, OrgRole};
use entity::project_members::{self, ProjectRole};
use entity::{organization, projects, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::mail::Mail;
use crate::project;
use crate::state::AppState;
use crate::validate;

/// How long an invitation stays valid.
pub const INVITATION_DAYS: i64 = 7;

/// Fields of a new organization.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub name: String,
    pub slug: Option<String>,
}

/// Creates an organization whose creator is its owner, with a default project.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewOrganization,
) -> AppResult<organization::Model> {
    principal.may_write()?;
    let name = validate::name("name", &input.name)?;
    let explicit = input.slug.is_some();
    let mut slug = match &input.slug {
        Some(slug) => validate::slug("slug", slug)?,
        None => validate::slugify(&name),
    };
    let self_hosted = state.settings.mode == crate::config::Mode::SelfHosted;
    let start_plan = if self_hosted { "unlimited" } else { "free" };
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    crate::plan::require_organization(db, principal.user_id(), start_plan).await?;
    if slug_taken(db, &slug, None).await? {
        if explicit {
            return Err(AppError::Conflict(format!("the slug {slug:?} is taken")));
        }
        slug = format!("{slug}-{}", &Uuid::new_v4().simple().to_string()[..6]);
    }
    let now = Utc::now();
    let org = organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        slug: Set(slug),
        logo: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        metadata: Set(None),
        polar_customer_id: Set(None),
        subscription_plan: Set(Some(start_plan.into())),
        subscription_status: Set(Some("active".into())),
        subscription_id: Set(None),
        subscription_started_at: Set(Some(now)),
        subscription_ends_at: Set(None),
        playwright_minutes_used: Set(0),
        k6_vu_minutes_used: Set(0),
        ai_credits_used: Set(0),
        usage_period_start: Set(Some(now)),
        usage_period_end: Set(None),
        monitor_checks_used: Set(0),
        callback_triggers_used: Set(0),
        usage_rollover_until: Set(None),
    }
    .insert(db)
    .await?;
    member::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(org.id),
        user_id: Set(principal.user_id()),
        role: Set(OrgRole::OrgOwner),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    project::insert(db, org.id, "Default", "default", None, true).await?;
    audit::record(
        &tx,
        principal,
        Some(org.id),
        "organization.create",
        json!({ "name": org.name, "slug": org.slug }),
    )
    .await?;
    tx.commit().await?;
    Ok(org)
}

async fn slug_taken(
    db: &impl ConnectionTrait,
    slug: &str,
    except: Option<Uuid>,
) -> AppResult<bool> {
    let mut query = organization::Entity::find().filter(organization::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(organization::Column::Id.ne(id));
    }
    Ok(query.count(db).await? > 0)
}

/// The caller's organizations, oldest first. A project key sees only its project's.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    request: PageRequest,
) -> AppResult<Rows<organization::Model>> {
    use sea_orm::sea_query::Query;
    let mut query = organization::Entity::find().filter(
        organization::Column::Id.in_subquery(
            Query::select()
                .column(member::Column::OrganizationId)
                .from(member::Entity)
                .and_where(member::Column::UserId.eq(principal.user_id()))
                .to_owned(),
        ),
    );
    if let Some(scope) = principal.project_scope() {
        query = query.filter(
            organization::Column::Id.in_subquery(
                Query::select()
                    .column(projects::Column::OrganizationId)
                    .from(projects::Entity)
                    .and_where(projects::Column::Id.eq(scope))
                    .to_owned(),
            ),
        );
    }
    page::read(
        &state.db,
        query,
        organization::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

/// Organizations by id, one statement.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, organization::Model>> {
    let rows = organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|o| (o.id, o)).collect())
}

/// Renames or re-slugs an organization (admins).
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    name: Option<String>,
    slug: Option<String>,
    logo: Option<String>,
) -> AppResult<organization::Model> {
    let access = principal.org(&state.db, id, Level::OrgAdmin).await?;
    let mut active: organization::ActiveModel = access.organization.into();
    if let Some(name) = name {
        active.name = Set(validate::name("name", &name)?);
    }
    let tx = Tx::begin(state).await?;
    if let Some(slug) = slug {
        let slug = validate::slug("slug", &slug)?;
        if slug_taken(tx.conn(), &slug, Some(id)).await? {
            return Err(AppError::Conflict(format!("the slug {slug:?} is taken")));
        }
        active.slug = Set(slug);
    }
    if let Some(logo) = logo {
        active.logo = Set(validate::text("logo", Some(&logo), 2048)?);
    }
    active.updated_at = Set(Utc::now());
    let org = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(id),
        "organization.update",
        json!({ "name": org.name, "slug": org.slug }),
    )
    .await?;
    tx.commit().await?;
    Ok(org)
}

/// Deletes an organization and everything in it (owners only).
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let access = principal.org(&state.db, id, Level::Owner).await?;
    let tx = Tx::begin(state).await?;
    organization::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    // The row goes with the organization; keep the trail on the user.
    audit::record(
        &tx,
        principal,
        None,
        "organization.delete",
        json!({ "organizationId": id, "name": access.organization.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Members of an organization the caller may view, oldest first.
pub async fn members(
    state: &AppState,
    principal: &Principal,
    org_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<member::Model>> {
    principal.org(&state.db, org_id, Level::Viewer).await?;
    let query = member::Entity::find().filter(member::Column::OrganizationId.eq(org_id));
    page::read(&state.db, query, member::Column::Id, Order::Asc, request).await
}

/// The members of each organization, oldest first, one statement.
pub async fn members_of(
    db: &impl ConnectionTrait,
    org_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<member::Model>>> {
    let rows = member::Entity::find()
        .filter(member::Column::OrganizationId.is_in(org_ids.to_vec()))
        .order_by_asc(member::Column::Id)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<member::Model>> =
        org_ids.iter().map(|k| (*k, Vec::new())).collect();
    for row in rows {
        out.entry(row.organization_id).or_default().push(row);
    }
    Ok(out)
}

/// A user's own membership in each of `org_ids` they belong to, one statement.
pub async fn memberships_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    org_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, member::Model>> {
    let rows = member::Entity::find()
        .filter(member::Column::OrganizationId.is_in(org_ids.to_vec()))
        .filter(member::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|m| (m.organization_id, m)).collect())
}

async fn owner_count(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<u64> {
    Ok(member::Entity::find()
        .filter(member::Column::OrganizationId.eq(org_id))
        .filter(member::Column::Role.eq(OrgRole::OrgOwner))
        .count(db)
        .await?)
}

/// Changes a member's role. Only owners make or unmake owners; the last owner stays.
pub async fn update_member_role(
    state: &AppState,
    principal: &Principal,
    member_id: Uuid,
    role: OrgRole,
) -> AppResult<member::Model> {
    let target = member::Entity::find_by_id(member_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let access = principal
        .org(&state.db, target.organization_id, Level::OrgAdmin)
        .await?;
    let touches_owner = target.role == OrgRole::OrgOwner || role == OrgRole::OrgOwner;
    if touches_owner && access.level < Level::Owner {
        return Err(AppError::Forbidden(
            "only owners can make or change owners".into(),
        ));
    }
    let tx = Tx::begin(state).await?;
    if target.role == OrgRole::OrgOwner
        && role != OrgRole::OrgOwner
        && owner_count(tx.conn(), target.organization_id).await? <= 1
    {
        return Err(AppError::field(
            "role",
            "an organization needs at least one owner",
        ));
    }
    let old = target.role;
    let mut active: member::ActiveModel = target.into();
    active.role = Set(role);
    let updated = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(updated.organization_id),
        "member.update_role",
        json!({ "memberId": member_id, "userId": updated.user_id, "from": format!("{old:?}"), "to": format!("{role:?}") }),
    )
    .await?;
    tx.commit().await?;
    Ok(updated)
}

/// Removes a member (admins; owners only by owners), or lets a member leave.
pub async fn remove_member(
    state: &AppState,
    principal: &Principal,
    member_id: Uuid,
) -> AppResult<()> {
    let target = member::Entity::find_by_id(member_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let leaving = target.user_id == principal.user_id();
    let needed = if leaving {
        Level::Viewer
    } else {
        Level::OrgAdmin
    };
    let access = principal
        .org(&state.db, target.organization_id, needed)
        .await?;
    if leaving {
        principal.may_write()?;
    }
    if target.role == OrgRole::OrgOwner && !leaving && access.level < Level::Owner {
        return Err(AppError::Forbidden("only owners can remove owners".into()));
    }
    let tx = Tx::begin(state).await?;
    if target.role == OrgRole::OrgOwner
        && owner_count(tx.conn(), target.organization_id).await? <= 1
    {
        return Err(AppError::invalid(
            "an organization needs at least one owner",
        ));
    }
    // Project roles in this organization go with the membership.
    let project_ids: Vec<Uuid> = projects::Entity::find()
        .filter(projects::Column::OrganizationId.eq(target.organization_id))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    project_members::Entity::delete_many()
        .filter(project_members::Column::UserId.eq(target.user_id))
        .filter(project_members::Column::ProjectId.is_in(project_ids))
        .exec(tx.conn())
        .await?;
    member::Entity::delete_by_id(member_id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(target.organization_id),
        if leaving {
            "member.leave"
        } else {
            "member.remove"
        },
        json!({ "memberId": member_id, "userId": target.user_id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Fields of an invitation.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub organization_id: Uuid,
    pub email: String,
    pub role: OrgRole,
    pub project_ids: Vec<Uuid>,
}

/// Invites an address into an organization with a role (admins; owners for owners). A pending
/// invitation for the same address is replaced.
pub async fn invite(
    state: &AppState,
    principal: &Principal,
    input: NewInvitation,
) -> AppResult<invitation::Model> {
    let access = principal
        .org(&state.db, input.organization_id, Level::OrgAdmin)
        .await?;
    let email = validate::email("email", &input.email)?;
    if input.role == OrgRole::OrgOwner && access.level < Level::Owner {
        return Err(AppError::Forbidden("only owners can invite owners".into()));
    }
    let project_ids =
        invited_projects(&state.db, input.organization_id, &input.project_ids).await?;
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    let existing_user = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?;
    if let Some(existing) = &existing_user
        && is_member(db, input.organization_id, existing.id).await?
    {
        return Err(AppError::Conflict(format!("{email} is already a member")));
    }
    crate::plan::require_member(
        db,
        input.organization_id,
        crate::plan::Seat::Invite { email: &email },
    )
    .await?;
    // The new invitation replaces any still pending for the address.
    invitation::Entity::update_many()
        .col_expr(invitation::Column::Status, InvitationStatus::Revoked.into())
        .filter(invitation::Column::OrganizationId.eq(input.organization_id))
        .filter(invitation::Column::Email.eq(&email))
        .filter(invitation::Column::Status.eq(InvitationStatus::Pending))
        .exec(db)
        .await?;
    let now = Utc::now();
    let invite = invitation::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(input.organization_id),
        email: Set(email.clone()),
        role: Set(input.role),
        status: Set(InvitationStatus::Pending),
        expires_at: Set(now + Duration::days(INVITATION_DAYS)),
        inviter_id: Set(principal.user_id()),
        selected_projects: Set(Some(json!(project_ids))),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    if let Some(existing) = &existing_user {
        crate::notification::add(
            &tx,
            existing.id,
            "invitation",
            json!({ "invitationId": invite.id, "organization": access.organization.name }),
        )
        .await?;
    }
    audit::record(
        &tx,
        principal,
        Some(input.organization_id),
        "invitation.create",
        json!({ "invitationId": invite.id, "email": email, "role": format!("{:?}", input.role) }),
    )
    .await?;
    tx.commit().await?;
    mail_invitation(state, principal, &access.organization, &invite);
    Ok(invite)
}

/// The projects an invitation names, each once: at most 500, all in the organization.
async fn invited_projects(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    ids: &[Uuid],
) -> AppResult<Vec<Uuid>> {
    if ids.len() > 500 {
        return Err(AppError::field("projectIds", "at most 500 projects"));
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(ids);
    }
    let found = projects::Entity::find()
        .filter(projects::Column::OrganizationId.eq(org_id))
        .filter(projects::Column::Id.is_in(ids.clone()))
        .count(db)
        .await?;
    if found != ids.len() as u64 {
        return Err(AppError::field(
            "projectIds",
            "a project is not in this organization",
        ));
    }
    Ok(ids)
}

/// Whether a user is a member of an organization.
async fn is_member(db: &impl ConnectionTrait, org_id: Uuid, user_id: Uuid) -> AppResult<bool> {
    Ok(member::Entity::find()
        .filter(member::Column::OrganizationId.eq(org_id))
        .filter(member::Column::UserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// Mails the invitee the link to accept (after the commit: the mail goes out in the
/// background).
fn mail_invitation(
    state: &AppState,
    principal: &Principal,
    org: &organization::Model,
    invite: &invitation::Model,
) {
    let link = format!("{}/invitations/{}", state.settings.base_url(), invite.id);
    state.mailer.send_later(Mail {
        to: invite.email.clone(),
        subject: format!("You are invited to {} on Vigil", org.name),
        body: format!(
            "{} invited you to the organization {} on Vigil.\n\nAccept it here (sign up or sign in with this address first):\n\n{link}\n\nThe invitation is valid for {INVITATION_DAYS} days.",
            principal.user.name, org.name
        ),
    });
}

/// Invitations of an organization, newest first (admins).
pub async fn invitations(
    state: &AppState,
    principal: &Principal,
    org_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<invitation::Model>> {
    principal.org(&state.db, org_id, Level::OrgAdmin).await?;
    let query = invitation::Entity::find().filter(invitation::Column::OrganizationId.eq(org_id));
    page::read(
        &state.db,
        query,
        invitation::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// Invitations addressed to the caller that are still open.
pub async fn my_invitations(
    db: &impl ConnectionTrait,
    principal: &Principal,
) -> AppResult<Vec<invitation::Model>> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::Email.eq(principal.user.email.clone()))
        .filter(invitation::Column::Status.eq(InvitationStatus::Pending))
        .filter(invitation::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(invitation::Column::Id)
        .all(db)
        .await?)
}

/// An invitation the caller may see: addressed to them, or in an organization they administer.
pub async fn find_invitation(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<invitation::Model> {
    let invite = invitation::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if invite.email == principal.user.email {
        return Ok(invite);
    }
    principal
        .org(&state.db, invite.organization_id, Level::OrgAdmin)
        .await?;
    Ok(invite)
}

/// Accepts an invitation addressed to the caller's verified address.
pub async fn accept_invitation(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<member::Model> {
    principal.require_session()?;
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    let invite = open_invitation(db, principal, id).await?;
    if is_member(db, invite.organization_id, principal.user_id()).await? {
        return Err(AppError::Conflict(
            "you are already a member of this organization".into(),
        ));
    }
    crate::plan::require_member(
        db,
        invite.organization_id,
        crate::plan::Seat::Accept {
            invitation_id: invite.id,
        },
    )
    .await?;
    let now = Utc::now();
    let member = member::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(invite.organization_id),
        user_id: Set(principal.user_id()),
        role: Set(invite.role),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    grant_invited_projects(db, &invite, principal.user_id()).await?;
    let mut active: invitation::ActiveModel = invite.clone().into();
    active.status = Set(InvitationStatus::Accepted);
    active.update(db).await?;
    audit::record(
        &tx,
        principal,
        Some(invite.organization_id),
        "invitation.accept",
        json!({ "invitationId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(member)
}

/// An invitation the caller may accept now: addressed to them (another's is not found),
/// their address verified, still pending and not expired.
async fn open_invitation(
    db: &impl ConnectionTrait,
    principal: &Principal,
    id: Uuid,
) -> AppResult<invitation::Model> {
    let invite = invitation::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|i| i.email == principal.user.email)
        .ok_or(AppError::NotFound)?;
    if !principal.user.email_verified {
        return Err(AppError::Forbidden(
            "verify your email address before accepting invitations".into(),
        ));
    }
    if invite.status != InvitationStatus::Pending {
        return Err(AppError::invalid("this invitation is no longer open"));
    }
    if invite.expires_at <= Utc::now() {
        return Err(AppError::invalid("this invitation has expired"));
    }
    Ok(invite)
}

/// Gives a new member with a project role that role in the projects the invitation named
/// (those still in the organization); organization-wide roles need no project rows.
async fn grant_invited_projects(
    db: &impl ConnectionTrait,
    invite: &invitation::Model,
    user_id: Uuid,
) -> AppResult<()> {
    let role = match invite.role {
        OrgRole::ProjectAdmin => ProjectRole::ProjectAdmin,
        OrgRole::ProjectEditor => ProjectRole::ProjectEditor,
        OrgRole::ProjectViewer => ProjectRole::ProjectViewer,
        OrgRole::OrgOwner | OrgRole::OrgAdmin => return Ok(()),
    };
    let wanted: Vec<Uuid> = invite
        .selected_projects
        .as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    let existing = projects::Entity::find()
        .filter(projects::Column::OrganizationId.eq(invite.organization_id))
        .filter(projects::Column::Id.is_in(wanted))
        .all(db)
        .await?;
    let now = Utc::now();
    for project in existing {
        project_members::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            project_id: Set(project.id),
            role: Set(role),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Revokes a pending invitation (admins), or declines one addressed to the caller.
pub async fn revoke_invitation(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<invitation::Model> {
    let invite = find_invitation(state, principal, id).await?;
    if invite.email != principal.user.email {
        principal
            .org(&state.db, invite.organization_id, Level::OrgAdmin)
            .await?;
    } else {
        principal.may_write()?;
    }
    if invite.status != InvitationStatus::Pending {
        return Err(AppError::invalid("this invitation is no longer open"));
    }
    let tx = Tx::begin(state).await?;
    let mut active: invitation::ActiveModel = invite.clone().into();
    active.status = Set(InvitationStatus::Revoked);
    let invite = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(invite.organization_id),
        "invitation.revoke",
        json!({ "invitationId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(invite)
}
