-- Scalar dependency metrics: apparent consumption, net import reliance and
-- its USGS label, self-sufficiency, development rate, reserve life, partner
-- dependency, RCA, CIF/FOB and the mirror trade helpers.  Every result is
-- checked against USGS's printed figures, a hand computation or a plain-SQL
-- formula.

-- USGS MCS2019 (data/usgs/usgs_us_salient_statistics.csv, rows 2-3, 7-8,
-- 12-13, 17-18, 22-23, 27-28, 32-33, 37-38, 47-48; edition MCS2019, t REO):
-- imports of compounds, metals and ferrocerium minus the corresponding
-- exports, over apparent consumption, give the printed net import reliance.
CREATE TABLE nir_mcs2019 (year int, production float8, imp_compounds float8, imp_metals float8,
  imp_ferrocerium float8, exp_compounds float8, exp_metals float8, exp_ferrocerium float8,
  apparent_consumption float8, printed_nir int);
INSERT INTO nir_mcs2019 VALUES
  (2014, 5400, 12300, 348, 371, 4390, 140, 1640, 12200, 56),
  (2015, 5900,  9160, 385, 356, 4980,  60, 1220,  9550, 38);
CREATE VIEW nir_mcs2019_totals AS
SELECT year, production, imp_compounds + imp_metals + imp_ferrocerium AS imports,
       exp_compounds + exp_metals + exp_ferrocerium AS exports, apparent_consumption, printed_nir
FROM nir_mcs2019;
-- hand: 2014 imports 13,019, exports 6,170, P + M - X = 12,249; 2015 9,901, 6,260, 9,541
SELECT year, imports, exports, apparent_consumption(production, imports, exports) AS ac,
       round(net_import_reliance(production, imports, exports)::numeric, 4) AS nir,
       nir_label(net_import_reliance(production, imports, exports)) AS label, printed_nir
FROM nir_mcs2019_totals ORDER BY year;
SELECT year,
       apparent_consumption(production, imports, exports) = production + imports - exports AS ac_plain_sql,
       -- the computed apparent consumption reproduces the printed one within 0.5%
       abs(apparent_consumption(production, imports, exports) / apparent_consumption - 1) < 0.005 AS ac_near_printed,
       -- USGS's own route, (M - X) / printed consumption, and ours both print the published percent
       nir_label((imports - exports) / apparent_consumption) = printed_nir::text AS usgs_route_printed,
       nir_label(net_import_reliance(production, imports, exports)) = printed_nir::text AS nir_printed,
       abs(net_import_reliance(production, imports, exports)
           - (imports - exports) / (production + imports - exports)) < 1e-15 AS nir_plain_sql,
       -- hand-computed: 6,849 / 12,249 and 3,641 / 9,541
       abs(net_import_reliance(production, imports, exports)
           - CASE year WHEN 2014 THEN 6849.0 / 12249 ELSE 3641.0 / 9541 END) < 1e-15 AS nir_hand
FROM nir_mcs2019_totals ORDER BY year;

-- USGS MCS2026, 2024 (same file, rows 325 and 370): apparent consumption of
-- compounds and metals 9,010 t, domestic production of compounds and metals
-- 4,300 t; printed net import reliance 53 (row 360).  Recent editions compute
-- reliance as (consumption - production) / consumption, i.e.
-- 1 - self_sufficiency; the inputs are rounded, so we ask for one point.
SELECT round((1 - self_sufficiency(4300, 9010))::numeric, 4) AS nir_2024,
       nir_label(1 - self_sufficiency(4300, 9010)) AS label,
       abs(round(100 * (1 - self_sufficiency(4300, 9010))) - 53) <= 1 AS within_one_point_of_printed_53,
       abs((1 - self_sufficiency(4300, 9010)) - (9010.0 - 4300) / 9010) < 1e-15 AS hand_ok;
