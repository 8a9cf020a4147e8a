-- geopolrisk_reference: the GeoPolRisk stability score at the edges of the
-- WGI scale, as the reference implementation has it.  geopolrisk-py
-- (akoyamp/geopolrisk-py@b453938c654f93111bc79059bca27ec7d43f7e01) reads g
-- from src/geopolrisk/lib/wgi.db, table Normalized: (2.5 - PV) / 5 clipped
-- to [0, 1], and 0.0 for a country-year whose PV estimate is missing
-- ("nan" in its table Estimate).  Below: every country-year of 2018-2022
-- with a PV estimate under -2.5 (20 of them), three ordinary ones and the
-- missing one, each PV as table Estimate holds it (World Bank WGI) and each
-- expected g as table Normalized holds it: the reference's own figures.
\set VERBOSITY terse
BEGIN;
CREATE TEMP TABLE reference (country text, year int, pv float8, g float8);
INSERT INTO reference VALUES
('AFG', 2018, -2.7532620429992676, 1.0), ('IRQ', 2018, -2.520958185195923, 1.0),
('SYR', 2018, -2.736278533935547, 1.0), ('YEM', 2018, -2.9960310459136963, 1.0),
('AFG', 2019, -2.652406930923462, 1.0), ('SSD', 2019, -2.518343925476074, 1.0),
('IRQ', 2019, -2.6091480255126953, 1.0), ('LBY', 2019, -2.5657713413238525, 1.0),
('SYR', 2019, -2.7303311824798584, 1.0), ('YEM', 2019, -2.770873785018921, 1.0),
('AFG', 2020, -2.702631711959839, 1.0), ('SOM', 2020, -2.5813851356506348, 1.0),
('SYR', 2020, -2.7117576599121094, 1.0), ('YEM', 2020, -2.647646427154541, 1.0),
('AFG', 2021, -2.5185303688049316, 1.0), ('SOM', 2021, -2.727175712585449, 1.0),
('SYR', 2021, -2.6594929695129395, 1.0), ('YEM', 2021, -2.5803096294403076, 1.0),
('AFG', 2022, -2.5508017539978027, 1.0), ('SYR', 2022, -2.7972519397735596, 1.0),
('SOM', 2022, -2.4834344387054443, 0.9966868877410888), ('ISL', 2022, 1.2629352807998657, 0.24741294384002688),
('NZL', 2022, 1.3123823404312134, 0.2375235319137573),
('ANT', 2022, NULL, 0.0);
INSERT INTO governance (country, year, pv, source)
SELECT country::country, year, pv, 'World Bank WGI, PV estimate, as in geopolrisk-py src/geopolrisk/lib/wgi.db table Estimate'
FROM reference;
SELECT count(*) FILTER (WHERE pv < -2.5) AS below_scale, count(*) AS rows FROM reference;

-- each country-year's score: governance_scores over that one year, and the
-- stored column, against the reference's table (float4 figures there: 1e-7)
SELECT r.year, r.country, round(r.pv::numeric, 4) AS pv,
       round((governance_scores('geopolrisk', r.year, r.year) ->> r.country)::numeric, 4) AS g,
       abs((governance_scores('geopolrisk', r.year, r.year) ->> r.country)::float8 - r.g) < 1e-7 AS as_reference,
       g.geopolrisk_score
FROM reference r JOIN governance g ON g.country = r.country::country AND g.year = r.year
ORDER BY r.year, r.country;
-- every score is on the method's 0-1 scale
SELECT bool_and(value::float8 BETWEEN 0 AND 1) AS scores_within_0_1
FROM generate_series(2018, 2022) y, jsonb_each_text(governance_scores('geopolrisk', y, y));

-- and geopolrisk() takes them: imports of 1 from Afghanistan (g 1.0) and 3
-- from New Zealand (g 0.2375235319137573), no own production, in 2022:
-- WTA = (1 x 1.0 + 3 x 0.2375235319137573) / 4 by hand
SELECT abs(import_risk - (1 * 1.0 + 3 * 0.2375235319137573) / 4) < 1e-7 AS wta_by_hand
FROM geopolrisk('{"AFG": 1, "NZL": 1}', '{"AFG": 1, "NZL": 3}', 'USA', governance_scores('geopolrisk', 2022, 2022));
-- a partner the WGI table lacks altogether (here USGS's residual XAN) is
-- None in the reference, which core.py's wgi_func turns into 0.5:
-- missing_score => 0.5 does the same
SELECT abs(import_risk - (1 * 1.0 + 3 * 0.5) / 4) < 1e-15 AS absent_partner_as_reference
FROM geopolrisk('{"AFG": 1, "XAN": 1}', '{"AFG": 1, "XAN": 3}', 'USA', governance_scores('geopolrisk', 2022, 2022),
                missing_score => 0.5);
ROLLBACK;
