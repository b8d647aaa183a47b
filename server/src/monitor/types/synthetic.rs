//! `synthetic_test` monitors: a stored test of the project, run through the test-automation
//! executors on the monitor's schedule (`monitor::synthetic`). Nothing is polled.

use entity::tests;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use super::{Layers, MonitorConfig, MonitorKind};
use crate::error::{AppError, AppResult};

/// Settings of `synthetic_test` monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyntheticConfig {
    pub test_id: uuid::Uuid,
}

/// The `synthetic_test` monitor type.
pub struct Synthetic;

impl MonitorKind for Synthetic {
    /// A test of the same project. Returns the target (the test's id).
    async fn settle<C: ConnectionTrait>(
        layers: &Layers<'_, C>,
        out: &mut MonitorConfig,
    ) -> AppResult<String> {
        let test_id = layers
            .section(|c| &c.synthetic)
            .map(|s| s.test_id)
            .ok_or_else(|| {
                AppError::field("synthetic.testId", "a synthetic monitor needs a test")
            })?;
        let found = tests::Entity::find_by_id(test_id)
            .filter(tests::Column::ProjectId.eq(layers.project_id))
            .count(layers.db)
            .await?;
        if found == 0 {
            return Err(AppError::field(
                "synthetic.testId",
                "no such test in this project",
            ));
        }
        out.synthetic = Some(SyntheticConfig { test_id });
        Ok(test_id.to_string())
    }
}
