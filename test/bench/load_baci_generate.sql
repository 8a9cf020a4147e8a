-- SYNTHETIC CEPII BACI rows for test/bench/loaders.sh (never shipped,
-- never real trade): :rows rows of one year in BACI's own layout and order
-- (t,i,j,k,v,q sorted by exporter, importer, product), every key distinct,
-- countries from the BACI codes the extension knows, 5,000 invented HS
-- 6-digit codes (chapters 01-09 written with five digits, as BACI writes
-- them), v and q invented, q 'NA' (padded, as BACI pads it) in one row of 25.
-- Written to :baci_file, and the same rows as trade_flow rows (what load_baci
-- stores) to :flow_file, for the plain COPY it is compared with.
\set ON_ERROR_STOP on
DROP SCHEMA IF EXISTS bench_baci CASCADE;
CREATE SCHEMA bench_baci;
CREATE TABLE bench_baci.countries AS
SELECT row_number() OVER (ORDER BY baci) - 1 AS n, baci, country
FROM rareearth.country_reference() WHERE baci IS NOT NULL AND NOT is_aggregate;
CREATE TABLE bench_baci.products AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, code
FROM (SELECT lpad((10000 + (n::bigint * 1973) % 960000)::text, 6, '0') AS code FROM generate_series(1, 5000) n) c;
-- BACI's order: every (exporter, importer) pair, products ascending within it
CREATE TABLE bench_baci.rows AS
WITH c AS (SELECT count(*) AS n FROM bench_baci.countries),
g AS (SELECT s, s / 5000 AS pair, s % 5000 AS p FROM generate_series(0::bigint, :rows - 1) s)
SELECT g.s, ex.baci AS i, im.baci AS j, ex.country AS exporter, im.country AS importer, pr.code,
       round((((g.s * 7919) % 100000) / 37.0 + 0.001)::numeric, 3) AS v,
       CASE WHEN g.s % 25 = 0 THEN NULL ELSE round((((g.s * 104729) % 50000) / 91.0)::numeric, 3) END AS q
FROM g CROSS JOIN c
JOIN bench_baci.countries ex ON ex.n = (g.pair / (c.n - 1)) % c.n
JOIN bench_baci.countries im ON im.n = ((g.pair / (c.n - 1)) % c.n + 1 + g.pair % (c.n - 1)) % c.n
JOIN bench_baci.products pr ON pr.n = g.p;
SELECT count(*) = :rows AS all_generated, count(DISTINCT (i, j, code)) = :rows AS keys_distinct
FROM bench_baci.rows \gset
\if :all_generated
\else
\echo 'generator: row count differs'
\quit
\endif
\if :keys_distinct
\else
\echo 'generator: duplicate keys'
\quit
\endif
COPY (SELECT 2022 AS t, i, j, CASE WHEN code LIKE '0%' THEN substr(code, 2) ELSE code END AS k, v, coalesce(q::text, '          NA') AS q
      FROM bench_baci.rows ORDER BY s) TO STDOUT CSV HEADER \g :baci_file
COPY (SELECT 2022, NULL, exporter, importer, 'X', code, q * 1000, v * 1000, 'FOB', 'baci', 'SYNTHETIC bench', false, false, true,
              CASE WHEN q IS NOT NULL THEN 'q' END
      FROM bench_baci.rows ORDER BY s) TO STDOUT CSV \g :flow_file
DROP TABLE bench_baci.rows;
