//! Vigil: uptime monitors, browser and load tests, webhook callbacks, alerts and status pages,
//! behind one GraphQL API.
//!
//! Domain modules own the rules and take a connection; the GraphQL resolvers and HTTP
//! handlers are thin and call them.

// The merged GraphQL root (one entry per domain) nests deeper than rustc's default layout
// depth allows.
#![recursion_limit = "256"]

// The domains: each owns its rules, its reads and its writes (with their audit rows), and
// takes a connection or the state; nothing below them knows about GraphQL or HTTP.
/// Sign-up, sign-in, sessions, passwords, e-mail verification, two-factor codes.
pub mod account;
/// The alert delivery queue (enqueue, claim, deliver with retries, history) and run alerts.
pub mod alert;
/// Billing in cloud mode: plans, Stripe and Polar checkouts, portals and webhooks.
pub mod billing;
/// Webhook callbacks: trigger URLs, forwarding, caching, rate limits, actions.
pub mod callback;
/// Service credentials of a project: tokens for SendGrid, Twilio, Slack, ... (sealed).
pub mod credential;
/// Uptime monitors: settings, checks, the check engine, results, aggregates, heartbeats, and
/// what a result means for the people watching (`monitor::alerting`).
pub mod monitor;
/// `node(id)`: the kind of object an id names, for Relay clients.
pub mod node;
/// In-app notifications of a user.
pub mod notification;
/// Notification providers: the channels alerts go through (e-mail, Slack, webhooks, ...).
pub mod notification_provider;
/// Organizations, members and invitations.
pub mod organization;
/// A project at a glance and a search of its objects.
pub mod overview;
/// Plans and their limits.
pub mod plan;
/// Projects and their members.
pub mod project;
/// Published status pages served to anyone: HTML, JSON, feeds, badges, custom domains.
pub mod public;
/// Single sign-on: linking provider identities, linked accounts, organizations' SSO rule.
pub mod sso;
/// Public status pages: pages, components and the monitors behind them.
pub mod status_page;
/// Tags of monitors and tests.
pub mod tag;
/// Test automation: tests, jobs, runs, the sandboxed executors.
pub mod testing;
/// Usage metering: what an organization used that its plan bills, per billing period.
pub mod usage;
/// Project variables and secrets.
pub mod variable;

// The infrastructure the domains stand on, and the API and processes around them.
/// The HTTP router: GraphQL, triggers, artifacts, the web app, health checks.
pub mod app;
/// The audit log every change writes in its transaction.
pub mod audit;
/// Who is calling: principals, levels, API keys, sessions, passwords, throttles.
pub mod auth;
/// `vigil` subcommands.
pub mod cli;
/// Settings from defaults, `vigil.toml`, `VIGIL_*` variables and flags.
pub mod config;
/// The master key, sealed values and their bindings.
pub mod crypto;
/// Connections, migrations, transactions that publish events, keyset pages.
pub mod db;
/// Sending messages: e-mail, Slack, Discord, Teams, Telegram, webhooks, SMS.
pub mod delivery;
/// The one error type and its API codes.
pub mod error;
/// Events within a process and across replicas (PostgreSQL `LISTEN`/`NOTIFY`).
pub mod events;
/// The GraphQL API, one module per domain.
pub mod graphql;
/// Readiness (`/readyz`): the database, its migrations, the worker loops' heartbeats.
pub mod health;
/// `/graphql` over HTTP: credentials, cross-site refusal, error codes.
pub mod http;
/// Vigil's own mail (verification, invitations, resets) through SMTP, or to the log.
pub mod mail;
/// `vigil apply` and `vigil export`: a project's monitoring declared in a YAML file, applied
/// through the GraphQL API of a running Vigil.
pub mod manifest;
/// Prometheus series (`/metrics`), named in one place.
pub mod metrics;
/// The outbound policy: which hosts and addresses requests may reach.
pub mod outbound;
/// Re-sealing stored secrets under the current key and format.
pub mod reseal;
/// `/graphql/ws`: subscriptions over WebSockets.
pub mod socket;
/// Standard Webhooks signatures: what Vigil sends and what it verifies.
pub mod standard_webhooks;
/// The state every handler and loop shares.
pub mod state;
/// Artifact storage: local files or S3.
pub mod storage;
/// Logs (text or JSON) and the optional OpenTelemetry trace export.
pub mod telemetry;
/// Input checks shared by the API (ids, names, URLs, pages).
pub mod validate;
pub mod webapp;
/// The background loops of `vigil serve`.
pub mod workers;

#[cfg(test)]
mod fuzz;

/// Installs the process-wide TLS crypto provider. Two providers get compiled in (ring via
/// sqlx, aws-lc-rs via reqwest and lettre), so rustls cannot pick one by itself.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}
