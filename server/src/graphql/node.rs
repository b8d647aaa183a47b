//! `node(id)`, the Relay way to refetch any object by its id.

use async_graphql::{Context, ID, Interface, Object};

use crate::auth::Level;
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::graphql::callback::Callback;
use crate::graphql::context::CtxExt;
use crate::graphql::incident::Incident;
use crate::graphql::monitor::Monitor;
use crate::graphql::notification_provider::NotificationProvider;
use crate::graphql::organization::Organization;
use crate::graphql::project::Project;
use crate::graphql::status_page::StatusPage;
use crate::graphql::testing::{Job, Run, Test};
use crate::node::{self, Kind};
use crate::state::AppState;
use crate::validate;

/// An object with a globally unique id, which `node(id)` finds again.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID"))]
// One value per `node(id)` answer, moved once: boxing the larger rows would cost more code
// than the bytes it saves.
#[allow(clippy::large_enum_variant)]
pub enum Node {
    Organization(Organization),
    Project(Project),
    Monitor(Monitor),
    Test(Test),
    Job(Job),
    Run(Run),
    Callback(Callback),
    StatusPage(StatusPage),
    Incident(Incident),
    NotificationProvider(NotificationProvider),
}

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// Any object by its id (a UUID, as everywhere): null when it does not exist or the caller
    /// may not see it, exactly as the typed query of its kind (`monitor(id)`, `run(id)`, …)
    /// answers. Costs one statement to learn the kind, then that query's own.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Node>> {
        let id = validate::id("id", &id)?;
        match find(ctx.state(), ctx.principal()?, id).await {
            Ok(node) => Ok(node),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }
}

/// Reads the object through its domain's `find`, with a viewer's access.
async fn find(state: &AppState, principal: &Principal, id: uuid::Uuid) -> AppResult<Option<Node>> {
    let Some(kind) = node::kind_of(&state.db, id).await? else {
        return Ok(None);
    };
    let db = &state.db;
    let viewer = Level::Viewer;
    Ok(Some(match kind {
        Kind::Organization => Node::Organization(Organization(
            principal.org(db, id, viewer).await?.organization,
        )),
        Kind::Project => Node::Project(Project(principal.project(db, id, viewer).await?.project)),
        Kind::Monitor => Node::Monitor(Monitor(
            crate::monitor::find(state, principal, id, viewer).await?,
        )),
        Kind::Test => Node::Test(Test(
            crate::testing::find_test(state, principal, id, viewer).await?,
        )),
        Kind::Job => Node::Job(Job(
            crate::testing::job::find(state, principal, id, viewer).await?
        )),
        Kind::Run => Node::Run(Run(
            crate::testing::run::find(state, principal, id, viewer).await?
        )),
        Kind::Callback => Node::Callback(Callback(
            crate::callback::find(state, principal, id, viewer).await?,
        )),
        Kind::StatusPage => Node::StatusPage(StatusPage(
            crate::status_page::find(state, principal, id, viewer).await?,
        )),
        Kind::Incident => Node::Incident(Incident(
            crate::status_page::incident::find(state, principal, id, viewer)
                .await?
                .0,
        )),
        Kind::NotificationProvider => Node::NotificationProvider(NotificationProvider::from(
            crate::notification_provider::find(state, principal, id, viewer).await?,
        )),
    }))
}
