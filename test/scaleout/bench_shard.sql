-- bench-cluster, on a shard (database "shard"): one Remote SQL (psql
-- variable q) alone on its node, as the shard would run it on a machine of
-- its own; without parallel workers, because postgres_fdw reads through a
-- cursor and a cursor never runs in parallel.  Prints: best milliseconds,
-- rows, and bytes of the rows in the text form postgres_fdw fetches
-- (DataRow messages: 7 bytes a row, 4 a column, then each value's text).
\set ON_ERROR_STOP on
SET jit = off;
SET work_mem = '512MB';
SET max_parallel_workers_per_gather = 0;
\i test/scaleout/helpers.sql
SELECT t.ms, b.rows, b.bytes
FROM pg_temp.timed(:'q', :reps) t,
     (SELECT count(*) AS rows, sum(7 + (SELECT sum(4 + coalesce(octet_length(value), 0)) FROM json_each_text(row_to_json(r)))) AS bytes
      FROM (:q) r) b;
