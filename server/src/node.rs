//! `node(id)`: which kind of object an id names, for Relay clients.
//!
//! Ids are bare UUIDs (clients rely on that), so an id does not say its kind. One statement
//! asks every table that backs a `Node` type whether it holds the id (`UNION ALL` of primary
//! key lookups, so one round trip and one index probe per table); the object is then read
//! through its domain's own `find`, which checks access exactly as the typed query does.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement, UnionType};
use sea_orm::{ConnectionTrait, EntityName};
use uuid::Uuid;

use crate::error::AppResult;

/// The kinds of object `node(id)` answers, in the order the lookup names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Organization,
    Project,
    Monitor,
    Test,
    Job,
    Run,
    Callback,
    StatusPage,
    Incident,
    NotificationProvider,
}

impl Kind {
    const ALL: [Kind; 10] = [
        Kind::Organization,
        Kind::Project,
        Kind::Monitor,
        Kind::Test,
        Kind::Job,
        Kind::Run,
        Kind::Callback,
        Kind::StatusPage,
        Kind::Incident,
        Kind::NotificationProvider,
    ];

    fn table(self) -> String {
        use entity::*;
        match self {
            Kind::Organization => organization::Entity.table_name().to_owned(),
            Kind::Project => projects::Entity.table_name().to_owned(),
            Kind::Monitor => monitors::Entity.table_name().to_owned(),
            Kind::Test => tests::Entity.table_name().to_owned(),
            Kind::Job => jobs::Entity.table_name().to_owned(),
            Kind::Run => runs::Entity.table_name().to_owned(),
            Kind::Callback => callbacks::Entity.table_name().to_owned(),
            Kind::StatusPage => status_pages::Entity.table_name().to_owned(),
            Kind::Incident => incidents::Entity.table_name().to_owned(),
            Kind::NotificationProvider => notification_providers::Entity.table_name().to_owned(),
        }
    }

    fn select(self, id: Uuid) -> SelectStatement {
        let code = Kind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or_default() as i32;
        Query::select()
            .expr_as(Expr::val(code), Alias::new("kind"))
            .from(Alias::new(self.table()))
            .and_where(Expr::col(Alias::new("id")).eq(id))
            .to_owned()
    }
}

/// The kind of the object with this id, whoever may see it (`None` when no table holds it).
/// The caller must still read the object through its domain's access-checked `find`.
pub async fn kind_of(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<Kind>> {
    let mut all = Kind::ALL.iter();
    let Some(first) = all.next() else {
        return Ok(None);
    };
    let mut query = first.select(id);
    for kind in all {
        query.union(UnionType::All, kind.select(id));
    }
    let row = db.query_one(&query).await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let code: i32 = row.try_get("", "kind")?;
    Ok(usize::try_from(code)
        .ok()
        .and_then(|i| Kind::ALL.get(i).copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_code() {
        for (i, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(Kind::ALL.iter().position(|k| k == kind), Some(i));
        }
    }
}
