-- Country groups by year (country_groups, in_group, group_share) and
-- multi-year windows (rollup over the years of a window).  Each against
-- eu_member, a hand computation or plain SQL; errors with their SQLSTATE.
\set VERBOSITY terse

-- the shipped groups, each row with a source
SELECT group_name, count(*) AS members_ever, min(from_year) AS first_year,
       count(*) FILTER (WHERE to_year IS NOT NULL) AS left, bool_and(source <> '') AS sourced
FROM country_groups GROUP BY group_name ORDER BY group_name;
-- the EU group is eu_member, for every country of the table and every year
-- 1950-2030 (the United Kingdom a member on 31 December 2019, not 2020)
SELECT count(*) AS country_years,
       bool_and(in_group(c, 'EU', y) = eu_member(c, y)) AS eu_group_is_eu_member,
       in_group('GBR', 'EU', 2019) AND NOT in_group('GBR', 'EU', 2020) AS uk_leaves_2020,
       in_group('HRV', 'EU', 2013) AND NOT in_group('HRV', 'EU', 2012) AS croatia_2013
FROM (SELECT DISTINCT country AS c FROM country_groups) cs, generate_series(1950, 2030) y;
-- the G7, the OECD and BRICS at a few dates
SELECT (SELECT count(*) FROM group_members('OECD', 2024)) AS oecd_2024,
       (SELECT count(*) FROM group_members('OECD', 1961)) AS oecd_by_1961,
       (SELECT string_agg(iso3(c), ' ' ORDER BY c) FROM group_members('G7', 1975) m (c)) AS g7_1975,
       (SELECT string_agg(iso3(c), ' ' ORDER BY c) FROM group_members('BRICS', 2025) m (c)) AS brics_2025,
       in_group('CAN', 'G7', 1976) AND NOT in_group('CAN', 'G7', 1975) AS canada_1976,
       NOT in_group('RUS', 'G7', 2000) AS russia_not_g7,
       in_group('ZAF', 'BRICS', 2010) AND NOT in_group('EGY', 'BRICS', 2023) AND in_group('EGY', 'BRICS', 2024) AS brics_enlarged,
       NOT in_group('USA', 'EU', 2020) AS usa_not_eu,
       in_group(NULL, 'EU', 2020) IS NULL AS null_country;

-- group_share, by hand: A-land 50, CHN 30, USA 15, DEU 5 -> OECD (USA,
-- DEU) 20 / 100; G7 the same; BRICS (CHN) 0.3; EU (DEU) 0.05
SELECT group_share(m, 'OECD', 2020) = 0.2 AS oecd_hand, group_share(m, 'G7', 2020) = 0.2 AS g7_hand,
       group_share(m, 'BRICS', 2020) = 0.3 AS brics_hand, group_share(m, 'EU', 2020) = 0.05 AS eu_hand,
       group_share(m, 'BRICS', 2005) = 0 AS no_member_yet,
       group_share('{"CHN": 0}', 'BRICS', 2020) IS NULL AS zero_total_null,
       group_share(NULL, 'EU', 2020) IS NULL AS null_mix
FROM (SELECT '{"XXA": 50, "CHN": 30, "USA": 15, "DEU": 5}'::supply_mix AS m) s;
-- the UK's production counts in the EU's share in 2019, not in 2020
SELECT group_share('{"GBR": 1, "FRA": 1, "USA": 2}', 'EU', 2019) = 0.5 AS uk_in_2019,
       group_share('{"GBR": 1, "FRA": 1, "USA": 2}', 'EU', 2020) = 0.25 AS uk_out_2020;
-- a group of one's own, as rows
INSERT INTO country_groups VALUES ('allies', 'AUS', 2000, NULL, 'test'), ('allies', 'JPN', 2000, 2009, 'test');
SELECT group_share('{"AUS": 1, "JPN": 1, "CHN": 2}', 'allies', 2005) = 0.5 AS own_group_2005,
       group_share('{"AUS": 1, "JPN": 1, "CHN": 2}', 'allies', 2010) = 0.25 AS own_group_2010;
