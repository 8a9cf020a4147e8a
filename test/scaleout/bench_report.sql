-- bench-cluster's report, from bench_result and bench_remote.  On one
-- machine three nodes measure overhead, not speed-up; the last columns
-- estimate the time on three machines of this machine's speed:
--   slowest shard alone (each shard's Remote SQL timed alone on its node)
--   + the coordinator backend's CPU time (receiving, rollup, final)
--   + bytes / 125 MB/s (1 Gbit/s) + one 0.5 ms round trip per fetch of
--     1000 rows (fetch_size) per shard.
-- "shards' work / 1 node" = the shards' parts timed alone, added up, over
-- the one-node time: below 1 where a third of the groups per node makes
-- each node's hash table smaller (cache effects), above 1 for the extra
-- work of summaries per inner group.
\set ON_ERROR_STOP on
\pset footer off
SELECT n, setup, round(ms) AS ms, round(coordinator_cpu_ms) AS coordinator_cpu_ms,
       round((100 * coordinator_cpu_ms / ms)::numeric, 1) AS coordinator_pct, shipped_rows
FROM bench_result ORDER BY n, setup;

SELECT n, node, round(alone_ms) AS alone_ms, rows, pg_size_pretty(bytes) AS bytes, left(sql, 110) AS remote_sql
FROM bench_remote ORDER BY n, node;

WITH r AS (
	SELECT n, max(alone_ms) AS slowest_shard_ms, sum(alone_ms) AS shards_ms, sum(rows) AS rows, sum(bytes) AS bytes,
	       sum(ceil(rows / 1000.0)) AS fetches
	FROM bench_remote GROUP BY n),
t AS (
	SELECT q.n, q.name, s.ms AS one_node_ms, w.ms AS one_node_2w_ms, d.ms AS three_nodes_ms, d.coordinator_cpu_ms,
	       r.slowest_shard_ms, r.shards_ms, r.rows, r.bytes,
	       r.slowest_shard_ms + d.coordinator_cpu_ms + r.bytes / 125e3 + 0.5 * r.fetches AS three_machines_ms
	FROM bench_result d
	JOIN bench_result s ON s.n = d.n AND s.setup = '1 node'
	JOIN bench_result w ON w.n = d.n AND w.setup = '1 node, 2 workers'
	JOIN r ON r.n = d.n
	JOIN (SELECT DISTINCT n, name FROM bench_result) q ON q.n = d.n
	WHERE d.setup = '3 nodes')
SELECT n, name, round(one_node_ms) AS "1 node ms", round(one_node_2w_ms) AS "1 node 2 workers ms",
       round(three_nodes_ms) AS "3 nodes ms (1 machine)", rows AS shipped_rows, pg_size_pretty(bytes::bigint) AS shipped,
       round((100 * coordinator_cpu_ms / three_nodes_ms)::numeric, 1) AS "coordinator %",
       round((shards_ms / one_node_ms)::numeric, 2) AS "shards' work / 1 node",
       round(three_machines_ms) AS "3 machines ms (est.)",
       round((one_node_ms / three_machines_ms)::numeric, 2) AS "speed-up vs 1 node",
       round((one_node_2w_ms / three_machines_ms)::numeric, 2) AS "vs 1 node 2 workers"
FROM t ORDER BY n;
