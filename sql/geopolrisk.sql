-- Country scores over a supply mix: weighted_score, GeoPolRisk
-- (geopolrisk-py, src/geopolrisk/assessment/core.py), hhi_wgi's
-- missing_score, and the governance scores of the store.  Each formula
-- against a hand computation and an independent plain-SQL computation; every
-- bad input with its SQLSTATE.
\set VERBOSITY terse

-- weighted_score = sum s_i x_i.  Hand: shares 3/4 and 1/4, scores 6 and 2:
-- 4.5 + 0.5 = 5; an unscored XAN at missing_score 4: (18 + 4) / 4 = 5.5
SELECT weighted_score('{"A": 3, "B": 1}', '{"A": 6, "B": 2}') = 5 AS hand,
       weighted_score('{"A": 3, "XAN": 1}', '{"A": 6}', 4) = 5.5 AS hand_missing,
       weighted_score('{"A": 3, "XAN": 1}', '{"A": 6, "XAN": 2}', 4) = 5 AS given_score_wins,
       weighted_score('{"A": 3, "Z": 0}', '{"A": 6}') = 6 AS zero_supplier_needs_no_score,
       weighted_score('{"A": 1}', '{"A": -7.5}') = -7.5 AS any_finite_scale,
       weighted_score('{}', '{}') IS NULL AS empty_mix_null,
       weighted_score('{"A": 0}', '{"A": 1}') IS NULL AS zero_total_null,
       weighted_score(NULL, '{}') IS NULL AS null_mix, weighted_score('{"A": 1}', NULL) IS NULL AS null_scores;

-- GeoPolRisk, hand-computed (geopolrisk-py core.py HHI, importrisk,
-- GeoPolRisk): world production A 3, B 1, C 0: HHI = (9 + 1) / 16 = 0.625;
-- C imports 6 from A (g 0.5) and 2 from B (g 0.25), produces nothing:
-- WTA = (3 + 0.5) / (8 + 0) = 0.4375; score = 0.2734375; price 10 USD/kg:
-- midpoint 2.734375, CF = 2.734375 / 0.409412948 = 6.678770208...
SELECT hhi = 0.625 AS hhi_hand, import_risk = 0.4375 AS wta_hand, score = 0.2734375 AS score_hand,
       midpoint = 2.734375 AS midpoint_hand, abs(cf - 2.734375 / 0.409412948) < 1e-15 AS cf_hand,
       round(cf::numeric, 6) AS cf
FROM geopolrisk('{"A": 3, "B": 1, "C": 0}', '{"A": 6, "B": 2}', 'C', '{"A": 0.5, "B": 0.25}', 10);
-- the importer's own production mitigates (Helbig et al. 2016): C produces
-- 4 of 8: HHI = (9 + 1 + 16) / 64; WTA = 3.5 / (8 + 4)
SELECT hhi = 26 / 64.0 AS hhi_hand, abs(import_risk - 3.5 / 12) < 1e-15 AS wta_with_own_production,
       abs(score - 26 / 64.0 * 3.5 / 12) < 1e-15 AS score_hand, midpoint IS NULL AND cf IS NULL AS no_price_no_cf
FROM geopolrisk('{"A": 3, "B": 1, "C": 4}', '{"A": 6, "B": 2}', 'C', '{"A": 0.5, "B": 0.25}');
-- partners inside the economic unit score 0 and need no score
-- (utils.py aggregateTrade): C's re-imports from itself; the regional
-- variant, C and B one region, also sums the members' production
-- (main.py gprs_calc): WTA = 6 * 0.5 / (8 + 4 + 1)
SELECT (SELECT import_risk FROM geopolrisk('{"A": 3, "B": 1, "C": 4}', '{"A": 6, "C": 2}', 'C', '{"A": 0.5}'))
         = 3 / 12.0 AS own_reimports_score_0,
       (SELECT import_risk FROM geopolrisk('{"A": 3, "B": 1, "C": 4}', '{"A": 6, "B": 2}', 'C', '{"A": 0.5, "B": 0.9}',
                                           region => ARRAY['B', 'C', 'B']))
         = 3 / 13.0 AS region_members_score_0,
       (SELECT import_risk FROM geopolrisk('{"A": 3, "B": 1, "C": 4}', '{"A": 6, "B": 2}', 'C', '{"A": 0.5}',
                                           region => ARRAY['B', NULL]))
         = 3 / 13.0 AS null_member_skipped;
