#!/usr/bin/env bash
# What partitioning `runs` by month costs the run queue on PostgreSQL (BENCHMARKS.md, "Data that
# grows"). Usage: bench/sql/run-queue.sh [finished runs per month] [queued runs]
#
# Makes a fresh database with Vigil's migrations (runs partitioned by month), writes 12 months of
# finished runs of 100 organizations and a backlog of queued ones in the current month, copies
# the same rows into a plain table with the same indexes, and runs the queue's claim look-up
# (`testing::run::claim_one`: the oldest queued runs whose organization is below its running
# capacity, FOR UPDATE SKIP LOCKED) on both, printing PostgreSQL's planning and execution times.
# Needs the PostgreSQL of scripts/pg-start and a built target/debug/vigil.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
QUEUED=${2:-200}
DB=vigil_bench_run_queue
. bench/sql/database.sh
past_months runs
org() { echo "('00000000-0000-7000-8000-' || lpad(to_hex($1 % 100), 12, '0'))::uuid"; }
insert() { # month start, rows, status
  q -c "SET session_replication_role = replica;
    INSERT INTO runs (id, project_id, organization_id, status, trigger, attempt, created_at, updated_at, cancel_requested, logs)
    SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || substr(md5(i::text || '$3'), 1, 20))::uuid,
           $(org i), $(org i), '$3', 'schedule', 1, t, t, false, repeat('log line ', 40)
    FROM (SELECT i, '$1'::timestamp + (i::double precision / $2) * interval '28 days' AS t FROM generate_series(0, $2 - 1) i) s"
}
start=$(date +%s%N)
for month in $MONTHS; do insert "$month" "$ROWS" passed; done
insert "$(date -u +%Y-%m-01)" "$QUEUED" queued
end=$(date +%s%N)
total=$(q -c "SELECT count(*) FROM runs")
echo "runs: $total ($ROWS finished a month for 12 months, $QUEUED queued now, 100 organizations), written in $(( (end - start) / 1000000 )) ms"
q -c "SET session_replication_role = replica; CREATE TABLE runs_plain (LIKE runs INCLUDING DEFAULTS INCLUDING INDEXES); INSERT INTO runs_plain SELECT * FROM runs"
q -c "ANALYZE runs" -c "ANALYZE runs_plain"
echo "partitions of runs: $(q -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'runs'::regclass")"
claim() { # table, the claim's time
  echo "SELECT r.* FROM $1 r
    WHERE (r.status = 'queued' AND (SELECT COUNT(*) FROM $1 x WHERE x.organization_id = r.organization_id AND x.status = 'running') < 1)
      AND (r.claimed_until IS NULL OR r.claimed_until < $2)
    ORDER BY r.created_at, r.id LIMIT 10 FOR UPDATE OF r SKIP LOCKED"
}
explain="EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)"
for run in 1 2 3; do
  echo "run $run, claim look-up, partitioned: $(q -c "$explain $(claim runs "now()")" | grep -E "Planning Time|Execution Time" | tr '\n' ' ')"
  echo "run $run, claim look-up, plain table: $(q -c "$explain $(claim runs_plain "now()")" | grep -E "Planning Time|Execution Time" | tr '\n' ' ')"
done
# The server sends the look-up as a prepared statement (sqlx keeps them per connection), and
# PostgreSQL plans a prepared statement again only for its first five executions by default.
for table in runs runs_plain; do
  echo "prepared, tenth execution, $table: $( (echo "PREPARE claim(timestamptz) AS $(claim $table '$1');"
    for i in $(seq 1 10); do echo "$explain EXECUTE claim(now());"; done) | q | grep -E "Planning Time|Execution Time" | tail -2 | tr '\n' ' ')"
done
psql "$ADMIN" -qc "DROP DATABASE $DB"
