-- Helpers of check.sql, forms.sql and the benchmark (session-local, in pg_temp).
-- remote_sql(q): each Foreign Scan of q's plan as (node, Remote SQL), the
-- node read from its partition's name (trade_nodeN, trade_flow_nodeN)
CREATE FUNCTION pg_temp.remote_sql(q text) RETURNS TABLE (node int, sql text) LANGUAGE plpgsql AS $$
DECLARE p jsonb;
BEGIN
	EXECUTE 'EXPLAIN (VERBOSE, FORMAT JSON) ' || q INTO p;
	RETURN QUERY
	SELECT (regexp_match(coalesce(n ->> 'Relations', n ->> 'Relation Name'), '_node([0-9]+)'))[1]::int,
	       n ->> 'Remote SQL'
	FROM jsonb_path_query(p, 'strict $.**') n
	WHERE jsonb_typeof(n) = 'object' AND n ->> 'Node Type' = 'Foreign Scan';
END $$;

-- shipped_rows(q): rows the Foreign Scans of q return to the coordinator, when run
-- ("Actual Rows" is a decimal such as 67.00 since PostgreSQL 18: via numeric)
CREATE FUNCTION pg_temp.shipped_rows(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ' || q INTO p;
	RETURN (SELECT sum((n ->> 'Actual Rows')::numeric::bigint)
	        FROM jsonb_path_query(p, 'strict $.**') n
	        WHERE jsonb_typeof(n) = 'object' AND n ->> 'Node Type' = 'Foreign Scan');
END $$;

-- the query run to its last row (no count(*) wrapper: the planner would
-- drop unused aggregates from a subquery), best of reps; CPU milliseconds of
-- this backend over the best run, from /proc/self/stat (utime + stime)
CREATE FUNCTION pg_temp.cpu_ms() RETURNS float8 LANGUAGE sql AS $$
	SELECT (f[12]::float8 + f[13]::float8) * 10
	FROM (SELECT string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') AS f) s
$$;
CREATE FUNCTION pg_temp.timed(q text, reps int, OUT ms float8, OUT cpu_ms float8) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; c0 float8; r record; this float8;
BEGIN
	ms := 'Infinity';
	FOR i IN 1..reps LOOP
		c0 := pg_temp.cpu_ms();
		t0 := clock_timestamp();
		FOR r IN EXECUTE q LOOP END LOOP;
		this := extract(epoch FROM clock_timestamp() - t0) * 1000;
		IF this < ms THEN ms := this; cpu_ms := pg_temp.cpu_ms() - c0; END IF;
	END LOOP;
END $$;
