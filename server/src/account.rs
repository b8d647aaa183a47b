//! People and their credentials: sign-up, sign-in (with throttling and two-factor codes),
//! email verification, password reset and change, TOTP enrolment, and what a system
//! administrator may do to accounts (ban, unban, impersonate).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::user::{self, UserRole};
use entity::{account, session, verification};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::password::check_policy;
use crate::auth::session::{self as sessions, ClientInfo};
use crate::auth::{Principal, totp};
use crate::config::Mode;
use crate::crypto::{Binding, hash_token, random_token};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::mail::Mail;
use crate::state::AppState;
use crate::validate;

/// The provider id of password accounts.
pub const CREDENTIAL_PROVIDER: &str = "credential";
const EMAIL_VERIFICATION: &str = "email-verification";
const PASSWORD_RESET: &str = "password-reset";

/// A new session: the token (shown once) and whom it is for.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub token: String,
    pub user: user::Model,
    pub session: session::Model,
}

/// Fields of a sign-up.
#[derive(Debug, Clone)]
pub struct SignUp {
    pub email: String,
    pub password: String,
    pub name: String,
}

/// Creates an account. The first account of an instance becomes its system administrator.
///
/// In self-hosted mode the account is signed in at once, and a taken address is a
/// `CONFLICT`. In cloud mode, where anyone may try addresses, sign-up does not tell whether
/// an address has an account: it opens no session and mails the address (the verification
/// link, which signs in, or a note to sign in or reset the password). Both paths pay the
/// argon2 hash, so the time taken does not tell either.
///
/// Returns the new session, or `None` in cloud mode (the answer is then to check the mail).
pub async fn sign_up(
    state: &AppState,
    input: SignUp,
    client: &ClientInfo,
) -> AppResult<Option<SignedIn>> {
    let email = validate::email("email", &input.email)?;
    let name = validate::name("name", &input.name)?;
    check_policy("password", &input.password, &email)?;
    let hash = state.passwords.hash(&input.password).await?;
    let cloud = state.settings.mode == Mode::Cloud;

    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .count(db)
        .await?
        > 0;
    if taken {
        if !cloud {
            return Err(AppError::Conflict(
                "an account with this email already exists".into(),
            ));
        }
        drop(tx);
        send_already_registered(state, &email);
        return Ok(None);
    }
    let first = user::Entity::find().count(db).await? == 0;
    let user = insert_password_user(db, name, &email, hash, first).await?;
    let verify_token = issue_token(db, EMAIL_VERIFICATION, user.id, Duration::days(3)).await?;
    let session = if cloud {
        None
    } else {
        Some(sessions::create(db, user.id, state.settings.session_days, client, None).await?)
    };
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.sign_up",
        json!({ "email": email, "systemAdmin": first }),
    )
    .await?;
    tx.commit().await?;
    send_verification(state, &user.email, &verify_token);
    Ok(session.map(|(token, session)| SignedIn {
        token,
        user,
        session,
    }))
}

/// A new user row: a system administrator when `first` (the instance's first account),
/// active, unbanned, without a second factor.
pub(crate) fn new_user(
    name: String,
    email: String,
    email_verified: bool,
    first: bool,
) -> user::ActiveModel {
    let now = Utc::now();
    user::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        email: Set(email),
        email_verified: Set(email_verified),
        image: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        role: Set(if first {
            UserRole::Admin
        } else {
            UserRole::User
        }),
        banned: Set(false),
        ban_reason: Set(None),
        ban_expires: Set(None),
        display_name: Set(None),
        totp_secret: Set(None),
        totp_enabled: Set(false),
        totp_last_step: Set(None),
        is_active: Set(true),
        slack_webhook_url: Set(None),
        failed_sign_in_count: Set(0),
        sign_in_locked_until: Set(None),
    }
}

