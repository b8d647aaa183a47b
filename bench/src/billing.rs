//! `vigil-bench billing --db sqlite|postgres`: what billing costs, on a cloud server pointed at
//! local stand-ins of Stripe's and Polar's APIs (the test suite's, `vigil_tests::billing`).
//!
//! - **Webhook handling rate**: `clients` concurrent senders post signed events for
//!   `seconds`: Stripe `customer.subscription.updated` events of the organization's
//!   subscription, each a new event id (verified, recorded in `webhook_idempotency` and applied
//!   in one transaction, or recorded and left when an older event arrives after a newer one);
//!   the same with one event id replayed (verified, found, answered without effect); and Polar
//!   `subscription.updated` events with new ids. Answers are counted by status, and the
//!   idempotency rows written are counted in the database.
//! - **Metering a run**: a run's end writes its usage in the run's transaction (the
//!   organization's counter and a usage event). Timed `rounds` times in a transaction of its
//!   own, beside the same transaction without it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;
use vigil_tests::billing::{
    POLAR_WEBHOOK_SECRET, PolarSub, STRIPE_WEBHOOK_SECRET, StandIn, StripeSub, configure, now,
    polar_event, polar_subscription, standard_signature, stripe_checkout, stripe_event,
    stripe_signature, stripe_subscription,
};

use crate::{Db, load_average, percentile, quiet_settings};

const PRO_PRICE: &str = "price_benchProMonthly";
const PRO_PRODUCT: &str = "6f1d9b5c-3e7a-4c2b-8d4f-8a9b1c3d5e7f";
const CUSTOMER: &str = "cus_bench";
const SUBSCRIPTION: &str = "sub_bench";

/// One kind of load: how each request is built.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Load {
    StripeNew,
    StripeReplay,
    PolarNew,
}

impl Load {
    fn label(self) -> &'static str {
        match self {
            Self::StripeNew => "Stripe, new events",
            Self::StripeReplay => "Stripe, one event replayed",
            Self::PolarNew => "Polar, new events",
        }
    }
}

pub(crate) async fn billing(
    db: Db,
    seconds: u64,
    clients: usize,
    rounds: u32,
) -> anyhow::Result<()> {
    let stripe = StandIn::stripe().await;
    let polar = StandIn::polar().await;
    let (dir, mut settings) = quiet_settings(db).await?;
    settings.mode = vigil::config::Mode::Cloud;
    configure(&mut settings, &stripe, &polar);
    let state = vigil::app::build_state(settings).await?;
    let running = vigil::app::spawn(state).await?;
    let client = crate::Client {
        http: reqwest::Client::new(),
        url: format!("{}/graphql", running.url()),
    };
    let (token, _) = client.cloud_owner_and_project(&running.state.db).await?;
    let org = subscribed(&client, &token, &running.url()).await?;
    println!(
        "| database | webhooks | clients | 2xx answers | 2xx/s | non-2xx | errors | idempotency rows written | p50 ms | p99 ms | load average |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for load in [Load::StripeNew, Load::StripeReplay, Load::PolarNew] {
        let before = idempotency_rows(&running.state.db).await?;
        let m = hammer(&running.url(), &org, load, seconds, clients).await?;
        let written = idempotency_rows(&running.state.db).await? - before;
        println!(
            "| {db:?} | {} | {clients} | {} | {:.0} | {} | {} | {written} | {:.2} | {:.2} | {} |",
            load.label(),
            m.ok,
            m.ok as f64 / m.seconds,
            m.non_2xx,
            m.errors,
            m.p50,
            m.p99,
            load_average(),
        );
    }
    metering_a_run(&running.state, db, &org, rounds).await?;
    running.stop().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Sells `pro` through Stripe and completes a checkout of it for the bench's organization;
/// returns the organization's id.
async fn subscribed(client: &crate::Client, admin: &str, base: &str) -> anyhow::Result<String> {
    let data = client
        .gql(
            Some(admin),
            "{ plans { id name } organizations(first: 1) { nodes { id } } }",
            json!({}),
        )
        .await?;
    let pro = data["plans"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "pro"))
        .and_then(|p| p["id"].as_str())
        .context("the pro plan")?
        .to_owned();
    let org = data["organizations"]["nodes"][0]["id"]
        .as_str()
        .context("the organization")?
        .to_owned();
    client
        .gql(
            Some(admin),
            "mutation($id: ID!, $i: UpdatePlanInput!) { updatePlan(id: $id, input: $i) { id } }",
            json!({ "id": pro, "i": { "stripePriceId": PRO_PRICE, "polarProductId": PRO_PRODUCT } }),
        )
        .await?;
    let body = stripe_event(
        "evt_bench_checkout",
        "checkout.session.completed",
        now(),
        stripe_checkout(&org, &pro, CUSTOMER, SUBSCRIPTION),
    );
    let http = reqwest::Client::new();
    let answer = http
        .post(format!("{base}/webhooks/stripe"))
        .header("content-type", "application/json")
        .header(
            "stripe-signature",
            stripe_signature(&body, STRIPE_WEBHOOK_SECRET, now()),
        )
        .body(body)
        .send()
        .await?;
    anyhow::ensure!(
        answer.status().is_success(),
        "the checkout event answered {}",
        answer.status()
    );
    Ok(org)
}

async fn idempotency_rows(db: &sea_orm::DatabaseConnection) -> anyhow::Result<u64> {
    Ok(entity::webhook_idempotency::Entity::find()
        .count(db)
        .await?)
}

