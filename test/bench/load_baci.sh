#!/usr/bin/env bash
# The BACI load benchmark, a command, not a test: run by
# `make bench` (test/bench/run calls it in its cluster) or alone, in a
# throwaway cluster of its own:
#
#   test/bench/load_baci.sh
#
# For each row count it writes SYNTHETIC BACI rows (load_baci_generate.sql,
# never real trade) to a CSV file in BACI's layout, and the same rows as
# trade_flow rows to a second file; then, best of BENCH_REPS:
#   copy   \copy of the trade_flow rows into an empty table LIKE trade_flow
#          INCLUDING ALL (its unique key, indexes and checks): the floor;
#   stage  stage('baci') and \copy of the BACI file into pg_temp.baci_raw;
#   load   load_baci(release, synthetic => true) into the empty store
#          (validation, BACI codes, HS codes, duplicates, natural-key upsert),
#          its EXPLAIN (VERBOSE) checked for the function scan first, its
#          counts checked (every row loaded, none refused) after;
#   file   load_baci_file(the BACI file's bytes, read by the server) into
#          the empty store, its counts checked: parsing included;
# and the peak private memory of the loading backend (RssAnon sampled every
# 20 ms from /proc), which should not grow with the rows.  Times run from
# before a statement is sent until its result has arrived (clock_timestamp
# in the same session); the ratios come from the same run.
#
# Environment: BENCH_BACI_ROWS (1000000 3000000; 0 makes `make bench` skip
# it), BENCH_REPS (3), BENCH_IN_CLUSTER=1 (use the cluster PGHOST names
# instead of starting one; shared_buffers 4 GB as in test/bench/run).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PG_CONFIG=${PG_CONFIG:-$(test/pg-config)}
export RAREEARTH_SHARED_BUFFERS=${RAREEARTH_SHARED_BUFFERS:-4GB}
source test/cluster.sh
if [ -z "${BENCH_IN_CLUSTER:-}" ]; then
	install_locked
	cluster_start
fi
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"; cluster_stop' EXIT
psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

psql >/dev/null <<'SQL'
CREATE EXTENSION IF NOT EXISTS rareearth;
SELECT rareearth.create_store();
DROP TABLE IF EXISTS bench_baci_times;
CREATE TABLE bench_baci_times (rows bigint, rep int, step text, ms float8, peak_anon_kb bigint);
SQL

# peak RssAnon (kB) of the backend whose pid appears in $1, until it exits
peak_anon() {
	local pidfile=$1 pid="" max=0 v
	for _ in $(seq 1 500); do [ -s "$pidfile" ] && break; sleep 0.01; done
	pid=$(tr -dc 0-9 <"$pidfile")
	while v=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null) && [ -n "$v" ]; do
		[ "$v" -gt "$max" ] && max=$v
		sleep 0.02
	done
	echo "$max"
}

for rows in ${BENCH_BACI_ROWS:-1000000 3000000}; do
	echo "== load_baci: $rows SYNTHETIC BACI rows"
	psql -v rows="$rows" -v baci_file="$work/baci.csv" -v flow_file="$work/flow.csv" -f test/bench/load_baci_generate.sql >/dev/null
	echo "   files: $(du -m "$work/baci.csv" | cut -f1) MB BACI, $(du -m "$work/flow.csv" | cut -f1) MB trade_flow rows"
	for rep in $(seq 1 "${BENCH_REPS:-3}"); do
		psql >/dev/null <<SQL
DROP TABLE IF EXISTS bench_baci.flow;
CREATE TABLE bench_baci.flow (LIKE rareearth.trade_flow INCLUDING ALL);
CHECKPOINT;
SELECT clock_timestamp() AS t0 \gset
\copy bench_baci.flow FROM '$work/flow.csv' CSV
SELECT clock_timestamp() AS t1 \gset
SELECT count(*) = $rows AS copied FROM bench_baci.flow \gset
\if :copied
\else
\warn 'copy: row count differs'
\quit
\endif
INSERT INTO bench_baci_times VALUES ($rows, $rep, 'copy', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL);
DROP TABLE bench_baci.flow;
SQL
		psql >/dev/null <<SQL
