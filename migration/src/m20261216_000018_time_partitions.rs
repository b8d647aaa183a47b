//! On PostgreSQL, the tables that grow with traffic (`monitor_results`, `callback_logs`,
//! `action_executions`) become partitioned tables, one partition per calendar month (UTC), so
//! that retention drops a month's partition instead of deleting its rows one by one.
//!
//! They are partitioned by RANGE of `id`: every id is a UUIDv7, whose first 48 bits are the
//! milliseconds since the epoch at which the row was made, so a range of ids is a range of time
//! and the primary key (`id`) stays as it is, as does every query by id. A month's bounds are
//! the UUIDs whose time is its first millisecond, the rest zero (`server/src/db/partition.rs`
//! makes the same ones). A `_default` partition takes any row outside the months made (an id
//! from a clock far off); the upkeep makes the coming months ahead of time.
//!
//! The conversion copies each table into its partitioned form and makes its indexes and every
//! foreign key from or to it again, as the catalog had them. `down` makes plain tables again.
//! SQLite is left as it is.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables this migration partitions by month, in the order they are converted (migration
/// 19 adds `runs`; [`crate::PARTITIONED`] lists them all).
pub const PARTITIONED: [&str; 3] = ["callback_logs", "action_executions", "monitor_results"];

/// The first UUIDv7 of a month (`d` its first day, UTC).
const MONTH_UUID: &str = "CREATE FUNCTION pg_temp.vigil_month_uuid(d date) RETURNS uuid LANGUAGE sql IMMUTABLE AS \
$f$ SELECT (lpad(to_hex((extract(epoch FROM d::timestamp AT TIME ZONE 'UTC') * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid $f$";

/// Rebuilds the tables, partitioned (`__PARTITIONED__` true) or plain. The months made are
/// those of the oldest row (three years back at most) to two months ahead.
const REBUILD: &str = r#"
DO $$
DECLARE
  tables text[] := ARRAY[__TABLES__];
  partitioned boolean := __PARTITIONED__;
  t text;
  r record;
  fks text[] := '{}';
  idx text[] := '{}';
  first_month date;
  m date;
BEGIN
  FOR r IN SELECT conname, conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def
           FROM pg_constraint
           WHERE contype = 'f' AND conparentid = 0
             AND (conrelid::regclass::text = ANY(tables) OR confrelid::regclass::text = ANY(tables))
  LOOP
    fks := fks || format('ALTER TABLE %I ADD CONSTRAINT %I %s', r.tbl, r.conname, r.def);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.tbl, r.conname);
  END LOOP;
  FOREACH t IN ARRAY tables LOOP
    FOR r IN SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = t AND indexname <> t || '_pkey' LOOP
      idx := idx || r.indexdef;
    END LOOP;
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_before');
    IF partitioned THEN
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY RANGE (id)', t, t || '_before');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t);
      EXECUTE format('SELECT date_trunc(''month'', to_timestamp((''x'' || substr(replace(id::text, ''-'', ''''), 1, 12))::bit(48)::bigint / 1000.0) AT TIME ZONE ''UTC'')::date FROM (SELECT id FROM %I ORDER BY id LIMIT 1) s', t || '_before') INTO first_month;
      first_month := LEAST(COALESCE(first_month, date_trunc('month', now() AT TIME ZONE 'UTC')::date), date_trunc('month', now() AT TIME ZONE 'UTC')::date);
      -- At most three years of months: an older row (an id not from a clock) goes to _default.
      first_month := GREATEST(first_month, (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '36 months')::date);
      m := first_month;
      WHILE m <= (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months')::date LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
          t || '_p' || to_char(m, 'YYYYMM'), t, pg_temp.vigil_month_uuid(m), pg_temp.vigil_month_uuid((m + interval '1 month')::date));
        m := (m + interval '1 month')::date;
      END LOOP;
    ELSE
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', t, t || '_before');
    END IF;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', t, t || '_before');
    EXECUTE format('DROP TABLE %I', t || '_before');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id)', t, t || '_pkey');
  END LOOP;
  FOREACH t IN ARRAY idx LOOP EXECUTE t; END LOOP;
  FOREACH t IN ARRAY fks LOOP EXECUTE t; END LOOP;
END $$"#;

/// Rebuilds `tables` partitioned by month or, with `partitioned` false, plain (PostgreSQL only).
pub(crate) async fn rebuild(
    m: &SchemaManager<'_>,
    tables: &[&str],
    partitioned: bool,
) -> Result<(), DbErr> {
    let db = m.get_connection();
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let tables = tables
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    db.execute_unprepared(MONTH_UUID).await?;
    db.execute_unprepared(&REBUILD.replace("__TABLES__", &tables).replace(
        "__PARTITIONED__",
        if partitioned { "true" } else { "false" },
    ))
    .await?;
    db.execute_unprepared("DROP FUNCTION pg_temp.vigil_month_uuid(date)")
        .await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rebuild(m, &PARTITIONED, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rebuild(m, &PARTITIONED, false).await
    }
}
