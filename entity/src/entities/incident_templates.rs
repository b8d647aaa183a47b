//! `incident_templates`: a prepared incident text for a status page, with the status and
//! components it applies when used.

use sea_orm::entity::prelude::*;

pub use super::incidents::IncidentStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_templates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub status_page_id: Uuid,
    pub created_by_user_id: Option<Uuid>,
    /// The template's name in the editor's list.
    pub name: String,
    /// The incident name the template fills in.
    pub title: String,
    pub body: String,
    /// The incident status the template sets.
    pub update_status: IncidentStatus,
    pub should_send_notifications: bool,
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
        belongs_to = "super::user::Entity",
        from = "Column::CreatedByUserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::incident_template_components::Entity")]
    TemplateComponents,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusPage.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl Related<super::incident_template_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TemplateComponents.def()
    }
}

/// The components an incident made from the template affects.
impl Related<super::status_page_components::Entity> for Entity {
    fn to() -> RelationDef {
        super::incident_template_components::Relation::Component.def()
    }

    fn via() -> Option<RelationDef> {
        Some(
            super::incident_template_components::Relation::Template
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
