//! Keyset pagination on the (time-ordered, UUIDv7) primary key: what every list read of a
//! domain returns, and what the API turns into a Relay connection.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use uuid::Uuid;

use crate::error::AppResult;

/// Sort direction of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

/// Which page of a list to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Rows per page.
    pub limit: u64,
    /// The id of the last row of the previous page.
    pub after: Option<Uuid>,
    /// Whether to count the rows of every page (one more statement).
    pub count: bool,
}

/// One page of rows.
#[derive(Debug)]
pub struct Rows<M> {
    pub rows: Vec<M>,
    /// Whether rows follow this page.
    pub has_next: bool,
    /// Rows across all pages, when asked for (0 otherwise).
    pub total: u64,
}

/// Reads one page of `select`: `request.limit` rows after the cursor, plus one to know
/// whether more follow.
pub async fn read<E>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    id: E::Column,
    order: Order,
    request: PageRequest,
) -> AppResult<Rows<E::Model>>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let total = if request.count {
        select.clone().count(db).await?
    } else {
        0
    };
    let mut query = select;
    if let Some(after) = request.after {
        query = match order {
            Order::Asc => query.filter(id.gt(after)),
            Order::Desc => query.filter(id.lt(after)),
        };
    }
    query = match order {
        Order::Asc => query.order_by_asc(id),
        Order::Desc => query.order_by_desc(id),
    };
    let mut rows = query.limit(request.limit + 1).all(db).await?;
    let has_next = rows.len() as u64 > request.limit;
    rows.truncate(usize::try_from(request.limit).unwrap_or(usize::MAX));
    Ok(Rows {
        rows,
        has_next,
        total,
    })
}
