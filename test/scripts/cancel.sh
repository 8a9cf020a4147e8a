#!/usr/bin/env bash
# Cancels and growth, against the cluster of test/run
# (PGHOST etc. set, the extension installed):
#   * every long-running entry point ends with 57014 within 1 s of
#     pg_cancel_backend sent about 1 s after it started (geopolrisk also
#     57P01 after pg_terminate_backend, 57014 after statement_timeout): the aggregates'
#     transition and final (rollup of a summary of 4 M suppliers, cancelled
#     at several points, so both phases are hit), supply_mix text and binary
#     input, geopolrisk with a region of 3 M members, read_csv;
#   * their times at n, 10n and 100n grow linearly or as n log n: each
#     tenfold step must cost under 30 times the step before (a quadratic
#     algorithm costs 100 times; the bound is loose for a busy 2-core VM).
# Exit 0 = pass.  Prints the measurements.
set -uo pipefail
db=rareearth_cancel
work=$(mktemp -d)
chmod 777 "$work"				# the server writes and reads the binary file
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$work"' EXIT
failures=0
fail() { echo "cancel: FAIL $*"; failures=$((failures + 1)); }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
q <<SQL || exit 1
CREATE EXTENSION rareearth;
SELECT rareearth.create_store();
SET search_path = public, rareearth;
-- stored uncompressed: decompressing it (PostgreSQL's, no interrupt check)
-- would delay a cancel
CREATE TABLE big_mix (m supply_mix);
ALTER TABLE big_mix ALTER m SET STORAGE EXTERNAL;
INSERT INTO big_mix SELECT supply_mix('supplier ' || i, 1) FROM generate_series(1, 4000000) i;
CREATE TABLE big_txt AS SELECT m::text AS t FROM big_mix;
CREATE TABLE copied (m supply_mix);
COPY (SELECT m FROM big_mix, generate_series(1, 3)) TO '$work/mix.bin' WITH (FORMAT binary);
CREATE TABLE region AS SELECT array_agg('R' || i) AS a FROM generate_series(1, 3000000) i;
-- a trade network of 2,000 countries that all import and re-export (the
-- origin solver's sweeps): tracing it takes about 17 s
CREATE TABLE big_net AS SELECT trade_network(e, i, q) AS n FROM (
	SELECT 'C' || (g % 2000) AS e, 'C' || ((g * 7919) % 2003 % 2000) AS i, (1 + g % 13)::float8 AS q FROM generate_series(1, 200000) g
	UNION ALL SELECT 'C' || g, 'C' || g, 1000::float8 FROM generate_series(0, 1999) g) s;
-- 90 MB of CSV, stored uncompressed too (nor does PostgreSQL's repeat()
-- check for interrupts)
CREATE TABLE csv (t text);
ALTER TABLE csv ALTER t SET STORAGE EXTERNAL;
INSERT INTO csv SELECT repeat(repeat('abcdefgh,', 100) || E'\n', 100000);
-- seconds a statement takes (its planning included)
CREATE FUNCTION time_of(sql text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE sql;
	RETURN extract(epoch FROM clock_timestamp() - t0);
END \$\$;
SQL

# cancel NAME DELAY SQL [terminate]: run SQL, cancel (or terminate) its
# backend after DELAY s, check it ended with 57014 (57P01) within 1 s
cancel() {
	local name=$1 delay=$2 sql=$3 how=${4:-cancel} state=57014 pid t0 t1 ms
	[ "$how" = terminate ] && state=57P01
	PGAPPNAME="cancel_$name" psql -X -q -d "$db" -v VERBOSITY=verbose -c "SET search_path = rareearth, public" \
		-c "$sql" >"$work/$name.out" 2>&1 &
	pid=$!
	sleep "$delay"
	if [ "$(q -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cancel_$name' AND state = 'active'")" != 1 ]; then
		fail "$name: not running after ${delay} s (too small to test)"; wait $pid; return
	fi
	q -c "SELECT pg_${how}_backend(pid) FROM pg_stat_activity WHERE application_name = 'cancel_$name'" >/dev/null
	t0=$(date +%s%N)
	wait $pid
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
	if ! grep -q "$state" "$work/$name.out"; then
		fail "$name: no $state"; cat "$work/$name.out"
	elif [ "$ms" -gt 1000 ]; then
		fail "$name: ended $ms ms after the $how"
	else
		echo "cancel: ok   $name: $state $ms ms after the $how (sent at ${delay} s)"
	fi
}

cancel agg_rollup_1s 1 "SELECT total(rollup(m)) FROM big_mix, generate_series(1, 20)"
cancel agg_rollup_2s 2 "SELECT total(rollup(m)) FROM big_mix, generate_series(1, 20)"
cancel agg_rollup_3s 3 "SELECT total(rollup(m)) FROM big_mix, generate_series(1, 20)"
cancel agg_final 1 "SELECT total(supply_mix(i, 1)) FROM generate_series(1, 3000000) i GROUP BY i % 2"
cancel text_input 1 "SELECT total(t::supply_mix) FROM big_txt, generate_series(1, 20)"
cancel binary_input 1 "COPY copied FROM '$work/mix.bin' WITH (FORMAT binary)"
cancel geopolrisk 1 "SELECT import_risk FROM region, generate_series(1, 20) g,
	geopolrisk('{\"A\": 3}', '{\"A\": 6, \"B\": 2}', 'C' || g, '{\"A\": 0.5, \"B\": 0.25}', region => a)"
cancel read_csv 1 "SELECT count(*) FROM csv, read_csv(t)"
cancel origin_flows 1 "SELECT count(*) FROM big_net, origin_flows(n)"
cancel geopolrisk_terminate 1 "SELECT import_risk FROM region, generate_series(1, 20) g,
	geopolrisk('{\"A\": 3}', '{\"A\": 6, \"B\": 2}', 'C' || g, '{\"A\": 0.5, \"B\": 0.25}', region => a)" terminate
# statement_timeout: the same query stopped by a timeout of 1 s, within 2 s
t0=$(date +%s%N)
out=$(psql -X -q -d "$db" -v VERBOSITY=verbose -c "SET statement_timeout = '1s'" -c "SELECT import_risk FROM region,
	generate_series(1, 20) g, rareearth.geopolrisk('{\"A\": 3}', '{\"A\": 6}', 'C' || g, '{\"A\": 0.5}', region => a)" 2>&1)
ms=$((($(date +%s%N) - t0) / 1000000))
if echo "$out" | grep -q 57014 && [ "$ms" -le 2000 ]; then
	echo "cancel: ok   geopolrisk_timeout: 57014 after $ms ms (statement_timeout 1 s)"
else
	fail "geopolrisk_timeout: $ms ms: $out"
fi

# growth: the time at n, 10n, 100n of one call; the smallest of two runs
grow() {
	local name=$1 sql=$2 n t prev=""
	local -a times=()
	for n in $3 $(($3 * 10)) $(($3 * 100)); do
		t=$(q -c "SELECT least(time_of(format(\$q\$$sql\$q\$, $n)), time_of(format(\$q\$$sql\$q\$, $n)))") ||
			{ fail "$name: n = $n failed"; return; }
		times+=("$n: ${t}s")
		if [ -n "$prev" ] && awk -v t="$t" -v p="$prev" 'BEGIN { exit !(t > 30 * p + 0.05) }'; then
			fail "$name: ${t}s at n = $n, over 30 times the ${prev}s of n / 10"
		fi
		prev=$t
	done
	echo "cancel: grow $name: ${times[*]}"
}

q -c "CREATE TABLE regions AS SELECT n, (SELECT array_agg('R' || i) FROM generate_series(1, n) i) AS a FROM unnest(ARRAY[10000, 100000, 1000000]) n"
grow geopolrisk_region "SELECT import_risk FROM rareearth.geopolrisk('{\"R1\": 3}', '{\"A\": 6, \"R2\": 2}', 'C', '{\"A\": 0.5}', region => (SELECT a FROM regions WHERE n = %s))" 10000
q -c "CREATE TABLE texts AS SELECT n, (SELECT string_agg(format('\"s%s\": %s', i, i), ', ') FROM generate_series(1, n) i) AS t FROM unnest(ARRAY[10000, 100000, 1000000]) n"
grow text_input "SELECT rareearth.total(('{' || (SELECT t FROM texts WHERE n = %s) || '}')::rareearth.supply_mix)" 10000
grow aggregate "SELECT rareearth.total(rareearth.supply_mix(i, 1)) FROM generate_series(1, %s) i" 10000
grow read_csv_record "SELECT count(*) FROM rareearth.read_csv(repeat('ab,', %s))" 10000
# a header of n value columns over two rows whose cells are empty: the
# header's and the rows' handling, not the loading of values
grow usgs_file_header "SELECT rareearth.load_usgs_mcs_file(convert_to('Source,Country,Type,' || repeat('Prod_t_2021,', %1\$s) || E'Prod_t_2021\\n' || repeat('MCS2023,Chile,Mine production,' || repeat(',', %1\$s) || E'\\n', 2), 'UTF8'), 'mcs2023-lithi_world.csv')" 100

[ "$failures" -eq 0 ]