/// Writes a new user (a system administrator when `first`) and its password account.
async fn insert_password_user(
    db: &impl ConnectionTrait,
    name: String,
    email: &str,
    hash: String,
    first: bool,
) -> AppResult<user::Model> {
    let now = Utc::now();
    let user = new_user(name, email.to_owned(), false, first)
        .insert(db)
        .await?;
    account::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(user.id.to_string()),
        provider_id: Set(CREDENTIAL_PROVIDER.into()),
        user_id: Set(user.id),
        access_token: Set(None),
        refresh_token: Set(None),
        id_token: Set(None),
        access_token_expires_at: Set(None),
        refresh_token_expires_at: Set(None),
        scope: Set(None),
        password: Set(Some(hash)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(user)
}

/// Tells the owner of an address that someone tried to sign up with it again.
fn send_already_registered(state: &AppState, email: &str) {
    let base = state.settings.base_url();
    state.mailer.send_later(Mail {
        to: email.to_owned(),
        subject: "You already have a Vigil account".into(),
        body: format!(
            "Someone, perhaps you, tried to create a Vigil account with this address, which already has one.\n\nSign in: {base}/sign-in\nForgot your password? Reset it: {base}/reset-password\n\nIf it was not you, ignore this mail: nothing changed."
        ),
    });
}

/// Fields of a sign-in.
#[derive(Debug, Clone)]
pub struct SignIn {
    pub email: String,
    pub password: String,
    pub totp_code: Option<String>,
}

/// Checks a password (and a two-factor code when enrolled) and opens a session.
///
/// After `max_failed_sign_ins` failures in a row an account is locked for `lockout_minutes`;
/// unknown addresses cost the same argon2 time as known ones.
pub async fn sign_in(state: &AppState, input: SignIn, client: &ClientInfo) -> AppResult<SignedIn> {
    let attempt = Attempt::new(state, client);
    attempt.check_address()?;
    let invalid = || AppError::Unauthenticated("invalid email or password".into());
    let Ok(email) = validate::email("email", &input.email) else {
        attempt.failed();
        return Err(invalid());
    };
    if input.password.chars().count() > crate::auth::password::MAX_LEN {
        attempt.failed();
        return Err(invalid());
    }
    let (user, hash) = find_with_password(&state.db, &email).await?;
    if let Some(user) = &user {
        check_not_locked(user, Utc::now())?;
    }
    let ok = state
        .passwords
        .verify(&input.password, hash.as_deref())
        .await?;
    let Some(user) = user else {
        attempt.failed();
        return Err(invalid());
    };
    if !ok {
        attempt.failed();
        record_failure(state, &user, "password").await?;
        return Err(invalid());
    }
    if state.settings.mode == Mode::Cloud && !user.email_verified {
        // In cloud mode an account signs in once its address is confirmed (the mailed link
        // signs in). Until then it answers, and counts, like a wrong password: otherwise
        // signing up and then in would tell whether the address was free.
        attempt.failed();
        record_failure(state, &user, "unverified").await?;
        return Err(invalid());
    }
    sessions::check_user_may_act(&user)?;
    let totp_step = check_totp_code(state, &attempt, &user, input.totp_code.as_deref()).await?;
    // An organization that requires single sign-on refuses its members' passwords.
    crate::sso::check_method(
        &state.db,
        &user,
        crate::sso::Method::Password,
        &state.settings,
    )
    .await?;
    open_session(state, &attempt, user, totp_step, client).await
}

/// One sign-in attempt from a client address: failures count against the address in the
/// sign-in throttle.
struct Attempt<'a> {
    state: &'a AppState,
    address: Option<std::net::IpAddr>,
}

impl<'a> Attempt<'a> {
    fn new(state: &'a AppState, client: &ClientInfo) -> Self {
        let address = client
            .ip_address
            .as_deref()
            .and_then(|ip| ip.parse::<std::net::IpAddr>().ok());
        Self { state, address }
    }

    /// `RATE_LIMITED` while the address has failed too often.
    fn check_address(&self) -> AppResult<()> {
        let Some(ip) = self.address else {
            return Ok(());
        };
        let Some(wait) = self
            .state
            .sign_in_throttle
            .retry_after(ip, std::time::Instant::now())
        else {
            return Ok(());
        };
        Err(AppError::RateLimited {
            message: format!(
                "too many failed sign-ins from this address; try again in {} minutes",
                wait.as_secs().div_ceil(60)
            ),
            retry_after_secs: Some(wait.as_secs()),
        })
    }

    /// Counts a failure against the address.
    fn failed(&self) {
        if let Some(ip) = self.address {
            self.state
                .sign_in_throttle
                .failed(ip, std::time::Instant::now());
        }
    }
}

/// The user of an address with the hash of its password account, if any.
async fn find_with_password(
    db: &impl ConnectionTrait,
    email: &str,
) -> AppResult<(Option<user::Model>, Option<String>)> {
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .find_also_related(account::Entity)
        .filter(account::Column::ProviderId.eq(CREDENTIAL_PROVIDER))
        .one(db)
        .await?;
    Ok(match found {
        Some((user, Some(account))) => (Some(user), account.password),
        Some((user, None)) => (Some(user), None),
        None => (None, None),
    })
}

