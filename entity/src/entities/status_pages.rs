//! `status_pages`: a public status page of a project, served on its own subdomain (a UUID-based
//! name) or on a verified custom domain, with its branding and subscriber settings.

use sea_orm::entity::prelude::*;

/// Lifecycle of a status page: only `published` pages are served publicly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum StatusPageStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "published")]
    Published,
    #[sea_orm(string_value = "archived")]
    Archived,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_pages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub created_by_user_id: Option<Uuid>,
    pub name: String,
    /// The page's host label under the status domain; unique across all pages.
    #[sea_orm(unique)]
    pub subdomain: String,
    pub status: StatusPageStatus,
    pub headline: Option<String>,
    pub page_description: Option<String>,
    pub support_url: Option<String>,
    /// IANA time zone the page shows times in; UTC when unset.
    pub timezone: Option<String>,
    /// Visitors may subscribe to every update of the page.
    pub allow_page_subscribers: bool,
    /// Visitors may subscribe to a single incident.
    pub allow_incident_subscribers: bool,
    pub allow_email_subscribers: bool,
    pub allow_sms_subscribers: bool,
    pub allow_webhook_subscribers: bool,
    /// Sender address of subscriber emails; the server's default sender when unset.
    pub notifications_from_email: Option<String>,
    pub notifications_email_footer: Option<String>,
    /// Asks search engines not to index the page (`noindex`).
    pub hidden_from_search: bool,
    /// CSS colour overrides of the public page (`#rrggbb`).
    pub css_body_background_color: Option<String>,
    pub css_font_color: Option<String>,
    pub css_light_font_color: Option<String>,
    pub css_greens: Option<String>,
    pub css_yellows: Option<String>,
    pub css_oranges: Option<String>,
    pub css_blues: Option<String>,
    pub css_reds: Option<String>,
    pub css_border_color: Option<String>,
    pub css_graph_color: Option<String>,
    pub css_link_color: Option<String>,
    pub css_no_data: Option<String>,
    /// Images: artifact-storage keys or URLs.
    pub favicon_logo: Option<String>,
    pub transactional_logo: Option<String>,
    pub hero_cover: Option<String>,
    pub email_logo: Option<String>,
    pub twitter_logo: Option<String>,
    /// A host name of the customer's that points at the page; served only once verified.
    #[sea_orm(unique)]
    pub custom_domain: Option<String>,
    pub custom_domain_verified: bool,
    pub theme: Option<Json>,
    pub branding_settings: Option<Json>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Organization,
    #[sea_orm(
        belongs_to = "super::projects::Entity",
        from = "Column::ProjectId",
        to = "super::projects::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::CreatedByUserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::status_page_components::Entity")]
    Components,
    #[sea_orm(has_many = "super::incidents::Entity")]
    Incidents,
    #[sea_orm(has_many = "super::incident_templates::Entity")]
    IncidentTemplates,
    #[sea_orm(has_many = "super::status_page_subscribers::Entity")]
    Subscribers,
    #[sea_orm(has_many = "super::status_page_metrics::Entity")]
    Metrics,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl Related<super::status_page_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Components.def()
    }
}

impl Related<super::incidents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Incidents.def()
    }
}

impl Related<super::incident_templates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IncidentTemplates.def()
    }
}

impl Related<super::status_page_subscribers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Subscribers.def()
    }
}

impl Related<super::status_page_metrics::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Metrics.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
