-- The trade_network aggregate builds the same network as its JSON text
-- form written out by hand (jsonb_object_agg of the summed flows), on
-- networks that take every path of the aggregate: country codes of up to
-- 8 bytes and longer names, more countries than the aggregate caches
-- (1,024), repeated pairs, production rows, NULL rows skipped, rollup of
-- shards, and parallel plans (states serialized and combined).
\set VERBOSITY terse

-- a plain table: temporary ones are never scanned in parallel
CREATE TABLE agg_rows (grp int, exporter text, importer text, qty float8);
-- group 1: ISO-like codes; group 2: long names; group 3: 1,500 countries
INSERT INTO agg_rows
SELECT 1, 'C' || (g % 40), 'C' || ((g * 7) % 40), (g % 13) + 0.25 FROM generate_series(1, 4000) g;
INSERT INTO agg_rows
SELECT 2, 'Country number ' || (g % 30), 'Country number ' || ((g * 11) % 30), (g % 7) * 1.5 FROM generate_series(1, 3000) g;
INSERT INTO agg_rows
SELECT 3, 'K' || (g % 1500), 'K' || ((g * 13 + 5) % 1500), 1 + g % 5 FROM generate_series(1, 20000) g;
INSERT INTO agg_rows VALUES (1, NULL, 'C1', 5), (1, 'C1', NULL, 5), (1, 'C1', 'C2', NULL);

-- the hand-written form: exporter -> {importer: summed quantity}
CREATE TEMP VIEW by_hand AS
SELECT grp, jsonb_object_agg(exporter, flows)::text::trade_network AS net
FROM (SELECT grp, exporter, jsonb_object_agg(importer, q) AS flows
      FROM (SELECT grp, exporter, importer, sum(qty) AS q FROM agg_rows
            WHERE exporter IS NOT NULL AND importer IS NOT NULL AND qty IS NOT NULL
            GROUP BY 1, 2, 3) s
      GROUP BY 1, 2) t
GROUP BY grp;

SELECT h.grp, a.net::text = h.net::text AS same_as_by_hand
FROM by_hand h JOIN (SELECT grp, trade_network(exporter, importer, qty) AS net FROM agg_rows GROUP BY grp) a USING (grp)
ORDER BY 1;
-- sorted aggregation (a state per group in turn) gives the same networks
SET enable_hashagg = off;
SELECT h.grp, a.net::text = h.net::text AS same_sorted
FROM by_hand h JOIN (SELECT grp, trade_network(exporter, importer, qty) AS net FROM agg_rows GROUP BY grp) a USING (grp)
ORDER BY 1;
RESET enable_hashagg;
-- numeric quantities
SELECT h.grp, a.net::text = h.net::text AS same_numeric
FROM by_hand h JOIN (SELECT grp, trade_network(exporter, importer, qty::numeric) AS net FROM agg_rows GROUP BY grp) a USING (grp)
ORDER BY 1;
-- shards rolled up: each group split in three by row number
SELECT h.grp, r.net::text = h.net::text AS same_rolled_up
FROM by_hand h JOIN (
  SELECT grp, rollup(net) AS net
  FROM (SELECT grp, shard, trade_network(exporter, importer, qty) AS net
        FROM (SELECT *, row_number() OVER () % 3 AS shard FROM agg_rows) s GROUP BY grp, shard) t
  GROUP BY grp) r USING (grp)
ORDER BY 1;
-- a parallel plan: partial states serialized, combined, then finished
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
ALTER TABLE agg_rows SET (parallel_workers = 2);
-- the plan is a parallel one
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE p json; BEGIN EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO p; RETURN p::text; END $$;
SELECT pg_temp.plan_of('SELECT grp, trade_network(exporter, importer, qty) FROM agg_rows GROUP BY grp')
       LIKE '%"Partial Mode": "Partial"%' AS plan_is_partial;
SELECT h.grp, a.net::text = h.net::text AS same_parallel
FROM by_hand h JOIN (SELECT grp, trade_network(exporter, importer, qty) AS net FROM agg_rows GROUP BY grp) a USING (grp)
ORDER BY 1;
SELECT trade_network(exporter, importer, qty)::text = (SELECT net::text FROM by_hand WHERE grp = 3) AS one_group_parallel
FROM agg_rows WHERE grp = 3;
RESET ALL;
-- no rows: the empty network
SELECT trade_network(exporter, importer, qty)::text AS empty FROM agg_rows WHERE false;
SET client_min_messages = warning;
DROP TABLE agg_rows CASCADE;
