-- ---------------------------------------------------------------------------
-- trade_network: origin tracing through the trade network.
-- Kastner, Kastner, Erb & Krausmann (2011), Ecological Economics 70(6)
-- 1032, doi:10.1016/j.ecolecon.2011.01.012: x = p + imports, d = x - exports,
-- O = diag(p) (diag(x) - Z)^-1 diag(d); O[i, j] is the quantity produced in
-- i that is used in j, under proportional pooling (each country's exports
-- carry the origin mix of its whole supply).  Math: src/core/origin.c.
-- A row whose exporter is its importer is that country's production.
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.trade_network;

CREATE FUNCTION @extschema@.trade_network_in(cstring) RETURNS @extschema@.trade_network
	AS 'MODULE_PATHNAME', 'trade_network_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_out(@extschema@.trade_network) RETURNS cstring
	AS 'MODULE_PATHNAME', 'trade_network_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_recv(internal) RETURNS @extschema@.trade_network
	AS 'MODULE_PATHNAME', 'trade_network_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_send(@extschema@.trade_network) RETURNS bytea
	AS 'MODULE_PATHNAME', 'trade_network_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.trade_network (
	INPUT = @extschema@.trade_network_in,
	OUTPUT = @extschema@.trade_network_out,
	RECEIVE = @extschema@.trade_network_recv,
	SEND = @extschema@.trade_network_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.trade_network IS
	'production and bilateral flows of one commodity, stage and year in one unit; text form {"CHN": {"CHN": 126, "JPN": 50}, "JPN": {"DEU": 10}} (exporter: {importer: quantity}, the exporter itself for its production)';
COMMENT ON FUNCTION @extschema@.trade_network_in(cstring) IS 'text input of trade_network (a JSON object of exporter: {importer: quantity}; the exporter as its own importer is its production)';
COMMENT ON FUNCTION @extschema@.trade_network_out(@extschema@.trade_network) IS 'text output of trade_network (exporters and importers in canonical order, shortest round-trip numbers)';
COMMENT ON FUNCTION @extschema@.trade_network_recv(internal) IS 'binary input of trade_network (version byte first)';
COMMENT ON FUNCTION @extschema@.trade_network_send(@extschema@.trade_network) IS 'binary output of trade_network (version byte first)';

CREATE FUNCTION @extschema@.trade_network_to_jsonb(@extschema@.trade_network) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'trade_network_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trade_network_to_jsonb(@extschema@.trade_network) IS 'the trade network as a jsonb object of exporter: {importer: quantity}';
CREATE CAST (@extschema@.trade_network AS jsonb) WITH FUNCTION @extschema@.trade_network_to_jsonb(@extschema@.trade_network);
COMMENT ON CAST (@extschema@.trade_network AS jsonb) IS 'a trade network as a jsonb object of exporter: {importer: quantity}';

CREATE FUNCTION @extschema@.trade_network_eq(@extschema@.trade_network, @extschema@.trade_network) RETURNS bool
	AS 'MODULE_PATHNAME', 'trade_network_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trade_network_eq(@extschema@.trade_network, @extschema@.trade_network) IS 'true when both networks have the same countries, production and flows';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.trade_network, RIGHTARG = @extschema@.trade_network,
	FUNCTION = @extschema@.trade_network_eq, COMMUTATOR = OPERATOR(@extschema@.=),
	RESTRICT = eqsel, JOIN = eqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.trade_network, @extschema@.trade_network) IS 'same countries, production and flows';

-- aggregate support: the state is a supply_mix state keyed by
-- exporter and importer, so combine, serialize and deserialize are
-- supply_mix's (src/trade_network.c) ----------------------------------------

