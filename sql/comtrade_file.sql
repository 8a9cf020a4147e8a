-- comtrade_file: load_comtrade_file on one SYNTHETIC file of each layout an
-- analyst downloads (test/fixtures/comtrade_files/, written by
-- tools/make_comtrade_file_fixtures.py): comtradeapicall's CSV (47 API columns
-- plus added ones, True/False, an all-empty row), comtradr's (snake_case,
-- reversed order), the API v1 JSON response, the legacy comtrade.un.org
-- CSV; every row accounted for; the same records in three layouts store
-- the same flows; booleans in every spelling; the net weight's source.
\set VERBOSITY terse
\set apicall `base64 -w0 test/fixtures/comtrade_files/comtradeapicall_synthetic.csv`
\set comtradr `base64 -w0 test/fixtures/comtrade_files/comtradr_synthetic.csv`
\set json `base64 -w0 test/fixtures/comtrade_files/api_v1_response_synthetic.json`
\set legacy `base64 -w0 test/fixtures/comtrade_files/legacy_comtrade_synthetic.csv`
DELETE FROM trade_flow;
DELETE FROM trade_reported_total;
DELETE FROM load_rejects;

-- the flows as stored, to compare the layouts
CREATE TEMP TABLE stored (layout text, flows text);
CREATE FUNCTION pg_temp.stored_flows() RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(format('%s %s %s %s %s %s %s %s %s %s', reporter, partner, flow, product, year, net_weight_kg,
	                         value_usd, quantity_estimated, net_weight_estimated, net_weight_source), E'\n'
	                  ORDER BY reporter, partner, flow)
	FROM (SELECT reporter, partner, flow, product, year, net_weight_kg, value_usd, quantity_estimated, net_weight_estimated,
	             net_weight_source FROM trade_flow
	      UNION ALL
	      SELECT reporter, partner_area, flow, product, year, net_weight_kg, value_usd, NULL, NULL, net_weight_source
	      FROM trade_reported_total) f $$;

-- comtradeapicall: 6 records and an all-empty row
SELECT * FROM load_comtrade_file(decode(:'apicall', 'base64'), 'comtradeapicall_synthetic.csv', synthetic => true);
INSERT INTO stored SELECT 'comtradeapicall', pg_temp.stored_flows();
-- every data row once: loaded + rejected + aggregate + out of scope = 7,
-- and each row not loaded is in load_rejects with its file and line
SELECT severity, line, reason, record->>'partnerCode' AS partner
FROM load_rejects WHERE file = 'comtradeapicall_synthetic.csv' ORDER BY line;
-- what was stored, checked against the file's records (tools/make_comtrade_file_fixtures.py):
-- World (0): an aggregate, netWgt 0 beside 1,000,000 USD, qty 123456 kg stands in;
-- China M: qty 100000 kg stands in, isQtyEstimated True; China X: netWgt 500,
-- isNetWgtEstimated TRUE; Russia M: netWgt 0 and qty in items: no weight;
-- Kazakhstan M: blank flags, not estimated
SELECT (SELECT net_weight_kg = 123456 AND net_weight_source = 'qty' FROM trade_reported_total WHERE partner_area = 'WLD') AS world_weight_from_qty,
       (SELECT net_weight_kg = 100000 AND net_weight_source = 'qty' AND quantity_estimated AND NOT net_weight_estimated
        FROM trade_flow WHERE partner = 'CHN' AND flow = 'M') AS china_import_qty_estimated,
       (SELECT net_weight_kg = 500 AND net_weight_source = 'netWgt' AND net_weight_estimated AND NOT quantity_estimated
        FROM trade_flow WHERE partner = 'CHN' AND flow = 'X') AS china_export_weight_estimated,
       (SELECT net_weight_kg IS NULL AND net_weight_source IS NULL FROM trade_flow WHERE partner = 'RUS') AS russia_no_weight,
       (SELECT net_weight_kg = 250 AND NOT quantity_estimated AND NOT net_weight_estimated FROM trade_flow WHERE partner = 'KAZ') AS blank_flags_false,
       (SELECT count(*) FROM trade_flow) = 4 AND (SELECT count(*) FROM trade_reported_total) = 1 AS counts_stored;

-- comtradr's and the JSON response store the same flows
SELECT * FROM load_comtrade_file(decode(:'comtradr', 'base64'), 'comtradr_synthetic.csv', synthetic => true);
INSERT INTO stored SELECT 'comtradr', pg_temp.stored_flows();
SELECT * FROM load_comtrade_file(decode(:'json', 'base64'), 'api_v1_response_synthetic.json', synthetic => true);
INSERT INTO stored SELECT 'json', pg_temp.stored_flows();
SELECT layout, flows = (SELECT flows FROM stored WHERE layout = 'comtradeapicall') AS same_flows FROM stored ORDER BY layout;
-- a JSON record's line is its number in the data array
SELECT line, reason FROM load_rejects WHERE file = 'api_v1_response_synthetic.json' ORDER BY line;
-- loading a file again changes nothing
SELECT * FROM load_comtrade_file(decode(:'json', 'base64'), 'api_v1_response_synthetic.json', synthetic => true);
SELECT pg_temp.stored_flows() = (SELECT flows FROM stored WHERE layout = 'json') AS unchanged,
       (SELECT count(*) FROM load_rejects WHERE file = 'api_v1_response_synthetic.json') AS rejects_once;

-- the legacy CSV: flow codes 1-4, Italy's legacy code 381, totals where the
-- breakdown columns are absent, a monthly period, flow code 5 refused
DELETE FROM trade_flow;
DELETE FROM trade_reported_total;
SELECT * FROM load_comtrade_file(decode(:'legacy', 'base64'), 'legacy_comtrade_synthetic.csv', synthetic => true);
SELECT reporter::text, partner::text, flow, product::text, year, month, net_weight_kg, value_usd, net_weight_source FROM trade_flow ORDER BY 1, 2;
SELECT reporter::text, partner_area::text, flow, net_weight_kg, value_usd, net_weight_source FROM trade_reported_total;
SELECT line, reason FROM load_rejects WHERE file = 'legacy_comtrade_synthetic.csv' ORDER BY line;

-- errors that load nothing, with their SQLSTATE
SELECT error_of($q$SELECT load_comtrade_file(NULL)$q$) AS null_content;
SELECT error_of($q$SELECT load_comtrade_file(convert_to('a,b,c\n1,2,3\n', 'UTF8'), 'x.csv')$q$) AS unknown_layout;
SELECT error_of($q$SELECT load_comtrade_file(''::bytea, 'empty.csv')$q$) AS empty_file;
SELECT error_of($q$SELECT load_comtrade_file(convert_to('{"data": [', 'UTF8'), 'cut.json')$q$) AS invalid_json;
SELECT error_of($q$SELECT load_comtrade_file(convert_to('{"elapsedTime": "0.1 secs", "count": 0, "data": null, "error": "Invalid subscription key"}', 'UTF8'), 'e.json')$q$) AS api_error;
SELECT error_of($q$SELECT load_comtrade_file(convert_to('{"results": []}', 'UTF8'), 'other.json')$q$) AS other_json;
SELECT error_of($q$SELECT load_comtrade_file('\xff80fe'::bytea, 'bin.csv')$q$) AS not_text;

-- the staging path keeps working beside it
SELECT stage('comtrade');
SELECT count(*) AS staged_left FROM comtrade_raw;
DELETE FROM trade_flow;
DELETE FROM trade_reported_total;
DELETE FROM load_rejects;
