//! The one error type of the domain layer, mapped to GraphQL `extensions.code` and HTTP status.

use async_graphql::ErrorExtensions;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::{DbErr, SqlErr};

/// Every failure a domain function can report.
///
/// It deliberately does not implement `Display`: async-graphql converts any `Display` type
/// into an error without extensions, and every error must carry its `extensions.code`. The
/// conversion below is the only way to the client.
#[derive(Debug)]
pub enum AppError {
    NotFound,
    Forbidden(String),
    Unauthenticated(String),
    Validation {
        field: Option<String>,
        message: String,
    },
    Conflict(String),
    RateLimited {
        message: String,
        retry_after_secs: Option<u64>,
    },
    /// A plan limit reached, said only in words (the spending hard stop builds these until it
    /// moves to [`AppError::PlanLimitReached`]).
    PlanLimit(String),
    /// A plan limit reached, with the limit, the current use, the plan's maximum and the plan
    /// (`extensions.limit`, `current`, `max`, `plan`).
    PlanLimitReached(Box<PlanLimitError>),
    Internal(anyhow::Error),
    Db(DbErr),
    /// The database cannot be reached (stopped, restarting, every connection of the pool
    /// busy past its acquire timeout): HTTP 503 with `Retry-After`, nothing written.
    Unavailable(DbErr),
}

/// Seconds a client is told to wait after [`AppError::Unavailable`].
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

/// Whether `err` says the database could not be reached, rather than that a statement failed:
/// no connection within the pool's acquire timeout, a refused or reset connection, or a server
/// that is shutting down or starting up (SQLSTATE class 08, 57P01-57P03).
pub fn is_unreachable(err: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as Sqlx;
    match err {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(runtime) | DbErr::Exec(runtime) | DbErr::Query(runtime) => match runtime {
            RuntimeErr::SqlxError(err) => match err.as_ref() {
                Sqlx::Io(_) | Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::WorkerCrashed => true,
                Sqlx::Database(db) => db.code().is_some_and(|code| {
                    code.starts_with("08") || matches!(code.as_ref(), "57P01" | "57P02" | "57P03")
                }),
                _ => false,
            },
            _ => false,
        },
        _ => false,
    }
}

/// What a refused action reports about the plan limit it reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLimitError {
    /// A stable upper-case name: a `PlanLimitKind` (`MONITORS`, `PROJECTS`, ...) or the name of
    /// a limit that is not counted (`MIN_CHECK_INTERVAL`, `CUSTOM_DOMAINS`, ...).
    pub limit: String,
    /// The use now (for `MIN_CHECK_INTERVAL` the interval asked for, in minutes).
    pub current: i64,
    /// What the plan allows (for `MIN_CHECK_INTERVAL` the shortest interval, in minutes).
    pub max: i64,
    /// The organization's plan.
    pub plan: String,
    /// A sentence a person can act on: which limit, the plan, what to do.
    pub message: String,
}

impl From<PlanLimitError> for AppError {
    fn from(err: PlanLimitError) -> Self {
        AppError::PlanLimitReached(Box::new(err))
    }
}

impl From<anyhow::Error> for AppError {
    fn from(err: anyhow::Error) -> Self {
        AppError::Internal(err)
    }
}

/// Shorthand for domain results.
pub type AppResult<T> = Result<T, AppError>;

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                AppError::Conflict("a record with these values already exists".into())
            }
            _ if is_unreachable(&err) => AppError::Unavailable(err),
            _ => AppError::Db(err),
        }
    }
}

