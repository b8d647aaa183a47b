//! `incident_template_components`: a component an incident template marks as affected.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_template_components")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub template_id: Uuid,
    pub component_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::incident_templates::Entity",
        from = "Column::TemplateId",
        to = "super::incident_templates::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Template,
    #[sea_orm(
        belongs_to = "super::status_page_components::Entity",
        from = "Column::ComponentId",
        to = "super::status_page_components::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Component,
}

impl Related<super::incident_templates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Template.def()
    }
}

impl Related<super::status_page_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Component.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
