//! Faults a deployment survives, with the real `vigil serve` binary on SQLite and PostgreSQL:
//! short leases renewed by their holder (a holder that works longer than several leases keeps
//! its work; one that dies has it taken over within one lease), and a graceful SIGTERM (held
//! work finishes within the grace period or goes back to the queue, nothing stays RUNNING,
//! the process exits 0, and a second process completes the rest without a duplicate).
//!
//! And the whole, as an operator runs it: three processes with split roles on a PostgreSQL
//! server of the test's own, 2,000 monitors, a job and a stream of triggers, through a
//! `kill -9`, a database restart and a SIGTERM
//! ([`three_processes_lose_nothing_to_kill_9_a_database_restart_or_sigterm`]).
//!
//! Receivers count deliveries by `webhook-id`, the idempotency key every attempt of one action
//! execution carries: the only duplicates allowed are attempts that were on the wire when
//! their process died or gave them back, and they carry the same key as their first copy.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use entity::action_executions::{self, ActionExecutionStatus};
use entity::runs::{self, RunStatus};
use entity::{monitor_locations, monitor_results};
use futures_util::StreamExt;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;
use vigil_tests::cluster::Cluster;
use vigil_tests::receivers::{Received, Receiver};
use vigil_tests::target::Target;
use vigil_tests::ws::Ws;
use vigil_tests::{
    Backend, Deployment, HANG, Served, TestUser, backends, eventually, postgres_or_skip,
};

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
    fire_to(&server.http, &server.url, token, n).await
}

