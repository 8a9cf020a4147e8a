-- origin_dependency and origin_concentration over the store: a hub network
-- loaded as BACI rows and as UN Comtrade rows (one importer reporting
-- nothing, so its partners' exports stand in), production from the USGS
-- table.  Every figure is checked against a hand computation written next
-- to it.  Everything runs in a transaction rolled back at the end, so the
-- other tests' stores are untouched.
\set VERBOSITY terse
BEGIN;
-- ore and concentrates traded as 261220 (monazite, central content
-- reo_content): the weights below are t REO / content x 1000 kg
CREATE TEMP TABLE hub (exporter country, importer country, t_reo float8);
-- CHN produces 60, MYS 40; CHN->NLD 40, MYS->NLD 5, NLD->DEU 30, CHN->DEU 10, MYS->DEU 10
INSERT INTO hub VALUES ('CHN', 'NLD', 40), ('MYS', 'NLD', 5), ('NLD', 'DEU', 30), ('CHN', 'DEU', 10), ('MYS', 'DEU', 10);
INSERT INTO production (country, year, commodity, stage, quantity_t, series, edition, source)
VALUES ('CHN', 2090, 'rare earths', 'mining', 60, 'MCS', 'MCS2091', 'test'),
       ('MYS', 2090, 'rare earths', 'mining', 40, 'MCS', 'MCS2091', 'test');
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release)
SELECT 2090, exporter, importer, 'X', '261220'::hscode, t_reo / reo_content('261220') * 1000, 1, 'FOB', 'baci', 'test' FROM hub;
-- Comtrade: DEU declares its imports; NLD declares nothing, so CHN's and
-- MYS's declared exports to NLD stand in.  CHN's declared exports to DEU
-- (999 t) are not used: DEU declared its own imports.
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release)
SELECT 2090, importer, exporter, 'M', '261220'::hscode, t_reo / reo_content('261220') * 1000, 1, 'CIF', 'comtrade', 'test' FROM hub WHERE importer = 'DEU'
UNION ALL
SELECT 2090, exporter, importer, 'X', '261220'::hscode, t_reo / reo_content('261220') * 1000, 1, 'FOB', 'comtrade', 'test' FROM hub WHERE importer = 'NLD'
UNION ALL
SELECT 2090, 'CHN'::country, 'DEU'::country, 'X', '261220'::hscode, 999 / reo_content('261220') * 1000, 1, 'FOB', 'comtrade', 'test';

SELECT source, country, country_name, origin, origin_name, round(direct_share::numeric, 6) AS direct_share,
       round(traced_share::numeric, 6) AS traced_share, round(traced_quantity::numeric, 6) AS traced_quantity, unit
FROM origin_dependency WHERE year = 2090 AND source = 'baci' ORDER BY country, origin;
-- by hand: NLD's supply 45 is 8/9 Chinese, it keeps 15 and ships 30 to DEU;
-- DEU's use 50 = CHN 80/3 + 10, MYS 10/3 + 10: traced China 11/15, directly 1/5
SELECT bool_and(abs(traced_quantity - CASE origin WHEN 'CHN' THEN 110 / 3.0 WHEN 'MYS' THEN 40 / 3.0 END) < 1e-9
            AND abs(direct_quantity - CASE origin WHEN 'CHN' THEN 10 WHEN 'MYS' THEN 10 WHEN 'NLD' THEN 30 END) < 1e-9) AS deu_by_hand,
       bool_and(abs(traced_share - CASE origin WHEN 'CHN' THEN 11 / 15.0 WHEN 'MYS' THEN 4 / 15.0 ELSE 0 END) < 1e-12) AS deu_shares
FROM origin_dependency WHERE year = 2090 AND country = 'DEU' AND source = 'baci';
-- Comtrade with the mirror for NLD gives the same network as BACI
SELECT count(*) = 7 AND bool_and(abs(b.traced_quantity - c.traced_quantity) < 1e-9 AND abs(b.direct_quantity - c.direct_quantity) < 1e-9)
       AS comtrade_mirror_equals_baci
FROM origin_dependency b JOIN origin_dependency c USING (year, stage, country, origin)
WHERE year = 2090 AND b.source = 'baci' AND c.source = 'comtrade';
-- the view's figures are origin_flows' over the same network built by hand
SELECT bool_and(abs(o.quantity - d.traced_quantity) < 1e-9) AND count(*) = 6 AS view_is_origin_flows
FROM origin_flows((SELECT trade_network(e, i, q) FROM (SELECT iso3(exporter), iso3(importer), t_reo FROM hub
                   UNION ALL VALUES ('CHN', 'CHN', 60), ('MYS', 'MYS', 40)) r(e, i, q))) o
JOIN origin_dependency d ON d.country = o.destination AND d.origin = o.origin AND d.year = 2090 AND d.source = 'baci';

