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
