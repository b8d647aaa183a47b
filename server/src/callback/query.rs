//! Reading callbacks and what they did: lists of callbacks, triggers, executions and stored
//! payloads, trigger figures, and the batch loads behind the API's nested fields (a callback's
//! actions, a trigger's executions), each in a fixed number of statements whatever the number
//! of parents.

use std::collections::HashMap;

use chrono::Utc;
use entity::{
    action_executions, actions, callback_logs, callbacks, queue_messages, stored_payloads,
};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::db::partition;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Callbacks of a project the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<callbacks::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let query = callbacks::Entity::find().filter(callbacks::Column::ProjectId.eq(project_id));
    page::read(&state.db, query, callbacks::Column::Id, Order::Asc, request).await
}

/// Which triggers of a callback to list.
#[derive(Debug, Default, Clone)]
pub struct LogFilter {
    pub success: Option<bool>,
    /// Exact event name (`forwarded`, `cache_hit`, ...).
    pub event: Option<String>,
}

/// Triggers of a callback the caller may view, newest first.
pub async fn logs(
    state: &AppState,
    principal: &Principal,
    callback_id: Uuid,
    filter: LogFilter,
    request: PageRequest,
) -> AppResult<Rows<callback_logs::Model>> {
    super::find(state, principal, callback_id, Level::Viewer).await?;
    logs_of(&state.db, callback_id, filter, request).await
}

/// Triggers of a callback already known to be visible (a field of it), newest first.
pub async fn logs_of(
    db: &impl ConnectionTrait,
    callback_id: Uuid,
    filter: LogFilter,
    request: PageRequest,
) -> AppResult<Rows<callback_logs::Model>> {
    let mut query =
        callback_logs::Entity::find().filter(callback_logs::Column::CallbackId.eq(callback_id));
    if let Some(success) = filter.success {
        query = query.filter(callback_logs::Column::Success.eq(success));
    }
    if let Some(event) = filter.event {
        query = query.filter(callback_logs::Column::Event.eq(event));
    }
    page::read(db, query, callback_logs::Column::Id, Order::Desc, request).await
}

