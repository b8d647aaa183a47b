#!/usr/bin/env bash
# What a year of monitor results costs on PostgreSQL, partitioned by month (BENCHMARKS.md,
# "Data that grows"). Usage: bench/sql/partitions.sh [rows per month] [monitors]
#
# Makes a fresh database with Vigil's migrations, writes `rows per month` results into each of
# 12 monthly partitions of `monitor_results` (ids and times spread over the month, as the
# engine writes them), then measures: bytes per row (table and indexes), a monitor's last day
# of results, and retention: dropping a month whole against deleting the same number of rows.
# Needs the PostgreSQL of scripts/pg-start and a built target/debug/vigil.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-500000}
# As dense per monitor as one-minute checks: 43,200 results a month each.
MONITORS=$(( ROWS / 43200 > 0 ? ROWS / 43200 : 1 ))
DB=vigil_bench_partitions
. bench/sql/database.sh
timed() { # label, SQL: runs it, prints the server-side time psql's \timing reports
  echo "$1: $(psql "$URL" -XAtq -v ON_ERROR_STOP=1 -c '\timing on' -c "$2" | grep -o 'Time: [0-9.]* ms' | tail -1)"
}
uuid_at() { echo "(lpad(to_hex((extract(epoch FROM $1) * 1000)::bigint), 12, '0') || substr(md5($2::text), 1, 20))::uuid"; }
past_months monitor_results
echo "rows per month: $ROWS, monitors: $MONITORS, months: 12 (+ the current one, empty)"
# The results reference monitors; the bench writes them without the foreign-key check
# (session_replication_role), as a restore would.
start=$(date +%s%N)
for month in $MONTHS; do
  q -c "SET session_replication_role = replica;
    INSERT INTO monitor_results (id, monitor_id, checked_at, location, status, response_time_ms, details, is_up, is_status_change,
      consecutive_failure_count, consecutive_success_count, alerts_sent_for_failure, alerts_sent_for_recovery)
    SELECT $(uuid_at "t" "i"), m, t, 'default', 'up', 20 + (i % 180), '{\"statusCode\":200}'::jsonb, true, false, 0, 1, 0, 0
    FROM (SELECT i, ('00000000-0000-7000-8000-' || lpad(to_hex(i % $MONITORS), 12, '0'))::uuid AS m,
                 '$month'::timestamp + (i::double precision / $ROWS) * (('$month'::timestamp + interval '1 month') - '$month'::timestamp) AS t
          FROM generate_series(0, $ROWS - 1) i) s"
done
end=$(date +%s%N)
total=$(q -c "SELECT count(*) FROM monitor_results")
echo "written: $total rows in $(( (end - start) / 1000000 )) ms ($(( total * 1000000000 / (end - start) )) rows/s, one INSERT per month)"
q -c "ANALYZE monitor_results"
q -c "SELECT 'bytes per row (heap + TOAST + indexes): ' || round(sum(pg_total_relation_size(c.oid))::numeric / $total, 1)
      || ', of which indexes: ' || round(sum(pg_indexes_size(c.oid))::numeric / $total, 1)
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'monitor_results'::regclass"
monitor="'00000000-0000-7000-8000-$(printf %012x 0)'"
last_month=$(echo $MONTHS | awk '{print $NF}')
day="'$last_month'::timestamp + interval '20 days'"
q -c "SELECT 'a monitor''s day of results: ' || count(*) || ' rows' FROM monitor_results WHERE monitor_id = $monitor AND checked_at >= $day AND checked_at < $day + interval '1 day'"
q -c "SELECT 'partitions of monitor_results: ' || count(*) FROM pg_inherits WHERE inhparent = 'monitor_results'::regclass"
for run in 1 2 3; do
  echo "run $run, every partition searched: $(q -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT id, checked_at, response_time_ms FROM monitor_results WHERE monitor_id = $monitor AND checked_at >= $day AND checked_at < $day + interval '1 day' ORDER BY checked_at" | grep -E "Planning Time|Execution Time" | tr '\n' ' ')"
  echo "run $run, pruned by an id bound: $(q -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT id, checked_at, response_time_ms FROM monitor_results WHERE monitor_id = $monitor AND checked_at >= $day AND checked_at < $day + interval '1 day' AND id >= (lpad(to_hex((extract(epoch FROM $day) * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid ORDER BY checked_at" | grep -E "Planning Time|Execution Time" | tr '\n' ' ')"
done
oldest=monitor_results_p$(date -d "$(echo $MONTHS | awk '{print $1}')" +%Y%m)
second=monitor_results_p$(date -d "$(echo $MONTHS | awk '{print $2}')" +%Y%m)
timed "retention by DELETE of one month ($ROWS rows, $second)" "DELETE FROM monitor_results WHERE id IN (SELECT id FROM $second)"
timed "then the VACUUM that DELETE leaves to do" "VACUUM $second"
timed "retention by DROP of one month ($ROWS rows, $oldest)" "DROP TABLE $oldest"
psql "$ADMIN" -qc "DROP DATABASE $DB"
