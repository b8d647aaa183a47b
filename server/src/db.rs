//! Database connection for SQLite and PostgreSQL, the migrations, write transactions, and the
//! claim queue of the worker loops ([`claim`]).

pub mod claim;

pub mod page;

pub mod partition;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, TransactionOptions, TransactionTrait,
};

use crate::error::{AppError, AppResult};

/// Counts SQL statements sent to the database. Tests read it to check that a request costs a
/// fixed number of statements, whatever the number of rows.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// How long a request waits for a PostgreSQL connection before it is answered 503
/// (`AppError::Unavailable`): while the database is down or restarting, requests fail fast
/// with a clear error instead of hanging, and the pool reconnects by itself afterwards.
pub const POSTGRES_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens the pool. SQLite runs in WAL mode with foreign keys on and a busy timeout, so that
/// readers never block and writers wait for each other instead of failing.
pub async fn connect(url: &str) -> anyhow::Result<(DatabaseConnection, StatementCounter)> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(30));
    if url.starts_with("sqlite:") {
        if let Some(path) = sqlite_path(url)
            && let Some(parent) = std::path::Path::new(&path).parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        options.max_connections(8).min_connections(1);
        options.map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(15))
        });
    } else {
        options
            .max_connections(32)
            .min_connections(1)
            .acquire_timeout(POSTGRES_ACQUIRE_TIMEOUT);
    }
    let mut db = Database::connect(options)
        .await
        .context("connecting to the database")?;
    let counter = StatementCounter::default();
    let inner = counter.0.clone();
    db.set_metric_callback(move |_| {
        inner.fetch_add(1, Ordering::Relaxed);
    });
    Ok((db, counter))
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    if path.is_empty() || path == ":memory:" {
        None
    } else {
        Some(path.to_owned())
    }
}

/// How often [`when_reachable`] tries again.
const REACHABLE_RETRY: Duration = Duration::from_millis(500);

/// Runs `write` again while the database cannot be reached ([`AppError::Unavailable`]), every
/// half second for up to `within` (a worker passes its lease): a worker whose work finished
/// while the database restarted records it as soon as the database is back, while it still
/// holds the work's lease, instead of leaving the work to be done a second time by whoever
/// claims it after the lease. Any other outcome is returned as it is.
pub async fn when_reachable<T, F, Fut>(within: Duration, mut write: F) -> AppResult<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = AppResult<T>>,
{
    let give_up = tokio::time::Instant::now() + within;
    loop {
        match write().await {
            Err(AppError::Unavailable(err))
                if tokio::time::Instant::now() + REACHABLE_RETRY < give_up =>
            {
                tracing::warn!(error = %err, "the database cannot be reached; trying the write again");
                tokio::time::sleep(REACHABLE_RETRY).await;
            }
            other => return other,
        }
    }
}

/// The PostgreSQL advisory lock that processes applying migrations take turns on ("Vigil",
/// then 1).
const MIGRATION_LOCK: i64 = 0x5669_6769_6c00_0001;

/// Applies every pending migration. On PostgreSQL, processes that start at the same time on
/// one database (replicas of a fresh deployment, a rolling upgrade) take turns under a session
/// advisory lock: the first applies what is pending, the others wait, then find nothing to do.
pub async fn migrate_up(db: &DatabaseConnection) -> anyhow::Result<()> {
    if !is_postgres(db) {
        return Migrator::up(db, None).await.context("applying migrations");
    }
    // The lock is held by a connection of its own, while the migrations use the pool's others.
    let mut lock = db
        .get_postgres_connection_pool()
        .acquire()
        .await
        .context("a connection for the migration lock")?;
    sea_orm::sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *lock)
        .await
        .context("waiting for the migration lock")?;
    let applied = Migrator::up(db, None).await.context("applying migrations");
    // Closing the connection would release it too; unlocking keeps the connection usable.
    let _ = sea_orm::sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *lock)
        .await;
    applied
}

/// Begins a transaction that takes the write lock at once on SQLite, so that a transaction
/// which reads and then writes never fails on a concurrent writer.
pub async fn write_txn(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// True on PostgreSQL.
pub fn is_postgres(db: &impl ConnectionTrait) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}

/// A write transaction whose events reach subscribers only if it commits, so that a subscriber
/// never hears of a row it cannot read yet, or of one rolled back.
pub struct Tx {
    txn: DatabaseTransaction,
    events: std::sync::Mutex<Vec<crate::events::Event>>,
    bus: crate::events::EventBus,
    /// The process's turn at writing (SQLite), held until the transaction ends; declared
    /// after `txn` so that it is released after the transaction is.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Tx {
    /// Begins a write transaction (see [`write_txn`]).
    pub async fn begin(state: &crate::state::AppState) -> Result<Self, DbErr> {
        Self::begin_with(&state.db, &state.events).await
    }

    /// Begins a write transaction on `db` whose events go to `bus`.
    pub async fn begin_with(
        db: &DatabaseConnection,
        bus: &crate::events::EventBus,
    ) -> Result<Self, DbErr> {
        let turn = bus.write_turn().await;
        Ok(Self {
            txn: write_txn(db).await?,
            events: std::sync::Mutex::new(Vec::new()),
            bus: bus.clone(),
            _turn: turn,
        })
    }

    /// The connection to run statements on.
    pub fn conn(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// Publishes `event` when the transaction commits: on PostgreSQL by `NOTIFY`s sent in the
    /// transaction just before the commit (many events to a notification), on SQLite by a
    /// local send after it.
    pub async fn publish(&self, event: crate::events::Event) -> Result<(), DbErr> {
        if let Ok(mut events) = self.events.lock() {
            events.push(event);
        }
        Ok(())
    }

    /// Commits, publishing the queued events.
    pub async fn commit(self) -> Result<(), DbErr> {
        let events = self.events.into_inner().unwrap_or_default();
        if self.bus.is_postgres() {
            crate::events::notify_all(&self.txn, &events).await?;
            self.txn.commit().await?;
        } else {
            self.txn.commit().await?;
            for event in events {
                self.bus.send_local(event);
            }
        }
        Ok(())
    }
}
