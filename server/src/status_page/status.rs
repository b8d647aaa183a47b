//! Component statuses of a page. A placeholder with the signature the incident and
//! maintenance code calls: the version that recomputes the statuses (monitors, with open
//! incidents and maintenance overriding them) replaces it.

use entity::status_pages;
use sea_orm::EntityTrait;
use uuid::Uuid;

use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::events::Event;

/// Recomputes the component statuses of page `status_page_id` in `tx` and publishes
/// `StatusPageUpdated` for it (so caches of the public page drop it). For now it only
/// publishes.
pub async fn refresh_page(tx: &Tx, status_page_id: Uuid) -> AppResult<()> {
    let page = status_pages::Entity::find_by_id(status_page_id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    tx.publish(Event::StatusPageUpdated {
        status_page_id,
        project_id: page.project_id,
    })
    .await?;
    Ok(())
}
