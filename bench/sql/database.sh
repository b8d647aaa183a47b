# Sourced by the bench/sql scripts: a fresh PostgreSQL database named $DB with Vigil's
# migrations (target/debug/vigil), on the server of $TEST_DATABASE_URL (scripts/pg-start's by
# default), q to run psql on it, and the first days of the 12 months before this one in
# $MONTHS (YYYY-MM-DD, oldest first).
ADMIN=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:55432/postgres}
URL=${ADMIN%/*}/$DB
BIN=${CARGO_TARGET_DIR:-target}/debug/vigil
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
VIGIL_DATABASE_URL=$URL "$BIN" migrate up >/dev/null
q() { psql "$URL" -XAtq -v ON_ERROR_STOP=1 "$@"; }
MONTHS=$(q -c "SELECT string_agg(to_char(m, 'YYYY-MM-DD'), ' ') FROM generate_series(date_trunc('month', now()) - interval '12 months', date_trunc('month', now()) - interval '1 month', interval '1 month') m")
# The first UUIDv7 of a day (YYYY-MM-DD, UTC): the bound of the month partitions.
month_uuid() { echo "(lpad(to_hex((extract(epoch FROM '$1'::timestamp) * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid"; }
# Makes the partitions of table $1 for $MONTHS.
past_months() {
  for month in $MONTHS; do
    q -c "CREATE TABLE $1_p$(date -d "$month" +%Y%m) PARTITION OF $1 FOR VALUES FROM ($(month_uuid "$month")) TO ($(month_uuid "$(date -d "$month +1 month" +%Y-%m-%d)"))"
  done
}
