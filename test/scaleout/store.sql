-- The production layout (README, "Running on several nodes"), on the
-- coordinator: every node keeps its reporters in its own store
-- (node_store.sql); the coordinator's rareearth.trade_flow is partitioned
-- BY LIST (reporter) over the nodes' rareearth.trade_flow, one foreign
-- partition per node, and create_store() then creates the coordinator's
-- other tables and the reporting views over it.  After server.sql for each
-- node; the reporter lists come from shard_map.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE SCHEMA shards;
-- the column definitions, from node 1's store
IMPORT FOREIGN SCHEMA rareearth LIMIT TO (trade_flow) FROM SERVER node1 INTO shards;
CREATE TABLE rareearth.trade_flow (LIKE shards.trade_flow) PARTITION BY LIST (reporter);
DROP FOREIGN TABLE shards.trade_flow;
SELECT format('CREATE FOREIGN TABLE shards.trade_flow_node%s PARTITION OF rareearth.trade_flow '
              'FOR VALUES IN (%s) SERVER node%s OPTIONS (schema_name ''rareearth'', table_name ''trade_flow'')',
              node, string_agg(quote_literal(reporter::text), ', ' ORDER BY reporter), node)
FROM shard_map GROUP BY node ORDER BY node \gexec
SELECT rareearth.create_store();