-- geopolrisk-py's 0.5 for an unscored partner, only when asked for
SELECT import_risk = (6 * 0.5 + 2 * 0.5) / 8 AS missing_score_used,
       (SELECT import_risk FROM geopolrisk('{"A": 1}', '{"A": 6, "B": 2}', 'C', '{"A": 0.5, "B": 0}', missing_score => 0.5))
         = 3 / 8.0 AS given_score_wins
FROM geopolrisk('{"A": 1}', '{"A": 6, "B": 2}', 'C', '{"A": 0.5}', missing_score => 0.5);
-- edge cases: no imports and no production: WTA 0 (core.py GeoPolRisk's
-- except branch); zero world production: no HHI, no score; price 0
SELECT (SELECT (import_risk, score) = (0::float8, 0::float8) FROM geopolrisk('{"A": 1}', '{}', 'C', '{}')) AS nothing_imported_0,
       (SELECT (import_risk, score) = (0::float8, 0::float8) FROM geopolrisk('{"A": 1}', '{"B": 0}', 'C', '{}')) AS zero_imports_need_no_score,
       (SELECT hhi IS NULL AND score IS NULL AND cf IS NULL AND import_risk = 0.5
        FROM geopolrisk('{"A": 0}', '{"B": 2}', 'C', '{"B": 0.5}', 3)) AS zero_world_production,
       (SELECT midpoint = 0 AND cf = 0 FROM geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": 0.5}', 0)) AS price_0,
       (SELECT hhi = 1 AND score = 0 FROM geopolrisk('{"C": 5}', '{"B": 2}', 'C', '{"B": 0}', 1)) AS stable_partner_0,
       (SELECT row(g.*) IS NULL FROM geopolrisk(NULL, '{}', 'C', '{}') g) AS null_production,
       (SELECT row(g.*) IS NULL FROM geopolrisk('{}', '{}', NULL, '{}') g) AS null_importer,
       (SELECT row(g.*) IS NULL FROM geopolrisk('{}', '{}', 'C', NULL) g) AS null_stability;
-- hhi is the 0-1 HHI, hhi(mix) / 10000, not hhi_normalized
SELECT abs(g.hhi - hhi(m) / 10000) < 1e-15 AS hhi_over_10000, g.hhi <> hhi_normalized(m) AS not_normalized
FROM (SELECT '{"A": 3, "B": 1, "C": 4}'::supply_mix m) s,
     geopolrisk(m, '{}', 'C', '{}') g;

-- against a plain-SQL GeoPolRisk over 40 pseudo-random cases: 6 producers,
-- 5 partners, one of them the importer, one of them a region member, one
-- unscored (missing_score 0.5), prices 0-20
SELECT setseed(0.12);
CREATE TEMP TABLE gpr_case AS SELECT c, round((random() * 20)::numeric, 2)::float8 AS price FROM generate_series(1, 40) c;
CREATE TEMP TABLE gpr_prod AS
SELECT c, k, CASE WHEN random() < 0.2 THEN 0 ELSE round((random() * 1000)::numeric, 1)::float8 END AS q
FROM gpr_case, unnest(ARRAY['P1', 'P2', 'P3', 'IMP', 'REG', 'Q1']) k;
CREATE TEMP TABLE gpr_imp AS
SELECT c, k, round((random() * 500)::numeric, 1)::float8 AS q,
       CASE WHEN k IN ('IMP', 'REG', 'NOS') THEN NULL ELSE random() END AS g
FROM gpr_case, unnest(ARRAY['P1', 'P2', 'IMP', 'REG', 'NOS']) k;
WITH plain AS (
  SELECT c.c, c.price,
         (SELECT sum(q * q) / sum(q) ^ 2 FROM gpr_prod p WHERE p.c = c.c) AS hhi,
         (SELECT sum(q * CASE WHEN k IN ('IMP', 'REG') THEN 0 ELSE coalesce(g, 0.5) END) FROM gpr_imp i WHERE i.c = c.c)
         / ((SELECT sum(q) FROM gpr_imp i WHERE i.c = c.c)
            + (SELECT sum(q) FROM gpr_prod p WHERE p.c = c.c AND k IN ('IMP', 'REG'))) AS wta
  FROM gpr_case c),
fn AS (
  SELECT c.c, g.*
  FROM gpr_case c,
       geopolrisk((SELECT supply_mix(k, q) FROM gpr_prod p WHERE p.c = c.c),
                  (SELECT supply_mix(k, q) FROM gpr_imp i WHERE i.c = c.c), 'IMP',
                  (SELECT jsonb_object_agg(k, g) FROM gpr_imp i WHERE i.c = c.c AND g IS NOT NULL),
                  c.price, 0.5, ARRAY['REG']) g)
SELECT count(*) AS cases,
       bool_and(abs(fn.hhi - plain.hhi) < 1e-12) AS hhi_sql,
       bool_and(abs(fn.import_risk - plain.wta) < 1e-12) AS wta_sql,
       bool_and(abs(fn.score - plain.hhi * plain.wta) < 1e-12) AS score_sql,
       bool_and(abs(fn.midpoint - plain.hhi * plain.wta * plain.price) < 1e-10) AS midpoint_sql,
       bool_and(abs(fn.cf - plain.hhi * plain.wta * plain.price / 0.409412948) < 1e-10) AS cf_sql,
       bool_and(fn.score BETWEEN 0 AND 1) AS score_0_1
FROM fn JOIN plain USING (c);

-- weighted_score against plain SQL over the same partners
SELECT count(*) AS cases,
       bool_and(abs(weighted_score(m, s, 0.5) - w) < 1e-12) AS weighted_sql
FROM (SELECT c, supply_mix(k, q) AS m, jsonb_object_agg(k, g) FILTER (WHERE g IS NOT NULL) AS s,
             sum(q * coalesce(g, 0.5)) / sum(q) AS w
      FROM gpr_imp GROUP BY c) x;

-- hhi_wgi's missing_score: USGS "Other countries" (XAN) at a given score.
-- Hand: shares 0.9 and 0.1, CHN 5.6, XAN 5: 0.81 * 5.6 + 0.01 * 5 = 4.586
SELECT abs(hhi_wgi('{"CHN": 9, "XAN": 1}', '{"CHN": 5.6}', NULL, 5) - 4.586) < 1e-12 AS hand_missing,
       hhi_wgi('{"CHN": 9, "XAN": 1}', '{"CHN": 5.6, "XAN": 2}', NULL, 5)
         = hhi_wgi('{"CHN": 9, "XAN": 1}', '{"CHN": 5.6, "XAN": 2}') AS given_score_wins,
       abs(hhi_wgi('{"CHN": 9, "XAN": 1}', '{"CHN": 5.6}', '{"CHN": 1.1}', 5) - (0.81 * 5.6 * 1.1 + 0.01 * 5)) < 1e-12
         AS with_trade_factors,
       error_of($$SELECT hhi_wgi('{"CHN": 9, "XAN": 1}', '{"CHN": 5.6}')$$) AS without_missing_score;

-- errors, each with its SQLSTATE
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": 1.2}')$$) AS score_above_1;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": -0.1}')$$) AS score_below_0;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": "x"}')$$) AS score_not_a_number;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2, "D": 1}', 'C', '{"B": 0.5}')$$) AS unscored_partner;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": 0.5}', -1)$$) AS negative_price;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": 0.5}', 'NaN')$$) AS nan_price;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{}', 1, 1.5)$$) AS missing_score_above_1;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '[0.5]')$$) AS stability_not_object;
SELECT error_of($$SELECT geopolrisk('{"A": 1}', '{"B": 2}', 'C', '{"B": 0.5}', region => '{{A},{B}}')$$) AS region_2d;
SELECT error_of($$SELECT weighted_score('{"A": 1, "B": 1}', '{"A": 2}')$$) AS weighted_unscored;
SELECT error_of($$SELECT weighted_score('{"A": 1}', '{"A": 2}', 'Infinity')$$) AS weighted_missing_infinite;
SELECT error_of($$SELECT weighted_score('{"A": 1}', '{"A": true}')$$) AS weighted_not_a_number;
SELECT error_of($$SELECT hhi_wgi('{"A": 1, "B": 1}', '{"A": 2}', NULL, 10.5)$$) AS hhi_wgi_missing_above_10;
SELECT error_of($$SELECT hhi_wgi('{"A": 1, "B": 1}', '{"A": 2}', NULL, 'NaN')$$) AS hhi_wgi_missing_nan;

