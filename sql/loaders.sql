-- loaders: the USGS MCS value-cell parser and load_usgs_mcs on the MCS-format
-- fixture (test/fixtures/usgs_mcs2026_fixture.csv, written by
-- make_usgs_mcs_fixture.py: real MCS2026 figures plus rows labelled SYNTHETIC).
-- Nothing lost, nothing doubled: rows in = loaded + rejected + out of scope;
-- loading twice changes nothing; rejects carry reasons.
\set VERBOSITY terse

-- parser: tokens of the MCS legend, as SQL sees them (UTF-8 database)
SELECT c, p.value, p.qualifier, p.estimated
FROM unnest(ARRAY['270,000', '>95', '<1', 'W', 'NA', 'E', 'XX', '—', E'68\u00a0', 's', '2,500e', '0.96']) c,
     parse_usgs_value(c) p;
SELECT c, usgs_value_problem(c) AS problem
FROM unnest(ARRAY['Large', '10,000 - 15,000', '500–16,000', '1,00', '', '?1', '270,000']) c;
SELECT parse_usgs_value('Moderate to large');
SELECT parse_usgs_value(NULL) IS NULL AS strict_null;

-- this session's staging tables (temporary: private to the session)
SELECT stage('usgs_mcs'), stage('comtrade'), stage('baci');
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TEMP TABLE staged AS SELECT count(*) AS n FROM usgs_mcs_raw;
CREATE TEMP TABLE first_load AS SELECT * FROM load_usgs_mcs('MCS2026');
SELECT * FROM first_load;
-- every staged row is accounted for, and the staging table is empty
SELECT f.rows_loaded + f.rows_rejected + f.rows_out_of_scope = s.n AS nothing_lost,
       (SELECT count(*) FROM usgs_mcs_raw) = 0 AS staging_emptied,
       (SELECT count(*) FROM production) + (SELECT count(*) FROM reserves)
         + (SELECT count(*) FROM published_statistic WHERE source LIKE '%(load_usgs_mcs)') = f.rows_loaded AS loaded_rows_stored,
       (SELECT count(*) FROM load_rejects WHERE severity = 'rejected') = f.rows_rejected AS rejects_stored,
       (SELECT count(*) FROM load_rejects WHERE severity = 'out_of_scope') = f.rows_out_of_scope AS out_of_scope_filed
FROM first_load f, staged s;
SELECT severity, reason, record->>'Country' AS country, record->>'Value' AS value FROM load_rejects ORDER BY severity, reason;
-- the fixture's one US salient row (line 56: "Net import reliance as a
-- percentage of apparent consumption: Compounds and metals", 2021, >95) is
-- a published statistic under the name the views read
SELECT country::text, commodity, statistic, year, value, unit, qualifier, estimated FROM published_statistic
WHERE source LIKE '%(load_usgs_mcs)';

-- loaded values equal the shipped MCS2026 file's figures (independent path: plain \copy of data/usgs)
CREATE TEMP TABLE shipped (country text, iso3 text, year int, value_t_reo float8, qualifier text, edition text, source text);
\copy shipped FROM 'data/usgs/usgs_rare_earths_production.csv' CSV HEADER
SELECT count(*) AS compared,
       bool_and(p.quantity_t IS NOT DISTINCT FROM s.value_t_reo) AS values_equal,
       bool_and(p.qualifier IS NOT DISTINCT FROM nullif(s.qualifier, '')) AS qualifiers_equal
FROM shipped s
JOIN production p ON p.edition = 'MCS2026' AND p.year = s.year
 AND p.country = coalesce(nullif(s.iso3, ''), 'XAN')::country
WHERE s.edition = 'MCS2026';
SELECT (SELECT count(*) FROM shipped WHERE edition = 'MCS2026') AS shipped_rows,
       (SELECT count(*) FROM production WHERE edition = 'MCS2026') AS loaded_rows;
-- Canada's em dash (cp1252 0x97) is a zero, not a missing value
SELECT quantity_t, qualifier FROM production WHERE country = 'CAN' AND year = 2024;

-- loading the same file again changes nothing
CREATE TEMP TABLE before AS
  SELECT md5(string_agg(p::text, '|' ORDER BY p::text)) AS h FROM production p;
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM load_usgs_mcs('MCS2026');
SELECT (SELECT md5(string_agg(p::text, '|' ORDER BY p::text)) FROM production p) = b.h AS production_unchanged,
       (SELECT count(*) FROM load_rejects) = (SELECT rows_rejected + rows_out_of_scope FROM first_load) AS rejects_unchanged
FROM before b;

-- one transaction: an error leaves nothing half-loaded
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM load_usgs_mcs('2026');
SELECT count(*) AS still_staged FROM usgs_mcs_raw;
DELETE FROM usgs_mcs_raw;
DELETE FROM production;
DELETE FROM reserves;
DELETE FROM load_rejects;

