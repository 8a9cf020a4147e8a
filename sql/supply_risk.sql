-- EU Critical Raw Materials supply risk (JRC 2017 methodology): import
-- reliance, WGI rescaling, HHI-WGI, supply risk, criticality.  Checked
-- against hand computations from the formulas and plain SQL.

-- EU import reliance (import - export) / (production + import - export)
SELECT eu_import_reliance(20, 100, 20) = 0.8 AS ir_hand,
       eu_import_reliance(0, 50, 0) = 1 AS ir_all_imported,
       eu_import_reliance(100, 10, 60) = -1 AS ir_net_exporter,
       eu_import_reliance(0, 0, 0) IS NULL AS ir_nothing,
       eu_import_reliance(0, 10, 20) IS NULL AS ir_negative_denominator,
       abs(eu_import_reliance(3.5, 71.25, 9.5) - (71.25 - 9.5) / (3.5 + 71.25 - 9.5)) < 1e-15 AS ir_sql,
       eu_import_reliance(5, 7, 3) = net_import_reliance(5, 7, 3) AS same_as_usgs_without_stocks;

-- WGI rescaled to 0-10, 10 the worst: (2.5 - wgi) * 2
SELECT wgi_to_crm_scale(2.5) = 0 AS best, wgi_to_crm_scale(-2.5) = 10 AS worst,
       wgi_to_crm_scale(0) = 5 AS middle, wgi_to_crm_scale(-0.3) = 5.6 AS hand;

-- HHI-WGI, hand-computed: shares 3/4 and 1/4, WGI 6 and 2:
-- 0.5625 * 6 + 0.0625 * 2 = 3.5; with t = 1.1 for A: 3.7125 + 0.125 = 3.8375
SELECT hhi_wgi('{"A": 3, "B": 1}', '{"A": 6, "B": 2}') = 3.5 AS hand,
       abs(hhi_wgi('{"A": 3, "B": 1}', '{"A": 6, "B": 2}', '{"A": 1.1}') - 3.8375) < 1e-12 AS hand_trade,
       hhi_wgi('{"A": 3, "B": 1}', '{"A": 6, "B": 2}', NULL) = 3.5 AS null_trade_factors_mean_one,
       hhi_wgi('{"A": 3, "B": 1}', '{"A": 6, "B": 2, "C": 9}', '{"Z": 5}') = 3.5 AS extra_keys_ignored,
       hhi_wgi('{"A": 1}', '{"A": 7}') = 7 AS monopoly_is_its_wgi,
       hhi_wgi('{"A": 3, "Z": 0}', '{"A": 6}') = 6 AS zero_supplier_needs_no_score,
       hhi_wgi('{}', '{}') IS NULL AS empty_mix_null,
       hhi_wgi('{"A": 0}', '{"A": 5}') IS NULL AS zero_total_null,
       hhi_wgi(NULL, '{}') IS NULL AS null_mix, hhi_wgi('{"A": 1}', NULL) IS NULL AS null_governance;

-- Supply risk, hand-computed with illustrative inputs (not EU figures):
-- HHI_WGI,GS 4, HHI_WGI,EU 2, IR 0.8, EoL-RIR 0.01, SI_SR 0.99:
-- [4 * 0.4 + 2 * 0.6] * 0.99 * 0.99 = 2.8 * 0.9801 = 2.74428
SELECT abs(supply_risk(4, 2, 0.8, 0.01, 0.99) - 2.74428) < 1e-12 AS sr_hand,
       supply_risk(4, 2, 0, 0, 1) = 2 AS no_imports_eu_sourcing_only,
       supply_risk(4, 2, 1, 0, 1) = 3 AS all_imported_half_and_half,
       supply_risk(4, 2, 0.5, 1, 1) = 0 AS fully_recycled,
       supply_risk(4, 2, 0.5, 0, 0) = 0 AS fully_substitutable;
