-- distributed_aggregates: every aggregate of the extension can be computed
-- in parts and the parts combined, as PostgreSQL's parallel and
-- partitionwise aggregation need and as Citus needs to aggregate on its
-- workers without pulling rows to the coordinator (README, "Running on
-- Citus"): a combine function; for an internal state, serialize and
-- deserialize functions (state to bytea and back); PARALLEL SAFE, the
-- aggregate and every support function; a plain aggregate (not ordered-set).
-- Also what postgres_fdw needs to ship a summary from a shard: the result
-- type has text input and output (it is fetched as text).
WITH aggs AS (
	SELECT a.*, p.proparallel, p.prorettype
	FROM pg_aggregate a
	JOIN pg_proc p ON p.oid = a.aggfnoid
	JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND d.refclassid = 'pg_extension'::regclass
	WHERE e.extname = 'rareearth')
SELECT a.aggfnoid::regprocedure AS aggregate,
       a.aggtranstype::regtype AS state,
       a.aggcombinefn <> 0 AS combine,
       (a.aggtranstype <> 'internal'::regtype OR (a.aggserialfn <> 0 AND a.aggdeserialfn <> 0)) AS serial,
       a.proparallel = 's'
       AND NOT EXISTS (SELECT FROM pg_proc f
                       WHERE f.oid IN (a.aggtransfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.aggfinalfn)
                         AND f.proparallel <> 's') AS parallel_safe,
       a.aggkind = 'n' AS plain,
       EXISTS (SELECT FROM pg_type t WHERE t.oid = a.prorettype AND t.typinput <> 0 AND t.typoutput <> 0) AS text_io
FROM aggs a
ORDER BY a.aggfnoid::regprocedure::text;

