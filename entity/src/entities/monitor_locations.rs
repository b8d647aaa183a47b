//! `monitor_locations`: the schedule of one monitor in one location. Workers of a location
//! claim due rows with an expiring lease; the row also keeps that location's view of the
//! monitor (its status and consecutive counts). Not in the seeds: the engine's own table.

use sea_orm::entity::prelude::*;

pub use super::monitors::MonitorStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitor_locations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub monitor_id: Uuid,
    /// Location name (`default` for workers started without `--location`).
    pub location: String,
    pub next_check_at: DateTimeUtc,
    /// The worker holding the lease.
    pub claimed_by: Option<String>,
    /// Lease expiry: after it, another worker may take the check over.
    pub claimed_until: Option<DateTimeUtc>,
    /// The monitor's status as seen from this location.
    pub status: MonitorStatus,
    pub consecutive_failures: i32,
    pub consecutive_successes: i32,
    pub last_checked_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
}

impl Related<super::monitors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Monitor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