-- against the plain-SQL formula over a grid
SELECT count(*) AS cases,
       bool_and(abs(supply_risk(g, e, ir, eol, si)
                    - (g * ir / 2 + e * (1 - ir / 2)) * (1 - eol) * si) < 1e-12) AS sr_sql
FROM unnest(ARRAY[0, 0.7, 3.2, 8.9]::float8[]) g, unnest(ARRAY[0, 1.4, 6.1]::float8[]) e,
     unnest(ARRAY[0, 0.25, 0.8, 1]::float8[]) ir, unnest(ARRAY[0, 0.01, 0.5]::float8[]) eol,
     unnest(ARRAY[0.59, 0.99, 1]::float8[]) si;

-- criticality thresholds: SR >= 1.0 and EI >= 2.8, boundaries included
SELECT is_critical(1.0, 2.8) AS both_at_threshold, NOT is_critical(0.99, 9) AS low_sr_not_critical,
       NOT is_critical(9, 2.79) AS low_ei_not_critical, is_critical(5.1, 4.2) AS hree;

-- The EU 2023 assessment inputs as transcribed by CritMAT
-- (data/other/eu_crm_supply_risk.csv; IR and EoL-RIR in percent; the HHI-WGI
-- columns are empty in the source).
CREATE TABLE eu_crm (assessment_year int, material text, stage text, sr float8, ei float8,
  hhi_wgi_gs float8, hhi_wgi_eu float8, ir float8, eol_rir float8, si_sr float8, source text,
  sourcing_basis text, is_reported_stage bool, note text);
\copy eu_crm FROM 'data/other/eu_crm_supply_risk.csv' WITH (FORMAT csv, HEADER true)
-- checks of the transcription: IR, EoL-RIR, SI_SR are within the formula's
-- ranges once IR and EoL-RIR are read as percent; no HHI-WGI is given; the
-- gaps of trap 12 (LREE extraction and praseodymium processing SR) are empty
SELECT count(*) AS rows, count(hhi_wgi_gs) + count(hhi_wgi_eu) AS hhi_wgi_given,
       bool_and(ir BETWEEN 0 AND 100 AND eol_rir BETWEEN 0 AND 100) AS percent_inputs_in_range,
       bool_and(si_sr IS NULL OR si_sr BETWEEN 0 AND 1) AS si_in_range,
       count(*) FILTER (WHERE sr IS NULL) AS sr_missing,
       string_agg(material || '/' || stage, ', ' ORDER BY material, stage) FILTER (WHERE sr IS NULL) AS which
FROM eu_crm;
-- every material whose reported-stage SR and EI are given is critical by the
-- thresholds, as the 2023 list has LREE, HREE and scandium
SELECT material, stage, sr, ei, is_critical(sr, ei) AS critical
FROM eu_crm WHERE is_reported_stage AND material IN ('LREE', 'HREE', 'Scandium') ORDER BY material;

-- Worked example: dysprosium, extraction stage (IR 80%, EoL-RIR 1%, SI_SR
-- 0.99; printed SR 5.3).  The EU's HHI-WGI values are not in the source, so
-- the example computes an ILLUSTRATIVE HHI-WGI from shipped data: the USGS
-- MCS2026 2024 mine production mix (data/usgs/usgs_rare_earths_production.csv,
-- edition MCS2026, year 2024; "Other" and "World" left out because they are
-- not countries) and the World Bank WGI 2023 six-estimate mean of each
-- producer (data/other/wgi_sample.csv), with t = 1 and the same mix for
-- global and EU sourcing.  Rare-earth mine output stands in for dysprosium.
-- It is not the EU's figure and is not compared with 5.3.
CREATE TABLE eu_wgi (country text, iso3 text, year int, va float8, pv float8, ge float8,
  rq float8, rl float8, cc float8, source text);
