-- view_answers: the reporting views queried as a new user writes the
-- query, on the shipped sample; every figure against its own plain-SQL
-- computation over production_latest / production_world_total.
\set VERBOSITY terse
\set QUIET on
\set ECHO none
\i data/load_sample.sql
\set ECHO all
\set QUIET off
SET client_min_messages = notice;
-- the SQLSTATE and message of a query's error, or 'no error'
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- One denominator: every figure of supply_concentration divides by the
-- listed total (USGS "Other countries", XAN, included).  By hand from the
-- rows: hhi = sum of squared percent shares with XAN as one supplier;
-- hhi_lower = the named countries' squares only (the residual spread thin);
-- hhi_upper = hhi (the residual held by one).  Rare earths 2022, which the
-- shipped sample prints against a world total of 300,000 t.
WITH p AS (
  SELECT year, sum(quantity_t) AS t,
         sum((100 * quantity_t) ^ 2) AS all_sq,
         sum((100 * quantity_t) ^ 2) FILTER (WHERE country <> 'XAN') AS named_sq
  FROM production_latest WHERE commodity = 'rare earths' AND stage = 'mining' AND quantity_t IS NOT NULL
  GROUP BY year)
SELECT c.year, round(c.hhi) AS hhi, round(c.hhi_lower) AS hhi_lower, round(c.hhi_upper) AS hhi_upper,
       abs(c.hhi - p.all_sq / p.t ^ 2) < 1e-9 AS hhi_ok,
       abs(c.hhi_lower - p.named_sq / p.t ^ 2) < 1e-9 AS lower_ok,
       abs(c.hhi_upper - p.all_sq / p.t ^ 2) < 1e-9 AS upper_ok,
       c.hhi_lower <= c.hhi AND c.hhi <= c.hhi_upper AS within_bounds
FROM supply_concentration c JOIN p USING (year)
WHERE c.commodity = 'rare earths' AND c.stage = 'mining' AND c.year IN (2022, 2025) ORDER BY c.year;
-- and in every row the sample gives
SELECT count(*) AS rows_with_figures,
       count(*) FILTER (WHERE NOT (hhi_lower <= hhi AND hhi <= hhi_upper)) AS rows_outside_bounds
FROM supply_concentration WHERE hhi IS NOT NULL;
-- the rows without figures say why
SELECT year, commodity, stage, round(coverage::numeric, 3) AS coverage, concentration_null_reason
FROM supply_concentration WHERE hhi IS NULL ORDER BY 1, 2, 3;

-- The residual is no producer: supply_share ranks named countries only
-- (XAN: rank NULL, is_residual), its display name says what it is, and
-- CR-n and the dominant supplier are about named countries.
SELECT country, country_name, rank, is_residual
FROM supply_share WHERE commodity = 'rare earths' AND year = 2024 AND (rank <= 2 OR is_residual) ORDER BY rank NULLS LAST;
-- ranks by plain SQL: rank() over the named countries of each year, commodity and stage
WITH named AS (
  SELECT year, commodity, stage::text AS stage, country,
         rank() OVER (PARTITION BY year, commodity, stage ORDER BY quantity_t DESC) AS r
  FROM production_latest WHERE quantity_t IS NOT NULL AND country <> 'XAN')
SELECT count(*) AS ranked_rows, bool_and(s.rank = n.r) AS ranks_ok,
       count(*) = (SELECT count(*) FROM supply_share WHERE rank IS NOT NULL) AS every_rank_checked,
       (SELECT count(*) FROM supply_share WHERE country = 'XAN' AND rank IS NOT NULL) AS residual_ranked
FROM supply_share s JOIN named n USING (year, commodity, stage, country);
-- CR1, CR3 of named countries against the listed total (XAN in the denominator only)
WITH p AS (
  SELECT year, commodity, stage::text AS stage, quantity_t, country,
         sum(quantity_t) OVER (PARTITION BY year, commodity, stage) AS t,
         row_number() OVER (PARTITION BY year, commodity, stage ORDER BY (country = 'XAN'), quantity_t DESC) AS r
  FROM production_latest WHERE quantity_t IS NOT NULL),
h AS (
  SELECT year, commodity, stage, sum(quantity_t) FILTER (WHERE r <= 3 AND country <> 'XAN') / max(t) AS cr3,
         max(quantity_t) FILTER (WHERE country <> 'XAN') / max(t) AS cr1,
         iso3((array_agg(country ORDER BY r))[1]) AS top
  FROM p GROUP BY 1, 2, 3)
SELECT count(*) AS rows, bool_and(abs(c.cr3 - h.cr3) < 1e-12) AS cr3_ok, bool_and(abs(c.cr1 - h.cr1) < 1e-12) AS cr1_ok,
       bool_and(c.dominant_supplier = h.top) AS dominant_ok,
       bool_and(c.dominant_supplier_name = country_name(h.top::country)) AS dominant_name_ok
FROM supply_concentration c JOIN h USING (year, commodity, stage) WHERE c.hhi IS NOT NULL;
SELECT country_name('XAN') AS xan_name;

