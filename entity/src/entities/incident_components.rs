//! `incident_components`: a component affected by an incident, with the status change the
//! incident caused (so it can be undone when the incident resolves).

use sea_orm::entity::prelude::*;

pub use super::status_page_components::ComponentStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_components")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub incident_id: Uuid,
    pub component_id: Uuid,
    /// The component's status before the incident touched it.
    pub old_status: Option<ComponentStatus>,
    /// The status the incident set.
    pub new_status: ComponentStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::incidents::Entity",
        from = "Column::IncidentId",
        to = "super::incidents::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Incident,
    #[sea_orm(
        belongs_to = "super::status_page_components::Entity",
        from = "Column::ComponentId",
        to = "super::status_page_components::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Component,
}

impl Related<super::incidents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Incident.def()
    }
}

impl Related<super::status_page_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Component.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
