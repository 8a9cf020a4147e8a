-- The README's worked example: world rare-earth mine production shares and
-- their concentration, from the shipped USGS Mineral Commodity Summaries
-- sample (latest edition per country and year).
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS rareearth;
SET search_path = rareearth, public;

CREATE TEMP TABLE mcs_production (country text, iso3 text, year int, value_t_reo float8,
                                  qualifier text, edition text, source text);
\copy mcs_production FROM 'data/usgs/usgs_rare_earths_production.csv' CSV HEADER

-- latest edition wins for each (country, year)
CREATE TEMP VIEW latest AS
SELECT DISTINCT ON (country, year) country, year, value_t_reo, qualifier, edition
FROM mcs_production
WHERE value_t_reo IS NOT NULL
ORDER BY country, year, edition DESC;

\echo
\echo '== World mine production of rare earths: concentration by year (USGS MCS, latest edition)'
SELECT s.year,
       round(total(m))                              AS countries_t,
       w.value_t_reo                                AS world_printed_t,
       round(hhi(m))                                AS hhi,
       concentration_class(m)                       AS class_2010,
       round((share(m, 'China') * 100)::numeric, 1) AS china_pct,
       round((cr(m, 3) * 100)::numeric, 1)          AS cr3_pct,
       round(equivalent_suppliers(m)::numeric, 2)   AS equivalent_suppliers,
       dominant_supplier(m)                         AS dominant
FROM (SELECT year, supply_mix(country, value_t_reo) m FROM latest WHERE country <> 'World' GROUP BY year) s
LEFT JOIN latest w ON w.country = 'World' AND w.year = s.year
ORDER BY s.year;

\echo
\echo '== Top five producers, 2024 (MCS2026)'
SELECT t.rank, t.supplier AS country, t.quantity AS tonnes, round((t.share * 100)::numeric, 1) AS share_pct
FROM (SELECT supply_mix(country, value_t_reo) m FROM latest WHERE country <> 'World' AND year = 2024) s,
     top_suppliers(m, 5) t;

\echo
\echo '== Revisions matter: 2024 as printed in MCS2025 and in MCS2026'
SELECT edition, round(hhi(m)) AS hhi, round((share(m, 'China') * 100)::numeric, 1) AS china_pct,
       quantity(m, 'Australia') AS australia_t
FROM (SELECT edition, supply_mix(country, value_t_reo) m FROM mcs_production
      WHERE country <> 'World' AND year = 2024 GROUP BY edition) s
ORDER BY edition;
