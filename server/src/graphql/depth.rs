//! How deep a query may nest, with introspection measured on its own terms.
//!
//! async-graphql's depth limit counts every field, so the query graphql-js's
//! `getIntrospectionQuery()` builds (what GraphiQL, graphql-codegen, Apollo and Postman send:
//! `__schema { types { fields { type { ofType { …nine levels… } } } } }`, 15 deep) was refused
//! by the 12 levels ordinary queries are held to. This extension measures the two apart:
//!
//! - ordinary fields may nest [`MAX_DEPTH`] deep; the subtrees under `__schema` and `__type`
//!   do not count towards it, so a query that asks for both is held to the limit by its
//!   ordinary part;
//! - introspection may nest [`MAX_INTROSPECTION_DEPTH`] deep (the schema's own depth limit,
//!   which then counts every field), and its recursive lists (`fields`, `inputFields`,
//!   `interfaces`, `possibleTypes`, each one multiplying the answer by the size of a type) may
//!   hold one another fewer than [`MAX_INTROSPECTION_LISTS`] times, graphql-js's own
//!   `MaxIntrospectionDepthRule`: `types { fields { type { fields { type { fields … } } } } }`
//!   grows with the schema's size to that power while its text stays short.
//!
//! It runs on the parsed document, before validation, as [`super::cost`] does. The parser
//! has already refused documents nested more than 32 selection sets deep, fragments included,
//! so fragment cycles never reach it; fragments are measured once each all the same.
//!
//! Before that, as the request is prepared, it parses the query itself (handing the document
//! on, so it is parsed once) and refuses a document that holds more than
//! [`MAX_INLINED_SELECTIONS`] once its fragments are spread in place. async-graphql's nesting
//! check, its validation and [`super::cost`] all spread fragment by fragment: thirty
//! fragments that each spread the next twice are a 1 KiB request and 2^30 selections, and
//! twenty of them held a core for 12 s. The complexity limit refuses such documents too, but
//! only once those walks are done.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
};
use async_graphql::parser::types::{
    ExecutableDocument, FragmentDefinition, Selection, SelectionSet,
};
use async_graphql::{Name, Positioned, Request, ServerError, ServerResult, Variables};

/// Levels an ordinary query may nest (docs/api.md: limits).
pub const MAX_DEPTH: usize = 12;
/// Levels an introspection query may nest, every field counted: graphql-js's introspection
/// query is 15 deep.
pub const MAX_INTROSPECTION_DEPTH: usize = 32;
/// Recursive introspection lists one path may hold: fewer than this (graphql-js's
/// `MaxIntrospectionDepthRule`; its introspection query holds one).
pub const MAX_INTROSPECTION_LISTS: usize = 3;
/// Selections (fields, fragment spreads, inline fragments) a document may hold with its
/// fragments spread in place: five times the fields the complexity limit allows, so that only
/// documents it would refuse anyway are refused here, before the walks that spread them.
pub const MAX_INLINED_SELECTIONS: u64 = 5 * super::MAX_COMPLEXITY as u64;
/// Introspection fields whose answer is a list of types' members, which lead to types again.
const RECURSIVE_LISTS: [&str; 4] = ["fields", "inputFields", "interfaces", "possibleTypes"];

/// The extension's factory, for `SchemaBuilder::extension`.
pub struct Depth;

impl ExtensionFactory for Depth {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(DepthExtension)
    }
}

struct DepthExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for DepthExtension {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        // Parsed here once and kept in the request; a persisted query arrives parsed (its
        // extension runs first).
        check_size(request.parsed_query()?)?;
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        check(&document)?;
        Ok(document)
    }
}

/// Refuses a document whose ordinary part nests more than [`MAX_DEPTH`] levels, or whose
/// introspection nests [`MAX_INTROSPECTION_LISTS`] recursive lists or more.
pub fn check(document: &ExecutableDocument) -> ServerResult<()> {
    let mut walk = Walk {
        fragments: &document.fragments,
        measured: HashMap::new(),
    };
    for (_, operation) in document.operations.iter() {
        let set = &operation.node.selection_set.node;
        if walk.depth(set, Measure::Ordinary) > MAX_DEPTH {
            return Err(ServerError::new(
                format!(
                    "Query is nested too deep: at most {MAX_DEPTH} levels (introspection \
                     under __schema and __type is measured apart)"
                ),
                None,
            ));
        }
        if walk.depth(set, Measure::IntrospectionLists) >= MAX_INTROSPECTION_LISTS {
            return Err(ServerError::new(
                format!(
                    "Query is nested too deep: introspection lists (fields, inputFields, \
                     interfaces, possibleTypes) may hold one another at most {} times",
                    MAX_INTROSPECTION_LISTS - 1
                ),
                None,
            ));
        }
    }
    Ok(())
}

