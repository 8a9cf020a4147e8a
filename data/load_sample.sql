-- Loads the shipped public sample data (data/README.md) into the data store
-- (created first if missing): USGS production (MCS editions, Minerals Yearbook 2022, Data Series
-- 140 world series), USGS reserves, the stated Russian targets and national
-- reserve estimate (reported statements, with their sources), and World
-- Bank WGI governance.  Run from the repository root with psql:
--   psql -f data/load_sample.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- the data store (rareearth.create_store), unless this database has one
DO $$ BEGIN
	IF pg_catalog.to_regclass('rareearth.trade_flow') IS NULL THEN PERFORM rareearth.create_store(); END IF;
END $$;

CREATE TEMP TABLE sample_production (country text, iso3 text, year int, value_t_reo float8,
                                     qualifier text, edition text, source text);
\copy sample_production FROM 'data/usgs/usgs_rare_earths_production.csv' CSV HEADER
CREATE TEMP TABLE sample_myb (country text, iso3 text, year int, value_t_reo float8,
                              qualifier text, revised bool, edition text, source text);
\copy sample_myb FROM 'data/usgs/usgs_myb2022_rare_earths_production.csv' CSV HEADER
CREATE TEMP TABLE sample_ds140 (year int, geography text, iso3 text, metric text, value_t_reo float8,
                                qualifier text, unit text, source text);
\copy sample_ds140 FROM 'data/usgs/usgs_ds140_rare_earths.csv' CSV HEADER
CREATE TEMP TABLE sample_reserves (country text, iso3 text, value_t_reo float8,
                                   qualifier text, edition text, source text);
\copy sample_reserves FROM 'data/usgs/usgs_rare_earths_reserves.csv' CSV HEADER
CREATE TEMP TABLE sample_wgi (country text, iso3 text, year int, va float8, pv float8, ge float8,
                              rq float8, rl float8, cc float8, source text);
\copy sample_wgi FROM 'data/other/wgi_sample.csv' CSV HEADER

-- USGS "Other countries" (no ISO code) is stored as XAN, "areas not elsewhere specified"
INSERT INTO rareearth.production (country, year, quantity_t, qualifier, series, edition, source)
SELECT coalesce(nullif(iso3, ''), 'XAN')::rareearth.country, year, value_t_reo, nullif(qualifier, ''),
       'MCS', edition, source
FROM sample_production;
INSERT INTO rareearth.production (country, year, quantity_t, qualifier, series, edition, source)
SELECT coalesce(nullif(iso3, ''), 'XAN')::rareearth.country, year, value_t_reo, nullif(qualifier, ''),
       'MYB', edition, source
FROM sample_myb;
INSERT INTO rareearth.production (country, year, quantity_t, qualifier, series, edition, source)
SELECT iso3::rareearth.country, year, value_t_reo, nullif(qualifier, ''), 'DS140', 'DS140', source
FROM sample_ds140 WHERE metric = 'production';

-- an MCS edition's reserves are as of its cover year minus one
INSERT INTO rareearth.reserves (country, as_of_year, quantity_t, qualifier, series, edition, source)
SELECT coalesce(nullif(iso3, ''), 'XAN')::rareearth.country, substr(edition, 4)::int - 1, value_t_reo,
       nullif(qualifier, ''), 'MCS', edition, source
FROM sample_reserves;
\copy rareearth.reserves (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source) FROM 'data/russia_reserves_statement.csv' CSV HEADER
\copy rareearth.targets FROM 'data/russia_targets.csv' CSV HEADER

-- WGI: the six estimates, their mean and that mean on the EU CRM 0-10 scale
-- (the GeoPolRisk score (2.5 - pv) / 5 is a generated column)
INSERT INTO rareearth.governance (country, year, wgi_mean, wgi_scaled, source, va, pv, ge, rq, rl, cc)
SELECT iso3::rareearth.country, year, m, rareearth.wgi_to_crm_scale(m), source, va, pv, ge, rq, rl, cc
FROM (SELECT *, (va + pv + ge + rq + rl + cc) / 6 AS m FROM sample_wgi) w;

-- USGS's printed US salient statistics (both net-import-reliance series,
-- production by stage, trade, consumption), by edition, as published
CREATE TEMP TABLE sample_salient (statistic text, year int, value float8, unit text, qualifier text,
                                  edition text, source text, estimated bool);
\copy sample_salient FROM 'data/usgs/usgs_us_salient_statistics.csv' CSV HEADER
INSERT INTO rareearth.published_statistic (country, statistic, year, value, unit, qualifier, estimated, edition, source)
SELECT 'USA', statistic, year, value, unit, nullif(qualifier, ''), estimated, edition, source
FROM sample_salient
ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
	SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
	    estimated = excluded.estimated, source = excluded.source;