-- The same edition's trade rows (rows 330, 335, 340, 345, 350, 355, 375) do
-- not give it: exports of "ores and compounds" hold 37,500 t of mineral
-- concentrates, so (M - X) with mineral-concentrate production says net
-- exporter, 'E' -- USGS's printed label for mineral concentrates (row 365),
-- not for compounds and metals.
SELECT nir_label(net_import_reliance(45500, 8120 + 238 + 96, 37500 + 902 + 347)) AS concentrates_label;

-- apparent consumption: stock_change is the decrease in stocks, a drawdown adds
SELECT apparent_consumption(100, 50, 30) = 120 AS no_stock_change,
       apparent_consumption(100, 50, 30, 10) = 130 AS drawdown_adds,
       apparent_consumption(100, 50, 30, -10) = 110 AS buildup_subtracts,
       apparent_consumption(0, 0, 50) = -50 AS contradictory_inputs_negative,
       net_import_reliance(100, 50, 30, 10) = 30.0 / 130 AS nir_with_drawdown,
       net_import_reliance(100, 50, 30, -10) = 10.0 / 110 AS nir_with_buildup;
-- net import reliance: 75% (Russia-like shape: 25 produced, 75 net imports),
-- net exporter, pure importer, no trade; NULL when consumption <= 0
SELECT net_import_reliance(25, 80, 5) = 0.75 AS three_quarters,
       nir_label(net_import_reliance(25, 80, 5)) AS label_75,
       net_import_reliance(200, 10, 110) = -1 AS net_exporter,
       nir_label(net_import_reliance(200, 10, 110)) AS label_e,
       net_import_reliance(0, 10, 0) = 1 AS pure_importer,
       nir_label(1) AS label_100,
       net_import_reliance(10, 0, 0) = 0 AS no_trade,
       nir_label(0) AS label_0,
       net_import_reliance(0, 0, 0) IS NULL AS zero_consumption_null,
       net_import_reliance(0, 5, 10) IS NULL AS negative_consumption_null,
       net_import_reliance(10, 5, 15) IS NULL AS exactly_zero_consumption_null,
       net_import_reliance(NULL, 1, 1) IS NULL AS null_in_null_out;
-- nir_label rounds half away from zero on the percent; tiny negatives are 'E'
SELECT nir_label(0.005) AS half_up, nir_label(0.0049) AS below_half, nir_label(0.994) AS r99,
       nir_label(0.995) AS r100, nir_label(-0.0001) AS tiny_net_exporter, nir_label(NULL) IS NULL AS null_label;
-- a grid against the plain-SQL formula, NULLs included: 9 x 9 x 9 x 5 cases
SELECT count(*) AS cases,
       bool_and((n IS NULL) = (ac <= 0)) AS null_exactly_when_consumption_not_positive,
       bool_and(n IS NULL OR abs(n - (i - e + s) / ac) <= 1e-15 * greatest(1, abs(n))) AS nir_matches_sql,
       bool_and(n IS NULL OR n <= 1) AS never_above_one,
       bool_and(apparent_consumption(p, i, e, s) = ac) AS ac_matches_sql
FROM (SELECT p, i, e, s, p + i - e + s AS ac, net_import_reliance(p, i, e, s) AS n
      FROM generate_series(0, 800, 100) p, generate_series(0, 800, 100) i,
           generate_series(0, 800, 100) e, unnest(ARRAY[-150, -1, 0, 1, 150]) s0,
           LATERAL (SELECT p::float8, i::float8, e::float8, s0::float8) f(p, i, e, s)) g;

-- self-sufficiency, development rate, reserve life, partner dependency
SELECT self_sufficiency(60, 80) = 0.75 AS ss, self_sufficiency(120, 80) = 1.5 AS ss_exporter,
       self_sufficiency(0, 80) = 0 AS ss_zero, self_sufficiency(60, 0) IS NULL AS ss_zero_consumption,
       self_sufficiency(60, -5) IS NULL AS ss_negative_consumption,
       development_rate(270000, 44000000) = 270000.0 / 44000000 AS dev,
       development_rate(10, 0) IS NULL AS dev_zero_reserves, development_rate(0, 10) = 0 AS dev_zero,
       reserve_life(44000000, 270000) = 44000000.0 / 270000 AS life,
       reserve_life(10, 0) IS NULL AS life_zero_production, reserve_life(0, 10) = 0 AS life_zero,
       partner_dependency(60, 80) = 0.75 AS dep, partner_dependency(100, 80) = 1.25 AS dep_above_one,
       partner_dependency(60, 0) IS NULL AS dep_zero, partner_dependency(60, -1) IS NULL AS dep_negative_ac;