/// `RATE_LIMITED` while the account is locked after too many failures.
fn check_not_locked(user: &user::Model, now: DateTime<Utc>) -> AppResult<()> {
    if let Some(until) = user.sign_in_locked_until
        && until > now
    {
        let minutes = (until - now).num_minutes() + 1;
        return Err(AppError::RateLimited {
            message: format!("too many failed sign-ins; try again in {minutes} minutes"),
            retry_after_secs: Some((until - now).num_seconds().max(1) as u64),
        });
    }
    Ok(())
}

/// For an account with two-factor on: checks the code and returns its time step, which must
/// be later than the last one used (a code works once).
async fn check_totp_code(
    state: &AppState,
    attempt: &Attempt<'_>,
    user: &user::Model,
    code: Option<&str>,
) -> AppResult<Option<i64>> {
    if !user.totp_enabled {
        return Ok(None);
    }
    let Some(code) = code.filter(|c| !c.trim().is_empty()) else {
        return Err(AppError::field("totpCode", "a two-factor code is required"));
    };
    let secret = open_totp_secret(state, user)?;
    match totp::check(&secret, &user.email, code)? {
        Some(step) if user.totp_last_step.is_none_or(|last| (step as i64) > last) => {
            Ok(Some(step as i64))
        }
        _ => {
            attempt.failed();
            record_failure(state, user, "totp").await?;
            Err(AppError::Unauthenticated("invalid two-factor code".into()))
        }
    }
}

/// Opens the session of a sign-in that passed: claims the TOTP step, clears the failure
/// count (and an expired ban), records the sign-in.
async fn open_session(
    state: &AppState,
    attempt: &Attempt<'_>,
    user: user::Model,
    totp_step: Option<i64>,
    client: &ClientInfo,
) -> AppResult<SignedIn> {
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    if let Some(step) = totp_step
        && !claim_totp_step(db, user.id, step).await?
    {
        // A concurrent sign-in used this code first.
        drop(tx);
        attempt.failed();
        record_failure(state, &user, "totp").await?;
        return Err(AppError::Unauthenticated("invalid two-factor code".into()));
    }
    let mut active: user::ActiveModel = user.clone().into();
    active.failed_sign_in_count = Set(0);
    active.sign_in_locked_until = Set(None);
    if user.banned {
        // The ban expired: lift it.
        active.banned = Set(false);
        active.ban_reason = Set(None);
        active.ban_expires = Set(None);
    }
    let user = active.update(db).await?;
    let (token, session) =
        sessions::create(db, user.id, state.settings.session_days, client, None).await?;
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.sign_in",
        json!({ "ip": client.ip_address }),
    )
    .await?;
    tx.commit().await?;
    Ok(SignedIn {
        token,
        user,
        session,
    })
}

/// Records that the TOTP code of `step` was used, if no code of this step or a later one was:
/// one conditional UPDATE, so that of two sign-ins racing with the same code exactly one
/// wins, on SQLite (writes serialize) and PostgreSQL (the second UPDATE re-checks the row
/// the first one committed). False when the code was used already.
async fn claim_totp_step(db: &impl ConnectionTrait, user_id: Uuid, step: i64) -> AppResult<bool> {
    let claimed = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Some(step).into())
        .filter(user::Column::Id.eq(user_id))
        .filter(
            sea_orm::Condition::any()
                .add(user::Column::TotpLastStep.is_null())
                .add(user::Column::TotpLastStep.lt(step)),
        )
        .exec(db)
        .await?
        .rows_affected;
    Ok(claimed == 1)
}

