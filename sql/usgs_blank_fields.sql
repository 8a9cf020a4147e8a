-- usgs_blank_fields: a staged MCS2026 row with a blank Section or Statistics
-- is filed in load_rejects as out of scope with its reason (not only
-- counted), and a year no release prints (2999) refuses its own row while
-- the file's other rows load under the edition.  A plausible year of
-- another edition still refuses the whole file (editions are never mixed).
\set VERBOSITY terse
BEGIN;
SELECT stage('usgs_mcs');
CREATE TEMP TABLE good AS
SELECT ROW('RARE EARTHS', 'World Mine Production and Reserves', 'Rare Earths', 'Australia', 'Production',
	'Mine production', 'metric tons', '2024', '29,000', 'Estimated.', 'Yes', 'SYNTHETIC row')::usgs_mcs_record AS r;
INSERT INTO pg_temp.usgs_mcs_raw
SELECT (jsonb_populate_record(r, e)).*
FROM good, (VALUES ('{}'::jsonb), ('{"Country": "China", "Section": null}'), ('{"Country": "Brazil", "Statistics": ""}'),
                   ('{"Country": "India", "Year": "2999"}')) v(e);
-- four rows in: one loaded, one refused, two out of scope, each counted once
SELECT rows_loaded, rows_rejected, rows_out_of_scope,
       rows_loaded + rows_rejected + rows_out_of_scope = 4 AS all_counted
FROM load_usgs_mcs('MCS2026');
-- every row not loaded is filed, with its reason
SELECT record->>'Country' AS country, severity, reason FROM load_rejects ORDER BY 1;
SELECT count(*) = 1 AS australia_loaded FROM production
WHERE country = 'AUS' AND year = 2024 AND edition = 'MCS2026' AND quantity_t = 29000;
-- a plausible year of another edition beside the edition's own: the file is refused whole
SELECT stage('usgs_mcs');
INSERT INTO pg_temp.usgs_mcs_raw
SELECT (jsonb_populate_record(r, e)).* FROM good, (VALUES ('{}'::jsonb), ('{"Country": "China", "Year": "2019"}')) v(e);
SELECT * FROM load_usgs_mcs('MCS2026');
ROLLBACK;
