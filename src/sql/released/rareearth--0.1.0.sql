-- rareearth install script, assembled by the Makefile from sql/install/*.sql
-- in name order (one file per concern).  Safety rules for every part
-- (extension scripts after CVE-2022-2625):
--   * no CREATE OR REPLACE and no IF NOT EXISTS: every object is new;
--   * C functions load MODULE_PATHNAME;
--   * objects are created in and referenced through @extschema@;
--   * operators inside SQL-language functions are written OPERATOR(pg_catalog.x)
--     and such functions carry SET search_path = pg_catalog, pg_temp.

\echo Use "CREATE EXTENSION rareearth" to load this file. \quit

-- The extension's schema may already exist (CREATE EXTENSION then uses it).
-- A schema owned by anyone but the extension's owner or a superuser would
-- let its owner drop or shadow the extension's objects later: refuse it.
DO $guard$
BEGIN
	IF NOT EXISTS (
		SELECT 1
		FROM pg_catalog.pg_namespace n
		JOIN pg_catalog.pg_extension e ON e.extname OPERATOR(pg_catalog.=) 'rareearth'
		JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) n.nspowner
		WHERE n.nspname OPERATOR(pg_catalog.=) 'rareearth'
		  AND (n.nspowner OPERATOR(pg_catalog.=) e.extowner OR r.rolsuper))
	THEN
		RAISE EXCEPTION USING
			ERRCODE = 'insufficient_privilege',
			MESSAGE = pg_catalog.format('schema "rareearth" is owned by role "%s", not by the extension''s owner or a superuser',
				(SELECT n.nspowner::pg_catalog.regrole FROM pg_catalog.pg_namespace n
				 WHERE n.nspname OPERATOR(pg_catalog.=) 'rareearth')),
			HINT = 'Drop the schema or change its owner, then create the extension again.';
	END IF;
END
$guard$;
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

CREATE AGGREGATE @extschema@.supply_mix(supplier text, quantity float8) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier text, quantity numeric) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier bigint, quantity float8) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier bigint, quantity numeric) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.supply_mix) (
	SFUNC = @extschema@.supply_mix_rollup_trans, STYPE = internal,
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
COMMENT ON FUNCTION @extschema@.entropy(@extschema@.supply_mix) IS 'Shannon entropy -sum s ln s of the shares (natural log); NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.concentration_class(float8, text) IS 'concentration band of an HHI (0-10,000) under the US Horizontal Merger Guidelines edition ''1992'', ''2010'' or ''2023''';
COMMENT ON FUNCTION @extschema@.concentration_class(@extschema@.supply_mix, text) IS 'concentration band of the mix''s HHI under the US Horizontal Merger Guidelines edition ''1992'', ''2010'' or ''2023''; NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.coverage(@extschema@.supply_mix, float8) IS 'mix total / reported total (e.g. the World row); NULL when the reported total is 0; error when it is below the mix total';
COMMENT ON FUNCTION @extschema@.hhi_bounds(@extschema@.supply_mix, float8) IS 'HHI bounds (0-10,000) against a reported total: uncovered remainder spread over infinitely many suppliers (lower) or held by one (upper)';

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
-- ---------------------------------------------------------------------------
-- country: ISO 3166-1 countries plus the special and historical entries of
-- trade data, a 2-byte pass-by-value code; input accepts codes of several
-- schemes and names, output is the ISO alpha-3 code
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.country;

CREATE FUNCTION @extschema@.country_in(cstring) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_out(@extschema@.country) RETURNS cstring
	AS 'MODULE_PATHNAME', 'country_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_recv(internal) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_send(@extschema@.country) RETURNS bytea
	AS 'MODULE_PATHNAME', 'country_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.country (
	INPUT = @extschema@.country_in,
	OUTPUT = @extschema@.country_out,
	RECEIVE = @extschema@.country_recv,
	SEND = @extschema@.country_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.country IS
	'a country or trade-statistics area (ISO 3166-1, UN M49, UN Comtrade, CEPII BACI codes and English names in, ISO alpha-3 out)';
COMMENT ON FUNCTION @extschema@.country_in(cstring) IS 'text input of country: ISO alpha-3/alpha-2, M49, Comtrade or BACI number, or English name, case-insensitive';
COMMENT ON FUNCTION @extschema@.country_out(@extschema@.country) IS 'text output of country: ISO 3166-1 alpha-3 (or the documented code of a special entry)';
COMMENT ON FUNCTION @extschema@.country_recv(internal) IS 'binary input of country: version byte 1, then the 3-character code';
COMMENT ON FUNCTION @extschema@.country_send(@extschema@.country) IS 'binary output of country: version byte 1, then the 3-character code';

CREATE CAST (text AS @extschema@.country) WITH INOUT;
COMMENT ON CAST (text AS @extschema@.country) IS 'parse a code or name as a country (as country_in)';

-- comparison, btree and hash ---------------------------------------------------

CREATE FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) RETURNS int
	AS 'MODULE_PATHNAME', 'country_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_hash(@extschema@.country) RETURNS int
	AS 'MODULE_PATHNAME', 'country_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_hash_extended(@extschema@.country, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'country_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) IS 'country equality';
COMMENT ON FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) IS 'country inequality';
COMMENT ON FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) IS 'country less than (order of the alpha-3 codes)';
COMMENT ON FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) IS 'country less than or equal (order of the alpha-3 codes)';
COMMENT ON FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) IS 'country greater than (order of the alpha-3 codes)';
COMMENT ON FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) IS 'country greater than or equal (order of the alpha-3 codes)';
COMMENT ON FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) IS 'btree comparison of countries (-1, 0, 1; order of the alpha-3 codes)';
COMMENT ON FUNCTION @extschema@.country_hash(@extschema@.country) IS 'hash of a country (hash opclass)';
COMMENT ON FUNCTION @extschema@.country_hash_extended(@extschema@.country, bigint) IS 'seeded 64-bit hash of a country (hash opclass, hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
	FUNCTION = @extschema@.country_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.country, @extschema@.country) IS 'same country';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.country, @extschema@.country) IS 'different countries';
COMMENT ON OPERATOR @extschema@.< (@extschema@.country, @extschema@.country) IS 'before, in alpha-3 order';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.country, @extschema@.country) IS 'before or same, in alpha-3 order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.country, @extschema@.country) IS 'after, in alpha-3 order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.country, @extschema@.country) IS 'after or same, in alpha-3 order';

CREATE OPERATOR CLASS @extschema@.country_ops DEFAULT FOR TYPE @extschema@.country USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.country_cmp(@extschema@.country, @extschema@.country);
CREATE OPERATOR CLASS @extschema@.country_hash_ops DEFAULT FOR TYPE @extschema@.country USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.country_hash(@extschema@.country),
	FUNCTION 2 @extschema@.country_hash_extended(@extschema@.country, bigint);
COMMENT ON OPERATOR CLASS @extschema@.country_ops USING btree IS 'btree ordering of countries by alpha-3 code';
COMMENT ON OPERATOR CLASS @extschema@.country_hash_ops USING hash IS 'hashing of countries (hash joins, hash aggregation, hash indexes and partitions)';
COMMENT ON OPERATOR FAMILY @extschema@.country_ops USING btree IS 'btree ordering of countries by alpha-3 code';
COMMENT ON OPERATOR FAMILY @extschema@.country_hash_ops USING hash IS 'hashing of countries';

-- codes, names, regions ---------------------------------------------------------

CREATE FUNCTION @extschema@.iso2(@extschema@.country) RETURNS text
	AS 'MODULE_PATHNAME', 'country_iso2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.iso3(@extschema@.country) RETURNS text
	AS 'MODULE_PATHNAME', 'country_iso3' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.m49(@extschema@.country) RETURNS int
	AS 'MODULE_PATHNAME', 'country_m49' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.comtrade_code(@extschema@.country) RETURNS int
	AS 'MODULE_PATHNAME', 'country_comtrade_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.baci_code(@extschema@.country) RETURNS int
	AS 'MODULE_PATHNAME', 'country_baci_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_name(@extschema@.country) RETURNS text
	AS 'MODULE_PATHNAME', 'country_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.is_aggregate(@extschema@.country) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_is_aggregate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.region(@extschema@.country) RETURNS text
	AS 'MODULE_PATHNAME', 'country_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subregion(@extschema@.country) RETURNS text
	AS 'MODULE_PATHNAME', 'country_subregion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eu_member(@extschema@.country, year int) RETURNS bool
	AS 'MODULE_PATHNAME', 'country_eu_member' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_from_code(code int, scheme text) RETURNS @extschema@.country
	AS 'MODULE_PATHNAME', 'country_from_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.is_valid_country(text) RETURNS bool
	AS 'MODULE_PATHNAME', 'is_valid_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_reference(
	OUT country @extschema@.country, OUT iso3 text, OUT iso2 text, OUT m49 int, OUT comtrade int,
	OUT baci int, OUT name text, OUT region text, OUT subregion text, OUT is_aggregate bool,
	OUT eu_from int, OUT eu_until int) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'country_reference' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 270;

COMMENT ON FUNCTION @extschema@.iso2(@extschema@.country) IS 'ISO 3166-1 alpha-2 code (ISO 3166-3 for historical entries); NULL when none';
COMMENT ON FUNCTION @extschema@.iso3(@extschema@.country) IS 'ISO 3166-1 alpha-3 code, or the documented 3-character code of a special entry (WLD, EUU, S19, XAN, XFZ, ZA1, BLX)';
COMMENT ON FUNCTION @extschema@.m49(@extschema@.country) IS 'UN M49 numeric code; NULL for entries without one (World, EU, Comtrade-only areas)';
COMMENT ON FUNCTION @extschema@.comtrade_code(@extschema@.country) IS 'UN Comtrade reporter/partner code (differs from M49 e.g. for USA 842, France 251, Norway 579, Switzerland 757, India 699); NULL when Comtrade has none (Taiwan is reported as 490 Other Asia, nes)';
COMMENT ON FUNCTION @extschema@.baci_code(@extschema@.country) IS 'CEPII BACI country code (Comtrade-style; Italy 381); NULL when none';
COMMENT ON FUNCTION @extschema@.country_name(@extschema@.country) IS 'English short name (ISO 3166-1 via Debian iso-codes; UN Comtrade name for special entries)';
COMMENT ON FUNCTION @extschema@.is_aggregate(@extschema@.country) IS 'true for World, the EU, "Areas, nes" and other non-country areas (Free Zones, SACU); false for S19 "Other Asia, nes", which carries Taiwan''s trade and is a real partner';
COMMENT ON FUNCTION @extschema@.region(@extschema@.country) IS 'UN M49 region (Africa, Americas, Asia, Europe, Oceania); NULL when none (Antarctica, World, USSR)';
COMMENT ON FUNCTION @extschema@.subregion(@extschema@.country) IS 'UN M49 sub-region (e.g. Eastern Asia, Sub-Saharan Africa); NULL when none';
COMMENT ON FUNCTION @extschema@.eu_member(@extschema@.country, int) IS 'member of the EU (EEC before 1993) on 31 December of the year: founders 1958, DK/IE/GB 1973, GR 1981, ES/PT 1986, AT/FI/SE 1995, ten in 2004, BG/RO 2007, HR 2013; GB until 2019';
COMMENT ON FUNCTION @extschema@.country_from_code(int, text) IS 'the country of a numeric code in scheme ''m49'', ''comtrade'' or ''baci''; error 22P02 when unknown';
COMMENT ON FUNCTION @extschema@.is_valid_country(text) IS 'whether text is accepted as a country (PostgreSQL 15 has no pg_input_is_valid)';
COMMENT ON FUNCTION @extschema@.country_reference() IS 'every country entry with all its codes, names, regions and EU membership years, for joins in BI tools';

-- supply_mix over country suppliers -----------------------------------------------

CREATE FUNCTION @extschema@.supply_mix_trans(internal, @extschema@.country, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_trans_country' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_trans(internal, @extschema@.country, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'supply_mix_trans_country_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.supply_mix_final_country(internal) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_final_country' LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.supply_mix_trans(internal, @extschema@.country, float8) IS 'supply_mix aggregate transition (country supplier, float8 quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_trans(internal, @extschema@.country, numeric) IS 'supply_mix aggregate transition (country supplier, numeric quantity)';
COMMENT ON FUNCTION @extschema@.supply_mix_final_country(internal) IS 'supply_mix(country, ...) final function: the sorted summary keyed by ISO alpha-3';

CREATE AGGREGATE @extschema@.supply_mix(supplier @extschema@.country, quantity float8) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final_country,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier @extschema@.country, quantity numeric) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final_country,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.supply_mix(@extschema@.country, float8) IS 'total quantity per supplier country, keyed by ISO alpha-3 (NULL supplier or quantity skipped; negative or non-finite quantity is an error)';
COMMENT ON AGGREGATE @extschema@.supply_mix(@extschema@.country, numeric) IS 'total quantity per supplier country, numeric quantities, keyed by ISO alpha-3';
-- ---------------------------------------------------------------------------
-- hscode: Harmonized System codes at 2, 4, 6, 8 or 10 digits, ordered so
-- that every code's descendants follow it contiguously
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.hscode;

CREATE FUNCTION @extschema@.hscode_in(cstring) RETURNS @extschema@.hscode
	AS 'MODULE_PATHNAME', 'hscode_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hscode_out(@extschema@.hscode) RETURNS cstring
	AS 'MODULE_PATHNAME', 'hscode_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hscode_recv(internal) RETURNS @extschema@.hscode
	AS 'MODULE_PATHNAME', 'hscode_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hscode_send(@extschema@.hscode) RETURNS bytea
	AS 'MODULE_PATHNAME', 'hscode_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.hscode (
	INPUT = @extschema@.hscode_in,
	OUTPUT = @extschema@.hscode_out,
	RECEIVE = @extschema@.hscode_recv,
	SEND = @extschema@.hscode_send,
	INTERNALLENGTH = 8,
	PASSEDBYVALUE,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.hscode IS
	'a Harmonized System code of 2, 4, 6, 8 or 10 digits (chapter, heading, subheading, national lines); text output is the digits, as UN Comtrade writes cmdCode';
COMMENT ON FUNCTION @extschema@.hscode_in(cstring) IS 'text input of hscode: 2-10 digits (even count), optional dots after the 4th, 6th or 8th digit';
COMMENT ON FUNCTION @extschema@.hscode_out(@extschema@.hscode) IS 'text output of hscode: the digits alone (''284690'')';
COMMENT ON FUNCTION @extschema@.hscode_recv(internal) IS 'binary input of hscode: version byte 1, digit count, the digits as a little-endian int64';
COMMENT ON FUNCTION @extschema@.hscode_send(@extschema@.hscode) IS 'binary output of hscode: version byte 1, digit count, the digits as a little-endian int64';

CREATE CAST (text AS @extschema@.hscode) WITH INOUT;
COMMENT ON CAST (text AS @extschema@.hscode) IS 'parse text as an hscode (as hscode_in)';

-- comparison, btree and hash ---------------------------------------------------

CREATE FUNCTION @extschema@.hscode_eq(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_ne(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_lt(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_le(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_gt(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_ge(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_cmp(@extschema@.hscode, @extschema@.hscode) RETURNS int
	AS 'MODULE_PATHNAME', 'hscode_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_hash(@extschema@.hscode) RETURNS int
	AS 'MODULE_PATHNAME', 'hscode_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hscode_hash_extended(@extschema@.hscode, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'hscode_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.hscode_eq(@extschema@.hscode, @extschema@.hscode) IS 'hscode equality';
COMMENT ON FUNCTION @extschema@.hscode_ne(@extschema@.hscode, @extschema@.hscode) IS 'hscode inequality';
COMMENT ON FUNCTION @extschema@.hscode_lt(@extschema@.hscode, @extschema@.hscode) IS 'hscode less than (depth-first order: a code precedes its descendants)';
COMMENT ON FUNCTION @extschema@.hscode_le(@extschema@.hscode, @extschema@.hscode) IS 'hscode less than or equal (depth-first order)';
COMMENT ON FUNCTION @extschema@.hscode_gt(@extschema@.hscode, @extschema@.hscode) IS 'hscode greater than (depth-first order)';
COMMENT ON FUNCTION @extschema@.hscode_ge(@extschema@.hscode, @extschema@.hscode) IS 'hscode greater than or equal (depth-first order)';
COMMENT ON FUNCTION @extschema@.hscode_cmp(@extschema@.hscode, @extschema@.hscode) IS 'btree comparison of hscodes (-1, 0, 1; depth-first order)';
COMMENT ON FUNCTION @extschema@.hscode_hash(@extschema@.hscode) IS 'hash of an hscode (hash opclass)';
COMMENT ON FUNCTION @extschema@.hscode_hash_extended(@extschema@.hscode, bigint) IS 'seeded 64-bit hash of an hscode (hash opclass, hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.hscode, @extschema@.hscode) IS 'same HS code (same digits and length)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.hscode, @extschema@.hscode) IS 'different HS codes';
COMMENT ON OPERATOR @extschema@.< (@extschema@.hscode, @extschema@.hscode) IS 'before, in depth-first order';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.hscode, @extschema@.hscode) IS 'before or same, in depth-first order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.hscode, @extschema@.hscode) IS 'after, in depth-first order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.hscode, @extschema@.hscode) IS 'after or same, in depth-first order';

CREATE OPERATOR CLASS @extschema@.hscode_ops DEFAULT FOR TYPE @extschema@.hscode USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.hscode_cmp(@extschema@.hscode, @extschema@.hscode);
CREATE OPERATOR CLASS @extschema@.hscode_hash_ops DEFAULT FOR TYPE @extschema@.hscode USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hscode_hash(@extschema@.hscode),
	FUNCTION 2 @extschema@.hscode_hash_extended(@extschema@.hscode, bigint);
COMMENT ON OPERATOR CLASS @extschema@.hscode_ops USING btree IS 'btree ordering of HS codes, depth-first (descendants right after their code)';
COMMENT ON OPERATOR CLASS @extschema@.hscode_hash_ops USING hash IS 'hashing of HS codes';
COMMENT ON OPERATOR FAMILY @extschema@.hscode_ops USING btree IS 'btree ordering of HS codes, depth-first';
COMMENT ON OPERATOR FAMILY @extschema@.hscode_hash_ops USING hash IS 'hashing of HS codes';

-- hierarchy ----------------------------------------------------------------------

CREATE FUNCTION @extschema@.hs_level(@extschema@.hscode) RETURNS int
	AS 'MODULE_PATHNAME', 'hs_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hs_chapter(@extschema@.hscode) RETURNS @extschema@.hscode
	AS 'MODULE_PATHNAME', 'hs_chapter' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hs_heading(@extschema@.hscode) RETURNS @extschema@.hscode
	AS 'MODULE_PATHNAME', 'hs_heading' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hs_subheading(@extschema@.hscode) RETURNS @extschema@.hscode
	AS 'MODULE_PATHNAME', 'hs_subheading' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hs_parent(@extschema@.hscode) RETURNS @extschema@.hscode
	AS 'MODULE_PATHNAME', 'hs_parent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hs_level(@extschema@.hscode) IS 'number of digits: 2 chapter, 4 heading, 6 subheading, 8 or 10 national line (UN Comtrade aggrLevel)';
COMMENT ON FUNCTION @extschema@.hs_chapter(@extschema@.hscode) IS 'the 2-digit chapter of a code';
COMMENT ON FUNCTION @extschema@.hs_heading(@extschema@.hscode) IS 'the 4-digit heading of a code; NULL for a chapter';
COMMENT ON FUNCTION @extschema@.hs_subheading(@extschema@.hscode) IS 'the 6-digit subheading of a code; NULL for a chapter or heading';
COMMENT ON FUNCTION @extschema@.hs_parent(@extschema@.hscode) IS 'the code two digits shorter; NULL for a chapter';

-- containment, with a planner support function: "code <@ const" and
-- "const @> code" use a btree index on code as the range [const, last descendant]

CREATE FUNCTION @extschema@.hscode_contains_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'hscode_contains_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hscode_contained_by_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'hscode_contained_by_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hscode_contains(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.hscode_contains_support;
CREATE FUNCTION @extschema@.hscode_contained_by(@extschema@.hscode, @extschema@.hscode) RETURNS bool
	AS 'MODULE_PATHNAME', 'hscode_contained_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.hscode_contained_by_support;
COMMENT ON FUNCTION @extschema@.hscode_contains_support(internal) IS 'planner support: turns const @> code into a btree range condition';
COMMENT ON FUNCTION @extschema@.hscode_contained_by_support(internal) IS 'planner support: turns code <@ const into a btree range condition';
COMMENT ON FUNCTION @extschema@.hscode_contains(@extschema@.hscode, @extschema@.hscode) IS 'whether the first code is the second or one of its ancestors (''2846'' @> ''284690'')';
COMMENT ON FUNCTION @extschema@.hscode_contained_by(@extschema@.hscode, @extschema@.hscode) IS 'whether the first code is the second or one of its descendants (''284690'' <@ ''2846'')';

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_contains,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.hscode, RIGHTARG = @extschema@.hscode,
	FUNCTION = @extschema@.hscode_contained_by,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = contsel, JOIN = contjoinsel);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.hscode, @extschema@.hscode) IS 'contains: the left code is the right one or an ancestor of it';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.hscode, @extschema@.hscode) IS 'is contained by: the left code is the right one or a descendant of it';

CREATE FUNCTION @extschema@.is_valid_hscode(text) RETURNS bool
	AS 'MODULE_PATHNAME', 'is_valid_hscode' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_valid_hscode(text) IS 'whether text is accepted as an HS code (2, 4, 6, 8 or 10 digits, dots allowed); PostgreSQL 15 has no pg_input_is_valid';
-- ---------------------------------------------------------------------------
-- rare-earth elements: the enum ree, the element table and conversions
-- between metal and oxide (REO) mass
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.ree AS ENUM (
	'Sc', 'Y', 'La', 'Ce', 'Pr', 'Nd', 'Pm', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu');
COMMENT ON TYPE @extschema@.ree IS 'the 17 rare-earth elements (IUPAC): Sc, Y and the lanthanides La-Lu, by symbol';

CREATE FUNCTION @extschema@.ree_reference(
	OUT symbol text, OUT name text, OUT atomic_number int, OUT atomic_weight float8,
	OUT oxide_formula text, OUT element_group text, OUT oxide_factor float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'ree_reference' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 17;
COMMENT ON FUNCTION @extschema@.ree_reference() IS 'the element data of the C core (source of the rare_earth_elements table)';

CREATE TABLE @extschema@.rare_earth_elements (
	element @extschema@.ree PRIMARY KEY,
	name text NOT NULL,
	atomic_number int NOT NULL UNIQUE,
	atomic_weight float8 NOT NULL,
	oxide_formula text NOT NULL,
	element_group text NOT NULL CHECK (element_group IN ('light', 'heavy', 'scandium')),
	oxide_factor float8 NOT NULL
);
INSERT INTO @extschema@.rare_earth_elements
SELECT symbol::@extschema@.ree, name, atomic_number, atomic_weight, oxide_formula, element_group, oxide_factor
FROM @extschema@.ree_reference();
COMMENT ON TABLE @extschema@.rare_earth_elements IS
	'rare-earth elements: standard atomic weights (CIAAW; Pm: mass number 145), REO oxide formulas as USGS reports them, group (light La-Sm; heavy Eu-Lu and Y; scandium apart), oxide factor (m A + n 15.999)/(m A) for MmOn';

CREATE FUNCTION @extschema@.oxide_factor(@extschema@.ree) RETURNS float8
	AS 'MODULE_PATHNAME', 'ree_oxide_factor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.metal_to_oxide(mass float8, element @extschema@.ree) RETURNS float8
	AS 'MODULE_PATHNAME', 'ree_metal_to_oxide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.oxide_to_metal(mass float8, element @extschema@.ree) RETURNS float8
	AS 'MODULE_PATHNAME', 'ree_oxide_to_metal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.oxide_factor(@extschema@.ree) IS 'mass of oxide per mass of metal, (m A + n 15.999)/(m A) for the oxide MmOn (stoichiometry; Nd2O3 1.1664, CeO2 1.2284, Pr6O11 1.2082)';
COMMENT ON FUNCTION @extschema@.metal_to_oxide(float8, @extschema@.ree) IS 'oxide (REO) mass of a metal mass: mass * oxide_factor; negative or non-finite mass is an error';
COMMENT ON FUNCTION @extschema@.oxide_to_metal(float8, @extschema@.ree) IS 'metal mass of an oxide (REO) mass: mass / oxide_factor; negative or non-finite mass is an error';
-- ---------------------------------------------------------------------------
-- the rare-earth HS catalogue: the codes that carry rare-earth trade, their
-- supply-chain stage and REO-content assumptions; HS revisions and a
-- concordance for the catalogue's codes
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.supply_stage AS ENUM ('mining', 'separation', 'metal', 'magnet', 'product');
COMMENT ON TYPE @extschema@.supply_stage IS
	'rare-earth supply-chain stage: mining (ores, concentrates), separation (compounds, oxides), metal, magnet, product';

-- Descriptions: the Harmonized System nomenclature (World Customs
-- Organization), shortened; 2530.90.20 is China's national tariff line.
-- REO content is t REO per t of product.  Where a value is stoichiometry it
-- is computed here from the oxide factors or formula masses (atomic weights
-- as in rare_earth_elements, C 12.011, H 1.008, P 30.974, Cl 35.45,
-- Fe 55.845, B 10.81, Co 58.933); every other value is an ASSUMPTION of this
-- extension, labelled as such in reo_source: we know of no published
-- conversion factors for these trade codes.
CREATE TABLE @extschema@.hs_catalogue (
	code @extschema@.hscode PRIMARY KEY,
	description text NOT NULL,
	stage @extschema@.supply_stage NOT NULL,
	reo_low float8 CHECK (reo_low >= 0),
	reo_central float8 CHECK (reo_central >= 0),
	reo_high float8 CHECK (reo_high >= 0),
	reo_source text NOT NULL,
	CHECK (reo_low <= reo_central AND reo_central <= reo_high)
);
COMMENT ON TABLE @extschema@.hs_catalogue IS
	'HS codes carrying rare-earth trade: description (WCO HS nomenclature), supply-chain stage, REO content low/central/high in t REO per t of product with its source or the label "assumption"';

INSERT INTO @extschema@.hs_catalogue VALUES
('2530', 'Mineral substances not elsewhere specified or included', 'mining', 0, NULL, NULL,
 'mixed heading: most of its trade is not rare earths; rare-earth share unknown (no value)'),
('253090', 'Mineral substances n.e.s.: other (national lines such as China 2530.90.20 hold rare-earth ores)', 'mining', 0, NULL, NULL,
 'mixed subheading: rare-earth share unknown (no value); low 0 because most of its trade carries no rare earths'),
('25309020', 'China national tariff line: rare-earth metal ores (other countries'' 2530.90.20 may differ)', 'mining', 0.30, 0.60, 0.70,
 'ASSUMPTION: typical bastnaesite/monazite concentrates 30-70 % REO; not a published conversion factor'),
('2612', 'Uranium or thorium ores and concentrates', 'mining', 0, NULL, NULL,
 'mixed heading: uranium ores carry no rare earths (no central value)'),
('261220', 'Thorium ores and concentrates (monazite, the usual rare-earth feed)', 'mining', 0.50, 0.60,
 (SELECT 0.5 * (2 * atomic_weight + 3 * 15.999) / (atomic_weight + 30.974 + 4 * 15.999)
  FROM @extschema@.rare_earth_elements WHERE element = 'La'),
 'high: stoichiometric REO of pure LaPO4 monazite (0.5 La2O3 / LaPO4 = 0.6965); low and central: ASSUMPTION for commercial monazite concentrates'),
('280530', 'Rare-earth metals, scandium and yttrium, whether or not intermixed or interalloyed', 'metal',
 (SELECT oxide_factor FROM @extschema@.rare_earth_elements WHERE element = 'Lu'),
 (SELECT oxide_factor FROM @extschema@.rare_earth_elements WHERE element = 'Nd'),
 (SELECT oxide_factor FROM @extschema@.rare_earth_elements WHERE element = 'Y'),
 'oxide factors of rare_earth_elements: low Lu (1.1372), high Y (1.2699), central Nd (1.1664; ASSUMPTION that NdPr metal dominates; scandium, 1.5338, excluded)'),
('2846', 'Compounds, inorganic or organic, of rare-earth metals, of yttrium or of scandium', 'separation',
 (138.90547 + 3 * 15.999 / 2) / (138.90547 + 3 * 35.45 + 7 * (2 * 1.008 + 15.999)), 0.85, 1.0,
 'low: LaCl3.7H2O stoichiometry (0.4387); high: oxides (1.0); central: ASSUMPTION (mostly oxides, some carbonates and chlorides)'),
('284610', 'Compounds of cerium', 'separation',
 (140.116 + 2 * 15.999) / (140.116 + 3 * 35.45 + 7 * (2 * 1.008 + 15.999)),
 2 * (140.116 + 2 * 15.999) / (2 * 140.116 + 3 * (12.011 + 3 * 15.999)), 1.0,
 'low: CeCl3.7H2O as CeO2 (0.4620); central: Ce2(CO3)3 as CeO2 (0.7479), the typical traded form being an ASSUMPTION; high: CeO2 (1.0)'),
('284690', 'Compounds of rare-earth metals, of yttrium or of scandium: other than cerium compounds', 'separation',
 (138.90547 + 3 * 15.999 / 2) / (138.90547 + 3 * 35.45 + 7 * (2 * 1.008 + 15.999)), 0.85, 1.0,
 'low: LaCl3.7H2O stoichiometry (0.4387); high: separated oxides (1.0); central: ASSUMPTION (mostly oxides)'),
('850511', 'Permanent magnets and articles intended to become permanent magnets after magnetisation: of metal', 'magnet', 0,
 (SELECT 2 * atomic_weight * oxide_factor / (2 * atomic_weight + 14 * 55.845 + 10.81)
  FROM @extschema@.rare_earth_elements WHERE element = 'Nd'),
 (SELECT atomic_weight * oxide_factor / (atomic_weight + 5 * 58.933)
  FROM @extschema@.rare_earth_elements WHERE element = 'Sm'),
 'low: alnico and other magnets without rare earths (0); central: Nd2Fe14B stoichiometry as Nd2O3 (0.3112), the NdFeB share being an ASSUMPTION (commercial magnets carry 29-32 % rare earths); high: SmCo5 as Sm2O3 (0.3917)'),
('360690', 'Ferro-cerium and other pyrophoric alloys in all forms; articles of combustible materials: other', 'product', 0, NULL, NULL,
 'mixed subheading: the ferro-cerium share is unknown (no value); low 0 for the combustible articles');

CREATE FUNCTION @extschema@.hs_stage(@extschema@.hscode) RETURNS @extschema@.supply_stage
	LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$ SELECT c.stage FROM @extschema@.hs_catalogue c
	      WHERE c.code OPERATOR(@extschema@.@>) $1
	      ORDER BY @extschema@.hs_level(c.code) DESC LIMIT 1 $$;
CREATE FUNCTION @extschema@.reo_content(@extschema@.hscode, bound text DEFAULT 'central') RETURNS float8
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE r record;
BEGIN
	IF bound OPERATOR(pg_catalog.<>) ALL (ARRAY['low', 'central', 'high']) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('unrecognized REO content bound "%s"', bound),
			HINT = 'Use ''low'', ''central'' or ''high''.';
	END IF;
	SELECT c.reo_low, c.reo_central, c.reo_high INTO r FROM @extschema@.hs_catalogue c
	WHERE c.code OPERATOR(@extschema@.@>) $1
	ORDER BY @extschema@.hs_level(c.code) DESC LIMIT 1;
	RETURN CASE bound WHEN 'low' THEN r.reo_low WHEN 'high' THEN r.reo_high ELSE r.reo_central END;
END $$;
CREATE FUNCTION @extschema@.to_reo(mass float8, code @extschema@.hscode) RETURNS float8
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF mass OPERATOR(pg_catalog.<) 0 OR mass OPERATOR(pg_catalog.=) 'NaN'::float8
	   OR mass OPERATOR(pg_catalog.=) 'Infinity'::float8 THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('mass "%s" is negative or not finite', mass),
			HINT = 'Masses must be finite and zero or positive.';
	END IF;
	RETURN mass OPERATOR(pg_catalog.*) @extschema@.reo_content(code, 'central');
END $$;
COMMENT ON FUNCTION @extschema@.hs_stage(@extschema@.hscode) IS 'supply-chain stage of the longest catalogue code containing the code (national lines inherit from their subheading); NULL when none';
COMMENT ON FUNCTION @extschema@.reo_content(@extschema@.hscode, text) IS 't REO per t of product (bound ''low'', ''central'' or ''high'') of the longest catalogue code containing the code; NULL when none or unknown';
COMMENT ON FUNCTION @extschema@.to_reo(float8, @extschema@.hscode) IS 'REO-equivalent mass: mass * reo_content(code, ''central''); NULL when the content is unknown; negative or non-finite mass is an error';

-- HS revisions and concordance ---------------------------------------------------

CREATE TABLE @extschema@.hs_revisions (
	revision text PRIMARY KEY,
	year int NOT NULL UNIQUE,
	name text NOT NULL
);
INSERT INTO @extschema@.hs_revisions VALUES
	('H0', 1988, 'HS1988/92'), ('H1', 1996, 'HS1996'), ('H2', 2002, 'HS2002'), ('H3', 2007, 'HS2007'),
	('H4', 2012, 'HS2012'), ('H5', 2017, 'HS2017'), ('H6', 2022, 'HS2022');
COMMENT ON TABLE @extschema@.hs_revisions IS 'HS revisions as UN Comtrade codes them (classificationCode H0-H6) with the year each entered into force';

CREATE TABLE @extschema@.hs_concordance (
	from_revision text NOT NULL REFERENCES @extschema@.hs_revisions,
	from_code @extschema@.hscode NOT NULL,
	to_revision text NOT NULL REFERENCES @extschema@.hs_revisions,
	to_code @extschema@.hscode NOT NULL,
	weight float8 NOT NULL CHECK (weight > 0 AND weight <= 1),
	note text NOT NULL,
	PRIMARY KEY (from_revision, from_code, to_revision, to_code)
);
COMMENT ON TABLE @extschema@.hs_concordance IS
	'HS concordance between revisions (weight: share of the source code''s trade assigned to the target); shipped for the catalogue''s international codes only';
-- The catalogue's international codes are, to our reading of the WCO
-- correlation tables, unchanged in code and scope from HS1988 to HS2022, so
-- the shipped rows are identities between every pair of revisions.  The
-- scope of 2530.90 changed when other 2530 subheadings were merged into it;
-- its rows say so.  Verify against the UNSD/WCO correlation tables before
-- relying on backward conversions; add rows for other codes as needed.
INSERT INTO @extschema@.hs_concordance
SELECT f.revision, c.code, t.revision, c.code, 1.0,
	CASE WHEN c.code OPERATOR(@extschema@.<@) '2530'
		THEN 'identity (code kept; scope of 2530.90 may differ between revisions, not verified)'
		ELSE 'identity (code and scope unchanged)' END
FROM @extschema@.hs_catalogue c, @extschema@.hs_revisions f, @extschema@.hs_revisions t
WHERE f.revision OPERATOR(pg_catalog.<>) t.revision AND @extschema@.hs_level(c.code) OPERATOR(pg_catalog.<=) 6;

CREATE FUNCTION @extschema@.hs_convert(code @extschema@.hscode, from_rev text, to_rev text,
	OUT to_code @extschema@.hscode, OUT weight float8) RETURNS SETOF record
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp ROWS 2
	AS $$
DECLARE r text;
BEGIN
	FOREACH r IN ARRAY ARRAY[from_rev, to_rev] LOOP
		IF NOT EXISTS (SELECT 1 FROM @extschema@.hs_revisions h WHERE h.revision OPERATOR(pg_catalog.=) r) THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = pg_catalog.format('unrecognized HS revision "%s"', r),
				HINT = 'Use a UN Comtrade revision code H0 to H6 (see the hs_revisions table).';
		END IF;
	END LOOP;
	IF from_rev OPERATOR(pg_catalog.=) to_rev THEN
		to_code := code; weight := 1.0;
		RETURN NEXT;
		RETURN;
	END IF;
	RETURN QUERY SELECT c.to_code, c.weight FROM @extschema@.hs_concordance c
		WHERE c.from_revision OPERATOR(pg_catalog.=) from_rev AND c.to_revision OPERATOR(pg_catalog.=) to_rev
		  AND c.from_code OPERATOR(@extschema@.=) code
		ORDER BY c.to_code;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'no_data_found',
			MESSAGE = pg_catalog.format('no concordance entry for HS code "%s" from %s to %s', code, from_rev, to_rev),
			HINT = 'The shipped concordance covers the rare-earth catalogue''s codes; add rows to hs_concordance for others.';
	END IF;
END $$;
COMMENT ON FUNCTION @extschema@.hs_convert(@extschema@.hscode, text, text) IS 'every target code of a code in another HS revision with its weight (from hs_concordance; identity when the revisions are equal); error when no entry exists';
-- ---------------------------------------------------------------------------
-- Dependency metrics: apparent consumption, net import reliance, ratios,
-- revealed comparative advantage, CIF/FOB and mirror trade.  Formulas and
-- sources: src/core/metrics.c.  stock_change is the DECREASE in stocks
-- (a drawdown, positive, adds to apparent consumption).
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.apparent_consumption(production float8, imports float8, exports float8,
	stock_change float8 DEFAULT 0) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_apparent_consumption' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.apparent_consumption(float8, float8, float8, float8) IS
	'production + imports - exports + stock_change, stock_change = decrease in stocks (USGS Mineral Commodity Summaries); may be negative when the inputs contradict each other';

CREATE FUNCTION @extschema@.net_import_reliance(production float8, imports float8, exports float8,
	stock_change float8 DEFAULT 0) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_net_import_reliance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_import_reliance(float8, float8, float8, float8) IS
	'(imports - exports + stock_change) / apparent consumption as a fraction, at most 1, negative for a net exporter (USGS MCS); NULL when apparent consumption <= 0';

CREATE FUNCTION @extschema@.nir_label(net_import_reliance float8) RETURNS text
	AS 'MODULE_PATHNAME', 're_sql_nir_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nir_label(float8) IS
	'net import reliance as USGS prints it: ''E'' for a net exporter (below 0), else the whole percent rounded half away from zero (''75''); error above 1';

CREATE FUNCTION @extschema@.self_sufficiency(production float8, consumption float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_self_sufficiency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.self_sufficiency(float8, float8) IS
	'production / consumption (above 1 for a net exporter); 1 - self_sufficiency(P, apparent consumption) is USGS''s recent net import reliance; NULL when consumption <= 0';

CREATE FUNCTION @extschema@.development_rate(production float8, reserves float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_development_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.development_rate(float8, float8) IS
	'annual production / reserves, a fraction per year; NULL when reserves are 0';

CREATE FUNCTION @extschema@.reserve_life(reserves float8, production float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_reserve_life' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reserve_life(float8, float8) IS
	'static reserve life in years, reserves / annual production; NULL when production is 0';

CREATE FUNCTION @extschema@.partner_dependency(imports_from_partner float8, apparent_consumption float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_partner_dependency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.partner_dependency(float8, float8) IS
	'imports from one partner / apparent consumption: the share of domestic need met by that partner (may exceed 1); NULL when apparent consumption <= 0';

CREATE FUNCTION @extschema@.rca(exports_of_product_by_country float8, total_exports_of_country float8,
	world_exports_of_product float8, world_total_exports float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_rca' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rca(float8, float8, float8, float8) IS
	'Balassa (1965) revealed comparative advantage (x_ij / X_i) / (x_wj / X_w); NULL when a denominator is 0; error when a part exceeds its whole';

CREATE FUNCTION @extschema@.cif_to_fob(value float8, factor float8 DEFAULT 1.06) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_cif_to_fob' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cif_to_fob(float8, float8) IS
	'CIF value / factor (IMF Direction of Trade Statistics CIF/FOB convention, factor 1.06 by default, >= 1)';

CREATE FUNCTION @extschema@.fob_to_cif(value float8, factor float8 DEFAULT 1.06) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_fob_to_cif' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fob_to_cif(float8, float8) IS
	'FOB value * factor (IMF Direction of Trade Statistics CIF/FOB convention, factor 1.06 by default, >= 1)';

CREATE FUNCTION @extschema@.mirror_gap(reporter_imports_cif float8, partner_exports_fob float8,
	cif_fob_factor float8 DEFAULT 1.06) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_mirror_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mirror_gap(float8, float8, float8) IS
	'(cif_to_fob(reporter imports) - partner exports FOB) / partner exports FOB: 0 when the mirror flows agree (IMF DOTS); NULL when the partner reports 0';

CREATE FUNCTION @extschema@.reconcile(source text, reporter_value float8, mirror_value float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_reconcile' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reconcile(text, float8, float8) IS
	'choice of trade source: ''reporter'' (own declaration), ''mirror'' (partner-reported), ''reconciled'' (reporter where it reported, else mirror); NULL source gives NULL';
-- ---------------------------------------------------------------------------
-- material_balance: production, trade and stock change of one commodity for
-- one economy, and the dependency measures that follow from it.  Kinds:
-- src/core/balance.c (import/export are totals, re-import/re-export the
-- parts of them UN Comtrade reports separately).
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.material_balance;

CREATE FUNCTION @extschema@.material_balance_in(cstring) RETURNS @extschema@.material_balance
	AS 'MODULE_PATHNAME', 'material_balance_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_out(@extschema@.material_balance) RETURNS cstring
	AS 'MODULE_PATHNAME', 'material_balance_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_recv(internal) RETURNS @extschema@.material_balance
	AS 'MODULE_PATHNAME', 'material_balance_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_send(@extschema@.material_balance) RETURNS bytea
	AS 'MODULE_PATHNAME', 'material_balance_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.material_balance (
	INPUT = @extschema@.material_balance_in,
	OUTPUT = @extschema@.material_balance_out,
	RECEIVE = @extschema@.material_balance_recv,
	SEND = @extschema@.material_balance_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.material_balance IS
	'totals of production, import, export, re-import, re-export and stock_change; text form {"production": 2600, "import": 7800, ...}';
COMMENT ON FUNCTION @extschema@.material_balance_in(cstring) IS 'text input of material_balance (a JSON object of kind: quantity; missing kinds are 0)';
COMMENT ON FUNCTION @extschema@.material_balance_out(@extschema@.material_balance) IS 'text output of material_balance (a JSON object of all six kinds, shortest round-trip numbers)';
COMMENT ON FUNCTION @extschema@.material_balance_recv(internal) IS 'binary input of material_balance (version byte first)';
COMMENT ON FUNCTION @extschema@.material_balance_send(@extschema@.material_balance) IS 'binary output of material_balance (version byte first)';

CREATE FUNCTION @extschema@.material_balance_to_jsonb(@extschema@.material_balance) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'material_balance_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.material_balance_to_jsonb(@extschema@.material_balance) IS 'the material balance as a jsonb object of kind: quantity';
CREATE CAST (@extschema@.material_balance AS jsonb) WITH FUNCTION @extschema@.material_balance_to_jsonb(@extschema@.material_balance);
COMMENT ON CAST (@extschema@.material_balance AS jsonb) IS 'a material balance as a jsonb object of kind: quantity';

-- aggregate support ---------------------------------------------------------

CREATE FUNCTION @extschema@.material_balance_trans(internal, text, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'material_balance_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_trans(internal, text, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'material_balance_trans_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_rollup_trans(internal, @extschema@.material_balance) RETURNS internal
	AS 'MODULE_PATHNAME', 'material_balance_rollup_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'material_balance_combine' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'material_balance_serialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'material_balance_deserialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.material_balance_final(internal) RETURNS @extschema@.material_balance
	AS 'MODULE_PATHNAME', 'material_balance_final' LANGUAGE C PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.material_balance_trans(internal, text, float8) IS 'material_balance aggregate transition (kind, float8 quantity)';
COMMENT ON FUNCTION @extschema@.material_balance_trans(internal, text, numeric) IS 'material_balance aggregate transition (kind, numeric quantity)';
COMMENT ON FUNCTION @extschema@.material_balance_rollup_trans(internal, @extschema@.material_balance) IS 'rollup(material_balance) transition: adds a balance into the state';
COMMENT ON FUNCTION @extschema@.material_balance_combine(internal, internal) IS 'material_balance aggregate combine function (parallel and partial aggregation)';
COMMENT ON FUNCTION @extschema@.material_balance_serialize(internal) IS 'material_balance aggregate state serialization (version byte first, compensation terms kept)';
COMMENT ON FUNCTION @extschema@.material_balance_deserialize(bytea, internal) IS 'material_balance aggregate state deserialization; rejects malformed input';
COMMENT ON FUNCTION @extschema@.material_balance_final(internal) IS 'material_balance aggregate final function (all zero for no rows)';

CREATE AGGREGATE @extschema@.material_balance(kind text, quantity float8) (
	SFUNC = @extschema@.material_balance_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.material_balance_combine,
	SERIALFUNC = @extschema@.material_balance_serialize,
	DESERIALFUNC = @extschema@.material_balance_deserialize,
	FINALFUNC = @extschema@.material_balance_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.material_balance(kind text, quantity numeric) (
	SFUNC = @extschema@.material_balance_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.material_balance_combine,
	SERIALFUNC = @extschema@.material_balance_serialize,
	DESERIALFUNC = @extschema@.material_balance_deserialize,
	FINALFUNC = @extschema@.material_balance_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.material_balance) (
	SFUNC = @extschema@.material_balance_rollup_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.material_balance_combine,
	SERIALFUNC = @extschema@.material_balance_serialize,
	DESERIALFUNC = @extschema@.material_balance_deserialize,
	FINALFUNC = @extschema@.material_balance_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.material_balance(text, float8) IS 'totals per kind (production, import/M, export/X, re-import/RM, re-export/RX, stock_change; case-insensitive); NULL kind or quantity skipped; unknown kind, negative (except stock_change) or non-finite quantity is an error';
COMMENT ON AGGREGATE @extschema@.material_balance(text, numeric) IS 'totals per kind, numeric quantities';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.material_balance) IS 'adds material balances kind by kind';

-- accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.production(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_production' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.imports(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_imports' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.exports(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_exports' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reimports(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_reimports' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reexports(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_reexports' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stock_change(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_stock_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.apparent_consumption(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_apparent_consumption' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.net_import_reliance(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_net_import_reliance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.self_sufficiency(@extschema@.material_balance) RETURNS float8
	AS 'MODULE_PATHNAME', 'material_balance_self_sufficiency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.production(@extschema@.material_balance) IS 'total production';
COMMENT ON FUNCTION @extschema@.imports(@extschema@.material_balance) IS 'total imports (UN Comtrade M, re-imports included)';
COMMENT ON FUNCTION @extschema@.exports(@extschema@.material_balance) IS 'total exports (UN Comtrade X, re-exports included)';
COMMENT ON FUNCTION @extschema@.reimports(@extschema@.material_balance) IS 're-imports (UN Comtrade RM), the part of imports reported separately';
COMMENT ON FUNCTION @extschema@.reexports(@extschema@.material_balance) IS 're-exports (UN Comtrade RX), the part of exports reported separately';
COMMENT ON FUNCTION @extschema@.stock_change(@extschema@.material_balance) IS 'total stock change, the decrease in stocks (a drawdown is positive)';
COMMENT ON FUNCTION @extschema@.apparent_consumption(@extschema@.material_balance) IS 'production + imports - exports + stock_change (USGS MCS), as apparent_consumption(float8, ...)';
COMMENT ON FUNCTION @extschema@.net_import_reliance(@extschema@.material_balance) IS '(imports - exports + stock_change) / apparent consumption (USGS MCS), as net_import_reliance(float8, ...); NULL when apparent consumption <= 0';
COMMENT ON FUNCTION @extschema@.self_sufficiency(@extschema@.material_balance) IS 'production / apparent consumption; NULL when apparent consumption <= 0';
-- ---------------------------------------------------------------------------
-- EU Critical Raw Materials supply risk (JRC 2017 methodology, Blengini et
-- al., EUR 28654; used for the 2020 and 2023 EU lists).  Formulas:
-- src/core/metrics.c.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.eu_import_reliance(production float8, imports float8, exports float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_eu_import_reliance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.eu_import_reliance(float8, float8, float8) IS
	'EU import reliance (import - export) / (production + import - export) (JRC 2017); negative for a net exporter; NULL when the denominator <= 0';

CREATE FUNCTION @extschema@.wgi_to_crm_scale(wgi float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_wgi_to_crm_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wgi_to_crm_scale(float8) IS
	'mean World Governance Indicator (-2.5 to 2.5) rescaled to 0-10 with 10 the worst, (2.5 - wgi) * 2 (JRC 2017); error outside -2.5 to 2.5';

CREATE FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, governance jsonb, trade_factors jsonb DEFAULT NULL) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_hhi_wgi' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, jsonb, jsonb) IS
	'HHI-WGI sum s_c^2 * WGI_c * t_c, shares as fractions, WGI on the 0-10 scale from governance, t_c from trade_factors (1 when absent) (JRC 2017); error for a supplier with quantity > 0 and no score; NULL for a zero total';

CREATE FUNCTION @extschema@.supply_risk(hhi_wgi_global float8, hhi_wgi_eu_sourcing float8,
	import_reliance float8, eol_rir float8, substitution_index float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_supply_risk' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.supply_risk(float8, float8, float8, float8, float8) IS
	'EU supply risk [HHI_WGI,GS * IR/2 + HHI_WGI,EU * (1 - IR/2)] * (1 - EoL_RIR) * SI_SR (JRC 2017); IR, EoL_RIR, SI_SR fractions 0-1, HHI-WGI >= 0, else an error';

CREATE FUNCTION @extschema@.is_critical(supply_risk float8, economic_importance float8) RETURNS bool
	AS 'MODULE_PATHNAME', 're_sql_is_critical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_critical(float8, float8) IS
	'EU criticality: supply risk >= 1.0 and economic importance >= 2.8 (JRC 2017 thresholds, 2020 and 2023 lists)';
-- ---------------------------------------------------------------------------
-- trajectory: a year -> value series, growth rates, trends and targets
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.trajectory;

CREATE FUNCTION @extschema@.trajectory_in(cstring) RETURNS @extschema@.trajectory
	AS 'MODULE_PATHNAME', 'trajectory_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_out(@extschema@.trajectory) RETURNS cstring
	AS 'MODULE_PATHNAME', 'trajectory_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_recv(internal) RETURNS @extschema@.trajectory
	AS 'MODULE_PATHNAME', 'trajectory_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_send(@extschema@.trajectory) RETURNS bytea
	AS 'MODULE_PATHNAME', 'trajectory_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.trajectory (
	INPUT = @extschema@.trajectory_in,
	OUTPUT = @extschema@.trajectory_out,
	RECEIVE = @extschema@.trajectory_recv,
	SEND = @extschema@.trajectory_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.trajectory IS
	'series of (year, value), values of a year summed; text form is a JSON object {"2023": 2500, "2024": 2600}; years -10000 to 10000';
COMMENT ON FUNCTION @extschema@.trajectory_in(cstring) IS 'text input of trajectory (a JSON object of integer year: number)';
COMMENT ON FUNCTION @extschema@.trajectory_out(@extschema@.trajectory) IS 'text output of trajectory (a JSON object, years ascending, shortest round-trip numbers)';
COMMENT ON FUNCTION @extschema@.trajectory_recv(internal) IS 'binary input of trajectory (version byte, u32 count, then i32 year + f64 value, years strictly ascending)';
COMMENT ON FUNCTION @extschema@.trajectory_send(@extschema@.trajectory) IS 'binary output of trajectory (version byte first)';

CREATE FUNCTION @extschema@.trajectory_to_jsonb(@extschema@.trajectory) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'trajectory_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trajectory_to_jsonb(@extschema@.trajectory) IS 'the trajectory as a jsonb object of year: value';
CREATE CAST (@extschema@.trajectory AS jsonb) WITH FUNCTION @extschema@.trajectory_to_jsonb(@extschema@.trajectory);
COMMENT ON CAST (@extschema@.trajectory AS jsonb) IS 'a trajectory as a jsonb object of year: value';

-- aggregate support ---------------------------------------------------------

CREATE FUNCTION @extschema@.trajectory_trans(internal, int, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_trans(internal, int, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_trans_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_rollup_trans(internal, @extschema@.trajectory) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_rollup_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_combine' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'trajectory_serialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_deserialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_final(internal) RETURNS @extschema@.trajectory
	AS 'MODULE_PATHNAME', 'trajectory_final' LANGUAGE C PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.trajectory_trans(internal, int, float8) IS 'trajectory aggregate transition (int year, float8 value)';
COMMENT ON FUNCTION @extschema@.trajectory_trans(internal, int, numeric) IS 'trajectory aggregate transition (int year, numeric value)';
COMMENT ON FUNCTION @extschema@.trajectory_rollup_trans(internal, @extschema@.trajectory) IS 'rollup(trajectory) transition: adds a series into the state, value per year';
COMMENT ON FUNCTION @extschema@.trajectory_combine(internal, internal) IS 'trajectory aggregate combine function (parallel and partial aggregation): compensated sums added per year';
COMMENT ON FUNCTION @extschema@.trajectory_serialize(internal) IS 'trajectory aggregate state serialization (version byte first, compensation terms kept)';
COMMENT ON FUNCTION @extschema@.trajectory_deserialize(bytea, internal) IS 'trajectory aggregate state deserialization; rejects malformed input';
COMMENT ON FUNCTION @extschema@.trajectory_final(internal) IS 'trajectory aggregate final function: the series sorted by year (the empty series for no rows)';

CREATE AGGREGATE @extschema@.trajectory(year int, value float8) (
	SFUNC = @extschema@.trajectory_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.trajectory(year int, value numeric) (
	SFUNC = @extschema@.trajectory_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.trajectory) (
	SFUNC = @extschema@.trajectory_rollup_trans, STYPE = internal,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trajectory(int, float8) IS 'series of value per year, values of the same year summed (NULL year or value skipped; non-finite value or year outside -10000..10000 is an error)';
COMMENT ON AGGREGATE @extschema@.trajectory(int, numeric) IS 'series of value per year, numeric values (converted to float8)';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.trajectory) IS 'merges trajectories, adding values per year (a world series from country series)';

-- accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.first_year(@extschema@.trajectory) RETURNS int
	AS 'MODULE_PATHNAME', 'trajectory_first_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.last_year(@extschema@.trajectory) RETURNS int
	AS 'MODULE_PATHNAME', 'trajectory_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.point_count(@extschema@.trajectory) RETURNS int
	AS 'MODULE_PATHNAME', 'trajectory_point_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.value_at(@extschema@.trajectory, year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_value_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_cagr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(@extschema@.trajectory, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_cagr_between' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.yoy(@extschema@.trajectory, year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.fold_change(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_fold_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_rate(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_trend_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_r2(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_trend_r2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.project(@extschema@.trajectory, year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_project' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.doubling_time(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_doubling_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.required_cagr(@extschema@.trajectory, target float8, target_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_required_cagr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.years_to_target(@extschema@.trajectory, target float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_years_to_target' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.on_track(@extschema@.trajectory, target float8, target_year int) RETURNS bool
	AS 'MODULE_PATHNAME', 'trajectory_on_track' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.points(@extschema@.trajectory,
	OUT year int, OUT value float8, OUT yoy float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trajectory_points' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
CREATE FUNCTION @extschema@.sparkline(@extschema@.trajectory) RETURNS text
	AS 'MODULE_PATHNAME', 'trajectory_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.first_year(@extschema@.trajectory) IS 'the earliest year of the series; NULL when empty';
COMMENT ON FUNCTION @extschema@.last_year(@extschema@.trajectory) IS 'the latest year of the series; NULL when empty';
COMMENT ON FUNCTION @extschema@.point_count(@extschema@.trajectory) IS 'number of years with a value (0 when empty)';
COMMENT ON FUNCTION @extschema@.value_at(@extschema@.trajectory, int) IS 'the value of a year; NULL when the year is absent';
COMMENT ON FUNCTION @extschema@.cagr(@extschema@.trajectory) IS 'compound annual growth rate (V_last/V_first)^(1/(last_year - first_year)) - 1 (OECD glossary); NULL when either value <= 0 or fewer than 2 years';
COMMENT ON FUNCTION @extschema@.cagr(@extschema@.trajectory, int, int) IS 'compound annual growth rate (V_to/V_from)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when a year is absent, a value <= 0 or the years are equal';
COMMENT ON FUNCTION @extschema@.yoy(@extschema@.trajectory, int) IS 'year-on-year growth V(year)/V(year - 1) - 1; NULL when either year is absent, V(year - 1) <= 0 or V(year) < 0';
COMMENT ON FUNCTION @extschema@.fold_change(@extschema@.trajectory) IS 'V_last/V_first; NULL when empty, V_first <= 0 or V_last < 0';
COMMENT ON FUNCTION @extschema@.trend_rate(@extschema@.trajectory) IS 'World Bank least-squares growth rate: OLS ln V = a + b year over the points with V > 0, rate e^b - 1 (WDI Statistical methods); NULL with fewer than 2 such points';
COMMENT ON FUNCTION @extschema@.trend_r2(@extschema@.trajectory) IS 'r^2 of the least-squares fit of ln V on year over the points with V > 0; NULL with fewer than 2 such points or constant V';
COMMENT ON FUNCTION @extschema@.project(@extschema@.trajectory, int) IS 'the least-squares trend value exp(a + b year) in a year; NULL with fewer than 2 positive points';
COMMENT ON FUNCTION @extschema@.doubling_time(@extschema@.trajectory) IS 'years to double at the trend rate r: ln 2 / ln(1 + r); NULL when r <= 0 or undefined';
COMMENT ON FUNCTION @extschema@.required_cagr(@extschema@.trajectory, float8, int) IS 'CAGR needed from the last point to the target: (target/V_last)^(1/(target_year - last_year)) - 1; NULL when V_last or target <= 0 or target_year <= last_year';
COMMENT ON FUNCTION @extschema@.years_to_target(@extschema@.trajectory, float8) IS 'years from the last point to reach target at the trend rate: ln(target/V_last)/ln(1 + r); 0 when V_last >= target; NULL when V_last or target <= 0 or the trend never reaches it';
COMMENT ON FUNCTION @extschema@.on_track(@extschema@.trajectory, float8, int) IS 'whether V_last grown at the trend rate reaches target by target_year (years_to_target <= target_year - last_year); NULL when V_last or target <= 0, target_year < last_year, or the trend is undefined and the target not yet reached';
COMMENT ON FUNCTION @extschema@.points(@extschema@.trajectory) IS 'one row per year: year, value and year-on-year growth (NULL as in yoy)';
COMMENT ON FUNCTION @extschema@.sparkline(@extschema@.trajectory) IS 'one-line bar chart, one bar per year from U+2581 (minimum) to U+2588 (maximum), a space for a missing year, U+2584 for a constant series; NULL when empty';

-- scalar growth functions and target paths --------------------------------

CREATE FUNCTION @extschema@.cagr(start_value float8, end_value float8, years float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'cagr_scalar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.required_cagr(current_value float8, target float8, years float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'required_cagr_scalar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.doubling_time(rate float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'doubling_time_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_path(start_year int, start_value float8, target_year int, target_value float8,
	OUT year int, OUT value float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'target_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
CREATE FUNCTION @extschema@.gap_to_path(@extschema@.trajectory, start_year int, start_value float8,
	target_year int, target_value float8,
	OUT year int, OUT actual float8, OUT planned float8, OUT ratio float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gap_to_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION @extschema@.cagr(float8, float8, float8) IS 'compound annual growth rate (end/start)^(1/years) - 1 (OECD glossary); NULL when start or end <= 0 or years <= 0';
COMMENT ON FUNCTION @extschema@.required_cagr(float8, float8, float8) IS 'growth rate needed to go from current to target in years: (target/current)^(1/years) - 1; NULL when either value <= 0 or years <= 0';
COMMENT ON FUNCTION @extschema@.doubling_time(float8) IS 'years to double at a constant rate: ln 2 / ln(1 + rate) (rule of 70, World Bank); NULL when rate <= 0';
COMMENT ON FUNCTION @extschema@.target_path(int, float8, int, float8) IS 'constant-growth path start_value (target_value/start_value)^((year - start_year)/(target_year - start_year)), one row per year; no rows when a value <= 0 or target_year <= start_year';
COMMENT ON FUNCTION @extschema@.gap_to_path(@extschema@.trajectory, int, float8, int, float8) IS 'per year of the constant-growth path: actual value (NULL when absent), planned value and actual/planned; no rows when the path is undefined';
-- ---------------------------------------------------------------------------
-- USGS Mineral Commodity Summaries value cells, as printed
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.parse_usgs_value(cell text,
	OUT value float8, OUT qualifier text, OUT estimated bool) RETURNS record
	AS 'MODULE_PATHNAME', 'parse_usgs_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_usgs_value(text) IS
	'a USGS MCS value cell into (value, qualifier, estimated): ''270,000'' -> 270000; ''>95'' -> 95 with ''>''; ''<1'' -> 1 with ''<''; W, NA, E, XX -> NULL value with that code; em dash -> 0 (MCS legend "Zero"); s -> 0.5 with ''<'' ("less than 1/2 unit"); a trailing e marks an estimate; ranges and words are an error (22P02)';

CREATE FUNCTION @extschema@.usgs_value_problem(cell text) RETURNS text
	AS 'MODULE_PATHNAME', 'usgs_value_problem' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.usgs_value_problem(text) IS
	'why parse_usgs_value would refuse a cell (a range, a word, a misplaced thousands separator, ...), or NULL when it parses';
-- ---------------------------------------------------------------------------
-- Staging tables for downloaded files, and the rows loaders could not use
-- ---------------------------------------------------------------------------
-- Every staging column is text: a downloaded file always copies in (no cast
-- can fail during \copy) and each loader validates and converts the values,
-- sending what it cannot use to load_rejects with the reason.

-- UN Comtrade API v1 records, the 47 columns in the order of the API's CSV
-- and bulk files (comtradeapi.un.org, "data/v1/get" and the public preview;
-- the order is that of the downloaded header line), so that
--   \copy rareearth.comtrade_raw FROM 'file.csv' WITH (FORMAT csv, HEADER match)
-- checks the header and loads the file as downloaded.
CREATE TABLE @extschema@.comtrade_raw (
	"typeCode" text,
	"freqCode" text,
	"refPeriodId" text,
	"refYear" text,
	"refMonth" text,
	"period" text,
	"reporterCode" text,
	"reporterISO" text,
	"reporterDesc" text,
	"flowCode" text,
	"flowDesc" text,
	"partnerCode" text,
	"partnerISO" text,
	"partnerDesc" text,
	"partner2Code" text,
	"partner2ISO" text,
	"partner2Desc" text,
	"classificationCode" text,
	"classificationSearchCode" text,
	"isOriginalClassification" text,
	"cmdCode" text,
	"cmdDesc" text,
	"aggrLevel" text,
	"isLeaf" text,
	"customsCode" text,
	"customsDesc" text,
	"mosCode" text,
	"motCode" text,
	"motDesc" text,
	"qtyUnitCode" text,
	"qtyUnitAbbr" text,
	"qty" text,
	"isQtyEstimated" text,
	"altQtyUnitCode" text,
	"altQtyUnitAbbr" text,
	"altQty" text,
	"isAltQtyEstimated" text,
	"netWgt" text,
	"isNetWgtEstimated" text,
	"grossWgt" text,
	"isGrossWgtEstimated" text,
	"cifvalue" text,
	"fobvalue" text,
	"primaryValue" text,
	"legacyEstimationFlag" text,
	"isReported" text,
	"isAggregate" text
);
COMMENT ON TABLE @extschema@.comtrade_raw IS 'staging: UN Comtrade API v1 records as downloaded (47 columns in the API''s order, all text); load_comtrade() moves them into trade_flow and empties this table';
COMMENT ON COLUMN @extschema@.comtrade_raw."typeCode" IS 'C goods, S services (only C is loaded)';
COMMENT ON COLUMN @extschema@.comtrade_raw."freqCode" IS 'A annual, M monthly';
COMMENT ON COLUMN @extschema@.comtrade_raw."refPeriodId" IS 'period as a date yyyymmdd';
COMMENT ON COLUMN @extschema@.comtrade_raw."refYear" IS 'reference year';
COMMENT ON COLUMN @extschema@.comtrade_raw."refMonth" IS 'reference month 1-12; 52 for annual records';
COMMENT ON COLUMN @extschema@.comtrade_raw."period" IS 'period as printed: yyyy or yyyymm';
COMMENT ON COLUMN @extschema@.comtrade_raw."reporterCode" IS 'UN Comtrade reporter code (M49-based)';
COMMENT ON COLUMN @extschema@.comtrade_raw."reporterISO" IS 'reporter ISO 3166-1 alpha-3 (empty when descriptions were not requested)';
COMMENT ON COLUMN @extschema@.comtrade_raw."reporterDesc" IS 'reporter name';
COMMENT ON COLUMN @extschema@.comtrade_raw."flowCode" IS 'M import, X export, RM re-import, RX re-export (others are not loaded)';
COMMENT ON COLUMN @extschema@.comtrade_raw."flowDesc" IS 'flow name';
COMMENT ON COLUMN @extschema@.comtrade_raw."partnerCode" IS 'UN Comtrade partner code; 0 = World';
COMMENT ON COLUMN @extschema@.comtrade_raw."partnerISO" IS 'partner alpha-3 or a pseudo code such as W00';
COMMENT ON COLUMN @extschema@.comtrade_raw."partnerDesc" IS 'partner name';
COMMENT ON COLUMN @extschema@.comtrade_raw."partner2Code" IS 'second partner (consignment); 0 = World, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_raw."partner2ISO" IS 'second partner alpha-3';
COMMENT ON COLUMN @extschema@.comtrade_raw."partner2Desc" IS 'second partner name';
COMMENT ON COLUMN @extschema@.comtrade_raw."classificationCode" IS 'HS edition as reported: H0 (HS1992) ... H6 (HS2022)';
COMMENT ON COLUMN @extschema@.comtrade_raw."classificationSearchCode" IS 'classification family (HS)';
COMMENT ON COLUMN @extschema@.comtrade_raw."isOriginalClassification" IS 'true when reported in this classification';
COMMENT ON COLUMN @extschema@.comtrade_raw."cmdCode" IS 'commodity code (HS 2, 4 or 6 digits, or TOTAL)';
COMMENT ON COLUMN @extschema@.comtrade_raw."cmdDesc" IS 'commodity description';
COMMENT ON COLUMN @extschema@.comtrade_raw."aggrLevel" IS 'number of digits of the commodity code';
COMMENT ON COLUMN @extschema@.comtrade_raw."isLeaf" IS 'true for the most detailed code';
COMMENT ON COLUMN @extschema@.comtrade_raw."customsCode" IS 'customs procedure; C00 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_raw."customsDesc" IS 'customs procedure name';
COMMENT ON COLUMN @extschema@.comtrade_raw."mosCode" IS 'mode of supply (services)';
COMMENT ON COLUMN @extschema@.comtrade_raw."motCode" IS 'mode of transport; 0 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_raw."motDesc" IS 'mode of transport name';
COMMENT ON COLUMN @extschema@.comtrade_raw."qtyUnitCode" IS 'unit of qty; -1 = not available';
COMMENT ON COLUMN @extschema@.comtrade_raw."qtyUnitAbbr" IS 'unit of qty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_raw."qty" IS 'quantity in qtyUnitCode units';
COMMENT ON COLUMN @extschema@.comtrade_raw."isQtyEstimated" IS 'true when UN Comtrade estimated qty';
COMMENT ON COLUMN @extschema@.comtrade_raw."altQtyUnitCode" IS 'unit of altQty';
COMMENT ON COLUMN @extschema@.comtrade_raw."altQtyUnitAbbr" IS 'unit of altQty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_raw."altQty" IS 'alternative quantity';
COMMENT ON COLUMN @extschema@.comtrade_raw."isAltQtyEstimated" IS 'true when altQty was estimated';
COMMENT ON COLUMN @extschema@.comtrade_raw."netWgt" IS 'net weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_raw."isNetWgtEstimated" IS 'true when UN Comtrade estimated the net weight';
COMMENT ON COLUMN @extschema@.comtrade_raw."grossWgt" IS 'gross weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_raw."isGrossWgtEstimated" IS 'true when the gross weight was estimated';
COMMENT ON COLUMN @extschema@.comtrade_raw."cifvalue" IS 'CIF value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_raw."fobvalue" IS 'FOB value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_raw."primaryValue" IS 'the value UN Comtrade publishes for the flow, US dollars (CIF for most imports, FOB for exports)';
COMMENT ON COLUMN @extschema@.comtrade_raw."legacyEstimationFlag" IS 'estimation flag of the legacy Comtrade';
COMMENT ON COLUMN @extschema@.comtrade_raw."isReported" IS 'true when the record was reported, not derived';
COMMENT ON COLUMN @extschema@.comtrade_raw."isAggregate" IS 'true when UN Comtrade aggregated the record';

-- CEPII BACI (www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37):
-- one CSV per year, header t,i,j,k,v,q; v in thousands of US dollars FOB, q
-- in metric tons; missing quantities are printed NA (padded with spaces).
CREATE TABLE @extschema@.baci_raw (
	t text,
	i text,
	j text,
	k text,
	v text,
	q text
);
COMMENT ON TABLE @extschema@.baci_raw IS 'staging: CEPII BACI records as downloaded (all text, so HS codes keep their leading zeros); load_baci(release) moves them into trade_flow and empties this table';
COMMENT ON COLUMN @extschema@.baci_raw.t IS 'year';
COMMENT ON COLUMN @extschema@.baci_raw.i IS 'exporter, BACI country code';
COMMENT ON COLUMN @extschema@.baci_raw.j IS 'importer, BACI country code';
COMMENT ON COLUMN @extschema@.baci_raw.k IS 'product, HS 6-digit code (text: leading zeros matter)';
COMMENT ON COLUMN @extschema@.baci_raw.v IS 'value, thousands of US dollars, FOB';
COMMENT ON COLUMN @extschema@.baci_raw.q IS 'quantity, metric tons (NA when unknown)';

-- USGS Mineral Commodity Summaries data release, one long CSV for all
-- commodities (format A of data/usgs/usgs_mcs_format.md; the 2026 edition,
-- doi:10.5066/P1WKQ63T).  The file is Windows-1252:
--   \copy rareearth.usgs_mcs_raw FROM 'mcs2026.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TABLE @extschema@.usgs_mcs_raw (
	"MCS chapter" text,
	"Section" text,
	"Commodity" text,
	"Country" text,
	"Statistics" text,
	"Statistics_detail" text,
	"Unit" text,
	"Year" text,
	"Value" text,
	"Notes" text,
	"Is critical mineral 2025" text,
	"Other notes" text
);
COMMENT ON TABLE @extschema@.usgs_mcs_raw IS 'staging: the USGS MCS data-release CSV as downloaded (12 columns, all text; read it with ENCODING ''WIN1252''); load_usgs_mcs(edition) moves rare-earth production and reserves rows into production and reserves and empties this table';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."MCS chapter" IS 'chapter, e.g. RARE EARTHS';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Section" IS 'table of the chapter, e.g. World Mine Production and Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Commodity" IS 'commodity of the row (element names for prices)';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Country" IS 'USGS country name; World total and Other countries are rows too';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Statistics" IS 'statistic, e.g. Production, Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Statistics_detail" IS 'detail, e.g. Mine production, Reserves: rounded';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Unit" IS 'unit, e.g. metric tons, percent';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Year" IS 'year, or a period such as 2021–24';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Value" IS 'the cell as printed (see parse_usgs_value)';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Notes" IS 'notes; Estimated. or Reported. first';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Is critical mineral 2025" IS 'Yes/No';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Other notes" IS 'chapter notes';

-- what no loader could use, with the reason: nothing is dropped silently
CREATE TABLE @extschema@.load_rejects (
	source text NOT NULL CHECK (source IN ('comtrade', 'baci', 'usgs_mcs')),
	release text,
	reason text NOT NULL,
	record jsonb NOT NULL,
	rejected_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE INDEX load_rejects_source_idx ON @extschema@.load_rejects (source, release);
COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use, each with the reason; a record already rejected for the same reason is not added again, so loading a file twice adds nothing';
COMMENT ON COLUMN @extschema@.load_rejects.source IS 'comtrade, baci or usgs_mcs';
COMMENT ON COLUMN @extschema@.load_rejects.release IS 'release or edition given to the loader';
COMMENT ON COLUMN @extschema@.load_rejects.reason IS 'why the row was not loaded (unknown country code, malformed HS code, negative quantity, ...)';
COMMENT ON COLUMN @extschema@.load_rejects.record IS 'the staging row as jsonb, column name: text as downloaded';
COMMENT ON COLUMN @extschema@.load_rejects.rejected_at IS 'when the loader first rejected it';
COMMENT ON INDEX @extschema@.load_rejects_source_idx IS 'rejects by source and release';
-- ---------------------------------------------------------------------------
-- Stored data: trade flows, production, reserves, targets, governance
-- ---------------------------------------------------------------------------
-- Quantities and values are float8 and never negative, NaN or infinite
-- (NaN sorts above 'Infinity' in PostgreSQL, so "< 'Infinity'" excludes both).

CREATE TABLE @extschema@.trade_flow (
	year int NOT NULL CHECK (year BETWEEN 1900 AND 2100),
	month int CHECK (month BETWEEN 1 AND 12),
	reporter @extschema@.country NOT NULL,
	partner @extschema@.country NOT NULL,
	flow text NOT NULL CHECK (flow IN ('M', 'X', 'RM', 'RX')),
	product @extschema@.hscode NOT NULL,
	net_weight_kg float8 CHECK (net_weight_kg >= 0 AND net_weight_kg < 'Infinity'),
	value_usd float8 NOT NULL CHECK (value_usd >= 0 AND value_usd < 'Infinity'),
	valuation text NOT NULL CHECK (valuation IN ('CIF', 'FOB')),
	source text NOT NULL CHECK (source IN ('comtrade', 'baci')),
	release text NOT NULL,
	quantity_estimated bool NOT NULL DEFAULT false,
	net_weight_estimated bool NOT NULL DEFAULT false,
	synthetic bool NOT NULL DEFAULT false,
	CONSTRAINT trade_flow_key UNIQUE NULLS NOT DISTINCT (source, reporter, partner, flow, product, year, month)
);
CREATE INDEX trade_flow_partner_idx ON @extschema@.trade_flow (partner, reporter, year);
CREATE INDEX trade_flow_year_idx ON @extschema@.trade_flow (year, flow);
COMMENT ON TABLE @extschema@.trade_flow IS 'trade between two countries, one row per source, reporter, partner, flow, HS code and period (natural key trade_flow_key); World, EU and "nes" partners are in trade_reported_total instead';
COMMENT ON COLUMN @extschema@.trade_flow.year IS 'period year';
COMMENT ON COLUMN @extschema@.trade_flow.month IS 'period month 1-12; NULL for annual data';
COMMENT ON COLUMN @extschema@.trade_flow.reporter IS 'the declaring country (UN Comtrade reporter; for BACI the exporter)';
COMMENT ON COLUMN @extschema@.trade_flow.partner IS 'the other country (UN Comtrade partner; for BACI the importer)';
COMMENT ON COLUMN @extschema@.trade_flow.flow IS 'M import, X export, RM re-import, RX re-export, as the reporter declares it';
COMMENT ON COLUMN @extschema@.trade_flow.product IS 'HS code of the goods';
COMMENT ON COLUMN @extschema@.trade_flow.net_weight_kg IS 'net weight, kg; NULL when not reported';
COMMENT ON COLUMN @extschema@.trade_flow.value_usd IS 'trade value, US dollars (valued as in valuation)';
COMMENT ON COLUMN @extschema@.trade_flow.valuation IS 'CIF (imports, incl. freight and insurance) or FOB (exports and BACI)';
COMMENT ON COLUMN @extschema@.trade_flow.source IS 'comtrade (as reported) or baci (CEPII''s reconciled flows)';
COMMENT ON COLUMN @extschema@.trade_flow.release IS 'release or download the row came from; a later load of the same key replaces the row';
COMMENT ON COLUMN @extschema@.trade_flow.quantity_estimated IS 'UN Comtrade isQtyEstimated';
COMMENT ON COLUMN @extschema@.trade_flow.net_weight_estimated IS 'UN Comtrade isNetWgtEstimated';
COMMENT ON COLUMN @extschema@.trade_flow.synthetic IS 'true for generated test data: never part of a view''s default output';
COMMENT ON INDEX @extschema@.trade_flow_partner_idx IS 'flows by partner (mirror statistics)';
COMMENT ON INDEX @extschema@.trade_flow_year_idx IS 'flows by year and flow';

CREATE TABLE @extschema@.trade_reported_total (
	year int NOT NULL CHECK (year BETWEEN 1900 AND 2100),
	month int CHECK (month BETWEEN 1 AND 12),
	reporter @extschema@.country NOT NULL,
	partner_area @extschema@.country NOT NULL,
	flow text NOT NULL CHECK (flow IN ('M', 'X', 'RM', 'RX')),
	product @extschema@.hscode NOT NULL,
	net_weight_kg float8 CHECK (net_weight_kg >= 0 AND net_weight_kg < 'Infinity'),
	value_usd float8 NOT NULL CHECK (value_usd >= 0 AND value_usd < 'Infinity'),
	valuation text NOT NULL CHECK (valuation IN ('CIF', 'FOB')),
	source text NOT NULL CHECK (source IN ('comtrade', 'baci')),
	release text NOT NULL,
	synthetic bool NOT NULL DEFAULT false,
	CONSTRAINT trade_reported_total_key UNIQUE NULLS NOT DISTINCT (source, reporter, partner_area, flow, product, year, month)
);
COMMENT ON TABLE @extschema@.trade_reported_total IS 'totals a reporter declares against World, the EU or "areas nes": kept apart from trade_flow so that they are never counted as a partner; the denominator for coverage()';
COMMENT ON COLUMN @extschema@.trade_reported_total.year IS 'period year';
COMMENT ON COLUMN @extschema@.trade_reported_total.month IS 'period month 1-12; NULL for annual data';
COMMENT ON COLUMN @extschema@.trade_reported_total.reporter IS 'the declaring country';
COMMENT ON COLUMN @extschema@.trade_reported_total.partner_area IS 'the aggregate partner (WLD World, EUU European Union, XAN areas nes, ...)';
COMMENT ON COLUMN @extschema@.trade_reported_total.flow IS 'M, X, RM or RX';
COMMENT ON COLUMN @extschema@.trade_reported_total.product IS 'HS code of the goods';
COMMENT ON COLUMN @extschema@.trade_reported_total.net_weight_kg IS 'net weight, kg; NULL when not reported';
COMMENT ON COLUMN @extschema@.trade_reported_total.value_usd IS 'trade value, US dollars';
COMMENT ON COLUMN @extschema@.trade_reported_total.valuation IS 'CIF or FOB';
COMMENT ON COLUMN @extschema@.trade_reported_total.source IS 'comtrade or baci';
COMMENT ON COLUMN @extschema@.trade_reported_total.release IS 'release or download the row came from';
COMMENT ON COLUMN @extschema@.trade_reported_total.synthetic IS 'true for generated test data';

-- USGS publications revise earlier years in each edition (MCS2025 printed
-- Australia's 2024 output as 13,000 t, MCS2026 as 29,000 t), so the edition
-- is part of the key; production_latest picks one edition per country-year.
CREATE TABLE @extschema@.production (
	country @extschema@.country NOT NULL,
	year int NOT NULL CHECK (year BETWEEN 1800 AND 2100),
	commodity text NOT NULL DEFAULT 'rare earths',
	stage @extschema@.supply_stage NOT NULL DEFAULT 'mining',
	quantity_t float8 CHECK (quantity_t >= 0 AND quantity_t < 'Infinity'),
	qualifier text CHECK (qualifier IN ('>', '<', 'e', 'W', 'NA', 'XX')),
	series text NOT NULL CHECK (series IN ('MCS', 'MYB', 'DS140')),
	edition text NOT NULL,
	source text NOT NULL,
	CHECK ((quantity_t IS NULL) = (qualifier IS NOT NULL AND qualifier IN ('W', 'NA', 'XX'))),
	PRIMARY KEY (country, year, commodity, stage, edition)
);
CREATE INDEX production_year_idx ON @extschema@.production (year, commodity, stage);
COMMENT ON TABLE @extschema@.production IS 'production by country and year as published (t REO for rare earths), one row per edition; WLD = the printed world total (rounded), XAN = USGS "Other countries"';
COMMENT ON COLUMN @extschema@.production.country IS 'producing country; WLD the printed world total, XAN "Other countries" (one row for many)';
COMMENT ON COLUMN @extschema@.production.year IS 'production year';
COMMENT ON COLUMN @extschema@.production.commodity IS '''rare earths'' (total), or one element for per-element rows';
COMMENT ON COLUMN @extschema@.production.stage IS 'supply-chain stage: mining (mine production), separation, metal, magnet';
COMMENT ON COLUMN @extschema@.production.quantity_t IS 'quantity, metric tons (rare-earth-oxide equivalent for rare earths); for ''>'' and ''<'' the bound; NULL for W, NA, XX';
COMMENT ON COLUMN @extschema@.production.qualifier IS 'NULL a plain figure; e estimated; > or < a bound; W withheld; NA not available; XX not applicable (USGS legend)';
COMMENT ON COLUMN @extschema@.production.series IS 'MCS Mineral Commodity Summaries, MYB Minerals Yearbook, DS140 Data Series 140 (different series, never mixed)';
COMMENT ON COLUMN @extschema@.production.edition IS 'publication, e.g. MCS2026 (published February 2026), MYB2022, DS140';
COMMENT ON COLUMN @extschema@.production.source IS 'where the figure was read (file, cell or page)';
COMMENT ON INDEX @extschema@.production_year_idx IS 'production by year';

CREATE VIEW @extschema@.production_latest AS
SELECT DISTINCT ON (country, year, commodity, stage)
	country, year, commodity, stage, quantity_t, qualifier, edition, source
FROM @extschema@.production
WHERE series OPERATOR(pg_catalog.=) 'MCS'
ORDER BY country, year, commodity, stage, edition DESC;
COMMENT ON VIEW @extschema@.production_latest IS 'USGS MCS production, the latest edition per (country, year, commodity, stage): "latest edition wins"';

CREATE TABLE @extschema@.reserves (
	country @extschema@.country NOT NULL,
	commodity text NOT NULL DEFAULT 'rare earths',
	as_of_year int CHECK (as_of_year BETWEEN 1800 AND 2100),
	quantity_t float8 CHECK (quantity_t >= 0 AND quantity_t < 'Infinity'),
	qualifier text CHECK (qualifier IN ('>', '<', 'e', 'W', 'NA', 'XX')),
	series text NOT NULL CHECK (series IN ('MCS', 'national')),
	edition text NOT NULL,
	source text NOT NULL,
	CHECK ((quantity_t IS NULL) = (qualifier IS NOT NULL AND qualifier IN ('W', 'NA', 'XX'))),
	PRIMARY KEY (country, commodity, edition)
);
COMMENT ON TABLE @extschema@.reserves IS 'reserves by country as published (t REO for rare earths), one row per edition or statement; national estimates (series national) use other definitions and are kept apart from USGS''s';
COMMENT ON COLUMN @extschema@.reserves.country IS 'country; WLD the printed world total';
COMMENT ON COLUMN @extschema@.reserves.commodity IS '''rare earths'' or one element';
COMMENT ON COLUMN @extschema@.reserves.as_of_year IS 'year the estimate refers to: an MCS edition''s reserves are as of its cover year minus one; NULL when the statement gives none';
COMMENT ON COLUMN @extschema@.reserves.quantity_t IS 'reserves, metric tons REO; for ''>'' the bound; NULL for W, NA, XX';
COMMENT ON COLUMN @extschema@.reserves.qualifier IS 'NULL a plain figure; e estimated; > or < a bound; W, NA, XX as in the USGS legend';
COMMENT ON COLUMN @extschema@.reserves.series IS 'MCS (USGS) or national (a government''s own estimate, as reported)';
COMMENT ON COLUMN @extschema@.reserves.edition IS 'publication (MCS2026) or the name of the statement';
COMMENT ON COLUMN @extschema@.reserves.source IS 'where the figure was read, or who stated it and who reported it';

CREATE VIEW @extschema@.reserves_latest AS
SELECT DISTINCT ON (country, commodity)
	country, commodity, as_of_year, quantity_t, qualifier, edition, source
FROM @extschema@.reserves
WHERE series OPERATOR(pg_catalog.=) 'MCS'
ORDER BY country, commodity, edition DESC;
COMMENT ON VIEW @extschema@.reserves_latest IS 'USGS MCS reserves, the latest edition per (country, commodity)';

CREATE TABLE @extschema@.targets (
	country @extschema@.country NOT NULL,
	commodity text NOT NULL,
	metric text NOT NULL,
	unit text NOT NULL,
	base_year int CHECK (base_year BETWEEN 1800 AND 2100),
	base_value float8 CHECK (base_value >= 0 AND base_value < 'Infinity'),
	target_year int NOT NULL CHECK (target_year BETWEEN 1800 AND 2100),
	target_value float8 NOT NULL CHECK (target_value >= 0 AND target_value < 'Infinity'),
	source text NOT NULL,
	statement text NOT NULL DEFAULT 'reported statement',
	CHECK (base_year IS NULL OR base_year < target_year),
	PRIMARY KEY (country, commodity, metric, target_year)
);
COMMENT ON TABLE @extschema@.targets IS 'stated policy targets (a government''s figures as reported, not forecasts)';
COMMENT ON COLUMN @extschema@.targets.country IS 'country that set the target';
COMMENT ON COLUMN @extschema@.targets.commodity IS 'commodity, e.g. rare earths';
COMMENT ON COLUMN @extschema@.targets.metric IS 'what is targeted: production, import share of needs, ...';
COMMENT ON COLUMN @extschema@.targets.unit IS 'unit of base and target values (t REO per year, percent, ...)';
COMMENT ON COLUMN @extschema@.targets.base_year IS 'year of the stated starting value; NULL when the statement gives none';
COMMENT ON COLUMN @extschema@.targets.base_value IS 'stated starting value';
COMMENT ON COLUMN @extschema@.targets.target_year IS 'year by which the target is to be reached';
COMMENT ON COLUMN @extschema@.targets.target_value IS 'stated target value';
COMMENT ON COLUMN @extschema@.targets.source IS 'who stated it and who reported it';
COMMENT ON COLUMN @extschema@.targets.statement IS 'kind of figure: a reported statement, a published plan, ...';

CREATE TABLE @extschema@.governance (
	country @extschema@.country NOT NULL,
	year int NOT NULL CHECK (year BETWEEN 1996 AND 2100),
	wgi_mean float8 CHECK (wgi_mean > '-Infinity' AND wgi_mean < 'Infinity'),
	wgi_scaled float8 CHECK (wgi_scaled > '-Infinity' AND wgi_scaled < 'Infinity'),
	source text NOT NULL,
	PRIMARY KEY (country, year)
);
COMMENT ON TABLE @extschema@.governance IS 'governance by country and year: World Bank Worldwide Governance Indicators';
COMMENT ON COLUMN @extschema@.governance.country IS 'country';
COMMENT ON COLUMN @extschema@.governance.year IS 'WGI year';
COMMENT ON COLUMN @extschema@.governance.wgi_mean IS 'mean of the six WGI estimates (va, pv, ge, rq, rl, cc), about -2.5 (weak) to +2.5 (strong)';
COMMENT ON COLUMN @extschema@.governance.wgi_scaled IS 'the mean on the EU CRM 0-10 scale, 10 the weakest: wgi_to_crm_scale(mean) = (2.5 - mean) * 2 (JRC 2017 methodology)';
COMMENT ON COLUMN @extschema@.governance.source IS 'dataset and release';

-- user data in these tables belongs in pg_dump output
SELECT pg_catalog.pg_extension_config_dump('@extschema@.trade_flow', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.trade_reported_total', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.production', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.reserves', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.targets', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.governance', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.load_rejects', '');
-- ---------------------------------------------------------------------------
-- record_rejects: how every loader files the rows it could not use
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.record_rejects(source text, release text, rejects jsonb) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
	added bigint;
BEGIN
	-- a record already rejected for the same reason is not filed again
	-- (loading a file twice adds nothing); identical rows of one file are
	-- all filed, so the table counts what the loaders counted
	INSERT INTO @extschema@.load_rejects (source, release, reason, record)
	SELECT source, release, e->>'reason', e->'record'
	FROM jsonb_array_elements(rejects) e
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.load_rejects l
	                  WHERE l.source = source AND l.release IS NOT DISTINCT FROM release
	                    AND l.reason = e->>'reason' AND l.record = e->'record');
	GET DIAGNOSTICS added = ROW_COUNT;
	RETURN added;
END
$fn$;
COMMENT ON FUNCTION @extschema@.record_rejects(text, text, jsonb) IS
	'files a loader''s refused rows ([{reason, record}, ...]) in load_rejects, skipping records already filed with the same source, release and reason; returns how many were added';
-- ---------------------------------------------------------------------------
-- load_comtrade() and load_baci(release): staged trade records into
-- trade_flow, reported World/EU/"nes" totals into trade_reported_total
-- ---------------------------------------------------------------------------

-- Which of the given HS code texts the hscode type accepts (each tried once,
-- in its own subtransaction, so one malformed code never aborts a load).
CREATE FUNCTION @extschema@.accepted_hscodes(codes text[]) RETURNS TABLE (code_text text, code @extschema@.hscode)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY codes LOOP
		CONTINUE WHEN t IS NULL;
		BEGIN
			code_text := t;
			code := t::@extschema@.hscode;
			RETURN NEXT;
		EXCEPTION WHEN data_exception THEN
			NULL;	-- not an HS code: the caller rejects the row
		END;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.accepted_hscodes(text[]) IS 'the texts among codes that are valid HS codes, with their hscode values (helper of the trade loaders)';

-- plain decimal text ('1165292.0', '77025454.404', '-5') as float8; NULL when empty or not a number
CREATE FUNCTION @extschema@.decimal_or_null(t text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]{1,3})?$'
	            THEN pg_catalog.btrim(t)::float8 END
$fn$;
COMMENT ON FUNCTION @extschema@.decimal_or_null(text) IS 'a decimal number written as text (as in UN Comtrade and BACI files) as float8; NULL for empty or non-numeric text (helper of the trade loaders)';

CREATE FUNCTION @extschema@.load_comtrade(release text DEFAULT 'UN Comtrade API v1', synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	CREATE TEMP TABLE rareearth_comtrade_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, r.*,
		       @extschema@.decimal_or_null(r."netWgt") AS net_weight,
		       @extschema@.decimal_or_null(r."primaryValue") AS primary_value,
		       @extschema@.decimal_or_null(r."cifvalue") AS cif_value,
		       @extschema@.decimal_or_null(r."fobvalue") AS fob_value
		FROM @extschema@.comtrade_raw r),
	codes AS (
		SELECT * FROM @extschema@.accepted_hscodes(
			(SELECT array_agg(DISTINCT "cmdCode") FROM @extschema@.comtrade_raw
			 WHERE "cmdCode" ~ '^[0-9]{2}([0-9]{2}){0,2}$'))),
	ref AS (SELECT country, comtrade, is_aggregate FROM @extschema@.country_reference() WHERE comtrade IS NOT NULL)
	SELECT raw.staged_at, raw.record,
	       CASE WHEN raw."refYear" ~ '^[0-9]{4}$' THEN raw."refYear"::int END AS year,
	       CASE WHEN raw."freqCode" = 'M' AND raw."refMonth" ~ '^[0-9]{1,2}$' THEN raw."refMonth"::int END AS month,
	       rep.country AS reporter, par.country AS partner,
	       coalesce(rep.is_aggregate, false) OR coalesce(par.is_aggregate, false) AS aggregate,
	       raw."flowCode" AS flow, codes.code AS product, raw.net_weight, raw.primary_value,
	       -- the value's basis: CIF when the CIF field carries it, FOB when the FOB field does;
	       -- otherwise by flow (IMTS 2010: imports CIF, exports FOB)
	       CASE WHEN raw.cif_value > 0 AND raw.cif_value = raw.primary_value THEN 'CIF'
	            WHEN raw.fob_value > 0 AND raw.fob_value = raw.primary_value THEN 'FOB'
	            WHEN raw."flowCode" IN ('M', 'RM') THEN 'CIF' ELSE 'FOB' END AS valuation,
	       raw."isQtyEstimated" = 'true' AS quantity_estimated,
	       raw."isNetWgtEstimated" = 'true' AS net_weight_estimated,
	       CASE
	           WHEN raw."typeCode" IS DISTINCT FROM 'C' THEN format('type "%s" is not goods (C)', raw."typeCode")
	           WHEN raw."freqCode" NOT IN ('A', 'M') OR raw."freqCode" IS NULL THEN format('frequency "%s" is neither A nor M', raw."freqCode")
	           WHEN raw."refYear" !~ '^[0-9]{4}$' OR raw."refYear" IS NULL THEN format('year "%s" is not a year', raw."refYear")
	           WHEN raw."freqCode" = 'M' AND (raw."refMonth" !~ '^[0-9]{1,2}$' OR raw."refMonth"::int NOT BETWEEN 1 AND 12)
	               THEN format('month "%s" is not 1-12', raw."refMonth")
	           WHEN rep.country IS NULL THEN format('unknown reporter code "%s"', raw."reporterCode")
	           WHEN par.country IS NULL THEN format('unknown partner code "%s"', raw."partnerCode")
	           WHEN raw."flowCode" NOT IN ('M', 'X', 'RM', 'RX') OR raw."flowCode" IS NULL THEN format('flow "%s" is not M, X, RM or RX', raw."flowCode")
	           WHEN codes.code IS NULL THEN format('malformed HS code "%s"', raw."cmdCode")
	           WHEN raw."partner2Code" IS DISTINCT FROM '0' OR raw."customsCode" IS DISTINCT FROM 'C00' OR raw."motCode" IS DISTINCT FROM '0'
	               THEN 'a breakdown by second partner, customs procedure or mode of transport: only totals (0, C00, 0) are loaded'
	           WHEN raw.primary_value IS NULL THEN format('no trade value (primaryValue "%s")', raw."primaryValue")
	           WHEN raw.primary_value < 0 THEN format('negative trade value %s', raw."primaryValue")
	           WHEN raw.net_weight < 0 THEN format('negative net weight %s', raw."netWgt")
	           WHEN raw."netWgt" <> '' AND raw.net_weight IS NULL THEN format('net weight "%s" is not a number', raw."netWgt")
	           WHEN raw.primary_value >= 'Infinity' OR raw.net_weight >= 'Infinity' THEN 'a value out of range'
	       END AS reason
	FROM raw
	LEFT JOIN ref rep ON raw."reporterCode" ~ '^[0-9]{1,4}$' AND rep.comtrade = raw."reporterCode"::int
	LEFT JOIN ref par ON raw."partnerCode" ~ '^[0-9]{1,4}$' AND par.comtrade = raw."partnerCode"::int
	LEFT JOIN codes ON codes.code_text = raw."cmdCode";

	-- the same natural key twice in one load (e.g. one flow in two HS editions): rows after the
	-- first in file order (staged_at, the staging row's ctid after COPY) are refused
	UPDATE pg_temp.rareearth_comtrade_rows m
	SET reason = 'duplicate of an earlier row for the same reporter, partner, flow, HS code and period'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY reporter, partner, flow, product, year, month ORDER BY staged_at) AS n
	      FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
		valuation, source, release, quantity_estimated, net_weight_estimated, synthetic)
	SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
	       load_comtrade.release, quantity_estimated, net_weight_estimated, load_comtrade.synthetic
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND NOT aggregate
	ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, valuation = excluded.valuation,
		    release = excluded.release, quantity_estimated = excluded.quantity_estimated,
		    net_weight_estimated = excluded.net_weight_estimated, synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.valuation, t.release, t.quantity_estimated, t.net_weight_estimated, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.valuation, excluded.release,
		                        excluded.quantity_estimated, excluded.net_weight_estimated, excluded.synthetic);

	INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
		value_usd, valuation, source, release, synthetic)
	SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
	       load_comtrade.release, load_comtrade.synthetic
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND aggregate
	ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, valuation = excluded.valuation,
		    release = excluded.release, synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.valuation, t.release, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.valuation, excluded.release, excluded.synthetic);

	PERFORM @extschema@.record_rejects('comtrade', load_comtrade.release,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('reason', reason, 'record', record)), '[]')
		 FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NOT NULL));

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_comtrade_rows;
	DELETE FROM @extschema@.comtrade_raw;
	DROP TABLE pg_temp.rareearth_comtrade_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_comtrade(text, bool) IS
	'moves comtrade_raw (UN Comtrade API v1 records) into trade_flow, and rows whose reporter or partner is World, the EU or an "nes" area into trade_reported_total; returns (rows loaded, rows rejected, rows set aside as aggregates), which add up to the staged rows; refused rows go to load_rejects with the reason; a row already stored under the same key is updated, so loading a file twice changes nothing; one transaction; empties comtrade_raw; synthetic marks generated test data';

CREATE FUNCTION @extschema@.load_baci(release text, synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	CREATE TEMP TABLE rareearth_baci_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, btrim(r.t) AS t, btrim(r.i) AS i, btrim(r.j) AS j, btrim(r.k) AS k,
		       @extschema@.decimal_or_null(r.v) AS v, btrim(r.q) AS q_text, @extschema@.decimal_or_null(r.q) AS q
		FROM @extschema@.baci_raw r),
	codes AS (
		SELECT * FROM @extschema@.accepted_hscodes(
			(SELECT array_agg(DISTINCT btrim(k)) FROM @extschema@.baci_raw WHERE btrim(k) ~ '^[0-9]{6}$'))),
	ref AS (SELECT country, baci, is_aggregate FROM @extschema@.country_reference() WHERE baci IS NOT NULL)
	SELECT raw.staged_at, raw.record, CASE WHEN raw.t ~ '^[0-9]{4}$' THEN raw.t::int END AS year,
	       ex.country AS exporter, im.country AS importer,
	       coalesce(ex.is_aggregate, false) OR coalesce(im.is_aggregate, false) AS aggregate,
	       codes.code AS product,
	       -- BACI units: v in thousands of US dollars (FOB), q in metric tons
	       raw.v * 1000 AS value_usd, raw.q * 1000 AS net_weight_kg,
	       CASE
	           WHEN raw.t !~ '^[0-9]{4}$' OR raw.t IS NULL THEN format('year "%s" is not a year', raw.t)
	           WHEN ex.country IS NULL THEN format('unknown BACI exporter code "%s"', raw.i)
	           WHEN im.country IS NULL THEN format('unknown BACI importer code "%s"', raw.j)
	           WHEN codes.code IS NULL THEN format('malformed HS code "%s" (BACI uses six digits)', raw.k)
	           WHEN raw.v IS NULL THEN format('no trade value ("%s")', raw.record->>'v')
	           WHEN raw.v < 0 THEN format('negative trade value %s', raw.v)
	           WHEN raw.q < 0 THEN format('negative quantity %s', raw.q)
	           WHEN raw.q IS NULL AND raw.q_text IS DISTINCT FROM 'NA' AND raw.q_text <> ''
	               THEN format('quantity "%s" is not a number', raw.q_text)
	           WHEN raw.v * 1000 >= 'Infinity' OR raw.q * 1000 >= 'Infinity' THEN 'a value out of range'
	       END AS reason
	FROM raw
	LEFT JOIN ref ex ON raw.i ~ '^[0-9]{1,4}$' AND ex.baci = raw.i::int
	LEFT JOIN ref im ON raw.j ~ '^[0-9]{1,4}$' AND im.baci = raw.j::int
	LEFT JOIN codes ON codes.code_text = raw.k;

	UPDATE pg_temp.rareearth_baci_rows m
	SET reason = 'duplicate of an earlier row for the same exporter, importer, product and year'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY exporter, importer, product, year ORDER BY staged_at) AS n
	      FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	-- a BACI flow is stored as the exporter's export to the importer, FOB
	INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
		valuation, source, release, synthetic)
	SELECT year, NULL, exporter, importer, 'X', product, net_weight_kg, value_usd, 'FOB', 'baci', load_baci.release,
	       load_baci.synthetic
	FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND NOT aggregate
	ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
		    synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic);

	INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
		value_usd, valuation, source, release, synthetic)
	SELECT year, NULL, exporter, importer, 'X', product, net_weight_kg, value_usd, 'FOB', 'baci', load_baci.release,
	       load_baci.synthetic
	FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND aggregate
	ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
		    synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic);

	PERFORM @extschema@.record_rejects('baci', load_baci.release,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('reason', reason, 'record', record)), '[]')
		 FROM pg_temp.rareearth_baci_rows WHERE reason IS NOT NULL));

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_baci_rows;
	DELETE FROM @extschema@.baci_raw;
	DROP TABLE pg_temp.rareearth_baci_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_baci(text, bool) IS
	'moves baci_raw (CEPII BACI t,i,j,k,v,q) into trade_flow as the exporter''s FOB exports to the importer: v thousands of USD x 1000 -> USD, q tonnes x 1000 -> kg, country codes by their BACI codes; returns (rows loaded, rows rejected, rows set aside as aggregates); refused rows go to load_rejects with the reason; loading twice changes nothing; empties baci_raw; synthetic marks generated test data';
-- ---------------------------------------------------------------------------
-- load_usgs_mcs(edition): the USGS MCS data-release CSV into production and
-- reserves (rare-earth chapter, "World Mine Production and Reserves")
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.load_usgs_mcs(edition text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	cover_year int;
BEGIN
	IF load_usgs_mcs.edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('invalid USGS MCS edition "%s"', load_usgs_mcs.edition),
			HINT = 'Name the edition MCS followed by its cover year, e.g. MCS2026.';
	END IF;
	cover_year := substr(load_usgs_mcs.edition, 4)::int;

	-- every staging row, classified once: in scope or not, and why it is refused
	CREATE TEMP TABLE rareearth_mcs_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, r."Country" AS country_name, r."Statistics" AS statistic,
		       btrim(r."Year") AS year_text, r."Value" AS cell, r."Notes" AS notes,
		       r."MCS chapter" = 'RARE EARTHS' AND r."Section" = 'World Mine Production and Reserves'
		           AND r."Statistics" IN ('Production', 'Reserves') AS in_scope
		FROM @extschema@.usgs_mcs_raw r),
	checked AS (
		SELECT raw.*,
		       CASE raw.country_name WHEN 'World total' THEN 'WLD'::@extschema@.country
		                             WHEN 'Other countries' THEN 'XAN'::@extschema@.country
		            ELSE CASE WHEN @extschema@.is_valid_country(raw.country_name)
		                      THEN raw.country_name::@extschema@.country END END AS country,
		       CASE WHEN raw.year_text ~ '^[0-9]{4}$' THEN raw.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(raw.cell, '')) AS cell_problem
		FROM raw WHERE raw.in_scope),
	parsed AS (
		SELECT c.*, p.value, p.qualifier AS printed_qualifier, p.estimated
		FROM checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true)
	SELECT p.staged_at, p.record, p.statistic, p.country, p.year, p.value,
	       -- a bound or code as printed; otherwise e when the cell or its notes say "Estimated."
	       coalesce(p.printed_qualifier,
	                CASE WHEN p.estimated OR p.notes LIKE 'Estimated.%' THEN 'e' END) AS qualifier,
	       CASE
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' THEN 'value E (net exporter) outside a net import reliance row'
	           WHEN p.value < 0 THEN format('negative quantity %s', p.value)
	       END AS reason
	FROM parsed p;

	-- the same key twice in one file: rows after the first in file order are refused, not merged
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = 'duplicate of an earlier row for the same country, year and statistic'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY statistic, country, CASE WHEN statistic = 'Production' THEN year END
	                                     ORDER BY staged_at) AS n
	      FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.production AS t (country, year, commodity, stage, quantity_t, qualifier, series, edition, source)
	SELECT country, year, 'rare earths', 'mining', value, qualifier, 'MCS', load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition)
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Production'
	ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
		SET quantity_t = excluded.quantity_t, qualifier = excluded.qualifier, source = excluded.source
		WHERE (t.quantity_t, t.qualifier, t.source) IS DISTINCT FROM (excluded.quantity_t, excluded.qualifier, excluded.source);

	-- an edition's reserves are as of the year in its Year column (its cover year minus one)
	INSERT INTO @extschema@.reserves AS t (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source)
	SELECT country, 'rare earths', year, value, qualifier, 'MCS', load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition)
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Reserves'
	ON CONFLICT (country, commodity, edition) DO UPDATE
		SET as_of_year = excluded.as_of_year, quantity_t = excluded.quantity_t,
		    qualifier = excluded.qualifier, source = excluded.source
		WHERE (t.as_of_year, t.quantity_t, t.qualifier, t.source)
		      IS DISTINCT FROM (excluded.as_of_year, excluded.quantity_t, excluded.qualifier, excluded.source);

	PERFORM @extschema@.record_rejects('usgs_mcs', load_usgs_mcs.edition,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('reason', reason, 'record', record)), '[]')
		 FROM pg_temp.rareearth_mcs_rows WHERE reason IS NOT NULL));

	SELECT count(*) FILTER (WHERE reason IS NULL), count(*) FILTER (WHERE reason IS NOT NULL)
	INTO rows_loaded, rows_rejected FROM pg_temp.rareearth_mcs_rows;
	SELECT count(*) - rows_loaded - rows_rejected INTO rows_out_of_scope FROM @extschema@.usgs_mcs_raw;
	DELETE FROM @extschema@.usgs_mcs_raw;
	DROP TABLE pg_temp.rareearth_mcs_rows;
	PERFORM cover_year;		-- validated above; reserves take their year from the file
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs(text) IS
	'moves the rare-earth world production and reserves rows of usgs_mcs_raw (the MCS data-release CSV) into production and reserves under the given edition (e.g. MCS2026), values parsed by parse_usgs_value; refused rows go to load_rejects with the reason; other chapters and tables are counted as out of scope; empties usgs_mcs_raw; loading the same file twice changes nothing';
-- ---------------------------------------------------------------------------
-- Reporting views for BI tools: plain column types only (float8, int, text,
-- bool, date, jsonb); countries as ISO 3166-1 alpha-3 text.  Synthetic rows
-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
-- ---------------------------------------------------------------------------

CREATE VIEW @extschema@.supply_share AS
WITH p AS (
	SELECT country, year, commodity, stage, quantity_t, qualifier, edition
	FROM @extschema@.production_latest
	WHERE country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country AND quantity_t IS NOT NULL),
t AS (
	SELECT year, commodity, stage, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3)
SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
       p.year, p.commodity, p.stage::text AS stage,
       p.quantity_t AS production_t, p.qualifier, p.edition,
       t.listed_total AS listed_total_t, w.quantity_t AS world_total_t,
       -- share = q / sum of the listed rows (USGS "Other countries" is one row)
       CASE WHEN t.listed_total OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) t.listed_total END AS share,
       -- against the printed (rounded) world total
       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) w.quantity_t END AS share_of_world_total,
       rank() OVER (PARTITION BY p.year, p.commodity, p.stage ORDER BY p.quantity_t DESC)::int AS rank
FROM p
JOIN t USING (year, commodity, stage)
LEFT JOIN @extschema@.production_latest w
	ON w.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country AND w.year OPERATOR(pg_catalog.=) p.year
	AND w.commodity OPERATOR(pg_catalog.=) p.commodity AND w.stage OPERATOR(pg_catalog.=) p.stage;
COMMENT ON VIEW @extschema@.supply_share IS 'production share by country and year (USGS MCS, latest edition): share = production / sum of the listed rows, share_of_world_total = production / printed world total, rank 1 = largest';

CREATE VIEW @extschema@.supply_concentration AS
WITH m AS (
	SELECT year, commodity, stage,
	       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t) AS mix
	FROM @extschema@.production_latest
	WHERE country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
	GROUP BY year, commodity, stage)
SELECT m.year, m.commodity, m.stage::text AS stage,
       @extschema@.hhi(m.mix) AS hhi,
       @extschema@.cr(m.mix, 1) AS cr1,
       @extschema@.cr(m.mix, 3) AS cr3,
       @extschema@.equivalent_suppliers(m.mix) AS equivalent_suppliers,
       @extschema@.concentration_class(m.mix) AS concentration_class,
       @extschema@.dominant_supplier(m.mix) AS dominant_supplier,
       @extschema@.supplier_count(m.mix) AS suppliers,
       @extschema@.total(m.mix) AS listed_total_t,
       w.quantity_t AS world_total_t,
       -- listed total / printed world total; above 1 where USGS rounded the world total down
       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t END AS coverage
FROM m
LEFT JOIN @extschema@.production_latest w
	ON w.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country AND w.year OPERATOR(pg_catalog.=) m.year
	AND w.commodity OPERATOR(pg_catalog.=) m.commodity AND w.stage OPERATOR(pg_catalog.=) m.stage;
COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year (USGS MCS, latest edition): HHI = sum of squared percent shares (US Horizontal Merger Guidelines), CR1, CR3, equivalent suppliers 1/H, 2010 class, coverage = listed total / printed world total; USGS "Other countries" counts as one supplier';

CREATE VIEW @extschema@.development AS
SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
       p.year, p.commodity, p.quantity_t AS production_t, p.edition AS production_edition,
       r.quantity_t AS reserves_t, r.qualifier AS reserves_qualifier, r.edition AS reserves_edition,
       -- development rate = P / R per year; reserve life = R / P years (NULL for a zero denominator)
       @extschema@.development_rate(p.quantity_t, r.quantity_t) AS development_rate,
       @extschema@.reserve_life(r.quantity_t, p.quantity_t) AS reserve_life_years
FROM @extschema@.production_latest p
LEFT JOIN LATERAL (
	SELECT quantity_t, qualifier, edition FROM @extschema@.reserves x
	WHERE x.country OPERATOR(@extschema@.=) p.country AND x.commodity OPERATOR(pg_catalog.=) p.commodity
	  AND x.series OPERATOR(pg_catalog.=) 'MCS' AND x.as_of_year OPERATOR(pg_catalog.=) p.year
	ORDER BY x.edition DESC LIMIT 1) r ON true
WHERE p.stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage;
COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing';

CREATE VIEW @extschema@.target_tracking AS
WITH actual AS (
	SELECT country, commodity,
	       @extschema@.trajectory(year, quantity_t) AS series
	FROM @extschema@.production_latest
	WHERE stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
	  AND country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
	GROUP BY country, commodity)
SELECT @extschema@.iso3(g.country) AS country, g.commodity, g.metric, g.unit,
       g.base_year, g.base_value, g.target_year, g.target_value, g.source, g.statement,
       @extschema@.last_year(a.series) AS latest_year,
       @extschema@.value_at(a.series, @extschema@.last_year(a.series)) AS latest_value,
       -- (target / V_last)^(1 / (target_year - last_year)) - 1
       @extschema@.required_cagr(a.series, g.target_value, g.target_year) AS required_cagr,
       -- World Bank least-squares growth rate e^b - 1 of ln V = a + b year
       @extschema@.trend_rate(a.series) AS trend_rate,
       @extschema@.first_year(a.series) AS trend_from_year,
       @extschema@.point_count(a.series) AS trend_years,
       -- the least-squares trend exp(a + b year) in the target year
       @extschema@.project(a.series, g.target_year) AS projected_value,
       @extschema@.on_track(a.series, g.target_value, g.target_year) AS on_track,
       @extschema@.sparkline(a.series) AS sparkline,
       @extschema@.trajectory_to_jsonb(a.series) AS actual_series
FROM @extschema@.targets g
JOIN actual a ON a.country OPERATOR(@extschema@.=) g.country AND a.commodity OPERATOR(pg_catalog.=) g.commodity
WHERE g.metric OPERATOR(pg_catalog.=) 'production';
COMMENT ON VIEW @extschema@.target_tracking IS 'stated production targets against USGS actuals (MCS, latest edition), via the trajectory functions: required CAGR = (target/V_last)^(1/years) - 1; trend rate = e^b - 1 of the least-squares fit ln V = a + b year (World Bank); projected value = exp(a + b target_year); on_track; sparkline; actual_series = {year: t}';

-- Net import reliance from stored flows: trade quantities converted to t REO
-- with the HS catalogue's REO content (to_reo), production from USGS (mine
-- production, latest MCS edition); USGS MCS formulas via the metrics
-- functions: apparent consumption = P + M - X, NIR = (M - X) / consumption.
CREATE VIEW @extschema@.import_reliance AS
WITH t AS (
	SELECT reporter AS country, year,
	       pg_catalog.sum(@extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000)
	           FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') AS imports_t,
	       pg_catalog.sum(@extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000)
	           FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') AS exports_t
	FROM @extschema@.trade_flow
	WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
	  AND net_weight_kg IS NOT NULL
	GROUP BY reporter, year)
SELECT @extschema@.iso3(t.country) AS country, t.year, p.quantity_t AS production_t,
       COALESCE(t.imports_t, 0) AS imports_t_reo, COALESCE(t.exports_t, 0) AS exports_t_reo,
       @extschema@.apparent_consumption(p.quantity_t, COALESCE(t.imports_t, 0), COALESCE(t.exports_t, 0)) AS apparent_consumption_t,
       @extschema@.net_import_reliance(p.quantity_t, COALESCE(t.imports_t, 0), COALESCE(t.exports_t, 0)) AS net_import_reliance,
       @extschema@.nir_label(@extschema@.net_import_reliance(p.quantity_t, COALESCE(t.imports_t, 0), COALESCE(t.exports_t, 0))) AS nir_label
FROM t
JOIN @extschema@.production_latest p
	ON p.country OPERATOR(@extschema@.=) t.country AND p.year OPERATOR(pg_catalog.=) t.year
	AND p.commodity OPERATOR(pg_catalog.=) 'rare earths' AND p.stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
WHERE p.quantity_t IS NOT NULL;
COMMENT ON VIEW @extschema@.import_reliance IS 'net import reliance by country and year from stored UN Comtrade flows (net weight x REO content, to_reo) and USGS mine production: apparent consumption = P + M - X, NIR = (M - X) / apparent consumption, NULL when consumption <= 0, nir_label as USGS prints it; synthetic rows excluded';

-- Imports by partner, three ways (metrics: reconcile, mirror statistics):
-- 'reporter' = what the importer declares (Comtrade M, CIF); 'mirror' = what
-- the partner declares as exports to it (Comtrade X, FOB, raised to CIF with
-- fob_to_cif's IMF factor 1.06); 'reconciled' = the reporter's figure where it
-- reported, else the mirror.  CEPII BACI rows are BACI's own reconciliation
-- (FOB) and appear with data_source 'baci'.
CREATE VIEW @extschema@.import_dependency AS
WITH m AS (
	SELECT reporter, partner, year, product, value_usd, net_weight_kg
	FROM @extschema@.trade_flow
	WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic),
x AS (
	SELECT partner AS reporter, reporter AS partner, year, product, value_usd, net_weight_kg
	FROM @extschema@.trade_flow
	WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'X' AND month IS NULL AND NOT synthetic),
pairs AS (
	SELECT coalesce(m.reporter, x.reporter) AS reporter, coalesce(m.partner, x.partner) AS partner,
	       coalesce(m.year, x.year) AS year, coalesce(m.product, x.product) AS product,
	       m.value_usd AS reported_usd, @extschema@.fob_to_cif(x.value_usd) AS mirror_usd,
	       m.net_weight_kg AS reported_kg, x.net_weight_kg AS mirror_kg
	FROM m FULL JOIN x ON m.reporter OPERATOR(@extschema@.=) x.reporter AND m.partner OPERATOR(@extschema@.=) x.partner
	  AND m.year OPERATOR(pg_catalog.=) x.year AND m.product OPERATOR(@extschema@.=) x.product),
rows AS (
	SELECT p.reporter, p.partner, p.year, p.product, s.data_source,
	       @extschema@.reconcile(s.data_source, p.reported_usd, p.mirror_usd) AS imports_usd,
	       -- the weight comes from the same declaration as the value
	       CASE WHEN s.data_source OPERATOR(pg_catalog.=) 'mirror'
	              OR (s.data_source OPERATOR(pg_catalog.=) 'reconciled' AND p.reported_usd IS NULL)
	            THEN p.mirror_kg ELSE p.reported_kg END AS imports_kg
	FROM pairs p, (VALUES ('reporter'), ('mirror'), ('reconciled')) s(data_source)
	UNION ALL
	SELECT partner, reporter, year, product, 'baci', value_usd, net_weight_kg
	FROM @extschema@.trade_flow
	WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic)
SELECT @extschema@.iso3(r.reporter) AS reporter, r.year, @extschema@.hs_stage(r.product)::text AS stage,
       r.product::text AS hs_code, @extschema@.iso3(r.partner) AS partner, r.data_source,
       r.imports_usd,
       -- share of the reporter's imports of that product, year and data source
       CASE WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
            THEN r.imports_usd OPERATOR(pg_catalog./) pg_catalog.sum(r.imports_usd) OVER w END AS share_of_imports,
       @extschema@.to_reo(r.imports_kg, r.product) OPERATOR(pg_catalog./) 1000 AS imports_t_reo,
       ir.apparent_consumption_t,
       -- the share of the reporter's need met by this partner (USGS-style
       -- apparent consumption from import_reliance; NULL where it is <= 0
       -- or unknown)
       @extschema@.partner_dependency(@extschema@.to_reo(r.imports_kg, r.product) OPERATOR(pg_catalog./) 1000,
                                      ir.apparent_consumption_t) AS partner_dependency
FROM rows r
LEFT JOIN @extschema@.import_reliance ir
	ON ir.country OPERATOR(pg_catalog.=) @extschema@.iso3(r.reporter) AND ir.year OPERATOR(pg_catalog.=) r.year
WHERE r.imports_usd IS NOT NULL
WINDOW w AS (PARTITION BY r.reporter, r.year, r.product, r.data_source);
COMMENT ON VIEW @extschema@.import_dependency IS 'imports by reporter, year, HS code (and its supply stage) and partner, in US dollars, from four data sources: reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) and baci (CEPII, FOB); share_of_imports = imports from the partner / all imports of that reporter, year, product and source; imports_t_reo = net weight x REO content (to_reo); partner_dependency = imports_t_reo / the reporter''s apparent consumption (import_reliance), NULL where that is <= 0 or unknown; synthetic rows excluded';

-- ---------------------------------------------------------------------------
-- The data tables belong to whoever installed the extension
-- ---------------------------------------------------------------------------
-- A trusted extension's script runs as the bootstrap superuser, who then owns
-- its tables; the database owner who ran CREATE EXTENSION must still be able
-- to load and edit data and read the views, so the extension's owner gets
-- those privileges.
DO $grant$
DECLARE
	owner_name text;
BEGIN
	SELECT e.extowner::pg_catalog.regrole::text INTO owner_name
	FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'rareearth';
	EXECUTE pg_catalog.format(
		'GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.trade_flow, @extschema@.trade_reported_total, '
		'@extschema@.production, @extschema@.reserves, @extschema@.targets, @extschema@.governance, '
		'@extschema@.load_rejects, @extschema@.comtrade_raw, @extschema@.baci_raw, @extschema@.usgs_mcs_raw TO %s',
		owner_name);
	EXECUTE pg_catalog.format(
		'GRANT SELECT ON @extschema@.production_latest, @extschema@.reserves_latest, @extschema@.supply_share, '
		'@extschema@.supply_concentration, @extschema@.development, @extschema@.target_tracking, '
		'@extschema@.import_dependency, @extschema@.import_reliance TO %s',
		owner_name);
END
$grant$;
