#!/usr/bin/env bash
# Origin tracing at BACI scale, a command, not a test: run by `make bench`
# (test/bench/run calls it in its cluster) or alone, in a throwaway cluster:
#
#   test/bench/origin.sh
#
# SYNTHETIC flows (never real trade), BACI-shaped: 230 countries, every
# product about 2,000 flows whose exporters follow a power law (a few
# exporters dominate, as in BACI), importers uniform, production (flows of a
# country to itself) for the 15 dominant exporters of each product.  Runs:
#   product  one product-year of 230 countries and about 5,000 flows;
#   year     BENCH_ORIGIN_SMALL (1,000,000) flows in 500 products, then
#            BENCH_ORIGIN_ROWS (10,000,000) flows in 5,000 products (0 skips).
# Each timed the way a user runs it, rows sent to the client, best of
# BENCH_REPS (2):
#   ours    trade_network per product, then origin_flows of each network
#           (the whole matrix O = diag(p) (diag(x) - Z)^-1 diag(d)),
#           summed in SQL to one row per product (the traced foreign-origin
#           total and the number of O entries), so sending rows is not timed;
#   floor   the scan: sum and count of the same flows per product;
#   numpy   the alternative an analyst uses today: psycopg2 fetches the
#           flows ordered by product (a server-side cursor, 100,000 rows a
#           batch), numpy builds each product's dense Z and solves the same
#           formula (x = solve(I - A', p), O = p inv(diag(x) - F) d), with
#           the fetch alone timed too (best of BENCH_NUMPY_REPS, 1).
# EXPLAIN (VERBOSE) of the timed query must show trade_network and
# origin_flows, or the script stops.  Reports the ratios, the aggregate's
# peak memory per group (bytes per product: EXPLAIN ANALYZE of the hashed
# trade_network aggregate), the summary's size, and time per flow at 1 M
# and at 10 M flows.  The machine may be shared: the load average is
# printed before each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PG_CONFIG=${PG_CONFIG:-$(test/pg-config)}
export RAREEARTH_SHARED_BUFFERS=${RAREEARTH_SHARED_BUFFERS:-4GB}
source test/cluster.sh
if [ "${BENCH_IN_CLUSTER:-}" != 1 ]; then
	install_locked
	cluster_start
fi
reps=${BENCH_REPS:-2}
db=rareearth_origin_bench_$$
work=$(mktemp -d)
psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true
"$PGBIN/createdb" "$db"
trap '"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$work"; cluster_stop' EXIT
psql -c "SET client_min_messages = warning; CREATE EXTENSION rareearth; CREATE SCHEMA bench_origin"
settings="SET work_mem = '256MB'; SET jit = off; SET max_parallel_workers_per_gather = 0;"

# generate TABLE PRODUCTS DRAWS: synthetic BACI-shaped flows, DRAWS pairs drawn per
# product (repeated pairs add up: 2,500 draws give about 1,990 flows, 7,950 about 5,000)
generate() {
	psql <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_origin.$1;
CREATE TABLE bench_origin.$1 AS
WITH draws AS (
	-- exporter index 1 + floor(230 u^4): the first few countries send most flows
	SELECT p AS product, 1 + floor(230 * power(random(), 4))::int AS e, 1 + floor(230 * random())::int AS i,
	       round((1 + 1000 * power(random(), 3))::numeric, 3)::float8 AS q
	FROM generate_series(1, $2) p, generate_series(1, $3) k),
flows AS (
	SELECT product, e, i, sum(q) AS q FROM draws WHERE e <> i GROUP BY product, e, i),
exports AS (
	SELECT product, e, sum(q) AS x, row_number() OVER (PARTITION BY product ORDER BY sum(q) DESC) AS r
	FROM flows GROUP BY product, e)
SELECT product, 'C' || lpad(e::text, 3, '0') AS exporter, 'C' || lpad(i::text, 3, '0') AS importer, q AS qty FROM flows
UNION ALL
-- production of the 15 largest exporters: 1.2 times their exports
SELECT product, 'C' || lpad(e::text, 3, '0'), 'C' || lpad(e::text, 3, '0'), round((1.2 * x)::numeric, 3)::float8
FROM exports WHERE r <= 15;
ANALYZE bench_origin.$1;
SQL
	psql -At -c "SELECT format('%s: %s rows (%s flows, %s production) in %s products, %s', '$1', count(*), count(*) FILTER (WHERE exporter <> importer), count(*) FILTER (WHERE exporter = importer), count(DISTINCT product), pg_size_pretty(pg_table_size('bench_origin.$1'))) FROM bench_origin.$1"
}

