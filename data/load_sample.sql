-- Loads the shipped public sample data (data/README.md) into the data store
-- (created first if missing): USGS production (MCS editions, Minerals Yearbook 2022, Data Series
-- 140 world series), USGS reserves, the stated Russian targets and national
-- reserve estimate (reported statements, with their sources), and World
-- Bank WGI governance.  Run from the repository root with psql:
--   psql -f data/load_sample.sql
-- Idempotent, like the loaders: every row is inserted by its natural key (the
-- store's primary keys, src/sql/install/52_store.sql), and a row already there
-- is updated to the shipped values, so a second run changes nothing and a
-- corrected sample file replaces its rows.  One transaction: a failed run
-- leaves the store as it was.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
BEGIN;
-- the data store (rareearth.create_store), unless this database has one
DO $$ BEGIN
	IF pg_catalog.to_regclass('rareearth.trade_flow') IS NULL THEN PERFORM rareearth.create_store(); END IF;
END $$;

CREATE TEMP TABLE sample_production (country text, iso3 text, year int, value_t_reo float8,
                                     qualifier text, edition text, source text) ON COMMIT DROP;
\copy sample_production FROM 'data/usgs/usgs_rare_earths_production.csv' CSV HEADER
CREATE TEMP TABLE sample_myb (country text, iso3 text, year int, value_t_reo float8,
                              qualifier text, revised bool, edition text, source text) ON COMMIT DROP;
\copy sample_myb FROM 'data/usgs/usgs_myb2022_rare_earths_production.csv' CSV HEADER
CREATE TEMP TABLE sample_ds140 (year int, geography text, iso3 text, metric text, value_t_reo float8,
                                qualifier text, unit text, source text) ON COMMIT DROP;
\copy sample_ds140 FROM 'data/usgs/usgs_ds140_rare_earths.csv' CSV HEADER
CREATE TEMP TABLE sample_reserves (country text, iso3 text, value_t_reo float8,
                                   qualifier text, edition text, source text) ON COMMIT DROP;
\copy sample_reserves FROM 'data/usgs/usgs_rare_earths_reserves.csv' CSV HEADER
CREATE TEMP TABLE sample_national_reserves (LIKE rareearth.reserves INCLUDING DEFAULTS) ON COMMIT DROP;
\copy sample_national_reserves (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source) FROM 'data/russia_reserves_statement.csv' CSV HEADER
CREATE TEMP TABLE sample_targets (LIKE rareearth.targets INCLUDING DEFAULTS) ON COMMIT DROP;
\copy sample_targets (country, commodity, metric, unit, base_year, base_value, target_year, target_value, source, statement) FROM 'data/russia_targets.csv' CSV HEADER
CREATE TEMP TABLE sample_wgi (country text, iso3 text, year int, va float8, pv float8, ge float8,
                              rq float8, rl float8, cc float8, source text) ON COMMIT DROP;
\copy sample_wgi FROM 'data/other/wgi_sample.csv' CSV HEADER

-- production: key (country, year, commodity, stage, edition); the MCS, MYB
-- and DS140 series have editions of their own, so they never collide.
-- USGS "Other countries" (no ISO code) is stored as XAN, "areas not elsewhere specified"
INSERT INTO rareearth.production AS p (country, year, quantity_t, qualifier, series, edition, source)
SELECT coalesce(nullif(iso3, ''), 'XAN')::rareearth.country, year, value_t_reo, nullif(qualifier, ''),
       'MCS', edition, source
FROM sample_production
UNION ALL
SELECT coalesce(nullif(iso3, ''), 'XAN')::rareearth.country, year, value_t_reo, nullif(qualifier, ''),
       'MYB', edition, source
FROM sample_myb
UNION ALL
SELECT iso3::rareearth.country, year, value_t_reo, nullif(qualifier, ''), 'DS140', 'DS140', source
FROM sample_ds140 WHERE metric = 'production'
ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
SET quantity_t = EXCLUDED.quantity_t, qualifier = EXCLUDED.qualifier, series = EXCLUDED.series, source = EXCLUDED.source
WHERE (p.quantity_t, p.qualifier, p.series, p.source)
      IS DISTINCT FROM (EXCLUDED.quantity_t, EXCLUDED.qualifier, EXCLUDED.series, EXCLUDED.source);

-- reserves: key (country, commodity, edition); an MCS edition's reserves are
-- as of its cover year minus one; the national estimate is a statement of
-- its own (series national)
INSERT INTO rareearth.reserves AS r (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source)
SELECT coalesce(nullif(iso3, ''), 'XAN')::rareearth.country, 'rare earths', substr(edition, 4)::int - 1, value_t_reo,
       nullif(qualifier, ''), 'MCS', edition, source
FROM sample_reserves
UNION ALL
SELECT country, commodity, as_of_year, quantity_t, qualifier, series, edition, source
FROM sample_national_reserves
ON CONFLICT (country, commodity, edition) DO UPDATE
SET as_of_year = EXCLUDED.as_of_year, quantity_t = EXCLUDED.quantity_t, qualifier = EXCLUDED.qualifier,
    series = EXCLUDED.series, source = EXCLUDED.source
WHERE (r.as_of_year, r.quantity_t, r.qualifier, r.series, r.source)
      IS DISTINCT FROM (EXCLUDED.as_of_year, EXCLUDED.quantity_t, EXCLUDED.qualifier, EXCLUDED.series, EXCLUDED.source);

-- targets: key (country, commodity, metric, target_year)
INSERT INTO rareearth.targets AS t
SELECT * FROM sample_targets
ON CONFLICT (country, commodity, metric, target_year) DO UPDATE
SET unit = EXCLUDED.unit, base_year = EXCLUDED.base_year, base_value = EXCLUDED.base_value,
    target_value = EXCLUDED.target_value, source = EXCLUDED.source, statement = EXCLUDED.statement
WHERE (t.unit, t.base_year, t.base_value, t.target_value, t.source, t.statement)
      IS DISTINCT FROM (EXCLUDED.unit, EXCLUDED.base_year, EXCLUDED.base_value, EXCLUDED.target_value,
                        EXCLUDED.source, EXCLUDED.statement);

-- WGI: the six estimates, their mean and that mean on the EU CRM 0-10 scale
-- (the GeoPolRisk score (2.5 - pv) / 5 is a generated column); key (country, year)
INSERT INTO rareearth.governance AS g (country, year, wgi_mean, wgi_scaled, source, va, pv, ge, rq, rl, cc)
SELECT iso3::rareearth.country, year, m, rareearth.wgi_to_crm_scale(m), source, va, pv, ge, rq, rl, cc
FROM (SELECT *, (va + pv + ge + rq + rl + cc) / 6 AS m FROM sample_wgi) w
ON CONFLICT (country, year) DO UPDATE
SET wgi_mean = EXCLUDED.wgi_mean, wgi_scaled = EXCLUDED.wgi_scaled, source = EXCLUDED.source,
    va = EXCLUDED.va, pv = EXCLUDED.pv, ge = EXCLUDED.ge, rq = EXCLUDED.rq, rl = EXCLUDED.rl, cc = EXCLUDED.cc
WHERE (g.wgi_mean, g.wgi_scaled, g.source, g.va, g.pv, g.ge, g.rq, g.rl, g.cc)
      IS DISTINCT FROM (EXCLUDED.wgi_mean, EXCLUDED.wgi_scaled, EXCLUDED.source,
                        EXCLUDED.va, EXCLUDED.pv, EXCLUDED.ge, EXCLUDED.rq, EXCLUDED.rl, EXCLUDED.cc);

-- USGS's printed US salient statistics (both net-import-reliance series,
-- production by stage, trade, consumption), by edition, as published;
-- key (country, commodity, statistic, year, edition)
CREATE TEMP TABLE sample_salient (statistic text, year int, value float8, unit text, qualifier text,
                                  edition text, source text, estimated bool) ON COMMIT DROP;
