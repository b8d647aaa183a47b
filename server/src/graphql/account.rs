//! Accounts: `me`, sign-up and sign-in, sessions, password, email verification, two-factor.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use axum::http::header::SET_COOKIE;
use chrono::{DateTime, Utc};
use entity::{session, user};

use crate::account::{self, SignIn, SignUp};
use crate::auth::session as sessions;
use crate::graphql::context::CtxExt;
use crate::validate;

/// System-wide role.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::user::UserRole")]
pub enum UserRole {
    User,
    Admin,
}

/// A person with an account.
pub struct User(pub user::Model);

#[Object]
impl User {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn email_verified(&self) -> bool {
        self.0.email_verified
    }
    async fn image(&self) -> Option<&str> {
        self.0.image.as_deref()
    }
    async fn role(&self) -> UserRole {
        self.0.role.into()
    }
    async fn banned(&self) -> bool {
        self.0.banned
    }
    async fn ban_reason(&self) -> Option<&str> {
        self.0.ban_reason.as_deref()
    }
    async fn ban_expires(&self) -> Option<DateTime<Utc>> {
        self.0.ban_expires
    }
    /// Whether sign-in asks for a TOTP code.
    async fn two_factor_enabled(&self) -> bool {
        self.0.totp_enabled
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The ways the user signs in: the password (`credential`) and linked single sign-on
    /// providers. Only on the caller's own user.
    async fn linked_accounts(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::graphql::sso::LinkedAccount>> {
        let rows =
            crate::sso::linked_accounts(&ctx.state().db, ctx.principal()?, self.0.id).await?;
        Ok(crate::graphql::sso::linked(&ctx.state().settings, rows))
    }
}

/// A new session: keep the token, it is not shown again. Browsers also get it as an
/// HttpOnly cookie.
#[derive(SimpleObject)]
pub struct AuthPayload {
    pub token: String,
    pub user: User,
}

/// The answer to a sign-up. Self-hosted instances sign the new account in: `token` and `user`
/// (browsers also get the session as a cookie). Cloud instances answer both null, for a new
/// address and a taken one alike, and mail the address: following the verification link
/// (`verifyEmail`) signs in.
#[derive(SimpleObject)]
pub struct SignUpPayload {
    pub token: Option<String>,
    pub user: Option<User>,
}

/// A confirmed address. On cloud instances the link also signs in: `token` is the new session
/// (browsers also get it as a cookie); elsewhere it is null.
#[derive(SimpleObject)]
pub struct VerifyEmailPayload {
    pub token: Option<String>,
    pub user: User,
}

/// A signed-in session of the caller.
pub struct Session {
    pub model: session::Model,
    pub current: bool,
}

#[Object]
impl Session {
    async fn id(&self) -> ID {
        ID(self.model.id.to_string())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.model.created_at
    }
    async fn expires_at(&self) -> DateTime<Utc> {
        self.model.expires_at
    }
    async fn ip_address(&self) -> Option<&str> {
        self.model.ip_address.as_deref()
    }
    async fn user_agent(&self) -> Option<&str> {
        self.model.user_agent.as_deref()
    }
    /// True for the session making this request.
    async fn current(&self) -> bool {
        self.current
    }
    async fn active_organization_id(&self) -> Option<ID> {
        self.model
            .active_organization_id
            .map(|id| ID(id.to_string()))
    }
    async fn active_project_id(&self) -> Option<ID> {
        self.model.active_project_id.map(|id| ID(id.to_string()))
    }
    /// The administrator acting through this session, for impersonation sessions.
    async fn impersonated_by(&self) -> Option<ID> {
        self.model.impersonated_by.map(|id| ID(id.to_string()))
    }
}

/// A TOTP secret to put in an authenticator app, then confirm with `confirmTotp`.
#[derive(SimpleObject)]
pub struct TotpEnrolment {
    /// Base32 secret, for typing in by hand.
    pub secret: String,
    /// `otpauth://` URI, for a QR code.
    pub uri: String,
}

#[derive(InputObject)]
pub struct SignUpInput {
    pub email: String,
    pub password: String,
    pub name: String,
}

#[derive(InputObject)]
pub struct SignInInput {
    pub email: String,
    pub password: String,
    /// Required when the account has two-factor authentication on.
    pub totp_code: Option<String>,
}

#[derive(InputObject)]
pub struct ChangePasswordInput {
    pub current_password: String,
    pub new_password: String,
}

#[derive(InputObject)]
pub struct ResetPasswordInput {
    pub token: String,
    pub new_password: String,
}

#[derive(InputObject)]
pub struct UpdateProfileInput {
    pub name: Option<String>,
    pub image: Option<String>,
}

#[derive(InputObject)]
pub struct SetActiveInput {
    pub organization_id: Option<ID>,
    pub project_id: Option<ID>,
}

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The caller, or null when not signed in.
    async fn me(&self, ctx: &Context<'_>) -> Option<User> {
        ctx.request()
            .principal
            .as_ref()
            .map(|p| User(p.user.clone()))
    }

    /// The caller's live sessions, newest first. Needs the user's own signed-in session.
    async fn sessions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Session>> {
        let principal = ctx.principal()?;
        let current = principal.session_id();
        let rows = account::list_sessions(&ctx.state().db, principal).await?;
        Ok(rows
            .into_iter()
            .map(|model| Session {
                current: Some(model.id) == current,
                model,
            })
            .collect())
    }

    /// The session making this request (null for API keys).
    async fn current_session(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Session>> {
        let model = account::current_session(&ctx.state().db, ctx.principal()?).await?;
        Ok(model.map(|model| Session {
            model,
            current: true,
        }))
    }
}

fn set_session_cookie(ctx: &Context<'_>, token: &str) {
    let days = ctx.state().settings.session_days;
    ctx.append_http_header(
        SET_COOKIE,
        sessions::cookie(token, days, ctx.request().secure_cookies),
    );
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Creates an account. The first account becomes the system administrator. Self-hosted:
    /// signs it in (a taken address is `CONFLICT`). Cloud: answers the same for a new and a
    /// taken address, with no session, and mails the address.
    async fn sign_up(
        &self,
        ctx: &Context<'_>,
        input: SignUpInput,
    ) -> async_graphql::Result<SignUpPayload> {
        let signed = account::sign_up(
            ctx.state(),
            SignUp {
                email: input.email,
                password: input.password,
                name: input.name,
            },
            &ctx.request().client,
        )
        .await?;
        let Some(signed) = signed else {
            return Ok(SignUpPayload {
                token: None,
                user: None,
            });
        };
        set_session_cookie(ctx, &signed.token);
        Ok(SignUpPayload {
            token: Some(signed.token),
            user: Some(User(signed.user)),
        })
    }

    /// Signs in with email and password (and a TOTP code when two-factor is on).
    async fn sign_in(
        &self,
        ctx: &Context<'_>,
        input: SignInInput,
    ) -> async_graphql::Result<AuthPayload> {
        let signed = account::sign_in(
            ctx.state(),
            SignIn {
                email: input.email,
                password: input.password,
                totp_code: input.totp_code,
            },
            &ctx.request().client,
        )
        .await?;
        set_session_cookie(ctx, &signed.token);
        Ok(AuthPayload {
            token: signed.token,
            user: User(signed.user),
        })
    }

    /// Ends the current session.
    async fn sign_out(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        account::sign_out(ctx.state(), ctx.principal()?).await?;
        ctx.append_http_header(
            SET_COOKIE,
            sessions::clear_cookie(ctx.request().secure_cookies),
        );
        Ok(true)
    }

    /// Ends one of the caller's sessions. Needs the user's own signed-in session.
    async fn revoke_session(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let id = validate::id("id", &id)?;
        account::revoke_session(ctx.state(), ctx.principal()?, id).await?;
        Ok(true)
    }

    /// Changes the password; the caller's other sessions end, API keys stay. Needs the
    /// user's own signed-in session.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        input: ChangePasswordInput,
    ) -> async_graphql::Result<bool> {
        account::change_password(
            ctx.state(),
            ctx.principal()?,
            &input.current_password,
            &input.new_password,
        )
        .await?;
        Ok(true)
    }

    /// Mails a new email-verification link to the caller.
    async fn request_email_verification(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        account::request_email_verification(ctx.state(), ctx.principal()?).await?;
        Ok(true)
    }

    /// Confirms an email address with the token from the mailed link; on cloud instances
    /// this also signs in.
    async fn verify_email(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> async_graphql::Result<VerifyEmailPayload> {
        let (user, signed) =
            account::verify_email(ctx.state(), &token, &ctx.request().client).await?;
        let token = signed.map(|signed| {
            set_session_cookie(ctx, &signed.token);
            signed.token
        });
        Ok(VerifyEmailPayload {
            token,
            user: User(user),
        })
    }

    /// Mails a password-reset link if the address has an account. Always true, so that it
    /// does not tell which addresses exist.
    async fn request_password_reset(
        &self,
        ctx: &Context<'_>,
        email: String,
    ) -> async_graphql::Result<bool> {
        account::request_password_reset(ctx.state(), &email).await?;
        Ok(true)
    }

    /// Sets a new password with the token from the mailed link; every session and every API
    /// key of the user is revoked.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        input: ResetPasswordInput,
    ) -> async_graphql::Result<bool> {
        account::reset_password(ctx.state(), &input.token, &input.new_password).await?;
        Ok(true)
    }

    /// Starts two-factor enrolment.
    async fn enroll_totp(
        &self,
        ctx: &Context<'_>,
        password: String,
    ) -> async_graphql::Result<TotpEnrolment> {
        let enrolment = account::enroll_totp(ctx.state(), ctx.principal()?, &password).await?;
        Ok(TotpEnrolment {
            secret: enrolment.secret,
            uri: enrolment.uri,
        })
    }

    /// Turns two-factor on after checking a code from the authenticator.
    async fn confirm_totp(&self, ctx: &Context<'_>, code: String) -> async_graphql::Result<User> {
        Ok(User(
            account::confirm_totp(ctx.state(), ctx.principal()?, &code).await?,
        ))
    }

    /// Turns two-factor off.
    async fn disable_totp(
        &self,
        ctx: &Context<'_>,
        password: String,
    ) -> async_graphql::Result<User> {
        Ok(User(
            account::disable_totp(ctx.state(), ctx.principal()?, &password).await?,
        ))
    }

    async fn update_profile(
        &self,
        ctx: &Context<'_>,
        input: UpdateProfileInput,
    ) -> async_graphql::Result<User> {
        Ok(User(
            account::update_profile(ctx.state(), ctx.principal()?, input.name, input.image).await?,
        ))
    }

    /// Remembers the organization and project the caller works in, on the session.
    async fn set_active(
        &self,
        ctx: &Context<'_>,
        input: SetActiveInput,
    ) -> async_graphql::Result<Session> {
        let org = validate::opt_id("organizationId", input.organization_id.as_deref())?;
        let project = validate::opt_id("projectId", input.project_id.as_deref())?;
        let model = account::set_active(ctx.state(), ctx.principal()?, org, project).await?;
        Ok(Session {
            model,
            current: true,
        })
    }
}