/// What one load measured.
struct Measured {
    ok: u64,
    non_2xx: u64,
    errors: u64,
    seconds: f64,
    p50: f64,
    p99: f64,
}

/// Posts signed events of `load` from `clients` tasks for `seconds`.
async fn hammer(
    base: &str,
    org: &str,
    load: Load,
    seconds: u64,
    clients: usize,
) -> anyhow::Result<Measured> {
    let http = reqwest::Client::new();
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (http, next, base, org) = (http.clone(), next.clone(), base.to_owned(), org.to_owned());
        tasks.push(tokio::spawn(async move {
            let (mut ok, mut non_2xx, mut errors, mut times) = (0u64, 0u64, 0u64, Vec::new());
            while Instant::now() < until {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let request = request(&http, &base, &org, load, n);
                let sent = Instant::now();
                match request.send().await {
                    Ok(r) if r.status().is_success() => ok += 1,
                    Ok(_) => non_2xx += 1,
                    Err(_) => errors += 1,
                }
                times.push(sent.elapsed().as_secs_f64() * 1000.0);
            }
            (ok, non_2xx, errors, times)
        }));
    }
    let mut m = Measured {
        ok: 0,
        non_2xx: 0,
        errors: 0,
        seconds: 0.0,
        p50: 0.0,
        p99: 0.0,
    };
    let mut times = Vec::new();
    for task in tasks {
        let (ok, non_2xx, errors, t) = task.await?;
        m.ok += ok;
        m.non_2xx += non_2xx;
        m.errors += errors;
        times.extend(t);
    }
    m.seconds = started.elapsed().as_secs_f64();
    times.sort_by(f64::total_cmp);
    m.p50 = percentile(&times, 50.0);
    m.p99 = percentile(&times, 99.0);
    Ok(m)
}

/// The `n`th request of `load`, signed now.
fn request(
    http: &reqwest::Client,
    base: &str,
    org: &str,
    load: Load,
    n: u64,
) -> reqwest::RequestBuilder {
    let at = now();
    match load {
        Load::StripeNew | Load::StripeReplay => {
            let (id, created) = match load {
                Load::StripeReplay => ("evt_bench_replayed".to_owned(), at),
                _ => (format!("evt_bench_{n}"), at + i64::try_from(n).unwrap_or(0)),
            };
            let sub = StripeSub {
                id: SUBSCRIPTION,
                customer: CUSTOMER,
                price: PRO_PRICE,
                status: "active",
                org: Some(org),
                cancel_at_period_end: n % 2 == 1,
                period_end: at + 30 * 86_400,
            };
            let body = stripe_event(
                &id,
                "customer.subscription.updated",
                created,
                stripe_subscription(&sub),
            );
            http.post(format!("{base}/webhooks/stripe"))
                .header("content-type", "application/json")
                .header(
                    "stripe-signature",
                    stripe_signature(&body, STRIPE_WEBHOOK_SECRET, at),
                )
                .body(body)
        }
        Load::PolarNew => {
            let id = format!("msg_bench_{n}");
            let sub = PolarSub {
                id: "7a2c4e6f-8b1d-4a3c-9e5f-1b3d5f7a9c2e",
                customer: "8b3d5f7a-9c2e-4b4d-8f6a-2c4e6a8b0d3f",
                product: PRO_PRODUCT,
                status: "active",
                org,
                cancel_at_period_end: n % 2 == 1,
            };
            let stamp =
                chrono::Utc::now() + chrono::Duration::milliseconds(i64::try_from(n).unwrap_or(0));
            let body = polar_event(
                "subscription.updated",
                &stamp.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                polar_subscription(&sub),
            );
            http.post(format!("{base}/webhooks/polar"))
                .header("content-type", "application/json")
                .header("webhook-id", id.clone())
                .header("webhook-timestamp", at.to_string())
                .header(
                    "webhook-signature",
                    standard_signature(POLAR_WEBHOOK_SECRET, &id, at, &body),
                )
                .body(body)
        }
    }
}

/// Times a run's usage writes: `rounds` write transactions with them, and as many without.
async fn metering_a_run(
    state: &vigil::state::AppState,
    db: Db,
    org: &str,
    rounds: u32,
) -> anyhow::Result<()> {
    let org = uuid::Uuid::parse_str(org)?;
    let mut with = Vec::new();
    let mut without = Vec::new();
    for round in 0..rounds {
        let started = Instant::now();
        let tx = vigil::db::Tx::begin(state).await?;
        tx.commit().await?;
        without.push(started.elapsed().as_secs_f64() * 1e6);
        let started = Instant::now();
        let tx = vigil::db::Tx::begin(state).await?;
        let uses = vec![vigil::usage::Usage::playwright(
            90_000,
            json!({ "runId": uuid::Uuid::now_v7(), "round": round }),
        )];
        vigil::usage::record(tx.conn(), org, uses).await?;
        tx.commit().await?;
        with.push(started.elapsed().as_secs_f64() * 1e6);
    }
    let events = entity::usage_events::Entity::find()
        .count(&state.db)
        .await?;
    with.sort_by(f64::total_cmp);
    without.sort_by(f64::total_cmp);
    println!(
        "\nmetering a run ({db:?}): {rounds} write transactions with a run's usage (counter + event): p50 {:.0} µs, p99 {:.0} µs; \
         the same transaction empty: p50 {:.0} µs, p99 {:.0} µs; usage events in the database after: {events}",
        percentile(&with, 50.0),
        percentile(&with, 99.0),
        percentile(&without, 50.0),
        percentile(&without, 99.0),
    );
    Ok(())
}
