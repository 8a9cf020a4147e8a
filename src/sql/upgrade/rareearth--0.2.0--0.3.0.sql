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

-- origin: stages chained (chained_origin, chained_origin_flows, chained_disruption over trade_network[])

CREATE FUNCTION @extschema@.chained_origin(stages @extschema@.trade_network[], country text) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'trade_network_chained_origin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chained_origin_flows(stages @extschema@.trade_network[],
	OUT origin text, OUT destination text, OUT quantity float8, OUT share float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_chained_origin_flows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
CREATE FUNCTION @extschema@.chained_disruption(stages @extschema@.trade_network[], supplier text, cut float8,
	OUT country text, OUT use_before float8, OUT use_after float8, OUT shortfall float8,
	OUT shortfall_share float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_chained_disruption' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
COMMENT ON FUNCTION @extschema@.chained_origin(@extschema@.trade_network[], text) IS 'where the country''s use at the last stage was first produced (mined), through every stage: mine_origin[m, j] = sum_q (O_{s-1}[m, q] / d_{s-1}[q]) O_s[q, j] stage after stage (Kastner et al. 2011 per stage), as a supply_mix totalling its last-stage use; stages earliest first, each in one content unit (the caller''s duty: a trade_network carries neither); production of a country that used nothing at the stage before is its own origin; assumes proportional pooling';
COMMENT ON FUNCTION @extschema@.chained_origin_flows(@extschema@.trade_network[]) IS 'every origin, last-stage user pair of chained_origin with quantity > 0: origin, destination, quantity, share of the destination''s last-stage use; assumes proportional pooling';
COMMENT ON FUNCTION @extschema@.chained_disruption(@extschema@.trade_network[], text, float8) IS 'what-if across stages: the supplier cuts its first-stage exports by the fraction cut (0-1); each later stage''s producers produce in proportion to their use of the stage before (fixed input per output, never above the reported output), export shares held fixed; per country of the last stage: use before and after, shortfall, its share of use (NULL for no use)';
