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

-- A country compared with text (0.3.0): the reporting views' country columns
-- became typed, and queries written when they were ISO3 text compare them
-- with text (country = iso3('Russia'), a join on a column of codes).  The
-- text is read as a country literal is, so any code or English name
-- matches and a misspelling is an error (22P02), never an empty answer.
CREATE FUNCTION @extschema@.country_eq_text(@extschema@.country, text) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(@extschema@.=) $2::@extschema@.country;
CREATE FUNCTION @extschema@.country_ne_text(@extschema@.country, text) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(@extschema@.<>) $2::@extschema@.country;
CREATE FUNCTION @extschema@.text_eq_country(text, @extschema@.country) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::@extschema@.country OPERATOR(@extschema@.=) $2;
CREATE FUNCTION @extschema@.text_ne_country(text, @extschema@.country) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::@extschema@.country OPERATOR(@extschema@.<>) $2;
COMMENT ON FUNCTION @extschema@.country_eq_text(@extschema@.country, text) IS 'a country equals the country a text names (any code or English name; an unknown one is an error 22P02)';
COMMENT ON FUNCTION @extschema@.country_ne_text(@extschema@.country, text) IS 'a country differs from the country a text names (an unknown name is an error 22P02)';
COMMENT ON FUNCTION @extschema@.text_eq_country(text, @extschema@.country) IS 'the country a text names equals a country (an unknown name is an error 22P02)';
COMMENT ON FUNCTION @extschema@.text_ne_country(text, @extschema@.country) IS 'the country a text names differs from a country (an unknown name is an error 22P02)';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.country, RIGHTARG = text, FUNCTION = @extschema@.country_eq_text,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.country, RIGHTARG = text, FUNCTION = @extschema@.country_ne_text,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.= (
	LEFTARG = text, RIGHTARG = @extschema@.country, FUNCTION = @extschema@.text_eq_country,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = text, RIGHTARG = @extschema@.country, FUNCTION = @extschema@.text_ne_country,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.country, text) IS 'same country, the text read as a country (any code or English name)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.country, text) IS 'different countries, the text read as a country';
COMMENT ON OPERATOR @extschema@.= (text, @extschema@.country) IS 'same country, the text read as a country (any code or English name)';
COMMENT ON OPERATOR @extschema@.<> (text, @extschema@.country) IS 'different countries, the text read as a country';

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
CREATE FUNCTION @extschema@.country_codes(
	OUT scheme text, OUT code int, OUT country @extschema@.country, OUT is_own bool, OUT refused_because text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'country_codes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 800;

COMMENT ON FUNCTION @extschema@.iso2(@extschema@.country) IS 'ISO 3166-1 alpha-2 code (ISO 3166-3 for historical entries); NULL when none';
COMMENT ON FUNCTION @extschema@.iso3(@extschema@.country) IS 'ISO 3166-1 alpha-3 code (ISO 3166-3 for historical entries, XKX for Kosovo), or the documented 3-character code of a special entry (WLD, EUU, S19, XAN, XFZ, ZA1, BLX, the Comtrade "nes" areas such as E19 Other Europe, nes)';
COMMENT ON FUNCTION @extschema@.m49(@extschema@.country) IS 'UN M49 numeric code; NULL for entries without one (World, EU, Comtrade-only areas)';
COMMENT ON FUNCTION @extschema@.comtrade_code(@extschema@.country) IS 'UN Comtrade reporter/partner code (differs from M49 e.g. for USA 842, France 251, Norway 579, Switzerland 757, India 699; Kosovo 412); NULL when Comtrade has none (Taiwan is reported as 490 Other Asia, nes); legacy and historical numbers read as the entry (381 Italy, 841 USA and Puerto Rico) are in country_codes()';
COMMENT ON FUNCTION @extschema@.baci_code(@extschema@.country) IS 'CEPII BACI country code (Comtrade-style; Italy 380 since V202301, 381 up to V202201, read as Italy too: see country_codes()); NULL when none';
COMMENT ON FUNCTION @extschema@.country_name(@extschema@.country) IS 'English short name (ISO 3166-1 via Debian iso-codes; UN Comtrade name for special entries, but XAN: Other countries (USGS residual; Comtrade Areas, nes), the row where USGS prints "Other countries" and Comtrade trade with unspecified areas)';
COMMENT ON FUNCTION @extschema@.is_aggregate(@extschema@.country) IS 'true for World, the EU, "Areas, nes" (XAN, also USGS "Other countries") and other non-country areas (Free Zones, SACU); false for S19 "Other Asia, nes", which carries Taiwan''s trade and is a real partner.  Over production_latest, keep XAN to reproduce USGS''s HHI (the residual as one supplier, as supply_concentration does); filter NOT is_aggregate(country) to rank named countries only';
COMMENT ON FUNCTION @extschema@.region(@extschema@.country) IS 'UN M49 region (Africa, Americas, Asia, Europe, Oceania); NULL when none (Antarctica, World, USSR)';
COMMENT ON FUNCTION @extschema@.subregion(@extschema@.country) IS 'UN M49 sub-region (e.g. Eastern Asia, Sub-Saharan Africa); NULL when none';
COMMENT ON FUNCTION @extschema@.eu_member(@extschema@.country, int) IS 'part of the EU (EEC before 1993) on 31 December of the year: founders 1958, DK/IE/GB 1973, GR 1981, ES/PT 1986, AT/FI/SE 1995, ten in 2004, BG/RO 2007, HR 2013; GB until 2019; Greenland 1973-1984 (left 1 February 1985); territories with their own code where the Treaties apply (TFEU art. 355): outermost regions GLP, GUF, MTQ, REU, MAF with France from 1958, MYT from 2014, BLM until 2011; ALA from 1995; GIB 1973-2019 (outside the customs union); overseas countries and territories, Faroe, Channel Islands and Isle of Man never';
COMMENT ON FUNCTION @extschema@.country_from_code(int, text) IS 'the country of a numeric code in scheme ''m49'', ''comtrade'' or ''baci'', a legacy or historical number included (country_codes()); error 22P02 when unknown, with the reason when the number is one Comtrade publishes for a territory that is no entry (459 Peninsula Malaysia (...1963))';
COMMENT ON FUNCTION @extschema@.is_valid_country(text) IS 'whether text is accepted as a country (PostgreSQL 15 has no pg_input_is_valid)';
COMMENT ON FUNCTION @extschema@.country_codes() IS 'every numeric code of every scheme (m49, comtrade, baci): the entry it is read as and whether it is that entry''s own code (is_own; false for a legacy or historical number such as Comtrade 381 Italy or 841 USA and Puerto Rico (...1980)), then the Comtrade numbers that name no entry with why (country NULL, refused_because); the loaders read country codes through it';
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
