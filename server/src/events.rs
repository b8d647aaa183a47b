//! Live events for GraphQL subscriptions, delivered to subscribers on every replica.
//!
//! On PostgreSQL an event is a `NOTIFY` on the `vigil_events` channel, sent inside the
//! transaction that caused it (so it goes out only if that commits), and every replica
//! `LISTEN`s and feeds its local broadcast channel. On SQLite (one process) events go straight
//! to the local channel after the commit.

use std::sync::atomic::{AtomicUsize, Ordering};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

/// The PostgreSQL notification channel.
pub const CHANNEL: &str = "vigil_events";

/// Everything a subscriber can be told about. Events carry ids; subscribers load what they
/// show, with their own permissions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    AuditLogAdded {
        organization_id: Uuid,
        audit_log_id: Uuid,
    },
    NotificationAdded {
        user_id: Uuid,
        notification_id: Uuid,
    },
    MonitorResultAdded {
        monitor_id: Uuid,
        project_id: Uuid,
        result_id: Uuid,
    },
    MonitorStatusChanged {
        monitor_id: Uuid,
        project_id: Uuid,
    },
    CallbackLogAdded {
        callback_id: Uuid,
        project_id: Uuid,
        log_id: Uuid,
    },
    /// A run changed state (queued, running, finished) or its fields.
    RunUpdated {
        run_id: Uuid,
        project_id: Uuid,
    },
    /// Output lines of a run, masked, each capped (see `testing::runlog`), a few KiB at most.
    RunLog {
        run_id: Uuid,
        /// The number of the first line in the run's output (1-based).
        #[serde(default)]
        first: u64,
        lines: Vec<String>,
    },
    /// Something a status page shows changed: the page's settings, a component's status, an
    /// incident, a maintenance window or a postmortem. Public pages served from a cache drop
    /// it; `statusPageUpdated` subscribers hear of it.
    StatusPageUpdated {
        status_page_id: Uuid,
        project_id: Uuid,
    },
    /// `cancelRun` on a running run: the replica running it stops its processes.
    RunCancelRequested {
        run_id: Uuid,
    },
    /// Local to one process, never sent through PostgreSQL: its listener lost its connection
    /// and is listening again, so events sent meanwhile may never arrive. Subscribers tell
    /// their clients (`EVENTS_MISSED`), caches drop what they hold.
    EventsMissed,
}

/// A fan-out of [`Event`]s to every subscriber.
#[derive(Clone)]
pub struct EventBus {
    sender: broadcast::Sender<Event>,
    postgres: bool,
    /// SQLite has one writer at a time: write transactions of this process queue here, first
    /// come first served, rather than in SQLite's busy handler, which sleeps up to 100 ms
    /// between tries and gives a loaded server a long latency tail.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// GraphQL subscriptions listening now (see [`EventBus::listen`]).
    listening: std::sync::Arc<AtomicUsize>,
}

/// A GraphQL subscription counted in [`EventBus::subscriptions`] until this is dropped.
pub struct Listening(std::sync::Arc<AtomicUsize>);

impl Drop for Listening {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl EventBus {
    /// A bus for one process (SQLite).
    pub fn local() -> Self {
        let (sender, _) = broadcast::channel(4096);
        Self {
            sender,
            postgres: false,
            writer: std::sync::Arc::default(),
            listening: std::sync::Arc::default(),
        }
    }

