-- rareearth 0.2.0 -> 0.3.0.  The Makefile assembles the update script from
-- this file and the install parts listed in UPGRADE_0_3_0_PARTS (new in
-- 0.3.0, or replaced as a whole).  Every change to an install part comes
-- with its change here, in the same commit: test/scripts/upgrade.sh updates
-- 0.1.0 and 0.2.0 to 0.3.0 and compares the catalog with a fresh install.
-- 52_store.sql and 56_store_views.sql follow this file whole (their functions
-- are CREATE OR REPLACE); this file carries the changes of every other part,
-- one section per change, functions as CREATE OR REPLACE.  The update does
-- not touch the store (it belongs to its owner, not to the extension): the
-- owner runs create_store() after it, which adds what is missing and
-- redefines the views.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.3.0'" to load this file. \quit

-- origin: without_largest(supply_mix), the supply left without the largest supplier
CREATE FUNCTION @extschema@.without_largest(@extschema@.supply_mix,
	OUT largest_supplier text, OUT largest_share float8, OUT quantity_left float8, OUT share_left float8) RETURNS record
	AS 'MODULE_PATHNAME', 'supply_mix_without_largest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.without_largest(@extschema@.supply_mix) IS 'supply left without the largest supplier (the IEA''s test of diversification, Global Critical Minerals Outlook: what remains if the largest source fails): the largest supplier (ties: first by supplier) and its share, the other suppliers'' quantity and its share of the total (0-1); quantity_left 0 and the rest NULL when the total is 0; on traced_origin it answers for the largest origin, not the largest direct partner';
