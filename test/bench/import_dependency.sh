#!/usr/bin/env bash
# The import_dependency view at BACI scale, a command,
# not a test: run by `make bench` (test/bench/run calls it in its cluster)
# or alone, in a throwaway cluster of its own:
#
#   test/bench/import_dependency.sh
#
# Writes BENCH_IMPDEP_ROWS (default 10 million; 0 makes `make bench` skip
# it) SYNTHETIC BACI flows (never real trade: 100 countries x 99 partners x
# 10 years x as many HS codes of chapters 25-28 and 81 as the row count
# needs, a tenth of them in the rare-earth catalogue) into the store, then,
# best of BENCH_REPS (3), each query's rows sent to psql and discarded:
#   view    SELECT * FROM rareearth.import_dependency (every column);
#   group   the best plain SQL over the same flows: one GROUP BY of the
#           view's key (partner, reporter, year, product) with its sums;
#   floor   the scan: the same columns of trade_flow, no grouping.
# The view's EXPLAIN (VERBOSE) must show the catalogue looked up once per
# product (hs_stage in a materialized CTE over the distinct products), not
# per row.  Prints times and the ratios view/group and view/floor.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PG_CONFIG=${PG_CONFIG:-$(test/pg-config)}
export RAREEARTH_SHARED_BUFFERS=${RAREEARTH_SHARED_BUFFERS:-4GB}
source test/cluster.sh
if [ "${BENCH_IN_CLUSTER:-}" != 1 ]; then
	install_locked
	cluster_start
fi
rows=${BENCH_IMPDEP_ROWS:-10000000}
reps=${BENCH_REPS:-3}
db=rareearth_impdep_$$
psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true
"$PGBIN/createdb" "$db"
trap '"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true; cluster_stop' EXIT
products=$(( (rows + 98999) / 99000 ))
psql -d "$db" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION rareearth;
SELECT rareearth.create_store() \g /dev/null
CREATE TEMP TABLE cs AS
SELECT row_number() OVER (ORDER BY country::text) AS n, country AS c
FROM rareearth.country_reference() WHERE NOT rareearth.is_aggregate(country) AND baci IS NOT NULL
ORDER BY country::text LIMIT 100;
-- HS codes: every tenth one of the rare-earth catalogue, the rest other subheadings
CREATE TEMP TABLE ps AS
SELECT n, CASE WHEN n % 10 = 0 THEN (ARRAY['280530', '284610', '284690', '850511', '253090'])[1 + (n / 10) % 5]
               ELSE (250000 + n * 7)::text END::rareearth.hscode AS p
FROM generate_series(1, $products) n;
INSERT INTO rareearth.trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release, synthetic)
SELECT y, a.c, b.c, 'X', ps.p, (a.n * b.n % 997) * 10.0, (a.n + b.n * 7 + ps.n) * 100.0, 'FOB', 'baci', 'bench', false
FROM cs a, cs b, ps, generate_series(2015, 2024) y WHERE a.n <> b.n
ON CONFLICT DO NOTHING;
DELETE FROM rareearth.trade_flow WHERE ctid IN (SELECT ctid FROM rareearth.trade_flow OFFSET $rows);
VACUUM ANALYZE rareearth.trade_flow;
SQL
echo "import_dependency: $(psql -d "$db" -At -c "SELECT count(*) FROM rareearth.trade_flow") synthetic BACI flows, $(psql -d "$db" -At -c "SELECT count(DISTINCT product) FROM rareearth.trade_flow") HS codes"

view="SELECT * FROM rareearth.import_dependency"
group="SELECT partner, reporter, year, product, sum(value_usd) AS imports_usd, sum(net_weight_kg) AS imports_kg FROM rareearth.trade_flow WHERE source = 'baci' AND NOT synthetic GROUP BY partner, reporter, year, product"
floor="SELECT partner, reporter, year, product, value_usd, net_weight_kg FROM rareearth.trade_flow WHERE source = 'baci' AND NOT synthetic"
plan=$(psql -d "$db" -At -c "EXPLAIN (VERBOSE, COSTS OFF) $view")
if ! grep -q "CTE products" <<<"$plan" || ! grep -q "hs_stage" <<<"$plan" ||
	grep -E "Join Filter|Hash Cond|Output" <<<"$plan" | grep -q "reliance_stage(\"\*SELECT\*"; then
	echo "import_dependency: the plan does not look the catalogue up once per product:"; echo "$plan" | head -40; exit 1
fi
best() { # query: the best of $reps wall-clock times, ms, the rows sent to psql and discarded
	local q=$1 b="" t s
	for _ in $(seq "$reps"); do
		s=$(date +%s%N); psql -d "$db" -c "$q" -o /dev/null; t=$(( ($(date +%s%N) - s) / 1000000 ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}
tv=$(best "$view"); tg=$(best "$group"); tf=$(best "$floor")
awk -v v="$tv" -v g="$tg" -v f="$tf" 'BEGIN {
	printf "import_dependency: view %d ms, plain GROUP BY %d ms, scan floor %d ms; view / GROUP BY %.2f, view / floor %.2f\n", v, g, f, v / g, v / f }'