impl AppError {
    /// A validation error on one input field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Validation {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    /// A validation error not tied to a single field.
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Validation {
            field: None,
            message: message.into(),
        }
    }

    pub fn forbidden() -> Self {
        AppError::Forbidden("you do not have permission to do this".into())
    }

    pub fn unauthenticated() -> Self {
        AppError::Unauthenticated("sign in first".into())
    }

    /// Whether this is a plan limit (`PLAN_LIMIT`), with or without its figures.
    pub fn is_plan_limit(&self) -> bool {
        matches!(self, AppError::PlanLimit(_) | AppError::PlanLimitReached(_))
    }

    /// The limit's figures, for a structured plan limit.
    pub fn plan_limit(&self) -> Option<&PlanLimitError> {
        match self {
            AppError::PlanLimitReached(limit) => Some(limit),
            _ => None,
        }
    }

    /// Seconds after which trying again may succeed (`Retry-After`, `extensions.retryAfter`).
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::RateLimited {
                retry_after_secs, ..
            } => *retry_after_secs,
            AppError::Unavailable(_) => Some(UNAVAILABLE_RETRY_AFTER_SECS),
            _ => None,
        }
    }

    /// The `extensions.code` of docs/api.md.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "NOT_FOUND",
            AppError::Forbidden(_) => "FORBIDDEN",
            AppError::Unauthenticated(_) => "UNAUTHENTICATED",
            AppError::Validation { .. } => "BAD_USER_INPUT",
            AppError::Conflict(_) => "CONFLICT",
            AppError::RateLimited { .. } => "RATE_LIMITED",
            AppError::PlanLimit(_) | AppError::PlanLimitReached(_) => "PLAN_LIMIT",
            AppError::Internal(_) | AppError::Db(_) => "INTERNAL",
            AppError::Unavailable(_) => "UNAVAILABLE",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            AppError::Validation { .. } => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PlanLimit(_) | AppError::PlanLimitReached(_) => StatusCode::PAYMENT_REQUIRED,
            AppError::Internal(_) | AppError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The message a client may see. Internal errors are logged with their chain and reach the
    /// client as a plain sentence, never SQL or a backtrace.
    pub fn public_message(&self) -> String {
        match self {
            AppError::Internal(err) => {
                tracing::error!(error = format!("{err:#}"), "internal error");
                "internal error".into()
            }
            AppError::Db(err) => {
                tracing::error!(error = %err, "database error");
                "internal error".into()
            }
            AppError::Unavailable(err) => {
                tracing::warn!(error = %err, "database unreachable");
                "the database cannot be reached right now; try again in a few seconds".into()
            }
            AppError::NotFound => "not found".into(),
            AppError::PlanLimitReached(limit) => limit.message.clone(),
            AppError::Forbidden(m)
            | AppError::Unauthenticated(m)
            | AppError::Conflict(m)
            | AppError::PlanLimit(m)
            | AppError::Validation { message: m, .. }
            | AppError::RateLimited { message: m, .. } => m.clone(),
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        let code = err.code();
        let field = match &err {
            AppError::Validation { field, .. } => field.clone(),
            _ => None,
        };
        let retry_after = err.retry_after();
        let limit = err.plan_limit().cloned();
        async_graphql::Error::new(err.public_message()).extend_with(|_, ext| {
            ext.set("code", code);
            if let Some(limit) = &limit {
                ext.set("limit", limit.limit.as_str());
                ext.set("current", limit.current);
                ext.set("max", limit.max);
                ext.set("plan", limit.plan.as_str());
            }
            if let Some(field) = &field {
                ext.set("field", field.as_str());
            }
            if let Some(secs) = retry_after {
                ext.set("retryAfter", secs);
            }
        })
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let retry_after = self.retry_after();
        let mut error =
            serde_json::json!({ "code": self.code(), "message": self.public_message() });
        if let Some(limit) = self.plan_limit() {
            error["limit"] = limit.limit.clone().into();
            error["current"] = limit.current.into();
            error["max"] = limit.max.into();
            error["plan"] = limit.plan.clone().into();
        }
        let body = serde_json::json!({ "error": error });
        let mut response = (status, axum::Json(body)).into_response();
        if let Some(secs) = retry_after
            && let Ok(value) = secs.to_string().parse()
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, value);
        }
        response
    }
}

impl From<AppError> for anyhow::Error {
    fn from(err: AppError) -> Self {
        match err {
            AppError::Internal(inner) => inner,
            AppError::Db(db) => anyhow::Error::new(db),
            other => anyhow::anyhow!("{}: {}", other.code(), other.public_message()),
        }
    }
}