    /// A bus that crosses replicas through PostgreSQL; listens until `shutdown`.
    pub async fn postgres(
        db: &DatabaseConnection,
        shutdown: CancellationToken,
    ) -> anyhow::Result<Self> {
        let (sender, _) = broadcast::channel(4096);
        let pool = db.get_postgres_connection_pool().clone();
        let mut listener = listen(&pool).await?;
        let local = sender.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    received = listener.try_recv() => match received {
                        Ok(Some(notification)) => match serde_json::from_str::<Vec<Event>>(notification.payload()) {
                            Ok(events) => {
                                for event in events {
                                    let _ = local.send(event);
                                }
                            }
                            Err(err) => tracing::warn!(error = %err, "unreadable event"),
                        },
                        // The connection was lost (the database restarted, a proxy cut it):
                        // notifications sent meanwhile are gone.
                        Ok(None) | Err(_) => {
                            tracing::warn!("event listener lost its connection; listening again");
                            let Some(again) = relisten(&pool, &shutdown).await else { break };
                            listener = again;
                            tracing::info!("event listener is listening again; subscribers are told they may have missed events");
                            let _ = local.send(Event::EventsMissed);
                        }
                    },
                }
            }
        });
        Ok(Self {
            sender,
            postgres: true,
            writer: std::sync::Arc::default(),
            listening: std::sync::Arc::default(),
        })
    }

    /// A turn at writing: on SQLite, waits for the write transactions ahead; PostgreSQL's
    /// writers need no turn.
    pub async fn write_turn(&self) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        if self.postgres {
            None
        } else {
            Some(self.writer.clone().lock_owned().await)
        }
    }

    /// Whether events travel through PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.postgres
    }

    /// Sends an event now (outside any transaction).
    pub async fn publish(&self, db: &impl ConnectionTrait, event: Event) {
        if self.postgres {
            if let Err(err) = notify(db, &event).await {
                tracing::warn!(error = %err, "publishing an event failed");
            }
        } else {
            let _ = self.sender.send(event);
        }
    }

    /// Sends to local subscribers only.
    pub(crate) fn send_local(&self, event: Event) {
        let _ = self.sender.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.sender.subscribe()
    }

    /// A receiver for a GraphQL subscription, counted in [`EventBus::subscriptions`] while the
    /// returned [`Listening`] lives.
    pub fn listen(&self) -> (broadcast::Receiver<Event>, Listening) {
        let events = self.sender.subscribe();
        self.listening.fetch_add(1, Ordering::SeqCst);
        (events, Listening(self.listening.clone()))
    }

    /// How many GraphQL subscriptions receive events now. An event sent after a subscription
    /// is counted reaches it: tests wait on this before causing the event they expect.
    pub fn subscriptions(&self) -> usize {
        self.listening.load(Ordering::SeqCst)
    }
}

/// A new connection of `pool`'s settings that `LISTEN`s on [`CHANNEL`].
async fn listen(
    pool: &sea_orm::sqlx::PgPool,
) -> Result<sea_orm::sqlx::postgres::PgListener, sea_orm::sqlx::Error> {
    let mut listener = sea_orm::sqlx::postgres::PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Listens again once the database answers, trying every second (up to every 5 s); `None` on
/// shutdown.
async fn relisten(
    pool: &sea_orm::sqlx::PgPool,
    shutdown: &CancellationToken,
) -> Option<sea_orm::sqlx::postgres::PgListener> {
    let mut wait = std::time::Duration::from_secs(1);
    loop {
        match listen(pool).await {
            Ok(listener) => return Some(listener),
            Err(err) => tracing::debug!(error = %err, "the event listener cannot connect yet"),
        }
        tokio::select! {
            () = shutdown.cancelled() => return None,
            () = tokio::time::sleep(wait) => {}
        }
        wait = (wait * 2).min(std::time::Duration::from_secs(5));
    }
}

/// Largest payload of one notification (PostgreSQL's limit is 8000 bytes).
const MAX_PAYLOAD: usize = 7000;

/// `NOTIFY vigil_events` with `event` on `db` (inside a transaction it is sent at commit).
pub async fn notify(db: &impl ConnectionTrait, event: &Event) -> Result<(), sea_orm::DbErr> {
    notify_all(db, std::slice::from_ref(event)).await
}

/// Sends `events` as JSON arrays, in as few notifications as the payload limit allows.
pub async fn notify_all(db: &impl ConnectionTrait, events: &[Event]) -> Result<(), sea_orm::DbErr> {
    let mut chunk: Vec<String> = Vec::new();
    let mut size = 2;
    for event in events {
        let json =
            serde_json::to_string(event).map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
        if size + json.len() + 1 > MAX_PAYLOAD && !chunk.is_empty() {
            send(db, &chunk).await?;
            chunk.clear();
            size = 2;
        }
        size += json.len() + 1;
        chunk.push(json);
    }
    if !chunk.is_empty() {
        send(db, &chunk).await?;
    }
    Ok(())
}

async fn send(db: &impl ConnectionTrait, chunk: &[String]) -> Result<(), sea_orm::DbErr> {
    let payload = format!("[{}]", chunk.join(","));
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), payload.into()],
    ))
    .await?;
    Ok(())
}
