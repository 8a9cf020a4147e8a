-- Origin tracing across supply stages: chained_origin, chained_origin_flows
-- and chained_disruption over the networks of consecutive stages, built
-- as an analyst would from per-stage tables.  Every figure is checked
-- against a hand computation or against the same chain done step by step
-- with the single-stage functions.
\set VERBOSITY terse

CREATE TEMP TABLE stage_production (stage supply_stage, unit text, country text, tonnes float8);
CREATE TEMP TABLE stage_trade (stage supply_stage, unit text, exporter text, importer text, tonnes float8);
-- ore: CHN mines 100, MMR 40 shipped to CHN; oxide: CHN makes 126, ships 50
-- to JPN and 20 to DEU, JPN re-ships 10 to DEU; metal: JPN makes 20 and
-- ships 5 to DEU, EST makes 10 from oxide the data do not show, ships 4 to DEU
INSERT INTO stage_production VALUES ('mining', 't REO', 'CHN', 100), ('mining', 't REO', 'MMR', 40),
  ('separation', 't REO', 'CHN', 126), ('metal', 't REO', 'JPN', 20), ('metal', 't REO', 'EST', 10);
INSERT INTO stage_trade VALUES ('mining', 't REO', 'MMR', 'CHN', 40),
  ('separation', 't REO', 'CHN', 'JPN', 50), ('separation', 't REO', 'CHN', 'DEU', 20), ('separation', 't REO', 'JPN', 'DEU', 10),
  ('metal', 't REO', 'JPN', 'DEU', 5), ('metal', 't REO', 'EST', 'DEU', 4);
-- one network per stage; the chain in stage order, one unit only (the
-- caller's part: a trade_network carries neither stage nor unit)
CREATE TEMP TABLE stage_networks AS
SELECT stage, unit, trade_network(exporter, importer, tonnes) AS net
FROM (SELECT stage, unit, exporter, importer, tonnes FROM stage_trade
      UNION ALL SELECT stage, unit, country, country, tonnes FROM stage_production) AS rows
GROUP BY stage, unit;
SELECT count(DISTINCT unit) = 1 AS one_unit FROM stage_networks;
CREATE TEMP TABLE chains AS
SELECT 'mining-separation' AS chain, array_agg(net ORDER BY stage) AS nets FROM stage_networks WHERE stage <= 'separation'
UNION ALL SELECT 'mining-metal', array_agg(net ORDER BY stage) FROM stage_networks;

-- mine origin of the oxide users: every user 5/7 CHN, 2/7 MMR; DEU's 30 t
-- are 150/7 t Chinese and 60/7 t Burmese ore
SELECT c.country, chained_origin(nets, c.country)
FROM chains, (VALUES ('CHN'), ('JPN'), ('DEU')) AS c(country) WHERE chain = 'mining-separation' ORDER BY 1;
SELECT bool_and(abs(share(chained_origin(nets, c.country), 'CHN') - 5 / 7.0) < 1e-12
            AND abs(share(chained_origin(nets, c.country), 'MMR') - 2 / 7.0) < 1e-12) AS every_user_5_7_2_7,
       bool_and(c.country <> 'DEU' OR (abs(quantity(chained_origin(nets, 'DEU'), 'CHN') - 150 / 7.0) < 1e-12
                                   AND abs(quantity(chained_origin(nets, 'DEU'), 'MMR') - 60 / 7.0) < 1e-12)) AS deu_150_7_60_7
FROM chains, (VALUES ('CHN'), ('JPN'), ('DEU')) AS c(country) WHERE chain = 'mining-separation';
-- the same by hand with the single-stage functions: CHN's ore mix times
-- each user's Chinese-processed oxide
WITH ore AS (SELECT net FROM stage_networks WHERE stage = 'mining'),
     ox AS (SELECT net FROM stage_networks WHERE stage = 'separation')
SELECT bool_and(abs(quantity(chained_origin(nets, u), 'MMR')
                    - share(traced_origin(ore.net, 'CHN'), 'MMR') * quantity(traced_origin(ox.net, u), 'CHN')) < 1e-12) AS step_by_step
FROM chains, ore, ox, unnest(ARRAY['CHN', 'JPN', 'DEU']) AS u WHERE chain = 'mining-separation';

-- three stages: DEU's metal 9 t = 5 x 5/7 CHN + 5 x 2/7 MMR + 4 EST (EST's
-- metal has no earlier stage in the data: its own origin); JPN keeps 15 =
-- 75/7 CHN + 30/7 MMR
SELECT o.* FROM chains, chained_origin_flows(nets) o WHERE chain = 'mining-metal' ORDER BY destination, origin;
SELECT abs(quantity(chained_origin(nets, 'DEU'), 'CHN') - 25 / 7.0) < 1e-12 AS deu_chn_25_7,
       abs(quantity(chained_origin(nets, 'DEU'), 'MMR') - 10 / 7.0) < 1e-12 AS deu_mmr_10_7,
       quantity(chained_origin(nets, 'DEU'), 'EST') = 4 AS deu_est_4,
       quantity(chained_origin(nets, 'DEU'), 'JPN') = 0 AS jpn_is_no_origin,
       abs(quantity(chained_origin(nets, 'JPN'), 'CHN') - 75 / 7.0) < 1e-12 AS jpn_chn_75_7,
       chained_origin(nets, 'USA') = '{}' AS absent_user
