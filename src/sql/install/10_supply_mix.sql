-- ---------------------------------------------------------------------------
-- supply_mix: total quantity per supplier, and its shares and concentration
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.supply_mix;

CREATE FUNCTION @extschema@.supply_mix_in(cstring) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_out(@extschema@.supply_mix) RETURNS cstring
	AS 'MODULE_PATHNAME', 'supply_mix_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_recv(internal) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_send(@extschema@.supply_mix) RETURNS bytea
	AS 'MODULE_PATHNAME', 'supply_mix_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.supply_mix (
	INPUT = @extschema@.supply_mix_in,
	OUTPUT = @extschema@.supply_mix_out,
	RECEIVE = @extschema@.supply_mix_recv,
	SEND = @extschema@.supply_mix_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.supply_mix IS
	'summary of total quantity per supplier; text form is a JSON object {"CHN": 270000, "USA": 45000}';
COMMENT ON FUNCTION @extschema@.supply_mix_in(cstring) IS 'text input of supply_mix (a JSON object of supplier: quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_out(@extschema@.supply_mix) IS 'text output of supply_mix (a JSON object, suppliers in canonical order, shortest round-trip numbers)';
COMMENT ON FUNCTION @extschema@.supply_mix_recv(internal) IS 'binary input of supply_mix (version byte first)';
COMMENT ON FUNCTION @extschema@.supply_mix_send(@extschema@.supply_mix) IS 'binary output of supply_mix (version byte first)';

CREATE FUNCTION @extschema@.supply_mix_to_jsonb(@extschema@.supply_mix) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'supply_mix_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.supply_mix_to_jsonb(@extschema@.supply_mix) IS 'the supply mix as a jsonb object of supplier: quantity';
CREATE CAST (@extschema@.supply_mix AS jsonb) WITH FUNCTION @extschema@.supply_mix_to_jsonb(@extschema@.supply_mix);
COMMENT ON CAST (@extschema@.supply_mix AS jsonb) IS 'a supply mix as a jsonb object of supplier: quantity';

-- aggregate support ---------------------------------------------------------

CREATE FUNCTION @extschema@.supply_mix_trans(internal, text, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_trans_text' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_trans(internal, text, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_trans_text_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_trans(internal, bigint, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_trans_int' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_trans(internal, bigint, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_trans_int_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_rollup_trans(internal, @extschema@.supply_mix) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_rollup_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_combine' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'supply_mix_serialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_deserialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_final(internal) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_final' LANGUAGE C PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.supply_mix_trans(internal, text, float8) IS 'supply_mix aggregate transition (text supplier, float8 quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_trans(internal, text, numeric) IS 'supply_mix aggregate transition (text supplier, numeric quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_trans(internal, bigint, float8) IS 'supply_mix aggregate transition (bigint supplier code, float8 quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_trans(internal, bigint, numeric) IS 'supply_mix aggregate transition (bigint supplier code, numeric quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_rollup_trans(internal, @extschema@.supply_mix) IS 'rollup(supply_mix) transition: merges a summary into the state';
COMMENT ON FUNCTION @extschema@.supply_mix_combine(internal, internal) IS 'supply_mix aggregate combine function (parallel and partial aggregation)';
COMMENT ON FUNCTION @extschema@.supply_mix_serialize(internal) IS 'supply_mix aggregate state serialization (version byte first, compensation terms kept)';
COMMENT ON FUNCTION @extschema@.supply_mix_deserialize(bytea, internal) IS 'supply_mix aggregate state deserialization; rejects malformed input';
COMMENT ON FUNCTION @extschema@.supply_mix_final(internal) IS 'supply_mix aggregate final function: the sorted summary (an empty mix for no rows)';

-- SSPACE: the bytes a group's state takes in hashed aggregation
-- (src/core/mix_internal.h, src/supply_mix.c: 120 bytes hold up to 5
-- suppliers), so the planner sizes hash aggregation right; its default for
-- internal states is 8 kB, with which a million small groups are planned to
-- spill to disk.
CREATE AGGREGATE @extschema@.supply_mix(supplier text, quantity float8) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier text, quantity numeric) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier bigint, quantity float8) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier bigint, quantity numeric) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.supply_mix) (
	SFUNC = @extschema@.supply_mix_rollup_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.supply_mix(text, float8) IS 'total quantity per supplier (NULL supplier or quantity skipped; negative or non-finite quantity is an error)';
COMMENT ON AGGREGATE @extschema@.supply_mix(text, numeric) IS 'total quantity per supplier, numeric quantities';
COMMENT ON AGGREGATE @extschema@.supply_mix(bigint, float8) IS 'total quantity per supplier code (e.g. UN Comtrade partnerCode)';
COMMENT ON AGGREGATE @extschema@.supply_mix(bigint, numeric) IS 'total quantity per supplier code, numeric quantities';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.supply_mix) IS 'merges supply mixes, adding quantities per supplier';

-- accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.total(@extschema@.supply_mix) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supplier_count(@extschema@.supply_mix) RETURNS int
	AS 'MODULE_PATHNAME', 'supply_mix_supplier_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantity(@extschema@.supply_mix, supplier text) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_quantity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share(@extschema@.supply_mix, supplier text) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hhi(@extschema@.supply_mix) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_hhi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hhi_normalized(@extschema@.supply_mix) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_normalized' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.equivalent_suppliers(@extschema@.supply_mix) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_equivalent_suppliers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cr(@extschema@.supply_mix, n int) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_cr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.top_suppliers(@extschema@.supply_mix, n int,
	OUT rank int, OUT supplier text, OUT quantity float8, OUT share float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'supply_mix_top_suppliers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
CREATE FUNCTION @extschema@.dominant_supplier(@extschema@.supply_mix) RETURNS text
	AS 'MODULE_PATHNAME', 'supply_mix_dominant_supplier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.without_largest(@extschema@.supply_mix,
	OUT largest_supplier text, OUT largest_share float8, OUT quantity_left float8, OUT share_left float8) RETURNS record
	AS 'MODULE_PATHNAME', 'supply_mix_without_largest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.entropy(@extschema@.supply_mix) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_entropy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.concentration_class(hhi float8, guidelines text DEFAULT '2010') RETURNS text
	AS 'MODULE_PATHNAME', 'concentration_class_hhi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.concentration_class(@extschema@.supply_mix, guidelines text DEFAULT '2010') RETURNS text
	AS 'MODULE_PATHNAME', 'supply_mix_concentration_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.coverage(@extschema@.supply_mix, reported_total float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'supply_mix_coverage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hhi_bounds(@extschema@.supply_mix, reported_total float8,
	OUT lower float8, OUT upper float8) RETURNS record
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_bounds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.total(@extschema@.supply_mix) IS 'sum of all suppliers'' quantities (0 for an empty mix)';
COMMENT ON FUNCTION @extschema@.supplier_count(@extschema@.supply_mix) IS 'number of suppliers with quantity > 0';
COMMENT ON FUNCTION @extschema@.quantity(@extschema@.supply_mix, text) IS 'quantity of one supplier (0 when absent)';
COMMENT ON FUNCTION @extschema@.share(@extschema@.supply_mix, text) IS 'share of one supplier, q/total as a fraction 0-1 (0 when absent, NULL when the total is 0)';
COMMENT ON FUNCTION @extschema@.hhi(@extschema@.supply_mix) IS 'Herfindahl-Hirschman index, sum of squared percent shares, 0-10,000 (US Horizontal Merger Guidelines); NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.hhi_normalized(@extschema@.supply_mix) IS 'normalized HHI (H - 1/N)/(1 - 1/N), H on 0-1, N suppliers with quantity > 0; NULL when N < 2';
COMMENT ON FUNCTION @extschema@.equivalent_suppliers(@extschema@.supply_mix) IS 'numbers-equivalent 1/H (H on 0-1): how many equal suppliers give the same HHI; NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.cr(@extschema@.supply_mix, int) IS 'concentration ratio CR-n: combined share of the n largest suppliers, 0-1; NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.top_suppliers(@extschema@.supply_mix, int) IS 'the n largest suppliers with rank, quantity and share, ties broken by supplier';
COMMENT ON FUNCTION @extschema@.dominant_supplier(@extschema@.supply_mix) IS 'the supplier with the largest quantity (ties: first by supplier); NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.without_largest(@extschema@.supply_mix) IS 'supply left without the largest supplier (the IEA''s test of diversification, Global Critical Minerals Outlook: what remains if the largest source fails): the largest supplier (ties: first by supplier) and its share, the other suppliers'' quantity and its share of the total (0-1); quantity_left 0 and the rest NULL when the total is 0; on traced_origin it answers for the largest origin, not the largest direct partner';
COMMENT ON FUNCTION @extschema@.entropy(@extschema@.supply_mix) IS 'Shannon entropy -sum s ln s of the shares (natural log); NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.concentration_class(float8, text) IS 'concentration band of an HHI (0-10,000) under the US Horizontal Merger Guidelines edition ''1992'', ''2010'' or ''2023'' (2023: above 1,800 highly concentrated, no moderate band in the Guidelines; the DOJ HHI web page still calls 1,000-1,800 moderately concentrated, the ''1992'' bands)';
COMMENT ON FUNCTION @extschema@.concentration_class(@extschema@.supply_mix, text) IS 'concentration band of the mix''s HHI under the US Horizontal Merger Guidelines edition ''1992'', ''2010'' or ''2023'' (2023: above 1,800 highly concentrated, no moderate band in the Guidelines; the DOJ HHI web page still calls 1,000-1,800 moderately concentrated, the ''1992'' bands); NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.coverage(@extschema@.supply_mix, float8) IS 'mix total / reported total (e.g. the World row); NULL when the reported total is 0; error when it is below the mix total';
COMMENT ON FUNCTION @extschema@.hhi_bounds(@extschema@.supply_mix, float8) IS 'HHI bounds (0-10,000) against a reported total, the uncovered remainder assumed to belong to suppliers outside the mix: spread over infinitely many (lower) or held by one (upper); if a listed supplier holds it, the HHI can exceed upper ({A: 50, B: 50} against 200: upper 3,750, A holding the rest 6,250)';

