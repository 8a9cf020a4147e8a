-- Which argument forms reach the shards (the table of doc/several-nodes.md, measured):
-- for each form, whether the aggregate appears in the Remote SQL of every
-- shard.  postgres_fdw (PostgreSQL 15, deparse.c foreign_expr_walker) ships
-- an expression only when
--   * every function, operator and type in it is built in or belongs to an
--     extension listed in the server's `extensions` option;
--   * every function in it is IMMUTABLE (to_reo, reo_content and hs_stage
--     read the HS catalogue table, so they are STABLE);
--   * the collation of a text argument comes from a text column of the
--     foreign table: a text argument built only from literals (a CASE of
--     text literals, a text constant), from non-text columns (iso3(partner),
--     year::text) or under a COLLATE clause is not shipped; non-collatable
--     types (country, hscode, bigint, float8) carry no collation, so their
--     constants and expressions ship;
--   * the aggregate is computed whole on the shard: the grouping includes
--     the partition key (PostgreSQL 15 does not push partial aggregates).
-- Raises an error when a form behaves otherwise than listed.
\set ON_ERROR_STOP on
SET search_path = public, rareearth;
SET enable_partitionwise_aggregate = on;

\i test/scaleout/helpers.sql
CREATE FUNCTION pg_temp.pushed(q text, agg text) RETURNS bool LANGUAGE sql AS $$
	SELECT coalesce(bool_and(strpos(sql, 'rareearth.' || agg || '(') > 0), false) FROM pg_temp.remote_sql(q)
$$;

CREATE TEMP TABLE forms (n int, form text, agg text, q text, expected bool);
INSERT INTO forms VALUES
(1, 'columns', 'supply_mix', 'SELECT reporter, supply_mix(partner, qty) FROM trade GROUP BY reporter', true),
(2, 'text and bigint columns', 'supply_mix', 'SELECT reporter, supply_mix(partner_iso, qty), supply_mix(partner_code, qty) FROM trade GROUP BY reporter', true),
(3, 'arithmetic, built-in immutable functions', 'supply_mix', 'SELECT reporter, supply_mix(lower(partner_iso), qty * 1000) FROM trade GROUP BY reporter', true),
(4, 'text column || text literal', 'supply_mix', 'SELECT reporter, supply_mix(partner_iso || ''-'' || flow, qty) FROM trade GROUP BY reporter', true),
(5, 'immutable rareearth functions (hs_heading, hhi)', 'supply_mix', 'SELECT reporter, hhi(supply_mix(partner, qty)) FROM trade WHERE hs_heading(product) = ''2846'' GROUP BY reporter', true),
(6, 'FILTER (WHERE ...), WHERE with rareearth operators', 'supply_mix', 'SELECT reporter, supply_mix(partner, qty) FILTER (WHERE flow = ''M'') FROM trade WHERE product <@ ''2846'' GROUP BY reporter', true),
(7, 'text computed from a non-text column (iso3(partner), year::text)', 'supply_mix', 'SELECT reporter, supply_mix(iso3(partner), qty) FROM trade GROUP BY reporter', false),
(8, 'numeric quantity (qty::numeric)', 'trajectory', 'SELECT reporter, trajectory(year, qty::numeric) FROM trade GROUP BY reporter', true),
(9, 'CASE of text literals and a column', 'material_balance', 'SELECT reporter, material_balance(CASE WHEN flow = ''RM'' THEN ''M'' ELSE flow END, qty) FROM trade GROUP BY reporter', true),
(10, 'CASE yielding country constants', 'supply_mix', 'SELECT reporter, supply_mix(CASE WHEN partner_code < 10 THEN ''CHN''::country ELSE partner END, qty) FROM trade GROUP BY reporter', true),
(11, 'CASE of text literals only', 'material_balance', 'SELECT reporter, material_balance(CASE flow WHEN ''M'' THEN ''import'' ELSE ''export'' END, qty) FROM trade GROUP BY reporter', false),
(12, 'a text constant', 'material_balance', 'SELECT reporter, material_balance(''import'', qty) FROM trade GROUP BY reporter', false),
(13, 'CASE of text literals COLLATE "default"', 'material_balance', 'SELECT reporter, material_balance(CASE flow WHEN ''M'' THEN ''import'' ELSE ''export'' END COLLATE "default", qty) FROM trade GROUP BY reporter', false),
(14, 'a text column COLLATE "C"', 'supply_mix', 'SELECT reporter, supply_mix(partner_iso COLLATE "C", qty) FROM trade GROUP BY reporter', false),
(15, 'a STABLE function (to_reo reads hs_catalogue)', 'supply_mix', 'SELECT reporter, supply_mix(partner, to_reo(qty, product)) FROM trade GROUP BY reporter', false),
(16, 'grouping without the partition key', 'supply_mix', 'SELECT year, supply_mix(partner, qty) FROM trade GROUP BY year', false),
(17, 'inner grouping with the partition key, outer rollup()', 'supply_mix', 'SELECT year, rollup(m) FROM (SELECT reporter, year, supply_mix(partner, qty) m FROM trade GROUP BY reporter, year) s GROUP BY year', true);

CREATE TEMP TABLE measured AS SELECT n, form, agg, expected, pg_temp.pushed(q, agg) AS pushed_down FROM forms;

-- without `extensions 'rareearth'` on the servers nothing of rareearth ships
SELECT format('ALTER SERVER %I OPTIONS (DROP extensions)', srvname) FROM pg_foreign_server WHERE srvname ~ '^node[0-9]+$' \gexec
INSERT INTO measured SELECT 18, 'columns, server without extensions ''rareearth''', agg, false, pg_temp.pushed(q, agg) FROM forms WHERE n = 1;
SELECT format('ALTER SERVER %I OPTIONS (ADD extensions ''rareearth'')', srvname) FROM pg_foreign_server WHERE srvname ~ '^node[0-9]+$' \gexec

\pset footer off
SELECT n, form, agg, pushed_down FROM measured ORDER BY n;
DO $$
DECLARE bad text := (SELECT string_agg(format('%s (%s): pushed down %s, expected %s', form, agg, pushed_down, expected), E'\n')
                     FROM measured WHERE pushed_down IS DISTINCT FROM expected);
BEGIN
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION E'argument forms behave otherwise than documented:\n%', bad;
	END IF;
END $$;
