//! Single sign-on: the providers for the sign-in page, an organization's SSO requirement, and
//! the caller's linked accounts. The sign-in itself is a browser redirect
//! (`GET /auth/oidc/{provider}/start`), not a GraphQL operation.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::account::CREDENTIAL_PROVIDER;
use crate::graphql::context::CtxExt;
use crate::sso::{self, OrgSso};
use crate::validate;

/// An OpenID Connect provider people may sign in with.
#[derive(SimpleObject)]
pub struct SsoProvider {
    /// Stable id, in `GET /auth/oidc/{id}/start`.
    pub id: String,
    /// What the button says: "Sign in with {name}".
    pub name: String,
}

/// A way the user signs in: `credential` (the password) or a single sign-on provider.
#[derive(SimpleObject)]
pub struct LinkedAccount {
    /// `credential`, or the provider's id.
    pub provider: String,
    /// "Password", or the provider's name.
    pub provider_name: String,
    pub created_at: DateTime<Utc>,
}

/// Turns `account` rows into their API shape: no token, no subject, no hash.
pub fn linked(
    settings: &crate::config::Settings,
    rows: Vec<entity::account::Model>,
) -> Vec<LinkedAccount> {
    rows.into_iter()
        .map(|row| {
            let provider_name = if row.provider_id == CREDENTIAL_PROVIDER {
                "Password".to_owned()
            } else {
                settings
                    .sso
                    .provider(&row.provider_id)
                    .map_or_else(|| row.provider_id.clone(), |p| p.name.clone())
            };
            LinkedAccount {
                provider: row.provider_id,
                provider_name,
                created_at: row.created_at,
            }
        })
        .collect()
}

/// An organization's single sign-on requirement.
pub struct OrganizationSso {
    setting: OrgSso,
    provider_name: Option<String>,
}

#[Object]
impl OrganizationSso {
    async fn organization_id(&self) -> ID {
        ID(self.setting.organization_id.to_string())
    }
    /// Whether members must sign in through `providerId`.
    async fn required(&self) -> bool {
        self.setting.rule.is_some()
    }
    /// The provider members must sign in with, when required.
    async fn provider_id(&self) -> Option<&str> {
        self.setting.rule.as_ref().map(|r| r.provider_id.as_str())
    }
    async fn provider_name(&self) -> Option<&str> {
        self.provider_name.as_deref()
    }
    /// The owner who set the requirement, who may still sign in with a password.
    async fn required_by(&self) -> Option<ID> {
        self.setting
            .rule
            .as_ref()
            .and_then(|r| r.required_by)
            .map(|id| ID(id.to_string()))
    }
    async fn updated_at(&self) -> Option<DateTime<Utc>> {
        self.setting.rule.as_ref().map(|r| r.updated_at)
    }
    /// Whether the organization's plan includes single sign-on.
    async fn available(&self) -> bool {
        self.setting.unavailable.is_none()
    }
    /// Why the plan does not allow single sign-on, when it does not.
    async fn unavailable_reason(&self) -> Option<&str> {
        self.setting.unavailable.as_deref()
    }
}

fn wrap(ctx: &Context<'_>, setting: OrgSso) -> OrganizationSso {
    let provider_name = setting.rule.as_ref().map(|rule| {
        ctx.state()
            .settings
            .sso
            .provider(&rule.provider_id)
            .map_or_else(|| rule.provider_id.clone(), |p| p.name.clone())
    });
    OrganizationSso {
        setting,
        provider_name,
    }
}

#[derive(InputObject)]
pub struct UpdateOrganizationSsoInput {
    /// The provider members must sign in with; null stops requiring single sign-on.
    pub provider_id: Option<String>,
}

#[derive(Default)]
pub struct SsoQuery;

#[Object]
impl SsoQuery {
    /// The single sign-on providers of this instance (no sign-in needed: the sign-in page
    /// shows them).
    async fn sso_providers(&self, ctx: &Context<'_>) -> Vec<SsoProvider> {
        sso::providers(&ctx.state().settings)
            .into_iter()
            .map(|p| SsoProvider {
                id: p.id,
                name: p.name,
            })
            .collect()
    }

    /// An organization's single sign-on requirement (any member).
    async fn organization_sso(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
    ) -> async_graphql::Result<OrganizationSso> {
        let org = validate::id("organizationId", &organization_id)?;
        let setting = sso::organization_sso(&ctx.state().db, ctx.principal()?, org).await?;
        Ok(wrap(ctx, setting))
    }
}

#[derive(Default)]
pub struct SsoMutation;

#[Object]
impl SsoMutation {
    /// Requires (or stops requiring) single sign-on for an organization's members. Owners
    /// only, from their own session; needs a plan with single sign-on (`PLAN_LIMIT`). The
    /// owner who sets it keeps password sign-in; every other member is signed out.
    async fn update_organization_sso(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        input: UpdateOrganizationSsoInput,
    ) -> async_graphql::Result<OrganizationSso> {
        let org = validate::id("organizationId", &organization_id)?;
        let setting =
            sso::set_organization_sso(ctx.state(), ctx.principal()?, org, input.provider_id)
                .await?;
        Ok(wrap(ctx, setting))
    }

    /// Unlinks the caller's account at a single sign-on provider. The last way to sign in is
    /// never unlinked (`CONFLICT`). Needs the user's own session.
    async fn unlink_account(
        &self,
        ctx: &Context<'_>,
        provider: String,
    ) -> async_graphql::Result<bool> {
        sso::unlink(ctx.state(), ctx.principal()?, &provider).await?;
        Ok(true)
    }
}
