-- Synthetic trade rows for the benchmark (clearly synthetic, never shipped).
-- psql variables:
--   shape    the table to make, bench.<shape> (large, small, scale)
--   rows     how many rows
--   groups   how many groups (g1, g2): group k is g1 = k / 100, g2 = k % 100
--   skew     partners are floor(230 * random()^skew): 1 uniform, larger
--            skewed (a few partners carry most of the trade)
--   partitions  0 (default) one table; n > 0 a table partitioned by
--            HASH (g1) into n partitions, as a user partitions BACI's rows
--            (by year, or by importer), so that a partition holds whole groups
-- Rows of a group are spread evenly over the table (group = i * a prime mod
-- groups), as in a file sorted by another key.  Every row has its supplier
-- in three forms -- ISO alpha-3 text, a numeric code (bigint) and the
-- country type -- a year, a flow kind and a quantity >= 0.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS rareearth;
CREATE SCHEMA IF NOT EXISTS bench;
SELECT setseed(0.42) \g /dev/null
-- partner p (0..229) is a real (non-aggregate) country with an M49 code
CREATE TABLE IF NOT EXISTS bench.countries AS
SELECT (row_number() OVER (ORDER BY iso3) - 1)::int AS p, country, iso3, m49::bigint AS code
FROM (SELECT DISTINCT ON (m49) * FROM rareearth.country_reference()
      WHERE NOT is_aggregate AND m49 IS NOT NULL ORDER BY m49, iso3) c
ORDER BY iso3 LIMIT 230;
DROP TABLE IF EXISTS bench.:shape;
\if :{?partitions}
\else
\set partitions 0
\endif
-- one column list for both forms; a partitioned table has no storage of its
-- own, so only its partitions can be unlogged
SELECT format('CREATE %s TABLE bench.%I (
	g1 int, g2 int, year int,
	partner bigint, partner_iso text, partner_country rareearth.country,
	kind text, qty float8) %s',
              CASE WHEN :partitions > 0 THEN '' ELSE 'UNLOGGED' END, :'shape',
              CASE WHEN :partitions > 0 THEN 'PARTITION BY HASH (g1)' ELSE '' END) \gexec
SELECT format('CREATE UNLOGGED TABLE bench.%I PARTITION OF bench.%I FOR VALUES WITH (MODULUS %s, REMAINDER %s)',
              :'shape' || '_' || r, :'shape', :partitions, r)
FROM generate_series(0, :partitions - 1) r \gexec
INSERT INTO bench.:shape
SELECT g.grp / 100, g.grp % 100, 1995 + floor(30 * random())::int,
       c.code, c.iso3, c.country,
       CASE WHEN g.k < 0.10 THEN 'production' WHEN g.k < 0.50 THEN 'import'
            WHEN g.k < 0.85 THEN 'export' WHEN g.k < 0.90 THEN 're-import'
            WHEN g.k < 0.95 THEN 're-export' ELSE 'stock_change' END,
       round((random() * 1000 * (1 + g.p % 7))::numeric, 3)::float8
FROM (SELECT (i * 2654435761) % :groups AS grp,
             floor(230 * power(random(), :skew))::int AS p, random() AS k
      FROM (SELECT generate_series(0, :rows - 1)::bigint AS i) s) g
JOIN bench.countries c ON c.p = g.p;
VACUUM (FREEZE, ANALYZE) bench.:shape;