-- UN Comtrade: test/fixtures/comtrade_synthetic.csv (SYNTHETIC records,
-- make_comtrade_fixture.py); the header must match the API's 47 columns
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
CREATE TEMP TABLE comtrade_staged AS SELECT count(*) AS n FROM comtrade_raw;
CREATE TEMP TABLE comtrade_first AS SELECT * FROM load_comtrade('synthetic fixture', synthetic => true);
SELECT * FROM comtrade_first;
SELECT c.rows_loaded + c.rows_rejected + c.rows_aggregate = s.n AS nothing_lost,
       (SELECT count(*) FROM trade_flow) = c.rows_loaded AS flows_stored,
       (SELECT count(*) FROM trade_reported_total) = c.rows_aggregate AS totals_stored,
       (SELECT count(*) FROM load_rejects WHERE source = 'comtrade') = c.rows_rejected AS rejects_stored,
       (SELECT count(*) FROM comtrade_raw) = 0 AS staging_emptied,
       (SELECT bool_and(synthetic) FROM trade_flow) AS labelled_synthetic
FROM comtrade_first c, comtrade_staged s;
SELECT reason, record->>'partnerCode' AS partner, record->>'cmdCode' AS cmd
FROM load_rejects WHERE source = 'comtrade' ORDER BY reason;
-- World and the EU are reported totals, never partners
SELECT iso3(partner_area) AS area, year, value_usd FROM trade_reported_total ORDER BY 1, 2;
SELECT count(*) AS aggregate_partners FROM trade_flow WHERE is_aggregate(partner);
-- partners add up to the reported World total (the fixture is built that way)
SELECT year, sum(f.value_usd) = (SELECT value_usd FROM trade_reported_total t WHERE t.year = f.year
                                 AND t.partner_area = 'WLD') AS partners_sum_to_world
FROM trade_flow f WHERE reporter = 'CHN' AND flow = 'M' GROUP BY year ORDER BY year;
SELECT iso3(reporter) AS reporter, iso3(partner) AS partner, year, flow, product, net_weight_kg, value_usd, valuation
FROM trade_flow ORDER BY 1, 2, 3;
-- twice: nothing changes
CREATE TEMP TABLE trade_before AS SELECT md5(string_agg(f::text, '|' ORDER BY f::text)) AS h FROM trade_flow f;
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
SELECT * FROM load_comtrade('synthetic fixture', synthetic => true);
SELECT (SELECT md5(string_agg(f::text, '|' ORDER BY f::text)) FROM trade_flow f) = b.h AS trade_unchanged,
       (SELECT count(*) FROM load_rejects WHERE source = 'comtrade') = 6 AS rejects_unchanged
FROM trade_before b;

