//! `vigil-bench callbacks --db sqlite|postgres`: callback triggers under `wrk` (cached,
//! forwarded, and with two actions), on three servers in the same run, to show what billing
//! costs a trigger:
//! - **self-hosted**: nothing metered, the `unlimited` plan caps nothing;
//! - **metered**: a cloud server, the organization on `unlimited` (no monthly cap): each
//!   batch of admitted triggers also adds to the organization's counter and its hourly usage
//!   event;
//! - **metered, capped**: the same on a plan with a monthly trigger cap (set high enough never
//!   to refuse): each batch also reads the plan and sums the month's triggers of the
//!   organization (and on PostgreSQL locks its row).

use std::time::{Duration, Instant};

use anyhow::Context;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use vigil::config::Mode;

use crate::{Client, Db, executions, load_average, logged, quiet_server_in, upstream, wrk};

#[derive(Clone, Copy, Debug)]
enum Billing {
    SelfHosted,
    Metered,
    MeteredCapped,
}

impl Billing {
    fn label(self) -> &'static str {
        match self {
            Self::SelfHosted => "self-hosted",
            Self::Metered => "metered",
            Self::MeteredCapped => "metered, capped",
        }
    }
}

pub(crate) async fn callbacks(db: Db, seconds: u64, connections: u32) -> anyhow::Result<()> {
    println!(
        "| database | billing | trigger | connections | 2xx answers | 2xx/s | non-2xx | socket errors | logged (ok, failed) | p50 ms | p99 ms | load average |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut notes = Vec::new();
    for billing in [
        Billing::SelfHosted,
        Billing::Metered,
        Billing::MeteredCapped,
    ] {
        one_server(db, seconds, connections, billing, &mut notes).await?;
    }
    for note in notes {
        println!("\n{note}");
    }
    Ok(())
}

async fn one_server(
    db: Db,
    seconds: u64,
    connections: u32,
    billing: Billing,
    notes: &mut Vec<String>,
) -> anyhow::Result<()> {
    let mode = match billing {
        Billing::SelfHosted => Mode::SelfHosted,
        Billing::Metered | Billing::MeteredCapped => Mode::Cloud,
    };
    let (dir, running, client) = quiet_server_in(db, mode).await?;
    let upstream = upstream().await?;
    let (token, project) = match mode {
        Mode::SelfHosted => client.owner_and_project().await?,
        Mode::Cloud => client.cloud_owner_and_project(&running.state.db).await?,
    };
    put_on_plan(&running.state.db, billing).await?;
    let urls = create_callbacks(&client, &token, &project, upstream, &running.url()).await?;
    for (name, id, url) in &urls {
        // Warm the cache and the resolver (one logged trigger before the load).
        reqwest::Client::new()
            .post(url)
            .header("content-type", "application/json")
            .body(r#"{"order":{"id":7,"customer":"Ada"}}"#)
            .send()
            .await?
            .error_for_status()?;
        let measured = tokio::task::spawn_blocking({
            let url = url.clone();
            move || wrk(&url, seconds, connections, true)
        })
        .await??;
        let stopped = Instant::now();
        let load = load_average();
        let ok = measured.responses - measured.non_2xx;
        // Log rows are written in batches: wait until their count stops growing.
        let mut counted = (u64::MAX, 0);
        for _ in 0..50 {
            let now = logged(&running.state.db, *id).await?;
            if now == counted {
                break;
            }
            counted = now;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        println!(
            "| {db:?} | {} | {name} | {connections} | {ok} | {:.0} | {} | {} | {}, {} | {:.2} | {:.2} | {load} |",
            billing.label(),
            ok as f64 / measured.seconds,
            measured.non_2xx,
            measured.socket_errors,
            counted.0,
            counted.1,
            measured.p50,
            measured.p99,
        );
        if *name == "two actions" {
            notes.push(
                drain(
                    &running.state.db,
                    db,
                    billing,
                    counted,
                    measured.seconds,
                    stopped,
                )
                .await?,
            );
        }
    }
    if !matches!(billing, Billing::SelfHosted) {
        notes.push(metered(&running.state.db, db, billing).await?);
    }
    running.stop().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Puts the bench's organization on the plan `billing` measures: `unlimited` (no cap), or a
/// copy of it under another name, which caps at its (unreachable) `max_triggers`.
async fn put_on_plan(db: &sea_orm::DatabaseConnection, billing: Billing) -> anyhow::Result<()> {
    use entity::{organization, subscription_plans};
    let plan = match billing {
        Billing::SelfHosted => return Ok(()),
        Billing::Metered => "unlimited".to_owned(),
        Billing::MeteredCapped => {
            let unlimited = subscription_plans::Entity::find()
                .filter(subscription_plans::Column::Name.eq("unlimited"))
                .one(db)
                .await?
                .context("the seeded unlimited plan")?;
            let mut capped: subscription_plans::ActiveModel = unlimited.into();
            capped.id = Set(uuid::Uuid::new_v4());
            capped.name = Set("bench-capped".into());
            capped.stripe_price_id = Set(None);
            capped.polar_product_id = Set(None);
            capped.reset_all().insert(db).await?;
            "bench-capped".to_owned()
        }
    };
    organization::Entity::update_many()
        .col_expr(
            organization::Column::SubscriptionPlan,
            sea_orm::sea_query::Expr::value(plan),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// The three callbacks: cached an hour, forwarded every time, and forwarded with a STORE and
/// a QUEUE action. Returns (name, id, trigger URL).
async fn create_callbacks(
    client: &Client,
    token: &str,
    project: &str,
    upstream: std::net::SocketAddr,
    base: &str,
) -> anyhow::Result<Vec<(&'static str, uuid::Uuid, String)>> {
    let mut urls = Vec::new();
    for (name, cache) in [("cached", 3600), ("forwarded", 0), ("two actions", 0)] {
        let created = client
            .gql(
                Some(token),
                "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerToken } }",
                json!({ "i": { "projectId": project, "name": name, "callbackUrl": format!("http://{upstream}/in"), "cachePeriod": cache } }),
            )
            .await?;
        let id = created["createCallback"]["id"]
            .as_str()
            .context("id")?
            .to_owned();
        if name == "two actions" {
            for (kind, config) in [
                ("STORE", json!({ "key": "order-{{request.body.order.id}}" })),
                ("QUEUE", json!({ "queue": "orders" })),
            ] {
                client
                    .gql(
                        Some(token),
                        "mutation($i: CreateActionInput!) { createAction(input: $i) { id } }",
                        json!({ "i": { "callbackId": id, "type": kind, "config": config } }),
                    )
                    .await?;
            }
        }
        let trigger = created["createCallback"]["triggerToken"]
            .as_str()
            .context("token")?;
        urls.push((
            name,
            uuid::Uuid::parse_str(&id)?,
            format!("{base}/t/{trigger}"),
        ));
    }
    Ok(urls)
}

/// Waits until no action is pending or running, then says how the executions ended.
async fn drain(
    db: &sea_orm::DatabaseConnection,
    which: Db,
    billing: Billing,
    counted: (u64, u64),
    load_seconds: f64,
    stopped: Instant,
) -> anyhow::Result<String> {
    for _ in 0..1200 {
        if executions(db).await?.unfinished == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let drained = stopped.elapsed().as_secs_f64();
    let e = executions(db).await?;
    Ok(format!(
        "actions ({which:?}, {}): {} executions succeeded, {} failed, {} unfinished, of {} expected (2 per logged trigger); \
         the last finished {drained:.1} s after the load stopped; {:.0} succeeded per second from the load's start",
        billing.label(),
        e.succeeded,
        e.failed,
        e.unfinished,
        2 * (counted.0 + counted.1),
        e.succeeded as f64 / (load_seconds + drained),
    ))
}

/// What the meter counted on a metered server, beside the triggers logged: they must agree.
async fn metered(
    db: &sea_orm::DatabaseConnection,
    which: Db,
    billing: Billing,
) -> anyhow::Result<String> {
    use entity::{callback_logs, organization, usage_events};
    use sea_orm::{PaginatorTrait, QuerySelect};
    let counter: Option<i64> = organization::Entity::find()
        .select_only()
        .column(organization::Column::CallbackTriggersUsed)
        .into_tuple()
        .one(db)
        .await?;
    let hourly: Vec<f64> = usage_events::Entity::find()
        .select_only()
        .column(usage_events::Column::Units)
        .filter(usage_events::Column::EventName.eq("callback_triggers"))
        .into_tuple()
        .all(db)
        .await?;
    let logs = callback_logs::Entity::find().count(db).await?;
    Ok(format!(
        "meter ({which:?}, {}): the organization's trigger counter says {}, its hourly usage events {} (in {} rows); {logs} log rows were written \
         (a trigger counts when admitted, its log row comes after its answer: a request wrk cuts off at the end can be counted without one)",
        billing.label(),
        counter.unwrap_or(0),
        hourly.iter().sum::<f64>(),
        hourly.len(),
    ))
}
