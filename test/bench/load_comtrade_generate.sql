-- SYNTHETIC UN Comtrade API v1 rows for test/bench/loaders.sh (never
-- shipped, never real trade): :rows import flows of one year in the API's
-- CSV layout (its 47 columns and header, booleans as comtradeapicall writes
-- them), every key distinct: reporters and partners from the Comtrade codes
-- the extension knows (no aggregate areas), 5,000 invented HS 6-digit codes,
-- net weight, quantity (kg) and values invented, net weight 0 beside the
-- quantity in one row of 25 (the quantity stands in).  Written to
-- :comtrade_file; the script takes the rows load_comtrade stores as the
-- trade_flow rows its plain COPY is compared with.
\set ON_ERROR_STOP on
DROP SCHEMA IF EXISTS bench_comtrade CASCADE;
CREATE SCHEMA bench_comtrade;
CREATE TABLE bench_comtrade.countries AS
SELECT row_number() OVER (ORDER BY comtrade) - 1 AS n, comtrade, country
FROM rareearth.country_reference() WHERE comtrade IS NOT NULL AND NOT is_aggregate;
CREATE TABLE bench_comtrade.products AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, code
FROM (SELECT lpad((10000 + (n::bigint * 1973) % 960000)::text, 6, '0') AS code FROM generate_series(1, 5000) n) c;
-- the API's order: reporter, partner, then products ascending
COPY (
	WITH c AS (SELECT count(*) AS n FROM bench_comtrade.countries),
	g AS (SELECT s, s / 5000 AS pair, s % 5000 AS p FROM generate_series(0::bigint, :rows - 1) s)
	SELECT 'C' AS "typeCode", 'A' AS "freqCode", '20220101' AS "refPeriodId", '2022' AS "refYear", '52' AS "refMonth",
	       '2022' AS period, re.comtrade AS "reporterCode", re.country AS "reporterISO", 'Reporter' AS "reporterDesc",
	       'M' AS "flowCode", 'Import' AS "flowDesc", pa.comtrade AS "partnerCode", pa.country AS "partnerISO",
	       'Partner' AS "partnerDesc", '0' AS "partner2Code", 'W00' AS "partner2ISO", 'World' AS "partner2Desc",
	       'H6' AS "classificationCode", 'HS' AS "classificationSearchCode", 'True' AS "isOriginalClassification",
	       pr.code AS "cmdCode", 'SYNTHETIC product' AS "cmdDesc", '6' AS "aggrLevel", 'True' AS "isLeaf",
	       'C00' AS "customsCode", 'TOTAL CPC' AS "customsDesc", '0' AS "mosCode", '0' AS "motCode", 'TOTAL MOT' AS "motDesc",
	       '8' AS "qtyUnitCode", 'kg' AS "qtyUnitAbbr", (g.s * 104729) % 5000000 + 1 AS qty, 'False' AS "isQtyEstimated",
	       '-1' AS "altQtyUnitCode", 'N/A' AS "altQtyUnitAbbr", '0' AS "altQty", 'False' AS "isAltQtyEstimated",
	       CASE WHEN g.s % 25 = 0 THEN 0 ELSE (g.s * 104729) % 5000000 + 1 END AS "netWgt",
	       CASE WHEN g.s % 7 = 0 THEN 'True' ELSE 'False' END AS "isNetWgtEstimated",
	       '0' AS "grossWgt", 'False' AS "isGrossWgtEstimated",
	       round((((g.s * 7919) % 10000000) / 3.7 + 1)::numeric, 3) AS cifvalue, '' AS fobvalue,
	       round((((g.s * 7919) % 10000000) / 3.7 + 1)::numeric, 3) AS "primaryValue",
	       '0' AS "legacyEstimationFlag", 'True' AS "isReported", 'False' AS "isAggregate"
	FROM g CROSS JOIN c
	JOIN bench_comtrade.countries re ON re.n = (g.pair / (c.n - 1)) % c.n
	JOIN bench_comtrade.countries pa ON pa.n = ((g.pair / (c.n - 1)) % c.n + 1 + g.pair % (c.n - 1)) % c.n
	JOIN bench_comtrade.products pr ON pr.n = g.p
	ORDER BY g.s) TO STDOUT CSV HEADER \g :comtrade_file
