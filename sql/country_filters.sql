-- country_filters: the country columns of the reporting views filtered as a
-- user writes it, by name (country = 'Russia'): the rows the ISO3 code
-- finds, counted independently over the tables the views read; a
-- misspelling is an error (22P02), never an empty answer.
\set VERBOSITY terse
\set QUIET on
\set ECHO none
\i data/load_sample.sql
\set ECHO all
\set QUIET off
SET client_min_messages = notice;
-- a few trade rows as a load leaves them (not synthetic, which the views
-- leave out), rolled back at the end: later tests see the sample only
BEGIN;
INSERT INTO trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release)
VALUES (2022, 'USA', 'RUS', 'M', '284690', 1000, 50000, 'CIF', 'comtrade', 'filter test'),
       (2023, 'USA', 'RUS', 'M', '284690', 2000, 90000, 'CIF', 'comtrade', 'filter test'),
       (2022, 'USA', 'CHN', 'M', '284690', 9000, 300000, 'CIF', 'comtrade', 'filter test'),
       (2022, 'DEU', 'CHN', 'M', '284690', 4000, 150000, 'CIF', 'comtrade', 'filter test'),
       (2022, 'DEU', 'RUS', 'M', '284690', 500, 20000, 'CIF', 'comtrade', 'filter test');

-- every country column of the reporting views is typed
SELECT t.view_name, t.column_name, format_type(a.atttypid, a.atttypmod) AS type
FROM store_view_country_columns() t
JOIN pg_attribute a ON a.attrelid = format('rareearth.%I', t.view_name)::regclass AND a.attname = t.column_name
ORDER BY 1, 2;

-- supply_share: Russia's rows are the production rows of RUS with a figure
-- (one edition per year, commodity and stage: the latest MCS edition that
-- reports that year), counted over the production table
WITH latest AS (
  SELECT p.country, p.quantity_t FROM production p
  WHERE p.series = 'MCS'
    AND p.edition = (SELECT max(q.edition) FROM production q
                     WHERE q.series = 'MCS' AND q.year = p.year AND q.commodity = p.commodity AND q.stage = p.stage))
SELECT (SELECT count(*) FROM supply_share WHERE country = 'Russia') AS by_name,
       (SELECT count(*) FROM supply_share WHERE iso3(country) = 'RUS') AS by_code,
       (SELECT count(*) FROM latest WHERE iso3(country) = 'RUS' AND quantity_t IS NOT NULL) AS independent;
SELECT country, country_name, year, production_t FROM supply_share WHERE country = 'Russian Federation' AND year = 2024;
-- development: Russia at each commodity's first stage
SELECT (SELECT count(*) FROM development WHERE country = 'Russia') AS by_name,
       (SELECT count(*) FROM development WHERE iso3(country) = 'RUS') AS by_code,
       (SELECT count(*) FROM production_latest p
        WHERE iso3(p.country) = 'RUS'
          AND p.stage = (SELECT min(q.stage) FROM production_latest q WHERE q.commodity = p.commodity)) AS independent;
-- target_tracking: the stated Russian production targets
SELECT (SELECT count(*) FROM target_tracking WHERE country = 'Russia') AS by_name,
       (SELECT count(*) FROM targets WHERE iso3(country) = 'RUS' AND metric = 'production') AS independent;
-- usgs_net_import_reliance: the United States' printed figures
SELECT (SELECT count(*) FROM usgs_net_import_reliance WHERE country = 'United States') AS by_name,
       (SELECT count(*) FROM published_statistic
        WHERE iso3(country) = 'USA' AND (statistic = 'net_import_reliance' OR statistic LIKE 'net\_import\_reliance\_%')) AS independent;
-- supply_concentration: where China is the dominant supplier, by name
SELECT (SELECT count(*) FROM supply_concentration WHERE dominant_supplier = 'China') AS by_name,
       (SELECT count(*) FROM supply_concentration WHERE dominant_supplier_name = 'China') AS by_name_column;
-- import_dependency: the reporter's own declarations from Russia, one row per trade row
SELECT (SELECT count(*) FROM import_dependency WHERE partner = 'Russia' AND data_source = 'reporter') AS by_name,
       (SELECT count(*) FROM import_dependency WHERE reporter = 'United States' AND partner = 'RU' AND data_source = 'reporter') AS us_from_russia,
       (SELECT count(*) FROM trade_flow WHERE iso3(partner) = 'RUS' AND flow = 'M' AND NOT synthetic) AS independent;
-- import_reliance: the United States' rows
SELECT (SELECT count(*) FROM import_reliance WHERE country = 'United States') AS by_name,
       (SELECT count(*) FROM import_reliance WHERE iso3(country) = 'USA') AS by_code;
-- crma_benchmarks: China the largest third-country supplier of Germany's imports
SELECT largest_supplier, largest_supplier_name, largest_supplier_t
FROM crma_benchmarks WHERE largest_supplier = 'China' AND year = 2022;
SELECT 4000 * reo_content('284690', 'central') / 1000 AS by_hand_t_reo;

-- a misspelling is an error naming what it could not read, in every view
SELECT error_of(format('SELECT count(*) FROM rareearth.%I WHERE %I = %L', view_name, column_name, 'Rusia')) AS misspelt
FROM store_view_country_columns() ORDER BY view_name, column_name;
-- a code, a name, alpha-2 and the number find the same rows
SELECT count(DISTINCT n) AS distinct_counts FROM (
  SELECT count(*) FILTER (WHERE country = 'RUS') FROM supply_share
  UNION ALL SELECT count(*) FILTER (WHERE country = 'russian federation') FROM supply_share
  UNION ALL SELECT count(*) FILTER (WHERE country = 'RU') FROM supply_share
  UNION ALL SELECT count(*) FILTER (WHERE country = '643') FROM supply_share) s (n);
-- queries written when the columns were ISO3 text keep their answer: a
-- country compared with text reads the text as a country (iso3() of a name,
-- a join on a column of codes); a text that names no country is 22P02
SELECT (SELECT count(*) FROM supply_share WHERE country = iso3('Russia'))
     = (SELECT count(*) FROM supply_share WHERE country = 'Russia') AS iso3_text_ok,
       (SELECT count(*) FROM supply_share s JOIN (VALUES ('RUS'), ('CHN')) c (code) ON s.country = c.code)
     = (SELECT count(*) FROM supply_share WHERE country IN ('Russia', 'China')) AS join_on_codes_ok,
       (SELECT count(*) FROM supply_share WHERE country <> 'RUS'::text)
     = (SELECT count(*) FROM supply_share WHERE NOT country = 'Russia') AS text_ne_ok,
       error_of($$SELECT count(*) FROM supply_share WHERE country = 'Rusia'::text$$) AS misspelt_text;
ROLLBACK;
