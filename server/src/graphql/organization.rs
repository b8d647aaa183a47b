//! Organizations, members and invitations.

use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entity::{invitation, member, organization};

use crate::auth::Level;
use crate::error::AppError;
use crate::graphql::account::User;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::graphql::project::Project;
use crate::organization::{self as org, NewInvitation, NewOrganization};
use crate::validate;

/// Roles in an organization, highest first.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::member::OrgRole")]
pub enum OrgRole {
    OrgOwner,
    OrgAdmin,
    ProjectAdmin,
    ProjectEditor,
    ProjectViewer,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// A team: members, projects and billing live here.
pub struct Organization(pub organization::Model);

#[Object]
impl Organization {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    async fn logo(&self) -> Option<&str> {
        self.0.logo.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The plan the organization is on, with its limits (`unlimited` on self-hosted
    /// instances).
    async fn plan(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<crate::graphql::billing::Plan> {
        crate::graphql::billing::organization_plan(ctx, &self.0).await
    }
    /// The organization's paid subscription (Stripe or Polar), when it has one.
    async fn subscription(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<crate::graphql::billing::BillingSubscription>> {
        crate::graphql::billing::organization_subscription(ctx, &self.0).await
    }
    /// The current billing period: meters, included amounts, overage (members may read).
    async fn usage(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<crate::graphql::billing::Usage> {
        crate::graphql::billing::organization_usage(ctx, &self.0).await
    }
    /// Closed billing periods, newest first (members may read).
    async fn usage_periods(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
    ) -> async_graphql::Result<Vec<crate::graphql::billing::UsagePeriod>> {
        crate::graphql::billing::organization_usage_periods(ctx, &self.0, first).await
    }
    /// The spending limit and usage notices (owners and admins; others get `FORBIDDEN`).
    async fn billing_settings(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<crate::graphql::billing::BillingSettings> {
        crate::graphql::billing::organization_billing_settings(ctx, &self.0).await
    }
    /// The caller's role here.
    async fn viewer_role(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<OrgRole>> {
        let membership = ctx.loaders().viewer_membership.load_one(self.0.id).await?;
        Ok(membership.map(|m| m.role.into()))
    }
    /// The organization's projects, oldest first.
    async fn projects(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Project>> {
        let rows = ctx.loaders().org_projects.load_one(self.0.id).await?;
        Ok(rows.unwrap_or_default().into_iter().map(Project).collect())
    }
    /// The organization's members, oldest first.
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Member>> {
        let rows = ctx.loaders().org_members.load_one(self.0.id).await?;
        Ok(rows.unwrap_or_default().into_iter().map(Member).collect())
    }
    /// Every countable plan limit with its current use (members may read).
    async fn quotas(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Quota>> {
        let rows = crate::plan::quotas(&ctx.state().db, ctx.principal()?, self.0.id).await?;
        Ok(rows.into_iter().filter_map(Quota::of).collect())
    }
}

/// The plan limits that are counted (`Organization.quotas`, `extensions.limit` of a refusal).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum PlanLimitKind {
    Monitors,
    Projects,
    /// Members and open invitations.
    Members,
    StatusPages,
    /// Webhook callbacks (no plan limits their number).
    Callbacks,
}

/// One countable plan limit with its current use.
pub struct Quota {
    limit: PlanLimitKind,
    used: i64,
    max: Option<i64>,
}

impl Quota {
    fn of(quota: crate::plan::Quota) -> Option<Self> {
        use crate::plan::Limit;
        let limit = match quota.limit {
            Limit::Monitors => PlanLimitKind::Monitors,
            Limit::Projects => PlanLimitKind::Projects,
            Limit::Members => PlanLimitKind::Members,
            Limit::StatusPages => PlanLimitKind::StatusPages,
            Limit::Callbacks => PlanLimitKind::Callbacks,
            _ => return None,
        };
        Some(Self {
            limit,
            used: quota.used,
            max: quota.max,
        })
    }
}

#[Object]
impl Quota {
    async fn limit(&self) -> PlanLimitKind {
        self.limit
    }
    /// The use now.
    async fn used(&self) -> i32 {
        i32::try_from(self.used).unwrap_or(i32::MAX)
    }
    /// What the plan allows; null when it does not limit this.
    async fn max(&self) -> Option<i32> {
        self.max.map(|m| i32::try_from(m).unwrap_or(i32::MAX))
    }
}

/// A user's membership of an organization.
pub struct Member(pub member::Model);

#[Object]
impl Member {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn role(&self) -> OrgRole {
        self.0.role.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn organization_id(&self) -> ID {
        ID(self.0.organization_id.to_string())
    }
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<User> {
        let user = ctx.loaders().users.load_one(self.0.user_id).await?;
        Ok(User(user.ok_or(AppError::NotFound)?))
    }
}

/// An invitation to join an organization.
pub struct Invitation(pub invitation::Model);

#[Object]
impl Invitation {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn role(&self) -> OrgRole {
        self.0.role.into()
    }
    async fn status(&self) -> InvitationStatus {
        match self.0.status {
            invitation::InvitationStatus::Pending if self.0.expires_at <= Utc::now() => {
                InvitationStatus::Expired
            }
            invitation::InvitationStatus::Pending => InvitationStatus::Pending,
            invitation::InvitationStatus::Accepted => InvitationStatus::Accepted,
            invitation::InvitationStatus::Revoked => InvitationStatus::Revoked,
        }
    }
    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn organization_id(&self) -> ID {
        ID(self.0.organization_id.to_string())
    }
    /// Name of the organization (visible to the invitee before joining).
    async fn organization_name(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        let org = ctx
            .loaders()
            .organizations
            .load_one(self.0.organization_id)
            .await?;
        Ok(org.map(|o| o.name).unwrap_or_default())
    }
    async fn inviter(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        Ok(ctx
            .loaders()
            .users
            .load_one(self.0.inviter_id)
            .await?
            .map(User))
    }
    /// Projects the invitee gets the role in.
    async fn project_ids(&self) -> Vec<ID> {
        self.0
            .selected_projects
            .as_ref()
            .and_then(|v| serde_json::from_value::<Vec<uuid::Uuid>>(v.clone()).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|id| ID(id.to_string()))
            .collect()
    }
}

#[derive(InputObject)]
pub struct CreateOrganizationInput {
    pub name: String,
    /// Derived from the name when absent.
    pub slug: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateOrganizationInput {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub logo: Option<String>,
}

#[derive(InputObject)]
pub struct InviteMemberInput {
    pub organization_id: ID,
    pub email: String,
    pub role: OrgRole,
    /// For project roles: the projects the role applies to.
    #[graphql(default)]
    pub project_ids: Vec<ID>,
}

#[derive(Default)]
pub struct OrganizationQuery;

#[Object]
impl OrganizationQuery {
    /// The caller's organizations, oldest first.
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Organization>> {
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = org::list(ctx.state(), principal, request).await?;
        Ok(connection(request, rows, |o| o.id, Organization))
    }

    async fn organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<Organization>> {
        let id = validate::id("id", &id)?;
        match ctx
            .principal()?
            .org(&ctx.state().db, id, Level::Viewer)
            .await
        {
            Ok(access) => Ok(Some(Organization(access.organization))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    /// Members of an organization, oldest first.
    async fn members(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Member>> {
        let id = validate::id("organizationId", &organization_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = org::members(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |m| m.id, Member))
    }

    /// Invitations of an organization, newest first (admins).
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Invitation>> {
        let id = validate::id("organizationId", &organization_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = org::invitations(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |i| i.id, Invitation))
    }

    /// Open invitations addressed to the caller.
    async fn my_invitations(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Invitation>> {
        let principal = ctx.principal()?;
        Ok(org::my_invitations(&ctx.state().db, principal)
            .await?
            .into_iter()
            .map(Invitation)
            .collect())
    }

    async fn invitation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<Invitation>> {
        let id = validate::id("id", &id)?;
        match org::find_invitation(ctx.state(), ctx.principal()?, id).await {
            Ok(invite) => Ok(Some(Invitation(invite))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }
}

#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    /// Creates an organization owned by the caller, with a default project.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganizationInput,
    ) -> async_graphql::Result<Organization> {
        let org = org::create(
            ctx.state(),
            ctx.principal()?,
            NewOrganization {
                name: input.name,
                slug: input.slug,
            },
        )
        .await?;
        Ok(Organization(org))
    }

    async fn update_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateOrganizationInput,
    ) -> async_graphql::Result<Organization> {
        let id = validate::id("id", &id)?;
        let org = org::update(
            ctx.state(),
            ctx.principal()?,
            id,
            input.name,
            input.slug,
            input.logo,
        )
        .await?;
        Ok(Organization(org))
    }

    /// Deletes an organization with everything in it (owners).
    async fn delete_organization(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        org::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    async fn update_member_role(
        &self,
        ctx: &Context<'_>,
        member_id: ID,
        role: OrgRole,
    ) -> async_graphql::Result<Member> {
        let id = validate::id("memberId", &member_id)?;
        Ok(Member(
            org::update_member_role(ctx.state(), ctx.principal()?, id, role.into()).await?,
        ))
    }

    /// Removes a member, or leaves when it is the caller's own membership.
    async fn remove_member(&self, ctx: &Context<'_>, member_id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("memberId", &member_id)?;
        org::remove_member(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        input: InviteMemberInput,
    ) -> async_graphql::Result<Invitation> {
        let organization_id = validate::id("organizationId", &input.organization_id)?;
        let project_ids = input
            .project_ids
            .iter()
            .map(|id| validate::id("projectIds", id))
            .collect::<Result<Vec<_>, _>>()?;
        let invite = org::invite(
            ctx.state(),
            ctx.principal()?,
            NewInvitation {
                organization_id,
                email: input.email,
                role: input.role.into(),
                project_ids,
            },
        )
        .await?;
        Ok(Invitation(invite))
    }

    /// Joins an organization through an invitation to the caller's verified address.
    async fn accept_invitation(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Member> {
        let id = validate::id("id", &id)?;
        Ok(Member(
            org::accept_invitation(ctx.state(), ctx.principal()?, id).await?,
        ))
    }

    /// Revokes an invitation (admins) or declines one addressed to the caller.
    async fn revoke_invitation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Invitation> {
        let id = validate::id("id", &id)?;
        Ok(Invitation(
            org::revoke_invitation(ctx.state(), ctx.principal()?, id).await?,
        ))
    }
}
