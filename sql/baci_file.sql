-- baci_file: load_baci_file on the SYNTHETIC BACI fixture
-- (test/fixtures/baci_synthetic.csv, padded as CEPII pads) stores what the
-- staging path (stage, \copy, load_baci) stores, with the same counts;
-- every row accounted for, refusals filed with file and line; the release
-- read from CEPII's file name; errors with their SQLSTATE.
\set VERBOSITY terse
\set baci `base64 -w0 test/fixtures/baci_synthetic.csv`
DELETE FROM trade_flow;
DELETE FROM trade_reported_total;
DELETE FROM load_rejects;

-- the independent path: \copy into the staging table, load_baci
SELECT stage('baci');
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
CREATE TEMP TABLE by_copy AS SELECT * FROM load_baci('BACI HS17 V202501', synthetic => true);
CREATE TEMP TABLE stored_by_copy AS
SELECT year, reporter, partner, flow, product, net_weight_kg, value_usd, net_weight_source FROM trade_flow
UNION ALL SELECT year, reporter, partner_area, flow, product, net_weight_kg, value_usd, net_weight_source FROM trade_reported_total;
CREATE TEMP TABLE rejects_by_copy AS SELECT reason, record FROM load_rejects;
DELETE FROM trade_flow;
DELETE FROM trade_reported_total;
DELETE FROM load_rejects;

-- the file, its release read from CEPII's name
CREATE TEMP TABLE by_file AS
SELECT * FROM load_baci_file(decode(:'baci', 'base64'), 'BACI_HS17_Y2023_V202501.csv', synthetic => true);
SELECT * FROM by_file;
SELECT f.rows_loaded = c.rows_loaded AND f.rows_rejected = c.rows_rejected AND f.rows_aggregate = c.rows_aggregate AS same_counts,
       f.rows_loaded + f.rows_rejected + f.rows_aggregate + f.rows_out_of_scope = 7 AS every_data_row,
       (SELECT count(*) FROM (
          (SELECT year, reporter, partner, flow, product, net_weight_kg, value_usd, net_weight_source FROM trade_flow
           UNION ALL SELECT year, reporter, partner_area, flow, product, net_weight_kg, value_usd, net_weight_source FROM trade_reported_total)
          EXCEPT ALL SELECT * FROM stored_by_copy) d) = 0
       AND (SELECT count(*) FROM trade_flow) + (SELECT count(*) FROM trade_reported_total) = (SELECT count(*) FROM stored_by_copy) AS same_rows,
       (SELECT count(*) FROM (SELECT reason, record FROM load_rejects EXCEPT ALL SELECT * FROM rejects_by_copy) d) = 0 AS same_rejects,
       (SELECT bool_and(release = 'BACI HS17 V202501') FROM trade_flow) AS release_from_name
FROM by_file f, by_copy c;
SELECT file, line, reason FROM load_rejects ORDER BY line;

-- an all-empty row is out of scope, a row of 7 fields rejected
SELECT * FROM load_baci_file(convert_to(E't,i,j,k,v,q\n2023,643,156,284690,12.5,NA\n,,,,,\n2023,643,156,284690,1,2,3\n', 'UTF8'),
                             'BACI_HS17_Y2023_V202501.csv', synthetic => true);
SELECT line, severity, reason FROM load_rejects ORDER BY line;

SELECT error_of($q$SELECT load_baci_file(NULL)$q$) AS null_content;
SELECT error_of($q$SELECT load_baci_file(convert_to(E't,i,j,k,v\n', 'UTF8'), 'BACI_HS17_Y2023_V202501.csv')$q$) AS other_header;
SELECT error_of($q$SELECT load_baci_file(convert_to(E't,i,j,k,v,q\n', 'UTF8'), 'mine.csv')$q$) AS no_release;
DELETE FROM trade_flow;
DELETE FROM trade_reported_total;
DELETE FROM load_rejects;
