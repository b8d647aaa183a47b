//! One module per table of the two schema documents, named after the table.

pub mod prelude;

// Users, auth and tenancy.
pub mod account;
pub mod apikey;
pub mod audit_logs;
pub mod invitation;
pub mod member;
pub mod notifications;
pub mod organization;
pub mod organization_sso;
pub mod project_members;
pub mod project_variables;
pub mod projects;
pub mod service_credentials;
pub mod session;
pub mod tags;
pub mod user;
pub mod verification;

// Tests, jobs, runs, monitors, alerts.
pub mod alert_history;
pub mod alerts;
pub mod job_notification_settings;
pub mod job_tests;
pub mod jobs;
pub mod k6_performance_runs;
pub mod monitor_aggregates;
pub mod monitor_locations;
pub mod monitor_notification_settings;
pub mod monitor_results;
pub mod monitor_tags;
pub mod monitors;
pub mod notification_providers;
pub mod reports;
pub mod runs;
pub mod test_tags;
pub mod tests;

// Status pages and incidents.
pub mod incident_components;
pub mod incident_template_components;
pub mod incident_templates;
pub mod incident_updates;
pub mod incidents;
pub mod postmortems;
pub mod status_page_component_monitors;
pub mod status_page_component_subscriptions;
pub mod status_page_components;
pub mod status_page_deliveries;
pub mod status_page_incident_subscriptions;
pub mod status_page_metrics;
pub mod status_page_subscribers;
pub mod status_pages;

// Billing and usage.
pub mod billing_settings;
pub mod overage_pricing;
pub mod plan_limits;
pub mod rate_limits;
pub mod subscription_plans;
pub mod subscriptions;
pub mod usage_events;
pub mod usage_notifications;
pub mod usage_periods;
pub mod webhook_idempotency;

// Webhook callbacks (seed 001).
pub mod action_executions;
pub mod actions;
pub mod callback_logs;
pub mod callbacks;
pub mod queue_messages;
pub mod rate_limit_logs;
pub mod stored_payloads;

// Secrets at rest.
pub mod sealed_formats;
