//! The pass that reseals stored secrets in the bound format (`v2:`, see [`crate::crypto`]).
//!
//! Values sealed by earlier versions (`v1:`, no associated data) and the HTTP_POST credential
//! headers stored in clear before headers were sealed are sealed again, bound to the row and
//! field they are found in. The pass runs at start-up after the migrations, once per database:
//! when it has finished it is recorded in `sealed_formats`, and later starts skip it, so that a
//! `v1:` value written afterwards (an old backup restored into a row, a value copied by someone
//! without the master key) is refused where it lies instead of being adopted by that row.
//!
//! Rows are read in batches by id, and each is updated only where it still holds what was
//! read (`WHERE id = ? AND column = old`), so replicas starting at once, or an edit made
//! meanwhile, never lose a value: the loser of a race changes nothing.

use chrono::Utc;
use entity::actions::{self, ActionType};
use entity::{
    monitors, notification_providers, project_variables, sealed_formats, service_credentials, user,
};
use sea_orm::sea_query::{Expr, IntoCondition};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Value,
};
use uuid::Uuid;

use crate::crypto::{Binding, MasterKey};
use crate::error::AppResult;
use crate::notification_provider::ChannelHome;

/// The format the pass seals into, as recorded in `sealed_formats`.
const FORMAT: &str = "v2";
/// Rows read at a time.
const BATCH: u64 = 100;
/// JSON configs that hold a `v1:` string somewhere (both databases print JSON strings quoted).
const HOLDS_UNBOUND: &str = r#"CAST("config" AS TEXT) LIKE '%"v1:%'"#;

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resealed {
    /// Rows whose values were resealed.
    pub rows: u64,
    /// Values that do not open with this master key, left as they are (and refused on use).
    pub failed: u64,
}

/// Runs the pass unless it already finished on this database; at start-up.
pub async fn at_start_up(db: &impl ConnectionTrait, key: &MasterKey) -> anyhow::Result<()> {
    if sealed_formats::Entity::find_by_id(FORMAT.to_owned())
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let done = reseal_unbound(db, key).await?;
    if done.rows > 0 || done.failed > 0 {
        tracing::info!(
            rows = done.rows,
            failed = done.failed,
            "stored secrets resealed, bound to their rows"
        );
    }
    sealed_formats::Entity::insert(sealed_formats::ActiveModel {
        format: sea_orm::Set(FORMAT.to_owned()),
        resealed_at: sea_orm::Set(Utc::now()),
    })
    .on_conflict_do_nothing_on([sealed_formats::Column::Format])
    .exec(db)
    .await?;
    Ok(())
}

/// Reseals every unbound value stored now, whether or not a pass ran before: `vigil secrets
/// reseal`, for an operator who trusts the database (values written by replicas of an earlier
/// version during a rolling upgrade, say).
pub async fn reseal_unbound(
    db: &impl ConnectionTrait,
    key: &MasterKey,
) -> anyhow::Result<Resealed> {
    let mut total = Resealed::default();
    for done in in_text_columns(db, key)
        .await?
        .into_iter()
        .chain(in_configs(db, key).await?)
    {
        total.rows += done.rows;
        total.failed += done.failed;
    }
    Ok(total)
}

/// Variables' values, service credentials' secrets and users' TOTP secrets.
async fn in_text_columns(
    db: &impl ConnectionTrait,
    key: &MasterKey,
) -> anyhow::Result<[Resealed; 3]> {
    Ok([
        pass::<project_variables::Entity, _>(
            db,
            project_variables::Column::EncryptedValue
                .like("v1:%")
                .into_condition(),
            project_variables::Column::Id,
            |row| {
                let old = row.encrypted_value.clone().unwrap_or_default();
                let new = key.reseal_unbound(&old, &Binding::variable(row.id))?;
                Ok(Some(Change::text(
                    row.id,
                    project_variables::Column::EncryptedValue,
                    old,
                    new,
                )))
            },
        )
        .await?,
        pass::<service_credentials::Entity, _>(
            db,
            service_credentials::Column::Secret
                .like("v1:%")
                .into_condition(),
            service_credentials::Column::Id,
            |row| {
                let new = key.reseal_unbound(&row.secret, &Binding::credential(row.id))?;
                Ok(Some(Change::text(
                    row.id,
                    service_credentials::Column::Secret,
                    row.secret.clone(),
                    new,
                )))
            },
        )
        .await?,
        pass::<user::Entity, _>(
            db,
            user::Column::TotpSecret.like("v1:%").into_condition(),
            user::Column::Id,
            |row| {
                let old = row.totp_secret.clone().unwrap_or_default();
                let new = key.reseal_unbound(&old, &Binding::totp(row.id))?;
                Ok(Some(Change::text(
                    row.id,
                    user::Column::TotpSecret,
                    old,
                    new,
                )))
            },
        )
        .await?,
    ])
}