\copy sample_salient FROM 'data/usgs/usgs_us_salient_statistics.csv' CSV HEADER
INSERT INTO rareearth.published_statistic AS s (country, statistic, year, value, unit, qualifier, estimated, edition, source)
SELECT 'USA', statistic, year, value, unit, nullif(qualifier, ''), estimated, edition, source
FROM sample_salient
ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
SET value = EXCLUDED.value, unit = EXCLUDED.unit, qualifier = EXCLUDED.qualifier,
    estimated = EXCLUDED.estimated, source = EXCLUDED.source
WHERE (s.value, s.unit, s.qualifier, s.estimated, s.source)
      IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.unit, EXCLUDED.qualifier, EXCLUDED.estimated, EXCLUDED.source);

-- USGS's published corrections of posted editions (MCS2026 version 1.3:
-- rare-earth reserves of Brazil and the world total); applied on top of
-- loaded rows by production_corrected / reserves_corrected
CREATE TEMP TABLE sample_corrections (LIKE rareearth.published_correction) ON COMMIT DROP;
\copy sample_corrections FROM 'data/usgs/usgs_mcs_corrections.csv' CSV HEADER
INSERT INTO rareearth.published_correction AS c SELECT * FROM sample_corrections
ON CONFLICT (edition, version, commodity, country, statistic, year) DO UPDATE
SET old_value = EXCLUDED.old_value, old_qualifier = EXCLUDED.old_qualifier, new_value = EXCLUDED.new_value,
    new_qualifier = EXCLUDED.new_qualifier, wording = EXCLUDED.wording, source = EXCLUDED.source
WHERE (c.old_value, c.old_qualifier, c.new_value, c.new_qualifier, c.wording, c.source)
      IS DISTINCT FROM (EXCLUDED.old_value, EXCLUDED.old_qualifier, EXCLUDED.new_value, EXCLUDED.new_qualifier,
                        EXCLUDED.wording, EXCLUDED.source);
COMMIT;
