//! Tags.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entity::tags;

use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::tag;
use crate::validate;

/// A label for monitors and tests.
pub struct Tag(pub tags::Model);

#[Object]
impl Tag {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// `#rrggbb`.
    async fn color(&self) -> Option<&str> {
        self.0.color.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct CreateTagInput {
    pub project_id: ID,
    pub name: String,
    pub color: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateTagInput {
    pub name: Option<String>,
    pub color: Option<String>,
}

#[derive(Default)]
pub struct TagQuery;

#[Object]
impl TagQuery {
    /// Tags of a project, oldest first.
    async fn tags(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Tag>> {
        let id = validate::id("projectId", &project_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = tag::list(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |t| t.id, Tag))
    }
}

#[derive(Default)]
pub struct TagMutation;

#[Object]
impl TagMutation {
    async fn create_tag(
        &self,
        ctx: &Context<'_>,
        input: CreateTagInput,
    ) -> async_graphql::Result<Tag> {
        let project_id = validate::id("projectId", &input.project_id)?;
        Ok(Tag(tag::create(
            ctx.state(),
            ctx.principal()?,
            project_id,
            &input.name,
            input.color.as_deref(),
        )
        .await?))
    }

    async fn update_tag(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateTagInput,
    ) -> async_graphql::Result<Tag> {
        let id = validate::id("id", &id)?;
        Ok(Tag(tag::update(
            ctx.state(),
            ctx.principal()?,
            id,
            input.name.as_deref(),
            input.color.as_deref(),
        )
        .await?))
    }

    async fn delete_tag(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        tag::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }
}
