-- setup: runs first.  Creates the extension the other tests use and puts
-- its schema on the test database's search path for every later session.
CREATE EXTENSION rareearth;
-- the data store the loader and view tests use (tables owned by the caller)
SELECT rareearth.create_store();
SELECT extversion FROM pg_extension WHERE extname = 'rareearth';
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET search_path = rareearth, public', current_database());
END $$;
-- every object the extension installs carries a comment
SELECT pg_describe_object(classid, objid, objsubid) AS uncommented
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth')
  AND d.deptype = 'e'
  AND obj_description(objid, classid::regclass::text::name) IS NULL
  AND classid <> 'pg_type'::regclass  -- array types and composite row types are implicit
ORDER BY 1;
-- types: explicit check (their implicit array types carry no comment)
SELECT t.typname AS uncommented_type
FROM pg_type t JOIN pg_depend d ON d.objid = t.oid AND d.classid = 'pg_type'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth')
  AND d.deptype = 'e' AND t.typcategory <> 'A' AND t.typrelid = 0
  AND obj_description(t.oid, 'pg_type') IS NULL;

-- Helpers shared by the tests that follow (public schema of the test database).
-- plan_has: true when EXPLAIN of q mentions every needle (else a NOTICE with the plan).
CREATE FUNCTION plan_has(q text, VARIADIC needles text[]) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE plan text := ''; line text; n text;
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP plan := plan || line || E'\n'; END LOOP;
  FOREACH n IN ARRAY needles LOOP
    IF position(n IN plan) = 0 THEN RAISE NOTICE 'plan lacks %: %', n, plan; RETURN false; END IF;
  END LOOP;
  RETURN true;
END $$;
-- copy_file: a path for server-side COPY files inside the throwaway cluster's
-- own data directory (never a shared /tmp)
CREATE FUNCTION copy_file(name text) RETURNS text LANGUAGE sql AS
  $$ SELECT current_setting('data_directory') || '/' || name $$;
-- try_recv: hands raw bytes to a type's binary receive function.  A bytea
-- written with COPY BINARY is a field of exactly those bytes; reading the
-- file back into a column of the target type passes them to its receive
-- function.  Returns 'accepted: <text form>' or 'SQLSTATE: message / detail'.
CREATE FUNCTION try_recv(hex text, target regtype) RETURNS text LANGUAGE plpgsql AS $$
DECLARE f text := copy_file('try_recv.bin'); result text; d text;
BEGIN
  CREATE TEMP TABLE try_recv_raw (b bytea);
  EXECUTE format('CREATE TEMP TABLE try_recv_in (v %s)', target);
  INSERT INTO try_recv_raw VALUES (decode(hex, 'hex'));
  EXECUTE format('COPY try_recv_raw TO %L WITH (FORMAT binary)', f);
  BEGIN
    EXECUTE format('COPY try_recv_in FROM %L WITH (FORMAT binary)', f);
    SELECT 'accepted: ' || v::text INTO result FROM try_recv_in;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    result := SQLSTATE || ': ' || SQLERRM || ' / ' || d;
  END;
  DROP TABLE try_recv_raw, try_recv_in;
  RETURN result;
END $$;
-- error_of: runs a statement and returns 'SQLSTATE: message' of the error
-- it raises, or 'no error' (tests assert the SQLSTATE of bad input)
CREATE FUNCTION error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
