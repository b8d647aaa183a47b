//! Single sign-on: who an identity proved by an OpenID Connect provider is in Vigil (linking by
//! verified email, or a new account), the accounts a user has linked, and an organization's
//! requirement that its members sign in through one provider. The protocol itself (discovery,
//! PKCE, state, nonce, the ID token's checks) is `auth::oidc`'s; this module starts from an
//! identity the provider has vouched for.
//!
//! Linking rules (docs/sso.md):
//! - an identity already linked (`account.provider_id` = the provider, `account_id` = its
//!   `sub`) signs in as its user;
//! - else a user with the same address gets the link only when the provider says the address
//!   is verified (`email_verified` true): otherwise anyone able to register that address at
//!   some provider would take the account over;
//! - else a new user is created when the provider allows sign-up, its address verified when
//!   the provider says so (in cloud mode an unverified address creates nothing).
//!
//! SSO sign-in does not ask for the TOTP code of an account that has two-factor on: the
//! provider owns the second factor.

use chrono::{Duration, Utc};
use entity::member::{self, OrgRole};
use entity::user;
use entity::{account, organization, organization_sso, session};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::account::{CREDENTIAL_PROVIDER, SignedIn};
use crate::audit;
use crate::auth::session::{self as sessions, ClientInfo};
use crate::auth::{Level, Principal};
use crate::config::{Mode, OidcProviderSettings, Settings};
use crate::crypto::{AccountToken, Binding, MasterKey};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Who the provider says signed in, after every check of the ID token passed.
#[derive(Clone)]
pub struct Identity {
    /// The provider's stable id of the person (`sub`).
    pub subject: String,
    pub email: Option<String>,
    /// The ID token's `email_verified`; absent counts as false.
    pub email_verified: bool,
    pub name: Option<String>,
    pub tokens: Tokens,
}

/// What the provider's token endpoint answered, kept sealed in `account`.
#[derive(Clone, Default)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub id_token: String,
    pub expires_in: Option<std::time::Duration>,
    pub scope: Option<String>,
}

/// How a sign-in proved who it is, for an organization's SSO requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method<'a> {
    Password,
    Provider(&'a str),
}

/// A configured provider, as the sign-in page lists it.
#[derive(Debug, Clone)]
pub struct ProviderInfo {
    pub id: String,
    pub name: String,
}

/// The providers of the settings, in their order. Never their secrets.
pub fn providers(settings: &Settings) -> Vec<ProviderInfo> {
    settings
        .sso
        .providers
        .iter()
        .map(|p| ProviderInfo {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect()
}

/// Signs `identity` in through `provider`: finds or links or creates its user (module doc),
/// refuses banned users and organizations' requirements of another provider, stores the
/// tokens sealed and opens a session, in one transaction with its audit rows. Nothing is
/// written when it is refused.
pub async fn sign_in(
    state: &AppState,
    provider: &OidcProviderSettings,
    identity: Identity,
    client: &ClientInfo,
) -> AppResult<SignedIn> {
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    let linked = find_linked(db, &provider.id, &identity.subject).await?;
    let (user, account_row) = match linked {
        Some((user, row)) => (Some(user), Some(row)),
        None => (find_by_verified_email(db, &identity).await?, None),
    };
    let user = match user {
        Some(user) => {
            sessions::check_user_may_act(&user)?;
            check_method(db, &user, Method::Provider(&provider.id), &state.settings).await?;
            user
        }
        None => create_user(&tx, state, provider, &identity).await?,
    };
    let new_link = account_row.is_none();
    store_account(
        db,
        &state.master_key,
        account_row,
        &provider.id,
        &user,
        &identity,
    )
    .await?;
    let (token, session) =
        sessions::create(db, user.id, state.settings.session_days, client, None).await?;
    if new_link {
        audit::record_for(
            &tx,
            Some(user.id),
            None,
            "user.link_account",
            json!({ "provider": provider.id }),
        )
        .await?;
    }
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.sign_in",
        json!({ "ip": client.ip_address, "provider": provider.id }),
    )
    .await?;
    tx.commit().await?;
    Ok(SignedIn {
        token,
        user,
        session,
    })
}

/// The user and account row of an identity linked before.
async fn find_linked(
    db: &impl ConnectionTrait,
    provider: &str,
    subject: &str,
) -> AppResult<Option<(user::Model, account::Model)>> {
    let found = account::Entity::find()
        .filter(account::Column::ProviderId.eq(provider))
        .filter(account::Column::AccountId.eq(subject))
        .find_also_related(user::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(row, user)| user.map(|user| (user, row))))
}

/// The user of the identity's address, when the identity may be linked to it. An address the
/// provider does not call verified never links to an existing account: that is refused, with
/// nothing written, rather than signing in as a new account on a taken address.
async fn find_by_verified_email(
    db: &impl ConnectionTrait,
    identity: &Identity,
) -> AppResult<Option<user::Model>> {
    let email = identity_email(identity)?;
    let Some(user) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !identity.email_verified {
        return Err(AppError::Forbidden(
            "an account with this email address exists, and the provider does not say the address is verified: sign in with your password".into(),
        ));
    }
    Ok(Some(user))
}

