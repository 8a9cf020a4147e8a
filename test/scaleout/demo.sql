-- make cluster-demo: distributed queries on the coordinator, each beside
-- the same question asked of one node (trade_single holds the same rows).
\set ON_ERROR_STOP on
\pset footer off
SET search_path = public, rareearth;

\echo
\echo == the shards: reporters and rows per node (LIST partitions by reporter)
SELECT m.node, s.srvname AS server, count(*) AS reporters, sum(m.rows) AS rows
FROM shard_map m JOIN pg_foreign_server s ON s.srvname = 'node' || m.node
GROUP BY m.node, s.srvname ORDER BY m.node;

\echo
\echo == import concentration by year: inner GROUP BY with the partition key, outer rollup()
EXPLAIN (VERBOSE, COSTS OFF)
SELECT year, hhi(rollup(m)) AS hhi
FROM (SELECT reporter, year, supply_mix(partner, qty) AS m FROM trade WHERE flow = 'M' GROUP BY reporter, year) s
GROUP BY year;

\echo
\echo == its answer beside the answer of one node (first five years)
SELECT d.year, round(d.hhi::numeric, 6) AS hhi_3_nodes, round(s.hhi::numeric, 6) AS hhi_1_node,
       abs(d.hhi - s.hhi) / s.hhi AS rel_diff
FROM (SELECT year, hhi(rollup(m)) AS hhi
      FROM (SELECT reporter, year, supply_mix(partner, qty) AS m FROM trade WHERE flow = 'M' GROUP BY reporter, year) s
      GROUP BY year) d
JOIN (SELECT year, hhi(supply_mix(partner, qty)) AS hhi FROM trade_single WHERE flow = 'M' GROUP BY year) s USING (year)
ORDER BY year LIMIT 5;

\echo
\echo == rows the shards ship: one summary per (reporter, year), not the trade rows
EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT year, hhi(rollup(m))
FROM (SELECT reporter, year, supply_mix(partner, qty) AS m FROM trade WHERE flow = 'M' GROUP BY reporter, year) s
GROUP BY year;
SELECT count(*) AS trade_rows, count(*) FILTER (WHERE flow = 'M') AS import_rows FROM trade_single;

\echo
\echo == through the view trade_summary (grouped by reporter, year, flow, product)
\echo    magnet (8505.11) imports: supply concentration by year
SELECT year, round(hhi(rollup(partners))::numeric, 1) AS hhi, dominant_supplier(rollup(partners)) AS top_supplier,
       round(share(rollup(partners), dominant_supplier(rollup(partners)))::numeric, 3) AS its_share
FROM trade_summary WHERE flow = 'M' AND product = '850511'
GROUP BY year ORDER BY year LIMIT 5;
\echo    the five reporters with the largest net imports, all years: material balance and trend
SELECT reporter, round((imports(b) - exports(b))::numeric) AS net_imports,
       round(net_import_reliance(b)::numeric, 3) AS reliance_without_production,
       round(trend_rate(t)::numeric, 4) AS import_trend, sparkline(t) AS imports
FROM (SELECT reporter, rollup(balance) AS b, rollup(series) FILTER (WHERE flow = 'M') AS t
      FROM trade_summary GROUP BY reporter) s
ORDER BY imports(b) - exports(b) DESC LIMIT 5;
