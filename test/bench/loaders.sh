#!/usr/bin/env bash
# The loader benchmark, a command, not a test: run by `make bench`
# (test/bench/run calls it in its cluster) or alone, in a throwaway cluster
# of its own:
#
#   test/bench/loaders.sh
#
# Every loader against a plain COPY of the same typed rows into the same
# table (an empty table LIKE the store's INCLUDING ALL: its unique key,
# indexes and checks), in the same run, best of BENCH_REPS:
#
#   baci      SYNTHETIC BACI rows (load_baci_generate.sql) at each row count
#             of BENCH_LOAD_ROWS: copy of the same rows as trade_flow rows;
#             stage + \copy into pg_temp.baci_raw; load_baci(); load_baci_file()
#             of the file's bytes (read by the server);
#   comtrade  SYNTHETIC UN Comtrade API v1 rows (load_comtrade_generate.sql):
#             copy of the trade_flow rows load_comtrade stored (taken from the
#             first load); stage + \copy into pg_temp.comtrade_raw;
#             load_comtrade(); load_comtrade_file() of the file's bytes, up to
#             BENCH_COMTRADE_FILE_MAX bytes (default 900 MB: a value sent to
#             the server holds at most 1 GB, so 10 M rows, about 2.3 GB, take the
#             \copy path and the file step is skipped with a note);
#   usgs      the real MCS2026 data release (data/usgs/mcs2026, the whole long
#             table of every commodity, 8,886 records: a USGS file is no
#             larger): copy of the production, reserves and published_statistic
#             rows the loader stored into three such tables; stage + \copy;
#             load_usgs_mcs(); load_usgs_mcs_file() of the same file.
#
# Each load goes into an emptied store and its counts are checked (every
# synthetic row loaded, none refused), or the script stops.  Times run from
# before a statement is sent until its result has arrived (clock_timestamp
# in the same session).  Also the peak private memory of the backend
# running load_baci (RssAnon sampled every 20 ms from /proc).
#
# Environment: BENCH_LOAD_ROWS (1000000 10000000; BENCH_BACI_ROWS is its
# old name; 0 makes `make bench` skip it), BENCH_LOADERS (baci comtrade
# usgs), BENCH_REPS (3), BENCH_IN_CLUSTER=1 (use the cluster PGHOST names
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
reps=${BENCH_REPS:-3}
sizes=${BENCH_LOAD_ROWS:-${BENCH_BACI_ROWS:-1000000 10000000}}
loaders=${BENCH_LOADERS:-baci comtrade usgs}

psql >/dev/null <<'SQL'
CREATE EXTENSION IF NOT EXISTS rareearth;
SELECT rareearth.create_store();
DROP TABLE IF EXISTS bench_load_times;
CREATE TABLE bench_load_times (loader text, rows bigint, rep int, step text, ms float8, peak_anon_kb bigint);
SQL
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

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

# empty_store: the store as create_store() left it
empty_store() {
	psql >/dev/null <<'SQL'
TRUNCATE rareearth.trade_flow, rareearth.trade_reported_total, rareearth.production, rareearth.reserves, rareearth.published_statistic;
DELETE FROM rareearth.load_rejects;
CHECKPOINT;
SQL
}

# timed LOADER ROWS REP STEP SQL: runs SQL between two clock readings in
# one session and files the time; SQL sets :ok (the counts check)
timed() {
	local loader=$1 rows=$2 rep=$3 step=$4 sql=$5
	psql >/dev/null <<SQL
SELECT clock_timestamp() AS t0 \gset
$sql
SELECT clock_timestamp() AS t1 \gset
\if :ok
\else
\warn '$loader $step: counts differ'
\quit
\endif
INSERT INTO bench_load_times VALUES ('$loader', $rows, $rep, '$step', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL);
SQL
	psql -At -c "SELECT count(*) FROM bench_load_times WHERE loader = '$loader' AND rows = $rows AND rep = $rep AND step = '$step'" | grep -qx 1 ||
		{ echo "$loader $step at $rows rows failed"; exit 1; }
}

