-- origin_dependency for every commodity of trade_catalogue (content by
-- to_content), and its mine-origin columns (chained_origin_flows over the
-- stages from mine to the row's stage).  Every figure is checked against a
-- hand computation written next to it.  Everything runs in a transaction
-- rolled back at the end, so the other tests' stores are untouched.
\set VERBOSITY terse
BEGIN;
-- kg of product carrying t of content: t / content x 1000
CREATE TEMP TABLE rows (year int, exporter country, importer country, product hscode, t float8);
-- the ore/oxide chain, rare earths (t REO): CHN mines 100, MMR 40 and
-- ships all 40 to CHN (ores, 261220); CHN separates 126 and ships 50 to
-- JPN and 20 to DEU (compounds, 284690); JPN re-ships 10 to DEU
INSERT INTO rows VALUES (2092, 'MMR', 'CHN', '261220', 40),
  (2092, 'CHN', 'JPN', '284690', 50), (2092, 'CHN', 'DEU', '284690', 20), (2092, 'JPN', 'DEU', '284690', 10);
-- natural graphite (gross weight, 250410): CHN mines 80, MOZ 20; MOZ ships 10 to CHN, CHN 30 to JPN
INSERT INTO rows VALUES (2092, 'MOZ', 'CHN', '250410', 10), (2092, 'CHN', 'JPN', '250410', 30);
-- 2093: separation traded and produced, no mining network stored
INSERT INTO rows VALUES (2093, 'CHN', 'JPN', '284690', 20);
INSERT INTO production (country, year, commodity, stage, quantity_t, series, edition, source, unit)
VALUES ('CHN', 2092, 'rare earths', 'mining', 100, 'MCS', 'MCS2093', 'test', 't'),
       ('MMR', 2092, 'rare earths', 'mining', 40, 'MCS', 'MCS2093', 'test', 't'),
       ('CHN', 2092, 'rare earths', 'separation', 126, 'MCS', 'MCS2093', 'test', 't'),
       ('CHN', 2092, 'graphite (natural)', 'mining', 80, 'MCS', 'MCS2093', 'test', 't'),
       ('MOZ', 2092, 'graphite (natural)', 'mining', 20, 'MCS', 'MCS2093', 'test', 't'),
       ('CHN', 2093, 'rare earths', 'separation', 50, 'MCS', 'MCS2094', 'test', 't'),
       -- rhodium (t) and the platinum-group metals (kg) share 711031
       ('ZAF', 2092, 'rhodium', 'metal', 1, 'MCS', 'MCS2093', 'test', 't'),
       ('ZAF', 2092, 'platinum-group metals', 'metal', 1000, 'MCS', 'MCS2093', 'test', 'kg');
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release)
SELECT year, exporter, importer, 'X', product, t / trade_content(product, CASE WHEN product = '250410' THEN 'graphite (natural)' ELSE 'rare earths' END) * 1000,
       1, 'FOB', 'baci', 'test' FROM rows
UNION ALL
-- 500 kg of unwrought rhodium: 0.5 t of rhodium, 500 kg of platinum-group metals
SELECT 2092, 'ZAF', 'DEU', 'X', '711031', 500, 1, 'FOB', 'baci', 'test'
UNION ALL
-- a code too mixed to convert (2530.90: lithium, strontium or rare-earth ores) is left out and counted
SELECT 2092, 'MMR', 'CHN', 'X', '253090', 1000, 1, 'FOB', 'baci', 'test';

SELECT commodity, stage, country, origin, round(traced_quantity::numeric, 6) AS traced_quantity,
       round(mine_origin_quantity::numeric, 6) AS mine_origin_quantity, mine_origin_note, flows_without_content, unit
FROM origin_dependency WHERE year IN (2092, 2093) AND source = 'baci' ORDER BY year, commodity, stage, country, origin;