async fn record_failure(state: &AppState, user: &user::Model, reason: &str) -> AppResult<()> {
    let tx = Tx::begin(state).await?;
    let db = tx.conn();
    // Count in SQL, so concurrent failures are all counted.
    user::Entity::update_many()
        .col_expr(
            user::Column::FailedSignInCount,
            sea_orm::sea_query::ExprTrait::add(
                sea_orm::sea_query::Expr::col(user::Column::FailedSignInCount),
                1,
            ),
        )
        .filter(user::Column::Id.eq(user.id))
        .exec(db)
        .await?;
    let count = user::Entity::find_by_id(user.id)
        .one(db)
        .await?
        .map_or(0, |u| u.failed_sign_in_count);
    let locked = count >= state.settings.max_failed_sign_ins;
    if locked {
        let until = Utc::now() + Duration::minutes(state.settings.lockout_minutes);
        user::Entity::update_many()
            .col_expr(user::Column::FailedSignInCount, 0.into())
            .col_expr(user::Column::SignInLockedUntil, Some(until).into())
            .filter(user::Column::Id.eq(user.id))
            .exec(db)
            .await?;
    }
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.sign_in_failed",
        json!({ "reason": reason, "locked": locked }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends the caller's session.
pub async fn sign_out(state: &AppState, principal: &Principal) -> AppResult<()> {
    let session_id = principal.require_session()?;
    let tx = Tx::begin(state).await?;
    sessions::revoke(tx.conn(), session_id).await?;
    audit::record(&tx, principal, None, "user.sign_out", json!({})).await?;
    tx.commit().await?;
    Ok(())
}

/// The caller's live sessions, newest first.
pub async fn list_sessions(
    db: &impl ConnectionTrait,
    principal: &Principal,
) -> AppResult<Vec<session::Model>> {
    principal.require_own_session()?;
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(principal.user_id()))
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(session::Column::Id)
        .all(db)
        .await?)
}

/// The session making the request (`None` for API keys, or when it ended meanwhile).
pub async fn current_session(
    db: &impl ConnectionTrait,
    principal: &Principal,
) -> AppResult<Option<session::Model>> {
    let Some(id) = principal.session_id() else {
        return Ok(None);
    };
    Ok(session::Entity::find_by_id(id).one(db).await?)
}

