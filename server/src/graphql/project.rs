//! Projects and project members.

use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entity::{project_members, projects};

use crate::auth::Level;
use crate::auth::guard::org_wide_level;
use crate::error::AppError;
use crate::graphql::account::User;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::graphql::organization::Organization;
use crate::project::{self, NewProject, ProjectChanges};
use crate::validate;

/// Roles in a project, highest first.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::project_members::ProjectRole")]
pub enum ProjectRole {
    ProjectAdmin,
    ProjectEditor,
    ProjectViewer,
}

/// The level a caller holds in a project.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum AccessLevel {
    OrgOwner,
    OrgAdmin,
    ProjectAdmin,
    ProjectEditor,
    ProjectViewer,
}

impl From<Level> for AccessLevel {
    fn from(level: Level) -> Self {
        match level {
            Level::Owner => AccessLevel::OrgOwner,
            Level::OrgAdmin => AccessLevel::OrgAdmin,
            Level::ProjectAdmin => AccessLevel::ProjectAdmin,
            Level::Editor => AccessLevel::ProjectEditor,
            Level::Viewer => AccessLevel::ProjectViewer,
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::projects::ProjectStatus")]
pub enum ProjectStatus {
    Active,
    Archived,
}

/// A project: monitors, tests, jobs and callbacks live here.
pub struct Project(pub projects::Model);

#[Object]
impl Project {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn organization_id(&self) -> ID {
        ID(self.0.organization_id.to_string())
    }
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Organization> {
        let org = ctx
            .loaders()
            .organizations
            .load_one(self.0.organization_id)
            .await?;
        Ok(Organization(org.ok_or(AppError::NotFound)?))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn is_default(&self) -> bool {
        self.0.is_default
    }
    async fn status(&self) -> ProjectStatus {
        self.0.status.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The caller's level in this project.
    async fn viewer_level(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AccessLevel>> {
        let Some(member) = ctx
            .loaders()
            .viewer_membership
            .load_one(self.0.organization_id)
            .await?
        else {
            return Ok(None);
        };
        if let Some(level) = org_wide_level(member.role) {
            return Ok(Some(level.into()));
        }
        let role = ctx
            .loaders()
            .viewer_project_role
            .load_one(self.0.id)
            .await?;
        Ok(Some(role.map_or(Level::Viewer, |r| r.role.into()).into()))
    }
    /// Users with a role in this project (organization owners and admins have access
    /// without one).
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ProjectMember>> {
        let rows = ctx.loaders().project_members.load_one(self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ProjectMember)
            .collect())
    }
}

/// A user's role in a project.
pub struct ProjectMember(pub project_members::Model);

#[Object]
impl ProjectMember {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn role(&self) -> ProjectRole {
        self.0.role.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<User> {
        let user = ctx.loaders().users.load_one(self.0.user_id).await?;
        Ok(User(user.ok_or(AppError::NotFound)?))
    }
}

#[derive(InputObject)]
pub struct CreateProjectInput {
    pub organization_id: ID,
    pub name: String,
    pub slug: Option<String>,
    pub description: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateProjectInput {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    pub archived: Option<bool>,
}

#[derive(InputObject)]
pub struct SetProjectMemberInput {
    pub project_id: ID,
    pub user_id: ID,
    pub role: ProjectRole,
}

#[derive(Default)]
pub struct ProjectQuery;

#[Object]
impl ProjectQuery {
    /// Projects of an organization, oldest first.
    async fn projects(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Project>> {
        let id = validate::id("organizationId", &organization_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = project::list(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |p| p.id, Project))
    }

    async fn project(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Project>> {
        let id = validate::id("id", &id)?;
        match ctx
            .principal()?
            .project(&ctx.state().db, id, Level::Viewer)
            .await
        {
            Ok(access) => Ok(Some(Project(access.project))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }
}

#[derive(Default)]
pub struct ProjectMutation;

#[Object]
impl ProjectMutation {
    /// Creates a project (organization admins).
    async fn create_project(
        &self,
        ctx: &Context<'_>,
        input: CreateProjectInput,
    ) -> async_graphql::Result<Project> {
        let organization_id = validate::id("organizationId", &input.organization_id)?;
        let project = project::create(
            ctx.state(),
            ctx.principal()?,
            NewProject {
                organization_id,
                name: input.name,
                slug: input.slug,
                description: input.description,
            },
        )
        .await?;
        Ok(Project(project))
    }

    async fn update_project(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateProjectInput,
    ) -> async_graphql::Result<Project> {
        let id = validate::id("id", &id)?;
        let project = project::update(
            ctx.state(),
            ctx.principal()?,
            id,
            ProjectChanges {
                name: input.name,
                slug: input.slug,
                description: input.description,
                archived: input.archived,
            },
        )
        .await?;
        Ok(Project(project))
    }

    /// Deletes a project with everything in it (organization admins).
    async fn delete_project(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        project::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Gives an organization member a role in a project, or changes it (project admins).
    async fn set_project_member(
        &self,
        ctx: &Context<'_>,
        input: SetProjectMemberInput,
    ) -> async_graphql::Result<ProjectMember> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let user_id = validate::id("userId", &input.user_id)?;
        let row = project::set_member(
            ctx.state(),
            ctx.principal()?,
            project_id,
            user_id,
            input.role.into(),
        )
        .await?;
        Ok(ProjectMember(row))
    }

    async fn remove_project_member(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        user_id: ID,
    ) -> async_graphql::Result<bool> {
        let project_id = validate::id("projectId", &project_id)?;
        let user_id = validate::id("userId", &user_id)?;
        project::remove_member(ctx.state(), ctx.principal()?, project_id, user_id).await?;
        Ok(true)
    }
}
