//! Vigil's schema migrations. They run on SQLite and PostgreSQL alike.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_core;
mod m20261122_000002_testing_monitoring;
mod m20261122_000003_access;
mod m20261122_000004_status_pages;
mod m20261122_000005_billing_callbacks;
mod m20261122_000006_monitoring_engine;
mod m20261122_000007_test_automation;
mod m20261122_000008_callbacks;
mod m20261202_000009_sealed_formats;
mod m20261207_000010_component_groups;
mod m20261207_000011_plan_links;
mod m20261207_000012_maintenance_schedule;
mod m20261210_000013_subscriber_deliveries;
mod m20261210_000014_usage_metering;
mod m20261212_000015_callback_signatures;
mod m20261212_000016_sso;
mod m20261214_000017_callback_responses;
pub mod m20261216_000018_time_partitions;
mod m20261218_000019_partitioned_runs;
mod util;

/// The tables partitioned by month on PostgreSQL (migrations 18 and 19).
pub const PARTITIONED: [&str; 4] = [
    "callback_logs",
    "action_executions",
    "monitor_results",
    "runs",
];

/// Runs the migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_core::Migration),
            Box::new(m20261122_000002_testing_monitoring::Migration),
            Box::new(m20261122_000003_access::Migration),
            Box::new(m20261122_000004_status_pages::Migration),
            Box::new(m20261122_000005_billing_callbacks::Migration),
            Box::new(m20261122_000006_monitoring_engine::Migration),
            Box::new(m20261122_000007_test_automation::Migration),
            Box::new(m20261122_000008_callbacks::Migration),
            Box::new(m20261202_000009_sealed_formats::Migration),
            Box::new(m20261207_000010_component_groups::Migration),
            Box::new(m20261207_000011_plan_links::Migration),
            Box::new(m20261207_000012_maintenance_schedule::Migration),
            Box::new(m20261210_000013_subscriber_deliveries::Migration),
            Box::new(m20261210_000014_usage_metering::Migration),
            Box::new(m20261212_000015_callback_signatures::Migration),
            Box::new(m20261212_000016_sso::Migration),
            Box::new(m20261214_000017_callback_responses::Migration),
            Box::new(m20261216_000018_time_partitions::Migration),
            Box::new(m20261218_000019_partitioned_runs::Migration),
        ]
    }
}
