//! `notification_providers`: a configured channel that alerts are delivered through. Owned by a
//! project, or by the whole organization when `project_id` is null.

use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum NotificationProviderType {
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "slack")]
    Slack,
    #[sea_orm(string_value = "discord")]
    Discord,
    #[sea_orm(string_value = "teams")]
    Teams,
    #[sea_orm(string_value = "telegram")]
    Telegram,
    #[sea_orm(string_value = "webhook")]
    Webhook,
    #[sea_orm(string_value = "sms")]
    Sms,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_providers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// None for an organization-wide provider.
    pub project_id: Option<Uuid>,
    pub created_by_user_id: Option<Uuid>,
    pub name: String,
    pub r#type: NotificationProviderType,
    /// Type-specific settings (addresses, webhook URLs, bot tokens, ...); secret values are
    /// encrypted with the master key.
    pub config: Json,
    pub is_enabled: bool,
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
    #[sea_orm(has_many = "super::monitor_notification_settings::Entity")]
    MonitorNotificationSettings,
    #[sea_orm(has_many = "super::job_notification_settings::Entity")]
    JobNotificationSettings,
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

impl Related<super::monitor_notification_settings::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MonitorNotificationSettings.def()
    }
}

impl Related<super::job_notification_settings::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::JobNotificationSettings.def()
    }
}

/// Monitors through `monitor_notification_settings`.
impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        super::monitor_notification_settings::Relation::Monitor.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::monitor_notification_settings::Relation::NotificationProvider
                .def()
                .rev(),
        )
    }
}

/// Jobs through `job_notification_settings`.
impl Related<super::jobs::Entity> for Entity {
    fn to() -> RelationDef {
        super::job_notification_settings::Relation::Job.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::job_notification_settings::Relation::NotificationProvider
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