/// Sends one trigger to the process at `url`; its status (0 when no answer came).
async fn fire_to(http: &reqwest::Client, url: &str, token: &str, n: usize) -> u16 {
    http.post(format!("{url}/t/{token}"))
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

/// Monitors of the three-process deployment.
const MONITORS: usize = 2_000;

/// What the trigger clients of [`Stream`] got back.
#[derive(Debug, Default)]
struct Answers {
    accepted: usize,
    unavailable: usize,
    other: Vec<u16>,
}

/// Clients sending callback triggers to a process, one after another each, until stopped; they
/// can be held (between two triggers) while the test counts what was delivered.
struct Stream {
    answers: Arc<Mutex<Answers>>,
    paused: Arc<AtomicBool>,
    in_flight: Arc<AtomicUsize>,
    stop: CancellationToken,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Stream {
    fn start(server: &Served, token: &str, clients: usize) -> Stream {
        let answers = Arc::new(Mutex::new(Answers::default()));
        let paused = Arc::new(AtomicBool::new(false));
        let in_flight = Arc::new(AtomicUsize::new(0));
        let stop = CancellationToken::new();
        let tasks = (0..clients)
            .map(|client| {
                let (http, url, token) =
                    (server.http.clone(), server.url.clone(), token.to_owned());
                let (answers, paused, in_flight, stop) = (
                    answers.clone(),
                    paused.clone(),
                    in_flight.clone(),
                    stop.clone(),
                );
                tokio::spawn(async move {
                    // Bounded: at most 20,000 triggers per client.
                    for n in 0..20_000 {
                        if stop.is_cancelled() {
                            break;
                        }
                        if paused.load(Ordering::SeqCst) {
                            tokio::time::sleep(Duration::from_millis(20)).await;
                            continue;
                        }
                        in_flight.fetch_add(1, Ordering::SeqCst);
                        let status = fire_to(&http, &url, &token, client * 100_000 + n).await;
                        {
                            let mut answers = answers.lock().expect("answers");
                            match status {
                                200..=299 => answers.accepted += 1,
                                503 => answers.unavailable += 1,
                                other => answers.other.push(other),
                            }
                        }
                        in_flight.fetch_sub(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(40)).await;
                    }
                })
            })
            .collect();
        Stream {
            answers,
            paused,
            in_flight,
            stop,
            tasks,
        }
    }

    /// Holds the clients and waits until no trigger is on the wire; the triggers accepted so far.
    async fn hold(&self) -> usize {
        self.paused.store(true, Ordering::SeqCst);
        eventually("the trigger clients holding", || async {
            (self.in_flight.load(Ordering::SeqCst) == 0).then_some(())
        })
        .await;
        self.answers.lock().expect("answers").accepted
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }

    async fn end(self) -> Answers {
        self.stop.cancel();
        for task in self.tasks {
            let _ = task.await;
        }
        Arc::try_unwrap(self.answers)
            .map(|m| m.into_inner().expect("answers"))
            .unwrap_or_default()
    }
}

/// Duplicates among the sink's deliveries: copies beyond the first of each `webhook-id`.
fn duplicates(sink: &Receiver) -> usize {
    by_key(&sink.requests()).values().map(|n| n - 1).sum()
}

/// The index among `workers` (process ids) of the process running `run`'s k6: the worker that
/// is an ancestor of a process whose command line names the run.
fn runner_of(run: &str, workers: &[u32]) -> Option<usize> {
    let parent = |pid: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // pid (comm) state ppid …: the command may hold spaces, so read after its ')'.
        stat.rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if !String::from_utf8_lossy(&cmdline).contains(run) {
            continue;
        }
        let mut at = pid;
        for _ in 0..64 {
            if let Some(index) = workers.iter().position(|w| *w == at) {
                return Some(index);
            }
            match parent(at) {
                Some(up) if up > 1 => at = up,
                _ => break,
            }
        }
    }
    None
}

/// The check results of every monitor, in order of time: (monitor, checked at).
async fn results(db: &DatabaseConnection) -> Vec<(Uuid, DateTime<Utc>)> {
    monitor_results::Entity::find()
        .select_only()
        .column(monitor_results::Column::MonitorId)
        .column(monitor_results::Column::CheckedAt)
        .order_by_asc(monitor_results::Column::MonitorId)
        .order_by_asc(monitor_results::Column::CheckedAt)
        .into_tuple()
        .all(db)
        .await
        .expect("reading check results")
}

/// How the regular checks of every monitor were spaced: `(doubles, late, longest)`, where a
/// double is two checks within half a period (a slot checked twice), late is a gap longer than
/// a period, a lease and `slack`, plus the time of any `outages` (no process could check) it
/// spans, and longest is the longest gap outside the outages. A monitor's first two checks
/// are left out: the first is spread over ten seconds after its creation, the second comes at
/// its first slot, however soon after.
fn spacing(
    results: &[(Uuid, DateTime<Utc>)],
    lease: chrono::Duration,
    slack: chrono::Duration,
    outages: &[(DateTime<Utc>, DateTime<Utc>)],
) -> (usize, usize, chrono::Duration) {
    let period = chrono::Duration::minutes(1);
    let (mut doubles, mut late, mut longest) = (0, 0, chrono::Duration::zero());
    for checks in results.chunk_by(|a, b| a.0 == b.0) {
        for pair in checks.iter().skip(1).collect::<Vec<_>>().windows(2) {
            let (from, to) = (pair[0].1, pair[1].1);
            let gap = to - from;
            if gap < period / 2 {
                doubles += 1;
            }
            let spanned: chrono::Duration = outages
                .iter()
                .filter(|(start, end)| *start < to && *end > from)
                .map(|(start, end)| *end - *start)
                .sum();
            if gap > period + lease + slack + spanned {
                late += 1;
            }
            if spanned.is_zero() && gap > longest {
                longest = gap;
            }
        }
    }
    (doubles, late, longest)
}

/// Waits until every process answers `/readyz` with 200.
async fn all_ready(processes: &[&Served]) {
    for process in processes {
        eventually("a process ready again", || async {
            process
                .http
                .get(format!("{}/readyz", process.url))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
                .then_some(())
        })
        .await;
    }
}

/// Three processes on a PostgreSQL server of the test's own, as an operator runs them: one
/// `api` and two `worker`s of one location (so that either can take the other's work over),
/// 2,000 one-minute HTTP monitors on a loopback target, a k6 job, and clients sending
/// callback triggers whose HTTP_POST action goes to a sink that counts deliveries by
/// `webhook-id`. Then, in turn: `kill -9` of the worker running the job, in the middle of
/// checks and deliveries; PostgreSQL stopped for 10 s and started again; SIGTERM of the other
/// worker, and a new one started. Asserted: nothing accepted is lost, duplicates only under
/// `kill -9` and no more than the deliveries in flight then, none from the restart or SIGTERM;
/// no slot checked twice, none later than a lease (plus the outage); the run re-queued once and
/// finished; the API answering 503 while the database is down; every process up throughout;
/// subscriptions on the `api` process fed by the workers, told of the gap, without duplicates.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_processes_lose_nothing_to_kill_9_a_database_restart_or_sigterm() {
    if postgres_or_skip("three_processes_lose_nothing_to_kill_9_a_database_restart_or_sigterm")
        .is_none()
    {
        return;
    }
    let cluster = Cluster::start().expect("PostgreSQL's programs (Debian's postgresql package)");
    let deployment = Deployment::new(&Backend::Postgres(cluster.url())).await;
    // The default lease (20 s): a 10 s database restart stays within it.
    let lease = chrono::Duration::seconds(20);
    let process = |name: &str, role: &str| {
        deployment
            .process(name)
            .role(role)
            .location("eu")
            .env("VIGIL_SHUTDOWN_GRACE_SECONDS", "10")
    };
    let mut api = process("api", "api").start().await;
    let worker_a = process("worker-a", "worker").start().await;
    let worker_b = process("worker-b", "worker").start().await;
    let db = deployment.sql().await;

    let user = api.sign_up("replicas@example.com").await;
    let (_, project) = api.create_org(&user, "Replicas").await;
    let target = Target::start().await;
    let created = futures_util::stream::iter(0..MONITORS)
        .map(|n| {
            let (api, user, project, target) = (&api, &user, &project, &target);
            async move {
                api.gql(
                    Some(&user.token),
                    "mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }",
                    json!({ "i": { "projectId": project, "name": format!("shop {n}"), "type": "HTTP",
                        "target": target.url(&format!("/m/{n}")), "frequencyMinutes": 1, "locations": ["eu"] } }),
                )
                .await
                .ok()["createMonitor"]["id"]
                    .is_string()
            }
        })
        .buffer_unordered(8)
        .filter(|ok| std::future::ready(*ok))
        .count()
        .await;
    assert_eq!(created, MONITORS);
    let (upstream, sink) = (Receiver::start().await, Receiver::start().await);
    // Deliveries take a moment, so that some are on the wire whenever a process dies.
    sink.set_delay(Duration::from_millis(300));
    let token = hook(&api, &user, &project, &upstream, &sink).await;
    let sleeper = "import { sleep } from 'k6';\nexport const options = { vus: 1, iterations: 1 };\nexport default function () { sleep(15); }\n";
    let test = api
        .gql(
            Some(&user.token),
            "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
            json!({ "i": { "projectId": project, "title": "sleeper", "type": "PERFORMANCE", "script": sleeper } }),
        )
        .await
        .ok()["createTest"]["id"]
        .clone();
    let job = api
        .gql(
            Some(&user.token),
            "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
            json!({ "i": { "projectId": project, "name": "load", "jobType": "K6", "testIds": [test], "timeoutSeconds": 300 } }),
        )
        .await
        .ok()["createJob"]["id"]
        .clone();

    // A subscription on the api process: the results are made by the workers.
    let mut socket = Ws::connect(&api.url, Some(&user.token)).await;
    socket
        .start(
            "results",
            "subscription($p: ID!) { monitorResultAdded(projectId: $p) { id } }",
            json!({ "p": project }),
        )
        .await;
    let first = socket
        .payload_within("results", HANG)
        .await
        .expect("a result made on a worker reaches the api's subscriber");
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(
        first["data"]["monitorResultAdded"]["id"]
            .as_str()
            .expect("id")
            .to_owned(),
    );

    let stream = Stream::start(&api, &token, 4);

    // 1. kill -9 of the worker running the job, in the middle of checks and deliveries.
    let run = api
        .gql(
            Some(&user.token),
            "mutation($id: ID!) { triggerJob(id: $id) { id } }",
            json!({ "id": job }),
        )
        .await
        .ok()["triggerJob"]["id"]
        .as_str()
        .expect("run id")
        .to_owned();
    let workers = [worker_a.pid(), worker_b.pid()];
    let runner = eventually("the run's k6 process on a worker", || async {
        runner_of(&run, &workers)
    })
    .await;
    let (victim, mut survivor) = if runner == 0 {
        (worker_a, worker_b)
    } else {
        (worker_b, worker_a)
    };
    tokio::time::sleep(Duration::from_secs(2)).await;
    let on_the_wire = executions(&db)
        .await
        .iter()
        .filter(|e| e.status == ActionExecutionStatus::Running)
        .count();
    victim.kill().await;
    let killed = Instant::now();
    let requeued = eventually("the interrupted run started again", || async {
        let row = runs::Entity::find_by_id(Uuid::parse_str(&run).expect("uuid"))
            .one(&db)
            .await
            .expect("db")
            .expect("run");
        (row.attempt == 2 && row.status == RunStatus::Running).then(|| killed.elapsed())
    })
    .await;
    let ended = eventually("the run ending", || async {
        let row = runs::Entity::find_by_id(Uuid::parse_str(&run).expect("uuid"))
            .one(&db)
            .await
            .expect("db")
            .expect("run");
        (!matches!(row.status, RunStatus::Queued | RunStatus::Running)).then_some(row)
    })
    .await;
    assert_eq!(ended.status, RunStatus::Passed, "{:?}", ended.error_details);
    assert_eq!(ended.attempt, 2, "re-queued once");
    assert!(
        ended.logs.unwrap_or_default().contains("queued again"),
        "the run's log says it was queued again"
    );
    let accepted = stream.hold().await;
    all_succeeded(&db, accepted).await;
    let kill_duplicates = duplicates(&sink);
    assert_eq!(
        by_key(&sink.requests()).len(),
        accepted,
        "none lost after kill -9"
    );
    assert!(
        kill_duplicates <= on_the_wire,
        "duplicates under kill -9 ({kill_duplicates}) beyond the deliveries in flight ({on_the_wire})"
    );
    assert!(
        survivor.running() && api.running(),
        "the other processes stayed up"
    );
    stream.resume();

    // 2. PostgreSQL stopped for 10 s and started again.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let stopped_at = Utc::now();
    cluster.stop();
    let stopped = Instant::now();
    let asked = Instant::now();
    let answer = api
        .http
        .post(format!("{}/graphql", api.url))
        .bearer_auth(&user.token)
        .json(&json!({ "query": "{ me { id } }" }))
        .timeout(Duration::from_secs(60))
        .send()
        .await
        .expect("the API answers while the database is down");
    let answered_in = asked.elapsed();
    assert_eq!(answer.status().as_u16(), 503);
    assert!(answer.headers().contains_key("retry-after"));
    let body: Value = answer.json().await.expect("JSON");
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "UNAVAILABLE",
        "{body}"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("database") && !m.contains("Connection")),
        "a clear message, no driver text: {body}"
    );
    tokio::time::sleep(Duration::from_secs(10).saturating_sub(stopped.elapsed())).await;
    cluster.resume();
    all_ready(&[&api, &survivor]).await;
    let back_at = Utc::now();
    assert!(
        survivor.running() && api.running(),
        "every process stayed up"
    );
    // The subscription hears of the gap, then of results checked after the restart (results
    // checked before the stop and recorded once the database was back come first).
    let mut missed = false;
    let deadline = Instant::now() + HANG;
    loop {
        assert!(
            Instant::now() < deadline,
            "no notice of the gap (missed: {missed}) or no result checked after the restart within {} s",
            HANG.as_secs()
        );
        let payload = socket
            .payload_within("results", HANG)
            .await
            .expect("the subscription goes on");
        if payload["errors"][0]["extensions"]["code"] == "EVENTS_MISSED" {
            missed = true;
            continue;
        }
        let id = payload["data"]["monitorResultAdded"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("a result or the notice of a gap: {payload}"))
            .to_owned();
        assert!(
            seen.insert(id.clone()),
            "no result twice on the subscription: {id}"
        );
        if !missed {
            continue;
        }
        let row = monitor_results::Entity::find_by_id(Uuid::parse_str(&id).expect("uuid"))
            .one(&db)
            .await
            .expect("db")
            .expect("the result");
        if row.checked_at > back_at {
            break;
        }
    }
    let accepted = stream.hold().await;
    all_succeeded(&db, accepted).await;
    assert_eq!(
        by_key(&sink.requests()).len(),
        accepted,
        "none lost to the restart"
    );
    assert_eq!(
        duplicates(&sink),
        kill_duplicates,
        "no duplicate from the restart"
    );
    stream.resume();

    // 3. SIGTERM of the remaining worker; a new one takes its place.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let terminated_at = Utc::now();
    survivor.terminate();
    assert!(survivor.exited().await, "exit code 0 after SIGTERM");
    assert_eq!(held(&db).await, 0, "no execution left RUNNING or leased");
    let leased_slots = monitor_locations::Entity::find()
        .filter(monitor_locations::Column::ClaimedUntil.gt(Utc::now()))
        .count(&db)
        .await
        .expect("db");
    assert_eq!(
        leased_slots, 0,
        "no check left under the stopped worker's lease"
    );
    let worker_c = process("worker-c", "worker").start().await;
    let replaced_at = Utc::now();
    let accepted = stream.hold().await;
    all_succeeded(&db, accepted).await;
    assert_eq!(
        by_key(&sink.requests()).len(),
        accepted,
        "none lost to SIGTERM"
    );
    assert_eq!(
        duplicates(&sink),
        kill_duplicates,
        "no duplicate from SIGTERM"
    );
    stream.resume();
    // A full period more, so that every monitor is checked after the handover.
    tokio::time::sleep(Duration::from_secs(65)).await;
    let answers = stream.end().await;
    assert!(
        answers.other.is_empty(),
        "triggers answered only 2xx or 503: {:?}",
        answers.other
    );
    let accepted = answers.accepted;
    all_succeeded(&db, accepted).await;
    assert_eq!(by_key(&sink.requests()).len(), accepted);
    assert_eq!(duplicates(&sink), kill_duplicates);

    let checks = results(&db).await;
    let outages = [(stopped_at, back_at), (terminated_at, replaced_at)];
    let (doubles, late, longest) = spacing(&checks, lease, chrono::Duration::seconds(10), &outages);
    let hits: u32 = (0..MONITORS).map(|n| target.hits(&n.to_string())).sum();
    eprintln!(
        "[postgres] 3 processes, {MONITORS} monitors: {} checks recorded, {} requests at the target \
         ({} checks with no result recorded: made by the killed worker, or given up during the outage, and made again); no slot checked twice ({doubles}), \
         none late ({late}), longest gap outside outages {} s; run re-queued and running again {:.1} s after the kill \
         (lease {} s); triggers: {accepted} accepted, {} answered 503 while the database was down, 0 lost, \
         {kill_duplicates} duplicates under kill -9 ({on_the_wire} deliveries in flight), 0 from the restart and SIGTERM; \
         API answered 503 {:.1} s into the outage",
        checks.len(),
        hits,
        i64::from(hits) - i64::try_from(checks.len()).unwrap_or(0),
        longest.num_seconds(),
        requeued.as_secs_f64(),
        lease.num_seconds(),
        answers.unavailable,
        answered_in.as_secs_f64(),
    );
    assert_eq!(doubles, 0, "a slot checked twice");
    assert_eq!(late, 0, "a check later than a period and a lease");
    worker_c.stop().await;
    api.stop().await;
    deployment.remove().await;
}

/// Replicas of a fresh deployment start at the same moment on an empty PostgreSQL database:
/// they take turns at the migrations, so every one starts, and each migration is applied once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_starting_at_once_on_an_empty_database_all_start() {
    let Some(backend) =
        postgres_or_skip("replicas_starting_at_once_on_an_empty_database_all_start")
    else {
        return;
    };
    for round in 0..3 {
        let deployment = Deployment::new(&backend).await;
        let (api, first, second) = tokio::join!(
            deployment.process("api").role("api").start(),
            deployment.process("worker-1").role("worker").start(),
            deployment.process("worker-2").role("worker").start(),
        );
        let db = deployment.sql().await;
        let applied = db
            .query_all_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                "SELECT version FROM seaql_migrations",
            ))
            .await
            .expect("the migrations table");
        assert_eq!(
            applied.len(),
            <migration::Migrator as migration::MigratorTrait>::migrations().len(),
            "round {round}: each migration applied once"
        );
        for process in [api, first, second] {
            process.stop().await;
        }
        deployment.remove().await;
    }
}
