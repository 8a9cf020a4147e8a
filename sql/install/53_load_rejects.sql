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
