-- The coordinator (database "coordinator" on node 1), after
-- test/scaleout/trade_rows.sql has made bench_trade there and server.sql a
-- foreign server per node (node1, node2, ...):
--   * trade_single: the same rows on one node, shaped like the store's
--     trade_flow (reporter and partner countries, flow, HS code), the
--     single-node reference every distributed answer is compared with;
--   * trade: partitioned BY LIST (reporter), one foreign partition per node
--     (trade_node1 ...), reporters dealt out largest first to the node with
--     the fewest rows so far; shard_map records which node has which.
SET client_min_messages = warning;

-- reporter i of the synthetic rows is the i-th real country, as partners are
CREATE TABLE trade_single AS
SELECT b.year, r.country AS reporter, b.partner_country AS partner, b.partner AS partner_code,
       b.partner_iso,
       (ARRAY['M', 'M', 'M', 'X', 'X', 'RM', 'RX'])[1 + (b.partner + 2 * b.year) % 7] AS flow,
       (ARRAY['2530', '253090', '261220', '280530', '284610', '284690', '850511', '360690']::rareearth.hscode[])
           [1 + (b.reporter + 3 * b.partner) % 8] AS product,
       b.qty
FROM bench_trade b
JOIN (SELECT row_number() OVER (ORDER BY iso3) - 1 AS p, country
      FROM rareearth.country_reference() WHERE NOT is_aggregate) r ON r.p = b.reporter;
DROP TABLE bench_trade;
ANALYZE trade_single;

-- greedy balance: each reporter, largest first, to the node with fewest rows
CREATE TABLE shard_map (reporter rareearth.country PRIMARY KEY, node int NOT NULL, rows bigint NOT NULL);
DO $$
DECLARE
	nodes int := (SELECT count(*) FROM pg_foreign_server WHERE srvname ~ '^node[0-9]+$');
	r record;
BEGIN
	FOR r IN SELECT reporter, count(*) AS n FROM trade_single GROUP BY reporter ORDER BY count(*) DESC, reporter LOOP
		INSERT INTO shard_map
		SELECT r.reporter, k, r.n
		FROM generate_series(1, nodes) k
		ORDER BY (SELECT coalesce(sum(rows), 0) FROM shard_map m WHERE m.node = k), k
		LIMIT 1;
	END LOOP;
END $$;

CREATE TABLE trade (LIKE trade_single) PARTITION BY LIST (reporter);
SELECT format('CREATE FOREIGN TABLE trade_node%s PARTITION OF trade FOR VALUES IN (%s) SERVER node%s OPTIONS (schema_name ''public'', table_name ''trade'')',
              node, string_agg(quote_literal(reporter::text), ', ' ORDER BY reporter), node)
FROM shard_map GROUP BY node ORDER BY node \gexec

-- A reporting view that stays pushable: its grouping carries the partition
-- key, so each shard computes its groups' summaries and ships those; queries
-- over it roll the summaries up on the coordinator with rollup(), and their
-- WHERE on grouped columns (flow, product, year, reporter) reaches the shards.
CREATE VIEW trade_summary AS
SELECT reporter, year, flow, product,
       supply_mix(partner, qty) AS partners,
       material_balance(flow, qty) AS balance,
       trajectory(year, qty) AS series,
       sum(qty) AS qty, count(*) AS flows
FROM trade
GROUP BY reporter, year, flow, product;
