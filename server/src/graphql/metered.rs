//! Counts GraphQL queries and mutations by operation name and outcome for `/metrics`
//! ([`crate::metrics::graphql_operation`]). The name is the request's `operationName`, or the
//! name of the document's one named operation; names are bounded by
//! [`crate::metrics::operation_label`].

use std::sync::{Arc, Mutex};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextRequest,
};
use async_graphql::parser::types::DocumentOperations;
use async_graphql::{Request, Response, ServerResult};

/// The extension's factory, for `SchemaBuilder::extension`.
pub struct Metered;

impl ExtensionFactory for Metered {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(MeteredExtension::default())
    }
}

#[derive(Default)]
struct MeteredExtension {
    /// The operation's name, once the request is prepared.
    name: Mutex<Option<String>>,
}

#[async_graphql::async_trait::async_trait]
impl Extension for MeteredExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let response = next.run(ctx).await;
        let name = self.name.lock().ok().and_then(|mut n| n.take());
        crate::metrics::graphql_operation(
            crate::metrics::operation_label(name.as_deref()),
            response.is_ok(),
        );
        response
    }

    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let name = match &request.operation_name {
            Some(name) => Some(name.clone()),
            // Parsed once: the extensions before this one have parsed it already.
            None => match request.parsed_query().map(|doc| &doc.operations) {
                Ok(DocumentOperations::Multiple(ops)) if ops.len() == 1 => {
                    ops.keys().next().map(|name| name.to_string())
                }
                _ => None,
            },
        };
        if let Ok(mut slot) = self.name.lock() {
            *slot = name;
        }
        next.run(ctx, request).await
    }
}
