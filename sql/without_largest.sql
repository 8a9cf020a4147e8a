-- Supply left without the largest supplier, for any supply_mix: checked
-- against the same figure computed in plain SQL from the rows, and on the
-- transit hub, where the largest direct partner is not the largest origin.
\set VERBOSITY terse

-- USGS Mineral Commodity Summaries 2025, rare earths, 2024 mine production
-- (t REO; the table's own rows, "Other countries" as one supplier)
CREATE TEMP TABLE mine_2024 (country text, tonnes float8);
INSERT INTO mine_2024 VALUES ('China', 270000), ('United States', 45000), ('Burma', 31000),
  ('Australia', 13000), ('Nigeria', 13000), ('Thailand', 13000), ('India', 2900), ('Russia', 2500),
  ('Madagascar', 2000), ('Vietnam', 300), ('Malaysia', 130), ('Brazil', 20), ('Other countries', 1100);
SELECT (without_largest(supply_mix(country, tonnes))).* FROM mine_2024;
-- plain SQL: the largest row, and the sum of all other rows over the sum of all
WITH top AS (SELECT country, tonnes FROM mine_2024 ORDER BY tonnes DESC, country LIMIT 1),
     w AS (SELECT (without_largest(supply_mix(country, tonnes))).* FROM mine_2024)
SELECT w.largest_supplier = top.country AS same_supplier,
       w.quantity_left = (SELECT sum(tonnes) FROM mine_2024) - top.tonnes AS left_123950,
       abs(w.share_left - ((SELECT sum(tonnes) FROM mine_2024) - top.tonnes) / (SELECT sum(tonnes) FROM mine_2024)) < 1e-15 AS share_left,
       abs(w.largest_share - top.tonnes / (SELECT sum(tonnes) FROM mine_2024)) < 1e-15 AS largest_share,
       abs(w.largest_share + w.share_left - 1) < 1e-15 AS shares_add_up
FROM w, top;

-- The hub (CHN 60, MYS 30; CHN->NLD 40, MYS->NLD 20, NLD->DEU 30, CHN->DEU 10):
-- DEU's direct partners are NLD 30 and CHN 10, so without NLD a quarter is left;
-- by origin DEU's 40 t are CHN 30 and MYS 10, so without China a quarter is
-- left too, but it is China that matters.
WITH hub AS (SELECT '{"CHN": {"CHN": 60, "NLD": 40, "DEU": 10}, "MYS": {"MYS": 30, "NLD": 20}, "NLD": {"DEU": 30}}'::trade_network AS net)
SELECT (without_largest(direct_origin(net, 'DEU'))).largest_supplier AS direct_largest,
       (without_largest(traced_origin(net, 'DEU'))).largest_supplier AS traced_largest,
       (without_largest(traced_origin(net, 'DEU'))).quantity_left = 10 AS traced_left_10,
       (without_largest(traced_origin(net, 'DEU'))).share_left = 0.25 AS traced_share_1_4
FROM hub;

-- edge cases: a tie goes to the first supplier by name; a single supplier
-- leaves nothing; no supply leaves 0 with no largest supplier; NULL is NULL
SELECT (without_largest('{"y": 5, "x": 5}')).*;
SELECT (without_largest('{"CHN": 7}')).*;
SELECT (without_largest('{}')).*;
SELECT (without_largest('{"A": 0}')).*;
SELECT (without_largest(NULL::supply_mix)).*;
-- a small rest beside a huge largest supplier is kept, not lost to subtraction
SELECT (without_largest('{"big": 1e17, "small": 1}')).quantity_left = 1 AS small_rest_kept;