-- ---------------------------------------------------------------------------
-- governance in the store, and governance_scores, on the shipped sample
-- (data/other/wgi_sample.csv: World Bank WGI 2024 update, 2019-2023);
-- removed afterwards so that the views test loads the same sample afresh
-- (data/load_sample.sql runs in its own transaction)
\set QUIET on
\set ECHO none
\i data/load_sample.sql
\set ECHO all
\set QUIET off
SET client_min_messages = notice;
CREATE TEMP TABLE wgi_csv (country text, iso3 text, year int, va float8, pv float8, ge float8,
  rq float8, rl float8, cc float8, source text);
\copy wgi_csv FROM 'data/other/wgi_sample.csv' WITH (FORMAT csv, HEADER true)
-- the six estimates as the file has them; the mean, the EU score and the
-- GeoPolRisk score derived from them
SELECT count(*) AS rows,
       bool_and((g.va, g.pv, g.ge, g.rq, g.rl, g.cc) = (w.va, w.pv, w.ge, w.rq, w.rl, w.cc)) AS six_estimates,
       bool_and(abs(g.wgi_mean - (w.va + w.pv + w.ge + w.rq + w.rl + w.cc) / 6) < 1e-12) AS mean_of_six,
       bool_and(abs(g.wgi_scaled - (2.5 - (w.va + w.pv + w.ge + w.rq + w.rl + w.cc) / 6) * 2) < 1e-12) AS eu_score,
       bool_and(abs(g.geopolrisk_score - (2.5 - w.pv) / 5) < 1e-15) AS geopolrisk_score,
       bool_and(g.source = w.source) AS attribution_kept
