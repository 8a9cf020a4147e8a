-- ---------------------------------------------------------------------------
-- The extension's schema belongs to a superuser, not to the installing role
-- ---------------------------------------------------------------------------
-- A trusted extension is installed by a non-superuser, and CREATE EXTENSION
-- makes the schema it creates that role's.  A schema's owner may drop,
-- rename and re-create anything in it: replace a store table or view that
-- a superuser created with one carrying its own code, or rename the schema
-- and build a look-alike "rareearth" that the extension's own functions
-- would then call.  So the schema passes to the role running
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