/// Ends one of the caller's sessions; another user's session is not found.
pub async fn revoke_session(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    principal.require_own_session()?;
    let tx = Tx::begin(state).await?;
    let found = session::Entity::find_by_id(id)
        .filter(session::Column::UserId.eq(principal.user_id()))
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    sessions::revoke(tx.conn(), found.id).await?;
    audit::record(
        &tx,
        principal,
        None,
        "session.revoke",
        json!({ "sessionId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the caller's password after checking the current one. The user's other sessions
/// end (whoever else was signed in is out); API keys stay, because the user, signed in and
/// knowing the password, is in control, the keys are listed beside it to delete one by one,
/// and a routine change should not stop every integration. A reset, the way back in for
/// someone who lost control, revokes the keys too.
pub async fn change_password(
    state: &AppState,
    principal: &Principal,
    current: &str,
    new: &str,
) -> AppResult<()> {
    let session_id = principal.require_own_session()?;
    let account = credential_account(&state.db, principal.user_id()).await?;
    if !state
        .passwords
        .verify(current, account.password.as_deref())
        .await?
    {
        return Err(AppError::field(
            "currentPassword",
            "the current password is wrong",
        ));
    }
    check_policy("newPassword", new, &principal.user.email)?;
    let hash = state.passwords.hash(new).await?;
    let tx = Tx::begin(state).await?;
    set_password(tx.conn(), account, hash).await?;
    let ended = sessions::revoke_all(tx.conn(), principal.user_id(), Some(session_id)).await?;
    audit::record(
        &tx,
        principal,
        None,
        "user.change_password",
        json!({ "sessionsEnded": ended }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn credential_account(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<account::Model> {
    account::Entity::find()
        .filter(account::Column::UserId.eq(user_id))
        .filter(account::Column::ProviderId.eq(CREDENTIAL_PROVIDER))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn set_password(
    db: &impl ConnectionTrait,
    account: account::Model,
    hash: String,
) -> AppResult<()> {
    let mut active: account::ActiveModel = account.into();
    active.password = Set(Some(hash));
    active.updated_at = Set(Utc::now());
    active.update(db).await?;
    Ok(())
}

/// Stores a one-time token for `purpose` and returns it in clear. Older tokens of the same
/// purpose for the same user are dropped.
async fn issue_token(
    db: &impl ConnectionTrait,
    purpose: &str,
    user_id: Uuid,
    ttl: Duration,
) -> AppResult<String> {
    let identifier = format!("{purpose}:{user_id}");
    verification::Entity::delete_many()
        .filter(verification::Column::Identifier.eq(&identifier))
        .exec(db)
        .await?;
    let token = random_token(32);
    let now = Utc::now();
    verification::ActiveModel {
        id: Set(Uuid::now_v7()),
        identifier: Set(identifier),
        value: Set(hash_token(&token)),
        expires_at: Set(now + ttl),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Consumes a one-time token for `purpose`, returning the user it was for.
async fn consume_token(db: &impl ConnectionTrait, purpose: &str, token: &str) -> AppResult<Uuid> {
    let invalid = || AppError::field("token", "this link is invalid or has expired");
    let row = verification::Entity::find()
        .filter(verification::Column::Value.eq(hash_token(token.trim())))
        .one(db)
        .await?
        .ok_or_else(invalid)?;
    let user_id = row
        .identifier
        .strip_prefix(purpose)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(|id| Uuid::parse_str(id).ok())
        .ok_or_else(invalid)?;
    if row.expires_at <= Utc::now() {
        return Err(invalid());
    }
    verification::Entity::delete_by_id(row.id).exec(db).await?;
    Ok(user_id)
}

fn send_verification(state: &AppState, email: &str, token: &str) {
    let link = format!("{}/verify-email?token={token}", state.settings.base_url());
    state.mailer.send_later(Mail {
        to: email.to_owned(),
        subject: "Confirm your email address for Vigil".into(),
        body: format!(
            "Open this link to confirm your email address:\n\n{link}\n\nIt is valid for 3 days."
        ),
    });
}

/// Sends a new verification link to the caller.
pub async fn request_email_verification(state: &AppState, principal: &Principal) -> AppResult<()> {
    if principal.user.email_verified {
        return Err(AppError::invalid("this email address is already verified"));
    }
    let tx = Tx::begin(state).await?;
    let token = issue_token(
        tx.conn(),
        EMAIL_VERIFICATION,
        principal.user_id(),
        Duration::days(3),
    )
    .await?;
    audit::record(
        &tx,
        principal,
        None,
        "user.request_email_verification",
        json!({}),
    )
    .await?;
    tx.commit().await?;
    send_verification(state, &principal.user.email, &token);
    Ok(())
}

/// Marks the address of the token's user verified. In cloud mode, where sign-up opens no
/// session, the link also signs in (it proves the address, as a reset link does).
pub async fn verify_email(
    state: &AppState,
    token: &str,
    client: &ClientInfo,
) -> AppResult<(user::Model, Option<SignedIn>)> {
    let tx = Tx::begin(state).await?;
    let user_id = consume_token(tx.conn(), EMAIL_VERIFICATION, token).await?;
    let user = user::Entity::find_by_id(user_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: user::ActiveModel = user.into();
    active.email_verified = Set(true);
    active.updated_at = Set(Utc::now());
    let user = active.update(tx.conn()).await?;
    // A banned or deactivated account is confirmed but not signed in.
    let signed_in =
        if state.settings.mode == Mode::Cloud && sessions::check_user_may_act(&user).is_ok() {
            let (token, session) = sessions::create(
                tx.conn(),
                user.id,
                state.settings.session_days,
                client,
                None,
            )
            .await?;
            Some(SignedIn {
                token,
                user: user.clone(),
                session,
            })
        } else {
            None
        };
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.verify_email",
        json!({ "signedIn": signed_in.is_some() }),
    )
    .await?;
    tx.commit().await?;
    Ok((user, signed_in))
}

/// Mails a reset link when the address has an account. Says nothing either way.
pub async fn request_password_reset(state: &AppState, email: &str) -> AppResult<()> {
    let email = validate::email("email", email)?;
    let Some(user) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(&state.db)
        .await?
    else {
        return Ok(());
    };
    let tx = Tx::begin(state).await?;
    let token = issue_token(tx.conn(), PASSWORD_RESET, user.id, Duration::hours(1)).await?;
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.request_password_reset",
        json!({}),
    )
    .await?;
    tx.commit().await?;
    let link = format!("{}/reset-password?token={token}", state.settings.base_url());
    state.mailer.send_later(Mail {
        to: user.email,
        subject: "Reset your Vigil password".into(),
        body: format!(
            "Open this link to choose a new password:\n\n{link}\n\nIt is valid for one hour. Setting a new password signs out every session and deletes every API key of your account (make new keys afterwards). If you did not ask for this, ignore this mail."
        ),
    });
    Ok(())
}

/// Sets a new password with a reset token. A reset is how someone who lost control of the
/// account gets it back, so whatever an intruder may have left is revoked: every session and
/// every API key of the user. A lockout is lifted, and the address counts as confirmed (the
/// link reached it).
pub async fn reset_password(state: &AppState, token: &str, new: &str) -> AppResult<()> {
    // Check the token before hashing, so a bad token costs nothing.
    let row = verification::Entity::find()
        .filter(verification::Column::Value.eq(hash_token(token.trim())))
        .one(&state.db)
        .await?;
    let Some(row) = row.filter(|r| r.identifier.starts_with(PASSWORD_RESET)) else {
        return Err(AppError::field(
            "token",
            "this link is invalid or has expired",
        ));
    };
    let user_id = row
        .identifier
        .rsplit(':')
        .next()
        .and_then(|id| Uuid::parse_str(id).ok())
        .ok_or(AppError::NotFound)?;
    let user = user::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    check_policy("newPassword", new, &user.email)?;
    let hash = state.passwords.hash(new).await?;
    let tx = Tx::begin(state).await?;
    consume_token(tx.conn(), PASSWORD_RESET, token).await?;
    let account = credential_account(tx.conn(), user.id).await?;
    set_password(tx.conn(), account, hash).await?;
    let sessions_ended = sessions::revoke_all(tx.conn(), user.id, None).await?;
    let keys_deleted = crate::auth::apikey::revoke_all(tx.conn(), user.id).await?;
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerified, true.into())
        .col_expr(user::Column::FailedSignInCount, 0.into())
        .col_expr(
            user::Column::SignInLockedUntil,
            Option::<DateTime<Utc>>::None.into(),
        )
        .filter(user::Column::Id.eq(user.id))
        .exec(tx.conn())
        .await?;
    audit::record_for(
        &tx,
        Some(user.id),
        None,
        "user.reset_password",
        json!({ "sessionsEnded": sessions_ended, "apiKeysDeleted": keys_deleted }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn open_totp_secret(state: &AppState, user: &user::Model) -> AppResult<String> {
    let sealed = user
        .totp_secret
        .as_deref()
        .ok_or_else(|| AppError::invalid("two-factor authentication is not set up"))?;
    Ok(state.master_key.open(sealed, &Binding::totp(user.id))?)
}

/// A TOTP secret waiting for confirmation.
#[derive(Debug, Clone)]
pub struct TotpEnrolment {
    pub secret: String,
    pub uri: String,
}

/// Starts TOTP enrolment (the password is asked again). Nothing changes at sign-in until the
/// enrolment is confirmed with a code.
pub async fn enroll_totp(
    state: &AppState,
    principal: &Principal,
    password: &str,
) -> AppResult<TotpEnrolment> {
    principal.require_own_session()?;
    if principal.user.totp_enabled {
        return Err(AppError::invalid("two-factor authentication is already on"));
    }
    let account = credential_account(&state.db, principal.user_id()).await?;
    if !state
        .passwords
        .verify(password, account.password.as_deref())
        .await?
    {
        return Err(AppError::field("password", "the password is wrong"));
    }
    let secret = totp::generate_secret();
    let uri = totp::provisioning_url(&secret, &principal.user.email)?;
    let tx = Tx::begin(state).await?;
    user::Entity::update_many()
        .col_expr(
            user::Column::TotpSecret,
            Some(
                state
                    .master_key
                    .seal(&secret, &Binding::totp(principal.user_id()))?,
            )
            .into(),
        )
        .col_expr(user::Column::TotpEnabled, false.into())
        .col_expr(user::Column::TotpLastStep, Option::<i64>::None.into())
        .filter(user::Column::Id.eq(principal.user_id()))
        .exec(tx.conn())
        .await?;
    audit::record(&tx, principal, None, "user.totp_enroll", json!({})).await?;
    tx.commit().await?;
    Ok(TotpEnrolment { secret, uri })
}

/// Confirms enrolment with a valid code; from then on sign-in demands a code.
pub async fn confirm_totp(
    state: &AppState,
    principal: &Principal,
    code: &str,
) -> AppResult<user::Model> {
    principal.require_own_session()?;
    if principal.user.totp_enabled {
        return Err(AppError::invalid("two-factor authentication is already on"));
    }
    let secret = open_totp_secret(state, &principal.user)?;
    let Some(step) = totp::check(&secret, &principal.user.email, code)? else {
        return Err(AppError::field("code", "the code is wrong or has expired"));
    };
    let tx = Tx::begin(state).await?;
    let mut active: user::ActiveModel = principal.user.clone().into();
    active.totp_enabled = Set(true);
    active.totp_last_step = Set(Some(step as i64));
    active.updated_at = Set(Utc::now());
    let user = active.update(tx.conn()).await?;
    audit::record(&tx, principal, None, "user.totp_enable", json!({})).await?;
    tx.commit().await?;
    Ok(user)
}

/// Turns two-factor authentication off (the password is asked again).
pub async fn disable_totp(
    state: &AppState,
    principal: &Principal,
    password: &str,
) -> AppResult<user::Model> {
    principal.require_own_session()?;
    let account = credential_account(&state.db, principal.user_id()).await?;
    if !state
        .passwords
        .verify(password, account.password.as_deref())
        .await?
    {
        return Err(AppError::field("password", "the password is wrong"));
    }
    let tx = Tx::begin(state).await?;
    let mut active: user::ActiveModel = principal.user.clone().into();
    active.totp_enabled = Set(false);
    active.totp_secret = Set(None);
    active.totp_last_step = Set(None);
    active.updated_at = Set(Utc::now());
    let user = active.update(tx.conn()).await?;
    audit::record(&tx, principal, None, "user.totp_disable", json!({})).await?;
    tx.commit().await?;
    Ok(user)
}

/// Updates the caller's profile.
pub async fn update_profile(
    state: &AppState,
    principal: &Principal,
    name: Option<String>,
    image: Option<String>,
) -> AppResult<user::Model> {
    principal.may_write()?;
    let tx = Tx::begin(state).await?;
    let mut active: user::ActiveModel = principal.user.clone().into();
    if let Some(name) = name {
        active.name = Set(validate::name("name", &name)?);
    }
    if let Some(image) = image {
        active.image = Set(validate::text("image", Some(&image), 2048)?);
    }
    active.updated_at = Set(Utc::now());
    let user = active.update(tx.conn()).await?;
    audit::record(&tx, principal, None, "user.update_profile", json!({})).await?;
    tx.commit().await?;
    Ok(user)
}

/// Users by id, one statement.
pub async fn users(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, user::Model>> {
    let rows = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| (u.id, u)).collect())
}

/// Which accounts to list.
#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    /// Part of the name or email, any case (at most 200 characters).
    pub search: Option<String>,
    pub banned: Option<bool>,
}

/// Every account, oldest first (system administrators only).
pub async fn list_users(
    state: &AppState,
    admin: &Principal,
    filter: UserFilter,
    request: PageRequest,
) -> AppResult<Rows<user::Model>> {
    use sea_orm::sea_query::{Expr, ExprTrait, Func};
    admin.system_admin()?;
    let mut query = user::Entity::find();
    if let Some(search) = validate::text("search", filter.search.as_deref(), 200)? {
        let pattern = format!("%{}%", search.to_lowercase());
        query = query.filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(user::Column::Email))).like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(pattern)),
        );
    }
    if let Some(banned) = filter.banned {
        query = query.filter(user::Column::Banned.eq(banned));
    }
    page::read(&state.db, query, user::Column::Id, Order::Asc, request).await
}

/// Changes a user as a system administrator, in one transaction with its audit row.
async fn admin_change(
    state: &AppState,
    admin: &Principal,
    user_id: Uuid,
    action: &str,
    details: serde_json::Value,
    change: impl FnOnce(&mut user::ActiveModel),
) -> AppResult<(Tx, user::Model)> {
    admin.system_admin()?;
    let tx = Tx::begin(state).await?;
    let user = user::Entity::find_by_id(user_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: user::ActiveModel = user.into();
    change(&mut active);
    active.updated_at = Set(Utc::now());
    let user = active.update(tx.conn()).await?;
    audit::record(&tx, admin, None, action, details).await?;
    Ok((tx, user))
}

/// Bans a user (until `expires_at`, or for good) and ends their sessions.
pub async fn ban(
    state: &AppState,
    admin: &Principal,
    user_id: Uuid,
    reason: Option<String>,
    expires_at: Option<DateTime<Utc>>,
) -> AppResult<user::Model> {
    admin.system_admin()?;
    if user_id == admin.user_id() {
        return Err(AppError::field("userId", "you cannot ban yourself"));
    }
    if expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(AppError::field("expiresAt", "must be in the future"));
    }
    let reason = validate::text("reason", reason.as_deref(), 1000)?;
    let details = json!({ "userId": user_id, "reason": reason, "expiresAt": expires_at });
    let (tx, user) = admin_change(state, admin, user_id, "admin.ban_user", details, |u| {
        u.banned = Set(true);
        u.ban_reason = Set(reason);
        u.ban_expires = Set(expires_at);
    })
    .await?;
    sessions::revoke_all(tx.conn(), user_id, None).await?;
    tx.commit().await?;
    Ok(user)
}

/// Lifts a ban.
pub async fn unban(state: &AppState, admin: &Principal, user_id: Uuid) -> AppResult<user::Model> {
    let (tx, user) = admin_change(
        state,
        admin,
        user_id,
        "admin.unban_user",
        json!({ "userId": user_id }),
        |u| {
            u.banned = Set(false);
            u.ban_reason = Set(None);
            u.ban_expires = Set(None);
        },
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}

/// Sets a user's system role.
pub async fn set_role(
    state: &AppState,
    admin: &Principal,
    user_id: Uuid,
    role: UserRole,
) -> AppResult<user::Model> {
    if user_id == admin.user_id() && role != UserRole::Admin {
        return Err(AppError::field(
            "userId",
            "you cannot remove your own administrator role",
        ));
    }
    let details = json!({ "userId": user_id, "role": format!("{role:?}") });
    let (tx, user) = admin_change(state, admin, user_id, "admin.set_role", details, |u| {
        u.role = Set(role)
    })
    .await?;
    tx.commit().await?;
    Ok(user)
}

/// Opens a session as another user, recorded with the administrator in
/// `session.impersonated_by`. Administrators cannot be impersonated.
pub async fn impersonate(
    state: &AppState,
    admin: &Principal,
    user_id: Uuid,
    client: &ClientInfo,
) -> AppResult<SignedIn> {
    admin.system_admin()?;
    admin.require_session()?;
    let target = user::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if target.role == UserRole::Admin {
        return Err(AppError::Forbidden(
            "administrators cannot be impersonated".into(),
        ));
    }
    sessions::check_user_may_act(&target)?;
    let tx = Tx::begin(state).await?;
    // Impersonation sessions are short: one hour.
    let (token, mut session) =
        sessions::create(tx.conn(), target.id, 1, client, Some(admin.user_id())).await?;
    let expires = Utc::now() + Duration::hours(1);
    session::Entity::update_many()
        .col_expr(session::Column::ExpiresAt, expires.into())
        .filter(session::Column::Id.eq(session.id))
        .exec(tx.conn())
        .await?;
    session.expires_at = expires;
    audit::record(
        &tx,
        admin,
        None,
        "admin.impersonate",
        json!({ "userId": user_id, "sessionId": session.id }),
    )
    .await?;
    tx.commit().await?;
    Ok(SignedIn {
        token,
        user: target,
        session,
    })
}

/// Ends an impersonation session.
///
/// `kept` is the administrator's own session token the browser kept aside: it is returned when
/// it is still a live session of the administrator who started this impersonation (and not an
/// impersonation itself), so that the browser gets it back; anything else gives `None`.
pub async fn stop_impersonating(
    state: &AppState,
    principal: &Principal,
    kept: Option<&str>,
) -> AppResult<Option<String>> {
    let session_id = principal.require_session()?;
    if principal.actor_id() == principal.user_id() {
        return Err(AppError::invalid("this session is not an impersonation"));
    }
    let tx = Tx::begin(state).await?;
    sessions::revoke(tx.conn(), session_id).await?;
    audit::record(&tx, principal, None, "admin.stop_impersonating", json!({})).await?;
    tx.commit().await?;
    let Some(token) = kept else {
        return Ok(None);
    };
    let restored = match crate::auth::principal::authenticate(state, token).await {
        Ok(admin)
            if admin.require_session().is_ok()
                && admin.actor_id() == admin.user_id()
                && admin.user_id() == principal.actor_id()
                && admin.system_admin().is_ok() =>
        {
            Some(token.to_owned())
        }
        _ => None,
    };
    Ok(restored)
}

/// Remembers the organization and project the caller works in, on their session.
pub async fn set_active(
    state: &AppState,
    principal: &Principal,
    organization_id: Option<Uuid>,
    project_id: Option<Uuid>,
) -> AppResult<session::Model> {
    let session_id = principal.require_session()?;
    let mut org = organization_id;
    if let Some(pid) = project_id {
        let access = principal
            .project(&state.db, pid, crate::auth::Level::Viewer)
            .await?;
        if org.is_some_and(|o| o != access.project.organization_id) {
            return Err(AppError::field(
                "projectId",
                "the project is not in this organization",
            ));
        }
        org = Some(access.project.organization_id);
    } else if let Some(oid) = org {
        principal
            .org(&state.db, oid, crate::auth::Level::Viewer)
            .await?;
    }
    let tx = Tx::begin(state).await?;
    let session = session::Entity::find_by_id(session_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: session::ActiveModel = session.into();
    active.active_organization_id = Set(org);
    active.active_project_id = Set(project_id);
    active.updated_at = Set(Utc::now());
    let session = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        org,
        "session.set_active",
        json!({ "organizationId": org, "projectId": project_id }),
    )
    .await?;
    tx.commit().await?;
    Ok(session)
}
