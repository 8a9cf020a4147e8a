-- The store's version: create_store() records the extension version it
-- brought the store to; a loader refuses a store in an older shape (as
-- after ALTER EXTENSION rareearth UPDATE, before the owner ran
-- create_store()) with the remedy, and create_store() brings it up to date
-- without touching a loaded row.
SET search_path = rareearth, public;
-- the message and hint a statement fails with (55000 only), the current
-- version written <current> so that the next release leaves this file alone
CREATE FUNCTION pg_temp.refusal(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE hint text;
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN object_not_in_prerequisite_state THEN
	GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
	RETURN replace(SQLERRM, (SELECT extversion FROM pg_extension WHERE extname = 'rareearth'), '<current>') || '; hint: ' || hint;
END $$;
SELECT version = (SELECT extversion FROM pg_extension WHERE extname = 'rareearth') AS recorded_version_is_current,
       check_store_version() = version AS check_agrees
FROM store_version;
-- a store as 0.2.0 left it has no store_version table; one that says 0.2.0
-- stands for both here
CREATE TEMP TABLE rows_before AS SELECT (SELECT count(*) FROM production) AS production, (SELECT count(*) FROM trade_flow) AS trade;
UPDATE store_version SET version = '0.2.0';
SELECT stage('usgs_mcs');
\set VERBOSITY sqlstate
SELECT load_usgs_mcs('MCS2026');
\set VERBOSITY default
SELECT pg_temp.refusal($$SELECT rareearth.load_usgs_mcs('MCS2026')$$);
SELECT create_store();
SELECT version = (SELECT extversion FROM pg_extension WHERE extname = 'rareearth') AS brought_up_to_date,
       (SELECT count(*) FROM production) = (SELECT production FROM rows_before)
       AND (SELECT count(*) FROM trade_flow) = (SELECT trade FROM rows_before) AS no_row_touched
FROM store_version;
-- and with no store_version table at all (a 0.2.0 store)
ALTER TABLE store_version RENAME TO store_version_kept;
SELECT pg_temp.refusal('SELECT rareearth.check_store_version()');
DROP TABLE store_version_kept;
SELECT create_store();
SELECT count(*) = 1 AND bool_and(version = (SELECT extversion FROM pg_extension WHERE extname = 'rareearth')) AS recorded_again
FROM store_version;
