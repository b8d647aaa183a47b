//! `sealed_formats`: the sealed-value formats every stored secret was resealed into, and
//! when. Not in the seeds.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sealed_formats")]
pub struct Model {
    /// The format (`v2`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub format: String,
    pub resealed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
