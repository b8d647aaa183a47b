//! Usage sent to Polar's event ingestion API (`POST /v1/events/ingest` at
//! `billing.polar_api_base`, the organization access token `billing.polar_access_token`), for
//! organizations billed through Polar (a Polar customer id, or a Polar subscription).
//!
//! A claim-queue loop (cloud mode, with a Polar token) leases unsynced `usage_events` in
//! batches and sends each batch in one request. An event is
//! `{name, customer_id | external_customer_id, external_id, timestamp, metadata}`: the name is
//! the meter's (`playwright_minutes`, `k6_vu_minutes`, `monitor_checks`, `callback_triggers`,
//! `ai_credits`), the customer is Polar's id when Vigil knows it, else the organization id,
//! which Vigil's checkouts set as the customer's external id; `external_id` is the event's
//! own id, so that Polar drops a resend as a duplicate; `metadata.units` carries the amount (a
//! Polar meter sums it) with `unit`, the period and the event's scalar details (Polar takes
//! strings, numbers and booleans, at most 50 keys). Hourly rows (checks, triggers) are sent
//! once their hour is over and five minutes more, so that nothing is added to a row Polar has.
//!
//! Polar answers with counts, not ids: `polar_event_id` keeps the `external_id` it was sent
//! under. On success the events are `synced_to_polar`; on failure each gets one more
//! `sync_attempts`, the error and a backoff (one minute, doubling, at most six hours) held as
//! its lease, and after [`MAX_ATTEMPTS`] the loop gives up on it: it stays unsynced with the
//! last error and `sync_attempts` at the maximum, for an operator to look at.

use std::collections::HashMap;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use entity::usage_events;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::db::claim::{ClaimQueue, Due};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Attempts before the loop gives up on an event.
pub const MAX_ATTEMPTS: i32 = 10;
/// Events per request.
pub const BATCH: u64 = 100;
/// How long a batch is leased while it is sent.
const LEASE: StdDuration = StdDuration::from_secs(120);
/// How often the loop looks for events to send.
pub const EVERY: StdDuration = StdDuration::from_secs(30);
/// How long after its hour an hourly row is sent.
const HOUR_SETTLES: i64 = 5;

/// What one step did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Done {
    /// Events Polar accepted.
    pub synced: usize,
    /// Events whose sending failed (to be tried again, or given up).
    pub failed: usize,
    /// Events given up on in this step.
    pub given_up: usize,
}

fn queue() -> ClaimQueue<usage_events::Entity> {
    ClaimQueue::new(
        usage_events::Column::Id,
        usage_events::Column::SyncClaimedUntil,
        LEASE,
    )
}

/// The wait before the next attempt after `attempts` failed ones.
pub fn backoff(attempts: i32) -> Duration {
    let exp = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    Duration::minutes(1i64.saturating_mul(1 << exp.min(9))).min(Duration::hours(6))
}

/// One step at `now`: leases up to `limit` unsynced events of Polar-billed organizations and
/// sends them in one request. Nothing without billing or a Polar token.
pub async fn run_due(state: &AppState, now: DateTime<Utc>, limit: u64) -> AppResult<Done> {
    if !super::enabled(&state.settings) || state.settings.billing.polar_access_token.is_none() {
        return Ok(Done::default());
    }
    let due = Due {
        from: "usage_events e JOIN organization o ON o.id = e.organization_id",
        alias: "e",
        when: "e.synced_to_polar = $2 AND e.sync_attempts < $3 \
               AND (e.event_name NOT IN ('monitor_checks', 'callback_triggers') OR e.created_at <= $4) \
               AND (o.polar_customer_id IS NOT NULL OR EXISTS (SELECT 1 FROM subscriptions s \
                    WHERE s.organization_id = e.organization_id AND s.provider = 'polar'))",
        order: "e.created_at",
        set: "",
        values: vec![
            false.into(),
            MAX_ATTEMPTS.into(),
            (now - Duration::hours(1) - Duration::minutes(HOUR_SETTLES)).into(),
        ],
    };
    let claimed = queue().claim(&state.db, &due, now, limit).await?;
    if claimed.is_empty() {
        return Ok(Done::default());
    }
    let customers = customers(state, &claimed).await?;
    let events: Vec<Value> = claimed
        .iter()
        .map(|e| event(e, customers.get(&e.organization_id)))
        .collect();
    let ids: Vec<Uuid> = claimed.iter().map(|e| e.id).collect();
    let sent = super::polar::post(
        &state.settings.billing,
        "/v1/events/ingest",
        json!({ "events": events }),
    )
    .await;
    match sent {
        Ok(_) => {
            mark_synced(state, &ids, now).await?;
            Ok(Done {
                synced: ids.len(),
                ..Done::default()
            })
        }
        Err(err) => {
            let message = detail(&err);
            tracing::warn!(events = ids.len(), error = %message, "sending usage to Polar failed");
            mark_failed(state, &claimed, &message, now).await
        }
    }
}

/// The Polar customer id of each organization of the batch that has one.
async fn customers(
    state: &AppState,
    events: &[usage_events::Model],
) -> AppResult<HashMap<Uuid, String>> {
    let ids: Vec<Uuid> = events.iter().map(|e| e.organization_id).collect();
    let orgs = entity::organization::Entity::find()
        .filter(entity::organization::Column::Id.is_in(ids.clone()))
        .all(&state.db)
        .await?;
    let subs = entity::subscriptions::Entity::find()
        .filter(entity::subscriptions::Column::OrganizationId.is_in(ids))
        .all(&state.db)
        .await?;
    let mut out: HashMap<Uuid, String> = subs
        .into_iter()
        .filter_map(|s| s.polar_customer_id.map(|c| (s.organization_id, c)))
        .collect();
    for org in orgs {
        if let Some(customer) = org.polar_customer_id {
            out.entry(org.id).or_insert(customer);
        }
    }
    Ok(out)
}