/// Secrets inside JSON configs: notification providers, monitors and actions.
async fn in_configs(db: &impl ConnectionTrait, key: &MasterKey) -> anyhow::Result<[Resealed; 3]> {
    Ok([
        pass::<notification_providers::Entity, _>(
            db,
            Condition::all().add(Expr::cust(HOLDS_UNBOUND)),
            notification_providers::Column::Id,
            |row| {
                let new = crate::notification_provider::reseal_unbound_config(
                    key,
                    row.r#type,
                    ChannelHome::Provider(row.id),
                    &row.config,
                )?;
                Ok(new.map(|new| {
                    Change::json(
                        row.id,
                        notification_providers::Column::Config,
                        row.config.clone(),
                        new,
                    )
                }))
            },
        )
        .await?,
        pass::<monitors::Entity, _>(
            db,
            Condition::all().add(Expr::cust(HOLDS_UNBOUND)),
            monitors::Column::Id,
            |row| {
                let Some(old) = &row.config else {
                    return Ok(None);
                };
                let new =
                    crate::monitor::config::MonitorConfig::reseal_unbound_json(key, row.id, old)?;
                Ok(new.map(|new| Change::json(row.id, monitors::Column::Config, old.clone(), new)))
            },
        )
        .await?,
        // HTTP_POST actions may hold credential headers stored in clear, which no filter finds.
        pass::<actions::Entity, _>(
            db,
            Condition::any()
                .add(actions::Column::Type.eq(ActionType::HttpPost))
                .add(Expr::cust(HOLDS_UNBOUND)),
            actions::Column::Id,
            |row| {
                let new = crate::callback::action::reseal_unbound_config(key, row)?;
                Ok(new.map(|new| {
                    Change::json(row.id, actions::Column::Config, row.config.clone(), new)
                }))
            },
        )
        .await?,
    ])
}

/// A row's new value for one column, written only over `old`.
struct Change<C> {
    id: Uuid,
    column: C,
    old: Value,
    new: Value,
}

impl<C> Change<C> {
    fn text(id: Uuid, column: C, old: String, new: String) -> Self {
        Self {
            id,
            column,
            old: old.into(),
            new: new.into(),
        }
    }

    fn json(id: Uuid, column: C, old: serde_json::Value, new: serde_json::Value) -> Self {
        Self {
            id,
            column,
            old: old.into(),
            new: new.into(),
        }
    }
}

/// Reseals the rows of `E` that `candidates` selects, a batch at a time in the order of `id`.
/// `reseal` says what a row becomes (`None`: nothing to change); a row whose values do not
/// open is logged and left as it is.
async fn pass<E, F>(
    db: &impl ConnectionTrait,
    candidates: Condition,
    id: E::Column,
    reseal: F,
) -> anyhow::Result<Resealed>
where
    E: EntityTrait,
    F: Fn(&E::Model) -> AppResult<Option<Change<E::Column>>>,
{
    let mut done = Resealed::default();
    let mut after = Uuid::nil();
    loop {
        let rows = E::find()
            .filter(candidates.clone())
            .filter(id.gt(after))
            .order_by_asc(id)
            .limit(BATCH)
            .all(db)
            .await?;
        let count = rows.len();
        for row in &rows {
            let change = match reseal(row) {
                Ok(Some(change)) => change,
                Ok(None) => continue,
                Err(err) => {
                    done.failed += 1;
                    tracing::warn!(
                        table = E::default().table_name(),
                        error = %anyhow::Error::from(err),
                        "a sealed value does not open with this master key; left as it is"
                    );
                    continue;
                }
            };
            let updated = E::update_many()
                .col_expr(change.column, Expr::value(change.new))
                .filter(id.eq(change.id))
                .filter(change.column.eq(change.old))
                .exec(db)
                .await?;
            if updated.rows_affected == 0 {
                tracing::info!(
                    table = E::default().table_name(),
                    id = %change.id,
                    "a row changed while it was resealed; left as the other writer made it"
                );
            }
            done.rows += updated.rows_affected;
        }
        let Some(last) = rows.last() else {
            break;
        };
        after = row_id::<E>(last, id)?;
        if (count as u64) < BATCH {
            break;
        }
    }
    Ok(done)
}

/// The id of a row, read through its column.
fn row_id<E: EntityTrait>(row: &E::Model, id: E::Column) -> anyhow::Result<Uuid> {
    use sea_orm::ModelTrait;
    use sea_orm::sea_query::ValueType;
    <Uuid as ValueType>::try_from(row.get(id)).map_err(|_| anyhow::anyhow!("an id is not a uuid"))
}
