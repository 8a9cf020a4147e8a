-- rareearth install script, assembled by the Makefile from src/sql/install/*.sql
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
-- The extension's schema belongs to a superuser, not to the installing role
-- ---------------------------------------------------------------------------
-- A trusted extension is installed by a non-superuser, and CREATE EXTENSION
-- makes the schema it creates that role's.  A schema's owner may drop,
-- rename and re-create anything in it: replace a store table or view that
-- a superuser created with one carrying its own code, or rename the schema
-- and build a look-alike "rareearth" that the extension's own functions
-- would then call (issue 21).  So the schema passes to the role running
-- this script (the bootstrap superuser, for a trusted install), and the
-- installing role keeps the rights it needs, with the right to pass them
-- on: USAGE (to call the functions) and CREATE (to create the data store).
-- It can no longer drop or rename what others created there.
DO $owner$
DECLARE
	installer pg_catalog.regrole := (SELECT e.extowner FROM pg_catalog.pg_extension e
	                                 WHERE e.extname OPERATOR(pg_catalog.=) 'rareearth');
BEGIN
	IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) installer) THEN
		EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO %I', '@extschema@', CURRENT_USER);
		EXECUTE pg_catalog.format('GRANT USAGE, CREATE ON SCHEMA %I TO %s WITH GRANT OPTION', '@extschema@', installer);
	END IF;
END
$owner$;
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

-- SSPACE: the bytes a group's state takes in hashed aggregation (src/core/
-- mix.c, src/supply_mix.c: 120 bytes hold up to 5 suppliers), so the planner
-- sizes hash aggregation right; its default for internal states is 8 kB,
-- with which a million small groups are planned to spill to disk.
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
COMMENT ON FUNCTION @extschema@.is_aggregate(@extschema@.country) IS 'true for World, the EU, "Areas, nes" (XAN, also USGS "Other countries") and other non-country areas (Free Zones, SACU); false for S19 "Other Asia, nes", which carries Taiwan''s trade and is a real partner.  Over production_latest, keep XAN to reproduce USGS''s HHI (the residual as one supplier, as supply_concentration does); filter NOT is_aggregate(country) to rank named countries only';
COMMENT ON FUNCTION @extschema@.region(@extschema@.country) IS 'UN M49 region (Africa, Americas, Asia, Europe, Oceania); NULL when none (Antarctica, World, USSR)';
COMMENT ON FUNCTION @extschema@.subregion(@extschema@.country) IS 'UN M49 sub-region (e.g. Eastern Asia, Sub-Saharan Africa); NULL when none';
COMMENT ON FUNCTION @extschema@.eu_member(@extschema@.country, int) IS 'part of the EU (EEC before 1993) on 31 December of the year: founders 1958, DK/IE/GB 1973, GR 1981, ES/PT 1986, AT/FI/SE 1995, ten in 2004, BG/RO 2007, HR 2013; GB until 2019; Greenland 1973-1984 (left 1 February 1985); territories with their own code where the Treaties apply (TFEU art. 355): outermost regions GLP, GUF, MTQ, REU, MAF with France from 1958, MYT from 2014, BLM until 2011; ALA from 1995; GIB 1973-2019 (outside the customs union); overseas countries and territories, Faroe, Channel Islands and Isle of Man never';
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
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.supply_mix_final_country,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.supply_mix(supplier @extschema@.country, quantity numeric) (
	SFUNC = @extschema@.supply_mix_trans, STYPE = internal, SSPACE = 120,
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
	'rare-earth elements: standard atomic weights (CIAAW; Gd 157.249 and Lu 174.96669 as revised in 2024, Yb 173.045 as in the 2021 table; Pm: mass number 145), the customary REO formulas (R2O3 except CeO2, Pr6O11, Tb4O7), group (light La-Sm; heavy Eu-Lu and Y; scandium apart), oxide factor (m A + n 15.999)/(m A) for MmOn';

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
-- Organization), shortened; 2530.90.20 is China's national tariff line;
-- 7202.99 (other ferro-alloys) carries rare-earth ferro-alloys (China's
-- national line 7202.99.91: more than 10 % rare earths) among others.
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
('720299', 'Ferro-alloys: other (national lines such as China 7202.99.91, ferro-alloys with more than 10 % rare earths, hold rare-earth ferro-alloys)', 'metal', 0, NULL, NULL,
 'mixed subheading: most of its trade is other ferro-alloys without rare earths; rare-earth share unknown (no value); low 0'),
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
-- its rows say so, as do those of 7202.99 (a residual "other", whose scope
-- follows the other 7202 subheadings).  Verify against the UNSD/WCO correlation tables before
-- relying on backward conversions; add rows for other codes as needed.
INSERT INTO @extschema@.hs_concordance
SELECT f.revision, c.code, t.revision, c.code, 1.0,
	CASE WHEN c.code OPERATOR(@extschema@.<@) '2530'
		THEN 'identity (code kept; scope of 2530.90 may differ between revisions, not verified)'
		WHEN c.code OPERATOR(@extschema@.<@) '7202'
		THEN 'identity (code kept; scope of 7202.99, the ferro-alloys no other 7202 subheading names, not verified between revisions)'
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
-- commodities: the USGS MCS commodities, their names in the data releases,
-- file codes and the canonical unit the loaders store quantities in
-- ---------------------------------------------------------------------------
-- A reference table of the extension (not of the store): it is data of this
-- version, like hs_catalogue, replaced by the extension's own updates, and
-- no loader writes to it.  Generated by tools/gen_commodities.py from the
-- MCS2026 data release (doi:10.5066/P1WKQ63T) and the MCS2023/MCS2024
-- per-commodity file names.
CREATE TABLE @extschema@.commodities (
	name text PRIMARY KEY,
	usgs_chapter text NOT NULL,
	usgs_name text NOT NULL,
	file_codes text[],
	unit text NOT NULL CHECK (unit IN ('t', 'kg', 'carats', 'm3', 'l')),
	usgs_data_unit text,
	UNIQUE (usgs_chapter, usgs_name)
);
COMMENT ON TABLE @extschema@.commodities IS 'the USGS MCS commodities (one per commodity of a chapter''s world table, e.g. bauxite and alumina apart), with the chapter and Commodity names of the MCS2026 data release, the file codes of the per-commodity releases (lithi, cobal, raree, ...) and the canonical unit of stored quantities';
COMMENT ON COLUMN @extschema@.commodities.name IS 'canonical name, the commodity column of production and reserves (lower case: lithium, cobalt, rare earths, ...)';
COMMENT ON COLUMN @extschema@.commodities.usgs_chapter IS 'the MCS chapter (MCS chapter column of the 2026 long table), e.g. BAUXITE AND ALUMINA';
COMMENT ON COLUMN @extschema@.commodities.usgs_name IS 'the Commodity column of its world-table rows, e.g. Bauxite';
COMMENT ON COLUMN @extschema@.commodities.file_codes IS 'codes in the MCS2023/MCS2024 per-commodity file names (mcs2023-lithi_world.csv), NULL when none';
COMMENT ON COLUMN @extschema@.commodities.unit IS 'canonical unit of stored quantities: t (metric tons), kg, carats, m3, l; every published unit is converted to it, so one series never mixes units';
COMMENT ON COLUMN @extschema@.commodities.usgs_data_unit IS 'the chapter''s own statement of its data (Data in ... ), which says what is counted (content, gross weight, REO equivalent, ...)';

INSERT INTO @extschema@.commodities (name, usgs_chapter, usgs_name, file_codes, unit, usgs_data_unit) VALUES
	('abrasives (manufactured)', 'ABRASIVES (MANUFACTURED)', 'Abrasives (Manufactured)', '{abras}', 't', 'metric tons unless otherwise specified'),
	('aluminum', 'ALUMINUM', 'Aluminum', '{alum,alumi}', 't', 'thousand metric tons unless otherwise specified'),
	('antimony', 'ANTIMONY', 'Antimony', '{antim}', 't', 'metric tons, antimony content, unless otherwise specified'),
	('arsenic', 'ARSENIC', 'Arsenic', '{arsen}', 't', 'metric tons, arsenic content unless otherwise specified'),
	('asbestos', 'ASBESTOS', 'Asbestos', '{asbes}', 't', 'metric tons unless otherwise specified'),
	('barite', 'BARITE', 'Barite', '{barit}', 't', 'thousand metric tons unless otherwise specified'),
	('alumina', 'BAUXITE AND ALUMINA', 'Alumina', '{bauxi}', 't', 'thousand metric dry tons unless otherwise specified'),
	('bauxite', 'BAUXITE AND ALUMINA', 'Bauxite', '{bauxi}', 't', 'thousand metric dry tons unless otherwise specified'),
	('beryllium', 'BERYLLIUM', 'Beryllium', '{beryl}', 't', 'metric tons, beryllium content, unless otherwise specified'),
	('bismuth', 'BISMUTH', 'Bismuth', '{bismu}', 't', 'metric tons unless otherwise specified'),
	('boron', 'BORON', 'Boron', '{boron}', 't', 'thousand metric tons unless otherwise specified'),
	('bromine', 'BROMINE', 'Bromine', '{bromi}', 't', 'metric tons, bromine content, unless otherwise specified'),
	('cadmium', 'CADMIUM', 'Cadmium', '{cadmi}', 't', 'metric tons unless otherwise specified'),
	('cement', 'CEMENT', 'Cement', '{cemen}', 't', 'thousand metric tons unless otherwise specified'),
	('cesium', 'CESIUM', 'Cesium', NULL, 't', NULL),
	('chromium', 'CHROMIUM', 'Chromium', '{chrom}', 't', 'thousand metric tons, chromium content, unless otherwise specified'),
	('clays', 'CLAYS', 'Clays', '{clays}', 't', 'thousand metric tons unless otherwise specified'),
	('cobalt', 'COBALT', 'Cobalt', '{cobal}', 't', 'metric tons, cobalt content, unless otherwise specified'),
	('copper', 'COPPER', 'Copper', '{coppe}', 't', 'thousand metric tons, copper content, unless otherwise specified'),
	('diamond (industrial)', 'DIAMOND (INDUSTRIAL)', 'Diamond (Industrial)', '{diamo}', 'carats', 'million carats unless otherwise specified'),
	('diatomite', 'DIATOMITE', 'Diatomite', '{diato}', 't', 'thousand metric tons unless otherwise specified'),
	('feldspar and nepheline syenite', 'FELDSPAR AND NEPHELINE SYENITE', 'Feldspar And Nepheline Syenite', '{felds}', 't', 'thousand metric tons unless otherwise specified'),
	('fluorspar', 'FLUORSPAR', 'Fluorspar', '{fluor}', 't', 'thousand metric tons unless otherwise specified'),
	('gallium', 'GALLIUM', 'Gallium', '{galli}', 'kg', 'kilograms, gallium content, unless otherwise specified'),
	('garnet (industrial)', 'GARNET (INDUSTRIAL)', 'Garnet (Industrial)', '{garne}', 't', 'metric tons unless otherwise specified'),
	('gemstones', 'GEMSTONES', 'Gemstones', '{gemst}', 'carats', 'million dollars unless otherwise specified'),
	('germanium', 'GERMANIUM', 'Germanium', '{germa}', 'kg', 'kilograms, germanium content, unless otherwise specified'),
	('gold', 'GOLD', 'Gold', '{gold}', 't', 'metric tons, gold content, unless otherwise specified'),
	('graphite (natural)', 'GRAPHITE (NATURAL)', 'Graphite (Natural)', '{graph}', 't', 'metric tons unless otherwise specified'),
	('gypsum', 'GYPSUM', 'Gypsum', '{gypsu}', 't', 'thousand metric tons unless otherwise specified'),
	('helium', 'HELIUM AND RARE GASES', 'Helium', '{heliu}', 'm3', 'million cubic meters unless otherwise specified'),
	('neon', 'HELIUM AND RARE GASES', 'Neon', '{heliu}', 'l', 'million cubic meters unless otherwise specified'),
	('krypton', 'HELIUM AND RARE GASES', 'Krypton', '{heliu}', 'l', 'million cubic meters unless otherwise specified'),
	('xenon', 'HELIUM AND RARE GASES', 'Xenon', '{heliu}', 'l', 'million cubic meters unless otherwise specified'),
	('indium', 'INDIUM', 'Indium', '{indiu}', 't', 'metric tons unless otherwise specified'),
	('iodine', 'IODINE', 'Iodine', '{iodin}', 't', 'metric tons, elemental iodine, unless otherwise specified'),
	('iron and steel', 'IRON AND STEEL', 'Iron And Steel', '{feste}', 't', 'million metric tons, metal, unless otherwise specified'),
	('iron and steel scrap', 'IRON AND STEEL SCRAP', 'Iron and Steel Scrap', '{fescr}', 't', 'million metric tons, metal, unless otherwise specified'),
	('iron and steel slag', 'IRON AND STEEL SLAG', 'Iron And Steel Slag', '{fesla}', 't', 'million metric tons unless otherwise specified'),
	('iron ore', 'IRON ORE', 'Iron Ore', '{feore}', 't', 'thousand metric tons, usable ore, unless otherwise specified'),
	('iron oxide pigments', 'IRON OXIDE PIGMENTS', 'Iron Oxide Pigments', '{fepig}', 't', 'metric tons unless otherwise specified'),
	('kyanite and related minerals', 'KYANITE AND RELATED MINERALS', 'Kyanite And Related Minerals', '{kyani}', 't', 'metric tons unless otherwise specified'),
	('lead', 'LEAD', 'Lead', '{lead}', 't', 'thousand metric tons, lead content, unless otherwise specified'),
	('lime', 'LIME', 'Lime', '{lime}', 't', 'thousand metric tons unless otherwise specified'),
	('lithium', 'LITHIUM', 'Lithium', '{lithi}', 't', 'metric tons, lithium content, unless otherwise specified'),
	('magnesium compounds', 'MAGNESIUM COMPOUNDS', 'Magnesium Compounds', '{mgcomp}', 't', 'thousand metric tons, magnesium oxide (MgO) content, unless otherwise specified'),
	('magnesium metal', 'MAGNESIUM METAL', 'Magnesium Metal', '{mgmet}', 't', 'thousand metric tons unless otherwise specified'),
	('manganese', 'MANGANESE', 'Manganese', '{manga}', 't', 'thousand metric tons, gross weight, unless otherwise specified'),
	('mercury', 'MERCURY', 'Mercury', '{mercu}', 't', 'metric tons, mercury content, unless otherwise specified'),
	('mica (natural)', 'MICA (NATURAL)', 'Mica (Natural)', '{mica}', 't', 'metric tons unless otherwise specified'),
	('molybdenum', 'MOLYBDENUM', 'Molybdenum', '{molyb}', 't', 'metric tons, molybdenum content, unless otherwise specified'),
	('nickel', 'NICKEL', 'Nickel', '{nicke}', 't', 'metric tons, nickel content, unless otherwise specified'),
	('niobium (columbium)', 'NIOBIUM (COLUMBIUM)', 'Niobium (Columbium)', '{niobi}', 't', 'metric tons, niobium content, unless otherwise specified'),
	('nitrogen (fixed) ammonia', 'NITROGEN (FIXED)—AMMONIA', 'Nitrogen (Fixed)—Ammonia', '{nitro}', 't', 'thousand metric tons, nitrogen content, unless otherwise specified'),
	('peat', 'PEAT', 'Peat', '{peat}', 't', 'thousand metric tons unless otherwise specified'),
	('perlite', 'PERLITE', 'Perlite', '{perli}', 't', 'thousand metric tons unless otherwise specified'),
	('phosphate rock', 'PHOSPHATE ROCK', 'Phosphate Rock', '{phosp}', 't', 'thousand metric tons, marketable phosphate rock, unless otherwise specified'),
	('palladium', 'PLATINUM-GROUP METALS', 'Palladium', '{plati}', 'kg', 'kilograms, platinum-group-metal (PGM) content, unless otherwise specified'),
	('platinum', 'PLATINUM-GROUP METALS', 'Platinum', '{plati}', 'kg', 'kilograms, platinum-group-metal (PGM) content, unless otherwise specified'),
	('platinum-group metals', 'PLATINUM-GROUP METALS', 'Platinum-Group Metals', '{plati}', 'kg', 'kilograms, platinum-group-metal (PGM) content, unless otherwise specified'),
	('potash', 'POTASH', 'Potash', '{potas}', 't', 'thousand metric tons, potassium oxide (K2O) equivalent, unless otherwise specified'),
	('pumice and pumicite', 'PUMICE AND PUMICITE', 'Pumice And Pumicite', '{pumic}', 't', 'thousand metric tons unless otherwise specified'),
	('quartz (high-purity and industrial cultured crystal)', 'QUARTZ (High-purity and Industrial Cultured CRYSTAL)', 'Quartz (High-Purity and Industrial Cultured Crystal)', '{quartz}', 't', 'metric tons unless otherwise specified'),
	('rare earths', 'RARE EARTHS', 'Rare Earths', '{raree}', 't', 'metric tons, rare-earth-oxide (REO) equivalent, unless otherwise specified'),
	('rare earths (heavy)', 'RARE EARTHS (Heavy)', 'Rare Earths (Heavy)', NULL, 't', 'metric tons, rare-earth-oxide (REO) equivalent, unless otherwise specified'),
	('rhenium', 'RHENIUM', 'Rhenium', '{rheni}', 'kg', 'kilograms, rhenium content, unless otherwise specified'),
	('rubidium', 'RUBIDIUM', 'Rubidium', NULL, 't', NULL),
	('salt', 'SALT', 'Salt', '{salt}', 't', 'thousand metric tons unless otherwise specified'),
	('sand and gravel (construction)', 'SAND AND GRAVEL (CONSTRUCTION)', 'Sand And Gravel (Construction)', '{sandc}', 't', 'million metric tons unless otherwise specified'),
	('sand and gravel (industrial)', 'SAND AND GRAVEL (INDUSTRIAL)', 'Sand And Gravel (Industrial)', '{sandi}', 't', 'thousand metric tons unless otherwise specified'),
	('scandium', 'SCANDIUM', 'Scandium', '{scand,scandi}', 't', 'metric tons, scandium oxide equivalent, unless otherwise specified'),
	('selenium', 'SELENIUM', 'Selenium', '{selen}', 't', 'metric tons, selenium content, unless otherwise specified'),
	('silicon', 'SILICON', 'Silicon', '{simet}', 't', 'thousand metric tons, silicon content, unless otherwise specified'),
	('silver', 'SILVER', 'Silver', '{silve}', 't', 'metric tons, silver content, unless otherwise specified'),
	('soda ash', 'SODA ASH', 'Soda Ash', '{sodaa}', 't', 'thousand metric tons unless otherwise specified'),
	('stone (crushed)', 'STONE (CRUSHED)', 'Stone (Crushed)', '{stonec}', 't', 'million metric tons unless otherwise specified'),
	('stone (dimension)', 'STONE (DIMENSION)', 'Stone (Dimension)', '{stond}', 't', 'thousand metric tons unless otherwise specified'),
	('strontium', 'STRONTIUM', 'Strontium', '{stron}', 't', 'metric tons, strontium content, unless otherwise specified'),
	('sulfur', 'SULFUR', 'Sulfur', '{sulfu}', 't', 'thousand metric tons, sulfur content, unless otherwise specified'),
	('talc and pyrophyllite', 'TALC AND PYROPHYLLITE', 'Talc And Pyrophyllite', '{talc}', 't', 'thousand metric tons unless otherwise specified'),
	('tantalum', 'TANTALUM', 'Tantalum', '{tanta}', 't', 'metric tons, tantalum content, unless otherwise specified'),
	('tellurium', 'TELLURIUM', 'Tellurium', '{tellu}', 't', 'metric tons, tellurium content, unless otherwise specified'),
	('thallium', 'THALLIUM', 'Thallium', '{thall,thalli}', 'kg', 'kilograms unless otherwise specified'),
	('thorium', 'THORIUM', 'Thorium', '{thori}', 'kg', 'kilograms unless otherwise specified'),
	('tin', 'TIN', 'Tin', '{tin}', 't', 'metric tons, tin content, unless otherwise specified'),
	('titanium sponge metal', 'TITANIUM AND TITANIUM DIOXIDE', 'Titanium Sponge Metal', '{titan}', 't', 'metric tons unless otherwise specified'),
	('tio2 pigment', 'TITANIUM AND TITANIUM DIOXIDE', 'Tio2 Pigment', '{titan}', 't', 'metric tons unless otherwise specified'),
	('titanium mineral concentrates', 'TITANIUM MINERAL CONCENTRATES', 'Titanium Mineral Concentrates', '{timin}', 't', 'thousand metric tons, titanium dioxide (TiO2) content, unless otherwise specified'),
	('tungsten', 'TUNGSTEN', 'Tungsten', '{tungs}', 't', 'metric tons, tungsten content, unless otherwise specified'),
	('vanadium', 'VANADIUM', 'Vanadium', '{vanad}', 't', 'metric tons, vanadium content, unless otherwise specified'),
	('vermiculite', 'VERMICULITE', 'Vermiculite', '{vermi}', 't', 'thousand metric tons unless otherwise specified'),
	('wollastonite', 'WOLLASTONITE', 'Wollastonite', '{wolla}', 't', 'metric tons unless otherwise specified'),
	('yttrium', 'YTTRIUM', 'Yttrium', '{yttri}', 't', 'metric tons, yttrium oxide (Y2O3) equivalent, unless otherwise specified'),
	('zeolites (natural)', 'ZEOLITES (NATURAL)', 'Zeolites (Natural)', '{zeoli}', 't', 'metric tons unless otherwise specified'),
	('zinc', 'ZINC', 'Zinc', '{zinc}', 't', 'thousand metric tons, zinc content, unless otherwise specified'),
	('zirconium', 'ZIRCONIUM AND HAFNIUM', 'Zirconium', '{zirco,zirco-hafni}', 't', 'metric tons unless otherwise specified');

-- usgs_unit_factor(published, canonical): what a quantity printed in a USGS
-- unit (metric tons, thousand metric tons, kilograms, million carats, ...) is
-- multiplied by to be in the canonical unit; NULL when the two do not measure
-- the same thing (e.g. percent or dollars against t).
CREATE FUNCTION @extschema@.usgs_unit_factor(published text, canonical text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT p.f / c.f
	FROM (VALUES ('metric tons', 'kg', 1000::float8), ('tons', 'kg', 1000), ('thousand metric tons', 'kg', 1e6),
	             ('thousand metric dry tons', 'kg', 1e6), ('million metric tons', 'kg', 1e9), ('kilograms', 'kg', 1),
	             ('carats', 'carats', 1), ('thousands of carats', 'carats', 1e3), ('million carats', 'carats', 1e6),
	             ('million cubic meters', 'm3', 1e6), ('million liters', 'l', 1e6)) p (unit, base, f)
	JOIN (VALUES ('t', 'kg', 1000::float8), ('kg', 'kg', 1), ('carats', 'carats', 1), ('m3', 'm3', 1), ('l', 'l', 1)) c (unit, base, f)
	  ON c.base = p.base
	WHERE p.unit = lower(btrim(replace(published, U&'\00A0', ' '))) AND c.unit = canonical;
END;
COMMENT ON FUNCTION @extschema@.usgs_unit_factor(text, text) IS
	'the factor that converts a quantity printed in a USGS unit (metric tons, thousand metric tons, million metric tons, thousand metric dry tons, kilograms, carats, thousands of carats, million carats, million cubic meters, million liters) into a canonical unit (t, kg, carats, m3, l); NULL when they measure different things';
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

-- SSPACE: the bytes a group's state takes in hashed aggregation (six
-- compensated sums, src/material_balance.c), so the planner sizes hash
-- aggregation right.
CREATE AGGREGATE @extschema@.material_balance(kind text, quantity float8) (
	SFUNC = @extschema@.material_balance_trans, STYPE = internal, SSPACE = 96,
	COMBINEFUNC = @extschema@.material_balance_combine,
	SERIALFUNC = @extschema@.material_balance_serialize,
	DESERIALFUNC = @extschema@.material_balance_deserialize,
	FINALFUNC = @extschema@.material_balance_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.material_balance(kind text, quantity numeric) (
	SFUNC = @extschema@.material_balance_trans, STYPE = internal, SSPACE = 96,
	COMBINEFUNC = @extschema@.material_balance_combine,
	SERIALFUNC = @extschema@.material_balance_serialize,
	DESERIALFUNC = @extschema@.material_balance_deserialize,
	FINALFUNC = @extschema@.material_balance_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.material_balance) (
	SFUNC = @extschema@.material_balance_rollup_trans, STYPE = internal, SSPACE = 96,
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

-- hhi_wgi as 0.1.0 defined it: unchanged, so users' views over it survive
-- the update; the form with missing_score is a separate function
-- (33_geopolrisk.sql)
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
-- Country scores over a supply mix: HHI-WGI (EU CRM, JRC 2017), the
-- share-weighted score, GeoPolRisk (geopolrisk-py), and the governance
-- scores they take, read from the store.  Formulas and sources:
-- src/core/geopolrisk.c, src/core/metrics.c.
-- ---------------------------------------------------------------------------

-- hhi_wgi with a score for unscored suppliers: a four-argument function of
-- its own (no defaults, so that hhi_wgi(mix, governance[, trade_factors])
-- still means the 0.1.0 function and users' views over it survive updates);
-- write hhi_wgi(mix, governance, NULL, 10) for no trade factors
CREATE FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, governance jsonb, trade_factors jsonb,
	missing_score float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_hhi_wgi' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, jsonb, jsonb, float8) IS
	'HHI-WGI sum s_c^2 * WGI_c * t_c, shares as fractions, WGI on the 0-10 scale from governance, t_c from trade_factors (1 when absent) (JRC 2017); a supplier with quantity > 0 and no score takes missing_score, or is an error when missing_score is NULL; NULL for a zero total';

CREATE FUNCTION @extschema@.weighted_score(mix @extschema@.supply_mix, scores jsonb, missing_score float8 DEFAULT NULL)
	RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_weighted_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_score(@extschema@.supply_mix, jsonb, float8) IS
	'share-weighted country score sum s_i * x_i, s_i the shares as fractions, x_i from scores (the country score GeoPolRisk, ESSENZ and SCARCE-style assessments build on); a supplier with quantity > 0 and no score takes missing_score, or is an error when missing_score is NULL; NULL for a zero total';

CREATE FUNCTION @extschema@.geopolrisk(production @extschema@.supply_mix, imports @extschema@.supply_mix,
	importer text, stability jsonb, price float8 DEFAULT NULL, missing_score float8 DEFAULT NULL,
	region text[] DEFAULT NULL,
	OUT hhi float8, OUT import_risk float8, OUT score float8, OUT midpoint float8, OUT cf float8)
	AS 'MODULE_PATHNAME', 're_sql_geopolrisk' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.geopolrisk(@extschema@.supply_mix, @extschema@.supply_mix, text, jsonb, float8, float8, text[]) IS
	'GeoPolRisk (geopolrisk-py src/geopolrisk/assessment/core.py, Koyamparambath et al. 2024): hhi = sum P_i^2 / (sum P_i)^2 over production (0-1; hhi(mix) / 10000, not hhi_normalized); import_risk = sum f_i g_i / (F + P_c), f_i imports by partner, F their sum, P_c the production of the importer and of the region members, g_i the stability score (0-1) from stability, 0 for the importer and region members (the regional variant), missing_score for an unscored partner (error when NULL); import_risk 0 when F + P_c = 0 (as core.py); score = hhi * import_risk; midpoint = score * price (USD/kg); cf = midpoint / 0.409412948 (copper, kg Cu-eq/kg); midpoint and cf NULL without a price';

CREATE FUNCTION @extschema@.governance_scores(indicator text, from_year int, to_year int) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $scores$
DECLARE
	result jsonb;
BEGIN
	IF indicator NOT IN ('eu', 'geopolrisk', 'wgi_mean', 'va', 'pv', 'ge', 'rq', 'rl', 'cc') THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown governance indicator "%s"', indicator),
			HINT = 'Use eu (the EU CRM 0-10 score), geopolrisk (the GeoPolRisk 0-1 score), wgi_mean, or one WGI estimate: va, pv, ge, rq, rl, cc.';
	END IF;
	IF from_year > to_year THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('governance_scores: from_year %s is after to_year %s', from_year, to_year);
	END IF;
	PERFORM @extschema@.guard_store(ARRAY['governance'], 'r'::pg_catalog."char");
	SELECT jsonb_object_agg(country::text, m) INTO result
	FROM (SELECT country, avg(CASE indicator WHEN 'eu' THEN wgi_scaled WHEN 'geopolrisk' THEN geopolrisk_score
	                                         WHEN 'wgi_mean' THEN wgi_mean WHEN 'va' THEN va WHEN 'pv' THEN pv
	                                         WHEN 'ge' THEN ge WHEN 'rq' THEN rq WHEN 'rl' THEN rl ELSE cc END) AS m
	      FROM @extschema@.governance
	      WHERE year BETWEEN from_year AND to_year
	      GROUP BY country) s
	WHERE m IS NOT NULL;
	RETURN coalesce(result, '{}');
END
$scores$;
COMMENT ON FUNCTION @extschema@.governance_scores(text, int, int) IS
	'{country: score} from the store''s governance table, each country''s mean over the years from_year to to_year that have the indicator (the EU CRM 2023 used five-year means, 2016-2020): eu = wgi_scaled, (2.5 - mean of the six WGI) * 2 on 0-10 (for hhi_wgi); geopolrisk = (2.5 - pv) / 5 on 0-1 (for geopolrisk); wgi_mean, va, pv, ge, rq, rl, cc the WGI estimates; an error for another indicator';
-- ---------------------------------------------------------------------------
-- Country groups by year (the store's country_groups table: the EU, OECD,
-- G7 and BRICS shipped with their sources, and the user's own groups).
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.group_members(group_name text, year int) RETURNS SETOF @extschema@.country
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 40
SET search_path = pg_catalog, pg_temp
AS $members$
BEGIN
	PERFORM @extschema@.guard_store(ARRAY['country_groups'], 'r'::pg_catalog."char");
	-- a misspelt group would otherwise read as "no member"
	PERFORM FROM @extschema@.country_groups g WHERE g.group_name = group_members.group_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown country group "%s"', group_name),
			HINT = 'Groups are the group_name values of rareearth.country_groups (shipped: EU, OECD, G7, BRICS); add your own as rows.';
	END IF;
	RETURN QUERY
	SELECT DISTINCT g.country FROM @extschema@.country_groups g
	WHERE g.group_name = group_members.group_name AND g.from_year <= group_members.year
	  AND (g.to_year IS NULL OR g.to_year >= group_members.year);
END
$members$;
COMMENT ON FUNCTION @extschema@.group_members(text, int) IS
	'the members of the group on 31 December of the year (from_year <= year <= to_year in country_groups), each once; an error (22023) for a group with no row';

CREATE FUNCTION @extschema@.in_group(country @extschema@.country, group_name text, year int) RETURNS bool
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $in_group$
BEGIN
	RETURN EXISTS (SELECT FROM @extschema@.group_members(in_group.group_name, in_group.year) m (c)
	               WHERE m.c OPERATOR(@extschema@.=) in_group.country);
END
$in_group$;
COMMENT ON FUNCTION @extschema@.in_group(@extschema@.country, text, int) IS
	'true when the country is a member of the group on 31 December of the year (group_members); an error for a group with no row';

CREATE FUNCTION @extschema@.group_share(mix @extschema@.supply_mix, group_name text, year int) RETURNS float8
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $group_share$
DECLARE
	members float8;
	total float8 := @extschema@.total(mix);
BEGIN
	SELECT coalesce(sum(@extschema@.quantity(mix, @extschema@.iso3(m.c))), 0) INTO members
	FROM @extschema@.group_members(group_share.group_name, group_share.year) m (c);
	IF NOT total > 0 THEN
		RETURN NULL;
	END IF;
	RETURN members / total;
END
$group_share$;
COMMENT ON FUNCTION @extschema@.group_share(@extschema@.supply_mix, text, int) IS
	'share of the mix supplied by the group''s members in the year, sum of q_i over group_members / total (suppliers keyed by ISO alpha-3 code, as iso3(country) gives); 0 when no member supplies; NULL for a zero total; an error for a group with no row';
-- ---------------------------------------------------------------------------
-- trade_network: origin tracing through the trade network (issue 23).
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
-- ---------------------------------------------------------------------------
-- Which parts of the performance layer this build uses on this server.  The
-- state pool and the prefetch read PostgreSQL's hash aggregation internals,
-- so they are on only for the major versions whose layout was checked
-- (src/pg_compat.h); elsewhere they switch themselves off and this says so.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.performance_layers(OUT layer text, OUT active boolean, OUT used bigint)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 're_sql_performance_layers' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.performance_layers() IS
	'the performance layers (state pool: small aggregate states cut from blocks of a hashed aggregation''s memory; prefetch: final functions fetching the next groups'' memory ahead of the hash table walk): whether each is active with this PostgreSQL version, and how often it acted in this session (pool: states served; prefetch: final calls that looked ahead)';
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

-- SSPACE: the bytes a group's state takes for a series of up to 8 years
-- (src/core/trajectory.c), so the planner sizes hash aggregation right.
CREATE AGGREGATE @extschema@.trajectory(year int, value float8) (
	SFUNC = @extschema@.trajectory_trans, STYPE = internal, SSPACE = 352,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.trajectory(year int, value numeric) (
	SFUNC = @extschema@.trajectory_trans, STYPE = internal, SSPACE = 352,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.trajectory) (
	SFUNC = @extschema@.trajectory_rollup_trans, STYPE = internal, SSPACE = 352,
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

-- Two calendar years, never a span: a third number that could be a year or a
-- count of years (0.1.0's cagr(start, end, years)) was read both ways.
CREATE FUNCTION @extschema@.cagr(start_value float8, end_value float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'cagr_years' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.required_cagr(current float8, target float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'required_cagr_years' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.doubling_time(rate float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'doubling_time_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_path(start_year int, start_value float8, target_year int, target_value float8,
	OUT year int, OUT value float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'target_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
CREATE FUNCTION @extschema@.gap_to_path(@extschema@.trajectory, start_year int, start_value float8,
	target_year int, target_value float8,
	OUT year int, OUT actual float8, OUT planned float8, OUT ratio float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gap_to_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION @extschema@.cagr(float8, float8, int, int) IS 'compound annual growth rate from the value in from_year to the value in to_year (calendar years): (end/start)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when start or end <= 0; to_year <= from_year is an error (22023)';
COMMENT ON FUNCTION @extschema@.required_cagr(float8, float8, int, int) IS 'yearly growth needed to go from current (in from_year) to target (in to_year), calendar years: (target/current)^(1/(to_year - from_year)) - 1; NULL when either value <= 0; to_year <= from_year is an error (22023)';
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
-- Staging: downloaded files are copied into a staging table of the session
-- ---------------------------------------------------------------------------
-- Each record type below is the layout of one downloaded file.  stage(source)
-- creates the session's own staging table of that type (a temporary table,
-- pg_temp.<source>_raw), so two sessions loading at once never see, load or
-- delete each other's rows (a shared staging table lost rows that way).
-- Every column is text: a downloaded file always copies in (no cast can fail
-- during \copy) and each loader validates and converts the values, sending
-- what it cannot use to load_rejects with the reason.

-- UN Comtrade API v1 records, the 47 columns in the order of the API's CSV
-- and bulk files (comtradeapi.un.org, "data/v1/get" and the public preview;
-- the order is that of the downloaded header line), so that
--   SELECT rareearth.stage('comtrade');
--   \copy pg_temp.comtrade_raw FROM 'file.csv' WITH (FORMAT csv, HEADER match)
-- checks the header and loads the file as downloaded.
CREATE TYPE @extschema@.comtrade_record AS (
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
COMMENT ON TYPE @extschema@.comtrade_record IS 'layout of a UN Comtrade API v1 download (47 columns in the API''s order, all text): the row type of the session''s staging table pg_temp.comtrade_raw made by stage(''comtrade''), which load_comtrade() moves into trade_flow';
COMMENT ON COLUMN @extschema@.comtrade_record."typeCode" IS 'C goods, S services (only C is loaded)';
COMMENT ON COLUMN @extschema@.comtrade_record."freqCode" IS 'A annual, M monthly';
COMMENT ON COLUMN @extschema@.comtrade_record."refPeriodId" IS 'period as a date yyyymmdd';
COMMENT ON COLUMN @extschema@.comtrade_record."refYear" IS 'reference year';
COMMENT ON COLUMN @extschema@.comtrade_record."refMonth" IS 'reference month 1-12; 52 for annual records';
COMMENT ON COLUMN @extschema@.comtrade_record."period" IS 'period as printed: yyyy or yyyymm';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterCode" IS 'UN Comtrade reporter code (M49-based)';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterISO" IS 'reporter ISO 3166-1 alpha-3 (empty when descriptions were not requested)';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterDesc" IS 'reporter name';
COMMENT ON COLUMN @extschema@.comtrade_record."flowCode" IS 'M import, X export, RM re-import, RX re-export (others are not loaded)';
COMMENT ON COLUMN @extschema@.comtrade_record."flowDesc" IS 'flow name';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerCode" IS 'UN Comtrade partner code; 0 = World';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerISO" IS 'partner alpha-3 or a pseudo code such as W00';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerDesc" IS 'partner name';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2Code" IS 'second partner (consignment); 0 = World, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2ISO" IS 'second partner alpha-3';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2Desc" IS 'second partner name';
COMMENT ON COLUMN @extschema@.comtrade_record."classificationCode" IS 'HS edition as reported: H0 (HS1992) ... H6 (HS2022)';
COMMENT ON COLUMN @extschema@.comtrade_record."classificationSearchCode" IS 'classification family (HS)';
COMMENT ON COLUMN @extschema@.comtrade_record."isOriginalClassification" IS 'true when reported in this classification';
COMMENT ON COLUMN @extschema@.comtrade_record."cmdCode" IS 'commodity code (HS 2, 4 or 6 digits, or TOTAL)';
COMMENT ON COLUMN @extschema@.comtrade_record."cmdDesc" IS 'commodity description';
COMMENT ON COLUMN @extschema@.comtrade_record."aggrLevel" IS 'number of digits of the commodity code';
COMMENT ON COLUMN @extschema@.comtrade_record."isLeaf" IS 'true for the most detailed code';
COMMENT ON COLUMN @extschema@.comtrade_record."customsCode" IS 'customs procedure; C00 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."customsDesc" IS 'customs procedure name';
COMMENT ON COLUMN @extschema@.comtrade_record."mosCode" IS 'mode of supply (services)';
COMMENT ON COLUMN @extschema@.comtrade_record."motCode" IS 'mode of transport; 0 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."motDesc" IS 'mode of transport name';
COMMENT ON COLUMN @extschema@.comtrade_record."qtyUnitCode" IS 'unit of qty; -1 = not available';
COMMENT ON COLUMN @extschema@.comtrade_record."qtyUnitAbbr" IS 'unit of qty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_record."qty" IS 'quantity in qtyUnitCode units';
COMMENT ON COLUMN @extschema@.comtrade_record."isQtyEstimated" IS 'true when UN Comtrade estimated qty';
COMMENT ON COLUMN @extschema@.comtrade_record."altQtyUnitCode" IS 'unit of altQty';
COMMENT ON COLUMN @extschema@.comtrade_record."altQtyUnitAbbr" IS 'unit of altQty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_record."altQty" IS 'alternative quantity';
COMMENT ON COLUMN @extschema@.comtrade_record."isAltQtyEstimated" IS 'true when altQty was estimated';
COMMENT ON COLUMN @extschema@.comtrade_record."netWgt" IS 'net weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_record."isNetWgtEstimated" IS 'true when UN Comtrade estimated the net weight';
COMMENT ON COLUMN @extschema@.comtrade_record."grossWgt" IS 'gross weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_record."isGrossWgtEstimated" IS 'true when the gross weight was estimated';
COMMENT ON COLUMN @extschema@.comtrade_record."cifvalue" IS 'CIF value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_record."fobvalue" IS 'FOB value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_record."primaryValue" IS 'the value UN Comtrade publishes for the flow, US dollars (CIF for most imports, FOB for exports)';
COMMENT ON COLUMN @extschema@.comtrade_record."legacyEstimationFlag" IS 'estimation flag of the legacy Comtrade';
COMMENT ON COLUMN @extschema@.comtrade_record."isReported" IS 'true when the record was reported, not derived';
COMMENT ON COLUMN @extschema@.comtrade_record."isAggregate" IS 'true when UN Comtrade aggregated the record';

-- CEPII BACI (www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37):
-- one CSV per year, header t,i,j,k,v,q; v in thousands of US dollars FOB, q
-- in metric tons; missing quantities are printed NA (padded with spaces).
CREATE TYPE @extschema@.baci_record AS (
	t text,
	i text,
	j text,
	k text,
	v text,
	q text
);
COMMENT ON TYPE @extschema@.baci_record IS 'layout of a CEPII BACI file (t,i,j,k,v,q, all text): the row type of the session''s staging table pg_temp.baci_raw made by stage(''baci''), which load_baci(release) moves into trade_flow';
COMMENT ON COLUMN @extschema@.baci_record.t IS 'year';
COMMENT ON COLUMN @extschema@.baci_record.i IS 'exporter, BACI country code';
COMMENT ON COLUMN @extschema@.baci_record.j IS 'importer, BACI country code';
COMMENT ON COLUMN @extschema@.baci_record.k IS 'product, HS 6-digit code (text: leading zeros matter)';
COMMENT ON COLUMN @extschema@.baci_record.v IS 'value, thousands of US dollars, FOB';
COMMENT ON COLUMN @extschema@.baci_record.q IS 'quantity, metric tons (NA when unknown)';

-- USGS Mineral Commodity Summaries data release, one long CSV for all
-- commodities (format A of data/usgs/usgs_mcs_format.md; the 2026 edition,
-- doi:10.5066/P1WKQ63T).  The file is Windows-1252:
--   SELECT rareearth.stage('usgs_mcs');
--   \copy pg_temp.usgs_mcs_raw FROM 'mcs2026.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TYPE @extschema@.usgs_mcs_record AS (
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
COMMENT ON TYPE @extschema@.usgs_mcs_record IS 'layout of the USGS MCS data-release CSV (12 columns, all text; read it with ENCODING ''WIN1252''): the row type of the session''s staging table pg_temp.usgs_mcs_raw made by stage(''usgs_mcs''), which load_usgs_mcs(edition) moves into production and reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."MCS chapter" IS 'chapter, e.g. RARE EARTHS';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Section" IS 'table of the chapter, e.g. World Mine Production and Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Commodity" IS 'commodity of the row (element names for prices)';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Country" IS 'USGS country name; World total and Other countries are rows too';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Statistics" IS 'statistic, e.g. Production, Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Statistics_detail" IS 'detail, e.g. Mine production, Reserves: rounded';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Unit" IS 'unit, e.g. metric tons, percent';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Year" IS 'year, or a period such as 2021–24';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Value" IS 'the cell as printed (see parse_usgs_value)';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Notes" IS 'notes; Estimated. or Reported. first';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Is critical mineral 2025" IS 'Yes/No';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Other notes" IS 'chapter notes';


-- stage(source): the session's staging table for one kind of file.  A
-- temporary table is private to its session and vanishes with it; loaders
-- read it, file what they refuse, and truncate it.  Calling stage() again
-- keeps a table already there (and its rows).
CREATE FUNCTION @extschema@.stage(source text) RETURNS regclass
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	record_type regtype;
BEGIN
	record_type := CASE source
		WHEN 'comtrade' THEN '@extschema@.comtrade_record'::pg_catalog.regtype
		WHEN 'baci' THEN '@extschema@.baci_record'::pg_catalog.regtype
		WHEN 'usgs_mcs' THEN '@extschema@.usgs_mcs_record'::pg_catalog.regtype
	END;
	IF record_type IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('unknown staging source "%s"', source),
			HINT = 'Use comtrade, baci or usgs_mcs.';
	END IF;
	IF pg_catalog.to_regclass(pg_catalog.format('pg_temp.%I', source OPERATOR(pg_catalog.||) '_raw')) IS NULL THEN
		EXECUTE pg_catalog.format('CREATE TEMP TABLE %I OF %s', source OPERATOR(pg_catalog.||) '_raw', record_type);
	END IF;
	RETURN pg_catalog.format('pg_temp.%I', source OPERATOR(pg_catalog.||) '_raw')::pg_catalog.regclass;
END
$fn$;
COMMENT ON FUNCTION @extschema@.stage(text) IS
	'creates this session''s staging table pg_temp.<source>_raw (source comtrade, baci or usgs_mcs; a temporary table of the matching record type) unless it exists, and returns it; \copy the downloaded file into it, then run the loader';
-- ---------------------------------------------------------------------------
-- create_store(): the tables loaded data lives in, and the reporting views
-- ---------------------------------------------------------------------------
-- Loaded data belongs to the user, not to the extension.  Tables created by
-- an extension's script are its members, and DROP EXTENSION deletes members
-- without CASCADE: months of loaded downloads would go with it.  So the
-- install script creates no data table; create_store(), run once after
-- CREATE EXTENSION by whoever will load data, creates them in the extension's
-- schema, owned by the caller and not members of the extension.  Then
--   * DROP EXTENSION refuses while the store exists (its tables depend on
--     the extension's types and schema), unless CASCADE is asked for;
--   * ALTER EXTENSION ... UPDATE never touches the rows;
--   * pg_dump dumps the store's tables and views like any user table.
-- The loaders and views name the store's tables through @extschema@, so there
-- is one store per database.  create_store() creates only the tables that are
-- missing and (re)defines the views, so calling it again changes no row, and
-- an update that adds a table calls it to bring an existing store up to date.
-- ---------------------------------------------------------------------------
-- guard_store(): no function of the extension runs another role's code
-- ---------------------------------------------------------------------------
-- The store's relations can carry code (triggers, rules, views, policies,
-- defaults, check constraints, index expressions, domain types) that runs
-- with the rights of whoever reads or writes them.  Every function that
-- reads or writes a store relation first calls guard_store on it: the
-- relation is locked (to the end of the transaction, so the checked
-- definition stays in force) and everything attached to it is walked, views
-- through every relation they read; any function, operator, aggregate or
-- type there owned by a role that is neither a superuser nor the current
-- role is refused (42501), and so is a relation of the wrong kind (42809).
-- See src/store_guard.c.
CREATE FUNCTION @extschema@.guard_store(relations text[], kind pg_catalog."char") RETURNS int
	AS 'MODULE_PATHNAME', 're_guard_store' LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.guard_store(text[], "char") IS
	'locks the named relations of the extension''s schema (kind r: tables, v: views) and refuses (42501) any that would run code (trigger, rule, view definition, policy, default, check constraint, index expression or support function, domain type) owned by a role that is neither a superuser nor the current role, or (42809) one of the wrong kind; missing relations are skipped; returns how many were checked';

CREATE FUNCTION @extschema@.check_store() RETURNS int
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $check$
DECLARE
	checked int;
BEGIN
	checked := @extschema@.guard_store(@extschema@.store_tables(), 'r'::pg_catalog."char")
	           OPERATOR(pg_catalog.+) @extschema@.guard_store(@extschema@.store_views(), 'v'::pg_catalog."char");
	IF checked OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table', MESSAGE = 'check_store: this database has no rareearth data store';
	END IF;
	RETURN checked;
END
$check$;
COMMENT ON FUNCTION @extschema@.check_store() IS
	'checks every table and view of the data store as the extension''s functions do before they use one (guard_store): an error (42501) names the first trigger, rule, view definition, policy, default, constraint, index or column type that would run code of a role other than a superuser or the current role; otherwise returns the number of relations checked.  Run it before reading the store''s views directly as a role that does not own them';

CREATE FUNCTION @extschema@.store_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['trade_flow', 'trade_reported_total', 'production', 'reserves', 'targets', 'governance',
             'load_rejects', 'published_statistic', 'country_groups', 'published_correction'];
COMMENT ON FUNCTION @extschema@.store_tables() IS 'the names of the data store''s tables (create_store())';

CREATE FUNCTION @extschema@.store_views() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['production_corrected', 'reserves_corrected', 'production_latest', 'production_world_total',
             'reserves_latest', 'reserves_world_total', 'supply_share', 'supply_concentration', 'development',
             'target_tracking', 'import_reliance', 'import_dependency', 'crma_benchmarks', 'usgs_net_import_reliance'];
COMMENT ON FUNCTION @extschema@.store_views() IS 'the names of the data store''s reporting views (create_store_views())';

CREATE FUNCTION @extschema@.create_store() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $store$
DECLARE
	lost record;
	kept text;
	idx name;
BEGIN
	-- DROP EXTENSION rareearth CASCADE drops the columns of the extension's
	-- types (country, hscode, supply_stage) out of the store's tables, not
	-- the tables (PostgreSQL drops what depends on a type, and a table
	-- depends on it only through its columns).  A table left without one of
	-- them is renamed out of the way, its remaining rows kept, and made anew.
	FOR lost IN SELECT v.name, v.columns FROM (VALUES
		('trade_flow', ARRAY['reporter', 'partner', 'product']), ('trade_reported_total', ARRAY['reporter', 'partner_area', 'product']),
		('production', ARRAY['country', 'stage']), ('reserves', ARRAY['country']), ('targets', ARRAY['country']),
		('governance', ARRAY['country']), ('published_statistic', ARRAY['country']), ('country_groups', ARRAY['country']),
		('published_correction', ARRAY['country'])) v (name, columns)
	LOOP
		IF pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', lost.name)) IS NOT NULL
		   AND EXISTS (SELECT FROM pg_catalog.unnest(lost.columns) c (name)
		               WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
		                                 WHERE a.attrelid = pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', lost.name))
		                                   AND a.attname = c.name AND NOT a.attisdropped)) THEN
			kept := pg_catalog.format('%s_without_columns_%s', lost.name, pg_catalog.to_char(pg_catalog.clock_timestamp(), 'YYYYMMDD_HH24MISS'));
			EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I RENAME TO %I', lost.name, kept);
			-- its indexes (and the constraints they back) go with it: the new table takes their names
			FOR idx IN SELECT c.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
			           WHERE i.indrelid = pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', kept)) LOOP
				EXECUTE pg_catalog.format('ALTER INDEX @extschema@.%I RENAME TO %I', idx, pg_catalog.left(idx, 40) || pg_catalog.substr(kept, pg_catalog.length(lost.name) + 1));
			END LOOP;
			RAISE WARNING USING MESSAGE = pg_catalog.format('store table rareearth.%s had lost columns %s; kept as rareearth.%s, and made anew',
				lost.name, pg_catalog.array_to_string(lost.columns, ', '), kept),
				DETAIL = 'DROP EXTENSION rareearth CASCADE drops the columns of the extension''s types out of the store''s tables.',
				HINT = 'Drop the kept table when its remaining columns are of no use; to drop the store with the extension, run SELECT rareearth.drop_store(); first.';
		END IF;
	END LOOP;
	-- what exists already is altered or redefined below: check it first
	PERFORM @extschema@.guard_store(@extschema@.store_tables(), 'r'::pg_catalog."char");
	PERFORM @extschema@.guard_store(@extschema@.store_views(), 'v'::pg_catalog."char");
	-- ---------------------------------------------------------------------------
	-- Stored data: trade flows, production, reserves, targets, governance
	-- ---------------------------------------------------------------------------
	-- Quantities and values are float8 and never negative, NaN or infinite
	-- (NaN sorts above 'Infinity' in PostgreSQL, so "< 'Infinity'" excludes both).

	IF pg_catalog.to_regclass('@extschema@.trade_flow') IS NULL THEN
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
	END IF;

	IF pg_catalog.to_regclass('@extschema@.trade_reported_total') IS NULL THEN
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
		-- is part of the key; production_latest picks one edition per year.
	END IF;

	IF pg_catalog.to_regclass('@extschema@.production') IS NULL THEN
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
		COMMENT ON COLUMN @extschema@.production.source IS 'the publication first (e.g. USGS Mineral Commodity Summaries 2026, doi:10.5066/P1WKQ63T), then where the copy was read (file, cell or page)';
		COMMENT ON INDEX @extschema@.production_year_idx IS 'production by year';
	END IF;

	IF pg_catalog.to_regclass('@extschema@.reserves') IS NULL THEN
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
		COMMENT ON COLUMN @extschema@.reserves.source IS 'the publication first, then where the copy was read; for a statement, who stated it and who reported it';
	END IF;

	IF pg_catalog.to_regclass('@extschema@.targets') IS NULL THEN
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
	END IF;

	IF pg_catalog.to_regclass('@extschema@.governance') IS NULL THEN
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
	END IF;
	-- The six WGI estimates and the GeoPolRisk stability score (0.2.0),
	-- appended here so that a governance table made before gains them the
	-- same way, in the same column order, as a new one.
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.governance'::pg_catalog.regclass AND attname = 'pv' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.governance
			ADD COLUMN va float8 CHECK (va > '-Infinity' AND va < 'Infinity'),
			ADD COLUMN pv float8 CHECK (pv > '-Infinity' AND pv < 'Infinity'),
			ADD COLUMN ge float8 CHECK (ge > '-Infinity' AND ge < 'Infinity'),
			ADD COLUMN rq float8 CHECK (rq > '-Infinity' AND rq < 'Infinity'),
			ADD COLUMN rl float8 CHECK (rl > '-Infinity' AND rl < 'Infinity'),
			ADD COLUMN cc float8 CHECK (cc > '-Infinity' AND cc < 'Infinity'),
			ADD COLUMN geopolrisk_score float8 GENERATED ALWAYS AS ((2.5::float8 - pv) / 5::float8) STORED;
		COMMENT ON COLUMN @extschema@.governance.va IS 'WGI Voice and Accountability estimate, about -2.5 (weak) to +2.5 (strong)';
		COMMENT ON COLUMN @extschema@.governance.pv IS 'WGI Political Stability and Absence of Violence/Terrorism estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.ge IS 'WGI Government Effectiveness estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.rq IS 'WGI Regulatory Quality estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.rl IS 'WGI Rule of Law estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.cc IS 'WGI Control of Corruption estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.geopolrisk_score IS 'GeoPolRisk political (in)stability g = (2.5 - pv) / 5, 0 the most stable, 1 the least (geopolrisk-py, Koyamparambath et al. 2024); above 1 for a PV estimate below -2.5, which geopolrisk() refuses';
	END IF;

	-- Units (0.2.0): every commodity's quantities in its canonical unit
	-- (commodities.unit: t, kg for gallium and the PGMs, ...), the unit the
	-- publication printed, and the statistic detail it printed (Mine
	-- production, Refinery production, ...); appended, so that a store made
	-- before gains them the same way, in the same column order, as a new one.
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.production'::pg_catalog.regclass AND attname = 'unit' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.production
			ADD COLUMN unit text NOT NULL DEFAULT 't' CHECK (unit IN ('t', 'kg', 'carats', 'm3', 'l')),
			ADD COLUMN published_unit text,
			ADD COLUMN detail text;
		COMMENT ON COLUMN @extschema@.production.unit IS 'unit of quantity_t: the commodity''s canonical unit (commodities.unit): t (metric tons; REO equivalent for rare earths, content or gross weight as the commodity''s usgs_data_unit says), kg (gallium, germanium, PGMs, rhenium), carats, m3, l; never mixed within a commodity';
		COMMENT ON COLUMN @extschema@.production.published_unit IS 'the unit the publication printed (e.g. thousand metric tons), converted into unit; NULL for rows not loaded by load_usgs_mcs';
		COMMENT ON COLUMN @extschema@.production.detail IS 'the statistic as the publication names it (MCS Statistics_detail without ": rounded", e.g. Mine production, Refinery production, Production—ulexite)';
	END IF;
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.reserves'::pg_catalog.regclass AND attname = 'unit' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.reserves
			ADD COLUMN unit text NOT NULL DEFAULT 't' CHECK (unit IN ('t', 'kg', 'carats', 'm3', 'l')),
			ADD COLUMN published_unit text,
			ADD COLUMN detail text;
		COMMENT ON COLUMN @extschema@.reserves.unit IS 'unit of quantity_t: the commodity''s canonical unit (commodities.unit), t unless it says otherwise';
		COMMENT ON COLUMN @extschema@.reserves.published_unit IS 'the unit the publication printed, converted into unit; NULL for rows not loaded by load_usgs_mcs';
		COMMENT ON COLUMN @extschema@.reserves.detail IS 'the statistic as the publication names it (MCS Statistics_detail without ": rounded")';
	END IF;

	-- what no loader could use, with the reason: nothing is dropped silently
	IF pg_catalog.to_regclass('@extschema@.load_rejects') IS NULL THEN
		CREATE TABLE @extschema@.load_rejects (
			source text NOT NULL CHECK (source IN ('comtrade', 'baci', 'usgs_mcs')),
			release text,
			reason text NOT NULL,
			record jsonb NOT NULL,
			rejected_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
			severity text NOT NULL DEFAULT 'rejected' CHECK (severity IN ('rejected', 'warning'))
		);
		-- one row per source, release, reason and record, also when loads run at once
		CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
		COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use (severity rejected), or loaded with one field dropped (severity warning), each with the reason; a load of a release replaces what earlier loads of that release filed; a record is filed once per source, release and reason';
		COMMENT ON COLUMN @extschema@.load_rejects.source IS 'comtrade, baci or usgs_mcs';
		COMMENT ON COLUMN @extschema@.load_rejects.release IS 'release or edition given to the loader';
		COMMENT ON COLUMN @extschema@.load_rejects.reason IS 'why the row was not loaded (unknown country code, malformed HS code, negative quantity, ...)';
		COMMENT ON COLUMN @extschema@.load_rejects.record IS 'the staging row as jsonb, column name: text as downloaded';
		COMMENT ON COLUMN @extschema@.load_rejects.severity IS 'rejected: the row was not loaded; warning: the row was loaded with the field the reason names stored as NULL';
		COMMENT ON COLUMN @extschema@.load_rejects.rejected_at IS 'when the loader first rejected it';
		COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release and reason (record compared by its md5)';

		-- the reporting views over these tables (56_store_views)
	END IF;

	-- Rows of downloaded files (0.2.0, load_usgs_mcs_file): the file and line
	-- a refused row came from, and the rows a file loader left out on purpose
	-- (severity out_of_scope, e.g. "not a world table"), so that every row of
	-- a file is accounted for; appended, so that a store made before gains
	-- them the same way as a new one.  A record is then filed once per file
	-- and line: two files of one edition may hold the same all-empty row.
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.load_rejects'::pg_catalog.regclass AND attname = 'file' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.load_rejects
			ADD COLUMN file text,
			ADD COLUMN line int CHECK (line > 0),
			DROP CONSTRAINT load_rejects_severity_check,
			ADD CONSTRAINT load_rejects_severity_check CHECK (severity IN ('rejected', 'warning', 'out_of_scope'));
		DROP INDEX @extschema@.load_rejects_key;
		CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, file, line, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
		COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release, file, line and reason (record compared by its md5)';
		COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table or a file that a loader could not use (severity rejected), loaded with one field left out (warning), or left out by design (out_of_scope, file loaders), each with the reason; a load of a release (and file) replaces what earlier loads of that release (and file) filed; a record is filed once per source, release, file, line and reason';
		COMMENT ON COLUMN @extschema@.load_rejects.file IS 'the file a file loader read (load_usgs_mcs_file: its file name, or md5: and the checksum of its bytes when no name was given); NULL for rows staged with \copy';
		COMMENT ON COLUMN @extschema@.load_rejects.line IS 'line of the file the record starts on (1 is the header); NULL for rows staged with \copy';
		COMMENT ON COLUMN @extschema@.load_rejects.severity IS 'rejected: the row was not loaded; warning: the row was loaded with the field the reason names left out (stored as NULL, or, for a value column of a per-commodity MCS file, not stored); out_of_scope: a row of a file that the loader does not load by design (another table, section or commodity, an all-empty row), the reason says which';
	END IF;

	IF pg_catalog.to_regclass('@extschema@.published_statistic') IS NULL THEN
		-- USGS's own printed figures (salient statistics: the two net import
		-- reliance series, production of concentrates and of compounds and
		-- metals, ...), kept as published so that the views can show them
		-- beside what they compute; never mixed into the computation.
		CREATE TABLE @extschema@.published_statistic (
			country @extschema@.country NOT NULL,
			commodity text NOT NULL DEFAULT 'rare earths',
			statistic text NOT NULL,
			year int NOT NULL CHECK (year BETWEEN 1800 AND 2100),
			value float8 CHECK (value > '-Infinity' AND value < 'Infinity'),
			unit text NOT NULL,
			qualifier text CHECK (qualifier IN ('>', '<', 'e', 'E', 'W', 'NA', 'XX')),
			estimated bool NOT NULL DEFAULT false,
			edition text NOT NULL,
			source text NOT NULL,
			CHECK ((value IS NULL) = (qualifier IS NOT NULL AND qualifier IN ('E', 'W', 'NA', 'XX'))),
			PRIMARY KEY (country, commodity, statistic, year, edition)
		);
		COMMENT ON TABLE @extschema@.published_statistic IS 'statistics as a publication prints them (USGS MCS salient statistics: net import reliance of mineral concentrates and of compounds and metals, production by stage, ...), one row per edition; shown beside computed values, never used in a computation';
		COMMENT ON COLUMN @extschema@.published_statistic.country IS 'country the statistic is about';
		COMMENT ON COLUMN @extschema@.published_statistic.commodity IS 'commodity, e.g. rare earths';
		COMMENT ON COLUMN @extschema@.published_statistic.statistic IS 'what is measured, e.g. net_import_reliance_compounds_and_metals, production_mineral_concentrates';
		COMMENT ON COLUMN @extschema@.published_statistic.year IS 'year the figure refers to';
		COMMENT ON COLUMN @extschema@.published_statistic.value IS 'the figure as printed, in unit; NULL when the publication prints a code instead (E net exporter, W, NA, XX)';
		COMMENT ON COLUMN @extschema@.published_statistic.unit IS 'unit of value: for USGS salient statistics the unit as printed (metric tons, thousand metric tons, dollars per kilogram, percent, number, ...; not printed when the table prints none; a per-commodity salient file''s unit code: t, kt, dkg, pct, ...), for capacity the commodity''s canonical unit (commodities.unit: t, kg, ...), for the shipped sample t_reo or percent; never converted, so compare figures of one unit only';
		COMMENT ON COLUMN @extschema@.published_statistic.qualifier IS 'NULL a plain figure; e estimated; > or < a bound; E net exporter; W withheld; NA not available; XX not applicable (USGS legend)';
		COMMENT ON COLUMN @extschema@.published_statistic.estimated IS 'true when the publication marks the figure as estimated';
		COMMENT ON COLUMN @extschema@.published_statistic.edition IS 'publication, e.g. MCS2026';
		COMMENT ON COLUMN @extschema@.published_statistic.source IS 'the publication first, then where the copy was read';
	END IF;

	-- Country groups by year, shipped with their sources; users add their own
	-- rows (groups) to the same table.
	IF pg_catalog.to_regclass('@extschema@.country_groups') IS NULL THEN
		CREATE TABLE @extschema@.country_groups (
			group_name text NOT NULL CHECK (group_name <> ''),
			country @extschema@.country NOT NULL,
			from_year int NOT NULL CHECK (from_year BETWEEN 1900 AND 2100),
			to_year int CHECK (to_year BETWEEN 1900 AND 2100),
			source text NOT NULL,
			CHECK (to_year >= from_year),
			PRIMARY KEY (group_name, country, from_year)
		);
		COMMENT ON TABLE @extschema@.country_groups IS 'membership of country groups by year (a member on 31 December of each year from from_year to to_year), as used by in_group and group_share; shipped: EU, OECD, G7, BRICS, each row with its source; add your own groups as rows';
		COMMENT ON COLUMN @extschema@.country_groups.group_name IS 'group, e.g. EU, OECD, G7, BRICS, or one of yours';
		COMMENT ON COLUMN @extschema@.country_groups.country IS 'member country';
		COMMENT ON COLUMN @extschema@.country_groups.from_year IS 'first year the country is a member on 31 December';
		COMMENT ON COLUMN @extschema@.country_groups.to_year IS 'last such year; NULL while still a member';
		COMMENT ON COLUMN @extschema@.country_groups.source IS 'where the membership dates come from';
		INSERT INTO @extschema@.country_groups (group_name, country, from_year, to_year, source)
		SELECT 'EU', c::@extschema@.country, f, t, 'EU (EEC before 1993) membership as eu_member(): founding Treaty of Rome in force 1958, accession treaties 1973, 1981, 1986, 1995, 2004, 2007, 2013; United Kingdom withdrawn 31 January 2020'
		FROM (VALUES ('BEL', 1958, NULL), ('DEU', 1958, NULL), ('FRA', 1958, NULL), ('ITA', 1958, NULL),
		             ('LUX', 1958, NULL), ('NLD', 1958, NULL), ('DNK', 1973, NULL), ('IRL', 1973, NULL),
		             ('GBR', 1973, 2019), ('GRC', 1981, NULL), ('ESP', 1986, NULL), ('PRT', 1986, NULL),
		             ('AUT', 1995, NULL), ('FIN', 1995, NULL), ('SWE', 1995, NULL), ('CYP', 2004, NULL),
		             ('CZE', 2004, NULL), ('EST', 2004, NULL), ('HUN', 2004, NULL), ('LVA', 2004, NULL),
		             ('LTU', 2004, NULL), ('MLT', 2004, NULL), ('POL', 2004, NULL), ('SVK', 2004, NULL),
		             ('SVN', 2004, NULL), ('BGR', 2007, NULL), ('ROU', 2007, NULL), ('HRV', 2013, NULL)) v (c, f, t)
		UNION ALL
		SELECT 'OECD', c::@extschema@.country, f, NULL, 'OECD, "Members and partners": dates of deposit of the instrument of ratification of the Convention on the OECD (in force 30 September 1961)'
		FROM (VALUES ('AUT', 1961), ('BEL', 1961), ('CAN', 1961), ('DNK', 1961), ('FRA', 1961), ('DEU', 1961),
		             ('GRC', 1961), ('ISL', 1961), ('IRL', 1961), ('LUX', 1961), ('NLD', 1961), ('NOR', 1961),
		             ('PRT', 1961), ('ESP', 1961), ('SWE', 1961), ('CHE', 1961), ('TUR', 1961), ('GBR', 1961),
		             ('USA', 1961), ('ITA', 1962), ('JPN', 1964), ('FIN', 1969), ('AUS', 1971), ('NZL', 1973),
		             ('MEX', 1994), ('CZE', 1995), ('HUN', 1996), ('POL', 1996), ('KOR', 1996), ('SVK', 2000),
		             ('CHL', 2010), ('SVN', 2010), ('ISR', 2010), ('EST', 2010), ('LVA', 2016), ('LTU', 2018),
		             ('COL', 2020), ('CRI', 2021)) v (c, f)
		UNION ALL
		SELECT 'G7', c::@extschema@.country, f, NULL, 'G7: the Rambouillet summit of November 1975 (France, Germany, Italy, Japan, United Kingdom, United States), Canada from the 1976 summit; the EU takes part but is not a member'
		FROM (VALUES ('FRA', 1975), ('DEU', 1975), ('ITA', 1975), ('JPN', 1975), ('GBR', 1975), ('USA', 1975),
		             ('CAN', 1976)) v (c, f)
		UNION ALL
		SELECT 'BRICS', c::@extschema@.country, f, NULL, 'BRICS: first BRIC summit, Yekaterinburg, June 2009; South Africa invited December 2010; Egypt, Ethiopia, Iran and the United Arab Emirates members from 1 January 2024; Indonesia from January 2025 (Saudi Arabia, invited, not counted)'
		FROM (VALUES ('BRA', 2009), ('RUS', 2009), ('IND', 2009), ('CHN', 2009), ('ZAF', 2010), ('EGY', 2024),
		             ('ETH', 2024), ('IRN', 2024), ('ARE', 2024), ('IDN', 2025)) v (c, f);
	END IF;

	IF pg_catalog.to_regclass('@extschema@.published_correction') IS NULL THEN
		-- a publisher's own corrections of a posted edition, applied by the
		-- *_corrected views on top of the rows as loaded (which stay as the
		-- file had them)
		CREATE TABLE @extschema@.published_correction (
			edition text NOT NULL,
			version text NOT NULL CHECK (version ~ '^[0-9]+(\.[0-9]+)*$'),
			commodity text NOT NULL,
			country @extschema@.country NOT NULL,
			statistic text NOT NULL CHECK (statistic IN ('Production', 'Reserves')),
			year int CHECK (year BETWEEN 1800 AND 2100),
			old_value float8 CHECK (old_value >= 0 AND old_value < 'Infinity'),
			old_qualifier text,
			new_value float8 CHECK (new_value >= 0 AND new_value < 'Infinity'),
			new_qualifier text CHECK (new_qualifier IN ('>', '<', 'e', 'W', 'NA', 'XX')),
			wording text NOT NULL,
			source text NOT NULL,
			PRIMARY KEY (edition, version, commodity, country, statistic, year)
		);
		COMMENT ON TABLE @extschema@.published_correction IS 'corrections a publisher made to a posted edition (e.g. USGS MCS2026 version 1.3), applied on top of the loaded rows by production_corrected and reserves_corrected, and so in every reporting view; the loaded rows keep the values of the file';
		COMMENT ON COLUMN @extschema@.published_correction.edition IS 'the edition corrected, e.g. MCS2026';
		COMMENT ON COLUMN @extschema@.published_correction.version IS 'the version that made the correction, e.g. 1.3 (later versions win)';
		COMMENT ON COLUMN @extschema@.published_correction.commodity IS 'commodity of the corrected cell';
		COMMENT ON COLUMN @extschema@.published_correction.country IS 'country of the corrected cell (WLD for the world total)';
		COMMENT ON COLUMN @extschema@.published_correction.statistic IS 'Production or Reserves';
		COMMENT ON COLUMN @extschema@.published_correction.year IS 'production year, or the year reserves are as of';
		COMMENT ON COLUMN @extschema@.published_correction.old_value IS 'the value as first posted (t)';
		COMMENT ON COLUMN @extschema@.published_correction.old_qualifier IS 'its qualifier as first posted (> for a bound)';
		COMMENT ON COLUMN @extschema@.published_correction.new_value IS 'the corrected value (t)';
		COMMENT ON COLUMN @extschema@.published_correction.new_qualifier IS 'the corrected qualifier';
		COMMENT ON COLUMN @extschema@.published_correction.wording IS 'the publisher''s own description of the change';
		COMMENT ON COLUMN @extschema@.published_correction.source IS 'the publication first (revision history), then where the copy was read';
	END IF;

	PERFORM @extschema@.create_store_views();
END
$store$;
COMMENT ON FUNCTION @extschema@.create_store() IS
	'creates the data store in the extension''s schema, owned by the caller and not part of the extension (so DROP EXTENSION keeps loaded data): trade_flow, trade_reported_total, production, reserves, targets, governance, load_rejects, published_statistic, published_correction, country_groups (with the shipped EU, OECD, G7 and BRICS groups) and the reporting views; creates only missing tables and (re)defines the views, so a second call changes no row; run after CREATE EXTENSION';

-- drop_store(): the store's views and tables, so that DROP EXTENSION then
-- needs no CASCADE (which would drop only the columns of the extension's
-- types out of the tables).  Deletes every loaded row: there is no undo.
CREATE FUNCTION @extschema@.drop_store() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $drop$
DECLARE
	name text;
BEGIN
	-- views last made first: each reads only views made before it
	FOR name IN SELECT u.v FROM pg_catalog.unnest(@extschema@.store_views()) WITH ORDINALITY u (v, i) ORDER BY u.i DESC LOOP
		EXECUTE pg_catalog.format('DROP VIEW IF EXISTS @extschema@.%I', name);
	END LOOP;
	FOREACH name IN ARRAY @extschema@.store_tables() LOOP
		EXECUTE pg_catalog.format('DROP TABLE IF EXISTS @extschema@.%I', name);
	END LOOP;
END
$drop$;
COMMENT ON FUNCTION @extschema@.drop_store() IS
	'drops the data store: its reporting views and tables, with every loaded row (no undo; pg_dump first to keep them), so that DROP EXTENSION rareearth needs no CASCADE; an error (2BP01) if a view or table of yours depends on them, and (42501) for a relation the caller does not own';
-- ---------------------------------------------------------------------------
-- What every loader does first and last: check the store and the staging
-- table, serialize with other loads, file the refused rows
-- ---------------------------------------------------------------------------

-- begin_load(source): called by each loader before it reads its staging
-- table.  Errors, in order:
--   * no store (42P01): create_store() was never run;
--   * no staging table (42P01): stage(source) was not called in this session;
--   * a target table that would run code of a role other than a superuser
--     or the current one (42501, guard_store): another role could have put
--     triggers, rules, defaults or index expressions on it.
-- It takes SHARE ROW EXCLUSIVE on load_rejects and the target tables before
-- the check: this mode conflicts with itself, with writers and with adding
-- triggers, rules or defaults, not with readers, so loads run one at a time
-- while queries and views read on, and nothing can be attached between the
-- check and the load.
CREATE FUNCTION @extschema@.begin_load(source text) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF pg_catalog.to_regclass('@extschema@.load_rejects') IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table',
			MESSAGE = 'there is no rareearth data store in this database',
			HINT = 'Create it once with: SELECT rareearth.create_store();';
	END IF;
	IF pg_catalog.to_regclass(pg_catalog.format('pg_temp.%I', source OPERATOR(pg_catalog.||) '_raw')) IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table',
			MESSAGE = pg_catalog.format('this session has no staging table pg_temp.%s_raw', source),
			HINT = pg_catalog.format('Run SELECT rareearth.stage(''%s''); then \copy the file into pg_temp.%s_raw.', source, source);
	END IF;
	IF source OPERATOR(pg_catalog.=) 'usgs_mcs' THEN
		LOCK TABLE @extschema@.load_rejects, @extschema@.production, @extschema@.reserves, @extschema@.published_statistic
			IN SHARE ROW EXCLUSIVE MODE;
		PERFORM @extschema@.guard_store(ARRAY['load_rejects', 'production', 'reserves', 'published_statistic'], 'r'::pg_catalog."char");
	ELSE
		LOCK TABLE @extschema@.load_rejects, @extschema@.trade_flow, @extschema@.trade_reported_total IN SHARE ROW EXCLUSIVE MODE;
		PERFORM @extschema@.guard_store(ARRAY['load_rejects', 'trade_flow', 'trade_reported_total'], 'r'::pg_catalog."char");
	END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.begin_load(text) IS
	'loader helper: checks that the data store exists and that this session staged rows (stage(source)); then locks the store''s tables against other loads (readers are not blocked) and checks them with guard_store (no code of a role other than a superuser or the caller)';

-- record_staged_rejects: how every loader files what it refused (and a file
-- loader what it left out), from this session's table
-- pg_temp.rareearth_rejects (reason text, record jsonb, severity text, line
-- int), which the loader fills and this function drops.  A table, not one
-- jsonb value: a jsonb array holds at most 256 MB of elements, so a BACI
-- file of 3 million refused rows failed with 54000 and loaded nothing.
-- The rows of earlier loads of the same source, release and file (NULL for
-- rows staged with \copy) go first, so that a corrected file leaves no stale
-- rejects beside its result, and loads of other files of the same release
-- keep theirs.
CREATE FUNCTION @extschema@.record_staged_rejects(source text, release text, file text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
	added bigint;
BEGIN
	LOCK TABLE @extschema@.load_rejects IN SHARE ROW EXCLUSIVE MODE;
	PERFORM @extschema@.guard_store(ARRAY['load_rejects'], 'r'::pg_catalog."char");
	DELETE FROM @extschema@.load_rejects l
	WHERE l.source = source AND l.release IS NOT DISTINCT FROM release AND l.file IS NOT DISTINCT FROM file;
	-- load_rejects_key makes a record unique per source, release, file, line
	-- and reason: two identical lines of a staging table are filed once
	INSERT INTO @extschema@.load_rejects (source, release, reason, record, severity, file, line)
	SELECT source, release, r.reason, r.record, coalesce(r.severity, 'rejected'), file, r.line
	FROM pg_temp.rareearth_rejects r
	ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS added = ROW_COUNT;
	DROP TABLE pg_temp.rareearth_rejects;
	RETURN added;
END
$fn$;
COMMENT ON FUNCTION @extschema@.record_staged_rejects(text, text, text) IS
	'files the rows of this session''s table pg_temp.rareearth_rejects (reason, record, severity: rejected by default, warning or out_of_scope, line) in load_rejects under source, release and file, replacing what earlier loads of the same source, release and file filed, then drops that table; once per source, release, file, line, reason and record; returns how many were added (loader helper)';

-- record_file_rejects: the same for rejects given as one jsonb array
CREATE FUNCTION @extschema@.record_file_rejects(source text, release text, file text, rejects jsonb) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT e OPERATOR(pg_catalog.->>) 'reason' AS reason, e OPERATOR(pg_catalog.->) 'record' AS record,
	       e OPERATOR(pg_catalog.->>) 'severity' AS severity, (e OPERATOR(pg_catalog.->>) 'line')::int AS line
	FROM pg_catalog.jsonb_array_elements(rejects) e;
	RETURN @extschema@.record_staged_rejects(source, release, file);
END
$fn$;
COMMENT ON FUNCTION @extschema@.record_file_rejects(text, text, text, jsonb) IS
	'files a loader''s refused rows, warnings and (file loaders) rows left out ([{reason, record, severity, line}, ...], severity rejected by default, warning or out_of_scope) in load_rejects under source, release and file, replacing what earlier loads of the same source, release and file filed; once per source, release, file, line, reason and record; returns how many were added';

CREATE FUNCTION @extschema@.record_rejects(source text, release text, rejects jsonb) RETURNS bigint
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT @extschema@.record_file_rejects(source, release, NULL::text, rejects);
END;
COMMENT ON FUNCTION @extschema@.record_rejects(text, text, jsonb) IS
	'files a loader''s refused rows and warnings ([{reason, record, severity}, ...], severity rejected by default or warning) of a staging table (no file) in load_rejects, replacing what earlier loads of the same source and release from a staging table filed; once per source, release, reason and record; returns how many were added';
-- ---------------------------------------------------------------------------
-- load_comtrade() and load_baci(release): staged trade records into
-- trade_flow, reported World/EU/"nes" totals into trade_reported_total
-- ---------------------------------------------------------------------------

-- Which of the given HS code texts the hscode type accepts (each tried once,
-- in its own subtransaction, so one malformed code never aborts a load).
CREATE FUNCTION @extschema@.accepted_hscodes(codes text[]) RETURNS TABLE (code_text text, code @extschema@.hscode)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
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
-- The exponent may have three digits, so the text is first read as numeric
-- (which holds 1e400 and 1e-400 exactly) and cast to float8 only when that
-- cannot overflow or underflow: a cast error would abort the whole load.
-- A SQL-standard body is parsed once, at install, so no name in it is ever
-- looked up again; the function stays inlinable.
-- The first branch is the common case (every value of a BACI file), taken
-- with one pattern and one cast: no exponent and at most 300 characters,
-- so the magnitude is below 1e300 and, unless 0, above 1e-299: neither
-- overflow nor underflow is possible.  Text of more than 1,000 characters is
-- no number (NULL): numeric refuses more than 131,072 digits with an error
-- (22003), which aborted a load for one field of 200,000 digits.
CREATE FUNCTION @extschema@.decimal_or_null(t text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(?:\.[0-9]*)?$'
	             AND pg_catalog.length(pg_catalog.btrim(t)) OPERATOR(pg_catalog.<=) 300
	THEN pg_catalog.btrim(t)::float8
	WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]{1,3})?$'
	     AND pg_catalog.length(pg_catalog.btrim(t)) OPERATOR(pg_catalog.<=) 1000
	THEN CASE WHEN pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.=) 0
	            OR pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.<=) 1.7976931348623157e308
	               AND pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.>=) 2.2250738585072014e-308
	          THEN pg_catalog.btrim(t)::float8 END
	END;
COMMENT ON FUNCTION @extschema@.decimal_or_null(text) IS 'a decimal number written as text (as in UN Comtrade and BACI files) as float8; NULL for empty or non-numeric text, text of more than 1,000 characters, and magnitudes float8 cannot hold (above 1.797e308, or nonzero below 2.225e-308) (helper of the trade loaders)';

CREATE FUNCTION @extschema@.load_comtrade(release text DEFAULT 'UN Comtrade API v1', synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	PERFORM @extschema@.begin_load('comtrade'::text);
	-- Every conversion that can fail sits in a CASE behind its check: the
	-- planner may evaluate a join key or a filter before another filter of
	-- the same row, and one failing cast would abort the whole load.
	CREATE TEMP TABLE rareearth_comtrade_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, r.*,
		       CASE WHEN r."reporterCode" ~ '^[0-9]{1,4}$' THEN r."reporterCode"::int END AS reporter_code,
		       CASE WHEN r."partnerCode" ~ '^[0-9]{1,4}$' THEN r."partnerCode"::int END AS partner_code,
		       CASE WHEN r."refYear" ~ '^[0-9]{4}$' THEN r."refYear"::int END AS ref_year,
		       CASE WHEN r."refMonth" ~ '^[0-9]{1,2}$' THEN r."refMonth"::int END AS ref_month,
		       @extschema@.decimal_or_null(r."netWgt") AS net_weight,
		       @extschema@.decimal_or_null(r."primaryValue") AS primary_value,
		       @extschema@.decimal_or_null(r."cifvalue") AS cif_value,
		       @extschema@.decimal_or_null(r."fobvalue") AS fob_value
		FROM pg_temp.comtrade_raw r),
	codes AS (
		SELECT * FROM @extschema@.accepted_hscodes(
			(SELECT array_agg(DISTINCT "cmdCode") FROM pg_temp.comtrade_raw
			 WHERE "cmdCode" ~ '^[0-9]{2}([0-9]{2}){0,2}$'))),
	ref AS (SELECT country, comtrade, is_aggregate FROM @extschema@.country_reference() WHERE comtrade IS NOT NULL)
	SELECT raw.staged_at, raw.record,
	       raw.ref_year AS year,
	       CASE WHEN raw."freqCode" = 'M' THEN raw.ref_month END AS month,
	       rep.country AS reporter, par.country AS partner,
	       coalesce(rep.is_aggregate, false) OR coalesce(par.is_aggregate, false) AS aggregate,
	       raw."flowCode" AS flow, codes.code AS product,
	       CASE WHEN raw.net_weight >= 0 THEN raw.net_weight END AS net_weight, raw.primary_value,
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
	           WHEN raw.ref_year IS NULL THEN format('year "%s" is not a year', raw."refYear")
	           WHEN raw."freqCode" = 'M' AND (raw.ref_month IS NULL OR raw.ref_month NOT BETWEEN 1 AND 12)
	               THEN format('month "%s" is not 1-12', raw."refMonth")
	           WHEN rep.country IS NULL THEN format('unknown reporter code "%s"', raw."reporterCode")
	           WHEN par.country IS NULL THEN format('unknown partner code "%s"', raw."partnerCode")
	           WHEN raw."flowCode" NOT IN ('M', 'X', 'RM', 'RX') OR raw."flowCode" IS NULL THEN format('flow "%s" is not M, X, RM or RX', raw."flowCode")
	           WHEN codes.code IS NULL THEN format('malformed HS code "%s"', raw."cmdCode")
	           WHEN raw."partner2Code" IS DISTINCT FROM '0' OR raw."customsCode" IS DISTINCT FROM 'C00' OR raw."motCode" IS DISTINCT FROM '0'
	               THEN 'a breakdown by second partner, customs procedure or mode of transport: only totals (0, C00, 0) are loaded'
	           WHEN raw.primary_value IS NULL THEN format('no trade value in range (primaryValue "%s")', raw."primaryValue")
	           WHEN raw.primary_value < 0 THEN format('negative trade value %s', raw."primaryValue")
	           WHEN raw.primary_value >= 'Infinity' THEN 'a value out of range'
	       END AS reason,
	       -- a bad net weight costs the row its weight, not its value: stored
	       -- as NULL, with a warning filed in load_rejects
	       CASE
	           WHEN raw.net_weight < 0 THEN format('negative net weight %s: stored as NULL', raw."netWgt")
	           WHEN raw."netWgt" <> '' AND raw.net_weight IS NULL
	               THEN format('net weight "%s" is not a number in range: stored as NULL', raw."netWgt")
	       END AS warning
	FROM raw
	LEFT JOIN ref rep ON rep.comtrade = raw.reporter_code
	LEFT JOIN ref par ON par.comtrade = raw.partner_code
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

	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT coalesce(reason, warning) AS reason, record,
	       CASE WHEN reason IS NULL THEN 'warning' END AS severity, NULL::int AS line
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NOT NULL OR warning IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('comtrade'::text, load_comtrade.release, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_comtrade_rows;
	TRUNCATE pg_temp.comtrade_raw;
	DROP TABLE pg_temp.rareearth_comtrade_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_comtrade(text, bool) IS
	'moves this session''s staging table pg_temp.comtrade_raw (UN Comtrade API v1 records, see stage) into trade_flow, and rows whose reporter or partner is World, the EU or an "nes" area into trade_reported_total; returns (rows loaded, rows rejected, rows set aside as aggregates), which add up to the staged rows; refused rows go to load_rejects with the reason; a row already stored under the same key is updated, so loading a file twice changes nothing; a bad net weight is stored as NULL with a warning in load_rejects; one transaction; loads run one at a time; empties the staging table; synthetic marks generated test data';

CREATE FUNCTION @extschema@.load_baci(release text, synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	new_years bool;
BEGIN
	PERFORM @extschema@.begin_load('baci'::text);
	-- A BACI year is millions of rows, so every row is read once and written
	-- once (test/bench/load_baci.sh): statistics first (a staged table has
	-- none, and the planner would take a million rows for a thousand and sort
	-- where a hash fits), then one pass that converts and validates, one
	-- insert, and only the refused rows read again for their records.
	ANALYZE pg_temp.baci_raw;
	-- casts that can fail sit in a CASE behind their check (see load_comtrade)
	CREATE TEMP TABLE rareearth_baci_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, r.k AS k_as_staged, r.v AS v_as_staged,
		       btrim(r.t) AS t, btrim(r.i) AS i, btrim(r.j) AS j,
		       -- BACI writes k as a number: 10121 is HS 0101.21 (chapters 01-09
		       -- lose their leading zero).  Five or six digits, padded to six, are
		       -- an HS code unless the chapter is 00 (hscode's own rule, checked
		       -- against hscode_in by sql/loaders.sql), so the cast cannot fail
		       CASE WHEN btrim(r.k) ~ '^[0-9]{5,6}$' AND left(lpad(btrim(r.k), 6, '0'), 2) <> '00'
		            THEN lpad(btrim(r.k), 6, '0')::@extschema@.hscode END AS product,
		       CASE WHEN btrim(r.t) ~ '^[0-9]{4}$' THEN btrim(r.t)::int END AS year,
		       CASE WHEN btrim(r.i) ~ '^[0-9]{1,4}$' THEN btrim(r.i)::int END AS exporter_code,
		       CASE WHEN btrim(r.j) ~ '^[0-9]{1,4}$' THEN btrim(r.j)::int END AS importer_code,
		       @extschema@.decimal_or_null(r.v) AS v, btrim(r.q) AS q_text, @extschema@.decimal_or_null(r.q) AS q
		-- OFFSET 0: each conversion is computed once per row (inlined into the
		-- query below, decimal_or_null would run again at every use of v and q)
		FROM pg_temp.baci_raw r OFFSET 0),
	ref AS (SELECT country, baci, is_aggregate FROM @extschema@.country_reference() WHERE baci IS NOT NULL)
	SELECT raw.staged_at, raw.year,
	       ex.country AS exporter, im.country AS importer,
	       coalesce(ex.is_aggregate, false) OR coalesce(im.is_aggregate, false) AS aggregate,
	       raw.product,
	       -- BACI units: v in thousands of US dollars (FOB), q in metric tons
	       -- (times 1000 only below 1.797e305: float8 multiplication overflows with an error)
	       CASE WHEN raw.v < 1.7976931348623157e305 THEN raw.v * 1000 END AS value_usd,
	       CASE WHEN raw.q < 1.7976931348623157e305 THEN raw.q * 1000 END AS net_weight_kg,
	       CASE
	           WHEN raw.year IS NULL THEN format('year "%s" is not a year', raw.t)
	           WHEN ex.country IS NULL THEN format('unknown BACI exporter code "%s"', raw.i)
	           WHEN im.country IS NULL THEN format('unknown BACI importer code "%s"', raw.j)
	           WHEN raw.product IS NULL THEN format('malformed HS code "%s" (BACI uses six digits, five for chapters 01-09)', raw.k_as_staged)
	           WHEN raw.v IS NULL THEN format('no trade value in range ("%s")', raw.v_as_staged)
	           WHEN raw.v < 0 THEN format('negative trade value %s', raw.v)
	           WHEN raw.q < 0 THEN format('negative quantity %s', raw.q)
	           WHEN raw.q IS NULL AND raw.q_text IS DISTINCT FROM 'NA' AND raw.q_text <> ''
	               THEN format('quantity "%s" is not a number in range', raw.q_text)
	           WHEN raw.v >= 1.7976931348623157e305 OR raw.q >= 1.7976931348623157e305 THEN 'a value out of range'
	       END AS reason
	FROM raw
	LEFT JOIN ref ex ON ex.baci = raw.exporter_code
	LEFT JOIN ref im ON im.baci = raw.importer_code;

	-- A BACI flow is stored as the exporter's export to the importer, FOB.
	-- Rows of a year no BACI file was loaded for cannot meet a stored key
	-- (other loads wait for this one: begin_load), so they go in by a plain
	-- INSERT, as fast as the key and indexes allow; otherwise by the upsert,
	-- which updates what changed and leaves the rest as it is.
	SELECT NOT EXISTS (SELECT FROM @extschema@.trade_flow f
	                   WHERE f.flow = 'X' AND f.source = 'baci'
	                     AND f.year IN (SELECT DISTINCT year FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL))
	INTO new_years;
	-- The same natural key twice in one file: rows after the first in file
	-- order (staged_at) are refused.  A BACI file has none, so the rows are
	-- sorted into file order only when a duplicate shows: for the plain
	-- INSERT, when the table's unique key refuses one (the attempt is undone);
	-- for the upsert and the aggregates, when a hash over the keys finds one.
	FOR attempt IN 1..2 LOOP
		IF attempt = 2 OR EXISTS (SELECT FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND (aggregate OR NOT new_years)
		                          GROUP BY exporter, importer, product, year HAVING count(*) > 1) THEN
			UPDATE pg_temp.rareearth_baci_rows m
			SET reason = 'duplicate of an earlier row for the same exporter, importer, product and year'
			FROM (SELECT ctid, row_number() OVER (PARTITION BY exporter, importer, product, year ORDER BY staged_at) AS n
			      FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL) d
			WHERE m.ctid = d.ctid AND d.n > 1;
		END IF;
		BEGIN
			EXECUTE 'INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
				valuation, source, release, synthetic)
			SELECT year, NULL, exporter, importer, ''X'', product, net_weight_kg, value_usd, ''FOB'', ''baci'', $1, $2
			FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND NOT aggregate'
			|| CASE WHEN NOT new_years THEN '
			ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
				SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
				    synthetic = excluded.synthetic
				WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic)
				      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic)' ELSE '' END
			USING load_baci.release, load_baci.synthetic;
			EXIT;
		EXCEPTION WHEN unique_violation THEN
			IF attempt = 2 OR NOT new_years THEN
				RAISE;
			END IF;
		END;
	END LOOP;

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

	-- the refused rows' records, read again from the staging table by their place in it
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT m.reason, to_jsonb(r) AS record, NULL::text AS severity, NULL::int AS line
	FROM pg_temp.rareearth_baci_rows m JOIN pg_temp.baci_raw r ON r.ctid = m.staged_at
	WHERE m.reason IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('baci'::text, load_baci.release, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_baci_rows;
	TRUNCATE pg_temp.baci_raw;
	DROP TABLE pg_temp.rareearth_baci_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_baci(text, bool) IS
	'moves this session''s staging table pg_temp.baci_raw (CEPII BACI t,i,j,k,v,q, see stage) into trade_flow as the exporter''s FOB exports to the importer: v thousands of USD x 1000 -> USD, q tonnes x 1000 -> kg, country codes by their BACI codes, k of five digits read with its leading zero (10121 = 0101.21); returns (rows loaded, rows rejected, rows set aside as aggregates); refused rows go to load_rejects with the reason; loading twice changes nothing; loads run one at a time; empties the staging table; synthetic marks generated test data';
-- ---------------------------------------------------------------------------
-- The USGS MCS data releases into production and reserves (the world tables
-- of every chapter) and capacity: one path for every layout
-- ---------------------------------------------------------------------------
-- usgs_mcs_country(name): a country name as the MCS files print it.  Seen in
-- the MCS2023/MCS2024 per-commodity world files (data/usgs/mcs2023, mcs2024)
-- and the MCS2026 long table: glued footnote numbers ("China6", "World total
-- (rounded)10"), a glued estimate mark e ("Argentinae", "Korea, Republic ofe";
-- the PDF prints it as a superscript e), a kind in parentheses or after a
-- comma ("Brazil (beneficiated)", "Argentina, crude ore"), world totals with
-- their kind ("World total (ilmenite, rounded)", "World total, natural"),
-- "Other countries" and "Other", no-break spaces.  The name is tried as
-- printed (without footnote numbers) first, so "Korea, Republic of" and
-- "Congo (Kinshasa)" keep their comma and parentheses.
CREATE FUNCTION @extschema@.usgs_mcs_country(name text, OUT country @extschema@.country, OUT estimated bool) RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH n AS (
		SELECT btrim(regexp_replace(btrim(replace(name, U&'\00A0', ' ')), '([^0-9 ])[0-9]{1,2}$', '\1')) AS printed),
	tries AS (
		SELECT t.candidate, t.ord, t.ord > 3 AS estimated
		FROM n, LATERAL (VALUES (n.printed, 1), (regexp_replace(n.printed, '\s*\([^()]*\)$', ''), 2),
		                        (regexp_replace(n.printed, ',[^,]*$', ''), 3),
		                        (CASE WHEN n.printed ~ '[a-z]e$' THEN left(n.printed, -1) END, 4)) t (candidate, ord))
	SELECT CASE WHEN n.printed ~* '^world total' THEN 'WLD'::@extschema@.country
	            WHEN n.printed ~* '^other( countries)?e?($|[ (,])' THEN 'XAN'::@extschema@.country
	            ELSE (SELECT t.candidate::@extschema@.country FROM tries t
	                  WHERE t.candidate <> '' AND @extschema@.is_valid_country(t.candidate) ORDER BY t.ord LIMIT 1) END,
	       CASE WHEN n.printed ~* '^world total' THEN false
	            WHEN n.printed ~* '^other( countries)?e?($|[ (,])' THEN n.printed ~* '^other( countries)?e($|[ (,])'
	            ELSE coalesce((SELECT t.estimated FROM tries t
	                           WHERE t.candidate <> '' AND @extschema@.is_valid_country(t.candidate) ORDER BY t.ord LIMIT 1), false) END
	FROM n;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_country(text) IS
	'a country name as the USGS MCS files print it into (country, estimated): footnote numbers glued on dropped, a glued estimate mark e read as estimated (Argentinae), a kind in parentheses or after a comma dropped when the rest is a country (Brazil (beneficiated), Argentina, crude ore), World total ... = WLD, Other countries = XAN; country NULL when no country is named (e.g. United States and Canada)';

-- usgs_mcs_statistic_name(statistics, detail): the name a US salient
-- statistic of the MCS2026 long table is stored under in published_statistic:
-- its Statistics_detail in snake case (lower case, every run of other
-- characters one underscore, % as percent, apostrophes dropped), so
-- "Production: Mineral concentrates" is production_mineral_concentrates and
-- "Imports for consumption" imports_for_consumption.  Net import reliance
-- takes the names the per-commodity salient files of MCS2023/MCS2024 get
-- (NIR_pct, NIR_Compounds-Metals_pct: see load_usgs_mcs_file) and the views
-- read: "Net import reliance as a percentage of apparent consumption" is
-- net_import_reliance, with what follows or precedes it appended
-- (": Compounds and metals" -> net_import_reliance_compounds_and_metals,
-- "Granite only: ... (based on value)" -> net_import_reliance_granite_only_based_on_value);
-- a basis other than apparent consumption is kept in the name
-- (net_import_reliance_of_estimated_consumption); a Net import reliance row
-- whose detail is a sentence ("The United States was 100% net import
-- reliant for its cesium needs") is net_import_reliance.  The long table
-- misspells "relianceas" twice; it is read as "reliance as".
CREATE FUNCTION @extschema@.usgs_mcs_statistic_name(statistics text, detail text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH d AS (
		SELECT lower(btrim(regexp_replace(replace(coalesce(detail, ''), U&'\00A0', ' '), 'relianceas', 'reliance as', 'gi'))) AS d),
	m AS (
		SELECT d.d, regexp_match(d.d, '^(.*?)net import reliance as a percentage of (.*?) ?consumption(.*)$') AS p FROM d)
	SELECT CASE WHEN btrim(statistics) ~* '^net import reliance$' AND m.p IS NULL THEN 'net_import_reliance'
	            ELSE btrim(regexp_replace(replace(regexp_replace(
	                     CASE WHEN m.p IS NULL THEN m.d
	                          ELSE 'net import reliance '
	                               || CASE WHEN m.p[2] = 'apparent' THEN '' ELSE 'of ' || m.p[2] || ' consumption ' END
	                               || m.p[1] || ' ' || m.p[3] END,
	                     U&'[''\2019]', '', 'g'), '%', ' percent'), '[^a-z0-9]+', '_', 'g'), '_') END
	FROM m;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_statistic_name(text, text) IS
	'the published_statistic name of a US salient statistic of the MCS2026 long table, from its Statistics and Statistics_detail: the detail in snake case (Production: Mineral concentrates -> production_mineral_concentrates), net import reliance as net_import_reliance[_<what the detail adds>] (Net import reliance as a percentage of apparent consumption: Compounds and metals -> net_import_reliance_compounds_and_metals), the names the MCS2023/MCS2024 salient files get; a basis other than apparent consumption kept (net_import_reliance_of_estimated_consumption)';

-- usgs_mcs_load_rows(edition, source, commodity): what the loaders share.  It
-- reads this session's pg_temp.rareearth_mcs_long (the rows of one file in
-- the long layout of the MCS2026 release, as filled by load_usgs_mcs and
-- load_usgs_mcs_file), writes production, reserves and published_statistic
-- (capacity, and the US salient statistics of every commodity),
-- and leaves pg_temp.rareearth_mcs_rows: one row per long row with its
-- refusal reason (NULL when loaded) or why it was left out (out_of_scope:
-- another table, commodity not selected).
CREATE FUNCTION @extschema@.usgs_mcs_load_rows(edition text, source text, commodity text[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	cover_year int;
BEGIN
	IF usgs_mcs_load_rows.edition IS NULL OR usgs_mcs_load_rows.edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('invalid USGS MCS edition "%s"', usgs_mcs_load_rows.edition),
			HINT = 'Name the edition MCS followed by its cover year, e.g. MCS2026.';
	END IF;
	cover_year := substr(usgs_mcs_load_rows.edition, 4)::int;

	-- every staged row, classified once: in scope or not, and why it is refused.
	-- In scope: the world tables of every chapter (Section "World ..."),
	-- statistics Production, Reserves and Capacity.  The commodity is the row's
	-- (MCS chapter, Commodity) in commodities; a detail naming a kind
	-- ("Mine production: Bentonite", "Reserves: Cr2O3 content") is a series
	-- of its own ("clays: bentonite") when the file prints a world total for
	-- it, else a country's form of the commodity's main series (kept in detail);
	-- so is a production detail that names a product (Raw steel, Silicon metal).
	-- A per-commodity file gives the kind itself (given_kind, see
	-- load_usgs_mcs_file); it names a series only where the file prints
	-- several kinds of one statistic and stage.
	-- Quantities are converted into the commodity's canonical unit
	-- (commodities.unit; the printed unit is kept in published_unit).
	-- The US salient statistics (Section "Salient Statistics, United States":
	-- production, imports, exports, consumption, prices, stocks, employment,
	-- net import reliance) are figures of published_statistic as printed:
	-- value and unit as printed (metric tons, dollars per kilogram, percent,
	-- ...; no conversion), statistic named by usgs_mcs_statistic_name, the
	-- qualifier by parse_usgs_value's reading of the USGS legend (>, <, W,
	-- NA, E only for net import reliance) and estimated when the cell or its
	-- notes ("Estimated.") say so; a negative figure is kept as printed
	-- (stock releases).  The commodity is the row's (MCS chapter, Commodity)
	-- in commodities (the name compared without case: "Iron And Steel
	-- Scrap"); a Commodity that names no commodity of the chapter, such as an
	-- element of a price row ("Cerium" in RARE EARTHS, "Iridium" in
	-- PLATINUM-GROUP METALS, "Hafnium" in ZIRCONIUM AND HAFNIUM), is the
	-- chapter's commodity when the chapter has one, else the commodity named
	-- as the chapter (platinum-group metals), else the row is refused with
	-- the chapter's commodities named ("Argon" in HELIUM AND RARE GASES).
	-- Such a row's statistic ends in its Commodity (in snake case) unless
	-- the name has it already: DIAMOND (INDUSTRIAL) prints two tables,
	-- "Diamond (Bort, grit, ...)" and "Diamond (Stones, ...)", under the same
	-- details (net_import_reliance_diamond_stones_natural_and_synthetic),
	-- while "Price ...: Cerium oxide" of Commodity "Cerium" stays as it is.
	-- Rows that still name the same statistic and year twice (MICA (NATURAL)
	-- prints its sheet-mica table under the same Commodity and details as
	-- scrap and flake) are refused after the first, as duplicates.
	CREATE TEMP TABLE rareearth_mcs_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ord, r.line, r.record, btrim(replace(r.country_name, U&'\00A0', ' ')) AS country_name,
		       r.chapter, r.usgs_name, r.section, r.statistic,
		       regexp_replace(btrim(replace(r.detail, U&'\00A0', ' ')), '(: |, )rounded$', '') AS detail,
		       btrim(r.published_unit) AS published_unit,
		       btrim(r.year_text) AS year_text, r.cell, r.notes, r.kind_given, r.given_kind
		FROM pg_temp.rareearth_mcs_long r
		WHERE r.section LIKE 'World%' AND r.statistic IN ('Production', 'Reserves', 'Capacity')),
	staged AS (
		SELECT raw.*,
		       CASE WHEN raw.statistic = 'Reserves' THEN NULL
		            WHEN raw.usgs_name = 'Alumina' THEN 'separation'
		            WHEN raw.detail ~* 'mine production|mineral concentrates' THEN 'mining'
		            WHEN raw.detail ~* 'refinery|smelter|primary production|sponge metal|silicon metal|ferrosilicon|pig iron|raw steel' THEN 'metal'
		            WHEN raw.section ~* 'mine' THEN 'mining'
		            ELSE 'product' END::@extschema@.supply_stage AS stage
		FROM raw),
	ranked AS (
		-- how many kinds a per-commodity file prints for one statistic and stage
		SELECT st.*, dense_rank() OVER (PARTITION BY st.chapter, st.usgs_name, st.statistic, st.stage ORDER BY st.given_kind) AS kind_rank
		FROM staged st),
	kinds AS (
		SELECT st.*,
		       CASE WHEN st.kind_given THEN
		                 CASE WHEN max(st.kind_rank) OVER (PARTITION BY st.chapter, st.usgs_name, st.statistic, st.stage) > 1 THEN st.given_kind END
		            WHEN st.statistic = 'Production' AND st.detail !~* 'production' THEN lower(st.detail)  -- Pig iron, Raw steel, Ferrosilicon, Silicon metal
		            WHEN st.detail ~ '^Mica \(' THEN lower(substring(st.detail FROM '^Mica \(([^)]*)\)'))
		            ELSE nullif(nullif(lower(coalesce(substring(st.detail FROM ': (.*)$'), substring(st.detail FROM '—(.*)$'))),
		                               lower(st.usgs_name)), 'all forms') END AS kind
		FROM ranked st),
	series AS (
		SELECT k.*,
		       CASE WHEN bool_or(k.country_name ~* '^world total')
		                 OVER (PARTITION BY k.chapter, k.usgs_name, k.statistic, k.kind) THEN k.kind END AS series_kind
		FROM kinds k),
	checked AS (
		SELECT s.*, c.name || coalesce(': ' || s.series_kind, '') AS commodity, c.unit,
		       @extschema@.usgs_unit_factor(s.published_unit, c.unit) AS factor,
		       c.name IS NULL AS unknown_commodity,
		       CASE WHEN usgs_mcs_load_rows.commodity IS NOT NULL AND NOT c.name = ANY (usgs_mcs_load_rows.commodity)
		            THEN 'commodity not selected' END AS out_of_scope,
		       n.country, coalesce(n.estimated, false) AS name_estimated,
		       CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM series s
		LEFT JOIN @extschema@.commodities c ON c.usgs_chapter = s.chapter AND c.usgs_name = s.usgs_name
		LEFT JOIN LATERAL @extschema@.usgs_mcs_country(s.country_name) n ON true),
	parsed AS (
		SELECT c.*, p.value * c.factor AS value, p.qualifier AS printed_qualifier, p.estimated
		FROM checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true),
	salient AS (
		SELECT r.ord, r.line, r.record, btrim(replace(r.country_name, U&'\00A0', ' ')) AS country_name,
		       btrim(r.chapter) AS chapter, btrim(replace(r.usgs_name, U&'\00A0', ' ')) AS usgs_name,
		       coalesce(r.statistic ~* '^\s*net import reliance\s*$', false) AS nir,
		       @extschema@.usgs_mcs_statistic_name(r.statistic, r.detail) AS name,
		       coalesce(nullif(btrim(replace(r.published_unit, U&'\00A0', ' ')), ''), 'not printed') AS published_unit,
		       btrim(r.year_text) AS year_text, r.cell, coalesce(r.notes, '') ~ '^\s*Estimated\.' AS notes_estimated
		FROM pg_temp.rareearth_mcs_long r
		WHERE btrim(r.section) LIKE 'Salient Statistics%'),
	salient_checked AS (
		SELECT s.ord, s.line, s.record, s.country_name, s.chapter, s.usgs_name, s.nir, s.published_unit, s.year_text, s.cell,
		       s.notes_estimated, m.name AS commodity,
		       -- a row named after a part of its commodity (Diamond (Stones, ...),
		       -- Industrial cultured quartz crystal) says which part in its name
		       CASE WHEN m.exact OR strpos(s.name, k.part) > 0 THEN s.name ELSE s.name || '_' || k.part END AS name,
		       (SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter) AS chapter_commodities,
		       CASE WHEN usgs_mcs_load_rows.commodity IS NOT NULL
		             AND NOT EXISTS (SELECT FROM @extschema@.commodities c
		                             WHERE c.usgs_chapter = s.chapter AND c.name = ANY (usgs_mcs_load_rows.commodity)
		                               AND (m.name IS NULL OR c.name = m.name))
		            THEN 'commodity not selected' END AS out_of_scope,
		       n.country, CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM salient s
		LEFT JOIN LATERAL (
			SELECT e.name IS NOT NULL AS exact,
			       coalesce(e.name,
			           (SELECT min(c.name) FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter HAVING count(*) = 1),
			           (SELECT c.name FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter AND lower(c.usgs_name) = lower(s.chapter))) AS name
			FROM (SELECT (SELECT c.name FROM @extschema@.commodities c
			              WHERE c.usgs_chapter = s.chapter AND lower(c.usgs_name) = lower(s.usgs_name)) AS name) e) m ON true
		CROSS JOIN LATERAL (SELECT @extschema@.usgs_mcs_statistic_name(NULL, s.usgs_name) AS part) k
		LEFT JOIN LATERAL @extschema@.usgs_mcs_country(s.country_name) n ON true),
	salient_parsed AS (
		SELECT c.*, p.value, p.qualifier AS printed_qualifier, coalesce(p.estimated, false) OR c.notes_estimated AS estimated
		FROM salient_checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true)
	SELECT p.ord, p.line, p.record, p.statistic, p.country, p.year, p.value, p.commodity, p.stage, p.unit,
	       p.published_unit, p.detail, p.out_of_scope,
	       -- a bound or code as printed; otherwise e when the cell, its notes or the country name say so
	       coalesce(p.printed_qualifier,
	                CASE WHEN p.estimated OR p.notes LIKE 'Estimated.%' OR p.name_estimated THEN 'e' END) AS qualifier,
	       CASE
	           WHEN p.unknown_commodity THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.out_of_scope IS NOT NULL THEN NULL
	           WHEN p.country IS NULL AND p.country_name ~ ' and ' THEN format('countries reported together ("%s")', p.country_name)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.factor IS NULL THEN format('unit "%s" cannot be converted to %s, the unit of %s', p.published_unit, p.unit, p.commodity)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' THEN 'value E (net exporter) outside a net import reliance row'
	           WHEN p.value < 0 THEN format('negative quantity %s', p.value)
	       END AS reason,
	       NULL::bool AS estimated
	FROM parsed p
	UNION ALL
	-- the US salient statistics: statistic 'Salient', the published_statistic
	-- name in detail, the unit as printed
	SELECT p.ord, p.line, p.record, 'Salient', p.country, p.year, p.value, p.commodity, NULL, p.published_unit,
	       p.published_unit, p.name, p.out_of_scope,
	       coalesce(p.printed_qualifier, CASE WHEN p.estimated THEN 'e' END),
	       CASE
	           WHEN p.out_of_scope IS NOT NULL THEN NULL
	           WHEN p.commodity IS NULL AND p.chapter_commodities IS NULL
	                THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.commodity IS NULL
	                THEN format('commodity "%s" of chapter "%s" is none of the chapter''s commodities (%s), and the chapter has several',
	                            p.usgs_name, p.chapter, p.chapter_commodities)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' AND NOT p.nir THEN 'value E (net exporter) outside a net import reliance row'
	       END,
	       p.estimated
	FROM salient_parsed p
	UNION ALL
	-- the rows of other tables, with why they are not loaded
	SELECT r.ord, r.line, r.record, r.statistic, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	       CASE WHEN r.section LIKE 'World%' THEN format('statistic "%s" is not loaded (only Production, Reserves, Capacity)', r.statistic)
	            ELSE format('not a world table (section "%s")', r.section) END,
	       NULL, NULL, NULL
	FROM pg_temp.rareearth_mcs_long r
	WHERE NOT (r.section LIKE 'World%' AND r.statistic IN ('Production', 'Reserves', 'Capacity'))
	  AND NOT coalesce(btrim(r.section) LIKE 'Salient Statistics%', false);

	-- the file must be the edition it is loaded as: MCSyyyy reports the years
	-- yyyy-2 and yyyy-1 (production) and reserves as of yyyy-1; anything else
	-- is an error that loads nothing (MCS2026's figures stored as MCS2019
	-- would be silently wrong)
	-- (a reserves row may quote an older national estimate: MCS2026 gives
	-- Australia's scandium reserves as of 2023, so reserves may be as of up
	-- to three years before the cover year; the salient statistics cover
	-- the five years yyyy-5 to yyyy-1)
	IF EXISTS (SELECT 1 FROM pg_temp.rareearth_mcs_rows m
	           WHERE m.year IS NOT NULL AND m.out_of_scope IS NULL
	             AND CASE WHEN m.statistic = 'Reserves' THEN m.year NOT BETWEEN cover_year - 3 AND cover_year - 1
	                      WHEN m.statistic = 'Salient' THEN m.year NOT BETWEEN cover_year - 5 AND cover_year - 1
	                      ELSE m.year NOT IN (cover_year - 2, cover_year - 1) END) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the staged file reports the years %s to %s, not those of %s (%s and %s)',
				(SELECT min(m.year) FROM pg_temp.rareearth_mcs_rows m), (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m),
				usgs_mcs_load_rows.edition, cover_year - 2, cover_year - 1),
			HINT = format('Load it as MCS%s.', (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m) + 1);
	END IF;

	-- the same key twice in one file: rows after the first in file order are refused, not merged
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = 'duplicate of an earlier row for the same commodity, country, year and statistic'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY statistic, commodity, stage, country,
	                                                       CASE WHEN statistic <> 'Reserves' THEN year END,
	                                                       CASE WHEN statistic IN ('Capacity', 'Salient') THEN detail END
	                                     ORDER BY ord) AS n
	      FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.production AS t (country, year, commodity, stage, quantity_t, qualifier, series, edition, source,
	                                         unit, published_unit, detail)
	SELECT country, year, commodity, stage, value, qualifier, 'MCS', usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source,
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic = 'Production'
	ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
		SET quantity_t = excluded.quantity_t, qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.quantity_t, excluded.qualifier, excluded.source, excluded.unit, excluded.published_unit, excluded.detail);

	-- an edition's reserves are as of the year in its Year column (its cover year minus one)
	INSERT INTO @extschema@.reserves AS t (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source,
	                                       unit, published_unit, detail)
	SELECT country, commodity, year, value, qualifier, 'MCS', usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source,
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic = 'Reserves'
	ON CONFLICT (country, commodity, edition) DO UPDATE
		SET as_of_year = excluded.as_of_year, quantity_t = excluded.quantity_t,
		    qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.as_of_year, t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.as_of_year, excluded.quantity_t, excluded.qualifier, excluded.source,
		                        excluded.unit, excluded.published_unit, excluded.detail);

	-- capacity is no production: the printed figures go to published_statistic
	-- (statistic "capacity: <detail as printed>", in the commodity's unit);
	-- so do the US salient statistics, as printed (the unit as printed)
	INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
	SELECT country, commodity, CASE WHEN statistic = 'Capacity' THEN 'capacity: ' || lower(detail) ELSE detail END, year, value, unit,
	       qualifier, coalesce(estimated, qualifier = 'e', false), usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic IN ('Capacity', 'Salient')
	ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
		SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
		    estimated = excluded.estimated, source = excluded.source
		WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
		      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);
END
$fn$;
COMMENT ON FUNCTION @extschema@.usgs_mcs_load_rows(text, text, text[]) IS
	'loader helper shared by load_usgs_mcs and load_usgs_mcs_file: moves the world tables (Production, Reserves, Capacity) of this session''s pg_temp.rareearth_mcs_long (one file in the long layout of the MCS2026 release) into production, reserves and published_statistic, and its US salient statistics (Section Salient Statistics...) into published_statistic as printed (statistic named by usgs_mcs_statistic_name, unit as printed; a Commodity that is an element or part of its chapter''s commodity is that commodity, or refused when the chapter has several), under the edition, with source as the rows'' source, only the commodities named (NULL: all); leaves each row''s outcome in pg_temp.rareearth_mcs_rows (reason NULL and out_of_scope NULL = loaded; out_of_scope = left out: another table, commodity not selected); the years must be the edition''s (salient statistics: the five years before the cover year), else an error that loads nothing';

-- load_usgs_mcs(edition): the rows staged with \copy into pg_temp.usgs_mcs_raw
-- (the MCS2026 long table, see stage)
CREATE FUNCTION @extschema@.load_usgs_mcs(edition text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	-- usgs_mcs_load_rows checks the edition
	PERFORM @extschema@.begin_load('usgs_mcs'::text);
	CREATE TEMP TABLE rareearth_mcs_long ON COMMIT DROP AS
	SELECT row_number() OVER (ORDER BY r.ctid) AS ord, NULL::int AS line, to_jsonb(r) AS record,
	       r."MCS chapter" AS chapter, r."Commodity" AS usgs_name, r."Section" AS section, r."Country" AS country_name,
	       r."Statistics" AS statistic, r."Statistics_detail" AS detail, r."Unit" AS published_unit,
	       r."Year" AS year_text, r."Value" AS cell, r."Notes" AS notes, false AS kind_given, NULL::text AS given_kind
	FROM pg_temp.usgs_mcs_raw r;
	PERFORM @extschema@.usgs_mcs_load_rows(load_usgs_mcs.edition,
		format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition), NULL::text[]);

	-- refused rows, and the rows of other tables (severity out_of_scope)
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT coalesce(reason, out_of_scope) AS reason, record,
	       CASE WHEN reason IS NULL THEN 'out_of_scope' END AS severity, NULL::int AS line
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NOT NULL OR out_of_scope IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('usgs_mcs'::text, load_usgs_mcs.edition, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND out_of_scope IS NULL), count(*) FILTER (WHERE reason IS NOT NULL)
	INTO rows_loaded, rows_rejected FROM pg_temp.rareearth_mcs_rows;
	SELECT count(*) - rows_loaded - rows_rejected INTO rows_out_of_scope FROM pg_temp.usgs_mcs_raw;
	TRUNCATE pg_temp.usgs_mcs_raw;
	DROP TABLE pg_temp.rareearth_mcs_rows, pg_temp.rareearth_mcs_long;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs(text) IS
	'moves the world tables of every commodity (Section World ..., statistics Production, Reserves, Capacity; their years must be the edition''s: MCSyyyy reports yyyy-2 and yyyy-1, reserves as of yyyy-3 to yyyy-1, else an error that loads nothing) and the US salient statistics of every commodity (production, imports, exports, consumption, prices, stocks, employment, net import reliance of yyyy-5 to yyyy-1, as printed, named by usgs_mcs_statistic_name) of this session''s staging table pg_temp.usgs_mcs_raw (the MCS data-release CSV, see stage) into production, reserves and (capacity, salient statistics) published_statistic under the given edition (e.g. MCS2026), values parsed by parse_usgs_value and converted into the commodity''s canonical unit (commodities.unit; the printed unit kept in published_unit); refused rows go to load_rejects with the reason; other sections are counted as out of scope and filed there too (severity out_of_scope); empties the staging table; loads run one at a time; loading the same file twice changes nothing (load_usgs_mcs_file reads a downloaded file of any MCS layout without \copy)';
-- ---------------------------------------------------------------------------
-- create_store_views(): the reporting views over the store's tables
-- ---------------------------------------------------------------------------
-- create_store() calls it once; an update whose views changed calls it again
-- (0.1.0 -> 0.2.0 does).  Views are (re)defined with CREATE OR REPLACE, so a
-- user's views and materialized views over them survive an update: a new
-- version only appends columns, never renames, retypes or removes one.  The
-- views belong to the store's owner, like its tables.
-- The two stages USGS reports net import reliance for (MCS salient
-- statistics): "mineral concentrates" and "compounds and metals".  Magnets
-- and other products belong to neither.
CREATE FUNCTION @extschema@.reliance_stage(code @extschema@.hscode) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN CASE WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage THEN 'mineral concentrates'
            WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) ANY (ARRAY['separation', 'metal']::@extschema@.supply_stage[])
                 THEN 'compounds and metals' END;
COMMENT ON FUNCTION @extschema@.reliance_stage(@extschema@.hscode) IS 'the USGS net-import-reliance stage of an HS code: ''mineral concentrates'' (mining stage) or ''compounds and metals'' (separation and metal stages); NULL for magnets, products and codes outside the catalogue';

CREATE FUNCTION @extschema@.create_store_views() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $views$
BEGIN
	-- Published corrections: USGS revises a posted edition (MCS2026 version
	-- 1.3: rare-earth reserves of Brazil 21,000,000 -> 11,000,000 t, World
	-- >85,000,000 -> >75,000,000) without reissuing its data release.  The
	-- *_corrected views are the stored rows with the latest version's
	-- correction of each cell applied where the stored value differs from it;
	-- corrected_in names the version, value_as_loaded keeps what was loaded.
	-- Every reporting view reads through them.
	CREATE OR REPLACE VIEW @extschema@.production_corrected AS
	SELECT p.country, p.year, p.commodity, p.stage,
	       CASE WHEN c.edition IS NULL THEN p.quantity_t ELSE c.new_value END AS quantity_t,
	       CASE WHEN c.edition IS NULL THEN p.qualifier ELSE c.new_qualifier END AS qualifier,
	       p.series, p.edition, p.source,
	       CASE WHEN c.edition IS NOT NULL THEN c.edition OPERATOR(pg_catalog.||) ' version ' OPERATOR(pg_catalog.||) c.version END AS corrected_in,
	       CASE WHEN c.edition IS NOT NULL THEN p.quantity_t END AS value_as_loaded,
	       p.unit
	FROM @extschema@.production p
	LEFT JOIN LATERAL (
		SELECT k.edition, k.version, k.new_value, k.new_qualifier FROM @extschema@.published_correction k
		WHERE k.edition OPERATOR(pg_catalog.=) p.edition AND k.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND k.country OPERATOR(@extschema@.=) p.country AND k.statistic OPERATOR(pg_catalog.=) 'Production'
		  AND k.year OPERATOR(pg_catalog.=) p.year
		ORDER BY pg_catalog.string_to_array(k.version, '.')::int[] DESC LIMIT 1) c
	  ON (c.new_value, c.new_qualifier) IS DISTINCT FROM (p.quantity_t, p.qualifier);
	COMMENT ON VIEW @extschema@.production_corrected IS 'production as stored, with the latest published correction of each cell applied (published_correction); corrected_in names the edition and version, value_as_loaded the stored value it replaces; unit the unit of quantity_t (the commodity''s canonical unit: t, kg, ...)';

	CREATE OR REPLACE VIEW @extschema@.reserves_corrected AS
	SELECT r.country, r.commodity, r.as_of_year,
	       CASE WHEN c.edition IS NULL THEN r.quantity_t ELSE c.new_value END AS quantity_t,
	       CASE WHEN c.edition IS NULL THEN r.qualifier ELSE c.new_qualifier END AS qualifier,
	       r.series, r.edition, r.source,
	       CASE WHEN c.edition IS NOT NULL THEN c.edition OPERATOR(pg_catalog.||) ' version ' OPERATOR(pg_catalog.||) c.version END AS corrected_in,
	       CASE WHEN c.edition IS NOT NULL THEN r.quantity_t END AS value_as_loaded,
	       r.unit
	FROM @extschema@.reserves r
	LEFT JOIN LATERAL (
		SELECT k.edition, k.version, k.new_value, k.new_qualifier FROM @extschema@.published_correction k
		WHERE k.edition OPERATOR(pg_catalog.=) r.edition AND k.commodity OPERATOR(pg_catalog.=) r.commodity
		  AND k.country OPERATOR(@extschema@.=) r.country AND k.statistic OPERATOR(pg_catalog.=) 'Reserves'
		  AND k.year IS NOT DISTINCT FROM r.as_of_year
		ORDER BY pg_catalog.string_to_array(k.version, '.')::int[] DESC LIMIT 1) c
	  ON (c.new_value, c.new_qualifier) IS DISTINCT FROM (r.quantity_t, r.qualifier);
	COMMENT ON VIEW @extschema@.reserves_corrected IS 'reserves as stored, with the latest published correction of each cell applied (published_correction); corrected_in names the edition and version, value_as_loaded the stored value it replaces; unit the unit of quantity_t';

	-- One edition per year: for each (year, commodity, stage) every row comes
	-- from the latest MCS edition that reports that year, so a year's table
	-- never mixes editions (MCS2024's 2022 with MCS2023's Burundi).  The
	-- printed world total (WLD) is not a supplier: it is in
	-- production_world_total, where an aggregation over countries cannot
	-- pick it up.
	CREATE OR REPLACE VIEW @extschema@.production_latest AS
	SELECT country, year, commodity, stage, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT p.*, pg_catalog.max(p.edition) OVER (PARTITION BY p.year, p.commodity, p.stage) AS year_edition
	      FROM @extschema@.production_corrected p WHERE p.series OPERATOR(pg_catalog.=) 'MCS') p
	WHERE p.edition OPERATOR(pg_catalog.=) p.year_edition AND p.country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.production_latest IS 'USGS MCS production by country (USGS "Other countries" as XAN, one row), every row of a (year, commodity, stage) from the single latest edition that reports that year; the printed world total is in production_world_total; published corrections applied (corrected_in, value_as_loaded); unit of quantity_t (the commodity''s canonical unit)';

	CREATE OR REPLACE VIEW @extschema@.production_world_total AS
	SELECT year, commodity, stage::text AS stage, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT p.*, pg_catalog.max(p.edition) OVER (PARTITION BY p.year, p.commodity, p.stage) AS year_edition
	      FROM @extschema@.production_corrected p WHERE p.series OPERATOR(pg_catalog.=) 'MCS') p
	WHERE p.edition OPERATOR(pg_catalog.=) p.year_edition AND p.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.production_world_total IS 'the printed (rounded) USGS MCS world total of production per year, commodity and stage, from the same edition as production_latest''s rows of that year; the denominator for coverage, never a supplier; unit of quantity_t';

	-- one edition: every country's reserves from the latest MCS edition that
	-- reports reserves of the commodity; the world total apart
	CREATE OR REPLACE VIEW @extschema@.reserves_latest AS
	SELECT country, commodity, as_of_year, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT r.*, pg_catalog.max(r.edition) OVER (PARTITION BY r.commodity) AS latest_edition
	      FROM @extschema@.reserves_corrected r WHERE r.series OPERATOR(pg_catalog.=) 'MCS') r
	WHERE r.edition OPERATOR(pg_catalog.=) r.latest_edition AND r.country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.reserves_latest IS 'USGS MCS reserves by country, every row from the latest edition that reports reserves of the commodity; the printed world total is in reserves_world_total; published corrections applied (corrected_in, value_as_loaded); unit of quantity_t (the commodity''s canonical unit)';

	CREATE OR REPLACE VIEW @extschema@.reserves_world_total AS
	SELECT commodity, as_of_year, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT r.*, pg_catalog.max(r.edition) OVER (PARTITION BY r.commodity) AS latest_edition
	      FROM @extschema@.reserves_corrected r WHERE r.series OPERATOR(pg_catalog.=) 'MCS') r
	WHERE r.edition OPERATOR(pg_catalog.=) r.latest_edition AND r.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.reserves_world_total IS 'the printed USGS MCS world total of reserves per commodity, from the same edition as reserves_latest; unit of quantity_t';

	-- ---------------------------------------------------------------------------
	-- Reporting views for BI tools: plain column types only (float8, int, text,
	-- bool, date, jsonb); countries as ISO 3166-1 alpha-3 text.  Synthetic rows
	-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
	-- ---------------------------------------------------------------------------

	CREATE OR REPLACE VIEW @extschema@.supply_share AS
	WITH p AS (
		SELECT country, year, commodity, stage, quantity_t, qualifier, edition, unit
		FROM @extschema@.production_latest
		WHERE quantity_t IS NOT NULL),
	-- a figure never mixes units: the unit is part of every group and join
	t AS (
		SELECT year, commodity, stage, unit, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3, 4)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.stage::text AS stage,
	       p.quantity_t AS production_t, p.qualifier, p.edition,
	       t.listed_total AS listed_total_t, w.quantity_t AS world_total_t,
	       -- share = q / sum of the listed rows (USGS "Other countries" is one row)
	       CASE WHEN t.listed_total OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) t.listed_total END AS share,
	       -- against the printed (rounded) world total
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) w.quantity_t END AS share_of_world_total,
	       rank() OVER (PARTITION BY p.year, p.commodity, p.stage, p.unit ORDER BY p.quantity_t DESC)::int AS rank,
	       p.unit
	FROM p
	JOIN t USING (year, commodity, stage, unit)
	LEFT JOIN @extschema@.production_world_total w
		ON w.year OPERATOR(pg_catalog.=) p.year
		AND w.commodity OPERATOR(pg_catalog.=) p.commodity AND w.stage OPERATOR(pg_catalog.=) p.stage::text
		AND w.unit OPERATOR(pg_catalog.=) p.unit;
	COMMENT ON VIEW @extschema@.supply_share IS 'production share by country, year, commodity and supply stage (USGS MCS, latest edition; every commodity load_usgs_mcs loads): share = production / sum of the listed rows of the same year, commodity, stage and unit, share_of_world_total = production / printed world total, rank 1 = largest; production_t, listed_total_t and world_total_t are in unit (the commodity''s canonical unit: t, or kg for gallium, germanium, PGMs and rhenium, ...), never mixed';

	-- One rule for residuals: USGS "Other countries" (XAN) is one supplier
	-- here exactly as in hhi(supply_mix(country, quantity_t)) over
	-- production_latest, so the two agree.  hhi_lower / hhi_upper show how far
	-- the residual can move the figure: hhi_bounds of the named countries
	-- against max(printed world total, listed total), the residual and any
	-- gap to the world total treated as uncovered.
	CREATE OR REPLACE VIEW @extschema@.supply_concentration AS
	WITH m AS (
		SELECT year, commodity, stage, unit,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t) AS mix,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t)
		           FILTER (WHERE country OPERATOR(@extschema@.<>) 'XAN'::@extschema@.country) AS named
		FROM @extschema@.production_latest
		GROUP BY year, commodity, stage, unit)
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
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t END AS coverage,
	       (@extschema@.hhi_bounds(m.named, GREATEST(w.quantity_t, @extschema@.total(m.mix)))).lower AS hhi_lower,
	       (@extschema@.hhi_bounds(m.named, GREATEST(w.quantity_t, @extschema@.total(m.mix)))).upper AS hhi_upper,
	       m.unit
	FROM m
	LEFT JOIN @extschema@.production_world_total w
		ON w.year OPERATOR(pg_catalog.=) m.year
		AND w.commodity OPERATOR(pg_catalog.=) m.commodity AND w.stage OPERATOR(pg_catalog.=) m.stage::text
		AND w.unit OPERATOR(pg_catalog.=) m.unit;
	COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year, commodity and supply stage (USGS MCS, one edition per year as in production_latest; every commodity load_usgs_mcs loads; listed_total_t and world_total_t in unit, the commodity''s canonical unit, never mixed): HHI = sum of squared percent shares (US Horizontal Merger Guidelines) with USGS "Other countries" as one supplier (equal to hhi(supply_mix(country, quantity_t)) over production_latest), CR1, CR3, equivalent suppliers 1/H, 2010 class, coverage = listed total / printed world total; hhi_lower, hhi_upper = hhi_bounds of the named countries against max(world total, listed total): the residual and any gap uncovered, spread thin (lower) or held by one supplier (upper)';

	-- Reserves are in the ground: they stand against a commodity's first
	-- stage only (mine production where USGS prints it; for boron, bromine
	-- and helium their only production series; gallium's primary production,
	-- with no reserves, shows NULL), never against refinery output of the
	-- same commodity; and only in the same unit.  Reserves with published
	-- corrections applied, like every view.
	CREATE OR REPLACE VIEW @extschema@.development AS
	WITH first_stage AS (
		SELECT commodity, pg_catalog.min(stage) AS stage FROM @extschema@.production_latest GROUP BY commodity)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.quantity_t AS production_t, p.edition AS production_edition,
	       r.quantity_t AS reserves_t, r.qualifier AS reserves_qualifier, r.edition AS reserves_edition,
	       -- development rate = P / R per year; reserve life = R / P years (NULL for a zero denominator)
	       @extschema@.development_rate(p.quantity_t, r.quantity_t) AS development_rate,
	       @extschema@.reserve_life(r.quantity_t, p.quantity_t) AS reserve_life_years,
	       p.stage::text AS stage, p.unit
	FROM @extschema@.production_latest p
	JOIN first_stage f ON f.commodity OPERATOR(pg_catalog.=) p.commodity AND f.stage OPERATOR(pg_catalog.=) p.stage
	LEFT JOIN LATERAL (
		SELECT quantity_t, qualifier, edition FROM @extschema@.reserves_corrected x
		WHERE x.country OPERATOR(@extschema@.=) p.country AND x.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND x.series OPERATOR(pg_catalog.=) 'MCS' AND x.as_of_year OPERATOR(pg_catalog.=) p.year
		  AND x.unit OPERATOR(pg_catalog.=) p.unit
		ORDER BY x.edition DESC LIMIT 1) r ON true;
	COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition, published corrections applied), for every commodity at its first stored supply stage (stage: mining where USGS prints mine production), production_t and reserves_t in unit (the commodity''s canonical unit, never mixed): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing (e.g. gallium, which has no reserves)';

	CREATE OR REPLACE VIEW @extschema@.target_tracking AS
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
	       @extschema@.trajectory_to_jsonb(a.series) AS actual_series,
	       @extschema@.country_name(g.country) AS country_name
	FROM @extschema@.targets g
	JOIN actual a ON a.country OPERATOR(@extschema@.=) g.country AND a.commodity OPERATOR(pg_catalog.=) g.commodity
	WHERE g.metric OPERATOR(pg_catalog.=) 'production';
	COMMENT ON VIEW @extschema@.target_tracking IS 'stated production targets against USGS actuals (MCS, latest edition), via the trajectory functions: required CAGR = (target/V_last)^(1/years) - 1; trend rate = e^b - 1 of the least-squares fit ln V = a + b year (World Bank); projected value = exp(a + b target_year); on_track; sparkline; actual_series = {year: t}';

	-- Net import reliance by supply stage, as USGS computes it: separately for
	-- mineral concentrates (HS codes of the mining stage, against USGS mine
	-- production) and for compounds and metals (separation and metal stages,
	-- against USGS's printed production of compounds and metals where the
	-- store holds it); magnets and products are in neither.  Trade in t REO
	-- (to_reo of the net weight).  Per HS code and flow, the reporter's
	-- declared World total replaces the partner rows when they do not add up
	-- to it (imports_basis / exports_basis say which was used).  USGS's own
	-- printed reliance (published_statistic, latest edition) stands beside.
	-- USGS MCS formulas via the metrics functions: apparent consumption =
	-- P + M - X, NIR = (M - X) / consumption.
	CREATE OR REPLACE VIEW @extschema@.import_reliance AS
	WITH partner_rows AS (
		SELECT reporter, year, flow, product, pg_catalog.sum(net_weight_kg) AS kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg IS NOT NULL
		GROUP BY reporter, year, flow, product),
	declared AS (
		SELECT reporter, year, flow, product, net_weight_kg AS kg
		FROM @extschema@.trade_reported_total
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg IS NOT NULL
		  AND partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country),
	codes AS (
		SELECT coalesce(p.reporter, d.reporter) AS reporter, coalesce(p.year, d.year) AS year,
		       coalesce(p.flow, d.flow) AS flow, coalesce(p.product, d.product) AS product,
		       (d.kg IS NOT NULL AND (p.kg IS NULL OR pg_catalog.abs(d.kg OPERATOR(pg_catalog.-) p.kg)
		            OPERATOR(pg_catalog.>) (1e-9 OPERATOR(pg_catalog.*) d.kg))) AS use_declared,
		       p.kg AS partner_kg, d.kg AS declared_kg
		FROM partner_rows p FULL JOIN declared d
		  ON d.reporter OPERATOR(@extschema@.=) p.reporter AND d.year OPERATOR(pg_catalog.=) p.year
		 AND d.flow OPERATOR(pg_catalog.=) p.flow AND d.product OPERATOR(@extschema@.=) p.product),
	t AS (
		SELECT reporter AS country, year, @extschema@.reliance_stage(product) AS stage,
		       pg_catalog.sum(@extschema@.to_reo(CASE WHEN use_declared THEN declared_kg ELSE partner_kg END, product)
		                      OPERATOR(pg_catalog./) 1000) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') AS imports_t,
		       pg_catalog.sum(@extschema@.to_reo(CASE WHEN use_declared THEN declared_kg ELSE partner_kg END, product)
		                      OPERATOR(pg_catalog./) 1000) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') AS exports_t,
		       CASE WHEN pg_catalog.bool_and(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows' END AS imports_basis,
		       CASE WHEN pg_catalog.bool_and(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows' END AS exports_basis
		FROM codes WHERE @extschema@.reliance_stage(product) IS NOT NULL
		GROUP BY 1, 2, 3),
	published AS (
		SELECT DISTINCT ON (country, year, statistic) country, year, value, qualifier, edition,
		       CASE statistic WHEN 'net_import_reliance_mineral_concentrates' THEN 'mineral concentrates'
		                      ELSE 'compounds and metals' END AS stage
		FROM @extschema@.published_statistic
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths'
		  AND statistic OPERATOR(pg_catalog.=) ANY (ARRAY['net_import_reliance_mineral_concentrates', 'net_import_reliance_compounds_and_metals'])
		ORDER BY country, year, statistic, edition DESC),
	stage_production AS (
		SELECT country, year, 'mineral concentrates' AS stage, quantity_t
		FROM @extschema@.production_latest
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' AND stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		UNION ALL
		(SELECT DISTINCT ON (country, year) country, year, 'compounds and metals', value
		 FROM @extschema@.published_statistic
		 WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' AND statistic OPERATOR(pg_catalog.=) 'production_compounds_and_metals'
		 ORDER BY country, year, edition DESC)),
	keys AS (
		SELECT country, year, stage FROM t UNION SELECT country, year, stage FROM published),
	r AS (
		SELECT k.country, k.year, k.stage, p.quantity_t AS production_t,
		       -- no stored flows: no figure (never a reliance computed from zero trade)
		       CASE WHEN t.country IS NOT NULL THEN COALESCE(t.imports_t, 0) END AS imports_t,
		       CASE WHEN t.country IS NOT NULL THEN COALESCE(t.exports_t, 0) END AS exports_t,
		       t.imports_basis, t.exports_basis, u.value AS usgs_value, u.qualifier AS usgs_qualifier, u.edition AS usgs_edition
		FROM keys k
		LEFT JOIN t ON t.country OPERATOR(@extschema@.=) k.country AND t.year OPERATOR(pg_catalog.=) k.year
		       AND t.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN stage_production p ON p.country OPERATOR(@extschema@.=) k.country AND p.year OPERATOR(pg_catalog.=) k.year
		       AND p.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN published u ON u.country OPERATOR(@extschema@.=) k.country AND u.year OPERATOR(pg_catalog.=) k.year
		       AND u.stage OPERATOR(pg_catalog.=) k.stage)
	SELECT @extschema@.iso3(r.country) AS country, r.year, r.production_t,
	       r.imports_t AS imports_t_reo, r.exports_t AS exports_t_reo,
	       @extschema@.apparent_consumption(r.production_t, r.imports_t, r.exports_t) AS apparent_consumption_t,
	       @extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t) AS net_import_reliance,
	       @extschema@.nir_label(@extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t)) AS nir_label,
	       @extschema@.country_name(r.country) AS country_name,
	       r.stage, r.imports_basis, r.exports_basis,
	       r.usgs_value AS usgs_net_import_reliance_pct, r.usgs_qualifier, r.usgs_edition,
	       -- the trade side is the rare-earth HS catalogue (hs_catalogue) in t REO:
	       -- no other commodity has a reliance figure here
	       'rare earths'::text AS commodity, 't'::text AS unit
	FROM r;
	COMMENT ON VIEW @extschema@.import_reliance IS 'net import reliance by country, year and supply stage as USGS computes it: mineral concentrates (mining-stage HS codes against USGS mine production) and compounds and metals (separation and metal stages against USGS''s printed production of compounds and metals); trade from stored UN Comtrade flows in t REO (to_reo), the declared World total where partner rows do not add up to it (imports_basis, exports_basis); apparent consumption = P + M - X, NIR = (M - X) / apparent consumption, NULL when consumption <= 0 or a term is unknown, nir_label as USGS prints it; usgs_net_import_reliance_pct, usgs_qualifier (E = net exporter) and usgs_edition: USGS''s own printed figure (published_statistic, latest edition) beside; commodity = rare earths (the trade side is the rare-earth HS catalogue: no other commodity has a reliance figure), unit = t (REO equivalent) of every quantity; synthetic rows excluded';

	-- Imports by partner, three ways (metrics: reconcile, mirror statistics):
	-- 'reporter' = what the importer declares (Comtrade M, CIF); 'mirror' = what
	-- the partner declares as exports to it (Comtrade X, FOB, raised to CIF with
	-- fob_to_cif's IMF factor 1.06); 'reconciled' = the reporter's figure where it
	-- reported, else the mirror.  CEPII BACI rows are BACI's own reconciliation
	-- (FOB) and appear with data_source 'baci'.
	CREATE OR REPLACE VIEW @extschema@.import_dependency AS
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
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	-- what the HS catalogue says of each product, looked up once per product
	-- (a catalogue lookup per row made the view 150 times slower than a
	-- plain GROUP BY over the same flows: issue 21)
	products AS MATERIALIZED (
		SELECT d.product, @extschema@.hs_stage(d.product) AS stage, @extschema@.reliance_stage(d.product) AS reliance_stage,
		       @extschema@.reo_content(d.product, 'central') AS reo_content
		FROM (SELECT DISTINCT f.product FROM @extschema@.trade_flow f) d)
	SELECT @extschema@.iso3(r.reporter) AS reporter, r.year, p.stage::text AS stage,
	       r.product::text AS hs_code, @extschema@.iso3(r.partner) AS partner, r.data_source,
	       r.imports_usd,
	       -- share of the reporter's imports of that product, year and data source
	       CASE WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) pg_catalog.sum(r.imports_usd) OVER w END AS share_of_imports,
	       -- to_reo(kg, product) = kg * reo_content(product)
	       r.imports_kg OPERATOR(pg_catalog.*) p.reo_content OPERATOR(pg_catalog./) 1000 AS imports_t_reo,
	       ir.apparent_consumption_t,
	       -- the share of the reporter's need met by this partner (USGS-style
	       -- apparent consumption from import_reliance; NULL where it is <= 0
	       -- or unknown)
	       @extschema@.partner_dependency(r.imports_kg OPERATOR(pg_catalog.*) p.reo_content OPERATOR(pg_catalog./) 1000,
	                                      ir.apparent_consumption_t) AS partner_dependency,
	       @extschema@.country_name(r.reporter) AS reporter_name,
	       @extschema@.country_name(r.partner) AS partner_name,
	       -- Shares without coverage overstate: the reporter's own declared
	       -- World total (trade_reported_total) is the denominator it
	       -- published; coverage = loaded partner rows / that total.  NULL
	       -- where none was declared (and for mirror and BACI figures, which
	       -- are not the reporter's declaration).
	       tot.value_usd AS reported_total_usd,
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0
	            THEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog./) tot.value_usd END AS coverage,
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) tot.value_usd END AS share_of_reported_total,
	       -- quantities exist for the rare-earth HS catalogue only (to_reo)
	       CASE WHEN p.stage IS NOT NULL THEN 'rare earths' END AS commodity,
	       CASE WHEN p.stage IS NOT NULL THEN 't' END AS unit
	FROM rows r
	JOIN products p ON p.product OPERATOR(@extschema@.=) r.product
	LEFT JOIN @extschema@.import_reliance ir
		ON ir.country OPERATOR(pg_catalog.=) @extschema@.iso3(r.reporter) AND ir.year OPERATOR(pg_catalog.=) r.year
		AND ir.stage OPERATOR(pg_catalog.=) p.reliance_stage
	LEFT JOIN @extschema@.trade_reported_total tot
		ON r.data_source OPERATOR(pg_catalog.=) ANY (ARRAY['reporter', 'reconciled'])
		AND tot.source OPERATOR(pg_catalog.=) 'comtrade' AND tot.flow OPERATOR(pg_catalog.=) 'M' AND tot.month IS NULL
		AND NOT tot.synthetic AND tot.partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country
		AND tot.reporter OPERATOR(@extschema@.=) r.reporter AND tot.year OPERATOR(pg_catalog.=) r.year
		AND tot.product OPERATOR(@extschema@.=) r.product
	WHERE r.imports_usd IS NOT NULL
	WINDOW w AS (PARTITION BY r.reporter, r.year, r.product, r.data_source);
	COMMENT ON VIEW @extschema@.import_dependency IS 'imports by reporter, year, HS code (and its supply stage) and partner, in US dollars, from four data sources: reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) and baci (CEPII, FOB); share_of_imports = imports from the partner / all imports of that reporter, year, product and source; imports_t_reo = net weight x REO content (to_reo); partner_dependency = imports_t_reo / the reporter''s apparent consumption of the same supply stage (import_reliance), NULL where that is <= 0 or unknown; reporter_name, partner_name; reported_total_usd = the reporter''s declared World total (trade_reported_total), coverage = partner rows / that total, share_of_reported_total = imports / that total (NULL where none was declared, and for mirror and baci rows); commodity = rare earths for the HS codes of the rare-earth catalogue (NULL for other codes, which have values in USD but no quantities), unit = t (REO equivalent) of imports_t_reo and apparent_consumption_t; synthetic rows excluded';

	-- EU Critical Raw Materials Act (Regulation (EU) 2024/1252), Article 5(1):
	-- by 2030, no more than 65% of the Union's annual consumption of a
	-- strategic raw material at any relevant stage of processing from a
	-- single third country; Union capacity of at least 10% of consumption for
	-- extraction and 40% for processing (25% for recycling, which no stored
	-- table sees).  EU consumption = EU production + extra-EU imports -
	-- extra-EU exports, membership by year (eu_member), so intra-EU trade
	-- nets out and the United Kingdom is extra-EU from 2020.  Each flow is
	-- counted once: the EU members' own UN Comtrade declarations (annual),
	-- or CEPII BACI's reconciled flows; quantities in t REO (to_reo of the
	-- net weight).
	CREATE OR REPLACE VIEW @extschema@.crma_benchmarks AS
	WITH flows AS (
		SELECT source, year, product, reporter AS importer, partner AS exporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL
		  AND NOT synthetic AND @extschema@.eu_member(reporter, year)
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'X' AND month IS NULL
		  AND NOT synthetic AND @extschema@.eu_member(reporter, year)
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	extra AS (
		SELECT source, year, @extschema@.hs_stage(product) AS stage, @extschema@.eu_member(importer, year) AS into_eu,
		       CASE WHEN @extschema@.eu_member(importer, year) THEN exporter ELSE importer END AS third_country,
		       @extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000 AS t_reo
		FROM flows
		WHERE @extschema@.eu_member(importer, year) OPERATOR(pg_catalog.<>) @extschema@.eu_member(exporter, year)),
	totals AS (
		SELECT source, year, stage,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE into_eu), 0) AS imports_t,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE NOT into_eu), 0) AS exports_t,
		       pg_catalog.count(*) FILTER (WHERE t_reo IS NULL) AS flows_without_quantity
		FROM extra WHERE stage IS NOT NULL GROUP BY source, year, stage),
	largest AS (
		SELECT DISTINCT ON (source, year, stage) source, year, stage, third_country, t
		FROM (SELECT source, year, stage, third_country, pg_catalog.sum(t_reo) AS t
		      FROM extra WHERE into_eu AND stage IS NOT NULL AND t_reo IS NOT NULL
		      GROUP BY source, year, stage, third_country) s
		ORDER BY source, year, stage, t DESC, third_country),
	prod AS (
		-- USGS lists every producing country of a year and stage: an EU
		-- member absent from the list produced nothing
		SELECT year, stage,
		       coalesce(pg_catalog.sum(quantity_t) FILTER (WHERE @extschema@.eu_member(country, year)), 0) AS eu_t
		FROM @extschema@.production_latest
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' GROUP BY year, stage),
	c AS (
		SELECT t.*, p.eu_t, l.third_country, l.t AS largest_t,
		       coalesce(p.eu_t, 0) OPERATOR(pg_catalog.+) t.imports_t OPERATOR(pg_catalog.-) t.exports_t AS consumption,
		       CASE t.stage WHEN 'mining' THEN 0.10::float8 WHEN 'separation' THEN 0.40::float8
		                    WHEN 'metal' THEN 0.40::float8 END AS benchmark
		FROM totals t
		LEFT JOIN prod p ON p.year OPERATOR(pg_catalog.=) t.year AND p.stage OPERATOR(pg_catalog.=) t.stage
		LEFT JOIN largest l ON l.source OPERATOR(pg_catalog.=) t.source AND l.year OPERATOR(pg_catalog.=) t.year
		  AND l.stage OPERATOR(pg_catalog.=) t.stage)
	SELECT source, year, 'rare earths'::text AS commodity, stage::text AS stage,
	       eu_t AS eu_production_t, imports_t AS extra_eu_imports_t, exports_t AS extra_eu_exports_t,
	       consumption AS eu_consumption_t,
	       @extschema@.iso3(third_country) AS largest_supplier, @extschema@.country_name(third_country) AS largest_supplier_name,
	       largest_t AS largest_supplier_t,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN largest_t OPERATOR(pg_catalog./) consumption END AS largest_supplier_share,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN largest_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>) 0.65::float8 END AS exceeds_65,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN eu_t OPERATOR(pg_catalog./) consumption END AS eu_production_share,
	       benchmark AS capacity_benchmark,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN eu_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>=) benchmark END AS meets_capacity_benchmark,
	       eu_t IS NOT NULL AS production_known, flows_without_quantity
	FROM c;
	COMMENT ON VIEW @extschema@.crma_benchmarks IS 'EU Critical Raw Materials Act (Regulation (EU) 2024/1252) Article 5(1) benchmarks by data source (comtrade: EU members'' own declarations; baci), year and supply stage (hs_stage), in t REO (to_reo): eu_consumption_t = EU production (production_latest, EU members by eu_member, 0 for members USGS does not list; NULL where no production of the stage is stored, then counted as 0) + extra-EU imports - extra-EU exports (membership by year: intra-EU trade nets out, the UK is extra-EU from 2020); largest_supplier = the third country with the largest extra-EU imports, largest_supplier_share = its imports / EU consumption, exceeds_65 = share > 0.65 (the single-third-country benchmark); eu_production_share = EU production / consumption against capacity_benchmark (0.10 extraction for mining, 0.40 processing for separation and metal; NULL for magnets and products), meets_capacity_benchmark; shares NULL where consumption <= 0; flows_without_quantity = extra-EU flows with no net weight or REO content (left out of the sums); recycling (the 25% benchmark) is not seen: no stored table holds EU recycling; synthetic rows excluded';

	-- USGS's printed net import reliance of every commodity, as MCS prints it
	-- (published_statistic: the salient statistics named net_import_reliance
	-- or net_import_reliance_<what it covers>, from the MCS2026 long table, the
	-- per-commodity salient files or the shipped sample), every edition
	-- loaded; latest marks the latest edition printing that commodity,
	-- statistic and year (filter on it, or on edition).  label is the figure
	-- as USGS prints it: >95, <25, 53, E (net exporter), W, NA.
	CREATE OR REPLACE VIEW @extschema@.usgs_net_import_reliance AS
	SELECT @extschema@.iso3(s.country) AS country, @extschema@.country_name(s.country) AS country_name,
	       s.commodity, s.statistic,
	       CASE WHEN s.statistic OPERATOR(pg_catalog.<>) 'net_import_reliance'
	            THEN pg_catalog.replace(pg_catalog.substr(s.statistic, 21), '_', ' ') END AS stage,
	       s.year, s.value AS nir_pct, s.qualifier, s.estimated,
	       CASE WHEN s.qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['E', 'W', 'NA', 'XX']) THEN s.qualifier
	            WHEN s.qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['>', '<'])
	                 THEN s.qualifier OPERATOR(pg_catalog.||) s.value::text
	            ELSE s.value::text END AS label,
	       s.edition,
	       s.edition OPERATOR(pg_catalog.=) pg_catalog.max(s.edition) OVER (PARTITION BY s.country, s.commodity, s.statistic, s.year) AS latest,
	       s.source, s.unit
	FROM @extschema@.published_statistic s
	WHERE s.statistic OPERATOR(pg_catalog.=) 'net_import_reliance'
	   OR s.statistic OPERATOR(pg_catalog.~~) 'net\_import\_reliance\_%';
	COMMENT ON VIEW @extschema@.usgs_net_import_reliance IS 'USGS''s printed net import reliance (US salient statistics of the Mineral Commodity Summaries) of every loaded commodity, one row per country, commodity, statistic, year and edition: country (ISO3) and country_name, commodity (commodities.name), statistic (net_import_reliance, or net_import_reliance_<stage or form> such as net_import_reliance_compounds_and_metals, net_import_reliance_mineral_concentrates), stage (those words, NULL for the plain statistic), year, nir_pct (percent of apparent consumption as printed; NULL for E, W, NA, XX), qualifier (> or < a bound, e estimated, E net exporter, W withheld, NA not available), estimated, label (as USGS prints it: >95, 53, E), edition, latest (true for the latest edition printing that statistic for that year: filter on it, or on edition), source, unit (percent; a salient file''s own code, pct, where it was read from one)';
END
$views$;
COMMENT ON FUNCTION @extschema@.create_store_views() IS
	'(re)defines the data store''s reporting views with this version''s definitions (CREATE OR REPLACE: columns are only ever appended, so dependent views survive); create_store() and ALTER EXTENSION UPDATE call it';
-- ---------------------------------------------------------------------------
-- load_usgs_mcs_file(content, ...): one USGS MCS data-release file as
-- downloaded, of any edition and layout, without \copy
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.read_csv(content text, max_record_bytes int DEFAULT 0, source text DEFAULT NULL,
	OUT line int, OUT fields text[]) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'read_csv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.read_csv(text, int, text) IS
	'the records of CSV text (RFC 4180: fields separated by commas, double quotes around fields holding commas, quotes or line breaks, a quote inside written twice; records ended by CRLF, LF or CR), each with the line it starts on and its fields as printed (text after a closing quote kept, as Python''s csv module does); an unterminated quoted field is an error (22P04), so is a record longer than max_record_bytes (54000; 0 or NULL: no bound); source names the text in messages (NULL: the CSV text); NULL content: no records';

-- usgs_mcs_file_commodity(code, statistic, label): the commodity of a value
-- of a per-commodity file (MCS2020-MCS2025).  The file code names it
-- (commodities.file_codes) except for four codes that name several, where
-- the column's own words, else the row's Type (label), say which: bauxi (bauxite,
-- alumina), plati (palladium, platinum; reserves and the other metals are
-- the platinum-group metals: the platinum rows' reserves "Include all
-- platinum-group metals"), titan (sponge metal, TiO2 pigment), heliu (the
-- files hold helium only).
CREATE FUNCTION @extschema@.usgs_mcs_file_commodity(code text, statistic text, label text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT CASE WHEN (SELECT count(*) FROM @extschema@.commodities c WHERE code = ANY (c.file_codes)) = 1
	            THEN (SELECT c.name FROM @extschema@.commodities c WHERE code = ANY (c.file_codes))
	            ELSE CASE code
	                     WHEN 'bauxi' THEN CASE WHEN label ~* 'alumina' THEN 'alumina' ELSE 'bauxite' END
	                     WHEN 'plati' THEN CASE WHEN label ~* 'palladium' THEN 'palladium'
	                                            WHEN statistic = 'Reserves' OR label ~* 'pgm|iridium|osmium|rhodium|ruthenium|platinum-group' THEN 'platinum-group metals'
	                                            WHEN label ~* 'platinum' THEN 'platinum' ELSE 'platinum-group metals' END
	                     WHEN 'titan' THEN CASE WHEN label ~* 'pigment|dioxide' THEN 'tio2 pigment' ELSE 'titanium sponge metal' END
	                     WHEN 'heliu' THEN 'helium' END END;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_file_commodity(text, text, text) IS
	'the canonical commodity of a value of a USGS MCS per-commodity file: the one commodity of its file code (commodities.file_codes), or, for the codes that name several (bauxi, plati, titan, heliu), the one its label (the row''s Type and the column name) names; NULL when none';

-- The layouts (data/usgs/usgs_mcs_format.md):
--   * the MCS2026 data release, one long table of every commodity
--     (doi:10.5066/P1WKQ63T): MCS chapter, Section, Commodity, Country,
--     Statistics, Statistics_detail, Unit, Year, Value, Notes, ...: its
--     world tables and its US salient statistics (usgs_mcs_load_rows);
--     import sources are out of scope;
--   * the per-commodity world files of the MCS2020-MCS2025 releases
--     (mcs2023-lithi_world.csv; MCS2023 doi:10.5066/P9WCYUI6): Source,
--     Country, Type, then value columns whose names say statistic, unit,
--     estimate and year (Prod_t_2021, Prod_kt_est_2022, Cap_kg_2022,
--     Reserves_t, Reserves_ore_kt, Prod_Sponge_t_Est_2021) and notes columns
--     (Prod_notes, Reserves_notes); trailing empty columns and all-empty rows;
--   * the per-commodity salient files (DataSource, Commodity, Year, then a
--     column per statistic: USprod_t, Imports_t, Price_dkg, NIR_pct): US
--     salient statistics, into published_statistic as printed (below).
-- A world file's row becomes one long row per value cell printed: Statistics
-- from the column (Prod Production, Cap Capacity, Reserves Reserves; a
-- Prod column of a row whose Type is a capacity, "Clinker capacity", is
-- Capacity), Unit from the column's unit code, Year from the column (a
-- Reserves column without one: as of the cover year minus one), Notes
-- "Estimated." when the column says est or the group's notes say that
-- year was estimated too ("Production in 2021 is also estimated.", "Also
-- estimated in 2022", "Estimated in both years") or, for reserves and
-- capacity, the notes are just "Estimated" ("Estimated capacity");
-- Statistics_detail the row's Type (Reserves: "Reserves" and the column's
-- own words, e.g. "Reserves: ore K2O equiv").  The commodity is the file
-- code's (commodities.file_codes); four codes name several commodities and
-- the row or column says which.  The kind a Type names ("Mine poduction,
-- Bentonite" -> bentonite) is given to usgs_mcs_load_rows, which makes it a
-- series only where the file prints several kinds for one statistic and stage.
CREATE FUNCTION @extschema@.load_usgs_mcs_file(content bytea, file_name text DEFAULT NULL, edition text DEFAULT NULL,
	commodity text[] DEFAULT NULL,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	body text;
	header text[];
	layout text;
	file_edition text;
	name_edition text;
	the_edition text;
	code text;
	file_key text;
	long_header CONSTANT text[] := ARRAY['MCS chapter', 'Section', 'Commodity', 'Country', 'Statistics', 'Statistics_detail',
	                                     'Unit', 'Year', 'Value', 'Notes', 'Is critical mineral 2025', 'Other notes'];
	unknown_name text;
	bad_column text;
	shown text := coalesce('file "' || file_name || '"', 'the file');
BEGIN
	IF content IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'the file content is NULL';
	END IF;
	SELECT n INTO unknown_name FROM unnest(load_usgs_mcs_file.commodity) n
	WHERE n IS NULL OR NOT EXISTS (SELECT FROM @extschema@.commodities c WHERE c.name = n) LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown commodity "%s"', unknown_name),
			HINT = 'Name commodities as rareearth.commodities.name does, e.g. ''rare earths'', ''lithium''.';
	END IF;

	-- the encoding: a UTF-8 byte order mark, else UTF-8 if the bytes are
	-- valid UTF-8, else Windows-1252 (the MCS2026 release; MCS2023 and
	-- MCS2024 files are UTF-8 with a BOM)
	IF substring(content FROM 1 FOR 3) = decode('efbbbf', 'hex') THEN
		body := convert_from(substring(content FROM 4), 'UTF8');
	ELSE
		BEGIN
			body := convert_from(content, 'UTF8');
		EXCEPTION WHEN character_not_in_repertoire THEN
			BEGIN
				body := convert_from(content, 'WIN1252');
			EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character THEN
				RAISE EXCEPTION USING ERRCODE = 'character_not_in_repertoire',
					MESSAGE = format('%s is neither UTF-8 nor Windows-1252 text', shown),
					HINT = 'Load the CSV file as downloaded from USGS.';
			END;
		END;
	END IF;

	CREATE TEMP TABLE rareearth_mcs_file ON COMMIT DROP AS
	-- a record longer than 1 MB is refused before it is copied (no USGS file
	-- has a line near that; a huge one would take minutes and gigabytes)
	SELECT r.line, r.fields, row_number() OVER (ORDER BY r.line) AS n FROM @extschema@.read_csv(body, 1048576, shown) r;
	-- the header up to its last non-empty name (one pass: a wide header must
	-- not cost its width squared)
	SELECT (array_agg(btrim(h) ORDER BY i))[1:max(i) FILTER (WHERE btrim(h) <> '')] INTO header
	FROM pg_temp.rareearth_mcs_file f, unnest(f.fields) WITH ORDINALITY AS u (h, i)
	WHERE f.n = 1;
	layout := CASE WHEN header[1:12] = long_header THEN 'long'
	               WHEN header[1:2] = ARRAY['Source', 'Country'] AND cardinality(header) >= 4 THEN 'world'
	               WHEN header[1:3] = ARRAY['DataSource', 'Commodity', 'Year'] THEN 'salient' END;
	IF layout IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
			MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown)
			               ELSE format('%s is no USGS MCS data-release table', shown) END,
			DETAIL = format('Its first line is: %s', array_to_string(header, ',')),
			HINT = 'load_usgs_mcs_file reads the MCS2026 long table (MCS chapter,Section,Commodity,...), the per-commodity world files of MCS2020-MCS2025 (Source,Country,Type,Prod_t_2021,...) and their salient files (DataSource,Commodity,Year,...).';
	END IF;

	-- the edition: the file's Source (DataSource) column, else its name
	-- (mcs2023-lithi_world.csv, usgs_mcs2026_commodities_data.csv), else the
	-- caller's; the three must agree
	name_edition := 'MCS' || substring(file_name FROM '(?i)mcs[ _-]?([0-9]{4})');
	IF layout <> 'long' THEN
		SELECT min(e), max(e) INTO file_edition, the_edition
		FROM (SELECT upper(replace(btrim(f.fields[1]), ' ', '')) AS e FROM pg_temp.rareearth_mcs_file f WHERE f.n > 1) s
		WHERE e <> '';
		IF file_edition <> the_edition THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('%s names two editions, %s and %s', shown, file_edition, the_edition);
		END IF;
	END IF;
	the_edition := coalesce(file_edition, name_edition, load_usgs_mcs_file.edition);
	IF the_edition IS NULL OR the_edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the edition of %s is not known', shown),
			HINT = 'Give the file name as downloaded (it names the edition, e.g. usgs_mcs2026_commodities_data.csv) or the edition, e.g. edition => ''MCS2026''.';
	END IF;
	IF the_edition <> coalesce(name_edition, the_edition) OR the_edition <> coalesce(load_usgs_mcs_file.edition, the_edition) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('%s is edition %s, not %s', shown, the_edition,
				CASE WHEN the_edition <> coalesce(load_usgs_mcs_file.edition, the_edition) THEN load_usgs_mcs_file.edition ELSE name_edition END),
			DETAIL = format('Its %s says %s.', CASE WHEN file_edition IS NOT NULL THEN 'Source column' ELSE 'name' END, the_edition),
			HINT = 'Load each file as the edition it is; nothing was loaded.';
	END IF;

	PERFORM @extschema@.stage('usgs_mcs'::text);
	PERFORM @extschema@.begin_load('usgs_mcs'::text);
	-- rejects are filed per file: under its name, or its checksum when it has none
	file_key := coalesce(file_name, 'md5:' || md5(content));

	-- the file's data rows in the long layout of the MCS2026 release; ord
	-- the row's number * 2^21 + the column's (a 1 MB record has fewer
	-- fields).  A cell of a wide layout keeps only {column, column_number} in
	-- record, joined to its row's record when it is rejected: a copy of the
	-- whole row per cell would cost the row's width squared
	CREATE TEMP TABLE rareearth_mcs_long (ord bigint, line int, record jsonb, chapter text, usgs_name text, section text,
		country_name text, statistic text, detail text, published_unit text, year_text text, cell text, notes text,
		kind_given bool, given_kind text) ON COMMIT DROP;
	-- the rows left out before that: all-empty rows, other tables
	CREATE TEMP TABLE rareearth_mcs_skipped (line int, record jsonb, reason text) ON COMMIT DROP;
	-- every data row as printed, for load_rejects: {column name: field}.
	-- cells: the fields as a jsonb array, read by position below (cells ->>
	-- (pos - 1) finds a field in constant time, fields[pos] walks the array
	-- from its start: a row's every cell that way costs its width squared);
	-- the names are zipped with the fields (unnest of both) for the same reason
	CREATE TEMP TABLE rareearth_mcs_records ON COMMIT DROP AS
	SELECT f.line, f.n, f.fields, to_jsonb(f.fields) AS cells,
	       (SELECT jsonb_object_agg(coalesce(nullif(h, ''), 'column ' || i), x)
	        FROM unnest(f.fields, header) WITH ORDINALITY AS u (x, h, i)
	        WHERE i <= cardinality(f.fields) AND (i <= greatest(cardinality(header), 1) OR btrim(x) <> '')) AS record,
	       NOT EXISTS (SELECT FROM unnest(f.fields) x WHERE btrim(replace(x, U&'\00A0', ' ')) <> '') AS empty
	FROM pg_temp.rareearth_mcs_file f WHERE f.n > 1;
	INSERT INTO pg_temp.rareearth_mcs_skipped
	SELECT r.line, r.record, 'all-empty row' FROM pg_temp.rareearth_mcs_records r WHERE r.empty;

	IF layout <> 'long' THEN
		-- which commodity: the file code of the name, else the one commodity asked for
		code := lower(substring(file_name FROM '(?i)mcs ?[0-9]{4}-?(?:mcs[0-9]{4})?([a-z][a-z0-9-]*)_(?:world|salient)\.csv$'));
		IF code IS NULL AND cardinality(load_usgs_mcs_file.commodity) = 1 THEN
			SELECT c.file_codes[1] INTO code FROM @extschema@.commodities c WHERE c.name = load_usgs_mcs_file.commodity[1];
		END IF;
		IF code IS NULL OR NOT EXISTS (SELECT FROM @extschema@.commodities c WHERE code = ANY (c.file_codes)) THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = format('the commodity of %s (a per-commodity file) is not known', shown),
				HINT = 'Give the file name as downloaded (mcsYYYY-<code>_world.csv, code as in rareearth.commodities.file_codes) or name one commodity.';
		END IF;
	END IF;

	-- the cells of a salient file and what became of them
	CREATE TEMP TABLE rareearth_mcs_salient (line int, record jsonb, reason text, out_of_scope text) ON COMMIT DROP;
	IF layout = 'salient' THEN
		-- US salient statistics (DataSource, Commodity, Year, then one column
		-- per statistic: USprod_Concentrate_t, Imports_Compounds_t,
		-- Price_Nd2O3_dkg, NIR_pct, ...): each cell printed is a figure of
		-- published_statistic, as printed: statistic the column name in lower
		-- case, unit the code the name ends with (t, kt, pct, dkg, ...), except
		-- that net import reliance (NIR_..., percent, though MCS2022 and
		-- MCS2024 end its name in _t) and US production (USprod_...) take the
		-- names the views read: net_import_reliance[_compounds_and_metals |
		-- _mineral_concentrates | _<words>], production[_...].  The files carry
		-- no estimate flag per cell (their metadata: estimated for the most
		-- recent year), so only an e printed with a number marks one.  A
		-- negative figure is kept as printed (government stockpile
		-- shipments, net imports).
		CREATE TEMP TABLE rareearth_mcs_salient_cells ON COMMIT DROP AS
		WITH cells AS (
			SELECT r.line, r.n * 2097152 + h.pos AS ord, h.name, jsonb_build_object('column', h.name, 'column_number', h.pos) AS record,
			       btrim(r.fields[3]) AS year_text,
			       CASE WHEN btrim(r.cells ->> (h.pos::int - 1)) ~* U&'^less than (!00BD|1/2|a half|one-half) unit\.?$' UESCAPE '!' THEN 's'
			            -- a minus sign (U+2212) printed before a negative figure
			            ELSE regexp_replace(r.cells ->> (h.pos::int - 1), U&'^(\\s*)\2212', '\1-') END AS cell,
			       string_to_array(h.name, '_') AS parts
			FROM pg_temp.rareearth_mcs_records r, unnest(header) WITH ORDINALITY AS h (name, pos)
			WHERE NOT r.empty AND h.pos > 3 AND btrim(replace(coalesce(r.cells ->> (h.pos::int - 1), ''), U&'\00A0', ' ')) <> ''),
		named AS (
			SELECT c.*, c.parts[1] ~* '^NIR$' AS nir,
			       CASE WHEN c.parts[1] ~* '^(NIR|USprod)$' THEN
			                 CASE WHEN c.parts[1] ~* '^NIR$' THEN 'net_import_reliance' ELSE 'production' END
			                 || CASE WHEN c.name ~* 'compounds-metals' THEN '_compounds_and_metals'
			                         WHEN c.name ~* 'concentrate' THEN '_mineral_concentrates'
			                         ELSE coalesce('_' || nullif(lower(array_to_string(c.parts[2:cardinality(c.parts) - 1], '_')), ''), '') END
			            ELSE lower(c.name) END AS statistic,
			       CASE WHEN c.parts[1] ~* '^NIR$' THEN 'percent'
			            WHEN cardinality(c.parts) > 1 THEN c.parts[cardinality(c.parts)] ELSE 'not printed' END AS unit,
			       @extschema@.usgs_mcs_file_commodity(code, NULL::text, c.name) AS commodity,
			       CASE WHEN c.year_text ~ '^[0-9]{4}$' THEN c.year_text::int END AS year,
			       @extschema@.usgs_value_problem(c.cell) AS cell_problem
			FROM cells c),
		parsed AS (
			SELECT n.*, p.value, p.qualifier AS printed_qualifier, p.estimated
			FROM named n
			LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN n.cell_problem IS NULL THEN n.cell END) p ON true)
		SELECT p.*,
		       CASE WHEN load_usgs_mcs_file.commodity IS NOT NULL AND NOT p.commodity = ANY (load_usgs_mcs_file.commodity)
		            THEN 'commodity not selected' END AS out_of_scope,
		       CASE WHEN p.commodity IS NULL THEN format('the commodity of column "%s" is not known', p.name)
		            WHEN p.year IS NULL OR p.year NOT BETWEEN substr(the_edition, 4)::int - 5 AND substr(the_edition, 4)::int - 1
		                 THEN format('year "%s" is not one of the five years of %s', p.year_text, the_edition)
		            WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
		            WHEN p.printed_qualifier = 'E' AND NOT p.nir THEN 'value E (net exporter) outside a net import reliance column' END AS reason
		FROM parsed p;
		-- the same statistic twice in a file: the later columns are refused
		UPDATE pg_temp.rareearth_mcs_salient_cells m SET reason = 'duplicate of an earlier column for the same commodity, statistic and year'
		FROM (SELECT ctid, row_number() OVER (PARTITION BY commodity, statistic, year ORDER BY ord) AS k
		      FROM pg_temp.rareearth_mcs_salient_cells WHERE reason IS NULL AND out_of_scope IS NULL) d
		WHERE m.ctid = d.ctid AND d.k > 1;
		INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
		SELECT 'USA'::@extschema@.country, c.commodity, c.statistic, c.year, c.value, c.unit,
		       coalesce(c.printed_qualifier, CASE WHEN c.estimated THEN 'e' END), coalesce(c.estimated, false), the_edition,
		       format('USGS Mineral Commodity Summaries data release, %s, file %s (load_usgs_mcs_file)', the_edition, file_key)
		FROM pg_temp.rareearth_mcs_salient_cells c WHERE c.reason IS NULL AND c.out_of_scope IS NULL
		ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
			SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
			    estimated = excluded.estimated, source = excluded.source
			WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
			      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);
		INSERT INTO pg_temp.rareearth_mcs_salient SELECT c.line, c.record, c.reason, c.out_of_scope FROM pg_temp.rareearth_mcs_salient_cells c;
		DROP TABLE pg_temp.rareearth_mcs_salient_cells;
	ELSIF layout = 'long' THEN
		-- every record (usgs_mcs_load_rows tells the world tables from the others)
		INSERT INTO pg_temp.rareearth_mcs_long
		SELECT r.n, r.line, r.record, r.fields[1], r.fields[3], r.fields[2], r.fields[4], r.fields[5], r.fields[6], r.fields[7],
		       r.fields[8], r.fields[9], r.fields[10], false, NULL
		FROM pg_temp.rareearth_mcs_records r
		WHERE NOT r.empty AND cardinality(r.fields) >= 12;
	ELSE
		-- the header's columns: value columns (statistic, unit, estimate, year, own words) and notes columns
		CREATE TEMP TABLE rareearth_mcs_columns ON COMMIT DROP AS
		WITH cols AS (
			SELECT i::int AS pos, h AS name, string_to_array(h, '_') AS parts
			FROM unnest(header) WITH ORDINALITY AS u (h, i) WHERE i > 3),
		parsed AS (
			SELECT c.pos, c.name,
			       CASE lower(c.parts[1]) WHEN 'prod' THEN 'Production' WHEN 'cap' THEN 'Capacity' WHEN 'reserves' THEN 'Reserves' END AS statistic,
			       lower(c.parts[cardinality(c.parts)]) IN ('notes', 'note') AS is_notes,
			       (SELECT p FROM unnest(c.parts) p WHERE p ~ '^[0-9]{4}$' LIMIT 1) AS year,
			       EXISTS (SELECT FROM unnest(c.parts) p WHERE lower(p) = 'est') AS estimated,
			       (SELECT u.unit FROM unnest(c.parts) p
			        JOIN (VALUES ('t', 'metric tons'), ('kt', 'thousand metric tons'), ('kg', 'kilograms'),
			                     ('mt', 'million metric tons'), ('mmt', 'million metric tons'), ('mct', 'million carats'),
			                     ('kct', 'thousands of carats'), ('mcm', 'million cubic meters')) u (code, unit) ON u.code = lower(p)
			        LIMIT 1) AS unit,
			       (SELECT string_agg(p, ' ' ORDER BY o) FROM unnest(c.parts) WITH ORDINALITY AS q (p, o)
			        WHERE o > 1 AND p !~ '^[0-9]{4}$' AND lower(p) NOT IN ('est', 't', 'kt', 'kg', 'mt', 'mmt', 'mct', 'kct', 'mcm')) AS words
			FROM cols c)
		-- the first notes column of the same statistic after each column: a
		-- window over the columns in reverse (one pass, not a scan per column)
		SELECT p.*,
		       CASE WHEN p.statistic IS NOT NULL THEN
		           min(p.pos) FILTER (WHERE p.is_notes) OVER (PARTITION BY p.statistic ORDER BY p.pos DESC
		                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS notes_pos
		FROM parsed p;
		SELECT c.name INTO bad_column FROM pg_temp.rareearth_mcs_columns c
		WHERE c.statistic IS NULL OR (NOT c.is_notes AND c.unit IS NULL) ORDER BY c.pos LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('column "%s" of %s is not known', bad_column, shown),
				HINT = 'A value column is named statistic_unit[_est][_year] (Prod_t_2021, Prod_kt_est_2022, Reserves_kg, Cap_t_2022), a notes column Prod_notes.';
		END IF;

		INSERT INTO pg_temp.rareearth_mcs_long
		SELECT r.n * 2097152 + c.pos, r.line, jsonb_build_object('column', c.name, 'column_number', c.pos),
		       m.usgs_chapter, m.usgs_name, 'World production (per-commodity file)',
		       r.fields[2],
		       CASE WHEN c.statistic = 'Production' AND t.type ~* 'capacity' AND t.type !~* 'production' THEN 'Capacity' ELSE c.statistic END,
		       CASE WHEN c.statistic = 'Reserves' THEN 'Reserves' || coalesce(': ' || c.words, '')
		            WHEN c.statistic = 'Capacity' AND c.words IS NOT NULL THEN c.words || ' capacity'  -- Cap_Pigment_t_2021
		            ELSE coalesce(nullif(t.type, ''), c.statistic) END,
		       c.unit,
		       coalesce(c.year, CASE WHEN c.statistic = 'Reserves' THEN (substr(the_edition, 4)::int - 1)::text END),
		       -- "Less than ½ unit." is the legend of the long table's s; e glued
		       -- before a number is the estimate mark of the PDF tables (e5,000)
		       CASE WHEN btrim(r.cells ->> (c.pos - 1)) ~* U&'^less than !00BD unit\.?$' UESCAPE '!' THEN 's'
		            ELSE regexp_replace(r.cells ->> (c.pos - 1), '^(\s*)e([0-9])', '\1\2') END,
		       CASE WHEN c.estimated OR r.cells ->> (c.pos - 1) ~ '^\s*e[0-9]'
		              OR (c.year IS NOT NULL AND coalesce(r.cells ->> (c.notes_pos - 1), '') ~* ('estimated in ' || c.year || '|' || c.year
		                  || ' (is|are|was|were) also estimated|estimated in both years'))
		              OR coalesce(r.cells ->> (c.notes_pos - 1), '') ~* '^\s*estimated( capacity)?\.?\s*$'
		            THEN 'Estimated. ' END || coalesce(r.cells ->> (c.notes_pos - 1), ''),
		       true,
		       CASE WHEN c.statistic = 'Reserves' AND c.words IS NOT NULL THEN lower(c.words) ELSE t.kind END
		FROM pg_temp.rareearth_mcs_records r
		CROSS JOIN pg_temp.rareearth_mcs_columns c
		CROSS JOIN LATERAL (
			SELECT btrim(replace(coalesce(r.fields[3], ''), U&'\00A0', ' ')) AS type) t0
		CROSS JOIN LATERAL (
			-- the kind a Type names: its words without the commodity, the
			-- statistic, the unit, world total and rounded (typos of the files
			-- corrected: "poduction", "Mne", "ilmentite", "eqivalent")
			SELECT t0.type,
			       nullif(nullif(nullif(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
			           lower(t0.type), 'poduction', 'production', 'g'), '\mmne\M', 'mine', 'g'), 'ilmentite', 'ilmenite', 'g'),
			           '(world total|\mworld\M|\mtotal\M|\mrounded\M|\mestimated\M|\mcontent of\M|(\m(mine|plant|refinery|smelter|primary) )?(production|capacity)\M|((thousand|million) )?metric tons|\m('
			           || (SELECT string_agg(regexp_replace(lower(m2.usgs_name), '([^a-z0-9 ])', '\\\1', 'g'), '|') FROM @extschema@.commodities m2 WHERE code = ANY (m2.file_codes)) || ')\M)', '', 'g'),
			           '\(\s*\)', '', 'g'), '\s*([,:;.-]\s*)+', ', ', 'g'), ' ,:;.-'), ''), 'xx'), 'all types') AS kind) t
		JOIN @extschema@.commodities m
		  ON m.name = @extschema@.usgs_mcs_file_commodity(code, c.statistic, coalesce(nullif(c.words, ''), t.type))
		WHERE NOT r.empty AND NOT c.is_notes AND btrim(replace(coalesce(r.cells ->> (c.pos - 1), ''), U&'\00A0', ' ')) <> '';
		DROP TABLE pg_temp.rareearth_mcs_columns;
	END IF;

	-- a row with a country or year but not one value
	INSERT INTO pg_temp.rareearth_mcs_skipped
	SELECT r.line, r.record, 'no value printed in the row'
	FROM pg_temp.rareearth_mcs_records r
	WHERE NOT r.empty AND NOT (layout = 'long' AND cardinality(r.fields) < 12)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_skipped s WHERE s.line = r.line)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_long l WHERE l.line = r.line)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_salient s WHERE s.line = r.line);

	PERFORM @extschema@.usgs_mcs_load_rows(the_edition,
		format('USGS Mineral Commodity Summaries data release, %s, file %s (load_usgs_mcs_file)', the_edition, file_key),
		load_usgs_mcs_file.commodity);

	-- each row of the file once: left out before loading, then, of the rows
	-- given to the loader, loaded when one of its cells was (a refused cell of
	-- a loaded row is a warning), rejected when none was, out of scope when
	-- it is of another table or its commodity was not selected
	CREATE TEMP TABLE rareearth_mcs_outcome ON COMMIT DROP AS
	WITH cells AS (
		SELECT l.line, l.record, m.reason, m.out_of_scope
		FROM pg_temp.rareearth_mcs_long l JOIN pg_temp.rareearth_mcs_rows m ON m.ord = l.ord
		UNION ALL
		SELECT s.line, s.record, s.reason, s.out_of_scope FROM pg_temp.rareearth_mcs_salient s),
	rowwise AS (
		SELECT c.line, bool_or(c.reason IS NULL AND c.out_of_scope IS NULL) AS loaded, bool_or(c.reason IS NOT NULL) AS refused,
		       min(c.out_of_scope) AS out_of_scope
		FROM cells c GROUP BY c.line)
	SELECT c.line, CASE WHEN layout = 'long' THEN c.record ELSE rec.record || c.record END AS record,
	       CASE WHEN w.loaded THEN 'warning' ELSE 'rejected' END AS severity, c.reason
	FROM cells c JOIN rowwise w USING (line)
	LEFT JOIN pg_temp.rareearth_mcs_records rec ON layout <> 'long' AND rec.line = c.line
	WHERE c.reason IS NOT NULL
	UNION ALL
	SELECT s.line, s.record, 'out_of_scope', s.reason FROM pg_temp.rareearth_mcs_skipped s
	UNION ALL
	SELECT w.line, r.record, 'out_of_scope', w.out_of_scope
	FROM rowwise w LEFT JOIN pg_temp.rareearth_mcs_records r USING (line) WHERE NOT w.loaded AND NOT w.refused
	UNION ALL
	-- a long-table record that is not 12 fields (none in the releases)
	SELECT r.line, r.record, 'rejected', format('record has %s fields, the header 12', cardinality(r.fields))
	FROM pg_temp.rareearth_mcs_records r WHERE layout = 'long' AND NOT r.empty AND cardinality(r.fields) < 12;

	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT o.reason, o.record, o.severity, o.line FROM pg_temp.rareearth_mcs_outcome o;
	PERFORM @extschema@.record_staged_rejects('usgs_mcs'::text, the_edition, file_key);

	-- the outcomes grouped by line first, then joined: a subquery per row in
	-- the counts would scan the outcomes once per row
	SELECT count(*) FILTER (WHERE NOT coalesce(o.not_loaded, false)),
	       count(*) FILTER (WHERE coalesce(o.rejected, false)),
	       count(*) FILTER (WHERE coalesce(o.out_of_scope, false))
	INTO rows_loaded, rows_rejected, rows_out_of_scope
	FROM pg_temp.rareearth_mcs_records r
	LEFT JOIN (SELECT o.line, bool_or(o.severity <> 'warning') AS not_loaded, bool_or(o.severity = 'rejected') AS rejected,
	                  bool_or(o.severity = 'out_of_scope') AS out_of_scope
	           FROM pg_temp.rareearth_mcs_outcome o GROUP BY o.line) o USING (line);
	DROP TABLE pg_temp.rareearth_mcs_file, pg_temp.rareearth_mcs_long, pg_temp.rareearth_mcs_skipped,
	           pg_temp.rareearth_mcs_records, pg_temp.rareearth_mcs_rows, pg_temp.rareearth_mcs_outcome,
	           pg_temp.rareearth_mcs_salient;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs_file(bytea, text, text, text[]) IS
	'loads one USGS MCS data-release file as downloaded (its bytes: UTF-8 with or without BOM, or Windows-1252): the MCS2026 long table or a per-commodity world or salient file of MCS2020-MCS2025 (mcs2023-lithi_world.csv; units, years and estimates read from its header), its world tables (production, reserves, capacity) by the same rules as load_usgs_mcs, in each commodity''s canonical unit, the long table''s US salient statistics as load_usgs_mcs loads them, or a salient file''s US statistics into published_statistic as printed (statistic the column name, NIR and USprod columns as net_import_reliance_... and production_...); the edition is read from the file (Source column, else its name) and must equal edition when given; commodity names the commodities to load (NULL: all); returns counts of the file''s data rows: loaded + rejected + out of scope = rows after the header; every row not loaded is in load_rejects with file, line, reason and severity (rejected, warning for a refused cell of a loaded row, out_of_scope)';
-- ---------------------------------------------------------------------------
-- Who may read the reference tables
-- ---------------------------------------------------------------------------
-- The reference tables (rare-earth elements, HS catalogue, revisions and
-- concordance) are published classifications that functions anyone may call
-- (to_reo, reo_content, hs_stage, hs_convert) read as their caller.  A
-- trusted extension's script runs as the bootstrap superuser, who then owns
-- them; without this grant a database owner who installed the extension got
-- "permission denied" (42501) from those functions.  Reading is all anyone
-- needs: the tables change only with the extension.
GRANT SELECT ON @extschema@.rare_earth_elements, @extschema@.hs_catalogue, @extschema@.hs_revisions,
	@extschema@.hs_concordance, @extschema@.commodities TO PUBLIC;