FROM governance g JOIN wgi_csv w ON iso3(g.country) = w.iso3 AND g.year = w.year;
-- governance_scores: each country's mean over the window, against plain SQL
SELECT (SELECT count(*) FROM jsonb_object_keys(governance_scores('geopolrisk', 2019, 2023))) AS countries,
       (SELECT bool_and(abs(s.value::float8 - p.m) < 1e-12)
        FROM jsonb_each(governance_scores('geopolrisk', 2019, 2023)) s
        JOIN (SELECT iso3, avg((2.5 - pv) / 5) AS m FROM wgi_csv GROUP BY iso3) p ON p.iso3 = s.key) AS geopolrisk_5y,
       (SELECT bool_and(abs(s.value::float8 - p.m) < 1e-12)
        FROM jsonb_each(governance_scores('eu', 2020, 2022)) s
        JOIN (SELECT iso3, avg((2.5 - (va + pv + ge + rq + rl + cc) / 6) * 2) AS m FROM wgi_csv
              WHERE year BETWEEN 2020 AND 2022 GROUP BY iso3) p ON p.iso3 = s.key) AS eu_3y,
       (SELECT bool_and(abs(s.value::float8 - w.cc) < 1e-15)
        FROM jsonb_each(governance_scores('cc', 2021, 2021)) s JOIN wgi_csv w ON w.iso3 = s.key AND w.year = 2021) AS one_estimate,
       governance_scores('eu', 1996, 2000) = '{}' AS no_years_empty,
       governance_scores(NULL, 2019, 2023) IS NULL AS null_indicator;
-- one hand-checked value: China's 2023 GeoPolRisk score, PV -0.51310 (WGI
-- 2024 update): (2.5 + 0.5130970478) / 5 = 0.6026194096
SELECT round((governance_scores('geopolrisk', 2023, 2023) ->> 'CHN')::numeric, 10) AS chn_2023;
SELECT error_of($$SELECT governance_scores('wgi', 2019, 2023)$$) AS unknown_indicator;
SELECT error_of($$SELECT governance_scores('eu', 2023, 2019)$$) AS years_reversed;

-- hhi_wgi over USGS's 2024 mine production (MCS2026, Other countries as
-- XAN) with the EU 2019-2023 scores: refused without missing_score, and
-- with it equal to plain SQL
SELECT error_of($$SELECT hhi_wgi((SELECT supply_mix(iso3(country), quantity_t) FROM production
                                     WHERE edition = 'MCS2026' AND year = 2024 AND country <> 'WLD'),
                                    governance_scores('eu', 2019, 2023))$$) AS xan_unscored;
WITH m AS (SELECT iso3(country) AS k, quantity_t AS q FROM production
           WHERE edition = 'MCS2026' AND year = 2024 AND country <> 'WLD' AND quantity_t IS NOT NULL),
