-- trajectory benchmark on bench.:shape: CAGR per group (g1, g2) over its
-- yearly sums.  The CAGR of a series is (V_last / V_first)^(1 / (last_year -
-- first_year)) - 1 with V the sum of qty in a year; NULL when a value <= 0
-- or there is one year.
--  ours   cagr(trajectory(year, qty))
--  plain  the two best plain-SQL forms we know (the faster one counts):
--         window: yearly sums, first/last year and value in one window
--                 pass, keeping each series' last row;
--         join:   yearly sums, min/max year per series, two joins back
--  floor  sum(qty), count(year) over the same grouping
-- This script registers the queries (test/bench/run times them) and first
-- checks that the three forms agree on every series.
\set ON_ERROR_STOP on
SET search_path = rareearth, public;
SET work_mem = '256MB';
SET jit = off;
\set t bench. :shape
SELECT bench.add(:'shape', 'trajectory', r.role, r.variant, r.markers, replace(r.q, 'TABLE', :'t'))
FROM (VALUES
 ('ours', 'cagr(trajectory(year, qty))', ARRAY['cagr(trajectory('],
  'SELECT g1, g2, cagr(trajectory(year, qty)) AS c FROM TABLE GROUP BY g1, g2'),
 ('plain', 'yearly sums, window first/last', ARRAY['CASE WHEN'],
  'SELECT g1, g2, CASE WHEN q0 > 0 AND q1 > 0 AND y1 > y0 THEN (q1 / q0) ^ (1.0 / (y1 - y0)) - 1 END AS c FROM (SELECT g1, g2, year, first_value(year) OVER w AS y0, first_value(q) OVER w AS q0, last_value(year) OVER w AS y1, last_value(q) OVER w AS q1 FROM (SELECT g1, g2, year, sum(qty) AS q FROM TABLE GROUP BY g1, g2, year) y WINDOW w AS (PARTITION BY g1, g2 ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) s WHERE year = y1'),
 ('plain', 'yearly sums, min/max year, joins', ARRAY['CASE WHEN'],
  'WITH y AS MATERIALIZED (SELECT g1, g2, year, sum(qty) AS q FROM TABLE GROUP BY g1, g2, year), e AS (SELECT g1, g2, min(year) AS y0, max(year) AS y1 FROM y GROUP BY g1, g2) SELECT e.g1, e.g2, CASE WHEN a.q > 0 AND b.q > 0 AND e.y1 > e.y0 THEN (b.q / a.q) ^ (1.0 / (e.y1 - e.y0)) - 1 END AS c FROM e JOIN y a ON (a.g1, a.g2, a.year) = (e.g1, e.g2, e.y0) JOIN y b ON (b.g1, b.g2, b.year) = (e.g1, e.g2, e.y1)'),
 ('floor', 'sum(qty), count(year)', ARRAY['sum(', 'count('],
  'SELECT g1, g2, sum(qty), count(year) FROM TABLE GROUP BY g1, g2')
) r (role, variant, markers, q) \g /dev/null

-- the three agree on every series (plain sum() is not compensated: 1e-9
-- relative); results are materialized first, so the comparison cannot get
-- a nested-loop plan that re-runs a whole formulation per series
SELECT format('CREATE TEMP TABLE t_%s AS %s', CASE WHEN variant LIKE '%window%' THEN 'window' WHEN variant LIKE '%join%' THEN 'join' ELSE role END, q)
FROM bench.queries WHERE shape = :'shape' AND family = 'trajectory' AND role <> 'floor' \gexec
SELECT count(*) AS series,
       count(*) FILTER (WHERE (o.c IS NULL) <> (w.c IS NULL) OR abs(o.c - w.c) > 1e-9 * greatest(1, abs(w.c))
                           OR (o.c IS NULL) <> (j.c IS NULL) OR abs(o.c - j.c) > 1e-9 * greatest(1, abs(j.c))) AS disagree,
       (SELECT count(*) FROM t_window) AS w_series, (SELECT count(*) FROM t_join) AS j_series
FROM t_ours o JOIN t_window w USING (g1, g2) JOIN t_join j USING (g1, g2) \gset
\echo trajectory on :shape: :series series, :disagree disagree with plain SQL
SELECT bench.require(:disagree = 0 AND :series = :w_series AND :series = :j_series,
                     'trajectory and plain SQL agree') \g /dev/null
