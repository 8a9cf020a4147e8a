-- Synthetic trade rows for the multi-node test, demo and bench-cluster (clearly synthetic, never shipped;
-- 30 years x 200 reporters, partners drawn from a skewed distribution
-- (a few partners carry most of the trade, as in real rare-earth flows).
CREATE EXTENSION IF NOT EXISTS rareearth;
DROP TABLE IF EXISTS bench_trade;
CREATE TABLE bench_trade (year int, reporter int, partner int, partner_iso text, partner_country rareearth.country, qty float8);
SELECT setseed(0.42);
-- partner p is also given as the p-th real (non-aggregate) country entry
CREATE TEMP TABLE bench_countries AS
SELECT row_number() OVER (ORDER BY iso3) - 1 AS p, country
FROM rareearth.country_reference() WHERE NOT is_aggregate;
INSERT INTO bench_trade
SELECT 1995 + (i % 30),
       (i / 30) % 200,
       g.p,
       'P' || g.p,
       c.country,
       round((random() * 1000 * (1 + g.p % 7))::numeric, 3)::float8
FROM (SELECT i, floor(230 * power(random(), 3))::int AS p
      FROM generate_series(0, :rows - 1) i) g
JOIN bench_countries c ON c.p = g.p;
VACUUM ANALYZE bench_trade;
SELECT count(*) AS rows, count(DISTINCT partner) AS partners,
       pg_size_pretty(pg_table_size('bench_trade')) AS size FROM bench_trade;