s AS (SELECT key AS k, value::float8 AS v FROM jsonb_each(governance_scores('eu', 2019, 2023)))
SELECT abs(hhi_wgi((SELECT supply_mix(k, q) FROM m), governance_scores('eu', 2019, 2023), NULL, 10)
           - (SELECT sum((q / (SELECT sum(q) FROM m)) ^ 2 * coalesce(v, 10)) FROM m LEFT JOIN s USING (k))) < 1e-12
         AS hhi_wgi_xan_at_10;

-- Worked example with real figures: GeoPolRisk of rare earths for the
-- United States, 2023.
--   production: USGS MCS2025 world mine production 2023, t REO
--     (data/usgs/usgs_rare_earths_production.csv, edition MCS2025: China
--     255,000, Burma 43,000, USA 41,600, Australia 16,000, Nigeria 7,200,
--     Thailand 3,600, India 2,900, Russia 2,500, Madagascar 2,100, Other
--     countries 1,440 (XAN), Malaysia 310, Vietnam 300, Brazil 140);
--   P_USA = 41,600 t;
--   imports F: USGS MCS2025 US salient statistics 2023, compounds 8,920 +
--     metals 476 = 9,396 t REO (data/usgs/usgs_us_salient_statistics.csv);
--   partners: USGS MCS2025 import sources 2020-23, China 70%, Malaysia
--     13%, Japan 6%, Estonia 5%, Other 6% (data/usgs/usgs_us_import_sources.csv);
--   g: WGI 2023 Political Stability estimates (data/other/wgi_sample.csv):
--     China -0.5131 -> 0.6026, Malaysia 0.1685 -> 0.4663; Japan, Estonia
--     and Other are not in the sample: 0.5, the reference's missing score;
--   price: no shipped figure, so no midpoint and CF.
-- By hand: HHI = sum P^2 / 376,090^2 = 0.48745; WTA = 9,396 * (0.70 *
-- 0.60262 + 0.13 * 0.46630 + 0.17 * 0.5) / (9,396 + 41,600) = 0.10455;
-- score = 0.48745 * 0.10455 = 0.05096.  Rare-earth mine output (the
-- extraction stage) and imports of compounds and metals (processing) are
-- different stages, as in geopolrisk-py, which pairs World Mining Data mine
-- production with BACI trade of the mapped HS codes.
CREATE TEMP TABLE us_sources (k text, share float8);
INSERT INTO us_sources VALUES ('CHN', 0.70), ('MYS', 0.13), ('JPN', 0.06), ('EST', 0.05), ('XAN', 0.06);
CREATE TEMP TABLE us_2023 AS
SELECT g.*
FROM geopolrisk((SELECT supply_mix(iso3(country), quantity_t) FROM production
                 WHERE edition = 'MCS2025' AND year = 2023 AND country <> 'WLD'),
                (SELECT supply_mix(k, share * (8920 + 476)) FROM us_sources),
                'USA', governance_scores('geopolrisk', 2023, 2023), missing_score => 0.5) g;
SELECT round(hhi::numeric, 5) AS hhi, round(import_risk::numeric, 5) AS import_risk,
       round(score::numeric, 5) AS score, midpoint, cf
FROM us_2023;
WITH p AS (SELECT quantity_t AS q FROM production WHERE edition = 'MCS2025' AND year = 2023 AND country <> 'WLD'),
w AS (SELECT iso3 AS k, (2.5 - pv) / 5 AS g FROM wgi_csv WHERE year = 2023),
plain AS (
  SELECT (SELECT sum(q * q) / sum(q) ^ 2 FROM p) AS hhi,
         (SELECT sum(share * 9396 * coalesce(g, 0.5)) FROM us_sources LEFT JOIN w USING (k)) / (9396 + 41600) AS wta)
SELECT (SELECT sum(q) FROM p) AS world_t,
       abs(u.hhi - plain.hhi) < 1e-12 AS hhi_sql, abs(u.import_risk - plain.wta) < 1e-12 AS wta_sql,
       abs(u.score - plain.hhi * plain.wta) < 1e-12 AS score_sql,
       abs(u.hhi - 0.48745) < 5e-6 AND abs(u.import_risk - 0.10455) < 5e-6 AND abs(u.score - 0.05096) < 5e-6 AS by_hand
FROM us_2023 u, plain;
-- the sample is removed again, so that later tests start from an empty store
DELETE FROM production; DELETE FROM reserves; DELETE FROM targets; DELETE FROM governance;
DELETE FROM published_statistic; DELETE FROM trade_flow; DELETE FROM trade_reported_total;
