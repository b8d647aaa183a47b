//! `monitor_notification_settings`: the notification providers a monitor alerts through.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_notification_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub monitor_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub notification_provider_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::monitors::Entity",
        from = "Column::MonitorId",
        to = "super::monitors::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Monitor,
    #[sea_orm(
        belongs_to = "super::notification_providers::Entity",
        from = "Column::NotificationProviderId",
        to = "super::notification_providers::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    NotificationProvider,
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl Related<super::notification_providers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::NotificationProvider.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
