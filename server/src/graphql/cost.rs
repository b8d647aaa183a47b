//! What a request may ask for, counted before anything runs.
//!
//! async-graphql's own complexity limit counts the fields written in the document (aliases
//! included), which bounds its width but not what it returns: `monitors(first: 200) { nodes {
//! dailyUptime(days: 365) { uptime } } }` is six fields and 73,000 objects, and 300 aliases of
//! it took 43 s and 7 GB. This extension counts the objects a query can return: every field of
//! an object type counts once per parent object, and a field with a size argument (`first`,
//! `last`, `days`, `limit`; a connection without `first` gets its default page, a series its
//! points) multiplies what is under it. Over [`MAX_NODES`] the request is refused before it
//! runs. Scalars are free (the field limit bounds them). It also refuses more than
//! [`MAX_PASSWORD_FIELDS`] password-hashing mutations in one request, each of which costs tens
//! of milliseconds of a core by design.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{
    ExecutableDocument, FragmentDefinition, OperationType, Selection, SelectionSet,
};
use async_graphql::registry::{MetaTypeName, Registry};
use async_graphql::{Name, Positioned, ServerError, ServerResult, Value, Variables};

/// Objects one request may return (docs/api.md: limits).
pub const MAX_NODES: u64 = 20_000;
/// Mutations that hash a password, per request.
pub const MAX_PASSWORD_FIELDS: usize = 2;
/// Mutations that check or set a password with argon2.
const PASSWORD_FIELDS: &[&str] = &[
    "signUp",
    "signIn",
    "changePassword",
    "resetPassword",
    "enrollTotp",
    "disableTotp",
];
/// Page size of a connection asked without `first` (docs/api.md).
const DEFAULT_PAGE: u64 = 50;
/// Largest page a connection returns (docs/api.md).
const MAX_PAGE: u64 = 200;
/// Nesting followed; deeper documents are refused by the depth limit anyway.
const MAX_WALK: usize = 32;

/// The extension's factory, for `SchemaBuilder::extension`.
pub struct Cost;

impl ExtensionFactory for Cost {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CostExtension)
    }
}

struct CostExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for CostExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        check(&ctx.schema_env.registry, &document, variables)?;
        Ok(document)
    }
}

/// Refuses a document over the limits.
pub fn check(
    registry: &Registry,
    document: &ExecutableDocument,
    variables: &Variables,
) -> ServerResult<()> {
    let counter = Counter {
        registry,
        fragments: &document.fragments,
        variables,
    };
    for (_, operation) in document.operations.iter() {
        let operation = &operation.node;
        let root = match operation.ty {
            OperationType::Query => Some(registry.query_type.as_str()),
            OperationType::Mutation => registry.mutation_type.as_deref(),
            OperationType::Subscription => registry.subscription_type.as_deref(),
        };
        let Some(root) = root else { continue };
        let nodes = counter.nodes(root, &operation.selection_set.node, 1, 0);
        if nodes > MAX_NODES {
            return Err(ServerError::new(
                format!(
                    "Query is too complex: it may return {nodes} objects, more than {MAX_NODES} \
                     (list fields multiply what they hold by their first/last/days argument; ask \
                     for smaller pages)"
                ),
                None,
            ));
        }
        if operation.ty == OperationType::Mutation {
            let hashing = counter.root_fields(&operation.selection_set.node, 0, &|name| {
                PASSWORD_FIELDS.contains(&name)
            });
            if hashing > MAX_PASSWORD_FIELDS {
                return Err(ServerError::new(
                    format!(
                        "Query is too complex: at most {MAX_PASSWORD_FIELDS} sign-in or password \
                         fields in one request"
                    ),
                    None,
                ));
            }
        }
    }
    Ok(())
}

struct Counter<'a> {
    registry: &'a Registry,
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    variables: &'a Variables,
}

