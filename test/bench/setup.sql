-- The benchmark's own bookkeeping, in schema bench of the throwaway cluster:
-- the queries to time, their times and their hash-aggregate memory, and the
-- two checks every timed query passes first.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS rareearth;
CREATE SCHEMA IF NOT EXISTS bench;

-- what to time: one row per query of a shape; role is ours, plain or floor
CREATE TABLE IF NOT EXISTS bench.queries (
	id serial PRIMARY KEY, shape text, rows bigint, family text, role text,
	variant text, markers text[], q text);
CREATE TABLE IF NOT EXISTS bench.times (
	query int, workers int, workers_planned int, ms float8);
CREATE TABLE IF NOT EXISTS bench.shapes (
	shape text PRIMARY KEY, rows bigint, groups bigint, skew float8, seed float8,
	years int, gkey text, dup float8);
-- scale_model.sql: a shape's groups, rows a group, partial states of its
-- split into slices, and the bytes of one partial state (binary send form)
CREATE TABLE IF NOT EXISTS bench.model_inputs (
	shape text PRIMARY KEY, groups bigint, rows_per_group float8,
	partial_states bigint, slices int, state_bytes float8);
-- the scale model's partial states: G groups of n rows over p processes,
-- a row's block landing in a random process: G p (1 - (1 - 1/p)^n)
CREATE OR REPLACE FUNCTION bench.partial_states(groups float8, rows_per_group float8, processes float8)
RETURNS float8 LANGUAGE sql IMMUTABLE
RETURN groups * processes * (1 - (1 - 1 / processes) ^ rows_per_group);
CREATE TABLE IF NOT EXISTS bench.memory (
	query int, groups bigint, peak_kb bigint, disk_kb bigint, batches int);

-- Register a query: its shape, row count, family, role and the text that
-- must appear in the output of its plan's top node.
CREATE OR REPLACE FUNCTION bench.add(shape text, family text, role text, variant text,
                                     markers text[], q text) RETURNS void
LANGUAGE sql AS $$
INSERT INTO bench.queries (shape, rows, family, role, variant, markers, q)
SELECT shape, (SELECT reltuples::bigint FROM pg_class WHERE oid = ('bench.' || shape)::regclass),
       family, role, variant, markers, q
$$;

-- The planner drops subquery outputs the outer query does not use, so a
-- timed query could compute nothing of what it claims.  Stop unless every
-- marker (e.g. 'supply_mix(') appears in the Output of the plan's top node,
-- i.e. in what is sent to the client.  Returns the workers planned.
CREATE OR REPLACE FUNCTION bench.check_plan(q text, markers text[]) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	plan jsonb;
	output text;
	m text;
BEGIN
	EXECUTE 'EXPLAIN (VERBOSE, FORMAT JSON) ' || q INTO plan;
	-- what reaches the client: the top node's Output, or, for an Append
	-- (a partitionwise plan: EXPLAIN prints no Output for it), each of its
	-- children's, every one of which must compute the markers
	FOR output IN
		-- columns unqualified, as the markers write them (EXPLAIN qualifies
		-- them when the plan reads several relations, e.g. partitions)
		SELECT regexp_replace(coalesce(p ->> 'Output', ''), '\m[a-z_][a-z0-9_]*\.(?=[a-z_])', '', 'g')
		FROM (SELECT plan -> 0 -> 'Plan' AS top) t,
		     LATERAL jsonb_array_elements(CASE WHEN top ->> 'Node Type' IN ('Append', 'Merge Append') AND top ->> 'Output' IS NULL
		                                       THEN top -> 'Plans' ELSE jsonb_build_array(top) END) p
	LOOP
		FOREACH m IN ARRAY markers LOOP
			IF position(m IN output) = 0 THEN
				RAISE EXCEPTION 'the timed plan does not compute "%" in its output', m
					USING DETAIL = format('Output of the top plan node (or of a child of its Append): %s', output),
					      HINT = 'A benchmark must send what it times to the client.';
			END IF;
		END LOOP;
	END LOOP;
	RETURN coalesce((SELECT sum((n ->> 'Workers Planned')::int)
	                 FROM jsonb_path_query(plan, 'strict $.** ? (exists (@."Workers Planned"))') n), 0);
END $$;

-- EXPLAIN ANALYZE once (not timed): the hashed aggregates' peak memory and
-- disk use, summed over the plan's hash-aggregate nodes, and the groups
-- (rows) of the top aggregate.
CREATE OR REPLACE FUNCTION bench.record_memory(query int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	plan jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || (SELECT q FROM bench.queries WHERE id = query) INTO plan;
	INSERT INTO bench.memory
	-- the groups are the rows the top node returns (one per group; a
	-- partitionwise plan's Append returns those of every partition; a
	-- decimal such as 67.00 since PostgreSQL 18, so via numeric)
	SELECT query, (plan -> 0 -> 'Plan' ->> 'Actual Rows')::numeric::bigint,
	       sum((h ->> 'Peak Memory Usage')::bigint), sum((h ->> 'Disk Usage')::bigint),
	       max((h ->> 'HashAgg Batches')::int)
	FROM jsonb_path_query(plan, 'strict $.** ? (@."Strategy" == "Hashed")') h;
END $$;

-- Stop the benchmark (ON_ERROR_STOP) when ok is not true.
CREATE OR REPLACE FUNCTION bench.require(ok bool, what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF ok IS NOT TRUE THEN
		RAISE EXCEPTION 'benchmark check failed: %', what;
	END IF;
END $$;
