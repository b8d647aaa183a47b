//! `heartbeat` monitors: a job pings its URL (`monitor::heartbeat`); the engine turns a
//! ping that does not come in time into a result. Nothing is polled.

use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

use super::{Layers, MonitorConfig, MonitorKind};
use crate::error::{AppError, AppResult};

/// Settings of `heartbeat` monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatConfig {
    /// How late a ping may be before the monitor is down.
    pub grace_period_minutes: u32,
}

impl Default for HeartbeatConfig {
    fn default() -> Self {
        Self {
            grace_period_minutes: 5,
        }
    }
}

/// The `heartbeat` monitor type.
pub struct Heartbeat;

impl MonitorKind for Heartbeat {
    /// The grace period. Heartbeat monitors have no target.
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        let heartbeat = layers.section(|c| &c.heartbeat).unwrap_or_default();
        if !(1..=10_080).contains(&heartbeat.grace_period_minutes) {
            return Err(AppError::field(
                "heartbeat.gracePeriodMinutes",
                "must be between 1 minute and 7 days",
            ));
        }
        out.heartbeat = Some(heartbeat);
        Ok(String::new())
    }
}
