-- The case study behind `make demo`: rare-earth supply concentration and
-- Russia's stated targets, reproduced from the shipped public data only
-- (USGS Mineral Commodity Summaries; the Russian figures are reported
-- statements, labelled with their sources).  Writes CSV files for the
-- charts into demo-out/ (tools/demo draws them with gnuplot).
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS rareearth;
SET search_path = rareearth, public;
\i data/load_sample.sql
\pset footer off

\echo
\echo '== 1. World mine production of rare earths: concentration by year (USGS MCS, latest edition per year)'
SELECT year, round(listed_total_t) AS countries_t, world_total_t AS world_printed_t,
       round(hhi) AS hhi, concentration_class AS class_2010,
       round((cr1 * 100)::numeric, 1) AS china_pct, round((cr3 * 100)::numeric, 1) AS cr3_pct,
       round(equivalent_suppliers::numeric, 2) AS equivalent_suppliers, dominant_supplier AS dominant
FROM supply_concentration WHERE stage = 'mining' ORDER BY year;

\echo
\echo '== 2. Largest producers, 2024 and 2025 (MCS2026)'
SELECT year, rank, country, country_name, production_t, round((share * 100)::numeric, 1) AS share_pct
FROM supply_share WHERE year IN (2024, 2025) AND rank <= 5 ORDER BY year, rank;

\echo
\echo '== 3. Revisions matter: 2024 as printed in MCS2025 and in MCS2026'
SELECT edition, round(hhi(m)) AS hhi, round((share(m, 'CHN') * 100)::numeric, 1) AS china_pct,
       quantity(m, 'AUS') AS australia_t
FROM (SELECT edition, supply_mix(iso3(country), quantity_t) m FROM production
      WHERE series = 'MCS' AND year = 2024 AND country <> 'WLD' GROUP BY edition) s
ORDER BY edition;

\echo
\echo '== 4. China''s share over a longer span: Minerals Yearbook 2022 series (2018-2022, its own world total)'
SELECT p.year, p.quantity_t AS china_t, w.quantity_t AS world_t,
       round((p.quantity_t / w.quantity_t * 100)::numeric, 1) AS china_pct_of_world, p.edition
FROM production p JOIN production w ON w.year = p.year AND w.edition = p.edition AND w.country = 'WLD'
WHERE p.country = 'CHN' AND p.series = 'MYB' ORDER BY p.year;

\echo
\echo '== 5. Russia: production, reserves, development rate and reserve life (USGS MCS)'
SELECT year, production_t, production_edition, reserves_t, reserves_edition,
       round((development_rate * 100)::numeric, 3) AS development_pct_per_year,
       round(reserve_life_years) AS reserve_life_years
FROM development WHERE country = 'RUS' ORDER BY year;

\echo
\echo '== 6. Russia''s reserves: USGS against the national estimate (different definitions; sources as stated)'
SELECT edition, series, as_of_year, quantity_t AS reserves_t,
       round((quantity_t / (SELECT production_t FROM development WHERE country = 'RUS' AND year = 2025))::numeric) AS years_at_2025_output,
       source
FROM reserves WHERE country = 'RUS' ORDER BY series DESC, edition;

\echo
\echo '== 7. The stated target: 50,000 t a year by 2030 (reported statement)'
SELECT metric, base_value, target_year, target_value, latest_year, latest_value,
       round((required_cagr * 100)::numeric, 1) AS required_growth_pct_per_year,
       round((trend_rate * 100)::numeric, 1) AS trend_pct_per_year, trend_from_year,
       round(projected_value) AS projected_2030_t, on_track, sparkline AS actual_2020_2025, source
FROM target_tracking WHERE country = 'RUS';
SELECT metric, base_value, target_year, target_value, unit, source
FROM targets WHERE country = 'RUS' AND metric <> 'production';

\echo
\echo '== 8. The target path: what the required growth means year by year'
CREATE TEMP VIEW russia_path AS
SELECT p.year, 'target path' AS series, p.value AS t_reo
FROM target_tracking t, target_path(t.latest_year, t.latest_value, t.target_year, t.target_value) p
WHERE t.country = 'RUS'
UNION ALL
SELECT y, 'trend', project(s.series, y)
FROM (SELECT trajectory(year, production_t) AS series FROM development WHERE country = 'RUS') s,
     generate_series(2020, 2030) y
