-- crma_benchmarks: EU Critical Raw Materials Act (Regulation (EU)
-- 2024/1252) Article 5(1) benchmarks on a synthetic fixture computed by
-- hand, including the United Kingdom moving from intra- to extra-EU in
-- 2020, and against an independent plain-SQL computation that takes EU
-- membership from country_groups instead of eu_member.  Rolled back.
\set VERBOSITY terse
BEGIN;
-- HS 284690 (separation stage, 0.85 t REO per t) and 261220 (mining, 0.6)
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release) VALUES
  -- 2019, EU members' declarations (UN Comtrade)
  (2019, 'DEU', 'CHN', 'M', '284690', 1000000, 1, 'CIF', 'comtrade', 'crma'),  -- 850 t extra-EU
  (2019, 'DEU', 'MYS', 'M', '284690', 400000, 1, 'CIF', 'comtrade', 'crma'),   -- 340 t extra-EU
  (2019, 'FRA', 'GBR', 'M', '284690', 200000, 1, 'CIF', 'comtrade', 'crma'),   -- intra-EU in 2019
  (2019, 'GBR', 'CHN', 'M', '284690', 300000, 1, 'CIF', 'comtrade', 'crma'),   -- 255 t: the UK a member in 2019
  (2019, 'FRA', 'USA', 'X', '284690', 100000, 1, 'FOB', 'comtrade', 'crma'),   -- 85 t extra-EU export
  (2019, 'DEU', 'FRA', 'X', '284690', 50000, 1, 'FOB', 'comtrade', 'crma'),    -- intra-EU
  (2019, 'DEU', 'VNM', 'M', '284690', NULL, 1, 'CIF', 'comtrade', 'crma'),     -- no weight: counted apart
  (2019, 'USA', 'CHN', 'M', '284690', 900000, 1, 'CIF', 'comtrade', 'crma'),   -- not the EU's
  (2019, 'FRA', 'AUS', 'M', '261220', 500000, 1, 'CIF', 'comtrade', 'crma'),   -- 300 t mining stage
  -- 2020: the UK is a third country
  (2020, 'FRA', 'GBR', 'M', '284690', 200000, 1, 'CIF', 'comtrade', 'crma'),   -- 170 t extra-EU now
  (2020, 'DEU', 'CHN', 'M', '284690', 100000, 1, 'CIF', 'comtrade', 'crma'),   -- 85 t
  (2020, 'GBR', 'CHN', 'M', '284690', 300000, 1, 'CIF', 'comtrade', 'crma'),   -- not an EU reporter any more
  (2020, 'DEU', 'GBR', 'X', '284690', 50000, 1, 'FOB', 'comtrade', 'crma'),    -- 42.5 t extra-EU export now
  -- 2020, CEPII BACI (reporter = exporter, partner = importer)
  (2020, 'CHN', 'DEU', 'X', '284690', 100000, 1, 'FOB', 'baci', 'crma'),       -- 85 t into the EU
  (2020, 'GBR', 'FRA', 'X', '284690', 200000, 1, 'FOB', 'baci', 'crma'),       -- 170 t into the EU
  (2020, 'DEU', 'FRA', 'X', '284690', 10000, 1, 'FOB', 'baci', 'crma'),        -- intra-EU
  (2020, 'DEU', 'USA', 'X', '284690', 20000, 1, 'FOB', 'baci', 'crma');        -- 17 t out of the EU