impl Counter<'_> {
    /// The objects `set`, selected on `ty` once per each of `parents` objects, may return.
    fn nodes(&self, ty: &str, set: &SelectionSet, parents: u64, depth: usize) -> u64 {
        if depth > MAX_WALK {
            return 0;
        }
        let mut total: u64 = 0;
        for selection in &set.items {
            let add = match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let Some(meta) = self
                        .registry
                        .types
                        .get(ty)
                        .and_then(|t| t.field_by_name(field.name.node.as_str()))
                    else {
                        continue;
                    };
                    let inner = MetaTypeName::concrete_typename(&meta.ty);
                    let composite = self
                        .registry
                        .types
                        .get(inner)
                        .is_some_and(|t| t.is_composite());
                    if !composite {
                        continue;
                    }
                    let size = self.size(field, inner);
                    let below = parents.saturating_mul(size.unwrap_or(1));
                    // A list with a size counts its items; a connection counts itself and
                    // multiplies its `nodes`/`edges`.
                    let own = if MetaTypeName::create(&meta.ty).is_list() {
                        below
                    } else {
                        parents
                    };
                    own.saturating_add(self.nodes(
                        inner,
                        &field.selection_set.node,
                        below,
                        depth + 1,
                    ))
                }
                Selection::FragmentSpread(spread) => {
                    let Some(fragment) = self.fragments.get(&spread.node.fragment_name.node) else {
                        continue;
                    };
                    let on = fragment.node.type_condition.node.on.node.as_str();
                    self.nodes(on, &fragment.node.selection_set.node, parents, depth + 1)
                }
                Selection::InlineFragment(inline) => {
                    let on = inline
                        .node
                        .type_condition
                        .as_ref()
                        .map_or(ty, |c| c.node.on.node.as_str());
                    self.nodes(on, &inline.node.selection_set.node, parents, depth + 1)
                }
            };
            total = total.saturating_add(add);
        }
        total
    }

    /// The size a field asks for: `first`/`last`/`limit` (capped at the largest page),
    /// `days` (at most 366), a series' points, or a connection's default page.
    fn size(&self, field: &async_graphql::parser::types::Field, inner: &str) -> Option<u64> {
        let mut size = None;
        for (name, value) in &field.arguments {
            let value = value
                .node
                .clone()
                .into_const_with(|var| self.variables.get(&var).cloned().ok_or(()))
                .ok();
            let number = match &value {
                Some(Value::Number(n)) => n.as_u64(),
                _ => None,
            };
            let asked = match (name.node.as_str(), number, &value) {
                ("first" | "last" | "limit", Some(n), _) => Some(n.clamp(1, MAX_PAGE)),
                ("days", Some(n), _) => Some(n.clamp(1, 366)),
                ("range", _, Some(Value::Enum(range))) => Some(match range.as_str() {
                    "HOUR" => 60,
                    "SIX_HOURS" => 72,
                    "DAY" => 24,
                    "WEEK" => 168,
                    "MONTH" => 30,
                    _ => 90,
                }),
                _ => None,
            };
            size = size.max(asked);
        }
        size.or_else(|| inner.ends_with("Connection").then_some(DEFAULT_PAGE))
    }

    /// Root fields of a selection (through fragments) whose name `matches`, aliases counted.
    fn root_fields(
        &self,
        set: &SelectionSet,
        depth: usize,
        matches: &dyn Fn(&str) -> bool,
    ) -> usize {
        if depth > MAX_WALK {
            return 0;
        }
        set.items
            .iter()
            .map(|selection| match &selection.node {
                Selection::Field(field) => usize::from(matches(field.node.name.node.as_str())),
                Selection::FragmentSpread(spread) => self
                    .fragments
                    .get(&spread.node.fragment_name.node)
                    .map_or(0, |f| {
                        self.root_fields(&f.node.selection_set.node, depth + 1, matches)
                    }),
                Selection::InlineFragment(inline) => {
                    self.root_fields(&inline.node.selection_set.node, depth + 1, matches)
                }
            })
            .sum()
    }
}