CREATE FUNCTION @extschema@.trade_network_trans(internal, text, text, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'trade_network_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_trans(internal, text, text, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'trade_network_trans_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_rollup_trans(internal, @extschema@.trade_network) RETURNS internal
	AS 'MODULE_PATHNAME', 'trade_network_rollup_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_final(internal) RETURNS @extschema@.trade_network
	AS 'MODULE_PATHNAME', 'trade_network_final' LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trade_network_trans(internal, text, text, float8) IS 'trade_network aggregate transition (exporter, importer, float8 quantity)';
COMMENT ON FUNCTION @extschema@.trade_network_trans(internal, text, text, numeric) IS 'trade_network aggregate transition (exporter, importer, numeric quantity)';
COMMENT ON FUNCTION @extschema@.trade_network_rollup_trans(internal, @extschema@.trade_network) IS 'rollup(trade_network) transition: adds a network''s production and flows into the state';
COMMENT ON FUNCTION @extschema@.trade_network_final(internal) IS 'trade_network aggregate final function (the empty network for no rows)';

CREATE AGGREGATE @extschema@.trade_network(exporter text, importer text, quantity float8) (
	SFUNC = @extschema@.trade_network_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.trade_network_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.trade_network(exporter text, importer text, quantity numeric) (
	SFUNC = @extschema@.trade_network_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.trade_network_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.trade_network) (
	SFUNC = @extschema@.trade_network_rollup_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.trade_network_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trade_network(text, text, float8) IS 'a trade network from flow rows (exporter, importer, quantity) and production rows (country, country, quantity); quantities of the same pair added; NULL exporter, importer or quantity skipped; negative or non-finite quantity is an error';
COMMENT ON AGGREGATE @extschema@.trade_network(text, text, numeric) IS 'a trade network from flow and production rows, numeric quantities';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.trade_network) IS 'adds trade networks: production and flows pair by pair (shards, months into a year)';

-- accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.domestic_use(@extschema@.trade_network, country text) RETURNS float8
	AS 'MODULE_PATHNAME', 'trade_network_domestic_use' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.traced_origin(@extschema@.trade_network, country text) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'trade_network_traced_origin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.direct_origin(@extschema@.trade_network, country text) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'trade_network_direct_origin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.origin_flows(@extschema@.trade_network,
	OUT origin text, OUT destination text, OUT quantity float8, OUT share float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_origin_flows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
CREATE FUNCTION @extschema@.disruption(@extschema@.trade_network, supplier text, cut float8,
	OUT country text, OUT use_before float8, OUT use_after float8, OUT shortfall float8,
	OUT shortfall_share float8, OUT direct_shortfall float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_disruption' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
CREATE FUNCTION @extschema@.network_adjustments(@extschema@.trade_network,
	OUT country text, OUT reported_exports float8, OUT traced_exports float8, OUT adjustment float8,
	OUT share_of_world_trade float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_adjustments' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.domestic_use(@extschema@.trade_network, text) IS 'd = production + imports - exports of the country after the imbalance rule (Kastner et al. 2011); 0 for a country not in the network';
COMMENT ON FUNCTION @extschema@.traced_origin(@extschema@.trade_network, text) IS 'where the country''s use was produced: column j of O = diag(p) (diag(x) - Z)^-1 diag(d) (Kastner et al. 2011, doi:10.1016/j.ecolecon.2011.01.012) as a supply_mix totalling its use; assumes proportional pooling (exports carry the origin mix of the whole supply)';
COMMENT ON FUNCTION @extschema@.direct_origin(@extschema@.trade_network, text) IS 'the country''s use by direct source: own production and imports by partner, scaled by d/x to total its use (proportional pooling), as a supply_mix beside traced_origin';
COMMENT ON FUNCTION @extschema@.origin_flows(@extschema@.trade_network) IS 'every entry O[i, j] > 0 of O = diag(p) (diag(x) - Z)^-1 diag(d) (Kastner et al. 2011): origin, destination, quantity, share of the destination''s use; assumes proportional pooling';
COMMENT ON FUNCTION @extschema@.disruption(@extschema@.trade_network, text, float8) IS 'what-if: the supplier cuts its exports by the fraction cut (0-1), every export share held fixed, the network re-solved (x = p + a''x, Kastner et al. 2011 algebra): use before and after, shortfall, its share of use (NULL for no use), and the direct-only shortfall cut x imports from the supplier (for the supplier, -cut x its exports)';
COMMENT ON FUNCTION @extschema@.network_adjustments(@extschema@.trade_network) IS 'the countries whose exports the imbalance rule scaled down (exports beyond production + imports are scaled to supply, as FABIO does, Bruckner et al. 2019, and the partners downstream follow with shares fixed): reported and traced exports, the adjustment and its share of all reported flows';
