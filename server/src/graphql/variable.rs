//! Project variables and secrets.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entity::project_variables;

use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::validate;
use crate::variable::{self, NewVariable};

/// A variable given to a project's scripts. A secret's value is never returned.
pub struct ProjectVariable(pub project_variables::Model);

#[Object]
impl ProjectVariable {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn key(&self) -> &str {
        &self.0.key
    }
    /// The value; null for secrets.
    async fn value(&self) -> Option<&str> {
        (!self.0.is_secret).then_some(self.0.value.as_str())
    }
    async fn is_secret(&self) -> bool {
        self.0.is_secret
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct CreateProjectVariableInput {
    pub project_id: ID,
    pub key: String,
    pub value: String,
    #[graphql(default)]
    pub is_secret: bool,
    pub description: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateProjectVariableInput {
    pub value: Option<String>,
    pub description: Option<String>,
}

#[derive(Default)]
pub struct VariableQuery;

#[Object]
impl VariableQuery {
    /// Variables of a project, oldest first.
    async fn project_variables(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<ProjectVariable>> {
        let id = validate::id("projectId", &project_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = variable::list(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |v| v.id, ProjectVariable))
    }
}

#[derive(Default)]
pub struct VariableMutation;

#[Object]
impl VariableMutation {
    /// Adds a variable (editors) or a secret (project admins).
    async fn create_project_variable(
        &self,
        ctx: &Context<'_>,
        input: CreateProjectVariableInput,
    ) -> async_graphql::Result<ProjectVariable> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let row = variable::create(
            ctx.state(),
            ctx.principal()?,
            NewVariable {
                project_id,
                key: input.key,
                value: input.value,
                is_secret: input.is_secret,
                description: input.description,
            },
        )
        .await?;
        Ok(ProjectVariable(row))
    }

    async fn update_project_variable(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateProjectVariableInput,
    ) -> async_graphql::Result<ProjectVariable> {
        let id = validate::id("id", &id)?;
        let row = variable::update(
            ctx.state(),
            ctx.principal()?,
            id,
            input.value,
            input.description,
        )
        .await?;
        Ok(ProjectVariable(row))
    }

    async fn delete_project_variable(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        variable::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }
}