-- Filters that find rows or fail.  The typed country columns of every view
-- compare with any form of the name; a misspelling is an error.
SELECT count(*) > 0 AS russia_by_name FROM production_latest WHERE country = 'Russia';
SELECT count(*) = (SELECT count(*) FROM production_latest WHERE country = 'RUS' AND quantity_t IS NOT NULL) AS same_rows
FROM supply_share WHERE country = 'Russia';
SELECT pg_temp.error_of($$SELECT count(*) FROM production_latest WHERE country = 'Rusia'$$);
SELECT pg_temp.error_of($$SELECT count(*) FROM supply_share WHERE country = 'Rusia'$$);
-- commodity names: commodity_name() finds the name or refuses
SELECT commodity_name('graphite') AS graphite, commodity_name('Rare Earths') AS rare_earths,
       commodity_name('raree') AS file_code, commodity_name('Titanium mineral concentrates: ilmenite') AS a_kind;
SELECT count(*) > 0 AS rare_earth_rows FROM supply_share WHERE commodity = commodity_name('rare earths');
SELECT pg_temp.error_of($$SELECT commodity_name('graphit')$$);
SELECT pg_temp.error_of($$SELECT commodity_name('rare earth')$$);
SELECT pg_temp.error_of($$SELECT commodity_name('unobtainium')$$);
SELECT pg_temp.error_of($$SELECT commodity_name(NULL)$$);
-- share() of a mix keyed by country: any form of the name, or 22P02
SELECT abs(share(m, 'Russia') - (SELECT quantity_t FROM production_latest WHERE year = 2024 AND country = 'RUS')
                                / (SELECT sum(quantity_t) FROM production_latest WHERE year = 2024)) < 1e-15 AS share_by_name,
       share(m, 'RU') = share(m, 'RUS') AS share_by_alpha2,
       pg_temp.error_of(format('SELECT share(%L::supply_mix, %L)', m, 'Rusia')) AS misspelt,
       pg_temp.error_of(format('SELECT quantity(%L::supply_mix, %L)', m, 'Rusia')) AS misspelt_quantity,
       share(m, 'Japan') AS named_but_absent
FROM (SELECT supply_mix(country, quantity_t) AS m FROM production_latest WHERE year = 2024) s;
-- a mix whose suppliers are not all countries keeps its 0 for an absent key
SELECT share('{"A": 3, "B": 1}', 'Rusia') AS free_keys, share('{"CHN": 3, "plant 7": 1}', 'Rusia') AS mixed_keys;

-- BI promise: every column of every store view has a comment.
SELECT c.relname AS view, a.attname AS uncommented_column
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relname = ANY (store_views())
  AND col_description(c.oid, a.attnum) IS NULL
ORDER BY 1, a.attnum;
-- names beside codes: every store view with a country code carries its name
SELECT c.relname AS view_without_country_name
FROM pg_class c
WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relname = ANY (store_views())
  AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'country')
  AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'country_name')
ORDER BY 1;
-- and it is the name of the code, in every row
SELECT bool_and(country_name = country_name(country)) AS latest_names_ok FROM production_latest;
SELECT bool_and(country_name = country_name(country)) AS reserves_names_ok FROM reserves_latest;
-- plain column types, but for the typed country and stage columns (read as
-- text by psqlODBC and psycopg2: test/scripts/bi_clients.sh)
SELECT c.relname AS view, a.attname AS typed_column, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relname = ANY (store_views())
  AND a.atttypid NOT IN ('float8'::regtype, 'int4'::regtype, 'int8'::regtype, 'text'::regtype, 'bool'::regtype,
                         'date'::regtype, 'jsonb'::regtype)
ORDER BY 1, a.attnum;

-- One name per concept: the unit-free names beside the *_t ones (the figures
-- are in unit, kg for gallium), year beside reserves' as_of_year; each
-- alias equals the column it names in every row
SELECT (SELECT bool_and(quantity IS NOT DISTINCT FROM quantity_t) FROM production_latest)
   AND (SELECT bool_and(quantity IS NOT DISTINCT FROM quantity_t) FROM production_corrected)
   AND (SELECT bool_and(quantity IS NOT DISTINCT FROM quantity_t) FROM production_world_total)
   AND (SELECT bool_and(quantity IS NOT DISTINCT FROM quantity_t AND year IS NOT DISTINCT FROM as_of_year) FROM reserves_latest)
   AND (SELECT bool_and(quantity IS NOT DISTINCT FROM quantity_t AND year IS NOT DISTINCT FROM as_of_year) FROM reserves_corrected)
   AND (SELECT bool_and(quantity IS NOT DISTINCT FROM quantity_t AND year IS NOT DISTINCT FROM as_of_year) FROM reserves_world_total)
   AND (SELECT bool_and(production = production_t AND listed_total = listed_total_t
                        AND world_total IS NOT DISTINCT FROM world_total_t) FROM supply_share)
   AND (SELECT bool_and(listed_total = listed_total_t AND world_total IS NOT DISTINCT FROM world_total_t) FROM supply_concentration)
   AND (SELECT bool_and(production IS NOT DISTINCT FROM production_t AND reserves IS NOT DISTINCT FROM reserves_t) FROM development)
   AS aliases_equal;