/// Refuses a document of more than [`MAX_INLINED_SELECTIONS`] with its fragments spread.
pub fn check_size(document: &ExecutableDocument) -> ServerResult<()> {
    let walk = Walk {
        fragments: &document.fragments,
        measured: HashMap::new(),
    };
    let mut sizes = HashMap::new();
    let total = document
        .operations
        .iter()
        .map(|(_, op)| walk.size(&op.node.selection_set.node, &mut sizes))
        .fold(0u64, u64::saturating_add);
    if total > MAX_INLINED_SELECTIONS {
        return Err(ServerError::new(
            format!(
                "Query is too complex: {total} selections with its fragments spread in place, \
                 more than {MAX_INLINED_SELECTIONS}"
            ),
            None,
        ));
    }
    Ok(())
}

/// What a walk counts along a path.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Measure {
    /// Fields outside `__schema` and `__type`.
    Ordinary,
    /// Recursive lists under `__schema` and `__type`.
    IntrospectionLists,
    /// Recursive lists, inside `__schema` or `__type`.
    InsideIntrospection,
}

struct Walk<'a> {
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    /// Each fragment's count for each measure: a fragment spread many times is walked once
    /// (its count does not depend on where it is spread), which keeps the walk linear.
    measured: HashMap<(&'a str, Measure), usize>,
}

