//! Projects and project members.

use std::collections::HashMap;

use chrono::Utc;
use entity::member;
use entity::project_members::{self, ProjectRole};
use entity::projects::{self, ProjectStatus};
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
use crate::state::AppState;
use crate::validate;

/// Tables whose rows belong to one project, for [`rows_in_project`].
pub trait ProjectRows: EntityTrait {
    const ID: Self::Column;
    const PROJECT_ID: Self::Column;
}

macro_rules! project_rows {
    ($($module:ident),*) => {
        $(impl ProjectRows for entity::$module::Entity {
            const ID: Self::Column = entity::$module::Column::Id;
            const PROJECT_ID: Self::Column = entity::$module::Column::ProjectId;
        })*
    };
}

project_rows!(tags, monitors, notification_providers, tests);

/// The ids of `ids`, each once, in order.
pub fn dedup(ids: &[Uuid]) -> Vec<Uuid> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Loads the rows of `E` named by `ids` (each once) and requires every one to belong to project
/// `project_id`: otherwise `BAD_USER_INPUT` on `field`, "a {noun} is not in this project" (a
/// row of another project reads as a missing one).
pub async fn rows_in_project<E: ProjectRows>(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    ids: &[Uuid],
    field: &str,
    noun: &str,
) -> AppResult<Vec<E::Model>> {
    let ids = dedup(ids);
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = E::find()
        .filter(E::PROJECT_ID.eq(project_id))
        .filter(E::ID.is_in(ids.clone()))
        .all(db)
        .await?;
    if rows.len() != ids.len() {
        return Err(AppError::field(
            field,
            format!("a {noun} is not in this project"),
        ));
    }
    Ok(rows)
}