-- governance for the GeoPolRisk import risk: g = (2.5 - pv) / 5 = CHN 0.6, MYS 0.4, NLD 0.2
INSERT INTO governance (country, year, pv, source) VALUES ('CHN', 2090, -0.5, 'test'), ('MYS', 2090, 0.5, 'test'), ('NLD', 2090, 1.5, 'test');
SELECT source, country, country_name, round(use_quantity::numeric, 6) AS use_quantity, round(direct_hhi::numeric, 6) AS direct_hhi, round(traced_hhi::numeric, 6) AS traced_hhi,
       direct_largest_third_country AS direct_top, round(direct_largest_third_country_share::numeric, 6) AS direct_top_share,
       traced_largest_third_country AS traced_top, round(traced_largest_third_country_share::numeric, 6) AS traced_top_share,
       direct_exceeds_65, traced_exceeds_65, round(direct_import_risk::numeric, 6) AS direct_risk, round(traced_import_risk::numeric, 6) AS traced_risk
FROM origin_concentration WHERE year = 2090 AND source = 'baci' ORDER BY country;
-- DEU by hand: direct HHI 10^4 (0.6^2 + 0.2^2 + 0.2^2) = 4400, traced 10^4 ((11/15)^2 + (4/15)^2) = 1370000/225;
-- directly NLD 0.6 (not above 65%), traced CHN 11/15 (above); import risk
-- direct (30 x 0.2 + 10 x 0.6 + 10 x 0.4) / 50 = 0.32, traced (110/3 x 0.6 + 40/3 x 0.4) / 50 = 82/150.
-- The EU (DEU and NLD, use 65): directly China 70/3 of 65, traced 50 of 65 = 10/13.
SELECT bool_and(CASE country
         WHEN 'DEU' THEN abs(direct_hhi - 4400) < 1e-9 AND abs(traced_hhi - 1370000 / 225.0) < 1e-9
                     AND direct_largest_third_country = 'NLD' AND abs(direct_largest_third_country_share - 0.6) < 1e-12
                     AND traced_largest_third_country = 'CHN' AND abs(traced_largest_third_country_share - 11 / 15.0) < 1e-12
                     AND NOT direct_exceeds_65 AND traced_exceeds_65
                     AND abs(direct_import_risk - 0.32) < 1e-12 AND abs(traced_import_risk - 82 / 150.0) < 1e-12
         WHEN 'EUU' THEN abs(use_quantity - 65) < 1e-9 AND country_name = 'European Union'
                     AND direct_largest_third_country = 'CHN' AND abs(direct_largest_third_country_share - 70 / 195.0) < 1e-12
                     AND traced_largest_third_country = 'CHN' AND abs(traced_largest_third_country_share - 10 / 13.0) < 1e-12
                     AND NOT direct_exceeds_65 AND traced_exceeds_65
         ELSE true END) AS by_hand,
       count(*) FILTER (WHERE country = 'EUU') = 1 AS one_eu_row
FROM origin_concentration WHERE year = 2090 AND source = 'baci';
-- an origin without a governance score leaves the import risk NULL, never partial
DELETE FROM governance WHERE country = 'MYS' AND year = 2090;
SELECT direct_import_risk IS NULL AND traced_import_risk IS NULL AS unscored_is_null
FROM origin_concentration WHERE year = 2090 AND source = 'baci' AND country = 'DEU';
-- production of a year without stored trade of its stage: every producer uses its own
INSERT INTO production (country, year, commodity, stage, quantity_t, series, edition, source)
VALUES ('AUS', 2091, 'rare earths', 'mining', 7, 'MCS', 'MCS2092', 'test');
SELECT source, country, origin, direct_share, traced_share, traced_quantity FROM origin_dependency WHERE year = 2091;
-- every column of both views is commented
SELECT c.relname, a.attname AS uncommented_column
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relname IN ('origin_dependency', 'origin_concentration') AND a.attnum > 0
  AND col_description(c.oid, a.attnum) IS NULL;
-- the country columns are typed: a name finds the rows its ISO3 code finds
-- (counted over the ISO3 text), and a misspelling is an error, never 0 rows
SELECT (SELECT count(*) FROM origin_dependency WHERE country = 'Germany' AND origin = 'China')
     = (SELECT count(*) FROM origin_dependency WHERE iso3(country) = 'DEU' AND iso3(origin) = 'CHN') AS same_rows,
       (SELECT count(*) FROM origin_dependency WHERE country = 'Germany' AND origin = 'China') > 0 AS found,
       (SELECT count(*) FROM origin_concentration WHERE country = 'European Union')
     = (SELECT count(*) FROM origin_concentration WHERE iso3(country) = 'EUU') AS eu_rows,
       (SELECT count(*) FROM origin_concentration WHERE traced_largest_third_country = 'China')
     = (SELECT count(*) FROM origin_concentration WHERE iso3(traced_largest_third_country) = 'CHN') AS third_rows;
SELECT count(*) FROM origin_dependency WHERE country = 'Germny';
ROLLBACK;
