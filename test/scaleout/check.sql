-- Distributed answers against the single-node answers, on the coordinator
-- (after coordinator.sql and the load).  For each aggregate and grouping:
--   * the answer over the sharded table `trade` equals the answer over
--     trade_single (the same rows on one node) to 1e-12 relative, every
--     group and every key of every summary;
--   * EXPLAIN (VERBOSE) shows the aggregate in the Remote SQL of every
--     shard's Foreign Scan;
--   * EXPLAIN (ANALYZE, VERBOSE) counts the rows the shards ship: one per
--     inner group (summaries), never the raw rows.
-- Groupings on the partition key (reporter) are the plain query; the others
-- use the pattern: inner GROUP BY that includes reporter, outer rollup().
-- The single-node query is the plain aggregate, not the pattern.
-- Raises an error (psql exits non-zero) when any case fails.
\set ON_ERROR_STOP on
SET search_path = public, rareearth;
SET enable_partitionwise_aggregate = on;

\i test/scaleout/helpers.sql

-- a case's answer as (group key, summary as jsonb); how many rows a query gives
CREATE FUNCTION pg_temp.run(q text) RETURNS TABLE (k text, v jsonb) LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE q;
END $$;
CREATE FUNCTION pg_temp.count_rows(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
	EXECUTE 'SELECT count(*) FROM (' || q || ') q' INTO n;
	RETURN n;
END $$;

-- largest relative difference between two summaries' numbers, key by key
-- (a key in one only counts as 1)
CREATE FUNCTION pg_temp.rel_diff(a jsonb, b jsonb) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(max(CASE WHEN x.value IS NULL OR y.value IS NULL THEN 1
	                         WHEN x.value::float8 = y.value::float8 THEN 0
	                         ELSE abs(x.value::float8 - y.value::float8)
	                              / greatest(abs(x.value::float8), abs(y.value::float8)) END), 0)
	FROM jsonb_each_text(a) x FULL JOIN jsonb_each_text(b) y USING (key)
$$;

CREATE TEMP TABLE cases (aggregate text, grouping text, distributed text, single text, inner_groups text);
INSERT INTO cases VALUES
-- supply_mix: partner mix (country keys; text and bigint keys by year)
('supply_mix', 'reporter',
 'SELECT reporter::text k, supply_mix(partner, qty)::jsonb v FROM trade GROUP BY reporter',
 'SELECT reporter::text k, supply_mix(partner, qty)::jsonb v FROM trade_single GROUP BY reporter',
 'SELECT DISTINCT reporter FROM trade_single'),
('supply_mix', 'year',
 'SELECT year::text k, rollup(m)::jsonb v FROM (SELECT reporter, year, supply_mix(partner, qty) m FROM trade GROUP BY reporter, year) s GROUP BY year',
 'SELECT year::text k, supply_mix(partner, qty)::jsonb v FROM trade_single GROUP BY year',
 'SELECT DISTINCT reporter, year FROM trade_single'),
('supply_mix', 'partner',
 'SELECT partner::text k, rollup(m)::jsonb v FROM (SELECT reporter, partner, supply_mix(reporter, qty) m FROM trade GROUP BY reporter, partner) s GROUP BY partner',
 'SELECT partner::text k, supply_mix(reporter, qty)::jsonb v FROM trade_single GROUP BY partner',
 'SELECT DISTINCT reporter, partner FROM trade_single'),
('supply_mix', 'product',
 'SELECT product::text k, rollup(m)::jsonb v FROM (SELECT reporter, product, supply_mix(partner, qty) m FROM trade GROUP BY reporter, product) s GROUP BY product',
 'SELECT product::text k, supply_mix(partner, qty)::jsonb v FROM trade_single GROUP BY product',
 'SELECT DISTINCT reporter, product FROM trade_single'),
('supply_mix', 'year (text key)',
 'SELECT year::text k, rollup(m)::jsonb v FROM (SELECT reporter, year, supply_mix(partner_iso, qty) m FROM trade GROUP BY reporter, year) s GROUP BY year',
 'SELECT year::text k, supply_mix(partner_iso, qty)::jsonb v FROM trade_single GROUP BY year',
 'SELECT DISTINCT reporter, year FROM trade_single'),
('supply_mix', 'year (bigint key)',
 'SELECT year::text k, rollup(m)::jsonb v FROM (SELECT reporter, year, supply_mix(partner_code, qty) m FROM trade GROUP BY reporter, year) s GROUP BY year',
 'SELECT year::text k, supply_mix(partner_code, qty)::jsonb v FROM trade_single GROUP BY year',
 'SELECT DISTINCT reporter, year FROM trade_single'),
-- material_balance: the flow code is the kind (M, X, RM, RX)
('material_balance', 'reporter',
 'SELECT reporter::text k, material_balance(flow, qty)::jsonb v FROM trade GROUP BY reporter',
 'SELECT reporter::text k, material_balance(flow, qty)::jsonb v FROM trade_single GROUP BY reporter',
 'SELECT DISTINCT reporter FROM trade_single'),
('material_balance', 'year',
 'SELECT year::text k, rollup(b)::jsonb v FROM (SELECT reporter, year, material_balance(flow, qty) b FROM trade GROUP BY reporter, year) s GROUP BY year',
 'SELECT year::text k, material_balance(flow, qty)::jsonb v FROM trade_single GROUP BY year',
 'SELECT DISTINCT reporter, year FROM trade_single'),
('material_balance', 'partner',
 'SELECT partner::text k, rollup(b)::jsonb v FROM (SELECT reporter, partner, material_balance(flow, qty) b FROM trade GROUP BY reporter, partner) s GROUP BY partner',
 'SELECT partner::text k, material_balance(flow, qty)::jsonb v FROM trade_single GROUP BY partner',
 'SELECT DISTINCT reporter, partner FROM trade_single'),
('material_balance', 'product',
 'SELECT product::text k, rollup(b)::jsonb v FROM (SELECT reporter, product, material_balance(flow, qty) b FROM trade GROUP BY reporter, product) s GROUP BY product',
 'SELECT product::text k, material_balance(flow, qty)::jsonb v FROM trade_single GROUP BY product',
 'SELECT DISTINCT reporter, product FROM trade_single'),
-- trajectory: the series per year
('trajectory', 'reporter',
 'SELECT reporter::text k, trajectory(year, qty)::jsonb v FROM trade GROUP BY reporter',
 'SELECT reporter::text k, trajectory(year, qty)::jsonb v FROM trade_single GROUP BY reporter',
 'SELECT DISTINCT reporter FROM trade_single'),
('trajectory', 'year',
 'SELECT year::text k, rollup(t)::jsonb v FROM (SELECT reporter, year, trajectory(year, qty) t FROM trade GROUP BY reporter, year) s GROUP BY year',
 'SELECT year::text k, trajectory(year, qty)::jsonb v FROM trade_single GROUP BY year',
 'SELECT DISTINCT reporter, year FROM trade_single'),
('trajectory', 'partner',
 'SELECT partner::text k, rollup(t)::jsonb v FROM (SELECT reporter, partner, trajectory(year, qty) t FROM trade GROUP BY reporter, partner) s GROUP BY partner',
 'SELECT partner::text k, trajectory(year, qty)::jsonb v FROM trade_single GROUP BY partner',
 'SELECT DISTINCT reporter, partner FROM trade_single'),
('trajectory', 'product',
 'SELECT product::text k, rollup(t)::jsonb v FROM (SELECT reporter, product, trajectory(year, qty) t FROM trade GROUP BY reporter, product) s GROUP BY product',
 'SELECT product::text k, trajectory(year, qty)::jsonb v FROM trade_single GROUP BY product',
 'SELECT DISTINCT reporter, product FROM trade_single'),
-- the same through the view trade_summary (grouped by reporter, year, flow,
-- product), with a WHERE that reaches the shards
('supply_mix', 'year, imports (trade_summary)',
 'SELECT year::text k, rollup(partners)::jsonb v FROM trade_summary WHERE flow = ''M'' GROUP BY year',
 'SELECT year::text k, supply_mix(partner, qty)::jsonb v FROM trade_single WHERE flow = ''M'' GROUP BY year',
 'SELECT DISTINCT reporter, year, flow, product FROM trade_single WHERE flow = ''M'''),
('material_balance', 'reporter (trade_summary)',
 'SELECT reporter::text k, rollup(balance)::jsonb v FROM trade_summary GROUP BY reporter',
 'SELECT reporter::text k, material_balance(flow, qty)::jsonb v FROM trade_single GROUP BY reporter',
 'SELECT DISTINCT reporter, year, flow, product FROM trade_single'),
('trajectory', 'product, exports (trade_summary)',
 'SELECT product::text k, rollup(series)::jsonb v FROM trade_summary WHERE flow = ''X'' GROUP BY product',
 'SELECT product::text k, trajectory(year, qty)::jsonb v FROM trade_single WHERE flow = ''X'' GROUP BY product',
 'SELECT DISTINCT reporter, year, flow, product FROM trade_single WHERE flow = ''X''');

-- with -v with_store=1, after store.sql: the production layout, the nodes'
-- own stores as partitions of the coordinator's rareearth.trade_flow (rows
-- summed per natural key, value_usd = qty)
\if :{?with_store}
INSERT INTO cases VALUES
('supply_mix', 'reporter and year, imports (store)',
 'SELECT reporter::text || year k, supply_mix(partner, value_usd)::jsonb v FROM rareearth.trade_flow WHERE flow = ''M'' GROUP BY reporter, year',
 'SELECT reporter::text || year k, supply_mix(partner, qty)::jsonb v FROM trade_single WHERE flow = ''M'' GROUP BY reporter, year',
 'SELECT DISTINCT reporter, year FROM trade_single WHERE flow = ''M'''),