impl<'a> Walk<'a> {
    /// The greatest count along any path of `set`.
    fn depth(&mut self, set: &'a SelectionSet, measure: Measure) -> usize {
        set.items
            .iter()
            .map(|selection| match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let name = field.name.node.as_str();
                    let below = &field.selection_set.node;
                    let introspection = matches!(name, "__schema" | "__type");
                    match measure {
                        Measure::Ordinary if introspection => 0,
                        Measure::Ordinary => 1 + self.depth(below, measure),
                        Measure::IntrospectionLists if introspection => {
                            self.depth(below, Measure::InsideIntrospection)
                        }
                        Measure::IntrospectionLists => self.depth(below, measure),
                        Measure::InsideIntrospection => {
                            usize::from(RECURSIVE_LISTS.contains(&name))
                                + self.depth(below, measure)
                        }
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    self.fragment(name, measure)
                }
                Selection::InlineFragment(inline) => {
                    self.depth(&inline.node.selection_set.node, measure)
                }
            })
            .max()
            .unwrap_or(0)
    }

    /// The selections of `set` with fragments spread in place, each fragment counted once
    /// into `sizes` (a fragment met again while it is counted, a cycle, counts nothing).
    fn size(&self, set: &'a SelectionSet, sizes: &mut HashMap<&'a str, u64>) -> u64 {
        set.items
            .iter()
            .map(|selection| match &selection.node {
                Selection::Field(field) => {
                    1u64.saturating_add(self.size(&field.node.selection_set.node, sizes))
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    let own = match sizes.get(name) {
                        Some(known) => *known,
                        None => match self.fragments.get(name) {
                            Some(fragment) => {
                                sizes.insert(name, 0);
                                let size = self.size(&fragment.node.selection_set.node, sizes);
                                sizes.insert(name, size);
                                size
                            }
                            None => 0,
                        },
                    };
                    1u64.saturating_add(own)
                }
                Selection::InlineFragment(inline) => {
                    1u64.saturating_add(self.size(&inline.node.selection_set.node, sizes))
                }
            })
            .fold(0, u64::saturating_add)
    }

    /// A fragment's count, measured once. An unknown fragment counts nothing (validation
    /// refuses it); one met again while it is being measured (a cycle, which the parser's
    /// nesting limit already refuses) counts nothing more.
    fn fragment(&mut self, name: &'a str, measure: Measure) -> usize {
        if let Some(known) = self.measured.get(&(name, measure)) {
            return *known;
        }
        let Some(fragment) = self.fragments.get(name) else {
            return 0;
        };
        self.measured.insert((name, measure), 0);
        let depth = self.depth(&fragment.node.selection_set.node, measure);
        self.measured.insert((name, measure), depth);
        depth
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    fn nested(levels: usize, field: &str, leaf: &str) -> String {
        let mut text = leaf.to_owned();
        for _ in 0..levels {
            text = format!("{field} {{ {text} }}");
        }
        text
    }

    fn checked(query: &str) -> Result<(), String> {
        let document = parse_query(query).map_err(|e| e.to_string())?;
        check(&document).map_err(|e| e.message)
    }

    #[test]
    fn ordinary_queries_keep_the_limit() {
        assert!(checked(&format!("{{ {} }}", nested(11, "a", "b"))).is_ok());
        let deep = checked(&format!("{{ {} }}", nested(12, "a", "b")));
        assert!(deep.is_err_and(|e| e.contains("nested too deep")));
    }

    #[test]
    fn introspection_does_not_count_towards_the_ordinary_limit() {
        let types = nested(20, "ofType", "name");
        assert!(
            checked(&format!(
                "{{ __schema {{ types {{ fields {{ type {{ {types} }} }} }} }} }}"
            ))
            .is_ok()
        );
        assert!(checked(&format!("{{ __type(name: \"X\") {{ {types} }} }}")).is_ok());
        // A deep ordinary part beside it is still refused.
        let mixed = format!(
            "{{ __type(name: \"X\") {{ {types} }} {} }}",
            nested(12, "a", "b")
        );
        assert!(checked(&mixed).is_err());
        // Through fragments too.
        let fragment = format!(
            "{{ ...F }} fragment F on Query {{ __typename {} }}",
            nested(12, "a", "b")
        );
        assert!(checked(&fragment).is_err());
    }

    #[test]
    fn recursive_introspection_lists_are_bounded() {
        let two = "{ __type(name: \"X\") { fields { type { fields { name } } } } }";
        assert!(checked(two).is_ok());
        let three = "{ __type(name: \"X\") { fields { type { fields { type { interfaces { name } } } } } } }";
        assert!(checked(three).is_err_and(|e| e.contains("introspection lists")));
        // Hidden behind fragments, spread at several depths.
        let fragments = "{ __schema { types { ...T } } } \
            fragment T on __Type { fields { type { ...U } } } \
            fragment U on __Type { possibleTypes { ...V } } \
            fragment V on __Type { inputFields { name } }";
        assert!(checked(fragments).is_err());
    }

    #[test]
    fn documents_that_spread_fragments_exponentially_are_refused_by_their_spread_size() {
        let doubling = |levels: usize| {
            let mut text = String::from("{ ...F0 }");
            for i in 0..levels {
                text.push_str(&format!(
                    " fragment F{i} on Query {{ __typename ...F{n} ...F{n} }}",
                    n = i + 1
                ));
            }
            text.push_str(&format!(" fragment F{levels} on Query {{ __typename }}"));
            parse_query(text).expect("parses")
        };
        // 2^8 spreads: a few hundred selections.
        assert!(check_size(&doubling(8)).is_ok());
        // 2^60: counted without spreading, and refused.
        let refused = check_size(&doubling(60)).expect_err("too many");
        assert!(
            refused.message.contains("too complex"),
            "{}",
            refused.message
        );
        // graphql-js's introspection query spreads to a few hundred.
        let introspection =
            include_str!("../../../tests/fixtures/graphql-js/introspection-full.graphql");
        assert!(check_size(&parse_query(introspection).expect("parses")).is_ok());
    }

    #[test]
    fn fragments_spread_many_times_are_walked_once() {
        // 30 fragments each spreading the next twice: 2^30 paths, measured in 30 steps.
        let mut text = String::from("{ __typename ...F0 }");
        for i in 0..30 {
            text.push_str(&format!(
                " fragment F{i} on Query {{ __typename ...F{n} ...F{n} }}",
                n = i + 1
            ));
        }
        text.push_str(" fragment F30 on Query { __typename }");
        assert!(checked(&text).is_ok());
    }
}
