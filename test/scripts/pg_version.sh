#!/usr/bin/env bash
# What differs by the server's major version, checked for the version that
# runs (not pg_regress tests: the expected answers depend on the version).
#
# 1. The performance layer: performance_layers() must say which layers are
#    active (the state pool and the prefetch: on for the versions whose
#    nodeAgg layout src/pg_compat.h names, 15 to 18; off elsewhere), and
#    they must act exactly when they say so: a hashed aggregation of
#    supply_mix, trajectory and material_balance serves states from the pool
#    and looks ahead in the hash table walk (counters grow); a sorted
#    aggregation does neither; an inactive layer never acts.
# 2. Bad input to country, hscode and the summary types (supply_mix,
#    material_balance, trajectory, trade_network) is a soft error where the server has them
#    (16+): pg_input_is_valid() says false and pg_input_error_info() gives
#    the type's own message and SQLSTATE instead of raising it, and (17+)
#    COPY ... ON_ERROR ignore skips the row.  On 15, where neither
#    exists, is_valid_country/is_valid_hscode answer and bad input raises 22P02.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
db=rareearth_pg_version_$$
trap '"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true' EXIT
"$PGBIN/createdb" "$db"
psql() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
psql -c "SET client_min_messages = warning; CREATE EXTENSION rareearth"
version=$(psql -c "SHOW server_version_num")
status=0

# ---- 1. the performance layer
if [ "$version" -ge 150000 ] && [ "$version" -lt 190000 ]; then expect=true; else expect=false; fi

# one session: the counters are the backend's own
out=$(psql <<'SQL'
SET search_path = rareearth, public;
-- serial plans only: a parallel worker's counters are not the leader's
SET max_parallel_workers_per_gather = 0;
CREATE TABLE public.t AS
SELECT g % 3000 AS grp, 'S' || (g % 7) AS supplier, 2000 + g % 20 AS year, (g % 100)::float8 AS q
FROM generate_series(1, 60000) g;
ANALYZE t;
CREATE FUNCTION counters() RETURNS text LANGUAGE sql AS
$$SELECT string_agg(layer || '=' || active || ':' || (used > 0), ' ' ORDER BY layer) FROM performance_layers()$$;
\echo before :
SELECT counters();
-- sorted aggregation first: neither layer may act
SET enable_hashagg = off;
SELECT count(m) + count(tr) + count(b) FROM (SELECT grp, supply_mix(supplier, q) AS m,
	trajectory(year, q) AS tr, material_balance('production', q) AS b FROM t GROUP BY grp) s;
\echo sorted :
SELECT counters();
RESET enable_hashagg;
SET enable_sort = off;
SELECT count(m) + count(tr) + count(b) FROM (SELECT grp, supply_mix(supplier, q) AS m,
	trajectory(year, q) AS tr, material_balance('production', q) AS b FROM t GROUP BY grp) s;
\echo hashed :
SELECT counters();
SQL
)
echo "$out" | sed 's/^/pg_version: /'
plan=$(psql -c "SET enable_sort = off; SET max_parallel_workers_per_gather = 0;
	EXPLAIN SELECT grp, rareearth.supply_mix(supplier, q) FROM public.t GROUP BY grp" | head -1)

check() {	# label, the line expected after it
	got=$(echo "$out" | sed -n "/^$1 :$/{n;p}")
	[ "$got" = "$2" ] || { echo "pg_version: after $1, expected '$2', got '$got'"; status=1; }
}
case "$plan" in
	HashAggregate*) ;;
	*) echo "pg_version: the hashed query's plan is not a HashAggregate: $plan"; status=1 ;;
esac
check before "prefetch=$expect:false state pool=$expect:false"
check sorted "prefetch=$expect:false state pool=$expect:false"
check hashed "prefetch=$expect:$expect state pool=$expect:$expect"
echo "pg_version: PostgreSQL $version, layers expected $([ $expect = true ] && echo on || echo off)"

# ---- 2. soft errors
expect() {	# label, expected output, SQL
	local got
	got=$(psql -c "$3" 2>&1) || true
	[ "$got" = "$2" ] || { printf 'pg_version: %s: expected\n%s\ngot\n%s\n' "$1" "$2" "$got"; status=1; }
}

# both ways: the same answers as the type's own functions
expect "is_valid_*" "t|f|t|f" \
	"SELECT rareearth.is_valid_country('Burma'), rareearth.is_valid_country('Atlantis'),
	        rareearth.is_valid_hscode('2846.90'), rareearth.is_valid_hscode('2846.9')"