/// Inserts a project row; callers check permissions and audit.
pub async fn insert(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    name: &str,
    slug: &str,
    description: Option<String>,
    is_default: bool,
) -> AppResult<projects::Model> {
    let now = Utc::now();
    Ok(projects::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        name: Set(name.to_owned()),
        slug: Set(slug.to_owned()),
        description: Set(description),
        is_default: Set(is_default),
        status: Set(ProjectStatus::Active),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

async fn slug_taken(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    slug: &str,
    except: Option<Uuid>,
) -> AppResult<bool> {
    let mut query = projects::Entity::find()
        .filter(projects::Column::OrganizationId.eq(org_id))
        .filter(projects::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(projects::Column::Id.ne(id));
    }
    Ok(query.count(db).await? > 0)
}

/// Fields of a new project.
#[derive(Debug, Clone)]
pub struct NewProject {
    pub organization_id: Uuid,
    pub name: String,
    pub slug: Option<String>,
    pub description: Option<String>,
}

/// Creates a project (organization admins).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewProject,
) -> AppResult<projects::Model> {
    principal
        .org(&state.db, input.organization_id, Level::OrgAdmin)
        .await?;
    let name = validate::name("name", &input.name)?;
    let description = validate::text(
        "description",
        input.description.as_deref(),
        validate::MAX_TEXT,
    )?;
    let explicit = input.slug.is_some();
    let mut slug = match &input.slug {
        Some(slug) => validate::slug("slug", slug)?,
        None => validate::slugify(&name),
    };
    let tx = Tx::begin(state).await?;
    crate::plan::require_project(tx.conn(), input.organization_id).await?;
    if slug_taken(tx.conn(), input.organization_id, &slug, None).await? {
        if explicit {
            return Err(AppError::Conflict(format!(
                "the slug {slug:?} is taken in this organization"
            )));
        }
        slug = format!("{slug}-{}", &Uuid::new_v4().simple().to_string()[..6]);
    }
    let project = insert(
        tx.conn(),
        input.organization_id,
        &name,
        &slug,
        description,
        false,
    )
    .await?;
    audit::record(
        &tx,
        principal,
        Some(project.organization_id),
        "project.create",
        json!({ "projectId": project.id, "name": project.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(project)
}

/// Fields of a project update; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct ProjectChanges {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    pub archived: Option<bool>,
}

/// Updates a project (project admins).
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    changes: ProjectChanges,
) -> AppResult<projects::Model> {
    let access = principal
        .project(&state.db, id, Level::ProjectAdmin)
        .await?;
    let org_id = access.project.organization_id;
    let mut active: projects::ActiveModel = access.project.into();
    if let Some(name) = changes.name {
        active.name = Set(validate::name("name", &name)?);
    }
    if let Some(description) = changes.description {
        active.description = Set(validate::text(
            "description",
            Some(&description),
            validate::MAX_TEXT,
        )?);
    }
    if let Some(archived) = changes.archived {
        active.status = Set(if archived {
            ProjectStatus::Archived
        } else {
            ProjectStatus::Active
        });
    }
    let tx = Tx::begin(state).await?;
    if let Some(slug) = changes.slug {
        let slug = validate::slug("slug", &slug)?;
        if slug_taken(tx.conn(), org_id, &slug, Some(id)).await? {
            return Err(AppError::Conflict(format!(
                "the slug {slug:?} is taken in this organization"
            )));
        }
        active.slug = Set(slug);
    }
    active.updated_at = Set(Utc::now());
    let project = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "project.update",
        json!({ "projectId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(project)
}

/// Deletes a project and everything in it (organization admins). The default project stays.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let access = principal.project(&state.db, id, Level::Viewer).await?;
    principal
        .org(&state.db, access.project.organization_id, Level::OrgAdmin)
        .await?;
    if access.project.is_default {
        return Err(AppError::invalid("the default project cannot be deleted"));
    }
    let tx = Tx::begin(state).await?;
    projects::Entity::delete_by_id(id).exec(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(access.project.organization_id),
        "project.delete",
        json!({ "projectId": id, "name": access.project.name }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Projects of an organization the caller may view, oldest first (a project key sees only
/// its own).
pub async fn list(
    state: &AppState,
    principal: &Principal,
    org_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<projects::Model>> {
    principal.org(&state.db, org_id, Level::Viewer).await?;
    let mut query = projects::Entity::find().filter(projects::Column::OrganizationId.eq(org_id));
    if let Some(scope) = principal.project_scope() {
        query = query.filter(projects::Column::Id.eq(scope));
    }
    page::read(&state.db, query, projects::Column::Id, Order::Asc, request).await
}

/// Projects by id, one statement.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, projects::Model>> {
    let rows = projects::Entity::find()
        .filter(projects::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|p| (p.id, p)).collect())
}

/// The projects of each organization, oldest first, one statement; with `scope` (a project
/// key's project) only that one.
pub async fn of_organizations(
    db: &impl ConnectionTrait,
    org_ids: &[Uuid],
    scope: Option<Uuid>,
) -> AppResult<HashMap<Uuid, Vec<projects::Model>>> {
    let mut query = projects::Entity::find()
        .filter(projects::Column::OrganizationId.is_in(org_ids.to_vec()))
        .order_by_asc(projects::Column::Id);
    if let Some(scope) = scope {
        query = query.filter(projects::Column::Id.eq(scope));
    }
    let rows = query.all(db).await?;
    let mut out: HashMap<Uuid, Vec<projects::Model>> =
        org_ids.iter().map(|k| (*k, Vec::new())).collect();
    for row in rows {
        out.entry(row.organization_id).or_default().push(row);
    }
    Ok(out)
}

/// The role rows of each project, oldest first, one statement.
pub async fn members_of(
    db: &impl ConnectionTrait,
    project_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<project_members::Model>>> {
    let rows = project_members::Entity::find()
        .filter(project_members::Column::ProjectId.is_in(project_ids.to_vec()))
        .order_by_asc(project_members::Column::Id)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<project_members::Model>> =
        project_ids.iter().map(|k| (*k, Vec::new())).collect();
    for row in rows {
        out.entry(row.project_id).or_default().push(row);
    }
    Ok(out)
}

/// A user's own role row in each of `project_ids` that gives one, one statement.
pub async fn roles_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    project_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, project_members::Model>> {
    let rows = project_members::Entity::find()
        .filter(project_members::Column::ProjectId.is_in(project_ids.to_vec()))
        .filter(project_members::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|m| (m.project_id, m)).collect())
}

/// Gives an organization member a role in a project, or changes it (project admins).
pub async fn set_member(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    user_id: Uuid,
    role: ProjectRole,
) -> AppResult<project_members::Model> {
    let access = principal
        .project(&state.db, project_id, Level::ProjectAdmin)
        .await?;
    let org_id = access.project.organization_id;
    let is_member = member::Entity::find()
        .filter(member::Column::OrganizationId.eq(org_id))
        .filter(member::Column::UserId.eq(user_id))
        .count(&state.db)
        .await?
        > 0;
    if !is_member {
        return Err(AppError::field(
            "userId",
            "this user is not a member of the organization",
        ));
    }
    // Nobody hands out more than they hold.
    if Level::from(role) > access.level {
        return Err(AppError::forbidden());
    }
    let tx = Tx::begin(state).await?;
    let existing = project_members::Entity::find()
        .filter(project_members::Column::ProjectId.eq(project_id))
        .filter(project_members::Column::UserId.eq(user_id))
        .one(tx.conn())
        .await?;
    let row = match existing {
        Some(row) => {
            let mut active: project_members::ActiveModel = row.into();
            active.role = Set(role);
            active.update(tx.conn()).await?
        }
        None => {
            project_members::ActiveModel {
                id: Set(Uuid::now_v7()),
                user_id: Set(user_id),
                project_id: Set(project_id),
                role: Set(role),
                created_at: Set(Utc::now()),
            }
            .insert(tx.conn())
            .await?
        }
    };
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "project_member.set",
        json!({ "projectId": project_id, "userId": user_id, "role": format!("{role:?}") }),
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// Takes a user's project role away (project admins); they keep viewer access as an
/// organization member.
pub async fn remove_member(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    user_id: Uuid,
) -> AppResult<()> {
    let access = principal
        .project(&state.db, project_id, Level::ProjectAdmin)
        .await?;
    let tx = Tx::begin(state).await?;
    let deleted = project_members::Entity::delete_many()
        .filter(project_members::Column::ProjectId.eq(project_id))
        .filter(project_members::Column::UserId.eq(user_id))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        &tx,
        principal,
        Some(access.project.organization_id),
        "project_member.remove",
        json!({ "projectId": project_id, "userId": user_id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
