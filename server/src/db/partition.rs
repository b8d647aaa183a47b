//! Monthly partitions of the tables that grow with traffic, on PostgreSQL (migration
//! `m20261216_000018_time_partitions` explains the layout: RANGE of the UUIDv7 `id`, one
//! partition `{table}_pYYYYMM` per calendar month in UTC, and a `_default` one; migration 19
//! does the same to `runs`).
//!
//! The upkeep makes the coming months ahead of time ([`ensure_ahead`]) and drops the months that
//! every plan's retention has passed ([`drop_expired`]): dropping a month is one catalog change,
//! where deleting its rows would rewrite indexes and leave the table bloated. Shorter
//! retentions (a plan that keeps less than the longest one) still delete rows. Replicas take
//! turns: [`upkeep`] does both under an advisory lock, and a replica that finds it held leaves
//! the pass to the holder.
//! SQLite has no partitions: all of it is a no-op there.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use entity::runs::{self, RunStatus};
use migration::PARTITIONED;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, Statement, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// Months made ahead of the current one.
pub const MONTHS_AHEAD: u32 = 2;

/// The first day (UTC) of the month `months` after the one of `day`.
fn month_start(day: NaiveDate, months: i32) -> NaiveDate {
    let index = day.year() * 12 + day.month0() as i32 + months;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(NaiveDate::MIN)
}

/// The smallest UUIDv7 of the millisecond `at`: the bound of the partitions.
pub fn bound(at: DateTime<Utc>) -> Uuid {
    let millis = u128::try_from(at.timestamp_millis()).unwrap_or(0);
    Uuid::from_u128(millis << 80)
}

fn start_of(month: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&month.and_hms_opt(0, 0, 0).unwrap_or_default())
}

fn partition_name(table: &str, month: NaiveDate) -> String {
    format!("{table}_p{:04}{:02}", month.year(), month.month())
}

/// The month a partition named `{table}_pYYYYMM` holds.
fn month_of(table: &str, name: &str) -> Option<NaiveDate> {
    let digits = name.strip_prefix(table)?.strip_prefix("_p")?;
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(digits[..4].parse().ok()?, digits[4..].parse().ok()?, 1)
}

/// Makes the partitions of the month of `now` and of the [`MONTHS_AHEAD`] after it, those that
/// do not exist yet. Returns how many it made.
pub async fn ensure_ahead(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<usize> {
    ensure_months(db, now.date_naive(), 0, MONTHS_AHEAD as i32).await
}

/// Makes the partitions of the months `from` to `to` (counted from the month of `day`) that do
/// not exist yet. A month whose rows already went to the `_default` partition cannot be made
/// (PostgreSQL refuses); it is reported in the log and its rows stay in `_default`, still
/// found and still deleted by retention.
pub async fn ensure_months(
    db: &impl ConnectionTrait,
    day: NaiveDate,
    from: i32,
    to: i32,
) -> AppResult<usize> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(0);
    }
    let existing = partitions(db).await?;
    let mut made = 0;
    for table in PARTITIONED {
        for offset in from..=to {
            let month = month_start(day, offset);
            let name = partition_name(table, month);
            if existing.iter().any(|(_, n)| *n == name) {
                continue;
            }
            let sql = format!(
                "CREATE TABLE IF NOT EXISTS \"{name}\" PARTITION OF \"{table}\" FOR VALUES FROM ('{}') TO ('{}')",
                bound(start_of(month)),
                bound(start_of(month_start(month, 1))),
            );
            match db.execute_unprepared(&sql).await {
                Ok(_) => made += 1,
                Err(err) => {
                    tracing::warn!(partition = %name, error = %err, "a monthly partition could not be made; its rows stay in the default partition");
                }
            }
        }
    }
    Ok(made)
}

/// How far before a row's time column its id's time may lie: none in fact (a row's id is made
/// when it is written, after its check or trigger), so this covers clocks set back.
const ID_BEFORE: chrono::Duration = chrono::Duration::hours(1);

/// How far after a row's time column its id's time may lie: a check recorded late (its worker
/// waited for the database) keeps the time it was checked at.
const ID_AFTER: chrono::Duration = chrono::Duration::days(1);