TRUNCATE rareearth.trade_flow, rareearth.trade_reported_total;
DELETE FROM rareearth.load_rejects;
CHECKPOINT;
SQL
		rm -f "$work/pid"
		peak_anon "$work/pid" >"$work/peak" &
		poller=$!
		psql >"$work/load.out" <<SQL
SELECT pg_backend_pid() AS pid \gset
\o $work/pid
\qecho :pid
\o
SELECT clock_timestamp() AS t0 \gset
SELECT rareearth.stage('baci') \g /dev/null
\copy pg_temp.baci_raw FROM '$work/baci.csv' CSV HEADER
SELECT clock_timestamp() AS t1 \gset
-- the function is what the timed statement runs (EXPLAIN does not run it;
-- the plan is checked below)
\o $work/plan
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM rareearth.load_baci('SYNTHETIC bench', true);
\o
SELECT clock_timestamp() AS t2 \gset
SELECT * FROM rareearth.load_baci('SYNTHETIC bench', true) \gset
SELECT clock_timestamp() AS t3 \gset
SELECT :rows_loaded = $rows AND :rows_rejected = 0 AND :rows_aggregate = 0 AS counted \gset
\if :counted
\else
\warn 'load_baci: counts differ'
\quit
\endif
INSERT INTO bench_baci_times VALUES
	($rows, $rep, 'stage', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL),
	($rows, $rep, 'load', extract(epoch FROM :'t3'::timestamptz - :'t2'::timestamptz) * 1000, NULL);
SQL
		wait "$poller"
		grep -q 'Function Scan on rareearth.load_baci' "$work/plan" ||
			{ echo "load_baci is not in the timed statement's plan:"; cat "$work/plan"; exit 1; }
		psql -c "UPDATE bench_baci_times SET peak_anon_kb = $(cat "$work/peak") WHERE rows = $rows AND rep = $rep AND step = 'load'"
		[ "$(psql -At -c "SELECT count(*) FROM rareearth.trade_flow WHERE release = 'SYNTHETIC bench'")" = "$rows" ] ||
			{ echo "load_baci: trade_flow does not hold the $rows rows"; exit 1; }
		# the file loader: the same file's bytes in one call (read by the
		# server, as a client sending the file would deliver them)
		psql >/dev/null <<SQL
TRUNCATE rareearth.trade_flow, rareearth.trade_reported_total;
DELETE FROM rareearth.load_rejects;
CHECKPOINT;
SELECT clock_timestamp() AS t0 \gset
SELECT * FROM rareearth.load_baci_file(pg_read_binary_file('$work/baci.csv'), 'SYNTHETIC.csv', 'SYNTHETIC bench', true) \gset
SELECT clock_timestamp() AS t1 \gset
SELECT :rows_loaded = $rows AND :rows_rejected = 0 AND :rows_aggregate = 0 AND :rows_out_of_scope = 0 AS counted \gset
\if :counted
\else
\warn 'load_baci_file: counts differ'
\quit
\endif
INSERT INTO bench_baci_times VALUES ($rows, $rep, 'file', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL);
SQL
	done
	psql -At -c "SELECT format('   best of %s: copy %s ms, stage %s ms, load_baci %s ms, load_baci_file %s ms', count(*) / 4, round(min(ms) FILTER (WHERE step = 'copy')), round(min(ms) FILTER (WHERE step = 'stage')), round(min(ms) FILTER (WHERE step = 'load')), round(min(ms) FILTER (WHERE step = 'file'))) FROM bench_baci_times WHERE rows = $rows"
done

psql -f test/bench/load_baci_report.sql
