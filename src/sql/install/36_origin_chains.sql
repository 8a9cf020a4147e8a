-- stages chained: the networks of consecutive stages of one commodity,
-- earliest first, each in that stage's content unit (the caller's part: a
-- trade_network carries neither stage nor unit; the store's views take
-- both from the HS catalogue) ----------------------------------------------

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
