-- ---------------------------------------------------------------------------
-- Which parts of the performance layer this build uses on this server.  The
-- state pool and the prefetch read PostgreSQL's hash aggregation internals,
-- so they are on only for the major versions whose layout was checked
-- (src/pg_compat.h); elsewhere they switch themselves off and this says so.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.performance_layers(OUT layer text, OUT active boolean, OUT used bigint)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 're_sql_performance_layers' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.performance_layers() IS
	'the performance layers (state pool: small aggregate states cut from blocks of a hashed aggregation''s memory; prefetch: final functions fetching the next groups'' memory ahead of the hash table walk): whether each is active with this PostgreSQL version, and how often it acted in this session (pool: states served; prefetch: final calls that looked ahead)';
