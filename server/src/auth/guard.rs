//! The one guard every resolver goes through.
//!
//! Roles (seed 000), highest first: `org_owner`, `org_admin`, `project_admin`,
//! `project_editor`, `project_viewer`.
//! - In an organization, a member's level is their `member.role`.
//! - In a project, owners and admins of the organization keep their level; any other member
//!   has the role of their `project_members` row for that project, and `project_viewer` in the
//!   organization's other projects.
//! - Something in an organization the caller is not a member of does not exist for them
//!   (`NOT_FOUND`); a member without the level needed gets `FORBIDDEN`.
//! - An API key never does more than its permission (read: viewer level; write: up to editor
//!   level; admin: everything the user may), and a scoped key sees only its project or job:
//!   at organization and account level it may read, never change ([`Principal::may_write`]).
//! - Credentials (keys, sessions, password, two-factor) are managed only from the user's own
//!   session ([`Principal::require_own_session`]).

use entity::member::{self, OrgRole};
use entity::project_members::{self, ProjectRole};
use entity::{organization, projects};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::principal::{Access, Principal};
use crate::error::{AppError, AppResult};

/// A level in the role hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Viewer = 1,
    Editor = 2,
    ProjectAdmin = 3,
    OrgAdmin = 4,
    Owner = 5,
}

impl From<OrgRole> for Level {
    fn from(role: OrgRole) -> Self {
        match role {
            OrgRole::OrgOwner => Level::Owner,
            OrgRole::OrgAdmin => Level::OrgAdmin,
            OrgRole::ProjectAdmin => Level::ProjectAdmin,
            OrgRole::ProjectEditor => Level::Editor,
            OrgRole::ProjectViewer => Level::Viewer,
        }
    }
}

impl From<ProjectRole> for Level {
    fn from(role: ProjectRole) -> Self {
        match role {
            ProjectRole::ProjectAdmin => Level::ProjectAdmin,
            ProjectRole::ProjectEditor => Level::Editor,
            ProjectRole::ProjectViewer => Level::Viewer,
        }
    }
}

impl Level {
    /// The least credential access that may act at this level.
    fn access_needed(self) -> Access {
        match self {
            Level::Viewer => Access::Read,
            Level::Editor => Access::Write,
            _ => Access::Admin,
        }
    }
}

/// The caller's standing in an organization.
#[derive(Debug, Clone)]
pub struct OrgAccess {
    pub organization: organization::Model,
    pub member: member::Model,
    pub level: Level,
}

/// The caller's standing in a project.
#[derive(Debug, Clone)]
pub struct ProjectAccess {
    pub project: projects::Model,
    pub org_level: Level,
    pub level: Level,
}

/// A project-level role given by the organization role alone, for owners and admins.
pub fn org_wide_level(role: OrgRole) -> Option<Level> {
    match role {
        OrgRole::OrgOwner | OrgRole::OrgAdmin => Some(role.into()),
        _ => None,
    }
}

impl Principal {
    fn check_credential(&self, needed: Level) -> AppResult<()> {
        if self.job_scope().is_some() {
            // A job key reaches only its job, through the job's own checks.
            return Err(AppError::Forbidden(
                "this API key is limited to one job".into(),
            ));
        }
        if self.access < needed.access_needed() {
            return Err(AppError::Forbidden(
                "this API key's permission does not allow this".into(),
            ));
        }
        Ok(())
    }

