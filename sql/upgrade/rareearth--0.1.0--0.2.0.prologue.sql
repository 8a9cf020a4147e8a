-- rareearth 0.1.0 -> 0.2.0.  The Makefile assembles the upgrade script:
--   1. this prologue;
--   2. sql/install/52_store.sql and 56_store_views.sql (create_store(),
--      create_store_views());
--   3. rareearth--0.1.0--0.2.0.store.sql: new store tables created and the
--      views redefined while they are still members of the extension
--      (PostgreSQL refuses CREATE OR REPLACE of an object that is not), then
--      tables and views detached as the store;
--   4. the install parts that changed (51_staging, 53_loader_common,
--      54_load_trade, 55_load_usgs_mcs, 59_grants), functions as CREATE OR
--      REPLACE, which PostgreSQL refuses for any function that is not already
--      a member of this extension.
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


-- 2. Comments that changed in parts not replayed below
COMMENT ON FUNCTION @extschema@.is_aggregate(@extschema@.country) IS 'true for World, the EU, "Areas, nes" (XAN, also USGS "Other countries") and other non-country areas (Free Zones, SACU); false for S19 "Other Asia, nes", which carries Taiwan''s trade and is a real partner.  Over production_latest, keep XAN to reproduce USGS''s HHI (the residual as one supplier, as supply_concentration does); filter NOT is_aggregate(country) to rank named countries only';
