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
--   seed     setseed() argument in [-1, 1] (default 0.42): the same seed and
--            parameters give the same rows
--   years    distinct years the rows fall in (default 30, from 1995)
--   gkey     the grouping keys' type: int (default), bigint or text (g1 as
--            'R' and a zero-padded number, g2 as 'P' and one: reporter and
--            partner names as analysts group by them)
--   dup      unset (default): each row's supplier is drawn at random (skew);
--            d in [0, 1): the share of a group's rows that repeat a supplier
--            already in the group, the group's j-th row having supplier
--            number floor(j * (1 - d)) of a per-group rotation of the 230
--            (d = 0: every supplier of a group distinct, up to 230 rows)
-- Rows of a group are spread evenly over the table (group = i * a prime mod
-- groups), as in a file sorted by another key.  Every row has its supplier
-- in three forms -- ISO alpha-3 text, a numeric code (bigint) and the
-- country type -- a year, a flow kind and a quantity >= 0.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS rareearth;
CREATE SCHEMA IF NOT EXISTS bench;
\if :{?seed}
\else
\set seed 0.42
\endif
\if :{?years}
\else
\set years 30
\endif
\if :{?gkey}
\else
\set gkey int
\endif
\if :{?dup}
\else
\set dup -1
\endif
SELECT bench.require(:'gkey' IN ('int', 'bigint', 'text'), 'gkey is int, bigint or text') \g /dev/null
SELECT bench.require(:dup < 1 AND :years BETWEEN 1 AND 100, 'dup < 1, years in 1..100') \g /dev/null
SELECT setseed(:seed) \g /dev/null
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
SELECT format('CREATE %1$s TABLE bench.%2$I (
	g1 %4$s, g2 %4$s, year int,
	partner bigint, partner_iso text, partner_country rareearth.country,
	kind text, qty float8) %3$s',
              CASE WHEN :partitions > 0 THEN '' ELSE 'UNLOGGED' END, :'shape',
              CASE WHEN :partitions > 0 THEN 'PARTITION BY HASH (g1)' ELSE '' END, :'gkey') \gexec
SELECT format('CREATE UNLOGGED TABLE bench.%I PARTITION OF bench.%I FOR VALUES WITH (MODULUS %s, REMAINDER %s)',
              :'shape' || '_' || r, :'shape', :partitions, r)
FROM generate_series(0, :partitions - 1) r \gexec
SELECT CASE :'gkey' WHEN 'text' THEN $$'R' || lpad((g.grp / 100)::text, 6, '0')$$ ELSE 'g.grp / 100' END AS g1expr,
       CASE :'gkey' WHEN 'text' THEN $$'P' || lpad((g.grp % 100)::text, 3, '0')$$ ELSE 'g.grp % 100' END AS g2expr \gset
INSERT INTO bench.:shape
SELECT :g1expr, :g2expr,
       1995 + floor(:years * random())::int,
       c.code, c.iso3, c.country,
       CASE WHEN g.k < 0.10 THEN 'production' WHEN g.k < 0.50 THEN 'import'
            WHEN g.k < 0.85 THEN 'export' WHEN g.k < 0.90 THEN 're-import'
            WHEN g.k < 0.95 THEN 're-export' ELSE 'stock_change' END,
       round((random() * 1000 * (1 + g.p % 7))::numeric, 3)::float8
FROM (SELECT (i * 2654435761) % :groups AS grp,
             CASE WHEN :dup < 0 THEN floor(230 * power(random(), :skew))::int
                  -- row j = i / groups of its group (i -> group is a bijection on each run of :groups rows)
                  ELSE ((i * 2654435761) % :groups * 7 + floor((i / :groups) * (1 - :dup))::bigint) % 230 END::int AS p,
             random() AS k
      FROM (SELECT generate_series(0, :rows - 1)::bigint AS i) s) g
JOIN bench.countries c ON c.p = g.p;
VACUUM (FREEZE, ANALYZE) bench.:shape;
