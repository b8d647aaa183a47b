//! Prometheus metrics, served at `/metrics` (docs/operations.md lists every series).
//!
//! The `metrics` crate's macros record into one process-wide recorder, installed by
//! [`install`] when `metrics.enabled` is on; with it off they record nothing. Every series is
//! named here, by one small function per event, so that a call site is one line and a name is
//! spelled once. Labels only ever take values from a small known set (route templates, never
//! raw paths; outcomes; operation names that are well formed, and at most
//! [`MAX_OPERATION_NAMES`] of them), so that no client can grow the series without bound.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::state::AppState;

/// Distinct GraphQL operation names recorded; later names count as `other`.
pub const MAX_OPERATION_NAMES: usize = 500;
/// Buckets of the `_seconds` histograms: 5 ms to 5 min.
const SECONDS: [f64; 14] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0,
];
/// Buckets of the claim batch sizes.
const BATCH: [f64; 9] = [1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 1000.0];
/// Buckets of run durations: 1 s to 1 h.
const RUN_SECONDS: [f64; 10] = [
    1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0,
];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process's recorder (once; later calls return the same handle) and starts its
/// upkeep, which keeps histograms from holding samples between scrapes. `None` when another
/// recorder was installed first.
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &SECONDS)
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("vigil_run_duration_seconds".into()),
                        &RUN_SECONDS,
                    )
                })
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("vigil_monitor_claim_batch_size".into()),
                        &BATCH,
                    )
                })
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder).ok()?;
            let upkeep = handle.clone();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    upkeep.run_upkeep();
                }
            });
            Some(handle)
        })
        .as_ref()
}

/// `GET /metrics`: the Prometheus text format. With `metrics.token` set, a request without
/// `Authorization: Bearer <token>` is answered 401 and shown nothing; 404 when metrics are
/// off, or in cloud mode without a token.
pub async fn serve(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if !state.settings.metrics_served() {
        return StatusCode::NOT_FOUND.into_response();
    }
    if let Some(token) = &state.settings.metrics.token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !crate::crypto::constant_time_eq(given.as_bytes(), token.as_bytes()) {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
                "a bearer token is required\n",
            )
                .into_response();
        }
    }
    let Some(handle) = HANDLE.get().and_then(Option::as_ref) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    sample(&state).await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}

/// The gauges read at scrape time: the database pool and the run queue.
async fn sample(state: &AppState) {
    let (size, idle) = pool_usage(&state.db);
    gauge!("vigil_db_pool_connections", "state" => "idle").set(f64::from(idle));
    gauge!("vigil_db_pool_connections", "state" => "in_use")
        .set(f64::from(size.saturating_sub(idle)));
    let queued = tokio::time::timeout(
        crate::health::PING_TIMEOUT,
        state.db.query_one_raw(Statement::from_string(
            state.db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM runs WHERE status = 'queued'",
        )),
    )
    .await;
    if let Ok(Ok(Some(row))) = queued
        && let Ok(n) = row.try_get::<i64>("", "n")
    {
        gauge!("vigil_run_queue_depth").set(n as f64);
    }
}

/// Connections of the pool: (open, idle).
fn pool_usage(db: &DatabaseConnection) -> (u32, u32) {
    if crate::db::is_postgres(db) {
        let pool = db.get_postgres_connection_pool();
        (
            pool.size(),
            u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        )
    } else {
        let pool = db.get_sqlite_connection_pool();
        (
            pool.size(),
            u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        )
    }
}

/// Middleware: counts every request and its time by route (the matched route template, or
/// `fallback` for what no route claims: custom trigger paths, the web app) and status class.
pub async fn track_http(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "fallback".to_owned(), |p| p.as_str().to_owned());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = match response.status().as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    let labels = vec![
        metrics::Label::new("route", route),
        metrics::Label::new("method", method),
        metrics::Label::new("status", status),
    ];
    counter!("vigil_http_requests_total", labels.clone()).increment(1);
    histogram!("vigil_http_request_duration_seconds", labels).record(started.elapsed());
    response
}

fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The label of a GraphQL operation's name: `anonymous` without one, `other` when it is not a
/// GraphQL name of at most 64 characters or when [`MAX_OPERATION_NAMES`] names are already
/// recorded.
pub fn operation_label(name: Option<&str>) -> String {
    static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let Some(name) = name else {
        return "anonymous".into();
    };
    let well_formed = (1..=64).contains(&name.len())
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !well_formed {
        return "other".into();
    }
    let Ok(mut seen) = SEEN.lock() else {
        return "other".into();
    };
    let seen = seen.get_or_insert_with(HashSet::new);
    if seen.contains(name) || seen.len() < MAX_OPERATION_NAMES {
        seen.insert(name.to_owned());
        name.to_owned()
    } else {
        "other".into()
    }
}

/// A GraphQL query or mutation answered: `ok`, or `error` when the answer carries errors.
pub fn graphql_operation(operation: String, ok: bool) {
    let outcome = if ok { "ok" } else { "error" };
    counter!("vigil_graphql_operations_total", "operation" => operation, "outcome" => outcome)
        .increment(1);
}

/// A check recorded by the engine, by its result (`up`, `down`, `error`, `timeout`).
pub fn check_done(result: String) {
    counter!("vigil_monitor_checks_total", "result" => result).increment(1);
}

/// A claim of the check engine that took `size` slots, `lags` how late each was.
pub fn checks_claimed(kind: &'static str, size: usize, lags: impl Iterator<Item = f64>) {
    histogram!("vigil_monitor_claim_batch_size", "kind" => kind).record(size as f64);
    let lag = histogram!("vigil_monitor_schedule_lag_seconds", "kind" => kind);
    for seconds in lags {
        lag.record(seconds.max(0.0));
    }
}

/// A run that ended, by kind (`playwright`, `k6`) and status, after `millis`.
pub fn run_finished(kind: &'static str, status: String, millis: i64) {
    histogram!("vigil_run_duration_seconds", "kind" => kind, "status" => status)
        .record(millis.max(0) as f64 / 1000.0);
}

/// An attempt of a callback action: `success`, `retry` (failed, tried again later) or
/// `failed` (for good).
pub fn action_attempt(outcome: &'static str) {
    counter!("vigil_action_executions_total", "outcome" => outcome).increment(1);
}

/// An attempt to deliver an alert notification: `sent`, `retry` or `failed`.
pub fn notification_attempt(outcome: &'static str) {
    counter!("vigil_notification_deliveries_total", "outcome" => outcome).increment(1);
}

/// An attempt to deliver to a status page subscriber (email, SMS, webhook, Slack): `sent`,
/// `skipped` (nothing to send it with), `retry` or `failed`.
pub fn subscriber_attempt(outcome: &'static str) {
    counter!("vigil_subscriber_deliveries_total", "outcome" => outcome).increment(1);
}

/// A trigger logged, by its event (`forwarded`, `cache_hit`, `rate_limited`, `plan_limited`,
/// `signature_rejected`, `timeout`, `error`).
pub fn trigger(outcome: &'static str) {
    counter!("vigil_triggers_total", "outcome" => outcome).increment(1);
}

/// A look-up in a caching callback's response cache.
pub fn trigger_cache(hit: bool) {
    let result = if hit { "hit" } else { "miss" };
    counter!("vigil_trigger_cache_total", "result" => result).increment(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_are_bounded() {
        assert_eq!(operation_label(None), "anonymous");
        assert_eq!(operation_label(Some("ListMonitors")), "ListMonitors");
        assert_eq!(operation_label(Some("bad name")), "other");
        assert_eq!(operation_label(Some(&"x".repeat(65))), "other");
        for i in 0..MAX_OPERATION_NAMES {
            operation_label(Some(&format!("Op{i}")));
        }
        assert_eq!(operation_label(Some("OneTooMany")), "other");
        assert_eq!(operation_label(Some("ListMonitors")), "ListMonitors");
    }
}