-- mine production 2019 (an edition later than any other test's): France
-- 200 t (fictitious), China 1,000 t
INSERT INTO production (country, year, quantity_t, series, edition, source) VALUES
  ('CHN', 2019, 1000, 'MCS', 'MCS2099', 'crma test'), ('FRA', 2019, 200, 'MCS', 'MCS2099', 'crma test');

SELECT source, year, stage, eu_production_t AS prod, extra_eu_imports_t AS imports, extra_eu_exports_t AS exports,
       eu_consumption_t AS consumption, largest_supplier AS largest, largest_supplier_t AS largest_t,
       round(largest_supplier_share::numeric, 4) AS largest_share, exceeds_65,
       eu_production_share AS prod_share, capacity_benchmark AS bench, meets_capacity_benchmark AS meets,
       production_known AS known, flows_without_quantity AS no_qty
FROM crma_benchmarks WHERE year IN (2019, 2020) AND commodity = 'rare earths' ORDER BY source, year, stage;

-- by hand:
--   comtrade 2019 mining: 200 + 300 = 500; AUS 300 / 500 = 0.6, not above
--     0.65; EU production 200 / 500 = 0.4 >= 0.10
--   comtrade 2019 separation: imports CHN 850 + 255 (the UK's) + MYS 340 =
--     1,445, exports 85: 1,360; CHN 1,105 / 1,360 = 0.8125 > 0.65; no
--     separation production stored: share unknown
--   comtrade 2020 separation: imports GBR 170 + CHN 85 = 255, exports 42.5:
--     212.5; GBR 170 / 212.5 = 0.8
--   baci 2020 separation: imports 255, exports 17: 238; GBR 170 / 238
SELECT bool_and(CASE
         WHEN (source, year, stage) = ('comtrade', 2019, 'mining') THEN eu_consumption_t = 500 AND largest_supplier = 'AUS'
              AND largest_supplier_share = 0.6 AND NOT exceeds_65 AND eu_production_share = 0.4 AND meets_capacity_benchmark
         WHEN (source, year, stage) = ('comtrade', 2019, 'separation') THEN abs(eu_consumption_t - 1360) < 1e-9
              AND largest_supplier = 'CHN' AND abs(largest_supplier_share - 1105 / 1360.0) < 1e-12 AND exceeds_65
              AND eu_production_share IS NULL AND NOT production_known AND flows_without_quantity = 1
         WHEN (source, year, stage) = ('comtrade', 2020, 'separation') THEN abs(eu_consumption_t - 212.5) < 1e-9
              AND largest_supplier = 'GBR' AND abs(largest_supplier_share - 0.8) < 1e-12 AND exceeds_65
         WHEN (source, year, stage) = ('baci', 2020, 'separation') THEN abs(eu_consumption_t - 238) < 1e-9
              AND largest_supplier = 'GBR' AND abs(largest_supplier_share - 170 / 238.0) < 1e-12 AND exceeds_65
         END) AS hand, count(*) AS rows
FROM crma_benchmarks WHERE year IN (2019, 2020) AND commodity = 'rare earths';
-- the synthetic rare-earth compounds (2846.90) are also scandium's and
-- yttrium's code, too mixed to convert for either: their rows count the
-- flows, never a quantity
SELECT commodity, stage, count(*) AS rows, bool_and(extra_eu_imports_t = 0 AND extra_eu_exports_t = 0) AS no_quantity,
       bool_and(flows_without_quantity > 0) AS flows_counted
FROM crma_benchmarks WHERE commodity <> 'rare earths' GROUP BY commodity, stage ORDER BY commodity, stage;

-- against plain SQL, membership from country_groups ('EU'), each flow
-- with its importer and exporter
WITH eu AS (SELECT country, from_year, coalesce(to_year, 9999) AS to_year FROM country_groups WHERE group_name = 'EU'),
f AS (
  SELECT source, year, product, CASE WHEN flow = 'M' AND source = 'comtrade' THEN reporter ELSE partner END AS importer,
         CASE WHEN flow = 'M' AND source = 'comtrade' THEN partner ELSE reporter END AS exporter,
         net_weight_kg * (SELECT reo_central FROM hs_catalogue c WHERE c.code = product) / 1000 AS t,
         (SELECT stage FROM hs_catalogue c WHERE c.code = product) AS stage,
         EXISTS (SELECT FROM eu WHERE eu.country = reporter AND year BETWEEN from_year AND to_year) AS reporter_eu
  FROM trade_flow WHERE year IN (2019, 2020) AND flow IN ('M', 'X') AND NOT synthetic),
g AS (
  SELECT f.*, EXISTS (SELECT FROM eu WHERE eu.country = importer AND year BETWEEN from_year AND to_year) AS imp_eu,
         EXISTS (SELECT FROM eu WHERE eu.country = exporter AND year BETWEEN from_year AND to_year) AS exp_eu
  FROM f WHERE source = 'baci' OR reporter_eu),
agg AS (
  SELECT source, year, stage::text AS stage,
         coalesce(sum(t) FILTER (WHERE imp_eu AND NOT exp_eu), 0) AS imports,
         coalesce(sum(t) FILTER (WHERE exp_eu AND NOT imp_eu), 0) AS exports,
         (SELECT coalesce(sum(quantity_t), 0) FROM production_latest p
          WHERE p.year = g.year AND p.stage = g.stage
            AND EXISTS (SELECT FROM eu WHERE eu.country = p.country AND p.year BETWEEN from_year AND to_year)) AS prod,
         (SELECT max(s) FROM (SELECT sum(t) AS s FROM g g2 WHERE g2.source = g.source AND g2.year = g.year
                              AND g2.stage = g.stage AND g2.imp_eu AND NOT g2.exp_eu GROUP BY exporter) x) AS largest
  FROM g WHERE imp_eu <> exp_eu GROUP BY source, year, stage)
SELECT count(*) AS rows,
       bool_and(abs(v.eu_consumption_t - (a.prod + a.imports - a.exports)) < 1e-9) AS consumption_sql,
       bool_and(abs(v.largest_supplier_share - a.largest / (a.prod + a.imports - a.exports)) < 1e-12) AS largest_share_sql,
       bool_and(v.exceeds_65 = (a.largest / (a.prod + a.imports - a.exports) > 0.65)) AS exceeds_sql
FROM crma_benchmarks v JOIN agg a USING (source, year, stage) WHERE v.commodity = 'rare earths';
-- another commodity: lithium carbonate (2836.91, Li2CO3) and hydroxide
-- (2825.20, LiOH.H2O) into and out of the EU in 2021, in t of lithium
-- content (stoichiometry by hand, atomic weights CIAAW: Li 6.94, C 12.011,
-- O 15.999, H 1.008)
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release) VALUES
  (2021, 'DEU', 'CHL', 'M', '283691', 2000000, 1, 'CIF', 'comtrade', 'crma'),
  (2021, 'BEL', 'CHN', 'M', '282520', 1000000, 1, 'CIF', 'comtrade', 'crma'),
  (2021, 'FRA', 'USA', 'X', '283691', 500000, 1, 'FOB', 'comtrade', 'crma');
SELECT commodity, stage, unit, largest_supplier,
       abs(extra_eu_imports_t - (2000 * 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999)
                                 + 1000 * 6.94 / (6.94 + 2 * 15.999 + 3 * 1.008))) < 1e-9 AS imports_by_hand,
       abs(extra_eu_exports_t - 500 * 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999)) < 1e-9 AS exports_by_hand,
       abs(largest_supplier_share - 2000 * 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999) / eu_consumption_t) < 1e-12 AS share_by_hand,
       capacity_benchmark
FROM crma_benchmarks WHERE year = 2021 AND commodity = 'lithium';
ROLLBACK;