FROM chains WHERE chain = 'mining-metal';
-- columns sum to the last stage's use, shares to 1
WITH f AS (SELECT o.* FROM chains, chained_origin_flows(nets) o WHERE chain = 'mining-metal')
SELECT bool_and(abs(q - domestic_use(n.net, destination)) < 1e-12 AND abs(s - 1) < 1e-12) AS columns_sum_to_use
FROM (SELECT destination, sum(quantity) q, sum(share) s FROM f GROUP BY 1) d, stage_networks n WHERE n.stage = 'metal';

-- one stage: the chain is the network itself
SELECT bool_and(chained_origin(ARRAY[net], c) = traced_origin(net, c)) AS one_stage_is_traced_origin
FROM stage_networks, unnest(ARRAY['CHN', 'JPN', 'DEU', 'MMR', 'EST']) AS c;

-- a mining cut reaching the oxide users: MMR halves its ore exports; CHN
-- uses 120 t of ore instead of 140 and makes 126 x 6/7 = 108 t of oxide,
-- shipped with the same shares: CHN short 8, JPN 40/7, DEU 30/7
SELECT d.* FROM chains, chained_disruption(nets, 'MMR', 0.5) d WHERE chain = 'mining-separation' ORDER BY country;
SELECT bool_and(CASE country WHEN 'CHN' THEN abs(shortfall - 8) < 1e-12
                             WHEN 'JPN' THEN abs(shortfall - 40 / 7.0) < 1e-12
                             WHEN 'DEU' THEN abs(shortfall - 30 / 7.0) < 1e-12 AND abs(shortfall_share - 1 / 7.0) < 1e-12
                END) AS mining_cut_by_hand
FROM chains, chained_disruption(nets, 'MMR', 0.5) WHERE chain = 'mining-separation';
-- one stage: the single-network what-if; a supplier outside the first stage changes nothing
SELECT bool_and(c.use_after = d.use_after) AS one_stage_is_disruption
FROM stage_networks n, chained_disruption(ARRAY[n.net], 'CHN', 0.5) c
JOIN disruption((SELECT net FROM stage_networks WHERE stage = 'separation'), 'CHN', 0.5) d USING (country)
WHERE n.stage = 'separation';
SELECT bool_and(shortfall = 0) AS absent_supplier FROM chains, chained_disruption(nets, 'USA', 1);

-- bad input: each a clear error with its SQLSTATE
SELECT chained_origin('{}'::trade_network[], 'DEU');
\echo :LAST_ERROR_SQLSTATE
SELECT chained_origin(ARRAY[NULL::trade_network, '{}'], 'DEU');
\echo :LAST_ERROR_SQLSTATE
SELECT chained_origin(ARRAY[ARRAY['{}'::trade_network], ARRAY['{}'::trade_network]], 'DEU');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chained_disruption(ARRAY['{}'::trade_network], 'A', 2);
\echo :LAST_ERROR_SQLSTATE
