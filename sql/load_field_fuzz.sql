-- load_field_fuzz: no load aborts on one bad field.  Every column of every
-- staged record type (comtrade_record, baci_record, usgs_mcs_record) gets,
-- one at a time, in an otherwise loadable row: NULL (an unquoted blank of a
-- CSV), '' (a quoted blank), spaces, a wrong type, a negative number, a
-- year out of range, a number out of float8's range and 2,000 digits.  Each
-- load must complete with its one row accounted for: loaded (or set aside
-- as an aggregate or out of scope) or rejected, and then in load_rejects
-- with a reason.  All in one transaction, rolled back at the end.
\set VERBOSITY terse
BEGIN;
SELECT stage('comtrade'), stage('baci'), stage('usgs_mcs');
CREATE TEMP TABLE bad_value (v text);
INSERT INTO bad_value VALUES (NULL), (''), ('   '), ('wrong'), ('-1'), ('2999'), ('1e400'), (repeat('9', 2000));
CREATE TEMP TABLE outcome (record_type text, col text, v text, loaded bigint, rejected bigint, other bigint,
	filed bigint, error text);

-- a loadable row of each type (the record types' own column names)
CREATE TEMP TABLE base_comtrade AS
SELECT jsonb_populate_record(NULL::comtrade_record, '{"typeCode": "C", "freqCode": "A", "refPeriodId": "20220101",
	"refYear": "2022", "refMonth": "52", "period": "2022", "reporterCode": "156", "flowCode": "M", "partnerCode": "643",
	"partner2Code": "0", "classificationCode": "H6", "classificationSearchCode": "HS", "isOriginalClassification": "true",
	"cmdCode": "2846", "aggrLevel": "4", "isLeaf": "false", "customsCode": "C00", "motCode": "0", "qtyUnitCode": "8",
	"qtyUnitAbbr": "kg", "qty": "1000", "isQtyEstimated": "false", "altQtyUnitCode": "-1", "altQty": "0",
	"isAltQtyEstimated": "false", "netWgt": "1000", "isNetWgtEstimated": "false", "grossWgt": "0",
	"isGrossWgtEstimated": "false", "cifvalue": "10000", "fobvalue": "0", "primaryValue": "10000",
	"legacyEstimationFlag": "0", "isReported": "true", "isAggregate": "false"}') AS r;
CREATE TEMP TABLE base_baci AS
SELECT ROW('2022', '643', '156', '284690', '12.5', '  NA')::baci_record AS r;
CREATE TEMP TABLE base_usgs AS
SELECT ROW('RARE EARTHS', 'World Mine Production and Reserves', 'Rare Earths', 'Australia', 'Production',
	'Mine production', 'metric tons', '2024', '29,000', 'Estimated.', 'Yes', 'SYNTHETIC fuzz row')::usgs_mcs_record AS r;

DO $$
DECLARE
	t text;
	c text;
	b record;
	res record;
	n bigint;
BEGIN
	FOR t, c IN
		SELECT ty, a.attname FROM unnest(ARRAY['comtrade_record', 'baci_record', 'usgs_mcs_record']) ty
		JOIN pg_attribute a ON a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = ('rareearth.' || ty)::regtype)
		WHERE a.attnum > 0 ORDER BY ty, a.attnum
	LOOP
		FOR b IN SELECT v FROM bad_value LOOP
			BEGIN
				DELETE FROM load_rejects;
				IF t = 'comtrade_record' THEN
					INSERT INTO pg_temp.comtrade_raw
					SELECT (jsonb_populate_record(r, jsonb_build_object(c, b.v))).* FROM base_comtrade;
					SELECT rows_loaded AS l, rows_rejected AS j, rows_aggregate AS o INTO res
					FROM load_comtrade('fuzz', synthetic => true);
				ELSIF t = 'baci_record' THEN
					INSERT INTO pg_temp.baci_raw
					SELECT (jsonb_populate_record(r, jsonb_build_object(c, b.v))).* FROM base_baci;
					SELECT rows_loaded AS l, rows_rejected AS j, rows_aggregate AS o INTO res
					FROM load_baci('fuzz', synthetic => true);
				ELSE
					INSERT INTO pg_temp.usgs_mcs_raw
					SELECT (jsonb_populate_record(r, jsonb_build_object(c, b.v))).* FROM base_usgs;
					SELECT rows_loaded AS l, rows_rejected AS j, rows_out_of_scope AS o INTO res
					FROM load_usgs_mcs('MCS2026');
				END IF;
				SELECT count(*) INTO n FROM load_rejects WHERE reason <> '' AND severity IN ('rejected', 'out_of_scope');
				INSERT INTO outcome VALUES (t, c, b.v, res.l, res.j, res.o, n, NULL);
			EXCEPTION WHEN OTHERS THEN
				INSERT INTO outcome VALUES (t, c, b.v, NULL, NULL, NULL, NULL, SQLSTATE || ': ' || SQLERRM);
			END;
		END LOOP;
	END LOOP;
END
$$;

-- every column of every type was tried with every value
SELECT record_type, count(DISTINCT col) AS columns, count(*) AS loads FROM outcome GROUP BY 1 ORDER BY 1;
-- no load aborted, each row is counted once, a row not loaded is filed with
-- a reason: no row (a blank USGS Section or Statistics is filed as out of
-- scope, a USGS year outside 1900-2100 refuses its row)
SELECT record_type, col, left(v, 20) AS v, loaded, rejected, other, filed, error
FROM outcome
WHERE error IS NOT NULL OR loaded + rejected + other <> 1 OR (loaded = 1 AND filed > 0)
   OR (rejected = 1 AND filed = 0) OR (record_type = 'usgs_mcs_record' AND other = 1 AND filed = 0)
ORDER BY 1, 2, 3;
-- and some rows were refused for the field, others loaded despite it (a
-- blank description, an unread column): the test exercises both outcomes
SELECT record_type, sum(loaded) > 0 AS some_loaded, sum(rejected) > 0 AS some_rejected FROM outcome GROUP BY 1 ORDER BY 1;
-- a blank or unreadable estimate flag is stored as not estimated, with the row
SELECT col, v, loaded, rejected FROM outcome
WHERE record_type = 'comtrade_record' AND col IN ('isQtyEstimated', 'isNetWgtEstimated') AND v IN ('', 'wrong')
ORDER BY 1, 2;
ROLLBACK;
