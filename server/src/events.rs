//! Live events for GraphQL subscriptions.
//!
//! Events are published after the transaction that caused them commits. Within one process they
//! travel over a broadcast channel; the PostgreSQL listener (for several replicas) feeds the
//! same channel, so a subscription does not care where an event came from.

use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use uuid::Uuid;

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
}

/// A fan-out of [`Event`]s to every subscriber of this process.
#[derive(Clone)]
pub struct EventBus {
    sender: broadcast::Sender<Event>,
}

impl Default for EventBus {
    fn default() -> Self {
        Self::new()
    }
}

impl EventBus {
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(4096);
        Self { sender }
    }

    /// Sends to every current subscriber; with none, the event is dropped.
    pub fn publish(&self, event: Event) {
        let _ = self.sender.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.sender.subscribe()
    }
}