-- partner dependency with apparent consumption computed by the scalar
-- function: the share of need met by one partner equals its imports / (P + M - X)
SELECT abs(partner_dependency(50, apparent_consumption(25, 80, 5)) - 50.0 / 100) < 1e-15 AS composed_ok;

-- RCA (Balassa): (x_ij / X_i) / (x_wj / X_w); hand: (20 / 100) / (50 / 1000) = 4
SELECT rca(20, 100, 50, 1000) = 4 AS rca_hand,
       abs(rca(3, 70, 11, 900) - (3.0 / 70) / (11.0 / 900)) < 1e-12 AS rca_sql,
       rca(0, 100, 50, 1000) = 0 AS rca_zero,
       rca(0, 0, 50, 1000) IS NULL AS rca_country_exports_zero,
       rca(0, 100, 0, 1000) IS NULL AS rca_world_product_zero,
       rca(0, 0, 0, 0) IS NULL AS rca_all_zero,
       rca(1000, 1000, 1000, 1000) = 1 AS rca_whole_world;

-- CIF/FOB (IMF DOTS factor 1.06 by default)
SELECT cif_to_fob(106) = 100 AS to_fob, fob_to_cif(100) = 106 AS to_cif,
       abs(cif_to_fob(110, 1.10) - 100) < 1e-12 AS to_fob_110, cif_to_fob(5, 1) = 5 AS factor_one,
       abs(cif_to_fob(fob_to_cif(12345.678)) - 12345.678) < 1e-9 AS round_trip,
       cif_to_fob(0) = 0 AS zero;

-- mirror trade: gap = (cif_to_fob(reporter imports) - partner exports) / partner exports
SELECT mirror_gap(106, 100) = 0 AS agree, abs(mirror_gap(53, 100) - (-0.5)) < 1e-15 AS half,
       mirror_gap(0, 100) = -1 AS reporter_silent, mirror_gap(100, 0) IS NULL AS partner_zero,
       abs(mirror_gap(110, 100, 1.10)) < 1e-15 AS factor_110;
SELECT reconcile('reporter', 1, 2) = 1 AS reporter, reconcile('mirror', 1, 2) = 2 AS mirror,
       reconcile('reconciled', 1, 2) = 1 AS reconciled_reporter,
       reconcile('reconciled', NULL, 2) = 2 AS reconciled_mirror,
       reconcile('reporter', NULL, 2) IS NULL AS reporter_missing,
       reconcile('mirror', 1, NULL) IS NULL AS mirror_missing,
       reconcile('reconciled', NULL, NULL) IS NULL AS both_missing,
       reconcile(NULL, 1, 2) IS NULL AS null_source;

-- The mirror-trade table shape the data-model work will provide (documented
-- in the README): one row per (year, reporter, partner, product, flow) with
-- the declared value.  Values below are synthetic (not real trade figures):
-- reporter 'R' stops reporting after 2021, as Russia did in April 2022.
CREATE TABLE mirror_trade_flow (year int, reporter text, partner text, product text, flow text, value float8);
INSERT INTO mirror_trade_flow VALUES
  (2021, 'R', 'C', '2846', 'M', 1060), (2021, 'C', 'R', '2846', 'X', 1000),
  (2022, 'C', 'R', '2846', 'X', 1500),
  (2021, 'R', 'K', '2846', 'M', 212),  (2021, 'K', 'R', '2846', 'X', 250),
  (2022, 'K', 'R', '2846', 'X', 300);
CREATE VIEW mirror_pairs AS
SELECT coalesce(m.year, x.year) AS year, coalesce(m.reporter, x.partner) AS reporter,
       coalesce(m.partner, x.reporter) AS partner, coalesce(m.product, x.product) AS product,
       m.value AS reporter_imports_cif, x.value AS partner_exports_fob,
       mirror_gap(m.value, x.value) AS gap
