-- view_names: one name per concept in the trade views.  The quantities are
-- in the row's unit (kg for gallium, germanium and the PGMs), whatever the
-- historical _t suffix says: the unit-free names beside them (imports,
-- exports, production, eu_consumption, ...) equal them in every row, and
-- import_reliance's USGS reliance stage has its own name, reliance_stage.
\set VERBOSITY terse
\set QUIET on
\set ECHO none
\i data/load_sample.sql
\set ECHO all
\set QUIET off
-- trade rows as a load leaves them (not synthetic), rolled back at the end
BEGIN;
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release)
SELECT y, r::country, p::country, f, c::hscode, kg, usd, CASE f WHEN 'M' THEN 'CIF' ELSE 'FOB' END, 'comtrade', 'names test'
FROM (VALUES (2024, 'USA', 'RUS', 'M', '711021', 1000, 30000000), (2024, 'USA', 'JPN', 'X', '711021', 200, 6000000),
             (2022, 'USA', 'CHN', 'M', '284690', 9000, 300000), (2022, 'DEU', 'CHN', 'M', '284690', 4000, 150000),
             (2022, 'DEU', 'USA', 'X', '284690', 300, 12000)) v (y, r, p, f, c, kg, usd);

-- US palladium in kg (unwrought, HS 7110.21, all palladium): imports
-- 1,000 kg from Russia, exports 200 kg, under names that claim no unit
SELECT commodity, reliance_stage, unit, imports, exports, imports_t, exports_t,
       abs(imports - 1000 * trade_content('711021', 'palladium', 'central')) < 1e-9 AS imports_by_hand,
       abs(exports - 200 * trade_content('711021', 'palladium', 'central')) < 1e-9 AS exports_by_hand
FROM import_reliance WHERE country = 'United States' AND commodity = 'palladium' AND year = 2024
ORDER BY reliance_stage;
-- every alias equals the column it names, in every row
SELECT count(*) AS rows,
       bool_and(reliance_stage IS NOT DISTINCT FROM stage AND production IS NOT DISTINCT FROM production_t
                AND imports IS NOT DISTINCT FROM imports_t AND exports IS NOT DISTINCT FROM exports_t
                AND apparent_consumption IS NOT DISTINCT FROM apparent_consumption_t
                AND flagged_imports IS NOT DISTINCT FROM flagged_imports_t
                AND flagged_exports IS NOT DISTINCT FROM flagged_exports_t
                AND imports_unflagged IS NOT DISTINCT FROM imports_unflagged_t
                AND exports_unflagged IS NOT DISTINCT FROM exports_unflagged_t
                AND apparent_consumption_unflagged IS NOT DISTINCT FROM apparent_consumption_unflagged_t) AS aliases_equal
FROM import_reliance;
SELECT count(*) AS rows,
       bool_and(eu_production IS NOT DISTINCT FROM eu_production_t AND extra_eu_imports IS NOT DISTINCT FROM extra_eu_imports_t
                AND extra_eu_exports IS NOT DISTINCT FROM extra_eu_exports_t AND eu_consumption IS NOT DISTINCT FROM eu_consumption_t
                AND largest_supplier_quantity IS NOT DISTINCT FROM largest_supplier_t) AS aliases_equal
FROM crma_benchmarks;
-- EU rare earths 2022 (HS 2846.90, t REO): imports 4,000 kg and exports 300 kg x the REO content
SELECT source, stage, unit, extra_eu_imports, extra_eu_exports, largest_supplier,
       abs(extra_eu_imports - 4000 * reo_content('284690', 'central') / 1000) < 1e-12 AS imports_by_hand,
       abs(extra_eu_exports - 300 * reo_content('284690', 'central') / 1000) < 1e-12 AS exports_by_hand
FROM crma_benchmarks WHERE year = 2022 AND commodity = 'rare earths';
ROLLBACK;

-- the names of one concept, as doc/views.md maps them: no view names a
-- column by an old name without its canonical one beside it (but
-- import_dependency.apparent_consumption_t, which is t REO, as it says)
SELECT c.relname AS view, o.old_name AS old_name_without_canonical
FROM pg_class c
CROSS JOIN (VALUES ('quantity_t', 'quantity'), ('production_t', 'production'), ('reserves_t', 'reserves'),
                   ('listed_total_t', 'listed_total'), ('world_total_t', 'world_total'), ('imports_t', 'imports'),
                   ('exports_t', 'exports'), ('apparent_consumption_t', 'apparent_consumption'),
                   ('eu_production_t', 'eu_production'), ('extra_eu_imports_t', 'extra_eu_imports'),
                   ('extra_eu_exports_t', 'extra_eu_exports'), ('eu_consumption_t', 'eu_consumption'),
                   ('largest_supplier_t', 'largest_supplier_quantity'), ('as_of_year', 'year')) o (old_name, canonical)
WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relname = ANY (store_views())
  AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = o.old_name AND NOT a.attisdropped)
  AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = o.canonical AND NOT a.attisdropped)
  AND (c.relname, o.old_name) <> ('import_dependency', 'apparent_consumption_t')
ORDER BY 1, 2;
