-- the rare-earth HS catalogue: stages and REO content by longest-prefix
-- match, to_reo, the stoichiometric values recomputed here, HS revisions,
-- the concordance and hs_convert with its errors.
\set VERBOSITY terse

SELECT code, stage, round(reo_low::numeric, 4) AS low, round(reo_central::numeric, 4) AS central,
       round(reo_high::numeric, 4) AS high, description
FROM hs_catalogue ORDER BY code;
-- every row says where its values come from, and every value that is not
-- stoichiometry is labelled an assumption or unknown
SELECT bool_and(reo_source <> '') AS sources_present,
       bool_and(reo_source LIKE '%ASSUMPTION%' OR reo_source LIKE '%unknown%' OR reo_source LIKE '%no central value%'
                OR code = '280530') AS labelled
FROM hs_catalogue;

-- stoichiometric values recomputed by hand (atomic weights CIAAW; Cl 35.45, H 1.008, C 12.011, P 30.974)
SELECT abs(reo_low - 172.114 / (140.116 + 106.35 + 7 * 18.015)) < 1e-9 AS cecl3_ok,
       abs(reo_central - 2 * 172.114 / (280.232 + 3 * 60.008)) < 1e-9 AS ce_carbonate_ok
FROM hs_catalogue WHERE code = '284610';
SELECT abs(reo_low - 325.80794 / 2 / (138.90547 + 106.35 + 7 * 18.015)) < 1e-9 AS lacl3_ok
FROM hs_catalogue WHERE code = '284690';
SELECT abs(reo_high - 325.80794 / 2 / (138.90547 + 30.974 + 63.996)) < 1e-9 AS monazite_ok
FROM hs_catalogue WHERE code = '261220';
SELECT abs(reo_central - 288.484 * oxide_factor('Nd') / (288.484 + 781.83 + 10.81)) < 1e-9 AS ndfeb_ok,
       abs(reo_high - 150.36 * oxide_factor('Sm') / (150.36 + 294.665)) < 1e-9 AS smco5_ok
FROM hs_catalogue WHERE code = '850511';
SELECT reo_low = oxide_factor('Lu') AND reo_central = oxide_factor('Nd') AND reo_high = oxide_factor('Y') AS metal_ok
FROM hs_catalogue WHERE code = '280530';

-- longest-prefix match: national lines inherit from their subheading
SELECT c, hs_stage(c) AS stage, reo_content(c) AS central, reo_content(c, 'low') AS low, reo_content(c, 'high') AS high
FROM unnest('{28,2805,280530,2805300010,2846,284610,2846101000,284690,28469020,2530,253010,253090,2530902000,261220,850511,85051100,360690,8505}'::hscode[]) c;
-- to_reo: mass times the central content, NULL when unknown
SELECT abs(to_reo(1000, '2846.10') - 1000 * 2 * 172.114 / (280.232 + 3 * 60.008)) < 1e-9 AS cerium_ok,
       abs(to_reo(1000, '2805300010') - metal_to_oxide(1000, 'Nd')) < 1e-9 AS metal_ok,
       to_reo(1000, '253090') IS NULL AS mixed_unknown,
       to_reo(1000, '0101') IS NULL AS outside_catalogue,
       to_reo(0, '284690') AS zero;
-- REO of a small shipment table by plain SQL join against the catalogue equals to_reo
WITH s(code, t) AS (VALUES ('284690'::hscode, 120.0::float8), ('28469020', 30), ('284610', 50), ('850511', 10))
SELECT abs(sum(to_reo(t, code)) - (120 * 0.85 + 30 * 0.85 + 50 * (SELECT reo_central FROM hs_catalogue WHERE code = '284610')
                                   + 10 * (SELECT reo_central FROM hs_catalogue WHERE code = '850511'))) < 1e-9 AS shipments_ok
FROM s;

-- HS 7202.99 (other ferro-alloys) carries rare-earth
-- ferro-alloys (China's national line 7202.99.91: more than 10 % rare
-- earths) among other ferro-alloys: a metal-stage code with no central REO
-- content, so its trade is never converted by a guess; the China line
-- inherits; the rest of heading 7202 is outside the catalogue
SELECT hs_stage('7202.99') AS stage, hs_stage('7202.99.91') AS china_line_stage, hs_stage('7202') AS heading_stage,
       hs_stage('7202.11') AS ferro_manganese_stage, reo_content('720299') AS central,
       reo_content('72029991', 'low') AS low, reo_content('72029991', 'high') AS high,
       to_reo(1000, '7202.99.91') IS NULL AS no_guess;
-- with concordance rows as every international code: one identity per
-- ordered pair of distinct revisions (n revisions give n (n - 1) pairs)
SELECT count(*) = (SELECT count(*) * (count(*) - 1) FROM hs_revisions) AS every_pair,
       bool_and(from_code = to_code AND weight = 1) AS identities
FROM hs_concordance WHERE from_code = '720299';
SELECT * FROM hs_convert('7202.99', 'H0', 'H6');
SELECT note FROM hs_concordance WHERE from_code = '720299' AND from_revision = 'H5' AND to_revision = 'H6';

-- HS revisions and the concordance
SELECT * FROM hs_revisions ORDER BY year;
SELECT count(*) AS rows, count(DISTINCT from_code) AS codes, bool_and(weight = 1 AND from_code = to_code) AS identities
FROM hs_concordance;
-- weights out of every (code, from, to) sum to 1
SELECT bool_and(abs(s - 1) < 1e-12) AS weights_sum_to_one
FROM (SELECT sum(weight) s FROM hs_concordance GROUP BY from_revision, from_code, to_revision) w;
SELECT * FROM hs_convert('2846.90', 'H0', 'H6');
SELECT * FROM hs_convert('850511', 'H6', 'H2');
SELECT * FROM hs_convert('0101', 'H4', 'H4');
SELECT note FROM hs_concordance WHERE from_code = '253090' AND from_revision = 'H2' AND to_revision = 'H3';

-- errors
SELECT * FROM hs_convert('2846.90', 'H9', 'H6');
SELECT * FROM hs_convert('2846.90', 'H0', 'HS2022');
SELECT * FROM hs_convert('0101', 'H0', 'H6');
SELECT * FROM hs_convert('28469020', 'H0', 'H6');
SELECT reo_content('2846', 'median');
SELECT to_reo(-1, '2846');
SELECT to_reo('NaN', '2846');