/// One event as Polar's ingestion takes it.
pub fn event(e: &usage_events::Model, customer: Option<&String>) -> Value {
    let mut metadata = Map::new();
    if let Some(Value::Object(details)) = &e.metadata {
        for (key, value) in details.iter().take(40) {
            let key: String = key.chars().take(40).collect();
            let value = match value {
                Value::String(s) => Value::String(s.chars().take(500).collect()),
                Value::Number(_) | Value::Bool(_) => value.clone(),
                _ => continue,
            };
            metadata.insert(key, value);
        }
    }
    metadata.insert("units".into(), json!(e.units));
    metadata.insert("unit".into(), json!(e.unit_type));
    metadata.insert(
        "periodStart".into(),
        json!(e.billing_period_start.to_rfc3339()),
    );
    metadata.insert("periodEnd".into(), json!(e.billing_period_end.to_rfc3339()));
    let mut event = json!({
        "name": e.event_name,
        "external_id": e.id.to_string(),
        "timestamp": e.created_at.to_rfc3339(),
        "metadata": metadata,
    });
    if let Value::Object(map) = &mut event {
        match customer {
            Some(customer) => map.insert("customer_id".into(), json!(customer)),
            None => map.insert(
                "external_customer_id".into(),
                json!(e.organization_id.to_string()),
            ),
        };
    }
    event
}

/// Marks the events synced, each with the `external_id` it was sent under.
async fn mark_synced(state: &AppState, ids: &[Uuid], now: DateTime<Utc>) -> AppResult<()> {
    for id in ids {
        usage_events::Entity::update_many()
            .col_expr(usage_events::Column::SyncedToPolar, Expr::value(true))
            .col_expr(
                usage_events::Column::PolarEventId,
                Expr::value(id.to_string()),
            )
            .col_expr(
                usage_events::Column::SyncError,
                Expr::value(Option::<String>::None),
            )
            .col_expr(usage_events::Column::LastSyncAttempt, Expr::value(now))
            .col_expr(
                usage_events::Column::SyncClaimedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(usage_events::Column::Id.eq(*id))
            .exec(&state.db)
            .await?;
    }
    Ok(())
}

/// What went wrong, without the token (Polar's status, or the transport's error).
fn detail(err: &AppError) -> String {
    match err {
        AppError::Internal(inner) => format!("{inner:#}"),
        other => other.public_message(),
    }
}

/// One more failed attempt on each event: its backoff held as its lease, or given up.
async fn mark_failed(
    state: &AppState,
    events: &[usage_events::Model],
    message: &str,
    now: DateTime<Utc>,
) -> AppResult<Done> {
    let mut done = Done::default();
    for e in events {
        let attempts = e.sync_attempts + 1;
        let gave_up = attempts >= MAX_ATTEMPTS;
        let error = if gave_up {
            format!("gave up after {attempts} attempts: {message}")
        } else {
            message.to_owned()
        };
        usage_events::Entity::update_many()
            .col_expr(usage_events::Column::SyncAttempts, Expr::value(attempts))
            .col_expr(usage_events::Column::SyncError, Expr::value(error))
            .col_expr(usage_events::Column::LastSyncAttempt, Expr::value(now))
            .col_expr(
                usage_events::Column::SyncClaimedUntil,
                Expr::value(now + backoff(attempts)),
            )
            .filter(usage_events::Column::Id.eq(e.id))
            .exec(&state.db)
            .await?;
        done.failed += 1;
        if gave_up {
            done.given_up += 1;
            tracing::error!(event = %e.id, organization = %e.organization_id, "gave up sending a usage event to Polar");
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_minute_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(4), Duration::minutes(8));
        assert_eq!(backoff(10), Duration::hours(6));
    }

    #[test]
    fn events_carry_scalars_only_and_the_customer() {
        let now = Utc::now();
        let e = usage_events::Model {
            id: Uuid::nil(),
            organization_id: Uuid::nil(),
            event_type: usage_events::UsageEventType::PlaywrightExecution,
            event_name: "playwright_minutes".into(),
            units: 3.0,
            unit_type: "minutes".into(),
            metadata: Some(json!({ "runId": "r", "nested": { "a": 1 }, "durationMs": 120_000 })),
            synced_to_polar: false,
            polar_event_id: None,
            sync_error: None,
            sync_attempts: 0,
            last_sync_attempt: None,
            billing_period_start: now,
            billing_period_end: now,
            created_at: now,
            sync_claimed_until: None,
        };
        let sent = event(&e, None);
        assert_eq!(sent["name"], "playwright_minutes");
        assert_eq!(sent["external_customer_id"], Uuid::nil().to_string());
        assert_eq!(sent["metadata"]["units"], 3.0);
        assert_eq!(sent["metadata"]["runId"], "r");
        assert!(sent["metadata"].get("nested").is_none());
        let known = event(&e, Some(&"cus_1".to_owned()));
        assert_eq!(known["customer_id"], "cus_1");
        assert!(known.get("external_customer_id").is_none());
    }
}
