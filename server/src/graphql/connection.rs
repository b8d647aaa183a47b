//! Relay connections over keyset pagination on the (time-ordered, UUIDv7) primary key.

use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

use crate::db::page::{PageRequest, Rows};
use crate::error::{AppError, AppResult};
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

/// The page a connection field asks for: `first` rows (50 by default, at most 200) after the
/// cursor; `totalCount` is counted only when the query selects it.
pub fn page_request(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<&str>,
) -> AppResult<PageRequest> {
    Ok(PageRequest {
        limit: validate::page_size(first)?,
        after: after.map(decode_cursor).transpose()?,
        count: ctx.look_ahead().field("totalCount").exists(),
    })
}

/// Wraps a page of a domain's rows as a connection, each row mapped to its API object.
pub fn connection<M, N: OutputType>(
    request: PageRequest,
    page: Rows<M>,
    id_of: impl Fn(&M) -> Uuid,
    map: impl Fn(M) -> N,
) -> Page<N> {
    let mut connection = Connection::with_additional_fields(
        request.after.is_some(),
        page.has_next,
        Counted {
            total_count: page.total,
        },
    );
    connection.edges = page
        .rows
        .into_iter()
        .map(|row| Edge::new(encode_cursor(id_of(&row)), map(row)))
        .collect();
    connection
}
