//! `status_page_component_monitors`: links a status page component to a monitor whose results
//! drive the component's status. Primary key: (`component_id`, `monitor_id`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_page_component_monitors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub component_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub monitor_id: Uuid,
    /// The monitor's weight under the `weighted_average` aggregation method.
    pub weight: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::status_page_components::Entity",
        from = "Column::ComponentId",
        to = "super::status_page_components::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Component,
    #[sea_orm(
        belongs_to = "super::monitors::Entity",
        from = "Column::MonitorId",
        to = "super::monitors::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Monitor,
}

impl Related<super::status_page_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Component.def()
    }
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
