//! `status_page_metrics`: daily uptime figures of a status page, one row per component and day,
//! plus one page-level row per day (`component_id` null) that also counts the page's views and
//! subscribers.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_page_metrics")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub status_page_id: Uuid,
    /// Null for the page-level row of the day.
    pub component_id: Option<Uuid>,
    /// The day, as midnight UTC.
    pub date: DateTimeUtc,
    /// Decimal text as in the seed, e.g. `"99.95"`; null when there were no checks.
    pub uptime_percentage: Option<String>,
    pub total_checks: i32,
    pub successful_checks: i32,
    pub failed_checks: i32,
    pub average_response_time_ms: Option<i32>,
    /// Page-level row: views of the public page's HTML that day, added by every replica.
    pub page_views: i32,
    /// Page-level row: subscribers receiving notifications (confirmed, not quarantined), as
    /// last counted that day.
    pub subscribers: i32,
    /// Page-level row: subscribers waiting for their confirmation, as last counted that day.
    pub pending_subscribers: i32,
    /// Page-level row: quarantined subscribers, as last counted that day.
    pub quarantined_subscribers: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::status_pages::Entity",
        from = "Column::StatusPageId",
        to = "super::status_pages::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    StatusPage,
    #[sea_orm(
        belongs_to = "super::status_page_components::Entity",
        from = "Column::ComponentId",
        to = "super::status_page_components::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Component,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusPage.def()
    }
}

impl Related<super::status_page_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Component.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
