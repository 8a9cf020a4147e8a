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
