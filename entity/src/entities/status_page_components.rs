//! `status_page_components`: a service shown on a status page, with its current status. The
//! status is set by hand or derived from the linked monitors (`status_page_component_monitors`)
//! through `aggregation_method`.

use sea_orm::entity::prelude::*;

/// The status of a component, best first. Also the old and new status in `incident_components`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum ComponentStatus {
    #[sea_orm(string_value = "operational")]
    Operational,
    #[sea_orm(string_value = "degraded_performance")]
    DegradedPerformance,
    #[sea_orm(string_value = "partial_outage")]
    PartialOutage,
    #[sea_orm(string_value = "major_outage")]
    MajorOutage,
    #[sea_orm(string_value = "under_maintenance")]
    UnderMaintenance,
}

/// How the statuses of a component's monitors combine into the component's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum AggregationMethod {
    /// The worst monitor decides.
    #[sea_orm(string_value = "worst_case")]
    WorstCase,
    /// The best monitor decides.
    #[sea_orm(string_value = "best_case")]
    BestCase,
    /// Monitors count by their `weight`.
    #[sea_orm(string_value = "weighted_average")]
    WeightedAverage,
    /// The status most monitors share.
    #[sea_orm(string_value = "majority_vote")]
    MajorityVote,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_page_components")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub status_page_id: Uuid,
    pub name: String,
    /// Components sharing a group name are shown together under it; `None` stands alone.
    pub group_name: Option<String>,
    pub description: Option<String>,
    pub status: ComponentStatus,
    /// Shows the uptime bar of the component on the page.
    pub showcase: bool,
    /// Hides the component while it is operational.
    pub only_show_if_degraded: bool,
    /// Address that accepts emails changing the component's status.
    pub automation_email: Option<String>,
    /// Start of the uptime history shown for the component.
    pub start_date: Option<DateTimeUtc>,
    /// Display order on the page, ascending.
    pub position: i32,
    pub aggregation_method: AggregationMethod,
    /// How many linked monitors must fail before the component leaves `operational`.
    pub failure_threshold: i32,
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
    #[sea_orm(has_many = "super::status_page_component_monitors::Entity")]
    ComponentMonitors,
    #[sea_orm(has_many = "super::incident_components::Entity")]
    IncidentComponents,
    #[sea_orm(has_many = "super::incident_template_components::Entity")]
    TemplateComponents,
    #[sea_orm(has_many = "super::status_page_component_subscriptions::Entity")]
    Subscriptions,
    #[sea_orm(has_many = "super::status_page_metrics::Entity")]
    Metrics,
}

impl Related<super::status_pages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusPage.def()
    }
}

impl Related<super::status_page_component_monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ComponentMonitors.def()
    }
}

impl Related<super::incident_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IncidentComponents.def()
    }
}

impl Related<super::incident_template_components::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TemplateComponents.def()
    }
}

impl Related<super::status_page_component_subscriptions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Subscriptions.def()
    }
}

impl Related<super::status_page_metrics::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Metrics.def()
    }
}

/// The monitors linked to a component.
impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        super::status_page_component_monitors::Relation::Monitor.def()
    }

    fn via() -> Option<RelationDef> {
        Some(
            super::status_page_component_monitors::Relation::Component
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