/// One trigger by id, for the live log (whose subscription checked access).
pub async fn log(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<callback_logs::Model>> {
    Ok(callback_logs::Entity::find_by_id(id).one(db).await?)
}

/// Executions of a callback's actions (or of one of its triggers) the caller may view,
/// newest first.
pub async fn executions(
    state: &AppState,
    principal: &Principal,
    callback_id: Uuid,
    log_id: Option<Uuid>,
    request: PageRequest,
) -> AppResult<Rows<action_executions::Model>> {
    super::find(state, principal, callback_id, Level::Viewer).await?;
    executions_of(&state.db, callback_id, log_id, request).await
}

/// Executions of a callback already known to be visible (or of one of its triggers), newest
/// first.
pub async fn executions_of(
    db: &impl ConnectionTrait,
    callback_id: Uuid,
    log_id: Option<Uuid>,
    request: PageRequest,
) -> AppResult<Rows<action_executions::Model>> {
    let mut query = action_executions::Entity::find()
        .filter(action_executions::Column::CallbackId.eq(callback_id));
    if let Some(log_id) = log_id {
        query = query.filter(action_executions::Column::CallbackLogId.eq(log_id));
    }
    page::read(
        db,
        query,
        action_executions::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// Which stored payloads of a project to list.
#[derive(Debug, Default, Clone)]
pub struct PayloadFilter {
    pub callback_id: Option<Uuid>,
    /// Exact key.
    pub key: Option<String>,
}

/// Payloads kept by STORE actions of a project the caller may view, newest first.
pub async fn payloads(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    filter: PayloadFilter,
    request: PageRequest,
) -> AppResult<Rows<stored_payloads::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let mut query =
        stored_payloads::Entity::find().filter(stored_payloads::Column::ProjectId.eq(project_id));
    if let Some(id) = filter.callback_id {
        query = query.filter(stored_payloads::Column::CallbackId.eq(id));
    }
    if let Some(key) = filter.key {
        query = query.filter(stored_payloads::Column::Key.eq(key));
    }
    page::read(
        &state.db,
        query,
        stored_payloads::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// Which queue messages to list.
#[derive(Debug, Default)]
pub struct QueueFilter {
    /// Exact queue name.
    pub queue: Option<String>,
    /// Messages a callback's QUEUE actions added.
    pub callback_id: Option<Uuid>,
    pub status: Option<queue_messages::QueueMessageStatus>,
}

/// Messages of a project's queues the caller may view, newest first, as they are: listing
/// them takes none (pulling does).
pub async fn queue_messages(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    filter: QueueFilter,
    request: PageRequest,
) -> AppResult<Rows<queue_messages::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let mut query =
        queue_messages::Entity::find().filter(queue_messages::Column::ProjectId.eq(project_id));
    if let Some(queue) = filter.queue {
        query = query.filter(queue_messages::Column::Queue.eq(queue));
    }
    if let Some(id) = filter.callback_id {
        query = query.filter(queue_messages::Column::CallbackId.eq(id));
    }
    if let Some(status) = filter.status {
        query = query.filter(queue_messages::Column::Status.eq(status));
    }
    page::read(
        &state.db,
        query,
        queue_messages::Column::Id,
        Order::Desc,
        request,
    )
    .await
}

/// The actions of each callback in pipeline order (by `order`, then oldest first), one
/// statement.
pub async fn actions(
    db: &impl ConnectionTrait,
    callback_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<actions::Model>>> {
    let rows = actions::Entity::find()
        .filter(actions::Column::CallbackId.is_in(callback_ids.to_vec()))
        .order_by_asc(actions::Column::Order)
        .order_by_asc(actions::Column::Id)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<actions::Model>> =
        callback_ids.iter().map(|k| (*k, Vec::new())).collect();
    for row in rows {
        out.entry(row.callback_id).or_default().push(row);
    }
    Ok(out)
}

/// The executions of each trigger by step (then oldest first), one statement.
pub async fn log_executions(
    db: &impl ConnectionTrait,
    log_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<action_executions::Model>>> {
    let rows = action_executions::Entity::find()
        .filter(action_executions::Column::CallbackLogId.is_in(log_ids.to_vec()))
        .order_by_asc(action_executions::Column::Step)
        .order_by_asc(action_executions::Column::Id)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<action_executions::Model>> =
        log_ids.iter().map(|k| (*k, Vec::new())).collect();
    for row in rows {
        out.entry(row.callback_log_id).or_default().push(row);
    }
    Ok(out)
}

/// Longest window of trigger figures, in hours (90 days).
pub const MAX_STATS_HOURS: i32 = 24 * 90;

/// Figures of a callback's triggers over the last `hours`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub total: u64,
    pub successful: u64,
    pub avg_response_ms: Option<i64>,
    pub p95_response_ms: Option<i32>,
}

/// Counts, success and response-time figures of a callback already known to be visible over
/// the last `hours` (1 to [`MAX_STATS_HOURS`]), in two statements whatever the number of
/// triggers.
pub async fn stats(db: &impl ConnectionTrait, callback_id: Uuid, hours: i32) -> AppResult<Stats> {
    if !(1..=MAX_STATS_HOURS).contains(&hours) {
        return Err(AppError::field(
            "hours",
            format!("must be between 1 and {MAX_STATS_HOURS}"),
        ));
    }
    let since = Utc::now() - chrono::Duration::hours(i64::from(hours));
    let base = || {
        callback_logs::Entity::find()
            .filter(callback_logs::Column::CallbackId.eq(callback_id))
            .filter(callback_logs::Column::CreatedAt.gte(since))
            .filter(partition::ids_within(
                db,
                callback_logs::Column::Id,
                Some(since),
                None,
            ))
    };
    let (total, successful, timed, sum): (i64, Option<i64>, i64, Option<i64>) = base()
        .select_only()
        .column_as(
            Expr::expr(Func::count(Expr::col(callback_logs::Column::Id))),
            "total",
        )
        .column_as(
            Expr::expr(
                Func::cust("SUM")
                    .arg(Expr::case(callback_logs::Column::Success.eq(true), 1).finally(0)),
            ),
            "successful",
        )
        .column_as(
            Expr::expr(Func::count(Expr::col(callback_logs::Column::ResponseTime))),
            "timed",
        )
        .column_as(
            Expr::expr(Func::cust("SUM").arg(Expr::col(callback_logs::Column::ResponseTime))),
            "sum",
        )
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((0, None, 0, None));
    let p95 = if timed > 0 {
        let offset = u64::try_from(((timed as f64) * 0.95).ceil() as i64 - 1).unwrap_or(0);
        base()
            .select_only()
            .column(callback_logs::Column::ResponseTime)
            .filter(callback_logs::Column::ResponseTime.is_not_null())
            .order_by_asc(callback_logs::Column::ResponseTime)
            .offset(offset)
            .limit(1)
            .into_tuple::<Option<i32>>()
            .one(db)
            .await?
            .flatten()
    } else {
        None
    };
    Ok(Stats {
        total: u64::try_from(total).unwrap_or(0),
        successful: u64::try_from(successful.unwrap_or(0)).unwrap_or(0),
        avg_response_ms: (timed > 0).then(|| sum.unwrap_or(0) / timed),
        p95_response_ms: p95,
    })
}
