//! Readiness (`/readyz`): whether this process can do its work now, and what is wrong when it
//! cannot. Three checks, each bounded in time so that the answer never hangs:
//!
//! - the database answers a ping within [`PING_TIMEOUT`];
//! - the database has applied every migration this binary knows (a database ahead of the
//!   binary, during a rolling upgrade, is not a problem for this check);
//! - every worker loop of the process turned recently: each loop beats its [`Heartbeats`]
//!   entry once a turn, and is stalled when its last beat is older than
//!   [`stall_bound`] of its interval.
//!
//! The answer names problems in words, never with the database's own error text (which may
//! name hosts); those are logged.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde::Serialize;

/// How long the database has to answer the readiness ping (and the migrations query).
pub const PING_TIMEOUT: Duration = Duration::from_secs(2);
/// Added to every loop's bound: one turn may hold slow calls (a check, an action's request
/// within its timeout, a batch written on a busy database) without being a stall.
pub const STALL_GRACE: Duration = Duration::from_secs(120);

/// How old a loop's last beat may be before the loop counts as stalled: three of its
/// intervals plus [`STALL_GRACE`].
pub fn stall_bound(every: Duration) -> Duration {
    every.saturating_mul(3).saturating_add(STALL_GRACE)
}

/// The worker loops of this process and when each last turned.
#[derive(Default)]
pub struct Heartbeats(Mutex<BTreeMap<String, Beat>>);

#[derive(Debug, Clone, Copy)]
struct Beat {
    bound: Duration,
    last: Instant,
}

impl Heartbeats {
    /// Registers a loop that turns about every `every`; it counts as just beaten.
    pub fn expect(&self, name: &str, every: Duration) {
        self.expect_within(name, stall_bound(every));
    }

    /// Registers a loop that is stalled once its last beat is older than `bound` (tests use
    /// a short one to provoke a stall).
    pub fn expect_within(&self, name: &str, bound: Duration) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(
                name.to_owned(),
                Beat {
                    bound,
                    last: Instant::now(),
                },
            );
        }
    }

    /// Notes one turn of the loop `name` (registered by [`Heartbeats::expect`]; a loop that
    /// was not is ignored, so that a test driving a worker by hand registers nothing).
    pub fn beat(&self, name: &str) {
        if let Ok(mut map) = self.0.lock()
            && let Some(beat) = map.get_mut(name)
        {
            beat.last = Instant::now();
        }
    }

    /// How many loops are registered.
    pub fn len(&self) -> usize {
        self.0.lock().map(|m| m.len()).unwrap_or(0)
    }

    /// Whether no loop is registered (an `api` process).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The loops stalled at `now`, with the seconds since their last beat.
    pub fn stalled(&self, now: Instant) -> Vec<(String, u64)> {
        let Ok(map) = self.0.lock() else {
            return vec![("heartbeats".into(), 0)];
        };
        map.iter()
            .filter_map(|(name, beat)| {
                let age = now.saturating_duration_since(beat.last);
                (age > beat.bound).then(|| (name.clone(), age.as_secs()))
            })
            .collect()
    }
}

/// The answer of `/readyz`.
#[derive(Debug, Clone, Serialize)]
pub struct Readiness {
    pub ready: bool,
    /// What is not ready, one sentence each; empty when ready.
    pub problems: Vec<String>,
    pub database: &'static str,
    /// Migrations this binary knows that the database has not applied (`null` when they
    /// could not be read).
    pub migrations_pending: Option<usize>,
    /// Worker loops of this process (none in an `api` process).
    pub worker_loops: usize,
    pub stalled_loops: Vec<String>,
}

/// Checks the database, its migrations and `loops`.
pub async fn check(db: &DatabaseConnection, loops: &Heartbeats) -> Readiness {
    let mut problems = Vec::new();
    let database = match tokio::time::timeout(PING_TIMEOUT, db.execute_unprepared("SELECT 1")).await
    {
        Ok(Ok(_)) => "ok",
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness: the database ping failed");
            problems.push("database unreachable: the ping failed (see the log)".to_owned());
            "unreachable"
        }
        Err(_) => {
            problems.push(format!(
                "database unreachable: no answer to a ping within {} s",
                PING_TIMEOUT.as_secs()
            ));
            "unreachable"
        }
    };
    let migrations_pending = if database == "ok" {
        match tokio::time::timeout(PING_TIMEOUT, pending_migrations(db)).await {
            Ok(Ok(pending)) => Some(pending),
            Ok(Err(err)) => {
                tracing::warn!(error = %err, "readiness: reading the applied migrations failed");
                problems.push("migrations: the applied migrations cannot be read".to_owned());
                None
            }
            Err(_) => {
                problems.push("migrations: the applied migrations were not read in time".into());
                None
            }
        }
    } else {
        None
    };
    if let Some(pending) = migrations_pending.filter(|n| *n > 0) {
        problems.push(format!(
            "migrations behind: the database lacks {pending} migration(s) this binary knows (run `vigil migrate up`, or start this version with a role that migrates)"
        ));
    }
    let stalled = loops.stalled(Instant::now());
    for (name, secs) in &stalled {
        problems.push(format!(
            "worker loop stalled: {name} has not turned for {secs} s"
        ));
    }
    Readiness {
        ready: problems.is_empty(),
        problems,
        database,
        migrations_pending,
        worker_loops: loops.len(),
        stalled_loops: stalled.into_iter().map(|(name, _)| name).collect(),
    }
}

/// Migrations this binary knows that the database has not applied.
pub async fn pending_migrations(db: &DatabaseConnection) -> Result<usize, sea_orm::DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations",
        ))
        .await?;
    let applied: std::collections::HashSet<String> = rows
        .iter()
        .filter_map(|row| row.try_get::<String>("", "version").ok())
        .collect();
    Ok(Migrator::migrations()
        .iter()
        .filter(|m| !applied.contains(m.name()))
        .count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loop_is_stalled_only_past_its_bound() {
        let loops = Heartbeats::default();
        loops.expect("engine", Duration::from_secs(1));
        loops.expect_within("quick", Duration::from_millis(10));
        let now = Instant::now();
        assert!(loops.stalled(now).is_empty());
        let later = now + Duration::from_secs(1);
        assert_eq!(loops.stalled(later), vec![("quick".to_owned(), 1)]);
        let much_later = now + stall_bound(Duration::from_secs(1)) + Duration::from_secs(1);
        assert_eq!(loops.stalled(much_later).len(), 2);
        // A beat of an unknown loop registers nothing.
        loops.beat("unknown");
        assert_eq!(loops.len(), 2);
    }

    #[test]
    fn the_bound_grows_with_the_interval() {
        assert_eq!(
            stall_bound(Duration::from_secs(1)),
            Duration::from_secs(123)
        );
        assert_eq!(
            stall_bound(Duration::from_secs(300)),
            Duration::from_secs(1020)
        );
    }
}
