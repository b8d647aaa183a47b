//! End-to-end tests: each starts a real server on loopback with a fresh database, on SQLite
//! and (when `TEST_DATABASE_URL` is set) on PostgreSQL.

mod alerts;
mod attack;
mod auth;
mod callbacks;
mod cli;
mod delivery;
mod graphql_core;
mod migrations;
mod monitoring;
mod roles;
mod storage;
mod tenancy;
mod testing;
