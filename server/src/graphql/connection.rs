//! Relay connections over keyset pagination on the (time-ordered, UUIDv7) primary key.

use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

use crate::error::{AppError, AppResult};
use crate::graphql::context::CtxExt;
use crate::validate;

/// Fields every connection adds to Relay's.
#[derive(SimpleObject)]
pub struct Counted {
    /// Number of items across all pages.
    pub total_count: u64,
}

/// A Relay connection with `totalCount`.
pub type Page<T> = Connection<String, T, Counted>;

/// Encodes a row id as an opaque cursor.
pub fn encode_cursor(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

/// Decodes a cursor made by [`encode_cursor`].
pub fn decode_cursor(cursor: &str) -> AppResult<Uuid> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| Uuid::from_slice(&bytes).ok())
        .ok_or_else(|| AppError::field("after", "is not a valid cursor"))
}

/// Sort direction of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

/// Runs `select` one page at a time: `first` rows (50 by default, at most 200) after the
/// cursor, plus one to know whether more follow. `totalCount` is counted only when asked for.
#[allow(clippy::too_many_arguments)] // the Relay arguments plus the keyset, spelled out at each call
pub async fn paginate<E, N>(
    ctx: &Context<'_>,
    select: Select<E>,
    id_col: E::Column,
    order: Order,
    first: Option<i32>,
    after: Option<String>,
    id_of: impl Fn(&E::Model) -> Uuid,
    map: impl Fn(E::Model) -> N,
) -> AppResult<Page<N>>
where
    E: EntityTrait,
    E::Model: Sync,
    N: OutputType,
{
    let db = &ctx.state().db;
    let limit = validate::page_size(first)?;
    let total_count = if ctx.look_ahead().field("totalCount").exists() {
        select.clone().count(db).await?
    } else {
        0
    };
    let mut query = select;
    if let Some(after) = after.as_deref() {
        let cursor = decode_cursor(after)?;
        query = match order {
            Order::Asc => query.filter(id_col.gt(cursor)),
            Order::Desc => query.filter(id_col.lt(cursor)),
        };
    }
    query = match order {
        Order::Asc => query.order_by_asc(id_col),
        Order::Desc => query.order_by_desc(id_col),
    };
    let mut rows = query.limit(limit + 1).all(db).await?;
    let has_next = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let mut connection =
        Connection::with_additional_fields(after.is_some(), has_next, Counted { total_count });
    connection.edges = rows
        .into_iter()
        .map(|row| Edge::new(encode_cursor(id_of(&row)), map(row)))
        .collect();
    Ok(connection)
}
