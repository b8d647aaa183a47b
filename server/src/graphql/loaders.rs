//! Dataloaders: nested fields load in one query per level, whatever the number of parents.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use entity::{member, organization, project_members, projects, user};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::error::AppError;

type LoadResult<V> = Result<HashMap<Uuid, V>, async_graphql::Error>;

fn db_error(err: sea_orm::DbErr) -> async_graphql::Error {
    AppError::from(err).into()
}

/// Users by id.
pub struct UserLoader(pub DatabaseConnection);

impl Loader<Uuid> for UserLoader {
    type Value = user::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<user::Model> {
        let rows = user::Entity::find()
            .filter(user::Column::Id.is_in(keys.to_vec()))
            .all(&self.0)
            .await
            .map_err(db_error)?;
        Ok(rows.into_iter().map(|u| (u.id, u)).collect())
    }
}

/// Organizations by id.
pub struct OrganizationLoader(pub DatabaseConnection);

impl Loader<Uuid> for OrganizationLoader {
    type Value = organization::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<organization::Model> {
        let rows = organization::Entity::find()
            .filter(organization::Column::Id.is_in(keys.to_vec()))
            .all(&self.0)
            .await
            .map_err(db_error)?;
        Ok(rows.into_iter().map(|o| (o.id, o)).collect())
    }
}

/// Projects by id.
pub struct ProjectLoader(pub DatabaseConnection);

impl Loader<Uuid> for ProjectLoader {
    type Value = projects::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<projects::Model> {
        let rows = projects::Entity::find()
            .filter(projects::Column::Id.is_in(keys.to_vec()))
            .all(&self.0)
            .await
            .map_err(db_error)?;
        Ok(rows.into_iter().map(|p| (p.id, p)).collect())
    }
}

/// The projects of each organization, oldest first; a project key sees only its project.
pub struct OrgProjectsLoader {
    pub db: DatabaseConnection,
    pub scope: Option<Uuid>,
}

impl Loader<Uuid> for OrgProjectsLoader {
    type Value = Vec<projects::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<projects::Model>> {
        let mut query = projects::Entity::find()
            .filter(projects::Column::OrganizationId.is_in(keys.to_vec()))
            .order_by_asc(projects::Column::Id);
        if let Some(scope) = self.scope {
            query = query.filter(projects::Column::Id.eq(scope));
        }
        let rows = query.all(&self.db).await.map_err(db_error)?;
        let mut out: HashMap<Uuid, Vec<projects::Model>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.organization_id).or_default().push(row);
        }
        Ok(out)
    }
}

/// The members of each organization, oldest first.
pub struct OrgMembersLoader(pub DatabaseConnection);

impl Loader<Uuid> for OrgMembersLoader {
    type Value = Vec<member::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<member::Model>> {
        let rows = member::Entity::find()
            .filter(member::Column::OrganizationId.is_in(keys.to_vec()))
            .order_by_asc(member::Column::Id)
            .all(&self.0)
            .await
            .map_err(db_error)?;
        let mut out: HashMap<Uuid, Vec<member::Model>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.organization_id).or_default().push(row);
        }
        Ok(out)
    }
}

/// The role rows of each project, oldest first.
pub struct ProjectMembersLoader(pub DatabaseConnection);

impl Loader<Uuid> for ProjectMembersLoader {
    type Value = Vec<project_members::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<project_members::Model>> {
        let rows = project_members::Entity::find()
            .filter(project_members::Column::ProjectId.is_in(keys.to_vec()))
            .order_by_asc(project_members::Column::Id)
            .all(&self.0)
            .await
            .map_err(db_error)?;
        let mut out: HashMap<Uuid, Vec<project_members::Model>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.project_id).or_default().push(row);
        }
        Ok(out)
    }
}

/// The caller's own membership in each organization.
pub struct ViewerMembershipLoader {
    pub db: DatabaseConnection,
    pub user_id: Uuid,
}

impl Loader<Uuid> for ViewerMembershipLoader {
    type Value = member::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<member::Model> {
        let rows = member::Entity::find()
            .filter(member::Column::OrganizationId.is_in(keys.to_vec()))
            .filter(member::Column::UserId.eq(self.user_id))
            .all(&self.db)
            .await
            .map_err(db_error)?;
        Ok(rows.into_iter().map(|m| (m.organization_id, m)).collect())
    }
}

