//! Vigil: uptime monitors, browser and load tests, webhook callbacks, alerts and status pages,
//! behind one GraphQL API.
//!
//! Domain modules own the rules and take a connection; the GraphQL resolvers and HTTP
//! handlers are thin and call them.

pub mod account;
pub mod alert;
pub mod app;
pub mod audit;
pub mod auth;
pub mod callback;
pub mod cli;
pub mod config;
pub mod credential;
pub mod crypto;
pub mod db;
pub mod delivery;
pub mod error;
pub mod events;
pub mod graphql;
pub mod http;
pub mod mail;
pub mod monitor;
pub mod notification;
pub mod notification_provider;
pub mod org;
pub mod outbound;
pub mod plan;
pub mod project;
pub mod reseal;
pub mod socket;
pub mod state;
pub mod storage;
pub mod tag;
pub mod testing;
pub mod validate;
pub mod variable;
pub mod workers;

#[cfg(test)]
mod fuzz;

/// Installs the process-wide TLS crypto provider. Two providers get compiled in (ring via
/// sqlx, aws-lc-rs via reqwest and lettre), so rustls cannot pick one by itself.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}
