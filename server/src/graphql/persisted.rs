//! Automatic persisted queries, as Apollo clients send them, and the rule that `GET` runs
//! queries only, which persisted queries would otherwise get around.
//!
//! A client sends `extensions.persistedQuery: {version: 1, sha256Hash}` without the query; the
//! first time Vigil answers `PersistedQueryNotFound` and the client sends the query with its
//! hash, which async-graphql's `ApolloPersistedQueries` checks (a hash that is not the query's
//! SHA-256 is refused) and keeps; later the hash alone is enough, by POST or GET. The
//! documents are kept by [`Store`], bounded by their estimated size rather than by their
//! number: documents may be up to the request body limit each, and a flood of distinct
//! queries must not grow the process. The store is per process and holds only parsed query
//! text, which anyone who knows its hash already knows: no caller's data, no tenancy.

use std::sync::Arc;

use async_graphql::extensions::apollo_persisted_queries::CacheStorage;
use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{
    Directive, ExecutableDocument, OperationType, Selection, SelectionSet,
};
use async_graphql::{Positioned, ServerError, ServerResult, Variables};
use moka::sync::Cache;

/// Estimated bytes of parsed documents the store keeps (docs/api.md: persisted queries).
pub const MAX_STORE_BYTES: u64 = 16 * 1024 * 1024;
/// A document estimated larger than this is answered but not kept: a client sends it in full
/// each time, as it would to a server without persisted queries.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024;

/// The persisted documents, by the hex SHA-256 of their text; cheap to clone.
#[derive(Clone)]
pub struct Store(Cache<String, Arc<ExecutableDocument>>);

impl Default for Store {
    fn default() -> Self {
        Self::new(MAX_STORE_BYTES)
    }
}

impl Store {
    /// A store of at most `max_bytes` of documents (estimated).
    pub fn new(max_bytes: u64) -> Self {
        Self(
            Cache::builder()
                .max_capacity(max_bytes)
                .weigher(|key: &String, document: &Arc<ExecutableDocument>| {
                    let bytes = key.len() as u64 + estimated_bytes(document);
                    u32::try_from(bytes).unwrap_or(u32::MAX)
                })
                .build(),
        )
    }

    /// Estimated bytes held, after pending evictions are applied.
    pub fn weighted_size(&self) -> u64 {
        self.0.run_pending_tasks();
        self.0.weighted_size()
    }
}

#[async_graphql::async_trait::async_trait]
impl CacheStorage for Store {
    async fn get(&self, key: String) -> Option<ExecutableDocument> {
        self.0.get(&key).map(|document| (*document).clone())
    }

    async fn set(&self, key: String, query: ExecutableDocument) {
        if estimated_bytes(&query) <= MAX_DOCUMENT_BYTES {
            self.0.insert(key, Arc::new(query));
        }
    }
}

/// Roughly the memory a parsed document holds: a few hundred bytes per selection, directive
/// and variable, and the text of argument and default values.
fn estimated_bytes(document: &ExecutableDocument) -> u64 {
    let operations: u64 = document
        .operations
        .iter()
        .map(|(_, op)| {
            let op = &op.node;
            let variables: u64 = op
                .variable_definitions
                .iter()
                .map(|v| {
                    128 + v
                        .node
                        .default_value
                        .as_ref()
                        .map_or(0, |d| d.node.to_string().len() as u64)
                })
                .sum();
            256 + variables + directives(&op.directives) + selections(&op.selection_set.node)
        })
        .sum();
    let fragments: u64 = document
        .fragments
        .values()
        .map(|f| 256 + directives(&f.node.directives) + selections(&f.node.selection_set.node))
        .sum();
    operations + fragments
}

fn selections(set: &SelectionSet) -> u64 {
    set.items
        .iter()
        .map(|selection| match &selection.node {
            Selection::Field(field) => {
                let field = &field.node;
                let arguments: u64 = field
                    .arguments
                    .iter()
                    .map(|(_, value)| 64 + value.node.to_string().len() as u64)
                    .sum();
                256 + arguments
                    + directives(&field.directives)
                    + selections(&field.selection_set.node)
            }
            Selection::FragmentSpread(spread) => 128 + directives(&spread.node.directives),
            Selection::InlineFragment(inline) => {
                128 + directives(&inline.node.directives)
                    + selections(&inline.node.selection_set.node)
            }
        })
        .sum()
}

fn directives(list: &[Positioned<Directive>]) -> u64 {
    list.iter()
        .map(|d| {
            128 + d
                .node
                .arguments
                .iter()
                .map(|(_, value)| 64 + value.node.to_string().len() as u64)
                .sum::<u64>()
        })
        .sum()
}

/// Marks a request that may only read (`GET /graphql`): put in the request's data.
pub struct QueriesOnly;

/// Refuses mutations and subscriptions in a request marked [`QueriesOnly`], once the document
/// is known: a persisted query sent by hash has no text to look at before that.
pub struct GetRunsQueries;

impl ExtensionFactory for GetRunsQueries {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(GetRunsQueriesExtension)
    }
}

struct GetRunsQueriesExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for GetRunsQueriesExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let writes = document
            .operations
            .iter()
            .any(|(_, op)| op.node.ty != OperationType::Query);
        if writes && ctx.data_opt::<QueriesOnly>().is_some() {
            return Err(ServerError::new(
                "mutations and subscriptions must be sent with POST",
                None,
            ));
        }
        Ok(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    #[tokio::test]
    async fn the_store_stays_within_its_bound_whatever_it_is_sent() {
        let store = Store::new(1024 * 1024);
        // A flood of distinct documents, each kept when it arrives.
        for i in 0..5_000 {
            let text =
                format!("{{ a{i}: me {{ id email name }} b{i}: organizations {{ totalCount }} }}");
            let document = parse_query(&text).expect("parses");
            store.set(format!("{i:064x}"), document).await;
        }
        assert!(
            store.weighted_size() <= 1024 * 1024,
            "{}",
            store.weighted_size()
        );
        assert!(store.weighted_size() > 0);
    }

    #[tokio::test]
    async fn a_document_over_its_own_bound_is_not_kept() {
        let store = Store::default();
        let wide: String = (0..2_000).map(|i| format!("a{i}: me {{ id }} ")).collect();
        let document = parse_query(format!("{{ {wide} }}")).expect("parses");
        assert!(estimated_bytes(&document) > MAX_DOCUMENT_BYTES);
        store.set("big".into(), document).await;
        assert!(store.get("big".into()).await.is_none());
        let small = parse_query("{ me { id } }").expect("parses");
        store.set("small".into(), small).await;
        assert!(store.get("small".into()).await.is_some());
    }
}