/// On PostgreSQL, a condition on the UUIDv7 `id` that every row whose time column is in the
/// window `[from, to)` meets, so that the planner skips the months outside the window (a bound
/// on the time column alone leaves it every partition to search). Nothing on SQLite. Reads
/// use it; retention's deletes do not need it (the months they would skip are few, and a whole
/// expired month is dropped instead).
pub fn ids_within<C: ColumnTrait>(
    db: &impl ConnectionTrait,
    id: C,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Condition {
    let mut condition = Condition::all();
    if db.get_database_backend() != DbBackend::Postgres {
        return condition;
    }
    // A time a UUIDv7 cannot hold (before 1970, after 10889) bounds nothing: no condition.
    if let Some(low) = from
        .and_then(|from| from.checked_sub_signed(ID_BEFORE))
        .and_then(id_bound)
    {
        condition = condition.add(id.gte(low));
    }
    if let Some(high) = to
        .and_then(|to| to.checked_add_signed(ID_AFTER))
        .and_then(id_bound)
    {
        condition = condition.add(id.lt(high));
    }
    condition
}

/// [`bound`] for a time a UUIDv7 can hold (48 bits of milliseconds since 1970), else `None`.
fn id_bound(at: DateTime<Utc>) -> Option<Uuid> {
    let millis = u64::try_from(at.timestamp_millis()).ok()?;
    (millis < 1 << 48).then(|| bound(at))
}

/// (table, partition name) of every monthly partition.
async fn partitions(db: &impl ConnectionTrait) -> AppResult<Vec<(String, String)>> {
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT parent.relname AS parent, child.relname AS child FROM pg_inherits \
             JOIN pg_class parent ON parent.oid = pg_inherits.inhparent \
             JOIN pg_class child ON child.oid = pg_inherits.inhrelid \
             JOIN pg_namespace n ON n.oid = parent.relnamespace \
             WHERE n.nspname = current_schema()",
        ))
        .await?;
    let mut out = Vec::new();
    for row in rows {
        let parent: String = row.try_get("", "parent")?;
        let child: String = row.try_get("", "child")?;
        if PARTITIONED.contains(&parent.as_str()) && month_of(&parent, &child).is_some() {
            out.push((parent, child));
        }
    }
    Ok(out)
}

/// How far back each table keeps its months: a month of `table` that ends before its horizon
/// is dropped. Tables not named keep every month.
pub type Horizons<'a> = &'a [(&'a str, DateTime<Utc>)];

/// Drops the monthly partitions that end before their table's horizon (nothing of them is kept
/// by any plan). Rows of other tables that point into a month are let go first: the executions
/// of a callback-log month's triggers are deleted, stored payloads and replays forget it, and
/// the k6 summaries of a run month are deleted. A run month holding a run still queued or
/// running is kept until it ends. Returns the partitions dropped. The artifacts of dropped
/// runs are swept by the run retention (`crate::testing::retention`), as those of any run gone.
pub async fn drop_expired(
    db: &(impl ConnectionTrait + TransactionTrait),
    horizons: Horizons<'_>,
) -> AppResult<Vec<String>> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(Vec::new());
    }
    let mut expired: Vec<(String, String, NaiveDate)> = partitions(db)
        .await?
        .into_iter()
        .filter_map(|(table, name)| {
            let month = month_of(&table, &name)?;
            let (_, horizon) = horizons.iter().find(|(t, _)| *t == table)?;
            (start_of(month_start(month, 1)) <= *horizon).then_some((table, name, month))
        })
        .collect();
    // Referencing tables first: an execution's month goes before its trigger's.
    expired.sort_by_key(|(table, _, month)| (*month, table == "callback_logs"));
    let mut dropped = Vec::new();
    for (table, name, month) in expired {
        let (low, high) = (
            bound(start_of(month)),
            bound(start_of(month_start(month, 1))),
        );
        let mut statements = Vec::new();
        match table.as_str() {
            "callback_logs" => {
                statements.push(format!(
                    "DELETE FROM action_executions WHERE callback_log_id >= '{low}' AND callback_log_id < '{high}'"
                ));
                statements.push(format!(
                    "UPDATE stored_payloads SET callback_log_id = NULL WHERE callback_log_id >= '{low}' AND callback_log_id < '{high}'"
                ));
                statements.push(format!(
                    "UPDATE callback_logs SET replay_of = NULL WHERE replay_of >= '{low}' AND replay_of < '{high}' AND id >= '{high}'"
                ));
                statements.push(format!(
                    "ALTER TABLE \"{table}\" DETACH PARTITION \"{name}\""
                ));
            }
            "runs" => {
                let active = runs::Entity::find()
                    .filter(runs::Column::Id.gte(low))
                    .filter(runs::Column::Id.lt(high))
                    .filter(runs::Column::Status.is_in([RunStatus::Queued, RunStatus::Running]))
                    .count(db)
                    .await?
                    > 0;
                if active {
                    tracing::info!(partition = %name, "an expired month of runs is kept while one of its runs is queued or running");
                    continue;
                }
                statements.push(format!(
                    "DELETE FROM k6_performance_runs WHERE run_id >= '{low}' AND run_id < '{high}'"
                ));
                statements.push(format!(
                    "ALTER TABLE \"{table}\" DETACH PARTITION \"{name}\""
                ));
            }
            _ => {}
        }
        statements.push(format!("DROP TABLE \"{name}\""));
        let tx = db.begin().await?;
        for sql in &statements {
            tx.execute_unprepared(sql).await?;
        }
        tx.commit().await?;
        tracing::info!(partition = %name, "an expired monthly partition was dropped");
        dropped.push(name);
    }
    Ok(dropped)
}

