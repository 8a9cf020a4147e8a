-- Origin tracing through the trade network: trade_network,
-- traced_origin, direct_origin, origin_flows, disruption and
-- network_adjustments on the worked examples (Kastner et al. 2011's algebra), queried as an analyst
-- would: flows and production in tables, one network per year.  Every
-- figure is checked against a hand computation (Kastner et al. 2011:
-- O = diag(p) (diag(x) - Z)^-1 diag(d)) written next to it.
\set VERBOSITY terse

CREATE TEMP TABLE oxide_production (year int, country text, tonnes float8);
CREATE TEMP TABLE oxide_trade (year int, exporter text, importer text, tonnes float8);
-- 2024: the oxide stage of the ore/oxide chain; 2025: the transit hub
INSERT INTO oxide_production VALUES (2024, 'CHN', 126), (2025, 'CHN', 60), (2025, 'MYS', 30);
INSERT INTO oxide_trade VALUES
  (2024, 'CHN', 'JPN', 50), (2024, 'CHN', 'DEU', 20), (2024, 'JPN', 'DEU', 10),
  (2025, 'CHN', 'NLD', 40), (2025, 'MYS', 'NLD', 20), (2025, 'NLD', 'DEU', 30), (2025, 'CHN', 'DEU', 10);
-- production enters as a flow from a country to itself
CREATE TEMP TABLE networks AS
SELECT year, trade_network(exporter, importer, tonnes) AS net
FROM (SELECT year, exporter, importer, tonnes FROM oxide_trade
      UNION ALL SELECT year, country, country, tonnes FROM oxide_production) AS rows
GROUP BY year;
SELECT year, net FROM networks ORDER BY year;

-- 2024: domestic use CHN 126 - 70 = 56, JPN 50 - 10 = 40, DEU 20 + 10 = 30,
-- all of it processed in China
SELECT domestic_use(net, 'CHN') = 56 AS chn_56, domestic_use(net, 'JPN') = 40 AS jpn_40,
       domestic_use(net, 'DEU') = 30 AS deu_30, domestic_use(net, 'USA') = 0 AS absent_0,
       traced_origin(net, 'DEU') = '{"CHN": 30}' AS deu_all_chinese,
       direct_origin(net, 'DEU') = '{"CHN": 20, "JPN": 10}' AS deu_direct_chn_jpn
FROM networks WHERE year = 2024;
-- the mine stage: CHN mines 100, MMR 40 shipped to CHN: CHN's use 140 is
-- 5/7 Chinese ore; chained by hand, DEU's 30 t are 150/7 t Chinese and
-- 60/7 t Burmese ore
WITH ore AS (SELECT '{"CHN": {"CHN": 100}, "MMR": {"MMR": 40, "CHN": 40}}'::trade_network AS net)
SELECT abs(share(traced_origin(ore.net, 'CHN'), 'CHN') - 5 / 7.0) < 1e-12 AS ore_5_7,
       abs(share(traced_origin(ore.net, 'CHN'), 'MMR') * quantity(traced_origin(n.net, 'DEU'), 'CHN') - 60 / 7.0) < 1e-12
         AS deu_burmese_60_7
FROM ore, networks n WHERE n.year = 2024;

-- 2025, the transit hub: DEU's use 40 is 3/4 Chinese by origin, 1/4 by direct imports
SELECT share(traced_origin(net, 'DEU'), 'CHN') = 0.75 AS traced_3_4,
       share(direct_origin(net, 'DEU'), 'CHN') = 0.25 AS direct_1_4,
       hhi(traced_origin(net, 'DEU')) = 6250 AS traced_hhi, hhi(direct_origin(net, 'DEU')) = 6250 AS direct_hhi,
       dominant_supplier(traced_origin(net, 'DEU')) AS traced_top, dominant_supplier(direct_origin(net, 'DEU')) AS direct_top
FROM networks WHERE year = 2025;

-- one call site over several networks and countries (each call traces its own network)
SELECT year, c.country, traced_origin(net, c.country)
FROM networks, (VALUES ('DEU'), ('NLD'), ('CHN')) AS c(country) ORDER BY c.country, year;

-- origin_flows for BI: rows sum to production, columns to domestic use
SELECT o.* FROM networks, origin_flows(net) o WHERE year = 2025 ORDER BY origin, destination;
WITH f AS (SELECT year, o.* FROM networks, origin_flows(net) o),
     by_origin AS (SELECT f.year, origin, sum(quantity) q FROM f GROUP BY 1, 2),
     by_dest AS (SELECT f.year, destination, sum(quantity) q, sum(share) s FROM f GROUP BY 1, 2)
SELECT (SELECT bool_and(abs(b.q - p.tonnes) < 1e-12 * p.tonnes) FROM by_origin b
          JOIN oxide_production p ON p.year = b.year AND p.country = b.origin) AS rows_sum_to_production,
       (SELECT bool_and(abs(b.q - domestic_use(n.net, b.destination)) < 1e-12 AND abs(b.s - 1) < 1e-12)
          FROM by_dest b JOIN networks n USING (year)) AS columns_sum_to_use;

-- the cycle: A produces 100, B 50; A->B 40, B->A 30.  Hand: A's use 90 is
-- 540/7 from A and 90/7 from B; B's 60 is 160/7 from A and 260/7 from B
WITH c AS (SELECT trade_network(e, i, q) AS net
           FROM (VALUES ('A', 'A', 100), ('B', 'B', 50), ('A', 'B', 40), ('B', 'A', 30)) AS rows(e, i, q))
SELECT abs(quantity(traced_origin(net, 'A'), 'A') - 540 / 7.0) < 1e-12 AS a_from_a,
       abs(quantity(traced_origin(net, 'A'), 'B') - 90 / 7.0) < 1e-12 AS a_from_b,
       abs(quantity(traced_origin(net, 'B'), 'A') - 160 / 7.0) < 1e-12 AS b_from_a,
       abs(quantity(traced_origin(net, 'B'), 'B') - 260 / 7.0) < 1e-12 AS b_from_b
FROM c;

-- What if China cut its exports by half?  Hub: NLD short 10 and DEU 15
-- through the chain (NLD gets 20 + 20, keeps half; DEU gets 5 + 20), where
-- direct imports alone say 20 and 5; CHN keeps 25 more; MYS is untouched.
SELECT d.* FROM networks, disruption(net, 'CHN', 0.5) d WHERE year = 2025 ORDER BY country;
SELECT bool_and(CASE country WHEN 'NLD' THEN shortfall = 10 AND direct_shortfall = 20
                             WHEN 'DEU' THEN shortfall = 15 AND direct_shortfall = 5 AND shortfall_share = 0.375
                             WHEN 'MYS' THEN shortfall = 0
                             ELSE true END) AS hub_hand,
       abs(sum(use_after) - 90) < 1e-12 AS use_after_sums_to_production
FROM networks, disruption(net, 'CHN', 0.5) WHERE year = 2025;
-- cycle, A cuts by half: x_A = 4550/37, x_B = 2550/37, B's use 1700/37: short 520/37
SELECT abs(shortfall - 520 / 37.0) < 1e-12 AS b_short_520_37, direct_shortfall = 20 AS direct_20
FROM disruption('{"A": {"A": 100, "B": 40}, "B": {"B": 50, "A": 30}}', 'A', 0.5) WHERE country = 'B';
-- no cut changes nothing; a supplier outside the network changes nothing
SELECT bool_and(shortfall = 0) AS no_cut FROM networks, disruption(net, 'CHN', 0) WHERE year = 2024;
SELECT bool_and(shortfall = 0 AND direct_shortfall = 0) AS absent_supplier FROM networks, disruption(net, 'USA', 1);

-- Real data is not balanced: A reports 20 exported on a supply of 10, so
-- its exports are scaled to 10; B then ships 15/20 of the 10 it gets; D
-- exports 5 without producing anything.  Every adjustment is listed.
SELECT * FROM network_adjustments('{"A": {"A": 10, "B": 20}, "B": {"C": 15}, "D": {"C": 5}}');
SELECT domestic_use(n, 'B') = 2.5 AS b_keeps_2_5, domestic_use(n, 'C') = 7.5 AS c_gets_7_5,
       traced_origin(n, 'C') = '{"A": 7.5}' AS c_all_from_a,
       (SELECT count(*) FROM network_adjustments(networks.net)) = 0 AS balanced_no_adjustments
FROM (SELECT '{"A": {"A": 10, "B": 20}, "B": {"C": 15}, "D": {"C": 5}}'::trade_network n) t, networks WHERE year = 2025;

-- empty, single country, a country as its own partner, zero production,
-- disconnected components, goods circulating with no source
SELECT trade_network(e, i, q) AS empty FROM (VALUES ('A', 'B', 1)) AS r(e, i, q) WHERE false;
SELECT traced_origin('{}', 'A') = '{}' AS empty_origin,
       traced_origin('{"CHN": {"CHN": 5}}', 'CHN') = '{"CHN": 5}' AS single,
       traced_origin('{"A": {"A": 0, "B": 0}, "C": {"C": 7, "A": 7}}', 'A') = '{"C": 7}' AS zero_production,
       (SELECT supplier_count(m) = 1 AND abs(quantity(m, 'X') - 1) < 1e-12
        FROM traced_origin('{"A": {"A": 10, "B": 4}, "B": {"C": 1}, "X": {"X": 8, "Y": 3}, "Y": {"Z": 2}, "Z": {"Y": 1}}', 'Z') m)
         AS disconnected,
       traced_origin('{"A": {"B": 10}, "B": {"A": 10}, "C": {"C": 5, "D": 5}}', 'D') = '{"C": 5}' AS phantom_loop,
       domestic_use('{"A": {"B": 10}, "B": {"A": 10}}', 'A') = 0 AS phantom_use_0;
-- a flow from a country to itself is its production
SELECT trade_network(e, i, q) = '{"A": {"A": 3, "B": 1}}' AS diagonal_is_production
FROM (VALUES ('A', 'A', 1), ('A', 'A', 2), ('A', 'B', 1)) AS r(e, i, q);

-- text and binary forms: canonical, round trip, version byte first
SELECT net::text::trade_network = net AS text_round_trip, substr(trade_network_send(net), 1, 1) = '\x01' AS version_byte,
       net::jsonb -> 'CHN' ->> 'DEU' AS chn_deu
FROM networks;
SELECT '{"X": {"X": 0}, "B": {"A": 1e-300}, "A": {}}'::trade_network;
-- numeric quantities, NULLs skipped
SELECT trade_network(e, i, q) FROM (VALUES ('A', 'A', 1.5::numeric), (NULL, 'A', 1), ('A', NULL, 1), ('A', 'B', NULL)) AS r(e, i, q);

-- rollup: months into a year equal the year; shards equal the whole
WITH months AS (SELECT year, exporter, importer, tonnes / 2 AS tonnes FROM oxide_trade
                UNION ALL SELECT year, exporter, importer, tonnes / 2 FROM oxide_trade
                UNION ALL SELECT year, country, country, tonnes FROM oxide_production),
     parts AS (SELECT year, exporter = 'CHN' AS shard, trade_network(exporter, importer, tonnes) AS net
               FROM months GROUP BY 1, 2)
SELECT bool_and(r.net = n.net) AS rollup_equals_whole
FROM (SELECT year, rollup(net) AS net FROM parts GROUP BY year) r JOIN networks n USING (year);

-- parallel plan: the same network as serial (integer tonnes: exact sums);
-- 40 countries all trading with all, production on the diagonal
CREATE TABLE origin_big AS
SELECT 'C' || (g % 40) AS exporter, 'C' || (g / 40 % 40) AS importer,
       ((g % 13) * CASE WHEN g % 40 = g / 40 % 40 THEN 100 ELSE 1 END)::float8 AS tonnes
FROM generate_series(1, 60000) g;
ANALYZE origin_big;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT plan_has('SELECT trade_network(exporter, importer, tonnes) FROM origin_big',
                'Finalize Aggregate', 'Partial Aggregate') AS parallel_plan;
CREATE TEMP TABLE par AS SELECT trade_network(exporter, importer, tonnes) AS net FROM origin_big;
SET max_parallel_workers_per_gather = 0;
SELECT net = (SELECT trade_network(exporter, importer, tonnes) FROM origin_big) AS parallel_equals_serial,
       domestic_use(net, 'C3') > 0 AND
       abs(total(traced_origin(net, 'C3')) - domestic_use(net, 'C3')) < 1e-12 * domestic_use(net, 'C3') AS traced_totals_use,
       (SELECT count(*) = 0 FROM network_adjustments(net)) AS balanced
FROM par;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP TABLE origin_big;

-- bad input: each a clear error with its SQLSTATE
SELECT trade_network(e, i, q) FROM (VALUES ('A', 'B', -1)) AS r(e, i, q);
\echo :LAST_ERROR_SQLSTATE
SELECT trade_network(e, i, q) FROM (VALUES ('A', 'A', 'NaN'::float8)) AS r(e, i, q);
\echo :LAST_ERROR_SQLSTATE
SELECT trade_network(e, i, q) FROM (VALUES ('A', 'B', 1e308), ('A', 'C', 1e308)) AS r(e, i, q);
\echo :LAST_ERROR_SQLSTATE
SELECT '{"A": 1}'::trade_network;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"A": {"B": 1, "B": 2}}'::trade_network;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"A": {"B": -1}}'::trade_network;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"A": {"B": 1e400}}'::trade_network;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM disruption('{"A": {"A": 1}}', 'A', 1.5);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM disruption('{"A": {"A": 1}}', 'A', 'NaN');
\echo :LAST_ERROR_SQLSTATE
-- a loop re-exporting nearly all it receives: an error, never a wrong answer
SELECT traced_origin('{"A": {"A": 1, "B": 1e15}, "B": {"A": 1e15}}', 'A');
\echo :LAST_ERROR_SQLSTATE
-- a supply beyond double precision
SELECT domestic_use('{"A": {"A": 1e308}, "B": {"A": 1e308}}', 'A');
\echo :LAST_ERROR_SQLSTATE
