//! Service credentials.

use async_graphql::{Context, Enum, ID, InputObject, Json, Object};
use chrono::{DateTime, Utc};
use entity::service_credentials;

use crate::credential::{self, NewCredential, mask};
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::validate;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::service_credentials::ServiceProvider")]
pub enum ServiceProvider {
    Sendgrid,
    Twilio,
    Slack,
    Discord,
    Generic,
}

/// Credentials for an outside service. The secret is never returned; `meta` comes masked.
pub struct ServiceCredential(pub service_credentials::Model);

#[Object]
impl ServiceCredential {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project_id(&self) -> ID {
        ID(self.0.project_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn provider(&self) -> ServiceProvider {
        self.0.provider.into()
    }
    /// The metadata with every string masked.
    async fn meta(&self) -> Option<Json<serde_json::Value>> {
        self.0.meta.as_ref().map(|m| Json(mask(m)))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct CreateServiceCredentialInput {
    pub project_id: ID,
    pub name: String,
    pub provider: ServiceProvider,
    /// The token or key; stored encrypted, never shown again.
    pub secret: String,
    /// A JSON object of settings (account id, sender, ...); shown masked.
    pub meta: Option<Json<serde_json::Value>>,
}

#[derive(InputObject)]
pub struct UpdateServiceCredentialInput {
    pub name: Option<String>,
    pub secret: Option<String>,
    pub meta: Option<Json<serde_json::Value>>,
}

#[derive(Default)]
pub struct CredentialQuery;

#[Object]
impl CredentialQuery {
    /// Service credentials of a project, oldest first.
    async fn service_credentials(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<ServiceCredential>> {
        let id = validate::id("projectId", &project_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = credential::list(ctx.state(), principal, id, request).await?;
        Ok(connection(request, rows, |c| c.id, ServiceCredential))
    }
}

#[derive(Default)]
pub struct CredentialMutation;

#[Object]
impl CredentialMutation {
    /// Stores a credential (project admins).
    async fn create_service_credential(
        &self,
        ctx: &Context<'_>,
        input: CreateServiceCredentialInput,
    ) -> async_graphql::Result<ServiceCredential> {
        let project_id = validate::id("projectId", &input.project_id)?;
        let row = credential::create(
            ctx.state(),
            ctx.principal()?,
            NewCredential {
                project_id,
                name: input.name,
                provider: input.provider.into(),
                secret: input.secret,
                meta: input.meta.map(|m| m.0),
            },
        )
        .await?;
        Ok(ServiceCredential(row))
    }

    async fn update_service_credential(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateServiceCredentialInput,
    ) -> async_graphql::Result<ServiceCredential> {
        let id = validate::id("id", &id)?;
        let row = credential::update(
            ctx.state(),
            ctx.principal()?,
            id,
            input.name,
            input.secret,
            input.meta.map(|m| m.0),
        )
        .await?;
        Ok(ServiceCredential(row))
    }

    async fn delete_service_credential(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        credential::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }
}