\copy eu_wgi FROM 'data/other/wgi_sample.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE eu_mine_2024 (iso3 text, tonnes float8);
INSERT INTO eu_mine_2024 VALUES ('USA', 45500), ('AUS', 29000), ('BRA', 560), ('MMR', 27000),
  ('CAN', 0), ('CHN', 270000), ('GRL', 0), ('IND', 2900), ('MDG', 1400), ('MYS', 140),
  ('NGA', 1500), ('RUS', 2600), ('ZAF', 0), ('TZA', 0), ('THA', 2100), ('VNM', 300);
CREATE VIEW eu_governance AS
SELECT iso3, wgi_to_crm_scale((va + pv + ge + rq + rl + cc) / 6) AS wgi_scaled,
       (2.5 - (va + pv + ge + rq + rl + cc) / 6) * 2 AS wgi_scaled_sql
FROM eu_wgi WHERE year = 2023;
SELECT iso3, round(wgi_scaled::numeric, 3) AS wgi_0_10, abs(wgi_scaled - wgi_scaled_sql) < 1e-12 AS scale_sql
FROM eu_governance ORDER BY iso3;
CREATE TABLE eu_dy AS
SELECT hhi_wgi((SELECT supply_mix(iso3, tonnes) FROM eu_mine_2024),
               (SELECT jsonb_object_agg(iso3, wgi_scaled) FROM eu_governance)) AS hhi_wgi_illustrative,
       (SELECT sum((m.tonnes / t.total) ^ 2 * g.wgi_scaled_sql)
        FROM eu_mine_2024 m JOIN eu_governance g USING (iso3),
             (SELECT sum(tonnes) AS total FROM eu_mine_2024) t) AS hhi_wgi_sql;
SELECT round(hhi_wgi_illustrative::numeric, 4) AS hhi_wgi_illustrative,
       abs(hhi_wgi_illustrative - hhi_wgi_sql) < 1e-12 AS hhi_wgi_matches_sql,
       round(supply_risk(hhi_wgi_illustrative, hhi_wgi_illustrative, 80 / 100.0, 1 / 100.0, 0.99)::numeric, 4)
         AS sr_illustrative,
       abs(supply_risk(hhi_wgi_illustrative, hhi_wgi_illustrative, 0.8, 0.01, 0.99)
           - (hhi_wgi_sql * 0.4 + hhi_wgi_sql * 0.6) * 0.99 * 0.99) < 1e-12 AS sr_matches_formula
FROM eu_dy;

-- errors
SELECT wgi_to_crm_scale(2.6);
SELECT wgi_to_crm_scale('NaN');
SELECT supply_risk(-1, 2, 0.5, 0, 1);
SELECT supply_risk(4, 'Infinity', 0.5, 0, 1);
SELECT supply_risk(4, 2, 80, 0, 1);
SELECT supply_risk(4, 2, 0.8, 1.01, 1);
SELECT supply_risk(4, 2, 0.8, 0, -0.1);
SELECT is_critical(-1, 3);
SELECT is_critical(1, 'NaN');
SELECT eu_import_reliance(-1, 0, 0);
SELECT hhi_wgi('{"CHN": 270000, "Other": 1000}', '{"CHN": 5.6}');
SELECT hhi_wgi('{"A": 1}', '{"A": null}');
SELECT hhi_wgi('{"A": 1}', '{"A": "5"}');
SELECT hhi_wgi('{"A": 1}', '{"A": 10.5}');
SELECT hhi_wgi('{"A": 1}', '{"A": -0.5}');
SELECT hhi_wgi('{"A": 1}', '[5]');
SELECT hhi_wgi('{"A": 1}', '5');
SELECT hhi_wgi('{"A": 1}', '{"A": 5}', '{"A": -1}');
SELECT hhi_wgi('{"A": 1}', '{"A": 5}', '{"A": true}');
SELECT hhi_wgi('{"A": 1}', '{"A": 5}', '[]');

-- huge trade factors take the sum beyond double precision: an error 22003,
-- never NULL, NaN or Infinity
SELECT hhi_wgi('{"A": 1, "B": 1}', '{"A": 10, "B": 10}', '{"A": 1e308, "B": 1e308}');
\echo :LAST_ERROR_SQLSTATE
