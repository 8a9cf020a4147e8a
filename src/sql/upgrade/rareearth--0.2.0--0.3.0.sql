-- rareearth 0.2.0 -> 0.3.0.  The Makefile assembles the update script from
-- this file and the install parts listed in UPGRADE_0_3_0_PARTS (new in
-- 0.3.0, or replaced as a whole).  Every change to an install part comes
-- with its change here, in the same commit: test/scripts/upgrade.sh updates
-- 0.1.0 and 0.2.0 to 0.3.0 and compares the catalog with a fresh install.
-- The parts listed in UPGRADE_0_3_0_PARTS follow this file whole (their
-- functions are CREATE OR REPLACE); this file carries the changes of every
-- other part, one section per change, functions as CREATE OR REPLACE.  The
-- update does
-- not touch the store (it belongs to its owner, not to the extension): the
-- owner runs create_store() after it, which adds what is missing and
-- redefines the views.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.3.0'" to load this file. \quit

-- files: 54_load_trade.sql (the trade loaders: booleans in any spelling, the
-- net weight's source, comtrade_load_rows shared with load_comtrade_file) is
-- replayed whole after this file (Makefile UPGRADE_0_3_0_PARTS)

-- files: 58_load_trade_file.sql (load_comtrade_file, new) is replayed whole
-- after this file (Makefile UPGRADE_0_3_0_PARTS)

-- rooms: stage() (its NULL source an error that says NULL, 22004, no longer a
-- silent NULL) is in a part of its own, 51_staging_table.sql, replayed whole
-- after this file (Makefile UPGRADE_0_3_0_PARTS)

-- usgs: cagr and required_cagr of two values and two years refuse a NULL argument (22004)
CREATE OR REPLACE FUNCTION @extschema@.cagr(start_value float8, end_value float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'cagr_years' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.required_cagr(current float8, target float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'required_cagr_years' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cagr(float8, float8, int, int) IS 'compound annual growth rate from the value in from_year to the value in to_year (calendar years): (end/start)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when start or end <= 0; to_year <= from_year is an error (22023), a NULL argument too (22004)';
COMMENT ON FUNCTION @extschema@.required_cagr(float8, float8, int, int) IS 'yearly growth needed to go from current (in from_year) to target (in to_year), calendar years: (target/current)^(1/(to_year - from_year)) - 1; NULL when either value <= 0; to_year <= from_year is an error (22023), a NULL argument too (22004)';

-- newcomer: country_name(XAN) says what the row is (USGS's residual, Comtrade's unspecified areas)
COMMENT ON FUNCTION @extschema@.country_name(@extschema@.country) IS 'English short name (ISO 3166-1 via Debian iso-codes; UN Comtrade name for special entries, but XAN: Other countries (USGS residual; Comtrade Areas, nes), the row where USGS prints "Other countries" and Comtrade trade with unspecified areas)';

-- origin: without_largest(supply_mix), the supply left without the largest supplier
CREATE FUNCTION @extschema@.without_largest(@extschema@.supply_mix,
	OUT largest_supplier text, OUT largest_share float8, OUT quantity_left float8, OUT share_left float8) RETURNS record
	AS 'MODULE_PATHNAME', 'supply_mix_without_largest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.without_largest(@extschema@.supply_mix) IS 'supply left without the largest supplier (the IEA''s test of diversification, Global Critical Minerals Outlook: what remains if the largest source fails): the largest supplier (ties: first by supplier) and its share, the other suppliers'' quantity and its share of the total (0-1); quantity_left 0 and the rest NULL when the total is 0; on traced_origin it answers for the largest origin, not the largest direct partner';

-- origin: stages chained (chained_origin, chained_origin_flows,
-- chained_disruption, new in 0.3.0): 36_origin_chains.sql is replayed whole
-- after this file (Makefile UPGRADE_0_3_0_PARTS)

-- names: a country compared with text (the reporting views' country columns are typed from 0.3.0)
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
-- codes: Kosovo, Comtrade's legacy and historical numbers and its "nes" areas in the country
-- table (C); country_codes() lists every number, the loaders read codes through it
CREATE FUNCTION @extschema@.country_codes(
	OUT scheme text, OUT code int, OUT country @extschema@.country, OUT is_own bool, OUT refused_because text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'country_codes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 800;
COMMENT ON FUNCTION @extschema@.iso3(@extschema@.country) IS 'ISO 3166-1 alpha-3 code (ISO 3166-3 for historical entries, XKX for Kosovo), or the documented 3-character code of a special entry (WLD, EUU, S19, XAN, XFZ, ZA1, BLX, the Comtrade "nes" areas such as E19 Other Europe, nes)';
COMMENT ON FUNCTION @extschema@.comtrade_code(@extschema@.country) IS 'UN Comtrade reporter/partner code (differs from M49 e.g. for USA 842, France 251, Norway 579, Switzerland 757, India 699; Kosovo 412); NULL when Comtrade has none (Taiwan is reported as 490 Other Asia, nes); legacy and historical numbers read as the entry (381 Italy, 841 USA and Puerto Rico) are in country_codes()';
COMMENT ON FUNCTION @extschema@.baci_code(@extschema@.country) IS 'CEPII BACI country code (Comtrade-style; Italy 380 since V202301, 381 up to V202201, read as Italy too: see country_codes()); NULL when none';
COMMENT ON FUNCTION @extschema@.country_from_code(int, text) IS 'the country of a numeric code in scheme ''m49'', ''comtrade'' or ''baci'', a legacy or historical number included (country_codes()); error 22P02 when unknown, with the reason when the number is one Comtrade publishes for a territory that is no entry (459 Peninsula Malaysia (...1963))';
COMMENT ON FUNCTION @extschema@.country_codes() IS 'every numeric code of every scheme (m49, comtrade, baci): the entry it is read as and whether it is that entry''s own code (is_own; false for a legacy or historical number such as Comtrade 381 Italy or 841 USA and Puerto Rico (...1980)), then the Comtrade numbers that name no entry with why (country NULL, refused_because); the loaders read country codes through it';