# copy_floor LOADER ROWS REP TABLE FILE [TABLE FILE ...]: \copy of each file
# into an empty table LIKE the store's table, all timed as one step
copy_floor() {
	local loader=$1 rows=$2 rep=$3 sql="" ddl=""
	shift 3
	while [ $# -gt 0 ]; do
		ddl+="DROP TABLE IF EXISTS bench_load.$1; CREATE TABLE bench_load.$1 (LIKE rareearth.$1 INCLUDING ALL);"
		sql+="\\copy bench_load.$1 FROM '$2' CSV"$'\n'
		shift 2
	done
	psql >/dev/null -c "CREATE SCHEMA IF NOT EXISTS bench_load" -c "$ddl" -c CHECKPOINT
	timed "$loader" "$rows" "$rep" copy "$sql
SELECT true AS ok \gset"
}

for loader in $loaders; do
	case $loader in
	baci | comtrade) runs=$sizes ;;
	usgs) runs=$(($(wc -l <data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv) - 1)) ;;
	*) echo "unknown loader $loader" >&2; exit 2 ;;
	esac
	for rows in $runs; do
		[ "$rows" = 0 ] && continue
		echo "== $loader: $rows rows"
		case $loader in
		baci)
			psql -v rows="$rows" -v baci_file="$work/in.csv" -v flow_file="$work/flow.csv" -f test/bench/load_baci_generate.sql >/dev/null
			;;
		comtrade)
			psql -v rows="$rows" -v comtrade_file="$work/in.csv" -f test/bench/load_comtrade_generate.sql >/dev/null
			;;
		usgs)
			cp data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv "$work/in.csv"
			;;
		esac
		bytes=$(stat -c %s "$work/in.csv")
		echo "   file: $((bytes / 1048576)) MB"
		for rep in $(seq 1 "$reps"); do
			# the row loader (stage + \copy, then the load), its counts checked
			empty_store
			case $loader in
			baci)
				rm -f "$work/pid"
				peak_anon "$work/pid" >"$work/peak" &
				poller=$!
				psql >/dev/null <<SQL
SELECT pg_backend_pid() AS pid \gset
\o $work/pid
\qecho :pid
\o
SELECT clock_timestamp() AS t0 \gset
SELECT rareearth.stage('baci') \g /dev/null
\copy pg_temp.baci_raw FROM '$work/in.csv' CSV HEADER
SELECT clock_timestamp() AS t1 \gset
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
INSERT INTO bench_load_times VALUES
	('baci', $rows, $rep, 'stage', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL),
	('baci', $rows, $rep, 'load', extract(epoch FROM :'t3'::timestamptz - :'t2'::timestamptz) * 1000, NULL);
SQL
				wait "$poller"
				grep -q 'Function Scan on rareearth.load_baci' "$work/plan" ||
					{ echo "load_baci is not in the timed statement's plan:"; cat "$work/plan"; exit 1; }
				psql -c "UPDATE bench_load_times SET peak_anon_kb = $(cat "$work/peak") WHERE loader = 'baci' AND rows = $rows AND rep = $rep AND step = 'load'"
				[ "$(psql -At -c "SELECT count(*) FROM rareearth.trade_flow WHERE release = 'SYNTHETIC bench'")" = "$rows" ] ||
					{ echo "load_baci: trade_flow does not hold the $rows rows"; exit 1; }
				;;
			comtrade)
				psql >/dev/null <<SQL
SELECT clock_timestamp() AS t0 \gset
SELECT rareearth.stage('comtrade') \g /dev/null
\copy pg_temp.comtrade_raw FROM '$work/in.csv' CSV HEADER
SELECT clock_timestamp() AS t1 \gset
SELECT * FROM rareearth.load_comtrade('SYNTHETIC bench', true) \gset
SELECT clock_timestamp() AS t2 \gset
SELECT :rows_loaded = $rows AND :rows_rejected = 0 AND :rows_aggregate = 0 AS counted \gset
\if :counted
\else
\warn 'load_comtrade: counts differ'
\quit
\endif
INSERT INTO bench_load_times VALUES
	('comtrade', $rows, $rep, 'stage', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL),
	('comtrade', $rows, $rep, 'load', extract(epoch FROM :'t2'::timestamptz - :'t1'::timestamptz) * 1000, NULL);
