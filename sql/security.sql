-- security: the install script resists objects planted before CREATE
-- EXTENSION (CVE-2022-2625 class), and the extension is trusted: a database
-- owner who is not superuser can install it.  Runs in its own database.
\set VERBOSITY terse
CREATE DATABASE rareearth_security;
\c rareearth_security
SET client_min_messages = warning;

-- a hostile user owns a schema early on everyone's search path and plants
-- look-alike functions and operators there
CREATE ROLE hostile;
CREATE SCHEMA evil AUTHORIZATION hostile;
SET ROLE hostile;
CREATE FUNCTION evil.pwn(float8, float8) RETURNS float8 LANGUAGE plpgsql AS
  $$ BEGIN RAISE WARNING 'hostile operator called'; RETURN 0; END $$;
CREATE OPERATOR evil.+ (LEFTARG = float8, RIGHTARG = float8, FUNCTION = evil.pwn);
CREATE OPERATOR evil.* (LEFTARG = float8, RIGHTARG = float8, FUNCTION = evil.pwn);
CREATE OPERATOR evil./ (LEFTARG = float8, RIGHTARG = float8, FUNCTION = evil.pwn);
CREATE OPERATOR evil.- (LEFTARG = float8, RIGHTARG = float8, FUNCTION = evil.pwn);
CREATE FUNCTION evil.hhi(text) RETURNS float8 LANGUAGE sql AS $$ SELECT -1::float8 $$;
RESET ROLE;
SET search_path = evil, public;
CREATE EXTENSION rareearth;
-- nothing of the extension landed in, or depends on, the hostile schema
SELECT count(*) AS objects_in_evil
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth')
  AND p.pronamespace = 'evil'::regnamespace;
SELECT count(*) AS extension_deps_on_evil
FROM pg_depend d
WHERE d.objid IN (SELECT objid FROM pg_depend WHERE refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth'))
  AND d.refobjid IN (SELECT oid FROM pg_proc WHERE pronamespace = 'evil'::regnamespace
                     UNION SELECT oid FROM pg_operator WHERE oprnamespace = 'evil'::regnamespace);
-- every function the extension installs, called with the hostile path active,
-- raises no warning (client_min_messages = warning would show it)
SELECT rareearth.hhi(rareearth.supply_mix(c, q)), rareearth.entropy(rareearth.supply_mix(c, q)) > 0 AS entropy_ok
FROM (VALUES ('a', 1::float8), ('b', 3)) v(c, q);
-- SQL and PL/pgSQL functions of the extension pin their search_path to
-- exactly pg_catalog, pg_temp (schemas no ordinary role can create objects
-- in; the extension's own objects are written @extschema@.name), or, for
-- SQL, have a SQL-standard body (parsed once, at install)
SELECT count(*) > 0 AS has_sql_or_plpgsql_functions
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth')
  AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'));
SELECT p.oid::regprocedure AS unpinned_sql_function
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth')
  AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
  AND p.prosqlbody IS NULL
  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c = 'search_path=pg_catalog, pg_temp');
DROP EXTENSION rareearth;
DROP SCHEMA rareearth;

-- a schema "rareearth" that a hostile role created first is refused: its
-- owner could drop or shadow the extension's objects later
CREATE SCHEMA rareearth AUTHORIZATION hostile;
CREATE EXTENSION rareearth;
DROP SCHEMA rareearth CASCADE;
-- an object already in the extension's schema is never adopted or replaced
-- (no CREATE OR REPLACE, no IF NOT EXISTS): the install fails instead
CREATE SCHEMA rareearth;
CREATE TYPE rareearth.supply_mix AS (planted int);
CREATE EXTENSION rareearth;
SELECT count(*) AS extension_installed FROM pg_extension WHERE extname = 'rareearth';
DROP SCHEMA rareearth CASCADE;

-- trusted: a non-superuser database owner installs it
CREATE ROLE dbowner;
GRANT CREATE ON DATABASE rareearth_security TO dbowner;
SET ROLE dbowner;
CREATE EXTENSION rareearth;
SELECT rareearth.hhi('{"a": 1, "b": 1}'::rareearth.supply_mix) = 5000 AS works_for_owner;
DROP EXTENSION rareearth;
RESET ROLE;

\c contrib_regression
DROP DATABASE rareearth_security;
DROP ROLE hostile;
DROP ROLE dbowner;
