//! `rate_limit_logs`: trigger counters of a callback, one row per period bucket, checked against
//! the plan's `rate_limits`.

use sea_orm::entity::prelude::*;

/// The length of a counting bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum RateLimitPeriod {
    #[sea_orm(string_value = "second")]
    Second,
    #[sea_orm(string_value = "minute")]
    Minute,
    #[sea_orm(string_value = "hour")]
    Hour,
    #[sea_orm(string_value = "month")]
    Month,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_limit_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub callback_id: Uuid,
    pub user_id: Uuid,
    pub organization_id: Uuid,
    pub period: RateLimitPeriod,
    /// Start of the bucket, truncated to the period. Unique with `callback_id` and `period`.
    pub period_start: DateTimeUtc,
    /// Triggers counted in the bucket.
    pub request_count: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::callbacks::Entity",
        from = "Column::CallbackId",
        to = "super::callbacks::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Callback,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Organization,
}

impl Related<super::callbacks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Callback.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
