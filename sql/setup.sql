-- setup: runs first.  Creates the extension the other tests use and puts
-- its schema on the test database's search path for every later session.
CREATE EXTENSION rareearth;
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
