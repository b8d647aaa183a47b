//! Notification providers: the channels alerts go out through.

use async_graphql::{Context, Enum, ID, InputObject, Json, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::notification_providers;

use crate::auth::Level;
use crate::error::AppError;
use crate::graphql::connection::{Page, connection, page_request};
use crate::graphql::context::CtxExt;
use crate::notification_provider::{self, NewProvider, Owner, ProviderChanges};
use crate::validate;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::notification_providers::NotificationProviderType")]
pub enum NotificationProviderType {
    /// Email through the instance's SMTP server, or SendGrid.
    Email,
    Slack,
    Discord,
    /// Microsoft Teams.
    Teams,
    Telegram,
    /// A signed JSON POST to any URL.
    Webhook,
    /// Twilio SMS.
    Sms,
}

/// A configured channel (an email list, a Slack webhook, a Telegram chat, ...), with the
/// signing secret its mutation generated, if any.
pub struct NotificationProvider(pub notification_providers::Model, pub Option<String>);

impl From<notification_providers::Model> for NotificationProvider {
    fn from(row: notification_providers::Model) -> Self {
        Self(row, None)
    }
}

impl From<notification_provider::Saved> for NotificationProvider {
    fn from(saved: notification_provider::Saved) -> Self {
        Self(saved.row, saved.generated_secret)
    }
}

#[Object]
impl NotificationProvider {
    pub async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn organization_id(&self) -> ID {
        ID(self.0.organization_id.to_string())
    }
    /// Null for an organization-wide provider.
    async fn project_id(&self) -> Option<ID> {
        self.0.project_id.map(|id| ID(id.to_string()))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> NotificationProviderType {
        self.0.r#type.into()
    }
    /// The settings, with secret values (webhook URLs of Slack, Discord and Teams, bot
    /// tokens, signing secrets, header values, API keys and auth tokens) masked.
    async fn config(&self, ctx: &Context<'_>) -> Json<serde_json::Value> {
        Json(notification_provider::masked_config(ctx.state(), &self.0))
    }
    /// The `whsec_` signing secret Vigil generated for a WEBHOOK provider saved without one
    /// (created without `secret`, or updated with `secret: null` to rotate it), in the answer of
    /// that mutation only: it is shown this once and stored sealed. Null everywhere else.
    async fn generated_secret(&self) -> Option<&str> {
        self.1.as_deref()
    }
    async fn is_enabled(&self) -> bool {
        self.0.is_enabled
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// What a test delivery ended with.
#[derive(SimpleObject)]
pub struct DeliveryResult {
    pub success: bool,
    /// Attempts made (retryable failures are tried again once); 0 when the provider could
    /// not be opened.
    pub attempts: i32,
    /// Why it failed; never contains a secret.
    pub error: Option<String>,
}

/// A provider belongs to one project (`projectId`, made by project editors) or to an
/// organization as a whole (`organizationId`, made by organization admins; monitors and jobs of
/// all its projects may use it). Give exactly one of the two.
#[derive(InputObject)]
pub struct CreateNotificationProviderInput {
    pub project_id: Option<ID>,
    pub organization_id: Option<ID>,
    pub name: String,
    #[graphql(name = "type")]
    pub kind: NotificationProviderType,
    /// The settings of the type: EMAIL `{to, from?, sendgridApiKey? | credentialId?}`;
    /// SLACK, DISCORD, TEAMS `{webhookUrl}`; TELEGRAM `{botToken, chatId}`; WEBHOOK
    /// `{url, secret?, headers?}` (a `secret` left out is generated: see `generatedSecret`); SMS `{accountSid, authToken | credentialId, from, to}`.
    pub config: Json<serde_json::Value>,
    /// Defaults to true.
    pub is_enabled: Option<bool>,
}

#[derive(InputObject)]
pub struct UpdateNotificationProviderInput {
    pub name: Option<String>,
    /// Merged over the stored settings: a key set to null is removed, a key left out is
    /// kept, and a secret sent back masked keeps its stored value. A WEBHOOK's `secret` set to
    /// null is replaced by a generated one (`generatedSecret`).
    pub config: Option<Json<serde_json::Value>>,
    pub is_enabled: Option<bool>,
}

#[derive(Default)]
pub struct NotificationProviderQuery;

#[Object]
impl NotificationProviderQuery {
    /// Notification providers of a project, oldest first. With `includeOrganizationWide`, the
    /// organization-wide providers of its organization too, in the same order: every provider
    /// a monitor or job of the project may be linked to.
    async fn notification_providers(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        #[graphql(default = false)] include_organization_wide: bool,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<NotificationProvider>> {
        let id = validate::id("projectId", &project_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows = notification_provider::list(
            ctx.state(),
            principal,
            id,
            include_organization_wide,
            request,
        )
        .await?;
        Ok(connection(
            request,
            rows,
            |p| p.id,
            NotificationProvider::from,
        ))
    }

    /// The organization-wide notification providers of an organization (members), oldest
    /// first.
    async fn organization_notification_providers(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Page<NotificationProvider>> {
        let id = validate::id("organizationId", &organization_id)?;
        let principal = ctx.principal()?;
        let request = page_request(ctx, first, after.as_deref())?;
        let rows =
            notification_provider::list_organization_wide(ctx.state(), principal, id, request)
                .await?;
        Ok(connection(
            request,
            rows,
            |p| p.id,
            NotificationProvider::from,
        ))
    }

    /// A provider, or null when it does not exist or is not visible to the caller.
    async fn notification_provider(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<NotificationProvider>> {
        let id = validate::id("id", &id)?;
        match notification_provider::find(ctx.state(), ctx.principal()?, id, Level::Viewer).await {
            Ok(row) => Ok(Some(row.into())),
            Err(AppError::NotFound) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }
}

#[derive(Default)]
pub struct NotificationProviderMutation;

#[Object]
impl NotificationProviderMutation {
    /// Creates a provider: a project's (project editors) or an organization-wide one
    /// (organization admins).
    async fn create_notification_provider(
        &self,
        ctx: &Context<'_>,
        input: CreateNotificationProviderInput,
    ) -> async_graphql::Result<NotificationProvider> {
        let owner = match (&input.project_id, &input.organization_id) {
            (Some(project_id), None) => Owner::Project(validate::id("projectId", project_id)?),
            (None, Some(organization_id)) => {
                Owner::Organization(validate::id("organizationId", organization_id)?)
            }
            _ => {
                return Err(AppError::field(
                    "projectId",
                    "give either projectId (a project's provider) or organizationId (an organization-wide one)",
                )
                .into());
            }
        };
        let saved = notification_provider::create(
            ctx.state(),
            ctx.principal()?,
            NewProvider {
                owner,
                name: input.name,
                kind: input.kind.into(),
                config: input.config.0,
                is_enabled: input.is_enabled,
            },
        )
        .await?;
        Ok(saved.into())
    }

    async fn update_notification_provider(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateNotificationProviderInput,
    ) -> async_graphql::Result<NotificationProvider> {
        let id = validate::id("id", &id)?;
        let saved = notification_provider::update(
            ctx.state(),
            ctx.principal()?,
            id,
            ProviderChanges {
                name: input.name,
                config: input.config.map(|c| c.0),
                is_enabled: input.is_enabled,
            },
        )
        .await?;
        Ok(saved.into())
    }

    async fn delete_notification_provider(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        notification_provider::delete(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Sends a test message through the provider (project editors; organization admins for an
    /// organization-wide one), whether it is enabled or
    /// not, and tells how it went.
    async fn test_notification_provider(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<DeliveryResult> {
        let id = validate::id("id", &id)?;
        let outcome = notification_provider::test(ctx.state(), ctx.principal()?, id).await?;
        Ok(DeliveryResult {
            success: outcome.is_success(),
            attempts: i32::try_from(outcome.attempts).unwrap_or(i32::MAX),
            error: outcome.error().map(str::to_owned),
        })
    }
}