/// The caller's own project roles, by project.
pub struct ViewerProjectRoleLoader {
    pub db: DatabaseConnection,
    pub user_id: Uuid,
}

impl Loader<Uuid> for ViewerProjectRoleLoader {
    type Value = project_members::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<project_members::Model> {
        let rows = project_members::Entity::find()
            .filter(project_members::Column::ProjectId.is_in(keys.to_vec()))
            .filter(project_members::Column::UserId.eq(self.user_id))
            .all(&self.db)
            .await
            .map_err(db_error)?;
        Ok(rows.into_iter().map(|m| (m.project_id, m)).collect())
    }
}

/// Every loader of one request. Created per request, so nothing is cached across callers.
pub struct Loaders {
    pub users: DataLoader<UserLoader>,
    pub organizations: DataLoader<OrganizationLoader>,
    pub projects: DataLoader<ProjectLoader>,
    pub org_projects: DataLoader<OrgProjectsLoader>,
    pub org_members: DataLoader<OrgMembersLoader>,
    pub project_members: DataLoader<ProjectMembersLoader>,
    pub viewer_membership: DataLoader<ViewerMembershipLoader>,
    pub viewer_project_role: DataLoader<ViewerProjectRoleLoader>,
    pub latest_results: DataLoader<crate::graphql::monitor::LatestResultLoader>,
    pub uptimes: DataLoader<crate::graphql::monitor::UptimeLoader>,
    pub monitor_tags: DataLoader<crate::graphql::monitor::MonitorTagsLoader>,
    pub test_tags: DataLoader<crate::graphql::testing::test::TestTagsLoader>,
    pub job_tests: DataLoader<crate::graphql::testing::job::JobTestsLoader>,
    pub jobs: DataLoader<crate::graphql::testing::job::JobLoader>,
    pub run_k6: DataLoader<crate::graphql::testing::run::RunK6Loader>,
}

impl Loaders {
    /// Loaders for a caller (`user_id`, and the project an API key is limited to).
    pub fn new(db: &DatabaseConnection, user_id: Option<Uuid>, scope: Option<Uuid>) -> Self {
        let user_id = user_id.unwrap_or_else(Uuid::nil);
        Self {
            users: DataLoader::new(UserLoader(db.clone()), tokio::spawn),
            organizations: DataLoader::new(OrganizationLoader(db.clone()), tokio::spawn),
            projects: DataLoader::new(ProjectLoader(db.clone()), tokio::spawn),
            org_projects: DataLoader::new(
                OrgProjectsLoader {
                    db: db.clone(),
                    scope,
                },
                tokio::spawn,
            ),
            org_members: DataLoader::new(OrgMembersLoader(db.clone()), tokio::spawn),
            project_members: DataLoader::new(ProjectMembersLoader(db.clone()), tokio::spawn),
            viewer_membership: DataLoader::new(
                ViewerMembershipLoader {
                    db: db.clone(),
                    user_id,
                },
                tokio::spawn,
            ),
            viewer_project_role: DataLoader::new(
                ViewerProjectRoleLoader {
                    db: db.clone(),
                    user_id,
                },
                tokio::spawn,
            ),
            latest_results: DataLoader::new(
                crate::graphql::monitor::LatestResultLoader(db.clone()),
                tokio::spawn,
            ),
            uptimes: DataLoader::new(
                crate::graphql::monitor::UptimeLoader(db.clone()),
                tokio::spawn,
            ),
            monitor_tags: DataLoader::new(
                crate::graphql::monitor::MonitorTagsLoader(db.clone()),
                tokio::spawn,
            ),
            test_tags: DataLoader::new(
                crate::graphql::testing::test::TestTagsLoader(db.clone()),
                tokio::spawn,
            ),
            job_tests: DataLoader::new(
                crate::graphql::testing::job::JobTestsLoader(db.clone()),
                tokio::spawn,
            ),
            jobs: DataLoader::new(
                crate::graphql::testing::job::JobLoader(db.clone()),
                tokio::spawn,
            ),
            run_k6: DataLoader::new(
                crate::graphql::testing::run::RunK6Loader(db.clone()),
                tokio::spawn,
            ),
        }
    }
}
