//! Tests (Playwright and k6 scripts) in the API.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use entity::{runs, tags, tests};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{JobType, Run, TestPriority, TestType};
use crate::auth::Level;
use crate::error::AppError;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::graphql::tag::Tag;
use crate::testing::{self, TestInput, query, run};
use crate::validate;

#[derive(InputObject)]
pub struct CreateTestInput {
    pub project_id: ID,
    pub title: String,
    pub description: Option<String>,
    /// A Playwright test file, or a k6 script for `PERFORMANCE` tests. Variables and secrets
    /// come from the `vigil` helper (see the README).
    pub script: String,
    pub priority: Option<TestPriority>,
    /// Default `BROWSER`.
    #[graphql(name = "type")]
    pub kind: Option<TestType>,
    pub tag_ids: Option<Vec<ID>>,
}

#[derive(InputObject)]
pub struct UpdateTestInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub script: Option<String>,
    pub priority: Option<TestPriority>,
    #[graphql(name = "type")]
    pub kind: Option<TestType>,
    pub tag_ids: Option<Vec<ID>>,
}

#[derive(InputObject, Default)]
pub struct TestFilter {
    #[graphql(name = "type")]
    pub kind: Option<TestType>,
    /// Part of the title.
    pub search: Option<String>,
    pub tag_id: Option<ID>,
}

/// A Playwright or k6 script.
pub struct Test(pub tests::Model);

#[Object]
impl Test {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    async fn script(&self) -> &str {
        &self.0.script
    }
    async fn priority(&self) -> TestPriority {
        self.0.priority.into()
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> TestType {
        self.0.r#type.into()
    }
    /// `PLAYWRIGHT` or `K6`: the runner of this test.
    async fn runner(&self) -> JobType {
        if testing::is_k6(self.0.r#type) {
            JobType::K6
        } else {
            JobType::Playwright
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn tags(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Tag>> {
        Ok(ctx
            .loaders()
            .test_tags
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Tag)
            .collect())
    }
    /// The newest run of this test on its own (from the editor), if any.
    async fn last_run(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Run>> {
        Ok(ctx
            .loaders()
            .test_last_runs
            .load_one(self.0.id)
            .await?
            .map(Run))
    }
    /// Runs of this test on its own (from the editor), newest first.
    async fn runs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<Run>> {
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::test_runs(&ctx.state().db, &self.0, request).await?;
        Ok(connection(request, rows, |r| r.id, Run))
    }
}

/// The newest run on its own of many tests.
pub struct TestLastRunLoader(pub DatabaseConnection);

impl Loader<Uuid> for TestLastRunLoader {
    type Value = runs::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::last_test_runs(&self.0, keys).await?)
    }
}

/// Tags of many tests.
pub struct TestTagsLoader(pub DatabaseConnection);

impl Loader<Uuid> for TestTagsLoader {
    type Value = Vec<tags::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> async_graphql::Result<HashMap<Uuid, Self::Value>> {
        Ok(query::test_tags(&self.0, keys).await?)
    }
}

#[derive(Default)]
pub struct TestQuery;

#[Object]
impl TestQuery {
    /// Tests of a project, oldest first.
    async fn tests(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<TestFilter>,
    ) -> async_graphql::Result<Page<Test>> {
        let project_id = validate::id("projectId", &project_id)?;
        let filter = filter.unwrap_or_default();
        let filter = query::TestFilter {
            kind: filter.kind.map(Into::into),
            search: validate::text("filter.search", filter.search.as_deref(), 200)?,
            tag_id: validate::opt_id("filter.tagId", filter.tag_id.as_deref())?,
        };
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = query::tests(ctx.state(), ctx.principal()?, project_id, filter, request).await?;
        Ok(connection(request, rows, |t| t.id, Test))
    }

    async fn test(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Test>> {
        let id = validate::id("id", &id)?;
        match testing::find_test(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(t) => Ok(Some(Test(t))),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }
}

#[derive(Default)]
pub struct TestMutation;

#[Object]
impl TestMutation {
    /// Creates a test (project editors).
    async fn create_test(
        &self,
        ctx: &Context<'_>,
        input: CreateTestInput,
    ) -> async_graphql::Result<Test> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let domain = TestInput {
            title: Some(input.title),
            description: input.description,
            script: Some(input.script),
            priority: input.priority.map(Into::into),
            kind: input.kind.map(Into::into),
            tag_ids: validate::opt_ids("tagIds", input.tag_ids)?,
        };
        Ok(Test(
            testing::create_test(ctx.state(), ctx.principal()?, project_id, domain).await?,
        ))
    }

    async fn update_test(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateTestInput,
    ) -> async_graphql::Result<Test> {
        let id = validate::id("id", &id)?;
        let domain = TestInput {
            title: input.title,
            description: input.description,
            script: input.script,
            priority: input.priority.map(Into::into),
            kind: input.kind.map(Into::into),
            tag_ids: validate::opt_ids("tagIds", input.tag_ids)?,
        };
        Ok(Test(
            testing::update_test(ctx.state(), ctx.principal()?, id, domain).await?,
        ))
    }

    async fn delete_test(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        testing::delete_test(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Runs one test on its own; `script` (the editor's unsaved text) replaces the saved
    /// script for this run. The report is recorded for the test.
    async fn run_test(
        &self,
        ctx: &Context<'_>,
        id: ID,
        script: Option<String>,
    ) -> async_graphql::Result<Run> {
        let id = validate::id("id", &id)?;
        Ok(Run(run::run_test(
            ctx.state(),
            ctx.principal()?,
            id,
            script,
        )
        .await?))
    }
}
