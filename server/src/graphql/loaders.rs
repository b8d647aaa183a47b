//! Dataloaders: nested fields load in one query per level, whatever the number of parents.
//! Each loader is a thin adapter over a domain batch function that takes the parents' ids and
//! returns a map.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use entity::{action_executions, actions, member, organization, project_members, projects, user};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::{account, callback, organization as org, project};

type LoadResult<V> = Result<HashMap<Uuid, V>, async_graphql::Error>;

/// Users by id.
pub struct UserLoader(pub DatabaseConnection);

impl Loader<Uuid> for UserLoader {
    type Value = user::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<user::Model> {
        Ok(account::users(&self.0, keys).await?)
    }
}

/// Organizations by id.
pub struct OrganizationLoader(pub DatabaseConnection);

impl Loader<Uuid> for OrganizationLoader {
    type Value = organization::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<organization::Model> {
        Ok(org::by_ids(&self.0, keys).await?)
    }
}

/// Projects by id.
pub struct ProjectLoader(pub DatabaseConnection);

impl Loader<Uuid> for ProjectLoader {
    type Value = projects::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<projects::Model> {
        Ok(project::by_ids(&self.0, keys).await?)
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
        Ok(project::of_organizations(&self.db, keys, self.scope).await?)
    }
}

/// The members of each organization, oldest first.
pub struct OrgMembersLoader(pub DatabaseConnection);

impl Loader<Uuid> for OrgMembersLoader {
    type Value = Vec<member::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<member::Model>> {
        Ok(org::members_of(&self.0, keys).await?)
    }
}

/// The role rows of each project, oldest first.
pub struct ProjectMembersLoader(pub DatabaseConnection);

impl Loader<Uuid> for ProjectMembersLoader {
    type Value = Vec<project_members::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<project_members::Model>> {
        Ok(project::members_of(&self.0, keys).await?)
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
        Ok(org::memberships_of(&self.db, self.user_id, keys).await?)
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
        Ok(project::roles_of(&self.db, self.user_id, keys).await?)
    }
}

/// The actions of each callback, in pipeline order.
pub struct CallbackActionsLoader(pub DatabaseConnection);

impl Loader<Uuid> for CallbackActionsLoader {
    type Value = Vec<actions::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<actions::Model>> {
        Ok(callback::query::actions(&self.0, keys).await?)
    }
}

/// The action executions of each trigger, by step.
pub struct LogExecutionsLoader(pub DatabaseConnection);

impl Loader<Uuid> for LogExecutionsLoader {
    type Value = Vec<action_executions::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> LoadResult<Vec<action_executions::Model>> {
        Ok(callback::query::log_executions(&self.0, keys).await?)
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
    pub callback_actions: DataLoader<CallbackActionsLoader>,
    pub log_executions: DataLoader<LogExecutionsLoader>,
    pub latest_results: DataLoader<crate::graphql::monitor::LatestResultLoader>,
    pub uptimes: DataLoader<crate::graphql::monitor::UptimeLoader>,
    pub monitor_tags: DataLoader<crate::graphql::monitor::MonitorTagsLoader>,
    pub test_tags: DataLoader<crate::graphql::testing::test::TestTagsLoader>,
    pub test_last_runs: DataLoader<crate::graphql::testing::test::TestLastRunLoader>,
    pub job_tests: DataLoader<crate::graphql::testing::job::JobTestsLoader>,
    pub jobs: DataLoader<crate::graphql::testing::job::JobLoader>,
    pub run_k6: DataLoader<crate::graphql::testing::run::RunK6Loader>,
    pub page_components: DataLoader<crate::graphql::status_page::PageComponentsLoader>,
    pub component_monitors: DataLoader<crate::graphql::status_page::ComponentMonitorsLoader>,
    pub subscriber_follows:
        DataLoader<crate::graphql::status_page_subscriber::SubscriberFollowsLoader>,
    pub incident_updates: DataLoader<crate::graphql::incident::IncidentUpdatesLoader>,
    pub incident_components: DataLoader<crate::graphql::incident::IncidentComponentsLoader>,
    pub postmortems: DataLoader<crate::graphql::incident::PostmortemLoader>,
    pub template_components: DataLoader<crate::graphql::incident::TemplateComponentsLoader>,
    pub plans_by_name: DataLoader<crate::graphql::billing::PlanByNameLoader>,
    pub org_subscriptions: DataLoader<crate::graphql::billing::OrgSubscriptionLoader>,
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
            callback_actions: DataLoader::new(CallbackActionsLoader(db.clone()), tokio::spawn),
            log_executions: DataLoader::new(LogExecutionsLoader(db.clone()), tokio::spawn),
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
            test_last_runs: DataLoader::new(
                crate::graphql::testing::test::TestLastRunLoader(db.clone()),
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
            page_components: DataLoader::new(
                crate::graphql::status_page::PageComponentsLoader(db.clone()),
                tokio::spawn,
            ),
            component_monitors: DataLoader::new(
                crate::graphql::status_page::ComponentMonitorsLoader(db.clone()),
                tokio::spawn,
            ),
            subscriber_follows: DataLoader::new(
                crate::graphql::status_page_subscriber::SubscriberFollowsLoader(db.clone()),
                tokio::spawn,
            ),
            incident_updates: DataLoader::new(
                crate::graphql::incident::IncidentUpdatesLoader(db.clone()),
                tokio::spawn,
            ),
            incident_components: DataLoader::new(
                crate::graphql::incident::IncidentComponentsLoader(db.clone()),
                tokio::spawn,
            ),
            postmortems: DataLoader::new(
                crate::graphql::incident::PostmortemLoader(db.clone()),
                tokio::spawn,
            ),
            template_components: DataLoader::new(
                crate::graphql::incident::TemplateComponentsLoader(db.clone()),
                tokio::spawn,
            ),
            plans_by_name: DataLoader::new(
                crate::graphql::billing::PlanByNameLoader(db.clone()),
                tokio::spawn,
            ),
            org_subscriptions: DataLoader::new(
                crate::graphql::billing::OrgSubscriptionLoader(db.clone()),
                tokio::spawn,
            ),
        }
    }
}