-- by hand, oxide stage: by processing origin everything is Chinese; by mine
-- origin CHN's supply at the ore stage is 100 own + 40 from MMR, so every
-- oxide user is 5/7 CHN and 2/7 MMR: DEU (use 30) 150/7 and 60/7, JPN (use
-- 40) 200/7 and 80/7, CHN (use 56) 40 and 16
-- (DEU's direct partner JPN is no mine origin: 0)
SELECT bool_and(abs(mine_origin_quantity - use * CASE origin WHEN 'CHN' THEN 5 / 7.0 WHEN 'MMR' THEN 2 / 7.0 ELSE 0 END) < 1e-9
                AND abs(mine_origin_share - CASE origin WHEN 'CHN' THEN 5 / 7.0 WHEN 'MMR' THEN 2 / 7.0 ELSE 0 END) < 1e-12
                AND abs(traced_quantity - CASE origin WHEN 'CHN' THEN use ELSE 0 END) < 1e-9) AS oxide_users_5_7_chn_2_7_mmr,
       count(*) FILTER (WHERE mine_origin_quantity > 0) = 6 AS two_origins_three_users,
       bool_or(country = 'DEU' AND origin = 'MMR' AND abs(mine_origin_quantity - 60 / 7.0) < 1e-9) AS deu_60_7_mmr
FROM (SELECT *, CASE country WHEN 'DEU' THEN 30 WHEN 'JPN' THEN 40 WHEN 'CHN' THEN 56 END AS use
      FROM origin_dependency WHERE year = 2092 AND source = 'baci' AND commodity = 'rare earths' AND stage = 'separation') o;
-- the same chain through chained_origin over the networks built by hand
SELECT abs((share(chained_origin(ARRAY[
         trade_network(e, i, q) FILTER (WHERE s = 1), trade_network(e, i, q) FILTER (WHERE s = 2)], 'DEU'), 'MMR')) - 2 / 7.0) < 1e-12
       AS chained_origin_agrees
FROM (VALUES (1, 'CHN', 'CHN', 100), (1, 'MMR', 'MMR', 40), (1, 'MMR', 'CHN', 40),
             (2, 'CHN', 'CHN', 126), (2, 'CHN', 'JPN', 50), (2, 'CHN', 'DEU', 20), (2, 'JPN', 'DEU', 10)) r(s, e, i, q);
-- at the mining stage the mine origin is the traced origin; the mixed
-- 253090 flow is counted, not traced
SELECT bool_and(mine_origin_quantity = traced_quantity) AS mining_mine_origin_is_traced,
       bool_and(flows_without_content = 1) AS mixed_code_counted
FROM origin_dependency WHERE year = 2092 AND source = 'baci' AND commodity = 'rare earths' AND stage = 'mining';
-- natural graphite, its own network in its own content (gross weight, t):
-- CHN's supply 90 is 8/9 own, 1/9 Mozambican; JPN's use 30 = 80/3 + 10/3
SELECT bool_and(abs(traced_quantity - CASE origin WHEN 'CHN' THEN 80 / 3.0 WHEN 'MOZ' THEN 10 / 3.0 END) < 1e-9) AND count(*) = 2
       AS graphite_jpn_by_hand,
       bool_and(unit = 't' AND stage = 'ores and concentrates') AS graphite_unit_and_stage
FROM origin_dependency WHERE year = 2092 AND source = 'baci' AND commodity = 'graphite (natural)' AND country = 'JPN';
-- a code of two commodities is traced under each, in each one's unit:
-- DEU uses 0.5 t of rhodium and 500 kg of platinum-group metals from ZAF
SELECT commodity, stage, country, origin, traced_quantity, unit, mine_origin_note
FROM origin_dependency WHERE year = 2092 AND source = 'baci' AND country = 'DEU' AND origin = 'ZAF' ORDER BY commodity;
-- 2093: no mining network is stored, so no mine origin, and the reason
SELECT bool_and(mine_origin_share IS NULL AND mine_origin_quantity IS NULL
                AND mine_origin_note = 'no stored network of mining') AND count(*) > 0 AS missing_stage_null_with_reason
FROM origin_dependency WHERE year = 2093 AND source = 'baci';
ROLLBACK;