ours() {
	echo "SELECT n.product, f.foreign_origin, f.entries
FROM (SELECT product, rareearth.trade_network(exporter, importer, qty) AS net FROM bench_origin.$1 GROUP BY product) n,
     LATERAL (SELECT sum(o.quantity) FILTER (WHERE o.origin <> o.destination) AS foreign_origin, count(*) AS entries
              FROM rareearth.origin_flows(n.net) o) f"
}
floor_q() {
	echo "SELECT product, sum(qty) AS total, count(importer) AS rows FROM bench_origin.$1 GROUP BY product"
}

# best of $reps, ms, in one session: psql's \timing, from sending the query
# until its last row has arrived (rows fetched by psql, written to /dev/null)
best_ms() {
	local args=(-c "$settings" -c '\timing on' -c '\o /dev/null')
	for _ in $(seq "$reps"); do args+=(-c "$1"); done
	psql -At "${args[@]}" | awk '/^Time: / { if (best == "" || $2 < best) best = $2 } END { printf "%d\n", best + 0.5 }'
}

# the aggregate and origin_flows must be computed in the timed plan
check_plan() {
	psql -At -c "$settings EXPLAIN (VERBOSE) $1" >"$work/plan.txt"
	grep -q "rareearth.trade_network(" "$work/plan.txt" && grep -q "rareearth.origin_flows(" "$work/plan.txt" || {
		echo "origin bench: the timed plan does not compute trade_network and origin_flows:" >&2
		cat "$work/plan.txt" >&2
		exit 1
	}
}

# peak memory of the hashed trade_network aggregate per group, and the summary's size
memory() {
	psql -At -c "$settings SET enable_sort = off;
		DO \$\$DECLARE p jsonb; BEGIN
			EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) SELECT product, rareearth.trade_network(exporter, importer, qty) FROM bench_origin.$1 GROUP BY product' INTO p;
			RAISE NOTICE '%', format('%s bytes of aggregate state per product (HashAggregate peak %s kB over %s products)',
				round((p -> 0 -> 'Plan' ->> 'Peak Memory Usage')::numeric * 1024 / (p -> 0 -> 'Plan' ->> 'Actual Rows')::numeric),
				p -> 0 -> 'Plan' ->> 'Peak Memory Usage', p -> 0 -> 'Plan' ->> 'Actual Rows');
		END\$\$;
		SELECT format('%s bytes per product network (trade_network value, average)', round(avg(pg_column_size(net))))
		FROM (SELECT rareearth.trade_network(exporter, importer, qty) AS net FROM bench_origin.$1 GROUP BY product) s" 2>&1 | sed 's/^NOTICE:  //'
}

