//! Faults a deployment survives, with the real `vigil serve` binary on SQLite and PostgreSQL:
//! short leases renewed by their holder (a holder that works longer than several leases keeps
//! its work; one that dies has it taken over within one lease), and a graceful SIGTERM (held
//! work finishes within the grace period or goes back to the queue, nothing stays RUNNING,
//! the process exits 0, and a second process completes the rest without a duplicate).
//!
//! Receivers count deliveries by `webhook-id`, the idempotency key every attempt of one action
//! execution carries: the only duplicates allowed are attempts that were on the wire when
//! their process died or gave them back, and they carry the same key as their first copy.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use entity::action_executions::{self, ActionExecutionStatus};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::json;
use vigil_tests::receivers::{Received, Receiver};
use vigil_tests::{Deployment, Served, TestUser, backends, eventually};

/// A callback forwarding to `upstream` with one HTTP_POST action to `sink` (retried on
/// failure); returns its trigger token.
async fn hook(
    server: &Served,
    user: &TestUser,
    project: &str,
    upstream: &Receiver,
    sink: &Receiver,
) -> String {
    let created = server
        .gql(
            Some(&user.token),
            "mutation($i: CreateCallbackInput!) { createCallback(input: $i) { id triggerToken } }",
            json!({ "i": { "projectId": project, "name": "orders", "callbackUrl": upstream.url("/orders") } }),
        )
        .await
        .ok();
    let callback = created["createCallback"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    server
        .gql(
            Some(&user.token),
            "mutation($i: CreateActionInput!) { createAction(input: $i) { id } }",
            json!({ "i": { "callbackId": callback, "type": "HTTP_POST",
                "config": { "url": sink.url("/post"), "maxAttempts": 5, "retryDelaySeconds": 1 } } }),
        )
        .await
        .ok();
    created["createCallback"]["triggerToken"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// Sends one trigger; its status.
async fn fire(server: &Served, token: &str, n: usize) -> u16 {
    server
        .http
        .post(format!("{}/t/{token}", server.url))
        .header("content-type", "application/json")
        .body(json!({ "n": n }).to_string())
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// The deliveries the sink got, counted by `webhook-id`.
fn by_key(received: &[Received]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for r in received {
        let key = r
            .header("webhook-id")
            .expect("every delivery carries a webhook-id");
        *counts.entry(key.to_owned()).or_insert(0) += 1;
    }
    counts
}

async fn executions(db: &DatabaseConnection) -> Vec<action_executions::Model> {
    action_executions::Entity::find()
        .all(db)
        .await
        .expect("reading executions")
}

/// Waits until `n` executions exist and all succeeded.
async fn all_succeeded(db: &DatabaseConnection, n: usize) -> Vec<action_executions::Model> {
    eventually("every action execution succeeding", || async {
        let rows = executions(db).await;
        (rows.len() == n
            && rows
                .iter()
                .all(|e| e.status == ActionExecutionStatus::Success))
        .then_some(rows)
    })
    .await
}

/// Executions left RUNNING or under a lease: none may be, once a process stopped gracefully.
async fn held(db: &DatabaseConnection) -> usize {
    executions(db)
        .await
        .iter()
        .filter(|e| {
            e.status == ActionExecutionStatus::Running
                || e.claimed_by.is_some()
                || e.claimed_until.is_some()
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_renewed_lease_outlives_several_leases_and_a_killed_holders_work_is_taken_over() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        // Three-second leases; the sink answers after ten seconds, three leases and more.
        let first = deployment
            .process("first")
            .env("VIGIL_LEASE_SECONDS", "3")
            .start()
            .await;
        let user = first.sign_up("lease@example.com").await;
        let (_, project) = first.create_org(&user, "Leases").await;
        let (upstream, sink) = (Receiver::start().await, Receiver::start().await);
        sink.set_delay(Duration::from_secs(10));
        let token = hook(&first, &user, &project, &upstream, &sink).await;
        let db = deployment.sql().await;

        assert_eq!(fire(&first, &token, 1).await, 200, "[{backend}]");
        let done = all_succeeded(&db, 1).await;
        // Four claim loops run in the process: without renewal another would have taken
        // the execution after three seconds and sent it again.
        assert_eq!(sink.requests().len(), 1, "[{backend}] sent once");
        assert_eq!(done[0].attempt, 1, "[{backend}] claimed once");

        // Killed while a delivery is on the wire: a second process takes it over after the
        // lease and sends it again, with the same key.
        sink.clear();
        sink.set_delay(Duration::from_secs(30));
        assert_eq!(fire(&first, &token, 2).await, 200, "[{backend}]");
        sink.wait_for(1).await;
        first.kill().await;
        let killed = Instant::now();
        sink.set_delay(Duration::ZERO);
        let second = deployment
            .process("second")
            .env("VIGIL_LEASE_SECONDS", "3")
            .start()
            .await;
        let rows = all_succeeded(&db, 2).await;
        let taken_over = killed.elapsed();
        let counts = by_key(&sink.requests());
        assert_eq!(counts.len(), 1, "[{backend}] one message: {counts:?}");
        assert_eq!(
            counts.values().copied().collect::<Vec<_>>(),
            [2],
            "[{backend}] the attempt on the wire, then its retry, with one key"
        );
        let retried = rows
            .iter()
            .find(|e| e.attempt > 1)
            .expect("the taken-over execution");
        assert_eq!(retried.attempt, 2, "[{backend}]");
        eprintln!(
            "[{backend}] kill -9 mid-delivery: 0 lost, 1 duplicate (same webhook-id), taken over and delivered {:.1} s after the kill (lease 3 s)",
            taken_over.as_secs_f64()
        );
        second.stop().await;
        deployment.remove().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_held_work_answers_triggers_in_flight_and_leaves_nothing_running() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let first = deployment
            .process("first")
            .env("VIGIL_LEASE_SECONDS", "3")
            .env("VIGIL_SHUTDOWN_GRACE_SECONDS", "30")
            .start()
            .await;
        let user = first.sign_up("drain@example.com").await;
        let (_, project) = first.create_org(&user, "Drain").await;
        let (upstream, sink) = (Receiver::start().await, Receiver::start().await);
        // Deliveries take two seconds: some are on the wire at the signal.
        sink.set_delay(Duration::from_secs(2));
        let token = hook(&first, &user, &project, &upstream, &sink).await;
        let (slow_upstream, slow_sink) = (Receiver::start().await, Receiver::start().await);
        slow_upstream.set_delay(Duration::from_secs(3));
        let slow = hook(&first, &user, &project, &slow_upstream, &slow_sink).await;
        let db = deployment.sql().await;

        let fired = futures_util::future::join_all((0..20).map(|n| fire(&first, &token, n))).await;
        assert!(fired.iter().all(|s| *s == 200), "[{backend}] {fired:?}");
        sink.wait_for(1).await;
        // A trigger whose forward takes three seconds is in flight at the signal.
        let in_flight = fire(&first, &slow, 99);
        let signal = async {
            slow_upstream.wait_for(1).await;
            first.terminate();
        };
        let (answer, ()) = tokio::join!(in_flight, signal);
        assert_eq!(
            answer, 200,
            "[{backend}] the trigger in flight got its answer"
        );
        assert!(first.exited().await, "[{backend}] exit code 0");
        assert_eq!(
            held(&db).await,
            0,
            "[{backend}] nothing RUNNING or leased after a graceful stop"
        );

        let second = deployment.process("second").start().await;
        all_succeeded(&db, 21).await;
        let counts = by_key(&[sink.requests(), slow_sink.requests()].concat());
        assert_eq!(
            counts.len(),
            21,
            "[{backend}] every trigger's action delivered"
        );
        let duplicated = counts.values().filter(|n| **n > 1).count();
        assert_eq!(duplicated, 0, "[{backend}] no duplicate: {counts:?}");
        second.stop().await;
        deployment.remove().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_gives_back_what_does_not_finish_within_the_grace_period() {
    for backend in backends() {
        let deployment = Deployment::new(&backend).await;
        let first = deployment
            .process("first")
            .env("VIGIL_LEASE_SECONDS", "3")
            .env("VIGIL_SHUTDOWN_GRACE_SECONDS", "1")
            .start()
            .await;
        let user = first.sign_up("release@example.com").await;
        let (_, project) = first.create_org(&user, "Release").await;
        let (upstream, sink) = (Receiver::start().await, Receiver::start().await);
        // Deliveries take longer than the grace period.
        sink.set_delay(Duration::from_secs(20));
        let token = hook(&first, &user, &project, &upstream, &sink).await;
        let db = deployment.sql().await;
        for n in 0..5 {
            assert_eq!(fire(&first, &token, n).await, 200, "[{backend}]");
        }
        sink.wait_for(1).await;
        first.terminate();
        assert!(first.exited().await, "[{backend}] exit code 0");
        assert_eq!(
            held(&db).await,
            0,
            "[{backend}] what did not finish went back to the queue"
        );
        sink.set_delay(Duration::ZERO);
        let second = deployment.process("second").start().await;
        all_succeeded(&db, 5).await;
        let counts = by_key(&sink.requests());
        assert_eq!(counts.len(), 5, "[{backend}] none lost");
        assert!(
            counts.values().all(|n| (1..=2).contains(n)),
            "[{backend}] a duplicate only for an attempt on the wire: {counts:?}"
        );
        assert!(
            counts.values().filter(|n| **n == 2).count() >= 1,
            "[{backend}] the given-back attempt was made again with its key"
        );
        second.stop().await;
        deployment.remove().await;
    }
}