('material_balance', 'year (store)',
 'SELECT year::text k, rollup(b)::jsonb v FROM (SELECT reporter, year, material_balance(flow, value_usd) b FROM rareearth.trade_flow GROUP BY reporter, year) s GROUP BY year',
 'SELECT year::text k, material_balance(flow, qty)::jsonb v FROM trade_single GROUP BY year',
 'SELECT DISTINCT reporter, year FROM trade_single'),
('trajectory', 'product (store)',
 'SELECT product::text k, rollup(t)::jsonb v FROM (SELECT reporter, product, trajectory(year, value_usd) t FROM rareearth.trade_flow GROUP BY reporter, product) s GROUP BY product',
 'SELECT product::text k, trajectory(year, qty)::jsonb v FROM trade_single GROUP BY product',
 'SELECT DISTINCT reporter, product FROM trade_single');
\endif

CREATE TEMP TABLE results AS
SELECT c.aggregate, c.grouping, r.groups, r.max_rel_diff,
       (SELECT count(*) FROM pg_temp.remote_sql(c.distributed)) AS foreign_scans,
       (SELECT count(*) FROM pg_temp.remote_sql(c.distributed) s
        WHERE strpos(s.sql, 'rareearth.' || c.aggregate || '(') > 0) AS scans_with_aggregate,
       pg_temp.shipped_rows(c.distributed) AS shipped_rows,
       pg_temp.count_rows(c.inner_groups) AS inner_groups