SQL
				[ "$(psql -At -c "SELECT count(*) FROM rareearth.trade_flow WHERE release = 'SYNTHETIC bench'")" = "$rows" ] ||
					{ echo "load_comtrade: trade_flow does not hold the $rows rows"; exit 1; }
				# the floor's rows: what the loader stored, as typed rows
				[ "$rep" = 1 ] && psql -c "\\copy rareearth.trade_flow TO '$work/flow.csv' CSV"
				;;
			usgs)
				psql >/dev/null <<SQL
SELECT clock_timestamp() AS t0 \gset
SELECT rareearth.stage('usgs_mcs') \g /dev/null
\copy pg_temp.usgs_mcs_raw FROM '$work/in.csv' CSV HEADER ENCODING 'WIN1252'
SELECT clock_timestamp() AS t1 \gset
SELECT * FROM rareearth.load_usgs_mcs('MCS2026') \gset
SELECT clock_timestamp() AS t2 \gset
SELECT :rows_loaded + :rows_rejected + :rows_out_of_scope = $rows AS counted \gset
\if :counted
\else
\warn 'load_usgs_mcs: counts differ'
\quit
\endif
INSERT INTO bench_load_times VALUES
	('usgs', $rows, $rep, 'stage', extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz) * 1000, NULL),
	('usgs', $rows, $rep, 'load', extract(epoch FROM :'t2'::timestamptz - :'t1'::timestamptz) * 1000, NULL);
SQL
				if [ "$rep" = 1 ]; then
					for t in production reserves published_statistic; do
						psql -c "\\copy rareearth.$t TO '$work/$t.csv' CSV"
					done
				fi
				;;
			esac
			# the plain COPY of the same typed rows
			case $loader in
			baci | comtrade) copy_floor "$loader" "$rows" "$rep" trade_flow "$work/flow.csv" ;;
			usgs) copy_floor usgs "$rows" "$rep" production "$work/production.csv" reserves "$work/reserves.csv" \
				published_statistic "$work/published_statistic.csv" ;;
			esac
			# the file loader: the same file's bytes in one call (read by the
			# server, as a client sending the file would deliver them)
			empty_store
			case $loader in
			baci)
				timed baci "$rows" "$rep" file "SELECT * FROM rareearth.load_baci_file(pg_read_binary_file('$work/in.csv'), 'SYNTHETIC.csv', 'SYNTHETIC bench', true) \\gset
SELECT :rows_loaded = $rows AND :rows_rejected = 0 AND :rows_aggregate = 0 AND :rows_out_of_scope = 0 AS ok \\gset"
				;;
			comtrade)
				if [ "$bytes" -le "${BENCH_COMTRADE_FILE_MAX:-943718400}" ]; then
					timed comtrade "$rows" "$rep" file "SELECT rows_loaded, rows_rejected, rows_aggregate, rows_out_of_scope FROM rareearth.load_comtrade_file(pg_read_binary_file('$work/in.csv'), 'SYNTHETIC.csv', 'SYNTHETIC bench', true) \\gset
SELECT :rows_loaded = $rows AND :rows_rejected = 0 AND :rows_aggregate = 0 AND :rows_out_of_scope = 0 AS ok \\gset"
				elif [ "$rep" = 1 ]; then
					echo "   load_comtrade_file skipped: the file ($((bytes / 1048576)) MB) is larger than one value may be; load_comtrade is the path for it"
				fi
				;;
			usgs)
				timed usgs "$rows" "$rep" file "SELECT * FROM rareearth.load_usgs_mcs_file(pg_read_binary_file('$work/in.csv'), 'usgs_mcs2026_commodities_data.csv', 'MCS2026') \\gset
SELECT :rows_loaded + :rows_rejected + :rows_out_of_scope = $rows AS ok \\gset"
				;;
			esac
		done
		psql -At -c "SELECT format('   best of %s: copy %s ms, stage %s ms, load %s ms, file %s ms', $reps, round(min(ms) FILTER (WHERE step = 'copy')), round(min(ms) FILTER (WHERE step = 'stage')), round(min(ms) FILTER (WHERE step = 'load')), coalesce(round(min(ms) FILTER (WHERE step = 'file'))::text, '-')) FROM bench_load_times WHERE loader = '$loader' AND rows = $rows"
	done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
psql -f test/bench/loaders_report.sql
