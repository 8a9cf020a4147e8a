#!/usr/bin/env bash
# Loads under concurrency keep every row and count right (issue: a shared
# staging table lost one session's rows to another session's load).
#  1. Deterministic interleaving: a third session holds a lock on the store;
#     sessions A (UN Comtrade fixture) and B (BACI fixture) stage their files
#     and start loading, both wait; the lock is released; both loads finish,
#     each accounting for exactly its own staged rows.
#  2. Two sessions loop over all three loaders while a third reads every view;
#     no statement fails, and the store ends equal, row for row, to the same
#     files loaded once, serially, in another database.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
conc=rareearth_conc_$$
serial=rareearth_serial_$$
work=$(mktemp -d)
cleanup() {
	"$PGBIN/dropdb" --if-exists "$conc" >/dev/null 2>&1 || true
	"$PGBIN/dropdb" --if-exists "$serial" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
psql() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
for db in "$conc" "$serial"; do
	"$PGBIN/createdb" "$db"
	psql -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
done

# one load in its own session; prints "ok" when loaded + rejected + other = staged
load() { # db source
	local db=$1 source=$2 copy loader
	case $source in
	usgs_mcs) copy="\\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'"
	          loader="rareearth.load_usgs_mcs('MCS2026')" ;;
	comtrade) copy="\\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)"
	          loader="rareearth.load_comtrade('fixture', synthetic => true)" ;;
	baci)     copy="\\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER"
	          loader="rareearth.load_baci('fixture', synthetic => true)" ;;
	esac
	psql -d "$db" <<SQL | grep -v '^[a-z_]*_raw$'
SELECT rareearth.stage('$source');
$copy
SELECT count(*) AS staged FROM pg_temp.${source}_raw \gset
SELECT CASE WHEN (to_jsonb(l)->>'rows_loaded')::bigint > 0
             AND (SELECT sum(v::bigint) FROM jsonb_each_text(to_jsonb(l)) e(k, v)) = :staged
            THEN 'ok' ELSE 'counts do not add up: ' || l::text || ' staged ' || :staged END
FROM $loader l;
SQL
}

# 1. deterministic interleaving
psql -d "$conc" -c "BEGIN" -c "LOCK TABLE rareearth.load_rejects IN SHARE ROW EXCLUSIVE MODE" -c "SELECT pg_sleep(4)" -c "COMMIT" >/dev/null &
holder=$!
for _ in $(seq 50); do
	[ "$(psql -d "$conc" -c "SELECT count(*) FROM pg_locks WHERE relation = 'rareearth.load_rejects'::regclass AND granted")" -ge 1 ] && break
	sleep 0.1
done
load "$conc" comtrade >"$work/a" 2>&1 &
a=$!
load "$conc" baci >"$work/b" 2>&1 &
b=$!
waiting=0
for _ in $(seq 50); do
	waiting=$(psql -d "$conc" -c "SELECT count(*) FROM pg_locks WHERE relation = 'rareearth.load_rejects'::regclass AND NOT granted")
	[ "$waiting" -ge 2 ] && break
	sleep 0.1
done
status=0
if [ "$waiting" -lt 2 ]; then echo "concurrent_loads: the two loads never waited for the lock ($waiting)"; status=1; fi
wait $holder; wait $a || true; wait $b || true
for s in a b; do
	if [ "$(cat "$work/$s")" != ok ]; then echo "concurrent_loads: load $s: $(cat "$work/$s")"; status=1; fi
done

# 2. two loaders looping while a reader queries the views
loop_loads() { # sources...
	for _ in 1 2 3 4; do for s in "$@"; do load "$conc" "$s"; done; done
}
loop_loads usgs_mcs comtrade baci >"$work/l1" 2>&1 &
l1=$!
loop_loads baci usgs_mcs comtrade >"$work/l2" 2>&1 &
l2=$!
(
	while kill -0 $l1 2>/dev/null || kill -0 $l2 2>/dev/null; do
		psql -d "$conc" -c "SELECT (SELECT count(*) FROM rareearth.supply_share) + (SELECT count(*) FROM rareearth.supply_concentration)
		                        + (SELECT count(*) FROM rareearth.development) + (SELECT count(*) FROM rareearth.import_dependency)
		                        + (SELECT count(*) FROM rareearth.import_reliance) + (SELECT count(*) FROM rareearth.production_latest)" >/dev/null
	done
) >"$work/r" 2>&1 &
r=$!
wait $l1 || true; wait $l2 || true; wait $r || true
for s in l1 l2; do
	if [ "$(sort -u "$work/$s")" != ok ]; then echo "concurrent_loads: loop $s:"; sort | uniq -c <"$work/$s"; status=1; fi
done
if [ -s "$work/r" ]; then echo "concurrent_loads: the reader failed:"; cat "$work/r"; status=1; fi

for s in usgs_mcs comtrade baci; do load "$serial" "$s" >/dev/null; done
snapshot="SELECT 'trade_flow', t::text FROM rareearth.trade_flow t
UNION ALL SELECT 'trade_reported_total', t::text FROM rareearth.trade_reported_total t
UNION ALL SELECT 'production', t::text FROM rareearth.production t
UNION ALL SELECT 'reserves', t::text FROM rareearth.reserves t
UNION ALL SELECT 'load_rejects', (source, release, reason, record)::text FROM rareearth.load_rejects
ORDER BY 1, 2"
psql -d "$conc" -c "$snapshot" >"$work/conc.txt"
psql -d "$serial" -c "$snapshot" >"$work/serial.txt"
if [ "$(wc -l <"$work/serial.txt")" -lt 50 ]; then echo "concurrent_loads: the serial load stored too little to compare"; status=1; fi
if ! diff -q "$work/serial.txt" "$work/conc.txt" >/dev/null; then
	echo "concurrent_loads: the store after concurrent loads differs from the serial result:"
	diff "$work/serial.txt" "$work/conc.txt" | head -20
	status=1
fi
exit $status