/// The advisory lock under which one replica at a time makes and drops partitions ("Vigil",
/// then 2).
const PARTITION_LOCK: i64 = 0x5669_6769_6c00_0002;

/// What one partition upkeep did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Upkept {
    /// Months made ahead.
    pub made: usize,
    /// Months dropped.
    pub dropped: Vec<String>,
    /// Another replica held the lock: this one did nothing.
    pub busy: bool,
}

/// [`ensure_ahead`] then [`drop_expired`], by one replica at a time: the pass holds a
/// transaction-level advisory lock on a connection of its own (released at its end, or when the
/// process dies), and a replica that finds it held does nothing this time.
pub async fn upkeep(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    horizons: Horizons<'_>,
) -> AppResult<Upkept> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(Upkept::default());
    }
    let sqlx = |err: sea_orm::sqlx::Error| {
        AppError::from(DbErr::Conn(sea_orm::RuntimeErr::SqlxError(err.into())))
    };
    let mut lock = db
        .get_postgres_connection_pool()
        .begin()
        .await
        .map_err(sqlx)?;
    let (held,): (bool,) = sea_orm::sqlx::query_as("SELECT pg_try_advisory_xact_lock($1)")
        .bind(PARTITION_LOCK)
        .fetch_one(&mut *lock)
        .await
        .map_err(sqlx)?;
    if !held {
        return Ok(Upkept {
            busy: true,
            ..Default::default()
        });
    }
    let made = ensure_ahead(db, now).await;
    let dropped = match made {
        Ok(_) => drop_expired(db, horizons).await,
        Err(_) => Ok(Vec::new()),
    };
    lock.commit().await.map_err(sqlx)?;
    Ok(Upkept {
        made: made?,
        dropped: dropped?,
        busy: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_bounds() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).expect("day");
        assert_eq!(
            month_start(day, 0),
            NaiveDate::from_ymd_opt(2026, 12, 1).expect("d")
        );
        assert_eq!(
            month_start(day, 1),
            NaiveDate::from_ymd_opt(2027, 1, 1).expect("d")
        );
        assert_eq!(
            month_start(day, -12),
            NaiveDate::from_ymd_opt(2025, 12, 1).expect("d")
        );
        // The migration's SQL makes the same bound: 2026-12-01 is 1,796,083,200,000 ms.
        assert_eq!(
            bound(start_of(month_start(day, 0))).to_string(),
            "01a22ee6-b000-0000-0000-000000000000"
        );
        // A UUIDv7 made at a time sorts between the bounds of its month.
        let at = Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 59, 59)
            .single()
            .expect("t");
        let id = Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            at.timestamp() as u64,
            0,
        ));
        assert!(bound(start_of(month_start(day, 0))) <= id);
        assert!(id < bound(start_of(month_start(day, 1))));
        assert_eq!(
            month_of("monitor_results", "monitor_results_p202612"),
            Some(month_start(day, 0))
        );
        assert_eq!(month_of("monitor_results", "monitor_results_default"), None);
        // Times a UUIDv7 cannot hold bound nothing, rather than wrap around.
        let far = chrono::DateTime::<Utc>::MAX_UTC;
        assert_eq!(id_bound(far), None);
        assert_eq!(id_bound(chrono::DateTime::<Utc>::MIN_UTC), None);
        assert_eq!(id_bound(at), Some(bound(at)));
        assert_eq!(month_of("callback_logs", "monitor_results_p202612"), None);
        assert_eq!(
            partition_name("callback_logs", month_start(day, 1)),
            "callback_logs_p202701"
        );
    }
}