/// The identity's address, validated and lower-cased as sign-up stores it.
fn identity_email(identity: &Identity) -> AppResult<String> {
    let Some(email) = identity.email.as_deref() else {
        return Err(AppError::Forbidden(
            "the provider did not share an email address: allow the email scope".into(),
        ));
    };
    validate::email("email", email)
        .map_err(|_| AppError::Forbidden("the provider's email address is not valid".into()))
}

/// Creates the account of an identity whose address has none, when the provider allows it.
async fn create_user(
    tx: &Tx,
    state: &AppState,
    provider: &OidcProviderSettings,
    identity: &Identity,
) -> AppResult<user::Model> {
    if !provider.sign_up {
        return Err(AppError::Forbidden(format!(
            "no account has this email address, and {} sign-in does not create accounts: ask for an invitation",
            provider.name
        )));
    }
    if state.settings.mode == Mode::Cloud && !identity.email_verified {
        return Err(AppError::Forbidden(
            "the provider does not say this email address is verified: sign up with a password instead".into(),
        ));
    }
    let db = tx.conn();
    let email = identity_email(identity)?;
    let fallback = email.split('@').next().unwrap_or("user").to_owned();
    let name = identity
        .name
        .as_deref()
        .and_then(|n| validate::name("name", n).ok())
        .unwrap_or(fallback);
    let first = user::Entity::find().count(db).await? == 0;
    let user = crate::account::new_user(name, email.clone(), identity.email_verified, first)
        .insert(db)
        .await?;
    audit::record_for(
        tx,
        Some(user.id),
        None,
        "user.sign_up",
        json!({ "email": email, "systemAdmin": first, "provider": provider.id }),
    )
    .await?;
    Ok(user)
}