-- CEPII BACI: v thousands of USD -> USD, q tonnes -> kg, BACI codes (490 = Other Asia, nes: Taiwan's trade, a real partner)
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT * FROM load_baci('synthetic fixture', synthetic => true);
SELECT iso3(reporter) AS exporter, iso3(partner) AS importer, product, value_usd, net_weight_kg, valuation
FROM trade_flow WHERE source = 'baci' ORDER BY 1;
SELECT value_usd = 12.5 * 1000 AND net_weight_kg = 3.25 * 1000 AS units_converted
FROM trade_flow WHERE source = 'baci' AND reporter = 'RUS';
SELECT reason FROM load_rejects WHERE source = 'baci' ORDER BY 1;
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT * FROM load_baci('synthetic fixture', synthetic => true);
SELECT count(*) AS baci_rows, (SELECT count(*) FROM load_rejects WHERE source = 'baci') AS baci_rejects
FROM trade_flow WHERE source = 'baci';
-- a NULL release is refused, never a silent NULL (22004)
SELECT load_baci(NULL);
SELECT count(*) AS unlabelled_rows FROM trade_flow WHERE NOT synthetic;
DELETE FROM trade_flow; DELETE FROM trade_reported_total; DELETE FROM load_rejects;

-- One bad field rejects its row with the reason, never the load: a partner
-- code that is not a number or too long for int, a value that overflows or
-- underflows float8, a month that is no month.  (The casts once sat where the
-- planner evaluated them in a hash-join key before the row's checks.)
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
CREATE TEMP TABLE fixture_rows AS SELECT count(*) AS n FROM comtrade_raw;
INSERT INTO comtrade_raw
SELECT (jsonb_populate_record(NULL::comtrade_raw, to_jsonb(r) || p.patch)).*
FROM (SELECT * FROM comtrade_raw WHERE "partnerCode" = '643' AND "cmdCode" = '2846' LIMIT 1) r,
     (VALUES ('{"partnerCode": "ABC"}'::jsonb), ('{"partnerCode": "99999999999"}'), ('{"primaryValue": "1e400"}'),
             ('{"netWgt": "1e-400", "partnerCode": "76"}'), ('{"freqCode": "M", "refMonth": "99999999999"}')) p(patch);
CREATE TEMP TABLE bad_fields AS SELECT * FROM load_comtrade('bad fields', synthetic => true);
-- the row whose only fault is its net weight 1e-400 loads, weight NULL, with a warning
SELECT b.rows_loaded + b.rows_rejected + b.rows_aggregate = f.n + 5 AS nothing_lost,
       b.rows_loaded = c.rows_loaded + 1 AS the_rest_loaded,
       b.rows_rejected = c.rows_rejected + 4 AS four_more_rejected,
       (SELECT count(*) FROM trade_flow WHERE release = 'bad fields') = b.rows_loaded AS stored
FROM bad_fields b, fixture_rows f, comtrade_first c;
SELECT severity, reason FROM load_rejects
WHERE release = 'bad fields'
  AND (record->>'partnerCode' IN ('ABC', '99999999999') OR record->>'primaryValue' = '1e400'
       OR record->>'netWgt' = '1e-400' OR record->>'refMonth' = '99999999999')
ORDER BY 1, 2;
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
CREATE TEMP TABLE baci_fixture_rows AS SELECT count(*) AS n FROM baci_raw;
INSERT INTO baci_raw VALUES ('2023', 'ABC', '156', '284690', '1', '1'), ('2023', '643', '99999999999', '284690', '1', '1'),
	('2023', '643', '156', '284690', '1e400', '1'), ('2023', '643', '156', '284690', '1e306', '1');
CREATE TEMP TABLE baci_bad_fields AS SELECT * FROM load_baci('bad fields', synthetic => true);
SELECT b.rows_loaded + b.rows_rejected + b.rows_aggregate = f.n + 4 AS nothing_lost,
       b.rows_rejected >= 4 AS bad_rows_rejected,
       (SELECT count(*) FROM trade_flow WHERE release = 'bad fields' AND source = 'baci') = b.rows_loaded AS stored
FROM baci_bad_fields b, baci_fixture_rows f;
SELECT reason FROM load_rejects
WHERE source = 'baci' AND release = 'bad fields' AND (record->>'i' = 'ABC' OR record->>'j' = '99999999999' OR record->>'v' IN ('1e400', '1e306'))
ORDER BY 1;
DELETE FROM trade_flow; DELETE FROM trade_reported_total; DELETE FROM load_rejects;

-- A negative net weight costs the row its weight, not its value: stored as
-- NULL with a warning; a corrected file loaded as the same release replaces
-- that release's earlier rejects and warnings
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
UPDATE comtrade_raw SET "netWgt" = '-7' WHERE "partnerCode" = '643' AND "refYear" = '2022' AND "cmdCode" = '2846' AND "flowCode" = 'M';
SELECT rows_loaded = (SELECT rows_loaded FROM comtrade_first) AS value_kept FROM load_comtrade('weights', synthetic => true);
SELECT value_usd, net_weight_kg IS NULL AS weight_null FROM trade_flow
WHERE release = 'weights' AND partner = 'RUS' AND year = 2022 AND flow = 'M';
SELECT severity, reason FROM load_rejects WHERE release = 'weights' AND severity = 'warning';
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
SELECT rows_loaded FROM load_comtrade('weights', synthetic => true);
SELECT count(*) FILTER (WHERE severity = 'warning') AS warnings_left,
       count(*) = (SELECT rows_rejected FROM comtrade_first) AS only_the_new_rejects
FROM load_rejects WHERE release = 'weights';
SELECT net_weight_kg IS NOT NULL AS weight_restored FROM trade_flow
WHERE release = 'weights' AND partner = 'RUS' AND year = 2022 AND flow = 'M';

-- BACI writes k as a number: 10121 is HS 0101.21 and loads as such
INSERT INTO baci_raw VALUES ('2023', '643', '156', '10121', '5', '1');
SELECT rows_loaded FROM load_baci('leading zero', synthetic => true);
SELECT product::text AS product FROM trade_flow WHERE release = 'leading zero';
-- load_baci reads a five- or six-digit k as an HS code by hscode's own
-- rule (padded to six digits, chapter 00 refused) instead of trying each
-- code: the rule agrees with hscode_in for every chapter 00-99 of both widths
SELECT bool_and((k ~ '^[0-9]{5,6}$' AND left(lpad(k, 6, '0'), 2) <> '00')
                = EXISTS (SELECT 1 FROM accepted_hscodes(ARRAY[lpad(k, 6, '0')]))) AS rule_is_hscode_in, count(*) AS codes
FROM (SELECT lpad(c::text, 2, '0') || '9012' AS k FROM generate_series(0, 99) c
      UNION ALL SELECT c::text || '9012' FROM generate_series(0, 9) c
      UNION ALL SELECT lpad(c::text, 2, '0') || '012' FROM generate_series(0, 99) c) codes;

-- A file's years must be its edition's: the MCS2026 release loaded as
-- MCS2019 is an error that loads nothing, and the staged rows stay
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM load_usgs_mcs('MCS2019');
SELECT count(*) AS mcs2019_rows FROM production WHERE edition = 'MCS2019';
SELECT count(*) > 0 AS still_staged FROM usgs_mcs_raw;
TRUNCATE usgs_mcs_raw;
DELETE FROM trade_flow; DELETE FROM trade_reported_total; DELETE FROM load_rejects;