UNION ALL
SELECT year, 'actual', production_t FROM development WHERE country = 'RUS';
SELECT year, round(t_reo) AS target_path_t FROM russia_path WHERE series = 'target path' ORDER BY year;

\echo
\echo '== 9. The roadmap''s figures, reproduced from the shipped data'
-- fold change to the target, and the growth it requires from each base
-- year, the year named: (target / output in the base year)^(1 / years) - 1
-- (required_cagr of the USGS series up to the base year)
SELECT round((g.target_value / g.base_value)::numeric, 1) AS fold_change_to_target,
       g.base_value AS stated_base_t, g.target_value AS target_t, g.target_year
FROM targets g WHERE g.country = 'RUS' AND g.metric = 'production';
SELECT p.year AS base_year, p.production_t AS base_t, p.production_edition AS usgs_edition, g.target_year,
       round((required_cagr(s.series, g.target_value, g.target_year) * 100)::numeric, 1) AS required_growth_pct_per_year
FROM targets g
JOIN development p ON p.country = iso3(g.country) AND p.year IN (2024, 2025)
CROSS JOIN LATERAL (SELECT trajectory(d.year, d.production_t) AS series
                    FROM development d WHERE d.country = 'RUS' AND d.year <= p.year) s
WHERE g.country = 'RUS' AND g.metric = 'production'
ORDER BY p.year;
SELECT year, round((share * 100)::numeric, 1) AS china_share_of_listed_pct
FROM supply_share WHERE country = 'CHN' AND year = (SELECT max(year) FROM supply_share);
\echo 'Not computable from the shipped data, and why:'
\echo ' - The roadmap''s reported "development rate below 2%" is not annual output / reserves: USGS figures put that near 0.07% a year (section 5).'
\echo ' - No shipped data measures the share of Russia''s reserves that is under development.'
\echo ' - Russia''s 75% import share of needs needs Russian customs data, withheld since 2022; mirror trade from partners (import_dependency, data source mirror) estimates it once UN Comtrade data is loaded.'

\echo
\echo '== Import dependency: the project ships no UN Comtrade data (its terms forbid redistribution),'
\echo '   so import_dependency and import_reliance are empty here.  With a download:'
\echo '     SELECT rareearth.stage(''comtrade'');   -- this session''s staging table'
\echo '     \\copy pg_temp.comtrade_raw FROM ''file.csv'' WITH (FORMAT csv, HEADER match)'
\echo '     SELECT * FROM rareearth.load_comtrade();   -- rows loaded, rejected, set aside as totals'
\echo '     SELECT * FROM rareearth.import_dependency WHERE reporter = ''CHN'' AND partner = ''RUS'';'
SELECT count(*) AS import_dependency_rows FROM import_dependency;

-- CSV files for the charts and for spreadsheets
\o /dev/null
\copy (SELECT year, max(share) FILTER (WHERE country = 'CHN') AS "China", max(share) FILTER (WHERE country = 'USA') AS "United States", max(share) FILTER (WHERE country = 'MMR') AS "Myanmar", max(share) FILTER (WHERE country = 'AUS') AS "Australia", max(share) FILTER (WHERE country = 'THA') AS "Thailand", max(share) FILTER (WHERE country = 'RUS') AS "Russia" FROM supply_share WHERE stage = 'mining' GROUP BY year ORDER BY year) TO 'demo-out/supply_shares.csv' CSV HEADER
\copy (SELECT year, hhi, cr1, cr3, equivalent_suppliers, concentration_class, coverage FROM supply_concentration ORDER BY year) TO 'demo-out/concentration.csv' CSV HEADER
\copy (SELECT year, max(t_reo) FILTER (WHERE series = 'actual') AS actual, max(t_reo) FILTER (WHERE series = 'target path') AS target_path, max(t_reo) FILTER (WHERE series = 'trend') AS trend FROM russia_path GROUP BY year ORDER BY year) TO 'demo-out/russia_path.csv' CSV HEADER
\copy (SELECT * FROM development WHERE country = 'RUS' ORDER BY year) TO 'demo-out/russia_development.csv' CSV HEADER
\copy (SELECT country, metric, target_year, target_value, latest_year, latest_value, required_cagr, trend_rate, projected_value, on_track, source FROM target_tracking) TO 'demo-out/target_tracking.csv' CSV HEADER
\o
