-- bench-cluster, on the coordinator: each query on one node (trade_single,
-- 0 and 2 parallel workers) and on the shards (trade): best-of-:reps wall
-- time, the coordinator backend's CPU time, rows shipped, and each shard's
-- Remote SQL (for test/scaleout/bench to time alone on its node and to
-- measure in bytes).  Results go to the table bench_result.
\set ON_ERROR_STOP on
SET search_path = public, rareearth;
SET jit = off;
SET work_mem = '512MB';
\i test/scaleout/helpers.sql

CREATE TEMP TABLE bench_query (n int, name text, single text, sharded text, reps int);
INSERT INTO bench_query VALUES
(1, 'supply_mix by (reporter, year): partition key',
 'SELECT reporter, year, hhi(supply_mix(partner, qty)) FROM trade_single GROUP BY reporter, year',
 'SELECT reporter, year, hhi(supply_mix(partner, qty)) FROM trade GROUP BY reporter, year', :reps),
(2, 'supply_mix by year: inner (reporter, year), outer rollup()',
 'SELECT year, hhi(supply_mix(partner, qty)) FROM trade_single GROUP BY year',
 'SELECT year, hhi(rollup(m)) FROM (SELECT reporter, year, supply_mix(partner, qty) m FROM trade GROUP BY reporter, year) s GROUP BY year', :reps),
(3, 'trajectory by (reporter, partner): many summaries',
 'SELECT reporter, partner, cagr(trajectory(year, qty)) FROM trade_single GROUP BY reporter, partner',
 'SELECT reporter, partner, cagr(trajectory(year, qty)) FROM trade GROUP BY reporter, partner', :reps),
(4, 'material_balance by year via trade_summary',
 'SELECT year, net_import_reliance(material_balance(flow, qty)) FROM trade_single GROUP BY year',
 'SELECT year, net_import_reliance(rollup(balance)) FROM trade_summary GROUP BY year', :reps),
(5, 'supply_mix by year without the partition key (rows pulled)',
 'SELECT year, hhi(supply_mix(partner, qty)) FROM trade_single GROUP BY year',
 'SELECT year, hhi(supply_mix(partner, qty)) FROM trade GROUP BY year', 1);

CREATE TABLE bench_result (n int, name text, setup text, ms float8, coordinator_cpu_ms float8, shipped_rows bigint);
CREATE TABLE bench_remote (n int, node int, sql text, alone_ms float8, rows bigint, bytes bigint);

SET max_parallel_workers_per_gather = 0;
INSERT INTO bench_result SELECT n, name, '1 node', t.ms, NULL, 0 FROM bench_query, pg_temp.timed(single, reps) t;
SET max_parallel_workers_per_gather = 2;
INSERT INTO bench_result SELECT n, name, '1 node, 2 workers', t.ms, NULL, 0 FROM bench_query, pg_temp.timed(single, reps) t;
INSERT INTO bench_result SELECT n, name, '3 nodes', t.ms, t.cpu_ms, pg_temp.shipped_rows(sharded) FROM bench_query, pg_temp.timed(sharded, reps) t;
INSERT INTO bench_remote (n, node, sql) SELECT q.n, r.node, r.sql FROM bench_query q, pg_temp.remote_sql(q.sharded) r;
