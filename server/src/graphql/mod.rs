//! The GraphQL API: one module per domain, merged into one schema.
//!
//! The rule of every resolver: it parses its input (ids through `validate::id`, arguments
//! into the domain's input and filter types, `first`/`after` through
//! [`connection::page_request`]), calls one domain function with the caller's `Principal`,
//! and wraps what comes back in its API object (a list's rows through
//! [`connection::connection`]). It opens no transaction, writes no row, writes no audit row
//! and builds no query: nested fields that would load per parent go through
//! [`loaders`], thin adapters over the domains' batch functions. Why: access checks,
//! tenancy and rules then live in one place, the domain, where the workers and the HTTP
//! edges call the same functions, and an API type cannot forget an organization filter
//! because it never writes one.

pub mod account;
pub mod admin;
pub mod apikey;
pub mod audit;
pub mod billing;
pub mod callback;
pub mod connection;
pub mod context;
pub mod cost;
pub mod credential;
pub mod depth;
pub mod incident;
pub mod loaders;
pub mod metered;
pub mod monitor;
pub mod node;
pub mod notification;
pub mod notification_provider;
pub mod organization;
pub mod overview;
pub mod persisted;
pub mod project;
pub mod server;
pub mod sso;
pub mod status_page;
pub mod status_page_subscriber;
pub mod subscription;
pub mod tag;
pub mod testing;
pub mod variable;

use async_graphql::extensions::apollo_persisted_queries::ApolloPersistedQueries;
use async_graphql::{MergedObject, MergedSubscription, Schema, SchemaBuilder};

pub use depth::{MAX_DEPTH, MAX_INTROSPECTION_DEPTH};
/// Query complexity allowed (docs/api.md).
pub const MAX_COMPLEXITY: usize = 2000;

#[derive(MergedObject, Default)]
pub struct Query(
    account::AccountQuery,
    admin::AdminQuery,
    organization::OrganizationQuery,
    project::ProjectQuery,
    variable::VariableQuery,
    tag::TagQuery,
    apikey::ApiKeyQuery,
    audit::AuditQuery,
    credential::CredentialQuery,
    notification::NotificationQuery,
    monitor::MonitorQuery,
    callback::CallbackQuery,
    notification_provider::NotificationProviderQuery,
    testing::TestQuery,
    testing::JobQuery,
    testing::RunQuery,
    testing::JobScheduleQuery,
    status_page::StatusPageQuery,
    status_page_subscriber::StatusPageSubscriberQuery,
    incident::IncidentQuery,
    billing::BillingQuery,
    server::ServerQuery,
    sso::SsoQuery,
    node::NodeQuery,
    overview::OverviewQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(
    account::AccountMutation,
    admin::AdminMutation,
    organization::OrganizationMutation,
    project::ProjectMutation,
    variable::VariableMutation,
    tag::TagMutation,
    apikey::ApiKeyMutation,
    credential::CredentialMutation,
    notification::NotificationMutation,
    monitor::MonitorMutation,
    callback::CallbackMutation,
    notification_provider::NotificationProviderMutation,
    testing::TestMutation,
    testing::JobMutation,
    testing::RunMutation,
    status_page::StatusPageMutation,
    status_page_subscriber::StatusPageSubscriberMutation,
    incident::IncidentMutation,
    billing::BillingMutation,
    billing::BillingSettingsMutation,
    sso::SsoMutation,
);

#[derive(MergedSubscription, Default)]
pub struct Subscription(
    audit::AuditSubscription,
    notification::NotificationSubscription,
    monitor::MonitorSubscription,
    callback::CallbackSubscription,
    testing::RunSubscription,
    status_page::StatusPageSubscription,
);

/// The schema type.
pub type VigilSchema = Schema<Query, Mutation, Subscription>;

/// The schema with its limits and extensions, without data (for printing the SDL).
///
/// The depth limit async-graphql applies counts every field, introspection's too: it is the
/// bound of introspection queries, and [`depth::Depth`] holds ordinary fields to
/// [`MAX_DEPTH`]. Persisted queries come first, so that the other extensions see the
/// document a hash stands for.
pub fn builder() -> SchemaBuilder<Query, Mutation, Subscription> {
    Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .limit_depth(MAX_INTROSPECTION_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
    .extension(ApolloPersistedQueries::new(persisted::Store::default()))
    .extension(persisted::GetRunsQueries)
    .extension(depth::Depth)
    .extension(cost::Cost)
    .extension(metered::Metered)
}

/// The SDL, as committed in `schema.graphql`: with `@specifiedBy` on the scalars that have
/// one (`DateTime`, RFC 3339), as introspection answers, so that a client schema built by
/// introspection prints the same.
pub fn sdl() -> String {
    builder()
        .finish()
        .sdl_with_options(async_graphql::SDLExportOptions::new().include_specified_by())
}
