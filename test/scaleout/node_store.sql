-- On a node (database "shard"): the node's own store, as in production,
-- holding its reporters' trade as the loaders would store it: one row per
-- (year, reporter, partner, flow, HS code), here from the synthetic rows of
-- table trade (marked synthetic).
SET client_min_messages = warning;
SELECT rareearth.create_store();
INSERT INTO rareearth.trade_flow (year, reporter, partner, flow, product, net_weight_kg, value_usd,
                                  valuation, source, release, synthetic)
SELECT year, reporter, partner, flow, product, 1000 * sum(qty), sum(qty),
       CASE WHEN flow IN ('M', 'RM') THEN 'CIF' ELSE 'FOB' END, 'comtrade', 'synthetic', true
FROM trade
GROUP BY year, reporter, partner, flow, product;
ANALYZE rareearth.trade_flow;