DELETE FROM country_groups WHERE group_name = 'allies';

-- errors
SELECT error_of($$SELECT in_group('USA', 'NATO', 2020)$$) AS unknown_group;
SELECT error_of($$SELECT group_share('{"USA": 1}', 'G8', 2020)$$) AS unknown_group_share;
SELECT error_of($$SELECT group_members('', 2020)$$) AS unknown_group_members;
SELECT error_of($$INSERT INTO country_groups VALUES ('x', 'USA', 2020, 2019, 'test')$$) AS to_before_from;
SELECT error_of($$INSERT INTO country_groups VALUES ('x', 'USA', 1800, NULL, 'test')$$) AS year_out_of_range;

-- ---------------------------------------------------------------------------
-- Multi-year windows on the shipped sample (rolled back afterwards): the EU
-- CRM's five-year basis sums the yearly mixes with rollup; HHI is
-- scale-free, so the summed mix has the HHI of the mean mix
-- (data/load_sample.sql runs in its own transaction)
\set QUIET on
\set ECHO none
\i data/load_sample.sql
\set ECHO all
\set QUIET off
SET client_min_messages = notice;
CREATE TEMP TABLE yearly AS
SELECT year, supply_mix(iso3(country), quantity_t) AS m
FROM production_latest WHERE commodity = 'rare earths' AND stage = 'mining' AND quantity_t IS NOT NULL
GROUP BY year;
CREATE TEMP TABLE window_mix AS SELECT rollup(m) AS m FROM yearly WHERE year BETWEEN 2020 AND 2024;
WITH mean_mix AS (
  SELECT iso3(country) AS k, sum(quantity_t) / 5 AS q FROM production_latest
  WHERE commodity = 'rare earths' AND stage = 'mining' AND quantity_t IS NOT NULL AND year BETWEEN 2020 AND 2024
  GROUP BY 1)
SELECT (SELECT count(*) FROM yearly WHERE year BETWEEN 2020 AND 2024) AS years,
       abs(hhi(w.m) - (SELECT sum((q / (SELECT sum(q) FROM mean_mix)) ^ 2) * 10000 FROM mean_mix)) < 1e-9 AS hhi_of_mean_mix,
       abs(total(w.m) - (SELECT sum(q) * 5 FROM mean_mix)) < 1e-6 AS total_of_window,
       abs(hhi(w.m) - (SELECT avg(hhi(m)) FROM yearly WHERE year BETWEEN 2020 AND 2024)) > 1 AS not_the_mean_of_yearly_hhi
FROM window_mix w;
-- supply_concentration-style output over the window, with the allied
-- share: figures against plain SQL
SELECT round(hhi(m)) AS hhi, round(cr(m, 1)::numeric, 4) AS cr1, round(cr(m, 3)::numeric, 4) AS cr3,
       round(equivalent_suppliers(m)::numeric, 2) AS equivalent_suppliers, concentration_class(m) AS class,
       dominant_supplier(m) AS dominant, round(group_share(m, 'OECD', 2024)::numeric, 4) AS oecd_share_2024
FROM window_mix;
WITH w AS (SELECT iso3(country) AS k, sum(quantity_t) AS q FROM production_latest
           WHERE commodity = 'rare earths' AND stage = 'mining' AND quantity_t IS NOT NULL AND year BETWEEN 2020 AND 2024
           GROUP BY 1)
SELECT abs(group_share(m, 'OECD', 2024)
           - (SELECT sum(q) FILTER (WHERE k IN (SELECT iso3(country) FROM country_groups
                                                WHERE group_name = 'OECD' AND from_year <= 2024)) / sum(q) FROM w)) < 1e-12
         AS oecd_share_sql,
       abs(cr(m, 1) - (SELECT max(q) / sum(q) FROM w)) < 1e-12 AS cr1_sql
FROM window_mix;
-- the sample is removed again, so that later tests start from an empty store
DELETE FROM production; DELETE FROM reserves; DELETE FROM targets; DELETE FROM governance;
DELETE FROM published_statistic; DELETE FROM trade_flow; DELETE FROM trade_reported_total;