/// Writes the account row of the link (new or refreshed) with its tokens sealed.
async fn store_account(
    db: &impl ConnectionTrait,
    key: &MasterKey,
    existing: Option<account::Model>,
    provider: &str,
    user: &user::Model,
    identity: &Identity,
) -> AppResult<()> {
    let now = Utc::now();
    let id = existing.as_ref().map_or_else(Uuid::now_v7, |row| row.id);
    let t = &identity.tokens;
    let seal = |value: &str, column| key.seal(value, &Binding::account_token(id, column));
    let refresh = match &t.refresh_token {
        Some(token) => Some(seal(token, AccountToken::Refresh)?),
        // Providers send a refresh token on the first consent only: keep the one held.
        None => existing.as_ref().and_then(|row| row.refresh_token.clone()),
    };
    let expires = t
        .expires_in
        .and_then(|d| Duration::from_std(d).ok())
        .map(|d| now + d);
    let mut row = account::ActiveModel {
        id: Set(id),
        account_id: Set(identity.subject.clone()),
        provider_id: Set(provider.to_owned()),
        user_id: Set(user.id),
        access_token: Set(Some(seal(&t.access_token, AccountToken::Access)?)),
        refresh_token: Set(refresh),
        id_token: Set(Some(seal(&t.id_token, AccountToken::Id)?)),
        access_token_expires_at: Set(expires),
        refresh_token_expires_at: Set(None),
        scope: Set(t.scope.clone()),
        password: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    if let Some(existing) = existing {
        row.created_at = Set(existing.created_at);
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

/// Refuses a sign-in by `method` when an organization `user` is a member of requires another:
/// a password sign-in is refused wherever SSO is required, except for the owner who set the
/// requirement (the way back in when the provider fails); an SSO sign-in is refused where
/// another provider is required.
pub async fn check_method(
    db: &impl ConnectionTrait,
    user: &user::Model,
    method: Method<'_>,
    settings: &Settings,
) -> AppResult<()> {
    let memberships = member::Entity::find()
        .filter(member::Column::UserId.eq(user.id))
        .all(db)
        .await?;
    if memberships.is_empty() {
        return Ok(());
    }
    let orgs: Vec<Uuid> = memberships.iter().map(|m| m.organization_id).collect();
    let required = organization_sso::Entity::find()
        .filter(organization_sso::Column::OrganizationId.is_in(orgs))
        .find_also_related(organization::Entity)
        .all(db)
        .await?;
    for (rule, org) in required {
        let allowed = match method {
            Method::Provider(p) => p == rule.provider_id,
            Method::Password => {
                rule.required_by == Some(user.id)
                    && memberships.iter().any(|m| {
                        m.organization_id == rule.organization_id && m.role == OrgRole::OrgOwner
                    })
            }
        };
        if !allowed {
            let provider = settings
                .sso
                .provider(&rule.provider_id)
                .map_or(rule.provider_id.as_str(), |p| p.name.as_str());
            let org = org.map_or_else(|| "an organization".to_owned(), |o| format!("{:?}", o.name));
            return Err(AppError::Forbidden(format!(
                "the organization {org} requires signing in with {provider}: use \"Sign in with {provider}\""
            )));
        }
    }
    Ok(())
}

/// The ways `user_id` signs in: the password account and the linked providers, oldest
/// first. Only the user themselves may ask.
pub async fn linked_accounts(
    db: &impl ConnectionTrait,
    principal: &Principal,
    user_id: Uuid,
) -> AppResult<Vec<account::Model>> {
    if user_id != principal.user_id() {
        return Err(AppError::Forbidden(
            "only the user may list their linked accounts".into(),
        ));
    }
    Ok(account::Entity::find()
        .filter(account::Column::UserId.eq(user_id))
        .order_by_asc(account::Column::Id)
        .all(db)
        .await?)
}

/// Unlinks the caller's account at `provider`. The last way to sign in is never removed, and
/// neither is the password through this path. Needs the user's own session.
pub async fn unlink(state: &AppState, principal: &Principal, provider: &str) -> AppResult<()> {
    principal.require_own_session()?;
    if provider == CREDENTIAL_PROVIDER {
        return Err(AppError::field(
            "provider",
            "the password is not a linked account",
        ));
    }
    let tx = Tx::begin(state).await?;
    let rows = linked_accounts(tx.conn(), principal, principal.user_id()).await?;
    let Some(row) = rows.iter().find(|r| r.provider_id == provider) else {
        return Err(AppError::NotFound);
    };
    if rows.len() == 1 {
        return Err(AppError::Conflict(
            "this is your only way to sign in: set a password or link another provider first"
                .into(),
        ));
    }
    account::Entity::delete_by_id(row.id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        None,
        "user.unlink_account",
        json!({ "provider": provider }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An organization's SSO setting, with whether its plan allows one.
#[derive(Debug, Clone)]
pub struct OrgSso {
    pub organization_id: Uuid,
    pub rule: Option<organization_sso::Model>,
    /// Why the plan does not allow SSO, when it does not.
    pub unavailable: Option<String>,
}

/// The SSO setting of `org_id` (any member may read it).
pub async fn organization_sso(
    db: &impl ConnectionTrait,
    principal: &Principal,
    org_id: Uuid,
) -> AppResult<OrgSso> {
    principal.org(db, org_id, Level::Viewer).await?;
    read_setting(db, org_id).await
}

async fn read_setting(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<OrgSso> {
    let rule = organization_sso::Entity::find()
        .filter(organization_sso::Column::OrganizationId.eq(org_id))
        .one(db)
        .await?;
    let unavailable = match crate::plan::require_sso(db, org_id).await {
        Ok(()) => None,
        Err(AppError::PlanLimitReached(refusal)) => Some(refusal.message),
        Err(other) => return Err(other),
    };
    Ok(OrgSso {
        organization_id: org_id,
        rule,
        unavailable,
    })
}

/// Requires (`Some(provider)`) or stops requiring (`None`) SSO for the members of `org_id`.
/// Owners only, from their own session; requiring it needs a plan with SSO (`PLAN_LIMIT`).
/// The owner who sets it keeps password sign-in; every other member's sessions end, so that
/// no password session outlives the rule.
pub async fn set_organization_sso(
    state: &AppState,
    principal: &Principal,
    org_id: Uuid,
    provider: Option<String>,
) -> AppResult<OrgSso> {
    principal.require_own_session()?;
    if let Some(p) = &provider
        && state.settings.sso.provider(p).is_none()
    {
        return Err(AppError::field(
            "providerId",
            "no single sign-on provider has this id",
        ));
    }
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    principal.org(db, org_id, Level::Owner).await?;
    let previous = organization_sso::Entity::find()
        .filter(organization_sso::Column::OrganizationId.eq(org_id))
        .one(db)
        .await?;
    let before = previous.as_ref().map(|r| r.provider_id.clone());
    if let Some(row) = &previous {
        organization_sso::Entity::delete_by_id(row.id)
            .exec(db)
            .await?;
    }
    let mut ended = 0;
    if let Some(p) = &provider {
        crate::plan::require_sso(db, org_id).await?;
        let now = Utc::now();
        organization_sso::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org_id),
            provider_id: Set(p.clone()),
            required_by: Set(Some(principal.user_id())),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await?;
        ended = end_member_sessions(db, org_id, principal.user_id()).await?;
    }
    audit::record(
        &tx,
        principal,
        Some(org_id),
        "organization.sso_update",
        json!({ "providerId": provider, "previous": before, "sessionsEnded": ended }),
    )
    .await?;
    let setting = read_setting(db, org_id).await?;
    tx.commit().await?;
    Ok(setting)
}

/// Ends the sessions of every member of `org_id` but `keep`.
async fn end_member_sessions(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    keep: Uuid,
) -> AppResult<u64> {
    let members: Vec<Uuid> = member::Entity::find()
        .filter(member::Column::OrganizationId.eq(org_id))
        .filter(member::Column::UserId.ne(keep))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    if members.is_empty() {
        return Ok(0);
    }
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.is_in(members))
        .exec(db)
        .await?
        .rows_affected)
}