    /// The caller's membership of `org_id`, or `NOT_FOUND` when there is none.
    pub async fn membership(
        &self,
        db: &impl ConnectionTrait,
        org_id: Uuid,
    ) -> AppResult<member::Model> {
        member::Entity::find()
            .filter(member::Column::OrganizationId.eq(org_id))
            .filter(member::Column::UserId.eq(self.user_id()))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Requires level `needed` in organization `org_id`.
    pub async fn org(
        &self,
        db: &impl ConnectionTrait,
        org_id: Uuid,
        needed: Level,
    ) -> AppResult<OrgAccess> {
        let found = organization::Entity::find_by_id(org_id)
            .find_also_related(member::Entity)
            .filter(member::Column::UserId.eq(self.user_id()))
            .one(db)
            .await?;
        let Some((organization, Some(member))) = found else {
            return Err(AppError::NotFound);
        };
        if let Some(scope) = self.project_scope() {
            // A project key may read its organization, nothing more at this level.
            let in_org = projects::Entity::find_by_id(scope)
                .filter(projects::Column::OrganizationId.eq(org_id))
                .one(db)
                .await?
                .is_some();
            if !in_org {
                return Err(AppError::NotFound);
            }
            if needed > Level::Viewer {
                return Err(AppError::Forbidden(
                    "this API key is limited to one project".into(),
                ));
            }
        }
        let level = Level::from(member.role);
        if level < needed {
            return Err(AppError::forbidden());
        }
        self.check_credential(needed)?;
        Ok(OrgAccess {
            organization,
            member,
            level,
        })
    }

    /// Requires level `needed` in project `project_id`.
    pub async fn project(
        &self,
        db: &impl ConnectionTrait,
        project_id: Uuid,
        needed: Level,
    ) -> AppResult<ProjectAccess> {
        if self
            .project_scope()
            .is_some_and(|scope| scope != project_id)
        {
            return Err(AppError::NotFound);
        }
        let project = projects::Entity::find_by_id(project_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let member = self.membership(db, project.organization_id).await?;
        let org_level = Level::from(member.role);
        let level = match org_wide_level(member.role) {
            Some(level) => level,
            None => project_members::Entity::find()
                .filter(project_members::Column::ProjectId.eq(project_id))
                .filter(project_members::Column::UserId.eq(self.user_id()))
                .one(db)
                .await?
                .map_or(Level::Viewer, |pm| pm.role.into()),
        };
        if level < needed {
            return Err(AppError::forbidden());
        }
        self.check_credential(needed)?;
        Ok(ProjectAccess {
            project,
            org_level,
            level,
        })
    }

    /// Requires the system administrator role.
    pub fn system_admin(&self) -> AppResult<()> {
        if self.is_system_admin() {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    /// Requires a credential that may make changes outside any project: to the caller's
    /// account, memberships and invitations, or a new organization. A session may; an API key
    /// needs write permission and no scope (a key limited to a project or a job acts only
    /// inside it).
    pub fn may_write(&self) -> AppResult<()> {
        if self.project_scope().is_some() || self.job_scope().is_some() {
            return Err(AppError::Forbidden(
                "this API key is limited to one project or job; it cannot act at account or organization level".into(),
            ));
        }
        self.check_credential(Level::Editor)
    }
}

/// Rows owned by one project: what [`Principal::find_in_project`] can load.
pub trait InProject {
    fn project_id(&self) -> Uuid;
}

macro_rules! in_project {
    ($($module:ident),*) => {
        $(impl InProject for entity::$module::Model {
            fn project_id(&self) -> Uuid {
                self.project_id
            }
        })*
    };
}

in_project!(
    tags,
    project_variables,
    service_credentials,
    monitors,
    callbacks,
    actions,
    stored_payloads,
    queue_messages,
    tests,
    jobs,
    runs,
    status_pages
);

impl Principal {
    /// Loads the row `id` of `E` and requires `needed` in the project that owns it. A row of
    /// a project the caller is not in is `NOT_FOUND`, like a missing one.
    pub async fn find_in_project<E>(
        &self,
        db: &impl ConnectionTrait,
        id: Uuid,
        needed: Level,
    ) -> AppResult<(E::Model, ProjectAccess)>
    where
        E: EntityTrait,
        E::Model: InProject,
        Uuid: Into<<E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType>,
    {
        let row = E::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)?;
        let access = self.project(db, row.project_id(), needed).await?;
        Ok((row, access))
    }
}

impl Principal {
    /// Loads job `job_id` and requires `needed` in its project. This is the one check that
    /// lets an API key scoped to a job through: such a key reaches exactly its job (another
    /// job is `NOT_FOUND`), at most at editor level (trigger it, read it and its runs).
    pub async fn job(
        &self,
        db: &impl ConnectionTrait,
        job_id: Uuid,
        needed: Level,
    ) -> AppResult<(entity::jobs::Model, ProjectAccess)> {
        let Some(scope) = self.job_scope() else {
            return self
                .find_in_project::<entity::jobs::Entity>(db, job_id, needed)
                .await;
        };
        if scope != job_id {
            return Err(AppError::NotFound);
        }
        let job = entity::jobs::Entity::find_by_id(job_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        if needed > Level::Editor {
            return Err(AppError::Forbidden(
                "this API key is limited to triggering and reading one job".into(),
            ));
        }
        if self.access < needed.access_needed() {
            return Err(AppError::Forbidden(
                "this API key's permission does not allow this".into(),
            ));
        }
        // The key acts as its user: the user must still hold the level in the job's project.
        let unscoped = Principal {
            user: self.user.clone(),
            access: crate::auth::Access::Admin,
            credential: crate::auth::Credential::ApiKey {
                key_id: self.api_key_id().unwrap_or_default(),
                project_id: None,
                job_id: None,
            },
        };
        let access = unscoped.project(db, job.project_id, needed).await?;
        Ok((job, access))
    }
}
