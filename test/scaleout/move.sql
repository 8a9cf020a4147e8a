-- Adding a node: hand some reporters from the nodes that hold them to a new
-- node whose partition does not exist yet (README, "Adding a node").
-- Before this, on the new node: the database, the extension, the table, and
-- the moving reporters' rows copied from their old nodes (the new node is
-- not yet a partition, so no query sees those rows twice).  Loads of the
-- moving reporters pause from the copy until this commits.
-- The new node's server is created first (server.sql).  psql variables:
-- new (the new node's number), reporters (the moving reporters, quoted:
-- 'CHN', 'USA').
-- Then, in one transaction on the coordinator: every partition that loses
-- reporters is detached, loses their rows on its node (DELETE through the
-- foreign table: postgres_fdw commits it on the node just before the
-- coordinator commits) and is attached again with its shorter list; the new
-- node's partition is attached with the moving reporters.  Queries wait for
-- the lock and see the old or the new layout, never both.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE moving ON COMMIT DROP AS
SELECT reporter, node FROM shard_map WHERE reporter IN (:reporters);
SELECT format('ALTER TABLE trade DETACH PARTITION trade_node%s', node),
       format('DELETE FROM trade_node%s WHERE reporter IN (%s)', node,
              string_agg(quote_literal(reporter::text), ', ' ORDER BY reporter))
FROM moving GROUP BY node ORDER BY node \gexec
UPDATE shard_map SET node = :new WHERE reporter IN (SELECT reporter FROM moving);
SELECT format('ALTER TABLE trade ATTACH PARTITION trade_node%s FOR VALUES IN (%s)', m.node,
              string_agg(quote_literal(m.reporter::text), ', ' ORDER BY m.reporter))
FROM shard_map m WHERE m.node IN (SELECT node FROM moving) GROUP BY m.node ORDER BY m.node \gexec
SELECT format('CREATE FOREIGN TABLE trade_node%s PARTITION OF trade FOR VALUES IN (%s) '
              'SERVER node%s OPTIONS (schema_name ''public'', table_name ''trade'')', :new,
              string_agg(quote_literal(reporter::text), ', ' ORDER BY reporter), :new)
FROM moving \gexec
COMMIT;
