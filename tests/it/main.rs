//! End-to-end tests: each starts a real server on loopback with a fresh database, on SQLite
//! and (when `TEST_DATABASE_URL` is set) on PostgreSQL. Most run the server inside the test
//! process and step its background work by hand; `served` (and `cli`) start the `vigil` binary,
//! whose own loops do the work.

mod account;
mod alert;
mod api_examples;
mod attack;
mod billing;
mod callback;
mod cli;
mod delivery;
mod faults;
mod graphql;
mod graphql_tooling;
mod incident;
mod manifest;
mod migration;
mod monitor;
mod operations;
mod organization;
mod overview;
mod plan_limits;
mod public;
mod retention;
mod roles;
mod served;
mod sso;
mod status_page;
mod storage;
mod subscriber;
mod testing;
mod usage;
mod webapp;
mod webhook_signatures;