FROM (SELECT * FROM mirror_trade_flow WHERE flow = 'M') m
FULL JOIN (SELECT * FROM mirror_trade_flow WHERE flow = 'X') x
  ON x.year = m.year AND x.reporter = m.partner AND x.partner = m.reporter AND x.product = m.product;
SELECT year, reporter, partner, reporter_imports_cif, partner_exports_fob, round(gap::numeric, 4) AS gap,
       reconcile('reporter', reporter_imports_cif, fob_to_cif(partner_exports_fob)) AS reporter_view,
       reconcile('reconciled', reporter_imports_cif, fob_to_cif(partner_exports_fob)) AS reconciled
FROM mirror_pairs ORDER BY year, partner;
-- hand: 2021 C: 1060/1.06 = 1000 -> gap 0; K: 212/1.06 = 200 vs 250 -> -0.2;
-- 2022 reconciled = 1500 * 1.06 = 1590 and 300 * 1.06 = 318, total 1908
SELECT bool_and(CASE WHEN year = 2021 AND partner = 'C' THEN abs(gap) < 1e-12
                     WHEN year = 2021 AND partner = 'K' THEN abs(gap + 0.2) < 1e-12
                     ELSE gap IS NULL END) AS gaps_hand,
       abs(sum(reconcile('reconciled', reporter_imports_cif, fob_to_cif(partner_exports_fob)))
           FILTER (WHERE year = 2022) - 1908) < 1e-9 AS reconciled_2022_hand,
       sum(reconcile('reporter', reporter_imports_cif, fob_to_cif(partner_exports_fob)))
           FILTER (WHERE year = 2022) IS NULL AS reporter_2022_unknown
FROM mirror_pairs;

-- errors: every argument check names the function, the argument and the value
SELECT apparent_consumption(-1, 0, 0);
SELECT apparent_consumption(0, -1, 0);
SELECT apparent_consumption(0, 0, -1);
SELECT apparent_consumption('NaN', 0, 0);
SELECT apparent_consumption(0, 0, 0, 'Infinity');
SELECT apparent_consumption(1e308, 1e308, 0);
SELECT net_import_reliance(0, -5, 0);
SELECT net_import_reliance(0, 0, 0, '-Infinity');
SELECT nir_label(1.01);
SELECT nir_label('NaN');
SELECT self_sufficiency(-1, 10);
SELECT self_sufficiency(1, 'NaN');
SELECT development_rate(1, -10);
SELECT reserve_life(-10, 1);
SELECT partner_dependency(-1, 10);
SELECT rca(-1, 100, 50, 1000);
SELECT rca(200, 100, 500, 1000);
SELECT rca(20, 100, 10, 1000);
SELECT rca(20, 2000, 50, 1000);
SELECT rca(20, 100, 5000, 1000);
SELECT cif_to_fob(-1);
SELECT cif_to_fob(100, 0.9);
SELECT fob_to_cif(100, 'NaN');
SELECT fob_to_cif(1e308, 2);
SELECT mirror_gap(-1, 100);
SELECT mirror_gap(100, -1);
SELECT mirror_gap(100, 100, 0.5);
SELECT reconcile('both', 1, 2);

-- sums that overflow on the way but not at the end are computed; only a
-- result beyond double precision is an error 22003 (against numeric)
SELECT apparent_consumption(1e308, 1e308, 1e308) = 1e308::float8 AS consumption_ok,
       net_import_reliance(1e308, 1e308, 1.5e308) = (1e308 - 1.5e308) / (1e308 + 1e308 - 1.5e308) AS nir_ok,
       eu_import_reliance(1e308, 1e308, 1.5e308) = -1 AS eu_nir_ok;
SELECT net_import_reliance(1e308, 1e308, 0);
\echo :LAST_ERROR_SQLSTATE
SELECT fob_to_cif(1e308, 2);
\echo :LAST_ERROR_SQLSTATE
