-- ---------------------------------------------------------------------------
-- What every loader does first and last: check the store and the staging
-- table, serialize with other loads, file the refused rows
-- ---------------------------------------------------------------------------

-- begin_load(source): called by each loader's opening (open_load) before it
-- reads its staging table.  Errors, in order:
--   * no store (42P01): create_store() was never run;
--   * a store of an earlier version (55000): its owner has not run
--     create_store() since the extension was updated;
--   * no staging table (42P01): stage(source) was not called in this session;
--   * a target table that would run code of a role other than a superuser
--     or the current one (42501, guard_store): another role could have put
--     triggers, rules, defaults or index expressions on it.
-- It takes SHARE ROW EXCLUSIVE on load_rejects and the target tables before
-- the check: this mode conflicts with itself, with writers and with adding
-- triggers, rules or defaults, not with readers, so loads run one at a time
-- while queries and views read on, and nothing can be attached between the
-- check and the load.
CREATE OR REPLACE FUNCTION @extschema@.begin_load(source text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF source IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'the staging source is NULL';
	END IF;
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

-- open_load(source, from_file, null_argument, hint): the opening every
-- loader makes, in one call, before it reads a row:
--   * null_argument names the loader's first required argument that is NULL
--     (e.g. 'release'): an error that says so (22004), with hint, before the
--     store or the staging table is looked at;
--   * a file loader (from_file) has no staging table of its own: stage(source)
--     makes it;
--   * then begin_load(source): the store's checks and locks.
CREATE OR REPLACE FUNCTION @extschema@.open_load(source text, from_file bool DEFAULT false,
	null_argument text DEFAULT NULL, hint text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF null_argument IS NOT NULL AND hint IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
			MESSAGE = pg_catalog.format('the %s is NULL', null_argument), HINT = hint;
	ELSIF null_argument IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
			MESSAGE = pg_catalog.format('the %s is NULL', null_argument);
	END IF;
	IF from_file THEN
		PERFORM @extschema@.stage(source);
	END IF;
	PERFORM @extschema@.begin_load(source);
END
$fn$;
COMMENT ON FUNCTION @extschema@.open_load(text, bool, text, text) IS
	'loader helper: the opening every loader makes: an error (22004) naming null_argument, the loader''s first required argument that is NULL, with hint; for a file loader (from_file) its staging table (stage); then begin_load(source)';

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
CREATE OR REPLACE FUNCTION @extschema@.record_staged_rejects(source text, release text, file text) RETURNS bigint
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
CREATE OR REPLACE FUNCTION @extschema@.record_file_rejects(source text, release text, file text, rejects jsonb) RETURNS bigint
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

CREATE OR REPLACE FUNCTION @extschema@.record_rejects(source text, release text, rejects jsonb) RETURNS bigint
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT @extschema@.record_file_rejects(source, release, NULL::text, rejects);
END;
COMMENT ON FUNCTION @extschema@.record_rejects(text, text, jsonb) IS
	'files a loader''s refused rows and warnings ([{reason, record, severity}, ...], severity rejected by default or warning) of a staging table (no file) in load_rejects, replacing what earlier loads of the same source and release from a staging table filed; once per source, release, reason and record; returns how many were added';
