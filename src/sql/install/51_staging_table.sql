-- ---------------------------------------------------------------------------
-- stage(source): the session's staging table for one kind of file
-- ---------------------------------------------------------------------------
-- A part of its own, apart from the record types of 51_staging.sql (CREATE
-- TYPE cannot run twice), so that the update replays it whole.  A temporary
-- table is private to its session and vanishes with it; loaders read it,
-- file what they refuse, and truncate it.  Calling stage() again keeps a
-- table already there (and its rows).
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
