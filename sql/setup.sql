-- setup: runs first.  Creates the extension the other tests use and puts
-- its schema on the test database's search path for every later session.
CREATE EXTENSION rareearth;
-- the data store the loader and view tests use (tables owned by the caller)
SELECT rareearth.create_store();
-- the control file's default version (its one source; test/scripts/version.sh checks
-- the rest), so that no expected output changes with a version bump
SELECT e.extversion = a.default_version AS default_version_installed
FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname
WHERE e.extname = 'rareearth';
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
-- force_parallel_plans: costs that make the planner choose Partial and
-- Finalize Aggregate under a Gather even over small tables (workers only, so
-- the partial states travel); reset_parallel_plans undoes it.
CREATE PROCEDURE force_parallel_plans() LANGUAGE sql AS $$
  SELECT set_config('max_parallel_workers_per_gather', '2', false), set_config('parallel_setup_cost', '0', false),
         set_config('parallel_tuple_cost', '0', false), set_config('min_parallel_table_scan_size', '0', false),
         set_config('parallel_leader_participation', 'off', false);
$$;
CREATE PROCEDURE reset_parallel_plans() LANGUAGE plpgsql AS $$
BEGIN
  RESET parallel_leader_participation; RESET min_parallel_table_scan_size; RESET parallel_tuple_cost;
  RESET parallel_setup_cost; RESET max_parallel_workers_per_gather;
END $$;
-- sql_fails: true when running q raises an error (for refusals whose
-- wording or SQLSTATE belongs to core PostgreSQL and differs between minor
-- releases)
CREATE FUNCTION sql_fails(q text) RETURNS bool LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN false;
EXCEPTION WHEN OTHERS THEN
  RETURN true;
END $$;
-- copy_file: a path for server-side COPY files inside the throwaway cluster's
-- own data directory (never a shared /tmp)
CREATE FUNCTION copy_file(name text) RETURNS text LANGUAGE sql AS
  $$ SELECT current_setting('data_directory') || '/' || name $$;
-- copy_binary_into: loads raw bytes into the one-column table target through
-- COPY BINARY, as a client sending the type's binary form would: a bytea
-- written with COPY BINARY is a field of exactly those bytes, and reading
-- the file back into a column of the target type passes them to its
-- receive function.
CREATE FUNCTION copy_binary_into(hex text, target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE f text := copy_file('copy_binary_into.bin');
BEGIN
  CREATE TEMP TABLE copy_binary_raw (b bytea);
  INSERT INTO copy_binary_raw VALUES (decode(hex, 'hex'));
  EXECUTE format('COPY copy_binary_raw TO %L WITH (FORMAT binary)', f);
  DROP TABLE copy_binary_raw;
  EXECUTE format('COPY %s FROM %L WITH (FORMAT binary)', target, f);
END $$;
-- try_recv: hands raw bytes to a type's binary receive function (through
-- copy_binary_into).  Returns 'accepted: <text form>' or 'SQLSTATE: message / detail'.
CREATE FUNCTION try_recv(hex text, target regtype) RETURNS text LANGUAGE plpgsql AS $$
DECLARE result text; d text;
BEGIN
  EXECUTE format('CREATE TEMP TABLE try_recv_in (v %s)', target);
  BEGIN
    PERFORM copy_binary_into(hex, 'try_recv_in');
    SELECT 'accepted: ' || v::text INTO result FROM try_recv_in;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    result := SQLSTATE || ': ' || SQLERRM || ' / ' || d;
  END;
  DROP TABLE try_recv_in;
  RETURN result;
END $$;
-- huge_halves: a table in two partitions whose quantities add up to 1e308 in
-- each (30,000 rows of 1e308 / 30000), so that partitionwise aggregation
-- combines two partial sums of 1e308: the overflow happens in an
-- aggregate's combine function.
CREATE TABLE huge_halves (part int, g int, supplier text, qty float8) PARTITION BY LIST (part);
CREATE TABLE huge_halves_1 PARTITION OF huge_halves FOR VALUES IN (1);
CREATE TABLE huge_halves_2 PARTITION OF huge_halves FOR VALUES IN (2);
INSERT INTO huge_halves
SELECT p, 1, 'P' || p, (1e308 / 30000)::float8 FROM generate_series(1, 2) p, generate_series(1, 30000) i;
ANALYZE huge_halves;
-- combine_error: runs q (an aggregate over huge_halves grouped by g) with
-- partitionwise aggregation, after checking that the plan combines partial
-- aggregates of both partitions.  Returns 'SQLSTATE: message' or 'no error'.
CREATE FUNCTION combine_error(q text) RETURNS text LANGUAGE plpgsql
SET enable_partitionwise_aggregate = on SET max_parallel_workers_per_gather = 0 AS $$
BEGIN
  IF NOT plan_has(q, 'Finalize', 'Partial', 'huge_halves_1', 'huge_halves_2') THEN
    RETURN 'not a partitionwise plan';
  END IF;
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
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
