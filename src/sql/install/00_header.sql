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