# the numpy pipeline: prints "fetch_ms total_ms foreign_origin_sum"
numpy_ms() {
	/usr/bin/python3 - "$db" "$1" <<'PY'
import sys
import time
import numpy as np
import psycopg2

db, table = sys.argv[1], sys.argv[2]


def trace(rows):
    names = sorted({r[1] for r in rows} | {r[2] for r in rows})
    idx = {c: k for k, c in enumerate(names)}
    n = len(names)
    Z = np.zeros((n, n))
    p = np.zeros(n)
    for _, e, i, q in rows:
        if e == i:
            p[idx[e]] += q
        else:
            Z[idx[e], idx[i]] += q
    # Kastner et al. 2011 with exports beyond supply scaled (shares fixed), as ours
    B = np.maximum(p + Z.sum(0), Z.sum(1))
    A = np.divide(Z, B[:, None], out=np.zeros_like(Z), where=B[:, None] > 0)
    x = np.linalg.solve(np.eye(n) - A.T, p)
    F = A * x[:, None]
    d = x - F.sum(1)
    M = np.diag(x) - F
    M[np.arange(n), np.arange(n)] += np.where(x == 0, 1.0, 0.0)
    O = p[:, None] * np.linalg.inv(M) * d[None, :]
    return O.sum() - np.trace(O)


best_fetch = best_total = None
for _ in range(int(__import__("os").environ.get("BENCH_NUMPY_REPS", "1"))):
    conn = psycopg2.connect(dbname=db)
    t0 = time.perf_counter()
    cur = conn.cursor(name="flows")
    cur.itersize = 100000
    cur.execute(f"SELECT product, exporter, importer, qty FROM bench_origin.{table} ORDER BY product")
    fetched = 0
    for _ in cur:
        fetched += 1
    fetch = time.perf_counter() - t0
    cur.close()
    conn.rollback()
    t0 = time.perf_counter()
    cur = conn.cursor(name="flows2")
    cur.itersize = 100000
    cur.execute(f"SELECT product, exporter, importer, qty FROM bench_origin.{table} ORDER BY product")
    total_foreign = 0.0
    group, current = [], None
    for r in cur:
        if r[0] != current and group:
            total_foreign += trace(group)
            group = []
        current = r[0]
        group.append(r)
    if group:
        total_foreign += trace(group)
    total = time.perf_counter() - t0
    conn.close()
    best_fetch = fetch if best_fetch is None else min(best_fetch, fetch)
    best_total = total if best_total is None else min(best_total, total)
print(round(best_fetch * 1000), round(best_total * 1000), total_foreign)
PY
}

# run TABLE: times, ratios, time per flow; prints "flows ours_ms"
run() {
	local q f ours_ms floor_ms flows np fetch_ms numpy_total foreign ours_foreign
	q=$(ours "$1")
	f=$(floor_q "$1")
	check_plan "$q"
	flows=$(psql -At -c "SELECT count(*) FROM bench_origin.$1 WHERE exporter <> importer")
	echo "  load average $(cut -d' ' -f1-3 /proc/loadavg)"
	floor_ms=$(best_ms "$f")
	ours_ms=$(best_ms "$q")
	ours_foreign=$(psql -At -c "$settings SELECT sum(foreign_origin) FROM ($q) s")
	read -r fetch_ms numpy_total foreign <<<"$(numpy_ms "$1")"
	awk -v o="$ours_ms" -v f="$floor_ms" -v n="$numpy_total" -v fe="$fetch_ms" -v fl="$flows" -v a="$ours_foreign" -v b="$foreign" -v t="$1" 'BEGIN {
		printf "  %s: ours %d ms, scan floor %d ms (x_floor %.2f); psycopg2 fetch %d ms, fetch + numpy %d ms (numpy / ours %.1fx, fetch / floor %.1fx)\n", t, o, f, o / (f > 0 ? f : 1), fe, n, n / (o > 0 ? o : 1), fe / (f > 0 ? f : 1)
		printf "  %s: %.0f ns per flow (ours), traced foreign-origin total ours %.6g, numpy %.6g (relative difference %.1e)\n", t, o * 1e6 / fl, a, b, (a - b) / (b > 0 ? b : 1) }'
	memory "$1" | sed 's/^/  /'
	echo "$flows $ours_ms" >"$work/last.txt"
}

echo "origin: one product-year, 230 countries"
generate product 1 7950
run product

small=${BENCH_ORIGIN_SMALL:-1000000}
rows=${BENCH_ORIGIN_ROWS:-10000000}
echo "origin: a synthetic BACI-shaped year at $small flows"
generate year_small $(( small / 1950 )) 2500
run year_small
read -r small_flows small_ms <"$work/last.txt"
psql -c "DROP TABLE bench_origin.year_small"
if [ "$rows" != 0 ]; then
	echo "origin: a synthetic BACI-shaped year at $rows flows"
	generate year $(( rows / 1950 )) 2500
	run year
	read -r big_flows big_ms <"$work/last.txt"
	awk -v a="$small_ms" -v na="$small_flows" -v b="$big_ms" -v nb="$big_flows" 'BEGIN {
		printf "origin: time per flow %.0f ns at %d flows, %.0f ns at %d flows (ratio %.2f)\n", a * 1e6 / na, na, b * 1e6 / nb, nb, (b / nb) / (a / na) }'
fi
