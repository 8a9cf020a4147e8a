-- rareearth 0.2.0 -> 0.3.0.  The Makefile assembles the update script from
-- this file and the install parts listed in UPGRADE_0_3_0_PARTS (new in
-- 0.3.0, or replaced as a whole).  Every change to an install part comes
-- with its change here, in the same commit: test/scripts/upgrade.sh updates
-- 0.1.0 and 0.2.0 to 0.3.0 and compares the catalog with a fresh install.
-- 52_store.sql, 55_load_usgs_mcs.sql, 56_store_views.sql and
-- 57_load_usgs_mcs_file.sql follow this file whole (their functions are
-- CREATE OR REPLACE); this file carries the changes of every other part,
-- one section per change, functions as CREATE OR REPLACE.  The update does
-- not touch the store (it belongs to its owner, not to the extension): the
-- owner runs create_store() after it, which adds what is missing and
-- redefines the views.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.3.0'" to load this file. \quit

-- store versions: loaders refuse a store still in an earlier version's
-- shape (check_store_version(), in 52_store.sql)
CREATE OR REPLACE FUNCTION @extschema@.begin_load(source text) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF pg_catalog.to_regclass('@extschema@.load_rejects') IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table',
			MESSAGE = 'there is no rareearth data store in this database',
			HINT = 'Create it once with: SELECT rareearth.create_store();';
	END IF;
	PERFORM @extschema@.check_store_version();
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
	'loader helper: checks that the data store exists in the extension''s version (check_store_version) and that this session staged rows (stage(source)); then locks the store''s tables against other loads (readers are not blocked) and checks them with guard_store (no code of a role other than a superuser or the caller)';

-- usgs: stage(NULL) is an error that says NULL (22004), no longer a silent NULL
CREATE OR REPLACE FUNCTION @extschema@.stage(source text) RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	record_type regtype;
BEGIN
	IF source IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'the staging source is NULL',
			HINT = 'Use comtrade, baci or usgs_mcs.';
	END IF;
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
	'creates this session''s staging table pg_temp.<source>_raw (source comtrade, baci or usgs_mcs; a temporary table of the matching record type) unless it exists, and returns it; \copy the downloaded file into it, then run the loader; a NULL source is an error (22004)';

-- usgs: cagr and required_cagr of two values and two years refuse a NULL argument (22004)
CREATE OR REPLACE FUNCTION @extschema@.cagr(start_value float8, end_value float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'cagr_years' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.required_cagr(current float8, target float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'required_cagr_years' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cagr(float8, float8, int, int) IS 'compound annual growth rate from the value in from_year to the value in to_year (calendar years): (end/start)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when start or end <= 0; to_year <= from_year is an error (22023), a NULL argument too (22004)';
COMMENT ON FUNCTION @extschema@.required_cagr(float8, float8, int, int) IS 'yearly growth needed to go from current (in from_year) to target (in to_year), calendar years: (target/current)^(1/(to_year - from_year)) - 1; NULL when either value <= 0; to_year <= from_year is an error (22023), a NULL argument too (22004)';
