-- rareearth 0.1.0 -> 0.2.0.  The Makefile assembles the upgrade script from
-- this prologue and the install parts that changed (sql/install/51_staging,
-- 52_store, 53_loader_common, 54_load_trade, 55_load_usgs_mcs, 59_grants;
-- functions there become CREATE OR REPLACE, which PostgreSQL refuses for
-- any function that is not already a member of this extension).
-- test/sql/upgrade.sh installs 0.1.0, loads data, adds dependent views and
-- materialized views, updates, and compares the catalog with a fresh 0.2.0.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.2.0'" to load this file. \quit

-- 1. Staging moves to per-session temporary tables (stage()).  Rows still
-- staged in the shared 0.1.0 tables would be lost with them: refuse.
DO $staged$
DECLARE
	t text;
	n bigint;
BEGIN
	FOREACH t IN ARRAY ARRAY['comtrade_raw', 'baci_raw', 'usgs_mcs_raw'] LOOP
		EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM @extschema@.%I', t) INTO n;
		IF n OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
				MESSAGE = pg_catalog.format('rareearth.%s holds %s staged rows that no loader has moved', t, n),
				HINT = 'Run the loader for them (or empty the table), then update again.';
		END IF;
	END LOOP;
END
$staged$;
DROP TABLE @extschema@.comtrade_raw, @extschema@.baci_raw, @extschema@.usgs_mcs_raw;

-- 2. The data tables and the views over them become the store: no longer
-- members of the extension (so DROP EXTENSION keeps them), owned by the
-- extension's owner like a store made by create_store().  Every row stays.
ALTER EXTENSION rareearth DROP TABLE @extschema@.trade_flow;
ALTER EXTENSION rareearth DROP TABLE @extschema@.trade_reported_total;
ALTER EXTENSION rareearth DROP TABLE @extschema@.production;
ALTER EXTENSION rareearth DROP TABLE @extschema@.reserves;
ALTER EXTENSION rareearth DROP TABLE @extschema@.targets;
ALTER EXTENSION rareearth DROP TABLE @extschema@.governance;
ALTER EXTENSION rareearth DROP TABLE @extschema@.load_rejects;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_latest;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_latest;
ALTER EXTENSION rareearth DROP VIEW @extschema@.supply_share;
ALTER EXTENSION rareearth DROP VIEW @extschema@.supply_concentration;
ALTER EXTENSION rareearth DROP VIEW @extschema@.development;
ALTER EXTENSION rareearth DROP VIEW @extschema@.target_tracking;
ALTER EXTENSION rareearth DROP VIEW @extschema@.import_reliance;
ALTER EXTENSION rareearth DROP VIEW @extschema@.import_dependency;
ALTER TABLE @extschema@.trade_flow OWNER TO @extowner@;
ALTER TABLE @extschema@.trade_reported_total OWNER TO @extowner@;
ALTER TABLE @extschema@.production OWNER TO @extowner@;
ALTER TABLE @extschema@.reserves OWNER TO @extowner@;
ALTER TABLE @extschema@.targets OWNER TO @extowner@;
ALTER TABLE @extschema@.governance OWNER TO @extowner@;
ALTER TABLE @extschema@.load_rejects OWNER TO @extowner@;
ALTER VIEW @extschema@.production_latest OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_latest OWNER TO @extowner@;
ALTER VIEW @extschema@.supply_share OWNER TO @extowner@;
ALTER VIEW @extschema@.supply_concentration OWNER TO @extowner@;
ALTER VIEW @extschema@.development OWNER TO @extowner@;
ALTER VIEW @extschema@.target_tracking OWNER TO @extowner@;
ALTER VIEW @extschema@.import_reliance OWNER TO @extowner@;
ALTER VIEW @extschema@.import_dependency OWNER TO @extowner@;

-- 3. A refused record is filed once per source, release and reason (0.1.0
-- filed concurrent duplicates): keep the first of each, then make it a key.
DELETE FROM @extschema@.load_rejects l
USING (SELECT ctid, pg_catalog.row_number() OVER (
		PARTITION BY source, release, reason, pg_catalog.md5(record::text) ORDER BY rejected_at, ctid) AS n
	   FROM @extschema@.load_rejects) d
WHERE l.ctid OPERATOR(pg_catalog.=) d.ctid AND d.n OPERATOR(pg_catalog.>) 1;
DROP INDEX @extschema@.load_rejects_source_idx;
CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release and reason (record compared by its md5)';
COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use, each with the reason; a record is filed once per source, release and reason (identical lines of a file, or the same file loaded twice, add one row)';

-- 4. What changed in the install parts follows.