FROM cases c,
LATERAL (SELECT count(*) AS groups,
                max(CASE WHEN d.k IS NULL OR s.k IS NULL THEN 1 ELSE pg_temp.rel_diff(d.v, s.v) END) AS max_rel_diff
         FROM pg_temp.run(c.distributed) d FULL JOIN pg_temp.run(c.single) s USING (k)) r;

\pset footer off
SELECT aggregate, grouping, groups, max_rel_diff, foreign_scans, scans_with_aggregate,
       shipped_rows, inner_groups, (SELECT count(*) FROM trade_single) AS raw_rows
FROM results;

DO $$
DECLARE
	shards int := (SELECT count(*) FROM pg_inherits WHERE inhparent = 'trade'::regclass);
	bad text;
BEGIN
	SELECT string_agg(format('%s by %s: groups %s, max_rel_diff %s, scans %s/%s with the aggregate, shipped %s rows for %s inner groups',
	                         aggregate, grouping, groups, max_rel_diff, scans_with_aggregate, foreign_scans, shipped_rows, inner_groups), E'\n')
	INTO bad
	FROM results
	WHERE NOT (groups > 0 AND max_rel_diff <= 1e-12 AND foreign_scans = shards
	           AND scans_with_aggregate = shards AND shipped_rows = inner_groups);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION E'distributed answers differ from one node, or were not pushed down:\n%', bad;
	END IF;
END $$;