-- equality: the encoding is canonical, so equal mixes are equal bytes
CREATE FUNCTION @extschema@.supply_mix_eq(@extschema@.supply_mix, @extschema@.supply_mix) RETURNS bool
	AS 'MODULE_PATHNAME', 'supply_mix_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_ne(@extschema@.supply_mix, @extschema@.supply_mix) RETURNS bool
	AS 'MODULE_PATHNAME', 'supply_mix_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.supply_mix, RIGHTARG = @extschema@.supply_mix,
	FUNCTION = @extschema@.supply_mix_eq, COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.supply_mix, RIGHTARG = @extschema@.supply_mix,
	FUNCTION = @extschema@.supply_mix_ne, COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON FUNCTION @extschema@.supply_mix_eq(@extschema@.supply_mix, @extschema@.supply_mix) IS 'true when both mixes have the same suppliers with the same quantities';
COMMENT ON FUNCTION @extschema@.supply_mix_ne(@extschema@.supply_mix, @extschema@.supply_mix) IS 'true when the mixes differ in a supplier or a quantity';
COMMENT ON OPERATOR @extschema@.= (@extschema@.supply_mix, @extschema@.supply_mix) IS 'same suppliers with the same quantities';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.supply_mix, @extschema@.supply_mix) IS 'the mixes differ';
