#!/usr/bin/env bash
# No load aborts for what its rows contain:
#  1. a BACI file of LIMITS_ROWS (default 3,000,000) rows that are all bad
#     loads: every row refused with its reason and filed in load_rejects
#     (rejects used to be gathered into one jsonb value, which overflowed
#     with 54000 and loaded nothing);
#  2. a value of 200,000 digits refuses its own row only (decimal_or_null
#     used to fail with 22003 and abort the load), as do 1,001 characters;
#     a 1,000-character number that float8 holds still loads.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
db=rareearth_limits_$$
rows=${LIMITS_ROWS:-3000000}
cleanup() { "$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
psql() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
"$PGBIN/createdb" "$db"
psql -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
status=0

# 1. all bad: year "x" (as a file with a broken year column would have it)
start=$(date +%s)
out=$(psql -d "$db" <<SQL
SELECT rareearth.stage('baci') \g /dev/null
INSERT INTO baci_raw (t, i, j, k, v, q)
SELECT 'x', '156', '842', '284690', g::text, '1' FROM generate_series(1, $rows) g;
SELECT rows_loaded, rows_rejected FROM rareearth.load_baci('all bad');
SELECT count(*), count(*) FILTER (WHERE reason = 'year "x" is not a year 1900-2100') FROM rareearth.load_rejects WHERE release = 'all bad';
SQL
)
expected="0|$rows
$rows|$rows"
if [ "$out" != "$expected" ]; then
	echo "load_limits: an all-bad BACI file of $rows rows: expected (loaded|rejected, filed|with the reason)"; echo "$expected"; echo "got:"; echo "$out"; status=1
fi
echo "load_limits: $rows refused BACI rows loaded and filed in $(( $(date +%s) - start )) s"

# 2. long numbers: the row with the long field is refused, the others load
out=$(psql -d "$db" <<'SQL'
SELECT rareearth.stage('baci') \g /dev/null
INSERT INTO baci_raw (t, i, j, k, v, q) VALUES
	('2022', '156', '842', '284690', repeat('9', 200000), '1'),
	('2022', '156', '842', '284610', '1.' || repeat('0', 999), '1'),
	('2022', '156', '842', '280530', '1.' || repeat('0', 998), '2'),
	('2022', '156', '842', '261220', '12.5', repeat('7', 200000)),
	('2022', '156', '842', '850511', '12.5', '3');
SELECT rows_loaded, rows_rejected FROM rareearth.load_baci('long numbers');
-- what loaded, by hand from the rows above: v in thousands of USD
SELECT string_agg(product::text || '=' || value_usd, ',' ORDER BY product::text) FROM rareearth.trade_flow WHERE release = 'long numbers';
-- each refused row with its own reason, the long field quoted whole
SELECT count(*) FILTER (WHERE reason = format('no trade value in range ("%s")', repeat('9', 200000))) = 1,
       count(*) FILTER (WHERE reason = format('no trade value in range ("%s")', '1.' || repeat('0', 999))) = 1,
       count(*) FILTER (WHERE reason = format('quantity "%s" is not a number in range', repeat('7', 200000))) = 1,
       count(*) = 3
FROM rareearth.load_rejects WHERE release = 'long numbers';
SQL
)
expected="2|3
280530=1000,850511=12500
t|t|t|t"
if [ "$out" != "$expected" ]; then
	echo "load_limits: long numbers: expected"; echo "$expected"; echo "got:"; echo "$out"; status=1
fi
exit $status