if [ "$version" -ge 160000 ]; then
	expect "pg_input_is_valid" "t|f|t|f" \
		"SELECT pg_input_is_valid('Burma', 'rareearth.country'), pg_input_is_valid('Atlantis', 'rareearth.country'),
		        pg_input_is_valid('2846.90', 'rareearth.hscode'), pg_input_is_valid('2846.9', 'rareearth.hscode')"
	expect "pg_input_error_info country" '22P02|invalid input syntax for type country: "Atlantis"' \
		"SELECT sql_error_code, message FROM pg_input_error_info('Atlantis', 'rareearth.country')"
	expect "pg_input_error_info hscode" '22P02|invalid input syntax for type hscode: "2846.9"' \
		"SELECT sql_error_code, message FROM pg_input_error_info('2846.9', 'rareearth.hscode')"
	# the summary types: each way their text input can fail, soft, with its SQLSTATE
	summaries=$(cat <<'SQL'
SELECT string_agg(coalesce(e.sql_error_code, 'ok'), ' ' ORDER BY n)
FROM (VALUES (1, 'supply_mix', '{"a": 1}'), (2, 'supply_mix', '{"a": -1}'), (3, 'supply_mix', '[1]'),
             (4, 'supply_mix', '{"a": 1, "a": 2}'), (5, 'supply_mix', '{"a":'),
             (6, 'supply_mix', '{"a": 1e308, "b": 1e308}'), (7, 'supply_mix', '{"a": {"b": 1}}'),
             (8, 'supply_mix', '{"a": "x"}'), (9, 'supply_mix', '{"a": 1e999}'), (10, 'supply_mix', '5'),
             (11, 'material_balance', '{"production": 1}'), (12, 'material_balance', '{"mined": 1}'),
             (13, 'material_balance', '{"M": 1, "import": 2}'), (14, 'material_balance', '{"export": -1}'),
             (15, 'trajectory', '{"2020": 1}'), (16, 'trajectory', '{"x": 1}'),
             (17, 'trajectory', '{"99999": 1}'), (18, 'trajectory', '{"2020": 1, "2020": 2}')) v(n, type, input),
     LATERAL pg_input_error_info(input, 'rareearth.' || type) e
SQL
)
	expect "pg_input_error_info summaries" \
		"ok 22023 22P02 22P02 22P02 22003 22P02 22P02 22003 22P02 ok 22P02 22P02 22023 ok 22P02 22023 22P02" "$summaries"
	expect "pg_input_error_info supply_mix" '22023|quantity -1 for supplier "a" is negative' \
		"SELECT sql_error_code, message FROM pg_input_error_info('{\"a\": -1}', 'rareearth.supply_mix')"
	# trade_network: ok, syntax, a number where an object belongs, nested too deep,
	# not a number, out of range, negative, duplicate flow, truncated, an array
	trade_networks=$(cat <<'SQL'
SELECT string_agg(coalesce(e.sql_error_code, 'ok'), ' ' ORDER BY n)
FROM (VALUES (1, '{"CHN": {"CHN": 126, "JPN": 50}, "JPN": {"DEU": 10}}'), (2, '5'), (3, '{"A": 1}'),
             (4, '{"A": {"B": {"C": 1}}}'), (5, '{"A": {"B": "x"}}'), (6, '{"A": {"B": 1e999}}'),
             (7, '{"A": {"B": -1}}'), (8, '{"A": {"B": 1}, "A": {"B": 2}}'), (9, '{"A": {"B":'),
             (10, '[]')) v(n, input),
     LATERAL pg_input_error_info(input, 'rareearth.trade_network') e
SQL
)
	expect "pg_input_error_info trade_network" "ok 22P02 22P02 22P02 22P02 22003 22023 22P02 22P02 22P02" "$trade_networks"
	expect "pg_input_error_info trade_network duplicate" '22P02|duplicate flow from "A" to "B" in trade_network input' \
		"SELECT sql_error_code, message FROM pg_input_error_info('{\"A\": {\"B\": 1}, \"A\": {\"B\": 2}}', 'rareearth.trade_network')"
else
	expect "hard error on 15" 'NOTICE:  22P02|invalid input syntax for type country: "Atlantis"' \
		"DO \$\$BEGIN PERFORM 'Atlantis'::rareearth.country;
		 EXCEPTION WHEN others THEN RAISE NOTICE '%|%', SQLSTATE, SQLERRM; END\$\$"
fi
if [ "$version" -ge 170000 ]; then
	expect "COPY ON_ERROR ignore" "CHN|2846" \
		"SET client_min_messages = warning;
		 CREATE TEMP TABLE t (c rareearth.country, h rareearth.hscode);
		 COPY t FROM PROGRAM 'printf \"China\t2846\nAtlantis\t2846\nUSA\t2846.9\n\"' WITH (ON_ERROR ignore);
		 SELECT c, h FROM t"
fi
exit $status
